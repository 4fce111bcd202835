/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>

#include "hu-application.h"
#include "hu-chart-view.h"
#include "hu-export-dialog.h"
#include "hu-run-plan.h"
#include "hu-window.h"
#include "test-helpers.h"
#include "ui-test-helpers.h"

/* The Idrissben CodeCarbon file (see tests/import/test-import-formats.c):
 * run 5d6c08a2 lasted 44.09016823768616 s and consumed
 * 0.0005939216277665562 kWh (its longest cumulative row), with no GPU
 * energy, no GPU count, PUE 1, in FRA. A plan from it has, rounded to
 * three significant digits for the form:
 *   wall_hours = 44.09016823768616 / 3600 = 0.012247… → 0.0122 h
 *   count      = 1 (none logged)
 *   power_w    = 0.5939216277665562 Wh / 0.0122 h / 1 = 48.682… → 48.7 W
 *   pue        = 1
 *   intensity  = 4.002437849518822e-05 kg / 0.0005939216277665562 kWh
 *              = 67.39 g/kWh, the log's own
 *   region     = grid/FR (FRA → FR)
 * so its estimate is 0.0122 h × 48.7 W / 1000 = 0.00059414 kWh, the
 * measured energy within 0.04 %. The run's own implied power is
 * 0.5939216277665562 Wh / 0.012247268954912822 h = 48.494209603220376 W. */
#define IDRISSBEN "cc2.3.1_macos-m2_repeated-run_id-cumulative_Idrissben.csv"
/* A Windows laptop's CodeCarbon run with gpu_count 0 and no GPU model. */
#define CPU_ONLY "cc3.2.8_windows_gpu_count-0_util-int-zero_AyushiGupta.csv"
/* carbontracker's logs of a two-epoch run (tests/import/test-import-
 * formats.c reads them too): the file names less ".log". */
#define CT_PREFIX "ct1.2.5_SYNTHETIC_two-a100-epochs-predicted"
#define CT_EPOCHS CT_PREFIX "_1.2_2024-01-01T100000Z_carbontracker"
#define RUN_SECONDS 44.09016823768616
#define RUN_KWH 0.0005939216277665562
#define RUN_KG 4.002437849518822e-05
#define RUN_POWER_W 48.494209603220376

/* The position in the comparison of the run whose id starts with @prefix. */
static guint
find_run (HuWindow   *window,
          const char *prefix)
{
  GListModel *model = G_LIST_MODEL (hu_window_get_comparison_model (window));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HuResult) result = g_list_model_get_item (model, i);
      HuMeasuredRun *run = hu_result_get_run (result);

      if (run != NULL && hu_measured_run_get_data (run)->run_id != NULL &&
          g_str_has_prefix (hu_measured_run_get_data (run)->run_id, prefix))
        return i;
    }
  g_assert_not_reached ();
}

static void
test_import_codecarbon (void)
{
  HuWindow *window = new_window (FALSE);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", IDRISSBEN, NULL);
  HuResult *run;
  HuRunView *view = hu_window_get_run_view (window);

  import_and_wait (window, path);

  /* Five runs, none skipped (so a toast, not a dialog); the last one's
   * totals are its longest cumulative row. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hu_project_get_runs (hu_window_get_project (window)))),
                    ==, 5);
  run = result_at (window, find_run (window, "5d6c08a2"));
  assert_rel (hu_result_get_metric (run, HU_METRIC_ENERGY_KWH), RUN_KWH, 1e-12);
  assert_rel (hu_result_get_metric (run, HU_METRIC_TOTAL_KG), RUN_KG, 1e-12);
  assert_rel (hu_result_get_metric (run, HU_METRIC_WALL_HOURS), RUN_SECONDS / 3600, 1e-12);

  /* Selecting it shows the run view, not the editor. */
  hu_window_select_result (window, find_run (window, "5d6c08a2"));
  iterate (50);
  g_assert_true (hu_window_get_selected_result (window) == run);
  /* Explain has no steps for it, and no empty list frame either. */
  g_assert_false (gtk_widget_get_visible (find_widget (GTK_WIDGET (hu_window_get_derivation_view (window)),
                                                       is_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX))));
  g_assert_true (hu_run_view_get_result (view) == run);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  /* CodeCarbon logs no power series: no chart. */
  g_assert_null (hu_chart_view_get_chart (hu_run_view_get_chart_view (view)));

  destroy_window (window);
}

static void
test_plan_from_run (void)
{
  HuWindow *window = new_window (FALSE);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", IDRISSBEN, NULL);
  HuProject *project = hu_window_get_project (window);
  HuResult *run_result, *plan_result;
  HuMeasuredRun *run;
  HuScenario *scenario;
  const HuInputs *inputs;
  const HuEstimate *estimate;
  HuRunComparison c;

  import_and_wait (window, path);
  run_result = result_at (window, find_run (window, "5d6c08a2"));
  run = hu_result_get_run (run_result);
  hu_window_select_result (window, find_run (window, "5d6c08a2"));
  iterate (50);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.plan-from-run", NULL));
  iterate (50);

  /* The new scenario is selected and linked both ways. */
  plan_result = hu_window_get_selected_result (window);
  /* Its derivation's steps are listed (the run had none). */
  g_assert_true (gtk_widget_get_visible (find_widget (GTK_WIDGET (hu_window_get_derivation_view (window)),
                                                      is_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX))));
  scenario = hu_result_get_scenario (plan_result);
  g_assert_nonnull (scenario);
  g_assert_cmpstr (hu_scenario_get_run_id (scenario), ==, hu_measured_run_get_id (run));
  g_assert_cmpstr (hu_measured_run_get_data (run)->scenario_id, ==, hu_scenario_get_id (scenario));
  g_assert_true (hu_run_plan_linked_scenario (project, run) == scenario);

  inputs = hu_scenario_get_inputs (scenario);
  assert_rel (inputs->wall_hours, 0.0122, 1e-12);
  assert_rel (inputs->count, 1, 1e-12);
  assert_rel (inputs->power_w, 48.7, 1e-12);
  assert_rel (inputs->pue, 1, 1e-12);
  assert_rel (inputs->intensity, 67.39, 1e-12);
  g_assert_cmpstr (inputs->region, ==, "grid/FR");
  g_assert_null (inputs->gpu);

  /* The plan gives back the measured energy (within 0.1 %: its power
   * makes up for the rounded time) and the time to three significant
   * digits (0.0122 h against 0.012247 h, 0.39 %). */
  estimate = hu_result_get_estimate (plan_result);
  g_assert_nonnull (estimate);
  assert_rel (estimate->energy_kwh, RUN_KWH, 0.001);
  assert_rel (estimate->wall_hours, RUN_SECONDS / 3600, 0.005);

  /* The editor shows measured vs estimated, with the implied power. */
  hu_measured_estimated_group_get_comparison (hu_scenario_editor_get_comparison_group (hu_window_get_editor (window)),
                                              &c);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hu_scenario_editor_get_comparison_group (hu_window_get_editor (window)))));
  assert_rel (c.measured_kwh, RUN_KWH, 1e-12);
  assert_rel (c.estimated_kwh, RUN_KWH, 0.001);
  assert_rel (c.measured_hours, RUN_SECONDS / 3600, 1e-12);
  assert_rel (c.implied_power_w, RUN_POWER_W, 1e-9);
  /* Emissions agree: the plan uses the log's 67.39 g/kWh, not the
   * catalog's French grid. */
  assert_rel (c.measured_kg, RUN_KG, 1e-12);
  assert_rel (c.estimated_kg, RUN_KG, 0.001);
  /* An hour-based plan has no FLOPs: no implied utilisation. */
  g_assert_true (isnan (c.implied_utilization));

  /* And so does the run view once the run is selected again. */
  hu_window_select_result (window, find_run (window, "5d6c08a2"));
  iterate (50);
  hu_measured_estimated_group_get_comparison (hu_run_view_get_comparison_group (hu_window_get_run_view (window)),
                                              &c);
  assert_rel (c.estimated_kwh, RUN_KWH, 0.001);

  destroy_window (window);
}

/* Implied utilisation of a FLOP plan: the example's first scenario (GPT-3,
 * 3.14e23 FLOP on V100S at 130 TFLOP/s) linked to a 1-hour run on 8 GPUs:
 * 3.14e23 / (130e12 × 8 × 3600) = 83,867.5 — far above 1, as it should be
 * for a run that could not have done that much work. */
/* Issue 10's run (cc2.2.2 haopeng, run 3a722172), made in "washington",
 * USA: 192.0194411277771 s, 0.0215757018673091 kWh in all of which the GPU
 * drew 0.0073845313100123 kWh (the rest CPU and memory), and
 * 0.0018285625846998 kg. A plan from it:
 *   region     = grid/US-WA, the state's grid, not the whole US
 *   intensity  = 0.0018285625846998 / 0.0215757018673091 × 1000
 *              = 84.751… → 84.75 g/kWh, the log's own
 *   wall_hours = 192.019… / 3600 = 0.053338… → 0.0533 h ("3.2 min")
 *   power_w    = 21.5757018673091 Wh / 0.0533 h / 1 GPU = 404.797… → 405 W,
 *                GPU, CPU and memory together
 * so it estimates 0.0533 × 405 / 1000 = 0.0215865 kWh, within 0.1 % of the
 * measured total, not the GPU's 7.4 Wh (−65.8 %) the issue saw. */
static const char *row_subtitle     (HuRunView     *view,
                                    const char    *title);
static gboolean    is_label_holding (GtkWidget     *widget,
                                    gconstpointer  part);

static void
test_plan_like_with_like (void)
{
  HuWindow *window = new_window (FALSE);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data",
                                                 "cc2.2.2_linux_epyc128_a6000_haopeng.csv", NULL);
  const HuInputs *inputs;
  HuScenario *scenario;
  HuRunComparison c;
  const char *notes;

  import_and_wait (window, path);
  hu_window_select_result (window, find_run (window, "3a722172"));
  iterate (50);
  /* The run page writes its figures by one rule (issue 10 item 13:
   * never "15.50 Wh" beside "3.1 g"), the kind's significant digits
   * with their zeros: 192.019 s = 3.2003 min at three, "3.20 min";
   * the four energies in Wh, four digits of 21.5757 are two decimals,
   * "21.58 Wh", which the smallest keeps, "4.80 Wh" (4.7967); 1.82856 g
   * at four, "1.829 g CO₂eq". */
  {
    HuRunView *view = hu_window_get_run_view (window);

    g_assert_cmpstr (row_subtitle (view, "Duration"), ==, "3.20 min");
    g_assert_cmpstr (row_subtitle (view, "Energy"), ==, "21.58 Wh");
    g_assert_cmpstr (row_subtitle (view, "CPU energy"), ==, "4.80 Wh");
    g_assert_cmpstr (row_subtitle (view, "Emissions"), ==, "1.829 g CO₂eq");
    g_assert_nonnull (find_widget (GTK_WIDGET (view), is_label_holding, "3.20 min"));
    g_assert_nonnull (find_widget (GTK_WIDGET (view), is_label_holding, "1.829 g CO₂eq"));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.plan-from-run", NULL));
  iterate (50);

  scenario = hu_result_get_scenario (hu_window_get_selected_result (window));
  inputs = hu_scenario_get_inputs (scenario);
  g_assert_cmpstr (inputs->region, ==, "grid/US-WA");
  assert_rel (inputs->intensity, 84.75, 1e-12);
  assert_rel (inputs->wall_hours, 0.0533, 1e-12);
  assert_rel (inputs->power_w, 405, 1e-12);
  g_assert_cmpstr (inputs->gpu, ==, "nvidia-rtx-a6000");

  hu_measured_estimated_group_get_comparison (hu_scenario_editor_get_comparison_group (hu_window_get_editor (window)),
                                              &c);
  assert_rel (c.measured_kwh, 0.0215757018673091, 1e-12);
  assert_rel (c.estimated_kwh, 0.0215757018673091, 0.001);
  assert_rel (c.estimated_kg, 0.0018285625846998, 0.001);

  /* The plan says what it used. */
  notes = hu_scenario_get_notes (scenario);
  g_assert_nonnull (notes);
  g_assert_nonnull (strstr (notes, "CPU and memory"));
  g_assert_nonnull (strstr (notes, "84.75 g CO₂eq/kWh, implied by the log"));
  g_assert_nonnull (strstr (notes, "Washington, United States"));

  /* The form shows the rounded figures, not the log's 15 digits. */
  {
    GtkWidget *power = find_widget (GTK_WIDGET (hu_window_get_editor (window)),
                                    is_entry_row_titled, "Mean power per accelerator");
    g_assert_nonnull (power);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (power)), ==, "405");
  }

  destroy_window (window);
}

static void
test_link_row (void)
{
  HuWindow *window = new_window (TRUE);
  HuProject *project = hu_window_get_project (window);
  HuScenarioEditor *editor = hu_window_get_editor (window);
  g_autoptr(HuMeasuredRun) run = ui_test_measured_run ("run-1", "codecarbon", 3600, 2.0, 0.8);
  HuRunData *data = hu_measured_run_get_data (run);
  HuScenario *scenario;
  AdwComboRow *link_row = hu_scenario_editor_get_link_row (editor);
  HuRunComparison c;

  data->name = g_strdup ("One hour");
  data->gpu_count = 8;
  ui_test_add_run (project, run);
  hu_window_select_result (window, 0);
  iterate (50);

  scenario = hu_result_get_scenario (hu_window_get_selected_result (window));
  g_assert_nonnull (scenario);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (link_row)));
  g_assert_cmpuint (adw_combo_row_get_selected (link_row), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hu_scenario_editor_get_comparison_group (editor))));

  /* Choosing the run links both ways. */
  adw_combo_row_set_selected (link_row, 1);
  iterate (50);
  g_assert_cmpstr (hu_scenario_get_run_id (scenario), ==, "run-1");
  g_assert_cmpstr (data->scenario_id, ==, hu_scenario_get_id (scenario));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hu_scenario_editor_get_comparison_group (editor))));
  hu_measured_estimated_group_get_comparison (hu_scenario_editor_get_comparison_group (editor), &c);
  assert_rel (c.measured_kwh, 2.0, 1e-12);
  assert_rel (c.estimated_kwh, 167735.04, 1e-6);
  /* 2 kWh over 1 h on 8 accelerators, PUE 1: 250 W each. */
  assert_rel (c.implied_power_w, 250, 1e-12);
  assert_rel (c.implied_utilization, 3.14e23 / (130e12 * 8 * 3600), 1e-9);

  /* "None" unlinks both ways. */
  adw_combo_row_set_selected (link_row, 0);
  iterate (50);
  g_assert_null (hu_scenario_get_run_id (scenario));
  g_assert_null (data->scenario_id);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hu_scenario_editor_get_comparison_group (editor))));

  destroy_window (window);
}

static void
test_gpu_and_region_matching (void)
{
  HuCatalog *catalog = hu_catalog_get_default ();
  HuRunData data = { 0 };
  g_autofree char *a100 = hu_run_plan_match_gpu (catalog, "NVIDIA A100-SXM4-80GB");
  g_autofree char *a100_pcie = hu_run_plan_match_gpu (catalog, "NVIDIA A100 80GB PCIe");
  g_autofree char *ti = hu_run_plan_match_gpu (catalog, "NVIDIA GeForce RTX 3090 Ti");
  g_autofree char *v100 = hu_run_plan_match_gpu (catalog, "Tesla V100-SXM2-16GB");
  g_autofree char *rtx3060 = hu_run_plan_match_gpu (catalog, "NVIDIA GeForce RTX 3060");
  g_autofree char *bare = hu_run_plan_match_gpu (catalog, "A100");
  g_autofree char *fr = NULL;
  g_autofree char *aws = NULL;

  g_assert_cmpstr (a100, ==, "nvidia-a100-sxm4-80gb");
  g_assert_cmpstr (a100_pcie, ==, "nvidia-a100-pcie-80gb");
  g_assert_cmpstr (ti, ==, "nvidia-rtx-3090-ti");
  g_assert_cmpstr (v100, ==, "nvidia-v100-sxm2-16gb");
  /* Not in the catalog, or ambiguous: leave it to the user. */
  g_assert_null (rtx3060);
  g_assert_null (bare);

  g_assert_cmpstr (hu_run_plan_country_alpha2 ("FRA"), ==, "FR");
  g_assert_cmpstr (hu_run_plan_country_alpha2 ("bgd"), ==, "BD");
  g_assert_cmpstr (hu_run_plan_country_alpha2 ("se"), ==, "SE");
  g_assert_null (hu_run_plan_country_alpha2 ("XXX"));

  data.country = (char *) "FRA";
  fr = hu_run_plan_match_region (catalog, &data);
  g_assert_cmpstr (fr, ==, "grid/FR");
  data.region = (char *) "aws/us-east-1";
  aws = hu_run_plan_match_region (catalog, &data);
  g_assert_cmpstr (aws, ==, "aws/us-east-1");
}

/* Two GPUs logged every second for ten minutes: GPU 0 between 200 and
 * 300 W, GPU 1 at 150 W. */
static char *
write_nvidia_smi_log (void)
{
  g_autoptr(GString) text = g_string_new ("timestamp, index, name, power.draw [W]\n");
  g_autofree char *dir = g_dir_make_tmp ("huella-runs-XXXXXX", NULL);
  char *path = g_build_filename (dir, "gpus.csv", NULL);
  g_autoptr(GError) error = NULL;

  for (int t = 0; t < 600; t++)
    {
      char watts[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (watts, sizeof watts, "%.2f", 250 + 50 * sin (t / 30.0));
      g_string_append_printf (text, "2024/01/01 10:%02d:%02d.000, 0, NVIDIA A100-SXM4-80GB, %s W\n",
                              t / 60, t % 60, watts);
      g_string_append_printf (text, "2024/01/01 10:%02d:%02d.000, 1, NVIDIA A100-SXM4-80GB, 150.00 W\n",
                              t / 60, t % 60);
    }
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return path;
}

/* Whether the texture has at least two different pixel values. */
static gboolean
texture_has_content (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);
  guint n_different = 0;

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  for (int i = 1; i < width * height; i++)
    n_different += pixels[i] != pixels[0];
  return n_different > (guint) (width * height) / 100;
}

static void
test_power_chart (void)
{
  HuWindow *window = new_window (FALSE);
  g_autofree char *path = write_nvidia_smi_log ();
  HuRunView *view = hu_window_get_run_view (window);
  HuChartView *chart_view = hu_run_view_get_chart_view (view);
  HuResult *result;
  HuRunData *data;
  g_autoptr(GdkTexture) texture = NULL;
  HuScenario *scenario;
  const HuEstimate *estimate;

  import_and_wait (window, path);
  result = hu_window_get_selected_result (window);
  g_assert_nonnull (hu_result_get_run (result));
  data = hu_measured_run_get_data (hu_result_get_run (result));
  g_assert_cmpstr (data->source, ==, "nvidia-smi");
  g_assert_true (hu_run_view_get_result (view) == result);

  /* One line per GPU, drawn. */
  g_assert_nonnull (hu_chart_view_get_chart (chart_view));
  g_assert_cmpuint (hu_chart_get_n_series (hu_chart_view_get_chart (chart_view)), ==, 2);
  texture = hu_chart_view_render_texture (chart_view, 640, 300);
  g_assert_nonnull (texture);
  g_assert_true (texture_has_content (texture));

  /* The GPU model matches the catalog, the count is the GPUs logged and
   * the plan's energy is the measured one. */
  scenario = hu_window_plan_from_run (window);
  g_assert_nonnull (scenario);
  g_assert_cmpstr (hu_scenario_get_inputs (scenario)->gpu, ==, "nvidia-a100-sxm4-80gb");
  assert_rel (hu_scenario_get_inputs (scenario)->count, 2, 1e-12);
  estimate = hu_result_get_estimate (hu_window_get_selected_result (window));
  g_assert_nonnull (estimate);
  assert_rel (estimate->energy_kwh, data->energy_kwh, 0.001);

  g_unlink (path);
  destroy_window (window);
}

/* A million samples draw at every width and leave ink: the renderer
 * reduces them to one column per pixel.  How fast is bench/bench-chart's
 * business, not a test's: a clock assertion fails on a loaded machine. */
static void
test_power_chart_million (void)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_POWER);
  GtkWidget *chart_view = hu_chart_view_new ();
  g_autoptr(GdkTexture) texture = NULL;
  guint series;
  gint64 start;
  double elapsed_ms;

  g_object_ref_sink (chart_view);
  hu_chart_set_unit_kind (chart, HU_UNIT_POWER_W);
  hu_chart_set_x_unit_kind (chart, HU_UNIT_SECONDS);
  series = hu_chart_add_series (chart, "GPU 0");
  for (guint i = 0; i < 1000000; i++)
    hu_chart_add_sample (chart, series, i * 0.1, 250 + 50 * sin (i / 1000.0));
  hu_chart_view_set_chart (HU_CHART_VIEW (chart_view), chart);

  start = g_get_monotonic_time ();
  for (int width = 600; width < 1000; width += 100)
    {
      g_clear_object (&texture);
      texture = hu_chart_view_render_texture (HU_CHART_VIEW (chart_view), width, 300);
    }
  elapsed_ms = (g_get_monotonic_time () - start) / 1000.0 / 4;
  g_test_message ("one render of 1,000,000 samples: %.1f ms", elapsed_ms);
  g_assert_true (texture_has_content (texture));

  g_object_unref (chart_view);
}

static void
test_prediction_label (void)
{
  HuWindow *window = new_window (FALSE);
  HuProject *project = hu_window_get_project (window);
  g_autoptr(HuMeasuredRun) run = ui_test_measured_run ("predicted", "carbontracker", 7200, 3, NAN);
  HuRunData *data = hu_measured_run_get_data (run);
  HuRunView *view = hu_window_get_run_view (window);

  data->source_version = g_strdup ("1.1.6");
  data->predicted = TRUE;
  ui_test_add_run (project, run);
  hu_window_select_result (window, 0);
  iterate (50);

  g_assert_true (hu_run_view_get_result (view) == hu_window_get_selected_result (window));
  {
    gboolean found = FALSE;

    /* The prediction warning is the only label with the "warning" class. */
    for (GtkWidget *w = GTK_WIDGET (view); w != NULL && !found;)
      {
        if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "warning"))
          found = gtk_widget_get_visible (w);
        if (gtk_widget_get_first_child (w) != NULL)
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != NULL && w != GTK_WIDGET (view) && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            w = (w == NULL || w == GTK_WIDGET (view)) ? NULL : gtk_widget_get_next_sibling (w);
          }
      }
    g_assert_true (found);
  }

  destroy_window (window);
}

static void
test_export_preview (void)
{
  HuWindow *window = new_window (TRUE);
  HuComparison *comparison =
    hu_comparison_model_get_comparison (hu_window_get_comparison_model (window));
  GtkWidget *dialog = hu_export_dialog_new (GTK_WINDOW (window), comparison, NULL,
                                            HU_METRIC_TOTAL_KG);
  HuReport *report;

  gtk_window_present (GTK_WINDOW (dialog));
  iterate (100);
  report = hu_export_dialog_get_preview_report (HU_EXPORT_DIALOG (dialog));
  g_assert_nonnull (report);
  g_assert_cmpuint (hu_report_get_n_pages (report), >, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window (window);
}


/* One GPU at 100 W every second, t = 0…9, with "[N/A]" at t = 3 and 4
 * (lines 5 and 6): one gap, 2→5, of 3 s. The skipped lines list the two
 * [N/A] rows; the notes count the same gap and the same two samples
 * (issue 10 item 12), and show "[N/A]" as one word that wraps whole. */
static void
test_na_notes (void)
{
  HuWindow *window = new_window (FALSE);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "huella-test-na-smi.csv", NULL);
  g_autoptr(GString) text = g_string_new ("timestamp, index, power.draw [W]\n");
  HuRunView *view = hu_window_get_run_view (window);
  HuRunData *data;
  GtkLabel *notes;

  for (int t = 0; t <= 9; t++)
    g_string_append_printf (text, "2024/01/01 10:00:%02d.000, 0, %s\n", t,
                            t == 3 || t == 4 ? "[N/A]" : "100.00 W");
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));

  import_and_wait (window, path);
  data = hu_measured_run_get_data (hu_result_get_run (hu_window_get_selected_result (window)));
  g_assert_nonnull (strstr (data->notes, "1 gap (3 s)"));
  g_assert_nonnull (strstr (data->notes, "2 samples read [N/A]"));

  /* Shown with a word joiner after the slash, wrapping at words only. */
  notes = GTK_LABEL (find_widget (GTK_WIDGET (view), is_label_holding,
                                 "2 samples read [N/\u2060A]"));
  g_assert_nonnull (notes);
  g_assert_cmpint (gtk_label_get_wrap_mode (notes), ==, PANGO_WRAP_WORD);

  g_unlink (path);
  destroy_window (window);
}

/* The details row of @view titled @title (the measured-against-planned
 * group has an "Energy" row too, not a "property" one). */
static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_has_css_class (widget, "property") &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static const char *
row_subtitle (HuRunView  *view,
              const char *title)
{
  GtkWidget *row = find_widget (GTK_WIDGET (view), is_row_titled, title);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* Issue 10: a CPU-only CodeCarbon run (gpu_count 0, no GPU model, GPU
 * energy 0) read "GPU energy 0 kWh" beside Wh and "Unknown model × 0".
 * Its energies, in kWh: CPU 2.786332719238595e-06 + GPU 0 + RAM
 * 5.008540277938462e-06 = 7.794872997177058e-06 in all. One unit for
 * the four, from the largest, below 1 kWh: Wh, 0.007794873 Wh; four
 * digits of it are 3 + 3 = 6 decimals, which give the smallest non-zero,
 * 0.002786 Wh, four digits too. */
static void
test_cpu_only (void)
{
  HuWindow *window = new_window (FALSE);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", CPU_ONLY, NULL);
  HuRunView *view = hu_window_get_run_view (window);

  import_and_wait (window, path);
  hu_window_select_result (window, find_run (window, "1850cda1"));
  iterate (50);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));

  /* 2.306648200028576 s, three digits: "2.31 s", not "0.038 minutes". */
  g_assert_cmpstr (row_subtitle (view, "Duration"), ==, "2.31 s");
  g_assert_cmpstr (row_subtitle (view, "Energy"), ==, "0.007795 Wh");
  g_assert_cmpstr (row_subtitle (view, "CPU energy"), ==, "0.002786 Wh");
  g_assert_cmpstr (row_subtitle (view, "GPU energy"), ==, "0 Wh");
  g_assert_cmpstr (row_subtitle (view, "RAM energy"), ==, "0.005009 Wh");
  /* 5.561181985978997e-06 kg = 0.005561… g, four digits; the log's
   * PUE 1.0 with the two decimals of every PUE. */
  g_assert_cmpstr (row_subtitle (view, "Emissions"), ==, "0.005561 g CO₂eq");
  g_assert_cmpstr (row_subtitle (view, "PUE"), ==, "1.00");
  /* The card above says the same. */
  g_assert_nonnull (find_widget (GTK_WIDGET (view), is_label_holding, "0.007795 Wh"));
  g_assert_cmpstr (row_subtitle (view, "Accelerators"), ==,
                   "None: the log measured no accelerator");
  g_assert_null (find_widget (GTK_WIDGET (view), is_label_holding, "× 0"));

  /* Its equivalences, in plain text (a "<" is no markup): the run's
   * 5.561e-6 kg ÷ 0.0124 kg per smartphone charge (EPA) = 0.00045,
   * below 0.01: "< 0.01 smartphone charges"; ÷ 4,290 kg per
   * vehicle-year × 8,766 h × 3,600 s = 0.0409 s of driving. */
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_holding,
                                 "< 0.01 smartphone charges"));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_holding,
                                 "0.0409 seconds of driving a petrol car"));

  destroy_window (window);
}

/* The same CPU-only run beside the example's GPT-3 plans (issue 10,
 * item 13): the V100S plan's 3.14e23 FLOP ÷ (130 TFLOP/s × 100 %) ÷ 3600
 * = 670,940 GPU-h puts the column in thousands ("670.9 thousand GPU-h");
 * the run's zero is written "0 GPU-h", never "0 thousand GPU-h", and its
 * accelerators "No accelerator", so the zero is not taken for a missing
 * figure ("—"). */
static void
test_cpu_only_beside_plans (void)
{
  HuWindow *window = new_window (TRUE);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", CPU_ONLY, NULL);
  GListModel *model = G_LIST_MODEL (hu_window_get_comparison_model (window));
  g_autoptr(HuResult) plan = NULL;
  g_autoptr(HuResult) run = NULL;
  g_autofree char *plan_hours = NULL;
  g_autofree char *run_hours = NULL;
  g_autofree char *run_accelerators = NULL;

  import_and_wait (window, path);
  plan = g_list_model_get_item (model, 0);
  run = g_list_model_get_item (model, find_run (window, "1850cda1"));
  plan_hours = hu_result_format_column (plan, HU_COLUMN_GPU_HOURS);
  run_hours = hu_result_format_column (run, HU_COLUMN_GPU_HOURS);
  run_accelerators = hu_result_format_column (run, HU_COLUMN_ACCELERATOR);

  g_assert_cmpstr (plan_hours, ==, "670.9 thousand GPU-h");
  g_assert_cmpstr (run_hours, ==, "0 GPU-h");
  g_assert_cmpstr (run_accelerators, ==, "No accelerator");

  destroy_window (window);
}

/* carbontracker's two logs of one run, as tests/import/test-import-
 * formats.c checks them by hand, opened by the standard log alone: the
 * output log beside it gives the CO₂eq (3.1 g). The page names the run
 * "<prefix> · 1.2 · …" (prefix, pid.id, start), its two A100s "NVIDIA
 * A100 × 2", its processor "CPU" (not the raw "cpu:0"); the chart's legend
 * reads "GPU" and "CPU", not the log's keys; and since the parts are
 * more than the logged total, the notes say so.
 *   By hand (tests/import/test-import-formats.c): GPU 0.019375 kWh + CPU
 *   1,200 J ÷ 3.6e6 × PUE 1.55 = 0.000516667 kWh: 19.891667 Wh of parts
 *   against the log's 15.5 Wh, and 3.1 g CO₂eq.
 * Every single figure reads by one rule (issue 10, item 13: the sidebar
 * said "3.1 g" where the page said "3.100 g", the note "15.5 Wh" where
 * the page said "15.50 Wh"): four significant digits with their zeros,
 * "19.89 Wh", "15.50 Wh", "3.100 g CO₂eq", on the page, in the note
 * and in the sidebar row. */
static void
test_carbontracker_page (void)
{
  HuWindow *window = new_window (FALSE);
  HuRunView *view = hu_window_get_run_view (window);
  g_autofree char *log = g_test_build_filename (G_TEST_DIST, "data", CT_EPOCHS ".log", NULL);
  g_autofree char *legend = NULL;
  HuResult *result;

  import_and_wait (window, log);
  result = hu_window_get_selected_result (window);
  g_assert_nonnull (hu_result_get_run (result));
  iterate (50);
  g_assert_cmpstr (hu_measured_run_get_name (hu_result_get_run (result)), ==,
                   CT_PREFIX " · 1.2 · 2024-01-01 10:00");
  g_assert_nonnull (find_widget (GTK_WIDGET (view), is_visible_label,
                                 CT_PREFIX " · 1.2 · 2024-01-01 10:00"));
  g_assert_cmpstr (row_subtitle (view, "Accelerators"), ==, "NVIDIA A100 × 2");
  g_assert_cmpstr (row_subtitle (view, "Processor"), ==, "CPU");
  g_assert_cmpstr (row_subtitle (view, "Run ID"), ==, "1.2");
  g_assert_nonnull (strstr (row_subtitle (view, "Importer’s notes"),
                            "(19.89 Wh) is more than the total the log gives (15.50 Wh)"));
  g_assert_cmpstr (row_subtitle (view, "Energy"), ==, "15.50 Wh");
  g_assert_cmpstr (row_subtitle (view, "Emissions"), ==, "3.100 g CO₂eq");
  {
    GtkWidget *row = find_widget (GTK_WIDGET (window), is_row_detailed,
                                  "NVIDIA A100 × 2 · 3.100 g CO₂eq");

    g_assert_nonnull (row);
    g_assert_nonnull (find_widget (row, is_visible_label, " · 3.100 g CO₂eq"));
  }
  /* It has a CO₂eq: no "Not logged" under its card. */
  g_assert_null (find_widget (GTK_WIDGET (view), is_visible_label, "Not logged"));

  /* The legend's series, as the chart names them to a screen reader. */
  legend = hu_chart_accessible_text (hu_chart_view_get_chart (hu_run_view_get_chart_view (view)));
  g_assert_true (g_str_has_prefix (legend, "GPU\n") || strstr (legend, "\nGPU\n") != NULL);
  g_assert_nonnull (strstr (legend, "\nCPU\n"));
  g_assert_null (strstr (legend, "gpu\n"));
  g_assert_null (strstr (legend, "cpu\n"));

  destroy_window (window);
}

/* nvidia-smi records power only: its run has no CO₂eq, and the page says
 * why instead of a bare "—", on the card and in the details. Its log has
 * no gap: the notes say nothing of gaps. */
static void
test_missing_co2_reason (void)
{
  HuWindow *window = new_window (FALSE);
  g_autofree char *path = write_nvidia_smi_log ();
  HuRunView *view = hu_window_get_run_view (window);

  import_and_wait (window, path);
  iterate (50);
  g_assert_nonnull (find_widget (GTK_WIDGET (view), is_visible_label, "Not logged"));
  g_assert_true (g_str_has_prefix (row_subtitle (view, "Emissions"),
                                   "Not logged: this log records energy only, with no carbon "
                                   "intensity"));
  g_assert_null (strstr (row_subtitle (view, "Importer’s notes"), "gap"));
  /* Two GPUs of one model, grouped. */
  g_assert_cmpstr (row_subtitle (view, "Accelerators"), ==, "NVIDIA A100-SXM4-80GB × 2");
  /* The sidebar's row says it too, not "… · —". */
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_row_detailed,
                                 "NVIDIA A100-SXM4-80GB × 2 · CO₂eq not logged"));

  g_unlink (path);
  destroy_window (window);
}

/* The measured-vs-estimated differences are changes written as every
 * change is: one decimal, a minus sign, "same" under 0.05 %.
 * 112.345 ÷ 100 − 1 = +12.345 % → "+12.3 %"; 99.9274 ÷ 100 − 1 =
 * −0.0726 % → "−0.1 %"; 100.04 ÷ 100 − 1 = +0.04 % → "same". */
static void
test_difference (void)
{
  const struct { double measured, estimated; const char *expected; } cases[] = {
    { 100, 112.345, "+12.3 %" },
    { 100, 99.9274, "−0.1 %" },
    { 100, 100.04, "same" },
    { 0, 5, "—" },
    { NAN, 5, "—" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hu_run_plan_format_difference (cases[i].measured, cases[i].estimated);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* Issue 10: a CodeCarbon log's "washington", "USA" was shown as it is.
 * A place that matches a catalog grid finer than its country reads as the
 * catalog names it (grid/US-WA is "Washington, United States" in
 * huella-cli regions); otherwise the region in proper case and the
 * country by the catalog's name for its grid (grid/DE "Germany",
 * grid/SE "Sweden"); a region the log already cased keeps its case, and
 * a country no grid has stays as the log wrote it. */
static void
test_location (void)
{
  const struct { const char *region, *country, *expected; } cases[] = {
    { "washington", "USA", "Washington, United States" },
    { "bavaria", "DEU", "Bavaria, Germany" },
    { "new  york state", NULL, "New  York State" },
    { NULL, "SWE", "Sweden" },
    { "Stockholm County", "SWE", "Stockholm County, Sweden" },
    { "atlantis", "XAT", "Atlantis, XAT" },
    { NULL, NULL, NULL },
  };
  HuCatalog *catalog = hu_catalog_get_default ();

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HuRunData data = { 0 };
      g_autofree char *shown = NULL;

      data.region = (char *) cases[i].region;
      data.country = (char *) cases[i].country;
      shown = hu_run_plan_format_location (catalog, &data);
      g_assert_cmpstr (shown, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/huella/ui/runs/import-codecarbon", test_import_codecarbon);
  g_test_add_func ("/huella/ui/runs/plan-from-run", test_plan_from_run);
  g_test_add_func ("/huella/ui/runs/plan-like-with-like", test_plan_like_with_like);
  g_test_add_func ("/huella/ui/runs/link-row", test_link_row);
  g_test_add_func ("/huella/ui/runs/matching", test_gpu_and_region_matching);
  g_test_add_func ("/huella/ui/runs/power-chart", test_power_chart);
  g_test_add_func ("/huella/ui/runs/power-chart-million", test_power_chart_million);
  g_test_add_func ("/huella/ui/runs/prediction", test_prediction_label);
  g_test_add_func ("/huella/ui/runs/export-preview", test_export_preview);
  g_test_add_func ("/huella/ui/runs/na-notes", test_na_notes);
  g_test_add_func ("/huella/ui/runs/cpu-only", test_cpu_only);
  g_test_add_func ("/huella/ui/runs/cpu-only-beside-plans", test_cpu_only_beside_plans);
  g_test_add_func ("/huella/ui/runs/difference", test_difference);
  g_test_add_func ("/huella/ui/runs/location", test_location);
  g_test_add_func ("/huella/ui/runs/carbontracker-page", test_carbontracker_page);
  g_test_add_func ("/huella/ui/runs/missing-co2-reason", test_missing_co2_reason);

  return g_test_run ();
}
