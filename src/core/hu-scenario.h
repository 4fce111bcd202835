/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-inputs.h"

G_BEGIN_DECLS

#define HU_TYPE_SCENARIO (hu_scenario_get_type ())
G_DECLARE_FINAL_TYPE (HuScenario, hu_scenario, HU, SCENARIO, GObject)

HuScenario     *hu_scenario_new             (const char     *id,
                                             const char     *name);
HuScenario     *hu_scenario_new_from_json   (JsonObject     *object,
                                             GError        **error);
JsonNode       *hu_scenario_to_json         (HuScenario     *self);
HuScenario     *hu_scenario_duplicate       (HuScenario     *self,
                                             const char     *new_id);

const char     *hu_scenario_get_id          (HuScenario     *self);
void            hu_scenario_set_id          (HuScenario     *self,
                                             const char     *id);
const char     *hu_scenario_get_name        (HuScenario     *self);
const char     *hu_scenario_get_display_name (HuScenario    *self);
void            hu_scenario_set_name        (HuScenario     *self,
                                             const char     *name);
const char     *hu_scenario_get_notes       (HuScenario     *self);
void            hu_scenario_set_notes       (HuScenario     *self,
                                             const char     *notes);
const char     *hu_scenario_get_run_id      (HuScenario     *self);
void            hu_scenario_set_run_id      (HuScenario     *self,
                                             const char     *run_id);

/* The inputs are edited as a whole: the getter returns the scenario's own
 * copy; the setter copies and emits ::changed when anything differs. */
const HuInputs *hu_scenario_get_inputs      (HuScenario     *self);
void            hu_scenario_set_inputs      (HuScenario     *self,
                                             const HuInputs *inputs);

G_END_DECLS
