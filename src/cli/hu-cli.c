/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "huella-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>

#include "hu-cli.h"

typedef struct {
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "estimate", hu_cli_estimate, N_("Estimate one scenario given on the command line") },
  { "compare",  hu_cli_compare,  N_("Compare the scenarios and runs of a project file") },
  { "import",   hu_cli_import,   N_("Import measured runs from tracker logs") },
  { "report",   hu_cli_report,   N_("Export a comparison report") },
  { "gpus",     hu_cli_gpus,     N_("List the accelerators of the catalog") },
  { "regions",  hu_cli_regions,  N_("List the regions and grids of the catalog") },
  { "models",   hu_cli_models,   N_("List published training runs (Epoch AI data)") },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, _("Usage: huella-cli COMMAND [OPTION…]\n\n"
                     "Plan the energy use and carbon footprint of training machine-learning models.\n\n"
                     "Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, _("\nRun “huella-cli COMMAND --help” for the options of a command.\n"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  hu_core_init ();
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return HU_EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return HU_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("huella-cli %s\n", PACKAGE_VERSION);
      return HU_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("huella-cli %s", commands[i].name);
        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  fprintf (stderr, _("huella-cli: unknown command “%s”\n"), argv[1]);
  fprintf (stderr, _("Run “huella-cli --help” for the list of commands.\n"));
  return HU_EXIT_USAGE;
}
