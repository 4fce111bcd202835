/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HuProjectWriter, the streaming save of `import --add-to` (issue 9,
 * item 11): the file it writes is the one hu_project_to_data() builds as a
 * tree for the same project with the runs appended, byte for byte; it
 * loads back to the values of the logs; and, as hu_project_save(), it
 * leaves the file as it was on any failure and no temporary file behind. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "hu-import.h"
#include "hu-project-private.h"
#include "test-helpers.h"
#include "import/import-test-helpers.h"

/* The project's file, in the fixture's folder. */
static char *
project_path (Fixture *f)
{
  return g_build_filename (f->dir, "p.huella", NULL);
}

/* Files in the fixture's folder: the project alone, no temporary file. */
static guint
count_files (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* After a failed or abandoned save: @path holds @old and no temporary
 * file is left beside it. */
static void
assert_untouched (Fixture    *f,
                  const char *path,
                  const char *old)
{
  g_autofree char *now = read_all (path);

  g_assert_cmpstr (now, ==, old);
  g_assert_cmpuint (count_files (f), ==, 1);
}

/* The runs of real logs, named and without ids as `import --add-to`
 * hands them to the project. */
static GPtrArray *
import_runs (const char * const *names)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HuImportResult) r = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (paths, g_test_build_filename (G_TEST_DIST, "data", names[i], NULL));
  g_ptr_array_add (paths, NULL);
  g_assert_true (hu_import_paths ((const char * const *) paths->pdata, NULL, NULL, NULL, NULL,
                                  &r, &error));
  g_assert_no_error (error);
  hu_import_result_name_runs (r);
  for (guint i = 0; i < r->runs->len; i++)
    g_clear_pointer (&hu_measured_run_get_data (g_ptr_array_index (r->runs, i))->id, g_free);
  return g_ptr_array_ref (r->runs);
}

static const char * const logs[] = {
  "cc2.2.2_linux_epyc128_a6000_haopeng.csv",                  /* 4 runs */
  "cc2.3.1_macos-m2_repeated-run_id-cumulative_Idrissben.csv", /* 5 runs */
  NULL
};

/* Streams @runs after @project's own into @path. */
static void
stream_runs (HuProject  *project,
             GPtrArray  *runs,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProjectWriter) writer = hu_project_writer_new (project, file, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < runs->len; i++)
    {
      g_assert_true (hu_project_writer_add_run (writer, g_ptr_array_index (runs, i), &error));
      g_assert_no_error (error);
    }
  g_assert_true (hu_project_writer_finish (writer, &error));
  g_assert_no_error (error);
}

/* The old path: the runs join the project, which is built as one tree. */
static char *
tree_bytes (HuProject *project,
            GPtrArray *runs)
{
  hu_project_add_runs (project, runs);
  return hu_project_to_data (project, NULL);
}

/* An example project with scenarios, twice: first 9 runs added to none,
 * then 9 more after those 9, whose ids they must not take. */
static void
test_same_bytes (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = project_path (f);
  g_autoptr(HuProject) tree = load_example ("bloom.huella");
  g_autoptr(HuProject) streamed = load_example ("bloom.huella");

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GPtrArray) a = import_runs (logs);
      g_autoptr(GPtrArray) b = import_runs (logs);
      g_autofree char *expected = tree_bytes (tree, a);
      g_autofree char *written = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      stream_runs (streamed, b, path);
      written = read_all (path);
      g_assert_cmpstr (written, ==, expected);
      g_assert_cmpuint (count_files (f), ==, 1);

      /* The next round starts from the file, as the CLI does. */
      g_clear_object (&streamed);
      streamed = hu_project_new_from_file (file, &error);
      g_assert_no_error (error);
    }
}

/* Runs with every kind of member a project's file holds (strings to
 * escape, NaN, integral and fractional numbers, 1e+15, flags, a scenario
 * link, notes, a power series, unknown members kept from the file) and
 * two with the same id, in Huella's own layout as the tree writer
 * (hu_json_to_string() over each run's JSON node) wrote it before both
 * saves became one: the file saves to itself, whole and streamed, but
 * for the second run's id made unique. */
static const char every_member[] =
    "{\n"
    "  \"format\": \"huella-project\",\n"
    "  \"format-version\": 1,\n"
    "  \"title\": \"t\",\n"
    "  \"currency\": \"USD\",\n"
    "  \"scenarios\": [\n"
    "    {\n"
    "      \"id\": \"s\",\n"
    "      \"name\": \"S\",\n"
    "      \"flops\": 1e+21,\n"
    "      \"gpu\": \"nvidia-a100-sxm4-80gb\",\n"
    "      \"count\": 8,\n"
    "      \"region\": \"grid/FR\"\n"
    "    }\n"
    "  ],\n"
    "  \"runs\": [\n"
    "    {\n"
    "      \"id\": \"r\",\n"
    "      \"source\": \"nvidia-smi\",\n"
    "      \"source_version\": null,\n"
    "      \"file\": null,\n"
    "      \"run_id\": null,\n"
    "      \"name\": \"q\\\"b\\\\s\\u0001 ñ 日本\",\n"
    "      \"start\": \"2024-05-01T14:02:37\",\n"
    "      \"duration_s\": 3600,\n"
    "      \"energy_kwh\": 0.1,\n"
    "      \"cpu_energy_kwh\": 0,\n"
    "      \"gpu_energy_kwh\": 1e+15,\n"
    "      \"ram_energy_kwh\": null,\n"
    "      \"emissions_kg\": 123456.789,\n"
    "      \"intensity_g_per_kwh\": null,\n"
    "      \"pue\": null,\n"
    "      \"country\": null,\n"
    "      \"region\": null,\n"
    "      \"gpu_model\": null,\n"
    "      \"gpu_count\": 8,\n"
    "      \"cpu_model\": \"EPYC\",\n"
    "      \"notes\": \"a\\nb\\tc\",\n"
    "      \"samples\": 36000,\n"
    "      \"line\": 7,\n"
    "      \"start_is_local\": true,\n"
    "      \"predicted\": true,\n"
    "      \"scenario\": \"s\",\n"
    "      \"series\": [\n"
    "        {\n"
    "          \"label\": \"GPU 0\",\n"
    "          \"samples\": 10,\n"
    "          \"buckets\": [\n"
    "            [\n"
    "              0,\n"
    "              1.5,\n"
    "              100,\n"
    "              200.25,\n"
    "              300\n"
    "            ],\n"
    "            [\n"
    "              1.5,\n"
    "              3,\n"
    "              0.1,\n"
    "              0.2,\n"
    "              0.3\n"
    "            ]\n"
    "          ]\n"
    "        }\n"
    "      ],\n"
    "      \"x-kept\": {\n"
    "        \"deep\": [\n"
    "          1,\n"
    "          [\n"
    "            2,\n"
    "            {\n"
    "              \"k\": null\n"
    "            }\n"
    "          ],\n"
    "          \"s\"\n"
    "        ],\n"
    "        \"empty\": {},\n"
    "        \"none\": []\n"
    "      },\n"
    "      \"x-flag\": false\n"
    "    },\n"
    "    {\n"
    "      \"id\": \"r-2\",\n"
    "      \"source\": \"zeus\",\n"
    "      \"source_version\": null,\n"
    "      \"file\": null,\n"
    "      \"run_id\": null,\n"
    "      \"name\": null,\n"
    "      \"start\": null,\n"
    "      \"duration_s\": null,\n"
    "      \"energy_kwh\": null,\n"
    "      \"cpu_energy_kwh\": null,\n"
    "      \"gpu_energy_kwh\": null,\n"
    "      \"ram_energy_kwh\": null,\n"
    "      \"emissions_kg\": null,\n"
    "      \"intensity_g_per_kwh\": null,\n"
    "      \"pue\": null,\n"
    "      \"country\": null,\n"
    "      \"region\": null,\n"
    "      \"gpu_model\": null,\n"
    "      \"gpu_count\": null,\n"
    "      \"cpu_model\": null,\n"
    "      \"notes\": null,\n"
    "      \"samples\": 0,\n"
    "      \"line\": 0,\n"
    "      \"start_is_local\": false,\n"
    "      \"predicted\": false\n"
    "    }\n"
    "  ]\n"
    "}\n";

static void
test_every_member (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = project_path (f);
  g_autofree char *input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autofree char *saved = NULL;
  g_autofree char *written = NULL;
  char *id;

  /* The file as read has the id twice; the project renames the second. */
  input = g_strdup (every_member);
  id = strstr (input, "\"id\": \"r-2\"");
  g_assert_nonnull (id);
  memcpy (id, "\"id\": \"r\"  ", strlen ("\"id\": \"r-2\""));
  project = hu_project_new_from_data (input, -1, "every.huella", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hu_project_get_runs (project))), ==, 2);

  saved = hu_project_to_data (project, NULL);
  g_assert_cmpstr (saved, ==, every_member);
  stream_runs (project, none, path);
  written = read_all (path);
  g_assert_cmpstr (written, ==, every_member);
}

static gpointer
write_snapshot (gpointer snapshot)
{
  return hu_project_snapshot_to_data (snapshot, NULL);
}

/* Autosave writes on a worker thread from a snapshot taken on the main
 * thread: it gives the bytes hu_project_to_data() gave when it was
 * taken, whatever happens to the project meanwhile (a run renamed, its
 * figures and series changed, every run removed, the project freed), so
 * it shares nothing with it (under ASan a shared string would be a read
 * after free). */
static void
test_snapshot (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = hu_project_new_from_data (every_member, -1, "every.huella",
                                                           &error);
  g_autoptr(HuProjectSnapshot) snapshot = NULL;
  g_autoptr(HuMeasuredRun) run = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;
  GThread *thread;
  gsize length = 0;

  g_assert_no_error (error);
  before = hu_project_to_data (project, NULL);
  g_assert_cmpstr (before, ==, every_member);

  snapshot = hu_project_snapshot_new (project);
  thread = g_thread_new ("snapshot", write_snapshot, snapshot);
  run = g_list_model_get_item (G_LIST_MODEL (hu_project_get_runs (project)), 0);
  hu_measured_run_set_name (run, "renamed");
  hu_measured_run_get_data (run)->energy_kwh = 2;
  g_ptr_array_set_size (hu_measured_run_get_data (run)->series, 0);
  hu_project_set_title (project, "u");
  after = hu_project_to_data (project, NULL);
  g_assert_nonnull (strstr (after, "\"name\": \"renamed\""));
  g_list_store_remove_all (hu_project_get_runs (project));
  g_clear_object (&run);
  g_clear_object (&project);

  written = g_thread_join (thread);
  g_assert_cmpstr (written, ==, every_member);
  /* Again, with nothing of the project left. */
  again = hu_project_snapshot_to_data (snapshot, &length);
  g_assert_cmpstr (again, ==, every_member);
  g_assert_cmpuint (length, ==, strlen (every_member));
}

/* A new project and no runs: "runs": [] as the tree writes it. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = project_path (f);
  g_autoptr(HuProject) tree = hu_project_new ();
  g_autoptr(HuProject) streamed = hu_project_new ();
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autofree char *expected = tree_bytes (tree, none);
  g_autofree char *written = NULL;

  stream_runs (streamed, none, path);
  written = read_all (path);
  g_assert_cmpstr (written, ==, expected);
  g_assert_nonnull (strstr (written, "\"runs\": []"));
}

/* Loaded back, the runs hold the logs' values, worked out by hand from
 * the fixtures (see tests/import/test-import-naming.c): ids after the
 * tracker in file order, names project · run id · start. */
static void
test_values (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = project_path (f);
  g_autoptr(HuProject) project = hu_project_new ();
  g_autoptr(GPtrArray) runs = import_runs (logs);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) loaded = NULL;
  GListModel *model;

  stream_runs (project, runs, path);
  loaded = hu_project_new_from_file (file, &error);
  g_assert_no_error (error);
  model = G_LIST_MODEL (hu_project_get_runs (loaded));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 9);

  {
    g_autoptr(HuMeasuredRun) first = g_list_model_get_item (model, 0);
    g_autoptr(HuMeasuredRun) fourth = g_list_model_get_item (model, 3);
    g_autoptr(HuMeasuredRun) last = g_list_model_get_item (model, 8);

    g_assert_cmpstr (hu_measured_run_get_id (first), ==, "codecarbon");
    g_assert_cmpstr (hu_measured_run_get_name (first), ==, "codecarbon · 3a7221 · 2023-06-06 01:31");
    g_assert_cmpstr (hu_measured_run_get_id (fourth), ==, "codecarbon-4");
    g_assert_cmpstr (hu_measured_run_get_name (fourth), ==, "codecarbon · 2f20af · 2023-06-06 01:48");
    g_assert_cmpstr (hu_measured_run_get_id (last), ==, "codecarbon-9");
    g_assert_cmpstr (hu_measured_run_get_name (last), ==, "codecarbon · 5d6c08 · 2023-11-09 12:38");
    /* 5d6c08a2's longest row, line 13 of the Idrissben log. */
    g_assert_cmpfloat_with_epsilon (hu_measured_run_get_data (last)->energy_kwh,
                                    0.0005939216277665562, 1e-15);
  }
}

/* A writer given up before it finished (the import failed): the file
 * keeps its contents, and the temporary file is gone. */
static void
test_abandoned (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = project_path (f);
  g_autoptr(HuProject) project = load_example ("bloom.huella");
  g_autoptr(GPtrArray) runs = import_runs (logs);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HuProjectWriter *writer;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  writer = hu_project_writer_new (project, file, &error);
  g_assert_no_error (error);
  g_assert_true (hu_project_writer_add_run (writer, g_ptr_array_index (runs, 0), &error));
  g_assert_cmpuint (count_files (f), ==, 2);
  hu_project_writer_free (writer);

  assert_untouched (f, path, "old");
}

/* Past the most Huella opens, the writer stops with a message and leaves
 * the file as it was: 9 runs of about 1 kB each do not fit in 4 kB. */
static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = project_path (f);
  g_autoptr(HuProject) project = hu_project_new ();
  g_autoptr(GPtrArray) runs = import_runs (logs);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProjectWriter) writer = NULL;
  gboolean ok = TRUE;
  guint i;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  writer = hu_project_writer_new (project, file, &error);
  g_assert_no_error (error);
  _hu_project_writer_set_limit (writer, 4096);
  for (i = 0; i < runs->len && ok; i++)
    ok = hu_project_writer_add_run (writer, g_ptr_array_index (runs, i), &error);
  g_assert_false (ok);
  g_assert_error (error, HU_FILE_ERROR, HU_FILE_ERROR_TOO_LARGE);
  /* g_format_size_full() puts a no-break space before the unit. */
  g_assert_nonnull (strstr (error->message, "4.0\u00a0KiB"));
  g_assert_nonnull (strstr (error->message, "p.huella"));
  /* It stopped before the ninth run: at 1 kB a run, the fourth or fifth. */
  g_assert_cmpuint (i, <, runs->len);
  g_clear_pointer (&writer, hu_project_writer_free);

  assert_untouched (f, path, "old");
}

/* A disk that fills while the runs are written (tests/save-shim.c: write()
 * fails with ENOSPC, a short write first, once the project's own bytes and
 * 4,000 more are written; its 18 new runs take about 18,000): the file
 * opens with its old contents. */
static void
test_no_space (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = project_path (f);
  g_autofree char *old = NULL;
  g_autofree char *asan = NULL;
  const char *shim = g_getenv ("HU_SAVE_SHIM");

  if (g_test_subprocess ())
    {
      /* The parent's file: the subprocess has a folder of its own. */
      const char *parent_path = g_getenv ("HU_TEST_WRITER_PATH");
      g_autoptr(HuProject) project = load_example ("bloom.huella");
      g_autoptr(GPtrArray) runs = import_runs (logs);
      g_autoptr(GPtrArray) more = import_runs (logs);
      g_autoptr(GFile) file = g_file_new_for_path (parent_path);
      g_autoptr(GError) error = NULL;
      g_autoptr(HuProjectWriter) writer = hu_project_writer_new (project, file, &error);
      gboolean ok = writer != NULL;

      g_ptr_array_extend (runs, more, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
      for (guint i = 0; ok && i < runs->len; i++)
        ok = hu_project_writer_add_run (writer, g_ptr_array_index (runs, i), &error);
      if (ok)
        ok = hu_project_writer_finish (writer, &error);
      g_assert_false (ok);
      g_assert_error (error, HU_FILE_ERROR, HU_FILE_ERROR_NO_SPACE);
      g_assert_nonnull (strstr (error->message, "disk is full"));
      return;
    }

  g_assert_nonnull (shim);
  {
    g_autoptr(HuProject) p = load_example ("bloom.huella");
    g_autofree char *limit = NULL;
    gsize len;

    old = hu_project_to_data (p, &len);
    g_assert_true (g_file_set_contents (path, old, len, NULL));
    limit = g_strdup_printf ("%" G_GSIZE_FORMAT, len + 4000);
    g_setenv ("HU_SHIM_NOSPACE_AFTER", limit, TRUE);
  }
  asan = g_strconcat (g_getenv ("ASAN_OPTIONS") ? g_getenv ("ASAN_OPTIONS") : "",
                      ":verify_asan_link_order=0", NULL);
  g_setenv ("ASAN_OPTIONS", asan, TRUE);
  g_setenv ("HU_TEST_WRITER_PATH", path, TRUE);
  g_setenv ("LD_PRELOAD", shim, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("LD_PRELOAD");
  g_unsetenv ("HU_SHIM_NOSPACE_AFTER");
  g_unsetenv ("HU_TEST_WRITER_PATH");
  g_test_trap_assert_passed ();

  assert_untouched (f, path, old);
}

/* The same through `huella-cli import --add-to` of the whole tests/data
 * folder (752 runs, about 740 kB of project): the disk fills after
 * 300,000 bytes, while the runs are still being read, so the failed save
 * stops the import. The project keeps its contents, no temporary file is
 * left, and the message says why. */
static void
test_cli_no_space (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = project_path (f);
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", NULL);
  const char *argv[] = { g_getenv ("HUELLA_CLI"), "import", folder, "--add-to", path,
                         "--format", "json", NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *asan = NULL;
  g_autofree char *old = NULL, *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (argv[0]);
  g_assert_nonnull (g_getenv ("HU_SAVE_SHIM"));
  {
    g_autoptr(HuProject) p = load_example ("bloom.huella");
    gsize len;

    old = hu_project_to_data (p, &len);
    g_assert_true (g_file_set_contents (path, old, len, NULL));
  }
  asan = g_strconcat (g_getenv ("ASAN_OPTIONS") ? g_getenv ("ASAN_OPTIONS") : "",
                      ":verify_asan_link_order=0", NULL);
  env = g_environ_setenv (env, "ASAN_OPTIONS", asan, TRUE);
  env = g_environ_setenv (env, "LD_PRELOAD", g_getenv ("HU_SAVE_SHIM"), TRUE);
  env = g_environ_setenv (env, "HU_SHIM_NOSPACE_AFTER", "300000", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  if (!strstr (err, "disk is full"))
    g_error ("stderr says “%s”", err);

  assert_untouched (f, path, old);
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);

  g_test_add ("/huella/project-writer/same-bytes", Fixture, NULL, fixture_set_up,
              test_same_bytes, fixture_tear_down);
  g_test_add ("/huella/project-writer/every-member", Fixture, NULL, fixture_set_up,
              test_every_member, fixture_tear_down);
  g_test_add ("/huella/project-writer/snapshot", Fixture, NULL, fixture_set_up, test_snapshot,
              fixture_tear_down);
  g_test_add ("/huella/project-writer/empty", Fixture, NULL, fixture_set_up, test_empty,
              fixture_tear_down);
  g_test_add ("/huella/project-writer/values", Fixture, NULL, fixture_set_up, test_values,
              fixture_tear_down);
  g_test_add ("/huella/project-writer/abandoned", Fixture, NULL, fixture_set_up,
              test_abandoned, fixture_tear_down);
  g_test_add ("/huella/project-writer/too-large", Fixture, NULL, fixture_set_up,
              test_too_large, fixture_tear_down);
  g_test_add ("/huella/project-writer/no-space", Fixture, NULL, fixture_set_up, test_no_space,
              fixture_tear_down);

  g_test_add ("/huella/project-writer/cli-no-space", Fixture, NULL, fixture_set_up,
              test_cli_no_space, fixture_tear_down);

  return g_test_run ();
}
