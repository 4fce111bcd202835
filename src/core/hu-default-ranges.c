/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Typical ranges of the defaults (issue 12, "Include the typical
 * uncertainty of defaults"). Each range keeps the default as its likely
 * value, so turning them on never moves the point estimate, and each
 * carries the short citation people read. */

#define G_LOG_DOMAIN "hu-default-ranges"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hu-default-ranges-private.h"
#include "hu-json-private.h"
#include "hu-number.h"
#include "hu-units.h"

/* Model-FLOPs utilisation of large dense training runs: PaLM 46 %,
 * Megatron-LM 44–52 %, BLOOM 48 %, Llama 3 38–43 %, MT-NLG ≈ 56 %
 * (lifecycle reference §7): 35–55 % around Huella's 40 %. */
#define UTILIZATION_LOW   0.35
#define UTILIZATION_HIGH  0.55

/* Measured average system power per accelerator against the chip's TDP,
 * Patterson et al. 2021 Table 4: 245/450 W (Switch, TPU v3) = 54 % to
 * 330/300 W (GPT-3, V100, host share included) = 110 %. */
#define POWER_SHARE_LOW   0.54
#define POWER_SHARE_HIGH  1.10

static void
set_range (HuRange *out,
           double   low,
           double   likely,
           double   high)
{
  out->low = MIN (low, likely);
  out->likely = likely;
  out->high = MAX (high, likely);
}

gboolean
_hu_default_range (HuInputKey        key,
                   const HuEstimate *point,
                   HuCatalog        *catalog,
                   HuRange          *out,
                   char            **identity,
                   char            **source)
{
  hu_range_init (out);
  *identity = NULL;
  *source = NULL;

  switch (key)
    {
    case HU_INPUT_UTILIZATION:
      if (point->utilization_from.origin != HU_ORIGIN_BUILTIN || isnan (point->utilization))
        return FALSE;
      set_range (out, UTILIZATION_LOW, point->utilization, UTILIZATION_HIGH);
      *identity = g_strdup ("utilization");
      /* xgettext:no-c-format */
      *source = g_strdup (_("35–55 % of peak, achieved by large training runs (PaLM, Megatron-LM, BLOOM, Llama 3; 2021–2024)"));
      return TRUE;

    case HU_INPUT_POWER_W:
      if (point->power_from.origin != HU_ORIGIN_CATALOG || point->gpu == NULL)
        return FALSE;
      set_range (out, POWER_SHARE_LOW * point->power_w, point->power_w,
                 POWER_SHARE_HIGH * point->power_w);
      *identity = g_strconcat ("power_w:", point->gpu, NULL);
      /* xgettext:no-c-format */
      *source = g_strdup (_("54–110 % of TDP, measured average power in training (Patterson et al., 2021)"));
      return TRUE;

    case HU_INPUT_PUE:
      {
        HuRegion *region = point->region ? hu_catalog_lookup_region (catalog, point->region) : NULL;
        const HuPueDefault *def;
        g_autofree char *low = NULL;
        g_autofree char *high = NULL;

        if (point->pue_from.origin != HU_ORIGIN_CATALOG)
          return FALSE;
        def = hu_catalog_get_pue_default (catalog, region ? region->provider : NULL);
        if (def == NULL || isnan (def->low))
          return FALSE;
        set_range (out, def->low, point->pue, def->high);
        low = hu_format_fixed (out->low, 2);
        high = hu_format_fixed (out->high, 2);
        *identity = g_strconcat ("pue:", def->provider, NULL);
        if (g_str_equal (def->provider, "default"))
          /* TRANSLATORS: %s–%s is a range of PUE values, "1.25–1.63" */
          *source = g_strdup_printf (_("PUE %s–%s, from the public-cloud to the on-premises average (IDC, 2025; Uptime Institute, 2024)"),
                                     low, high);
        else
          /* TRANSLATORS: %s–%s is a range of PUE values, the last %s a provider id such as "gcp" */
          *source = g_strdup_printf (_("PUE %s–%s, the spread of published figures for %s"),
                                     low, high, def->provider);
        return TRUE;
      }

    case HU_INPUT_INTENSITY:
      {
        HuRegion *region = point->region ? hu_catalog_lookup_region (catalog, point->region) : NULL;
        g_autofree char *low = NULL;
        g_autofree char *high = NULL;

        if (point->intensity_from.origin != HU_ORIGIN_CATALOG || region == NULL ||
            isnan (region->intensity_low))
          return FALSE;
        set_range (out, region->intensity_low, point->intensity, region->intensity_high);
        low = hu_units_format_intensity (out->low, HU_UNITS_NUMBER);
        high = hu_units_format_intensity (out->high, HU_UNITS_DEFAULT);
        *identity = g_strconcat ("intensity:", region->id, NULL);
        /* TRANSLATORS: a range of carbon intensities (the low end
         * without the unit, the high end with it), a region, years:
         * "120–180 g CO₂eq/kWh, France in 2020–2024" */
        *source = g_strdup_printf (_("%s–%s, %s in %d–%d"), low, high, region->name,
                                   region->history_from, region->year);
        return TRUE;
      }

    case HU_INPUT_FLOPS:
    case HU_INPUT_PARAMS:
    case HU_INPUT_TOKENS:
    case HU_INPUT_GPU_HOURS:
    case HU_INPUT_WALL_HOURS:
    case HU_INPUT_PEAK_TFLOPS:
    case HU_INPUT_COUNT:
    case HU_INPUT_RETRAIN:
    case HU_INPUT_PRICE:
    case HU_INPUT_EMBODIED_KG:
    case HU_INPUT_LIFETIME_H:
    case HU_N_NUMERIC_INPUTS:
    default:
      return FALSE;
    }
}
