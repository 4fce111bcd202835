/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A scenario made from a known model (the inputs its published run
 * gives), and a scenario's compute among known models. Above the catalog
 * and the scenario: the model record (hu-known-model.c) knows neither. */

#define G_LOG_DOMAIN "hu-known-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hu-catalog-models.h"
#include "hu-known-model-scenario.h"
#include "hu-number.h"

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
    return g_strdup_printf (_("≈ %s × the training compute of %s"), ratio, gpt3->name);
  {
    g_autofree char *near = hu_format_number (flops / closest->flops, 2);
    /* Translators: a ratio and a model's name, then the closest landmark model and its ratio */
    return g_strdup_printf (_("≈ %s × the training compute of %s; closest known model: %s (≈ %s ×)"),
                            ratio, gpt3->name, closest->name, near);
  }
}
