/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hu-comparison-row.h"
#include "hu-project.h"

G_BEGIN_DECLS

#define HU_COMPARISON_ERROR (hu_comparison_error_quark ())

typedef enum {
  HU_COMPARISON_ERROR_UNKNOWN_ID,   /* no scenario or run has that id */
} HuComparisonError;

#define HU_TYPE_COMPARISON (hu_comparison_get_type ())
G_DECLARE_FINAL_TYPE (HuComparison, hu_comparison, HU, COMPARISON, GObject)

/* The comparison of a project: a GListModel of HuComparisonRow, first one
 * row per scenario (in the project's order), then one per measured run.
 * It is the only place where the project's scenarios are estimated; the
 * app's sidebar, table, charts and views, the report and `huella-cli
 * compare` all read its rows.
 *
 * It follows the project: a scenario that changes is estimated again,
 * alone, and its row is announced with ::items-changed (position, 1, 1);
 * items added to or removed from the project arrive as one splice per
 * change of the project's lists (see hu_project_add_runs()). A new
 * baseline notifies :baseline once. Not thread-safe: use it on the thread
 * that edits the project (a report copies what it needs). */

GQuark           hu_comparison_error_quark    (void);

HuComparison    *hu_comparison_new            (HuProject       *project);
HuProject       *hu_comparison_get_project    (HuComparison    *self);

/* Rows [0, n_scenarios) are scenarios, the rest runs. */
guint            hu_comparison_get_n_scenarios (HuComparison   *self);
guint            hu_comparison_get_n_runs     (HuComparison    *self);
/* (transfer none), NULL when out of range. */
HuComparisonRow *hu_comparison_get_row        (HuComparison    *self,
                                               guint            position);
/* (transfer none) lookups; NULL when absent. */
HuComparisonRow *hu_comparison_find           (HuComparison    *self,
                                               const char      *id);
HuComparisonRow *hu_comparison_find_scenario  (HuComparison    *self,
                                               HuScenario      *scenario);
HuComparisonRow *hu_comparison_find_run       (HuComparison    *self,
                                               HuMeasuredRun   *run);
gboolean         hu_comparison_get_position   (HuComparison    *self,
                                               HuComparisonRow *row,
                                               guint           *position);
/* The scenario row a run row is compared with: the scenario linked to
 * the run from either side (its "run" or the run's "scenario"); NULL
 * when none. */
HuComparisonRow *hu_comparison_get_linked     (HuComparison    *self,
                                               HuComparisonRow *run_row);

/* The row others are compared with. Until one is set it is the first
 * scenario (NULL without scenarios); when the baseline's item leaves the
 * project it falls back to the first scenario. */
HuComparisonRow *hu_comparison_get_baseline   (HuComparison    *self);
void             hu_comparison_set_baseline   (HuComparison    *self,
                                               HuComparisonRow *row);
gboolean         hu_comparison_set_baseline_id (HuComparison   *self,
                                                const char     *id,
                                                GError        **error);

/* "Include the typical uncertainty of defaults" in every row's ranges;
 * notified once as :default-ranges. */
gboolean         hu_comparison_get_default_ranges (HuComparison *self);
void             hu_comparison_set_default_ranges (HuComparison *self,
                                                   gboolean      default_ranges);
/* A row's likely ranges (and probability of emitting less) against the
 * baseline with the flag above: drawn when first asked, cached in the
 * row until its inputs, the baseline or the flag change. */
const HuUncertainty *hu_comparison_get_uncertainty (HuComparison    *self,
                                                    HuComparisonRow *row);
double           hu_comparison_get_p_lower    (HuComparison    *self,
                                               HuComparisonRow *row);

/* Estimate every scenario again, e.g. after the catalog changed: one
 * ::items-changed over all the rows. */
void             hu_comparison_refresh        (HuComparison    *self);

G_END_DECLS
