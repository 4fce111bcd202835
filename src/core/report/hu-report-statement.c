/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hu-core.h"
#include "hu-units.h"
#include "hu-report-statement-private.h"

/* What a reader pastes: the carbon impact statement of one scenario or
 * run, and its model-card block. Both read only the snapshot. */

static const char *
first_equivalence (HuReport *self)
{
  /* Driving is the equivalence readers grasp best; fall back to the first. */
  for (guint i = 0; i < self->equivalences->len; i++)
    {
      HuReportEquivalence *e = g_ptr_array_index (self->equivalences, i);

      if (e->kind != NULL && strstr (e->kind, "vehicle") != NULL)
        return e->label;
    }
  if (self->equivalences->len > 0)
    return ((HuReportEquivalence *) self->equivalences->pdata[0])->label;
  return NULL;
}

/* A statement's figures read as the tables and charts beside them do
 * (hu-units: the same thresholds, symbols and significant digits), each
 * alone in its own unit and without trailing zeros: "689.8 MWh",
 * "118 days", "0.5744 Wh", never "689821 kWh" or "0 kWh". */
static char *
quantity (HuUnitKind kind,
          double     value)
{
  return hu_unit_format_full (kind, value, NULL, 0, HU_UNITS_TRIM);
}

/* A figure and its likely range in one unit, so that the three can be
 * compared at a glance: "50.53 t (likely 41.20–62.71 t)". */
static void
quantity_range (HuUnitKind  kind,
                double      value,
                double      low,
                double      high,
                char      **value_text,
                char      **low_text,
                char      **high_text)
{
  const double all[] = { value, low, high };
  HuUnitScale scale;

  hu_unit_scale_init (&scale, kind, all, G_N_ELEMENTS (all), NULL, 0);
  *value_text = hu_unit_scale_format (&scale, value, HU_UNITS_DEFAULT);
  *low_text = hu_unit_scale_format_number (&scale, low, HU_UNITS_DEFAULT);
  *high_text = hu_unit_scale_format (&scale, high, HU_UNITS_DEFAULT);
}

/* Counts of things (accelerators, runs, requests): whole numbers as they
 * are, grouped as the locale groups; fractions to three digits. */
static char *
count_text (double value)
{
  if (value == floor (value))
    return hu_units_format_fixed (value, 0, HU_UNITS_DEFAULT);
  return hu_units_format_significant (value, 3, HU_UNITS_DEFAULT);
}

static char *
scenario_statement (HuReport         *self,
                    HuReportScenario *s)
{
  HuEstimate *e = s->estimate;
  g_autofree char *energy = NULL, *mass = NULL, *gpu_hours = NULL, *count = NULL;
  g_autofree char *pue = NULL, *intensity = NULL, *wall = NULL, *where = NULL;
  g_autofree char *gpu = NULL;
  GString *text;
  const char *equivalence;
  const HuInterval *interval;

  if (e == NULL)
    /* Translators: %s is a scenario name, then why it could not be estimated. */
    return g_strdup_printf (_("The footprint of %s could not be estimated: %s"), s->name, s->error);

  energy = quantity (HU_UNIT_ENERGY_KWH, e->energy_kwh);
  gpu_hours = quantity (HU_UNIT_GPU_HOURS, e->gpu_hours);
  count = count_text (e->count);
  pue = hu_units_format_pue (e->pue, HU_UNITS_DEFAULT);
  /* As the derivation and the inputs table give it: four digits at most. */
  intensity = hu_units_format_intensity (e->intensity, HU_UNITS_DEFAULT);
  wall = quantity (HU_UNIT_HOURS, e->wall_hours);
  gpu = hu_gpu_name_for_display (e->gpu_name);
  where = e->region_name != NULL ? g_strdup_printf (" (%s)", _hu_report_region_name (s))
                                  : g_strdup ("");

  text = g_string_new (NULL);
  /* Translators: the carbon impact statement. Arguments: scenario name,
   * energy with its unit ("689.8 MWh"), accelerator time with its unit
   * ("1,083 thousand GPU-h"), accelerator count, accelerator name,
   * wall-clock time with its unit ("118 days"), PUE. Keep it one
   * paragraph a paper can quote. */
  g_string_append_printf (text, _("Training %s used an estimated %s of electricity "
                                  "(%s on %s × %s over %s of wall-clock time per run, "
                                  "data-centre PUE %s), "),
                          s->name, energy, gpu_hours, count,
                          gpu != NULL ? gpu : (e->gpu != NULL ? e->gpu : _("accelerators")),
                          wall, pue);
  interval = _hu_report_interval (s, "total_kg");
  if (interval != NULL)
    {
      g_autofree char *low = NULL, *high = NULL;

      quantity_range (HU_UNIT_MASS_KG, e->total_kg, interval->p05, interval->p95,
                      &mass, &low, &high);
      /* Translators: continues the statement: CO₂eq with its unit
       * ("50.53 t"), its likely range (low without its unit, high with
       * it: "41.20", "62.71 t"), intensity with its unit ("430 g
       * CO₂eq/kWh"), location. */
      g_string_append_printf (text, _("emitting an estimated %s CO₂eq (likely %s–%s, 5th–95th percentile) at a carbon intensity of %s%s"),
                              mass, low, high, intensity, where);
    }
  else
    {
      mass = quantity (HU_UNIT_MASS_KG, e->total_kg);
      /* Translators: continues the statement: CO₂eq with its unit
       * ("50.53 t"), intensity with its unit ("430 g CO₂eq/kWh"),
       * location. */
      g_string_append_printf (text, _("emitting an estimated %s CO₂eq at a carbon intensity of %s%s"),
                              mass, intensity, where);
    }
  if (e->retrain > 1)
    {
      g_autofree char *runs = count_text (e->retrain);

      /* Translators: appended when several training runs are counted. */
      g_string_append_printf (text, _(", counting %s training runs"), runs);
    }
  if (e->embodied_kg > 0)
    {
      g_autofree char *embodied = quantity (HU_UNIT_MASS_KG, e->embodied_kg);

      /* Translators: %s is a mass with its unit, "11.21 t". */
      g_string_append_printf (text, _(", of which %s CO₂eq is the hardware’s embodied carbon"), embodied);
    }
  g_string_append (text, ". ");

  /* The deployment phase (issue 11): what serving adds, and the whole. */
  if (hu_estimate_has_serving (e))
    {
      g_autofree char *requests = count_text (e->requests);
      g_autofree char *s_energy = quantity (HU_UNIT_ENERGY_KWH, e->inference_energy_kwh);
      g_autofree char *s_mass = quantity (HU_UNIT_MASS_KG,
                                          e->inference_emissions_kg + e->inference_embodied_kg);
      g_autofree char *per_request = quantity (HU_UNIT_ENERGY_KWH, e->per_request_wh / 1000);
      g_autofree char *life = quantity (HU_UNIT_MASS_KG, e->lifecycle_kg);

      /* Translators: the carbon impact statement's deployment phase.
       * Arguments: requests, energy ("914 kWh"), energy per request
       * ("3.961 Wh"), CO₂eq of serving ("432.1 kg"), CO₂eq of the whole
       * lifecycle ("50.96 t"), each with its unit. */
      g_string_append_printf (text, _("Serving %s requests used an estimated %s (%s per "
                                      "request) and %s CO₂eq, for a lifecycle total of %s "
                                      "CO₂eq. "),
                              requests, s_energy, per_request, s_mass, life);
    }

  equivalence = first_equivalence (self);
  if (equivalence != NULL && g_strcmp0 (s->id, self->subject_id) == 0 &&
      hu_estimate_has_serving (e))
    /* Translators: after a lifecycle total, the equivalence of the
     * training's CO₂eq (as the report's Equivalences section computes
     * it), not of the total: "11.8 years of driving a petrol car". */
    g_string_append_printf (text, _("The training’s CO₂eq alone is comparable to %s. "),
                            equivalence);
  else if (equivalence != NULL && g_strcmp0 (s->id, self->subject_id) == 0)
    /* Translators: %s is an equivalence, "15.7 years of driving a car". */
    g_string_append_printf (text, _("This is comparable to %s. "), equivalence);

  /* Translators: %s is Huella's version. */
  g_string_append_printf (text, _("Figures computed with Huella %s from the inputs and "
                                  "catalog sources listed in this report."), PACKAGE_VERSION);

  return g_string_free (text, FALSE);
}

static char *
run_statement (HuReport    *self,
               HuReportRun *r)
{
  const HuRunData *d = &r->data;
  g_autofree char *energy = quantity (HU_UNIT_ENERGY_KWH, d->energy_kwh);
  g_autofree char *mass = quantity (HU_UNIT_MASS_KG, d->emissions_kg);
  g_autofree char *duration = quantity (HU_UNIT_HOURS, d->duration_s / 3600);
  g_autofree char *tracker = g_strdup_printf ("%s%s%s", d->source != NULL ? d->source : _("a tracker"),
                                              d->source_version != NULL ? " " : "",
                                              d->source_version != NULL ? d->source_version : "");

  /* Translators: statement for a measured run: name, energy with its
   * unit ("21.6 Wh"), duration with its unit ("9.3 min"), CO₂eq with its
   * unit ("1.8 g"), tracker name and version, Huella version. */
  return g_strdup_printf (_("Training %s used %s of electricity over %s, emitting %s "
                            "CO₂eq, as measured with %s; figures compiled with Huella %s."),
                          r->name, energy, duration, mass, tracker, PACKAGE_VERSION);
}

char *
_hu_report_statement (HuReport   *self,
                      const char *id,
                      gboolean   *found)
{
  *found = TRUE;

  for (guint i = 0; i < self->scenarios->len; i++)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, i);

      if (g_strcmp0 (s->id, id) == 0)
        return scenario_statement (self, s);
    }
  for (guint i = 0; i < self->runs->len; i++)
    {
      HuReportRun *r = g_ptr_array_index (self->runs, i);

      if (g_strcmp0 (r->id, id) == 0)
        return run_statement (self, r);
    }

  *found = FALSE;
  return NULL;
}

/**
 * hu_report_get_statement:
 * @self: a #HuReport
 * @id: (nullable): a scenario or run id; %NULL for the report's subject
 * @error: return location for an error
 *
 * Returns: (transfer full): the carbon impact statement, or %NULL if @id
 *   names nothing
 */
char *
hu_report_get_statement (HuReport    *self,
                         const char  *id,
                         GError     **error)
{
  gboolean found;
  char *text;

  g_return_val_if_fail (HU_IS_REPORT (self), NULL);

  if (id == NULL)
    id = self->subject_id;
  if (id == NULL)
    {
      g_set_error (error, HU_REPORT_ERROR, HU_REPORT_ERROR_EMPTY,
                   _("The project has no scenario and no measured run"));
      return NULL;
    }

  text = _hu_report_statement (self, id, &found);
  if (!found)
    g_set_error (error, HU_REPORT_ERROR, HU_REPORT_ERROR_UNKNOWN_ITEM,
                 _("No scenario or run with id “%s”"), id);
  return text;
}

/* ---------------------------------------------------------------------- */
/* Model card                                                              */

static void
yaml_string (GString    *out,
             const char *key,
             const char *value)
{
  /* Double-quoted YAML scalars: escape backslash and quote; control
   * characters never come from our strings but are dropped to be safe. */
  if (value == NULL || value[0] == '\0')
    return;
  g_string_append_printf (out, "  %s: \"", key);
  for (const char *p = value; p != NULL && *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if ((guchar) *p >= 0x20)
        g_string_append_c (out, *p);
    }
  g_string_append (out, "\"\n");
}

/* `emissions` is in grams (https://huggingface.co/docs/hub/model-cards-co2):
 * to the centigram for a gram or more, four significant digits below, so a
 * short run's 0.04002 g does not become 0.04. */
static void
yaml_grams (GString *out,
            double   kg)
{
  double grams = kg * 1000;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (grams >= 1)
    {
      g_autofree char *text = hu_number_to_string (round (grams * 100) / 100);

      g_string_append_printf (out, "  emissions: %s\n", text);
      return;
    }
  g_string_append_printf (out, "  emissions: %s\n",
                          g_ascii_formatd (buffer, sizeof buffer, "%.4g", grams));
}

/* Hugging Face model cards take `co2_eq_emissions` in grams, with the
 * source, training type, location and hardware used. A field we do not
 * know is left out rather than written empty. */
char *
_hu_report_model_card (HuReport   *self,
                       const char *id)
{
  GString *out = g_string_new ("co2_eq_emissions:\n");

  for (guint i = 0; i < self->scenarios->len; i++)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, i);
      HuEstimate *e = s->estimate;
      g_autofree char *hardware = NULL;
      g_autofree char *count = NULL;

      if (g_strcmp0 (s->id, id) != 0 || e == NULL)
        continue;
      yaml_grams (out, e->total_kg);
      yaml_string (out, "source", "Huella " PACKAGE_VERSION " estimate");
      yaml_string (out, "training_type", "pre-training");
      yaml_string (out, "geographical_location",
                   e->region_name != NULL ? e->region_name : e->region);
      count = hu_number_to_string (e->count);
      hardware = g_strdup_printf ("%s x %s", count,
                                  e->gpu_name != NULL ? e->gpu_name : (e->gpu != NULL ? e->gpu : ""));
      yaml_string (out, "hardware_used", hardware);
      return g_string_free (out, FALSE);
    }

  for (guint i = 0; i < self->runs->len; i++)
    {
      HuReportRun *r = g_ptr_array_index (self->runs, i);
      const HuRunData *d = &r->data;
      g_autofree char *source = NULL;
      g_autofree char *hardware = NULL;

      if (g_strcmp0 (r->id, id) != 0 || !isfinite (d->emissions_kg))
        continue;
      yaml_grams (out, d->emissions_kg);
      source = g_strdup_printf ("%s%s%s", d->source != NULL ? d->source : "tracker",
                                d->source_version != NULL ? " " : "",
                                d->source_version != NULL ? d->source_version : "");
      yaml_string (out, "source", source);
      yaml_string (out, "training_type", "pre-training");
      yaml_string (out, "geographical_location", d->region != NULL ? d->region : d->country);
      if (d->gpu_model != NULL)
        {
          g_autofree char *count = isfinite (d->gpu_count) ? hu_number_to_string (d->gpu_count)
                                                           : g_strdup ("1");

          hardware = g_strdup_printf ("%s x %s", count, d->gpu_model);
          yaml_string (out, "hardware_used", hardware);
        }
      return g_string_free (out, FALSE);
    }

  g_string_free (out, TRUE);
  return NULL;
}
