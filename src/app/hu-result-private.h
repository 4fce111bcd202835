/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-result.h"

G_BEGIN_DECLS

struct _HuResult
{
  GObject                 parent_instance;

  /* The core holds the numbers: the row its estimate or run metrics and
   * its likely ranges, the comparison the baseline and whether defaults'
   * ranges count. A result only formats them. */
  HuComparison           *comparison;
  HuComparisonRow        *row;
  /* Being set up: no signal until the first hu_result_refresh(). */
  gboolean                quiet;

  const HuEquivalenceSet *equivalence_set;
  HuEnergyUnit            energy_unit;
  HuMassUnit              mass_unit;
  /* One unit and one number of decimals per column, computed by the
   * model over every row (issue 10 item 13): a divisor of 0 means the
   * column has none and the value picks its own. */
  HuUnitScale             scales[HU_N_COLUMNS];
};

G_END_DECLS
