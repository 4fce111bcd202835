/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The 5th, 50th and 95th percentiles of one output; NAN when the output
 * does not apply (a cost without a price). */
typedef struct {
  double p05;
  double p50;
  double p95;
} HuInterval;

/* hu-uncertainty-stats.c: a stream per input identity, its i-th uniform
 * number on [0, 1), and the percentiles of @n samples. */
guint64 _hu_uncertainty_stream  (guint64     seed,
                                 const char *identity);
double  _hu_uncertainty_uniform (guint64     stream,
                                 guint64     i);
void    _hu_percentiles         (double     *x,
                                 gsize       n,
                                 HuInterval *out);

G_END_DECLS
