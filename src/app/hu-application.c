/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuApplication"

#include "config.h"

#include <glib/gi18n.h>

#include "hu-application.h"
#include "hu-core.h"
#include "hu-preferences-window.h"
#include "hu-window.h"

struct _HuApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (HuApplication, hu_application, ADW_TYPE_APPLICATION)

/**
 * hu_application_setup_environment:
 *
 * Lets a build that is not installed find its compiled GSettings schema
 * and its translations (HUELLA_LOCALEDIR), so `ninja && ./src/app/huella`
 * just works. An explicit GSETTINGS_SCHEMA_DIR always wins.
 */
void
hu_application_setup_environment (void)
{
  const char *localedir = g_getenv ("HUELLA_LOCALEDIR");

  /* The default schema source is built once, on first use, so this must
   * run before anything touches GSettings. The build tree's schema is the
   * same file as the installed one, so preferring it is harmless. */
#ifdef HU_BUILD_SCHEMA_DIR
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    {
      g_autofree char *compiled = g_build_filename (HU_BUILD_SCHEMA_DIR, "gschemas.compiled", NULL);

      if (g_file_test (compiled, G_FILE_TEST_EXISTS))
        g_setenv ("GSETTINGS_SCHEMA_DIR", HU_BUILD_SCHEMA_DIR, TRUE);
    }
#endif

  hu_core_init ();
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static HuWindow *
get_window (HuApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (hu_window_new (ADW_APPLICATION (self)));
  return HU_WINDOW (window);
}

static void
hu_application_activate (GApplication *app)
{
  HuApplication *self = HU_APPLICATION (app);
  GtkWindow *existing = gtk_application_get_active_window (GTK_APPLICATION (app));
  HuWindow *window;
  g_autoptr(GSettings) settings = NULL;
  g_auto(GStrv) recent = NULL;
  gboolean loaded = FALSE;

  if (existing != NULL)
    {
      gtk_window_present (existing);
      return;
    }

  window = get_window (self);
  settings = g_settings_new (APP_ID);
  recent = g_settings_get_strv (settings, "recent-files");

  /* After the first start, the last project; the example otherwise, so a
   * comparison shows at once. Work lost in a crash is offered on top. */
  if (!g_settings_get_boolean (settings, "first-run") && recent[0] != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[0]);

      if (g_file_query_exists (file, NULL))
        loaded = hu_window_open_file (window, file);
    }

  if (!loaded)
    hu_window_load_example (window);
  g_settings_set_boolean (settings, "first-run", FALSE);

  gtk_window_present (GTK_WINDOW (window));
  hu_window_offer_recovery (window);
}

/* A window showing nothing of the user's yet (the example, or an empty
 * new project, unchanged): opening a project there replaces nothing. */
static gboolean
is_pristine (HuWindow *window)
{
  return hu_window_get_file (window) == NULL &&
         !hu_project_get_modified (hu_window_get_project (window));
}

static gboolean
is_project_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFileInfo) info = NULL;
  const char *type;

  if (name != NULL && g_str_has_suffix (name, ".huella"))
    return TRUE;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  type = info != NULL ? g_file_info_get_content_type (info) : NULL;
  return type != NULL && g_content_type_equals (type, "application/x-huella");
}

/* `huella FILE…` and the file manager's Open With: every file is opened.
 * Projects open as GNOME Text Editor opens documents, each in its own
 * window, the first in the current one if it shows nothing of the
 * user's yet; tracker logs are imported, all at once, into the project
 * shown last (the last project given, or the current one). Only logs,
 * at start, go into a new empty project rather than into the example. */
static void
hu_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  HuWindow *current = active != NULL ? HU_WINDOW (active) : NULL;
  gboolean fresh = current == NULL;
  g_autoptr(GPtrArray) logs = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < n_files; i++)
    {
      HuWindow *window;

      if (!is_project_file (files[i]))
        {
          char *path = g_file_get_path (files[i]);

          if (path != NULL)
            g_ptr_array_add (logs, path);
          continue;
        }

      if (current != NULL && is_pristine (current))
        window = current;
      else
        window = hu_window_new (ADW_APPLICATION (app));
      /* A file that does not load is reported in its window; a new
       * window then shows a new project rather than nothing. */
      if (!hu_window_open_file (window, files[i]) && window != current)
        hu_window_new_project (window);
      gtk_window_present (GTK_WINDOW (window));
      current = window;
    }

  if (current == NULL)
    {
      current = hu_window_new (ADW_APPLICATION (app));
      hu_window_new_project (current);
    }
  gtk_window_present (GTK_WINDOW (current));

  if (logs->len > 0)
    {
      g_ptr_array_add (logs, NULL);
      hu_window_import_paths (current, (const char * const *) logs->pdata);
    }

  if (fresh)
    hu_window_offer_recovery (current);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Closing asks about unsaved changes, which quitting outright would not. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWidget *preferences = hu_preferences_window_new (gtk_application_get_active_window (app));

  gtk_window_present (GTK_WINDOW (preferences));
}

/* Adds one legal section per data source of the catalog (the table of
 * its SOURCES.md), in the user's language. */
static void
add_data_sources (AdwAboutWindow *about)
{
  g_autoptr(GPtrArray) sources = hu_data_sources_list (TRUE);

  for (guint i = 0; i < sources->len; i++)
    {
      HuDataSource *source = g_ptr_array_index (sources, i);
      /* Translators: credits of a data source in the About window */
      g_autofree char *copyright = g_markup_printf_escaped (_("%s (%s)"), source->publisher,
                                                            source->years);
      /* Translators: licence of a data source, then what Huella uses it for */
      g_autofree char *text = g_markup_printf_escaped (_("Licence: %s.\nUsed for: %s."),
                                                       source->licence, source->used_for);

      adw_about_window_add_legal_section (about, source->dataset, copyright,
                                          GTK_LICENSE_CUSTOM, text);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _("The Huella authors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", "Huella",
                        "application-icon", APP_ID,
                        "developer-name", _("The Huella authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan the energy and carbon footprint of training "
                                      "machine-learning models before renting GPUs."),
                        "website", "https://github.com/huella/huella",
                        "issue-url", "https://github.com/huella/huella/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2025 The Huella authors",
                        "developers", developers,
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  add_data_sources (ADW_ABOUT_WINDOW (about));
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_action, NULL, NULL, NULL, { 0 } },
  { "about", about_action, NULL, NULL, NULL, { 0 } },
};

static void
hu_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  /* GtkApplication set this key itself for gtk/help-overlay.ui; our own
   * shortcuts window (HuShortcutsWindow) keeps it. */
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (hu_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         shortcuts_accels);
}

static void
hu_application_class_init (HuApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = hu_application_startup;
  app_class->activate = hu_application_activate;
  app_class->open = hu_application_open;
}

static void
hu_application_init (HuApplication *self)
{
}

HuApplication *
hu_application_new (void)
{
  return g_object_new (HU_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
