/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Helpers the chart, report and import code share; not public API. */

/* Numbers for people: the locale's grouping and decimal separator. */
char     *_hu_format_decimals    (double        value,
                                  int           decimals);
char     *_hu_format_significant (double        value,
                                  int           significant);

/* Replace @path with @data atomically (temporary file + rename), so a
 * failed or cancelled export never leaves a half-written file. */
gboolean  _hu_write_file_atomic  (const char   *path,
                                  const char   *data,
                                  gsize         length,
                                  GError      **error);

/* For qsort() and g_array_sort(): doubles in increasing order. */
int       _hu_compare_doubles    (gconstpointer a,
                                  gconstpointer b);

G_END_DECLS
