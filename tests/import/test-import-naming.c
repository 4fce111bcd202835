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

  return g_test_run ();
}
