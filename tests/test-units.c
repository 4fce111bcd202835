/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include "test-helpers.h"

/*
 * hu-units: one unit and one number of decimals for a set of values, the
 * digits of each kind, powers of ten, and the locale. Every expected
 * string is worked out by hand in its comment from the rules of
 * hu_unit_scale_init(): the unit from the largest value; decimals for
 * `significant` digits of the largest, two of the smallest non-zero one,
 * at most one more than the largest needs; a value left with fewer than
 * two significant digits in that unit is written in its own.
 */

static char *
format_in_set (HuUnitKind    kind,
               const double *values,
               gsize         n,
               guint         which,
               const char   *currency)
{
  HuUnitScale scale;

  hu_unit_scale_init (&scale, kind, values, n, currency, 0);
  return hu_unit_scale_format (&scale, values[which], HU_UNITS_DEFAULT);
}

#define assert_in_set(kind, values, which, currency, expected)                         \
  G_STMT_START {                                                                       \
    g_autofree char *_text = format_in_set (kind, values, G_N_ELEMENTS (values), which, \
                                            currency);                                 \
    g_assert_cmpstr (_text, ==, expected);                                             \
  } G_STMT_END

static void
test_column (void)
{
  /* 86,000 and 44,180 kWh: the largest is 86 MWh; four digits of 86 are
   * two decimals; two digits of 44.18 need none: both with two. */
  const double energy[] = { 86000, 44180 };
  /* 0.57 Wh (0.00057 kWh) beside 0: the largest is below 1 kWh, so Wh;
   * four digits of 0.57 are four decimals; the exact zero reads "0". */
  const double tiny[] = { 0.00057, 0 };
  /* 1 GWh beside 1 kWh: GWh, three decimals for 1.000; a fourth would
   * not give 1 kWh = 0.000001 GWh two digits (0.0000), so none is
   * added and 1 kWh reads in its own unit, kWh, four digits: 1.000. */
  const double span[] = { 1e6, 1 };
  /* 12,346 and 500 USD: from 10,000 up thousands, "k USD"; four digits
   * of 12.346 are two decimals, two of 0.5 one: two. */
  const double money[] = { 12346, 500 };
  /* Half an hour: below one hour, minutes; three digits of 30 min. */
  const double half_hour[] = { 0.5 };
  /* 2,500 GPU-h stays GPU-h (thousands from 10,000 up): four digits of
   * 2,500 need no decimals, two digits of 12.4 none either. */
  const double gpu_hours[] = { 2500, 12.4 };
  /* 40 %: a fraction of 0.4, three digits, one decimal. */
  const double share[] = { 0.4 };
  /* GPT-3's 3,541,666.7 GPU-h beside a CPU-only run's 0 (issue 10):
   * the column is in millions (from a million up), 3.5416667 → four
   * digits "3.542"; the zero is not "0 million GPU-h" but "0 GPU-h". The same for money:
   * 12,346 USD is "12.35 k USD", a zero "0 USD". Energy keeps the
   * column's unit for a zero: "0 MWh" beside 86 MWh. */
  const double gpu_and_cpu[] = { 3541666.7, 0 };
  const double money_and_zero[] = { 12346, 0 };
  const double energy_and_zero[] = { 86000, 0 };

  assert_in_set (HU_UNIT_ENERGY_KWH, energy, 0, NULL, "86.00 MWh");
  assert_in_set (HU_UNIT_ENERGY_KWH, energy, 1, NULL, "44.18 MWh");
  assert_in_set (HU_UNIT_ENERGY_KWH, tiny, 0, NULL, "0.5700 Wh");
  assert_in_set (HU_UNIT_ENERGY_KWH, tiny, 1, NULL, "0 Wh");
  assert_in_set (HU_UNIT_ENERGY_KWH, span, 0, NULL, "1.000 GWh");
  assert_in_set (HU_UNIT_ENERGY_KWH, span, 1, NULL, "1.000 kWh");
  assert_in_set (HU_UNIT_CURRENCY, money, 0, "USD", "12.35 k USD");
  assert_in_set (HU_UNIT_CURRENCY, money, 1, "USD", "0.50 k USD");
  assert_in_set (HU_UNIT_HOURS, half_hour, 0, NULL, "30.0 min");
  assert_in_set (HU_UNIT_GPU_HOURS, gpu_hours, 0, NULL, "2,500 GPU-h");
  assert_in_set (HU_UNIT_GPU_HOURS, gpu_hours, 1, NULL, "12 GPU-h");
  assert_in_set (HU_UNIT_PERCENT, share, 0, NULL, "40.0 %");
  assert_in_set (HU_UNIT_GPU_HOURS, gpu_and_cpu, 0, NULL, "3.542 million GPU-h");
  assert_in_set (HU_UNIT_GPU_HOURS, gpu_and_cpu, 1, NULL, "0 GPU-h");
  assert_in_set (HU_UNIT_CURRENCY, money_and_zero, 1, "USD", "0 USD");
  assert_in_set (HU_UNIT_ENERGY_KWH, energy_and_zero, 1, NULL, "0 MWh");
}

/* Issue 10: every value of a column stays readable. A tiny measured run
 * beside large plans read "0.00 MWh"; it now carries its own unit. */
static void
test_readable (void)
{
  /* 86,000 and 44,180 kWh plans and a 22 Wh run (0.022 kWh). The
   * largest is 86 MWh: four digits are two decimals. 22 Wh is
   * 0.000022 MWh: even three decimals show 0.000, so the column keeps
   * two, and the run is shown alone: 0.022 kWh is below 1 kWh, so Wh,
   * 22 with four digits is 22.00. */
  const double plans_and_run[] = { 86000, 44180, 0.022 };
  /* 86 MWh beside 50 kWh: 0.05 MWh has two digits with one decimal
   * more (0.050), so the column takes three and keeps it. */
  const double one_more[] = { 86000, 50 };
  /* 86 MWh beside 5 kWh: 0.005 MWh would read 0.005 (one digit) even
   * with three decimals; two decimals, and 5 kWh reads 5.000 kWh. */
  const double own[] = { 86000, 5 };
  /* Mass: 20 t of plans and a run's 8.1 g (0.0081 kg). 20.00 t; the
   * run is 0.0000081 t, below 1 kg so g: 8.1 with four digits. */
  const double mass[] = { 20000, 0.0081 };
  /* 2,500 GPU-h beside 0.3: four digits of 2,500 need no decimal; one
   * more would show 0.3, one digit, so none is added. 0.3 GPU-h alone
   * stays GPU-h (the smallest unit) with four digits: 0.3000. */
  const double gpu_hours[] = { 2500, 0.3 };
  HuUnitScale scale;
  HuUnitScale resolved;
  g_autofree char *header_number = NULL;
  g_autofree char *column_number = NULL;
  g_autofree char *machine = NULL;
  g_autofree char *same_unit = NULL;

  assert_in_set (HU_UNIT_ENERGY_KWH, plans_and_run, 0, NULL, "86.00 MWh");
  assert_in_set (HU_UNIT_ENERGY_KWH, plans_and_run, 1, NULL, "44.18 MWh");
  assert_in_set (HU_UNIT_ENERGY_KWH, plans_and_run, 2, NULL, "22.00 Wh");
  assert_in_set (HU_UNIT_ENERGY_KWH, one_more, 0, NULL, "86.000 MWh");
  assert_in_set (HU_UNIT_ENERGY_KWH, one_more, 1, NULL, "0.050 MWh");
  assert_in_set (HU_UNIT_ENERGY_KWH, own, 0, NULL, "86.00 MWh");
  assert_in_set (HU_UNIT_ENERGY_KWH, own, 1, NULL, "5.000 kWh");
  assert_in_set (HU_UNIT_MASS_KG, mass, 0, NULL, "20.00 t");
  assert_in_set (HU_UNIT_MASS_KG, mass, 1, NULL, "8.100 g");
  assert_in_set (HU_UNIT_GPU_HOURS, gpu_hours, 0, NULL, "2,500 GPU-h");
  assert_in_set (HU_UNIT_GPU_HOURS, gpu_hours, 1, NULL, "0.3000 GPU-h");

  /* Under a header naming MWh the plans are bare numbers; the run,
   * in a unit of its own, carries it, in C for machines too. */
  hu_unit_scale_init (&scale, HU_UNIT_ENERGY_KWH, plans_and_run, 3, NULL, 0);
  column_number = hu_unit_scale_format_number (&scale, 44180, HU_UNITS_DEFAULT);
  header_number = hu_unit_scale_format_number (&scale, 0.022, HU_UNITS_DEFAULT);
  machine = hu_unit_scale_format_number (&scale, 0.022, HU_UNITS_C_LOCALE);
  g_assert_cmpstr (column_number, ==, "44.18");
  g_assert_cmpstr (header_number, ==, "22.00 Wh");
  g_assert_cmpstr (machine, ==, "22.00 Wh");
  /* In the column's own unit (GPU-h has none smaller) the header says
   * it: 0.3 GPU-h with four digits, bare. */
  hu_unit_scale_init (&scale, HU_UNIT_GPU_HOURS, gpu_hours, 2, NULL, 0);
  same_unit = hu_unit_scale_format_number (&scale, 0.3, HU_UNITS_DEFAULT);
  g_assert_cmpstr (same_unit, ==, "0.3000");
  hu_unit_scale_init (&scale, HU_UNIT_ENERGY_KWH, plans_and_run, 3, NULL, 0);

  /* The resolved scale, for callers that compose the text themselves:
   * Wh is 0.001 kWh, two decimals. Zero keeps the column's. */
  g_assert_true (hu_unit_scale_resolve (&scale, 0.022, &resolved));
  g_assert_cmpfloat (resolved.divisor, ==, 1e-3);
  g_assert_cmpint (resolved.decimals, ==, 2);
  g_assert_cmpstr (resolved.symbol, ==, "Wh");
  g_assert_false (hu_unit_scale_resolve (&scale, 44180, &resolved));
  g_assert_cmpfloat (resolved.divisor, ==, 1e3);
  g_assert_false (hu_unit_scale_resolve (&scale, 0, &resolved));
  g_assert_false (hu_unit_scale_resolve (&scale, NAN, &resolved));
}

static void
test_thresholds (void)
{
  struct {
    HuUnitKind  kind;
    double      value;
    const char *expected;
  } cases[] = {
    /* One unit per factor of 1,000, four digits for energy and mass. */
    { HU_UNIT_ENERGY_KWH, 999.5, "999.5 kWh" },
    { HU_UNIT_ENERGY_KWH, 1000, "1.000 MWh" },
    { HU_UNIT_ENERGY_KWH, 1287060, "1.287 GWh" },        /* GPT-3, Patterson 2021 */
    { HU_UNIT_MASS_KG, 552100, "552.1 t" },
    { HU_UNIT_MASS_KG, 1.5e6, "1.500 kt" },               /* 10⁶ kg, as the table */
    { HU_UNIT_MASS_KG, 0.25, "250.0 g" },
    /* Times to three digits: days from 72 h (355.2 h = 14.8 days),
     * years from two years (8,766 h each: 26,298 h = 3.00 years). */
    { HU_UNIT_HOURS, 71, "71.0 h" },
    { HU_UNIT_HOURS, 355.2, "14.8 days" },
    { HU_UNIT_HOURS, 26298, "3.00 years" },
    /* The unit of the value as shown: 0.9999 h = 59.994 min, three
     * digits 60.0 min = 1 h, "1.00 h" (never "60.0 min"); 71.96 h to
     * three digits is 72.0 h = 3 days; 999.96 kWh to four digits is
     * 1000.0 kWh = 1 MWh; 999.94 kWh stays 999.9 kWh. 9.9996 kWh to
     * four digits is 10.00 (not 10.000, five digits). */
    { HU_UNIT_HOURS, 0.9999, "1.00 h" },
    { HU_UNIT_HOURS, 71.96, "3.00 days" },
    { HU_UNIT_ENERGY_KWH, 999.96, "1.000 MWh" },
    { HU_UNIT_ENERGY_KWH, 999.94, "999.9 kWh" },
    { HU_UNIT_ENERGY_KWH, 9.9996, "10.00 kWh" },
    { HU_UNIT_SECONDS, 90, "90.0 s" },
    { HU_UNIT_SECONDS, 150, "2.50 min" },
    { HU_UNIT_POWER_W, 1500, "1.50 kW" },
    /* "thousand GPU-h" from 10,000: 670,940 ÷ 1,000 = 670.9 */
    { HU_UNIT_GPU_HOURS, 670940.17, "670.9 thousand GPU-h" },
    /* "million GPU-h" from a million (issue 10 read "3,542 thousand
     * GPU-h"): 999,940 ÷ 1,000 = 999.94 → "999.9 thousand"; 999,960
     * ÷ 1,000 = 999.96 is written 1,000.0, so a million: "1.000";
     * 3,541,666.7 ÷ 10⁶ = 3.5417 → "3.542". */
    { HU_UNIT_GPU_HOURS, 999940, "999.9 thousand GPU-h" },
    { HU_UNIT_GPU_HOURS, 999960, "1.000 million GPU-h" },
    { HU_UNIT_GPU_HOURS, 3541666.7, "3.542 million GPU-h" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hu_unit_format (cases[i].kind, cases[i].value, NULL, 0);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_helpers (void)
{
  struct {
    char *(*format) (double);
    double      value;
    const char *expected;
  } cases[] = {
    /* Single values drop trailing zeros. GPU-hours as the Explain steps
     * write them: four digits, 230.399 → "230.4"; 7.5 → "7.500" → "7.5";
     * from 10,000 in thousands, 670,940.17 ÷ 1,000 = 670.94 → "670.9". */
    { hu_format_hours, 230.399, "230.4 GPU-h" },
    { hu_format_hours, 7.5, "7.5 GPU-h" },
    { hu_format_hours, 670940.17, "670.9 thousand GPU-h" },
    { hu_format_energy_kwh, 86000, "86 MWh" },
    { hu_format_energy_kwh, 0.00057, "0.57 Wh" },
    { hu_format_mass_kg, 1.5e6, "1.5 kt CO₂eq" },
    /* Powers of ten in superscript, three digits; 9.996 × 10²² rounds to
     * 10.0 and is written 1.00 × 10²³. */
    { hu_format_scientific, 3.14e23, "3.14 × 10²³" },
    { hu_format_scientific, 9.996e22, "1.00 × 10²³" },
    { hu_format_scientific, 2.5e-5, "2.50 × 10⁻⁵" },
  };
  g_autofree char *flops = hu_unit_format (HU_UNIT_FLOPS, 1.2e22, NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cases[i].format (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  g_assert_cmpstr (flops, ==, "1.20 × 10²²");
}

static void
test_pick_scale (void)
{
  g_autofree char *symbol = NULL;
  g_autofree char *none = NULL;

  /* An axis up to 167,735 kWh reads MWh, 1,000 kWh each. */
  g_assert_cmpfloat (hu_unit_pick_scale (HU_UNIT_ENERGY_KWH, 167735, NULL, &symbol), ==, 1000);
  g_assert_cmpstr (symbol, ==, "MWh");
  /* Nothing to show: the base unit. */
  g_assert_cmpfloat (hu_unit_pick_scale (HU_UNIT_MASS_KG, NAN, NULL, &none), ==, 1);
  g_assert_cmpstr (none, ==, "kg");
}

/* One unit for an axis and its bars (issue 10). Each case by hand:
 * - 1,230,000 kg is 1.23 kt; a bar of 7,050 kg would be 0.00705 kt, below
 *   a tenth, so the axis takes t: 1,230 t (four digits, under six)
 *   and 7.05 t.
 * - A bar of 0.005 kg among 1,230,000 kg: in kg it is still below a
 *   hundredth (0.005), so no one unit serves: FALSE, kt kept.
 * - 670,600 h is 76.5 years (÷ 8,766); 10 h is 0.00114 years, so days:
 *   670,600 / 24 = 27,941.7 days (five digits) and 10 h = 0.417 days.
 * - 5,000,000,000 kWh is 5,000 GWh; 1,000 kWh is 0.001 GWh, but in MWh the
 *   largest is 5,000,000, seven digits: FALSE, GWh kept.
 * - No bar (0): the largest value's unit, as hu_unit_scale_init() picks. */
static void
test_axis_scale (void)
{
  HuUnitScale scale;
  g_autofree char *days = NULL;

  g_assert_true (hu_unit_scale_init_axis (&scale, HU_UNIT_MASS_KG, 1230000, 7050, NULL, 0));
  g_assert_cmpfloat (scale.divisor, ==, 1000);
  g_assert_cmpstr (scale.symbol, ==, "t");

  /* What If's All GPUs (issue 10): 11.3 t and 92.9 t would read
   * "0.0113" and "0.0929" kt, under a tenth of the unit; in t they read
   * "11.3" and "92.9" beside "1,230". 150 t is 0.150 kt and keeps kt. */
  g_assert_true (hu_unit_scale_init_axis (&scale, HU_UNIT_MASS_KG, 1230000, 11300, NULL, 0));
  g_assert_cmpfloat (scale.divisor, ==, 1000);
  g_assert_true (hu_unit_scale_init_axis (&scale, HU_UNIT_MASS_KG, 1230000, 92900, NULL, 0));
  g_assert_cmpfloat (scale.divisor, ==, 1000);
  g_assert_true (hu_unit_scale_init_axis (&scale, HU_UNIT_MASS_KG, 1230000, 150000, NULL, 0));
  g_assert_cmpfloat (scale.divisor, ==, 1e6);
  /* At the tenth itself: 99.9 t is 0.0999 kt, under it; 100 t is 0.100
   * kt, a tenth, and keeps kt. */
  g_assert_true (hu_unit_scale_init_axis (&scale, HU_UNIT_MASS_KG, 1230000, 99900, NULL, 0));
  g_assert_cmpfloat (scale.divisor, ==, 1000);
  g_assert_true (hu_unit_scale_init_axis (&scale, HU_UNIT_MASS_KG, 1230000, 100000, NULL, 0));
  g_assert_cmpfloat (scale.divisor, ==, 1e6);

  g_assert_false (hu_unit_scale_init_axis (&scale, HU_UNIT_MASS_KG, 1230000, 0.005, NULL, 0));
  g_assert_cmpfloat (scale.divisor, ==, 1e6);
  g_assert_cmpstr (scale.symbol, ==, "kt");

  g_assert_true (hu_unit_scale_init_axis (&scale, HU_UNIT_HOURS, 670600, 10, NULL, 0));
  g_assert_cmpfloat (scale.divisor, ==, 24);
  days = hu_unit_scale_symbol (&scale, HU_UNITS_DEFAULT);
  g_assert_cmpstr (days, ==, "days");

  g_assert_false (hu_unit_scale_init_axis (&scale, HU_UNIT_ENERGY_KWH, 5e9, 1000, NULL, 0));
  g_assert_cmpfloat (scale.divisor, ==, 1e6);

  g_assert_true (hu_unit_scale_init_axis (&scale, HU_UNIT_ENERGY_KWH, 167735, 0, NULL, 0));
  g_assert_cmpfloat (scale.divisor, ==, 1000);
}

/* Ratings and settings, one formatter each (issue 10). A carbon
 * intensity keeps four significant digits and drops trailing zeros,
 * then "g CO₂eq/kWh" after a space:
 *   430      → 430.0 → "430"
 *   67.394   → 67.39 (two decimals make four digits)
 *   1234.6   → 1235, grouped "1,235"
 *   0.05     → 0.05000 → "0.05"
 * and alone for a column (HU_UNITS_NUMBER), "—" when unknown. */
static void
test_intensity (void)
{
  static const struct {
    double      value;
    HuUnitsFlags flags;
    const char *expected;
  } cases[] = {
    { 430, HU_UNITS_DEFAULT, "430 g CO₂eq/kWh" },
    { 67.394, HU_UNITS_DEFAULT, "67.39 g CO₂eq/kWh" },
    { 57.3, HU_UNITS_DEFAULT, "57.3 g CO₂eq/kWh" },
    { 1234.6, HU_UNITS_DEFAULT, "1,235 g CO₂eq/kWh" },
    { 1234.6, HU_UNITS_C_LOCALE, "1235 g CO₂eq/kWh" },
    { 0.05, HU_UNITS_DEFAULT, "0.05 g CO₂eq/kWh" },
    { 0, HU_UNITS_DEFAULT, "0 g CO₂eq/kWh" },
    { 57.3, HU_UNITS_NUMBER, "57.3" },
    { NAN, HU_UNITS_DEFAULT, "—" },
  };

  g_assert_cmpstr (hu_units_intensity_symbol (HU_UNITS_DEFAULT), ==, "g CO₂eq/kWh");
  g_assert_cmpstr (hu_units_intensity_symbol (HU_UNITS_C_LOCALE), ==, "g CO₂eq/kWh");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hu_units_format_intensity (cases[i].value, cases[i].flags);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* The other ratings, one formatter each:
 *   PUE, two decimals always: 1.1 → "1.10", 1 → "1.00", 1.584 → "1.58"
 *   peak, four significant digits, trailing zeros dropped, "TFLOP/s":
 *     312 → "312 TFLOP/s", 989.43 → "989.4", 1978.9 → 1979, "1,979";
 *     130 → "130" (never "130.0", issue 10)
 *   watts, the same digits in W: 400 → "400 W", 1000 → "1,000 W" (never
 *     "1.00 kW": a rating reads as its datasheet), 72.46 → "72.46 W" */
static void
test_ratings (void)
{
  static const struct {
    char     *(*format) (double value, HuUnitsFlags flags);
    double       value;
    HuUnitsFlags flags;
    const char  *expected;
  } cases[] = {
    { hu_units_format_pue, 1.1, HU_UNITS_DEFAULT, "1.10" },
    { hu_units_format_pue, 1, HU_UNITS_DEFAULT, "1.00" },
    { hu_units_format_pue, 1.584, HU_UNITS_DEFAULT, "1.58" },
    { hu_units_format_pue, 1.1, HU_UNITS_TRIM, "1.10" },
    { hu_units_format_pue, NAN, HU_UNITS_DEFAULT, "—" },
    { hu_units_format_peak, 312, HU_UNITS_DEFAULT, "312 TFLOP/s" },
    { hu_units_format_peak, 989.43, HU_UNITS_DEFAULT, "989.4 TFLOP/s" },
    { hu_units_format_peak, 1978.9, HU_UNITS_DEFAULT, "1,979 TFLOP/s" },
    { hu_units_format_peak, 130, HU_UNITS_NUMBER, "130" },
    { hu_units_format_peak, NAN, HU_UNITS_DEFAULT, "—" },
    { hu_units_format_watts, 400, HU_UNITS_DEFAULT, "400 W" },
    { hu_units_format_watts, 1000, HU_UNITS_DEFAULT, "1,000 W" },
    { hu_units_format_watts, 1000, HU_UNITS_C_LOCALE, "1000 W" },
    { hu_units_format_watts, 72.46, HU_UNITS_DEFAULT, "72.46 W" },
    { hu_units_format_watts, 359, HU_UNITS_NUMBER, "359" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cases[i].format (cases[i].value, cases[i].flags);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* A mass of CO₂eq with its energy's rule (the run page, issue 10: never
 * "15.50 Wh" beside "3.1 g"): 0.0031 kg = 3.1 g, four significant
 * digits with their zeros in a scale, "3.100 g CO₂eq", as 0.0155 kWh
 * reads "15.50 Wh"; alone and trimmed, "3.1 g CO₂eq". In a column of
 * tonnes (72,500 kg = 72.50 t) a 3.1 g value keeps its own unit. */
static void
test_co2 (void)
{
  const double column[] = { 72500, 0.0031 };
  double kg = 0.0031, kwh = 0.0155;
  HuUnitScale scale;
  g_autofree char *card = NULL;
  g_autofree char *energy = NULL;
  g_autofree char *alone = NULL;
  g_autofree char *big = NULL;
  g_autofree char *small = NULL;

  hu_unit_scale_init (&scale, HU_UNIT_MASS_KG, &kg, 1, NULL, 0);
  card = hu_format_co2_in (&scale, kg, HU_UNITS_DEFAULT);
  hu_unit_scale_init (&scale, HU_UNIT_ENERGY_KWH, &kwh, 1, NULL, 0);
  energy = hu_unit_scale_format (&scale, kwh, HU_UNITS_DEFAULT);
  alone = hu_format_mass_kg (kg);
  hu_unit_scale_init (&scale, HU_UNIT_MASS_KG, column, 2, NULL, 0);
  big = hu_format_co2_in (&scale, column[0], HU_UNITS_DEFAULT);
  small = hu_format_co2_in (&scale, column[1], HU_UNITS_DEFAULT);

  g_assert_cmpstr (card, ==, "3.100 g CO₂eq");
  g_assert_cmpstr (energy, ==, "15.50 Wh");
  g_assert_cmpstr (alone, ==, "3.1 g CO₂eq");
  g_assert_cmpstr (big, ==, "72.50 t CO₂eq");
  g_assert_cmpstr (small, ==, "3.100 g CO₂eq");
}

/* A unit fixed by the user keeps the column's one number of decimals:
 * 86,000 and 44,180 kWh in MWh, four digits of 86 are two decimals,
 * "86.00 MWh" above "44.18 MWh" (never "86 MWh"); in kWh no decimal,
 * "86,000 kWh". A unit the kind does not have is refused. */
static void
test_fixed_unit (void)
{
  const double energy[] = { 86000, 44180 };
  HuUnitScale scale;
  g_autofree char *big = NULL;
  g_autofree char *small = NULL;
  g_autofree char *kwh = NULL;

  g_assert_true (hu_unit_scale_init_fixed (&scale, HU_UNIT_ENERGY_KWH, "MWh", energy, 2, 0));
  big = hu_unit_scale_format (&scale, energy[0], HU_UNITS_DEFAULT);
  small = hu_unit_scale_format (&scale, energy[1], HU_UNITS_DEFAULT);
  g_assert_true (hu_unit_scale_init_fixed (&scale, HU_UNIT_ENERGY_KWH, "kWh", energy, 2, 0));
  kwh = hu_unit_scale_format (&scale, energy[0], HU_UNITS_DEFAULT);
  g_assert_cmpstr (big, ==, "86.00 MWh");
  g_assert_cmpstr (small, ==, "44.18 MWh");
  g_assert_cmpstr (kwh, ==, "86,000 kWh");
  g_assert_false (hu_unit_scale_init_fixed (&scale, HU_UNIT_ENERGY_KWH, "t", energy, 2, 0));
}

/* The same numbers in Spanish: comma for decimals, dot for thousands
 * (glibc's es_ES groups from four digits); the C-locale variant is the
 * same bytes as in C. */
static void
test_spanish (void)
{
  const double energy[] = { 86000, 44180 };
  const double plans_and_run[] = { 86000, 44180, 0.022 };
  HuUnitScale scale;
  g_autofree char *own = NULL;
  g_autofree char *grouped = NULL;
  g_autofree char *machine = NULL;
  g_autofree char *column = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *c_trimmed = NULL;
  g_autofree char *power = NULL;
  g_autofree char *zero = NULL;
  g_autofree char *intensity = NULL;
  g_autofree char *c_intensity = NULL;
  g_autofree char *pue = NULL;
  g_autofree char *peak = NULL;
  g_autofree char *watts = NULL;
  g_autofree char *c_pue = NULL;

  if (setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
    {
      g_test_fail_printf ("es_ES.UTF-8 is not installed (the README's test command generates it)");
      return;
    }

  grouped = hu_units_format_fixed (1234567.891, 2, HU_UNITS_DEFAULT);
  machine = hu_units_format_fixed (1234567.891, 2, HU_UNITS_C_LOCALE);
  hu_unit_scale_init (&scale, HU_UNIT_ENERGY_KWH, energy, 2, NULL, 0);
  column = hu_unit_scale_format (&scale, energy[1], HU_UNITS_DEFAULT);
  /* A run's 22 Wh among MWh plans, in its own unit (test_readable). */
  hu_unit_scale_init (&scale, HU_UNIT_ENERGY_KWH, plans_and_run, 3, NULL, 0);
  own = hu_unit_scale_format_number (&scale, 0.022, HU_UNITS_DEFAULT);
  trimmed = hu_unit_format_full (HU_UNIT_ENERGY_KWH, 1.5, NULL, 0, HU_UNITS_TRIM);
  c_trimmed = hu_unit_format_full (HU_UNIT_ENERGY_KWH, 1.5, NULL, 0,
                                   HU_UNITS_TRIM | HU_UNITS_C_LOCALE);
  power = hu_format_scientific (3.14e23);
  /* A tiny negative rounds to zero without a sign. */
  zero = hu_units_format_fixed (-0.0001, 2, HU_UNITS_DEFAULT);
  /* 12,345.6 g/kWh at four digits is 12,346: "12.346" in Spanish. */
  intensity = hu_units_format_intensity (12345.6, HU_UNITS_DEFAULT);
  c_intensity = hu_units_format_intensity (67.394, HU_UNITS_C_LOCALE);
  pue = hu_units_format_pue (1.1, HU_UNITS_DEFAULT);
  c_pue = hu_units_format_pue (1.1, HU_UNITS_C_LOCALE);
  peak = hu_units_format_peak (989.43, HU_UNITS_DEFAULT);
  /* 12,000 W: "12.000" grouped in Spanish. */
  watts = hu_units_format_watts (12000, HU_UNITS_DEFAULT);
  setlocale (LC_ALL, "C");

  g_assert_cmpstr (grouped, ==, "1.234.567,89");
  g_assert_cmpstr (machine, ==, "1234567.89");
  g_assert_cmpstr (column, ==, "44,18 MWh");
  g_assert_cmpstr (own, ==, "22,00 Wh");
  g_assert_cmpstr (trimmed, ==, "1,5 kWh");
  g_assert_cmpstr (c_trimmed, ==, "1.5 kWh");
  g_assert_cmpstr (power, ==, "3,14 × 10²³");
  g_assert_cmpstr (zero, ==, "0,00");
  g_assert_cmpstr (intensity, ==, "12.346 g CO₂eq/kWh");
  g_assert_cmpstr (c_intensity, ==, "67.39 g CO₂eq/kWh");
  g_assert_cmpstr (pue, ==, "1,10");
  g_assert_cmpstr (c_pue, ==, "1.10");
  g_assert_cmpstr (peak, ==, "989,4 TFLOP/s");
  g_assert_cmpstr (watts, ==, "12.000 W");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/huella/units/column", test_column);
  g_test_add_func ("/huella/units/readable", test_readable);
  g_test_add_func ("/huella/units/thresholds", test_thresholds);
  g_test_add_func ("/huella/units/helpers", test_helpers);
  g_test_add_func ("/huella/units/pick-scale", test_pick_scale);
  g_test_add_func ("/huella/units/axis-scale", test_axis_scale);
  g_test_add_func ("/huella/units/intensity", test_intensity);
  g_test_add_func ("/huella/units/ratings", test_ratings);
  g_test_add_func ("/huella/units/co2", test_co2);
  g_test_add_func ("/huella/units/fixed-unit", test_fixed_unit);
  g_test_add_func ("/huella/units/spanish", test_spanish);

  return g_test_run ();
}
