/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The scenario form shows a number as a person would type it (issue 10,
 * item 2), and showing it is no edit: the stored value changes only when
 * the user changes the field's text. Its result cards write each value
 * by one rule. */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "hu-scenario-editor.h"
#include "ui-test-helpers.h"

static HuWindow *
open_example (const char *example)
{
  HuWindow *window = new_window (FALSE);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", example,
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (hu_window_open_file (window, file));
  iterate (300);
  return window;
}

static const char *
field_text (HuScenarioEditor *editor,
            HuInputKey        key)
{
  return gtk_editable_get_text (GTK_EDITABLE (hu_scenario_editor_get_input_row (editor, key)));
}

/* Types @text into @key's field and lets the form commit it. */
static void
type_into (HuScenarioEditor *editor,
           HuInputKey        key,
           const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (hu_scenario_editor_get_input_row (editor, key)), text);
  iterate (100);
  hu_scenario_editor_flush (editor);
  iterate (50);
}

/* Selects another row and back, so the form loads the scenario again. */
static void
reload (HuWindow *window)
{
  hu_window_select_result (window, 1);
  iterate (100);
  hu_window_select_result (window, 0);
  iterate (200);
}

/* BLOOM (data/examples/bloom-lifecycle.huella) stores its API's measured
 * 132.2338 W per GPU, the paper's 1,082,990 GPU-hours and a PUE of
 * 1.5924. Four significant digits, never fewer than the integer digits:
 * "132.2", "1.592"; 1,082,990 has seven integer digits and is grouped as
 * the locale groups from a million, "1,082,990" in the C locale the UI
 * tests run in and "1.082.990" in Spanish, where the decimals take a
 * comma, "132,2" and "1,592". */
static void
test_rounded_not_changed (void)
{
  HuWindow *window = open_example ("bloom-lifecycle.huella");
  HuScenarioEditor *editor = hu_window_get_editor (window);
  GtkWidget *power_row;
  HuScenario *scenario;
  const HuInputs *inputs;

  hu_window_select_result (window, 0);
  iterate (200);
  scenario = hu_result_get_scenario (hu_window_get_selected_result (window));
  g_assert_cmpstr (hu_scenario_get_id (scenario), ==, "bloom-measured");
  inputs = hu_scenario_get_inputs (scenario);
  power_row = GTK_WIDGET (hu_scenario_editor_get_input_row (editor, HU_INPUT_SERVE_POWER));

  g_assert_cmpstr (field_text (editor, HU_INPUT_SERVE_POWER), ==, "132.2");
  g_assert_cmpstr (field_text (editor, HU_INPUT_GPU_HOURS), ==, "1,082,990");
  g_assert_cmpstr (field_text (editor, HU_INPUT_PUE), ==, "1.592");
  g_assert_cmpstr (field_text (editor, HU_INPUT_INTENSITY), ==, "57");

  /* Into the power field and out, then a real edit elsewhere, which
   * commits the whole form: the fields left as shown keep their values
   * to the last digit. */
  g_assert_true (gtk_widget_grab_focus (power_row));
  iterate (50);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (hu_scenario_editor_get_input_row (editor,
                                                                                       HU_INPUT_INTENSITY))));
  iterate (50);
  type_into (editor, HU_INPUT_INTENSITY, "58");
  g_assert_cmpfloat (inputs->intensity, ==, 58);
  g_assert_cmpfloat (inputs->serve_power, ==, 132.2338);
  g_assert_cmpfloat (inputs->gpu_hours, ==, 1082990);
  g_assert_cmpfloat (inputs->pue, ==, 1.5924);

  /* A grouped number typed back is read as the same number. */
  type_into (editor, HU_INPUT_GPU_HOURS, "2,000,000");
  g_assert_cmpfloat (inputs->gpu_hours, ==, 2e6);
  type_into (editor, HU_INPUT_SERVE_POWER, "140.5");
  g_assert_cmpfloat (inputs->serve_power, ==, 140.5);

  /* In Spanish, the same rule with its separators (the form is loaded
   * again in that locale first, as an app started in it would be). */
  g_assert_nonnull (setlocale (LC_NUMERIC, "es_ES.UTF-8"));
  reload (window);
  type_into (editor, HU_INPUT_SERVE_POWER, "132,2338");
  type_into (editor, HU_INPUT_GPU_HOURS, "1082990");
  reload (window);
  g_assert_cmpstr (field_text (editor, HU_INPUT_SERVE_POWER), ==, "132,2");
  g_assert_cmpstr (field_text (editor, HU_INPUT_GPU_HOURS), ==, "1.082.990");
  g_assert_cmpstr (field_text (editor, HU_INPUT_PUE), ==, "1,592");
  type_into (editor, HU_INPUT_INTENSITY, "57");
  g_assert_cmpfloat (inputs->serve_power, ==, 132.2338);
  g_assert_cmpfloat (inputs->gpu_hours, ==, 1082990);
  g_assert_cmpfloat (inputs->pue, ==, 1.5924);
  type_into (editor, HU_INPUT_GPU_HOURS, "2.000.000");
  g_assert_cmpfloat (inputs->gpu_hours, ==, 2e6);
  type_into (editor, HU_INPUT_PUE, "1,25");
  g_assert_cmpfloat (inputs->pue, ==, 1.25);
  setlocale (LC_NUMERIC, "C");

  destroy_window (window);
}

/* "±" on a field the user has not edited builds its first range, −20 %
 * and +20 %, around the value stored, not around the figure the field
 * shows: BLOOM's 132.2338 W (shown "132.2") gives, by hand,
 *   132.2338 × 0.8 = 105.78704 W   and   132.2338 × 1.2 = 158.68056 W,
 * where the shown 132.2 would give 105.76 and 158.64. The rows show
 * them as "105.8", "132.2" and "158.7", which is no edit either; a row
 * the user types into takes its new value and leaves the others exact.
 * "±" off puts the likely 132.2338 back, still stored to the last digit. */
static void
test_range_from_stored (void)
{
  HuWindow *window = open_example ("bloom-lifecycle.huella");
  HuScenarioEditor *editor = hu_window_get_editor (window);
  HuInputKey key = HU_INPUT_SERVE_POWER;
  GtkToggleButton *toggle = hu_scenario_editor_get_range_toggle (editor, key);
  HuScenario *scenario;
  const HuInputs *inputs;
  const HuRange *range;

  hu_window_select_result (window, 0);
  iterate (200);
  scenario = hu_result_get_scenario (hu_window_get_selected_result (window));
  g_assert_cmpstr (hu_scenario_get_id (scenario), ==, "bloom-measured");
  inputs = hu_scenario_get_inputs (scenario);
  g_assert_cmpstr (field_text (editor, key), ==, "132.2");
  g_assert_null (hu_inputs_get_range (inputs, key));

  gtk_toggle_button_set_active (toggle, TRUE);
  iterate (100);
  hu_scenario_editor_flush (editor);
  iterate (50);
  range = hu_inputs_get_range (inputs, key);
  g_assert_nonnull (range);
  g_assert_cmpfloat_with_epsilon (range->low, 105.78704, 1e-9);
  g_assert_cmpfloat_with_epsilon (range->likely, 132.2338, 1e-9);
  g_assert_cmpfloat_with_epsilon (range->high, 158.68056, 1e-9);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hu_scenario_editor_get_range_row (
                     editor, key, HU_RANGE_LOW))), ==, "105.8");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hu_scenario_editor_get_range_row (
                     editor, key, HU_RANGE_HIGH))), ==, "158.7");

  gtk_editable_set_text (GTK_EDITABLE (hu_scenario_editor_get_range_row (editor, key,
                                                                         HU_RANGE_HIGH)), "160");
  iterate (100);
  hu_scenario_editor_flush (editor);
  iterate (50);
  range = hu_inputs_get_range (inputs, key);
  g_assert_nonnull (range);
  g_assert_cmpfloat_with_epsilon (range->low, 105.78704, 1e-9);
  g_assert_cmpfloat_with_epsilon (range->likely, 132.2338, 1e-9);
  g_assert_cmpfloat (range->high, ==, 160);

  gtk_toggle_button_set_active (toggle, FALSE);
  iterate (100);
  hu_scenario_editor_flush (editor);
  iterate (50);
  g_assert_null (hu_inputs_get_range (inputs, key));
  g_assert_cmpstr (field_text (editor, key), ==, "132.2");
  g_assert_cmpfloat (hu_inputs_get (inputs, key), ==, 132.2338);

  destroy_window (window);
}

/* The result cards state one value each, with the significant digits of
 * its kind (issue 10, item 13): the lifecycle card read "31.3 t" beside
 * the CO₂eq card's "31.22 t", taking the digits of its table column,
 * which reaches 801.9 t. serving-7b's first scenario, by hand:
 *   training  184,320 GPU-h × 0.4 kW × PUE 1.1 = 81,100.8 kWh
 *             × 0.385 kg/kWh = 31,223.8 kg → "31.22 t CO₂eq"
 *   serving   2 × 7e9 × 1,000 FLOP × 10,000 a day × 365 days = 5.11e19 FLOP
 *             ÷ (312 TFLOP/s × 10 %) = 1,637,821 s = 454.95 h × 0.4 kW
 *             × 1.1 = 200.2 kWh × 0.385 = 77.1 kg
 *   lifecycle 31,223.8 + 77.1 = 31,300.9 kg → "31.30 t CO₂eq", four
 *             digits as the CO₂eq card, where the column shows "31.3". */
static void
test_cards_one_rule (void)
{
  HuWindow *window = open_example ("serving-7b.huella");
  GtkWidget *editor = GTK_WIDGET (hu_window_get_editor (window));
  g_autofree char *cell = NULL;

  hu_window_select_result (window, 0);
  iterate (300);
  g_assert_nonnull (find_widget (editor, is_label_exactly, "31.22 t CO₂eq"));
  g_assert_nonnull (find_widget (editor, is_label_exactly, "31.30 t CO₂eq"));
  g_assert_null (find_widget (editor, is_label_exactly, "31.3 t CO₂eq"));
  g_assert_nonnull (find_widget (editor, is_label_exactly, "184.3 thousand GPU-h"));
  g_assert_nonnull (find_widget (editor, is_label_exactly, "81.10 MWh"));
  /* The table keeps its column's one number of decimals. */
  cell = hu_result_format_column (result_at (window, 0), HU_COLUMN_LIFECYCLE);
  g_assert_cmpstr (cell, ==, "31.3 t CO₂eq");

  destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/huella/ui/fields/rounded-not-changed", test_rounded_not_changed);
  g_test_add_func ("/huella/ui/fields/range-from-stored", test_range_from_stored);
  g_test_add_func ("/huella/ui/fields/cards-one-rule", test_cards_one_rule);

  return g_test_run ();
}
