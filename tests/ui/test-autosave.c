/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Autosave writes the recovery file on a worker thread (review finding:
 * writing the project out was 2.6 % of the main thread's time while
 * 1,000 runs were added, bench/app). Held with counters, never clocks:
 * one write at a time, the last change is the one on disk, and a failed
 * write is reported on the main thread and leaves the file written
 * before as it was. */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "hu-autosave.h"
#include "ui-test-helpers.h"

static HuAutosaveCounts
counts_of (HuWindow *window)
{
  HuAutosaveCounts counts;

  hu_window_get_autosave_counts (window, &counts);
  return counts;
}

/* Sets the first scenario's GPU count, as the form commits an edit. */
static void
set_count (HuWindow *window,
           double    count)
{
  HuScenario *first = hu_result_get_scenario (result_at (window, 0));

  EDIT_INPUTS (first, { HU_INPUT_COUNT, count });
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

/* A write under way when the user edits again: the second write waits
 * for the first (never two at once) and the file ends with the edit. */
static void
test_edit_while_writing (void)
{
  HuWindow *window = new_window (TRUE);
  HuProject *project = hu_window_get_project (window);
  g_autofree char *path = hu_window_get_autosave_path ();
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  HuAutosaveCounts c;

  g_unlink (path);
  set_count (window, 16);
  c = counts_of (window);
  g_assert_cmpuint (c.changes, >, 0);
  g_assert_cmpuint (c.started, ==, 0);

  /* The write starts; its end is reported on the main loop, which does
   * not run until the test iterates: it is under way. */
  hu_window_autosave_now (window);
  c = counts_of (window);
  g_assert_cmpuint (c.started, ==, 1);
  g_assert_cmpuint (c.finished, ==, 0);

  /* An edit meanwhile, and the timer's write: it waits. */
  set_count (window, 24);
  hu_window_autosave_now (window);
  c = counts_of (window);
  g_assert_cmpuint (c.started, ==, 1);
  g_assert_cmpuint (c.finished, ==, 0);

  WAIT_UNTIL (counts_of (window).finished == 2, 30);
  c = counts_of (window);
  g_assert_cmpuint (c.started, ==, 2);
  g_assert_cmpuint (c.finished, ==, 2);
  g_assert_cmpuint (c.failed, ==, 0);
  g_assert_cmpuint (c.saved, ==, c.changes);

  /* On disk: the project as it is now, 24 GPUs. */
  expected = hu_project_to_data (project, NULL);
  written = read_file (path);
  g_assert_cmpstr (written, ==, expected);
  g_assert_nonnull (strstr (written, "\"count\": 24"));

  destroy_window (window);
  hu_autosave_remove (NULL);
}

/* The warnings of the window's log domain while a test listens (the app
 * logs structured messages, which reach a writer, not a handler). */
typedef struct {
  GThread *main_thread;
  guint    warnings;
  gboolean on_main_thread;
  char    *message;
} Reported;

static Reported *listening;

static GLogWriterOutput
write_log (GLogLevelFlags   level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }
  if (listening != NULL && (level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "HuWindow") == 0)
    {
      listening->warnings++;
      listening->on_main_thread = g_thread_self () == listening->main_thread;
      g_free (listening->message);
      listening->message = g_strdup (message);
      return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (level, fields, n_fields, data);
}

/* The files of @path's folder whose name starts with a dot: the
 * writer's temporary files. */
static guint
count_temporary (const char *path)
{
  g_autofree char *dir_name = g_path_get_dirname (path);
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += name[0] == '.';
  return n;
}

/* A full disk, as a limit on the size of files the process writes (root
 * ignores folder permissions; the limit holds for root too): the write
 * fails, the failure is reported on the main thread, and the recovery
 * file written before is left whole with no temporary file beside it.
 * The next write, with room again, holds the last edit. */
static void
test_failed_write (void)
{
  HuWindow *window = new_window (TRUE);
  HuProject *project = hu_window_get_project (window);
  g_autofree char *path = hu_window_get_autosave_path ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  Reported reported = { g_thread_self (), 0, FALSE, NULL };
  struct rlimit unlimited, small;
  HuAutosaveCounts c;

  set_count (window, 16);
  hu_window_autosave_now (window);
  WAIT_UNTIL (counts_of (window).finished == 1, 30);
  g_assert_cmpuint (counts_of (window).failed, ==, 0);
  before = read_file (path);
  g_assert_nonnull (strstr (before, "\"count\": 16"));
  /* The example's file is larger than the limit below. */
  g_assert_cmpuint (strlen (before), >, 1024);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &unlimited), ==, 0);
  small = unlimited;
  small.rlim_cur = 1024;
  /* Past the limit write() fails with EFBIG instead of killing us. */
  signal (SIGXFSZ, SIG_IGN);
  listening = &reported;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);

  set_count (window, 24);
  hu_window_autosave_now (window);
  WAIT_UNTIL (counts_of (window).finished == 2, 30);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &unlimited), ==, 0);
  listening = NULL;

  c = counts_of (window);
  g_assert_cmpuint (c.finished, ==, 2);
  g_assert_cmpuint (c.failed, ==, 1);
  g_assert_cmpuint (c.saved, <, c.changes);
  g_assert_cmpuint (reported.warnings, ==, 1);
  g_assert_true (reported.on_main_thread);
  g_assert_true (g_str_has_prefix (reported.message, "Could not autosave: "));
  after = read_file (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_temporary (path), ==, 0);

  /* Room again: the next change is written, with the last edit. */
  set_count (window, 32);
  hu_window_autosave_now (window);
  WAIT_UNTIL (counts_of (window).finished == 3, 30);
  c = counts_of (window);
  g_assert_cmpuint (c.failed, ==, 1);
  g_assert_cmpuint (c.saved, ==, c.changes);
  g_clear_pointer (&after, g_free);
  after = read_file (path);
  expected = hu_project_to_data (project, NULL);
  g_assert_cmpstr (after, ==, expected);
  g_assert_nonnull (strstr (after, "\"count\": 32"));

  g_free (reported.message);
  destroy_window (window);
  hu_autosave_remove (NULL);
}

/* Saving while a write is under way: the recovery file the save removes
 * does not come back when the write ends. */
static void
test_saved_while_writing (void)
{
  HuWindow *window = new_window (TRUE);
  g_autofree char *dir = g_dir_make_tmp ("huella-autosave-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "saved.huella", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autofree char *untitled = hu_window_get_autosave_path ();
  g_autofree char *recovery = hu_autosave_path (file);
  g_autoptr(GError) error = NULL;

  set_count (window, 16);
  hu_window_autosave_now (window);
  g_assert_cmpuint (counts_of (window).started, ==, 1);
  g_assert_true (hu_window_save_to_file (window, file, &error));
  g_assert_no_error (error);

  WAIT_UNTIL (counts_of (window).finished == 1, 30);
  g_assert_cmpuint (counts_of (window).failed, ==, 0);
  g_assert_false (g_file_test (untitled, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));

  destroy_window (window);
  g_unlink (target);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_log_set_writer_func (write_log, NULL, NULL);
  ui_test_init (&argc, &argv);
  g_test_add_func ("/huella/ui/autosave/edit-while-writing", test_edit_while_writing);
  g_test_add_func ("/huella/ui/autosave/failed-write", test_failed_write);
  g_test_add_func ("/huella/ui/autosave/saved-while-writing", test_saved_while_writing);
  return g_test_run ();
}
