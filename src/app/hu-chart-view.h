/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hu-chart.h"

G_BEGIN_DECLS

#define HU_TYPE_CHART_VIEW (hu_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (HuChartView, hu_chart_view, HU, CHART_VIEW, GtkWidget)

GtkWidget  *hu_chart_view_new            (void);
HuChart    *hu_chart_view_get_chart      (HuChartView *self);
void        hu_chart_view_set_chart      (HuChartView *self,
                                          HuChart     *chart);
const char *hu_chart_view_get_focused_label (HuChartView *self);
GdkTexture *hu_chart_view_render_texture (HuChartView *self,
                                          int          width,
                                          int          height);

G_END_DECLS
