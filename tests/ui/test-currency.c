/* SPDX-License-Identifier: GPL-3.0-or-later */

/* An open project's currency, chosen where its name is edited (the
 * header bar's title): the table, the scenario's Cost card and price
 * field and the Explain page's cost step follow it, the project is
 * modified, and a save keeps it. Not undone by Undo: the project's undo
 * stack holds scenario edits only (as a rename, it is not one). */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hu-comparison-view.h"
#include "hu-currencies.h"
#include "hu-window.h"
#include "test-helpers.h"
#include "ui-test-helpers.h"

/* A Match for a mapped label whose text holds the string given as data,
 * read with its no-break spaces (Explain keeps "1.677 M" on one line)
 * as spaces. */
static gboolean
is_mapped_label_with (GtkWidget     *widget,
                      gconstpointer  text)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *plain = NULL;

  if (!GTK_IS_LABEL (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  parts = g_strsplit (gtk_label_get_text (GTK_LABEL (widget)), "\u00a0", -1);
  plain = g_strjoinv (" ", parts);
  return strstr (plain, text) != NULL;
}

/* Opens the title's popover as the main menu's item does and returns
 * its currency drop-down. */
static GtkDropDown *
open_currency (HuWindow *window)
{
  GtkWidget *button = find_widget (GTK_WIDGET (window), is_title_button, NULL);
  GtkPopover *popover;
  GtkWidget *dropdown;

  g_assert_nonnull (button);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-project", NULL));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)), 10);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  dropdown = find_widget (GTK_WIDGET (popover), is_type, GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (dropdown);
  g_assert_true (gtk_widget_get_mapped (dropdown));
  return GTK_DROP_DOWN (dropdown);
}

/* The position of @code in the drop-down's list, found by its text
 * ("EUR · Euro"), as a person searching for "EUR" finds it. */
static guint
position_of (GtkDropDown *dropdown,
             const char  *code)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  g_autofree char *prefix = g_strconcat (code, " ", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_has_prefix (gtk_string_object_get_string (item), prefix))
        return i;
    }
  g_assert_not_reached ();
}

static void
close_popover (GtkDropDown *dropdown)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (dropdown), GTK_TYPE_POPOVER);

  gtk_popover_popdown (GTK_POPOVER (popover));
  iterate (100);
}

/* The V100S row of the seed article: 3.14e23 FLOP at 130 TFLOPS and
 * full utilisation is 3.14e23 ÷ 1.3e14 ÷ 3600 = 670,940.17 GPU-h; at
 * 2.50 a GPU-hour that is 1,677,350 = "1.677 M". */
static void
test_currency_change (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "gpt3-gpus.huella", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autofree char *dir = g_dir_make_tmp ("huella-currency-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "priced.huella", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (copy);
  g_autoptr(GError) error = NULL;
  HuWindow *window = new_window (FALSE);
  HuProject *project;
  HuScenario *v100s;
  GtkDropDown *dropdown;
  HuResult *result;
  g_autofree char *cell = NULL;
  GtkWidget *label;
  guint builds;

  g_assert_true (hu_window_open_file (window, source));
  iterate (200);
  project = hu_window_get_project (window);
  g_assert_cmpstr (hu_project_get_currency (project), ==, "USD");
  v100s = g_list_model_get_item (G_LIST_MODEL (hu_project_get_scenarios (project)), 0);
  g_object_unref (v100s);   /* the project keeps it */
  EDIT_INPUTS (v100s, { HU_INPUT_PRICE, 2.5 });
  hu_project_set_modified (project, FALSE);
  iterate (100);

  /* The price's range rows open, so that their unit is on screen too. */
  {
    GtkWidget *row = find_widget (GTK_WIDGET (hu_window_get_editor (window)),
                                  is_entry_row_titled, "GPU-hour price");
    GtkWidget *toggle;

    g_assert_nonnull (row);
    toggle = find_widget (row, is_button_labelled, "±");
    g_assert_nonnull (toggle);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
    /* The range the rows open with reaches the scenario after the
     * editor's typing pause; it must land before the modified flag is
     * cleared below, or it sets it again under the sanitizers. */
    ASSERT_SOON (hu_range_is_set (hu_inputs_get_range (hu_scenario_get_inputs (v100s),
                                                       HU_INPUT_PRICE)), 10);
    iterate (100);
    /* The title says "per GPU-hour": the unit is the currency alone. */
    g_assert_nonnull (find_widget (GTK_WIDGET (hu_window_get_editor (window)),
                                   is_label_exactly, "USD"));
    /* Opening a range may write one (from the value); not what is tested. */
    hu_project_set_modified (project, FALSE);
  }

  /* The popover shows the project's code, then EUR is chosen, Compare
   * in view. */
  hu_window_show_page (window, "compare");
  iterate (200);
  dropdown = open_currency (window);
  g_assert_cmpstr (hu_currencies_get_selected (dropdown), ==, "USD");
  g_assert_false (hu_project_get_modified (project));
  builds = hu_comparison_view_get_n_chart_builds (hu_window_get_comparison_view (window));
  gtk_drop_down_set_selected (dropdown, position_of (dropdown, "EUR"));
  iterate (100);
  close_popover (dropdown);

  g_assert_cmpstr (hu_project_get_currency (project), ==, "EUR");
  g_assert_true (hu_project_get_modified (project));

  /* The Compare chart is drawn again: its axis names the currency, and
   * its bars, the same values, would not make it. */
  g_assert_cmpuint (hu_comparison_view_get_n_chart_builds (hu_window_get_comparison_view (window)),
                    ==, builds + 1);

  /* Compare hidden, a change builds no chart (it would estimate every
   * scenario for a page nobody sees); shown again, the chart is built
   * once, in the currency of then. */
  hu_window_show_page (window, "editor");
  iterate (200);
  builds = hu_comparison_view_get_n_chart_builds (hu_window_get_comparison_view (window));
  hu_project_set_currency (project, "GBP");
  iterate (100);
  g_assert_cmpuint (hu_comparison_view_get_n_chart_builds (hu_window_get_comparison_view (window)),
                    ==, builds);
  hu_project_set_currency (project, "EUR");
  hu_window_show_page (window, "compare");
  iterate (200);
  g_assert_cmpuint (hu_comparison_view_get_n_chart_builds (hu_window_get_comparison_view (window)),
                    ==, builds + 1);

  /* The table's Cost cell. */
  result = result_at (window, 0);
  g_assert_cmpstr (hu_result_get_name (result), ==, "V100S PCIe");
  cell = hu_result_format_column (result, HU_COLUMN_COST);
  g_assert_cmpstr (cell, ==, "1.677 M EUR");

  /* The scenario's Cost card. */
  hu_window_select_result (window, 0);
  hu_window_show_page (window, "editor");
  iterate (300);
  label = find_widget (GTK_WIDGET (hu_window_get_editor (window)), is_mapped_label_with,
                       "1.677 M EUR");
  g_assert_nonnull (label);
  /* The price field's unit, as the editor was told. */
  g_assert_nonnull (find_widget (GTK_WIDGET (hu_window_get_editor (window)),
                                 is_label_exactly, "EUR"));
  g_assert_null (find_widget (GTK_WIDGET (hu_window_get_editor (window)), is_mapped_label_with,
                              "USD"));

  /* Explain's cost step. */
  hu_window_show_page (window, "explain");
  iterate (300);
  label = find_widget (GTK_WIDGET (hu_window_get_derivation_view (window)),
                       is_mapped_label_with, "670.9 thousand GPU");
  g_assert_nonnull (label);
  /* "GPU-h" holds a word joiner after its hyphen. */
  label = find_widget (GTK_WIDGET (hu_window_get_derivation_view (window)),
                       is_mapped_label_with, "× 2.50 EUR/GPU");
  g_assert_nonnull (label);
  label = find_widget (GTK_WIDGET (hu_window_get_derivation_view (window)),
                       is_mapped_label_with, "1.677 M EUR");
  g_assert_nonnull (label);

  /* Saved and opened again in another window: EUR, shown as chosen. */
  g_assert_true (hu_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  destroy_window (window);

  window = new_window (FALSE);
  g_assert_true (hu_window_open_file (window, file));
  iterate (200);
  g_assert_cmpstr (hu_project_get_currency (hu_window_get_project (window)), ==, "EUR");
  g_assert_false (hu_project_get_modified (hu_window_get_project (window)));
  dropdown = open_currency (window);
  g_assert_cmpstr (hu_currencies_get_selected (dropdown), ==, "EUR");
  /* Showing the popover changed nothing. */
  g_assert_false (hu_project_get_modified (hu_window_get_project (window)));
  close_popover (dropdown);
  cell = (g_free (cell), hu_result_format_column (result_at (window, 0), HU_COLUMN_COST));
  g_assert_cmpstr (cell, ==, "1.677 M EUR");
  destroy_window (window);

  g_assert_cmpint (g_unlink (copy), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The drop-down's list (in its own popover), or NULL. */
static GtkWidget *
list_of (GtkDropDown *dropdown)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return find_widget (child, is_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW));
  return NULL;
}

/* Whether the label reading @text in @list lies wholly inside the
 * list's visible part. */
static gboolean
row_in_view (GtkWidget  *list,
             const char *text)
{
  GtkWidget *label = find_widget (list, is_label_exactly, text);
  graphene_rect_t bounds;

  if (label == NULL || !gtk_widget_get_mapped (label) ||
      !gtk_widget_compute_bounds (label, list, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (list);
}

/* The list of 159 currencies opens on the one chosen: GTK 4.8's opened
 * at AED, with USD (143rd) and GBP out of sight below. */
static void
test_list_opens_on_choice (void)
{
  HuWindow *window = new_window (TRUE);
  GtkDropDown *dropdown = open_currency (window);
  GtkWidget *list;

  g_assert_cmpstr (hu_currencies_get_selected (dropdown), ==, "USD");
  g_assert_true (gtk_widget_activate (GTK_WIDGET (dropdown)));
  list = list_of (dropdown);
  g_assert_nonnull (list);
  ASSERT_SOON (gtk_widget_get_mapped (list) && row_in_view (list, "USD · US Dollar"), 20);
  g_assert_false (row_in_view (list, "AED · UAE Dirham"));
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (list, GTK_TYPE_POPOVER)));
  iterate (100);

  /* Chosen elsewhere, the list opens there next time. */
  hu_currencies_select (dropdown, "AED");
  g_assert_true (gtk_widget_activate (GTK_WIDGET (dropdown)));
  ASSERT_SOON (gtk_widget_get_mapped (list) && row_in_view (list, "AED · UAE Dirham"), 20);
  g_assert_false (row_in_view (list, "USD · US Dollar"));
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (list, GTK_TYPE_POPOVER)));
  close_popover (dropdown);
  destroy_window (window);
}

/* A project may name a well-formed code the list lacks (withdrawn
 * since, or newer): the drop-down shows that code, never "(None)", and
 * showing it changes nothing, neither the code nor the modified flag
 * (the list once passed through its first entry, AED, on the way). */
static void
test_unlisted_code (void)
{
  g_autofree char *path = NULL;
  HuWindow *window = open_written_project ("xbt.huella",
                                           "{\"format\": \"huella-project\", \"format-version\": 1,"
                                           " \"currency\": \"XBT\", \"scenarios\": [{\"id\": \"a\","
                                           " \"gpu_hours\": 100, \"power_w\": 300, \"pue\": 1,"
                                           " \"intensity\": 400, \"price\": 2}]}", &path);
  GtkDropDown *dropdown;
  HuProject *project;

  project = hu_window_get_project (window);
  g_assert_false (hu_project_get_modified (project));

  dropdown = open_currency (window);
  g_assert_cmpstr (hu_currencies_get_selected (dropdown), ==, "XBT");
  g_assert_nonnull (find_widget (GTK_WIDGET (dropdown), is_label_exactly, "XBT"));
  g_assert_cmpstr (hu_project_get_currency (project), ==, "XBT");
  g_assert_false (hu_project_get_modified (project));

  /* A listed code chosen, the unlisted one leaves the list. */
  gtk_drop_down_set_selected (dropdown, position_of (dropdown, "EUR"));
  iterate (50);
  g_assert_cmpstr (hu_project_get_currency (project), ==, "EUR");
  g_assert_true (hu_project_get_modified (project));
  hu_currencies_select (dropdown, "EUR");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==,
                    position_of (dropdown, "ZWL") + 1);
  close_popover (dropdown);

  destroy_window (window);
  remove_written_project (path);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

/* hu_currencies_select() changes the selection once, to the code asked
 * for, whatever the list held: a handler applying choices sees no other.
 * The codes come one after another: none selected, an unlisted one
 * joining, a second unlisted one replacing it, a listed one. */
static void
test_select_changes_once (void)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (g_object_ref_sink (gtk_drop_down_new (NULL, NULL)));
  const char *codes[] = { "XBT", "XTS", "EUR" };
  guint n_listed, count = 0;

  hu_currencies_fill_drop_down (dropdown, NULL);
  n_listed = g_list_model_get_n_items (gtk_drop_down_get_model (dropdown));
  g_assert_null (hu_currencies_get_selected (dropdown));
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (count_notify), &count);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      count = 0;
      hu_currencies_select (dropdown, codes[i]);
      g_assert_cmpuint (count, ==, 1);
      g_assert_cmpstr (hu_currencies_get_selected (dropdown), ==, codes[i]);
    }
  /* The unlisted codes have left; the list is as filled. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, n_listed);
  g_object_unref (dropdown);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/huella/ui/currency/change", test_currency_change);
  g_test_add_func ("/huella/ui/currency/list-opens-on-choice", test_list_opens_on_choice);
  g_test_add_func ("/huella/ui/currency/unlisted-code", test_unlisted_code);
  g_test_add_func ("/huella/ui/currency/select-changes-once", test_select_changes_once);
  return g_test_run ();
}
