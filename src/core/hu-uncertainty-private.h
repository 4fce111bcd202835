/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-uncertainty.h"

G_BEGIN_DECLS

guint64 _hu_uncertainty_stream  (guint64     seed,
                                 const char *identity);
double  _hu_uncertainty_uniform (guint64     stream,
                                 guint64     i);
void    _hu_percentiles         (double     *x,
                                 gsize       n,
                                 HuInterval *out);

G_END_DECLS
