/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuListPager"

#include "config.h"

#include <math.h>

#include "hu-list-pager.h"

/* A list that shows a page of its rows at a time.
 *
 * GTK 4.8's list views (GtkListView, GtkColumnView) build about 200 row
 * widgets whatever is on screen: the count is hard-coded in GtkListBase.
 * With a thousand runs that is 200 rows made, bound and measured for
 * every change. The pager gives its list only the rows it shows, a slice
 * of the model, and moves that slice itself: with its own scroll bar
 * (an adjustment in rows), the wheel and the keys. It is the list's
 * selection model: over a GtkSelectionModel it selects in the whole
 * model, so a selection made from code (row 900 of 1,000) and one made
 * in the list are the same.
 *
 * What that costs, knowingly:
 * - the list scrolls by whole rows, not pixels;
 * - a screen reader is told of the rows shown, not of all (GTK 4.8 tells
 *   it of the rows built, ~200, in any case); the keys move the page, so
 *   every row is reached;
 * - in a list without a selection (the table), the focus of a row that
 *   leaves the page is lost to the row that comes in (see on_key() in
 *   hu-list-pager-input.c);
 * - the page shows the rows its height shows whole, and the next in part:
 *   at the end of the rows, a space less than a row high is left below
 *   the last (see sync_adjustment()).
 *
 * The wheel and the keys are HuListPagerInput's (hu-list-pager-input.c),
 * which moves the page through the public calls below. */

struct _HuListPager
{
  GObject            parent_instance;

  GtkWidget         *list;            /* weak: the list holds the pager */
  GtkScrollbar      *scrollbar;       /* weak */
  GtkAdjustment     *adjustment;      /* the slice's offset, in rows */
  GtkSliceListModel *slice;
  guint              fixed_rows;      /* 0: as many as the list's height shows */
  guint              n_rows;          /* the slice's length */
  guint              n_whole;         /* how many of them show whole */
  double             fitted_height;   /* the list's height n_rows was chosen for */
  guint              fit_idle;
  guint              n_rows_bound;
  GtkBitset         *selected;        /* the page's rows the list shows selected */
  guint              focus_position;  /* the row to focus once laid out, or G_MAXUINT */
  gboolean           reset_viewport;  /* the list's viewport to its top once laid out */
};

static void hu_list_pager_list_model_init (GListModelInterface *iface);
static void hu_list_pager_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HuListPager, hu_list_pager, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      hu_list_pager_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      hu_list_pager_selection_model_init))

/* Rows in the slice until the list has been laid out once and its height
 * is known: about a screenful of the sidebar at the default window size. */
#define FIRST_GUESS 16

static GType
list_model_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (HU_LIST_PAGER (model)->slice));
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (HU_LIST_PAGER (model)->slice), position);
}

static void
hu_list_pager_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

/* The model's selection, or NULL for a model that has none (the table's
 * sorted rows): its rows are then never selected. */
static GtkSelectionModel *
whole_selection (HuListPager *self)
{
  GListModel *model = gtk_slice_list_model_get_model (self->slice);

  return GTK_IS_SELECTION_MODEL (model) ? GTK_SELECTION_MODEL (model) : NULL;
}

static gboolean
selection_is_selected (GtkSelectionModel *model,
                       guint              position)
{
  HuListPager *self = HU_LIST_PAGER (model);
  GtkSelectionModel *whole = whole_selection (self);

  return whole != NULL &&
         gtk_selection_model_is_selected (whole, gtk_slice_list_model_get_offset (self->slice) +
                                                 position);
}

static gboolean
selection_select_item (GtkSelectionModel *model,
                       guint              position,
                       gboolean           unselect_rest)
{
  HuListPager *self = HU_LIST_PAGER (model);
  GtkSelectionModel *whole = whole_selection (self);

  return whole != NULL &&
         gtk_selection_model_select_item (whole, gtk_slice_list_model_get_offset (self->slice) +
                                                 position, unselect_rest);
}

static gboolean
selection_unselect_item (GtkSelectionModel *model,
                         guint              position)
{
  HuListPager *self = HU_LIST_PAGER (model);
  GtkSelectionModel *whole = whole_selection (self);

  return whole != NULL &&
         gtk_selection_model_unselect_item (whole, gtk_slice_list_model_get_offset (self->slice) +
                                                   position);
}

static gboolean
selection_select_range (GtkSelectionModel *model,
                        guint              position,
                        guint              n_items,
                        gboolean           unselect_rest)
{
  HuListPager *self = HU_LIST_PAGER (model);
  GtkSelectionModel *whole = whole_selection (self);

  return whole != NULL &&
         gtk_selection_model_select_range (whole, gtk_slice_list_model_get_offset (self->slice) +
                                                  position, n_items, unselect_rest);
}

static gboolean
selection_unselect_range (GtkSelectionModel *model,
                          guint              position,
                          guint              n_items)
{
  HuListPager *self = HU_LIST_PAGER (model);
  GtkSelectionModel *whole = whole_selection (self);

  return whole != NULL &&
         gtk_selection_model_unselect_range (whole, gtk_slice_list_model_get_offset (self->slice) +
                                                    position, n_items);
}

/* All is all of the model, not of the page. */
static gboolean
selection_select_all (GtkSelectionModel *model)
{
  GtkSelectionModel *whole = whole_selection (HU_LIST_PAGER (model));

  return whole != NULL && gtk_selection_model_select_all (whole);
}

static gboolean
selection_unselect_all (GtkSelectionModel *model)
{
  GtkSelectionModel *whole = whole_selection (HU_LIST_PAGER (model));

  return whole != NULL && gtk_selection_model_unselect_all (whole);
}

static void
hu_list_pager_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = selection_is_selected;
  iface->select_item = selection_select_item;
  iface->unselect_item = selection_unselect_item;
  iface->select_range = selection_select_range;
  iface->unselect_range = selection_unselect_range;
  iface->select_all = selection_select_all;
  iface->unselect_all = selection_unselect_all;
}

/* The model's selection changed over @position…@position + @n_items:
 * tell the list of the rows of the page that changed. A single
 * selection's change spans the old row and the new one, row 0 to row 999
 * say, and GTK 4.8 binds every row it is told of again. */
static void
on_selection_changed (HuListPager       *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *whole)
{
  guint offset = gtk_slice_list_model_get_offset (self->slice);
  guint start = MAX (position, offset);
  guint end = MIN (position + n_items, offset + g_list_model_get_n_items (G_LIST_MODEL (self)));

  for (guint i = start; i < end; i++)
    {
      gboolean selected = gtk_selection_model_is_selected (whole, i);

      if (selected == gtk_bitset_contains (self->selected, i - offset))
        continue;
      if (selected)
        gtk_bitset_add (self->selected, i - offset);
      else
        gtk_bitset_remove (self->selected, i - offset);
      gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), i - offset, 1);
    }
}

static void
on_slice_changed (HuListPager *self,
                  guint        position,
                  guint        removed,
                  guint        added)
{
  GtkSelectionModel *whole = whole_selection (self);
  guint offset = gtk_slice_list_model_get_offset (self->slice);

  /* The list reads the new rows' selection itself. */
  gtk_bitset_remove_all (self->selected);
  for (guint i = 0; whole != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self)); i++)
    if (gtk_selection_model_is_selected (whole, offset + i))
      gtk_bitset_add (self->selected, i);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* The list's own vertical adjustment: the rows of the slice that do not
 * fit its height (at most the last, shown in part). */
static GtkAdjustment *
viewport (HuListPager *self)
{
  if (self->list == NULL || !GTK_IS_SCROLLABLE (self->list))
    return NULL;
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list));
}

/* Once GTK has laid the page's rows out (before, the list cannot find
 * them and warns): the list's own viewport back at its top, and the
 * focus on the row hu_list_pager_select_position() chose. */
static void
on_layout (HuListPager   *self,
           GdkFrameClock *clock)
{
  GtkAdjustment *inner = viewport (self);

  g_signal_handlers_disconnect_by_func (clock, on_layout, self);
  if (self->list == NULL)
    return;
  if (self->reset_viewport && inner != NULL)
    gtk_adjustment_set_value (inner, 0);
  self->reset_viewport = FALSE;
  /* The row's widget takes the focus, and tells its list (GTK 4.8's
   * list keeps the focused row in a tracker that the keys then move). */
  for (GtkWidget *child = gtk_widget_get_first_child (self->list);
       child != NULL && self->focus_position != G_MAXUINT;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      GtkListItem *item = row != NULL ? hu_list_pager_get_row_item (row) : NULL;

      if (item != NULL && gtk_list_item_get_position (item) == self->focus_position)
        {
          gtk_widget_grab_focus (child);
          break;
        }
    }
  self->focus_position = G_MAXUINT;
}

static void
after_layout (HuListPager *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (self->list);

  if (clock == NULL)
    return;
  g_signal_handlers_disconnect_by_func (clock, on_layout, self);
  g_signal_connect_object (clock, "layout", G_CALLBACK (on_layout), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_widget_queue_allocate (self->list);
}

static void
on_value_changed (HuListPager *self)
{
  double value = gtk_adjustment_get_value (self->adjustment);
  GtkAdjustment *inner = viewport (self);

  gtk_slice_list_model_set_offset (self->slice, (guint) value);
  /* GTK keeps a row it shows in place when the rows around it change, so
   * a page moved up by a row would show the same rows: the list's own
   * viewport (scrolled by GTK, at most by the row shown in part) is put
   * back at its top once GTK has moved it. */
  if (inner != NULL)
    {
      self->reset_viewport = TRUE;
      after_layout (self);
    }
}

/* The adjustment follows the model's length and the slice's. Its page is
 * the rows shown whole: at the end of the model the last row shows whole,
 * and a space less than a row high below it, and the arrows move the
 * page before the focus reaches a row shown in part. */
static void
sync_adjustment (HuListPager *self)
{
  GListModel *model = gtk_slice_list_model_get_model (self->slice);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  guint page = MIN (n, self->n_whole);
  double value = CLAMP (gtk_adjustment_get_value (self->adjustment), 0, n - page);

  gtk_adjustment_configure (self->adjustment, value, 0, n, 1, MAX (page, 2) - 1, page);
  if (self->scrollbar != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->scrollbar), n > self->n_whole);
  gtk_slice_list_model_set_offset (self->slice, (guint) value);
}

static void
set_n_rows (HuListPager *self,
            guint        n_rows,
            guint        n_whole)
{
  n_whole = MAX (MIN (n_whole, n_rows), 1);
  if (self->n_rows == n_rows && self->n_whole == n_whole)
    return;
  self->n_rows = n_rows;
  self->n_whole = n_whole;
  gtk_slice_list_model_set_size (self->slice, n_rows);
  sync_adjustment (self);
}

/* As many rows as the list's height shows, whole or in part: its
 * height is its scrolled window's, which does not follow its rows (see
 * ui/hu-window.ui), so a new length lays the rows out again without
 * changing the height it was chosen for, and nothing loops. The rows'
 * height is their average as measured. */
static gboolean
fit_idle (gpointer data)
{
  HuListPager *self = data;
  GtkAdjustment *inner = viewport (self);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self));
  int natural = 0;
  double height, row;

  self->fit_idle = 0;
  if (inner == NULL || n_items == 0)
    return G_SOURCE_REMOVE;
  /* The rows' own height, not the adjustment's upper: GTK makes that
   * the list's height at least. */
  gtk_widget_measure (self->list, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (self->list),
                      NULL, &natural, NULL, NULL);
  height = gtk_adjustment_get_page_size (inner);
  row = (double) natural / n_items;
  if (height <= 0 || row <= 0)
    return G_SOURCE_REMOVE;
  self->fitted_height = height;
  /* A row that would show by a twentieth of its height (2 px) is left
   * out: it would only be a line under the last. */
  set_n_rows (self, MAX ((guint) ceil (height / row - 0.05), 1),
              (guint) floor (height / row + 0.05));
  return G_SOURCE_REMOVE;
}

/* Laid out (GTK configures the list's adjustment as it allocates): a new
 * height, or the first rows, choose the slice's length once GTK is done. */
static void
on_viewport_changed (HuListPager   *self,
                     GtkAdjustment *inner)
{
  if (self->fixed_rows != 0 || self->fit_idle != 0)
    return;
  if (gtk_adjustment_get_page_size (inner) == self->fitted_height &&
      self->fitted_height > 0)
    return;
  self->fit_idle = g_idle_add (fit_idle, self);
}

static void
on_bind (HuListPager *self)
{
  self->n_rows_bound++;
}

static void
hu_list_pager_dispose (GObject *object)
{
  HuListPager *self = HU_LIST_PAGER (object);

  g_clear_handle_id (&self->fit_idle, g_source_remove);
  g_clear_weak_pointer (&self->list);
  g_clear_weak_pointer (&self->scrollbar);
  if (self->slice != NULL)
    {
      GListModel *model = gtk_slice_list_model_get_model (self->slice);

      if (model != NULL)
        g_signal_handlers_disconnect_by_data (model, self);
    }

  G_OBJECT_CLASS (hu_list_pager_parent_class)->dispose (object);
}

static void
hu_list_pager_finalize (GObject *object)
{
  HuListPager *self = HU_LIST_PAGER (object);

  g_clear_object (&self->slice);
  g_clear_object (&self->adjustment);
  g_clear_pointer (&self->selected, gtk_bitset_unref);

  G_OBJECT_CLASS (hu_list_pager_parent_class)->finalize (object);
}

static void
hu_list_pager_class_init (HuListPagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hu_list_pager_dispose;
  object_class->finalize = hu_list_pager_finalize;
}

static void
hu_list_pager_init (HuListPager *self)
{
  self->adjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 1, 1, 0));
  self->selected = gtk_bitset_new_empty ();
  self->focus_position = G_MAXUINT;
  self->slice = gtk_slice_list_model_new (NULL, 0, 0);
  g_signal_connect_object (self->slice, "items-changed", G_CALLBACK (on_slice_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->adjustment, "value-changed", G_CALLBACK (on_value_changed), self,
                           G_CONNECT_SWAPPED);
}

/**
 * hu_list_pager_new:
 * @list: a widget that takes a GtkSelectionModel as its "model"
 *   (GtkListView, GtkColumnView)
 * @scrollbar: the scroll bar beside it, shown when there are more rows
 *   than the page; its parent holds the list and the scroll bar
 * @n_rows: how many rows to show at a time, or 0 for as many as the
 *   list's height shows
 *
 * Becomes @list's model (@list holds it). Give it its rows with
 * hu_list_pager_set_model(), and the list's wheel and paging keys with
 * hu_list_pager_input_new().
 *
 * Returns: (transfer full): the pager
 */
HuListPager *
hu_list_pager_new (GtkWidget    *list,
                   GtkScrollbar *scrollbar,
                   guint         n_rows)
{
  HuListPager *self;
  GtkAdjustment *inner;

  g_return_val_if_fail (GTK_IS_WIDGET (list), NULL);
  g_return_val_if_fail (GTK_IS_SCROLLBAR (scrollbar), NULL);

  self = g_object_new (HU_TYPE_LIST_PAGER, NULL);
  g_set_weak_pointer (&self->list, list);
  g_set_weak_pointer (&self->scrollbar, scrollbar);
  self->fixed_rows = n_rows;
  self->n_rows = n_rows != 0 ? n_rows : FIRST_GUESS;
  self->n_whole = self->n_rows;
  gtk_slice_list_model_set_size (self->slice, self->n_rows);
  gtk_scrollbar_set_adjustment (scrollbar, self->adjustment);
  gtk_widget_set_visible (GTK_WIDGET (scrollbar), FALSE);

  inner = viewport (self);
  if (n_rows == 0 && inner != NULL)
    g_signal_connect_object (inner, "changed", G_CALLBACK (on_viewport_changed), self,
                             G_CONNECT_SWAPPED);

  g_object_set (list, "model", self, NULL);
  return self;
}

/**
 * hu_list_pager_set_model:
 * @model: (nullable): the rows; a GtkSelectionModel for a list that
 *   selects them
 *
 * Pages @model's rows from its first.
 */
void
hu_list_pager_set_model (HuListPager *self,
                         GListModel  *model)
{
  GListModel *old;

  g_return_if_fail (HU_IS_LIST_PAGER (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  old = gtk_slice_list_model_get_model (self->slice);
  if (old == model)
    return;
  if (old != NULL)
    g_signal_handlers_disconnect_by_data (old, self);
  gtk_adjustment_set_value (self->adjustment, 0);
  gtk_slice_list_model_set_model (self->slice, model);
  if (model != NULL)
    {
      /* After the slice's own handler: the slice has its rows when the
       * adjustment follows them. */
      g_signal_connect_object (model, "items-changed", G_CALLBACK (sync_adjustment), self,
                               G_CONNECT_SWAPPED);
      if (GTK_IS_SELECTION_MODEL (model))
        g_signal_connect_object (model, "selection-changed", G_CALLBACK (on_selection_changed),
                                 self, G_CONNECT_SWAPPED);
    }
  sync_adjustment (self);
}

/**
 * hu_list_pager_get_model:
 *
 * Returns: (transfer none) (nullable): the rows paged
 */
GListModel *
hu_list_pager_get_model (HuListPager *self)
{
  g_return_val_if_fail (HU_IS_LIST_PAGER (self), NULL);
  return gtk_slice_list_model_get_model (self->slice);
}

/**
 * hu_list_pager_show_position:
 * @position: a row of the model
 *
 * Moves the page as little as it takes to show the row at @position
 * whole (a list scrolling to an item).
 */
void
hu_list_pager_show_position (HuListPager *self,
                             guint        position)
{
  double value;

  g_return_if_fail (HU_IS_LIST_PAGER (self));

  value = gtk_adjustment_get_value (self->adjustment);
  if (position < value)
    gtk_adjustment_set_value (self->adjustment, position);
  else if (position >= value + self->n_whole)
    gtk_adjustment_set_value (self->adjustment, (double) position - self->n_whole + 1);
}

/**
 * hu_list_pager_select_position:
 * @position: a row of the model
 *
 * Shows the row at @position (hu_list_pager_show_position()), selects it
 * alone in the model, and, in a list view, gives it the keyboard focus
 * once it is laid out: what the list's own keys do within the page.
 */
void
hu_list_pager_select_position (HuListPager *self,
                               guint        position)
{
  GtkSelectionModel *whole;

  g_return_if_fail (HU_IS_LIST_PAGER (self));

  whole = whole_selection (self);
  hu_list_pager_show_position (self, position);
  if (whole != NULL)
    gtk_selection_model_select_item (whole, position, TRUE);
  if (self->list == NULL || !GTK_IS_LIST_VIEW (self->list))
    return;
  self->focus_position = position - gtk_slice_list_model_get_offset (self->slice);
  after_layout (self);
}

/**
 * hu_list_pager_get_offset:
 *
 * Returns: the model's position of the page's first row
 */
guint
hu_list_pager_get_offset (HuListPager *self)
{
  g_return_val_if_fail (HU_IS_LIST_PAGER (self), 0);
  return gtk_slice_list_model_get_offset (self->slice);
}

/**
 * hu_list_pager_set_offset:
 * @offset: the model's position of the page's first row
 *
 * Moves the page to start at @offset, as its scroll bar would: an offset
 * below 0 is the first page's, one past the last page's the last's.
 */
void
hu_list_pager_set_offset (HuListPager *self,
                          double       offset)
{
  g_return_if_fail (HU_IS_LIST_PAGER (self));
  gtk_adjustment_set_value (self->adjustment, offset);
}

/**
 * hu_list_pager_get_page_size:
 *
 * Returns: how many rows the page shows whole (the list shows the next
 *   in part), at most the model's
 */
guint
hu_list_pager_get_page_size (HuListPager *self)
{
  g_return_val_if_fail (HU_IS_LIST_PAGER (self), 0);
  return (guint) gtk_adjustment_get_page_size (self->adjustment);
}

/**
 * hu_list_pager_get_n_rows:
 *
 * Returns: how many rows the list is given at a time
 */
guint
hu_list_pager_get_n_rows (HuListPager *self)
{
  g_return_val_if_fail (HU_IS_LIST_PAGER (self), 0);
  return self->n_rows;
}

/**
 * hu_list_pager_count_binds:
 * @factory: the list's factory (a column view's first column's), a
 *   GtkSignalListItemFactory
 *
 * Counts the rows @factory binds, for hu_list_pager_get_n_rows_bound().
 */
void
hu_list_pager_count_binds (HuListPager        *self,
                           GtkListItemFactory *factory)
{
  g_return_if_fail (HU_IS_LIST_PAGER (self));
  g_return_if_fail (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory));

  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind), self, G_CONNECT_SWAPPED);
}

/**
 * hu_list_pager_get_n_rows_bound:
 *
 * How many times a row was bound to an item (for tests: a big model
 * binds the rows on screen, not one per row nor GTK's ~200).
 */
guint
hu_list_pager_get_n_rows_bound (HuListPager *self)
{
  g_return_val_if_fail (HU_IS_LIST_PAGER (self), 0);
  return self->n_rows_bound;
}

/**
 * hu_list_pager_mark_row:
 * @row: the widget a factory made for @item (a list item's child, or a
 *   column view's cell's child)
 *
 * Lets the pager tell which row has the keyboard focus, so the arrows at
 * the page's first and last rows move the page.
 */
void
hu_list_pager_mark_row (GtkWidget   *row,
                        GtkListItem *item)
{
  g_return_if_fail (GTK_IS_WIDGET (row));
  g_return_if_fail (GTK_IS_LIST_ITEM (item));

  g_object_set_data (G_OBJECT (row), "hu-list-item", item);
}

/**
 * hu_list_pager_get_row_item:
 * @widget: a widget
 *
 * Returns: (transfer none) (nullable): the item @widget was marked with
 *   by hu_list_pager_mark_row(), or NULL
 */
GtkListItem *
hu_list_pager_get_row_item (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  return g_object_get_data (G_OBJECT (widget), "hu-list-item");
}
