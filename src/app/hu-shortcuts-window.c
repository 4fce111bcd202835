/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-shortcuts-window"

#include "config.h"

#include "hu-shortcuts-window.h"
#include "hu-widgets.h"

/* The keyboard shortcuts, a group of rows per section (see the template
 * for why not GtkShortcutsWindow). Opened by win.show-help-overlay, the
 * action and key (Ctrl+?) GtkApplication gave the window it replaces. */
struct _HuShortcutsWindow
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (HuShortcutsWindow, hu_shortcuts_window, ADW_TYPE_WINDOW)

static void
hu_shortcuts_window_class_init (HuShortcutsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/hu-shortcuts-window.ui");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hu_shortcuts_window_init (HuShortcutsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hu_shortcuts_window_new:
 * @parent: (nullable): the window it is opened from
 *
 * Returns: (transfer floating): the window, to present
 */
GtkWidget *
hu_shortcuts_window_new (GtkWindow *parent)
{
  GtkWidget *self = g_object_new (HU_TYPE_SHORTCUTS_WINDOW, "transient-for", parent, NULL);

  /* On a phone-width window it opens no wider than the window. */
  hu_widgets_fit_to_parent (GTK_WINDOW (self), parent);
  return self;
}
