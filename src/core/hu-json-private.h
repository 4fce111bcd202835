/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "hu-json.h"

G_BEGIN_DECLS

GQuark    _hu_json_error_quark (void);

/* Typed getters for JSON members. A missing member or null leaves the
 * default (NULL / NAN / 0) unless @required; a member of the wrong type is
 * an error naming the key, so a file's mistakes are reported, not
 * guessed around. */
gboolean  _hu_json_get_string  (JsonObject   *object,
                                const char   *key,
                                gboolean      required,
                                char        **out,
                                GError      **error);
gboolean  _hu_json_get_double  (JsonObject   *object,
                                const char   *key,
                                double        minimum,
                                gboolean      required,
                                double       *out,
                                GError      **error);
gboolean  _hu_json_get_int     (JsonObject   *object,
                                const char   *key,
                                int          *out,
                                GError      **error);
gboolean  _hu_json_get_object  (JsonObject   *object,
                                const char   *key,
                                JsonObject  **out,
                                GError      **error);
gboolean  _hu_json_get_array   (JsonObject   *object,
                                const char   *key,
                                JsonArray   **out,
                                GError      **error);

/* The writers are public (hu-json.h); the core's files call them by
 * their older private names. */
#define _hu_json_add_string hu_json_add_string
#define _hu_json_add_double hu_json_add_double
#define _hu_json_add_int    hu_json_add_int
#define _hu_json_add_null   hu_json_add_null
#define _hu_json_to_data    hu_json_to_string
#define _hu_json_append     hu_json_append

/* A copy of @node down to its leaves: json_node_copy() shares the
 * objects, arrays and values below, with reference counts that are not
 * atomic, so only a deep copy may go to another thread. */
JsonNode *_hu_json_node_deep_copy (JsonNode *node);

/* Deepest nesting of arrays and objects any reader accepts. json-glib's
 * parser and the writers recurse once per level, so a document of 100,000
 * '[' would overflow the stack; real files nest fewer than ten levels. */
#define HU_JSON_MAX_DEPTH 512

gboolean  _hu_json_check_depth (const char   *data,
                                gsize         length,
                                guint         max_depth,
                                guint        *line,
                                guint        *depth);

JsonNode *_hu_json_parse       (const char   *data,
                                gsize         length,
                                const char   *display_name,
                                GError      **error);
void      _hu_json_append_string (GString    *out,
                                const char   *text);
void      _hu_json_append_key  (GString      *out,
                                const char   *key,
                                gboolean      first,
                                guint         depth);
void      _hu_json_append_double (GString    *out,
                                double        value);
int       _hu_strv_compare     (gconstpointer a,
                                gconstpointer b);

gboolean  _hu_json_prescan       (const char  *data,
                                  gsize        length,
                                  const char  *display_name,
                                  char       **rewritten,
                                  GError     **error);

/* The longest title, name or id a project may hold, in characters. */
#define HU_NAME_MAX_CHARS 1000

gboolean  _hu_json_check_name    (const char  *key,
                                  const char  *value,
                                  GError     **error);
char     *_hu_cap_name           (const char  *value);

G_END_DECLS
