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
 * the chart's largest value, as the axis' does.
 */
void
_hu_chart_value_scale (HuChart     *self,
                       HuUnitKind   unit,
                       HuUnitScale *scale)
{
  double max = axis_data_max (self, unit != self->unit);

  hu_unit_scale_init (scale, unit, &max, 1, self->currency, 0);
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
