/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-catalog-entries.h"

G_BEGIN_DECLS

/* Catalog loading: the spreads the default ranges (hu-default-ranges.c)
 * are made of, read with the records they belong to. */
void      _hu_region_read_history   (HuRegion        *region,
                                     JsonObject      *object);
void      _hu_pue_read_alternatives (GPtrArray       *pue_defaults,
                                     JsonArray       *alternatives);

G_END_DECLS
