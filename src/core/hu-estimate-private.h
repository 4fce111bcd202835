/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-estimate.h"

G_BEGIN_DECLS

void _hu_estimate_evaluate  (HuEstimate     *self,
                             const HuInputs *in);
void _hu_estimate_set_input (HuEstimate     *self,
                             HuInputs       *in,
                             HuInputKey      key,
                             double          value);

G_END_DECLS
