/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hu-result.h"

G_BEGIN_DECLS

#define HU_TYPE_SCENARIO_ROW (hu_scenario_row_get_type ())
G_DECLARE_FINAL_TYPE (HuScenarioRow, hu_scenario_row, HU, SCENARIO_ROW, GtkWidget)

GtkWidget *hu_scenario_row_new           (void);
HuResult  *hu_scenario_row_get_result    (HuScenarioRow *self);
void       hu_scenario_row_set_result    (HuScenarioRow *self,
                                          HuResult      *result);
guint      hu_scenario_row_get_n_updates (void);
const char *hu_scenario_row_get_detail   (HuScenarioRow *self);

G_END_DECLS
