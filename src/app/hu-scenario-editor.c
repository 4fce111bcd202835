/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuScenarioEditor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hu-catalog-drop-down.h"
#include "hu-measured-estimated-group.h"
#include "hu-scenario-editor-private.h"
#include "hu-widgets.h"

/* Typing is committed to the scenario after this pause, so the results
 * follow the user without recomputing on every key press. */
#define COMMIT_DELAY_MS 250

G_DEFINE_FINAL_TYPE (HuScenarioEditor, hu_scenario_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_RESULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The order of precision_row's items. */
static const HuPrecision precisions[] = {
  HU_PRECISION_AUTO,
  HU_PRECISION_FP32,
  HU_PRECISION_TF32,
  HU_PRECISION_FP16,
  HU_PRECISION_BF16,
  HU_PRECISION_FP8,
};

/* Peak and utilisation only matter when the work is given in FLOPs. */
static gboolean
key_relevant (HuScenarioEditor *self,
              HuInputKey        key,
              HuWorkload        mode)
{
  if (key == HU_INPUT_PEAK_TFLOPS || key == HU_INPUT_UTILIZATION)
    return mode == HU_WORKLOAD_FLOPS || mode == HU_WORKLOAD_PARAMS_TOKENS;
  return _hu_scenario_editor_key_in_mode (self, key, mode);
}

static void
update_mode_visibility (HuScenarioEditor *self)
{
  HuWorkload mode = _hu_scenario_editor_selected_mode (self);

  for (guint key = 0; key < HU_N_NUMERIC_INPUTS; key++)
    gtk_widget_set_visible (GTK_WIDGET (self->rows[key]), key_relevant (self, key, mode));
  gtk_widget_set_visible (GTK_WIDGET (self->precision_row),
                          key_relevant (self, HU_INPUT_PEAK_TFLOPS, mode));
  _hu_scenario_editor_update_deployment (self);
}

/* Whether the field still shows what load_scenario() put there. */
static gboolean
field_unchanged (HuScenarioEditor *self,
                 HuInputKey        key,
                 const HuInputs   *inputs)
{
  double value = hu_inputs_get (inputs, key);
  const HuRange *range = hu_inputs_get_range (inputs, key);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->rows[key]));
  g_autofree char *loaded = NULL;
  g_autofree char *shown = NULL;

  if (isnan (value))
    return FALSE;
  if (range == NULL)
    return _hu_scenario_editor_text_shows (key, text, value);
  loaded = _hu_scenario_editor_format_range (key, range);
  shown = g_strstrip (g_strdup (text));
  return g_str_equal (loaded, shown);
}

/* The name the field shows and compares with: "" where a file gave the
 * scenario none (the sidebar then shows its id). */
static const char *
scenario_name (HuScenario *scenario)
{
  const char *name = hu_scenario_get_name (scenario);

  return name != NULL ? name : "";
}

/* The project keeps the undo stack; the editor only feeds it. */
static HuUndo *
project_undo (HuScenarioEditor *self)
{
  return self->model != NULL ? hu_project_get_undo (hu_comparison_model_get_project (self->model))
                             : NULL;
}

static void
commit (HuScenarioEditor *self)
{
  HuInputs inputs;
  HuWorkload mode;
  gboolean valid = TRUE;
  gboolean inputs_changed, name_changed, notes_changed;
  const char *name, *notes;
  guint precision;

  g_clear_handle_id (&self->commit_source, g_source_remove);

  if (self->scenario == NULL)
    return;

  mode = _hu_scenario_editor_selected_mode (self);
  hu_inputs_init (&inputs);
  hu_inputs_copy (hu_scenario_get_inputs (self->scenario), &inputs);

  for (guint key = 0; key < HU_N_NUMERIC_INPUTS; key++)
    {
      g_autofree char *message = NULL;
      HuRange range;
      double value;

      if (!_hu_scenario_editor_parse_field (self, key, &value, &range, &message))
        {
          _hu_scenario_editor_set_field_error (self, key, message);
          if (_hu_scenario_editor_key_in_mode (self, key, mode))
            valid = FALSE;
          continue;
        }
      _hu_scenario_editor_set_field_error (self, key, NULL);
      /* A field left as loaded keeps its exact value: a known model's
       * derived utilisation has more digits than the field shows, and
       * retyping it would also take it out of the model's origin. */
      if (_hu_scenario_editor_key_in_mode (self, key, mode) && field_unchanged (self, key, &inputs))
        continue;
      /* A workload given another way is not part of this one: leaving it
       * set would make the inputs ambiguous. */
      hu_inputs_set_range (&inputs, key, NULL, NULL);
      if (_hu_scenario_editor_key_in_mode (self, key, mode) && hu_range_is_set (&range))
        hu_inputs_set_range (&inputs, key, &range, NULL);
      else
        hu_inputs_set (&inputs, key, _hu_scenario_editor_key_in_mode (self, key, mode) ? value : NAN);
    }

  _hu_scenario_editor_update_status (self);

  if (!valid)
    {
      hu_inputs_clear (&inputs);
      return;
    }

  if (g_strcmp0 (inputs.gpu, hu_catalog_drop_down_get_selected_id (self->gpu_dropdown)) != 0)
    hu_inputs_drop_origin (&inputs, HU_MODEL_FILLED_GPU);
  if (g_strcmp0 (inputs.region, hu_catalog_drop_down_get_selected_id (self->region_dropdown)) != 0)
    hu_inputs_drop_origin (&inputs, HU_MODEL_FILLED_REGION);
  g_free (inputs.gpu);
  inputs.gpu = g_strdup (hu_catalog_drop_down_get_selected_id (self->gpu_dropdown));
  g_free (inputs.region);
  inputs.region = g_strdup (hu_catalog_drop_down_get_selected_id (self->region_dropdown));
  precision = adw_combo_row_get_selected (self->precision_row);
  inputs.precision = precision < G_N_ELEMENTS (precisions) ? precisions[precision]
                                                           : HU_PRECISION_AUTO;
  _hu_scenario_editor_commit_deployment (self, &inputs);

  name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  notes = gtk_editable_get_text (GTK_EDITABLE (self->notes_row));
  inputs_changed = !hu_inputs_equal (hu_scenario_get_inputs (self->scenario), &inputs);
  /* A file may give a scenario no name: an empty field is no rename. */
  name_changed = g_strcmp0 (name, scenario_name (self->scenario)) != 0;
  notes_changed = g_strcmp0 (*notes != '\0' ? notes : NULL,
                             hu_scenario_get_notes (self->scenario)) != 0 &&
                  !(*notes == '\0' && hu_scenario_get_notes (self->scenario) == NULL);

  if (inputs_changed || name_changed || notes_changed)
    {
      if (project_undo (self) != NULL)
        hu_undo_push_scenario (project_undo (self), self->scenario);
      self->committing = TRUE;
      if (name_changed)
        hu_scenario_set_name (self->scenario, name);
      if (notes_changed)
        hu_scenario_set_notes (self->scenario, *notes != '\0' ? notes : NULL);
      if (inputs_changed)
        hu_scenario_set_inputs (self->scenario, &inputs);
      self->committing = FALSE;
    }

  hu_inputs_clear (&inputs);
}

static gboolean
commit_timeout (gpointer data)
{
  HuScenarioEditor *self = data;

  self->commit_source = 0;
  commit (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_commit (HuScenarioEditor *self)
{
  if (self->loading || self->scenario == NULL)
    return;

  g_clear_handle_id (&self->commit_source, g_source_remove);
  self->commit_source = g_timeout_add (COMMIT_DELAY_MS, commit_timeout, self);
}

/* Validates @key's field at once, so the error style follows the typing,
 * and commits after the pause. The range rows reach it through
 * self->field_edited. */
static void
check_and_schedule_commit (HuScenarioEditor *self,
                           HuInputKey        key)
{
  g_autofree char *message = NULL;
  HuRange range;
  double value;

  if (self->loading)
    return;
  if (_hu_scenario_editor_parse_field (self, key, &value, &range, &message))
    _hu_scenario_editor_set_field_error (self, key, NULL);
  else
    _hu_scenario_editor_set_field_error (self, key, message);
  _hu_scenario_editor_update_status (self);
  schedule_commit (self);
}

static void
on_field_changed (HuScenarioEditor *self,
                  GtkEditable      *editable)
{
  for (guint key = 0; key < HU_N_NUMERIC_INPUTS; key++)
    if (GTK_EDITABLE (self->rows[key]) == editable)
      {
        check_and_schedule_commit (self, key);
        return;
      }
  schedule_commit (self);
}

/* A carbon intensity typed while no region was chosen stood in for the
 * region: once the user picks one, its own intensity is what they expect,
 * not a leftover number that silently overrides it. */
static void
on_region_changed (HuScenarioEditor *self)
{
  const HuInputs *inputs;
  const char *region;

  if (self->loading || self->scenario == NULL)
    return;

  inputs = hu_scenario_get_inputs (self->scenario);
  region = hu_catalog_drop_down_get_selected_id (self->region_dropdown);
  if ((inputs->region == NULL || *inputs->region == '\0') &&
      region != NULL && *region != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->intensity_row), "");

  schedule_commit (self);
}

static void
on_mode_changed (HuScenarioEditor *self)
{
  update_mode_visibility (self);
  schedule_commit (self);
}

/* Fills the fields from the scenario, without committing anything back. */
static void
load_scenario (HuScenarioEditor *self)
{
  const HuInputs *inputs;
  if (self->scenario == NULL)
    return;

  self->loading = TRUE;
  inputs = hu_scenario_get_inputs (self->scenario);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), scenario_name (self->scenario));
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row),
                         hu_scenario_get_notes (self->scenario) != NULL
                         ? hu_scenario_get_notes (self->scenario) : "");

  _hu_scenario_editor_select_mode (self, hu_inputs_get_workload (inputs, NULL));

  for (guint key = 0; key < HU_N_NUMERIC_INPUTS; key++)
    {
      double value = hu_inputs_get (inputs, key);
      const HuRange *range = hu_inputs_get_range (inputs, key);
      g_autofree char *text = NULL;

      if (range != NULL)
        text = _hu_scenario_editor_format_range (key, range);
      else
        {
          if (_hu_scenario_editor_is_percent (key) && !isnan (value))
            value *= 100.0;
          text = hu_number_format_for_entry (value);
        }
      gtk_editable_set_text (GTK_EDITABLE (self->rows[key]), text);
      _hu_scenario_editor_load_range (self, key, range);
      _hu_scenario_editor_set_field_error (self, key, NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (precisions); i++)
    if (precisions[i] == inputs->precision)
      adw_combo_row_set_selected (self->precision_row, i);

  hu_catalog_drop_down_set_selected_id (self->gpu_dropdown, inputs->gpu);
  hu_catalog_drop_down_set_selected_id (self->region_dropdown, inputs->region);
  _hu_scenario_editor_load_deployment (self, inputs);

  update_mode_visibility (self);
  self->loading = FALSE;
}

static void
on_scenario_changed (HuScenarioEditor *self)
{
  /* Our own commits already show; anything else (undo, another view)
   * must be reflected in the fields. */
  if (!self->committing && self->commit_source == 0)
    load_scenario (self);
}

static void
hu_scenario_editor_dispose (GObject *object)
{
  HuScenarioEditor *self = HU_SCENARIO_EDITOR (object);

  g_clear_handle_id (&self->commit_source, g_source_remove);
  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  if (self->result != NULL)
    g_signal_handlers_disconnect_by_data (self->result, self);
  g_clear_object (&self->scenario);
  g_clear_object (&self->result);
  g_clear_object (&self->catalog);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (hu_project_get_runs (hu_comparison_model_get_project (self->model)),
                                          self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->link_runs, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), HU_TYPE_SCENARIO_EDITOR);

  G_OBJECT_CLASS (hu_scenario_editor_parent_class)->dispose (object);
}

static void
hu_scenario_editor_finalize (GObject *object)
{
  HuScenarioEditor *self = HU_SCENARIO_EDITOR (object);

  g_free (self->currency);
  for (guint i = 0; i < HU_N_NUMERIC_INPUTS; i++)
    g_free (self->errors[i]);

  G_OBJECT_CLASS (hu_scenario_editor_parent_class)->finalize (object);
}

static void
hu_scenario_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HuScenarioEditor *self = HU_SCENARIO_EDITOR (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      g_value_set_object (value, self->result);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_scenario_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HuScenarioEditor *self = HU_SCENARIO_EDITOR (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      hu_scenario_editor_set_result (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_scenario_editor_class_init (HuScenarioEditorClass *klass)
{
  g_type_ensure (HU_TYPE_CATALOG_DROP_DOWN);
  g_type_ensure (HU_TYPE_MEASURED_ESTIMATED_GROUP);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hu_scenario_editor_dispose;
  object_class->finalize = hu_scenario_editor_finalize;
  object_class->get_property = hu_scenario_editor_get_property;
  object_class->set_property = hu_scenario_editor_set_property;

  properties[PROP_RESULT] =
    g_param_spec_object ("result", NULL, NULL, HU_TYPE_RESULT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/hu-scenario-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, comparison_group);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, model_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, gpu_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, region_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, link_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, link_names);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, results_box);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, scenario_group);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, workload_group);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, hardware_group);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, location_group);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, cost_group);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, mode_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, precision_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, gpu_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, flops_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, params_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, tokens_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, gpu_hours_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, wall_hours_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, peak_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, count_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, utilization_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, power_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, retrain_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, intensity_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, pue_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, price_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, embodied_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, lifetime_row);
  _hu_scenario_editor_bind_deployment (widget_class);
  _hu_scenario_editor_bind_layout (widget_class);
}

static void
hu_scenario_editor_init (HuScenarioEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _hu_scenario_editor_init_layout (self);
  self->link_runs = g_ptr_array_new ();
  g_signal_connect_object (self->link_row, "notify::selected", G_CALLBACK (_hu_scenario_editor_on_link_selected),
                           self, G_CONNECT_SWAPPED);
  self->currency = g_strdup (HU_PROJECT_DEFAULT_CURRENCY);

  self->rows[HU_INPUT_FLOPS] = self->flops_row;
  self->rows[HU_INPUT_PARAMS] = self->params_row;
  self->rows[HU_INPUT_TOKENS] = self->tokens_row;
  self->rows[HU_INPUT_GPU_HOURS] = self->gpu_hours_row;
  self->rows[HU_INPUT_WALL_HOURS] = self->wall_hours_row;
  self->rows[HU_INPUT_PEAK_TFLOPS] = self->peak_row;
  self->rows[HU_INPUT_COUNT] = self->count_row;
  self->rows[HU_INPUT_UTILIZATION] = self->utilization_row;
  self->rows[HU_INPUT_POWER_W] = self->power_row;
  self->rows[HU_INPUT_RETRAIN] = self->retrain_row;
  self->rows[HU_INPUT_INTENSITY] = self->intensity_row;
  self->rows[HU_INPUT_PUE] = self->pue_row;
  self->rows[HU_INPUT_PRICE] = self->price_row;
  self->rows[HU_INPUT_EMBODIED_KG] = self->embodied_row;
  self->rows[HU_INPUT_LIFETIME_H] = self->lifetime_row;
  _hu_scenario_editor_init_deployment (self, G_CALLBACK (schedule_commit));
  self->field_edited = check_and_schedule_commit;

  for (guint key = 0; key < HU_N_NUMERIC_INPUTS; key++)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      GtkWidget *unit = gtk_label_new (_hu_scenario_editor_unit_for (self, key));

      gtk_widget_add_css_class (unit, "dim-label");
      /* A default's hint is two lines (set_hint()), right-aligned. */
      gtk_label_set_justify (GTK_LABEL (unit), GTK_JUSTIFY_RIGHT);
      gtk_label_set_xalign (GTK_LABEL (unit), 1);
      gtk_widget_set_visible (icon, FALSE);
      gtk_widget_add_css_class (icon, "error");
      adw_entry_row_add_suffix (self->rows[key], unit);
      adw_entry_row_add_suffix (self->rows[key], icon);
      _hu_scenario_editor_add_range_button (self, key);
      self->units[key] = GTK_LABEL (unit);
      self->error_icons[key] = GTK_IMAGE (icon);

      g_signal_connect_object (self->rows[key], "changed", G_CALLBACK (on_field_changed),
                               self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (on_field_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notes_row, "changed", G_CALLBACK (on_field_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mode_row, "notify::selected", G_CALLBACK (on_mode_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->precision_row, "notify::selected",
                           G_CALLBACK (schedule_commit), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->gpu_dropdown, "notify::selected-id",
                           G_CALLBACK (schedule_commit), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->region_dropdown, "notify::selected-id",
                           G_CALLBACK (on_region_changed), self, G_CONNECT_SWAPPED);

  _hu_scenario_editor_add_result_cards (self);

  update_mode_visibility (self);
}

GtkWidget *
hu_scenario_editor_new (void)
{
  return g_object_new (HU_TYPE_SCENARIO_EDITOR, NULL);
}

void
hu_scenario_editor_set_catalog (HuScenarioEditor *self,
                                HuCatalog        *catalog)
{
  g_return_if_fail (HU_IS_SCENARIO_EDITOR (self));
  g_return_if_fail (catalog == NULL || HU_IS_CATALOG (catalog));

  if (!g_set_object (&self->catalog, catalog))
    return;

  /* Refilling the lists is not an edit: the scenario's fields reload. */
  self->loading = TRUE;
  hu_catalog_drop_down_set_catalog (self->gpu_dropdown, catalog);
  hu_catalog_drop_down_set_catalog (self->region_dropdown, catalog);
  hu_catalog_drop_down_set_catalog (self->serve_gpu_dropdown, catalog);
  hu_catalog_drop_down_set_catalog (self->serve_region_dropdown, catalog);
  self->loading = FALSE;
  load_scenario (self);
}

void
hu_scenario_editor_set_currency (HuScenarioEditor *self,
                                 const char       *currency)
{
  g_return_if_fail (HU_IS_SCENARIO_EDITOR (self));

  g_free (self->currency);
  self->currency = g_strdup (currency != NULL ? currency : HU_PROJECT_DEFAULT_CURRENCY);
  /* The price's range rows, once made, say the unit too; the field's own
   * unit is written by the results, with its hint. */
  for (guint part = 0; part < HU_N_RANGE_PARTS; part++)
    if (self->range_units[HU_INPUT_PRICE][part] != NULL)
      gtk_label_set_label (self->range_units[HU_INPUT_PRICE][part],
                           _hu_scenario_editor_unit_for (self, HU_INPUT_PRICE));
  _hu_scenario_editor_update_results (self);
}

/**
 * hu_scenario_editor_get_result:
 *
 * Returns: (transfer none) (nullable): the scenario or run being edited
 */
HuResult *
hu_scenario_editor_get_result (HuScenarioEditor *self)
{
  g_return_val_if_fail (HU_IS_SCENARIO_EDITOR (self), NULL);
  return self->result;
}

/**
 * hu_scenario_editor_set_result:
 * @result: (nullable): the result whose scenario to edit
 *
 * Pending edits of the previous scenario are committed first.
 */
void
hu_scenario_editor_set_result (HuScenarioEditor *self,
                               HuResult         *result)
{
  gboolean editable;

  g_return_if_fail (HU_IS_SCENARIO_EDITOR (self));
  g_return_if_fail (result == NULL || HU_IS_RESULT (result));

  if (self->result == result)
    return;

  hu_scenario_editor_flush (self);

  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  if (self->result != NULL)
    g_signal_handlers_disconnect_by_data (self->result, self);
  g_clear_object (&self->scenario);
  g_set_object (&self->result, result);

  if (result != NULL && hu_result_get_scenario (result) != NULL)
    {
      self->scenario = g_object_ref (hu_result_get_scenario (result));
      g_signal_connect_swapped (self->scenario, "changed",
                                G_CALLBACK (on_scenario_changed), self);
      /* Linked from elsewhere (the run view's "Plan from this run"). */
      g_signal_connect_swapped (self->scenario, "notify::run-id",
                                G_CALLBACK (_hu_scenario_editor_update_link), self);
    }
  if (result != NULL)
    g_signal_connect_swapped (result, "changed", G_CALLBACK (_hu_scenario_editor_update_results), self);

  editable = self->scenario != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->scenario_group), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->workload_group), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->hardware_group), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->location_group), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->cost_group), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->deployment_group), editable);

  load_scenario (self);
  _hu_scenario_editor_update_results (self);
  _hu_scenario_editor_update_link (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

/**
 * hu_scenario_editor_flush:
 *
 * Commits typing that is still waiting for its pause, so that saving or
 * switching scenarios never loses the last keystrokes.
 */
void
hu_scenario_editor_flush (HuScenarioEditor *self)
{
  g_return_if_fail (HU_IS_SCENARIO_EDITOR (self));

  if (self->commit_source != 0)
    commit (self);
}

/**
 * hu_scenario_editor_undo:
 *
 * Drops typing not yet committed and undoes the project's last edit,
 * whichever scenario it was made to; the fields follow.
 */
void
hu_scenario_editor_undo (HuScenarioEditor *self)
{
  g_autoptr(HuScenario) restored = NULL;

  g_return_if_fail (HU_IS_SCENARIO_EDITOR (self));

  g_clear_handle_id (&self->commit_source, g_source_remove);
  if (project_undo (self) != NULL)
    restored = hu_undo_undo (project_undo (self));
  if (restored == NULL || restored == self->scenario)
    load_scenario (self);
}

void
hu_scenario_editor_focus_name (HuScenarioEditor *self)
{
  g_return_if_fail (HU_IS_SCENARIO_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  gtk_editable_select_region (GTK_EDITABLE (self->name_row), 0, -1);
}

/**
 * hu_scenario_editor_get_input_row:
 *
 * Returns: (transfer none): the row editing @key (for tests)
 */
AdwEntryRow *
hu_scenario_editor_get_input_row (HuScenarioEditor *self,
                                  HuInputKey        key)
{
  g_return_val_if_fail (HU_IS_SCENARIO_EDITOR (self), NULL);
  g_return_val_if_fail (key < HU_N_NUMERIC_INPUTS, NULL);

  return self->rows[key];
}

/**
 * hu_scenario_editor_get_range_toggle:
 *
 * Returns: (transfer none): the "±" of @key's field (for tests)
 */
GtkToggleButton *
hu_scenario_editor_get_range_toggle (HuScenarioEditor *self,
                                     HuInputKey        key)
{
  g_return_val_if_fail (HU_IS_SCENARIO_EDITOR (self), NULL);
  g_return_val_if_fail (key < HU_N_NUMERIC_INPUTS, NULL);
  return self->range_toggles[key];
}

/**
 * hu_scenario_editor_get_range_row:
 *
 * Returns: (transfer none) (nullable): the low, likely or high row of
 *   @key's range, once its "±" has been on (for tests)
 */
AdwEntryRow *
hu_scenario_editor_get_range_row (HuScenarioEditor *self,
                                  HuInputKey        key,
                                  HuRangePart       part)
{
  g_return_val_if_fail (HU_IS_SCENARIO_EDITOR (self), NULL);
  g_return_val_if_fail (key < HU_N_NUMERIC_INPUTS && part < HU_N_RANGE_PARTS, NULL);
  return self->range_rows[key][part];
}
