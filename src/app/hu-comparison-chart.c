/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuComparisonChart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hu-comparison-chart.h"

/* The comparison page's chart, drawn from the rows the table shows: the
 * same numbers, nothing estimated again, and a row that changes changes
 * its bar in place.
 *
 * What a bar is made of depends on the metric and on the rows: one
 * series; total CO₂eq stacked as operational + embodied when a scenario
 * has embodied carbon; or, when a scenario is served (issue 11), the
 * whole life stacked as development, final training, serving and
 * embodied, the bar being the lifecycle total. A scenario with ranges
 * (issue 12) carries a whisker from the 5th to the 95th percentile. */

typedef enum {
  STACK_NONE,       /* one series: the metric */
  STACK_EMBODIED,   /* operational, embodied */
  STACK_PHASES,     /* development, final training, serving, embodied */
} Stack;

enum { PHASE_DEVELOPMENT, PHASE_TRAINING, PHASE_SERVING, PHASE_EMBODIED, N_PHASES };

typedef struct {
  HuResult *row;
  double    value;   /* for ranking: the bar's height, −∞ when there is none */
} Ranked;

static gboolean
has_embodied (HuResult *row)
{
  const HuEstimate *estimate = hu_result_get_estimate (row);
  HuScenario *scenario = hu_result_get_scenario (row);
  double embodied = estimate != NULL ? estimate->embodied_kg
                    : scenario != NULL ? hu_scenario_get_inputs (scenario)->embodied_kg : NAN;

  return isfinite (embodied) && embodied > 0;
}

static gboolean
has_serving (HuResult *row)
{
  const HuEstimate *estimate = hu_result_get_estimate (row);

  return estimate != NULL && hu_estimate_has_serving (estimate);
}

static Stack
chart_stack (HuChart *chart)
{
  switch (hu_chart_get_n_series (chart))
    {
    case N_PHASES:
      return STACK_PHASES;
    case 2:
      return STACK_EMBODIED;
    default:
      return STACK_NONE;
    }
}

/* Runs that did not log the metric have no bar (there is nothing to
 * draw); a scenario that cannot be estimated keeps its bar as "n/a". */
static gboolean
is_charted (HuResult *row,
            HuMetric  metric)
{
  return hu_result_get_run (row) == NULL || isfinite (hu_result_get_metric (row, metric));
}

/* The height of @row's bar: the lifecycle total when phases stack. */
static double
bar_value (HuResult *row,
           HuMetric  metric,
           Stack     stack)
{
  const HuEstimate *estimate = hu_result_get_estimate (row);

  if (stack == STACK_PHASES && estimate != NULL)
    return estimate->lifecycle_kg;
  return hu_result_get_metric (row, metric);
}

/* The likely range of the bar's height, when the row has ranges. */
static const HuInterval *
bar_interval (HuResult *row,
              HuMetric  metric,
              Stack     stack)
{
  const HuUncertainty *u = hu_result_get_uncertainty (row);

  if (!hu_uncertainty_applies (u))
    return NULL;
  if (stack == STACK_PHASES && has_serving (row))
    return hu_uncertainty_get_interval (u, "lifecycle_kg");
  return hu_uncertainty_get_interval (u, hu_metric_to_string (metric));
}

static void
set_row_values (HuChart  *chart,
                guint     category,
                HuResult *row,
                HuMetric  metric)
{
  const HuEstimate *estimate = hu_result_get_estimate (row);
  Stack stack = chart_stack (chart);
  const HuInterval *interval = bar_interval (row, metric, stack);

  if (stack == STACK_PHASES)
    {
      HuPhases phases = { NAN, NAN, NAN, NAN };

      if (estimate != NULL)
        hu_estimate_get_phases (estimate, &phases);
      else
        /* A measured run is one training run, with nothing else known. */
        phases.training_kg = hu_result_get_metric (row, metric);
      hu_chart_set_value (chart, PHASE_DEVELOPMENT, category, phases.development_kg);
      hu_chart_set_value (chart, PHASE_TRAINING, category, phases.training_kg);
      hu_chart_set_value (chart, PHASE_SERVING, category, phases.serving_kg);
      hu_chart_set_value (chart, PHASE_EMBODIED, category, phases.embodied_kg);
    }
  else if (stack == STACK_EMBODIED)
    {
      /* Total CO₂eq stacks operational and embodied emissions. */
      hu_chart_set_value (chart, 0, category,
                          estimate != NULL ? estimate->emissions_kg
                                           : hu_result_get_metric (row, metric));
      hu_chart_set_value (chart, 1, category, estimate != NULL ? estimate->embodied_kg : NAN);
    }
  else
    hu_chart_set_value (chart, 0, category, hu_result_get_metric (row, metric));

  if (interval != NULL && interval->p95 > interval->p05)
    hu_chart_set_interval (chart, category, interval->p05, interval->p95);
  else
    hu_chart_set_interval (chart, category, NAN, NAN);
}

/* The table's column of what the bars of @metric stand for: the bars are
 * labelled as that column writes them (one formatter: "50.96" on the bar
 * of a row whose Lifecycle reads "50.96 t CO₂eq", not "51.0"). */
static void
label_as_table (HuChart  *chart,
                HuResult *row,
                HuMetric  metric)
{
  HuColumn column;

  switch (metric)
    {
    case HU_METRIC_ENERGY_KWH:
      column = HU_COLUMN_ENERGY;
      break;
    case HU_METRIC_TOTAL_KG:
      column = chart_stack (chart) == STACK_PHASES ? HU_COLUMN_LIFECYCLE : HU_COLUMN_CO2;
      break;
    case HU_METRIC_GPU_HOURS:
      column = HU_COLUMN_GPU_HOURS;
      break;
    case HU_METRIC_WALL_HOURS:
      column = HU_COLUMN_WALL_HOURS;
      break;
    case HU_METRIC_COST:
      column = HU_COLUMN_COST;
      break;
    case HU_METRIC_EMISSIONS_KG:
    case HU_N_METRICS:
    default:
      /* No column shows it: the chart's own digits. */
      hu_chart_set_label_scale (chart, NULL);
      return;
    }
  hu_chart_set_label_scale (chart, hu_result_get_column_scale (row, column));
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

/* The "N others" bar: the sum of each series over the rows it stands for. */
static void
add_others (HuChart *chart,
            GArray  *ranked,
            guint    shown,
            HuMetric metric)
{
  Stack stack = chart_stack (chart);
  guint n_series = hu_chart_get_n_series (chart);
  double sums[N_PHASES] = { 0, 0, 0, 0 };
  guint n_others = ranked->len - shown;
  g_autofree char *label = NULL;
  guint category;

  for (guint i = shown; i < ranked->len; i++)
    {
      HuResult *row = g_array_index (ranked, Ranked, i).row;
      const HuEstimate *estimate = hu_result_get_estimate (row);
      double parts[N_PHASES] = { NAN, NAN, NAN, NAN };

      if (stack == STACK_PHASES && estimate != NULL)
        {
          HuPhases phases;

          hu_estimate_get_phases (estimate, &phases);
          parts[PHASE_DEVELOPMENT] = phases.development_kg;
          parts[PHASE_TRAINING] = phases.training_kg;
          parts[PHASE_SERVING] = phases.serving_kg;
          parts[PHASE_EMBODIED] = phases.embodied_kg;
        }
      else if (stack == STACK_PHASES)
        parts[PHASE_TRAINING] = hu_result_get_metric (row, metric);
      else if (stack == STACK_EMBODIED && estimate != NULL)
        {
          parts[0] = estimate->emissions_kg;
          parts[1] = estimate->embodied_kg;
        }
      else
        parts[0] = hu_result_get_metric (row, metric);

      for (guint s = 0; s < n_series; s++)
        if (isfinite (parts[s]))
          sums[s] += parts[s];
    }

  /* Translators: the last bar of a chart, the sum of the rows that do
   * not have a bar of their own */
  label = g_strdup_printf (ngettext ("%u other", "%u others", n_others), n_others);
  category = hu_chart_add_category (chart, label, FALSE);
  for (guint s = 0; s < n_series; s++)
    hu_chart_set_value (chart, s, category, sums[s]);
}

/**
 * hu_comparison_chart_new:
 * @rows: (element-type HuResult): the comparison's rows
 * @categories: filled with each charted row → its bar's index + 1
 * @n_others: (out): how many rows the "others" bar sums, 0 when none
 * @n_without: (out) (optional): how many runs have no bar because they
 *   did not log @metric (the caller says so: a row must not vanish
 *   from a chart unexplained)
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
                         guint      *n_others,
                         guint      *n_without)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_BARS);
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  guint n = g_list_model_get_n_items (rows);
  gboolean embodied = FALSE, serving = FALSE;
  Stack stack = STACK_NONE;
  guint shown;

  g_hash_table_remove_all (categories);
  *n_others = 0;
  if (n_without != NULL)
    *n_without = 0;

  hu_chart_set_unit_kind (chart, hu_metric_unit_kind (metric));
  hu_chart_set_currency (chart, currency);
  /* Translators: marks the baseline scenario in a chart's text. */
  hu_chart_set_highlight_label (chart, _("baseline"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HuResult) row = g_list_model_get_item (rows, i);
      Ranked item = { row, NAN };

      if (!is_charted (row, metric))
        {
          if (n_without != NULL)
            (*n_without)++;
          continue;
        }
      embodied = embodied || (metric == HU_METRIC_TOTAL_KG && has_embodied (row));
      serving = serving || (metric == HU_METRIC_TOTAL_KG && has_serving (row));
      g_array_append_val (ranked, item);   /* the model keeps the row alive */
    }

  /* Stack only what some row has: an empty legend entry would suggest it
   * was counted as zero on purpose. */
  if (serving)
    {
      stack = STACK_PHASES;
      hu_chart_set_title (chart, _("Lifecycle CO₂eq"));
      hu_chart_set_y_label (chart, _("Lifecycle CO₂eq"));
      hu_chart_add_series (chart, _("Development"));
      hu_chart_add_series (chart, _("Final training"));
      hu_chart_add_series (chart, _("Serving"));
      hu_chart_add_series (chart, _("Embodied"));
    }
  else
    {
      hu_chart_set_title (chart, hu_metric_title (metric));
      hu_chart_set_y_label (chart, hu_metric_title (metric));
      if (embodied)
        {
          stack = STACK_EMBODIED;
          hu_chart_add_series (chart, _("Operational"));
          hu_chart_add_series (chart, _("Embodied"));
        }
      else
        hu_chart_add_series (chart, hu_metric_title (metric));
    }

  for (guint i = 0; i < ranked->len; i++)
    {
      Ranked *item = &g_array_index (ranked, Ranked, i);

      item->value = bar_value (item->row, metric, stack);
      if (!isfinite (item->value))
        item->value = -INFINITY;
    }

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
      /* The baseline is marked as the report marks it, a lone scenario
       * too (it is the baseline). */
      guint category = hu_chart_add_category (chart, label, hu_result_get_is_baseline (item->row));

      set_row_values (chart, category, item->row, metric);
      g_hash_table_insert (categories, item->row, GUINT_TO_POINTER (category + 1));
    }

  if (*n_others > 0)
    add_others (chart, ranked, shown, metric);
  /* Every row holds its column's one scale. */
  if (ranked->len > 0)
    label_as_table (chart, g_array_index (ranked, Ranked, 0).row, metric);

  return g_steal_pointer (&chart);
}

/* Whether @row still fits the chart's stacking: a row that gained what
 * no bar stacks yet, or lost what only it had, needs a new chart. */
static gboolean
fits_stack (HuChart  *chart,
            guint     category,
            HuResult *row,
            HuMetric  metric)
{
  double part;

  if (metric != HU_METRIC_TOTAL_KG)
    return TRUE;
  switch (chart_stack (chart))
    {
    case STACK_PHASES:
      part = hu_chart_get_value (chart, PHASE_SERVING, category);
      return has_serving (row) || !(isfinite (part) && part > 0);
    case STACK_EMBODIED:
      part = hu_chart_get_value (chart, 1, category);
      return !has_serving (row) && (has_embodied (row) || !(isfinite (part) && part > 0));
    case STACK_NONE:
    default:
      return !has_serving (row) && !has_embodied (row);
    }
}

/**
 * hu_comparison_chart_update_row:
 * @categories: as filled by hu_comparison_chart_new()
 *
 * Moves @row's bar (and its whisker) to its new value without building
 * the chart again.
 *
 * Returns: %FALSE when that is not enough (the row has no bar of its own,
 *   or gained or lost a part the bars stack) and the chart must be rebuilt
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
  if (!fits_stack (chart, category - 1, row, metric))
    return FALSE;

  set_row_values (chart, category - 1, row, metric);
  /* The edit may have moved the table's column to another unit or other
   * decimals: the rows are told after the model rescaled. */
  label_as_table (chart, row, metric);
  return TRUE;
}
