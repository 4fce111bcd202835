/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hu-chart.h"
#include "hu-result.h"

G_BEGIN_DECLS

#define HU_TYPE_UNCERTAINTY_VIEW (hu_uncertainty_view_get_type ())
G_DECLARE_FINAL_TYPE (HuUncertaintyView, hu_uncertainty_view, HU, UNCERTAINTY_VIEW, AdwBin)

GtkWidget  *hu_uncertainty_view_new             (void);
void        hu_uncertainty_view_set_result      (HuUncertaintyView *self,
                                                 HuResult          *result);
/* For tests: what the view shows now. */
HuChart    *hu_uncertainty_view_get_chart       (HuUncertaintyView *self);
const char *hu_uncertainty_view_get_probability (HuUncertaintyView *self);
guint       hu_uncertainty_view_get_n_inputs    (HuUncertaintyView *self);
const char *hu_uncertainty_view_get_range_text  (HuUncertaintyView *self,
                                                 guint              index);

G_END_DECLS
