/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The layout of the tornado chart of "What matters most" (issue 12);
 * hu_chart_new_tornado() builds one (hu-chart-builders.c). */

#define G_LOG_DOMAIN "Huella-Chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "hu-chart-private.h"

static double
label_width (Ctx    *ctx,
             double  width)
{
  HuChart *self = ctx->chart;
  double max_w = 0;

  for (guint c = 0; c < self->categories->len; c++)
    {
      Category *category = g_ptr_array_index (self->categories, c);
      g_autoptr(PangoLayout) pl = _hu_chart_make_text (ctx, category->label, 0.9, FALSE, -1, 1);
      double w;

      _hu_chart_text_size (pl, &w, NULL);
      max_w = MAX (max_w, w);
    }
  return MIN (max_w + 2, (width - 2 * ctx->pad) * 0.35);
}

/* Width of the widest value label of @axis. */
static double
value_width (Ctx        *ctx,
             const Axis *axis)
{
  HuChart *self = ctx->chart;
  double max_w = 0;

  for (guint s = 0; s < self->series->len; s++)
    for (guint c = 0; c < self->categories->len; c++)
      {
        double v = _hu_chart_series_value (g_ptr_array_index (self->series, s), c);
        g_autofree char *text = _hu_chart_bar_value_label (axis, v);
        g_autoptr(PangoLayout) pl = _hu_chart_make_text (ctx, text, 0.8, FALSE, -1, 1);
        double w;

        _hu_chart_text_size (pl, &w, NULL);
        max_w = MAX (max_w, w);
      }
  return max_w;
}

/* The values the axis spans: every bar's end and the point estimate
 * they start from. */
void
_hu_chart_tornado_span (HuChart *self,
                        double  *lo,
                        double  *hi)
{
  double ref = isfinite (self->x_marker) ? self->x_marker : 0;

  *lo = *hi = ref;
  for (guint s = 0; s < self->series->len; s++)
    for (guint c = 0; c < self->categories->len; c++)
      {
        double v = _hu_chart_series_value (g_ptr_array_index (self->series, s), c);

        if (isfinite (v))
          {
            *lo = MIN (*lo, v);
            *hi = MAX (*hi, v);
          }
      }
}

void
_hu_chart_layout_tornado (Ctx    *ctx,
                          double  width,
                          double  height)
{
  HuChart *self = ctx->chart;
  guint n = self->categories->len;
  double ref = isfinite (self->x_marker) ? self->x_marker : 0;
  double lo, hi;
  Axis axis = { 0 };
  g_autofree char *title = NULL;
  double top, label_w, value_w, bar_left, bar_right, bottom, row_h, x_ref;

  _hu_chart_tornado_span (self, &lo, &hi);
  top = _hu_chart_layout_header (ctx, width, self->series->len > 1);
  label_w = label_width (ctx, width);
  _hu_chart_axis_init (&axis, self, self->unit, lo, hi,
                       _hu_chart_tick_target (ctx, (width - label_w) * 0.6));
  title = _hu_chart_axis_title (self->y_label, &axis);
  top += _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, title, 0.85, FALSE,
                                                       width - 2 * ctx->pad, 1),
                             ctx->pad, top, 0, 0, ROLE_MUTED);

  /* Value labels go outside the bars, on either side. */
  value_w = value_width (ctx, &axis) + ctx->line_h * 0.3;
  bar_left = ctx->pad + label_w + ctx->line_h * 0.5 + value_w;
  bar_right = MAX (width - ctx->pad - value_w, bar_left + 1);
  bottom = height - ctx->pad - ctx->line_h * 1.2;
  row_h = n > 0 ? MAX ((bottom - top) / n, 1) : 1;
  ctx->layout->plot = (cairo_rectangle_t) { bar_left, top, bar_right - bar_left, bottom - top };

  for (double v = axis.lo; v <= axis.hi + axis.step * 0.5; v += axis.step)
    {
      double x = _hu_chart_axis_map (&axis, v, bar_left, bar_right);
      g_autofree char *label = _hu_chart_axis_tick_label (&axis, v);

      _hu_chart_add_line (ctx, x, top, x, bottom, ROLE_GRID, FALSE);
      _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, label, 0.85, FALSE, -1, 1), x, bottom + 2,
                          0.5, 0, ROLE_MUTED);
    }

  x_ref = _hu_chart_axis_map (&axis, ref, bar_left, bar_right);
  for (guint c = 0; c < n; c++)
    {
      Category *category = g_ptr_array_index (self->categories, c);
      double cy = top + row_h * (c + 0.5);
      double left_end = x_ref, right_end = x_ref;
      double left_value = NAN, right_value = NAN;

      _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, category->label, 0.9, FALSE, label_w, 1),
                          ctx->pad, cy, 0, 0.5, ROLE_FOREGROUND);

      for (guint s = 0; s < self->series->len; s++)
        {
          double v = _hu_chart_series_value (g_ptr_array_index (self->series, s), c);
          double x;

          if (!isfinite (v))
            continue;
          x = _hu_chart_axis_map (&axis, v, bar_left, bar_right);
          _hu_chart_add_rect (ctx, MIN (x, x_ref), cy - row_h * 0.3, fabs (x - x_ref),
                              row_h * 0.6, ROLE_SERIES, s, s, c, v);
          if (x < left_end || isnan (left_value))
            if (x <= x_ref)
              {
                left_end = x;
                left_value = v;
              }
          if (x > right_end || isnan (right_value))
            if (x >= x_ref)
              {
                right_end = x;
                right_value = v;
              }
        }
      if (isfinite (left_value))
        {
          g_autofree char *text = _hu_chart_bar_value_label (&axis, left_value);
          _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, text, 0.8, FALSE, -1, 1),
                              left_end - ctx->line_h * 0.2, cy, 1, 0.5, ROLE_MUTED);
        }
      if (isfinite (right_value) && right_end > left_end)
        {
          g_autofree char *text = _hu_chart_bar_value_label (&axis, right_value);
          _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, text, 0.8, FALSE, -1, 1),
                              right_end + ctx->line_h * 0.2, cy, 0, 0.5, ROLE_MUTED);
        }
    }

  /* The point estimate every bar starts from. */
  _hu_chart_add_line (ctx, x_ref, top, x_ref, bottom, ROLE_AXIS, FALSE);

  _hu_chart_axis_clear (&axis);
}
