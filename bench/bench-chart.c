/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-chart: how long one render of a power chart with a million samples
 * takes.  The renderer reduces a series to one column per pixel, so the
 * time should not depend on the number of samples.  This used to be a clock
 * assertion inside the chart tests; speed belongs here, tests count.
 *
 *   build/bench/bench-chart [SAMPLES]
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <cairo.h>

#include "hu-core.h"
#include "hu-chart.h"

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 1000000;
  g_autoptr(HuChart) chart = NULL;
  double best = G_MAXDOUBLE;

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
