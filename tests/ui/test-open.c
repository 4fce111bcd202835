/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A project's name, and files opened from outside (issue 10, items 5
 * and 6): the name the user gives reaches the header bar, the file, the
 * report and the export's file name; `huella FILE…` opens every file. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hu-application.h"
#include "hu-export-dialog.h"
#include "hu-window.h"
#include "test-helpers.h"
#include "ui-test-helpers.h"

/* Five runs, none skipped (see test-runs.c). */
#define IDRISSBEN "cc2.3.1_macos-m2_repeated-run_id-cumulative_Idrissben.csv"
#define IDRISSBEN_RUNS 5
/* The example's title and scenario count, as written in the file. */
#define EXAMPLE_TITLE "GPT-3 on four GPUs (seed article, Table 2)"

/* The header bar's title: the menu button holding the project's name. */
static GtkMenuButton *
title_button (HuWindow *window)
{
  GtkWidget *button = find_widget (GTK_WIDGET (window), is_title_button, NULL);

  g_assert_nonnull (button);
  return GTK_MENU_BUTTON (button);
}

static const char *
shown_title (HuWindow *window)
{
  GtkWidget *title = gtk_menu_button_get_child (title_button (window));

  return adw_window_title_get_title (ADW_WINDOW_TITLE (title));
}

/* Types @name into the rename popover, as a user would, and presses Rename. */
static void
rename_project (HuWindow   *window,
                const char *name)
{
  GtkPopover *popover;
  GtkWidget *entry, *button;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-project", NULL));
  iterate (100);
  popover = gtk_menu_button_get_popover (title_button (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  entry = find_widget (GTK_WIDGET (popover), is_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
  button = find_widget (GTK_WIDGET (popover), is_button_labelled, "_Rename");
  g_assert_nonnull (entry);
  g_assert_nonnull (button);
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  g_signal_emit_by_name (button, "clicked");
  iterate (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
}

/* The popover selects the whole name, so typing replaces it, and shows
 * its start: GTK 4.8 keeps the cursor at the end of a selection made on
 * focus, and an entry scrolled there read "…seed article, Table 2)". */
static void
test_rename_shows_name_start (void)
{
  HuWindow *window = new_window (TRUE);
  GtkPopover *popover = gtk_menu_button_get_popover (title_button (window));
  GtkWidget *entry = find_widget (GTK_WIDGET (popover), is_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
  GtkEditable *text;
  int start = -1, end = -1, scroll = -1;

  g_assert_nonnull (entry);
  text = gtk_editable_get_delegate (GTK_EDITABLE (entry));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-project", NULL));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)), 10);
  iterate (300);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, EXAMPLE_TITLE);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (text)));
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, g_utf8_strlen (EXAMPLE_TITLE, -1));
  /* The name is longer than the entry, so the start showing is a choice. */
  g_assert_cmpint (gtk_widget_get_width (entry), <, 10 * g_utf8_strlen (EXAMPLE_TITLE, -1));
  /* The text's own cursor: the entry reports a selection in order. */
  g_assert_cmpint (gtk_editable_get_position (text), ==, 0);
  g_object_get (text, "scroll-offset", &scroll, NULL);
  g_assert_cmpint (scroll, ==, 0);

  gtk_popover_popdown (popover);
  destroy_window (window);
}

static char *
export_file_name (HuWindow  *window,
                  char     **report_title)
{
  GtkWidget *dialog;
  char *name;

  /* The window's own action: the dialog it opens is the newest toplevel. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  iterate (200);
  dialog = find_toplevel (HU_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  name = hu_export_dialog_dup_file_name (HU_EXPORT_DIALOG (dialog));
  *report_title = g_strdup (hu_report_get_title (hu_export_dialog_get_preview_report (HU_EXPORT_DIALOG (dialog))));
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate (50);
  return name;
}

/* Issue 10's newcomer: the title's tooltip showed over the rename
 * popover, hiding its entry and its arrow. While the popover is open the
 * title has no tooltip, also when the title changes under it (an edit
 * marks the project unsaved); the popover hangs from the title it
 * renames, arrow on, also from a narrow window's content page; closed,
 * the tooltip is back. */
static void
test_rename_popover_clear (void)
{
  HuWindow *window = new_window (TRUE);
  GtkMenuButton *button = title_button (window);
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  GdkRectangle rect;

  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (button)));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), EXAMPLE_TITLE));

  for (int narrow = 0; narrow <= 1; narrow++)
    {
      if (narrow)
        {
          /* Folded, on a scenario: the action brings the sidebar back. */
          gtk_window_set_default_size (GTK_WINDOW (window), 360, 800);
          WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (window)) == 360, 10);
          hu_window_show_page (window, "editor");
          iterate (500);
          g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (button)));
        }
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-project", NULL));
      WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)), 10);
      iterate (300);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
      g_assert_false (gtk_widget_get_has_tooltip (GTK_WIDGET (button)));
      /* It points at the whole title, which is on screen. */
      g_assert_true (gtk_widget_get_parent (GTK_WIDGET (popover)) == GTK_WIDGET (button));
      g_assert_true (gtk_popover_get_has_arrow (popover));
      g_assert_false (gtk_popover_get_pointing_to (popover, &rect));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (button)), >, 0);

      /* The title changes under the open popover. */
      hu_project_set_modified (hu_window_get_project (window), TRUE);
      iterate (100);
      g_assert_cmpstr (shown_title (window), ==, "• " EXAMPLE_TITLE);
      g_assert_false (gtk_widget_get_has_tooltip (GTK_WIDGET (button)));

      gtk_popover_popdown (popover);
      iterate (100);
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
      g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (button)));
      g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), EXAMPLE_TITLE));
      hu_project_set_modified (hu_window_get_project (window), FALSE);
    }

  destroy_window (window);
}

static gboolean
is_main_menu_button (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "open-menu-symbolic") == 0;
}

/* As the title's, the main menu's and the add button's tooltips
 * ("Main Menu" covered the menu's first item) are off while the menus
 * they open are open, and back once they close. */
static void
test_menu_tooltips_clear (void)
{
  HuWindow *window = new_window (TRUE);
  GtkWidget *menu = find_widget (GTK_WIDGET (window), is_main_menu_button, NULL);
  GtkWidget *add = find_widget (GTK_WIDGET (window), is_type, GSIZE_TO_POINTER (ADW_TYPE_SPLIT_BUTTON));
  GtkWidget *buttons[2] = { menu, add };

  g_assert_nonnull (menu);
  g_assert_nonnull (add);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkPopover *popover = i == 0 ? gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu))
                                   : adw_split_button_get_popover (ADW_SPLIT_BUTTON (add));

      g_assert_nonnull (popover);
      g_assert_true (gtk_widget_get_has_tooltip (buttons[i]));
      if (i == 0)
        gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
      else
        adw_split_button_popup (ADW_SPLIT_BUTTON (add));
      WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)), 10);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
      g_assert_false (gtk_widget_get_has_tooltip (buttons[i]));
      gtk_popover_popdown (popover);
      iterate (100);
      g_assert_true (gtk_widget_get_has_tooltip (buttons[i]));
      g_assert_nonnull (gtk_widget_get_tooltip_text (buttons[i]));
    }

  destroy_window (window);
}

/* Item 5: an untitled project takes its file's name; the name the user
 * types is the project's title, in the file, the report and the export. */
static void
test_project_name (void)
{
  HuWindow *window = new_window (FALSE);
  g_autofree char *dir = g_dir_make_tmp ("huella-name-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Cluster plan.huella", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) reloaded = NULL;
  g_autofree char *name = NULL;
  g_autofree char *export_name = NULL;
  g_autofree char *report_title = NULL;

  hu_window_new_project (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-scenario", NULL));
  iterate (100);
  name = hu_window_dup_project_name (window);
  g_assert_cmpstr (name, ==, "Untitled Project");
  /* A new project holds no placeholder title of its own. */
  g_assert_null (hu_project_get_title (hu_window_get_project (window)));

  /* Saved, it goes by its file's name, without the extension. */
  g_assert_true (hu_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  g_clear_pointer (&name, g_free);
  name = hu_window_dup_project_name (window);
  g_assert_cmpstr (name, ==, "Cluster plan");
  g_assert_cmpstr (shown_title (window), ==, "Cluster plan");
  export_name = export_file_name (window, &report_title);
  g_assert_cmpstr (export_name, ==, "Cluster plan.pdf");
  g_assert_cmpstr (report_title, ==, "Cluster plan");

  /* Renamed in the header bar: the title changes (unsaved), and the
   * report and the export follow. */
  rename_project (window, "  Llama on H100s  ");
  g_assert_cmpstr (hu_project_get_title (hu_window_get_project (window)), ==, "Llama on H100s");
  g_assert_true (hu_project_get_modified (hu_window_get_project (window)));
  g_assert_cmpstr (shown_title (window), ==, "• Llama on H100s");
  g_clear_pointer (&export_name, g_free);
  g_clear_pointer (&report_title, g_free);
  export_name = export_file_name (window, &report_title);
  g_assert_cmpstr (export_name, ==, "Llama on H100s.pdf");
  g_assert_cmpstr (report_title, ==, "Llama on H100s");

  /* Saved, the name is in the file. */
  g_assert_true (hu_window_save_to_file (window, file, &error));
  reloaded = hu_project_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hu_project_get_title (reloaded), ==, "Llama on H100s");

  /* An empty name gives the file's name back. */
  rename_project (window, "");
  g_assert_null (hu_project_get_title (hu_window_get_project (window)));
  g_clear_pointer (&name, g_free);
  name = hu_window_dup_project_name (window);
  g_assert_cmpstr (name, ==, "Cluster plan");

  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* Files saved by earlier versions hold "Untitled Project" as their
 * title: it never reaches a report of the saved file. */
static void
test_placeholder_title (void)
{
  HuWindow *window = new_window (FALSE);
  g_autofree char *dir = g_dir_make_tmp ("huella-name-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old-plan.huella", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(HuProject) project = hu_project_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *export_name = NULL;
  g_autofree char *report_title = NULL;

  hu_project_set_title (project, "Untitled Project");
  g_assert_true (hu_project_save (project, file, &error));
  g_assert_true (hu_window_open_file (window, file));
  iterate (100);
  name = hu_window_dup_project_name (window);
  g_assert_cmpstr (name, ==, "old-plan");
  export_name = export_file_name (window, &report_title);
  g_assert_cmpstr (export_name, ==, "old-plan.pdf");
  g_assert_cmpstr (report_title, ==, "old-plan");

  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* `huella FILE…` through the application, as the desktop file's %F runs
 * it. The test waits in the application's own main loop for the import. */
typedef struct {
  guint    expect_windows;
  guint    expect_runs;      /* in the window shown last */
  const char *expect_title;  /* of its project, or NULL for none */
  gboolean all_have_files;   /* every window shows a project file */
  gboolean done;
  gint64   deadline;
} OpenCheck;

static guint
count_runs (HuWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (hu_project_get_runs (hu_window_get_project (window))));
}

static gboolean
poll_open (gpointer data)
{
  GApplication *app = data;
  OpenCheck *check = g_object_get_data (G_OBJECT (app), "check");
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  HuWindow *active = windows != NULL ? HU_WINDOW (windows->data) : NULL;

  if (g_get_monotonic_time () < check->deadline &&
      (active == NULL || count_runs (active) < check->expect_runs))
    return G_SOURCE_CONTINUE;

  check->done = TRUE;
  g_assert_nonnull (active);
  g_assert_cmpuint (g_list_length (windows), ==, check->expect_windows);
  g_assert_cmpuint (count_runs (active), ==, check->expect_runs);
  g_assert_cmpstr (hu_project_get_title (hu_window_get_project (active)), ==, check->expect_title);
  for (GList *l = windows; check->all_have_files && l != NULL; l = l->next)
    {
      g_assert_nonnull (hu_window_get_file (l->data));
      g_assert_cmpstr (hu_project_get_title (hu_window_get_project (l->data)), ==,
                       check->expect_title);
    }
  /* The windows hold the application: closing them ends the run. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (app)))
    {
      hu_project_set_modified (hu_window_get_project (l->data), FALSE);
      gtk_window_destroy (l->data);
    }
  return G_SOURCE_REMOVE;
}

/* Runs the application on @files until poll_open() has checked it. */
static void
run_app (const char * const *files,
         OpenCheck          *check)
{
  g_autoptr(HuApplication) app = hu_application_new ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status;

  /* No session bus under xvfb-run: this instance is the only one. */
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_ptr_array_add (argv, (char *) "huella");
  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) files[i]);
  g_ptr_array_add (argv, NULL);

  /* Generous: leak-checked under ASan every allocation of the import's
   * thread is unwound the slow way, and a log took longer than 30 s. */
  check->deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  g_object_set_data (G_OBJECT (app), "check", check);
  g_timeout_add (50, poll_open, app);
  status = g_application_run (G_APPLICATION (app), argv->len - 1, (char **) argv->pdata);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (check->done);
}

static char *
example_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "gpt3-gpus.huella", NULL);
}

/* Item 6: a CodeCarbon log alone opens as a new project holding its
 * runs: no "Parse error", no example. */
/* A hand-written project may give its scenarios ids and no names: the
 * app opened it and crashed filling the editor's Name field. Now the
 * sidebar and table name each by its id, the field stays empty, and an
 * edit of another field renames nothing. */
static void
test_scenarios_without_names (void)
{
  g_autofree char *path = NULL;
  HuWindow *window = open_written_project ("ids-only.huella",
                                           "{\"format\": \"huella-project\", \"format-version\": 1,"
                                           " \"scenarios\": [{\"id\": \"small\", \"gpu_hours\": 100,"
                                           " \"power_w\": 300, \"pue\": 1, \"intensity\": 400},"
                                           " {\"id\": \"large\", \"gpu_hours\": 200, \"power_w\": 300,"
                                           " \"pue\": 1, \"intensity\": 400}]}", &path);
  HuScenario *scenario;
  GtkWidget *row;

  g_assert_cmpstr (hu_result_get_name (result_at (window, 0)), ==, "small");
  g_assert_cmpstr (hu_result_get_name (result_at (window, 1)), ==, "large");

  row = find_widget (GTK_WIDGET (hu_window_get_editor (window)), is_entry_row_titled, "Name");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  scenario = hu_result_get_scenario (result_at (window, 0));
  g_assert_null (hu_scenario_get_name (scenario));

  /* An edit of the price commits; the name stays unset. */
  row = find_widget (GTK_WIDGET (hu_window_get_editor (window)), is_entry_row_titled,
                     "GPU-hour price");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "2");
  ASSERT_SOON (hu_inputs_get (hu_scenario_get_inputs (scenario), HU_INPUT_PRICE) == 2, 10);
  g_assert_null (hu_scenario_get_name (scenario));

  destroy_window (window);
  remove_written_project (path);
}

static void
test_open_log (void)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", IDRISSBEN, NULL);
  const char *files[] = { csv, NULL };
  OpenCheck check = { .expect_windows = 1, .expect_runs = IDRISSBEN_RUNS };

  run_app (files, &check);
}

/* A log and a project: the project opens and the log's runs join it. */
static void
test_open_log_and_project (void)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", IDRISSBEN, NULL);
  g_autofree char *project = example_path ();
  const char *files[] = { csv, project, NULL };
  OpenCheck check = { .expect_windows = 1, .expect_runs = IDRISSBEN_RUNS,
                      .expect_title = EXAMPLE_TITLE };

  run_app (files, &check);
}

/* Two projects: two windows, each with its file. */
static void
test_open_two_projects (void)
{
  g_autofree char *example = example_path ();
  g_autofree char *dir = g_dir_make_tmp ("huella-open-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.huella", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *files[] = { example, copy, NULL };
  OpenCheck check = { .expect_windows = 2, .expect_runs = 0, .expect_title = EXAMPLE_TITLE,
                      .all_have_files = TRUE };

  g_assert_true (g_file_get_contents (example, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  run_app (files, &check);
  g_unlink (copy);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/huella/ui/open/project-name", test_project_name);
  g_test_add_func ("/huella/ui/open/rename-popover-clear", test_rename_popover_clear);
  g_test_add_func ("/huella/ui/open/rename-shows-name-start", test_rename_shows_name_start);
  g_test_add_func ("/huella/ui/open/menu-tooltips-clear", test_menu_tooltips_clear);
  g_test_add_func ("/huella/ui/open/placeholder-title", test_placeholder_title);
  g_test_add_func ("/huella/ui/open/scenarios-without-names", test_scenarios_without_names);
  g_test_add_func ("/huella/ui/open/log", test_open_log);
  g_test_add_func ("/huella/ui/open/log-and-project", test_open_log_and_project);
  g_test_add_func ("/huella/ui/open/two-projects", test_open_two_projects);
  return g_test_run ();
}
