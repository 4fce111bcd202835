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

const char *hu_energy_unit_symbol (HuEnergyUnit unit);
const char *hu_mass_unit_symbol   (HuMassUnit   unit);

#define HU_TYPE_RESULT (hu_result_get_type ())
G_DECLARE_FINAL_TYPE (HuResult, hu_result, HU, RESULT, GObject)

/* A row of the core's comparison as the app shows it: the row holds the
 * numbers and its likely ranges, the comparison the baseline; a result
 * adds the display units, the column scales and the text. */
HuResult         *hu_result_new_for_row      (HuComparison     *comparison,
                                              HuComparisonRow  *row);
void              hu_result_set_row          (HuResult         *self,
                                              HuComparisonRow  *row);
HuComparisonRow  *hu_result_get_row          (HuResult         *self);
HuComparison     *hu_result_get_comparison   (HuResult         *self);

HuScenario       *hu_result_get_scenario     (HuResult         *self);
HuMeasuredRun    *hu_result_get_run          (HuResult         *self);
const char       *hu_result_get_name         (HuResult         *self);
const HuEstimate *hu_result_get_estimate     (HuResult         *self);
const char       *hu_result_get_error        (HuResult         *self);
double            hu_result_get_metric       (HuResult         *self,
                                              HuMetric          metric);
gboolean          hu_result_get_is_baseline  (HuResult         *self);
/* The core row's likely ranges against the comparison's baseline. */
const HuUncertainty *hu_result_get_uncertainty (HuResult        *self);
double            hu_result_get_lifecycle_kg (HuResult         *self);
double            hu_result_get_p_lower      (HuResult         *self);

void              hu_result_set_display      (HuResult         *self,
                                              const HuEquivalenceSet *set,
                                              HuEnergyUnit      energy_unit,
                                              HuMassUnit        mass_unit);

char             *hu_result_format_column    (HuResult         *self,
                                              HuColumn          column);
char             *hu_result_format_quantity  (HuResult         *self,
                                              HuColumn          column,
                                              char            **range);
char             *hu_result_format_co2_alone (HuResult         *self);
char             *hu_result_format_device    (HuResult         *self,
                                              char            **count);
char             *hu_result_format_device_brief (HuResult      *self,
                                                 char         **count);
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
const HuUnitScale *hu_result_get_column_scale (HuResult         *self,
                                               HuColumn          column);
void              hu_result_refresh          (HuResult         *self);

G_END_DECLS
