/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

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
  g_autoptr(PangoLayout) layout = NULL;
  double width;

  /* One word: the very layout text_width() measures. */
  if (text == NULL || strchr (text, ' ') == NULL)
    return text_width (p, text, size, bold);

  measure_key (p, 'W', text, size, bold, 0, 0, 0);
  if (measure_lookup (p, &width))
    return width;

  words = g_strdup (text);
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

/* What each column's cells need at @font: cells[0] the widest word (the
 * whole cell in numeric columns),
 * cells[1] and cells[2] about what fits the longest cell in two and three
 * lines (an estimate: its width shared out, never below its widest word),
 * so short names are not broken into towers when there is room. */
static void
cell_needs (Pager               *p,
            const HuReportTable *table,
            double               font,
            double              *cells[3])
{
  double cap = p->content_w * MAX_WORD_SHARE;

  for (guint i = 0; i < table->n_columns; i++)
    {
      for (guint n = 0; n < 3; n++)
        cells[n][i] = 0;
      /* Once the widest word reaches the cap, every need of the column is
       * the cap (cells[1] and cells[2] are never below cells[0]). */
      for (guint r = 0; r < table->rows->len && cells[0][i] < cap; r++)
        {
          char **row = g_ptr_array_index (table->rows, r);
          double natural = text_width (p, row[i], font, FALSE) + WIDTH_SLACK;
          /* A number and its unit ("0.3148 Wh") read as one word. */
          double word = table->numeric[i] ? natural
                                          : widest_word (p, row[i], font, FALSE) + WIDTH_SLACK;

          cells[0][i] = MAX (cells[0][i], word);
          for (guint n = 1; n < 3; n++)
            cells[n][i] = MAX (cells[n][i], MAX (word, natural / (n + 1)));
        }
      for (guint n = 0; n < 3; n++)
        cells[n][i] = MIN (cells[n][i], cap);
    }
}

/* What each column needs with its header in at most @max_lines lines
 * (0: any number, only words must not break) above @cells. */
static void
column_needs (Pager               *p,
              const HuReportTable *table,
              const double        *cells,
              double               header_font,
              int                  max_lines,
              double              *need)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      double header = widest_word (p, table->headers[i], header_font, TRUE) + WIDTH_SLACK;

      if (max_lines > 0)
        header = width_for_lines (p, table->headers[i], header_font, TRUE, max_lines, header);
      need[i] = MAX (header, cells[i]) + 2 * CELL_PAD_X;
    }
}

/* Gives every column at least @need and shares the rest of the width by
 * the columns' weights. FALSE when the needs alone exceed the width. */
static gboolean
distribute (Pager               *p,
            const HuReportTable *table,
            const double        *need,
            double              *w)
{
  g_autofree gboolean *fixed = g_new0 (gboolean, table->n_columns);
  double sum = 0;
  gboolean changed;

  for (guint i = 0; i < table->n_columns; i++)
    sum += need[i];
  if (sum > p->content_w)
    return FALSE;

  /* Columns whose share is below their need get exactly their need; the
   * others share what is left, which can push more below their need. */
  do
    {
      double free_w = p->content_w;
      double free_weight = 0;

      changed = FALSE;
      for (guint i = 0; i < table->n_columns; i++)
        {
          if (fixed[i])
            free_w -= need[i];
          else
            free_weight += column_weight (table, i);
        }
      for (guint i = 0; i < table->n_columns; i++)
        {
          if (fixed[i])
            {
              w[i] = need[i];
              continue;
            }
          w[i] = free_w * column_weight (table, i) / free_weight;
          if (w[i] < need[i])
            {
              fixed[i] = TRUE;
              changed = TRUE;
            }
        }
    }
  while (changed);

  return TRUE;
}

/* Columns are as wide as their weights ask, but never narrower than their
 * longest word: headers and cells wrap at spaces only. When there is room,
 * headers and cells get at most two, then three lines (header type may
 * shrink slightly first); then only words are kept whole; then the whole
 * table's type shrinks; only past MIN_TABLE_FONT may words break. */
static void
measure_columns (Pager               *p,
                 const HuReportTable *table,
                 TableGeometry       *g)
{
  /* Lines allowed to headers and to cells (0: only keep words whole). */
  static const struct { int header; int cells; } tiers[] = {
    { 2, 2 }, { 3, 3 }, { 3, 0 }, { 0, 0 },
  };
  guint n = table->n_columns;
  g_autofree double *cell_store = g_new (double, 3 * n);
  g_autofree double *need = g_new (double, n);
  double *cells[3] = { cell_store, cell_store + n, cell_store + 2 * n };
  double start = n >= 10 ? 6.5 : n >= 7 ? 7.2 : 8;
  gboolean done = FALSE;
  double x = MARGIN_X;

  g->x = g_new (double, n);
  g->w = g_new (double, n);

  g->font = start;
  cell_needs (p, table, g->font, cells);
  for (guint tier = 0; tier < G_N_ELEMENTS (tiers) && !done; tier++)
    for (guint k = 0; k <= 2 && !done; k++)
      {
        int c = tiers[tier].cells;

        g->header_font = start - FONT_STEP * k;
        column_needs (p, table, cells[c > 0 ? c - 1 : 0], g->header_font, tiers[tier].header,
                      need);
        done = distribute (p, table, need, g->w);
      }

  for (guint k = 1; !done; k++)
    {
      g->font = start - FONT_STEP * k;
      g->header_font = g->font - 2 * FONT_STEP;
      if (g->header_font < MIN_TABLE_FONT)
        break;
      cell_needs (p, table, g->font, cells);
      column_needs (p, table, cells[0], g->header_font, 0, need);
      done = distribute (p, table, need, g->w);
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

static void
table_caption (Pager      *p,
               const char *caption,
               gboolean    continued)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  cairo_t *cr;

  if (caption == NULL && !continued)
    return;

  /* Translators: caption of a table continued on a new page. */
  text = continued ? g_strdup_printf (_("%s (continued)"), caption != NULL ? caption : "")
                   : g_strdup (caption);
  layout = _hu_pdf_pager_text (p, g_strstrip (text), 8.5, TRUE, p->content_w, 2);
  cr = _hu_pdf_pager_cr (p);
  if (cr != NULL)
    _hu_pdf_set_grey (cr, 0.25);
  _hu_pdf_show_at (p, layout, MARGIN_X, p->y);
  p->y += _hu_pdf_layout_height (layout) + 3;
}

/* The height of a table's caption, header and first row: what must fit on
 * a page for the table to start there. */
double
_hu_pdf_table_start_height (Pager         *p,
                            HuReportTable *table)
{
  TableGeometry g;
  double header_h = 0, first_h = 0, caption_h = 0;

  table_geometry (p, table, &g);
  g_ptr_array_unref (row_layouts (p, table, &g, table->headers, TRUE, &header_h));
  if (table->rows->len > 0)
    g_ptr_array_unref (row_layouts (p, table, &g, g_ptr_array_index (table->rows, 0), FALSE,
                                    &first_h));
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

  _hu_pdf_ensure_space (p, _hu_pdf_table_start_height (p, table));
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
          _hu_pdf_new_page (p);
          table_caption (p, table->caption, TRUE);
          draw_row (p, &g, header, header_h, TRUE, FALSE);
          rows_on_page = 0;
        }
      draw_row (p, &g, row, h, FALSE, r % 2 == 1);
      rows_on_page++;
    }

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
