/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 9, item 11: the text table of `huella-cli import` is written as
 * the runs come, in constant memory: counted (runs held by the importer,
 * rows held by the table), never timed. Widths and units come from the
 * first HU_CLI_IMPORT_TEXT_SAMPLE runs; later rows keep the columns,
 * their names cut with "…", and no control character gets through. */

#include "config.h"

#include <string.h>

#include "hu-cli-import-text.h"
#include "import-test-helpers.h"

#define N_ROWS 5000

/* Display columns, as a terminal counts them. */
static guint
width_of (const char *text)
{
  guint w = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_iszerowidth (c))
        w += g_unichar_iswide (c) ? 2 : 1;
    }
  return w;
}

static void
add_run (HuMeasuredRun *run,
         gpointer       user_data)
{
  hu_cli_import_text_add_run (user_data, run);
}

/* CodeCarbon 1.x, a run per row. Row i (line i + 2): i + 1 s, 0.5 kWh,
 * 0.001 kg; negative energy when i % 7 == 3 (skipped: 714 of 5000, as in
 * test-import-stream.c, so 4286 runs). Rows from 200 on are named with
 * 70 characters and an escape sequence, longer than any name of the
 * first 100 runs. */
static char *
write_log (Fixture *f)
{
  g_autoptr(GString) text = g_string_new ("timestamp,project_name,duration,emissions,"
                                          "energy_consumed\n");

  for (guint i = 0; i < N_ROWS; i++)
    g_string_append_printf (text, "2024-01-01T10:00:00,%s,%u,0.001,%s\n",
                            i < 200 ? "short" : "\x1b]0;PWNED\x07" "0123456789012345678901234567890123456789012345678901234567890123456789",
                            i + 1, i % 7 == 3 ? "-1" : "0.5");
  return write_file (f, "emissions.csv", text->str, -1);
}

static void
test_streams (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = write_log (f);
  const char *paths[] = { path, NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(HuCliImportText) text = hu_cli_import_text_new (out);
  g_autoptr(HuImportResult) r = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint width, n_cut = 0;

  g_assert_true (hu_import_paths_foreach (paths, NULL, NULL, NULL, add_run, text, &r, &error));
  g_assert_no_error (error);
  hu_cli_import_text_finish (text, r);

  /* One run held by the importer at a time; the table holds the first
   * 100 rows (a few strings each) until it knows its columns, then one. */
  g_assert_cmpuint (r->max_held, ==, 1);
  g_assert_cmpuint (r->runs->len, ==, 0);
  g_assert_cmpuint (hu_cli_import_text_get_max_held (text), ==, HU_CLI_IMPORT_TEXT_SAMPLE);

  g_assert_null (strchr (out->str, '\x1b'));
  g_assert_null (strchr (out->str, '\x07'));

  /* Headings, rule, 4286 rows, "4,286 runs" (grouped), "714 lines or runs
   * skipped:", 100 of them, "… and 614 more", and the final newline. */
  lines = g_strsplit (out->str, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2 + 4286 + 1 + 1 + 100 + 1 + 1);
  g_assert_cmpstr (lines[2 + 4286], ==, "4,286 runs");
  g_assert_cmpstr (lines[2 + 4286 + 1], ==, "714 lines or runs skipped:");
  g_assert_cmpstr (lines[2 + 4286 + 2 + 100], ==, "  … and 614 more");

  /* Aligned: every row as wide as the headings (the last column is
   * right-aligned, so every line ends at the same place). */
  width = width_of (lines[0]);
  g_assert_cmpuint (width_of (lines[1]), ==, width);
  for (guint i = 2; i < 2 + 4286; i++)
    {
      g_assert_cmpuint (width_of (lines[i]), ==, width);
      /* The names of 70 characters (73 less the two control
       * characters, shown as one "�" each, plus "]0;PWNED") are cut
       * to the Run column's 40 display columns, and say so. */
      if (strstr (lines[i], "…") != NULL)
        {
          g_assert_nonnull (strstr (lines[i], "]0;PWNED"));
          n_cut++;
        }
      else
        g_assert_nonnull (strstr (lines[i], "short"));
    }
  /* Rows 200 … 4999 less their skipped ones, i = 3 + 7k from k = 29
   * (i = 206; k = 28 is i = 199) to k = 713 (i = 4994): 4800 − 685 =
   * 4115; with rows 0 … 199 (200 − 29 skipped = 171) that is 4286. */
  g_assert_cmpuint (n_cut, ==, 4115);
}

/* Fewer runs than the sample: the columns are exactly as wide as their
 * widest cell, as the table always was. Two runs of 60 and 120 s. */
static void
test_few_runs (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = write_file (f, "few.csv",
                                      "timestamp,project_name,duration,emissions,"
                                      "energy_consumed\n"
                                      "2024-01-01T10:00:00,ab,60,0.001,0.5\n"
                                      "2024-01-01T11:00:00,日本語の名前,120,0.002,1.5\n", -1);
  const char *paths[] = { path, NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(HuCliImportText) text = hu_cli_import_text_new (out);
  g_autoptr(HuImportResult) r = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  const char *run_col;

  g_assert_true (hu_import_paths_foreach (paths, NULL, NULL, NULL, add_run, text, &r, &error));
  g_assert_no_error (error);
  hu_cli_import_text_finish (text, r);
  g_assert_cmpuint (hu_cli_import_text_get_max_held (text), ==, 2);

  lines = g_strsplit (out->str, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2 + 2 + 1 + 1);
  g_assert_cmpstr (lines[4], ==, "2 runs");
  /* "Source" is as wide as "codecarbon" (10) + 2 spaces; "Version" as
   * "1.x" padded to 7; the Run column as the Japanese name, 6 wide
   * characters = 12 display columns, wider than "Run". */
  g_assert_true (g_str_has_prefix (lines[0], "Source      Version  Run           Start"));
  run_col = lines[2] + strlen ("codecarbon  1.x      ");
  g_assert_true (g_str_has_prefix (run_col, "ab            2024-01-01T"));
  run_col = lines[3] + strlen ("codecarbon  1.x      ");
  g_assert_true (g_str_has_prefix (run_col, "日本語の名前  2024-01-01T"));
  g_assert_cmpuint (width_of (lines[2]), ==, width_of (lines[0]));
  g_assert_cmpuint (width_of (lines[3]), ==, width_of (lines[0]));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/huella/import/text/streams", Fixture, NULL, fixture_set_up, test_streams,
              fixture_tear_down);
  g_test_add ("/huella/import/text/few-runs", Fixture, NULL, fixture_set_up, test_few_runs,
              fixture_tear_down);

  return g_test_run ();
}
