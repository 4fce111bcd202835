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
hu_json_add_string (JsonBuilder *builder,
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
hu_json_add_double (JsonBuilder *builder,
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
hu_json_add_int (JsonBuilder *builder,
                 const char  *key,
                 gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

void
hu_json_add_null (JsonBuilder *builder,
                  const char  *key)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_null_value (builder);
}

/**
 * _hu_json_check_depth:
 * @data: the document, not necessarily valid JSON
 * @length: its length in bytes
 * @max_depth: the deepest nesting allowed
 * @line: (out): the 1-based line where the nesting first went too deep
 * @depth: (out): the depth reached there (@max_depth + 1)
 *
 * Streams once over @data counting the '[' and '{' that are not inside
 * strings (escapes included), without allocating. It runs before json-glib
 * sees a document, because json-glib recurses once per level. A malformed
 * document is left for the parser to report.
 *
 * Returns: %TRUE if the nesting never goes deeper than @max_depth
 */
gboolean
_hu_json_check_depth (const char *data,
                      gsize       length,
                      guint       max_depth,
                      guint      *line,
                      guint      *depth)
{
  gboolean in_string = FALSE;
  guint level = 0;
  guint lines = 1;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        lines++;
      if (in_string)
        {
          if (c == '\\')
            {
              /* The escaped character cannot end the string; a newline
               * there is still counted as a line. */
              if (i + 1 < length && data[i + 1] == '\n')
                lines++;
              i++;
            }
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++level > max_depth)
            {
              if (line)
                *line = lines;
              if (depth)
                *depth = level;
              return FALSE;
            }
          break;
        case ']':
        case '}':
          if (level > 0)
            level--;
          break;
        default:
          break;
        }
    }
  return TRUE;
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
  g_autofree char *rewritten = NULL;
  JsonNode *root;
  guint line, depth;

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, HU_JSON_ERROR, 0, _("%s: not valid UTF-8 text"), display_name);
      return NULL;
    }
  if (!_hu_json_check_depth (data, length, HU_JSON_MAX_DEPTH, &line, &depth))
    {
      /* TRANSLATORS: file:line: …; the number is the most levels allowed */
      g_set_error (error, HU_JSON_ERROR, 0, _("%s:%u: arrays and objects nested deeper than %u levels"),
                   display_name, line, HU_JSON_MAX_DEPTH);
      return NULL;
    }
  if (!_hu_json_prescan (data, length, display_name, &rewritten, error))
    return NULL;
  if (rewritten != NULL)
    {
      data = rewritten;
      length = strlen (rewritten);
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
  const guchar *p = (const guchar *) s;

  g_string_append_c (out, '"');
  while (*p)
    {
      const guchar *plain = p;

      /* Most text needs no escape: copied a span at a time. */
      while (*p >= 0x20 && *p != '"' && *p != '\\')
        p++;
      if (p > plain)
        g_string_append_len (out, (const char *) plain, p - plain);
      if (*p == '\0')
        break;
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          g_string_append_printf (out, "\\u%04x", *p);
        }
      p++;
    }
  g_string_append_c (out, '"');
}

static void
write_indent (GString *out,
              guint    depth)
{
  static const char spaces[] = "\n                                ";

  if (depth * 2 < sizeof spaces - 1)
    {
      g_string_append_len (out, spaces, 1 + depth * 2);
      return;
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
write_scalar (GString  *out,
              JsonNode *node)
{
  GType t;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      g_string_append (out, "null");
      return;
    }
  t = json_node_get_value_type (node);
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

/* One open array or object while writing. */
typedef struct {
  JsonNode       *node;
  JsonObjectIter  iter;    /* objects: in insertion order */
  guint           index;   /* the member or element to write next */
} Frame;

/* Opens @node's container (or writes it whole if it is a scalar or
 * empty); returns TRUE if a frame was pushed. */
static gboolean
open_node (GString  *out,
           GArray   *stack,
           JsonNode *node)
{
  Frame frame = { .node = node };

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (json_object_get_size (object) == 0)
        {
          g_string_append (out, "{}");
          return FALSE;
        }
      json_object_iter_init_ordered (&frame.iter, object);
      g_string_append_c (out, '{');
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      if (json_array_get_length (json_node_get_array (node)) == 0)
        {
          g_string_append (out, "[]");
          return FALSE;
        }
      g_string_append_c (out, '[');
    }
  else
    {
      write_scalar (out, node);
      return FALSE;
    }
  g_array_append_val (stack, frame);
  return TRUE;
}

/* Iterative, with its own stack on the heap: a tree of any depth (an
 * unknown member kept from a file, a node built in code) is written without
 * recursing, so it cannot overflow the C stack. */
static void
write_node (GString  *out,
            JsonNode *root,
            guint     base)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Frame));

  open_node (out, stack, root);
  while (stack->len > 0)
    {
      Frame *top = &g_array_index (stack, Frame, stack->len - 1);
      guint depth = base + stack->len;
      JsonNode *child = NULL;

      if (JSON_NODE_HOLDS_OBJECT (top->node))
        {
          const char *name;
          JsonNode *member;

          if (json_object_iter_next_ordered (&top->iter, &name, &member))
            {
              if (top->index++ > 0)
                g_string_append_c (out, ',');
              write_indent (out, depth);
              write_string (out, name);
              g_string_append (out, ": ");
              child = member;
            }
        }
      else
        {
          JsonArray *array = json_node_get_array (top->node);

          if (top->index < json_array_get_length (array))
            {
              if (top->index > 0)
                g_string_append_c (out, ',');
              write_indent (out, depth);
              child = json_array_get_element (array, top->index++);
            }
        }

      if (child != NULL)
        {
          /* @top may move when the stack grows. */
          open_node (out, stack, child);
          continue;
        }

      write_indent (out, depth - 1);
      g_string_append_c (out, JSON_NODE_HOLDS_OBJECT (top->node) ? '}' : ']');
      g_array_set_size (stack, stack->len - 1);
    }
}

/**
 * hu_json_to_string:
 *
 * Pretty JSON with the shortest exact form of every number ("0.4", not
 * json-glib 1.6's "0.40000000000000002"), C locale, members in insertion
 * order, UTF-8 kept as is, a final newline.
 */
char *
hu_json_to_string (JsonNode *root,
                   gsize    *length)
{
  GString *out = g_string_new (NULL);

  write_node (out, root, 0);
  g_string_append_c (out, '\n');
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

JsonNode *
_hu_json_node_deep_copy (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *from = json_node_get_object (node);
        g_autoptr(JsonObject) to = json_object_new ();
        JsonObjectIter iter;
        const char *key;
        JsonNode *member;

        json_object_iter_init_ordered (&iter, from);
        while (json_object_iter_next_ordered (&iter, &key, &member))
          json_object_set_member (to, key, _hu_json_node_deep_copy (member));
        return json_node_init_object (json_node_alloc (), to);
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *from = json_node_get_array (node);
        g_autoptr(JsonArray) to = json_array_sized_new (json_array_get_length (from));

        for (guint i = 0; i < json_array_get_length (from); i++)
          json_array_add_element (to, _hu_json_node_deep_copy (json_array_get_element (from, i)));
        return json_node_init_array (json_node_alloc (), to);
      }
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          return json_node_init_int (json_node_alloc (), json_node_get_int (node));
        case G_TYPE_DOUBLE:
          return json_node_init_double (json_node_alloc (), json_node_get_double (node));
        case G_TYPE_BOOLEAN:
          return json_node_init_boolean (json_node_alloc (), json_node_get_boolean (node));
        case G_TYPE_STRING:
          return json_node_init_string (json_node_alloc (), json_node_get_string (node));
        default:
          g_assert_not_reached ();
        }
    case JSON_NODE_NULL:
    default:
      return json_node_init_null (json_node_alloc ());
    }
}

void
hu_json_append (GString  *out,
                JsonNode *node,
                guint     depth)
{
  write_node (out, node, depth);
}

/* A member's name at @depth, after a comma unless it is the first: what
 * _hu_json_append() writes before each member of an object. */
void
_hu_json_append_key (GString    *out,
                     const char *key,
                     gboolean    first,
                     guint       depth)
{
  if (!first)
    g_string_append_c (out, ',');
  write_indent (out, depth);
  write_string (out, key);
  g_string_append (out, ": ");
}

/* @value as hu_json_add_double() stores it and hu_json_to_string() writes
 * it: null, an integer, or the shortest exact number. */
void
_hu_json_append_double (GString *out,
                        double   value)
{
  if (!isfinite (value))
    g_string_append (out, "null");
  else if (value == floor (value) && fabs (value) < 1e15)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
  else
    {
      g_autofree char *text = hu_number_to_string (value);
      g_string_append (out, text);
    }
}

/* @text as a JSON string, quoted and escaped as hu_json_to_string(). */
void
_hu_json_append_string (GString    *out,
                        const char *text)
{
  if (text == NULL)
    g_string_append (out, "null");
  else
    write_string (out, text);
}

int
_hu_strv_compare (gconstpointer a,
                  gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}
