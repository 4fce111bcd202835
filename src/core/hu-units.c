/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Units"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hu-units.h"

/*
 * The one place that decides how a quantity reads: which unit (Wh or MWh,
 * kg or t), how many digits, and how the number is written (the locale's
 * separators for people, C for machines). Tables, charts, reports, the CLI
 * and the app all ask here, so a figure reads the same everywhere, and a
 * column, a chart or a sentence shows its figures in one unit: never
 * "0 kWh" beside "0.57 Wh", never "86 MWh" beside "44.18 MWh". The one
 * exception keeps every figure readable: a value the shared unit would
 * show with fewer than two significant digits ("0.00 MWh") is written in
 * its own unit, which it then carries ("22.00 Wh" in a MWh column); see
 * hu_unit_scale_resolve().
 */

typedef struct {
  double      threshold;  /* chosen for values from here up */
  double      divisor;    /* base units per displayed unit */
  const char *symbol;     /* N_() */
} UnitStep;

/* Each table is ordered. The base unit (divisor 1) serves values from
 * 1 up and zero; the smaller steps (Wh, g; s and min) serve values below
 * 1 from their thresholds: a 2.3 s run reads "2.31 s", not "0.0384 min".
 * Thresholds are 10³ apart where the units are, but "days" start at 72 h
 * and "years" at two years, where people stop counting in the smaller unit;
 * "thousand GPU-h" starts at 10,000 so that 2,500 GPU-h stays as it is, and
 * "million GPU-h" at a million, as people say it ("3.542 million GPU-h",
 * not "3,542 thousand GPU-h", issue 10). */
static const UnitStep energy_steps[] = {
  { 0, 1e-3, N_("Wh") }, { 1, 1, N_("kWh") }, { 1e3, 1e3, N_("MWh") }, { 1e6, 1e6, N_("GWh") },
};
static const UnitStep mass_steps[] = {
  { 0, 1e-3, N_("g") }, { 1, 1, N_("kg") }, { 1e3, 1e3, N_("t") }, { 1e6, 1e6, N_("kt") },
};
static const UnitStep hour_steps[] = {
  /* Translators: unit symbols for minutes, hours, days and years. */
  { 0, 1.0 / 3600, N_("s") }, { 1.0 / 60, 1.0 / 60, N_("min") }, { 1, 1, N_("h") },
  { 72, 24, N_("days") },
  { 2 * 8766.0, 8766, N_("years") },
};
static const UnitStep gpu_hour_steps[] = {
  { 1, 1, N_("GPU-h") }, { 1e4, 1e3, N_("thousand GPU-h") }, { 1e6, 1e6, N_("million GPU-h") },
};
static const UnitStep power_steps[] = {
  { 1, 1, N_("W") }, { 1e3, 1e3, N_("kW") }, { 1e6, 1e6, N_("MW") },
};
static const UnitStep second_steps[] = {
  { 1, 1, N_("s") }, { 120, 60, N_("min") }, { 7200, 3600, N_("h") },
};
/* Plain counts and money: SI prefixes, kept untranslated. */
static const UnitStep plain_steps[] = {
  { 1, 1, "" }, { 1e4, 1e3, "k" }, { 1e6, 1e6, "M" }, { 1e9, 1e9, "G" }, { 1e12, 1e12, "T" },
  { 1e15, 1e15, "P" }, { 1e18, 1e18, "E" }, { 1e21, 1e21, "Z" }, { 1e24, 1e24, "Y" },
};
static const UnitStep percent_steps[] = { { 0, 0.01, "%" } };
static const UnitStep flops_steps[] = { { 0, 1, "" } };

static const UnitStep *
unit_steps (HuUnitKind  kind,
            guint      *n_steps)
{
#define STEPS(t) G_STMT_START { *n_steps = G_N_ELEMENTS (t); return t; } G_STMT_END
  switch (kind)
    {
    case HU_UNIT_ENERGY_KWH: STEPS (energy_steps);
    case HU_UNIT_MASS_KG: STEPS (mass_steps);
    case HU_UNIT_HOURS: STEPS (hour_steps);
    case HU_UNIT_GPU_HOURS: STEPS (gpu_hour_steps);
    case HU_UNIT_POWER_W: STEPS (power_steps);
    case HU_UNIT_SECONDS: STEPS (second_steps);
    case HU_UNIT_PERCENT: STEPS (percent_steps);
    case HU_UNIT_FLOPS: STEPS (flops_steps);
    case HU_UNIT_PLAIN:
    case HU_UNIT_CURRENCY:
    default:
      STEPS (plain_steps);
    }
#undef STEPS
}

static const UnitStep *
choose_step (HuUnitKind kind,
             double     max)
{
  const UnitStep *steps;
  const UnitStep *chosen;
  guint n_steps;

  steps = unit_steps (kind, &n_steps);
  max = isfinite (max) ? fabs (max) : 0;

  /* The base unit (kWh, kg, h, …) also serves zero. */
  chosen = &steps[0];
  for (guint i = 0; i < n_steps; i++)
    if (steps[i].divisor == 1)
      chosen = &steps[i];
  if (max > 0 && max < 1 && steps[0].divisor < 1)
    {
      const UnitStep *small = &steps[0];

      for (guint i = 1; i < n_steps && steps[i].divisor < 1; i++)
        if (max >= steps[i].threshold)
          small = &steps[i];
      return small;
    }
  for (guint i = 0; i < n_steps; i++)
    if (max > 0 && max >= steps[i].threshold && steps[i].divisor > chosen->divisor)
      chosen = &steps[i];
  return chosen;
}

/**
 * hu_unit_default_significant:
 *
 * The significant digits a quantity of @kind is shown with: energy and mass
 * to four ("44.18 MWh", as published figures are given), times to three
 * ("230 h", "14.8 days"), FLOPs to three ("3.14 × 10²³").
 */
int
hu_unit_default_significant (HuUnitKind kind)
{
  switch (kind)
    {
    case HU_UNIT_HOURS:
    case HU_UNIT_SECONDS:
    case HU_UNIT_POWER_W:
    case HU_UNIT_PERCENT:
    case HU_UNIT_FLOPS:
      return 3;
    case HU_UNIT_ENERGY_KWH:
    case HU_UNIT_MASS_KG:
    case HU_UNIT_GPU_HOURS:
    case HU_UNIT_CURRENCY:
    case HU_UNIT_PLAIN:
    default:
      return 4;
    }
}

/* A figure that rounds to 10 or more units of its last decimal shows at
 * least two significant digits ("0.010", not "0.001" or "0.000"). */
#define TWO_DIGITS 9.5

static int
magnitude_of (double value)
{
  return (int) floor (log10 (fabs (value)));
}

/* The magnitude of @value as shown with @significant digits: 9.9996 at
 * four digits is written 10.00, one magnitude up, so it gets one decimal
 * fewer (never "10.000", five digits). */
static int
shown_magnitude (double value,
                 int    significant)
{
  int magnitude = magnitude_of (value);

  if (fabs (value) / pow (10, magnitude) >= 10 - 5 * pow (10, -significant))
    magnitude++;
  return magnitude;
}

/* @value rounded as it is shown with @decimals decimals. */
static double
round_to (double value,
          int    decimals)
{
  double factor = pow (10, decimals);

  return round (value * factor) / factor;
}

/* Decimals for @significant digits of @max in @step, and one more when
 * it gives @min its two digits: a value it would not save goes to its
 * own unit anyway (hu_unit_scale_resolve()), and the column keeps its
 * four digits. */
static int
decimals_in (const UnitStep *step,
             double          max,
             double          min,
             int             significant)
{
  int decimals = MAX (significant - 1 - shown_magnitude (max / step->divisor, significant), 0);

  if (min / step->divisor * pow (10, decimals + 1) >= TWO_DIGITS)
    decimals = MAX (decimals, MIN (1 - magnitude_of (min / step->divisor), decimals + 1));
  return CLAMP (decimals, 0, 9);
}

/**
 * hu_unit_scale_init:
 * @values: (array length=n_values): the set, in the base unit; NaN and
 *   infinities are skipped
 * @currency: (nullable): the code of %HU_UNIT_CURRENCY amounts
 * @significant: digits for the largest value; 0 for the kind's default
 *
 * Picks one unit for the whole set, from its largest value, and one number
 * of decimals: enough for @significant digits of the largest value and two
 * of the smallest non-zero one, but at most one decimal more than the
 * largest needs. A column spanning a million to one cannot show both
 * in one unit: the small one is then shown in its own
 * (hu_unit_scale_resolve()), never as a false zero.
 */
void
hu_unit_scale_init (HuUnitScale  *scale,
                    HuUnitKind    kind,
                    const double *values,
                    gsize         n_values,
                    const char   *currency,
                    int           significant)
{
  const UnitStep *step;
  double max = 0, min = G_MAXDOUBLE;

  g_return_if_fail (scale != NULL);
  g_return_if_fail (values != NULL || n_values == 0);

  if (significant <= 0)
    significant = hu_unit_default_significant (kind);

  for (gsize i = 0; i < n_values; i++)
    if (isfinite (values[i]) && values[i] != 0)
      {
        max = MAX (max, fabs (values[i]));
        min = MIN (min, fabs (values[i]));
      }

  step = choose_step (kind, max);
  /* The unit follows the largest value as it is shown, not as it is:
   * 0.9999 h is 59.994 min, shown "60.0 min", which is 1 h and is
   * written "1.00 h"; 999.96 kWh is written "1.000 MWh", not
   * "1000 kWh". A value moved up sits at the foot of its new unit,
   * far below the next, so one step is enough. */
  if (max > 0 && kind != HU_UNIT_FLOPS)
    {
      double shown = round_to (max / step->divisor, decimals_in (step, max, min, significant));

      /* 60.0 × (1/60) is 1 give or take the last bit of a double. */
      if (shown * step->divisor > max)
        step = choose_step (kind, shown * step->divisor * (1 + 1e-12));
    }
  scale->kind = kind;
  scale->divisor = step->divisor;
  scale->symbol = step->symbol;
  scale->currency = currency;
  scale->significant = significant;

  if (max == 0 || kind == HU_UNIT_FLOPS)
    {
      scale->decimals = 0;
      return;
    }

  scale->decimals = decimals_in (step, max, min, significant);
}

/**
 * hu_unit_scale_init_fixed:
 * @symbol: the unit chosen (untranslated, "MWh", "t"), one of @kind's
 *
 * hu_unit_scale_init() in a unit the user chose (Preferences): the same
 * decimals for the whole set in that unit, so that a column in MWh
 * reads "86.00" above "44.18", never "86" above "44.18".
 *
 * Returns: %FALSE when @kind has no unit @symbol (@scale is then the
 *   set's own, as hu_unit_scale_init() picks it)
 */
gboolean
hu_unit_scale_init_fixed (HuUnitScale  *scale,
                          HuUnitKind    kind,
                          const char   *symbol,
                          const double *values,
                          gsize         n_values,
                          int           significant)
{
  const UnitStep *steps;
  guint n_steps;
  double max = 0, min = G_MAXDOUBLE;

  g_return_val_if_fail (symbol != NULL, FALSE);

  hu_unit_scale_init (scale, kind, values, n_values, NULL, significant);
  steps = unit_steps (kind, &n_steps);
  for (guint i = 0; i < n_steps; i++)
    if (g_str_equal (steps[i].symbol, symbol))
      {
        for (gsize v = 0; v < n_values; v++)
          if (isfinite (values[v]) && values[v] != 0)
            max = MAX (max, fabs (values[v])), min = MIN (min, fabs (values[v]));
        scale->divisor = steps[i].divisor;
        scale->symbol = steps[i].symbol;
        scale->decimals = max > 0 && kind != HU_UNIT_FLOPS
                          ? decimals_in (&steps[i], max, min, scale->significant) : 0;
        return TRUE;
      }
  return FALSE;
}

/**
 * hu_unit_scale_init_axis:
 * @scale: (out caller-allocates): the scale of the axis and of its labels
 * @max: the largest value the axis shows, in the base unit
 * @smallest: the smallest non-zero value labelled on it (a bar), or 0
 * @currency: (nullable): the code of %HU_UNIT_CURRENCY amounts
 * @significant: digits for the largest value; 0 for the kind's default
 *
 * One unit for a chart's axis and every figure that speaks of its bars
 * (their labels, a list beside the chart): the unit of @max, as
 * hu_unit_scale_init() picks it, unless @smallest would read below a
 * tenth of it ("0.00705" kt beside "1.23" kt, issue 10; What If's All
 * GPUs then read "0.0929" kt, its bars mostly small beside one large).
 * The next smaller unit then serves the whole axis when it shows
 * @smallest with a hundredth at least and still writes @max in at most
 * six digits: "7.05", "92.9" and "1,230" in t, one unit for the axis,
 * its bars and the list.
 *
 * Returns: %FALSE when even that unit would hide @smallest (a gram among
 *   tonnes): @scale is then @max's unit, and a value too small for it is
 *   best written in its own unit, with its symbol
 */
gboolean
hu_unit_scale_init_axis (HuUnitScale *scale,
                         HuUnitKind   kind,
                         double       max,
                         double       smallest,
                         const char  *currency,
                         int          significant)
{
  const UnitStep *steps;
  const UnitStep *smaller = NULL;
  guint n_steps;

  g_return_val_if_fail (scale != NULL, FALSE);

  max = isfinite (max) ? fabs (max) : 0;
  smallest = isfinite (smallest) ? fabs (smallest) : 0;
  hu_unit_scale_init (scale, kind, &max, 1, currency, significant);
  if (smallest == 0 || kind == HU_UNIT_FLOPS || smallest / scale->divisor >= 0.1)
    return TRUE;

  steps = unit_steps (kind, &n_steps);
  for (guint i = 0; i < n_steps; i++)
    if (steps[i].divisor < scale->divisor &&
        (smaller == NULL || steps[i].divisor > smaller->divisor))
      smaller = &steps[i];
  /* A million in the smaller unit is as long to read as the small value
   * in its own; past it each label had better name its unit. */
  if (smaller == NULL || max / smaller->divisor >= 1e6 || smallest / smaller->divisor < 0.01)
    return FALSE;

  scale->divisor = smaller->divisor;
  scale->symbol = smaller->symbol;
  scale->decimals = decimals_in (smaller, max, smallest, scale->significant);
  return TRUE;
}

/**
 * hu_unit_scale_symbol:
 *
 * Returns: (transfer full): the unit of @scale: "MWh", "días", "k EUR";
 *   empty for plain numbers
 */
char *
hu_unit_scale_symbol (const HuUnitScale *scale,
                      HuUnitsFlags       flags)
{
  const char *symbol;

  g_return_val_if_fail (scale != NULL, NULL);

  if (scale->kind == HU_UNIT_CURRENCY)
    {
      const char *code = scale->currency != NULL ? scale->currency : "";

      if (scale->divisor == 1)
        return g_strdup (code);
      return g_strdup_printf ("%s %s", scale->symbol, code);
    }
  if (scale->symbol[0] == '\0' || scale->kind == HU_UNIT_PLAIN ||
      scale->kind == HU_UNIT_PERCENT || (flags & HU_UNITS_C_LOCALE) != 0)
    return g_strdup (scale->symbol);
  symbol = _(scale->symbol);
  return g_strdup (symbol);
}

static void
trim_zeros (char         *text,
            HuUnitsFlags  flags)
{
  const char *dp = ".";
  char *point;
  char *end;

  if ((flags & HU_UNITS_C_LOCALE) == 0)
    {
      struct lconv *lc = localeconv ();

      if (lc != NULL && lc->decimal_point != NULL && lc->decimal_point[0] != '\0')
        dp = lc->decimal_point;
    }
  point = strstr (text, dp);
  if (point == NULL)
    return;
  end = text + strlen (text);
  while (end > point + strlen (dp) && end[-1] == '0')
    *--end = '\0';
  if (end == point + strlen (dp))
    *point = '\0';
}

/* The C and POSIX locales group nothing, so glibc's "%'f" wrote
 * "3542 thousand GPU-h" where every other figure of the app reads
 * "10,000 requests a day". Their messages are the untranslated English
 * ones, so text for people is grouped as English groups: "," every
 * three digits, "." for decimals (the C locale's own decimal point, so
 * only the grouping is added). Files and machine formats never get here
 * (%HU_UNITS_C_LOCALE). Form fields group only numbers of a million and
 * more here (hu_number_format_for_entry()), since the C locale reads a
 * lone typed comma as a decimal comma and only two or more group. */
static gboolean
locale_is_c (void)
{
  const char *name = setlocale (LC_NUMERIC, NULL);

  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX") ||
         g_str_has_prefix (name, "C.");
}

static char *
group_english (double value,
               int    decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 320];
  char format[16];
  const char *digits;
  const char *end;
  GString *out;
  gsize n_int;

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buf, sizeof buf, format, value);
  out = g_string_new (NULL);
  digits = buf;
  if (*digits == '-')
    g_string_append_c (out, *digits++);
  end = strchr (digits, '.');
  n_int = end != NULL ? (gsize) (end - digits) : strlen (digits);
  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  g_string_append (out, digits + n_int);
  return g_string_free (out, FALSE);
}

/**
 * hu_units_format_fixed:
 *
 * @value with @decimals decimals: grouped as the locale groups ("1.234,5"
 * in Spanish, "1,234.5" in the C locale's English), or in C ("1234.5")
 * with %HU_UNITS_C_LOCALE. Never "-0".
 */
char *
hu_units_format_fixed (double       value,
                       int          decimals,
                       HuUnitsFlags flags)
{
  char *text;

  if (!isfinite (value))
    return g_strdup ("—");
  decimals = CLAMP (decimals, 0, 12);
  /* Rounding a tiny negative to zero must not print "-0.00". */
  if (fabs (value) < 0.5 * pow (10, -decimals))
    value = 0;

  if ((flags & HU_UNITS_C_LOCALE) != 0)
    {
      char format[16];
      char buf[G_ASCII_DTOSTR_BUF_SIZE + 320];

      g_snprintf (format, sizeof format, "%%.%df", decimals);
      text = g_strdup (g_ascii_formatd (buf, sizeof buf, format, value));
    }
  else if (locale_is_c ())
    text = group_english (value, decimals);
  else
    text = g_strdup_printf ("%'.*f", decimals, value);

  if ((flags & HU_UNITS_TRIM) != 0)
    trim_zeros (text, flags);
  return text;
}

/**
 * hu_units_format_significant:
 *
 * @value with @significant significant digits, but never fewer than its
 * integer digits: 670,940 stays 670,940 at three digits, which people read
 * better than 6.71 × 10⁵.
 */
char *
hu_units_format_significant (double       value,
                             int          significant,
                             HuUnitsFlags flags)
{
  if (!isfinite (value))
    return g_strdup ("—");
  if (value == 0)
    return g_strdup ("0");
  return hu_units_format_fixed (value, MAX (significant - 1 - shown_magnitude (value, significant), 0), flags);
}

static void
append_superscript (GString *out,
                    int      exponent)
{
  static const char *digits[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
  char buf[16];

  if (exponent < 0)
    g_string_append (out, "⁻");
  g_snprintf (buf, sizeof buf, "%d", ABS (exponent));
  for (const char *p = buf; *p != '\0'; p++)
    g_string_append (out, digits[*p - '0']);
}

/**
 * hu_units_format_power_of_ten:
 *
 * "3.14 × 10²³": a mantissa of @significant digits and a superscript
 * exponent, as printed in papers (never "10^23" or "3.14e23").
 */
char *
hu_units_format_power_of_ten (double       value,
                              int          significant,
                              HuUnitsFlags flags)
{
  g_autofree char *number = NULL;
  GString *out;
  double mantissa;
  int exponent;

  if (!isfinite (value))
    return g_strdup ("—");
  if (value == 0)
    return g_strdup ("0");
  significant = CLAMP (significant, 1, 12);

  /* 9.999 shown with three digits is 10.0: written 1.00 × 10ⁿ⁺¹. */
  exponent = shown_magnitude (value, significant);
  mantissa = value / pow (10, exponent);
  number = hu_units_format_fixed (mantissa, significant - 1, flags);
  out = g_string_new (number);
  if (exponent != 0)
    {
      g_string_append (out, " × 10");
      append_superscript (out, exponent);
    }
  return g_string_free (out, FALSE);
}

/* How many significant digits @value keeps in @scale's unit and
 * decimals: 44.18 MWh at two decimals keeps four, 22 Wh (0.000022 MWh)
 * none. */
static gboolean
has_two_digits_in (const HuUnitScale *scale,
                   double             value)
{
  return fabs (value / scale->divisor) * pow (10, scale->decimals) >= TWO_DIGITS;
}

/**
 * hu_unit_scale_resolve:
 * @scale: a column's scale
 * @value: one of its values, in the base unit
 * @own: (out caller-allocates): the scale @value is shown in
 *
 * The rule that keeps every value of a column readable (issue 10): a
 * value is shown in the column's unit and decimals when they give it at
 * least two significant digits. A smaller one would read "0.00 MWh" or
 * "< 0.01 MWh", which hides it, or "0.000022 MWh", which nobody reads:
 * it is shown in its own unit and digits instead ("22.00 Wh" among
 * "44.18 MWh"), and its text then carries that unit, even where the
 * column's header names the column's. Where no smaller unit exists
 * (GPU-h) it keeps the column's unit, with digits of its own. Zeros, NaN and FLOPs (a
 * power of ten per value) keep @scale.
 *
 * Returns: %TRUE when @value needs a scale of its own
 */
gboolean
hu_unit_scale_resolve (const HuUnitScale *scale,
                       double             value,
                       HuUnitScale       *own)
{
  g_return_val_if_fail (scale != NULL, FALSE);
  g_return_val_if_fail (own != NULL, FALSE);

  *own = *scale;
  if (!isfinite (value) || value == 0 || scale->kind == HU_UNIT_FLOPS ||
      has_two_digits_in (scale, value))
    return FALSE;
  hu_unit_scale_init (own, scale->kind, &value, 1, scale->currency, scale->significant);
  return TRUE;
}

/* @value in exactly @scale's unit and decimals. Only a value beyond
 * the nine decimals a scale may have still rounds below them: it reads
 * "< 0.000000001", never a false zero. */
static char *
format_number_in (const HuUnitScale *scale,
                  double             value,
                  HuUnitsFlags       flags)
{
  double shown = value / scale->divisor;
  double smallest = pow (10, -scale->decimals);

  if (fabs (shown) < smallest / 2)
    {
      g_autofree char *limit = hu_units_format_fixed (smallest, scale->decimals, flags);

      return g_strdup_printf (shown > 0 ? "< %s" : "> -%s", limit);
    }
  return hu_units_format_fixed (shown, scale->decimals, flags);
}

/**
 * hu_unit_scale_format_number:
 *
 * @value in @scale's unit and decimals, without the symbol: for a table
 * whose header names the unit. Exact zeros read "0". A value the
 * column's unit would hide is written in its own unit, with its symbol
 * ("22.00 Wh" in a MWh column; see hu_unit_scale_resolve()), or with
 * more digits when that unit is the column's ("0.001600" GPU-h).
 */
char *
hu_unit_scale_format_number (const HuUnitScale *scale,
                             double             value,
                             HuUnitsFlags       flags)
{
  HuUnitScale own;

  g_return_val_if_fail (scale != NULL, NULL);

  if (!isfinite (value))
    return g_strdup ("—");
  if (value == 0)
    return g_strdup ("0");
  if (scale->kind == HU_UNIT_FLOPS)
    return hu_units_format_power_of_ten (value, scale->significant, flags);
  /* In a unit of its own the value says which; in the column's unit
   * with more digits (GPU-h has none smaller) the header says it. */
  if (hu_unit_scale_resolve (scale, value, &own) && own.divisor != scale->divisor)
    return hu_unit_scale_format (&own, value, flags);
  return format_number_in (&own, value, flags);
}

/**
 * hu_unit_scale_format:
 *
 * Returns: (transfer full): @value in @scale's unit: "44.18 MWh", "40.0 %",
 *   "3.14 × 10²³", or in its own when @scale would hide it ("22.00 Wh"
 *   among "44.18 MWh", see hu_unit_scale_resolve()); "—" for NaN
 */
char *
hu_unit_scale_format (const HuUnitScale *scale,
                      double             value,
                      HuUnitsFlags       flags)
{
  HuUnitScale own;
  g_autofree char *number = NULL;
  g_autofree char *symbol = NULL;

  g_return_val_if_fail (scale != NULL, NULL);

  if (!isfinite (value))
    return g_strdup ("—");
  /* In the scale that shows @value; there it has its digits, so the
   * number is written in it as it is. */
  hu_unit_scale_resolve (scale, value, &own);
  /* A zero is exact in every unit, but "0 thousand GPU-h" or "0 k USD"
   * reads as a count of thousands (a CPU-only run among GPT-3-sized
   * plans, issue 10): a zero is never written in a multiple named by a
   * word or a prefix of a count (GPU-hours, money, plain numbers); it
   * takes the base unit, "0 GPU-h". Quantities keep the set's unit,
   * "0 Wh" beside "0.57 Wh", never "0 kWh". */
  if (value == 0 && own.divisor > 1 &&
      (own.kind == HU_UNIT_GPU_HOURS || own.kind == HU_UNIT_CURRENCY ||
       own.kind == HU_UNIT_PLAIN))
    {
      const UnitStep *base = choose_step (own.kind, 0);

      own.divisor = base->divisor;
      own.symbol = base->symbol;
      own.decimals = 0;
    }
  number = hu_unit_scale_format_number (&own, value, flags);
  symbol = hu_unit_scale_symbol (&own, flags);
  if (symbol[0] == '\0')
    return g_steal_pointer (&number);
  return g_strdup_printf ("%s %s", number, symbol);
}

/**
 * hu_unit_pick_scale:
 * @max: the largest absolute value to show
 * @currency: (nullable): currency code for %HU_UNIT_CURRENCY
 * @symbol: (out) (transfer full): the chosen unit, for people
 *
 * The unit a chart axis running up to @max is labelled in.
 *
 * Returns: what to divide values by to show them in *@symbol
 */
double
hu_unit_pick_scale (HuUnitKind   unit,
                    double       max,
                    const char  *currency,
                    char       **symbol)
{
  HuUnitScale scale;

  g_return_val_if_fail (symbol != NULL, 1.0);

  max = isfinite (max) ? fabs (max) : 0;
  hu_unit_scale_init (&scale, unit, &max, 1, currency, 0);
  *symbol = hu_unit_scale_symbol (&scale, HU_UNITS_DEFAULT);
  return scale.divisor;
}

/**
 * hu_unit_format_full:
 * @significant: significant digits; 0 for the kind's default
 *
 * One value alone in its own best unit. For a value among others (a
 * column, a chart, a sentence comparing two), use a #HuUnitScale.
 */
char *
hu_unit_format_full (HuUnitKind    unit,
                     double        value,
                     const char   *currency,
                     int           significant,
                     HuUnitsFlags  flags)
{
  HuUnitScale scale;

  if (!isfinite (value))
    return g_strdup ((flags & HU_UNITS_C_LOCALE) != 0 ? "n/a" : _("n/a"));
  hu_unit_scale_init (&scale, unit, &value, 1, currency, significant);
  return hu_unit_scale_format (&scale, value, flags);
}

/**
 * hu_unit_format:
 *
 * "167.7 MWh": @value in its own best unit with @significant digits, in
 * the locale's number format; "n/a" for NaN.
 */
char *
hu_unit_format (HuUnitKind  unit,
                double      value,
                const char *currency,
                int         significant)
{
  return hu_unit_format_full (unit, value, currency, significant, HU_UNITS_DEFAULT);
}
