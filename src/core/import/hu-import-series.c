/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bounded-memory decimation of power samples for charts.
 *
 * Samples fall into buckets of a fixed width on a grid anchored at the
 * first sample. When HU_SERIES_MAX_BUCKETS buckets are in use, neighbours
 * merge pairwise and the width doubles, so a series of any length costs at
 * most HU_SERIES_MAX_BUCKETS buckets and every sample is touched O(1)
 * amortised times.
 */

#include "config.h"

#include <math.h>

#include "hu-import-private.h"

/* Finer than any tracker samples (nvidia-smi goes down to 1 ms). */
#define INITIAL_WIDTH_S 0.001

typedef struct {
  gint64  slot;
  double  t0;
  double  t1;
  double  min;
  double  max;
  double  sum;
  guint64 n;
} Bucket;

struct _HuSeriesBuilder {
  char    *label;
  GArray  *buckets;   /* Bucket */
  double   origin;
  double   width;
  guint64  samples;
};

HuSeriesBuilder *
_hu_series_builder_new (const char *label)
{
  HuSeriesBuilder *self = g_new0 (HuSeriesBuilder, 1);

  self->label = g_strdup (label);
  self->buckets = g_array_sized_new (FALSE, FALSE, sizeof (Bucket), 64);
  self->width = INITIAL_WIDTH_S;
  return self;
}

void
_hu_series_builder_free (HuSeriesBuilder *self)
{
  if (self == NULL)
    return;
  g_free (self->label);
  g_array_unref (self->buckets);
  g_free (self);
}

static void
merge_into (Bucket       *dst,
            const Bucket *src)
{
  dst->t0 = MIN (dst->t0, src->t0);
  dst->t1 = MAX (dst->t1, src->t1);
  dst->min = MIN (dst->min, src->min);
  dst->max = MAX (dst->max, src->max);
  dst->sum += src->sum;
  dst->n += src->n;
}

static void
coarsen (HuSeriesBuilder *self)
{
  Bucket *b = (Bucket *) (void *) self->buckets->data;
  guint out = 0;

  self->width *= 2;
  for (guint i = 0; i < self->buckets->len; i++)
    {
      b[i].slot >>= 1;
      if (out > 0 && b[out - 1].slot == b[i].slot)
        merge_into (&b[out - 1], &b[i]);
      else
        b[out++] = b[i];
    }
  g_array_set_size (self->buckets, out);
}

void
_hu_series_builder_add (HuSeriesBuilder *self,
                        double           t_s,
                        double           watts)
{
  Bucket *last = NULL;
  double q;
  gint64 slot;

  if (!isfinite (t_s) || !isfinite (watts))
    return;

  if (self->samples == 0)
    self->origin = t_s;
  self->samples++;

  /* Keep slots in a range where doubles hold integers exactly. */
  while ((q = floor ((t_s - self->origin) / self->width)) > 1e15)
    coarsen (self);
  slot = q < 0 ? 0 : (gint64) q;

  if (self->buckets->len > 0)
    {
      last = &g_array_index (self->buckets, Bucket, self->buckets->len - 1);
      /* A clock that steps back lands in the current bucket: charts want
       * a monotonic time axis. */
      slot = MAX (slot, last->slot);
    }

  while (last != NULL && slot != last->slot && self->buckets->len >= HU_SERIES_MAX_BUCKETS)
    {
      coarsen (self);
      slot >>= 1;
      last = &g_array_index (self->buckets, Bucket, self->buckets->len - 1);
    }

  if (last != NULL && slot == last->slot)
    {
      Bucket one = { slot, t_s, t_s, watts, watts, watts, 1 };
      merge_into (last, &one);
    }
  else
    {
      Bucket one = { slot, t_s, t_s, watts, watts, watts, 1 };
      g_array_append_val (self->buckets, one);
    }
}

void
_hu_series_builder_add_interval (HuSeriesBuilder *self,
                                 double           t0_s,
                                 double           t1_s,
                                 double           watts)
{
  Bucket *last;
  guint64 before = self->samples;

  _hu_series_builder_add (self, t0_s, watts);
  if (self->samples == before || !isfinite (t1_s))
    return;
  last = &g_array_index (self->buckets, Bucket, self->buckets->len - 1);
  last->t1 = MAX (last->t1, t1_s);
}

guint64
_hu_series_builder_get_samples (HuSeriesBuilder *self)
{
  return self->samples;
}

HuPowerSeries *
_hu_series_builder_finish (HuSeriesBuilder *self,
                           double           origin_s)
{
  HuPowerSeries *series = g_new0 (HuPowerSeries, 1);

  series->label = g_strdup (self->label);
  series->samples = self->samples;
  series->buckets = g_array_sized_new (FALSE, FALSE, sizeof (HuSeriesBucket),
                                       self->buckets->len);
  for (guint i = 0; i < self->buckets->len; i++)
    {
      const Bucket *b = &g_array_index (self->buckets, Bucket, i);
      HuSeriesBucket out = {
        .t0_s = b->t0 - origin_s,
        .t1_s = b->t1 - origin_s,
        .min_w = b->min,
        .mean_w = b->sum / b->n,
        .max_w = b->max,
      };
      g_array_append_val (series->buckets, out);
    }
  return series;
}
