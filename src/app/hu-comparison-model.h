/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-result.h"

G_BEGIN_DECLS

#define HU_TYPE_COMPARISON_MODEL (hu_comparison_model_get_type ())
G_DECLARE_FINAL_TYPE (HuComparisonModel, hu_comparison_model, HU, COMPARISON_MODEL, GObject)

HuComparisonModel *hu_comparison_model_new            (HuProject         *project);
HuProject         *hu_comparison_model_get_project    (HuComparisonModel *self);
HuComparison      *hu_comparison_model_get_comparison (HuComparisonModel *self);
guint              hu_comparison_model_get_n_list_changes (HuComparisonModel *self);
HuResult          *hu_comparison_model_get_baseline   (HuComparisonModel *self);
void               hu_comparison_model_set_baseline   (HuComparisonModel *self,
                                                       HuResult          *baseline);
HuResult          *hu_comparison_model_find_scenario  (HuComparisonModel *self,
                                                       HuScenario        *scenario);
HuResult          *hu_comparison_model_find_source    (HuComparisonModel *self,
                                                       gpointer           source);
guint              hu_comparison_model_get_position   (HuComparisonModel *self,
                                                       HuResult          *result);
void               hu_comparison_model_set_default_ranges (HuComparisonModel *self,
                                                       gboolean           default_ranges);
void               hu_comparison_model_set_display    (HuComparisonModel *self,
                                                       const char        *equivalence_set,
                                                       HuEnergyUnit       energy_unit,
                                                       HuMassUnit         mass_unit);

G_END_DECLS
