/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-estimate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hu-citation.h"
#include "hu-country.h"
#include "hu-estimate-private.h"
#include "hu-number.h"
#include "hu-units.h"

/* The estimate record, and the primitives both phases write it with:
 * the notation of numbers in the derivation, its steps, where each input
 * came from, and the look-up of hardware and place in the catalog.
 * hu-estimate.c (training) and hu-estimate-serving.c (deployment) call
 * down to here; nothing here calls up. */

G_DEFINE_QUARK (hu-estimate-error-quark, hu_estimate_error)

static void
step_free (HuStep *step)
{
  g_free (step->title);
  g_free (step->formula);
  g_free (step->calculation);
  g_free (step->result);
  g_free (step->note);
  g_free (step);
}

static void
provenance_clear (HuProvenance *p)
{
  g_clear_pointer (&p->source, g_free);
}

static void
hu_estimate_clear (HuEstimate *self)
{
  g_free (self->gpu);
  g_free (self->gpu_name);
  g_free (self->region);
  g_free (self->region_name);
  g_free (self->currency);
  provenance_clear (&self->peak_from);
  provenance_clear (&self->power_from);
  provenance_clear (&self->intensity_from);
  provenance_clear (&self->pue_from);
  provenance_clear (&self->utilization_from);
  provenance_clear (&self->serve_peak_from);
  provenance_clear (&self->serve_power_from);
  provenance_clear (&self->serve_utilization_from);
  provenance_clear (&self->serve_intensity_from);
  provenance_clear (&self->serve_pue_from);
  provenance_clear (&self->active_params_from);
  g_free (self->serve_gpu);
  g_free (self->serve_gpu_name);
  g_free (self->serve_region);
  g_free (self->serve_region_name);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
}

HuEstimate *
hu_estimate_ref (HuEstimate *estimate)
{
  return g_atomic_rc_box_acquire (estimate);
}

void
hu_estimate_unref (HuEstimate *estimate)
{
  g_atomic_rc_box_release_full (estimate, (GDestroyNotify) hu_estimate_clear);
}

G_DEFINE_BOXED_TYPE (HuEstimate, hu_estimate, hu_estimate_ref, hu_estimate_unref)

/* An empty record; with steps, it collects the derivation. */
HuEstimate *
_hu_estimate_new (gboolean with_steps)
{
  HuEstimate *self = g_atomic_rc_box_new0 (HuEstimate);

  if (with_steps)
    self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  return self;
}

/* Formatting for the derivation ------------------------------------------ */

/* The derivation writes its numbers as hu-units does everywhere else, so
 * that a step and the table, the cards, the charts and the report say
 * the same thing for the same value. */

/* FLOPs, parameters, tokens: "3.14 × 10²³", as papers print them (never
 * "3.14e23" or "10^23"); below a million, grouped digits read better. */
char *
_hu_estimate_fmt_big (double value)
{
  if (fabs (value) < 1e6)
    return hu_format_number (value, 6);
  return hu_units_format_power_of_ten (value, 3, HU_UNITS_DEFAULT);
}

/* A count (accelerators, training runs, requests): whole numbers as
 * they are, grouped as the locale groups, up to a billion. */
char *
_hu_estimate_fmt (double value)
{
  return hu_format_amount (value);
}

/* A formula with its conversion factor written as every figure of the
 * steps is, grouped as the locale groups: "÷ 3,600 s/h", "÷ 3.600 s/h"
 * in Spanish, never a bare "3600" beside "3,542 thousand GPU-h" (issue
 * 10). @format holds one %s, the factor. */
char *
_hu_estimate_formula (const char *format,
                      double      factor)
{
  g_autofree char *number = _hu_estimate_fmt (factor);

  return g_strdup_printf (format, number);
}

/* A quantity alone in its own unit, with its kind's significant digits
 * and no trailing zeros, as the result cards and the statement write
 * it: "0.5744 Wh", "1083 thousand GPU-h", "118 days", "39.32 t". */
char *
_hu_estimate_fmt_unit (HuUnitKind kind,
                       double     value)
{
  return hu_unit_format_full (kind, value, NULL, 0, HU_UNITS_TRIM);
}

void
_hu_estimate_add_step (HuEstimate *self,
                       const char *title,
                       const char *formula,
                       char       *calculation,   /* (transfer full) */
                       char       *result,        /* (transfer full) */
                       const char *note)
{
  HuStep *step;

  if (self->steps == NULL)
    {
      g_free (calculation);
      g_free (result);
      return;
    }
  step = g_new0 (HuStep, 1);
  step->title = g_strdup (title);
  step->formula = g_strdup (formula);
  step->calculation = calculation;
  step->result = result;
  step->note = g_strdup (note);
  g_ptr_array_add (self->steps, step);
}

char *
_hu_estimate_describe (const char         *what,
                       const HuProvenance *p)
{
  switch (p->origin)
    {
    case HU_ORIGIN_USER:
      /* TRANSLATORS: %s is an input such as "Power" */
      return g_strdup_printf (_("%s: set in this scenario."), what);
    case HU_ORIGIN_CATALOG:
      /* TRANSLATORS: first %s is an input such as "Power", second its source */
      return g_strdup_printf (_("%s: catalog default — %s"), what, p->source ? p->source : "?");
    case HU_ORIGIN_BUILTIN:
      return g_strdup_printf (_("%s: Huella default — %s"), what, p->source ? p->source : "?");
    case HU_ORIGIN_DERIVED:
    default:
      return g_strdup_printf (_("%s: derived — %s"), what, p->source ? p->source : "?");
    }
}

void
_hu_estimate_set_provenance (HuProvenance *p,
                             HuOrigin      origin,
                             const char   *source,
                             int           year)
{
  char year_text[16];

  g_clear_pointer (&p->source, g_free);
  p->origin = origin;
  if (source == NULL)
    return;
  g_snprintf (year_text, sizeof year_text, "%d", year);
  /* Sources usually name their year already; add it only when not. */
  if (source && year > 0 && !g_strrstr (source, year_text))
    p->source = g_strdup_printf ("%s (%d)", source, year);
  else
    p->source = g_strdup (source);
}

/* Resolution of inputs ------------------------------------------------------ */

static gboolean
unknown_id_error (HuCatalog   *catalog,
                  const char  *id,
                  gboolean     region,
                  GError     **error)
{
  g_autofree char *suggestion = hu_catalog_suggest (catalog, id, region);

  if (suggestion)
    g_set_error (error, HU_CATALOG_ERROR,
                 region ? HU_CATALOG_ERROR_UNKNOWN_REGION : HU_CATALOG_ERROR_UNKNOWN_GPU,
                 region ? _("region: unknown region “%s” (did you mean %s?)")
                        : _("gpu: unknown GPU “%s” (did you mean %s?)"),
                 id, suggestion);
  else
    g_set_error (error, HU_CATALOG_ERROR,
                 region ? HU_CATALOG_ERROR_UNKNOWN_REGION : HU_CATALOG_ERROR_UNKNOWN_GPU,
                 region ? _("region: unknown region “%s” (see `huella-cli regions`)")
                        : _("gpu: unknown GPU “%s” (see `huella-cli gpus`)"),
                 id);
  return FALSE;
}

gboolean
_hu_estimate_resolve_hardware (HuEstimate      *self,
                               const HuInputs  *in,
                               HuCatalog       *catalog,
                               gboolean         needs_peak,
                               GError         **error)
{
  HuGpu *gpu = NULL;

  if (in->gpu)
    {
      if (!(gpu = hu_catalog_lookup_gpu (catalog, in->gpu)))
        return unknown_id_error (catalog, in->gpu, FALSE, error);
      self->gpu = g_strdup (gpu->id);
      self->gpu_name = g_strdup (gpu->name);
    }

  self->precision = in->precision;
  if (self->precision == HU_PRECISION_AUTO)
    self->precision = gpu ? hu_gpu_default_precision (gpu) : HU_PRECISION_FP16;

  self->peak_tflops = NAN;
  if (!isnan (in->peak_tflops))
    {
      self->peak_tflops = in->peak_tflops;
      _hu_estimate_set_provenance (&self->peak_from, HU_ORIGIN_USER, NULL, 0);
    }
  else if (needs_peak)
    {
      if (gpu == NULL)
        {
          g_set_error_literal (error, HU_ESTIMATE_ERROR, HU_ESTIMATE_ERROR_INPUT,
                               _("peak_tflops: missing (give a gpu or a peak)"));
          return FALSE;
        }
      self->peak_tflops = gpu->peak_tflops[self->precision];
      if (isnan (self->peak_tflops))
        {
          g_set_error (error, HU_ESTIMATE_ERROR, HU_ESTIMATE_ERROR_INPUT,
                       _("precision: the catalog has no %s peak for %s; choose another precision or set peak_tflops"),
                       hu_precision_to_string (self->precision), gpu->id);
          return FALSE;
        }
      {
        g_autofree char *cited = hu_citation_localize (gpu->source);

        _hu_estimate_set_provenance (&self->peak_from, HU_ORIGIN_CATALOG, cited, 0);
      }
    }

  if (!isnan (in->power_w))
    {
      self->power_w = in->power_w;
      _hu_estimate_set_provenance (&self->power_from, HU_ORIGIN_USER, NULL, 0);
    }
  else if (gpu && isfinite (gpu->tdp_w))
    {
      g_autofree char *cited = _HU_ESTIMATE_WANTS_TEXT (self) ? hu_citation_localize (gpu->source)
                                                              : NULL;
      g_autofree char *shown = _HU_ESTIMATE_WANTS_TEXT (self) ? hu_gpu_dup_display_name (gpu) : NULL;
      g_autofree char *src = _HU_ESTIMATE_WANTS_TEXT (self)
        ? g_strdup_printf (_("TDP of %s: %s"), shown, cited ? cited : "")
        : NULL;
      self->power_w = gpu->tdp_w;
      _hu_estimate_set_provenance (&self->power_from, HU_ORIGIN_CATALOG, src, gpu->year);
    }
  else
    {
      if (gpu)
        g_set_error (error, HU_ESTIMATE_ERROR, HU_ESTIMATE_ERROR_INPUT,
                     _("power_w: missing (the catalog has no power figure for %s)"), gpu->id);
      else
        g_set_error_literal (error, HU_ESTIMATE_ERROR, HU_ESTIMATE_ERROR_INPUT,
                             _("power_w: missing (give a gpu or an average power)"));
      return FALSE;
    }
  return TRUE;
}

gboolean
_hu_estimate_resolve_location (HuEstimate      *self,
                               const HuInputs  *in,
                               HuCatalog       *catalog,
                               GError         **error)
{
  HuRegion *region = NULL;
  const HuPueDefault *pue_default;

  if (in->region)
    {
      if (!(region = hu_catalog_lookup_region (catalog, in->region)))
        return unknown_id_error (catalog, in->region, TRUE, error);
      self->region = g_strdup (region->id);
      self->region_name = g_strdup (region->name);
    }

  if (!isnan (in->intensity))
    {
      self->intensity = in->intensity;
      _hu_estimate_set_provenance (&self->intensity_from, HU_ORIGIN_USER, NULL, 0);
    }
  else if (region)
    {
      g_autofree char *year = region->year_grid != NULL ? hu_region_year_text (region) : NULL;
      g_autofree char *cited = _HU_ESTIMATE_WANTS_TEXT (self) ? hu_citation_localize (region->source)
                                                              : NULL;
      /* Read by people (the derivation, the report's sources), so the
       * region as the user says it; self->region_name keeps the
       * catalog's for CSV and JSON. */
      const char *where = _HU_ESTIMATE_WANTS_TEXT (self) ? hu_region_get_display_name (region)
                                                         : NULL;
      g_autofree char *src = !_HU_ESTIMATE_WANTS_TEXT (self) ? NULL
        : year != NULL
        /* an undated source: say the year is the grid's, not the figure's */
        ? g_strdup_printf ("%s: %s (%s)", where, cited ? cited : "", year)
        : g_strdup_printf ("%s: %s", where, cited ? cited : "");
      self->intensity = region->intensity;
      _hu_estimate_set_provenance (&self->intensity_from, HU_ORIGIN_CATALOG, src,
                                   year != NULL ? 0 : region->year);
    }
  else
    {
      g_set_error_literal (error, HU_ESTIMATE_ERROR, HU_ESTIMATE_ERROR_INPUT,
                           _("intensity: missing (give a region or a carbon intensity)"));
      return FALSE;
    }

  if (!isnan (in->pue))
    {
      self->pue = in->pue;
      _hu_estimate_set_provenance (&self->pue_from, HU_ORIGIN_USER, NULL, 0);
    }
  else if (region && isfinite (region->pue))
    {
      g_autofree char *cited = hu_citation_localize (region->source);

      self->pue = region->pue;
      _hu_estimate_set_provenance (&self->pue_from, HU_ORIGIN_CATALOG, cited, region->year);
    }
  else if ((pue_default = hu_catalog_get_pue_default (catalog, region ? region->provider : NULL)))
    {
      g_autofree char *cited = hu_citation_localize (pue_default->source);

      self->pue = pue_default->pue;
      _hu_estimate_set_provenance (&self->pue_from, HU_ORIGIN_CATALOG, cited, pue_default->year);
    }
  else
    {
      self->pue = 1.56;
      _hu_estimate_set_provenance (&self->pue_from, HU_ORIGIN_BUILTIN,
                                   "Uptime Institute Global Data Center Survey", 2024);
    }
  return TRUE;
}

/* Shared by training and serving: an output that overflowed names itself
 * rather than turning into "inf" further down. */
gboolean
_hu_estimate_check_finite (const HuEstimateOutput  *outputs,
                           guint                    n_outputs,
                           GError                 **error)
{
  for (guint i = 0; i < n_outputs; i++)
    if (!isfinite (outputs[i].value))
      {
        g_set_error (error, HU_ESTIMATE_ERROR, HU_ESTIMATE_ERROR_OVERFLOW,
                     _("%s: the result is too large to compute; check the inputs"),
                     outputs[i].name);
        return FALSE;
      }
  return TRUE;
}
