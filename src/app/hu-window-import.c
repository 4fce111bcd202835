/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "hu-import.h"
#include "hu-number.h"
#include "hu-widgets.h"
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

/* The text of one skipped line, under its file's name: "Line 84: …". */
static char *
skip_text (HuImportSkip *skip)
{
  g_autofree char *text = NULL;

  if (skip->line > 0)
    /* Translators: a skipped line of the file named above: line number, reason */
    text = g_strdup_printf (_("Line %u: %s"), skip->line, skip->reason);
  else
    text = g_strdup (skip->reason);
  return hu_widgets_keep_words (text);
}

static void
append_skip_row (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row;

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  /* Text to read and copy, not a row to activate. */
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_append (list, row);
}

/* One kind of skipped line of one file under its heading and count, each
 * line a row of a boxed list; the lines of that kind the importer did not
 * keep, or that are past the dialog's budget (*budget, shared by all the
 * lists), are counted in a last row. */
static void
append_skip_section (GtkBox           *box,
                     HuImportResult   *result,
                     HuImportSkipFile *file,
                     HuImportSkipKind  kind,
                     guint            *budget)
{
  guint64 total = kind == HU_IMPORT_SKIP_GAP
                  ? MIN (file->n_gaps, file->n_skipped)
                  : file->n_skipped - MIN (file->n_gaps, file->n_skipped);
  g_autofree char *count = hu_format_count (total);
  g_autofree char *heading_text = NULL;
  gulong n = (gulong) MIN (total, G_MAXULONG);
  GtkWidget *heading, *list;
  guint64 listed = 0;

  if (total == 0)
    return;

  /* Lines, as the run's notes count "[N/A]" samples: a stretch of them is
   * one gap of the notes, but each of its lines is listed here. */
  if (kind == HU_IMPORT_SKIP_GAP)
    /* Translators: a heading of the skipped-lines dialog, %s is a count */
    heading_text = g_strdup_printf (ngettext ("Gaps in the samples (%s line)",
                                              "Gaps in the samples (%s lines)", n), count);
  else
    /* Translators: a heading of the skipped-lines dialog, %s is a count */
    heading_text = g_strdup_printf (ngettext ("Lines that could not be read (%s)",
                                              "Lines that could not be read (%s)", n), count);
  heading = gtk_label_new (heading_text);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_set_margin_top (heading, gtk_widget_get_first_child (GTK_WIDGET (box)) != NULL
                                      ? 12 : 0);
  gtk_box_append (box, heading);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  gtk_box_append (box, list);

  for (guint i = 0; i < result->skipped->len && *budget > 0; i++)
    {
      HuImportSkip *skip = g_ptr_array_index (result->skipped, i);
      g_autofree char *text = NULL;

      /* The file counts a line without a file under "" */
      if (skip->kind != kind || g_strcmp0 (skip->file != NULL ? skip->file : "", file->file) != 0)
        continue;
      text = skip_text (skip);
      append_skip_row (GTK_LIST_BOX (list), text);
      listed++;
      (*budget)--;
    }
  /* Past the budget the heading's count says it all: "… and 57 more"
   * alone in a list read as if something were missing above it. */
  if (listed == 0)
    {
      gtk_box_remove (box, list);
      return;
    }
  if (total > listed)
    {
      g_autofree char *more = hu_format_count (total - listed);
      g_autofree char *text =
        g_strdup_printf (ngettext ("… and %s more", "… and %s more",
                                   (gulong) MIN (total - listed, G_MAXULONG)),
                         more);

      append_skip_row (GTK_LIST_BOX (list), text);
    }
}

/* A file's name above its lists when lines of several files are listed:
 * one line, cut in the middle where it must be, as the start and the end
 * (the extension) are what tell files apart; whole in its tooltip. */
static void
append_file_heading (GtkBox           *box,
                     HuImportSkipFile *file)
{
  g_autofree char *name = g_path_get_basename (file->file);
  GtkWidget *label = gtk_label_new (name);

  gtk_widget_add_css_class (label, "title-4");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_tooltip_text (label, name);
  gtk_widget_set_margin_top (label, gtk_widget_get_first_child (GTK_WIDGET (box)) != NULL
                                    ? 18 : 0);
  gtk_box_append (box, label);
}

/* The files from @first on, past the dialog's budget, in one line:
 * "… and 298 more files, 17,102 lines". */
static void
append_files_left (GtkBox         *box,
                   HuImportResult *result,
                   guint           first)
{
  guint n_files = result->skipped_files->len - first;
  guint64 n_lines = 0;
  g_autofree char *files = hu_format_count (n_files);
  g_autofree char *lines = NULL;
  g_autofree char *text = NULL;
  GtkWidget *label;

  for (guint i = first; i < result->skipped_files->len; i++)
    n_lines += ((HuImportSkipFile *) g_ptr_array_index (result->skipped_files, i))->n_skipped;
  lines = hu_format_count (n_lines);
  /* Translators: the end of the skipped-lines dialog, "… and 298 more
   * files, 17,102 lines"; the first %s counts files, the second lines */
  text = g_strdup_printf (ngettext ("… and %s more file, %s lines", "… and %s more files, %s lines",
                                    n_files),
                          files, lines);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 18);
  gtk_box_append (box, label);
}

/* The dialog's lists: the files' lines, each file named above its own
 * when there are several, the gaps and the unreadable lines apart. */
static GtkWidget *
new_skip_lists (HuImportResult *result)
{
  /* Enough to recognise the problem; a damaged file can skip thousands. */
  guint budget = 200;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  guint i;

  for (i = 0; i < result->skipped_files->len && budget > 0; i++)
    {
      HuImportSkipFile *file = g_ptr_array_index (result->skipped_files, i);

      if (result->skipped_files->len > 1)
        append_file_heading (GTK_BOX (box), file);
      append_skip_section (GTK_BOX (box), result, file, HU_IMPORT_SKIP_GAP, &budget);
      append_skip_section (GTK_BOX (box), result, file, HU_IMPORT_SKIP_UNREADABLE, &budget);
    }
  /* A folder of 300 damaged logs made 300 headings whose lists were only
   * "… and 57 more" once the budget was spent: the files past it are
   * counted in one line instead. */
  if (i < result->skipped_files->len)
    append_files_left (GTK_BOX (box), result, i);
  return box;
}

/* The message dialog measures its extra child at one width and lays it
 * out narrower on a 360 px phone, where the lists wrap to more lines: a
 * one-line list got less than a row's height. Once the lists have their
 * width, the scrolled window is never shorter than they are at it (up to
 * MAX_LISTS_HEIGHT, past which they scroll). */
#define MAX_LISTS_HEIGHT 280

static gboolean
fit_lists_height (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (widget);
  int width = gtk_widget_get_width (widget);
  int height = 0;

  if (width <= 0)
    return G_SOURCE_CONTINUE;
  gtk_widget_measure (gtk_scrolled_window_get_child (scrolled), GTK_ORIENTATION_VERTICAL,
                      width, NULL, &height, NULL, NULL);
  gtk_scrolled_window_set_min_content_height (scrolled, MIN (height, MAX_LISTS_HEIGHT));
  return G_SOURCE_REMOVE;
}

/* Skipped lines deserve more than a toast: the user must know which lines
 * of which file were left out and why before trusting the totals. The
 * count is of every line skipped (result->n_skipped), not of the first
 * ones the importer keeps to list: a file of 645 damaged rows does not
 * read "100 lines skipped". Gaps in the samples ("[N/A]", a pause) are
 * not lines that could not be read: each kind has its own list and count,
 * as the run's notes count the gaps (issue 10 item 12). Lines of several
 * files are listed under each file's name, with that file's counts. */
static void
show_skipped (HuWindow       *self,
              const char     *summary,
              HuImportResult *result)
{
  g_autofree char *heading = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  guint64 n_gaps = MIN (result->n_gaps, result->n_skipped);
  guint64 n_unreadable = result->n_skipped - n_gaps;
  GtkWidget *dialog, *scrolled;

  /* All from one file (the usual case): named once, in the body, so that
   * each line reads "Line 84: …" and not the file's name again. */
  if (result->skipped_files->len == 1)
    name = g_path_get_basename (((HuImportSkipFile *) result->skipped_files->pdata[0])->file);

  /* Translators: %s is "Imported 3 runs", then the count of skipped lines */
  skipped = hu_format_count (result->n_skipped);
  heading = g_strdup_printf (ngettext ("%s, %s line skipped", "%s, %s lines skipped",
                                       (gulong) MIN (result->n_skipped, G_MAXULONG)),
                             summary, skipped);
  if (n_gaps > 0 && n_unreadable > 0)
    body = name != NULL
      /* Translators: %s is a file's name */
      ? g_strdup_printf (_("%s has gaps in its samples and lines that could not be read. "
                           "Neither is in the totals; gaps are not bridged."), name)
      : g_strdup (_("The files have gaps in their samples and lines that could not be read. "
                    "Neither is in the totals; gaps are not bridged."));
  else if (n_gaps > 0)
    body = name != NULL
      /* Translators: %s is a file's name */
      ? g_strdup_printf (_("%s has gaps in its samples. They are left out of the totals, "
                           "not bridged."), name)
      : g_strdup (_("The files have gaps in their samples. They are left out of the totals, "
                    "not bridged."));
  else
    body = name != NULL
      /* Translators: %s is a file's name */
      ? g_strdup_printf (_("These lines of %s could not be read and are not in the "
                           "totals."), name)
      : g_strdup (_("These lines could not be read and are not in the totals."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), MAX_LISTS_HEIGHT);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), new_skip_lists (result));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  gtk_widget_add_tick_callback (scrolled, fit_lists_height, NULL, NULL);
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

