/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-catalog.h"
#include "hu-inputs.h"

G_BEGIN_DECLS

/* The estimate as a record: its numbers, where each input came from and
 * the steps that derive them. hu-estimate.c (training, and the whole
 * computation) and hu-estimate-serving.c (the deployment phase) both
 * fill it in; include hu-estimate.h to compute one. */

#define HU_ESTIMATE_ERROR (hu_estimate_error_quark ())

typedef enum {
  HU_ESTIMATE_ERROR_INPUT,
  HU_ESTIMATE_ERROR_OVERFLOW,
} HuEstimateError;

/* One step of "How is this computed?". All strings are for people
 * (translated, locale-formatted numbers). */
typedef struct {
  char *title;        /* "GPU-hours of one run" */
  char *formula;      /* "FLOPs ÷ (peak × utilisation) ÷ 3600 s/h" */
  char *calculation;  /* "3.14e23 FLOP ÷ (130 TFLOP/s × 100 %) ÷ 3600 s/h" */
  char *result;       /* "670,940 h" */
  char *note;         /* sources of the defaults used, or NULL */
} HuStep;

/* Where a resolved input came from. */
typedef enum {
  HU_ORIGIN_USER,      /* typed by the user / given in the file */
  HU_ORIGIN_CATALOG,   /* catalog default (with source and year) */
  HU_ORIGIN_BUILTIN,   /* Huella's documented default (utilisation 0.40, …) */
  HU_ORIGIN_DERIVED,   /* computed from other inputs */
} HuOrigin;

typedef struct {
  HuOrigin  origin;
  char     *source;    /* human-readable source with year, or NULL */
} HuProvenance;

typedef struct {
  /* Resolved inputs */
  HuWorkload    workload;
  double        flops;            /* NAN for hour-based workloads */
  char         *gpu;              /* catalog id or NULL */
  char         *gpu_name;
  HuPrecision   precision;
  double        peak_tflops;      /* NAN for hour-based workloads */
  double        count;
  double        utilization;      /* NAN for hour-based workloads */
  double        power_w;
  double        retrain;
  char         *region;           /* catalog id or NULL */
  char         *region_name;
  double        intensity;        /* g/kWh */
  double        pue;
  double        price;            /* NAN when none */
  char         *currency;         /* ISO 4217 code of price and cost, NULL when
                                   * the caller did not say (hu_estimate_compute_full()) */
  double        embodied_per_unit_kg; /* NAN when none */
  double        lifetime_h;       /* NAN when none */

  HuProvenance  peak_from;
  HuProvenance  power_from;
  HuProvenance  intensity_from;
  HuProvenance  pue_from;
  HuProvenance  utilization_from;

  /* Outputs (ARCHITECTURE.md §2) */
  double        throughput;       /* FLOP/s per accelerator, NAN if hour-based */
  double        gpu_hours_run;
  double        wall_hours;
  double        gpu_hours;
  double        energy_it_kwh;
  double        energy_kwh;
  double        emissions_kg;
  double        embodied_kg;
  double        total_kg;
  double        cost;             /* NAN when no price */

  /* Deployment phase (issue 11). serve_model is HU_SERVING_NONE and the
   * numbers below NAN when the scenario has none. */
  HuServingModel serve_model;
  double        requests;           /* requests served in all */
  double        requests_per_day;   /* NAN when no rate is known */
  double        days;               /* NAN when not given */
  double        wh_per_request;     /* IT energy per request, per-request model */
  double        tokens_per_request;
  double        active_params;
  double        flops_per_request;
  char         *serve_gpu;
  char         *serve_gpu_name;
  double        serve_count;
  double        serve_peak_tflops;
  double        serve_utilization;
  double        serve_power_w;
  char         *serve_region;
  char         *serve_region_name;
  double        serve_intensity;
  double        serve_pue;
  double        serve_embodied_per_unit_kg;
  double        serve_lifetime_h;

  HuProvenance  serve_peak_from;
  HuProvenance  serve_power_from;
  HuProvenance  serve_utilization_from;
  HuProvenance  serve_intensity_from;
  HuProvenance  serve_pue_from;
  HuProvenance  active_params_from;
  /* How serving's numbers relate to the inputs, for re-evaluation. */
  gboolean      requests_from_rate;        /* requests = per day × days */
  gboolean      serve_power_inherited;     /* the training's power_w */
  gboolean      serve_intensity_inherited; /* the training's intensity */
  gboolean      serve_pue_inherited;       /* the training's PUE */

  double        inference_gpu_hours;     /* NAN for the per-request model */
  double        inference_energy_it_kwh;
  double        inference_energy_kwh;    /* facility, PUE included */
  double        inference_emissions_kg;
  double        inference_embodied_kg;
  double        per_request_wh;          /* facility energy per request */
  double        per_request_g;           /* operational CO₂eq per request */
  double        breakeven_requests;      /* serving energy = training energy */
  double        breakeven_days;          /* NAN without a rate */
  /* total_kg + serving's operational and embodied CO₂eq (= total_kg
   * without a deployment phase) */
  double        lifecycle_kg;

  GPtrArray    *steps;            /* HuStep, NULL with NO_DERIVATION */
} HuEstimate;

#define HU_TYPE_ESTIMATE (hu_estimate_get_type ())

GType       hu_estimate_get_type    (void) G_GNUC_CONST;
GQuark      hu_estimate_error_quark (void);

HuEstimate *hu_estimate_ref         (HuEstimate      *estimate);
void        hu_estimate_unref       (HuEstimate      *estimate);

/* The lifecycle split into the parts the charts stack (they add up to
 * lifecycle_kg). */
typedef struct {
  double development_kg;    /* the (retrain − 1) runs before the final one */
  double training_kg;       /* the final training run */
  double serving_kg;        /* operational CO₂eq of serving */
  double embodied_kg;       /* manufacturing share, training and serving */
} HuPhases;

void        hu_estimate_get_phases  (const HuEstimate *estimate,
                                     HuPhases         *phases);
gboolean    hu_estimate_has_serving (const HuEstimate *estimate);
double      hu_estimate_lifecycle_kg_at_day (const HuEstimate *estimate,
                                             double            day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuEstimate, hu_estimate_unref)

G_END_DECLS
