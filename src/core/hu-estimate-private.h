/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-estimate-record.h"
#include "hu-units.h"

G_BEGIN_DECLS

/* How the estimate is computed, in three files that call downwards only:
 * hu-estimate.c (the whole computation and training) calls
 * hu-estimate-serving.c (the deployment phase); both write the record
 * with the primitives of hu-estimate-record.c. */

/* hu-estimate.c: the arithmetic on resolved numbers, for the Monte Carlo
 * of hu-uncertainty.c. */
void _hu_estimate_evaluate  (HuEstimate     *self,
                             const HuInputs *in);
void _hu_estimate_set_input (HuEstimate     *self,
                             HuInputs       *in,
                             HuInputKey      key,
                             double          value);

/* hu-estimate-serving.c: the deployment phase, after training's. */
gboolean  _hu_estimate_compute_serving (HuEstimate       *self,
                                        const HuInputs   *in,
                                        HuCatalog        *catalog,
                                        GError          **error);
void      _hu_estimate_serving_to_json (const HuEstimate *self,
                                        JsonBuilder      *builder);
void      _hu_estimate_evaluate_serving (HuEstimate      *self);
gboolean  _hu_estimate_set_serving_input (HuEstimate     *self,
                                          HuInputKey      key,
                                          double          value);

/* hu-estimate-record.c: shared by training and serving, so both derive
 * their numbers and say where their inputs came from the same way. */

/* Sweeps ask for thousands of estimates without the derivation; they
 * skip building the human-readable provenance text too (the origin of
 * each value is kept). */
#define _HU_ESTIMATE_WANTS_TEXT(self) ((self)->steps != NULL)

/* One output checked by _hu_estimate_check_finite(), named as in JSON. */
typedef struct {
  const char *name;
  double      value;
} HuEstimateOutput;

HuEstimate *_hu_estimate_new          (gboolean           with_steps);
char     *_hu_estimate_fmt            (double             value);
char     *_hu_estimate_fmt_big        (double             value);
char     *_hu_estimate_formula        (const char        *format,
                                       double             factor);
char     *_hu_estimate_fmt_unit       (HuUnitKind         kind,
                                       double             value);
void      _hu_estimate_add_step       (HuEstimate        *self,
                                       const char        *title,
                                       const char        *formula,
                                       char              *calculation,
                                       char              *result,
                                       const char        *note);
char     *_hu_estimate_describe       (const char        *what,
                                       const HuProvenance *p);
void      _hu_estimate_set_provenance (HuProvenance      *p,
                                       HuOrigin           origin,
                                       const char        *source,
                                       int                year);
gboolean  _hu_estimate_resolve_hardware (HuEstimate      *self,
                                         const HuInputs  *in,
                                         HuCatalog       *catalog,
                                         gboolean         needs_peak,
                                         GError         **error);
gboolean  _hu_estimate_resolve_location (HuEstimate      *self,
                                         const HuInputs  *in,
                                         HuCatalog       *catalog,
                                         GError         **error);
/* FALSE, naming the first output that is not finite (an overflow). */
gboolean  _hu_estimate_check_finite   (const HuEstimateOutput  *outputs,
                                       guint                    n_outputs,
                                       GError                 **error);

G_END_DECLS
