/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "hu-core.h"
#include "hu-report.h"
#include "../test-init.h"

/*
 * Issue 10: a Spanish report named the grids "France" and "Vermont,
 * United States" where the app says "Francia" and "Vermont, Estados
 * Unidos". The documents people read (PDF, Markdown and LaTeX, which
 * render one document; and the statement) name a grid as the app does;
 * CSV and JSON keep the catalog's ids and names, whatever the language.
 *
 * The Spanish names expected are iso-codes' own translations, asked of
 * its iso_3166-1 domain here, not what Huella's country table gives.
 * The scenarios' names and the title name no country, so that any
 * "France" in a Spanish document is one the report wrote.
 *
 * The same holds for an accelerator's qualifier: "Google TPU v4 (per
 * chip)" is "(por chip)" where people read, the catalog's name in data.
 */

static const char *project_text =
  "{ \"format\": \"huella-project\", \"format-version\": 1, \"title\": \"Names\","
  "  \"scenarios\": ["
  "    { \"id\": \"paris\", \"name\": \"Paris\", \"gpu_hours\": 1000,"
  "      \"gpu\": \"nvidia-a100-sxm4-80gb\", \"count\": 8, \"power_w\": 400, \"pue\": 1.2,"
  "      \"region\": \"grid/FR\" },"
  "    { \"id\": \"burlington\", \"name\": \"Burlington\", \"gpu_hours\": 1000,"
  "      \"gpu\": \"google-tpu-v4\", \"count\": 8, \"power_w\": 400, \"pue\": 1.2,"
  "      \"region\": \"grid/US-VT\" }"
  "  ], \"runs\": [] }";

static char *
export_text (HuReport       *report,
             HuReportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = hu_report_export_bytes (report, format, NULL, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

static HuReport *
new_report (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = hu_project_new_from_data (project_text, -1, "names.huella",
                                                           &error);
  HuReport *report;

  g_assert_no_error (error);
  report = hu_report_new (project, NULL, &error);
  g_assert_no_error (error);
  return report;
}

/* Markdown @text names @name where the inputs table gives the region
 * (its own cell) and where the defaults table cites the intensity's source
 * ("Francia: Our World…"). */
static void
assert_named (const char *text,
              const char *name)
{
  g_autofree char *cell = g_strdup_printf ("| %s |", name);
  g_autofree char *source = g_strdup_printf ("%s: ", name);

  if (strstr (text, cell) == NULL || strstr (text, source) == NULL)
    g_error ("“%s” missing from:\n%s", name, text);
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* CSV and JSON keep the catalog's names, in any language. */
static void
assert_machine_formats (HuReport *report)
{
  g_autofree char *csv = export_text (report, HU_REPORT_FORMAT_CSV);
  g_autofree char *json = export_text (report, HU_REPORT_FORMAT_JSON);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *scenarios;

  g_assert_nonnull (strstr (csv, ",grid/FR,France,"));
  g_assert_nonnull (strstr (csv, ",google-tpu-v4,Google TPU v4 (per chip),"));
  g_assert_nonnull (strstr (csv, ",grid/US-VT,\"Vermont, United States\","));

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  scenarios = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                            "scenarios");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (scenarios, 0),
                                                  "region_name"), ==, "France");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (scenarios, 1),
                                                  "region_name"), ==, "Vermont, United States");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (scenarios, 1),
                                                  "gpu_name"), ==, "Google TPU v4 (per chip)");
}

static void
test_english (void)
{
  g_autoptr(HuReport) report = new_report ();
  g_autofree char *md = export_text (report, HU_REPORT_FORMAT_MARKDOWN);

  assert_named (md, "France");
  assert_named (md, "Vermont, United States");
  g_assert_nonnull (strstr (md, "(France)"));
  assert_machine_formats (report);
}

static void
test_spanish (void)
{
  g_autoptr(HuReport) report = NULL;
  g_autofree char *md = NULL, *tex = NULL, *statement = NULL;
  g_autofree char *vermont = NULL, *in_brackets = NULL;
  const char *france, *united_states;

  /* As the other Spanish tests: tools/dev generates the locale, so a
   * machine without it fails rather than passing untested. */
  if (setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
    {
      g_test_fail_printf ("no es_ES.UTF-8 locale: generate it (tools/dev test does)");
      return;
    }
  g_setenv ("LANGUAGE", "es", TRUE);

  /* iso-codes' translations; the untranslated msgid means none is
   * installed, which tools/dev installs: a failure, not a skip. */
  france = g_dgettext ("iso_3166-1", "France");
  united_states = g_dgettext ("iso_3166-1", "United States");
  g_assert_cmpstr (france, !=, "France");
  g_assert_cmpstr (united_states, !=, "United States");
  vermont = g_strdup_printf ("Vermont, %s", united_states);

  report = new_report ();
  md = export_text (report, HU_REPORT_FORMAT_MARKDOWN);
  tex = export_text (report, HU_REPORT_FORMAT_LATEX);
  statement = hu_report_get_statement (report, "paris", NULL);

  assert_named (md, france);
  assert_named (md, vermont);
  /* The statement: "… de 44,18 g CO₂eq/kWh (Francia), …", alone, in
   * the document and in LaTeX (its statement and comparison table for
   * a paper: no inputs). */
  in_brackets = g_strdup_printf ("(%s)", france);
  g_assert_nonnull (strstr (statement, in_brackets));
  g_assert_nonnull (strstr (md, in_brackets));
  g_assert_nonnull (strstr (tex, in_brackets));

  /* The one English name left is the model card's: metadata for a
   * model's page (Hugging Face), in English like its other values
   * ("pre-training"), not a sentence of the report. */
  g_assert_nonnull (strstr (md, "geographical_location: \"France\""));
  g_assert_cmpuint (count (md, "France"), ==, 1);
  g_assert_cmpuint (count (md, "United States"), ==, 0);
  g_assert_cmpuint (count (tex, "France"), ==, 0);
  g_assert_cmpuint (count (tex, "United States"), ==, 0);
  g_assert_cmpuint (count (statement, "France"), ==, 0);

  {
    g_autofree char *tpu_statement = hu_report_get_statement (report, "burlington", NULL);

    g_assert_nonnull (strstr (tpu_statement, "× Google TPU v4 (por chip)"));
    g_assert_nonnull (strstr (md, "| 8 × Google TPU v4 (por chip) |"));
    g_assert_nonnull (strstr (tex, "Google TPU v4 (por chip)"));
    g_assert_cmpuint (count (md, "(per chip)"), ==, 0);
    g_assert_cmpuint (count (tex, "(per chip)"), ==, 0);
  }

  assert_machine_formats (report);

  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  core_test_init (&argc, &argv);

  g_test_add_func ("/huella/report/names/english", test_english);
  g_test_add_func ("/huella/report/names/spanish", test_spanish);
  return g_test_run ();
}
