/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-sweep"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hu-core.h"

static const struct {
  const char *id;
  const char *title;
} metrics[HU_N_METRICS] = {
  [HU_METRIC_GPU_HOURS]    = { "gpu_hours",    N_("GPU-hours") },
  [HU_METRIC_WALL_HOURS]   = { "wall_hours",   N_("Wall-clock time") },
  [HU_METRIC_ENERGY_KWH]   = { "energy_kwh",   N_("Energy") },
  [HU_METRIC_EMISSIONS_KG] = { "emissions_kg", N_("Operational CO₂eq") },
  [HU_METRIC_TOTAL_KG]     = { "total_kg",     N_("CO₂eq") },
  [HU_METRIC_COST]         = { "cost",         N_("Cost") },
};

const char *
hu_metric_to_string (HuMetric metric)
{
  g_return_val_if_fail (metric < HU_N_METRICS, NULL);
  return metrics[metric].id;
}

const char *
hu_metric_title (HuMetric metric)
{
  g_return_val_if_fail (metric < HU_N_METRICS, NULL);
  return _(metrics[metric].title);
}

gboolean
hu_metric_from_string (const char *text,
                       HuMetric   *out)
{
  if (text == NULL)
    return FALSE;
  /* Case does not matter: people type "GPU_HOURS" as readily. */
  for (int i = 0; i < HU_N_METRICS; i++)
    if (g_ascii_strcasecmp (text, metrics[i].id) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

double
hu_estimate_get_metric (const HuEstimate *e,
                        HuMetric          metric)
{
  switch (metric)
    {
    case HU_METRIC_GPU_HOURS:    return e->gpu_hours;
    case HU_METRIC_WALL_HOURS:   return e->wall_hours;
    case HU_METRIC_ENERGY_KWH:   return e->energy_kwh;
    case HU_METRIC_EMISSIONS_KG: return e->emissions_kg;
    case HU_METRIC_TOTAL_KG:     return e->total_kg;
    case HU_METRIC_COST:         return e->cost;
    case HU_N_METRICS:
    default:                     return NAN;
    }
}

void
hu_sweep_item_free (HuSweepItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->label);
  g_free (item->group);
  g_clear_pointer (&item->estimate, hu_estimate_unref);
  g_free (item);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const HuSweepItem *ia = *(HuSweepItem * const *) a;
  const HuSweepItem *ib = *(HuSweepItem * const *) b;

  if (ia->flagged != ib->flagged)
    return ia->flagged ? 1 : -1;
  if (ia->value != ib->value)
    return ia->value < ib->value ? -1 : 1;
  return g_strcmp0 (ia->id, ib->id);
}

static HuSweepItem *
evaluate (const HuInputs *inputs,
          HuCatalog      *catalog,
          HuMetric        metric,
          const char     *id,
          const char     *label,
          const char     *group,
          gboolean        current)
{
  g_autoptr(HuEstimate) estimate = hu_estimate_compute (inputs, catalog,
                                                        HU_ESTIMATE_NO_DERIVATION, NULL);
  HuSweepItem *item;
  double value;

  if (estimate == NULL)
    return NULL;
  value = hu_estimate_get_metric (estimate, metric);
  if (!isfinite (value))
    return NULL;

  item = g_new0 (HuSweepItem, 1);
  item->id = g_strdup (id);
  item->label = g_strdup (label);
  item->group = g_strdup (group);
  item->value = value;
  item->current = current;
  item->estimate = g_steal_pointer (&estimate);
  return item;
}

/* "Netherlands (europe-west4) · GCP": in a ranking that mixes providers
 * and grids, a cloud region's row says whose it is. */
static char *
region_label (const HuRegion *region)
{
  const char *p = region->provider;
  g_autofree char *brand = NULL;

  if (p == NULL || g_str_equal (p, "grid"))
    return g_strdup (hu_region_get_display_name (region));
  if (g_str_equal (p, "gcp") || g_str_equal (p, "aws") || g_str_equal (p, "ovh"))
    brand = g_ascii_strup (p, -1);
  else if (g_str_equal (p, "coreweave"))
    brand = g_strdup ("CoreWeave");
  else
    {
      brand = g_strdup (p);
      brand[0] = g_ascii_toupper (brand[0]);
    }
  return g_strdup_printf ("%s · %s", hu_region_get_display_name (region), brand);
}

/**
 * hu_sweep_regions_full:
 *
 * The scenario moved to every region. A region-specific intensity override
 * would make every row identical, so it is dropped: the question is "what
 * would this region's grid give". The PUE stays the scenario's (what it
 * resolves to, given or default) so that rows differ by the grid alone,
 * unless @flags asks for each region's typical PUE.
 */
GPtrArray *
hu_sweep_regions_full (const HuInputs     *inputs,
                       HuCatalog          *catalog,
                       const char         *provider,
                       HuMetric            metric,
                       HuSweepRegionFlags  flags)
{
  g_autoptr(GPtrArray) regions = hu_catalog_list_regions (catalog);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hu_sweep_item_free);
  HuInputs copy;

  hu_inputs_init (&copy);
  hu_inputs_copy (inputs, &copy);
  copy.intensity = NAN;
  if (flags & HU_SWEEP_REGION_REGION_PUE)
    copy.pue = NAN;
  else if (isnan (copy.pue))
    {
      g_autoptr(HuEstimate) own = hu_estimate_compute (inputs, catalog,
                                                       HU_ESTIMATE_NO_DERIVATION, NULL);
      /* a scenario without a usable region yet: its PUE is the default one */
      const HuPueDefault *fallback = hu_catalog_get_pue_default (catalog, NULL);
      copy.pue = own != NULL ? own->pue : fallback != NULL ? fallback->pue : NAN;
    }

  for (guint i = 0; i < regions->len; i++)
    {
      HuRegion *region = regions->pdata[i];
      g_autofree char *label = NULL;
      HuSweepItem *item;

      if (provider && *provider && g_strcmp0 (region->provider, provider) != 0)
        continue;
      g_free (copy.region);
      copy.region = g_strdup (region->id);
      label = region_label (region);
      if (hu_region_is_flagged (region))
        {
          /* the mark a ranking shows beside a figure it puts last */
          const char *why = region->basis == HU_BASIS_MARKET ? _("market-based")
                            : region->data_flag == HU_DATA_FLAG_NO_DATA ? _("no data")
                            : _("near zero");
          char *marked = g_strdup_printf ("%s (%s)", label, why);

          g_free (label);
          label = marked;
        }
      item = evaluate (&copy, catalog, metric, region->id, label, region->provider,
                       g_strcmp0 (inputs->region, region->id) == 0);
      if (item)
        {
          item->flagged = hu_region_is_flagged (region);
          g_ptr_array_add (out, item);
        }
    }

  hu_inputs_clear (&copy);
  g_ptr_array_sort (out, compare_items);
  return out;
}

GPtrArray *
hu_sweep_regions (const HuInputs *inputs,
                  HuCatalog      *catalog,
                  const char     *provider,
                  HuMetric        metric)
{
  return hu_sweep_regions_full (inputs, catalog, provider, metric, HU_SWEEP_REGION_DEFAULT);
}

/**
 * hu_sweep_gpus:
 *
 * The scenario on every GPU. Hardware overrides (peak, power) belong to
 * the scenario's own GPU, so they are dropped for the others; precision
 * falls back to each device's default when the device lacks it.
 */
GPtrArray *
hu_sweep_gpus (const HuInputs *inputs,
               HuCatalog      *catalog,
               HuMetric        metric)
{
  g_autoptr(GPtrArray) gpus = hu_catalog_list_gpus (catalog);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hu_sweep_item_free);
  HuInputs copy;

  hu_inputs_init (&copy);
  hu_inputs_copy (inputs, &copy);
  copy.peak_tflops = NAN;
  copy.power_w = NAN;

  for (guint i = 0; i < gpus->len; i++)
    {
      HuGpu *gpu = gpus->pdata[i];
      g_autofree char *name = hu_gpu_dup_display_name (gpu);
      HuSweepItem *item;

      g_free (copy.gpu);
      copy.gpu = g_strdup (gpu->id);
      copy.precision = inputs->precision;
      if (copy.precision != HU_PRECISION_AUTO && isnan (gpu->peak_tflops[copy.precision]))
        copy.precision = HU_PRECISION_AUTO;
      item = evaluate (&copy, catalog, metric, gpu->id, name, gpu->vendor,
                       g_strcmp0 (inputs->gpu, gpu->id) == 0);
      if (item)
        g_ptr_array_add (out, item);
    }

  hu_inputs_clear (&copy);
  g_ptr_array_sort (out, compare_items);
  return out;
}

GArray *
hu_sweep_parameter (const HuInputs  *inputs,
                    HuCatalog       *catalog,
                    HuInputKey       key,
                    double           from,
                    double           to,
                    guint            n,
                    HuMetric         metric,
                    GError         **error)
{
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (double));
  HuInputs copy;

  g_return_val_if_fail (n >= 2, NULL);

  hu_inputs_init (&copy);
  hu_inputs_copy (inputs, &copy);

  for (guint i = 0; i < n; i++)
    {
      double x = from + (to - from) * i / (n - 1);
      g_autoptr(HuEstimate) e = NULL;
      double y;

      if (key == HU_INPUT_COUNT)
        x = round (x);
      hu_inputs_set (&copy, key, x);
      if (!(e = hu_estimate_compute (&copy, catalog, HU_ESTIMATE_NO_DERIVATION, error)))
        {
          hu_inputs_clear (&copy);
          return NULL;
        }
      y = hu_estimate_get_metric (e, metric);
      g_array_append_val (out, x);
      g_array_append_val (out, y);
    }

  hu_inputs_clear (&copy);
  return g_steal_pointer (&out);
}
