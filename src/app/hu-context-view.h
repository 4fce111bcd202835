/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hu-chart.h"
#include "hu-comparison-model.h"

G_BEGIN_DECLS

#define HU_TYPE_CONTEXT_VIEW (hu_context_view_get_type ())
G_DECLARE_FINAL_TYPE (HuContextView, hu_context_view, HU, CONTEXT_VIEW, AdwBin)

GtkWidget *hu_context_view_new       (void);
void       hu_context_view_set_model (HuContextView     *self,
                                      HuComparisonModel *model);
HuChart   *hu_context_view_get_chart (HuContextView     *self);
guint      hu_context_view_get_n_rebuilds (HuContextView *self);

G_END_DECLS
