/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-chart.h"
#include "hu-report-snapshot-private.h"

G_BEGIN_DECLS

/* ---- Human-readable document, shared by PDF, Markdown and LaTeX ---- */

typedef enum {
  HU_BLOCK_TITLE,          /* text = title; subtitle lines in table-less meta */
  HU_BLOCK_HEADING,        /* level 1 or 2 */
  HU_BLOCK_PARAGRAPH,
  HU_BLOCK_META,           /* "Key: value" lines (title block) */
  HU_BLOCK_TABLE,
  HU_BLOCK_CHART,          /* chart built on demand in the exporting thread */
  HU_BLOCK_STATEMENT,      /* the paste-ready paragraph, set apart */
} HuBlockKind;

typedef enum {
  HU_REPORT_UNIT_NONE,     /* text, or numbers written by hand */
  HU_REPORT_UNIT_SCALED,   /* one unit for the column, named in each cell */
  HU_REPORT_UNIT_BASE,     /* the base unit, named in the header */
  HU_REPORT_UNIT_HEADER,   /* one unit for the column, named in the header */
} HuReportUnitMode;

typedef struct {
  HuUnitKind        kind;
  HuReportUnitMode  mode;
  int               significant;
  const char       *currency;   /* the report's, outlives the table */
} HuReportColumnUnit;

typedef struct {
  char      *caption;
  guint      n_columns;
  char     **headers;      /* n_columns */
  gboolean  *numeric;      /* right-aligned columns */
  double    *weights;      /* relative widths for paged output */
  HuReportColumnUnit *units; /* n_columns: how quantity cells are written */
  GPtrArray *rows;         /* char ** of n_columns each (GStrv) */
  gboolean   for_paper;    /* also in the LaTeX export */
  /* The PDF's column widths, measured once for both pagination passes. */
  double    *pdf_widths;   /* n_columns, or NULL */
  double     pdf_font;
  double     pdf_header_font;
} HuReportTable;

typedef struct {
  HuBlockKind    kind;
  int            level;
  char          *text;
  GPtrArray     *meta;      /* HU_BLOCK_META: pairs key, value, key, … */
  HuReportTable *table;
  HuMetric       metric;    /* HU_BLOCK_CHART; metric ≥ HU_N_METRICS: power */
  int            run;       /* HU_BLOCK_CHART power chart of this run */
  guint          tornado;   /* HU_BLOCK_CHART: tornado of scenario
                             * (tornado − 1); 0 for none */
} HuReportBlock;

/* hu-report-table.c */
HuReportTable     *_hu_report_table_new      (const char    *caption,
                                              guint          n_columns,
                                              ...);
void               _hu_report_table_add_row  (HuReportTable *table,
                                              ...);
void               _hu_report_table_free     (HuReportTable *table);
void               _hu_report_table_set_unit (HuReportTable *table,
                                              guint          column,
                                              HuUnitKind     kind,
                                              HuReportUnitMode mode,
                                              int            significant,
                                              const char    *currency);
void               _hu_report_table_finish   (HuReportTable *table);
char              *_hu_report_cell_value     (double         value);
char              *_hu_report_cell_interval  (double         value,
                                              double         low,
                                              double         high);

/* hu-report-papers.c: the References list */
guint              _hu_report_n_papers       (void);
char              *_hu_report_paper          (guint          i);

/* hu-report-document.c */
GPtrArray         *_hu_report_build_document (HuReport      *self);
HuChart           *_hu_report_build_chart    (HuReport      *self,
                                              const HuReportBlock *block);

G_END_DECLS
