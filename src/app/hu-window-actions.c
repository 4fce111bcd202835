/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuWindow"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hu-export-dialog.h"
#include "hu-model-dialog.h"
#include "hu-run-plan.h"
#include "hu-shortcuts-window.h"
#include "hu-window-private.h"
#include "hu-widgets.h"

static HuScenario *
selected_scenario (HuWindow *self)
{
  return self->selected != NULL ? hu_result_get_scenario (self->selected) : NULL;
}


static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  _hu_window_maybe_discard (HU_WINDOW (widget), PENDING_NEW, NULL);
}

static void
new_from_example_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _hu_window_maybe_discard (HU_WINDOW (widget), PENDING_EXAMPLE, NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _hu_window_maybe_discard (HU_WINDOW (widget), PENDING_OPEN_DIALOG, NULL);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  _hu_window_maybe_discard (HU_WINDOW (widget), PENDING_OPEN_FILE, file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _hu_window_save (HU_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _hu_window_save_as (HU_WINDOW (widget));
}

/* Where a new plan runs unless the user says otherwise: the default region
 * from the preferences when the catalog knows it, else a carbon intensity
 * of 400 g/kWh, so that the estimate is complete from the start. */
static void
set_default_location (HuWindow *self,
                      HuInputs *inputs)
{
  g_autofree char *region = g_settings_get_string (self->settings, "default-region");

  if (*region != '\0' && hu_catalog_lookup_region (hu_project_get_catalog (self->project),
                                                   region) != NULL)
    inputs->region = g_strdup (region);
  else
    inputs->intensity = 400;
}

/* Shows a scenario just added to the list in the editor, where the user
 * fills in what differs. */
static void
edit_new_scenario (HuWindow   *self,
                   HuScenario *scenario)
{
  _hu_window_select_source (self, scenario);
  hu_window_show_page (self, "editor");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
add_scenario_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HuWindow *self = HU_WINDOW (widget);
  GListStore *scenarios = hu_project_get_scenarios (self->project);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (scenarios));
  g_autofree char *id = hu_project_unique_id (self->project, "scenario");
  /* Translators: name of a new scenario, %u counts them */
  g_autofree char *name = g_strdup_printf (_("Scenario %u"), n + 1);
  g_autoptr(HuScenario) scenario = hu_scenario_new (id, name);
  double pue = hu_settings_use_region_pue (self->settings)
               ? NAN : g_settings_get_double (self->settings, "default-pue");
  HuInputs inputs;

  /* A complete starting point (a 7-billion-parameter model on two
   * trillion tokens, eight A100s) shows results at once; the user then
   * changes what differs. */
  hu_inputs_init (&inputs);
  inputs.params = 7e9;
  inputs.tokens = 2e12;
  inputs.gpu = g_strdup ("nvidia-a100-sxm4-80gb");
  inputs.count = 8;
  set_default_location (self, &inputs);
  if (pue >= 1)
    inputs.pue = pue;
  hu_scenario_set_inputs (scenario, &inputs);
  hu_inputs_clear (&inputs);

  g_list_store_append (scenarios, scenario);
  edit_new_scenario (self, scenario);
}

static void
on_model_chosen (HuWindow   *self,
                 const char *name)
{
  HuCatalog *catalog = hu_project_get_catalog (self->project);
  HuKnownModel *model = hu_catalog_lookup_model (catalog, name);
  g_autofree char *id = NULL;
  g_autoptr(HuScenario) scenario = NULL;

  if (model == NULL)
    return;
  id = hu_project_unique_id (self->project, "model");
  scenario = hu_scenario_new_from_model (model, catalog, id);
  g_list_store_append (hu_project_get_scenarios (self->project), scenario);
  edit_new_scenario (self, scenario);
}

static void
add_known_model_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HuWindow *self = HU_WINDOW (widget);
  GtkWidget *dialog = hu_model_dialog_new (GTK_WINDOW (self),
                                           hu_project_get_catalog (self->project));

  g_signal_connect_object (dialog, "model-chosen", G_CALLBACK (on_model_chosen), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HuWindow *self = HU_WINDOW (widget);
  HuScenario *scenario = selected_scenario (self);
  GListStore *scenarios = hu_project_get_scenarios (self->project);
  g_autoptr(HuScenario) copy = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  guint position = 0;

  if (scenario == NULL)
    return;

  hu_scenario_editor_flush (self->editor);
  id = hu_project_unique_id (self->project, hu_scenario_get_id (scenario));
  copy = hu_scenario_duplicate (scenario, id);
  /* Translators: name of a duplicated scenario */
  name = g_strdup_printf (_("%s (copy)"), hu_scenario_get_display_name (scenario));
  hu_scenario_set_name (copy, name);

  g_list_store_find (scenarios, scenario, &position);
  g_list_store_insert (scenarios, position + 1, copy);
  _hu_window_select_source (self, copy);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HuWindow *self = HU_WINDOW (widget);
  HuScenario *scenario = selected_scenario (self);
  HuMeasuredRun *run = self->selected != NULL ? hu_result_get_run (self->selected) : NULL;
  guint position = 0;
  guint row = self->selected != NULL ? _hu_window_position_of (self, self->selected) : 0;
  AdwToast *toast;
  g_autofree char *title = NULL;

  if (scenario != NULL &&
      g_list_store_find (hu_project_get_scenarios (self->project), scenario, &position))
    {
      hu_scenario_editor_flush (self->editor);
      g_set_object (&self->deleted, scenario);
      self->deleted_position = position;
      /* Translators: %s is a scenario's name */
      title = g_strdup_printf (_("“%s” deleted"), hu_scenario_get_display_name (scenario));
      /* Every page lets go of it, also when no row is left to select
       * (hu_window_select_result() would find nothing to change). */
      _hu_window_set_selected (self, NULL);
      g_list_store_remove (hu_project_get_scenarios (self->project), position);

      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo-delete");
      /* Undo brings back the last deletion only: the toast of the one
       * before, waiting its turn or shown, would name a scenario its
       * Undo does not bring back (four deletions left four toasts, one
       * after another, for 20 s). */
      _hu_window_withdraw_toast (self, self->deleted_toast);
      g_set_object (&self->deleted_toast, toast);
      _hu_window_show_toast (self, toast);
    }
  else if (run != NULL &&
           g_list_store_find (hu_project_get_runs (self->project), run, &position))
    {
      /* Every page lets go of it, also when no row is left to select
       * (hu_window_select_result() would find nothing to change). */
      _hu_window_set_selected (self, NULL);
      g_list_store_remove (hu_project_get_runs (self->project), position);
    }

  hu_window_select_result (self, row);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HuWindow *self = HU_WINDOW (widget);
  GListStore *scenarios = hu_project_get_scenarios (self->project);
  g_autoptr(HuScenario) scenario = g_steal_pointer (&self->deleted);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (scenarios));

  if (scenario == NULL)
    return;

  g_list_store_insert (scenarios, MIN (self->deleted_position, n), scenario);
  _hu_window_select_source (self, scenario);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HuWindow *self = HU_WINDOW (widget);

  if (selected_scenario (self) == NULL)
    return;

  hu_window_show_page (self, "editor");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  hu_scenario_editor_focus_name (self->editor);
}

/* The name is edited where it is shown, in the sidebar's header bar. */
static void
rename_project_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HuWindow *self = HU_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_menu_button_popup (self->title_button);
}

static void
move (HuWindow *self,
      int       delta)
{
  HuScenario *scenario = selected_scenario (self);
  GListStore *scenarios = hu_project_get_scenarios (self->project);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (scenarios));
  g_autoptr(HuScenario) keep = NULL;
  guint position = 0;

  if (scenario == NULL || !g_list_store_find (scenarios, scenario, &position))
    return;
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;

  keep = g_object_ref (scenario);
  g_list_store_remove (scenarios, position);
  g_list_store_insert (scenarios, position + delta, keep);
  _hu_window_select_source (self, keep);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (HU_WINDOW (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move (HU_WINDOW (widget), +1);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HuWindow *self = HU_WINDOW (widget);

  hu_scenario_editor_undo (self->editor);
  _hu_window_update_actions (self);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HuWindow *self = HU_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  hu_window_show_page (HU_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/**
 * hu_window_plan_from_run:
 *
 * Adds a scenario planned from the selected measured run, linked to it,
 * and selects it so the user can change one thing and compare.
 *
 * Returns: (transfer none) (nullable): the new scenario
 */
HuScenario *
hu_window_plan_from_run (HuWindow *self)
{
  HuMeasuredRun *run;
  HuScenario *scenario;

  g_return_val_if_fail (HU_IS_WINDOW (self), NULL);

  run = self->selected != NULL ? hu_result_get_run (self->selected) : NULL;
  if (run == NULL)
    return NULL;

  hu_scenario_editor_flush (self->editor);
  scenario = hu_run_plan_new_scenario (self->project, run);

  /* nvidia-smi and Zeus log no location: start from the user's default
   * region, as a new scenario does, and say so. */
  if (hu_scenario_get_inputs (scenario)->region == NULL &&
      isnan (hu_scenario_get_inputs (scenario)->intensity))
    {
      HuInputs inputs;

      hu_inputs_init (&inputs);
      hu_inputs_copy (hu_scenario_get_inputs (scenario), &inputs);
      set_default_location (self, &inputs);
      hu_scenario_set_inputs (scenario, &inputs);
      hu_inputs_clear (&inputs);
      hu_window_add_toast (self, _("The log has no location: choose the region where it ran"));
    }

  edit_new_scenario (self, scenario);
  return scenario;
}

static void
plan_from_run_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  hu_window_plan_from_run (HU_WINDOW (widget));
}

static void
on_launch_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HuWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    hu_window_add_toast (self, error->message);
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HuWindow *self = HU_WINDOW (widget);
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
                                    gtk_widget_get_display (widget)));
  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL), context,
                                           NULL, on_launch_done, g_object_ref (self));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _hu_window_show_import_chooser (HU_WINDOW (widget), _("Import Measured Runs"),
                                  GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _hu_window_show_import_chooser (HU_WINDOW (widget), _("Import a Folder of Measured Runs"),
                                  GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HuWindow *self = HU_WINDOW (widget);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HuWindow *self = HU_WINDOW (widget);
  g_autofree char *set = g_settings_get_string (self->settings, "equivalence-set");
  GtkWidget *dialog;

  hu_scenario_editor_flush (self->editor);
  /* The table's own comparison: the report shows its numbers. */
  dialog = hu_export_dialog_new (GTK_WINDOW (self),
                                 hu_comparison_model_get_comparison (self->model), set,
                                 hu_comparison_view_get_metric (self->comparison_view));
  {
    g_autofree char *name = hu_window_dup_project_name (self);

    hu_export_dialog_set_name (HU_EXPORT_DIALOG (dialog), name);
  }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The keyboard shortcuts, under the action and key (Ctrl+?, set by
 * HuApplication) GtkApplication gives its own shortcuts window. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (hu_shortcuts_window_new (GTK_WINDOW (widget))));
}

/* Children (the Explain page, the export dialog) raise toasts through
 * these actions rather than calling the window, so they need not know it. */
static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  hu_window_add_toast (HU_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
toast_open_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *title, *uri;

  g_variant_get (parameter, "(&s&s)", &title, &uri);
  hu_window_add_open_toast (HU_WINDOW (widget), title, uri);
}

void
_hu_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-example", NULL,
                                   new_from_example_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.add-scenario", NULL, add_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.add-known-model", NULL,
                                   add_known_model_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "win.rename-project", NULL,
                                   rename_project_action);
  gtk_widget_class_install_action (widget_class, "win.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "win.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL,
                                   import_folder_action);
  gtk_widget_class_install_action (widget_class, "win.plan-from-run", NULL,
                                   plan_from_run_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL,
                                   cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_shortcuts_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-scenario", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-known-model", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "win.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "win.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "win.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page",
                                       "s", "editor");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page",
                                       "s", "compare");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page",
                                       "s", "what-if");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-page",
                                       "s", "explain");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.show-page",
                                       "s", "context");
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.toast-open", "(ss)", toast_open_action);
}
