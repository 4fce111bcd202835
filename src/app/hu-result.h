/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-core.h"

G_BEGIN_DECLS

/* Display units, in the order of the GSettings enums. */
typedef enum {
  HU_ENERGY_UNIT_AUTO,
  HU_ENERGY_UNIT_KWH,
  HU_ENERGY_UNIT_MWH,
  HU_ENERGY_UNIT_GWH,
} HuEnergyUnit;

typedef enum {
  HU_MASS_UNIT_AUTO,
  HU_MASS_UNIT_KG,
  HU_MASS_UNIT_TONNES,
} HuMassUnit;

/* The columns of the comparison table, also used by cells and tests. */
typedef enum {
  HU_COLUMN_NAME,
  HU_COLUMN_ACCELERATOR,
  HU_COLUMN_GPU_HOURS,
  HU_COLUMN_WALL_HOURS,
  HU_COLUMN_ENERGY,
  HU_COLUMN_CO2,
  HU_COLUMN_COST,
  HU_COLUMN_EQUIVALENCE,
  HU_COLUMN_LIFECYCLE,     /* lifecycle CO₂eq, when the scenario is served */
  HU_COLUMN_P_LOWER,       /* probability of emitting less than the baseline */
  HU_N_COLUMNS
} HuColumn;

#define HU_TYPE_RESULT (hu_result_get_type ())
G_DECLARE_FINAL_TYPE (HuResult, hu_result, HU, RESULT, GObject)

HuResult         *hu_result_new_for_row      (HuComparisonRow  *row,
                                              HuCatalog        *catalog);
void              hu_result_set_row          (HuResult         *self,
                                              HuComparisonRow  *row);
HuComparisonRow  *hu_result_get_row          (HuResult         *self);

HuScenario       *hu_result_get_scenario     (HuResult         *self);
HuMeasuredRun    *hu_result_get_run          (HuResult         *self);
const char       *hu_result_get_name         (HuResult         *self);
const HuEstimate *hu_result_get_estimate     (HuResult         *self);
const char       *hu_result_get_error        (HuResult         *self);
double            hu_result_get_metric       (HuResult         *self,
                                              HuMetric          metric);

void              hu_result_set_baseline     (HuResult         *self,
                                              HuResult         *baseline);
HuResult         *hu_result_get_baseline     (HuResult         *self);
gboolean          hu_result_get_is_baseline  (HuResult         *self);
void              hu_result_set_display      (HuResult         *self,
                                              const HuEquivalenceSet *set,
                                              const char       *currency,
                                              HuEnergyUnit      energy_unit,
                                              HuMassUnit        mass_unit);
void              hu_result_update           (HuResult         *self);
const HuUncertainty *hu_result_get_uncertainty (HuResult        *self);
gboolean          hu_result_get_default_ranges (HuResult       *self);
double            hu_result_get_lifecycle_kg (HuResult         *self);
double            hu_result_get_p_lower      (HuResult         *self);
void              hu_result_baseline_changed (HuResult         *self);
void              hu_result_set_default_ranges (HuResult       *self,
                                              gboolean          default_ranges);

char             *hu_result_format_column    (HuResult         *self,
                                              HuColumn          column);
double            hu_result_get_change       (HuResult         *self,
                                              HuColumn          column);
char             *hu_result_format_delta     (HuResult         *self,
                                              HuColumn          column);

void              hu_result_collect_column_values (HuResult          *self,
                                                   HuColumn           column,
                                                   GArray            *values);
gboolean          hu_result_set_column_scale (HuResult          *self,
                                              HuColumn           column,
                                              const HuUnitScale *scale);
void              hu_result_refresh          (HuResult         *self);

G_END_DECLS
