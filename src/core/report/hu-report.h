/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "hu-chart.h"
#include "hu-project.h"
#include "hu-sweep.h"

G_BEGIN_DECLS

#define HU_REPORT_ERROR (hu_report_error_quark ())

typedef enum {
  HU_REPORT_ERROR_FAILED,           /* writing or drawing failed */
  HU_REPORT_ERROR_UNKNOWN_FORMAT,   /* no format for that name or extension */
  HU_REPORT_ERROR_UNKNOWN_ITEM,     /* --scenario names no scenario or run */
  HU_REPORT_ERROR_EMPTY,            /* nothing to report (no scenario, no run) */
  HU_REPORT_ERROR_UNKNOWN_BASELINE, /* --baseline names no scenario */
} HuReportError;

typedef enum {
  HU_REPORT_FORMAT_PDF,
  HU_REPORT_FORMAT_SVG,             /* one chart */
  HU_REPORT_FORMAT_PNG,             /* one chart */
  HU_REPORT_FORMAT_CSV,
  HU_REPORT_FORMAT_JSON,
  HU_REPORT_FORMAT_MARKDOWN,
  HU_REPORT_FORMAT_LATEX,
  HU_N_REPORT_FORMATS
} HuReportFormat;

typedef enum {
  HU_PAPER_A4,
  HU_PAPER_LETTER,
} HuPaperSize;

/* What the human-readable formats (PDF, Markdown, LaTeX) include. CSV and
 * JSON always carry every number. */
typedef enum {
  HU_REPORT_INCLUDE_STATEMENT    = 1 << 0,
  HU_REPORT_INCLUDE_COMPARISON   = 1 << 1,
  HU_REPORT_INCLUDE_CHARTS       = 1 << 2,
  HU_REPORT_INCLUDE_INPUTS       = 1 << 3,
  HU_REPORT_INCLUDE_RUNS         = 1 << 4,
  HU_REPORT_INCLUDE_DERIVATIONS  = 1 << 5,
  HU_REPORT_INCLUDE_EQUIVALENCES = 1 << 6,
  HU_REPORT_INCLUDE_REFERENCES   = 1 << 7,
  HU_REPORT_INCLUDE_ALL          = 0xff,
} HuReportSections;

/* Options are copied by hu_report_new(); strings may be NULL. */
typedef struct {
  const char       *title;          /* NULL: the project's title */
  const char       *author;
  const char       *notes;          /* NULL: the project's notes */
  GDateTime        *date;           /* NULL: now */
  const char       *baseline_id;    /* scenario for ± %; NULL: the first */
  const char       *subject_id;     /* scenario or run of the statement and
                                     * model card; NULL: the baseline */
  const char       *equivalence_set; /* NULL: "epa-current" */
  HuPaperSize       paper;
  HuReportSections  sections;
  HuMetric          chart_metric;   /* the SVG/PNG chart; TOTAL_KG */
  double            chart_width;    /* SVG/PNG size in px; 800 × 500 */
  double            chart_height;
  double            chart_scale;    /* PNG pixel scale; 1 */
  gboolean          dark;           /* SVG/PNG colours for dark slides */
  /* Monte Carlo of the ranges (issue 12): intervals in the tables, the
   * tornado chart and the statement's range. */
  gboolean          default_ranges; /* the typical ranges of defaults too */
  guint             samples;        /* 0: HU_UNCERTAINTY_DEFAULT_SAMPLES */
  guint64           seed;           /* HU_UNCERTAINTY_DEFAULT_SEED */
} HuReportOptions;

void            hu_report_options_init       (HuReportOptions *options);

const char     *hu_report_format_to_string   (HuReportFormat   format);
/* "pdf", "svg", "png", "csv", "json", "md"/"markdown", "tex"/"latex". */
gboolean        hu_report_format_from_string (const char      *text,
                                              HuReportFormat  *format);
/* From the file name's extension. */
gboolean        hu_report_format_from_path   (const char      *path,
                                              HuReportFormat  *format);

#define HU_TYPE_REPORT (hu_report_get_type ())
G_DECLARE_FINAL_TYPE (HuReport, hu_report, HU, REPORT, GObject)

GQuark          hu_report_error_quark        (void);

/* Takes a snapshot of @project on the calling thread (estimates with
 * derivations, copies of the runs, catalog facts): the report never looks
 * at the project again, so it can be exported from a worker thread while
 * the user keeps editing. Fails when @options->subject_id or baseline_id
 * name nothing. */
HuReport       *hu_report_new                (HuProject              *project,
                                              const HuReportOptions  *options,
                                              GError                **error);
/* The same from a comparison the caller keeps (the app's, the CLI's): its
 * cached estimates are shared, none is computed again; its baseline is
 * the report's unless @options names one. */
HuReport       *hu_report_new_for_comparison (HuComparison           *comparison,
                                              const HuReportOptions  *options,
                                              GError                **error);

const char     *hu_report_get_title          (HuReport        *self);
guint           hu_report_get_n_scenarios    (HuReport        *self);
guint           hu_report_get_n_runs         (HuReport        *self);

/* The carbon impact statement of a scenario or run (NULL: the subject),
 * in the current locale, ready to paste into a paper. */
char           *hu_report_get_statement      (HuReport        *self,
                                              const char      *id,
                                              GError         **error);

/* Writes @path atomically in @format. Thread-safe: call it from a GTask
 * thread; it checks @cancellable between sections and pages. */
gboolean        hu_report_export             (HuReport        *self,
                                              HuReportFormat   format,
                                              const char      *path,
                                              GCancellable    *cancellable,
                                              GError         **error);
/* The same into memory (what export writes). */
GBytes         *hu_report_export_bytes       (HuReport        *self,
                                              HuReportFormat   format,
                                              GCancellable    *cancellable,
                                              GError         **error);

/* PDF page count and a preview: draws page @page (0-based) of the PDF
 * scaled to fit (@width × @height) in @cr, on a white sheet. */
guint           hu_report_get_n_pages        (HuReport        *self);
void            hu_report_get_page_size      (HuReport        *self,
                                              double          *width_pt,
                                              double          *height_pt);
gboolean        hu_report_render_page        (HuReport        *self,
                                              guint            page,
                                              cairo_t         *cr,
                                              double           width,
                                              double           height);

G_END_DECLS
