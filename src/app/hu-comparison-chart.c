/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuComparisonChart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hu-comparison-chart.h"

/* The comparison page's chart, drawn from the rows the table shows: the
 * same numbers, nothing estimated again, and a row that changes changes
 * its bar in place. */

typedef struct {
  HuResult *row;
  double    value;   /* for ranking: the metric, −∞ when there is none */
} Ranked;

static gboolean
has_embodied (HuResult *row)
{
  HuScenario *scenario = hu_result_get_scenario (row);
  double embodied = scenario != NULL ? hu_scenario_get_inputs (scenario)->embodied_kg : NAN;

  return isfinite (embodied) && embodied > 0;
}

/* Runs that did not log the metric have no bar (there is nothing to
 * draw); a scenario that cannot be estimated keeps its bar as "n/a". */
static gboolean
is_charted (HuResult *row,
            HuMetric  metric)
{
  return hu_result_get_run (row) == NULL || isfinite (hu_result_get_metric (row, metric));
}

static void
set_row_values (HuChart  *chart,
                guint     category,
                HuResult *row,
                HuMetric  metric)
{
  const HuEstimate *estimate = hu_result_get_estimate (row);

  if (hu_chart_get_n_series (chart) == 2)
    {
      /* Total CO₂eq stacks operational and embodied emissions. */
      hu_chart_set_value (chart, 0, category,
                          estimate != NULL ? estimate->emissions_kg
                                           : hu_result_get_metric (row, metric));
      hu_chart_set_value (chart, 1, category, estimate != NULL ? estimate->embodied_kg : NAN);
    }
  else
    hu_chart_set_value (chart, 0, category, hu_result_get_metric (row, metric));
}

static char *
row_label (HuResult *row)
{
  const char *name = hu_result_get_name (row);

  if (hu_result_get_run (row) != NULL)
    /* Translators: a measured run's name in a chart, beside estimates. */
    return g_strdup_printf (_("%s (measured)"), name);
  return g_strdup (name != NULL && *name != '\0' ? name
                                                 : hu_scenario_get_id (hu_result_get_scenario (row)));
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;

  return (ra->value < rb->value) - (ra->value > rb->value);
}

/**
 * hu_comparison_chart_new:
 * @rows: (element-type HuResult): the comparison's rows
 * @categories: filled with each charted row → its bar's index + 1
 * @n_others: (out): how many rows the "others" bar sums, 0 when none
 *
 * Bars of @metric, one per row in the rows' order. More than
 * %HU_COMPARISON_CHART_MAX_BARS rows show the largest, largest first, and
 * one bar that sums the others.
 *
 * Returns: (transfer full): the chart
 */
HuChart *
hu_comparison_chart_new (GListModel *rows,
                         HuMetric    metric,
                         const char *currency,
                         GHashTable *categories,
                         guint      *n_others)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_BARS);
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  guint n = g_list_model_get_n_items (rows);
  gboolean embodied = FALSE;
  guint n_scenarios = 0;
  guint shown;

  g_hash_table_remove_all (categories);
  *n_others = 0;

  hu_chart_set_title (chart, hu_metric_title (metric));
  hu_chart_set_y_label (chart, hu_metric_title (metric));
  hu_chart_set_unit_kind (chart, hu_metric_unit_kind (metric));
  hu_chart_set_currency (chart, currency);
  /* Translators: marks the baseline scenario in a chart's text. */
  hu_chart_set_highlight_label (chart, _("baseline"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HuResult) row = g_list_model_get_item (rows, i);
      Ranked item = { row, hu_result_get_metric (row, metric) };

      if (hu_result_get_scenario (row) != NULL)
        n_scenarios++;
      if (!is_charted (row, metric))
        continue;
      if (!isfinite (item.value))
        item.value = -INFINITY;
      embodied = embodied || (metric == HU_METRIC_TOTAL_KG && has_embodied (row));
      g_array_append_val (ranked, item);   /* the model keeps the row alive */
    }

  if (embodied)
    {
      hu_chart_add_series (chart, _("Operational"));
      hu_chart_add_series (chart, _("Embodied"));
    }
  else
    hu_chart_add_series (chart, hu_metric_title (metric));

  shown = ranked->len;
  if (ranked->len > HU_COMPARISON_CHART_MAX_BARS)
    {
      g_array_sort (ranked, compare_ranked);
      shown = HU_COMPARISON_CHART_MAX_BARS - 1;
      *n_others = ranked->len - shown;
    }

  for (guint i = 0; i < shown; i++)
    {
      Ranked *item = &g_array_index (ranked, Ranked, i);
      g_autofree char *label = row_label (item->row);
      /* The baseline is marked as the report marks it, when there is
       * another scenario to compare it with. */
      guint category = hu_chart_add_category (chart, label,
                                              hu_result_get_is_baseline (item->row) &&
                                              n_scenarios > 1);

      set_row_values (chart, category, item->row, metric);
      g_hash_table_insert (categories, item->row, GUINT_TO_POINTER (category + 1));
    }

  if (*n_others > 0)
    {
      double sums[2] = { 0, 0 };
      g_autofree char *label = NULL;
      guint category;

      for (guint i = shown; i < ranked->len; i++)
        {
          HuResult *row = g_array_index (ranked, Ranked, i).row;
          const HuEstimate *estimate = hu_result_get_estimate (row);
          double value = hu_result_get_metric (row, metric);

          if (embodied && estimate != NULL)
            {
              sums[0] += estimate->emissions_kg;
              sums[1] += isfinite (estimate->embodied_kg) ? estimate->embodied_kg : 0;
            }
          else if (isfinite (value))
            sums[0] += value;
        }

      /* Translators: the last bar of a chart, the sum of the rows that do
       * not have a bar of their own */
      label = g_strdup_printf (ngettext ("%u other", "%u others", *n_others), *n_others);
      category = hu_chart_add_category (chart, label, FALSE);
      hu_chart_set_value (chart, 0, category, sums[0]);
      if (embodied)
        hu_chart_set_value (chart, 1, category, sums[1]);
    }

  return g_steal_pointer (&chart);
}

/**
 * hu_comparison_chart_update_row:
 * @categories: as filled by hu_comparison_chart_new()
 *
 * Moves @row's bar to its new value without building the chart again.
 *
 * Returns: %FALSE when that is not enough (the row has no bar of its own,
 *   or gained or lost embodied emissions) and the chart must be rebuilt
 */
gboolean
hu_comparison_chart_update_row (HuChart    *chart,
                                HuResult   *row,
                                HuMetric    metric,
                                GHashTable *categories)
{
  guint category = GPOINTER_TO_UINT (g_hash_table_lookup (categories, row));
  g_autofree char *label = NULL;

  if (category == 0 || !is_charted (row, metric))
    return FALSE;
  /* A renamed row needs its label changed too. */
  label = row_label (row);
  if (g_strcmp0 (label, hu_chart_get_category_label (chart, category - 1)) != 0)
    return FALSE;
  if (metric == HU_METRIC_TOTAL_KG && has_embodied (row) != (hu_chart_get_n_series (chart) == 2))
    return FALSE;

  set_row_values (chart, category - 1, row, metric);
  return TRUE;
}
