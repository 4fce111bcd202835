/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text from files (log fields, project and scenario names, notes) on its
 * way to people and to spreadsheets. A CodeCarbon project_name is whatever
 * the person who wrote the log chose: "\e]0;PWNED\a\e[2J" retitles and
 * clears a terminal, a C0 control makes an SVG ill-formed XML, and
 * "=cmd|' /C calc'!A0" is a formula to a spreadsheet. Every human-readable
 * output and every CSV text cell goes through here. Issue 9, items 7-9.
 */

#define G_LOG_DOMAIN "hu-text"

#include "config.h"

#include <string.h>

#include "hu-text.h"

#define REPLACEMENT "\xEF\xBF\xBD"   /* U+FFFD, shown where a control was */

/* C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F): the terminal's command
 * characters, ESC and CSI (U+009B) among them. */
static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

/**
 * hu_text_append_printable:
 * @out: where to append
 * @text: (nullable): UTF-8 text, possibly invalid
 * @flags: whether line breaks are kept
 *
 * Appends @text with every control character replaced by U+FFFD (so the
 * reader sees that something was there), bytes that are not UTF-8 too. A
 * line break ("\n", "\r\n") and a tab are kept unless @flags has
 * %HU_TEXT_ONE_LINE, which turns them into spaces; a lone "\r", which
 * would move the cursor back over what was printed, is a space.
 */
void
hu_text_append_printable (GString     *out,
                          const char  *text,
                          HuTextFlags  flags)
{
  const char *p = text;
  const char *end;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  end = text + strlen (text);
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (out, REPLACEMENT);
          p++;
          continue;
        }
      next = g_utf8_next_char (p);
      if (!is_control (c))
        g_string_append_len (out, p, next - p);
      else if (c == '\n' || c == '\t')
        g_string_append_c (out, (flags & HU_TEXT_ONE_LINE) ? ' ' : (char) c);
      else if (c == '\r' && next < end && *next == '\n')
        ;   /* the "\n" that follows stands for both */
      else if (c == '\r')
        g_string_append_c (out, ' ');
      else
        g_string_append (out, REPLACEMENT);
      p = next;
    }
}

/**
 * hu_text_printable:
 *
 * hu_text_append_printable() into a new string; %NULL for %NULL.
 */
char *
hu_text_printable (const char  *text,
                   HuTextFlags  flags)
{
  GString *out;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text));
  hu_text_append_printable (out, text, flags);
  return g_string_free (out, FALSE);
}

/**
 * hu_text_is_printable:
 *
 * Whether hu_text_printable() would return @text unchanged; cheap, no
 * allocation, for the common case of clean text.
 */
gboolean
hu_text_is_printable (const char  *text,
                      HuTextFlags  flags)
{
  const char *end;

  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, &end))
    return FALSE;
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_control (c))
        continue;
      if ((c == '\n' || c == '\t') && !(flags & HU_TEXT_ONE_LINE))
        continue;
      return FALSE;
    }
  return TRUE;
}

/**
 * hu_text_append_csv_text:
 * @out: where to append
 * @text: (nullable): a text cell (never a number: use the number's own
 *   C-locale form, which may start with "-")
 *
 * Appends one CSV field (RFC 4180: quoted when it holds a comma, quote, CR
 * or LF, quotes doubled). A text that starts with "=", "+", "-", "@", a tab
 * or a CR would be run as a formula by spreadsheets (CSV injection), so it
 * gets a leading apostrophe, as OWASP recommends: the cell shows the text,
 * and the apostrophe shows that it was neutralised. See docs/csv.md.
 */
void
hu_text_append_csv_text (GString    *out,
                         const char *text)
{
  gboolean formula;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  formula = strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0';
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      if (formula)
        g_string_append_c (out, '\'');
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * hu_text_fold:
 *
 * Folds @text for searching: decomposed, without accents (combining
 * marks), case-folded, so “nüwa”, “NUWA” and “NÜWA” compare equal.
 *
 * Returns: (transfer full): the folded text
 */
char *
hu_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *bare = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)   /* not UTF-8: fold the bytes we have */
    return g_ascii_strdown (text, -1);

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }
  bare = g_string_free (out, FALSE);
  return g_utf8_casefold (bare, -1);
}
