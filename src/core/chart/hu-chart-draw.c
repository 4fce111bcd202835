/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "hu-util-private.h"
#include "hu-chart-private.h"

/* Drawing, hit testing and the accessible text: all read the cached
 * layout, so the screen, the tooltip and the export agree. */

static void
set_source (cairo_t            *cr,
            const HuChartStyle *style,
            Role                role,
            guint               palette)
{
  const HuColor *c;
  double alpha_scale = 1.0;

  switch (role)
    {
    case ROLE_MUTED:
      c = &style->foreground;
      alpha_scale = 0.7;
      break;
    case ROLE_GRID:
      c = &style->grid;
      break;
    case ROLE_AXIS:
      c = &style->foreground;
      alpha_scale = 0.45;
      break;
    case ROLE_HIGHLIGHT:
      c = &style->highlight;
      break;
    case ROLE_HIGHLIGHT_BAND:
      c = &style->highlight;
      alpha_scale = 0.12;
      break;
    case ROLE_ACCENT:
      c = &style->accent;
      break;
    case ROLE_SERIES:
      c = &style->palette[palette % HU_CHART_PALETTE_SIZE];
      break;
    case ROLE_FOREGROUND:
    default:
      c = &style->foreground;
      break;
    }

  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha_scale);
}


/* ---------------------------------------------------------------------- */
/* Drawing                                                                 */

/* A line chart's series in its style (hu_chart_set_series_line()); the
 * same dashes draw the legend's samples (the widths are the layout's,
 * _hu_chart_line_width()). */
void
_hu_chart_set_line_dash (cairo_t     *cr,
                         HuLineStyle  line)
{
  static const double dash[] = { 7, 4 };

  cairo_set_dash (cr, dash, line == HU_LINE_DASHED ? G_N_ELEMENTS (dash) : 0, 0);
}

static void
draw_paths (HuChart            *self,
            cairo_t            *cr,
            Layout             *layout,
            const HuChartStyle *style)
{
  /* Wide lines first, so that a line coinciding with one stays visible
   * on top of it (the whole life and training on day 0). */
  for (guint pass = 0; pass < 2; pass++)
  for (guint i = 0; i < layout->paths->len; i++)
    {
      PathItem *item = g_ptr_array_index (layout->paths, i);
      GArray *pts = item->points;
      HuLineStyle line = HU_LINE_SOLID;

      if (self->kind == HU_CHART_LINE && item->series < self->series->len)
        line = ((Series *) g_ptr_array_index (self->series, item->series))->line;
      if (pts->len == 0 || (pass == 0) != (line == HU_LINE_WIDE))
        continue;

      if (self->kind == HU_CHART_POWER)
        {
          /* The min/max band, then the mean on top of it; one piece per
           * stretch of samples, none across a gap. */
          for (guint a = 0, b; a < pts->len; a = b)
            {
              for (b = a + 1; b < pts->len && !g_array_index (pts, PathPoint, b).gap_before; b++)
                ;
              cairo_move_to (cr, g_array_index (pts, PathPoint, a).x,
                             g_array_index (pts, PathPoint, a).hi);
              for (guint j = a + 1; j < b; j++)
                cairo_line_to (cr, g_array_index (pts, PathPoint, j).x,
                               g_array_index (pts, PathPoint, j).hi);
              for (guint j = b; j > a; j--)
                cairo_line_to (cr, g_array_index (pts, PathPoint, j - 1).x,
                               g_array_index (pts, PathPoint, j - 1).lo);
              cairo_close_path (cr);
            }
          set_source (cr, style, ROLE_SERIES, item->series);
          cairo_save (cr);
          cairo_clip_preserve (cr);
          cairo_paint_with_alpha (cr, 0.25);
          cairo_restore (cr);
          cairo_new_path (cr);
        }

      cairo_move_to (cr, g_array_index (pts, PathPoint, 0).x, g_array_index (pts, PathPoint, 0).y);
      for (guint j = 1; j < pts->len; j++)
        if (g_array_index (pts, PathPoint, j).gap_before)
          cairo_move_to (cr, g_array_index (pts, PathPoint, j).x,
                         g_array_index (pts, PathPoint, j).y);
        else
          cairo_line_to (cr, g_array_index (pts, PathPoint, j).x,
                         g_array_index (pts, PathPoint, j).y);
      set_source (cr, style, ROLE_SERIES, item->series);
      cairo_set_line_width (cr, self->kind == HU_CHART_POWER ? 1.25 : _hu_chart_line_width (line));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      _hu_chart_set_line_dash (cr, line);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      if (layout->marker_radius > 0)
        for (guint j = 0; j < pts->len; j++)
          {
            PathPoint *p = &g_array_index (pts, PathPoint, j);

            cairo_new_sub_path (cr);
            cairo_arc (cr, p->x, p->y, layout->marker_radius, 0, 2 * G_PI);
          }
      cairo_fill (cr);
    }
}

/* The layout of the chart at this size and style, kept until either
 * changes: the one place that picks the layout of each kind. */

void
_hu_chart_ensure_context (HuChart *self)
{
  cairo_font_options_t *options;

  if (self->context != NULL)
    return;

  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 96);
  /* Unhinted, unrounded metrics: text measures the same at any scale and
   * on any surface, so screen, SVG, PNG and PDF share one geometry. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
}

Layout *
_hu_chart_ensure_layout (HuChart            *self,
                         double              width,
                         double              height,
                         const HuChartStyle *style)
{
  g_autofree char *key = NULL;
  Ctx ctx = { 0 };
  Layout *layout;

  if (style == NULL)
    style = _hu_chart_default_style ();
  key = _hu_chart_font_key (style);

  if (self->layout != NULL
      && self->layout->serial == self->serial
      && self->layout->width == width
      && self->layout->height == height
      && g_strcmp0 (self->layout->font_key, key) == 0)
    return self->layout;

  g_clear_pointer (&self->layout, _hu_chart_layout_free);
  _hu_chart_ensure_context (self);

  layout = g_new0 (Layout, 1);
  self->n_layouts++;
  layout->width = width;
  layout->height = height;
  layout->serial = self->serial;
  layout->font_key = g_steal_pointer (&key);
  layout->texts = g_ptr_array_new_with_free_func (_hu_chart_text_item_free);
  layout->rects = g_array_new (FALSE, FALSE, sizeof (RectItem));
  layout->lines = g_array_new (FALSE, FALSE, sizeof (LineItem));
  layout->paths = g_ptr_array_new_with_free_func (_hu_chart_path_item_free);
  layout->marks = g_array_new (FALSE, FALSE, sizeof (MarkItem));
  self->layout = layout;

  ctx.chart = self;
  ctx.layout = layout;
  ctx.style = style;
  {
    g_autoptr(PangoLayout) probe = _hu_chart_make_text (&ctx, "Ag", 1.0, FALSE, -1, 1);

    _hu_chart_text_size (probe, NULL, &ctx.line_h);
  }
  ctx.pad = ctx.line_h * 0.5;

  switch (self->kind)
    {
    case HU_CHART_BARS:
      _hu_chart_layout_bars (&ctx, width, height);
      break;
    case HU_CHART_RANKED:
      _hu_chart_layout_ranked (&ctx, width, height);
      break;
    case HU_CHART_TORNADO:
      _hu_chart_layout_tornado (&ctx, width, height);
      break;
    case HU_CHART_SCATTER:
      _hu_chart_layout_scatter (&ctx, width, height);
      break;
    case HU_CHART_LINE:
    case HU_CHART_POWER:
    default:
      _hu_chart_layout_xy (&ctx, width, height);
      break;
    }

  return layout;
}

/**
 * hu_chart_render:
 * @self: a #HuChart
 * @cr: where to draw
 * @width: width of the chart in @cr's user units
 * @height: height of the chart
 * @style: (nullable): colours and font; %NULL for the light default
 *
 * Draws the chart in the box (0, 0)–(@width, @height). The app's widget
 * and every exporter call this one function.
 */
void
hu_chart_render (HuChart            *self,
                 cairo_t            *cr,
                 double              width,
                 double              height,
                 const HuChartStyle *style)
{
  Layout *layout;

  g_return_if_fail (HU_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  if (width < 1 || height < 1)
    return;
  if (style == NULL)
    style = _hu_chart_default_style ();

  layout = _hu_chart_ensure_layout (self, width, height, style);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (style->background.alpha > 0)
    {
      cairo_set_source_rgba (cr, style->background.red, style->background.green,
                             style->background.blue, style->background.alpha);
      cairo_paint (cr);
    }

  /* Highlight bands under everything else. */
  for (guint i = 0; i < layout->rects->len; i++)
    {
      RectItem *r = &g_array_index (layout->rects, RectItem, i);

      if (r->role != ROLE_HIGHLIGHT_BAND)
        continue;
      set_source (cr, style, r->role, r->palette);
      cairo_rectangle (cr, r->x, r->y, r->w, r->h);
      cairo_fill (cr);
    }

  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < layout->lines->len; i++)
    {
      LineItem *l = &g_array_index (layout->lines, LineItem, i);
      static const double dash[] = { 4, 3 };

      /* Foreground lines (whiskers) go over the bars, below. */
      if (l->role == ROLE_FOREGROUND)
        continue;
      set_source (cr, style, l->role, l->palette);
      if (l->role == ROLE_SERIES)
        {
          /* A legend's sample of a line chart's series, as wide and
           * dashed as the layout took it from the series. */
          cairo_set_line_width (cr, l->width);
          _hu_chart_set_line_dash (cr, l->dashed ? HU_LINE_DASHED : HU_LINE_SOLID);
          cairo_move_to (cr, l->x0, l->y0);
          cairo_line_to (cr, l->x1, l->y1);
          cairo_stroke (cr);
          cairo_set_line_width (cr, 1);
          continue;
        }
      cairo_set_dash (cr, dash, l->dashed ? 2 : 0, 0);
      /* Half-pixel offsets keep one-unit lines crisp on screen. */
      cairo_move_to (cr, round (l->x0) + 0.5, round (l->y0) + 0.5);
      cairo_line_to (cr, round (l->x1) + 0.5, round (l->y1) + 0.5);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < layout->rects->len; i++)
    {
      RectItem *r = &g_array_index (layout->rects, RectItem, i);

      if (r->role == ROLE_HIGHLIGHT_BAND || r->w <= 0 || r->h <= 0)
        continue;
      set_source (cr, style, r->role, r->palette);
      cairo_rectangle (cr, r->x, r->y, r->w, r->h);
      cairo_fill (cr);
    }

  for (guint i = 0; i < layout->lines->len; i++)
    {
      LineItem *l = &g_array_index (layout->lines, LineItem, i);

      if (l->role != ROLE_FOREGROUND)
        continue;
      set_source (cr, style, l->role, 0);
      cairo_move_to (cr, round (l->x0) + 0.5, round (l->y0) + 0.5);
      cairo_line_to (cr, round (l->x1) + 0.5, round (l->y1) + 0.5);
      cairo_stroke (cr);
    }

  draw_paths (self, cr, layout, style);
  _hu_chart_draw_marks (self, cr, layout, style);

  for (guint i = 0; i < layout->texts->len; i++)
    {
      TextItem *t = g_ptr_array_index (layout->texts, i);

      set_source (cr, style, t->role, 0);
      if (t->angle != 0)
        {
          cairo_save (cr);
          cairo_translate (cr, t->x, t->y);
          cairo_rotate (cr, t->angle);
          cairo_move_to (cr, t->dx, t->dy);
          pango_cairo_show_layout (cr, t->layout);
          cairo_restore (cr);
          continue;
        }
      cairo_move_to (cr, t->x, t->y);
      pango_cairo_show_layout (cr, t->layout);
    }

  cairo_restore (cr);
}

/* The title, legend, axis title and category labels take what they need
 * at this width (on a phone, in Spanish, wrapped names and a two-row
 * legend eat 200 px); the bars get the rest: about 0.45 x width, never
 * less than 160 px so differences between scenarios stay visible, and
 * no more than 280 px so the table below stays in reach on a desktop.
 * The plot's height barely changes the rest (only the tick count, hence
 * the tick labels' width), so a second layout at the corrected height
 * settles it; that layout is the one the widget then draws from. */
static double
bars_preferred_height (HuChart            *self,
                       double              width,
                       const HuChartStyle *style)
{
  double target = CLAMP (width * 0.45, 160, 280);
  double height = ceil (target + MAX (width * 0.3, 160));

  for (guint pass = 0; pass < 3; pass++)
    {
      Layout *layout = _hu_chart_ensure_layout (self, width, height, style);
      double short_by = target - layout->plot.height;

      if (short_by <= 0.5 && short_by > -1.5)
        break;
      height = ceil (height + short_by);
    }
  return height;
}

/* A row per item, each legible (for a scrolled window): the header
 * measured in a throw-away layout, then the rows, whose height measures
 * every label (_hu_chart_ranked_row_height()). */
static double
ranked_preferred_height (HuChart            *self,
                         double              width,
                         const HuChartStyle *style)
{
  g_autoptr(PangoLayout) probe = NULL;
  Layout scratch = { 0 };
  Ctx ctx = { 0 };
  double top, height;

  _hu_chart_ensure_context (self);
  scratch.texts = g_ptr_array_new_with_free_func (_hu_chart_text_item_free);
  scratch.rects = g_array_new (FALSE, FALSE, sizeof (RectItem));
  scratch.lines = g_array_new (FALSE, FALSE, sizeof (LineItem));
  scratch.paths = g_ptr_array_new_with_free_func (_hu_chart_path_item_free);
  ctx.chart = self;
  ctx.layout = &scratch;
  ctx.style = style;
  probe = _hu_chart_make_text (&ctx, "Ag", 1.0, FALSE, -1, 1);
  _hu_chart_text_size (probe, NULL, &ctx.line_h);
  ctx.pad = ctx.line_h * 0.5;
  top = _hu_chart_layout_header (&ctx, width, FALSE) + ctx.line_h * 1.2;
  height = ceil (top + self->categories->len * _hu_chart_ranked_row_height (&ctx, width)
                 + (_hu_chart_ranked_top_ticks (self) ? ctx.line_h * 1.1 : 0)
                 /* The note on bars past a cut axis, two lines at most. */
                 + (self->kind == HU_CHART_RANKED &&
                    _hu_chart_ranked_axis_end (self) < _hu_chart_max_extent (self)
                    ? ctx.line_h * 2 : 0)
                 + ctx.pad + ctx.line_h * 1.2);

  g_ptr_array_unref (scratch.texts);
  g_array_unref (scratch.rects);
  g_array_unref (scratch.lines);
  g_ptr_array_unref (scratch.paths);
  return height;
}

/* GTK measures again on every size request, and a bar chart's height
 * takes two or three layouts to settle, a ranked chart's measures every
 * label: the answer is kept until the chart, the width or the font
 * changes. */
static double
kept_height (HuChart            *self,
             double              width,
             const HuChartStyle *style,
             double            (*compute) (HuChart *, double, const HuChartStyle *))
{
  g_autofree char *key = _hu_chart_font_key (style);

  if (self->sized_font_key != NULL && self->sized_serial == self->serial
      && self->sized_width == width && g_strcmp0 (self->sized_font_key, key) == 0)
    return self->sized_height;

  self->sized_height = compute (self, width, style);
  self->sized_serial = self->serial;
  self->sized_width = width;
  g_free (self->sized_font_key);
  self->sized_font_key = g_steal_pointer (&key);
  return self->sized_height;
}

/**
 * hu_chart_get_preferred_height:
 * @self: a #HuChart
 * @width: the width available
 * @style: (nullable): the style it will be drawn with
 *
 * Returns: the height at which every row of a ranked chart is legible
 *   (for a scrolled window); for vertical bars, what the title, legend
 *   and labels need at @width plus a plot of about 0.45 x @width; a
 *   16:10-ish height for other kinds
 */
double
hu_chart_get_preferred_height (HuChart            *self,
                               double              width,
                               const HuChartStyle *style)
{
  g_return_val_if_fail (HU_IS_CHART (self), 0);

  if (style == NULL)
    style = _hu_chart_default_style ();
  /* A scatter's legend wraps on narrow screens and its log axis needs
   * room for every decade: taller than wide on a phone. */
  if (self->kind == HU_CHART_SCATTER)
    return CLAMP (MAX (width * 0.62, 900 - width), 360, 600);
  if (self->kind == HU_CHART_BARS)
    return kept_height (self, width, style, bars_preferred_height);
  if (self->kind == HU_CHART_RANKED || self->kind == HU_CHART_TORNADO)
    return kept_height (self, width, style, ranked_preferred_height);
  return CLAMP (width * 0.6, 200, 600);
}

/* ---------------------------------------------------------------------- */
/* Hit testing                                                             */

static char *
tooltip_for_rect (HuChart  *self,
                  RectItem *r)
{
  Category *category = g_ptr_array_index (self->categories, r->category);
  Series *series = g_ptr_array_index (self->series, r->series);
  g_autofree char *exact = _hu_chart_format_exact (self, self->unit, r->value);
  GString *text = g_string_new (category->label);

  if (self->series->len > 1)
    g_string_append_printf (text, "\n%s: %s", series->label, exact);
  else
    g_string_append_printf (text, "\n%s", exact);

  if (self->series->len > 1 && self->stacked)
    {
      g_autofree char *total = _hu_chart_format_exact (self, self->unit,
                                                       _hu_chart_category_extent (self,
                                                                                  r->category));

      /* Translators: the sum of a stacked bar, e.g. "Total: 552 t". */
      g_string_append_printf (text, "\n%s %s", _("Total:"), total);
    }

  return g_string_free (text, FALSE);
}

static gboolean
hit_path (HuChart *self,
          Layout  *layout,
          double   x,
          double   y,
          char   **tooltip_text)
{
  const cairo_rectangle_t *plot = &layout->plot;
  GString *text = NULL;
  double best = G_MAXDOUBLE;
  gboolean power = self->kind == HU_CHART_POWER;

  if (x < plot->x - 6 || x > plot->x + plot->width + 6
      || y < plot->y - 6 || y > plot->y + plot->height + 6)
    return FALSE;

  for (guint i = 0; i < layout->paths->len; i++)
    {
      PathItem *item = g_ptr_array_index (layout->paths, i);
      Series *series = g_ptr_array_index (self->series, item->series);
      PathPoint *nearest = NULL;
      double nearest_d = G_MAXDOUBLE;

      for (guint j = 0; j < item->points->len; j++)
        {
          PathPoint *p = &g_array_index (item->points, PathPoint, j);
          double d = power ? fabs (p->x - x) : hypot (p->x - x, p->y - y);

          if (d < nearest_d)
            {
              nearest_d = d;
              nearest = p;
            }
        }

      if (nearest == NULL || nearest_d > (power ? 3 : 10))
        continue;

      if (power)
        {
          g_autofree char *when = _hu_chart_format_value (self, self->x_unit, nearest->data_x, 0);
          g_autofree char *mean = _hu_chart_format_exact (self, self->unit, nearest->data_y);
          g_autofree char *lo = _hu_chart_format_value (self, self->unit, nearest->data_lo, 0);
          g_autofree char *hi = _hu_chart_format_value (self, self->unit, nearest->data_hi, 0);

          if (text == NULL)
            text = g_string_new (when);
          /* Translators: tooltip of a power chart, "GPU 0: 245 W (min 230 W, max 260 W)". */
          g_string_append_printf (text, _("\n%s: %s (min %s, max %s)"), series->label,
                                  mean, lo, hi);
        }
      else if (nearest_d < best)
        {
          g_autofree char *xs = _hu_chart_format_exact (self, self->x_unit, nearest->data_x);
          g_autofree char *ys = _hu_chart_format_exact (self, self->unit, nearest->data_y);

          best = nearest_d;
          if (text != NULL)
            g_string_free (text, TRUE);
          text = g_string_new (NULL);
          if (self->series->len > 1)
            g_string_append_printf (text, "%s\n", series->label);
          g_string_append_printf (text, "%s: %s\n%s: %s",
                                  self->x_label != NULL ? self->x_label : "x", xs,
                                  self->y_label != NULL ? self->y_label : "y", ys);
        }
    }

  if (text == NULL)
    return FALSE;

  if (tooltip_text != NULL)
    *tooltip_text = g_string_free (text, FALSE);
  else
    g_string_free (text, TRUE);
  return TRUE;
}

/* The bar or ranked row under a point. */
static RectItem *
rect_at (HuChart *self,
         Layout  *layout,
         double   x,
         double   y)
{
  for (guint i = 0; i < layout->rects->len; i++)
    {
      RectItem *r = &g_array_index (layout->rects, RectItem, i);
      double w = MAX (r->w, 4);

      if (r->series < 0 || r->category < 0)
        continue;
      /* Ranked rows are thin: the whole row is the target. */
      if (self->kind == HU_CHART_RANKED)
        {
          double row_top = r->y - r->h * 0.5 / 0.7 + r->h * 0.5;
          double row_h = r->h / 0.7;

          if (y < row_top || y >= row_top + row_h)
            continue;
        }
      else if (x < r->x || x > r->x + w || y < r->y || y > r->y + r->h)
        continue;
      return r;
    }
  return NULL;
}

/**
 * hu_chart_hit_test:
 * @self: a #HuChart
 * @x: pointer position in the chart's box
 * @y: pointer position
 * @width: the size the chart is drawn at
 * @height: the size the chart is drawn at
 * @style: (nullable): the style it is drawn with
 * @tooltip_text: (out) (optional) (transfer full): the exact value
 *
 * Returns: %TRUE if (@x, @y) is over a bar, point or sample
 */
gboolean
hu_chart_hit_test (HuChart            *self,
                   double              x,
                   double              y,
                   double              width,
                   double              height,
                   const HuChartStyle *style,
                   char              **tooltip_text)
{
  Layout *layout;

  g_return_val_if_fail (HU_IS_CHART (self), FALSE);

  if (tooltip_text != NULL)
    *tooltip_text = NULL;
  if (width < 1 || height < 1)
    return FALSE;

  layout = _hu_chart_ensure_layout (self, width, height, style);

  if (self->kind == HU_CHART_LINE || self->kind == HU_CHART_POWER)
    return hit_path (self, layout, x, y, tooltip_text);
  if (self->kind == HU_CHART_SCATTER)
    return _hu_chart_hit_marks (self, layout, x, y, tooltip_text);

  {
    RectItem *r = rect_at (self, layout, x, y);

    if (r == NULL)
      return FALSE;
    if (tooltip_text != NULL)
      *tooltip_text = tooltip_for_rect (self, r);
    return TRUE;
  }
}

/**
 * hu_chart_category_at:
 *
 * The category (bar, ranked row) at a point of a bar or ranked chart
 * drawn at @width × @height, so a click on it can act on what it shows.
 *
 * Returns: the category's index, or -1 where there is none
 */
int
hu_chart_category_at (HuChart            *self,
                      double              x,
                      double              y,
                      double              width,
                      double              height,
                      const HuChartStyle *style)
{
  RectItem *r;

  g_return_val_if_fail (HU_IS_CHART (self), -1);

  if (width < 1 || height < 1 || self->kind == HU_CHART_LINE || self->kind == HU_CHART_POWER ||
      self->kind == HU_CHART_SCATTER)
    return -1;
  r = rect_at (self, _hu_chart_ensure_layout (self, width, height, style), x, y);
  return r != NULL ? r->category : -1;
}

/**
 * hu_chart_get_target:
 * @target: a target, below hu_chart_get_n_targets()
 * @x: (out) (optional): its centre
 * @y: (out) (optional): its centre
 * @label: (out) (optional) (transfer full): what it is
 *
 * Returns: %TRUE if @target exists
 */
gboolean
hu_chart_get_target (HuChart            *self,
                     guint               target,
                     double              width,
                     double              height,
                     const HuChartStyle *style,
                     double             *x,
                     double             *y,
                     char              **label)
{
  g_return_val_if_fail (HU_IS_CHART (self), FALSE);

  if (label != NULL)
    *label = NULL;
  if (self->kind != HU_CHART_SCATTER || width < 1 || height < 1)
    return FALSE;
  return _hu_chart_get_mark_target (self, _hu_chart_ensure_layout (self, width, height, style),
                                    target, x, y, label);
}

/* ---------------------------------------------------------------------- */
/* Accessible text                                                         */

static void
append_bars_text (HuChart *self,
                  GString *text)
{
  Axis axis = { 0 };

  _hu_chart_bar_axis_init (self, &axis);
  for (guint c = 0; c < self->categories->len; c++)
    {
      Category *category = g_ptr_array_index (self->categories, c);

      if (self->kind == HU_CHART_RANKED)
        g_string_append_printf (text, "%u. ", c + 1);
      g_string_append (text, category->label);
      if (category->highlight)
        /* Translators: marks the scenario's own choice in a list. */
        g_string_append_printf (text, " (%s)", self->highlight_label != NULL
                                                 ? self->highlight_label : _("current"));
      g_string_append (text, ":");

      for (guint s = 0; s < self->series->len; s++)
        {
          Series *series = g_ptr_array_index (self->series, s);
          double v = _hu_chart_series_value (series, c);
          /* What the bar's label says ("92.9 t"), not the axis' ticks'
           * shared decimals ("93 t"): a screen reader hears the figure
           * the eye reads. */
          g_autofree char *value = _hu_chart_format_bar_on (&axis, v);

          if (self->series->len > 1)
            g_string_append_printf (text, "%s %s %s", s > 0 ? ";" : "", series->label, value);
          else
            g_string_append_printf (text, " %s", value);
        }
      if (self->series->len > 1 && self->stacked)
        {
          double extent = _hu_chart_category_extent (self, c);
          g_autofree char *total = _hu_chart_format_bar_on (&axis, extent);

          g_string_append_printf (text, "; %s %s", _("Total:"), total);
        }
      if (isfinite (category->low) && isfinite (category->high))
        {
          g_autofree char *low = _hu_chart_format_value (self, self->unit, category->low, 3);
          g_autofree char *high = _hu_chart_format_value (self, self->unit, category->high, 3);

          /* Translators: the likely range of a bar's value, "likely 5.1 t to 14.8 t" */
          g_string_append_printf (text, _(" (likely %s to %s)"), low, high);
        }
      g_string_append_c (text, '\n');
    }
  _hu_chart_axis_clear (&axis);
}

static void
append_xy_text (HuChart *self,
                GString *text)
{
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      if (series->label != NULL && series->label[0] != '\0')
        g_string_append_printf (text, "%s\n", series->label);

      for (guint i = 0; i < series->points->len; i++)
        {
          Point *p = &g_array_index (series->points, Point, i);
          g_autofree char *xs = _hu_chart_format_value (self, self->x_unit, p->x, 0);
          g_autofree char *ys = _hu_chart_format_value (self, self->unit, p->y, 0);

          g_string_append_printf (text, "%s: %s\n", xs, ys);
        }

      if (series->buckets->len > 0)
        {
          double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, sum = 0, weight = 0, end = 0;
          g_autofree char *los = NULL, *his = NULL, *means = NULL, *ends = NULL;

          for (guint i = 0; i < series->buckets->len; i++)
            {
              Bucket *b = &g_array_index (series->buckets, Bucket, i);
              double w = MAX (b->t1 - b->t0, 1e-9);

              lo = MIN (lo, b->min);
              hi = MAX (hi, b->max);
              sum += b->mean * w;
              weight += w;
              end = MAX (end, b->t1);
            }
          los = _hu_chart_format_value (self, self->unit, lo, 0);
          his = _hu_chart_format_value (self, self->unit, hi, 0);
          means = _hu_chart_format_value (self, self->unit, sum / weight, 0);
          ends = _hu_chart_format_value (self, self->x_unit, end, 0);
          /* Translators: summary of a power series for screen readers. */
          g_string_append_printf (text, _("over %s: mean %s, min %s, max %s\n"),
                                  ends, means, los, his);
        }
    }
}

/**
 * hu_chart_accessible_text:
 * @self: a #HuChart
 *
 * Returns: (transfer full): the chart's data as plain text, one line per
 *   category or point, for screen readers and text reports
 */
char *
hu_chart_accessible_text (HuChart *self)
{
  GString *text;

  g_return_val_if_fail (HU_IS_CHART (self), NULL);

  text = g_string_new (NULL);
  if (self->title != NULL)
    g_string_append_printf (text, "%s\n", self->title);

  if (self->kind == HU_CHART_BARS || self->kind == HU_CHART_RANKED ||
      self->kind == HU_CHART_TORNADO)
    append_bars_text (self, text);
  else if (self->kind == HU_CHART_SCATTER)
    _hu_chart_append_scatter_text (self, text);
  else
    append_xy_text (self, text);
  if (self->description != NULL)
    g_string_append_printf (text, "%s\n", self->description);

  return g_string_free (text, FALSE);
}
