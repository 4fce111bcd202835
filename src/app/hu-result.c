/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuResult"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hu-result-private.h"

/* One row of the comparison as the app shows it: the presentation of a
 * core HuComparisonRow (issue 8). The row holds the estimate, made once
 * per edit by the core's HuComparison, the run's metrics and the likely
 * ranges; the comparison the baseline. A result never computes: it adds
 * what only the app shows, its units, currency and equivalence. */
/* The instance struct is in hu-result-private.h, shared with the cells
 * (hu-result-cells.c). */

G_DEFINE_FINAL_TYPE (HuResult, hu_result, G_TYPE_OBJECT)

/* The table sorts on the row's own properties ("row" then "gpu-hours" or
 * "name"); these are what the row alone cannot say: the name as the user
 * gave it (the baseline drop-down binds it), the lifecycle column's value
 * and the chance against the comparison's baseline. */
enum {
  PROP_0,
  PROP_ROW,
  PROP_NAME,
  PROP_LIFECYCLE_KG,
  PROP_P_LOWER,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
hu_result_dispose (GObject *object)
{
  HuResult *self = HU_RESULT (object);

  g_clear_object (&self->row);
  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (hu_result_parent_class)->dispose (object);
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
    case PROP_ROW:
      g_value_set_object (value, self->row);
      break;
    case PROP_NAME:
      g_value_set_string (value, hu_result_get_name (self));
      break;
    case PROP_LIFECYCLE_KG:
      g_value_set_double (value, hu_result_get_lifecycle_kg (self));
      break;
    case PROP_P_LOWER:
      g_value_set_double (value, hu_result_get_p_lower (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_result_class_init (HuResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hu_result_dispose;
  object_class->get_property = hu_result_get_property;

  properties[PROP_ROW] =
    g_param_spec_object ("row", NULL, NULL, HU_TYPE_COMPARISON_ROW,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Sort keys of the lifecycle and probability columns, NAN when none. */
  properties[PROP_LIFECYCLE_KG] =
    g_param_spec_double ("lifecycle-kg", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_P_LOWER] =
    g_param_spec_double ("p-lower", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

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
}

/**
 * hu_result_new_for_row:
 * @comparison: the project's core comparison
 * @row: one of its rows
 *
 * Returns: (transfer full): the row's presentation, silent until the
 *   first hu_result_refresh() (set its display first); then
 *   hu_result_refresh() whenever the row or the baseline changed
 */
HuResult *
hu_result_new_for_row (HuComparison    *comparison,
                       HuComparisonRow *row)
{
  HuResult *self;

  g_return_val_if_fail (HU_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (HU_IS_COMPARISON_ROW (row), NULL);

  self = g_object_new (HU_TYPE_RESULT, NULL);
  self->comparison = g_object_ref (comparison);
  self->row = g_object_ref (row);
  /* A thousand imported runs make a thousand results: each says nothing
   * until it is set up. */
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

  if (g_set_object (&self->row, row))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW]);
  hu_result_refresh (self);
}

HuComparisonRow *
hu_result_get_row (HuResult *self)
{
  g_return_val_if_fail (HU_IS_RESULT (self), NULL);
  return self->row;
}

/**
 * hu_result_get_comparison:
 *
 * Returns: (transfer none): the core comparison the row belongs to
 */
HuComparison *
hu_result_get_comparison (HuResult *self)
{
  g_return_val_if_fail (HU_IS_RESULT (self), NULL);
  return self->comparison;
}

HuScenario *
hu_result_get_scenario (HuResult *self)
{
  g_return_val_if_fail (HU_IS_RESULT (self), NULL);
  return hu_comparison_row_get_scenario (self->row);
}

HuMeasuredRun *
hu_result_get_run (HuResult *self)
{
  g_return_val_if_fail (HU_IS_RESULT (self), NULL);
  return hu_comparison_row_get_run (self->row);
}

/**
 * hu_result_get_name:
 *
 * Returns: the name people read, as the comparison gives it
 *   (hu_comparison_row_get_name()): the name, else the id of a scenario
 *   or run a file gave none
 */
const char *
hu_result_get_name (HuResult *self)
{
  g_return_val_if_fail (HU_IS_RESULT (self), NULL);

  return hu_comparison_row_get_name (self->row);
}

/**
 * hu_result_get_estimate:
 *
 * Returns: (nullable): the row's estimate, or %NULL for a run or when the
 *   scenario's inputs are incomplete (see hu_result_get_error())
 */
const HuEstimate *
hu_result_get_estimate (HuResult *self)
{
  g_return_val_if_fail (HU_IS_RESULT (self), NULL);
  return hu_comparison_row_get_estimate (self->row);
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
  estimate = hu_comparison_row_get_estimate (self->row);
  if (estimate == NULL || !hu_estimate_has_serving (estimate))
    return NAN;
  return estimate->lifecycle_kg;
}

const char *
hu_result_get_error (HuResult *self)
{
  const GError *error;

  g_return_val_if_fail (HU_IS_RESULT (self), NULL);

  error = hu_comparison_row_get_error (self->row);
  return error != NULL ? error->message : NULL;
}

/**
 * hu_result_get_metric:
 *
 * Returns: the row's value of @metric (the core's one rule for what a
 *   run's log does not say), NAN when unknown
 */
double
hu_result_get_metric (HuResult *self,
                      HuMetric  metric)
{
  g_return_val_if_fail (HU_IS_RESULT (self), NAN);
  return hu_comparison_row_get_metric (self->row, metric);
}

gboolean
hu_result_get_is_baseline (HuResult *self)
{
  g_return_val_if_fail (HU_IS_RESULT (self), FALSE);
  return hu_comparison_get_baseline (self->comparison) == self->row;
}

/**
 * hu_result_set_display:
 *
 * Sets how the result formats itself: the equivalence set of the table's
 * equivalence column and the energy/mass units. The currency is the
 * project's, read as the result formats: a new one needs no call here.
 */
void
hu_result_set_display (HuResult               *self,
                       const HuEquivalenceSet *set,
                       HuEnergyUnit            energy_unit,
                       HuMassUnit              mass_unit)
{
  g_return_if_fail (HU_IS_RESULT (self));

  self->equivalence_set = set;
  self->energy_unit = energy_unit;
  self->mass_unit = mass_unit;
  if (!self->quiet)
    hu_result_refresh (self);
}

/**
 * hu_result_get_uncertainty:
 *
 * Returns: (nullable): the row's intervals, sensitivity and probability
 *   against the baseline, cached by the core row; %NULL when no range
 *   applies
 */
const HuUncertainty *
hu_result_get_uncertainty (HuResult *self)
{
  g_return_val_if_fail (HU_IS_RESULT (self), NULL);
  return hu_comparison_get_uncertainty (self->comparison, self->row);
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
  return hu_comparison_get_p_lower (self->comparison, self->row);
}

/**
 * hu_result_refresh:
 *
 * Tells whoever shows the result that its text changed: the row was
 * computed again, the baseline or the display changed. Computes nothing:
 * whatever is shown is read from the core when drawn.
 */
void
hu_result_refresh (HuResult *self)
{
  g_return_if_fail (HU_IS_RESULT (self));

  self->quiet = FALSE;
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_NAME; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[CHANGED], 0);
}
