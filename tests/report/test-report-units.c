/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hu-core.h"
#include "hu-report.h"
#include "../test-init.h"

/*
 * Issue 8 item 4, issue 10 item 13: the carbon impact statement and the
 * "All outputs" table read their figures as hu-units writes them (the
 * same thresholds, symbols and significant digits as the tables and
 * charts), in the C locale and with Spanish separators.
 *
 * Two scenarios on an A100, no embodied carbon, figures by hand:
 *
 * Tiny: 0.0016 GPU-hours, 1 accelerator, 359 W, PUE 1, 100 g/kWh.
 *   energy  0.0016 h × 359 W = 0.5744 Wh (below 1 kWh: Wh, four digits)
 *   CO₂eq   0.0005744 kWh × 100 g/kWh = 0.05744 g (below 1 kg: g)
 *   time    0.0016 h = 0.096 min, below 1 min: 0.0016 × 3,600 = 5.76 s
 *           (three digits)
 *   GPU-h   0.0016 GPU-h (no smaller unit; four digits 0.001600 → 0.0016)
 *
 * Week: 1,843.192 GPU-hours on 8 accelerators, 400 W, PUE 1.2, 250 g/kWh.
 *   wall    1,843.192 ÷ 8 = 230.399 h, from 72 h in days: 9.59996 days,
 *           three digits 9.60 → "9.6 days" in a sentence
 *   IT      1,843.192 h × 400 W = 737.2768 kWh
 *   energy  737.2768 × 1.2 = 884.73216 kWh → four digits "884.7 kWh"
 *   CO₂eq   884.73216 × 250 ÷ 1000 = 221.18304 kg → "221.2 kg"
 *   GPU-h   1,843.192 (thousands only from 10,000) → "1,843 GPU-h" (C locale: English grouping)
 *
 * The table's columns hold both: one unit per column from the largest,
 * decimals for four digits of it (three for time); one decimal more
 * would not give the tiny row two digits, so none is added: GPU-h 1843
 * → "1,843" (grouped as the locale groups: "1.843" in Spanish); wall-clock 9.59996 days → "9.60"; IT energy 737.2768 kWh →
 * "737.3"; energy "884.7"; CO₂eq 221.18304 kg → "221.2". The tiny row
 * would read 0.0, 0.00 or 0.000 there, so each figure is in its own unit
 * (hu_unit_scale_resolve()), which it names when it is not the header's:
 * 0.0016 GPU-h, four digits "0.001600" (GPU-h has no smaller unit);
 * 5.76 s → "5.76 s" (three digits, as the column's); 0.5744 Wh; 0.05744 g. Never a false "0".
 *
 * Columns with no value in any row are left out (issue 10, item 17): no
 * scenario has a price (no Cost), both give GPU-hours, not FLOPs (no
 * throughput), and both their intensity, not a region (no Region); each
 * row ends where the header does. Embodied carbon 0 is a value: kept.
 */

static const char *project_text =
  "{ \"format\": \"huella-project\", \"format-version\": 1, \"title\": \"Units\","
  "  \"currency\": \"EUR\", \"scenarios\": ["
  "    { \"id\": \"tiny\", \"name\": \"Tiny\", \"gpu_hours\": 0.0016,"
  "      \"gpu\": \"nvidia-a100-sxm4-80gb\", \"count\": 1, \"power_w\": 359, \"pue\": 1,"
  "      \"intensity\": 100, \"embodied_kg\": 0, \"lifetime_h\": 35040 },"
  "    { \"id\": \"week\", \"name\": \"Week\", \"gpu_hours\": 1843.192,"
  "      \"gpu\": \"nvidia-a100-sxm4-80gb\", \"count\": 8, \"power_w\": 400, \"pue\": 1.2,"
  "      \"intensity\": 250, \"embodied_kg\": 0, \"lifetime_h\": 35040 }"
  "  ], \"runs\": [] }";

typedef struct {
  const char *locale;
  const char *tiny;          /* the statement's first sentence, up to the intensity */
  const char *week;
  const char *header;        /* the All outputs table's header and rows */
  const char *tiny_row;
  const char *week_row;
  /* Scenario inputs: Week's power, training runs, intensity and PUE,
   * each by the formatter of its kind, as the defaults table and the
   * Explain steps write them (issue 10: "130.0" in one table, "130
   * TFLOP/s" in the next): power and intensity four digits at most,
   * trailing zeros dropped, 400 and 250 (never "400.0"); training runs
   * a count, 1, never "1.00"; the PUE two decimals, 1.20 (never "1.2"
   * in one table and "1.20" in the statement). */
  const char *inputs_week;
  const char *defaults_power;
  const char *defaults_pue;
} Case;

static const Case cases[] = {
  {
    "C.UTF-8",
    "Training Tiny used an estimated 0.5744 Wh of electricity (0.0016 GPU-h on "
    "1 × NVIDIA A100 SXM4 80GB over 5.76 s of wall-clock time per run, data-centre "
    "PUE 1.00), emitting an estimated 0.05744 g CO₂eq at a carbon intensity of "
    "100 g CO₂eq/kWh.",
    "Training Week used an estimated 884.7 kWh of electricity (1,843 GPU-h on "
    "8 × NVIDIA A100 SXM4 80GB over 9.6 days of wall-clock time per run, data-centre "
    "PUE 1.20), emitting an estimated 221.2 kg CO₂eq at a carbon intensity of "
    "250 g CO₂eq/kWh.",
    "| Scenario | Accelerator time per run (GPU-h) | "
    "Wall-clock per run (days) | Accelerator time (GPU-h) | IT energy (kWh) | Energy (kWh) | "
    "Operational CO₂eq (kg) | Embodied CO₂eq (kg) | Total CO₂eq (kg) |\n",
    "| Tiny | 0.001600 | 5.76 s | 0.001600 | 0.5744 Wh | 0.5744 Wh | 0.05744 g | 0 | "
    "0.05744 g |\n",
    "| Week | 1,843 | 9.60 | 1,843 | 737.3 | 884.7 | 221.2 | 0 | 221.2 |\n",
    "| 400 | 1 | 250 | 1.20 |\n",
    "| Week | Power | 400 W | given |",
    "| Week | PUE | 1.20 | given |",
  },
  {
    /* Decimal comma; glibc's es_ES groups thousands from four digits. */
    "es_ES.UTF-8",
    "Training Tiny used an estimated 0,5744 Wh of electricity (0,0016 GPU-h on "
    "1 × NVIDIA A100 SXM4 80GB over 5,76 s of wall-clock time per run, data-centre "
    "PUE 1,00), emitting an estimated 0,05744 g CO₂eq at a carbon intensity of "
    "100 g CO₂eq/kWh.",
    "Training Week used an estimated 884,7 kWh of electricity (1.843 GPU-h on "
    "8 × NVIDIA A100 SXM4 80GB over 9,6 days of wall-clock time per run, data-centre "
    "PUE 1,20), emitting an estimated 221,2 kg CO₂eq at a carbon intensity of "
    "250 g CO₂eq/kWh.",
    "| Scenario | Accelerator time per run (GPU-h) | "
    "Wall-clock per run (days) | Accelerator time (GPU-h) | IT energy (kWh) | Energy (kWh) | "
    "Operational CO₂eq (kg) | Embodied CO₂eq (kg) | Total CO₂eq (kg) |\n",
    "| Tiny | 0,001600 | 5,76 s | 0,001600 | 0,5744 Wh | 0,5744 Wh | 0,05744 g | 0 | "
    "0,05744 g |\n",
    "| Week | 1.843 | 9,60 | 1.843 | 737,3 | 884,7 | 221,2 | 0 | 221,2 |\n",
    "| 400 | 1 | 250 | 1,20 |\n",
    "| Week | Power | 400 W | given |",
    "| Week | PUE | 1,20 | given |",
  },
};

static char *
markdown_of (HuReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("huella-units-XXXXXX", &error);
  g_autofree char *path = NULL;
  char *text = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "r.md", NULL);
  g_assert_true (hu_report_export (report, HU_REPORT_FORMAT_MARKDOWN, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_unlink (path);
  g_rmdir (dir);
  return text;
}

static void
test_statement_and_table (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = NULL;
  g_autoptr(HuReport) report = NULL;
  g_autofree char *tiny = NULL, *week = NULL, *md = NULL;

  if (setlocale (LC_ALL, c->locale) == NULL)
    {
      g_test_fail_printf ("%s is not installed (the README's test command generates it)",
                          c->locale);
      return;
    }

  project = hu_project_new_from_data (project_text, -1, "units.huella", &error);
  g_assert_no_error (error);
  report = hu_report_new (project, NULL, &error);
  g_assert_no_error (error);
  tiny = hu_report_get_statement (report, "tiny", &error);
  g_assert_no_error (error);
  week = hu_report_get_statement (report, "week", &error);
  g_assert_no_error (error);
  md = markdown_of (report);
  setlocale (LC_ALL, "C.UTF-8");

  if (!g_str_has_prefix (tiny, c->tiny))
    g_error ("statement:\n%s\nexpected to start:\n%s", tiny, c->tiny);
  if (!g_str_has_prefix (week, c->week))
    g_error ("statement:\n%s\nexpected to start:\n%s", week, c->week);
  g_assert_nonnull (strstr (md, c->header));
  g_assert_nonnull (strstr (md, c->tiny_row));
  g_assert_nonnull (strstr (md, c->week_row));
  g_assert_nonnull (strstr (md, c->inputs_week));
  g_assert_nonnull (strstr (md, c->defaults_power));
  g_assert_nonnull (strstr (md, c->defaults_pue));
}

/* A measured run's statement: 0.0216 kWh is 21.6 Wh, 0.00183 kg is
 * 1.83 g, 558 s is 9.3 min (three digits 9.30, trailing zero dropped). */
static void
test_run_statement (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = hu_project_new ();
  g_autoptr(HuMeasuredRun) run = hu_measured_run_new ();
  g_autoptr(HuReport) report = NULL;
  g_autofree char *statement = NULL;
  HuRunData *d = hu_measured_run_get_data (run);

  d->id = g_strdup ("r");
  d->source = g_strdup ("codecarbon");
  d->source_version = g_strdup ("2.4.1");
  d->energy_kwh = 0.0216;
  d->emissions_kg = 0.00183;
  d->duration_s = 558;
  hu_measured_run_set_name (run, "Short run");
  g_list_store_append (hu_project_get_runs (project), run);

  report = hu_report_new (project, NULL, &error);
  g_assert_no_error (error);
  statement = hu_report_get_statement (report, "r", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (statement, "Training Short run used 21.6 Wh of electricity "
                                              "over 9.3 min, emitting 1.83 g CO₂eq, as measured "
                                              "with codecarbon 2.4.1;"));
}

/* The LaTeX report spells hu-units' powers of ten for pdfLaTeX, whose
 * utf8 input knows no "⁻" or "⁸". Tiny's 0.05744 g, the subject, is
 * 5.744e-5 kg ÷ 4,290 kg per vehicle-year (EPA) = 1.339e-8 years of
 * driving, which was written "1.34 × 10⁻⁸ years" and no longer reads as
 * a power of ten (issue 10): × 8,766 h × 3,600 s = 0.4225 s, below one
 * second, three digits, "0.423 seconds of driving a petrol car". The
 * power of ten now comes from the project's title, "1.34 × 10⁻⁸ years",
 * which goes through the same escaping. */
static void
test_latex_powers_of_ten (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (project_text);
  g_autoptr(HuProject) project = NULL;
  g_autoptr(HuReport) report = NULL;
  g_autofree char *dir = g_dir_make_tmp ("huella-units-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "r.tex", NULL);
  g_autofree char *tex = NULL;

  g_string_replace (text, "\"title\": \"Units\"", "\"title\": \"1.34 × 10⁻⁸ years\"", 1);
  project = hu_project_new_from_data (text->str, -1, "units.huella", &error);
  g_assert_no_error (error);
  report = hu_report_new (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (hu_report_export (report, HU_REPORT_FORMAT_LATEX, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &tex, NULL, NULL));
  g_unlink (path);
  g_rmdir (dir);

  g_assert_nonnull (strstr (tex, "1.34 \\texttimes{} 10\\textsuperscript{\\textminus{}8} years"));
  g_assert_nonnull (strstr (tex, "0.423 seconds of driving a petrol car"));
  g_assert_null (strstr (tex, "⁻"));
  g_assert_null (strstr (tex, "⁸"));
}

/* A set of equivalence factors without a year (Green Algorithms' is 0
 * in the catalog) is named alone: never "Green Algorithms … (0)". Its
 * tree-month of 917 g beside Tiny's 0.05744 g: 5.744e-5 ÷ 0.917 =
 * 6.264e-5 tree-months × 730.5 h × 3,600 s = 164.7 s, at least one
 * minute: 2.745 min → "2.75 minutes of one tree's CO₂ absorption". */
static void
test_equivalence_set_without_year (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = hu_project_new_from_data (project_text, -1, "units.huella", &error);
  g_autoptr(HuReport) report = NULL;
  g_autofree char *md = NULL;
  HuReportOptions options;

  g_assert_no_error (error);
  hu_report_options_init (&options);
  options.equivalence_set = "green-algorithms";
  report = hu_report_new (project, &options, &error);
  g_assert_no_error (error);
  md = markdown_of (report);

  g_assert_null (strstr (md, "(0)"));
  g_assert_nonnull (strstr (md, "with the factors of Green Algorithms"));
  g_assert_nonnull (strstr (md, "2.75 minutes of one tree's CO₂ absorption"));
}

int
main (int    argc,
      char **argv)
{
  /* English text: the numbers' form is what is checked in each locale. */
  g_setenv ("LANGUAGE", "C", TRUE);
  core_test_init (&argc, &argv);

  g_test_add_data_func ("/huella/report/units/statement-and-table/C", &cases[0],
                        test_statement_and_table);
  g_test_add_data_func ("/huella/report/units/statement-and-table/es_ES", &cases[1],
                        test_statement_and_table);
  g_test_add_func ("/huella/report/units/equivalence-set-without-year",
                   test_equivalence_set_without_year);
  g_test_add_func ("/huella/report/units/run-statement", test_run_statement);
  g_test_add_func ("/huella/report/units/latex-powers-of-ten", test_latex_powers_of_ten);

  return g_test_run ();
}
