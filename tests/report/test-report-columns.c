/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The PDF's column widths come from the content (issue 10, item 1 of the
 * lead's leftovers): a column that fits on one line when the others give
 * room is not wrapped, whatever the columns' preset weights. */

#include "config.h"

#include <locale.h>

#include "hu-report-columns-private.h"
#include "hu-report-document-private.h"
#include "hu-report-pdf-private.h"

#define EPS 1e-3






static void
assert_widths (const double *got,
               const double *want,
               guint         n)
{
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (got[i], want[i], EPS);
}

/* Every column fits unwrapped: natural widths, spare shared by them. */
static void
test_fit_all (void)
{
  const double min[] = { 30, 40, 20 };
  const double natural[] = { 100, 60, 40 };
  double w[3];
  /* 100 + 60 + 40 = 200 of 300: 100 spare, shared 100:60:40 of 200,
   * so +50, +30, +20. */
  const double want[] = { 150, 90, 60 };

  g_assert_true (_hu_report_fit_columns (3, min, natural, 300, w));
  assert_widths (w, want, 3);
}

/* Too little room: only the widest column wraps. */
static void
test_fit_widest_wraps (void)
{
  const double min[] = { 40, 30, 20 };
  const double natural[] = { 200, 60, 30 };
  double w[3];
  /* 200 + 60 + 30 = 290 > 200. Cutting every column to a level L:
   * L = 110 gives min(200, 110) + 60 + 30 = 200. The 60 pt column
   * (under fixed weights of 1:1:1 it would get 66.7, but under 2:1:1,
   * 50, and wrap) keeps its natural 60: no wrap. */
  const double want[] = { 110, 60, 30 };

  g_assert_true (_hu_report_fit_columns (3, min, natural, 200, w));
  assert_widths (w, want, 3);
}

/* A minimum above the level holds. */
static void
test_fit_minimum (void)
{
  const double min[] = { 40, 50, 20 };
  const double natural[] = { 200, 100, 30 };
  double w[3];
  /* Room 120. At L = 45: 45 + max(50, 45) + 30 = 125, too wide; at
   * L = 40: 40 + 50 + 30 = 120. The second column stays at its minimum
   * 50 (above the level), the first is cut to 40, its own minimum. */
  const double want[] = { 40, 50, 30 };

  g_assert_true (_hu_report_fit_columns (3, min, natural, 120, w));
  assert_widths (w, want, 3);
}

/* Minimums wider than the room: the caller must shrink the type. */
static void
test_fit_too_narrow (void)
{
  const double min[] = { 60, 50 };
  const double natural[] = { 80, 70 };
  double w[2] = { -1, -1 };

  /* 60 + 50 = 110 > 100 */
  g_assert_false (_hu_report_fit_columns (2, min, natural, 100, w));
  g_assert_cmpfloat (w[0], ==, -1);
}

/* A table laid out as the PDF does: the long "Workload" column, given
 * the smallest weight, still takes one line, because the other columns
 * are short and the A4 text width (595.276 − 2 × 50 = 495.3 pt) holds
 * them all; the short cells take one line too. */
static void
test_pdf_long_column_fits (void)
{
  HuReportTable *table = _hu_report_table_new (NULL, 4,
                                               "Scenario", "", 3.0,
                                               "Workload", "", 0.3,
                                               "Region", "", 3.0,
                                               "PUE", "#", 3.0);

  _hu_report_table_add_row (table, g_strdup ("A"),
                            g_strdup ("FLOPs: 3.14 × 10²³ with a longer description"),
                            g_strdup ("—"), g_strdup ("1.10"));
  _hu_report_table_add_row (table, g_strdup ("B"), g_strdup ("FLOPs: 1.00 × 10²²"),
                            g_strdup ("—"), g_strdup ("1.20"));

  /* By weight the column would get 0.3 / 9.3 × 495.3 = 16 pt: several
   * lines. */
  for (guint r = 0; r < 2; r++)
    for (guint c = 0; c < 4; c++)
      g_assert_cmpuint (_hu_report_pdf_cell_lines (table, HU_PAPER_A4, r, c), ==, 1);
  _hu_report_table_free (table);
}

/* When the total does not allow it, the long column wraps and the short
 * ones still do not; a power of ten is never split. */
static void
test_pdf_too_long_wraps (void)
{
  g_autoptr(GString) words = g_string_new ("FLOPs: 3.14 × 10²³");
  HuReportTable *table = _hu_report_table_new (NULL, 3,
                                               "Scenario", "", 1.0,
                                               "Workload", "", 1.0,
                                               "PUE", "#", 1.0);

  /* 60 words of about 30 pt: some 1,800 pt, more than three lines of
   * 495 pt. */
  for (guint i = 0; i < 60; i++)
    g_string_append (words, " word");
  _hu_report_table_add_row (table, g_strdup ("Scenario one"), g_strdup (words->str),
                            g_strdup ("1.10"));

  g_assert_cmpuint (_hu_report_pdf_cell_lines (table, HU_PAPER_A4, 0, 0), ==, 1);
  g_assert_cmpuint (_hu_report_pdf_cell_lines (table, HU_PAPER_A4, 0, 1), >, 3);
  g_assert_cmpuint (_hu_report_pdf_cell_lines (table, HU_PAPER_A4, 0, 2), ==, 1);
  _hu_report_table_free (table);
}

/* Room left once rows are as short as they get unwraps the column with
 * the most wrapped cells for it first: gpt3-ranges' inputs had both
 * "FLOPs: 3.14 × 10²³" on two lines ("FLOPs:" above the number) beside
 * "Iowa (us-central1)" on one, the cheapest column to unwrap though it
 * unwrapped one cell. Rows stay three lines either way (the
 * accelerators' names): only which cells wrap changes. */
static void
test_pdf_most_wrapped_unwrapped (void)
{
  HuReportTable *table = _hu_report_table_new (NULL, 11,
    "Scenario", "", 2.0,
    "Workload", "", 1.4,
    "Accelerator", "", 2.0,
    "Precision", "", 0.8,
    "Peak (TFLOP/s)", "#", 0.9,
    "Utilisation", "#", 0.9,
    "Power (W)", "#", 0.8,
    "Training runs", "#", 0.8,
    "Region", "", 1.5,
    "g CO₂eq/kWh", "#", 0.9,
    "PUE", "#", 0.7);

  _hu_report_table_add_row (table, g_strdup ("GPT-3 as run (Patterson 2021)"),
                            g_strdup ("FLOPs: 3.14 × 10²³"),
                            g_strdup ("NVIDIA Tesla V100 SXM2 32GB"),
                            g_strdup ("FP16"), g_strdup ("125"), g_strdup ("19.7 %"),
                            g_strdup ("330"), g_strdup ("1"), g_strdup ("—"), g_strdup ("429"),
                            g_strdup ("1.10"));
  _hu_report_table_add_row (table, g_strdup ("A100 in Iowa"), g_strdup ("FLOPs: 3.14 × 10²³"),
                            g_strdup ("NVIDIA A100 SXM4 80GB"), g_strdup ("BF16"), g_strdup ("312"),
                            g_strdup ("40 %"), g_strdup ("400"), g_strdup ("1"),
                            g_strdup ("Iowa (us-central1)"), g_strdup ("412.7"), g_strdup ("1.11"));
  _hu_report_table_add_row (table, g_strdup ("H100 in France"), g_strdup ("FLOPs: 3.14 × 10²³"),
                            g_strdup ("NVIDIA H100 SXM5 80GB"), g_strdup ("BF16"), g_strdup ("989"),
                            g_strdup ("40 %"), g_strdup ("700"), g_strdup ("1"),
                            g_strdup ("France"), g_strdup ("44.18"), g_strdup ("1.56"));

  for (guint r = 0; r < 3; r++)
    g_assert_cmpuint (_hu_report_pdf_cell_lines (table, HU_PAPER_A4, r, 1), ==, 1);
  _hu_report_table_free (table);
}

/* Room freed by narrowed columns shortens the tallest rows: the
 * all-outputs table of serving-7b had "10,000 a day on an always-on A100"
 * in four lines (10,000 a / day on an / always-on / A100) while its
 * number columns kept room to spare. */
static void
test_pdf_rows_shortened (void)
{
  HuReportTable *table = _hu_report_table_new (NULL, 11,
    "Scenario", "", 1.0,
    "TFLOP/s per accelerator", "#", 1.0,
    "Accelerator time per run (thousand GPU-h)", "#", 1.0,
    "Wall-clock per run (years)", "#", 1.0,
    "Accelerator time (thousand GPU-h)", "#", 1.0,
    "IT energy (MWh)", "#", 1.0,
    "Energy (MWh)", "#", 1.0,
    "Operational CO₂eq (t)", "#", 1.0,
    "Embodied CO₂eq (kg)", "#", 1.0,
    "Total CO₂eq (t)", "#", 1.0,
    "Cost (USD)", "#", 1.0);
  const char *names[] = { "10,000 requests a day", "1 million requests a day",
                          "100 million requests a day", "10,000 a day on an always-on A100" };

  for (guint r = 0; r < G_N_ELEMENTS (names); r++)
    _hu_report_table_add_row (table, g_strdup (names[r]), g_strdup ("—"), g_strdup ("184.3"),
                              g_strdup ("21.0"), g_strdup ("184.3"), g_strdup ("73.73"),
                              g_strdup ("81.10"), g_strdup ("31.22"), g_strdup ("0"),
                              g_strdup ("31.22"), g_strdup ("—"));
  for (guint r = 0; r < G_N_ELEMENTS (names); r++)
    g_assert_cmpuint (_hu_report_pdf_cell_lines (table, HU_PAPER_A4, r, 0), <=, 3);
  for (guint r = 0; r < 3; r++)
    g_assert_cmpuint (_hu_report_pdf_cell_lines (table, HU_PAPER_A4, r, 0), <=, 2);
  _hu_report_table_free (table);
}

/* The header row is as tall as its tallest header: room goes there
 * first. The Spanish report's table of all outputs had "Tiempo de
 * acelerador por ejecución (miles de GPU-h)" in six lines beside
 * two-line headers; its number columns can give enough for four. */
static void
test_pdf_header_lines (void)
{
  HuReportTable *table = _hu_report_table_new (NULL, 11,
    "Escenario", "", 1.0,
    "TFLOP/s por acelerador", "#", 1.0,
    "Tiempo de acelerador por ejecución (miles de GPU-h)", "#", 1.0,
    "Tiempo real por ejecución (años)", "#", 1.0,
    "Tiempo de acelerador (miles de GPU-h)", "#", 1.0,
    "Energía TI (MWh)", "#", 1.0,
    "Energía (MWh)", "#", 1.0,
    "CO₂eq operativo (t)", "#", 1.0,
    "CO₂eq incorporado (kg)", "#", 1.0,
    "CO₂eq total (t)", "#", 1.0,
    "Coste (USD)", "#", 1.0);
  guint tallest = 0;

  _hu_report_table_add_row (table, g_strdup ("V100S PCIe"), g_strdup ("130,0"),
                            g_strdup ("670,9"), g_strdup ("76,5"), g_strdup ("670,9"),
                            g_strdup ("167,7"), g_strdup ("167,7"), g_strdup ("72,63"),
                            g_strdup ("0"), g_strdup ("72,63"), g_strdup ("—"));
  for (guint c = 0; c < 11; c++)
    tallest = MAX (tallest, _hu_report_pdf_cell_lines (table, HU_PAPER_A4, G_MAXUINT, c));
  g_assert_cmpuint (tallest, <=, 4);
  /* and every number on one line */
  for (guint c = 0; c < 11; c++)
    g_assert_cmpuint (_hu_report_pdf_cell_lines (table, HU_PAPER_A4, 0, c), ==, 1);
  _hu_report_table_free (table);
}

/* Twelve Spanish columns whose words do not fit at the first type size:
 * the headers' type shrinks first, and no word is broken ("Utilizac-ión",
 * "Ejecuc-iones de entre-namie-nto" when the table fell back to fixed
 * weights at once). */
static void
test_pdf_words_kept (void)
{
  HuReportTable *table = _hu_report_table_new (NULL, 12,
    "Escenario", "", 1.0, "Carga de trabajo", "", 1.0, "Acelerador", "", 1.0,
    "Precisión", "", 1.0, "Pico (TFLOP/s)", "#", 1.0, "Utilización", "#", 1.0,
    "Potencia (W)", "#", 1.0, "Ejecuciones de entrenamiento", "#", 1.0,
    "Región", "", 1.0, "g CO₂eq/kWh", "#", 1.0, "PUE", "#", 1.0,
    "Precio por GPU-hora", "#", 1.0);

  _hu_report_table_add_row (table, g_strdup ("BLOOM, training + API (measured power)"),
                            g_strdup ("GPU-horas"), g_strdup ("NVIDIA A100 SXM4 80GB"),
                            g_strdup ("BF16"), g_strdup ("—"), g_strdup ("—"), g_strdup ("400"),
                            g_strdup ("1"), g_strdup ("France"), g_strdup ("57"),
                            g_strdup ("1,59"), g_strdup ("—"));
  /* one-word headers on one line, the others in at most two */
  g_assert_cmpuint (_hu_report_pdf_cell_lines (table, HU_PAPER_A4, G_MAXUINT, 5), ==, 1);
  g_assert_cmpuint (_hu_report_pdf_cell_lines (table, HU_PAPER_A4, G_MAXUINT, 3), ==, 1);
  g_assert_cmpuint (_hu_report_pdf_cell_lines (table, HU_PAPER_A4, G_MAXUINT, 7), <=, 2);
  g_assert_cmpuint (_hu_report_pdf_cell_lines (table, HU_PAPER_A4, 0, 2), <=, 2);
  _hu_report_table_free (table);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/huella/report-columns/fit-all", test_fit_all);
  g_test_add_func ("/huella/report-columns/widest-wraps", test_fit_widest_wraps);
  g_test_add_func ("/huella/report-columns/minimum", test_fit_minimum);
  g_test_add_func ("/huella/report-columns/too-narrow", test_fit_too_narrow);
  g_test_add_func ("/huella/report-columns/pdf-long-column-fits", test_pdf_long_column_fits);
  g_test_add_func ("/huella/report-columns/pdf-too-long-wraps", test_pdf_too_long_wraps);
  g_test_add_func ("/huella/report-columns/pdf-rows-shortened", test_pdf_rows_shortened);
  g_test_add_func ("/huella/report-columns/pdf-most-wrapped-unwrapped",
                   test_pdf_most_wrapped_unwrapped);
  g_test_add_func ("/huella/report-columns/pdf-header-lines", test_pdf_header_lines);
  g_test_add_func ("/huella/report-columns/pdf-words-kept", test_pdf_words_kept);
  return g_test_run ();
}
