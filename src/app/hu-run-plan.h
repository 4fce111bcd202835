/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-core.h"

G_BEGIN_DECLS

/* Measured runs and plans side by side: what "Plan from this run" and
 * "Measured vs estimated" share. Plain functions on core objects, no
 * widgets, so the tests can check the arithmetic directly. */

/* A linked scenario's estimate against its run's measurements. Every
 * double is NAN when unknown. */
typedef struct {
  double measured_kwh;
  double estimated_kwh;
  double measured_kg;
  double estimated_kg;
  double measured_hours;
  double estimated_hours;
  /* Average power per accelerator implied by the log (W, with the CPU and
   * memory's share when the run measured them), and the share
   * of the peak throughput that the measured time implies for a FLOP
   * workload: FLOPs ÷ (peak × count × measured seconds). */
  double implied_power_w;
  double implied_utilization;
} HuRunComparison;

const char    *hu_run_plan_country_alpha2 (const char      *country);
char          *hu_run_plan_match_gpu      (HuCatalog       *catalog,
                                           const char      *gpu_model);
char          *hu_run_plan_match_region   (HuCatalog       *catalog,
                                           const HuRunData *data);
char          *hu_run_plan_format_location (HuCatalog      *catalog,
                                            const HuRunData *data);
double         hu_run_plan_implied_power  (const HuRunData *data);
gboolean       hu_run_plan_includes_host  (const HuRunData *data);
char          *hu_run_plan_notes          (HuMeasuredRun   *run,
                                           HuCatalog       *catalog,
                                           const HuInputs  *inputs);
void           hu_run_plan_inputs         (HuMeasuredRun   *run,
                                           HuCatalog       *catalog,
                                           HuInputs        *inputs);
HuScenario    *hu_run_plan_new_scenario   (HuProject       *project,
                                           HuMeasuredRun   *run);

void           hu_run_plan_link           (HuProject       *project,
                                           HuScenario      *scenario,
                                           HuMeasuredRun   *run);
HuMeasuredRun *hu_run_plan_find_run       (HuProject       *project,
                                           const char      *id);
HuMeasuredRun *hu_run_plan_linked_run     (HuProject       *project,
                                           HuScenario      *scenario);
HuScenario    *hu_run_plan_linked_scenario (HuProject      *project,
                                            HuMeasuredRun  *run);

void           hu_run_plan_compare        (HuMeasuredRun   *run,
                                           const HuEstimate *estimate,
                                           HuRunComparison *comparison);
char          *hu_run_plan_format_difference (double        measured,
                                              double        estimated);

G_END_DECLS
