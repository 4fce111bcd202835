/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog's records: precisions, accelerators (HuGpu) and regions
 * (HuRegion), each read from and written to JSON, with the spreads the
 * default ranges are made of.  The catalog itself, which loads, merges
 * and searches them, is hu-catalog.c; nothing here calls it.
 */

#define G_LOG_DOMAIN "hu-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hu-catalog-entries-private.h"
#include "hu-json-private.h"
#include "hu-units.h"

G_DEFINE_QUARK (hu-catalog-error-quark, hu_catalog_error)

static const char *precision_names[HU_N_PRECISIONS] = {
  "fp32", "tf32", "fp16", "bf16", "fp8",
};

const char *
hu_precision_to_string (HuPrecision precision)
{
  if (precision < 0 || precision >= HU_N_PRECISIONS)
    return "auto";
  return precision_names[precision];
}

/* The name people read ("BF16", as datasheets and the editor write it);
 * files and JSON keep hu_precision_to_string()'s lower-case key. */
static const char *precision_labels[HU_N_PRECISIONS] = {
  "FP32", "TF32", "FP16", "BF16", "FP8",
};

const char *
hu_precision_label (HuPrecision precision)
{
  if (precision < 0 || precision >= HU_N_PRECISIONS)
    return _("Automatic");
  return precision_labels[precision];
}

gboolean
hu_precision_from_string (const char  *text,
                          HuPrecision *out)
{
  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "auto") == 0)
    {
      *out = HU_PRECISION_AUTO;
      return TRUE;
    }
  for (int i = 0; i < HU_N_PRECISIONS; i++)
    if (g_ascii_strcasecmp (text, precision_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/* GPU ------------------------------------------------------------------ */

/* The parts of the catalog's names that qualify the figures rather than
 * name the chip, each as the catalog writes it; the string is also the
 * message translated. A name holds one at most. tests/test-catalog.c
 * checks that no catalog name keeps an English qualifier in Spanish, so
 * a new one in gpus.json is added here. */
static const char *const name_qualifiers[] = {
  /* Translators: the end of an accelerator's name in the catalog,
   * "NVIDIA B200 (HGX B200, per GPU)": its figures are one GPU's of a
   * board of several. Keep the comma and the closing parenthesis. */
  N_(", per GPU)"),
  /* Translators: part of an accelerator's name in the catalog, "NVIDIA
   * H100 NVL (per GPU, 94GB)". Keep the parenthesis and the comma. */
  N_("(per GPU, "),
  /* Translators: the end of an accelerator's name in the catalog,
   * "Google TPU v4 (per chip)": its figures are one chip's. */
  N_("(per chip)"),
  /* Translators: the end of an accelerator's name in the catalog,
   * "NVIDIA GB200 (per Blackwell GPU in GB200 NVL72)"; keep the product
   * names. */
  N_("(per Blackwell GPU in GB200 NVL72)"),
  /* Translators: the end of an accelerator's name in the catalog,
   * "NVIDIA Tesla K80 (dual GK210 board)": its figures are the board's,
   * which holds two GK210 chips. */
  N_("(dual GK210 board)"),
};

/**
 * hu_gpu_name_for_display:
 * @name: (nullable): an accelerator's name as the catalog writes it
 *
 * The accelerator's name for people: the catalog's names are data, in
 * English, but a few hold a qualifier of the figures, not of the chip
 * ("NVIDIA B200 (HGX B200, per GPU)": one GPU of an eight-GPU board),
 * which a Spanish list showed in English. That qualifier is translated;
 * the rest, a product's name, is kept. The catalog's name stays what it
 * is for files, searches and the data outputs (CSV, JSON, model card);
 * tables, reports and statements show this one.
 *
 * Returns: (transfer full) (nullable): the name to show, NULL for NULL
 */
char *
hu_gpu_name_for_display (const char *name)
{
  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (name_qualifiers); i++)
    {
      const char *at = strstr (name, name_qualifiers[i]);

      if (at != NULL)
        return g_strdup_printf ("%.*s%s%s", (int) (at - name), name, _(name_qualifiers[i]),
                                at + strlen (name_qualifiers[i]));
    }
  return g_strdup (name);
}

/**
 * hu_gpu_dup_display_name:
 *
 * hu_gpu_name_for_display() of @gpu's name.
 *
 * Returns: (transfer full): the name to show
 */
char *
hu_gpu_dup_display_name (const HuGpu *gpu)
{
  g_return_val_if_fail (gpu != NULL, NULL);

  return hu_gpu_name_for_display (gpu->name != NULL ? gpu->name : "");
}

/**
 * hu_gpu_dup_brief_name:
 *
 * hu_gpu_dup_display_name() without the vendor that starts it: "A100
 * SXM4 80GB", "TPU v4 (por chip)". For a line with no room for the whole
 * name (the sidebar), where a cut in the middle made "NVIDIA A10… XM4
 * 80GB", which reads as another GPU; no two catalog GPUs share one.
 *
 * Returns: (transfer full): the name to show
 */
char *
hu_gpu_dup_brief_name (const HuGpu *gpu)
{
  char *name;
  gsize vendor_len;

  g_return_val_if_fail (gpu != NULL, NULL);

  name = hu_gpu_dup_display_name (gpu);
  vendor_len = gpu->vendor != NULL ? strlen (gpu->vendor) : 0;
  if (vendor_len > 0 && g_str_has_prefix (name, gpu->vendor) && name[vendor_len] == ' '
      && name[vendor_len + 1] != '\0')
    memmove (name, name + vendor_len + 1, strlen (name + vendor_len + 1) + 1);
  return name;
}

static void
hu_gpu_clear (HuGpu *gpu)
{
  g_free (gpu->id);
  g_free (gpu->name);
  g_free (gpu->vendor);
  g_free (gpu->source);
  g_free (gpu->details);
}

HuGpu *
hu_gpu_ref (HuGpu *gpu)
{
  return g_rc_box_acquire (gpu);
}

void
hu_gpu_unref (HuGpu *gpu)
{
  g_rc_box_release_full (gpu, (GDestroyNotify) hu_gpu_clear);
}

G_DEFINE_BOXED_TYPE (HuGpu, hu_gpu, hu_gpu_ref, hu_gpu_unref)

/**
 * hu_gpu_default_precision:
 *
 * bf16 if the device has it, else fp16, else fp32 (ARCHITECTURE.md §2).
 */
HuPrecision
hu_gpu_default_precision (const HuGpu *gpu)
{
  if (isfinite (gpu->peak_tflops[HU_PRECISION_BF16]))
    return HU_PRECISION_BF16;
  if (isfinite (gpu->peak_tflops[HU_PRECISION_FP16]))
    return HU_PRECISION_FP16;
  return HU_PRECISION_FP32;
}

HuGpu *
hu_gpu_new_from_json (JsonObject  *object,
                      GError     **error)
{
  g_autoptr(HuGpu) gpu = g_rc_box_new0 (HuGpu);
  JsonObject *peaks = NULL;

  if (!_hu_json_get_string (object, "id", TRUE, &gpu->id, error) ||
      !_hu_json_get_string (object, "name", FALSE, &gpu->name, error) ||
      !_hu_json_get_string (object, "vendor", FALSE, &gpu->vendor, error) ||
      !_hu_json_get_string (object, "source", FALSE, &gpu->source, error) ||
      !_hu_json_get_string (object, "details", FALSE, &gpu->details, error) ||
      !_hu_json_get_int (object, "year", &gpu->year, error) ||
      !_hu_json_get_double (object, "tdp_w", 0, FALSE, &gpu->tdp_w, error) ||
      !_hu_json_get_double (object, "memory_gb", 0, FALSE, &gpu->memory_gb, error) ||
      !_hu_json_get_object (object, "peak_tflops", &peaks, error))
    return NULL;

  for (int i = 0; i < HU_N_PRECISIONS; i++)
    {
      gpu->peak_tflops[i] = NAN;
      if (peaks != NULL &&
          !_hu_json_get_double (peaks, precision_names[i], 0, FALSE,
                                &gpu->peak_tflops[i], error))
        {
          g_prefix_error (error, "peak_tflops: ");
          return NULL;
        }
    }

  if (gpu->name == NULL)
    gpu->name = g_strdup (gpu->id);

  return g_steal_pointer (&gpu);
}

void
hu_gpu_to_json (const HuGpu *gpu,
                JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  _hu_json_add_string (builder, "id", gpu->id);
  _hu_json_add_string (builder, "name", gpu->name);
  _hu_json_add_string (builder, "vendor", gpu->vendor);
  if (gpu->year > 0)
    _hu_json_add_int (builder, "year", gpu->year);
  else
    _hu_json_add_null (builder, "year");
  _hu_json_add_double (builder, "tdp_w", gpu->tdp_w);
  _hu_json_add_double (builder, "memory_gb", gpu->memory_gb);
  json_builder_set_member_name (builder, "peak_tflops");
  json_builder_begin_object (builder);
  for (int i = 0; i < HU_N_PRECISIONS; i++)
    _hu_json_add_double (builder, precision_names[i], gpu->peak_tflops[i]);
  json_builder_end_object (builder);
  _hu_json_add_string (builder, "source", gpu->source);
  _hu_json_add_string (builder, "details", gpu->details);
  json_builder_end_object (builder);
}

/* Region --------------------------------------------------------------- */

static void
hu_region_clear (HuRegion *region)
{
  g_free (region->id);
  g_free (region->name);
  g_free (region->provider);
  g_free (region->country);
  g_free (region->source);
  g_free (region->details);
  g_free (region->year_grid);
}

HuRegion *
hu_region_ref (HuRegion *region)
{
  return g_rc_box_acquire (region);
}

void
hu_region_unref (HuRegion *region)
{
  g_rc_box_release_full (region, (GDestroyNotify) hu_region_clear);
}

G_DEFINE_BOXED_TYPE (HuRegion, hu_region, hu_region_ref, hu_region_unref)

static const char * const basis_names[] = { "location", "market" };
static const char * const data_flag_names[] = { NULL, "no-data", "claim", "near-zero" };

const char *
hu_region_basis_to_string (HuRegionBasis basis)
{
  g_return_val_if_fail (basis <= HU_BASIS_MARKET, NULL);
  return basis_names[basis];
}

/* NULL for HU_DATA_FLAG_NONE, as the catalog writes null. */
const char *
hu_region_data_flag_to_string (HuRegionDataFlag flag)
{
  g_return_val_if_fail (flag <= HU_DATA_FLAG_NEAR_ZERO, NULL);
  return data_flag_names[flag];
}

/**
 * hu_region_data_flag_describe:
 *
 * Why a flagged figure is ranked last, in words; NULL when not flagged.
 *
 * Returns: (transfer full) (nullable): the reason
 */
char *
hu_region_data_flag_describe (HuRegionDataFlag flag)
{
  g_autofree char *zero = NULL;

  switch (flag)
    {
    case HU_DATA_FLAG_NO_DATA:
      zero = hu_units_format_intensity (0, HU_UNITS_DEFAULT);
      /* Translators: %s is a zero intensity with its unit, "0 g CO₂eq/kWh" */
      return g_strdup_printf (_("no emissions data (%s)"), zero);
    case HU_DATA_FLAG_CLAIM:
      zero = hu_units_format_intensity (0, HU_UNITS_DEFAULT);
      /* Translators: %s is a zero intensity with its unit, "0 g CO₂eq/kWh" */
      return g_strdup_printf (_("provider's claim (%s)"), zero);
    case HU_DATA_FLAG_NEAR_ZERO:
      return g_strdup (_("near zero: direct emissions only"));
    case HU_DATA_FLAG_NONE:
    default:
      return NULL;
    }
}

/* Market-based claims and figures with no or implausible data are not
 * comparable with grid averages: rankings put them last and mark them. */
gboolean
hu_region_is_flagged (const HuRegion *region)
{
  return region->basis != HU_BASIS_LOCATION || region->data_flag != HU_DATA_FLAG_NONE;
}

/**
 * hu_region_year_text:
 *
 * "2024", or "year of the grid: 2023" when the source gives no year and the
 * catalog dates the region by the grid it sits in; NULL when unknown.
 */
char *
hu_region_year_text (const HuRegion *region)
{
  if (region->year <= 0)
    return NULL;
  if (region->year_grid != NULL)
    return g_strdup_printf (_("year of the grid: %d"), region->year);
  return g_strdup_printf ("%d", region->year);
}

static gboolean
lookup_name (const char * const *names,
             guint               n,
             const char         *field,
             const char         *text,
             int                *out,
             GError            **error)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (names[i], text) == 0)
      {
        *out = i;
        return TRUE;
      }
  g_set_error (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_INVALID,
               _("%s: unknown value “%s”"), field, text);
  return FALSE;
}

static gboolean
region_read_annotations (HuRegion    *region,
                         JsonObject  *object,
                         GError     **error)
{
  g_autofree char *basis = NULL;
  g_autofree char *flag = NULL;
  g_autofree char *year_from = NULL;
  int value = 0;

  if (!_hu_json_get_string (object, "details", FALSE, &region->details, error) ||
      !_hu_json_get_string (object, "basis", FALSE, &basis, error) ||
      !_hu_json_get_string (object, "data_flag", FALSE, &flag, error) ||
      !_hu_json_get_string (object, "year_from", FALSE, &year_from, error) ||
      !_hu_json_get_string (object, "year_grid", FALSE, &region->year_grid, error))
    return FALSE;
  if (basis != NULL)
    {
      if (!lookup_name (basis_names, G_N_ELEMENTS (basis_names), "basis", basis, &value, error))
        return FALSE;
      region->basis = value;
    }
  if (flag != NULL)
    {
      if (!lookup_name (data_flag_names + 1, G_N_ELEMENTS (data_flag_names) - 1, "data_flag",
                        flag, &value, error))
        return FALSE;
      region->data_flag = value + 1;
    }
  if (year_from != NULL && !g_str_equal (year_from, "source") && !g_str_equal (year_from, "grid"))
    {
      g_set_error (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_INVALID,
                   _("%s: unknown value “%s”"), "year_from", year_from);
      return FALSE;
    }
  /* year_grid only means something for a year taken from the grid */
  if (g_strcmp0 (year_from, "grid") != 0)
    g_clear_pointer (&region->year_grid, g_free);
  return TRUE;
}

static void
region_write_annotations (const HuRegion *region,
                          JsonBuilder    *builder)
{
  _hu_json_add_string (builder, "basis", hu_region_basis_to_string (region->basis));
  if (region->data_flag != HU_DATA_FLAG_NONE)
    _hu_json_add_string (builder, "data_flag", hu_region_data_flag_to_string (region->data_flag));
  else
    _hu_json_add_null (builder, "data_flag");
  _hu_json_add_string (builder, "year_from", region->year_grid != NULL ? "grid" : "source");
  _hu_json_add_string (builder, "year_grid", region->year_grid);
  _hu_json_add_string (builder, "details", region->details);
}

HuRegion *
hu_region_new_from_json (JsonObject  *object,
                         GError     **error)
{
  g_autoptr(HuRegion) region = g_rc_box_new0 (HuRegion);

  if (!_hu_json_get_string (object, "id", TRUE, &region->id, error) ||
      !_hu_json_get_string (object, "name", FALSE, &region->name, error) ||
      !_hu_json_get_string (object, "provider", FALSE, &region->provider, error) ||
      !_hu_json_get_string (object, "country", FALSE, &region->country, error) ||
      !_hu_json_get_string (object, "source", FALSE, &region->source, error) ||
      !_hu_json_get_int (object, "year", &region->year, error) ||
      !_hu_json_get_double (object, "intensity", 0, TRUE, &region->intensity, error) ||
      !_hu_json_get_double (object, "pue", 1, FALSE, &region->pue, error) ||
      !region_read_annotations (region, object, error))
    return NULL;

  _hu_region_read_history (region, object);

  if (region->provider == NULL)
    {
      const char *slash = strchr (region->id, '/');
      region->provider = slash ? g_strndup (region->id, slash - region->id) : g_strdup ("custom");
    }
  if (region->name == NULL)
    region->name = g_strdup (region->id);

  return g_steal_pointer (&region);
}

void
hu_region_to_json (const HuRegion *region,
                   JsonBuilder    *builder)
{
  json_builder_begin_object (builder);
  _hu_json_add_string (builder, "id", region->id);
  _hu_json_add_string (builder, "name", region->name);
  _hu_json_add_string (builder, "provider", region->provider);
  _hu_json_add_string (builder, "country", region->country);
  _hu_json_add_double (builder, "intensity", region->intensity);
  _hu_json_add_double (builder, "pue", region->pue);
  if (region->year > 0)
    _hu_json_add_int (builder, "year", region->year);
  else
    _hu_json_add_null (builder, "year");
  _hu_json_add_string (builder, "source", region->source);
  region_write_annotations (region, builder);
  json_builder_end_object (builder);
}

/* Spreads for the default ranges --------------------------------------- */

/* The history counts this many years back from the current value. */
#define HISTORY_YEARS     5

/* Alternatives older than this many years before the provider's default
 * describe other data centres (Google 2008: 1.21) and are left out. */
#define PUE_MAX_AGE       5

void
_hu_region_read_history (HuRegion   *region,
                         JsonObject *object)
{
  JsonArray *history = NULL;

  region->intensity_low = region->intensity_high = NAN;
  region->history_from = 0;

  /* An undated current value has no "last years" to compare with. */
  if (region->year <= 0 || !_hu_json_get_array (object, "history", &history, NULL) || history == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (history); i++)
    {
      JsonNode *node = json_array_get_element (history, i);
      JsonObject *entry;
      double intensity;
      int year = 0;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      entry = json_node_get_object (node);
      if (!_hu_json_get_int (entry, "year", &year, NULL) ||
          !_hu_json_get_double (entry, "intensity", 0, TRUE, &intensity, NULL))
        continue;
      if (year <= region->year - HISTORY_YEARS || year > region->year)
        continue;

      if (isnan (region->intensity_low))
        {
          region->intensity_low = region->intensity_high = region->intensity;
          region->history_from = region->year;
        }
      region->intensity_low = MIN (region->intensity_low, intensity);
      region->intensity_high = MAX (region->intensity_high, intensity);
      region->history_from = MIN (region->history_from, year);
    }
}

/* The catalog's "default" PUE stands for an unknown data centre: its
 * spread runs from the public-cloud to the on-premises average. */
static gboolean
alternative_belongs (const char *alternative_provider,
                     const char *default_provider)
{
  if (g_str_equal (default_provider, "default"))
    return g_str_equal (alternative_provider, "unknown") ||
           g_str_equal (alternative_provider, "public-cloud-average") ||
           g_str_equal (alternative_provider, "on-premises-average");
  return g_str_equal (alternative_provider, default_provider);
}

void
_hu_pue_read_alternatives (GPtrArray *pue_defaults,
                           JsonArray *alternatives)
{
  for (guint d = 0; d < pue_defaults->len; d++)
    {
      HuPueDefault *def = pue_defaults->pdata[d];

      for (guint i = 0; i < json_array_get_length (alternatives); i++)
        {
          JsonNode *node = json_array_get_element (alternatives, i);
          g_autofree char *provider = NULL;
          JsonObject *entry;
          double pue;
          int year = 0;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          entry = json_node_get_object (node);
          if (!_hu_json_get_string (entry, "provider", TRUE, &provider, NULL) ||
              !_hu_json_get_double (entry, "pue", 1, TRUE, &pue, NULL) ||
              !_hu_json_get_int (entry, "year", &year, NULL))
            continue;
          if (!alternative_belongs (provider, def->provider))
            continue;
          if (year > 0 && def->year > 0 && year < def->year - PUE_MAX_AGE)
            continue;

          def->low = isnan (def->low) ? MIN (pue, def->pue) : MIN (def->low, pue);
          def->high = isnan (def->high) ? MAX (pue, def->pue) : MAX (def->high, pue);
        }
    }
}
