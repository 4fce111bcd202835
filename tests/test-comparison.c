/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "test-helpers.h"

/* Counts what a comparison says, so a test can assert how much work an
 * action costs: signals and estimates, never clocks. */
typedef struct {
  guint items_changed;
  guint last_position;
  guint last_removed;
  guint last_added;
  guint baseline_notifies;
} Signals;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Signals    *signals)
{
  signals->items_changed++;
  signals->last_position = position;
  signals->last_removed = removed;
  signals->last_added = added;
}

static void
on_baseline (GObject    *object,
             GParamSpec *pspec,
             Signals    *signals)
{
  signals->baseline_notifies++;
}

static void
watch (HuComparison *comparison,
       Signals      *signals)
{
  memset (signals, 0, sizeof *signals);
  g_signal_connect (comparison, "items-changed", G_CALLBACK (on_items_changed), signals);
  g_signal_connect (comparison, "notify::baseline", G_CALLBACK (on_baseline), signals);
}

/* A GPU-hours scenario with everything given, so its numbers are plain
 * arithmetic: energy = GPU-h × W ÷ 1000 × PUE, CO₂ = kWh × g/kWh ÷ 1000. */
static HuScenario *
hours_scenario (const char *id,
                double      gpu_hours,
                double      power_w,
                double      pue,
                double      intensity)
{
  HuScenario *scenario = hu_scenario_new (id, id);
  HuInputs inputs;

  hu_inputs_init (&inputs);
  inputs.gpu_hours = gpu_hours;
  inputs.count = 1;
  inputs.power_w = power_w;
  inputs.pue = pue;
  inputs.intensity = intensity;
  hu_scenario_set_inputs (scenario, &inputs);
  hu_inputs_clear (&inputs);
  return scenario;
}

static HuMeasuredRun *
make_run (const char *id,
          double      duration_s,
          double      gpu_count,
          double      energy_kwh,
          double      emissions_kg)
{
  HuMeasuredRun *run = hu_measured_run_new ();
  HuRunData *data = hu_measured_run_get_data (run);

  g_free (data->id);
  data->id = g_strdup (id);
  data->duration_s = duration_s;
  data->gpu_count = gpu_count;
  data->energy_kwh = energy_kwh;
  data->emissions_kg = emissions_kg;
  return run;
}

static void
test_rows (void)
{
  g_autoptr(HuProject) project = hu_project_new ();
  g_autoptr(HuScenario) a = hours_scenario ("a", 1000, 400, 1.1, 400);
  g_autoptr(HuScenario) b = hours_scenario ("b", 2000, 400, 1.1, 400);
  g_autoptr(HuMeasuredRun) run = make_run ("r", 7200, 4, 3.0, 1.2);
  g_autoptr(HuComparison) comparison = NULL;
  HuComparisonRow *row;

  g_list_store_append (hu_project_get_scenarios (project), a);
  g_list_store_append (hu_project_get_scenarios (project), b);
  g_list_store_append (hu_project_get_runs (project), run);
  comparison = hu_comparison_new (project);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comparison)), ==, 3);
  g_assert_cmpuint (hu_comparison_get_n_scenarios (comparison), ==, 2);
  g_assert_cmpuint (hu_comparison_get_n_runs (comparison), ==, 1);

  /* a: 1000 GPU-h × 400 W = 400 kWh IT × 1.1 = 440 kWh; × 400 g = 176 kg. */
  row = hu_comparison_get_row (comparison, 0);
  g_assert_true (hu_comparison_row_get_scenario (row) == a);
  g_assert_nonnull (hu_comparison_row_get_estimate (row));
  assert_rel (hu_comparison_row_get_metric (row, HU_METRIC_GPU_HOURS), 1000, 1e-12);
  assert_rel (hu_comparison_row_get_metric (row, HU_METRIC_ENERGY_KWH), 440, 1e-12);
  assert_rel (hu_comparison_row_get_metric (row, HU_METRIC_EMISSIONS_KG), 176, 1e-12);

  /* The first scenario is the baseline until another is chosen; b is
   * twice a: +100 %, +176 kg. */
  g_assert_true (hu_comparison_get_baseline (comparison) == row);
  row = hu_comparison_get_row (comparison, 1);
  assert_rel (hu_comparison_row_get_change (row, hu_comparison_get_baseline (comparison),
                                            HU_METRIC_TOTAL_KG), 100, 1e-12);
  assert_rel (hu_comparison_row_get_difference (row, hu_comparison_get_baseline (comparison),
                                                HU_METRIC_TOTAL_KG), 176, 1e-12);

  /* The run: 7200 s = 2 h on 4 GPUs = 8 GPU-h; 1.2 kg against 176 kg is
   * (1.2 − 176) ÷ 176 = −99.318 %. */
  row = hu_comparison_get_row (comparison, 2);
  g_assert_true (hu_comparison_row_get_run (row) == run);
  g_assert_null (hu_comparison_row_get_estimate (row));
  assert_rel (hu_comparison_row_get_metric (row, HU_METRIC_GPU_HOURS), 8, 1e-12);
  assert_rel (hu_comparison_row_get_metric (row, HU_METRIC_WALL_HOURS), 2, 1e-12);
  assert_rel (hu_comparison_row_get_metric (row, HU_METRIC_TOTAL_KG), 1.2, 1e-12);
  g_assert_true (isnan (hu_comparison_row_get_metric (row, HU_METRIC_COST)));
  assert_rel (hu_comparison_row_get_change (row, hu_comparison_get_baseline (comparison),
                                            HU_METRIC_TOTAL_KG),
              (1.2 - 176) / 176 * 100, 1e-12);

  g_assert_true (hu_comparison_find (comparison, "r") == row);
  g_assert_true (hu_comparison_find_run (comparison, run) == row);
  g_assert_null (hu_comparison_find (comparison, "nothing"));
}

static void
test_one_edit_one_estimate (void)
{
  g_autoptr(HuProject) project = hu_project_new ();
  g_autoptr(HuComparison) comparison = NULL;
  Signals signals;
  HuInputs inputs;
  guint before;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autoptr(HuScenario) scenario = hours_scenario (id, 100 * (i + 1), 300, 1.2, 500);

      g_list_store_append (hu_project_get_scenarios (project), scenario);
    }

  before = hu_estimate_get_count ();
  comparison = hu_comparison_new (project);
  /* Five scenarios, five estimates. */
  g_assert_cmpuint (hu_estimate_get_count () - before, ==, 5);
  watch (comparison, &signals);

  /* Edit the fourth: one estimate, one items-changed (3, 1, 1). */
  before = hu_estimate_get_count ();
  hu_inputs_init (&inputs);
  hu_inputs_copy (hu_scenario_get_inputs (hu_project_find_scenario (project, "s3")), &inputs);
  inputs.gpu_hours = 1000;
  hu_scenario_set_inputs (hu_project_find_scenario (project, "s3"), &inputs);
  hu_inputs_clear (&inputs);

  g_assert_cmpuint (hu_estimate_get_count () - before, ==, 1);
  g_assert_cmpuint (signals.items_changed, ==, 1);
  g_assert_cmpuint (signals.last_position, ==, 3);
  g_assert_cmpuint (signals.last_removed, ==, 1);
  g_assert_cmpuint (signals.last_added, ==, 1);
  g_assert_cmpuint (signals.baseline_notifies, ==, 0);
  /* 1000 GPU-h × 300 W × 1.2 = 360 kWh. */
  assert_rel (hu_comparison_row_get_metric (hu_comparison_get_row (comparison, 3),
                                            HU_METRIC_ENERGY_KWH), 360, 1e-12);

  /* A new name costs no estimate. */
  before = hu_estimate_get_count ();
  hu_scenario_set_name (hu_project_find_scenario (project, "s1"), "Renamed");
  g_assert_cmpuint (hu_estimate_get_count () - before, ==, 0);
  g_assert_cmpuint (signals.items_changed, ==, 2);
  g_assert_cmpuint (signals.last_position, ==, 1);
  g_assert_cmpstr (hu_comparison_row_get_name (hu_comparison_get_row (comparison, 1)), ==,
                   "Renamed");
}

static void
test_baseline_one_signal (void)
{
  g_autoptr(HuProject) project = hu_project_new ();
  g_autoptr(HuComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  Signals signals;
  guint before;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autoptr(HuScenario) scenario = hours_scenario (id, 100 * (i + 1), 250, 1.0, 1000);

      g_list_store_append (hu_project_get_scenarios (project), scenario);
    }
  comparison = hu_comparison_new (project);
  watch (comparison, &signals);

  before = hu_estimate_get_count ();
  g_assert_true (hu_comparison_set_baseline_id (comparison, "s9", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (signals.baseline_notifies, ==, 1);
  g_assert_cmpuint (signals.items_changed, ==, 0);
  g_assert_cmpuint (hu_estimate_get_count () - before, ==, 0);

  /* s9 is 1000 GPU-h, s0 100 GPU-h: s0 is −90 % against it. */
  assert_rel (hu_comparison_row_get_change (hu_comparison_get_row (comparison, 0),
                                            hu_comparison_get_baseline (comparison),
                                            HU_METRIC_GPU_HOURS), -90, 1e-12);
  g_assert_true (hu_comparison_get_baseline (comparison) == hu_comparison_get_row (comparison, 9));
  g_assert_false (hu_comparison_get_baseline (comparison) == hu_comparison_get_row (comparison, 0));

  /* The same baseline again says nothing. */
  hu_comparison_set_baseline (comparison, hu_comparison_get_row (comparison, 9));
  g_assert_cmpuint (signals.baseline_notifies, ==, 1);

  g_assert_false (hu_comparison_set_baseline_id (comparison, "nothing", &error));
  g_assert_error (error, HU_COMPARISON_ERROR, HU_COMPARISON_ERROR_UNKNOWN_ID);
  g_assert_cmpuint (signals.baseline_notifies, ==, 1);

  /* Removing the baseline's scenario falls back to the first: one splice,
   * one notification. */
  g_list_store_remove (hu_project_get_scenarios (project), 9);
  g_assert_cmpuint (signals.items_changed, ==, 1);
  g_assert_cmpuint (signals.baseline_notifies, ==, 2);
  g_assert_true (hu_comparison_get_baseline (comparison) == hu_comparison_get_row (comparison, 0));
}

static void
test_add_runs_one_splice (void)
{
  g_autoptr(HuProject) project = hu_project_new ();
  g_autoptr(HuScenario) scenario = hours_scenario ("plan", 10, 300, 1.0, 100);
  g_autoptr(HuComparison) comparison = NULL;
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_object_unref);
  Signals signals;
  guint before;

  g_list_store_append (hu_project_get_scenarios (project), scenario);
  comparison = hu_comparison_new (project);
  watch (comparison, &signals);

  for (guint i = 0; i < 1000; i++)
    g_ptr_array_add (runs, make_run ("codecarbon", 60 * (i + 1), 1, 0.01, 0.004));

  before = hu_estimate_get_count ();
  hu_project_add_runs (project, runs);
  g_assert_cmpuint (signals.items_changed, ==, 1);
  g_assert_cmpuint (signals.last_position, ==, 1);
  g_assert_cmpuint (signals.last_removed, ==, 0);
  g_assert_cmpuint (signals.last_added, ==, 1000);
  g_assert_cmpuint (hu_estimate_get_count () - before, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comparison)), ==, 1001);

  /* Every run kept its place and got its own id: the first keeps the
   * shared one, the n-th gets "-n" (suffixes count from 2). */
  g_assert_cmpstr (hu_comparison_row_get_id (hu_comparison_get_row (comparison, 1)), ==,
                   "codecarbon");
  g_assert_cmpstr (hu_comparison_row_get_id (hu_comparison_get_row (comparison, 2)), ==,
                   "codecarbon-2");
  g_assert_cmpstr (hu_comparison_row_get_id (hu_comparison_get_row (comparison, 1000)), ==,
                   "codecarbon-1000");
  {
    g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 1; i <= 1000; i++)
      {
        HuComparisonRow *row = hu_comparison_get_row (comparison, i);

        g_hash_table_add (ids, (gpointer) hu_comparison_row_get_id (row));
      }
    g_assert_cmpuint (g_hash_table_size (ids), ==, 1000);
  }
  /* The 1000th run lasted 60,000 s = 16.67 h. */
  assert_rel (hu_comparison_row_get_metric (hu_comparison_get_row (comparison, 1000),
                                            HU_METRIC_WALL_HOURS), 60000.0 / 3600, 1e-12);
}

static void
test_unknown_fields (void)
{
  g_autoptr(HuProject) project = hu_project_new ();
  g_autoptr(HuMeasuredRun) run = make_run ("no-count", 5400, NAN, 2.5, NAN);
  g_autoptr(HuComparison) comparison = NULL;
  HuComparisonRow *row;

  g_list_store_append (hu_project_get_runs (project), run);
  comparison = hu_comparison_new (project);
  row = hu_comparison_get_row (comparison, 0);

  /* The rule: unknown stays unknown. 5400 s = 1.5 h is known; GPU-hours
   * need the count, CO₂ was not logged. Never 1.5 GPU-h from a guessed
   * single GPU. */
  assert_rel (hu_comparison_row_get_metric (row, HU_METRIC_WALL_HOURS), 1.5, 1e-12);
  assert_rel (hu_comparison_row_get_metric (row, HU_METRIC_ENERGY_KWH), 2.5, 1e-12);
  g_assert_true (isnan (hu_comparison_row_get_metric (row, HU_METRIC_GPU_HOURS)));
  g_assert_true (isnan (hu_comparison_row_get_metric (row, HU_METRIC_TOTAL_KG)));
  /* No scenario: no baseline, no change. */
  g_assert_null (hu_comparison_get_baseline (comparison));
  g_assert_true (isnan (hu_comparison_row_get_change (row, hu_comparison_get_baseline (comparison),
                                                      HU_METRIC_ENERGY_KWH)));
  g_assert_nonnull (strstr (hu_run_data_get_metric_rule (), "unknown"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  hu_core_init ();

  g_test_add_func ("/huella/comparison/rows", test_rows);
  g_test_add_func ("/huella/comparison/one-edit-one-estimate", test_one_edit_one_estimate);
  g_test_add_func ("/huella/comparison/baseline-one-signal", test_baseline_one_signal);
  g_test_add_func ("/huella/comparison/add-runs-one-splice", test_add_runs_one_splice);
  g_test_add_func ("/huella/comparison/unknown-fields", test_unknown_fields);

  return g_test_run ();
}
