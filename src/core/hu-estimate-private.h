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

/* Shared by hu-estimate.c (training) and hu-estimate-serving.c (the
 * deployment phase), so both derive their numbers the same way. */

char     *_hu_estimate_fmt            (double             value);
char     *_hu_estimate_fmt_big        (double             value);
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
void      _hu_estimate_clear_serving  (HuEstimate        *self);
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

G_END_DECLS
