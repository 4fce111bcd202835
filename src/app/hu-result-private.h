/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-result.h"

G_BEGIN_DECLS

struct _HuResult
{
  GObject                 parent_instance;

  HuComparisonRow        *row;
  HuScenario             *scenario;
  HuMeasuredRun          *run;
  HuCatalog              *catalog;
  /* Intervals of the scenario's ranges (issue 12), NULL when none apply;
   * with the probability of emitting less than the baseline. */
  HuUncertainty          *uncertainty;
  gboolean                default_ranges;
  /* Being set up: no ranges drawn, no signal, until hu_result_update(). */
  gboolean                quiet;

  /* Weak: the model keeps every result alive and clears this first. */
  HuResult               *baseline;

  const HuEquivalenceSet *equivalence_set;
  char                   *currency;
  HuEnergyUnit            energy_unit;
  HuMassUnit              mass_unit;
  /* One unit and one number of decimals per column, computed by the
   * model over every row (issue 10 item 13): a divisor of 0 means the
   * column has none and the value picks its own. */
  HuUnitScale             scales[HU_N_COLUMNS];
};

G_END_DECLS
