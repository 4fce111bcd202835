/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What a 360 px screen and the Spanish interface showed the lead after
 * issue 10's first pass: a page switch that selected the Name, dialogs
 * wider than the screen, titles cut, GPU names that lost the end that
 * tells them apart, country names left in English. meson runs this
 * program in English and again in Spanish (LANG and LANGUAGE set before
 * GTK starts, as for a user). */

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>
#include <string.h>

#include "hu-application.h"
#include "hu-window.h"
#include "test-helpers.h"
#include "ui-test-helpers.h"

static gboolean
in_spanish (void)
{
  return g_strcmp0 (g_getenv ("LANGUAGE"), "es") == 0;
}

static void
resize (HuWindow *window,
        int       width)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, 720);
  WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (window)) == width, 10);
  iterate (300);
}

/* The scenario's Name field, the text widget that takes the focus. */
static GtkWidget *
name_text (HuWindow *window)
{
  GtkWidget *editor = GTK_WIDGET (hu_window_get_editor (window));
  GtkWidget *row = find_widget (editor, is_entry_row_titled, _("Name"));

  g_assert_nonnull (row);
  row = find_widget (row, is_type, GSIZE_TO_POINTER (GTK_TYPE_TEXT));
  g_assert_nonnull (row);
  return row;
}

/* Alt+1 at 360 px focused the Name with its whole text selected, so the
 * next key typed replaced the name. Alt+1 runs win.show-page; GTK's stack
 * gives the focus back to the widget that had it on that page, and a
 * text's focus selects it all. A page switch selects nothing. */
static void
test_page_switch_selects_nothing (void)
{
  HuWindow *window = new_window (TRUE);
  GtkWidget *text;
  int start, end;

  resize (window, 360);
  text = name_text (window);
  gtk_widget_grab_focus (text);
  gtk_editable_select_region (GTK_EDITABLE (text), -1, -1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "compare"));
  iterate (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "editor"));
  iterate (200);
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (text), &start, &end));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), !=, "");

  /* Through every page and back, as Alt+1…4 go. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "what-if"));
  iterate (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "context"));
  iterate (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "editor"));
  iterate (200);
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (text), &start, &end));

  destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  if (in_spanish ())
    g_assert_cmpstr (_("Compare"), ==, "Comparar");
  g_test_add_func ("/huella/ui/narrow/page-switch-selects-nothing",
                   test_page_switch_selects_nothing);
  return g_test_run ();
}
