/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hu-core.h"
#include "hu-chart-private.h"
#include "hu-report-document-private.h"
#include "hu-report-statement-private.h"

/*
 * The human-readable report as a list of blocks (headings, paragraphs,
 * tables, charts). PDF, Markdown and LaTeX render the same blocks, so the
 * three never disagree on content; each only decides how to typeset it.
 * Blocks are built in the exporting thread, in the current locale.
 */

static void
block_free (gpointer data)
{
  HuReportBlock *block = data;

  g_free (block->text);
  g_clear_pointer (&block->meta, g_ptr_array_unref);
  g_clear_pointer (&block->table, _hu_report_table_free);
  g_free (block);
}

static HuReportBlock *
add_block (GPtrArray   *doc,
           HuBlockKind  kind,
           int          level,
           const char  *text)
{
  HuReportBlock *block = g_new0 (HuReportBlock, 1);

  block->kind = kind;
  block->level = level;
  block->text = g_strdup (text);
  block->run = -1;
  g_ptr_array_add (doc, block);
  return block;
}

static HuReportBlock *
add_table (GPtrArray     *doc,
           HuReportTable *table)
{
  HuReportBlock *block;

  _hu_report_table_finish (table);
  block = add_block (doc, HU_BLOCK_TABLE, 0, table->caption);
  block->table = table;
  return block;
}

/* ---------------------------------------------------------------------- */
/* Cell formatting                                                         */

/* Columns @first to @last hold quantities of @kind, one unit for each. */
static void
set_units (HuReportTable *table,
           guint          first,
           guint          last,
           HuUnitKind     kind,
           HuReportUnitMode mode,
           int            significant,
           const char    *currency)
{
  for (guint i = first; i <= last; i++)
    _hu_report_table_set_unit (table, i, kind, mode, significant, currency);
}

#define cell _hu_report_cell_value

static char *
fmt_int (double value)
{
  return isfinite (value) ? _hu_format_decimals (value, 0) : NULL;
}

static char *
fmt_sig (double value,
         int    significant)
{
  return isfinite (value) ? _hu_format_significant (value, significant) : NULL;
}

/* "US EPA … (2024)"; a set with no year is named alone, never "(0)". */
static char *
equivalence_set_title (HuReport *self)
{
  g_autofree char *name = hu_citation_localize (self->equivalence_set_name);

  if (self->equivalence_set_year > 0)
    return g_strdup_printf ("%s (%d)", name, self->equivalence_set_year);
  return g_steal_pointer (&name);
}

/* A change in percent as every view writes it (hu_format_change()):
 * "−33.3 %", "+1,352 %", "same" when it rounds to zero. */
static char *
fmt_pct_change (double pct)
{
  if (!isfinite (pct))
    return NULL;
  return hu_format_change (pct / 100);
}

static char *
accelerator_text (const HuEstimate *e)
{
  g_autofree char *count = NULL;
  g_autofree char *shown = NULL;
  const char *name;

  if (e == NULL)
    return NULL;
  shown = hu_gpu_name_for_display (e->gpu_name);
  name = shown != NULL ? shown : (e->gpu != NULL ? e->gpu : _("custom"));
  count = e->count == floor (e->count) ? _hu_format_decimals (e->count, 0)
                                       : _hu_format_significant (e->count, 3);
  return g_strdup_printf ("%s × %s", count, name);
}

static const char *
workload_text (HuWorkload workload)
{
  switch (workload)
    {
    case HU_WORKLOAD_FLOPS: return _("FLOPs");
    case HU_WORKLOAD_PARAMS_TOKENS: return _("6 × parameters × tokens");
    case HU_WORKLOAD_GPU_HOURS: return _("GPU-hours");
    case HU_WORKLOAD_WALL_HOURS: return _("Wall-clock hours");
    case HU_WORKLOAD_NONE:
    default:
      return _("None");
    }
}

static const char *
origin_text (HuOrigin origin)
{
  switch (origin)
    {
    case HU_ORIGIN_USER: return _("given");
    case HU_ORIGIN_CATALOG: return _("catalog");
    case HU_ORIGIN_BUILTIN: return _("Huella default");
    case HU_ORIGIN_DERIVED: return _("derived");
    default: return "";
    }
}

/* ---------------------------------------------------------------------- */
/* Sections                                                                */

static void
add_title_block (HuReport  *self,
                 GPtrArray *doc)
{
  HuReportBlock *meta;
  const HuReportScenario *baseline = _hu_report_baseline (self);
  g_autofree char *date = g_date_time_format (self->date, "%Y-%m-%d");

  add_block (doc, HU_BLOCK_TITLE, 0, self->title);
  meta = add_block (doc, HU_BLOCK_META, 0, NULL);
  meta->meta = g_ptr_array_new_with_free_func (g_free);

#define META(k, v) G_STMT_START { \
    g_ptr_array_add (meta->meta, g_strdup (k)); \
    g_ptr_array_add (meta->meta, v); \
  } G_STMT_END

  if (self->author != NULL && self->author[0] != '\0')
    META (_("Author"), g_strdup (self->author));
  META (_("Date"), g_steal_pointer (&date));
  META (_("Computed with"), g_strdup_printf ("Huella %s", PACKAGE_VERSION));
  /* Translators: "40 accelerators (data to 2024), 1,100 regions and grids (data to 2024)" */
  META (_("Catalog"), g_strdup_printf (_("%u accelerators (data to %d), %u regions and grids (data to %d)"),
                                       self->n_catalog_gpus, self->catalog_gpu_year,
                                       self->n_catalog_regions, self->catalog_region_year));
  if (self->equivalence_set_name != NULL)
    META (_("Equivalence factors"), equivalence_set_title (self));
  if (baseline != NULL)
    META (_("Baseline"), g_strdup (baseline->name));
#undef META

  if (self->notes != NULL && self->notes[0] != '\0')
    add_block (doc, HU_BLOCK_PARAGRAPH, 0, self->notes);
}

static void
add_statement (HuReport  *self,
               GPtrArray *doc)
{
  gboolean found;
  g_autofree char *statement = NULL;

  if (self->subject_id == NULL)
    return;
  statement = _hu_report_statement (self, self->subject_id, &found);
  add_block (doc, HU_BLOCK_HEADING, 1, _("Carbon impact statement"));
  add_block (doc, HU_BLOCK_STATEMENT, 0, statement);
}

/* The phases of each scenario's life (issue 11), when any has a
 * deployment phase or development runs: they add up to the lifecycle. */
static void
add_lifecycle (HuReport  *self,
               GPtrArray *doc)
{
  HuReportTable *table;
  gboolean any = FALSE;

  for (guint i = 0; i < self->scenarios->len; i++)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, i);

      any = any || (s->estimate != NULL && hu_estimate_has_serving (s->estimate));
    }
  if (!any)
    return;

  table = _hu_report_table_new (_("Lifecycle: development, final training, serving and embodied carbon"), 8,
                     _("Scenario"), "", 2.0,
                     _("Development"), "#", 1.1,
                     _("Final training"), "#", 1.1,
                     _("Serving"), "#", 1.1,
                     _("Embodied"), "#", 1.1,
                     _("Lifecycle"), "#", 1.1,
                     _("Energy per request"), "#", 1.1,
                     _("Break-even (requests)"), "#", 1.3);
  set_units (table, 1, 5, HU_UNIT_MASS_KG, HU_REPORT_UNIT_SCALED, 0, NULL);
  set_units (table, 6, 6, HU_UNIT_ENERGY_KWH, HU_REPORT_UNIT_SCALED, 0, NULL);
  table->for_paper = TRUE;
  /* The phases add up to the lifecycle: one unit for all five columns. */
  for (guint i = 0; i < self->scenarios->len; i++)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, i);
      HuEstimate *e = s->estimate;
      HuPhases phases;

      if (e == NULL)
        continue;
      hu_estimate_get_phases (e, &phases);
      _hu_report_table_add_row (table, g_strdup (s->name),
                     cell (phases.development_kg), cell (phases.training_kg),
                     cell (phases.serving_kg), cell (phases.embodied_kg),
                     cell (e->lifecycle_kg),
                     cell (e->per_request_wh / 1000),
                     isfinite (e->breakeven_requests)
                     ? hu_format_amount (e->breakeven_requests) : NULL);
    }
  add_table (doc, table);
}

static gboolean
any_uncertainty (HuReport *self)
{
  for (guint i = 0; i < self->scenarios->len; i++)
    if (_hu_report_interval (g_ptr_array_index (self->scenarios, i), "total_kg") != NULL)
      return TRUE;
  return FALSE;
}

/* "9.2 t (5.1–14.8 t)" when the scenario has a likely range. */
static char *
fmt_with_interval (double            value,
                   const HuInterval *interval)
{
  if (interval == NULL)
    return cell (value);
  return _hu_report_cell_interval (value, interval->p05, interval->p95);
}

static char *
vs_baseline_cell (const HuReportScenario *s,
                  double                  pct)
{
  g_autofree char *change = fmt_pct_change (pct);
  g_autofree char *p = NULL;

  if (s->uncertainty == NULL || !isfinite (s->uncertainty->p_lower_than_baseline))
    return g_steal_pointer (&change);
  p = hu_format_percent (s->uncertainty->p_lower_than_baseline);
  /* Translators: a change against the baseline and the probability of
   * emitting less than it, "−12.0 %, P 97 %" */
  return g_strdup_printf (_("%s, P %s"), change, p);
}

/* "What matters most": the subject's tornado chart and its inputs'
 * ranges with their sources. */
static void
add_sensitivity (HuReport  *self,
                 GPtrArray *doc)
{
  HuReportTable *table;
  HuReportBlock *block;

  for (guint i = 0; i < self->scenarios->len; i++)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, i);
      g_autofree char *heading = NULL;

      if (!hu_uncertainty_applies (s->uncertainty) || s->uncertainty->sensitivity->len == 0 ||
          g_strcmp0 (s->id, self->subject_id) != 0)
        continue;

      add_block (doc, HU_BLOCK_HEADING, 1, _("What matters most"));
      /* Translators: %s is a scenario's name */
      heading = g_strdup_printf (_("Uncertain inputs of %s"), s->name);
      block = add_block (doc, HU_BLOCK_CHART, 0, heading);
      block->tornado = i + 1;

      table = _hu_report_table_new (NULL, 5,
                         _("Input"), "", 1.6,
                         _("Range"), "#", 1.6,
                         _("CO₂eq at low"), "#", 1.1,
                         _("CO₂eq at high"), "#", 1.1,
                         _("Source"), "", 3.0);
      set_units (table, 2, 3, HU_UNIT_MASS_KG, HU_REPORT_UNIT_SCALED, 0, NULL);
      table->for_paper = TRUE;
      for (guint j = 0; j < s->uncertainty->sensitivity->len; j++)
        {
          const HuSensitivity *sens = &g_array_index (s->uncertainty->sensitivity, HuSensitivity, j);

          _hu_report_table_add_row (table, g_strdup (hu_uncertainty_input_title (sens->key)),
                         hu_input_format_range (sens->key, &sens->range),
                         cell (sens->low_kg), cell (sens->high_kg),
                         sens->source != NULL ? hu_citation_localize (sens->source)
                                              : g_strdup (_("set in this scenario")));
        }
      add_table (doc, table);
    }
}

static void
add_comparison (HuReport  *self,
                GPtrArray *doc)
{
  HuReportTable *table;
  double base = _hu_report_baseline_total (self);

  add_block (doc, HU_BLOCK_HEADING, 1, _("Comparison"));
  /* Each quantity column in one unit named in its header ("Energy
   * (MWh)"), as in the All outputs table: a unit repeated in every cell
   * ("670.9 thousand GPU-h") took the width the Accelerator needs. */
  table = _hu_report_table_new (NULL, 8,
                     _("Scenario"), "", 1.8,
                     _("Accelerator"), "", 3.1,
                     _("Accelerator time"), "#", 1.2,
                     _("Wall-clock"), "#", 1.0,
                     _("Energy"), "#", 1.0,
                     _("CO₂eq"), "#", 1.1,
                     _("vs baseline"), "#", 1.0,
                     _("Cost"), "#", 0.9);
  set_units (table, 2, 2, HU_UNIT_GPU_HOURS, HU_REPORT_UNIT_HEADER, 0, NULL);
  set_units (table, 3, 3, HU_UNIT_HOURS, HU_REPORT_UNIT_HEADER, 0, NULL);
  set_units (table, 4, 4, HU_UNIT_ENERGY_KWH, HU_REPORT_UNIT_HEADER, 0, NULL);
  set_units (table, 5, 5, HU_UNIT_MASS_KG, HU_REPORT_UNIT_HEADER, 0, NULL);
  set_units (table, 7, 7, HU_UNIT_CURRENCY, HU_REPORT_UNIT_HEADER, 0, self->currency);
  table->for_paper = TRUE;

  for (guint i = 0; i < self->scenarios->len; i++)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, i);
      HuEstimate *e = s->estimate;
      gboolean is_base = g_strcmp0 (s->id, self->baseline_id) == 0;

      if (e == NULL)
        {
          _hu_report_table_add_row (table, g_strdup (s->name), g_strdup (s->error), NULL, NULL, NULL,
                         NULL, NULL, NULL);
          continue;
        }
      _hu_report_table_add_row (table, g_strdup (s->name), accelerator_text (e), cell (e->gpu_hours),
                     cell (e->wall_hours), cell (e->energy_kwh),
                     fmt_with_interval (e->total_kg, _hu_report_interval (s, "total_kg")),
                     is_base ? g_strdup (_("baseline"))
                             : vs_baseline_cell (s, _hu_report_pct_change (e->total_kg, base)),
                     cell (e->cost));
    }
  add_table (doc, table);
  if (any_uncertainty (self))
    add_block (doc, HU_BLOCK_PARAGRAPH, 0,
               _("CO₂eq in brackets: the likely range, 5th to 95th percentile of a Monte Carlo "
                 "propagation of the inputs’ ranges. P: the probability of emitting less than "
                 "the baseline, with the inputs both share drawn alike."));

  /* Each quantity column in the unit its figures need, named in its
   * header to keep eleven columns narrow: the tables, charts and
   * statement show the same value the same way (hu-units). CSV and JSON
   * keep the base units at full precision. */
  table = _hu_report_table_new (_("All outputs: per accelerator throughput, one run, and all runs"), 11,
                     _("Scenario"), "", 2.0,
                     _("TFLOP/s per accelerator"), "#", 1.1,
                     _("Accelerator time per run"), "#", 1.2,
                     _("Wall-clock per run"), "#", 1.1,
                     _("Accelerator time"), "#", 1.2,
                     _("IT energy"), "#", 1.2,
                     _("Energy"), "#", 1.2,
                     _("Operational CO₂eq"), "#", 1.2,
                     _("Embodied CO₂eq"), "#", 1.1,
                     _("Total CO₂eq"), "#", 1.2,
                     _("Cost"), "#", 1.0);
  set_units (table, 2, 2, HU_UNIT_GPU_HOURS, HU_REPORT_UNIT_HEADER, 0, NULL);
  set_units (table, 3, 3, HU_UNIT_HOURS, HU_REPORT_UNIT_HEADER, 0, NULL);
  set_units (table, 4, 4, HU_UNIT_GPU_HOURS, HU_REPORT_UNIT_HEADER, 0, NULL);
  set_units (table, 5, 6, HU_UNIT_ENERGY_KWH, HU_REPORT_UNIT_HEADER, 0, NULL);
  set_units (table, 7, 9, HU_UNIT_MASS_KG, HU_REPORT_UNIT_HEADER, 0, NULL);
  set_units (table, 10, 10, HU_UNIT_CURRENCY, HU_REPORT_UNIT_HEADER, 0, self->currency);
  for (guint i = 0; i < self->scenarios->len; i++)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, i);
      HuEstimate *e = s->estimate;

      if (e == NULL)
        continue;
      /* Throughput in TFLOP/s as the peak is written (the inputs). */
      _hu_report_table_add_row (table, g_strdup (s->name),
                     hu_units_format_peak (e->throughput / 1e12, HU_UNITS_NUMBER),
                     cell (e->gpu_hours_run), cell (e->wall_hours), cell (e->gpu_hours),
                     cell (e->energy_it_kwh), cell (e->energy_kwh), cell (e->emissions_kg),
                     cell (e->embodied_kg), cell (e->total_kg), cell (e->cost));
    }
  add_table (doc, table);
}

static void
add_charts (HuReport  *self,
            GPtrArray *doc)
{
  static const HuMetric metrics[] = { HU_METRIC_TOTAL_KG, HU_METRIC_ENERGY_KWH, HU_METRIC_WALL_HOURS };

  if (self->scenarios->len == 0 && self->runs->len == 0)
    return;

  add_block (doc, HU_BLOCK_HEADING, 1, _("Charts"));
  for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
    {
      HuReportBlock *block = add_block (doc, HU_BLOCK_CHART, 0, hu_metric_title (metrics[i]));

      block->metric = metrics[i];
    }
}

static char *
provenance_cell (const HuProvenance *p)
{
  if (p->source != NULL)
    return g_strdup_printf ("%s: %s", origin_text (p->origin), p->source);
  return g_strdup (origin_text (p->origin));
}

static void
add_defaults_rows (HuReportTable    *table,
                   HuReportScenario *s)
{
  HuEstimate *e = s->estimate;
  /* Each value as the Explain steps and the inputs table write it, by
   * the one formatter of its kind: "312 TFLOP/s", "330 W", "19.7 %",
   * "430 g CO₂eq/kWh", "1.10". */
  struct {
    const char         *name;
    double              value;
    char             *(*format) (double value, HuUnitsFlags flags);
    const HuProvenance *from;
  } rows[] = {
    { _("Peak"), e->peak_tflops, hu_units_format_peak, &e->peak_from },
    { _("Power"), e->power_w, hu_units_format_watts, &e->power_from },
    { _("Utilisation"), e->utilization, NULL, &e->utilization_from },
    { _("Carbon intensity"), e->intensity, hu_units_format_intensity, &e->intensity_from },
    { _("PUE"), e->pue, hu_units_format_pue, &e->pue_from },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (!isfinite (rows[i].value))
        continue;
      _hu_report_table_add_row (table, g_strdup (s->name), g_strdup (rows[i].name),
                     rows[i].format != NULL ? rows[i].format (rows[i].value, HU_UNITS_DEFAULT)
                                            : hu_format_percent (rows[i].value),
                     provenance_cell (rows[i].from));
    }
}

/* A price per GPU-hour as the scenario's derivation writes it
 * (hu_units_format_price()), NULL when none. The currency stays in the
 * cell: in the header it would take a third line. */
static char *
price_text (HuReport *self,
            double    price)
{
  return isfinite (price) ? hu_units_format_price (price, self->currency, HU_UNITS_DEFAULT) : NULL;
}

static void
add_inputs (HuReport  *self,
            GPtrArray *doc)
{
  HuReportTable *table;

  add_block (doc, HU_BLOCK_HEADING, 1, _("Scenario inputs"));
  table = _hu_report_table_new (NULL, 12,
                     _("Scenario"), "", 2.0,
                     _("Workload"), "", 1.4,
                     _("Accelerator"), "", 2.0,
                     _("Precision"), "", 0.8,
                     _("Peak (TFLOP/s)"), "#", 0.9,
                     _("Utilisation"), "#", 0.9,
                     _("Power (W)"), "#", 0.8,
                     _("Training runs"), "#", 0.8,
                     _("Region"), "", 1.5,
                     hu_units_intensity_symbol (HU_UNITS_DEFAULT), "#", 0.9,
                     _("PUE"), "#", 0.7,
                     _("Price per GPU-hour"), "#", 0.9);
  /* Peak, power, intensity and PUE are inputs, each written by its
   * formatter as everywhere else ("312", "400", "430", "1.10"), the
   * header naming the unit; not a column's shared decimals ("130.0"). */
  for (guint i = 0; i < self->scenarios->len; i++)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, i);
      HuEstimate *e = s->estimate;
      g_autofree char *workload = NULL;
      g_autofree char *flops = NULL;

      if (e == NULL)
        {
          _hu_report_table_add_row (table, g_strdup (s->name), g_strdup (s->error), NULL, NULL, NULL, NULL,
                         NULL, NULL, NULL, NULL, NULL, NULL);
          continue;
        }
      if (e->workload == HU_WORKLOAD_FLOPS || e->workload == HU_WORKLOAD_PARAMS_TOKENS)
        {
          flops = hu_format_scientific (e->flops);
          workload = g_strdup_printf ("%s: %s", workload_text (e->workload), flops);
        }
      else
        workload = g_strdup (workload_text (e->workload));
      _hu_report_table_add_row (table, g_strdup (s->name), g_steal_pointer (&workload),
                     e->gpu_name != NULL ? hu_gpu_name_for_display (e->gpu_name)
                                         : g_strdup (e->gpu),
                     g_strdup (hu_precision_label (e->precision)),
                     hu_units_format_peak (e->peak_tflops, HU_UNITS_NUMBER),
                     isfinite (e->utilization) ? hu_format_percent (e->utilization) : NULL,
                     hu_units_format_watts (e->power_w, HU_UNITS_NUMBER),
                     /* A count: "1", "1.5", never "1.00". */
                     isfinite (e->retrain) ? hu_format_number (e->retrain, 3) : NULL,
                     g_strdup (_hu_report_region_name (s)),
                     hu_units_format_intensity (e->intensity, HU_UNITS_NUMBER),
                     hu_units_format_pue (e->pue, HU_UNITS_NUMBER), price_text (self, e->price));
    }
  add_table (doc, table);

  table = _hu_report_table_new (_("Defaults and their sources"), 4,
                     _("Scenario"), "", 1.6,
                     _("Input"), "", 1.1,
                     _("Value"), "#", 1.4,
                     _("Origin and source"), "", 4.2);
  for (guint i = 0; i < self->scenarios->len; i++)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, i);

      if (s->estimate != NULL)
        add_defaults_rows (table, s);
    }
  add_table (doc, table);
}

/* "2023-11-09 12:38:46" reads better than ISO 8601's "T" and can wrap
 * between date and time. */
static char *
start_text (const char *start)
{
  char *text = g_strdup (start);
  char *t = text != NULL ? strchr (text, 'T') : NULL;

  if (t != NULL && t - text == 10)
    *t = ' ';
  return text;
}

static void
add_comparison_rows (HuReportTable            *table,
                     const HuReportRun        *r,
                     const HuReportComparison *c)
{
  struct {
    const char *quantity;
    HuUnitKind  unit;
    double      measured;
    double      estimated;
    double      pct;
  } rows[] = {
    { _("Energy"), HU_UNIT_ENERGY_KWH, c->measured_kwh, c->estimated_kwh, c->kwh_pct },
    { _("Operational CO₂eq"), HU_UNIT_MASS_KG, c->measured_kg, c->estimated_kg, c->kg_pct },
    { _("Wall-clock time"), HU_UNIT_HOURS, c->measured_hours, c->estimated_hours, c->hours_pct },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      double both[] = { rows[i].measured, rows[i].estimated };
      char *measured = NULL;
      char *estimated = NULL;
      HuUnitScale scale;

      /* Measured and estimated side by side read in one unit: never
       * "0 kWh" beside "0.57 Wh". */
      hu_unit_scale_init (&scale, rows[i].unit, both, 2, NULL, 0);
      if (isfinite (rows[i].measured))
        measured = hu_unit_scale_format (&scale, rows[i].measured, HU_UNITS_DEFAULT);
      if (isfinite (rows[i].estimated))
        estimated = hu_unit_scale_format (&scale, rows[i].estimated, HU_UNITS_DEFAULT);
      _hu_report_table_add_row (table, g_strdup (r->name), g_strdup (c->scenario->name),
                     g_strdup (rows[i].quantity), measured, estimated,
                     fmt_pct_change (rows[i].pct));
    }
}

static void
add_runs (HuReport  *self,
          GPtrArray *doc)
{
  HuReportTable *table;
  HuReportTable *versus;

  if (self->runs->len == 0)
    return;

  add_block (doc, HU_BLOCK_HEADING, 1, _("Measured runs"));
  table = _hu_report_table_new (NULL, 8,
                     _("Run"), "", 1.8,
                     _("File"), "", 2.0,
                     _("Tracker"), "", 1.2,
                     _("Start"), "", 1.4,
                     _("Duration"), "#", 1.0,
                     _("Energy"), "#", 1.0,
                     _("CO₂eq"), "#", 1.0,
                     _("Hardware"), "", 1.6);
  versus = _hu_report_table_new (_("Measured vs estimated"), 6,
                      _("Run"), "", 1.6,
                      _("Scenario"), "", 1.6,
                      _("Quantity"), "", 1.3,
                      _("Measured"), "#", 1.1,
                      _("Estimated"), "#", 1.1,
                      _("Estimate vs measurement"), "#", 1.1);
  set_units (table, 4, 4, HU_UNIT_HOURS, HU_REPORT_UNIT_SCALED, 0, NULL);
  set_units (table, 5, 5, HU_UNIT_ENERGY_KWH, HU_REPORT_UNIT_SCALED, 0, NULL);
  set_units (table, 6, 6, HU_UNIT_MASS_KG, HU_REPORT_UNIT_SCALED, 0, NULL);

  for (guint i = 0; i < self->runs->len; i++)
    {
      HuReportRun *r = g_ptr_array_index (self->runs, i);
      const HuRunData *d = &r->data;
      HuReportComparison c;
      g_autofree char *tracker = g_strdup_printf ("%s %s", d->source != NULL ? d->source : "",
                                                  d->source_version != NULL ? d->source_version : "");
      char *hardware = NULL;

      if (d->gpu_model != NULL)
        {
          g_autofree char *count = !isfinite (d->gpu_count) ? NULL
                                   : d->gpu_count == floor (d->gpu_count) ? fmt_int (d->gpu_count)
                                   : fmt_sig (d->gpu_count, 3);

          hardware = count != NULL ? g_strdup_printf ("%s × %s", count, d->gpu_model)
                                   : g_strdup (d->gpu_model);
        }
      else
        /* As the app's table and the CLI say it: "No accelerator" for a
         * CPU-only run, whose 0 GPU-h is then no missing figure. */
        hardware = hu_run_data_format_accelerators (d);
      /* The file's name is enough to find it again; CSV and JSON keep the path. */
      _hu_report_table_add_row (table, g_strdup (r->name), d->file != NULL ? g_path_get_basename (d->file) : NULL,
                     g_strdup (g_strstrip (tracker)),
                     start_text (d->start),
                     cell (r->metrics[HU_METRIC_WALL_HOURS]),
                     cell (r->metrics[HU_METRIC_ENERGY_KWH]),
                     cell (r->metrics[HU_METRIC_EMISSIONS_KG]),
                     hardware);

      if (_hu_report_compare_run (self, r, &c))
        add_comparison_rows (versus, r, &c);
    }

  /* What was measured, and with what, belongs in a paper too. */
  table->for_paper = TRUE;
  versus->for_paper = TRUE;
  add_table (doc, table);
  if (versus->rows->len > 0)
    {
      add_table (doc, versus);
      add_block (doc, HU_BLOCK_PARAGRAPH, 0,
                 _("Trackers measure the electricity used while the run lasted, so the "
                   "estimate’s operational CO₂eq (without embodied carbon) is compared. A "
                   "difference is how far the estimate is from the measurement: "
                   "(estimated − measured) ÷ measured."));
    }
  else
    _hu_report_table_free (versus);

  for (guint i = 0; i < self->runs->len; i++)
    {
      HuReportRun *r = g_ptr_array_index (self->runs, i);

      if (r->data.series != NULL && r->data.series->len > 0)
        {
          HuReportBlock *chart = add_block (doc, HU_BLOCK_CHART, 0, r->name);

          chart->metric = HU_N_METRICS;
          chart->run = (int) i;
        }
    }
}

static void
add_derivations (HuReport  *self,
                 GPtrArray *doc)
{
  add_block (doc, HU_BLOCK_HEADING, 1, _("How each scenario is computed"));

  for (guint i = 0; i < self->scenarios->len; i++)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, i);
      HuReportTable *table;

      add_block (doc, HU_BLOCK_HEADING, 2, s->name);
      if (s->notes != NULL && s->notes[0] != '\0')
        add_block (doc, HU_BLOCK_PARAGRAPH, 0, s->notes);
      if (s->estimate == NULL || s->estimate->steps == NULL)
        {
          add_block (doc, HU_BLOCK_PARAGRAPH, 0, s->error);
          continue;
        }

      table = _hu_report_table_new (NULL, 4,
                         _("Step"), "", 1.6,
                         _("Calculation"), "", 3.2,
                         _("Result"), "#", 1.1,
                         _("Source"), "", 2.0);
      for (guint j = 0; j < s->estimate->steps->len; j++)
        {
          HuStep *step = g_ptr_array_index (s->estimate->steps, j);

          _hu_report_table_add_row (table,
                         step->formula != NULL ? g_strdup_printf ("%s: %s", step->title, step->formula)
                                               : g_strdup (step->title),
                         g_strdup (step->calculation), g_strdup (step->result),
                         g_strdup (step->note != NULL ? step->note : ""));
        }
      add_table (doc, table);
    }
}

/* Whether every equivalence factor cites the set's own source. */
static gboolean
all_from_set_source (HuReport *self)
{
  for (guint i = 0; i < self->equivalences->len; i++)
    {
      HuReportEquivalence *e = g_ptr_array_index (self->equivalences, i);

      if (g_strcmp0 (e->source, self->equivalence_set_source) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
add_equivalences (HuReport  *self,
                  GPtrArray *doc)
{
  HuReportTable *table;
  g_autofree char *intro = NULL;
  g_autofree char *set_title = NULL;
  g_autofree char *set_source = NULL;
  gboolean same_source;

  if (self->equivalences->len == 0)
    return;

  add_block (doc, HU_BLOCK_HEADING, 1, _("Equivalences"));
  set_title = equivalence_set_title (self);
  /* Translators: %s is the name of a set of equivalence factors, with
   * its year when it has one, then its source. */
  intro = g_strdup_printf (_("The total CO₂eq of the statement’s subject in everyday terms, "
                             "with the factors of %s. Source: %s."),
                           set_title, (set_source = hu_citation_localize (self->equivalence_set_source)));
  add_block (doc, HU_BLOCK_PARAGRAPH, 0, intro);

  table = _hu_report_table_new (NULL, 5,
                     _("Equivalent to"), "", 2.0,
                     _("Calculation"), "", 2.0,
                     _("Factor (kg CO₂eq per unit)"), "#", 1.1,
                     _("Year"), "#", 0.6,
                     _("Source"), "", 3.0);
  /* Every factor from the set's own source, which the paragraph above
   * names: the Source column would repeat it on each row, in three lines
   * in Spanish, and is left out (the "—" of every row drops it). One
   * factor from elsewhere keeps every row's source. */
  same_source = all_from_set_source (self);
  for (guint i = 0; i < self->equivalences->len; i++)
    {
      HuReportEquivalence *e = g_ptr_array_index (self->equivalences, i);

      _hu_report_table_add_row (table, g_strdup (e->label), g_strdup (e->explanation),
                     fmt_sig (e->kg_per_unit, 4),
                     e->year > 0 ? g_strdup_printf ("%d", e->year) : NULL,
                     same_source ? NULL : hu_citation_localize (e->source));
    }
  add_table (doc, table);
}

static void
add_references (HuReport  *self,
                GPtrArray *doc)
{
  HuReportTable *table;

  add_block (doc, HU_BLOCK_HEADING, 1, _("References"));
  for (guint i = 0; i < _hu_report_n_papers (); i++)
    {
      g_autofree char *text = _hu_report_paper (i);

      add_block (doc, HU_BLOCK_PARAGRAPH, 0, text);
    }

  if (self->references->len == 0)
    return;

  table = _hu_report_table_new (_("Datasets in Huella’s catalog"), 4,
                     _("Dataset"), "", 1.6,
                     _("Publisher"), "", 3.2,
                     _("Year"), "", 0.9,
                     _("Licence"), "", 1.3);
  for (guint i = 0; i < self->references->len; i++)
    {
      HuReportReference *r = g_ptr_array_index (self->references, i);

      /* The catalog's data sources in the reader's language. */
      _hu_report_table_add_row (table, hu_citation_localize (r->dataset),
                                hu_citation_localize (r->publisher),
                                hu_citation_localize (r->year),
                                hu_citation_localize (r->licence));
    }
  add_table (doc, table);
}

/**
 * _hu_report_build_document:
 * @self: a #HuReport
 *
 * Returns: (transfer full) (element-type HuReportBlock): the report's
 *   blocks in reading order, for the sections chosen in the options
 */
GPtrArray *
_hu_report_build_document (HuReport *self)
{
  GPtrArray *doc = g_ptr_array_new_with_free_func (block_free);

  add_title_block (self, doc);
  if (self->sections & HU_REPORT_INCLUDE_STATEMENT)
    add_statement (self, doc);
  if ((self->sections & HU_REPORT_INCLUDE_COMPARISON) && self->scenarios->len > 0)
    {
      add_comparison (self, doc);
      add_lifecycle (self, doc);
    }
  if (self->sections & HU_REPORT_INCLUDE_CHARTS)
    add_charts (self, doc);
  if (self->sections & HU_REPORT_INCLUDE_CHARTS)
    add_sensitivity (self, doc);
  if ((self->sections & HU_REPORT_INCLUDE_INPUTS) && self->scenarios->len > 0)
    add_inputs (self, doc);
  if (self->sections & HU_REPORT_INCLUDE_RUNS)
    add_runs (self, doc);
  if ((self->sections & HU_REPORT_INCLUDE_DERIVATIONS) && self->scenarios->len > 0)
    add_derivations (self, doc);
  if (self->sections & HU_REPORT_INCLUDE_EQUIVALENCES)
    add_equivalences (self, doc);
  if (self->sections & HU_REPORT_INCLUDE_REFERENCES)
    add_references (self, doc);

  return doc;
}
