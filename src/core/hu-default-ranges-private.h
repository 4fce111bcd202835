/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-catalog.h"
#include "hu-estimate.h"
#include "hu-range.h"

G_BEGIN_DECLS

/* The typical range of an input the scenario left to a default, with
 * its short citation and the identity of what it is uncertain about
 * (one catalog entry, one default range), so that scenarios sharing it
 * draw the same samples. FALSE when the input has no typical range or
 * the scenario set it itself. */
gboolean  _hu_default_range         (HuInputKey        key,
                                     const HuEstimate *point,
                                     HuCatalog        *catalog,
                                     HuRange          *out,
                                     char            **identity,
                                     char            **source);

G_END_DECLS
