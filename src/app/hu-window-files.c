/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuWindow"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hu-autosave.h"
#include "hu-window-private.h"

/* Unsaved untitled work is written this long after the last change. */
#define AUTOSAVE_DELAY_SECONDS 3
#define MAX_RECENT_FILES 8

static void run_pending (HuWindow *self);

/* The recovery file of untitled work (see hu-autosave.c). */
char *
hu_window_get_autosave_path (void)
{
  return hu_autosave_path (NULL);
}

void
_hu_window_remove_autosave (HuWindow *self)
{
  hu_autosave_remove (self->file);
}

static char *
display_name (GFile *file)
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
    self->file_name = display_name (file);
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

void
_hu_window_on_rename_popover_show (HuWindow *self)
{
  g_autofree char *name = hu_window_dup_project_name (self);

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->name_entry), 0, -1);
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

/* Every open project, saved or untitled, has its own recovery file; the
 * user's file is only ever written by Save. */
static gboolean
autosave_timeout (gpointer data)
{
  HuWindow *self = data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  self->autosave_source = 0;

  if (!hu_project_get_modified (self->project))
    return G_SOURCE_REMOVE;

  hu_scenario_editor_flush (self->editor);
  contents = hu_project_to_data (self->project, &length);
  if (!hu_autosave_write (self->file, contents, length, &error))
    g_warning ("Could not autosave: %s", error->message);

  return G_SOURCE_REMOVE;
}

/* Every change re-arms the timer, so the file follows the work and is
 * written once typing pauses. */
void
_hu_window_schedule_autosave (HuWindow *self)
{
  if (!hu_project_get_modified (self->project))
    return;

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->autosave_source = g_timeout_add_seconds (AUTOSAVE_DELAY_SECONDS,
                                                 autosave_timeout, self);
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
      g_autofree char *name = display_name (file);
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

  currency = g_settings_get_string (self->settings, "currency");
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
