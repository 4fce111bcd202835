/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-estimate-record.h"

G_BEGIN_DECLS

typedef enum {
  HU_ESTIMATE_FLAGS_NONE          = 0,
  /* Skip building the human-readable derivation (sweeps, benchmarks). */
  HU_ESTIMATE_NO_DERIVATION       = 1 << 0,
} HuEstimateFlags;

HuEstimate *hu_estimate_compute     (const HuInputs  *inputs,
                                     HuCatalog       *catalog,
                                     HuEstimateFlags  flags,
                                     GError         **error);
HuEstimate *hu_estimate_compute_full (const HuInputs *inputs,
                                      HuCatalog      *catalog,
                                      const char     *currency,
                                      HuEstimateFlags flags,
                                      GError        **error);

void        hu_estimate_to_json     (const HuEstimate *estimate,
                                     JsonBuilder      *builder);
/* For tests: how many estimates hu_estimate_compute() has started in this
 * process, so a test can assert that one edit costs one estimate. */
guint       hu_estimate_get_count   (void);
char       *hu_estimate_derivation_text (const HuEstimate *estimate);

G_END_DECLS
