/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-catalog.h"
#include "hu-known-model-private.h"

G_BEGIN_DECLS

/* What hu-catalog-models.c, which serves the catalog's known models,
 * reads of a catalog: its parent layer and its own models. */
HuCatalog    *_hu_catalog_get_parent   (HuCatalog    *self);
HuModelTable *_hu_catalog_get_models   (HuCatalog    *self);

G_END_DECLS
