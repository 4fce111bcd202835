/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuScenarioEditor"

#include "config.h"

#include <glib/gi18n.h>

#include "hu-chart-view.h"
#include "hu-comparison-chart.h"
#include "hu-scenario-editor-private.h"
#include "hu-widgets.h"

/* Edit and see at once (issue 10, item 9), as the Green Algorithms
 * calculator does: when the editor is wide enough, the result cards leave
 * the top of the form for a pane beside it, with the comparison's chart
 * under them. The pane does not scroll with the form, so the cards stay
 * in view while lower fields are edited. Narrow, the cards are back on top
 * of the form and the pane is gone.
 *
 * libadwaita 1.2 has no breakpoints: an AdwLeaflet holds the form and the
 * pane and folds to the form alone when both do not fit, and the cards
 * follow its "folded" in an idle, never while GTK allocates. Folded, the
 * leaflet asks only for the form's width, so a 360 px window still fits.
 * The pane's width makes the leaflet unfold from about 700 px of editor,
 * which a 1100 px window gives beside the sidebar. */
#define SIDE_WIDTH_PX  330
#define CHART_METRIC   HU_METRIC_TOTAL_KG

typedef struct {
  HuScenarioEditor  *editor;      /* unowned: the layout is the editor's data */
  gboolean           wide;
  guint              switch_source;
  AdwLeaflet        *leaflet;
  GtkWidget         *side;        /* the pane */
  GtkWidget         *separator;
  GtkBox            *side_box;
  HuChartView       *chart_view;
  HuChart           *chart;
  GHashTable        *categories;  /* HuResult → its bar + 1 */
  HuComparisonModel *model;
  guint              chart_source;
} Layout;

static void
layout_free (Layout *layout)
{
  g_clear_handle_id (&layout->switch_source, g_source_remove);
  g_clear_handle_id (&layout->chart_source, g_source_remove);
  if (layout->model != NULL)
    g_signal_handlers_disconnect_by_data (layout->model, layout);
  g_clear_object (&layout->model);
  g_clear_object (&layout->chart);
  g_clear_pointer (&layout->categories, g_hash_table_unref);
  g_free (layout);
}

static Layout *
get_layout (HuScenarioEditor *self)
{
  Layout *layout = g_object_get_data (G_OBJECT (self), "hu-layout");

  if (layout == NULL)
    {
      layout = g_new0 (Layout, 1);
      layout->editor = self;
      layout->categories = g_hash_table_new (NULL, NULL);
      /* Freed with the editor, which removes the pending sources first. */
      g_object_set_data_full (G_OBJECT (self), "hu-layout", layout,
                              (GDestroyNotify) layout_free);
    }
  return layout;
}

static GtkWidget *
template_child (HuScenarioEditor *self,
                const char       *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), HU_TYPE_SCENARIO_EDITOR,
                                                    name));
}

static gboolean
build_chart (gpointer data)
{
  Layout *layout = data;
  HuProject *project;
  guint n_others = 0;

  layout->chart_source = 0;
  if (!layout->wide || layout->model == NULL || layout->chart_view == NULL)
    return G_SOURCE_REMOVE;

  project = hu_comparison_model_get_project (layout->model);
  g_clear_object (&layout->chart);
  layout->chart = hu_comparison_chart_new (G_LIST_MODEL (layout->model), CHART_METRIC,
                                           hu_project_get_currency (project),
                                           layout->categories, &n_others, NULL);
  hu_chart_view_set_chart (layout->chart_view, layout->chart);
  return G_SOURCE_REMOVE;
}

static void
queue_chart (Layout *layout)
{
  if (layout->wide && layout->chart_source == 0)
    layout->chart_source = g_idle_add (build_chart, layout);
}

/* One edit moves one bar, as on the Compare page: nothing is rebuilt. */
static void
on_row_changed (Layout   *layout,
                HuResult *row)
{
  if (!layout->wide)
    return;
  if (layout->chart != NULL && layout->chart_source == 0 &&
      hu_comparison_chart_update_row (layout->chart, row, CHART_METRIC, layout->categories))
    {
      gtk_widget_queue_draw (GTK_WIDGET (layout->chart_view));
      return;
    }
  queue_chart (layout);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
build_side (Layout *layout)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *side_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *chart_heading;

  layout->separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, SIDE_WIDTH_PX, -1);
  gtk_widget_set_hexpand (scrolled, FALSE);
  gtk_widget_add_css_class (layout->separator, "sidebar");
  gtk_widget_add_css_class (scrolled, "hu-results-pane");
  gtk_widget_set_margin_top (side_box, 24);
  gtk_widget_set_margin_bottom (side_box, 24);
  gtk_widget_set_margin_start (side_box, 12);
  gtk_widget_set_margin_end (side_box, 12);

  gtk_box_append (GTK_BOX (side_box), heading (_("Results")));
  /* The cards come here when the editor is wide (see set_wide()). */
  /* Translators: above the chart of every scenario beside the form */
  chart_heading = heading (_("All Scenarios"));
  gtk_widget_set_margin_top (chart_heading, 12);
  gtk_box_append (GTK_BOX (side_box), chart_heading);
  layout->chart_view = HU_CHART_VIEW (hu_chart_view_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (layout->chart_view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (layout->chart_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart of every scenario’s CO₂eq"), -1);
  gtk_box_append (GTK_BOX (side_box), GTK_WIDGET (layout->chart_view));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), side_box);
  /* Never navigated to: folded, the leaflet shows the form only. */
  adw_leaflet_page_set_navigatable (adw_leaflet_append (layout->leaflet, layout->separator), FALSE);
  adw_leaflet_page_set_navigatable (adw_leaflet_append (layout->leaflet, scrolled), FALSE);
  layout->side = scrolled;
  layout->side_box = GTK_BOX (side_box);
}

/* Moves the cards (and the message under them) between the form's top
 * and the pane. */
static void
set_wide (Layout   *layout,
          gboolean  wide)
{
  HuScenarioEditor *self = layout->editor;
  GtkWidget *content = template_child (self, "results_content");
  GtkWidget *group = template_child (self, "results_group");
  GtkWidget *parent = gtk_widget_get_parent (content);

  if (layout->wide == wide)
    return;
  layout->wide = wide;
  g_object_ref (content);
  gtk_box_remove (GTK_BOX (parent), content);
  if (wide)
    gtk_box_insert_child_after (layout->side_box, content,
                                gtk_widget_get_first_child (GTK_WIDGET (layout->side_box)));
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), content);
  g_object_unref (content);

  /* A row a card in the pane, so the chart under them stays in view. */
  hu_widgets_set_result_cards_compact (self->results_box, wide);
  gtk_widget_set_visible (group, !wide);
  if (wide)
    queue_chart (layout);
  else
    {
      /* Drawn again when it is shown again: edits made meanwhile are in. */
      g_clear_object (&layout->chart);
      hu_chart_view_set_chart (layout->chart_view, NULL);
    }
}

static gboolean
switch_idle (gpointer data)
{
  Layout *layout = data;

  layout->switch_source = 0;
  set_wide (layout, !adw_leaflet_get_folded (layout->leaflet));
  return G_SOURCE_REMOVE;
}

/* Before the next frame is drawn (GDK draws at G_PRIORITY_HIGH_IDLE +
 * 20): at the default idle priority a busy machine drew the form
 * without its cards, and the pane empty, for seconds after a resize. */
#define SWITCH_PRIORITY (G_PRIORITY_HIGH_IDLE + 15)

static void
on_folded (Layout *layout)
{
  if (layout->switch_source == 0)
    layout->switch_source = g_idle_add_full (SWITCH_PRIORITY, switch_idle, layout, NULL);
}

/* The template's children this file moves, found by name: the editor's
 * struct need not hold them. */
void
_hu_scenario_editor_bind_layout (GtkWidgetClass *widget_class)
{
  /* Not "layout", the editor's own child: the template's disposal would
   * unparent it behind AdwBin's back. */
  const char *names[] = { "page", "results_group", "results_content" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_widget_class_bind_template_child_full (widget_class, names[i], FALSE, 0);
}

/* Called from the editor's init, once its template is built. The cards
 * start on top of the form, as when folded, until the leaflet unfolds. */
void
_hu_scenario_editor_init_layout (HuScenarioEditor *self)
{
  Layout *layout = get_layout (self);

  layout->leaflet = ADW_LEAFLET (adw_bin_get_child (ADW_BIN (self)));
  build_side (layout);
  adw_leaflet_set_visible_child (layout->leaflet, template_child (self, "page"));
  g_signal_connect_swapped (layout->leaflet, "notify::folded", G_CALLBACK (on_folded), layout);
  on_folded (layout);
}

/* The chart beside the form shows this comparison's rows. */
void
_hu_scenario_editor_layout_set_model (HuScenarioEditor  *self,
                                      HuComparisonModel *model)
{
  Layout *layout = get_layout (self);

  if (layout->model != NULL)
    g_signal_handlers_disconnect_by_data (layout->model, layout);
  g_set_object (&layout->model, model);
  g_clear_object (&layout->chart);
  g_hash_table_remove_all (layout->categories);
  if (layout->chart_view != NULL)
    hu_chart_view_set_chart (layout->chart_view, NULL);
  if (model == NULL)
    return;

  /* Disconnected by layout_free() or the next model. */
  g_signal_connect_swapped (model, "changed", G_CALLBACK (on_row_changed), layout);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (queue_chart), layout);
  g_signal_connect_swapped (model, "notify::baseline", G_CALLBACK (queue_chart), layout);
  queue_chart (layout);
}

/**
 * hu_scenario_editor_get_side_chart:
 *
 * Returns: (transfer none) (nullable): the chart beside the form, %NULL
 *   while the editor is too narrow to show it (for tests)
 */
HuChartView *
hu_scenario_editor_get_side_chart (HuScenarioEditor *self)
{
  Layout *layout;

  g_return_val_if_fail (HU_IS_SCENARIO_EDITOR (self), NULL);

  layout = get_layout (self);
  return layout->wide ? layout->chart_view : NULL;
}

static gboolean
scroll_to_top_idle (gpointer data)
{
  HuScenarioEditor *self = data;
  GtkWidget *page = template_child (self, "page");
  GtkWidget *child = page != NULL ? gtk_widget_get_first_child (page) : NULL;

  /* AdwPreferencesPage scrolls itself (no scroll_to_top before 1.3). */
  for (; child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_SCROLLED_WINDOW (child))
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child)), 0);
  return G_SOURCE_REMOVE;
}

/**
 * hu_scenario_editor_scroll_to_top:
 *
 * Shows the form from its top, now and once the rows a new project brings
 * have been laid out (a focused row would otherwise scroll it back).
 */
void
hu_scenario_editor_scroll_to_top (HuScenarioEditor *self)
{
  g_return_if_fail (HU_IS_SCENARIO_EDITOR (self));

  scroll_to_top_idle (self);
  g_idle_add_full (G_PRIORITY_LOW, scroll_to_top_idle, g_object_ref (self), g_object_unref);
}
