/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-known-model.h"

G_BEGIN_DECLS

/* The known models of one catalog layer. HuCatalog embeds one and loads
 * its file's "models" into it; hu-catalog-models.c walks the layers. */
typedef struct {
  GHashTable *by_name;   /* name → HuKnownModel */
  GPtrArray  *order;     /* HuKnownModel, in file order */
} HuModelTable;

void          _hu_model_table_init     (HuModelTable  *table);
void          _hu_model_table_clear    (HuModelTable  *table);
void          _hu_model_table_add      (HuModelTable  *table,
                                        HuKnownModel  *model);
gboolean      _hu_model_table_load     (HuModelTable  *table,
                                        JsonArray     *array,
                                        gboolean       custom,
                                        GError       **error);

G_END_DECLS
