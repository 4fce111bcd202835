/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hu-chart-view.h"
#include "hu-comparison-model.h"
#include "hu-list-pager.h"

G_BEGIN_DECLS

#define HU_TYPE_COMPARISON_VIEW (hu_comparison_view_get_type ())
G_DECLARE_FINAL_TYPE (HuComparisonView, hu_comparison_view, HU, COMPARISON_VIEW, AdwBin)

GtkWidget     *hu_comparison_view_new             (void);
void           hu_comparison_view_set_model       (HuComparisonView  *self,
                                                   HuComparisonModel *model);
HuMetric       hu_comparison_view_get_metric      (HuComparisonView  *self);
void           hu_comparison_view_set_metric      (HuComparisonView  *self,
                                                   HuMetric           metric);
GtkColumnView *hu_comparison_view_get_column_view (HuComparisonView  *self);
HuChartView   *hu_comparison_view_get_chart_view  (HuComparisonView  *self);
void           hu_comparison_view_refresh_chart   (HuComparisonView  *self);
void           hu_comparison_view_set_compact     (HuComparisonView  *self,
                                                   gboolean           compact);

const char        *hu_comparison_view_get_chart_caption  (HuComparisonView *self);
guint              hu_comparison_view_get_n_chart_builds (HuComparisonView *self);
HuListPager       *hu_comparison_view_get_pager          (HuComparisonView *self);

G_END_DECLS
