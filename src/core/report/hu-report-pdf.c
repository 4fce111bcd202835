/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "hu-report-document-private.h"
#include "hu-report-pdf-private.h"
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

/* ---------------------------------------------------------------------- */
/* Blocks                                                                  */

/* Paragraphs break between lines, so a long note can span pages, but
 * never leave their first line alone at a page's foot or their last alone
 * at the top of the next (lines of one paragraph share a height). */
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
  int n_lines, k = 0;

  if (text == NULL || text[0] == '\0')
    return;

  layout = _hu_pdf_pager_text (p, text, size, bold, p->content_w - indent, 0);
  n_lines = pango_layout_get_line_count (layout);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double baseline, line_h;
      cairo_t *cr;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_h = (double) logical.height / PANGO_SCALE;
      /* the first line with the second; the one before last with the last */
      _hu_pdf_ensure_space (p, n_lines >= 2 && (k == 0 || (k == n_lines - 2 && k >= 2))
                               ? 2 * line_h : line_h);
      k++;
      baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;

      cr = _hu_pdf_pager_cr (p);
      if (cr != NULL)
        {
          _hu_pdf_set_grey (cr, grey);
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
  g_autoptr(PangoLayout) layout = _hu_pdf_pager_text (p, text, 20, TRUE, p->content_w, 3);
  cairo_t *cr = _hu_pdf_pager_cr (p);

  if (cr != NULL)
    _hu_pdf_set_grey (cr, 0.1);
  _hu_pdf_show_at (p, layout, MARGIN_X, p->y);
  p->y += _hu_pdf_layout_height (layout) + 8;
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
      g_autoptr(PangoLayout) key = _hu_pdf_pager_text (p, meta->pdata[i], 8.5, TRUE, 0, 0);

      key_w = MAX (key_w, _hu_pdf_natural_width (key));
    }
  key_w = MIN (key_w + 12, p->content_w * 0.4);

  for (guint i = 0; i + 1 < meta->len; i += 2)
    {
      g_autoptr(PangoLayout) key = _hu_pdf_pager_text (p, meta->pdata[i], 8.5, TRUE, key_w - 6, 2);
      g_autoptr(PangoLayout) value = _hu_pdf_pager_text (p, meta->pdata[i + 1], 8.5, FALSE,
                                                 p->content_w - key_w, 3);
      double h = MAX (_hu_pdf_layout_height (key), _hu_pdf_layout_height (value));
      cairo_t *cr;

      _hu_pdf_ensure_space (p, h);
      cr = _hu_pdf_pager_cr (p);
      if (cr != NULL)
        _hu_pdf_set_grey (cr, 0.35);
      _hu_pdf_show_at (p, key, MARGIN_X, p->y);
      if (cr != NULL)
        _hu_pdf_set_grey (cr, 0.1);
      _hu_pdf_show_at (p, value, MARGIN_X + key_w, p->y);
      p->y += h + 1.5;
    }
  p->y += 8;
}

static double
chart_height (Pager *p)
{
  return MIN (p->content_w * 0.48, 260);
}


/* What the blocks after a heading need on the same page, so a heading
 * never ends a page alone: a table's caption, header and first rows as
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
    case HU_BLOCK_TABLE: return _hu_pdf_table_start_height (p, next->table);
    case HU_BLOCK_STATEMENT: return 80;
    case HU_BLOCK_HEADING: return 30 + min_block_height (p, rest + 1, n_rest - 1);
    case HU_BLOCK_PARAGRAPH:
      /* A short paragraph between a heading and its table (a scenario's
       * notes above its derivation) goes with both. */
      if (n_rest > 1 && rest[1]->kind == HU_BLOCK_TABLE && next->text != NULL)
        {
          g_autoptr(PangoLayout) layout = _hu_pdf_pager_text (p, next->text, 8.5, FALSE,
                                                              p->content_w, 0);
          double h = _hu_pdf_layout_height (layout);

          if (h <= 60)
            return h + 6 + _hu_pdf_table_start_height (p, rest[1]->table);
        }
      return 40;
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
  g_autoptr(PangoLayout) layout = _hu_pdf_pager_text (p, text, size, TRUE, p->content_w, 2);
  double h = _hu_pdf_layout_height (layout);
  cairo_t *cr;

  /* Keep a heading with at least the start of what follows it. */
  p->y += level <= 1 ? 10 : 6;
  /* h + 4: the heading and the gap below it. */
  _hu_pdf_ensure_space (p, h + 4 + min_block_height (p, rest, n_rest));
  cr = _hu_pdf_pager_cr (p);
  if (cr != NULL)
    cairo_set_source_rgb (cr, 0.11, 0.44, 0.85);
  _hu_pdf_show_at (p, layout, MARGIN_X, p->y);
  p->y += h + 4;
}

static void
block_statement (Pager      *p,
                 const char *text)
{
  g_autoptr(PangoLayout) layout = _hu_pdf_pager_text (p, text, 10, FALSE, p->content_w - 20, 0);
  double h = _hu_pdf_layout_height (layout) + 16;
  cairo_t *cr;

  _hu_pdf_ensure_space (p, h);
  cr = _hu_pdf_pager_cr (p);
  if (cr != NULL)
    {
      cairo_set_source_rgb (cr, 0.93, 0.96, 1.0);
      cairo_rectangle (cr, MARGIN_X, p->y, p->content_w, h);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.11, 0.44, 0.85);
      cairo_rectangle (cr, MARGIN_X, p->y, 3, h);
      cairo_fill (cr);
      _hu_pdf_set_grey (cr, 0.1);
    }
  _hu_pdf_show_at (p, layout, MARGIN_X + 12, p->y + 8);
  p->y += h + 8;
}

static void
block_chart (Pager               *p,
             const HuReportBlock *block)
{
  double width = p->content_w;
  double height = chart_height (p);
  cairo_t *cr;

  _hu_pdf_ensure_space (p, height + 8);
  cr = _hu_pdf_pager_cr (p);
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
      p->heading = block->text;
      break;
    case HU_BLOCK_PARAGRAPH:
      flow_paragraph (p, block->text, 8.5, FALSE, 0, 0.15);
      p->y += 6;
      break;
    case HU_BLOCK_STATEMENT:
      block_statement (p, block->text);
      break;
    case HU_BLOCK_TABLE:
      _hu_pdf_block_table (p, block->table);
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

/* A pager that draws nothing, @y points down a page of @paper, measuring
 * text as an export does: what the tests ask of the layout. */
static void
measuring_pager_init (Pager       *p,
                      Measure     *measure,
                      HuPaperSize  paper,
                      double       y)
{
  *p = (Pager) { 0 };
  p->only_page = -1;
  _hu_report_paper_size (paper, &p->page_w, &p->page_h);
  p->content_w = p->page_w - 2 * MARGIN_X;
  p->y = y;
  p->measure = measure;
  p->context = measure->context;
}

/* How many lines cell (@row, @column) of @table takes in the PDF, its
 * columns measured as an export measures them. */
guint
_hu_report_pdf_cell_lines (HuReportTable *table,
                           HuPaperSize    paper,
                           guint          row,
                           guint          column)
{
  g_autoptr(Measure) measure = measure_new ();
  Pager p;

  measuring_pager_init (&p, measure, paper, MARGIN_TOP);
  return _hu_pdf_table_cell_lines (&p, table, row, column);
}

/* The rows each page holds of @table laid out alone from @y points down a
 * page of @paper (0 first when it starts on the next page). */
GArray *
_hu_report_pdf_table_pages (HuReportTable *table,
                            HuPaperSize    paper,
                            double         y)
{
  g_autoptr(Measure) measure = measure_new ();
  Pager p;

  measuring_pager_init (&p, measure, paper, y);
  p.table_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  _hu_pdf_block_table (&p, table);
  return p.table_pages;
}

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

  _hu_pdf_draw_footer (&p);
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
