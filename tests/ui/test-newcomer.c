/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What a newcomer meets (issue 10): messages that read as sentences. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "hu-application.h"
#include "hu-chart-view.h"
#include "hu-comparison-view.h"
#include "hu-scenario-editor.h"
#include "hu-window.h"
#include "test-helpers.h"
#include "ui-test-helpers.h"

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

/* Item 18: "“abc” is not a number. The results are from the last valid
 * inputs." — two sentences, not one run-on. */
static void
test_status_sentence (void)
{
  HuWindow *window = new_window (TRUE);
  GtkWidget *editor = GTK_WIDGET (hu_window_get_editor (window));
  GtkWidget *power, *status;
  const char *text;

  hu_window_select_result (window, 0);
  iterate (100);
  power = find_widget (editor, is_entry_row_titled, "Mean power per accelerator");
  g_assert_nonnull (power);
  gtk_editable_set_text (GTK_EDITABLE (power), "abc");
  iterate (300);

  status = find_widget (editor, is_label_containing, "The results are from the last valid inputs.");
  g_assert_nonnull (status);
  text = gtk_label_get_label (GTK_LABEL (status));
  g_assert_nonnull (strstr (text, "is not a number. The results"));
  g_assert_null (strstr (text, "number The results"));

  destroy_window (window);
}

/* Item 8: the baseline drop-down follows a rename, and the in-app chart
 * marks the baseline as the report's does. */
static void
test_baseline_name_and_mark (void)
{
  HuWindow *window = new_window (TRUE);
  HuComparisonView *view = hu_window_get_comparison_view (window);
  HuComparisonModel *model = hu_window_get_comparison_model (window);
  HuScenario *first;
  HuChart *chart;
  g_autofree char *text = NULL;
  g_autofree char *renamed_text = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "compare"));
  iterate (300);
  first = hu_result_get_scenario (hu_comparison_model_get_baseline (model));
  g_assert_nonnull (first);

  /* The report marks "V100S PCIe (baseline)"; so does the app's chart. */
  chart = hu_chart_view_get_chart (hu_comparison_view_get_chart_view (view));
  g_assert_nonnull (chart);
  text = hu_chart_accessible_text (chart);
  {
    g_autofree char *mark = g_strdup_printf ("%s (baseline):", hu_scenario_get_name (first));
    g_assert_nonnull (strstr (text, mark));
  }

  /* Renamed, the baseline shows its new name in the drop-down and chart. */
  hu_scenario_set_name (first, "Reference run");
  iterate (300);
  g_assert_nonnull (find_widget (GTK_WIDGET (view), is_label_exactly, "Reference run"));
  chart = hu_chart_view_get_chart (hu_comparison_view_get_chart_view (view));
  renamed_text = hu_chart_accessible_text (chart);
  g_assert_nonnull (strstr (renamed_text, "Reference run (baseline):"));

  destroy_window (window);
}

/* Whether @chart marks its one bar as the baseline, in its drawing and
 * in its text, under @name. */
static void
assert_lone_bar_marked (HuChart    *chart,
                        const char *name)
{
  g_autofree char *text = NULL;
  g_autofree char *mark = g_strdup_printf ("%s (baseline):", name);

  g_assert_nonnull (chart);
  g_assert_cmpuint (hu_chart_get_n_categories (chart), ==, 1);
  g_assert_true (hu_chart_get_category_highlight (chart, 0));
  text = hu_chart_accessible_text (chart);
  g_assert_nonnull (strstr (text, mark));
}

/* Issue 10's newcomer: with one scenario left, its bar in the editor's
 * side chart was not marked as the baseline, while with several the
 * baseline's is, as in the report. A lone scenario is the baseline: its
 * bar is marked, beside the form and on the Compare page. */
static void
test_lone_baseline_marked (void)
{
  HuWindow *window = new_window (TRUE);
  HuComparisonModel *model = hu_window_get_comparison_model (window);
  GListStore *scenarios = hu_project_get_scenarios (hu_window_get_project (window));
  HuScenarioEditor *editor = hu_window_get_editor (window);
  HuScenario *lone;

  /* Wide enough for the chart beside the form. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (window)) == 1400, 10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (scenarios)), >, 1);
  while (g_list_model_get_n_items (G_LIST_MODEL (scenarios)) > 1)
    g_list_store_remove (scenarios, 1);
  lone = g_list_model_get_item (G_LIST_MODEL (scenarios), 0);
  g_object_unref (lone);   /* the project keeps it */
  hu_window_show_page (window, "editor");
  WAIT_UNTIL (hu_scenario_editor_get_side_chart (editor) != NULL &&
              hu_chart_view_get_chart (hu_scenario_editor_get_side_chart (editor)) != NULL &&
              hu_chart_get_n_categories (hu_chart_view_get_chart (hu_scenario_editor_get_side_chart (editor))) == 1,
              10);
  iterate (200);

  g_assert_true (hu_result_get_scenario (hu_comparison_model_get_baseline (model)) == lone);
  assert_lone_bar_marked (hu_chart_view_get_chart (hu_scenario_editor_get_side_chart (editor)),
                          hu_scenario_get_name (lone));

  hu_window_show_page (window, "compare");
  iterate (300);
  assert_lone_bar_marked (hu_chart_view_get_chart (hu_comparison_view_get_chart_view (hu_window_get_comparison_view (window))),
                          hu_scenario_get_name (lone));

  destroy_window (window);
}

/* Deleting two scenarios one after the other: one toast, naming the
 * second, whose Undo brings the second back. The first's toast, whose
 * Undo would bring back the second (Undo undoes the last deletion), does
 * not wait its turn: four deletions showed four toasts, one after
 * another, the first three naming scenarios their Undo left deleted. */
static void
test_delete_toasts (void)
{
  HuWindow *window = new_window (TRUE);
  GListStore *scenarios = hu_project_get_scenarios (hu_window_get_project (window));
  g_auto(GStrv) titles = g_new0 (char *, 3);
  g_autofree char *second_name = NULL;
  GtkWidget *undo;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(HuScenario) scenario = g_list_model_get_item (G_LIST_MODEL (scenarios), 0);

      titles[i] = g_strdup_printf ("“%s” deleted", hu_scenario_get_name (scenario));
      if (i == 1)
        second_name = g_strdup (hu_scenario_get_name (scenario));
      hu_window_select_result (window, 0);
      iterate (30);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
      iterate (30);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (scenarios)), ==, 2);

  /* Well before a toast's 5 s are up, the second shows and the first
   * has gone (its fade-out and the second's slide take 600 ms of
   * animation; under the sanitizers each frame can take far longer). */
  WAIT_UNTIL (find_widget (GTK_WIDGET (window), is_label_containing, titles[0]) == NULL &&
              find_widget (GTK_WIDGET (window), is_label_containing, titles[1]) != NULL, 4);
  g_assert_null (find_widget (GTK_WIDGET (window), is_label_containing, titles[0]));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_containing, titles[1]));

  /* Undo brings back what the toast names, and the first toast does not
   * come after it. */
  undo = find_widget (GTK_WIDGET (window), is_button_labelled, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (scenarios)), ==, 3);
  {
    g_autoptr(HuScenario) back = g_list_model_get_item (G_LIST_MODEL (scenarios), 0);

    g_assert_cmpstr (hu_scenario_get_name (back), ==, second_name);
  }
  iterate (1000);
  g_assert_null (find_widget (GTK_WIDGET (window), is_label_containing, titles[0]));

  destroy_window (window);
}

static gboolean
is_status_page (GtkWidget     *widget,
                gconstpointer  data)
{
  return ADW_IS_STATUS_PAGE (widget);
}

/* Item 7: after the last scenario goes, a status page offers "New
 * scenario" and "Import runs" instead of an editor of nothing. */
static void
test_empty_state (void)
{
  HuWindow *window = new_window (TRUE);
  GListStore *scenarios = hu_project_get_scenarios (hu_window_get_project (window));
  GtkWidget *status, *editor = GTK_WIDGET (hu_window_get_editor (window));

  status = find_widget (GTK_WIDGET (window), is_status_page, NULL);
  g_assert_nonnull (status);
  g_assert_false (gtk_widget_get_mapped (status));
  g_assert_true (gtk_widget_get_mapped (editor));

  while (g_list_model_get_n_items (G_LIST_MODEL (scenarios)) > 0)
    {
      hu_window_select_result (window, 0);
      iterate (30);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
      iterate (30);
    }
  iterate (200);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_false (gtk_widget_get_mapped (editor));
  /* Nothing is selected, and the header bar names no deleted scenario
   * (it kept the last one's name). */
  g_assert_null (hu_window_get_selected_result (window));
  g_assert_cmpstr (adw_view_switcher_title_get_title (ADW_VIEW_SWITCHER_TITLE (
                     find_widget (GTK_WIDGET (window), is_type,
                                  GSIZE_TO_POINTER (ADW_TYPE_VIEW_SWITCHER_TITLE)))), ==, "Huella");
  g_assert_nonnull (find_widget (status, is_button_labelled, "_Import Runs…"));

  /* "New Scenario" starts over. */
  g_signal_emit_by_name (find_widget (status, is_button_labelled, "_New Scenario"), "clicked");
  iterate (200);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (scenarios)), ==, 1);
  g_assert_false (gtk_widget_get_mapped (status));

  destroy_window (window);
}

/* At 360 px the last scenario is deleted from the sidebar, which then
 * showed an empty list and nothing else: the status page comes forward. */
static void
test_empty_state_narrow (void)
{
  HuWindow *window = new_window (TRUE);
  GListStore *scenarios = hu_project_get_scenarios (hu_window_get_project (window));
  GtkWidget *leaflet = find_widget (GTK_WIDGET (window), is_type, GSIZE_TO_POINTER (ADW_TYPE_LEAFLET));
  GtkWidget *status = find_widget (GTK_WIDGET (window), is_status_page, NULL);

  g_assert_nonnull (leaflet);
  g_assert_nonnull (status);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (window)) == 360, 10);
  iterate (300);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));

  while (g_list_model_get_n_items (G_LIST_MODEL (scenarios)) > 0)
    {
      hu_window_select_result (window, 0);
      iterate (30);
      /* Back to the list, where a phone user deletes. */
      adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_BACK);
      iterate (30);
      g_assert_false (gtk_widget_is_ancestor (status, adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet))));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
      iterate (30);
    }
  iterate (300);
  g_assert_true (gtk_widget_is_ancestor (status, adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet))));
  g_assert_true (gtk_widget_get_mapped (status));

  /* Once there, the user may go back to the (empty) list and its menu. */
  adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_BACK);
  iterate (300);
  g_assert_false (gtk_widget_is_ancestor (status, adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet))));

  destroy_window (window);
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

/* Item 16: the accessible tree a screen reader walks. */
static void
test_accessible_tree (void)
{
  HuWindow *window = new_window (TRUE);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  const char *pages[] = { "editor", "compare", "what-if", "explain" };
  guint named = 0;

  hu_window_select_result (window, 0);
  iterate (100);

  /* Result cards are output: no tab stops, each named by its number and
   * caption. */
  collect (GTK_WIDGET (hu_window_get_editor (window)), GTK_TYPE_FLOW_BOX_CHILD, cards);
  g_assert_cmpuint (cards->len, >=, 5);
  for (guint i = 0; i < cards->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (cards, i);

      g_assert_false (gtk_widget_get_focusable (card));
      for (GtkWidget *w = gtk_widget_get_first_child (card); w != NULL; w = gtk_widget_get_first_child (w))
        g_assert_false (gtk_widget_get_focusable (w) && GTK_IS_LABEL (w));
      gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (card),
                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                           gtk_widget_get_first_child (gtk_widget_get_first_child (card)),
                                           gtk_widget_get_last_child (gtk_widget_get_first_child (card)),
                                           NULL);
    }

  /* Every drop-down's button has a name, not "GtkToggleButton". */
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[p]));
      iterate (200);
    }
  collect (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, drop_downs);
  g_assert_cmpuint (drop_downs->len, >=, 8);
  for (guint i = 0; i < drop_downs->len; i++)
    for (GtkWidget *c = gtk_widget_get_first_child (g_ptr_array_index (drop_downs, i)); c != NULL;
         c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_TOGGLE_BUTTON (c))
        {
          g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (c),
                                                       GTK_ACCESSIBLE_ROLE_BUTTON));
          g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (c),
                                                           GTK_ACCESSIBLE_PROPERTY_LABEL));
          named++;
        }
  g_assert_cmpuint (named, ==, drop_downs->len);

  /* The import's Cancel is named once and hidden while nothing imports. */
  collect (GTK_WIDGET (window), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), "win.cancel-import") != 0)
        continue;
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           "Cancel Import");
      g_assert_false (gtk_widget_is_visible (button));
    }

  destroy_window (window);
}

/* Issue 10 item 13: a field left empty shows the value used instead as
 * every other view writes its kind. The V100S scenario moved to Seeweb's
 * Frosinone 2 with its PUE and power left to the catalog: the region's
 * PUE 1.2 reads "default 1.20" (two decimals, as Explain's "× 1.20"),
 * never "default 1.2"; the V100S PCIe 32GB's TDP of 250 W, "default
 * 250 W" ("default" on a line of its own, so that the field's title
 * keeps its room on a phone). */
static void
test_default_hints (void)
{
  HuWindow *window = new_window (TRUE);
  GtkWidget *editor = GTK_WIDGET (hu_window_get_editor (window));
  HuScenario *scenario;
  HuInputs inputs;

  hu_window_select_result (window, 0);
  iterate (100);
  scenario = hu_result_get_scenario (hu_window_get_selected_result (window));
  hu_inputs_init (&inputs);
  hu_inputs_copy (hu_scenario_get_inputs (scenario), &inputs);
  g_free (inputs.region);
  inputs.region = g_strdup ("seeweb/fro2");
  inputs.intensity = NAN;
  hu_scenario_set_inputs (scenario, &inputs);
  hu_inputs_clear (&inputs);
  iterate (100);
  /* As the user empties them. */
  gtk_editable_set_text (GTK_EDITABLE (find_widget (editor, is_entry_row_titled,
                                                    "PUE of the data centre")), "");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (editor, is_entry_row_titled,
                                                    "Mean power per accelerator")), "");
  iterate (300);

  g_assert_nonnull (find_widget (editor, is_label_containing, "default\n1.20"));
  g_assert_nonnull (find_widget (editor, is_label_containing, "default\n250 W"));

  destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/huella/ui/newcomer/status-sentence", test_status_sentence);
  g_test_add_func ("/huella/ui/newcomer/baseline", test_baseline_name_and_mark);
  g_test_add_func ("/huella/ui/newcomer/lone-baseline", test_lone_baseline_marked);
  g_test_add_func ("/huella/ui/newcomer/delete-toasts", test_delete_toasts);
  g_test_add_func ("/huella/ui/newcomer/empty-state", test_empty_state);
  g_test_add_func ("/huella/ui/newcomer/empty-state-narrow", test_empty_state_narrow);
  g_test_add_func ("/huella/ui/newcomer/accessible-tree", test_accessible_tree);
  g_test_add_func ("/huella/ui/newcomer/default-hints", test_default_hints);
  return g_test_run ();
}
