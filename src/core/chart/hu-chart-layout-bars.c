/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "hu-util-private.h"
#include "hu-chart-private.h"

/* ---------------------------------------------------------------------- */
/* Vertical bars                                                           */

/* One line, ellipsized at ten lines' height: the start of a name is what
 * people read first and usually what tells scenarios apart. */
static PangoLayout *
rotated_label (Ctx      *ctx,
               Category *category)
{
  PangoLayout *pl = _hu_chart_make_text (ctx, category->label, 0.85, category->highlight, -1, 1);

  pango_layout_set_width (pl, (int) (ctx->line_h * 10 * PANGO_SCALE));
  pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_END);
  return pl;
}

/* A label turned 45° counter-clockwise whose end sits at (x, y), under
 * its bar, reading upwards to the right like the bars' own direction. */
static void
add_rotated_label (Ctx         *ctx,
                   PangoLayout *pl,
                   double       x,
                   double       y,
                   Role         role)
{
  TextItem *item;
  double w, h;

  _hu_chart_text_size (pl, &w, &h);
  _hu_chart_add_text (ctx, pl, x, y, 0, 0, role);
  item = g_ptr_array_index (ctx->layout->texts, ctx->layout->texts->len - 1);
  item->x = x;
  item->y = y;
  item->angle = -G_PI / 4;
  item->dx = -w;
  item->dy = -h / 2;
}

void
_hu_chart_layout_bars (Ctx    *ctx,
                       double  width,
                       double  height)
{
  HuChart *self = ctx->chart;
  guint n_cat = self->categories->len;
  guint n_ser = MAX (self->series->len, 1);
  Axis axis = { 0 };
  g_autofree char *title = NULL;
  double top, left, right, bottom, slot, labels_h = 0;
  double label_room = ctx->line_h * 1.1;
  gboolean rotate;
  guint step = 1;
  double first_reach = 0;

  top = _hu_chart_layout_header (ctx, width, self->series->len > 1);

  _hu_chart_axis_init (&axis, self, self->unit, 0, _hu_chart_max_extent (self),
                       _hu_chart_tick_target (ctx, height - top - 4 * ctx->line_h));
  title = _hu_chart_axis_title (self->y_label, &axis);
  top += _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, title, 0.85, FALSE,
                                                       width - 2 * ctx->pad, 1),
                             ctx->pad, top, 0, 0, ROLE_MUTED);
  top += label_room;

  left = ctx->pad + _hu_chart_ticks_label_width (ctx, &axis) + ctx->line_h * 0.5;
  right = width - ctx->pad;
  slot = n_cat > 0 ? (right - left) / n_cat : right - left;

  /* Category labels wrap to their slot, at most three lines, then ellipsize:
   * long scenario names never run into their neighbours. Slots too narrow
   * for a word (30 scenarios side by side) turn their labels by 45°
   * instead, ending under their bar; if even those would touch, every
   * step-th label is shown. */
  rotate = n_cat > 0 && slot < ctx->line_h * 4;
  if (rotate)
    step = MAX (1, (guint) ceil (ctx->line_h * 1.05 / (slot * M_SQRT1_2)));
  for (guint c = 0; c < n_cat; c++)
    {
      Category *category = g_ptr_array_index (self->categories, c);
      g_autoptr(PangoLayout) pl = rotate ? rotated_label (ctx, category)
                                         : _hu_chart_make_text (ctx, category->label, 0.9,
                                                                category->highlight,
                                                                MAX (slot - 4, 8), 3);
      double w, h;

      pango_layout_set_alignment (pl, PANGO_ALIGN_CENTER);
      _hu_chart_text_size (pl, &w, &h);
      labels_h = MAX (labels_h, rotate ? (w + h) * M_SQRT1_2 : h);
      /* The first bars' labels reach left of the plot: make room. */
      if (rotate)
        first_reach = MAX (first_reach, (w + h) * M_SQRT1_2 - slot * (c + 0.5));
    }
  if (rotate && left < ctx->pad + first_reach)
    {
      left = ctx->pad + first_reach;
      slot = (right - left) / n_cat;
    }
  bottom = height - ctx->pad - labels_h - ctx->line_h * 0.3;
  if (bottom < top + ctx->line_h)
    bottom = top + ctx->line_h;

  ctx->layout->plot = (cairo_rectangle_t) { left, top, right - left, bottom - top };
  _hu_chart_layout_value_ticks_vertical (ctx, &axis, left, right, top, bottom);

  for (guint c = 0; c < n_cat; c++)
    {
      Category *category = g_ptr_array_index (self->categories, c);
      double cx = left + slot * (c + 0.5);
      double extent = _hu_chart_category_extent (self, c);
      PangoLayout *pl;

      if (category->highlight)
        _hu_chart_add_rect (ctx, left + slot * c, top - label_room, slot, bottom - top + label_room,
                            ROLE_HIGHLIGHT_BAND, 0, -1, -1, NAN);

      if (rotate)
        {
          /* The highlighted (baseline) label is always shown. */
          if (c % step == 0 || category->highlight)
            add_rotated_label (ctx, rotated_label (ctx, category), cx,
                               bottom + ctx->line_h * 0.3,
                               category->highlight ? ROLE_HIGHLIGHT : ROLE_FOREGROUND);
        }
      else
        {
          pl = _hu_chart_make_text (ctx, category->label, 0.9, category->highlight,
                                    MAX (slot - 4, 8), 3);
          pango_layout_set_alignment (pl, PANGO_ALIGN_CENTER);
          _hu_chart_add_text (ctx, pl, cx, bottom + ctx->line_h * 0.3, 0.5, 0,
                              category->highlight ? ROLE_HIGHLIGHT : ROLE_FOREGROUND);
        }

      if (self->stacked)
        {
          double bw = MIN (slot * 0.62, ctx->line_h * 6);
          double base = 0;

          for (guint s = 0; s < self->series->len; s++)
            {
              double v = _hu_chart_series_value (g_ptr_array_index (self->series, s), c);
              double y0, y1;

              if (!isfinite (v) || v <= 0)
                continue;
              y0 = _hu_chart_axis_map (&axis, base, bottom, top);
              y1 = _hu_chart_axis_map (&axis, base + v, bottom, top);
              _hu_chart_add_rect (ctx, cx - bw / 2, y1, bw, y0 - y1, ROLE_SERIES, s, s, c, v);
              base += v;
            }
          if (isfinite (category->low) && isfinite (category->high))
            _hu_chart_add_whisker (ctx, cx, _hu_chart_axis_map (&axis, category->low, bottom, top),
                                   cx, _hu_chart_axis_map (&axis, category->high, bottom, top),
                                   MIN (bw * 0.3, ctx->line_h * 0.6));
          {
            g_autofree char *text = _hu_chart_bar_value_label (&axis, extent);
            g_autoptr(PangoLayout) vl = _hu_chart_make_text (ctx, text, 0.85, FALSE, -1, 1);
            /* The label sits above the bar, or above its whisker. */
            double at = isfinite (extent) ? extent : 0;
            double w;

            if (isfinite (category->high))
              at = MAX (at, category->high);
            _hu_chart_text_size (vl, &w, NULL);
            if (w <= slot - 2)
              _hu_chart_add_text (ctx, g_steal_pointer (&vl), cx,
                                  _hu_chart_axis_map (&axis, at, bottom, top) - 2,
                                  0.5, 1, ROLE_FOREGROUND);
          }
        }
      else
        {
          double gw = slot * 0.8;
          double bw = gw / n_ser;

          for (guint s = 0; s < self->series->len; s++)
            {
              double v = _hu_chart_series_value (g_ptr_array_index (self->series, s), c);
              double bx = cx - gw / 2 + s * bw;
              double y1 = _hu_chart_axis_map (&axis, isfinite (v) ? MAX (v, 0) : 0, bottom, top);
              g_autofree char *text = _hu_chart_bar_value_label (&axis, v);
              g_autoptr(PangoLayout) vl = _hu_chart_make_text (ctx, text, 0.75, FALSE, -1, 1);
              double w;

              if (isfinite (v) && v > 0)
                _hu_chart_add_rect (ctx, bx + bw * 0.08, y1, bw * 0.84, bottom - y1, ROLE_SERIES,
                                    s, s, c, v);
              _hu_chart_text_size (vl, &w, NULL);
              if (w <= bw + 2)
                _hu_chart_add_text (ctx, g_steal_pointer (&vl), bx + bw / 2, y1 - 2, 0.5, 1,
                                    ROLE_FOREGROUND);
            }
        }
    }

  _hu_chart_axis_clear (&axis);
}

/* ---------------------------------------------------------------------- */
/* Ranked horizontal bars                                                  */

/* The widest category label, on one line; kept until the chart or the
 * font changes (HuChart's widest_label). */
static double
ranked_widest_label (Ctx *ctx)
{
  HuChart *self = ctx->chart;
  g_autofree char *key = _hu_chart_font_key (ctx->style);
  double max_w = 0;

  if (self->widest_font_key != NULL && self->widest_serial == self->serial
      && g_str_equal (self->widest_font_key, key))
    return self->widest_label;
  self->n_widest_measures++;

  for (guint c = 0; c < self->categories->len; c++)
    {
      Category *category = g_ptr_array_index (self->categories, c);
      g_autoptr(PangoLayout) pl = _hu_chart_make_text (ctx, category->label, 0.9,
                                                       category->highlight, -1, 1);
      double w;

      _hu_chart_text_size (pl, &w, NULL);
      max_w = MAX (max_w, w);
    }
  self->widest_label = max_w + 2;
  self->widest_serial = self->serial;
  g_free (self->widest_font_key);
  self->widest_font_key = g_steal_pointer (&key);
  return self->widest_label;
}

/* Half the width at most: at 360 px that holds "NVIDIA A100 SXM4 80GB"
 * whole and leaves the bars a third. */
static double
ranked_label_room (Ctx    *ctx,
                   double  width)
{
  return (width - 2 * ctx->pad) * 0.5;
}

/* A ranking longer than a screen (40 GPUs, 430 regions) repeats its
 * axis's figures above its first row: at the bottom alone, the gridlines
 * a person sees first had none. */
gboolean
_hu_chart_ranked_top_ticks (HuChart *self)
{
  return self->kind == HU_CHART_RANKED && self->categories->len > 12;
}

/* A row a line and a half high; on a phone, two lines of label and
 * their spacing when a label needs them ("NVIDIA B200 (HGX B200, per
 * GPU)" read "NVIDIA B20… 0, per GPU)" cut in its middle). On a wider
 * chart a name too long even for half of it is rare (a few of 430
 * regions) and keeps one line, cut in its middle, rather than making
 * every row taller. A tornado's rows are inputs' names: one line. */
#define RANKED_TWO_LINES_BELOW 600

double
_hu_chart_ranked_row_height (Ctx    *ctx,
                             double  width)
{
  if (ctx->chart->kind == HU_CHART_RANKED && width < RANKED_TWO_LINES_BELOW &&
      ranked_widest_label (ctx) > ranked_label_room (ctx, width))
    return ctx->line_h * 2.4;
  return ctx->line_h * 1.5;
}

static double
sorted_quantile (GArray *sorted,
                 double  q)
{
  double at = q * (sorted->len - 1);
  guint i = (guint) floor (at);
  double lo = g_array_index (sorted, double, i);
  double hi = g_array_index (sorted, double, MIN (i + 1, sorted->len - 1));

  return lo + (hi - lo) * (at - i);
}

/* Where a ranking's axis ends. A row far from the rest (What If's "All
 * GPUs": a Tesla K80 at 1,298 t beside GPUs under 70 t) left every other
 * bar a sliver; the axis then ends at the rest, and the far rows are
 * drawn broken with their whole figure. Far is Tukey's "far out", past
 * the upper quartile by three interquartile ranges, which a ranking of
 * grids from 1 to 1,300 g/kWh never is; and the cut is made only when
 * it gives the other bars at least twice the room. */
#define RANKED_CUT_MIN_ROWS 8

double
_hu_chart_ranked_axis_end (HuChart *self)
{
  g_autoptr(GArray) extents = g_array_new (FALSE, FALSE, sizeof (double));
  double max = _hu_chart_max_extent (self), q1, q3, fence, end = 0;

  for (guint c = 0; c < self->categories->len; c++)
    {
      Category *category = g_ptr_array_index (self->categories, c);
      double v = _hu_chart_category_extent (self, c);

      if (isfinite (category->high))
        v = isfinite (v) ? MAX (v, category->high) : category->high;
      if (isfinite (v) && v > 0)
        g_array_append_val (extents, v);
    }
  if (self->kind != HU_CHART_RANKED || extents->len < RANKED_CUT_MIN_ROWS)
    return max;

  g_array_sort (extents, _hu_compare_doubles);
  q1 = sorted_quantile (extents, 0.25);
  q3 = sorted_quantile (extents, 0.75);
  fence = q3 + 3 * (q3 - q1);
  for (guint i = 0; i < extents->len; i++)
    if (g_array_index (extents, double, i) <= fence)
      end = g_array_index (extents, double, i);
  return end * 2 <= max ? end : max;
}

/* A bar past the axis's end: past the last gridline into the room kept
 * for such bars (@axis_right to @right), broken by a gap with two
 * slanted strokes, as a cut axis is drawn on paper, and on to the plot's
 * edge. So it reads as longer than any bar on the axis, and as cut. The
 * first piece is the bar (tooltips find it); the rest is decoration. */
static double
add_broken_bar (Ctx    *ctx,
                double  left,
                double  axis_right,
                double  right,
                double  y,
                double  h,
                Role    role,
                guint   category,
                double  value)
{
  double gap_left = axis_right + ctx->line_h * 0.6, gap = ctx->line_h * 0.35;
  double slant = h * 0.3;

  _hu_chart_add_rect (ctx, left, y, gap_left - left, h, role, 0, 0, category, value);
  _hu_chart_add_rect (ctx, gap_left + gap, y, MAX (right - gap_left - gap, 1), h, role, 0, -1, -1,
                      NAN);
  for (int edge = 0; edge < 2; edge++)
    {
      double x = gap_left + edge * gap;

      _hu_chart_add_line (ctx, x - slant, y + h + 2, x + slant, y - 2, ROLE_FOREGROUND, FALSE);
    }
  return right;
}

/* The room past a cut axis's end where broken bars run on. */
static double
break_room (Ctx *ctx)
{
  return ctx->line_h * 2.2;
}

/* A bar longer than its axis: only past a cut (the axis's end rounds
 * up from the longest bar otherwise), and not by rounding. */
static gboolean
is_past_axis (const Axis *axis,
              double      v)
{
  return isfinite (v) && v > axis->hi * (1 + 1e-9);
}

/* The note under the axis's title saying how many bars run past it. */
static double
add_cut_note (Ctx    *ctx,
              double  width,
              double  top,
              guint   n_cut)
{
  g_autofree char *note = NULL;

  if (n_cut == 0)
    return 0;
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u bar runs past the end of the axis and is drawn broken, with its full value.",
                                       "%u bars run past the end of the axis and are drawn broken, with their full values.",
                                       n_cut),
                          n_cut);
  return _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, note, 0.85, FALSE,
                                                       width - 2 * ctx->pad, 2),
                             ctx->pad, top, 0, 0, ROLE_MUTED);
}

void
_hu_chart_layout_ranked (Ctx    *ctx,
                         double  width,
                         double  height)
{
  HuChart *self = ctx->chart;
  guint n = self->categories->len;
  Axis axis = { 0 };
  g_autofree char *title = NULL;
  double top, label_w, value_w = 0, bar_left, bar_right, axis_right, bottom, row_h;
  int label_lines;
  double last_label_y = -G_MAXDOUBLE;
  guint n_cut = 0;

  top = _hu_chart_layout_header (ctx, width, FALSE);
  label_w = MIN (ranked_widest_label (ctx), ranked_label_room (ctx, width));
  bar_left = ctx->pad + label_w + ctx->line_h * 0.5;

  _hu_chart_axis_init (&axis, self, self->unit, 0, _hu_chart_ranked_axis_end (self),
                       _hu_chart_tick_target (ctx, (width - bar_left) * 0.6));
  title = _hu_chart_axis_title (self->y_label, &axis);
  top += _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, title, 0.85, FALSE,
                                                       width - 2 * ctx->pad, 1),
                             ctx->pad, top, 0, 0, ROLE_MUTED);
  for (guint c = 0; c < n; c++)
    if (is_past_axis (&axis, _hu_chart_category_extent (self, c)))
      n_cut++;
  top += add_cut_note (ctx, width, top, n_cut);
  if (_hu_chart_ranked_top_ticks (self))
    top += ctx->line_h * 1.1;

  for (guint c = 0; c < n; c++)
    {
      g_autofree char *text = _hu_chart_bar_value_label (&axis, _hu_chart_category_extent (self,
                                                                                           c));
      g_autoptr(PangoLayout) pl = _hu_chart_make_text (ctx, text, 0.85, FALSE, -1, 1);
      double w;

      _hu_chart_text_size (pl, &w, NULL);
      value_w = MAX (value_w, w);
    }
  bar_right = MAX (width - ctx->pad - value_w - ctx->line_h * 0.4, bar_left + 1);
  axis_right = n_cut > 0 ? MAX (bar_right - break_room (ctx), bar_left + 1) : bar_right;
  bottom = height - ctx->pad - ctx->line_h * 1.2;
  row_h = n > 0 ? MAX ((bottom - top) / n, 1) : 1;
  /* Two lines of label where the rows were given the room for them
   * (hu_chart_get_preferred_height()), one where they were not. */
  label_lines = row_h >= ctx->line_h * 2.2 ? 2 : 1;
  ctx->layout->plot = (cairo_rectangle_t) { bar_left, top, bar_right - bar_left, bottom - top };

  for (double v = axis.lo; v <= axis.hi + axis.step * 0.5; v += axis.step)
    {
      double x = _hu_chart_axis_map (&axis, v, bar_left, axis_right);
      g_autofree char *label = _hu_chart_axis_tick_label (&axis, v);

      _hu_chart_add_line (ctx, x, top, x, bottom, v == axis.lo ? ROLE_AXIS : ROLE_GRID, FALSE);
      if (_hu_chart_ranked_top_ticks (self))
        _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, label, 0.85, FALSE, -1, 1), x, top - 2,
                            0.5, 1, ROLE_MUTED);
      _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, label, 0.85, FALSE, -1, 1), x, bottom + 2,
                          0.5, 0,
                          ROLE_MUTED);
    }

  for (guint c = 0; c < n; c++)
    {
      Category *category = g_ptr_array_index (self->categories, c);
      double y = top + row_h * c;
      double cy = y + row_h / 2;
      double v = _hu_chart_category_extent (self, c);
      double x1 = _hu_chart_axis_map (&axis, isfinite (v) ? v : 0, bar_left, axis_right);
      Role role = category->highlight ? ROLE_HIGHLIGHT : ROLE_SERIES;

      if (category->highlight)
        _hu_chart_add_rect (ctx, 0, y, width, row_h, ROLE_HIGHLIGHT_BAND, 0, -1, -1, NAN);
      if (is_past_axis (&axis, v))
        x1 = add_broken_bar (ctx, bar_left, axis_right, bar_right, cy - row_h * 0.35, row_h * 0.7,
                             role, c, v);
      else if (isfinite (v) && v > 0)
        _hu_chart_add_rect (ctx, bar_left, cy - row_h * 0.35, x1 - bar_left, row_h * 0.7, role, 0,
                            0, c, v);
      else
        /* Keep a hit target for "n/a" rows so the tooltip can say why. */
        _hu_chart_add_rect (ctx, bar_left, cy - row_h * 0.35, 0, row_h * 0.7, role, 0, 0, c, v);
      if (isfinite (category->low) && isfinite (category->high))
        {
          /* A whisker past the axis's end stops at it, as its bar does. */
          double xh = _hu_chart_axis_map (&axis, MIN (category->high, axis.hi), bar_left, axis_right);
          double xl = _hu_chart_axis_map (&axis, MIN (category->low, axis.hi), bar_left, axis_right);

          _hu_chart_add_whisker (ctx, xl, cy, xh, cy, row_h * 0.25);
          x1 = MAX (x1, xh);
        }

      /* When rows are thinner than a line of text, label only every row
       * that has room, so text never overlaps. */
      if (cy - last_label_y < ctx->line_h * 0.95)
        continue;
      last_label_y = cy;
      {
        PangoLayout *pl = _hu_chart_make_text (ctx, category->label, 0.9, category->highlight,
                                               label_w, label_lines);
        g_autofree char *text = _hu_chart_bar_value_label (&axis, v);

        /* Names that share their start ("NVIDIA A100 SXM4 40GB", "… 80GB")
         * differ at the end: a label too long even for its lines keeps
         * both ends. */
        pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_MIDDLE);

        _hu_chart_add_text (ctx, pl, ctx->pad, cy, 0, 0.5,
                            category->highlight ? ROLE_HIGHLIGHT : ROLE_FOREGROUND);
        _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, text, 0.85, FALSE, -1, 1),
                            x1 + ctx->line_h * 0.25,
                            cy, 0, 0.5, ROLE_FOREGROUND);
      }
    }

  _hu_chart_axis_clear (&axis);
}
