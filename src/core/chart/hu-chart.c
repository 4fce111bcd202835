/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "hu-chart-private.h"

/*
 * The chart works in three stages, like Sysprof's charts:
 *
 *   data (categories, series, values, points, buckets)
 *     → layout: every rectangle, line, polyline and positioned PangoLayout,
 *       computed only when the data, the size or the font change
 *     → drawing: paint the layout with the style's colours.
 *
 * Colours are resolved at drawing time, so switching light/dark does not
 * lay out again; fonts are not, because they change the geometry. Text
 * is measured with hinted metrics off so the geometry is the same on
 * screen, in SVG and in PDF.
 */


G_DEFINE_FINAL_TYPE (HuChart, hu_chart, G_TYPE_OBJECT)
G_DEFINE_QUARK (hu-chart-error-quark, hu_chart_error)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];


/* ---------------------------------------------------------------------- */
/* Data                                                                    */

static void
category_free (gpointer data)
{
  Category *category = data;

  g_free (category->label);
  g_free (category);
}

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->label);
  g_clear_pointer (&series->point_labels, g_ptr_array_unref);
  g_array_unref (series->values);
  g_array_unref (series->points);
  g_array_unref (series->buckets);
  g_free (series);
}

static void
hu_chart_changed (HuChart *self)
{
  self->serial++;
  g_signal_emit (self, signals[CHANGED], 0);
}

static Series *
get_series (HuChart *self,
            guint    index)
{
  g_return_val_if_fail (index < self->series->len, NULL);
  return g_ptr_array_index (self->series, index);
}


/* ---------------------------------------------------------------------- */
/* GObject                                                                 */

static void
hu_chart_finalize (GObject *object)
{
  HuChart *self = (HuChart *) object;

  g_clear_pointer (&self->layout, _hu_chart_layout_free);
  g_free (self->sized_font_key);
  g_free (self->widest_font_key);
  g_clear_object (&self->context);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->x_marker_label);
  g_free (self->x_label);
  g_free (self->y_label);
  g_free (self->currency);
  g_free (self->highlight_label);
  g_free (self->description);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->series);

  G_OBJECT_CLASS (hu_chart_parent_class)->finalize (object);
}

static void
hu_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HuChart *self = HU_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  HuChart *self = HU_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    case PROP_TITLE:
      hu_chart_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_chart_class_init (HuChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hu_chart_finalize;
  object_class->get_property = hu_chart_get_property;
  object_class->set_property = hu_chart_set_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, HU_CHART_BARS, HU_CHART_SCATTER, HU_CHART_BARS,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HuChart::changed:
   *
   * Emitted when the data changes; the widget queues a redraw.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hu_chart_init (HuChart *self)
{
  self->categories = g_ptr_array_new_with_free_func (category_free);
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->stacked = TRUE;
  self->x_marker = NAN;
  self->focus = -1;
  self->unit = HU_UNIT_PLAIN;
  self->x_unit = HU_UNIT_PLAIN;
}

/* ---------------------------------------------------------------------- */
/* Public data API                                                         */

HuChart *
hu_chart_new (HuChartKind kind)
{
  return g_object_new (HU_TYPE_CHART, "kind", kind, NULL);
}

HuChartKind
hu_chart_get_kind (HuChart *self)
{
  g_return_val_if_fail (HU_IS_CHART (self), HU_CHART_BARS);
  return self->kind;
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
hu_chart_set_title (HuChart    *self,
                    const char *title)
{
  g_return_if_fail (HU_IS_CHART (self));

  if (set_string (&self->title, title))
    {
      hu_chart_changed (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

const char *
hu_chart_get_title (HuChart *self)
{
  g_return_val_if_fail (HU_IS_CHART (self), NULL);
  return self->title;
}

void
hu_chart_set_subtitle (HuChart    *self,
                       const char *subtitle)
{
  g_return_if_fail (HU_IS_CHART (self));

  if (set_string (&self->subtitle, subtitle))
    hu_chart_changed (self);
}

const char *
hu_chart_get_subtitle (HuChart *self)
{
  g_return_val_if_fail (HU_IS_CHART (self), NULL);
  return self->subtitle;
}

void
hu_chart_set_x_label (HuChart    *self,
                      const char *label)
{
  g_return_if_fail (HU_IS_CHART (self));

  if (set_string (&self->x_label, label))
    hu_chart_changed (self);
}

void
hu_chart_set_y_label (HuChart    *self,
                      const char *label)
{
  g_return_if_fail (HU_IS_CHART (self));

  if (set_string (&self->y_label, label))
    hu_chart_changed (self);
}

void
hu_chart_set_unit_kind (HuChart    *self,
                        HuUnitKind  unit)
{
  g_return_if_fail (HU_IS_CHART (self));

  if (self->unit == unit)
    return;
  self->unit = unit;
  hu_chart_changed (self);
}

HuUnitKind
hu_chart_get_unit_kind (HuChart *self)
{
  g_return_val_if_fail (HU_IS_CHART (self), HU_UNIT_PLAIN);
  return self->unit;
}

void
hu_chart_set_x_unit_kind (HuChart    *self,
                          HuUnitKind  unit)
{
  g_return_if_fail (HU_IS_CHART (self));

  if (self->x_unit == unit)
    return;
  self->x_unit = unit;
  hu_chart_changed (self);
}

void
hu_chart_set_currency (HuChart    *self,
                       const char *currency)
{
  g_return_if_fail (HU_IS_CHART (self));

  if (set_string (&self->currency, currency))
    hu_chart_changed (self);
}

static gboolean
scale_equal (const HuUnitScale *a,
             const HuUnitScale *b)
{
  return a->kind == b->kind && a->divisor == b->divisor && a->decimals == b->decimals &&
         a->significant == b->significant && g_strcmp0 (a->symbol, b->symbol) == 0;
}

/**
 * hu_chart_set_label_scale:
 * @self: a #HuChart
 * @scale: (nullable): the unit and decimals of a table beside the chart
 *   that shows the values its bars stand for; %NULL for the chart's own
 *
 * Labels the bars as that table writes the same values: a table column
 * of "50.96 t" beside a bar labelled "51.0" read as two figures. The
 * numbers are in @scale's decimals; a label whose value @scale would
 * hide, or whose unit is not the axis', carries its unit, as
 * hu_unit_scale_format_number() does in a table. Without a scale a bar
 * reads three significant digits of the axis' unit.
 */
void
hu_chart_set_label_scale (HuChart           *self,
                          const HuUnitScale *scale)
{
  g_return_if_fail (HU_IS_CHART (self));

  if (scale == NULL ? !self->has_label_scale
                    : self->has_label_scale && scale_equal (&self->label_scale, scale))
    return;
  self->has_label_scale = scale != NULL;
  if (scale != NULL)
    {
      self->label_scale = *scale;
      /* The chart's own currency, set apart (not owned here). */
      self->label_scale.currency = NULL;
    }
  hu_chart_changed (self);
}

/**
 * hu_chart_set_highlight_label:
 * @self: a #HuChart
 * @label: (nullable): what the highlight means, "baseline"; %NULL for
 *   "current"
 *
 * Names the highlighted category in the accessible text.
 */
void
hu_chart_set_highlight_label (HuChart    *self,
                              const char *label)
{
  g_return_if_fail (HU_IS_CHART (self));

  if (set_string (&self->highlight_label, label))
    hu_chart_changed (self);
}

void
hu_chart_set_stacked (HuChart  *self,
                      gboolean  stacked)
{
  g_return_if_fail (HU_IS_CHART (self));

  stacked = !!stacked;
  if (self->stacked == stacked)
    return;
  self->stacked = stacked;
  hu_chart_changed (self);
}

guint
hu_chart_add_category (HuChart    *self,
                       const char *label,
                       gboolean    highlight)
{
  Category *category;

  g_return_val_if_fail (HU_IS_CHART (self), 0);

  category = g_new0 (Category, 1);
  category->label = g_strdup (label != NULL ? label : "");
  category->highlight = !!highlight;
  category->low = category->high = NAN;
  g_ptr_array_add (self->categories, category);

  /* Every series gets a "no value" slot for the new category. */
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      double nan = NAN;

      g_array_append_val (series->values, nan);
    }

  hu_chart_changed (self);
  return self->categories->len - 1;
}

/**
 * hu_chart_set_interval:
 * @low: the 5th percentile of the category's total, or NAN
 * @high: its 95th percentile, or NAN
 *
 * A whisker over the category's bar: the likely range of its total.
 */
void
hu_chart_set_interval (HuChart *self,
                       guint    category,
                       double   low,
                       double   high)
{
  Category *c;

  g_return_if_fail (HU_IS_CHART (self));
  g_return_if_fail (category < self->categories->len);

  c = g_ptr_array_index (self->categories, category);
  if ((c->low == low || (isnan (c->low) && isnan (low))) &&
      (c->high == high || (isnan (c->high) && isnan (high))))
    return;
  c->low = low;
  c->high = high;
  hu_chart_changed (self);
}

/**
 * hu_chart_get_interval:
 * @low: (out) (optional): the whisker's low end, NAN for none
 * @high: (out) (optional): its high end, NAN for none
 *
 * Returns: whether @category has a whisker
 */
gboolean
hu_chart_get_interval (HuChart *self,
                       guint    category,
                       double  *low,
                       double  *high)
{
  Category *c;

  g_return_val_if_fail (HU_IS_CHART (self), FALSE);
  g_return_val_if_fail (category < self->categories->len, FALSE);

  c = g_ptr_array_index (self->categories, category);
  if (low != NULL)
    *low = c->low;
  if (high != NULL)
    *high = c->high;
  return isfinite (c->low) && isfinite (c->high);
}

guint
hu_chart_add_series (HuChart    *self,
                     const char *label)
{
  Series *series;
  double nan = NAN;

  g_return_val_if_fail (HU_IS_CHART (self), 0);

  series = g_new0 (Series, 1);
  series->label = g_strdup (label != NULL ? label : "");
  series->values = g_array_new (FALSE, FALSE, sizeof (double));
  series->points = g_array_new (FALSE, FALSE, sizeof (Point));
  series->buckets = g_array_new (FALSE, FALSE, sizeof (Bucket));
  for (guint c = 0; c < self->categories->len; c++)
    g_array_append_val (series->values, nan);
  g_ptr_array_add (self->series, series);

  hu_chart_changed (self);
  return self->series->len - 1;
}

/**
 * hu_chart_set_series_line:
 *
 * How a line chart draws @series and shows it in the legend.
 */
void
hu_chart_set_series_line (HuChart     *self,
                          guint        series,
                          HuLineStyle  style)
{
  Series *s;

  g_return_if_fail (HU_IS_CHART (self));
  g_return_if_fail (series < self->series->len);

  s = g_ptr_array_index (self->series, series);
  if (s->line == style)
    return;
  s->line = style;
  hu_chart_changed (self);
}

HuLineStyle
hu_chart_get_series_line (HuChart *self,
                          guint    series)
{
  g_return_val_if_fail (HU_IS_CHART (self), HU_LINE_SOLID);
  g_return_val_if_fail (series < self->series->len, HU_LINE_SOLID);

  return ((Series *) g_ptr_array_index (self->series, series))->line;
}

void
hu_chart_set_value (HuChart *self,
                    guint    series,
                    guint    category,
                    double   value)
{
  Series *s;

  g_return_if_fail (HU_IS_CHART (self));
  g_return_if_fail (category < self->categories->len);

  s = get_series (self, series);
  if (s == NULL)
    return;
  g_array_index (s->values, double, category) = value;
  hu_chart_changed (self);
}

double
hu_chart_get_value (HuChart *self,
                    guint    series,
                    guint    category)
{
  g_return_val_if_fail (HU_IS_CHART (self), NAN);
  g_return_val_if_fail (series < self->series->len, NAN);

  return _hu_chart_series_value (g_ptr_array_index (self->series, series), category);
}

guint
hu_chart_get_n_categories (HuChart *self)
{
  g_return_val_if_fail (HU_IS_CHART (self), 0);
  return self->categories->len;
}

guint
hu_chart_get_n_series (HuChart *self)
{
  g_return_val_if_fail (HU_IS_CHART (self), 0);
  return self->series->len;
}

const char *
hu_chart_get_category_label (HuChart *self,
                             guint    category)
{
  g_return_val_if_fail (HU_IS_CHART (self), NULL);
  g_return_val_if_fail (category < self->categories->len, NULL);

  return ((Category *) g_ptr_array_index (self->categories, category))->label;
}

/* Whether @category is drawn marked ("current", "baseline"). */
gboolean
hu_chart_get_category_highlight (HuChart *self,
                                 guint    category)
{
  g_return_val_if_fail (HU_IS_CHART (self), FALSE);
  g_return_val_if_fail (category < self->categories->len, FALSE);

  return ((Category *) g_ptr_array_index (self->categories, category))->highlight;
}

void
hu_chart_clear (HuChart *self)
{
  g_return_if_fail (HU_IS_CHART (self));

  g_ptr_array_set_size (self->categories, 0);
  g_ptr_array_set_size (self->series, 0);
  hu_chart_changed (self);
}

void
hu_chart_add_point (HuChart *self,
                    guint    series,
                    double   x,
                    double   y)
{
  Series *s;
  Point p = { x, y };

  g_return_if_fail (HU_IS_CHART (self));

  s = get_series (self, series);
  if (s == NULL)
    return;
  g_array_append_val (s->points, p);
  hu_chart_changed (self);
}

void
hu_chart_set_x_marker (HuChart *self,
                       double   x)
{
  g_return_if_fail (HU_IS_CHART (self));

  if (self->x_marker == x || (isnan (x) && isnan (self->x_marker)))
    return;
  self->x_marker = x;
  hu_chart_changed (self);
}

/**
 * hu_chart_get_point:
 *
 * Returns: whether the line's @index-th point exists; if so its @x and @y
 */
gboolean
hu_chart_get_point (HuChart *self,
                    guint    series,
                    guint    index,
                    double  *x,
                    double  *y)
{
  Series *s;
  const Point *p;

  g_return_val_if_fail (HU_IS_CHART (self), FALSE);
  s = get_series (self, series);
  if (s == NULL || s->points == NULL || index >= s->points->len)
    return FALSE;
  p = &g_array_index (s->points, Point, index);
  *x = p->x;
  *y = p->y;
  return TRUE;
}

double
hu_chart_get_x_marker (HuChart *self)
{
  g_return_val_if_fail (HU_IS_CHART (self), NAN);
  return self->x_marker;
}

/**
 * hu_chart_set_x_marker_label:
 * @label: (nullable): what the marker stands for; %NULL for "current"
 */
void
hu_chart_set_x_marker_label (HuChart    *self,
                             const char *label)
{
  g_return_if_fail (HU_IS_CHART (self));

  if (set_string (&self->x_marker_label, label))
    hu_chart_changed (self);
}

void
hu_chart_add_bucket (HuChart *self,
                     guint    series,
                     double   t0_s,
                     double   t1_s,
                     double   min_w,
                     double   mean_w,
                     double   max_w)
{
  Series *s;
  Bucket b = { t0_s, t1_s, min_w, mean_w, max_w };

  g_return_if_fail (HU_IS_CHART (self));

  if (!isfinite (t0_s) || !isfinite (t1_s) || !isfinite (min_w)
      || !isfinite (mean_w) || !isfinite (max_w))
    return;
  s = get_series (self, series);
  if (s == NULL)
    return;
  g_array_append_val (s->buckets, b);
  /* No ::changed per sample: a million emissions would cost more than
   * the drawing. The serial still invalidates the layout. */
  self->serial++;
}

void
hu_chart_add_sample (HuChart *self,
                     guint    series,
                     double   t_s,
                     double   watts)
{
  hu_chart_add_bucket (self, series, t_s, t_s, watts, watts, watts);
}
