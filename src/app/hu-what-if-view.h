/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hu-chart-view.h"
#include "hu-result.h"

G_BEGIN_DECLS

#define HU_TYPE_WHAT_IF_VIEW (hu_what_if_view_get_type ())
G_DECLARE_FINAL_TYPE (HuWhatIfView, hu_what_if_view, HU, WHAT_IF_VIEW, AdwBin)

GtkWidget   *hu_what_if_view_new         (void);
void         hu_what_if_view_set_project (HuWhatIfView *self,
                                          HuProject    *project);
void         hu_what_if_view_set_result  (HuWhatIfView *self,
                                          HuResult     *result);
void         hu_what_if_view_set_page    (HuWhatIfView *self,
                                          const char   *name);
void         hu_what_if_view_refresh     (HuWhatIfView *self);
/* For tests: rankings whose likely ranges are still being drawn. */
guint        hu_what_if_view_get_n_pending (HuWhatIfView *self);
const char  *hu_what_if_view_get_picked_label (HuWhatIfView *self);
HuChartView *hu_what_if_view_get_chart_view (HuWhatIfView *self,
                                             const char   *page);

G_END_DECLS
