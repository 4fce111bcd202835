/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Report"

#include "config.h"

#include "hu-report-columns-private.h"

/*
 * How a paged table shares its width among its columns, from what each
 * column's content needs rather than from fixed proportions: a short
 * column ("FLOPs: 3.14 × 10²³") is never wrapped while a long one
 * ("NVIDIA Tesla V100S PCIe 32GB") could give up the room. Kept apart from
 * Pango so the arithmetic can be checked by hand.
 */

/* The widths at water level @level: every column as wide as it naturally
 * is, but no wider than @level, and never below its minimum. */
static double
widths_at (guint         n,
           const double *min,
           const double *natural,
           double        level,
           double       *widths)
{
  double sum = 0;

  for (guint i = 0; i < n; i++)
    {
      double w = MAX (min[i], MIN (natural[i], level));

      if (widths != NULL)
        widths[i] = w;
      sum += w;
    }
  return sum;
}

/**
 * _hu_report_fit_columns:
 * @n_columns: the number of columns
 * @min: each column's narrowest width that breaks no word
 * @natural: each column's width with no cell wrapped
 * @available: the width of the table
 * @widths: (out caller-allocates): each column's width; they add up to
 *   @available
 *
 * When every column fits unwrapped, each gets its natural width and the
 * spare room is shared in proportion to those widths. Otherwise only the
 * widest columns wrap: they are cut down to one common width (never below
 * their minimum) that makes the table fit, and every narrower column keeps
 * its natural width. The columns that wrap are the ones with the most
 * text, which lose the fewest lines for the room they give.
 *
 * Returns: FALSE when the minimums alone exceed @available
 *   (@widths is then left unset)
 */
gboolean
_hu_report_fit_columns (guint         n_columns,
                        const double *min,
                        const double *natural,
                        double        available,
                        double       *widths)
{
  double sum_min = 0, sum_natural = 0, lo = 0, hi = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      sum_min += min[i];
      sum_natural += MAX (min[i], natural[i]);
      hi = MAX (hi, MAX (min[i], natural[i]));
    }
  if (n_columns == 0 || sum_min > available)
    return FALSE;

  if (sum_natural <= available)
    {
      double spare = available - sum_natural;

      for (guint i = 0; i < n_columns; i++)
        {
          double w = MAX (min[i], natural[i]);

          widths[i] = w + (sum_natural > 0 ? spare * w / sum_natural : spare / n_columns);
        }
      return TRUE;
    }

  /* The level lies between 0 (every column at its minimum, which fits)
   * and the widest natural width (which does not): halve the interval to
   * well under a Pango unit, then give what rounding left to the columns
   * cut to the level. */
  while (hi - lo > 1e-4)
    {
      double mid = (lo + hi) / 2;

      if (widths_at (n_columns, min, natural, mid, NULL) <= available)
        lo = mid;
      else
        hi = mid;
    }
  {
    double rest = available - widths_at (n_columns, min, natural, lo, widths);
    guint n_cut = 0;

    for (guint i = 0; i < n_columns; i++)
      if (natural[i] > lo && min[i] < lo + 1e-3)
        n_cut++;
    for (guint i = 0; i < n_columns && n_cut > 0; i++)
      if (natural[i] > lo && min[i] < lo + 1e-3)
        widths[i] += rest / n_cut;
  }
  return TRUE;
}
