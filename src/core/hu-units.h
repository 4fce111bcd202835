/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a quantity measures. Values are always given in the base unit
 * (kWh, kg, hours, …); hu-units picks Wh/kWh/MWh/GWh and the like. */
typedef enum {
  HU_UNIT_PLAIN,
  HU_UNIT_ENERGY_KWH,         /* Wh, kWh, MWh, GWh */
  HU_UNIT_MASS_KG,            /* g, kg, t, kt */
  HU_UNIT_HOURS,              /* min, h, days, years (wall-clock) */
  HU_UNIT_GPU_HOURS,          /* GPU-h, thousand, million GPU-h */
  HU_UNIT_CURRENCY,           /* an amount in a currency code given apart */
  HU_UNIT_PERCENT,            /* a fraction shown as % */
  HU_UNIT_POWER_W,            /* W, kW, MW */
  HU_UNIT_SECONDS,            /* s, min, h (elapsed time) */
  HU_UNIT_FLOPS,              /* "3.14 × 10²³": a power of ten per value */
} HuUnitKind;

/**
 * HuUnitsFlags:
 * @HU_UNITS_DEFAULT: text for people: the locale's decimal separator and
 *   grouping, translated symbols, the digits the scale asks for
 * @HU_UNITS_C_LOCALE: text for machines and files: "." and no grouping,
 *   whatever the locale, untranslated symbols
 * @HU_UNITS_TRIM: drop trailing zeros of a single value ("1.5 kWh", not
 *   "1.500 kWh"); never use it for a column, whose figures must align
 * @HU_UNITS_NUMBER: the number alone, for a column whose header names
 *   the unit (the rating formatters: hu_units_format_intensity() and the
 *   like)
 */
typedef enum {
  HU_UNITS_DEFAULT  = 0,
  HU_UNITS_C_LOCALE = 1 << 0,
  HU_UNITS_TRIM     = 1 << 1,
  HU_UNITS_NUMBER   = 1 << 2,
} HuUnitsFlags;

/**
 * HuUnitScale:
 * @kind: what the values measure
 * @divisor: what a value is divided by to be shown in @symbol
 * @decimals: decimals every value of the set is shown with
 * @symbol: the unit chosen, untranslated (hu_unit_scale_symbol() gives it
 *   for people)
 * @currency: the currency code of %HU_UNIT_CURRENCY, not owned
 *
 * One unit and one number of decimals for a set of values: the cells of a
 * table column, the bars of a chart, the figures of one sentence.
 */
typedef struct {
  HuUnitKind  kind;
  double      divisor;
  int         decimals;
  int         significant;
  const char *symbol;
  const char *currency;
} HuUnitScale;

int          hu_unit_default_significant (HuUnitKind          kind);

void         hu_unit_scale_init          (HuUnitScale        *scale,
                                          HuUnitKind          kind,
                                          const double       *values,
                                          gsize               n_values,
                                          const char         *currency,
                                          int                 significant);
gboolean     hu_unit_scale_init_fixed    (HuUnitScale        *scale,
                                          HuUnitKind          kind,
                                          const char         *symbol,
                                          const double       *values,
                                          gsize               n_values,
                                          int                 significant);
gboolean     hu_unit_scale_init_axis     (HuUnitScale        *scale,
                                          HuUnitKind          kind,
                                          double              max,
                                          double              smallest,
                                          const char         *currency,
                                          int                 significant);
gboolean     hu_unit_scale_resolve       (const HuUnitScale  *scale,
                                          double              value,
                                          HuUnitScale        *own);
char        *hu_unit_scale_symbol        (const HuUnitScale  *scale,
                                          HuUnitsFlags        flags);
char        *hu_unit_scale_format_number (const HuUnitScale  *scale,
                                          double              value,
                                          HuUnitsFlags        flags);
char        *hu_unit_scale_format        (const HuUnitScale  *scale,
                                          double              value,
                                          HuUnitsFlags        flags);

double       hu_unit_pick_scale          (HuUnitKind          unit,
                                          double              max,
                                          const char         *currency,
                                          char              **symbol);
char        *hu_unit_format              (HuUnitKind          unit,
                                          double              value,
                                          const char         *currency,
                                          int                 significant);
char        *hu_unit_format_full         (HuUnitKind          unit,
                                          double              value,
                                          const char         *currency,
                                          int                 significant,
                                          HuUnitsFlags        flags);

char        *hu_units_format_fixed       (double              value,
                                          int                 decimals,
                                          HuUnitsFlags        flags);
char        *hu_units_format_significant (double              value,
                                          int                 significant,
                                          HuUnitsFlags        flags);
char        *hu_units_format_power_of_ten (double             value,
                                          int                 significant,
                                          HuUnitsFlags        flags);

const char  *hu_units_intensity_symbol   (HuUnitsFlags        flags);
char        *hu_units_format_intensity   (double              g_per_kwh,
                                          HuUnitsFlags        flags);
char        *hu_units_format_pue         (double              pue,
                                          HuUnitsFlags        flags);
char        *hu_units_format_peak        (double              tflops,
                                          HuUnitsFlags        flags);
char        *hu_units_format_watts       (double              watts,
                                          HuUnitsFlags        flags);
char        *hu_units_format_price       (double              price,
                                          const char         *currency,
                                          HuUnitsFlags        flags);

G_END_DECLS
