/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `huella-cli import`: the JSON contract's exact keys, CSV, exit codes,
 * --add-to. The binary comes from $HUELLA_CLI (tests/meson.build). */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "hu-core.h"

static const char * const contract_keys[] = {
  "source", "source_version", "file", "run_id", "name", "start", "duration_s", "energy_kwh",
  "cpu_energy_kwh", "gpu_energy_kwh", "ram_energy_kwh", "emissions_kg", "intensity_g_per_kwh",
  "pue", "country", "region", "gpu_model", "gpu_count", "samples",
};

static int
run_cli (const char * const  *args,
         char               **out,
         char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (gpointer) g_getenv ("HUELLA_CLI"));
  g_ptr_array_add (argv, (gpointer) "import");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_nonnull (g_getenv ("HUELLA_CLI"));
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
test_json_keys (void)
{
  g_autofree char *path = fixture ("cc2.3.1_macos-m2_repeated-run_id-cumulative_Idrissben.csv");
  const char *args[] = { path, "--format", "json", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *runs;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (root), ==, 3);
  g_assert_true (json_object_has_member (root, "skipped"));
  g_assert_true (json_object_has_member (root, "skipped_total"));
  runs = json_object_get_array_member (root, "runs");
  g_assert_cmpuint (json_array_get_length (runs), ==, 5);

  for (guint i = 0; i < json_array_get_length (runs); i++)
    {
      JsonObject *run = json_array_get_object_element (runs, i);
      g_assert_cmpuint (json_object_get_size (run), ==, G_N_ELEMENTS (contract_keys));
      for (guint k = 0; k < G_N_ELEMENTS (contract_keys); k++)
        g_assert_true (json_object_has_member (run, contract_keys[k]));
    }

  /* The fifth run (5d6c08a2, line 13): 0.0005939216277665562 kWh. */
  {
    JsonObject *run = json_array_get_object_element (runs, 4);
    g_assert_cmpstr (json_object_get_string_member (run, "source"), ==, "codecarbon");
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (run, "energy_kwh"),
                                    0.0005939216277665562, 1e-15);
    /* No GPU in this file: null, not 0. */
    g_assert_true (json_object_get_null_member (run, "gpu_model"));
  }
}

static void
test_skipped_json (void)
{
  g_autofree char *path = fixture ("cc2.0-2.1_LARGE_8gpu_emissions_rate-g-per-s_bigscience.csv");
  const char *args[] = { "--format=json", path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *skipped;
  JsonObject *first;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  skipped = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "skipped");
  /* 645 rows skipped, the first 100 listed (HU_IMPORT_MAX_SKIPPED). */
  g_assert_cmpuint (json_array_get_length (skipped), ==, 100);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                               "skipped_total"), ==, 645);
  first = json_array_get_object_element (skipped, 0);
  g_assert_cmpuint (json_object_get_size (first), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (first, "file"), ==, path);
  g_assert_cmpint (json_object_get_int_member (first, "line"), ==, 84);
}

static void
test_csv_and_text (void)
{
  g_autofree char *path = fixture ("cc3.3.0_flush-x2-then-stop_cumulative_EMBEDDED-in-test-unknown-repo.csv");
  g_autofree char *out = NULL, *err = NULL;

  {
    const char *args[] = { path, "--format", "csv", NULL };
    g_auto(GStrv) lines = NULL;
    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    lines = g_strsplit (out, "\r\n", -1);
    g_assert_true (g_str_has_prefix (lines[0], "source,source_version,file,run_id,"));
    g_assert_true (g_str_has_prefix (lines[1], "codecarbon,3.3.0,"));
    g_assert_nonnull (strstr (lines[1], ",5.14787354818382e-05,"));
    g_assert_cmpstr (lines[2], ==, "");
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { path, NULL };
    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "realrun"));
  }
}

static void
test_exit_codes (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *pkl = fixture ("eit_RL-Energy-Leaderboard_Pong_seed_3_a2c_vtrace_cule_info.pkl");

  {
    const char *args[] = { NULL };
    g_assert_cmpint (run_cli (args, &out, &err), ==, 2);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { pkl, "--tracker", "bogus", NULL };
    g_assert_cmpint (run_cli (args, &out, &err), ==, 2);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    /* Not a log: exit 1, the message names the file, stdout stays empty. */
    const char *args[] = { pkl, NULL };
    g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, pkl));
    g_assert_cmpstr (out, ==, "");
  }
}

static void
test_add_to (void)
{
  g_autofree char *dir = g_dir_make_tmp ("huella-cli-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "p.huella", NULL);
  g_autofree char *path = fixture ("cc2.3.1_macos-m2_repeated-run_id-cumulative_Idrissben.csv");
  const char *args[] = { path, "--add-to", project, "--format", "json", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (project);
  g_autoptr(HuProject) loaded = NULL;
  g_autoptr(GError) error = NULL;

  hu_core_init ();
  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* Twice: runs are appended, with fresh ids. */
  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);

  loaded = hu_project_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hu_project_get_runs (loaded))), ==, 10);

  g_remove (project);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/huella/import/cli/json-keys", test_json_keys);
  g_test_add_func ("/huella/import/cli/skipped-json", test_skipped_json);
  g_test_add_func ("/huella/import/cli/csv-and-text", test_csv_and_text);
  g_test_add_func ("/huella/import/cli/exit-codes", test_exit_codes);
  g_test_add_func ("/huella/import/cli/add-to", test_add_to);

  return g_test_run ();
}
