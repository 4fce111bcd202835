/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hu-core.h"
#include "hu-chart-private.h"
#include "hu-report-document-private.h"

/*
 * The report's charts, built from its snapshot: the comparison bars (the
 * lifecycle by phase when a scenario is served), a run's power and a
 * scenario's tornado. Every human format draws the same charts.
 */

/* The comparison bars labelled as the comparison table beside them writes
 * the same values: one scale of the unit's significant digits over the
 * bars and their ranges, as a table column has (hu_unit_scale_init()),
 * so that a bar reads "72.63" beside the table's "72.63", never "72.6". */
static HuChart *
label_as_table (HuChart    *chart,
                const char *currency)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  HuUnitScale scale;

  for (guint c = 0; c < hu_chart_get_n_categories (chart); c++)
    {
      double bar = NAN, low, high;

      for (guint s = 0; s < hu_chart_get_n_series (chart); s++)
        {
          double v = hu_chart_get_value (chart, s, c);

          if (isfinite (v))
            bar = isfinite (bar) ? bar + v : v;
        }
      g_array_append_val (values, bar);
      if (hu_chart_get_interval (chart, c, &low, &high))
        {
          g_array_append_val (values, low);
          g_array_append_val (values, high);
        }
    }
  hu_unit_scale_init (&scale, hu_chart_get_unit_kind (chart), (const double *) values->data,
                      values->len, currency, 0);
  hu_chart_set_label_scale (chart, &scale);
  return chart;
}

/* As the app's comparison chart (HU_COMPARISON_CHART_MAX_BARS): past
 * thirty bars, the largest 29 and one that sums the others, so a project
 * with hundreds of imported runs still has readable labels. */
#define MAX_BARS 30

static double
bar_value (const HuChartRow *row,
           HuMetric          metric)
{
  double value = row->metrics[metric];

  return isfinite (value) ? value : -INFINITY;
}

static int
compare_bars (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  HuMetric metric = GPOINTER_TO_INT (user_data);
  double va = bar_value (a, metric), vb = bar_value (b, metric);

  return va > vb ? -1 : va < vb ? 1 : 0;
}

/* Keeps the MAX_BARS − 1 largest of @rows, largest first, and makes the
 * last one the sum of the others ("271 others"), labelled in @label.
 * Returns the rows kept, the sum included. */
static guint
keep_largest (HuChartRow *rows,
              guint       n,
              HuMetric    metric,
              char      **label)
{
  guint shown = MAX_BARS - 1;
  HuChartRow others = { 0 };

  g_qsort_with_data (rows, n, sizeof (HuChartRow), compare_bars, GINT_TO_POINTER (metric));
  for (guint m = 0; m < HU_N_METRICS; m++)
    others.metrics[m] = 0;
  others.embodied_kg = 0;
  others.low = others.high = NAN;
  for (guint i = shown; i < n; i++)
    {
      for (guint m = 0; m < HU_N_METRICS; m++)
        if (isfinite (rows[i].metrics[m]))
          others.metrics[m] += rows[i].metrics[m];
      if (isfinite (rows[i].embodied_kg))
        others.embodied_kg += rows[i].embodied_kg;
    }
  /* Translators: the last bar of a chart, the sum of the rows that do
   * not have a bar of their own */
  *label = g_strdup_printf (ngettext ("%u other", "%u others", n - shown), n - shown);
  others.name = *label;
  rows[shown] = others;
  return shown + 1;
}

/**
 * _hu_report_build_chart:
 * @self: a #HuReport
 * @block: a %HU_BLOCK_CHART block
 *
 * Charts are built in the exporting thread from the snapshot, through
 * the builder hu_chart_new_comparison() uses, without touching the live
 * project.
 *
 * Returns: (transfer full): the chart
 */
HuChart *
_hu_report_build_chart (HuReport            *self,
                        const HuReportBlock *block)
{
  HuMetric metric = block->metric;
  g_autofree HuChartRow *rows = NULL;
  g_autofree char *others = NULL;
  guint n;

  if (block->run >= 0)
    {
      HuReportRun *r = g_ptr_array_index (self->runs, block->run);

      return _hu_chart_new_power (r->name, &r->data);
    }
  if (block->tornado > 0)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, block->tornado - 1);

      return hu_chart_new_tornado (s->uncertainty, s->estimate->total_kg);
    }

  n = self->scenarios->len + self->runs->len;
  rows = g_new0 (HuChartRow, MAX (n, 1));
  for (guint i = 0; i < self->scenarios->len; i++)
    {
      HuReportScenario *s = g_ptr_array_index (self->scenarios, i);
      HuChartRow *row = &rows[i];

      row->name = s->name;
      row->baseline = g_strcmp0 (s->id, self->baseline_id) == 0;
      memcpy (row->metrics, s->metrics, sizeof row->metrics);
      row->embodied_kg = s->estimate != NULL ? s->estimate->embodied_kg : NAN;
      if (s->estimate != NULL)
        {
          row->has_phases = hu_estimate_has_serving (s->estimate);
          hu_estimate_get_phases (s->estimate, &row->phases);
        }
      {
        /* A bar of the whole life carries the lifecycle's range. */
        const HuInterval *iv = _hu_report_interval (s, metric == HU_METRIC_TOTAL_KG &&
                                                       row->has_phases
                                                       ? "lifecycle_kg"
                                                       : hu_metric_to_string (metric));

        if (iv != NULL)
          {
            row->low = iv->p05;
            row->high = iv->p95;
          }
      }
    }
  for (guint i = 0; i < self->runs->len; i++)
    {
      HuReportRun *r = g_ptr_array_index (self->runs, i);
      HuChartRow *row = &rows[self->scenarios->len + i];

      row->name = r->name;
      row->measured = TRUE;
      memcpy (row->metrics, r->metrics, sizeof row->metrics);
      row->embodied_kg = NAN;
    }

  if (n > MAX_BARS)
    n = keep_largest (rows, n, metric, &others);
  return label_as_table (_hu_chart_new_from_rows (rows, n, metric, self->currency),
                         self->currency);
}
