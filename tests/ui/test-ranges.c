/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Ranges in the app (issue 12): a field takes "low..high", the results
 * read "value (low–high)", the other rows get their probability against
 * the baseline, and a bad range is refused in place. */

#include "config.h"

#include <string.h>

#include "hu-scenario-editor.h"
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

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/huella/ui/ranges/field", test_range_field);

  return g_test_run ();
}
