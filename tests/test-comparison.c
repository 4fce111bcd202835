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

/* The cost step is written in the project's currency (issue 10 item
 * 13): the rows' derivation reads it, and a new currency estimates each
 * scenario again, in one items-changed over the scenarios. */
static const HuStep *
cost_step (HuComparison *comparison,
           guint         position)
{
  const HuEstimate *e = hu_comparison_row_get_estimate (hu_comparison_get_row (comparison,
                                                                               position));

  return g_ptr_array_index (e->steps, e->steps->len - 1);
}

static void
test_currency (void)
{
  g_autoptr(HuProject) project = hu_project_new ();
  g_autoptr(HuComparison) comparison = NULL;
  g_autoptr(HuMeasuredRun) run = make_run ("r", 3600, 1, 1, 1);
  Signals signals;
  HuInputs inputs;
  guint before;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autoptr(HuScenario) scenario = hours_scenario (id, 2000 * (i + 1), 300, 1.2, 500);

      hu_inputs_init (&inputs);
      hu_inputs_copy (hu_scenario_get_inputs (scenario), &inputs);
      inputs.price = 1.25;
      hu_scenario_set_inputs (scenario, &inputs);
      hu_inputs_clear (&inputs);
      g_list_store_append (hu_project_get_scenarios (project), scenario);
    }
  g_list_store_append (hu_project_get_runs (project), run);
  hu_project_set_currency (project, "EUR");
  comparison = hu_comparison_new (project);
  watch (comparison, &signals);

  /* 4,000 GPU-h × 1.25 = 5,000 EUR. */
  g_assert_cmpstr (cost_step (comparison, 1)->calculation, ==, "4,000 GPU-h × 1.25 EUR/GPU-h");
  g_assert_cmpstr (cost_step (comparison, 1)->result, ==, "5,000 EUR");

  before = hu_estimate_get_count ();
  hu_project_set_currency (project, "USD");
  g_assert_cmpuint (hu_estimate_get_count () - before, ==, 2);
  g_assert_cmpuint (signals.items_changed, ==, 1);
  g_assert_cmpuint (signals.last_position, ==, 0);
  g_assert_cmpuint (signals.last_removed, ==, 2);
  g_assert_cmpuint (signals.last_added, ==, 2);
  /* 2,000 GPU-h × 1.25 = 2,500 USD. */
  g_assert_cmpstr (cost_step (comparison, 0)->calculation, ==, "2,000 GPU-h × 1.25 USD/GPU-h");
  g_assert_cmpstr (cost_step (comparison, 0)->result, ==, "2,500 USD");

  /* The same currency again costs nothing. */
  before = hu_estimate_get_count ();
  hu_project_set_currency (project, "USD");
  g_assert_cmpuint (hu_estimate_get_count () - before, ==, 0);
  g_assert_cmpuint (signals.items_changed, ==, 1);

  /* The likely ranges hold no currency: drawn once, they are not drawn
   * again for a new one (a full update drew every scenario's again). */
  hu_comparison_set_default_ranges (comparison, TRUE);
  for (guint i = 0; i < 2; i++)
    {
      HuComparisonRow *row = hu_comparison_get_row (comparison, i);

      g_assert_nonnull (hu_comparison_get_uncertainty (comparison, row));
      g_assert_cmpuint (hu_comparison_row_get_n_uncertainty_computes (row), ==, 1);
    }
  hu_project_set_currency (project, "GBP");
  for (guint i = 0; i < 2; i++)
    {
      HuComparisonRow *row = hu_comparison_get_row (comparison, i);

      g_assert_nonnull (hu_comparison_get_uncertainty (comparison, row));
      g_assert_cmpuint (hu_comparison_row_get_n_uncertainty_computes (row), ==, 1);
    }
  g_assert_cmpstr (cost_step (comparison, 0)->result, ==, "2,500 GBP");
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


/* A scenario whose PUE is uniform on [1.0, 1.2]: 1000 GPU-h × 400 W =
 * 400 kWh IT, so its energy is uniform on [400, 480] kWh, whose 5th and
 * 95th percentiles are 404 and 476 kWh (Monte Carlo error of 10,000
 * samples: √(0.05 × 0.95 ÷ 10⁴) × 80 kWh = 0.17 kWh; 1 kWh allowed). */
static HuScenario *
ranged_scenario (const char *id,
                 double      gpu_hours)
{
  HuScenario *scenario = hours_scenario (id, gpu_hours, 400, 1.1, 400);
  HuRange pue = { 1.0, NAN, 1.2 };
  HuInputs inputs;

  hu_inputs_init (&inputs);
  hu_inputs_copy (hu_scenario_get_inputs (scenario), &inputs);
  g_assert_true (hu_inputs_set_range (&inputs, HU_INPUT_PUE, &pue, NULL));
  hu_scenario_set_inputs (scenario, &inputs);
  hu_inputs_clear (&inputs);
  return scenario;
}

static guint
total_uncertainty_computes (HuComparison *comparison)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (comparison)); i++)
    n += hu_comparison_row_get_n_uncertainty_computes (hu_comparison_get_row (comparison, i));
  return n;
}

static void
assert_same_interval (const HuInterval *a,
                      const HuInterval *b)
{
  g_assert_cmpfloat (a->p05, ==, b->p05);
  g_assert_cmpfloat (a->p50, ==, b->p50);
  g_assert_cmpfloat (a->p95, ==, b->p95);
}

static void
test_row_uncertainty (void)
{
  g_autoptr(HuProject) project = hu_project_new ();
  g_autoptr(HuScenario) a = ranged_scenario ("a", 1000);
  g_autoptr(HuScenario) b = ranged_scenario ("b", 2000);
  g_autoptr(HuScenario) c = ranged_scenario ("c", 3000);
  g_autoptr(HuScenario) plain = hours_scenario ("plain", 500, 400, 1.1, 400);
  g_autoptr(HuMeasuredRun) run = make_run ("r", 7200, 4, 3.0, 1.2);
  g_autoptr(HuComparison) comparison = NULL;
  g_autoptr(HuUncertainty) direct = NULL;
  g_autoptr(HuUncertainty) direct_defaults = NULL;
  HuUncertaintyOptions options;
  HuComparisonRow *row_a, *row_b, *row_c, *row_plain, *row_run;
  const HuUncertainty *u;
  HuInputs inputs;
  guint before;

  g_list_store_append (hu_project_get_scenarios (project), a);
  g_list_store_append (hu_project_get_scenarios (project), b);
  g_list_store_append (hu_project_get_scenarios (project), c);
  g_list_store_append (hu_project_get_scenarios (project), plain);
  g_list_store_append (hu_project_get_runs (project), run);
  comparison = hu_comparison_new (project);
  row_a = hu_comparison_get_row (comparison, 0);
  row_b = hu_comparison_get_row (comparison, 1);
  row_c = hu_comparison_get_row (comparison, 2);
  row_plain = hu_comparison_get_row (comparison, 3);
  row_run = hu_comparison_get_row (comparison, 4);

  /* Nothing is drawn until someone asks. */
  g_assert_cmpuint (total_uncertainty_computes (comparison), ==, 0);

  /* b against the baseline a: the same numbers as asking the sampler
   * directly with the same inputs, baseline and seed. */
  hu_uncertainty_options_init (&options);
  direct = hu_uncertainty_compute (hu_scenario_get_inputs (b), hu_scenario_get_inputs (a),
                                   hu_project_get_catalog (project), &options, NULL);
  g_assert_nonnull (direct);
  u = hu_comparison_get_uncertainty (comparison, row_b);
  g_assert_nonnull (u);
  g_assert_cmpuint (u->samples, ==, HU_UNCERTAINTY_DEFAULT_SAMPLES);
  g_assert_cmpuint (u->seed, ==, HU_UNCERTAINTY_DEFAULT_SEED);
  for (guint i = 0; i < hu_uncertainty_get_n_outputs (); i++)
    {
      const char *name = hu_uncertainty_output_name (i);
      const HuInterval *mine = hu_uncertainty_get_interval (u, name);
      const HuInterval *theirs = hu_uncertainty_get_interval (direct, name);

      if (mine != NULL && theirs != NULL && !isnan (theirs->p50))
        assert_same_interval (mine, theirs);
    }
  g_assert_cmpfloat (hu_comparison_get_p_lower (comparison, row_b), ==,
                     direct->p_lower_than_baseline);
  /* b is twice a with the same PUE draws (common random numbers): it
   * never emits less. */
  g_assert_cmpfloat (hu_comparison_get_p_lower (comparison, row_b), ==, 0);
  /* And by hand: b's energy is 800 kWh IT × U[1.0, 1.2]: 808..952 kWh. */
  g_assert_cmpfloat_with_epsilon (hu_uncertainty_get_interval (u, "energy_kwh")->p05, 808, 2);
  g_assert_cmpfloat_with_epsilon (hu_uncertainty_get_interval (u, "energy_kwh")->p95, 952, 2);
  g_assert_cmpuint (hu_comparison_row_get_n_uncertainty_computes (row_b), ==, 1);

  /* Asked again: cached. The baseline has no probability against
   * itself, a run has no ranges; a scenario without ranges of its own
   * still has a probability against a ranged baseline. */
  g_assert_true (hu_comparison_get_uncertainty (comparison, row_b) == u);
  g_assert_cmpuint (hu_comparison_row_get_n_uncertainty_computes (row_b), ==, 1);
  g_assert_true (isnan (hu_comparison_get_p_lower (comparison, row_a)));
  g_assert_null (hu_comparison_get_uncertainty (comparison, row_run));
  u = hu_comparison_get_uncertainty (comparison, hu_comparison_get_row (comparison, 0));
  assert_rel (hu_uncertainty_get_interval (u, "energy_kwh")->p05, 404, 1.0 / 404);
  assert_rel (hu_uncertainty_get_interval (u, "energy_kwh")->p95, 476, 1.0 / 476);
  /* plain (500 GPU-h × 0.4 kW × 1.1 = 220 kWh) against a's 404..476: always less. */
  g_assert_cmpfloat (hu_comparison_get_p_lower (comparison, row_plain), ==, 1);
  hu_comparison_get_uncertainty (comparison, row_c);

  /* An edit of b draws b again when asked, and nothing for c: an
   * unrelated edit leaves other rows' intervals alone. */
  before = total_uncertainty_computes (comparison);
  hu_inputs_init (&inputs);
  hu_inputs_copy (hu_scenario_get_inputs (b), &inputs);
  inputs.gpu_hours = 1500;
  hu_scenario_set_inputs (b, &inputs);
  hu_inputs_clear (&inputs);
  hu_comparison_get_uncertainty (comparison, row_c);
  hu_comparison_get_uncertainty (comparison, row_a);
  g_assert_cmpuint (total_uncertainty_computes (comparison), ==, before);
  u = hu_comparison_get_uncertainty (comparison, row_b);
  g_assert_cmpuint (total_uncertainty_computes (comparison), ==, before + 1);
  /* 1500 GPU-h × 0.4 kW = 600 kWh IT × U[1.0, 1.2]: 606..714 kWh. */
  assert_rel (hu_uncertainty_get_interval (u, "energy_kwh")->p05, 606, 1.0 / 606);

  /* An edit of the baseline changes every probability against it: c is
   * drawn again, once. */
  before = hu_comparison_row_get_n_uncertainty_computes (row_c);
  hu_inputs_init (&inputs);
  hu_inputs_copy (hu_scenario_get_inputs (a), &inputs);
  inputs.gpu_hours = 5000;
  hu_scenario_set_inputs (a, &inputs);
  hu_inputs_clear (&inputs);
  /* c (3000 GPU-h) against a (5000 GPU-h), same draws: always less. */
  g_assert_cmpfloat (hu_comparison_get_p_lower (comparison, row_c), ==, 1);
  hu_comparison_get_uncertainty (comparison, row_c);
  g_assert_cmpuint (hu_comparison_row_get_n_uncertainty_computes (row_c), ==, before + 1);

  /* A new baseline: c is drawn again against it. */
  hu_comparison_set_baseline (comparison, row_b);
  g_assert_cmpfloat (hu_comparison_get_p_lower (comparison, row_c), ==, 0);
  g_assert_cmpuint (hu_comparison_row_get_n_uncertainty_computes (row_c), ==, before + 2);

  /* The typical ranges of defaults: c is drawn again with them, the
   * same as the sampler with that option. */
  hu_comparison_set_default_ranges (comparison, TRUE);
  options.default_ranges = TRUE;
  direct_defaults = hu_uncertainty_compute (hu_scenario_get_inputs (c),
                                            hu_scenario_get_inputs (b),
                                            hu_project_get_catalog (project), &options, NULL);
  u = hu_comparison_get_uncertainty (comparison, row_c);
  g_assert_cmpuint (hu_comparison_row_get_n_uncertainty_computes (row_c), ==, before + 3);
  assert_same_interval (hu_uncertainty_get_interval (u, "total_kg"),
                        hu_uncertainty_get_interval (direct_defaults, "total_kg"));
}

static void
test_position_constant (void)
{
  g_autoptr(HuProject) project = hu_project_new ();
  g_autoptr(HuProject) other_project = hu_project_new ();
  g_autoptr(HuComparison) comparison = NULL;
  g_autoptr(HuComparison) other = NULL;
  g_autoptr(HuMeasuredRun) run = make_run ("r", 3600, 1, 1, 1);
  GListStore *scenarios = hu_project_get_scenarios (project);
  HuComparisonRow *row;
  guint position;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autoptr(HuScenario) scenario = hours_scenario (id, 100, 300, 1.2, 500);

      g_list_store_append (scenarios, scenario);
    }
  g_list_store_append (hu_project_get_runs (project), run);
  comparison = hu_comparison_new (project);

  /* Every row is where the list says, after removals and insertions in
   * the middle, and the run row after the scenarios. */
  g_list_store_remove (scenarios, 1);
  {
    g_autoptr(HuScenario) extra = hours_scenario ("extra", 1, 300, 1.2, 500);

    g_list_store_insert (scenarios, 2, extra);
  }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (comparison)); i++)
    {
      g_assert_true (hu_comparison_get_position (comparison,
                                                 hu_comparison_get_row (comparison, i),
                                                 &position));
      g_assert_cmpuint (position, ==, i);
    }
  g_assert_cmpstr (hu_comparison_row_get_id (hu_comparison_get_row (comparison, 2)), ==, "extra");
  g_assert_true (hu_comparison_get_position (comparison,
                                             hu_comparison_find_run (comparison, run),
                                             &position));
  g_assert_cmpuint (position, ==, 6);

  /* A row of another comparison at a valid index is not ours. */
  {
    g_autoptr(HuScenario) stranger = hours_scenario ("stranger", 1, 300, 1.2, 500);

    g_list_store_append (hu_project_get_scenarios (other_project), stranger);
    other = hu_comparison_new (other_project);
    row = hu_comparison_get_row (other, 0);
    g_assert_false (hu_comparison_get_position (comparison, row, NULL));
  }
}

/* hu_comparison_find() looks ids up in a table kept in step with the
 * rows: after a rename, a run's new id, a removal and an insertion it
 * finds each row by its id of the moment and nothing by an old one. */
static void
test_find_by_id (void)
{
  g_autoptr(HuProject) project = hu_project_new ();
  g_autoptr(HuComparison) comparison = NULL;
  g_autoptr(HuMeasuredRun) r0 = make_run ("r0", 3600, 1, 1, 1);
  g_autoptr(HuMeasuredRun) r1 = make_run ("r1", 3600, 1, 2, 1);
  GListStore *scenarios = hu_project_get_scenarios (project);
  HuScenario *s2, *s3;
  HuComparisonRow *row;
  guint position;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autoptr(HuScenario) scenario = hours_scenario (id, 100, 300, 1.2, 500);

      g_list_store_append (scenarios, scenario);
    }
  g_list_store_append (hu_project_get_runs (project), r0);
  g_list_store_append (hu_project_get_runs (project), r1);
  comparison = hu_comparison_new (project);
  s2 = g_list_model_get_item (G_LIST_MODEL (scenarios), 2);
  s3 = g_list_model_get_item (G_LIST_MODEL (scenarios), 3);
  g_object_unref (s2);   /* the store keeps them */
  g_object_unref (s3);

  /* Five scenarios, then the runs: r1 is row 6. */
  g_assert_true (hu_comparison_find (comparison, "s3") == hu_comparison_get_row (comparison, 3));
  g_assert_true (hu_comparison_find (comparison, "r1") == hu_comparison_get_row (comparison, 6));
  g_assert_null (hu_comparison_find (comparison, "nothing"));

  /* A scenario renamed in the editor. */
  hu_scenario_set_id (s3, "renamed");
  g_assert_null (hu_comparison_find (comparison, "s3"));
  g_assert_true (hu_comparison_find (comparison, "renamed") ==
                 hu_comparison_find_scenario (comparison, s3));
  g_assert_cmpstr (hu_comparison_row_get_id (hu_comparison_find (comparison, "renamed")), ==,
                   "renamed");

  /* A run given another id (as a file's duplicate is made unique). */
  g_free (hu_measured_run_get_data (r1)->id);
  hu_measured_run_get_data (r1)->id = g_strdup ("r9");
  hu_measured_run_changed (r1);
  g_assert_null (hu_comparison_find (comparison, "r1"));
  g_assert_true (hu_comparison_find (comparison, "r9") == hu_comparison_find_run (comparison, r1));

  /* Removed: s1 is gone, s2 is now row 1 and still found. */
  g_list_store_remove (scenarios, 1);
  g_assert_null (hu_comparison_find (comparison, "s1"));
  row = hu_comparison_find (comparison, "s2");
  g_assert_true (row == hu_comparison_find_scenario (comparison, s2));
  g_assert_true (hu_comparison_get_position (comparison, row, &position));
  g_assert_cmpuint (position, ==, 1);

  /* Its id free again, a new scenario takes it. */
  {
    g_autoptr(HuScenario) again = hours_scenario ("s1", 1, 300, 1.2, 500);

    g_list_store_insert (scenarios, 0, again);
    g_assert_true (hu_comparison_find (comparison, "s1") ==
                   hu_comparison_find_scenario (comparison, again));
    g_assert_true (hu_comparison_find (comparison, "s1") == hu_comparison_get_row (comparison, 0));
  }

  /* Whatever id the project gives a second "s0", that id finds it, and
   * "s0" still finds the first. */
  {
    g_autoptr(HuScenario) twin = hours_scenario ("s0", 1, 300, 1.2, 500);
    HuComparisonRow *first = hu_comparison_find (comparison, "s0");

    g_list_store_append (scenarios, twin);
    g_assert_true (hu_comparison_find (comparison, "s0") == first);
    g_assert_true (hu_comparison_find (comparison, hu_scenario_get_id (twin)) ==
                   hu_comparison_find_scenario (comparison, twin));
  }

  /* Every row, after all that, is found by its own id. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (comparison)); i++)
    {
      HuComparisonRow *each = hu_comparison_get_row (comparison, i);

      g_assert_true (hu_comparison_find (comparison, hu_comparison_row_get_id (each)) == each);
    }
}

int
main (int    argc,
      char **argv)
{
  core_test_init (&argc, &argv);

  g_test_add_func ("/huella/comparison/rows", test_rows);
  g_test_add_func ("/huella/comparison/one-edit-one-estimate", test_one_edit_one_estimate);
  g_test_add_func ("/huella/comparison/currency", test_currency);
  g_test_add_func ("/huella/comparison/baseline-one-signal", test_baseline_one_signal);
  g_test_add_func ("/huella/comparison/add-runs-one-splice", test_add_runs_one_splice);
  g_test_add_func ("/huella/comparison/unknown-fields", test_unknown_fields);
  g_test_add_func ("/huella/comparison/row-uncertainty", test_row_uncertainty);
  g_test_add_func ("/huella/comparison/position-constant", test_position_constant);
  g_test_add_func ("/huella/comparison/find-by-id", test_find_by_id);

  return g_test_run ();
}
