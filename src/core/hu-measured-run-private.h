/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-measured-run.h"

G_BEGIN_DECLS

void  _hu_measured_run_append_json  (HuMeasuredRun *self,
                                     GString       *out,
                                     guint          depth);

void        _hu_run_data_append_json    (const HuRunData *data,
                                         JsonObject      *extra,
                                         GString         *out,
                                         guint            depth);
JsonObject *_hu_measured_run_copy_extra (HuMeasuredRun   *self);

/* In import/hu-import-util.c, beside the importers' grouping of devices;
 * the project's loader calls it on each run it reads. */
void        _hu_run_data_normalise_devices (HuRunData    *data);

G_END_DECLS
