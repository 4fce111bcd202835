/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuWhatIfView"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hu-what-if-intervals.h"
#include "hu-what-if-values.h"
#include "hu-what-if-view.h"
#include "hu-widgets.h"

/* Sweeps run a few hundred estimates; waiting for a short pause keeps
 * typing in the editor smooth while this page is open. */
#define REFRESH_DELAY_MS 150

/* "What if this scenario ran elsewhere, on other hardware, or with one
 * input changed?" — three charts of the selected scenario. */
struct _HuWhatIfView
{
  AdwBin         parent_instance;

  /* The project the window shows: its catalog ranks, and its scenarios
   * and undo stack take what the user applies. */
  HuProject     *project;
  HuCatalog     *catalog;
  HuResult      *result;
  guint          refresh_source;
  gboolean       setting_range;
  GtkWidget     *region_menu;     /* over regions_chart, on a row's click */

  GtkLabel      *heading;
  GtkStack      *stack;
  GtkWidget     *switcher;
  GtkDropDown   *provider_dropdown;
  GtkDropDown   *pue_dropdown;
  GtkLabel      *regions_note;
  HuChartView   *regions_chart;
  GtkDropDown   *ranked_dropdown;
  GtkButton     *apply_region_button;
  GtkButton     *add_region_button;
  GPtrArray     *ranked_ids;      /* region ids of ranked_dropdown's rows */
  double         ranked_pue;      /* the PUE the ranking used, NAN: each region's */
  GCancellable  *interval_cancellable[2]; /* of the GPU, region rankings' intervals */
  guint          n_interval_jobs; /* intervals being drawn in threads */
  GtkDropDown   *gpu_metric_dropdown;
  HuChartView   *gpus_chart;
  GtkLabel      *gpus_empty;      /* why no GPU is ranked, in place of the chart */
  GtkDropDown   *parameter_dropdown;
  GtkSpinButton *from_spin;
  GtkSpinButton *to_spin;
  GtkLabel      *from_unit;
  GtkLabel      *to_unit;
  GtkDropDown   *sweep_metric_dropdown;
  GtkLabel      *sweep_error;
  GtkLabel      *sweep_empty;     /* why the sweep has no point, in place of the chart */
  HuChartView   *sweep_chart;
};

G_DEFINE_FINAL_TYPE (HuWhatIfView, hu_what_if_view, ADW_TYPE_BIN)

static const char * const providers[] = { NULL, "gcp", "aws", "azure", "grid" };
/* CO₂eq first, as the other pages open on it: the ranking opens on what
 * the page is about, not on the fastest GPU. */
static const HuMetric gpu_metrics[] = {
  HU_METRIC_TOTAL_KG, HU_METRIC_ENERGY_KWH, HU_METRIC_WALL_HOURS, HU_METRIC_COST,
};
static const HuMetric sweep_metrics[] = {
  HU_METRIC_TOTAL_KG, HU_METRIC_ENERGY_KWH, HU_METRIC_WALL_HOURS, HU_METRIC_GPU_HOURS,
  HU_METRIC_COST,
};
static const HuInputKey parameters[] = {
  HU_INPUT_COUNT, HU_INPUT_UTILIZATION, HU_INPUT_RETRAIN, HU_INPUT_PUE,
};

static guint
selected (GtkDropDown *dropdown,
          guint        n)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return i < n ? i : 0;
}

static HuInputKey
selected_parameter (HuWhatIfView *self)
{
  return parameters[selected (self->parameter_dropdown, G_N_ELEMENTS (parameters))];
}

static void
set_default_range (HuWhatIfView *self)
{
  const HuEstimate *estimate = self->result != NULL ? hu_result_get_estimate (self->result) : NULL;
  HuInputKey key = selected_parameter (self);
  double from = 1, to = 10, current;

  current = estimate != NULL ? hu_what_if_current_value (estimate, key) : NAN;
  switch (key)
    {
    case HU_INPUT_COUNT:
      from = 1;
      to = MAX (16, isnan (current) ? 16 : ceil (current * 4));
      break;
    case HU_INPUT_UTILIZATION:
      from = 0.1;
      to = 1.0;
      break;
    case HU_INPUT_RETRAIN:
      from = 1;
      to = 10;
      break;
    case HU_INPUT_PUE:
      from = 1.0;
      to = 2.0;
      break;
    default:
      break;
    }

  self->setting_range = TRUE;
  gtk_spin_button_set_digits (self->from_spin, key == HU_INPUT_PUE ? 2 : 0);
  gtk_spin_button_set_digits (self->to_spin, key == HU_INPUT_PUE ? 2 : 0);
  gtk_spin_button_set_increments (self->from_spin, key == HU_INPUT_PUE ? 0.05 : 1, 10);
  gtk_spin_button_set_increments (self->to_spin, key == HU_INPUT_PUE ? 0.05 : 1, 10);
  gtk_spin_button_set_value (self->from_spin, from * hu_what_if_display_scale (key));
  gtk_spin_button_set_value (self->to_spin, to * hu_what_if_display_scale (key));
  /* The ends in the parameter's unit, as the scenario's field shows it
   * ("GPUs", "%", "runs"; PUE has none). */
  for (guint i = 0; i < 2; i++)
    {
      GtkLabel *unit = i == 0 ? self->from_unit : self->to_unit;

      gtk_label_set_label (unit, hu_input_field_unit (key));
      gtk_widget_set_visible (GTK_WIDGET (unit), hu_input_field_unit (key)[0] != '\0');
    }
  self->setting_range = FALSE;
}

static gboolean
region_pue_chosen (HuWhatIfView *self)
{
  return gtk_drop_down_get_selected (self->pue_dropdown) == 1;
}

/* The view's side of a ranking's likely ranges (hu-what-if-intervals.c
 * computes them in a thread): what to draw them on when they come, if
 * no newer ranking replaced this one by then (its cancellable says). */
typedef struct {
  GCancellable *cancellable;
  gboolean      regions;
  HuMetric      metric;
  HuChart      *chart;
  GPtrArray    *items;
} PendingIntervals;

static void
pending_intervals_free (PendingIntervals *pending)
{
  g_object_unref (pending->cancellable);
  g_object_unref (pending->chart);
  g_ptr_array_unref (pending->items);
  g_free (pending);
}

static void fill_ranked (HuWhatIfView *self, HuChart *chart, GPtrArray *items,
                         GPtrArray *intervals);

static void
on_intervals_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  HuWhatIfView *self = HU_WHAT_IF_VIEW (source);
  PendingIntervals *pending = data;
  g_autoptr(GPtrArray) intervals = hu_what_if_intervals_compute_finish (result, NULL);

  self->n_interval_jobs--;
  /* Replaced by a newer ranking, or the view is gone (both cancel), or
   * failed. A job may finish just as it is cancelled: its answer is old. */
  if (intervals != NULL && !g_cancellable_is_cancelled (pending->cancellable))
    {
      hu_what_if_set_whiskers (pending->chart, intervals, pending->metric);
      if (pending->regions)
        fill_ranked (self, pending->chart, pending->items, intervals);
    }
  pending_intervals_free (pending);
}

/* Whatever runs for a @regions ranking now answers an older question. */
static void
cancel_ranking_intervals (HuWhatIfView *self,
                          gboolean      regions)
{
  if (self->interval_cancellable[regions] != NULL)
    g_cancellable_cancel (self->interval_cancellable[regions]);
  g_clear_object (&self->interval_cancellable[regions]);
}

static void
start_ranking_intervals (HuWhatIfView   *self,
                         const HuInputs *base,
                         GPtrArray      *items,
                         gboolean        regions,
                         HuChart        *chart,
                         HuMetric        metric)
{
  PendingIntervals *pending;

  cancel_ranking_intervals (self, regions);
  if (items->len == 0 || hu_result_get_uncertainty (self->result) == NULL)
    return;

  self->interval_cancellable[regions] = g_cancellable_new ();
  pending = g_new0 (PendingIntervals, 1);
  pending->cancellable = g_object_ref (self->interval_cancellable[regions]);
  pending->regions = regions;
  pending->metric = metric;
  pending->chart = g_object_ref (chart);
  pending->items = g_ptr_array_ref (items);
  self->n_interval_jobs++;
  hu_what_if_intervals_compute_async (G_OBJECT (self), base, items, regions, self->ranked_pue,
                                      self->catalog,
                                      hu_comparison_get_default_ranges (
                                        hu_result_get_comparison (self->result)),
                                      pending->cancellable, on_intervals_done, pending);
}

/* The ranking as a list to pick from, keeping the pick across refreshes,
 * its figures written as @chart's bars write them. */
static void
fill_ranked (HuWhatIfView *self,
             HuChart      *chart,
             GPtrArray    *items,
             GPtrArray    *intervals)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *picked = NULL;
  guint keep = 0;
  guint pick = gtk_drop_down_get_selected (self->ranked_dropdown);

  if (pick < self->ranked_ids->len)
    picked = g_strdup (g_ptr_array_index (self->ranked_ids, pick));
  g_ptr_array_set_size (self->ranked_ids, 0);
  for (guint i = 0; i < items->len; i++)
    {
      HuSweepItem *item = g_ptr_array_index (items, i);
      const HuInterval *interval = hu_what_if_item_interval (intervals, i, HU_METRIC_TOTAL_KG);
      /* "2.30 t CO₂eq (1.90–2.80 t)" when the ranking has ranges */
      g_autofree char *value = hu_what_if_ranked_value (chart, item->value, interval);
      /* Translators: a ranked region, "1. France" */
      g_autofree char *name = g_strdup_printf (_("%u. %s"), i + 1, item->label);
      /* Translators: a ranked region and its figure, "1. France · 2.3 t" */
      g_autofree char *label = g_strdup_printf (_("%s · %s"), name, value);
      g_autoptr(GtkStringObject) string = NULL;

      gtk_string_list_append (labels, label);
      string = g_list_model_get_item (G_LIST_MODEL (labels), i);
      hu_widgets_set_item_parts (string, name, value);
      g_ptr_array_add (self->ranked_ids, g_strdup (item->id));
      if (g_strcmp0 (picked, item->id) == 0)
        keep = i;
    }
  gtk_drop_down_set_model (self->ranked_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->ranked_dropdown, keep);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_region_button), items->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_region_button), items->len > 0);
}

/* Whether varying @key over its default range changes the ranking metric:
 * more GPUs do not change a FLOP budget's CO₂eq, a flat line says nothing. */
static gboolean
parameter_changes_result (HuWhatIfView *self,
                          HuInputKey    key)
{
  HuScenario *scenario = hu_result_get_scenario (self->result);
  g_autoptr(GArray) points = NULL;
  double from = gtk_spin_button_get_value (self->from_spin) / hu_what_if_display_scale (key);
  double to = gtk_spin_button_get_value (self->to_spin) / hu_what_if_display_scale (key);
  HuMetric metric = sweep_metrics[selected (self->sweep_metric_dropdown,
                                            G_N_ELEMENTS (sweep_metrics))];
  double y0, y1;

  points = hu_sweep_parameter (hu_scenario_get_inputs (scenario), self->catalog, key,
                               from, to, 2, metric, NULL);
  if (points == NULL)
    return FALSE;
  y0 = g_array_index (points, double, 1);
  y1 = g_array_index (points, double, 3);
  return isfinite (y0) && isfinite (y1) && fabs (y1 - y0) > 1e-9 * MAX (fabs (y0), fabs (y1));
}

/* A scenario opens the sweep on its current parameter if that tells
 * something, else on the first that does. */
static void
pick_telling_parameter (HuWhatIfView *self)
{
  guint current = selected (self->parameter_dropdown, G_N_ELEMENTS (parameters));

  if (self->result == NULL || self->catalog == NULL ||
      hu_result_get_scenario (self->result) == NULL ||
      hu_result_get_estimate (self->result) == NULL ||
      parameter_changes_result (self, parameters[current]))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (parameters); i++)
    {
      gtk_drop_down_set_selected (self->parameter_dropdown, i);   /* sets its range */
      if (parameter_changes_result (self, parameters[i]))
        return;
    }
  gtk_drop_down_set_selected (self->parameter_dropdown, current);
}

static void
refresh_regions (HuWhatIfView     *self,
                 const HuInputs   *scenario_inputs,
                 const HuEstimate *estimate)
{
  HuInputs inputs;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(HuChart) chart = NULL;
  g_autofree char *note = NULL;
  g_autofree char *pue = NULL;
  const char *provider = providers[selected (self->provider_dropdown, G_N_ELEMENTS (providers))];
  gboolean region_pue = region_pue_chosen (self);

  hu_inputs_init (&inputs);
  hu_inputs_copy (scenario_inputs, &inputs);
  /* An intensity typed by hand would make every region look the same. */
  inputs.intensity = NAN;
  items = hu_sweep_regions_full (&inputs, self->catalog, provider, HU_METRIC_TOTAL_KG,
                                 region_pue ? HU_SWEEP_REGION_REGION_PUE
                                            : HU_SWEEP_REGION_DEFAULT);
  self->ranked_pue = region_pue ? NAN : estimate->pue;
  chart = hu_chart_new_from_sweep (items, HU_METRIC_TOTAL_KG);
  hu_chart_view_set_chart (self->regions_chart, chart);
  fill_ranked (self, chart, items, NULL);
  start_ranking_intervals (self, &inputs, items, TRUE, chart, HU_METRIC_TOTAL_KG);

  /* Say which PUE and which figures: the ranking is only as fair as that. */
  pue = hu_units_format_pue (estimate->pue, HU_UNITS_DEFAULT);
  if (region_pue)
    note = g_strdup (_("The same training in every region, each with its typical PUE "
                       "(its own, else its provider’s), ranked by location-based CO₂eq."));
  else
    /* Translators: %s is the scenario's PUE, "1.15" */
    note = g_strdup_printf (_("The same training in every region with this scenario’s PUE "
                              "%s, ranked by location-based CO₂eq."), pue);
  {
    g_autofree char *full = g_strdup_printf ("%s %s%s", note,
                                             _("Providers’ market-based claims and figures "
                                               "with no or near-zero data are marked and "
                                               "ranked last."),
                                             isnan (scenario_inputs->intensity) ? ""
                                             : _(" The intensity typed in the scenario is "
                                                 "left out here."));
    gtk_label_set_label (self->regions_note, full);
  }
  hu_inputs_clear (&inputs);
}

/* The scenario moved to the picked region, with the PUE the ranking used,
 * so it gets the figure the chart showed. */
static void
picked_inputs (HuWhatIfView *self,
               HuScenario   *scenario,
               HuInputs     *inputs)
{
  guint pick = gtk_drop_down_get_selected (self->ranked_dropdown);

  hu_inputs_init (inputs);
  hu_inputs_copy (hu_scenario_get_inputs (scenario), inputs);
  g_free (inputs->region);
  inputs->region = g_strdup (g_ptr_array_index (self->ranked_ids, pick));
  inputs->intensity = NAN;
  inputs->pue = self->ranked_pue;
}

static void
on_apply_region (HuWhatIfView *self)
{
  HuScenario *scenario = self->result != NULL ? hu_result_get_scenario (self->result) : NULL;
  HuInputs inputs;

  if (scenario == NULL ||
      gtk_drop_down_get_selected (self->ranked_dropdown) >= self->ranked_ids->len)
    return;
  picked_inputs (self, scenario, &inputs);
  /* An edit like any other: the window's Undo brings the region back. */
  if (self->project != NULL)
    hu_undo_push_scenario (hu_project_get_undo (self->project), scenario);
  hu_scenario_set_inputs (scenario, &inputs);
  hu_inputs_clear (&inputs);
}

static void
on_add_region (HuWhatIfView *self)
{
  HuScenario *scenario = self->result != NULL ? hu_result_get_scenario (self->result) : NULL;
  HuProject *project = self->project;
  HuRegion *region;
  g_autoptr(HuScenario) copy = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  HuInputs inputs;

  if (scenario == NULL || project == NULL ||
      gtk_drop_down_get_selected (self->ranked_dropdown) >= self->ranked_ids->len)
    return;
  picked_inputs (self, scenario, &inputs);
  region = hu_catalog_lookup_region (self->catalog, inputs.region);
  id = hu_project_unique_id (project, hu_scenario_get_id (scenario));
  /* Translators: a new scenario's name, "Llama 2 7B in France" */
  name = g_strdup_printf (_("%s in %s"), hu_scenario_get_display_name (scenario),
                          region != NULL ? hu_region_get_display_name (region) : inputs.region);
  copy = hu_scenario_new (id, name);
  hu_scenario_set_inputs (copy, &inputs);
  hu_inputs_clear (&inputs);
  g_list_store_append (hu_project_get_scenarios (project), copy);
}

/* A row of the ranking, clicked: pick it, and offer what the buttons do. */
static void
on_region_row (HuWhatIfView *self,
               guint         category,
               double        x,
               double        y)
{
  if (category >= self->ranked_ids->len)
    return;
  gtk_drop_down_set_selected (self->ranked_dropdown, category);
  if (self->region_menu == NULL)
    {
      g_autoptr(GMenu) menu = g_menu_new ();

      g_menu_append (menu, _("_Use in Scenario"), "what-if.use-region");
      g_menu_append (menu, _("_Add as New Scenario"), "what-if.add-region");
      self->region_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_widget_set_parent (self->region_menu, GTK_WIDGET (self->regions_chart));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->region_menu), FALSE);
      gtk_widget_set_halign (self->region_menu, GTK_ALIGN_START);
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->region_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->region_menu));
}

static void
use_region_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  on_apply_region (HU_WHAT_IF_VIEW (widget));
}

static void
add_region_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  on_add_region (HU_WHAT_IF_VIEW (widget));
}

/* A Cost ranking or sweep says its amounts in the project's currency,
 * as the Compare chart does ("Cost (M EUR)"), not as bare millions. The
 * view is refreshed when the currency changes: its result changes. */
static void
set_chart_currency (HuWhatIfView *self,
                    HuChart      *chart)
{
  if (self->project != NULL)
    hu_chart_set_currency (chart, hu_project_get_currency (self->project));
}

static void
refresh_gpus (HuWhatIfView   *self,
              const HuInputs *scenario_inputs)
{
  HuInputs inputs;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(HuChart) chart = NULL;
  HuMetric metric = gpu_metrics[selected (self->gpu_metric_dropdown, G_N_ELEMENTS (gpu_metrics))];

  hu_inputs_init (&inputs);
  hu_inputs_copy (scenario_inputs, &inputs);
  /* Overrides of one GPU's peak and power do not describe the others. */
  inputs.peak_tflops = NAN;
  inputs.power_w = NAN;
  inputs.precision = HU_PRECISION_AUTO;

  items = hu_sweep_gpus (&inputs, self->catalog, metric);
  chart = hu_chart_new_from_sweep (items, metric);
  set_chart_currency (self, chart);
  start_ranking_intervals (self, &inputs, items, FALSE, chart, metric);
  /* With no GPU to rank (a cost without a price), an empty chart would
   * show only an axis from 0.0 to 1.0 without a unit: say why instead. */
  gtk_widget_set_visible (GTK_WIDGET (self->gpus_empty), items->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->gpus_chart), items->len > 0);
  if (items->len == 0)
    gtk_label_set_label (self->gpus_empty,
                         metric == HU_METRIC_COST
                         ? _("Give the scenario a price per GPU-hour to rank the GPUs by cost.")
                         : _("No GPU of the catalog could be estimated with this scenario."));
  hu_chart_view_set_chart (self->gpus_chart, items->len > 0 ? chart : NULL);

  hu_inputs_clear (&inputs);
}

static void
refresh_sweep (HuWhatIfView     *self,
               const HuInputs   *inputs,
               const HuEstimate *estimate)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) points = NULL;
  g_autoptr(HuChart) chart = NULL;
  HuInputKey key = selected_parameter (self);
  HuMetric metric = sweep_metrics[selected (self->sweep_metric_dropdown,
                                            G_N_ELEMENTS (sweep_metrics))];
  gboolean any = FALSE;
  double from = gtk_spin_button_get_value (self->from_spin) / hu_what_if_display_scale (key);
  double to = gtk_spin_button_get_value (self->to_spin) / hu_what_if_display_scale (key);
  guint n = 25;

  /* Counts are whole accelerators: one point per count when that is few. */
  if (key == HU_INPUT_COUNT)
    {
      from = MAX (1, round (from));
      to = MAX (from + 1, round (to));
      n = (to - from) < 48 ? (guint) (to - from) + 1 : 25;
    }

  points = hu_sweep_parameter (inputs, self->catalog, key, from, to, n, metric, &error);
  for (guint i = 0; points != NULL && 2 * i + 1 < points->len; i++)
    any = any || isfinite (g_array_index (points, double, 2 * i + 1));
  gtk_widget_set_visible (GTK_WIDGET (self->sweep_error), points == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->sweep_empty), points != NULL && !any);
  gtk_widget_set_visible (GTK_WIDGET (self->sweep_chart), any);
  if (points == NULL)
    gtk_label_set_label (self->sweep_error, error->message);
  /* A cost without a price has no point to draw: an empty chart would
   * show only an axis from 0.0 to 1.0 without a unit. */
  else if (!any)
    gtk_label_set_label (self->sweep_empty,
                         metric == HU_METRIC_COST
                         ? _("Give the scenario a price per GPU-hour to show how its cost varies.")
                         : _("This measure cannot be estimated for this scenario."));
  if (!any)
    {
      hu_chart_view_set_chart (self->sweep_chart, NULL);
      return;
    }
  chart = hu_chart_new_parameter_sweep (points, key, metric,
                                        estimate != NULL ? hu_what_if_current_value (estimate, key) : NAN);
  set_chart_currency (self, chart);
  hu_chart_view_set_chart (self->sweep_chart, chart);
}

/**
 * hu_what_if_view_refresh:
 *
 * Recomputes the visible page now.
 */
void
hu_what_if_view_refresh (HuWhatIfView *self)
{
  HuScenario *scenario;
  const HuEstimate *estimate;
  const char *page;
  g_autofree char *heading = NULL;
  gboolean ready;

  g_return_if_fail (HU_IS_WHAT_IF_VIEW (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  scenario = self->result != NULL ? hu_result_get_scenario (self->result) : NULL;
  estimate = self->result != NULL ? hu_result_get_estimate (self->result) : NULL;
  /* Without a scenario to vary (a measured run, no scenario left, an
   * incomplete one) the pages' drop-downs and "Use in Scenario" would act
   * on nothing: only the heading saying what to do is shown. */
  ready = scenario != NULL && self->catalog != NULL && estimate != NULL;
  gtk_widget_set_visible (self->switcher, ready);
  gtk_widget_set_visible (GTK_WIDGET (self->stack), ready);
  if (!ready)
    {
      gtk_label_set_label (self->heading,
                           scenario == NULL ? _("Select a scenario to explore alternatives.")
                                            : _("Complete the scenario to explore alternatives."));
      hu_chart_view_set_chart (self->regions_chart, NULL);
      hu_chart_view_set_chart (self->gpus_chart, NULL);
      hu_chart_view_set_chart (self->sweep_chart, NULL);
      return;
    }

  /* A name erased in the editor would read "What if “” ran differently?". */
  if (hu_scenario_get_name (scenario) == NULL || hu_scenario_get_name (scenario)[0] == '\0')
    heading = g_strdup (_("What if this unnamed scenario ran differently?"));
  else
    /* Translators: %s is a scenario's name */
    heading = g_strdup_printf (_("What if “%s” ran differently?"), hu_scenario_get_name (scenario));
  gtk_label_set_label (self->heading, heading);

  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "regions") == 0)
    refresh_regions (self, hu_scenario_get_inputs (scenario), estimate);
  else if (g_strcmp0 (page, "gpus") == 0)
    refresh_gpus (self, hu_scenario_get_inputs (scenario));
  else
    refresh_sweep (self, hu_scenario_get_inputs (scenario), estimate);
}

static gboolean
refresh_timeout (gpointer data)
{
  HuWhatIfView *self = data;

  self->refresh_source = 0;
  hu_what_if_view_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (HuWhatIfView *self)
{
  if (self->setting_range)
    return;
  /* Nobody looks at a hidden page: compute it when it is mapped. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout, self);
}

static void
on_parameter_changed (HuWhatIfView *self)
{
  set_default_range (self);
  queue_refresh (self);
}

static void
hu_what_if_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hu_what_if_view_parent_class)->map (widget);
  hu_what_if_view_refresh (HU_WHAT_IF_VIEW (widget));
}

static void
hu_what_if_view_dispose (GObject *object)
{
  HuWhatIfView *self = HU_WHAT_IF_VIEW (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  cancel_ranking_intervals (self, FALSE);
  cancel_ranking_intervals (self, TRUE);
  if (self->result != NULL)
    g_signal_handlers_disconnect_by_data (self->result, self);
  g_clear_object (&self->result);
  g_clear_object (&self->catalog);
  g_clear_object (&self->project);
  g_clear_pointer (&self->region_menu, gtk_widget_unparent);
  g_clear_pointer (&self->ranked_ids, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), HU_TYPE_WHAT_IF_VIEW);

  G_OBJECT_CLASS (hu_what_if_view_parent_class)->dispose (object);
}

static void
hu_what_if_view_class_init (HuWhatIfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hu_what_if_view_dispose;
  widget_class->map = hu_what_if_view_map;

  g_type_ensure (HU_TYPE_CHART_VIEW);
  gtk_widget_class_install_action (widget_class, "what-if.use-region", NULL, use_region_action);
  gtk_widget_class_install_action (widget_class, "what-if.add-region", NULL, add_region_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/hu-what-if-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, heading);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, stack);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, switcher);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, provider_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, regions_note);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, pue_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, ranked_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, apply_region_button);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, add_region_button);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, regions_chart);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, gpu_metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, gpus_chart);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, gpus_empty);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, parameter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, from_spin);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, to_spin);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, from_unit);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, to_unit);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, sweep_metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, sweep_error);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, sweep_empty);
  gtk_widget_class_bind_template_child (widget_class, HuWhatIfView, sweep_chart);
}

static void
hu_what_if_view_init (HuWhatIfView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hu_widgets_compact_switchers (GTK_WIDGET (self));
  self->ranked_ids = g_ptr_array_new_with_free_func (g_free);
  self->ranked_pue = NAN;
  hu_widgets_name_drop_down (self->provider_dropdown, _("Provider"));
  hu_widgets_name_drop_down (self->pue_dropdown, _("PUE"));
  hu_widgets_name_drop_down (self->ranked_dropdown, _("Region from the ranking"));
  {
    /* The button cuts a long region's name, never its figure; the list
     * wraps each region whole. */
    g_autoptr(GtkListItemFactory) button = hu_widgets_new_figure_item_factory ();
    g_autoptr(GtkListItemFactory) list = hu_widgets_new_wrapping_list_factory (NULL, NULL);

    gtk_drop_down_set_factory (self->ranked_dropdown, button);
    gtk_drop_down_set_list_factory (self->ranked_dropdown, list);
  }
  hu_widgets_name_drop_down (self->gpu_metric_dropdown, _("Rank by"));
  hu_widgets_name_drop_down (self->parameter_dropdown, _("Vary"));
  hu_widgets_name_drop_down (self->sweep_metric_dropdown, _("Show"));

  set_default_range (self);

  g_signal_connect_object (self->pue_dropdown, "notify::selected",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->regions_chart, "category-activated",
                           G_CALLBACK (on_region_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->apply_region_button, "clicked",
                           G_CALLBACK (on_apply_region), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_region_button, "clicked",
                           G_CALLBACK (on_add_region), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->provider_dropdown, "notify::selected",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->gpu_metric_dropdown, "notify::selected",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sweep_metric_dropdown, "notify::selected",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->parameter_dropdown, "notify::selected",
                           G_CALLBACK (on_parameter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_spin, "value-changed",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_spin, "value-changed",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
}

GtkWidget *
hu_what_if_view_new (void)
{
  return g_object_new (HU_TYPE_WHAT_IF_VIEW, NULL);
}

/**
 * hu_what_if_view_set_project:
 *
 * The project whose catalog the view ranks, and to which "Apply" and
 * "Add as a scenario" go (with the project's undo).
 */
void
hu_what_if_view_set_project (HuWhatIfView *self,
                             HuProject    *project)
{
  HuCatalog *catalog;

  g_return_if_fail (HU_IS_WHAT_IF_VIEW (self));
  g_return_if_fail (project == NULL || HU_IS_PROJECT (project));

  g_set_object (&self->project, project);
  catalog = project != NULL ? hu_project_get_catalog (project) : NULL;
  if (g_set_object (&self->catalog, catalog))
    queue_refresh (self);
}

void
hu_what_if_view_set_result (HuWhatIfView *self,
                            HuResult     *result)
{
  g_return_if_fail (HU_IS_WHAT_IF_VIEW (self));
  g_return_if_fail (result == NULL || HU_IS_RESULT (result));

  if (!hu_widgets_follow_result (&self->result, result, G_CALLBACK (queue_refresh), self))
    return;

  set_default_range (self);
  pick_telling_parameter (self);
  queue_refresh (self);
}

void
hu_what_if_view_set_page (HuWhatIfView *self,
                          const char   *name)
{
  g_return_if_fail (HU_IS_WHAT_IF_VIEW (self));

  gtk_stack_set_visible_child_name (self->stack, name);
}

/**
 * hu_what_if_view_get_chart_view:
 * @page: "regions", "gpus" or "sweep"
 *
 * Returns: (transfer none) (nullable): the chart of @page
 */
HuChartView *
hu_what_if_view_get_chart_view (HuWhatIfView *self,
                                const char   *page)
{
  g_return_val_if_fail (HU_IS_WHAT_IF_VIEW (self), NULL);

  if (g_strcmp0 (page, "regions") == 0)
    return self->regions_chart;
  if (g_strcmp0 (page, "gpus") == 0)
    return self->gpus_chart;
  if (g_strcmp0 (page, "sweep") == 0)
    return self->sweep_chart;
  return NULL;
}

/**
 * hu_what_if_view_get_n_pending:
 *
 * How many rankings' likely ranges are still being drawn in threads; the
 * whiskers and the intervals of the ranking appear when this is 0.
 */
guint
hu_what_if_view_get_n_pending (HuWhatIfView *self)
{
  g_return_val_if_fail (HU_IS_WHAT_IF_VIEW (self), 0);
  return self->n_interval_jobs;
}

/**
 * hu_what_if_view_get_picked_label:
 *
 * Returns: (nullable): the ranked region picked ("3. France · 2.3 t"),
 *   for tests
 */
const char *
hu_what_if_view_get_picked_label (HuWhatIfView *self)
{
  GtkStringObject *item;

  g_return_val_if_fail (HU_IS_WHAT_IF_VIEW (self), NULL);

  item = gtk_drop_down_get_selected_item (self->ranked_dropdown);
  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : NULL;
}
