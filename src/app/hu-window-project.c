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

void
_hu_window_remove_autosave (HuWindow *self)
{
  hu_autosave_remove (self->file);
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

  hu_window_select_result (self, 0);
  /* Another project starts at its top, not where the last one was. */
  hu_scenario_editor_scroll_to_top (self->editor);
  _hu_window_update_title (self);
  _hu_window_update_actions (self);
}
