/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-chart.h"

G_BEGIN_DECLS

/* ---- The chart's data and its cached layout (hu-chart.c owns them) ---- */

typedef struct {
  char     *label;
  gboolean  highlight;
  double    low;        /* whisker (likely range), NAN for none */
  double    high;
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
  char      *label;
  GArray    *values;   /* double per category */
  GArray    *points;   /* Point, line and scatter charts */
  GArray    *buckets;  /* Bucket, power charts */
  GPtrArray *point_labels; /* scatter: char* per point (NULL for none), or NULL */
  gboolean   marked;   /* scatter: labelled diamonds, not dots */
  HuLineStyle line;    /* line charts */
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
  /* A rotated label turns by @angle (radians) about (x, y), then its
   * layout is drawn at (dx, dy) in the turned frame. */
  double       angle;
  double       dx;
  double       dy;
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
  guint    palette;   /* ROLE_SERIES: the series' colour */
  double   width;     /* 0: one unit */
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
  gboolean gap_before;  /* power: no samples since the point before */
} PathPoint;

typedef struct {
  guint   series;
  GArray *points;     /* PathPoint */
} PathItem;

/* A scatter chart's point in device coordinates (hu-chart-scatter.c). */
typedef enum {
  MARK_DOT,
  MARK_DIAMOND,
  MARK_BACKDROP,        /* behind a diamond's label: (x, y, w, h) */
} MarkShape;

typedef struct {
  double    x;
  double    y;
  double    radius;
  double    w;
  double    h;
  MarkShape shape;
  guint     series;
  guint     point;      /* index in the series' points */
  double    data_x;
  double    data_y;
} MarkItem;

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
  GArray    *marks;   /* MarkItem, scatter charts, in focus order */
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
  /* The bars' labels as a table beside the chart writes the same values
   * (hu_chart_set_label_scale()); has_label_scale FALSE: the chart's own
   * three significant digits. */
  gboolean     has_label_scale;
  HuUnitScale  label_scale;
  char        *highlight_label;
  HuUnitKind   unit;
  HuUnitKind   x_unit;
  gboolean     stacked;
  double       x_marker;
  char        *x_marker_label;   /* NULL: "current" */
  gboolean     y_log;        /* scatter: log10 value axis */
  gboolean     x_dates;      /* scatter: x in decimal years */
  int          focus;        /* scatter: focused target, -1 for none */
  char        *description;  /* appended to the accessible text */

  GPtrArray   *categories;  /* Category */
  GPtrArray   *series;      /* Series */

  guint        serial;
  PangoContext *context;
  Layout      *layout;
  guint        n_layouts;     /* layouts made so far: tests count them */
  /* A bar chart's preferred height takes two or three layouts to settle,
   * a ranked chart's measures every label, and GTK asks for it on every
   * size request: the last answer, valid while the serial, width and
   * font are the same. */
  guint        sized_serial;
  double       sized_width;
  char        *sized_font_key;
  double       sized_height;
  /* A ranked chart's widest label, which every layout and height at a
   * new width needs: 430 Pango layouts for the regions, measured again
   * only when the chart or the font changes. */
  guint        widest_serial;
  char        *widest_font_key;
  double       widest_label;
  guint        n_widest_measures;  /* tests count them */
};

typedef struct {
  HuChart            *chart;
  Layout             *layout;
  const HuChartStyle *style;
  double              line_h;  /* height of one line of body text */
  double              pad;
} Ctx;

typedef struct {
  HuUnitKind unit;
  double     lo;        /* axis range in data units */
  double     hi;
  double     step;
  double     divisor;   /* data units per displayed unit */
  char      *symbol;
  int        decimals;
  gboolean   bar_units; /* every bar label carries its unit symbol */
  gboolean   has_label_scale;
  HuUnitScale label_scale; /* the bars' labels' unit and decimals, if any */
} Axis;

/* ---- Internals shared by the chart's files ---- */

/* hu-chart-style.c */
const HuChartStyle *_hu_chart_default_style (void);

/* hu-chart-units.c */
char *_hu_chart_format_exact (HuChart    *self,
                              HuUnitKind  unit,
                              double      value);
char *_hu_chart_format_value (HuChart    *self,
                              HuUnitKind  unit,
                              double      value,
                              int         significant);
void  _hu_chart_value_scale  (HuChart     *self,
                              HuUnitKind   unit,
                              HuUnitScale *scale);
char *_hu_chart_format_bar   (HuChart    *self,
                              double      value);
void  _hu_chart_bar_axis_init (HuChart   *self,
                               Axis      *axis);
char *_hu_chart_format_bar_on (const Axis *axis,
                               double      value);

/* hu-chart-layout.c */
PangoLayout *_hu_chart_make_text (Ctx         *ctx,
                                  const char  *text,
                                  double       size_factor,
                                  gboolean     bold,
                                  double       max_width,
                                  int          max_lines);
void _hu_chart_text_size (PangoLayout *pl,
                          double      *w,
                          double      *h);
double _hu_chart_add_text (Ctx         *ctx,
                           PangoLayout *pl,
                           double       x,
                           double       y,
                           double       ax,
                           double       ay,
                           Role         role);
void _hu_chart_add_rect (Ctx   *ctx,
                         double x,
                         double y,
                         double w,
                         double h,
                         Role   role,
                         guint  palette,
                         int    series,
                         int    category,
                         double value);
void _hu_chart_add_line (Ctx     *ctx,
                         double   x0,
                         double   y0,
                         double   x1,
                         double   y1,
                         Role     role,
                         gboolean dashed);
void _hu_chart_axis_clear (Axis *axis);
void _hu_chart_axis_init (Axis       *axis,
                          HuChart    *self,
                          HuUnitKind  unit,
                          double      lo,
                          double      hi,
                          int         target);
char *_hu_chart_axis_tick_label (const Axis *axis,
                                 double      value);
char *_hu_chart_axis_title (const char *label,
                            const Axis *axis);
double _hu_chart_axis_map (const Axis *axis,
                           double      value,
                           double      from,
                           double      to);
double _hu_chart_layout_header (Ctx    *ctx,
                                double  width,
                                gboolean with_legend);
double _hu_chart_series_value (Series *series,
                               guint   category);
double _hu_chart_category_extent (HuChart *self,
                                  guint    category);
double _hu_chart_max_extent (HuChart *self);
double _hu_chart_smallest_bar (HuChart *self);
char *_hu_chart_bar_value_label (const Axis *axis,
                                 double      value);
void _hu_chart_path_item_free (gpointer data);
void _hu_chart_text_item_free (gpointer data);
void _hu_chart_layout_free (Layout *layout);
void _hu_chart_layout_value_ticks_vertical (Ctx        *ctx,
                                            const Axis *axis,
                                            double      left,
                                            double      right,
                                            double      top,
                                            double      bottom);
double _hu_chart_ticks_label_width (Ctx        *ctx,
                                    const Axis *axis);
int _hu_chart_tick_target (Ctx    *ctx,
                           double  length);
void _hu_chart_add_whisker (Ctx     *ctx,
                            double   x0,
                            double   y0,
                            double   x1,
                            double   y1,
                            double   cap);

/* hu-chart-draw.c: the one place that lays a chart out, calling the
 * layout of its kind below. */
char *_hu_chart_font_key (const HuChartStyle *style);
void _hu_chart_ensure_context (HuChart *self);
Layout *_hu_chart_ensure_layout (HuChart            *self,
                                 double              width,
                                 double              height,
                                 const HuChartStyle *style);

/* hu-chart-layout-bars.c */
void _hu_chart_layout_bars (Ctx    *ctx,
                            double  width,
                            double  height);
gboolean _hu_chart_ranked_top_ticks (HuChart *self);
double _hu_chart_ranked_axis_end (HuChart *self);
double _hu_chart_ranked_row_height (Ctx    *ctx,
                                    double  width);
void _hu_chart_layout_ranked (Ctx    *ctx,
                              double  width,
                              double  height);

/* hu-chart-layout-tornado.c */
void _hu_chart_layout_tornado (Ctx    *ctx,
                               double  width,
                               double  height);
void _hu_chart_tornado_span   (HuChart *self,
                               double  *lo,
                               double  *hi);

/* hu-chart-layout-xy.c */
void _hu_chart_layout_xy (Ctx    *ctx,
                          double  width,
                          double  height);

/* hu-chart-scatter.c */
void _hu_chart_layout_scatter (Ctx    *ctx,
                               double  width,
                               double  height);
/* hu-chart-scatter-labels.c */
void _hu_chart_scatter_layout_labels (Ctx    *ctx,
                                      GArray *decorations);
void _hu_chart_draw_marks (HuChart            *self,
                           cairo_t            *cr,
                           Layout             *layout,
                           const HuChartStyle *style);
gboolean _hu_chart_hit_marks (HuChart  *self,
                              Layout   *layout,
                              double    x,
                              double    y,
                              char    **tooltip_text);
void _hu_chart_append_scatter_text (HuChart *self,
                                    GString *text);
gboolean _hu_chart_get_mark_target (HuChart  *self,
                                    Layout   *layout,
                                    guint     target,
                                    double   *x,
                                    double   *y,
                                    char    **label);

/* Shared by the public builders (live project) and the report (its
 * snapshot of the project), so both read a run the same way. */

/* One bar of a comparison chart, from a live comparison row or the
 * report's snapshot of one. */
typedef struct {
  const char *name;
  gboolean    measured;                /* a run: labelled "(measured)" */
  gboolean    baseline;
  double      metrics[HU_N_METRICS];   /* NAN when unknown */
  double      embodied_kg;             /* scenarios; NAN when none */
  /* The likely range of the chart's metric (a whisker); none unless
   * high > low. */
  double      low;
  double      high;
  /* A scenario with a deployment phase: its lifecycle, by phase. When
   * any row has one, total CO₂eq stacks the phases (issue 11). */
  gboolean    has_phases;
  HuPhases    phases;
} HuChartRow;

HuChart  *_hu_chart_new_from_rows (const HuChartRow *rows,
                                   guint             n_rows,
                                   HuMetric          metric,
                                   const char       *currency);

/* The power chart of a run's logged series, titled @name. */
HuChart  *_hu_chart_new_power     (const char      *name,
                                   const HuRunData *data);

/* What hu_chart_save_svg() and hu_chart_save_png() write, for exporters
 * that want the bytes rather than a file. */
GBytes   *_hu_chart_to_svg        (HuChart            *self,
                                   double              width,
                                   double              height,
                                   const HuChartStyle *style,
                                   GError            **error);
GBytes   *_hu_chart_to_png        (HuChart            *self,
                                   double              width,
                                   double              height,
                                   double              scale,
                                   const HuChartStyle *style,
                                   GError            **error);

/* A line chart's series in its style: its width (hu-chart-layout.c, as
 * the legend is laid out with it) and its dashes (hu-chart-draw.c). */
double   _hu_chart_line_width          (HuLineStyle         line);
void     _hu_chart_set_line_dash       (cairo_t            *cr,
                                        HuLineStyle         line);

G_END_DECLS
