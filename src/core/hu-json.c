/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hu-json-private.h"
#include "hu-number.h"

G_DEFINE_QUARK (hu-json-error-quark, _hu_json_error)
#define HU_JSON_ERROR (_hu_json_error_quark ())

static const char *
type_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY:  return _("an array");
    case JSON_NODE_NULL:   return "null";
    case JSON_NODE_VALUE:
    default:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return _("a string");
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        return _("a boolean");
      return _("a number");
    }
}

static gboolean
is_number (JsonNode *node)
{
  GType t;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  t = json_node_get_value_type (node);
  return t == G_TYPE_INT64 || t == G_TYPE_DOUBLE;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_object (JsonNode *node)
{
  return JSON_NODE_HOLDS_OBJECT (node);
}

static gboolean
is_array (JsonNode *node)
{
  return JSON_NODE_HOLDS_ARRAY (node);
}

/* The one lookup behind every getter: *@out is the member, or NULL when it
 * is absent or null (an error only if @required); a member of the wrong
 * kind is an error naming the key and both kinds. */
static gboolean
get_member (JsonObject   *object,
            const char   *key,
            gboolean      required,
            gboolean    (*is_kind) (JsonNode *node),
            const char   *kind,
            JsonNode    **out,
            GError      **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!required)
        return TRUE;
      g_set_error (error, HU_JSON_ERROR, 0, _("%s: missing"), key);
      return FALSE;
    }
  if (!is_kind (node))
    {
      /* TRANSLATORS: key, what was expected ("a number"), what was found */
      g_set_error (error, HU_JSON_ERROR, 0, _("%s: expected %s, found %s"),
                   key, kind, type_name (node));
      return FALSE;
    }
  *out = node;
  return TRUE;
}

gboolean
_hu_json_get_string (JsonObject  *object,
                     const char  *key,
                     gboolean     required,
                     char       **out,
                     GError     **error)
{
  JsonNode *node;

  if (!get_member (object, key, required, is_string, _("a string"), &node, error))
    return FALSE;
  if (node != NULL)
    {
      g_free (*out);
      *out = g_strdup (json_node_get_string (node));
    }
  return TRUE;
}

gboolean
_hu_json_get_double (JsonObject  *object,
                     const char  *key,
                     double       minimum,
                     gboolean     required,
                     double      *out,
                     GError     **error)
{
  JsonNode *node;
  double value;

  *out = NAN;
  if (!get_member (object, key, required, is_number, _("a number"), &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  value = json_node_get_double (node);
  if (!isfinite (value) || value < minimum)
    {
      g_autofree char *text = hu_number_to_string (value);
      g_set_error (error, HU_JSON_ERROR, 0, _("%s: %s is out of range"), key, text);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
_hu_json_get_int (JsonObject  *object,
                  const char  *key,
                  int         *out,
                  GError     **error)
{
  JsonNode *node;
  double value;

  if (!get_member (object, key, FALSE, is_number, _("a number"), &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  value = json_node_get_double (node);
  if (value != floor (value) || fabs (value) > G_MAXINT)
    {
      g_set_error (error, HU_JSON_ERROR, 0, _("%s: expected a whole number"), key);
      return FALSE;
    }
  *out = (int) value;
  return TRUE;
}

gboolean
_hu_json_get_object (JsonObject  *object,
                     const char  *key,
                     JsonObject **out,
                     GError     **error)
{
  JsonNode *node;

  *out = NULL;
  if (!get_member (object, key, FALSE, is_object, _("an object"), &node, error))
    return FALSE;
  if (node != NULL)
    *out = json_node_get_object (node);
  return TRUE;
}

gboolean
_hu_json_get_array (JsonObject  *object,
                    const char  *key,
                    JsonArray  **out,
                    GError     **error)
{
  JsonNode *node;

  *out = NULL;
  if (!get_member (object, key, FALSE, is_array, _("an array"), &node, error))
    return FALSE;
  if (node != NULL)
    *out = json_node_get_array (node);
  return TRUE;
}

void
_hu_json_add_string (JsonBuilder *builder,
                     const char  *key,
                     const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
_hu_json_add_double (JsonBuilder *builder,
                     const char  *key,
                     double       value)
{
  json_builder_set_member_name (builder, key);
  if (!isfinite (value))
    json_builder_add_null_value (builder);
  else if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

void
_hu_json_add_int (JsonBuilder *builder,
                  const char  *key,
                  gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

void
_hu_json_add_null (JsonBuilder *builder,
                   const char  *key)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_null_value (builder);
}

/**
 * _hu_json_parse:
 *
 * Parses @data, turning json-glib's "<data>:3:14: Parse error: …" into
 * "@display_name:3:14: …" so the user learns the file, line and column.
 */
JsonNode *
_hu_json_parse (const char  *data,
                gsize        length,
                const char  *display_name,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, HU_JSON_ERROR, 0, _("%s: not valid UTF-8 text"), display_name);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      const char *msg = local_error->message;
      if (g_str_has_prefix (msg, "<data>"))
        msg += strlen ("<data>");
      else if (*msg != ':')
        {
          g_set_error (error, HU_JSON_ERROR, 0, "%s: %s", display_name, msg);
          return NULL;
        }
      g_set_error (error, HU_JSON_ERROR, 0, "%s%s", display_name, msg);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, HU_JSON_ERROR, 0, _("%s: the file is empty"), display_name);
      return NULL;
    }
  return json_node_ref (root);
}

static void
write_string (GString    *out,
              const char *s)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) s; *p; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     depth);

static void
write_indent (GString *out,
              guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     depth)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append_c (out, '{');
        for (GList *l = members; l; l = l->next)
          {
            write_indent (out, depth + 1);
            write_string (out, l->data);
            g_string_append (out, ": ");
            write_node (out, json_object_get_member (object, l->data), depth + 1);
            if (l->next)
              g_string_append_c (out, ',');
          }
        write_indent (out, depth);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            write_indent (out, depth + 1);
            write_node (out, json_array_get_element (array, i), depth + 1);
            if (i + 1 < n)
              g_string_append_c (out, ',');
          }
        write_indent (out, depth);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      {
        GType t = json_node_get_value_type (node);

        if (t == G_TYPE_STRING)
          write_string (out, json_node_get_string (node));
        else if (t == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        else if (t == G_TYPE_INT64)
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else
          {
            double d = json_node_get_double (node);
            g_autofree char *text = hu_number_to_string (d);
            g_string_append (out, isfinite (d) ? text : "null");
          }
      }
      break;
    }
}

/**
 * _hu_json_to_data:
 *
 * Pretty JSON with the shortest exact form of every number ("0.4", not
 * json-glib 1.6's "0.40000000000000002"), C locale, members in insertion
 * order, UTF-8 kept as is, a final newline.
 */
char *
_hu_json_to_data (JsonNode *root,
                  gsize    *length)
{
  GString *out = g_string_new (NULL);

  write_node (out, root, 0);
  g_string_append_c (out, '\n');
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

int
_hu_strv_compare (gconstpointer a,
                  gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}
