/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The statistics under the Monte Carlo of hu-uncertainty.c: streams of
 * uniform numbers that any sample can be drawn from alone, and the
 * percentiles of the samples. Plain numbers: nothing here knows of
 * scenarios, estimates or the catalog. */

#define G_LOG_DOMAIN "hu-uncertainty"

#include "config.h"

#include <math.h>

#include "hu-uncertainty-stats.h"

/* The generator ---------------------------------------------------------- */

static inline guint64
mix64 (guint64 z)
{
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

#define GOLDEN_GAMMA G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)

guint64
_hu_uncertainty_stream (guint64     seed,
                        const char *identity)
{
  /* FNV-1a over the identity's bytes, then mixed with the seed. */
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (const guchar *p = (const guchar *) identity; *p; p++)
    h = (h ^ *p) * G_GUINT64_CONSTANT (0x100000001b3);
  return mix64 (h ^ mix64 (seed + GOLDEN_GAMMA));
}

/* The i-th number of a stream, uniform on [0, 1) with 53 random bits:
 * splitmix64 is a counter passed through a mixer, so any sample can be
 * drawn alone. */
double
_hu_uncertainty_uniform (guint64 stream,
                         guint64 i)
{
  return (double) (mix64 (stream + (i + 1) * GOLDEN_GAMMA) >> 11) * 0x1.0p-53;
}

/* Percentiles -------------------------------------------------------------- */

static inline void
swap (double *a,
      double *b)
{
  double t = *a;
  *a = *b;
  *b = t;
}

/* Moves the k-th smallest of x[lo..hi] to x[k], smaller ones before it
 * and larger ones after: Floyd and Rivest's SELECT (CACM 18, 1975),
 * which first narrows the search to a small sample around the expected
 * position. About n + min(k, n − k) comparisons instead of a sort's
 * n log n: selection is most of the cost of 50 scenarios × 10,000
 * samples. (log, exp and sqrt only choose where to look; the value found
 * is the k-th smallest whatever they round to.) */
static void
select_kth (double *x,
            gssize  lo,
            gssize  hi,
            gssize  k)
{
  while (hi > lo)
    {
      gssize i, j;
      double t;

      if (hi - lo > 600)
        {
          double n = hi - lo + 1;
          double pos = k - lo + 1;
          double z = log (n);
          double size = 0.5 * exp (2 * z / 3);
          double sd = 0.5 * sqrt (z * size * (n - size) / n) * (pos - n / 2 < 0 ? -1 : 1);
          gssize new_lo = MAX (lo, (gssize) (k - pos * size / n + sd));
          gssize new_hi = MIN (hi, (gssize) (k + (n - pos) * size / n + sd));

          select_kth (x, new_lo, new_hi, k);
        }

      t = x[k];
      i = lo;
      j = hi;
      swap (&x[lo], &x[k]);
      if (x[hi] > t)
        swap (&x[hi], &x[lo]);
      while (i < j)
        {
          swap (&x[i], &x[j]);
          i++;
          j--;
          while (x[i] < t) i++;
          while (x[j] > t) j--;
        }
      if (x[lo] == t)
        swap (&x[lo], &x[j]);
      else
        {
          j++;
          swap (&x[j], &x[hi]);
        }
      if (j <= k)
        lo = j + 1;
      if (k <= j)
        hi = j - 1;
    }
}

static double
min_of (const double *x,
        gsize         lo,
        gsize         hi)   /* inclusive */
{
  double m = x[lo];

  for (gsize i = lo + 1; i <= hi; i++)
    if (x[i] < m)
      m = x[i];
  return m;
}

/* Linear interpolation between order statistics at h = (n − 1) p, the
 * definition of R's default type 7 and of numpy.percentile. */
static double
interpolate (double lower,
             double upper,
             double frac)
{
  return frac == 0 ? lower : lower + frac * (upper - lower);
}

/**
 * _hu_percentiles:
 * @x: (inout): @n values, reordered
 *
 * The 5th, 50th and 95th percentiles of @x in about four linear passes.
 */
void
_hu_percentiles (double     *x,
                 gsize       n,
                 HuInterval *out)
{
  gsize k05, k50, k95;
  double h05, h50, h95, next50;

  if (n == 0)
    {
      out->p05 = out->p50 = out->p95 = NAN;
      return;
    }
  if (n == 1)
    {
      out->p05 = out->p50 = out->p95 = x[0];
      return;
    }

  h05 = (n - 1) * 0.05;
  h50 = (n - 1) * 0.50;
  h95 = (n - 1) * 0.95;
  k05 = (gsize) h05;
  k50 = (gsize) h50;
  k95 = (gsize) h95;

  select_kth (x, 0, n - 1, k50);
  next50 = k50 + 1 < n ? min_of (x, k50 + 1, n - 1) : x[k50];
  out->p50 = interpolate (x[k50], next50, h50 - k50);

  /* Below the median: x[0..k50−1] ≤ x[k50]. */
  if (k05 < k50)
    {
      select_kth (x, 0, k50 - 1, k05);
      out->p05 = interpolate (x[k05], k05 + 1 < k50 ? min_of (x, k05 + 1, k50 - 1) : x[k50],
                              h05 - k05);
    }
  else
    out->p05 = interpolate (x[k50], next50, h05 - k05);

  /* Above it: x[k50+1..n−1] ≥ x[k50]. */
  if (k95 > k50)
    {
      select_kth (x, k50 + 1, n - 1, k95);
      out->p95 = interpolate (x[k95], k95 + 1 < n ? min_of (x, k95 + 1, n - 1) : x[k95],
                              h95 - k95);
    }
  else
    out->p95 = interpolate (x[k50], next50, h95 - k95);
}
