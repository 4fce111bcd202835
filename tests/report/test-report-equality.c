/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

/*
 * Issue 8: every format gives the same numbers for every row. For each
 * example project, and for one holding runs imported from tracker logs
 * (some with empty or unknown fields), huella-cli writes the report as
 * JSON, CSV and Markdown and prints `compare --format json`; each is parsed
 * and each row's numbers compared: exactly between the machine formats
 * (all print the shortest round-trip form), within the shown rounding
 * (half a unit of the last digit, in the unit shown) for Markdown.
 */

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("huella-equality-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* Runs huella-cli in the C locale; returns its stdout. */
static char *
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("HUELLA_CLI"));
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_nonnull (g_getenv ("HUELLA_CLI"));
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("huella-cli %s failed: %s", first, err);
  return out;
}

static JsonObject *
load_json (JsonParser *parser,
           const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static double
json_number (JsonObject *o,
             const char *key)
{
  JsonNode *node = json_object_get_member (o, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NAN;
  return json_node_get_double (node);
}

/* ---- CSV ---------------------------------------------------------- */

/* RFC 4180 rows of fields. */
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
        g_ptr_array_add (row, g_string_free (g_steal_pointer (&field), FALSE)),
          field = g_string_new (NULL);
      else if (*p == '\r')
        continue;
      else if (*p == '\n')
        {
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (rows, g_steal_pointer (&row));
          row = g_ptr_array_new_with_free_func (g_free);
        }
      else
        g_string_append_c (field, *p);
    }
  g_string_free (field, TRUE);
  g_ptr_array_unref (row);
  return rows;
}

static double
csv_number (GPtrArray  *rows,
            guint       r,
            const char *column)
{
  GPtrArray *header = g_ptr_array_index (rows, 0);
  GPtrArray *row = g_ptr_array_index (rows, r);

  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (g_ptr_array_index (header, i), column))
      {
        const char *cell = g_ptr_array_index (row, i);
        char *end;
        double v;

        if (cell[0] == '\0')
          return NAN;
        v = g_ascii_strtod (cell, &end);
        g_assert_cmpint (*end, ==, '\0');
        return v;
      }
  g_error ("no CSV column %s", column);
  return NAN;
}

/* ---- Markdown ----------------------------------------------------- */

/* The cells of a Markdown table row, "\|" kept as part of a cell. */
static GPtrArray *
md_cells (const char *line)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  GString *cell = NULL;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          if (cell != NULL)
            g_string_append_c (cell, p[1]);
          p++;
          continue;
        }
      if (*p == '|')
        {
          if (cell != NULL)
            g_ptr_array_add (cells, g_strstrip (g_string_free (cell, FALSE)));
          cell = g_string_new (NULL);
          continue;
        }
      if (cell != NULL)
        g_string_append_c (cell, *p);
    }
  if (cell != NULL)
    g_string_free (cell, TRUE);
  return cells;
}

/* The rows (header first) of the table whose header starts with @start. */
static GPtrArray *
md_table (const char *text,
          const char *start)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!g_str_has_prefix (lines[i], start))
        continue;
      g_ptr_array_add (rows, md_cells (lines[i]));
      for (guint j = i + 2; lines[j] != NULL && lines[j][0] == '|'; j++)
        g_ptr_array_add (rows, md_cells (lines[j]));
      break;
    }
  return rows;
}

/* The cell of @row in the column titled @name, or "@name (unit)" whose
 * cells are bare numbers in that unit: returned as "number unit". */
static char *
md_cell_with_unit (GPtrArray  *table,
                   GPtrArray  *row,
                   const char *name)
{
  GPtrArray *header = g_ptr_array_index (table, 0);
  g_autofree char *prefix = g_strdup_printf ("%s (", name);

  for (guint i = 0; i < header->len; i++)
    {
      const char *title = g_ptr_array_index (header, i);
      const char *cell = g_ptr_array_index (row, i);

      if (g_str_equal (title, name))
        return g_strdup (cell);
      if (g_str_has_prefix (title, prefix) && g_str_has_suffix (title, ")"))
        {
          g_autofree char *unit = g_strndup (title + strlen (prefix),
                                             strlen (title) - strlen (prefix) - 1);

          const char *range = strstr (cell, " (");

          if (g_str_equal (cell, "—"))
            return g_strdup (cell);
          /* A likely range follows the figure: "9.2 (5.1–14.8)" reads
           * "9.2 t (5.1–14.8)", the unit after the figure. */
          if (range != NULL)
            return g_strdup_printf ("%.*s %s%s", (int) (range - cell), cell, unit, range);
          return g_strdup_printf ("%s %s", cell, unit);
        }
    }
  g_error ("no Markdown column %s", name);
  return NULL;
}

static guint
md_column (GPtrArray  *table,
           const char *name)
{
  GPtrArray *header = g_ptr_array_index (table, 0);

  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (g_ptr_array_index (header, i), name))
      return i;
  g_error ("no Markdown column %s", name);
  return 0;
}

typedef struct {
  const char *symbol;
  double      factor;   /* base units per shown unit */
} Unit;

static const Unit units[] = {
  { "Wh", 1e-3 }, { "kWh", 1 }, { "MWh", 1e3 }, { "GWh", 1e6 },
  { "g", 1e-3 }, { "kg", 1 }, { "t", 1e3 }, { "kt", 1e6 },
  { "min", 1.0 / 60 }, { "h", 1 }, { "days", 24 }, { "years", 8766 },
  { "GPU-h", 1 }, { "thousand GPU-h", 1e3 }, { "million GPU-h", 1e6 },
  { "", 1 },
};

/* Checks that @cell ("689.8 MWh", "0.360 t (0.29–0.41 t)", "< 0.001 t",
 * "—", "1082990") shows @expected: within half a unit of its last digit,
 * in its unit; @base is the unit a bare number is in. */
static void
assert_shown (const char *cell,
              double      expected,
              const char *what)
{
  g_autofree char *copy = g_strdup (cell);
  char *number = copy;
  char *end;
  double shown, factor = 1, half;
  const char *dot;
  int decimals = 0;
  gboolean below = FALSE;

  if (g_str_equal (cell, "—"))
    {
      if (isfinite (expected))
        g_error ("%s: shown as — but is %g", what, expected);
      return;
    }
  if (!isfinite (expected))
    g_error ("%s: shown as %s but unknown", what, cell);

  if (g_str_has_prefix (number, "< "))
    below = TRUE, number += 2;
  /* The C locale's English groups thousands with a comma ("1,038
   * thousand GPU-h"): the digits read without it. */
  {
    char *to = number;

    for (const char *from = number; *from != '\0'; from++)
      if (!(*from == ',' && g_ascii_isdigit (from[1]) && from > number &&
            g_ascii_isdigit (from[-1])))
        *to++ = *from;
    *to = '\0';
  }
  shown = g_ascii_strtod (number, &end);
  g_assert_true (end != number);
  dot = memchr (number, '.', end - number);
  if (dot != NULL)
    decimals = (int) (end - dot - 1);
  while (*end == ' ')
    end++;
  {
    /* The unit runs to the range in brackets, if any: "thousand GPU-h". */
    const char *range = strstr (end, " (");
    g_autofree char *symbol = range != NULL ? g_strndup (end, range - end) : g_strdup (end);
    gboolean found = FALSE;

    for (guint i = 0; i < G_N_ELEMENTS (units); i++)
      if (g_str_equal (symbol, units[i].symbol))
        {
          factor = units[i].factor;
          found = TRUE;
          break;
        }
    if (!found)
      g_error ("%s: unknown unit in %s", what, cell);
  }

  half = 0.5 * pow (10, -decimals) * factor;
  if (below)
    {
      if (!(fabs (expected) < shown * factor))
        g_error ("%s: %s but the value is %.10g", what, cell, expected);
      return;
    }
  /* The figure is rounded from the value: within half a last digit, plus
   * a hair for the binary form of both. */
  if (!(fabs (shown * factor - expected) <= half * (1 + 1e-9) + fabs (expected) * 1e-12))
    g_error ("%s: %s is not %.10g (within %.3g)", what, cell, expected, half);
}

/* ---- The check ---------------------------------------------------- */

static const char *machine_keys[] = {
  "gpu_hours", "wall_hours", "energy_it_kwh", "energy_kwh", "emissions_kg", "embodied_kg",
  "total_kg", "cost", "lifecycle_kg", "inference_energy_kwh", "inference_emissions_kg",
};

/* The all-outputs table: each column in the unit its header names. */
static const struct {
  const char *title;
  const char *key;
} output_columns[] = {
  { "Accelerator time per run", "gpu_hours_run" }, { "Wall-clock per run", "wall_hours" },
  { "Accelerator time", "gpu_hours" }, { "IT energy", "energy_it_kwh" },
  { "Energy", "energy_kwh" }, { "Operational CO₂eq", "emissions_kg" },
  { "Embodied CO₂eq", "embodied_kg" }, { "Total CO₂eq", "total_kg" },
};

static const char *run_keys[] = { "energy_kwh", "emissions_kg", "wall_hours" };

static void
check_project (Fixture    *f,
               const char *project)
{
  g_autofree char *json_path = g_build_filename (f->dir, "r.json", NULL);
  g_autofree char *csv_path = g_build_filename (f->dir, "r.csv", NULL);
  g_autofree char *md_path = g_build_filename (f->dir, "r.md", NULL);
  g_autofree char *o1 = run_cli ("report", project, "-o", json_path, NULL);
  g_autofree char *o2 = run_cli ("report", project, "-o", csv_path, NULL);
  g_autofree char *o3 = run_cli ("report", project, "-o", md_path, NULL);
  g_autofree char *compare = run_cli ("compare", project, "--format", "json", NULL);
  g_autofree char *json_text = NULL, *csv_text = NULL, *md = NULL;
  g_autoptr(JsonParser) report_parser = json_parser_new ();
  g_autoptr(JsonParser) compare_parser = json_parser_new ();
  g_autoptr(GPtrArray) csv = NULL;
  g_autoptr(GPtrArray) comparison = NULL;
  g_autoptr(GPtrArray) outputs = NULL;
  g_autoptr(GPtrArray) measured = NULL;
  JsonObject *report, *cmp;
  JsonArray *scenarios, *runs, *cmp_scenarios, *cmp_runs;
  guint n_scenarios, n_runs;

  g_test_message ("%s", project);
  g_assert_true (g_file_get_contents (json_path, &json_text, NULL, NULL));
  g_assert_true (g_file_get_contents (csv_path, &csv_text, NULL, NULL));
  g_assert_true (g_file_get_contents (md_path, &md, NULL, NULL));
  report = load_json (report_parser, json_text);
  cmp = load_json (compare_parser, compare);
  csv = parse_csv (csv_text);
  comparison = md_table (md, "| Scenario | Accelerator | Accelerator time");
  outputs = md_table (md, "| Scenario | TFLOP/s per accelerator |");
  measured = md_table (md, "| Run | File |");

  scenarios = json_object_get_array_member (report, "scenarios");
  runs = json_object_get_array_member (report, "runs");
  cmp_scenarios = json_object_get_array_member (cmp, "scenarios");
  cmp_runs = json_object_has_member (cmp, "runs") ? json_object_get_array_member (cmp, "runs")
                                                  : NULL;
  n_scenarios = json_array_get_length (scenarios);
  n_runs = json_array_get_length (runs);

  /* One row per scenario and per run, in the same order, everywhere. */
  g_assert_cmpuint (json_array_get_length (cmp_scenarios), ==, n_scenarios);
  g_assert_cmpuint (cmp_runs != NULL ? json_array_get_length (cmp_runs) : 0, ==, n_runs);
  g_assert_cmpuint (csv->len, ==, 1 + n_scenarios + n_runs);
  if (n_scenarios > 0)
    g_assert_cmpuint (comparison->len, ==, 1 + n_scenarios);
  if (n_runs > 0)
    g_assert_cmpuint (measured->len, ==, 1 + n_runs);

  for (guint i = 0; i < n_scenarios; i++)
    {
      JsonObject *s = json_array_get_object_element (scenarios, i);
      JsonObject *c = json_array_get_object_element (cmp_scenarios, i);
      GPtrArray *row = g_ptr_array_index (comparison, i + 1);
      const char *id = json_object_get_string_member (s, "id");
      gboolean failed = json_object_has_member (s, "error") && !json_object_get_null_member (s, "error");

      g_assert_cmpstr (json_object_get_string_member (c, "id"), ==, id);
      g_assert_cmpstr (json_object_get_string_member (c, "name"), ==,
                       json_object_get_string_member (s, "name"));
      g_assert_cmpstr (g_ptr_array_index (row, 0), ==, json_object_get_string_member (s, "name"));
      if (failed)
        continue;

      for (guint k = 0; k < G_N_ELEMENTS (machine_keys); k++)
        {
          double r = json_number (s, machine_keys[k]);
          double from_compare = json_number (c, machine_keys[k]);
          double from_csv = csv_number (csv, i + 1, machine_keys[k]);

          /* Shortest round-trip forms of the same double: equal. */
          if (isnan (r))
            {
              g_assert_true (isnan (from_compare) && isnan (from_csv));
              continue;
            }
          g_assert_cmpfloat (from_compare, ==, r);
          g_assert_cmpfloat (from_csv, ==, r);
        }

      /* The comparison names each column's unit in its header, as the
       * all-outputs table does. */
      {
        struct { const char *column; const char *key; } shown[] = {
          { "Energy", "energy_kwh" }, { "CO₂eq", "total_kg" },
          { "Wall-clock", "wall_hours" }, { "Accelerator time", "gpu_hours" },
        };

        for (guint k = 0; k < G_N_ELEMENTS (shown); k++)
          {
            g_autofree char *text = md_cell_with_unit (comparison, row, shown[k].column);

            assert_shown (text, json_number (s, shown[k].key), id);
          }
      }
    }

  /* The all-outputs table, in its headers' units. */
  for (guint i = 1; i < outputs->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (outputs, i);
      JsonObject *s = NULL;

      for (guint j = 0; j < n_scenarios && s == NULL; j++)
        {
          JsonObject *candidate = json_array_get_object_element (scenarios, j);

          if (g_str_equal (json_object_get_string_member (candidate, "name"),
                           g_ptr_array_index (row, 0)) &&
              json_object_get_null_member (candidate, "error"))
            s = candidate;
        }
      g_assert_nonnull (s);
      for (guint k = 0; k < G_N_ELEMENTS (output_columns); k++)
        {
          g_autofree char *shown = md_cell_with_unit (outputs, row, output_columns[k].title);

          assert_shown (shown, json_number (s, output_columns[k].key), output_columns[k].title);
        }
    }

  for (guint i = 0; i < n_runs; i++)
    {
      JsonObject *r = json_array_get_object_element (runs, i);
      JsonObject *c = json_array_get_object_element (cmp_runs, i);
      GPtrArray *row = g_ptr_array_index (measured, i + 1);

      g_assert_cmpstr (json_object_get_string_member (c, "name"), ==,
                       json_object_get_string_member (r, "name"));
      g_assert_cmpstr (g_ptr_array_index (row, 0), ==, json_object_get_string_member (r, "name"));
      for (guint k = 0; k < G_N_ELEMENTS (run_keys); k++)
        {
          double v = json_number (r, run_keys[k]);
          gboolean hours = g_str_equal (run_keys[k], "wall_hours");
          /* compare gives a run's duration in seconds, as its log does */
          double from_compare = hours ? json_number (c, "duration_s") / 3600
                                      : json_number (c, run_keys[k]);
          double from_csv = csv_number (csv, 1 + n_scenarios + i, run_keys[k]);

          if (isnan (v))
            {
              g_assert_true (isnan (from_compare) && isnan (from_csv));
              continue;
            }
          if (hours)
            g_assert_cmpfloat_with_epsilon (from_compare, v, v * 1e-12);
          else
            g_assert_cmpfloat (from_compare, ==, v);
          g_assert_cmpfloat (from_csv, ==, v);
        }
      assert_shown (g_ptr_array_index (row, md_column (measured, "Energy")),
                    json_number (r, "energy_kwh"), "run energy");
      assert_shown (g_ptr_array_index (row, md_column (measured, "CO₂eq")),
                    json_number (r, "emissions_kg"), "run CO₂eq");
    }
}

static void
test_examples (Fixture       *f,
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

      if (!g_str_has_suffix (name, ".huella"))
        continue;
      check_project (f, path);
      n++;
    }
  g_assert_cmpuint (n, >=, 5);
}

/* An example plus runs imported from tracker logs: CodeCarbon with empty
 * fields, eco2ai, carbontracker, and a CodeCarbon file whose columns moved
 * and whose GPU columns were dropped (unknown fields stay unknown in every
 * format, never 0 in one and "—" in another). */
static void
test_imported_runs (Fixture       *f,
                    gconstpointer  data)
{
  const char *logs[] = {
    "cc2.4.3rc1_official-example_empty-fields_mlco2.csv",
    "cc3.0.2_EMPTY-emissions-energy-fields_macos-intel_Forkprint.csv",
    "eco2ai_2023_windows_quadroT1000_kp-156_emission.csv",
    "cc3.2.3_cloud-cols-moved-to-end_EronQorri_small.csv",
    "ct2.4.4_macos_no-epoch-end_33447.772679_2026-05-27T174711Z_carbontracker.log",
  };
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                    "gpt3-gpus.huella", NULL);
  g_autofree char *project = g_build_filename (f->dir, "with-runs.huella", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (example, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (project, contents, length, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (logs); i++)
    {
      g_autofree char *log = g_test_build_filename (G_TEST_DIST, "data", logs[i], NULL);
      g_autofree char *out = run_cli ("import", log, "--add-to", project, NULL);
    }
  check_project (f, project);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/huella/report/equality/examples", Fixture, NULL, fixture_set_up, test_examples,
              fixture_tear_down);
  g_test_add ("/huella/report/equality/imported-runs", Fixture, NULL, fixture_set_up,
              test_imported_runs, fixture_tear_down);

  return g_test_run ();
}
