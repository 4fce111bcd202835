/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "hu-report-pdf-private.h"
#include "hu-text.h"

/*
 * The PDF's pages: where the next block goes, when a page ends, its
 * footer, and text laid out as both pagination passes measure it. The
 * blocks (hu-report-pdf.c) and the tables (hu-report-pdf-table.c) flow
 * through these.
 */

/* The cairo context for the current page, or NULL when this page is only
 * being measured (counting pass, or a preview of another page). */
cairo_t *
_hu_pdf_pager_cr (Pager *p)
{
  if (p->cr == NULL)
    return NULL;
  if (p->only_page >= 0 && (guint) p->only_page != p->page)
    return NULL;
  return p->cr;
}

/* "3.14 × 10²³" is one number: its spaces become no-break spaces, so a
 * narrow cell never leaves "× 10²³" on a line of its own. Only a power of
 * ten is glued (a digit, " × 10", a superscript digit or minus), never a
 * product of quantities. Returns @text itself when there is nothing to
 * glue, else a new string in @out. */
const char *
_hu_pdf_glue_numbers (const char  *text,
                      char       **out)
{
  static const char times[] = " \u00d7 10";
  GString *glued = NULL;
  const char *copied = text, *p = text, *hit;

  *out = NULL;
  if (text == NULL)
    return NULL;
  while ((hit = strstr (p, times)) != NULL)
    {
      const char *after = hit + strlen (times);
      gunichar next = g_utf8_get_char (after);

      if (hit > text && g_ascii_isdigit (hit[-1]) &&
          (next == 0x207B || next == 0x00B9 || next == 0x00B2 || next == 0x00B3 ||
           (next >= 0x2070 && next <= 0x2079)))
        {
          if (glued == NULL)
            glued = g_string_new (NULL);
          g_string_append_len (glued, copied, hit - copied);
          g_string_append (glued, "\u00a0\u00d7\u00a010");
          copied = after;
        }
      p = after;
    }
  if (glued == NULL)
    return text;
  g_string_append (glued, copied);
  *out = g_string_free (glued, FALSE);
  return *out;
}

/* "GPU-h", "GPU-hora", "CO₂eq/kWh" are words: a cell never ends a line
 * after their hyphen or slash (the tables measure words between spaces).
 * Long ones (paths, ids) may still break. */
static void
keep_hyphenated_words (PangoLayout *layout,
                       const char  *text)
{
  PangoAttrList *attrs = NULL;

  for (const char *hyphen = strpbrk (text, "-/"); hyphen != NULL; hyphen = strpbrk (hyphen + 1, "-/"))
    {
      const char *start = hyphen, *end = hyphen;
      PangoAttribute *attr;

      if (hyphen == text || !g_ascii_isalnum (hyphen[-1]) || !g_ascii_isalnum (hyphen[1]))
        continue;
      while (start > text && start[-1] != ' ' && start[-1] != '\n')
        start--;
      while (*end != '\0' && *end != ' ' && *end != '\n')
        end++;
      if (end - start > 24)
        continue;
      if (attrs == NULL)
        attrs = pango_attr_list_new ();
      attr = pango_attr_allow_breaks_new (FALSE);
      attr->start_index = start - text;
      attr->end_index = end - text;
      pango_attr_list_insert (attrs, attr);
      hyphen = end - 1;
    }
  if (attrs != NULL)
    {
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
}

PangoLayout *
_hu_pdf_pager_text (Pager      *p,
                    const char *text,
                    double      size,
                    gboolean    bold,
                    double      width,
                    int         max_lines)
{
  PangoLayout *layout = pango_layout_new (p->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  /* Names and notes come from files: no control characters on paper. */
  g_autofree char *glued = NULL;
  g_autofree char *clean = hu_text_printable (_hu_pdf_glue_numbers (text, &glued), HU_TEXT_NONE);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, clean != NULL ? clean : "", -1);
  if (clean != NULL)
    keep_hyphenated_words (layout, clean);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (max_lines > 0)
    {
      /* Never let a cell grow past a page: cut and ellipsize instead. */
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

double
_hu_pdf_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

void
_hu_pdf_set_grey (cairo_t *cr,
                  double   level)
{
  cairo_set_source_rgb (cr, level, level, level);
}

void
_hu_pdf_draw_footer (Pager *p)
{
  cairo_t *cr = _hu_pdf_pager_cr (p);
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  g_autofree char *page_text = NULL;
  double y = p->page_h - MARGIN_BOTTOM + 18;

  if (cr == NULL)
    return;

  /* Translators: page footer, "Page 2 of 7". */
  page_text = g_strdup_printf (_("Page %u of %u"), p->page + 1, MAX (p->total, p->page + 1));
  left = _hu_pdf_pager_text (p, p->report->title, 7.5, FALSE, p->content_w * 0.7, 1);
  right = _hu_pdf_pager_text (p, page_text, 7.5, FALSE, p->content_w * 0.3, 1);
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);

  cairo_set_line_width (cr, 0.5);
  _hu_pdf_set_grey (cr, 0.7);
  cairo_move_to (cr, MARGIN_X, y - 4);
  cairo_line_to (cr, MARGIN_X + p->content_w, y - 4);
  cairo_stroke (cr);

  _hu_pdf_set_grey (cr, 0.35);
  cairo_move_to (cr, MARGIN_X, y);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, MARGIN_X + p->content_w * 0.7, y);
  pango_cairo_show_layout (cr, right);
}

void
_hu_pdf_new_page (Pager *p)
{
  if (p->cr != NULL && p->show_pages)
    cairo_show_page (p->cr);
  p->page++;
  p->y = MARGIN_TOP;
  _hu_pdf_draw_footer (p);
}

double
_hu_pdf_space_left (Pager *p)
{
  return p->page_h - MARGIN_BOTTOM - p->y;
}

/* Starts a new page unless @height fits (and the page is not fresh). */
void
_hu_pdf_ensure_space (Pager  *p,
                      double  height)
{
  if (height > _hu_pdf_space_left (p) && p->y > MARGIN_TOP + 0.5)
    _hu_pdf_new_page (p);
}

void
_hu_pdf_show_at (Pager       *p,
                 PangoLayout *layout,
                 double       x,
                 double       y)
{
  cairo_t *cr = _hu_pdf_pager_cr (p);

  if (cr == NULL)
    return;
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

double
_hu_pdf_natural_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}
