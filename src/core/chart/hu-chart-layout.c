/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "hu-util-private.h"
#include "hu-chart-private.h"
#include "hu-text.h"

/* Layout helpers shared by every kind of chart, and the layout cache:
 * a layout is computed only when the data, the size or the font change. */

/* ---------------------------------------------------------------------- */
/* Layout helpers                                                          */


PangoLayout *
_hu_chart_make_text (Ctx         *ctx,
                     const char  *text,
                     double       size_factor,
                     gboolean     bold,
                     double       max_width,
                     int          max_lines)
{
  PangoLayout *pl = pango_layout_new (ctx->chart->context);
  g_autoptr(PangoFontDescription) font = NULL;
  double size;

  font = ctx->style->font != NULL ? pango_font_description_copy (ctx->style->font)
                                  : pango_font_description_from_string ("Sans 10");
  size = pango_font_description_get_size (font);
  if (size <= 0)
    size = 10 * PANGO_SCALE;
  size *= size_factor * (ctx->style->font_scale > 0 ? ctx->style->font_scale : 1.0);
  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, size);
  else
    pango_font_description_set_size (font, (int) size);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);

  pango_layout_set_font_description (pl, font);
  if (hu_text_is_printable (text, HU_TEXT_NONE))
    pango_layout_set_text (pl, text, -1);
  else
    {
      g_autofree char *clean = hu_text_printable (text, HU_TEXT_NONE);
      pango_layout_set_text (pl, clean, -1);
    }
  if (max_width > 0)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      /* Between words only, and never with a hyphen a word does not have:
       * Pango 1.50 broke a word too wide for its line and added one
       * ("request-s a day"). A word wider than the label is cut at its
       * end by the ellipsis rather than broken. */
      pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
      pango_layout_set_attributes (pl, attrs);
      pango_layout_set_width (pl, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (pl, PANGO_WRAP_WORD);
      pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (pl, -MAX (max_lines, 1));
    }

  return pl;
}

void
_hu_chart_text_size (PangoLayout *pl,
                     double      *w,
                     double      *h)
{
  PangoRectangle logical;

  pango_layout_get_extents (pl, NULL, &logical);
  if (w != NULL)
    *w = (double) logical.width / PANGO_SCALE;
  if (h != NULL)
    *h = (double) logical.height / PANGO_SCALE;
}

/* Adds a text item; @ax/@ay anchor it (0 left/top, 0.5 centre, 1 right/
 * bottom) at (x, y). Returns its height. */
double
_hu_chart_add_text (Ctx         *ctx,
                    PangoLayout *pl,
                    double       x,
                    double       y,
                    double       ax,
                    double       ay,
                    Role         role)
{
  TextItem *item = g_new0 (TextItem, 1);
  double w, h;

  _hu_chart_text_size (pl, &w, &h);
  /* With a set width, alignment happens inside the layout box. */
  if (pango_layout_get_width (pl) > 0)
    w = pango_layout_get_width (pl) / (double) PANGO_SCALE;
  item->layout = pl;
  item->x = x - ax * w;
  item->y = y - ay * h;
  item->role = role;
  g_ptr_array_add (ctx->layout->texts, item);
  return h;
}

/* A line chart's series in its style (hu_chart_set_series_line()): the
 * legend's samples are laid out, and the lines drawn, this wide. */
double
_hu_chart_line_width (HuLineStyle line)
{
  return line == HU_LINE_WIDE ? 5 : 2;
}

void
_hu_chart_add_rect (Ctx   *ctx,
                    double x,
                    double y,
                    double w,
                    double h,
                    Role   role,
                    guint  palette,
                    int    series,
                    int    category,
                    double value)
{
  RectItem item = { x, y, w, h, role, palette, series, category, value };

  g_array_append_val (ctx->layout->rects, item);
}

void
_hu_chart_add_line (Ctx     *ctx,
                    double   x0,
                    double   y0,
                    double   x1,
                    double   y1,
                    Role     role,
                    gboolean dashed)
{
  LineItem item = { x0, y0, x1, y1, role, dashed };

  g_array_append_val (ctx->layout->lines, item);
}

static double
nice_num (double   x,
          gboolean round_it)
{
  double e = floor (log10 (x));
  double f = x / pow (10, e);
  double nf;

  if (round_it)
    nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
  else
    nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;

  return nf * pow (10, e);
}


void
_hu_chart_axis_clear (Axis *axis)
{
  g_clear_pointer (&axis->symbol, g_free);
}

static gboolean
has_smaller_unit (HuUnitKind unit)
{
  return unit != HU_UNIT_PLAIN && unit != HU_UNIT_CURRENCY && unit != HU_UNIT_FLOPS;
}

/* The smallest non-zero figure a bar of @self is labelled with (see
 * _hu_chart_bar_value_label()): stacked and ranked bars are labelled with
 * their category's total, grouped bars and tornado ends with each value.
 * 0 when there is none. */
double
_hu_chart_smallest_bar (HuChart *self)
{
  gboolean totals = self->stacked || self->kind == HU_CHART_RANKED;
  double smallest = G_MAXDOUBLE;

  for (guint c = 0; c < self->categories->len; c++)
    {
      double v = totals ? _hu_chart_category_extent (self, c) : NAN;

      if (isfinite (v) && v != 0)
        smallest = MIN (smallest, fabs (v));
      for (guint s = 0; !totals && s < self->series->len; s++)
        {
          v = _hu_chart_series_value (g_ptr_array_index (self->series, s), c);
          if (isfinite (v) && v != 0)
            smallest = MIN (smallest, fabs (v));
        }
    }
  return smallest < G_MAXDOUBLE ? smallest : 0;
}

/* Whether some bar's label, written in the table's scale the chart was
 * given (hu_chart_set_label_scale()), is not in the axis' unit: a value
 * the table's unit would hide goes to its own, or the table's unit is
 * not the axis'. Its labels then carry their units. */
static gboolean
labels_leave_axis_unit (const Axis *axis,
                        HuChart    *self)
{
  gboolean totals = self->stacked || self->kind == HU_CHART_RANKED;

  for (guint c = 0; c < self->categories->len; c++)
    for (guint s = 0; s < (totals ? 1 : self->series->len); s++)
      {
        double v = totals ? _hu_chart_category_extent (self, c)
                          : _hu_chart_series_value (g_ptr_array_index (self->series, s), c);
        HuUnitScale own;

        if (!isfinite (v) || v == 0)
          continue;
        hu_unit_scale_resolve (&axis->label_scale, v, &own);
        if (own.divisor != axis->divisor)
          return TRUE;
      }
  return FALSE;
}

/* Ticks at 1, 2 or 5 × 10ⁿ of the displayed unit, so "days" ticks are
 * whole days and "MWh" ticks are round megawatt-hours. */
void
_hu_chart_axis_init (Axis       *axis,
                     HuChart    *self,
                     HuUnitKind  unit,
                     double      lo,
                     double      hi,
                     int         target)
{
  double slo, shi, range, step;

  axis->unit = unit;
  if (!isfinite (lo) || !isfinite (hi))
    lo = hi = 0;
  if (hi <= lo)
    hi = lo + (lo == 0 ? 1 : fabs (lo) * 0.1);

  /* The value axis' unit serves its bars' labels too (issue 10): a kt
   * axis whose bars read "7.05 t" names two units for one chart, so the
   * axis goes down to t when a bar needs it (hu_unit_scale_init_axis()).
   * Only a chart no one unit can show labels each bar in its own. */
  {
    gboolean bars = unit == self->unit && self->categories->len > 0;
    HuUnitScale scale;

    axis->bar_units = !hu_unit_scale_init_axis (&scale, unit, MAX (fabs (lo), fabs (hi)),
                                                bars ? _hu_chart_smallest_bar (self) : 0,
                                                self->currency, 0) &&
                      has_smaller_unit (unit);
    axis->divisor = scale.divisor;
    axis->symbol = hu_unit_scale_symbol (&scale, HU_UNITS_DEFAULT);
    /* A table's scale is for the bars, not for another axis (a line
     * chart's x). */
    axis->has_label_scale = bars && self->has_label_scale && self->label_scale.kind == unit;
    if (axis->has_label_scale)
      {
        axis->label_scale = self->label_scale;
        axis->label_scale.currency = self->currency;
        axis->bar_units = axis->bar_units || labels_leave_axis_unit (axis, self);
      }
  }
  slo = lo / axis->divisor;
  shi = hi / axis->divisor;
  range = nice_num (shi - slo, FALSE);
  step = nice_num (range / MAX (target - 1, 1), TRUE);
  axis->step = step * axis->divisor;
  axis->lo = floor (slo / step + 1e-9) * step * axis->divisor;
  axis->hi = ceil (shi / step - 1e-9) * step * axis->divisor;
  axis->decimals = MAX (0, (int) -floor (log10 (step) + 1e-9));
}

char *
_hu_chart_axis_tick_label (const Axis *axis,
                           double      value)
{
  return _hu_format_decimals (value / axis->divisor, axis->decimals);
}

char *
_hu_chart_axis_title (const char *label,
                      const Axis *axis)
{
  if (axis->symbol == NULL || axis->symbol[0] == '\0')
    return g_strdup (label != NULL ? label : "");
  if (label == NULL || label[0] == '\0')
    return g_strdup (axis->symbol);
  /* Translators: an axis title and its unit, "Energy (MWh)". */
  return g_strdup_printf (_("%s (%s)"), label, axis->symbol);
}

double
_hu_chart_axis_map (const Axis *axis,
                    double      value,
                    double      from,
                    double      to)
{
  return from + (value - axis->lo) / (axis->hi - axis->lo) * (to - from);
}

/* Title, subtitle and legend; returns the y below them. */
double
_hu_chart_layout_header (Ctx    *ctx,
                         double  width,
                         gboolean with_legend)
{
  HuChart *self = ctx->chart;
  double y = ctx->pad;
  double inner = MAX (width - 2 * ctx->pad, 1);

  if (self->title != NULL && self->title[0] != '\0')
    y += _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, self->title, 1.15, TRUE, inner, 2),
                             ctx->pad, y, 0, 0, ROLE_FOREGROUND);
  if (self->subtitle != NULL && self->subtitle[0] != '\0')
    y += _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, self->subtitle, 0.9, FALSE, inner, 2),
                             ctx->pad, y, 0, 0, ROLE_MUTED);

  if (with_legend && self->series->len > 0)
    {
      double x = ctx->pad;
      double swatch = ctx->line_h * 0.7;
      /* A line's sample is long enough to show its dashes. */
      double sample = self->kind == HU_CHART_LINE ? swatch * 2.4 : swatch;
      double row_h = ctx->line_h * 1.2;

      y += ctx->line_h * 0.3;
      for (guint i = 0; i < self->series->len; i++)
        {
          Series *series = g_ptr_array_index (self->series, i);
          PangoLayout *pl = _hu_chart_make_text (ctx, series->label, 0.9, FALSE, -1, 1);
          double w;

          _hu_chart_text_size (pl, &w, NULL);
          w = MIN (w, inner - sample - ctx->pad);
          if (w < 0)
            w = 0;
          if (x > ctx->pad && x + sample + 4 + w > width - ctx->pad)
            {
              x = ctx->pad;
              y += row_h;
            }
          pango_layout_set_width (pl, (int) (w * PANGO_SCALE) + PANGO_SCALE);
          pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_END);
          if (self->kind == HU_CHART_LINE)
            {
              /* A line chart's legend shows each line as drawn: its
               * width and dashes tell lines of similar colours apart. */
              LineItem item = { x, y + row_h / 2, x + sample, y + row_h / 2, ROLE_SERIES,
                                  series->line == HU_LINE_DASHED, i,
                                  _hu_chart_line_width (series->line) };

              g_array_append_val (ctx->layout->lines, item);
            }
          else
            _hu_chart_add_rect (ctx, x, y + (row_h - swatch) / 2, swatch, swatch,
                                ROLE_SERIES, i, -1, -1, NAN);
          _hu_chart_add_text (ctx, pl, x + sample + 4, y + row_h / 2, 0, 0.5, ROLE_FOREGROUND);
          x += sample + 4 + w + ctx->line_h;
        }
      y += row_h;
    }

  return y + ctx->line_h * 0.3;
}

double
_hu_chart_series_value (Series *series,
                        guint   category)
{
  if (category >= series->values->len)
    return NAN;
  return g_array_index (series->values, double, category);
}

/* Sum of the stack (stacked) or largest value (grouped) of a category;
 * NAN when no series has a value. */
double
_hu_chart_category_extent (HuChart *self,
                           guint    category)
{
  double total = NAN;

  for (guint s = 0; s < self->series->len; s++)
    {
      double v = _hu_chart_series_value (g_ptr_array_index (self->series, s), category);

      if (!isfinite (v))
        continue;
      if (!isfinite (total))
        total = 0;
      if (self->stacked || self->kind == HU_CHART_RANKED)
        total += MAX (v, 0);
      else
        total = MAX (total, v);
    }

  return total;
}

double
_hu_chart_max_extent (HuChart *self)
{
  double max = 0;

  for (guint c = 0; c < self->categories->len; c++)
    {
      Category *category = g_ptr_array_index (self->categories, c);
      double v = _hu_chart_category_extent (self, c);

      if (isfinite (v))
        max = MAX (max, v);
      /* The whisker must fit on the axis too. */
      if (isfinite (category->high))
        max = MAX (max, category->high);
    }

  return max;
}

/* Value labels on bars show the number only (the axis title has the unit),
 * in the axis' unit, with three significant digits; the axis is in a unit
 * that gives every bar two digits where one can (_hu_chart_axis_init()).
 * Where none can (a bar of grams among tonnes) the tiny bar would read
 * "0.000000006" beside "72.6": every bar label then carries its own unit
 * ("0.00556 g", "72.6 t"), as hu_unit_scale_resolve() does for a table's
 * column, so no bare number reads as the smaller. Plain numbers and money
 * have no smaller unit to go to. A chart given a table's scale
 * (hu_chart_set_label_scale()) writes its bars as the table does. */
char *
_hu_chart_bar_value_label (const Axis *axis,
                           double      value)
{
  if (!isfinite (value))
    return g_strdup (_("n/a"));
  /* As the table beside the chart writes the same value. */
  if (axis->has_label_scale)
    {
      HuUnitScale own;

      hu_unit_scale_resolve (&axis->label_scale, value, &own);
      return axis->bar_units ? hu_unit_scale_format (&own, value, HU_UNITS_DEFAULT)
                             : hu_unit_scale_format_number (&own, value, HU_UNITS_DEFAULT);
    }
  if (axis->bar_units && has_smaller_unit (axis->unit))
    return hu_unit_format (axis->unit, value, NULL, 3);
  return _hu_format_significant (value / axis->divisor, 3);
}


/* ---------------------------------------------------------------------- */
/* Layout cache                                                            */


void
_hu_chart_path_item_free (gpointer data)
{
  PathItem *item = data;

  g_array_unref (item->points);
  g_free (item);
}

void
_hu_chart_text_item_free (gpointer data)
{
  TextItem *item = data;

  g_object_unref (item->layout);
  g_free (item);
}

void
_hu_chart_layout_free (Layout *layout)
{
  g_free (layout->font_key);
  g_ptr_array_unref (layout->texts);
  g_array_unref (layout->rects);
  g_array_unref (layout->lines);
  g_ptr_array_unref (layout->paths);
  g_clear_pointer (&layout->marks, g_array_unref);
  g_free (layout);
}

/* Shared by the layouts of every kind ------------------------------------ */

int
_hu_chart_tick_target (Ctx    *ctx,
                       double  length)
{
  return CLAMP ((int) (length / (ctx->line_h * 2.5)), 2, 8);
}

void
_hu_chart_layout_value_ticks_vertical (Ctx        *ctx,
                                       const Axis *axis,
                                       double      left,
                                       double      right,
                                       double      top,
                                       double      bottom)
{
  for (double v = axis->lo; v <= axis->hi + axis->step * 0.5; v += axis->step)
    {
      double y = _hu_chart_axis_map (axis, v, bottom, top);
      g_autofree char *label = _hu_chart_axis_tick_label (axis, v);

      _hu_chart_add_line (ctx, left, y, right, y, v == axis->lo ? ROLE_AXIS : ROLE_GRID, FALSE);
      _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, label, 0.85, FALSE, -1, 1),
                          left - ctx->line_h * 0.3, y, 1, 0.5, ROLE_MUTED);
    }
}

double
_hu_chart_ticks_label_width (Ctx        *ctx,
                             const Axis *axis)
{
  double max_w = 0;

  for (double v = axis->lo; v <= axis->hi + axis->step * 0.5; v += axis->step)
    {
      g_autofree char *label = _hu_chart_axis_tick_label (axis, v);
      g_autoptr(PangoLayout) pl = _hu_chart_make_text (ctx, label, 0.85, FALSE, -1, 1);
      double w;

      _hu_chart_text_size (pl, &w, NULL);
      max_w = MAX (max_w, w);
    }

  return max_w;
}

/* A range drawn as a line with a cap at each end (|—|). */
void
_hu_chart_add_whisker (Ctx    *ctx,
                       double  x0,
                       double  y0,
                       double  x1,
                       double  y1,
                       double  cap)
{
  _hu_chart_add_line (ctx, x0, y0, x1, y1, ROLE_FOREGROUND, FALSE);
  if (x0 == x1)
    {
      _hu_chart_add_line (ctx, x0 - cap, y0, x0 + cap, y0, ROLE_FOREGROUND, FALSE);
      _hu_chart_add_line (ctx, x1 - cap, y1, x1 + cap, y1, ROLE_FOREGROUND, FALSE);
    }
  else
    {
      _hu_chart_add_line (ctx, x0, y0 - cap, x0, y0 + cap, ROLE_FOREGROUND, FALSE);
      _hu_chart_add_line (ctx, x1, y1 - cap, x1, y1 + cap, ROLE_FOREGROUND, FALSE);
    }
}
