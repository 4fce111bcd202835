/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-comparison-row.h"

G_BEGIN_DECLS

/* How HuComparison makes and updates its rows. */

HuComparisonRow *_hu_comparison_row_new_for_scenario (HuScenario      *scenario,
                                                      HuCatalog       *catalog,
                                                      const char      *currency);
gboolean         _hu_comparison_row_set_currency     (HuComparisonRow *self,
                                                      const char      *currency);
HuComparisonRow *_hu_comparison_row_new_for_run      (HuMeasuredRun   *run);
/* Estimate a scenario row again / read a run row's metrics again. */
void             _hu_comparison_row_update           (HuComparisonRow *self);
/* The item's name or id changed: nothing to compute, only to say. */
void             _hu_comparison_row_notify_name      (HuComparisonRow *self);
/* The row's index among the comparison's rows of its kind. */
void             _hu_comparison_row_set_index        (HuComparisonRow *self,
                                                      guint            index);
guint            _hu_comparison_row_get_index        (HuComparisonRow *self);

G_END_DECLS
