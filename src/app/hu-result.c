/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuResult"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hu-result.h"

/* One row of the comparison as the app shows it: the presentation of a
 * core HuComparisonRow (issue 8). The row holds the estimate, made once
 * per edit by the core's HuComparison, and the run's metrics; a result
 * never estimates. It adds what only the app shows: its units and
 * currency, the equivalence, and the likely ranges of the row's inputs. */
struct _HuResult
{
  GObject                 parent_instance;

  HuComparisonRow        *row;
  HuScenario             *scenario;
  HuMeasuredRun          *run;
  HuCatalog              *catalog;
  /* Intervals of the scenario's ranges (issue 12), NULL when none apply;
   * with the probability of emitting less than the baseline. */
  HuUncertainty          *uncertainty;
  gboolean                default_ranges;
  /* Being set up: no ranges drawn, no signal, until hu_result_update(). */
  gboolean                quiet;

  /* Weak: the model keeps every result alive and clears this first. */
  HuResult               *baseline;

  const HuEquivalenceSet *equivalence_set;
  char                   *currency;
  HuEnergyUnit            energy_unit;
  HuMassUnit              mass_unit;
  /* One unit and one number of decimals per column, computed by the
   * model over every row (issue 10 item 13): a divisor of 0 means the
   * column has none and the value picks its own. */
  HuUnitScale             scales[HU_N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (HuResult, hu_result, G_TYPE_OBJECT)

static void update_uncertainty (HuResult *self);

/* The metrics the table sorts on, each a plain double property named as
 * the core names the metric ("gpu_hours" becomes "gpu-hours"). */
static const HuMetric metric_properties[] = {
  HU_METRIC_GPU_HOURS,
  HU_METRIC_WALL_HOURS,
  HU_METRIC_ENERGY_KWH,
  HU_METRIC_TOTAL_KG,
  HU_METRIC_COST,
};

enum {
  PROP_0,
  PROP_SCENARIO,
  PROP_RUN,
  PROP_NAME,
  PROP_ERROR,
  PROP_IS_BASELINE,
  PROP_LIFECYCLE_KG,
  PROP_P_LOWER,
  PROP_FIRST_METRIC,
  N_PROPS = PROP_FIRST_METRIC + G_N_ELEMENTS (metric_properties)
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
hu_result_notify_all (HuResult *self)
{
  if (self->quiet)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_NAME; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
hu_result_dispose (GObject *object)
{
  HuResult *self = HU_RESULT (object);

  g_clear_object (&self->row);
  g_clear_object (&self->scenario);
  g_clear_object (&self->run);
  g_clear_object (&self->catalog);
  self->baseline = NULL;

  G_OBJECT_CLASS (hu_result_parent_class)->dispose (object);
}

static void
hu_result_finalize (GObject *object)
{
  HuResult *self = HU_RESULT (object);

  g_clear_pointer (&self->uncertainty, hu_uncertainty_unref);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (hu_result_parent_class)->finalize (object);
}

static void
hu_result_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HuResult *self = HU_RESULT (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_RUN:
      g_value_set_object (value, self->run);
      break;
    case PROP_NAME:
      g_value_set_string (value, hu_result_get_name (self));
      break;
    case PROP_ERROR:
      g_value_set_string (value, hu_result_get_error (self));
      break;
    case PROP_IS_BASELINE:
      g_value_set_boolean (value, hu_result_get_is_baseline (self));
      break;
    case PROP_LIFECYCLE_KG:
      g_value_set_double (value, hu_result_get_lifecycle_kg (self));
      break;
    case PROP_P_LOWER:
      g_value_set_double (value, hu_result_get_p_lower (self));
      break;
    default:
      if (prop_id >= PROP_FIRST_METRIC && prop_id < N_PROPS)
        g_value_set_double (value,
                            hu_result_get_metric (self,
                                                  metric_properties[prop_id - PROP_FIRST_METRIC]));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_result_class_init (HuResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hu_result_dispose;
  object_class->finalize = hu_result_finalize;
  object_class->get_property = hu_result_get_property;

  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, HU_TYPE_SCENARIO,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUN] =
    g_param_spec_object ("run", NULL, NULL, HU_TYPE_MEASURED_RUN,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_BASELINE] =
    g_param_spec_boolean ("is-baseline", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Sort keys of the lifecycle and probability columns, NAN when none. */
  properties[PROP_LIFECYCLE_KG] =
    g_param_spec_double ("lifecycle-kg", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_P_LOWER] =
    g_param_spec_double ("p-lower", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* Plain numbers for GtkNumericSorter; NAN when unknown. Not
   * G_PARAM_STATIC_NAME: GLib turns the core's underscores into dashes. */
  for (guint i = 0; i < G_N_ELEMENTS (metric_properties); i++)
    properties[PROP_FIRST_METRIC + i] =
      g_param_spec_double (hu_metric_to_string (metric_properties[i]), NULL, NULL,
                           -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                           G_PARAM_READABLE | G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after every recomputation and display change, so a table cell
   * needs one handler whatever it shows. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hu_result_init (HuResult *self)
{
  self->currency = g_strdup ("USD");
}

/**
 * hu_result_new_for_row:
 * @row: a row of the project's core comparison
 * @catalog: the catalog its ids refer to (for the likely ranges)
 *
 * Returns: (transfer full): the row's presentation, silent until the
 *   first hu_result_update() (set its display and baseline first); then
 *   hu_result_update() whenever the row was computed again
 */
HuResult *
hu_result_new_for_row (HuComparisonRow *row,
                       HuCatalog       *catalog)
{
  HuResult *self;

  g_return_val_if_fail (HU_IS_COMPARISON_ROW (row), NULL);
  g_return_val_if_fail (HU_IS_CATALOG (catalog), NULL);

  self = g_object_new (HU_TYPE_RESULT, NULL);
  self->catalog = g_object_ref (catalog);
  self->row = g_object_ref (row);
  g_set_object (&self->scenario, hu_comparison_row_get_scenario (row));
  g_set_object (&self->run, hu_comparison_row_get_run (row));
  /* A thousand imported runs make a thousand results: each says nothing
   * and draws its ranges once, when it is set up. */
  self->quiet = TRUE;

  return self;
}

/**
 * hu_result_set_row:
 *
 * Shows @row, the new row of the same scenario or run (a scenario moved
 * up or down gets a new row, and keeps its result).
 */
void
hu_result_set_row (HuResult        *self,
                   HuComparisonRow *row)
{
  g_return_if_fail (HU_IS_RESULT (self));
  g_return_if_fail (HU_IS_COMPARISON_ROW (row));

  g_set_object (&self->row, row);
  g_set_object (&self->scenario, hu_comparison_row_get_scenario (row));
  g_set_object (&self->run, hu_comparison_row_get_run (row));
  hu_result_update (self);
}

HuComparisonRow *
hu_result_get_row (HuResult *self)
{
  g_return_val_if_fail (HU_IS_RESULT (self), NULL);
  return self->row;
}

HuScenario *
hu_result_get_scenario (HuResult *self)
{
  g_return_val_if_fail (HU_IS_RESULT (self), NULL);
  return self->scenario;
}

HuMeasuredRun *
hu_result_get_run (HuResult *self)
{
  g_return_val_if_fail (HU_IS_RESULT (self), NULL);
  return self->run;
}

const char *
hu_result_get_name (HuResult *self)
{
  g_return_val_if_fail (HU_IS_RESULT (self), NULL);

  if (self->scenario != NULL)
    return hu_scenario_get_name (self->scenario);
  if (self->run != NULL)
    return hu_measured_run_get_name (self->run);
  return NULL;
}

/**
 * hu_result_get_estimate:
 *
 * Returns: (nullable): the estimate, or %NULL for a run or when the
 *   scenario's inputs are incomplete (see hu_result_get_error())
 */
const HuEstimate *
hu_result_get_estimate (HuResult *self)
{
  g_return_val_if_fail (HU_IS_RESULT (self), NULL);
  return self->row != NULL ? hu_comparison_row_get_estimate (self->row) : NULL;
}

const char *
hu_result_get_error (HuResult *self)
{
  const GError *error;

  g_return_val_if_fail (HU_IS_RESULT (self), NULL);

  error = self->row != NULL ? hu_comparison_row_get_error (self->row) : NULL;
  return error != NULL ? error->message : NULL;
}

/**
 * hu_result_get_metric:
 *
 * Returns: the value of @metric, NAN when unknown
 */
double
hu_result_get_metric (HuResult *self,
                      HuMetric  metric)
{
  g_return_val_if_fail (HU_IS_RESULT (self), NAN);

  /* The core's numbers, with its one rule for what a run's log does not
   * say (hu_run_data_get_metric()): the table, the charts and the report
   * agree. */
  return self->row != NULL ? hu_comparison_row_get_metric (self->row, metric) : NAN;
}

void
hu_result_set_baseline (HuResult *self,
                        HuResult *baseline)
{
  g_return_if_fail (HU_IS_RESULT (self));

  if (self->baseline == baseline)
    return;

  self->baseline = baseline;
  update_uncertainty (self);
  hu_result_notify_all (self);
}

/**
 * hu_result_get_baseline:
 *
 * Returns: (transfer none) (nullable): the row this one is compared with
 */
HuResult *
hu_result_get_baseline (HuResult *self)
{
  g_return_val_if_fail (HU_IS_RESULT (self), NULL);
  return self->baseline;
}

gboolean
hu_result_get_is_baseline (HuResult *self)
{
  g_return_val_if_fail (HU_IS_RESULT (self), FALSE);
  return self->baseline == self;
}

/**
 * hu_result_set_display:
 *
 * Sets how the result formats itself: the equivalence set of the table's
 * equivalence column, the currency and the energy/mass units.
 */
void
hu_result_set_display (HuResult               *self,
                       const HuEquivalenceSet *set,
                       const char             *currency,
                       HuEnergyUnit            energy_unit,
                       HuMassUnit              mass_unit)
{
  g_return_if_fail (HU_IS_RESULT (self));

  self->equivalence_set = set;
  g_free (self->currency);
  self->currency = g_strdup (currency != NULL ? currency : "USD");
  self->energy_unit = energy_unit;
  self->mass_unit = mass_unit;
  hu_result_notify_all (self);
}

/* 10,000 samples of one scenario, and of the baseline for the probability
 * of emitting less, take about a millisecond (bench/bench-uncertainty):
 * cheap enough to redo on every edit, on the main thread. */
static void
update_uncertainty (HuResult *self)
{
  const HuInputs *inputs, *baseline = NULL;
  HuUncertaintyOptions options;

  g_clear_pointer (&self->uncertainty, hu_uncertainty_unref);
  if (self->quiet || self->scenario == NULL || hu_result_get_estimate (self) == NULL)
    return;
  inputs = hu_scenario_get_inputs (self->scenario);
  if (self->baseline != NULL && self->baseline != self && self->baseline->scenario != NULL &&
      hu_result_get_estimate (self->baseline) != NULL)
    baseline = hu_scenario_get_inputs (self->baseline->scenario);
  if (!self->default_ranges && !hu_inputs_has_ranges (inputs) &&
      (baseline == NULL || !hu_inputs_has_ranges (baseline)))
    return;

  hu_uncertainty_options_init (&options);
  options.default_ranges = self->default_ranges;
  self->uncertainty = hu_uncertainty_compute (inputs, baseline, self->catalog, &options, NULL);
}

/**
 * hu_result_get_uncertainty:
 *
 * Returns: (nullable): the scenario's intervals, sensitivity and
 *   probability against the baseline; %NULL when no range applies
 */
const HuUncertainty *
hu_result_get_uncertainty (HuResult *self)
{
  g_return_val_if_fail (HU_IS_RESULT (self), NULL);
  return self->uncertainty;
}

gboolean
hu_result_get_default_ranges (HuResult *self)
{
  g_return_val_if_fail (HU_IS_RESULT (self), FALSE);
  return self->default_ranges;
}

/**
 * hu_result_get_lifecycle_kg:
 *
 * Returns: training, serving and embodied CO₂eq of a scenario with a
 *   deployment phase; NAN for any other row
 */
double
hu_result_get_lifecycle_kg (HuResult *self)
{
  const HuEstimate *estimate;

  g_return_val_if_fail (HU_IS_RESULT (self), NAN);

  estimate = hu_result_get_estimate (self);
  if (estimate == NULL || !hu_estimate_has_serving (estimate))
    return NAN;
  return estimate->lifecycle_kg;
}

/**
 * hu_result_get_p_lower:
 *
 * Returns: the probability (0–1) that the scenario emits less than the
 *   baseline, drawn with common random numbers; NAN without ranges,
 *   without a baseline and for the baseline itself
 */
double
hu_result_get_p_lower (HuResult *self)
{
  g_return_val_if_fail (HU_IS_RESULT (self), NAN);

  if (self->uncertainty == NULL || self->baseline == NULL || self->baseline == self)
    return NAN;
  return self->uncertainty->p_lower_than_baseline;
}

/**
 * hu_result_baseline_changed:
 *
 * The baseline's inputs changed: the probability of emitting less than
 * it must be drawn again.
 */
void
hu_result_baseline_changed (HuResult *self)
{
  g_return_if_fail (HU_IS_RESULT (self));

  update_uncertainty (self);
  hu_result_notify_all (self);
}

/**
 * hu_result_set_default_ranges:
 *
 * Whether the typical ranges of defaults count ("Include the typical
 * uncertainty of defaults").
 */
void
hu_result_set_default_ranges (HuResult *self,
                              gboolean  default_ranges)
{
  g_return_if_fail (HU_IS_RESULT (self));

  if (self->default_ranges == !!default_ranges)
    return;
  self->default_ranges = !!default_ranges;
  update_uncertainty (self);
  hu_result_notify_all (self);
}

/**
 * hu_result_update:
 *
 * The row was computed again (or the result shows a new row): draw the
 * likely ranges again and tell whoever shows the result. An invalid
 * scenario has no estimate but its error, so the table shows the problem
 * rather than stale numbers.
 */
void
hu_result_update (HuResult *self)
{
  g_return_if_fail (HU_IS_RESULT (self));

  self->quiet = FALSE;
  update_uncertainty (self);
  hu_result_notify_all (self);
}

static char *
format_energy_in (double       kwh,
                  HuEnergyUnit unit)
{
  g_autofree char *number = NULL;

  if (isnan (kwh))
    return g_strdup ("—");

  switch (unit)
    {
    case HU_ENERGY_UNIT_KWH:
      number = hu_format_number (kwh, 4);
      /* Translators: an amount of energy, e.g. "1,234 kWh" */
      return g_strdup_printf (_("%s kWh"), number);
    case HU_ENERGY_UNIT_MWH:
      number = hu_format_number (kwh / 1e3, 4);
      return g_strdup_printf (_("%s MWh"), number);
    case HU_ENERGY_UNIT_GWH:
      number = hu_format_number (kwh / 1e6, 4);
      return g_strdup_printf (_("%s GWh"), number);
    case HU_ENERGY_UNIT_AUTO:
    default:
      return hu_format_energy_kwh (kwh);
    }
}

static char *
format_mass_in (double     kg,
                HuMassUnit unit)
{
  g_autofree char *number = NULL;

  if (isnan (kg))
    return g_strdup ("—");

  switch (unit)
    {
    case HU_MASS_UNIT_KG:
      number = hu_format_number (kg, 4);
      /* Translators: a mass of CO₂-equivalent, e.g. "1,234 kg CO₂eq" */
      return g_strdup_printf (_("%s kg CO₂eq"), number);
    case HU_MASS_UNIT_TONNES:
      number = hu_format_number (kg / 1e3, 4);
      /* Translators: metric tonnes, e.g. "72.6 t CO₂eq" */
      return g_strdup_printf (_("%s t CO₂eq"), number);
    case HU_MASS_UNIT_AUTO:
    default:
      return hu_format_mass_kg (kg);
    }
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

static char *
format_accelerator (HuResult *self)
{
  const HuEstimate *estimate = hu_result_get_estimate (self);

  if (estimate != NULL)
    {
      g_autofree char *count = hu_format_number (estimate->count, 6);
      const char *name = estimate->gpu_name != NULL ? estimate->gpu_name : estimate->gpu;

      if (name == NULL)
        /* Translators: accelerators of no catalog model, e.g. "× 8" */
        return g_strdup_printf (_("Custom × %s"), count);
      /* Translators: accelerator model times how many, "NVIDIA A100 × 8" */
      return g_strdup_printf (_("%s × %s"), name, count);
    }

  if (self->run != NULL)
    {
      HuRunData *data = hu_measured_run_get_data (self->run);
      g_autofree char *count = NULL;

      if (data->gpu_model == NULL)
        return g_strdup (_("Measured run"));
      /* How many the log does not say: not guessed (see
       * hu_run_data_get_metric()). */
      if (isnan (data->gpu_count))
        return g_strdup (data->gpu_model);
      count = hu_format_number (data->gpu_count, 6);
      return g_strdup_printf (_("%s × %s"), data->gpu_model, count);
    }

  return g_strdup ("—");
}

/* The value in its column's shared unit, or NULL when the column has none. */
static char *
format_scaled (HuResult *self,
               HuColumn  column,
               double    value)
{
  HuUnitScale scale;
  g_autofree char *number = NULL;
  g_autofree char *unit = NULL;

  if (column >= HU_N_COLUMNS || self->scales[column].divisor == 0)
    return NULL;
  if (isnan (value))
    return g_strdup ("—");
  scale = self->scales[column];
  scale.currency = self->currency;
  if (scale.kind != HU_UNIT_MASS_KG)
    return hu_unit_scale_format (&scale, value, HU_UNITS_DEFAULT);
  number = hu_unit_scale_format_number (&scale, value, HU_UNITS_DEFAULT);
  unit = hu_unit_scale_symbol (&scale, HU_UNITS_DEFAULT);
  /* TRANSLATORS: a mass with its unit and the gas, e.g. "72.5 t CO₂eq" */
  return g_strdup_printf (_("%s %s CO₂eq"), number, unit);
}

static char *
format_column_value (HuResult *self,
                     HuColumn  column,
                     double    value)
{
  char *scaled = format_scaled (self, column, value);

  if (scaled != NULL)
    return scaled;
  switch (column)
    {
    case HU_COLUMN_GPU_HOURS:
      return hu_format_hours (value);
    case HU_COLUMN_WALL_HOURS:
      return hu_format_duration (value);
    case HU_COLUMN_ENERGY:
      return format_energy_in (value, self->energy_unit);
    case HU_COLUMN_CO2:
    case HU_COLUMN_NAME:
    case HU_COLUMN_ACCELERATOR:
    case HU_COLUMN_COST:
    case HU_COLUMN_EQUIVALENCE:
    case HU_N_COLUMNS:
    default:
      return format_mass_in (value, self->mass_unit);
    }
}

/* "9.2 t CO₂eq (5.1–14.8 t CO₂eq)": the unit once when both ends share
 * it, as hu_format_interval() does for the core's formatters. */
static char *
format_with_interval (HuResult         *self,
                      HuColumn          column,
                      double            value,
                      const HuInterval *interval)
{
  g_autofree char *point = format_column_value (self, column, value);
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  const char *low_unit, *high_unit;

  if (!(interval->p95 > interval->p05))
    return g_steal_pointer (&point);
  low = format_column_value (self, column, interval->p05);
  high = format_column_value (self, column, interval->p95);
  low_unit = strchr (low, ' ');
  high_unit = strchr (high, ' ');
  if (low_unit != NULL && high_unit != NULL && g_str_equal (low_unit, high_unit))
    low[low_unit - low] = '\0';
  /* Translators: a value and its likely range, "9.2 t (5.1–14.8 t)" */
  return g_strdup_printf (_("%s (%s–%s)"), point, low, high);
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
  const HuInterval *interval;
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
  if (column == HU_COLUMN_LIFECYCLE)
    {
      value = hu_result_get_lifecycle_kg (self);
      if (isnan (value))
        return g_strdup ("—");
      interval = hu_uncertainty_applies (self->uncertainty)
                 ? hu_uncertainty_get_interval (self->uncertainty, "lifecycle_kg") : NULL;
      if (interval != NULL)
        return format_with_interval (self, HU_COLUMN_LIFECYCLE, value, interval);
      return format_column_value (self, HU_COLUMN_LIFECYCLE, value);
    }

  value = hu_result_get_metric (self, column_metric (column));
  if (isnan (value))
    return g_strdup ("—");

  interval = self->uncertainty != NULL && column_metric (column) < HU_N_METRICS
             ? hu_uncertainty_get_interval (self->uncertainty,
                                            hu_metric_to_string (column_metric (column)))
             : NULL;
  if (interval != NULL && column != HU_COLUMN_EQUIVALENCE && column != HU_COLUMN_COST)
    return format_with_interval (self, column, value, interval);

  if (column != HU_COLUMN_EQUIVALENCE && self->scales[column].divisor != 0)
    return format_scaled (self, column, value);

  switch (column)
    {
    case HU_COLUMN_GPU_HOURS:
      return hu_format_hours (value);
    case HU_COLUMN_WALL_HOURS:
      return hu_format_duration (value);
    case HU_COLUMN_ENERGY:
      return format_energy_in (value, self->energy_unit);
    case HU_COLUMN_CO2:
      return format_mass_in (value, self->mass_unit);
    case HU_COLUMN_COST:
      return format_money (value, self->currency);
    case HU_COLUMN_EQUIVALENCE:
      {
        g_autoptr(GPtrArray) equivalences = NULL;
        HuEquivalence *first;

        if (self->equivalence_set == NULL)
          return g_strdup ("—");
        equivalences = hu_equivalences_compute (self->equivalence_set, value);
        if (equivalences == NULL || equivalences->len == 0)
          return g_strdup ("—");
        first = g_ptr_array_index (equivalences, 0);
        return g_strdup (first->label);
      }
    case HU_COLUMN_NAME:
    case HU_COLUMN_ACCELERATOR:
    case HU_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* The columns that compare with the baseline, and the value they compare:
 * a metric, or the lifecycle. */
static gboolean
column_has_delta (HuColumn column)
{
  return column == HU_COLUMN_LIFECYCLE ||
         (column_metric (column) != HU_N_METRICS && column != HU_COLUMN_EQUIVALENCE);
}

static double
column_value (HuResult *self,
              HuColumn  column)
{
  if (column == HU_COLUMN_LIFECYCLE)
    return hu_result_get_lifecycle_kg (self);
  return hu_result_get_metric (self, column_metric (column));
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
  double value, base, change;

  g_return_val_if_fail (HU_IS_RESULT (self), NAN);

  if (!column_has_delta (column) || self->baseline == NULL || self->baseline == self)
    return NAN;

  value = column_value (self, column);
  base = column_value (self->baseline, column);
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
  g_autofree char *number = NULL;
  g_autofree char *percent = NULL;

  g_return_val_if_fail (HU_IS_RESULT (self), NULL);

  if (!column_has_delta (column) || self->baseline == NULL)
    return NULL;

  if (isnan (column_value (self, column)))
    return NULL;

  if (self->baseline == self)
    /* Translators: shown under the values of the row others compare against */
    return g_strdup (C_("comparison", "baseline"));

  change = hu_result_get_change (self, column);
  if (isnan (change))
    return NULL;
  if (change == 0)
    /* Translators: no difference against the baseline */
    return g_strdup (C_("comparison", "same"));

  /* One decimal throughout, so a column of changes lines up ("−58.0 %"
   * above "−58.3 %"); huge changes keep three significant digits. */
  number = fabs (change) < 10 ? hu_format_fixed (fabs (change) * 100, 1)
                              : hu_format_number (fabs (change) * 100, 3);
  percent = g_strdup_printf ("%s %%", number);
  /* Translators: the sign and the percentage, e.g. "+12 %" or "−30 %" */
  return g_strdup_printf (change > 0 ? C_("comparison", "+%s") : C_("comparison", "−%s"),
                          percent);
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

  value = column_value (self, column);
  g_array_append_val (values, value);
  if (self->uncertainty == NULL)
    return;
  if (column == HU_COLUMN_LIFECYCLE)
    interval = hu_uncertainty_applies (self->uncertainty)
               ? hu_uncertainty_get_interval (self->uncertainty, "lifecycle_kg") : NULL;
  else if (column != HU_COLUMN_COST)
    interval = hu_uncertainty_get_interval (self->uncertainty,
                                            hu_metric_to_string (column_metric (column)));
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
 * hu_result_refresh:
 *
 * Tells whoever shows the result that its text changed (a new column
 * scale), without computing anything again.
 */
void
hu_result_refresh (HuResult *self)
{
  g_return_if_fail (HU_IS_RESULT (self));

  hu_result_notify_all (self);
}
