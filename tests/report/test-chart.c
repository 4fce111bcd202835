/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hu-core.h"
#include "hu-chart.h"
#include "hu-chart-private.h"
#include "hu-report.h"
#include "hu-report-document-private.h"
#include "../test-helpers.h"

/* Counts pixels that differ from the first one: a blank chart has none. */
static guint
count_ink (cairo_surface_t *surface)
{
  const guint32 *data;
  int w, h, stride;
  guint32 first;
  guint ink = 0;

  cairo_surface_flush (surface);
  data = (const guint32 *) cairo_image_surface_get_data (surface);
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  first = data[0];
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (data[y * stride + x] != first)
        ink++;
  return ink;
}

static guint
render_ink (HuChart *chart,
            int      width,
            int      height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  guint ink;

  hu_chart_render (chart, cr, width, height, NULL);
  cairo_destroy (cr);
  ink = count_ink (surface);
  cairo_surface_destroy (surface);
  return ink;
}

/* GPT-3 on a V100S at 130 TFLOPS, 250 W: 167,735.04 kWh (seed Table 2). */
static HuChart *
seed_energy_chart (void)
{
  HuChart *chart = hu_chart_new (HU_CHART_BARS);
  guint s;

  hu_chart_set_title (chart, "Seed energy");
  hu_chart_set_y_label (chart, "Energy");
  hu_chart_set_unit_kind (chart, HU_UNIT_ENERGY_KWH);
  s = hu_chart_add_series (chart, "Energy");
  hu_chart_set_value (chart, s, hu_chart_add_category (chart, "V100S", TRUE), 167735.04);
  hu_chart_set_value (chart, s, hu_chart_add_category (chart, "A100", FALSE), 111823.36);
  return chart;
}

static void
test_bars_not_blank (void)
{
  g_autoptr(HuChart) chart = seed_energy_chart ();

  g_assert_cmpuint (render_ink (chart, 400, 300), >, 2000);
}

/* Scans the chart for the point whose tooltip names @needle. */
static char *
find_tooltip (HuChart    *chart,
              double      width,
              double      height,
              const char *needle)
{
  for (double y = 0; y < height; y += 3)
    for (double x = 0; x < width; x += 3)
      {
        g_autofree char *tip = NULL;

        if (hu_chart_hit_test (chart, x, y, width, height, NULL, &tip)
            && strstr (tip, needle) != NULL)
          return g_steal_pointer (&tip);
      }
  return NULL;
}

static void
test_bars_hit_test (void)
{
  g_autoptr(HuChart) chart = seed_energy_chart ();
  g_autofree char *tip = find_tooltip (chart, 400, 300, "V100S");
  g_autofree char *none = NULL;

  g_assert_nonnull (tip);
  /* The exact value in the base unit (C locale in tests). */
  g_assert_nonnull (strstr (tip, "167,735.04 kWh"));
  g_assert_nonnull (strstr (tip, "MWh"));

  /* The title area is not a bar. */
  g_assert_false (hu_chart_hit_test (chart, 5, 5, 400, 300, NULL, &none));
  g_assert_null (none);
}

static void
test_stacked_tooltip_total (void)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_BARS);
  g_autofree char *tip = NULL;
  guint op, emb, c;

  hu_chart_set_unit_kind (chart, HU_UNIT_MASS_KG);
  op = hu_chart_add_series (chart, "Operational");
  emb = hu_chart_add_series (chart, "Embodied");
  c = hu_chart_add_category (chart, "Patterson GPT-3", FALSE);
  hu_chart_set_value (chart, op, c, 552000);
  hu_chart_set_value (chart, emb, c, 48000);

  tip = find_tooltip (chart, 300, 300, "Operational");
  g_assert_nonnull (tip);
  g_assert_nonnull (strstr (tip, "552,000.00 kg"));
  g_assert_nonnull (strstr (tip, "600.0 t"));
}

static void
test_ranked (void)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_RANKED);
  g_autofree char *tip = NULL;
  double height;

  hu_chart_set_unit_kind (chart, HU_UNIT_MASS_KG);
  hu_chart_add_series (chart, "CO2");
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *label = g_strdup_printf ("region-%02u", i);
      guint c = hu_chart_add_category (chart, label, i == 42);

      hu_chart_set_value (chart, 0, c, 100.0 * (i + 1));
    }

  height = hu_chart_get_preferred_height (chart, 500, NULL);
  /* Every row legible: at least a line of text each. */
  g_assert_cmpfloat (height, >, 60 * 12);
  g_assert_cmpuint (render_ink (chart, 500, (int) height), >, 5000);

  tip = find_tooltip (chart, 500, height, "region-42");
  g_assert_nonnull (tip);
  g_assert_nonnull (strstr (tip, "4,300.00 kg"));
}

static void
test_line (void)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_LINE);
  g_autofree char *tip = NULL;
  g_autofree char *text = NULL;

  hu_chart_set_x_label (chart, "Utilisation");
  hu_chart_set_y_label (chart, "Energy");
  hu_chart_set_x_unit_kind (chart, HU_UNIT_PERCENT);
  hu_chart_set_unit_kind (chart, HU_UNIT_ENERGY_KWH);
  hu_chart_add_series (chart, "Energy");
  for (guint i = 1; i <= 10; i++)
    hu_chart_add_point (chart, 0, i / 10.0, 1000.0 / i);
  hu_chart_set_x_marker (chart, 0.4);

  g_assert_cmpuint (render_ink (chart, 500, 300), >, 2000);
  tip = find_tooltip (chart, 500, 300, "Utilisation: 50.0 %");
  g_assert_nonnull (tip);
  g_assert_nonnull (strstr (tip, "200.00 kWh"));

  /* One unit per axis, as the axis shows it (hu-units): y runs to
   * 1000 kWh = 1 MWh, so MWh with four significant digits of 1 MWh
   * (three decimals), 200 kWh = 0.200 MWh; x runs to 100 %, three digits,
   * no decimals. */
  text = hu_chart_accessible_text (chart);
  g_assert_nonnull (strstr (text, "50 %: 0.200 MWh"));
}

/* Issue 10: the marker's label stays inside the picture. A sweep often
 * ends at the scenario's own value; the label then goes left of the
 * marker (it went right and was cut to "cur"). In the middle it stays
 * right of the marker. */
static void
test_line_marker_label (void)
{
  const double where[] = { 1.0, 0.4 };

  for (guint k = 0; k < G_N_ELEMENTS (where); k++)
    {
      g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_LINE);
      Layout *layout;
      TextItem *label = NULL;
      PangoRectangle logical;
      double marker_x;

      hu_chart_set_x_unit_kind (chart, HU_UNIT_PERCENT);
      hu_chart_set_unit_kind (chart, HU_UNIT_MASS_KG);
      hu_chart_add_series (chart, "CO2");
      for (guint i = 1; i <= 10; i++)
        hu_chart_add_point (chart, 0, i / 10.0, 1000.0 / i);
      hu_chart_set_x_marker (chart, where[k]);
      layout = _hu_chart_ensure_layout (chart, 320, 240, NULL);
      for (guint i = 0; i < layout->texts->len; i++)
        {
          TextItem *t = g_ptr_array_index (layout->texts, i);

          if (g_strcmp0 (pango_layout_get_text (t->layout), "current") == 0)
            label = t;
        }
      g_assert_nonnull (label);
      pango_layout_get_extents (label->layout, NULL, &logical);
      g_assert_cmpfloat (label->x, >=, 0);
      g_assert_cmpfloat (label->x + logical.width / (double) PANGO_SCALE, <=, 320);
      /* The plot maps 0.1 … 1.0 (or its rounded axis) onto its width:
       * the marker is at the plot's right end for 1.0, inside for 0.4. */
      marker_x = layout->plot.x + layout->plot.width;
      if (where[k] == 1.0)
        g_assert_cmpfloat (label->x + logical.width / (double) PANGO_SCALE, <=, marker_x);
      else
        g_assert_cmpfloat (label->x, <, marker_x);
    }
}

/* A million samples draw in well under a second thanks to per-column
 * decimation; the tooltip reports min, mean and max of the column. */
static void
test_power_million (void)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_POWER);
  g_autofree char *tip = NULL;
  gint64 start;
  double elapsed;

  hu_chart_set_unit_kind (chart, HU_UNIT_POWER_W);
  hu_chart_set_x_unit_kind (chart, HU_UNIT_SECONDS);
  hu_chart_add_series (chart, "GPU 0");
  for (guint i = 0; i < 1000000; i++)
    hu_chart_add_sample (chart, 0, i * 0.01, 250 + (i % 100));

  start = g_get_monotonic_time ();
  g_assert_cmpuint (render_ink (chart, 800, 400), >, 5000);
  elapsed = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("1e6 samples drawn in %.3f s", elapsed);

  g_assert_true (hu_chart_hit_test (chart, 400, 200, 800, 400, NULL, &tip));
  g_assert_nonnull (strstr (tip, "min 250"));
  g_assert_nonnull (strstr (tip, "max 349"));
}

static void
test_units (void)
{
  struct {
    HuUnitKind  unit;
    double      value;
    const char *expected;
  } cases[] = {
    { HU_UNIT_ENERGY_KWH, 167735.04, "167.7 MWh" },
    { HU_UNIT_ENERGY_KWH, 1287000, "1.287 GWh" },
    { HU_UNIT_ENERGY_KWH, 0.5, "500.0 Wh" },
    { HU_UNIT_MASS_KG, 552000, "552.0 t" },
    { HU_UNIT_MASS_KG, 12.5, "12.50 kg" },
    { HU_UNIT_HOURS, 355.2, "14.80 days" },
    { HU_UNIT_HOURS, 5, "5.000 h" },
    { HU_UNIT_GPU_HOURS, 670940.17, "670.9 thousand GPU-h" },
    { HU_UNIT_PERCENT, 0.4, "40.00 %" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hu_unit_format (cases[i].unit, cases[i].value, NULL, 4);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* Thirty bars with long names (issue 10): the labels turn by 45° rather
 * than squash into three-line slivers, each stays inside the picture,
 * and at least every second one is shown. */
static void
test_thirty_bars (void)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_BARS);
  Layout *layout;
  guint s, rotated = 0;

  hu_chart_set_unit_kind (chart, HU_UNIT_MASS_KG);
  s = hu_chart_add_series (chart, "CO2");
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Scenario %u: a %uB model on cluster %c", i,
                                               7 + i, 'A' + i % 3);

      hu_chart_set_value (chart, s, hu_chart_add_category (chart, name, i == 0), 1000.0 * (i + 1));
    }

  g_assert_cmpuint (render_ink (chart, 900, 500), >, 5000);
  layout = _hu_chart_ensure_layout (chart, 900, 500, NULL);
  for (guint i = 0; i < layout->texts->len; i++)
    {
      TextItem *t = g_ptr_array_index (layout->texts, i);
      PangoRectangle logical;
      double reach;

      if (t->angle == 0)
        continue;
      rotated++;
      g_assert_cmpfloat_with_epsilon (t->angle, -G_PI / 4, 1e-12);
      /* Turned 45°, a label w wide and h high reaches (w + h) ÷ √2 to
       * the left of and below its end. */
      pango_layout_get_extents (t->layout, NULL, &logical);
      reach = (logical.width + logical.height) / (double) PANGO_SCALE * M_SQRT1_2;
      g_assert_cmpfloat (t->x - reach, >=, -0.5);
      g_assert_cmpfloat (t->y + reach, <=, 500.5);
    }
  g_assert_cmpuint (rotated, >=, 15);
}

/* Issue 11: a comparison with a deployment phase draws each bar as the
 * whole life by phase (development, final training, serving, embodied);
 * a measured run is one training run; a scenario without deployment its
 * training and embodied carbon. Values by hand from the rows below. */
static void
test_lifecycle_phases (void)
{
  HuChartRow rows[3] = { { 0 } };
  g_autoptr(HuChart) chart = NULL;

  for (guint i = 0; i < 3; i++)
    for (guint m = 0; m < HU_N_METRICS; m++)
      rows[i].metrics[m] = NAN;
  rows[0].name = "Served";
  rows[0].has_phases = TRUE;
  rows[0].phases = (HuPhases) { 10, 20, 30, 5 };
  rows[0].metrics[HU_METRIC_TOTAL_KG] = 35;        /* training only: 10 + 20 + 5 */
  rows[1].name = "Trained";
  rows[1].metrics[HU_METRIC_EMISSIONS_KG] = 40;
  rows[1].metrics[HU_METRIC_TOTAL_KG] = 42;
  rows[1].embodied_kg = 2;
  rows[2].name = "Run";
  rows[2].measured = TRUE;
  rows[2].metrics[HU_METRIC_TOTAL_KG] = 7;

  chart = _hu_chart_new_from_rows (rows, 3, HU_METRIC_TOTAL_KG, NULL);
  g_assert_cmpuint (hu_chart_get_n_series (chart), ==, 4);
  g_assert_cmpfloat (hu_chart_get_value (chart, 0, 0), ==, 10);
  g_assert_cmpfloat (hu_chart_get_value (chart, 1, 0), ==, 20);
  g_assert_cmpfloat (hu_chart_get_value (chart, 2, 0), ==, 30);
  g_assert_cmpfloat (hu_chart_get_value (chart, 3, 0), ==, 5);
  g_assert_cmpfloat (hu_chart_get_value (chart, 1, 1), ==, 40);
  g_assert_cmpfloat (hu_chart_get_value (chart, 3, 1), ==, 2);
  g_assert_cmpfloat (hu_chart_get_value (chart, 1, 2), ==, 7);
  g_assert_cmpfloat (hu_chart_get_value (chart, 2, 2), ==, 0);

  /* Without a deployment phase anywhere: operational and embodied. */
  rows[0].has_phases = FALSE;
  rows[0].phases = (HuPhases) { 0, 0, 0, 0 };
  g_clear_object (&chart);
  chart = _hu_chart_new_from_rows (rows, 3, HU_METRIC_TOTAL_KG, NULL);
  g_assert_cmpuint (hu_chart_get_n_series (chart), ==, 2);
}

/* Issue 10: the baseline's bar is marked, in the report as in the app,
 * and a lone scenario is the baseline: its bar was left unmarked, the
 * report's and the app's, while with two the baseline's was marked.
 * A measured run is never the baseline. */
static void
test_lone_baseline (void)
{
  HuChartRow rows[3] = { { 0 } };

  for (guint i = 0; i < 3; i++)
    {
      for (guint m = 0; m < HU_N_METRICS; m++)
        rows[i].metrics[m] = NAN;
      rows[i].embodied_kg = NAN;
      rows[i].low = rows[i].high = NAN;
      rows[i].metrics[HU_METRIC_TOTAL_KG] = 10 * (i + 1);
    }
  rows[0].name = "Alone";
  rows[0].baseline = TRUE;
  rows[1].name = "Run";
  rows[1].measured = TRUE;
  rows[2].name = "Other";

  /* The lone scenario, by itself and beside a measured run. */
  for (guint n = 1; n <= 2; n++)
    {
      g_autoptr(HuChart) chart = _hu_chart_new_from_rows (rows, n, HU_METRIC_TOTAL_KG, NULL);
      g_autofree char *text = hu_chart_accessible_text (chart);

      g_assert_cmpuint (hu_chart_get_n_categories (chart), ==, n);
      g_assert_true (hu_chart_get_category_highlight (chart, 0));
      g_assert_nonnull (strstr (text, "Alone (baseline):"));
      if (n == 2)
        {
          g_assert_false (hu_chart_get_category_highlight (chart, 1));
          g_assert_null (strstr (text, "Run (measured) (baseline)"));
        }
    }

  /* Two scenarios, the second the baseline: it alone is marked. */
  {
    g_autoptr(HuChart) chart = NULL;

    rows[0].baseline = FALSE;
    rows[2].baseline = TRUE;
    chart = _hu_chart_new_from_rows (rows, 3, HU_METRIC_TOTAL_KG, NULL);
    g_assert_false (hu_chart_get_category_highlight (chart, 0));
    g_assert_false (hu_chart_get_category_highlight (chart, 1));
    g_assert_true (hu_chart_get_category_highlight (chart, 2));
  }
}

/* Issue 10: a measured run's 0.005561 g beside plans of 72.63 t read
 * "0.000000006" on its bar. The axis is in t (72.63 t = 72,630 kg);
 * 0.005561 g is 5.561e-9 t, below a hundredth of a t, so the label
 * carries its own unit: below 1 kg, so g, three digits of 0.005561:
 * "0.00556 g". A bare "72.6" beside it would hide that the two are in
 * different units, so the plan's label carries its unit too: 72,630 kg
 * is 72.63 t, three digits "72.6 t". */
static void
test_tiny_bar_label (void)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_BARS);
  Layout *layout;
  gboolean tiny = FALSE, plan = FALSE;
  guint s;

  hu_chart_set_unit_kind (chart, HU_UNIT_MASS_KG);
  s = hu_chart_add_series (chart, "CO2");
  hu_chart_set_value (chart, s, hu_chart_add_category (chart, "Plan", FALSE), 72630);
  hu_chart_set_value (chart, s, hu_chart_add_category (chart, "Run", FALSE), 5.561e-6);

  layout = _hu_chart_ensure_layout (chart, 900, 500, NULL);
  for (guint i = 0; i < layout->texts->len; i++)
    {
      TextItem *t = g_ptr_array_index (layout->texts, i);
      const char *text = pango_layout_get_text (t->layout);

      tiny |= g_strcmp0 (text, "0.00556 g") == 0;
      plan |= g_strcmp0 (text, "72.6 t") == 0;
      g_assert_cmpstr (text, !=, "72.6");
      g_assert_null (strstr (text, "0.0000"));
    }
  g_assert_true (tiny);
  g_assert_true (plan);
}

/* What If "All regions": a ranking whose largest bar is 1,230,000 kg
 * (1.23 kt) would have an axis in kt, where 7,050 kg is 0.00705 kt, below
 * a hundredth of a kt. Labelling it "7.05 t" under an axis titled "(kt)"
 * named two units for one chart (issue 10), so the axis goes down to t,
 * which writes the largest bar in four digits (1,230,000 kg / 1,000 =
 * 1,230 t, under the six allowed) and the smallest with three: every bar
 * is a bare number in t with three significant digits: 7,050 kg = 7.05;
 * 7,290 kg = 7.29; 9,800 kg = 9.80 (three digits keep the 0); 11,300 kg =
 * 11.3; 1,230,000 kg = 1,230 (integer digits are never rounded away). The
 * axis title says "(t)", and hu_chart_format_bar_value(), what What If's
 * list writes beside the chart, gives the same figures with the unit. */
static void
test_ranked_bar_units (void)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_RANKED);
  const double values[] = { 7050, 7290, 9800, 11300, 1230000 };
  const char *expected[] = { "7.05", "7.29", "9.80", "11.3", "1,230", "CO2eq (t)" };
  const char *names[] = { "A", "B", "C", "D", "E" };
  gboolean seen[G_N_ELEMENTS (expected)] = { FALSE };
  Layout *layout;
  guint s;

  hu_chart_set_unit_kind (chart, HU_UNIT_MASS_KG);
  hu_chart_set_y_label (chart, "CO2eq");
  s = hu_chart_add_series (chart, "CO2eq");
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    hu_chart_set_value (chart, s, hu_chart_add_category (chart, names[i], FALSE), values[i]);

  layout = _hu_chart_ensure_layout (chart, 900, 500, NULL);
  for (guint i = 0; i < layout->texts->len; i++)
    {
      TextItem *t = g_ptr_array_index (layout->texts, i);
      const char *text = pango_layout_get_text (t->layout);

      for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
        seen[e] |= g_strcmp0 (text, expected[e]) == 0;
      /* No label names a unit of its own, and none is in kt. */
      g_assert_null (strstr (text, " t"));
      g_assert_null (strstr (text, "kt"));
    }
  for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
    if (!seen[e])
      g_error ("no text \"%s\"", expected[e]);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *with_unit = hu_chart_format_bar_value (chart, values[i]);
      g_autofree char *want = g_strdup_printf ("%s t", expected[i]);

      g_assert_cmpstr (with_unit, ==, want);
    }

  /* A bar of grams among tonnes: 0.005 kg is 5 × 10⁻⁶ t, and even in kg
   * (0.005 kg) it is below a hundredth, while 1,230,000 kg in kg would be
   * seven digits; no one unit shows both, so each bar names its own:
   * 0.005 kg = 5 g, three digits "5.00 g"; 1,230,000 kg = 1.23 kt. The
   * list beside says the same. */
  g_clear_object (&chart);
  chart = hu_chart_new (HU_CHART_RANKED);
  hu_chart_set_unit_kind (chart, HU_UNIT_MASS_KG);
  s = hu_chart_add_series (chart, "CO2eq");
  hu_chart_set_value (chart, s, hu_chart_add_category (chart, "A", FALSE), 0.005);
  hu_chart_set_value (chart, s, hu_chart_add_category (chart, "E", FALSE), 1230000);
  {
    g_autofree char *tiny = hu_chart_format_bar_value (chart, 0.005);
    g_autofree char *large = hu_chart_format_bar_value (chart, 1230000);

    g_assert_cmpstr (tiny, ==, "5.00 g");
    g_assert_cmpstr (large, ==, "1.23 kt");
  }

  /* Without a tiny bar the labels stay bare numbers in the axis' unit.
   * 11,300 kg among 1,230,000 kg would read "0.0113" on a kt axis (What
   * If's All GPUs read "0.0929", issue 10): under a tenth of a kt, so the
   * axis is in t, "11.3" and "1,230" at three significant digits. A bar
   * of 150,000 kg, 0.150 kt, keeps the axis in kt: "0.150" and "1.23". */
  {
    const double smaller[] = { 11300, 150000 };
    const char *labels[][2] = { { "11.3", "1,230" }, { "0.150", "1.23" } };

    for (guint c = 0; c < G_N_ELEMENTS (smaller); c++)
      {
        g_clear_object (&chart);
        chart = hu_chart_new (HU_CHART_RANKED);
        hu_chart_set_unit_kind (chart, HU_UNIT_MASS_KG);
        s = hu_chart_add_series (chart, "CO2eq");
        hu_chart_set_value (chart, s, hu_chart_add_category (chart, "D", FALSE), smaller[c]);
        hu_chart_set_value (chart, s, hu_chart_add_category (chart, "E", FALSE), 1230000);
        layout = _hu_chart_ensure_layout (chart, 900, 500, NULL);
        memset (seen, 0, sizeof seen);
        for (guint i = 0; i < layout->texts->len; i++)
          {
            const char *text = pango_layout_get_text (((TextItem *) g_ptr_array_index (layout->texts,
                                                                                        i))->layout);

            seen[0] |= g_strcmp0 (text, labels[c][0]) == 0;
            seen[1] |= g_strcmp0 (text, labels[c][1]) == 0;
          }
        if (!seen[0] || !seen[1])
          g_error ("bars of %g and 1,230,000 kg lack \"%s\" or \"%s\"", smaller[c],
                   labels[c][0], labels[c][1]);
      }
  }
}

/* Whether the layout of @chart at 900×500 holds a text exactly @text. */
static gboolean
layout_has_text (HuChart    *chart,
                 const char *text)
{
  Layout *layout = _hu_chart_ensure_layout (chart, 900, 500, NULL);

  for (guint i = 0; i < layout->texts->len; i++)
    if (g_strcmp0 (pango_layout_get_text (((TextItem *) g_ptr_array_index (layout->texts,
                                                                            i))->layout),
                   text) == 0)
      return TRUE;
  return FALSE;
}

/* A screen reader hears the figure a bar's label shows (issue 10, item
 * 13), not the axis' shared decimals: the label read "92.9" where the
 * text said "93 t". By hand, three significant digits in the axis' unit
 * (t: the largest bar is 92,900 kg, the smallest 8,020 kg, above a tenth
 * of a tonne):
 *   bars     92,900 kg = "92.9" t; 8,020 kg = "8.02" t
 *   stacked  60,000 + 32,900 = 92,900 kg, labelled with its total
 *            "92.9" t; its parts 60,000 kg = "60.0" t, 32,900 kg = "32.9" t
 *   tornado  around 100 kg, ends at 87.62 kg = "87.6" and 112.38 kg =
 *            "112" (integer digits are kept, none added), on an axis in kg */
static void
test_bars_accessible_as_labels (void)
{
  g_autoptr(HuChart) bars = hu_chart_new (HU_CHART_BARS);
  g_autoptr(HuChart) stacked = hu_chart_new (HU_CHART_BARS);
  g_autoptr(HuChart) tornado = hu_chart_new (HU_CHART_TORNADO);
  g_autofree char *text = NULL;
  g_autofree char *stacked_text = NULL;
  g_autofree char *tornado_text = NULL;
  guint s, t, c;

  hu_chart_set_unit_kind (bars, HU_UNIT_MASS_KG);
  s = hu_chart_add_series (bars, "CO2eq");
  hu_chart_set_value (bars, s, hu_chart_add_category (bars, "A", FALSE), 92900);
  hu_chart_set_value (bars, s, hu_chart_add_category (bars, "B", FALSE), 8020);
  text = hu_chart_accessible_text (bars);
  g_assert_true (layout_has_text (bars, "92.9"));
  g_assert_true (layout_has_text (bars, "8.02"));
  g_assert_nonnull (strstr (text, "A: 92.9 t\n"));
  g_assert_nonnull (strstr (text, "B: 8.02 t\n"));

  hu_chart_set_unit_kind (stacked, HU_UNIT_MASS_KG);
  hu_chart_set_stacked (stacked, TRUE);
  s = hu_chart_add_series (stacked, "Training");
  t = hu_chart_add_series (stacked, "Serving");
  c = hu_chart_add_category (stacked, "Run", FALSE);
  hu_chart_set_value (stacked, s, c, 60000);
  hu_chart_set_value (stacked, t, c, 32900);
  stacked_text = hu_chart_accessible_text (stacked);
  g_assert_true (layout_has_text (stacked, "92.9"));
  g_assert_nonnull (strstr (stacked_text, "Run: Training 60.0 t; Serving 32.9 t; Total: 92.9 t"));

  hu_chart_set_unit_kind (tornado, HU_UNIT_MASS_KG);
  hu_chart_set_x_marker (tornado, 100);
  s = hu_chart_add_series (tornado, "Low");
  t = hu_chart_add_series (tornado, "High");
  c = hu_chart_add_category (tornado, "Power", FALSE);
  hu_chart_set_value (tornado, s, c, 87.62);
  hu_chart_set_value (tornado, t, c, 112.38);
  tornado_text = hu_chart_accessible_text (tornado);
  g_assert_true (layout_has_text (tornado, "87.6"));
  g_assert_true (layout_has_text (tornado, "112"));
  g_assert_nonnull (strstr (tornado_text, "Power: Low 87.6 kg; High 112 kg"));
}

/* Issue 10: a chart beside a table labels its bars as the table writes
 * them (hu_chart_set_label_scale()). BLOOM's lifecycles, 50,962.8 kg and
 * 51,692.0 kg, in one scale of four significant digits: t, two decimals,
 * "50.96" and "51.69" (the table's "50.96 t CO₂eq"); the chart's own three
 * digits read "51.0" and "51.7". A bar of 5.561e-6 kg (a measured run's
 * 0.005561 g) beside them is below a hundredth of the scale's t: in its
 * own unit, four digits, "0.005561 g", and every label then carries its
 * unit ("50.96 t"). */
static void
test_label_scale (void)
{
  const double values[] = { 50962.8, 51692.0 };
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_BARS);
  HuUnitScale scale;
  guint s;

  hu_chart_set_unit_kind (chart, HU_UNIT_MASS_KG);
  s = hu_chart_add_series (chart, "CO2eq");
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    hu_chart_set_value (chart, s, hu_chart_add_category (chart, i ? "TDP" : "Measured", FALSE),
                        values[i]);
  g_assert_true (layout_has_text (chart, "51.0"));
  g_assert_true (layout_has_text (chart, "51.7"));

  hu_unit_scale_init (&scale, HU_UNIT_MASS_KG, values, G_N_ELEMENTS (values), NULL, 0);
  hu_chart_set_label_scale (chart, &scale);
  g_assert_true (layout_has_text (chart, "50.96"));
  g_assert_true (layout_has_text (chart, "51.69"));
  g_assert_false (layout_has_text (chart, "51.0"));

  hu_chart_set_value (chart, s, hu_chart_add_category (chart, "Run", FALSE), 5.561e-6);
  g_assert_true (layout_has_text (chart, "0.005561 g"));
  g_assert_true (layout_has_text (chart, "50.96 t"));
  g_assert_true (layout_has_text (chart, "51.69 t"));

  /* Without the scale, the chart's own digits again. */
  hu_chart_set_label_scale (chart, NULL);
  g_assert_false (layout_has_text (chart, "50.96 t"));
}

/* The report's comparison chart beside its table: GPT-3 on four GPUs
 * (data/examples/gpt3-gpus.huella), whose CO₂eq column reads 72.63,
 * 36.58, 48.42 and 59.63 t (four digits of the largest, 72,629 kg, so two
 * decimals of t); the bars read the same, not "72.6". */
static void
test_report_chart_as_table (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "gpt3-gpus.huella", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = hu_project_new_from_file (file, &error);
  g_autoptr(HuReport) report = NULL;
  g_autoptr(HuChart) chart = NULL;
  HuReportBlock block = { HU_BLOCK_CHART, 0 };
  const char *labels[] = { "72.63", "36.58", "48.42", "59.63" };

  g_assert_no_error (error);
  report = hu_report_new (project, NULL, &error);
  g_assert_no_error (error);
  block.metric = HU_METRIC_TOTAL_KG;
  block.run = -1;
  chart = _hu_report_build_chart (report, &block);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (!layout_has_text (chart, labels[i]))
      g_error ("no bar of the report's chart reads \"%s\"", labels[i]);
  g_assert_false (layout_has_text (chart, "72.6"));
}

/* A report's comparison chart keeps to thirty bars as the app's does
 * (a project with hundreds of imported runs had 304 unreadable bars):
 * GPT-3 on four GPUs plus 40 copies of its first scenario is 44 rows;
 * the 29 largest (all V100S, 72.63 t) keep their bars and one bar sums
 * the other 15: 12 more V100S copies and the RTX 3090 Ti, A100 and RTX
 * A6000 scenarios, so 12 × V100S + 3090 Ti + A100 + A6000 as the plain
 * example's own chart has them. */
static void
test_report_chart_others (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "gpt3-gpus.huella", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = hu_project_new_from_file (file, &error);
  g_autoptr(HuReport) plain = NULL;
  g_autoptr(HuReport) report = NULL;
  g_autoptr(HuChart) small = NULL;
  g_autoptr(HuChart) chart = NULL;
  HuReportBlock block = { HU_BLOCK_CHART, 0 };
  double expected;

  g_assert_no_error (error);
  block.metric = HU_METRIC_TOTAL_KG;
  block.run = -1;
  plain = hu_report_new (project, NULL, &error);
  g_assert_no_error (error);
  small = _hu_report_build_chart (plain, &block);
  g_assert_cmpuint (hu_chart_get_n_categories (small), ==, 4);
  /* V100S, RTX A6000, A100 SXM, RTX 3090 Ti in the file's order */
  expected = 12 * hu_chart_get_value (small, 0, 0) + hu_chart_get_value (small, 0, 1) +
             hu_chart_get_value (small, 0, 2) + hu_chart_get_value (small, 0, 3);

  for (guint n = 0; n < 40; n++)
    {
      g_autofree char *name = g_strdup_printf ("Copy %u", n + 1);

      append_copy (project, name);
    }
  report = hu_report_new (project, NULL, &error);
  g_assert_no_error (error);
  chart = _hu_report_build_chart (report, &block);

  g_assert_cmpuint (hu_chart_get_n_categories (chart), ==, 30);
  g_assert_cmpstr (hu_chart_get_category_label (chart, 29), ==, "15 others");
  g_assert_cmpfloat_with_epsilon (hu_chart_get_value (chart, 0, 29), expected, expected * 1e-12);
  for (guint c = 0; c < 29; c++)
    g_assert_cmpfloat (hu_chart_get_value (chart, 0, c), ==, hu_chart_get_value (small, 0, 0));
}

static void
test_export_files (void)
{
  g_autoptr(HuChart) chart = seed_energy_chart ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("huella-chart-XXXXXX", &error);
  g_autofree char *svg = g_build_filename (dir, "c.svg", NULL);
  g_autofree char *png = g_build_filename (dir, "c.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "c.pdf", NULL);
  g_autofree char *cmd = g_strdup_printf ("xmllint --noout '%s'", svg);
  g_autofree char *contents = NULL;
  cairo_surface_t *image;
  int status;

  g_assert_no_error (error);
  g_assert_true (hu_chart_save_svg (chart, svg, 640, 400, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hu_chart_save_png (chart, png, 640, 400, 2, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hu_chart_save_pdf (chart, pdf, 640, 400, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (svg, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<title>Seed energy</title>"));
  g_assert_nonnull (strstr (contents, "V100S"));

  /* PNG at scale 2 for slides: twice the pixels. */
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 800);
  cairo_surface_destroy (image);

  g_assert_false (hu_chart_save_png (chart, png, 0, 400, 1, NULL, &error));
  g_assert_error (error, HU_CHART_ERROR, HU_CHART_ERROR_FAILED);

  g_unlink (svg);
  g_unlink (png);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* The legend of a line chart shows each line as drawn (issue 10: the
 * lifecycle's whole life, wide, and training, dashed, coincide on day
 * 0). Each sample is a horizontal stroke of the same length: a 5 px
 * wide one inks 5 / 2 = 2.5 times a 2 px solid one, and a dashed one,
 * 7 px on and 4 off, 7 / 11 = 0.64 of it over whole dashes (more or
 * less by where the sample's last dash is cut). */
static double
ink_around (cairo_surface_t *surface,
            const LineItem  *l)
{
  const guint32 *data = (const guint32 *) cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface) / 4;
  double sum = 0, full = 0;

  /* Antialiased edges count for the part of the pixel covered: how far
   * each pixel is from the background, over the farthest (a pixel the
   * stroke covers fully). */
  for (int y = (int) l->y0 - 5; y <= (int) l->y0 + 5; y++)
    for (int x = (int) l->x0; x < (int) l->x1; x++)
      {
        guint32 p = data[y * stride + x], bg = data[0];
        double d = 0;

        for (int shift = 0; shift < 24; shift += 8)
          d += abs ((int) ((p >> shift) & 0xff) - (int) ((bg >> shift) & 0xff));
        sum += d;
        full = MAX (full, d);
      }
  return full > 0 ? sum / full : 0;
}

static void
test_line_legend_styles (void)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_LINE);
  const HuLineStyle styles[] = { HU_LINE_WIDE, HU_LINE_DASHED, HU_LINE_SOLID };
  const LineItem *samples[G_N_ELEMENTS (styles)] = { NULL };
  double ink[G_N_ELEMENTS (styles)];
  cairo_surface_t *surface;
  cairo_t *cr;
  Layout *layout;

  hu_chart_set_unit_kind (chart, HU_UNIT_MASS_KG);
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      guint series = hu_chart_add_series (chart, s == 0 ? "Whole life" : s == 1 ? "Training"
                                                                              : "Serving");

      hu_chart_set_series_line (chart, series, styles[s]);
      g_assert_cmpint (hu_chart_get_series_line (chart, series), ==, styles[s]);
      hu_chart_add_point (chart, series, 0, 100 * s);
      hu_chart_add_point (chart, series, 10, 100 * s + 50);
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 400);
  cr = cairo_create (surface);
  hu_chart_render (chart, cr, 600, 400, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  layout = _hu_chart_ensure_layout (chart, 600, 400, NULL);
  for (guint i = 0; i < layout->lines->len; i++)
    {
      const LineItem *l = &g_array_index (layout->lines, LineItem, i);

      if (l->role == ROLE_SERIES)
        samples[l->palette] = l;
    }
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      g_assert_nonnull (samples[s]);
      ink[s] = ink_around (surface, samples[s]);
    }
  cairo_surface_destroy (surface);

  g_assert_cmpfloat (ink[2], >, 0);
  g_test_message ("legend samples: %g %g %g", ink[0], ink[1], ink[2]);
  g_assert_cmpfloat (ink[0] / ink[2], >, 2.2);
  g_assert_cmpfloat (ink[0] / ink[2], <, 2.8);
  g_assert_cmpfloat (ink[1] / ink[2], >, 0.5);
  g_assert_cmpfloat (ink[1] / ink[2], <, 0.8);
}

/* Issue 10, bug 5: on a 360 px phone in Spanish the Compare chart's title,
 * four-entry legend and wrapped scenario names took nearly all of a
 * 0.6 x width height, leaving ~50 px of bars. The preferred height must
 * now leave a real plot: the bars' rectangle itself is measured from the
 * layout drawn at that height, so a number that merely grew would fail. */
static void
test_bars_preferred_height_narrow (void)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_BARS);
  const char *stages[] = { "Entrenamiento", "Inferencia", "Fabricación del hardware",
                           "Refrigeración del centro de datos" };
  const char *names[] = { "Escenario de referencia con centro de datos europeo",
                          "Entrenamiento distribuido en la nube pública",
                          "Inferencia en dispositivos locales de bajo consumo" };
  Layout *layout;
  double height;

  hu_chart_set_title (chart, "Comparación de las emisiones a lo largo del ciclo de vida");
  hu_chart_set_subtitle (chart, "Emisiones de CO₂ equivalente por escenario y etapa");
  hu_chart_set_y_label (chart, "Emisiones");
  hu_chart_set_unit_kind (chart, HU_UNIT_MASS_KG);
  hu_chart_set_stacked (chart, TRUE);
  for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
    hu_chart_add_series (chart, stages[s]);
  for (guint c = 0; c < G_N_ELEMENTS (names); c++)
    {
      guint cat = hu_chart_add_category (chart, names[c], c == 0);

      for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
        hu_chart_set_value (chart, s, cat, 1000.0 * (c + 1) + 250.0 * s);
    }

  height = hu_chart_get_preferred_height (chart, 340, NULL);
  layout = _hu_chart_ensure_layout (chart, 340, height, NULL);
  g_assert_cmpfloat (layout->plot.height, >=, 150);
  /* The plot is inside the chart: nothing was pushed off its bottom. */
  g_assert_cmpfloat (layout->plot.y + layout->plot.height, <=, height);
  /* And not a desktop-sized plot either: at most 0.45 x 340 = 153 px,
   * floored at 160 px, with a pixel of rounding. */
  g_assert_cmpfloat (layout->plot.height, <=, 161);
}

/* GTK asks a widget's height for its width on every size request, and a
 * bar chart's answer takes two or three layouts to settle. Asked again
 * with nothing changed it must lay nothing out, and drawing at the
 * answer must reuse the layout that settled it; a change to the chart
 * must be measured afresh. */
static void
test_bars_preferred_height_kept (void)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_BARS);
  cairo_surface_t *surface;
  cairo_t *cr;
  double height, again;
  guint made;

  hu_chart_set_title (chart, "Lifecycle emissions");
  hu_chart_set_unit_kind (chart, HU_UNIT_MASS_KG);
  hu_chart_add_series (chart, "Training");
  for (guint c = 0; c < 3; c++)
    hu_chart_set_value (chart, 0, hu_chart_add_category (chart, "Scenario", FALSE),
                        1000.0 * (c + 1));

  height = hu_chart_get_preferred_height (chart, 500, NULL);
  made = chart->n_layouts;
  g_assert_cmpuint (made, >=, 1);

  for (guint i = 0; i < 10; i++)
    {
      again = hu_chart_get_preferred_height (chart, 500, NULL);
      g_assert_cmpfloat (again, ==, height);
    }
  g_assert_cmpuint (chart->n_layouts, ==, made);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 500, (int) height);
  cr = cairo_create (surface);
  hu_chart_render (chart, cr, 500, height, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (chart->n_layouts, ==, made);

  /* A fourth, much longer name wraps: measured again, not the old answer. */
  hu_chart_set_value (chart, 0,
                      hu_chart_add_category (chart, "A scenario whose name is long enough to "
                                                    "wrap over several lines below its bar",
                                             FALSE),
                      500);
  again = hu_chart_get_preferred_height (chart, 500, NULL);
  g_assert_cmpuint (chart->n_layouts, >, made);
  g_assert_cmpfloat (again, >, height);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  core_test_init (&argc, &argv);

  g_test_add_func ("/huella/chart/bars-not-blank", test_bars_not_blank);
  g_test_add_func ("/huella/chart/bars-hit-test", test_bars_hit_test);
  g_test_add_func ("/huella/chart/stacked-tooltip", test_stacked_tooltip_total);
  g_test_add_func ("/huella/chart/ranked", test_ranked);
  g_test_add_func ("/huella/chart/line", test_line);
  g_test_add_func ("/huella/chart/line-marker-label", test_line_marker_label);
  g_test_add_func ("/huella/chart/power-million", test_power_million);
  g_test_add_func ("/huella/chart/units", test_units);
  g_test_add_func ("/huella/chart/thirty-bars", test_thirty_bars);
  g_test_add_func ("/huella/chart/lifecycle-phases", test_lifecycle_phases);
  g_test_add_func ("/huella/chart/lone-baseline", test_lone_baseline);
  g_test_add_func ("/huella/chart/tiny-bar-label", test_tiny_bar_label);
  g_test_add_func ("/huella/chart/bars-preferred-height-narrow", test_bars_preferred_height_narrow);
  g_test_add_func ("/huella/chart/ranked-bar-units", test_ranked_bar_units);
  g_test_add_func ("/huella/chart/bars-accessible-as-labels", test_bars_accessible_as_labels);
  g_test_add_func ("/huella/chart/export-files", test_export_files);
  g_test_add_func ("/huella/chart/label-scale", test_label_scale);
  g_test_add_func ("/huella/chart/report-chart-as-table", test_report_chart_as_table);
  g_test_add_func ("/huella/chart/report-chart-others", test_report_chart_others);

  g_test_add_func ("/huella/chart/bars-preferred-height-kept", test_bars_preferred_height_kept);
  g_test_add_func ("/huella/chart/line-legend-styles", test_line_legend_styles);
  return g_test_run ();
}
