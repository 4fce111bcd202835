/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-comparison"

#include "config.h"

#include <math.h>

#include "hu-comparison-row-private.h"

struct _HuComparisonRow
{
  GObject              parent_instance;

  HuComparisonRowKind  kind;
  HuScenario          *scenario;
  HuMeasuredRun       *run;
  HuCatalog           *catalog;

  HuEstimate          *estimate;
  GError              *error;
  double               metrics[HU_N_METRICS];
};

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

  g_clear_pointer (&self->estimate, hu_estimate_unref);
  g_clear_error (&self->error);

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
                                     HuCatalog  *catalog)
{
  HuComparisonRow *self = g_object_new (HU_TYPE_COMPARISON_ROW, NULL);

  self->kind = HU_COMPARISON_ROW_SCENARIO;
  self->scenario = g_object_ref (scenario);
  self->catalog = g_object_ref (catalog);
  _hu_comparison_row_update (self);

  return self;
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

  if (self->scenario != NULL)
    {
      g_clear_pointer (&self->estimate, hu_estimate_unref);
      g_clear_error (&self->error);
      /* With the derivation: the Explain view and the report show it,
       * and they read this estimate rather than computing their own. */
      self->estimate = hu_estimate_compute (hu_scenario_get_inputs (self->scenario),
                                            self->catalog, HU_ESTIMATE_FLAGS_NONE,
                                            &self->error);
      for (guint i = 0; i < HU_N_METRICS; i++)
        self->metrics[i] = self->estimate != NULL ? hu_estimate_get_metric (self->estimate, i)
                                                  : NAN;
    }
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

  name = self->scenario != NULL ? hu_scenario_get_name (self->scenario)
                                : hu_measured_run_get_name (self->run);
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
