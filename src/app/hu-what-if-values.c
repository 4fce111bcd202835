/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Huella"

/* What If's values that depend on nothing but their arguments: the
 * value a sweep starts from, how a parameter is typed, and the whiskers
 * over a ranking. Apart from the view so the view stays readable (and
 * under 900 lines); they call nothing in it. */

#include "config.h"

#include <math.h>

#include "hu-what-if-values.h"

double
hu_what_if_current_value (const HuEstimate *estimate,
                          HuInputKey        key)
{
  switch (key)
    {
    case HU_INPUT_COUNT:
      return estimate->count;
    case HU_INPUT_UTILIZATION:
      return estimate->utilization;
    case HU_INPUT_RETRAIN:
      return estimate->retrain;
    case HU_INPUT_PUE:
      return estimate->pue;
    default:
      return NAN;
    }
}

/* Utilisation is typed as a percentage, like in the editor. */
double
hu_what_if_display_scale (HuInputKey key)
{
  return key == HU_INPUT_UTILIZATION ? 100.0 : 1.0;
}

/* The interval of @metric of a ranking's item @i, or NULL. */
const HuInterval *
hu_what_if_item_interval (GPtrArray  *intervals,
                          guint       i,
                          HuMetric    metric)
{
  const HuUncertainty *u = intervals != NULL ? g_ptr_array_index (intervals, i) : NULL;
  const HuInterval *interval;

  if (!hu_uncertainty_applies (u))
    return NULL;
  interval = hu_uncertainty_get_interval (u, hu_metric_to_string (metric));
  return interval != NULL && interval->p95 > interval->p05 ? interval : NULL;
}

/* Whiskers over the ranked bars, which are in the items' order. */
void
hu_what_if_set_whiskers (HuChart   *chart,
                         GPtrArray *intervals,
                         HuMetric   metric)
{
  for (guint i = 0; intervals != NULL && i < intervals->len; i++)
    {
      const HuInterval *interval = hu_what_if_item_interval (intervals, i, metric);

      if (interval != NULL)
        hu_chart_set_interval (chart, i, interval->p05, interval->p95);
    }
}
