/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-chart: how long one render of a power chart with a million samples
 * takes.  The renderer reduces a series to one column per pixel, so the
 * time should not depend on the number of samples.  This used to be a clock
 * assertion inside the chart tests; speed belongs here, tests count.
 *
 * With "ranked", how long a ranking of ROWS rows (What If's 430 regions)
 * takes to measure and lay out at a new width, as a window being resized
 * asks for: its preferred height, then its layout.
 *
 *   build/bench/bench-chart [SAMPLES]
 *   build/bench/bench-chart ranked [ROWS]
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <cairo.h>

#include "hu-core.h"
#include "hu-chart.h"

static int
bench_ranked (guint rows)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_RANKED);
  double total = 0;
  guint widths = 0;

  hu_chart_add_series (chart, "CO₂eq");
  for (guint i = 0; i < rows; i++)
    {
      g_autofree char *name = g_strdup_printf ("Region number %u (region-%u) · Provider", i, i);

      hu_chart_set_value (chart, 0, hu_chart_add_category (chart, name, FALSE), 10.0 + i * 3);
    }
  for (int width = 600; width <= 1400; width += 20, widths++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      double height = hu_chart_get_preferred_height (chart, width, NULL);

      hu_chart_render (chart, cr, width, height, NULL);
      total += (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  g_print ("%u rows: preferred height and layout at a new width: %.1f ms on average over %u widths\n",
           rows, total / widths, widths);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HuChart) chart = NULL;
  double best = G_MAXDOUBLE;
  guint n;

  if (argc > 1 && g_str_equal (argv[1], "ranked"))
    {
      hu_core_init ();
      return bench_ranked (argc > 2 ? (guint) strtoul (argv[2], NULL, 10) : 430);
    }
  n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 1000000;

  hu_core_init ();
  chart = hu_chart_new (HU_CHART_POWER);
  hu_chart_set_unit_kind (chart, HU_UNIT_POWER_W);
  hu_chart_set_x_unit_kind (chart, HU_UNIT_SECONDS);
  hu_chart_add_series (chart, "GPU 0");
  for (guint i = 0; i < n; i++)
    hu_chart_add_sample (chart, 0, i * 0.1, 250 + 50 * sin (i / 1000.0));

  for (int round = 0; round < 5; round++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 300);
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      hu_chart_render (chart, cr, 800, 300, NULL);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  g_print ("%u samples: best of 5 renders at 800x300: %.1f ms\n", n, best);
  return 0;
}
