/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "hu-units.h"
#include "hu-chart-private.h"

/* ---------------------------------------------------------------------- */
/* Units: hu-units decides; the chart only says which values share a unit */

/* The largest magnitude among the chart's values of one axis: what the
 * axis picks its unit from, so tooltips and the accessible text speak
 * the axis' unit (never a tooltip in kg on an axis in t). */
static double
axis_data_max (HuChart  *self,
               gboolean  x_axis)
{
  double max = 0;

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      for (guint i = 0; i < series->points->len; i++)
        {
          Point *p = &g_array_index (series->points, Point, i);
          double v = x_axis ? p->x : p->y;

          if (isfinite (v))
            max = MAX (max, fabs (v));
        }
      for (guint i = 0; i < series->buckets->len; i++)
        {
          Bucket *b = &g_array_index (series->buckets, Bucket, i);
          double v = x_axis ? b->t1 : MAX (fabs (b->max), fabs (b->min));

          if (isfinite (v))
            max = MAX (max, fabs (v));
        }
    }
  if (x_axis)
    return max;

  for (guint c = 0; c < self->categories->len; c++)
    {
      Category *category = g_ptr_array_index (self->categories, c);
      double extent = _hu_chart_category_extent (self, c);

      if (isfinite (extent))
        max = MAX (max, fabs (extent));
      if (isfinite (category->high))
        max = MAX (max, fabs (category->high));
      for (guint s = 0; s < self->series->len; s++)
        {
          double v = _hu_chart_series_value (g_ptr_array_index (self->series, s), c);

          if (isfinite (v))
            max = MAX (max, fabs (v));
        }
    }
  return max;
}

/**
 * _hu_chart_value_scale:
 * @unit: the unit of the chart's y values or of its x values
 *
 * One scale for every value the chart labels in @unit: its unit comes from
 * the chart's largest value and its smallest bar, as the axis' does.
 */
void
_hu_chart_value_scale (HuChart     *self,
                       HuUnitKind   unit,
                       HuUnitScale *scale)
{
  double max = axis_data_max (self, unit != self->unit);
  double smallest = unit == self->unit ? _hu_chart_smallest_bar (self) : 0;

  /* The axis' own choice (_hu_chart_axis_init()), a smaller unit when a
   * bar needs it, so a tooltip never reads kt on an axis in t. */
  hu_unit_scale_init_axis (scale, unit, max, smallest, self->currency, 0);
}

/* A value in the chart's scale for @unit, "44.18 MWh", with
 * @significant digits (0: the unit's default). */
char *
_hu_chart_format_value (HuChart    *self,
                        HuUnitKind  unit,
                        double      value,
                        int         significant)
{
  HuUnitScale scale;

  if (!isfinite (value))
    return g_strdup (_("n/a"));
  _hu_chart_value_scale (self, unit, &scale);
  /* Shared decimals, from the largest value, as in a table column. */
  if (significant > 0)
    {
      double max = axis_data_max (self, unit != self->unit) / scale.divisor;

      scale.significant = significant;
      scale.decimals = max > 0 ? CLAMP (significant - 1 - (int) floor (log10 (max)), 0, 9) : 0;
    }
  return hu_unit_scale_format (&scale, value, HU_UNITS_DEFAULT);
}

/* The exact value for tooltips: the figure in the axis' unit plus the
 * base-unit value with two decimals, "167.7 MWh (167,735.04 kWh)". */
char *
_hu_chart_format_exact (HuChart    *self,
                        HuUnitKind  unit,
                        double      value)
{
  g_autofree char *scaled = _hu_chart_format_value (self, unit, value, 0);
  g_autofree char *base = NULL;
  g_autofree char *base_symbol = NULL;
  HuUnitScale scale;
  HuUnitScale base_scale;
  double one = 1;

  if (!isfinite (value) || unit == HU_UNIT_FLOPS)
    return g_steal_pointer (&scaled);

  _hu_chart_value_scale (self, unit, &scale);
  hu_unit_scale_init (&base_scale, unit, &one, 1, self->currency, 0);
  base_symbol = hu_unit_scale_symbol (&base_scale, HU_UNITS_DEFAULT);
  base = hu_units_format_fixed (value / base_scale.divisor, unit == HU_UNIT_PERCENT ? 1 : 2,
                                HU_UNITS_DEFAULT);
  if (scale.divisor == base_scale.divisor)
    return base_symbol[0] != '\0' ? g_strdup_printf ("%s %s", base, base_symbol)
                                  : g_steal_pointer (&base);
  if (base_symbol[0] == '\0')
    return g_strdup_printf ("%s (%s)", scaled, base);
  return g_strdup_printf ("%s (%s %s)", scaled, base, base_symbol);
}

/* @value as @self's bars label theirs (_hu_chart_bar_value_label()),
 * followed by the axis' unit where the label leaves it to the axis
 * title: "92.9 t". The axis is the one the chart's layout builds; the
 * count of its ticks does not change its unit. */
char *
_hu_chart_format_bar (HuChart *self,
                      double   value)
{
  Axis axis = { 0 };
  char *text;

  _hu_chart_bar_axis_init (self, &axis);
  text = _hu_chart_format_bar_on (&axis, value);
  _hu_chart_axis_clear (&axis);
  return text;
}

/* The axis whose unit @self's bar labels take (clear it with
 * _hu_chart_axis_clear()): set up once for all the bars of a text, it
 * walks every bar, so once per bar made the text quadratic. */
void
_hu_chart_bar_axis_init (HuChart *self,
                         Axis    *axis)
{
  double lo = 0, hi = _hu_chart_max_extent (self);

  if (self->kind == HU_CHART_TORNADO)
    _hu_chart_tornado_span (self, &lo, &hi);
  _hu_chart_axis_init (axis, self, self->unit, lo, hi, 5);
}

/* _hu_chart_format_bar() on an axis already set up. */
char *
_hu_chart_format_bar_on (const Axis *axis,
                         double      value)
{
  g_autofree char *number = _hu_chart_bar_value_label (axis, value);

  if (isfinite (value) && !axis->bar_units && axis->symbol != NULL && axis->symbol[0] != '\0')
    return g_strdup_printf ("%s %s", number, axis->symbol);
  return g_steal_pointer (&number);
}

/**
 * hu_chart_format_bar_value:
 * @self: a %HU_CHART_BARS or %HU_CHART_RANKED chart
 * @value: a value in the chart's unit (its base unit: kg, kWh, …)
 *
 * @value written as @self's bars label theirs, in the axis' unit and
 * with their three significant digits, followed by that unit: "7.05 t"
 * on an axis in t. For text beside the chart (What If's list of the
 * ranking), so the list, the bars and the axis name one unit and one
 * precision (issue 10).
 *
 * Returns: (transfer full): the text, "n/a" for NaN
 */
char *
hu_chart_format_bar_value (HuChart *self,
                           double   value)
{
  g_return_val_if_fail (HU_IS_CHART (self), NULL);
  g_return_val_if_fail (self->kind == HU_CHART_BARS || self->kind == HU_CHART_RANKED, NULL);

  return _hu_chart_format_bar (self, value);
}
