/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A ranked chart's names at a phone's width (issue 10, What If's "All
 * GPUs" at 360 px): names that share their start and differ at the end
 * ("NVIDIA A100 SXM4 40GB" and "… 80GB") were cut at about 110 px to the
 * same "NVIDIA A100 SXM…". The names below are the catalog's. */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "hu-core.h"
#include "hu-chart.h"
#include "hu-chart-private.h"
#include "../test-init.h"

/* The text a label shows: its runs' characters, "…" where Pango put its
 * ellipsis instead of some of them. */
static char *
shown_text (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  GString *shown = g_string_new (NULL);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run == NULL)
        continue;
      if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
        g_string_append (shown, "…");
      else
        g_string_append_len (shown, text + run->item->offset, run->item->length);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  return g_string_free (shown, FALSE);
}

/* The label the layout drew for the category named @name. */
static char *
shown_label (Layout     *layout,
             const char *name)
{
  for (guint i = 0; i < layout->texts->len; i++)
    {
      TextItem *t = g_ptr_array_index (layout->texts, i);

      if (g_strcmp0 (pango_layout_get_text (t->layout), name) == 0)
        return shown_text (t->layout);
    }
  g_error ("no label for %s", name);
  return NULL;
}

static void
test_names_keep_their_end (void)
{
  const char *names[] = {
    "NVIDIA A100 SXM4 40GB", "NVIDIA A100 SXM4 80GB",
    "NVIDIA A100 PCIe 40GB", "NVIDIA A100 PCIe 80GB",
    "NVIDIA Tesla V100 PCIe 16GB", "NVIDIA Tesla V100 SXM2 16GB",
    "NVIDIA Tesla V100 PCIe 32GB", "NVIDIA Tesla V100 SXM2 32GB",
  };
  /* The What If page's chart at 360 px is about 330 px wide. */
  const double widths[] = { 330, 800 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_RANKED);
      g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
      Layout *layout;

      hu_chart_set_unit_kind (chart, HU_UNIT_HOURS);
      hu_chart_add_series (chart, "Wall-clock time");
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        hu_chart_set_value (chart, 0, hu_chart_add_category (chart, names[i], FALSE),
                            8760.0 * (i + 1));
      layout = _hu_chart_ensure_layout (chart, widths[w],
                                        hu_chart_get_preferred_height (chart, widths[w], NULL),
                                        NULL);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        g_ptr_array_add (shown, shown_label (layout, names[i]));

      /* The A100s' names fit whole; every name keeps its last word, and
       * no two read alike. */
      g_assert_cmpstr (shown->pdata[1], ==, "NVIDIA A100 SXM4 80GB");
      g_assert_cmpstr (shown->pdata[2], ==, "NVIDIA A100 PCIe 40GB");
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          const char *end = strrchr (names[i], ' ');

          g_assert_true (g_str_has_suffix (shown->pdata[i], end));
          for (guint j = 0; j < i; j++)
            g_assert_cmpstr (shown->pdata[i], !=, shown->pdata[j]);
        }
    }
}

/* The TextItem of the label of the category named @name. */
static PangoLayout *
label_layout (Layout     *layout,
              const char *name)
{
  for (guint i = 0; i < layout->texts->len; i++)
    {
      TextItem *t = g_ptr_array_index (layout->texts, i);

      if (g_strcmp0 (pango_layout_get_text (t->layout), name) == 0)
        return t->layout;
    }
  g_error ("no label for %s", name);
  return NULL;
}

/* At 360 px "NVIDIA B200 (HGX B200, per GPU)" read "NVIDIA B20… 0, per
 * GPU)": a name longer than half the chart takes a second line, and
 * every row the room for it, so the names read whole; on a desktop the
 * rows keep one line and their height. */
static void
test_long_names_take_two_lines (void)
{
  const char *names[] = {
    "NVIDIA B200 (HGX B200, per GPU)", "NVIDIA H100 NVL (per GPU, 94GB)",
    "Google TPU v4 (per chip)", "NVIDIA L4",
  };
  const double widths[] = { 330, 800 };
  double row_height[2];

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_RANKED);
      g_autoptr(HuChart) one = hu_chart_new (HU_CHART_RANKED);
      Layout *layout;
      double height, height_one;

      hu_chart_add_series (chart, "CO₂eq");
      hu_chart_add_series (one, "CO₂eq");
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        hu_chart_set_value (chart, 0, hu_chart_add_category (chart, names[i], FALSE), 10.0 * (i + 1));
      hu_chart_set_value (one, 0, hu_chart_add_category (one, names[0], FALSE), 10.0);
      height = hu_chart_get_preferred_height (chart, widths[w], NULL);
      height_one = hu_chart_get_preferred_height (one, widths[w], NULL);
      /* Three rows more, three rows' height more. */
      row_height[w] = (height - height_one) / (G_N_ELEMENTS (names) - 1);
      /* Asked again, the same answer. */
      g_assert_cmpfloat (hu_chart_get_preferred_height (chart, widths[w], NULL), ==, height);

      layout = _hu_chart_ensure_layout (chart, widths[w], height, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *text = shown_label (layout, names[i]);

          g_assert_cmpstr (text, ==, names[i]);
        }
      g_assert_cmpint (pango_layout_get_line_count (label_layout (layout, names[0])), ==,
                       w == 0 ? 2 : 1);
      g_assert_cmpint (pango_layout_get_line_count (label_layout (layout, "NVIDIA L4")), ==, 1);
    }
  /* 2.4 lines against 1.5, as the layout gives them; ceil() may move
   * each total by a pixel. */
  g_assert_cmpfloat (fabs (row_height[0] / row_height[1] - 2.4 / 1.5), <, 0.05);

  /* On a desktop, one name too long even for half the chart (a few of
   * 430 regions) keeps its row one line: the 430 rows are not made
   * taller for it. */
  {
    g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_RANKED);
    g_autoptr(HuChart) one = hu_chart_new (HU_CHART_RANKED);
    double height, height_one;

    hu_chart_add_series (chart, "CO₂eq");
    hu_chart_add_series (one, "CO₂eq");
    hu_chart_set_value (one, 0, hu_chart_add_category (one, "NVIDIA L4", FALSE), 10);
    hu_chart_set_value (chart, 0, hu_chart_add_category (chart, "NVIDIA L4", FALSE), 10);
    for (guint i = 0; i < 3; i++)
      hu_chart_set_value (chart, 0,
                          hu_chart_add_category (chart, i == 0 ? "Switzerland North "
                                                 "(switzerlandnorth), a region whose name runs "
                                                 "on past half of a desktop chart · Azure"
                                                 : "NVIDIA T4", FALSE),
                          20.0 + i);
    height = hu_chart_get_preferred_height (chart, 800, NULL);
    height_one = hu_chart_get_preferred_height (one, 800, NULL);
    g_assert_cmpfloat (fabs ((height - height_one) / 3 - row_height[1]), <, 1.5);
  }
}

/* How many of @layout's texts read @text. */
static guint
count_texts (Layout     *layout,
             const char *text)
{
  guint n = 0;

  for (guint i = 0; i < layout->texts->len; i++)
    {
      TextItem *t = g_ptr_array_index (layout->texts, i);

      n += g_strcmp0 (pango_layout_get_text (t->layout), text) == 0;
    }
  return n;
}

/* A ranking longer than a screen (What If's 40 GPUs) gives its axis's
 * figures above its first row too: at the bottom alone, the gridlines a
 * person sees first had none. A short one keeps them at the bottom. */
static void
test_long_ranking_ticks_on_top (void)
{
  const guint sizes[] = { 4, 40 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_RANKED);
      Layout *layout;

      hu_chart_add_series (chart, "CO₂eq");
      for (guint i = 0; i < sizes[s]; i++)
        {
          g_autofree char *name = g_strdup_printf ("GPU %u", i);

          hu_chart_set_value (chart, 0, hu_chart_add_category (chart, name, FALSE), 10.0 * (i + 1));
        }
      layout = _hu_chart_ensure_layout (chart, 800, hu_chart_get_preferred_height (chart, 800, NULL),
                                        NULL);
      /* The axis starts at 0: its "0" once, or twice. */
      g_assert_cmpuint (count_texts (layout, "0"), ==, sizes[s] > 12 ? 2 : 1);
    }
}

/* The bar (series 0) of category @c, and whether a stub (a decoration
 * rect on its row) follows it: the mark of a bar drawn broken. */
static RectItem *
bar_of (Layout   *layout,
        guint     c,
        gboolean *broken)
{
  RectItem *bar = NULL;

  for (guint i = 0; i < layout->rects->len; i++)
    {
      RectItem *r = &g_array_index (layout->rects, RectItem, i);

      if (r->series == 0 && r->category == (int) c)
        bar = r;
    }
  g_assert_nonnull (bar);
  *broken = FALSE;
  for (guint i = 0; i < layout->rects->len; i++)
    {
      RectItem *r = &g_array_index (layout->rects, RectItem, i);

      if (r->series < 0 && r->y == bar->y && r->h == bar->h && r->x > bar->x + bar->w)
        *broken = TRUE;
    }
  return bar;
}

/* The x of the rightmost gridline: the axis's last tick. */
static double
last_gridline (Layout *layout)
{
  double x = -1;

  for (guint i = 0; i < layout->lines->len; i++)
    {
      LineItem *line = &g_array_index (layout->lines, LineItem, i);

      if (line->role == ROLE_GRID)
        x = MAX (x, line->x0);
    }
  return x;
}

static Layout *
lay_out_ranking (HuChart      *chart,
                 const double *values,
                 guint         n)
{
  hu_chart_add_series (chart, "CO₂eq");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("GPU %u", i);

      hu_chart_set_value (chart, 0, hu_chart_add_category (chart, name, FALSE), values[i]);
    }
  return _hu_chart_ensure_layout (chart, 800, hu_chart_get_preferred_height (chart, 800, NULL),
                                  NULL);
}

/* What If's "All GPUs" for GPT-3 on one V100S (t CO₂eq, as the page
 * showed them): the P100s and the K80 left every other bar a sliver on
 * an axis to 1,500. By hand: of the 37 figures the 10th is 26.7 and the
 * 28th 84.3, the quartiles; the far-out fence is 84.3 + 3 × 57.6 =
 * 257.1, so 505, 534 and 1,298 are far and 235 is the axis's end. */
static void
test_far_rows_cut_the_axis (void)
{
  const double tonnes[] = {
    16.8, 17.5, 18.1, 18.1, 20.3, 21.7, 22.5, 23.3, 26.7, 26.7, 27.1, 29.1, 30.3,
    36.3, 36.5, 40.7, 45.3, 45.3, 48.4, 48.4, 49.3, 52.5, 67.6, 72.6, 73.2, 75.7,
    84.3, 84.3, 90.6, 90.6, 103, 186, 212, 235, 505, 534, 1298,
  };
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_RANKED);
  Layout *layout = lay_out_ranking (chart, tonnes, G_N_ELEMENTS (tonnes));
  double plot_right = layout->plot.x + layout->plot.width;
  RectItem *first, *end;
  gboolean broken;

  g_assert_cmpfloat (_hu_chart_ranked_axis_end (chart), ==, 235);
  for (guint c = 0; c < G_N_ELEMENTS (tonnes); c++)
    {
      RectItem *bar = bar_of (layout, c, &broken);

      g_assert_cmpint (broken, ==, tonnes[c] > 257.1);
      /* Every bar, broken or not, stays on the plot. */
      g_assert_cmpfloat (bar->x + bar->w, <=, plot_right + 1e-9);
    }
  /* The bars on the axis keep their proportions, and the longest of
   * them has more than half the plot (on an axis to 1,298 it had 18 %). */
  first = bar_of (layout, 0, &broken);
  end = bar_of (layout, 33, &broken);
  g_assert_cmpfloat (fabs (end->w / first->w - 235 / 16.8), <, 1e-9);
  g_assert_cmpfloat (end->w, >, layout->plot.width * 0.5);
  /* Their figures are whole, and the note says how many are broken. */
  g_assert_cmpuint (count_texts (layout, "1,298"), ==, 1);
  g_assert_cmpuint (count_texts (layout, "3 bars run past the end of the axis and are drawn "
                                 "broken, with their full values."), ==, 1);
  /* A broken bar reads longer than any bar on the axis: it runs past
   * the last gridline before its break. */
  {
    double longest_whole = 0, shortest_broken = G_MAXDOUBLE;

    for (guint c = 0; c < G_N_ELEMENTS (tonnes); c++)
      {
        RectItem *bar = bar_of (layout, c, &broken);

        if (broken)
          shortest_broken = MIN (shortest_broken, bar->x + bar->w);
        else
          longest_whole = MAX (longest_whole, bar->x + bar->w);
      }
    g_assert_cmpfloat (shortest_broken, >, longest_whole + 5);
    g_assert_cmpfloat (shortest_broken, >, last_gridline (layout) + 5);
  }
}

/* No cut where nothing is far: grids from 10 to 1,306 g/kWh spread
 * evenly (the regions' own spread; a cut there would hide that the
 * worst grid is a hundred times the best), nor in a short ranking. */
static void
test_spread_rows_keep_the_axis (void)
{
  double grams[41], few[] = { 1, 2, 3, 4, 1000 };
  g_autoptr(HuChart) regions = hu_chart_new (HU_CHART_RANKED);
  g_autoptr(HuChart) short_one = hu_chart_new (HU_CHART_RANKED);
  Layout *layout;
  gboolean broken;

  for (guint i = 0; i < 40; i++)
    grams[i] = 10 + 32.5 * i;
  grams[40] = 1306;
  layout = lay_out_ranking (regions, grams, G_N_ELEMENTS (grams));
  g_assert_cmpfloat (_hu_chart_ranked_axis_end (regions), ==, 1306);
  for (guint c = 0; c < G_N_ELEMENTS (grams); c++)
    {
      bar_of (layout, c, &broken);
      g_assert_false (broken);
    }

  layout = lay_out_ranking (short_one, few, G_N_ELEMENTS (few));
  g_assert_cmpfloat (_hu_chart_ranked_axis_end (short_one), ==, 1000);
  bar_of (layout, 4, &broken);
  g_assert_false (broken);
}

/* A window being resized lays a ranking out at one width after another:
 * its labels are measured once, not at each width (430 regions made
 * 430 Pango layouts more each time), and again when a row is added. */
static void
test_labels_measured_once (void)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_RANKED);
  const double widths[] = { 330, 500, 800, 1000, 1200 };

  hu_chart_add_series (chart, "CO₂eq");
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Region %u (region-%u) · Provider", i, i);

      hu_chart_set_value (chart, 0, hu_chart_add_category (chart, name, FALSE), 10.0 * (i + 1));
    }
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    _hu_chart_ensure_layout (chart, widths[w],
                             hu_chart_get_preferred_height (chart, widths[w], NULL), NULL);
  g_assert_cmpuint (chart->n_layouts, ==, G_N_ELEMENTS (widths));
  g_assert_cmpuint (chart->n_widest_measures, ==, 1);

  hu_chart_set_value (chart, 0, hu_chart_add_category (chart, "A much longer region name", FALSE), 5);
  _hu_chart_ensure_layout (chart, 800, hu_chart_get_preferred_height (chart, 800, NULL), NULL);
  g_assert_cmpuint (chart->n_widest_measures, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  core_test_init (&argc, &argv);

  g_test_add_func ("/huella/chart/ranked/names-keep-their-end", test_names_keep_their_end);
  g_test_add_func ("/huella/chart/ranked/long-names-take-two-lines", test_long_names_take_two_lines);
  g_test_add_func ("/huella/chart/ranked/long-ranking-ticks-on-top", test_long_ranking_ticks_on_top);
  g_test_add_func ("/huella/chart/ranked/far-rows-cut-the-axis", test_far_rows_cut_the_axis);
  g_test_add_func ("/huella/chart/ranked/spread-rows-keep-the-axis", test_spread_rows_keep_the_axis);
  g_test_add_func ("/huella/chart/ranked/labels-measured-once", test_labels_measured_once);
  return g_test_run ();
}
