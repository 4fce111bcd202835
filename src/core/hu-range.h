/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HU_RANGE_ERROR (hu_range_error_quark ())

GQuark    hu_range_error_quark   (void);

/* The range an uncertain number may take (issue 12): uniform on
 * [low, high] when @likely is NAN, triangular low..likely..high otherwise.
 * An unset range has @low and @high NAN. The point estimate uses the
 * likely value, or the middle of a uniform range. */
typedef struct {
  double low;
  double likely;
  double high;
} HuRange;

#define HU_RANGE_INIT { NAN, NAN, NAN }

void      hu_range_init          (HuRange       *range);
gboolean  hu_range_is_set        (const HuRange *range);
gboolean  hu_range_equal         (const HuRange *a,
                                  const HuRange *b);
double    hu_range_point         (const HuRange *range);

/* The value at cumulative probability @u in [0, 1): the inverse of the
 * distribution function, so the same @u always gives the same value and
 * a larger @u never a smaller one (what common random numbers need).
 * Only + − × ÷ and sqrt, which IEEE 754 rounds the same everywhere. */
double    hu_range_quantile      (const HuRange *range,
                                  double         u);

/* "low..high" or "low..likely..high" (C locale, SI suffixes as in
 * hu_number_parse()); a single number gives @is_range FALSE and the value
 * in @out->likely. The order of the ends is not checked here: callers
 * check with the domain of the input (hu_inputs_check_range()). */
gboolean  hu_range_parse         (const char    *text,
                                  HuRange       *out,
                                  gboolean      *is_range,
                                  GError       **error);
char     *hu_range_to_string     (const HuRange *range);

/* "9.2 t (5.1–14.8 t)": @value with the interval [@low, @high], each
 * formatted by @format (hu_format_mass_kg(), …); the unit is written
 * once when both ends share it. Just @value when the interval is empty
 * or not finite. */
char     *hu_format_interval     (double         value,
                                  double         low,
                                  double         high,
                                  char        *(*format) (double));
/* "5.1–14.8 t": the interval alone. */
char     *hu_format_range_only   (double         low,
                                  double         high,
                                  char        *(*format) (double));

gboolean  hu_range_from_json     (JsonNode      *node,
                                  const char    *key,
                                  HuRange       *out,
                                  GError       **error);
void      hu_range_to_json       (const HuRange *range,
                                  JsonBuilder   *builder,
                                  const char    *key);

G_END_DECLS
