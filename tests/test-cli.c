/* SPDX-License-Identifier: GPL-3.0-or-later */

/* huella-cli as a user runs it: exit statuses, messages naming the flag,
 * nothing on stdout on failure, machine output independent of the
 * locale. */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "test-helpers.h"

static char *
example_path (const char *name)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "examples", name, NULL);
}

typedef struct {
  const char *name;
  const char *args[16];
  int         status;
  const char *stderr_has;
} BadArgs;

#define GPT3 "--flops", "3.14e23", "--gpu", "nvidia-v100s-pcie-32gb", "--region", "grid/US"

static const BadArgs bad_args[] = {
  { "negative-flops", { "estimate", "--flops", "-5", "--gpu", "nvidia-h100-sxm", "--region", "grid/FR" }, 1, "--flops" },
  { "zero-count", { "estimate", GPT3, "--count", "0" }, 1, "--count" },
  { "fraction-count", { "estimate", GPT3, "--count", "1.5" }, 1, "--count" },
  { "nan-power", { "estimate", GPT3, "--power-w", "nan" }, 1, "--power-w" },
  { "inf-intensity", { "estimate", GPT3, "--intensity", "inf" }, 1, "--intensity" },
  { "text-pue", { "estimate", GPT3, "--pue", "low" }, 1, "--pue" },
  { "overflow", { "estimate", GPT3, "--count", "1e999" }, 1, "--count" },
  { "util-above-one", { "estimate", GPT3, "--utilization", "1.5" }, 1, "--utilization" },
  { "pue-below-one", { "estimate", GPT3, "--pue", "0.8" }, 1, "--pue" },
  { "zero-flops", { "estimate", "--flops", "0", "--gpu", "nvidia-h100-sxm", "--region", "grid/FR" }, 1, "--flops" },
  { "unknown-gpu", { "estimate", "--flops", "1e21", "--gpu", "nvidia-h100", "--region", "grid/FR" }, 1, "nvidia-h100-" },
  { "unknown-region", { "estimate", "--flops", "1e21", "--gpu", "nvidia-h100-sxm", "--region", "aws/eu-west-9" }, 1, "aws/eu-west-" },
  { "conflict", { "estimate", GPT3, "--gpu-hours", "100" }, 1, "Conflicting" },
  { "missing-workload", { "estimate", "--gpu", "nvidia-h100-sxm", "--region", "grid/FR" }, 1, "workload" },
  { "params-only", { "estimate", "--params", "7B", "--gpu", "nvidia-h100-sxm", "--region", "grid/FR" }, 1, "--tokens" },
  { "no-location", { "estimate", "--flops", "1e21", "--gpu", "nvidia-h100-sxm" }, 1, "--intensity" },
  { "bad-precision", { "estimate", GPT3, "--precision", "fp64" }, 1, "--precision" },
  { "unknown-flag", { "estimate", "--flopz", "1" }, 2, "flopz" },
  { "bad-format", { "estimate", GPT3, "--format", "xml" }, 2, "--format" },
  { "unknown-command", { "estimat" }, 2, "estimat" },
  { "compare-no-file", { "compare" }, 2, "project file" },
  { "compare-missing-file", { "compare", "/nonexistent/p.huella" }, 1, "p.huella" },
  /* Not files: refused before reading (/dev/zero never ends). */
  { "compare-dev-zero", { "compare", "/dev/zero" }, 1, "/dev/zero: is not a regular file" },
  { "compare-folder", { "compare", "/" }, 1, "is a folder" },
  { "report-dev-zero", { "report", "/dev/zero", "-o", "never.pdf" }, 1, "/dev/zero: is not a regular file" },
  { "import-dev-zero", { "import", "/dev/zero" }, 1, "/dev/zero: not a regular file" },
  /* The deployment phase (issue 11): bad combinations are usage errors. */
  { "negative-requests", { "estimate", GPT3, "--requests", "-5", "--wh-per-request", "1" }, 2, "--requests" },
  { "zero-requests", { "estimate", GPT3, "--requests", "0", "--wh-per-request", "1" }, 2, "--requests" },
  { "zero-requests-per-day", { "estimate", GPT3, "--requests-per-day", "0", "--days", "3", "--wh-per-request", "1" }, 2, "--requests-per-day" },
  { "zero-days", { "estimate", GPT3, "--requests-per-day", "10", "--days", "0", "--wh-per-request", "1" }, 2, "--days" },
  { "negative-days", { "estimate", GPT3, "--requests", "10", "--days", "-1", "--serve-count", "2" }, 2, "--days" },
  { "zero-tokens", { "estimate", GPT3, "--requests", "10", "--tokens-per-request", "0" }, 2, "--tokens-per-request" },
  { "negative-tokens", { "estimate", GPT3, "--requests", "10", "--tokens-per-request", "-3" }, 2, "--tokens-per-request" },
  { "fleet-without-days", { "estimate", GPT3, "--requests", "10", "--serve-count", "4", "--serve-power", "300" }, 2, "--days" },
  { "two-models", { "estimate", GPT3, "--requests", "10", "--wh-per-request", "2", "--tokens-per-request", "100" }, 2, "--tokens-per-request" },
  { "per-request-and-fleet", { "estimate", GPT3, "--requests", "10", "--days", "3", "--wh-per-request", "2", "--serve-power", "300" }, 2, "--serve-power" },
  { "fleet-and-compute", { "estimate", GPT3, "--requests", "10", "--days", "3", "--serve-count", "2", "--serve-utilization", "0.2" }, 2, "--serve-utilization" },
  { "requests-missing", { "estimate", GPT3, "--days", "3", "--wh-per-request", "2" }, 2, "--requests" },
  { "no-serving-model", { "estimate", GPT3, "--requests", "10" }, 2, "--wh-per-request" },
  { "bad-serve-pue", { "estimate", GPT3, "--requests", "10", "--wh-per-request", "2", "--serve-pue", "0.9" }, 2, "--serve-pue" },
  { "unknown-serve-gpu", { "estimate", GPT3, "--requests", "10", "--days", "2", "--serve-gpu", "nvidia-h100" }, 1, "--serve-gpu" },
  { "unknown-serve-region", { "estimate", GPT3, "--requests", "10", "--wh-per-request", "2", "--serve-region", "gcp/us-centrall" }, 1, "--serve-region" },
};

static void
test_bad_args (gconstpointer data)
{
  const BadArgs *bad = data;
  g_auto(Run) run = { 0 };
  const char **a = (const char **) bad->args;

  run_cli (&run, NULL, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10],
           a[11], a[12], a[13], a[14], NULL);
  g_assert_cmpint (run.status, ==, bad->status);
  g_assert_cmpstr (run.out, ==, "");
  if (!strstr (run.err, bad->stderr_has))
    g_error ("stderr “%s” does not mention “%s”", run.err, bad->stderr_has);
  /* One clear message, not a page of text. */
  g_assert_cmpuint (strlen (run.err), <, 400);
}

/* Malformed project files through `compare`. */
static void
test_bad_projects (void)
{
  struct { const char *contents; const char *expect; } cases[] = {
    { "{\"format\":\"huella-project\",\"format-version\":1,\"scenarios\":[{\"id\":\"a\"", ":1:" },
    { "{\"format\":\"huella-project\",\"format-version\":7}", "newer" },
    { "{\"format\":\"huella-project\",\"format-version\":1,\"scenarios\":[{\"id\":\"a\",\"count\":true}]}", "count" },
    { "{\"format\":\"huella-project\",\"format-version\":1,\"scenarios\":[{\"id\":\"a\",\"flops\":1e21,\"gpu\":\"nope\",\"region\":\"grid/FR\"}]}", "scenarios[0]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "bad.huella", NULL);
      g_auto(Run) run = { 0 };

      g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
      g_assert_true (g_file_set_contents (path, cases[i].contents, -1, NULL));
      run_cli (&run, NULL, "compare", path, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      if (!strstr (run.err, cases[i].expect))
        g_error ("stderr “%s” does not mention “%s”", run.err, cases[i].expect);
    }
}

static char *
cache_path (const char *name)
{
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  return g_build_filename (g_get_user_cache_dir (), name, NULL);
}

/* A FIFO would block a reader forever: compare, report and import refuse
 * it at once (the test's timeout would catch a hang). */
static void
test_fifo (void)
{
  g_autofree char *fifo = cache_path ("p.huella");
  const char *commands[][4] = {
    { "compare", fifo, NULL },
    { "report", fifo, "-o", "never.pdf" },
    { "import", fifo, NULL },
  };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };
      run_cli (&run, NULL, commands[i][0], commands[i][1], commands[i][2], commands[i][3], NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, "not a regular file"));
    }
}

/* A project over 64 MiB is refused by its size, before it is read: the
 * file is sparse, 64 MiB + 1 byte. */
static void
test_too_large (void)
{
  g_autofree char *path = cache_path ("huge.huella");
  g_auto(Run) run = { 0 };
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), 64 * 1024 * 1024 + 1), ==, 0);
  fclose (f);
  run_cli (&run, NULL, "compare", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "huge.huella: the file is larger than 64"));
}

/* Charts: 10,000 pixels a side at most, and 40 million pixels in a PNG;
 * nothing is written when refused. */
static void
test_chart_size (void)
{
  g_autofree char *example = example_path ("bloom.huella");
  g_autofree char *png = cache_path ("chart.png");
  g_autofree char *svg = cache_path ("chart.svg");
  struct { const char *out, *width, *height, *says; } cases[] = {
    { png, "30000", "30000", "each side must be 1 to 10000 pixels" },
    { svg, "10001", "100", "each side must be 1 to 10000 pixels" },
    { png, "9000", "9000", "the most is 40 million pixels" },   /* 81 million */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      run_cli (&run, NULL, "report", example, "-o", cases[i].out, "--width", cases[i].width,
               "--height", cases[i].height, NULL);
      g_assert_cmpint (run.status, ==, 1);
      if (!strstr (run.err, cases[i].says))
        g_error ("stderr “%s” does not mention “%s”", run.err, cases[i].says);
      g_assert_false (g_file_test (cases[i].out, G_FILE_TEST_EXISTS));
    }
  {
    /* 10,000 × 4,000 is 40 million: allowed. */
    g_auto(Run) run = { 0 };
    run_cli (&run, NULL, "report", example, "-o", svg, "--width", "10000", "--height", "4000", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (svg, G_FILE_TEST_EXISTS));
  }
}

/* "-o -" is standard output: the bytes a file would hold, and no file
 * named "-". */
static void
test_report_stdout (void)
{
  g_autofree char *example = example_path ("bloom.huella");
  g_autofree char *md = cache_path ("report.md");
  g_autofree char *file_contents = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) to_file = { 0 };

  run_cli (&run, NULL, "report", example, "-o", "-", "--format", "md", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_false (g_file_test ("-", G_FILE_TEST_EXISTS));
  run_cli (&to_file, NULL, "report", example, "-o", md, NULL);
  g_assert_cmpint (to_file.status, ==, 0);
  g_assert_true (g_file_get_contents (md, &file_contents, NULL, NULL));
  g_assert_cmpstr (run.out, ==, file_contents);
}

/* --format, --metric and --tracker ignore case, as --precision does: the
 * upper-case spelling gives the same output as the lower-case one. */
static void
test_case_insensitive (void)
{
  g_autofree char *example = example_path ("bloom.huella");
  g_autofree char *log = g_test_build_filename (G_TEST_DIST, "data",
                                                "cc2.3.1_macos-m1_face-classifier_1gni5.csv", NULL);
  g_autofree char *a = cache_path ("a.svg");
  g_autofree char *b = cache_path ("b.svg");
  g_autofree char *svg_a = NULL;
  g_autofree char *svg_b = NULL;
  const char *pairs[][6] = {
    { "compare", example, "--format", "json", "--format", "JSON" },
    { "import", log, "--tracker", "codecarbon", "--tracker", "CodeCarbon" },
    { "import", log, "--format", "csv", "--format", "CSV" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_auto(Run) lower = { 0 };
      g_auto(Run) upper = { 0 };
      run_cli (&lower, NULL, pairs[i][0], pairs[i][1], pairs[i][2], pairs[i][3], NULL);
      run_cli (&upper, NULL, pairs[i][0], pairs[i][1], pairs[i][4], pairs[i][5], NULL);
      g_assert_cmpint (lower.status, ==, 0);
      g_assert_cmpint (upper.status, ==, 0);
      g_assert_cmpstr (lower.out, ==, upper.out);
    }

  {
    g_auto(Run) lower = { 0 };
    g_auto(Run) upper = { 0 };
    run_cli (&lower, NULL, "report", example, "-o", a, "--metric", "gpu_hours", NULL);
    run_cli (&upper, NULL, "report", example, "-o", b, "--metric", "GPU_HOURS", NULL);
    g_assert_cmpint (lower.status, ==, 0);
    g_assert_cmpint (upper.status, ==, 0);
    g_assert_true (g_file_get_contents (a, &svg_a, NULL, NULL));
    g_assert_true (g_file_get_contents (b, &svg_b, NULL, NULL));
    g_assert_cmpstr (svg_a, ==, svg_b);
  }
}

/* Estimate JSON: the seed article's first row, keys of §5. */
static void
test_estimate_json (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *o;
  const char *keys[] = { "flops", "gpu_hours_run", "gpu_hours", "wall_hours", "energy_it_kwh",
                         "energy_kwh", "emissions_kg", "embodied_kg", "total_kg", "cost", "gpu",
                         "peak_tflops", "utilization", "power_w", "count", "retrain", "pue",
                         "intensity", "region" };

  run_cli (&run, NULL, "estimate", "--flops", "3.14e23", "--gpu", "nvidia-v100s-pcie-32gb",
           "--peak-tflops", "130", "--utilization", "1", "--power-w", "250", "--pue", "1",
           "--intensity", "433", "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (o, keys[i]));
  assert_abs (json_object_get_double_member (o, "gpu_hours"), 670940.17, 0.005);
  assert_abs (json_object_get_double_member (o, "energy_kwh"), 167735.04, 0.005);
  g_assert_true (json_object_get_null_member (o, "cost"));
}

/* The lifecycle keys of ARCHITECTURE.md §8: BLOOMz-7B's break-even
 * (Power Hungry Processing, Table 5): 59,257 kWh of training at
 * 1.0e-4 kWh per inference → 592,570,000 inferences; 1e6 requests at
 * 0.1 Wh = 100 kWh, × 300 g/kWh = 30 kg, 0.03 g each. */
static void
test_estimate_lifecycle_json (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) plain = { 0 };
  g_auto(Run) csv = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) row = NULL;
  JsonObject *o;
  const char *keys[] = { "inference_requests", "inference_energy_kwh", "inference_emissions_kg",
                         "per_request_wh", "per_request_g", "lifecycle_kg", "breakeven_requests" };

  run_cli (&run, NULL, "estimate", "--gpu-hours", "59257", "--power-w", "1000", "--pue", "1",
           "--intensity", "300", "--requests", "1M", "--wh-per-request", "0.1", "--format",
           "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (o, keys[i]));
  assert_rel (json_object_get_double_member (o, "breakeven_requests"), 592570000, 1e-9);
  assert_rel (json_object_get_double_member (o, "inference_requests"), 1e6, 0);
  assert_rel (json_object_get_double_member (o, "inference_energy_kwh"), 100, 1e-12);
  assert_rel (json_object_get_double_member (o, "inference_emissions_kg"), 30, 1e-12);
  assert_rel (json_object_get_double_member (o, "per_request_wh"), 0.1, 1e-12);
  assert_rel (json_object_get_double_member (o, "per_request_g"), 0.03, 1e-12);
  /* 59,257 kWh × 0.3 kg = 17,777.1 kg + 30 kg */
  assert_rel (json_object_get_double_member (o, "lifecycle_kg"), 17807.1, 1e-12);

  /* Without a deployment: null, and the lifecycle is the training. */
  run_cli (&plain, NULL, "estimate", "--gpu-hours", "59257", "--power-w", "1000", "--pue", "1",
           "--intensity", "300", "--format", "json", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, plain.out, -1, &error));
  o = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (!g_str_equal (keys[i], "lifecycle_kg"))
      g_assert_true (json_object_get_null_member (o, keys[i]));
  assert_rel (json_object_get_double_member (o, "lifecycle_kg"), 17777.1, 1e-12);

  /* CSV has the same columns. */
  run_cli (&csv, NULL, "estimate", "--gpu-hours", "59257", "--power-w", "1000", "--pue", "1",
           "--intensity", "300", "--requests", "1M", "--wh-per-request", "0.1", "--format",
           "csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  lines = g_strsplit (csv.out, "\n", -1);
  header = g_strsplit (lines[0], ",", -1);
  row = g_strsplit (lines[1], ",", -1);
  g_assert_cmpuint (g_strv_length (header), ==, g_strv_length (row));
  for (guint i = 0; header[i]; i++)
    if (g_str_equal (header[i], "breakeven_requests"))
      assert_rel (g_ascii_strtod (row[i], NULL), 592570000, 1e-9);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (g_strv_contains ((const char * const *) header, keys[i]));
}

/* The cell of @column in @csv's row @n (1 the first after the header). */
static char *
csv_cell (const char *csv,
          guint       n,
          const char *column)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  g_auto(GStrv) header = g_strsplit (lines[0], ",", -1);
  g_auto(GStrv) row = NULL;

  g_assert_cmpuint (g_strv_length (lines), >, n);
  row = g_strsplit (lines[n], ",", -1);
  g_assert_cmpuint (g_strv_length (header), ==, g_strv_length (row));
  for (guint i = 0; header[i]; i++)
    if (g_str_equal (header[i], column))
      return g_strdup (row[i]);
  g_error ("no column %s in %s", column, lines[0]);
}

/* A CSV row is read alone: its cost says what it is counted in, beside
 * it. 1,000 GPU-hours at 2.5 a GPU-hour cost 2,500; without a price
 * there is neither a cost nor a currency. */
static void
test_csv_currency (void)
{
  g_auto(Run) priced = { 0 };
  g_auto(Run) unpriced = { 0 };
  g_autofree char *cost = NULL, *currency = NULL, *none = NULL;

  run_cli (&priced, NULL, "estimate", "--gpu-hours", "1000", "--power-w", "400", "--pue", "1",
           "--intensity", "300", "--price", "2.5", "--currency", "CHF", "--format", "csv", NULL);
  g_assert_cmpint (priced.status, ==, 0);
  cost = csv_cell (priced.out, 1, "cost");
  currency = csv_cell (priced.out, 1, "currency");
  g_assert_cmpfloat (g_ascii_strtod (cost, NULL), ==, 2500);
  g_assert_cmpstr (currency, ==, "CHF");

  run_cli (&unpriced, NULL, "estimate", "--gpu-hours", "1000", "--power-w", "400", "--pue", "1",
           "--intensity", "300", "--format", "csv", NULL);
  g_assert_cmpint (unpriced.status, ==, 0);
  none = csv_cell (unpriced.out, 1, "currency");
  g_assert_cmpstr (none, ==, "");
}

/* SI suffixes: 7B parameters × 2T tokens = 8.4e22 FLOPs. */
static void
test_suffixes (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();

  run_cli (&run, NULL, "estimate", "--params", "7B", "--tokens", "2T", "--gpu",
           "nvidia-h100-sxm", "--region", "grid/FR", "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (json_parser_get_root (parser)),
                                                    "flops"), ==, 8.4e22);
}

/* The same bytes under C and Spanish locales for every machine format. */
static void
test_locale_independent (void)
{
  const char *examples[] = { "gpt3-gpus.huella", "patterson2021.huella", "llama2.huella", "bloom.huella",
                             "bloom-lifecycle.huella", "serving-7b.huella" };
  const char *formats[] = { "json", "csv" };

  if (!setlocale (LC_ALL, "es_ES.UTF-8"))
    {
      g_test_fail_printf ("es_ES.UTF-8 is not installed (the README's test command generates it)");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        g_autofree char *path = example_path (examples[e]);
        g_auto(Run) c = { 0 };
        g_auto(Run) es = { 0 };

        run_cli (&c, "C.UTF-8", "compare", path, "--format", formats[f], NULL);
        run_cli (&es, "es_ES.UTF-8", "compare", path, "--format", formats[f], NULL);
        g_assert_cmpint (c.status, ==, 0);
        g_assert_cmpint (es.status, ==, 0);
        g_assert_cmpstr (c.out, ==, es.out);
      }

  {
    g_auto(Run) c = { 0 };
    g_auto(Run) es = { 0 };
    run_cli (&c, "C.UTF-8", "estimate", "--params", "70G", "--tokens", "2T", "--gpu",
             "nvidia-a100-sxm4-80gb", "--region", "gcp/europe-west4", "--price", "1.5",
             "--format", "csv", NULL);
    run_cli (&es, "es_ES.UTF-8", "estimate", "--params", "70G", "--tokens", "2T", "--gpu",
             "nvidia-a100-sxm4-80gb", "--region", "gcp/europe-west4", "--price", "1.5",
             "--format", "csv", NULL);
    g_assert_cmpint (c.status, ==, 0);
    g_assert_cmpstr (c.out, ==, es.out);
  }
}

/* Importers read numbers the C way whatever the user's locale: the same
 * logs give the same bytes under C and Spanish number formatting (the
 * skip reasons are sentences for people, so messages stay untranslated
 * here). */
static void
test_import_locale_independent (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", NULL);
  const char *formats[] = { "json", "csv" };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_auto(Run) c = { 0 };
      g_auto(Run) es = { 0 };

      run_cli (&c, "C.UTF-8", "import", dir, "--format", formats[f], NULL);
      run_cli (&es, "es_ES.UTF-8/C", "import", dir, "--format", formats[f], NULL);
      g_assert_cmpint (c.status, ==, 0);
      g_assert_cmpint (es.status, ==, 0);
      g_assert_cmpuint (strlen (c.out), >, 1000);
      g_assert_cmpstr (c.out, ==, es.out);
    }
}

/* Twenty nvidia-smi logs, each two good samples around 10 lines of a
 * month 13: 200 lines skipped. The importer keeps up to 100 of each file
 * (the app's dialog lists them per file), but every output of `import`
 * lists the first 100 only and counts all 200: the text says "… and 100
 * more", the JSON has 100 entries and "skipped_total": 200, the CSV's
 * standard error 100 messages. */
static void
test_import_skips_listed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("huella-cli-skips-XXXXXX", NULL);
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) csv = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  g_auto(GStrv) lines = NULL;
  guint n_listed = 0, n_messages = 0;

  for (int f = 0; f < 20; f++)
    {
      g_autofree char *name = g_strdup_printf ("gpu-%02d.csv", f);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GString) log = g_string_new ("timestamp, index, power.draw [W]\n"
                                             "2024/01/01 10:00:00.000, 0, 100.00 W\n");

      for (int t = 1; t <= 10; t++)
        g_string_append_printf (log, "2024/13/01 10:00:%02d.000, 0, 100.00 W\n", t);
      g_string_append (log, "2024/01/01 10:00:11.000, 0, 100.00 W\n");
      g_assert_true (g_file_set_contents (path, log->str, -1, NULL));
    }

  run_cli (&text, "C.UTF-8", "import", dir, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "200 lines or runs skipped:"));
  lines = g_strsplit (text.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], ": bad timestamp") != NULL)
      n_listed++;
  g_assert_cmpuint (n_listed, ==, 100);
  g_assert_nonnull (strstr (text.out, "  … and 100 more\n"));

  run_cli (&json, "C.UTF-8", "import", dir, "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "skipped")), ==, 100);
  g_assert_cmpint (json_object_get_int_member (root, "skipped_total"), ==, 200);

  run_cli (&csv, "C.UTF-8", "import", dir, "--format", "csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_strfreev (lines);
  lines = g_strsplit (csv.err, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], ": skipped: bad timestamp") != NULL)
      n_messages++;
  g_assert_cmpuint (n_messages, ==, 100);

  for (int f = 0; f < 20; f++)
    {
      g_autofree char *name = g_strdup_printf ("gpu-%02d.csv", f);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_catalog_commands (void)
{
  g_auto(Run) gpus = { 0 };
  g_auto(Run) regions = { 0 };
  g_auto(Run) search = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;
  JsonObject *first;

  run_cli (&gpus, NULL, "gpus", "--format", "json", NULL);
  g_assert_cmpint (gpus.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, gpus.out, -1, NULL));
  array = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "gpus");
  g_assert_cmpuint (json_array_get_length (array), ==, 40);
  first = json_array_get_object_element (array, 0);
  g_assert_true (json_object_has_member (first, "tdp_w"));
  g_assert_true (json_object_has_member (json_object_get_object_member (first, "peak_tflops"), "fp8"));

  run_cli (&regions, NULL, "regions", "--search", "grid/FR", "--format", "json", NULL);
  g_assert_cmpint (regions.status, ==, 0);
  g_assert_nonnull (strstr (regions.out, "\"id\": \"grid/FR\""));
  g_assert_nonnull (strstr (regions.out, "\"intensity\""));
  /* GHG Protocol scope 2: the grid average, not a claim */
  g_assert_nonnull (strstr (regions.out, "\"basis\": \"location\""));
  {
    g_auto(Run) claim = { 0 };
    run_cli (&claim, NULL, "regions", "--search", "seeweb/", "--format", "json", NULL);
    g_assert_cmpint (claim.status, ==, 0);
    g_assert_nonnull (strstr (claim.out, "\"basis\": \"market\""));
    g_assert_nonnull (strstr (claim.out, "\"data_flag\": \"claim\""));
  }

  run_cli (&search, NULL, "gpus", "--search", "h100", NULL);
  g_assert_cmpint (search.status, ==, 0);
  g_assert_nonnull (strstr (search.out, "nvidia-h100-sxm"));
  g_assert_null (strstr (search.out, "a100"));
}

static void
test_help (void)
{
  const char *commands[] = { "estimate", "compare", "gpus", "regions" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };
      run_cli (&run, NULL, commands[i], "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "Usage:"));
    }
}

/* Find the line of @text that holds @key. */
static char *
line_holding (const char *text,
              const char *key)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], key) != NULL)
      return g_strdup (lines[i]);
  g_error ("no line holds “%s” in:\n%s", key, text);
  return NULL;
}

/* Issue 10, item 13: GPT-3-sized plans beside a CPU-only CodeCarbon run
 * (gpu_count 0, no GPU model). GPT-3 as run: 3.14e23 FLOP ÷ (125 TFLOP/s
 * × 19.7 %) ÷ 3600 = 3,542,019 GPU-h, in millions from a million with four
 * digits: "3.542 million GPU-h" ("3,542 millones de GPU-h" in Spanish);
 * 10,000 V100s. The A100 in Iowa emits 128,071 kg against 551,588 kg:
 * (128,071 − 551,588) ÷ 551,588 = −0.7678 → "−76.8 %". The run counted
 * no accelerator: "No accelerator" and "0 GPU-h", never "0 thousand
 * GPU-h" nor "—" (unknown). The JSON keeps a plain 0. */
static void
test_compare_cpu_only_run (void)
{
  g_autofree char *example = example_path ("gpt3-ranges.huella");
  g_autofree char *project = g_build_filename (g_get_user_data_dir (), "cpu-only.huella", NULL);
  g_autofree char *log = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data",
                                           "cc3.2.8_windows_gpu_count-0_util-int-zero_AyushiGupta.csv",
                                           NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_auto(Run) import = { 0 };
  g_auto(Run) c = { 0 };
  g_auto(Run) es = { 0 };
  g_auto(Run) json = { 0 };
  g_autofree char *c_gpt3 = NULL;
  g_autofree char *c_iowa = NULL;
  g_autofree char *c_run = NULL;
  g_autofree char *es_gpt3 = NULL;
  g_autofree char *es_run = NULL;

  g_assert_true (g_file_get_contents (example, &contents, &length, NULL));
  g_assert_true (g_mkdir_with_parents (g_get_user_data_dir (), 0700) == 0);
  g_assert_true (g_file_set_contents (project, contents, length, NULL));
  run_cli (&import, NULL, "import", "--add-to", project, log, NULL);
  g_assert_cmpint (import.status, ==, 0);

  run_cli (&c, "C.UTF-8", "compare", project, NULL);
  run_cli (&es, "es_ES.UTF-8", "compare", project, NULL);
  run_cli (&json, "C.UTF-8", "compare", project, "--format", "json", NULL);
  g_assert_cmpint (c.status, ==, 0);
  g_assert_cmpint (es.status, ==, 0);
  g_assert_cmpint (json.status, ==, 0);

  c_gpt3 = line_holding (c.out, "GPT-3 as run");
  c_iowa = line_holding (c.out, "A100 in Iowa");
  c_run = line_holding (c.out, "1850cd");
  g_assert_nonnull (strstr (c_gpt3, "NVIDIA Tesla V100 SXM2 32GB × 10,000"));
  g_assert_nonnull (strstr (c_gpt3, "3.542 million GPU-h"));
  g_assert_nonnull (strstr (c_iowa, "−76.8 %"));
  g_assert_nonnull (strstr (c_run, "No accelerator"));
  g_assert_nonnull (strstr (c_run, " 0 GPU-h "));
  /* Against the first scenario as the app's table says:
   * (5.561e-6 − 551,588) ÷ 551,588 = −0.99999999999, which is not all
   * of it: 100.00 % even with two decimals → "< −99.99 %". */
  g_assert_nonnull (strstr (c_run, "< −99.99 %"));
  g_assert_null (strstr (c.out, " 0 thousand"));

  es_gpt3 = line_holding (es.out, "GPT-3 as run");
  es_run = line_holding (es.out, "1850cd");
  g_assert_nonnull (strstr (es_gpt3, "× 10.000"));
  g_assert_nonnull (strstr (es_gpt3, "3,542 millones de GPU-h"));
  g_assert_nonnull (strstr (es_run, "Sin acelerador"));
  g_assert_nonnull (strstr (es_run, " 0 GPU-h "));
  g_assert_nonnull (strstr (es_run, "< −99,99 %"));
  g_assert_null (strstr (es.out, " 0 miles"));

  g_assert_nonnull (strstr (json.out, "\"gpu_count\": 0"));
}

/* Issue 10, item 13: `estimate`'s table writes every quantity by one
 * rule, its kind's significant digits with their zeros, as `compare`
 * and the report do (it read "21 years" above "81.10 MWh"). 184,320
 * GPU-h on one A100 at 400 W, PUE 1.1, 385 g/kWh:
 *   wall-clock 184,320 h ÷ 8,766 h/year = 21.03 years, three digits
 *     "21.0 years"
 *   GPU-hours, thousands from 10,000, four digits: "184.3 thousand GPU-h"
 *   energy 184,320 × 0.4 kW × 1.1 = 81,100.8 kWh: "81.10 MWh"
 *   CO₂eq 81,100.8 × 0.385 = 31,223.8 kg: "31.22 t"
 *   cost at 2.50 an hour 184,320 × 2.5 = 460,800, in thousands with four
 *     digits as the derivation's step has it: "460.8 k" */
static void
test_estimate_table_digits (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *wall = NULL;
  g_autofree char *cost = NULL;

  run_cli (&run, "C.UTF-8", "estimate", "--gpu-hours", "184320", "--gpu",
           "nvidia-a100-sxm4-80gb", "--power-w", "400", "--intensity", "385", "--pue", "1.1",
           "--price", "2.5", NULL);
  g_assert_cmpint (run.status, ==, 0);
  wall = line_holding (run.out, "Wall-clock time (one run)");
  g_assert_nonnull (strstr (wall, "21.0 years"));
  g_assert_nonnull (strstr (run.out, "184.3 thousand GPU-h"));
  g_assert_nonnull (strstr (run.out, "81.10 MWh"));
  g_assert_nonnull (strstr (run.out, "31.22 t"));
  cost = line_holding (run.out, "Cost");
  g_assert_nonnull (strstr (cost, "460.8 k USD"));
}

/* Issue 10 item 13: the cost step names the currency of the price, USD
 * unless --currency says another, as the Cost row does; the JSON keeps
 * the number raw and says the currency apart. The run above: 184,320
 * GPU-h × 2.50 = 460,800, "460.8 k" with four digits. */
static void
test_estimate_currency (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *currencies[] = { NULL, "EUR" };

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      g_auto(Run) run = { 0 };
      const char *code = currencies[i] != NULL ? currencies[i] : "USD";
      g_autofree char *step = g_strdup_printf ("7. Cost\n"
                                               "   cost = GPU-hours × price per accelerator-hour\n"
                                               "   = 184.3 thousand GPU-h × 2.50 %s/GPU-h\n"
                                               "   = 460.8 k %s\n", code, code);
      g_autofree char *row = g_strdup_printf ("460.8 k %s", code);
      g_autofree char *cost = NULL;

      run_cli (&run, "C.UTF-8", "estimate", "--gpu-hours", "184320", "--power-w", "400",
               "--intensity", "385", "--pue", "1.1", "--price", "2.5",
               currencies[i] != NULL ? "--currency" : NULL, currencies[i], NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, step));
      cost = line_holding (run.out, "Cost ");
      g_assert_nonnull (strstr (cost, row));
    }

  {
    g_auto(Run) run = { 0 };
    JsonObject *o;

    run_cli (&run, "C.UTF-8", "estimate", "--gpu-hours", "184320", "--power-w", "400",
             "--intensity", "385", "--pue", "1.1", "--price", "2.5", "--currency", "EUR",
             "--format", "json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
    g_assert_no_error (error);
    o = json_node_get_object (json_parser_get_root (parser));
    assert_abs (json_object_get_double_member (o, "cost"), 460800, 1e-6);
    g_assert_cmpstr (json_object_get_string_member (o, "currency"), ==, "EUR");
  }

  {
    g_auto(Run) run = { 0 };

    /* Printed beside every amount: only an ISO 4217 code passes. */
    run_cli (&run, "C.UTF-8", "estimate", "--gpu-hours", "1", "--power-w", "400",
             "--intensity", "385", "--price", "2.5", "--currency", "eu", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--currency"));
  }
}

int
main (int    argc,
      char **argv)
{
  core_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (bad_args); i++)
    {
      g_autofree char *path = g_strdup_printf ("/huella/cli/bad-args/%s", bad_args[i].name);
      g_test_add_data_func (path, &bad_args[i], test_bad_args);
    }
  g_test_add_func ("/huella/cli/bad-projects", test_bad_projects);
  g_test_add_func ("/huella/cli/fifo", test_fifo);
  g_test_add_func ("/huella/cli/too-large", test_too_large);
  g_test_add_func ("/huella/cli/chart-size", test_chart_size);
  g_test_add_func ("/huella/cli/report-stdout", test_report_stdout);
  g_test_add_func ("/huella/cli/case-insensitive", test_case_insensitive);
  g_test_add_func ("/huella/cli/estimate-json", test_estimate_json);
  g_test_add_func ("/huella/cli/estimate-lifecycle-json", test_estimate_lifecycle_json);
  g_test_add_func ("/huella/cli/suffixes", test_suffixes);
  g_test_add_func ("/huella/cli/csv-currency", test_csv_currency);
  g_test_add_func ("/huella/cli/locale-independent", test_locale_independent);
  g_test_add_func ("/huella/cli/import-locale-independent", test_import_locale_independent);
  g_test_add_func ("/huella/cli/catalog-commands", test_catalog_commands);
  g_test_add_func ("/huella/cli/help", test_help);
  g_test_add_func ("/huella/cli/compare-cpu-only-run", test_compare_cpu_only_run);
  g_test_add_func ("/huella/cli/estimate-table-digits", test_estimate_table_digits);
  g_test_add_func ("/huella/cli/estimate-currency", test_estimate_currency);
  g_test_add_func ("/huella/cli/import-skips-listed", test_import_skips_listed);
  return g_test_run ();
}
