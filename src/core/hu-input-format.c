/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Huella"

/* An input's value and range written for people: "330 W",
 * "15–30 % (likely 19.7 %)". The machine forms (hu_number_to_string(),
 * hu_range_to_string()) keep every digit so they parse back exactly,
 * which reads as "440.00000000000006" in a table. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hu-inputs.h"
#include "hu-number.h"
#include "hu-units.h"

/**
 * hu_input_unit:
 *
 * The unit written after a plain number of @key, for people ("W",
 * "tokens", "GPU-h"); empty for the keys that have a formatter of their
 * own (percent, mass, FLOPs, money) or no unit (PUE). The form and the
 * formatters below name units from this one list.
 *
 * Returns: (transfer none): a translated unit, possibly ""
 */
const char *
hu_input_unit (HuInputKey key)
{
  switch ((int) key)
    {
    case HU_INPUT_PARAMS:
    case HU_INPUT_ACTIVE_PARAMS:
      /* Translators: unit of a model's parameters */
      return _("parameters");
    case HU_INPUT_TOKENS:
    case HU_INPUT_TOKENS_PER_REQUEST:
      return _("tokens");
    case HU_INPUT_GPU_HOURS:
      return _("GPU-h");
    case HU_INPUT_WALL_HOURS:
    case HU_INPUT_LIFETIME_H:
    case HU_INPUT_SERVE_LIFETIME_H:
      /* Translators: unit symbol of hours */
      return _("h");
    case HU_INPUT_PEAK_TFLOPS:
      return _("TFLOP/s");
    case HU_INPUT_POWER_W:
    case HU_INPUT_SERVE_POWER:
      /* Translators: unit symbol of watts */
      return _("W");
    case HU_INPUT_INTENSITY:
    case HU_INPUT_SERVE_INTENSITY:
      return hu_units_intensity_symbol (HU_UNITS_DEFAULT);
    case HU_INPUT_REQUESTS:
      /* Translators: unit of the requests served */
      return _("requests");
    case HU_INPUT_REQUESTS_PER_DAY:
      /* Translators: unit of a rate of requests */
      return _("requests/day");
    case HU_INPUT_DAYS:
      /* Translators: unit of the days deployed */
      return _("days");
    case HU_INPUT_WH_PER_REQUEST:
      /* Translators: unit symbol of watt-hours */
      return _("Wh");
    default:
      return "";
    }
}

/**
 * hu_input_field_unit:
 *
 * The unit written beside a field that holds a plain number of @key, for
 * people: hu_input_unit(), plus the units of the keys whose values the
 * formatters write with a unit of their own ("%", "FLOP", "GPUs",
 * "runs", "kg CO₂eq"). The scenario form and What If's sweep both name
 * their fields' units from here. A price's unit is the project's
 * currency: "" here.
 *
 * Returns: (transfer none): a translated unit, possibly ""
 */
const char *
hu_input_field_unit (HuInputKey key)
{
  g_return_val_if_fail (key < HU_N_NUMERIC_INPUTS, NULL);

  switch ((int) key)
    {
    case HU_INPUT_FLOPS:
      /* Translators: unit of floating-point operations */
      return _("FLOP");
    case HU_INPUT_COUNT:
    case HU_INPUT_SERVE_COUNT:
      /* Translators: unit of the accelerator count */
      return _("GPUs");
    case HU_INPUT_UTILIZATION:
    case HU_INPUT_SERVE_UTILIZATION:
      return "%";
    case HU_INPUT_RETRAIN:
      /* Translators: unit of the retraining multiplier */
      return _("runs");
    case HU_INPUT_EMBODIED_KG:
    case HU_INPUT_SERVE_EMBODIED_KG:
      return _("kg CO₂eq");
    default:
      return hu_input_unit (key);
    }
}

/**
 * hu_input_format_value:
 *
 * Returns: (transfer full): @value of @key for people, three significant
 *   digits and its unit ("330 W", "19.7 %", "3.14 × 10²³ FLOP"), through
 *   hu-units like every number shown to people
 */
char *
hu_input_format_value (HuInputKey key,
                       double     value)
{
  g_autofree char *number = NULL;
  const char *unit;

  g_return_val_if_fail (key < HU_N_NUMERIC_INPUTS, NULL);

  switch ((int) key)
    {
    case HU_INPUT_UTILIZATION:
    case HU_INPUT_SERVE_UTILIZATION:
      return hu_format_percent (value);
    case HU_INPUT_EMBODIED_KG:
    case HU_INPUT_SERVE_EMBODIED_KG:
      return hu_format_mass_kg (value);
    case HU_INPUT_INTENSITY:
    case HU_INPUT_SERVE_INTENSITY:
      return hu_units_format_intensity (value, HU_UNITS_DEFAULT);
    case HU_INPUT_PUE:
    case HU_INPUT_SERVE_PUE:
      return hu_units_format_pue (value, HU_UNITS_DEFAULT);
    case HU_INPUT_PEAK_TFLOPS:
      return hu_units_format_peak (value, HU_UNITS_DEFAULT);
    case HU_INPUT_POWER_W:
    case HU_INPUT_SERVE_POWER:
      return hu_units_format_watts (value, HU_UNITS_DEFAULT);
    case HU_INPUT_FLOPS:
      number = hu_units_format_power_of_ten (value, 3, HU_UNITS_TRIM);
      /* Translators: a number of floating-point operations, "3.14e23 FLOP" */
      return g_strdup_printf (_("%s FLOP"), number);
    default:
      break;
    }

  number = hu_units_format_significant (value, 3, HU_UNITS_TRIM);
  unit = hu_input_unit (key);
  if (*unit == '\0')
    return g_steal_pointer (&number);
  /* Translators: a number and its unit, "330 W" */
  return g_strdup_printf (_("%s %s"), number, unit);
}

/**
 * hu_input_format_range:
 *
 * Returns: (transfer full): @range of @key for people: "250–400 W", or
 *   "15–30 % (likely 19.7 %)" for a triangular range; the unit is
 *   written once when both ends share it
 */
char *
hu_input_format_range (HuInputKey     key,
                       const HuRange *range)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *likely = NULL;
  const char *low_unit, *high_unit;

  g_return_val_if_fail (key < HU_N_NUMERIC_INPUTS, NULL);
  g_return_val_if_fail (range != NULL, NULL);

  low = hu_input_format_value (key, range->low);
  high = hu_input_format_value (key, range->high);
  low_unit = strchr (low, ' ');
  high_unit = strchr (high, ' ');
  if (low_unit != NULL && high_unit != NULL && g_str_equal (low_unit, high_unit))
    ends = g_strdup_printf ("%.*s–%s", (int) (low_unit - low), low, high);
  else
    ends = g_strdup_printf ("%s–%s", low, high);

  if (isnan (range->likely))
    return g_steal_pointer (&ends);
  likely = hu_input_format_value (key, range->likely);
  /* Translators: a range, then its most likely value: "15–30 % (likely 19.7 %)" */
  return g_strdup_printf (_("%s (likely %s)"), ends, likely);
}
