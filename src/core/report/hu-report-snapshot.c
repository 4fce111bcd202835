/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hu-core.h"
#include "hu-json-private.h"
#include "hu-report-snapshot-private.h"

/*
 * HuReport is a snapshot: hu_report_new() copies everything it needs from
 * the project on the caller's thread, and the exporters only read it. That
 * is what makes hu_report_export() safe in a GTask thread while the user
 * keeps editing the project.
 */


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
  g_clear_pointer (&s->region, hu_region_unref);
  g_clear_pointer (&s->uncertainty, hu_uncertainty_unref);
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

/* Rows are read from the comparison, never estimated again: the report
 * shows the numbers the app and the CLI show. */
static void
snapshot_rows (HuReport     *self,
               HuComparison *comparison)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (comparison));

  for (guint i = 0; i < n; i++)
    {
      HuComparisonRow *row = hu_comparison_get_row (comparison, i);
      HuScenario *scenario = hu_comparison_row_get_scenario (row);
      HuMeasuredRun *run = hu_comparison_row_get_run (row);
      double *metrics;

      if (scenario != NULL)
        {
          HuReportScenario *s = g_new0 (HuReportScenario, 1);
          const HuEstimate *estimate = hu_comparison_row_get_estimate (row);
          const GError *error = hu_comparison_row_get_error (row);

          s->id = g_strdup (hu_scenario_get_id (scenario));
          s->name = g_strdup (hu_comparison_row_get_name (row));
          s->notes = g_strdup (hu_scenario_get_notes (scenario));
          s->run_id = g_strdup (hu_scenario_get_run_id (scenario));
          hu_inputs_init (&s->inputs);
          hu_inputs_copy (hu_scenario_get_inputs (scenario), &s->inputs);
          /* Estimates are immutable and atomically counted: sharing one
           * with a worker thread is safe. */
          s->estimate = estimate != NULL ? hu_estimate_ref ((HuEstimate *) estimate) : NULL;
          s->error = error != NULL ? g_strdup (error->message) : NULL;
          metrics = s->metrics;
          g_ptr_array_add (self->scenarios, s);
        }
      else
        {
          HuReportRun *r = g_new0 (HuReportRun, 1);

          r->id = g_strdup (hu_measured_run_get_id (run));
          r->name = g_strdup (hu_comparison_row_get_name (row));
          hu_run_data_copy (hu_measured_run_get_data (run), &r->data);
          metrics = r->metrics;
          g_ptr_array_add (self->runs, r);
        }
      for (guint m = 0; m < HU_N_METRICS; m++)
        metrics[m] = hu_comparison_row_get_metric (row, m);
    }
}

/* The region's catalog entry, kept for its display name: the estimate
 * holds the catalog's English name, which CSV and JSON keep, while the
 * document names it in the reader's language, as the app does
 * (hu_region_get_display_name()). The entry is kept rather than its
 * name because the document follows the locale it is rendered in. */
static void
snapshot_regions (HuReport  *self,
                  HuCatalog *catalog)
{
  for (guint i = 0; i < self->scenarios->len; i++)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, i);
      HuRegion *region;

      if (s->estimate == NULL || s->estimate->region == NULL)
        continue;
      region = hu_catalog_lookup_region (catalog, s->estimate->region);
      s->region = region != NULL ? hu_region_ref (region) : NULL;
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

/* References come from the catalog's own SOURCES.md table, so the report
 * cites exactly the datasets compiled into this build; in English here
 * (the JSON keeps them so), in the reader's language in the document. */
static void
snapshot_references (HuReport *self)
{
  g_autoptr(GPtrArray) sources = hu_data_sources_list (FALSE);

  for (guint i = 0; i < sources->len; i++)
    {
      HuDataSource *source = g_ptr_array_index (sources, i);
      HuReportReference *ref = g_new0 (HuReportReference, 1);

      ref->dataset = g_strdup (source->dataset);
      ref->publisher = g_strdup (source->publisher);
      ref->year = g_strdup (source->years);
      ref->licence = g_strdup (source->licence);
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

  /* Cut like every name a project holds: a 100,000-character title made
   * the PDF's line breaking take seconds. */
  self->title = _hu_cap_name (title != NULL && title[0] != '\0' ? title : _("Training footprint report"));
  self->author = _hu_cap_name (options->author);
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

/* When the report asks what the comparison's rows hold (their baseline,
 * their "typical ranges of defaults", the default samples and seed), it
 * takes the rows' own intervals: the app's table and its report show the
 * same draws, drawn once. hu_uncertainty_compute() per row and
 * hu_uncertainty_compute_all() give the same numbers (both sample the
 * baseline first, then each scenario against its totals); a row has
 * none where no range applies to it or its baseline, as below. A row
 * whose estimate failed holds none, as it has no estimate to sample. */
static gboolean
uncertainty_from_rows (HuReport              *self,
                       HuComparison          *comparison,
                       const HuReportOptions *options)
{
  HuComparisonRow *baseline = hu_comparison_get_baseline (comparison);

  if ((options->samples != 0 && options->samples != HU_UNCERTAINTY_DEFAULT_SAMPLES) ||
      options->seed != HU_UNCERTAINTY_DEFAULT_SEED ||
      !!options->default_ranges != hu_comparison_get_default_ranges (comparison) ||
      baseline == NULL || hu_comparison_row_get_scenario (baseline) == NULL ||
      g_strcmp0 (hu_comparison_row_get_id (baseline), self->baseline_id) != 0)
    return FALSE;
  /* Drawn already (the app's table asks for every row's): otherwise one
   * hu_uncertainty_compute_all() below is quicker, on two threads and
   * sampling the baseline once. */
  for (guint i = 0; i < self->scenarios->len; i++)
    if (!hu_comparison_row_has_uncertainty (hu_comparison_get_row (comparison, i), baseline,
                                            options->default_ranges))
      return FALSE;

  /* snapshot_rows() copied the scenario rows in order: row i is s. */
  for (guint i = 0; i < self->scenarios->len; i++)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, i);
      const HuUncertainty *u;

      if (s->estimate == NULL)
        continue;
      u = hu_comparison_get_uncertainty (comparison, hu_comparison_get_row (comparison, i));
      /* Atomically counted: the worker thread may hold it. */
      if (u != NULL && (hu_uncertainty_applies (u) || isfinite (u->p_lower_than_baseline)))
        s->uncertainty = hu_uncertainty_ref ((HuUncertainty *) u);
    }
  return TRUE;
}

/* Intervals of every scenario whose inputs (or, with default ranges, its
 * defaults) carry a range, against the baseline; on the caller's thread
 * like the estimates, a few milliseconds. Scenarios whose estimate failed
 * are left out. */
static void
snapshot_uncertainty (HuReport              *self,
                      HuComparison          *comparison,
                      HuCatalog             *catalog,
                      const HuReportOptions *options)
{
  g_autofree const HuInputs **inputs = g_new0 (const HuInputs *, self->scenarios->len + 1);
  g_autofree guint *index = g_new0 (guint, self->scenarios->len + 1);
  g_autoptr(GPtrArray) results = NULL;
  HuUncertaintyOptions uo;
  gboolean any = options->default_ranges;
  int baseline = -1;
  guint n = 0;

  if (uncertainty_from_rows (self, comparison, options))
    return;

  for (guint i = 0; i < self->scenarios->len; i++)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, i);

      if (s->estimate == NULL)
        continue;
      any |= hu_inputs_has_ranges (&s->inputs);
      if (g_strcmp0 (s->id, self->baseline_id) == 0)
        baseline = (int) n;
      index[n] = i;
      inputs[n++] = &s->inputs;
    }
  if (!any || n == 0)
    return;

  hu_uncertainty_options_init (&uo);
  uo.default_ranges = options->default_ranges;
  if (options->samples > 0)
    uo.samples = MIN (options->samples, HU_UNCERTAINTY_MAX_SAMPLES);
  uo.seed = options->seed;
  /* Every estimate succeeded above, so sampling cannot fail. */
  results = hu_uncertainty_compute_all (inputs, n, baseline, catalog, &uo, NULL);
  if (results == NULL)
    return;
  for (guint j = 0; j < n; j++)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, index[j]);
      HuUncertainty *u = results->pdata[j];

      if (hu_uncertainty_applies (u) || isfinite (u->p_lower_than_baseline))
        s->uncertainty = hu_uncertainty_ref (u);
    }
}

const HuInterval *
_hu_report_interval (const HuReportScenario *s,
                     const char             *output)
{
  if (s == NULL || !hu_uncertainty_applies (s->uncertainty))
    return NULL;
  return hu_uncertainty_get_interval (s->uncertainty, output);
}

/* Fills @self from @comparison. On the caller's thread: the exporters
 * only read what this copies. */
gboolean
_hu_report_take_snapshot (HuReport              *self,
                          HuComparison          *comparison,
                          const HuReportOptions *options,
                          GError               **error)
{
  HuProject *project = hu_comparison_get_project (comparison);
  HuCatalog *catalog = hu_project_get_catalog (project);
  HuComparisonRow *baseline = hu_comparison_get_baseline (comparison);

  copy_options (self, project, options);
  snapshot_rows (self, comparison);
  snapshot_regions (self, catalog);
  snapshot_catalog (self, catalog);
  snapshot_references (self);

  if (options->baseline_id != NULL && !has_item (self, options->baseline_id, FALSE))
    {
      g_set_error (error, HU_REPORT_ERROR, HU_REPORT_ERROR_UNKNOWN_BASELINE,
                   _("No scenario with id “%s” for the baseline"), options->baseline_id);
      return FALSE;
    }
  if (options->subject_id != NULL && !has_item (self, options->subject_id, TRUE))
    {
      g_set_error (error, HU_REPORT_ERROR, HU_REPORT_ERROR_UNKNOWN_ITEM,
                   _("No scenario or run with id “%s”"), options->subject_id);
      return FALSE;
    }

  /* The report's baseline is a scenario: the comparison's when it is
   * one, else the first scenario. */
  if (options->baseline_id != NULL)
    self->baseline_id = g_strdup (options->baseline_id);
  else if (baseline != NULL && hu_comparison_row_get_scenario (baseline) != NULL)
    self->baseline_id = g_strdup (hu_comparison_row_get_id (baseline));
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
  snapshot_uncertainty (self, comparison, catalog, options);
  return TRUE;
}

void
_hu_report_snapshot_init (HuReport *self)
{
  self->scenarios = g_ptr_array_new_with_free_func (report_scenario_free);
  self->runs = g_ptr_array_new_with_free_func (report_run_free);
  self->equivalences = g_ptr_array_new_with_free_func (report_equivalence_free);
  self->references = g_ptr_array_new_with_free_func (report_reference_free);
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

const char *
_hu_report_region_name (const HuReportScenario *s)
{
  const HuEstimate *e = s->estimate;

  if (s->region != NULL)
    return hu_region_get_display_name (s->region);
  if (e == NULL)
    return NULL;
  return e->region_name != NULL ? e->region_name : e->region;
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
