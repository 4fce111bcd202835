/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hu-units.h"

G_BEGIN_DECLS

#define HU_NUMBER_ERROR (hu_number_error_quark ())

typedef enum {
  HU_NUMBER_ERROR_EMPTY,
  HU_NUMBER_ERROR_INVALID,
  HU_NUMBER_ERROR_NOT_FINITE,
  HU_NUMBER_ERROR_RANGE,
} HuNumberError;

typedef enum {
  HU_NUMBER_FLAGS_NONE      = 0,
  /* Accept the current locale's decimal separator (for text typed by people). */
  HU_NUMBER_LOCALE          = 1 << 0,
  /* Accept SI / English magnitude suffixes: k K M G B T P (B = billion = G). */
  HU_NUMBER_SUFFIXES        = 1 << 1,
  /* Accept a trailing percent sign and divide by 100. */
  HU_NUMBER_PERCENT         = 1 << 2,
} HuNumberFlags;

GQuark    hu_number_error_quark   (void);

gboolean  hu_number_parse         (const char     *text,
                                   HuNumberFlags   flags,
                                   double         *out,
                                   GError        **error);

char     *hu_number_to_string     (double          value);
char     *hu_number_format_for_entry (double       value);

char     *hu_format_number        (double          value,
                                   int             significant);
char     *hu_format_fixed         (double          value,
                                   int             decimals);
char     *hu_format_scientific    (double          value);
char     *hu_format_energy_kwh    (double          kwh);
char     *hu_format_mass_kg       (double          kg);
char     *hu_format_co2_in        (const HuUnitScale *scale,
                                   double          kg,
                                   HuUnitsFlags    flags);
char     *hu_format_hours         (double          hours);
char     *hu_format_duration      (double          hours);
char     *hu_format_percent       (double          fraction);
char     *hu_format_change        (double          fraction);
char     *hu_format_count         (guint64         n);
char     *hu_format_amount        (double          value);
char     *hu_format_day           (double          day);
char     *hu_format_breakeven_day (double          day);
gulong    hu_plural_count         (double          value);

G_END_DECLS
