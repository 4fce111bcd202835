/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuWindow"

/* What every part of the window uses: messages to the user (toasts and
 * the error dialog), the project's name and the title, which actions are
 * enabled, and the selection. This is the window's lowest layer: the
 * class and its parts call it, and it calls none of them. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hu-window-private.h"

/* Toasts reach the overlay one at a time, each only once the one before
 * it has left the screen. libadwaita 1.2's AdwToastOverlay slides a toast
 * that arrives while another fades out in over 500 ms, longer than the
 * 300 ms fade; closed in its first 200 ms (its × button, Escape), that
 * toast fades out before it has slid in, and the overlay frees its record
 * while the slide still refers to it. When the slide ends, or is cut short
 * because the window closes, the overlay reads the freed record and
 * unreferences what it finds there: SIGSEGV in g_object_unref under
 * adw_animation_skip. A toast that finds the overlay empty slides in for
 * 300 ms, never longer than its own fade-out, and that order is safe. */

/* Whether a toast is on the overlay, shown or fading out: any child but
 * the overlay's content is a toast's widget. */
static gboolean
overlay_has_toast (HuWindow *self)
{
  GtkWidget *overlay = GTK_WIDGET (self->toast_overlay);
  GtkWidget *content = adw_toast_overlay_get_child (self->toast_overlay);

  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != content)
      return TRUE;
  return FALSE;
}

static void show_next_toast (HuWindow *self);

static gboolean
wait_for_toast_to_leave (GtkWidget     *overlay,
                         GdkFrameClock *frame_clock,
                         gpointer       user_data)
{
  HuWindow *self = HU_WINDOW (user_data);

  if (overlay_has_toast (self))
    return G_SOURCE_CONTINUE;
  self->toast_tick = 0;
  show_next_toast (self);
  return G_SOURCE_REMOVE;
}

/* Runs after the overlay's own handler, which has started the fade (or,
 * in a hidden window, already removed the toast). */
static void
on_toast_dismissed (HuWindow *self,
                    AdwToast *toast)
{
  g_signal_handlers_disconnect_by_func (toast, on_toast_dismissed, self);
  g_clear_object (&self->shown_toast);

  if (!overlay_has_toast (self))
    show_next_toast (self);
  else if (self->toast_tick == 0)
    self->toast_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->toast_overlay),
                                                     wait_for_toast_to_leave, self, NULL);
}

/* The title label of a toast's widget: its buttons' labels are not. */
static GtkLabel *
find_toast_title (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label;

      if (GTK_IS_BUTTON (child))
        continue;
      if (GTK_IS_LABEL (child))
        return GTK_LABEL (child);
      if ((label = find_toast_title (child)) != NULL)
        return label;
    }
  return NULL;
}

/* libadwaita 1.2's toasts cut their title to one line ("Derivación
 * copiada al portapa…" at 360 px) and have no custom title before 1.3.
 * The title of @toast_widget, the toast just added, wraps instead. The
 * overlay gives a toast its natural size, no wider than the overlay and
 * only as tall as at that natural width: the title's lines are made
 * short enough for the toast to fit, so the height counts every line. */
static void
wrap_toast_title (HuWindow  *self,
                  GtkWidget *toast_widget)
{
  GtkLabel *title = find_toast_title (toast_widget);
  int available = gtk_widget_get_width (GTK_WIDGET (self->toast_overlay));
  int length;

  if (title == NULL)
    return;
  length = (int) g_utf8_strlen (gtk_label_get_text (title), -1);
  gtk_label_set_ellipsize (title, PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (title, TRUE);
  gtk_label_set_wrap_mode (title, PANGO_WRAP_WORD_CHAR);
  for (int chars = 60; chars >= 8; chars -= 2)
    {
      int natural;

      gtk_label_set_max_width_chars (title, chars);
      /* A wrapping label asks for its longest word only, and the toast
       * gives its title no more than that: a short title that fits on
       * one line must ask for that line. */
      gtk_label_set_width_chars (title, MIN (length, chars));
      gtk_widget_measure (toast_widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural,
                          NULL, NULL);
      if (available <= 0 || natural <= available)
        break;
    }
}

static void
show_next_toast (HuWindow *self)
{
  AdwToast *toast;

  if (self->shown_toast != NULL || self->toast_tick != 0)
    return;
  toast = g_queue_pop_head (&self->pending_toasts);
  if (toast == NULL)
    return;

  /* Our own reference outlives the overlay's, which it drops while
   * "dismissed" is still being emitted. */
  self->shown_toast = g_object_ref (toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  /* The overlay adds the toast's widget as its last child. */
  wrap_toast_title (self, gtk_widget_get_last_child (GTK_WIDGET (self->toast_overlay)));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self,
                           G_CONNECT_SWAPPED);
}

/**
 * _hu_window_show_toast:
 * @toast: (transfer full): the toast
 *
 * Shows @toast once those before it have gone.
 */
void
_hu_window_show_toast (HuWindow *self,
                       AdwToast *toast)
{
  g_queue_push_tail (&self->pending_toasts, toast);
  show_next_toast (self);
}

/**
 * _hu_window_withdraw_toast:
 * @toast: (nullable): a toast given to _hu_window_show_toast()
 *
 * Takes @toast back: still waiting, it never shows; shown, it goes.
 */
void
_hu_window_withdraw_toast (HuWindow *self,
                           AdwToast *toast)
{
  if (toast == NULL)
    return;
  if (g_queue_remove (&self->pending_toasts, toast))
    g_object_unref (toast);
  else if (toast == self->shown_toast)
    adw_toast_dismiss (toast);
}

/* Forgets the toasts still waiting and stops following the one shown,
 * before the overlay goes: its disposal dismisses the toast. */
void
_hu_window_drop_toasts (HuWindow *self)
{
  if (self->shown_toast != NULL)
    g_signal_handlers_disconnect_by_func (self->shown_toast, on_toast_dismissed, self);
  g_clear_object (&self->shown_toast);
  if (self->toast_tick != 0 && self->toast_overlay != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->toast_overlay), self->toast_tick);
  self->toast_tick = 0;
  g_queue_clear_full (&self->pending_toasts, g_object_unref);
  g_clear_object (&self->deleted_toast);
}

void
hu_window_add_toast (HuWindow   *self,
                     const char *title)
{
  g_return_if_fail (HU_IS_WINDOW (self));

  _hu_window_show_toast (self, adw_toast_new (title));
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
  _hu_window_show_toast (self, toast);
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
    g_autofree char *with_hint =
      g_strdup_printf ("%s\n%s", tooltip, _("Press to change the project’s name or currency"));

    gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_button), with_hint);
    /* Not over the rename popover, should the title change while it is
     * open (see hu_widgets_quiet_tooltip()). */
    if (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (self->title_button))))
      gtk_widget_set_has_tooltip (GTK_WIDGET (self->title_button), FALSE);
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
  gboolean empty;

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
  empty = self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0;
  /* On a phone the last scenario is deleted from the sidebar, which then
   * showed an empty list and nothing else: the page that says what to do
   * comes forward once, when the project becomes empty. */
  if (empty && adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") != 0)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_stack_set_visible_child_name (self->content_stack, empty ? "empty" : "main");
}

/* Shows @result (or nothing) in every page, and the title and actions
 * that go with it. */
void
_hu_window_set_selected (HuWindow *self,
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
      _hu_window_set_selected (self, NULL);
      return;
    }
  position = MIN (position, n - 1);
  gtk_single_selection_set_selected (self->selection, position);
  /* Selecting the row already selected says nothing: show it anyway. */
  _hu_window_set_selected (self, gtk_single_selection_get_selected_item (self->selection));
  hu_list_pager_show_position (self->sidebar_pager, position);
}

guint
_hu_window_position_of (HuWindow *self,
                        HuResult *result)
{
  return hu_comparison_model_get_position (self->model, result);
}

void
_hu_window_select_source (HuWindow *self,
                          gpointer  source)
{
  HuResult *result = hu_comparison_model_find_source (self->model, source);

  if (result != NULL)
    hu_window_select_result (self, hu_comparison_model_get_position (self->model, result));
}

/* After Alt+2 the focus ring stayed on the switcher's "Scenario" while
 * Compare showed: a keyboard user's focus on a switcher button moves to
 * the button of the page now shown. Focus elsewhere stays where it is. */
static void
focus_follows_page (HuWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *child;

  if (focus == NULL || !GTK_IS_TOGGLE_BUTTON (focus) ||
      (!gtk_widget_is_ancestor (focus, GTK_WIDGET (self->switcher_title)) &&
       !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->switcher_bar))))
    return;
  for (child = gtk_widget_get_first_child (gtk_widget_get_parent (focus)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child) && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)))
      {
        gtk_widget_grab_focus (child);
        return;
      }
}

void
hu_window_show_page (HuWindow   *self,
                     const char *name)
{
  g_return_if_fail (HU_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->stack, name);
  focus_follows_page (self);
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

/* A file's name as the file system shows it to people. */
char *
_hu_window_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (file);
}

/* The display name is asked of the file system once, when the file
 * changes, not on every title update (each selection and each save). */
void
_hu_window_set_file (HuWindow *self,
                     GFile    *file)
{
  if (!g_set_object (&self->file, file))
    return;
  g_clear_pointer (&self->file_name, g_free);
  if (file != NULL)
    self->file_name = _hu_window_display_name (file);
}

/* New projects used to be titled "Untitled Project" in the file itself:
 * such a title is no name, in English or in the user's language. */
static gboolean
is_placeholder_title (const char *title)
{
  return g_strcmp0 (title, "Untitled Project") == 0
         || g_strcmp0 (title, _("Untitled Project")) == 0;
}

/**
 * hu_window_dup_project_name:
 *
 * The name the project goes by in the header bar, the window title, the
 * report's title and the export's file name: its title when it has one,
 * else its file's name without ".huella", and "Untitled Project" only
 * while it has neither.
 *
 * Returns: (transfer full): the name
 */
char *
hu_window_dup_project_name (HuWindow *self)
{
  const char *title;

  g_return_val_if_fail (HU_IS_WINDOW (self), NULL);

  title = self->project != NULL ? hu_project_get_title (self->project) : NULL;
  if (title != NULL && *title != '\0' && !(self->file_name != NULL && is_placeholder_title (title)))
    return g_strdup (title);

  if (self->file_name != NULL)
    {
      gsize length = strlen (self->file_name);

      if (length > strlen (".huella") && g_str_has_suffix (self->file_name, ".huella"))
        length -= strlen (".huella");
      return g_strndup (self->file_name, length);
    }

  return g_strdup (_("Untitled Project"));
}
