/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hu-application.h"
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
