/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-estimate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hu-estimate-private.h"
#include "hu-json-private.h"
#include "hu-number.h"

/* The deployment phase of a scenario (issue 11): how much energy serving
 * the model takes, what it emits, and when it has used as much energy as
 * the training did. Published figures it is tested against are in
 * tests/test-lifecycle.c. */

static void
set_all_nan (HuEstimate *self)
{
  double *numbers[] = {
    &self->requests, &self->requests_per_day, &self->days, &self->wh_per_request,
    &self->tokens_per_request, &self->active_params, &self->flops_per_request,
    &self->serve_count, &self->serve_peak_tflops, &self->serve_utilization,
    &self->serve_power_w, &self->serve_intensity, &self->serve_pue,
    &self->serve_embodied_per_unit_kg, &self->serve_lifetime_h,
    &self->inference_gpu_hours, &self->inference_energy_it_kwh, &self->inference_energy_kwh,
    &self->inference_emissions_kg, &self->inference_embodied_kg, &self->per_request_wh,
    &self->per_request_g, &self->breakeven_requests, &self->breakeven_days,
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    *numbers[i] = NAN;
}

static void
take_provenance (HuProvenance *to,
                 HuProvenance *from)
{
  g_free (to->source);
  *to = *from;
  from->source = NULL;
}

static void
copy_provenance (HuProvenance       *to,
                 const HuProvenance *from)
{
  g_free (to->source);
  to->origin = from->origin;
  to->source = g_strdup (from->source);
}

/* The catalog lookups for serving go through training's resolvers on a
 * scratch estimate; their messages name training's keys, which this
 * renames so the user sees the field (and the CLI the flag) at fault. */
static void
rename_field (GError *error)
{
  static const struct { const char *from, *to; } names[] = {
    { "gpu:", "serve_gpu:" }, { "peak_tflops:", "serve_gpu:" }, { "precision:", "serve_gpu:" },
    { "power_w:", "serve_power:" }, { "region:", "serve_region:" },
    { "intensity:", "serve_intensity:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_has_prefix (error->message, names[i].from))
      {
        char *message = g_strconcat (names[i].to, error->message + strlen (names[i].from), NULL);
        g_free (error->message);
        error->message = message;
        return;
      }
}

static HuEstimate *
scratch_new (const HuEstimate *self)
{
  /* The resolvers write their provenance text only when steps exist. */
  return _hu_estimate_new (_HU_ESTIMATE_WANTS_TEXT (self));
}

static gboolean
resolve_serving_hardware (HuEstimate      *self,
                          const HuInputs  *in,
                          HuCatalog       *catalog,
                          GError         **error)
{
  g_autoptr(HuEstimate) scratch = scratch_new (self);
  HuInputs hw;
  gboolean own_gpu = in->serve_gpu != NULL;
  gboolean ok;

  /* Without a serving accelerator of its own, the model is served on the
   * training's, with the training's peak and power unless overridden. */
  hu_inputs_init (&hw);
  hw.gpu = own_gpu ? in->serve_gpu : in->gpu;
  hw.precision = own_gpu ? HU_PRECISION_AUTO : in->precision;
  hw.peak_tflops = own_gpu ? NAN : in->peak_tflops;
  hw.power_w = !isnan (in->serve_power) ? in->serve_power : (own_gpu ? NAN : in->power_w);

  ok = _hu_estimate_resolve_hardware (scratch, &hw, catalog,
                                      self->serve_model == HU_SERVING_COMPUTE, error);
  if (!ok)
    {
      if (error && *error)
        rename_field (*error);
      return FALSE;
    }

  self->serve_gpu = g_steal_pointer (&scratch->gpu);
  self->serve_gpu_name = g_steal_pointer (&scratch->gpu_name);
  self->serve_peak_tflops = scratch->peak_tflops;
  self->serve_power_w = scratch->power_w;
  take_provenance (&self->serve_peak_from, &scratch->peak_from);
  take_provenance (&self->serve_power_from, &scratch->power_from);
  if (isnan (in->serve_power) && !own_gpu)
    copy_provenance (&self->serve_power_from, &self->power_from);
  return TRUE;
}

static gboolean
resolve_serving_location (HuEstimate      *self,
                          const HuInputs  *in,
                          HuCatalog       *catalog,
                          GError         **error)
{
  g_autoptr(HuEstimate) scratch = NULL;
  HuInputs place;

  if (in->serve_region == NULL)
    {
      /* Served where it was trained unless told otherwise. */
      self->serve_region = g_strdup (self->region);
      self->serve_region_name = g_strdup (self->region_name);
      if (!isnan (in->serve_intensity))
        {
          self->serve_intensity = in->serve_intensity;
          _hu_estimate_set_provenance (&self->serve_intensity_from, HU_ORIGIN_USER, NULL, 0);
        }
      else
        {
          self->serve_intensity = self->intensity;
          copy_provenance (&self->serve_intensity_from, &self->intensity_from);
        }
      if (!isnan (in->serve_pue))
        {
          self->serve_pue = in->serve_pue;
          _hu_estimate_set_provenance (&self->serve_pue_from, HU_ORIGIN_USER, NULL, 0);
        }
      else
        {
          self->serve_pue = self->pue;
          copy_provenance (&self->serve_pue_from, &self->pue_from);
        }
      return TRUE;
    }

  scratch = scratch_new (self);
  hu_inputs_init (&place);
  place.region = in->serve_region;
  place.intensity = in->serve_intensity;
  place.pue = in->serve_pue;
  if (!_hu_estimate_resolve_location (scratch, &place, catalog, error))
    {
      if (error && *error)
        rename_field (*error);
      return FALSE;
    }
  self->serve_region = g_steal_pointer (&scratch->region);
  self->serve_region_name = g_steal_pointer (&scratch->region_name);
  self->serve_intensity = scratch->intensity;
  self->serve_pue = scratch->pue;
  take_provenance (&self->serve_intensity_from, &scratch->intensity_from);
  take_provenance (&self->serve_pue_from, &scratch->pue_from);
  return TRUE;
}

static gboolean
resolve_active_params (HuEstimate      *self,
                       const HuInputs  *in,
                       GError         **error)
{
  if (!isnan (in->active_params))
    self->active_params = in->active_params;
  else if (self->workload == HU_WORKLOAD_PARAMS_TOKENS)
    self->active_params = in->params;   /* a dense model: all are active */
  else
    {
      g_set_error_literal (error, HU_ESTIMATE_ERROR, HU_ESTIMATE_ERROR_INPUT,
                           _("active_params: missing (training gives no parameter count)"));
      return FALSE;
    }
  _hu_estimate_set_provenance (&self->active_params_from, HU_ORIGIN_USER, NULL, 0);
  return TRUE;
}

/* The derivation ------------------------------------------------------------ */

/* "Power (serving): …", with a word when the value is the training's. */
static char *
note_for (const char         *what,
          const HuProvenance *p,
          gboolean            inherited)
{
  g_autofree char *text = _hu_estimate_describe (what, p);

  if (!inherited)
    return g_steal_pointer (&text);
  /* TRANSLATORS: %s describes where a value came from; serving uses the
   * training's value */
  return g_strdup_printf (_("As for training. %s"), text);
}

/* Quantities with their units, as in the training's steps (hu-units). */
#define Q _hu_estimate_fmt_unit

static void
derive_requests (HuEstimate     *self,
                 const HuInputs *in)
{
  g_autofree char *n = _hu_estimate_fmt (self->requests);

  if (!isnan (in->requests_per_day))
    {
      g_autofree char *rate = _hu_estimate_fmt (in->requests_per_day);
      g_autofree char *d = hu_format_number (self->days, 6);
      _hu_estimate_add_step (self, _("Requests served"),
                             _("requests = requests per day × days deployed"),
                             g_strdup_printf (_("%s × %s d"), rate, d),
                             g_strdup_printf (_("%s requests"), n), NULL);
    }
  else
    _hu_estimate_add_step (self, _("Requests served"), _("requests as given"),
                           g_strdup (n), g_strdup_printf (_("%s requests"), n), NULL);
}

static void
derive_it_energy (HuEstimate     *self,
                  const HuInputs *in)
{
  g_autofree char *n = _hu_estimate_fmt (self->requests);
  g_autofree char *it = Q (HU_UNIT_ENERGY_KWH, self->inference_energy_it_kwh);
  g_autofree char *h = Q (HU_UNIT_GPU_HOURS, self->inference_gpu_hours);
  g_autofree char *p = hu_units_format_watts (self->serve_power_w, HU_UNITS_DEFAULT);
  g_autofree char *c = _hu_estimate_fmt (self->serve_count);
  g_autofree char *power_note = note_for (_("Power (serving)"), &self->serve_power_from,
                                          isnan (in->serve_power) && in->serve_gpu == NULL);
  /* Translators: %s is 1000 watts per kilowatt, grouped as numbers are */
  g_autofree char *power_formula = _hu_estimate_formula (_("IT energy = GPU-hours × average power "
                                                           "÷ %s W/kW"), 1000);

  switch (self->serve_model)
    {
    case HU_SERVING_PER_REQUEST:
      {
        g_autofree char *wh = Q (HU_UNIT_ENERGY_KWH, self->wh_per_request / 1000);
        /* Translators: %s is 1000 watt-hours per kilowatt-hour, grouped as numbers are */
        g_autofree char *formula = _hu_estimate_formula (_("IT energy = requests × energy per "
                                                           "request ÷ %s Wh/kWh"), 1000);

        _hu_estimate_add_step (self, _("Energy of serving (IT)"), formula,
                               g_strdup_printf ("%s × %s", n, wh), g_strdup (it),
                               _("Energy per request: set in this scenario (measured or published)."));
      }
      break;

    case HU_SERVING_COMPUTE:
      {
        g_autofree char *np = _hu_estimate_fmt_big (self->active_params);
        g_autofree char *t = hu_format_number (self->tokens_per_request, 6);
        g_autofree char *f = _hu_estimate_fmt_big (self->flops_per_request);
        g_autofree char *peak = hu_units_format_peak (self->serve_peak_tflops, HU_UNITS_DEFAULT);
        g_autofree char *u = hu_format_percent (self->serve_utilization);
        double seconds = self->flops_per_request / (self->serve_peak_tflops * 1e12 * self->serve_utilization);
        g_autofree char *s = Q (HU_UNIT_SECONDS, seconds);
        g_autofree char *params_note = note_for (_("Active parameters"), &self->active_params_from,
                                                 isnan (in->active_params));
        g_autofree char *rule = g_strdup_printf ("%s\n%s", params_note,
                                                 _("About 2 FLOPs per parameter and token for a forward pass (Kaplan et al., 2020); for a mixture of experts, the active parameters."));
        g_autofree char *peak_note = note_for (_("Peak (serving)"), &self->serve_peak_from,
                                               in->serve_gpu == NULL);
        g_autofree char *util_note = _hu_estimate_describe (_("Utilisation (serving)"),
                                                            &self->serve_utilization_from);
        g_autofree char *notes = g_strdup_printf ("%s\n%s", peak_note, util_note);
        /* Translators: %s is 3600 seconds per hour, grouped as numbers are */
        g_autofree char *hours_formula = _hu_estimate_formula (_("GPU-hours = requests × "
                                                                 "GPU-seconds per request ÷ %s s/h"),
                                                               3600);

        _hu_estimate_add_step (self, _("Compute of one request"),
                               _("FLOPs per request = 2 × active parameters × tokens per request"),
                               g_strdup_printf ("2 × %s × %s", np, t),
                               g_strdup_printf (_("%s FLOP"), f), rule);
        _hu_estimate_add_step (self, _("Accelerator time of one request"),
                               _("GPU-seconds = FLOPs per request ÷ (peak × utilisation)"),
                               /* Translators: FLOPs, peak with its unit
                                * ("312 TFLOP/s"), utilisation */
                               g_strdup_printf (_("%s FLOP ÷ (%s × %s)"), f, peak, u),
                               g_strdup (s), notes);
        _hu_estimate_add_step (self, _("Accelerator-hours of serving"), hours_formula,
                               g_strdup_printf ("%s × %s", n, s), g_strdup (h), NULL);
        if (!isnan (in->serve_count))
          {
            g_autofree char *busy = Q (HU_UNIT_HOURS, self->inference_gpu_hours / self->serve_count);
            _hu_estimate_add_step (self, _("Busy time of the serving accelerators"),
                                   _("busy time = GPU-hours ÷ accelerators"),
                                   g_strdup_printf ("%s ÷ %s", h, c), g_strdup (busy), NULL);
          }
        _hu_estimate_add_step (self, _("Energy of serving (IT)"), power_formula,
                               g_strdup_printf ("%s × %s", h, p), g_strdup (it), power_note);
      }
      break;

    case HU_SERVING_FLEET:
      {
        g_autofree char *d = hu_format_number (self->days, 6);
        _hu_estimate_add_step (self, _("Accelerator-hours of the serving fleet"),
                               _("GPU-hours = accelerators × days × 24 h/d (on whatever the traffic)"),
                               g_strdup_printf (_("%s × %s d × 24 h/d"), c, d),
                               g_strdup (h),
                               _("Accelerators and days deployed: set in this scenario."));
        _hu_estimate_add_step (self, _("Energy of serving (IT)"), power_formula,
                               g_strdup_printf ("%s × %s", h, p), g_strdup (it), power_note);
      }
      break;

    case HU_SERVING_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
derive_serving (HuEstimate     *self,
                const HuInputs *in)
{
  g_autofree char *it = Q (HU_UNIT_ENERGY_KWH, self->inference_energy_it_kwh);
  g_autofree char *pue = hu_units_format_pue (self->serve_pue, HU_UNITS_DEFAULT);
  g_autofree char *e = Q (HU_UNIT_ENERGY_KWH, self->inference_energy_kwh);
  g_autofree char *ci = hu_units_format_intensity (self->serve_intensity, HU_UNITS_DEFAULT);
  g_autofree char *kg = Q (HU_UNIT_MASS_KG, self->inference_emissions_kg);
  g_autofree char *n = _hu_estimate_fmt (self->requests);
  g_autofree char *wh = Q (HU_UNIT_ENERGY_KWH, self->per_request_wh / 1000);
  g_autofree char *pue_note = note_for (_("PUE (serving)"), &self->serve_pue_from,
                                        isnan (in->serve_pue) && in->serve_region == NULL);
  g_autofree char *ci_note = note_for (_("Carbon intensity (serving)"), &self->serve_intensity_from,
                                       isnan (in->serve_intensity) && in->serve_region == NULL);
  g_autofree char *total = Q (HU_UNIT_MASS_KG, self->total_kg);
  g_autofree char *emb = Q (HU_UNIT_MASS_KG, self->inference_embodied_kg);
  g_autofree char *train = Q (HU_UNIT_ENERGY_KWH, self->energy_kwh);
  g_autofree char *be = _hu_estimate_fmt (self->breakeven_requests);
  g_autofree char *breakeven_note =
    g_strdup_printf ("%s\n%s",
                     _("Training energy: every run, in the data centre (PUE included), as above."),
                     _("Serving has then used as much energy as the training runs, as in Power Hungry Processing (Luccioni et al., 2024), Table 5."));

  /* Translators: %s is 1000 grams per kilogram, grouped as numbers are */
  g_autofree char *co2_formula = _hu_estimate_formula (_("CO₂eq = energy × carbon intensity "
                                                         "÷ %s g/kg"), 1000);
  /* Translators: %s is 1000 watt-hours per kilowatt-hour, grouped as numbers are */
  g_autofree char *wh_formula = _hu_estimate_formula (_("Wh per request = serving energy × "
                                                        "%s Wh/kWh ÷ requests"), 1000);
  /* Translators: %s is 1000 grams per kilogram, grouped as numbers are */
  g_autofree char *g_formula = _hu_estimate_formula (_("g per request = serving CO₂eq × "
                                                       "%s g/kg ÷ requests"), 1000);

  derive_requests (self, in);
  derive_it_energy (self, in);

  _hu_estimate_add_step (self, _("Energy of serving in the data centre"),
                         _("energy = IT energy × PUE"),
                         g_strdup_printf ("%s × %s", it, pue), g_strdup (e), pue_note);
  _hu_estimate_add_step (self, _("Operational emissions of serving"), co2_formula,
                         g_strdup_printf ("%s × %s", e, ci),
                         hu_format_mass_kg (self->inference_emissions_kg), ci_note);
  _hu_estimate_add_step (self, _("Energy per request"), wh_formula,
                         g_strdup_printf ("%s ÷ %s", e, n), g_strdup (wh), NULL);
  _hu_estimate_add_step (self, _("CO₂eq per request"), g_formula,
                         g_strdup_printf ("%s ÷ %s", kg, n),
                         hu_format_mass_kg (self->per_request_g / 1000), NULL);

  if (self->inference_embodied_kg > 0)
    {
      g_autofree char *per = Q (HU_UNIT_MASS_KG, self->serve_embodied_per_unit_kg);
      g_autofree char *h = Q (HU_UNIT_GPU_HOURS, self->inference_gpu_hours);
      /* The service life of one accelerator, in the unit of its use. */
      g_autofree char *lt = Q (HU_UNIT_GPU_HOURS, self->serve_lifetime_h);
      _hu_estimate_add_step (self, _("Embodied emissions of the serving hardware"),
                             _("embodied = embodied per accelerator × GPU-hours ÷ service life"),
                             g_strdup_printf ("%s × %s ÷ %s", per, h, lt),
                             hu_format_mass_kg (self->inference_embodied_kg),
                             isnan (in->serve_embodied_kg)
                             ? _("As for training: the same accelerators.")
                             : _("Embodied carbon per accelerator and service life (serving): set in this scenario."));
    }

  _hu_estimate_add_step (self, _("Lifecycle emissions"),
                         _("lifecycle = training total (all runs, embodied included) + serving + serving embodied"),
                         g_strdup_printf ("%s + %s + %s", total, kg, emb),
                         hu_format_mass_kg (self->lifecycle_kg), NULL);
  _hu_estimate_add_step (self, _("Break-even with training"),
                         _("requests = training energy ÷ energy per request"),
                         g_strdup_printf ("%s ÷ %s", train, wh),
                         g_strdup_printf (_("%s requests"), be), breakeven_note);
  if (isfinite (self->breakeven_days))
    {
      g_autofree char *rate = _hu_estimate_fmt (self->requests_per_day);
      g_autofree char *days = hu_format_breakeven_day (self->breakeven_days);

      /* Requests given in all: their daily rate comes from the days. */
      if (isnan (in->requests_per_day))
        {
          g_autofree char *d = hu_format_number (self->days, 6);
          _hu_estimate_add_step (self, _("Break-even day"),
                                 _("day = break-even requests ÷ (requests ÷ days deployed)"),
                                 g_strdup_printf (_("%s ÷ (%s ÷ %s d) = %s ÷ %s per day"),
                                                  be, n, d, be, rate),
                                 g_strdup (days), NULL);
        }
      else
        _hu_estimate_add_step (self, _("Break-even day"),
                               _("day = break-even requests ÷ requests per day"),
                               g_strdup_printf (_("%s ÷ %s"), be, rate),
                               g_strdup (days), NULL);
    }
}

#undef Q

/* The computation ----------------------------------------------------------- */

static gboolean
check_finite (const HuEstimate  *self,
              GError           **error)
{
  const HuEstimateOutput outputs[] = {
    { "inference_energy_kwh", self->inference_energy_kwh },
    { "inference_emissions_kg", self->inference_emissions_kg },
    { "lifecycle_kg", self->lifecycle_kg },
    { "breakeven_requests", self->breakeven_requests },
  };

  return _hu_estimate_check_finite (outputs, G_N_ELEMENTS (outputs), error);
}

/**
 * _hu_estimate_evaluate_serving:
 *
 * The arithmetic of the deployment phase on resolved numbers, without
 * allocation or look-up, after training's (_hu_estimate_evaluate() calls
 * it, so a Monte Carlo sample carries serving along). Values serving
 * takes from training follow training's as sampled.
 */
void
_hu_estimate_evaluate_serving (HuEstimate *self)
{
  if (self->serve_model == HU_SERVING_NONE)
    {
      self->lifecycle_kg = self->total_kg;
      return;
    }

  if (self->serve_power_inherited)
    self->serve_power_w = self->power_w;
  if (self->serve_intensity_inherited)
    self->serve_intensity = self->intensity;
  if (self->serve_pue_inherited)
    self->serve_pue = self->pue;

  if (self->requests_from_rate)
    self->requests = self->requests_per_day * self->days;
  else
    self->requests_per_day = self->requests / self->days;   /* NAN without days */

  switch (self->serve_model)
    {
    case HU_SERVING_PER_REQUEST:
      self->inference_energy_it_kwh = self->requests * self->wh_per_request / 1000.0;
      break;
    case HU_SERVING_COMPUTE:
      self->flops_per_request = 2.0 * self->active_params * self->tokens_per_request;
      self->inference_gpu_hours = self->requests * self->flops_per_request
                                  / (self->serve_peak_tflops * 1e12 * self->serve_utilization)
                                  / 3600.0;
      self->inference_energy_it_kwh = self->inference_gpu_hours * self->serve_power_w / 1000.0;
      break;
    case HU_SERVING_FLEET:
      self->inference_gpu_hours = self->serve_count * self->days * 24.0;
      self->inference_energy_it_kwh = self->inference_gpu_hours * self->serve_power_w / 1000.0;
      break;
    case HU_SERVING_NONE:
    default:
      g_assert_not_reached ();
    }

  self->inference_embodied_kg = isfinite (self->serve_embodied_per_unit_kg) &&
                                isfinite (self->inference_gpu_hours)
    ? self->serve_embodied_per_unit_kg * self->inference_gpu_hours / self->serve_lifetime_h
    : 0.0;
  self->inference_energy_kwh = self->inference_energy_it_kwh * self->serve_pue;
  self->inference_emissions_kg = self->inference_energy_kwh * self->serve_intensity / 1000.0;
  self->per_request_wh = self->inference_energy_kwh * 1000.0 / self->requests;
  self->per_request_g = self->inference_emissions_kg * 1000.0 / self->requests;
  self->lifecycle_kg = self->total_kg + self->inference_emissions_kg + self->inference_embodied_kg;
  self->breakeven_requests = self->energy_kwh / (self->per_request_wh / 1000.0);
  self->breakeven_days = self->breakeven_requests / self->requests_per_day;
}

/* Called by hu_estimate_compute() once training is done (the inputs are
 * valid by then): resolves what serving takes from the catalog and from
 * training, then evaluates. */
gboolean
_hu_estimate_compute_serving (HuEstimate      *self,
                              const HuInputs  *in,
                              HuCatalog       *catalog,
                              GError         **error)
{
  set_all_nan (self);
  self->serve_model = hu_inputs_get_serving_model (in, NULL);
  if (self->serve_model == HU_SERVING_NONE)
    {
      _hu_estimate_evaluate_serving (self);
      return TRUE;
    }

  self->days = in->days;
  self->requests_from_rate = !isnan (in->requests_per_day);
  self->requests = in->requests;
  self->requests_per_day = in->requests_per_day;

  if (self->serve_model == HU_SERVING_COMPUTE && !resolve_active_params (self, in, error))
    return FALSE;
  if (self->serve_model != HU_SERVING_PER_REQUEST &&
      !resolve_serving_hardware (self, in, catalog, error))
    return FALSE;
  if (!resolve_serving_location (self, in, catalog, error))
    return FALSE;
  self->serve_power_inherited = self->serve_model != HU_SERVING_PER_REQUEST &&
                                isnan (in->serve_power) && in->serve_gpu == NULL;
  self->serve_intensity_inherited = isnan (in->serve_intensity) && in->serve_region == NULL;
  self->serve_pue_inherited = isnan (in->serve_pue) && in->serve_region == NULL;

  self->wh_per_request = in->wh_per_request;
  self->tokens_per_request = in->tokens_per_request;
  if (self->serve_model != HU_SERVING_PER_REQUEST)
    self->serve_count = isnan (in->serve_count) ? HU_DEFAULT_COUNT : in->serve_count;
  if (self->serve_model == HU_SERVING_COMPUTE)
    {
      if (!isnan (in->serve_utilization))
        {
          self->serve_utilization = in->serve_utilization;
          _hu_estimate_set_provenance (&self->serve_utilization_from, HU_ORIGIN_USER, NULL, 0);
        }
      else
        {
          self->serve_utilization = HU_DEFAULT_SERVE_UTILIZATION;
          _hu_estimate_set_provenance (&self->serve_utilization_from, HU_ORIGIN_BUILTIN,
                                       !_HU_ESTIMATE_WANTS_TEXT (self) ? NULL :
                                       /* xgettext:no-c-format */
                                       _("10 % of peak, the usual assumption for interactive LLM serving; large training runs reach 35–55 % (PaLM, Megatron, BLOOM)"), 0);
        }
    }

  /* Embodied carbon follows training's rule; the training's figures
   * apply when the model is served on the same accelerators. */
  if (!isnan (in->serve_embodied_kg))
    {
      self->serve_embodied_per_unit_kg = in->serve_embodied_kg;
      self->serve_lifetime_h = in->serve_lifetime_h;
    }
  else if (in->serve_gpu == NULL && self->serve_model != HU_SERVING_PER_REQUEST)
    {
      self->serve_embodied_per_unit_kg = in->embodied_kg;
      self->serve_lifetime_h = in->lifetime_h;
    }

  _hu_estimate_evaluate_serving (self);

  if (!check_finite (self, error))
    return FALSE;

  if (self->steps)
    derive_serving (self, in);
  return TRUE;
}

/* For _hu_estimate_set_input(): where a sampled serving input goes. */
gboolean
_hu_estimate_set_serving_input (HuEstimate *self,
                                HuInputKey  key,
                                double      value)
{
  switch (key)
    {
    case HU_INPUT_REQUESTS:           self->requests = value; break;
    case HU_INPUT_REQUESTS_PER_DAY:   self->requests_per_day = value; break;
    case HU_INPUT_DAYS:               self->days = value; break;
    case HU_INPUT_WH_PER_REQUEST:     self->wh_per_request = value; break;
    case HU_INPUT_TOKENS_PER_REQUEST: self->tokens_per_request = value; break;
    case HU_INPUT_ACTIVE_PARAMS:      self->active_params = value; break;
    case HU_INPUT_SERVE_COUNT:        self->serve_count = value; break;
    case HU_INPUT_SERVE_UTILIZATION:  self->serve_utilization = value; break;
    case HU_INPUT_SERVE_POWER:
      self->serve_power_w = value;
      self->serve_power_inherited = FALSE;
      break;
    case HU_INPUT_SERVE_INTENSITY:
      self->serve_intensity = value;
      self->serve_intensity_inherited = FALSE;
      break;
    case HU_INPUT_SERVE_PUE:
      self->serve_pue = value;
      self->serve_pue_inherited = FALSE;
      break;
    case HU_INPUT_SERVE_EMBODIED_KG:  self->serve_embodied_per_unit_kg = value; break;
    case HU_INPUT_SERVE_LIFETIME_H:   self->serve_lifetime_h = value; break;
    default:
      return FALSE;
    }
  return TRUE;
}

static const char *
model_name (HuServingModel model)
{
  switch (model)
    {
    case HU_SERVING_PER_REQUEST:
      return "per-request";
    case HU_SERVING_COMPUTE:
      return "compute";
    case HU_SERVING_FLEET:
      return "fleet";
    case HU_SERVING_NONE:
    default:
      return NULL;
    }
}

/* The keys of ARCHITECTURE.md §8, null without a deployment phase
 * (lifecycle_kg is then the training's total). */
void
_hu_estimate_serving_to_json (const HuEstimate *self,
                              JsonBuilder      *builder)
{
  _hu_json_add_double (builder, "inference_requests", self->requests);
  _hu_json_add_double (builder, "inference_energy_kwh", self->inference_energy_kwh);
  _hu_json_add_double (builder, "inference_emissions_kg", self->inference_emissions_kg);
  _hu_json_add_double (builder, "per_request_wh", self->per_request_wh);
  _hu_json_add_double (builder, "per_request_g", self->per_request_g);
  _hu_json_add_double (builder, "lifecycle_kg", self->lifecycle_kg);
  _hu_json_add_double (builder, "breakeven_requests", self->breakeven_requests);
  /* Beyond the contract: what a reader needs to check the numbers. */
  _hu_json_add_double (builder, "breakeven_days", self->breakeven_days);
  _hu_json_add_string (builder, "inference_model", model_name (self->serve_model));
  _hu_json_add_double (builder, "inference_gpu_hours", self->inference_gpu_hours);
  _hu_json_add_double (builder, "inference_embodied_kg", self->inference_embodied_kg);
  _hu_json_add_string (builder, "serve_gpu", self->serve_gpu);
  _hu_json_add_double (builder, "serve_power", self->serve_power_w);
  _hu_json_add_double (builder, "serve_pue", self->serve_pue);
  _hu_json_add_double (builder, "serve_intensity", self->serve_intensity);
  _hu_json_add_string (builder, "serve_region", self->serve_region);
}

/* Public API ---------------------------------------------------------------- */

/**
 * hu_estimate_has_serving:
 *
 * Returns: whether the estimate includes a deployment phase.
 */
gboolean
hu_estimate_has_serving (const HuEstimate *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->serve_model != HU_SERVING_NONE;
}

/**
 * hu_estimate_get_phases:
 *
 * Splits the lifecycle into development (the runs before the final one),
 * the final training run, serving and embodied carbon; the parts add up
 * to lifecycle_kg.
 */
void
hu_estimate_get_phases (const HuEstimate *self,
                        HuPhases         *phases)
{
  g_return_if_fail (self != NULL && phases != NULL);

  phases->training_kg = self->emissions_kg / self->retrain;
  phases->development_kg = self->emissions_kg - phases->training_kg;
  phases->serving_kg = hu_estimate_has_serving (self) ? self->inference_emissions_kg : 0.0;
  phases->embodied_kg = self->embodied_kg +
                        (hu_estimate_has_serving (self) ? self->inference_embodied_kg : 0.0);
}

/**
 * hu_estimate_lifecycle_kg_at_day:
 * @day: days since the deployment began, 0 ≤ @day
 *
 * The cumulative CO₂eq at @day of deployment: training first, then
 * serving at a steady rate.
 *
 * Returns: kg, or NAN when the days deployed are unknown.
 */
double
hu_estimate_lifecycle_kg_at_day (const HuEstimate *self,
                                 double            day)
{
  g_return_val_if_fail (self != NULL, NAN);

  if (!hu_estimate_has_serving (self) || !isfinite (self->days))
    return NAN;
  return self->total_kg +
         (self->inference_emissions_kg + self->inference_embodied_kg) * MAX (day, 0.0) / self->days;
}
