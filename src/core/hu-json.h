/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Writing JSON the way Huella's files and machine outputs are written, for
 * the CLI and anyone else who adds to a document the core builds. */

/* A member holding @value, or null when @value is NULL. */
void      hu_json_add_string  (JsonBuilder  *builder,
                               const char   *key,
                               const char   *value);
/* A member holding @value, or null when it is not finite (JSON has no
 * NaN); written later in its shortest exact form. */
void      hu_json_add_double  (JsonBuilder  *builder,
                               const char   *key,
                               double        value);
void      hu_json_add_int     (JsonBuilder  *builder,
                               const char   *key,
                               gint64        value);
void      hu_json_add_null    (JsonBuilder  *builder,
                               const char   *key);

/* Pretty JSON text of @root: shortest exact numbers in the C locale,
 * members in insertion order, UTF-8 as is, a final newline. */
char     *hu_json_to_string   (JsonNode     *root,
                               gsize        *length);
/* @node as hu_json_to_string() writes it where it sits @depth levels deep
 * in a document written piece by piece (its lines indented by 2 × @depth
 * more), without a final newline. */
void      hu_json_append      (GString      *out,
                               JsonNode     *node,
                               guint         depth);

G_END_DECLS
