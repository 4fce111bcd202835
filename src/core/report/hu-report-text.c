/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Report"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hu-report-document-private.h"
#include "hu-report-render-private.h"
#include "hu-report-statement-private.h"
#include "hu-text.h"

/* Markdown and LaTeX renderings of the report's blocks. Both follow the
 * user's language and number format, like the PDF. */

/* ---------------------------------------------------------------------- */
/* Markdown                                                                */

static gboolean
is_word_char (const char *p,
              const char *start)
{
  return p >= start && *p != '\0' && g_unichar_isalnum (g_utf8_get_char (p));
}

/* Escapes what would change the meaning of inline Markdown (GFM): table
 * pipes, emphasis, code, HTML and line breaks. An underscore between two
 * letters cannot start emphasis, so "A&B_test" stays readable. */
static void
md_escape (GString    *out,
           const char *raw,
           gboolean    in_table)
{
  /* Control characters (ESC, BEL, …) never reach the file. */
  g_autofree char *text = hu_text_printable (raw, HU_TEXT_NONE);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      switch (*p)
        {
        case '_':
          if (p > text && is_word_char (g_utf8_find_prev_char (text, p), text)
              && is_word_char (p + 1, text))
            g_string_append_c (out, '_');
          else
            g_string_append (out, "\\_");
          break;
        case '|':
        case '\\':
        case '*':
        case '`':
        case '<':
        case '>':
        case '[':
        case ']':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '#':
          if (p == text || p[-1] == '\n')
            g_string_append_c (out, '\\');
          g_string_append_c (out, '#');
          break;
        case '\n':
          g_string_append (out, in_table ? "<br>" : "  \n");
          break;
        case '\r':
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

static void
md_table (GString             *out,
          const HuReportTable *table)
{
  if (table->caption != NULL)
    {
      g_string_append (out, "**");
      md_escape (out, table->caption, FALSE);
      g_string_append (out, "**\n\n");
    }

  g_string_append (out, "|");
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_string_append_c (out, ' ');
      md_escape (out, table->headers[i], TRUE);
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append (out, table->numeric[i] ? "---:|" : "---|");
  g_string_append_c (out, '\n');

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      g_string_append (out, "|");
      for (guint i = 0; i < table->n_columns; i++)
        {
          g_string_append_c (out, ' ');
          md_escape (out, row[i], TRUE);
          g_string_append (out, " |");
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

GBytes *
_hu_report_to_markdown (HuReport      *self,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GPtrArray) doc = _hu_report_build_document (self);
  g_autofree char *card = NULL;
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < doc->len; i++)
    {
      HuReportBlock *block = g_ptr_array_index (doc, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_string_free (out, TRUE);
          return NULL;
        }

      switch (block->kind)
        {
        case HU_BLOCK_TITLE:
          g_string_append (out, "# ");
          md_escape (out, block->text, FALSE);
          g_string_append (out, "\n\n");
          break;
        case HU_BLOCK_META:
          for (guint j = 0; j + 1 < block->meta->len; j += 2)
            {
              g_string_append (out, "- **");
              md_escape (out, block->meta->pdata[j], FALSE);
              g_string_append (out, ":** ");
              md_escape (out, block->meta->pdata[j + 1], FALSE);
              g_string_append_c (out, '\n');
            }
          g_string_append_c (out, '\n');
          break;
        case HU_BLOCK_HEADING:
          g_string_append (out, block->level <= 1 ? "## " : "### ");
          md_escape (out, block->text, FALSE);
          g_string_append (out, "\n\n");
          break;
        case HU_BLOCK_PARAGRAPH:
          md_escape (out, block->text, FALSE);
          g_string_append (out, "\n\n");
          break;
        case HU_BLOCK_STATEMENT:
          g_string_append (out, "> ");
          md_escape (out, block->text, FALSE);
          g_string_append (out, "\n\n");
          break;
        case HU_BLOCK_TABLE:
          md_table (out, block->table);
          break;
        case HU_BLOCK_CHART:
          {
            g_autoptr(HuChart) chart = _hu_report_build_chart (self, block);
            g_autofree char *text = hu_chart_accessible_text (chart);
            g_autofree char *clean = hu_text_printable (text, HU_TEXT_NONE);

            /* A chart in plain text: the same table screen readers get. */
            g_string_append_printf (out, "```text\n%s```\n\n", clean);
          }
          break;
        default:
          break;
        }
    }

  if (self->subject_id != NULL)
    card = _hu_report_model_card (self, self->subject_id);
  if (card != NULL)
    {
      g_autofree char *clean_card = hu_text_printable (card, HU_TEXT_NONE);

      g_string_append (out, "## ");
      md_escape (out, _("Model card metadata"), FALSE);
      g_string_append (out, "\n\n");
      md_escape (out, _("Paste this into the YAML front matter of the model’s README.md "
                        "on the Hugging Face Hub (emissions in grams of CO₂eq)."), FALSE);
      g_string_append_printf (out, "\n\n```yaml\n---\n%s---\n```\n", clean_card);
    }

  return g_string_free_to_bytes (out);
}

/* ---------------------------------------------------------------------- */
/* LaTeX                                                                   */

/* The digit or sign a superscript character stands for ("⁻" is a minus),
 * or NULL: hu-units writes powers of ten as "× 10²³", which pdfLaTeX's
 * utf8 input knows only in part (², ³ and ¹, not ⁰ or ⁴–⁹ or ⁻). */
static const char *
superscript_of (gunichar c)
{
  static const char *digits[] = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" };

  switch (c)
    {
    case 0x2070: return digits[0];
    case 0x00B9: return digits[1];
    case 0x00B2: return digits[2];
    case 0x00B3: return digits[3];
    case 0x207B: return "\\textminus{}";
    default:
      if (c >= 0x2074 && c <= 0x2079)
        return digits[c - 0x2070];
      return NULL;
    }
}

/* Escapes every character TeX treats specially, and spells the few
 * non-ASCII symbols our strings use that pdfLaTeX's utf8 input does not
 * know. The output never contains a bare % & _ # $ { } ~ ^ \. Everything
 * we write is a caption, a cell or one paragraph, so a line break is a
 * space: "\\" inside \caption{} breaks it, and a "[" after "\\" would be
 * read as its optional argument. Brackets are braced for the same reason
 * (an optional argument of whatever command comes before). */
static void
tex_escape (GString    *out,
            const char *raw)
{
  g_autofree char *text = hu_text_printable (raw, HU_TEXT_ONE_LINE);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* A run of superscripts, "⁻⁸", is one \textsuperscript{}. */
      if (superscript_of (c) != NULL)
        {
          g_string_append (out, "\\textsuperscript{");
          for (;;)
            {
              const char *next = g_utf8_next_char (p);

              g_string_append (out, superscript_of (c));
              if (*next == '\0' || superscript_of (g_utf8_get_char (next)) == NULL)
                break;
              p = next;
              c = g_utf8_get_char (p);
            }
          g_string_append_c (out, '}');
          continue;
        }

      switch (c)
        {
        case '\\': g_string_append (out, "\\textbackslash{}"); break;
        case '{': g_string_append (out, "\\{"); break;
        case '}': g_string_append (out, "\\}"); break;
        case '$': g_string_append (out, "\\$"); break;
        case '&': g_string_append (out, "\\&"); break;
        case '#': g_string_append (out, "\\#"); break;
        case '%': g_string_append (out, "\\%"); break;
        case '_': g_string_append (out, "\\_"); break;
        case '^': g_string_append (out, "\\textasciicircum{}"); break;
        case '~': g_string_append (out, "\\textasciitilde{}"); break;
        case '<': g_string_append (out, "\\textless{}"); break;
        case '>': g_string_append (out, "\\textgreater{}"); break;
        case '"': g_string_append (out, "\\textquotedbl{}"); break;
        case '[': g_string_append (out, "{[}"); break;
        case ']': g_string_append (out, "{]}"); break;
        /* What hu_text_printable() put for a control character; pdfLaTeX's
         * utf8 input does not know U+FFFD. */
        case 0xFFFD: g_string_append_c (out, '?'); break;
        case 0x2082: g_string_append (out, "\\textsubscript{2}"); break;   /* ₂ */
        case 0x00D7: g_string_append (out, "\\texttimes{}"); break;        /* × */
        case 0x2212: g_string_append (out, "\\textminus{}"); break;        /* − */
        case 0x00B1: g_string_append (out, "\\textpm{}"); break;           /* ± */
        case 0x00F7: g_string_append (out, "\\textdiv{}"); break;          /* ÷ */
        case 0x2248: g_string_append (out, "\\ensuremath{\\approx}"); break;
        case 0x2264: g_string_append (out, "\\ensuremath{\\leq}"); break;
        case 0x2265: g_string_append (out, "\\ensuremath{\\geq}"); break;
        case 0x00A0: g_string_append (out, "~"); break;
        case 0x202F: g_string_append (out, "\\,"); break;
        default:
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
}

static void
tex_table (GString             *out,
           const HuReportTable *table,
           const char          *caption)
{
  g_string_append (out, "\\begin{table}[ht]\n\\centering\n\\small\n");
  if (caption != NULL)
    {
      g_string_append (out, "\\caption{");
      tex_escape (out, caption);
      g_string_append (out, "}\n");
    }
  g_string_append (out, "\\begin{tabular}{");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_c (out, table->numeric[i] ? 'r' : 'l');
  g_string_append (out, "}\n\\toprule\n");

  for (guint i = 0; i < table->n_columns; i++)
    {
      if (i > 0)
        g_string_append (out, " & ");
      tex_escape (out, table->headers[i]);
    }
  g_string_append (out, " \\\\\n\\midrule\n");

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint i = 0; i < table->n_columns; i++)
        {
          if (i > 0)
            g_string_append (out, " & ");
          tex_escape (out, row[i]);
        }
      g_string_append (out, " \\\\\n");
    }
  g_string_append (out, "\\bottomrule\n\\end{tabular}\n\\end{table}\n\n");
}

/* LaTeX gets what goes into a paper: the statement, the comparison table
 * and, when there are measured runs, their provenance and how they compare
 * with the estimates (booktabs). Nothing else, so it can be \input as is. */
GBytes *
_hu_report_to_latex (HuReport      *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GPtrArray) doc = _hu_report_build_document (self);
  GString *out = g_string_new (NULL);
  gboolean table_done = FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  for (guint i = 0; i < doc->len; i++)
    {
      HuReportBlock *block = g_ptr_array_index (doc, i);

      if (block->kind == HU_BLOCK_STATEMENT)
        {
          g_string_append (out, "\\paragraph{");
          tex_escape (out, _("Carbon impact statement"));
          g_string_append (out, "}\n");
          tex_escape (out, block->text);
          g_string_append (out, "\n\n");
        }
      else if (block->kind == HU_BLOCK_TABLE && block->table->for_paper)
        {
          g_autofree char *caption = NULL;

          if (!table_done)
            /* Translators: LaTeX table caption; %s is the report title. */
            caption = g_strdup_printf (_("Estimated training footprint: %s. Computed with Huella %s."),
                                       self->title, PACKAGE_VERSION);
          else if (block->table->caption != NULL)
            caption = g_strdup (block->table->caption);
          else
            /* Translators: LaTeX caption of the table of measured runs. */
            caption = g_strdup_printf (_("Measured runs: %s."), self->title);
          tex_table (out, block->table, caption);
          table_done = TRUE;
        }
    }

  return g_string_free_to_bytes (out);
}
