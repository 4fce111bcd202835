/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The keyboard shortcuts window (issue 10, item 10): GTK 4.8's
 * GtkShortcutsWindow was some 700 px wide on a 360 px phone, so the app
 * has its own. It lists exactly the keys the application has, opens
 * from Ctrl+? and the menu's action, closes with Escape and fits 360 px.
 * meson runs this program in English and again in Spanish. */

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "hu-application.h"
#include "hu-shortcuts-window.h"
#include "hu-window.h"
#include "ui-test-helpers.h"

static HuApplication *app;

/* A window of the registered application (whose startup sets its
 * accelerators), on the example. */
static HuWindow *
new_app_window (int width)
{
  HuWindow *window = hu_window_new (ADW_APPLICATION (app));

  g_assert_true (hu_window_load_example (window));
  gtk_window_set_default_size (GTK_WINDOW (window), width, 720);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (window)) == width, 10);
  iterate (300);
  return window;
}

static GtkWidget *
find_shortcuts_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (HU_IS_SHORTCUTS_WINDOW (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        found = GTK_WIDGET (item);
    }
  return found;
}

/* "<Control>question" and "<Ctrl>question" alike. */
static char *
canonical (const char *accelerator)
{
  guint key;
  GdkModifierType mods;

  g_assert_true (gtk_accelerator_parse (accelerator, &key, &mods));
  return gtk_accelerator_name (key, mods);
}

/* accelerator → title of every row of @window. */
static void
collect_listed (GtkWidget  *widget,
                GHashTable *listed)
{
  if (ADW_IS_ACTION_ROW (widget))
    {
      GtkWidget *label = find_widget (widget, is_type, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUT_LABEL));
      char *accelerator;

      g_assert_nonnull (label);
      accelerator = canonical (gtk_shortcut_label_get_accelerator (GTK_SHORTCUT_LABEL (label)));
      /* No key listed twice. */
      g_assert_false (g_hash_table_contains (listed, accelerator));
      g_hash_table_insert (listed, accelerator,
                           g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_listed (child, listed);
}

/* accelerator → action of every key the application has: its own
 * accelerators (gtk_application_get_accels_for_action()) and the named
 * actions of the window's key bindings. */
static GHashTable *
real_accelerators (HuWindow *window)
{
  GHashTable *real = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                     actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        g_hash_table_insert (real, canonical (accels[j]), g_strdup (actions[i]));
    }

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          /* GtkWindow's own (focus moves, the inspector) are signals,
           * not the application's actions. */
          if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (action))
            continue;
          g_hash_table_insert (real,
                               gtk_accelerator_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                                     gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))),
                               g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action))));
        }
    }
  return real;
}

/* Every key listed is one the application has, and every key it has is
 * listed; Ctrl+? (the application's accelerator for the menu's
 * win.show-help-overlay) opens the window and Escape closes it. */
static void
test_accelerators (void)
{
  HuWindow *window = new_app_window (1200);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) real = real_accelerators (window);
  g_auto(GStrv) help_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                      "win.show-help-overlay");
  GHashTableIter iter;
  gpointer key, value;
  GtkWidget *shortcuts;

  g_assert_cmpstr (help_accels[0], ==, "<Control>question");
  g_assert_null (find_shortcuts_window ());
  /* The key as the window's application shortcuts deliver it. */
  g_assert_true (ui_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_question,
                                            GDK_CONTROL_MASK));
  iterate (200);
  shortcuts = find_shortcuts_window ();
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (shortcuts)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (shortcuts)));

  collect_listed (shortcuts, listed);
  g_assert_cmpuint (g_hash_table_size (listed), ==, 22);
  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (real, key))
      g_error ("the window lists %s (\"%s\"), a key the application does not have",
               (char *) key, (char *) value);
  g_hash_table_iter_init (&iter, real);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (listed, key))
      g_error ("%s (%s) is missing from the window", (char *) key, (char *) value);

  /* A few by what they do, so a key moved to another action shows. */
  g_assert_cmpstr (g_hash_table_lookup (real, "<Control>e"), ==, "win.export");
  g_assert_cmpstr (g_hash_table_lookup (listed, "<Control>e"), ==,
                   C_("shortcut window", "Export a report"));
  g_assert_cmpstr (g_hash_table_lookup (real, "<Shift><Control>m"), ==, "win.add-known-model");
  g_assert_cmpstr (g_hash_table_lookup (listed, "<Shift><Control>m"), ==,
                   C_("shortcut window", "Add a known model"));
  g_assert_cmpstr (g_hash_table_lookup (real, "<Control>q"), ==, "app.quit");
  g_assert_cmpstr (g_hash_table_lookup (listed, "<Control>q"), ==, C_("shortcut window", "Quit"));

  g_assert_true (ui_test_press_key (GTK_WINDOW (shortcuts), GDK_KEY_Escape, 0));
  iterate (200);
  g_assert_null (find_shortcuts_window ());

  destroy_window (window);
}

/* A Match for a label with an ellipsized or word-breaking layout. */
static gboolean
is_cut_label (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))) ||
          ui_test_label_breaks_word (GTK_LABEL (widget)));
}

/* Opened from a 360 px window, through the menu's action, it asks for no
 * more than 360 px, opens no wider, and reads whole: no title cut short
 * and no word broken over two lines. */
static void
test_fits_360 (void)
{
  HuWindow *window = new_app_window (360);
  GtkWidget *shortcuts, *content, *cut;
  int minimum;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  iterate (200);
  shortcuts = find_shortcuts_window ();
  g_assert_nonnull (shortcuts);
  WAIT_UNTIL (gtk_widget_get_width (shortcuts) > 0, 10);
  iterate (300);

  /* Its content: the window's own measure counts its client-side shadow,
   * which a phone's shell (maximized windows) never shows. */
  content = gtk_widget_get_first_child (shortcuts);
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > 360)
    g_error ("the shortcuts window asks for %d px: %s", minimum,
             G_OBJECT_TYPE_NAME (ui_test_widest_demand (content, 360)));
  g_assert_cmpint (gtk_widget_get_width (shortcuts), <=, 360);

  cut = find_widget (shortcuts, is_cut_label, NULL);
  if (cut != NULL)
    g_error ("\"%s\" is cut at %d px", gtk_label_get_label (GTK_LABEL (cut)),
             gtk_widget_get_width (cut));

  gtk_window_destroy (GTK_WINDOW (shortcuts));
  destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  ui_test_init (&argc, &argv);
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "es") == 0)
    g_assert_cmpstr (C_("shortcut window", "Quit"), ==, "Salir");

  /* Registered (its startup sets the accelerators), never run; no
   * session bus under xvfb-run, so not unique. */
  app = hu_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/huella/ui/shortcuts/accelerators", test_accelerators);
  g_test_add_func ("/huella/ui/shortcuts/fits-360", test_fits_360);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
