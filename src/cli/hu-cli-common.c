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
  GPtrArray *rows;      /* GStrv */
  gboolean  *right;
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

static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static void
pad (GString    *out,
     const char *text,
     guint       width,
     gboolean    right)
{
  guint w = display_width (text);

  if (right)
    for (guint i = w; i < width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (guint i = w; i < width; i++)
      g_string_append_c (out, ' ');
}

void
hu_cli_table_print (HuCliTable *table,
                    GString    *out)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);

  for (guint c = 0; c < table->n_columns; c++)
    widths[c] = display_width (table->headings->pdata[c]);
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = table->rows->pdata[r];
      for (guint c = 0; c < table->n_columns && row[c]; c++)
        widths[c] = MAX (widths[c], display_width (row[c]));
    }

  for (guint c = 0; c < table->n_columns; c++)
    {
      pad (out, table->headings->pdata[c], c + 1 < table->n_columns || table->right[c] ? widths[c] : 0,
           table->right[c]);
      g_string_append (out, c + 1 < table->n_columns ? "  " : "\n");
    }
  for (guint c = 0; c < table->n_columns; c++)
    {
      for (guint i = 0; i < widths[c]; i++)
        g_string_append (out, "─");
      g_string_append (out, c + 1 < table->n_columns ? "  " : "\n");
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = table->rows->pdata[r];
      for (guint c = 0; c < table->n_columns && row[c]; c++)
        {
          /* No trailing blanks on the last, left-aligned column. */
          pad (out, row[c], c + 1 < table->n_columns || table->right[c] ? widths[c] : 0,
               table->right[c]);
          g_string_append (out, c + 1 < table->n_columns ? "  " : "\n");
        }
    }
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
