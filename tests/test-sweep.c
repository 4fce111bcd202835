/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include "test-helpers.h"

static void
base_inputs (HuInputs *in)
{
  hu_inputs_init (in);
  in->params = 7e9;
  in->tokens = 2e12;
  in->gpu = g_strdup ("nvidia-a100-sxm4-80gb");
  in->count = 64;
  in->region = g_strdup ("aws/us-east-1");
}

static void
test_regions (void)
{
  HuCatalog *catalog = hu_catalog_get_default ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) own_pue = NULL;
  g_autoptr(GPtrArray) gcp = NULL;
  g_autoptr(GPtrArray) catalog_regions = hu_catalog_list_regions (catalog);
  g_autoptr(GPtrArray) catalog_gcp = hu_catalog_search_regions (catalog, "gcp/");
  gboolean seen_current = FALSE;
  HuInputs in;

  base_inputs (&in);
  all = hu_sweep_regions (&in, catalog, NULL, HU_METRIC_TOTAL_KG);
  own_pue = hu_sweep_regions_full (&in, catalog, NULL, HU_METRIC_TOTAL_KG,
                                   HU_SWEEP_REGION_REGION_PUE);
  gcp = hu_sweep_regions (&in, catalog, "gcp", HU_METRIC_TOTAL_KG);

  g_assert_cmpuint (all->len, ==, catalog_regions->len);
  g_assert_cmpuint (own_pue->len, ==, catalog_regions->len);
  g_assert_cmpuint (gcp->len, ==, catalog_gcp->len);

  /* By default every row keeps the scenario's PUE: aws/us-east-1 has none
   * of its own, so AWS's fleet PUE 1.15 (pue.json) for every region:
   * kg = GPU-hours × 0.4 kW × 1.15 × g/kWh / 1000. Flagged regions (claims,
   * no data) come after every other, each part ascending. */
  for (guint i = 0; i < all->len; i++)
    {
      HuSweepItem *item = all->pdata[i];
      HuRegion *region = hu_catalog_lookup_region (catalog, item->id);

      g_assert_cmpint (item->flagged, ==, hu_region_is_flagged (region));
      if (i > 0)
        {
          HuSweepItem *prev = all->pdata[i - 1];
          g_assert_true (!prev->flagged || item->flagged);
          if (prev->flagged == item->flagged)
            g_assert_cmpfloat (prev->value, <=, item->value);
        }
      seen_current |= item->current;
      assert_rel (item->value,
                  item->estimate->gpu_hours * 0.4 * 1.15 * region->intensity / 1000, 1e-12);
    }
  g_assert_true (seen_current);
  /* 0 g/kWh never tops the ranking. */
  g_assert_cmpfloat (((HuSweepItem *) all->pdata[0])->value, >, 0);
  g_assert_true (((HuSweepItem *) all->pdata[all->len - 1])->flagged);

  /* Asked for, each row is this region's grid and PUE, independently. */
  for (guint i = 0; i < own_pue->len; i++)
    {
      HuSweepItem *item = own_pue->pdata[i];
      HuRegion *region = hu_catalog_lookup_region (catalog, item->id);
      double expected_pue = isfinite (region->pue) ? region->pue
                            : hu_catalog_get_pue_default (catalog, region->provider)->pue;

      assert_rel (item->value,
                  item->estimate->gpu_hours * 0.4 * expected_pue * region->intensity / 1000,
                  1e-12);
    }
  for (guint i = 0; i < gcp->len; i++)
    g_assert_cmpstr (((HuSweepItem *) gcp->pdata[i])->group, ==, "gcp");

  /* A PUE the scenario sets is the one used everywhere. */
  in.pue = 1.4;
  {
    g_autoptr(GPtrArray) set = hu_sweep_regions (&in, catalog, "gcp", HU_METRIC_TOTAL_KG);
    for (guint i = 0; i < set->len; i++)
      {
        HuSweepItem *item = set->pdata[i];
        HuRegion *region = hu_catalog_lookup_region (catalog, item->id);
        assert_rel (item->value,
                    item->estimate->gpu_hours * 0.4 * 1.4 * region->intensity / 1000, 1e-12);
      }
  }

  hu_inputs_clear (&in);
}

static void
test_gpus (void)
{
  HuCatalog *catalog = hu_catalog_get_default ();
  g_autoptr(GPtrArray) by_time = NULL;
  HuInputs in;
  gboolean seen_current = FALSE;

  base_inputs (&in);
  by_time = hu_sweep_gpus (&in, catalog, HU_METRIC_WALL_HOURS);
  /* Every GPU with a peak and a power figure: at least 30 of the 40. */
  g_assert_cmpuint (by_time->len, >=, 30);
  for (guint i = 0; i < by_time->len; i++)
    {
      HuSweepItem *item = by_time->pdata[i];
      HuGpu *gpu = hu_catalog_lookup_gpu (catalog, item->id);
      HuPrecision p = hu_gpu_default_precision (gpu);

      if (i > 0)
        g_assert_cmpfloat (((HuSweepItem *) by_time->pdata[i - 1])->value, <=, item->value);
      seen_current |= item->current;
      /* 6 × 7e9 × 2e12 FLOP / (peak × 0.4) / 3600 / 64 */
      assert_rel (item->value, 8.4e22 / (gpu->peak_tflops[p] * 1e12 * 0.4) / 3600 / 64, 1e-12);
    }
  g_assert_true (seen_current);
  hu_inputs_clear (&in);
}

/* What If → All GPUs labels each GPU as people read its name: in
 * Spanish, "NVIDIA B200 (HGX B200, por GPU)" (the translator's words),
 * the product's name kept. Moved here from the UI tests: the labels are
 * the core's. */
static void
test_gpu_labels_translated (void)
{
  g_autoptr(GPtrArray) items = NULL;
  HuInputs in;
  gboolean found = FALSE;

  if (setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
    {
      g_test_fail_printf ("no es_ES.UTF-8 locale: generate it (tools/dev test does)");
      return;
    }
  g_setenv ("LANGUAGE", "es", TRUE);
  base_inputs (&in);
  items = hu_sweep_gpus (&in, hu_catalog_get_default (), HU_METRIC_TOTAL_KG);
  for (guint i = 0; i < items->len; i++)
    {
      HuSweepItem *item = items->pdata[i];

      if (g_strcmp0 (item->id, "nvidia-b200") == 0)
        {
          g_assert_cmpstr (item->label, ==, "NVIDIA B200 (HGX B200, por GPU)");
          found = TRUE;
        }
    }
  g_assert_true (found);
  hu_inputs_clear (&in);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_parameter (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) points = NULL;
  HuInputs in;

  base_inputs (&in);
  points = hu_sweep_parameter (&in, hu_catalog_get_default (), HU_INPUT_COUNT, 1, 8, 8,
                               HU_METRIC_WALL_HOURS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 16);
  for (guint i = 0; i < 8; i++)
    {
      double x = g_array_index (points, double, 2 * i);
      double y = g_array_index (points, double, 2 * i + 1);
      g_assert_cmpfloat (x, ==, i + 1);
      assert_rel (y, 8.4e22 / (312e12 * 0.4) / 3600 / x, 1e-12);
    }

  /* A range that leaves the model's domain is an error, not a chart. */
  g_clear_pointer (&points, g_array_unref);
  points = hu_sweep_parameter (&in, hu_catalog_get_default (), HU_INPUT_PUE, 0.5, 2, 4,
                               HU_METRIC_ENERGY_KWH, &error);
  g_assert_null (points);
  g_assert_nonnull (error);
  hu_inputs_clear (&in);
}

int
main (int    argc,
      char **argv)
{
  core_test_init (&argc, &argv);

  g_test_add_func ("/huella/sweep/regions", test_regions);
  g_test_add_func ("/huella/sweep/gpus", test_gpus);
  g_test_add_func ("/huella/sweep/gpu-labels-translated", test_gpu_labels_translated);
  g_test_add_func ("/huella/sweep/parameter", test_parameter);
  return g_test_run ();
}
