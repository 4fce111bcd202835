/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The UI tests' helpers that are more than a few lines; the others are
 * inline in ui-test-helpers.h. Every UI test program is built with this
 * file (tests/ui/meson.build). */

#include "config.h"

#include "ui-test-helpers.h"

HuMeasuredRun *
ui_test_measured_run (const char *id,
                      const char *source,
                      double      duration_s,
                      double      energy_kwh,
                      double      emissions_kg)
{
  HuMeasuredRun *run = hu_measured_run_new ();
  HuRunData *data = hu_measured_run_get_data (run);

  g_assert_nonnull (id);
  g_assert_nonnull (source);
  data->id = g_strdup (id);
  data->source = g_strdup (source);
  data->duration_s = duration_s;
  data->energy_kwh = energy_kwh;
  data->emissions_kg = emissions_kg;
  return run;
}

void
ui_test_add_run (HuProject     *project,
                 HuMeasuredRun *run)
{
  GListStore *runs = hu_project_get_runs (project);
  guint before = g_list_model_get_n_items (G_LIST_MODEL (runs));

  g_list_store_append (runs, run);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (runs)), ==, before + 1);
}

gboolean
ui_test_activate_shortcut (GtkWidget       *widget,
                           guint            keyval,
                           GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut));
              return TRUE;
            }
        }
    }
  return FALSE;
}

gboolean
ui_test_press_key (GtkWindow       *window,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  for (GtkWidget *w = focus != NULL ? focus : GTK_WIDGET (window); w != NULL;
       w = gtk_widget_get_parent (w))
    if (ui_test_activate_shortcut (w, keyval, modifiers))
      return TRUE;
  return FALSE;
}

gboolean
ui_test_label_breaks_word (GtkLabel *label)
{
  /* The label's layout as drawn, at the width it was given: GTK 4.8
   * leaves its own at whatever width it last measured. */
  g_autoptr(PangoLayout) layout = pango_layout_copy (gtk_label_get_layout (label));
  const char *text = pango_layout_get_text (layout);

  pango_layout_set_width (layout, gtk_widget_get_width (GTK_WIDGET (label)) * PANGO_SCALE);

  for (int i = 1; i < pango_layout_get_line_count (layout); i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);
      gunichar before, after;

      if (line->start_index <= 0)
        continue;
      before = g_utf8_get_char (g_utf8_prev_char (text + line->start_index));
      after = g_utf8_get_char (text + line->start_index);
      if (g_unichar_isalnum (before) && g_unichar_isalnum (after))
        return TRUE;
    }
  return FALSE;
}

GtkWidget *
ui_test_widest_demand (GtkWidget *widget,
                       int        width)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int minimum;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > width)
        return ui_test_widest_demand (child, width);
    }
  return widget;
}
