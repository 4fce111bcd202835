/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuWindow"

/* The project the window shows: swapping one in, following its changes
 * (the sidebar's selection through them, the title, the actions) and
 * writing its recovery file. It sits below opening and saving
 * (hu-window-files.c), which call it, and above hu-window-shared.c. */

#include "config.h"

#include "hu-autosave.h"
#include "hu-window-private.h"

/* Unsaved work is written this long after the last change. */
#define AUTOSAVE_DELAY_SECONDS 3

/* The recovery file of untitled work (see hu-autosave.c). */
char *
hu_window_get_autosave_path (void)
{
  return hu_autosave_path (NULL);
}

/* Autosave writes on a worker thread: writing a project of a thousand
 * runs out as text was 2.6 % of the main thread's time while they were
 * added (bench/app), and the writer syncs the file to disk. The main
 * thread only takes a snapshot (hu_project_snapshot_new(): the few
 * scenarios as text, copies of the runs), which shares nothing with the
 * project, so the user edits on while it is written.
 *
 * One write at a time: a change made while one is under way waits for
 * it, then is written from the project as it is then, so the file ends
 * with the last change. A failed write (a full disk) leaves the recovery
 * file written before as it was (hu_file_write_atomic() writes a
 * temporary file and renames it) and is reported here, on the main
 * thread. */
typedef struct _HuAutosaveJob {
  HuProjectSnapshot *snapshot;
  GFile             *file;        /* the project's file then, or NULL */
  guint64            changes;     /* the window's count of changes then */
  gboolean           discard;     /* its recovery file was removed while
                                   * it was written: remove what it wrote */
  GApplication      *application; /* held until it is done */
} AutosaveJob;

static void
autosave_job_free (gpointer data)
{
  AutosaveJob *job = data;

  hu_project_snapshot_free (job->snapshot);
  g_clear_object (&job->file);
  g_clear_object (&job->application);
  g_free (job);
}

static gboolean
same_file (GFile *a,
           GFile *b)
{
  return a == b || (a != NULL && b != NULL && g_file_equal (a, b));
}

void
_hu_window_remove_autosave (HuWindow *self)
{
  hu_autosave_remove (self->file);
  /* A write under way would bring the file back. */
  if (self->autosave_job != NULL && same_file (self->autosave_job->file, self->file))
    self->autosave_job->discard = TRUE;
}

/* On the worker thread: nothing of the window is touched here. */
static void
autosave_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  AutosaveJob *job = data;
  g_autofree char *contents = NULL;
  GError *error = NULL;
  gsize length = 0;

  contents = hu_project_snapshot_to_data (job->snapshot, &length);
  if (!hu_autosave_write (job->file, contents, length, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void start_autosave (HuWindow *self);

/* Back on the main thread. The task held the window: it may have been
 * closed meanwhile (disposed, not yet finalized). */
static void
autosave_done (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  HuWindow *self = HU_WINDOW (source);
  AutosaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_assert (job == self->autosave_job);
  self->autosave_job = NULL;
  self->autosave_counts.finished++;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      self->autosave_counts.failed++;
      g_warning ("Could not autosave: %s", error->message);
    }
  else if (job->discard)
    hu_autosave_remove (job->file);
  else
    self->autosave_counts.saved = job->changes;
  if (job->application != NULL)
    g_application_release (job->application);

  if (self->autosave_again && self->project != NULL)
    start_autosave (self);
}

/* Every open project, saved or untitled, has its own recovery file; the
 * user's file is only ever written by Save. */
static void
start_autosave (HuWindow *self)
{
  g_autoptr(GTask) task = NULL;
  AutosaveJob *job;

  if (self->autosave_job != NULL)
    {
      self->autosave_again = TRUE;
      return;
    }
  self->autosave_again = FALSE;
  if (!hu_project_get_modified (self->project))
    return;

  hu_scenario_editor_flush (self->editor);
  job = g_new0 (AutosaveJob, 1);
  job->snapshot = hu_project_snapshot_new (self->project);
  job->file = self->file != NULL ? g_object_ref (self->file) : NULL;
  job->changes = self->autosave_counts.changes;
  /* Closing the last window while the file is written: the application
   * stays until the write is done and a recovery file the close removed
   * is removed again (autosave_done()). */
  job->application = g_application_get_default ();
  if (job->application != NULL)
    g_application_hold (g_object_ref (job->application));
  self->autosave_job = job;
  self->autosave_counts.started++;

  task = g_task_new (self, NULL, autosave_done, NULL);
  g_task_set_source_tag (task, start_autosave);
  g_task_set_task_data (task, job, autosave_job_free);
  g_task_run_in_thread (task, autosave_thread);
}

static gboolean
autosave_timeout (gpointer data)
{
  HuWindow *self = data;

  self->autosave_source = 0;
  start_autosave (self);
  return G_SOURCE_REMOVE;
}

/**
 * hu_window_autosave_now:
 *
 * Starts writing the recovery file now, as the timer does a few seconds
 * after the last change (or, while a write is under way, once it is
 * done): tests hold a write under way without waiting for the timer.
 */
void
hu_window_autosave_now (HuWindow *self)
{
  g_return_if_fail (HU_IS_WINDOW (self));

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  start_autosave (self);
}

/**
 * hu_window_get_autosave_counts:
 * @counts: (out): what autosave did so far, for tests (counted, not timed)
 */
void
hu_window_get_autosave_counts (HuWindow         *self,
                               HuAutosaveCounts *counts)
{
  g_return_if_fail (HU_IS_WINDOW (self));
  g_return_if_fail (counts != NULL);

  *counts = self->autosave_counts;
}

/* Every change re-arms the timer, so the file follows the work and is
 * written once typing pauses. */
void
_hu_window_schedule_autosave (HuWindow *self)
{
  if (!hu_project_get_modified (self->project))
    return;

  self->autosave_counts.changes++;
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->autosave_source = g_timeout_add_seconds (AUTOSAVE_DELAY_SECONDS,
                                                 autosave_timeout, self);
}

static void
on_selection_changed (HuWindow *self)
{
  /* While the list changes the selection model moves by itself; the
   * window puts it back where it belongs once the change is done. */
  if (self->rebuilding_list)
    return;

  _hu_window_set_selected (self, gtk_single_selection_get_selected_item (self->selection));
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
    {
      gtk_single_selection_set_selected (self->selection, selected_position);
      /* A row moved up or down past the page's edge stays in view. */
      hu_list_pager_show_position (self->sidebar_pager, selected_position);
    }
  else
    {
      /* The pages let go of the row gone, also when none is left. */
      _hu_window_set_selected (self, NULL);
      hu_window_select_result (self, position);
    }
  _hu_window_update_actions (self);
}

static void
on_project_modified (HuWindow *self)
{
  _hu_window_update_title (self);
  _hu_window_schedule_autosave (self);
}

/* The comparison and its results follow the currency by themselves; the
 * editor's price field says it in its unit ("EUR"), and the Compare
 * chart on its axis ("Cost (M EUR)"): its bars keep their values, so
 * nothing else would draw it again. A hidden Compare page draws its
 * chart anew when it is shown (its map handler): building it now would
 * estimate every scenario for nothing. */
static void
on_currency_changed (HuWindow *self)
{
  hu_scenario_editor_set_currency (self->editor, hu_project_get_currency (self->project));
  if (gtk_widget_get_mapped (GTK_WIDGET (self->comparison_view)))
    hu_comparison_view_refresh_chart (self->comparison_view);
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
  _hu_window_set_selected (self, NULL);
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
  hu_list_pager_set_model (self->sidebar_pager, G_LIST_MODEL (self->selection));
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
  g_signal_connect_object (project, "notify::currency", G_CALLBACK (on_currency_changed),
                           self, G_CONNECT_SWAPPED);

  hu_window_select_result (self, 0);
  /* Another project starts at its top, not where the last one was. */
  hu_scenario_editor_scroll_to_top (self->editor);
  _hu_window_update_title (self);
  _hu_window_update_actions (self);
}
