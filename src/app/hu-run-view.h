/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hu-chart-view.h"
#include "hu-comparison-model.h"
#include "hu-measured-estimated-group.h"

G_BEGIN_DECLS

#define HU_TYPE_RUN_VIEW (hu_run_view_get_type ())
G_DECLARE_FINAL_TYPE (HuRunView, hu_run_view, HU, RUN_VIEW, AdwBin)

GtkWidget                *hu_run_view_new                  (void);
void                      hu_run_view_set_model            (HuRunView         *self,
                                                            HuComparisonModel *model);
HuResult                 *hu_run_view_get_result           (HuRunView         *self);
void                      hu_run_view_set_result           (HuRunView         *self,
                                                            HuResult          *result);
HuChartView              *hu_run_view_get_chart_view       (HuRunView         *self);
HuMeasuredEstimatedGroup *hu_run_view_get_comparison_group (HuRunView         *self);

G_END_DECLS
