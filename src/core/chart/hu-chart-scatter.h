/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-chart.h"
#include "hu-known-model.h"

G_BEGIN_DECLS

/* Scatter charts (HU_CHART_SCATTER): dots per series, no lines. The value
 * axis may be logarithmic (training compute spans 24 decades) and the x
 * axis may be a date axis (values are decimal years, 2020.5 is July
 * 2020). Each point may carry a label, shown on hover and keyboard focus. */

void         hu_chart_set_y_log           (HuChart      *self,
                                           gboolean      log_scale);
gboolean     hu_chart_get_y_log           (HuChart      *self);
void         hu_chart_set_x_dates         (HuChart      *self,
                                           gboolean      dates);
void         hu_chart_add_labelled_point  (HuChart      *self,
                                           guint         series,
                                           double        x,
                                           double        y,
                                           const char   *label);
guint        hu_chart_get_n_points        (HuChart      *self,
                                           guint         series);
/* A marked series is drawn as diamonds in the foreground colour with
 * each point's label beside it (the project's own scenarios). */
void         hu_chart_set_series_marked   (HuChart      *self,
                                           guint         series,
                                           gboolean      marked);
/* Text appended to hu_chart_accessible_text() (for a scatter, what its
 * hundreds of points mean: the nearest models of each scenario). */
void         hu_chart_set_description     (HuChart      *self,
                                           const char   *description);

/* Keyboard focus over a scatter's points, in date order (x, then y).
 * Targets are the points that can be drawn (finite, and above zero on a
 * log axis). Setting the focus only redraws: it does not emit ::changed. */
guint        hu_chart_get_n_targets       (HuChart      *self);
int          hu_chart_get_focus           (HuChart      *self);
void         hu_chart_set_focus           (HuChart      *self,
                                           int           target);
/* Where @target is drawn at that size and (optional) its label. */
gboolean     hu_chart_get_target          (HuChart            *self,
                                           guint               target,
                                           double              width,
                                           double              height,
                                           const HuChartStyle *style,
                                           double             *x,
                                           double             *y,
                                           char              **label);

/* The context chart (hu-chart-context.c): published training runs by
 * date, and where a project's scenarios fall among them. */
typedef struct {
  const char *name;
  double      flops;    /* training compute; NAN: planned in hours, not drawn */
  double      year;     /* decimal year; NAN: the chart's "now" */
} HuContextScenario;

/* The domain group a model is coloured by ("Language", "Multimodal", …),
 * translated; models of several domains count as multimodal. */
const char  *hu_known_model_domain_group  (const HuKnownModel *model);
/* The @n models of @models (HuKnownModel) with a date whose compute is
 * nearest @flops on a log scale, nearest first. */
GPtrArray   *hu_known_models_nearest      (GPtrArray          *models,
                                           double              flops,
                                           guint               n);
HuChart     *hu_chart_new_context         (GPtrArray          *models,
                                           const HuContextScenario *scenarios,
                                           guint               n_scenarios,
                                           double              now_year);
HuChart     *hu_chart_new_context_since   (GPtrArray          *models,
                                           const HuContextScenario *scenarios,
                                           guint               n_scenarios,
                                           double              now_year,
                                           double              from_year);
/* A scenario made from a known model sits at that model's date. */
double       hu_scenario_get_context_year (HuScenario         *scenario,
                                           HuCatalog          *catalog);
/* Every scenario of the comparison, every model of its project's
 * catalog; "now" is @now_year. */
HuChart     *hu_chart_new_context_for_comparison (HuComparison *comparison,
                                                  double        now_year);
double       hu_decimal_year_now          (void);

G_END_DECLS
