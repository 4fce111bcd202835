/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The records a catalog holds (accelerators, regions, PUE defaults,
 * equivalence factors) and the error domain of catalog files. They know
 * nothing of HuCatalog (hu-catalog.h), which loads, layers and searches
 * them. */

#define HU_CATALOG_ERROR (hu_catalog_error_quark ())

typedef enum {
  HU_CATALOG_ERROR_INVALID,
  HU_CATALOG_ERROR_UNKNOWN_GPU,
  HU_CATALOG_ERROR_UNKNOWN_REGION,
  HU_CATALOG_ERROR_UNKNOWN_MODEL,
} HuCatalogError;

GQuark       hu_catalog_error_quark   (void);

typedef enum {
  HU_PRECISION_AUTO = -1,
  HU_PRECISION_FP32 = 0,
  HU_PRECISION_TF32,
  HU_PRECISION_FP16,
  HU_PRECISION_BF16,
  HU_PRECISION_FP8,
  HU_N_PRECISIONS
} HuPrecision;

const char  *hu_precision_to_string   (HuPrecision  precision);
const char  *hu_precision_label       (HuPrecision  precision);
gboolean     hu_precision_from_string (const char  *text,
                                       HuPrecision *out);

/* How a region's intensity may be read (GHG Protocol scope 2): the average
 * of the grid it draws from, or a provider's claim on the energy it buys. */
typedef enum {
  HU_BASIS_LOCATION = 0,
  HU_BASIS_MARKET,
} HuRegionBasis;

/* Figures that must not top a ranking as if they were measured grids. */
typedef enum {
  HU_DATA_FLAG_NONE = 0,
  HU_DATA_FLAG_NO_DATA,                /* 0 g/kWh, location basis */
  HU_DATA_FLAG_CLAIM,                  /* 0 g/kWh, a provider's claim */
  HU_DATA_FLAG_NEAR_ZERO,              /* under 5 g/kWh: direct emissions only */
} HuRegionDataFlag;

/* Catalog entries are immutable once built and shared by reference
 * (g_rc_box), so estimates and list rows can hold them cheaply. */
typedef struct {
  char     *id;
  char     *name;
  char     *vendor;
  int       year;                    /* 0 when unknown */
  double    tdp_w;                   /* NAN when unknown */
  double    memory_gb;               /* NAN when unknown */
  double    peak_tflops[HU_N_PRECISIONS]; /* dense; NAN when unknown */
  char     *source;                  /* short citation people read */
  gboolean  custom;
  char     *details;                 /* full provenance; NULL when none */
} HuGpu;

typedef struct {
  char     *id;                      /* "gcp/us-central1", "grid/FR" */
  char     *name;
  char     *provider;                /* "gcp", "aws", "azure", "grid", … */
  char     *country;                 /* ISO 3166-1 alpha-2 or NULL */
  double    intensity;               /* gCO2eq/kWh */
  double    pue;                     /* NAN when the source gives none */
  int       year;                    /* 0 when unknown */
  char     *source;                  /* short citation people read */
  gboolean  custom;
  char     *details;                 /* full provenance; NULL when none */
  HuRegionBasis    basis;
  HuRegionDataFlag data_flag;
  char     *year_grid;               /* set when @year is that of this grid,
                                      * the source giving none */
  /* Spread of the intensity over the last five years of the catalog's
   * history (default ranges, issue 12); NAN when there is none. */
  double    intensity_low;
  double    intensity_high;
  int       history_from;            /* earliest year in the spread */
} HuRegion;

typedef struct {
  char     *kind;                    /* "car-year", "smartphone-charge", … */
  double    kg_per_unit;
  char     *unit;
  int       year;
  char     *source;
  char     *details;
} HuEquivalenceFactor;

typedef struct {
  char      *id;                     /* "epa-current", "epa-2021", "green-algorithms" */
  char      *name;
  int        year;
  char      *source;
  double     electricity_kg_per_kwh; /* NAN when the set has none */
  GPtrArray *factors;                /* HuEquivalenceFactor */
  char      *details;
} HuEquivalenceSet;

typedef struct {
  char   *provider;
  double  pue;
  int     year;
  char   *source;
  char   *details;
  /* Spread of the provider's published figures (the catalog's
   * "alternatives"), NAN when there are none. */
  double  low;
  double  high;
} HuPueDefault;

#define HU_TYPE_GPU    (hu_gpu_get_type ())
#define HU_TYPE_REGION (hu_region_get_type ())

GType      hu_gpu_get_type            (void) G_GNUC_CONST;
HuGpu     *hu_gpu_ref                 (HuGpu        *gpu);
void       hu_gpu_unref               (HuGpu        *gpu);
HuGpu     *hu_gpu_new_from_json       (JsonObject   *object,
                                       GError      **error);
void       hu_gpu_to_json             (const HuGpu  *gpu,
                                       JsonBuilder  *builder);
HuPrecision hu_gpu_default_precision  (const HuGpu  *gpu);
char      *hu_gpu_dup_display_name    (const HuGpu  *gpu);
char      *hu_gpu_dup_brief_name      (const HuGpu  *gpu);
char      *hu_gpu_name_for_display    (const char   *name);

GType      hu_region_get_type         (void) G_GNUC_CONST;
HuRegion  *hu_region_ref              (HuRegion     *region);
void       hu_region_unref            (HuRegion     *region);
HuRegion  *hu_region_new_from_json    (JsonObject   *object,
                                       GError      **error);
void       hu_region_to_json          (const HuRegion *region,
                                       JsonBuilder  *builder);

const char *hu_region_basis_to_string     (HuRegionBasis     basis);
const char *hu_region_data_flag_to_string (HuRegionDataFlag  flag);
char       *hu_region_data_flag_describe  (HuRegionDataFlag  flag);
gboolean    hu_region_is_flagged          (const HuRegion   *region);
char       *hu_region_year_text           (const HuRegion   *region);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuGpu, hu_gpu_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuRegion, hu_region_unref)

G_END_DECLS
