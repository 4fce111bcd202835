/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Chart"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hu-chart-private.h"

/* ---------------------------------------------------------------------- */
/* Style                                                                   */

/* One colour of each GNOME palette family: eight GPUs in a power chart
 * are eight colours (a teal beside the blue read as two blues). */
static const char *light_palette[HU_CHART_PALETTE_SIZE] = {
  "#1c71d8", "#e66100", "#26a269", "#813d9c",
  "#c01c28", "#986a44", "#e5a50a", "#5e5c64",
};

static const char *dark_palette[HU_CHART_PALETTE_SIZE] = {
  "#62a0ea", "#ffa348", "#57e389", "#c061cb",
  "#f66151", "#cdab8f", "#f8e45c", "#c0bfbc",
};

gboolean
hu_color_parse (HuColor    *color,
                const char *spec)
{
  guint r, g, b, a = 255;
  gsize len;

  g_return_val_if_fail (color != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  len = strlen (spec);
  if (spec[0] != '#' || (len != 7 && len != 9))
    return FALSE;
  if (sscanf (spec + 1, "%2x%2x%2x", &r, &g, &b) != 3)
    return FALSE;
  if (len == 9 && sscanf (spec + 7, "%2x", &a) != 1)
    return FALSE;

  color->red = r / 255.0;
  color->green = g / 255.0;
  color->blue = b / 255.0;
  color->alpha = a / 255.0;
  return TRUE;
}

/**
 * hu_chart_style_init:
 * @style: (out caller-allocates): the style to fill
 * @dark: whether to use colours for a dark background
 *
 * Fills @style with the Adwaita-like defaults the exporters use. Free it
 * with hu_chart_style_clear().
 */
void
hu_chart_style_init (HuChartStyle *style,
                     gboolean      dark)
{
  const char **palette = dark ? dark_palette : light_palette;

  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  hu_color_parse (&style->foreground, dark ? "#ffffff" : "#241f31");
  hu_color_parse (&style->background, dark ? "#1e1e1e" : "#ffffff");
  hu_color_parse (&style->grid, dark ? "#ffffff26" : "#0000001f");
  hu_color_parse (&style->accent, dark ? "#78aeed" : "#1c71d8");
  hu_color_parse (&style->highlight, dark ? "#ffa348" : "#e66100");
  for (guint i = 0; i < HU_CHART_PALETTE_SIZE; i++)
    hu_color_parse (&style->palette[i], palette[i]);
  style->font = pango_font_description_from_string ("Sans 10");
  style->font_scale = 1.0;
}

void
hu_chart_style_copy (const HuChartStyle *src,
                     HuChartStyle       *dest)
{
  g_return_if_fail (src != NULL);
  g_return_if_fail (dest != NULL);

  *dest = *src;
  dest->font = src->font != NULL ? pango_font_description_copy (src->font) : NULL;
}

void
hu_chart_style_clear (HuChartStyle *style)
{
  g_return_if_fail (style != NULL);

  g_clear_pointer (&style->font, pango_font_description_free);
}

const HuChartStyle *
_hu_chart_default_style (void)
{
  static HuChartStyle style;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      hu_chart_style_init (&style, FALSE);
      g_once_init_leave (&initialized, 1);
    }

  return &style;
}

/* What of @style changes a text's size: a layout or a measure made with
 * one key holds while the key is the same. */
char *
_hu_chart_font_key (const HuChartStyle *style)
{
  g_autofree char *desc = style->font != NULL ? pango_font_description_to_string (style->font)
                                              : g_strdup ("");

  return g_strdup_printf ("%s@%g", desc, style->font_scale);
}
