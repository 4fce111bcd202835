/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuWindow"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hu-scenario-row.h"
#include "hu-window-private.h"

G_DEFINE_FINAL_TYPE (HuWindow, hu_window, ADW_TYPE_APPLICATION_WINDOW)

void
hu_window_add_toast (HuWindow   *self,
                     const char *title)
{
  g_return_if_fail (HU_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/**
 * hu_window_add_open_toast:
 * @uri: what the toast's "Open" button opens
 *
 * A toast for a file just written, with a button to open it.
 */
void
hu_window_add_open_toast (HuWindow   *self,
                          const char *title,
                          const char *uri)
{
  AdwToast *toast;

  g_return_if_fail (HU_IS_WINDOW (self));
  g_return_if_fail (uri != NULL);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-uri");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_hu_window_show_error (HuWindow   *self,
                       const char *heading,
                       const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_hu_window_update_title (HuWindow *self)
{
  g_autofree char *title = hu_window_dup_project_name (self);
  gboolean modified = hu_project_get_modified (self->project);
  g_autofree char *shown = NULL;
  g_autofree char *window_title = NULL;
  const char *subtitle = self->file_name != NULL ? self->file_name : _("Not saved");

  /* The dot is GNOME's usual unsaved-changes marker (Text Editor, Builder). */
  shown = modified ? g_strdup_printf ("• %s", title) : g_strdup (title);

  adw_window_title_set_title (self->project_title, shown);
  adw_window_title_set_subtitle (self->project_title, subtitle);
  {
    /* The sidebar is narrow: the tooltip shows the whole title. */
    g_autofree char *tooltip = modified ? g_strdup_printf ("%s\n%s", title,
                                                         _("The project has unsaved changes"))
                                        : g_strdup (title);
    g_autofree char *with_hint = g_strdup_printf ("%s\n%s", tooltip, _("Press to rename the project"));

    gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_button), with_hint);
  }

  /* Translators: window title, "• Project title — Huella" */
  window_title = g_strdup_printf (_("%s — Huella"), shown);
  gtk_window_set_title (GTK_WINDOW (self), window_title);

  if (self->selected != NULL)
    adw_view_switcher_title_set_title (self->switcher_title, hu_result_get_name (self->selected));
  else
    adw_view_switcher_title_set_title (self->switcher_title, "Huella");
  adw_view_switcher_title_set_subtitle (self->switcher_title, shown);
}


void
_hu_window_update_actions (HuWindow *self)
{
  gboolean has_selection = self->selected != NULL;
  gboolean is_scenario = has_selection && hu_result_get_scenario (self->selected) != NULL;
  gboolean is_run = has_selection && hu_result_get_run (self->selected) != NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (hu_project_get_scenarios (self->project)));
  guint position = 0;

  if (is_scenario)
    g_list_store_find (hu_project_get_scenarios (self->project),
                       hu_result_get_scenario (self->selected), &position);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate", is_scenario);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename", is_scenario);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.plan-from-run", is_run);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-up", is_scenario && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-down",
                                 is_scenario && position + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 hu_undo_get_can_undo (hu_project_get_undo (self->project)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import",
                                 self->import_cancellable != NULL);

  /* Nothing to edit or compare: say what to do first. */
  gtk_stack_set_visible_child_name (self->content_stack,
                                    self->model != NULL &&
                                    g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0
                                    ? "empty" : "main");
}

static void
set_selected (HuWindow *self,
              HuResult *result)
{
  if (self->selected == result)
    return;

  g_set_object (&self->selected, result);
  hu_scenario_editor_set_result (self->editor, result);
  hu_run_view_set_result (self->run_view,
                          result != NULL && hu_result_get_run (result) != NULL ? result : NULL);
  if (result != NULL && hu_result_get_run (result) != NULL)
    {
      gtk_stack_set_visible_child_name (self->editor_stack, "run");
      /* Translators: the first page's title when a measured run is selected */
      adw_view_stack_page_set_title (self->editor_page, _("Run"));
      adw_view_stack_page_set_icon_name (self->editor_page, "power-profile-balanced-symbolic");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->editor_stack, "scenario");
      adw_view_stack_page_set_title (self->editor_page, _("Scenario"));
      adw_view_stack_page_set_icon_name (self->editor_page, "document-edit-symbolic");
    }
  hu_what_if_view_set_result (self->what_if_view, result);
  hu_derivation_view_set_result (self->derivation_view, result);
  hu_equivalences_view_set_result (self->equivalences_view, result);
  _hu_window_update_title (self);
  _hu_window_update_actions (self);
}

/* The sidebar is a list view: a few rows, made once, show whichever
 * results are on screen. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  gtk_list_item_set_child (item, hu_scenario_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  hu_scenario_row_set_result (HU_SCENARIO_ROW (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  hu_scenario_row_set_result (HU_SCENARIO_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
on_selection_changed (HuWindow *self)
{
  /* While the list changes the selection model moves by itself; the
   * window puts it back where it belongs once the change is done. */
  if (self->rebuilding_list)
    return;

  set_selected (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
on_row_activated (HuWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* A click on a row opens it on a phone, as activating does. */
static void
on_list_released (HuWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/**
 * hu_window_select_result:
 *
 * Selects the sidebar row at @position (clamped to the last row).
 */
void
hu_window_select_result (HuWindow *self,
                         guint     position)
{
  guint n;

  g_return_if_fail (HU_IS_WINDOW (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  if (n == 0)
    {
      set_selected (self, NULL);
      return;
    }
  position = MIN (position, n - 1);
  gtk_single_selection_set_selected (self->selection, position);
  /* Selecting the row already selected says nothing: show it anyway. */
  set_selected (self, gtk_single_selection_get_selected_item (self->selection));
  /* GTK 4.8 has no gtk_list_view_scroll_to(): its own action does it. */
  gtk_widget_activate_action (GTK_WIDGET (self->scenario_list), "list.scroll-to-item", "u",
                              position);
}

guint
_hu_window_position_of (HuWindow *self,
                        HuResult *result)
{
  return hu_comparison_model_get_position (self->model, result);
}

static void
on_model_changing (HuWindow *self)
{
  self->rebuilding_list = TRUE;
}

static void
on_model_changed (HuWindow *self,
                  guint     position,
                  guint     removed,
                  guint     added)
{
  guint selected_position = self->selected != NULL ? _hu_window_position_of (self, self->selected)
                                                   : G_MAXUINT;

  self->rebuilding_list = FALSE;
  if (selected_position != G_MAXUINT)
    gtk_single_selection_set_selected (self->selection, selected_position);
  else
    {
      g_clear_object (&self->selected);
      hu_window_select_result (self, position);
    }
  _hu_window_update_actions (self);
}

void
_hu_window_apply_display_settings (HuWindow *self)
{
  g_autofree char *set = g_settings_get_string (self->settings, "equivalence-set");

  if (self->model != NULL)
    {
      hu_comparison_model_set_display (self->model, set,
                                       g_settings_get_enum (self->settings, "energy-unit"),
                                       g_settings_get_enum (self->settings, "mass-unit"));
      hu_comparison_model_set_default_ranges (self->model,
                                              g_settings_get_boolean (self->settings, "default-ranges"));
    }
}

static void
on_project_modified (HuWindow *self)
{
  _hu_window_update_title (self);
  _hu_window_schedule_autosave (self);
}

/**
 * hu_window_set_project:
 * @project: the project to show
 * @file: (nullable): where it was loaded from, %NULL when untitled
 *
 * Replaces the window's project without asking; callers check for unsaved
 * changes first.
 */
void
hu_window_set_project (HuWindow  *self,
                       HuProject *project,
                       GFile     *file)
{
  HuCatalog *catalog;

  g_return_if_fail (HU_IS_WINDOW (self));
  g_return_if_fail (HU_IS_PROJECT (project));

  hu_scenario_editor_flush (self->editor);
  set_selected (self, NULL);
  g_clear_object (&self->deleted);
  g_clear_handle_id (&self->autosave_source, g_source_remove);

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (hu_project_get_undo (self->project), self);
    }
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  g_set_object (&self->project, project);
  _hu_window_set_file (self, file);
  g_clear_object (&self->model);

  self->model = hu_comparison_model_new (project);
  _hu_window_apply_display_settings (self);

  catalog = hu_project_get_catalog (project);
  hu_scenario_editor_set_catalog (self->editor, catalog);
  hu_scenario_editor_set_currency (self->editor, hu_project_get_currency (project));
  hu_what_if_view_set_project (self->what_if_view, project);
  hu_equivalences_view_set_catalog (self->equivalences_view, catalog);
  hu_comparison_view_set_model (self->comparison_view, self->model);
  hu_context_view_set_model (self->context_view, self->model);
  hu_run_view_set_model (self->run_view, self->model);
  hu_scenario_editor_set_model (self->editor, self->model);

  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_model_changing),
                           self, G_CONNECT_SWAPPED);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->scenario_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_model_changed),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (project, "notify::modified", G_CALLBACK (on_project_modified),
                           self, G_CONNECT_SWAPPED);
  /* Each project has its own undo stack: a new one has nothing to undo. */
  g_signal_connect_object (hu_project_get_undo (project), "notify::can-undo",
                           G_CALLBACK (_hu_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "changed", G_CALLBACK (_hu_window_schedule_autosave),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (_hu_window_schedule_autosave),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "notify::title", G_CALLBACK (_hu_window_update_title),
                           self, G_CONNECT_SWAPPED);

  hu_window_select_result (self, 0);
  /* Another project starts at its top, not where the last one was. */
  hu_scenario_editor_scroll_to_top (self->editor);
  _hu_window_update_title (self);
  _hu_window_update_actions (self);
}

HuProject *
hu_window_get_project (HuWindow *self)
{
  g_return_val_if_fail (HU_IS_WINDOW (self), NULL);
  return self->project;
}

GFile *
hu_window_get_file (HuWindow *self)
{
  g_return_val_if_fail (HU_IS_WINDOW (self), NULL);
  return self->file;
}

void
_hu_window_select_source (HuWindow *self,
                          gpointer  source)
{
  HuResult *result = hu_comparison_model_find_source (self->model, source);

  if (result != NULL)
    hu_window_select_result (self, hu_comparison_model_get_position (self->model, result));
}

/* The sidebar's context menu: a row's own actions where the pointer is. */
static void
show_context_menu (HuWindow *self,
                   double    x,
                   double    y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->scenario_list), x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = picked != NULL ? gtk_widget_get_ancestor (picked, HU_TYPE_SCENARIO_ROW) : NULL;
  HuResult *result;
  GtkWidget *menu;

  if (row == NULL || hu_scenario_row_get_result (HU_SCENARIO_ROW (row)) == NULL)
    return;

  result = hu_scenario_row_get_result (HU_SCENARIO_ROW (row));
  hu_window_select_result (self, _hu_window_position_of (self, result));
  menu = gtk_popover_menu_new_from_model (hu_result_get_run (result) != NULL
                                          ? self->run_menu : self->scenario_menu);
  gtk_widget_set_parent (menu, GTK_WIDGET (self->scenario_list));
  gtk_popover_set_has_arrow (GTK_POPOVER (menu), FALSE);
  gtk_widget_set_halign (menu, GTK_ALIGN_START);
  gtk_popover_set_pointing_to (GTK_POPOVER (menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  if (self->context_menu != NULL)
    gtk_widget_unparent (self->context_menu);
  self->context_menu = menu;
  gtk_popover_popup (GTK_POPOVER (menu));
}

static void
on_list_pressed (HuWindow        *self,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkGestureClick *gesture)
{
  show_context_menu (self, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_list_long_pressed (HuWindow *self,
                      double    x,
                      double    y)
{
  show_context_menu (self, x, y);
}

static gboolean
hu_window_close_request (GtkWindow *window)
{
  HuWindow *self = HU_WINDOW (window);

  if (!self->close_confirmed && self->project != NULL)
    {
      hu_scenario_editor_flush (self->editor);
      if (hu_project_get_modified (self->project))
        {
          _hu_window_maybe_discard (self, PENDING_CLOSE, NULL);
          return TRUE;
        }
    }

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  /* Closing on purpose (saved, unchanged or discarded) leaves nothing to
   * recover. */
  _hu_window_remove_autosave (self);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (hu_window_parent_class)->close_request (window);
}

static void
hu_window_dispose (GObject *object)
{
  HuWindow *self = HU_WINDOW (object);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->chooser);
  g_clear_object (&self->selected);
  g_clear_object (&self->deleted);
  g_clear_object (&self->pending_file);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);

  /* The switchers would otherwise reach for the stack after it is gone. */
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), HU_TYPE_WINDOW);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->selection);
  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hu_window_parent_class)->dispose (object);
}

static void
hu_window_class_init (HuWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hu_window_dispose;
  window_class->close_request = hu_window_close_request;

  g_type_ensure (HU_TYPE_SCENARIO_EDITOR);
  g_type_ensure (HU_TYPE_RUN_VIEW);
  g_type_ensure (HU_TYPE_COMPARISON_VIEW);
  g_type_ensure (HU_TYPE_WHAT_IF_VIEW);
  g_type_ensure (HU_TYPE_DERIVATION_VIEW);
  g_type_ensure (HU_TYPE_EQUIVALENCES_VIEW);
  g_type_ensure (HU_TYPE_CONTEXT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/hu-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HuWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, content);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, project_title);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, scenario_list);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, editor_page);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, run_view);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, run_menu);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, scenario_menu);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, comparison_view);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, what_if_view);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, derivation_view);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, context_view);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, equivalences_view);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, title_button);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, name_entry);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_rename_popover_show",
                                                G_CALLBACK (_hu_window_on_rename_popover_show));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_rename_clicked",
                                                G_CALLBACK (_hu_window_on_rename_clicked));

  _hu_window_class_init_actions (widget_class);
}

/* The leaflet folds while GTK allocates: the views change afterwards. */
static gboolean
apply_folded (gpointer data)
{
  HuWindow *self = data;

  if (self->comparison_view != NULL)
    hu_comparison_view_set_compact (self->comparison_view, adw_leaflet_get_folded (self->leaflet));
  return G_SOURCE_REMOVE;
}

static void
on_folded (HuWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_folded, g_object_ref (self), g_object_unref);
}

static void
hu_window_init (HuWindow *self)
{
  GtkDropTarget *target;
  GtkGesture *gesture;
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (on_list_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scenario_list), GTK_EVENT_CONTROLLER (gesture));
  gesture = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), TRUE);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (on_list_long_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scenario_list), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (gesture, "released", G_CALLBACK (on_list_released), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scenario_list), GTK_EVENT_CONTROLLER (gesture));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->scenario_list, factory);
  g_object_unref (factory);
  g_signal_connect_object (self->scenario_list, "activate", G_CALLBACK (on_row_activated),
                           self, G_CONNECT_SWAPPED);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (_hu_window_on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  adw_leaflet_set_visible_child (self->leaflet, self->content);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_folded), self,
                           G_CONNECT_SWAPPED);
}

static void
on_settings_changed (HuWindow   *self,
                     const char *key)
{
  if (g_strcmp0 (key, "recent-files") == 0)
    _hu_window_update_recent_menu (self);
  else
    _hu_window_apply_display_settings (self);
}

/**
 * hu_window_new:
 *
 * Returns: (transfer full): a window showing an empty project; callers
 *   then open a file, the example or recovered work
 */
HuWindow *
hu_window_new (AdwApplication *application)
{
  HuWindow *self;
  g_autoptr(HuProject) project = hu_project_new ();

  self = g_object_new (HU_TYPE_WINDOW, "application", application, NULL);

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "equivalence-set", self->equivalences_view, "set-id",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed),
                           self, G_CONNECT_SWAPPED);
  _hu_window_update_recent_menu (self);

  hu_project_set_modified (project, FALSE);
  hu_window_set_project (self, project, NULL);

  return self;
}

/**
 * hu_window_get_selected_result:
 *
 * Returns: (transfer none) (nullable): the selected scenario or run
 */
HuResult *
hu_window_get_selected_result (HuWindow *self)
{
  g_return_val_if_fail (HU_IS_WINDOW (self), NULL);
  return self->selected;
}

void
hu_window_show_page (HuWindow   *self,
                     const char *name)
{
  g_return_if_fail (HU_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->stack, name);
}

HuComparisonModel *
hu_window_get_comparison_model (HuWindow *self)
{
  g_return_val_if_fail (HU_IS_WINDOW (self), NULL);
  return self->model;
}

HuRunView *
hu_window_get_run_view (HuWindow *self)
{
  g_return_val_if_fail (HU_IS_WINDOW (self), NULL);
  return self->run_view;
}

HuScenarioEditor *
hu_window_get_editor (HuWindow *self)
{
  g_return_val_if_fail (HU_IS_WINDOW (self), NULL);
  return self->editor;
}

HuComparisonView *
hu_window_get_comparison_view (HuWindow *self)
{
  g_return_val_if_fail (HU_IS_WINDOW (self), NULL);
  return self->comparison_view;
}

HuWhatIfView *
hu_window_get_what_if_view (HuWindow *self)
{
  g_return_val_if_fail (HU_IS_WINDOW (self), NULL);
  return self->what_if_view;
}

HuDerivationView *
hu_window_get_derivation_view (HuWindow *self)
{
  g_return_val_if_fail (HU_IS_WINDOW (self), NULL);
  return self->derivation_view;
}
