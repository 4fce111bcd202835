/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-measured-run.h"
#include "hu-scenario.h"
#include "hu-sweep.h"
#include "hu-uncertainty.h"

G_BEGIN_DECLS

typedef enum {
  HU_COMPARISON_ROW_SCENARIO,   /* an estimate of a scenario */
  HU_COMPARISON_ROW_RUN,        /* the totals a tracker measured */
} HuComparisonRowKind;

#define HU_TYPE_COMPARISON_ROW (hu_comparison_row_get_type ())
G_DECLARE_FINAL_TYPE (HuComparisonRow, hu_comparison_row, HU, COMPARISON_ROW, GObject)

/* One row of a HuComparison: a scenario with its cached estimate (or the
 * error that stopped it), or a measured run with its metrics. Rows are
 * made and kept up to date by their HuComparison; every view reads the
 * same numbers from here and never estimates again.
 *
 * The metric properties ("gpu-hours", "wall-hours", "energy-kwh",
 * "emissions-kg", "total-kg", "cost": hu_metric_to_string() with dashes)
 * are plain doubles for sorters, NAN when unknown. They are notified when
 * the row is computed again; the comparison then also emits
 * ::items-changed (position, 1, 1). The change against the baseline is
 * not a property: it follows HuComparison:baseline, which is notified
 * once per baseline change, not once per row. */

HuComparisonRowKind hu_comparison_row_get_kind       (HuComparisonRow *self);
/* The scenario or the run the row shows; the other is NULL. */
HuScenario         *hu_comparison_row_get_scenario   (HuComparisonRow *self);
HuMeasuredRun      *hu_comparison_row_get_run        (HuComparisonRow *self);
const char         *hu_comparison_row_get_id         (HuComparisonRow *self);
/* The name, or the id when the item has no name. */
const char         *hu_comparison_row_get_name       (HuComparisonRow *self);

/* The cached estimate, with its derivation; NULL for a run and for a
 * scenario that cannot be estimated (then get_error() says why). */
const HuEstimate   *hu_comparison_row_get_estimate   (HuComparisonRow *self);
const GError       *hu_comparison_row_get_error      (HuComparisonRow *self);

/* The value of @metric, NAN when unknown. A scenario's come from its
 * estimate; a run's from hu_run_data_get_metric() and its one rule for
 * what the log does not say. */
double              hu_comparison_row_get_metric     (HuComparisonRow *self,
                                                      HuMetric         metric);

/* Against @baseline (the comparison's hu_comparison_get_baseline(); the
 * caller passes it in, so that a row never reaches back into the
 * comparison that owns it): the difference (value − baseline value) and
 * the change in percent ((value − baseline) ÷ baseline × 100). NAN when
 * either value is unknown, when @baseline is NULL, and (change) when the
 * baseline's value is 0. */
double              hu_comparison_row_get_difference (HuComparisonRow *self,
                                                      HuComparisonRow *baseline,
                                                      HuMetric         metric);
double              hu_comparison_row_get_change     (HuComparisonRow *self,
                                                      HuComparisonRow *baseline,
                                                      HuMetric         metric);

/* The likely ranges of a scenario's inputs against @baseline, drawn
 * lazily and cached (see the .c); the comparison's
 * hu_comparison_get_uncertainty() passes its baseline and its "typical
 * ranges of defaults" flag. */
const HuUncertainty *hu_comparison_row_get_uncertainty (HuComparisonRow *self,
                                                        HuComparisonRow *baseline,
                                                        gboolean         default_ranges);
gboolean            hu_comparison_row_has_uncertainty (HuComparisonRow *self,
                                                       HuComparisonRow *baseline,
                                                       gboolean         default_ranges);
double              hu_comparison_row_get_p_lower    (HuComparisonRow *self,
                                                      HuComparisonRow *baseline,
                                                      gboolean         default_ranges);
guint               hu_comparison_row_get_n_uncertainty_computes (HuComparisonRow *self);

G_END_DECLS
