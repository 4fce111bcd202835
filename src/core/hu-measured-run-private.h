/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-measured-run.h"

G_BEGIN_DECLS

void  _hu_measured_run_append_json  (HuMeasuredRun *self,
                                     GString       *out,
                                     guint          depth);

G_END_DECLS
