/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-known-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hu-known-model.h"
#include "hu-json-private.h"
#include "hu-number.h"

static void
hu_known_model_clear (HuKnownModel *model)
{
  g_free (model->name);
  g_free (model->organization);
  g_free (model->date);
  g_free (model->domain);
  g_free (model->hardware);
  g_free (model->gpu);
  g_free (model->hardware_match);
  g_free (model->country);
  g_free (model->region);
  g_free (model->confidence);
  g_free (model->link);
  g_free (model->source);
}

HuKnownModel *
hu_known_model_ref (HuKnownModel *model)
{
  return g_rc_box_acquire (model);
}

void
hu_known_model_unref (HuKnownModel *model)
{
  g_rc_box_release_full (model, (GDestroyNotify) hu_known_model_clear);
}

G_DEFINE_BOXED_TYPE (HuKnownModel, hu_known_model, hu_known_model_ref, hu_known_model_unref)

static gboolean
check_date (const char  *date,
            GError     **error)
{
  int y, m, d;
  char end;

  if (date == NULL)
    return TRUE;
  if (sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
      !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_INVALID,
                   _("date: “%s” is not a date like 2020-05-28"), date);
      return FALSE;
    }
  return TRUE;
}

/**
 * hu_known_model_new_from_json:
 *
 * Reads one entry of a catalog's "models" array. Only the name and the
 * training compute are required: the rest of a published run is often
 * unknown. Values a scenario would reject (a utilisation above 1, a
 * fractional accelerator count) are refused here, naming the field.
 */
HuKnownModel *
hu_known_model_new_from_json (JsonObject  *object,
                              GError     **error)
{
  g_autoptr(HuKnownModel) model = g_rc_box_new0 (HuKnownModel);

  if (!_hu_json_get_string (object, "name", TRUE, &model->name, error) ||
      !_hu_json_get_string (object, "organization", FALSE, &model->organization, error) ||
      !_hu_json_get_string (object, "date", FALSE, &model->date, error) ||
      !_hu_json_get_string (object, "domain", FALSE, &model->domain, error) ||
      !_hu_json_get_double (object, "parameters", 0, FALSE, &model->parameters, error) ||
      !_hu_json_get_double (object, "flops", 0, TRUE, &model->flops, error) ||
      !_hu_json_get_double (object, "tokens", 0, FALSE, &model->tokens, error) ||
      !_hu_json_get_string (object, "hardware", FALSE, &model->hardware, error) ||
      !_hu_json_get_string (object, "gpu", FALSE, &model->gpu, error) ||
      !_hu_json_get_string (object, "hardware_match", FALSE, &model->hardware_match, error) ||
      !_hu_json_get_double (object, "count", 1, FALSE, &model->count, error) ||
      !_hu_json_get_double (object, "hours", 0, FALSE, &model->hours, error) ||
      !_hu_json_get_double (object, "utilization", 0, FALSE, &model->utilization, error) ||
      !_hu_json_get_string (object, "country", FALSE, &model->country, error) ||
      !_hu_json_get_string (object, "region", FALSE, &model->region, error) ||
      !_hu_json_get_string (object, "confidence", FALSE, &model->confidence, error) ||
      !_hu_json_get_string (object, "link", FALSE, &model->link, error) ||
      !_hu_json_get_string (object, "source", FALSE, &model->source, error) ||
      !check_date (model->date, error))
    return NULL;

  if (*g_strstrip (model->name) == '\0')
    {
      g_set_error_literal (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_INVALID,
                           _("name: must not be empty"));
      return NULL;
    }
  if (!(model->flops > 0) ||
      (isfinite (model->utilization) && !(model->utilization > 0 && model->utilization <= 1)) ||
      (isfinite (model->count) && model->count != floor (model->count)) ||
      (isfinite (model->hours) && !(model->hours > 0)))
    {
      const char *field = !(model->flops > 0) ? "flops"
                        : isfinite (model->count) && model->count != floor (model->count) ? "count"
                        : isfinite (model->hours) && !(model->hours > 0) ? "hours"
                        : "utilization";
      g_set_error (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_INVALID,
                   _("%s: out of range"), field);
      return NULL;
    }
  return g_steal_pointer (&model);
}

static void
add_number_or_null (JsonBuilder *builder,
                    const char  *key,
                    double       value)
{
  if (isfinite (value))
    _hu_json_add_double (builder, key, value);
  else
    _hu_json_add_null (builder, key);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *key,
                    const char  *value)
{
  if (value)
    _hu_json_add_string (builder, key, value);
  else
    _hu_json_add_null (builder, key);
}

/**
 * hu_known_model_to_json:
 *
 * Writes the object of `huella-cli models --format json`, with the keys
 * of ARCHITECTURE.md §8 in that order and null for what is unknown.
 */
void
hu_known_model_to_json (const HuKnownModel *model,
                        JsonBuilder        *builder)
{
  json_builder_begin_object (builder);
  add_string_or_null (builder, "name", model->name);
  add_string_or_null (builder, "organization", model->organization);
  add_string_or_null (builder, "date", model->date);
  add_string_or_null (builder, "domain", model->domain);
  add_number_or_null (builder, "parameters", model->parameters);
  add_number_or_null (builder, "flops", model->flops);
  add_number_or_null (builder, "tokens", model->tokens);
  add_string_or_null (builder, "hardware", model->hardware);
  add_string_or_null (builder, "gpu", model->gpu);
  add_number_or_null (builder, "count", model->count);
  add_number_or_null (builder, "hours", model->hours);
  add_number_or_null (builder, "utilization", model->utilization);
  add_string_or_null (builder, "country", model->country);
  add_string_or_null (builder, "region", model->region);
  add_string_or_null (builder, "confidence", model->confidence);
  add_string_or_null (builder, "link", model->link);
  json_builder_end_object (builder);
}

/**
 * hu_known_model_get_decimal_year:
 *
 * The publication date as a year with a fraction (2020-07-02 → 2020.5),
 * for placing the model on a time axis; NAN without a date.
 */
double
hu_known_model_get_decimal_year (const HuKnownModel *model)
{
  int y, m, d;
  g_autoptr(GDate) date = NULL;
  double days;

  g_return_val_if_fail (model != NULL, NAN);

  if (model->date == NULL || sscanf (model->date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return NAN;
  date = g_date_new_dmy (d, m, y);
  days = g_date_is_leap_year (y) ? 366 : 365;
  return y + (g_date_get_day_of_year (date) - 1) / days;
}

/**
 * hu_text_fold:
 *
 * Folds @text for searching: decomposed, without accents (combining
 * marks), case-folded, so “nüwa”, “NUWA” and “NÜWA” compare equal.
 *
 * Returns: (transfer full): the folded text
 */
char *
hu_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *bare = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)   /* not UTF-8: fold the bytes we have */
    return g_ascii_strdown (text, -1);

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }
  bare = g_string_free (out, FALSE);
  return g_utf8_casefold (bare, -1);
}

/* The country the region is the grid of: the first named one, as the
 * catalog builder chose it ("Multinational" has no grid). */
static char *
first_country (const char *countries)
{
  g_auto(GStrv) parts = NULL;

  if (countries == NULL)
    return NULL;
  parts = g_strsplit (countries, ", ", -1);
  for (guint i = 0; parts[i]; i++)
    if (*parts[i] && !g_str_equal (parts[i], "Multinational"))
      return g_strdup (parts[i]);
  return NULL;
}

static void
derive_utilization (const HuKnownModel *model,
                    HuCatalog          *catalog,
                    const HuInputs     *inputs,
                    HuModelOrigin      *origin)
{
  HuGpu *gpu = hu_catalog_lookup_gpu (catalog, model->gpu);
  HuPrecision precision;
  double peak;

  if (gpu == NULL || !isfinite (model->hours) || !isfinite (model->count))
    return;
  precision = inputs->precision != HU_PRECISION_AUTO ? inputs->precision
                                                     : hu_gpu_default_precision (gpu);
  peak = isfinite (inputs->peak_tflops) ? inputs->peak_tflops : gpu->peak_tflops[precision];
  if (!(peak > 0))
    return;

  origin->utilization_derived = TRUE;
  origin->derived_flops = model->flops;
  origin->derived_count = model->count;
  origin->derived_peak_tflops = peak;
  origin->derived_hours = model->hours;
  origin->derived_utilization = model->flops / (model->count * peak * 1e12 * model->hours * 3600.0);
}

/**
 * hu_known_model_fill_inputs:
 * @inputs: inputs to complete; what is already set there stays
 *
 * Fills the inputs a published run gives: its training compute (when
 * @inputs has no workload yet), the catalog accelerator its hardware
 * maps to, the accelerator count and the utilisation, and the grid of
 * the organisation's country (unless a region or an intensity is set).
 * Where the data give the training time but no utilisation, the
 * utilisation is derived as FLOPs ÷ (count × peak × hours × 3600) with
 * the accelerator's catalog peak, and used only if it is at most 1.
 * Values already in @inputs win: that is how the command line's flags
 * override a model. @inputs gets an origin saying which inputs came from
 * the model.
 */
void
hu_known_model_fill_inputs (const HuKnownModel *model,
                            HuCatalog          *catalog,
                            HuInputs           *inputs)
{
  g_autoptr(HuModelOrigin) origin = NULL;
  gboolean has_workload;

  g_return_if_fail (model != NULL);
  g_return_if_fail (HU_IS_CATALOG (catalog));
  g_return_if_fail (inputs != NULL);

  origin = hu_model_origin_new (model->name, model->source, model->confidence);
  origin->hardware = g_strdup (model->hardware);
  origin->country = first_country (model->country);

  has_workload = !isnan (inputs->flops) || !isnan (inputs->params) || !isnan (inputs->tokens) ||
                 !isnan (inputs->gpu_hours) || !isnan (inputs->wall_hours);
  if (!has_workload && model->flops > 0)
    {
      inputs->flops = model->flops;
      origin->filled |= HU_MODEL_FILLED_FLOPS;
    }

  if (inputs->gpu == NULL && hu_catalog_lookup_gpu (catalog, model->gpu))
    {
      inputs->gpu = g_strdup (model->gpu);
      origin->filled |= HU_MODEL_FILLED_GPU;
    }

  if (isnan (inputs->count) && hu_input_check_value (HU_INPUT_COUNT, model->count, NULL) &&
      isfinite (model->count))
    {
      inputs->count = model->count;
      origin->filled |= HU_MODEL_FILLED_COUNT;
    }

  if (isnan (inputs->utilization))
    {
      if (isfinite (model->utilization))
        {
          inputs->utilization = model->utilization;
          origin->filled |= HU_MODEL_FILLED_UTILIZATION;
        }
      else
        {
          derive_utilization (model, catalog, inputs, origin);
          if (origin->utilization_derived && origin->derived_utilization > 0 &&
              origin->derived_utilization <= 1)
            {
              inputs->utilization = origin->derived_utilization;
              origin->filled |= HU_MODEL_FILLED_UTILIZATION;
            }
        }
    }

  if (inputs->region == NULL && isnan (inputs->intensity) &&
      hu_catalog_lookup_region (catalog, model->region))
    {
      inputs->region = g_strdup (model->region);
      origin->filled |= HU_MODEL_FILLED_REGION;
    }

  g_clear_pointer (&inputs->origin, hu_model_origin_unref);
  if (origin->filled != 0 || origin->utilization_derived)
    inputs->origin = g_steal_pointer (&origin);
}

/**
 * hu_scenario_new_from_model:
 * @id: the new scenario's id (unique in its project)
 *
 * A scenario named after @model with the inputs
 * hu_known_model_fill_inputs() gives; its notes say where they came from.
 * The app's "Add a known model…" and `huella-cli estimate --model` share
 * this.
 */
HuScenario *
hu_scenario_new_from_model (const HuKnownModel *model,
                            HuCatalog          *catalog,
                            const char         *id)
{
  g_autoptr(HuScenario) scenario = NULL;
  g_autofree char *notes = NULL;
  HuInputs inputs;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (HU_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  scenario = hu_scenario_new (id, model->name);
  hu_inputs_init (&inputs);
  hu_known_model_fill_inputs (model, catalog, &inputs);
  hu_scenario_set_inputs (scenario, &inputs);

  if (inputs.origin)
    {
      g_autofree char *summary = hu_model_origin_summary (inputs.origin);
      notes = model->link ? g_strdup_printf ("%s\n%s", summary, model->link) : g_steal_pointer (&summary);
      hu_scenario_set_notes (scenario, notes);
    }
  hu_inputs_clear (&inputs);
  return g_steal_pointer (&scenario);
}

/* Landmarks people know, for "compared with known models". */
static const char *landmark_names[] = {
  "GPT-3 175B (davinci)", "AlexNet", "Transformer", "BERT-Large", "GPT-2 (1.5B)",
  "T5-11B", "Chinchilla", "Llama 2-70B", "PaLM (540B)", "GPT-4", "Llama 3.1-405B",
};

/**
 * hu_known_model_compare_compute:
 * @flops: a scenario's training compute
 *
 * Places @flops among published runs for the Explain view: its ratio to
 * GPT-3's training compute (the usual yardstick) and to the landmark
 * model closest to it on a log scale.
 *
 * Returns: (transfer full) (nullable): "≈ 2.7 × GPT-3 175B (davinci)’s
 *   training compute; closest: Llama 2-70B (≈ 1 ×)", or %NULL without
 *   known models
 */
char *
hu_known_model_compare_compute (HuCatalog *catalog,
                                double     flops)
{
  HuKnownModel *gpt3, *closest = NULL;
  g_autofree char *ratio = NULL;
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (HU_IS_CATALOG (catalog), NULL);

  gpt3 = hu_catalog_lookup_model (catalog, landmark_names[0]);
  if (gpt3 == NULL || !(flops > 0) || !isfinite (flops))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (landmark_names); i++)
    {
      HuKnownModel *m = hu_catalog_lookup_model (catalog, landmark_names[i]);
      double distance;

      if (m == NULL)
        continue;
      distance = fabs (log10 (flops / m->flops));
      if (distance < best)
        {
          best = distance;
          closest = m;
        }
    }

  ratio = hu_format_number (flops / gpt3->flops, 2);
  if (closest == gpt3)
    /* Translators: a ratio, then a model's name */
    return g_strdup_printf (_("≈ %s × %s’s training compute"), ratio, gpt3->name);
  {
    g_autofree char *near = hu_format_number (flops / closest->flops, 2);
    /* Translators: a ratio and a model's name, then the closest landmark model and its ratio */
    return g_strdup_printf (_("≈ %s × %s’s training compute; closest known model: %s (≈ %s ×)"),
                            ratio, gpt3->name, closest->name, near);
  }
}
