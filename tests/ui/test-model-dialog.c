/* SPDX-License-Identifier: GPL-3.0-or-later */

/* "Add a Known Model…": the dialog searches without regard to accents
 * and case, and choosing a model adds a scenario filled from Epoch AI's
 * data that says so. */

#include "config.h"

#include "ui-test-helpers.h"
#include "hu-model-dialog.h"

/* The Known Models dialog the window opened, or NULL. */
static HuModelDialog *
find_dialog (void)
{
  GtkWidget *dialog = find_toplevel (HU_TYPE_MODEL_DIALOG);

  return dialog != NULL ? HU_MODEL_DIALOG (dialog) : NULL;
}

static guint
shown_models (HuModelDialog *dialog)
{
  GtkListView *view = GTK_LIST_VIEW (find_widget (GTK_WIDGET (dialog), is_type,
                                                  GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW)));
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view)));
}

/* A Match for a label whose text ends with the string given as data. */
static gboolean
is_label_ending (GtkWidget     *widget,
                 gconstpointer  end)
{
  return GTK_IS_LABEL (widget) && g_str_has_suffix (gtk_label_get_label (GTK_LABEL (widget)), end);
}

static void
test_add_known_model (void)
{
  HuWindow *window = new_window (TRUE);
  GListModel *scenarios = G_LIST_MODEL (hu_project_get_scenarios (hu_window_get_project (window)));
  guint before = g_list_model_get_n_items (scenarios);
  g_autoptr(HuScenario) added = NULL;
  const HuInputs *in;
  HuModelDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-known-model", NULL);
  iterate (200);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  /* All 483 published runs, then only NÜWA for "nuwa". */
  g_assert_cmpuint (shown_models (dialog), ==, 483);
  hu_model_dialog_set_search (dialog, "nuwa");
  iterate (50);
  g_assert_cmpuint (shown_models (dialog), ==, 1);

  /* Enter in the search adds the selected (only) match. */
  hu_model_dialog_set_search (dialog, "GPT-3 175B");
  iterate (50);
  g_assert_cmpuint (shown_models (dialog), ==, 1);
  /* Its 10,000 GPUs: the count joins "×" and the hardware with no-break
   * spaces, so "× 8,192" never wraps to "8,192" alone (seen at 1200 px). */
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_label_ending, "\u00a0×\u00a010,000"));
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), is_type,
                                     GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY)),
                         "activate");
  iterate (200);
  g_assert_null (find_dialog ());

  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, before + 1);
  added = g_list_model_get_item (scenarios, before);
  g_assert_cmpstr (hu_scenario_get_name (added), ==, "GPT-3 175B (davinci)");
  in = hu_scenario_get_inputs (added);
  /* Epoch AI's row: 3.14e23 FLOP, 10,000 V100 at 0.1968, United States. */
  g_assert_cmpfloat (in->flops, ==, 3.14e23);
  g_assert_cmpfloat (in->count, ==, 10000);
  g_assert_cmpfloat (in->utilization, ==, 0.1968);
  g_assert_cmpstr (in->gpu, ==, "nvidia-v100-sxm2-32gb");
  g_assert_cmpstr (in->region, ==, "grid/US");
  g_assert_nonnull (in->origin);
  g_assert_cmpuint (in->origin->filled, ==, HU_MODEL_FILLED_ALL);

  destroy_window (window);
}

/* Escape closed the dialog from its list but not while typing in its
 * search, where the focus is when it opens: GtkSearchEntry's own Escape
 * binding took the key first. Escape from the search closes it too, the
 * project untouched. */
static void
test_escape_from_search (void)
{
  HuWindow *window = new_window (TRUE);
  GListModel *scenarios = G_LIST_MODEL (hu_project_get_scenarios (hu_window_get_project (window)));
  guint before = g_list_model_get_n_items (scenarios);
  HuModelDialog *dialog;
  GtkWidget *entry, *focus;

  g_assert_true (ui_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_m,
                                            GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  iterate (200);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  hu_model_dialog_set_search (dialog, "llama");
  iterate (50);

  entry = find_widget (GTK_WIDGET (dialog), is_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  g_assert_true (ui_test_press_key (GTK_WINDOW (dialog), GDK_KEY_Escape, 0));
  iterate (200);
  g_assert_null (find_dialog ());
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, before);

  destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/huella/ui/model-dialog/add", test_add_known_model);
  g_test_add_func ("/huella/ui/model-dialog/escape-from-search", test_escape_from_search);
  return g_test_run ();
}
