/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sys/wait.h>

#include "hu-core.h"
#include "hu-import.h"
#include "hu-report.h"
#include "../test-init.h"

/* The name every format must carry through intact. */
#define NASTY_NAME "50% A&B_test #1 \"quoted\", ñandú"

/* GPT-3 on a V100S at 130 TFLOPS, u = 1, 250 W, PUE 1 (seed Table 2),
 * by hand: 3.14e23 / 130e12 / 3600 = 670,940.17 GPU-hours;
 * × 250 W = 167,735.04 kWh = 167.735 MWh; × 433 g/kWh = 72,629.27 kg. */
#define SEED_GPU_HOURS 670940.17
#define SEED_KWH       167735.04
#define SEED_KG        72629.27

static const char *nasty_project =
  "{ \"format\": \"huella-project\", \"format-version\": 1,"
  "  \"title\": \"Edge cases & 100% <escapes>\", \"currency\": \"EUR\","
  "  \"scenarios\": ["
  "    { \"id\": \"nasty\", \"name\": \"50% A&B_test #1 \\\"quoted\\\", ñandú\","
  "      \"flops\": 3.14e23, \"gpu\": \"nvidia-v100s-pcie-32gb\", \"precision\": \"fp16\","
  "      \"peak_tflops\": 130, \"count\": 1, \"utilization\": 1, \"power_w\": 250,"
  "      \"intensity\": 433, \"pue\": 1, \"price\": 2.5,"
  "      \"embodied_kg\": 150, \"lifetime_h\": 35040 },"
  "    { \"id\": \"plain\", \"name\": \"Plain\", \"gpu_hours\": 1000,"
  "      \"gpu\": \"nvidia-a100-sxm4-80gb\", \"region\": \"grid/FR\" }"
  "  ], \"runs\": [] }";

typedef struct {
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("huella-report-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

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

/* pdftotext output with line breaks folded, so wrapped cells match. */
static char *
pdf_text (const char *path)
{
  g_autofree char *cmd = g_strdup_printf ("pdftotext -enc UTF-8 '%s' -", path);
  g_autofree char *text = run_tool (cmd);
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = (*p == '\n' || *p == '\f') ? ' ' : *p;

      if (c == ' ' && out->len > 0 && out->str[out->len - 1] == ' ')
        continue;
      g_string_append_c (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *cmd = g_strdup_printf ("pdfinfo '%s'", path);
  g_autofree char *info = run_tool (cmd);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + 6 + strspn (pages + 6, " "), NULL, 10);
}

static char *
export (HuReport       *report,
        HuReportFormat  format,
        const char     *dir,
        const char     *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (hu_report_export (report, format, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* ---- CSV ---------------------------------------------------------- */

/* A small RFC 4180 reader: rows of fields, quotes doubled inside. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        g_ptr_array_add (row, g_strdup (field->str)), g_string_truncate (field, 0);
      else if (*p == '\r' && p[1] == '\n')
        {
          p++;
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
      else
        g_string_append_c (field, *p);
    }

  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static const char *
csv_cell (GPtrArray  *rows,
          guint       row,
          const char *column)
{
  GPtrArray *header = g_ptr_array_index (rows, 0);
  GPtrArray *r = g_ptr_array_index (rows, row);

  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (g_ptr_array_index (header, i), column))
      {
        g_assert_cmpuint (r->len, ==, header->len);
        return g_ptr_array_index (r, i);
      }
  g_error ("no column %s", column);
  return NULL;
}

static double
csv_number (GPtrArray  *rows,
            guint       row,
            const char *column)
{
  const char *cell = csv_cell (rows, row, column);
  char *end;
  double v;

  if (cell[0] == '\0')
    return NAN;
  v = g_ascii_strtod (cell, &end);
  g_assert_cmpstr (end, ==, "");
  return v;
}

/* ---- Per-format checks ------------------------------------------ */

static const char *numbers[] = {
  "gpu_hours_run", "gpu_hours", "wall_hours", "energy_it_kwh", "energy_kwh",
  "emissions_kg", "embodied_kg", "total_kg", "peak_tflops", "count", "power_w", "pue",
  "intensity",
  /* the lifecycle (issue 11); JSON has no key, CSV an empty cell without
   * a deployment phase */
  "inference_requests", "inference_energy_kwh", "inference_emissions_kg", "per_request_wh",
  "per_request_g", "lifecycle_kg", "breakeven_requests", "development_kg", "final_training_kg",
};

/* CSV and JSON carry the same numbers for every scenario. */
static void
check_csv_json_agree (const char *csv_path,
                      const char *json_path)
{
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *scenarios;

  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  rows = parse_csv (csv);
  g_assert_true (json_parser_load_from_file (parser, json_path, &error));
  g_assert_no_error (error);
  scenarios = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                            "scenarios");

  for (guint i = 0; i < json_array_get_length (scenarios); i++)
    {
      JsonObject *s = json_array_get_object_element (scenarios, i);

      g_assert_cmpstr (csv_cell (rows, i + 1, "kind"), ==, "scenario");
      g_assert_cmpstr (csv_cell (rows, i + 1, "id"), ==, json_object_get_string_member (s, "id"));
      g_assert_cmpstr (csv_cell (rows, i + 1, "name"), ==, json_object_get_string_member (s, "name"));
      if (json_object_has_member (s, "error") && !json_object_get_null_member (s, "error"))
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (numbers); k++)
        {
          JsonNode *node = json_object_get_member (s, numbers[k]);
          double from_csv = csv_number (rows, i + 1, numbers[k]);

          if (node == NULL || JSON_NODE_HOLDS_NULL (node))
            {
              g_assert_true (isnan (from_csv));
              continue;
            }
          /* Both are shortest round-trip representations: exactly equal. */
          g_assert_cmpfloat (json_node_get_double (node), ==, from_csv);
        }
    }
}

static guint
count_cells (const char *line)
{
  guint n = 0;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          continue;
        }
      if (*p == '|')
        n++;
    }
  return n > 0 ? n - 1 : 0;
}

/* Every Markdown table row has as many cells as its header; the
 * Comparison table has a Cost column if and only if a scenario has a
 * price (@priced): a column with no value in any row is left out. */
static void
check_markdown (const char *path,
                gboolean    priced)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint columns = 0;
  gboolean saw_comparison = FALSE;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!g_str_has_prefix (lines[i], "|"))
        {
          columns = 0;
          continue;
        }
      if (columns == 0)
        {
          columns = count_cells (lines[i]);
          if (g_str_has_prefix (lines[i], "| Scenario | Accelerator | Accelerator time (") &&
              strstr (lines[i], " | Wall-clock (") != NULL &&
              strstr (lines[i], " | Energy (") != NULL &&
              strstr (lines[i], " | CO₂eq (") != NULL &&
              g_str_has_suffix (lines[i], priced ? " | vs baseline | Cost (M EUR) |"
                                                 : " | vs baseline |"))
            saw_comparison = TRUE;
          continue;
        }
      g_assert_cmpuint (count_cells (lines[i]), ==, columns);
    }
  g_assert_true (saw_comparison);
  /* Precisions read as datasheets and the editor write them ("FP16"),
   * never as the file's key ("fp16"). */
  for (guint i = 0; i < HU_N_PRECISIONS; i++)
    {
      g_autofree char *key = g_strdup_printf ("| %s |", hu_precision_to_string (i));

      g_assert_null (strstr (text, key));
    }
  g_assert_nonnull (strstr (text, "> Training "));
  g_assert_nonnull (strstr (text, "co2_eq_emissions:\n  emissions: "));
}

/* No % & _ # $ without a backslash before it, except the column
 * separators of the tabular, of which each row has exactly one fewer than
 * the column spec has columns. */
static void
check_latex (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint columns = 0;
  gboolean in_table = FALSE;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GString) line = g_string_new (lines[i]);
      const char *spec = strstr (lines[i], "\\begin{tabular}{");

      if (spec != NULL)
        columns = strcspn (spec + 16, "}");
      if (g_str_equal (lines[i], "\\toprule"))
        in_table = TRUE;
      else if (g_str_equal (lines[i], "\\bottomrule"))
        in_table = FALSE;
      else if (in_table && !g_str_equal (lines[i], "\\midrule"))
        g_assert_cmpuint (g_string_replace (line, " & ", " ", 0), ==, columns - 1);

      for (const char *p = line->str; *p != '\0'; p++)
        if (strchr ("%&_#$", *p) != NULL && (p == line->str || p[-1] != '\\'))
          g_error ("unescaped %c in LaTeX line %u: %s", *p, i + 1, lines[i]);
    }
  g_assert_cmpuint (columns, >, 0);
  g_assert_nonnull (strstr (text, "\\toprule"));
  g_assert_nonnull (strstr (text, "\\bottomrule"));
  g_assert_nonnull (strstr (text, "Training "));
}

static void
check_svg (const char *path,
           const char *must_contain)
{
  g_autofree char *cmd = g_strdup_printf ("xmllint --noout '%s'", path);
  g_autofree char *out = run_tool (cmd);
  g_autofree char *xpath = g_strdup_printf ("xmllint --xpath 'string(//*[local-name()=\"desc\"])' '%s'",
                                            path);
  g_autofree char *desc = run_tool (xpath);

  g_assert_nonnull (strstr (desc, must_contain));
}

static void
check_png (const char *path)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
  cairo_surface_destroy (image);
}

/* ---- Tests ------------------------------------------------------- */

static void
test_every_example (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", NULL);
  g_autoptr(GDir) examples = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (examples);
  while ((name = g_dir_read_name (examples)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(HuProject) project = NULL;
      g_autoptr(HuReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *pdf = NULL, *svg = NULL, *png = NULL, *csv = NULL;
      g_autofree char *json = NULL, *md = NULL, *tex = NULL, *text = NULL;
      HuScenario *first;

      if (!g_str_has_suffix (name, ".huella"))
        continue;
      g_test_message ("%s", name);
      project = hu_project_new_from_file (file, &error);
      g_assert_no_error (error);
      report = hu_report_new (project, NULL, &error);
      g_assert_no_error (error);

      pdf = export (report, HU_REPORT_FORMAT_PDF, f->dir, "r.pdf");
      svg = export (report, HU_REPORT_FORMAT_SVG, f->dir, "r.svg");
      png = export (report, HU_REPORT_FORMAT_PNG, f->dir, "r.png");
      csv = export (report, HU_REPORT_FORMAT_CSV, f->dir, "r.csv");
      json = export (report, HU_REPORT_FORMAT_JSON, f->dir, "r.json");
      md = export (report, HU_REPORT_FORMAT_MARKDOWN, f->dir, "r.md");
      tex = export (report, HU_REPORT_FORMAT_LATEX, f->dir, "r.tex");

      text = pdf_text (pdf);
      g_assert_nonnull (strstr (text, hu_project_get_title (project)));
      g_assert_nonnull (strstr (text, "Carbon impact statement"));
      g_assert_nonnull (strstr (text, "Comparison"));
      g_assert_nonnull (strstr (text, "References"));
      g_assert_cmpuint (pdf_pages (pdf), ==, hu_report_get_n_pages (report));
      {
        g_autofree char *last = g_strdup_printf ("Page %u of %u", pdf_pages (pdf), pdf_pages (pdf));

        g_assert_nonnull (strstr (text, last));
      }

      first = g_list_model_get_item (G_LIST_MODEL (hu_project_get_scenarios (project)), 0);
      g_assert_nonnull (strstr (text, hu_scenario_get_name (first)));
      check_svg (svg, hu_scenario_get_name (first));
      g_object_unref (first);
      check_png (png);
      check_csv_json_agree (csv, json);
      /* No example has a price: the PDF leaves its Cost columns out, the
       * CSV keeps the field (a machine format keeps its schema). */
      g_assert_null (strstr (text, "Cost"));
      {
        g_autofree char *contents = NULL;
        g_auto(GStrv) lines = NULL;

        g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
        lines = g_strsplit (contents, "\n", 2);
        g_assert_nonnull (strstr (lines[0], ",total_kg,cost,currency,vs_baseline_pct,"));
      }
      check_markdown (md, FALSE);
      check_latex (tex);
      n++;
    }

  g_assert_cmpuint (n, >=, 4);
}

/* The seed article's GPT-3 on a V100S, checked against hand arithmetic in
 * both machine formats. */
static void
test_seed_numbers (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "gpt3-gpus.huella", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = hu_project_new_from_file (file, &error);
  g_autoptr(HuReport) report = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *csv = NULL, *json = NULL, *contents = NULL;
  JsonObject *v100s;

  g_assert_no_error (error);
  report = hu_report_new (project, NULL, &error);
  g_assert_no_error (error);

  csv = export (report, HU_REPORT_FORMAT_CSV, f->dir, "seed.csv");
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  rows = parse_csv (contents);
  g_assert_cmpstr (csv_cell (rows, 1, "id"), ==, "v100s");
  g_assert_cmpfloat_with_epsilon (csv_number (rows, 1, "gpu_hours"), SEED_GPU_HOURS, 0.01);
  g_assert_cmpfloat_with_epsilon (csv_number (rows, 1, "energy_kwh"), SEED_KWH, 0.01);
  g_assert_cmpfloat_with_epsilon (csv_number (rows, 1, "total_kg"), SEED_KG, 0.01);
  g_assert_cmpstr (csv_cell (rows, 1, "baseline"), ==, "true");
  /* A100: 279,558.40 GPU-hours; 48,419.52 kg is 33.33 % below the V100S. */
  g_assert_cmpfloat_with_epsilon (csv_number (rows, 3, "gpu_hours"), 279558.40, 0.01);
  g_assert_cmpfloat_with_epsilon (csv_number (rows, 3, "vs_baseline_pct"), -100.0 / 3, 1e-6);

  json = export (report, HU_REPORT_FORMAT_JSON, f->dir, "seed.json");
  g_assert_true (json_parser_load_from_file (parser, json, &error));
  g_assert_no_error (error);
  v100s = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "scenarios"), 0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (v100s, "gpu_hours"),
                                  SEED_GPU_HOURS, 0.01);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (v100s, "energy_kwh") / 1000,
                                  167.735, 0.0005);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (v100s, "derivation")), >, 3);
}

/* The name with every special character survives every format. */
static void
test_nasty_name (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = hu_project_new_from_data (nasty_project, -1, "nasty.huella", &error);
  g_autoptr(HuReport) report = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *pdf = NULL, *svg = NULL, *png = NULL, *csv = NULL, *json = NULL;
  g_autofree char *md = NULL, *tex = NULL, *text = NULL, *contents = NULL;
  g_autofree char *statement = NULL;
  JsonObject *root;

  g_assert_no_error (error);
  report = hu_report_new (project, NULL, &error);
  g_assert_no_error (error);

  statement = hu_report_get_statement (report, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (statement, "Training " NASTY_NAME " used an estimated "));
  /* In the units of hu-units (test-report-units checks every figure):
   * 167,735 kWh is 167.7 MWh; 72,629 + 2,872 kg embodied is 75.5 t. */
  g_assert_nonnull (strstr (statement, " 167.7 MWh "));
  g_assert_nonnull (strstr (statement, " 75.5 t CO₂eq"));
  g_assert_nonnull (strstr (statement, "Huella " PACKAGE_VERSION));

  pdf = export (report, HU_REPORT_FORMAT_PDF, f->dir, "n.pdf");
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, NASTY_NAME));
  g_assert_nonnull (strstr (text, "Edge cases & 100% <escapes>"));
  /* One scenario has a price: the Cost columns stay, in millions
   * (670,940.17 GPU-h × 2.5 EUR = 1.68 million EUR). */
  g_assert_nonnull (strstr (text, "Cost (M EUR)"));

  svg = export (report, HU_REPORT_FORMAT_SVG, f->dir, "n.svg");
  check_svg (svg, NASTY_NAME);
  png = export (report, HU_REPORT_FORMAT_PNG, f->dir, "n.png");
  check_png (png);

  csv = export (report, HU_REPORT_FORMAT_CSV, f->dir, "n.csv");
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  rows = parse_csv (contents);
  g_assert_cmpstr (csv_cell (rows, 1, "name"), ==, NASTY_NAME);
  /* Embodied: 150 kg × 670,940.17 h ÷ 35,040 h = 2,872.17 kg. */
  g_assert_cmpfloat_with_epsilon (csv_number (rows, 1, "embodied_kg"), 2872.17, 0.01);
  /* The cost's currency beside it, where there is a price. */
  g_assert_cmpfloat_with_epsilon (csv_number (rows, 1, "cost"), 1677350.43, 0.01);
  g_assert_cmpstr (csv_cell (rows, 1, "currency"), ==, "EUR");
  g_assert_cmpstr (csv_cell (rows, 2, "currency"), ==, "");

  json = export (report, HU_REPORT_FORMAT_JSON, f->dir, "n.json");
  g_assert_true (json_parser_load_from_file (parser, json, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (root, "scenarios"), 0),
                     "name"), ==, NASTY_NAME);
  check_csv_json_agree (csv, json);
  {
    JsonArray *scenarios = json_object_get_array_member (root, "scenarios");
    JsonObject *nasty = json_array_get_object_element (scenarios, 0);
    JsonArray *steps = json_object_get_array_member (nasty, "derivation");
    JsonObject *cost = json_array_get_object_element (steps, json_array_get_length (steps) - 1);

    /* The number stays raw (670,940.17 GPU-h × 2.5 = 1,677,350.43); the
     * step reads in the project's currency, in millions with four digits. */
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (nasty, "cost"), 1677350.43,
                                    0.01);
    g_assert_cmpstr (json_object_get_string_member (cost, "title"), ==, "Cost");
    g_assert_cmpstr (json_object_get_string_member (cost, "calculation"), ==,
                     "670.9 thousand GPU-h × 2.50 EUR/GPU-h");
    g_assert_cmpstr (json_object_get_string_member (cost, "result"), ==, "1.677 M EUR");
  }

  md = export (report, HU_REPORT_FORMAT_MARKDOWN, f->dir, "n.md");
  check_markdown (md, TRUE);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (md, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "| " NASTY_NAME " |"));
  /* The inputs' price as the derivation writes it, 2.50 (never the
   * column's four digits, "2.500 EUR"); the plain scenario has none. */
  g_assert_nonnull (strstr (contents, " | PUE | Price per GPU-hour |\n"));
  g_assert_nonnull (strstr (contents, " | 2.50 EUR |\n"));
  g_assert_nonnull (strstr (contents, "| 670.9 thousand GPU-h × 2.50 EUR/GPU-h | 1.677 M EUR |"));

  tex = export (report, HU_REPORT_FORMAT_LATEX, f->dir, "n.tex");
  check_latex (tex);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (tex, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "50\\% A\\&B\\_test \\#1 \\textquotedbl{}quoted\\textquotedbl{}, ñandú"));
}

/* Human formats follow the locale; machine formats never do. */
static void
test_spanish_numbers (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "gpt3-gpus.huella", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = hu_project_new_from_file (file, &error);
  g_autoptr(HuReport) report = NULL;
  g_autofree char *csv = NULL, *md = NULL, *csv_text = NULL, *md_text = NULL;

  if (setlocale (LC_ALL, "es_ES.UTF-8") == NULL && setlocale (LC_ALL, "es_ES.utf8") == NULL)
    {
      /* tools/dev test generates it: a missing locale is a broken setup,
       * not a reason to pass without checking the Spanish output. */
      g_test_fail_printf ("no es_ES.UTF-8 locale; generate it (tools/dev test does)");
      return;
    }

  report = hu_report_new (project, NULL, &error);
  g_assert_no_error (error);
  csv = export (report, HU_REPORT_FORMAT_CSV, f->dir, "es.csv");
  md = export (report, HU_REPORT_FORMAT_MARKDOWN, f->dir, "es.md");
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_true (g_file_get_contents (csv, &csv_text, NULL, NULL));
  g_assert_nonnull (strstr (csv_text, ",670940.170940171,"));
  g_assert_true (g_file_get_contents (md, &md_text, NULL, NULL));
  /* 167.7 MWh with a decimal comma. */
  g_assert_nonnull (strstr (md_text, "167,7 MWh"));
}

/* A Spanish report translates the words around names, never the names
 * and titles (issue 10, item 17's review): the references join their
 * last two authors with "y", keep "et al." (as the Spanish APA does) and
 * their English titles ("Energy and Policy"); the EPA 2021 set, named
 * "… (c. 2021, as used by the seed article)" in the catalog, reads
 * "h. 2021" (hacia). The equivalences table has no Source column when
 * every factor cites the set's source, which the paragraph above names
 * (epa-current), and keeps it when one does not (epa-2021: its car-year
 * factor cites the 2020 edition). */
static void
test_spanish_citations (Fixture       *f,
                        gconstpointer  data)
{
  const char *sets[] = { "epa-current", "epa-2021" };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "gpt3-gpus.huella", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = hu_project_new_from_file (file, &error);

  g_assert_no_error (error);
  if (setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
    {
      g_test_fail_printf ("no es_ES.UTF-8 locale; generate it (tools/dev test does)");
      return;
    }
  g_setenv ("LANGUAGE", "es", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      g_autoptr(HuReport) report = NULL;
      g_autofree char *md = NULL, *text = NULL;
      HuReportOptions options;

      hu_report_options_init (&options);
      options.equivalence_set = sets[i];
      report = hu_report_new (project, &options, &error);
      g_assert_no_error (error);
      md = export (report, HU_REPORT_FORMAT_MARKDOWN, f->dir, "cite.md");
      g_assert_true (g_file_get_contents (md, &text, NULL, NULL));

      g_assert_nonnull (strstr (text, "Strubell, E., Ganesh, A. y McCallum, A. (2019). Energy and "
                                      "Policy Considerations"));
      g_assert_nonnull (strstr (text, "Brown, T. et al. (2020)."));
      g_assert_null (strstr (text, "A. and "));
      g_assert_nonnull (strstr (text, "| Equivale a | Cálculo | Factor (kg CO₂eq por unidad) | "
                                      "Año |"));
      g_assert_true ((strstr (text, "| Año | Fuente |") != NULL) == (i == 1));
      if (i == 1)
        {
          g_assert_nonnull (strstr (text, "(h. 2021, como la usa el artículo de partida)"));
          g_assert_null (strstr (text, "c. 2021"));
        }
    }
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_preview_and_pages (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "patterson2021.huella", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = hu_project_new_from_file (file, &error);
  g_autoptr(HuReport) report = NULL;
  HuReportOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n;

  g_assert_no_error (error);
  hu_report_options_init (&options);
  options.paper = HU_PAPER_LETTER;
  report = hu_report_new (project, &options, &error);
  g_assert_no_error (error);

  n = hu_report_get_n_pages (report);
  g_assert_cmpuint (n, >=, 2);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 306, 396);
  cr = cairo_create (surface);
  g_assert_true (hu_report_render_page (report, 0, cr, 306, 396));
  g_assert_false (hu_report_render_page (report, n, cr, 306, 396));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  {
    g_autofree char *pdf = export (report, HU_REPORT_FORMAT_PDF, f->dir, "letter.pdf");
    g_autofree char *cmd = g_strdup_printf ("pdfinfo '%s'", pdf);
    g_autofree char *info = run_tool (cmd);

    g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));
    g_assert_cmpuint (pdf_pages (pdf), ==, n);
  }
}

static void
test_cancel_and_errors (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = hu_project_new_from_data (nasty_project, -1, "nasty.huella", &error);
  g_autoptr(HuReport) report = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (f->dir, "cancelled.pdf", NULL);
  HuReportOptions options;

  g_assert_no_error (error);
  report = hu_report_new (project, NULL, &error);
  g_assert_no_error (error);

  g_cancellable_cancel (cancellable);
  g_assert_false (hu_report_export (report, HU_REPORT_FORMAT_PDF, path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  hu_report_options_init (&options);
  options.subject_id = "no-such-scenario";
  g_assert_null (hu_report_new (project, &options, &error));
  g_assert_error (error, HU_REPORT_ERROR, HU_REPORT_ERROR_UNKNOWN_ITEM);
  g_clear_error (&error);

  hu_report_options_init (&options);
  options.baseline_id = "no-such-scenario";
  g_assert_null (hu_report_new (project, &options, &error));
  g_assert_error (error, HU_REPORT_ERROR, HU_REPORT_ERROR_UNKNOWN_BASELINE);
}

typedef struct {
  const char *args;
  int         status;
  const char *in_stderr;   /* NULL: not checked */
} CliCase;

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  const char *cli = g_getenv ("HUELLA_CLI");
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                    "gpt3-gpus.huella", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "copy.huella", NULL);
  g_autofree char *original = NULL;
  const CliCase cases[] = {
    { "--help", 0 },
    { "@ -o @/out.pdf", 0 },
    { "@ -o @/out.md --scenario a100 --lang es", 0 },
    { "@ -o @/slide.png --scale 2 --width 640 --height 360", 0 },
    { "@ -o @/out.data --format csv", 0 },
    { "@", 2 },
    { "@ -o @/out.xyz", 2 },
    { "@ -o @/out.pdf --paper a3", 2 },
    { "@ -o @/out.png --scale 0", 2 },
    { "@ -o @/out.pdf --scenario nope", 1, "--scenario: " },
    /* The flag named is the one at fault, even when the ids overlap. */
    { "@ -o @/out.pdf --baseline a100 --scenario a100x", 1, "--scenario: " },
    { "@ -o @/out.pdf --baseline a100x --scenario a100", 1, "--baseline: " },
    { "@/missing.huella -o @/out.pdf", 1 },
    { "# -o #", 2 },
  };

  if (cli == NULL)
    {
      /* meson test sets it (tests/meson.build). */
      g_test_fail_printf ("HUELLA_CLI not set; run the tests with meson test");
      return;
    }

  g_assert_true (g_file_get_contents (example, &original, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, original, -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) args = g_string_new (cases[i].args);
      g_autofree char *cmd = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      /* "@" is the example (or the temp dir before a slash), "#" the copy. */
      g_string_replace (args, "@/", "\x01/", 0);
      g_string_replace (args, "@", example, 0);
      g_string_replace (args, "\x01", f->dir, 0);
      g_string_replace (args, "#", copy, 0);

      cmd = g_strdup_printf ("%s report %s", cli, args->str);
      g_assert_true (g_spawn_command_line_sync (cmd, NULL, &err, &status, &error));
      g_assert_no_error (error);
      g_test_message ("%s → %d", cmd, WEXITSTATUS (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, cases[i].status);
      if (cases[i].in_stderr != NULL)
        g_assert_nonnull (strstr (err, cases[i].in_stderr));
    }

  /* Refusing to write over the input left it untouched. */
  {
    g_autofree char *after = NULL;

    g_assert_true (g_file_get_contents (copy, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, original);
  }
  {
    g_autofree char *out = g_build_filename (f->dir, "out.data", NULL);
    g_autofree char *csv = NULL;

    g_assert_true (g_file_get_contents (out, &csv, NULL, NULL));
    g_assert_true (g_str_has_prefix (csv, "kind,id,name,"));
  }
}

/* ---- Measured runs ------------------------------------------------ */

/* Two scenarios to link with measured runs. "planned" is linked from the
 * scenario's side to CodeCarbon run 5d6c08a2, "smi-plan" from the run's
 * side to an nvidia-smi log. By hand:
 *   planned: 0.0125 GPU-hours × 50 W = 0.000625 kWh; × 70 g/kWh
 *     = 0.04375 g = 4.375e-05 kg; 0.0125 h on one GPU = 45 s.
 *   smi-plan: 1 GPU-hour × 300 W = 0.3 kWh; 1 h. */
static const char *measured_project_json =
  "{ \"format\": \"huella-project\", \"format-version\": 1,"
  "  \"title\": \"Measured & estimated\", \"currency\": \"EUR\","
  "  \"scenarios\": ["
  "    { \"id\": \"planned\", \"name\": \"Planned sweep\", \"gpu_hours\": 0.0125,"
  "      \"gpu\": \"nvidia-a100-sxm4-80gb\", \"count\": 1, \"power_w\": 50,"
  "      \"intensity\": 70, \"pue\": 1 },"
  "    { \"id\": \"smi-plan\", \"name\": \"A100 hour\", \"gpu_hours\": 1,"
  "      \"gpu\": \"nvidia-a100-sxm4-80gb\", \"count\": 1, \"power_w\": 300,"
  "      \"intensity\": 100, \"pue\": 1 }"
  "  ], \"runs\": [] }";

#define CC_FIXTURE "cc2.3.1_macos-m2_repeated-run_id-cumulative_Idrissben.csv"

/* From tests/import/test-import-formats.c: run 5d6c08a2 is the longest
 * row (line 13) of its seven cumulative rows. */
#define CC_KWH 0.0005939216277665562
#define CC_KG  4.002437849518822e-05
#define CC_S   44.09016823768616
#define PLANNED_KWH 0.000625
#define PLANNED_KG  4.375e-05
#define PLANNED_H   0.0125

/* nvidia-smi: one GPU at a constant 250 W sampled every minute for an
 * hour (61 rows): trapezoids give 250 W × 3600 s = 900 kJ = 0.25 kWh. */
static char *
write_nvidia_smi (const char *dir)
{
  g_autoptr(GString) csv = g_string_new ("timestamp, index, name, power.draw [W]\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "a100-power.csv", NULL);

  for (guint i = 0; i <= 60; i++)
    g_string_append_printf (csv, "2024/03/01 %02u:%02u:00.000, 0, NVIDIA A100-SXM4-80GB, 250.00 W\n",
                            10 + i / 60, i % 60);
  g_assert_true (g_file_set_contents (path, csv->str, -1, &error));
  g_assert_no_error (error);
  return path;
}

static HuProject *
measured_project (const char  *dir,
                  char       **cc_id,
                  char       **smi_id)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", CC_FIXTURE, NULL);
  g_autofree char *smi = write_nvidia_smi (dir);
  const char *paths[] = { smi, fixture, NULL };
  g_autoptr(HuImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HuProject *project = hu_project_new_from_data (measured_project_json, -1, "m.huella", &error);

  g_assert_no_error (error);
  g_assert_true (hu_import_paths (paths, NULL, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->runs->len, ==, 6);

  for (guint i = 0; i < result->runs->len; i++)
    {
      HuMeasuredRun *run = g_ptr_array_index (result->runs, i);
      HuRunData *d = hu_measured_run_get_data (run);

      g_free (d->id);
      d->id = hu_project_unique_id (project, d->source);
      if (g_strcmp0 (d->source, "nvidia-smi") == 0)
        {
          /* Linked from the run's side. */
          d->scenario_id = g_strdup ("smi-plan");
          *smi_id = g_strdup (d->id);
        }
      else if (d->run_id != NULL && g_str_has_prefix (d->run_id, "5d6c08a2"))
        {
          /* Linked from the scenario's side. */
          hu_scenario_set_run_id (hu_project_find_scenario (project, "planned"), d->id);
          *cc_id = g_strdup (d->id);
        }
      g_list_store_append (hu_project_get_runs (project), run);
    }
  g_assert_nonnull (*cc_id);
  g_assert_nonnull (*smi_id);

  return project;
}

static GPtrArray *
csv_row_of (GPtrArray  *rows,
            const char *id)
{
  for (guint i = 1; i < rows->len; i++)
    if (g_str_equal (csv_cell (rows, i, "id"), id))
      return g_ptr_array_index (rows, i);
  g_error ("no CSV row %s", id);
  return NULL;
}

static guint
csv_index_of (GPtrArray  *rows,
              const char *id)
{
  GPtrArray *row = csv_row_of (rows, id);

  for (guint i = 1; i < rows->len; i++)
    if (g_ptr_array_index (rows, i) == row)
      return i;
  return 0;
}

static JsonObject *
json_run (JsonObject *root,
          const char *id)
{
  JsonArray *runs = json_object_get_array_member (root, "runs");

  for (guint i = 0; i < json_array_get_length (runs); i++)
    {
      JsonObject *r = json_array_get_object_element (runs, i);

      if (g_str_equal (json_object_get_string_member (r, "id"), id))
        return r;
    }
  g_error ("no JSON run %s", id);
  return NULL;
}

/* Differences are how far the estimate is from the measurement. */
#define CC_KWH_PCT ((PLANNED_KWH - CC_KWH) / CC_KWH * 100)   /* +5.23 % */
#define CC_KG_PCT  ((PLANNED_KG - CC_KG) / CC_KG * 100)      /* +9.31 % */
#define CC_H_PCT   ((PLANNED_H * 3600 - CC_S) / CC_S * 100)  /* +2.06 % */

static void
test_measured_runs (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *cc_id = NULL, *smi_id = NULL;
  g_autoptr(HuProject) project = measured_project (f->dir, &cc_id, &smi_id);
  g_autoptr(HuReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *pdf = NULL, *csv = NULL, *json = NULL, *md = NULL, *tex = NULL;
  g_autofree char *text = NULL, *contents = NULL;
  JsonObject *root, *run, *c;
  guint row;

  report = hu_report_new (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hu_report_get_n_runs (report), ==, 6);

  /* Sanity of the hand arithmetic the rest relies on. */
  g_assert_cmpfloat_with_epsilon (CC_KWH_PCT, 5.2327, 1e-4);
  g_assert_cmpfloat_with_epsilon (CC_KG_PCT, 9.3084, 1e-4);
  g_assert_cmpfloat_with_epsilon (CC_H_PCT, 2.0636, 1e-4);

  /* CSV: the runs' provenance and the linked pair's numbers. */
  csv = export (report, HU_REPORT_FORMAT_CSV, f->dir, "m.csv");
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  rows = parse_csv (contents);
  g_assert_cmpuint (rows->len, ==, 1 + 2 + 6);
  row = csv_index_of (rows, cc_id);
  g_assert_cmpstr (csv_cell (rows, row, "kind"), ==, "run");
  g_assert_cmpstr (csv_cell (rows, row, "tracker"), ==, "codecarbon");
  g_assert_cmpstr (csv_cell (rows, row, "tracker_version"), ==, "2.3.1");
  g_assert_true (g_str_has_suffix (csv_cell (rows, row, "file"), CC_FIXTURE));
  g_assert_cmpstr (csv_cell (rows, row, "linked_scenario"), ==, "planned");
  g_assert_cmpfloat_with_epsilon (csv_number (rows, row, "energy_kwh"), CC_KWH, 1e-15);
  g_assert_cmpfloat_with_epsilon (csv_number (rows, row, "emissions_kg"), CC_KG, 1e-15);
  g_assert_cmpfloat_with_epsilon (csv_number (rows, row, "duration_s"), CC_S, 1e-9);
  g_assert_cmpfloat_with_epsilon (csv_number (rows, row, "estimated_energy_kwh"), PLANNED_KWH, 1e-12);
  g_assert_cmpfloat_with_epsilon (csv_number (rows, row, "estimated_emissions_kg"), PLANNED_KG, 1e-12);
  g_assert_cmpfloat_with_epsilon (csv_number (rows, row, "estimated_wall_hours"), PLANNED_H, 1e-12);
  g_assert_cmpfloat_with_epsilon (csv_number (rows, row, "energy_difference_pct"), CC_KWH_PCT, 1e-6);
  g_assert_cmpfloat_with_epsilon (csv_number (rows, row, "emissions_difference_pct"), CC_KG_PCT, 1e-6);
  g_assert_cmpfloat_with_epsilon (csv_number (rows, row, "wall_hours_difference_pct"), CC_H_PCT, 1e-6);

  row = csv_index_of (rows, smi_id);
  g_assert_cmpstr (csv_cell (rows, row, "tracker"), ==, "nvidia-smi");
  g_assert_true (g_str_has_suffix (csv_cell (rows, row, "file"), "/a100-power.csv"));
  g_assert_cmpstr (csv_cell (rows, row, "linked_scenario"), ==, "smi-plan");
  g_assert_cmpfloat_with_epsilon (csv_number (rows, row, "energy_kwh"), 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (csv_number (rows, row, "duration_s"), 3600, 1e-9);
  g_assert_cmpfloat_with_epsilon (csv_number (rows, row, "estimated_energy_kwh"), 0.3, 1e-12);
  g_assert_cmpfloat_with_epsilon (csv_number (rows, row, "energy_difference_pct"), 20, 1e-6);
  g_assert_cmpfloat_with_epsilon (csv_number (rows, row, "wall_hours_difference_pct"), 0, 1e-6);
  /* nvidia-smi measures no CO₂eq: no difference to give. */
  g_assert_cmpstr (csv_cell (rows, row, "emissions_difference_pct"), ==, "");

  /* JSON: the same numbers, and null for unlinked runs. */
  json = export (report, HU_REPORT_FORMAT_JSON, f->dir, "m.json");
  g_assert_true (json_parser_load_from_file (parser, json, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  run = json_run (root, cc_id);
  g_assert_cmpstr (json_object_get_string_member (run, "tracker"), ==, "codecarbon");
  g_assert_cmpstr (json_object_get_string_member (run, "tracker_version"), ==, "2.3.1");
  g_assert_cmpstr (json_object_get_string_member (run, "scenario_id"), ==, "planned");
  c = json_object_get_object_member (run, "comparison");
  g_assert_nonnull (c);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (c, "measured_energy_kwh"), CC_KWH, 1e-15);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (c, "estimated_emissions_kg"), PLANNED_KG, 1e-12);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (c, "measured_wall_hours"), CC_S / 3600, 1e-12);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (c, "energy_difference_pct"), CC_KWH_PCT, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (c, "emissions_difference_pct"), CC_KG_PCT, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (c, "wall_hours_difference_pct"), CC_H_PCT, 1e-6);
  run = json_run (root, smi_id);
  c = json_object_get_object_member (run, "comparison");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (c, "energy_difference_pct"), 20, 1e-6);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (c, "emissions_difference_pct")));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (json_run (root, "codecarbon"),
                                                               "comparison")));
  check_csv_json_agree (csv, json);

  /* Markdown: the run table and the comparison rows, C locale. */
  md = export (report, HU_REPORT_FORMAT_MARKDOWN, f->dir, "m.md");
  check_markdown (md, FALSE);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (md, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "## Measured runs"));
  g_assert_nonnull (strstr (contents, "| " CC_FIXTURE " | codecarbon 2.3.1 | 2023-11-09 12:38:46 |"));
  g_assert_nonnull (strstr (contents, "| a100-power.csv | nvidia-smi |"));
  g_assert_nonnull (strstr (contents, "| Run | Scenario | Quantity | Measured | Estimated | "
                                      "Estimate vs measurement |"));
  g_assert_nonnull (strstr (contents, "| Planned sweep | Energy | 0.5939 Wh | 0.6250 Wh | +5.2 % |"));
  g_assert_nonnull (strstr (contents, "| Planned sweep | Operational CO₂eq | 0.04002 g | 0.04375 g | +9.3 % |"));
  g_assert_nonnull (strstr (contents, "| Planned sweep | Wall-clock time |"));
  g_assert_nonnull (strstr (contents, "| +2.1 % |"));
  g_assert_nonnull (strstr (contents, "| A100 hour | Energy | 250.0 Wh | 300.0 Wh | +20.0 % |"));

  /* LaTeX: the same tables, escaped. */
  tex = export (report, HU_REPORT_FORMAT_LATEX, f->dir, "m.tex");
  check_latex (tex);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (tex, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "codecarbon 2.3.1"));
  g_assert_nonnull (strstr (contents, "Measured vs estimated"));
  g_assert_nonnull (strstr (contents, "+5.2 \\%"));

  /* PDF: tables, differences and the power chart of the nvidia-smi run
   * (its legend names the GPU series). */
  pdf = export (report, HU_REPORT_FORMAT_PDF, f->dir, "m.pdf");
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Measured runs"));
  g_assert_nonnull (strstr (text, "Measured vs estimated"));
  /* Narrow cells wrap, and pdftotext reads wrapped cells in any order. */
  g_assert_nonnull (strstr (text, "codecarbon"));
  g_assert_nonnull (strstr (text, "2.3.1"));
  g_assert_nonnull (strstr (text, "a100-power.csv"));
  g_assert_nonnull (strstr (text, "+5.2 %"));
  g_assert_nonnull (strstr (text, "+9.3 %"));
  g_assert_nonnull (strstr (text, "+2.1 %"));
  g_assert_nonnull (strstr (text, "+20.0 %"));
  g_assert_nonnull (strstr (text, "GPU 0"));
  g_assert_nonnull (strstr (text, "Power (W)"));
  g_assert_cmpuint (pdf_pages (pdf), ==, hu_report_get_n_pages (report));
}

/* The model-card block follows https://huggingface.co/docs/hub/model-cards-co2:
 * co2_eq_emissions with emissions in grams, source, training_type,
 * geographical_location and hardware_used; unknown fields left out. */
static double
card_grams (const char *card)
{
  const char *p = strstr (card, "co2_eq_emissions:\n  emissions: ");
  char *end;
  double grams;

  g_assert_nonnull (p);
  grams = g_ascii_strtod (p + strlen ("co2_eq_emissions:\n  emissions: "), &end);
  g_assert_true (*end == '\n');
  return grams;
}

static void
test_model_card (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "gpt3-gpus.huella", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = hu_project_new_from_file (file, &error);
  g_autoptr(HuReport) report = NULL;
  g_autoptr(HuReport) run_report = NULL;
  g_autoptr(HuProject) measured = NULL;
  g_autofree char *md = NULL, *contents = NULL, *cc_id = NULL, *smi_id = NULL;
  HuReportOptions options;

  g_assert_no_error (error);
  report = hu_report_new (project, NULL, &error);
  g_assert_no_error (error);
  md = export (report, HU_REPORT_FORMAT_MARKDOWN, f->dir, "card.md");
  g_assert_true (g_file_get_contents (md, &contents, NULL, NULL));

  /* The seed V100S: 72,629.27 kg = 72,629,273.5 g (not kilograms). */
  g_assert_cmpfloat_with_epsilon (card_grams (contents), SEED_KG * 1000, 10);
  g_assert_nonnull (strstr (contents, "```yaml\n---\nco2_eq_emissions:\n"));
  g_assert_nonnull (strstr (contents, "\n  source: \"Huella " PACKAGE_VERSION " estimate\"\n"));
  g_assert_nonnull (strstr (contents, "\n  training_type: \"pre-training\"\n"));
  g_assert_nonnull (strstr (contents, "\n  hardware_used: \"1 x NVIDIA Tesla V100S PCIe 32GB\"\n"));
  /* The scenario gives an intensity, not a place: no empty location. */
  g_assert_null (strstr (contents, "geographical_location: \"\""));
  g_assert_nonnull (strstr (contents, "\n---\n```\n"));

  /* A measured run: CodeCarbon's 4.0024e-05 kg is 0.04002 g, kept to four
   * significant digits rather than rounded to 0.04. */
  measured = measured_project (f->dir, &cc_id, &smi_id);
  hu_report_options_init (&options);
  options.subject_id = cc_id;
  run_report = hu_report_new (measured, &options, &error);
  g_assert_no_error (error);
  g_clear_pointer (&md, g_free);
  g_clear_pointer (&contents, g_free);
  md = export (run_report, HU_REPORT_FORMAT_MARKDOWN, f->dir, "card-run.md");
  g_assert_true (g_file_get_contents (md, &contents, NULL, NULL));
  g_assert_cmpfloat_with_epsilon (card_grams (contents), CC_KG * 1000, 5e-6);
  g_assert_nonnull (strstr (contents, "\n  source: \"codecarbon 2.3.1\"\n"));
  g_assert_nonnull (strstr (contents, "\n  geographical_location: \"FRA\"\n"));
}

/* The BLOOM lifecycle example's phases (issue 11), by hand: final
 * training 689,821 kWh × 57 g = 39.32 t; serving 914 kWh × 394 g =
 * 360.1 kg; embodied 462.5 kg × (1,082,990 + 6,912) h ÷ 44,676 h =
 * 11.28 t; lifecycle 50.96 t; 914,000 Wh ÷ 230,768 = 3.96 Wh.
 * A column shares one unit (hu-units): the serving column's largest
 * value is the at-TDP scenario's 1,089 kg, so t with four significant
 * digits of 1.089 (three decimals): 360.1 kg reads 0.360 t. */
static void
test_lifecycle_phases (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "bloom-lifecycle.huella", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = hu_project_new_from_file (file, &error);
  g_autoptr(HuReport) report = NULL;
  g_autofree char *md = NULL, *tex = NULL, *contents = NULL, *latex = NULL;

  g_assert_no_error (error);
  report = hu_report_new (project, NULL, &error);
  g_assert_no_error (error);
  md = export (report, HU_REPORT_FORMAT_MARKDOWN, f->dir, "l.md");
  g_assert_true (g_file_get_contents (md, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "| BLOOM, training + API (measured power) | 0 kg | 39.32 t | "
                                      "0.360 t | 11.28 t | 50.96 t | 3.96 Wh |"));
  tex = export (report, HU_REPORT_FORMAT_LATEX, f->dir, "l.tex");
  g_assert_true (g_file_get_contents (tex, &latex, NULL, NULL));
  g_assert_nonnull (strstr (latex, "50.96 t"));

  /* The CSV's lifecycle columns, as `estimate --format csv` has them:
   * 230,768 requests, 914 kWh, 914 × 0.394 = 360.116 kg, 914,000 Wh ÷
   * 230,768 = 3.9607 Wh, break-even 689,821 kWh ÷ (914 ÷ 230,768) kWh =
   * 174.17 million requests, one training run so no development. */
  {
    g_autofree char *csv_path = export (report, HU_REPORT_FORMAT_CSV, f->dir, "l.csv");
    g_autofree char *csv = NULL;
    g_autoptr(GPtrArray) rows = NULL;

    g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
    rows = parse_csv (csv);
    g_assert_cmpstr (csv_cell (rows, 1, "id"), ==, "bloom-measured");
    g_assert_cmpfloat (csv_number (rows, 1, "inference_requests"), ==, 230768);
    g_assert_cmpfloat_with_epsilon (csv_number (rows, 1, "inference_energy_kwh"), 914, 914 * 1e-3);
    g_assert_cmpfloat_with_epsilon (csv_number (rows, 1, "inference_emissions_kg"), 360.116, 360.116 * 1e-3);
    g_assert_cmpfloat_with_epsilon (csv_number (rows, 1, "per_request_wh"), 3.9607, 3.9607 * 1e-4);
    g_assert_cmpfloat_with_epsilon (csv_number (rows, 1, "lifecycle_kg"), 50963, 50963 * 1e-3);
    g_assert_cmpfloat_with_epsilon (csv_number (rows, 1, "breakeven_requests"), 174.17e6, 174.17e6 * 1e-3);
    g_assert_cmpfloat (csv_number (rows, 1, "development_kg"), ==, 0);
    g_assert_cmpfloat_with_epsilon (csv_number (rows, 1, "final_training_kg"), 39319.8, 39319.8 * 1e-4);
  }

  /* The statement, each figure alone in its unit at four significant
   * digits, trailing zeros dropped (hu-units): 914 kWh; 914,000 Wh ÷
   * 230,768 = 3.9607 → 3.961 Wh; 360.116 + 71.6 = 431.716 → 431.7 kg;
   * 50,963 kg → 50.96 t. */
  {
    g_autofree char *statement = hu_report_get_statement (report, "bloom-measured", &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (statement, "Serving 230,768 requests used an estimated 914 kWh "
                                         "(3.961 Wh per request) and 431.7 kg CO₂eq, for a lifecycle "
                                         "total of 50.96 t CO₂eq."));
    /* The equivalence that follows is the training's, as the report's
     * Equivalences section computes it (50.53 t ÷ 4.29 t a vehicle-year
     * = 11.78), and says so: after the lifecycle total it read as the
     * total's (50.96 t would be 11.88, "11.9"). */
    g_assert_nonnull (strstr (statement, " CO₂eq. The training’s CO₂eq alone is comparable to "
                                         "11.8 years of driving a petrol car. "));
  }
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  core_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/huella/report/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("every-example-every-format", test_every_example);
  ADD ("seed-numbers", test_seed_numbers);
  ADD ("special-characters", test_nasty_name);
  ADD ("spanish-numbers", test_spanish_numbers);
  ADD ("spanish-citations", test_spanish_citations);
  ADD ("preview-and-pages", test_preview_and_pages);
  ADD ("cancel-and-errors", test_cancel_and_errors);
  ADD ("cli", test_cli);
  ADD ("measured-runs", test_measured_runs);
  ADD ("model-card", test_model_card);
  ADD ("lifecycle-phases", test_lifecycle_phases);
#undef ADD

  return g_test_run ();
}
