/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-catalog.h"
#include "hu-catalog-models.h"
#include "hu-citation.h"
#include "hu-comparison.h"
#include "hu-country.h"
#include "hu-equivalences.h"
#include "hu-estimate.h"
#include "hu-file-util.h"
#include "hu-inputs.h"
#include "hu-json.h"
#include "hu-known-model.h"
#include "hu-known-model-scenario.h"
#include "hu-measured-run.h"
#include "hu-model-origin.h"
#include "hu-number.h"
#include "hu-project.h"
#include "hu-project-writer.h"
#include "hu-range.h"
#include "hu-scenario.h"
#include "hu-sweep.h"
#include "hu-text.h"
#include "hu-uncertainty.h"
#include "hu-undo.h"
#include "hu-units.h"

G_BEGIN_DECLS

/* Bind the core's gettext domain and register its resources; safe to call
 * more than once. */
void hu_core_init             (void);
void hu_core_ensure_resources (void);

G_END_DECLS
