/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-comparison"

#include "config.h"

#include <math.h>

#include "hu-comparison-row-private.h"
#include "hu-uncertainty.h"

struct _HuComparisonRow
{
  GObject              parent_instance;

  HuComparisonRowKind  kind;
  HuScenario          *scenario;
  HuMeasuredRun       *run;
  HuCatalog           *catalog;
  char                *currency;   /* the project's, for the cost step */

  HuEstimate          *estimate;
  GError              *error;
  double               metrics[HU_N_METRICS];

  /* Where the comparison keeps the row: its index among the rows of its
   * kind, so that finding a row's position costs nothing. */
  guint                index;
  /* Changes each time the row is computed again, unique across rows: a
   * row that cached its intervals against a baseline can tell whether
   * the baseline it saw is still the same. */
  guint                stamp;

  /* The likely ranges, drawn when first asked and kept until the row's
   * inputs, the baseline (or the baseline's inputs) or the "typical
   * ranges of defaults" flag change. NULL with uncertainty_valid: none
   * applies. */
  HuUncertainty       *uncertainty;
  gboolean             uncertainty_valid;
  gpointer             uncertainty_baseline;   /* compared, never followed */
  guint                uncertainty_baseline_stamp;
  gboolean             uncertainty_default_ranges;
  guint                n_uncertainty_computes;
};

/* Hands out the stamps; atomic, because rows of different comparisons
 * (a report's, on another thread) may be computed at once. */
static gint stamps;

G_DEFINE_FINAL_TYPE (HuComparisonRow, hu_comparison_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_SCENARIO,
  PROP_RUN,
  PROP_NAME,
  PROP_FIRST_METRIC,
  N_PROPS = PROP_FIRST_METRIC + HU_N_METRICS
};

static GParamSpec *properties[N_PROPS];

static void
hu_comparison_row_dispose (GObject *object)
{
  HuComparisonRow *self = HU_COMPARISON_ROW (object);

  g_clear_object (&self->scenario);
  g_clear_object (&self->run);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (hu_comparison_row_parent_class)->dispose (object);
}

static void
hu_comparison_row_finalize (GObject *object)
{
  HuComparisonRow *self = HU_COMPARISON_ROW (object);

  g_free (self->currency);
  g_clear_pointer (&self->estimate, hu_estimate_unref);
  g_clear_error (&self->error);
  g_clear_pointer (&self->uncertainty, hu_uncertainty_unref);

  G_OBJECT_CLASS (hu_comparison_row_parent_class)->finalize (object);
}

static void
hu_comparison_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HuComparisonRow *self = HU_COMPARISON_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_RUN:
      g_value_set_object (value, self->run);
      break;
    case PROP_NAME:
      g_value_set_string (value, hu_comparison_row_get_name (self));
      break;
    default:
      if (prop_id >= PROP_FIRST_METRIC && prop_id < N_PROPS)
        g_value_set_double (value, self->metrics[prop_id - PROP_FIRST_METRIC]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_comparison_row_class_init (HuComparisonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hu_comparison_row_dispose;
  object_class->finalize = hu_comparison_row_finalize;
  object_class->get_property = hu_comparison_row_get_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, HU_COMPARISON_ROW_SCENARIO, HU_COMPARISON_ROW_RUN,
                      HU_COMPARISON_ROW_SCENARIO, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, HU_TYPE_SCENARIO,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUN] =
    g_param_spec_object ("run", NULL, NULL, HU_TYPE_MEASURED_RUN,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Plain numbers for GtkNumericSorter, NAN when unknown. Not
   * G_PARAM_STATIC_NAME: GLib turns the core's underscores into dashes. */
  for (guint i = 0; i < HU_N_METRICS; i++)
    properties[PROP_FIRST_METRIC + i] =
      g_param_spec_double (hu_metric_to_string (i), NULL, NULL,
                           -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                           | G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hu_comparison_row_init (HuComparisonRow *self)
{
  for (guint i = 0; i < HU_N_METRICS; i++)
    self->metrics[i] = NAN;
}

HuComparisonRow *
_hu_comparison_row_new_for_scenario (HuScenario *scenario,
                                     HuCatalog  *catalog,
                                     const char *currency)
{
  HuComparisonRow *self = g_object_new (HU_TYPE_COMPARISON_ROW, NULL);

  self->kind = HU_COMPARISON_ROW_SCENARIO;
  self->scenario = g_object_ref (scenario);
  self->catalog = g_object_ref (catalog);
  self->currency = g_strdup (currency);
  _hu_comparison_row_update (self);

  return self;
}

/* The scenario's estimate and metrics, with the derivation: the Explain
 * view and the report show it, and they read this estimate rather than
 * computing their own. */
static void
estimate_again (HuComparisonRow *self)
{
  g_clear_pointer (&self->estimate, hu_estimate_unref);
  g_clear_error (&self->error);
  self->estimate = hu_estimate_compute_full (hu_scenario_get_inputs (self->scenario),
                                             self->catalog, self->currency,
                                             HU_ESTIMATE_FLAGS_NONE, &self->error);
  for (guint i = 0; i < HU_N_METRICS; i++)
    self->metrics[i] = self->estimate != NULL ? hu_estimate_get_metric (self->estimate, i) : NAN;
}

/* The project's currency changed: a scenario's cost step is written in
 * it, so the row is estimated again. Returns whether it was. */
gboolean
_hu_comparison_row_set_currency (HuComparisonRow *self,
                                 const char      *currency)
{
  if (self->scenario == NULL || g_strcmp0 (self->currency, currency) == 0)
    return FALSE;
  g_free (self->currency);
  self->currency = g_strdup (currency);
  /* Only the words of the cost step change: the stamp and the likely
   * ranges (no currency in them) stay, where a full update would draw
   * every scenario's ranges again (2.8 s for 1,000 scenarios). */
  estimate_again (self);
  return TRUE;
}

HuComparisonRow *
_hu_comparison_row_new_for_run (HuMeasuredRun *run)
{
  HuComparisonRow *self = g_object_new (HU_TYPE_COMPARISON_ROW, NULL);

  self->kind = HU_COMPARISON_ROW_RUN;
  self->run = g_object_ref (run);
  _hu_comparison_row_update (self);

  return self;
}

void
_hu_comparison_row_update (HuComparisonRow *self)
{
  g_object_freeze_notify (G_OBJECT (self));

  self->stamp = (guint) g_atomic_int_add (&stamps, 1) + 1;
  self->uncertainty_valid = FALSE;
  g_clear_pointer (&self->uncertainty, hu_uncertainty_unref);

  if (self->scenario != NULL)
    estimate_again (self);
  else
    {
      const HuRunData *data = hu_measured_run_get_data (self->run);

      for (guint i = 0; i < HU_N_METRICS; i++)
        self->metrics[i] = hu_run_data_get_metric (data, i);
    }

  for (guint i = PROP_NAME; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_hu_comparison_row_notify_name (HuComparisonRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
_hu_comparison_row_set_index (HuComparisonRow *self,
                              guint            index)
{
  self->index = index;
}

guint
_hu_comparison_row_get_index (HuComparisonRow *self)
{
  return self->index;
}

HuComparisonRowKind
hu_comparison_row_get_kind (HuComparisonRow *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON_ROW (self), HU_COMPARISON_ROW_SCENARIO);
  return self->kind;
}

/**
 * hu_comparison_row_get_scenario:
 *
 * Returns: (transfer none) (nullable): the scenario, NULL for a run row
 */
HuScenario *
hu_comparison_row_get_scenario (HuComparisonRow *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON_ROW (self), NULL);
  return self->scenario;
}

/**
 * hu_comparison_row_get_run:
 *
 * Returns: (transfer none) (nullable): the run, NULL for a scenario row
 */
HuMeasuredRun *
hu_comparison_row_get_run (HuComparisonRow *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON_ROW (self), NULL);
  return self->run;
}

const char *
hu_comparison_row_get_id (HuComparisonRow *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON_ROW (self), NULL);

  return self->scenario != NULL ? hu_scenario_get_id (self->scenario)
                                : hu_measured_run_get_id (self->run);
}

const char *
hu_comparison_row_get_name (HuComparisonRow *self)
{
  const char *name;

  g_return_val_if_fail (HU_IS_COMPARISON_ROW (self), NULL);

  /* One rule for both: the name, else the id (hu_scenario_get_display_name()). */
  if (self->scenario != NULL)
    return hu_scenario_get_display_name (self->scenario);
  name = hu_measured_run_get_name (self->run);
  return name != NULL && name[0] != '\0' ? name : hu_comparison_row_get_id (self);
}

/**
 * hu_comparison_row_get_estimate:
 *
 * Returns: (transfer none) (nullable): the cached estimate; take a
 *   reference with hu_estimate_ref() to keep it past the next change
 */
const HuEstimate *
hu_comparison_row_get_estimate (HuComparisonRow *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON_ROW (self), NULL);
  return self->estimate;
}

/**
 * hu_comparison_row_get_error:
 *
 * Returns: (transfer none) (nullable): why the scenario has no estimate
 */
const GError *
hu_comparison_row_get_error (HuComparisonRow *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON_ROW (self), NULL);
  return self->error;
}

double
hu_comparison_row_get_metric (HuComparisonRow *self,
                              HuMetric         metric)
{
  g_return_val_if_fail (HU_IS_COMPARISON_ROW (self), NAN);
  g_return_val_if_fail (metric < HU_N_METRICS, NAN);

  return self->metrics[metric];
}

static double
baseline_value (HuComparisonRow *baseline,
                HuMetric         metric)
{
  return baseline != NULL ? baseline->metrics[metric] : NAN;
}

double
hu_comparison_row_get_difference (HuComparisonRow *self,
                                  HuComparisonRow *baseline,
                                  HuMetric         metric)
{
  double value, reference;

  g_return_val_if_fail (HU_IS_COMPARISON_ROW (self), NAN);
  g_return_val_if_fail (baseline == NULL || HU_IS_COMPARISON_ROW (baseline), NAN);
  g_return_val_if_fail (metric < HU_N_METRICS, NAN);

  value = self->metrics[metric];
  reference = baseline_value (baseline, metric);
  if (!isfinite (value) || !isfinite (reference))
    return NAN;
  return value - reference;
}

double
hu_comparison_row_get_change (HuComparisonRow *self,
                              HuComparisonRow *baseline,
                              HuMetric         metric)
{
  double value, reference;

  g_return_val_if_fail (HU_IS_COMPARISON_ROW (self), NAN);
  g_return_val_if_fail (baseline == NULL || HU_IS_COMPARISON_ROW (baseline), NAN);
  g_return_val_if_fail (metric < HU_N_METRICS, NAN);

  value = self->metrics[metric];
  reference = baseline_value (baseline, metric);
  if (!isfinite (value) || !isfinite (reference) || reference == 0)
    return NAN;
  return (value - reference) / reference * 100;
}

/* The baseline's inputs to draw the probability of emitting less
 * against: none for the baseline itself, a run or a failed estimate. */
static const HuInputs *
baseline_inputs (HuComparisonRow *self,
                 HuComparisonRow *baseline)
{
  if (baseline == NULL || baseline == self || baseline->scenario == NULL ||
      baseline->estimate == NULL)
    return NULL;
  return hu_scenario_get_inputs (baseline->scenario);
}

static gboolean
uncertainty_is_current (HuComparisonRow *self,
                        HuComparisonRow *baseline,
                        gboolean         default_ranges)
{
  return self->uncertainty_valid &&
         self->uncertainty_baseline == (gpointer) baseline &&
         self->uncertainty_baseline_stamp == (baseline != NULL ? baseline->stamp : 0) &&
         self->uncertainty_default_ranges == default_ranges;
}

/**
 * hu_comparison_row_get_uncertainty:
 * @baseline: (nullable): the comparison's baseline
 * @default_ranges: whether the typical ranges of defaults count
 *
 * The scenario's likely ranges: hu_uncertainty_compute() of its inputs
 * against @baseline's (10,000 samples, the default seed), drawn on the
 * first call and cached until the row's inputs, @baseline, the
 * baseline's inputs or @default_ranges change. About a millisecond
 * (bench/bench-uncertainty), so the rows nobody looks at cost nothing.
 *
 * Returns: (transfer none) (nullable): the intervals, sensitivity and
 *   probability against the baseline; %NULL for a run, a scenario that
 *   cannot be estimated, and when no range applies to it or to @baseline
 */
const HuUncertainty *
hu_comparison_row_get_uncertainty (HuComparisonRow *self,
                                   HuComparisonRow *baseline,
                                   gboolean         default_ranges)
{
  const HuInputs *inputs, *base;
  HuUncertaintyOptions options;

  g_return_val_if_fail (HU_IS_COMPARISON_ROW (self), NULL);
  g_return_val_if_fail (baseline == NULL || HU_IS_COMPARISON_ROW (baseline), NULL);

  default_ranges = !!default_ranges;
  if (uncertainty_is_current (self, baseline, default_ranges))
    return self->uncertainty;

  g_clear_pointer (&self->uncertainty, hu_uncertainty_unref);
  self->uncertainty_valid = TRUE;
  self->uncertainty_baseline = baseline;
  self->uncertainty_baseline_stamp = baseline != NULL ? baseline->stamp : 0;
  self->uncertainty_default_ranges = default_ranges;

  if (self->scenario == NULL || self->estimate == NULL)
    return NULL;
  inputs = hu_scenario_get_inputs (self->scenario);
  base = baseline_inputs (self, baseline);
  if (!default_ranges && !hu_inputs_has_ranges (inputs) &&
      (base == NULL || !hu_inputs_has_ranges (base)))
    return NULL;

  hu_uncertainty_options_init (&options);
  options.default_ranges = default_ranges;
  self->n_uncertainty_computes++;
  /* The estimate succeeded, so sampling its inputs cannot fail; if it
   * ever did, the row shows no range rather than a wrong one. */
  self->uncertainty = hu_uncertainty_compute (inputs, base, self->catalog, &options, NULL);
  return self->uncertainty;
}

/**
 * hu_comparison_row_has_uncertainty:
 *
 * Returns: whether the row holds its ranges against @baseline with
 *   @default_ranges already, so that reading them draws nothing
 */
gboolean
hu_comparison_row_has_uncertainty (HuComparisonRow *self,
                                   HuComparisonRow *baseline,
                                   gboolean         default_ranges)
{
  g_return_val_if_fail (HU_IS_COMPARISON_ROW (self), FALSE);
  return uncertainty_is_current (self, baseline, !!default_ranges);
}

/**
 * hu_comparison_row_get_p_lower:
 *
 * Returns: the probability (0–1) that the scenario emits less than
 *   @baseline, drawn with common random numbers; NAN without ranges,
 *   without a baseline and for the baseline itself
 */
double
hu_comparison_row_get_p_lower (HuComparisonRow *self,
                               HuComparisonRow *baseline,
                               gboolean         default_ranges)
{
  const HuUncertainty *uncertainty;

  g_return_val_if_fail (HU_IS_COMPARISON_ROW (self), NAN);

  if (baseline == NULL || baseline == self)
    return NAN;
  uncertainty = hu_comparison_row_get_uncertainty (self, baseline, default_ranges);
  return uncertainty != NULL ? uncertainty->p_lower_than_baseline : NAN;
}

/**
 * hu_comparison_row_get_n_uncertainty_computes:
 *
 * How many times the row drew its ranges, for tests: reading them again,
 * or editing another row, draws nothing.
 */
guint
hu_comparison_row_get_n_uncertainty_computes (HuComparisonRow *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON_ROW (self), 0);
  return self->n_uncertainty_computes;
}
