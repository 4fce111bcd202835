/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuResult"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hu-result-private.h"

/* A result's table cells: each column's value in its unit (one unit and
 * one number of decimals per column, issue 10 item 13), its likely range,
 * and its change against the baseline. The object itself, its metrics
 * and its ranges are in hu-result.c; this file only reads them. */

/* @value (kWh for the Energy column, kg for the CO₂eq ones) in the unit
 * the user fixed in Preferences, or in one of its own when the choice is
 * Automatic: rescale() gives such a column no shared unit. */
/**
 * hu_energy_unit_symbol:
 *
 * Returns: (nullable): the unit @unit fixes, untranslated ("MWh"), or
 *   %NULL for the automatic choice
 */
const char *
hu_energy_unit_symbol (HuEnergyUnit unit)
{
  switch (unit)
    {
    case HU_ENERGY_UNIT_KWH: return "kWh";
    case HU_ENERGY_UNIT_MWH: return "MWh";
    case HU_ENERGY_UNIT_GWH: return "GWh";
    case HU_ENERGY_UNIT_AUTO:
    default: return NULL;
    }
}

/**
 * hu_mass_unit_symbol:
 *
 * Returns: (nullable): the unit @unit fixes, untranslated ("t"), or
 *   %NULL for the automatic choice
 */
const char *
hu_mass_unit_symbol (HuMassUnit unit)
{
  switch (unit)
    {
    case HU_MASS_UNIT_KG: return "kg";
    case HU_MASS_UNIT_TONNES: return "t";
    case HU_MASS_UNIT_AUTO:
    default: return NULL;
    }
}

/* The unit Preferences fixes for @column's kind (energy, else mass)
 * set up in @scale for @value with the digits hu-units gives it there;
 * FALSE when the choice is automatic (or the unit cannot hold @value). */
static gboolean
chosen_scale (HuResult    *self,
              HuColumn     column,
              double       value,
              HuUnitScale *scale)
{
  gboolean energy = column == HU_COLUMN_ENERGY;
  const char *symbol = energy ? hu_energy_unit_symbol (self->energy_unit)
                              : hu_mass_unit_symbol (self->mass_unit);

  return symbol != NULL &&
         hu_unit_scale_init_fixed (scale, energy ? HU_UNIT_ENERGY_KWH : HU_UNIT_MASS_KG, symbol,
                                   &value, 1, 0);
}

/* A value with no column scale, in the unit fixed in Preferences (as a
 * column in that unit writes it), else in its own. */
static char *
format_in_chosen_unit (HuResult *self,
                       HuColumn  column,
                       double    value)
{
  gboolean energy = column == HU_COLUMN_ENERGY;
  HuUnitScale scale;

  if (isnan (value))
    return g_strdup ("—");
  if (!chosen_scale (self, column, value, &scale))
    return energy ? hu_format_energy_kwh (value) : hu_format_mass_kg (value);
  return energy ? hu_unit_scale_format (&scale, value, HU_UNITS_DEFAULT)
                : hu_format_co2_in (&scale, value, HU_UNITS_DEFAULT);
}

static char *
format_money (double      amount,
              const char *currency)
{
  g_autofree char *number = NULL;

  if (isnan (amount))
    return g_strdup ("—");

  number = hu_format_number (amount, 4);
  /* Translators: an amount of money and its ISO currency code, "12,345 USD" */
  return g_strdup_printf (_("%s %s"), number, currency != NULL ? currency : "");
}

static HuMetric
column_metric (HuColumn column)
{
  switch (column)
    {
    case HU_COLUMN_GPU_HOURS:
      return HU_METRIC_GPU_HOURS;
    case HU_COLUMN_WALL_HOURS:
      return HU_METRIC_WALL_HOURS;
    case HU_COLUMN_ENERGY:
      return HU_METRIC_ENERGY_KWH;
    case HU_COLUMN_CO2:
    case HU_COLUMN_EQUIVALENCE:
      return HU_METRIC_TOTAL_KG;
    case HU_COLUMN_COST:
      return HU_METRIC_COST;
    case HU_COLUMN_NAME:
    case HU_COLUMN_ACCELERATOR:
    case HU_N_COLUMNS:
    default:
      return HU_N_METRICS;
    }
}

/* The likely range @column shows, from the core row's ranges: none for
 * cost (a price has no range) and for columns without a metric. */
static const HuInterval *
column_interval (HuResult *self,
                 HuColumn  column)
{
  const HuUncertainty *uncertainty;

  if (column == HU_COLUMN_COST ||
      (column != HU_COLUMN_LIFECYCLE && column_metric (column) == HU_N_METRICS))
    return NULL;
  uncertainty = hu_result_get_uncertainty (self);
  if (uncertainty == NULL)
    return NULL;
  if (column == HU_COLUMN_LIFECYCLE)
    return hu_uncertainty_applies (uncertainty)
           ? hu_uncertainty_get_interval (uncertainty, "lifecycle_kg") : NULL;
  return hu_uncertainty_get_interval (uncertainty, hu_metric_to_string (column_metric (column)));
}

/* The catalog GPU @estimate ran on, when the catalog has it. */
static const HuGpu *
catalog_gpu (HuResult         *self,
             const HuEstimate *estimate)
{
  HuComparison *comparison = hu_result_get_comparison (self);
  HuProject *project = comparison != NULL ? hu_comparison_get_project (comparison) : NULL;
  HuCatalog *catalog = project != NULL ? hu_project_get_catalog (project) : NULL;

  return catalog != NULL && estimate->gpu != NULL ? hu_catalog_lookup_gpu (catalog, estimate->gpu)
                                                  : NULL;
}

static char *
format_device (HuResult  *self,
               gboolean   brief,
               char     **count)
{
  const HuEstimate *estimate = hu_result_get_estimate (self);

  if (count != NULL)
    *count = NULL;
  if (estimate != NULL)
    {
      const HuGpu *gpu = brief ? catalog_gpu (self, estimate) : NULL;
      char *shown = gpu != NULL ? hu_gpu_dup_brief_name (gpu)
                                : hu_gpu_name_for_display (estimate->gpu_name);

      if (count != NULL)
        *count = hu_format_number (estimate->count, 6);
      if (shown != NULL)
        return shown;
      /* Translators: accelerators of no catalog model, "Custom × 8" */
      return g_strdup (estimate->gpu != NULL ? estimate->gpu : C_("accelerator", "Custom"));
    }

  if (hu_result_get_run (self) != NULL)
    {
      char *text = hu_run_data_format_accelerators (hu_measured_run_get_data (hu_result_get_run (self)));

      return text != NULL ? text : g_strdup (_("Measured run"));
    }

  return g_strdup ("—");
}

/**
 * hu_result_format_device:
 * @count: (out) (optional): how many, for a scenario ("10,000"); %NULL
 *   for a run, whose text counts its devices itself
 *
 * The accelerators apart from their count, for a line that cuts the
 * device's name and must keep the count whole (the sidebar's "NVIDIA
 * Tesla V100 SX…0,000" read as no GPUs at all).
 *
 * Returns: (transfer full): the device, "Custom" without a catalog
 *   model, a run's devices, or "—"
 */
char *
hu_result_format_device (HuResult  *self,
                         char     **count)
{
  return format_device (self, FALSE, count);
}

/**
 * hu_result_format_device_brief:
 *
 * hu_result_format_device() with a catalog GPU named without its vendor
 * (hu_gpu_dup_brief_name()): "A100 SXM4 80GB" on a sidebar row, where
 * the whole name was cut in its middle to read as another GPU.
 *
 * Returns: (transfer full): the device
 */
char *
hu_result_format_device_brief (HuResult  *self,
                               char     **count)
{
  return format_device (self, TRUE, count);
}

static char *
format_accelerator (HuResult *self)
{
  g_autofree char *count = NULL;
  g_autofree char *device = hu_result_format_device (self, &count);

  if (count == NULL)
    return g_steal_pointer (&device);
  /* Translators: accelerator model times how many, "NVIDIA A100 × 8" */
  return g_strdup_printf (_("%s × %s"), device, count);
}

/* @value in @shared's unit and digits, or in its own when @shared would
 * hide it ("0.00 t" reads in kg). */
static char *
format_in_scale (const HuUnitScale *shared,
                 double             value,
                 HuUnitsFlags       flags)
{
  HuUnitScale scale;

  if (isnan (value))
    return g_strdup ("—");
  hu_unit_scale_resolve (shared, value, &scale);
  if (scale.kind != HU_UNIT_MASS_KG)
    return hu_unit_scale_format (&scale, value, flags);
  return hu_format_co2_in (&scale, value, flags);
}

/* The value in its column's shared unit, or NULL when the column has none. */
/* The project's currency, read when a figure is written: the comparison
 * estimates every scenario again when it changes, and each result then
 * writes its Cost with the new code at once. */
static const char *
result_currency (HuResult *self)
{
  return hu_project_get_currency (hu_comparison_get_project (self->comparison));
}

static char *
format_scaled (HuResult     *self,
               HuColumn      column,
               double        value,
               HuUnitsFlags  flags)
{
  HuUnitScale shared;

  if (column >= HU_N_COLUMNS || self->scales[column].divisor == 0)
    return NULL;
  shared = self->scales[column];
  shared.currency = result_currency (self);
  return format_in_scale (&shared, value, flags);
}

/* A card, or the sidebar's line, states one value, not a column: with
 * the significant digits of its kind for that value alone
 * (hu_unit_default_significant()) and their zeros, as the run page
 * writes its figures, so that every single value reads by one rule (issue
 * 10, item 13: the lifecycle card read "31.3 t" beside the CO₂eq card's
 * "31.22 t", taking the digits of a column that reaches 801.9 t; the
 * sidebar "3.1 g" beside the run page's "3.100 g"). It keeps the column's
 * unit when the value is at least one of it, so that it reads as the
 * table does, and takes its own below ("8.000 kg", not "0.008000 t").
 * A column without a shared unit gives the one fixed in Preferences, or
 * the value's own. FALSE for a column of neither energy nor mass without
 * a shared unit: its values are written alone anyway. */
static gboolean
card_scale (HuResult    *self,
            HuColumn     column,
            double       value,
            HuUnitScale *scale)
{
  const HuUnitScale *shared;
  gboolean energy = column == HU_COLUMN_ENERGY;

  if (column >= HU_N_COLUMNS || !isfinite (value))
    return FALSE;
  shared = &self->scales[column];
  if (shared->divisor == 0)
    {
      if (!energy && column != HU_COLUMN_CO2 && column != HU_COLUMN_LIFECYCLE)
        return FALSE;
      if (!chosen_scale (self, column, value, scale))
        hu_unit_scale_init (scale, energy ? HU_UNIT_ENERGY_KWH : HU_UNIT_MASS_KG, &value, 1,
                            NULL, 0);
    }
  else if (fabs (value) / shared->divisor < 1 ||
           !hu_unit_scale_init_fixed (scale, shared->kind, shared->symbol, &value, 1, 0))
    hu_unit_scale_init (scale, shared->kind, &value, 1, NULL, 0);
  scale->currency = result_currency (self);
  return TRUE;
}

/* @value as @column shows it: in the column's shared unit, else in the
 * unit of its kind (hours, money, the energy or mass unit chosen). */
static char *
format_column_value (HuResult     *self,
                     HuColumn      column,
                     double        value,
                     HuUnitsFlags  flags)
{
  char *scaled = format_scaled (self, column, value, flags);

  if (scaled != NULL)
    return scaled;
  switch (column)
    {
    case HU_COLUMN_GPU_HOURS:
      return hu_format_hours (value);
    case HU_COLUMN_WALL_HOURS:
      return hu_format_duration (value);
    case HU_COLUMN_COST:
      return format_money (value, result_currency (self));
    case HU_COLUMN_ENERGY:
    case HU_COLUMN_CO2:
    case HU_COLUMN_LIFECYCLE:
      return format_in_chosen_unit (self, column, value);
    case HU_COLUMN_NAME:
    case HU_COLUMN_ACCELERATOR:
    case HU_COLUMN_EQUIVALENCE:
    case HU_COLUMN_P_LOWER:
    case HU_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* "5.1–14.8 t CO₂eq": the unit once when both ends share it, as
 * hu_format_range_only() does for the core's formatters; NULL when the
 * interval is a single value. With @card, both ends in its unit and
 * digits, those of the value they surround. */
static char *
format_range (HuResult          *self,
              HuColumn           column,
              const HuInterval  *interval,
              const HuUnitScale *card)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  const char *low_unit, *high_unit;

  if (!(interval->p95 > interval->p05))
    return NULL;
  low = card != NULL ? format_in_scale (card, interval->p05, HU_UNITS_DEFAULT)
                     : format_column_value (self, column, interval->p05, HU_UNITS_DEFAULT);
  high = card != NULL ? format_in_scale (card, interval->p95, HU_UNITS_DEFAULT)
                      : format_column_value (self, column, interval->p95, HU_UNITS_DEFAULT);
  low_unit = strchr (low, ' ');
  high_unit = strchr (high, ' ');
  if (low_unit != NULL && high_unit != NULL && g_str_equal (low_unit, high_unit))
    low[low_unit - low] = '\0';
  return g_strdup_printf ("%s–%s", low, high);
}

/* "9.2 t CO₂eq (5.1–14.8 t CO₂eq)". */
static char *
format_with_interval (HuResult         *self,
                      HuColumn          column,
                      double            value,
                      const HuInterval *interval)
{
  g_autofree char *point = format_column_value (self, column, value, HU_UNITS_DEFAULT);
  g_autofree char *range = format_range (self, column, interval, NULL);

  if (range == NULL)
    return g_steal_pointer (&point);
  /* Translators: a value and its likely range, "9.2 t (5.1–14.8 t)" */
  return g_strdup_printf (_("%s (%s)"), point, range);
}

/* The value of a numeric column (not a name, accelerator, equivalence or
 * chance). A card asks for its likely range apart (@range non-NULL, set
 * when known): both are then written as card_scale() says; the table's
 * cell (@range NULL) holds the value and its range, in the column's
 * unit. */
static char *
format_quantity (HuResult  *self,
                 HuColumn   column,
                 char     **range)
{
  const HuInterval *interval;
  HuUnitScale card;
  gboolean for_card = range != NULL;
  gboolean is_card;
  double value;

  if (column == HU_COLUMN_LIFECYCLE)
    value = hu_result_get_lifecycle_kg (self);
  else
    value = hu_result_get_metric (self, column_metric (column));
  if (isnan (value))
    return g_strdup ("—");
  is_card = for_card && card_scale (self, column, value, &card);
  interval = column_interval (self, column);
  if (interval != NULL && for_card)
    *range = format_range (self, column, interval, is_card ? &card : NULL);
  else if (interval != NULL)
    return format_with_interval (self, column, value, interval);
  if (is_card)
    return format_in_scale (&card, value, HU_UNITS_DEFAULT);
  return format_column_value (self, column, value, HU_UNITS_DEFAULT);
}

/**
 * hu_result_format_column:
 *
 * Returns: (transfer full): the text of @column for people
 */
char *
hu_result_format_column (HuResult *self,
                         HuColumn  column)
{
  double value;

  g_return_val_if_fail (HU_IS_RESULT (self), NULL);

  if (column == HU_COLUMN_NAME)
    return g_strdup (hu_result_get_name (self));
  if (column == HU_COLUMN_ACCELERATOR)
    return format_accelerator (self);
  if (column == HU_COLUMN_P_LOWER)
    {
      value = hu_result_get_p_lower (self);
      return isnan (value) ? g_strdup ("—") : hu_format_percent (value);
    }

  if (column == HU_COLUMN_EQUIVALENCE)
    {
      g_autoptr(GPtrArray) equivalences = NULL;
      HuEquivalence *first;

      value = hu_result_get_metric (self, column_metric (column));
      if (isnan (value) || self->equivalence_set == NULL)
        return g_strdup ("—");
      equivalences = hu_equivalences_compute (self->equivalence_set, value);
      if (equivalences == NULL || equivalences->len == 0)
        return g_strdup ("—");
      first = g_ptr_array_index (equivalences, 0);
      return g_strdup (first->label);
    }

  return format_quantity (self, column, NULL);
}

/**
 * hu_result_format_quantity:
 * @column: a column of quantities: GPU-hours, wall-clock, energy, CO₂eq,
 *   lifecycle or cost
 * @range: (out) (transfer full) (optional) (nullable): the likely range
 *   alone, "2,576–4,130 thousand GPU-h", or %NULL when there is none
 *
 * The value of @column and its range apart, for a result card that
 * writes the value on one line and the range on its own, smaller one.
 * With @range, both are written as a card states a value: in the
 * column's unit with the value's own significant digits.
 *
 * Returns: (transfer full): the value, "3,542 thousand GPU-h", or "—"
 */
char *
hu_result_format_quantity (HuResult  *self,
                           HuColumn   column,
                           char     **range)
{
  g_autofree char *own_range = NULL;
  char *text;

  g_return_val_if_fail (HU_IS_RESULT (self), NULL);
  g_return_val_if_fail (column != HU_COLUMN_NAME && column != HU_COLUMN_ACCELERATOR &&
                        column != HU_COLUMN_P_LOWER && column != HU_COLUMN_EQUIVALENCE, NULL);

  text = format_quantity (self, column, &own_range);
  if (range != NULL)
    *range = g_steal_pointer (&own_range);
  return text;
}

/* The columns that compare with the baseline, and the value they compare:
 * a metric, or the lifecycle. */
static gboolean
column_has_delta (HuColumn column)
{
  return column == HU_COLUMN_LIFECYCLE ||
         (column_metric (column) != HU_N_METRICS && column != HU_COLUMN_EQUIVALENCE);
}

/* What a core row shows in @column: the baseline's values are read the
 * same way as the row's. */
static double
column_value (HuComparisonRow *row,
              HuColumn         column)
{
  const HuEstimate *estimate;

  if (column != HU_COLUMN_LIFECYCLE)
    return hu_comparison_row_get_metric (row, column_metric (column));
  estimate = hu_comparison_row_get_estimate (row);
  if (estimate == NULL || !hu_estimate_has_serving (estimate))
    return NAN;
  return estimate->lifecycle_kg;
}

/**
 * hu_result_get_change:
 *
 * The relative change of @column's metric against the baseline,
 * (value − base) ÷ base. Changes under 0.05 % are exactly 0, the
 * "same" of hu_result_format_delta().
 *
 * Returns: the change, NAN when there is none: no baseline, the baseline
 *   itself, an unknown value, a zero base or a column without a metric
 */
double
hu_result_get_change (HuResult *self,
                      HuColumn  column)
{
  HuComparisonRow *baseline;
  double value, base, change;

  g_return_val_if_fail (HU_IS_RESULT (self), NAN);

  baseline = hu_comparison_get_baseline (self->comparison);
  if (!column_has_delta (column) || baseline == NULL || baseline == self->row)
    return NAN;

  value = column_value (self->row, column);
  base = column_value (baseline, column);
  if (isnan (value) || isnan (base) || base == 0)
    return NAN;

  change = (value - base) / base;
  return fabs (change) < 0.0005 ? 0 : change;
}

/**
 * hu_result_format_delta:
 *
 * Returns: (transfer full) (nullable): "+12 %" against the baseline,
 *   "baseline" for the baseline itself, %NULL when there is nothing to say
 */
char *
hu_result_format_delta (HuResult *self,
                        HuColumn  column)
{
  double change;
  HuComparisonRow *baseline;

  g_return_val_if_fail (HU_IS_RESULT (self), NULL);

  baseline = hu_comparison_get_baseline (self->comparison);
  if (!column_has_delta (column) || baseline == NULL)
    return NULL;

  if (isnan (column_value (self->row, column)))
    return NULL;

  if (baseline == self->row)
    /* Translators: shown under the values of the row others compare against */
    return g_strdup (C_("comparison", "baseline"));

  change = hu_result_get_change (self, column);
  if (isnan (change))
    return NULL;
  /* The CLI's "vs first" column writes changes the same way. */
  return hu_format_change (change);
}

/**
 * hu_result_collect_column_values:
 * @values: (element-type double): where the values are appended
 *
 * Appends what @column shows of this row: its value and the ends of its
 * likely range, so the column's shared unit fits them all.
 */
void
hu_result_collect_column_values (HuResult *self,
                                 HuColumn  column,
                                 GArray   *values)
{
  const HuInterval *interval = NULL;
  double value;

  g_return_if_fail (HU_IS_RESULT (self));
  g_return_if_fail (column_has_delta (column));

  value = column_value (self->row, column);
  g_array_append_val (values, value);
  interval = column_interval (self, column);
  if (interval != NULL && interval->p95 > interval->p05)
    {
      g_array_append_val (values, interval->p05);
      g_array_append_val (values, interval->p95);
    }
}

static gboolean
scale_equal (const HuUnitScale *a,
             const HuUnitScale *b)
{
  return a->kind == b->kind && a->divisor == b->divisor && a->decimals == b->decimals &&
         a->significant == b->significant && g_strcmp0 (a->symbol, b->symbol) == 0;
}

/**
 * hu_result_set_column_scale:
 * @scale: (nullable): the column's shared unit, NULL for none
 *
 * Gives @column the unit and decimals every row of the table shows it in.
 * Does not tell anyone: see hu_result_refresh().
 *
 * Returns: whether the scale changed
 */
gboolean
hu_result_set_column_scale (HuResult          *self,
                            HuColumn           column,
                            const HuUnitScale *scale)
{
  HuUnitScale none = { 0 };

  g_return_val_if_fail (HU_IS_RESULT (self), FALSE);
  g_return_val_if_fail (column < HU_N_COLUMNS, FALSE);

  if (scale == NULL)
    scale = &none;
  if (scale_equal (&self->scales[column], scale))
    return FALSE;
  self->scales[column] = *scale;
  self->scales[column].currency = NULL;
  return TRUE;
}

/**
 * hu_result_get_column_scale:
 *
 * Returns: (nullable): the unit and decimals @column shows every row in,
 *   %NULL when it has none (a row outside the comparison: each value
 *   then picks its unit, or the one fixed in Preferences); its currency
 *   is not set
 */
const HuUnitScale *
hu_result_get_column_scale (HuResult *self,
                            HuColumn  column)
{
  g_return_val_if_fail (HU_IS_RESULT (self), NULL);
  g_return_val_if_fail (column < HU_N_COLUMNS, NULL);

  return self->scales[column].divisor != 0 ? &self->scales[column] : NULL;
}

/**
 * hu_result_format_co2_alone:
 *
 * The row's CO₂eq as a line of its own shows it (the sidebar): as a
 * result card states it (card_scale()), without the range.
 *
 * Returns: (transfer full): the text, "—" when the row has no CO₂eq
 */
char *
hu_result_format_co2_alone (HuResult *self)
{
  HuUnitScale card;
  double value;

  g_return_val_if_fail (HU_IS_RESULT (self), NULL);

  value = hu_result_get_metric (self, column_metric (HU_COLUMN_CO2));
  if (isnan (value))
    return g_strdup ("—");
  if (card_scale (self, HU_COLUMN_CO2, value, &card))
    return format_in_scale (&card, value, HU_UNITS_DEFAULT);
  return format_column_value (self, HU_COLUMN_CO2, value, HU_UNITS_DEFAULT);
}
