/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "hu-chart-private.h"
#include "hu-number.h"

/* Charts built straight from core data. They live apart from the renderer
 * so the renderer stays a pure "data in, pixels out" unit. */

/**
 * hu_metric_unit_kind:
 * @metric: a #HuMetric
 *
 * Returns: how values of @metric are scaled and labelled
 */
HuUnitKind
hu_metric_unit_kind (HuMetric metric)
{
  switch (metric)
    {
    case HU_METRIC_GPU_HOURS: return HU_UNIT_GPU_HOURS;
    case HU_METRIC_WALL_HOURS: return HU_UNIT_HOURS;
    case HU_METRIC_ENERGY_KWH: return HU_UNIT_ENERGY_KWH;
    case HU_METRIC_EMISSIONS_KG:
    case HU_METRIC_TOTAL_KG: return HU_UNIT_MASS_KG;
    case HU_METRIC_COST: return HU_UNIT_CURRENCY;
    case HU_N_METRICS:
    default:
      return HU_UNIT_PLAIN;
    }
}

/**
 * _hu_chart_new_from_rows:
 * @rows: (array length=n_rows): the comparison's rows, in order
 * @metric: what to compare
 * @currency: the currency of costs
 *
 * The one builder of comparison bars: the live comparison and the
 * report's snapshot both describe their rows and call this, so the app
 * and the report draw the same bars from the same cached numbers. Every
 * row is a bar; an unknown value is drawn as "n/a", never dropped.
 *
 * Returns: (transfer full): the chart
 */
HuChart *
_hu_chart_new_from_rows (const HuChartRow *rows,
                         guint             n_rows,
                         HuMetric          metric,
                         const char       *currency)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_BARS);
  gboolean stack = FALSE;
  guint main_series;
  int embodied = -1;
  int development = -1;
  gboolean phased = FALSE;

  hu_chart_set_title (chart, hu_metric_title (metric));
  hu_chart_set_y_label (chart, hu_metric_title (metric));
  hu_chart_set_unit_kind (chart, hu_metric_unit_kind (metric));
  hu_chart_set_currency (chart, currency);
  /* Translators: marks the baseline scenario in a chart's text. */
  hu_chart_set_highlight_label (chart, _("baseline"));

  for (guint i = 0; i < n_rows; i++)
    {
      stack |= !rows[i].measured && isfinite (rows[i].embodied_kg) && rows[i].embodied_kg > 0;
      phased |= !rows[i].measured && rows[i].has_phases;
    }

  /* Stack embodied carbon only when some scenario has any: an empty
   * legend entry would suggest it was counted as zero on purpose. */
  /* With a deployment phase the bar is the whole life, by phase, as the
   * app's comparison chart draws it. */
  if (metric == HU_METRIC_TOTAL_KG && phased)
    {
      hu_chart_set_title (chart, _("Lifecycle CO₂eq"));
      hu_chart_set_y_label (chart, _("Lifecycle CO₂eq"));
      development = (int) hu_chart_add_series (chart, _("Development"));
      main_series = hu_chart_add_series (chart, _("Final training"));
      hu_chart_add_series (chart, _("Serving"));
      hu_chart_add_series (chart, _("Embodied"));
    }
  else if (metric == HU_METRIC_TOTAL_KG && stack)
    {
      main_series = hu_chart_add_series (chart, _("Operational"));
      embodied = (int) hu_chart_add_series (chart, _("Embodied"));
    }
  else
    main_series = hu_chart_add_series (chart, hu_metric_title (metric));

  for (guint i = 0; i < n_rows; i++)
    {
      const HuChartRow *row = &rows[i];
      g_autofree char *label = NULL;
      guint c;

      if (row->measured)
        /* Translators: a measured run's name in a chart, beside estimates. */
        label = g_strdup_printf (_("%s (measured)"), row->name);
      /* The baseline is marked, a lone scenario too: it is the one
       * measured runs and new scenarios are compared with. */
      c = hu_chart_add_category (chart, label != NULL ? label : row->name, row->baseline);
      if (development >= 0)
        {
          /* A measured run is one training run, with nothing else known;
           * a scenario without deployment has no serving phase. */
          HuPhases phases = { 0, row->metrics[HU_METRIC_TOTAL_KG], 0, 0 };

          if (!row->measured && (row->has_phases || row->phases.training_kg > 0))
            phases = row->phases;
          else if (!row->measured)
            {
              phases.training_kg = row->metrics[HU_METRIC_EMISSIONS_KG];
              phases.embodied_kg = row->embodied_kg;
            }
          hu_chart_set_value (chart, development, c, phases.development_kg);
          hu_chart_set_value (chart, development + 1, c, phases.training_kg);
          hu_chart_set_value (chart, development + 2, c, phases.serving_kg);
          hu_chart_set_value (chart, development + 3, c, phases.embodied_kg);
        }
      else if (embodied >= 0 && !row->measured)
        {
          hu_chart_set_value (chart, main_series, c, row->metrics[HU_METRIC_EMISSIONS_KG]);
          hu_chart_set_value (chart, embodied, c, row->embodied_kg);
        }
      else
        hu_chart_set_value (chart, main_series, c, row->metrics[metric]);
      if (row->high > row->low)
        hu_chart_set_interval (chart, c, row->low, row->high);
    }

  return g_steal_pointer (&chart);
}

/**
 * hu_chart_new_comparison:
 * @comparison: the comparison to draw
 * @metric: what to compare
 *
 * Reads the rows' cached numbers; never estimates.
 *
 * Returns: (transfer full): vertical bars, one per scenario then one per
 *   measured run (unknown values drawn as "n/a"); total CO₂eq stacks
 *   operational and embodied emissions; the baseline is highlighted
 */
HuChart *
hu_chart_new_comparison (HuComparison *comparison,
                         HuMetric      metric)
{
  GListModel *model = G_LIST_MODEL (comparison);
  HuComparisonRow *baseline;
  g_autofree HuChartRow *rows = NULL;
  guint n;

  g_return_val_if_fail (HU_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (metric < HU_N_METRICS, NULL);

  n = g_list_model_get_n_items (model);
  baseline = hu_comparison_get_baseline (comparison);
  rows = g_new0 (HuChartRow, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      HuComparisonRow *row = hu_comparison_get_row (comparison, i);
      const HuEstimate *estimate = hu_comparison_row_get_estimate (row);

      rows[i].name = hu_comparison_row_get_name (row);
      rows[i].measured = hu_comparison_row_get_kind (row) == HU_COMPARISON_ROW_RUN;
      rows[i].baseline = row == baseline;
      for (guint m = 0; m < HU_N_METRICS; m++)
        rows[i].metrics[m] = hu_comparison_row_get_metric (row, m);
      rows[i].embodied_kg = estimate != NULL ? estimate->embodied_kg : NAN;
    }

  return _hu_chart_new_from_rows (rows, n, metric,
                                  hu_project_get_currency (hu_comparison_get_project (comparison)));
}

/**
 * hu_chart_new_from_sweep:
 * @items: (element-type HuSweepItem): from hu_sweep_regions() or
 *   hu_sweep_gpus(), already ranked
 * @metric: the metric the items were ranked by
 *
 * Returns: (transfer full): ranked horizontal bars with the scenario's own
 *   choice highlighted
 */
HuChart *
hu_chart_new_from_sweep (GPtrArray *items,
                         HuMetric   metric)
{
  HuChart *chart;

  g_return_val_if_fail (items != NULL, NULL);
  g_return_val_if_fail (metric < HU_N_METRICS, NULL);

  chart = hu_chart_new (HU_CHART_RANKED);
  hu_chart_set_y_label (chart, hu_metric_title (metric));
  hu_chart_set_unit_kind (chart, hu_metric_unit_kind (metric));
  hu_chart_add_series (chart, hu_metric_title (metric));

  for (guint i = 0; i < items->len; i++)
    {
      HuSweepItem *item = g_ptr_array_index (items, i);
      guint category = hu_chart_add_category (chart, item->label != NULL ? item->label : item->id,
                                              item->current);

      hu_chart_set_value (chart, 0, category, item->value);
    }

  return chart;
}

static const char *
input_key_title (HuInputKey key)
{
  switch (key)
    {
    case HU_INPUT_COUNT: return _("Accelerators");
    case HU_INPUT_UTILIZATION: return _("Utilisation");
    case HU_INPUT_RETRAIN: return _("Training runs");
    case HU_INPUT_PUE: return _("PUE");
    case HU_INPUT_POWER_W: return _("Power per accelerator");
    case HU_INPUT_INTENSITY: return _("Carbon intensity");
    default:
      return hu_input_key_name (key);
    }
}

/**
 * hu_chart_new_parameter_sweep:
 * @points: (element-type double): (x, y) pairs from hu_sweep_parameter()
 * @key: the swept input
 * @metric: the metric on the y axis
 * @current_x: the scenario's own value, marked on the chart; NAN for none
 *
 * Returns: (transfer full): a line chart of @metric against @key
 */
HuChart *
hu_chart_new_parameter_sweep (GArray     *points,
                              HuInputKey  key,
                              HuMetric    metric,
                              double      current_x)
{
  HuChart *chart;

  g_return_val_if_fail (points != NULL, NULL);
  g_return_val_if_fail (metric < HU_N_METRICS, NULL);

  chart = hu_chart_new (HU_CHART_LINE);
  hu_chart_set_x_label (chart, input_key_title (key));
  hu_chart_set_y_label (chart, hu_metric_title (metric));
  hu_chart_set_x_unit_kind (chart, key == HU_INPUT_UTILIZATION ? HU_UNIT_PERCENT
                                   : key == HU_INPUT_POWER_W ? HU_UNIT_POWER_W
                                   : HU_UNIT_PLAIN);
  hu_chart_set_unit_kind (chart, hu_metric_unit_kind (metric));
  hu_chart_add_series (chart, hu_metric_title (metric));

  for (guint i = 0; i + 1 < points->len; i += 2)
    hu_chart_add_point (chart, 0, g_array_index (points, double, i),
                        g_array_index (points, double, i + 1));
  hu_chart_set_x_marker (chart, current_x);

  return chart;
}

HuChart *
_hu_chart_new_power (const char      *name,
                     const HuRunData *data)
{
  HuChart *chart = hu_chart_new (HU_CHART_POWER);

  hu_chart_set_title (chart, name);
  hu_chart_set_x_label (chart, _("Time"));
  hu_chart_set_y_label (chart, _("Power"));
  hu_chart_set_x_unit_kind (chart, HU_UNIT_SECONDS);
  hu_chart_set_unit_kind (chart, HU_UNIT_POWER_W);

  for (guint i = 0; data->series != NULL && i < data->series->len; i++)
    {
      HuPowerSeries *series = g_ptr_array_index (data->series, i);
      g_autofree char *title = hu_power_series_get_title (series);
      guint index = hu_chart_add_series (chart, title);

      for (guint j = 0; j < series->buckets->len; j++)
        {
          HuSeriesBucket *b = &g_array_index (series->buckets, HuSeriesBucket, j);

          hu_chart_add_bucket (chart, index, b->t0_s, b->t1_s, b->min_w, b->mean_w, b->max_w);
        }
    }

  return chart;
}

/**
 * hu_chart_new_power:
 * @run: a measured run
 *
 * Returns: (transfer full): the run's power over time, one band and mean
 *   line per logged series; empty when the log has no time series
 */
HuChart *
hu_chart_new_power (HuMeasuredRun *run)
{
  g_return_val_if_fail (HU_IS_MEASURED_RUN (run), NULL);

  return _hu_chart_new_power (hu_measured_run_get_name (run),
                              hu_measured_run_get_data (run));
}

/**
 * hu_chart_new_lifecycle:
 * @estimate: an estimate with a deployment phase
 *
 * Cumulative CO₂eq by day of deployment (issue 11): training (its
 * development runs, the final run and the embodied share) is all spent
 * at day 0; serving (operational and embodied) then accrues at a steady
 * rate until the last day, as hu_estimate_lifecycle_kg_at_day() says.
 * Three lines: the whole life (wide, under the others), training alone
 * (dashed) and serving alone. The break-even day, when serving has used
 * as much energy as training, is marked when it falls within the
 * deployment.
 *
 * Returns: (transfer full) (nullable): the chart, or %NULL without a
 *   deployment phase or when its days are unknown
 */
HuChart *
hu_chart_new_lifecycle (const HuEstimate *estimate)
{
  HuChart *chart;
  double days, serving_kg, breakeven;
  double at[3];
  guint n_at = 0;
  guint life, training, serving;

  g_return_val_if_fail (estimate != NULL, NULL);

  if (!hu_estimate_has_serving (estimate) || !isfinite (estimate->days) || estimate->days <= 0 ||
      !isfinite (hu_estimate_lifecycle_kg_at_day (estimate, estimate->days)))
    return NULL;

  days = estimate->days;
  serving_kg = estimate->inference_emissions_kg + estimate->inference_embodied_kg;
  breakeven = estimate->breakeven_days;

  chart = hu_chart_new (HU_CHART_LINE);
  /* Translators: title of the chart of a model's CO₂eq over its deployment */
  hu_chart_set_title (chart, _("The whole life, day by day"));
  hu_chart_set_x_label (chart, _("Days deployed"));
  hu_chart_set_y_label (chart, _("Cumulative CO₂eq"));
  hu_chart_set_x_unit_kind (chart, HU_UNIT_PLAIN);
  hu_chart_set_unit_kind (chart, HU_UNIT_MASS_KG);
  /* Translators: a line of the lifecycle chart: training and serving together */
  life = hu_chart_add_series (chart, _("Whole life"));
  /* Translators: a line of the lifecycle chart: development, final training run, embodied */
  training = hu_chart_add_series (chart, _("Training"));
  /* Translators: a line of the lifecycle chart: serving's operational and embodied CO₂eq */
  serving = hu_chart_add_series (chart, _("Serving"));
  /* The whole life starts where training is and, when serving is small,
   * stays within a pixel of it: wide and underneath, with training
   * dashed on top, both stay visible (issue 10). */
  hu_chart_set_series_line (chart, life, HU_LINE_WIDE);
  hu_chart_set_series_line (chart, training, HU_LINE_DASHED);

  /* The lines are straight: their ends, and the break-even day so that
   * it has a point to hover. */
  at[n_at++] = 0;
  if (isfinite (breakeven) && breakeven > 0 && breakeven < days)
    at[n_at++] = breakeven;
  at[n_at++] = days;
  for (guint i = 0; i < n_at; i++)
    {
      hu_chart_add_point (chart, life, at[i], hu_estimate_lifecycle_kg_at_day (estimate, at[i]));
      hu_chart_add_point (chart, training, at[i], estimate->total_kg);
      hu_chart_add_point (chart, serving, at[i], serving_kg * at[i] / days);
    }

  if (isfinite (breakeven) && breakeven <= days)
    {
      g_autofree char *day = hu_format_day (breakeven);
      /* Translators: %s is a day number */
      g_autofree char *subtitle = g_strdup_printf (_("Break-even on day %s: serving has used as "
                                                     "much energy as training"), day);

      hu_chart_set_x_marker (chart, breakeven);
      /* Translators: label of the marked day on the lifecycle chart */
      hu_chart_set_x_marker_label (chart, _("break-even"));
      hu_chart_set_subtitle (chart, subtitle);
    }
  else if (isfinite (breakeven))
    {
      g_autofree char *day = hu_format_day (breakeven);
      /* Translators: %s is a day number after the last day deployed */
      g_autofree char *subtitle = g_strdup_printf (_("Serving would use as much energy as "
                                                     "training on day %s, after this "
                                                     "deployment ends"), day);

      hu_chart_set_subtitle (chart, subtitle);
    }

  return chart;
}

/**
 * hu_chart_new_tornado:
 * @u: a result of hu_uncertainty_compute()
 * @point_kg: the point estimate of total CO₂eq
 *
 * Returns: (transfer full) (nullable): the tornado chart, largest swing
 *   on top, or %NULL when no input is ranged.
 */
HuChart *
hu_chart_new_tornado (const HuUncertainty *u,
                      double               point_kg)
{
  HuChart *chart;
  guint low, high;

  if (!hu_uncertainty_applies (u) || u->sensitivity->len == 0)
    return NULL;

  chart = hu_chart_new (HU_CHART_TORNADO);
  /* Translators: title of the tornado chart of an estimate's uncertain inputs */
  hu_chart_set_title (chart, _("What matters most"));
  hu_chart_set_subtitle (chart, _("Total CO₂eq with one input at each end of its range, the others at their likely values"));
  hu_chart_set_y_label (chart, _("Total CO₂eq"));
  hu_chart_set_unit_kind (chart, HU_UNIT_MASS_KG);
  hu_chart_set_x_marker (chart, point_kg);
  hu_chart_set_stacked (chart, FALSE);
  /* Translators: legend of the tornado chart: the input at the low end of its range */
  low = hu_chart_add_series (chart, _("At the low end"));
  high = hu_chart_add_series (chart, _("At the high end"));
  for (guint i = 0; i < u->sensitivity->len; i++)
    {
      const HuSensitivity *s = &g_array_index (u->sensitivity, HuSensitivity, i);
      guint c = hu_chart_add_category (chart, hu_uncertainty_input_title (s->key), FALSE);

      hu_chart_set_value (chart, low, c, s->low_kg);
      hu_chart_set_value (chart, high, c, s->high_kg);
    }
  return chart;
}
