/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The power chart of a measured run (issue 10, item 12): a colour per
 * series that cannot be mistaken for another, and a time axis that ends
 * where the run ended. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hu-chart.h"
#include "hu-chart-private.h"
#include "hu-core.h"
#include "../test-init.h"

/* HSV hue (degrees), saturation and value of a palette colour. */
static void
to_hsv (const HuColor *c,
        double        *h,
        double        *s,
        double        *v)
{
  double max = MAX (c->red, MAX (c->green, c->blue));
  double min = MIN (c->red, MIN (c->green, c->blue));
  double d = max - min;

  *v = max;
  *s = max > 0 ? d / max : 0;
  if (d <= 0)
    *h = 0;
  else if (max == c->red)
    *h = 60 * fmod ((c->green - c->blue) / d + 6, 6);
  else if (max == c->green)
    *h = 60 * ((c->blue - c->red) / d + 2);
  else
    *h = 60 * ((c->red - c->green) / d + 4);
}

/* The colour family a reader would name, from HSV: greys have no hue;
 * brown is an orange or yellow that is dark or greyish; blue runs from
 * 180° so that a teal beside a blue counts as a second blue, which is
 * what readers saw in a power chart of eight GPUs. */
static const char *
family (const HuColor *c)
{
  double h, s, v;

  to_hsv (c, &h, &s, &v);
  if (s < 0.2)
    return "grey";
  if (h >= 15 && h < 70 && (v < 0.65 || s < 0.45))
    return "brown";
  if (h < 15 || h >= 345)
    return "red";
  if (h < 40)
    return "orange";
  if (h < 70)
    return "yellow";
  if (h < 180)
    return "green";
  if (h < 260)
    return "blue";
  return "purple";
}

static void
assert_families_distinct (const HuColor *palette,
                          const char    *which)
{
  for (guint i = 0; i < HU_CHART_PALETTE_SIZE; i++)
    for (guint j = i + 1; j < HU_CHART_PALETTE_SIZE; j++)
      if (g_str_equal (family (&palette[i]), family (&palette[j])))
        g_error ("%s: colours %u and %u are both %s", which, i + 1, j + 1, family (&palette[i]));
}

/* Reads the app's chart colours, "@define-color hu_chart_N #rrggbb;". */
static void
read_css_palette (const char *name,
                  HuColor    *palette)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "ui", name, NULL);
  g_autofree char *css = NULL;
  guint found = 0;

  g_assert_true (g_file_get_contents (path, &css, NULL, NULL));
  for (guint i = 0; i < HU_CHART_PALETTE_SIZE; i++)
    {
      g_autofree char *key = g_strdup_printf ("@define-color hu_chart_%u ", i + 1);
      const char *at = strstr (css, key);
      g_autofree char *spec = NULL;

      g_assert_nonnull (at);
      spec = g_strndup (at + strlen (key), 7);
      g_assert_true (hu_color_parse (&palette[i], spec));
      found++;
    }
  g_assert_cmpuint (found, ==, HU_CHART_PALETTE_SIZE);
}

/* Eight series, eight colour families: in the exports' palettes and in
 * the app's, light and dark. */
static void
test_palette_distinct (void)
{
  HuColor css[HU_CHART_PALETTE_SIZE];

  for (int dark = 0; dark <= 1; dark++)
    {
      HuChartStyle style;

      hu_chart_style_init (&style, dark);
      assert_families_distinct (style.palette, dark ? "export, dark" : "export, light");
      hu_chart_style_clear (&style);
    }
  read_css_palette ("style.css", css);
  assert_families_distinct (css, "app, light");
  read_css_palette ("style-dark.css", css);
  assert_families_distinct (css, "app, dark");
}

/* A run of 3 h 10 min (11,400 s): the plot's right edge is 11,400 s, so
 * the last column of samples is drawn at the edge, not at 11,400 / 14,400
 * of the width as when the axis ran on to the next whole hour. */
static void
test_time_axis_ends_with_run (void)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_POWER);
  Layout *layout;
  PathItem *path;
  PathPoint *last;
  double right;

  hu_chart_set_unit_kind (chart, HU_UNIT_POWER_W);
  hu_chart_set_x_unit_kind (chart, HU_UNIT_SECONDS);
  hu_chart_add_series (chart, "GPU 0");
  for (guint i = 0; i < 1140; i++)
    hu_chart_add_bucket (chart, 0, i * 10.0, (i + 1) * 10.0, 240, 250, 260);

  layout = _hu_chart_ensure_layout (chart, 800, 400, NULL);
  g_assert_cmpuint (layout->paths->len, ==, 1);
  path = g_ptr_array_index (layout->paths, 0);
  g_assert_cmpuint (path->points->len, >, 0);
  last = &g_array_index (path->points, PathPoint, path->points->len - 1);
  right = layout->plot.x + layout->plot.width;
  /* The last bucket's middle is 5 s before the end: well within a pixel
   * column (11,400 s over some 700 px is 16 s a pixel). */
  g_assert_cmpfloat (last->x, >=, right - 2);
  g_assert_cmpfloat (last->x, <=, right + 0.5);
}

/* carbontracker logs each epoch's average power: epoch 1, 0–60 s at
 * 150 W, epoch 2, 60–180 s at 300 W. Drawn as steps: every column of the
 * first epoch reads 150 W, every column of the second 300 W (only the
 * column holding t = 60 s mixes the two), and the axis ends at 180 s, the
 * run's end, not at the second epoch's start (60 s). */
static void
test_epoch_averages_are_steps (void)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_POWER);
  Layout *layout;
  PathItem *path;
  double px_s, right;
  guint mixed = 0;

  hu_chart_set_unit_kind (chart, HU_UNIT_POWER_W);
  hu_chart_set_x_unit_kind (chart, HU_UNIT_SECONDS);
  hu_chart_add_series (chart, "GPU");
  hu_chart_add_bucket (chart, 0, 0, 60, 150, 150, 150);
  hu_chart_add_bucket (chart, 0, 60, 180, 300, 300, 300);

  layout = _hu_chart_ensure_layout (chart, 800, 400, NULL);
  path = g_ptr_array_index (layout->paths, 0);
  px_s = 180 / layout->plot.width;
  right = layout->plot.x + layout->plot.width;
  /* Some 700 columns, one point each, not one per epoch. */
  g_assert_cmpuint (path->points->len, >, 600);
  for (guint i = 0; i < path->points->len; i++)
    {
      PathPoint *p = &g_array_index (path->points, PathPoint, i);

      if (p->data_x < 60 - px_s)
        g_assert_cmpfloat_with_epsilon (p->data_y, 150, 1e-9);
      else if (p->data_x > 60 + px_s)
        g_assert_cmpfloat_with_epsilon (p->data_y, 300, 1e-9);
      else
        mixed++;
    }
  g_assert_cmpuint (mixed, <=, 2);
  /* Two epochs back to back: one line, no gap. */
  for (guint i = 0; i < path->points->len; i++)
    g_assert_false (g_array_index (path->points, PathPoint, i).gap_before);
  g_assert_cmpfloat (g_array_index (path->points, PathPoint, 0).x, <=, layout->plot.x + 1);
  g_assert_cmpfloat (g_array_index (path->points, PathPoint, path->points->len - 1).x,
                     >=, right - 1);
}

/* A sample every second, 0…59 s and 70…120 s: the 11 s without samples
 * is more than five times the usual 1 s, a gap the importer leaves out of
 * the energy, and the chart leaves it out too: the first point after it
 * starts a new piece of line; no other point does. */
static void
test_gap_not_bridged (void)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_POWER);
  Layout *layout;
  PathItem *path;
  guint gaps = 0;

  hu_chart_set_unit_kind (chart, HU_UNIT_POWER_W);
  hu_chart_set_x_unit_kind (chart, HU_UNIT_SECONDS);
  hu_chart_add_series (chart, "GPU 0");
  for (guint t = 0; t <= 120; t++)
    if (t < 60 || t >= 70)
      hu_chart_add_bucket (chart, 0, t, t, 250, 250, 250);

  layout = _hu_chart_ensure_layout (chart, 800, 400, NULL);
  path = g_ptr_array_index (layout->paths, 0);
  for (guint i = 0; i < path->points->len; i++)
    {
      PathPoint *p = &g_array_index (path->points, PathPoint, i);

      if (!p->gap_before)
        continue;
      gaps++;
      g_assert_cmpfloat_with_epsilon (p->data_x, 70, 1e-9);
      g_assert_cmpfloat_with_epsilon (g_array_index (path->points, PathPoint, i - 1).data_x,
                                      59, 1e-9);
    }
  g_assert_cmpuint (gaps, ==, 1);
}

/* Importers keep their series' keys in the project file ("gpu", "cpu",
 * "GPU 0"): the legend shows them as people write them, through gettext
 * (in English, "GPU", "CPU", "GPU 0"). */
static void
test_series_titles (void)
{
  const char *keys[] = { "gpu", "cpu", "GPU 0", "GPU 12" };
  const char *titles[] = { "GPU", "CPU", "GPU 0", "GPU 12" };
  HuRunData data = { 0 };
  g_autoptr(HuChart) chart = NULL;

  data.series = g_ptr_array_new_with_free_func ((GDestroyNotify) hu_power_series_free);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      HuPowerSeries *series = g_new0 (HuPowerSeries, 1);
      HuSeriesBucket b = { 0, 10, 100, 100, 100 };

      series->label = g_strdup (keys[i]);
      series->buckets = g_array_new (FALSE, FALSE, sizeof (HuSeriesBucket));
      g_array_append_val (series->buckets, b);
      g_ptr_array_add (data.series, series);
    }
  chart = _hu_chart_new_power ("run", &data);
  g_assert_cmpuint (hu_chart_get_n_series (chart), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      Series *series = g_ptr_array_index (chart->series, i);

      g_assert_cmpstr (series->label, ==, titles[i]);
    }
  g_ptr_array_unref (data.series);
}

int
main (int    argc,
      char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/huella/chart/power/palette-distinct", test_palette_distinct);
  g_test_add_func ("/huella/chart/power/time-axis-ends-with-run", test_time_axis_ends_with_run);
  g_test_add_func ("/huella/chart/power/epoch-averages-are-steps", test_epoch_averages_are_steps);
  g_test_add_func ("/huella/chart/power/series-titles", test_series_titles);
  g_test_add_func ("/huella/chart/power/gap-not-bridged", test_gap_not_bridged);
  return g_test_run ();
}
