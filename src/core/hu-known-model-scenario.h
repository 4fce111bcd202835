/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-catalog.h"
#include "hu-inputs.h"
#include "hu-known-model.h"
#include "hu-scenario.h"

G_BEGIN_DECLS

/* Where known models meet scenarios: the inputs a published run gives a
 * scenario, and a scenario's compute placed among published runs. */

void           hu_known_model_fill_inputs     (const HuKnownModel *model,
                                               HuCatalog          *catalog,
                                               HuInputs           *inputs);
HuScenario    *hu_scenario_new_from_model     (const HuKnownModel *model,
                                               HuCatalog          *catalog,
                                               const char         *id);
char          *hu_known_model_compare_compute (HuCatalog          *catalog,
                                               double              flops);

G_END_DECLS
