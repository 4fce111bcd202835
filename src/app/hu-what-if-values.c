/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Huella"

/* What If's values that depend on nothing but their arguments: the
 * value a sweep starts from, how a parameter is typed, and the whiskers
 * over a ranking. Apart from the view so the view stays readable (and
 * under 900 lines); they call nothing in it. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

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

/* A ranked item's CO₂eq as @chart's bars write it, "7.05 t CO₂eq", with
 * its likely range, "7.05 t CO₂eq (5.12–8.22 t)": the list beside the
 * chart speaks the axis' unit with the bars' digits, never "7.046 t"
 * beside a bar "7.05" on an axis in kt (issue 10). */
char *
hu_what_if_ranked_value (HuChart          *chart,
                         double            value,
                         const HuInterval *interval)
{
  g_autofree char *point = hu_chart_format_bar_value (chart, value);
  g_autofree char *with_gas = NULL;
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;
  const char *lo_unit;
  const char *hi_unit;

  /* Translators: a mass of CO₂-equivalent, "7.05 t CO₂eq" */
  with_gas = g_strdup_printf (_("%s CO₂eq"), point);
  if (interval == NULL)
    return g_steal_pointer (&with_gas);

  lo = hu_chart_format_bar_value (chart, interval->p05);
  hi = hu_chart_format_bar_value (chart, interval->p95);
  lo_unit = strchr (lo, ' ');
  hi_unit = strchr (hi, ' ');
  /* "5.12 t" and "8.22 t" share " t": "5.12–8.22 t". */
  if (lo_unit != NULL && hi_unit != NULL && g_str_equal (lo_unit, hi_unit))
    {
      g_autofree char *lo_number = g_strndup (lo, lo_unit - lo);

      /* Translators: a value and its likely range, "7.05 t CO₂eq (5.12–8.22 t)" */
      return g_strdup_printf (_("%s (%s–%s)"), with_gas, lo_number, hi);
    }
  return g_strdup_printf (_("%s (%s–%s)"), with_gas, lo, hi);
}
