/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hu-chart-private.h"

/* The labels of a scatter chart's marked points (the project's scenarios
 * on the Context page): beside their diamonds, never over another label
 * or diamond. Several scenarios often sit on one point (copies of a plan
 * that differ in region or price, not in compute), and their labels
 * piled up there (issue 10): the diamonds drawn on top of each other get
 * one label naming them, "Plan A, Plan B +2". */

static const char *
point_label (Series *series,
             guint   index)
{
  if (series->point_labels == NULL || index >= series->point_labels->len)
    return NULL;
  return g_ptr_array_index (series->point_labels, index);
}

/* A label's name: the first line of the point's label. */
static char *
point_name (HuChart        *self,
            const MarkItem *mark)
{
  const char *label = point_label (g_ptr_array_index (self->series, mark->series), mark->point);

  return g_strndup (label, strcspn (label, "\n"));
}

static int
compare_by_y (gconstpointer a,
              gconstpointer b)
{
  const MarkItem *ma = *(MarkItem * const *) a, *mb = *(MarkItem * const *) b;

  if (ma->y != mb->y)
    return ma->y < mb->y ? -1 : 1;
  if (ma->x != mb->x)
    return ma->x < mb->x ? -1 : 1;
  if (ma->series != mb->series)
    return ma->series < mb->series ? -1 : 1;
  return ma->point < mb->point ? -1 : ma->point > mb->point;
}

/* What labels must not cover, the diamonds and the labels placed so far,
 * filed by the cells of a grid over the plot: a label tries hundreds of
 * places, and with hundreds of scenarios testing each place against
 * every rectangle made a crowded chart take seconds. A rectangle is
 * filed in every cell it overlaps (clamped to the grid, so those that
 * stick out of the plot are filed at its edge); two rectangles that
 * overlap then share a cell. */
#define CELL 32.0

typedef struct {
  GArray  *rects;   /* cairo_rectangle_t */
  GArray **cells;   /* per cell: guint indices into rects */
  double   x0, y0;
  int      cols, rows;
} Placed;

static void
placed_init (Placed                  *placed,
             const cairo_rectangle_t *plot)
{
  placed->rects = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  placed->x0 = plot->x;
  placed->y0 = plot->y;
  placed->cols = MAX (1, (int) ceil (plot->width / CELL));
  placed->rows = MAX (1, (int) ceil (plot->height / CELL));
  placed->cells = g_new0 (GArray *, placed->cols * placed->rows);
}

static void
placed_clear (Placed *placed)
{
  for (int i = 0; i < placed->cols * placed->rows; i++)
    if (placed->cells[i] != NULL)
      g_array_unref (placed->cells[i]);
  g_free (placed->cells);
  g_array_unref (placed->rects);
}

/* The cells @r overlaps: columns c0..c1 and rows r0..r1. */
static void
placed_span (const Placed            *placed,
             const cairo_rectangle_t *r,
             int                     *c0,
             int                     *c1,
             int                     *r0,
             int                     *r1)
{
  *c0 = CLAMP ((int) floor ((r->x - placed->x0) / CELL), 0, placed->cols - 1);
  *c1 = CLAMP ((int) floor ((r->x + r->width - placed->x0) / CELL), 0, placed->cols - 1);
  *r0 = CLAMP ((int) floor ((r->y - placed->y0) / CELL), 0, placed->rows - 1);
  *r1 = CLAMP ((int) floor ((r->y + r->height - placed->y0) / CELL), 0, placed->rows - 1);
}

static void
placed_add (Placed                  *placed,
            const cairo_rectangle_t *r)
{
  guint index = placed->rects->len;
  int c0, c1, r0, r1;

  g_array_append_val (placed->rects, *r);
  placed_span (placed, r, &c0, &c1, &r0, &r1);
  for (int row = r0; row <= r1; row++)
    for (int col = c0; col <= c1; col++)
      {
        GArray **cell = &placed->cells[row * placed->cols + col];

        if (*cell == NULL)
          *cell = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (*cell, index);
      }
}

static gboolean
clashes (const Placed            *placed,
         const cairo_rectangle_t *r)
{
  int c0, c1, r0, r1;

  placed_span (placed, r, &c0, &c1, &r0, &r1);
  for (int row = r0; row <= r1; row++)
    for (int col = c0; col <= c1; col++)
      {
        GArray *cell = placed->cells[row * placed->cols + col];

        for (guint i = 0; cell != NULL && i < cell->len; i++)
          {
            const cairo_rectangle_t *o = &g_array_index (placed->rects, cairo_rectangle_t,
                                                         g_array_index (cell, guint, i));

            if (r->x < o->x + o->width && o->x < r->x + r->width &&
                r->y < o->y + o->height && o->y < r->y + r->height)
              return TRUE;
          }
      }
  return FALSE;
}

/* The free place nearest the mark for a label @w × @h: beside the mark
 * on the side with room, then on the other side, moved down or up by a
 * quarter of a line at a time, inside the plot. FALSE when there is
 * none: the label is left out, and hovering or focusing the diamond
 * still names it. */
static gboolean
find_place (const MarkItem          *mark,
            double                   w,
            double                   h,
            const Placed            *placed,
            const cairo_rectangle_t *plot,
            cairo_rectangle_t       *r)
{
  double right = mark->x + mark->radius + 4;
  double left = mark->x - mark->radius - 4 - w;
  double sides[2];
  double step = MAX (h / 4, 1);
  guint n_steps = (guint) ceil (plot->height / step) + 1;

  sides[0] = right + w <= plot->x + plot->width ? right : left;
  sides[1] = sides[0] == right ? left : right;
  r->width = w;
  r->height = h;

  for (guint k = 0; k <= n_steps; k++)
    for (guint side = 0; side < 2; side++)
      for (int sign = 1; sign >= -1; sign -= 2)
        {
          r->x = CLAMP (sides[side], plot->x, MAX (plot->x + plot->width - w, plot->x));
          r->y = mark->y - h / 2 + sign * (double) k * step;
          if (r->y < plot->y || r->y + h > plot->y + plot->height)
            continue;
          if (!clashes (placed, r))
            return TRUE;
        }
  return FALSE;
}

/* "Plan A", "Plan A, Plan B", "Plan A, Plan B +2": the first two names
 * of a group of diamonds drawn on one another and how many more; when
 * that is too long, "Plan A +3". How many there are is never cut off:
 * a name too long is shortened in its middle. */
static PangoLayout *
group_layout (Ctx       *ctx,
              GPtrArray *names,
              double     max_width)
{
  g_autofree char *two = NULL;
  g_autofree char *one = NULL;
  PangoLayout *pl;

  if (names->len == 1)
    return _hu_chart_make_text (ctx, names->pdata[0], 0.85, TRUE, max_width, 1);

  if (names->len == 2)
    /* Translators: the label of two scenarios drawn at one point of the
     * context chart, "Plan A, Plan B" */
    two = g_strdup_printf (_("%s, %s"), (char *) names->pdata[0], (char *) names->pdata[1]);
  else
    /* Translators: the label of several scenarios drawn at one point of
     * the context chart: two names and how many more, "Plan A, Plan B +2" */
    two = g_strdup_printf (_("%s, %s +%u"), (char *) names->pdata[0],
                           (char *) names->pdata[1], names->len - 2);
  pl = _hu_chart_make_text (ctx, two, 0.85, TRUE, max_width, 1);
  if (!pango_layout_is_ellipsized (pl))
    return pl;
  g_object_unref (pl);

  /* Translators: the label of several scenarios drawn at one point of
   * the context chart when two names do not fit: a name and how many
   * more, "Plan A +3" */
  one = g_strdup_printf (_("%s +%u"), (char *) names->pdata[0], names->len - 1);
  pl = _hu_chart_make_text (ctx, one, 0.85, TRUE, max_width, 1);
  pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_MIDDLE);
  return pl;
}

static void
place_label (Ctx                     *ctx,
             const MarkItem          *mark,
             GPtrArray               *names,
             Placed                  *placed,
             GArray                  *decorations,
             const cairo_rectangle_t *plot)
{
  PangoLayout *pl = group_layout (ctx, names, plot->width * 0.45);
  cairo_rectangle_t r;
  MarkItem backdrop = { 0 };
  double w, h;

  _hu_chart_text_size (pl, &w, &h);
  if (!find_place (mark, w, h, placed, plot, &r))
    {
      g_object_unref (pl);
      return;
    }
  /* The layout keeps its width: a long name is ellipsized within the
   * rectangle placed, not drawn past it. */
  placed_add (placed, &r);
  _hu_chart_add_text (ctx, pl, r.x, r.y, 0, 0, ROLE_FOREGROUND);

  /* A label moved away from its diamond points back at it. */
  if (fabs (r.y + h / 2 - mark->y) > h * 0.6)
    {
      gboolean right = r.x > mark->x;

      _hu_chart_add_line (ctx, mark->x + (right ? mark->radius : -mark->radius), mark->y,
                          right ? r.x - 3 : r.x + r.width + 3, r.y + h / 2, ROLE_MUTED, FALSE);
    }

  /* Labels sit among hundreds of dots: a backdrop keeps them legible. */
  backdrop.shape = MARK_BACKDROP;
  backdrop.x = r.x - 3;
  backdrop.y = r.y;
  backdrop.w = r.width + 6;
  backdrop.h = r.height;
  backdrop.point = G_MAXUINT;
  g_array_append_val (decorations, backdrop);
}

/**
 * _hu_chart_scatter_layout_labels:
 * @decorations: (element-type MarkItem): gets a backdrop per label
 *
 * Labels the marked series' points of the laid out marks, top to bottom
 * so that a column of diamonds keeps its labels in order.
 */
void
_hu_chart_scatter_layout_labels (Ctx    *ctx,
                                 GArray *decorations)
{
  HuChart *self = ctx->chart;
  GArray *marks = ctx->layout->marks;
  g_autoptr(GPtrArray) marked = g_ptr_array_new ();
  Placed placed;
  g_autofree gboolean *grouped = NULL;

  for (guint i = 0; i < marks->len; i++)
    {
      MarkItem *mark = &g_array_index (marks, MarkItem, i);
      Series *series = g_ptr_array_index (self->series, mark->series);

      if (series->marked && point_label (series, mark->point) != NULL)
        g_ptr_array_add (marked, mark);
    }
  g_ptr_array_sort (marked, compare_by_y);

  placed_init (&placed, &ctx->layout->plot);
  /* No label may cover a diamond. */
  for (guint i = 0; i < marked->len; i++)
    {
      MarkItem *mark = marked->pdata[i];
      cairo_rectangle_t box = { mark->x - mark->radius, mark->y - mark->radius * 1.25,
                                2 * mark->radius, 2.5 * mark->radius };

      placed_add (&placed, &box);
    }

  grouped = g_new0 (gboolean, marked->len);
  for (guint i = 0; i < marked->len; i++)
    {
      MarkItem *mark = marked->pdata[i];
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      if (grouped[i])
        continue;
      /* Diamonds less than a radius apart are drawn as one. They are
       * sorted by y: past a radius below this one there are no more. */
      for (guint j = i; j < marked->len; j++)
        {
          MarkItem *other = marked->pdata[j];

          if (other->y - mark->y >= mark->radius)
            break;
          if (grouped[j] || fabs (other->x - mark->x) >= mark->radius)
            continue;
          grouped[j] = TRUE;
          g_ptr_array_add (names, point_name (self, other));
        }
      place_label (ctx, mark, names, &placed, decorations, &ctx->layout->plot);
    }
  placed_clear (&placed);
}
