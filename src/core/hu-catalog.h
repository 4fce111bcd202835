/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hu-catalog-entries.h"

G_BEGIN_DECLS

#define HU_TYPE_CATALOG (hu_catalog_get_type ())
G_DECLARE_FINAL_TYPE (HuCatalog, hu_catalog, HU, CATALOG, GObject)

HuCatalog              *hu_catalog_get_default          (void);
HuCatalog              *hu_catalog_new_builtin          (GError      **error);
HuCatalog              *hu_catalog_new_with_parent      (HuCatalog    *parent);
gboolean                hu_catalog_load_user_dir        (HuCatalog    *self,
                                                         const char   *dir);
gboolean                hu_catalog_load_file            (HuCatalog    *self,
                                                         const char   *path,
                                                         GError      **error);
const char * const     *hu_catalog_get_warnings         (HuCatalog    *self);

void                    hu_catalog_add_gpu              (HuCatalog    *self,
                                                         HuGpu        *gpu);
void                    hu_catalog_add_region           (HuCatalog    *self,
                                                         HuRegion     *region);

HuGpu                  *hu_catalog_lookup_gpu           (HuCatalog    *self,
                                                         const char   *id);
HuRegion               *hu_catalog_lookup_region        (HuCatalog    *self,
                                                         const char   *id);
GPtrArray              *hu_catalog_list_gpus            (HuCatalog    *self);
GPtrArray              *hu_catalog_list_regions         (HuCatalog    *self);
GPtrArray              *hu_catalog_search_gpus          (HuCatalog    *self,
                                                         const char   *text);
GPtrArray              *hu_catalog_search_regions       (HuCatalog    *self,
                                                         const char   *text);
char                   *hu_catalog_suggest              (HuCatalog    *self,
                                                         const char   *unknown_id,
                                                         gboolean      regions);

const HuPueDefault     *hu_catalog_get_pue_default      (HuCatalog    *self,
                                                         const char   *provider);
/* (transfer none): owned by the catalog, unlike the lists above. */
GPtrArray              *hu_catalog_list_equivalence_sets (HuCatalog   *self);
const HuEquivalenceSet *hu_catalog_lookup_equivalence_set (HuCatalog  *self,
                                                           const char *id);

G_END_DECLS
