/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-report-snapshot-private.h"

G_BEGIN_DECLS

/* The paste-ready carbon impact statement and the model-card block of a
 * scenario or run: text about one item of the snapshot. */

char              *_hu_report_statement      (HuReport      *self,
                                              const char    *id,
                                              gboolean      *found);

/* Model-card metadata block for a scenario or run (YAML). */
char              *_hu_report_model_card     (HuReport      *self,
                                              const char    *id);

G_END_DECLS
