/* SPDX-License-Identifier: GPL-3.0-or-later */
/* huella-cli import FILE_OR_DIR... [--tracker T] [--format text|json|csv]
 *                                  [--add-to P.huella]
 */

#define G_LOG_DOMAIN "huella-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hu-cli.h"
#include "hu-cli-import-text.h"
#include "hu-import.h"

/* @builder's value as an element of the output's top-level array, on a
 * line of its own, laid out as the tree writer lays it two levels deep. */
static void
append_element (GString     *out,
                JsonBuilder *builder,
                gboolean     first)
{
  g_autoptr(JsonNode) node = json_builder_get_root (builder);

  g_string_append (out, first ? "\n    " : ",\n    ");
  hu_json_append (out, node, 2);
}

/* What the writers keep between runs: they get each run as the importer
 * finishes it, and hold none (the text table a few rows of strings). */
typedef struct {
  HuCliFormat      format;
  GString         *out;
  HuCliImportText *text;
  guint64          n;
  gboolean         failed;     /* stdout could not be written */
  HuProjectWriter *writer;     /* --add-to */
  GError          *save_error; /* the writer's, which stops the import */
  GCancellable    *cancel;
} Stream;

/* Out every megabyte, so that the text held stays small. */
static void
stream_flush (Stream   *st,
              gboolean  force)
{
  if (st->failed || (!force && st->out->len < 1024 * 1024))
    return;
  /* Text is read on a terminal: no control character from a file may
   * reach it (ESC retitles or clears it). Cut at the end of a row. */
  if (st->text != NULL)
    hu_cli_make_printable (st->out);
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
  append_element (st->out, builder, st->n == 0);
}

static void
json_end (Stream         *st,
          HuImportResult *result)
{
  GString *out = st->out;

  g_string_append (out, st->n > 0 ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"skipped\": [");
  for (guint i = 0; i < MIN (result->skipped->len, HU_CLI_IMPORT_LISTED_SKIPS); i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      HuImportSkip *s = g_ptr_array_index (result->skipped, i);

      json_builder_begin_object (builder);
      hu_json_add_string (builder, "file", s->file);
      hu_json_add_int (builder, "line", s->line);
      hu_json_add_string (builder, "reason", s->reason);
      json_builder_end_object (builder);
      append_element (out, builder, i == 0);
    }
  g_string_append (out, result->skipped->len > 0 ? "\n  ],\n" : "],\n");
  /* Only the first HU_CLI_IMPORT_LISTED_SKIPS are listed; this counts all. */
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

/* --add-to: named as the app names them (hu_import_run_label()), and
 * given an id after their tracker as they join the project (the id is
 * left empty), then written to the project's file and forgotten. */
static void
add_to_project (Stream        *st,
                HuMeasuredRun *run)
{
  HuRunData *d = hu_measured_run_get_data (run);
  g_autofree char *label = hu_import_run_label (d);

  hu_measured_run_set_name (run, label);
  g_clear_pointer (&d->id, g_free);
  if (!hu_project_writer_add_run (st->writer, run, &st->save_error))
    {
      g_clear_pointer (&st->writer, hu_project_writer_free);
      g_cancellable_cancel (st->cancel);
    }
}

static void
stream_run (HuMeasuredRun *run,
            gpointer       user_data)
{
  Stream *st = user_data;

  if (st->writer != NULL)
    add_to_project (st, run);
  if (st->failed || st->save_error != NULL)
    return;
  if (st->format == HU_CLI_FORMAT_JSON)
    json_run (st, run);
  else if (st->format == HU_CLI_FORMAT_CSV)
    csv_run (st, run);
  else
    hu_cli_import_text_add_run (st->text, run);
  st->n++;
  stream_flush (st, FALSE);
}

/* Opens the project (a new one if the file does not exist) and starts
 * its file again with the project's own scenarios and runs. */
static HuProjectWriter *
open_project (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(HuProject) project = NULL;

  if (g_file_query_exists (file, NULL))
    {
      project = hu_project_new_from_file (file, error);
      if (project == NULL)
        return NULL;
    }
  else
    project = hu_project_new ();
  return hu_project_writer_new (project, file, error);
}

int
hu_cli_import (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HuImportResult) result = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(HuCliImportText) text = NULL;
  g_autofree char *tracker = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *add_to = NULL;
  g_auto(GStrv) paths = NULL;
  HuCliFormat format;
  Stream stream = { 0 };
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
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
  /* Runs leave one by one as the logs are read: memory does not grow
   * with the number of runs (a CodeCarbon 1.x log has one per row). The
   * text table takes its widths and units from its first rows. */
  if (format != HU_CLI_FORMAT_JSON && format != HU_CLI_FORMAT_CSV)
    format = HU_CLI_FORMAT_TEXT;
  stream.format = format;
  stream.out = out;
  stream.cancel = cancel;
  if (format == HU_CLI_FORMAT_TEXT)
    stream.text = text = hu_cli_import_text_new (out);
  /* --add-to writes the project as the runs come (hu_project_writer_new()),
   * to a temporary file that replaces it only once complete. */
  if (add_to != NULL && !(stream.writer = open_project (add_to, &error)))
    {
      hu_cli_error (error->message);
      return HU_EXIT_INPUT;
    }
  if (format == HU_CLI_FORMAT_JSON)
    g_string_append (out, "{\n  \"runs\": [");
  if (!hu_import_paths_foreach ((const char * const *) paths, tracker, cancel, NULL,
                                stream_run, &stream, &result, &error)
      || stream.save_error != NULL)
    {
      /* Freeing the writer leaves the project's file as it was. */
      g_clear_pointer (&stream.writer, hu_project_writer_free);
      if (stream.save_error != NULL)
        {
          hu_cli_error (stream.save_error->message);
          g_error_free (stream.save_error);
          return HU_EXIT_INPUT;
        }
      if (g_error_matches (error, HU_IMPORT_ERROR, HU_IMPORT_ERROR_UNKNOWN_TRACKER))
        {
          g_autofree char *msg = g_strdup_printf ("--tracker: %s", error->message);
          hu_cli_usage_error (context, msg);
          return HU_EXIT_USAGE;
        }
      hu_cli_error (error->message);
      return HU_EXIT_INPUT;
    }

  if (stream.writer != NULL)
    {
      HuProjectWriter *writer = g_steal_pointer (&stream.writer);
      gboolean saved = hu_project_writer_finish (writer, &error);

      hu_project_writer_free (writer);
      if (!saved)
        {
          hu_cli_error (error->message);
          return HU_EXIT_INPUT;
        }
    }
  if (format == HU_CLI_FORMAT_JSON)
    json_end (&stream, result);
  else if (format == HU_CLI_FORMAT_CSV)
    for (guint i = 0; i < MIN (result->skipped->len, HU_CLI_IMPORT_LISTED_SKIPS); i++)
      {
        HuImportSkip *s = g_ptr_array_index (result->skipped, i);
        g_autofree char *msg = g_strdup_printf (_("%s:%u: skipped: %s"), s->file, s->line,
                                                s->reason);
        hu_cli_error (msg);
      }
  else
    hu_cli_import_text_finish (text, result);
  stream_flush (&stream, TRUE);
  return stream.failed ? HU_EXIT_INPUT : HU_EXIT_OK;
}
