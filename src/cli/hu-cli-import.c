/* SPDX-License-Identifier: GPL-3.0-or-later */
/* huella-cli import FILE_OR_DIR... [--tracker T] [--format text|json|csv]
 *                                  [--add-to P.huella]
 */

#define G_LOG_DOMAIN "huella-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hu-cli.h"
#include "hu-import.h"

static char *
number_or_dash (double value,
                int    significant)
{
  return isfinite (value) ? hu_format_number (value, significant) : g_strdup ("—");
}

static void
print_text (HuImportResult *result,
            GString        *out)
{
  g_autoptr(HuCliTable) table =
    hu_cli_table_new (8, _("Source"), _("Version"), _("Run"), _("Start"), _("Duration"),
                      _("Energy"), _("CO₂eq"), _("g/kWh"), NULL);
  g_autoptr(GArray) hours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) energy_kwh = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) emissions_kg = g_array_new (FALSE, FALSE, sizeof (double));
  HuUnitScale hours_scale, energy_scale, mass_scale;

  for (guint c = 4; c < 8; c++)
    hu_cli_table_set_right (table, c);

  /* One unit per column (hu-units): a log of many short runs reads
   * "0.405 Wh" above "1.212 Wh", not "4.05 × 10⁻⁴" above "0.001212". */
  for (guint i = 0; i < result->runs->len; i++)
    {
      HuRunData *d = hu_measured_run_get_data (g_ptr_array_index (result->runs, i));
      double h = d->duration_s / 3600;

      g_array_append_val (hours, h);
      g_array_append_val (energy_kwh, d->energy_kwh);
      g_array_append_val (emissions_kg, d->emissions_kg);
    }
  hu_unit_scale_init (&hours_scale, HU_UNIT_HOURS, (double *) hours->data, hours->len, NULL, 0);
  hu_unit_scale_init (&energy_scale, HU_UNIT_ENERGY_KWH, (double *) energy_kwh->data,
                      energy_kwh->len, NULL, 0);
  hu_unit_scale_init (&mass_scale, HU_UNIT_MASS_KG, (double *) emissions_kg->data,
                      emissions_kg->len, NULL, 0);

  for (guint i = 0; i < result->runs->len; i++)
    {
      HuRunData *d = hu_measured_run_get_data (g_ptr_array_index (result->runs, i));
      g_autofree char *run = g_strdup (d->name ? d->name : d->run_id ? d->run_id : "—");
      g_autofree char *duration = hu_unit_scale_format (&hours_scale, d->duration_s / 3600,
                                                        HU_UNITS_DEFAULT);
      g_autofree char *energy = hu_unit_scale_format (&energy_scale, d->energy_kwh,
                                                      HU_UNITS_DEFAULT);
      g_autofree char *co2 = hu_unit_scale_format (&mass_scale, d->emissions_kg,
                                                   HU_UNITS_DEFAULT);
      g_autofree char *intensity = number_or_dash (d->intensity_g_per_kwh, 4);
      g_autofree char *source = d->predicted ? g_strdup_printf (_("%s (predicted)"), d->source)
                                             : g_strdup (d->source);

      hu_cli_table_add_row (table, source, d->source_version ? d->source_version : "—", run,
                            d->start ? d->start : "—", duration, energy, co2, intensity, NULL);
    }
  hu_cli_table_print (table, out);

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u run", "%u runs", result->runs->len),
                          result->runs->len);
  g_string_append_c (out, '\n');
  if (result->skipped->len > 0)
    {
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u line or run skipped:\n",
                                             "%u lines or runs skipped:\n",
                                             (gulong) MIN (result->n_skipped, G_MAXUINT)),
                              (guint) MIN (result->n_skipped, G_MAXUINT));
      for (guint i = 0; i < result->skipped->len; i++)
        {
          HuImportSkip *s = g_ptr_array_index (result->skipped, i);
          g_string_append_printf (out, "  %s:%u: %s\n", s->file, s->line, s->reason);
        }
      if (result->n_skipped > result->skipped->len)
        {
          guint more = (guint) MIN (result->n_skipped - result->skipped->len, G_MAXUINT);

          g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "  … and %u more\n",
                                                 "  … and %u more\n", more),
                                  more);
        }
    }
}

/* Appends @builder's object indented by @indent spaces (strings hold no
 * raw line breaks in JSON, so every '\n' starts a line). */
static void
append_indented (GString     *out,
                 JsonBuilder *builder,
                 guint        indent)
{
  g_autofree char *text = hu_cli_json_to_string (builder);
  gsize len = strlen (text);

  while (len > 0 && text[len - 1] == '\n')
    text[--len] = '\0';
  for (guint k = 0; k < indent; k++)
    g_string_append_c (out, ' ');
  for (const char *p = text; *p != '\0'; p++)
    {
      g_string_append_c (out, *p);
      if (*p == '\n')
        for (guint k = 0; k < indent; k++)
          g_string_append_c (out, ' ');
    }
}

/* What the JSON and CSV writers keep between runs: they get each run as
 * the importer finishes it, and hold none. */
typedef struct {
  HuCliFormat  format;
  GString     *out;
  guint64      n;
  gboolean     failed;     /* stdout could not be written */
} Stream;

/* Out every megabyte, so that the text held stays small. */
static void
stream_flush (Stream   *st,
              gboolean  force)
{
  if (st->failed || (!force && st->out->len < 1024 * 1024))
    return;
  if (!hu_cli_write_stdout (st->out))
    st->failed = TRUE;
  g_string_truncate (st->out, 0);
}

/* One run of the JSON output; the layout is the tree writer's. */
static void
json_run (Stream        *st,
          HuMeasuredRun *run)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  hu_measured_run_write_contract (run, builder);
  g_string_append (st->out, st->n > 0 ? ",\n" : "\n");
  append_indented (st->out, builder, 4);
}

static void
json_end (Stream         *st,
          HuImportResult *result)
{
  GString *out = st->out;

  g_string_append (out, st->n > 0 ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"skipped\": [");
  for (guint i = 0; i < result->skipped->len; i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      HuImportSkip *s = g_ptr_array_index (result->skipped, i);

      json_builder_begin_object (builder);
      hu_json_add_string (builder, "file", s->file);
      hu_json_add_int (builder, "line", s->line);
      hu_json_add_string (builder, "reason", s->reason);
      json_builder_end_object (builder);
      g_string_append (out, i > 0 ? ",\n" : "\n");
      append_indented (out, builder, 4);
    }
  g_string_append (out, result->skipped->len > 0 ? "\n  ],\n" : "],\n");
  /* Only the first HU_IMPORT_MAX_SKIPPED are listed; this counts all. */
  g_string_append_printf (out, "  \"skipped_total\": %" G_GUINT64_FORMAT "\n}\n",
                          result->n_skipped);
}

/* One row of the CSV, which has the JSON contract's columns, taken from
 * the same writer so that the two can never disagree; the header comes
 * with the first run. */
static void
csv_run (Stream        *st,
         HuMeasuredRun *run)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GList) members = NULL;
  GString *out = st->out;
  JsonObject *object;

  hu_measured_run_write_contract (run, builder);
  node = json_builder_get_root (builder);
  object = json_node_get_object (node);
  members = json_object_get_members (object);

  if (st->n == 0)
    {
      for (GList *l = members; l != NULL; l = l->next)
        {
          hu_cli_csv_field (out, l->data);
          g_string_append (out, l->next ? "," : "\r\n");
        }
    }
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);

      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        hu_cli_csv_field (out, json_node_get_string (value));
      else if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (value));
      else if (JSON_NODE_HOLDS_VALUE (value))
        hu_cli_csv_number (out, json_node_get_double (value));
      g_string_append (out, l->next ? "," : "\r\n");
    }
}

static void
stream_run (HuMeasuredRun *run,
            gpointer       user_data)
{
  Stream *st = user_data;

  if (st->failed)
    return;
  if (st->format == HU_CLI_FORMAT_JSON)
    json_run (st, run);
  else
    csv_run (st, run);
  st->n++;
  stream_flush (st, FALSE);
}

static gboolean
add_to_project (const char      *path,
                HuImportResult  *result,
                GError         **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(HuProject) project = NULL;

  if (g_file_query_exists (file, NULL))
    {
      project = hu_project_new_from_file (file, error);
      if (project == NULL)
        return FALSE;
    }
  else
    project = hu_project_new ();

  /* Named as the app names them (hu_import_result_name_runs); the
   * project gives each an id after its tracker as it joins (the id is
   * left empty); one splice for all the runs. */
  hu_import_result_name_runs (result);
  for (guint i = 0; i < result->runs->len; i++)
    {
      HuRunData *d = hu_measured_run_get_data (g_ptr_array_index (result->runs, i));

      g_clear_pointer (&d->id, g_free);
    }
  hu_project_add_runs (project, result->runs);

  /* hu_project_save() writes a temporary file and renames it. */
  if (!hu_project_save (project, file, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  return TRUE;
}

int
hu_cli_import (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HuImportResult) result = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *tracker = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *add_to = NULL;
  g_auto(GStrv) paths = NULL;
  HuCliFormat format;
  Stream stream = { 0 };
  gboolean streaming;
  GOptionEntry entries[] = {
    { "tracker", 0, 0, G_OPTION_ARG_STRING, &tracker,
      N_("auto, codecarbon, carbontracker, eit, eco2ai, nvidia-smi or zeus"), "T" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("text, json or csv"), "F" },
    { "add-to", 0, 0, G_OPTION_ARG_FILENAME, &add_to,
      N_("Append the runs to this project file"), "P.huella" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL,
      N_("FILE_OR_DIR…") },
    { NULL }
  };

  context = g_option_context_new (_("FILE_OR_DIR…"));
  g_option_context_set_summary (context,
                                _("Import measured runs from tracker logs: CodeCarbon, carbontracker, "
                                  "experiment-impact-tracker, Eco2AI, nvidia-smi and Zeus.\n"
                                  "Folders are scanned recursively; the format is detected from "
                                  "the content."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      hu_cli_usage_error (context, error->message);
      return HU_EXIT_USAGE;
    }
  if (paths == NULL || paths[0] == NULL)
    {
      hu_cli_usage_error (context, _("no file or folder to import"));
      return HU_EXIT_USAGE;
    }
  if (!hu_cli_parse_format (format_text, TRUE, FALSE, &format, &error))
    {
      hu_cli_usage_error (context, error->message);
      return HU_EXIT_USAGE;
    }

  /* Case does not matter: "CodeCarbon" is codecarbon. */
  if (tracker != NULL)
    {
      char *lower = g_ascii_strdown (tracker, -1);
      g_free (tracker);
      tracker = lower;
    }
  /* JSON and CSV leave run by run as the logs are read: memory does not
   * grow with the number of runs (a CodeCarbon 1.x log has one per row).
   * The text table needs every row for its widths, a project every run. */
  stream.format = format;
  stream.out = out;
  streaming = add_to == NULL && (format == HU_CLI_FORMAT_JSON || format == HU_CLI_FORMAT_CSV);
  if (format == HU_CLI_FORMAT_JSON)
    g_string_append (out, "{\n  \"runs\": [");
  if (!hu_import_paths_foreach ((const char * const *) paths, tracker, NULL, NULL,
                                streaming ? stream_run : NULL, &stream, &result, &error))
    {
      if (g_error_matches (error, HU_IMPORT_ERROR, HU_IMPORT_ERROR_UNKNOWN_TRACKER))
        {
          g_autofree char *msg = g_strdup_printf ("--tracker: %s", error->message);
          hu_cli_usage_error (context, msg);
          return HU_EXIT_USAGE;
        }
      hu_cli_error (error->message);
      return HU_EXIT_INPUT;
    }

  if (add_to != NULL && !add_to_project (add_to, result, &error))
    {
      hu_cli_error (error->message);
      return HU_EXIT_INPUT;
    }

  switch (format)
    {
    case HU_CLI_FORMAT_JSON:
    case HU_CLI_FORMAT_CSV:
      for (guint i = 0; i < result->runs->len; i++)
        stream_run (g_ptr_array_index (result->runs, i), &stream);
      if (format == HU_CLI_FORMAT_JSON)
        json_end (&stream, result);
      else
        for (guint i = 0; i < result->skipped->len; i++)
          {
            HuImportSkip *s = g_ptr_array_index (result->skipped, i);
            g_autofree char *msg = g_strdup_printf (_("%s:%u: skipped: %s"), s->file, s->line,
                                                    s->reason);
            hu_cli_error (msg);
          }
      if (stream.failed)
        return HU_EXIT_INPUT;
      break;
    case HU_CLI_FORMAT_TEXT:
    case HU_CLI_FORMAT_MARKDOWN:
    default:
      print_text (result, out);
      hu_cli_make_printable (out);
      break;
    }

  return hu_cli_write_stdout (out) ? HU_EXIT_OK : HU_EXIT_INPUT;
}
