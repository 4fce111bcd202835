/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hu-core.h"
#include "hu-chart-private.h"
#include "hu-report.h"
#include "hu-report-private.h"

/*
 * HuReport is a snapshot: hu_report_new() copies everything it needs from
 * the project on the caller's thread, and the exporters only read it. That
 * is what makes hu_report_export() safe in a GTask thread while the user
 * keeps editing the project.
 */

G_DEFINE_FINAL_TYPE (HuReport, hu_report, G_TYPE_OBJECT)
G_DEFINE_QUARK (hu-report-error-quark, hu_report_error)

#define SOURCES_RESOURCE "/io/github/huella/Huella/catalog/SOURCES.md"

static const struct {
  const char *name;
  const char *extension;
} formats[HU_N_REPORT_FORMATS] = {
  [HU_REPORT_FORMAT_PDF] = { "pdf", "pdf" },
  [HU_REPORT_FORMAT_SVG] = { "svg", "svg" },
  [HU_REPORT_FORMAT_PNG] = { "png", "png" },
  [HU_REPORT_FORMAT_CSV] = { "csv", "csv" },
  [HU_REPORT_FORMAT_JSON] = { "json", "json" },
  [HU_REPORT_FORMAT_MARKDOWN] = { "markdown", "md" },
  [HU_REPORT_FORMAT_LATEX] = { "latex", "tex" },
};

/* ---------------------------------------------------------------------- */
/* Options and formats                                                     */

/**
 * hu_report_options_init:
 * @options: (out caller-allocates): options to fill with the defaults
 */
void
hu_report_options_init (HuReportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->paper = HU_PAPER_A4;
  options->sections = HU_REPORT_INCLUDE_ALL;
  options->chart_metric = HU_METRIC_TOTAL_KG;
  options->chart_width = 800;
  options->chart_height = 500;
  options->chart_scale = 1;
}

const char *
hu_report_format_to_string (HuReportFormat format)
{
  g_return_val_if_fail (format < HU_N_REPORT_FORMATS, NULL);
  return formats[format].name;
}

gboolean
hu_report_format_from_string (const char     *text,
                              HuReportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < HU_N_REPORT_FORMATS; i++)
    if (g_ascii_strcasecmp (text, formats[i].name) == 0
        || g_ascii_strcasecmp (text, formats[i].extension) == 0)
      {
        *format = i;
        return TRUE;
      }

  return FALSE;
}

gboolean
hu_report_format_from_path (const char     *path,
                            HuReportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;

  return hu_report_format_from_string (dot + 1, format);
}

/* ---------------------------------------------------------------------- */
/* Snapshot                                                                */

static void
report_scenario_free (gpointer data)
{
  HuReportScenario *s = data;

  g_free (s->id);
  g_free (s->name);
  g_free (s->notes);
  g_free (s->run_id);
  hu_inputs_clear (&s->inputs);
  g_clear_pointer (&s->estimate, hu_estimate_unref);
  g_free (s->error);
  g_free (s);
}

static void
report_run_free (gpointer data)
{
  HuReportRun *r = data;

  g_free (r->id);
  g_free (r->name);
  hu_run_data_clear (&r->data);
  g_free (r);
}

static void
report_equivalence_free (gpointer data)
{
  HuReportEquivalence *e = data;

  g_free (e->kind);
  g_free (e->title);
  g_free (e->label);
  g_free (e->explanation);
  g_free (e->unit);
  g_free (e->source);
  g_free (e);
}

static void
report_reference_free (gpointer data)
{
  HuReportReference *r = data;

  g_free (r->dataset);
  g_free (r->publisher);
  g_free (r->year);
  g_free (r->licence);
  g_free (r);
}

static void
snapshot_scenarios (HuReport  *self,
                    HuProject *project,
                    HuCatalog *catalog)
{
  GListModel *model = G_LIST_MODEL (hu_project_get_scenarios (project));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HuScenario) scenario = g_list_model_get_item (model, i);
      g_autoptr(GError) error = NULL;
      HuReportScenario *s = g_new0 (HuReportScenario, 1);
      const char *name = hu_scenario_get_name (scenario);

      s->id = g_strdup (hu_scenario_get_id (scenario));
      s->name = g_strdup (name != NULL && name[0] != '\0' ? name : s->id);
      s->notes = g_strdup (hu_scenario_get_notes (scenario));
      s->run_id = g_strdup (hu_scenario_get_run_id (scenario));
      hu_inputs_init (&s->inputs);
      hu_inputs_copy (hu_scenario_get_inputs (scenario), &s->inputs);
      s->estimate = hu_estimate_compute (&s->inputs, catalog, HU_ESTIMATE_FLAGS_NONE, &error);
      if (s->estimate == NULL)
        s->error = g_strdup (error->message);
      g_ptr_array_add (self->scenarios, s);
    }
}

static void
snapshot_runs (HuReport  *self,
               HuProject *project)
{
  GListModel *model = G_LIST_MODEL (hu_project_get_runs (project));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HuMeasuredRun) run = g_list_model_get_item (model, i);
      HuReportRun *r = g_new0 (HuReportRun, 1);
      const char *name = hu_measured_run_get_name (run);

      r->id = g_strdup (hu_measured_run_get_id (run));
      r->name = g_strdup (name != NULL && name[0] != '\0' ? name : r->id);
      hu_run_data_copy (hu_measured_run_get_data (run), &r->data);
      g_ptr_array_add (self->runs, r);
    }
}

static void
snapshot_catalog (HuReport  *self,
                  HuCatalog *catalog)
{
  g_autoptr(GPtrArray) gpus = hu_catalog_list_gpus (catalog);
  g_autoptr(GPtrArray) regions = hu_catalog_list_regions (catalog);

  self->n_catalog_gpus = gpus != NULL ? gpus->len : 0;
  self->n_catalog_regions = regions != NULL ? regions->len : 0;
  for (guint i = 0; gpus != NULL && i < gpus->len; i++)
    self->catalog_gpu_year = MAX (self->catalog_gpu_year, ((HuGpu *) gpus->pdata[i])->year);
  for (guint i = 0; regions != NULL && i < regions->len; i++)
    self->catalog_region_year = MAX (self->catalog_region_year,
                                     ((HuRegion *) regions->pdata[i])->year);
}

/* The subject's total, whichever it is: a scenario's estimate or a run's
 * measurement. */
static double
subject_total_kg (HuReport *self)
{
  for (guint i = 0; i < self->scenarios->len; i++)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, i);

      if (g_strcmp0 (s->id, self->subject_id) == 0)
        return s->estimate != NULL ? s->estimate->total_kg : NAN;
    }
  for (guint i = 0; i < self->runs->len; i++)
    {
      HuReportRun *r = g_ptr_array_index (self->runs, i);

      if (g_strcmp0 (r->id, self->subject_id) == 0)
        return r->data.emissions_kg;
    }
  return NAN;
}

static void
snapshot_equivalences (HuReport   *self,
                       HuCatalog  *catalog,
                       const char *set_id)
{
  const HuEquivalenceSet *set;
  g_autoptr(GPtrArray) computed = NULL;
  double total = subject_total_kg (self);

  set = hu_catalog_lookup_equivalence_set (catalog, set_id);
  if (set == NULL)
    return;

  self->equivalence_set_name = g_strdup (set->name);
  self->equivalence_set_source = g_strdup (set->source);
  self->equivalence_set_year = set->year;
  if (!isfinite (total))
    return;

  computed = hu_equivalences_compute (set, total);
  for (guint i = 0; i < computed->len; i++)
    {
      HuEquivalence *eq = g_ptr_array_index (computed, i);
      HuReportEquivalence *e = g_new0 (HuReportEquivalence, 1);

      e->kind = g_strdup (eq->factor->kind);
      e->title = g_strdup (hu_equivalence_kind_title (eq->factor->kind));
      e->label = g_strdup (eq->label);
      e->explanation = g_strdup (eq->explanation);
      e->amount = eq->amount;
      e->kg_per_unit = eq->factor->kg_per_unit;
      e->unit = g_strdup (eq->factor->unit);
      e->year = eq->factor->year;
      e->source = g_strdup (eq->factor->source);
      g_ptr_array_add (self->equivalences, e);
    }
}

static char *
strip_markdown (const char *cell)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = cell; *p != '\0'; p++)
    if (*p != '`' && *p != '*')
      g_string_append_c (out, *p);

  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

/* References come from the catalog's own SOURCES.md table, so the report
 * cites exactly the datasets compiled into this build. */
static void
snapshot_references (HuReport *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;

  bytes = g_resources_lookup_data (SOURCES_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return;

  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      HuReportReference *ref;

      if (!g_str_has_prefix (lines[i], "| ") || g_str_has_prefix (lines[i], "| Dataset")
          || g_str_has_prefix (lines[i], "|---"))
        continue;
      cells = g_strsplit (lines[i], "|", -1);
      if (g_strv_length (cells) < 6)
        continue;
      ref = g_new0 (HuReportReference, 1);
      ref->dataset = strip_markdown (cells[1]);
      ref->publisher = strip_markdown (cells[2]);
      ref->year = strip_markdown (cells[3]);
      ref->licence = strip_markdown (cells[4]);
      g_ptr_array_add (self->references, ref);
    }
}

static gboolean
has_item (HuReport   *self,
          const char *id,
          gboolean    runs_too)
{
  for (guint i = 0; i < self->scenarios->len; i++)
    if (g_strcmp0 (((HuReportScenario *) self->scenarios->pdata[i])->id, id) == 0)
      return TRUE;
  for (guint i = 0; runs_too && i < self->runs->len; i++)
    if (g_strcmp0 (((HuReportRun *) self->runs->pdata[i])->id, id) == 0)
      return TRUE;
  return FALSE;
}

static void
copy_options (HuReport              *self,
              HuProject             *project,
              const HuReportOptions *options)
{
  const char *title = options->title != NULL ? options->title : hu_project_get_title (project);

  self->title = g_strdup (title != NULL && title[0] != '\0' ? title : _("Training footprint report"));
  self->author = g_strdup (options->author);
  self->notes = g_strdup (options->notes != NULL ? options->notes : hu_project_get_notes (project));
  self->date = options->date != NULL ? g_date_time_ref (options->date) : g_date_time_new_now_local ();
  self->currency = g_strdup (hu_project_get_currency (project));
  self->paper = options->paper;
  self->sections = options->sections;
  self->chart_metric = options->chart_metric < HU_N_METRICS ? options->chart_metric
                                                            : HU_METRIC_TOTAL_KG;
  self->chart_width = options->chart_width > 0 ? options->chart_width : 800;
  self->chart_height = options->chart_height > 0 ? options->chart_height : 500;
  self->chart_scale = options->chart_scale > 0 ? options->chart_scale : 1;
  self->dark = options->dark;
}

/**
 * hu_report_new:
 * @project: the project to report on
 * @options: (nullable): what to include; %NULL for the defaults
 * @error: return location for an error
 *
 * Returns: (transfer full): the report, or %NULL if an id in @options
 *   names no scenario or run (%HU_REPORT_ERROR_UNKNOWN_BASELINE for the
 *   baseline, %HU_REPORT_ERROR_UNKNOWN_ITEM for the subject)
 */
HuReport *
hu_report_new (HuProject              *project,
               const HuReportOptions  *options,
               GError                **error)
{
  g_autoptr(HuReport) self = NULL;
  HuReportOptions defaults;
  HuCatalog *catalog;

  g_return_val_if_fail (HU_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      hu_report_options_init (&defaults);
      options = &defaults;
    }

  self = g_object_new (HU_TYPE_REPORT, NULL);
  copy_options (self, project, options);
  catalog = hu_project_get_catalog (project);

  snapshot_scenarios (self, project, catalog);
  snapshot_runs (self, project);
  snapshot_catalog (self, catalog);
  snapshot_references (self);

  if (options->baseline_id != NULL && !has_item (self, options->baseline_id, FALSE))
    {
      g_set_error (error, HU_REPORT_ERROR, HU_REPORT_ERROR_UNKNOWN_BASELINE,
                   _("No scenario with id “%s” for the baseline"), options->baseline_id);
      return NULL;
    }
  if (options->subject_id != NULL && !has_item (self, options->subject_id, TRUE))
    {
      g_set_error (error, HU_REPORT_ERROR, HU_REPORT_ERROR_UNKNOWN_ITEM,
                   _("No scenario or run with id “%s”"), options->subject_id);
      return NULL;
    }

  if (options->baseline_id != NULL)
    self->baseline_id = g_strdup (options->baseline_id);
  else if (self->scenarios->len > 0)
    self->baseline_id = g_strdup (((HuReportScenario *) self->scenarios->pdata[0])->id);

  if (options->subject_id != NULL)
    self->subject_id = g_strdup (options->subject_id);
  else if (self->baseline_id != NULL)
    self->subject_id = g_strdup (self->baseline_id);
  else if (self->runs->len > 0)
    self->subject_id = g_strdup (((HuReportRun *) self->runs->pdata[0])->id);

  snapshot_equivalences (self, catalog, options->equivalence_set != NULL
                                          ? options->equivalence_set : "epa-current");

  return g_steal_pointer (&self);
}

/* ---------------------------------------------------------------------- */
/* Statement                                                               */

const HuReportScenario *
_hu_report_baseline (HuReport *self)
{
  for (guint i = 0; i < self->scenarios->len; i++)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, i);

      if (g_strcmp0 (s->id, self->baseline_id) == 0)
        return s;
    }
  return NULL;
}

double
_hu_report_baseline_total (HuReport *self)
{
  const HuReportScenario *b = _hu_report_baseline (self);

  return b != NULL && b->estimate != NULL ? b->estimate->total_kg : NAN;
}

/* A run and a scenario are linked from either side: the scenario's "run"
 * (a plan made from a run) or the run's "scenario" (a run of a plan). */
const HuReportScenario *
_hu_report_linked_scenario (HuReport          *self,
                            const HuReportRun *run)
{
  for (guint i = 0; i < self->scenarios->len; i++)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, i);

      if ((run->data.scenario_id != NULL && g_strcmp0 (s->id, run->data.scenario_id) == 0)
          || (s->run_id != NULL && g_strcmp0 (s->run_id, run->id) == 0))
        return s;
    }
  return NULL;
}

double
_hu_report_pct_change (double value,
                       double reference)
{
  if (!isfinite (value) || !isfinite (reference) || reference == 0)
    return NAN;
  return (value - reference) / reference * 100;
}

/* Measured against estimated, as the app's run view shows it: trackers
 * measure operational emissions only, so the estimate's operational CO₂eq
 * (without embodied carbon) is compared, and a difference is how far the
 * estimate is from the measurement, (estimated − measured) ÷ measured. */
gboolean
_hu_report_compare_run (HuReport           *self,
                        const HuReportRun  *run,
                        HuReportComparison *c)
{
  const HuReportScenario *s = _hu_report_linked_scenario (self, run);
  const HuRunData *d = &run->data;

  c->scenario = s;
  c->measured_kwh = d->energy_kwh;
  c->measured_kg = d->emissions_kg;
  c->measured_hours = isfinite (d->duration_s) ? d->duration_s / 3600 : NAN;
  c->estimated_kwh = c->estimated_kg = c->estimated_hours = NAN;
  if (s != NULL && s->estimate != NULL)
    {
      c->estimated_kwh = s->estimate->energy_kwh;
      c->estimated_kg = s->estimate->emissions_kg;
      c->estimated_hours = s->estimate->wall_hours;
    }
  c->kwh_pct = _hu_report_pct_change (c->estimated_kwh, c->measured_kwh);
  c->kg_pct = _hu_report_pct_change (c->estimated_kg, c->measured_kg);
  c->hours_pct = _hu_report_pct_change (c->estimated_hours, c->measured_hours);

  return s != NULL && s->estimate != NULL;
}

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

/* ---------------------------------------------------------------------- */
/* Export                                                                  */

static GBytes *
chart_bytes (HuReport       *self,
             HuReportFormat  format,
             GError        **error)
{
  g_autoptr(HuChart) chart = NULL;
  HuChartStyle style;
  HuReportBlock block = { HU_BLOCK_CHART, 0 };
  GBytes *bytes;

  if (self->scenarios->len == 0 && self->runs->len == 0)
    {
      g_set_error (error, HU_REPORT_ERROR, HU_REPORT_ERROR_EMPTY,
                   _("The project has no scenario and no measured run to chart"));
      return NULL;
    }

  block.metric = self->chart_metric;
  block.run = -1;
  chart = _hu_report_build_chart (self, &block);

  hu_chart_style_init (&style, self->dark);
  if (format == HU_REPORT_FORMAT_SVG)
    bytes = _hu_chart_to_svg (chart, self->chart_width, self->chart_height, &style, error);
  else
    bytes = _hu_chart_to_png (chart, self->chart_width, self->chart_height,
                              self->chart_scale, &style, error);
  hu_chart_style_clear (&style);

  return bytes;
}

/**
 * hu_report_export_bytes:
 * @self: a #HuReport
 * @format: the format
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Returns: (transfer full): the exported document, or %NULL on error
 */
GBytes *
hu_report_export_bytes (HuReport        *self,
                        HuReportFormat   format,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_return_val_if_fail (HU_IS_REPORT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  switch (format)
    {
    case HU_REPORT_FORMAT_PDF:
      return _hu_report_to_pdf (self, cancellable, error);
    case HU_REPORT_FORMAT_SVG:
    case HU_REPORT_FORMAT_PNG:
      return chart_bytes (self, format, error);
    case HU_REPORT_FORMAT_CSV:
      return _hu_report_to_csv (self);
    case HU_REPORT_FORMAT_JSON:
      return _hu_report_to_json (self);
    case HU_REPORT_FORMAT_MARKDOWN:
      return _hu_report_to_markdown (self, cancellable, error);
    case HU_REPORT_FORMAT_LATEX:
      return _hu_report_to_latex (self, cancellable, error);
    case HU_N_REPORT_FORMATS:
    default:
      g_set_error (error, HU_REPORT_ERROR, HU_REPORT_ERROR_UNKNOWN_FORMAT,
                   _("Unknown report format %d"), format);
      return NULL;
    }
}

/**
 * hu_report_export:
 * @self: a #HuReport
 * @format: the format
 * @path: the file to write; replaced atomically
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Returns: %TRUE if @path was written
 */
gboolean
hu_report_export (HuReport        *self,
                  HuReportFormat   format,
                  const char      *path,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (HU_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = hu_report_export_bytes (self, format, cancellable, error);
  if (bytes == NULL)
    return FALSE;
  /* Last chance to cancel before the file is touched. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  return _hu_write_file_atomic (path, data, length, error);
}

const char *
hu_report_get_title (HuReport *self)
{
  g_return_val_if_fail (HU_IS_REPORT (self), NULL);
  return self->title;
}

guint
hu_report_get_n_scenarios (HuReport *self)
{
  g_return_val_if_fail (HU_IS_REPORT (self), 0);
  return self->scenarios->len;
}

guint
hu_report_get_n_runs (HuReport *self)
{
  g_return_val_if_fail (HU_IS_REPORT (self), 0);
  return self->runs->len;
}

void
_hu_report_paper_size (HuPaperSize  paper,
                       double      *width,
                       double      *height)
{
  if (paper == HU_PAPER_LETTER)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 595.276;
      *height = 841.89;
    }
}

void
hu_report_get_page_size (HuReport *self,
                         double   *width_pt,
                         double   *height_pt)
{
  double w, h;

  g_return_if_fail (HU_IS_REPORT (self));

  _hu_report_paper_size (self->paper, &w, &h);
  if (width_pt != NULL)
    *width_pt = w;
  if (height_pt != NULL)
    *height_pt = h;
}

guint
hu_report_get_n_pages (HuReport *self)
{
  g_return_val_if_fail (HU_IS_REPORT (self), 0);
  return _hu_report_paginate (self, NULL, -1, NULL);
}

/**
 * hu_report_render_page:
 * @self: a #HuReport
 * @page: 0-based page number
 * @cr: where to draw
 * @width: box to fit the page into
 * @height: box to fit the page into
 *
 * Draws one PDF page for a preview, with the same code as the PDF.
 *
 * Returns: %FALSE if there is no such page
 */
gboolean
hu_report_render_page (HuReport *self,
                       guint     page,
                       cairo_t  *cr,
                       double    width,
                       double    height)
{
  double pw, ph, scale;
  guint n;

  g_return_val_if_fail (HU_IS_REPORT (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  _hu_report_paper_size (self->paper, &pw, &ph);
  scale = MIN (width / pw, height / ph);

  cairo_save (cr);
  cairo_translate (cr, (width - pw * scale) / 2, (height - ph * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, pw, ph);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  n = _hu_report_paginate (self, cr, (int) page, NULL);
  cairo_restore (cr);

  return page < n;
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                 */

static void
hu_report_finalize (GObject *object)
{
  HuReport *self = (HuReport *) object;

  g_free (self->title);
  g_free (self->author);
  g_free (self->notes);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_free (self->currency);
  g_free (self->baseline_id);
  g_free (self->subject_id);
  g_ptr_array_unref (self->scenarios);
  g_ptr_array_unref (self->runs);
  g_ptr_array_unref (self->equivalences);
  g_ptr_array_unref (self->references);
  g_free (self->equivalence_set_name);
  g_free (self->equivalence_set_source);
  g_free (self->pdf_digest);
  g_mutex_clear (&self->pdf_lock);

  G_OBJECT_CLASS (hu_report_parent_class)->finalize (object);
}

static void
hu_report_class_init (HuReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hu_report_finalize;
}

static void
hu_report_init (HuReport *self)
{
  self->scenarios = g_ptr_array_new_with_free_func (report_scenario_free);
  self->runs = g_ptr_array_new_with_free_func (report_run_free);
  self->equivalences = g_ptr_array_new_with_free_func (report_equivalence_free);
  self->references = g_ptr_array_new_with_free_func (report_reference_free);
  g_mutex_init (&self->pdf_lock);
}
