/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuWindow"

/* The window's class: its template, the sidebar's rows and context menu,
 * closing, and offering recovered work (which may need a window of its
 * own, which only the class makes). The parts below it (actions, import,
 * files, project, shared) never call up into this file. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hu-autosave.h"
#include "hu-currencies.h"
#include "hu-scenario-row.h"
#include "hu-widgets.h"
#include "hu-window-private.h"

G_DEFINE_FINAL_TYPE (HuWindow, hu_window, ADW_TYPE_APPLICATION_WINDOW)

/* The sidebar is a list view: a few rows, made once, show whichever
 * results are on screen (its pager gives it only those). */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *row = hu_scenario_row_new ();

  hu_list_pager_mark_row (row, item);
  gtk_list_item_set_child (item, row);
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
  /* A write under way finishes (its task holds the window); none follows. */
  self->autosave_again = FALSE;
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->chooser);
  g_clear_object (&self->selected);
  g_clear_object (&self->deleted);
  g_clear_object (&self->pending_file);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  _hu_window_drop_toasts (self);

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
  g_clear_object (&self->sidebar_input);
  g_clear_object (&self->sidebar_pager);
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
  gtk_widget_class_bind_template_child (widget_class, HuWindow, sidebar_scrollbar);
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
  /* Only looked up once, in hu_window_init(). */
  gtk_widget_class_bind_template_child_full (widget_class, "add_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "primary_menu_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, currency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, name_caption);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, currency_caption);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_rename_popover_show",
                                                G_CALLBACK (_hu_window_on_rename_popover_show));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_name_entry_focus",
                                                G_CALLBACK (_hu_window_on_name_entry_focus));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_rename_clicked",
                                                G_CALLBACK (_hu_window_on_rename_clicked));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_currency_selected",
                                                G_CALLBACK (_hu_window_on_currency_selected));

  _hu_window_class_init_actions (widget_class);
  /* Every dialog the window opens reads its rows' titles whole too. */
  hu_widgets_whole_row_titles ();
}

/* A window that folds, or opens narrow, gives the focus to the first
 * widget that can take it once the sidebar is gone: the scenario's Name
 * (or a run's selectable title). Taking the focus selects the whole text,
 * so the next key typed would replace the name the user never chose to
 * edit. The focus stays where GTK put it; only that selection goes. */
static void
drop_unasked_selection (HuWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (GTK_IS_EDITABLE (focus))
    gtk_editable_select_region (GTK_EDITABLE (focus), -1, -1);
  else if (GTK_IS_LABEL (focus) && gtk_label_get_selectable (GTK_LABEL (focus)))
    gtk_label_select_region (GTK_LABEL (focus), 0, 0);
}

static gboolean
settle_focus_idle (gpointer data)
{
  drop_unasked_selection (HU_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_mapped (HuWindow *self)
{
  g_idle_add_full (G_PRIORITY_LOW, settle_focus_idle, g_object_ref (self), g_object_unref);
}

/* A page switch (Alt+1…4) gives the focus back to the widget that had it
 * on that page, or to its first, and a text taking the focus selects it
 * all: Alt+1 came back to the Name selected. The stack has moved the
 * focus by the time it notifies; the selection goes, the focus stays. */
static void
on_page_switched (HuWindow *self)
{
  drop_unasked_selection (self);
}

/* The leaflet folds while GTK allocates: the views change afterwards. */
static gboolean
apply_folded (gpointer data)
{
  HuWindow *self = data;

  drop_unasked_selection (self);
  if (self->comparison_view != NULL)
    hu_comparison_view_set_compact (self->comparison_view, adw_leaflet_get_folded (self->leaflet));
  if (self->derivation_view != NULL)
    hu_derivation_view_set_compact (self->derivation_view, adw_leaflet_get_folded (self->leaflet));
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

  /* The header bar's buttons keep their tooltips off the popovers they open. */
  {
    GtkWidget *add = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), HU_TYPE_WINDOW,
                                                                "add_button"));
    GtkWidget *menu = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), HU_TYPE_WINDOW,
                                                                 "primary_menu_button"));

    hu_widgets_quiet_tooltip (GTK_WIDGET (self->title_button),
                              gtk_menu_button_get_popover (self->title_button));
    hu_widgets_quiet_tooltip (menu, gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu)));
    hu_widgets_quiet_tooltip (add, adw_split_button_get_popover (ADW_SPLIT_BUTTON (add)));
  }

  /* Filled before any project is shown: the handler ignores it. */
  hu_currencies_fill_drop_down (self->currency_dropdown, NULL);
  hu_widgets_name_drop_down (self->currency_dropdown, _("Currency"));

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
  /* As many rows as the sidebar's height shows (see hu-list-pager.c). */
  self->sidebar_pager = hu_list_pager_new (GTK_WIDGET (self->scenario_list),
                                           self->sidebar_scrollbar, 0);
  self->sidebar_input = hu_list_pager_input_new (self->sidebar_pager,
                                                 GTK_WIDGET (self->scenario_list),
                                                 self->sidebar_scrollbar);
  hu_list_pager_count_binds (self->sidebar_pager, factory);
  g_object_unref (factory);
  g_signal_connect_object (self->scenario_list, "activate", G_CALLBACK (on_row_activated),
                           self, G_CONNECT_SWAPPED);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (_hu_window_on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  adw_leaflet_set_visible_child (self->leaflet, self->content);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_folded), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_mapped), NULL);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (on_page_switched),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
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

static GtkWidget *offer_recovery_file (HuWindow  *self,
                                       GPtrArray *queue);

static void
on_recovery_response (HuWindow   *self,
                      const char *response,
                      GtkWidget  *dialog)
{
  g_autoptr(GPtrArray) queue = g_ptr_array_ref (g_object_get_data (G_OBJECT (dialog),
                                                                   "recovery-queue"));
  const char *path = g_ptr_array_index (queue, 0);
  g_autoptr(GFile) source = hu_autosave_get_source (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(HuProject) project = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "discard") == 0)
    hu_autosave_discard (path);
  else if (g_strcmp0 (response, "recover") == 0
           && (project = hu_project_new_from_file (file, &error)) == NULL)
    _hu_window_show_error (self, _("Could Not Recover the Changes"), error->message);
  else if (project != NULL)
    {
      HuWindow *target = self;

      /* Work with changes of its own (recovered a moment ago, or edited)
       * is never replaced: the next project gets a window of its own. */
      if (hu_project_get_modified (self->project))
        target = hu_window_new (ADW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      /* Recovered work is unsaved by definition: it goes back to its file
       * (if it had one) only when the user saves. */
      hu_window_set_project (target, project, source);
      hu_project_set_modified (project, TRUE);
      gtk_window_present (GTK_WINDOW (target));
      hu_window_add_toast (target, _("Unsaved changes from the last session were recovered"));
    }

  /* Then the next project's changes, until every one found at the start
   * has had its answer ("later" keeps the file for the next start). */
  g_ptr_array_remove_index (queue, 0);
  if (queue->len > 0)
    offer_recovery_file (self, queue);
}

static GtkWidget *
offer_recovery_file (HuWindow  *self,
                     GPtrArray *queue)
{
  g_autoptr(GFile) source = hu_autosave_get_source (g_ptr_array_index (queue, 0));
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  if (source != NULL)
    {
      g_autofree char *name = g_file_get_basename (source);
      /* Translators: %s is a file name */
      g_string_printf (body, _("Huella closed before the changes to “%s” were saved. Recovering them does not change the file until you save."),
                       name);
    }
  else
    g_string_assign (body, _("Huella closed before an untitled project was saved."));
  if (queue->len > 1)
    {
      g_string_append_c (body, ' ');
      g_string_append_printf (body, ngettext ("%u more project has unsaved changes, asked about next.",
                                              "%u more projects have unsaved changes, asked about next.",
                                              queue->len - 1),
                              queue->len - 1);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Recover Unsaved Changes?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "recovery-queue", g_ptr_array_ref (queue),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recovery_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * hu_window_offer_recovery:
 *
 * Asks whether to recover the changes that sessions which did not close
 * normally left unsaved: one question per project, newest first, each
 * asked once the one before is answered. Recover opens the changes
 * (marked unsaved; in a new window when this one already holds changes),
 * Discard deletes them.
 *
 * Returns: (transfer none) (nullable): the first dialog, or %NULL when
 *   there is nothing to recover
 */
GtkWidget *
hu_window_offer_recovery (HuWindow *self)
{
  g_autoptr(GPtrArray) queue = NULL;

  g_return_val_if_fail (HU_IS_WINDOW (self), NULL);

  queue = hu_autosave_find_all ();
  if (queue->len == 0)
    return NULL;
  return offer_recovery_file (self, queue);
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

/**
 * hu_window_get_sidebar_pager:
 *
 * Returns: (transfer none): what pages the sidebar's rows (for tests)
 */
HuListPager *
hu_window_get_sidebar_pager (HuWindow *self)
{
  g_return_val_if_fail (HU_IS_WINDOW (self), NULL);
  return self->sidebar_pager;
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
