/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hu-core.h"
#include "hu-chart-private.h"
#include "hu-report.h"
#include "hu-report-document-private.h"
#include "hu-report-render-private.h"

G_DEFINE_FINAL_TYPE (HuReport, hu_report, G_TYPE_OBJECT)
G_DEFINE_QUARK (hu-report-error-quark, hu_report_error)

static const struct {
  const char *name;
  const char *extension;
} formats[HU_N_REPORT_FORMATS] = {
  [HU_REPORT_FORMAT_PDF] = { "pdf", "pdf" },
  [HU_REPORT_FORMAT_SVG] = { "svg", "svg" },
  [HU_REPORT_FORMAT_PNG] = { "png", "png" },
  [HU_REPORT_FORMAT_CSV] = { "csv", "csv" },
  [HU_REPORT_FORMAT_JSON] = { "json", "json" },
  [HU_REPORT_FORMAT_MARKDOWN] = { "markdown", "md" },
  [HU_REPORT_FORMAT_LATEX] = { "latex", "tex" },
};

/* ---------------------------------------------------------------------- */
/* Options and formats                                                     */

/**
 * hu_report_options_init:
 * @options: (out caller-allocates): options to fill with the defaults
 */
void
hu_report_options_init (HuReportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->paper = HU_PAPER_A4;
  options->sections = HU_REPORT_INCLUDE_ALL;
  options->chart_metric = HU_METRIC_TOTAL_KG;
  options->chart_width = 800;
  options->chart_height = 500;
  options->chart_scale = 1;
  options->samples = HU_UNCERTAINTY_DEFAULT_SAMPLES;
  options->seed = HU_UNCERTAINTY_DEFAULT_SEED;
}

const char *
hu_report_format_to_string (HuReportFormat format)
{
  g_return_val_if_fail (format < HU_N_REPORT_FORMATS, NULL);
  return formats[format].name;
}

gboolean
hu_report_format_from_string (const char     *text,
                              HuReportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < HU_N_REPORT_FORMATS; i++)
    if (g_ascii_strcasecmp (text, formats[i].name) == 0
        || g_ascii_strcasecmp (text, formats[i].extension) == 0)
      {
        *format = i;
        return TRUE;
      }

  return FALSE;
}

gboolean
hu_report_format_from_path (const char     *path,
                            HuReportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;

  return hu_report_format_from_string (dot + 1, format);
}

/**
 * hu_report_new:
 * @project: the project to report on
 * @options: (nullable): what to include; %NULL for the defaults
 * @error: return location for an error
 *
 * Returns: (transfer full): the report, or %NULL if an id in @options
 *   names no scenario or run (%HU_REPORT_ERROR_UNKNOWN_BASELINE for the
 *   baseline, %HU_REPORT_ERROR_UNKNOWN_ITEM for the subject)
 */
HuReport *
hu_report_new (HuProject              *project,
               const HuReportOptions  *options,
               GError                **error)
{
  g_autoptr(HuComparison) comparison = NULL;

  g_return_val_if_fail (HU_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  comparison = hu_comparison_new (project);
  return hu_report_new_for_comparison (comparison, options, error);
}

/**
 * hu_report_new_for_comparison:
 * @comparison: the comparison to report on
 * @options: (nullable): what to include; %NULL for the defaults
 * @error: return location for an error
 *
 * Returns: (transfer full): the report, or %NULL as hu_report_new()
 */
HuReport *
hu_report_new_for_comparison (HuComparison           *comparison,
                              const HuReportOptions  *options,
                              GError                **error)
{
  g_autoptr(HuReport) self = NULL;
  HuReportOptions defaults;

  g_return_val_if_fail (HU_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      hu_report_options_init (&defaults);
      options = &defaults;
    }

  self = g_object_new (HU_TYPE_REPORT, NULL);
  if (!_hu_report_take_snapshot (self, comparison, options, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* ---------------------------------------------------------------------- */
/* Export                                                                  */

static GBytes *
chart_bytes (HuReport       *self,
             HuReportFormat  format,
             GError        **error)
{
  g_autoptr(HuChart) chart = NULL;
  HuChartStyle style;
  HuReportBlock block = { HU_BLOCK_CHART, 0 };
  GBytes *bytes;

  if (self->scenarios->len == 0 && self->runs->len == 0)
    {
      g_set_error (error, HU_REPORT_ERROR, HU_REPORT_ERROR_EMPTY,
                   _("The project has no scenario and no measured run to chart"));
      return NULL;
    }

  block.metric = self->chart_metric;
  block.run = -1;
  chart = _hu_report_build_chart (self, &block);

  hu_chart_style_init (&style, self->dark);
  if (format == HU_REPORT_FORMAT_SVG)
    bytes = _hu_chart_to_svg (chart, self->chart_width, self->chart_height, &style, error);
  else
    bytes = _hu_chart_to_png (chart, self->chart_width, self->chart_height,
                              self->chart_scale, &style, error);
  hu_chart_style_clear (&style);

  return bytes;
}

/**
 * hu_report_export_bytes:
 * @self: a #HuReport
 * @format: the format
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Returns: (transfer full): the exported document, or %NULL on error
 */
GBytes *
hu_report_export_bytes (HuReport        *self,
                        HuReportFormat   format,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_return_val_if_fail (HU_IS_REPORT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  switch (format)
    {
    case HU_REPORT_FORMAT_PDF:
      return _hu_report_to_pdf (self, cancellable, error);
    case HU_REPORT_FORMAT_SVG:
    case HU_REPORT_FORMAT_PNG:
      return chart_bytes (self, format, error);
    case HU_REPORT_FORMAT_CSV:
      return _hu_report_to_csv (self);
    case HU_REPORT_FORMAT_JSON:
      return _hu_report_to_json (self);
    case HU_REPORT_FORMAT_MARKDOWN:
      return _hu_report_to_markdown (self, cancellable, error);
    case HU_REPORT_FORMAT_LATEX:
      return _hu_report_to_latex (self, cancellable, error);
    case HU_N_REPORT_FORMATS:
    default:
      g_set_error (error, HU_REPORT_ERROR, HU_REPORT_ERROR_UNKNOWN_FORMAT,
                   _("Unknown report format %d"), format);
      return NULL;
    }
}

/**
 * hu_report_export:
 * @self: a #HuReport
 * @format: the format
 * @path: the file to write; replaced atomically
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Returns: %TRUE if @path was written
 */
gboolean
hu_report_export (HuReport        *self,
                  HuReportFormat   format,
                  const char      *path,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (HU_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = hu_report_export_bytes (self, format, cancellable, error);
  if (bytes == NULL)
    return FALSE;
  /* Last chance to cancel before the file is touched. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  return _hu_write_file_atomic (path, data, length, error);
}

const char *
hu_report_get_title (HuReport *self)
{
  g_return_val_if_fail (HU_IS_REPORT (self), NULL);
  return self->title;
}

guint
hu_report_get_n_scenarios (HuReport *self)
{
  g_return_val_if_fail (HU_IS_REPORT (self), 0);
  return self->scenarios->len;
}

guint
hu_report_get_n_runs (HuReport *self)
{
  g_return_val_if_fail (HU_IS_REPORT (self), 0);
  return self->runs->len;
}

void
hu_report_get_page_size (HuReport *self,
                         double   *width_pt,
                         double   *height_pt)
{
  double w, h;

  g_return_if_fail (HU_IS_REPORT (self));

  _hu_report_paper_size (self->paper, &w, &h);
  if (width_pt != NULL)
    *width_pt = w;
  if (height_pt != NULL)
    *height_pt = h;
}

guint
hu_report_get_n_pages (HuReport *self)
{
  g_return_val_if_fail (HU_IS_REPORT (self), 0);
  return _hu_report_paginate (self, NULL, -1, NULL);
}

/**
 * hu_report_render_page:
 * @self: a #HuReport
 * @page: 0-based page number
 * @cr: where to draw
 * @width: box to fit the page into
 * @height: box to fit the page into
 *
 * Draws one PDF page for a preview, with the same code as the PDF.
 *
 * Returns: %FALSE if there is no such page
 */
gboolean
hu_report_render_page (HuReport *self,
                       guint     page,
                       cairo_t  *cr,
                       double    width,
                       double    height)
{
  double pw, ph, scale;
  guint n;

  g_return_val_if_fail (HU_IS_REPORT (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  _hu_report_paper_size (self->paper, &pw, &ph);
  scale = MIN (width / pw, height / ph);

  cairo_save (cr);
  cairo_translate (cr, (width - pw * scale) / 2, (height - ph * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, pw, ph);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  n = _hu_report_paginate (self, cr, (int) page, NULL);
  cairo_restore (cr);

  return page < n;
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                 */

static void
hu_report_finalize (GObject *object)
{
  HuReport *self = (HuReport *) object;

  g_free (self->title);
  g_free (self->author);
  g_free (self->notes);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_free (self->currency);
  g_free (self->baseline_id);
  g_free (self->subject_id);
  g_ptr_array_unref (self->scenarios);
  g_ptr_array_unref (self->runs);
  g_ptr_array_unref (self->equivalences);
  g_ptr_array_unref (self->references);
  g_free (self->equivalence_set_name);
  g_free (self->equivalence_set_source);
  g_free (self->pdf_digest);
  g_mutex_clear (&self->pdf_lock);

  G_OBJECT_CLASS (hu_report_parent_class)->finalize (object);
}

static void
hu_report_class_init (HuReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hu_report_finalize;
}

static void
hu_report_init (HuReport *self)
{
  _hu_report_snapshot_init (self);
  g_mutex_init (&self->pdf_lock);
}
