/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuScenarioEditor"

#include "config.h"

#include <math.h>

#include "hu-scenario-editor-private.h"

/* The "Deployment" group of the scenario form: serving the trained model
 * (issue 11). Its number rows sit in the editor's rows[] like training's,
 * so parsing, errors and committing are shared; this file decides which
 * rows the chosen energy model uses and fills the rest of the group. */

/* The order of serve_model_row's items. */
static const HuServingModel serving_models[] = {
  HU_SERVING_NONE,
  HU_SERVING_PER_REQUEST,
  HU_SERVING_COMPUTE,
  HU_SERVING_FLEET,
};

/* The order of traffic_row's items. */
enum {
  TRAFFIC_TOTAL,
  TRAFFIC_PER_DAY,
};

static HuServingModel
selected_model (HuScenarioEditor *self)
{
  guint i = adw_combo_row_get_selected (self->serve_model_row);

  return i < G_N_ELEMENTS (serving_models) ? serving_models[i] : HU_SERVING_NONE;
}

static gboolean
per_day (HuScenarioEditor *self)
{
  return adw_combo_row_get_selected (self->traffic_row) == TRAFFIC_PER_DAY;
}

void
_hu_scenario_editor_bind_deployment (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, deployment_group);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, serve_model_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, traffic_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, serve_gpu_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, serve_region_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, serve_gpu_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, serve_region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, requests_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, requests_per_day_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, days_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, wh_per_request_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, tokens_per_request_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, active_params_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, serve_count_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, serve_utilization_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, serve_power_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, serve_intensity_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, serve_pue_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, serve_embodied_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, serve_lifetime_row);
}

static void
on_choice_changed (HuScenarioEditor *self)
{
  _hu_scenario_editor_update_deployment (self);
}

/* @changed: the editor's handler that schedules a commit */
void
_hu_scenario_editor_init_deployment (HuScenarioEditor *self,
                                     GCallback         changed)
{
  self->rows[HU_INPUT_REQUESTS] = self->requests_row;
  self->rows[HU_INPUT_REQUESTS_PER_DAY] = self->requests_per_day_row;
  self->rows[HU_INPUT_DAYS] = self->days_row;
  self->rows[HU_INPUT_WH_PER_REQUEST] = self->wh_per_request_row;
  self->rows[HU_INPUT_TOKENS_PER_REQUEST] = self->tokens_per_request_row;
  self->rows[HU_INPUT_ACTIVE_PARAMS] = self->active_params_row;
  self->rows[HU_INPUT_SERVE_COUNT] = self->serve_count_row;
  self->rows[HU_INPUT_SERVE_UTILIZATION] = self->serve_utilization_row;
  self->rows[HU_INPUT_SERVE_POWER] = self->serve_power_row;
  self->rows[HU_INPUT_SERVE_INTENSITY] = self->serve_intensity_row;
  self->rows[HU_INPUT_SERVE_PUE] = self->serve_pue_row;
  self->rows[HU_INPUT_SERVE_EMBODIED_KG] = self->serve_embodied_row;
  self->rows[HU_INPUT_SERVE_LIFETIME_H] = self->serve_lifetime_row;

  g_signal_connect_object (self->serve_model_row, "notify::selected",
                           G_CALLBACK (on_choice_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->traffic_row, "notify::selected",
                           G_CALLBACK (on_choice_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->serve_model_row, "notify::selected", changed,
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->traffic_row, "notify::selected", changed,
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->serve_gpu_dropdown, "notify::selected-id", changed,
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->serve_region_dropdown, "notify::selected-id", changed,
                           self, G_CONNECT_SWAPPED);
}

/* Percent in the form, a fraction in the scenario. */
gboolean
_hu_scenario_editor_is_percent (HuInputKey key)
{
  return key == HU_INPUT_UTILIZATION || key == HU_INPUT_SERVE_UTILIZATION;
}

/**
 * _hu_scenario_editor_serving_key_active:
 *
 * Returns: whether the form uses @key with the energy model and the kind
 *   of traffic chosen; training's keys always are. A key the choice does
 *   not use is committed unset, so the inputs never hold two models.
 */
gboolean
_hu_scenario_editor_serving_key_active (HuScenarioEditor *self,
                                        HuInputKey        key)
{
  HuServingModel model;

  if (!hu_input_key_is_serving (key))
    return TRUE;
  model = selected_model (self);
  if (model == HU_SERVING_NONE)
    return FALSE;

  switch (key)
    {
    case HU_INPUT_REQUESTS:
      return !per_day (self);
    case HU_INPUT_REQUESTS_PER_DAY:
      return per_day (self);
    case HU_INPUT_WH_PER_REQUEST:
      return model == HU_SERVING_PER_REQUEST;
    case HU_INPUT_TOKENS_PER_REQUEST:
    case HU_INPUT_ACTIVE_PARAMS:
    case HU_INPUT_SERVE_UTILIZATION:
      return model == HU_SERVING_COMPUTE;
    case HU_INPUT_SERVE_COUNT:
    case HU_INPUT_SERVE_POWER:
    case HU_INPUT_SERVE_EMBODIED_KG:
    case HU_INPUT_SERVE_LIFETIME_H:
      return model != HU_SERVING_PER_REQUEST;
    case HU_INPUT_DAYS:
    case HU_INPUT_SERVE_INTENSITY:
    case HU_INPUT_SERVE_PUE:
    default:
      return TRUE;
    }
}

/* Which model a scenario's inputs describe; inputs that do not choose one
 * cleanly (a file edited by hand) show the model their keys point to, and
 * the estimate's error says what is wrong. */
static HuServingModel
model_of (const HuInputs *inputs)
{
  HuServingModel model = hu_inputs_get_serving_model (inputs, NULL);

  if (model != HU_SERVING_NONE || !hu_inputs_has_serving (inputs))
    return model;
  if (!isnan (inputs->wh_per_request))
    return HU_SERVING_PER_REQUEST;
  if (!isnan (inputs->tokens_per_request))
    return HU_SERVING_COMPUTE;
  return HU_SERVING_FLEET;
}

/* Called by the editor's load_scenario(), with ->loading set. */
void
_hu_scenario_editor_load_deployment (HuScenarioEditor *self,
                                     const HuInputs   *inputs)
{
  HuServingModel model = model_of (inputs);

  for (guint i = 0; i < G_N_ELEMENTS (serving_models); i++)
    if (serving_models[i] == model)
      adw_combo_row_set_selected (self->serve_model_row, i);
  adw_combo_row_set_selected (self->traffic_row,
                              !isnan (inputs->requests_per_day) ? TRAFFIC_PER_DAY : TRAFFIC_TOTAL);
  hu_catalog_drop_down_set_selected_id (self->serve_gpu_dropdown, inputs->serve_gpu);
  hu_catalog_drop_down_set_selected_id (self->serve_region_dropdown, inputs->serve_region);
  _hu_scenario_editor_update_deployment (self);
}

/* Called by the editor's commit() once the numbers are in @inputs. */
void
_hu_scenario_editor_commit_deployment (HuScenarioEditor *self,
                                       HuInputs         *inputs)
{
  HuServingModel model = selected_model (self);
  gboolean hardware = model == HU_SERVING_COMPUTE || model == HU_SERVING_FLEET;

  g_free (inputs->serve_gpu);
  inputs->serve_gpu = hardware ? g_strdup (hu_catalog_drop_down_get_selected_id (self->serve_gpu_dropdown))
                               : NULL;
  g_free (inputs->serve_region);
  inputs->serve_region = model != HU_SERVING_NONE
                         ? g_strdup (hu_catalog_drop_down_get_selected_id (self->serve_region_dropdown))
                         : NULL;

  /* A fleet is told apart from the other models by its accelerators; with
   * every field left to its default it is one accelerator, the
   * training's, so say so rather than leave the choice unreadable. */
  if (model == HU_SERVING_FLEET && isnan (inputs->serve_count) && isnan (inputs->serve_power) &&
      inputs->serve_gpu == NULL)
    inputs->serve_count = HU_DEFAULT_COUNT;
}

/* Shows the rows of the chosen model. */
void
_hu_scenario_editor_update_deployment (HuScenarioEditor *self)
{
  HuServingModel model = selected_model (self);
  gboolean hardware = model == HU_SERVING_COMPUTE || model == HU_SERVING_FLEET;

  for (guint key = 0; key < HU_N_NUMERIC_INPUTS; key++)
    if (hu_input_key_is_serving (key))
      gtk_widget_set_visible (GTK_WIDGET (self->rows[key]),
                              _hu_scenario_editor_serving_key_active (self, key));
  gtk_widget_set_visible (GTK_WIDGET (self->traffic_row), model != HU_SERVING_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->serve_gpu_row), hardware);
  gtk_widget_set_visible (GTK_WIDGET (self->serve_region_row), model != HU_SERVING_NONE);
}
