/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-inputs"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hu-inputs.h"
#include "hu-json-private.h"
#include "hu-number.h"

G_DEFINE_QUARK (hu-inputs-error-quark, hu_inputs_error)

/* Sanity ceilings: far above anything physical, low enough that products
 * of them stay finite in double precision (1e30 × 1e6 × … < 1e308). */
#define MAX_FLOPS   1e35
#define MAX_COUNT   1e8
#define MAX_HOURS   1e12

typedef struct {
  const char *name;
  gsize       offset;
  double      min;           /* smallest allowed */
  gboolean    min_exclusive; /* value must be > min */
  double      max;
  gboolean    integer;
  gboolean    serving;       /* read from the `inference` object */
} KeyInfo;

#define OFF(field) G_STRUCT_OFFSET (HuInputs, field)

static const KeyInfo keys[HU_N_NUMERIC_INPUTS] = {
  [HU_INPUT_FLOPS]       = { "flops",       OFF (flops),       0, TRUE,  MAX_FLOPS, FALSE },
  [HU_INPUT_PARAMS]      = { "params",      OFF (params),      0, TRUE,  1e18,      FALSE },
  [HU_INPUT_TOKENS]      = { "tokens",      OFF (tokens),      0, TRUE,  1e18,      FALSE },
  [HU_INPUT_GPU_HOURS]   = { "gpu_hours",   OFF (gpu_hours),   0, TRUE,  MAX_HOURS, FALSE },
  [HU_INPUT_WALL_HOURS]  = { "wall_hours",  OFF (wall_hours),  0, TRUE,  MAX_HOURS, FALSE },
  [HU_INPUT_PEAK_TFLOPS] = { "peak_tflops", OFF (peak_tflops), 0, TRUE,  1e9,       FALSE },
  [HU_INPUT_COUNT]       = { "count",       OFF (count),       1, FALSE, MAX_COUNT, TRUE  },
  [HU_INPUT_UTILIZATION] = { "utilization", OFF (utilization), 0, TRUE,  1,         FALSE },
  [HU_INPUT_POWER_W]     = { "power_w",     OFF (power_w),     0, TRUE,  1e7,       FALSE },
  [HU_INPUT_RETRAIN]     = { "retrain",     OFF (retrain),     1, FALSE, 1e9,       FALSE },
  [HU_INPUT_INTENSITY]   = { "intensity",   OFF (intensity),   0, FALSE, 1e5,       FALSE },
  [HU_INPUT_PUE]         = { "pue",         OFF (pue),         1, FALSE, 10,        FALSE },
  [HU_INPUT_PRICE]       = { "price",       OFF (price),       0, FALSE, 1e9,       FALSE },
  [HU_INPUT_EMBODIED_KG] = { "embodied_kg", OFF (embodied_kg), 0, FALSE, 1e9,       FALSE },
  [HU_INPUT_LIFETIME_H]  = { "lifetime_h",  OFF (lifetime_h),  0, TRUE,  1e9,       FALSE },
  /* The deployment phase. Names are unique across the scenario (and are
   * the CLI's flags) so that messages and sensitivity tables can name an
   * input without saying which object it came from. */
  [HU_INPUT_REQUESTS]           = { "requests",           OFF (requests),           0, TRUE,  1e18,      FALSE, TRUE },
  [HU_INPUT_REQUESTS_PER_DAY]   = { "requests_per_day",   OFF (requests_per_day),   0, TRUE,  1e15,      FALSE, TRUE },
  [HU_INPUT_DAYS]               = { "days",               OFF (days),               0, TRUE,  1e5,       FALSE, TRUE },
  [HU_INPUT_WH_PER_REQUEST]     = { "wh_per_request",     OFF (wh_per_request),     0, TRUE,  1e7,       FALSE, TRUE },
  [HU_INPUT_TOKENS_PER_REQUEST] = { "tokens_per_request", OFF (tokens_per_request), 0, TRUE,  1e9,       FALSE, TRUE },
  [HU_INPUT_ACTIVE_PARAMS]      = { "active_params",      OFF (active_params),      0, TRUE,  1e18,      FALSE, TRUE },
  [HU_INPUT_SERVE_COUNT]        = { "serve_count",        OFF (serve_count),        1, FALSE, MAX_COUNT, TRUE,  TRUE },
  [HU_INPUT_SERVE_UTILIZATION]  = { "serve_utilization",  OFF (serve_utilization),  0, TRUE,  1,         FALSE, TRUE },
  [HU_INPUT_SERVE_POWER]        = { "serve_power",        OFF (serve_power),        0, TRUE,  1e7,       FALSE, TRUE },
  [HU_INPUT_SERVE_INTENSITY]    = { "serve_intensity",    OFF (serve_intensity),    0, FALSE, 1e5,       FALSE, TRUE },
  [HU_INPUT_SERVE_PUE]          = { "serve_pue",          OFF (serve_pue),          1, FALSE, 10,        FALSE, TRUE },
  [HU_INPUT_SERVE_EMBODIED_KG]  = { "serve_embodied_kg",  OFF (serve_embodied_kg),  0, FALSE, 1e9,       FALSE, TRUE },
  [HU_INPUT_SERVE_LIFETIME_H]   = { "serve_lifetime_h",   OFF (serve_lifetime_h),   0, TRUE,  1e9,       FALSE, TRUE },
};

#define FIELD(inputs, key) (*(double *) ((char *) (inputs) + keys[key].offset))

void
hu_inputs_init (HuInputs *inputs)
{
  g_return_if_fail (inputs != NULL);

  memset (inputs, 0, sizeof *inputs);
  for (int k = 0; k < HU_N_NUMERIC_INPUTS; k++)
    {
      FIELD (inputs, k) = NAN;
      hu_range_init (&inputs->ranges[k]);
    }
  inputs->precision = HU_PRECISION_AUTO;
}

void
hu_inputs_clear (HuInputs *inputs)
{
  g_return_if_fail (inputs != NULL);

  g_clear_pointer (&inputs->gpu, g_free);
  g_clear_pointer (&inputs->region, g_free);
  g_clear_pointer (&inputs->origin, hu_model_origin_unref);
  g_clear_pointer (&inputs->serve_gpu, g_free);
  g_clear_pointer (&inputs->serve_region, g_free);
}

void
hu_inputs_copy (const HuInputs *src,
                HuInputs       *dest)
{
  g_return_if_fail (src != NULL && dest != NULL);

  if (src == dest)
    return;
  hu_inputs_clear (dest);
  *dest = *src;
  dest->gpu = g_strdup (src->gpu);
  dest->region = g_strdup (src->region);
  if (src->origin)
    dest->origin = hu_model_origin_ref (src->origin);
  dest->serve_gpu = g_strdup (src->serve_gpu);
  dest->serve_region = g_strdup (src->serve_region);
}

static gboolean
same_double (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

gboolean
hu_inputs_equal (const HuInputs *a,
                 const HuInputs *b)
{
  for (int k = 0; k < HU_N_NUMERIC_INPUTS; k++)
    if (!same_double (FIELD (a, k), FIELD (b, k)) ||
        !hu_range_equal (&a->ranges[k], &b->ranges[k]))
      return FALSE;
  return a->precision == b->precision &&
         g_strcmp0 (a->gpu, b->gpu) == 0 &&
         g_strcmp0 (a->region, b->region) == 0 &&
         hu_model_origin_equal (a->origin, b->origin) &&
         g_strcmp0 (a->serve_gpu, b->serve_gpu) == 0 &&
         g_strcmp0 (a->serve_region, b->serve_region) == 0;
}

const char *
hu_input_key_name (HuInputKey key)
{
  g_return_val_if_fail (key < HU_N_NUMERIC_INPUTS, NULL);
  return keys[key].name;
}

gboolean
hu_input_key_from_name (const char *name,
                        HuInputKey *out)
{
  for (int k = 0; k < HU_N_NUMERIC_INPUTS; k++)
    if (g_strcmp0 (name, keys[k].name) == 0)
      {
        *out = k;
        return TRUE;
      }
  return FALSE;
}

double
hu_inputs_get (const HuInputs *inputs,
               HuInputKey      key)
{
  g_return_val_if_fail (key < HU_N_NUMERIC_INPUTS, NAN);
  return FIELD (inputs, key);
}

/**
 * hu_inputs_set:
 *
 * Sets a plain number. A range on @key is dropped unless @value is its
 * point value: typing a number over a range means "this number".
 */
void
hu_inputs_set (HuInputs  *inputs,
               HuInputKey key,
               double     value)
{
  g_return_if_fail (key < HU_N_NUMERIC_INPUTS);

  /* A value the user changes is no longer the known model's. */
  if (inputs->origin && !same_double (FIELD (inputs, key), value))
    {
      guint bit = key == HU_INPUT_FLOPS ? HU_MODEL_FILLED_FLOPS
                : key == HU_INPUT_COUNT ? HU_MODEL_FILLED_COUNT
                : key == HU_INPUT_UTILIZATION ? HU_MODEL_FILLED_UTILIZATION
                : 0;
      if (bit)
        hu_inputs_drop_origin (inputs, bit);
    }
  FIELD (inputs, key) = value;
  if (hu_range_is_set (&inputs->ranges[key]) &&
      !same_double (hu_range_point (&inputs->ranges[key]), value))
    hu_range_init (&inputs->ranges[key]);
}

gboolean
hu_input_is_integer (HuInputKey key)
{
  g_return_val_if_fail (key < HU_N_NUMERIC_INPUTS, FALSE);
  return keys[key].integer;
}

const HuRange *
hu_inputs_get_range (const HuInputs *inputs,
                     HuInputKey      key)
{
  g_return_val_if_fail (key < HU_N_NUMERIC_INPUTS, NULL);
  return hu_range_is_set (&inputs->ranges[key]) ? &inputs->ranges[key] : NULL;
}

/**
 * hu_inputs_set_range:
 * @range: (nullable): the range, or %NULL to drop it (the point value
 *   stays)
 *
 * Checks @range against the input's domain and sets it, with the point
 * value in the plain field.
 */
gboolean
hu_inputs_set_range (HuInputs       *inputs,
                     HuInputKey      key,
                     const HuRange  *range,
                     GError        **error)
{
  g_return_val_if_fail (key < HU_N_NUMERIC_INPUTS, FALSE);

  if (range == NULL || !hu_range_is_set (range))
    {
      hu_range_init (&inputs->ranges[key]);
      return TRUE;
    }
  if (!hu_input_check_range (key, range, error))
    return FALSE;
  inputs->ranges[key] = *range;
  FIELD (inputs, key) = hu_range_point (range);
  return TRUE;
}

gboolean
hu_inputs_has_ranges (const HuInputs *inputs)
{
  for (int k = 0; k < HU_N_NUMERIC_INPUTS; k++)
    if (hu_range_is_set (&inputs->ranges[k]))
      return TRUE;
  return FALSE;
}

/**
 * hu_inputs_drop_origin:
 * @filled: #HuModelFilled bits of inputs the user set
 *
 * Forgets that a known model filled those inputs (hu_inputs_set() does
 * this for numbers; the editor calls this for the accelerator and region).
 */
void
hu_inputs_drop_origin (HuInputs *inputs,
                       guint     filled)
{
  HuModelOrigin *rest;

  g_return_if_fail (inputs != NULL);

  if (inputs->origin == NULL || !(inputs->origin->filled & filled))
    return;
  rest = hu_model_origin_without (inputs->origin, filled);
  hu_model_origin_unref (inputs->origin);
  inputs->origin = rest;
}

/**
 * hu_input_check_value:
 *
 * Checks one value against the model's domain (ARCHITECTURE.md §2), with
 * an error that names the field: the editor, the CLI and the file loader
 * all say the same thing.
 */
gboolean
hu_input_check_value (HuInputKey   key,
                      double       value,
                      GError     **error)
{
  const KeyInfo *info;
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;

  g_return_val_if_fail (key < HU_N_NUMERIC_INPUTS, FALSE);
  info = &keys[key];

  if (isnan (value))
    return TRUE;   /* unset */

  if (!isfinite (value))
    {
      g_set_error (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_INVALID,
                   _("%s: must be a finite number"), info->name);
      return FALSE;
    }
  if (info->min_exclusive ? value <= info->min : value < info->min)
    {
      min = hu_number_to_string (info->min);
      if (info->min_exclusive)
        g_set_error (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_INVALID,
                     _("%s: must be greater than %s"), info->name, min);
      else
        g_set_error (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_INVALID,
                     _("%s: must be at least %s"), info->name, min);
      return FALSE;
    }
  if (value > info->max)
    {
      max = hu_number_to_string (info->max);
      g_set_error (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_INVALID,
                   _("%s: must be at most %s"), info->name, max);
      return FALSE;
    }
  if (info->integer && value != floor (value))
    {
      g_set_error (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_INVALID,
                   _("%s: must be a whole number"), info->name);
      return FALSE;
    }
  return TRUE;
}

/* @format has one %s, the message of hu_input_check_value(). */
static gboolean
check_end (HuInputKey   key,
           double       value,
           const char  *format,
           GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (isnan (value) || hu_input_check_value (key, value, &local))
    return TRUE;
  g_set_error (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_INVALID, format, local->message);
  return FALSE;
}

/**
 * hu_input_check_range:
 *
 * Both ends (and the likely value) inside the input's domain, low ≤ high
 * and low ≤ likely ≤ high; the error names the field first, as
 * hu_input_check_value() does.
 */
gboolean
hu_input_check_range (HuInputKey      key,
                      const HuRange  *range,
                      GError        **error)
{
  const char *name;

  g_return_val_if_fail (key < HU_N_NUMERIC_INPUTS, FALSE);
  name = keys[key].name;

  if (isnan (range->low) || isnan (range->high))
    {
      g_set_error (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_MISSING,
                   _("%s: a range needs both a low and a high end"), name);
      return FALSE;
    }
  /* TRANSLATORS: %s is a message such as "utilization: must be greater than 0" */
  if (!check_end (key, range->low, _("%s (the low end of the range)"), error) ||
      !check_end (key, range->high, _("%s (the high end of the range)"), error) ||
      !check_end (key, range->likely, _("%s (the likely value of the range)"), error))
    return FALSE;
  if (range->low > range->high)
    {
      g_autofree char *low = hu_number_to_string (range->low);
      g_autofree char *high = hu_number_to_string (range->high);
      g_set_error (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_INVALID,
                   _("%s: the low end %s is above the high end %s"), name, low, high);
      return FALSE;
    }
  if (!isnan (range->likely) && (range->likely < range->low || range->likely > range->high))
    {
      g_autofree char *text = hu_range_to_string (range);
      g_autofree char *likely = hu_number_to_string (range->likely);
      g_set_error (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_INVALID,
                   _("%s: the likely value %s is outside the range %s"), name, likely, text);
      return FALSE;
    }
  return TRUE;
}

/**
 * hu_input_key_is_serving:
 *
 * Returns: whether @key belongs to the deployment phase (the scenario's
 * `inference` object) rather than to training.
 */
gboolean
hu_input_key_is_serving (HuInputKey key)
{
  g_return_val_if_fail (key < HU_N_NUMERIC_INPUTS, FALSE);
  return keys[key].serving;
}

/**
 * hu_inputs_get_workload:
 *
 * Exactly one of: flops, params × tokens, gpu_hours, wall_hours.
 *
 * Returns: the workload, or %HU_WORKLOAD_NONE with @error set.
 */
HuWorkload
hu_inputs_get_workload (const HuInputs  *inputs,
                        GError         **error)
{
  gboolean has_flops = !isnan (inputs->flops);
  gboolean has_params = !isnan (inputs->params);
  gboolean has_tokens = !isnan (inputs->tokens);
  gboolean has_gpu_hours = !isnan (inputs->gpu_hours);
  gboolean has_wall = !isnan (inputs->wall_hours);
  int given = has_flops + (has_params || has_tokens) + has_gpu_hours + has_wall;

  if (given == 0)
    {
      g_set_error_literal (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_MISSING,
                           _("No workload: give flops, params and tokens, gpu_hours or wall_hours"));
      return HU_WORKLOAD_NONE;
    }
  if (given > 1)
    {
      g_set_error_literal (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_CONFLICT,
                           _("Conflicting workloads: give only one of flops, params and tokens, gpu_hours or wall_hours"));
      return HU_WORKLOAD_NONE;
    }
  if (has_params != has_tokens)
    {
      g_set_error_literal (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_MISSING,
                           has_params ? _("tokens: missing (params needs tokens)")
                                      : _("params: missing (tokens needs params)"));
      return HU_WORKLOAD_NONE;
    }

  if (has_flops)
    return HU_WORKLOAD_FLOPS;
  if (has_params)
    return HU_WORKLOAD_PARAMS_TOKENS;
  if (has_gpu_hours)
    return HU_WORKLOAD_GPU_HOURS;
  return HU_WORKLOAD_WALL_HOURS;
}

/**
 * hu_inputs_has_serving:
 *
 * Returns: whether any input of the deployment phase is set.
 */
gboolean
hu_inputs_has_serving (const HuInputs *inputs)
{
  for (int k = 0; k < HU_N_NUMERIC_INPUTS; k++)
    if (keys[k].serving && !isnan (FIELD (inputs, k)))
      return TRUE;
  return inputs->serve_gpu != NULL || inputs->serve_region != NULL;
}

/* Inputs that belong to one energy model only: giving them with another
 * is giving two models at once. */
static gboolean
refuse_keys (const HuInputs  *inputs,
             const HuInputKey *refused,
             guint            n_refused,
             gboolean         refuse_gpu,
             const char      *model_key,
             GError         **error)
{
  const char *name = NULL;

  for (guint i = 0; i < n_refused && name == NULL; i++)
    if (!isnan (FIELD (inputs, refused[i])))
      name = keys[refused[i]].name;
  if (name == NULL && refuse_gpu && inputs->serve_gpu)
    name = "serve_gpu";
  if (name == NULL)
    return TRUE;

  /* TRANSLATORS: first %s is an input such as serve_count, second the
   * input that chose another serving model, such as wh_per_request */
  g_set_error (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_CONFLICT,
               _("%s: not used with %s (give one serving energy model: wh_per_request, tokens_per_request or a fleet)"),
               name, model_key);
  return FALSE;
}

/**
 * hu_inputs_get_serving_model:
 *
 * Exactly one of: an energy per request (wh_per_request), the compute of
 * each request (tokens_per_request, on serve_gpu × serve_count), or an
 * always-on fleet (serve_count × serve_power for days).
 *
 * Returns: the model; %HU_SERVING_NONE without a deployment phase (no
 * error) or with @error set when the inputs do not choose one model.
 */
HuServingModel
hu_inputs_get_serving_model (const HuInputs  *inputs,
                             GError         **error)
{
  static const HuInputKey not_per_request[] = {
    HU_INPUT_SERVE_COUNT, HU_INPUT_SERVE_POWER, HU_INPUT_SERVE_UTILIZATION,
    HU_INPUT_ACTIVE_PARAMS, HU_INPUT_SERVE_EMBODIED_KG, HU_INPUT_SERVE_LIFETIME_H,
  };
  static const HuInputKey not_fleet[] = { HU_INPUT_SERVE_UTILIZATION, HU_INPUT_ACTIVE_PARAMS };
  gboolean has_wh = !isnan (inputs->wh_per_request);
  gboolean has_tokens = !isnan (inputs->tokens_per_request);

  if (!hu_inputs_has_serving (inputs))
    return HU_SERVING_NONE;

  if (has_wh && has_tokens)
    {
      g_set_error_literal (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_CONFLICT,
                           _("tokens_per_request: not used with wh_per_request (give one serving energy model)"));
      return HU_SERVING_NONE;
    }
  if (has_wh)
    return refuse_keys (inputs, not_per_request, G_N_ELEMENTS (not_per_request), TRUE,
                        "wh_per_request", error)
           ? HU_SERVING_PER_REQUEST : HU_SERVING_NONE;
  if (has_tokens)
    return HU_SERVING_COMPUTE;

  /* Neither: an always-on fleet, if the inputs describe one. */
  if (isnan (inputs->serve_count) && isnan (inputs->serve_power) && inputs->serve_gpu == NULL)
    {
      g_set_error_literal (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_MISSING,
                           _("wh_per_request: missing (give wh_per_request, tokens_per_request, or a fleet: serve_count, serve_power and days)"));
      return HU_SERVING_NONE;
    }
  if (!refuse_keys (inputs, not_fleet, G_N_ELEMENTS (not_fleet), FALSE, "serve_count", error))
    return HU_SERVING_NONE;
  if (isnan (inputs->days))
    {
      g_set_error_literal (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_MISSING,
                           _("days: missing (an always-on fleet needs the days it is deployed)"));
      return HU_SERVING_NONE;
    }
  return HU_SERVING_FLEET;
}

/**
 * hu_inputs_validate_serving:
 *
 * Checks the deployment phase alone (nothing to check without one): its
 * values, one energy model, and the requests as a total or a daily rate
 * over days. The CLI calls it first to tell these errors apart.
 */
gboolean
hu_inputs_validate_serving (const HuInputs  *inputs,
                            GError         **error)
{
  g_autoptr(GError) local = NULL;

  for (int k = 0; k < HU_N_NUMERIC_INPUTS; k++)
    if (keys[k].serving && !hu_input_check_value (k, FIELD (inputs, k), error))
      return FALSE;

  if (!hu_inputs_has_serving (inputs))
    return TRUE;

  if (!isnan (inputs->requests) && !isnan (inputs->requests_per_day))
    {
      g_set_error_literal (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_CONFLICT,
                           _("requests_per_day: not used with requests (give a total or a daily rate)"));
      return FALSE;
    }
  if (isnan (inputs->requests) && isnan (inputs->requests_per_day))
    {
      g_set_error_literal (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_MISSING,
                           _("requests: missing (give requests, or requests_per_day and days)"));
      return FALSE;
    }
  if (!isnan (inputs->requests_per_day) && isnan (inputs->days))
    {
      g_set_error_literal (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_MISSING,
                           _("days: missing (requests_per_day needs the days deployed)"));
      return FALSE;
    }

  if (hu_inputs_get_serving_model (inputs, &local) == HU_SERVING_NONE)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  if (isnan (inputs->serve_embodied_kg) != isnan (inputs->serve_lifetime_h))
    {
      g_set_error_literal (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_MISSING,
                           isnan (inputs->serve_lifetime_h)
                           ? _("serve_lifetime_h: missing (serve_embodied_kg needs the service life)")
                           : _("serve_embodied_kg: missing (serve_lifetime_h is only used with it)"));
      return FALSE;
    }
  return TRUE;
}

/**
 * hu_inputs_clear_serving:
 *
 * Removes the deployment phase, leaving training as it was.
 */
void
hu_inputs_clear_serving (HuInputs *inputs)
{
  for (int k = 0; k < HU_N_NUMERIC_INPUTS; k++)
    if (keys[k].serving)
      {
        FIELD (inputs, k) = NAN;
        hu_range_init (&inputs->ranges[k]);
      }
  g_clear_pointer (&inputs->serve_gpu, g_free);
  g_clear_pointer (&inputs->serve_region, g_free);
}

gboolean
hu_inputs_validate (const HuInputs  *inputs,
                    GError         **error)
{
  for (int k = 0; k < HU_N_NUMERIC_INPUTS; k++)
    if (!hu_input_check_value (k, FIELD (inputs, k), error))
      return FALSE;

  if (hu_inputs_get_workload (inputs, error) == HU_WORKLOAD_NONE)
    return FALSE;

  if (!hu_inputs_validate_serving (inputs, error))
    return FALSE;

  if (isnan (inputs->embodied_kg) != isnan (inputs->lifetime_h))
    {
      g_set_error_literal (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_MISSING,
                           isnan (inputs->lifetime_h)
                           ? _("lifetime_h: missing (embodied_kg needs the service life)")
                           : _("embodied_kg: missing (lifetime_h is only used with it)"));
      return FALSE;
    }
  return TRUE;
}

/* A key of the scenario object itself (the `inference` object holds the
 * deployment phase's keys). */
gboolean
hu_inputs_is_input_key (const char *name)
{
  HuInputKey key;

  if (hu_input_key_from_name (name, &key))
    return !keys[key].serving;
  return g_strcmp0 (name, "gpu") == 0 ||
         g_strcmp0 (name, "region") == 0 ||
         g_strcmp0 (name, "precision") == 0 ||
         g_strcmp0 (name, "known-model") == 0 ||
         g_strcmp0 (name, HU_INPUTS_INFERENCE_KEY) == 0;
}

/* A key of the `inference` object. */
gboolean
hu_inputs_is_serving_key (const char *name)
{
  HuInputKey key;

  if (hu_input_key_from_name (name, &key))
    return keys[key].serving;
  return g_strcmp0 (name, "serve_gpu") == 0 || g_strcmp0 (name, "serve_region") == 0;
}

/**
 * hu_inputs_from_json:
 *
 * Reads the input keys of a scenario object; other keys are ignored
 * (the scenario keeps them). Values are checked one by one, so the error
 * names the first bad field.
 */
gboolean
hu_inputs_from_json (HuInputs    *inputs,
                     JsonObject  *object,
                     GError     **error)
{
  g_autofree char *precision = NULL;
  JsonObject *origin = NULL;
  JsonObject *inference = NULL;
  JsonNode *node;

  /* Files written before the deployment phase have no `inference`. */
  if ((node = json_object_get_member (object, HU_INPUTS_INFERENCE_KEY)))
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_WRONG_TYPE,
                       _("%s: must be an object"), HU_INPUTS_INFERENCE_KEY);
          return FALSE;
        }
      inference = json_node_get_object (node);
    }

  for (int k = 0; k < HU_N_NUMERIC_INPUTS; k++)
    {
      JsonObject *from = keys[k].serving ? inference : object;
      JsonNode *member = from ? json_object_get_member (from, keys[k].name) : NULL;
      double value = NAN;

      /* A number may be a range {"low", "likely"?, "high"} (issue 12). */
      if (member && JSON_NODE_HOLDS_OBJECT (member))
        {
          HuRange range;

          if (!hu_range_from_json (member, keys[k].name, &range, error) ||
              !hu_inputs_set_range (inputs, k, &range, error))
            {
              if (keys[k].serving)
                g_prefix_error (error, "%s.", HU_INPUTS_INFERENCE_KEY);
              return FALSE;
            }
          continue;
        }
      if (from &&
          (!_hu_json_get_double (from, keys[k].name, -G_MAXDOUBLE, FALSE, &value, error) ||
           !hu_input_check_value (k, value, error)))
        {
          if (keys[k].serving)
            g_prefix_error (error, "%s.", HU_INPUTS_INFERENCE_KEY);
          return FALSE;
        }
      FIELD (inputs, k) = value;
    }

  if (inference &&
      (!_hu_json_get_string (inference, "serve_gpu", FALSE, &inputs->serve_gpu, error) ||
       !_hu_json_get_string (inference, "serve_region", FALSE, &inputs->serve_region, error)))
    {
      g_prefix_error (error, "%s.", HU_INPUTS_INFERENCE_KEY);
      return FALSE;
    }

  if (!_hu_json_get_string (object, "gpu", FALSE, &inputs->gpu, error) ||
      !_hu_json_get_string (object, "region", FALSE, &inputs->region, error) ||
      !_hu_json_get_string (object, "precision", FALSE, &precision, error))
    return FALSE;

  if (precision && !hu_precision_from_string (precision, &inputs->precision))
    {
      g_set_error (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_INVALID,
                   _("precision: “%s” is not one of fp32, tf32, fp16, bf16, fp8"), precision);
      return FALSE;
    }
  if (!_hu_json_get_object (object, "known-model", &origin, error))
    return FALSE;
  g_clear_pointer (&inputs->origin, hu_model_origin_unref);
  if (origin && !(inputs->origin = hu_model_origin_new_from_json (origin, error)))
    {
      g_prefix_error (error, "known-model: ");
      return FALSE;
    }
  return TRUE;
}

void
hu_inputs_to_json (const HuInputs *inputs,
                   JsonBuilder    *builder)
{
  for (int k = 0; k < HU_N_NUMERIC_INPUTS; k++)
    {
      if (k == HU_INPUT_PEAK_TFLOPS)
        {
          if (inputs->gpu)
            _hu_json_add_string (builder, "gpu", inputs->gpu);
          if (inputs->precision != HU_PRECISION_AUTO)
            _hu_json_add_string (builder, "precision", hu_precision_to_string (inputs->precision));
        }
      if (k == HU_INPUT_INTENSITY && inputs->region)
        _hu_json_add_string (builder, "region", inputs->region);
      if (keys[k].serving)
        continue;
      if (hu_range_is_set (&inputs->ranges[k]))
        hu_range_to_json (&inputs->ranges[k], builder, keys[k].name);
      else if (!isnan (FIELD (inputs, k)))
        _hu_json_add_double (builder, keys[k].name, FIELD (inputs, k));
    }
  if (inputs->origin)
    {
      json_builder_set_member_name (builder, "known-model");
      hu_model_origin_to_json (inputs->origin, builder);
    }

  if (!hu_inputs_has_serving (inputs))
    return;
  json_builder_set_member_name (builder, HU_INPUTS_INFERENCE_KEY);
  json_builder_begin_object (builder);
  for (int k = 0; k < HU_N_NUMERIC_INPUTS; k++)
    {
      if (k == HU_INPUT_SERVE_COUNT && inputs->serve_gpu)
        _hu_json_add_string (builder, "serve_gpu", inputs->serve_gpu);
      if (k == HU_INPUT_SERVE_INTENSITY && inputs->serve_region)
        _hu_json_add_string (builder, "serve_region", inputs->serve_region);
      if (!keys[k].serving)
        continue;
      if (hu_range_is_set (&inputs->ranges[k]))
        hu_range_to_json (&inputs->ranges[k], builder, keys[k].name);
      else if (!isnan (FIELD (inputs, k)))
        _hu_json_add_double (builder, keys[k].name, FIELD (inputs, k));
    }
  json_builder_end_object (builder);
}
