/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "hu-report-document-private.h"
#include "hu-report-render-private.h"
#include "hu-text.h"

/*
 * The PDF: the report's blocks flowed onto A4 or Letter pages with cairo
 * and Pango. Pagination runs twice — once to count pages (no drawing),
 * once to draw with "page N of M" — and the same code draws a single page
 * for the app's preview. Text is measured with hinting off, so the two
 * passes and the preview break pages identically. The count is kept with
 * the report (for the document it was made from), and within one call
 * the passes share a cache of measured text and laid-out cells.
 */

#define MARGIN_X       50.0
#define MARGIN_TOP     50.0
#define MARGIN_BOTTOM  56.0
#define CELL_PAD_X     3.0
#define CELL_PAD_Y     2.5
#define MAX_CELL_LINES 14

typedef struct {
  HuReport      *report;
  cairo_t       *cr;          /* NULL while counting */
  int            only_page;   /* -1: every page */
  gboolean       show_pages;  /* cairo_show_page() between pages (PDF) */
  guint          page;
  guint          total;       /* 0 while counting */
  double         y;
  double         page_w;
  double         page_h;
  double         content_w;
  PangoContext  *context;
  HuChartStyle   chart_style;
  GCancellable  *cancellable;
  struct _Measure *measure;
} Pager;

/* What both passes of one export (or one preview) measure, measured once.
 * Laying text out (itemizing and shaping it) is nearly all of the cost of
 * a long report, and the same labels, units and notes recur in every
 * scenario's tables: each distinct (text, font, width) is laid out once,
 * and the drawing pass shows the very layouts the counting pass measured.
 * Keys hold every input of the layout, so a hit is the layout that would
 * have been made. Owned by one call on one thread: never shared. */
typedef struct _Measure {
  PangoContext *context;
  GHashTable   *widths;    /* key → double */
  GHashTable   *layouts;   /* key → PangoLayout, ready to show */
  GString      *key;       /* scratch for look-ups */
} Measure;

/* The cairo context for the current page, or NULL when this page is only
 * being measured (counting pass, or a preview of another page). */
static cairo_t *
pager_cr (Pager *p)
{
  if (p->cr == NULL)
    return NULL;
  if (p->only_page >= 0 && (guint) p->only_page != p->page)
    return NULL;
  return p->cr;
}

static PangoLayout *
pager_text (Pager      *p,
            const char *text,
            double      size,
            gboolean    bold,
            double      width,
            int         max_lines)
{
  PangoLayout *layout = pango_layout_new (p->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  /* Names and notes come from files: no control characters on paper. */
  g_autofree char *clean = hu_text_printable (text, HU_TEXT_NONE);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, clean != NULL ? clean : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (max_lines > 0)
    {
      /* Never let a cell grow past a page: cut and ellipsize instead. */
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static void
set_grey (cairo_t *cr,
          double   level)
{
  cairo_set_source_rgb (cr, level, level, level);
}

static void
draw_footer (Pager *p)
{
  cairo_t *cr = pager_cr (p);
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  g_autofree char *page_text = NULL;
  double y = p->page_h - MARGIN_BOTTOM + 18;

  if (cr == NULL)
    return;

  /* Translators: page footer, "Page 2 of 7". */
  page_text = g_strdup_printf (_("Page %u of %u"), p->page + 1, MAX (p->total, p->page + 1));
  left = pager_text (p, p->report->title, 7.5, FALSE, p->content_w * 0.7, 1);
  right = pager_text (p, page_text, 7.5, FALSE, p->content_w * 0.3, 1);
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);

  cairo_set_line_width (cr, 0.5);
  set_grey (cr, 0.7);
  cairo_move_to (cr, MARGIN_X, y - 4);
  cairo_line_to (cr, MARGIN_X + p->content_w, y - 4);
  cairo_stroke (cr);

  set_grey (cr, 0.35);
  cairo_move_to (cr, MARGIN_X, y);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, MARGIN_X + p->content_w * 0.7, y);
  pango_cairo_show_layout (cr, right);
}

static void
new_page (Pager *p)
{
  if (p->cr != NULL && p->show_pages)
    cairo_show_page (p->cr);
  p->page++;
  p->y = MARGIN_TOP;
  draw_footer (p);
}

static double
space_left (Pager *p)
{
  return p->page_h - MARGIN_BOTTOM - p->y;
}

/* Starts a new page unless @height fits (and the page is not fresh). */
static void
ensure_space (Pager  *p,
              double  height)
{
  if (height > space_left (p) && p->y > MARGIN_TOP + 0.5)
    new_page (p);
}

static void
show_at (Pager       *p,
         PangoLayout *layout,
         double       x,
         double       y)
{
  cairo_t *cr = pager_cr (p);

  if (cr == NULL)
    return;
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* ---------------------------------------------------------------------- */
/* Blocks                                                                  */

/* Paragraphs break between lines, so a long note can span pages. */
static void
flow_paragraph (Pager      *p,
                const char *text,
                double      size,
                gboolean    bold,
                double      indent,
                double      grey)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutIter *iter;

  if (text == NULL || text[0] == '\0')
    return;

  layout = pager_text (p, text, size, bold, p->content_w - indent, 0);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double baseline, line_h;
      cairo_t *cr;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_h = (double) logical.height / PANGO_SCALE;
      ensure_space (p, line_h);
      baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;

      cr = pager_cr (p);
      if (cr != NULL)
        {
          set_grey (cr, grey);
          cairo_move_to (cr, MARGIN_X + indent + (double) logical.x / PANGO_SCALE, p->y + baseline);
          pango_cairo_show_layout_line (cr, line);
        }
      p->y += line_h;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
block_title (Pager      *p,
             const char *text)
{
  g_autoptr(PangoLayout) layout = pager_text (p, text, 20, TRUE, p->content_w, 3);
  cairo_t *cr = pager_cr (p);

  if (cr != NULL)
    set_grey (cr, 0.1);
  show_at (p, layout, MARGIN_X, p->y);
  p->y += layout_height (layout) + 8;
}

static double
natural_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* The key column is as wide as its longest key (within reason), so no
 * label of the title block is cut, whatever the language. */
static void
block_meta (Pager     *p,
            GPtrArray *meta)
{
  double key_w = 0;

  for (guint i = 0; i + 1 < meta->len; i += 2)
    {
      g_autoptr(PangoLayout) key = pager_text (p, meta->pdata[i], 8.5, TRUE, 0, 0);

      key_w = MAX (key_w, natural_width (key));
    }
  key_w = MIN (key_w + 12, p->content_w * 0.4);

  for (guint i = 0; i + 1 < meta->len; i += 2)
    {
      g_autoptr(PangoLayout) key = pager_text (p, meta->pdata[i], 8.5, TRUE, key_w - 6, 2);
      g_autoptr(PangoLayout) value = pager_text (p, meta->pdata[i + 1], 8.5, FALSE,
                                                 p->content_w - key_w, 3);
      double h = MAX (layout_height (key), layout_height (value));
      cairo_t *cr;

      ensure_space (p, h);
      cr = pager_cr (p);
      if (cr != NULL)
        set_grey (cr, 0.35);
      show_at (p, key, MARGIN_X, p->y);
      if (cr != NULL)
        set_grey (cr, 0.1);
      show_at (p, value, MARGIN_X + key_w, p->y);
      p->y += h + 1.5;
    }
  p->y += 8;
}

static double
chart_height (Pager *p)
{
  return MIN (p->content_w * 0.48, 260);
}

static double table_start_height (Pager *p, HuReportTable *table);

/* What the blocks after a heading need on the same page, so a heading
 * never ends a page alone: a table's caption, header and first row as
 * they will be laid out; a run of headings with what follows them. */
static double
min_block_height (Pager                      *p,
                  const HuReportBlock * const *rest,
                  guint                       n_rest)
{
  const HuReportBlock *next = n_rest > 0 ? rest[0] : NULL;

  if (next == NULL)
    return 0;

  switch (next->kind)
    {
    case HU_BLOCK_CHART: return chart_height (p) + 8;
    case HU_BLOCK_TABLE: return table_start_height (p, next->table);
    case HU_BLOCK_STATEMENT: return 80;
    case HU_BLOCK_HEADING: return 30 + min_block_height (p, rest + 1, n_rest - 1);
    case HU_BLOCK_PARAGRAPH:
    case HU_BLOCK_META:
    case HU_BLOCK_TITLE:
    default:
      return 40;
    }
}

static void
block_heading (Pager                      *p,
               const char                 *text,
               int                         level,
               const HuReportBlock * const *rest,
               guint                       n_rest)
{
  double size = level <= 1 ? 14 : 11;
  g_autoptr(PangoLayout) layout = pager_text (p, text, size, TRUE, p->content_w, 2);
  double h = layout_height (layout);
  cairo_t *cr;

  /* Keep a heading with at least the start of what follows it. */
  p->y += level <= 1 ? 10 : 6;
  ensure_space (p, h + min_block_height (p, rest, n_rest));
  cr = pager_cr (p);
  if (cr != NULL)
    cairo_set_source_rgb (cr, 0.11, 0.44, 0.85);
  show_at (p, layout, MARGIN_X, p->y);
  p->y += h + 4;
}

static void
block_statement (Pager      *p,
                 const char *text)
{
  g_autoptr(PangoLayout) layout = pager_text (p, text, 10, FALSE, p->content_w - 20, 0);
  double h = layout_height (layout) + 16;
  cairo_t *cr;

  ensure_space (p, h);
  cr = pager_cr (p);
  if (cr != NULL)
    {
      cairo_set_source_rgb (cr, 0.93, 0.96, 1.0);
      cairo_rectangle (cr, MARGIN_X, p->y, p->content_w, h);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.11, 0.44, 0.85);
      cairo_rectangle (cr, MARGIN_X, p->y, 3, h);
      cairo_fill (cr);
      set_grey (cr, 0.1);
    }
  show_at (p, layout, MARGIN_X + 12, p->y + 8);
  p->y += h + 8;
}

/* ---------------------------------------------------------------------- */
/* Tables                                                                  */

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
  layout = pager_text (p, text, size, bold, 0, 0);
  return measure_store (p, natural_width (layout));
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
  layout = pager_text (p, words, size, bold, 0, 0);
  return measure_store (p, natural_width (layout));
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

  layout = pager_text (p, text, size, bold, 0, 0);
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
      layout = pager_text (p, text, size, bold, width, MAX_CELL_LINES);
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

      *height = MAX (*height, layout_height (layout));
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
  cairo_t *cr = pager_cr (p);

  if (cr != NULL && (header || shaded))
    {
      set_grey (cr, header ? 0.90 : 0.965);
      cairo_rectangle (cr, MARGIN_X, p->y, p->content_w, height);
      cairo_fill (cr);
    }

  if (cr != NULL)
    set_grey (cr, 0.1);
  for (guint i = 0; i < layouts->len; i++)
    show_at (p, g_ptr_array_index (layouts, i), g->x[i] + CELL_PAD_X, p->y + CELL_PAD_Y);

  if (cr != NULL && header)
    {
      cairo_set_line_width (cr, 0.6);
      set_grey (cr, 0.4);
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
  layout = pager_text (p, g_strstrip (text), 8.5, TRUE, p->content_w, 2);
  cr = pager_cr (p);
  if (cr != NULL)
    set_grey (cr, 0.25);
  show_at (p, layout, MARGIN_X, p->y);
  p->y += layout_height (layout) + 3;
}

/* The height of a table's caption, header and first row: what must fit on
 * a page for the table to start there. */
static double
table_start_height (Pager         *p,
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
      g_autoptr(PangoLayout) layout = pager_text (p, text, 8.5, TRUE, p->content_w, 2);

      caption_h = layout_height (layout) + 3;
    }
  table_geometry_clear (&g);
  return caption_h + header_h + first_h + 2;
}

/* Rows never split; when the next row does not fit, the table continues
 * on a new page under a repeated header, and never with its last row
 * alone there when the row before it can go along. */
static void
block_table (Pager         *p,
             HuReportTable *table)
{
  TableGeometry g;
  g_autoptr(GPtrArray) header = NULL;
  double header_h;
  guint rows_on_page = 0;

  ensure_space (p, table_start_height (p, table));
  table_geometry (p, table, &g);
  header = row_layouts (p, table, &g, table->headers, TRUE, &header_h);
  table_caption (p, table->caption, FALSE);
  draw_row (p, &g, header, header_h, TRUE, FALSE);

  for (guint r = 0; r < table->rows->len; r++)
    {
      double h;
      g_autoptr(GPtrArray) row = row_layouts (p, table, &g, g_ptr_array_index (table->rows, r),
                                              FALSE, &h);
      gboolean break_here = h > space_left (p);

      /* The last two rows: if the last would be carried over alone, carry
       * this one over with it. */
      if (!break_here && r + 2 == table->rows->len && rows_on_page > 0)
        {
          double last_h;

          g_ptr_array_unref (row_layouts (p, table, &g, g_ptr_array_index (table->rows, r + 1),
                                          FALSE, &last_h));
          break_here = h + last_h > space_left (p);
        }
      if (break_here)
        {
          new_page (p);
          table_caption (p, table->caption, TRUE);
          draw_row (p, &g, header, header_h, TRUE, FALSE);
          rows_on_page = 0;
        }
      draw_row (p, &g, row, h, FALSE, r % 2 == 1);
      rows_on_page++;
    }

  {
    cairo_t *cr = pager_cr (p);

    if (cr != NULL)
      {
        cairo_set_line_width (cr, 0.6);
        set_grey (cr, 0.4);
        cairo_move_to (cr, MARGIN_X, p->y);
        cairo_line_to (cr, MARGIN_X + p->content_w, p->y);
        cairo_stroke (cr);
      }
  }
  p->y += 10;
  table_geometry_clear (&g);
}

static void
block_chart (Pager               *p,
             const HuReportBlock *block)
{
  double width = p->content_w;
  double height = chart_height (p);
  cairo_t *cr;

  ensure_space (p, height + 8);
  cr = pager_cr (p);
  if (cr != NULL)
    {
      g_autoptr(HuChart) chart = _hu_report_build_chart (p->report, block);

      cairo_save (cr);
      cairo_translate (cr, MARGIN_X, p->y);
      hu_chart_render (chart, cr, width, height, &p->chart_style);
      cairo_restore (cr);
    }
  p->y += height + 12;
}

static void
layout_block (Pager                      *p,
              const HuReportBlock * const *rest,
              guint                       n_rest)
{
  const HuReportBlock *block = rest[0];

  switch (block->kind)
    {
    case HU_BLOCK_TITLE:
      block_title (p, block->text);
      break;
    case HU_BLOCK_META:
      block_meta (p, block->meta);
      break;
    case HU_BLOCK_HEADING:
      block_heading (p, block->text, block->level, rest + 1, n_rest - 1);
      break;
    case HU_BLOCK_PARAGRAPH:
      flow_paragraph (p, block->text, 8.5, FALSE, 0, 0.15);
      p->y += 6;
      break;
    case HU_BLOCK_STATEMENT:
      block_statement (p, block->text);
      break;
    case HU_BLOCK_TABLE:
      block_table (p, block->table);
      break;
    case HU_BLOCK_CHART:
      block_chart (p, block);
      break;
    default:
      break;
    }
}

static PangoContext *
create_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* 72 dpi: a Pango point is a PDF point. */
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);

  return context;
}

static Measure *
measure_new (void)
{
  Measure *m = g_new0 (Measure, 1);

  m->context = create_context ();
  m->widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  m->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  m->key = g_string_sized_new (128);
  return m;
}

static void
measure_free (Measure *m)
{
  g_hash_table_unref (m->layouts);
  g_hash_table_unref (m->widths);
  g_string_free (m->key, TRUE);
  g_object_unref (m->context);
  g_free (m);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Measure, measure_free)

static guint
paginate_doc (HuReport     *self,
              Measure      *measure,
              GPtrArray    *doc,
              cairo_t      *cr,
              int           only_page,
              gboolean      show_pages,
              guint         total,
              GCancellable *cancellable,
              gboolean     *cancelled)
{
  Pager p = { 0 };

  p.report = self;
  p.cr = cr;
  p.only_page = only_page;
  p.show_pages = show_pages;
  p.total = total;
  p.cancellable = cancellable;
  _hu_report_paper_size (self->paper, &p.page_w, &p.page_h);
  p.content_w = p.page_w - 2 * MARGIN_X;
  p.y = MARGIN_TOP;
  p.measure = measure;
  p.context = measure->context;
  hu_chart_style_init (&p.chart_style, FALSE);
  pango_font_description_set_size (p.chart_style.font, 6 * PANGO_SCALE);
  p.chart_style.background.alpha = 0;

  draw_footer (&p);
  for (guint i = 0; i < doc->len; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          *cancelled = TRUE;
          break;
        }
      /* A preview is done once its page is behind us. */
      if (only_page >= 0 && p.page > (guint) only_page)
        break;
      layout_block (&p, (const HuReportBlock * const *) doc->pdata + i, doc->len - i);
    }

  hu_chart_style_clear (&p.chart_style);
  return p.page + 1;
}

static void
digest_string (GChecksum  *sum,
               const char *text)
{
  guint32 len = text != NULL ? (guint32) strlen (text) + 1 : 0;

  g_checksum_update (sum, (const guchar *) &len, sizeof len);
  if (text != NULL)
    g_checksum_update (sum, (const guchar *) text, len - 1);
}

static void
digest_bytes (GChecksum     *sum,
              gconstpointer  data,
              gsize          size)
{
  g_checksum_update (sum, data, size);
}

/* A fingerprint of everything pagination reads: the paper, the title in
 * the footer and every block. */
static char *
doc_digest (HuReport  *self,
            GPtrArray *doc)
{
  GChecksum *sum = g_checksum_new (G_CHECKSUM_SHA256);
  char *digest;

  digest_bytes (sum, &self->paper, sizeof self->paper);
  digest_string (sum, self->title);
  for (guint i = 0; i < doc->len; i++)
    {
      const HuReportBlock *block = g_ptr_array_index (doc, i);
      const HuReportTable *table = block->table;

      digest_bytes (sum, &block->kind, sizeof block->kind);
      digest_bytes (sum, &block->level, sizeof block->level);
      digest_bytes (sum, &block->metric, sizeof block->metric);
      digest_bytes (sum, &block->run, sizeof block->run);
      digest_bytes (sum, &block->tornado, sizeof block->tornado);
      digest_string (sum, block->text);
      digest_bytes (sum, &(guint) { block->meta != NULL ? block->meta->len : 0 }, sizeof (guint));
      for (guint m = 0; block->meta != NULL && m < block->meta->len; m++)
        digest_string (sum, block->meta->pdata[m]);
      if (table == NULL)
        continue;
      digest_string (sum, table->caption);
      digest_bytes (sum, &table->n_columns, sizeof table->n_columns);
      digest_bytes (sum, table->numeric, sizeof (gboolean) * table->n_columns);
      digest_bytes (sum, table->weights, sizeof (double) * table->n_columns);
      for (guint c = 0; c < table->n_columns; c++)
        digest_string (sum, table->headers[c]);
      digest_bytes (sum, &table->rows->len, sizeof table->rows->len);
      for (guint r = 0; r < table->rows->len; r++)
        {
          char **row = g_ptr_array_index (table->rows, r);

          for (guint c = 0; c < table->n_columns; c++)
            digest_string (sum, row[c]);
        }
    }

  digest = g_strdup (g_checksum_get_string (sum));
  g_checksum_free (sum);
  return digest;
}

/* The page count last counted for this very document, or 0. */
static guint
cached_total (HuReport   *self,
              const char *digest)
{
  guint total = 0;

  g_mutex_lock (&self->pdf_lock);
  if (g_strcmp0 (self->pdf_digest, digest) == 0)
    total = self->pdf_pages;
  g_mutex_unlock (&self->pdf_lock);
  return total;
}

static void
store_total (HuReport   *self,
             const char *digest,
             guint       total)
{
  g_mutex_lock (&self->pdf_lock);
  g_free (self->pdf_digest);
  self->pdf_digest = g_strdup (digest);
  self->pdf_pages = total;
  g_mutex_unlock (&self->pdf_lock);
}

/* The document's page count: counted (no drawing) unless known already. */
static guint
count_pages (HuReport     *self,
             Measure      *measure,
             GPtrArray    *doc,
             GCancellable *cancellable,
             gboolean     *cancelled)
{
  g_autofree char *digest = doc_digest (self, doc);
  guint total = cached_total (self, digest);

  if (total > 0)
    return total;
  total = paginate_doc (self, measure, doc, NULL, -1, FALSE, 0, cancellable, cancelled);
  if (!*cancelled)
    store_total (self, digest, total);
  return total;
}

guint
_hu_report_paginate (HuReport     *self,
                     cairo_t      *cr,
                     int           only_page,
                     GCancellable *cancellable)
{
  g_autoptr(GPtrArray) doc = _hu_report_build_document (self);
  g_autoptr(Measure) measure = measure_new ();
  gboolean cancelled = FALSE;
  guint total;

  total = count_pages (self, measure, doc, cancellable, &cancelled);
  if (cr != NULL && !cancelled)
    paginate_doc (self, measure, doc, cr, only_page, FALSE, total, cancellable, &cancelled);
  return total;
}

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
_hu_report_to_pdf (HuReport      *self,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GPtrArray) doc = _hu_report_build_document (self);
  g_autoptr(Measure) measure = measure_new ();
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *date = g_date_time_format (self->date, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean cancelled = FALSE;
  double w, h;
  guint total;

  total = count_pages (self, measure, doc, cancellable, &cancelled);
  if (cancelled)
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }

  _hu_report_paper_size (self->paper, &w, &h);
  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, w, h);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (self->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Huella " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);

  cr = cairo_create (surface);
  paginate_doc (self, measure, doc, cr, -1, TRUE, total, cancellable, &cancelled);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (cancelled)
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, HU_REPORT_ERROR, HU_REPORT_ERROR_FAILED,
                   _("Could not write the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

void
_hu_report_paper_size (HuPaperSize  paper,
                       double      *width,
                       double      *height)
{
  if (paper == HU_PAPER_LETTER)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 595.276;
      *height = 841.89;
    }
}
