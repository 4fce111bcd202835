/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Chart"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "hu-util-private.h"
#include "hu-chart-private.h"

/* ---------------------------------------------------------------------- */
/* Line and power charts                                                   */

static void
data_range_xy (HuChart *self,
               double  *xmin,
               double  *xmax,
               double  *ymax)
{
  *xmin = G_MAXDOUBLE;
  *xmax = -G_MAXDOUBLE;
  *ymax = 0;

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      for (guint i = 0; i < series->points->len; i++)
        {
          Point *p = &g_array_index (series->points, Point, i);

          if (!isfinite (p->x) || !isfinite (p->y))
            continue;
          *xmin = MIN (*xmin, p->x);
          *xmax = MAX (*xmax, p->x);
          *ymax = MAX (*ymax, p->y);
        }
      for (guint i = 0; i < series->buckets->len; i++)
        {
          Bucket *b = &g_array_index (series->buckets, Bucket, i);

          *xmin = MIN (*xmin, b->t0);
          *xmax = MAX (*xmax, b->t1);
          *ymax = MAX (*ymax, b->max);
        }
    }

  if (*xmin > *xmax)
    *xmin = *xmax = 0;
  if (self->kind == HU_CHART_POWER)
    *xmin = MIN (*xmin, 0);
}

/* How long a series may go without samples before the chart shows a gap
 * instead of a line across it: five times its usual spacing (the median
 * from one bucket's end to the next one's start), as the nvidia-smi
 * importer counts gaps, and never less than two pixel columns, so that
 * sampling coarser than the pixels does not break the line. */
static double
gap_threshold (Series *series,
               double  px_s)
{
  guint n = series->buckets->len;
  g_autofree double *spacing = NULL;
  double median;

  if (n < 2)
    return G_MAXDOUBLE;
  spacing = g_new (double, n - 1);
  for (guint i = 1; i < n; i++)
    spacing[i - 1] = g_array_index (series->buckets, Bucket, i).t0
                     - g_array_index (series->buckets, Bucket, i - 1).t1;
  qsort (spacing, n - 1, sizeof (double), _hu_compare_doubles);
  median = spacing[(n - 1) / 2];
  return MAX (5 * MAX (median, 0), 2 * px_s);
}

/* Reduces a power series to at most one point per device pixel column:
 * min of mins, max of maxes, time-weighted mean. A million samples become
 * a few hundred points, so drawing stays fast whatever the log's size. */
static GArray *
decimate (Series     *series,
          const Axis *xaxis,
          const Axis *yaxis,
          const cairo_rectangle_t *plot)
{
  guint n_cols = MAX ((guint) ceil (plot->width), 1);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (PathPoint));
  g_autofree double *lo = g_new (double, n_cols);
  g_autofree double *hi = g_new (double, n_cols);
  g_autofree double *sum = g_new0 (double, n_cols);
  g_autofree double *weight = g_new0 (double, n_cols);
  g_autofree double *t = g_new0 (double, n_cols);
  /* When each column's samples start and end, to find gaps. */
  g_autofree double *first = g_new (double, n_cols);
  g_autofree double *last = g_new (double, n_cols);
  /* Seconds per column. */
  double px_s = (xaxis->hi - xaxis->lo) / plot->width;
  double gap_s = gap_threshold (series, px_s);
  double previous_end = NAN;

  for (guint i = 0; i < n_cols; i++)
    {
      lo[i] = G_MAXDOUBLE;
      hi[i] = -G_MAXDOUBLE;
      first[i] = G_MAXDOUBLE;
      last[i] = -G_MAXDOUBLE;
    }

  for (guint i = 0; i < series->buckets->len; i++)
    {
      Bucket *b = &g_array_index (series->buckets, Bucket, i);
      double x0 = _hu_chart_axis_map (xaxis, b->t0, 0, plot->width);
      double x1 = _hu_chart_axis_map (xaxis, b->t1, 0, plot->width);
      guint c0 = (guint) CLAMP (x0, 0, n_cols - 1);
      guint c1 = (guint) CLAMP (x1, 0, n_cols - 1);

      /* A bucket wider than a column is an average over its interval (a
       * carbontracker epoch): it counts in every column it covers, by the
       * time it spends there, so it is drawn level across its interval
       * and a change of average is a step, not a ramp from one middle to
       * the next. Buckets do not overlap: each column is touched about
       * once, whatever the buckets' widths. */
      for (guint col = c0; col <= c1; col++)
        {
          double from = c0 == c1 ? b->t0 : MAX (b->t0, xaxis->lo + col * px_s);
          double to = c0 == c1 ? b->t1 : MIN (b->t1, xaxis->lo + (col + 1) * px_s);
          double w = MAX (to - from, 1e-9);

          lo[col] = MIN (lo[col], b->min);
          hi[col] = MAX (hi[col], b->max);
          first[col] = MIN (first[col], from);
          last[col] = MAX (last[col], to);
          sum[col] += b->mean * w;
          weight[col] += w;
          t[col] += (from + to) / 2 * w;
        }
    }

  for (guint i = 0; i < n_cols; i++)
    {
      PathPoint p;

      if (weight[i] <= 0)
        continue;
      p.data_x = t[i] / weight[i];
      p.data_y = sum[i] / weight[i];
      p.data_lo = lo[i];
      p.data_hi = hi[i];
      /* A gap is left a gap (the importers count it out of the energy):
       * no line drawn across it, as if the power had been known. */
      p.gap_before = isfinite (previous_end) && first[i] - previous_end > gap_s;
      previous_end = last[i];
      p.x = plot->x + _hu_chart_axis_map (xaxis, p.data_x, 0, plot->width);
      p.y = _hu_chart_axis_map (yaxis, p.data_y, plot->y + plot->height, plot->y);
      p.lo = _hu_chart_axis_map (yaxis, p.data_lo, plot->y + plot->height, plot->y);
      p.hi = _hu_chart_axis_map (yaxis, p.data_hi, plot->y + plot->height, plot->y);
      g_array_append_val (out, p);
    }

  return out;
}

static GArray *
line_points (Series     *series,
             const Axis *xaxis,
             const Axis *yaxis,
             const cairo_rectangle_t *plot)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (PathPoint));

  for (guint i = 0; i < series->points->len; i++)
    {
      Point *pt = &g_array_index (series->points, Point, i);
      PathPoint p = { 0 };

      if (!isfinite (pt->x) || !isfinite (pt->y))
        continue;
      p.data_x = pt->x;
      p.data_y = p.data_lo = p.data_hi = pt->y;
      p.x = _hu_chart_axis_map (xaxis, pt->x, plot->x, plot->x + plot->width);
      p.y = p.lo = p.hi = _hu_chart_axis_map (yaxis, pt->y, plot->y + plot->height, plot->y);
      g_array_append_val (out, p);
    }

  return out;
}

void
_hu_chart_layout_xy (Ctx    *ctx,
                     double  width,
                     double  height)
{
  HuChart *self = ctx->chart;
  Axis xaxis = { 0 }, yaxis = { 0 };
  g_autofree char *ytitle = NULL;
  g_autofree char *xtitle = NULL;
  double xmin, xmax, ymax, top, left, right, bottom;
  gboolean power = self->kind == HU_CHART_POWER;

  data_range_xy (self, &xmin, &xmax, &ymax);
  top = _hu_chart_layout_header (ctx, width, power || self->series->len > 1);

  _hu_chart_axis_init (&yaxis, self, self->unit, 0, ymax,
                       _hu_chart_tick_target (ctx, height - top - 4 * ctx->line_h));
  ytitle = _hu_chart_axis_title (self->y_label, &yaxis);
  top += _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, ytitle, 0.85, FALSE,
                                                       width - 2 * ctx->pad, 1),
                             ctx->pad, top, 0, 0, ROLE_MUTED);
  top += ctx->line_h * 0.5;

  left = ctx->pad + _hu_chart_ticks_label_width (ctx, &yaxis) + ctx->line_h * 0.5;
  right = width - ctx->pad - ctx->line_h;
  _hu_chart_axis_init (&xaxis, self, self->x_unit, xmin, xmax,
                       _hu_chart_tick_target (ctx, (right - left) * 0.7));
  /* A sweep's x range is what was asked for: keep its ends exact. A
   * run's time axis starts at 0 and ends where the run ended, not at the
   * next round tick. */
  if (xmax > xmin)
    {
      if (!power)
        xaxis.lo = xmin;
      xaxis.hi = xmax;
    }
  xtitle = _hu_chart_axis_title (self->x_label, &xaxis);
  bottom = height - ctx->pad - ctx->line_h * 2.4;
  if (bottom < top + ctx->line_h)
    bottom = top + ctx->line_h;

  ctx->layout->plot = (cairo_rectangle_t) { left, top, right - left, bottom - top };
  _hu_chart_layout_value_ticks_vertical (ctx, &yaxis, left, right, top, bottom);

  {
    double first = ceil (xaxis.lo / xaxis.step - 1e-9) * xaxis.step;

    for (double v = first; v <= xaxis.hi + xaxis.step * 0.01; v += xaxis.step)
      {
        double x = _hu_chart_axis_map (&xaxis, v, left, right);
        g_autofree char *label = _hu_chart_axis_tick_label (&xaxis, v);

        _hu_chart_add_line (ctx, x, bottom, x, bottom + 3, ROLE_AXIS, FALSE);
        _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, label, 0.85, FALSE, -1, 1), x,
                            bottom + 4, 0.5, 0,
                            ROLE_MUTED);
      }
  }
  _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, xtitle, 0.85, FALSE, width - 2 * ctx->pad, 1),
                      (left + right) / 2, height - ctx->pad, 0.5, 1, ROLE_MUTED);
  /* _hu_chart_add_text centred a width-limited layout on its full box; undo that. */
  {
    TextItem *item = g_ptr_array_index (ctx->layout->texts, ctx->layout->texts->len - 1);

    pango_layout_set_alignment (item->layout, PANGO_ALIGN_CENTER);
    item->x = ctx->pad;
  }

  if (!power && isfinite (self->x_marker) && self->x_marker >= xaxis.lo
      && self->x_marker <= xaxis.hi)
    {
      double x = _hu_chart_axis_map (&xaxis, self->x_marker, left, right);
      PangoLayout *pl = _hu_chart_make_text (ctx, self->x_marker_label != NULL
                                                    ? self->x_marker_label
                                                    : _("current"),
                                             0.8, TRUE, -1, 1);
      double lw, lh;

      _hu_chart_add_line (ctx, x, top, x, bottom, ROLE_HIGHLIGHT, TRUE);
      /* Right of the marker, or left of it where the picture ends first:
       * a sweep often ends at the scenario's own value, which put the
       * label over the edge ("cur"). */
      _hu_chart_text_size (pl, &lw, &lh);
      if (x + 3 + lw > width - ctx->pad && x - 3 - lw >= left)
        _hu_chart_add_text (ctx, pl, x - 3, top, 1, 0, ROLE_HIGHLIGHT);
      else
        _hu_chart_add_text (ctx, pl, x + 3, top, 0, 0, ROLE_HIGHLIGHT);
    }

  for (guint s = 0; s < self->series->len; s++)
    {
      PathItem *item = g_new0 (PathItem, 1);

      item->series = s;
      item->points = power ? decimate (g_ptr_array_index (self->series, s), &xaxis, &yaxis,
                                       &ctx->layout->plot)
                           : line_points (g_ptr_array_index (self->series, s), &xaxis, &yaxis,
                                          &ctx->layout->plot);
      g_ptr_array_add (ctx->layout->paths, item);
    }
  ctx->layout->marker_radius = power ? 0 : MAX (ctx->line_h * 0.2, 2);

  _hu_chart_axis_clear (&xaxis);
  _hu_chart_axis_clear (&yaxis);
}
