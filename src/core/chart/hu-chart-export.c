/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "hu-chart-private.h"
#include "hu-text.h"
#include "hu-util-private.h"

/* ---------------------------------------------------------------------- */
/* Export                                                                  */

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
finish_surface (cairo_surface_t  *surface,
                GError          **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, HU_CHART_ERROR, HU_CHART_ERROR_FAILED,
                   _("Could not draw the chart: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* cairo draws text as glyph outlines; a <title> and <desc> carry the
 * chart's words for search, screen readers and anyone grepping the file. */
static GByteArray *
svg_add_text (HuChart    *self,
              GByteArray *bytes)
{
  /* XML 1.0 has no character reference for most C0 controls ("&#x1b;" is
   * ill-formed): they are replaced before escaping. */
  g_autofree char *clean_title = hu_text_printable (self->title, HU_TEXT_ONE_LINE);
  g_autofree char *title = g_markup_escape_text (clean_title != NULL ? clean_title : "", -1);
  g_autofree char *text = hu_chart_accessible_text (self);
  g_autofree char *clean_text = hu_text_printable (text, HU_TEXT_NONE);
  g_autofree char *desc = g_markup_escape_text (clean_text, -1);
  g_autofree char *insert = g_strdup_printf ("\n<title>%s</title>\n<desc>%s</desc>", title, desc);
  const char *start = (const char *) bytes->data;
  const char *svg;
  const char *end;
  GByteArray *out;

  svg = g_strstr_len (start, bytes->len, "<svg");
  end = svg != NULL ? memchr (svg, '>', bytes->len - (svg - start)) : NULL;
  if (end == NULL)
    return g_byte_array_ref (bytes);

  out = g_byte_array_sized_new (bytes->len + strlen (insert));
  g_byte_array_append (out, bytes->data, end + 1 - start);
  g_byte_array_append (out, (const guint8 *) insert, strlen (insert));
  g_byte_array_append (out, (const guint8 *) end + 1, bytes->len - (end + 1 - start));
  return out;
}

/* A PNG is held in memory whole, 4 bytes a pixel: 30,000 × 30,000 took
 * 3.5 GB. 10,000 pixels a side is more than any print needs; the area
 * bound keeps the largest PNG near 160 MB. */
#define CHART_MAX_SIDE 10000
#define CHART_MAX_MEGAPIXELS 40

static gboolean
check_size (double   width,
            double   height,
            GError **error)
{
  if (width >= 1 && height >= 1 && width <= CHART_MAX_SIDE && height <= CHART_MAX_SIDE)
    return TRUE;

  g_set_error (error, HU_CHART_ERROR, HU_CHART_ERROR_FAILED,
               _("A chart of %g × %g pixels cannot be made: each side must be 1 to %d pixels"),
               width, height, CHART_MAX_SIDE);
  return FALSE;
}

GBytes *
_hu_chart_to_svg (HuChart            *self,
                  double              width,
                  double              height,
                  const HuChartStyle *style,
                  GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  if (!check_size (width, height, error))
    return NULL;

  surface = cairo_svg_surface_create_for_stream (append_to_bytes, bytes, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  hu_chart_render (self, cr, width, height, style);
  cairo_destroy (cr);
  ok = finish_surface (surface, error);
  cairo_surface_destroy (surface);
  if (!ok)
    return NULL;

  return g_byte_array_free_to_bytes (svg_add_text (self, bytes));
}

GBytes *
_hu_chart_to_png (HuChart            *self,
                  double              width,
                  double              height,
                  double              scale,
                  const HuChartStyle *style,
                  GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (!(scale > 0))
    {
      g_set_error (error, HU_CHART_ERROR, HU_CHART_ERROR_FAILED,
                   _("Invalid scale %g"), scale);
      return NULL;
    }
  if (!check_size (width * scale, height * scale, error))
    return NULL;
  if (width * scale * height * scale > CHART_MAX_MEGAPIXELS * 1e6)
    {
      g_set_error (error, HU_CHART_ERROR, HU_CHART_ERROR_FAILED,
                   _("A PNG of %g × %g pixels cannot be made: the most is %d million pixels in all"),
                   width * scale, height * scale, CHART_MAX_MEGAPIXELS);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                        (int) ceil (height * scale));
  cr = cairo_create (surface);
  /* Scale the context, not the layout: a 2× PNG is the 1× picture with
   * twice the pixels, exactly what slides need. */
  cairo_scale (cr, scale, scale);
  hu_chart_render (self, cr, width, height, style);
  cairo_destroy (cr);

  status = cairo_surface_write_to_png_stream (surface, append_to_bytes, bytes);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, HU_CHART_ERROR, HU_CHART_ERROR_FAILED,
                   _("Could not draw the chart: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static gboolean
write_bytes (const char  *path,
             GBytes      *bytes,
             GError     **error)
{
  gsize length;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return _hu_write_file_atomic (path, data, length, error);
}

gboolean
hu_chart_save_svg (HuChart            *self,
                   const char         *path,
                   double              width,
                   double              height,
                   const HuChartStyle *style,
                   GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (HU_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = _hu_chart_to_svg (self, width, height, style, error);
  return write_bytes (path, bytes, error);
}

gboolean
hu_chart_save_pdf (HuChart            *self,
                   const char         *path,
                   double              width,
                   double              height,
                   const HuChartStyle *style,
                   GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  g_return_val_if_fail (HU_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_size (width, height, error))
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Huella " PACKAGE_VERSION);
  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cr = cairo_create (surface);
  hu_chart_render (self, cr, width, height, style);
  cairo_destroy (cr);
  ok = finish_surface (surface, error);
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;

  return _hu_write_file_atomic (path, (const char *) bytes->data, bytes->len, error);
}

gboolean
hu_chart_save_png (HuChart            *self,
                   const char         *path,
                   double              width,
                   double              height,
                   double              scale,
                   const HuChartStyle *style,
                   GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (HU_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = _hu_chart_to_png (self, width, height, scale, style, error);
  return write_bytes (path, bytes, error);
}
