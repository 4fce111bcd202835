/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuScenarioEditor"

/* What every part of the scenario form needs to know of a field: the
 * workload it belongs to, how its number is written for editing, its
 * unit, and how a wrong value is shown. This is the form's lowest layer:
 * the form (hu-scenario-editor.c), its ranges and its results call it,
 * and it calls none of them, so no part of the class calls up into
 * another. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "hu-scenario-editor-private.h"

/* The order of mode_row's items. */
static const HuWorkload modes[] = {
  HU_WORKLOAD_FLOPS,
  HU_WORKLOAD_PARAMS_TOKENS,
  HU_WORKLOAD_GPU_HOURS,
  HU_WORKLOAD_WALL_HOURS,
};

/* Whether @text, spaces around it aside, is @value of @key as the form
 * writes it (hu_number_format_for_entry(), in percent where the field is): the
 * one test of "the person has not edited what the form wrote", for a
 * field and for a range's rows alike. */
gboolean
_hu_scenario_editor_text_shows (HuInputKey  key,
                                const char *text,
                                double      value)
{
  g_autofree char *written = NULL;
  g_autofree char *stripped = NULL;

  if (isnan (value))
    return FALSE;
  written = hu_number_format_for_entry (_hu_scenario_editor_is_percent (key)
                                                  ? value * 100.0 : value);
  stripped = g_strstrip (g_strdup (text));
  return g_str_equal (written, stripped);
}

HuWorkload
_hu_scenario_editor_selected_mode (HuScenarioEditor *self)
{
  guint i = adw_combo_row_get_selected (self->mode_row);

  return i < G_N_ELEMENTS (modes) ? modes[i] : HU_WORKLOAD_FLOPS;
}

/* Whether @key is part of the workload as @mode gives it (and of the
 * serving model chosen): a field outside it is committed unset. */
gboolean
_hu_scenario_editor_key_in_mode (HuScenarioEditor *self,
                                 HuInputKey        key,
                                 HuWorkload        mode)
{
  switch (key)
    {
    case HU_INPUT_FLOPS:
      return mode == HU_WORKLOAD_FLOPS;
    case HU_INPUT_PARAMS:
    case HU_INPUT_TOKENS:
      return mode == HU_WORKLOAD_PARAMS_TOKENS;
    case HU_INPUT_GPU_HOURS:
      return mode == HU_WORKLOAD_GPU_HOURS;
    case HU_INPUT_WALL_HOURS:
      return mode == HU_WORKLOAD_WALL_HOURS;
    default:
      return _hu_scenario_editor_serving_key_active (self, key);
    }
}

/* Shows @mode in the workload drop-down (the first when unknown). */
void
_hu_scenario_editor_select_mode (HuScenarioEditor *self,
                                 HuWorkload        mode)
{
  guint mode_index = 0;

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    if (modes[i] == mode)
      mode_index = i;
  adw_combo_row_set_selected (self->mode_row, mode_index);
}

/* The unit shown beside @key's field (and its range rows): the core's
 * (hu_input_field_unit()), and the project's currency for a price, alone:
 * the field's title already says "per GPU-hour", and "USD per GPU-h"
 * left a 360 px form room for "Price per GP…" of the title. */
const char *
_hu_scenario_editor_unit_for (HuScenarioEditor *self,
                              HuInputKey        key)
{
  if (key == HU_INPUT_PRICE)
    return self->currency;
  return hu_input_field_unit (key);
}

/* Marks @key's field as wrong (@message) or right (%NULL), for the eye
 * and for screen readers; the status line says the first problem. */
void
_hu_scenario_editor_set_field_error (HuScenarioEditor *self,
                                     HuInputKey        key,
                                     const char       *message)
{
  GtkWidget *row = GTK_WIDGET (self->rows[key]);

  g_free (self->errors[key]);
  self->errors[key] = g_strdup (message);

  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->error_icons[key]), message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_icons[key]), message != NULL);
}

/* The line under the results: the first wrong field of the workload in
 * use, else why the estimate failed. */
void
_hu_scenario_editor_update_status (HuScenarioEditor *self)
{
  HuWorkload mode = _hu_scenario_editor_selected_mode (self);
  const char *problem = NULL;
  g_autofree char *text = NULL;

  for (guint key = 0; key < HU_N_NUMERIC_INPUTS && problem == NULL; key++)
    if (self->errors[key] != NULL && _hu_scenario_editor_key_in_mode (self, key, mode))
      problem = self->errors[key];

  if (problem != NULL)
    {
      /* Field messages are clauses ("“x” is not a number"): end the
       * sentence before the next one starts. */
      gboolean ended = g_str_has_suffix (problem, ".") || g_str_has_suffix (problem, "…") ||
                       g_str_has_suffix (problem, "!") || g_str_has_suffix (problem, "?");
      g_autofree char *sentence = ended ? g_strdup (problem)
                                        /* Translators: ends a sentence, "%s." */
                                        : g_strdup_printf (_("%s."), problem);

      /* Translators: %s explains what is wrong with a field, as a sentence */
      text = g_strdup_printf (_("%s The results are from the last valid inputs."), sentence);
    }
  else if (self->result != NULL && hu_result_get_error (self->result) != NULL)
    text = g_strdup (hu_result_get_error (self->result));

  gtk_label_set_label (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}
