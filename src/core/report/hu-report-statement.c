/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hu-core.h"
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

static char *
scenario_statement (HuReport         *self,
                    HuReportScenario *s)
{
  HuEstimate *e = s->estimate;
  g_autofree char *kwh = NULL, *kg = NULL, *gpu_hours = NULL, *count = NULL;
  g_autofree char *pue = NULL, *intensity = NULL, *wall = NULL, *where = NULL;
  GString *text;
  const char *equivalence;
  const HuInterval *interval;

  if (e == NULL)
    /* Translators: %s is a scenario name, then why it could not be estimated. */
    return g_strdup_printf (_("The footprint of %s could not be estimated: %s"), s->name, s->error);

  kwh = _hu_format_decimals (e->energy_kwh, e->energy_kwh < 100 ? 1 : 0);
  kg = _hu_format_decimals (e->total_kg, e->total_kg < 100 ? 1 : 0);
  gpu_hours = _hu_format_decimals (e->gpu_hours, 0);
  count = e->count == floor (e->count) ? _hu_format_decimals (e->count, 0)
                                       : _hu_format_significant (e->count, 3);
  pue = _hu_format_decimals (e->pue, 2);
  intensity = _hu_format_decimals (e->intensity, 0);
  wall = hu_format_duration (e->wall_hours);
  where = e->region_name != NULL ? g_strdup_printf (" (%s)", e->region_name) : g_strdup ("");

  text = g_string_new (NULL);
  /* Translators: the carbon impact statement. Arguments: scenario name,
   * energy in kWh, GPU-hours, accelerator count, accelerator name,
   * wall-clock time, PUE. Keep it one paragraph a paper can quote. */
  g_string_append_printf (text, _("Training %s used an estimated %s kWh of electricity "
                                  "(%s GPU-hours on %s × %s over %s of wall-clock time per run, "
                                  "data-centre PUE %s), "),
                          s->name, kwh, gpu_hours, count,
                          e->gpu_name != NULL ? e->gpu_name : (e->gpu != NULL ? e->gpu : _("accelerators")),
                          wall, pue);
  interval = _hu_report_interval (s, "total_kg");
  if (interval != NULL)
    {
      g_autofree char *low = _hu_format_decimals (interval->p05, interval->p05 < 100 ? 1 : 0);
      g_autofree char *high = _hu_format_decimals (interval->p95, interval->p95 < 100 ? 1 : 0);

      /* Translators: continues the statement: kg CO₂eq, its likely range
       * (low, high), intensity, location. */
      g_string_append_printf (text, _("emitting an estimated %s kg CO₂eq (likely %s–%s kg, 5th–95th percentile) at a carbon intensity of %s gCO₂eq/kWh%s"),
                              kg, low, high, intensity, where);
    }
  else
    /* Translators: continues the statement: kg CO₂eq, intensity, location. */
    g_string_append_printf (text, _("emitting an estimated %s kg CO₂eq at a carbon intensity of %s gCO₂eq/kWh%s"),
                            kg, intensity, where);
  if (e->retrain > 1)
    {
      g_autofree char *runs = _hu_format_significant (e->retrain, 3);

      /* Translators: appended when several training runs are counted. */
      g_string_append_printf (text, _(", counting %s training runs"), runs);
    }
  if (e->embodied_kg > 0)
    {
      g_autofree char *embodied = _hu_format_decimals (e->embodied_kg, 0);

      g_string_append_printf (text, _(", of which %s kg CO₂eq is the hardware’s embodied carbon"), embodied);
    }
  g_string_append (text, ". ");

  /* The deployment phase (issue 11): what serving adds, and the whole. */
  if (hu_estimate_has_serving (e))
    {
      g_autofree char *requests = _hu_format_decimals (e->requests, 0);
      g_autofree char *s_kwh = _hu_format_decimals (e->inference_energy_kwh, 0);
      g_autofree char *s_kg = _hu_format_decimals (e->inference_emissions_kg + e->inference_embodied_kg, 0);
      g_autofree char *wh = _hu_format_significant (e->per_request_wh, 3);
      g_autofree char *life = _hu_format_decimals (e->lifecycle_kg, 0);

      /* Translators: the carbon impact statement's deployment phase.
       * Arguments: requests, kWh, Wh per request, kg CO₂eq of serving,
       * kg CO₂eq of the whole lifecycle. */
      g_string_append_printf (text, _("Serving %s requests used an estimated %s kWh (%s Wh per "
                                      "request) and %s kg CO₂eq, for a lifecycle total of %s kg "
                                      "CO₂eq. "),
                              requests, s_kwh, wh, s_kg, life);
    }

  equivalence = first_equivalence (self);
  if (equivalence != NULL && g_strcmp0 (s->id, self->subject_id) == 0)
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
  g_autofree char *kwh = _hu_format_decimals (d->energy_kwh, d->energy_kwh < 100 ? 2 : 0);
  g_autofree char *kg = _hu_format_decimals (d->emissions_kg, d->emissions_kg < 100 ? 2 : 0);
  g_autofree char *duration = hu_format_duration (d->duration_s / 3600);
  g_autofree char *tracker = g_strdup_printf ("%s%s%s", d->source != NULL ? d->source : _("a tracker"),
                                              d->source_version != NULL ? " " : "",
                                              d->source_version != NULL ? d->source_version : "");

  /* Translators: statement for a measured run: name, kWh, duration,
   * kg CO₂eq, tracker name and version, Huella version. */
  return g_strdup_printf (_("Training %s used %s kWh of electricity over %s, emitting %s kg "
                            "CO₂eq, as measured with %s; figures compiled with Huella %s."),
                          r->name, kwh, duration, kg, tracker, PACKAGE_VERSION);
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
