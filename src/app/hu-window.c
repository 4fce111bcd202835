/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuWindow"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "hu-export-dialog.h"
#include "hu-import.h"
#include "hu-run-plan.h"
#include "hu-run-view.h"
#include "hu-scenario-row.h"
#include "hu-window.h"

/* Unsaved untitled work is written this long after the last change. */
#define AUTOSAVE_DELAY_SECONDS 3
#define MAX_RECENT_FILES 8

/* What to do once the user has answered "save changes?". */
typedef enum {
  PENDING_NONE,
  PENDING_NEW,
  PENDING_EXAMPLE,
  PENDING_OPEN_DIALOG,
  PENDING_OPEN_FILE,
  PENDING_CLOSE,
} Pending;

struct _HuWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  HuProject            *project;
  GFile                *file;
  char                 *file_name;       /* file's display name, for the title */
  HuComparisonModel    *model;
  HuResult             *selected;
  guint                 autosave_source;
  gboolean              close_confirmed;
  gboolean              rebuilding_list;
  Pending               pending;
  GFile                *pending_file;
  GtkFileChooserNative *chooser;

  /* The last deleted scenario, for the toast's Undo. */
  HuScenario           *deleted;
  guint                 deleted_position;

  GCancellable         *import_cancellable;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  AdwWindowTitle       *project_title;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkListBox           *scenario_list;
  AdwViewStack         *stack;
  HuScenarioEditor     *editor;
  GtkStack             *editor_stack;
  AdwViewStackPage     *editor_page;
  HuRunView            *run_view;
  GMenuModel           *run_menu;
  GMenuModel           *scenario_menu;
  GtkWidget            *context_menu;
  HuComparisonView     *comparison_view;
  HuWhatIfView         *what_if_view;
  HuDerivationView     *derivation_view;
  HuEquivalencesView   *equivalences_view;
  GMenu                *recent_section;
  GtkRevealer          *import_revealer;
  GtkProgressBar       *import_progress;
};

G_DEFINE_FINAL_TYPE (HuWindow, hu_window, ADW_TYPE_APPLICATION_WINDOW)

static void save_as (HuWindow *self);
static void run_pending (HuWindow *self);

char *
hu_window_get_autosave_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "huella", "autosave.huella", NULL);
}

static void
remove_autosave (void)
{
  g_autofree char *path = hu_window_get_autosave_path ();

  g_unlink (path);
}

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

static void
show_error (HuWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
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
static void
set_file (HuWindow *self,
          GFile    *file)
{
  if (!g_set_object (&self->file, file))
    return;
  g_clear_pointer (&self->file_name, g_free);
  if (file != NULL)
    self->file_name = display_name (file);
}

static void
update_title (HuWindow *self)
{
  const char *title = hu_project_get_title (self->project);
  gboolean modified = hu_project_get_modified (self->project);
  g_autofree char *shown = NULL;
  g_autofree char *window_title = NULL;
  const char *subtitle = self->file_name != NULL ? self->file_name : _("Not saved");

  if (title == NULL || *title == '\0')
    title = _("Untitled Project");

  /* The dot is GNOME's usual unsaved-changes marker (Text Editor, Builder). */
  shown = modified ? g_strdup_printf ("• %s", title) : g_strdup (title);

  adw_window_title_set_title (self->project_title, shown);
  adw_window_title_set_subtitle (self->project_title, subtitle);
  {
    /* The sidebar is narrow: the tooltip shows the whole title. */
    g_autofree char *tooltip = modified ? g_strdup_printf ("%s\n%s", title,
                                                         _("The project has unsaved changes"))
                                        : g_strdup (title);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->project_title), tooltip);
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

static gboolean
autosave_timeout (gpointer data)
{
  HuWindow *self = data;
  g_autofree char *path = hu_window_get_autosave_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  self->autosave_source = 0;

  if (self->file != NULL || !hu_project_get_modified (self->project))
    return G_SOURCE_REMOVE;

  hu_scenario_editor_flush (self->editor);
  contents = hu_project_to_data (self->project, &length);
  g_mkdir_with_parents (dir, 0700);
  /* g_file_set_contents() writes a temporary file and renames it, so a
   * crash while saving never leaves a half-written recovery file. */
  if (!g_file_set_contents (path, contents, length, &error))
    g_warning ("Could not autosave to %s: %s", path, error->message);

  return G_SOURCE_REMOVE;
}

/* Every change re-arms the timer, so the file follows the work and is
 * written once typing pauses. */
static void
schedule_autosave (HuWindow *self)
{
  if (self->file != NULL || !hu_project_get_modified (self->project))
    return;

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->autosave_source = g_timeout_add_seconds (AUTOSAVE_DELAY_SECONDS,
                                                 autosave_timeout, self);
}

static void
on_project_modified (HuWindow *self)
{
  update_title (self);
  schedule_autosave (self);
}

static void
update_actions (HuWindow *self)
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
                                 hu_scenario_editor_can_undo (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import",
                                 self->import_cancellable != NULL);
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
  update_title (self);
  update_actions (self);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return hu_scenario_row_new (HU_RESULT (item));
}

static void
on_row_selected (HuWindow      *self,
                 GtkListBoxRow *row)
{
  /* Rows are recreated when the list changes; keep the selection across. */
  if (self->rebuilding_list)
    return;

  set_selected (self, row != NULL ? hu_scenario_row_get_result (HU_SCENARIO_ROW (row)) : NULL);
}

static void
on_row_activated (HuWindow      *self,
                  GtkListBoxRow *row)
{
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
  gtk_list_box_select_row (self->scenario_list,
                           gtk_list_box_get_row_at_index (self->scenario_list, position));
}

static guint
position_of (HuWindow *self,
             HuResult *result)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HuResult) item = g_list_model_get_item (G_LIST_MODEL (self->model), i);

      if (item == result)
        return i;
    }
  return G_MAXUINT;
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
  guint selected_position = self->selected != NULL ? position_of (self, self->selected)
                                                   : G_MAXUINT;

  self->rebuilding_list = FALSE;
  if (selected_position != G_MAXUINT)
    {
      gtk_list_box_select_row (self->scenario_list,
                               gtk_list_box_get_row_at_index (self->scenario_list,
                                                              selected_position));
    }
  else
    {
      g_clear_object (&self->selected);
      hu_window_select_result (self, position);
    }
  update_actions (self);
}

static void
apply_display_settings (HuWindow *self)
{
  g_autofree char *set = g_settings_get_string (self->settings, "equivalence-set");

  if (self->model != NULL)
    hu_comparison_model_set_display (self->model, set,
                                     g_settings_get_enum (self->settings, "energy-unit"),
                                     g_settings_get_enum (self->settings, "mass-unit"));
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
  hu_scenario_editor_clear_undo (self->editor);
  g_clear_object (&self->deleted);
  g_clear_handle_id (&self->autosave_source, g_source_remove);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  g_set_object (&self->project, project);
  set_file (self, file);
  g_clear_object (&self->model);

  self->model = hu_comparison_model_new (project);
  apply_display_settings (self);

  catalog = hu_project_get_catalog (project);
  hu_scenario_editor_set_catalog (self->editor, catalog);
  hu_scenario_editor_set_currency (self->editor, hu_project_get_currency (project));
  hu_what_if_view_set_catalog (self->what_if_view, catalog);
  hu_equivalences_view_set_catalog (self->equivalences_view, catalog);
  hu_comparison_view_set_model (self->comparison_view, self->model);
  hu_run_view_set_model (self->run_view, self->model);
  hu_scenario_editor_set_model (self->editor, self->model);

  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_model_changing),
                           self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->scenario_list, G_LIST_MODEL (self->model),
                           create_row, NULL, NULL);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_model_changed),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (project, "notify::modified", G_CALLBACK (on_project_modified),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "changed", G_CALLBACK (schedule_autosave),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (schedule_autosave),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "notify::title", G_CALLBACK (update_title),
                           self, G_CONNECT_SWAPPED);

  hu_window_select_result (self, 0);
  update_title (self);
  update_actions (self);
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

static void
update_recent_menu (HuWindow *self)
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

      show_error (self, heading, error->message);
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
 * hu_window_recover_autosave:
 *
 * Opens the untitled work autosaved by a session that did not close
 * normally, if there is any.
 *
 * Returns: whether something was recovered
 */
gboolean
hu_window_recover_autosave (HuWindow *self)
{
  g_autofree char *path = hu_window_get_autosave_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(HuProject) project = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HU_IS_WINDOW (self), FALSE);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;

  project = hu_project_new_from_file (file, &error);
  if (project == NULL)
    {
      g_warning ("Could not recover %s: %s", path, error->message);
      return FALSE;
    }

  /* Recovered work is unsaved by definition: keep the marker. */
  hu_window_set_project (self, project, NULL);
  hu_project_set_modified (project, TRUE);
  hu_window_add_toast (self, _("Unsaved changes from the last session were recovered"));
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
  set_file (self, file);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  remove_autosave ();
  add_recent (self, file);
  update_title (self);
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
      show_error (self, _("Could Not Save the Project"), error->message);
      self->pending = PENDING_NONE;
      return FALSE;
    }

  hu_window_add_toast (self, _("Project saved"));
  return TRUE;
}

static gboolean
save (HuWindow *self)
{
  if (self->file == NULL)
    {
      save_as (self);
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

static void
save_as (HuWindow *self)
{
  const char *title = hu_project_get_title (self->project);
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
      name = g_strdup_printf ("%s.huella", title != NULL && *title != '\0'
                                           ? title : _("Untitled Project"));
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

static void
new_project (HuWindow *self)
{
  g_autoptr(HuProject) project = hu_project_new ();
  g_autofree char *currency = g_settings_get_string (self->settings, "currency");

  hu_project_set_title (project, _("Untitled Project"));
  hu_project_set_currency (project, currency);
  hu_project_set_modified (project, FALSE);
  hu_window_set_project (self, project, NULL);
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
      remove_autosave ();
      run_pending (self);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      /* An untitled project goes through Save As, which runs the pending
       * action when (and only if) the file is written. */
      if (save (self))
        run_pending (self);
    }
  else
    {
      self->pending = PENDING_NONE;
      g_clear_object (&self->pending_file);
    }
}

/* Runs @pending now, or after asking what to do with unsaved changes. */
static void
maybe_discard (HuWindow *self,
               Pending   pending,
               GFile    *file)
{
  GtkWidget *dialog;
  const char *title;
  g_autofree char *body = NULL;

  hu_scenario_editor_flush (self->editor);
  self->pending = pending;
  g_set_object (&self->pending_file, file);

  if (!hu_project_get_modified (self->project))
    {
      run_pending (self);
      return;
    }

  title = hu_project_get_title (self->project);
  /* Translators: %s is the project's title */
  body = g_strdup_printf (_("“%s” has changes that are not saved. Unsaved changes will be lost."),
                          title != NULL && *title != '\0' ? title : _("Untitled Project"));
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

static HuScenario *
selected_scenario (HuWindow *self)
{
  return self->selected != NULL ? hu_result_get_scenario (self->selected) : NULL;
}

static void
select_source (HuWindow *self,
               gpointer  source)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HuResult) result = g_list_model_get_item (G_LIST_MODEL (self->model), i);

      if ((gpointer) hu_result_get_scenario (result) == source ||
          (gpointer) hu_result_get_run (result) == source)
        {
          hu_window_select_result (self, i);
          return;
        }
    }
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  maybe_discard (HU_WINDOW (widget), PENDING_NEW, NULL);
}

static void
new_from_example_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  maybe_discard (HU_WINDOW (widget), PENDING_EXAMPLE, NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  maybe_discard (HU_WINDOW (widget), PENDING_OPEN_DIALOG, NULL);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  maybe_discard (HU_WINDOW (widget), PENDING_OPEN_FILE, file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (HU_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (HU_WINDOW (widget));
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
  select_source (self, scenario);
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
  double pue = g_settings_get_double (self->settings, "default-pue");
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
  name = g_strdup_printf (_("%s (copy)"), hu_scenario_get_name (scenario));
  hu_scenario_set_name (copy, name);

  g_list_store_find (scenarios, scenario, &position);
  g_list_store_insert (scenarios, position + 1, copy);
  select_source (self, copy);
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
  guint row = self->selected != NULL ? position_of (self, self->selected) : 0;
  AdwToast *toast;
  g_autofree char *title = NULL;

  if (scenario != NULL &&
      g_list_store_find (hu_project_get_scenarios (self->project), scenario, &position))
    {
      hu_scenario_editor_flush (self->editor);
      g_set_object (&self->deleted, scenario);
      self->deleted_position = position;
      /* Translators: %s is a scenario's name */
      title = g_strdup_printf (_("“%s” deleted"), hu_scenario_get_name (scenario));
      g_clear_object (&self->selected);
      g_list_store_remove (hu_project_get_scenarios (self->project), position);

      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo-delete");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else if (run != NULL &&
           g_list_store_find (hu_project_get_runs (self->project), run, &position))
    {
      g_clear_object (&self->selected);
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
  select_source (self, scenario);
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
  select_source (self, keep);
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
  update_actions (self);
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

/* The sidebar's context menu: a row's own actions where the pointer is. */
static void
show_context_menu (HuWindow *self,
                   double    x,
                   double    y)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->scenario_list, (int) y);
  HuResult *result;
  GtkWidget *menu;

  if (row == NULL)
    return;

  gtk_list_box_select_row (self->scenario_list, row);
  result = hu_scenario_row_get_result (HU_SCENARIO_ROW (row));
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
 * of which file were left out and why before trusting the totals. */
static void
show_skipped (HuWindow       *self,
              const char     *summary,
              HuImportResult *result)
{
  /* Enough to recognise the problem; a damaged file can skip thousands. */
  const guint max_listed = 200;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *scrolled, *label;

  for (guint i = 0; i < result->skipped->len && i < max_listed; i++)
    {
      HuImportSkip *skip = g_ptr_array_index (result->skipped, i);
      g_autofree char *name = g_path_get_basename (skip->file != NULL ? skip->file : "");

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (skip->line > 0)
        /* Translators: a skipped line: file, line number, reason */
        g_string_append_printf (text, _("%s, line %u: %s"), name, skip->line, skip->reason);
      else
        /* Translators: a skipped file or run: file, reason */
        g_string_append_printf (text, _("%s: %s"), name, skip->reason);
    }
  if (result->skipped->len > max_listed)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("… and %u more", "… and %u more",
                                              result->skipped->len - max_listed),
                              result->skipped->len - max_listed);
    }

  /* Translators: %s is "Imported 3 runs", then the count of skipped lines */
  heading = g_strdup_printf (ngettext ("%s, %u Line Skipped", "%s, %u Lines Skipped",
                                       result->skipped->len),
                             summary, result->skipped->len);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("These lines could not be read and are not in the totals."));
  label = gtk_label_new (text->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
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

static void
import_done (GObject      *object,
             GAsyncResult *async_result,
             gpointer      user_data)
{
  HuWindow *self = HU_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuImportResult) result = g_task_propagate_pointer (G_TASK (async_result), &error);
  g_autofree char *summary = NULL;
  HuMeasuredRun *first = NULL;

  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  update_actions (self);

  if (result == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        hu_window_add_toast (self, _("Import cancelled"));
      else
        show_error (self, _("Could Not Import"), error->message);
      return;
    }

  for (guint i = 0; i < result->runs->len; i++)
    {
      HuMeasuredRun *run = g_ptr_array_index (result->runs, i);

      if (first == NULL)
        first = run;
      /* nvidia-smi and Zeus logs name nothing: the file names the run. */
      if (hu_measured_run_get_name (run) == NULL && hu_measured_run_get_data (run)->file != NULL)
        {
          g_autofree char *name = g_path_get_basename (hu_measured_run_get_data (run)->file);

          hu_measured_run_set_name (run, name);
        }
      g_list_store_append (hu_project_get_runs (self->project), run);
    }

  summary = g_strdup_printf (ngettext ("Imported %u run", "Imported %u runs", result->runs->len),
                             result->runs->len);
  if (result->skipped->len > 0)
    show_skipped (self, summary, result);
  else
    hu_window_add_toast (self, summary);

  if (first != NULL)
    select_source (self, first);
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
  update_actions (self);

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
static void
show_import_chooser (HuWindow             *self,
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

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  show_import_chooser (HU_WINDOW (widget), _("Import Measured Runs"),
                       GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  show_import_chooser (HU_WINDOW (widget), _("Import a Folder of Measured Runs"),
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
  HuResult *baseline = hu_comparison_model_get_baseline (self->model);
  HuScenario *scenario = baseline != NULL ? hu_result_get_scenario (baseline) : NULL;
  g_autofree char *set = g_settings_get_string (self->settings, "equivalence-set");
  GtkWidget *dialog;

  hu_scenario_editor_flush (self->editor);
  dialog = hu_export_dialog_new (GTK_WINDOW (self), self->project,
                                 scenario != NULL ? hu_scenario_get_id (scenario) : NULL, set,
                                 hu_comparison_view_get_metric (self->comparison_view));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
on_drop (HuWindow      *self,
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
          maybe_discard (self, PENDING_OPEN_FILE, file);
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

static gboolean
hu_window_close_request (GtkWindow *window)
{
  HuWindow *self = HU_WINDOW (window);

  if (!self->close_confirmed && self->project != NULL)
    {
      hu_scenario_editor_flush (self->editor);
      if (hu_project_get_modified (self->project))
        {
          maybe_discard (self, PENDING_CLOSE, NULL);
          return TRUE;
        }
    }

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  /* Closing on purpose leaves nothing to recover. */
  if (self->file == NULL)
    remove_autosave ();

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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/hu-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HuWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, content);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, project_title);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, scenario_list);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, editor_page);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, run_view);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, run_menu);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, scenario_menu);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, comparison_view);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, what_if_view);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, derivation_view);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, equivalences_view);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, HuWindow, import_progress);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-example", NULL,
                                   new_from_example_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.add-scenario", NULL, add_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.rename", NULL, rename_action);
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

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-scenario", NULL);
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
}

static void
hu_window_init (HuWindow *self)
{
  GtkDropTarget *target;
  GtkGesture *gesture;

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

  g_signal_connect_object (self->scenario_list, "row-selected", G_CALLBACK (on_row_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scenario_list, "row-activated", G_CALLBACK (on_row_activated),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::can-undo", G_CALLBACK (update_actions),
                           self, G_CONNECT_SWAPPED);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_settings_changed (HuWindow   *self,
                     const char *key)
{
  if (g_strcmp0 (key, "recent-files") == 0)
    update_recent_menu (self);
  else
    apply_display_settings (self);
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
  update_recent_menu (self);

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
