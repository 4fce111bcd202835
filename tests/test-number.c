/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include "test-helpers.h"

typedef struct {
  const char   *text;
  HuNumberFlags flags;
  double        expected;   /* NAN: must be refused */
} ParseCase;

static const ParseCase parse_cases[] = {
  { "3.14e23", HU_NUMBER_FLAGS_NONE, 3.14e23 },
  { "  42 ", HU_NUMBER_FLAGS_NONE, 42 },
  { "175e9", HU_NUMBER_FLAGS_NONE, 175e9 },
  { "175 G", HU_NUMBER_SUFFIXES, 175e9 },
  { "175G", HU_NUMBER_SUFFIXES, 175e9 },
  { "300B", HU_NUMBER_SUFFIXES, 300e9 },
  { "1.5T", HU_NUMBER_SUFFIXES, 1.5e12 },
  { "7 M", HU_NUMBER_SUFFIXES, 7e6 },
  { "2k", HU_NUMBER_SUFFIXES, 2000 },
  { "40%", HU_NUMBER_PERCENT, 0.40 },
  { "-3", HU_NUMBER_FLAGS_NONE, -3 },
  { "175G", HU_NUMBER_FLAGS_NONE, NAN },        /* suffix not allowed */
  { "", HU_NUMBER_FLAGS_NONE, NAN },
  { "   ", HU_NUMBER_FLAGS_NONE, NAN },
  { "nan", HU_NUMBER_FLAGS_NONE, NAN },
  { "NaN", HU_NUMBER_SUFFIXES, NAN },
  { "inf", HU_NUMBER_FLAGS_NONE, NAN },
  { "-infinity", HU_NUMBER_FLAGS_NONE, NAN },
  { "1e999", HU_NUMBER_FLAGS_NONE, NAN },       /* overflows a double */
  { "12abc", HU_NUMBER_SUFFIXES, NAN },
  { "0x10", HU_NUMBER_FLAGS_NONE, NAN },
  { "abc", HU_NUMBER_FLAGS_NONE, NAN },
  { "1,5", HU_NUMBER_FLAGS_NONE, NAN },         /* files and the CLI: C numbers only */
  { "1,5", HU_NUMBER_LOCALE, 1.5 },             /* C locale: a lone comma is decimal */
  /* C locale: two commas, or a comma before a dot, group, as a form
   * field writes a million (issue 10, item 2). */
  { "1,082,990", HU_NUMBER_LOCALE, 1082990 },
  { "1,082,990.5", HU_NUMBER_LOCALE, 1082990.5 },
  { "1,082,990", HU_NUMBER_FLAGS_NONE, NAN },   /* never in files */
  { "1e999G", HU_NUMBER_SUFFIXES, NAN },
  { "1e300P", HU_NUMBER_SUFFIXES, NAN },        /* finite × 1e15 overflows */
};

static void
test_parse (gconstpointer data)
{
  const ParseCase *c = data;
  g_autoptr(GError) error = NULL;
  double value = -1;
  gboolean ok = hu_number_parse (c->text, c->flags, &value, &error);

  if (isnan (c->expected))
    {
      g_assert_false (ok);
      g_assert_nonnull (error);
      g_assert_cmpfloat (value, ==, -1);   /* untouched on error */
    }
  else
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpfloat (value, ==, c->expected);
    }
}

/* Numbers typed by people in a decimal-comma locale. */
static void
test_parse_spanish (void)
{
  struct { const char *text; double expected; } cases[] = {
    { "1,5", 1.5 },
    { "1.234,5", 1234.5 },
    { "1.234.567", 1234567 },
    { "3.14e23", 3.14e23 },    /* pasted from a paper: the dot stays decimal */
    { "0,4", 0.4 },
  };
  const char *old = setlocale (LC_NUMERIC, NULL);
  g_autofree char *saved = g_strdup (old);

  if (setlocale (LC_NUMERIC, "es_ES.UTF-8") == NULL)
    {
      g_test_fail_printf ("es_ES.UTF-8 is not installed (the README's test command generates it)");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double value;

      g_assert_true (hu_number_parse (cases[i].text, HU_NUMBER_LOCALE | HU_NUMBER_SUFFIXES,
                                      &value, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (value, ==, cases[i].expected);
    }
  setlocale (LC_NUMERIC, saved);
}

static void
test_to_string (void)
{
  struct { double value; const char *text; } cases[] = {
    { 0.1, "0.1" },
    { 0.4, "0.4" },
    { 670940.170940171, "670940.170940171" },
    { 3.14e23, "3.14e+23" },
    { 1e-7, "1e-07" },
    { 42, "42" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hu_number_to_string (cases[i].value);
      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, cases[i].value);
    }

  /* Shortest text that still reads back exactly. */
  for (int i = 1; i < 1000; i++)
    {
      double v = i / 7.0 * 1e5;
      g_autofree char *text = hu_number_to_string (v);
      g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, v);
    }
}

static void
test_humanised (void)
{
  struct { char *(*fn) (double); double value; const char *text; } cases[] = {
    /* Durations follow hu-units' rule for times (three significant digits,
     * trailing zeros dropped; seconds below 1 min, minutes below 1 h,
     * days from 72 h, years from 2 × 8,766 h):
     *   14.77 × 24 = 354.48 h ≥ 72 → 354.48 / 24 = 14.77 days → "14.8 days"
     *   7.5 h → "7.50" → "7.5 h"; 0.5 h = 30 min → "30.0" → "30 min"
     *   1/60 h = 1 min → "1 min"; 0.73/60 h = 0.73 min, below 1 min:
     *   0.73 × 60 = 43.8 s → "43.8 s"; 0.9999/60 h = 59.994 s, three
     *   digits "60.0 s", which is 1 min → "1 min"
     *   1 h → "1 h"; 48 h is below 72 → "48 h" (not "2 days")
     *   71.9 h → "71.9 h"; 72 h → 3 days → "3 days"
     *   0.9999 h = 59.994 min, three digits "60.0 min", which is 1 h →
   *   "1.00" → "1 h" (the unit of the value as shown, never "60 min")
     *   24 × 800 = 19,200 h ≥ 17,532 → 19,200 / 8,766 = 2.190 → "2.19 years"
     *   24 × 365.25 × 76.5 h = 76.5 × 8,766 h → "76.5 years" */
    { hu_format_duration, 14.77 * 24, "14.8 days" },
    { hu_format_duration, 7.5, "7.5 h" },
    { hu_format_duration, 0.5, "30 min" },
    { hu_format_duration, 1.0 / 60, "1 min" },
    { hu_format_duration, 0.73 / 60, "43.8 s" },
    { hu_format_duration, 0.9999 / 60, "1 min" },
    { hu_format_duration, 1, "1 h" },
    { hu_format_duration, 48, "48 h" },
    { hu_format_duration, 71.9, "71.9 h" },
    { hu_format_duration, 72, "3 days" },
    { hu_format_duration, 0.9999, "1 h" },
    { hu_format_duration, 24 * 800, "2.19 years" },
    { hu_format_duration, 24 * 365.25 * 76.5, "76.5 years" },
    { hu_format_energy_kwh, 167735.04, "167.7 MWh" },
    { hu_format_energy_kwh, 1287060, "1.287 GWh" },
    { hu_format_energy_kwh, 0.25, "250 Wh" },
    { hu_format_mass_kg, 72629.27, "72.63 t CO₂eq" },
    { hu_format_mass_kg, 16.99, "16.99 kg CO₂eq" },
    { hu_format_percent, 0.4, "40 %" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cases[i].fn (cases[i].value);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Text for people is grouped as the locale groups (issue 10, item 13):
 * the C locale's messages are English, so it groups as English does,
 * "," every three digits; Spanish (glibc's es_ES) groups with "." from
 * four digits. Machine text (HU_UNITS_C_LOCALE) is never grouped.
 *   GPT-3's 3,541,666.7 GPU-h: millions from a million up, 3.5416667
 *   to four significant digits is 3.542 → "3.542 million GPU-h",
 *   "3,542 millones de GPU-h" (the decimal comma).
 *   A change of (29,370 − 172) ÷ 172 = 169.756 → 16,975.6 %, above
 *   +1,000 %, reads as the ratio 29,370 ÷ 172 = 170.76 → "× 171";
 *   (128.1 − 551.6) ÷ 551.6 = −0.76777 → "−76.8 %" (one decimal);
 *   0.0004 rounds to "+0.0 %" → "same".
 *   1,234,567.891 at two decimals → "1,234,567.89" / "1.234.567,89". */
static void
test_grouping (void)
{
  struct {
    const char *locale;
    const char *gpu_hours;
    const char *up;
    const char *down;
    const char *same;
    const char *fixed;
    const char *negative;
    const char *count;
  } cases[] = {
    { "C.UTF-8", "3.542 million GPU-h", "× 171", "−76.8 %", "same", "1,234,567.89",
      "-1,234.5", "4,286" },
    { "es_ES.UTF-8", "3,542 millones de GPU-h", "× 171", "−76,8 %", "igual", "1.234.567,89",
      "-1.234,5", "4.286" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *gpu_hours = NULL;
      g_autofree char *up = NULL;
      g_autofree char *down = NULL;
      g_autofree char *same = NULL;
      g_autofree char *fixed = NULL;
      g_autofree char *negative = NULL;
      g_autofree char *machine = NULL;
      g_autofree char *small = NULL;
      g_autofree char *count = NULL;

      if (setlocale (LC_ALL, cases[i].locale) == NULL)
        {
          g_test_fail_printf ("%s is not installed (the README's test command generates it)",
                              cases[i].locale);
          return;
        }
      g_setenv ("LANGUAGE", g_str_has_prefix (cases[i].locale, "es") ? "es" : "C", TRUE);
      gpu_hours = hu_format_hours (3541666.7);
      up = hu_format_change ((29370.0 - 172) / 172);
      down = hu_format_change ((128.1 - 551.6) / 551.6);
      same = hu_format_change (0.0004);
      fixed = hu_units_format_fixed (1234567.891, 2, HU_UNITS_DEFAULT);
      negative = hu_units_format_fixed (-1234.5, 1, HU_UNITS_DEFAULT);
      machine = hu_units_format_fixed (1234567.891, 2, HU_UNITS_C_LOCALE);
      /* Three digits or fewer are never grouped. */
      small = hu_units_format_fixed (999.5, 1, HU_UNITS_DEFAULT);
      /* 4,286 imported runs, a count. */
      count = hu_format_count (4286);
      setlocale (LC_ALL, "C.UTF-8");
      g_setenv ("LANGUAGE", "C", TRUE);

      g_assert_cmpstr (gpu_hours, ==, cases[i].gpu_hours);
      g_assert_cmpstr (up, ==, cases[i].up);
      g_assert_cmpstr (down, ==, cases[i].down);
      g_assert_cmpstr (same, ==, cases[i].same);
      g_assert_cmpstr (fixed, ==, cases[i].fixed);
      g_assert_cmpstr (negative, ==, cases[i].negative);
      g_assert_cmpstr (machine, ==, "1234567.89");
      g_assert_cmpstr (small, ==, i == 0 ? "999.5" : "999,5");
      g_assert_cmpstr (count, ==, cases[i].count);
    }
}

/* One rule for changes against a baseline (hu_format_change()), each
 * value worked by hand:
 *   0.12 → 12.0 % → "+12.0 %".
 *   9.999 → 999.9 % → "+999.9 %", the last percentage.
 *   10 (+1,000 %) → ratio 1 + 10 = 11 → "× 11".
 *   12.46 → ratio 13.46 → three digits → "× 13.5".
 *   3,850,678.67 (the "+385,067,867 %" seen on screen) → ratio
 *     3,850,679.67, three significant digits → "× 3,850,000".
 *   −0.9994 → 99.94 % → one decimal → "−99.9 %".
 *   −0.9997 → 99.97 %, which one decimal would show as 100.0 →
 *     two decimals → "−99.97 %".
 *   (5.561e-6 − 551,588) ÷ 551,588 = −0.99999999999 → 99.999999999 %,
 *     100.00 even with two decimals → "< −99.99 %".
 *   −1 (a value of zero) → "−100.0 %", the only "−100.0 %". */
static void
test_change (void)
{
  struct {
    double      fraction;
    const char *c;
    const char *es;
  } cases[] = {
    { 0.12, "+12.0 %", "+12,0 %" },
    { 9.999, "+999.9 %", "+999,9 %" },
    { 10, "× 11", "× 11" },
    { 12.46, "× 13.5", "× 13,5" },
    { 3850678.67, "× 3,850,000", "× 3.850.000" },
    { -0.9994, "−99.9 %", "−99,9 %" },
    { -0.9997, "−99.97 %", "−99,97 %" },
    { (5.561e-6 - 551588) / 551588, "< −99.99 %", "< −99,99 %" },
    { -1, "−100.0 %", "−100,0 %" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *c = NULL;
      g_autofree char *es = NULL;

      c = hu_format_change (cases[i].fraction);
      if (setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
        {
          g_test_fail_printf ("es_ES.UTF-8 is not installed (the README's test command "
                              "generates it)");
          return;
        }
      g_setenv ("LANGUAGE", "es", TRUE);
      es = hu_format_change (cases[i].fraction);
      setlocale (LC_ALL, "C.UTF-8");
      g_setenv ("LANGUAGE", "C", TRUE);

      g_assert_cmpstr (c, ==, cases[i].c);
      g_assert_cmpstr (es, ==, cases[i].es);
    }
}

/* Amounts and days as the derivation, the CLI's table and the report
 * write them (issue 10 item 13: the table read "1,478,773,029" where the
 * steps read "1.48 × 10⁹ requests"):
 *   3,650,000 requests: whole, below a billion, grouped
 *   1.5 training runs: "1.5"
 *   1,478,773,029.4: from a billion, three digits, "1.48 × 10⁹"
 * a day with three significant digits, its whole digits kept:
 *   14.79 → "14.8", 147,877.3 → "147,877" */
static void
test_amount_and_day (void)
{
  static const struct {
    gboolean    day;
    double      value;
    const char *c;
    const char *es;
  } cases[] = {
    { FALSE, 3650000, "3,650,000", "3.650.000" },
    { FALSE, 1.5, "1.5", "1,5" },
    { FALSE, 1478773029.4, "1.48 × 10⁹", "1,48 × 10⁹" },
    { FALSE, NAN, "—", "—" },
    { TRUE, 14.79, "14.8", "14,8" },
    { TRUE, 147877.3, "147,877", "147.877" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *c = NULL;
      g_autofree char *es = NULL;

      c = cases[i].day ? hu_format_day (cases[i].value) : hu_format_amount (cases[i].value);
      if (setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
        {
          g_test_fail_printf ("es_ES.UTF-8 is not installed (the README's test command "
                              "generates it)");
          return;
        }
      es = cases[i].day ? hu_format_day (cases[i].value) : hu_format_amount (cases[i].value);
      setlocale (LC_ALL, "C.UTF-8");

      g_assert_cmpstr (c, ==, cases[i].c);
      g_assert_cmpstr (es, ==, cases[i].es);
    }
}

/* A break-even day, and from a year on how long that is: BLOOM's API
 * breaks even on day 13,585 of serving, 13,585 ÷ 365.25 = 37.19 years
 * (÷ 365: 37.22; "37.2" either way), which "day 13,585" alone did not
 * say beside an 18-day deployment. Under a year, the day alone. */
static void
test_breakeven_day (void)
{
  g_autofree char *short_c = NULL, *long_c = NULL, *short_es = NULL, *long_es = NULL;
  g_autofree char *none = hu_format_breakeven_day (NAN);

  short_c = hu_format_breakeven_day (14.79);
  long_c = hu_format_breakeven_day (13585);
  g_assert_cmpstr (short_c, ==, "day 14.8");
  g_assert_cmpstr (long_c, ==, "day 13,585 (37.2 years)");
  g_assert_cmpstr (none, ==, "—");

  if (setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
    {
      g_test_fail_printf ("es_ES.UTF-8 is not installed (the README's test command "
                          "generates it)");
      return;
    }
  g_setenv ("LANGUAGE", "es", TRUE);
  short_es = hu_format_breakeven_day (14.79);
  long_es = hu_format_breakeven_day (13585);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_assert_cmpstr (short_es, ==, "día 14,8");
  g_assert_cmpstr (long_es, ==, "día 13.585 (37,2 años)");
}

/* What a form field writes for each locale, and that the locale's parser
 * reads it back (issue 10, item 13: "230768" sat beside "1,082,990").
 * Grouped as tables group where that reads back (en_US's comma); where a
 * lone separator could be a decimal (es_ES's dot, the C locale's comma
 * as typed) from a million only. The expected texts are written by hand
 * from each locale's separators. */
static void
test_format_for_entry (void)
{
  static const char *locales[] = { "C.UTF-8", "es_ES.UTF-8", "en_US.UTF-8" };
  static const struct {
    double      value;
    const char *text[3];   /* C, es_ES, en_US */
  } cases[] = {
    { 230768, { "230768", "230768", "230,768" } },
    { 1082990, { "1,082,990", "1.082.990", "1,082,990" } },
    { 1083, { "1083", "1083", "1,083" } },
    { 999.7, { "999.7", "999,7", "999.7" } },
    { 999.96, { "1000", "1000", "1,000" } },
    { 132.2338, { "132.2", "132,2", "132.2" } },
    { 3.14e23, { "3.14e23", "3,14e23", "3.14e23" } },
    { -45000, { "-45000", "-45000", "-45,000" } },
    { 0.00005, { "5e-5", "5e-5", "5e-5" } },
  };

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    {
      if (setlocale (LC_ALL, locales[l]) == NULL)
        {
          g_test_fail_printf ("%s is not installed (the README's test command generates it)",
                              locales[l]);
          break;
        }
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autofree char *text = hu_number_format_for_entry (cases[i].value);
          g_autoptr(GError) error = NULL;
          double back = NAN;

          g_assert_cmpstr (text, ==, cases[i].text[l]);
          g_assert_true (hu_number_parse (text, HU_NUMBER_LOCALE, &back, &error));
          g_assert_no_error (error);
          /* Back to the value, at the four digits the field shows. */
          g_assert_cmpfloat (fabs (back - cases[i].value), <=, fabs (cases[i].value) * 5e-4);
        }
    }
  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int    argc,
      char **argv)
{
  core_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/huella/number/parse/%u", i);
      g_test_add_data_func (path, &parse_cases[i], test_parse);
    }
  g_test_add_func ("/huella/number/parse-spanish", test_parse_spanish);
  g_test_add_func ("/huella/number/to-string", test_to_string);
  g_test_add_func ("/huella/number/humanised", test_humanised);
  g_test_add_func ("/huella/number/grouping", test_grouping);
  g_test_add_func ("/huella/number/change", test_change);
  g_test_add_func ("/huella/number/amount-and-day", test_amount_and_day);
  g_test_add_func ("/huella/number/breakeven-day", test_breakeven_day);
  g_test_add_func ("/huella/number/format-for-entry", test_format_for_entry);
  return g_test_run ();
}
