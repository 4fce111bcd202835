/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuResult"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hu-result-private.h"

/* One row of the comparison as the app shows it: the presentation of a
 * core HuComparisonRow (issue 8). The row holds the estimate, made once
 * per edit by the core's HuComparison, and the run's metrics; a result
 * never estimates. It adds what only the app shows: its units and
 * currency, the equivalence, and the likely ranges of the row's inputs. */
/* The instance struct is in hu-result-private.h, shared with the cells
 * (hu-result-cells.c). */

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
