/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "hu-util-private.h"
#include "hu-chart-private.h"

/* ---------------------------------------------------------------------- */
/* Units                                                                   */

typedef struct {
  double      divisor;
  const char *symbol;  /* translatable via the table's N_() */
} UnitStep;

static const UnitStep *
unit_steps (HuUnitKind  unit,
            guint      *n_steps)
{
  /* Each table is ordered; the largest step whose divisor ≤ max wins. */
  static const UnitStep energy[] = {
    { 1e-3, N_("Wh") }, { 1, N_("kWh") }, { 1e3, N_("MWh") }, { 1e6, N_("GWh") },
  };
  static const UnitStep mass[] = {
    { 1e-3, N_("g") }, { 1, N_("kg") }, { 1e3, N_("t") }, { 1e8, N_("kt") },
  };
  static const UnitStep hours[] = {
    /* Translators: unit symbols for minutes, hours, days and years. */
    { 1.0 / 60, N_("min") }, { 1, N_("h") }, { 72, N_("days") }, { 2 * 8766.0, N_("years") },
  };
  static const UnitStep gpu_hours[] = {
    { 1, N_("GPU-h") }, { 1e4, N_("thousand GPU-h") }, { 1e7, N_("million GPU-h") },
  };
  static const UnitStep power[] = {
    { 1, N_("W") }, { 1e3, N_("kW") }, { 1e6, N_("MW") },
  };
  static const UnitStep seconds[] = {
    { 1, N_("s") }, { 120, N_("min") }, { 7200, N_("h") },
  };
  static const UnitStep plain[] = {
    { 1, "" }, { 1e4, "k" }, { 1e6, "M" }, { 1e9, "G" }, { 1e12, "T" },
    { 1e15, "P" }, { 1e18, "E" }, { 1e21, "Z" }, { 1e24, "Y" },
  };

  switch (unit)
    {
    case HU_UNIT_ENERGY_KWH: *n_steps = G_N_ELEMENTS (energy); return energy;
    case HU_UNIT_MASS_KG: *n_steps = G_N_ELEMENTS (mass); return mass;
    case HU_UNIT_HOURS: *n_steps = G_N_ELEMENTS (hours); return hours;
    case HU_UNIT_GPU_HOURS: *n_steps = G_N_ELEMENTS (gpu_hours); return gpu_hours;
    case HU_UNIT_POWER_W: *n_steps = G_N_ELEMENTS (power); return power;
    case HU_UNIT_SECONDS: *n_steps = G_N_ELEMENTS (seconds); return seconds;
    case HU_UNIT_PLAIN:
    case HU_UNIT_CURRENCY:
    case HU_UNIT_PERCENT:
    default:
      *n_steps = G_N_ELEMENTS (plain);
      return plain;
    }
}

/* The real divisor of a step: "days" and "years" are reached at 72 h and
 * two years but count 24 h and 8766 h. */
static double
step_divisor (HuUnitKind      unit,
              const UnitStep *step)
{
  if (unit == HU_UNIT_HOURS && step->divisor == 72)
    return 24;
  if (unit == HU_UNIT_HOURS && step->divisor > 8766)
    return 8766;
  if (unit == HU_UNIT_GPU_HOURS && step->divisor > 1)
    return step->divisor / 10;
  if (unit == HU_UNIT_MASS_KG && step->divisor == 1e8)
    return 1e6;
  if (unit == HU_UNIT_SECONDS && step->divisor == 120)
    return 60;
  if (unit == HU_UNIT_SECONDS && step->divisor == 7200)
    return 3600;
  if ((unit == HU_UNIT_PLAIN || unit == HU_UNIT_CURRENCY) && step->divisor == 1e4)
    return 1e3;
  return step->divisor;
}

/**
 * hu_unit_pick_scale:
 * @unit: the unit of the values
 * @max: the largest absolute value to show
 * @currency: (nullable): currency code for %HU_UNIT_CURRENCY
 * @symbol: (out) (transfer full): the symbol of the chosen unit
 *
 * Returns: what to divide values by to show them in *@symbol
 */
double
hu_unit_pick_scale (HuUnitKind   unit,
                    double       max,
                    const char  *currency,
                    char       **symbol)
{
  const UnitStep *steps;
  const UnitStep *chosen;
  guint n_steps;

  g_return_val_if_fail (symbol != NULL, 1.0);

  if (unit == HU_UNIT_PERCENT)
    {
      *symbol = g_strdup ("%");
      return 0.01;
    }

  steps = unit_steps (unit, &n_steps);
  max = fabs (max);
  if (!isfinite (max))
    max = 0;

  /* The base unit (kWh, kg, h, …) is the default for small values too,
   * except where a smaller one reads better (Wh, g, min). */
  chosen = NULL;
  for (guint i = 0; i < n_steps; i++)
    if (steps[i].divisor == 1)
      chosen = &steps[i];
  for (guint i = 0; i < n_steps; i++)
    if (max >= steps[i].divisor && max > 0)
      chosen = &steps[i];
  if (max > 0 && max < 1 && steps[0].divisor < 1)
    chosen = &steps[0];
  if (chosen == NULL)
    chosen = &steps[0];

  if (unit == HU_UNIT_CURRENCY)
    {
      const char *code = currency != NULL ? currency : "";

      if (step_divisor (unit, chosen) == 1)
        *symbol = g_strdup (code);
      else
        *symbol = g_strdup_printf ("%s %s", chosen->symbol, code);
    }
  else if (unit == HU_UNIT_PLAIN)
    *symbol = g_strdup (chosen->symbol);
  else
    *symbol = g_strdup (_(chosen->symbol));

  return step_divisor (unit, chosen);
}

/**
 * hu_unit_format:
 * @unit: the unit of @value
 * @value: a value in the base unit
 * @currency: (nullable): currency code for %HU_UNIT_CURRENCY
 * @significant: significant digits to keep
 *
 * Returns: (transfer full): @value scaled and labelled, e.g. "167.7 MWh",
 *   in the locale's number format; "n/a" for NAN
 */
char *
hu_unit_format (HuUnitKind  unit,
                double      value,
                const char *currency,
                int         significant)
{
  g_autofree char *symbol = NULL;
  g_autofree char *number = NULL;
  double divisor;

  if (!isfinite (value))
    return g_strdup (_("n/a"));

  divisor = hu_unit_pick_scale (unit, value, currency, &symbol);
  number = _hu_format_significant (value / divisor, significant);

  if (symbol[0] == '\0')
    return g_steal_pointer (&number);
  if (unit == HU_UNIT_PERCENT)
    return g_strdup_printf ("%s %%", number);
  return g_strdup_printf ("%s %s", number, symbol);
}

static const char *
unit_base_symbol (HuUnitKind  unit,
                  const char *currency)
{
  switch (unit)
    {
    case HU_UNIT_ENERGY_KWH: return _("kWh");
    case HU_UNIT_MASS_KG: return _("kg");
    case HU_UNIT_HOURS: return _("h");
    case HU_UNIT_GPU_HOURS: return _("GPU-h");
    case HU_UNIT_CURRENCY: return currency != NULL ? currency : "";
    case HU_UNIT_POWER_W: return _("W");
    case HU_UNIT_SECONDS: return _("s");
    case HU_UNIT_PERCENT:
    case HU_UNIT_PLAIN:
    default:
      return "";
    }
}

/* The exact value for tooltips and tables: the scaled figure plus the
 * base-unit value with two decimals, "167.7 MWh (167,735.04 kWh)". */
char *
_hu_chart_format_exact (HuChart *self,
                        HuUnitKind unit,
                        double   value)
{
  g_autofree char *scaled = hu_unit_format (unit, value, self->currency, 4);
  g_autofree char *symbol = NULL;
  g_autofree char *base = NULL;
  double divisor;

  if (!isfinite (value))
    return g_steal_pointer (&scaled);

  divisor = hu_unit_pick_scale (unit, value, self->currency, &symbol);
  if (divisor == 1 || unit == HU_UNIT_PERCENT)
    {
      g_autofree char *number = _hu_format_decimals (value / divisor,
                                                     unit == HU_UNIT_PERCENT ? 1 : 2);
      const char *sym = unit == HU_UNIT_PERCENT ? "%" : unit_base_symbol (unit, self->currency);

      return sym[0] != '\0' ? g_strdup_printf ("%s %s", number, sym) : g_steal_pointer (&number);
    }

  base = _hu_format_decimals (value, 2);
  return g_strdup_printf ("%s (%s %s)", scaled, base, unit_base_symbol (unit, self->currency));
}
