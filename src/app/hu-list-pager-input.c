/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuListPager"

/* HuListPager's input: the wheel and the keys that move its page of rows
 * (the class and its slicing are in hu-list-pager.c). Static functions
 * only, over the instance struct of hu-list-pager-private.h; the pager
 * calls _hu_list_pager_take_input() once, as it is made. */

#include "config.h"

#include <math.h>

#include "hu-list-pager-private.h"

/* The scrolled window the list's page lies in, if any (the comparison
 * page around the table): the wheel scrolls it at the rows' ends. */
static GtkScrolledWindow *
outer_window (HuListPager *self)
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
page_scrolls_first (HuListPager       *self,
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
on_scroll (HuListPager              *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *scroll)
{
  double value = gtk_adjustment_get_value (self->adjustment);
  double top = _hu_list_pager_max_offset (self);
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
    rows = dy * gtk_adjustment_get_page_size (self->adjustment) /
           MAX (gtk_widget_get_height (self->list), 1);
  rows += self->scroll_rest;
  self->scroll_rest = rows - trunc (rows);
  gtk_adjustment_set_value (self->adjustment, value + trunc (rows));
  return TRUE;
}

/* The position on the page of the row that has the keyboard focus (the
 * focus is in or on the widget hu_list_pager_mark_row() marked), or -1. */
static int
focused_row (HuListPager *self)
{
  GtkRoot *root = gtk_widget_get_root (self->list);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, self->list))
    return -1;
  for (GtkWidget *w = focus; w != NULL && w != self->list; w = gtk_widget_get_parent (w))
    {
      GtkListItem *item = g_object_get_data (G_OBJECT (w), "hu-list-item");

      if (item != NULL)
        return (int) gtk_list_item_get_position (item);
    }
  /* A row of a list view has the focus itself; its child is marked
   * (in a column view, its first cell's child). */
  for (guint depth = 0; focus != NULL && depth < 3; depth++)
    {
      GtkListItem *item = g_object_get_data (G_OBJECT (focus), "hu-list-item");

      if (item != NULL)
        return (int) gtk_list_item_get_position (item);
      focus = gtk_widget_get_first_child (focus);
    }
  return -1;
}

/* Selects the row at @position on the page, as the list's own keys
 * would, and gives it the focus once it is laid out. */
static void
focus_row (HuListPager *self,
           guint        position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self), position, TRUE);
  if (!GTK_IS_LIST_VIEW (self->list))
    return;
  self->focus_position = position;
  _hu_list_pager_after_layout (self);
}

/* In a list that selects, the keys that leave the page move the focus
 * and the selection to @target, a row of the model, themselves: GTK's
 * own bindings run after the page has changed under them, on a focused
 * row that may be gone (End from the first page: nothing was selected). */
static gboolean
move_focus (HuListPager *self,
            double       target)
{
  guint n = g_list_model_get_n_items (gtk_slice_list_model_get_model (self->slice));

  if (n == 0)
    return TRUE;
  target = CLAMP (target, 0, n - 1);
  hu_list_pager_show_position (self, (guint) target);
  focus_row (self, (guint) target - gtk_slice_list_model_get_offset (self->slice));
  return TRUE;
}

/* Page Up and Page Down move the page of rows; the arrows at its first or
 * last row move it by one row, Home and End to the first or last rows.
 * In a list that selects (the sidebar) the focus and the selection go
 * with them (move_focus()); in one that does not (the table) the list
 * then moves the focus to the row that came in. With Shift or Control
 * the list's own keys act within the page. */
static gboolean
on_key (HuListPager     *self,
        guint            keyval,
        guint            keycode,
        GdkModifierType  state)
{
  double value = gtk_adjustment_get_value (self->adjustment);
  double page = gtk_adjustment_get_page_increment (self->adjustment);
  int shown = (int) gtk_adjustment_get_page_size (self->adjustment);
  gboolean selects = _hu_list_pager_whole_selection (self) != NULL &&
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
          gtk_adjustment_set_value (self->adjustment, value + 1);
        }
      return FALSE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (shown > 0 && focused == 0)
        {
          if (selects)
            return move_focus (self, value - 1);
          gtk_adjustment_set_value (self->adjustment, value - 1);
        }
      return FALSE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      if (selects)
        return move_focus (self, 0);
      gtk_adjustment_set_value (self->adjustment, 0);
      return FALSE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (selects)
        return move_focus (self, gtk_adjustment_get_upper (self->adjustment) - 1);
      gtk_adjustment_set_value (self->adjustment, gtk_adjustment_get_upper (self->adjustment));
      return FALSE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      if (keyval == GDK_KEY_Page_Up || keyval == GDK_KEY_KP_Page_Up)
        page = -page;
      gtk_adjustment_set_value (self->adjustment, value + page);
      /* A page's worth of rows further, or the first or last row. */
      if (selects && focused >= 0)
        move_focus (self, value + focused + page);
      return TRUE;
    default:
      return FALSE;
    }
}

/* The wheel and the keys go to the pager before the list's own
 * handlers, which would scroll or move the focus within the page only. */
void
_hu_list_pager_take_input (HuListPager *self)
{
  GtkEventController *controller;

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (on_scroll), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->list, controller);
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->list, controller);
}
