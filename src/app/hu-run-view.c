/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuRunView"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hu-run-view.h"
#include "hu-widgets.h"

/* A measured run: where it came from, what it measured, its power over
 * time and, when a scenario is linked to it, how the plan compares. The
 * numbers are measurements, so nothing here is editable; "Plan from this
 * run" is the way to ask "what if". */
struct _HuRunView
{
  AdwBin                    parent_instance;

  HuComparisonModel        *model;
  HuResult                 *result;
  GtkLabel                 *values[3];
  GtkLabel                 *co2_note;   /* under "—": why there is none */

  GtkLabel                 *title_label;
  GtkLabel                 *subtitle_label;
  GtkLabel                 *prediction_label;
  GtkFlowBox               *results_box;
  AdwPreferencesGroup      *chart_group;
  HuChartView              *chart_view;
  HuMeasuredEstimatedGroup *comparison_group;
  AdwActionRow             *tracker_row;
  AdwActionRow             *file_row;
  AdwActionRow             *run_id_row;
  AdwActionRow             *start_row;
  AdwActionRow             *duration_row;
  AdwActionRow             *energy_row;
  AdwActionRow             *cpu_row;
  AdwActionRow             *gpu_row;
  AdwActionRow             *ram_row;
  AdwActionRow             *emissions_row;
  AdwActionRow             *intensity_row;
  AdwActionRow             *pue_row;
  AdwActionRow             *location_row;
  AdwActionRow             *hardware_row;
  AdwActionRow             *cpu_model_row;
  AdwActionRow             *samples_row;
  AdwActionRow             *notes_row;
};

G_DEFINE_FINAL_TYPE (HuRunView, hu_run_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_RESULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The trackers' own spelling, for people. */
static const char *
tracker_name (const char *source)
{
  static const struct { const char *id; const char *name; } names[] = {
    { "codecarbon", "CodeCarbon" },
    { "carbontracker", "carbontracker" },
    { "eit", "experiment-impact-tracker" },
    { "eco2ai", "Eco2AI" },
    { "nvidia-smi", "nvidia-smi" },
    { "zeus", "Zeus" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (source, names[i].id) == 0)
      return names[i].name;
  return source;
}

/* Shows @text (taking it) in @row, or hides the row when there is none. */
static void
set_row (AdwActionRow *row,
         char         *text)
{
  g_autofree char *owned = text;
  gboolean known = owned != NULL && *owned != '\0';

  adw_action_row_set_subtitle (row, known ? owned : "");
  gtk_widget_set_visible (GTK_WIDGET (row), known);
}

/* The row's subtitle label, found by its style class: libadwaita 1.2
 * gives no getter. */
static GtkLabel *
find_subtitle (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "subtitle"))
        return GTK_LABEL (child);
      found = find_subtitle (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A figure of the run's energy in the unit shared by the card and the
 * four energy rows (issue 10: never "GPU energy 0 kWh" beside Wh); NULL
 * when the log does not say. */
static char *
energy_or_null (const HuUnitScale *scale,
                double             kwh)
{
  return isfinite (kwh) ? hu_unit_scale_format (scale, kwh, HU_UNITS_DEFAULT) : NULL;
}

/* How long the run lasted. A run of a few seconds reads "2.31 s", not
 * "0.038 minutes": a measured time is worth its own unit. Its digits
 * follow the rule of the energy and CO₂eq beside it (issue 10: never
 * "15.50 Wh" beside "3.1 g"): the kind's significant digits, trailing
 * zeros kept, as the comparison table writes them: "3.20 min". */
static char *
format_run_duration (double seconds)
{
  if (!isfinite (seconds))
    return g_strdup ("—");
  if (seconds > 0 && seconds < 60)
    return hu_unit_format_full (HU_UNIT_SECONDS, seconds, NULL, 0, HU_UNITS_DEFAULT);
  return hu_unit_format_full (HU_UNIT_HOURS, seconds / 3600.0, NULL, 0, HU_UNITS_DEFAULT);
}

/* The run's CO₂eq in its unit, four significant digits with their
 * zeros as its energy has them ("3.100 g CO₂eq" beside "15.50 Wh"). */
static char *
format_run_co2 (double kg)
{
  HuUnitScale scale;

  hu_unit_scale_init (&scale, HU_UNIT_MASS_KG, &kg, 1, NULL, 0);
  return hu_format_co2_in (&scale, kg, HU_UNITS_DEFAULT);
}

static char *
format_start (const HuRunData *data)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *shown = NULL;

  if (data->start == NULL)
    return NULL;

  if (data->start_is_local)
    {
      /* The log has no time zone: the clock of the machine that ran it,
       * which may not be ours. Say so rather than guess. */
      zone = g_time_zone_new_utc ();
      time = g_date_time_new_from_iso8601 (data->start, zone);
      shown = time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M:%S")
                           : g_strdup (data->start);
      /* Translators: a start time from a log without a time zone */
      return g_strdup_printf (_("%s, local time where it ran (the log has no time zone)"), shown);
    }

  time = g_date_time_new_from_iso8601 (data->start, NULL);
  if (time == NULL)
    return g_strdup (data->start);
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (time);

    return g_date_time_format (local, "%Y-%m-%d %H:%M:%S %Z");
  }
}

/* As the sidebar and the table name them (one core routine), but a
 * CPU-only run says why there is none. */
static char *
format_hardware (const HuRunData *data)
{
  if (data->gpu_count == 0 && data->gpu_model == NULL)
    /* Translators: the accelerators of a run that used only the CPU */
    return g_strdup (_("None: the log measured no accelerator"));
  return hu_run_data_format_accelerators (data);
}

/* Why a run has no CO₂eq, for people; NULL when it has one. */
static char *
missing_co2_reason (const HuRunData *data)
{
  if (isfinite (data->emissions_kg))
    return NULL;
  if (isfinite (data->energy_kwh) && isnan (data->intensity_g_per_kwh))
    return g_strdup (_("Not logged: this log records energy only, with no carbon intensity "
                       "to turn it into CO₂eq. To estimate it, plan from this run and "
                       "choose a region."));
  return g_strdup (_("Not logged: the log gives no CO₂eq for this run."));
}

/* The catalog of the project the run is in, whose region names a log's
 * place is shown by. */
static HuCatalog *
run_catalog (HuRunView *self)
{
  HuComparison *comparison = hu_result_get_comparison (self->result);
  HuProject *project = comparison != NULL ? hu_comparison_get_project (comparison) : NULL;

  return project != NULL ? hu_project_get_catalog (project) : hu_catalog_get_default ();
}

static void
update (HuRunView *self)
{
  HuMeasuredRun *run = self->result != NULL ? hu_result_get_run (self->result) : NULL;
  HuRunData *data;
  g_autoptr(HuChart) chart = NULL;
  HuResult *linked = NULL;
  HuUnitScale energy_scale;

  if (run == NULL)
    {
      hu_chart_view_set_chart (self->chart_view, NULL);
      hu_measured_estimated_group_set (self->comparison_group, NULL, NULL);
      return;
    }
  data = hu_measured_run_get_data (run);

  gtk_label_set_label (self->title_label, hu_measured_run_get_name (run) != NULL
                                          ? hu_measured_run_get_name (run) : _("Measured Run"));
  {
    g_autofree char *subtitle = NULL;

    if (data->source_version != NULL)
      /* Translators: "Measured with CodeCarbon 2.3.1" */
      subtitle = g_strdup_printf (_("Measured with %s %s"), tracker_name (data->source),
                                  data->source_version);
    else
      /* Translators: "Measured with nvidia-smi" */
      subtitle = g_strdup_printf (_("Measured with %s"), tracker_name (data->source));
    gtk_label_set_label (self->subtitle_label, subtitle);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->prediction_label), data->predicted);

  {
    const double energies[] = {
      data->energy_kwh, data->cpu_energy_kwh, data->gpu_energy_kwh, data->ram_energy_kwh,
    };

    hu_unit_scale_init (&energy_scale, HU_UNIT_ENERGY_KWH, energies, G_N_ELEMENTS (energies),
                        NULL, 0);
  }

  /* The core's formatters show an unknown value as "—". */
  {
    g_autofree char *duration = format_run_duration (data->duration_s);
    g_autofree char *energy = hu_unit_scale_format (&energy_scale, data->energy_kwh,
                                                    HU_UNITS_DEFAULT);
    g_autofree char *co2 = format_run_co2 (data->emissions_kg);

    gtk_label_set_label (self->values[0], duration);
    gtk_label_set_label (self->values[1], energy);
    gtk_label_set_label (self->values[2], co2);
  }

  set_row (self->tracker_row,
           data->source_version != NULL
           ? g_strdup_printf ("%s %s", tracker_name (data->source), data->source_version)
           : g_strdup (tracker_name (data->source)));
  set_row (self->file_row, data->line > 0
           /* Translators: a file and the line where the run starts, "emissions.csv, line 7" */
           ? g_strdup_printf (_("%s, line %u"), data->file, data->line)
           : g_strdup (data->file));
  set_row (self->run_id_row, g_strdup (data->run_id));
  set_row (self->start_row, format_start (data));
  set_row (self->duration_row, isfinite (data->duration_s)
           ? format_run_duration (data->duration_s) : NULL);
  set_row (self->energy_row, energy_or_null (&energy_scale, data->energy_kwh));
  set_row (self->cpu_row, energy_or_null (&energy_scale, data->cpu_energy_kwh));
  set_row (self->gpu_row, energy_or_null (&energy_scale, data->gpu_energy_kwh));
  set_row (self->ram_row, energy_or_null (&energy_scale, data->ram_energy_kwh));
  {
    g_autofree char *why = missing_co2_reason (data);

    /* "—" alone says nothing: the card says it was not logged, and why
     * (nvidia-smi and Zeus measure energy only). */
    gtk_widget_set_visible (GTK_WIDGET (self->co2_note), why != NULL);
    gtk_widget_set_tooltip_text (gtk_widget_get_parent (GTK_WIDGET (self->values[2])), why);
    set_row (self->emissions_row, why != NULL ? g_steal_pointer (&why)
                                              : format_run_co2 (data->emissions_kg));
  }
  set_row (self->intensity_row, isfinite (data->intensity_g_per_kwh)
           ? hu_units_format_intensity (data->intensity_g_per_kwh, HU_UNITS_DEFAULT) : NULL);
  set_row (self->pue_row, isfinite (data->pue) ? hu_units_format_pue (data->pue, HU_UNITS_DEFAULT)
                                               : NULL);
  set_row (self->location_row, hu_run_plan_format_location (run_catalog (self), data));
  set_row (self->hardware_row, format_hardware (data));
  set_row (self->cpu_model_row, g_strdup (data->cpu_model));
  set_row (self->samples_row, data->samples > 0
           ? hu_format_count (data->samples) : NULL);
  {
    g_autofree char *parts = hu_run_data_get_parts_note (data);
    g_autofree char *notes = parts == NULL || data->notes == NULL || *data->notes == '\0'
                             ? g_strdup (parts != NULL ? parts : data->notes)
                             : g_strconcat (data->notes, " ", parts, NULL);

    set_row (self->notes_row, hu_widgets_keep_words (notes));
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "run.show-file", data->file != NULL);

  /* At most HU_SERIES_MAX_BUCKETS per series: cheap to rebuild, and the
   * renderer reduces it to one column per pixel when drawing. */
  chart = hu_chart_new_power (run);
  hu_chart_set_title (chart, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_group), hu_chart_get_n_series (chart) > 0);
  hu_chart_view_set_chart (self->chart_view, hu_chart_get_n_series (chart) > 0 ? chart : NULL);

  /* The core comparison says which scenario the run is compared with. */
  if (self->model != NULL)
    {
      HuComparison *comparison = hu_comparison_model_get_comparison (self->model);
      HuComparisonRow *row = hu_comparison_get_linked (comparison,
                                                       hu_result_get_row (self->result));

      if (row != NULL)
        linked = hu_comparison_model_find_scenario (self->model,
                                                    hu_comparison_row_get_scenario (row));
    }
  hu_measured_estimated_group_set (self->comparison_group, run, linked);
}

static void
show_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HuRunView *self = HU_RUN_VIEW (widget);
  HuMeasuredRun *run = self->result != NULL ? hu_result_get_run (self->result) : NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;
  GtkRoot *root;

  if (run == NULL || hu_measured_run_get_data (run)->file == NULL)
    return;

  /* GTK 4.8 has no GtkFileLauncher: open the folder that holds the log. */
  file = g_file_new_for_path (hu_measured_run_get_data (run)->file);
  folder = g_file_get_parent (file);
  uri = g_file_get_uri (folder != NULL ? folder : file);
  root = gtk_widget_get_root (widget);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
hu_run_view_dispose (GObject *object)
{
  HuRunView *self = HU_RUN_VIEW (object);

  if (self->result != NULL)
    g_signal_handlers_disconnect_by_data (self->result, self);
  g_clear_object (&self->result);
  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), HU_TYPE_RUN_VIEW);

  G_OBJECT_CLASS (hu_run_view_parent_class)->dispose (object);
}

static void
hu_run_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HuRunView *self = HU_RUN_VIEW (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      g_value_set_object (value, hu_run_view_get_result (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_run_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HuRunView *self = HU_RUN_VIEW (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      hu_run_view_set_result (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_run_view_class_init (HuRunViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hu_run_view_dispose;
  object_class->get_property = hu_run_view_get_property;
  object_class->set_property = hu_run_view_set_property;

  properties[PROP_RESULT] =
    g_param_spec_object ("result", NULL, NULL, HU_TYPE_RESULT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "run.show-file", NULL, show_file_action);

  g_type_ensure (HU_TYPE_CHART_VIEW);
  g_type_ensure (HU_TYPE_MEASURED_ESTIMATED_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/hu-run-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HuRunView, title_label);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, prediction_label);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, results_box);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, chart_group);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, chart_view);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, comparison_group);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, tracker_row);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, file_row);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, run_id_row);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, start_row);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, duration_row);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, energy_row);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, cpu_row);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, gpu_row);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, ram_row);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, emissions_row);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, intensity_row);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, pue_row);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, location_row);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, hardware_row);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, cpu_model_row);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, samples_row);
  gtk_widget_class_bind_template_child (widget_class, HuRunView, notes_row);
}

static void
hu_run_view_init (HuRunView *self)
{
  static const char *titles[] = { N_("Duration"), N_("Energy"), N_("CO₂eq") };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    self->values[i] = hu_widgets_append_result_card (self->results_box, _(titles[i]));
  /* Under the CO₂eq card's caption; its tooltip and the details' CO₂eq
   * row say why. */
  self->co2_note = GTK_LABEL (gtk_label_new (_("Not logged")));
  gtk_widget_add_css_class (GTK_WIDGET (self->co2_note), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->co2_note), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->co2_note), FALSE);
  hu_widgets_append_to_card (self->values[2], GTK_WIDGET (self->co2_note));

  {
    GtkLabel *notes = find_subtitle (GTK_WIDGET (self->notes_row));

    if (notes != NULL)
      gtk_label_set_wrap_mode (notes, PANGO_WRAP_WORD);
  }
}

GtkWidget *
hu_run_view_new (void)
{
  return g_object_new (HU_TYPE_RUN_VIEW, NULL);
}

/**
 * hu_run_view_set_model:
 *
 * The comparison whose scenarios a shown run may be linked to.
 */
void
hu_run_view_set_model (HuRunView         *self,
                       HuComparisonModel *model)
{
  g_return_if_fail (HU_IS_RUN_VIEW (self));
  g_return_if_fail (model == NULL || HU_IS_COMPARISON_MODEL (model));

  if (g_set_object (&self->model, model))
    update (self);
}

/**
 * hu_run_view_get_result:
 *
 * Returns: (transfer none) (nullable): the run's result
 */
HuResult *
hu_run_view_get_result (HuRunView *self)
{
  g_return_val_if_fail (HU_IS_RUN_VIEW (self), NULL);
  return self->result;
}

/**
 * hu_run_view_set_result:
 * @result: (nullable): a measured run's result; a scenario's shows nothing
 */
void
hu_run_view_set_result (HuRunView *self,
                        HuResult  *result)
{
  g_return_if_fail (HU_IS_RUN_VIEW (self));
  g_return_if_fail (result == NULL || HU_IS_RESULT (result));

  /* A run's result changes when its data does: a new link, a rename. */
  if (!hu_widgets_follow_result (&self->result, result, G_CALLBACK (update), self))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

HuChartView *
hu_run_view_get_chart_view (HuRunView *self)
{
  g_return_val_if_fail (HU_IS_RUN_VIEW (self), NULL);
  return self->chart_view;
}

HuMeasuredEstimatedGroup *
hu_run_view_get_comparison_group (HuRunView *self)
{
  g_return_val_if_fail (HU_IS_RUN_VIEW (self), NULL);
  return self->comparison_group;
}
