/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hu-result.h"

G_BEGIN_DECLS

#define HU_TYPE_SCENARIO_ROW (hu_scenario_row_get_type ())
G_DECLARE_FINAL_TYPE (HuScenarioRow, hu_scenario_row, HU, SCENARIO_ROW, GtkListBoxRow)

GtkWidget *hu_scenario_row_new        (HuResult      *result);
HuResult  *hu_scenario_row_get_result (HuScenarioRow *self);

G_END_DECLS
