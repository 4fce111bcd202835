/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "hu-sweep.h"

G_BEGIN_DECLS

/* A decimated power series: for each bucket of time, min/mean/max watts.
 * Memory is bounded by HU_SERIES_MAX_BUCKETS whatever the log's length. */
#define HU_SERIES_MAX_BUCKETS 4096

typedef struct {
  double t0_s;       /* bucket start, seconds since the run's start */
  double t1_s;
  double min_w;
  double mean_w;
  double max_w;
} HuSeriesBucket;

typedef struct {
  char   *label;     /* "GPU 0", "cpu", … */
  GArray *buckets;   /* HuSeriesBucket */
  guint64 samples;   /* raw samples seen */
} HuPowerSeries;

void           hu_power_series_free (HuPowerSeries *series);
char          *hu_power_series_get_title (const HuPowerSeries *series);

/* Everything an importer learns about one run (ARCHITECTURE.md §6).
 * Doubles are NAN and strings NULL when the log does not say. */
typedef struct {
  char      *id;              /* project-local id */
  char      *source;          /* codecarbon|carbontracker|eit|eco2ai|nvidia-smi|zeus */
  char      *source_version;
  char      *file;
  guint      line;            /* first line of the run in the file, 0 if n/a */
  char      *run_id;
  char      *name;
  char      *start;           /* ISO 8601; see start_is_local */
  gboolean   start_is_local;  /* no zone in the log: local wall-clock time */
  double     duration_s;
  double     energy_kwh;
  double     cpu_energy_kwh;
  double     gpu_energy_kwh;
  double     ram_energy_kwh;
  double     emissions_kg;
  double     intensity_g_per_kwh;
  double     pue;
  char      *country;
  char      *region;
  char      *gpu_model;
  double     gpu_count;
  char      *cpu_model;
  guint64    samples;         /* measurements behind the totals, 0 if n/a */
  gboolean   predicted;       /* a tracker's prediction, not a measurement */
  char      *notes;           /* what the importer did (PUE applied, …) */
  char      *scenario_id;     /* linked scenario, or NULL */
  GPtrArray *series;          /* HuPowerSeries, may be empty */
} HuRunData;

/* Deep copies, so a run can be handed to a worker thread (reports). */
HuPowerSeries *hu_power_series_copy (const HuPowerSeries *series);
void           hu_run_data_copy     (const HuRunData     *src,
                                     HuRunData           *dest);
void           hu_run_data_clear    (HuRunData           *data);

/* The one function that gives a run's metrics, for every view and export.
 * Its rule for what a log does not say: an unknown figure stays unknown.
 * A metric that needs it is NAN (shown as unknown), never guessed; the
 * run keeps its place and its other metrics. So GPU-hours need the GPU
 * count and the duration, hours the duration. A run's total CO₂eq is its
 * operational emissions (trackers do not measure embodied carbon); it has
 * no cost. hu_run_data_get_metric_rule() says this to people. */
double         hu_run_data_get_metric      (const HuRunData *data,
                                            HuMetric         metric);
const char    *hu_run_data_get_metric_rule (void);
char          *hu_run_data_format_accelerators (const HuRunData *data);
char          *hu_run_data_get_parts_note      (const HuRunData *data);

#define HU_TYPE_MEASURED_RUN (hu_measured_run_get_type ())
G_DECLARE_FINAL_TYPE (HuMeasuredRun, hu_measured_run, HU, MEASURED_RUN, GObject)

HuMeasuredRun *hu_measured_run_new            (void);
HuMeasuredRun *hu_measured_run_new_from_json  (JsonObject    *object,
                                               GError       **error);

/* Importers fill the data in place; call changed() after editing a run
 * that is already shown somewhere. */
HuRunData     *hu_measured_run_get_data       (HuMeasuredRun *self);
void           hu_measured_run_changed        (HuMeasuredRun *self);

const char    *hu_measured_run_get_id         (HuMeasuredRun *self);
const char    *hu_measured_run_get_name       (HuMeasuredRun *self);
void           hu_measured_run_set_name       (HuMeasuredRun *self,
                                               const char    *name);

/* The JSON object of `huella-cli import --format json`: exactly the keys
 * of the contract, null when unknown. */
void           hu_measured_run_write_contract (HuMeasuredRun *self,
                                               JsonBuilder   *builder);

G_END_DECLS
