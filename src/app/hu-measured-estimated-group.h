/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hu-result.h"
#include "hu-run-plan.h"

G_BEGIN_DECLS

#define HU_TYPE_MEASURED_ESTIMATED_GROUP (hu_measured_estimated_group_get_type ())
G_DECLARE_FINAL_TYPE (HuMeasuredEstimatedGroup, hu_measured_estimated_group,
                      HU, MEASURED_ESTIMATED_GROUP, AdwPreferencesGroup)

GtkWidget *hu_measured_estimated_group_new        (void);
void       hu_measured_estimated_group_set        (HuMeasuredEstimatedGroup *self,
                                                   HuMeasuredRun            *run,
                                                   HuResult                 *scenario);
void       hu_measured_estimated_group_get_comparison (HuMeasuredEstimatedGroup *self,
                                                       HuRunComparison          *comparison);

G_END_DECLS
