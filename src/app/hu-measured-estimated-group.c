/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuMeasuredEstimatedGroup"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hu-measured-estimated-group.h"

/* What a linked scenario predicted against what its run measured. Shown
 * both in the scenario editor and in the run view, so the user sees how
 * good the plan was from either side; it follows both objects' changes. */
struct _HuMeasuredEstimatedGroup
{
  AdwPreferencesGroup  parent_instance;

  HuMeasuredRun       *run;
  HuResult            *scenario;
  HuRunComparison      comparison;

  AdwActionRow        *energy_row;
  AdwActionRow        *co2_row;
  AdwActionRow        *time_row;
  AdwActionRow        *power_row;
  AdwActionRow        *utilization_row;
  GtkLabel            *energy_difference;
  GtkLabel            *co2_difference;
  GtkLabel            *time_difference;
};

G_DEFINE_FINAL_TYPE (HuMeasuredEstimatedGroup, hu_measured_estimated_group,
                     ADW_TYPE_PREFERENCES_GROUP)

/* Measured and estimated side by side in one unit (hu-units): never
 * "0 kWh" beside "0.57 Wh". */
static void
set_pair (AdwActionRow *row,
          GtkLabel     *difference,
          HuUnitKind    kind,
          double        measured_value,
          double        estimated_value)
{
  double both[] = { measured_value, estimated_value };
  HuUnitScale scale;
  g_autofree char *m = NULL;
  g_autofree char *e = NULL;
  g_autofree char *diff = hu_run_plan_format_difference (measured_value, estimated_value);
  g_autofree char *subtitle = NULL;

  hu_unit_scale_init (&scale, kind, both, G_N_ELEMENTS (both), NULL, 0);
  m = hu_unit_scale_format (&scale, measured_value, HU_UNITS_DEFAULT);
  e = hu_unit_scale_format (&scale, estimated_value, HU_UNITS_DEFAULT);
  /* Translators: "measured 1.2 kWh · estimated 1.3 kWh" */
  subtitle = g_strdup_printf (_("measured %s · estimated %s"), m, e);

  adw_action_row_set_subtitle (row, subtitle);
  gtk_label_set_label (difference, diff);
  gtk_widget_set_tooltip_text (GTK_WIDGET (difference),
                               _("Difference of the estimate from the measurement"));
}

static void
update (HuMeasuredEstimatedGroup *self)
{
  const HuEstimate *estimate;
  HuRunComparison *c = &self->comparison;
  gboolean shown = self->run != NULL && self->scenario != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), shown);
  if (!shown)
    return;

  estimate = hu_result_get_estimate (self->scenario);
  hu_run_plan_compare (self->run, estimate, c);

  {
    /* Translators: description of the measured-vs-estimated group, %s and %s
     * are a scenario's and a measured run's names */
    g_autofree char *description = g_strdup_printf (_("“%s” against the measured run “%s”"),
                                                    hu_result_get_name (self->scenario),
                                                    hu_measured_run_get_name (self->run));

    if (estimate == NULL && hu_result_get_error (self->scenario) != NULL)
      {
        g_free (description);
        /* Translators: %s says what is wrong with the scenario */
        description = g_strdup_printf (_("The scenario cannot be estimated: %s"),
                                       hu_result_get_error (self->scenario));
      }
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
  }

  set_pair (self->energy_row, self->energy_difference,
            HU_UNIT_ENERGY_KWH, c->measured_kwh, c->estimated_kwh);
  set_pair (self->co2_row, self->co2_difference,
            HU_UNIT_MASS_KG, c->measured_kg, c->estimated_kg);
  set_pair (self->time_row, self->time_difference,
            HU_UNIT_HOURS, c->measured_hours, c->estimated_hours);

  /* Say what the power covers: the plan's energy is the measured total. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->power_row),
                                 hu_run_plan_includes_host (hu_measured_run_get_data (self->run))
                                 ? _("Implied average power per accelerator, with its share of "
                                     "CPU and memory")
                                 : _("Implied average power per accelerator"));
  if (isfinite (c->implied_power_w))
    {
      g_autofree char *text = hu_units_format_watts (c->implied_power_w, HU_UNITS_DEFAULT);

      adw_action_row_set_subtitle (self->power_row, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->power_row), isfinite (c->implied_power_w));

  if (isfinite (c->implied_utilization))
    {
      g_autofree char *text = hu_format_percent (c->implied_utilization);

      adw_action_row_set_subtitle (self->utilization_row, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->utilization_row),
                          isfinite (c->implied_utilization));
}

static void
disconnect (HuMeasuredEstimatedGroup *self)
{
  if (self->run != NULL)
    g_signal_handlers_disconnect_by_data (self->run, self);
  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
}

static void
hu_measured_estimated_group_dispose (GObject *object)
{
  HuMeasuredEstimatedGroup *self = HU_MEASURED_ESTIMATED_GROUP (object);

  disconnect (self);
  g_clear_object (&self->run);
  g_clear_object (&self->scenario);
  gtk_widget_dispose_template (GTK_WIDGET (self), HU_TYPE_MEASURED_ESTIMATED_GROUP);

  G_OBJECT_CLASS (hu_measured_estimated_group_parent_class)->dispose (object);
}

static void
hu_measured_estimated_group_class_init (HuMeasuredEstimatedGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hu_measured_estimated_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/hu-measured-estimated-group.ui");
  gtk_widget_class_bind_template_child (widget_class, HuMeasuredEstimatedGroup, energy_row);
  gtk_widget_class_bind_template_child (widget_class, HuMeasuredEstimatedGroup, co2_row);
  gtk_widget_class_bind_template_child (widget_class, HuMeasuredEstimatedGroup, time_row);
  gtk_widget_class_bind_template_child (widget_class, HuMeasuredEstimatedGroup, power_row);
  gtk_widget_class_bind_template_child (widget_class, HuMeasuredEstimatedGroup, utilization_row);
  gtk_widget_class_bind_template_child (widget_class, HuMeasuredEstimatedGroup, energy_difference);
  gtk_widget_class_bind_template_child (widget_class, HuMeasuredEstimatedGroup, co2_difference);
  gtk_widget_class_bind_template_child (widget_class, HuMeasuredEstimatedGroup, time_difference);
}

static void
hu_measured_estimated_group_init (HuMeasuredEstimatedGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hu_measured_estimated_group_new (void)
{
  return g_object_new (HU_TYPE_MEASURED_ESTIMATED_GROUP, NULL);
}

/**
 * hu_measured_estimated_group_set:
 * @run: (nullable): the measured run
 * @scenario: (nullable): the result of the scenario linked to it
 *
 * Shows the comparison, or hides the group unless both are given.
 */
void
hu_measured_estimated_group_set (HuMeasuredEstimatedGroup *self,
                                 HuMeasuredRun            *run,
                                 HuResult                 *scenario)
{
  g_return_if_fail (HU_IS_MEASURED_ESTIMATED_GROUP (self));
  g_return_if_fail (run == NULL || HU_IS_MEASURED_RUN (run));
  g_return_if_fail (scenario == NULL || HU_IS_RESULT (scenario));

  if (self->run != run || self->scenario != scenario)
    {
      disconnect (self);
      g_set_object (&self->run, run);
      g_set_object (&self->scenario, scenario);
      if (run != NULL)
        g_signal_connect_object (run, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      if (scenario != NULL)
        g_signal_connect_object (scenario, "changed", G_CALLBACK (update), self,
                                 G_CONNECT_SWAPPED);
    }
  update (self);
}

/**
 * hu_measured_estimated_group_get_comparison:
 *
 * The figures shown (for tests); all NAN when the group is hidden.
 */
void
hu_measured_estimated_group_get_comparison (HuMeasuredEstimatedGroup *self,
                                            HuRunComparison          *comparison)
{
  g_return_if_fail (HU_IS_MEASURED_ESTIMATED_GROUP (self));
  g_return_if_fail (comparison != NULL);

  if (self->run == NULL || self->scenario == NULL)
    {
      comparison->measured_kwh = comparison->estimated_kwh = NAN;
      comparison->measured_kg = comparison->estimated_kg = NAN;
      comparison->measured_hours = comparison->estimated_hours = NAN;
      comparison->implied_power_w = comparison->implied_utilization = NAN;
      return;
    }
  *comparison = self->comparison;
}
