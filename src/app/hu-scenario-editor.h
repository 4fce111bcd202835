/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hu-chart-view.h"
#include "hu-comparison-model.h"
#include "hu-measured-estimated-group.h"

G_BEGIN_DECLS

/* The rows a field's "±" reveals (issue 12). */
typedef enum {
  HU_RANGE_LOW,
  HU_RANGE_LIKELY,
  HU_RANGE_HIGH,
  HU_N_RANGE_PARTS,
} HuRangePart;

#define HU_TYPE_SCENARIO_EDITOR (hu_scenario_editor_get_type ())
G_DECLARE_FINAL_TYPE (HuScenarioEditor, hu_scenario_editor, HU, SCENARIO_EDITOR, AdwBin)

GtkWidget  *hu_scenario_editor_new          (void);
void        hu_scenario_editor_set_catalog  (HuScenarioEditor *self,
                                             HuCatalog        *catalog);
void        hu_scenario_editor_set_currency (HuScenarioEditor *self,
                                             const char       *currency);
void        hu_scenario_editor_set_model    (HuScenarioEditor  *self,
                                             HuComparisonModel *model);
HuMeasuredEstimatedGroup *hu_scenario_editor_get_comparison_group (HuScenarioEditor *self);
AdwComboRow *hu_scenario_editor_get_link_row (HuScenarioEditor *self);
HuChartView *hu_scenario_editor_get_side_chart (HuScenarioEditor *self);
void         hu_scenario_editor_scroll_to_top (HuScenarioEditor *self);
HuResult   *hu_scenario_editor_get_result   (HuScenarioEditor *self);
void        hu_scenario_editor_set_result   (HuScenarioEditor *self,
                                             HuResult         *result);
void        hu_scenario_editor_flush        (HuScenarioEditor *self);
void        hu_scenario_editor_undo         (HuScenarioEditor *self);
void        hu_scenario_editor_focus_name   (HuScenarioEditor *self);
AdwEntryRow *hu_scenario_editor_get_input_row (HuScenarioEditor *self,
                                               HuInputKey        key);
GtkToggleButton *hu_scenario_editor_get_range_toggle (HuScenarioEditor *self,
                                                      HuInputKey        key);
AdwEntryRow *hu_scenario_editor_get_range_row (HuScenarioEditor *self,
                                               HuInputKey        key,
                                               HuRangePart       part);

G_END_DECLS
