/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <math.h>
#include <string.h>

#include "hu-json-private.h"

/* Where the scan is: one frame per open object or array. */
typedef struct {
  gboolean    object;
  gboolean    expect_key;
  guint       index;
  char       *key;
  GHashTable *keys;     /* of an object with more than one member */
} Frame;

/* scan_string()'s code for an escape JSON does not allow, plus the
 * character after the backslash: above every Unicode code point. */
#define INVALID_ESCAPE 0x110000

static void
frame_clear (gpointer data)
{
  Frame *frame = data;
  g_free (frame->key);
  g_clear_pointer (&frame->keys, g_hash_table_unref);
}

/* "scenarios[0].name": the member a person looks for in the file. */
static char *
frames_to_path (GArray *stack)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < stack->len; i++)
    {
      Frame *frame = &g_array_index (stack, Frame, i);

      if (!frame->object)
        g_string_append_printf (path, "[%u]", frame->index);
      else if (frame->key != NULL && !frame->expect_key)
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append (path, frame->key);
        }
    }
  if (path->len == 0)
    g_string_append (path, _("the document"));
  return g_string_free (path, FALSE);
}

static int
hex4 (const char *p,
      const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);
      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* Returns the end of the string that starts after @p's quote, or where
 * a bad escape is (*code set to it). */
static const char *
scan_string (const char  *p,
             const char  *end,
             guint       *line,
             int         *code)
{
  for (; p < end && *p != '"'; p++)
    {
      if (*p == '\n')
        (*line)++;
      if (*p != '\\')
        continue;
      if (++p >= end)
        break;
      /* JSON knows these escapes only; json-glib 1.6 also reads "\200"
       * as an octal byte, which is not UTF-8: such a file would load
       * and then save to one that never opens again. */
      if (*p == '\0' || strchr ("\"\\/bfnrtu", *p) == NULL)
        {
          *code = INVALID_ESCAPE + (guchar) *p;
          return p;
        }
      if (*p != 'u' || (*code = hex4 (p + 1, end)) < 0)
        continue;
      p += 4;
      if (*code >= 0xD800 && *code <= 0xDBFF && end - p > 6 &&
          p[1] == '\\' && p[2] == 'u' &&
          hex4 (p + 3, end) >= 0xDC00 && hex4 (p + 3, end) <= 0xDFFF)
        {
          p += 6;
          continue;
        }
      if (*code == 0 || (*code >= 0xD800 && *code <= 0xDFFF))
        return p;
    }
  *code = -1;
  return p;
}

/**
 * _hu_json_prescan:
 * @display_name: the file's name for messages
 * @rewritten: (out): a copy of @data to parse instead, or %NULL
 *
 * Checks the raw text for what json-glib 1.6 reads wrongly without a
 * word, so that what loads saves to a file that loads to the same values:
 *
 * - a UTF-16 surrogate escape that is not half of a pair ("\ud800x"
 *   becomes invalid UTF-8 and eats the "x": the file saves but never
 *   opens again) and "\u0000" ("a\u0000b" comes back as "a"): refused;
 * - a member twice in one object (json-glib keeps the last): refused,
 *   since either choice would silently drop what the user wrote;
 * - a number beyond the range of a double (1e400 becomes infinity):
 *   refused, naming the number as written;
 * - a whole number too long for 64 bits (json-glib turns
 *   99999999999999999999999 into -1): read as the decimal number it is,
 *   by giving the parser a copy with ".0" after it.
 *
 * Every refusal names the file, the line and the member
 * ("scenarios[1].name"). Malformed documents are left for the parser;
 * the depth is bounded by _hu_json_check_depth(), which runs first.
 */
gboolean
_hu_json_prescan (const char  *data,
                  gsize        length,
                  const char  *display_name,
                  char       **rewritten,
                  GError     **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  g_autoptr(GString) copy = NULL;
  const char *copied = data;    /* data before this is in @copy */
  const char *end = data + length;
  guint line = 1;

  *rewritten = NULL;
  g_array_set_clear_func (stack, frame_clear);

  for (const char *p = data; p < end; p++)
    {
      Frame *top = stack->len ? &g_array_index (stack, Frame, stack->len - 1) : NULL;

      switch (*p)
        {
        case '\n':
          line++;
          break;
        case '{':
        case '[':
          {
            Frame frame = { *p == '{', *p == '{', 0, NULL, NULL };
            g_array_append_val (stack, frame);
          }
          break;
        case '}':
        case ']':
          if (stack->len > 0)
            g_array_set_size (stack, stack->len - 1);
          break;
        case ',':
          if (top && top->object)
            top->expect_key = TRUE;
          else if (top)
            top->index++;
          break;
        case ':':
          if (top && top->object)
            top->expect_key = FALSE;
          break;
        case '"':
          {
            gboolean is_key = top && top->object && top->expect_key;
            const char *start = p + 1;
            int code = -1;

            p = scan_string (start, end, &line, &code);
            if (code >= 0)
              {
                g_autofree char *path = NULL;

                /* A bad member name: the path ends at its object. */
                if (is_key)
                  g_clear_pointer (&top->key, g_free);
                path = frames_to_path (stack);
                if (is_key)
                  {
                    g_autofree char *object_path = g_steal_pointer (&path);
                    /* TRANSLATORS: "scenarios[0]: a member name" */
                    path = g_strdup_printf (_("%s: a member name"), object_path);
                  }
                if (code >= INVALID_ESCAPE)
                  {
                    guchar c = code - INVALID_ESCAPE;
                    g_autofree char *shown = g_ascii_isprint (c) ? g_strdup_printf ("\\%c", c)
                                                                 : g_strdup_printf ("\\x%02X", c);

                    /* TRANSLATORS: %s:%u is file:line, the next %s the member, the last the escape */
                    g_set_error (error, _hu_json_error_quark (), 0,
                                 _("%s:%u: %s: the text holds “%s”, which is not an escape JSON allows"),
                                 display_name, line, path, shown);
                  }
                else if (code == 0)
                  g_set_error (error, _hu_json_error_quark (), 0,
                               _("%s:%u: %s: the text holds \\u0000 (a NUL character), which Huella cannot keep"),
                               display_name, line, path);
                else
                  g_set_error (error, _hu_json_error_quark (), 0,
                               _("%s:%u: %s: the text holds \\u%04X, half of a UTF-16 surrogate pair without its other half, which is not a character"),
                               display_name, line, path, (guint) code);
                return FALSE;
              }

            if (is_key)
              {
                g_autofree char *key = g_strndup (start, p - start);

                if (top->key != NULL && top->keys == NULL)
                  {
                    top->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
                    g_hash_table_add (top->keys, g_steal_pointer (&top->key));
                  }
                if (top->keys != NULL && !g_hash_table_add (top->keys, g_strdup (key)))
                  {
                    g_autofree char *path = NULL;

                    g_clear_pointer (&top->key, g_free);
                    path = frames_to_path (stack);
                    g_set_error (error, _hu_json_error_quark (), 0,
                                 _("%s:%u: %s: the member “%s” appears twice; keep one"),
                                 display_name, line, path, key);
                    return FALSE;
                  }
                g_free (top->key);
                top->key = g_steal_pointer (&key);
              }
          }
          break;
        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          {
            const char *start = p;
            gboolean whole = TRUE;
            g_autofree char *text = NULL;

            while (p + 1 < end && (g_ascii_isdigit (p[1]) || strchr ("+-.eE", p[1]) != NULL))
              {
                if (strchr (".eE", p[1]) != NULL)
                  whole = FALSE;
                p++;
              }
            text = g_strndup (start, p + 1 - start);
            if (whole)
              {
                errno = 0;
                g_ascii_strtoll (text, NULL, 10);
                if (errno != ERANGE)
                  break;
                if (copy == NULL)
                  copy = g_string_sized_new (length + 64);
                g_string_append_len (copy, copied, p + 1 - copied);
                g_string_append (copy, ".0");
                copied = p + 1;
              }
            if (isinf (g_ascii_strtod (text, NULL)))
              {
                g_autofree char *path = frames_to_path (stack);
                g_set_error (error, _hu_json_error_quark (), 0,
                             _("%s:%u: %s: %s is out of range"),
                             display_name, line, path, text);
                return FALSE;
              }
          }
          break;
        default:
          break;
        }
    }

  if (copy != NULL)
    {
      g_string_append_len (copy, copied, end - copied);
      *rewritten = g_string_free (g_steal_pointer (&copy), FALSE);
    }
  return TRUE;
}

/**
 * _hu_json_check_name:
 * @key: the member, for the message
 * @value: (nullable): its text
 *
 * Names and ids are shown in lists, headers and reports, where a name of
 * 100,000 characters made PDF layout take half a minute. A person never
 * writes one that long; such a file is refused rather than shown cut.
 */
gboolean
_hu_json_check_name (const char  *key,
                     const char  *value,
                     GError     **error)
{
  glong chars;

  if (value == NULL || strlen (value) <= HU_NAME_MAX_CHARS)
    return TRUE;
  chars = g_utf8_strlen (value, -1);
  if (chars <= HU_NAME_MAX_CHARS)
    return TRUE;

  /* TRANSLATORS: "name: 100000 characters; the most is 1000" */
  g_set_error (error, _hu_json_error_quark (), 0,
               _("%s: %ld characters; the most is %d"), key, chars, HU_NAME_MAX_CHARS);
  return FALSE;
}

/* Text typed or imported is cut to HU_NAME_MAX_CHARS characters, so that
 * everything saved can be loaded again. */
char *
_hu_cap_name (const char *value)
{
  if (value == NULL || strlen (value) <= HU_NAME_MAX_CHARS ||
      g_utf8_strlen (value, -1) <= HU_NAME_MAX_CHARS)
    return g_strdup (value);
  return g_utf8_substring (value, 0, HU_NAME_MAX_CHARS);
}
