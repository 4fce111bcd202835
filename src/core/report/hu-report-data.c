/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "hu-core.h"
#include "hu-json-private.h"
#include "hu-report-render-private.h"
#include "hu-report-statement-private.h"

/*
 * Machine formats: CSV and JSON. They never follow the user's locale:
 * numbers go through hu_number_to_string() (C locale, shortest exact
 * form), strings are UTF-8, and the column and key names below are the
 * documented contract (docs/report-json.md).
 */

/* ---------------------------------------------------------------------- */
/* CSV                                                                     */

static const char *csv_columns[] = {
  "kind", "id", "name", "baseline",
  /* resolved inputs */
  "gpu", "gpu_name", "precision", "region", "region_name",
  "flops", "params", "tokens", "peak_tflops", "count", "utilization", "power_w",
  "retrain", "intensity", "pue", "price", "embodied_per_unit_kg", "lifetime_h",
  /* outputs */
  "throughput", "gpu_hours_run", "wall_hours", "gpu_hours", "energy_it_kwh",
  "energy_kwh", "emissions_kg", "embodied_kg", "total_kg", "cost", "currency", "vs_baseline_pct",
  /* the life of the model (issue 11): the keys of `estimate --format csv`,
   * then the phases the lifecycle adds up from */
  "inference_requests", "inference_energy_kwh", "inference_emissions_kg",
  "inference_embodied_kg", "per_request_wh", "per_request_g", "lifecycle_kg",
  "breakeven_requests", "breakeven_days", "development_kg", "final_training_kg",
  /* measured runs */
  "tracker", "tracker_version", "file", "start", "duration_s", "cpu_energy_kwh",
  "gpu_energy_kwh", "ram_energy_kwh", "gpu_count", "linked_scenario",
  /* a run against its linked scenario's estimate */
  "estimated_energy_kwh", "estimated_emissions_kg", "estimated_wall_hours",
  "energy_difference_pct", "emissions_difference_pct", "wall_hours_difference_pct",
  "error",
};

typedef struct {
  GHashTable *cells;   /* column → owned CSV field, already encoded */
} CsvRow;

/* The columns of this export: csv_columns, then `<key>_p05`, `<key>_p95`
 * of every output when a range applies to any scenario (issue 12), as
 * `compare --format csv` has them. */
static GPtrArray *
csv_header (HuReport *self)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);
  gboolean ranged = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (csv_columns); i++)
    g_ptr_array_add (columns, g_strdup (csv_columns[i]));
  for (guint i = 0; i < self->scenarios->len; i++)
    ranged = ranged || hu_uncertainty_applies (((HuReportScenario *)
                                                g_ptr_array_index (self->scenarios, i))->uncertainty);
  for (guint o = 0; ranged && o < hu_uncertainty_get_n_outputs (); o++)
    {
      g_ptr_array_add (columns, g_strdup_printf ("%s_p05", hu_uncertainty_output_name (o)));
      g_ptr_array_add (columns, g_strdup_printf ("%s_p95", hu_uncertainty_output_name (o)));
    }
  return columns;
}

/* A text cell: quoted as RFC 4180 says and neutralised against formula
 * injection (hu_text_append_csv_text); NULL is an empty cell. */
static void
csv_set (CsvRow     *row,
         const char *column,
         const char *value)
{
  GString *field = g_string_new (NULL);

  hu_text_append_csv_text (field, value);
  g_hash_table_insert (row->cells, (gpointer) column, g_string_free (field, FALSE));
}

/* A number in its C-locale form, as is: "-5" is a number, not a formula. */
static void
csv_set_number (CsvRow     *row,
                const char *column,
                double      value)
{
  g_hash_table_insert (row->cells, (gpointer) column, hu_number_to_string (value));
}

static void
csv_append_row (GString   *out,
                GPtrArray *columns,
                CsvRow    *row)
{
  for (guint i = 0; i < columns->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      {
        const char *field = g_hash_table_lookup (row->cells, g_ptr_array_index (columns, i));

        if (field != NULL)
          g_string_append (out, field);
      }
    }
  g_string_append (out, "\r\n");
}

static void
csv_scenario (HuReport         *self,
              GPtrArray        *columns,
              HuReportScenario *s,
              CsvRow           *row)
{
  HuEstimate *e = s->estimate;
  HuPhases phases;
  guint index;

  csv_set (row, "kind", "scenario");
  csv_set (row, "id", s->id);
  csv_set (row, "name", s->name);
  csv_set (row, "baseline", g_strcmp0 (s->id, self->baseline_id) == 0 ? "true" : "false");
  csv_set_number (row, "params", s->inputs.params);
  csv_set_number (row, "tokens", s->inputs.tokens);

  if (e == NULL)
    {
      csv_set (row, "gpu", s->inputs.gpu);
      csv_set (row, "region", s->inputs.region);
      csv_set (row, "error", s->error);
      return;
    }

  hu_estimate_get_phases (e, &phases);
  csv_set (row, "gpu", e->gpu);
  csv_set (row, "gpu_name", e->gpu_name);
  csv_set (row, "precision", isfinite (e->peak_tflops) ? hu_precision_to_string (e->precision) : NULL);
  csv_set (row, "region", e->region);
  csv_set (row, "region_name", e->region_name);
  csv_set_number (row, "flops", e->flops);
  csv_set_number (row, "peak_tflops", e->peak_tflops);
  csv_set_number (row, "count", e->count);
  csv_set_number (row, "utilization", e->utilization);
  csv_set_number (row, "power_w", e->power_w);
  csv_set_number (row, "retrain", e->retrain);
  csv_set_number (row, "intensity", e->intensity);
  csv_set_number (row, "pue", e->pue);
  csv_set_number (row, "price", e->price);
  csv_set_number (row, "embodied_per_unit_kg", e->embodied_per_unit_kg);
  csv_set_number (row, "lifetime_h", e->lifetime_h);
  csv_set_number (row, "throughput", e->throughput);
  csv_set_number (row, "gpu_hours_run", e->gpu_hours_run);
  csv_set_number (row, "wall_hours", e->wall_hours);
  csv_set_number (row, "gpu_hours", e->gpu_hours);
  csv_set_number (row, "energy_it_kwh", e->energy_it_kwh);
  csv_set_number (row, "energy_kwh", e->energy_kwh);
  csv_set_number (row, "emissions_kg", e->emissions_kg);
  csv_set_number (row, "embodied_kg", e->embodied_kg);
  csv_set_number (row, "total_kg", e->total_kg);
  csv_set_number (row, "cost", e->cost);
  /* What price and cost are counted in, beside them: a CSV row is read
   * alone, without the JSON's top-level key. Empty where there is none. */
  csv_set (row, "currency", isfinite (e->price) ? self->currency : NULL);
  csv_set_number (row, "vs_baseline_pct",
                  _hu_report_pct_change (e->total_kg, _hu_report_baseline_total (self)));
  csv_set (row, "linked_scenario", NULL);

  csv_set_number (row, "development_kg", phases.development_kg);
  csv_set_number (row, "final_training_kg", phases.training_kg);
  /* As `estimate --format csv`: empty without a deployment phase, where
   * lifecycle_kg is the training's total. */
  csv_set_number (row, "inference_requests", e->requests);
  csv_set_number (row, "inference_energy_kwh", e->inference_energy_kwh);
  csv_set_number (row, "inference_emissions_kg", e->inference_emissions_kg);
  csv_set_number (row, "inference_embodied_kg", e->inference_embodied_kg);
  csv_set_number (row, "per_request_wh", e->per_request_wh);
  csv_set_number (row, "per_request_g", e->per_request_g);
  csv_set_number (row, "lifecycle_kg", e->lifecycle_kg);
  csv_set_number (row, "breakeven_requests", e->breakeven_requests);
  csv_set_number (row, "breakeven_days", e->breakeven_days);

  for (guint o = 0; o < hu_uncertainty_get_n_outputs (); o++)
    {
      const char *key = hu_uncertainty_output_name (o);
      const HuInterval *interval = _hu_report_interval (s, key);
      g_autofree char *p05 = g_strdup_printf ("%s_p05", key);

      /* csv_header() has the columns whenever a range applies; the row's
       * table keys borrow the header's strings. */
      if (interval == NULL ||
          !g_ptr_array_find_with_equal_func (columns, p05, g_str_equal, &index))
        continue;
      csv_set_number (row, g_ptr_array_index (columns, index), interval->p05);
      csv_set_number (row, g_ptr_array_index (columns, index + 1), interval->p95);
    }
}

static void
csv_run (HuReport    *self,
         HuReportRun *r,
         CsvRow      *row)
{
  const HuRunData *d = &r->data;
  HuReportComparison c;

  csv_set (row, "kind", "run");
  csv_set (row, "id", r->id);
  csv_set (row, "name", r->name);
  csv_set (row, "baseline", "false");
  csv_set (row, "gpu_name", d->gpu_model);
  csv_set (row, "region", d->region != NULL ? d->region : d->country);
  csv_set_number (row, "intensity", d->intensity_g_per_kwh);
  csv_set_number (row, "pue", d->pue);
  /* The comparison row's metrics (hu_run_data_get_metric()'s rule). */
  csv_set_number (row, "gpu_hours", r->metrics[HU_METRIC_GPU_HOURS]);
  csv_set_number (row, "wall_hours", r->metrics[HU_METRIC_WALL_HOURS]);
  csv_set_number (row, "energy_kwh", r->metrics[HU_METRIC_ENERGY_KWH]);
  csv_set_number (row, "emissions_kg", r->metrics[HU_METRIC_EMISSIONS_KG]);
  csv_set_number (row, "total_kg", r->metrics[HU_METRIC_TOTAL_KG]);
  csv_set (row, "tracker", d->source);
  csv_set (row, "tracker_version", d->source_version);
  csv_set (row, "file", d->file);
  csv_set (row, "start", d->start);
  csv_set_number (row, "duration_s", d->duration_s);
  csv_set_number (row, "cpu_energy_kwh", d->cpu_energy_kwh);
  csv_set_number (row, "gpu_energy_kwh", d->gpu_energy_kwh);
  csv_set_number (row, "ram_energy_kwh", d->ram_energy_kwh);
  csv_set_number (row, "gpu_count", d->gpu_count);
  if (_hu_report_compare_run (self, r, &c))
    {
      csv_set (row, "linked_scenario", c.scenario->id);
      csv_set_number (row, "estimated_energy_kwh", c.estimated_kwh);
      csv_set_number (row, "estimated_emissions_kg", c.estimated_kg);
      csv_set_number (row, "estimated_wall_hours", c.estimated_hours);
      csv_set_number (row, "energy_difference_pct", c.kwh_pct);
      csv_set_number (row, "emissions_difference_pct", c.kg_pct);
      csv_set_number (row, "wall_hours_difference_pct", c.hours_pct);
    }
  else
    csv_set (row, "linked_scenario", c.scenario != NULL ? c.scenario->id : NULL);
}

GBytes *
_hu_report_to_csv (HuReport *self)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) columns = csv_header (self);

  for (guint i = 0; i < columns->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, g_ptr_array_index (columns, i));
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < self->scenarios->len + self->runs->len; i++)
    {
      CsvRow row = { g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free) };

      if (i < self->scenarios->len)
        csv_scenario (self, columns, g_ptr_array_index (self->scenarios, i), &row);
      else
        csv_run (self, g_ptr_array_index (self->runs, i - self->scenarios->len), &row);
      csv_append_row (out, columns, &row);
      g_hash_table_unref (row.cells);
    }

  return g_string_free_to_bytes (out);
}

/* ---------------------------------------------------------------------- */
/* JSON                                                                    */

static const char *
origin_id (HuOrigin origin)
{
  switch (origin)
    {
    case HU_ORIGIN_USER: return "user";
    case HU_ORIGIN_CATALOG: return "catalog";
    case HU_ORIGIN_BUILTIN: return "builtin";
    case HU_ORIGIN_DERIVED: return "derived";
    default: return NULL;
    }
}

static void
add_provenance (JsonBuilder        *b,
                const char         *key,
                const HuProvenance *p)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_object (b);
  _hu_json_add_string (b, "origin", origin_id (p->origin));
  _hu_json_add_string (b, "source", p->source);
  json_builder_end_object (b);
}

static void
json_estimate (JsonBuilder *b,
               HuEstimate  *e)
{
  /* The keys of `huella-cli compare --format json`, then the extras. */
  hu_estimate_to_json (e, b);
  _hu_json_add_string (b, "gpu_name", e->gpu_name);
  _hu_json_add_string (b, "region_name", e->region_name);
  _hu_json_add_double (b, "throughput", e->throughput);
  _hu_json_add_double (b, "price", e->price);
  _hu_json_add_double (b, "embodied_per_unit_kg", e->embodied_per_unit_kg);
  _hu_json_add_double (b, "lifetime_h", e->lifetime_h);

  json_builder_set_member_name (b, "provenance");
  json_builder_begin_object (b);
  add_provenance (b, "peak_tflops", &e->peak_from);
  add_provenance (b, "power_w", &e->power_from);
  add_provenance (b, "utilization", &e->utilization_from);
  add_provenance (b, "intensity", &e->intensity_from);
  add_provenance (b, "pue", &e->pue_from);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "derivation");
  json_builder_begin_array (b);
  for (guint i = 0; e->steps != NULL && i < e->steps->len; i++)
    {
      HuStep *step = g_ptr_array_index (e->steps, i);

      json_builder_begin_object (b);
      _hu_json_add_string (b, "title", step->title);
      _hu_json_add_string (b, "formula", step->formula);
      _hu_json_add_string (b, "calculation", step->calculation);
      _hu_json_add_string (b, "result", step->result);
      _hu_json_add_string (b, "note", step->note);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_scenarios (HuReport    *self,
                JsonBuilder *b)
{
  double base = _hu_report_baseline_total (self);

  json_builder_set_member_name (b, "scenarios");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->scenarios->len; i++)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, i);
      g_autofree char *statement = NULL;
      gboolean found;

      json_builder_begin_object (b);
      _hu_json_add_string (b, "id", s->id);
      _hu_json_add_string (b, "name", s->name);
      _hu_json_add_string (b, "notes", s->notes);
      json_builder_set_member_name (b, "baseline");
      json_builder_add_boolean_value (b, g_strcmp0 (s->id, self->baseline_id) == 0);

      json_builder_set_member_name (b, "inputs");
      json_builder_begin_object (b);
      hu_inputs_to_json (&s->inputs, b);
      json_builder_end_object (b);

      if (s->estimate != NULL)
        {
          HuPhases phases;

          json_estimate (b, s->estimate);
          /* The phases the lifecycle adds up from (issue 11). */
          hu_estimate_get_phases (s->estimate, &phases);
          _hu_json_add_double (b, "development_kg", phases.development_kg);
          _hu_json_add_double (b, "final_training_kg", phases.training_kg);
          _hu_json_add_double (b, "vs_baseline_pct", _hu_report_pct_change (s->estimate->total_kg, base));
          /* The keys of ARCHITECTURE.md §8, only when a range applies. */
          if (s->uncertainty != NULL)
            {
              hu_uncertainty_to_json (s->uncertainty, b);
              if (g_strcmp0 (s->id, self->baseline_id) != 0)
                _hu_json_add_double (b, "p_lower_than_baseline", s->uncertainty->p_lower_than_baseline);
            }
        }
      _hu_json_add_string (b, "error", s->error);
      statement = _hu_report_statement (self, s->id, &found);
      _hu_json_add_string (b, "statement", statement);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_runs (HuReport    *self,
           JsonBuilder *b)
{
  json_builder_set_member_name (b, "runs");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->runs->len; i++)
    {
      HuReportRun *r = g_ptr_array_index (self->runs, i);
      const HuRunData *d = &r->data;
      HuReportComparison c;
      gboolean compared = _hu_report_compare_run (self, r, &c);

      json_builder_begin_object (b);
      _hu_json_add_string (b, "id", r->id);
      _hu_json_add_string (b, "name", r->name);
      _hu_json_add_string (b, "tracker", d->source);
      _hu_json_add_string (b, "tracker_version", d->source_version);
      _hu_json_add_string (b, "file", d->file);
      _hu_json_add_string (b, "run_id", d->run_id);
      _hu_json_add_string (b, "start", d->start);
      _hu_json_add_double (b, "duration_s", d->duration_s);
      _hu_json_add_double (b, "gpu_hours", r->metrics[HU_METRIC_GPU_HOURS]);
      _hu_json_add_double (b, "wall_hours", r->metrics[HU_METRIC_WALL_HOURS]);
      _hu_json_add_double (b, "energy_kwh", r->metrics[HU_METRIC_ENERGY_KWH]);
      _hu_json_add_double (b, "cpu_energy_kwh", d->cpu_energy_kwh);
      _hu_json_add_double (b, "gpu_energy_kwh", d->gpu_energy_kwh);
      _hu_json_add_double (b, "ram_energy_kwh", d->ram_energy_kwh);
      _hu_json_add_double (b, "emissions_kg", r->metrics[HU_METRIC_EMISSIONS_KG]);
      _hu_json_add_double (b, "intensity", d->intensity_g_per_kwh);
      _hu_json_add_double (b, "pue", d->pue);
      _hu_json_add_string (b, "country", d->country);
      _hu_json_add_string (b, "region", d->region);
      _hu_json_add_string (b, "gpu_model", d->gpu_model);
      _hu_json_add_double (b, "gpu_count", d->gpu_count);
      _hu_json_add_string (b, "cpu_model", d->cpu_model);
      json_builder_set_member_name (b, "predicted");
      json_builder_add_boolean_value (b, d->predicted);
      _hu_json_add_string (b, "scenario_id", c.scenario != NULL ? c.scenario->id : NULL);
      json_builder_set_member_name (b, "comparison");
      if (compared)
        {
          json_builder_begin_object (b);
          _hu_json_add_string (b, "scenario_id", c.scenario->id);
          _hu_json_add_double (b, "measured_energy_kwh", c.measured_kwh);
          _hu_json_add_double (b, "estimated_energy_kwh", c.estimated_kwh);
          _hu_json_add_double (b, "energy_difference_pct", c.kwh_pct);
          _hu_json_add_double (b, "measured_emissions_kg", c.measured_kg);
          _hu_json_add_double (b, "estimated_emissions_kg", c.estimated_kg);
          _hu_json_add_double (b, "emissions_difference_pct", c.kg_pct);
          _hu_json_add_double (b, "measured_wall_hours", c.measured_hours);
          _hu_json_add_double (b, "estimated_wall_hours", c.estimated_hours);
          _hu_json_add_double (b, "wall_hours_difference_pct", c.hours_pct);
          json_builder_end_object (b);
        }
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_equivalences (HuReport    *self,
                   JsonBuilder *b)
{
  json_builder_set_member_name (b, "equivalences");
  json_builder_begin_object (b);
  _hu_json_add_string (b, "set", self->equivalence_set_name);
  _hu_json_add_int (b, "year", self->equivalence_set_year);
  _hu_json_add_string (b, "source", self->equivalence_set_source);
  _hu_json_add_string (b, "subject", self->subject_id);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->equivalences->len; i++)
    {
      HuReportEquivalence *e = g_ptr_array_index (self->equivalences, i);

      json_builder_begin_object (b);
      _hu_json_add_string (b, "kind", e->kind);
      _hu_json_add_double (b, "amount", e->amount);
      _hu_json_add_double (b, "kg_per_unit", e->kg_per_unit);
      _hu_json_add_string (b, "unit", e->unit);
      _hu_json_add_int (b, "year", e->year);
      _hu_json_add_string (b, "source", e->source);
      _hu_json_add_string (b, "label", e->label);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
json_references (HuReport    *self,
                 JsonBuilder *b)
{
  json_builder_set_member_name (b, "datasets");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->references->len; i++)
    {
      HuReportReference *r = g_ptr_array_index (self->references, i);

      json_builder_begin_object (b);
      _hu_json_add_string (b, "dataset", r->dataset);
      _hu_json_add_string (b, "publisher", r->publisher);
      _hu_json_add_string (b, "year", r->year);
      _hu_json_add_string (b, "licence", r->licence);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

GBytes *
_hu_report_to_json (HuReport *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *date = g_date_time_format_iso8601 (self->date);
  g_autofree char *statement = NULL;
  g_autofree char *card = NULL;
  gboolean found = FALSE;
  gsize length;
  char *text;

  if (self->subject_id != NULL)
    {
      statement = _hu_report_statement (self, self->subject_id, &found);
      card = _hu_report_model_card (self, self->subject_id);
    }

  json_builder_begin_object (b);
  _hu_json_add_string (b, "format", "huella-report");
  _hu_json_add_int (b, "format-version", 1);
  _hu_json_add_string (b, "title", self->title);
  _hu_json_add_string (b, "author", self->author);
  _hu_json_add_string (b, "notes", self->notes);
  _hu_json_add_string (b, "date", date);
  _hu_json_add_string (b, "huella_version", PACKAGE_VERSION);
  _hu_json_add_string (b, "currency", self->currency);
  _hu_json_add_string (b, "baseline", self->baseline_id);
  _hu_json_add_string (b, "subject", self->subject_id);
  _hu_json_add_string (b, "statement", statement);
  _hu_json_add_string (b, "model_card", card);

  json_builder_set_member_name (b, "catalog");
  json_builder_begin_object (b);
  _hu_json_add_int (b, "gpus", self->n_catalog_gpus);
  _hu_json_add_int (b, "gpu_data_year", self->catalog_gpu_year);
  _hu_json_add_int (b, "regions", self->n_catalog_regions);
  _hu_json_add_int (b, "region_data_year", self->catalog_region_year);
  json_references (self, b);
  json_builder_end_object (b);

  json_scenarios (self, b);
  json_runs (self, b);
  json_equivalences (self, b);
  json_builder_end_object (b);

  /* The shared writer: shortest exact numbers, as in project files. */
  root = json_builder_get_root (b);
  text = _hu_json_to_data (root, &length);

  return g_bytes_new_take (text, length);
}
