/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuAutosave"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <string.h>

#include "hu-autosave.h"
#include "hu-core.h"

/*
 * Recovery files: every open project, saved or untitled, has its own,
 * $XDG_STATE_HOME/huella/recovery/KEY.huella, written a few seconds after
 * each change (by the window) with the core's safe writer. KEY is a hash
 * of the project file's URI, or "untitled"; KEY.source holds the URI, so
 * that recovered work goes back to its file — and only when the user
 * saves: the user's file is never written by autosave.
 */

static char *
recovery_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "huella", "recovery", NULL);
}

static char *
key_for (GFile *file)
{
  g_autofree char *uri = NULL;

  if (file == NULL)
    return g_strdup ("untitled");
  uri = g_file_get_uri (file);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
}

/**
 * hu_autosave_path:
 * @file: (nullable): the project's file, %NULL while untitled
 *
 * Returns: the recovery file kept for @file's unsaved changes
 */
char *
hu_autosave_path (GFile *file)
{
  g_autofree char *dir = recovery_dir ();
  g_autofree char *key = key_for (file);
  g_autofree char *name = g_strconcat (key, ".huella", NULL);

  return g_build_filename (dir, name, NULL);
}

static char *
source_path (const char *path)
{
  g_autofree char *stem = g_strndup (path, strlen (path) - strlen (".huella"));
  return g_strconcat (stem, ".source", NULL);
}

gboolean
hu_autosave_write (GFile       *file,
                   const char  *data,
                   gsize        length,
                   GError     **error)
{
  g_autofree char *dir = recovery_dir ();
  g_autofree char *path = hu_autosave_path (file);

  g_mkdir_with_parents (dir, 0700);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *source = source_path (path);
      if (!hu_file_write_atomic (source, uri, strlen (uri), error))
        return FALSE;
    }
  return hu_file_write_atomic (path, data, length, error);
}

void
hu_autosave_discard (const char *path)
{
  g_autofree char *source = source_path (path);

  g_unlink (path);
  g_unlink (source);
}

/* Nothing left to recover for @file: it was saved, or closed unchanged. */
void
hu_autosave_remove (GFile *file)
{
  g_autofree char *path = hu_autosave_path (file);

  hu_autosave_discard (path);
}

typedef struct {
  char   *path;
  gint64  mtime;
} Found;

static void
found_free (Found *f)
{
  g_free (f->path);
  g_free (f);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const Found *fa = *(Found * const *) a;
  const Found *fb = *(Found * const *) b;

  if (fa->mtime != fb->mtime)
    return fa->mtime > fb->mtime ? -1 : 1;
  return strcmp (fa->path, fb->path);
}

/**
 * hu_autosave_find_all:
 *
 * Every recovery file left by sessions that did not close normally: one
 * per project that had unsaved changes (several windows, several
 * projects), not only the newest.
 *
 * Returns: (transfer full) (element-type utf8): their paths, newest first
 */
GPtrArray *
hu_autosave_find_all (void)
{
  g_autofree char *dir = recovery_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) found_free);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)))
    {
      g_autofree char *path = NULL;
      GStatBuf st;
      Found *f;

      /* The writer's own temporary files start with a dot. */
      if (name[0] == '.' || !g_str_has_suffix (name, ".huella"))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      f = g_new0 (Found, 1);
      f->path = g_steal_pointer (&path);
      f->mtime = st.st_mtime;
      g_ptr_array_add (found, f);
    }
  g_ptr_array_sort (found, newest_first);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (paths, g_steal_pointer (&((Found *) found->pdata[i])->path));
  return paths;
}

/**
 * hu_autosave_get_source:
 * @path: a recovery file
 *
 * Returns: (transfer full) (nullable): the project file its changes
 *   belong to, %NULL for untitled work
 */
GFile *
hu_autosave_get_source (const char *path)
{
  g_autofree char *source_file = source_path (path);
  g_autofree char *uri = NULL;

  if (g_file_get_contents (source_file, &uri, NULL, NULL) && *uri != '\0')
    return g_file_new_for_uri (uri);
  return NULL;
}
