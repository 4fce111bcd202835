/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "hu-chart-private.h"
#include "hu-number.h"

/* Scatter charts: the data API, the layout (a log10 value axis and a date
 * axis), the marks' drawing, hit testing, keyboard focus and the
 * accessible text. They live apart from the bars and lines so that each
 * kind of chart stays one readable file. */

/* ---------------------------------------------------------------------- */
/* Data                                                                    */

static void
scatter_changed (HuChart *self)
{
  self->serial++;
  g_signal_emit_by_name (self, "changed");
}

void
hu_chart_set_y_log (HuChart  *self,
                    gboolean  log_scale)
{
  g_return_if_fail (HU_IS_CHART (self));

  log_scale = !!log_scale;
  if (self->y_log == log_scale)
    return;
  self->y_log = log_scale;
  scatter_changed (self);
}

gboolean
hu_chart_get_y_log (HuChart *self)
{
  g_return_val_if_fail (HU_IS_CHART (self), FALSE);
  return self->y_log;
}

void
hu_chart_set_x_dates (HuChart  *self,
                      gboolean  dates)
{
  g_return_if_fail (HU_IS_CHART (self));

  dates = !!dates;
  if (self->x_dates == dates)
    return;
  self->x_dates = dates;
  scatter_changed (self);
}

/**
 * hu_chart_add_labelled_point:
 * @label: (nullable): what hovering or focusing the point says
 *
 * Like hu_chart_add_point() with a label for the point.
 */
void
hu_chart_add_labelled_point (HuChart    *self,
                             guint       series,
                             double      x,
                             double      y,
                             const char *label)
{
  Series *s;
  Point p = { x, y };

  g_return_if_fail (HU_IS_CHART (self));
  g_return_if_fail (series < self->series->len);

  s = g_ptr_array_index (self->series, series);
  if (s->point_labels == NULL)
    {
      s->point_labels = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < s->points->len; i++)
        g_ptr_array_add (s->point_labels, NULL);
    }
  g_array_append_val (s->points, p);
  g_ptr_array_add (s->point_labels, g_strdup (label));
  scatter_changed (self);
}

guint
hu_chart_get_n_points (HuChart *self,
                       guint    series)
{
  g_return_val_if_fail (HU_IS_CHART (self), 0);
  g_return_val_if_fail (series < self->series->len, 0);

  return ((Series *) g_ptr_array_index (self->series, series))->points->len;
}

void
hu_chart_set_series_marked (HuChart  *self,
                            guint     series,
                            gboolean  marked)
{
  Series *s;

  g_return_if_fail (HU_IS_CHART (self));
  g_return_if_fail (series < self->series->len);

  s = g_ptr_array_index (self->series, series);
  if (s->marked == !!marked)
    return;
  s->marked = !!marked;
  scatter_changed (self);
}

void
hu_chart_set_description (HuChart    *self,
                          const char *description)
{
  g_return_if_fail (HU_IS_CHART (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;
  g_free (self->description);
  self->description = g_strdup (description);
  scatter_changed (self);
}

static const char *
point_label (Series *series,
             guint   index)
{
  if (series->point_labels == NULL || index >= series->point_labels->len)
    return NULL;
  return g_ptr_array_index (series->point_labels, index);
}

/* Whether a point can be drawn: finite, and above zero on a log axis. */
static gboolean
drawable (HuChart *self,
          Point   *p)
{
  return isfinite (p->x) && isfinite (p->y) && (!self->y_log || p->y > 0);
}

guint
hu_chart_get_n_targets (HuChart *self)
{
  guint n = 0;

  g_return_val_if_fail (HU_IS_CHART (self), 0);

  if (self->kind != HU_CHART_SCATTER)
    return 0;
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      for (guint i = 0; i < series->points->len; i++)
        n += drawable (self, &g_array_index (series->points, Point, i));
    }
  return n;
}

int
hu_chart_get_focus (HuChart *self)
{
  g_return_val_if_fail (HU_IS_CHART (self), -1);
  return self->focus;
}

void
hu_chart_set_focus (HuChart *self,
                    int      target)
{
  g_return_if_fail (HU_IS_CHART (self));

  self->focus = target >= 0 && (guint) target < hu_chart_get_n_targets (self) ? target : -1;
}

/* ---------------------------------------------------------------------- */
/* Labels                                                                  */

/* "10²³": exponents as superscripts read better than "1e23" on an axis. */
static char *
power_of_ten (int exponent)
{
  static const char *digits[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
  GString *text = g_string_new ("10");
  char buf[16];

  if (exponent < 0)
    g_string_append (text, "⁻");
  g_snprintf (buf, sizeof buf, "%d", ABS (exponent));
  for (const char *c = buf; *c != '\0'; c++)
    g_string_append (text, digits[*c - '0']);
  return g_string_free (text, FALSE);
}

static char *
point_text (HuChart *self,
            Series  *series,
            guint    index)
{
  const char *label = point_label (series, index);
  Point *p = &g_array_index (series->points, Point, index);
  g_autofree char *xs = NULL;
  g_autofree char *ys = NULL;

  if (label != NULL)
    return g_strdup (label);
  xs = self->x_dates ? g_strdup_printf ("%.1f", p->x)
                     : _hu_chart_format_exact (self, self->x_unit, p->x);
  ys = self->y_log ? hu_format_scientific (p->y) : _hu_chart_format_exact (self, self->unit, p->y);
  return g_strdup_printf ("%s\n%s: %s\n%s: %s", series->label,
                          self->x_label != NULL ? self->x_label : "x", xs,
                          self->y_label != NULL ? self->y_label : "y", ys);
}

/* ---------------------------------------------------------------------- */
/* Layout                                                                  */

typedef struct {
  gboolean log;
  gboolean dates;
  double   lo;
  double   hi;
  double   step;
  Axis     linear;   /* neither log nor dates */
} ScatterAxis;

static double
scatter_map (const ScatterAxis *axis,
             double             value,
             double             from,
             double             to)
{
  double v = axis->log ? log10 (value) : value;

  if (!axis->log && !axis->dates)
    return _hu_chart_axis_map (&axis->linear, value, from, to);
  return from + (v - axis->lo) / (axis->hi - axis->lo) * (to - from);
}

/* Decades per tick: 1, 2, 3, 5 or 10, so that at most @target ticks show. */
static void
init_log_axis (ScatterAxis *axis,
               double       ymin,
               double       ymax,
               int          target)
{
  static const int steps[] = { 1, 2, 3, 5, 10 };
  double lo = floor (log10 (ymin));
  double hi = ceil (log10 (ymax));

  if (hi <= lo)
    hi = lo + 1;
  axis->log = TRUE;
  axis->step = 10;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if ((hi - lo) / steps[i] + 1 <= MAX (target, 2))
      {
        axis->step = steps[i];
        break;
      }
  axis->lo = floor (lo / axis->step) * axis->step;
  axis->hi = ceil (hi / axis->step) * axis->step;
}

/* Whole years per tick: 1, 2, 5, 10, 20, 25, 50 or 100. */
static void
init_date_axis (ScatterAxis *axis,
                double       xmin,
                double       xmax,
                int          target)
{
  static const int steps[] = { 1, 2, 5, 10, 20, 25, 50, 100 };

  double margin = MAX ((xmax - xmin) * 0.015, 0.25);

  /* The data's span and a little room for the dots: rounding out to a
   * tick would leave decades empty at the right of a narrow chart. */
  axis->dates = TRUE;
  axis->lo = xmin - margin;
  axis->hi = xmax + margin;
  axis->step = 100;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (floor (axis->hi / steps[i]) - ceil (axis->lo / steps[i]) + 1 <= MAX (target, 2))
      {
        axis->step = steps[i];
        break;
      }
}

static char *
tick_label (const ScatterAxis *axis,
            double             v)
{
  if (axis->log)
    return power_of_ten ((int) lround (v));
  if (axis->dates)
    return g_strdup_printf ("%d", (int) lround (v));
  return _hu_chart_axis_tick_label (&axis->linear, v);
}

/* Tick values in axis units (decades, years or data units). */
static GArray *
ticks (const ScatterAxis *axis)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (double));
  double lo = axis->lo, hi = axis->hi, step = axis->step;

  if (!axis->log && !axis->dates)
    {
      lo = axis->linear.lo;
      hi = axis->linear.hi;
      step = axis->linear.step;
    }
  if (axis->dates)
    lo = ceil (lo / step - 1e-9) * step;
  for (double v = lo; v <= hi + step * 0.01; v += step)
    g_array_append_val (out, v);
  return out;
}

static double
tick_position (const ScatterAxis *axis,
               double             v,
               double             from,
               double             to)
{
  return scatter_map (axis, axis->log ? pow (10, v) : v, from, to);
}

static void
data_range (HuChart *self,
            double  *xmin,
            double  *xmax,
            double  *ymin,
            double  *ymax)
{
  *xmin = *ymin = G_MAXDOUBLE;
  *xmax = *ymax = -G_MAXDOUBLE;

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      for (guint i = 0; i < series->points->len; i++)
        {
          Point *p = &g_array_index (series->points, Point, i);

          if (!drawable (self, p))
            continue;
          *xmin = MIN (*xmin, p->x);
          *xmax = MAX (*xmax, p->x);
          *ymin = MIN (*ymin, p->y);
          *ymax = MAX (*ymax, p->y);
        }
    }

  if (*xmin > *xmax)
    {
      *xmin = self->x_dates ? 2020 : 0;
      *xmax = *xmin + 1;
      *ymin = 1;
      *ymax = 10;
    }
  if (!self->y_log)
    *ymin = MIN (*ymin, 0);
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const MarkItem *ma = a, *mb = b;

  if (ma->data_x != mb->data_x)
    return ma->data_x < mb->data_x ? -1 : 1;
  if (ma->data_y != mb->data_y)
    return ma->data_y < mb->data_y ? -1 : 1;
  if (ma->series != mb->series)
    return ma->series < mb->series ? -1 : 1;
  return ma->point < mb->point ? -1 : ma->point > mb->point;
}

/* The legend: a dot per group, a diamond for marked series. Its marks go
 * after the data's (they are not focus targets). Returns the y below. */
static double
layout_legend (Ctx    *ctx,
               double  width,
               double  y,
               GArray *legend)
{
  HuChart *self = ctx->chart;
  double x = ctx->pad;
  double row_h = ctx->line_h * 1.2;
  double swatch = ctx->line_h * 0.7;
  gboolean any = FALSE;

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      PangoLayout *pl;
      MarkItem mark = { 0 };
      double w;

      if (series->points->len == 0)
        continue;
      any = TRUE;
      pl = _hu_chart_make_text (ctx, series->label, 0.9, series->marked, -1, 1);
      _hu_chart_text_size (pl, &w, NULL);
      w = MIN (w, MAX (width - 2 * ctx->pad - swatch - 4, 1));
      if (x > ctx->pad && x + swatch + 4 + w > width - ctx->pad)
        {
          x = ctx->pad;
          y += row_h;
        }
      pango_layout_set_width (pl, (int) (w * PANGO_SCALE) + PANGO_SCALE);
      pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_END);
      mark.x = x + swatch / 2;
      mark.y = y + row_h / 2;
      mark.shape = series->marked ? MARK_DIAMOND : MARK_DOT;
      mark.radius = series->marked ? swatch * 0.55 : swatch * 0.4;
      mark.series = s;
      mark.point = G_MAXUINT;
      g_array_append_val (legend, mark);
      _hu_chart_add_text (ctx, pl, x + swatch + 4, y + row_h / 2, 0, 0.5, ROLE_FOREGROUND);
      x += swatch + 4 + w + ctx->line_h;
    }

  return any ? y + row_h + ctx->line_h * 0.3 : y;
}

void
_hu_chart_layout_scatter (Ctx    *ctx,
                          double  width,
                          double  height)
{
  HuChart *self = ctx->chart;
  ScatterAxis xaxis = { 0 }, yaxis = { 0 };
  g_autoptr(GArray) legend = g_array_new (FALSE, FALSE, sizeof (MarkItem));
  g_autoptr(GArray) yticks = NULL;
  g_autoptr(GArray) xticks = NULL;
  double xmin, xmax, ymin, ymax, top, left, right, bottom, label_w = 0;
  double dot = MAX (ctx->line_h * 0.2, 2.5);
  int ytarget;

  data_range (self, &xmin, &xmax, &ymin, &ymax);
  top = _hu_chart_layout_header (ctx, width, FALSE);
  top = layout_legend (ctx, width, top, legend);

  ytarget = _hu_chart_tick_target (ctx, height - top - 4 * ctx->line_h);
  if (self->y_log)
    init_log_axis (&yaxis, ymin, ymax, ytarget);
  else
    _hu_chart_axis_init (&yaxis.linear, self, self->unit, ymin, ymax, ytarget);
  if (self->y_label != NULL)
    top += _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, self->y_label, 0.85, FALSE,
                                                         width - 2 * ctx->pad, 1),
                               ctx->pad, top, 0, 0, ROLE_MUTED);
  top += ctx->line_h * 0.5;

  yticks = ticks (&yaxis);
  for (guint i = 0; i < yticks->len; i++)
    {
      g_autofree char *label = tick_label (&yaxis, g_array_index (yticks, double, i));
      g_autoptr(PangoLayout) pl = _hu_chart_make_text (ctx, label, 0.85, FALSE, -1, 1);
      double w;

      _hu_chart_text_size (pl, &w, NULL);
      label_w = MAX (label_w, w);
    }
  left = ctx->pad + label_w + ctx->line_h * 0.5;
  right = width - ctx->pad - ctx->line_h * 0.5;
  bottom = height - ctx->pad - ctx->line_h * (self->x_label != NULL ? 2.4 : 1.3);
  if (bottom < top + ctx->line_h)
    bottom = top + ctx->line_h;
  ctx->layout->plot = (cairo_rectangle_t) { left, top, right - left, bottom - top };

  /* Year labels are about four digits wide: as many as fit. */
  {
    g_autoptr(PangoLayout) probe = _hu_chart_make_text (ctx, "2020", 0.85, FALSE, -1, 1);
    double w;
    int xtarget;

    _hu_chart_text_size (probe, &w, NULL);
    xtarget = CLAMP ((int) ((right - left) / (w * 2.2)), 2, 12);
    if (self->x_dates)
      init_date_axis (&xaxis, xmin, xmax, xtarget);
    else
      _hu_chart_axis_init (&xaxis.linear, self, self->x_unit, xmin, xmax, xtarget);
  }

  for (guint i = 0; i < yticks->len; i++)
    {
      double v = g_array_index (yticks, double, i);
      double y = tick_position (&yaxis, v, bottom, top);
      g_autofree char *label = tick_label (&yaxis, v);

      _hu_chart_add_line (ctx, left, y, right, y, i == 0 ? ROLE_AXIS : ROLE_GRID, FALSE);
      _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, label, 0.85, FALSE, -1, 1),
                          left - ctx->line_h * 0.3, y, 1, 0.5, ROLE_MUTED);
    }

  xticks = ticks (&xaxis);
  for (guint i = 0; i < xticks->len; i++)
    {
      double v = g_array_index (xticks, double, i);
      double x = tick_position (&xaxis, v, left, right);
      g_autofree char *label = tick_label (&xaxis, v);

      _hu_chart_add_line (ctx, x, top, x, bottom, ROLE_GRID, FALSE);
      _hu_chart_add_line (ctx, x, bottom, x, bottom + 3, ROLE_AXIS, FALSE);
      _hu_chart_add_text (ctx, _hu_chart_make_text (ctx, label, 0.85, FALSE, -1, 1), x,
                          bottom + 4, 0.5, 0, ROLE_MUTED);
    }
  if (self->x_label != NULL)
    {
      PangoLayout *pl = _hu_chart_make_text (ctx, self->x_label, 0.85, FALSE,
                                             width - 2 * ctx->pad, 1);

      pango_layout_set_alignment (pl, PANGO_ALIGN_CENTER);
      _hu_chart_add_text (ctx, pl, ctx->pad, height - ctx->pad, 0, 1, ROLE_MUTED);
    }

  /* The data's marks in focus order: by date, then compute. */
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      for (guint i = 0; i < series->points->len; i++)
        {
          Point *p = &g_array_index (series->points, Point, i);
          MarkItem mark = { 0 };

          if (!drawable (self, p))
            continue;
          mark.data_x = p->x;
          mark.data_y = p->y;
          mark.x = scatter_map (&xaxis, p->x, left, right);
          mark.y = scatter_map (&yaxis, p->y, bottom, top);
          mark.shape = series->marked ? MARK_DIAMOND : MARK_DOT;
          mark.radius = series->marked ? ctx->line_h * 0.45 : dot;
          mark.series = s;
          mark.point = i;
          g_array_append_val (ctx->layout->marks, mark);
        }
    }
  g_array_sort (ctx->layout->marks, compare_marks);

  /* The legend's marks are not data: labelled after the data's. */
  _hu_chart_scatter_layout_labels (ctx, legend);

  g_array_append_vals (ctx->layout->marks, legend->data, legend->len);

  if (!self->y_log)
    _hu_chart_axis_clear (&yaxis.linear);
  if (!self->x_dates)
    _hu_chart_axis_clear (&xaxis.linear);
}

/* ---------------------------------------------------------------------- */
/* Drawing and hit testing                                                 */

static void
mark_path (cairo_t        *cr,
           const MarkItem *mark,
           double          grow)
{
  double r = mark->radius + grow;

  cairo_new_sub_path (cr);
  if (mark->shape == MARK_DIAMOND)
    {
      cairo_move_to (cr, mark->x, mark->y - r * 1.25);
      cairo_line_to (cr, mark->x + r, mark->y);
      cairo_line_to (cr, mark->x, mark->y + r * 1.25);
      cairo_line_to (cr, mark->x - r, mark->y);
      cairo_close_path (cr);
    }
  else
    cairo_arc (cr, mark->x, mark->y, r, 0, 2 * G_PI);
}

/* The background's colour; a widget draws none of its own (alpha 0),
 * so guess it from the foreground's lightness. */
static void
set_backdrop (cairo_t            *cr,
              const HuChartStyle *style,
              gboolean            dark_bg,
              double              alpha)
{
  const HuColor *bg = &style->background;

  if (bg->alpha > 0)
    cairo_set_source_rgba (cr, bg->red, bg->green, bg->blue, alpha);
  else if (dark_bg)
    cairo_set_source_rgba (cr, 0.14, 0.14, 0.14, alpha);
  else
    cairo_set_source_rgba (cr, 0.98, 0.98, 0.98, alpha);
}

void
_hu_chart_draw_marks (HuChart            *self,
                      cairo_t            *cr,
                      Layout             *layout,
                      const HuChartStyle *style)
{
  const HuColor *fg = &style->foreground;
  gboolean dark_bg = (fg->red + fg->green + fg->blue) > 1.5;

  if (layout->marks == NULL || layout->marks->len == 0)
    return;

  /* Dots first, slightly translucent so that crowded years show as
   * denser colour; then the labels' backdrops, then the diamonds. */
  static const MarkShape order[] = { MARK_DOT, MARK_BACKDROP, MARK_DIAMOND };

  for (guint pass = 0; pass < G_N_ELEMENTS (order); pass++)
    for (guint i = 0; i < layout->marks->len; i++)
      {
        MarkItem *mark = &g_array_index (layout->marks, MarkItem, i);
        const HuColor *c = &style->palette[mark->series % HU_CHART_PALETTE_SIZE];

        if (mark->shape != order[pass])
          continue;
        if (mark->shape == MARK_BACKDROP)
          {
            set_backdrop (cr, style, dark_bg, 0.85);
            cairo_rectangle (cr, mark->x, mark->y, mark->w, mark->h);
            cairo_fill (cr);
            continue;
          }
        mark_path (cr, mark, 0);
        if (mark->shape == MARK_DIAMOND)
          {
            cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha);
            cairo_fill_preserve (cr);
            /* A ring in the background's colour parts it from the dots. */
            set_backdrop (cr, style, dark_bg, 1);
            cairo_set_line_width (cr, 1.5);
            cairo_stroke (cr);
          }
        else
          {
            cairo_set_source_rgba (cr, c->red, c->green, c->blue,
                                   c->alpha * (mark->point == G_MAXUINT ? 1 : 0.8));
            cairo_fill (cr);
          }
      }

  if (self->focus >= 0 && (guint) self->focus < layout->marks->len)
    {
      MarkItem *mark = &g_array_index (layout->marks, MarkItem, self->focus);

      mark_path (cr, mark, 3.5);
      cairo_set_source_rgba (cr, style->accent.red, style->accent.green, style->accent.blue, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
}

/* The nearest data mark within reach; diamonds win over the dots under
 * them. Returns its index in the marks, or -1. */
static int
nearest_mark (Layout *layout,
              double  x,
              double  y)
{
  int best = -1;
  double best_d = G_MAXDOUBLE;

  for (guint i = 0; i < layout->marks->len; i++)
    {
      MarkItem *mark = &g_array_index (layout->marks, MarkItem, i);
      double d = hypot (mark->x - x, mark->y - y);
      double reach = MAX (mark->radius + 3, 6);

      if (mark->point == G_MAXUINT || d > reach)
        continue;
      if (mark->shape == MARK_DIAMOND)
        d -= 1000;
      if (d < best_d)
        {
          best_d = d;
          best = i;
        }
    }
  return best;
}

gboolean
_hu_chart_hit_marks (HuChart  *self,
                     Layout   *layout,
                     double    x,
                     double    y,
                     char    **tooltip_text)
{
  int i = nearest_mark (layout, x, y);
  MarkItem *mark;

  if (i < 0)
    return FALSE;
  mark = &g_array_index (layout->marks, MarkItem, i);
  if (tooltip_text != NULL)
    *tooltip_text = point_text (self, g_ptr_array_index (self->series, mark->series),
                                mark->point);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Accessible text                                                         */

/* hu_chart_get_target() on a layout of this chart (hu-chart-draw.c makes
 * it): the scatter's marks are its targets. */
gboolean
_hu_chart_get_mark_target (HuChart  *self,
                           Layout   *layout,
                           guint     target,
                           double   *x,
                           double   *y,
                           char    **label)
{
  MarkItem *mark;

  if (target >= layout->marks->len)
    return FALSE;
  mark = &g_array_index (layout->marks, MarkItem, target);
  if (mark->point == G_MAXUINT)
    return FALSE;
  if (x != NULL)
    *x = mark->x;
  if (y != NULL)
    *y = mark->y;
  if (label != NULL)
    *label = point_text (self, g_ptr_array_index (self->series, mark->series), mark->point);
  return TRUE;
}

/* Hundreds of points would drown a screen reader: the groups with their
 * counts and the span, then each marked point in full. */
void
_hu_chart_append_scatter_text (HuChart *self,
                               GString *text)
{
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      if (series->marked)
        continue;
      if (series->points->len == 0)
        continue;
      g_string_append_printf (text, "%s: %u\n", series->label, series->points->len);
    }

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      if (!series->marked)
        continue;
      for (guint i = 0; i < series->points->len; i++)
        {
          g_autofree char *label = point_text (self, series, i);
          g_auto(GStrv) lines = g_strsplit (label, "\n", -1);
          g_autofree char *joined = g_strjoinv (", ", lines);

          g_string_append_printf (text, "%s: %s\n", series->label, joined);
        }
    }
}
