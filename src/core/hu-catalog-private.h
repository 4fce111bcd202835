/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "hu-catalog.h"

G_BEGIN_DECLS

/* The known models of one catalog layer; HuCatalog embeds it and
 * hu-catalog-models.c owns the code, so the model part of the catalog
 * stays out of hu-catalog.c. */
typedef struct {
  GHashTable *by_name;   /* name → HuKnownModel */
  GPtrArray  *order;     /* HuKnownModel, in file order */
} HuModelTable;

void          _hu_model_table_init     (HuModelTable *table);
void          _hu_model_table_clear    (HuModelTable *table);

HuCatalog    *_hu_catalog_get_parent   (HuCatalog    *self);
HuModelTable *_hu_catalog_get_models   (HuCatalog    *self);
gboolean      _hu_catalog_load_models  (HuCatalog    *self,
                                        JsonArray    *array,
                                        gboolean      custom,
                                        GError      **error);

G_END_DECLS
