/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hu-catalog-entries.h"

G_BEGIN_DECLS

const char *hu_country_get_name        (const char     *alpha2);
const char *hu_region_get_display_name (const HuRegion *region);

G_END_DECLS
