/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Ranges on the command line (issue 12): flags that take LOW..HIGH,
 * --samples, --seed and --default-ranges, the keys of ARCHITECTURE.md §8
 * only when a range applies, bad ranges refused with exit status 2 and
 * the flag named, the same bytes in every locale. */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "test-helpers.h"

#define RUN(run, locale, ...) \
  G_STMT_START { const char *_a[] = { __VA_ARGS__, NULL }; run_cliv (run, locale, _a); } G_STMT_END

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* The analytic case of test-uncertainty.c through the CLI: 1e21 FLOP at
 * 100 TFLOP/s, 300 W, PUE 1, 400 g/kWh, utilisation uniform on 0.3..0.5:
 * total = K/U with K = 1e21/100e12/3600 × 0.3 × 0.4 = 333.33 kg·U. */
#define ANALYTIC "estimate", "--flops", "1e21", "--peak-tflops", "100", "--power-w", "300", \
                 "--pue", "1", "--intensity", "400"
#define K_ANALYTIC (1e21 / 100e12 / 3600.0 * 0.300 * 0.400)

static void
test_estimate_json (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o, *u, *total;
  JsonArray *sensitivity;

  RUN (&run, NULL, ANALYTIC, "--utilization", "0.3..0.5", "--format", "json");
  g_assert_cmpint (run.status, ==, 0);
  o = parse_object (parser, run.out);

  /* The point estimate uses the middle of the range. */
  g_assert_cmpfloat (json_object_get_double_member (o, "utilization"), ==, 0.4);
  u = json_object_get_object_member (o, "uncertainty");
  g_assert_nonnull (u);
  g_assert_cmpint (json_object_get_int_member (u, "samples"), ==, 10000);
  g_assert_cmpint (json_object_get_int_member (u, "seed"), ==, HU_UNCERTAINTY_DEFAULT_SEED);
  /* Every numeric output that applies has its percentiles; cost has no
   * price, and without a deployment phase the serving outputs (issue 11)
   * do not apply, so no interval. */
  for (guint i = 0; i < hu_uncertainty_get_n_outputs (); i++)
    {
      const char *key = hu_uncertainty_output_name (i);
      gboolean serving = g_str_has_prefix (key, "inference_") || g_str_has_prefix (key, "per_request_") ||
                         g_str_equal (key, "breakeven_requests");
      g_assert_true (json_object_has_member (u, key) == (!g_str_equal (key, "cost") && !serving));
    }
  total = json_object_get_object_member (u, "total_kg");
  /* Tolerances: four Monte Carlo standard errors (see test-uncertainty.c). */
  assert_rel (json_object_get_double_member (total, "p05"), K_ANALYTIC / 0.49, 4 * 0.0009);
  assert_rel (json_object_get_double_member (total, "p95"), K_ANALYTIC / 0.31, 4 * 0.0014);

  sensitivity = json_object_get_array_member (o, "sensitivity");
  g_assert_cmpuint (json_array_get_length (sensitivity), ==, 1);
  {
    JsonObject *s = json_array_get_object_element (sensitivity, 0);
    g_assert_cmpstr (json_object_get_string_member (s, "input"), ==, "utilization");
    assert_rel (json_object_get_double_member (s, "low"), K_ANALYTIC / 0.3, 1e-12);
    assert_rel (json_object_get_double_member (s, "high"), K_ANALYTIC / 0.5, 1e-12);
  }
}

/* Without a range the output is exactly what it was; --default-ranges
 * brings the catalog's typical ranges; --samples and --seed are echoed. */
static void
test_only_when_ranged (void)
{
  g_auto(Run) plain = { 0 };
  g_auto(Run) defaults = { 0 };
  g_auto(Run) csv = { 0 };
  g_auto(Run) csv_ranged = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o, *u;

  RUN (&plain, NULL, ANALYTIC, "--utilization", "0.4", "--format", "json");
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_null (strstr (plain.out, "uncertainty"));
  g_assert_null (strstr (plain.out, "sensitivity"));

  RUN (&defaults, NULL, "estimate", "--flops", "3.14e23", "--gpu", "nvidia-v100-sxm2-32gb",
       "--region", "grid/US", "--default-ranges", "--samples", "2000", "--seed", "7",
       "--format", "json");
  g_assert_cmpint (defaults.status, ==, 0);
  o = parse_object (parser, defaults.out);
  u = json_object_get_object_member (o, "uncertainty");
  g_assert_cmpint (json_object_get_int_member (u, "samples"), ==, 2000);
  g_assert_cmpint (json_object_get_int_member (u, "seed"), ==, 7);
  /* Utilisation, power, PUE and intensity: four defaults, four ranges. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "sensitivity")), ==, 4);

  RUN (&csv, NULL, ANALYTIC, "--utilization", "0.4", "--format", "csv");
  g_assert_null (strstr (csv.out, "_p05"));
  RUN (&csv_ranged, NULL, ANALYTIC, "--utilization", "0.3..0.5", "--format", "csv");
  g_assert_nonnull (strstr (csv_ranged.out, ",total_kg_p05,total_kg_p95"));
  /* Header and row have the same number of fields. */
  {
    g_auto(GStrv) lines = g_strsplit (csv_ranged.out, "\n", -1);
    g_auto(GStrv) head = g_strsplit (lines[0], ",", -1);
    g_auto(GStrv) row = g_strsplit (lines[1], ",", -1);
    g_assert_cmpuint (g_strv_length (head), ==, g_strv_length (row));
  }
}

typedef struct {
  const char *name;
  const char *args[20];
  const char *stderr_has;
} BadRange;

static const BadRange bad_ranges[] = {
  { "low-above-high", { ANALYTIC, "--utilization", "0.5..0.3" }, "--utilization: the low end 0.5 is above the high end 0.3" },
  { "likely-outside", { ANALYTIC, "--utilization", "0.3..0.6..0.5" }, "--utilization: the likely value 0.6" },
  { "negative-low", { "estimate", "--flops", "1e21", "--peak-tflops", "100", "--power-w", "-100..300",
                      "--pue", "1", "--intensity", "400" }, "--power-w: must be greater than 0 (the low end" },
  { "pue-below-one", { ANALYTIC, "--utilization", "0.4", "--pue", "0.9..1.2" }, "--pue:" },
  { "not-a-number", { ANALYTIC, "--utilization", "0.3..x" }, "--utilization:" },
  { "four-parts", { ANALYTIC, "--utilization", "0.1..0.2..0.3..0.4" }, "--utilization:" },
  { "zero-samples", { ANALYTIC, "--utilization", "0.3..0.5", "--samples", "0" }, "--samples" },
  { "huge-samples", { ANALYTIC, "--utilization", "0.3..0.5", "--samples", "1e9" }, "--samples" },
  { "negative-seed", { ANALYTIC, "--utilization", "0.3..0.5", "--seed", "-1" }, "--seed" },
};

static void
test_bad_range (gconstpointer data)
{
  const BadRange *bad = data;
  g_auto(Run) run = { 0 };

  run_cliv (&run, NULL, (const char **) bad->args);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  if (!strstr (run.err, bad->stderr_has))
    g_error ("stderr “%s” does not mention “%s”", run.err, bad->stderr_has);
}

static char *
write_project (const char *name,
               const char *contents)
{
  char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* Two scenarios that differ only in region, with the same range on
 * utilisation: common random numbers make the cleaner one lower in
 * every sample (grid/FR 44 g/kWh against grid/US 384, catalog 2024). */
#define CRN_PROJECT \
  "{\"format\":\"huella-project\",\"format-version\":1,\"scenarios\":[" \
  "{\"id\":\"us\",\"name\":\"US\",\"flops\":1e21,\"gpu\":\"nvidia-h100-sxm\",\"region\":\"grid/US\"," \
  "\"utilization\":{\"low\":0.3,\"likely\":0.35,\"high\":0.5}}," \
  "{\"id\":\"fr\",\"name\":\"FR\",\"flops\":1e21,\"gpu\":\"nvidia-h100-sxm\",\"region\":\"grid/FR\"," \
  "\"utilization\":{\"low\":0.3,\"likely\":0.35,\"high\":0.5}}]}"

static void
test_compare (void)
{
  g_autofree char *path = write_project ("crn.huella", CRN_PROJECT);
  g_auto(Run) run = { 0 };
  g_auto(Run) text = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *scenarios;
  JsonObject *us, *fr;

  RUN (&run, NULL, "compare", path, "--format", "json");
  g_assert_cmpint (run.status, ==, 0);
  scenarios = json_object_get_array_member (parse_object (parser, run.out), "scenarios");
  us = json_array_get_object_element (scenarios, 0);
  fr = json_array_get_object_element (scenarios, 1);
  g_assert_true (json_object_get_null_member (us, "p_lower_than_baseline"));
  g_assert_cmpfloat (json_object_get_double_member (fr, "p_lower_than_baseline"), ==, 1.0);
  g_assert_true (json_object_has_member (fr, "uncertainty"));
  g_assert_true (json_object_has_member (fr, "sensitivity"));

  RUN (&text, NULL, "compare", path);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "P(lower)"));
  g_assert_nonnull (strstr (text.out, "100 %"));
}

/* The same bytes under C and Spanish locales, estimate and compare, with
 * user ranges and default ranges. */
static void
test_locale_independent (void)
{
  g_autofree char *path = write_project ("crn-locale.huella", CRN_PROJECT);
  const char *formats[] = { "json", "csv" };

  if (!setlocale (LC_ALL, "es_ES.UTF-8"))
    {
      g_test_fail_printf ("es_ES.UTF-8 is not installed (the README's test command generates it)");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_auto(Run) c = { 0 };
      g_auto(Run) es = { 0 };
      g_auto(Run) cc = { 0 };
      g_auto(Run) ces = { 0 };

      RUN (&c, "C.UTF-8", "estimate", "--params", "70G", "--tokens", "1.5T..2T..2.5T", "--gpu",
           "nvidia-a100-sxm4-80gb", "--region", "gcp/europe-west4", "--price", "1.5..2.5",
           "--default-ranges", "--format", formats[f]);
      RUN (&es, "es_ES.UTF-8", "estimate", "--params", "70G", "--tokens", "1.5T..2T..2.5T", "--gpu",
           "nvidia-a100-sxm4-80gb", "--region", "gcp/europe-west4", "--price", "1.5..2.5",
           "--default-ranges", "--format", formats[f]);
      g_assert_cmpint (c.status, ==, 0);
      g_assert_nonnull (strstr (c.out, "p05"));
      g_assert_cmpstr (c.out, ==, es.out);

      RUN (&cc, "C.UTF-8", "compare", path, "--default-ranges", "--format", formats[f]);
      RUN (&ces, "es_ES.UTF-8", "compare", path, "--default-ranges", "--format", formats[f]);
      g_assert_cmpint (cc.status, ==, 0);
      g_assert_cmpstr (cc.out, ==, ces.out);
    }
}

int
main (int    argc,
      char **argv)
{
  core_test_init (&argc, &argv);

  g_test_add_func ("/huella/cli-uncertainty/estimate-json", test_estimate_json);
  g_test_add_func ("/huella/cli-uncertainty/only-when-ranged", test_only_when_ranged);
  for (guint i = 0; i < G_N_ELEMENTS (bad_ranges); i++)
    {
      g_autofree char *path = g_strdup_printf ("/huella/cli-uncertainty/bad-range/%s", bad_ranges[i].name);
      g_test_add_data_func (path, &bad_ranges[i], test_bad_range);
    }
  g_test_add_func ("/huella/cli-uncertainty/compare", test_compare);
  g_test_add_func ("/huella/cli-uncertainty/locale-independent", test_locale_independent);

  return g_test_run ();
}
