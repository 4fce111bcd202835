/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-context-labels: how long one layout of the context chart takes
 * with the 483 models of the shipped table and N of the project's
 * scenarios (diamonds with labels), a third of them copies drawn on the
 * point of another. Labels that find no free place are searched for
 * longest, so a crowded chart is the worst case.
 *
 *   build/bench/bench-context-labels [SCENARIOS]
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <cairo.h>

#include "hu-core.h"
#include "hu-chart.h"
#include "hu-chart-scatter.h"

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 100;
  double best = G_MAXDOUBLE;

  hu_core_init ();
  for (int round = 0; round < 3; round++)
    {
      g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_SCATTER);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 500);
      cairo_t *cr = cairo_create (surface);
      guint models, mine;
      gint64 start;

      hu_chart_set_y_log (chart, TRUE);
      hu_chart_set_x_dates (chart, TRUE);
      models = hu_chart_add_series (chart, "Language");
      mine = hu_chart_add_series (chart, "This project");
      hu_chart_set_series_marked (chart, mine, TRUE);
      /* A deterministic spread over 2012-2025 and 10^17-10^26 FLOP. */
      for (guint i = 0; i < 483; i++)
        hu_chart_add_labelled_point (chart, models, 2012 + fmod (i * 0.618, 13),
                                     pow (10, 17 + fmod (i * 0.414, 9)), "model");
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *label = g_strdup_printf ("Scenario %u", i);
          guint at = i % 3 == 2 ? i - 1 : i;

          hu_chart_add_labelled_point (chart, mine, 2020 + fmod (at * 0.377, 5),
                                       pow (10, 21 + fmod (at * 0.271, 4)), label);
        }

      start = g_get_monotonic_time ();
      hu_chart_render (chart, cr, 800, 500, NULL);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  g_print ("483 models, %u scenarios: best of 3 renders at 800x500: %.1f ms\n", n, best);
  return 0;
}
