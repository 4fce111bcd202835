/* SPDX-License-Identifier: GPL-3.0-or-later */
/* huella-cli report FILE.huella -o OUT.{pdf,svg,png,csv,json,md,tex}
 *                   [--format F] [--scenario ID] [--baseline ID] [--lang LL]
 *                   [--paper a4|letter] [--width W --height H --scale S]
 */

#define G_LOG_DOMAIN "huella-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "hu-cli.h"
#include "hu-cli-uncertainty.h"
#include "hu-report.h"

typedef struct {
  char     *output;
  char     *format;
  char     *scenario;
  char     *baseline;
  char     *lang;
  char     *paper;
  char     *width;
  char     *height;
  char     *scale;
  char     *metric;
  char     *title;
  char     *author;
  char     *equivalences;
  gboolean  dark;
  GStrv     files;
} Args;

static void
args_clear (Args *args)
{
  g_free (args->output);
  g_free (args->format);
  g_free (args->scenario);
  g_free (args->baseline);
  g_free (args->lang);
  g_free (args->paper);
  g_free (args->width);
  g_free (args->height);
  g_free (args->scale);
  g_free (args->metric);
  g_free (args->title);
  g_free (args->author);
  g_free (args->equivalences);
  g_strfreev (args->files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Args, args_clear)

/* --lang LL switches messages and number formatting for the human formats.
 * Machine formats (CSV, JSON) are C-locale whatever this says. */
static gboolean
switch_language (const char  *lang,
                 GError     **error)
{
  g_autofree char *base = g_strdup (lang);
  char *sep = strpbrk (base, "_.@");
  const char *suffixes[] = { "", ".UTF-8", ".utf8" };

  if (g_str_equal (lang, "C") || g_str_equal (lang, "en"))
    {
      g_setenv ("LANGUAGE", "C", TRUE);
      setlocale (LC_ALL, "C.UTF-8");
      return TRUE;
    }

  if (sep != NULL)
    *sep = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *country = g_ascii_strup (base, -1);
      g_autofree char *exact = g_strdup_printf ("%s%s", lang, suffixes[i]);
      g_autofree char *guess = g_strdup_printf ("%s_%s%s", base, country, suffixes[i]);

      if (setlocale (LC_ALL, exact) != NULL || setlocale (LC_ALL, guess) != NULL)
        {
          g_setenv ("LANGUAGE", base, TRUE);
          return TRUE;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("--lang: no installed locale for “%s”"), lang);
  return FALSE;
}

static gboolean
parse_positive (const char  *flag,
                const char  *text,
                double      *out,
                GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (text == NULL)
    return TRUE;
  if (!hu_number_parse (text, HU_NUMBER_FLAGS_NONE, out, &local) || *out <= 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: expected a positive number, got “%s”"), flag, text);
      return FALSE;
    }
  return TRUE;
}

/* Fills @options from the command line; FALSE is a usage error. */
static gboolean
build_options (Args            *args,
               HuReportOptions *options,
               HuReportFormat  *format,
               GError         **error)
{
  hu_report_options_init (options);

  if (args->format != NULL)
    {
      if (!hu_report_format_from_string (args->format, format))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--format: unknown format “%s” (pdf, svg, png, csv, json, md, tex)"),
                       args->format);
          return FALSE;
        }
    }
  else if (!hu_report_format_from_path (args->output, format))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("-o: cannot tell the format from “%s”; use --format"), args->output);
      return FALSE;
    }

  if (args->paper != NULL)
    {
      if (g_ascii_strcasecmp (args->paper, "a4") == 0)
        options->paper = HU_PAPER_A4;
      else if (g_ascii_strcasecmp (args->paper, "letter") == 0)
        options->paper = HU_PAPER_LETTER;
      else
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--paper: expected a4 or letter, got “%s”"), args->paper);
          return FALSE;
        }
    }

  if (args->metric != NULL && !hu_metric_from_string (args->metric, &options->chart_metric))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--metric: unknown metric “%s”"), args->metric);
      return FALSE;
    }

  if (!parse_positive ("--width", args->width, &options->chart_width, error)
      || !parse_positive ("--height", args->height, &options->chart_height, error)
      || !parse_positive ("--scale", args->scale, &options->chart_scale, error))
    return FALSE;

  options->subject_id = args->scenario;
  options->baseline_id = args->baseline;
  options->title = args->title;
  options->author = args->author;
  options->equivalence_set = args->equivalences;
  options->dark = args->dark;
  return TRUE;
}

/* The same file, even through another path or a symlink. */
static gboolean
same_file (const char *a,
           const char *b)
{
  struct stat sa, sb;

  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int
hu_cli_report (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(HuProject) project = NULL;
  g_autoptr(HuComparison) comparison = NULL;
  g_autoptr(HuReport) report = NULL;
  g_auto(Args) args = { 0 };
  g_auto(HuCliUncertaintyArgs) ua = { 0 };
  HuUncertaintyOptions uo;
  HuReportOptions options;
  HuReportFormat format;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output,
      N_("Write the report to FILE; the extension picks the format"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &args.format,
      N_("pdf, svg, png, csv, json, md or tex"), "F" },
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &args.scenario,
      N_("Scenario or run for the statement and model card (default: the baseline)"), "ID" },
    { "baseline", 0, 0, G_OPTION_ARG_STRING, &args.baseline,
      N_("Scenario the others are compared with (default: the first)"), "ID" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &args.lang,
      N_("Language and number format of PDF, Markdown and LaTeX (e.g. es)"), "LL" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &args.paper, N_("a4 or letter"), N_("SIZE") },
    { "width", 0, 0, G_OPTION_ARG_STRING, &args.width, N_("Chart width in pixels (SVG, PNG)"), "W" },
    { "height", 0, 0, G_OPTION_ARG_STRING, &args.height, N_("Chart height in pixels"), "H" },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &args.scale, N_("PNG pixel scale, e.g. 2 for slides"), "S" },
    { "metric", 0, 0, G_OPTION_ARG_STRING, &args.metric,
      N_("Chart metric: gpu_hours, wall_hours, energy_kwh, emissions_kg, total_kg, cost"), "M" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &args.dark, N_("Chart colours for a dark background"), NULL },
    { "title", 0, 0, G_OPTION_ARG_STRING, &args.title, N_("Report title (default: the project's)"), N_("TEXT") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &args.author, N_("Author shown in the title block"), N_("TEXT") },
    { "equivalences", 0, 0, G_OPTION_ARG_STRING, &args.equivalences,
      N_("Equivalence factor set: epa-current, epa-2021, green-algorithms"), "SET" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args.files, NULL, N_("FILE.huella") },
    { NULL }
  };

  context = g_option_context_new (_("FILE.huella"));
  g_option_context_set_summary (context,
                                _("Export a comparison report: PDF, a chart as SVG or PNG, CSV, "
                                  "JSON, Markdown (with a model-card block) or LaTeX.\n"
                                  "The format comes from the output's extension unless --format "
                                  "is given."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_group (context, hu_cli_uncertainty_group (&ua));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      hu_cli_usage_error (context, error->message);
      return HU_EXIT_USAGE;
    }
  if (args.files == NULL || args.files[0] == NULL || args.files[1] != NULL)
    {
      hu_cli_usage_error (context, _("expected exactly one project file"));
      return HU_EXIT_USAGE;
    }
  if (args.output == NULL)
    {
      hu_cli_usage_error (context, _("-o: no output file given"));
      return HU_EXIT_USAGE;
    }
  if (!build_options (&args, &options, &format, &error) ||
      !hu_cli_uncertainty_options (&ua, &uo, &error))
    {
      hu_cli_usage_error (context, error->message);
      return HU_EXIT_USAGE;
    }
  options.default_ranges = uo.default_ranges;
  options.samples = uo.samples;
  options.seed = uo.seed;
  if (same_file (args.files[0], args.output) || g_str_equal (args.files[0], args.output))
    {
      hu_cli_usage_error (context, _("-o: refusing to overwrite the input project"));
      return HU_EXIT_USAGE;
    }
  if (args.lang != NULL && !switch_language (args.lang, &error))
    {
      hu_cli_error (error->message);
      return HU_EXIT_INPUT;
    }

  input = g_file_new_for_commandline_arg (args.files[0]);
  project = hu_project_new_from_file (input, &error);
  if (project == NULL)
    {
      hu_cli_error (error->message);
      return HU_EXIT_INPUT;
    }

  /* An untitled project goes by its file's name, as in the app. */
  if (options.title == NULL &&
      (hu_project_get_title (project) == NULL || *hu_project_get_title (project) == '\0' ||
       g_str_equal (hu_project_get_title (project), "Untitled Project")))
    {
      g_autofree char *base = g_file_get_basename (input);

      if (g_str_has_suffix (base, ".huella") && strlen (base) > strlen (".huella"))
        base[strlen (base) - strlen (".huella")] = '\0';
      args.title = g_steal_pointer (&base);
      options.title = args.title;
    }

  /* One comparison estimates the scenarios; the report shares its rows. */
  comparison = hu_comparison_new (project);
  report = hu_report_new_for_comparison (comparison, &options, &error);
  if (report == NULL)
    {
      gboolean baseline = g_error_matches (error, HU_REPORT_ERROR,
                                           HU_REPORT_ERROR_UNKNOWN_BASELINE);
      g_autofree char *msg = g_strdup_printf ("%s: %s", baseline ? "--baseline" : "--scenario",
                                              error->message);

      hu_cli_error (msg);
      return HU_EXIT_INPUT;
    }

  /* "-o -" is standard output, as for most tools; the format comes from
   * --format then. */
  if (g_str_equal (args.output, "-"))
    {
      g_autoptr(GBytes) bytes = hu_report_export_bytes (report, format, NULL, &error);
      gsize length;
      const char *data;

      if (bytes == NULL)
        {
          hu_cli_error (error->message);
          return HU_EXIT_INPUT;
        }
      data = g_bytes_get_data (bytes, &length);
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_autofree char *msg = g_strdup_printf (_("standard output: %s"), g_strerror (errno));
          hu_cli_error (msg);
          return HU_EXIT_INPUT;
        }
      return HU_EXIT_OK;
    }

  if (!hu_report_export (report, format, args.output, NULL, &error))
    {
      g_autofree char *msg = g_strdup_printf ("%s: %s", args.output, error->message);

      hu_cli_error (msg);
      return HU_EXIT_INPUT;
    }

  return HU_EXIT_OK;
}
