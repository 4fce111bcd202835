/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hu-result.h"

G_BEGIN_DECLS

#define HU_TYPE_EQUIVALENCES_VIEW (hu_equivalences_view_get_type ())
G_DECLARE_FINAL_TYPE (HuEquivalencesView, hu_equivalences_view, HU, EQUIVALENCES_VIEW, AdwBin)

GtkWidget  *hu_equivalences_view_new         (void);
void        hu_equivalences_view_set_catalog (HuEquivalencesView *self,
                                              HuCatalog          *catalog);
void        hu_equivalences_view_set_result  (HuEquivalencesView *self,
                                              HuResult           *result);
const char *hu_equivalences_view_get_set_id  (HuEquivalencesView *self);
void        hu_equivalences_view_set_set_id  (HuEquivalencesView *self,
                                              const char         *set_id);

G_END_DECLS
