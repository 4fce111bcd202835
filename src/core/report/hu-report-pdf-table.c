/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "hu-report-columns-private.h"
#include "hu-report-pdf-private.h"
#include "hu-text.h"

/*
 * The PDF's tables: column widths measured once from the cells' words and
 * shared by both pagination passes, type that shrinks before words break,
 * rows that never split and a header repeated on every page.
 */

typedef struct {
  double *x;        /* left edge of each column */
  double *w;
  double  font;
  double  header_font;
} TableGeometry;

/* Cells whose longest word is wider than this (paths, URLs) may break
 * inside it rather than squeeze every other column. */
#define MAX_WORD_SHARE  0.25
/* The smallest type a table may shrink to before words are broken. */
#define MIN_TABLE_FONT  5.6
#define FONT_STEP       0.4
/* Pango widths are integers in Pango units: a column exactly as wide as a
 * word could still break it after rounding. */
#define WIDTH_SLACK     0.5

static double
column_weight (const HuReportTable *table,
               guint                i)
{
  return table->weights[i] > 0 ? table->weights[i] : 1;
}

/* Starts the cache key for @text laid out by pager_text() with these
 * arguments (sizes as Pango sees them: whole Pango units). */
static const char *
measure_key (Pager      *p,
             char        kind,
             const char *text,
             double      size,
             gboolean    bold,
             double      width,
             int         extra,
             double      exact)
{
  GString *key = p->measure->key;

  g_string_truncate (key, 0);
  /* %a: every bit of @exact. */
  g_string_append_printf (key, "%c%d/%d/%d/%d/%a|", kind, (int) (size * PANGO_SCALE),
                          bold != FALSE, width > 0 ? (int) (width * PANGO_SCALE) : 0, extra,
                          exact);
  g_string_append (key, text != NULL ? text : "");
  return key->str;
}

static gboolean
measure_lookup (Pager  *p,
                double *value)
{
  gpointer found = g_hash_table_lookup (p->measure->widths, p->measure->key->str);

  if (found == NULL)
    return FALSE;
  *value = *(double *) found;
  return TRUE;
}

static double
measure_store (Pager  *p,
               double  value)
{
  g_hash_table_insert (p->measure->widths, g_strdup (p->measure->key->str),
                       g_memdup2 (&value, sizeof value));
  return value;
}

/* natural_width() of @text on one line, measured once per export. */
static double
text_width (Pager      *p,
            const char *text,
            double      size,
            gboolean    bold)
{
  g_autoptr(PangoLayout) layout = NULL;
  double width;

  measure_key (p, 'N', text, size, bold, 0, 0, 0);
  if (measure_lookup (p, &width))
    return width;
  layout = _hu_pdf_pager_text (p, text, size, bold, 0, 0);
  return measure_store (p, _hu_pdf_natural_width (layout));
}

/* The widest space-separated word of @text: the narrowest a column can be
 * without breaking a word. */
static double
widest_word (Pager      *p,
             const char *text,
             double      size,
             gboolean    bold)
{
  g_autofree char *words = NULL;
  g_autofree char *glued = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double width;

  /* One word: the very layout text_width() measures. */
  if (text == NULL || strchr (text, ' ') == NULL)
    return text_width (p, text, size, bold);

  measure_key (p, 'W', text, size, bold, 0, 0, 0);
  if (measure_lookup (p, &width))
    return width;

  /* A number's glued spaces are not word breaks. */
  words = g_strdup (_hu_pdf_glue_numbers (text, &glued));
  g_strdelimit (words, " ", '\n');
  layout = _hu_pdf_pager_text (p, words, size, bold, 0, 0);
  return measure_store (p, _hu_pdf_natural_width (layout));
}

/* The narrowest width, not below @at_least, at which @text takes at most
 * @max_lines lines when wrapped at spaces. */
static double
width_for_lines (Pager      *p,
                 const char *text,
                 double      size,
                 gboolean    bold,
                 int         max_lines,
                 double      at_least)
{
  g_autoptr(PangoLayout) layout = NULL;
  double lo = at_least;
  double hi = text_width (p, text, size, bold) + WIDTH_SLACK;
  double width;

  if (hi <= lo)
    return lo;

  measure_key (p, 'H', text, size, bold, 0, max_lines, at_least);
  if (measure_lookup (p, &width))
    return width;

  layout = _hu_pdf_pager_text (p, text, size, bold, 0, 0);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, (int) (lo * PANGO_SCALE));
  if (pango_layout_get_line_count (layout) <= max_lines)
    return measure_store (p, lo);

  /* Binary search to a tenth of a point: lo is too narrow, hi fits. */
  while (hi - lo > 0.1)
    {
      double mid = (lo + hi) / 2;

      pango_layout_set_width (layout, (int) (mid * PANGO_SCALE));
      if (pango_layout_get_line_count (layout) <= max_lines)
        hi = mid;
      else
        lo = mid;
    }
  return measure_store (p, hi);
}

/* What each column needs at @font (cells) and @header_font (header),
 * padding included: @min, the narrowest width that breaks no word (a
 * numeric cell, a number and its unit, reads as one word; words wider
 * than MAX_WORD_SHARE of the page may break), and @natural, the width at
 * which no cell wraps and the header takes at most two lines. */
static void
column_extents (Pager               *p,
                const HuReportTable *table,
                double               font,
                double               header_font,
                double              *min,
                double              *natural)
{
  double cap = p->content_w * MAX_WORD_SHARE;

  for (guint i = 0; i < table->n_columns; i++)
    {
      double header_word = widest_word (p, table->headers[i], header_font, TRUE) + WIDTH_SLACK;
      double word = MIN (header_word, cap);
      double full = width_for_lines (p, table->headers[i], header_font, TRUE, 2, word) +
                    WIDTH_SLACK;

      for (guint r = 0; r < table->rows->len; r++)
        {
          char **row = g_ptr_array_index (table->rows, r);
          double cell = text_width (p, row[i], font, FALSE) + WIDTH_SLACK;

          full = MAX (full, cell);
          if (word < cap)
            word = MAX (word, table->numeric[i] ? cell
                                                : widest_word (p, row[i], font, FALSE) + WIDTH_SLACK);
        }
      min[i] = MIN (word, cap) + 2 * CELL_PAD_X;
      natural[i] = MAX (full, word) + 2 * CELL_PAD_X;
    }
}

/* The lines @text takes wrapped at spaces in @width. */
static int
line_count (Pager      *p,
            const char *text,
            double      size,
            gboolean    bold,
            double      width)
{
  g_autoptr(PangoLayout) layout = NULL;
  double lines;

  measure_key (p, 'C', text, size, bold, width, 0, 0);
  if (measure_lookup (p, &lines))
    return (int) lines;
  layout = _hu_pdf_pager_text (p, text, size, bold, 0, 0);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  return (int) measure_store (p, pango_layout_get_line_count (layout));
}

/* The widest line of @text wrapped at spaces in @width: the text keeps
 * its breaks, hence its lines, at any width from there up (lines are
 * filled greedily). Not always the narrowest for as many lines (a
 * balanced break can be narrower), but one layout, not a search: what
 * the many cells of a long table can afford. */
static double
wrapped_width (Pager      *p,
               const char *text,
               double      size,
               gboolean    bold,
               double      width)
{
  g_autoptr(PangoLayout) layout = NULL;
  double widest;

  measure_key (p, 'T', text, size, bold, width, 0, 0);
  if (measure_lookup (p, &widest))
    return widest;
  layout = _hu_pdf_pager_text (p, text, size, bold, 0, 0);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  return measure_store (p, _hu_pdf_natural_width (layout));
}

/* The width (padding included, at least @at_least) at which every cell of
 * column @i takes at most @max_lines lines. */
static double
body_width (Pager               *p,
            const HuReportTable *table,
            guint                i,
            double               font,
            int                  max_lines,
            double               at_least)
{
  double need = at_least;

  for (guint r = 0; r < table->rows->len; r++)
    {
      const char *text = ((char **) g_ptr_array_index (table->rows, r))[i];

      if (text_width (p, text, font, FALSE) + WIDTH_SLACK + 2 * CELL_PAD_X <= need)
        continue;
      need = MAX (need, width_for_lines (p, text, font, FALSE, max_lines,
                                         at_least - 2 * CELL_PAD_X) +
                        WIDTH_SLACK + 2 * CELL_PAD_X);
    }
  return need;
}

/* The lines of a cell at its column's width; columns not cut hold every
 * cell on one line. */
static int
cell_lines (Pager       *p,
            const char  *text,
            double       size,
            gboolean     bold,
            double       w)
{
  if (text_width (p, text, size, bold) + WIDTH_SLACK + 2 * CELL_PAD_X <= w)
    return 1;
  return line_count (p, text, size, bold, w - 2 * CELL_PAD_X);
}

/* Every cell's lines in column @i at its width: grid[r × n + i], row 0
 * the header. */
static void
measure_column (Pager               *p,
                const HuReportTable *table,
                double               font,
                double               header_font,
                const double        *w,
                guint                i,
                int                 *grid)
{
  guint n = table->n_columns;

  grid[i] = cell_lines (p, table->headers[i], header_font, TRUE, w[i]);
  for (guint r = 0; r < table->rows->len; r++)
    grid[(r + 1) * n + i] = cell_lines (p, ((char **) g_ptr_array_index (table->rows, r))[i],
                                        font, FALSE, w[i]);
}

/* The columns cut to a common width by _hu_report_fit_columns() often
 * need less for the lines they take ("NVIDIA Tesla V100S PCIe 32GB" takes
 * three lines at 59 pt and at 50 pt alike): each is narrowed to what keeps
 * every cell's line count; the room freed takes lines off the tallest
 * cells and headers, then unwraps the cut columns that need least to fit
 * on one line ("FLOPs: 3.14 × 10²³"), then goes back to the cut columns
 * in proportion. */
static void
tighten (Pager               *p,
         const HuReportTable *table,
         double               font,
         double               header_font,
         const double        *min,
         const double        *natural,
         double              *w)
{
  guint n = table->n_columns;
  guint n_rows = table->rows->len + 1;
  g_autofree gboolean *cut = g_new0 (gboolean, n);
  g_autofree int *grid = g_new0 (int, n_rows * n);
  g_autofree int *row_max = g_new0 (int, n_rows);
  g_autofree guint *row_count = g_new0 (guint, n_rows);
  double freed = 0, cut_total = 0;

  for (guint i = 0; i < n; i++)
    {
      double tight = min[i];

      if (natural[i] <= w[i] + 0.01)
        continue;
      cut[i] = TRUE;
      /* The header keeps its lines too, balanced: one header per column
       * is worth the search. */
      tight = MAX (tight, width_for_lines (p, table->headers[i], header_font, TRUE,
                                           line_count (p, table->headers[i], header_font, TRUE,
                                                       w[i] - 2 * CELL_PAD_X),
                                           min[i] - 2 * CELL_PAD_X) +
                          WIDTH_SLACK + 2 * CELL_PAD_X);
      for (guint r = 0; r < table->rows->len; r++)
        {
          const char *text = ((char **) g_ptr_array_index (table->rows, r))[i];

          if (text_width (p, text, font, FALSE) + WIDTH_SLACK + 2 * CELL_PAD_X <= tight)
            continue;
          tight = MAX (tight, wrapped_width (p, text, font, FALSE, w[i] - 2 * CELL_PAD_X) +
                              WIDTH_SLACK + 2 * CELL_PAD_X);
        }
      tight = MIN (tight, w[i]);
      freed += w[i] - tight;
      w[i] = tight;
    }

  /* Rows are as tall as their tallest cell, the header row as its
   * tallest header. While the room freed allows, take a line off a cut
   * column's tallest cells (or its header) where that shortens rows,
   * choosing each time the most rows shortened per point spent ("Tiempo
   * de acelerador por ejecución (miles de GPU-h)" in six lines beside
   * two-line headers; a scenario's name in four lines beside numbers).
   * The grid holds every cell's lines (row 0: the headers), remeasured
   * only in the column that changed. */
  for (guint i = 0; i < n; i++)
    measure_column (p, table, font, header_font, w, i, grid);
  for (guint round = 0; round < 8 * n; round++)
    {
      int best = -1;
      double best_value = 0, best_width = 0;

      for (guint r = 0; r < n_rows; r++)
        {
          row_max[r] = 0;
          row_count[r] = 0;
          for (guint c = 0; c < n; c++)
            {
              int lines = grid[r * n + c];

              if (lines > row_max[r])
                {
                  row_max[r] = lines;
                  row_count[r] = 0;
                }
              if (lines == row_max[r])
                row_count[r]++;
            }
        }

      for (guint i = 0; i < n; i++)
        {
          if (!cut[i])
            continue;
          for (int pass = 0; pass < 2; pass++)
            {
              gboolean header = pass == 1;
              int tallest = header ? grid[i] : 1;
              guint shortened = 0;
              double wider, value;

              for (guint r = 1; !header && r < n_rows; r++)
                tallest = MAX (tallest, grid[r * n + i]);
              if (tallest <= (header ? 2 : 1))
                continue;
              for (guint r = header ? 0 : 1; r < (header ? 1 : n_rows); r++)
                if (grid[r * n + i] == tallest && row_max[r] == tallest && row_count[r] == 1)
                  shortened++;
              if (shortened == 0)
                continue;
              /* From the column's minimum, so each width is measured once
               * however the rounds go. */
              wider = header ? width_for_lines (p, table->headers[i], header_font, TRUE,
                                                tallest - 1, min[i] - 2 * CELL_PAD_X) +
                               WIDTH_SLACK + 2 * CELL_PAD_X
                             : body_width (p, table, i, font, tallest - 1, min[i]);
              wider = MAX (wider, w[i]);
              if (wider - w[i] > freed)
                continue;
              value = shortened / MAX (wider - w[i], 0.01);
              if (value > best_value)
                {
                  best = i;
                  best_value = value;
                  best_width = wider;
                }
            }
        }
      if (best < 0)
        break;
      freed -= best_width - w[best];
      w[best] = best_width;
      measure_column (p, table, font, header_font, w, best, grid);
    }

  /* Unwrap whole columns, the most wrapped cells per point first: two
   * "FLOPs: 3.14 × 10²³" on two lines each before one "Iowa
   * (us-central1)"; the cheapest first among equals. */
  for (;;)
    {
      int best = -1;
      double best_value = 0;

      for (guint i = 0; i < n; i++)
        {
          guint wrapped = 0;
          double value;

          if (!cut[i] || natural[i] - w[i] > freed)
            continue;
          for (guint r = 1; r < n_rows; r++)
            wrapped += grid[r * n + i] > 1;
          value = MAX (wrapped, 1) / MAX (natural[i] - w[i], 0.01);
          if (best < 0 || value > best_value)
            {
              best = i;
              best_value = value;
            }
        }
      if (best < 0)
        break;
      freed -= natural[best] - w[best];
      w[best] = natural[best];
      cut[best] = FALSE;
    }

  for (guint i = 0; i < n; i++)
    if (cut[i])
      cut_total += w[i];
  for (guint i = 0; i < n; i++)
    {
      if (cut_total > 0 && cut[i])
        w[i] += freed * w[i] / cut_total;
      else if (cut_total <= 0)
        w[i] += freed / n;
    }
}

/* Column widths come from the content (see _hu_report_fit_columns()):
 * every column as wide as its longest cell when the page allows, else the
 * widest columns wrap at spaces; only when words no longer fit does the
 * whole table's type shrink, and only past MIN_TABLE_FONT may words
 * break, in columns as wide as their weights ask. */
static void
measure_columns (Pager               *p,
                 const HuReportTable *table,
                 TableGeometry       *g)
{
  guint n = table->n_columns;
  g_autofree double *min = g_new (double, n);
  g_autofree double *natural = g_new (double, n);
  double start = n >= 10 ? 6.5 : n >= 7 ? 7.2 : 8;
  gboolean done = FALSE;
  double x = MARGIN_X;

  g->x = g_new (double, n);
  g->w = g_new (double, n);

  for (guint k = 0; !done; k++)
    {
      /* Headers first lose a step or two (they may wrap), then the whole
       * table shrinks, never below MIN_TABLE_FONT. */
      g->header_font = MAX (start - FONT_STEP * k, MIN_TABLE_FONT);
      g->font = k <= 2 ? start : start - FONT_STEP * (k - 2);
      if (g->font < MIN_TABLE_FONT)
        break;
      column_extents (p, table, g->font, g->header_font, min, natural);
      done = _hu_report_fit_columns (n, min, natural, p->content_w, g->w);

      if (done)
        tighten (p, table, g->font, g->header_font, min, natural, g->w);
    }

  if (!done)
    {
      double total = 0;

      g->font = g->header_font = MIN_TABLE_FONT;
      for (guint i = 0; i < n; i++)
        total += column_weight (table, i);
      for (guint i = 0; i < n; i++)
        g->w[i] = p->content_w * column_weight (table, i) / total;
    }

  for (guint i = 0; i < n; i++)
    {
      g->x[i] = x;
      x += g->w[i];
    }
}

/* Measuring every cell is the costly part of a long report: do it in the
 * counting pass and keep the result with the table for the drawing pass. */
static void
table_geometry (Pager         *p,
                HuReportTable *table,
                TableGeometry *g)
{
  double x = MARGIN_X;

  if (table->pdf_widths == NULL)
    {
      measure_columns (p, table, g);
      table->pdf_widths = g_memdup2 (g->w, sizeof (double) * table->n_columns);
      table->pdf_font = g->font;
      table->pdf_header_font = g->header_font;
      return;
    }

  g->x = g_new (double, table->n_columns);
  g->w = g_memdup2 (table->pdf_widths, sizeof (double) * table->n_columns);
  g->font = table->pdf_font;
  g->header_font = table->pdf_header_font;
  for (guint i = 0; i < table->n_columns; i++)
    {
      g->x[i] = x;
      x += g->w[i];
    }
}

static void
table_geometry_clear (TableGeometry *g)
{
  g_free (g->x);
  g_free (g->w);
}

/* A cell's layout, made once per export: rows repeat the same labels. */
static PangoLayout *
cell_layout (Pager      *p,
             const char *text,
             double      size,
             gboolean    bold,
             double      width,
             gboolean    right)
{
  PangoLayout *layout;

  measure_key (p, 'L', text, size, bold, width, right, 0);
  layout = g_hash_table_lookup (p->measure->layouts, p->measure->key->str);
  if (layout == NULL)
    {
      layout = _hu_pdf_pager_text (p, text, size, bold, width, MAX_CELL_LINES);
      if (right)
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      g_hash_table_insert (p->measure->layouts, g_strdup (p->measure->key->str), layout);
    }
  return g_object_ref (layout);
}

static GPtrArray *
row_layouts (Pager               *p,
             const HuReportTable *table,
             const TableGeometry *g,
             char               **cells,
             gboolean             header,
             double              *height)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);

  *height = 0;
  for (guint i = 0; i < table->n_columns; i++)
    {
      PangoLayout *layout = cell_layout (p, cells[i], header ? g->header_font : g->font, header,
                                         MAX (g->w[i] - 2 * CELL_PAD_X, 4), table->numeric[i]);

      *height = MAX (*height, _hu_pdf_layout_height (layout));
      g_ptr_array_add (layouts, layout);
    }
  *height += 2 * CELL_PAD_Y;

  return layouts;
}

static void
draw_row (Pager               *p,
          const TableGeometry *g,
          GPtrArray           *layouts,
          double               height,
          gboolean             header,
          gboolean             shaded)
{
  cairo_t *cr = _hu_pdf_pager_cr (p);

  if (cr != NULL && (header || shaded))
    {
      _hu_pdf_set_grey (cr, header ? 0.90 : 0.965);
      cairo_rectangle (cr, MARGIN_X, p->y, p->content_w, height);
      cairo_fill (cr);
    }

  if (cr != NULL)
    _hu_pdf_set_grey (cr, 0.1);
  for (guint i = 0; i < layouts->len; i++)
    _hu_pdf_show_at (p, g_ptr_array_index (layouts, i), g->x[i] + CELL_PAD_X, p->y + CELL_PAD_Y);

  if (cr != NULL && header)
    {
      cairo_set_line_width (cr, 0.6);
      _hu_pdf_set_grey (cr, 0.4);
      cairo_move_to (cr, MARGIN_X, p->y + height);
      cairo_line_to (cr, MARGIN_X + p->content_w, p->y + height);
      cairo_stroke (cr);
    }
  p->y += height;
}

/* A table's caption; on a later page "Comparison (continued)": named by
 * its caption, or by the heading it sits under when it has none, never a
 * bare "(continued)". */
static void
table_caption (Pager      *p,
               const char *caption,
               gboolean    continued)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  const char *name = caption != NULL ? caption : p->heading;
  cairo_t *cr;

  if (caption == NULL && !continued)
    return;

  if (!continued)
    text = g_strdup (caption);
  else if (name != NULL)
    /* Translators: caption of a table continued on a new page; %s is the
     * table's caption or the heading of its section. */
    text = g_strdup_printf (_("%s (continued)"), name);
  else
    /* Translators: caption of a table with no name, continued on a new page. */
    text = g_strdup (_("Table (continued)"));
  layout = _hu_pdf_pager_text (p, g_strstrip (text), 8.5, TRUE, p->content_w, 2);
  cr = _hu_pdf_pager_cr (p);
  if (cr != NULL)
    _hu_pdf_set_grey (cr, 0.25);
  _hu_pdf_show_at (p, layout, MARGIN_X, p->y);
  p->y += _hu_pdf_layout_height (layout) + 3;
}

/* The height of a table's caption, header and first two rows (three of
 * three): what must fit on a page for the table to start there. */
double
_hu_pdf_table_start_height (Pager         *p,
                            HuReportTable *table)
{
  TableGeometry g;
  double header_h = 0, first_h = 0, caption_h = 0;
  /* A table starts with two rows at least (one row alone at a page's
   * foot reads like a stray line); the first alone when it has one. Three
   * rows split one way or the other leave one alone: all three or none. */
  guint needed = table->rows->len == 3 ? 3 : MIN (table->rows->len, 2);

  table_geometry (p, table, &g);
  g_ptr_array_unref (row_layouts (p, table, &g, table->headers, TRUE, &header_h));
  for (guint r = 0; r < needed; r++)
    {
      double h;

      g_ptr_array_unref (row_layouts (p, table, &g, g_ptr_array_index (table->rows, r), FALSE,
                                      &h));
      first_h += h;
    }
  if (table->caption != NULL)
    {
      g_autofree char *text = g_strstrip (g_strdup (table->caption));
      g_autoptr(PangoLayout) layout = _hu_pdf_pager_text (p, text, 8.5, TRUE, p->content_w, 2);

      caption_h = _hu_pdf_layout_height (layout) + 3;
    }
  table_geometry_clear (&g);
  return caption_h + header_h + first_h + 2;
}

/* Rows never split; when the next row does not fit, the table continues
 * on a new page under a repeated header, and never with its last row
 * alone there when the row before it can go along. */
void
_hu_pdf_block_table (Pager         *p,
                     HuReportTable *table)
{
  TableGeometry g;
  g_autoptr(GPtrArray) header = NULL;
  double header_h;
  guint rows_on_page = 0;
  guint page = p->page;

  _hu_pdf_ensure_space (p, _hu_pdf_table_start_height (p, table));
  if (p->table_pages != NULL)
    {
      g_array_set_size (p->table_pages, 0);
      if (p->page != page)
        g_array_append_val (p->table_pages, rows_on_page);
    }
  table_geometry (p, table, &g);
  header = row_layouts (p, table, &g, table->headers, TRUE, &header_h);
  table_caption (p, table->caption, FALSE);
  draw_row (p, &g, header, header_h, TRUE, FALSE);

  for (guint r = 0; r < table->rows->len; r++)
    {
      double h;
      g_autoptr(GPtrArray) row = row_layouts (p, table, &g, g_ptr_array_index (table->rows, r),
                                              FALSE, &h);
      gboolean break_here = h > _hu_pdf_space_left (p);

      /* The last two rows: if the last would be carried over alone, carry
       * this one over with it. */
      if (!break_here && r + 2 == table->rows->len && rows_on_page > 0)
        {
          double last_h;

          g_ptr_array_unref (row_layouts (p, table, &g, g_ptr_array_index (table->rows, r + 1),
                                          FALSE, &last_h));
          break_here = h + last_h > _hu_pdf_space_left (p);
        }
      if (break_here)
        {
          if (p->table_pages != NULL)
            g_array_append_val (p->table_pages, rows_on_page);
          _hu_pdf_new_page (p);
          table_caption (p, table->caption, TRUE);
          draw_row (p, &g, header, header_h, TRUE, FALSE);
          rows_on_page = 0;
        }
      draw_row (p, &g, row, h, FALSE, r % 2 == 1);
      rows_on_page++;
    }
  if (p->table_pages != NULL)
    g_array_append_val (p->table_pages, rows_on_page);

  {
    cairo_t *cr = _hu_pdf_pager_cr (p);

    if (cr != NULL)
      {
        cairo_set_line_width (cr, 0.6);
        _hu_pdf_set_grey (cr, 0.4);
        cairo_move_to (cr, MARGIN_X, p->y);
        cairo_line_to (cr, MARGIN_X + p->content_w, p->y);
        cairo_stroke (cr);
      }
  }
  p->y += 10;
  table_geometry_clear (&g);
}

/* The lines cell (@row, @column) takes as the PDF lays it out; the
 * header's when @row is G_MAXUINT. */
guint
_hu_pdf_table_cell_lines (Pager         *p,
                          HuReportTable *table,
                          guint          row,
                          guint          column)
{
  TableGeometry g;
  g_autoptr(GPtrArray) layouts = NULL;
  double height;

  g_return_val_if_fail ((row < table->rows->len || row == G_MAXUINT) &&
                        column < table->n_columns, 0);

  table_geometry (p, table, &g);
  layouts = row_layouts (p, table, &g,
                         row == G_MAXUINT ? table->headers : g_ptr_array_index (table->rows, row),
                         row == G_MAXUINT, &height);
  table_geometry_clear (&g);
  return pango_layout_get_line_count (g_ptr_array_index (layouts, column));
}
