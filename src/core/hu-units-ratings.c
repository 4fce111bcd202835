/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Units"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hu-units.h"

/*
 * Ratings and settings: a figure given alone, an input rather than a
 * result (a region's carbon intensity, a data centre's PUE, an
 * accelerator's peak and power). Each reads one way in every view, the
 * report and the CLI (issue 10: "g/kWh" on one page, "gCO₂eq/kWh" in
 * the report), so each has its one formatter here; with
 * %HU_UNITS_NUMBER it gives the number of a column whose header names
 * the unit. tests/test-unit-strings.c fails when a source writes the
 * intensity's unit by hand.
 */

/**
 * hu_units_intensity_symbol:
 *
 * The unit of a carbon intensity, grams of CO₂-equivalent per
 * kilowatt-hour: "g CO₂eq/kWh", after a space as every unit is written
 * and as a mass of the gas reads ("3.1 g CO₂eq").
 *
 * Returns: (transfer none): the symbol, translated unless
 *   %HU_UNITS_C_LOCALE
 */
const char *
hu_units_intensity_symbol (HuUnitsFlags flags)
{
  /* Translators: the unit of a carbon intensity, grams of CO₂-equivalent
   * per kilowatt-hour, as in "430 g CO₂eq/kWh" */
  static const char symbol[] = N_("g CO₂eq/kWh");

  return (flags & HU_UNITS_C_LOCALE) != 0 ? symbol : _(symbol);
}

/* @number, then @symbol unless %HU_UNITS_NUMBER asks for the number
 * alone; takes @number. */
static char *
with_symbol (char         *number,
             const char   *symbol,
             HuUnitsFlags  flags)
{
  char *text;

  if ((flags & HU_UNITS_NUMBER) != 0 || symbol == NULL || symbol[0] == '\0' ||
      g_str_equal (number, "—"))
    return number;
  text = g_strdup_printf ("%s %s", number, symbol);
  g_free (number);
  return text;
}

/**
 * hu_units_format_intensity:
 * @g_per_kwh: grams of CO₂eq per kWh
 *
 * A carbon intensity as published, four significant digits at most and
 * no trailing zeros: "430 g CO₂eq/kWh", "57.3 g CO₂eq/kWh".
 *
 * Returns: (transfer full): the intensity; "—" when unknown
 */
char *
hu_units_format_intensity (double       g_per_kwh,
                           HuUnitsFlags flags)
{
  return with_symbol (hu_units_format_significant (g_per_kwh, 4, flags | HU_UNITS_TRIM),
                      hu_units_intensity_symbol (flags), flags);
}

/**
 * hu_units_format_pue:
 *
 * A data centre's PUE, a ratio of energies with no unit, as providers
 * publish it: two decimals, "1.10", "1.00" (never "1", nor "× 1.00"
 * in one view and "PUE 1" in the next).
 *
 * Returns: (transfer full): the PUE; "—" when unknown
 */
char *
hu_units_format_pue (double       pue,
                     HuUnitsFlags flags)
{
  return hu_units_format_fixed (pue, 2, flags & ~HU_UNITS_TRIM);
}

/**
 * hu_units_format_peak:
 * @tflops: dense peak throughput of one accelerator, in TFLOP/s
 *
 * An accelerator's peak as its datasheet gives it, four significant
 * digits at most, no trailing zeros: "312 TFLOP/s", "989.4 TFLOP/s".
 *
 * Returns: (transfer full): the peak; "—" when unknown
 */
char *
hu_units_format_peak (double       tflops,
                      HuUnitsFlags flags)
{
  /* Translators: the unit of an accelerator's peak throughput, tera
   * floating-point operations per second */
  const char *symbol = (flags & HU_UNITS_C_LOCALE) != 0 ? "TFLOP/s" : _("TFLOP/s");

  return with_symbol (hu_units_format_significant (tflops, 4, flags | HU_UNITS_TRIM),
                      symbol, flags);
}

/**
 * hu_units_format_watts:
 * @watts: a power, in W
 *
 * A TDP or an average power per accelerator, in watts as datasheets give
 * it: four significant digits at most, no trailing zeros, "400 W",
 * "1,000 W". Power over time (a chart) has its scale (%HU_UNIT_POWER_W).
 *
 * Returns: (transfer full): the power; "—" when unknown
 */
char *
hu_units_format_watts (double       watts,
                       HuUnitsFlags flags)
{
  const char *symbol = (flags & HU_UNITS_C_LOCALE) != 0 ? "W" : _("W");

  return with_symbol (hu_units_format_significant (watts, 4, flags | HU_UNITS_TRIM),
                      symbol, flags);
}

/**
 * hu_units_format_price:
 * @price: a price per accelerator-hour
 * @currency: (nullable): its ISO 4217 code; %NULL for the amount alone
 *
 * A price as prices are quoted, two decimals: "2.50 USD". The derivation
 * ("× 2.50 USD/GPU-h") and the report's inputs table write it this way;
 * a column's shared significant digits read "2.500 USD".
 *
 * Returns: (transfer full): the price; "—" when unknown
 */
char *
hu_units_format_price (double        price,
                       const char   *currency,
                       HuUnitsFlags  flags)
{
  return with_symbol (hu_units_format_fixed (price, 2, flags), currency, flags);
}
