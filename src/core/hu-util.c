/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <gio/gio.h>

#include "hu-file-util.h"
#include "hu-number.h"
#include "hu-util-private.h"

char *
_hu_format_decimals (double value,
                     int    decimals)
{
  /* hu_format_fixed() groups and separates as the locale does; a report
   * never shows "-0". */
  if (value == 0.0)
    value = 0.0;

  return hu_format_fixed (value, CLAMP (decimals, 0, 9));
}

char *
_hu_format_significant (double value,
                        int    significant)
{
  int magnitude;
  int decimals;

  if (!isfinite (value))
    return g_strdup ("—");
  if (value == 0.0)
    return g_strdup ("0");

  magnitude = (int) floor (log10 (fabs (value)));
  decimals = significant - 1 - magnitude;

  /* Never round away integer digits: 670,940 stays 670,940 even at three
   * significant digits, which people read better than 6.71e5. */
  return _hu_format_decimals (value, MAX (decimals, 0));
}

gboolean
_hu_write_file_atomic (const char  *path,
                       const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  /* Never a truncated report in place of the old one, on a full disk
   * either: see hu_file_write_atomic(). */
  return hu_file_write_atomic (path, data != NULL ? data : "", length, error);
}

int
_hu_compare_doubles (gconstpointer a,
                     gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}
