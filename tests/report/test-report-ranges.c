/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "hu-core.h"
#include "hu-report.h"
#include "../test-init.h"

/*
 * Issue 8: the app's table and its report cannot disagree on a likely
 * range. A report made from the app's comparison takes the intervals its
 * rows already hold (drawing none again); one made from a comparison that
 * drew nothing samples the whole comparison at once, and gets the same
 * numbers as the rows draw one by one afterwards.
 */

static HuProject *
load_example (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HuProject *project = hu_project_new_from_file (file, &error);

  g_assert_no_error (error);
  return project;
}

static guint
n_computes (HuComparison *comparison)
{
  guint n = 0;

  for (guint i = 0; i < hu_comparison_get_n_scenarios (comparison); i++)
    n += hu_comparison_row_get_n_uncertainty_computes (hu_comparison_get_row (comparison, i));
  return n;
}

static void
draw_every_row (HuComparison *comparison)
{
  for (guint i = 0; i < hu_comparison_get_n_scenarios (comparison); i++)
    hu_comparison_get_uncertainty (comparison, hu_comparison_get_row (comparison, i));
}

/* The report's JSON "uncertainty" of scenario @i, or NULL. */
static JsonObject *
report_uncertainty (HuReport *report,
                    JsonParser *parser,
                    guint       i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = hu_report_export_bytes (report, HU_REPORT_FORMAT_JSON, NULL, &error);
  JsonArray *scenarios;
  JsonObject *scenario;

  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  scenarios = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                            "scenarios");
  scenario = json_array_get_object_element (scenarios, i);
  if (!json_object_has_member (scenario, "uncertainty") ||
      JSON_NODE_HOLDS_NULL (json_object_get_member (scenario, "uncertainty")))
    return NULL;
  return json_object_get_object_member (scenario, "uncertainty");
}

/* Every scenario's total CO₂eq interval and chance lower in @report are
 * the row's: JSON prints the shortest round-trip form, so exactly. */
static void
assert_report_is_rows (HuReport     *report,
                       HuComparison *comparison,
                       guint         n_ranged)
{
  guint checked = 0;

  for (guint i = 0; i < hu_comparison_get_n_scenarios (comparison); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *u = report_uncertainty (report, parser, i);
      const HuUncertainty *row = hu_comparison_get_uncertainty (comparison,
                                                                hu_comparison_get_row (comparison,
                                                                                       i));
      const HuInterval *interval;
      JsonObject *total;

      g_assert_true ((u == NULL) == (row == NULL || !hu_uncertainty_applies (row)));
      if (u == NULL)
        continue;
      interval = hu_uncertainty_get_interval (row, "total_kg");
      total = json_object_get_object_member (u, "total_kg");
      g_assert_cmpfloat (json_object_get_double_member (total, "p05"), ==, interval->p05);
      g_assert_cmpfloat (json_object_get_double_member (total, "p50"), ==, interval->p50);
      g_assert_cmpfloat (json_object_get_double_member (total, "p95"), ==, interval->p95);
      g_assert_cmpint (json_object_get_int_member (u, "samples"), ==, row->samples);
      checked++;
    }
  g_assert_cmpuint (checked, ==, n_ranged);
}

static void
test_report_reads_rows (void)
{
  g_autoptr(HuProject) project = load_example ("gpt3-ranges.huella");
  g_autoptr(HuComparison) comparison = hu_comparison_new (project);
  g_autoptr(HuReport) fresh = NULL;
  g_autoptr(HuReport) shown = NULL;
  g_autoptr(GError) error = NULL;
  guint before, estimates;

  /* Nothing drawn yet: the report samples the comparison itself (and
   * leaves the rows alone), and the rows drawn afterwards agree. */
  estimates = hu_estimate_get_count ();
  fresh = hu_report_new_for_comparison (comparison, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_computes (comparison), ==, 0);
  g_assert_cmpuint (hu_estimate_get_count (), >, estimates);
  draw_every_row (comparison);
  g_assert_cmpuint (n_computes (comparison), ==, 3);
  /* gpt3-ranges.huella: only "patterson" carries ranges of its own. */
  assert_report_is_rows (fresh, comparison, 1);

  /* As in the app: the table drew every row; the report draws nothing,
   * not even the estimates at the ends of each range that sampling
   * makes. */
  before = n_computes (comparison);
  estimates = hu_estimate_get_count ();
  shown = hu_report_new_for_comparison (comparison, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_computes (comparison), ==, before);
  g_assert_cmpuint (hu_estimate_get_count (), ==, estimates);
  assert_report_is_rows (shown, comparison, 1);
}

/* The same with another baseline and the typical ranges of defaults: the
 * report follows the comparison's flag and baseline. */
static void
test_report_follows_comparison (void)
{
  g_autoptr(HuProject) project = load_example ("gpt3-ranges.huella");
  g_autoptr(HuComparison) comparison = hu_comparison_new (project);
  g_autoptr(HuReport) report = NULL;
  g_autoptr(GError) error = NULL;
  HuReportOptions options;
  guint before, estimates;

  g_assert_true (hu_comparison_set_baseline_id (comparison, "h100-france", &error));
  hu_comparison_set_default_ranges (comparison, TRUE);
  draw_every_row (comparison);
  before = n_computes (comparison);

  hu_report_options_init (&options);
  options.default_ranges = TRUE;
  estimates = hu_estimate_get_count ();
  report = hu_report_new_for_comparison (comparison, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_computes (comparison), ==, before);
  g_assert_cmpuint (hu_estimate_get_count (), ==, estimates);
  /* With the defaults' ranges all three scenarios have intervals. */
  assert_report_is_rows (report, comparison, 3);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  core_test_init (&argc, &argv);

  g_test_add_func ("/huella/report/ranges/report-reads-rows", test_report_reads_rows);
  g_test_add_func ("/huella/report/ranges/report-follows-comparison",
                   test_report_follows_comparison);
  return g_test_run ();
}
