/* SPDX-License-Identifier: GPL-3.0-or-later */

/* PDF page breaks as a reader meets them (issue 10, item 17): a heading
 * or a table's caption never ends a page with its section on the next
 * one, and a table continued on a later page is named there ("Equivalences
 * (continued)", never a bare "(continued)"). */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hu-core.h"
#include "hu-report.h"
#include "hu-report-document-private.h"
#include "hu-report-pdf-private.h"
#include "hu-report-render-private.h"
#include "../test-helpers.h"

static char *
run_tool (const char *command_line)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_command_line_sync (command_line, &out, NULL, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed", command_line);
  return out;
}

/* The text of each page of @report's PDF, as pdftotext lays it out: one
 * run of the tool, its pages split at the form feed that ends each. */
static GStrv
pdf_pages (HuReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("huella-layout-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *cmd = NULL;
  g_autofree char *text = NULL;
  GStrv pages;

  g_assert_no_error (error);
  path = g_build_filename (dir, "r.pdf", NULL);
  g_assert_true (hu_report_export (report, HU_REPORT_FORMAT_PDF, path, NULL, &error));
  g_assert_no_error (error);
  cmd = g_strdup_printf ("pdftotext -enc UTF-8 -layout '%s' -", path);
  text = run_tool (cmd);
  g_unlink (path);
  g_rmdir (dir);
  pages = g_strsplit (text, "\f", -1);
  /* the text ends with a form feed: drop the empty piece after it */
  g_assert_cmpuint (g_strv_length (pages), ==, hu_report_get_n_pages (report) + 1);
  g_free (pages[hu_report_get_n_pages (report)]);
  pages[hu_report_get_n_pages (report)] = NULL;
  return pages;
}

/* The report's headings, from its Markdown ("## Comparison"), and with
 * @captions its tables' captions ("**Defaults and their sources**"). */
static GHashTable *
headings_of (HuReport *report,
             gboolean  captions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) md = hu_report_export_bytes (report, HU_REPORT_FORMAT_MARKDOWN, NULL, &error);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (md, NULL), g_bytes_get_size (md));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "## ") || g_str_has_prefix (lines[i], "### "))
      g_hash_table_add (set, g_strstrip (g_strdup (lines[i] + strspn (lines[i], "#"))));
    else if (captions && g_str_has_prefix (lines[i], "**") && g_str_has_suffix (lines[i], "**"))
      g_hash_table_add (set, g_strndup (lines[i] + 2, strlen (lines[i]) - 4));
  return set;
}

/* Every page's last line of content (above the footer) is not a heading
 * or a caption; every "NAME (continued)" line names a heading or a
 * caption, @continued being " (continued)" in the report's language. */
static guint
check_pdf (HuReport   *report,
           const char *what,
           const char *continued)
{
  g_autoptr(GHashTable) headings = headings_of (report, FALSE);
  g_autoptr(GHashTable) names = headings_of (report, TRUE);
  g_auto(GStrv) texts = pdf_pages (report);
  guint pages = g_strv_length (texts);
  guint n_continued = 0;

  for (guint page = 1; page <= pages; page++)
    {
      const char *text = texts[page - 1];
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      g_autoptr(GPtrArray) content = g_ptr_array_new ();

      for (guint i = 0; lines[i] != NULL; i++)
        if (*g_strstrip (lines[i]) != '\0' && lines[i][0] != '\f')
          g_ptr_array_add (content, lines[i]);
      /* the last line is the footer: title and page number */
      g_assert_cmpuint (content->len, >=, 2);
      {
        const char *last = g_ptr_array_index (content, content->len - 2);
        if (g_hash_table_contains (names, last))
          g_error ("%s: page %u of %u ends with the heading “%s”", what, page, pages, last);
      }
      for (guint i = 0; i < content->len; i++)
        {
          const char *line = g_ptr_array_index (content, i);
          g_autofree char *name = NULL;

          if (!g_str_has_suffix (line, continued))
            continue;
          name = g_strndup (line, strlen (line) - strlen (continued));
          if (!g_hash_table_contains (names, name))
            g_error ("%s: page %u: “%s” names no table", what, page, line);
          /* a continued table starts its page */
          g_assert_cmpuint (i, ==, 0);
          n_continued++;
        }
    }
  return n_continued;
}

/* Whether some line of the PDF reads @line exactly. */
static gboolean
pdf_has_line (HuReport   *report,
              const char *line)
{
  g_auto(GStrv) pages = pdf_pages (report);

  for (guint page = 0; pages[page] != NULL; page++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[page], "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_equal (g_strstrip (lines[i]), line))
          return TRUE;
    }
  return FALSE;
}

static void
test_examples (void)
{
  const char *examples[] = { "gpt3-gpus.huella", "patterson2021.huella", "llama2.huella",
                             "bloom.huella" };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(HuProject) project = load_example (examples[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(HuReport) report = hu_report_new (project, NULL, &error);

      g_assert_no_error (error);
      check_pdf (report, examples[i], " (continued)");
    }
}

/* Sixty scenarios more: the Comparison table, which has no caption,
 * runs onto a second page; there it is "Comparison (continued)", and in
 * Spanish "Comparación (continuación)". */
static void
test_continued_named (void)
{
  g_autoptr(HuProject) project = load_example ("gpt3-gpus.huella");
  g_autoptr(GError) error = NULL;
  g_autoptr(HuReport) report = NULL;
  g_autoptr(HuReport) spanish = NULL;

  for (guint n = 0; n < 60; n++)
    {
      g_autofree char *name = g_strdup_printf ("Copy %u", n + 1);

      append_copy (project, name);
    }
  report = hu_report_new (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (check_pdf (report, "gpt3-gpus + 60", " (continued)"), >=, 1);
  g_assert_true (pdf_has_line (report, "Comparison (continued)"));

  if (setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
    {
      g_test_fail_printf ("no es_ES.UTF-8 locale; generate it (tools/dev test does)");
      return;
    }
  g_setenv ("LANGUAGE", "es", TRUE);
  spanish = hu_report_new (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (check_pdf (spanish, "gpt3-gpus + 60 (es)", " (continuación)"), >=, 1);
  g_assert_true (pdf_has_line (spanish, "Comparación (continuación)"));
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
}

/* A table starts with two rows, never one alone at a page's foot: in
 * llama2's report each scenario's derivation (under its name as a
 * heading) has its second step, the wall-clock time, on the heading's
 * page. */
static void
test_table_starts_with_two_rows (void)
{
  const char *names[] = { "Llama 2 7B", "Llama 2 13B", "Llama 2 34B", "Llama 2 70B" };
  g_autoptr(HuProject) project = load_example ("llama2.huella");
  g_autoptr(GError) error = NULL;
  g_autoptr(HuReport) report = hu_report_new (project, NULL, &error);
  g_auto(GStrv) pages = NULL;
  guint found = 0;

  g_assert_no_error (error);
  pages = pdf_pages (report);
  for (guint page = 1; pages[page - 1] != NULL; page++)
    {
      const char *text = pages[page - 1];
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        for (guint n = 0; n < G_N_ELEMENTS (names); n++)
          if (g_str_equal (g_strstrip (lines[i]), names[n]) &&
              strstr (text, "Accelerator-hours") != NULL)
            {
              if (strstr (text, "Wall-clock time") == NULL)
                g_error ("page %u: “%s” starts its table with one row", page, names[n]);
              found++;
            }
    }
  /* every scenario's heading was seen with its table */
  g_assert_cmpuint (found, >=, 4);
}

/* A table of @n rows started at every height of an A4 page, 2 pt apart:
 * it starts where its first two rows fit (all three of three: split,
 * three rows leave one alone), else on the next page, never on a fresh
 * one; once split, its first and its last page hold two rows at least.
 * Every split point must come up: tables of four rows and more split
 * somewhere, three rows never. */
static void
test_table_rows_kept (void)
{
  double page_w, page_h;

  _hu_report_paper_size (HU_PAPER_A4, &page_w, &page_h);
  for (guint n = 1; n <= 6; n++)
    {
      HuReportTable *table = _hu_report_table_new (NULL, 2, "Item", "", 1.0, "Value", "#", 1.0);
      gboolean split_seen = FALSE, moved_seen = FALSE;

      for (guint r = 0; r < n; r++)
        _hu_report_table_add_row (table, g_strdup_printf ("Row %u", r + 1), g_strdup ("42"));
      for (double y = MARGIN_TOP; y < page_h - MARGIN_BOTTOM; y += 2)
        {
          g_autoptr(GArray) pages = _hu_report_pdf_table_pages (table, HU_PAPER_A4, y);
          guint first = 0, total = 0, used;

          if (g_array_index (pages, guint, 0) == 0)
            {
              g_assert_cmpfloat (y, >, MARGIN_TOP);
              first = 1;
              moved_seen = TRUE;
            }
          used = pages->len - first;
          for (guint i = first; i < pages->len; i++)
            total += g_array_index (pages, guint, i);
          g_assert_cmpuint (total, ==, n);
          g_assert_cmpuint (used, >=, 1);
          if (used == 1)
            continue;
          split_seen = TRUE;
          if (g_array_index (pages, guint, first) < 2 ||
              g_array_index (pages, guint, pages->len - 1) < 2)
            g_error ("%u rows from y = %g: %u on the first page, %u on the last", n, y,
                     g_array_index (pages, guint, first),
                     g_array_index (pages, guint, pages->len - 1));
        }
      g_assert_true (moved_seen);
      g_assert_true (split_seen == (n >= 4));
      _hu_report_table_free (table);
    }
}

/* A paragraph never leaves one line alone at a page's foot or top: in
 * BLOOM's report the two lines of the Green Algorithms reference were
 * split across pages 4 and 5. */
static void
test_paragraph_lines_kept (void)
{
  g_autoptr(HuProject) project = load_example ("bloom.huella");
  g_autoptr(GError) error = NULL;
  g_autoptr(HuReport) report = hu_report_new (project, NULL, &error);
  g_auto(GStrv) pages = NULL;
  guint seen = 0;

  g_assert_no_error (error);
  pages = pdf_pages (report);
  for (guint page = 0; pages[page] != NULL; page++)
    {
      const char *text = pages[page];
      gboolean first = strstr (text, "Lannelongue, L., Grealey") != NULL;
      gboolean second = strstr (text, "Computation. Advanced Science") != NULL;

      g_assert_true (first == second);
      seen += first;
    }
  g_assert_cmpuint (seen, ==, 1);
}

/* Growing a project a scenario at a time moves every page break through
 * every section: none leaves a heading behind. */
static void
test_growing_project (void)
{
  g_autoptr(HuProject) project = load_example ("llama2.huella");

  for (guint n = 0; n < 10; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HuReport) report = NULL;
      g_autofree char *name = g_strdup_printf ("Llama copy %u", n + 1);
      g_autofree char *what = g_strdup_printf ("llama2 + %u scenarios", n + 1);

      append_copy (project, name);
      report = hu_report_new (project, NULL, &error);
      g_assert_no_error (error);
      check_pdf (report, what, " (continued)");
    }
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  core_test_init (&argc, &argv);

  g_test_add_func ("/huella/report-layout/examples", test_examples);
  g_test_add_func ("/huella/report-layout/growing-project", test_growing_project);
  g_test_add_func ("/huella/report-layout/continued-named", test_continued_named);
  g_test_add_func ("/huella/report-layout/two-rows", test_table_starts_with_two_rows);
  g_test_add_func ("/huella/report-layout/table-rows-kept", test_table_rows_kept);
  g_test_add_func ("/huella/report-layout/paragraph-lines", test_paragraph_lines_kept);
  return g_test_run ();
}
