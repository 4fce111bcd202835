/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-catalog.h"
#include "hu-known-model.h"

G_BEGIN_DECLS

/* The catalog's known models (hu-catalog-models.c), through its layers:
 * a user catalog's model replaces a shipped one of the same name. Names
 * are the keys. */
void           hu_catalog_add_model           (HuCatalog          *self,
                                               HuKnownModel       *model);
HuKnownModel  *hu_catalog_lookup_model        (HuCatalog          *self,
                                               const char         *name);
GPtrArray     *hu_catalog_list_models         (HuCatalog          *self);
GPtrArray     *hu_catalog_search_models       (HuCatalog          *self,
                                               const char         *text);
char          *hu_catalog_suggest_models      (HuCatalog          *self,
                                               const char         *text);
HuKnownModel  *hu_catalog_find_model          (HuCatalog          *self,
                                               const char         *name,
                                               GError            **error);

G_END_DECLS
