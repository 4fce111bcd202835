/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-estimate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hu-citation.h"
#include "hu-estimate.h"
#include "hu-estimate-private.h"
#include "hu-json-private.h"
#include "hu-number.h"

/* Counted for tests (hu_estimate_get_count()); atomic because reports and
 * sweeps estimate in worker threads. */
static gint estimate_count;

guint
hu_estimate_get_count (void)
{
  return (guint) g_atomic_int_get (&estimate_count);
}

/* The computation ----------------------------------------------------------- */

/* The steps write each quantity with its unit (hu-units), so their
 * calculations read in units rather than with conversion factors:
 * "1083 thousand GPU-h × 400 W" = "433.2 MWh"; the formula above each
 * states the factors. Results of CO₂eq read as the result cards do,
 * "39.32 t CO₂eq". */
#define Q _hu_estimate_fmt_unit

static void
derive_compute (HuEstimate     *self,
                const HuInputs *in)
{
  g_autofree char *peak_note = _hu_estimate_describe (_("Peak"), &self->peak_from);
  g_autofree char *util_note = _hu_estimate_describe (_("Utilisation"), &self->utilization_from);
  g_autofree char *note = g_strdup_printf ("%s\n%s", peak_note, util_note);
  g_autofree char *h = Q (HU_UNIT_GPU_HOURS, self->gpu_hours_run);
  g_autofree char *c = _hu_estimate_fmt (self->count);

  if (self->workload == HU_WORKLOAD_PARAMS_TOKENS)
    {
      g_autofree char *p = _hu_estimate_fmt_big (in->params);
      g_autofree char *t = _hu_estimate_fmt_big (in->tokens);
      g_autofree char *f = _hu_estimate_fmt_big (self->flops);
      _hu_estimate_add_step (self, _("Training compute of one run"),
                             _("FLOPs = 6 × parameters × tokens (dense transformer rule)"),
                             g_strdup_printf ("6 × %s × %s", p, t),
                             g_strdup_printf (_("%s FLOP"), f),
                             NULL);
    }

  if (self->workload == HU_WORKLOAD_FLOPS || self->workload == HU_WORKLOAD_PARAMS_TOKENS)
    {
      g_autofree char *f = _hu_estimate_fmt_big (self->flops);
      g_autofree char *peak = hu_units_format_peak (self->peak_tflops, HU_UNITS_DEFAULT);
      g_autofree char *u = hu_format_percent (self->utilization);
      g_autofree char *s_per_h = _hu_estimate_fmt (3600);
      /* Translators: %s is 3600 seconds per hour, grouped as numbers are */
      g_autofree char *formula = _hu_estimate_formula (_("GPU-hours = FLOPs ÷ (peak × utilisation) "
                                                         "÷ %s s/h"), 3600);

      _hu_estimate_add_step (self, _("Accelerator-hours of one run"), formula,
                             /* Translators: FLOPs, peak with its unit ("312 TFLOP/s"),
                              * utilisation, then 3600 (s/h) */
                             g_strdup_printf (_("%s FLOP ÷ (%s × %s) ÷ %s s/h"), f, peak, u,
                                              s_per_h),
                             g_strdup (h), note);
    }
  else if (self->workload == HU_WORKLOAD_WALL_HOURS)
    {
      g_autofree char *w = Q (HU_UNIT_HOURS, in->wall_hours);
      _hu_estimate_add_step (self, _("Accelerator-hours of one run"),
                             _("GPU-hours = wall-clock hours × accelerators"),
                             g_strdup_printf ("%s × %s", w, c), g_strdup (h), NULL);
    }
  else
    _hu_estimate_add_step (self, _("Accelerator-hours of one run"),
                           _("GPU-hours as given"), g_strdup (h), g_strdup (h), NULL);

  if (self->workload != HU_WORKLOAD_WALL_HOURS)
    {
      g_autofree char *w = Q (HU_UNIT_HOURS, self->wall_hours);
      _hu_estimate_add_step (self, _("Wall-clock time of one run"),
                             _("wall-clock = GPU-hours ÷ accelerators in parallel"),
                             g_strdup_printf ("%s ÷ %s", h, c), g_strdup (w), NULL);
    }
}

/* A scenario made from a published run says first which inputs came from
 * its data, how a utilisation was derived and what is only assumed. */
static void
derive_known_model (HuEstimate          *self,
                    const HuModelOrigin *origin)
{
  g_autofree char *summary = hu_model_origin_summary (origin);
  char *cited = hu_citation_localize (origin->source);

  _hu_estimate_add_step (self, _("Inputs from a known model"),
                         _("values of a published training run, where its data give them"),
                         g_strdup (origin->model),
                         cited != NULL ? cited : g_strdup (""),
                         *summary ? summary : NULL);
}

static void
derive_energy (HuEstimate *self)
{
  g_autofree char *run = Q (HU_UNIT_GPU_HOURS, self->gpu_hours_run);
  g_autofree char *k = _hu_estimate_fmt (self->retrain);
  g_autofree char *all = Q (HU_UNIT_GPU_HOURS, self->gpu_hours);
  g_autofree char *p = hu_units_format_watts (self->power_w, HU_UNITS_DEFAULT);
  g_autofree char *it = Q (HU_UNIT_ENERGY_KWH, self->energy_it_kwh);
  g_autofree char *pue = hu_units_format_pue (self->pue, HU_UNITS_DEFAULT);
  g_autofree char *e = Q (HU_UNIT_ENERGY_KWH, self->energy_kwh);
  g_autofree char *ci = hu_units_format_intensity (self->intensity, HU_UNITS_DEFAULT);
  g_autofree char *kg = Q (HU_UNIT_MASS_KG, self->emissions_kg);
  g_autofree char *power_note = _hu_estimate_describe (_("Power"), &self->power_from);
  g_autofree char *pue_note = _hu_estimate_describe (_("PUE"), &self->pue_from);
  g_autofree char *ci_note = _hu_estimate_describe (_("Carbon intensity"), &self->intensity_from);
  /* Translators: %s is 1000 watts per kilowatt, grouped as numbers are */
  g_autofree char *it_formula = _hu_estimate_formula (_("IT energy = GPU-hours × average power "
                                                        "÷ %s W/kW"), 1000);
  /* Translators: %s is 1000 grams per kilogram, grouped as numbers are */
  g_autofree char *co2_formula = _hu_estimate_formula (_("CO₂eq = energy × carbon intensity "
                                                         "÷ %s g/kg"), 1000);

  _hu_estimate_add_step (self, _("Accelerator-hours of all runs"),
                         _("GPU-hours = GPU-hours of one run × training runs (retraining, tuning)"),
                         g_strdup_printf ("%s × %s", run, k), g_strdup (all), NULL);
  _hu_estimate_add_step (self, _("Energy of the accelerators"), it_formula,
                         g_strdup_printf ("%s × %s", all, p), g_strdup (it), power_note);
  _hu_estimate_add_step (self, _("Energy of the data centre"),
                         _("energy = IT energy × PUE"),
                         g_strdup_printf ("%s × %s", it, pue), g_strdup (e), pue_note);
  _hu_estimate_add_step (self, _("Operational emissions"), co2_formula,
                         g_strdup_printf ("%s × %s", e, ci),
                         hu_format_mass_kg (self->emissions_kg), ci_note);
}

static void
derive_totals (HuEstimate *self)
{
  if (isfinite (self->embodied_per_unit_kg))
    {
      g_autofree char *per = Q (HU_UNIT_MASS_KG, self->embodied_per_unit_kg);
      g_autofree char *h = Q (HU_UNIT_GPU_HOURS, self->gpu_hours);
      /* The service life of one accelerator, in the unit of its use. */
      g_autofree char *life = Q (HU_UNIT_GPU_HOURS, self->lifetime_h);
      g_autofree char *emb = Q (HU_UNIT_MASS_KG, self->embodied_kg);
      g_autofree char *op = Q (HU_UNIT_MASS_KG, self->emissions_kg);

      _hu_estimate_add_step (self, _("Embodied emissions (manufacturing share)"),
                             _("embodied = embodied per accelerator × GPU-hours ÷ service life"),
                             g_strdup_printf ("%s × %s ÷ %s", per, h, life),
                             hu_format_mass_kg (self->embodied_kg), NULL);
      _hu_estimate_add_step (self, _("Total emissions"),
                             _("total = operational + embodied"),
                             g_strdup_printf ("%s + %s", op, emb),
                             hu_format_mass_kg (self->total_kg), NULL);
    }

  if (isfinite (self->cost))
    {
      g_autofree char *h = Q (HU_UNIT_GPU_HOURS, self->gpu_hours);
      g_autofree char *price = hu_units_format_price (self->price, self->currency,
                                                      HU_UNITS_DEFAULT);
      g_autofree char *cost = NULL;

      /* In the currency's unit, as the table's Cost column and the
       * result card write money ("1.747 M USD"); a caller that did not
       * say the currency gets the amounts alone rather than a guess. */
      if (self->currency != NULL)
        {
          g_autofree char *amount = g_steal_pointer (&price);

          /* Translators: a price per accelerator-hour, "2.50 USD/GPU-h" */
          price = g_strdup_printf (_("%s/GPU-h"), amount);
          cost = hu_unit_format_full (HU_UNIT_CURRENCY, self->cost, self->currency, 0,
                                      HU_UNITS_TRIM);
        }
      else
        {
          cost = Q (HU_UNIT_PLAIN, self->cost);
        }
      _hu_estimate_add_step (self, _("Cost"),
                             _("cost = GPU-hours × price per accelerator-hour"),
                             g_strdup_printf ("%s × %s", h, price), g_steal_pointer (&cost), NULL);
    }
}

#undef Q

static gboolean
check_finite (const HuEstimate  *self,
              GError           **error)
{
  const HuEstimateOutput outputs[] = {
    { "gpu_hours", self->gpu_hours },
    { "wall_hours", self->wall_hours },
    { "energy_kwh", self->energy_kwh },
    { "emissions_kg", self->emissions_kg },
    { "total_kg", self->total_kg },
  };

  return _hu_estimate_check_finite (outputs, G_N_ELEMENTS (outputs), error);
}

/**
 * _hu_estimate_evaluate:
 * @self: an estimate whose inputs are resolved (count, utilization,
 *   peak_tflops, power_w, retrain, pue, intensity, price, embodied)
 * @in: the workload inputs (flops, params, tokens, gpu_hours, wall_hours)
 *
 * The arithmetic of ARCHITECTURE.md §2 on resolved numbers, without any
 * allocation or catalog look-up: hu_estimate_compute() calls it once,
 * the Monte Carlo of hu-uncertainty.c once per sample.
 */
void
_hu_estimate_evaluate (HuEstimate     *self,
                       const HuInputs *in)
{
  switch (self->workload)
    {
    case HU_WORKLOAD_FLOPS:
    case HU_WORKLOAD_PARAMS_TOKENS:
      self->flops = self->workload == HU_WORKLOAD_FLOPS ? in->flops : 6.0 * in->params * in->tokens;
      self->throughput = self->peak_tflops * 1e12 * self->utilization;
      self->gpu_hours_run = self->flops / self->throughput / 3600.0;
      self->wall_hours = self->gpu_hours_run / self->count;
      break;
    case HU_WORKLOAD_GPU_HOURS:
      self->gpu_hours_run = in->gpu_hours;
      self->wall_hours = self->gpu_hours_run / self->count;
      break;
    case HU_WORKLOAD_WALL_HOURS:
      self->wall_hours = in->wall_hours;
      self->gpu_hours_run = in->wall_hours * self->count;
      break;
    case HU_WORKLOAD_NONE:
    default:
      g_assert_not_reached ();
    }

  self->gpu_hours = self->gpu_hours_run * self->retrain;
  self->energy_it_kwh = self->gpu_hours * self->power_w / 1000.0;
  self->energy_kwh = self->energy_it_kwh * self->pue;
  self->emissions_kg = self->energy_kwh * self->intensity / 1000.0;
  self->embodied_kg = isfinite (self->embodied_per_unit_kg)
                      ? self->embodied_per_unit_kg * self->gpu_hours / self->lifetime_h : 0.0;
  self->total_kg = self->emissions_kg + self->embodied_kg;
  self->cost = isfinite (self->price) ? self->gpu_hours * self->price : NAN;
  _hu_estimate_evaluate_serving (self);
}

/**
 * _hu_estimate_set_input:
 *
 * Puts one input's value where _hu_estimate_evaluate() reads it: the
 * resolved field of @self for inputs the catalog may supply (power,
 * PUE, …), @in for the workload. Used to evaluate a sample or an end of
 * a range without resolving again.
 */
void
_hu_estimate_set_input (HuEstimate *self,
                        HuInputs   *in,
                        HuInputKey  key,
                        double      value)
{
  switch (key)
    {
    case HU_INPUT_PEAK_TFLOPS: self->peak_tflops = value; break;
    case HU_INPUT_COUNT:       self->count = value; break;
    case HU_INPUT_UTILIZATION: self->utilization = value; break;
    case HU_INPUT_POWER_W:     self->power_w = value; break;
    case HU_INPUT_RETRAIN:     self->retrain = value; break;
    case HU_INPUT_INTENSITY:   self->intensity = value; break;
    case HU_INPUT_PUE:         self->pue = value; break;
    case HU_INPUT_PRICE:       self->price = value; break;
    case HU_INPUT_EMBODIED_KG: self->embodied_per_unit_kg = value; break;
    case HU_INPUT_LIFETIME_H:  self->lifetime_h = value; break;
    case HU_INPUT_REQUESTS:
    case HU_INPUT_REQUESTS_PER_DAY:
    case HU_INPUT_DAYS:
    case HU_INPUT_WH_PER_REQUEST:
    case HU_INPUT_TOKENS_PER_REQUEST:
    case HU_INPUT_ACTIVE_PARAMS:
    case HU_INPUT_SERVE_COUNT:
    case HU_INPUT_SERVE_UTILIZATION:
    case HU_INPUT_SERVE_POWER:
    case HU_INPUT_SERVE_INTENSITY:
    case HU_INPUT_SERVE_PUE:
    case HU_INPUT_SERVE_EMBODIED_KG:
    case HU_INPUT_SERVE_LIFETIME_H:
      _hu_estimate_set_serving_input (self, key, value);
      break;
    case HU_INPUT_FLOPS:
    case HU_INPUT_PARAMS:
    case HU_INPUT_TOKENS:
    case HU_INPUT_GPU_HOURS:
    case HU_INPUT_WALL_HOURS:
    case HU_N_NUMERIC_INPUTS:
    default:
      hu_inputs_set (in, key, value);
      break;
    }
}

/**
 * hu_estimate_compute:
 * @inputs: a scenario's inputs
 * @catalog: where ids and defaults are looked up
 * @flags: %HU_ESTIMATE_NO_DERIVATION to skip the text
 * @error: an error naming the field at fault
 *
 * The model of ARCHITECTURE.md §2, a pure function of its arguments;
 * hu_estimate_compute_full() with no currency, for the callers that show
 * no derivation (sweeps, the Monte Carlo) or no money.
 *
 * Returns: (transfer full): the estimate, or %NULL with @error set.
 */
HuEstimate *
hu_estimate_compute (const HuInputs   *in,
                     HuCatalog        *catalog,
                     HuEstimateFlags   flags,
                     GError          **error)
{
  return hu_estimate_compute_full (in, catalog, NULL, flags, error);
}

/**
 * hu_estimate_compute_full:
 * @currency: (nullable): the ISO 4217 code of the price, the project's
 *   ("USD"); %NULL when unknown, and the cost step then shows amounts alone
 *
 * As hu_estimate_compute(). The price is a number in the scenario, its
 * currency the project's: the caller that knows it gives it here, so the
 * cost step is written with it ("× 2.50 USD/GPU-h = 1.747 M USD") as every
 * other step is written with its units, by whoever shows it.
 *
 * Returns: (transfer full): the estimate, or %NULL with @error set.
 */
HuEstimate *
hu_estimate_compute_full (const HuInputs   *in,
                          HuCatalog        *catalog,
                          const char       *currency,
                          HuEstimateFlags   flags,
                          GError          **error)
{
  g_autoptr(HuEstimate) self = NULL;
  gboolean flop_based;

  g_return_val_if_fail (in != NULL, NULL);
  g_return_val_if_fail (HU_IS_CATALOG (catalog), NULL);

  g_atomic_int_inc (&estimate_count);
  if (!hu_inputs_validate (in, error))
    return NULL;

  self = _hu_estimate_new (!(flags & HU_ESTIMATE_NO_DERIVATION));

  self->workload = hu_inputs_get_workload (in, NULL);
  flop_based = self->workload == HU_WORKLOAD_FLOPS || self->workload == HU_WORKLOAD_PARAMS_TOKENS;

  self->count = isnan (in->count) ? HU_DEFAULT_COUNT : in->count;
  self->retrain = isnan (in->retrain) ? HU_DEFAULT_RETRAIN : in->retrain;
  self->price = in->price;
  self->currency = currency != NULL && *currency != '\0' ? g_strdup (currency) : NULL;
  self->embodied_per_unit_kg = in->embodied_kg;
  self->lifetime_h = in->lifetime_h;
  self->utilization = NAN;
  self->flops = NAN;
  self->throughput = NAN;

  if (!_hu_estimate_resolve_hardware (self, in, catalog, flop_based, error) ||
      !_hu_estimate_resolve_location (self, in, catalog, error))
    return NULL;

  if (flop_based)
    {
      if (!isnan (in->utilization))
        {
          self->utilization = in->utilization;
          _hu_estimate_set_provenance (&self->utilization_from, HU_ORIGIN_USER, NULL, 0);
        }
      else
        {
          self->utilization = HU_DEFAULT_UTILIZATION;
          _hu_estimate_set_provenance (&self->utilization_from, HU_ORIGIN_BUILTIN,
                                       !_HU_ESTIMATE_WANTS_TEXT (self) ? NULL :
                                       /* xgettext:no-c-format */
                                       _("40 % of peak, a typical achieved model-FLOPs utilisation for large-model training"), 0);
        }
    }

  _hu_estimate_evaluate (self, in);

  if (!check_finite (self, error))
    return NULL;

  if (self->steps)
    {
      if (in->origin)
        derive_known_model (self, in->origin);
      derive_compute (self, in);
      derive_energy (self);
      derive_totals (self);
    }

  /* After training: serving defaults to its hardware and place, and the
   * break-even compares with its energy. */
  if (!_hu_estimate_compute_serving (self, in, catalog, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * hu_estimate_to_json:
 *
 * The machine form of ARCHITECTURE.md §5: output keys spelled exactly,
 * plus the resolved inputs; C-locale numbers, null when not applicable.
 */
void
hu_estimate_to_json (const HuEstimate *self,
                     JsonBuilder      *builder)
{
  _hu_json_add_double (builder, "flops", self->flops);
  _hu_json_add_double (builder, "gpu_hours_run", self->gpu_hours_run);
  _hu_json_add_double (builder, "gpu_hours", self->gpu_hours);
  _hu_json_add_double (builder, "wall_hours", self->wall_hours);
  _hu_json_add_double (builder, "energy_it_kwh", self->energy_it_kwh);
  _hu_json_add_double (builder, "energy_kwh", self->energy_kwh);
  _hu_json_add_double (builder, "emissions_kg", self->emissions_kg);
  _hu_json_add_double (builder, "embodied_kg", self->embodied_kg);
  _hu_json_add_double (builder, "total_kg", self->total_kg);
  _hu_json_add_double (builder, "cost", self->cost);
  _hu_json_add_string (builder, "gpu", self->gpu);
  _hu_json_add_string (builder, "precision", isnan (self->peak_tflops) ? NULL
                                             : hu_precision_to_string (self->precision));
  _hu_json_add_double (builder, "peak_tflops", self->peak_tflops);
  _hu_json_add_double (builder, "utilization", self->utilization);
  _hu_json_add_double (builder, "power_w", self->power_w);
  _hu_json_add_double (builder, "count", self->count);
  _hu_json_add_double (builder, "retrain", self->retrain);
  _hu_json_add_double (builder, "pue", self->pue);
  _hu_json_add_double (builder, "intensity", self->intensity);
  _hu_json_add_string (builder, "region", self->region);
  _hu_estimate_serving_to_json (self, builder);
}

/**
 * hu_estimate_derivation_text:
 *
 * The derivation as plain text, one block per step: what the app copies
 * to the clipboard and the CLI prints.
 */
char *
hu_estimate_derivation_text (const HuEstimate *self)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; self->steps && i < self->steps->len; i++)
    {
      const HuStep *step = self->steps->pdata[i];

      g_string_append_printf (out, "%u. %s\n   %s\n   = %s\n   = %s\n",
                              i + 1, step->title, step->formula,
                              step->calculation, step->result);
      if (step->note)
        {
          g_auto(GStrv) lines = g_strsplit (step->note, "\n", -1);
          for (guint j = 0; lines[j]; j++)
            g_string_append_printf (out, "   · %s\n", lines[j]);
        }
    }
  return g_string_free (out, FALSE);
}

