/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Ranges in the app (issue 12): a field takes "low..high", the results
 * read "value (low–high)", the other rows get their probability against
 * the baseline, and a bad range is refused in place. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "hu-derivation-view.h"
#include "hu-scenario-editor.h"
#include "hu-uncertainty-view.h"
#include "test-helpers.h"
#include "ui-test-helpers.h"

/* The seed article's first row: GPT-3 on a V100S at 100 % of 130 TFLOP/s,
 * 250 W, no PUE: 167,735.04 kWh. At utilisation U it is 167,735.04 / U. */
#define V100S_ENERGY_KWH 167735.04

static void
test_range_field (void)
{
  HuWindow *window = new_window (TRUE);
  HuScenarioEditor *editor = hu_window_get_editor (window);
  HuResult *v100s = result_at (window, 0);
  HuResult *a6000 = result_at (window, 1);
  AdwEntryRow *util_row = hu_scenario_editor_get_input_row (editor, HU_INPUT_UTILIZATION);
  const HuInputs *inputs = hu_scenario_get_inputs (hu_result_get_scenario (v100s));
  const HuUncertainty *u;
  g_autofree char *co2 = NULL;

  /* Utilisation in percent, as the field shows it: 50..100 % has its
   * middle at 75 %, so the point energy is 167,735.04 / 0.75 kWh. */
  gtk_editable_set_text (GTK_EDITABLE (util_row), "50..100");
  iterate (500);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (util_row), "error"));
  g_assert_nonnull (hu_inputs_get_range (inputs, HU_INPUT_UTILIZATION));
  g_assert_cmpfloat (hu_inputs_get_range (inputs, HU_INPUT_UTILIZATION)->low, ==, 0.5);
  assert_abs (hu_result_get_metric (v100s, HU_METRIC_ENERGY_KWH), V100S_ENERGY_KWH / 0.75, 0.02);

  u = hu_result_get_uncertainty (v100s);
  g_assert_nonnull (u);
  co2 = hu_result_format_column (v100s, HU_COLUMN_CO2);
  g_assert_nonnull (strstr (co2, "("));
  g_assert_nonnull (strstr (co2, "–"));

  /* The A6000 row (84.5 MWh, seed article) is below the V100S's whole
   * range (167.7 to 335.5 MWh): it emits less in every sample. */
  g_assert_nonnull (hu_result_get_uncertainty (a6000));
  g_assert_cmpfloat (hu_result_get_uncertainty (a6000)->p_lower_than_baseline, ==, 1.0);

  /* Low above high is refused, naming the problem; the scenario keeps
   * its last valid range. */
  gtk_editable_set_text (GTK_EDITABLE (util_row), "100..50");
  iterate (500);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (util_row), "error"));
  g_assert_cmpfloat (hu_inputs_get_range (inputs, HU_INPUT_UTILIZATION)->low, ==, 0.5);

  /* One number again drops the range. */
  gtk_editable_set_text (GTK_EDITABLE (util_row), "100");
  iterate (500);
  g_assert_null (hu_inputs_get_range (inputs, HU_INPUT_UTILIZATION));
  g_assert_null (hu_result_get_uncertainty (v100s));

  destroy_window (window);
}

/* The scenario's "utilization" as the project file writes it. */
static JsonNode *
saved_utilization (HuWindow *window,
                   guint     scenario)
{
  g_autofree char *data = hu_project_to_data (hu_window_get_project (window), NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonObject *object;

  g_assert_true (json_parser_load_from_data (parser, data, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  object = json_array_get_object_element (json_object_get_array_member (root, "scenarios"),
                                          scenario);
  if (!json_object_has_member (object, "utilization"))
    return NULL;
  return json_node_copy (json_object_get_member (object, "utilization"));
}

/* The "±" toggle (issue 12 item 5): it reveals low / likely / high rows,
 * a valid range is saved as {"low", "likely", "high"}, a bad one is
 * refused in place, with its reason, and leaves the project as it was. */
static void
test_range_toggle (void)
{
  HuWindow *window = new_window (TRUE);
  HuScenarioEditor *editor = hu_window_get_editor (window);
  HuResult *v100s = result_at (window, 0);
  AdwEntryRow *util_row = hu_scenario_editor_get_input_row (editor, HU_INPUT_UTILIZATION);
  GtkToggleButton *toggle = hu_scenario_editor_get_range_toggle (editor, HU_INPUT_UTILIZATION);
  const HuInputs *inputs = hu_scenario_get_inputs (hu_result_get_scenario (v100s));
  AdwEntryRow *low, *likely, *high;
  g_autoptr(JsonNode) saved = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JsonObject *object;

  g_assert_nonnull (toggle);
  g_assert_null (hu_scenario_editor_get_range_row (editor, HU_INPUT_UTILIZATION, HU_RANGE_LOW));
  g_assert_null (hu_inputs_get_range (inputs, HU_INPUT_UTILIZATION));

  /* On: three rows appear under the field, which becomes read-only. The
   * field held 100 %: the first range is 100 − 20 = 80 % to 100 % (120 %
   * is past what utilisation can be), likely 100 %. */
  gtk_toggle_button_set_active (toggle, TRUE);
  low = hu_scenario_editor_get_range_row (editor, HU_INPUT_UTILIZATION, HU_RANGE_LOW);
  likely = hu_scenario_editor_get_range_row (editor, HU_INPUT_UTILIZATION, HU_RANGE_LIKELY);
  high = hu_scenario_editor_get_range_row (editor, HU_INPUT_UTILIZATION, HU_RANGE_HIGH);
  g_assert_nonnull (low);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (low)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (likely)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (high)));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (util_row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (low)), ==, "80");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (likely)), ==, "100");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (high)), ==, "100");
  iterate (500);
  g_assert_nonnull (hu_inputs_get_range (inputs, HU_INPUT_UTILIZATION));

  /* A uniform 30 %..50 % (likely left empty), typed row by row. */
  gtk_editable_set_text (GTK_EDITABLE (likely), "");
  gtk_editable_set_text (GTK_EDITABLE (high), "50");
  gtk_editable_set_text (GTK_EDITABLE (low), "30");
  iterate (500);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (util_row)), ==, "30..50");
  g_assert_cmpfloat (hu_inputs_get_range (inputs, HU_INPUT_UTILIZATION)->low, ==, 0.3);
  g_assert_cmpfloat (hu_inputs_get_range (inputs, HU_INPUT_UTILIZATION)->high, ==, 0.5);
  g_assert_true (isnan (hu_inputs_get_range (inputs, HU_INPUT_UTILIZATION)->likely));
  /* The point estimate is the middle, 40 %: 167,735.04 / 0.4 kWh. */
  assert_abs (hu_result_get_metric (v100s, HU_METRIC_ENERGY_KWH), V100S_ENERGY_KWH / 0.4, 0.02);
  saved = saved_utilization (window, 0);
  g_assert_nonnull (saved);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (saved));
  object = json_node_get_object (saved);
  g_assert_cmpfloat (json_object_get_double_member (object, "low"), ==, 0.3);
  g_assert_cmpfloat (json_object_get_double_member (object, "high"), ==, 0.5);
  g_assert_false (json_object_has_member (object, "likely"));

  /* Triangular: 30..45..50. */
  gtk_editable_set_text (GTK_EDITABLE (likely), "45");
  iterate (500);
  g_clear_pointer (&saved, json_node_unref);
  saved = saved_utilization (window, 0);
  object = json_node_get_object (saved);
  g_assert_cmpfloat (json_object_get_double_member (object, "low"), ==, 0.3);
  g_assert_cmpfloat (json_object_get_double_member (object, "likely"), ==, 0.45);
  g_assert_cmpfloat (json_object_get_double_member (object, "high"), ==, 0.5);

  /* Low above high: both ends marked, the reason shown, the project
   * unchanged. */
  before = hu_project_to_data (hu_window_get_project (window), NULL);
  gtk_editable_set_text (GTK_EDITABLE (low), "60");
  iterate (500);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (low), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (high), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (util_row), "error"));
  hu_scenario_editor_flush (editor);
  after = hu_project_to_data (hu_window_get_project (window), NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpfloat (hu_inputs_get_range (inputs, HU_INPUT_UTILIZATION)->low, ==, 0.3);

  /* The likely value outside the ends. */
  gtk_editable_set_text (GTK_EDITABLE (low), "30");
  gtk_editable_set_text (GTK_EDITABLE (likely), "70");
  iterate (500);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (likely), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (low), "error"));
  g_clear_pointer (&after, g_free);
  hu_scenario_editor_flush (editor);
  after = hu_project_to_data (hu_window_get_project (window), NULL);
  g_assert_cmpstr (before, ==, after);

  /* Fixed again, then off: the field gets the likely value back, 45 %,
   * and the scenario holds one number. */
  gtk_editable_set_text (GTK_EDITABLE (likely), "45");
  iterate (500);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (util_row), "error"));
  gtk_toggle_button_set_active (toggle, FALSE);
  iterate (500);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (low)));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (util_row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (util_row)), ==, "45");
  g_assert_null (hu_inputs_get_range (inputs, HU_INPUT_UTILIZATION));
  g_assert_cmpfloat (hu_inputs_get (inputs, HU_INPUT_UTILIZATION), ==, 0.45);
  g_clear_pointer (&saved, json_node_unref);
  saved = saved_utilization (window, 0);
  g_assert_true (JSON_NODE_HOLDS_VALUE (saved));

  destroy_window (window);
}

/* A negative end where the input must be positive (power) is refused by
 * name; the scenario keeps no range. */
static void
test_range_negative (void)
{
  HuWindow *window = new_window (TRUE);
  HuScenarioEditor *editor = hu_window_get_editor (window);
  HuResult *v100s = result_at (window, 0);
  GtkToggleButton *toggle = hu_scenario_editor_get_range_toggle (editor, HU_INPUT_POWER_W);
  const HuInputs *inputs = hu_scenario_get_inputs (hu_result_get_scenario (v100s));
  AdwEntryRow *low, *high;
  AdwEntryRow *power_row = hu_scenario_editor_get_input_row (editor, HU_INPUT_POWER_W);

  gtk_toggle_button_set_active (toggle, TRUE);
  low = hu_scenario_editor_get_range_row (editor, HU_INPUT_POWER_W, HU_RANGE_LOW);
  high = hu_scenario_editor_get_range_row (editor, HU_INPUT_POWER_W, HU_RANGE_HIGH);
  gtk_editable_set_text (GTK_EDITABLE (high), "300");
  gtk_editable_set_text (GTK_EDITABLE (low), "-5");
  iterate (500);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (low), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (high), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (power_row), "error"));
  g_assert_null (hu_inputs_get_range (inputs, HU_INPUT_POWER_W));

  /* 200..300 W is fine. */
  gtk_editable_set_text (GTK_EDITABLE (low), "200");
  iterate (500);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (power_row), "error"));
  g_assert_nonnull (hu_inputs_get_range (inputs, HU_INPUT_POWER_W));
  g_assert_cmpfloat (hu_inputs_get_range (inputs, HU_INPUT_POWER_W)->low, ==, 200);

  destroy_window (window);
}

/* Explain's "What matters most" (issue 12): the tornado of the ranged
 * inputs, each range written for people (never "0.5..1"), and for
 * another row its chance of emitting less than the baseline. */
static void
test_uncertainty_view (void)
{
  HuWindow *window = new_window (TRUE);
  HuScenarioEditor *editor = hu_window_get_editor (window);
  HuResult *v100s = result_at (window, 0);
  HuResult *a6000 = result_at (window, 1);
  AdwEntryRow *util_row = hu_scenario_editor_get_input_row (editor, HU_INPUT_UTILIZATION);
  HuUncertaintyView *view = HU_UNCERTAINTY_VIEW (hu_uncertainty_view_new ());
  HuChart *chart;

  g_object_ref_sink (view);
  hu_uncertainty_view_set_result (view, v100s);
  /* Nothing is ranged yet: nothing to show. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view)));

  gtk_editable_set_text (GTK_EDITABLE (util_row), "50..100");
  iterate (500);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view)));
  chart = hu_uncertainty_view_get_chart (view);
  g_assert_nonnull (chart);
  g_assert_cmpint (hu_chart_get_kind (chart), ==, HU_CHART_TORNADO);
  g_assert_cmpuint (hu_chart_get_n_categories (chart), ==, 1);
  /* CO₂eq ∝ 1/U and the example's V100S has no PUE: at U = 0.5 the
   * total is 0.75/0.5 = 1.5 times the point at 0.75, at U = 1 it is 0.75. */
  assert_abs (hu_chart_get_value (chart, 0, 0) / hu_result_get_metric (v100s, HU_METRIC_TOTAL_KG),
              1.5, 1e-9);
  assert_abs (hu_chart_get_value (chart, 1, 0) / hu_result_get_metric (v100s, HU_METRIC_TOTAL_KG),
              0.75, 1e-9);
  g_assert_cmpuint (hu_uncertainty_view_get_n_inputs (view), ==, 1);
  g_assert_cmpstr (hu_uncertainty_view_get_range_text (view, 0), ==, "50–100 %");
  /* The baseline is not compared with itself. */
  g_assert_null (hu_uncertainty_view_get_probability (view));

  /* The A6000 row is below the baseline's whole range: it emits less in
   * every sample. */
  hu_uncertainty_view_set_result (view, a6000);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view)));
  g_assert_nonnull (hu_uncertainty_view_get_probability (view));
  g_assert_nonnull (strstr (hu_uncertainty_view_get_probability (view), "every one of 10,000"));

  g_object_unref (view);
  destroy_window (window);
}

/* Explain shows the lifecycle chart once the scenario is served for a
 * known number of days (issue 11), and none before. */
static void
test_lifecycle_chart (void)
{
  HuWindow *window = new_window (TRUE);
  HuResult *v100s = result_at (window, 0);
  HuScenario *scenario = hu_result_get_scenario (v100s);
  HuDerivationView *view = HU_DERIVATION_VIEW (hu_derivation_view_new ());
  HuChart *chart;

  g_object_ref_sink (view);
  hu_derivation_view_set_result (view, v100s);
  g_assert_null (hu_derivation_view_get_lifecycle_chart (view));

  /* 1,000 requests a day for 30 days at 4 Wh each. */
  EDIT_INPUTS (scenario, { HU_INPUT_REQUESTS_PER_DAY, 1000 }, { HU_INPUT_DAYS, 30 },
               { HU_INPUT_WH_PER_REQUEST, 4 });
  iterate (100);

  chart = hu_derivation_view_get_lifecycle_chart (view);
  g_assert_nonnull (chart);
  g_assert_cmpuint (hu_chart_get_n_series (chart), ==, 3);
  {
    double x, y;

    /* The whole life starts at the training's total on day 0. */
    g_assert_true (hu_chart_get_point (chart, 0, 0, &x, &y));
    g_assert_cmpfloat (x, ==, 0);
    assert_rel (y, hu_result_get_estimate (v100s)->total_kg, 1e-12);
  }

  g_object_unref (view);
  destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/huella/ui/ranges/field", test_range_field);
  g_test_add_func ("/huella/ui/ranges/toggle", test_range_toggle);
  g_test_add_func ("/huella/ui/ranges/negative", test_range_negative);
  g_test_add_func ("/huella/ui/ranges/explain", test_uncertainty_view);
  g_test_add_func ("/huella/ui/ranges/lifecycle-chart", test_lifecycle_chart);

  return g_test_run ();
}
