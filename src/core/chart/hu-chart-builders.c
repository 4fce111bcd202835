/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "hu-chart-private.h"

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

double
_hu_run_data_get_metric (const HuRunData *data,
                         HuMetric         metric)
{
  switch (metric)
    {
    case HU_METRIC_ENERGY_KWH:
      return data->energy_kwh;
    case HU_METRIC_EMISSIONS_KG:
    case HU_METRIC_TOTAL_KG:
      return data->emissions_kg;
    case HU_METRIC_WALL_HOURS:
      return data->duration_s / 3600;
    case HU_METRIC_GPU_HOURS:
      return data->duration_s / 3600 * data->gpu_count;
    case HU_METRIC_COST:
    case HU_N_METRICS:
    default:
      return NAN;
    }
}

static void
add_scenarios (HuChart   *chart,
               HuProject *project,
               HuCatalog *catalog,
               HuMetric   metric,
               guint      main_series,
               int        embodied_series)
{
  GListModel *scenarios = G_LIST_MODEL (hu_project_get_scenarios (project));
  guint n = g_list_model_get_n_items (scenarios);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HuScenario) scenario = g_list_model_get_item (scenarios, i);
      g_autoptr(HuEstimate) estimate = NULL;
      const char *name = hu_scenario_get_name (scenario);
      guint category;

      category = hu_chart_add_category (chart, name != NULL && name[0] != '\0'
                                                 ? name : hu_scenario_get_id (scenario),
                                        FALSE);
      /* A scenario that cannot be estimated (unknown GPU, missing input)
       * stays in the chart as "n/a" rather than vanishing silently. */
      estimate = hu_estimate_compute (hu_scenario_get_inputs (scenario), catalog,
                                      HU_ESTIMATE_NO_DERIVATION, NULL);
      if (estimate == NULL)
        continue;

      if (embodied_series >= 0)
        {
          hu_chart_set_value (chart, main_series, category, estimate->emissions_kg);
          hu_chart_set_value (chart, embodied_series, category, estimate->embodied_kg);
        }
      else
        hu_chart_set_value (chart, main_series, category,
                            hu_estimate_get_metric (estimate, metric));
    }
}

static void
add_runs (HuChart   *chart,
          HuProject *project,
          HuMetric   metric,
          guint      main_series)
{
  GListModel *runs = G_LIST_MODEL (hu_project_get_runs (project));
  guint n = g_list_model_get_n_items (runs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HuMeasuredRun) run = g_list_model_get_item (runs, i);
      const HuRunData *data = hu_measured_run_get_data (run);
      double value = _hu_run_data_get_metric (data, metric);
      g_autofree char *label = NULL;
      guint category;

      if (!isfinite (value))
        continue;

      /* Translators: a measured run's name in a chart, beside estimates. */
      label = g_strdup_printf (_("%s (measured)"), hu_measured_run_get_name (run));
      category = hu_chart_add_category (chart, label, FALSE);
      hu_chart_set_value (chart, main_series, category, value);
    }
}

static gboolean
any_embodied (HuProject *project,
              HuCatalog *catalog)
{
  GListModel *scenarios = G_LIST_MODEL (hu_project_get_scenarios (project));

  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(HuScenario) scenario = g_list_model_get_item (scenarios, i);
      const HuInputs *inputs = hu_scenario_get_inputs (scenario);

      if (isfinite (inputs->embodied_kg) && inputs->embodied_kg > 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * hu_chart_new_comparison:
 * @project: the project whose scenarios and runs to compare
 * @catalog: (nullable): catalog for the estimates; %NULL for the project's
 * @metric: what to compare
 *
 * Returns: (transfer full): vertical bars, one per scenario then one per
 *   measured run that logged @metric; total CO₂eq stacks operational and
 *   embodied emissions
 */
HuChart *
hu_chart_new_comparison (HuProject *project,
                         HuCatalog *catalog,
                         HuMetric   metric)
{
  g_autoptr(HuChart) chart = NULL;
  int embodied = -1;
  guint main_series;

  g_return_val_if_fail (HU_IS_PROJECT (project), NULL);
  g_return_val_if_fail (catalog == NULL || HU_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (metric < HU_N_METRICS, NULL);

  if (catalog == NULL)
    catalog = hu_project_get_catalog (project);

  chart = hu_chart_new (HU_CHART_BARS);
  hu_chart_set_title (chart, hu_metric_title (metric));
  hu_chart_set_y_label (chart, hu_metric_title (metric));
  hu_chart_set_unit_kind (chart, hu_metric_unit_kind (metric));
  hu_chart_set_currency (chart, hu_project_get_currency (project));

  if (metric == HU_METRIC_TOTAL_KG && any_embodied (project, catalog))
    {
      main_series = hu_chart_add_series (chart, _("Operational"));
      embodied = (int) hu_chart_add_series (chart, _("Embodied"));
    }
  else
    main_series = hu_chart_add_series (chart, hu_metric_title (metric));

  add_scenarios (chart, project, catalog, metric, main_series, embodied);
  add_runs (chart, project, metric, main_series);

  return g_steal_pointer (&chart);
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
      guint index = hu_chart_add_series (chart, series->label);

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
