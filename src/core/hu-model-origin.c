/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-model-origin"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hu-model-origin.h"
#include "hu-json-private.h"
#include "hu-number.h"

static const struct {
  HuModelFilled  bit;
  const char    *name;
} filled_names[] = {
  { HU_MODEL_FILLED_FLOPS, "flops" },
  { HU_MODEL_FILLED_GPU, "gpu" },
  { HU_MODEL_FILLED_COUNT, "count" },
  { HU_MODEL_FILLED_UTILIZATION, "utilization" },
  { HU_MODEL_FILLED_REGION, "region" },
};

static void
hu_model_origin_clear (HuModelOrigin *origin)
{
  g_free (origin->model);
  g_free (origin->source);
  g_free (origin->confidence);
  g_free (origin->hardware);
  g_free (origin->country);
}

HuModelOrigin *
hu_model_origin_ref (HuModelOrigin *origin)
{
  return g_rc_box_acquire (origin);
}

void
hu_model_origin_unref (HuModelOrigin *origin)
{
  g_rc_box_release_full (origin, (GDestroyNotify) hu_model_origin_clear);
}

G_DEFINE_BOXED_TYPE (HuModelOrigin, hu_model_origin, hu_model_origin_ref, hu_model_origin_unref)

HuModelOrigin *
hu_model_origin_new (const char *model,
                     const char *source,
                     const char *confidence)
{
  HuModelOrigin *origin = g_rc_box_new0 (HuModelOrigin);

  g_return_val_if_fail (model != NULL, origin);

  origin->model = g_strdup (model);
  origin->source = g_strdup (source);
  origin->confidence = g_strdup (confidence);
  origin->derived_utilization = NAN;
  origin->derived_hours = NAN;
  origin->derived_peak_tflops = NAN;
  origin->derived_flops = NAN;
  origin->derived_count = NAN;
  return origin;
}

HuModelOrigin *
hu_model_origin_copy (const HuModelOrigin *origin)
{
  HuModelOrigin *copy;

  g_return_val_if_fail (origin != NULL, NULL);

  copy = hu_model_origin_new (origin->model, origin->source, origin->confidence);
  copy->hardware = g_strdup (origin->hardware);
  copy->country = g_strdup (origin->country);
  copy->filled = origin->filled;
  copy->utilization_derived = origin->utilization_derived;
  copy->derived_utilization = origin->derived_utilization;
  copy->derived_hours = origin->derived_hours;
  copy->derived_peak_tflops = origin->derived_peak_tflops;
  copy->derived_flops = origin->derived_flops;
  copy->derived_count = origin->derived_count;
  return copy;
}

static gboolean
same_double (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

gboolean
hu_model_origin_equal (const HuModelOrigin *a,
                       const HuModelOrigin *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  return g_strcmp0 (a->model, b->model) == 0 &&
         g_strcmp0 (a->source, b->source) == 0 &&
         g_strcmp0 (a->confidence, b->confidence) == 0 &&
         g_strcmp0 (a->hardware, b->hardware) == 0 &&
         g_strcmp0 (a->country, b->country) == 0 &&
         a->filled == b->filled &&
         a->utilization_derived == b->utilization_derived &&
         same_double (a->derived_utilization, b->derived_utilization) &&
         same_double (a->derived_hours, b->derived_hours) &&
         same_double (a->derived_peak_tflops, b->derived_peak_tflops) &&
         same_double (a->derived_flops, b->derived_flops) &&
         same_double (a->derived_count, b->derived_count);
}

/**
 * hu_model_origin_without:
 * @filled: #HuModelFilled bits of the inputs the user changed
 *
 * Returns: (transfer full) (nullable): a copy of @origin that no longer
 *   claims those inputs, or %NULL when it would claim nothing (the
 *   scenario is then the user's own)
 */
HuModelOrigin *
hu_model_origin_without (const HuModelOrigin *origin,
                         guint                filled)
{
  HuModelOrigin *copy;

  g_return_val_if_fail (origin != NULL, NULL);

  if ((origin->filled & ~filled) == 0)
    return NULL;
  copy = hu_model_origin_copy (origin);
  copy->filled &= ~filled;
  if (filled & HU_MODEL_FILLED_UTILIZATION)
    copy->utilization_derived = FALSE;
  return copy;
}

/* "Epoch AI (confidence: Confident)": the publisher, the part of the
 * source before its first comma; the full source heads the derivation. */
static char *
provenance (const HuModelOrigin *origin)
{
  g_autofree char *publisher = NULL;

  publisher = origin->source ? g_strndup (origin->source, strcspn (origin->source, ","))
                             : g_strdup (_("the known model’s data"));
  if (origin->confidence)
    /* Translators: a publisher, then the data's own confidence label (in English: Confident, Likely, Speculative) */
    return g_strdup_printf (_("%s (confidence: %s)"), publisher, origin->confidence);
  /* Translators: %s is a publisher */
  return g_strdup_printf (_("%s (confidence not stated)"), publisher);
}

/* The rejected case: Epoch's compute of fine-tuned models often includes
 * the base model's training, so compute ÷ (count × peak × hours) comes
 * out above 100 %. Such a value is not a utilisation and is not used. */
static char *
describe_utilization (const HuModelOrigin *origin,
                      const char          *from)
{
  g_autofree char *f = hu_format_scientific (origin->derived_flops);
  g_autofree char *c = hu_format_number (origin->derived_count, 6);
  g_autofree char *p = hu_units_format_peak (origin->derived_peak_tflops, HU_UNITS_NUMBER);
  g_autofree char *h = hu_format_number (origin->derived_hours, 6);
  g_autofree char *u = hu_format_percent (origin->derived_utilization);
  /* Grouped as every other number of the sentence (issue 10). */
  g_autofree char *s_per_h = hu_format_fixed (3600, 0);

  if (origin->filled & HU_MODEL_FILLED_UTILIZATION)
    /* Translators: the source, 3600 (seconds per hour), then FLOPs, accelerators, peak
     * TFLOP/s, hours, 3600 again and the result */
    return g_strdup_printf (_("Utilisation: derived from the training time given by %s — FLOPs ÷ "
                              "(accelerators × peak × hours × %s s/h) = %s ÷ (%s × %s TFLOP/s × "
                              "%s h × %s) = %s."),
                            from, s_per_h, f, c, p, h, s_per_h, u);
  /* Translators: the source, FLOPs, accelerators, peak TFLOP/s, hours, 3600 (seconds per
   * hour) and the result */
  return g_strdup_printf (_("Utilisation: not derived — the training time given by %s gives %s ÷ (%s × "
                            "%s TFLOP/s × %s h × %s) = %s, above 100 %%, so its compute likely "
                            "counts more than this run; Huella’s default is used."),
                          from, f, c, p, h, s_per_h, u);
}

/**
 * hu_model_origin_describe:
 * @input: one #HuModelFilled bit
 *
 * Returns: (transfer full) (nullable): one sentence saying where that
 *   input came from, or %NULL when the model did not fill it
 */
char *
hu_model_origin_describe (const HuModelOrigin *origin,
                          HuModelFilled        input)
{
  g_autofree char *from = NULL;

  g_return_val_if_fail (origin != NULL, NULL);

  from = provenance (origin);
  if (input == HU_MODEL_FILLED_UTILIZATION && origin->utilization_derived)
    return describe_utilization (origin, from);
  if (!(origin->filled & input))
    return NULL;

  switch (input)
    {
    case HU_MODEL_FILLED_FLOPS:
      return g_strdup_printf (_("Training compute: from %s."), from);
    case HU_MODEL_FILLED_GPU:
      /* Translators: the data's hardware name, then the source */
      return g_strdup_printf (_("Accelerator: the data’s “%s”, the same device as the catalog’s — from %s."),
                              origin->hardware ? origin->hardware : "?", from);
    case HU_MODEL_FILLED_COUNT:
      return g_strdup_printf (_("Accelerators in parallel: from %s."), from);
    case HU_MODEL_FILLED_UTILIZATION:
      return g_strdup_printf (_("Utilisation: from %s."), from);
    case HU_MODEL_FILLED_REGION:
      /* Translators: %s is a country name as the data spell it (in English) */
      return g_strdup_printf (_("Region: the grid of the organisation’s country (%s) — an assumption "
                                "to check: the data do not say where the model was trained."),
                              origin->country ? origin->country : "?");
    default:
      return NULL;
    }
}

/**
 * hu_model_origin_summary:
 *
 * Returns: (transfer full): one line per input the model filled (and the
 *   rejected utilisation, when there is one), for the derivation
 */
char *
hu_model_origin_summary (const HuModelOrigin *origin)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (origin != NULL, g_string_free (out, FALSE));

  for (guint i = 0; i < G_N_ELEMENTS (filled_names); i++)
    {
      g_autofree char *line = hu_model_origin_describe (origin, filled_names[i].bit);

      if (line == NULL)
        continue;
      if (out->len)
        g_string_append_c (out, '\n');
      g_string_append (out, line);
    }
  return g_string_free (out, FALSE);
}

HuModelOrigin *
hu_model_origin_new_from_json (JsonObject  *object,
                               GError     **error)
{
  g_autoptr(HuModelOrigin) origin = g_rc_box_new0 (HuModelOrigin);
  JsonArray *filled = NULL;
  JsonObject *derived = NULL;

  if (!_hu_json_get_string (object, "model", TRUE, &origin->model, error) ||
      !_hu_json_get_string (object, "source", FALSE, &origin->source, error) ||
      !_hu_json_get_string (object, "confidence", FALSE, &origin->confidence, error) ||
      !_hu_json_get_string (object, "hardware", FALSE, &origin->hardware, error) ||
      !_hu_json_get_string (object, "country", FALSE, &origin->country, error) ||
      !_hu_json_get_array (object, "filled", &filled, error) ||
      !_hu_json_get_object (object, "derived-utilization", &derived, error))
    return NULL;

  for (guint i = 0; filled && i < json_array_get_length (filled); i++)
    {
      const char *name = json_array_get_string_element (filled, i);
      gboolean known = FALSE;

      for (guint j = 0; name && j < G_N_ELEMENTS (filled_names); j++)
        if (g_str_equal (name, filled_names[j].name))
          {
            origin->filled |= filled_names[j].bit;
            known = TRUE;
          }
      if (!known)
        {
          g_set_error (error, _hu_json_error_quark (), 0,
                       _("filled[%u]: not one of flops, gpu, count, utilization, region"), i);
          return NULL;
        }
    }

  origin->derived_utilization = NAN;
  origin->derived_hours = NAN;
  origin->derived_peak_tflops = NAN;
  origin->derived_flops = NAN;
  origin->derived_count = NAN;
  if (derived)
    {
      origin->utilization_derived = TRUE;
      if (!_hu_json_get_double (derived, "value", 0, TRUE, &origin->derived_utilization, error) ||
          !_hu_json_get_double (derived, "hours", 0, TRUE, &origin->derived_hours, error) ||
          !_hu_json_get_double (derived, "peak_tflops", 0, TRUE, &origin->derived_peak_tflops, error) ||
          !_hu_json_get_double (derived, "flops", 0, TRUE, &origin->derived_flops, error) ||
          !_hu_json_get_double (derived, "count", 1, TRUE, &origin->derived_count, error))
        {
          g_prefix_error (error, "derived-utilization: ");
          return NULL;
        }
    }
  return g_steal_pointer (&origin);
}

void
hu_model_origin_to_json (const HuModelOrigin *origin,
                         JsonBuilder         *builder)
{
  json_builder_begin_object (builder);
  _hu_json_add_string (builder, "model", origin->model);
  _hu_json_add_string (builder, "source", origin->source);
  if (origin->confidence)
    _hu_json_add_string (builder, "confidence", origin->confidence);
  if (origin->hardware)
    _hu_json_add_string (builder, "hardware", origin->hardware);
  if (origin->country)
    _hu_json_add_string (builder, "country", origin->country);
  json_builder_set_member_name (builder, "filled");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (filled_names); i++)
    if (origin->filled & filled_names[i].bit)
      json_builder_add_string_value (builder, filled_names[i].name);
  json_builder_end_array (builder);
  if (origin->utilization_derived)
    {
      json_builder_set_member_name (builder, "derived-utilization");
      json_builder_begin_object (builder);
      _hu_json_add_double (builder, "value", origin->derived_utilization);
      _hu_json_add_double (builder, "hours", origin->derived_hours);
      _hu_json_add_double (builder, "peak_tflops", origin->derived_peak_tflops);
      _hu_json_add_double (builder, "flops", origin->derived_flops);
      _hu_json_add_double (builder, "count", origin->derived_count);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}
