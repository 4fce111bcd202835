/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "hu-import.h"
#include "hu-number.h"
#include "hu-window-private.h"

/* Importing measured runs: a worker thread reads the logs, the main
 * thread adds the runs to the project. */

typedef struct {
  GStrv     paths;
  HuWindow *window;     /* only touched on the main thread */
} ImportData;

typedef struct {
  HuWindow *window;
  double    fraction;
} ImportProgress;

static void
import_data_free (ImportData *data)
{
  g_strfreev (data->paths);
  g_clear_object (&data->window);
  g_free (data);
}

static gboolean
import_progress_idle (gpointer user_data)
{
  ImportProgress *progress = user_data;

  gtk_progress_bar_set_fraction (progress->window->import_progress, progress->fraction);
  g_object_unref (progress->window);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

static void
import_progress_cb (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  ImportData *data = user_data;
  ImportProgress *progress = g_new0 (ImportProgress, 1);

  progress->window = g_object_ref (data->window);
  progress->fraction = total > 0 ? (double) done / total : 0;
  g_idle_add (import_progress_idle, progress);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  HuImportResult *result = NULL;
  GError *error = NULL;

  if (!hu_import_paths ((const char * const *) data->paths, "auto", cancellable,
                        import_progress_cb, data, &result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) hu_import_result_free);
}

/* Skipped lines deserve more than a toast: the user must know which lines
 * of which file were left out and why before trusting the totals. The
 * count is of every line skipped (result->n_skipped), not of the first
 * ones the importer keeps to list: a file of 645 damaged rows does not
 * read "100 lines skipped". */
static void
show_skipped (HuWindow       *self,
              const char     *summary,
              HuImportResult *result)
{
  /* Enough to recognise the problem; a damaged file can skip thousands. */
  const guint max_listed = 200;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *body = NULL;
  g_autofree char *one_file = NULL;
  guint64 listed = MIN (result->skipped->len, max_listed);
  GtkWidget *dialog, *scrolled, *label;

  /* All from one file (the usual case): named once, above the list, so
   * that each line reads "Line 84: …" and not the file's name again. */
  for (guint i = 0; i < result->skipped->len; i++)
    {
      HuImportSkip *skip = g_ptr_array_index (result->skipped, i);

      if (i == 0)
        one_file = g_strdup (skip->file != NULL ? skip->file : "");
      else if (g_strcmp0 (one_file, skip->file) != 0)
        {
          g_clear_pointer (&one_file, g_free);
          break;
        }
    }

  for (guint i = 0; i < listed; i++)
    {
      HuImportSkip *skip = g_ptr_array_index (result->skipped, i);
      g_autofree char *name = g_path_get_basename (skip->file != NULL ? skip->file : "");

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (one_file != NULL && skip->line > 0)
        /* Translators: a skipped line of the file named above: line number, reason */
        g_string_append_printf (text, _("Line %u: %s"), skip->line, skip->reason);
      else if (one_file != NULL)
        g_string_append (text, skip->reason);
      else if (skip->line > 0)
        /* Translators: a skipped line: file, line number, reason */
        g_string_append_printf (text, _("%s, line %u: %s"), name, skip->line, skip->reason);
      else
        /* Translators: a skipped file or run: file, reason */
        g_string_append_printf (text, _("%s: %s"), name, skip->reason);
    }
  if (result->n_skipped > listed)
    {
      g_autofree char *more = hu_format_count (result->n_skipped - listed);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("… and %s more", "… and %s more",
                                              (gulong) MIN (result->n_skipped - listed,
                                                            G_MAXULONG)),
                              more);
    }

  /* Translators: %s is "Imported 3 runs", then the count of skipped lines */
  skipped = hu_format_count (result->n_skipped);
  heading = g_strdup_printf (ngettext ("%s, %s line skipped", "%s, %s lines skipped",
                                       (gulong) MIN (result->n_skipped, G_MAXULONG)),
                             summary, skipped);
  if (one_file != NULL)
    {
      g_autofree char *name = g_path_get_basename (one_file);

      /* Translators: %s is a file's name */
      body = g_strdup_printf (_("These lines of %s could not be read and are not in the "
                                "totals."), name);
    }
  else
    body = g_strdup (_("These lines could not be read and are not in the totals."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  label = gtk_label_new (text->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * hu_window_add_runs:
 * @runs: (element-type HuMeasuredRun): runs just imported
 *
 * Adds @runs to the project as an import does, all in one step, so the
 * comparison, the sidebar and the table follow once, however many there
 * are. The project gives each run a unique id.
 */
void
hu_window_add_runs (HuWindow  *self,
                    GPtrArray *runs)
{
  GListStore *store;

  g_return_if_fail (HU_IS_WINDOW (self));
  g_return_if_fail (runs != NULL);

  if (runs->len == 0)
    return;

  store = hu_project_get_runs (self->project);
  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                       runs->pdata, runs->len);
}

static void
import_done (GObject      *object,
             GAsyncResult *async_result,
             gpointer      user_data)
{
  HuWindow *self = HU_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuImportResult) result = g_task_propagate_pointer (G_TASK (async_result), &error);
  g_autofree char *summary = NULL;
  g_autofree char *count = NULL;
  HuMeasuredRun *first = NULL;

  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  _hu_window_update_actions (self);

  if (result == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        hu_window_add_toast (self, _("Import cancelled"));
      else
        _hu_window_show_error (self, _("Could Not Import"), error->message);
      return;
    }

  /* The importer names the runs, as huella-cli import --add-to does. */
  hu_import_result_name_runs (result);
  hu_window_add_runs (self, result->runs);
  first = result->runs->len > 0 ? g_ptr_array_index (result->runs, 0) : NULL;

  count = hu_format_count (result->runs->len);
  /* Translators: %s is a count of runs, "1,200" */
  summary = g_strdup_printf (ngettext ("Imported %s run", "Imported %s runs", result->runs->len),
                             count);
  if (result->n_skipped > 0)
    show_skipped (self, summary, result);
  else
    hu_window_add_toast (self, summary);

  if (first != NULL)
    _hu_window_select_source (self, first);
}

/**
 * hu_window_import_paths:
 * @paths: files or folders of tracker logs
 *
 * Imports measured runs in a worker thread, showing progress with a
 * Cancel button; the runs join the project when the import ends.
 */
void
hu_window_import_paths (HuWindow           *self,
                        const char * const *paths)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (HU_IS_WINDOW (self));

  if (self->import_cancellable != NULL)
    return;

  self->import_cancellable = g_cancellable_new ();
  data = g_new0 (ImportData, 1);
  data->paths = g_strdupv ((char **) paths);
  data->window = g_object_ref (self);

  gtk_progress_bar_set_fraction (self->import_progress, 0);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  _hu_window_update_actions (self);

  task = g_task_new (self, self->import_cancellable, import_done, NULL);
  g_task_set_source_tag (task, hu_window_import_paths);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

static void
on_import_response (HuWindow             *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (files == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  hu_window_import_paths (self, (const char * const *) paths->pdata);
}

/* The file chooser picks files or folders, not both at once: one action
 * each, and either way every chosen path goes to hu_window_import_paths(). */
void
_hu_window_show_import_chooser (HuWindow             *self,
                                const char           *title,
                                GtkFileChooserAction  action)
{
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                               _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_import_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

gboolean
_hu_window_on_drop (HuWindow      *self,
                    const GValue  *value,
                    double         x,
                    double         y,
                    GtkDropTarget *target)
{
  GSList *files;
  g_autoptr(GPtrArray) logs = g_ptr_array_new_with_free_func (g_free);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      GFile *file = l->data;
      g_autofree char *name = g_file_get_basename (file);

      /* A project replaces the current one; anything else is a log. */
      if (name != NULL && g_str_has_suffix (name, ".huella"))
        {
          _hu_window_maybe_discard (self, PENDING_OPEN_FILE, file);
          return TRUE;
        }
      {
        char *path = g_file_get_path (file);

        if (path != NULL)
          g_ptr_array_add (logs, path);
      }
    }

  if (logs->len == 0)
    return FALSE;
  g_ptr_array_add (logs, NULL);
  hu_window_import_paths (self, (const char * const *) logs->pdata);
  return TRUE;
}

