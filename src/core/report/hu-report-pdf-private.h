/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "hu-chart.h"
#include "hu-report-document-private.h"

G_BEGIN_DECLS

/* The PDF: its page primitives (hu-report-pdf-page.c), its tables
 * (hu-report-pdf-table.c) and the blocks that flow onto the pages
 * (hu-report-pdf.c). Blocks and tables call the page primitives; blocks
 * call tables; nothing calls back up. */

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
  const char    *heading;     /* the last heading laid out: names a
                               * table with no caption of its own */
  GArray        *table_pages; /* tests: the rows each page holds of the
                               * last table laid out (guint), or NULL */
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

/* hu-report-pdf-page.c: the page primitives */
cairo_t     *_hu_pdf_pager_cr      (Pager       *p);
PangoLayout *_hu_pdf_pager_text    (Pager       *p,
                                    const char  *text,
                                    double       size,
                                    gboolean     bold,
                                    double       width,
                                    int          max_lines);
double       _hu_pdf_layout_height (PangoLayout *layout);
void         _hu_pdf_set_grey      (cairo_t     *cr,
                                    double       level);
void         _hu_pdf_draw_footer   (Pager       *p);
void         _hu_pdf_new_page      (Pager       *p);
double       _hu_pdf_space_left    (Pager       *p);
void         _hu_pdf_ensure_space  (Pager       *p,
                                    double       height);
void         _hu_pdf_show_at       (Pager       *p,
                                    PangoLayout *layout,
                                    double       x,
                                    double       y);
double       _hu_pdf_natural_width (PangoLayout *layout);
const char  *_hu_pdf_glue_numbers  (const char  *text,
                                    char       **out);

/* hu-report-pdf-table.c */
double       _hu_pdf_table_start_height (Pager         *p,
                                         HuReportTable *table);
void         _hu_pdf_block_table   (Pager         *p,
                                    HuReportTable *table);
guint        _hu_pdf_table_cell_lines (Pager         *p,
                                       HuReportTable *table,
                                       guint          row,
                                       guint          column);

/* hu-report-pdf.c: for tests, a table laid out alone on @paper */
guint        _hu_report_pdf_cell_lines (HuReportTable *table,
                                        HuPaperSize    paper,
                                        guint          row,
                                        guint          column);
GArray      *_hu_report_pdf_table_pages (HuReportTable *table,
                                         HuPaperSize    paper,
                                         double         y);

G_END_DECLS
