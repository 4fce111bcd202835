/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuWidgets"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hu-widgets.h"

/* Small pieces several views build the same way. They are functions, not
 * classes: none of them has state of its own worth a GObject. */

/* The number, its range and its caption laid out stacked and centred, or
 * compact: the caption at the start over both rows, the number and the
 * range at the end (hu_widgets_set_result_cards_compact()). */
static void
place_card_children (GtkWidget *card,
                     gboolean   compact)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (card);
  GtkWidget *value = gtk_widget_get_first_child (card);
  GtkWidget *range = gtk_widget_get_next_sibling (value);
  GtkWidget *title = gtk_widget_get_next_sibling (range);
  struct { GtkWidget *widget; int column, row, rows; float xalign; } places[] = {
    { value, compact, 0, 1, compact ? 1.0f : 0.5f },
    { range, compact, 1, 1, compact ? 1.0f : 0.5f },
    { title, 0, compact ? 0 : 2, compact ? 2 : 1, compact ? 0.0f : 0.5f },
  };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      GtkGridLayoutChild *child =
        GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, places[i].widget));

      gtk_grid_layout_child_set_column (child, places[i].column);
      gtk_grid_layout_child_set_row (child, places[i].row);
      gtk_grid_layout_child_set_row_span (child, places[i].rows);
      gtk_label_set_xalign (GTK_LABEL (places[i].widget), places[i].xalign);
      gtk_label_set_justify (GTK_LABEL (places[i].widget),
                             compact ? (places[i].xalign > 0.5f ? GTK_JUSTIFY_RIGHT
                                                                : GTK_JUSTIFY_LEFT)
                                     : GTK_JUSTIFY_CENTER);
      gtk_widget_set_hexpand (places[i].widget, !compact || places[i].widget == title);
    }
  gtk_widget_set_valign (title, compact ? GTK_ALIGN_CENTER : GTK_ALIGN_FILL);
  /* Body-sized bold in a row; the big number when stacked. */
  if (compact)
    {
      gtk_widget_remove_css_class (value, "title-3");
      gtk_widget_add_css_class (value, "heading");
      gtk_widget_add_css_class (card, "compact");
    }
  else
    {
      gtk_widget_remove_css_class (value, "heading");
      gtk_widget_add_css_class (value, "title-3");
      gtk_widget_remove_css_class (card, "compact");
    }
}

/**
 * hu_widgets_append_result_card:
 * @box: the flow box that lays the cards out
 * @caption: what the number is, already translated
 *
 * Appends a card with a large number over a small caption, as the run view
 * and the scenario editor show their headline results. The number starts
 * as "—" (nothing known yet) and stays selectable, so it can be copied.
 * It is never wrapped: "3,542 thousand GPU-h" broken over two ragged
 * lines with its range read badly (issue 10). A likely range, when there
 * is one (hu_widgets_set_card_value()), has a smaller line of its own
 * between the number and the caption.
 *
 * Returns: (transfer none): the card's value label, for the caller to fill
 */
GtkLabel *
hu_widgets_append_result_card (GtkFlowBox *box,
                               const char *caption)
{
  GtkWidget *card;
  GtkWidget *value;
  GtkWidget *range;
  GtkWidget *title;

  g_return_val_if_fail (GTK_IS_FLOW_BOX (box), NULL);
  g_return_val_if_fail (caption != NULL, NULL);

  card = gtk_grid_new ();
  value = gtk_label_new ("—");
  range = gtk_label_new (NULL);
  title = gtk_label_new (caption);

  gtk_grid_set_row_spacing (GTK_GRID (card), 2);
  gtk_grid_set_column_spacing (GTK_GRID (card), 12);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "hu-result-card");
  gtk_widget_add_css_class (value, "title-3");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_label_set_single_line_mode (GTK_LABEL (value), TRUE);
  gtk_widget_add_css_class (range, "caption");
  gtk_widget_add_css_class (range, "dim-label");
  gtk_widget_add_css_class (range, "numeric");
  gtk_label_set_wrap (GTK_LABEL (range), TRUE);
  gtk_widget_set_visible (range, FALSE);
  gtk_widget_add_css_class (title, "caption");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  /* In this order, whatever the layout: the number, its range, what it is. */
  gtk_grid_attach (GTK_GRID (card), value, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (card), range, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (card), title, 0, 2, 1, 1);
  /* A screen reader reads the number with what it measures. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  /* Cards are output, not controls: no tab stop each (the numbers still
   * select with the mouse), and the card is named "31.22 t CO₂eq CO₂eq"
   * by its number and caption for whoever browses to it. */
  gtk_widget_set_focusable (value, FALSE);
  gtk_widget_set_focusable (range, FALSE);
  gtk_flow_box_append (box, card);
  gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (gtk_widget_get_parent (card)),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, value, title, NULL, -1);
  place_card_children (card, FALSE);
  return GTK_LABEL (value);
}

/**
 * hu_widgets_set_card_value:
 * @value: a label from hu_widgets_append_result_card()
 * @text: the number, "3,542 thousand GPU-h"
 * @range: (nullable): its likely range, "2,576–4,130 thousand GPU-h", or
 *   %NULL for none
 *
 * Fills a result card: the number on its line, the range on its own
 * smaller one (gone without a range), and the range in the card's
 * accessible description.
 */
void
hu_widgets_set_card_value (GtkLabel   *value,
                           const char *text,
                           const char *range)
{
  GtkWidget *range_label;
  GtkWidget *card;
  gboolean has_range = range != NULL && range[0] != '\0';

  g_return_if_fail (GTK_IS_LABEL (value));

  range_label = gtk_widget_get_next_sibling (GTK_WIDGET (value));
  card = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (value)));
  gtk_label_set_label (value, text != NULL ? text : "—");
  gtk_label_set_label (GTK_LABEL (range_label), has_range ? range : "");
  gtk_widget_set_visible (range_label, has_range);
  if (has_range)
    {
      /* Translators: a result card's likely range, for a screen reader:
       * "likely 2,576–4,130 thousand GPU-h" */
      g_autofree char *description = g_strdup_printf (_("likely %s"), range);

      gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * hu_widgets_append_to_card:
 * @value: a label from hu_widgets_append_result_card()
 * @widget: what to add under the card's caption, a note such as "Not
 *   logged"
 */
void
hu_widgets_append_to_card (GtkLabel  *value,
                           GtkWidget *widget)
{
  GtkWidget *card;

  g_return_if_fail (GTK_IS_LABEL (value));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  card = gtk_widget_get_parent (GTK_WIDGET (value));
  g_return_if_fail (GTK_IS_GRID (card));
  gtk_grid_attach (GTK_GRID (card), widget, 0, 3, 1, 1);
}

/**
 * hu_widgets_set_result_cards_compact:
 * @box: a flow box of hu_widgets_append_result_card() cards
 * @compact: %TRUE for a row a card, caption at the start and the number
 *   at the end
 *
 * Beside the scenario form the cards share a narrow pane with the chart
 * of every scenario: stacked, six of them (a served scenario's) pushed the
 * chart below a 1200 × 800 window's fold (issue 10). Compact, each card is
 * one row, its caption at the start and its number (and range) at the
 * end, in body-sized bold: about half the height. Not compact, they are
 * the big numbers over their captions, several a line where there is
 * room, all of one size.
 */
void
hu_widgets_set_result_cards_compact (GtkFlowBox *box,
                                     gboolean    compact)
{
  g_return_if_fail (GTK_IS_FLOW_BOX (box));

  gtk_flow_box_set_max_children_per_line (box, compact ? 1 : 5);
  /* Rows are as tall as their text: one caption that wraps ("Equilibrio
   * con el entrenamiento") must not make six rows taller. */
  gtk_flow_box_set_homogeneous (box, !compact);
  gtk_flow_box_set_row_spacing (box, compact ? 6 : 12);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (card != NULL && gtk_widget_has_css_class (card, "hu-result-card"))
        place_card_children (card, compact);
    }
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* GTK 4.8's drop-down opens its list at the top whatever is chosen: the
 * currencies opened at AED with USD out of sight, the regions at the
 * first of 430. The list scrolls to the chosen item once it has its
 * size (asked at map, the list has none yet and the request is lost),
 * unless a search left from before filters it (its positions differ). */
static gboolean
scroll_to_selected_idle (gpointer data)
{
  GtkDropDown *dropdown = data;
  GtkWidget *popover = g_object_get_data (G_OBJECT (dropdown), "hu-popover");
  guint selected = gtk_drop_down_get_selected (dropdown);
  GListModel *items = gtk_drop_down_get_model (dropdown);
  GtkWidget *list = popover != NULL ? find_list_view (popover) : NULL;
  GtkSelectionModel *shown;

  if (selected == GTK_INVALID_LIST_POSITION || items == NULL || list == NULL ||
      !gtk_widget_get_mapped (list))
    return G_SOURCE_REMOVE;
  shown = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  if (shown != NULL && g_list_model_get_n_items (G_LIST_MODEL (shown)) ==
                       g_list_model_get_n_items (items))
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", selected);
  return G_SOURCE_REMOVE;
}

static void
on_drop_down_popover_mapped (GtkWidget   *popover,
                             GtkDropDown *dropdown)
{
  g_object_set_data (G_OBJECT (dropdown), "hu-popover", popover);
  g_idle_add_full (G_PRIORITY_LOW, scroll_to_selected_idle, g_object_ref (dropdown),
                   g_object_unref);
}

/**
 * hu_widgets_name_drop_down:
 * @name: what the drop-down chooses, already translated
 *
 * GTK 4.8's drop-down takes focus with an inner toggle button that a
 * screen reader only knows as "GtkToggleButton": this names it. Every
 * drop-down of the app passes here, so it also gets the one style they
 * share: flat, as the combo rows beside them in the editor's lists are
 * (issue 10: filled and flat buttons were mixed across the pages), and
 * a list that opens on the chosen item.
 */
void
hu_widgets_name_drop_down (GtkDropDown *dropdown,
                           const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      {
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        name, -1);
        gtk_widget_add_css_class (child, "flat");
      }
    else if (GTK_IS_POPOVER (child))
      g_signal_connect_object (child, "map", G_CALLBACK (on_drop_down_popover_mapped),
                               dropdown, 0);
}

/**
 * hu_widgets_set_card_visible:
 * @value: a label from hu_widgets_append_result_card()
 *
 * Shows or hides the whole card (a Cost card without a price says
 * nothing).
 */
void
hu_widgets_set_card_visible (GtkLabel *value,
                             gboolean  visible)
{
  GtkWidget *card = gtk_widget_get_parent (GTK_WIDGET (value));

  g_return_if_fail (card != NULL);
  gtk_widget_set_visible (gtk_widget_get_parent (card), visible);
}

/**
 * hu_widgets_follow_result:
 * @slot: where @instance keeps the result it shows
 * @result: (nullable): the result to show from now on
 * @on_changed: called, with @instance as its only argument, whenever
 *   @result changes
 * @instance: the object that shows the result
 *
 * Like g_set_object(), for a view that redraws when its result changes:
 * the old result stops calling @instance (every handler it connected with
 * @instance as data goes) and the new one starts. The handler goes with
 * @instance, so a view that forgets a result when it is disposed leaves
 * nothing behind.
 *
 * Returns: %TRUE if @slot now holds another result
 */
gboolean
hu_widgets_follow_result (HuResult  **slot,
                          HuResult   *result,
                          GCallback   on_changed,
                          gpointer    instance)
{
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (result == NULL || HU_IS_RESULT (result), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (instance), FALSE);

  if (*slot == result)
    return FALSE;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, instance);
  g_set_object (slot, result);
  if (result != NULL)
    g_signal_connect_object (result, "changed", on_changed, instance, G_CONNECT_SWAPPED);
  return TRUE;
}

/**
 * hu_settings_use_region_pue:
 *
 * Whether new scenarios take their region's PUE. Preferences from before
 * the explicit switch said so with a default PUE of 0.
 */
gboolean
hu_settings_use_region_pue (GSettings *settings)
{
  g_autoptr(GVariant) set = g_settings_get_user_value (settings, "use-region-pue");
  g_autoptr(GVariant) old_pue = NULL;

  if (set != NULL)
    return g_variant_get_boolean (set);
  /* never switched: the region's, unless a real PUE was chosen before */
  old_pue = g_settings_get_user_value (settings, "default-pue");
  return old_pue == NULL || !(g_variant_get_double (old_pue) >= 1);
}

/**
 * hu_widgets_compact_switchers:
 * @root: a widget whose stack switchers must fit a 360 px window
 *
 * GtkStackSwitcher makes every button as wide as the widest, at least
 * 100 px: three long titles are wider than a phone. Each button then
 * takes its own width, with 8 px either side of its title (4 px set the
 * titles against the buttons' edges). (Titles that wrap were clipped: the
 * switcher does not ask for their height.) Keep the titles short: Spanish
 * ("Cada región", "Cada GPU", "Barrido") fits 360 px so.
 */
void
hu_widgets_compact_switchers (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_STACK_SWITCHER (root))
    {
      static GtkCssProvider *narrow = NULL;
      GtkLayoutManager *layout = gtk_widget_get_layout_manager (root);

      /* Adwaita gives each button 100 px at least, three of them more
       * than a phone has once padded. */
      if (narrow == NULL)
        {
          narrow = gtk_css_provider_new ();
          gtk_css_provider_load_from_data (narrow, "button { min-width: 40px; padding-left: 8px;"
                                                   " padding-right: 8px; }", -1);
        }
      if (GTK_IS_BOX_LAYOUT (layout))
        gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout), FALSE);
      for (GtkWidget *button = gtk_widget_get_first_child (root); button != NULL;
           button = gtk_widget_get_next_sibling (button))
        gtk_style_context_add_provider (gtk_widget_get_style_context (button),
                                        GTK_STYLE_PROVIDER (narrow),
                                        GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    hu_widgets_compact_switchers (child);
}

static void
on_popover_shown (GtkWidget *widget)
{
  gtk_widget_set_has_tooltip (widget, FALSE);
  /* A tooltip already shown goes now, not at the pointer's next move. */
  gtk_widget_trigger_tooltip_query (widget);
}

static void
on_popover_closed (GtkWidget *widget)
{
  gtk_widget_set_has_tooltip (widget, gtk_widget_get_tooltip_text (widget) != NULL ||
                                      gtk_widget_get_tooltip_markup (widget) != NULL);
}

/**
 * hu_widgets_quiet_tooltip:
 * @widget: a button with a tooltip
 * @popover: the popover it opens
 *
 * GTK 4.8 shows a button's tooltip while the popover it opened is open,
 * the pointer resting on the button after the click, and over the
 * popover: "Main Menu" covered the menu's first item, the title's the
 * rename entry and the arrow pointing at the name. @widget has no tooltip
 * while @popover is open.
 */
void
hu_widgets_quiet_tooltip (GtkWidget  *widget,
                          GtkPopover *popover)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (GTK_IS_POPOVER (popover));

  g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_shown), widget,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (popover, "closed", G_CALLBACK (on_popover_closed), widget,
                           G_CONNECT_SWAPPED);
}

/* @window's size as gtk_window_set_default_size() counts it: with the
 * frame GTK draws around the content (client-side shadow, or the border
 * of an X11 window without a compositor), which its surface has and its
 * allocation lacks. */
static void
get_outer_size (GtkWindow *window,
                int       *width,
                int       *height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  *width = gtk_widget_get_width (GTK_WIDGET (window));
  *height = gtk_widget_get_height (GTK_WIDGET (window));
  if (surface != NULL)
    {
      *width = MAX (*width, gdk_surface_get_width (surface));
      *height = MAX (*height, gdk_surface_get_height (surface));
    }
}

/**
 * hu_widgets_fit_to_parent:
 * @dialog: a dialog not yet shown
 * @parent: (nullable): the window it is opened from
 *
 * A dialog's default size suits a desktop; opened from a window narrower
 * or shorter than that (a 360 px phone), it would put its buttons and
 * rows off the screen. @dialog opens no bigger than @parent, and as big
 * as it where it is cut: a default size counts the window's frame, so
 * the parent's allocation made the dialog one frame smaller than the
 * parent, and the parent's bottom bar showed below it like a scroll bar.
 * Opened from a window narrower than itself (a phone), it takes all of
 * it, as a phone's dialogs do: the 560 px Preferences stopped 160 px
 * short of a 720 px phone's bottom, its rows cut there over the window's.
 */
void
hu_widgets_fit_to_parent (GtkWindow *dialog,
                          GtkWindow *parent)
{
  int width, height, parent_width, parent_height;

  g_return_if_fail (GTK_IS_WINDOW (dialog));

  if (parent == NULL || gtk_widget_get_width (GTK_WIDGET (parent)) <= 0)
    return;
  gtk_window_get_default_size (dialog, &width, &height);
  get_outer_size (parent, &parent_width, &parent_height);
  if (width > parent_width)
    gtk_window_set_default_size (dialog, parent_width, parent_height);
  else
    gtk_window_set_default_size (dialog, width, MIN (height, parent_height));
}

typedef struct {
  HuItemText text;
  gpointer   data;
} WrappingFactory;

static void
show_if_selected (GtkListItem *item,
                  GParamSpec  *pspec,
                  GtkWidget   *check)
{
  gtk_widget_set_opacity (check, gtk_list_item_get_selected (item) ? 1 : 0);
}

static void
setup_wrapping_item (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* As wide as a popover on a phone lets it be, fewer lines elsewhere. */
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
  g_signal_connect_object (item, "notify::selected", G_CALLBACK (show_if_selected), check, 0);
}

static void
bind_wrapping_item (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    WrappingFactory          *wrapping)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  gpointer object = gtk_list_item_get_item (item);
  g_autofree char *text = wrapping->text != NULL
                          ? wrapping->text (object, wrapping->data)
                          : g_strdup (gtk_string_object_get_string (object));

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  show_if_selected (item, NULL, gtk_widget_get_last_child (box));
}

/**
 * hu_widgets_new_wrapping_list_factory:
 * @text: (nullable): the text an item shows, or %NULL for a
 *   #GtkStringList's strings
 * @data: passed to @text; must outlive the factory
 *
 * GTK's drop-downs and libadwaita's combo rows cut their popover's items
 * at about 20 characters: a citation ("US EPA Greenhouse Gas
 * Equivalencies, eGRID2022, 2024") read "US EPA Greenhouse G…", and two
 * sets could not be told apart. Items from this list factory wrap
 * instead, and keep the check mark on the selected one.
 *
 * Returns: (transfer full): the factory, for gtk_drop_down_set_list_factory()
 *   or adw_combo_row_set_list_factory()
 */
GtkListItemFactory *
hu_widgets_new_wrapping_list_factory (HuItemText text,
                                      gpointer   data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  WrappingFactory *wrapping = g_new0 (WrappingFactory, 1);

  wrapping->text = text;
  wrapping->data = data;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_wrapping_item), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_wrapping_item), wrapping,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  return factory;
}

/* The data keys of a #GtkStringObject's two parts for
 * hu_widgets_new_figure_item_factory(). */
#define TEXT_KEY "hu-text"
#define FIGURE_KEY "hu-figure"

static void
setup_figure_item (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *figure = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (text), 8);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), figure);
  gtk_list_item_set_child (item, box);
}

static void
bind_figure_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GObject *object = gtk_list_item_get_item (item);
  const char *text = g_object_get_data (object, TEXT_KEY);
  const char *figure = g_object_get_data (object, FIGURE_KEY);

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)),
                       text != NULL ? text
                                    : gtk_string_object_get_string (GTK_STRING_OBJECT (object)));
  hu_widgets_set_figure (GTK_LABEL (gtk_widget_get_last_child (box)), figure);
  gtk_widget_set_visible (gtk_widget_get_last_child (box), figure != NULL);
}

/**
 * hu_widgets_set_item_parts:
 * @item: an item of a #GtkStringList (its string is what the list shows,
 *   and what a search matches)
 * @text: the part of it cut at the end on the button, "1. Montreal …"
 * @figure: (nullable): the part shown whole after it, "0.919 t CO₂eq"
 *
 * Gives @item the two parts hu_widgets_new_figure_item_factory() shows:
 * kept apart, not found again in the translated whole.
 */
void
hu_widgets_set_item_parts (GtkStringObject *item,
                           const char      *text,
                           const char      *figure)
{
  g_return_if_fail (GTK_IS_STRING_OBJECT (item));

  g_object_set_data_full (G_OBJECT (item), TEXT_KEY, g_strdup (text), g_free);
  g_object_set_data_full (G_OBJECT (item), FIGURE_KEY, g_strdup (figure), g_free);
}

/**
 * hu_widgets_new_figure_item_factory:
 *
 * A drop-down's button cut its item at the end: on a 360 px phone the
 * ranking's "1. Montreal (northamerica-northeast1) · GCP · 0.919 t" read
 * "1. Montreal (northamerica-northeast…", the figure lost. Items of this
 * factory show their text cut at the end and, after it, their figure
 * (hu_widgets_set_item_parts()) whole.
 *
 * Returns: (transfer full): the factory, for gtk_drop_down_set_factory()
 */
GtkListItemFactory *
hu_widgets_new_figure_item_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_figure_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_figure_item), NULL);
  return factory;
}

/* The row whose title @label shows, if it is one. */
static AdwPreferencesRow *
titled_row (GtkLabel *label)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (label), ADW_TYPE_PREFERENCES_ROW);
  const char *title;

  if (row == NULL)
    return NULL;
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  if (title == NULL || *title == '\0' ||
      g_strcmp0 (gtk_label_get_label (label), title) != 0)
    return NULL;
  return ADW_PREFERENCES_ROW (row);
}

/* hu_widgets_no_hyphens:
 * @label: a label that may wrap
 *
 * When a word is wider than its line, Pango 1.50 breaks it and inserts a
 * hyphen the word does not have: a file's name read
 * "emissions_r-ate-g-per-s", and was no longer the file's name. @label
 * breaks such a word without adding a hyphen (it keeps the other
 * attributes it has).
 */
static void
hu_widgets_no_hyphens (GtkLabel *label)
{
  PangoAttrList *attrs;
  g_autoptr(PangoAttrList) copy = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  attrs = gtk_label_get_attributes (label);
  copy = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
  pango_attr_list_change (copy, pango_attr_insert_hyphens_new (FALSE));
  gtk_label_set_attributes (label, copy);
}

static gboolean
inserts_hyphens (GtkLabel *label)
{
  PangoAttrList *attrs = gtk_label_get_attributes (label);
  g_autoptr(PangoAttrIterator) iter = NULL;
  PangoAttrInt *attr;

  if (attrs == NULL)
    return TRUE;
  iter = pango_attr_list_get_iterator (attrs);
  attr = (PangoAttrInt *) pango_attr_iterator_get (iter, PANGO_ATTR_INSERT_HYPHENS);
  return attr == NULL || attr->value;
}

static gboolean
on_label_realize (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  /* No label of ours, nor libadwaita's (a message dialog's body, a row's
   * subtitle), breaks a word with a hyphen it does not have. Whether it
   * wraps yet does not matter: a toast's title is told to wrap after it
   * is realized, and the attribute changes nothing on a line not broken. */
  if (GTK_IS_LABEL (widget) && inserts_hyphens (GTK_LABEL (widget)))
    hu_widgets_no_hyphens (GTK_LABEL (widget));

  /* Entry rows' titles do not wrap (the row keeps one line's height and
   * clips a second) and are cut short beside a unit on a phone ("Precio
   * por GP…"): an entry row with no tooltip of its own has its title as
   * its tooltip, where it is read whole. */
  if (GTK_IS_LABEL (widget) && gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE)
    {
      AdwPreferencesRow *row = titled_row (GTK_LABEL (widget));

      if (ADW_IS_ENTRY_ROW (row) && gtk_widget_get_tooltip_text (GTK_WIDGET (row)) == NULL)
        gtk_widget_set_tooltip_text (GTK_WIDGET (row), adw_preferences_row_get_title (row));
      return TRUE;
    }
  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)) &&
      gtk_label_get_wrap_mode (GTK_LABEL (widget)) != PANGO_WRAP_WORD &&
      titled_row (GTK_LABEL (widget)) != NULL)
    {
      GtkLabel *label = GTK_LABEL (widget);

      gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD);
      /* GTK 4.8 keeps the layout it has when only the wrap mode changes,
       * and measures with it; turning wrapping off and on drops it. */
      gtk_label_set_wrap (label, FALSE);
      gtk_label_set_wrap (label, TRUE);
    }
  return TRUE;   /* stay connected */
}

/**
 * hu_widgets_whole_row_titles:
 *
 * libadwaita's action, combo and expander rows wrap their titles anywhere
 * in a word (PANGO_WRAP_WORD_CHAR): beside a drop-down on a 360 px phone
 * the title got 62 px, and Pango 1.50 broke it with a hyphen the word
 * does not have ("Accelera-tor", "Acelera-dor"). Every such title, in
 * every window of the application, wraps between words instead: at its
 * narrowest it is as wide as its longest word, so the row gives it that
 * much and the suffix, which can narrow, gives way. Every wrapping label
 * breaks a word too long for its line without a hyphen
 * (hu_widgets_no_hyphens()). Installed once, by the first HuWindow.
 */
void
hu_widgets_whole_row_titles (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      guint realize = g_signal_lookup ("realize", GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (realize, 0, on_label_realize, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}

static AdwHeaderBar *
find_header_bar (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwHeaderBar *bar;

      if (ADW_IS_HEADER_BAR (child))
        return ADW_HEADER_BAR (child);
      if ((bar = find_header_bar (child)) != NULL)
        return bar;
    }
  return NULL;
}

/**
 * hu_widgets_wrap_dialog_title:
 * @dialog: a dialog whose header bar holds its buttons and its title
 *
 * Between Cancel and the dialog's action, a 360 px header bar leaves its
 * title about 150 px: "Añadir un mo…", "Exportar i…". The title of
 * @dialog's header bar wraps to a second line instead, and follows the
 * window's title.
 */
void
hu_widgets_wrap_dialog_title (GtkWindow *dialog)
{
  AdwHeaderBar *bar;
  GtkWidget *label;

  g_return_if_fail (GTK_IS_WINDOW (dialog));

  bar = find_header_bar (GTK_WIDGET (dialog));
  g_return_if_fail (bar != NULL);

  label = gtk_label_new (NULL);
  gtk_widget_add_css_class (label, "title");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  /* Two lines at most fit the bar's height. The bar measures its title
   * for its height, which holds two lines: the label would ask for the
   * width of two lines where one fits. Its natural width is one line's. */
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_NONE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_bind_property (dialog, "title", label, "label", G_BINDING_SYNC_CREATE);
  adw_header_bar_set_title_widget (bar, label);
}

/**
 * hu_widgets_keep_words:
 * @text: (nullable): a tracker's text, such as an importer's note
 *
 * Line breaking would allow a break after the slash of "[N/A]", which a
 * tracker's text uses as one word: a word joiner after the slash keeps it
 * whole (issue 10 item 12: never "[N/" at a line's end).
 *
 * Returns: (transfer full) (nullable): the text to show
 */
char *
hu_widgets_keep_words (const char *text)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return NULL;
  parts = g_strsplit (text, "N/A", -1);
  return g_strjoinv ("N/\u2060A", parts);
}

/**
 * hu_widgets_set_figure:
 * @label: a label of a figure
 * @text: (nullable): the figure, "−49.6 %", "72.63 t CO₂eq"
 *
 * Sets a figure that reads left to right whatever the direction around
 * it: in a right-to-left table, "−49.6 %" was drawn "% 49.6−". The text
 * is isolated left to right (U+2066 … U+2069) there, and set as it is
 * otherwise.
 */
void
hu_widgets_set_figure (GtkLabel   *label,
                       const char *text)
{
  g_autofree char *isolated = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  if (text != NULL && gtk_widget_get_direction (GTK_WIDGET (label)) == GTK_TEXT_DIR_RTL)
    text = isolated = g_strconcat ("\u2066", text, "\u2069", NULL);
  gtk_label_set_label (label, text);
}
