/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Monte Carlo cost of a whole comparison (issue 12): 50 scenarios,
 * 10,000 samples each, every default range on plus a user range on
 * utilisation and retraining, intervals for every output, the
 * probability against the baseline and the sensitivity list. The target
 * is under 50 ms on the 2-core build machine, so the app can recompute
 * while the user types.
 *
 * Run: build/bench/bench-uncertainty [ROUNDS] [SCENARIOS] [SAMPLES] */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "hu-core.h"

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* CPU time of the whole process (all threads), in ms: on a shared
 * machine the wall clock mostly measures the other users. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
run (const HuInputs * const *inputs,
     guint                   n,
     HuCatalog              *catalog,
     HuUncertaintyOptions   *options,
     guint                   rounds,
     double                 *cpu)
{
  g_autofree double *times = g_new (double, rounds);
  g_autofree double *cpus = g_new (double, rounds);

  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) results = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      results = hu_uncertainty_compute_all (inputs, n, 0, catalog, options, &error);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      cpus[r] = cpu_ms () - cpu_start;
      if (results == NULL)
        g_error ("%s", error->message);
    }
  qsort (times, rounds, sizeof (double), compare_double);
  qsort (cpus, rounds, sizeof (double), compare_double);
  *cpu = cpus[rounds / 2];
  return times[rounds / 2];
}

int
main (int    argc,
      char **argv)
{
  HuCatalog *catalog;
  g_autoptr(GPtrArray) gpus = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  guint rounds = argc > 1 ? (guint) atoi (argv[1]) : 21;
  guint n = argc > 2 ? (guint) atoi (argv[2]) : 50;
  HuUncertaintyOptions options;
  g_autofree HuInputs *inputs = NULL;
  g_autofree const HuInputs **pointers = NULL;
  HuRange utilization = { 0.30, NAN, 0.50 };
  HuRange retrain = { 1, 1, 3 };
  guint ranged = 0;

  setlocale (LC_ALL, "");
  hu_core_init ();
  catalog = hu_catalog_get_default ();
  gpus = hu_catalog_list_gpus (catalog);
  regions = hu_catalog_list_regions (catalog);

  hu_uncertainty_options_init (&options);
  if (argc > 3)
    options.samples = (guint) atoi (argv[3]);
  options.default_ranges = TRUE;

  inputs = g_new (HuInputs, n);
  pointers = g_new (const HuInputs *, n);
  for (guint i = 0; i < n; i++)
    {
      HuInputs *in = &inputs[i];

      hu_inputs_init (in);
      in->params = 70e9;
      in->tokens = 2e12;
      in->count = 1024;
      /* Spread over GPUs with a bf16/fp16 peak and over dated regions. */
      in->gpu = g_strdup ("nvidia-h100-sxm");
      if (i % 2)
        {
          g_free (in->gpu);
          in->gpu = g_strdup ("nvidia-a100-sxm4-80gb");
        }
      in->region = g_strdup (((HuRegion *) regions->pdata[(i * 7) % regions->len])->id);
      hu_inputs_set_range (in, HU_INPUT_UTILIZATION, &utilization, NULL);
      hu_inputs_set_range (in, HU_INPUT_RETRAIN, &retrain, NULL);
      pointers[i] = in;
    }

  {
    g_autoptr(GPtrArray) results = hu_uncertainty_compute_all (pointers, n, 0, catalog, &options, NULL);
    for (guint i = 0; i < n; i++)
      ranged += ((HuUncertainty *) results->pdata[i])->sensitivity->len;
  }

  printf ("%u scenarios × %u samples, %u ranged inputs in all (%.1f per scenario)\n",
          n, options.samples, ranged, (double) ranged / n);
  for (guint t = 1; t <= 2; t++)
    {
      double wall, cpu;

      options.n_threads = t;
      wall = run (pointers, n, catalog, &options, rounds, &cpu);
      printf ("%u thread%s: median of %u runs: %.1f ms wall clock, %.1f ms CPU time\n",
              t, t > 1 ? "s" : "", rounds, wall, cpu);
    }

  for (guint i = 0; i < n; i++)
    hu_inputs_clear (&inputs[i]);
  return 0;
}
