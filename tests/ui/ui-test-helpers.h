/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hu-application.h"
#include "hu-scenario-row.h"
#include "hu-window.h"

/* What every UI test program does before adding its cases. */
static inline void
ui_test_init (int    *argc,
              char ***argv)
{
  g_setenv ("LC_NUMERIC", "C", TRUE);
  hu_application_setup_environment ();
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Under xvfb-run there is no session bus, and GTK warns about it (and
   * about the missing settings portal); criticals still fail the tests. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  gtk_init ();
  adw_init ();
}

/* Runs the main loop for @ms milliseconds, so that idles, timeouts and
 * the frame clock get their turn as they would while a user watches. */
static inline void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Runs the main loop until @condition holds or @seconds have passed,
 * looking again every 20 ms; the caller then asserts @condition, so a
 * wait that times out fails the test where it waited. */
#define WAIT_UNTIL(condition, seconds)                                       \
  G_STMT_START {                                                             \
    gint64 wait_deadline_ = g_get_monotonic_time () +                        \
                            (gint64) (seconds) * G_USEC_PER_SEC;             \
    while (!(condition) && g_get_monotonic_time () < wait_deadline_)         \
      iterate (20);                                                          \
  } G_STMT_END

/* Waits up to @seconds for @condition, as WAIT_UNTIL(), then fails the
 * test naming it if it still does not hold: for what a timeout, an idle
 * or a thread makes, which a fixed wait misses under the sanitizers. */
#define ASSERT_SOON(condition, seconds)                                      \
  G_STMT_START {                                                             \
    WAIT_UNTIL (condition, seconds);                                         \
    if (!(condition))                                                        \
      g_error ("%s:%d: %s still false after %d s", __FILE__, __LINE__,      \
               #condition, (int) (seconds));                                \
  } G_STMT_END

/* A shown window, empty or on the built-in example, given time to lay
 * itself out before the test looks at it. */
static inline HuWindow *
new_window (gboolean example)
{
  HuWindow *window = hu_window_new (NULL);

  if (example)
    g_assert_true (hu_window_load_example (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  iterate (200);
  return window;
}

/* A new window on the project @text, written as @name in a folder of
 * its own; *@path is the file, for remove_written_project(). */
static inline HuWindow *
open_written_project (const char  *name,
                      const char  *text,
                      char       **path)
{
  g_autofree char *dir = g_dir_make_tmp ("huella-test-XXXXXX", NULL);
  g_autoptr(GFile) file = NULL;
  HuWindow *window = new_window (FALSE);

  g_assert_nonnull (dir);
  *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (*path, text, -1, NULL));
  file = g_file_new_for_path (*path);
  g_assert_true (hu_window_open_file (window, file));
  iterate (300);
  return window;
}

static inline void
remove_written_project (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Imports @path and waits for its runs to join the comparison. */
static inline void
import_and_wait (HuWindow   *window,
                 const char *path)
{
  GListModel *model = G_LIST_MODEL (hu_window_get_comparison_model (window));
  guint before = g_list_model_get_n_items (model);
  const char *paths[] = { path, NULL };

  hu_window_import_paths (window, paths);
  WAIT_UNTIL (g_list_model_get_n_items (model) > before, 20);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, before);
  iterate (50);
}

static inline void
destroy_window (HuWindow *window)
{
  /* Nothing to ask about: the tests leave no unsaved work they care about. */
  hu_project_set_modified (hu_window_get_project (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (50);
}

/* The comparison's row at @position, a scenario or a measured run. */
static inline HuResult *
result_at (HuWindow *window,
           guint     position)
{
  GListModel *model = G_LIST_MODEL (hu_window_get_comparison_model (window));
  g_autoptr(HuResult) result = g_list_model_get_item (model, position);

  g_assert_nonnull (result);
  return result;   /* the model keeps it alive */
}

/* One input of a scenario and its new value (NAN unsets it). */
typedef struct {
  HuInputKey key;
  double     value;
} InputEdit;

static inline void
edit_inputs (HuScenario      *scenario,
             const InputEdit *edits,
             gsize            n_edits)
{
  HuInputs inputs;

  hu_inputs_init (&inputs);
  hu_inputs_copy (hu_scenario_get_inputs (scenario), &inputs);
  for (gsize i = 0; i < n_edits; i++)
    hu_inputs_set (&inputs, edits[i].key, edits[i].value);
  hu_scenario_set_inputs (scenario, &inputs);
  hu_inputs_clear (&inputs);
}

/* Changes @scenario's inputs in one edit, as the form commits them:
 * EDIT_INPUTS (scenario, { HU_INPUT_COUNT, 16 }, { HU_INPUT_PUE, 1.2 }). */
#define EDIT_INPUTS(scenario, ...)                                            \
  edit_inputs ((scenario), (const InputEdit[]) { __VA_ARGS__ },              \
               sizeof ((const InputEdit[]) { __VA_ARGS__ }) / sizeof (InputEdit))

/* Finding a widget in a window: the first, depth first, that @match
 * accepts. */
typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static inline GtkWidget *
find_widget (GtkWidget     *widget,
             Match          match,
             gconstpointer  data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A Match for a widget of the GType given as data (GSIZE_TO_POINTER). */
static inline gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The last shown toplevel window of @type (a dialog the window opened),
 * or NULL. */
static inline GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type) && gtk_widget_get_visible (GTK_WIDGET (item)))
        found = GTK_WIDGET (item);
    }
  return found;
}

/* A Match for a sidebar row whose whole detail line is the string given
 * as data (the row shows it in two labels). */
static inline gboolean
is_row_detailed (GtkWidget     *widget,
                 gconstpointer  detail)
{
  return HU_IS_SCENARIO_ROW (widget) &&
         g_strcmp0 (hu_scenario_row_get_detail (HU_SCENARIO_ROW (widget)), detail) == 0;
}

/* A Match for a label whose text holds the string given as data. */
static inline gboolean
is_label_holding (GtkWidget     *widget,
                  gconstpointer  part)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL;
}

/* A Match for the header bar's title: the menu button holding the
 * project's name. */
static inline gboolean
is_title_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         ADW_IS_WINDOW_TITLE (gtk_menu_button_get_child (GTK_MENU_BUTTON (widget)));
}

/* A Match for a label whose text is exactly the string given as data. */
static inline gboolean
is_label_exactly (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* A Match for a label a person sees (it and every widget above it
 * visible) whose text is exactly the string given as data. */
static inline gboolean
is_visible_label (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* A Match for a button whose label is the string given as data. */
static inline gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* A Match for an entry row titled with the string given as data, as a
 * person finds the field. */
static inline gboolean
is_entry_row_titled (GtkWidget     *widget,
                     gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* ui-test-helpers.c: what is too long to inline in every program. */

/* A measured run as an importer leaves one: @id, the tracker @source, a
 * duration, energy and emissions (NAN when the log does not say, as
 * hu_measured_run_new() leaves every figure); tests fill in what else
 * they need through hu_measured_run_get_data() before adding it. */
HuMeasuredRun *ui_test_measured_run (const char *id,
                                     const char *source,
                                     double      duration_s,
                                     double      energy_kwh,
                                     double      emissions_kg);

/* Adds @run to @project's runs as the last one, as an import does. */
void           ui_test_add_run      (HuProject     *project,
                                     HuMeasuredRun *run);

/* Activates the shortcut @widget's shortcut controllers hold for @keyval
 * with exactly @modifiers, as a key press reaching @widget would (its
 * class's bindings are among them). Returns whether one was found. */
gboolean       ui_test_activate_shortcut (GtkWidget       *widget,
                                          guint            keyval,
                                          GdkModifierType  modifiers);

/* Delivers @keyval with @modifiers to @window's focus widget as GTK's
 * bubble phase does: the first widget from the focus up to @window
 * that has a shortcut for it (in its class's bindings or its own
 * controllers) runs it, and no other. Returns whether one did. */
gboolean       ui_test_press_key         (GtkWindow       *window,
                                          guint            keyval,
                                          GdkModifierType  modifiers);

/* Whether @label's layout starts a line inside a word, between two
 * letters or digits with no space or hyphen of its own between them:
 * Pango breaks a word that does not fit its line there, and 1.50 adds a
 * hyphen the text does not have ("Accelera-tor"). */
gboolean       ui_test_label_breaks_word (GtkLabel        *label);

/* The deepest visible widget under @widget that asks for more than
 * @width, to name in a failure. */
GtkWidget     *ui_test_widest_demand     (GtkWidget *widget,
                                          int        width);
