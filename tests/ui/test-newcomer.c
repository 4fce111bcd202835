/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What a newcomer meets (issue 10): messages that read as sentences. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "hu-application.h"
#include "hu-window.h"
#include "test-helpers.h"
#include "ui-test-helpers.h"

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *widget,
             Match          match,
             gconstpointer  data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_entry_row_titled (GtkWidget     *widget,
                     gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

/* Item 18: "“abc” is not a number. The results are from the last valid
 * inputs." — two sentences, not one run-on. */
static void
test_status_sentence (void)
{
  HuWindow *window = new_window (TRUE);
  GtkWidget *editor = GTK_WIDGET (hu_window_get_editor (window));
  GtkWidget *power, *status;
  const char *text;

  hu_window_select_result (window, 0);
  iterate (100);
  power = find_widget (editor, is_entry_row_titled, "Average power per accelerator");
  g_assert_nonnull (power);
  gtk_editable_set_text (GTK_EDITABLE (power), "abc");
  iterate (300);

  status = find_widget (editor, is_label_containing, "The results are from the last valid inputs.");
  g_assert_nonnull (status);
  text = gtk_label_get_label (GTK_LABEL (status));
  g_assert_nonnull (strstr (text, "is not a number. The results"));
  g_assert_null (strstr (text, "number The results"));

  destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/huella/ui/newcomer/status-sentence", test_status_sentence);
  return g_test_run ();
}
