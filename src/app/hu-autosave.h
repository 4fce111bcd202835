/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *hu_autosave_path     (GFile        *file);
gboolean  hu_autosave_write    (GFile        *file,
                                const char   *data,
                                gsize         length,
                                GError      **error);
void      hu_autosave_remove   (GFile        *file);
GPtrArray *hu_autosave_find_all (void);
GFile    *hu_autosave_get_source (const char *path);
void      hu_autosave_discard  (const char   *path);

G_END_DECLS
