/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-number"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "hu-number.h"
#include "hu-units.h"

G_DEFINE_QUARK (hu-number-error-quark, hu_number_error)

typedef struct {
  const char *suffix;
  double      factor;
} Suffix;

/* Longest first so "Gi" style mistakes are not half-matched. "B" is the
 * English "billion" people use for parameters and tokens ("300B"). */
static const Suffix suffixes[] = {
  { "k", 1e3 }, { "K", 1e3 }, { "M", 1e6 }, { "G", 1e9 }, { "B", 1e9 },
  { "T", 1e12 }, { "P", 1e15 }, { "E", 1e18 },
};

/* Rewrites a number typed in the user's locale into C-locale text:
 * "1.234,5" (es_ES) and "1,234.5" (en_US) both become "1234.5". Where the
 * locale does not group with a comma (C, POSIX), a lone comma is read as a
 * decimal comma, since that is what a European typing into it means; more
 * than one still group. */
static char *
normalise_locale_decimal (const char *text)
{
  struct lconv *lc = localeconv ();
  const char *dp = lc && lc->decimal_point && *lc->decimal_point ? lc->decimal_point : ".";
  const char *ts = lc && lc->thousands_sep ? lc->thousands_sep : "";
  gboolean comma_decimal = g_str_equal (dp, ",");
  const char *first_dot = strchr (text, '.');
  /* In a decimal-comma locale a single dot with no comma ("3.14e23",
   * pasted from a paper) is still a decimal point; only "1.500.000" or
   * "1.500,5" use it to group. */
  gboolean dot_groups = comma_decimal && first_dot
                        && (strchr (text, ',') || strchr (first_dot + 1, '.'));
  const char *first_comma = strchr (text, ',');
  /* Where a lone comma is a decimal comma (C, POSIX), two commas, or a
   * comma before a dot, can only group: "1,082,990", as the app writes
   * a million in a form field for those locales. */
  gboolean comma_groups = g_str_equal (ts, ",") ||
                          (!comma_decimal && first_comma != NULL &&
                           (strchr (first_comma + 1, ',') || strchr (first_comma + 1, '.')));
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      gsize ts_len = strlen (ts);

      if (comma_decimal && *p == ',')
        g_string_append_c (out, '.');
      else if (dot_groups && *p == '.')
        continue;
      else if (*p == ',' && comma_groups)
        continue;
      else if (*p == ',')
        g_string_append_c (out, '.');
      else if (ts_len > 0 && (guchar) *ts >= 0x80 && strncmp (p, ts, ts_len) == 0)
        p += ts_len - 1;                /* narrow no-break space grouping */
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Whether the locale's grouping of a number under a million reads back
 * as grouping. A comma does where the locale groups with it (en_US:
 * "230,768"), and so does a separator no one types as a decimal point
 * (fr_FR's narrow no-break space). A dot does not: in es_ES a lone dot is
 * kept as a decimal point for numbers pasted from papers ("3.14e23"), so
 * "230.768" would read back as 230.768; and the C locale, which groups
 * as English for display, reads a lone typed comma as a decimal comma. */
static gboolean
locale_groups_unambiguously (void)
{
  struct lconv *lc = localeconv ();
  const char *ts = lc != NULL && lc->thousands_sep != NULL ? lc->thousands_sep : "";

  return g_str_equal (ts, ",") || (guchar) ts[0] >= 0x80;
}

/**
 * hu_number_format_for_entry:
 * @value: a field's value
 *
 * Writes @value as a person would type it into a form field (issue 10,
 * item 2), and as hu_number_parse() with %HU_NUMBER_LOCALE reads it back:
 * four significant digits, never fewer than the integer digits ("132.2",
 * not the measured "132.2338"; "12345"), the locale's decimal separator,
 * compact exponents from 10⁹ and below 10⁻⁴ ("3.14e23").
 *
 * Grouped as the locale groups, as tables are, wherever that reads back
 * (locale_groups_unambiguously(): "230,768" in en_US); elsewhere from a
 * million only ("1.082.990" in es_ES, "1,082,990" in C), where two
 * separators or more can only group, and smaller numbers stay ungrouped
 * ("230768"), as "230.768" could be a decimal.
 *
 * Returns: (transfer full): the text, "" for NaN
 */
char *
hu_number_format_for_entry (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  const char *decimal = localeconv ()->decimal_point;
  GString *text;

  if (isnan (value))
    return g_strdup ("");

  if (value != 0 && (fabs (value) >= 1e9 || fabs (value) < 1e-4))
    g_ascii_formatd (buffer, sizeof buffer, "%.4g", value);
  /* From 999.95, which four digits write as 1000. */
  else if (fabs (value) >= 1e6 || (fabs (value) >= 999.95 && locale_groups_unambiguously ()))
    return hu_units_format_fixed (value, 0, HU_UNITS_DEFAULT);
  /* %.4g would write 9999.6 as 1e+04. */
  else if (fabs (value) >= 9999.5)
    g_ascii_formatd (buffer, sizeof buffer, "%.0f", value);
  else
    g_ascii_formatd (buffer, sizeof buffer, "%.4g", value);

  text = g_string_new (NULL);
  for (const char *p = buffer; *p != '\0'; p++)
    {
      if (*p == '.')
        g_string_append (text, decimal != NULL && *decimal != '\0' ? decimal : ".");
      else if (*p == '+')
        continue;
      else if (*p == 'e' && p[1] != '\0')
        {
          g_string_append_c (text, 'e');
          if (p[1] == '-' || p[1] == '+')
            {
              if (p[1] == '-')
                g_string_append_c (text, '-');
              p++;
            }
          while (p[1] == '0' && p[2] != '\0')
            p++;
        }
      else
        g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

/**
 * hu_number_parse:
 * @text: what the user or the file says
 * @flags: which conveniences to accept
 * @out: (out): the value
 * @error: a #HU_NUMBER_ERROR
 *
 * Parses a finite number. Never depends on the locale unless
 * %HU_NUMBER_LOCALE is given.
 */
gboolean
hu_number_parse (const char     *text,
                 HuNumberFlags   flags,
                 double         *out,
                 GError        **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *normalised = NULL;
  const char *s;
  char *end = NULL;
  double value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    text = "";

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, HU_NUMBER_ERROR, HU_NUMBER_ERROR_EMPTY,
                           _("no number given"));
      return FALSE;
    }

  if (flags & HU_NUMBER_LOCALE)
    normalised = normalise_locale_decimal (stripped);
  else
    normalised = g_strdup (stripped);
  s = normalised;

  /* g_ascii_strtod accepts "nan", "inf" and hex floats: refuse them here
   * so the message says what is wrong instead of "not finite" later. */
  if (!(g_ascii_isdigit (*s) || *s == '.' || *s == '-' || *s == '+'))
    {
      g_set_error (error, HU_NUMBER_ERROR, HU_NUMBER_ERROR_INVALID,
                   _("“%s” is not a number"), stripped);
      return FALSE;
    }
  if (strstr (s, "0x") || strstr (s, "0X"))
    {
      g_set_error (error, HU_NUMBER_ERROR, HU_NUMBER_ERROR_INVALID,
                   _("“%s” is not a number"), stripped);
      return FALSE;
    }

  errno = 0;
  value = g_ascii_strtod (s, &end);
  if (end == s)
    {
      g_set_error (error, HU_NUMBER_ERROR, HU_NUMBER_ERROR_INVALID,
                   _("“%s” is not a number"), stripped);
      return FALSE;
    }
  if (errno == ERANGE && (value == HUGE_VAL || value == -HUGE_VAL))
    {
      g_set_error (error, HU_NUMBER_ERROR, HU_NUMBER_ERROR_RANGE,
                   _("“%s” is too large"), stripped);
      return FALSE;
    }

  while (g_ascii_isspace (*end))
    end++;

  if (*end != '\0' && (flags & HU_NUMBER_SUFFIXES))
    {
      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        if (g_str_equal (end, suffixes[i].suffix))
          {
            value *= suffixes[i].factor;
            end += strlen (end);
            break;
          }
    }
  if (*end == '%' && end[1] == '\0' && (flags & HU_NUMBER_PERCENT))
    {
      value /= 100.0;
      end++;
    }

  if (*end != '\0')
    {
      g_set_error (error, HU_NUMBER_ERROR, HU_NUMBER_ERROR_INVALID,
                   _("“%s” is not a number"), stripped);
      return FALSE;
    }

  if (!isfinite (value))
    {
      g_set_error (error, HU_NUMBER_ERROR, HU_NUMBER_ERROR_RANGE,
                   _("“%s” is too large"), stripped);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

/**
 * hu_number_to_string:
 *
 * The shortest C-locale text that reads back as exactly @value, for JSON,
 * CSV and the CLI's machine formats. NAN gives "null"'s job to the caller:
 * it returns an empty string.
 */
char *
hu_number_to_string (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return g_strdup ("");

  /* The shortest of 15, 16 or 17 significant digits that reads back as
   * @value. */
  for (guint i = 0; i < 3; i++)
    {
      static const char *formats[] = { "%.15g", "%.16g", "%.17g" };

      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

/* Numbers for people: the locale's separators and grouping. hu-units
 * decides how every quantity reads; these are its common shapes. */
char *
hu_format_fixed (double value,
                 int    decimals)
{
  return hu_units_format_fixed (value, decimals, HU_UNITS_DEFAULT);
}

/* "3.14 × 10²³", never "10^23". */
char *
hu_format_scientific (double value)
{
  return hu_units_format_power_of_ten (value, 3, HU_UNITS_DEFAULT);
}

/**
 * hu_format_number:
 * @significant: significant digits to keep (at least)
 *
 * Integers above 10^15 or below 10^-3 switch to a power of ten;
 * otherwise grouped digits with enough decimals for @significant digits,
 * trailing zeros dropped.
 */
char *
hu_format_number (double value,
                  int    significant)
{
  double magnitude;

  if (!isfinite (value))
    return g_strdup ("—");
  if (value == 0)
    return g_strdup ("0");

  magnitude = fabs (value);
  if (magnitude >= 1e15 || magnitude < 1e-3)
    return hu_units_format_power_of_ten (value, 3, HU_UNITS_DEFAULT);
  return hu_units_format_significant (value, MIN (significant, 7 + (int) floor (log10 (magnitude))),
                                      HU_UNITS_TRIM);
}

char *
hu_format_energy_kwh (double kwh)
{
  if (!isfinite (kwh))
    return g_strdup ("—");
  return hu_unit_format_full (HU_UNIT_ENERGY_KWH, kwh, NULL, 0, HU_UNITS_TRIM);
}

/**
 * hu_format_co2_in:
 * @scale: a %HU_UNIT_MASS_KG scale: a column's, a card's, or one value's
 * @kg: the mass, in kg
 *
 * A mass of CO₂eq in @scale as hu_unit_scale_format() writes any
 * quantity (its unit, or its own where @scale would hide it), then the
 * gas: "72.50 t CO₂eq" in a column, "3.1 g CO₂eq" alone with
 * %HU_UNITS_TRIM. Energy and mass side by side (the run page, the
 * comparison table) so follow one rule of digits.
 *
 * Returns: (transfer full): the mass; "—" when unknown
 */
char *
hu_format_co2_in (const HuUnitScale *scale,
                  double             kg,
                  HuUnitsFlags       flags)
{
  g_autofree char *number = NULL;
  g_autofree char *unit = NULL;
  HuUnitScale own;

  g_return_val_if_fail (scale != NULL, NULL);

  if (!isfinite (kg))
    return g_strdup ("—");
  /* A value the scale's unit would hide ("0.00 t") reads in its own. */
  hu_unit_scale_resolve (scale, kg, &own);
  number = hu_unit_scale_format_number (&own, kg, flags);
  unit = hu_unit_scale_symbol (&own, flags);
  /* TRANSLATORS: a mass with its unit and the gas, e.g. "72.5 t CO₂eq" */
  return g_strdup_printf (_("%s %s CO₂eq"), number, unit);
}

char *
hu_format_mass_kg (double kg)
{
  HuUnitScale scale;

  if (!isfinite (kg))
    return g_strdup ("—");
  hu_unit_scale_init (&scale, HU_UNIT_MASS_KG, &kg, 1, NULL, 0);
  return hu_format_co2_in (&scale, kg, HU_UNITS_TRIM);
}

/* GPU-hours alone, as hu-units writes them everywhere else (the
 * Explain steps, the report, a column): "230.4 GPU-h", "670.9 thousand
 * GPU-h", so that the CLI's table and the steps under it say the same. */
char *
hu_format_hours (double hours)
{
  if (!isfinite (hours))
    return g_strdup ("—");
  return hu_unit_format_full (HU_UNIT_GPU_HOURS, hours, NULL, 0, HU_UNITS_TRIM);
}

/**
 * hu_plural_count:
 *
 * The n to give ngettext() for a displayed quantity: whole numbers as
 * they are, fractions as "many" (English and Spanish say "0.7 minutes",
 * "6,6 años"), never 1 unless the value is exactly one.
 */
gulong
hu_plural_count (double value)
{
  value = fabs (value);
  if (!isfinite (value))
    return 2;
  if (value == floor (value))
    return value > 1e9 ? 1000000000UL : (gulong) value;
  return 2;
}

/**
 * hu_format_duration:
 *
 * Wall-clock time alone, in hu-units' one rule for times (issue 8):
 * "30 min", "7.5 h", "14.8 days" from 72 h, "2.19 years" from two years,
 * so that the CLI, the run page and the report say the same of one run.
 */
char *
hu_format_duration (double hours)
{
  if (!isfinite (hours))
    return g_strdup ("—");
  return hu_unit_format_full (HU_UNIT_HOURS, hours, NULL, 0, HU_UNITS_TRIM);
}

char *
hu_format_percent (double fraction)
{
  g_autofree char *number = NULL;

  if (!isfinite (fraction))
    return g_strdup ("—");
  number = hu_format_number (fraction * 100, 3);
  return g_strdup_printf ("%s %%", number);
}

/* Three significant digits, the rest zeros above a thousand, as the
 * equivalences round theirs: a ratio of 3,850,679.7 is known to no more
 * digits than the two figures it divides. */
static char *
format_ratio (double ratio)
{
  if (ratio >= 1000)
    {
      double step = pow (10, floor (log10 (ratio)) - 2);

      ratio = round (ratio / step) * step;
    }
  return hu_format_number (ratio, 3);
}

/**
 * hu_format_change:
 * @fraction: a relative change, (value − base) ÷ base
 *
 * A change against a baseline as every view writes it (the comparison
 * table, measured against estimated, the CLI's and the report's tables),
 * one rule:
 *
 * - "+12.0 %", "−58.3 %" (a minus sign, not a hyphen), one decimal, so
 *   that a column of changes lines up; "same" under 0.05 %, which one
 *   decimal would show as "+0.0 %".
 * - From +1,000 % on (as one decimal shows it), the ratio to the
 *   baseline in three significant digits: 385,067,867 % more is
 *   "× 3,850,000", which a person can read; "+385,067,867 %" was not.
 * - Near −100 %, never "−100.0 %" unless the value is zero: what one
 *   decimal would round to it gets two ("−99.97 %"), and below that
 *   "< −99.99 %".
 *
 * Machine formats (CSV, JSON) write the raw number instead.
 *
 * Returns: (transfer full): the change for people; "—" for NaN
 */
char *
hu_format_change (double fraction)
{
  g_autofree char *number = NULL;
  g_autofree char *percent = NULL;
  double pct = fabs (fraction) * 100;

  if (!isfinite (fraction))
    return g_strdup ("—");
  if (fabs (fraction) < 0.0005)
    /* Translators: no difference against the baseline */
    return g_strdup (C_("comparison", "same"));
  if (fraction > 0 && round (pct * 10) >= 10000)
    {
      g_autofree char *ratio = format_ratio (1 + fraction);

      /* Translators: a value many times its baseline's, e.g. "× 171"
       * (171 times as much); put the sign after the number if your
       * language does ("171 ×") */
      return g_strdup_printf (C_("comparison", "× %s"), ratio);
    }
  if (fraction < 0 && fraction > -1 && round (pct * 10) >= 1000)
    {
      /* Less than the baseline by a hair short of all of it. */
      if (round (pct * 100) >= 10000)
        {
          g_autofree char *limit = hu_format_fixed (99.99, 2);

          /* Translators: a change under −99.99 % against the baseline,
           * e.g. "< −99.99 %" */
          return g_strdup_printf (C_("comparison", "< −%s %%"), limit);
        }
      number = hu_format_fixed (pct, 2);
    }
  else
    number = pct < 1000 ? hu_format_fixed (pct, 1) : hu_format_number (pct, 3);
  percent = g_strdup_printf ("%s %%", number);
  /* Translators: the sign and the percentage, e.g. "+12 %" or "−30 %" */
  return g_strdup_printf (fraction > 0 ? C_("comparison", "+%s") : C_("comparison", "−%s"),
                          percent);
}

/**
 * hu_format_amount:
 *
 * How many of something (requests, accelerators, training runs), whole
 * or not: grouped digits as they are up to a billion ("3,650,000",
 * "1.5"), then a power of ten of three digits ("1.48 × 10⁹"), as the
 * derivation, the CLI's table and the report all write them.
 *
 * Returns: (transfer full): the amount; "—" when unknown
 */
char *
hu_format_amount (double value)
{
  if (!isfinite (value))
    return g_strdup ("—");
  if (fabs (value) >= 1e9)
    return hu_units_format_power_of_ten (value, 3, HU_UNITS_DEFAULT);
  if (value == floor (value))
    return hu_units_format_fixed (value, 0, HU_UNITS_DEFAULT);
  return hu_format_number (value, 6);
}

/**
 * hu_format_day:
 * @day: a day of a deployment, from its start (a break-even)
 *
 * A day number as a time is written, three significant digits but never
 * fewer than its whole digits: "14.8", "148", "147,877".
 *
 * Returns: (transfer full): the day; "—" when unknown
 */
char *
hu_format_day (double day)
{
  if (!isfinite (day))
    return g_strdup ("—");
  return hu_units_format_significant (day, 3, HU_UNITS_TRIM);
}

/**
 * hu_format_breakeven_day:
 * @day: the day of a deployment its serving has used the training's
 *   energy by (hu_estimate's breakeven_days)
 *
 * "day 14.8"; from a year on, with how long that is, "day 13,585 (37.2
 * years)": a day number alone did not say that the break-even lies
 * decades past an 18-day deployment.
 *
 * Returns: (transfer full): the break-even; "—" when unknown
 */
char *
hu_format_breakeven_day (double day)
{
  g_autofree char *number = NULL;
  g_autofree char *span = NULL;

  if (!isfinite (day))
    return g_strdup ("—");
  number = hu_format_day (day);
  if (day < 365)
    /* Translators: the day of a deployment a break-even falls on, "day 14.8" */
    return g_strdup_printf (_("day %s"), number);
  span = hu_format_duration (day * 24);
  /* Translators: a break-even day and how long from the start that is,
   * "day 13,585 (37.2 years)" */
  return g_strdup_printf (_("day %s (%s)"), number, span);
}

/**
 * hu_format_count:
 *
 * A count of things (runs, rows, skipped lines, accelerators) for
 * people, grouped as every other figure is: "4,286 runs", "4.286
 * ejecuciones", never "4286".
 *
 * Returns: (transfer full): @n in the locale's grouping
 */
char *
hu_format_count (guint64 n)
{
  return hu_units_format_fixed ((double) n, 0, HU_UNITS_DEFAULT);
}
