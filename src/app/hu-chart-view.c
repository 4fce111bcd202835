/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuChartView"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "hu-chart-view.h"

/* A chart on screen. The drawing itself is the core's renderer, the same
 * function the SVG/PDF/PNG exporters call; this widget only turns the CSS
 * theme into a HuChartStyle (in css_changed, not per frame), asks for a
 * height that fits the chart, and answers tooltips by hit testing. */
struct _HuChartView
{
  GtkWidget     parent_instance;

  HuChart      *chart;
  HuChartStyle  style;

  /* Keyboard focus over a scatter's points (hu_chart_get_n_targets()):
   * the focused point, -1 for none, and what it is. */
  int           target;
  char         *focused_label;
};

G_DEFINE_FINAL_TYPE (HuChartView, hu_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_FOCUSED_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CATEGORY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Names of colours defined in style.css (light) and style-dark.css. */
static const char * const palette_names[HU_CHART_PALETTE_SIZE] = {
  "hu_chart_1", "hu_chart_2", "hu_chart_3", "hu_chart_4",
  "hu_chart_5", "hu_chart_6", "hu_chart_7", "hu_chart_8",
};

static void
rgba_to_color (const GdkRGBA *rgba,
               HuColor       *color)
{
  color->red = rgba->red;
  color->green = rgba->green;
  color->blue = rgba->blue;
  color->alpha = rgba->alpha;
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              HuColor         *color)
{
  GdkRGBA rgba;

  if (gtk_style_context_lookup_color (context, name, &rgba))
    rgba_to_color (&rgba, color);
}

static void
update_style (HuChartView *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  PangoContext *pango = gtk_widget_get_pango_context (GTK_WIDGET (self));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA fg;

  hu_chart_style_clear (&self->style);
  hu_chart_style_init (&self->style, dark);

  gtk_style_context_get_color (context, &fg);
  rgba_to_color (&fg, &self->style.foreground);
  self->style.grid = self->style.foreground;
  self->style.grid.alpha = 0.15;
  /* The widget sits on the window's background: draw none of our own. */
  self->style.background.alpha = 0;

  lookup_color (context, "accent_color", &self->style.accent);
  lookup_color (context, "hu_chart_highlight", &self->style.highlight);
  for (guint i = 0; i < HU_CHART_PALETTE_SIZE; i++)
    lookup_color (context, palette_names[i], &self->style.palette[i]);

  g_clear_pointer (&self->style.font, pango_font_description_free);
  self->style.font = pango_font_description_copy (pango_context_get_font_description (pango));
}
G_GNUC_END_IGNORE_DEPRECATIONS

static void
update_accessible (HuChartView *self)
{
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  const char *title = self->chart != NULL ? hu_chart_get_title (self->chart) : NULL;

  if (self->chart != NULL)
    text = hu_chart_accessible_text (self->chart);
  /* The focused point is part of the name, which screen readers repeat
   * when it changes. */
  if (self->focused_label != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (self->focused_label, "\n", -1);
      g_autofree char *point = g_strjoinv (", ", lines);

      /* Translators: a chart's title, then the point that has keyboard focus */
      label = g_strdup_printf (_("%s: %s"), title != NULL ? title : "", point);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : title != NULL ? title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text != NULL ? text : "",
                                  -1);
}

static void
set_target (HuChartView *self,
            int          target)
{
  g_autofree char *label = NULL;
  int n = self->chart != NULL ? (int) hu_chart_get_n_targets (self->chart) : 0;

  target = n > 0 && target >= 0 ? MIN (target, n - 1) : -1;
  if (target >= 0)
    hu_chart_get_target (self->chart, target, MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1),
                         MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1), &self->style,
                         NULL, NULL, &label);
  self->target = target;
  if (g_strcmp0 (label, self->focused_label) != 0)
    {
      g_free (self->focused_label);
      self->focused_label = g_steal_pointer (&label);
      update_accessible (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED_LABEL]);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_chart_changed (HuChartView *self)
{
  gboolean points = self->chart != NULL && hu_chart_get_n_targets (self->chart) > 0;

  /* A scatter's points take the keyboard focus one by one. */
  gtk_widget_set_focusable (GTK_WIDGET (self), points);
  update_accessible (self);
  set_target (self, points && gtk_widget_has_focus (GTK_WIDGET (self)) ? self->target : -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static gboolean
on_key_pressed (HuChartView     *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  int n = self->chart != NULL ? (int) hu_chart_get_n_targets (self->chart) : 0;
  int target = self->target;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      target = target < 0 ? 0 : MIN (target + 1, n - 1);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      target = target < 0 ? n - 1 : MAX (target - 1, 0);
      break;
    case GDK_KEY_Page_Down:
      target = MIN (MAX (target, 0) + 10, n - 1);
      break;
    case GDK_KEY_Page_Up:
      target = MAX (target - 10, 0);
      break;
    case GDK_KEY_Home:
      target = 0;
      break;
    case GDK_KEY_End:
      target = n - 1;
      break;
    default:
      return FALSE;
    }
  set_target (self, target);
  return TRUE;
}

/* Focus comes in on the most recent point: the newest models, and the
 * scenarios planned today. */
static void
on_focus_enter (HuChartView *self)
{
  int n = self->chart != NULL ? (int) hu_chart_get_n_targets (self->chart) : 0;

  set_target (self, self->target >= 0 ? self->target : n - 1);
}

static void
on_focus_leave (HuChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A click focuses the point under the pointer. */
static void
on_pressed (HuChartView *self,
            int          n_press,
            double       x,
            double       y)
{
  guint n = self->chart != NULL ? hu_chart_get_n_targets (self->chart) : 0;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double best = 8;
  int hit = -1;

  for (guint i = 0; i < n; i++)
    {
      double px, py;

      /* On a tie the later target wins: a scenario's diamond comes after
       * the known model's dot it sits on. */
      if (hu_chart_get_target (self->chart, i, width, height, &self->style, &px, &py, NULL)
          && hypot (px - x, py - y) <= best)
        {
          best = hypot (px - x, py - y);
          hit = i;
        }
    }
  if (hit < 0)
    {
      /* A bar or a ranked row: whoever shows the chart may act on it. */
      int category = n == 0 && self->chart != NULL
                     ? hu_chart_category_at (self->chart, x, y, width, height, &self->style) : -1;

      if (category >= 0)
        g_signal_emit (self, signals[CATEGORY_ACTIVATED], 0, (guint) category, x, y);
      return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self));
  set_target (self, hit);
}

static void
hu_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  HuChartView *self = HU_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (hu_chart_view_parent_class)->css_changed (widget, change);

  update_style (self);
  gtk_widget_queue_draw (widget);
}

static GtkSizeRequestMode
hu_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
hu_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  HuChartView *self = HU_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Narrow enough for a 360 px phone, wide enough to read at rest. */
      *minimum = 280;
      *natural = 640;
    }
  else
    {
      double width = for_size > 0 ? for_size : 640;
      double height = 300;

      if (self->chart != NULL)
        {
          height = hu_chart_get_preferred_height (self->chart, width, &self->style);
          /* Ranked charts need a row per item; the others only need to be
           * readable, and must leave room for the table below them. Bar
           * charts already bound their plot, and a cap here would take
           * the room their wrapped labels need on a phone out of the bars. */
          if (hu_chart_get_kind (self->chart) != HU_CHART_RANKED &&
              hu_chart_get_kind (self->chart) != HU_CHART_SCATTER &&
              hu_chart_get_kind (self->chart) != HU_CHART_BARS)
            height = MIN (height, 380);
        }
      *minimum = *natural = MAX (200, (int) height);
    }
}

static void
hu_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  HuChartView *self = HU_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  hu_chart_set_focus (self->chart, gtk_widget_has_focus (widget) ? self->target : -1);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  hu_chart_render (self->chart, cr, width, height, &self->style);
  cairo_destroy (cr);
}

static gboolean
hu_chart_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip)
{
  HuChartView *self = HU_CHART_VIEW (widget);
  g_autofree char *text = NULL;

  if (self->chart == NULL)
    return FALSE;
  if (keyboard_mode)
    {
      if (self->focused_label == NULL)
        return FALSE;
      gtk_tooltip_set_text (tooltip, self->focused_label);
      return TRUE;
    }

  if (!hu_chart_hit_test (self->chart, x, y,
                          gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget),
                          &self->style, &text))
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
hu_chart_view_dispose (GObject *object)
{
  HuChartView *self = HU_CHART_VIEW (object);

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (hu_chart_view_parent_class)->dispose (object);
}

static void
hu_chart_view_finalize (GObject *object)
{
  HuChartView *self = HU_CHART_VIEW (object);

  hu_chart_style_clear (&self->style);
  g_free (self->focused_label);

  G_OBJECT_CLASS (hu_chart_view_parent_class)->finalize (object);
}

static void
hu_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HuChartView *self = HU_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, hu_chart_view_get_chart (self));
      break;
    case PROP_FOCUSED_LABEL:
      g_value_set_string (value, hu_chart_view_get_focused_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HuChartView *self = HU_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      hu_chart_view_set_chart (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_chart_view_class_init (HuChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hu_chart_view_dispose;
  object_class->finalize = hu_chart_view_finalize;
  object_class->get_property = hu_chart_view_get_property;
  object_class->set_property = hu_chart_view_set_property;

  widget_class->css_changed = hu_chart_view_css_changed;
  widget_class->get_request_mode = hu_chart_view_get_request_mode;
  widget_class->measure = hu_chart_view_measure;
  widget_class->snapshot = hu_chart_view_snapshot;
  widget_class->query_tooltip = hu_chart_view_query_tooltip;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, HU_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the point with keyboard focus is, or %NULL. */
  properties[PROP_FOCUSED_LABEL] =
    g_param_spec_string ("focused-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HuChartView::category-activated:
   * @category: the bar or ranked row clicked, in the chart's order
   * @x: where, in the view
   * @y: where, in the view
   */
  signals[CATEGORY_ACTIVATED] =
    g_signal_new ("category-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_css_name (widget_class, "huchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hu_chart_view_init (HuChartView *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  hu_chart_style_init (&self->style, FALSE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  self->target = -1;

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_focus_enter), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
hu_chart_view_new (void)
{
  return g_object_new (HU_TYPE_CHART_VIEW, NULL);
}

/**
 * hu_chart_view_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart shown
 */
HuChart *
hu_chart_view_get_chart (HuChartView *self)
{
  g_return_val_if_fail (HU_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

void
hu_chart_view_set_chart (HuChartView *self,
                         HuChart     *chart)
{
  g_return_if_fail (HU_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || HU_IS_CHART (chart));

  if (self->chart == chart)
    return;

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_set_object (&self->chart, chart);
  if (chart != NULL)
    g_signal_connect_swapped (chart, "changed", G_CALLBACK (on_chart_changed), self);

  on_chart_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

/**
 * hu_chart_view_render_texture:
 * @width: width in pixels
 * @height: height in pixels
 *
 * Draws the chart through the widget's own snapshot path into a texture,
 * with the cairo renderer so that no display surface is needed. Tests
 * use it to check that a chart is not blank.
 *
 * Returns: (transfer full) (nullable): the texture, %NULL without a chart
 */
GdkTexture *
hu_chart_view_render_texture (HuChartView *self,
                              int          width,
                              int          height)
{
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = NULL;
  cairo_t *cr;
  GdkTexture *texture;

  g_return_val_if_fail (HU_IS_CHART_VIEW (self), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  if (self->chart == NULL)
    return NULL;

  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  hu_chart_render (self->chart, cr, width, height, &self->style);
  cairo_destroy (cr);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return NULL;

  renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (renderer, NULL, NULL))
    return NULL;
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);

  return texture;
}

/**
 * hu_chart_view_get_focused_label:
 *
 * Returns: (nullable): what the point with keyboard focus is
 */
const char *
hu_chart_view_get_focused_label (HuChartView *self)
{
  g_return_val_if_fail (HU_IS_CHART_VIEW (self), NULL);
  return self->focused_label;
}
