/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Report"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hu-core.h"
#include "hu-chart-private.h"
#include "hu-report-document-private.h"

/*
 * The report's charts, built from its snapshot: the comparison bars (the
 * lifecycle by phase when a scenario is served), a run's power and a
 * scenario's tornado. Every human format draws the same charts.
 */

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

  return _hu_chart_new_from_rows (rows, n, metric, self->currency);
}
