/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 9, item 11: with a run callback (hu_import_paths_foreach), a log
 * of one run per row holds one run at a time, whatever its length. Counted
 * (HuImportResult.max_held), never timed. */

#include "config.h"

#include <math.h>

#include "hu-import.h"
#include "import-test-helpers.h"

#define N_ROWS 5000

typedef struct {
  guint    n;
  guint    last_line;
  double   first_duration;
  double   last_duration;
} Seen;

static void
count_run (HuMeasuredRun *run,
           gpointer       user_data)
{
  Seen *seen = user_data;
  HuRunData *d = hu_measured_run_get_data (run);

  /* File order: every run comes after the one before. */
  g_assert_cmpuint (d->line, >, seen->last_line);
  seen->last_line = d->line;
  if (seen->n == 0)
    seen->first_duration = d->duration_s;
  seen->last_duration = d->duration_s;
  seen->n++;
}

/* CodeCarbon 1.x (no run_id column): row i (0-based, on line i + 2) lasts
 * i + 1 s; its energy is negative when i % 7 == 3, a run that is skipped.
 * Skipped: i = 3 + 7k ≤ 4999, k = 0 … 713, so 714; runs: 5000 − 714 = 4286.
 * The 100th skipped is k = 99: i = 696, line 698. */
static char *
write_codecarbon1 (Fixture *f)
{
  g_autoptr(GString) text = g_string_new ("timestamp,project_name,duration,emissions,"
                                          "energy_consumed\n");

  for (guint i = 0; i < N_ROWS; i++)
    g_string_append_printf (text, "2024-01-01T10:00:00,p,%u,0.001,%s\n", i + 1,
                            i % 7 == 3 ? "-1" : "0.5");
  return write_file (f, "emissions.csv", text->str, -1);
}

static void
test_codecarbon1_streams (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = write_codecarbon1 (f);
  const char *paths[] = { path, NULL };
  g_autoptr(HuImportResult) r = NULL;
  g_autoptr(GError) error = NULL;
  Seen seen = { 0 };

  g_assert_true (hu_import_paths_foreach (paths, NULL, NULL, NULL, count_run, &seen, &r, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (seen.n, ==, 4286);
  g_assert_cmpuint (r->n_runs, ==, 4286);
  /* Row 0 (1 s) is the first run; row 4999 (5000 s, 4999 % 7 = 1) the last. */
  g_assert_cmpfloat (seen.first_duration, ==, 1);
  g_assert_cmpfloat (seen.last_duration, ==, 5000);
  /* None kept, and never more than the row being read held at once. */
  g_assert_cmpuint (r->runs->len, ==, 0);
  g_assert_cmpuint (r->max_held, ==, 1);

  g_assert_cmpuint (r->n_skipped, ==, 714);
  g_assert_cmpuint (r->skipped->len, ==, HU_IMPORT_MAX_SKIPPED);
  g_assert_cmpuint (((HuImportSkip *) g_ptr_array_index (r->skipped, 0))->line, ==, 5);
  g_assert_cmpuint (((HuImportSkip *) g_ptr_array_index (r->skipped, 99))->line, ==, 698);
}

/* Without a callback the same file gives the same runs, all held: the
 * counter does count. */
static void
test_codecarbon1_kept (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = write_codecarbon1 (f);
  g_autoptr(HuImportResult) r = import_ok (path, NULL);

  g_assert_cmpuint (r->runs->len, ==, 4286);
  g_assert_cmpuint (r->n_runs, ==, 4286);
  g_assert_cmpuint (r->max_held, ==, N_ROWS);
  g_assert_cmpuint (r->n_skipped, ==, 714);
  g_assert_cmpuint (r->skipped->len, ==, HU_IMPORT_MAX_SKIPPED);
}

/* Runs sharing an id are joined at the end of the file: they are held
 * until then, and still come out in file order, after the ones before. */
static void
test_codecarbon_with_ids (Fixture       *f,
                          gconstpointer  data)
{
  /* Lines 2-4: run a (cumulative, 3 rows, longest 3 s); line 5: run b. */
  g_autofree char *path = write_file (f, "ids.csv",
                                      "timestamp,project_name,run_id,duration,emissions,"
                                      "energy_consumed\n"
                                      "2024-01-01T10:00:00,p,a,1,0.001,0.1\n"
                                      "2024-01-01T10:00:01,p,a,2,0.002,0.2\n"
                                      "2024-01-01T10:00:02,p,a,3,0.003,0.3\n"
                                      "2024-01-01T10:00:03,p,b,7,0.001,0.7\n", -1);
  const char *paths[] = { path, NULL };
  g_autoptr(HuImportResult) r = NULL;
  g_autoptr(GError) error = NULL;
  Seen seen = { 0 };

  g_assert_true (hu_import_paths_foreach (paths, NULL, NULL, NULL, count_run, &seen, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.n, ==, 2);
  g_assert_cmpfloat (seen.first_duration, ==, 3);
  g_assert_cmpfloat (seen.last_duration, ==, 7);
  g_assert_cmpuint (r->max_held, ==, 2);
  g_assert_cmpuint (r->runs->len, ==, 0);
}

/* Zeus: every window is a run of its own. 1000 windows of 60 s, GPU
 * energy 3.6e6 J = 1 kWh each; none held past its own row. */
static void
test_zeus_streams (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("start_time,window_name,elapsed_time,gpu0_energy\n");
  g_autofree char *path = NULL;
  const char *paths[] = { NULL, NULL };
  g_autoptr(HuImportResult) r = NULL;
  g_autoptr(GError) error = NULL;
  Seen seen = { 0 };

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "%u.5,w%u,60.0,3600000.0\n", 1700000000 + 60 * i, i);
  path = write_file (f, "zeus.csv", text->str, -1);
  paths[0] = path;
  g_assert_true (hu_import_paths_foreach (paths, "zeus", NULL, NULL, count_run, &seen, &r,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.n, ==, 1000);
  g_assert_cmpfloat (seen.last_duration, ==, 60);
  g_assert_cmpuint (r->max_held, ==, 1);
  g_assert_cmpuint (r->n_skipped, ==, 0);
}

/* Eco2AI rows with an empty id are runs of their own too. */
static void
test_eco2ai_no_id_streams (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("id,project_name,experiment_description,epoch,"
                                          "start_time,duration(s),power_consumption(kWh),"
                                          "CO2_emissions(kg),CPU_name,GPU_name,OS,"
                                          "region/country,cost\n");
  g_autofree char *path = NULL;
  const char *paths[] = { NULL, NULL };
  g_autoptr(HuImportResult) r = NULL;
  g_autoptr(GError) error = NULL;
  Seen seen = { 0 };

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (text, ",p,e,N/A,2023-11-25 19:14:27,%u,0.5,0.1,cpu,gpu,Linux,FR,0\n",
                            i + 1);
  path = write_file (f, "emission.csv", text->str, -1);
  paths[0] = path;
  g_assert_true (hu_import_paths_foreach (paths, NULL, NULL, NULL, count_run, &seen, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.n, ==, 500);
  g_assert_cmpfloat (seen.first_duration, ==, 1);
  g_assert_cmpfloat (seen.last_duration, ==, 500);
  g_assert_cmpuint (r->max_held, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/huella/import/stream/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("codecarbon1", test_codecarbon1_streams);
  ADD ("codecarbon1-kept", test_codecarbon1_kept);
  ADD ("codecarbon-ids", test_codecarbon_with_ids);
  ADD ("zeus", test_zeus_streams);
  ADD ("eco2ai-no-id", test_eco2ai_no_id_streams);
#undef ADD

  return g_test_run ();
}
