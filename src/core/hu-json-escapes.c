/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hu-json-private.h"

/* Where the scan is: one frame per open object or array. */
typedef struct {
  gboolean  object;
  gboolean  expect_key;
  guint     index;
  char     *key;
} Frame;

static void
frame_clear (gpointer data)
{
  Frame *frame = data;
  g_free (frame->key);
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

/**
 * _hu_json_check_escapes:
 * @display_name: the file's name for the message
 *
 * Refuses the two string escapes json-glib 1.6 cannot keep: a UTF-16
 * surrogate that is not half of a pair ("\ud800x" becomes invalid UTF-8
 * and eats the "x", so the file saves but never opens again) and
 * "\u0000" ("a\u0000b" comes back as "a"). What loads must save to a
 * file that loads to the same values, so these are refused at load,
 * naming the file, the line and the member. Malformed documents are left
 * for the parser to report; the depth is bounded by _hu_json_check_depth(),
 * which runs first.
 */
gboolean
_hu_json_check_escapes (const char  *data,
                        gsize        length,
                        const char  *display_name,
                        GError     **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  const char *end = data + length;
  guint line = 1;

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
            Frame frame = { *p == '{', *p == '{', 0, NULL };
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
            const char *start = ++p;
            const char *problem = NULL;
            int code = 0;

            for (; p < end && *p != '"'; p++)
              {
                if (*p == '\n')
                  line++;
                if (*p != '\\')
                  continue;
                if (++p >= end)
                  break;
                if (*p != 'u' || (code = hex4 (p + 1, end)) < 0)
                  continue;
                p += 4;
                if (code >= 0xD800 && code <= 0xDBFF && end - p > 6 &&
                    p[1] == '\\' && p[2] == 'u' &&
                    hex4 (p + 3, end) >= 0xDC00 && hex4 (p + 3, end) <= 0xDFFF)
                  {
                    p += 6;
                    continue;
                  }
                if (code == 0 || (code >= 0xD800 && code <= 0xDFFF))
                  {
                    problem = p;
                    break;
                  }
              }

            if (problem != NULL)
              {
                g_autofree char *path = NULL;

                /* A bad member name: the path ends at its object. */
                if (is_key)
                  g_clear_pointer (&top->key, g_free);
                path = frames_to_path (stack);
                if (is_key)
                  {
                    g_autofree char *where = *path ? g_strconcat (path, ": ", NULL) : g_strdup ("");
                    g_free (path);
                    /* TRANSLATORS: "in a member name": the text before a colon */
                    path = g_strdup_printf (_("%sa member name"), where);
                  }
                if (code == 0)
                  g_set_error (error, _hu_json_error_quark (), 0,
                               _("%s:%u: %s: the text holds \\u0000 (a NUL character), which Huella cannot keep"),
                               display_name, line, *path ? path : _("the document"));
                else
                  g_set_error (error, _hu_json_error_quark (), 0,
                               _("%s:%u: %s: the text holds \\u%04X, half of a UTF-16 surrogate pair without its other half, which is not a character"),
                               display_name, line, *path ? path : _("the document"), (guint) code);
                return FALSE;
              }

            if (is_key && top)
              {
                g_free (top->key);
                top->key = g_strndup (start, p - start);
              }
          }
          break;
        default:
          break;
        }
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
