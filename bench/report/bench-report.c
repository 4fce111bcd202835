/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-report [N_SCENARIOS] [REPEATS]: time to export a project of N
 * scenarios (default 50) to PDF, and to the other formats for reference.
 * Target (issue 5): the 50-scenario PDF in under one second. */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "hu-core.h"
#include "hu-report.h"

static const char *gpus[] = {
  "nvidia-v100s-pcie-32gb", "nvidia-a100-sxm4-80gb", "nvidia-h100-sxm", "nvidia-rtx-a6000",
};
static const char *regions[] = { "grid/FR", "grid/CL", "gcp/us-central1", "aws/eu-west-1", "grid/US-CA" };

/* A project like a real sweep: varied GPUs, regions, counts and runs. */
static char *
make_project (guint n)
{
  GString *json = g_string_new ("{\"format\":\"huella-project\",\"format-version\":1,"
                                "\"title\":\"Benchmark\",\"currency\":\"USD\",\"scenarios\":[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json,
                            "%s{\"id\":\"s%u\",\"name\":\"Scenario %u with a longer name\","
                            "\"params\":%u.0e9,\"tokens\":300e9,\"gpu\":\"%s\",\"count\":%u,"
                            "\"region\":\"%s\",\"retrain\":%g,\"price\":2.5}",
                            i > 0 ? "," : "", i, i, 1 + i % 70, gpus[i % G_N_ELEMENTS (gpus)],
                            8 << (i % 6), regions[i % G_N_ELEMENTS (regions)], 1.0 + (i % 3));
  g_string_append (json, "],\"runs\":[]}");
  return g_string_free (json, FALSE);
}

static double
time_export (HuReport       *report,
             HuReportFormat  format,
             guint           repeats,
             gsize          *size)
{
  double best = G_MAXDOUBLE;

  for (guint r = 0; r < repeats; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gint64 start = g_get_monotonic_time ();

      bytes = hu_report_export_bytes (report, format, NULL, &error);
      if (bytes == NULL)
        g_error ("%s", error->message);
      best = MIN (best, (g_get_monotonic_time () - start) / 1e6);
      *size = g_bytes_get_size (bytes);
    }
  return best;
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 50;
  guint repeats = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 5;
  g_autofree char *data = NULL;
  g_autoptr(HuProject) project = NULL;
  g_autoptr(HuReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  setlocale (LC_ALL, "C.UTF-8");
  hu_core_init ();

  data = make_project (n);
  project = hu_project_new_from_data (data, -1, "bench.huella", &error);
  if (project == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  report = hu_report_new (project, NULL, &error);
  if (report == NULL)
    g_error ("%s", error->message);
  printf ("%u scenarios, snapshot (estimates with derivations): %.3f s\n", n,
          (g_get_monotonic_time () - start) / 1e6);

  for (HuReportFormat f = 0; f < HU_N_REPORT_FORMATS; f++)
    {
      gsize size = 0;
      double t = time_export (report, f, repeats, &size);

      printf ("%-8s %7.3f s  %8zu bytes%s\n", hu_report_format_to_string (f), t, size,
              f == HU_REPORT_FORMAT_PDF ? (t < 1.0 ? "  (target < 1 s: met)" : "  (target < 1 s: MISSED)")
                                        : "");
    }
  printf ("PDF pages: %u\n", hu_report_get_n_pages (report));
  return 0;
}
