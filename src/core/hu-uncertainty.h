/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hu-catalog.h"
#include "hu-estimate.h"
#include "hu-inputs.h"
#include "hu-uncertainty-stats.h"

G_BEGIN_DECLS

#define HU_UNCERTAINTY_ERROR (hu_uncertainty_error_quark ())

#define HU_UNCERTAINTY_DEFAULT_SAMPLES 10000
#define HU_UNCERTAINTY_MAX_SAMPLES     1000000
/* Fixed, so that the same plan prints the same interval every time. */
#define HU_UNCERTAINTY_DEFAULT_SEED    20260101

typedef struct {
  guint    samples;          /* HU_UNCERTAINTY_DEFAULT_SAMPLES */
  guint64  seed;             /* HU_UNCERTAINTY_DEFAULT_SEED */
  gboolean default_ranges;   /* add the typical ranges of defaults */
  guint    n_threads;        /* 0: as many as processors, at most 2 */
  /* Nullable, not owned: hu_uncertainty_compute_all() stops between
   * scenarios once it is cancelled (a ranking typing has replaced). */
  GCancellable *cancellable;
} HuUncertaintyOptions;

/* One ranged input and what it does to total CO₂eq when swung alone. */
typedef struct {
  HuInputKey  key;
  HuRange     range;
  /* lifecycle_kg (total_kg without a deployment phase) with the input at
   * its low end */
  double      low_kg;
  double      high_kg;       /* … at its high end, the others at likely */
  char       *source;        /* citation of a default range; NULL for the user's */
} HuSensitivity;

typedef struct {
  guint       samples;       /* 0 when no range applies */
  guint64     seed;
  HuInterval *outputs;       /* one per hu_uncertainty_output_name() */
  GArray     *sensitivity;   /* HuSensitivity, largest swing first */
  double      p_lower_than_baseline; /* NAN without a baseline */
} HuUncertainty;

#define HU_TYPE_UNCERTAINTY (hu_uncertainty_get_type ())

GType          hu_uncertainty_get_type      (void) G_GNUC_CONST;
GQuark         hu_uncertainty_error_quark   (void);

void           hu_uncertainty_options_init  (HuUncertaintyOptions *options);

guint          hu_uncertainty_get_n_outputs (void);
const char    *hu_uncertainty_output_name   (guint                 index);
gboolean       hu_uncertainty_output_index  (const char           *name,
                                             guint                *index);

const char    *hu_uncertainty_input_title   (HuInputKey            key);

HuUncertainty *hu_uncertainty_compute       (const HuInputs        *inputs,
                                             const HuInputs        *baseline,
                                             HuCatalog             *catalog,
                                             const HuUncertaintyOptions *options,
                                             GError               **error);
GPtrArray     *hu_uncertainty_compute_all   (const HuInputs * const *inputs,
                                             guint                  n_inputs,
                                             int                    baseline,
                                             HuCatalog             *catalog,
                                             const HuUncertaintyOptions *options,
                                             GError               **error);

HuUncertainty *hu_uncertainty_ref           (HuUncertainty         *self);
void           hu_uncertainty_unref         (HuUncertainty         *self);

gboolean       hu_uncertainty_applies       (const HuUncertainty   *self);
const HuInterval *hu_uncertainty_get_interval (const HuUncertainty *self,
                                             const char            *output);
void           hu_uncertainty_to_json       (const HuUncertainty   *self,
                                             JsonBuilder           *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuUncertainty, hu_uncertainty_unref)

G_END_DECLS
