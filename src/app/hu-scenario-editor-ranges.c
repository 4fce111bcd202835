/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuScenarioEditor"

/* Ranges in the scenario form (issue 12): a field holds a number or
 * "low..likely..high", and its "±" button turns one into the other. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hu-scenario-editor-private.h"

/* "35..40..55" (utilisation in percent, like its field). */
char *
_hu_scenario_editor_format_range (HuInputKey     key,
                                  const HuRange *range)
{
  double scale = _hu_scenario_editor_is_percent (key) ? 100.0 : 1.0;
  g_autofree char *low = _hu_scenario_editor_format_for_entry (range->low * scale);
  g_autofree char *high = _hu_scenario_editor_format_for_entry (range->high * scale);
  g_autofree char *likely = NULL;

  if (isnan (range->likely))
    return g_strdup_printf ("%s..%s", low, high);
  likely = _hu_scenario_editor_format_for_entry (range->likely * scale);
  return g_strdup_printf ("%s..%s..%s", low, likely, high);
}

/* The value a field stands for when it is empty: what the estimate used. */
static double
resolved_value (HuScenarioEditor *self,
                HuInputKey        key)
{
  const HuEstimate *e = self->result != NULL ? hu_result_get_estimate (self->result) : NULL;

  if (e == NULL)
    return NAN;
  switch (key)
    {
    case HU_INPUT_PEAK_TFLOPS: return e->peak_tflops;
    case HU_INPUT_COUNT:       return e->count;
    case HU_INPUT_UTILIZATION: return e->utilization;
    case HU_INPUT_POWER_W:     return e->power_w;
    case HU_INPUT_RETRAIN:     return e->retrain;
    case HU_INPUT_INTENSITY:   return e->intensity;
    case HU_INPUT_PUE:         return e->pue;
    case HU_INPUT_FLOPS:
    case HU_INPUT_PARAMS:
    case HU_INPUT_TOKENS:
    case HU_INPUT_GPU_HOURS:
    case HU_INPUT_WALL_HOURS:
    case HU_INPUT_PRICE:
    case HU_INPUT_EMBODIED_KG:
    case HU_INPUT_LIFETIME_H:
    case HU_N_NUMERIC_INPUTS:
    default:
      return NAN;
    }
}

/* "±": a number becomes low..likely..high around it (−20 %, +20 %) for
 * the user to adjust; a range goes back to its likely value. */
static void
on_range_clicked (GtkButton        *button,
                  HuScenarioEditor *self)
{
  HuInputKey key = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "input-key"));
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;
  HuRange range;
  double value;

  if (!_hu_scenario_editor_parse_field (self, key, &value, &range, &message))
    return;
  if (hu_range_is_set (&range))
    {
      if (_hu_scenario_editor_is_percent (key))
        value *= 100.0;
      text = _hu_scenario_editor_format_for_entry (value);
    }
  else
    {
      if (isnan (value))
        value = resolved_value (self, key);
      if (isnan (value))
        return;
      range.low = value * 0.8;
      range.likely = value;
      range.high = value * 1.2;
      /* Keep the ends inside the input's domain (PUE ≥ 1, utilisation ≤ 1). */
      if (!hu_input_check_value (key, range.low, NULL))
        range.low = value;
      if (!hu_input_check_value (key, range.high, NULL))
        range.high = value;
      if (hu_input_is_integer (key))
        {
          range.low = floor (range.low);
          range.high = ceil (range.high);
        }
      text = _hu_scenario_editor_format_range (key, &range);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->rows[key]), text);
  gtk_widget_grab_focus (GTK_WIDGET (self->rows[key]));
}

void
_hu_scenario_editor_add_range_button (HuScenarioEditor *self,
                                      HuInputKey        key)
{
  GtkWidget *button = gtk_button_new_with_label ("±");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Give a range: low..likely..high (or back to one number)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Range"), -1);
  g_object_set_data (G_OBJECT (button), "input-key", GUINT_TO_POINTER (key));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_range_clicked), self, 0);
  adw_entry_row_add_suffix (self->rows[key], button);
}
