/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-import.h"

G_BEGIN_DECLS

/* Longest line we keep. Real tracker lines are below 2 KiB; anything longer
 * is damage, and is reported and skipped without being buffered. */
#define HU_LINE_MAX (1024 * 1024)

/* Most fields a CSV record may have (CodeCarbon has 38). */
#define HU_CSV_MAX_FIELDS 256

/* What one importer call needs to know about the file and the caller. */
typedef struct {
  const char           *display;     /* the file as shown to people */
  HuImportResult       *result;
  GCancellable         *cancellable;
  HuImportProgressFunc  progress;
  gpointer              user_data;
  guint64               base_done;   /* bytes of the files before this one */
  guint64               total;
  HuImportRunFunc       run_func;    /* NULL: runs stay in result->runs */
} HuImportContext;

GInputStream *_hu_import_open        (GFile           *file,
                                       GCancellable    *cancellable,
                                       GError         **error);
void      _hu_import_context_progress (HuImportContext *ctx,
                                       guint64          file_done);
void      _hu_import_skip             (HuImportContext *ctx,
                                       guint            line,
                                       const char      *format,
                                       ...) G_GNUC_PRINTF (3, 4);
void      _hu_import_gap              (HuImportContext *ctx,
                                       guint            line,
                                       const char      *format,
                                       ...) G_GNUC_PRINTF (3, 4);

/* A buffered line reader: one memchr per line, no allocation per line. */
typedef struct {
  char     *text;      /* NUL-terminated, without the line ending; NULL at EOF */
  gsize     len;
  guint     number;    /* 1-based */
  gboolean  too_long;  /* longer than HU_LINE_MAX: text is "" */
} HuLine;

typedef struct _HuLineReader HuLineReader;

HuLineReader *_hu_line_reader_new   (GInputStream     *stream,
                                     HuImportContext  *ctx);
void          _hu_line_reader_free  (HuLineReader     *reader);
gboolean      _hu_line_reader_read  (HuLineReader     *reader,
                                     HuLine           *line,
                                     GError          **error);
/* The same, but an over-long line is reported as skipped and passed over:
 * line->text is NULL only at the end. Needs the reader's ctx. */
gboolean      _hu_line_reader_next  (HuLineReader     *reader,
                                     HuLine           *line,
                                     GError          **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuLineReader, _hu_line_reader_free)

/* CSV records (RFC 4180 quoting; a quoted field may span lines). */
typedef struct {
  char     *fields[HU_CSV_MAX_FIELDS];
  guint     n_fields;   /* may be HU_CSV_MAX_FIELDS + 1: "too many" */
  guint     number;     /* first line of the record */
  gboolean  unbalanced; /* a quote was never closed */
  gboolean  blank;
} HuCsvRecord;

typedef struct _HuCsvReader HuCsvReader;

HuCsvReader  *_hu_csv_reader_new    (GInputStream     *stream,
                                     char              separator,
                                     HuImportContext  *ctx);
void          _hu_csv_reader_free   (HuCsvReader      *reader);
/* The next record that is not blank; a line longer than HU_LINE_MAX is
 * reported as skipped and passed over. FALSE with error set on I/O error
 * or cancellation; *eof at the end. */
gboolean      _hu_csv_reader_read   (HuCsvReader      *reader,
                                     HuCsvRecord      *record,
                                     gboolean         *eof,
                                     GError          **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuCsvReader, _hu_csv_reader_free)

gboolean      _hu_csv_record_from_line (HuLineReader *lines,
                                        HuLine       *line,
                                        GString      *joined,
                                        char          separator,
                                        HuCsvRecord  *record,
                                        GError      **error);

/* Header lookup: index of a column by name, or -1. */
int           _hu_csv_column        (const HuCsvRecord *header,
                                     const char        *name);

/* Numbers and times from logs. An empty field is unknown (NAN, TRUE); text
 * that is not a finite number gives FALSE. Always C locale. */
gboolean      _hu_parse_number      (const char       *text,
                                     double           *out);
/* A cheap check that text is empty or a plain decimal number, for rows
 * whose numbers are only parsed if they turn out to matter. */
gboolean      _hu_number_syntax_ok  (const char       *text);
/* "YYYY-MM-DD[T ]HH:MM:SS[.frac][Z|±HH:MM]" and nvidia-smi's
 * "YYYY/MM/DD HH:MM:SS.mmm". The result is seconds since 1970 of the wall
 * clock read as if it were UTC; *has_zone tells whether it really was. */
gboolean      _hu_parse_timestamp   (const char       *text,
                                     double           *seconds,
                                     gboolean         *has_zone);
/* Damaged text, made fit to quote in a message: valid UTF-8, short. */
char         *_hu_shorten           (const char       *text);
char         *_hu_format_timestamp  (double            seconds,
                                     gboolean          is_local);
/* "H:MM:SS[.ss]" as carbontracker prints durations. */
gboolean      _hu_parse_hms         (const char       *text,
                                     double           *seconds);

/* A decimated power series with bounded memory: at most
 * HU_SERIES_MAX_BUCKETS buckets; when full, neighbours merge pairwise and
 * the bucket width doubles. */
typedef struct _HuSeriesBuilder HuSeriesBuilder;

HuSeriesBuilder *_hu_series_builder_new    (const char      *label);
void             _hu_series_builder_free   (HuSeriesBuilder *builder);
void             _hu_series_builder_add    (HuSeriesBuilder *builder,
                                            double           t_s,
                                            double           watts);
/* An average over [t0_s, t1_s] (carbontracker's epochs): one sample
 * whose bucket spans the interval, drawn level across it. */
void             _hu_series_builder_add_interval (HuSeriesBuilder *builder,
                                                  double           t0_s,
                                                  double           t1_s,
                                                  double           watts);
guint64          _hu_series_builder_get_samples (HuSeriesBuilder *builder);
/* Bucket times become relative to origin_s. */
HuPowerSeries   *_hu_series_builder_finish (HuSeriesBuilder *builder,
                                            double           origin_s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuSeriesBuilder, _hu_series_builder_free)

/* Runs. */
HuMeasuredRun *_hu_import_add_run   (HuImportContext  *ctx,
                                     const char       *source,
                                     guint             line);
/* @run (the last one added) holds its final values: with a run callback
 * it may leave as soon as the runs before it are complete too. */
void           _hu_import_finish_run (HuImportContext *ctx,
                                      HuMeasuredRun   *run);
/* hu-import-runs.c, for hu-import.c: hand out the finished runs (all of
 * them at the end of a file), skip the impossible ones from @first. */
void           _hu_import_hand_out_runs (HuImportContext *ctx,
                                         gboolean         all);
void           _hu_import_drop_impossible_runs (HuImportContext *ctx,
                                                guint            first);
void           _hu_run_set_string   (char            **field,
                                     const char       *value);
/* A log's list of devices ("NVIDIA A100, NVIDIA A100"), grouped:
 * see hu-import-util.c. @count may be NULL (CPUs: the count goes in the
 * name). */
void           _hu_run_set_devices  (char            **model,
                                     double           *count,
                                     const char       *list);
void           _hu_run_add_note     (HuRunData        *data,
                                     const char       *note);
void           _hu_run_add_series   (HuRunData        *data,
                                     HuPowerSeries    *series);
/* Where the log gives no intensity: emissions / energy, if both are known. */
void           _hu_run_derive_intensity (HuRunData    *data);
/* The start, written as _hu_format_timestamp() does (NULL if out of range). */
void           _hu_run_set_start    (HuRunData        *data,
                                     double            seconds,
                                     gboolean          is_local);

/* The importers. Each reads one stream and adds runs and skips to
 * ctx->result; FALSE only for I/O errors, cancellation, or a file that is
 * not of its format at all. */
gboolean _hu_import_codecarbon   (HuImportContext *ctx, GInputStream *stream, GError **error);
gboolean _hu_import_eco2ai       (HuImportContext *ctx, GInputStream *stream, GError **error);
gboolean _hu_import_eit          (HuImportContext *ctx, GInputStream *stream, GError **error);
gboolean _hu_import_nvidia_smi   (HuImportContext *ctx, GInputStream *stream, GError **error);
gboolean _hu_import_zeus         (HuImportContext *ctx, GInputStream *stream, GError **error);

/* carbontracker writes a run as a pair of logs; either may be NULL. */
gboolean _hu_import_carbontracker (HuImportContext *ctx,
                                   GFile           *std_log,
                                   const char      *std_display,
                                   GFile           *output_log,
                                   const char      *output_display,
                                   GError         **error);

/* Content sniffing (hu-import-detect.c). */
typedef enum {
  HU_FORMAT_UNKNOWN,
  HU_FORMAT_CODECARBON,
  HU_FORMAT_CARBONTRACKER_LOG,
  HU_FORMAT_CARBONTRACKER_OUTPUT,
  HU_FORMAT_CARBONTRACKER_ERR,
  HU_FORMAT_EIT,
  HU_FORMAT_ECO2AI,
  HU_FORMAT_NVIDIA_SMI,
  HU_FORMAT_ZEUS,
} HuFormat;

HuFormat    _hu_import_detect        (const char *head,
                                      gsize       len);
const char *_hu_format_get_tracker   (HuFormat    format);

G_END_DECLS
