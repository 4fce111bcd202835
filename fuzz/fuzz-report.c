/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every report format, fed by a fuzzed project: CSV, JSON, Markdown,
 * LaTeX, SVG, PNG and PDF. Each export either succeeds or sets an error;
 * a crash, a hang or a sanitizer report is a bug. */

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "hu-core.h"
#include "hu-report.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const HuReportFormat formats[] = {
    HU_REPORT_FORMAT_CSV, HU_REPORT_FORMAT_JSON, HU_REPORT_FORMAT_MARKDOWN,
    HU_REPORT_FORMAT_LATEX, HU_REPORT_FORMAT_SVG, HU_REPORT_FORMAT_PNG, HU_REPORT_FORMAT_PDF,
  };
  g_autoptr(HuProject) project = NULL;
  g_autoptr(HuReport) report = NULL;
  g_autoptr(GError) error = NULL;

  project = hu_project_new_from_data ((const char *) data, (gssize) size, "fuzz.huella", &error);
  if (project == NULL)
    return 0;
  report = hu_report_new (project, NULL, &error);
  if (report == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) export_error = NULL;
      g_autoptr(GBytes) bytes = hu_report_export_bytes (report, formats[i], NULL, &export_error);

      g_assert ((bytes == NULL) == (export_error != NULL));
    }
  return 0;
}
