/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hu-import-error.h"
#include "hu-measured-run.h"

G_BEGIN_DECLS

/* Why a line was left out: it could not be read, or it is a gap in the
 * samples (a reading of "[N/A]", a pause in the log). The two are told
 * apart for the user: a gap is not a damaged line. */
typedef enum {
  HU_IMPORT_SKIP_UNREADABLE,
  HU_IMPORT_SKIP_GAP,
} HuImportSkipKind;

/* A line (or a whole run) that was left out, and why. line is 1-based, 0
 * when the problem is not tied to one line. */
typedef struct {
  char             *file;
  guint             line;
  char             *reason;
  HuImportSkipKind  kind;
} HuImportSkip;

/* The skipped lines of one file: every one counted, the first ones kept
 * in HuImportResult.skipped. */
typedef struct {
  char    *file;
  guint64  n_skipped;
  guint64  n_gaps;
  guint    n_kept;
} HuImportSkipFile;

/* At most this many skipped lines of each file are kept (the first ones):
 * a damaged file of millions of rows must not hold a message for each.
 * Each file has its own share, so that a second file's lines are not lost
 * behind a first file's hundred (issue 10 item 12); a folder of damaged
 * files keeps at most HU_IMPORT_MAX_SKIPPED_ALL in all, and still counts
 * every line of every file in skipped_files. */
#define HU_IMPORT_MAX_SKIPPED 100
#define HU_IMPORT_MAX_SKIPPED_ALL 1000

typedef struct HuImportResult {
  GPtrArray *runs;       /* HuMeasuredRun, in file order */
  GPtrArray *skipped;    /* HuImportSkip, in file order, the first
                          * HU_IMPORT_MAX_SKIPPED of each file */
  GPtrArray *skipped_files; /* HuImportSkipFile, each file with skipped
                             * lines once, in file order */
  guint64    n_skipped;  /* all of them, kept or not */
  guint64    n_gaps;     /* those of them that are gaps, kept or not */
  guint64    n_runs;     /* every run found: in runs, or handed out */
  guint      max_held;   /* the most runs held at once (a counter for
                          * tests: with a HuImportRunFunc it stays small
                          * whatever the number of runs) */
} HuImportResult;

/* Called from the importing thread, at most every few hundred kilobytes.
 * total is the size of all the files found, in bytes. */
typedef void (*HuImportProgressFunc) (guint64  bytes_done,
                                      guint64  bytes_total,
                                      gpointer user_data);

/* Called from the importing thread with each run once it is complete, in
 * file order; the run is not kept in HuImportResult.runs (take a
 * reference to keep it). */
typedef void (*HuImportRunFunc) (HuMeasuredRun *run,
                                 gpointer       user_data);

void            hu_import_skip_free      (HuImportSkip *skip);
gboolean        hu_import_result_count_skip (HuImportResult   *result,
                                             const char       *file,
                                             HuImportSkipKind  kind);

HuImportResult *hu_import_result_new     (void);
void            hu_import_result_free    (HuImportResult *result);

/* NULL-terminated list of the tracker names accepted by hu_import_paths()
 * ("auto" excluded): codecarbon, carbontracker, eit, eco2ai, nvidia-smi, zeus. */
const char * const *hu_import_get_trackers (void);

gboolean        hu_import_paths          (const char * const   *paths,
                                          const char           *tracker,
                                          GCancellable         *cancellable,
                                          HuImportProgressFunc  progress,
                                          gpointer              user_data,
                                          HuImportResult      **result,
                                          GError              **error);
gboolean        hu_import_paths_foreach  (const char * const   *paths,
                                          const char           *tracker,
                                          GCancellable         *cancellable,
                                          HuImportProgressFunc  progress,
                                          HuImportRunFunc       run_func,
                                          gpointer              user_data,
                                          HuImportResult      **result,
                                          GError              **error);

char           *hu_import_run_label      (const HuRunData *data);
void            hu_import_result_name_runs (HuImportResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuImportResult, hu_import_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuImportSkip, hu_import_skip_free)

G_END_DECLS
