/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hu-result.h"
#include "hu-uncertainty-view.h"

G_BEGIN_DECLS

#define HU_TYPE_DERIVATION_VIEW (hu_derivation_view_get_type ())
G_DECLARE_FINAL_TYPE (HuDerivationView, hu_derivation_view, HU, DERIVATION_VIEW, AdwBin)

GtkWidget *hu_derivation_view_new        (void);
void       hu_derivation_view_set_result (HuDerivationView *self,
                                          HuResult         *result);
guint      hu_derivation_view_get_n_steps (HuDerivationView *self);
HuUncertaintyView *hu_derivation_view_get_uncertainty_view (HuDerivationView *self);
HuChart   *hu_derivation_view_get_lifecycle_chart (HuDerivationView *self);
void       hu_derivation_view_set_compact (HuDerivationView *self,
                                           gboolean          compact);

G_END_DECLS
