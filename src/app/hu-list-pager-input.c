/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuListPager"

/* The wheel and the keys that move a HuListPager's page of rows. The
 * input owns the event controllers it puts on the list, and moves the
 * page through the pager's public calls only (its offset, its rows, the
 * rows a page shows whole, showing and selecting a row): the pager knows
 * nothing of it. Whoever makes the pager makes its input beside it. */

#include "config.h"

#include <math.h>

#include "hu-list-pager-input.h"

struct _HuListPagerInput
{
  GObject             parent_instance;

  HuListPager        *pager;
  GtkWidget          *list;        /* weak: the list holds the controllers */
  GtkScrollbar       *scrollbar;   /* weak */
  GtkEventController *scroll;      /* owned by the list */
  GtkEventController *keys;        /* owned by the list */
  double              scroll_rest; /* a touchpad's part of a row */
};

G_DEFINE_FINAL_TYPE (HuListPagerInput, hu_list_pager_input, G_TYPE_OBJECT)

/* How many rows the pager pages (its model's, not its page's). */
static guint
n_model_rows (HuListPagerInput *self)
{
  GListModel *model = hu_list_pager_get_model (self->pager);

  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

/* The offset of the page that shows the last rows. */
static double
max_offset (HuListPagerInput *self)
{
  return (double) n_model_rows (self) - hu_list_pager_get_page_size (self->pager);
}

/* The scrolled window the list's page lies in, if any (the comparison
 * page around the table): the wheel scrolls it at the rows' ends. */
static GtkScrolledWindow *
outer_window (HuListPagerInput *self)
{
  GtkWidget *area = gtk_widget_get_parent (GTK_WIDGET (self->scrollbar));

  for (GtkWidget *w = area != NULL ? gtk_widget_get_parent (area) : NULL; w != NULL;
       w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      return GTK_SCROLLED_WINDOW (w);
  return NULL;
}

/* Whether the page must scroll before the rows do, for a wheel turned by
 * @dy: part of the list (with its scroll bar) lies beyond the page's edge
 * that way and the page can still move. The table (twelve rows of up to
 * four lines) is taller than the page at the default size; if its rows
 * took the wheel first, the end of the page would be reached only after
 * scrolling through every row, and the rows below the page's edge never. */
static gboolean
page_scrolls_first (HuListPagerInput  *self,
                    GtkScrolledWindow *outer,
                    double             dy)
{
  GtkAdjustment *page = gtk_scrolled_window_get_vadjustment (outer);
  GtkWidget *area = gtk_widget_get_parent (GTK_WIDGET (self->scrollbar));
  double value = gtk_adjustment_get_value (page);
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (area, GTK_WIDGET (outer), &bounds))
    return FALSE;
  if (dy > 0)
    return bounds.origin.y + bounds.size.height > gtk_widget_get_height (GTK_WIDGET (outer)) + 1 &&
           value < gtk_adjustment_get_upper (page) - gtk_adjustment_get_page_size (page);
  return bounds.origin.y < -1 && value > gtk_adjustment_get_lower (page);
}

/* The wheel or touchpad over the list moves its rows once the list is
 * in view (page_scrolls_first()), else, and at either end of the rows,
 * the page around it, if any. The page is scrolled here: a scrolled
 * window between the list and the page (the table's, there for its width
 * at 360 px) takes every wheel event it is given, so returning FALSE
 * would scroll nothing. */
static gboolean
on_scroll (HuListPagerInput         *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *scroll)
{
  double value = hu_list_pager_get_offset (self->pager);
  double top = max_offset (self);
  GtkScrolledWindow *outer = outer_window (self);
  double rows;

  if (dy == 0)
    return FALSE;
  if ((dy < 0 && value <= 0) || (dy > 0 && value >= top) ||
      (outer != NULL && page_scrolls_first (self, outer, dy)))
    {
      GtkAdjustment *page = outer != NULL ? gtk_scrolled_window_get_vadjustment (outer) : NULL;

      if (page == NULL)
        return TRUE;
      /* A wheel's click in pixels as GtkScrolledWindow counts it. */
      if (gtk_event_controller_scroll_get_unit (scroll) == GDK_SCROLL_UNIT_WHEEL)
        dy *= pow (gtk_adjustment_get_page_size (page), 2.0 / 3.0);
      gtk_adjustment_set_value (page, gtk_adjustment_get_value (page) + dy);
      return TRUE;
    }
  /* Three rows a wheel click, as a text view scrolls three lines; a
   * touchpad giving pixels (Wayland) moves a row per row's height. */
  if (gtk_event_controller_scroll_get_unit (scroll) == GDK_SCROLL_UNIT_WHEEL)
    rows = dy * 3;
  else
    rows = dy * hu_list_pager_get_page_size (self->pager) /
           MAX (gtk_widget_get_height (self->list), 1);
  rows += self->scroll_rest;
  self->scroll_rest = rows - trunc (rows);
  hu_list_pager_set_offset (self->pager, value + trunc (rows));
  return TRUE;
}

/* The position on the page of the row that has the keyboard focus (the
 * focus is in or on the widget hu_list_pager_mark_row() marked), or -1. */
static int
focused_row (HuListPagerInput *self)
{
  GtkRoot *root = gtk_widget_get_root (self->list);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, self->list))
    return -1;
  for (GtkWidget *w = focus; w != NULL && w != self->list; w = gtk_widget_get_parent (w))
    {
      GtkListItem *item = hu_list_pager_get_row_item (w);

      if (item != NULL)
        return (int) gtk_list_item_get_position (item);
    }
  /* A row of a list view has the focus itself; its child is marked
   * (in a column view, its first cell's child). */
  for (guint depth = 0; focus != NULL && depth < 3; depth++)
    {
      GtkListItem *item = hu_list_pager_get_row_item (focus);

      if (item != NULL)
        return (int) gtk_list_item_get_position (item);
      focus = gtk_widget_get_first_child (focus);
    }
  return -1;
}

/* In a list that selects, the keys that leave the page move the focus
 * and the selection to @target, a row of the model, themselves: GTK's
 * own bindings run after the page has changed under them, on a focused
 * row that may be gone (End from the first page: nothing was selected). */
static gboolean
move_focus (HuListPagerInput *self,
            double            target)
{
  guint n = n_model_rows (self);

  if (n == 0)
    return TRUE;
  target = CLAMP (target, 0, n - 1);
  hu_list_pager_select_position (self->pager, (guint) target);
  return TRUE;
}

/* Page Up and Page Down move the page of rows; the arrows at its first or
 * last row move it by one row, Home and End to the first or last rows.
 * In a list that selects (the sidebar) the focus and the selection go
 * with them (move_focus()); in one that does not (the table) the list
 * then moves the focus to the row that came in. With Shift or Control
 * the list's own keys act within the page. */
static gboolean
on_key (HuListPagerInput *self,
        guint             keyval,
        guint             keycode,
        GdkModifierType   state)
{
  double value = hu_list_pager_get_offset (self->pager);
  int shown = (int) hu_list_pager_get_page_size (self->pager);
  /* A page less a row, as the scroll bar's trough moves it: the row at
   * the page's edge stays in view. */
  double page = MAX (shown, 2) - 1;
  gboolean selects = GTK_IS_SELECTION_MODEL (hu_list_pager_get_model (self->pager)) &&
                     (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) == 0;
  int focused = focused_row (self);

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (shown > 0 && focused == shown - 1)
        {
          if (selects)
            return move_focus (self, value + focused + 1);
          hu_list_pager_set_offset (self->pager, value + 1);
        }
      return FALSE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (shown > 0 && focused == 0)
        {
          if (selects)
            return move_focus (self, value - 1);
          hu_list_pager_set_offset (self->pager, value - 1);
        }
      return FALSE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      if (selects)
        return move_focus (self, 0);
      hu_list_pager_set_offset (self->pager, 0);
      return FALSE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (selects)
        return move_focus (self, (double) n_model_rows (self) - 1);
      hu_list_pager_set_offset (self->pager, max_offset (self));
      return FALSE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      if (keyval == GDK_KEY_Page_Up || keyval == GDK_KEY_KP_Page_Up)
        page = -page;
      hu_list_pager_set_offset (self->pager, value + page);
      /* A page's worth of rows further, or the first or last row. */
      if (selects && focused >= 0)
        move_focus (self, value + focused + page);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
hu_list_pager_input_dispose (GObject *object)
{
  HuListPagerInput *self = HU_LIST_PAGER_INPUT (object);

  /* The list goes on without the pager's keys (a view made anew). */
  if (self->list != NULL)
    {
      gtk_widget_remove_controller (self->list, self->scroll);
      gtk_widget_remove_controller (self->list, self->keys);
    }
  self->scroll = NULL;
  self->keys = NULL;
  g_clear_weak_pointer (&self->list);
  g_clear_weak_pointer (&self->scrollbar);
  g_clear_object (&self->pager);

  G_OBJECT_CLASS (hu_list_pager_input_parent_class)->dispose (object);
}

static void
hu_list_pager_input_class_init (HuListPagerInputClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hu_list_pager_input_dispose;
}

static void
hu_list_pager_input_init (HuListPagerInput *self)
{
}

/**
 * hu_list_pager_input_new:
 * @pager: the pager that is @list's model
 * @list: the list (GtkListView, GtkColumnView)
 * @scrollbar: the scroll bar beside it; its parent holds the list and
 *   the scroll bar
 *
 * Takes @list's wheel and its paging keys, before the list's own
 * handlers, which would scroll or move the focus within the page only,
 * and moves @pager's page with them. Keep the input as long as the list:
 * disposed, it gives the wheel and the keys back.
 *
 * Returns: (transfer full): the input
 */
HuListPagerInput *
hu_list_pager_input_new (HuListPager  *pager,
                         GtkWidget    *list,
                         GtkScrollbar *scrollbar)
{
  HuListPagerInput *self;

  g_return_val_if_fail (HU_IS_LIST_PAGER (pager), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (list), NULL);
  g_return_val_if_fail (GTK_IS_SCROLLBAR (scrollbar), NULL);

  self = g_object_new (HU_TYPE_LIST_PAGER_INPUT, NULL);
  self->pager = g_object_ref (pager);
  g_set_weak_pointer (&self->list, list);
  g_set_weak_pointer (&self->scrollbar, scrollbar);

  self->scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (self->scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->scroll, "scroll", G_CALLBACK (on_scroll), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (list, self->scroll);
  self->keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (self->keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->keys, "key-pressed", G_CALLBACK (on_key), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (list, self->keys);
  return self;
}
