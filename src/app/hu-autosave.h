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
char     *hu_autosave_find     (GFile       **source);
void      hu_autosave_discard  (const char   *path);

G_END_DECLS
