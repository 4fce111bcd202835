/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuComparisonView"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hu-comparison-chart.h"
#include "hu-comparison-view.h"
#include "hu-list-pager.h"
#include "hu-list-pager-input.h"
#include "hu-number.h"
#include "hu-column-view-helpers.h"
#include "hu-widgets.h"

/* The side-by-side comparison: a chart of one metric and the table of
 * every metric. The table is also the chart's text alternative. */
struct _HuComparisonView
{
  AdwBin             parent_instance;

  HuComparisonModel *model;
  guint              chart_idle;
  gboolean           syncing;
  HuChart           *chart;           /* what chart_view shows, or NULL */
  GHashTable        *categories;      /* HuResult → its bar in chart + 1 */
  guint              n_chart_builds;
  gboolean           table_attached;

  HuChartView       *chart_view;
  GtkLabel          *others_label;
  GtkLabel          *p_lower_note;
  GtkLabel          *chance_note;   /* with its column: not on a phone */
  GtkColumnViewColumn *optional_columns[3];  /* lifecycle, chance lower, cost */
  GtkColumnViewColumn *detail_columns[4];    /* hidden when compact */
  gboolean           compact;
  guint              columns_idle;
  int                equivalence_width;  /* the equivalent column's, see sync_columns() */
  int                last_width;         /* the table's card's, when it was set */
  GtkColumnView     *column_view;
  GtkScrollbar      *table_scrollbar;
  HuListPager       *pager;           /* the table's page of rows */
  HuListPagerInput  *pager_input;     /* its wheel and keys */
  GtkDropDown       *metric_dropdown;
  GtkDropDown       *baseline_dropdown;
};

G_DEFINE_FINAL_TYPE (HuComparisonView, hu_comparison_view, ADW_TYPE_BIN)

/* How many rows the table shows at a time: a screenful at the default
 * window size, where the chart and the table share the page. The column
 * view is given only these rows, a slice of the sorted rows, by its
 * pager (see hu-list-pager.c). What that costs here, knowingly:
 * - sorting by a column sorts every row (the slice is over the sorted
 *   model), and the page stays at its offset in the new order;
 * - the table has no selection: a run or scenario is chosen in the
 *   sidebar. */
#define TABLE_ROWS 12

/* Wide enough for the equivalence label's 14 characters and the cells'
 * padding (see setup_cell()). */
#define EQUIVALENCE_WIDTH 110
#define EQUIVALENCE_MAX   220
#define NAME_WIDTH        140

/* The order of metric_dropdown's items. */
static const HuMetric chart_metrics[] = {
  HU_METRIC_ENERGY_KWH,
  HU_METRIC_TOTAL_KG,
  HU_METRIC_GPU_HOURS,
  HU_METRIC_WALL_HOURS,
  HU_METRIC_COST,
};

typedef struct {
  HuColumn    column;
  const char *title;
  const char *property;   /* numeric sort key, or NULL for text */
} ColumnInfo;

static const ColumnInfo columns[] = {
  /* The accelerators show under each name rather than in a column of their
   * own: a table as wide as every metric would hide its last columns behind
   * a scroll bar at the window's default size. */
  { HU_COLUMN_NAME, N_("Scenario"), NULL },
  { HU_COLUMN_GPU_HOURS, N_("GPU-hours"), "gpu-hours" },
  { HU_COLUMN_WALL_HOURS, N_("Wall-clock"), "wall-hours" },
  { HU_COLUMN_ENERGY, N_("Energy"), "energy-kwh" },
  { HU_COLUMN_CO2, N_("CO₂eq"), "total-kg" },
  /* Shown only when some row has what they say (see sync_columns()). */
  { HU_COLUMN_LIFECYCLE, N_("Lifecycle"), "lifecycle-kg" },
  /* Translators: a column header, the probability that a scenario emits
   * less CO₂eq than the baseline */
  { HU_COLUMN_P_LOWER, N_("Chance lower"), "p-lower" },
  { HU_COLUMN_COST, N_("Cost"), "cost" },
  { HU_COLUMN_EQUIVALENCE, N_("Equivalent to"), "total-kg" },
};

/* The metrics and the name are the core row's properties, read through
 * the result's "row"; the lifecycle and the chance lower are the
 * result's. */
static GtkExpression *
sort_expression (const char *property)
{
  g_autoptr(GTypeClass) row_class = g_type_class_ref (HU_TYPE_COMPARISON_ROW);

  if (g_object_class_find_property (G_OBJECT_CLASS (row_class), property) != NULL)
    return gtk_property_expression_new (HU_TYPE_COMPARISON_ROW,
                                        gtk_property_expression_new (HU_TYPE_RESULT, NULL, "row"),
                                        property);
  return gtk_property_expression_new (HU_TYPE_RESULT, NULL, property);
}

static gboolean
refresh_chart_idle (gpointer data)
{
  HuComparisonView *self = data;

  self->chart_idle = 0;
  hu_comparison_view_refresh_chart (self);
  return G_SOURCE_REMOVE;
}

/* Many results change at once (a baseline change, a reload): redraw the
 * chart once for all of them. The builder estimates every scenario again,
 * so a hidden page waits until it is shown (see the map handler) rather
 * than following each edit made in the editor. */
static void
queue_chart (HuComparisonView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (self->chart_idle == 0)
    self->chart_idle = g_idle_add (refresh_chart_idle, self);
}

static void on_metric_changed (HuComparisonView *self);

/* The chart's CO₂eq is the whole life, stacked by phase, once a scenario
 * is served (see hu_comparison_chart_new()): the menu names what the chart
 * draws, "Lifecycle CO₂eq" as its title does, not the CO₂eq column's
 * training alone. */
static void
name_co2_item (HuComparisonView *self,
               gboolean          lifecycle)
{
  GtkStringList *items = GTK_STRING_LIST (gtk_drop_down_get_model (self->metric_dropdown));
  const char *name = lifecycle ? _("Lifecycle CO₂eq") : _("CO₂eq");
  const char *names[] = { name, NULL };
  guint co2 = 0, selected;

  while (co2 < G_N_ELEMENTS (chart_metrics) && chart_metrics[co2] != HU_METRIC_TOTAL_KG)
    co2++;
  if (g_strcmp0 (gtk_string_list_get_string (items, co2), name) == 0)
    return;
  /* The same metric stays chosen: the item is renamed, not another one
   * picked while it is replaced. */
  selected = gtk_drop_down_get_selected (self->metric_dropdown);
  g_signal_handlers_block_by_func (self->metric_dropdown, on_metric_changed, self);
  gtk_string_list_splice (items, co2, 1, names);
  gtk_drop_down_set_selected (self->metric_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->metric_dropdown, on_metric_changed, self);
}

/* The lifecycle column appears when a scenario is served (issue 11), the
 * chance of emitting less than the baseline when a scenario has ranges
 * (issue 12): an empty column on every plan would only take room. */
/* "11.8 years of driving a petrol car" took four lines of a column made
 * for fourteen characters (issue 10): the column is as wide as its
 * longest text needs to take two lines at most, within EQUIVALENCE_MAX. */
static void
sync_equivalence_width (HuComparisonView *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  int width = EQUIVALENCE_WIDTH, room;

  if (self->compact)
    return;
  /* No wider than the room the other columns leave in the card (Spanish
   * figures are longer): a third line beats a clipped table. */
  room = hu_column_view_room (self->column_view, self->equivalence_width, &self->last_width);
  room = CLAMP (room, EQUIVALENCE_WIDTH, EQUIVALENCE_MAX);
  for (guint i = 0; i < n && width < room; i++)
    {
      g_autoptr(HuResult) row = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      g_autofree char *text = hu_result_format_column (row, HU_COLUMN_EQUIVALENCE);

      /* The 12 px are the cell's padding (style.css). */
      width = MAX (width, hu_column_view_wrap_width (GTK_WIDGET (self), text, 2,
                                                 EQUIVALENCE_WIDTH - 12, room - 12) + 12);
    }
  if (width == self->equivalence_width)
    return;
  self->equivalence_width = width;
  g_object_set_data (G_OBJECT (gtk_column_view_column_get_factory (self->detail_columns[3])),
                     "hu-width", GINT_TO_POINTER (width));
  gtk_column_view_column_set_fixed_width (self->detail_columns[3], width);
  /* The cells ask for its width (see setup_cell()). */
  hu_column_view_size_cells (GTK_WIDGET (self->column_view), "hu-column", HU_COLUMN_EQUIVALENCE,
                         width - 12);
}

static gboolean
sync_columns (gpointer data)
{
  HuComparisonView *self = data;
  gboolean lifecycle = FALSE, p_lower = FALSE, cost = FALSE;
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  self->columns_idle = 0;
  for (guint i = 0; i < n && !(lifecycle && p_lower && cost); i++)
    {
      g_autoptr(HuResult) row = g_list_model_get_item (G_LIST_MODEL (self->model), i);

      lifecycle = lifecycle || isfinite (hu_result_get_lifecycle_kg (row));
      p_lower = p_lower || isfinite (hu_result_get_p_lower (row));
      cost = cost || isfinite (hu_result_get_metric (row, HU_METRIC_COST));
    }
  /* Narrow, only the name and CO₂eq fit (see hu_comparison_view_set_compact()). */
  gtk_column_view_column_set_visible (self->optional_columns[0], lifecycle && !self->compact);
  gtk_column_view_column_set_visible (self->optional_columns[1], p_lower && !self->compact);
  /* No price anywhere: a column of dashes only takes room (issue 10, item 9). */
  gtk_column_view_column_set_visible (self->optional_columns[2], cost && !self->compact);
  gtk_widget_set_visible (GTK_WIDGET (self->p_lower_note), p_lower);
  gtk_widget_set_visible (GTK_WIDGET (self->chance_note), p_lower && !self->compact);
  name_co2_item (self, lifecycle);
  sync_equivalence_width (self);
  return G_SOURCE_REMOVE;
}

static void
queue_columns (HuComparisonView *self)
{
  if (self->columns_idle == 0)
    self->columns_idle = g_idle_add (sync_columns, self);
}

/* The range of "3542 thousand GPU-h (2576–4130 thousand GPU-h)" without
 * the unit its value already shows, "2576–4130": the range line is then
 * no wider than the value, and a table with ranges fits a 1200 px window.
 * @point is the whole text, @inner what follows its " (". The unit is the
 * ends' common tail from its first space; a range whose ends are in
 * another unit keeps its own. */
static char *
split_range (const char *point,
             const char *inner)
{
  g_autofree char *range = g_strdup (inner);
  size_t point_len = strstr (point, " (") - point;
  size_t range_len = strlen (range);
  size_t common = 0;
  const char *unit;

  if (range_len > 0 && range[range_len - 1] == ')')
    range[--range_len] = '\0';
  while (common < point_len && common < range_len &&
         point[point_len - 1 - common] == range[range_len - 1 - common])
    common++;
  unit = memchr (range + range_len - common, ' ', common);
  if (unit != NULL && unit > range)
    range[unit - range] = '\0';
  return g_steal_pointer (&range);
}

static void
update_cell (GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *value_label = gtk_widget_get_first_child (box);
  GtkWidget *range_label = gtk_widget_get_next_sibling (value_label);
  GtkWidget *delta_label = gtk_widget_get_next_sibling (range_label);
  HuResult *result = gtk_list_item_get_item (item);
  HuColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), "hu-column"));
  g_autofree char *value = NULL;
  g_autofree char *range = NULL;
  g_autofree char *delta = NULL;

  if (result == NULL)
    return;

  value = hu_result_format_column (result, column);
  delta = hu_result_format_delta (result, column);

  if (column == HU_COLUMN_NAME)
    {
      g_free (delta);
      if (hu_result_get_error (result) != NULL)
        delta = g_strdup (hu_result_get_error (result));
      else
        delta = hu_result_format_column (result, HU_COLUMN_ACCELERATOR);
      /* "NVIDIA RTX A6000 ×" over a lone "1" reads as two things: the
       * count wraps with its model (no-break spaces around "×"). */
      if (delta != NULL && strstr (delta, " × ") != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (delta, " × ", -1);

          g_free (delta);
          delta = g_strjoinv ("\u00a0×\u00a0", parts);
        }
    }

  /* "9.2 t (5.1–14.8 t)": the likely range goes under the value, so a
   * table with ranges stays as narrow as one without. */
  if (column != HU_COLUMN_NAME && strstr (value, " (") != NULL)
    {
      char *open = strstr (value, " (");

      range = split_range (value, open + 2);
      *open = '\0';
    }
  gtk_label_set_label (GTK_LABEL (value_label), value);
  gtk_label_set_label (GTK_LABEL (range_label), range);
  gtk_widget_set_visible (range_label, range != NULL);
  /* A change reads "−49.6 %" in a right-to-left table too. */
  hu_widgets_set_figure (GTK_LABEL (delta_label), delta);
  gtk_widget_set_visible (delta_label, delta != NULL);

  /* Lower is better for every metric we show. The colour follows the
   * change itself, not the sign its translation happens to print. */
  gtk_widget_remove_css_class (delta_label, "success");
  gtk_widget_remove_css_class (delta_label, "error");
  gtk_widget_remove_css_class (delta_label, "dim-label");
  if (column == HU_COLUMN_NAME)
    gtk_widget_add_css_class (delta_label,
                              hu_result_get_error (result) != NULL ? "error" : "dim-label");
  else
    {
      double change = hu_result_get_change (result, column);

      if (change > 0)
        gtk_widget_add_css_class (delta_label, "error");
      else if (change < 0)
        gtk_widget_add_css_class (delta_label, "success");
    }
}

/* A row that changes moves its own bar: the chart is not built again
 * (nor anything estimated) for one edit. */
static void
on_row_changed (HuComparisonView *self,
                HuResult         *row)
{
  queue_columns (self);
  if (self->chart != NULL && self->chart_idle == 0 &&
      hu_comparison_chart_update_row (self->chart, row, hu_comparison_view_get_metric (self),
                                      self->categories))
    return;
  queue_chart (self);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  column)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *range = gtk_label_new (NULL);
  GtkWidget *delta = gtk_label_new (NULL);
  gboolean numeric = GPOINTER_TO_UINT (column) >= HU_COLUMN_GPU_HOURS;

  g_object_set_data (G_OBJECT (box), "hu-column", column);
  hu_list_pager_mark_row (box, item);
  gtk_label_set_xalign (GTK_LABEL (value), numeric ? 1.0 : 0.0);
  gtk_label_set_justify (GTK_LABEL (value), numeric ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
  gtk_label_set_xalign (GTK_LABEL (delta), numeric ? 1.0 : 0.0);
  gtk_label_set_xalign (GTK_LABEL (range), 1.0);
  gtk_label_set_selectable (GTK_LABEL (value), FALSE);
  if (numeric)
    gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (range, "numeric");
  gtk_widget_add_css_class (range, "caption");
  gtk_widget_add_css_class (range, "dim-label");
  gtk_widget_set_visible (range, FALSE);
  if (GPOINTER_TO_UINT (column) == HU_COLUMN_NAME)
    gtk_widget_add_css_class (value, "heading");
  if (GPOINTER_TO_UINT (column) == HU_COLUMN_EQUIVALENCE ||
      GPOINTER_TO_UINT (column) == HU_COLUMN_NAME)
    {
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      /* Narrow enough for every column to fit at the default window size
       * in longer languages too (Spanish). */
      gtk_label_set_max_width_chars (GTK_LABEL (value), 14);
      /* GTK 4.8 measures a row's height with each cell at its minimum
       * width, which for a wrapping label is its longest word: "16.9 years
       * of driving a petrol car" was seven lines tall there and two where
       * it is drawn, leaving rows 60-80 px of empty space. As wide at
       * least as its column's text (the fixed width less the 6 px of
       * padding either side in style.css), it is measured as drawn. */
      gtk_widget_set_size_request (value, (GPOINTER_TO_UINT (column) == HU_COLUMN_NAME
                                           ? NAME_WIDTH
                                           : GPOINTER_TO_INT (g_object_get_data (
                                               G_OBJECT (factory), "hu-width"))) - 12, -1);
    }
  gtk_label_set_wrap (GTK_LABEL (delta), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (delta), 18);
  /* The accelerators under a name wrap too (see above). */
  if (GPOINTER_TO_UINT (column) == HU_COLUMN_NAME)
    gtk_widget_set_size_request (delta, NAME_WIDTH - 12, -1);
  gtk_widget_add_css_class (delta, "caption");
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), range);
  gtk_box_append (GTK_BOX (box), delta);
  gtk_list_item_set_child (item, box);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  column)
{
  HuResult *result = gtk_list_item_get_item (item);

  g_signal_connect_swapped (result, "changed", G_CALLBACK (update_cell), item);
  update_cell (item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  column)
{
  HuResult *result = gtk_list_item_get_item (item);

  g_signal_handlers_disconnect_by_func (result, update_cell, item);
}

static void
on_metric_changed (HuComparisonView *self)
{
  hu_comparison_view_refresh_chart (self);
}

static void
on_baseline_selected (HuComparisonView *self)
{
  HuResult *result = gtk_drop_down_get_selected_item (self->baseline_dropdown);

  /* The drop-down moves its selection by itself while the model changes;
   * only a choice by the user changes the baseline. */
  if (self->syncing)
    return;
  if (self->model != NULL && result != NULL)
    hu_comparison_model_set_baseline (self->model, result);
}

static void
sync_baseline_dropdown (HuComparisonView *self)
{
  HuResult *baseline = hu_comparison_model_get_baseline (self->model);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  self->syncing = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HuResult) result = g_list_model_get_item (G_LIST_MODEL (self->model), i);

      if (result == baseline)
        gtk_drop_down_set_selected (self->baseline_dropdown, i);
    }
  self->syncing = FALSE;
}

static void
on_items_changing (HuComparisonView *self)
{
  self->syncing = TRUE;
}

static void
on_items_changed (HuComparisonView *self,
                  guint             position,
                  guint             removed,
                  guint             added,
                  GListModel       *model)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(HuResult) result = g_list_model_get_item (model, i);

      g_signal_handlers_disconnect_by_func (result, on_row_changed, self);
      g_signal_connect_object (result, "changed", G_CALLBACK (on_row_changed), self,
                               G_CONNECT_SWAPPED);
    }
  sync_baseline_dropdown (self);
  queue_chart (self);
  queue_columns (self);
}

/* The table builds its rows when it is first shown, and only the page of
 * rows it shows (see TABLE_ROWS): GTK 4.8's list views build up to about
 * 200 rows whether shown or not. */
static void
attach_table (HuComparisonView *self)
{
  g_autoptr(GtkSortListModel) sorted = NULL;

  if (self->model == NULL || self->table_attached)
    return;

  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->model)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  hu_list_pager_set_model (self->pager, G_LIST_MODEL (sorted));
  self->table_attached = TRUE;
}

static void
hu_comparison_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hu_comparison_view_parent_class)->map (widget);
  attach_table (HU_COMPARISON_VIEW (widget));
  hu_comparison_view_refresh_chart (HU_COMPARISON_VIEW (widget));
}

static void
hu_comparison_view_dispose (GObject *object)
{
  HuComparisonView *self = HU_COMPARISON_VIEW (object);

  g_clear_handle_id (&self->chart_idle, g_source_remove);
  g_clear_handle_id (&self->columns_idle, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->chart);
  g_clear_object (&self->pager_input);
  g_clear_object (&self->pager);
  g_clear_pointer (&self->categories, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), HU_TYPE_COMPARISON_VIEW);

  G_OBJECT_CLASS (hu_comparison_view_parent_class)->dispose (object);
}

/* A wider or narrower window leaves the equivalent column more or less
 * room (see sync_equivalence_width()). */
static void
on_table_resized (HuComparisonView *self,
                  GParamSpec       *pspec,
                  GtkAdjustment    *adjustment)
{
  if ((int) gtk_adjustment_get_page_size (adjustment) != self->last_width)
    queue_columns (self);
}

static void
hu_comparison_view_class_init (HuComparisonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hu_comparison_view_dispose;
  widget_class->map = hu_comparison_view_map;

  g_type_ensure (HU_TYPE_CHART_VIEW);
  g_type_ensure (HU_TYPE_RESULT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/hu-comparison-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HuComparisonView, chart_view);
  gtk_widget_class_bind_template_child (widget_class, HuComparisonView, column_view);
  gtk_widget_class_bind_template_child (widget_class, HuComparisonView, table_scrollbar);
  gtk_widget_class_bind_template_child (widget_class, HuComparisonView, others_label);
  gtk_widget_class_bind_template_child (widget_class, HuComparisonView, p_lower_note);
  gtk_widget_class_bind_template_child (widget_class, HuComparisonView, chance_note);
  gtk_widget_class_bind_template_child (widget_class, HuComparisonView, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HuComparisonView, baseline_dropdown);
}

static void
hu_comparison_view_init (HuComparisonView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hu_widgets_name_drop_down (self->metric_dropdown, _("Chart"));
  hu_widgets_name_drop_down (self->baseline_dropdown, _("Baseline"));
  self->categories = g_hash_table_new (NULL, NULL);
  self->equivalence_width = EQUIVALENCE_WIDTH;
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view)),
                           "notify::page-size", G_CALLBACK (on_table_resized), self,
                           G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;
      gpointer data = GUINT_TO_POINTER (columns[i].column);

      /* The width setup_cell() gives a cell of the equivalent column. */
      g_object_set_data (G_OBJECT (factory), "hu-width", GINT_TO_POINTER (EQUIVALENCE_WIDTH));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), data);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), data);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), data);

      column = gtk_column_view_column_new (_(columns[i].title), g_steal_pointer (&factory));
      if (columns[i].property != NULL)
        sorter = GTK_SORTER (gtk_numeric_sorter_new (sort_expression (columns[i].property)));
      else if (columns[i].column == HU_COLUMN_NAME)
        sorter = GTK_SORTER (gtk_string_sorter_new (sort_expression ("name")));
      if (sorter != NULL)
        gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      /* Long names wrap within these widths rather than making rows tall. */
      if (columns[i].column == HU_COLUMN_NAME)
        gtk_column_view_column_set_fixed_width (column, NAME_WIDTH);
      /* Not expanding: wider than measured, its text would take fewer
       * lines than its row's height was measured for. */
      if (columns[i].column == HU_COLUMN_EQUIVALENCE)
        gtk_column_view_column_set_fixed_width (column, EQUIVALENCE_WIDTH);
      /* The columns of one-line figures share the room the table has
       * beyond its columns' widths: narrower than its card, the table left
       * a blank strip at the card's end. Their figures and titles are at
       * their end, so a wider column moves nothing away from its title. */
      else if (columns[i].column != HU_COLUMN_NAME)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_column_set_visible (column, columns[i].column != HU_COLUMN_LIFECYCLE &&
                                                  columns[i].column != HU_COLUMN_P_LOWER &&
                                                  columns[i].column != HU_COLUMN_COST);
      if (columns[i].column == HU_COLUMN_LIFECYCLE)
        self->optional_columns[0] = column;
      if (columns[i].column == HU_COLUMN_P_LOWER)
        self->optional_columns[1] = column;
      if (columns[i].column == HU_COLUMN_COST)
        self->optional_columns[2] = column;
      if (columns[i].column >= HU_COLUMN_GPU_HOURS && columns[i].column <= HU_COLUMN_ENERGY)
        self->detail_columns[columns[i].column - HU_COLUMN_GPU_HOURS] = column;
      if (columns[i].column == HU_COLUMN_EQUIVALENCE)
        self->detail_columns[3] = column;
      gtk_column_view_append_column (self->column_view, column);
    }
  hu_column_view_wrap_titles (self->column_view);
  /* Every column but the name's holds figures aligned at their end (see
   * setup_cell()): its title stands over them. */
  for (guint i = 1; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column =
        g_list_model_get_item (gtk_column_view_get_columns (self->column_view), i);

      hu_column_view_end_align_title (self->column_view, column);
    }

  {
    g_autoptr(GtkColumnViewColumn) name =
      g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 0);

    self->pager = hu_list_pager_new (GTK_WIDGET (self->column_view), self->table_scrollbar,
                                     TABLE_ROWS);
    self->pager_input = hu_list_pager_input_new (self->pager, GTK_WIDGET (self->column_view),
                                                 self->table_scrollbar);
    /* A row binds each of its cells: its name's counts the row. */
    hu_list_pager_count_binds (self->pager, gtk_column_view_column_get_factory (name));
  }

  gtk_drop_down_set_selected (self->metric_dropdown, 1);
  g_signal_connect_object (self->metric_dropdown, "notify::selected",
                           G_CALLBACK (on_metric_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->baseline_dropdown, "notify::selected",
                           G_CALLBACK (on_baseline_selected), self, G_CONNECT_SWAPPED);
}

GtkWidget *
hu_comparison_view_new (void)
{
  return g_object_new (HU_TYPE_COMPARISON_VIEW, NULL);
}

void
hu_comparison_view_set_model (HuComparisonView  *self,
                              HuComparisonModel *model)
{
  g_return_if_fail (HU_IS_COMPARISON_VIEW (self));
  g_return_if_fail (model == NULL || HU_IS_COMPARISON_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  hu_list_pager_set_model (self->pager, NULL);
  self->table_attached = FALSE;

  if (model == NULL)
    {
      gtk_drop_down_set_model (self->baseline_dropdown, NULL);
      g_clear_object (&self->chart);
      g_hash_table_remove_all (self->categories);
      hu_chart_view_set_chart (self->chart_view, NULL);
      return;
    }

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attach_table (self);

  /* Connected before and after the drop-down's own handler, see
   * on_baseline_selected(). */
  g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changing), self,
                           G_CONNECT_SWAPPED);
  gtk_drop_down_set_model (self->baseline_dropdown, G_LIST_MODEL (model));
  g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (model, "notify::baseline", G_CALLBACK (sync_baseline_dropdown),
                           self, G_CONNECT_SWAPPED);
  /* The chart marks the baseline: a new one is a new chart. */
  g_signal_connect_object (model, "notify::baseline", G_CALLBACK (queue_chart),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (model, "notify::baseline", G_CALLBACK (queue_chart),
                           self, G_CONNECT_SWAPPED);
  on_items_changed (self, 0, 0, g_list_model_get_n_items (G_LIST_MODEL (model)),
                    G_LIST_MODEL (model));
}

HuMetric
hu_comparison_view_get_metric (HuComparisonView *self)
{
  guint i;

  g_return_val_if_fail (HU_IS_COMPARISON_VIEW (self), HU_METRIC_TOTAL_KG);

  i = gtk_drop_down_get_selected (self->metric_dropdown);
  return i < G_N_ELEMENTS (chart_metrics) ? chart_metrics[i] : HU_METRIC_TOTAL_KG;
}

void
hu_comparison_view_set_metric (HuComparisonView *self,
                               HuMetric          metric)
{
  g_return_if_fail (HU_IS_COMPARISON_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (chart_metrics); i++)
    if (chart_metrics[i] == metric)
      gtk_drop_down_set_selected (self->metric_dropdown, i);
}

GtkColumnView *
hu_comparison_view_get_column_view (HuComparisonView *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON_VIEW (self), NULL);
  attach_table (self);
  return self->column_view;
}

HuChartView *
hu_comparison_view_get_chart_view (HuComparisonView *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON_VIEW (self), NULL);
  return self->chart_view;
}

/**
 * hu_comparison_view_set_compact:
 * @compact: whether the window is narrow (its sidebar folded away)
 *
 * A narrow window shows each row's name and CO₂eq without scrolling
 * sideways, and nothing clipped at its edge: the other columns
 * (GPU-hours, wall-clock, energy, lifecycle, chance lower, cost,
 * equivalent) are left to the editor's cards and Explain.
 */
void
hu_comparison_view_set_compact (HuComparisonView *self,
                                gboolean          compact)
{
  g_return_if_fail (HU_IS_COMPARISON_VIEW (self));

  self->compact = compact;
  for (guint i = 0; i < G_N_ELEMENTS (self->detail_columns); i++)
    if (self->detail_columns[i] != NULL)
      gtk_column_view_column_set_visible (self->detail_columns[i], !compact);
  /* GTK 4.8 counts a hidden column's fixed width in the table's minimum
   * width: hidden, the equivalent column has none. */
  if (self->detail_columns[3] != NULL)
    gtk_column_view_column_set_fixed_width (self->detail_columns[3],
                                            compact ? -1 : self->equivalence_width);
  g_clear_handle_id (&self->columns_idle, g_source_remove);
  sync_columns (self);
}

/* What the chart leaves out, below it, or NULL when it draws every row:
 * the rows summed in its last bar (@n_others, beside the @n_shown with a
 * bar of their own) and the runs with no bar because they did not log
 * the value shown (@n_without). A row must not vanish from the chart
 * unexplained: "largest of 725 rows" beside a table of 734 looked like
 * a miscount. */
static char *
chart_caption (guint n_shown,
               guint n_others,
               guint n_without)
{
  GString *text = g_string_new (NULL);

  if (n_others > 0)
    {
      guint n = n_shown + n_others;
      g_autofree char *shown = hu_format_count (n_shown);
      g_autofree char *rows = hu_format_count (n);

      /* Translators: below a chart that has a bar for the largest rows
       * only; the first number is how many rows have their own bar, the
       * second how many rows have a value to draw */
      g_string_append_printf (text, ngettext ("The chart shows the %s largest of %s rows and adds up "
                                              "the others in its last bar.",
                                              "The chart shows the %s largest of %s rows and adds up "
                                              "the others in its last bar.",
                                              n),
                              shown, rows);
    }
  if (n_without > 0)
    {
      g_autofree char *count = hu_format_count (n_without);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* Translators: below a chart; runs whose log has no figure for the
       * chart's metric (an nvidia-smi log has no CO₂eq, say) */
      g_string_append_printf (text, ngettext ("%s run did not log this value and has no bar.",
                                              "%s runs did not log this value and have no bar.",
                                              n_without),
                              count);
    }
  if (text->len == 0)
    return (g_string_free (text, TRUE), NULL);
  /* Translators: ends the sentences below a chart that leaves rows out */
  g_string_append_printf (text, " %s", _("The table lists every row."));
  return g_string_free (text, FALSE);
}

/**
 * hu_comparison_view_refresh_chart:
 *
 * Rebuilds the chart from the current results now (normally this
 * happens in an idle after they change).
 */
void
hu_comparison_view_refresh_chart (HuComparisonView *self)
{
  HuProject *project;
  guint n_others = 0, n_without = 0;
  g_autofree char *caption = NULL;

  g_return_if_fail (HU_IS_COMPARISON_VIEW (self));

  g_clear_handle_id (&self->chart_idle, g_source_remove);
  if (self->model == NULL)
    return;

  project = hu_comparison_model_get_project (self->model);
  g_clear_object (&self->chart);
  self->chart = hu_comparison_chart_new (G_LIST_MODEL (self->model),
                                         hu_comparison_view_get_metric (self),
                                         hu_project_get_currency (project), self->categories,
                                         &n_others, &n_without);
  self->n_chart_builds++;
  hu_chart_view_set_chart (self->chart_view, self->chart);

  /* Say what the chart leaves out, in words as well as in its last bar. */
  caption = chart_caption (g_hash_table_size (self->categories), n_others, n_without);
  gtk_label_set_label (self->others_label, caption ? caption : "");
  gtk_widget_set_visible (GTK_WIDGET (self->others_label), caption != NULL);
}

/**
 * hu_comparison_view_get_chart_caption:
 *
 * What the text below the chart says it leaves out, or NULL when the
 * chart draws every row (for tests).
 */
const char *
hu_comparison_view_get_chart_caption (HuComparisonView *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON_VIEW (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->others_label)))
    return NULL;
  return gtk_label_get_label (self->others_label);
}

/**
 * hu_comparison_view_get_n_chart_builds:
 *
 * How many times the chart was built from all the rows (for tests: one
 * edit moves one bar and builds nothing).
 */
guint
hu_comparison_view_get_n_chart_builds (HuComparisonView *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON_VIEW (self), 0);
  return self->n_chart_builds;
}

/**
 * hu_comparison_view_get_pager:
 *
 * Returns: (transfer none): what pages the table's rows (for tests)
 */
HuListPager *
hu_comparison_view_get_pager (HuComparisonView *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON_VIEW (self), NULL);
  return self->pager;
}
