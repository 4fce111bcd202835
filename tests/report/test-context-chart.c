/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The context chart (issue 13): known models' training compute against
 * publication date on a log scale, with the project's scenarios among
 * them. Expected values come from Epoch AI's published table
 * (../shared/data/epoch_notable_ai_models.csv) and hand arithmetic. */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "hu-core.h"
#include "hu-chart.h"
#include "hu-chart-private.h"
#include "../test-init.h"

#define W 800.0
#define H 500.0

static HuCatalog *
builtin (void)
{
  g_autoptr(GError) error = NULL;
  HuCatalog *catalog = hu_catalog_new_builtin (&error);

  g_assert_no_error (error);
  return catalog;
}

/* Where the chart drew the point whose label starts with @name. */
static gboolean
find_point (HuChart    *chart,
            const char *name,
            double     *x,
            double     *y)
{
  guint n = hu_chart_get_n_targets (chart);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = NULL;

      g_assert_true (hu_chart_get_target (chart, i, W, H, NULL, x, y, &label));
      if (g_str_has_prefix (label, name))
        return TRUE;
    }
  return FALSE;
}

static void
test_log_mapping (void)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_SCATTER);
  double x[4], y[4];
  guint s;

  hu_chart_set_y_log (chart, TRUE);
  hu_chart_set_x_dates (chart, TRUE);
  s = hu_chart_add_series (chart, "runs");
  /* Decades 10²⁰, 10²¹, 10²² a year apart, and 10^20.5 half-way in both. */
  hu_chart_add_labelled_point (chart, s, 2020.0, 1e20, "a");
  hu_chart_add_labelled_point (chart, s, 2021.0, 1e21, "b");
  hu_chart_add_labelled_point (chart, s, 2022.0, 1e22, "c");
  hu_chart_add_labelled_point (chart, s, 2020.5, pow (10, 20.5), "half");
  /* Zero and negative compute have no place on a log axis. */
  hu_chart_add_labelled_point (chart, s, 2021.0, 0, "zero");
  hu_chart_add_labelled_point (chart, s, 2021.0, -5, "negative");
  g_assert_cmpuint (hu_chart_get_n_targets (chart), ==, 4);

  g_assert_true (find_point (chart, "a", &x[0], &y[0]));
  g_assert_true (find_point (chart, "b", &x[1], &y[1]));
  g_assert_true (find_point (chart, "c", &x[2], &y[2]));
  g_assert_true (find_point (chart, "half", &x[3], &y[3]));

  /* Each decade is the same height, upwards. */
  g_assert_cmpfloat (y[1], <, y[0]);
  g_assert_cmpfloat_with_epsilon (y[0] - y[1], y[1] - y[2], 1e-9);
  /* log10 (10^20.5) = 20.5: half-way between 10²⁰ and 10²¹ — where a
   * linear axis would put it at 3.16 ÷ 9 of the way (10^20.5 = 3.16e20). */
  g_assert_cmpfloat_with_epsilon (y[3], (y[0] + y[1]) / 2, 1e-9);
  /* Dates are linear: 2020.5 is half-way between 2020 and 2021. */
  g_assert_cmpfloat_with_epsilon (x[3], (x[0] + x[1]) / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (x[1] - x[0], x[2] - x[1], 1e-9);

  /* Focus goes by date: 2020 "a", 2020.5 "half", 2021 "b", 2022 "c". */
  {
    g_autofree char *second = NULL;

    g_assert_true (hu_chart_get_target (chart, 1, W, H, NULL, NULL, NULL, &second));
    g_assert_cmpstr (second, ==, "half");
    g_assert_false (hu_chart_get_target (chart, 4, W, H, NULL, NULL, NULL, NULL));
  }
  hu_chart_set_focus (chart, 3);
  g_assert_cmpint (hu_chart_get_focus (chart), ==, 3);
  hu_chart_set_focus (chart, 4);
  g_assert_cmpint (hu_chart_get_focus (chart), ==, -1);
}

static guint
count_series_points (HuChart *chart)
{
  guint n = 0;

  for (guint s = 0; s < hu_chart_get_n_series (chart); s++)
    n += hu_chart_get_n_points (chart, s);
  return n;
}

static int
series_index (HuChart    *chart,
              const char *label)
{
  g_autofree char *text = hu_chart_accessible_text (chart);

  /* The accessible text has a "Group: count" line per domain group. */
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%s: ", label);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return atoi (lines[i] + strlen (prefix));
  return -1;
}

static void
test_catalog_points (void)
{
  g_autoptr(HuCatalog) catalog = builtin ();
  g_autoptr(GPtrArray) models = hu_catalog_list_models (catalog);
  g_autoptr(HuChart) chart = hu_chart_new_context (models, NULL, 0, 2026.5);
  guint with_date = 0;

  /* SOURCES.md: all 483 models have a training compute and a date. */
  for (guint i = 0; i < models->len; i++)
    {
      HuKnownModel *m = models->pdata[i];

      with_date += m->flops > 0 && isfinite (hu_known_model_get_decimal_year (m));
    }
  g_assert_cmpuint (with_date, ==, 483);
  g_assert_cmpuint (count_series_points (chart), ==, 483);
  g_assert_cmpuint (hu_chart_get_n_targets (chart), ==, 483);

  /* Since 2010: the CSV has 429 rows published from 2010-01-01 on. */
  {
    g_autoptr(HuChart) recent = hu_chart_new_context_since (models, NULL, 0, 2026.5, 2010);

    g_assert_cmpuint (count_series_points (recent), ==, 429);
  }

  /* The CSV's Domain column: 227 "Language" and one "Language, Search"
   * (search and robotics are no groups of their own) = 228; vision is
   * "Vision" 87 + "Image generation" 16 + "Video" 2 + "Vision, Video" 1
   * + "Vision, Image generation" 1 + "Image generation, Vision" 1 +
   * "Robotics, Vision" 1 = 109. */
  g_assert_cmpint (series_index (chart, "Language"), ==, 228);
  g_assert_cmpint (series_index (chart, "Vision"), ==, 109);

  /* GPT-3 is a point, and names itself with its organisation, date and
   * compute. */
  {
    double x, y;
    g_autofree char *tip = NULL;

    g_assert_true (find_point (chart, "GPT-3 175B (davinci)\n", &x, &y));
    g_assert_true (hu_chart_hit_test (chart, x, y, W, H, NULL, &tip));
    g_assert_cmpstr (tip, ==, "GPT-3 175B (davinci)\nOpenAI · 2020-05-28\n3.14 × 10²³ FLOP");
  }
}

static void
test_nearest (void)
{
  g_autoptr(HuCatalog) catalog = builtin ();
  g_autoptr(GPtrArray) models = hu_catalog_list_models (catalog);
  g_autoptr(GPtrArray) near = NULL;
  g_autoptr(HuChart) chart = NULL;
  g_autofree char *text = NULL;
  HuContextScenario scenarios[] = {
    { "Plan", 2.7 * 3.14e23, NAN },
    { "By the hour", NAN, NAN },
  };

  /* 2.7 × GPT-3 = 8.478e23 FLOP. |log10 (8.478e23 ÷ compute)| over the
   * table: Llama 2-70B 8.1e23 → 0.0198, ERNIE 3.0 Titan 1.0421e24 →
   * 0.0896, ALLaM 34B 1.0608e24 → 0.0973; next ALLaM adapted 70B
   * 1.062e24 → 0.0978 and ESM3 (98B) 1.07e24 → 0.1011. */
  near = hu_known_models_nearest (models, 8.478e23, 3);
  g_assert_cmpuint (near->len, ==, 3);
  g_assert_cmpstr (((HuKnownModel *) near->pdata[0])->name, ==, "Llama 2-70B");
  g_assert_cmpstr (((HuKnownModel *) near->pdata[1])->name, ==, "ERNIE 3.0 Titan");
  g_assert_cmpstr (((HuKnownModel *) near->pdata[2])->name, ==, "ALLaM 34B");

  chart = hu_chart_new_context (models, scenarios, G_N_ELEMENTS (scenarios), 2026.5);
  /* The scenario with compute is drawn, the one in hours is not. */
  g_assert_cmpuint (count_series_points (chart), ==, 484);

  /* Ratios 8.478e23 ÷ 8.1e23 = 1.047 → "1", ÷ 1.0421e24 = 0.814 →
   * "0.81", ÷ 1.0608e24 = 0.799 → "0.8". */
  text = hu_chart_accessible_text (chart);
  g_assert_nonnull (strstr (text, "Known models nearest “Plan” (8.48 × 10²³ FLOP): "
                                  "Llama 2-70B (Meta AI, 2023-07-18, 1 ×); "
                                  "ERNIE 3.0 Titan (Baidu, Peng Cheng Laboratory, 2021-12-23, "
                                  "0.81 ×); ALLaM 34B ("));
  g_assert_nonnull (strstr (text, "“By the hour” is planned in accelerator-hours"));
  g_assert_nonnull (strstr (text, "This project: Plan, 8.48 × 10²³ FLOP (this project)"));

  /* The scenario sits at "now", 2026.5, to the right of every model:
   * it is the last focus target. */
  {
    g_autofree char *last = NULL;

    g_assert_true (hu_chart_get_target (chart, 483, W, H, NULL, NULL, NULL, &last));
    g_assert_true (g_str_has_prefix (last, "Plan\n"));
  }
}

static void
test_comparison (void)
{
  g_autoptr(HuProject) project = hu_project_new ();
  g_autoptr(HuComparison) comparison = NULL;
  g_autoptr(HuChart) chart = NULL;
  g_autoptr(HuScenario) scenario = NULL;
  HuCatalog *catalog = hu_project_get_catalog (project);
  HuKnownModel *gpt3 = hu_catalog_lookup_model (catalog, "GPT-3 175B (davinci)");
  double x, y, gx = NAN, gy = NAN;
  guint n;

  /* A scenario made from GPT-3 sits where GPT-3 is: its date
   * (2020 + 148/366) and its compute. */
  scenario = hu_scenario_new_from_model (gpt3, catalog, "gpt3");
  g_list_store_append (hu_project_get_scenarios (project), scenario);
  g_assert_cmpfloat (hu_scenario_get_context_year (scenario, catalog), ==,
                     2020 + 148.0 / 366.0);

  comparison = hu_comparison_new (project);
  chart = hu_chart_new_context_for_comparison (comparison, 2026.5);
  g_assert_cmpuint (hu_chart_get_n_targets (chart), ==, 484);
  n = hu_chart_get_n_targets (chart);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = NULL;

      hu_chart_get_target (chart, i, W, H, NULL, &x, &y, &label);
      if (g_str_has_prefix (label, "GPT-3 175B (davinci)\nOpenAI"))
        {
          gx = x;
          gy = y;
        }
    }
  g_assert_true (find_point (chart, "GPT-3 175B (davinci)\n3.14", &x, &y));
  g_assert_cmpfloat_with_epsilon (x, gx, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, gy, 1e-9);
}

static guint
render_ink (HuChart *chart,
            int      width,
            int      height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  const guint32 *data;
  guint ink = 0;

  hu_chart_render (chart, cr, width, height, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = (const guint32 *) cairo_image_surface_get_data (surface);
  for (int i = 0; i < width * height; i++)
    ink += data[i] != data[0];
  cairo_surface_destroy (surface);
  return ink;
}

static void
test_not_blank (void)
{
  g_autoptr(HuCatalog) catalog = builtin ();
  g_autoptr(GPtrArray) models = hu_catalog_list_models (catalog);
  HuContextScenario plan = { "Plan", 1e24, NAN };
  g_autoptr(HuChart) chart = hu_chart_new_context (models, &plan, 1, 2026.5);
  g_autoptr(HuChart) empty = hu_chart_new_context (models, NULL, 0, 2026.5);

  /* 483 dots of at least 3 px radius cover well over 5,000 pixels. */
  g_assert_cmpuint (render_ink (chart, 800, 500), >, 5000);
  /* Narrow (a 360 px phone) still draws. */
  g_assert_cmpuint (render_ink (chart, 340, 540), >, 3000);
  g_assert_cmpuint (render_ink (empty, 800, 500), >, 5000);
}

/* Issue 10: a project of several identical scenarios piled their labels
 * on one point. Four plans of 10²⁴ FLOP planned now are drawn as one
 * diamond with one label, "Plan A, Plan B +2" (two names and 4 − 2
 * more); two others, at 10²² and 10²⁵ FLOP, keep their own. No label's
 * rectangle overlaps another's or a diamond, and each lies in the plot,
 * on a wide chart and on a phone's. HUELLA_TEST_PNG=prefix writes the
 * pictures to look at. */
/* @r overlaps none of the @n_after labels after it in @rest, nor any
 * point's diamond (its mark, 1.25 × as tall as wide). */
static void
assert_label_clear (Layout                  *layout,
                    const cairo_rectangle_t *r,
                    const cairo_rectangle_t *rest,
                    guint                    n_after)
{
  for (guint b = 0; b < n_after; b++)
    {
      const cairo_rectangle_t *o = &rest[b];

      g_assert_false (r->x < o->x + o->width && o->x < r->x + r->width &&
                      r->y < o->y + o->height && o->y < r->y + r->height);
    }
  for (guint m = 0; m < layout->marks->len; m++)
    {
      MarkItem *d = &g_array_index (layout->marks, MarkItem, m);

      if (d->shape != MARK_DIAMOND || d->point == G_MAXUINT)
        continue;
      g_assert_false (r->x < d->x + d->radius && d->x - d->radius < r->x + r->width &&
                      r->y < d->y + d->radius * 1.25 &&
                      d->y - d->radius * 1.25 < r->y + r->height);
    }
}

static void
test_labels_apart (void)
{
  g_autoptr(HuCatalog) catalog = builtin ();
  g_autoptr(GPtrArray) models = hu_catalog_list_models (catalog);
  const HuContextScenario scenarios[] = {
    { "Plan A", 1e24, NAN }, { "Plan B", 1e24, NAN }, { "Plan C", 1e24, NAN },
    { "Plan D", 1e24, NAN }, { "Small", 1e22, NAN }, { "Big", 1e25, NAN },
  };
  const char *expected[] = { "Plan A, Plan B +2", "Small", "Big" };
  const double sizes[][2] = { { W, H }, { 340, 540 } };
  g_autoptr(HuChart) chart = hu_chart_new_context (models, scenarios,
                                                   G_N_ELEMENTS (scenarios), 2026.5);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      Layout *layout = _hu_chart_ensure_layout (chart, sizes[s][0], sizes[s][1], NULL);
      cairo_rectangle_t labels[G_N_ELEMENTS (expected)];
      guint found = 0;

      if (g_getenv ("HUELLA_TEST_PNG") != NULL)
        {
          g_autofree char *path = g_strdup_printf ("%s-%u.png", g_getenv ("HUELLA_TEST_PNG"), s);
          g_autoptr(GError) error = NULL;

          g_assert_true (hu_chart_save_png (chart, path, sizes[s][0], sizes[s][1], 1, NULL,
                                            &error));
        }

      for (guint i = 0; i < layout->texts->len; i++)
        {
          TextItem *t = g_ptr_array_index (layout->texts, i);
          const char *text = pango_layout_get_text (t->layout);
          PangoRectangle ink;

          g_assert_null (strstr (text, "Plan C"));
          g_assert_null (strstr (text, "Plan D"));
          for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
            if (g_strcmp0 (text, expected[e]) == 0)
              {
                pango_layout_get_pixel_extents (t->layout, NULL, &ink);
                labels[found++] = (cairo_rectangle_t) { t->x, t->y, ink.width, ink.height };
                g_assert_false (pango_layout_is_ellipsized (t->layout));
              }
        }
      g_assert_cmpuint (found, ==, G_N_ELEMENTS (expected));

      for (guint a = 0; a < found; a++)
        {
          cairo_rectangle_t *r = &labels[a];

          g_assert_cmpfloat (r->x, >=, layout->plot.x - 0.5);
          g_assert_cmpfloat (r->y, >=, layout->plot.y - 0.5);
          g_assert_cmpfloat (r->x + r->width, <=, layout->plot.x + layout->plot.width + 0.5);
          g_assert_cmpfloat (r->y + r->height, <=, layout->plot.y + layout->plot.height + 0.5);
          assert_label_clear (layout, r, labels + a + 1, found - a - 1);
        }
    }
}

/* A crowded chart: 150 scenarios spread over 2000-2025 and 10¹²-10²⁵
 * FLOP, far more labels than fit among the diamonds. Labels are
 * placed against what is already there (filed by a grid over the plot,
 * so that a crowded chart stays quick): still no label may overlap
 * another or cover a diamond, and some must have found room. */
static void
test_labels_apart_crowded (void)
{
  g_autoptr(HuCatalog) catalog = builtin ();
  g_autoptr(GPtrArray) models = hu_catalog_list_models (catalog);
  g_autoptr(GArray) scenarios = g_array_new (FALSE, FALSE, sizeof (HuContextScenario));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  g_autoptr(HuChart) chart = NULL;
  Layout *layout;

  for (guint i = 0; i < 150; i++)
    {
      HuContextScenario s = { NULL, pow (10, 12 + fmod (i * 0.61, 13)),
                              2000 + fmod (i * 0.37, 25) };

      g_ptr_array_add (names, g_strdup_printf ("Crowd %u", i));
      s.name = names->pdata[i];
      g_array_append_val (scenarios, s);
    }
  chart = hu_chart_new_context (models, (HuContextScenario *) scenarios->data, scenarios->len,
                                2026.5);
  if (g_getenv ("HUELLA_TEST_PNG") != NULL)
    {
      g_autofree char *path = g_strdup_printf ("%s-crowded.png", g_getenv ("HUELLA_TEST_PNG"));
      g_autoptr(GError) error = NULL;

      g_assert_true (hu_chart_save_png (chart, path, W, H, 1, NULL, &error));
    }
  layout = _hu_chart_ensure_layout (chart, W, H, NULL);

  for (guint i = 0; i < layout->texts->len; i++)
    {
      TextItem *t = g_ptr_array_index (layout->texts, i);
      cairo_rectangle_t r = { t->x, t->y, 0, 0 };

      if (!g_str_has_prefix (pango_layout_get_text (t->layout), "Crowd "))
        continue;
      /* The size placed: labels one above the other touch exactly. */
      _hu_chart_text_size (t->layout, &r.width, &r.height);
      g_array_append_val (labels, r);
    }
  /* Some labels find room, and far fewer than 150. */
  g_assert_cmpuint (labels->len, >, 10);
  g_assert_cmpuint (labels->len, <, 150);

  for (guint a = 0; a < labels->len; a++)
    {
      cairo_rectangle_t *r = &g_array_index (labels, cairo_rectangle_t, a);

      assert_label_clear (layout, r, r + 1, labels->len - a - 1);
    }
}

/* Long names at one point on a phone: two names of the group do not
 * fit in 45 % of the plot, so the label is the first name and how many
 * more, "GPT-3 as run (Patterson 2021) +2" (3 − 1), shortened in its
 * middle if need be: the count is never cut off. */
static void
test_labels_long_names (void)
{
  g_autoptr(HuCatalog) catalog = builtin ();
  g_autoptr(GPtrArray) models = hu_catalog_list_models (catalog);
  const HuContextScenario scenarios[] = {
    { "GPT-3 as run (Patterson 2021)", 3.14e23, NAN },
    { "A100 in Iowa", 3.14e23, NAN },
    { "H100 in France", 3.14e23, NAN },
  };
  g_autoptr(HuChart) chart = hu_chart_new_context (models, scenarios,
                                                   G_N_ELEMENTS (scenarios), 2026.5);
  Layout *layout = _hu_chart_ensure_layout (chart, 340, 540, NULL);
  guint found = 0;

  for (guint i = 0; i < layout->texts->len; i++)
    {
      TextItem *t = g_ptr_array_index (layout->texts, i);
      const char *text = pango_layout_get_text (t->layout);

      if (!g_str_has_prefix (text, "GPT-3 as run"))
        continue;
      found++;
      g_assert_cmpstr (text, ==, "GPT-3 as run (Patterson 2021) +2");
      g_assert_true (!pango_layout_is_ellipsized (t->layout) ||
                     pango_layout_get_ellipsize (t->layout) == PANGO_ELLIPSIZE_MIDDLE);
    }
  g_assert_cmpuint (found, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  core_test_init (&argc, &argv);

  g_test_add_func ("/huella/context-chart/log-mapping", test_log_mapping);
  g_test_add_func ("/huella/context-chart/catalog-points", test_catalog_points);
  g_test_add_func ("/huella/context-chart/nearest", test_nearest);
  g_test_add_func ("/huella/context-chart/comparison", test_comparison);
  g_test_add_func ("/huella/context-chart/not-blank", test_not_blank);
  g_test_add_func ("/huella/context-chart/labels-apart", test_labels_apart);
  g_test_add_func ("/huella/context-chart/labels-long-names", test_labels_long_names);
  g_test_add_func ("/huella/context-chart/labels-apart-crowded", test_labels_apart_crowded);
  return g_test_run ();
}
