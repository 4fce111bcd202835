/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The inputs of a scenario that a known model (Epoch AI's data, or a user
 * catalog) filled in. */
typedef enum {
  HU_MODEL_FILLED_FLOPS       = 1 << 0,
  HU_MODEL_FILLED_GPU         = 1 << 1,
  HU_MODEL_FILLED_COUNT       = 1 << 2,
  HU_MODEL_FILLED_UTILIZATION = 1 << 3,
  HU_MODEL_FILLED_REGION      = 1 << 4,
} HuModelFilled;

#define HU_MODEL_FILLED_ALL (HU_MODEL_FILLED_FLOPS | HU_MODEL_FILLED_GPU | \
                             HU_MODEL_FILLED_COUNT | HU_MODEL_FILLED_UTILIZATION | \
                             HU_MODEL_FILLED_REGION)

/* Where a scenario's inputs came from when it was made from a known
 * model: which inputs, from which data and with what confidence, and how
 * a derived utilisation was worked out. Immutable once built and shared
 * by reference (g_rc_box) between copies of the inputs; editing an input
 * makes a new origin without it (hu_model_origin_without()). */
typedef struct {
  char    *model;                 /* "GPT-3 175B (davinci)" */
  char    *source;                /* "Epoch AI, Notable AI Models (April 2025), CC BY 4.0" */
  char    *confidence;            /* Epoch's "Confident", "Likely", … or NULL */
  char    *hardware;              /* the data's hardware name, or NULL */
  char    *country;               /* the organisation's country, or NULL */
  guint    filled;                /* HuModelFilled */
  /* Utilisation = FLOPs ÷ (count × peak × hours × 3600) when the data
   * give the training time and not the utilisation. */
  gboolean utilization_derived;
  double   derived_utilization;   /* NAN unless derived (kept when > 1 and so not used) */
  double   derived_hours;         /* the data's training time [h] */
  double   derived_peak_tflops;   /* the catalog peak used */
  double   derived_flops;
  double   derived_count;
} HuModelOrigin;

#define HU_TYPE_MODEL_ORIGIN (hu_model_origin_get_type ())

GType          hu_model_origin_get_type    (void) G_GNUC_CONST;
HuModelOrigin *hu_model_origin_new         (const char          *model,
                                            const char          *source,
                                            const char          *confidence);
HuModelOrigin *hu_model_origin_ref         (HuModelOrigin       *origin);
void           hu_model_origin_unref       (HuModelOrigin       *origin);
HuModelOrigin *hu_model_origin_copy        (const HuModelOrigin *origin);
gboolean       hu_model_origin_equal       (const HuModelOrigin *a,
                                            const HuModelOrigin *b);
HuModelOrigin *hu_model_origin_without     (const HuModelOrigin *origin,
                                            guint                filled);

char          *hu_model_origin_describe    (const HuModelOrigin *origin,
                                            HuModelFilled        input);
char          *hu_model_origin_summary     (const HuModelOrigin *origin);

HuModelOrigin *hu_model_origin_new_from_json (JsonObject        *object,
                                              GError           **error);
void           hu_model_origin_to_json     (const HuModelOrigin *origin,
                                            JsonBuilder         *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuModelOrigin, hu_model_origin_unref)

G_END_DECLS
