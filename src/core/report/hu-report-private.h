/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hu-report.h"
#include "hu-util-private.h"

G_BEGIN_DECLS

/* ---- The report's snapshot of the project (immutable once built) ---- */

typedef struct {
  char       *id;
  char       *name;
  char       *notes;
  char       *run_id;     /* linked measured run, or NULL */
  HuInputs    inputs;
  HuEstimate *estimate;   /* with derivation; NULL when it failed */
  char       *error;      /* why the estimate failed */
} HuReportScenario;

typedef struct {
  char      *id;
  char      *name;
  HuRunData  data;        /* deep copy; series copied too */
} HuReportRun;

typedef struct {
  char   *kind;
  char   *title;
  char   *label;          /* "15.7 years of driving a car" */
  char   *explanation;
  double  amount;
  double  kg_per_unit;
  char   *unit;
  int     year;
  char   *source;
} HuReportEquivalence;

typedef struct {
  char *dataset;
  char *publisher;
  char *year;
  char *licence;
} HuReportReference;

struct _HuReport
{
  GObject           parent_instance;

  char             *title;
  char             *author;
  char             *notes;
  GDateTime        *date;
  char             *currency;
  char             *baseline_id;
  char             *subject_id;
  HuPaperSize       paper;
  HuReportSections  sections;
  HuMetric          chart_metric;
  double            chart_width;
  double            chart_height;
  double            chart_scale;
  gboolean          dark;

  GPtrArray        *scenarios;      /* HuReportScenario */
  GPtrArray        *runs;           /* HuReportRun */
  GPtrArray        *equivalences;   /* HuReportEquivalence, for the subject */
  GPtrArray        *references;     /* HuReportReference, from SOURCES.md */
  char             *equivalence_set_name;
  char             *equivalence_set_source;
  int               equivalence_set_year;
  guint             n_catalog_gpus;
  guint             n_catalog_regions;
  int               catalog_gpu_year;    /* newest entry's year */
  int               catalog_region_year;

  /* The PDF's page count, kept for the document it was counted from (the
   * document follows the locale): counted once for get_n_pages, previews
   * and exports. The report may be exported from a worker thread while
   * the UI draws a preview, hence the lock. */
  GMutex            pdf_lock;
  char             *pdf_digest;     /* of the document; NULL: not counted */
  guint             pdf_pages;
};

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

typedef struct {
  char      *caption;
  guint      n_columns;
  char     **headers;      /* n_columns */
  gboolean  *numeric;      /* right-aligned columns */
  double    *weights;      /* relative widths for paged output */
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
} HuReportBlock;

/* A measured run next to the estimate of its linked scenario. */
typedef struct {
  const HuReportScenario *scenario;   /* NULL: the run is not linked */
  double measured_kwh;
  double estimated_kwh;
  double kwh_pct;                     /* (estimated − measured) ÷ measured × 100 */
  double measured_kg;                 /* operational CO₂eq */
  double estimated_kg;
  double kg_pct;
  double measured_hours;              /* wall-clock */
  double estimated_hours;
  double hours_pct;
} HuReportComparison;

const HuReportScenario *_hu_report_linked_scenario (HuReport          *self,
                                                    const HuReportRun *run);
/* FALSE when the run has no linked scenario with an estimate (the
 * estimated fields are then NAN). */
gboolean           _hu_report_compare_run    (HuReport           *self,
                                              const HuReportRun  *run,
                                              HuReportComparison *comparison);

GPtrArray         *_hu_report_build_document (HuReport      *self);
HuChart           *_hu_report_build_chart    (HuReport      *self,
                                              const HuReportBlock *block);
char              *_hu_report_statement      (HuReport      *self,
                                              const char    *id,
                                              gboolean      *found);
const HuReportScenario *_hu_report_baseline  (HuReport      *self);
/* The baseline's total CO₂eq; NAN without a baseline estimate. */
double             _hu_report_baseline_total (HuReport      *self);
/* (@value − @reference) ÷ @reference × 100; NAN when either is not
 * finite or @reference is 0. */
double             _hu_report_pct_change     (double         value,
                                              double         reference);

GBytes            *_hu_report_to_csv         (HuReport      *self);
GBytes            *_hu_report_to_json        (HuReport      *self);
GBytes            *_hu_report_to_markdown    (HuReport      *self,
                                              GCancellable  *cancellable,
                                              GError       **error);
GBytes            *_hu_report_to_latex       (HuReport      *self,
                                              GCancellable  *cancellable,
                                              GError       **error);
GBytes            *_hu_report_to_pdf         (HuReport      *self,
                                              GCancellable  *cancellable,
                                              GError       **error);
/* Lays out the PDF; draws page @only_page into @cr when not NULL (preview),
 * returns the page count. */
guint              _hu_report_paginate       (HuReport      *self,
                                              cairo_t       *cr,
                                              int            only_page,
                                              GCancellable  *cancellable);
void               _hu_report_paper_size     (HuPaperSize    paper,
                                              double        *width,
                                              double        *height);

/* Model-card metadata block for a scenario or run (YAML). */
char              *_hu_report_model_card     (HuReport      *self,
                                              const char    *id);

G_END_DECLS
