/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "hu-comparison.h"
#include "hu-measured-run.h"
#include "hu-project.h"
#include "hu-sweep.h"
#include "hu-uncertainty.h"
#include "hu-units.h"

G_BEGIN_DECLS

#define HU_CHART_ERROR (hu_chart_error_quark ())

typedef enum {
  HU_CHART_ERROR_FAILED,      /* cairo could not create or write the file */
  HU_CHART_ERROR_EMPTY,       /* nothing to draw */
} HuChartError;

typedef enum {
  /* Vertical bars per category; several series are stacked (operational
   * + embodied) or grouped side by side (hu_chart_set_stacked()). */
  HU_CHART_BARS,
  /* Horizontal bars ranked top to bottom (all regions, all GPUs). */
  HU_CHART_RANKED,
  /* Lines through (x, y) points with markers (one-parameter sweep). */
  HU_CHART_LINE,
  /* Power over time: per series a min/max band and a mean line,
   * decimated to one column per device pixel. */
  HU_CHART_POWER,
  /* A tornado (issue 12): per category (an uncertain input) a bar from
   * the reference value (hu_chart_set_x_marker(), the point estimate) to
   * series 0 (the value at the input's low end) and one to series 1 (at
   * its high end), largest swing first. */
  HU_CHART_TORNADO,
  /* Points without lines (hu-chart-scatter.h): one series per group,
   * coloured and in the legend; a marked series is drawn as labelled
   * diamonds. Known models' compute against date (issue 13). */
  HU_CHART_SCATTER,
} HuChartKind;


typedef struct {
  double red;
  double green;
  double blue;
  double alpha;
} HuColor;

#define HU_CHART_PALETTE_SIZE 8

/* Everything the renderer needs from the theme. The widget fills it from
 * CSS when the style changes; exporters use hu_chart_style_init(). The
 * renderer never looks at a widget, so the same style gives the same
 * picture on screen and on paper. */
typedef struct {
  HuColor               foreground;
  HuColor               background;    /* alpha 0 draws no background */
  HuColor               grid;
  HuColor               accent;        /* lines, markers */
  HuColor               highlight;     /* the "current" bar / category */
  HuColor               palette[HU_CHART_PALETTE_SIZE]; /* series colours */
  PangoFontDescription *font;          /* owned; NULL means "Sans 10" */
  double                font_scale;    /* multiplies the font size; 1.0 */
} HuChartStyle;

void     hu_chart_style_init        (HuChartStyle       *style,
                                     gboolean            dark);
void     hu_chart_style_copy        (const HuChartStyle *src,
                                     HuChartStyle       *dest);
void     hu_chart_style_clear       (HuChartStyle       *style);
gboolean hu_color_parse             (HuColor            *color,
                                     const char         *spec);

#define HU_TYPE_CHART (hu_chart_get_type ())
G_DECLARE_FINAL_TYPE (HuChart, hu_chart, HU, CHART, GObject)

/* A HuChart is not thread-safe: build and draw it in one thread (the
 * report exporter builds its own charts in its worker thread). It emits
 * ::changed when its data changes so a widget can queue a redraw. */

GQuark       hu_chart_error_quark        (void);

HuChart     *hu_chart_new                (HuChartKind   kind);
HuChartKind  hu_chart_get_kind           (HuChart      *self);

void         hu_chart_set_title          (HuChart      *self,
                                          const char   *title);
const char  *hu_chart_get_title          (HuChart      *self);
void         hu_chart_set_subtitle       (HuChart      *self,
                                          const char   *subtitle);
const char  *hu_chart_get_subtitle       (HuChart      *self);
/* Axis titles; the value axis gets its unit appended automatically. */
void         hu_chart_set_x_label        (HuChart      *self,
                                          const char   *label);
void         hu_chart_set_y_label        (HuChart      *self,
                                          const char   *label);
/* Unit of the value axis (bars: vertical; ranked: horizontal; line,
 * power: y). */
void         hu_chart_set_unit_kind      (HuChart      *self,
                                          HuUnitKind    unit);
HuUnitKind   hu_chart_get_unit_kind      (HuChart      *self);
/* Unit of the x axis of line and power charts. */
void         hu_chart_set_x_unit_kind    (HuChart      *self,
                                          HuUnitKind    unit);
void         hu_chart_set_currency       (HuChart      *self,
                                          const char   *currency);
void         hu_chart_set_label_scale    (HuChart           *self,
                                          const HuUnitScale *scale);
/* What a highlighted category means ("current", "baseline"), for the
 * accessible text. */
void         hu_chart_set_highlight_label (HuChart    *self,
                                           const char *label);
/* Bars: stack series (TRUE, default) or draw them side by side. */
void         hu_chart_set_stacked        (HuChart      *self,
                                          gboolean      stacked);

/* Bars and ranked bars. Returns the index of the new category/series. */
guint        hu_chart_add_category       (HuChart      *self,
                                          const char   *label,
                                          gboolean      highlight);
guint        hu_chart_add_series         (HuChart      *self,
                                          const char   *label);
/* NAN means "no value" (drawn as "n/a"), e.g. a cost without a price. */
void         hu_chart_set_value          (HuChart      *self,
                                          guint         series,
                                          guint         category,
                                          double        value);
double       hu_chart_get_value          (HuChart      *self,
                                          guint         series,
                                          guint         category);
/* Bars and ranked bars: the likely range of a category's total, drawn
 * as a whisker; NAN for none. */
void         hu_chart_set_interval       (HuChart      *self,
                                          guint         category,
                                          double        low,
                                          double        high);
gboolean     hu_chart_get_interval       (HuChart      *self,
                                          guint         category,
                                          double       *low,
                                          double       *high);
guint        hu_chart_get_n_categories   (HuChart      *self);
guint        hu_chart_get_n_series       (HuChart      *self);
const char  *hu_chart_get_category_label (HuChart      *self,
                                          guint         category);
gboolean     hu_chart_get_category_highlight (HuChart  *self,
                                              guint     category);
void         hu_chart_clear              (HuChart      *self);

/* Line charts. */
/* How a line chart draws a series, and its legend shows it: where two
 * lines coincide a wide one stays visible beside a dashed one on top. */
typedef enum {
  HU_LINE_SOLID,
  HU_LINE_WIDE,      /* drawn under the others, twice as wide */
  HU_LINE_DASHED,
} HuLineStyle;

void         hu_chart_set_series_line    (HuChart      *self,
                                          guint         series,
                                          HuLineStyle   style);
HuLineStyle  hu_chart_get_series_line    (HuChart      *self,
                                          guint         series);
void         hu_chart_add_point          (HuChart      *self,
                                          guint         series,
                                          double        x,
                                          double        y);
/* A vertical marker (the scenario's current value); NAN for none. */
void         hu_chart_set_x_marker       (HuChart      *self,
                                          double        x);
void         hu_chart_set_x_marker_label (HuChart      *self,
                                          const char   *label);
double       hu_chart_get_x_marker       (HuChart      *self);
gboolean     hu_chart_get_point          (HuChart      *self,
                                          guint         series,
                                          guint         index,
                                          double       *x,
                                          double       *y);

/* Power charts: one raw sample (min = mean = max) or one pre-decimated
 * bucket. Times in seconds since the start, power in W. These two do not
 * emit ::changed (a million signals would cost more than the drawing):
 * fill the chart before showing it. */
void         hu_chart_add_sample         (HuChart      *self,
                                          guint         series,
                                          double        t_s,
                                          double        watts);
void         hu_chart_add_bucket         (HuChart      *self,
                                          guint         series,
                                          double        t0_s,
                                          double        t1_s,
                                          double        min_w,
                                          double        mean_w,
                                          double        max_w);

/* Builders from core data. They never fail: a scenario whose estimate
 * fails shows as "n/a". Total CO2eq is stacked operational + embodied. */
HuChart     *hu_chart_new_comparison     (HuComparison *comparison,
                                          HuMetric      metric);
/* "What matters most": total CO2eq with each ranged input of @u at its
 * low and high end around @point_kg; NULL when nothing is ranged. */
HuChart     *hu_chart_new_tornado        (const HuUncertainty *u,
                                          double        point_kg);
/* @items: HuSweepItem from hu_sweep_regions()/hu_sweep_gpus(). */
HuChart     *hu_chart_new_from_sweep     (GPtrArray    *items,
                                          HuMetric      metric);
/* @points: (x, y) double pairs from hu_sweep_parameter(). */
HuChart     *hu_chart_new_parameter_sweep (GArray      *points,
                                           HuInputKey   key,
                                           HuMetric     metric,
                                           double       current_x);
HuChart     *hu_chart_new_power          (HuMeasuredRun *run);
/* The whole life by day of deployment (issue 11): cumulative CO₂eq of
 * the whole life (development and training at day 0, then serving),
 * training alone and serving alone, with the break-even day marked; NULL
 * without a deployment phase or when its days are unknown. */
HuChart     *hu_chart_new_lifecycle      (const HuEstimate *estimate);

HuUnitKind   hu_metric_unit_kind         (HuMetric      metric);
/* A value as the chart's bars label theirs, with the axis' unit: "7.05 t". */
char        *hu_chart_format_bar_value   (HuChart      *self,
                                          double        value);

/* Drawing. @cr's current transformation maps the chart's (0, 0)-(width,
 * height) box; the state of @cr is saved and restored. */
void         hu_chart_render             (HuChart            *self,
                                          cairo_t            *cr,
                                          double              width,
                                          double              height,
                                          const HuChartStyle *style);
/* A height that shows every row of a ranked chart legibly at @width;
 * other kinds return a pleasant aspect ratio. Layout depends on the font,
 * so these take the style too (NULL means hu_chart_style_init() light). */
double       hu_chart_get_preferred_height (HuChart          *self,
                                            double            width,
                                            const HuChartStyle *style);
/* The category (bar, ranked row) at (x, y) of a bar, ranked or tornado
 * chart as rendered at that size, or -1. */
int          hu_chart_category_at        (HuChart            *self,
                                          double              x,
                                          double              y,
                                          double              width,
                                          double              height,
                                          const HuChartStyle *style);
/* Whether (x, y) is over a bar, point or sample of the chart as rendered
 * at that size; if so *tooltip_text gets the exact value (free it). */
gboolean     hu_chart_hit_test           (HuChart            *self,
                                          double              x,
                                          double              y,
                                          double              width,
                                          double              height,
                                          const HuChartStyle *style,
                                          char              **tooltip_text);
/* The chart as a small text table, for screen readers and reports. */
char        *hu_chart_accessible_text    (HuChart      *self);

/* Export through the same renderer. @scale multiplies pixels in PNG (2 for
 * slides) and is ignored by vector formats. Files are replaced atomically. */
gboolean     hu_chart_save_svg           (HuChart            *self,
                                          const char         *path,
                                          double              width,
                                          double              height,
                                          const HuChartStyle *style,
                                          GError            **error);
gboolean     hu_chart_save_pdf           (HuChart            *self,
                                          const char         *path,
                                          double              width,
                                          double              height,
                                          const HuChartStyle *style,
                                          GError            **error);
gboolean     hu_chart_save_png           (HuChart            *self,
                                          const char         *path,
                                          double              width,
                                          double              height,
                                          double              scale,
                                          const HuChartStyle *style,
                                          GError            **error);

G_END_DECLS

#include "hu-chart-scatter.h"
