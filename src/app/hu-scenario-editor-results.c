/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuScenarioEditor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hu-run-plan.h"
#include "hu-scenario-editor-private.h"
#include "hu-widgets.h"

/* The result cards, in order: the comparison column each shows and its
 * caption. */
static const struct {
  HuColumn    column;
  const char *title;
} result_cards[] = {
  { HU_COLUMN_GPU_HOURS, N_("GPU-hours") },
  { HU_COLUMN_WALL_HOURS, N_("Wall-clock") },
  { HU_COLUMN_ENERGY, N_("Energy") },
  { HU_COLUMN_CO2, N_("CO₂eq") },
  { HU_COLUMN_COST, N_("Cost") },
};

void
_hu_scenario_editor_add_result_cards (HuScenarioEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (result_cards); i++)
    self->values[result_cards[i].column] =
      hu_widgets_append_result_card (self->results_box, _(result_cards[i].title));
  self->lifecycle_value = hu_widgets_append_result_card (self->results_box, _("Lifecycle CO₂eq"));
  self->breakeven_value = hu_widgets_append_result_card (self->results_box, _("Break-even with training"));
}

/* A default's number as every view writes its kind: a PUE "1.10", a
 * peak, a power or an intensity by hu-units' rating formatters, others
 * four digits. */
static char *
hint_number (HuInputKey key,
             double     value)
{
  switch ((int) key)
    {
    case HU_INPUT_PUE:
    case HU_INPUT_SERVE_PUE:
      return hu_units_format_pue (value, HU_UNITS_NUMBER);
    case HU_INPUT_PEAK_TFLOPS:
      return hu_units_format_peak (value, HU_UNITS_NUMBER);
    case HU_INPUT_POWER_W:
    case HU_INPUT_SERVE_POWER:
      return hu_units_format_watts (value, HU_UNITS_NUMBER);
    case HU_INPUT_INTENSITY:
    case HU_INPUT_SERVE_INTENSITY:
      return hu_units_format_intensity (value, HU_UNITS_NUMBER);
    default:
      return hu_format_number (value, 4);
    }
}

/* The break-even card: the day (Explain's "day 14.8"), or from a year
 * on how long that is alone, "37.2 years": a card holds one figure on
 * one line, and Explain gives both ("day 13,585 (37.2 years)"). */
static char *
format_breakeven (double days)
{
  if (days >= 365)
    return hu_format_duration (days * 24);
  return hu_format_breakeven_day (days);
}

static void
set_hint (HuScenarioEditor *self,
          HuInputKey        key,
          double            value,
          const HuProvenance *from)
{
  const char *unit = _hu_scenario_editor_unit_for (self, key);
  gboolean empty = *gtk_editable_get_text (GTK_EDITABLE (self->rows[key])) == '\0';
  g_autofree char *text = NULL;

  if (empty && !isnan (value))
    {
      g_autofree char *number = hint_number (key, value);
      g_autofree char *value_text = NULL;

      /* Counts read better without their unit: "default 1". */
      if (key == HU_INPUT_COUNT || key == HU_INPUT_RETRAIN || key == HU_INPUT_SERVE_COUNT ||
          *unit == '\0')
        value_text = g_steal_pointer (&number);
      else
        value_text = g_strdup_printf ("%s %s", number, unit);
      /* Translators: shown beside an empty field, on two lines: the value
       * used instead, "default" over "385 gCO₂eq/kWh". On one line it
       * left the field's title 15 px on a phone (issue 10 item 10). */
      text = g_strdup_printf (_("default\n%s"), value_text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->units[key]),
                                   from != NULL ? from->source : NULL);
    }
  else
    {
      text = g_strdup (unit);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->units[key]), NULL);
    }

  gtk_label_set_label (self->units[key], g_strstrip (text));
}

/* The data's confidence labels, for people. */
static const char *
confidence_label (const char *confidence)
{
  if (g_strcmp0 (confidence, "Confident") == 0)
    return C_("confidence", "confident");
  if (g_strcmp0 (confidence, "Likely") == 0)
    return C_("confidence", "likely");
  if (g_strcmp0 (confidence, "Speculative") == 0)
    return C_("confidence", "speculative");
  return C_("confidence", "not stated");
}

/* A scenario made from a known model says, at each field it filled, that
 * the value is Epoch AI's (with their confidence), derived, or for the
 * region an assumption to check. */
static void
show_origin (HuScenarioEditor *self)
{
  static const struct { HuInputKey key; HuModelFilled bit; } numbers[] = {
    { HU_INPUT_FLOPS, HU_MODEL_FILLED_FLOPS },
    { HU_INPUT_COUNT, HU_MODEL_FILLED_COUNT },
    { HU_INPUT_UTILIZATION, HU_MODEL_FILLED_UTILIZATION },
  };
  const HuModelOrigin *origin = self->scenario != NULL ? hu_scenario_get_inputs (self->scenario)->origin
                                                       : NULL;
  g_autofree char *publisher = NULL;
  g_autofree char *from = NULL;
  g_autofree char *gpu_text = NULL;
  g_autofree char *region_text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->model_row), origin != NULL);
  if (origin == NULL)
    {
      adw_action_row_set_subtitle (self->gpu_row, "");
      adw_action_row_set_subtitle (self->region_row, "");
      return;
    }

  publisher = origin->source ? g_strndup (origin->source, strcspn (origin->source, ","))
                             : g_strdup (origin->model);
  /* Translators: a publisher and its confidence in the value, e.g. "Epoch AI, confident" */
  from = g_strdup_printf (_("%s, %s"), publisher, confidence_label (origin->confidence));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->model_row), origin->model);
  {
    g_autofree char *cited = hu_citation_localize (origin->source);
    /* Translators: the data source, then the confidence label */
    g_autofree char *subtitle = g_strdup_printf (_("Known model — %s; confidence: %s"),
                                                 cited ? cited : "",
                                                 confidence_label (origin->confidence));
    adw_action_row_set_subtitle (self->model_row, subtitle);
  }

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      HuInputKey key = numbers[i].key;
      gboolean derived = numbers[i].bit == HU_MODEL_FILLED_UTILIZATION && origin->utilization_derived;
      g_autofree char *note = hu_model_origin_describe (origin, numbers[i].bit);
      g_autofree char *text = NULL;

      if (!(origin->filled & numbers[i].bit))
        continue;
      /* Translators: beside a field: its unit, then where the value came from */
      text = derived ? g_strdup_printf (_("%s · derived from %s"), _hu_scenario_editor_unit_for (self, key), publisher)
                     : g_strdup_printf (_("%s · %s"), _hu_scenario_editor_unit_for (self, key), from);
      gtk_label_set_label (self->units[key], g_strstrip (text));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->units[key]), note);
    }

  if (origin->filled & HU_MODEL_FILLED_GPU)
    /* Translators: the data's hardware name, then the source and confidence */
    gpu_text = g_strdup_printf (_("“%s” in the data (%s)"), origin->hardware ? origin->hardware : "?", from);
  adw_action_row_set_subtitle (self->gpu_row, gpu_text ? gpu_text : "");

  if (origin->filled & HU_MODEL_FILLED_REGION)
    /* Translators: %s is a country name as the data spell it */
    region_text = g_strdup_printf (_("Assumption: the grid of the organisation’s country (%s). "
                                     "Check where the model was trained."),
                                   origin->country ? origin->country : "?");
  adw_action_row_set_subtitle (self->region_row, region_text ? region_text : "");
}

void
_hu_scenario_editor_update_results (HuScenarioEditor *self)
{
  const HuEstimate *estimate = self->result != NULL ? hu_result_get_estimate (self->result) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (result_cards); i++)
    {
      HuColumn column = result_cards[i].column;
      g_autofree char *text = NULL;
      g_autofree char *range = NULL;

      /* The number on its line, its likely range on its own. */
      if (self->result != NULL && (estimate != NULL || hu_result_get_run (self->result) != NULL))
        text = hu_result_format_quantity (self->result, column, &range);
      hu_widgets_set_card_value (self->values[column], text, range);
      /* A card with no value among cards with values (Cost without a
       * price) only takes room. */
      hu_widgets_set_card_visible (self->values[column],
                                   estimate == NULL ||
                                   (text != NULL && g_strcmp0 (text, "—") != 0));
    }

  /* The whole life, when the scenario is served (issue 11). */
  {
    gboolean serving = estimate != NULL && hu_estimate_has_serving (estimate);
    g_autofree char *life_range = NULL;
    /* In the unit the CO₂eq card and the comparison use. */
    g_autofree char *life = serving ? hu_result_format_quantity (self->result, HU_COLUMN_LIFECYCLE,
                                                                 &life_range)
                                    : NULL;
    g_autofree char *breakeven = serving && isfinite (estimate->breakeven_days)
                                 ? format_breakeven (estimate->breakeven_days) : NULL;

    hu_widgets_set_card_value (self->lifecycle_value, life, life_range);
    hu_widgets_set_card_value (self->breakeven_value, breakeven, NULL);
    hu_widgets_set_card_visible (self->lifecycle_value, serving);
    hu_widgets_set_card_visible (self->breakeven_value, breakeven != NULL);
  }

  for (guint key = 0; key < HU_N_NUMERIC_INPUTS; key++)
    set_hint (self, key, NAN, NULL);

  if (estimate != NULL)
    {
      set_hint (self, HU_INPUT_PEAK_TFLOPS, estimate->peak_tflops, &estimate->peak_from);
      set_hint (self, HU_INPUT_COUNT, estimate->count, NULL);
      set_hint (self, HU_INPUT_UTILIZATION, estimate->utilization * 100,
                &estimate->utilization_from);
      set_hint (self, HU_INPUT_POWER_W, estimate->power_w, &estimate->power_from);
      set_hint (self, HU_INPUT_RETRAIN, estimate->retrain, NULL);
      set_hint (self, HU_INPUT_INTENSITY, estimate->intensity, &estimate->intensity_from);
      set_hint (self, HU_INPUT_PUE, estimate->pue, &estimate->pue_from);
      if (hu_estimate_has_serving (estimate))
        {
          set_hint (self, HU_INPUT_ACTIVE_PARAMS, estimate->active_params, NULL);
          set_hint (self, HU_INPUT_SERVE_COUNT, estimate->serve_count, NULL);
          set_hint (self, HU_INPUT_SERVE_UTILIZATION, estimate->serve_utilization * 100,
                    &estimate->serve_utilization_from);
          set_hint (self, HU_INPUT_SERVE_POWER, estimate->serve_power_w, &estimate->serve_power_from);
          set_hint (self, HU_INPUT_SERVE_INTENSITY, estimate->serve_intensity,
                    &estimate->serve_intensity_from);
          set_hint (self, HU_INPUT_SERVE_PUE, estimate->serve_pue, &estimate->serve_pue_from);
        }

      /* The PUE's source is worth reading, not only hovering. */
      if (estimate->pue_from.source != NULL && estimate->pue_from.origin != HU_ORIGIN_USER)
        {
          g_autofree char *pue = hu_units_format_pue (estimate->pue, HU_UNITS_DEFAULT);
          /* Translators: %s is the PUE value, then its source */
          g_autofree char *description = g_strdup_printf (_("Default PUE %s: %s"),
                                                          pue, estimate->pue_from.source);

          adw_preferences_group_set_description (self->location_group, description);
        }
      else
        adw_preferences_group_set_description (self->location_group, NULL);
    }

  show_origin (self);
  _hu_scenario_editor_update_status (self);
}

/* The "Compare with measured run" row and the comparison it shows. */
void
_hu_scenario_editor_update_link (HuScenarioEditor *self)
{
  HuProject *project = self->model != NULL ? hu_comparison_model_get_project (self->model) : NULL;
  HuMeasuredRun *linked = NULL;
  guint selected = 0;
  guint n_names;
  GListModel *runs;
  guint n_runs;

  if (project == NULL || self->scenario == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->link_row), FALSE);
      hu_measured_estimated_group_set (self->comparison_group, NULL, NULL);
      return;
    }

  runs = G_LIST_MODEL (hu_project_get_runs (project));
  n_runs = g_list_model_get_n_items (runs);
  linked = hu_run_plan_linked_run (project, self->scenario);

  /* Rebuilding the choices while the row reports a selection would
   * confuse its selection model: only rebuild when the runs differ. */
  self->loading_links = TRUE;
  {
    gboolean same = self->link_runs->len == n_runs;
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

    /* Translators: no measured run to compare a scenario with */
    g_ptr_array_add (names, g_strdup (C_("measured run", "None")));
    for (guint i = 0; i < n_runs; i++)
      {
        g_autoptr(HuMeasuredRun) run = g_list_model_get_item (runs, i);

        same = same && g_ptr_array_index (self->link_runs, i) == run &&
               g_strcmp0 (gtk_string_list_get_string (self->link_names, i + 1),
                          hu_measured_run_get_name (run)) == 0;
        g_ptr_array_add (names, g_strdup (hu_measured_run_get_name (run)));
        if (run == linked)
          selected = i + 1;
      }
    g_ptr_array_add (names, NULL);

    if (!same)
      {
        g_ptr_array_set_size (self->link_runs, 0);
        for (guint i = 0; i < n_runs; i++)
          {
            g_autoptr(HuMeasuredRun) run = g_list_model_get_item (runs, i);

            g_ptr_array_add (self->link_runs, run);
          }
        n_names = g_list_model_get_n_items (G_LIST_MODEL (self->link_names));
        gtk_string_list_splice (self->link_names, 0, n_names,
                                (const char * const *) names->pdata);
      }
  }
  if (adw_combo_row_get_selected (self->link_row) != selected)
    adw_combo_row_set_selected (self->link_row, selected);
  self->loading_links = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->link_row), n_runs > 0);
  hu_measured_estimated_group_set (self->comparison_group, linked, linked != NULL ? self->result
                                                                                  : NULL);
}

void
_hu_scenario_editor_on_link_selected (HuScenarioEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->link_row);
  HuMeasuredRun *run = NULL;

  if (self->loading_links || self->scenario == NULL || self->model == NULL)
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->link_runs->len)
    run = g_ptr_array_index (self->link_runs, selected - 1);
  hu_run_plan_link (hu_comparison_model_get_project (self->model), self->scenario, run);
  _hu_scenario_editor_update_link (self);
}

/**
 * hu_scenario_editor_set_model:
 *
 * The comparison whose measured runs a scenario can be linked to.
 */
void
hu_scenario_editor_set_model (HuScenarioEditor  *self,
                              HuComparisonModel *model)
{
  g_return_if_fail (HU_IS_SCENARIO_EDITOR (self));
  g_return_if_fail (model == NULL || HU_IS_COMPARISON_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (hu_project_get_runs (hu_comparison_model_get_project (self->model)),
                                          self);
  g_set_object (&self->model, model);
  _hu_scenario_editor_layout_set_model (self, model);
  /* Imported or removed runs change the choices. */
  if (model != NULL)
    g_signal_connect_object (hu_project_get_runs (hu_comparison_model_get_project (model)),
                             "items-changed", G_CALLBACK (_hu_scenario_editor_update_link), self, G_CONNECT_SWAPPED);
  _hu_scenario_editor_update_link (self);
}

/**
 * hu_scenario_editor_get_link_row:
 *
 * Returns: (transfer none): the "Compare with measured run" row (for tests)
 */
AdwComboRow *
hu_scenario_editor_get_link_row (HuScenarioEditor *self)
{
  g_return_val_if_fail (HU_IS_SCENARIO_EDITOR (self), NULL);
  return self->link_row;
}

HuMeasuredEstimatedGroup *
hu_scenario_editor_get_comparison_group (HuScenarioEditor *self)
{
  g_return_val_if_fail (HU_IS_SCENARIO_EDITOR (self), NULL);
  return self->comparison_group;
}
