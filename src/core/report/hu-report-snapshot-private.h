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
  HuRegion   *region;     /* the catalog's entry for the estimate's region, or NULL */
  char       *error;      /* why the estimate failed */
  /* Intervals against the baseline; NULL when no range applies. */
  HuUncertainty *uncertainty;
  double      metrics[HU_N_METRICS];   /* the comparison row's */
} HuReportScenario;

typedef struct {
  char      *id;
  char      *name;
  HuRunData  data;        /* deep copy; series copied too */
  double     metrics[HU_N_METRICS];    /* the comparison row's: unknown stays NAN */
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

/* hu-report-snapshot.c */

void               _hu_report_snapshot_init  (HuReport              *self);
/* Copies what the report needs from @comparison and its project; FALSE if @options names
 * a baseline or subject the project does not have. */
gboolean           _hu_report_take_snapshot  (HuReport              *self,
                                              HuComparison          *comparison,
                                              const HuReportOptions *options,
                                              GError               **error);

const HuReportScenario *_hu_report_linked_scenario (HuReport          *self,
                                                    const HuReportRun *run);
/* FALSE when the run has no linked scenario with an estimate (the
 * estimated fields are then NAN). */
gboolean           _hu_report_compare_run    (HuReport           *self,
                                              const HuReportRun  *run,
                                              HuReportComparison *comparison);
const HuReportScenario *_hu_report_baseline  (HuReport      *self);
/* The name people read for @s's region, in the reader's language (for
 * the PDF, Markdown and LaTeX); NULL without a region. */
const char        *_hu_report_region_name    (const HuReportScenario *s);
/* The baseline's total CO₂eq; NAN without a baseline estimate. */
double             _hu_report_baseline_total (HuReport      *self);
/* The 5–95 % interval of @output of @s, NULL without ranges. */
const HuInterval  *_hu_report_interval       (const HuReportScenario *s,
                                              const char    *output);
/* (@value − @reference) ÷ @reference × 100; NAN when either is not
 * finite or @reference is 0. */
double             _hu_report_pct_change     (double         value,
                                              double         reference);

G_END_DECLS
