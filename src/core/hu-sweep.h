/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-estimate.h"

G_BEGIN_DECLS

typedef enum {
  HU_METRIC_GPU_HOURS,
  HU_METRIC_WALL_HOURS,
  HU_METRIC_ENERGY_KWH,
  HU_METRIC_EMISSIONS_KG,
  HU_METRIC_TOTAL_KG,
  HU_METRIC_COST,
  HU_N_METRICS
} HuMetric;

const char *hu_metric_to_string   (HuMetric    metric);
gboolean    hu_metric_from_string (const char *text,
                                   HuMetric   *out);
const char *hu_metric_title       (HuMetric    metric);
double      hu_estimate_get_metric (const HuEstimate *estimate,
                                    HuMetric          metric);

typedef struct {
  char   *id;        /* region or GPU id */
  char   *label;
  char   *group;     /* provider or vendor */
  double  value;     /* of the ranking metric */
  gboolean current;  /* the scenario's own choice */
  HuEstimate *estimate;
  gboolean flagged;  /* a market-based claim or no/implausible data: ranked last */
} HuSweepItem;

typedef enum {
  HU_SWEEP_REGION_DEFAULT    = 0,
  /* each region's typical PUE (its own, else its provider's) instead of
   * the scenario's */
  HU_SWEEP_REGION_REGION_PUE = 1 << 0,
} HuSweepRegionFlags;

void       hu_sweep_item_free    (HuSweepItem    *item);

/* The same scenario in every region (optionally only one provider), and
 * with every GPU, ranked ascending by @metric. Items whose estimate fails
 * (a GPU without a peak at the precision, …) are left out. Regions keep
 * the scenario's PUE unless @flags asks for each region's; flagged
 * regions come after all the others. */
GPtrArray *hu_sweep_regions      (const HuInputs *inputs,
                                  HuCatalog      *catalog,
                                  const char     *provider,
                                  HuMetric        metric);
GPtrArray *hu_sweep_regions_full (const HuInputs     *inputs,
                                  HuCatalog          *catalog,
                                  const char         *provider,
                                  HuMetric            metric,
                                  HuSweepRegionFlags  flags);
GPtrArray *hu_sweep_gpus         (const HuInputs *inputs,
                                  HuCatalog      *catalog,
                                  HuMetric        metric);

/* One parameter over a range: @n evenly spaced values of @key in
 * [@from, @to]; returns a GArray of double pairs (x, metric). */
GArray    *hu_sweep_parameter    (const HuInputs *inputs,
                                  HuCatalog      *catalog,
                                  HuInputKey      key,
                                  double          from,
                                  double          to,
                                  guint           n,
                                  HuMetric        metric,
                                  GError        **error);

G_END_DECLS
