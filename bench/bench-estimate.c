/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Estimations per second over the full GPU × region sweep (the work
 * behind the app's "All regions" / "All GPUs" views), with and without
 * the derivation text. Run: build/bench/bench-estimate [ROUNDS] */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "hu-core.h"

static double
sweep (HuCatalog       *catalog,
       GPtrArray       *gpus,
       GPtrArray       *regions,
       HuEstimateFlags  flags,
       guint            rounds,
       guint64         *count)
{
  gint64 start = g_get_monotonic_time ();
  double checksum = 0;
  HuInputs in;

  hu_inputs_init (&in);
  in.params = 70e9;
  in.tokens = 2e12;
  in.count = 1024;

  for (guint r = 0; r < rounds; r++)
    for (guint g = 0; g < gpus->len; g++)
      for (guint i = 0; i < regions->len; i++)
        {
          HuEstimate *e;

          g_free (in.gpu);
          in.gpu = g_strdup (((HuGpu *) gpus->pdata[g])->id);
          g_free (in.region);
          in.region = g_strdup (((HuRegion *) regions->pdata[i])->id);
          e = hu_estimate_compute (&in, catalog, flags, NULL);
          if (e)
            {
              checksum += e->total_kg;
              hu_estimate_unref (e);
            }
          (*count)++;
        }

  hu_inputs_clear (&in);
  if (checksum == 0)
    g_printerr ("unexpected zero checksum\n");
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int    argc,
      char **argv)
{
  HuCatalog *catalog;
  g_autoptr(GPtrArray) gpus = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  guint rounds = argc > 1 ? (guint) atoi (argv[1]) : 5;
  guint64 n_fast = 0, n_full = 0;
  double t_fast, t_full;

  setlocale (LC_ALL, "");
  hu_core_init ();
  catalog = hu_catalog_get_default ();
  gpus = hu_catalog_list_gpus (catalog);
  regions = hu_catalog_list_regions (catalog);

  t_fast = sweep (catalog, gpus, regions, HU_ESTIMATE_NO_DERIVATION, rounds, &n_fast);
  t_full = sweep (catalog, gpus, regions, HU_ESTIMATE_FLAGS_NONE, 1, &n_full);

  printf ("sweep: %u GPUs × %u regions = %u scenarios\n", gpus->len, regions->len,
          gpus->len * regions->len);
  printf ("without derivation: %" G_GUINT64_FORMAT " estimates in %.3f s = %.0f estimates/s\n",
          n_fast, t_fast, n_fast / t_fast);
  printf ("with derivation:    %" G_GUINT64_FORMAT " estimates in %.3f s = %.0f estimates/s\n",
          n_full, t_full, n_full / t_full);
  return 0;
}
