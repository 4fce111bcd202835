/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "hu-column-view-helpers.h"

/* What GtkColumnView 4.8 lacks for the comparison table: titles that wrap
 * and sit over their figures, and a column as wide as its content needs.
 * Kept apart from hu-widgets.c, which builds cards and rows. */

/* The label of a column title (GtkColumnViewTitle > GtkBox > GtkLabel and
 * the sort arrow, in either order: see
 * hu_column_view_end_align_title()), or NULL for another kind of
 * child. */
static GtkLabel *
title_label (GtkWidget *title)
{
  GtkWidget *box = gtk_widget_get_first_child (title);

  for (GtkWidget *child = box != NULL ? gtk_widget_get_first_child (box) : NULL; child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      return GTK_LABEL (child);
  return NULL;
}

/* After each layout of @view: each shown title's label is asked to be as
 * tall as its text wrapped at the width its column gave it (see
 * hu_column_view_wrap_titles()). The widths do not depend on these
 * heights, so the layout GTK runs again for a changed height ends here. */
static void
fit_column_titles (GdkFrameClock *clock,
                   GtkWidget     *view)
{
  GtkWidget *header = gtk_widget_get_first_child (view);

  for (GtkWidget *title = header != NULL ? gtk_widget_get_first_child (header) : NULL;
       title != NULL; title = gtk_widget_get_next_sibling (title))
    {
      GtkLabel *label = title_label (title);
      g_autoptr(PangoLayout) layout = NULL;
      int box_width, label_width, beside, height, requested;

      if (label == NULL || !gtk_widget_get_mapped (title))
        continue;
      /* The sort arrow and the spacing beside the label in its box, as
       * the box measures them. */
      gtk_widget_measure (gtk_widget_get_parent (GTK_WIDGET (label)), GTK_ORIENTATION_HORIZONTAL,
                          -1, NULL, &box_width, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &label_width,
                          NULL, NULL);
      beside = box_width - label_width;
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (label), gtk_label_get_text (label));
      pango_layout_set_wrap (layout, gtk_label_get_wrap_mode (label));
      pango_layout_set_width (layout, MAX (gtk_widget_get_width (title) - beside, 1) * PANGO_SCALE);
      pango_layout_get_pixel_size (layout, NULL, &height);
      gtk_widget_get_size_request (GTK_WIDGET (label), NULL, &requested);
      if (requested != height)
        gtk_widget_set_size_request (GTK_WIDGET (label), -1, height);
    }
}

static void
on_column_view_map (GtkWidget *view)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (view), "layout",
                           G_CALLBACK (fit_column_titles), view, G_CONNECT_AFTER);
}

static void
on_column_view_unmap (GtkWidget *view)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (view);

  if (clock != NULL)
    g_signal_handlers_disconnect_by_func (clock, fit_column_titles, view);
}

/**
 * hu_column_view_wrap_titles:
 * @view: a column view whose columns are all added
 *
 * A column is as wide as its title's minimum, and a title's label does
 * not wrap: "Probabilidad de menos" made its column of "97 %" 190 px
 * wide, and a table with ranges did not fit beside the sidebar of a
 * 1200 px window. GtkColumnView 4.8 has no API for its titles' labels;
 * they are the labels in its header, wrapped here between words.
 *
 * Wrapping is not enough: GTK 4.8 measures the header's height with each
 * title on one line, and a title then lays its label out as wide as one
 * line needs at that height, past its column's edge, where it was cut
 * ("Probabilidad de r"). So after each layout each title is given the
 * height of its text at its column's width; the header grows to the
 * tallest, and as wide a window, whose titles fit on one line, keeps a
 * header of one line.
 */
void
hu_column_view_wrap_titles (GtkColumnView *view)
{
  static GtkCssProvider *unsorted = NULL;
  GtkWidget *header;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  header = gtk_widget_get_first_child (GTK_WIDGET (view));
  for (GtkWidget *title = header != NULL ? gtk_widget_get_first_child (header) : NULL;
       title != NULL; title = gtk_widget_get_next_sibling (title))
    {
      GtkLabel *label = title_label (title);

      if (label == NULL)
        continue;
      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD);
      /* Laid out at a given height, a wrapping label asks for the
       * narrowest width its text fits in: "GPU-hours" beside a taller
       * title would break after "GPU-" with room to spare. Expanding, it
       * takes its column's width, as fit_column_titles() measures it. */
      gtk_widget_set_hexpand (GTK_WIDGET (label), TRUE);
      gtk_label_set_xalign (label, 0.0);
      /* GTK 4.8 keeps 16 px beside every title for a sort arrow it draws
       * only on the sorted column's: "Equivalent to" wrapped in a column
       * wide enough for it. The arrow takes room only where it is drawn. */
      for (GtkWidget *arrow = gtk_widget_get_first_child (gtk_widget_get_parent (GTK_WIDGET (label)));
           arrow != NULL; arrow = gtk_widget_get_next_sibling (arrow))
        if (arrow != GTK_WIDGET (label))
          {
            if (unsorted == NULL)
              {
                unsorted = gtk_css_provider_new ();
                gtk_css_provider_load_from_data (unsorted, ".unsorted { min-width: 0;"
                                                           " min-height: 0; -gtk-icon-size: 0; }",
                                                 -1);
              }
            gtk_style_context_add_provider (gtk_widget_get_style_context (arrow),
                                            GTK_STYLE_PROVIDER (unsorted),
                                            GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
          }
    }
  g_signal_connect (view, "map", G_CALLBACK (on_column_view_map), NULL);
  g_signal_connect (view, "unmap", G_CALLBACK (on_column_view_unmap), NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (view)))
    on_column_view_map (GTK_WIDGET (view));
}

/**
 * hu_column_view_title_label:
 * @view: a column view
 * @column: one of its columns
 *
 * GtkColumnView 4.8 has no API for a title's label: it is the label in
 * the header's title of the same position as @column, each title a box
 * of the label and the sort arrow.
 *
 * Returns: (transfer none) (nullable): the label of @column's title
 */
GtkLabel *
hu_column_view_title_label (GtkColumnView       *view,
                               GtkColumnViewColumn *column)
{
  GListModel *columns;
  GtkWidget *header, *title;
  guint position = 0, n;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column), NULL);

  columns = gtk_column_view_get_columns (view);
  n = g_list_model_get_n_items (columns);
  while (position < n)
    {
      g_autoptr(GtkColumnViewColumn) item = g_list_model_get_item (columns, position);

      if (item == column)
        break;
      position++;
    }
  if (position == n)
    return NULL;

  header = gtk_widget_get_first_child (GTK_WIDGET (view));
  title = header != NULL ? gtk_widget_get_first_child (header) : NULL;
  for (guint i = 0; title != NULL && i < position; i++)
    title = gtk_widget_get_next_sibling (title);
  if (title == NULL)
    return NULL;
  return title_label (title);
}

/**
 * hu_column_view_end_align_title:
 * @view: a column view whose titles wrap (hu_column_view_wrap_titles())
 * @column: a column whose cells are aligned at their end (numbers)
 *
 * A column of numbers aligned at their end has its title there too, over
 * them, not at the start of the column: the label's lines end at the
 * title's edge, and the sort arrow goes before the label, so that the
 * title's text ends where the numbers end (the same 6 px of padding in
 * style.css). In a right-to-left locale both flip, as the cells do.
 */
void
hu_column_view_end_align_title (GtkColumnView       *view,
                                   GtkColumnViewColumn *column)
{
  GtkLabel *label = hu_column_view_title_label (view, column);
  GtkWidget *box;

  g_return_if_fail (label != NULL);

  gtk_label_set_xalign (label, 1.0);
  gtk_label_set_justify (label, GTK_JUSTIFY_RIGHT);
  box = gtk_widget_get_parent (GTK_WIDGET (label));
  if (GTK_IS_BOX (box) && gtk_widget_get_next_sibling (GTK_WIDGET (label)) != NULL)
    gtk_box_reorder_child_after (GTK_BOX (box), GTK_WIDGET (label),
                                 gtk_widget_get_last_child (box));
}

/**
 * hu_column_view_wrap_width:
 * @widget: the widget whose font draws @text
 * @text: a text that wraps at words
 * @max_lines: how many lines it may take
 * @min_width: the narrowest width to give
 * @max_width: the widest width to give
 *
 * The narrowest width, from @min_width to @max_width in steps of 10 px,
 * at which @text wraps into @max_lines lines at most: a column as wide as
 * its content needs, no wider (issue 10: "11.8 years of driving a petrol
 * car" took four lines of a column made for fourteen characters).
 *
 * Returns: a width in pixels; @max_width when no width fits
 */
int
hu_column_view_wrap_width (GtkWidget  *widget,
                       const char *text,
                       int         max_lines,
                       int         min_width,
                       int         max_width)
{
  g_autoptr(PangoLayout) layout = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), max_width);

  if (text == NULL || *text == '\0')
    return min_width;
  layout = gtk_widget_create_pango_layout (widget, text);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  for (int width = min_width; width < max_width; width += 10)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      if (pango_layout_get_line_count (layout) <= max_lines)
        return width;
    }
  return max_width;
}

/**
 * hu_column_view_room:
 * @view: a table in a scrolled window
 * @current: the width a column of @view has now
 * @window_width: (out): the scrolled window's width
 *
 * The widest the column may be without the table growing past the
 * scrolled window that holds it: its width now and what the other
 * columns' minimum widths leave.
 *
 * Returns: a width in pixels, possibly less than @current
 */
int
hu_column_view_room (GtkColumnView *view,
                        int            current,
                        int           *window_width)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  int table_min = 0;

  g_return_val_if_fail (window != NULL, current);

  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_HORIZONTAL, -1, &table_min, NULL,
                      NULL, NULL);
  *window_width = gtk_widget_get_width (window);
  return *window_width - (table_min - current);
}

/**
 * hu_column_view_size_cells:
 *
 * Gives the first child of every widget under @root whose data @key is
 * @value a minimum width of @width: the cells of one column, once that
 * column's width changes.
 */
void
hu_column_view_size_cells (GtkWidget  *root,
                       const char *key,
                       guint       value,
                       int         width)
{
  if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (root), key)) == value)
    {
      gtk_widget_set_size_request (gtk_widget_get_first_child (root), width, -1);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    hu_column_view_size_cells (c, key, value, width);
}
