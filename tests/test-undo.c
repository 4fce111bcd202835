/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "hu-core.h"

static guint
count_notifies (HuUndo *undo)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (undo), "notifies"));
}

static void
on_can_undo (HuUndo *undo)
{
  g_object_set_data (G_OBJECT (undo), "notifies", GUINT_TO_POINTER (count_notifies (undo) + 1));
}

static void
set_params (HuScenario *scenario,
            double      params)
{
  HuInputs inputs;

  hu_inputs_init (&inputs);
  hu_inputs_copy (hu_scenario_get_inputs (scenario), &inputs);
  inputs.params = params;
  hu_scenario_set_inputs (scenario, &inputs);
  hu_inputs_clear (&inputs);
}

/* Two edits of two scenarios come back newest first, each to the scenario
 * it was made to, and can-undo is announced once on and once off. */
static void
test_undo_restores_in_order (void)
{
  g_autoptr(HuProject) project = hu_project_new ();
  HuUndo *undo = hu_project_get_undo (project);
  g_autoptr(HuScenario) a = hu_scenario_new ("a", "A");
  g_autoptr(HuScenario) b = hu_scenario_new ("b", "B");
  g_autoptr(HuScenario) restored = NULL;

  g_assert_nonnull (undo);
  g_assert_false (hu_undo_get_can_undo (undo));
  g_signal_connect (undo, "notify::can-undo", G_CALLBACK (on_can_undo), NULL);

  set_params (a, 7e9);
  hu_undo_push_scenario (undo, a);        /* a was 7e9 params, named "A" */
  set_params (a, 13e9);
  hu_scenario_set_name (a, "A renamed");
  hu_undo_push_scenario (undo, b);        /* b had no params */
  set_params (b, 70e9);

  g_assert_true (hu_undo_get_can_undo (undo));
  g_assert_cmpuint (hu_undo_get_n_entries (undo), ==, 2);
  g_assert_cmpuint (count_notifies (undo), ==, 1);

  restored = hu_undo_undo (undo);
  g_assert_true (restored == b);
  g_assert_true (isnan (hu_scenario_get_inputs (b)->params));
  g_assert_cmpfloat (hu_scenario_get_inputs (a)->params, ==, 13e9);
  g_clear_object (&restored);

  restored = hu_undo_undo (undo);
  g_assert_true (restored == a);
  g_assert_cmpfloat (hu_scenario_get_inputs (a)->params, ==, 7e9);
  g_assert_cmpstr (hu_scenario_get_name (a), ==, "A");
  g_clear_object (&restored);

  g_assert_false (hu_undo_get_can_undo (undo));
  g_assert_cmpuint (count_notifies (undo), ==, 2);
  g_assert_null (hu_undo_undo (undo));
}

/* Only the newest HU_UNDO_MAX_ENTRIES (100) edits are kept: after 105
 * pushes of params 1..105, undoing everything ends at the value before the
 * sixth push, 6 - the first five are forgotten. */
static void
test_undo_is_bounded (void)
{
  g_autoptr(HuUndo) undo = hu_undo_new ();
  g_autoptr(HuScenario) scenario = hu_scenario_new ("s", "S");
  guint undone = 0;

  for (guint i = 1; i <= 105; i++)
    {
      set_params (scenario, i);
      hu_undo_push_scenario (undo, scenario);
    }
  g_assert_cmpuint (hu_undo_get_n_entries (undo), ==, 100);

  while (hu_undo_get_can_undo (undo))
    {
      g_autoptr(HuScenario) restored = hu_undo_undo (undo);
      undone++;
    }
  g_assert_cmpuint (undone, ==, 100);
  g_assert_cmpfloat (hu_scenario_get_inputs (scenario)->params, ==, 6);
}

/* A project starts with its own, empty stack: undo never reaches into a
 * project that is no longer shown. */
static void
test_undo_per_project (void)
{
  g_autoptr(HuProject) first = hu_project_new ();
  g_autoptr(HuProject) second = hu_project_new ();
  g_autoptr(HuScenario) scenario = hu_scenario_new ("s", "S");

  hu_undo_push_scenario (hu_project_get_undo (first), scenario);
  g_assert_true (hu_undo_get_can_undo (hu_project_get_undo (first)));
  g_assert_false (hu_undo_get_can_undo (hu_project_get_undo (second)));
  hu_undo_clear (hu_project_get_undo (first));
  g_assert_false (hu_undo_get_can_undo (hu_project_get_undo (first)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/huella/undo/restores-in-order", test_undo_restores_in_order);
  g_test_add_func ("/huella/undo/is-bounded", test_undo_is_bounded);
  g_test_add_func ("/huella/undo/per-project", test_undo_per_project);

  return g_test_run ();
}
