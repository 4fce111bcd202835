/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuWindow"

/* Opening and saving projects: the file choosers, recent files, the new
 * project and the example, and the "save changes?" question before work
 * would be replaced. It calls hu-window-project.c to show a project and
 * hu-window-shared.c, never the class above it. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hu-currencies.h"
#include "hu-window-private.h"

#define MAX_RECENT_FILES 8

static void run_pending (HuWindow *self);

/* GTK 4.8's popover measures its child's height for a width wider than
 * it then gives it (4.10 fixed that), so a wrapped caption took a line
 * more than the popover left it: the last line was cut in Spanish. The
 * caption is as wide as its own natural width (halign start, 44
 * characters); asking for the height it needs at that width holds. */
static void
hold_caption_height (GtkWidget *label)
{
  int width, height;

  gtk_widget_set_size_request (label, -1, -1);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  gtk_widget_set_size_request (label, -1, height);
}

static gboolean
select_name_from_start (gpointer data)
{
  /* The entry's own text widget: the entry reports a selection's bounds
   * in order, and so never where its cursor is. */
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (data));
  int length = g_utf8_strlen (gtk_editable_get_text (text), -1);
  int start, end;

  /* Only the selection focus made: a click placed the cursor itself. */
  if (gtk_editable_get_selection_bounds (text, &start, &end)
      && start == 0 && end == length && gtk_editable_get_position (text) == length)
    gtk_editable_select_region (text, length, 0);
  return G_SOURCE_REMOVE;
}

/* Focus selects the whole name, so that typing replaces it, and GTK 4.8
 * leaves the cursor at the selection's end: a long name showed only its
 * last words. The same selection made backwards puts the cursor, and so
 * the view, at the start. GtkText selects after the focus arrives, and
 * the popover may take the focus again once its surface is mapped, so
 * this waits for the focus, then for GTK to be done with it. */
void
_hu_window_on_name_entry_focus (HuWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, select_name_from_start,
                   g_object_ref (self->name_entry), g_object_unref);
}

void
_hu_window_on_rename_popover_show (HuWindow *self)
{
  g_autofree char *name = hu_window_dup_project_name (self);

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name);
  /* Selecting the project's own code sets it again, which changes nothing. */
  hu_currencies_select (self->currency_dropdown, hu_project_get_currency (self->project));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  hold_caption_height (self->name_caption);
  hold_caption_height (self->currency_caption);
}

/* An empty name gives the project back its file's name: the title is
 * cleared rather than set to the file's name, so it follows the file. */
void
_hu_window_on_rename_clicked (HuWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  g_autofree char *current = hu_window_dup_project_name (self);

  gtk_menu_button_popdown (self->title_button);
  if (g_strcmp0 (name, current) == 0)
    return;
  hu_project_set_title (self->project, *name != '\0' ? name : NULL);
}

/* A currency applies as soon as it is chosen: the comparison estimates
 * every scenario again in it, and the project is modified. Showing the
 * popover selects the project's own code, which changes nothing. */
void
_hu_window_on_currency_selected (HuWindow *self)
{
  const char *code = hu_currencies_get_selected (self->currency_dropdown);

  if (code != NULL && self->project != NULL)
    hu_project_set_currency (self->project, code);
}

static void
add_recent (HuWindow *self,
            GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_FILES; i++)
    {
      if (g_strcmp0 (old[i], uri) == 0)
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) recent);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

void
_hu_window_update_recent_menu (HuWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_section, item);
    }

  if (recent[0] == NULL)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Projects"), "win.none");

      g_menu_append_item (self->recent_section, item);
    }
}

/**
 * hu_window_open_file:
 *
 * Loads @file into the window. A file that fails to load is reported with
 * the reason and left untouched: the window keeps its current project, so
 * nothing can ever be saved over the unreadable file.
 *
 * Returns: whether the file was loaded
 */
gboolean
hu_window_open_file (HuWindow *self,
                     GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = NULL;

  g_return_val_if_fail (HU_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  project = hu_project_new_from_file (file, &error);
  if (project == NULL)
    {
      g_autofree char *name = _hu_window_display_name (file);
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      _hu_window_show_error (self, heading, error->message);
      return FALSE;
    }

  hu_project_set_modified (project, FALSE);
  hu_window_set_project (self, project, file);
  add_recent (self, file);
  return TRUE;
}

/**
 * hu_window_load_example:
 *
 * Shows the built-in example (GPT-3 on four GPUs) as an untitled project.
 */
gboolean
hu_window_load_example (HuWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = NULL;

  g_return_val_if_fail (HU_IS_WINDOW (self), FALSE);

  project = hu_project_new_from_resource (RESOURCE_PREFIX "/examples/gpt3-gpus.huella", &error);
  if (project == NULL)
    {
      g_critical ("The built-in example does not load: %s", error->message);
      return FALSE;
    }

  hu_project_set_modified (project, FALSE);
  hu_window_set_project (self, project, NULL);
  return TRUE;
}

/**
 * hu_window_save_to_file:
 *
 * Saves the project to @file (atomically, by the core) and makes it the
 * project's file.
 */
gboolean
hu_window_save_to_file (HuWindow  *self,
                        GFile     *file,
                        GError   **error)
{
  g_return_val_if_fail (HU_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  hu_scenario_editor_flush (self->editor);
  if (!hu_project_save (self->project, file, error))
    return FALSE;

  hu_project_set_modified (self->project, FALSE);
  /* The changes are in the file now: drop the recovery file kept under
   * the old name (untitled, or the file saved from). */
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  _hu_window_remove_autosave (self);
  _hu_window_set_file (self, file);
  _hu_window_remove_autosave (self);
  add_recent (self, file);
  _hu_window_update_title (self);
  return TRUE;
}

/* Saves to @file and tells the user how it went. A failed save also
 * drops what was waiting for it (closing, opening another project): the
 * work it would have discarded is not on disk. */
static gboolean
save_and_report (HuWindow *self,
                 GFile    *file)
{
  g_autoptr(GError) error = NULL;

  if (!hu_window_save_to_file (self, file, &error))
    {
      _hu_window_show_error (self, _("Could Not Save the Project"), error->message);
      self->pending = PENDING_NONE;
      return FALSE;
    }

  hu_window_add_toast (self, _("Project saved"));
  return TRUE;
}

gboolean
_hu_window_save (HuWindow *self)
{
  if (self->file == NULL)
    {
      _hu_window_save_as (self);
      return FALSE;
    }

  return save_and_report (self, self->file);
}

static void
on_save_as_response (HuWindow             *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      self->pending = PENDING_NONE;
      g_clear_object (&self->chooser);
      return;
    }

  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  basename = g_file_get_basename (chosen);
  if (g_str_has_suffix (basename, ".huella"))
    file = g_object_ref (chosen);
  else
    {
      g_autoptr(GFile) parent = g_file_get_parent (chosen);
      g_autofree char *with_suffix = g_strconcat (basename, ".huella", NULL);

      file = g_file_get_child (parent, with_suffix);
    }

  if (save_and_report (self, file))
    run_pending (self);
}

static GtkFileFilter *
project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Huella Projects"));
  gtk_file_filter_add_pattern (filter, "*.huella");
  return filter;
}

void
_hu_window_save_as (HuWindow *self)
{
  g_autofree char *title = hu_window_dup_project_name (self);
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = project_filter ();

  hu_scenario_editor_flush (self->editor);
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save Project"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), self->file, NULL);
  else
    {
      name = g_strdup_printf ("%s.huella", title);
      g_strdelimit (name, "/\\:", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_save_as_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_open_response (HuWindow             *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    hu_window_open_file (self, file);
}

static void
show_open_dialog (HuWindow *self)
{
  g_autoptr(GtkFileFilter) filter = project_filter ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Open Project"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_open_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/**
 * hu_window_new_project:
 *
 * Shows a new, empty project: no scenario and no title (it takes its
 * file's name when saved), in the currency of the preferences.
 */
void
hu_window_new_project (HuWindow *self)
{
  g_autoptr(HuProject) project = hu_project_new ();
  g_autofree char *currency = NULL;

  g_return_if_fail (HU_IS_WINDOW (self));

  /* A code set by hand (gsettings) may be anything; USD stays then. */
  currency = g_settings_get_string (self->settings, "currency");
  if (hu_currency_code_is_valid (currency))
    hu_project_set_currency (project, currency);
  hu_project_set_modified (project, FALSE);
  hu_window_set_project (self, project, NULL);
}

static void
new_project (HuWindow *self)
{
  hu_window_new_project (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-scenario", NULL);
}

static void
run_pending (HuWindow *self)
{
  Pending pending = self->pending;
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);

  self->pending = PENDING_NONE;
  switch (pending)
    {
    case PENDING_NEW:
      new_project (self);
      break;
    case PENDING_EXAMPLE:
      hu_window_load_example (self);
      break;
    case PENDING_OPEN_DIALOG:
      show_open_dialog (self);
      break;
    case PENDING_OPEN_FILE:
      hu_window_open_file (self, file);
      break;
    case PENDING_CLOSE:
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;
    case PENDING_NONE:
    default:
      break;
    }
}

static void
on_unsaved_response (HuWindow    *self,
                     const char  *response)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      g_clear_handle_id (&self->autosave_source, g_source_remove);
      _hu_window_remove_autosave (self);
      run_pending (self);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      /* An untitled project goes through Save As, which runs the pending
       * action when (and only if) the file is written. */
      if (_hu_window_save (self))
        run_pending (self);
    }
  else
    {
      self->pending = PENDING_NONE;
      g_clear_object (&self->pending_file);
    }
}

/* Runs @pending now, or after asking what to do with unsaved changes. */
void
_hu_window_maybe_discard (HuWindow *self,
                          Pending   pending,
                          GFile    *file)
{
  GtkWidget *dialog;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  hu_scenario_editor_flush (self->editor);
  self->pending = pending;
  g_set_object (&self->pending_file, file);

  if (!hu_project_get_modified (self->project))
    {
      run_pending (self);
      return;
    }

  title = hu_window_dup_project_name (self);
  /* Translators: %s is the project's title */
  body = g_strdup_printf (_("“%s” has changes that are not saved. Unsaved changes will be lost."),
                          title);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}
