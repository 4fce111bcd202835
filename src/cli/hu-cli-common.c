/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "huella-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hu-cli-common.h"

struct _HuCliTable
{
  guint      n_columns;
  GPtrArray *headings;
  GPtrArray *rows;      /* GStrv, the rows not printed yet */
  gboolean  *right;
  guint     *min_width;
  guint     *max_width; /* 0: no limit */
  guint     *widths;    /* set by the first flush, then fixed */
};

HuCliTable *
hu_cli_table_new (guint       n_columns,
                  const char *first_heading,
                  ...)
{
  HuCliTable *table = g_new0 (HuCliTable, 1);
  va_list args;
  const char *h = first_heading;

  table->n_columns = n_columns;
  table->headings = g_ptr_array_new_with_free_func (g_free);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->right = g_new0 (gboolean, n_columns);
  table->min_width = g_new0 (guint, n_columns);
  table->max_width = g_new0 (guint, n_columns);

  va_start (args, first_heading);
  for (guint i = 0; i < n_columns && h; i++, h = va_arg (args, const char *))
    g_ptr_array_add (table->headings, g_strdup (h));
  va_end (args);
  return table;
}

void
hu_cli_table_set_right (HuCliTable *table,
                        guint       column)
{
  g_return_if_fail (column < table->n_columns);
  table->right[column] = TRUE;
}

/* Text wider than @width display columns is cut and ends with "…", so
 * that one long name from a log does not push every row of the table. */
void
hu_cli_table_set_max_width (HuCliTable *table,
                            guint       column,
                            guint       width)
{
  g_return_if_fail (column < table->n_columns);
  g_return_if_fail (width == 0 || width >= 2);
  table->max_width[column] = width;
}

/* Room for rows printed after the widths are fixed (hu_cli_table_flush). */
void
hu_cli_table_set_min_width (HuCliTable *table,
                            guint       column,
                            guint       width)
{
  g_return_if_fail (column < table->n_columns);
  table->min_width[column] = width;
}

/* Cells come from files (run names, log fields): control characters
 * are replaced here, before the widths are measured. */
void
hu_cli_table_add_rowv (HuCliTable  *table,
                       char       **cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    if (!hu_text_is_printable (cells[i], HU_TEXT_ONE_LINE))
      {
        char *clean = hu_text_printable (cells[i], HU_TEXT_ONE_LINE);

        g_free (cells[i]);
        cells[i] = clean;
      }
  g_ptr_array_add (table->rows, cells);
}

void
hu_cli_table_add_row (HuCliTable *table,
                      const char *first_cell,
                      ...)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  va_list args;
  const char *c = first_cell;

  va_start (args, first_cell);
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_strv_builder_add (builder, c ? c : "");
      if (c)
        c = va_arg (args, const char *);
    }
  va_end (args);
  hu_cli_table_add_rowv (table, g_strv_builder_end (builder));
  g_strv_builder_unref (builder);
}

/* Display columns, as a terminal counts them. */
static guint
char_width (gunichar c)
{
  return g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;
}

static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p));
  return width;
}

/* The first characters of @text that fit in @width - 1 display columns,
 * and "…". */
static char *
ellipsize (const char *text,
           guint       width)
{
  GString *cut = g_string_new (NULL);
  guint w = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint cw = char_width (c);

      if (w + cw > width - 1)
        break;
      g_string_append_unichar (cut, c);
      w += cw;
    }
  g_string_append (cut, "…");
  return g_string_free (cut, FALSE);
}

/* Text cells are cut to @width; numbers (right-aligned) never are: a
 * number shown in part would be a wrong number, so a row whose number
 * is wider than the column's first rows sticks out instead. Left-aligned
 * text is padded to @width unless @last: no trailing blanks at the end
 * of a line. Then the gap to the next cell, or the line's end. */
static void
print_cell (GString    *out,
            const char *text,
            guint       width,
            gboolean    right,
            gboolean    last)
{
  g_autofree char *cut = NULL;
  guint w = display_width (text);

  if (!right && width >= 2 && w > width)
    {
      text = cut = ellipsize (text, width);
      w = display_width (text);
    }
  if (right)
    for (guint i = w; i < width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right && !last)
    for (guint i = w; i < width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, last ? "\n" : "  ");
}

static void
print_row (HuCliTable  *table,
           char       **row,
           GString     *out)
{
  for (guint c = 0; c < table->n_columns && row[c]; c++)
    print_cell (out, row[c], table->widths[c], table->right[c], c + 1 == table->n_columns);
}

/**
 * hu_cli_table_flush:
 *
 * Prints the rows added since the last flush and forgets them. The first
 * flush decides the column widths from the headings and the rows added so
 * far (each within its maximum width) and prints the headings; later rows
 * are fitted to those widths. A table flushed after every row or every
 * few rows prints any number of rows in constant memory.
 */
void
hu_cli_table_flush (HuCliTable *table,
                    GString    *out)
{
  if (table->widths == NULL)
    {
      table->widths = g_new0 (guint, table->n_columns);
      for (guint c = 0; c < table->n_columns; c++)
        table->widths[c] = MAX (display_width (table->headings->pdata[c]),
                                table->min_width[c]);
      for (guint r = 0; r < table->rows->len; r++)
        {
          char **row = table->rows->pdata[r];
          for (guint c = 0; c < table->n_columns && row[c]; c++)
            {
              guint w = display_width (row[c]);

              if (table->max_width[c] > 0)
                w = MIN (w, table->max_width[c]);
              table->widths[c] = MAX (table->widths[c], w);
            }
        }

      for (guint c = 0; c < table->n_columns; c++)
        print_cell (out, table->headings->pdata[c], table->widths[c], table->right[c],
                    c + 1 == table->n_columns);
      for (guint c = 0; c < table->n_columns; c++)
        {
          for (guint i = 0; i < table->widths[c]; i++)
            g_string_append (out, "─");
          g_string_append (out, c + 1 < table->n_columns ? "  " : "\n");
        }
    }

  for (guint r = 0; r < table->rows->len; r++)
    print_row (table, table->rows->pdata[r], out);
  g_ptr_array_set_size (table->rows, 0);
}

void
hu_cli_table_print (HuCliTable *table,
                    GString    *out)
{
  hu_cli_table_flush (table, out);
}

static void
markdown_cell (GString    *out,
               const char *text)
{
  g_string_append_c (out, ' ');
  for (const char *p = text; *p; p++)
    {
      if (*p == '|')
        g_string_append (out, "\\|");
      else if (*p == '\n')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
  g_string_append (out, " |");
}

void
hu_cli_table_print_markdown (HuCliTable *table,
                             GString    *out)
{
  g_string_append_c (out, '|');
  for (guint c = 0; c < table->n_columns; c++)
    markdown_cell (out, table->headings->pdata[c]);
  g_string_append (out, "\n|");
  for (guint c = 0; c < table->n_columns; c++)
    g_string_append (out, table->right[c] ? " ---: |" : " --- |");
  g_string_append_c (out, '\n');
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = table->rows->pdata[r];
      g_string_append_c (out, '|');
      for (guint c = 0; c < table->n_columns && row[c]; c++)
        markdown_cell (out, row[c]);
      g_string_append_c (out, '\n');
    }
}

void
hu_cli_table_free (HuCliTable *table)
{
  g_ptr_array_unref (table->headings);
  g_ptr_array_unref (table->rows);
  g_free (table->right);
  g_free (table->min_width);
  g_free (table->max_width);
  g_free (table->widths);
  g_free (table);
}

gboolean
hu_cli_parse_format (const char   *text,
                     gboolean      allow_csv,
                     gboolean      allow_markdown,
                     HuCliFormat  *out,
                     GError      **error)
{
  /* Case does not matter, as for --precision: "JSON" is json. */
  if (text == NULL || g_ascii_strcasecmp (text, "text") == 0)
    *out = HU_CLI_FORMAT_TEXT;
  else if (g_ascii_strcasecmp (text, "json") == 0)
    *out = HU_CLI_FORMAT_JSON;
  else if (allow_csv && g_ascii_strcasecmp (text, "csv") == 0)
    *out = HU_CLI_FORMAT_CSV;
  else if (allow_markdown && g_ascii_strcasecmp (text, "markdown") == 0)
    *out = HU_CLI_FORMAT_MARKDOWN;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--format: “%s” is not one of %s"), text,
                   allow_markdown ? "text, json, csv, markdown"
                                  : allow_csv ? "text, json, csv" : "text, json");
      return FALSE;
    }
  return TRUE;
}

/* --currency: three capital letters, as a project's (see
 * hu_currency_code_is_valid()); USD, a new project's, when not given. */
gboolean
hu_cli_parse_currency (const char   *text,
                       const char  **out,
                       GError      **error)
{
  if (text != NULL && !hu_currency_code_is_valid (text))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--currency: “%s” is not an ISO 4217 code of three capital letters, "
                     "such as EUR"), text);
      return FALSE;
    }
  *out = text != NULL ? text : HU_PROJECT_DEFAULT_CURRENCY;
  return TRUE;
}

/* A text cell: RFC 4180 quoting, and an apostrophe before a text a
 * spreadsheet would run as a formula (hu_text_append_csv_text). */
void
hu_cli_csv_field (GString    *out,
                  const char *field)
{
  hu_text_append_csv_text (out, field);
}

void
hu_cli_csv_number (GString *out,
                   double   value)
{
  g_autofree char *text = hu_number_to_string (value);
  g_string_append (out, text);
}


char *
hu_cli_json_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  return hu_json_to_string (root, NULL);
}

static char *
flagify (const char *message)
{
  const char *colon = strchr (message, ':');
  g_autofree char *key = NULL;
  HuInputKey k;

  if (colon == NULL)
    return g_strdup (message);
  key = g_strndup (message, colon - message);
  if (hu_input_key_from_name (key, &k) || g_str_equal (key, "gpu") ||
      g_str_equal (key, "region") || g_str_equal (key, "precision") ||
      hu_inputs_is_serving_key (key))
    {
      g_strdelimit (key, "_", '-');
      return g_strdup_printf ("--%s%s", key, colon);
    }
  return g_strdup (message);
}

void
hu_cli_error (const char *message)
{
  g_autofree char *text = flagify (message);
  /* Messages quote the files' contents. */
  g_autofree char *clean = hu_text_printable (text, HU_TEXT_NONE);

  fprintf (stderr, "huella-cli: %s\n", clean);
}

void
hu_cli_error_flags (const GError *error)
{
  hu_cli_error (error->message);
}

void
hu_cli_usage_error (GOptionContext *context,
                    const char     *message)
{
  g_autofree char *clean = hu_text_printable (message, HU_TEXT_NONE);

  fprintf (stderr, "huella-cli: %s\n", clean);
  fprintf (stderr, _("Try “%s --help” for more information.\n"), g_get_prgname ());
}

/* Parses @argv with @context for a command that takes flags and no file:
 * a bad flag or a stray argument is reported with the hint to --help, and
 * FALSE returned for the caller to exit with HU_EXIT_USAGE. */
gboolean
hu_cli_parse_flags_only (GOptionContext *context,
                         int            *argc,
                         char         ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      hu_cli_usage_error (context, error->message);
      return FALSE;
    }
  if (*argc > 1)
    {
      g_autofree char *msg = g_strdup_printf (_("unexpected argument “%s”"), (*argv)[1]);
      hu_cli_usage_error (context, msg);
      return FALSE;
    }
  return TRUE;
}

/* Text and Markdown are read on a terminal: no control character from a
 * file may reach it (ESC retitles or clears it). JSON escapes its own; CSV
 * is data, kept as is. */
void
hu_cli_make_printable (GString *text)
{
  g_autofree char *clean = NULL;

  if (hu_text_is_printable (text->str, HU_TEXT_NONE))
    return;
  clean = hu_text_printable (text->str, HU_TEXT_NONE);
  g_string_assign (text, clean);
}

gboolean
hu_cli_write_stdout (GString *text)
{
  if (fwrite (text->str, 1, text->len, stdout) != text->len || fflush (stdout) != 0)
    {
      hu_cli_error (_("could not write the output"));
      return FALSE;
    }
  return TRUE;
}
