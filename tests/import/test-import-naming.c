/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Imported runs are told apart (issue 10, item 11; issue 8, item 6): the
 * importer names them from what the log holds, project · run id · start,
 * and `huella-cli import --add-to` names them the same way. Expected
 * labels are worked out by hand from the real fixtures in tests/data. */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "hu-core.h"
#include "hu-import.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static HuImportResult *
import_fixture (const char *name)
{
  g_autofree char *path = fixture (name);
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  HuImportResult *result = NULL;

  g_assert_true (hu_import_paths (paths, NULL, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  return result;
}

/* Four runs, all with CodeCarbon's default project name "codecarbon".
 * Start = row time − duration: 01:34:42 − 192.02 s = 01:31:29.98;
 * 01:42:13 − 36.86 s = 01:41:36; 01:44:10 − 36.88 s = 01:43:33;
 * 01:49:11 − 36.75 s = 01:48:34. */
static void
test_codecarbon_labels (void)
{
  g_autoptr(HuImportResult) r = import_fixture ("cc2.2.2_linux_epyc128_a6000_haopeng.csv");
  const char *expected[] = {
    "codecarbon · 3a7221 · 2023-06-06 01:31",
    "codecarbon · 428574 · 2023-06-06 01:41",
    "codecarbon · 29b682 · 2023-06-06 01:43",
    "codecarbon · 2f20af · 2023-06-06 01:48",
  };

  g_assert_cmpuint (r->runs->len, ==, G_N_ELEMENTS (expected));
  hu_import_result_name_runs (r);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      HuMeasuredRun *run = g_ptr_array_index (r->runs, i);

      g_assert_cmpstr (hu_measured_run_get_name (run), ==, expected[i]);
    }
}

/* Cumulative rows: the label's start comes from the row holding the
 * totals. 5d6c08a2's longest row is line 13, 12:39:31 − 44.09 s =
 * 12:38:46.9; aad3f2fe's is line 4, 12:30:28 − 23.37 s = 12:30:04.6. */
static void
test_cumulative_labels (void)
{
  g_autoptr(HuImportResult) r =
    import_fixture ("cc2.3.1_macos-m2_repeated-run_id-cumulative_Idrissben.csv");
  g_autofree char *second = NULL, *fifth = NULL;

  g_assert_cmpuint (r->runs->len, ==, 5);
  second = hu_import_run_label (hu_measured_run_get_data (g_ptr_array_index (r->runs, 1)));
  fifth = hu_import_run_label (hu_measured_run_get_data (g_ptr_array_index (r->runs, 4)));
  g_assert_cmpstr (second, ==, "codecarbon · aad3f2 · 2023-11-09 12:30");
  g_assert_cmpstr (fifth, ==, "codecarbon · 5d6c08 · 2023-11-09 12:38");
}

/* CodeCarbon writes gpu_model "1 x NVIDIA RTX A6000" beside gpu_count 1:
 * the model alone is kept, so "model × count" does not repeat the count. */
static void
test_gpu_model_count (void)
{
  g_autoptr(HuImportResult) a6000 = import_fixture ("cc2.2.2_linux_epyc128_a6000_haopeng.csv");
  g_autoptr(HuImportResult) rtx = import_fixture ("cc2.0-2.1_LARGE_8gpu_emissions_rate-g-per-s_bigscience.csv");
  HuRunData *d = hu_measured_run_get_data (g_ptr_array_index (a6000->runs, 0));

  g_assert_cmpstr (d->gpu_model, ==, "NVIDIA RTX A6000");
  g_assert_cmpfloat (d->gpu_count, ==, 1);
  /* Its parts are its total: 0.0047967257559299 + 0.0073845313100123
   * + 0.0093944448013668 = 0.021575701867309 kWh, energy_consumed
   * 0.0215757018673091: no note about parts larger than the whole. */
  {
    g_autofree char *note = hu_run_data_get_parts_note (d);

    g_assert_null (note);
  }
  /* "8 x NVIDIA GeForce RTX 3090", gpu_count 8.0 */
  d = hu_measured_run_get_data (g_ptr_array_index (rtx->runs, 0));
  g_assert_cmpstr (d->gpu_model, ==, "NVIDIA GeForce RTX 3090");
  g_assert_cmpfloat (d->gpu_count, ==, 8);
}

/* A log that names nothing falls back on its file's name. */
static void
test_unnamed_label (void)
{
  HuRunData d = { 0 };
  g_autofree char *label = NULL;

  d.file = (char *) "/logs/gpu-power.csv";
  d.source = (char *) "nvidia-smi";
  d.start = (char *) "2024-05-01T14:02:37";
  label = hu_import_run_label (&d);
  g_assert_cmpstr (label, ==, "gpu-power.csv · 2024-05-01 14:02");
}

/* Imports one carbontracker standard log written to a new folder as
 * @name, with two epochs of 60 s from 10:00:01 (the first line's time is
 * the start). */
static HuImportResult *
import_carbontracker (const char *name,
                      const char *devices)
{
  g_autofree char *dir = g_dir_make_tmp ("huella-ct-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = g_strdup_printf (
    "2024-01-01 10:00:00 - carbontracker version 2.4.4\n"
    "2024-01-01 10:00:00 - The following components were found: %s\n"
    "2024-01-01 10:00:01 - Epoch 1:\n"
    "2024-01-01 10:01:01 - Duration: 0:01:00.00\n"
    "2024-01-01 10:01:01 - Average power usage (W) for gpu: [100. 100. 50.]\n"
    "2024-01-01 10:01:01 - Average power usage (W) for cpu: [20. 20.]\n", devices);
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  HuImportResult *result = NULL;

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (hu_import_paths (paths, NULL, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->runs->len, ==, 1);
  g_remove (path);
  g_rmdir (dir);
  return result;
}

/* carbontracker names its logs "<prefix>_<pid>[.<id>]_<date>": without a
 * prefix (2.x) the run is "carbontracker" and its id "<pid>.<id>" is shown
 * whole, not cut at its dot ("33447."); logs up to 1.1.6 are named by
 * the date alone and have no id. Devices the log lists one by one are
 * grouped: two A100s and a T4 are "NVIDIA A100 × 2, NVIDIA T4 × 1" (3 GPUs),
 * two RAPL packages "cpu:0, cpu:1" are "CPU × 2". */
static void
test_carbontracker_labels (void)
{
  g_autoptr(HuImportResult) v2 = import_carbontracker (
    "33447.772679_2024-01-01T100000Z_carbontracker.log",
    "GPU with device(s) NVIDIA A100, NVIDIA A100, NVIDIA T4. CPU with device(s) cpu:0, cpu:1.");
  g_autoptr(HuImportResult) v1 = import_carbontracker (
    "2024-01-01T100000Z_carbontracker.log",
    "GPU with device(s) NVIDIA RTX A6000. CPU with device(s) cpu:0.");
  HuRunData *d = hu_measured_run_get_data (g_ptr_array_index (v2->runs, 0));
  g_autofree char *label2 = hu_import_run_label (d);
  g_autofree char *label1 = NULL;
  g_autofree char *hardware = hu_run_data_format_accelerators (d);

  g_assert_cmpstr (label2, ==, "carbontracker · 33447.772679 · 2024-01-01 10:00");
  g_assert_cmpstr (d->gpu_model, ==, "NVIDIA A100 × 2, NVIDIA T4 × 1");
  g_assert_cmpfloat (d->gpu_count, ==, 3);
  g_assert_cmpstr (hardware, ==, "NVIDIA A100 × 2, NVIDIA T4 × 1");
  g_assert_cmpstr (d->cpu_model, ==, "CPU × 2");

  d = hu_measured_run_get_data (g_ptr_array_index (v1->runs, 0));
  label1 = hu_import_run_label (d);
  g_assert_null (d->run_id);
  g_assert_cmpstr (label1, ==, "carbontracker · 2024-01-01 10:00");
  g_assert_cmpstr (d->gpu_model, ==, "NVIDIA RTX A6000");
  g_assert_cmpfloat (d->gpu_count, ==, 1);
  g_assert_cmpstr (d->cpu_model, ==, "CPU");
}

/* A long id is cut to its first six characters, never ending on a
 * separator: "ab_cd_ef_gh_ij" (14) reads "ab_cd", not "ab_cd_". */
static void
test_short_id (void)
{
  HuRunData d = { 0 };
  g_autofree char *label = NULL;

  d.name = (char *) "exp";
  d.run_id = (char *) "ab_cd_ef_gh_ij";
  label = hu_import_run_label (&d);
  g_assert_cmpstr (label, ==, "exp · ab_cd");
}

/* import --add-to names the runs in the project the same way. */
static void
test_add_to (void)
{
  g_autofree char *dir = g_dir_make_tmp ("huella-naming-XXXXXX", NULL);
  g_autofree char *project_path = g_build_filename (dir, "p.huella", NULL);
  g_autofree char *log = fixture ("cc2.2.2_linux_epyc128_a6000_haopeng.csv");
  const char *argv[] = { g_getenv ("HUELLA_CLI"), "import", log, "--add-to", project_path,
                         "--format", "json", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (project_path);
  g_autoptr(HuProject) project = NULL;
  g_autoptr(HuMeasuredRun) first = NULL;
  g_autoptr(HuMeasuredRun) last = NULL;
  GListModel *runs;
  int status = -1;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  project = hu_project_new_from_file (file, &error);
  g_assert_no_error (error);
  runs = G_LIST_MODEL (hu_project_get_runs (project));
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 4);
  first = g_list_model_get_item (runs, 0);
  last = g_list_model_get_item (runs, 3);
  g_assert_cmpstr (hu_measured_run_get_name (first), ==, "codecarbon · 3a7221 · 2023-06-06 01:31");
  g_assert_cmpstr (hu_measured_run_get_name (last), ==, "codecarbon · 2f20af · 2023-06-06 01:48");
  g_remove (project_path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/huella/import/naming/codecarbon", test_codecarbon_labels);
  g_test_add_func ("/huella/import/naming/cumulative", test_cumulative_labels);
  g_test_add_func ("/huella/import/naming/gpu-model-count", test_gpu_model_count);
  g_test_add_func ("/huella/import/naming/unnamed", test_unnamed_label);
  g_test_add_func ("/huella/import/naming/add-to", test_add_to);
  g_test_add_func ("/huella/import/naming/carbontracker", test_carbontracker_labels);
  g_test_add_func ("/huella/import/naming/short-id", test_short_id);

  return g_test_run ();
}
