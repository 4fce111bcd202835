/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A published training run: Epoch AI's "Notable AI Models" rows in the
 * shipped catalog, or a user catalog's "models". Immutable and shared by
 * reference like HuGpu. Numbers are NAN and strings NULL when unknown.
 * The record alone: the catalog's models are hu-catalog-models.h, a
 * scenario made from one is hu-known-model-scenario.h. */
typedef struct {
  char     *name;                    /* unique key: "GPT-3 175B (davinci)" */
  char     *organization;
  char     *date;                    /* publication date "YYYY-MM-DD" */
  char     *domain;                  /* "Language", "Vision, Language", … */
  double    parameters;
  double    flops;                   /* training compute [FLOP], always known */
  double    tokens;                  /* dataset size of language models */
  char     *hardware;                /* the data's hardware name(s) */
  char     *gpu;                     /* catalog accelerator id, or NULL */
  char     *hardware_match;          /* "catalog", "unmapped", "mixed" or NULL */
  double    count;
  double    hours;                   /* training time [h] */
  double    utilization;
  char     *country;                 /* the organisation's, as the data spell it */
  char     *region;                  /* grid/ISO of that country */
  char     *confidence;              /* "Confident", "Likely", "Speculative", … */
  char     *link;
  char     *source;
  gboolean  custom;
} HuKnownModel;

#define HU_TYPE_KNOWN_MODEL (hu_known_model_get_type ())

GType          hu_known_model_get_type        (void) G_GNUC_CONST;
HuKnownModel  *hu_known_model_ref             (HuKnownModel       *model);
void           hu_known_model_unref           (HuKnownModel       *model);
HuKnownModel  *hu_known_model_new_from_json   (JsonObject         *object,
                                               GError            **error);
void           hu_known_model_to_json         (const HuKnownModel *model,
                                               JsonBuilder        *builder);
double         hu_known_model_get_decimal_year (const HuKnownModel *model);
char          *hu_known_model_get_short_organization (const HuKnownModel *model,
                                                      guint               max_chars);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuKnownModel, hu_known_model_unref)

G_END_DECLS
