/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuScenarioRow"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hu-scenario-row.h"

/* A sidebar row: a scenario (or measured run) with its accelerators and
 * its CO₂eq, so the list alone already compares. The sidebar is a list
 * view: a row is made for each place on screen and shows whichever result
 * is bound to it, so a project of ten thousand runs makes a screenful of
 * rows, and a tooltip only for a row on screen that has an error. */
struct _HuScenarioRow
{
  GtkWidget      parent_instance;

  HuResult      *result;

  GtkImage      *icon;
  GtkLabel      *name_label;
  GtkLabel      *detail_label;
  GtkLabel      *figure_label;
  GtkImage      *baseline_icon;
  GtkImage      *error_icon;

  char          *detail;        /* the line under the name, whole */
};

G_DEFINE_FINAL_TYPE (HuScenarioRow, hu_scenario_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RESULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint n_updates;

static void
update (HuScenarioRow *self)
{
  g_autofree char *count = NULL;
  /* The line has no room for the whole name; its accessible text does. */
  g_autofree char *device = hu_result_format_device (self->result, &count);
  g_autofree char *brief = hu_result_format_device_brief (self->result, NULL);
  HuMeasuredRun *run = hu_result_get_run (self->result);
  /* A run whose log records energy only says so, not a bare "—" (the run
   * page says why). */
  g_autofree char *co2 = run != NULL && isnan (hu_measured_run_get_data (run)->emissions_kg)
                         ? g_strdup (_("CO₂eq not logged"))
                         : hu_result_format_co2_alone (self->result);
  g_autofree char *detail = NULL;
  g_autofree char *figure = NULL;
  const char *error = hu_result_get_error (self->result);
  const char *name = hu_result_get_name (self->result);

  n_updates++;
  gtk_image_set_from_icon_name (self->icon, run != NULL
                                            ? "power-profile-balanced-symbolic"
                                            : "document-edit-symbolic");
  gtk_label_set_label (self->name_label, name != NULL && *name != '\0' ? name : _("Untitled"));

  if (error != NULL)
    detail = g_strdup (error);
  else if (count != NULL)
    {
      /* Translators: the end of a sidebar row's detail, after the
       * accelerator's name: how many and the CO₂eq, " × 8 · 72.6 t CO₂eq".
       * Keep the leading space. */
      figure = g_strdup_printf (_(" × %s · %s"), count, co2);
      detail = g_strconcat (device, figure, NULL);
    }
  else
    {
      /* Translators: the end of a sidebar row's detail, after a measured
       * run's devices: " · 72.6 t CO₂eq". Keep the leading space. */
      figure = g_strdup_printf (_(" · %s"), co2);
      detail = g_strconcat (device, figure, NULL);
    }
  /* The device, cut where it must, then the rest whole. */
  g_free (self->detail);
  self->detail = g_strdup (detail);
  gtk_label_set_label (self->detail_label, figure != NULL ? brief : detail);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->detail_label), detail);
  gtk_label_set_label (self->figure_label, figure != NULL ? figure : "");
  gtk_widget_set_visible (GTK_WIDGET (self->figure_label), figure != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->error_icon), error != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->error_icon), error);
  gtk_widget_set_visible (GTK_WIDGET (self->baseline_icon),
                          hu_result_get_is_baseline (self->result));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, detail,
                                  -1);
}

static void
hu_scenario_row_dispose (GObject *object)
{
  HuScenarioRow *self = HU_SCENARIO_ROW (object);

  GtkWidget *child;

  hu_scenario_row_set_result (self, NULL);
  g_clear_pointer (&self->detail, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), HU_TYPE_SCENARIO_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (hu_scenario_row_parent_class)->dispose (object);
}

static void
hu_scenario_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HuScenarioRow *self = HU_SCENARIO_ROW (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      g_value_set_object (value, self->result);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_scenario_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HuScenarioRow *self = HU_SCENARIO_ROW (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      hu_scenario_row_set_result (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_scenario_row_class_init (HuScenarioRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hu_scenario_row_dispose;
  object_class->get_property = hu_scenario_row_get_property;
  object_class->set_property = hu_scenario_row_set_property;

  properties[PROP_RESULT] =
    g_param_spec_object ("result", NULL, NULL, HU_TYPE_RESULT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/hu-scenario-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HuScenarioRow, icon);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioRow, figure_label);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioRow, baseline_icon);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioRow, error_icon);
}

static void
hu_scenario_row_init (HuScenarioRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hu_scenario_row_new (void)
{
  return g_object_new (HU_TYPE_SCENARIO_ROW, NULL);
}

/**
 * hu_scenario_row_set_result:
 * @result: (nullable): the result to show, %NULL when the row is unbound
 */
void
hu_scenario_row_set_result (HuScenarioRow *self,
                            HuResult      *result)
{
  g_return_if_fail (HU_IS_SCENARIO_ROW (self));
  g_return_if_fail (result == NULL || HU_IS_RESULT (result));

  if (self->result == result)
    return;

  if (self->result != NULL)
    g_signal_handlers_disconnect_by_data (self->result, self);
  g_set_object (&self->result, result);
  if (result != NULL)
    {
      g_signal_connect_object (result, "changed", G_CALLBACK (update), self,
                               G_CONNECT_SWAPPED);
      update (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

/**
 * hu_scenario_row_get_result:
 *
 * Returns: (transfer none) (nullable): the result the row shows
 */
HuResult *
hu_scenario_row_get_result (HuScenarioRow *self)
{
  g_return_val_if_fail (HU_IS_SCENARIO_ROW (self), NULL);
  return self->result;
}

/**
 * hu_scenario_row_get_n_updates:
 *
 * How many times any row has been filled in since the program started:
 * the UI tests count how many rows one edit rebuilds.
 */
guint
hu_scenario_row_get_n_updates (void)
{
  return n_updates;
}

/**
 * hu_scenario_row_get_detail:
 *
 * Returns: (nullable): the line under the name, whole ("NVIDIA A100 × 8
 *   · 72.6 t CO₂eq"), as a screen reader is told it; the row shows it in
 *   two labels, the device's name cut where it must
 */
const char *
hu_scenario_row_get_detail (HuScenarioRow *self)
{
  g_return_val_if_fail (HU_IS_SCENARIO_ROW (self), NULL);
  return self->detail;
}
