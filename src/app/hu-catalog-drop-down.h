/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hu-core.h"

G_BEGIN_DECLS

/* What a HuCatalogDropDown offers. */
typedef enum {
  HU_CATALOG_KIND_GPU,
  HU_CATALOG_KIND_REGION,
} HuCatalogKind;

#define HU_TYPE_CATALOG_KIND (hu_catalog_kind_get_type ())
GType hu_catalog_kind_get_type (void) G_GNUC_CONST;

#define HU_TYPE_CATALOG_DROP_DOWN (hu_catalog_drop_down_get_type ())
G_DECLARE_FINAL_TYPE (HuCatalogDropDown, hu_catalog_drop_down, HU, CATALOG_DROP_DOWN,
                      GtkWidget)

GtkWidget     *hu_catalog_drop_down_new             (HuCatalogKind      kind);
HuCatalogKind  hu_catalog_drop_down_get_kind        (HuCatalogDropDown *self);
HuCatalog     *hu_catalog_drop_down_get_catalog     (HuCatalogDropDown *self);
void           hu_catalog_drop_down_set_catalog     (HuCatalogDropDown *self,
                                                     HuCatalog         *catalog);
const char    *hu_catalog_drop_down_get_selected_id (HuCatalogDropDown *self);
void           hu_catalog_drop_down_set_selected_id (HuCatalogDropDown *self,
                                                     const char        *id);
GtkDropDown   *hu_catalog_drop_down_get_drop_down   (HuCatalogDropDown *self);

G_END_DECLS
