/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuWidgets"

#include "config.h"

#include "hu-widgets.h"

/* Small pieces several views build the same way. They are functions, not
 * classes: none of them has state of its own worth a GObject. */

/**
 * hu_widgets_append_result_card:
 * @box: the flow box that lays the cards out
 * @caption: what the number is, already translated
 *
 * Appends a card with a large number over a small caption, as the run view
 * and the scenario editor show their headline results. The number starts
 * as "—" (nothing known yet) and stays selectable, so it can be copied.
 *
 * Returns: (transfer none): the card's value label, for the caller to fill
 */
GtkLabel *
hu_widgets_append_result_card (GtkFlowBox *box,
                               const char *caption)
{
  GtkWidget *card;
  GtkWidget *value;
  GtkWidget *title;

  g_return_val_if_fail (GTK_IS_FLOW_BOX (box), NULL);
  g_return_val_if_fail (caption != NULL, NULL);

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  value = gtk_label_new ("—");
  title = gtk_label_new (caption);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "hu-result-card");
  gtk_widget_add_css_class (value, "title-3");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_justify (GTK_LABEL (value), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (title, "caption");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_box_append (GTK_BOX (card), value);
  gtk_box_append (GTK_BOX (card), title);
  /* A screen reader reads the number with what it measures. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  /* Cards are output, not controls: no tab stop each (the numbers still
   * select with the mouse), and the card is named "31.22 t CO₂eq CO₂eq"
   * by its number and caption for whoever browses to it. */
  gtk_widget_set_focusable (value, FALSE);
  gtk_flow_box_append (box, card);
  gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (gtk_widget_get_parent (card)),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, value, title, NULL, -1);
  return GTK_LABEL (value);
}

/**
 * hu_widgets_name_drop_down:
 * @name: what the drop-down chooses, already translated
 *
 * GTK 4.8's drop-down takes focus with an inner toggle button that a
 * screen reader only knows as "GtkToggleButton": this names it.
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
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
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
