/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importers against the real fixtures in tests/data (copied byte for byte
 * from ../shared/fixtures; provenance in tests/data/PROVENANCE.tsv). The
 * expected numbers were read off the files by hand; each test says how.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hu-import.h"
#include "import-test-helpers.h"

/* Values are copied from the files, so only float rounding separates them. */
#define EPS 1e-12

/* carbontracker's logs of a two-epoch run (tests/ui/test-runs.c reads them
 * too): the file names less "_output.log" and ".log". */
#define CT_PREFIX "ct1.2.5_SYNTHETIC_two-a100-epochs-predicted"
#define CT_EPOCHS CT_PREFIX "_1.2_2024-01-01T100000Z_carbontracker"

static HuImportResult *
import_one (const char *name,
            const char *tracker)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return import_ok (path, tracker);
}

static HuRunData *
run_at (HuImportResult *result,
        guint           i)
{
  g_assert_cmpuint (i, <, result->runs->len);
  return hu_measured_run_get_data (g_ptr_array_index (result->runs, i));
}

static HuRunData *
run_with_id (HuImportResult *result,
             const char     *prefix)
{
  for (guint i = 0; i < result->runs->len; i++)
    {
      HuRunData *d = run_at (result, i);
      if (d->run_id != NULL && g_str_has_prefix (d->run_id, prefix))
        return d;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_all_fixtures (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint files = 0;

  g_assert_nonnull (listing);
  /* One by one, forced nowhere: every fixture either imports or is
   * refused with a message (the pickle, the provenance table). */
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      const char *paths[] = { path, NULL };
      g_autoptr(HuImportResult) result = NULL;
      g_autoptr(GError) error = NULL;

      if (!hu_import_paths (paths, NULL, NULL, NULL, NULL, &result, &error))
        {
          g_assert_error (error, HU_IMPORT_ERROR, HU_IMPORT_ERROR_UNKNOWN_FORMAT);
          g_assert_true (g_str_has_prefix (error->message, path));
        }
      files++;
    }
  g_assert_cmpuint (files, >=, 50);

  /* The whole folder at once: unknown files are passed over quietly. */
  {
    const char *paths[] = { dir, NULL };
    g_autoptr(HuImportResult) result = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (hu_import_paths (paths, "auto", NULL, NULL, NULL, &result, &error));
    g_assert_no_error (error);
    /* 730 CodeCarbon (one count per file in the tests below and the
     * rest by run id), Eco2AI 7 + 9 + 1 + 1 + 1 = 19, 1 EIT, carbontracker
     * 2 (the two epochs' run and its prediction): 752; the other
     * carbontracker run that finished lasted 0 s and is skipped. */
    g_assert_cmpuint (result->runs->len, ==, 752);
  }
}

static void
test_codecarbon_cumulative (void)
{
  g_autoptr(HuImportResult) r = import_one ("cc2.3.1_macos-m2_repeated-run_id-cumulative_Idrissben.csv",
                                            NULL);
  HuRunData *d;

  /* 12 rows, run ids 5281fea1 (line 2), aad3f2fe (3–4), 988d8758 (5),
   * 32f781fd (6), 5d6c08a2 (7–13): 5 runs, in that order. */
  g_assert_cmpuint (r->runs->len, ==, 5);
  g_assert_cmpuint (r->skipped->len, ==, 0);
  g_assert_true (g_str_has_prefix (run_at (r, 0)->run_id, "5281fea1"));
  g_assert_true (g_str_has_prefix (run_at (r, 4)->run_id, "5d6c08a2"));

  /* 5d6c08a2: durations 2.00, 9.00, 17.34, 23.65, 30.32, 40.99, 44.09 s;
   * the longest is line 13 with energy_consumed 0.0005939216277665562 kWh
   * and emissions 4.002437849518822e-05 kg. The sum of the seven rows
   * (0.0022552… kWh) would be wrong. */
  d = run_with_id (r, "5d6c08a2");
  g_assert_cmpfloat_with_epsilon (d->duration_s, 44.09016823768616, EPS);
  g_assert_cmpfloat_with_epsilon (d->energy_kwh, 0.0005939216277665562, EPS);
  g_assert_cmpfloat_with_epsilon (d->emissions_kg, 4.002437849518822e-05, EPS);
  g_assert_cmpfloat_with_epsilon (d->cpu_energy_kwh, 0.0005204515001840062, EPS);
  g_assert_cmpuint (d->samples, ==, 7);
  g_assert_cmpuint (d->line, ==, 7);
  g_assert_cmpstr (d->source, ==, "codecarbon");
  g_assert_cmpstr (d->source_version, ==, "2.3.1");
  g_assert_cmpstr (d->country, ==, "FRA");
  /* Intensity = emissions / energy = 4.0024e-05 / 5.9392e-04 × 1000. */
  g_assert_cmpfloat_with_epsilon (d->intensity_g_per_kwh,
                                  4.002437849518822e-05 / 0.0005939216277665562 * 1000, 1e-9);
  /* Written at 12:39:31 after 44.09 s: started 12:38:46.9, local time. */
  g_assert_cmpstr (d->start, ==, "2023-11-09T12:38:46");
  g_assert_true (d->start_is_local);

  /* aad3f2fe: line 4 (23.37 s) beats line 3 (10.32 s). */
  d = run_with_id (r, "aad3f2fe");
  g_assert_cmpfloat_with_epsilon (d->energy_kwh, 0.0003147767714659, EPS);
}

static void
test_codecarbon_flush (void)
{
  g_autoptr(HuImportResult) r =
    import_one ("cc3.3.0_flush-x2-then-stop_cumulative_EMBEDDED-in-test-unknown-repo.csv", NULL);
  HuRunData *d;

  /* flush, flush, stop: durations 6.11, 9.12, 12.13 s → line 4 counts:
   * energy 5.14787354818382e-05 kWh, emissions 1.3327795140966287e-05 kg. */
  g_assert_cmpuint (r->runs->len, ==, 1);
  d = run_at (r, 0);
  g_assert_cmpfloat_with_epsilon (d->duration_s, 12.128133875005005, EPS);
  g_assert_cmpfloat_with_epsilon (d->energy_kwh, 5.14787354818382e-05, EPS);
  g_assert_cmpfloat_with_epsilon (d->emissions_kg, 1.3327795140966287e-05, EPS);
  g_assert_cmpfloat_with_epsilon (d->pue, 1.0, EPS);
  g_assert_cmpstr (d->source_version, ==, "3.3.0");
  g_assert_cmpstr (d->region, ==, "madrid");
  /* 19:37:35 − 12.13 s = 19:37:22.9 */
  g_assert_cmpstr (d->start, ==, "2026-08-12T19:37:22");
}

static void
test_codecarbon_damaged_rows (void)
{
  g_autoptr(HuImportResult) r =
    import_one ("cc2.0-2.1_LARGE_8gpu_emissions_rate-g-per-s_bigscience.csv", NULL);
  HuImportSkip *first;

  /* 3 666 data rows. Concurrent writers left rows that start with a
   * fragment ("ne,N,,,…") instead of a timestamp: counting the lines whose
   * first field is not YYYY-MM-DDTHH:MM:SS gives 645; the other 3 021 rows
   * belong to 4 run ids. The first damaged row is line 84, "ne,N,,,…". */
  g_assert_cmpuint (r->runs->len, ==, 4);
  /* All 645 are counted, the first 100 kept (HU_IMPORT_MAX_SKIPPED). */
  g_assert_cmpuint (r->n_skipped, ==, 645);
  g_assert_cmpuint (r->skipped->len, ==, 100);
  first = g_ptr_array_index (r->skipped, 0);
  g_assert_cmpuint (first->line, ==, 84);
  g_assert_true (strstr (first->reason, "timestamp") != NULL);
  /* 2.0/2.1 has no codecarbon_version column. */
  g_assert_cmpstr (run_at (r, 0)->source_version, ==, "2.0–2.1");
}

/* Two files with skipped lines at once: each keeps its own lines and
 * count, the second's one line is not lost behind the first's hundred
 * (issue 10 item 12). */
static void
test_skipped_two_files (void)
{
  g_autofree char *big =
    g_test_build_filename (G_TEST_DIST, "data",
                           "cc2.0-2.1_LARGE_8gpu_emissions_rate-g-per-s_bigscience.csv", NULL);
  g_autofree char *log =
    g_test_build_filename (G_TEST_DIST, "data", "ct2.4.4_macos_no-epoch-end_33447.772679_"
                           "2026-05-27T174711Z_carbontracker.log", NULL);
  const char *paths[] = { big, log, NULL };
  g_autoptr(HuImportResult) r = NULL;
  g_autoptr(GError) error = NULL;
  HuImportSkipFile *first, *second;
  HuImportSkip *last;

  g_assert_true (hu_import_paths (paths, "auto", NULL, NULL, NULL, &r, &error));
  g_assert_no_error (error);
  /* 645 damaged rows (test_codecarbon_damaged_rows), and the log's run
   * without a completed epoch. */
  g_assert_cmpuint (r->n_skipped, ==, 646);
  g_assert_cmpuint (r->skipped_files->len, ==, 2);
  first = g_ptr_array_index (r->skipped_files, 0);
  second = g_ptr_array_index (r->skipped_files, 1);
  g_assert_true (g_str_has_suffix (first->file, "bigscience.csv"));
  g_assert_cmpuint (first->n_skipped, ==, 645);
  g_assert_cmpuint (first->n_kept, ==, HU_IMPORT_MAX_SKIPPED);
  g_assert_true (g_str_has_suffix (second->file, "carbontracker.log"));
  g_assert_cmpuint (second->n_skipped, ==, 1);
  g_assert_cmpuint (second->n_kept, ==, 1);
  /* 100 of the first file, then the second's. */
  g_assert_cmpuint (r->skipped->len, ==, HU_IMPORT_MAX_SKIPPED + 1);
  last = g_ptr_array_index (r->skipped, HU_IMPORT_MAX_SKIPPED);
  g_assert_cmpstr (last->file, ==, second->file);
}

static void
test_codecarbon_variants (void)
{
  /* 1.x, CRLF, UTF-8 region: 8 rows, 8 experiment ids → 8 runs. */
  {
    g_autoptr(HuImportResult) r = import_one ("cc1.x_real_sweden-utf8-region_miszkur.csv", NULL);
    g_assert_cmpuint (r->runs->len, ==, 8);
    g_assert_cmpuint (r->skipped->len, ==, 0);
    g_assert_cmpstr (run_at (r, 0)->source_version, ==, "1.x");
    /* line 2: duration 135.36403846740723 */
    g_assert_cmpfloat_with_epsilon (run_at (r, 0)->duration_s, 135.36403846740723, EPS);
  }
  /* BOM + integers: 100 rows; energy_consumed column sums to 496. */
  {
    g_autoptr(HuImportResult) r =
      import_one ("cc1.x-header_SYNTHETIC-demo_utf8-BOM_mlco2-v1.2.0.csv", NULL);
    double sum = 0;
    g_assert_cmpuint (r->runs->len, ==, 100);
    for (guint i = 0; i < r->runs->len; i++)
      sum += run_at (r, i)->energy_kwh;
    g_assert_cmpfloat_with_epsilon (sum, 496, EPS);
    /* line 2: 2020-03-23T09:26:11, project_gamma, duration 34, energy 8 */
    g_assert_cmpstr (run_at (r, 0)->name, ==, "project_gamma");
    g_assert_cmpfloat_with_epsilon (run_at (r, 0)->energy_kwh, 8, EPS);
  }
  /* Empty numeric fields are unknown, not zero; "None" is no run id. */
  {
    g_autoptr(HuImportResult) r =
      import_one ("cc2.3.4_EMPTY-fields_backup_Forkprint_emissions.csv.bak", NULL);
    g_assert_cmpuint (r->runs->len, ==, 3);
    g_assert_true (isnan (run_at (r, 0)->energy_kwh));
    g_assert_true (isnan (run_at (r, 0)->emissions_kg));
    g_assert_cmpfloat_with_epsilon (run_at (r, 0)->ram_energy_kwh, 1.5848159790039065e-07, EPS);
    g_assert_null (run_at (r, 2)->run_id);
  }
  /* Task file: one run id, three tasks → three runs named after them. */
  {
    g_autoptr(HuImportResult) r =
      import_one ("cc2.3.5_task-level_emissions_base_5263e9a1-b11e-4ade-9148-f76ea998e547.csv",
                  NULL);
    g_assert_cmpuint (r->runs->len, ==, 3);
    g_assert_cmpstr (run_at (r, 0)->name, ==, "assignment3_subtasks: Load embedding model");
  }
  /* Columns moved to the end (G3) are still found by name. */
  {
    g_autoptr(HuImportResult) r =
      import_one ("cc3.2.3_cloud-cols-moved-to-end_gpu_count-float_EronQorri_large.csv", NULL);
    g_assert_cmpuint (r->runs->len, ==, 502);
    g_assert_cmpuint (r->skipped->len, ==, 0);
  }
}

static void
test_codecarbon_task_and_run_rows (Fixture       *f,
                                   gconstpointer  data)
{
  /* Run X without a task (lines 2 and 4) and its task T (line 3) are two
   * runs: X's longest row is line 4 (3 s, 0.75 kWh); T has 0.25 kWh. */
  g_autofree char *path = write_file (f, "mix.csv",
    "timestamp,project_name,run_id,task_name,duration,emissions,energy_consumed\n"
    "2024-01-01T10:00:00,p,X,,1,0.001,0.5\n"
    "2024-01-01T10:00:01,p,X,T,2,0.001,0.25\n"
    "2024-01-01T10:00:02,p,X,,3,0.001,0.75\n", -1);
  g_autoptr(HuImportResult) r = import_ok (path, NULL);

  g_assert_cmpuint (r->runs->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (run_at (r, 0)->energy_kwh, 0.75, EPS);
  g_assert_cmpfloat_with_epsilon (run_at (r, 0)->duration_s, 3, EPS);
  g_assert_cmpuint (run_at (r, 0)->samples, ==, 2);
  g_assert_cmpstr (run_at (r, 1)->name, ==, "p: T");
  g_assert_cmpfloat_with_epsilon (run_at (r, 1)->energy_kwh, 0.25, EPS);
  g_assert_cmpuint (run_at (r, 1)->samples, ==, 1);
}

static void
test_carbontracker_fixtures (void)
{
  g_autoptr(HuImportResult) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *zero_log = g_test_build_filename (G_TEST_DIST, "data",
    "ct2.4.4_macos_zero-energy-run_34014.419685_2026-05-27T174840Z_carbontracker.log", NULL);
  g_autofree char *zero_out = g_test_build_filename (G_TEST_DIST, "data",
    "ct2.4.4_macos_zero-energy-run_34014.419685_2026-05-27T174840Z_carbontracker_output.log", NULL);
  g_autofree char *failed_out = g_test_build_filename (G_TEST_DIST, "data",
    "ct2.4.4_macos_FAILED-powermetrics-traceback_33340.202176_2026-05-27T174628Z_carbontracker_output.log",
    NULL);
  const char *paths[] = { zero_log, zero_out, failed_out, NULL };
  HuImportSkip *skip;

  g_assert_true (hu_import_paths (paths, NULL, NULL, NULL, NULL, &r, &error));
  g_assert_no_error (error);

  /* The zero-energy pair is one run of one epoch of 0:00:00.00,
   * "Energy: 0.000000000000 kWh", "CO2eq: 0 g": a duration of 0 s is not
   * a measurement, so the run is skipped with its file and line (issue 9,
   * item 10); the failed run is reported with the exception, not fatal. */
  g_assert_cmpuint (r->runs->len, ==, 0);
  g_assert_cmpuint (r->skipped->len, ==, 2);
  skip = g_ptr_array_index (r->skipped, 0);
  g_assert_true (g_str_has_prefix (skip->file, zero_log) || g_str_has_prefix (skip->file, zero_out));
  g_assert_cmpstr (skip->reason, ==, "duration of 0 s: not a run");
  skip = g_ptr_array_index (r->skipped, 1);
  g_assert_cmpuint (skip->line, ==, 2);
  g_assert_true (strstr (skip->reason, "PermissionError") != NULL);

  /* The folder: 5 runs' logs, 3 of them failed or unfinished; the two
   * epochs' (test_carbontracker_epochs()) give their run and its
   * prediction. */
  {
    g_autoptr(HuImportResult) all = NULL;
    const char *dirs[2] = { NULL, NULL };
    dir = g_test_build_filename (G_TEST_DIST, "data", NULL);
    dirs[0] = dir;
    g_assert_true (hu_import_paths (dirs, "carbontracker", NULL, NULL, NULL, &all, &error));
    g_assert_no_error (error);
    /* Of the rest, the one that finished lasted 0 s: skipped too. */
    g_assert_cmpuint (all->runs->len, ==, 2);
    g_assert_cmpuint (all->skipped->len, ==, 4);
  }
}

/* carbontracker 1.2.5's two logs of one run (tests/data/CT_EPOCHS*,
 * written in its format, not taken from a real run): two epochs of two A100s, the second's
 * power array wrapped by numpy, and a prediction for ten epochs. */
static void
test_carbontracker_epochs (void)
{
  g_autofree char *log = g_test_build_filename (G_TEST_DIST, "data", CT_EPOCHS ".log", NULL);
  g_autofree char *out = g_test_build_filename (G_TEST_DIST, "data", CT_EPOCHS "_output.log",
                                                NULL);
  const char *paths[] = { log, out, NULL };
  g_autoptr(HuImportResult) r = NULL;
  g_autoptr(GError) error = NULL;
  HuRunData *d, *p;

  g_assert_true (hu_import_paths (paths, NULL, NULL, NULL, NULL, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r->runs->len, ==, 2);
  g_assert_cmpuint (r->skipped->len, ==, 0);

  d = run_at (r, 0);
  /* Durations 60 s + 120 s = 180 s. "Actual": 0.0155 kWh, 3.1 g CO2eq. */
  g_assert_cmpfloat_with_epsilon (d->duration_s, 180, EPS);
  g_assert_cmpfloat_with_epsilon (d->energy_kwh, 0.0155, EPS);
  g_assert_cmpfloat_with_epsilon (d->emissions_kg, 0.0031, EPS);
  g_assert_cmpfloat_with_epsilon (d->intensity_g_per_kwh, 200, EPS);
  g_assert_cmpfloat_with_epsilon (d->pue, 1.55, EPS);
  /* GPU: (100 + 50) W × 60 s + (200 + 100) W × 120 s (array wrapped by
   * numpy) = 9 000 + 36 000 = 45 000 J = 0.0125 kWh, × PUE 1.55
   * = 0.019375 kWh. CPU: 20 W × 60 s = 1 200 J; epoch 2 unknown.
   * = 3.3333e-4 kWh × 1.55 = 5.16667e-4 kWh. */
  g_assert_cmpfloat_with_epsilon (d->gpu_energy_kwh, 0.019375, 1e-12);
  g_assert_cmpfloat_with_epsilon (d->cpu_energy_kwh, 1200 / 3.6e6 * 1.55, 1e-12);
  g_assert_cmpfloat_with_epsilon (d->gpu_count, 2, EPS);
  /* The two identical devices are grouped, the RAPL id "cpu:0" reads
   * "CPU"; the file "<prefix>_1.2_…" is pid 1, logger id 2. */
  g_assert_cmpstr (d->gpu_model, ==, "NVIDIA A100");
  g_assert_cmpstr (d->cpu_model, ==, "CPU");
  g_assert_cmpstr (d->name, ==, CT_PREFIX);
  g_assert_cmpstr (d->run_id, ==, "1.2");
  /* Where: said by the output log only, "…at detected location:
   * Copenhagen, Capital Region, DK." */
  g_assert_cmpstr (d->country, ==, "DK");
  g_assert_cmpstr (d->region, ==, "Copenhagen, Capital Region");
  {
    g_autofree char *label = hu_import_run_label (d);
    g_autofree char *hardware = hu_run_data_format_accelerators (d);

    g_assert_cmpstr (label, ==, CT_PREFIX " · 1.2 · 2024-01-01 10:00");
    g_assert_cmpstr (hardware, ==, "NVIDIA A100 × 2");
  }
  g_assert_cmpuint (d->samples, ==, 2);
  g_assert_cmpuint (d->series->len, ==, 2);
  /* The parts, 0.019375 + 0.000516667 = 0.0198917 kWh (19.89 Wh), are
   * more than the logged total, 15.5 Wh: a note says so, both figures
   * with the four digits of an energy, as the run page writes them. */
  {
    g_autofree char *note = hu_run_data_get_parts_note (d);

    g_assert_nonnull (note);
    g_assert_nonnull (strstr (note, "(19.89 Wh)"));
    g_assert_nonnull (strstr (note, "(15.50 Wh)"));
  }
  /* The epochs' averages are levels over each epoch, 1–61 s and 61–181 s
   * after the first line: the series ends with the run, at 181 s. */
  {
    HuPowerSeries *gpu = g_ptr_array_index (d->series, 0);
    HuSeriesBucket *last = &g_array_index (gpu->buckets, HuSeriesBucket, gpu->buckets->len - 1);

    g_assert_cmpstr (gpu->label, ==, "gpu");
    g_assert_cmpuint (gpu->buckets->len, ==, 2);
    g_assert_cmpfloat_with_epsilon (last->t0_s, 61, EPS);
    g_assert_cmpfloat_with_epsilon (last->t1_s, 181, EPS);
    g_assert_cmpfloat_with_epsilon (last->mean_w, 300, EPS);
  }

  /* The prediction is its own run, marked: 10 epochs, 0.05 kWh, 10 g. */
  p = run_at (r, 1);
  g_assert_true (p->predicted);
  g_assert_cmpfloat_with_epsilon (p->energy_kwh, 0.05, EPS);
  g_assert_cmpfloat_with_epsilon (p->emissions_kg, 0.01, EPS);
  g_assert_cmpfloat_with_epsilon (p->duration_s, 600, EPS);
  /* 10 g / 0.05 kWh = 200 g/kWh, exactly: the log gives no forecast
   * intensity, so it is derived. */
  g_assert_cmpfloat (p->intensity_g_per_kwh, ==, 200);

  /* Either log opened alone brings its partner beside it: the CO₂eq
   * (3.1 g) is in the output log, the devices in the standard one. */
  for (guint i = 0; i < 2; i++)
    {
      const char *alone[] = { i == 0 ? log : out, NULL };
      g_autoptr(HuImportResult) one = NULL;

      g_assert_true (hu_import_paths (alone, NULL, NULL, NULL, NULL, &one, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (one->runs->len, ==, 2);
      g_assert_cmpfloat_with_epsilon (run_at (one, 0)->emissions_kg, 0.0031, EPS);
      g_assert_cmpstr (run_at (one, 0)->gpu_model, ==, "NVIDIA A100");
    }
}

static void
test_eco2ai (void)
{
  g_autoptr(HuImportResult) r =
    import_one ("eco2ai_0.2.8-era_linux_v100_training-mode-epochs_raman_spectras_emission.csv", NULL);
  HuRunData *d;

  /* Lines 2–4: three start/stop runs (epoch empty). Then training ids
   * f029dd05 (lines 5–11, 7 epochs), 1b30ccab (11 epochs), 3c6c800f (8),
   * a18e2d94 (21): 3 + 4 = 7 runs. */
  g_assert_cmpuint (r->skipped->len, ==, 0);
  g_assert_cmpuint (r->runs->len, ==, 7);

  /* Line 4, start/stop: 83 700.2 s, 1.377962280200558 kWh, 0.3314826061250462 kg. */
  d = run_with_id (r, "afa76b85");
  g_assert_cmpfloat_with_epsilon (d->energy_kwh, 1.377962280200558, EPS);
  g_assert_cmpfloat_with_epsilon (d->emissions_kg, 0.3314826061250462, EPS);

  /* f029dd05: sum of its 7 epochs (lines 5–11):
   * kWh 0.0309312924203762 + 0.0309984998312839 + 0.0311024547574649
   *   + 0.0309966180865421 + 0.030948651419814 + 0.0308675787787313
   *   + 0.0312360914428283 = 0.21708118673704072
   * s   3082.49 + 3086.90 + 3079.58 + 3076.00 + 3087.78 + 3070.70 + 3097.76
   *   = 21581.21 */
  d = run_with_id (r, "f029dd05");
  g_assert_cmpfloat_with_epsilon (d->energy_kwh, 0.21708118673704072, 1e-12);
  g_assert_cmpfloat_with_epsilon (d->duration_s, 21581.2, 0.01);
  g_assert_cmpuint (d->samples, ==, 7);
  g_assert_cmpstr (d->country, ==, "RU");
  g_assert_cmpstr (d->region, ==, "Moscow");
  g_assert_cmpstr (d->gpu_model, ==, "Tesla V100-PCIE-32GB");
  g_assert_cmpfloat_with_epsilon (d->gpu_count, 1, EPS);
  g_assert_cmpstr (d->cpu_model, ==, "Intel(R) Xeon(R) Gold 6278C CPU @ 2.60GHz");
  g_assert_cmpstr (d->start, ==, "2022-09-07T15:19:34");

  /* " 0 device(s)": no GPU; epoch empty or N/A: start/stop rows. */
  {
    g_autoptr(HuImportResult) w = import_one ("eco2ai_0.3.x_windows_DaryabiTB_emission.csv", NULL);
    g_assert_cmpuint (w->runs->len, ==, 9);
    g_assert_null (run_at (w, 0)->gpu_model);
    g_assert_cmpfloat_with_epsilon (run_at (w, 0)->gpu_count, 0, EPS);
    g_assert_cmpfloat_with_epsilon (run_at (w, 0)->energy_kwh, 4.469591716253999e-06, EPS);
  }
}

static void
test_eit (void)
{
  g_autoptr(HuImportResult) r =
    import_one ("eit_RL-Energy-Leaderboard_Pong_seed_3_a2c_vtrace_cule_data.json", NULL);
  HuRunData *d;

  /* 35 samples from 1572548471.19 to 1572548839.85 (368.66 s). Trapezoid
   * over the 34 intervals: RAPL attributable 15 373.42 J, NVIDIA
   * attributable 21 180.45 J; (15 373.42 + 21 180.45) / 3.6e6 × 1.58
   * = 0.016043087 kWh. Realtime intensity is 198.482428115 throughout. */
  g_assert_cmpuint (r->runs->len, ==, 1);
  d = run_at (r, 0);
  g_assert_cmpstr (d->source, ==, "eit");
  g_assert_cmpuint (d->samples, ==, 35);
  g_assert_cmpfloat_with_epsilon (d->duration_s, 368.6556499004364, 1e-6);
  g_assert_cmpfloat_with_epsilon (d->energy_kwh, 0.01604308671867516, 1e-9);
  g_assert_cmpfloat_with_epsilon (d->cpu_energy_kwh, 15373.417518896416 / 3.6e6 * 1.58, 1e-9);
  g_assert_cmpfloat_with_epsilon (d->pue, 1.58, EPS);
  g_assert_cmpfloat_with_epsilon (d->intensity_g_per_kwh, 198.482428115, 1e-6);
  g_assert_cmpfloat_with_epsilon (d->emissions_kg, 0.01604308671867516 * 198.482428115 / 1000,
                                  1e-9);
  g_assert_false (d->start_is_local);
  g_assert_cmpstr (d->start, ==, "2019-10-31T19:01:11Z");
  g_assert_nonnull (strstr (d->notes, "1.58"));
  g_assert_cmpuint (d->series->len, ==, 2);
}

static void
test_nvidia_smi (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("timestamp, index, name, power.draw [W]\n");
  g_autofree char *path = NULL;
  const char *paths[2] = { NULL, NULL };
  g_autoptr(HuImportResult) r = NULL;
  g_autoptr(GError) error = NULL;
  HuRunData *d;

  /* GPU 0: 100 W every second for t = 0…20 s → 20 intervals × 100 W
   * = 2 000 J. GPU 1: 200 W at t = 0…20 except "[N/A]" at t = 10, which
   * removes the two intervals around it: 18 × 200 W = 3 600 J. Then both
   * GPUs pause 100 s (> 5 × 1 s) and give one more sample at t = 120:
   * a gap, not bridged. Total 5 600 J = 0.00155556 kWh. */
  for (int t = 0; t <= 20; t++)
    {
      g_string_append_printf (text, "2024/01/01 10:00:%02d.000, 0, NVIDIA A100, 100.00 W\n", t);
      if (t == 10)
        g_string_append_printf (text, "2024/01/01 10:00:%02d.000, 1, NVIDIA A100, [N/A]\n", t);
      else
        g_string_append_printf (text, "2024/01/01 10:00:%02d.000, 1, NVIDIA A100, 200.00 W\n", t);
    }
  g_string_append (text, "2024/01/01 10:02:00.000, 0, NVIDIA A100, 100.00 W\n");
  g_string_append (text, "2024/01/01 10:02:00.000, 1, NVIDIA A100, 200.00 W\n");
  path = write_file (f, "gpu.csv", text->str, text->len);
  paths[0] = path;

  g_assert_true (hu_import_paths (paths, NULL, NULL, NULL, NULL, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r->runs->len, ==, 1);
  d = run_at (r, 0);
  g_assert_cmpstr (d->source, ==, "nvidia-smi");
  g_assert_cmpfloat_with_epsilon (d->energy_kwh, 5600 / 3.6e6, 1e-12);
  g_assert_cmpfloat_with_epsilon (d->gpu_count, 2, EPS);
  g_assert_cmpfloat_with_epsilon (d->duration_s, 120, 1e-9);
  g_assert_cmpstr (d->gpu_model, ==, "NVIDIA A100");
  g_assert_cmpstr (d->start, ==, "2024-01-01T10:00:00");
  g_assert_cmpuint (d->series->len, ==, 2);
  /* 43 rows, one of them [N/A] */
  g_assert_cmpuint (d->samples, ==, 43);
  /* The [N/A] row and the two gaps are reported, all three as gaps in
   * the samples, none as a line that could not be read. */
  g_assert_cmpuint (r->skipped->len, ==, 3);
  g_assert_cmpuint (r->n_gaps, ==, 3);
  for (guint i = 0; i < r->skipped->len; i++)
    g_assert_cmpint (((HuImportSkip *) g_ptr_array_index (r->skipped, i))->kind, ==,
                     HU_IMPORT_SKIP_GAP);
}

static void
test_zeus (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = write_file (f, "zeus.csv",
    "start_time,window_name,elapsed_time,gpu0_energy,gpu1_energy\n"
    "1700000000.5,epoch1,60.0,18000.0,36000.0\n"
    "1700000060.5,bad,name,60.0,1.0,2.0\n"
    "1700000120.5,epoch2,30.0,9000.0,\n", -1);
  const char *paths[] = { path, NULL };
  g_autoptr(HuImportResult) r = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (hu_import_paths (paths, NULL, NULL, NULL, NULL, &r, &error));
  g_assert_no_error (error);
  /* epoch1: 18 000 + 36 000 J = 54 000 J = 0.015 kWh. The comma in
   * "bad,name" shifts the row: skipped. epoch2: 9 000 J, GPU 1 unknown. */
  g_assert_cmpuint (r->runs->len, ==, 2);
  g_assert_cmpuint (r->skipped->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (run_at (r, 0)->energy_kwh, 0.015, EPS);
  g_assert_cmpfloat_with_epsilon (run_at (r, 0)->gpu_count, 2, EPS);
  g_assert_cmpfloat_with_epsilon (run_at (r, 1)->energy_kwh, 0.0025, EPS);
  g_assert_cmpstr (run_at (r, 0)->start, ==, "2023-11-14T22:13:20Z");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/huella/import/fixtures/all", test_all_fixtures);
  g_test_add_func ("/huella/import/codecarbon/cumulative", test_codecarbon_cumulative);
  g_test_add_func ("/huella/import/codecarbon/flush", test_codecarbon_flush);
  g_test_add_func ("/huella/import/codecarbon/damaged-rows", test_codecarbon_damaged_rows);
  g_test_add_func ("/huella/import/codecarbon/variants", test_codecarbon_variants);
  g_test_add_func ("/huella/import/skipped/two-files", test_skipped_two_files);
  g_test_add ("/huella/import/codecarbon/task-and-run-rows", Fixture, NULL, fixture_set_up,
              test_codecarbon_task_and_run_rows, fixture_tear_down);
  g_test_add_func ("/huella/import/carbontracker/fixtures", test_carbontracker_fixtures);
  g_test_add_func ("/huella/import/carbontracker/epochs", test_carbontracker_epochs);
  g_test_add_func ("/huella/import/eco2ai", test_eco2ai);
  g_test_add_func ("/huella/import/eit", test_eit);
  g_test_add ("/huella/import/nvidia-smi", Fixture, NULL, fixture_set_up, test_nvidia_smi,
              fixture_tear_down);
  g_test_add ("/huella/import/zeus", Fixture, NULL, fixture_set_up, test_zeus, fixture_tear_down);

  return g_test_run ();
}
