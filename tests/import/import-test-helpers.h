/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gstdio.h>

#include "hu-import.h"

/* A temporary folder for the files a test writes, removed with them
 * afterwards (the importers read real files, not strings). */
typedef struct {
  char *dir;
} Fixture;

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("huella-import-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* Writes @len bytes of @data (-1: up to its NUL) to @name in the
 * fixture's folder; returns the file's path. */
static inline char *
write_file (Fixture    *f,
            const char *name,
            const char *data,
            gssize      len)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

/* Imports @path, which must succeed; @tracker NULL lets the importer
 * recognise the format. */
static inline HuImportResult *
import_ok (const char *path,
           const char *tracker)
{
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  HuImportResult *result = NULL;

  g_assert_true (hu_import_paths (paths, tracker, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}
