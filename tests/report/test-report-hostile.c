/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Output that carries attacks (issue 9, items 7-9): a CodeCarbon log from
 * the internet names its project "=cmd|' /C calc'!A0" (a formula to a
 * spreadsheet) or "\e]0;PWNED\a\e[2J" (retitles and clears a terminal);
 * a project's names hold C0 controls and line breaks. Every output is
 * checked: CSV text cells neutralised (numbers never), text, Markdown,
 * LaTeX and PDF without control characters, SVG well-formed XML 1.0,
 * LaTeX captions on one line with brackets braced. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sys/wait.h>

#include "hu-core.h"
#include "hu-report.h"
#include "../test-init.h"

#define FORMULA "=cmd|' /C calc'!A0"
#define ESCAPES "\x1b]0;PWNED\a\x1b[2J"
/* The same, as hu_text_printable() shows it: U+FFFD for each control. */
#define ESCAPES_SHOWN "\xEF\xBF\xBD]0;PWNED\xEF\xBF\xBD\xEF\xBF\xBD[2J"

/* Two scenarios: "esc" is the baseline (100 GPU-hours); "formula" has
 * half the GPU-hours of the same GPU in the same grid, so its change
 * against the baseline is −50 %, a negative number in the CSV. */
static const char *project_json =
  "{ \"format\": \"huella-project\", \"format-version\": 1,\n"
  "  \"title\": \"First line\\n[12pt] second line \\u0001\",\n"
  "  \"baseline\": \"esc\",\n"
  "  \"scenarios\": [\n"
  "    { \"id\": \"esc\", \"name\": \"\\u001b]0;PWNED\\u0007\\u001b[2J\", \"gpu_hours\": 100,\n"
  "      \"gpu\": \"nvidia-a100-sxm4-80gb\", \"region\": \"grid/FR\" },\n"
  "    { \"id\": \"formula\", \"name\": \"=cmd|' /C calc'!A0\", \"gpu_hours\": 50,\n"
  "      \"gpu\": \"nvidia-a100-sxm4-80gb\", \"region\": \"grid/FR\",\n"
  "      \"notes\": \"line\\u000bfeed \\u0085 \\u009b2J\" }\n"
  "  ], \"runs\": [] }\n";

/* C0 other than tab, LF and CR; DEL; C1 (as UTF-8, C2 80–C2 9F). */
static void
assert_no_controls (const char *what,
                    const char *text,
                    gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = text[i];

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f
          || (c == 0xc2 && i + 1 < len && (guchar) text[i + 1] >= 0x80
              && (guchar) text[i + 1] <= 0x9f))
        g_error ("%s: control character 0x%02x at byte %" G_GSIZE_FORMAT, what, c, i);
    }
}

static gboolean
xml_char_allowed (gunichar c)
{
  /* XML 1.0, production [2] Char. */
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
         || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* Every character, written or referenced ("&#x1b;", "&#27;"), must be an
 * XML 1.0 Char. */
static void
assert_xml_chars (const char *svg)
{
  g_assert_true (g_utf8_validate (svg, -1, NULL));
  for (const char *p = svg; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!xml_char_allowed (c))
        g_error ("SVG: character U+%04X at byte %td", c, p - svg);
      if (g_str_has_prefix (p, "&#"))
        {
          gboolean hex = p[2] == 'x';
          guint64 ref = g_ascii_strtoull (p + (hex ? 3 : 2), NULL, hex ? 16 : 10);

          if (ref > 0x10FFFF || !xml_char_allowed ((gunichar) ref))
            g_error ("SVG: reference to U+%04" G_GINT64_MODIFIER "X", ref);
        }
    }
}

static GBytes *
export (HuReport       *report,
        HuReportFormat  format)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = hu_report_export_bytes (report, format, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static HuReport *
hostile_report (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = hu_project_new_from_data (project_json, -1, "hostile.huella",
                                                           &error);
  HuReport *report;

  g_assert_no_error (error);
  report = hu_report_new (project, NULL, &error);
  g_assert_no_error (error);
  return report;
}

static void
test_markdown (void)
{
  g_autoptr(HuReport) report = hostile_report ();
  g_autoptr(GBytes) md = export (report, HU_REPORT_FORMAT_MARKDOWN);
  gsize len;
  const char *text = g_bytes_get_data (md, &len);
  g_autofree char *copy = g_strndup (text, len);

  assert_no_controls ("Markdown", text, len);
  /* "[" and "]" are Markdown's own, escaped as before. */
  g_assert_nonnull (strstr (copy, "\xEF\xBF\xBD\\]0;PWNED\xEF\xBF\xBD\xEF\xBF\xBD\\[2J"));
}

static void
test_latex (void)
{
  g_autoptr(HuReport) report = hostile_report ();
  g_autoptr(GBytes) tex = export (report, HU_REPORT_FORMAT_LATEX);
  gsize len;
  const char *text = g_bytes_get_data (tex, &len);
  g_autofree char *copy = g_strndup (text, len);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
  guint captions = 0;

  assert_no_controls ("LaTeX", text, len);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!g_str_has_prefix (lines[i], "\\caption{"))
        continue;
      captions++;
      /* The whole caption on its line, without a line break inside. */
      g_assert_true (g_str_has_suffix (lines[i], "}"));
      g_assert_null (strstr (lines[i], "\\\\"));
      /* The title's line break is a space; its "[12pt]" is braced so no
       * command takes it for an optional argument; the control character
       * is a "?" (pdfLaTeX does not know U+FFFD). */
      g_assert_nonnull (strstr (lines[i], "First line {[}12pt{]} second line ?."));
    }
  g_assert_cmpuint (captions, ==, 1);
  /* No "[" anywhere follows a "\\" (a line break's optional argument). */
  g_assert_null (strstr (copy, "\\\\["));
  g_assert_null (strstr (copy, "\\\\\n["));
}

static void
test_svg (void)
{
  g_autoptr(HuReport) report = hostile_report ();
  g_autoptr(GBytes) svg = export (report, HU_REPORT_FORMAT_SVG);
  gsize len;
  const char *data = g_bytes_get_data (svg, &len);
  g_autofree char *text = g_strndup (data, len);
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");

  g_assert_cmpuint (strlen (text), ==, len);
  assert_xml_chars (text);
  g_assert_nonnull (strstr (text, ESCAPES_SHOWN));

  /* A real XML parser agrees, where one is installed (tools/dev installs
   * libxml2-utils). */
  if (xmllint != NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("huella-hostile-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "c.svg", NULL);
      const char *argv[] = { xmllint, "--noout", path, NULL };
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status = -1;

      g_assert_true (g_file_set_contents (path, data, len, NULL));
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                   NULL, NULL, &err, &status, &error));
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("xmllint: %s", err);
      g_remove (path);
      g_rmdir (dir);
    }
}

static void
test_pdf (void)
{
  g_autoptr(HuReport) report = hostile_report ();
  g_autoptr(GBytes) pdf = export (report, HU_REPORT_FORMAT_PDF);
  g_autofree char *dir = g_dir_make_tmp ("huella-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "r.pdf", NULL);
  g_autofree char *cmd = g_strdup_printf ("pdftotext -enc UTF-8 '%s' -", path);
  g_autofree char *text = NULL;
  int status;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                      NULL));
  g_assert_true (g_spawn_command_line_sync (cmd, &text, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* pdftotext ends pages with form feeds, which are its own. */
  g_strdelimit (text, "\f", '\n');
  assert_no_controls ("PDF text", text, strlen (text));
  g_assert_nonnull (strstr (text, "PWNED"));
  g_remove (path);
  g_rmdir (dir);
}

/* A minimal RFC 4180 reader for one line of fields (no line breaks in
 * the fields this test writes). */
static GStrv
csv_fields (const char *line)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0' && *p != '\r' && *p != '\n'; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (field, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if (*p == ',' && !quoted)
        {
          g_strv_builder_add (b, field->str);
          g_string_truncate (field, 0);
        }
      else
        g_string_append_c (field, *p);
    }
  g_strv_builder_add (b, field->str);
  return g_strv_builder_end (b);
}

/* The cell of @column in the row whose first cell is @first. */
static char *
csv_lookup (const char *csv,
            const char *key_column,
            const char *key,
            const char *column)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  g_auto(GStrv) header = csv_fields (lines[0]);
  int k = -1, c = -1;

  for (int i = 0; header[i] != NULL; i++)
    {
      if (g_str_equal (header[i], key_column))
        k = i;
      if (g_str_equal (header[i], column))
        c = i;
    }
  g_assert_cmpint (k, >=, 0);
  g_assert_cmpint (c, >=, 0);
  for (guint r = 1; lines[r] != NULL; r++)
    {
      g_auto(GStrv) row = csv_fields (lines[r]);

      if (g_strv_length (row) > (guint) MAX (k, c) && g_str_equal (row[k], key))
        return g_strdup (row[c]);
    }
  g_error ("no row with %s = %s", key_column, key);
  return NULL;
}

static void
test_report_csv (void)
{
  g_autoptr(HuReport) report = hostile_report ();
  g_autoptr(GBytes) csv = export (report, HU_REPORT_FORMAT_CSV);
  g_autofree char *text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_autofree char *name = csv_lookup (text, "id", "formula", "name");
  g_autofree char *pct = csv_lookup (text, "id", "formula", "vs_baseline_pct");
  g_autofree char *esc = csv_lookup (text, "id", "esc", "name");

  g_assert_cmpstr (name, ==, "'" FORMULA);
  /* Half the GPU-hours, same GPU and grid: (50 − 100) ÷ 100 = −50 %. A
   * number is never prefixed. */
  g_assert_cmpstr (pct, ==, "-50");
  /* CSV is data: what does not start a formula is kept as it is. */
  g_assert_cmpstr (esc, ==, ESCAPES);
}

static int
run_cli (const char  *args,
         const char  *dir,
         char       **out,
         char       **err)
{
  g_autoptr(GString) cmd = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (g_getenv ("HUELLA_CLI"));
  g_string_printf (cmd, "%s %s", g_getenv ("HUELLA_CLI"), args);
  g_string_replace (cmd, "@", dir, 0);
  g_assert_true (g_spawn_command_line_sync (cmd->str, out, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* The issue's two project names in a CodeCarbon log, through import
 * (text, CSV, --add-to), compare and report. */
static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("huella-hostile-XXXXXX", NULL);
  g_autofree char *log = g_build_filename (dir, "emissions.csv", NULL);
  g_autofree char *project = g_build_filename (dir, "p.huella", NULL);
  g_autofree char *report_csv = g_build_filename (dir, "r.csv", NULL);
  g_autofree char *report_md = g_build_filename (dir, "r.md", NULL);
  g_autofree char *out = NULL, *err = NULL, *contents = NULL, *cell = NULL;
  const char *text =
    "timestamp,project_name,run_id,duration,emissions,energy_consumed\n"
    "2024-05-01T14:02:00," FORMULA ",3f2a91aa-0000-4000-8000-000000000001,60,0.001,0.5\n"
    "2024-05-01T15:00:00," ESCAPES ",3f2a91aa-0000-4000-8000-000000000002,60,0.001,0.5\n"
    /* Skipped (a duration that is not a number); the reason quotes it. */
    "2024-05-01T16:00:00,p,3f2a91aa-0000-4000-8000-000000000003," ESCAPES ",0.001,0.5\n";

  g_assert_true (g_file_set_contents (log, text, -1, NULL));

  g_assert_cmpint (run_cli ("import @/emissions.csv", dir, &out, &err), ==, 0);
  assert_no_controls ("import text", out, strlen (out));
  assert_no_controls ("import stderr", err, strlen (err));
  g_assert_nonnull (strstr (out, "PWNED"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli ("import --format csv @/emissions.csv", dir, &out, &err), ==, 0);
  cell = csv_lookup (out, "run_id", "3f2a91aa-0000-4000-8000-000000000001", "name");
  g_assert_cmpstr (cell, ==, "'" FORMULA);
  /* Skipped rows go to stderr, for people. */
  assert_no_controls ("import --format csv stderr", err, strlen (err));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&cell, g_free);

  g_assert_cmpint (run_cli ("import @/emissions.csv --add-to @/p.huella --format json", dir, &out,
                            &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli ("compare @/p.huella", dir, &out, &err), ==, 0);
  assert_no_controls ("compare text", out, strlen (out));
  g_assert_nonnull (strstr (out, ESCAPES_SHOWN));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli ("compare --format markdown @/p.huella", dir, &out, &err), ==, 0);
  assert_no_controls ("compare markdown", out, strlen (out));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli ("report @/p.huella -o @/r.csv", dir, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (report_csv, &contents, NULL, NULL));
  /* --add-to named the run as the app does (project · run id · start,
   * 14:02:00 − 60 s): the cell still starts with the formula. */
  cell = csv_lookup (contents, "kind", "run", "name");
  g_assert_cmpstr (cell, ==, "'" FORMULA " · 3f2a91 · 2024-05-01 14:01");
  g_clear_pointer (&contents, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli ("report @/p.huella -o @/r.md", dir, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (report_md, &contents, NULL, NULL));
  assert_no_controls ("report Markdown", contents, strlen (contents));

  g_remove (log);
  g_remove (project);
  g_remove (report_csv);
  g_remove (report_md);
  g_rmdir (dir);
}

/* compare --format csv lists scenarios: a scenario named like a formula. */
static void
test_compare_csv (void)
{
  g_autofree char *dir = g_dir_make_tmp ("huella-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "h.huella", NULL);
  g_autofree char *out = NULL, *err = NULL, *cell = NULL;

  g_assert_true (g_file_set_contents (path, project_json, -1, NULL));
  g_assert_cmpint (run_cli ("compare --format csv @/h.huella", dir, &out, &err), ==, 0);
  cell = csv_lookup (out, "id", "formula", "name");
  g_assert_cmpstr (cell, ==, "'" FORMULA);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli ("compare @/h.huella", dir, &out, &err), ==, 0);
  assert_no_controls ("compare text", out, strlen (out));
  g_remove (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  core_test_init (&argc, &argv);

  g_test_add_func ("/huella/report/hostile/markdown", test_markdown);
  g_test_add_func ("/huella/report/hostile/latex", test_latex);
  g_test_add_func ("/huella/report/hostile/svg", test_svg);
  g_test_add_func ("/huella/report/hostile/pdf", test_pdf);
  g_test_add_func ("/huella/report/hostile/report-csv", test_report_csv);
  g_test_add_func ("/huella/report/hostile/cli", test_cli);
  g_test_add_func ("/huella/report/hostile/compare-csv", test_compare_csv);

  return g_test_run ();
}
