/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "hu-catalog.h"
#include "hu-model-origin.h"
#include "hu-range.h"

G_BEGIN_DECLS

#define HU_INPUTS_ERROR (hu_inputs_error_quark ())

typedef enum {
  HU_INPUTS_ERROR_INVALID,     /* a value out of range, NaN, … */
  HU_INPUTS_ERROR_MISSING,     /* a required input is absent */
  HU_INPUTS_ERROR_CONFLICT,    /* two workloads given at once */
  HU_INPUTS_ERROR_WRONG_TYPE,  /* a JSON value of the wrong type */
} HuInputsError;

typedef enum {
  HU_WORKLOAD_NONE = 0,
  HU_WORKLOAD_FLOPS,
  HU_WORKLOAD_PARAMS_TOKENS,
  HU_WORKLOAD_GPU_HOURS,
  HU_WORKLOAD_WALL_HOURS,
} HuWorkload;

/* Keys of the numeric inputs, in the order of ARCHITECTURE.md §2. */
typedef enum {
  HU_INPUT_FLOPS,
  HU_INPUT_PARAMS,
  HU_INPUT_TOKENS,
  HU_INPUT_GPU_HOURS,
  HU_INPUT_WALL_HOURS,
  HU_INPUT_PEAK_TFLOPS,
  HU_INPUT_COUNT,
  HU_INPUT_UTILIZATION,
  HU_INPUT_POWER_W,
  HU_INPUT_RETRAIN,
  HU_INPUT_INTENSITY,
  HU_INPUT_PUE,
  HU_INPUT_PRICE,
  HU_INPUT_EMBODIED_KG,
  HU_INPUT_LIFETIME_H,
  /* Deployment phase, keys of the scenario's `inference` object. */
  HU_INPUT_REQUESTS,
  HU_INPUT_REQUESTS_PER_DAY,
  HU_INPUT_DAYS,
  HU_INPUT_WH_PER_REQUEST,
  HU_INPUT_TOKENS_PER_REQUEST,
  HU_INPUT_ACTIVE_PARAMS,
  HU_INPUT_SERVE_COUNT,
  HU_INPUT_SERVE_UTILIZATION,
  HU_INPUT_SERVE_POWER,
  HU_INPUT_SERVE_INTENSITY,
  HU_INPUT_SERVE_PUE,
  HU_INPUT_SERVE_EMBODIED_KG,
  HU_INPUT_SERVE_LIFETIME_H,
  HU_N_NUMERIC_INPUTS
} HuInputKey;

/* How the energy of serving is known (issue 11): a measured energy per
 * request, the compute of each request, or a fleet kept on whatever the
 * traffic. */
typedef enum {
  HU_SERVING_NONE = 0,        /* no deployment phase */
  HU_SERVING_PER_REQUEST,
  HU_SERVING_COMPUTE,
  HU_SERVING_FLEET,
} HuServingModel;

/* The inputs of one scenario (ARCHITECTURE.md §2). Doubles are NAN and
 * strings NULL when the user did not set them: "unset" means "use the
 * catalog default", which is different from any number. */
typedef struct {
  double       flops;
  double       params;
  double       tokens;
  double       gpu_hours;
  double       wall_hours;
  char        *gpu;
  HuPrecision  precision;       /* HU_PRECISION_AUTO when unset */
  double       peak_tflops;
  double       count;
  double       utilization;
  double       power_w;
  double       retrain;
  char        *region;
  double       intensity;
  double       pue;
  double       price;
  double       embodied_kg;
  double       lifetime_h;

  /* Deployment phase: the `inference` object of a scenario. All unset
   * means "no deployment"; serve_* default to the training's values. */
  double       requests;
  double       requests_per_day;
  double       days;
  double       wh_per_request;
  double       tokens_per_request;
  double       active_params;
  char        *serve_gpu;
  double       serve_count;
  double       serve_utilization;
  double       serve_power;
  char        *serve_region;
  double       serve_intensity;
  double       serve_pue;
  double       serve_embodied_kg;
  double       serve_lifetime_h;

  /* A range per numeric input (unset when low is NAN); the field above
   * then holds its point value (hu_range_point()), so everything that
   * ignores ranges still sees the likely number. */
  HuRange      ranges[HU_N_NUMERIC_INPUTS];
  /* Which inputs a known model filled (NULL: all the user's own). */
  HuModelOrigin *origin;
} HuInputs;

#define HU_DEFAULT_UTILIZATION 0.40
#define HU_DEFAULT_COUNT       1.0
#define HU_DEFAULT_RETRAIN     1.0
/* Serving runs far below peak: small batches, waiting for requests. */
#define HU_DEFAULT_SERVE_UTILIZATION 0.10

/* The object of a scenario that holds the deployment phase's keys. */
#define HU_INPUTS_INFERENCE_KEY "inference"

GQuark      hu_inputs_error_quark   (void);

void        hu_inputs_init          (HuInputs       *inputs);
void        hu_inputs_clear         (HuInputs       *inputs);
void        hu_inputs_copy          (const HuInputs *src,
                                     HuInputs       *dest);
gboolean    hu_inputs_equal         (const HuInputs *a,
                                     const HuInputs *b);

const char *hu_input_key_name       (HuInputKey      key);
gboolean    hu_input_key_from_name  (const char     *name,
                                     HuInputKey     *out);
double      hu_inputs_get           (const HuInputs *inputs,
                                     HuInputKey      key);
void        hu_inputs_set           (HuInputs       *inputs,
                                     HuInputKey      key,
                                     double          value);
void        hu_inputs_drop_origin   (HuInputs       *inputs,
                                     guint           filled);
gboolean    hu_input_check_value    (HuInputKey      key,
                                     double          value,
                                     GError        **error);
/* For people (hu-input-format.c): "330 W", "15–30 % (likely 19.7 %)". */
const char *hu_input_unit           (HuInputKey      key);
const char *hu_input_field_unit     (HuInputKey      key);
char       *hu_input_format_value   (HuInputKey      key,
                                     double          value);
char       *hu_input_format_range   (HuInputKey      key,
                                     const HuRange  *range);
gboolean    hu_input_check_range    (HuInputKey      key,
                                     const HuRange  *range,
                                     GError        **error);
gboolean    hu_input_is_integer     (HuInputKey      key);

const HuRange *hu_inputs_get_range  (const HuInputs *inputs,
                                     HuInputKey      key);
gboolean    hu_inputs_set_range     (HuInputs       *inputs,
                                     HuInputKey      key,
                                     const HuRange  *range,
                                     GError        **error);
gboolean    hu_inputs_has_ranges    (const HuInputs *inputs);
gboolean    hu_input_key_is_serving (HuInputKey      key);

HuWorkload  hu_inputs_get_workload  (const HuInputs *inputs,
                                     GError        **error);
gboolean    hu_inputs_validate      (const HuInputs *inputs,
                                     GError        **error);

gboolean    hu_inputs_has_serving   (const HuInputs *inputs);
HuServingModel hu_inputs_get_serving_model (const HuInputs *inputs,
                                            GError        **error);
gboolean    hu_inputs_validate_serving (const HuInputs *inputs,
                                        GError        **error);
void        hu_inputs_clear_serving (HuInputs       *inputs);

gboolean    hu_inputs_from_json     (HuInputs       *inputs,
                                     JsonObject     *object,
                                     GError        **error);
void        hu_inputs_to_json       (const HuInputs *inputs,
                                     JsonBuilder    *builder);
gboolean    hu_inputs_is_input_key  (const char     *name);
gboolean    hu_inputs_is_serving_key (const char    *name);

G_END_DECLS
