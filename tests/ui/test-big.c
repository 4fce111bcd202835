/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>

#include "hu-application.h"
#include "hu-chart-view.h"
#include "hu-comparison-view.h"
#include "hu-scenario-row.h"
#include "hu-window.h"
#include "test-helpers.h"
#include "ui-test-helpers.h"

/* Big projects: counters, not clocks (the times are in bench/). */

#define N_RUNS 1000

/* A CodeCarbon 2.x log of @n runs, one line each: run i lasted i + 1
 * seconds and consumed (i + 1) × 0.001 kWh, so the last run, i = n − 1,
 * consumed n × 0.001 kWh. */
static char *
write_big_log (guint n)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "big", NULL);
  char *path = g_build_filename (dir, "emissions.csv", NULL);
  g_autoptr(GString) text = g_string_new ("timestamp,project_name,run_id,duration,emissions,"
                                          "emissions_rate,cpu_power,gpu_power,ram_power,"
                                          "cpu_energy,gpu_energy,ram_energy,energy_consumed,"
                                          "country_name,country_iso_code,region,"
                                          "cloud_provider,cloud_region,os,python_version,"
                                          "cpu_count,cpu_model,gpu_count,gpu_model,longitude,"
                                          "latitude,ram_total_size,tracking_mode,on_cloud\n");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      char energy[G_ASCII_DTOSTR_BUF_SIZE];
      char emissions[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (energy, sizeof energy, (i + 1) * 0.001);
      g_ascii_dtostr (emissions, sizeof emissions, (i + 1) * 0.0004);
      g_string_append_printf (text,
                              "2023-05-01T10:%02u:%02u,big,%08x-0000-4000-8000-000000000000,"
                              "%u,%s,0.0001,10,0,5,0,0,0,%s,France,FRA,,,,Linux,3.10,8,"
                              "Intel,,,2.35,48.85,16,machine,N\n",
                              (i / 60) % 60, i % 60, i, i + 1, emissions, energy);
    }
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  return path;
}

/* The table's own scroll bar, beside it in a box (a scrolled window's
 * scroll bars are the scrolled window's children). */
static gboolean
is_table_scrollbar (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_SCROLLBAR (widget) && GTK_IS_BOX (gtk_widget_get_parent (widget));
}

/* @view's table controller of @type that runs in the capture phase (the
 * column view's own ones run in the bubble phase). */
static GtkEventController *
table_controller (HuComparisonView *view,
                  GType             type)
{
  GtkWidget *table = GTK_WIDGET (hu_comparison_view_get_column_view (view));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (table);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        return controller;   /* the widget keeps it */
    }
  g_assert_not_reached ();
}

static gboolean
send_wheel (HuComparisonView *view,
            double            dy)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (table_controller (view, GTK_TYPE_EVENT_CONTROLLER_SCROLL),
                         "scroll", 0.0, dy, &handled);
  iterate (50);
  return handled;
}

static void
send_key (HuComparisonView *view,
          guint             keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (table_controller (view, GTK_TYPE_EVENT_CONTROLLER_KEY),
                         "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
  iterate (50);
}

static void
count_items_changed (guint *count)
{
  (*count)++;
}

/* A thousand runs come in as one change of the comparison, the sidebar
 * makes rows only for what is on screen, and every run can be reached:
 * selecting the last one shows it in the run view. */
static void
test_import_thousand (void)
{
  HuWindow *window = new_window (FALSE);
  g_autofree char *path = write_big_log (N_RUNS);
  const char *paths[] = { path, NULL };
  GListModel *model = G_LIST_MODEL (hu_window_get_comparison_model (window));
  guint changes = 0;
  guint rows_before = hu_scenario_row_get_n_updates ();
  HuResult *last;
  gint64 start;

  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (count_items_changed), &changes);
  start = g_get_monotonic_time ();
  hu_window_import_paths (window, paths);
  WAIT_UNTIL (g_list_model_get_n_items (model) >= N_RUNS, 120);
  g_test_message ("%u runs in the comparison after %.2f s", g_list_model_get_n_items (model),
                  (g_get_monotonic_time () - start) / 1e6);
  iterate (200);
  g_signal_handlers_disconnect_by_data (model, &changes);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_RUNS);
  g_assert_cmpuint (changes, ==, 1);
  /* At 800 px a screenful is a dozen rows; GTK 4.8's list view keeps up
   * to about 200 rows bound around them, whatever the list's length. One
   * row per run would be a thousand. */
  g_assert_cmpuint (hu_scenario_row_get_n_updates () - rows_before, <, N_RUNS / 4);

  /* The last run, i = 999: 1000 × 0.001 kWh = 1 kWh. */
  hu_window_select_result (window, N_RUNS - 1);
  iterate (200);
  last = result_at (window, N_RUNS - 1);
  g_assert_true (hu_window_get_selected_result (window) == last);
  assert_rel (hu_result_get_metric (last, HU_METRIC_ENERGY_KWH), 1.0, 1e-12);
  g_assert_true (hu_run_view_get_result (hu_window_get_run_view (window)) == last);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (hu_window_get_run_view (window))));

  /* The chart shows the 29 largest runs, i = 999 down to 971, and one bar
   * for the other 971: (1 + 2 + … + 971) × 0.001 kWh
   * = 971 × 972 / 2 × 0.001 = 471.906 kWh. */
  {
    HuComparisonView *view = hu_window_get_comparison_view (window);
    guint bound = hu_list_pager_get_n_rows_bound (hu_comparison_view_get_pager (view));
    HuChart *chart;

    hu_comparison_view_set_metric (view, HU_METRIC_ENERGY_KWH);
    hu_window_show_page (window, "compare");
    iterate (300);
    /* The table binds the rows it shows, a page of 12, not the ~200 a
     * GTK 4.8 list view builds nor one per run. */
    g_assert_cmpuint (hu_list_pager_get_n_rows_bound (hu_comparison_view_get_pager (view)) - bound,
                      <=, 12);
    chart = hu_chart_view_get_chart (hu_comparison_view_get_chart_view (view));
    g_assert_nonnull (chart);
    g_assert_cmpuint (hu_chart_get_n_categories (chart), ==, 30);
    assert_rel (hu_chart_get_value (chart, 0, 0), 1.0, 1e-12);
    assert_rel (hu_chart_get_value (chart, 0, 28), 0.971 + 0.001, 1e-12);
    g_assert_cmpstr (hu_chart_get_category_label (chart, 29), ==, "971 others");
    assert_rel (hu_chart_get_value (chart, 0, 29), 471.906, 1e-9);

    /* Every row can be reached: the table's scroll bar at its end shows
     * the last run (unsorted, the rows keep the comparison's order), and
     * scrolling there binds a page of rows again, not all in between. */
    {
      GtkWidget *scrollbar = find_widget (GTK_WIDGET (view), is_table_scrollbar, NULL);
      GtkAdjustment *adjustment;
      GListModel *page;
      g_autoptr(HuResult) shown = NULL;

      g_assert_nonnull (scrollbar);
      g_assert_true (gtk_widget_get_visible (scrollbar));
      adjustment = gtk_scrollbar_get_adjustment (GTK_SCROLLBAR (scrollbar));
      assert_rel (gtk_adjustment_get_upper (adjustment), N_RUNS, 1e-12);
      bound = hu_list_pager_get_n_rows_bound (hu_comparison_view_get_pager (view));
      gtk_adjustment_set_value (adjustment, N_RUNS);
      iterate (300);
      g_assert_cmpuint (hu_list_pager_get_n_rows_bound (hu_comparison_view_get_pager (view)) - bound,
                        <=, 12);
      page = G_LIST_MODEL (gtk_column_view_get_model (hu_comparison_view_get_column_view (view)));
      g_assert_cmpuint (g_list_model_get_n_items (page), ==, 12);
      shown = g_list_model_get_item (page, 11);
      g_assert_true (shown == last);

      /* Home and End take the keyboard to the first and last rows of
       * all, not of the page shown: 1,000 − 12 = 988 is the last page. */
      send_key (view, GDK_KEY_Home);
      assert_rel (gtk_adjustment_get_value (adjustment), 0, 1e-12);
      send_key (view, GDK_KEY_End);
      assert_rel (gtk_adjustment_get_value (adjustment), N_RUNS - 12, 1e-12);

      /* The wheel over the table: at 1200 × 800 the table (12 rows of
       * up to four lines) is taller than the page shows, so the page
       * scrolls first, until the table's end is in view (or the page's
       * end); only then do the rows move, three a click; and back up at
       * their first row, the page scrolls again. Had the rows taken the
       * wheel first, the page below the table could not be reached. */
      {
        GtkWidget *page_window = adw_bin_get_child (ADW_BIN (view));
        GtkAdjustment *outer = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page_window));
        graphene_rect_t bar;
        double page_at;

        gtk_adjustment_set_value (adjustment, 0);
        gtk_adjustment_set_value (outer, 0);
        iterate (50);
        for (guint i = 0; i < 100 && gtk_adjustment_get_value (adjustment) == 0; i++)
          g_assert_true (send_wheel (view, 1));
        assert_rel (gtk_adjustment_get_value (adjustment), 3, 1e-12);
        page_at = gtk_adjustment_get_value (outer);
        g_assert_cmpfloat (page_at, >, 0);
        /* The table's end, its scroll bar's, is then within the page. */
        g_assert_true (gtk_widget_compute_bounds (scrollbar, page_window, &bar));
        g_assert_cmpfloat (bar.origin.y + bar.size.height, <=, gtk_widget_get_height (page_window) + 1);

        g_assert_true (send_wheel (view, 1));
        assert_rel (gtk_adjustment_get_value (adjustment), 6, 1e-12);
        assert_rel (gtk_adjustment_get_value (outer), page_at, 1e-9);
        /* Up: the page first, to the table's top, then the rows. */
        g_assert_true (send_wheel (view, -1));
        g_assert_cmpfloat (gtk_adjustment_get_value (outer), <, page_at);
        assert_rel (gtk_adjustment_get_value (adjustment), 6, 1e-12);
        for (guint i = 0; i < 100 && gtk_adjustment_get_value (adjustment) > 0; i++)
          g_assert_true (send_wheel (view, -1));
        assert_rel (gtk_adjustment_get_value (adjustment), 0, 1e-12);
        /* At the first row, the page above the table. */
        page_at = gtk_adjustment_get_value (outer);
        g_assert_cmpfloat (page_at, >, 0);
        g_assert_true (send_wheel (view, -1));
        g_assert_cmpfloat (gtk_adjustment_get_value (outer), <, page_at);
      }
    }
  }

  destroy_window (window);
}

/* An edit of a scenario that is not the baseline fills in its own row
 * again and no other, and moves its own bar without building the chart
 * again. */
static void
test_rows_per_edit (void)
{
  HuWindow *window = new_window (TRUE);
  HuResult *second = result_at (window, 1);
  HuScenario *scenario = hu_result_get_scenario (second);
  HuComparisonView *view = hu_window_get_comparison_view (window);
  guint before, builds;

  g_assert_false (hu_result_get_is_baseline (second));
  hu_window_show_page (window, "compare");
  iterate (200);
  builds = hu_comparison_view_get_n_chart_builds (view);
  before = hu_scenario_row_get_n_updates ();
  EDIT_INPUTS (scenario, { HU_INPUT_COUNT, 16 });
  iterate (100);
  g_assert_cmpuint (hu_scenario_row_get_n_updates () - before, ==, 1);
  g_assert_cmpuint (hu_comparison_view_get_n_chart_builds (view), ==, builds);
  /* The bar is the row's own number, whatever the metric shown. */
  assert_rel (hu_chart_get_value (hu_chart_view_get_chart (hu_comparison_view_get_chart_view (view)),
                                  0, 1),
              hu_result_get_metric (second, hu_comparison_view_get_metric (view)), 1e-12);

  destroy_window (window);
}

static gboolean
is_sidebar (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar");
}

/* The sidebar's row (its list item, which takes the focus) that shows
 * @result, or NULL if none is built. */
static GtkWidget *
sidebar_row (GtkWidget *list,
             HuResult  *result)
{
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (row != NULL && HU_IS_SCENARIO_ROW (row) &&
          hu_scenario_row_get_result (HU_SCENARIO_ROW (row)) == result)
        return child;
    }
  return NULL;
}

/* Whether @row lies whole within the sidebar's list. */
static gboolean
shown_whole (GtkWidget *list,
             GtkWidget *row)
{
  graphene_rect_t bounds;

  if (row == NULL || !gtk_widget_get_mapped (row) ||
      !gtk_widget_compute_bounds (row, list, &bounds))
    return FALSE;
  return bounds.origin.y >= -0.5 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (list) + 0.5;
}

/* Whether the keyboard focus is on the sidebar's row of the selected
 * result, as a list's keys leave it. */
static gboolean
focus_on_selected (HuWindow  *window,
                   GtkWidget *list)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *row = sidebar_row (list, hu_window_get_selected_result (window));

  return row != NULL && focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

/* @keyval as GTK delivers it to the focused sidebar: to the pager's
 * key controller first (capture phase), then, unless it took the key, to
 * the list's own binding for it (GtkListBase's, in its class's shortcut
 * controller). */
static void
send_list_key (GtkWidget *list,
               guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);
  gboolean handled = FALSE;
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0,
                               &handled);
    }
  if (!handled)
    found = ui_test_activate_shortcut (list, keyval, 0);
  g_assert_true (handled || found);
  iterate (50);
}

/* The sidebar after a thousand runs: it binds a screenful of rows, not
 * GTK 4.8's ~200 nor one per run; a run selected from code is paged into
 * view; the keyboard reaches the first and the last run and selects them
 * as it goes, as a list's keys do. */
static void
test_sidebar_thousand (void)
{
  HuWindow *window = new_window (FALSE);
  g_autofree char *path = write_big_log (N_RUNS);
  const char *paths[] = { path, NULL };
  GListModel *model = G_LIST_MODEL (hu_window_get_comparison_model (window));
  HuListPager *pager = hu_window_get_sidebar_pager (window);
  GtkWidget *list = find_widget (GTK_WIDGET (window), is_sidebar, NULL);
  guint bound = hu_list_pager_get_n_rows_bound (pager);
  GtkWidget *first_row, *second_row;
  graphene_rect_t first, second;
  double pitch, height;
  guint screenful, n_rows, n_whole;

  g_assert_nonnull (list);
  hu_window_import_paths (window, paths);
  WAIT_UNTIL (g_list_model_get_n_items (model) >= N_RUNS, 120);
  iterate (300);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_RUNS);

  /* A screenful: the rows that show, whole or in part (by more than a
   * twentieth of a row), in the list's height at the rows' pitch (one
   * row's top to the next's): at 1200 × 800, 679 px at 46 px, 15 rows,
   * 14 of them whole. */
  first_row = sidebar_row (list, result_at (window, 0));
  second_row = sidebar_row (list, result_at (window, 1));
  g_assert_true (gtk_widget_compute_bounds (first_row, list, &first));
  g_assert_true (gtk_widget_compute_bounds (second_row, list, &second));
  pitch = second.origin.y - first.origin.y;
  height = gtk_widget_get_height (list);
  g_assert_cmpfloat (pitch, >, 0);
  screenful = (guint) ceil (height / pitch - 0.05);
  n_whole = (guint) floor (height / pitch + 0.05);
  n_rows = hu_list_pager_get_n_rows (pager);
  g_test_message ("sidebar %.0f px high, rows %.0f px apart: %u rows; %u bound during the import",
                  height, pitch, n_rows, hu_list_pager_get_n_rows_bound (pager) - bound);
  g_assert_cmpuint (n_rows, ==, screenful);
  g_assert_cmpuint (n_whole, ==, n_rows - 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pager)), ==, n_rows);
  /* Until the list is first laid out with rows its page is 16 rows (its
   * first guess, see hu-list-pager.c), and GTK 4.8 binds one of them
   * twice as it lays them out: 17 binds were measured for a screenful of
   * 15 rows. GTK's own list view would bind ~200, one per run 1,000. */
  g_assert_cmpuint (hu_list_pager_get_n_rows_bound (pager) - bound, <=, MAX (n_rows, 16) + 1);

  /* The last run selected from code (as after an import, or from the
   * run view) is paged into view, whole, and selected there. */
  bound = hu_list_pager_get_n_rows_bound (pager);
  hu_window_select_result (window, N_RUNS - 1);
  iterate (200);
  g_assert_true (hu_window_get_selected_result (window) == result_at (window, N_RUNS - 1));
  g_assert_cmpuint (hu_list_pager_get_offset (pager), ==, N_RUNS - n_whole);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (pager), n_whole - 1));
  g_assert_true (shown_whole (list, sidebar_row (list, result_at (window, N_RUNS - 1))));
  /* A new page binds its rows, not those in between. */
  g_assert_cmpuint (hu_list_pager_get_n_rows_bound (pager) - bound, <=, n_rows);

  /* Row 500, in the middle, the same. */
  hu_window_select_result (window, 500);
  iterate (200);
  g_assert_true (shown_whole (list, sidebar_row (list, result_at (window, 500))));
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (pager),
                                                  500 - hu_list_pager_get_offset (pager)));

  /* The keyboard: Home selects the first run of all, End the last, the
   * arrows past the page's edge the run beyond it, Page Down a page's
   * worth of runs further. */
  gtk_widget_grab_focus (sidebar_row (list, result_at (window, 500)));
  iterate (50);
  send_list_key (list, GDK_KEY_Home);
  g_assert_true (focus_on_selected (window, list));
  g_assert_true (hu_window_get_selected_result (window) == result_at (window, 0));
  g_assert_cmpuint (hu_list_pager_get_offset (pager), ==, 0);
  g_assert_true (shown_whole (list, sidebar_row (list, result_at (window, 0))));
  send_list_key (list, GDK_KEY_End);
  g_assert_true (hu_window_get_selected_result (window) == result_at (window, N_RUNS - 1));
  g_assert_true (shown_whole (list, sidebar_row (list, result_at (window, N_RUNS - 1))));
  g_assert_true (focus_on_selected (window, list));
  send_list_key (list, GDK_KEY_Up);
  g_assert_true (hu_window_get_selected_result (window) == result_at (window, N_RUNS - 2));
  g_assert_true (focus_on_selected (window, list));
  send_list_key (list, GDK_KEY_Home);
  for (guint i = 1; i <= n_whole + 2; i++)
    {
      send_list_key (list, GDK_KEY_Down);
      g_assert_true (hu_window_get_selected_result (window) == result_at (window, i));
      g_assert_true (shown_whole (list, sidebar_row (list, result_at (window, i))));
      g_assert_true (focus_on_selected (window, list));
    }
  /* The page has moved by 3 rows: run n_whole + 2 is its last whole row. */
  g_assert_cmpuint (hu_list_pager_get_offset (pager), ==, 3);
  /* Page Down: a page less a row further, as a text view pages. */
  send_list_key (list, GDK_KEY_Page_Down);
  g_assert_true (hu_window_get_selected_result (window) ==
                 result_at (window, n_whole + 2 + n_whole - 1));
  g_assert_true (shown_whole (list, sidebar_row (list, result_at (window, 2 * n_whole + 1))));
  g_assert_true (focus_on_selected (window, list));
  /* Up by 13, 13 and the 3 left to the first run. */
  send_list_key (list, GDK_KEY_Page_Up);
  send_list_key (list, GDK_KEY_Page_Up);
  g_assert_true (hu_window_get_selected_result (window) == result_at (window, 3));
  send_list_key (list, GDK_KEY_Page_Up);
  g_assert_true (hu_window_get_selected_result (window) == result_at (window, 0));
  g_assert_true (hu_window_get_selected_result (window) == result_at (window, 0));


  /* The context menu acts on the row under the pointer, on a page far
   * from the first: with run 710 selected from the first page, the page
   * ends at it (it starts at 710 − 14 + 1 = 697), and run 700 is its
   * fourth row. */
  hu_window_select_result (window, 710);
  iterate (100);
  g_assert_cmpuint (hu_list_pager_get_offset (pager), ==, 710 - n_whole + 1);
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);
    GtkWidget *row = sidebar_row (list, result_at (window, 700));
    graphene_rect_t bounds;

    g_assert_true (shown_whole (list, row));
    g_assert_true (gtk_widget_compute_bounds (row, list, &bounds));
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_GESTURE_CLICK (controller) &&
            gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
          g_signal_emit_by_name (controller, "pressed", 1,
                                 (double) bounds.origin.x + bounds.size.width / 2,
                                 (double) bounds.origin.y + bounds.size.height / 2);
      }
    iterate (100);
    g_assert_true (hu_window_get_selected_result (window) == result_at (window, 700));
  }

  /* Deleting it leaves run 701, now at 700, selected and shown; the page
   * holds the model's rows from its offset on. */
  {
    HuResult *next = result_at (window, 701);
    guint offset;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL);
    iterate (200);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_RUNS - 1);
    g_assert_true (hu_window_get_selected_result (window) == next);
    g_assert_true (shown_whole (list, sidebar_row (list, next)));
    offset = hu_list_pager_get_offset (pager);
    g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (pager), 700 - offset));
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pager)); i++)
      {
        g_autoptr(HuResult) shown = g_list_model_get_item (G_LIST_MODEL (pager), i);

        g_assert_true (shown == result_at (window, offset + i));
      }
  }

  destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/huella/ui/big/import-thousand", test_import_thousand);
  g_test_add_func ("/huella/ui/big/rows-per-edit", test_rows_per_edit);
  g_test_add_func ("/huella/ui/big/sidebar-thousand", test_sidebar_thousand);

  return g_test_run ();
}
