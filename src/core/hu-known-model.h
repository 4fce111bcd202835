/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-catalog.h"
#include "hu-inputs.h"
#include "hu-scenario.h"

G_BEGIN_DECLS

/* A published training run: Epoch AI's "Notable AI Models" rows in the
 * shipped catalog, or a user catalog's "models". Immutable and shared by
 * reference like HuGpu. Numbers are NAN and strings NULL when unknown. */
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

void           hu_known_model_fill_inputs     (const HuKnownModel *model,
                                               HuCatalog          *catalog,
                                               HuInputs           *inputs);
HuScenario    *hu_scenario_new_from_model     (const HuKnownModel *model,
                                               HuCatalog          *catalog,
                                               const char         *id);

char          *hu_text_fold                   (const char         *text);
char          *hu_known_model_compare_compute (HuCatalog          *catalog,
                                               double              flops);

/* The catalog's models (hu-catalog-models.c). Names are the keys. */
void           hu_catalog_add_model           (HuCatalog          *self,
                                               HuKnownModel       *model);
HuKnownModel  *hu_catalog_lookup_model        (HuCatalog          *self,
                                               const char         *name);
GPtrArray     *hu_catalog_list_models         (HuCatalog          *self);
GPtrArray     *hu_catalog_search_models       (HuCatalog          *self,
                                               const char         *text);
char          *hu_catalog_suggest_models      (HuCatalog          *self,
                                               const char         *text);
HuKnownModel  *hu_catalog_find_model          (HuCatalog          *self,
                                               const char         *name,
                                               GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuKnownModel, hu_known_model_unref)

G_END_DECLS
