/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-catalog.h"

G_BEGIN_DECLS

typedef struct {
  const HuEquivalenceFactor *factor;  /* owned by the catalog */
  double                     amount;  /* in factor units */
  char                      *label;   /* "15.7 years of driving a car" */
  char                      *explanation; /* "72.6 t ÷ 4.63 t per vehicle-year" */
} HuEquivalence;

void       hu_equivalence_free          (HuEquivalence          *equivalence);
GPtrArray *hu_equivalences_compute      (const HuEquivalenceSet *set,
                                         double                  total_kg);
char      *hu_equivalence_kind_label    (const char             *kind,
                                         double                  amount);
const char *hu_equivalence_kind_title   (const char             *kind);

G_END_DECLS
