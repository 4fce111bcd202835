/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window at its widths (issue 10, items 9 and 10): wide, the form and
 * its results side by side, the cards in view however far the form
 * scrolls; at 360 px, one column that fits. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "hu-application.h"
#include "hu-chart-view.h"
#include "hu-window.h"
#include "test-helpers.h"
#include "ui-test-helpers.h"

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *widget,
             Match          match,
             gconstpointer  data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  name)
{
  return gtk_widget_has_css_class (widget, name);
}

/* Resizes the window and waits for it, and for the editor's move of the
 * cards, which happens in an idle after the leaflet folds or unfolds. */
static void
resize (HuWindow *window,
        int       width)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  while (gtk_widget_get_width (GTK_WIDGET (window)) != width &&
         g_get_monotonic_time () < deadline)
    iterate (50);
  iterate (300);
}

/* Whether @widget lies wholly inside the window's visible area. */
static gboolean
in_view (HuWindow  *window,
         GtkWidget *widget)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds))
    return FALSE;
  return bounds.origin.y >= 0 && bounds.origin.x >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (window)) &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (GTK_WIDGET (window));
}

/* Item 9: at 1400 px the cards and the chart of every scenario are beside
 * the form, and stay in view with the form scrolled to its last field. */
static void
test_wide_beside_results (void)
{
  HuWindow *window = new_window (TRUE);
  GtkWidget *editor = GTK_WIDGET (hu_window_get_editor (window));
  GtkWidget *page, *card;
  GtkScrolledWindow *form_scroll;
  GtkAdjustment *adjustment;
  HuChartView *chart_view;

  resize (window, 1400);
  page = find_widget (editor, is_type, GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_PAGE));
  card = find_widget (editor, has_class, "hu-result-card");
  g_assert_nonnull (page);
  g_assert_nonnull (card);

  chart_view = hu_scenario_editor_get_side_chart (HU_SCENARIO_EDITOR (editor));
  g_assert_nonnull (chart_view);
  g_assert_true (in_view (window, GTK_WIDGET (chart_view)));
  /* The example's four scenarios, a bar each. */
  g_assert_nonnull (hu_chart_view_get_chart (chart_view));
  g_assert_cmpuint (hu_chart_get_n_categories (hu_chart_view_get_chart (chart_view)), ==, 4);
  g_assert_false (gtk_widget_is_ancestor (card, page));
  g_assert_true (in_view (window, card));

  /* The form scrolled to its end: the cards have not moved away. */
  form_scroll = GTK_SCROLLED_WINDOW (find_widget (page, is_type,
                                                  GSIZE_TO_POINTER (GTK_TYPE_SCROLLED_WINDOW)));
  adjustment = gtk_scrolled_window_get_vadjustment (form_scroll);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  iterate (200);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_true (in_view (window, card));
  g_assert_true (in_view (window, GTK_WIDGET (chart_view)));

  destroy_window (window);
}

/* At 360 px the results are back on top of the form and nothing makes the
 * window wider than the screen; wide again, they go back beside it. */
static void
test_narrow_and_back (void)
{
  HuWindow *window = new_window (TRUE);
  GtkWidget *editor = GTK_WIDGET (hu_window_get_editor (window));
  GtkWidget *page, *card;

  resize (window, 1400);
  g_assert_nonnull (hu_scenario_editor_get_side_chart (HU_SCENARIO_EDITOR (editor)));

  resize (window, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, 360);
  page = find_widget (editor, is_type, GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_PAGE));
  card = find_widget (editor, has_class, "hu-result-card");
  g_assert_null (hu_scenario_editor_get_side_chart (HU_SCENARIO_EDITOR (editor)));
  g_assert_true (gtk_widget_is_ancestor (card, page));
  g_assert_cmpint (gtk_widget_get_width (editor), <=, 360);

  resize (window, 1400);
  g_assert_nonnull (hu_scenario_editor_get_side_chart (HU_SCENARIO_EDITOR (editor)));
  g_assert_false (gtk_widget_is_ancestor (card, page));

  destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/huella/ui/layout/wide-beside-results", test_wide_beside_results);
  g_test_add_func ("/huella/ui/layout/narrow-and-back", test_narrow_and_back);
  return g_test_run ();
}
