/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The dialog an import opens when it skipped lines (issue 10 item 12):
 * every line counted, each file's lines under its name, the gaps in the
 * samples apart from the lines that could not be read. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hu-application.h"
#include "hu-window.h"
#include "test-helpers.h"
#include "ui-test-helpers.h"

/* The message dialog an import left open, or NULL. */
static AdwMessageDialog *
find_message_dialog (void)
{
  GtkWidget *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL ? ADW_MESSAGE_DIALOG (dialog) : NULL;
}

/* A skipped line's label sits in a row of a boxed list, each row apart
 * from the next (issue 10 item 12: the entries had no spacing). */
static void
assert_in_boxed_list (GtkWidget *label)
{
  GtkWidget *row = gtk_widget_get_parent (label);

  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (row), "boxed-list"));
}

/* The skipped-lines dialog of the bigscience CodeCarbon file counts every
 * line it skipped: 645 of its 3,666 rows have a first field that is not a
 * time (counted apart with Python's csv module and a YYYY-MM-DDTHH:MM:SS
 * match), all tails of rows written over each other. The importer keeps
 * the first 100 to list, so the list ends "… and 545 more" (645 − 100),
 * and the heading says 645, not 100. All come from one file: it is named
 * once, and each line reads "Line 118: …". None is a gap in the samples:
 * the dialog has no list of gaps. */
static void
test_skipped_dialog (void)
{
  HuWindow *window = new_window (FALSE);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data",
    "cc2.0-2.1_LARGE_8gpu_emissions_rate-g-per-s_bigscience.csv", NULL);
  AdwMessageDialog *dialog = NULL;
  GtkWidget *extra, *line, *more;

  import_and_wait (window, path);
  iterate (50);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Imported 4 runs, 645 lines skipped");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "These lines of cc2.0-2.1_LARGE_8gpu_emissions_rate-g-per-s_bigscience.csv "
                   "could not be read and are not in the totals.");
  extra = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (find_widget (extra, is_label_holding, "Lines that could not be read (645)"));
  g_assert_null (find_widget (extra, is_label_holding, "Gaps in the samples"));
  line = find_widget (extra, is_label_holding,
                      "Line 118: field “timestamp” is “chine”, not a time: the line holds only "
                      "a fragment of a row (“chine,N”)");
  g_assert_nonnull (line);
  assert_in_boxed_list (line);
  more = find_widget (extra, is_label_holding, "… and 545 more");
  g_assert_nonnull (more);
  assert_in_boxed_list (more);
  g_assert_null (find_widget (extra, is_label_holding, ".csv, line"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window (window);
}

/* The bigscience file (645 lines, test_skipped_dialog()) and a
 * carbontracker log of a run stopped before its first epoch ended (one
 * run skipped) imported at once: the dialog named only the first file.
 * Each file is named above its own lines, with its own count: the log's
 * one line is listed after the first file's hundred. */
static void
test_skipped_two_files (void)
{
  HuWindow *window = new_window (FALSE);
  g_autofree char *big = g_test_build_filename (G_TEST_DIST, "data",
    "cc2.0-2.1_LARGE_8gpu_emissions_rate-g-per-s_bigscience.csv", NULL);
  const char *log_name =
    "ct2.4.4_macos_no-epoch-end_33447.772679_2026-05-27T174711Z_carbontracker.log";
  g_autofree char *log = g_test_build_filename (G_TEST_DIST, "data", log_name, NULL);
  const char *paths[] = { big, log, NULL };
  AdwMessageDialog *dialog = NULL;
  GtkWidget *extra, *big_name, *log_name_label, *count, *line;

  hu_window_import_paths (window, paths);
  WAIT_UNTIL ((dialog = find_message_dialog ()) != NULL, 20);
  g_assert_nonnull (dialog);
  iterate (50);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Imported 4 runs, 646 lines skipped");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "These lines could not be read and are not in the totals.");
  extra = adw_message_dialog_get_extra_child (dialog);
  big_name = find_widget (extra, is_label_exactly,
                          "cc2.0-2.1_LARGE_8gpu_emissions_rate-g-per-s_bigscience.csv");
  log_name_label = find_widget (extra, is_label_exactly, log_name);
  g_assert_nonnull (big_name);
  g_assert_nonnull (log_name_label);
  /* A name is cut in its middle, never broken over lines. */
  g_assert_false (gtk_label_get_wrap (GTK_LABEL (log_name_label)));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (log_name_label)), ==,
                   PANGO_ELLIPSIZE_MIDDLE);
  g_assert_nonnull (find_widget (extra, is_label_holding, "Lines that could not be read (645)"));
  g_assert_nonnull (find_widget (extra, is_label_holding, "… and 545 more"));
  /* The log's heading and line come after its name, in that order. */
  count = find_widget (extra, is_label_exactly, "Lines that could not be read (1)");
  g_assert_nonnull (count);
  g_assert_true (gtk_widget_get_prev_sibling (count) == log_name_label);
  line = find_widget (extra, is_label_holding, "run without a completed epoch");
  g_assert_nonnull (line);
  assert_in_boxed_list (line);
  g_assert_true (gtk_widget_get_prev_sibling (gtk_widget_get_parent (gtk_widget_get_parent (line)))
                 == count);

  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window (window);
}

/* One GPU at 100 W every second, t = 0…9: "[N/A]" at t = 3 and 4 (lines
 * 5 and 6), a month 13 at t = 7 (line 9). The two [N/A] lines are gaps in
 * the samples, as the run's notes count them ("2 samples read [N/A]");
 * line 9 could not be read. The dialog lists each kind under its own
 * heading with its count (issue 10 item 12: gaps were listed as lines
 * that "could not be read"). */
static void
test_skipped_gaps (void)
{
  HuWindow *window = new_window (FALSE);
  /* A folder of its own: two test runs at once never share the file. */
  g_autofree char *dir = g_dir_make_tmp ("huella-gaps-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huella-test-gaps-smi.csv", NULL);
  g_autoptr(GString) text = g_string_new ("timestamp, index, power.draw [W]\n");
  AdwMessageDialog *dialog;
  HuRunData *data;
  GtkWidget *extra, *gap, *bad;

  for (int t = 0; t <= 9; t++)
    g_string_append_printf (text, "2024/%s/01 10:00:%02d.000, 0, %s\n", t == 7 ? "13" : "01", t,
                            t == 3 || t == 4 ? "[N/A]" : "100.00 W");
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));

  import_and_wait (window, path);
  iterate (50);
  data = hu_measured_run_get_data (hu_result_get_run (hu_window_get_selected_result (window)));
  g_assert_nonnull (strstr (data->notes, "2 samples read [N/A]"));

  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Imported 1 run, 3 lines skipped");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "huella-test-gaps-smi.csv has gaps in its samples and lines that could not "
                   "be read. Neither is in the totals; gaps are not bridged.");
  extra = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (find_widget (extra, is_label_holding, "Gaps in the samples (2 lines)"));
  g_assert_nonnull (find_widget (extra, is_label_holding, "Lines that could not be read (1)"));
  gap = find_widget (extra, is_label_holding, "Line 5: power.draw is [N/\u2060A]: a gap");
  g_assert_nonnull (gap);
  assert_in_boxed_list (gap);
  g_assert_nonnull (find_widget (extra, is_label_holding, "Line 6: power.draw is [N/\u2060A]"));
  bad = find_widget (extra, is_label_holding, "Line 9: bad timestamp");
  g_assert_nonnull (bad);
  assert_in_boxed_list (bad);
  /* Each under its own heading: the gaps' list is not the unreadable one. */
  g_assert_true (gtk_widget_get_parent (gtk_widget_get_parent (gap)) !=
                 gtk_widget_get_parent (gtk_widget_get_parent (bad)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unlink (path);
  g_rmdir (dir);
  destroy_window (window);
}

/* How many labels under @widget read @text exactly. */
static guint
count_labels_exactly (GtkWidget  *widget,
                      const char *text)
{
  guint n = GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n += count_labels_exactly (c, text);
  return n;
}

/* A folder of 30 damaged nvidia-smi logs, each with two good samples and
 * 20 lines of a month 13 between them: 600 lines skipped. The dialog lists 200 lines
 * (the first ten files, 20 each, each under its name) and counts the 20
 * files left in one line, 20 × 20 = 400 lines, rather than giving each a
 * heading with an empty list (issue 10 review: 300 files made ~1,000
 * labels). */
static void
test_skipped_many_files (void)
{
  HuWindow *window = new_window (FALSE);
  g_autofree char *dir = g_dir_make_tmp ("huella-skipped-XXXXXX", NULL);
  const char *paths[] = { dir, NULL };
  AdwMessageDialog *dialog;
  GtkWidget *extra;

  for (int f = 0; f < 30; f++)
    {
      g_autofree char *name = g_strdup_printf ("gpu-%02d.csv", f);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GString) text = g_string_new ("timestamp, index, power.draw [W]\n"
                                              "2024/01/01 10:00:00.000, 0, 100.00 W\n");

      for (int t = 1; t <= 20; t++)
        g_string_append_printf (text, "2024/13/01 10:00:%02d.000, 0, 100.00 W\n", t);
      g_string_append (text, "2024/01/01 10:00:21.000, 0, 100.00 W\n");
      g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
    }

  hu_window_import_paths (window, paths);
  WAIT_UNTIL ((dialog = find_message_dialog ()) != NULL, 60);
  g_assert_nonnull (dialog);
  iterate (50);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Imported 30 runs, 600 lines skipped");
  extra = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (find_widget (extra, is_label_exactly, "gpu-00.csv"));
  g_assert_nonnull (find_widget (extra, is_label_exactly, "gpu-09.csv"));
  g_assert_null (find_widget (extra, is_label_exactly, "gpu-10.csv"));
  g_assert_cmpuint (count_labels_exactly (extra, "Lines that could not be read (20)"), ==, 10);
  g_assert_null (find_widget (extra, is_label_holding, "… and 20 more\u00a0"));
  g_assert_nonnull (find_widget (extra, is_label_exactly, "… and 20 more files, 400 lines"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  for (int f = 0; f < 30; f++)
    {
      g_autofree char *name = g_strdup_printf ("gpu-%02d.csv", f);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/huella/ui/skipped/one-file", test_skipped_dialog);
  g_test_add_func ("/huella/ui/skipped/gaps", test_skipped_gaps);
  g_test_add_func ("/huella/ui/skipped/two-files", test_skipped_two_files);
  g_test_add_func ("/huella/ui/skipped/many-files", test_skipped_many_files);
  return g_test_run ();
}
