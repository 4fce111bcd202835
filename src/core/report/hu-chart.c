/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Chart"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "hu-chart-private.h"
#include "hu-report-private.h"

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

typedef struct {
  char     *label;
  gboolean  highlight;
} Category;

typedef struct {
  double x;
  double y;
} Point;

typedef struct {
  double t0;
  double t1;
  double min;
  double mean;
  double max;
} Bucket;

typedef struct {
  char   *label;
  GArray *values;   /* double per category */
  GArray *points;   /* Point, line charts */
  GArray *buckets;  /* Bucket, power charts */
} Series;

typedef enum {
  ROLE_FOREGROUND,
  ROLE_MUTED,
  ROLE_GRID,
  ROLE_AXIS,
  ROLE_HIGHLIGHT,
  ROLE_HIGHLIGHT_BAND,
  ROLE_ACCENT,
  ROLE_SERIES,      /* + palette index */
} Role;

typedef struct {
  PangoLayout *layout;
  double       x;
  double       y;
  Role         role;
} TextItem;

typedef struct {
  double  x, y, w, h;
  Role    role;
  guint   palette;
  int     series;     /* -1 for decoration */
  int     category;
  double  value;
} RectItem;

typedef struct {
  double   x0, y0, x1, y1;
  Role     role;
  gboolean dashed;
} LineItem;

/* A series in device coordinates: lines use y only; power uses the band
 * (lo, hi) and the mean y. */
typedef struct {
  double x;
  double y;
  double lo;
  double hi;
  double data_x;
  double data_y;
  double data_lo;
  double data_hi;
} PathPoint;

typedef struct {
  guint   series;
  GArray *points;     /* PathPoint */
} PathItem;

typedef struct {
  /* cache key */
  double     width;
  double     height;
  guint      serial;
  char      *font_key;

  cairo_rectangle_t plot;
  GPtrArray *texts;   /* TextItem */
  GArray    *rects;   /* RectItem */
  GArray    *lines;   /* LineItem */
  GPtrArray *paths;   /* PathItem */
  double     marker_radius;
} Layout;

struct _HuChart
{
  GObject      parent_instance;

  HuChartKind  kind;
  char        *title;
  char        *subtitle;
  char        *x_label;
  char        *y_label;
  char        *currency;
  char        *highlight_label;
  HuUnitKind   unit;
  HuUnitKind   x_unit;
  gboolean     stacked;
  double       x_marker;

  GPtrArray   *categories;  /* Category */
  GPtrArray   *series;      /* Series */

  guint        serial;
  PangoContext *context;
  Layout      *layout;
};

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
/* Style                                                                   */

static const char *light_palette[HU_CHART_PALETTE_SIZE] = {
  "#1c71d8", "#e66100", "#26a269", "#813d9c",
  "#c01c28", "#986a44", "#2190a4", "#5e5c64",
};

static const char *dark_palette[HU_CHART_PALETTE_SIZE] = {
  "#62a0ea", "#ffa348", "#57e389", "#c061cb",
  "#f66151", "#cdab8f", "#5bc8dc", "#c0bfbc",
};

gboolean
hu_color_parse (HuColor    *color,
                const char *spec)
{
  guint r, g, b, a = 255;
  gsize len;

  g_return_val_if_fail (color != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  len = strlen (spec);
  if (spec[0] != '#' || (len != 7 && len != 9))
    return FALSE;
  if (sscanf (spec + 1, "%2x%2x%2x", &r, &g, &b) != 3)
    return FALSE;
  if (len == 9 && sscanf (spec + 7, "%2x", &a) != 1)
    return FALSE;

  color->red = r / 255.0;
  color->green = g / 255.0;
  color->blue = b / 255.0;
  color->alpha = a / 255.0;
  return TRUE;
}

/**
 * hu_chart_style_init:
 * @style: (out caller-allocates): the style to fill
 * @dark: whether to use colours for a dark background
 *
 * Fills @style with the Adwaita-like defaults the exporters use. Free it
 * with hu_chart_style_clear().
 */
void
hu_chart_style_init (HuChartStyle *style,
                     gboolean      dark)
{
  const char **palette = dark ? dark_palette : light_palette;

  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  hu_color_parse (&style->foreground, dark ? "#ffffff" : "#241f31");
  hu_color_parse (&style->background, dark ? "#1e1e1e" : "#ffffff");
  hu_color_parse (&style->grid, dark ? "#ffffff26" : "#0000001f");
  hu_color_parse (&style->accent, dark ? "#78aeed" : "#1c71d8");
  hu_color_parse (&style->highlight, dark ? "#ffa348" : "#e66100");
  for (guint i = 0; i < HU_CHART_PALETTE_SIZE; i++)
    hu_color_parse (&style->palette[i], palette[i]);
  style->font = pango_font_description_from_string ("Sans 10");
  style->font_scale = 1.0;
}

void
hu_chart_style_copy (const HuChartStyle *src,
                     HuChartStyle       *dest)
{
  g_return_if_fail (src != NULL);
  g_return_if_fail (dest != NULL);

  *dest = *src;
  dest->font = src->font != NULL ? pango_font_description_copy (src->font) : NULL;
}

void
hu_chart_style_clear (HuChartStyle *style)
{
  g_return_if_fail (style != NULL);

  g_clear_pointer (&style->font, pango_font_description_free);
}

static const HuChartStyle *
default_style (void)
{
  static HuChartStyle style;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      hu_chart_style_init (&style, FALSE);
      g_once_init_leave (&initialized, 1);
    }

  return &style;
}

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
/* Units                                                                   */

typedef struct {
  double      divisor;
  const char *symbol;  /* translatable via the table's N_() */
} UnitStep;

static const UnitStep *
unit_steps (HuUnitKind  unit,
            guint      *n_steps)
{
  /* Each table is ordered; the largest step whose divisor ≤ max wins. */
  static const UnitStep energy[] = {
    { 1e-3, N_("Wh") }, { 1, N_("kWh") }, { 1e3, N_("MWh") }, { 1e6, N_("GWh") },
  };
  static const UnitStep mass[] = {
    { 1e-3, N_("g") }, { 1, N_("kg") }, { 1e3, N_("t") }, { 1e8, N_("kt") },
  };
  static const UnitStep hours[] = {
    /* Translators: unit symbols for minutes, hours, days and years. */
    { 1.0 / 60, N_("min") }, { 1, N_("h") }, { 72, N_("days") }, { 2 * 8766.0, N_("years") },
  };
  static const UnitStep gpu_hours[] = {
    { 1, N_("GPU-h") }, { 1e4, N_("thousand GPU-h") }, { 1e7, N_("million GPU-h") },
  };
  static const UnitStep power[] = {
    { 1, N_("W") }, { 1e3, N_("kW") }, { 1e6, N_("MW") },
  };
  static const UnitStep seconds[] = {
    { 1, N_("s") }, { 120, N_("min") }, { 7200, N_("h") },
  };
  static const UnitStep plain[] = {
    { 1, "" }, { 1e4, "k" }, { 1e6, "M" }, { 1e9, "G" }, { 1e12, "T" },
    { 1e15, "P" }, { 1e18, "E" }, { 1e21, "Z" }, { 1e24, "Y" },
  };

  switch (unit)
    {
    case HU_UNIT_ENERGY_KWH: *n_steps = G_N_ELEMENTS (energy); return energy;
    case HU_UNIT_MASS_KG: *n_steps = G_N_ELEMENTS (mass); return mass;
    case HU_UNIT_HOURS: *n_steps = G_N_ELEMENTS (hours); return hours;
    case HU_UNIT_GPU_HOURS: *n_steps = G_N_ELEMENTS (gpu_hours); return gpu_hours;
    case HU_UNIT_POWER_W: *n_steps = G_N_ELEMENTS (power); return power;
    case HU_UNIT_SECONDS: *n_steps = G_N_ELEMENTS (seconds); return seconds;
    case HU_UNIT_PLAIN:
    case HU_UNIT_CURRENCY:
    case HU_UNIT_PERCENT:
    default:
      *n_steps = G_N_ELEMENTS (plain);
      return plain;
    }
}

/* The real divisor of a step: "days" and "years" are reached at 72 h and
 * two years but count 24 h and 8766 h. */
static double
step_divisor (HuUnitKind      unit,
              const UnitStep *step)
{
  if (unit == HU_UNIT_HOURS && step->divisor == 72)
    return 24;
  if (unit == HU_UNIT_HOURS && step->divisor > 8766)
    return 8766;
  if (unit == HU_UNIT_GPU_HOURS && step->divisor > 1)
    return step->divisor / 10;
  if (unit == HU_UNIT_MASS_KG && step->divisor == 1e8)
    return 1e6;
  if (unit == HU_UNIT_SECONDS && step->divisor == 120)
    return 60;
  if (unit == HU_UNIT_SECONDS && step->divisor == 7200)
    return 3600;
  if ((unit == HU_UNIT_PLAIN || unit == HU_UNIT_CURRENCY) && step->divisor == 1e4)
    return 1e3;
  return step->divisor;
}

/**
 * hu_unit_pick_scale:
 * @unit: the unit of the values
 * @max: the largest absolute value to show
 * @currency: (nullable): currency code for %HU_UNIT_CURRENCY
 * @symbol: (out) (transfer full): the symbol of the chosen unit
 *
 * Returns: what to divide values by to show them in *@symbol
 */
double
hu_unit_pick_scale (HuUnitKind   unit,
                    double       max,
                    const char  *currency,
                    char       **symbol)
{
  const UnitStep *steps;
  const UnitStep *chosen;
  guint n_steps;

  g_return_val_if_fail (symbol != NULL, 1.0);

  if (unit == HU_UNIT_PERCENT)
    {
      *symbol = g_strdup ("%");
      return 0.01;
    }

  steps = unit_steps (unit, &n_steps);
  max = fabs (max);
  if (!isfinite (max))
    max = 0;

  /* The base unit (kWh, kg, h, …) is the default for small values too,
   * except where a smaller one reads better (Wh, g, min). */
  chosen = NULL;
  for (guint i = 0; i < n_steps; i++)
    if (steps[i].divisor == 1)
      chosen = &steps[i];
  for (guint i = 0; i < n_steps; i++)
    if (max >= steps[i].divisor && max > 0)
      chosen = &steps[i];
  if (max > 0 && max < 1 && steps[0].divisor < 1)
    chosen = &steps[0];
  if (chosen == NULL)
    chosen = &steps[0];

  if (unit == HU_UNIT_CURRENCY)
    {
      const char *code = currency != NULL ? currency : "";

      if (step_divisor (unit, chosen) == 1)
        *symbol = g_strdup (code);
      else
        *symbol = g_strdup_printf ("%s %s", chosen->symbol, code);
    }
  else if (unit == HU_UNIT_PLAIN)
    *symbol = g_strdup (chosen->symbol);
  else
    *symbol = g_strdup (_(chosen->symbol));

  return step_divisor (unit, chosen);
}

/**
 * hu_unit_format:
 * @unit: the unit of @value
 * @value: a value in the base unit
 * @currency: (nullable): currency code for %HU_UNIT_CURRENCY
 * @significant: significant digits to keep
 *
 * Returns: (transfer full): @value scaled and labelled, e.g. "167.7 MWh",
 *   in the locale's number format; "n/a" for NAN
 */
char *
hu_unit_format (HuUnitKind  unit,
                double      value,
                const char *currency,
                int         significant)
{
  g_autofree char *symbol = NULL;
  g_autofree char *number = NULL;
  double divisor;

  if (!isfinite (value))
    return g_strdup (_("n/a"));

  divisor = hu_unit_pick_scale (unit, value, currency, &symbol);
  number = _hu_format_significant (value / divisor, significant);

  if (symbol[0] == '\0')
    return g_steal_pointer (&number);
  if (unit == HU_UNIT_PERCENT)
    return g_strdup_printf ("%s %%", number);
  return g_strdup_printf ("%s %s", number, symbol);
}

static const char *
unit_base_symbol (HuUnitKind  unit,
                  const char *currency)
{
  switch (unit)
    {
    case HU_UNIT_ENERGY_KWH: return _("kWh");
    case HU_UNIT_MASS_KG: return _("kg");
    case HU_UNIT_HOURS: return _("h");
    case HU_UNIT_GPU_HOURS: return _("GPU-h");
    case HU_UNIT_CURRENCY: return currency != NULL ? currency : "";
    case HU_UNIT_POWER_W: return _("W");
    case HU_UNIT_SECONDS: return _("s");
    case HU_UNIT_PERCENT:
    case HU_UNIT_PLAIN:
    default:
      return "";
    }
}

/* The exact value for tooltips and tables: the scaled figure plus the
 * base-unit value with two decimals, "167.7 MWh (167,735.04 kWh)". */
static char *
format_exact (HuChart *self,
              HuUnitKind unit,
              double   value)
{
  g_autofree char *scaled = hu_unit_format (unit, value, self->currency, 4);
  g_autofree char *symbol = NULL;
  g_autofree char *base = NULL;
  double divisor;

  if (!isfinite (value))
    return g_steal_pointer (&scaled);

  divisor = hu_unit_pick_scale (unit, value, self->currency, &symbol);
  if (divisor == 1 || unit == HU_UNIT_PERCENT)
    {
      g_autofree char *number = _hu_format_decimals (value / divisor,
                                                     unit == HU_UNIT_PERCENT ? 1 : 2);
      const char *sym = unit == HU_UNIT_PERCENT ? "%" : unit_base_symbol (unit, self->currency);

      return sym[0] != '\0' ? g_strdup_printf ("%s %s", number, sym) : g_steal_pointer (&number);
    }

  base = _hu_format_decimals (value, 2);
  return g_strdup_printf ("%s (%s %s)", scaled, base, unit_base_symbol (unit, self->currency));
}

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
  g_array_unref (series->values);
  g_array_unref (series->points);
  g_array_unref (series->buckets);
  g_free (series);
}

static void
path_item_free (gpointer data)
{
  PathItem *item = data;

  g_array_unref (item->points);
  g_free (item);
}

static void
text_item_free (gpointer data)
{
  TextItem *item = data;

  g_object_unref (item->layout);
  g_free (item);
}

static void
layout_free (Layout *layout)
{
  g_free (layout->font_key);
  g_ptr_array_unref (layout->texts);
  g_array_unref (layout->rects);
  g_array_unref (layout->lines);
  g_ptr_array_unref (layout->paths);
  g_free (layout);
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
/* Layout helpers                                                          */

typedef struct {
  HuChart            *chart;
  Layout             *layout;
  const HuChartStyle *style;
  double              line_h;  /* height of one line of body text */
  double              pad;
} Ctx;

static PangoLayout *
make_text (Ctx         *ctx,
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
  pango_layout_set_text (pl, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (pl, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (pl, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (pl, -MAX (max_lines, 1));
    }

  return pl;
}

static void
text_size (PangoLayout *pl,
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
static double
add_text (Ctx         *ctx,
          PangoLayout *pl,
          double       x,
          double       y,
          double       ax,
          double       ay,
          Role         role)
{
  TextItem *item = g_new0 (TextItem, 1);
  double w, h;

  text_size (pl, &w, &h);
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

static void
add_rect (Ctx   *ctx,
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

static void
add_line (Ctx     *ctx,
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

typedef struct {
  HuUnitKind unit;
  double     lo;        /* axis range in data units */
  double     hi;
  double     step;
  double     divisor;   /* data units per displayed unit */
  char      *symbol;
  int        decimals;
} Axis;

static void
axis_clear (Axis *axis)
{
  g_clear_pointer (&axis->symbol, g_free);
}

/* Ticks at 1, 2 or 5 × 10ⁿ of the displayed unit, so "days" ticks are
 * whole days and "MWh" ticks are round megawatt-hours. */
static void
axis_init (Axis       *axis,
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

  axis->divisor = hu_unit_pick_scale (unit, MAX (fabs (lo), fabs (hi)), self->currency,
                                      &axis->symbol);
  slo = lo / axis->divisor;
  shi = hi / axis->divisor;
  range = nice_num (shi - slo, FALSE);
  step = nice_num (range / MAX (target - 1, 1), TRUE);
  axis->step = step * axis->divisor;
  axis->lo = floor (slo / step + 1e-9) * step * axis->divisor;
  axis->hi = ceil (shi / step - 1e-9) * step * axis->divisor;
  axis->decimals = MAX (0, (int) -floor (log10 (step) + 1e-9));
}

static char *
axis_tick_label (const Axis *axis,
                 double      value)
{
  return _hu_format_decimals (value / axis->divisor, axis->decimals);
}

static char *
axis_title (const char *label,
            const Axis *axis)
{
  if (axis->symbol == NULL || axis->symbol[0] == '\0')
    return g_strdup (label != NULL ? label : "");
  if (label == NULL || label[0] == '\0')
    return g_strdup (axis->symbol);
  /* Translators: an axis title and its unit, "Energy (MWh)". */
  return g_strdup_printf (_("%s (%s)"), label, axis->symbol);
}

static double
axis_map (const Axis *axis,
          double      value,
          double      from,
          double      to)
{
  return from + (value - axis->lo) / (axis->hi - axis->lo) * (to - from);
}

/* Title, subtitle and legend; returns the y below them. */
static double
layout_header (Ctx    *ctx,
               double  width,
               gboolean with_legend)
{
  HuChart *self = ctx->chart;
  double y = ctx->pad;
  double inner = MAX (width - 2 * ctx->pad, 1);

  if (self->title != NULL && self->title[0] != '\0')
    y += add_text (ctx, make_text (ctx, self->title, 1.15, TRUE, inner, 2),
                   ctx->pad, y, 0, 0, ROLE_FOREGROUND);
  if (self->subtitle != NULL && self->subtitle[0] != '\0')
    y += add_text (ctx, make_text (ctx, self->subtitle, 0.9, FALSE, inner, 2),
                   ctx->pad, y, 0, 0, ROLE_MUTED);

  if (with_legend && self->series->len > 0)
    {
      double x = ctx->pad;
      double swatch = ctx->line_h * 0.7;
      double row_h = ctx->line_h * 1.2;

      y += ctx->line_h * 0.3;
      for (guint i = 0; i < self->series->len; i++)
        {
          Series *series = g_ptr_array_index (self->series, i);
          PangoLayout *pl = make_text (ctx, series->label, 0.9, FALSE, -1, 1);
          double w;

          text_size (pl, &w, NULL);
          w = MIN (w, inner - swatch - ctx->pad);
          if (w < 0)
            w = 0;
          if (x > ctx->pad && x + swatch + 4 + w > width - ctx->pad)
            {
              x = ctx->pad;
              y += row_h;
            }
          pango_layout_set_width (pl, (int) (w * PANGO_SCALE) + PANGO_SCALE);
          pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_END);
          add_rect (ctx, x, y + (row_h - swatch) / 2, swatch, swatch,
                    ROLE_SERIES, i, -1, -1, NAN);
          add_text (ctx, pl, x + swatch + 4, y + row_h / 2, 0, 0.5, ROLE_FOREGROUND);
          x += swatch + 4 + w + ctx->line_h;
        }
      y += row_h;
    }

  return y + ctx->line_h * 0.3;
}

static double
series_value (Series *series,
              guint   category)
{
  if (category >= series->values->len)
    return NAN;
  return g_array_index (series->values, double, category);
}

/* Sum of the stack (stacked) or largest value (grouped) of a category;
 * NAN when no series has a value. */
static double
category_extent (HuChart *self,
                 guint    category)
{
  double total = NAN;

  for (guint s = 0; s < self->series->len; s++)
    {
      double v = series_value (g_ptr_array_index (self->series, s), category);

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

static double
max_extent (HuChart *self)
{
  double max = 0;

  for (guint c = 0; c < self->categories->len; c++)
    {
      double v = category_extent (self, c);

      if (isfinite (v))
        max = MAX (max, v);
    }

  return max;
}

/* Value labels on bars show the number only (the axis title has the unit),
 * in the axis' unit, with three significant digits. */
static char *
bar_value_label (const Axis *axis,
                 double      value)
{
  if (!isfinite (value))
    return g_strdup (_("n/a"));
  return _hu_format_significant (value / axis->divisor, 3);
}

/* ---------------------------------------------------------------------- */
/* Vertical bars                                                           */

static void
layout_value_ticks_vertical (Ctx        *ctx,
                             const Axis *axis,
                             double      left,
                             double      right,
                             double      top,
                             double      bottom)
{
  for (double v = axis->lo; v <= axis->hi + axis->step * 0.5; v += axis->step)
    {
      double y = axis_map (axis, v, bottom, top);
      g_autofree char *label = axis_tick_label (axis, v);

      add_line (ctx, left, y, right, y, v == axis->lo ? ROLE_AXIS : ROLE_GRID, FALSE);
      add_text (ctx, make_text (ctx, label, 0.85, FALSE, -1, 1),
                left - ctx->line_h * 0.3, y, 1, 0.5, ROLE_MUTED);
    }
}

static double
ticks_label_width (Ctx        *ctx,
                   const Axis *axis)
{
  double max_w = 0;

  for (double v = axis->lo; v <= axis->hi + axis->step * 0.5; v += axis->step)
    {
      g_autofree char *label = axis_tick_label (axis, v);
      g_autoptr(PangoLayout) pl = make_text (ctx, label, 0.85, FALSE, -1, 1);
      double w;

      text_size (pl, &w, NULL);
      max_w = MAX (max_w, w);
    }

  return max_w;
}

static int
tick_target (Ctx    *ctx,
             double  length)
{
  return CLAMP ((int) (length / (ctx->line_h * 2.5)), 2, 8);
}

static void
layout_bars (Ctx    *ctx,
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

  top = layout_header (ctx, width, self->series->len > 1);

  axis_init (&axis, self, self->unit, 0, max_extent (self),
             tick_target (ctx, height - top - 4 * ctx->line_h));
  title = axis_title (self->y_label, &axis);
  top += add_text (ctx, make_text (ctx, title, 0.85, FALSE, width - 2 * ctx->pad, 1),
                   ctx->pad, top, 0, 0, ROLE_MUTED);
  top += label_room;

  left = ctx->pad + ticks_label_width (ctx, &axis) + ctx->line_h * 0.5;
  right = width - ctx->pad;
  slot = n_cat > 0 ? (right - left) / n_cat : right - left;

  /* Category labels wrap to their slot, at most three lines, then ellipsize:
   * long scenario names never run into their neighbours. */
  for (guint c = 0; c < n_cat; c++)
    {
      Category *category = g_ptr_array_index (self->categories, c);
      g_autoptr(PangoLayout) pl = make_text (ctx, category->label, 0.9, category->highlight,
                                             MAX (slot - 4, 8), 3);
      double h;

      pango_layout_set_alignment (pl, PANGO_ALIGN_CENTER);
      text_size (pl, NULL, &h);
      labels_h = MAX (labels_h, h);
    }
  bottom = height - ctx->pad - labels_h - ctx->line_h * 0.3;
  if (bottom < top + ctx->line_h)
    bottom = top + ctx->line_h;

  ctx->layout->plot = (cairo_rectangle_t) { left, top, right - left, bottom - top };
  layout_value_ticks_vertical (ctx, &axis, left, right, top, bottom);

  for (guint c = 0; c < n_cat; c++)
    {
      Category *category = g_ptr_array_index (self->categories, c);
      double cx = left + slot * (c + 0.5);
      double extent = category_extent (self, c);
      PangoLayout *pl;

      if (category->highlight)
        add_rect (ctx, left + slot * c, top - label_room, slot, bottom - top + label_room,
                  ROLE_HIGHLIGHT_BAND, 0, -1, -1, NAN);

      pl = make_text (ctx, category->label, 0.9, category->highlight, MAX (slot - 4, 8), 3);
      pango_layout_set_alignment (pl, PANGO_ALIGN_CENTER);
      add_text (ctx, pl, cx, bottom + ctx->line_h * 0.3, 0.5, 0,
                category->highlight ? ROLE_HIGHLIGHT : ROLE_FOREGROUND);

      if (self->stacked)
        {
          double bw = MIN (slot * 0.62, ctx->line_h * 6);
          double base = 0;

          for (guint s = 0; s < self->series->len; s++)
            {
              double v = series_value (g_ptr_array_index (self->series, s), c);
              double y0, y1;

              if (!isfinite (v) || v <= 0)
                continue;
              y0 = axis_map (&axis, base, bottom, top);
              y1 = axis_map (&axis, base + v, bottom, top);
              add_rect (ctx, cx - bw / 2, y1, bw, y0 - y1, ROLE_SERIES, s, s, c, v);
              base += v;
            }
          {
            g_autofree char *text = bar_value_label (&axis, extent);
            g_autoptr(PangoLayout) vl = make_text (ctx, text, 0.85, FALSE, -1, 1);
            double w;

            text_size (vl, &w, NULL);
            if (w <= slot - 2)
              add_text (ctx, g_steal_pointer (&vl), cx,
                        axis_map (&axis, isfinite (extent) ? extent : 0, bottom, top) - 2,
                        0.5, 1, ROLE_FOREGROUND);
          }
        }
      else
        {
          double gw = slot * 0.8;
          double bw = gw / n_ser;

          for (guint s = 0; s < self->series->len; s++)
            {
              double v = series_value (g_ptr_array_index (self->series, s), c);
              double bx = cx - gw / 2 + s * bw;
              double y1 = axis_map (&axis, isfinite (v) ? MAX (v, 0) : 0, bottom, top);
              g_autofree char *text = bar_value_label (&axis, v);
              g_autoptr(PangoLayout) vl = make_text (ctx, text, 0.75, FALSE, -1, 1);
              double w;

              if (isfinite (v) && v > 0)
                add_rect (ctx, bx + bw * 0.08, y1, bw * 0.84, bottom - y1, ROLE_SERIES, s, s, c, v);
              text_size (vl, &w, NULL);
              if (w <= bw + 2)
                add_text (ctx, g_steal_pointer (&vl), bx + bw / 2, y1 - 2, 0.5, 1, ROLE_FOREGROUND);
            }
        }
    }

  axis_clear (&axis);
}

/* ---------------------------------------------------------------------- */
/* Ranked horizontal bars                                                  */

static double
ranked_row_height (Ctx *ctx)
{
  return ctx->line_h * 1.5;
}

static double
ranked_label_width (Ctx    *ctx,
                    double  width)
{
  HuChart *self = ctx->chart;
  double max_w = 0;

  for (guint c = 0; c < self->categories->len; c++)
    {
      Category *category = g_ptr_array_index (self->categories, c);
      g_autoptr(PangoLayout) pl = make_text (ctx, category->label, 0.9, category->highlight, -1, 1);
      double w;

      text_size (pl, &w, NULL);
      max_w = MAX (max_w, w);
    }

  return MIN (max_w + 2, (width - 2 * ctx->pad) * 0.4);
}

static void
layout_ranked (Ctx    *ctx,
               double  width,
               double  height)
{
  HuChart *self = ctx->chart;
  guint n = self->categories->len;
  Axis axis = { 0 };
  g_autofree char *title = NULL;
  double top, label_w, value_w = 0, bar_left, bar_right, bottom, row_h;
  double last_label_y = -G_MAXDOUBLE;

  top = layout_header (ctx, width, FALSE);
  label_w = ranked_label_width (ctx, width);
  bar_left = ctx->pad + label_w + ctx->line_h * 0.5;

  axis_init (&axis, self, self->unit, 0, max_extent (self),
             tick_target (ctx, (width - bar_left) * 0.6));
  title = axis_title (self->y_label, &axis);
  top += add_text (ctx, make_text (ctx, title, 0.85, FALSE, width - 2 * ctx->pad, 1),
                   ctx->pad, top, 0, 0, ROLE_MUTED);

  for (guint c = 0; c < n; c++)
    {
      g_autofree char *text = bar_value_label (&axis, category_extent (self, c));
      g_autoptr(PangoLayout) pl = make_text (ctx, text, 0.85, FALSE, -1, 1);
      double w;

      text_size (pl, &w, NULL);
      value_w = MAX (value_w, w);
    }
  bar_right = MAX (width - ctx->pad - value_w - ctx->line_h * 0.4, bar_left + 1);
  bottom = height - ctx->pad - ctx->line_h * 1.2;
  row_h = n > 0 ? MAX ((bottom - top) / n, 1) : 1;
  ctx->layout->plot = (cairo_rectangle_t) { bar_left, top, bar_right - bar_left, bottom - top };

  for (double v = axis.lo; v <= axis.hi + axis.step * 0.5; v += axis.step)
    {
      double x = axis_map (&axis, v, bar_left, bar_right);
      g_autofree char *label = axis_tick_label (&axis, v);

      add_line (ctx, x, top, x, bottom, v == axis.lo ? ROLE_AXIS : ROLE_GRID, FALSE);
      add_text (ctx, make_text (ctx, label, 0.85, FALSE, -1, 1), x, bottom + 2, 0.5, 0,
                ROLE_MUTED);
    }

  for (guint c = 0; c < n; c++)
    {
      Category *category = g_ptr_array_index (self->categories, c);
      double y = top + row_h * c;
      double cy = y + row_h / 2;
      double v = category_extent (self, c);
      double x1 = axis_map (&axis, isfinite (v) ? v : 0, bar_left, bar_right);
      Role role = category->highlight ? ROLE_HIGHLIGHT : ROLE_SERIES;

      if (category->highlight)
        add_rect (ctx, 0, y, width, row_h, ROLE_HIGHLIGHT_BAND, 0, -1, -1, NAN);
      if (isfinite (v) && v > 0)
        add_rect (ctx, bar_left, cy - row_h * 0.35, x1 - bar_left, row_h * 0.7, role, 0, 0, c, v);
      else
        /* Keep a hit target for "n/a" rows so the tooltip can say why. */
        add_rect (ctx, bar_left, cy - row_h * 0.35, 0, row_h * 0.7, role, 0, 0, c, v);

      /* When rows are thinner than a line of text, label only every row
       * that has room, so text never overlaps. */
      if (cy - last_label_y < ctx->line_h * 0.95)
        continue;
      last_label_y = cy;
      {
        PangoLayout *pl = make_text (ctx, category->label, 0.9, category->highlight, label_w, 1);
        g_autofree char *text = bar_value_label (&axis, v);

        add_text (ctx, pl, ctx->pad, cy, 0, 0.5,
                  category->highlight ? ROLE_HIGHLIGHT : ROLE_FOREGROUND);
        add_text (ctx, make_text (ctx, text, 0.85, FALSE, -1, 1), x1 + ctx->line_h * 0.25,
                  cy, 0, 0.5, ROLE_FOREGROUND);
      }
    }

  axis_clear (&axis);
}

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

  for (guint i = 0; i < n_cols; i++)
    {
      lo[i] = G_MAXDOUBLE;
      hi[i] = -G_MAXDOUBLE;
    }

  for (guint i = 0; i < series->buckets->len; i++)
    {
      Bucket *b = &g_array_index (series->buckets, Bucket, i);
      double mid = (b->t0 + b->t1) / 2;
      double x = axis_map (xaxis, mid, 0, plot->width);
      guint col = (guint) CLAMP (x, 0, n_cols - 1);
      double w = MAX (b->t1 - b->t0, 1e-9);

      lo[col] = MIN (lo[col], b->min);
      hi[col] = MAX (hi[col], b->max);
      sum[col] += b->mean * w;
      weight[col] += w;
      t[col] += mid * w;
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
      p.x = plot->x + axis_map (xaxis, p.data_x, 0, plot->width);
      p.y = axis_map (yaxis, p.data_y, plot->y + plot->height, plot->y);
      p.lo = axis_map (yaxis, p.data_lo, plot->y + plot->height, plot->y);
      p.hi = axis_map (yaxis, p.data_hi, plot->y + plot->height, plot->y);
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
      p.x = axis_map (xaxis, pt->x, plot->x, plot->x + plot->width);
      p.y = p.lo = p.hi = axis_map (yaxis, pt->y, plot->y + plot->height, plot->y);
      g_array_append_val (out, p);
    }

  return out;
}

static void
layout_xy (Ctx    *ctx,
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
  top = layout_header (ctx, width, power || self->series->len > 1);

  axis_init (&yaxis, self, self->unit, 0, ymax, tick_target (ctx, height - top - 4 * ctx->line_h));
  ytitle = axis_title (self->y_label, &yaxis);
  top += add_text (ctx, make_text (ctx, ytitle, 0.85, FALSE, width - 2 * ctx->pad, 1),
                   ctx->pad, top, 0, 0, ROLE_MUTED);
  top += ctx->line_h * 0.5;

  left = ctx->pad + ticks_label_width (ctx, &yaxis) + ctx->line_h * 0.5;
  right = width - ctx->pad - ctx->line_h;
  axis_init (&xaxis, self, self->x_unit, xmin, xmax, tick_target (ctx, (right - left) * 0.7));
  /* A sweep's x range is what was asked for: keep its ends exact. */
  if (!power && xmax > xmin)
    {
      xaxis.lo = xmin;
      xaxis.hi = xmax;
    }
  xtitle = axis_title (self->x_label, &xaxis);
  bottom = height - ctx->pad - ctx->line_h * 2.4;
  if (bottom < top + ctx->line_h)
    bottom = top + ctx->line_h;

  ctx->layout->plot = (cairo_rectangle_t) { left, top, right - left, bottom - top };
  layout_value_ticks_vertical (ctx, &yaxis, left, right, top, bottom);

  {
    double first = ceil (xaxis.lo / xaxis.step - 1e-9) * xaxis.step;

    for (double v = first; v <= xaxis.hi + xaxis.step * 0.01; v += xaxis.step)
      {
        double x = axis_map (&xaxis, v, left, right);
        g_autofree char *label = axis_tick_label (&xaxis, v);

        add_line (ctx, x, bottom, x, bottom + 3, ROLE_AXIS, FALSE);
        add_text (ctx, make_text (ctx, label, 0.85, FALSE, -1, 1), x, bottom + 4, 0.5, 0,
                  ROLE_MUTED);
      }
  }
  add_text (ctx, make_text (ctx, xtitle, 0.85, FALSE, width - 2 * ctx->pad, 1),
            (left + right) / 2, height - ctx->pad, 0.5, 1, ROLE_MUTED);
  /* add_text centred a width-limited layout on its full box; undo that. */
  {
    TextItem *item = g_ptr_array_index (ctx->layout->texts, ctx->layout->texts->len - 1);

    pango_layout_set_alignment (item->layout, PANGO_ALIGN_CENTER);
    item->x = ctx->pad;
  }

  if (!power && isfinite (self->x_marker) && self->x_marker >= xaxis.lo
      && self->x_marker <= xaxis.hi)
    {
      double x = axis_map (&xaxis, self->x_marker, left, right);

      add_line (ctx, x, top, x, bottom, ROLE_HIGHLIGHT, TRUE);
      add_text (ctx, make_text (ctx, _("current"), 0.8, TRUE, -1, 1), x + 3, top, 0, 0,
                ROLE_HIGHLIGHT);
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

  axis_clear (&xaxis);
  axis_clear (&yaxis);
}

/* ---------------------------------------------------------------------- */
/* Layout cache                                                            */

static char *
font_key (const HuChartStyle *style)
{
  g_autofree char *desc = style->font != NULL ? pango_font_description_to_string (style->font)
                                              : g_strdup ("");

  return g_strdup_printf ("%s@%g", desc, style->font_scale);
}

static void
ensure_context (HuChart *self)
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

static Layout *
ensure_layout (HuChart            *self,
               double              width,
               double              height,
               const HuChartStyle *style)
{
  g_autofree char *key = NULL;
  Ctx ctx = { 0 };
  Layout *layout;

  if (style == NULL)
    style = default_style ();
  key = font_key (style);

  if (self->layout != NULL
      && self->layout->serial == self->serial
      && self->layout->width == width
      && self->layout->height == height
      && g_strcmp0 (self->layout->font_key, key) == 0)
    return self->layout;

  g_clear_pointer (&self->layout, layout_free);
  ensure_context (self);

  layout = g_new0 (Layout, 1);
  layout->width = width;
  layout->height = height;
  layout->serial = self->serial;
  layout->font_key = g_steal_pointer (&key);
  layout->texts = g_ptr_array_new_with_free_func (text_item_free);
  layout->rects = g_array_new (FALSE, FALSE, sizeof (RectItem));
  layout->lines = g_array_new (FALSE, FALSE, sizeof (LineItem));
  layout->paths = g_ptr_array_new_with_free_func (path_item_free);
  self->layout = layout;

  ctx.chart = self;
  ctx.layout = layout;
  ctx.style = style;
  {
    g_autoptr(PangoLayout) probe = make_text (&ctx, "Ag", 1.0, FALSE, -1, 1);

    text_size (probe, NULL, &ctx.line_h);
  }
  ctx.pad = ctx.line_h * 0.5;

  switch (self->kind)
    {
    case HU_CHART_BARS:
      layout_bars (&ctx, width, height);
      break;
    case HU_CHART_RANKED:
      layout_ranked (&ctx, width, height);
      break;
    case HU_CHART_LINE:
    case HU_CHART_POWER:
    default:
      layout_xy (&ctx, width, height);
      break;
    }

  return layout;
}

/* ---------------------------------------------------------------------- */
/* Drawing                                                                 */

static void
draw_paths (HuChart            *self,
            cairo_t            *cr,
            Layout             *layout,
            const HuChartStyle *style)
{
  for (guint i = 0; i < layout->paths->len; i++)
    {
      PathItem *item = g_ptr_array_index (layout->paths, i);
      GArray *pts = item->points;

      if (pts->len == 0)
        continue;

      if (self->kind == HU_CHART_POWER)
        {
          /* The min/max band, then the mean on top of it. */
          cairo_move_to (cr, g_array_index (pts, PathPoint, 0).x, g_array_index (pts, PathPoint, 0).hi);
          for (guint j = 1; j < pts->len; j++)
            cairo_line_to (cr, g_array_index (pts, PathPoint, j).x, g_array_index (pts, PathPoint, j).hi);
          for (guint j = pts->len; j > 0; j--)
            cairo_line_to (cr, g_array_index (pts, PathPoint, j - 1).x,
                           g_array_index (pts, PathPoint, j - 1).lo);
          cairo_close_path (cr);
          set_source (cr, style, ROLE_SERIES, item->series);
          cairo_save (cr);
          cairo_clip_preserve (cr);
          cairo_paint_with_alpha (cr, 0.25);
          cairo_restore (cr);
          cairo_new_path (cr);
        }

      cairo_move_to (cr, g_array_index (pts, PathPoint, 0).x, g_array_index (pts, PathPoint, 0).y);
      for (guint j = 1; j < pts->len; j++)
        cairo_line_to (cr, g_array_index (pts, PathPoint, j).x, g_array_index (pts, PathPoint, j).y);
      set_source (cr, style, ROLE_SERIES, item->series);
      cairo_set_line_width (cr, self->kind == HU_CHART_POWER ? 1.25 : 2);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);

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
    style = default_style ();

  layout = ensure_layout (self, width, height, style);

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

      set_source (cr, style, l->role, 0);
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

  draw_paths (self, cr, layout, style);

  for (guint i = 0; i < layout->texts->len; i++)
    {
      TextItem *t = g_ptr_array_index (layout->texts, i);

      set_source (cr, style, t->role, 0);
      cairo_move_to (cr, t->x, t->y);
      pango_cairo_show_layout (cr, t->layout);
    }

  cairo_restore (cr);
}

/**
 * hu_chart_get_preferred_height:
 * @self: a #HuChart
 * @width: the width available
 * @style: (nullable): the style it will be drawn with
 *
 * Returns: the height at which every row of a ranked chart is legible
 *   (for a scrolled window), or a 16:10-ish height for other kinds
 */
double
hu_chart_get_preferred_height (HuChart            *self,
                               double              width,
                               const HuChartStyle *style)
{
  g_autoptr(PangoLayout) probe = NULL;
  Layout scratch = { 0 };
  Ctx ctx = { 0 };
  double top;

  g_return_val_if_fail (HU_IS_CHART (self), 0);

  if (self->kind != HU_CHART_RANKED)
    return CLAMP (width * 0.6, 200, 600);

  if (style == NULL)
    style = default_style ();
  ensure_context (self);

  /* Measure the header in a throw-away layout. */
  scratch.texts = g_ptr_array_new_with_free_func (text_item_free);
  scratch.rects = g_array_new (FALSE, FALSE, sizeof (RectItem));
  scratch.lines = g_array_new (FALSE, FALSE, sizeof (LineItem));
  scratch.paths = g_ptr_array_new_with_free_func (path_item_free);
  ctx.chart = self;
  ctx.layout = &scratch;
  ctx.style = style;
  probe = make_text (&ctx, "Ag", 1.0, FALSE, -1, 1);
  text_size (probe, NULL, &ctx.line_h);
  ctx.pad = ctx.line_h * 0.5;
  top = layout_header (&ctx, width, FALSE) + ctx.line_h * 1.2;

  g_ptr_array_unref (scratch.texts);
  g_array_unref (scratch.rects);
  g_array_unref (scratch.lines);
  g_ptr_array_unref (scratch.paths);

  return ceil (top + self->categories->len * ranked_row_height (&ctx)
               + ctx.pad + ctx.line_h * 1.2);
}

/* ---------------------------------------------------------------------- */
/* Hit testing                                                             */

static char *
tooltip_for_rect (HuChart  *self,
                  RectItem *r)
{
  Category *category = g_ptr_array_index (self->categories, r->category);
  Series *series = g_ptr_array_index (self->series, r->series);
  g_autofree char *exact = format_exact (self, self->unit, r->value);
  GString *text = g_string_new (category->label);

  if (self->series->len > 1)
    g_string_append_printf (text, "\n%s: %s", series->label, exact);
  else
    g_string_append_printf (text, "\n%s", exact);

  if (self->series->len > 1 && self->stacked)
    {
      g_autofree char *total = format_exact (self, self->unit, category_extent (self, r->category));

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
          g_autofree char *when = hu_unit_format (self->x_unit, nearest->data_x, NULL, 4);
          g_autofree char *mean = format_exact (self, self->unit, nearest->data_y);
          g_autofree char *lo = hu_unit_format (self->unit, nearest->data_lo, NULL, 4);
          g_autofree char *hi = hu_unit_format (self->unit, nearest->data_hi, NULL, 4);

          if (text == NULL)
            text = g_string_new (when);
          /* Translators: tooltip of a power chart, "GPU 0: 245 W (min 230 W, max 260 W)". */
          g_string_append_printf (text, _("\n%s: %s (min %s, max %s)"), series->label,
                                  mean, lo, hi);
        }
      else if (nearest_d < best)
        {
          g_autofree char *xs = format_exact (self, self->x_unit, nearest->data_x);
          g_autofree char *ys = format_exact (self, self->unit, nearest->data_y);

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

  layout = ensure_layout (self, width, height, style);

  if (self->kind == HU_CHART_LINE || self->kind == HU_CHART_POWER)
    return hit_path (self, layout, x, y, tooltip_text);

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

      if (tooltip_text != NULL)
        *tooltip_text = tooltip_for_rect (self, r);
      return TRUE;
    }

  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Accessible text                                                         */

static void
append_bars_text (HuChart *self,
                  GString *text)
{
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
          g_autofree char *value = hu_unit_format (self->unit, series_value (series, c),
                                                   self->currency, 4);

          if (self->series->len > 1)
            g_string_append_printf (text, "%s %s %s", s > 0 ? ";" : "", series->label, value);
          else
            g_string_append_printf (text, " %s", value);
        }
      if (self->series->len > 1 && self->stacked)
        {
          g_autofree char *total = hu_unit_format (self->unit, category_extent (self, c),
                                                   self->currency, 4);

          g_string_append_printf (text, "; %s %s", _("Total:"), total);
        }
      g_string_append_c (text, '\n');
    }
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
          g_autofree char *xs = hu_unit_format (self->x_unit, p->x, self->currency, 4);
          g_autofree char *ys = hu_unit_format (self->unit, p->y, self->currency, 4);

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
          los = hu_unit_format (self->unit, lo, NULL, 4);
          his = hu_unit_format (self->unit, hi, NULL, 4);
          means = hu_unit_format (self->unit, sum / weight, NULL, 4);
          ends = hu_unit_format (self->x_unit, end, NULL, 4);
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

  if (self->kind == HU_CHART_BARS || self->kind == HU_CHART_RANKED)
    append_bars_text (self, text);
  else
    append_xy_text (self, text);

  return g_string_free (text, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Export                                                                  */

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
finish_surface (cairo_surface_t  *surface,
                GError          **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, HU_CHART_ERROR, HU_CHART_ERROR_FAILED,
                   _("Could not draw the chart: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* cairo draws text as glyph outlines; a <title> and <desc> carry the
 * chart's words for search, screen readers and anyone grepping the file. */
static GByteArray *
svg_add_text (HuChart    *self,
              GByteArray *bytes)
{
  g_autofree char *title = g_markup_escape_text (self->title != NULL ? self->title : "", -1);
  g_autofree char *text = hu_chart_accessible_text (self);
  g_autofree char *desc = g_markup_escape_text (text, -1);
  g_autofree char *insert = g_strdup_printf ("\n<title>%s</title>\n<desc>%s</desc>", title, desc);
  const char *start = (const char *) bytes->data;
  const char *svg;
  const char *end;
  GByteArray *out;

  svg = g_strstr_len (start, bytes->len, "<svg");
  end = svg != NULL ? memchr (svg, '>', bytes->len - (svg - start)) : NULL;
  if (end == NULL)
    return g_byte_array_ref (bytes);

  out = g_byte_array_sized_new (bytes->len + strlen (insert));
  g_byte_array_append (out, bytes->data, end + 1 - start);
  g_byte_array_append (out, (const guint8 *) insert, strlen (insert));
  g_byte_array_append (out, (const guint8 *) end + 1, bytes->len - (end + 1 - start));
  return out;
}

static gboolean
check_size (double   width,
            double   height,
            GError **error)
{
  if (width >= 1 && height >= 1 && width <= 32767 && height <= 32767)
    return TRUE;

  g_set_error (error, HU_CHART_ERROR, HU_CHART_ERROR_FAILED,
               _("Invalid chart size %g × %g"), width, height);
  return FALSE;
}

GBytes *
_hu_chart_to_svg (HuChart            *self,
                  double              width,
                  double              height,
                  const HuChartStyle *style,
                  GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  if (!check_size (width, height, error))
    return NULL;

  surface = cairo_svg_surface_create_for_stream (append_to_bytes, bytes, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  hu_chart_render (self, cr, width, height, style);
  cairo_destroy (cr);
  ok = finish_surface (surface, error);
  cairo_surface_destroy (surface);
  if (!ok)
    return NULL;

  return g_byte_array_free_to_bytes (svg_add_text (self, bytes));
}

GBytes *
_hu_chart_to_png (HuChart            *self,
                  double              width,
                  double              height,
                  double              scale,
                  const HuChartStyle *style,
                  GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (!(scale > 0) || !check_size (width * scale, height * scale, error))
    {
      if (!(scale > 0))
        g_set_error (error, HU_CHART_ERROR, HU_CHART_ERROR_FAILED,
                     _("Invalid scale %g"), scale);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                        (int) ceil (height * scale));
  cr = cairo_create (surface);
  /* Scale the context, not the layout: a 2× PNG is the 1× picture with
   * twice the pixels, exactly what slides need. */
  cairo_scale (cr, scale, scale);
  hu_chart_render (self, cr, width, height, style);
  cairo_destroy (cr);

  status = cairo_surface_write_to_png_stream (surface, append_to_bytes, bytes);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, HU_CHART_ERROR, HU_CHART_ERROR_FAILED,
                   _("Could not draw the chart: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static gboolean
write_bytes (const char  *path,
             GBytes      *bytes,
             GError     **error)
{
  gsize length;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return _hu_write_file_atomic (path, data, length, error);
}

gboolean
hu_chart_save_svg (HuChart            *self,
                   const char         *path,
                   double              width,
                   double              height,
                   const HuChartStyle *style,
                   GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (HU_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = _hu_chart_to_svg (self, width, height, style, error);
  return write_bytes (path, bytes, error);
}

gboolean
hu_chart_save_pdf (HuChart            *self,
                   const char         *path,
                   double              width,
                   double              height,
                   const HuChartStyle *style,
                   GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  g_return_val_if_fail (HU_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_size (width, height, error))
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Huella " PACKAGE_VERSION);
  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cr = cairo_create (surface);
  hu_chart_render (self, cr, width, height, style);
  cairo_destroy (cr);
  ok = finish_surface (surface, error);
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;

  return _hu_write_file_atomic (path, (const char *) bytes->data, bytes->len, error);
}

gboolean
hu_chart_save_png (HuChart            *self,
                   const char         *path,
                   double              width,
                   double              height,
                   double              scale,
                   const HuChartStyle *style,
                   GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (HU_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = _hu_chart_to_png (self, width, height, scale, style, error);
  return write_bytes (path, bytes, error);
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                 */

static void
hu_chart_finalize (GObject *object)
{
  HuChart *self = (HuChart *) object;

  g_clear_pointer (&self->layout, layout_free);
  g_clear_object (&self->context);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->x_label);
  g_free (self->y_label);
  g_free (self->currency);
  g_free (self->highlight_label);
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
    g_param_spec_int ("kind", NULL, NULL, HU_CHART_BARS, HU_CHART_POWER, HU_CHART_BARS,
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

  return series_value (g_ptr_array_index (self->series, series), category);
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
