/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuScenarioEditor"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "hu-measured-estimated-group.h"
#include "hu-run-plan.h"
#include "hu-scenario-editor.h"
#include "hu-widgets.h"

/* Typing is committed to the scenario after this pause, so the results
 * follow the user without recomputing on every key press. */
#define COMMIT_DELAY_MS 250

typedef struct {
  HuScenario *scenario;
  HuInputs    inputs;
  char       *name;
  char       *notes;
} UndoEntry;

struct _HuScenarioEditor
{
  AdwBin                parent_instance;

  HuCatalog            *catalog;
  HuComparisonModel    *model;
  GPtrArray            *link_runs;       /* HuMeasuredRun, in link_row's order after "None" */
  gboolean              loading_links;
  HuResult             *result;
  HuScenario           *scenario;
  char                 *currency;
  char                 *price_unit;
  GPtrArray            *undo;            /* UndoEntry, newest last */
  GtkStringList        *gpu_ids;
  GtkStringList        *region_ids;
  guint                 commit_source;
  gboolean              loading;
  gboolean              committing;

  AdwEntryRow          *rows[HU_N_NUMERIC_INPUTS];
  GtkLabel             *units[HU_N_NUMERIC_INPUTS];
  GtkImage             *error_icons[HU_N_NUMERIC_INPUTS];
  char                 *errors[HU_N_NUMERIC_INPUTS];
  GtkLabel             *values[HU_N_COLUMNS];   /* result_cards' value labels */

  /* Template widgets */
  HuMeasuredEstimatedGroup *comparison_group;
  AdwComboRow          *link_row;
  GtkStringList        *link_names;
  GtkFlowBox           *results_box;
  GtkLabel             *status_label;
  AdwPreferencesGroup  *scenario_group;
  AdwPreferencesGroup  *workload_group;
  AdwPreferencesGroup  *hardware_group;
  AdwPreferencesGroup  *location_group;
  AdwPreferencesGroup  *cost_group;
  AdwEntryRow          *name_row;
  AdwEntryRow          *notes_row;
  AdwComboRow          *mode_row;
  AdwComboRow          *precision_row;
  GtkDropDown          *gpu_dropdown;
  GtkDropDown          *region_dropdown;
  AdwEntryRow          *flops_row;
  AdwEntryRow          *params_row;
  AdwEntryRow          *tokens_row;
  AdwEntryRow          *gpu_hours_row;
  AdwEntryRow          *wall_hours_row;
  AdwEntryRow          *peak_row;
  AdwEntryRow          *count_row;
  AdwEntryRow          *utilization_row;
  AdwEntryRow          *power_row;
  AdwEntryRow          *retrain_row;
  AdwEntryRow          *intensity_row;
  AdwEntryRow          *pue_row;
  AdwEntryRow          *price_row;
  AdwEntryRow          *embodied_row;
  AdwEntryRow          *lifetime_row;
};

G_DEFINE_FINAL_TYPE (HuScenarioEditor, hu_scenario_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_RESULT,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The order of mode_row's items. */
static const HuWorkload modes[] = {
  HU_WORKLOAD_FLOPS,
  HU_WORKLOAD_PARAMS_TOKENS,
  HU_WORKLOAD_GPU_HOURS,
  HU_WORKLOAD_WALL_HOURS,
};

/* The order of precision_row's items. */
static const HuPrecision precisions[] = {
  HU_PRECISION_AUTO,
  HU_PRECISION_FP32,
  HU_PRECISION_TF32,
  HU_PRECISION_FP16,
  HU_PRECISION_BF16,
  HU_PRECISION_FP8,
};

/* The result cards, in order: the comparison column each shows and its
 * caption. */
static const struct {
  HuColumn    column;
  const char *title;
} result_cards[] = {
  { HU_COLUMN_GPU_HOURS, N_("GPU-hours") },
  { HU_COLUMN_WALL_HOURS, N_("Wall-clock") },
  { HU_COLUMN_ENERGY, N_("Energy") },
  { HU_COLUMN_CO2, N_("CO₂eq") },
  { HU_COLUMN_COST, N_("Cost") },
};

static void
undo_entry_free (UndoEntry *entry)
{
  g_clear_object (&entry->scenario);
  hu_inputs_clear (&entry->inputs);
  g_free (entry->name);
  g_free (entry->notes);
  g_free (entry);
}

static const char *
unit_for (HuScenarioEditor *self,
          HuInputKey        key)
{
  switch (key)
    {
    case HU_INPUT_FLOPS:
      /* Translators: unit of floating-point operations */
      return _("FLOP");
    case HU_INPUT_PARAMS:
      return _("parameters");
    case HU_INPUT_TOKENS:
      return _("tokens");
    case HU_INPUT_GPU_HOURS:
      return _("GPU-h");
    case HU_INPUT_WALL_HOURS:
    case HU_INPUT_LIFETIME_H:
      /* Translators: unit symbol of hours */
      return _("h");
    case HU_INPUT_PEAK_TFLOPS:
      return _("TFLOP/s");
    case HU_INPUT_COUNT:
      /* Translators: unit of the accelerator count */
      return _("GPUs");
    case HU_INPUT_UTILIZATION:
      return "%";
    case HU_INPUT_POWER_W:
      /* Translators: unit symbol of watts */
      return _("W");
    case HU_INPUT_RETRAIN:
      /* Translators: unit of the retraining multiplier */
      return _("runs");
    case HU_INPUT_INTENSITY:
      return _("gCO₂eq/kWh");
    case HU_INPUT_PUE:
      return "";
    case HU_INPUT_PRICE:
      return self->price_unit;
    case HU_INPUT_EMBODIED_KG:
      return _("kg CO₂eq");
    case HU_N_NUMERIC_INPUTS:
    default:
      return "";
    }
}

/* Numbers are shown for editing in a form they parse back from exactly:
 * no grouping, the locale's decimal separator, compact exponents. */
static char *
format_for_entry (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  const char *decimal = localeconv ()->decimal_point;
  GString *text;

  if (isnan (value))
    return g_strdup ("");

  if (value != 0 && (fabs (value) >= 1e9 || fabs (value) < 1e-4))
    g_ascii_formatd (buffer, sizeof buffer, "%.6g", value);
  else
    g_ascii_formatd (buffer, sizeof buffer, "%.10g", value);

  text = g_string_new (NULL);
  for (const char *p = buffer; *p != '\0'; p++)
    {
      if (*p == '.')
        g_string_append (text, decimal != NULL && *decimal != '\0' ? decimal : ".");
      else if (*p == '+')
        continue;
      else if (*p == 'e' && p[1] != '\0')
        {
          g_string_append_c (text, 'e');
          if (p[1] == '-' || p[1] == '+')
            {
              if (p[1] == '-')
                g_string_append_c (text, '-');
              p++;
            }
          while (p[1] == '0' && p[2] != '\0')
            p++;
        }
      else
        g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

static HuWorkload
selected_mode (HuScenarioEditor *self)
{
  guint i = adw_combo_row_get_selected (self->mode_row);

  return i < G_N_ELEMENTS (modes) ? modes[i] : HU_WORKLOAD_FLOPS;
}

static gboolean
key_in_mode (HuInputKey key,
             HuWorkload mode)
{
  switch (key)
    {
    case HU_INPUT_FLOPS:
      return mode == HU_WORKLOAD_FLOPS;
    case HU_INPUT_PARAMS:
    case HU_INPUT_TOKENS:
      return mode == HU_WORKLOAD_PARAMS_TOKENS;
    case HU_INPUT_GPU_HOURS:
      return mode == HU_WORKLOAD_GPU_HOURS;
    case HU_INPUT_WALL_HOURS:
      return mode == HU_WORKLOAD_WALL_HOURS;
    default:
      return TRUE;
    }
}

/* Peak and utilisation only matter when the work is given in FLOPs. */
static gboolean
key_relevant (HuInputKey key,
              HuWorkload mode)
{
  if (key == HU_INPUT_PEAK_TFLOPS || key == HU_INPUT_UTILIZATION)
    return mode == HU_WORKLOAD_FLOPS || mode == HU_WORKLOAD_PARAMS_TOKENS;
  return key_in_mode (key, mode);
}

static void
update_mode_visibility (HuScenarioEditor *self)
{
  HuWorkload mode = selected_mode (self);

  for (guint key = 0; key < HU_N_NUMERIC_INPUTS; key++)
    gtk_widget_set_visible (GTK_WIDGET (self->rows[key]), key_relevant (key, mode));
  gtk_widget_set_visible (GTK_WIDGET (self->precision_row),
                          key_relevant (HU_INPUT_PEAK_TFLOPS, mode));
}

/* Reads one field. Returns FALSE and an explanation for people when the
 * text is not an acceptable value; an empty field is valid and unset. */
static gboolean
parse_field (HuScenarioEditor  *self,
             HuInputKey         key,
             double            *out,
             char             **message)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[key])));
  g_autoptr(GError) error = NULL;
  double value;

  g_strstrip (text);
  *out = NAN;
  if (*text == '\0')
    return TRUE;

  if (key == HU_INPUT_UTILIZATION)
    {
      gsize len = strlen (text);

      if (len > 0 && text[len - 1] == '%')
        text[len - 1] = '\0';
      g_strstrip (text);
    }

  if (!hu_number_parse (text, HU_NUMBER_LOCALE | HU_NUMBER_SUFFIXES, &value, &error))
    {
      *message = g_strdup (error->message);
      return FALSE;
    }

  if (key == HU_INPUT_UTILIZATION)
    value /= 100.0;

  if (!hu_input_check_value (key, value, &error))
    {
      *message = g_strdup (error->message);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

static void
set_field_error (HuScenarioEditor *self,
                 HuInputKey        key,
                 const char       *message)
{
  GtkWidget *row = GTK_WIDGET (self->rows[key]);

  g_free (self->errors[key]);
  self->errors[key] = g_strdup (message);

  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->error_icons[key]), message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_icons[key]), message != NULL);
}

static void
update_status (HuScenarioEditor *self)
{
  HuWorkload mode = selected_mode (self);
  const char *problem = NULL;
  g_autofree char *text = NULL;

  for (guint key = 0; key < HU_N_NUMERIC_INPUTS && problem == NULL; key++)
    if (self->errors[key] != NULL && key_in_mode (key, mode))
      problem = self->errors[key];

  if (problem != NULL)
    /* Translators: %s explains what is wrong with a field */
    text = g_strdup_printf (_("%s The results are from the last valid inputs."), problem);
  else if (self->result != NULL && hu_result_get_error (self->result) != NULL)
    text = g_strdup (hu_result_get_error (self->result));

  gtk_label_set_label (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

static const char *
gpu_id_at (GtkStringList *list,
           guint          position)
{
  const char *id = gtk_string_list_get_string (list, position);

  return id != NULL && *id != '\0' ? id : NULL;
}

static void
push_undo (HuScenarioEditor *self)
{
  UndoEntry *entry = g_new0 (UndoEntry, 1);

  entry->scenario = g_object_ref (self->scenario);
  hu_inputs_init (&entry->inputs);
  hu_inputs_copy (hu_scenario_get_inputs (self->scenario), &entry->inputs);
  entry->name = g_strdup (hu_scenario_get_name (self->scenario));
  entry->notes = g_strdup (hu_scenario_get_notes (self->scenario));
  g_ptr_array_add (self->undo, entry);

  /* Only the last hundred edits are kept: enough to back out of a wrong
   * turn without growing for a whole working day. */
  if (self->undo->len > 100)
    g_ptr_array_remove_index (self->undo, 0);

  if (self->undo->len == 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static void
commit (HuScenarioEditor *self)
{
  HuInputs inputs;
  HuWorkload mode;
  gboolean valid = TRUE;
  gboolean inputs_changed, name_changed, notes_changed;
  const char *name, *notes;
  guint precision;

  g_clear_handle_id (&self->commit_source, g_source_remove);

  if (self->scenario == NULL)
    return;

  mode = selected_mode (self);
  hu_inputs_init (&inputs);
  hu_inputs_copy (hu_scenario_get_inputs (self->scenario), &inputs);

  for (guint key = 0; key < HU_N_NUMERIC_INPUTS; key++)
    {
      g_autofree char *message = NULL;
      double value;

      if (!parse_field (self, key, &value, &message))
        {
          set_field_error (self, key, message);
          if (key_in_mode (key, mode))
            valid = FALSE;
          continue;
        }
      set_field_error (self, key, NULL);
      /* A workload given another way is not part of this one: leaving it
       * set would make the inputs ambiguous. */
      hu_inputs_set (&inputs, key, key_in_mode (key, mode) ? value : NAN);
    }

  update_status (self);

  if (!valid)
    {
      hu_inputs_clear (&inputs);
      return;
    }

  g_free (inputs.gpu);
  inputs.gpu = g_strdup (gpu_id_at (self->gpu_ids,
                                    gtk_drop_down_get_selected (self->gpu_dropdown)));
  g_free (inputs.region);
  inputs.region = g_strdup (gpu_id_at (self->region_ids,
                                       gtk_drop_down_get_selected (self->region_dropdown)));
  precision = adw_combo_row_get_selected (self->precision_row);
  inputs.precision = precision < G_N_ELEMENTS (precisions) ? precisions[precision]
                                                           : HU_PRECISION_AUTO;

  name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  notes = gtk_editable_get_text (GTK_EDITABLE (self->notes_row));
  inputs_changed = !hu_inputs_equal (hu_scenario_get_inputs (self->scenario), &inputs);
  name_changed = g_strcmp0 (name, hu_scenario_get_name (self->scenario)) != 0;
  notes_changed = g_strcmp0 (*notes != '\0' ? notes : NULL,
                             hu_scenario_get_notes (self->scenario)) != 0 &&
                  !(*notes == '\0' && hu_scenario_get_notes (self->scenario) == NULL);

  if (inputs_changed || name_changed || notes_changed)
    {
      push_undo (self);
      self->committing = TRUE;
      if (name_changed)
        hu_scenario_set_name (self->scenario, name);
      if (notes_changed)
        hu_scenario_set_notes (self->scenario, *notes != '\0' ? notes : NULL);
      if (inputs_changed)
        hu_scenario_set_inputs (self->scenario, &inputs);
      self->committing = FALSE;
    }

  hu_inputs_clear (&inputs);
}

static gboolean
commit_timeout (gpointer data)
{
  HuScenarioEditor *self = data;

  self->commit_source = 0;
  commit (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_commit (HuScenarioEditor *self)
{
  if (self->loading || self->scenario == NULL)
    return;

  g_clear_handle_id (&self->commit_source, g_source_remove);
  self->commit_source = g_timeout_add (COMMIT_DELAY_MS, commit_timeout, self);
}

static void
on_field_changed (HuScenarioEditor *self,
                  GtkEditable      *editable)
{
  /* Validate at once so the error style follows the typing; commit later. */
  for (guint key = 0; key < HU_N_NUMERIC_INPUTS; key++)
    {
      if (GTK_EDITABLE (self->rows[key]) == editable && !self->loading)
        {
          g_autofree char *message = NULL;
          double value;

          if (parse_field (self, key, &value, &message))
            set_field_error (self, key, NULL);
          else
            set_field_error (self, key, message);
          update_status (self);
        }
    }

  schedule_commit (self);
}

/* A carbon intensity typed while no region was chosen stood in for the
 * region: once the user picks one, its own intensity is what they expect,
 * not a leftover number that silently overrides it. */
static void
on_region_changed (HuScenarioEditor *self)
{
  const HuInputs *inputs;
  const char *region;

  if (self->loading || self->scenario == NULL)
    return;

  inputs = hu_scenario_get_inputs (self->scenario);
  region = gpu_id_at (self->region_ids, gtk_drop_down_get_selected (self->region_dropdown));
  if ((inputs->region == NULL || *inputs->region == '\0') &&
      region != NULL && *region != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->intensity_row), "");

  schedule_commit (self);
}

static void
on_mode_changed (HuScenarioEditor *self)
{
  update_mode_visibility (self);
  schedule_commit (self);
}

static void
set_hint (HuScenarioEditor *self,
          HuInputKey        key,
          double            value,
          const HuProvenance *from)
{
  const char *unit = unit_for (self, key);
  gboolean empty = *gtk_editable_get_text (GTK_EDITABLE (self->rows[key])) == '\0';
  g_autofree char *text = NULL;

  if (empty && !isnan (value))
    {
      g_autofree char *number = hu_format_number (value, 4);

      /* Counts read better without their unit: "default 1". */
      if (key == HU_INPUT_COUNT || key == HU_INPUT_RETRAIN || *unit == '\0')
        /* Translators: shown beside an empty field: the value used instead */
        text = g_strdup_printf (_("default %s"), number);
      else
        /* Translators: shown beside an empty field: the value used instead,
         * e.g. "default 130 TFLOP/s" */
        text = g_strdup_printf (_("default %s %s"), number, unit);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->units[key]),
                                   from != NULL ? from->source : NULL);
    }
  else
    {
      text = g_strdup (unit);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->units[key]), NULL);
    }

  gtk_label_set_label (self->units[key], g_strstrip (text));
}

static void
update_results (HuScenarioEditor *self)
{
  const HuEstimate *estimate = self->result != NULL ? hu_result_get_estimate (self->result) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (result_cards); i++)
    {
      HuColumn column = result_cards[i].column;
      g_autofree char *text = NULL;

      if (self->result != NULL && (estimate != NULL || hu_result_get_run (self->result) != NULL))
        text = hu_result_format_column (self->result, column);
      gtk_label_set_label (self->values[column], text != NULL ? text : "—");
    }

  for (guint key = 0; key < HU_N_NUMERIC_INPUTS; key++)
    set_hint (self, key, NAN, NULL);

  if (estimate != NULL)
    {
      set_hint (self, HU_INPUT_PEAK_TFLOPS, estimate->peak_tflops, &estimate->peak_from);
      set_hint (self, HU_INPUT_COUNT, estimate->count, NULL);
      set_hint (self, HU_INPUT_UTILIZATION, estimate->utilization * 100,
                &estimate->utilization_from);
      set_hint (self, HU_INPUT_POWER_W, estimate->power_w, &estimate->power_from);
      set_hint (self, HU_INPUT_RETRAIN, estimate->retrain, NULL);
      set_hint (self, HU_INPUT_INTENSITY, estimate->intensity, &estimate->intensity_from);
      set_hint (self, HU_INPUT_PUE, estimate->pue, &estimate->pue_from);

      /* The PUE's source is worth reading, not only hovering. */
      if (estimate->pue_from.source != NULL && estimate->pue_from.origin != HU_ORIGIN_USER)
        {
          g_autofree char *pue = hu_format_number (estimate->pue, 3);
          /* Translators: %s is the PUE value, then its source */
          g_autofree char *description = g_strdup_printf (_("Default PUE %s: %s"),
                                                          pue, estimate->pue_from.source);

          adw_preferences_group_set_description (self->location_group, description);
        }
      else
        adw_preferences_group_set_description (self->location_group, NULL);
    }

  update_status (self);
}

static guint
find_id (GtkStringList *list,
         const char    *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), id != NULL ? id : "") == 0)
      return i;
  return 0;
}

/* The "Compare with measured run" row and the comparison it shows. */
static void
update_link (HuScenarioEditor *self)
{
  HuProject *project = self->model != NULL ? hu_comparison_model_get_project (self->model) : NULL;
  HuMeasuredRun *linked = NULL;
  guint selected = 0;
  guint n_names;
  GListModel *runs;
  guint n_runs;

  if (project == NULL || self->scenario == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->link_row), FALSE);
      hu_measured_estimated_group_set (self->comparison_group, NULL, NULL);
      return;
    }

  runs = G_LIST_MODEL (hu_project_get_runs (project));
  n_runs = g_list_model_get_n_items (runs);
  linked = hu_run_plan_linked_run (project, self->scenario);

  /* Rebuilding the choices while the row reports a selection would
   * confuse its selection model: only rebuild when the runs differ. */
  self->loading_links = TRUE;
  {
    gboolean same = self->link_runs->len == n_runs;
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

    /* Translators: no measured run to compare a scenario with */
    g_ptr_array_add (names, g_strdup (C_("measured run", "None")));
    for (guint i = 0; i < n_runs; i++)
      {
        g_autoptr(HuMeasuredRun) run = g_list_model_get_item (runs, i);

        same = same && g_ptr_array_index (self->link_runs, i) == run &&
               g_strcmp0 (gtk_string_list_get_string (self->link_names, i + 1),
                          hu_measured_run_get_name (run)) == 0;
        g_ptr_array_add (names, g_strdup (hu_measured_run_get_name (run)));
        if (run == linked)
          selected = i + 1;
      }
    g_ptr_array_add (names, NULL);

    if (!same)
      {
        g_ptr_array_set_size (self->link_runs, 0);
        for (guint i = 0; i < n_runs; i++)
          {
            g_autoptr(HuMeasuredRun) run = g_list_model_get_item (runs, i);

            g_ptr_array_add (self->link_runs, run);
          }
        n_names = g_list_model_get_n_items (G_LIST_MODEL (self->link_names));
        gtk_string_list_splice (self->link_names, 0, n_names,
                                (const char * const *) names->pdata);
      }
  }
  if (adw_combo_row_get_selected (self->link_row) != selected)
    adw_combo_row_set_selected (self->link_row, selected);
  self->loading_links = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->link_row), n_runs > 0);
  hu_measured_estimated_group_set (self->comparison_group, linked, linked != NULL ? self->result
                                                                                  : NULL);
}

static void
on_link_selected (HuScenarioEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->link_row);
  HuMeasuredRun *run = NULL;

  if (self->loading_links || self->scenario == NULL || self->model == NULL)
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->link_runs->len)
    run = g_ptr_array_index (self->link_runs, selected - 1);
  hu_run_plan_link (hu_comparison_model_get_project (self->model), self->scenario, run);
  update_link (self);
}

/* Fills the fields from the scenario, without committing anything back. */
static void
load_scenario (HuScenarioEditor *self)
{
  const HuInputs *inputs;
  HuWorkload mode;
  guint mode_index = 0;

  if (self->scenario == NULL)
    return;

  self->loading = TRUE;
  inputs = hu_scenario_get_inputs (self->scenario);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), hu_scenario_get_name (self->scenario));
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row),
                         hu_scenario_get_notes (self->scenario) != NULL
                         ? hu_scenario_get_notes (self->scenario) : "");

  mode = hu_inputs_get_workload (inputs, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    if (modes[i] == mode)
      mode_index = i;
  adw_combo_row_set_selected (self->mode_row, mode_index);

  for (guint key = 0; key < HU_N_NUMERIC_INPUTS; key++)
    {
      double value = hu_inputs_get (inputs, key);
      g_autofree char *text = NULL;

      if (key == HU_INPUT_UTILIZATION && !isnan (value))
        value *= 100.0;
      text = format_for_entry (value);
      gtk_editable_set_text (GTK_EDITABLE (self->rows[key]), text);
      set_field_error (self, key, NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (precisions); i++)
    if (precisions[i] == inputs->precision)
      adw_combo_row_set_selected (self->precision_row, i);

  gtk_drop_down_set_selected (self->gpu_dropdown, find_id (self->gpu_ids, inputs->gpu));
  gtk_drop_down_set_selected (self->region_dropdown, find_id (self->region_ids, inputs->region));

  update_mode_visibility (self);
  self->loading = FALSE;
}

static void
on_scenario_changed (HuScenarioEditor *self)
{
  /* Our own commits already show; anything else (undo, another view)
   * must be reflected in the fields. */
  if (!self->committing && self->commit_source == 0)
    load_scenario (self);
}

/* GPU and region lists: ids in a GtkStringList, names from the catalog. */

static char *
gpu_title (HuScenarioEditor *self,
           const char       *id)
{
  HuGpu *gpu;

  if (id == NULL || *id == '\0')
    return g_strdup (_("Custom (enter peak and power)"));
  gpu = self->catalog != NULL ? hu_catalog_lookup_gpu (self->catalog, id) : NULL;
  return g_strdup (gpu != NULL ? gpu->name : id);
}

static char *
gpu_subtitle (HuScenarioEditor *self,
              const char       *id)
{
  HuGpu *gpu = self->catalog != NULL && id != NULL && *id != '\0'
               ? hu_catalog_lookup_gpu (self->catalog, id) : NULL;
  HuPrecision precision;
  g_autofree char *peak = NULL;
  g_autofree char *tdp = NULL;

  if (gpu == NULL)
    return g_strdup (_("Any accelerator not in the catalog"));

  precision = hu_gpu_default_precision (gpu);
  peak = hu_format_number (gpu->peak_tflops[precision], 4);
  tdp = isnan (gpu->tdp_w) ? g_strdup ("?") : hu_format_number (gpu->tdp_w, 4);
  /* Translators: vendor, dense peak at a precision and TDP:
   * "NVIDIA · 312 TFLOP/s BF16 · 400 W" */
  return g_strdup_printf (_("%s · %s TFLOP/s %s · %s W"), gpu->vendor, peak,
                          hu_precision_to_string (precision), tdp);
}

static const char *
provider_title (const char *provider)
{
  if (g_strcmp0 (provider, "gcp") == 0)
    return "Google Cloud";
  if (g_strcmp0 (provider, "aws") == 0)
    return "Amazon Web Services";
  if (g_strcmp0 (provider, "azure") == 0)
    return "Microsoft Azure";
  if (g_strcmp0 (provider, "grid") == 0)
    return _("Electricity grid");
  return provider;
}

static char *
region_title (HuScenarioEditor *self,
              const char       *id)
{
  HuRegion *region;

  if (id == NULL || *id == '\0')
    return g_strdup (_("None (enter an intensity)"));
  region = self->catalog != NULL ? hu_catalog_lookup_region (self->catalog, id) : NULL;
  if (region == NULL)
    return g_strdup (id);
  /* A cloud region's name already ends with its code, "Netherlands
   * (europe-west4)": repeating it as "(gcp/europe-west4)" only makes the
   * name too long for its button. */
  {
    const char *code = strchr (region->id, '/');
    g_autofree char *suffix = g_strdup_printf ("(%s)", code != NULL ? code + 1 : region->id);

    if (g_str_has_suffix (region->name, suffix))
      return g_strdup (region->name);
  }
  /* Translators: region name and its id, "Iowa (gcp/us-central1)" */
  return g_strdup_printf (_("%s (%s)"), region->name, region->id);
}

static char *
region_subtitle (HuScenarioEditor *self,
                 const char       *id)
{
  HuRegion *region = self->catalog != NULL && id != NULL && *id != '\0'
                     ? hu_catalog_lookup_region (self->catalog, id) : NULL;
  g_autofree char *intensity = NULL;

  if (region == NULL)
    return g_strdup (_("Carbon intensity typed in below"));

  intensity = hu_format_number (region->intensity, 4);
  if (region->year > 0)
    /* Translators: provider · intensity · year, "Google Cloud · 430 g/kWh · 2022" */
    return g_strdup_printf (_("%s · %s g/kWh · %d"), provider_title (region->provider),
                            intensity, region->year);
  return g_strdup_printf (_("%s · %s g/kWh"), provider_title (region->provider), intensity);
}

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_SEARCH_ENTRY (child))
        return child;
      if ((found = find_search_entry (child)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
matches_every_word (const char *text,
                    const char *query)
{
  g_autofree char *haystack = g_utf8_casefold (text, -1);
  g_autofree char *needle = g_utf8_casefold (query, -1);
  g_auto(GStrv) words = g_strsplit_set (needle, " \t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* GTK 4.8's drop-down only keeps items whose search text starts with what
 * was typed, so "H100" would not find "NVIDIA H100 SXM5 80GB" nor
 * "europe-west4" its region. Its filter matches the string returned here:
 * when every typed word appears anywhere in the item, return the typed text
 * itself, which that prefix filter accepts. */
static char *
search_text (GtkStringObject  *item,
             HuScenarioEditor *self,
             gboolean          regions)
{
  const char *id = gtk_string_object_get_string (item);
  g_autofree char *title = regions ? region_title (self, id) : gpu_title (self, id);
  g_autofree char *subtitle = regions ? region_subtitle (self, id) : gpu_subtitle (self, id);
  g_autofree char *text = g_strdup_printf ("%s %s %s", title, subtitle, id);
  GtkWidget *dropdown = GTK_WIDGET (regions ? self->region_dropdown : self->gpu_dropdown);
  GtkWidget *entry = dropdown != NULL ? find_search_entry (dropdown) : NULL;
  const char *query = entry != NULL ? gtk_editable_get_text (GTK_EDITABLE (entry)) : NULL;

  if (query != NULL && *query != '\0' && matches_every_word (text, query))
    return g_strdup (query);
  return g_steal_pointer (&text);
}

static char *
gpu_search_text (GtkStringObject  *item,
                 HuScenarioEditor *self)
{
  return search_text (item, self, FALSE);
}

static char *
region_search_text (GtkStringObject  *item,
                    HuScenarioEditor *self)
{
  return search_text (item, self, TRUE);
}

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  compact)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);

  if (GPOINTER_TO_INT (compact))
    {
      /* The button shows the name only, short enough for a phone. */
      gtk_label_set_max_width_chars (GTK_LABEL (title), 22);
      gtk_widget_set_visible (subtitle, FALSE);
    }
  else
    {
      /* The popover is only as wide as its rows ask: wide enough for a
       * region's full name, narrow enough for a phone. */
      gtk_label_set_max_width_chars (GTK_LABEL (title), 48);
      gtk_widget_set_size_request (box, 320, -1);
    }

  gtk_list_item_set_child (item, box);
}

static void
bind_item (HuScenarioEditor *self,
           GtkListItem      *item,
           gboolean          regions)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const char *id = gtk_string_object_get_string (gtk_list_item_get_item (item));
  g_autofree char *title_text = regions ? region_title (self, id) : gpu_title (self, id);
  g_autofree char *subtitle_text = regions ? region_subtitle (self, id) : gpu_subtitle (self, id);

  gtk_label_set_label (GTK_LABEL (title), title_text);
  gtk_label_set_label (GTK_LABEL (subtitle), subtitle_text);
}

static void
bind_gpu_item (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               HuScenarioEditor         *self)
{
  bind_item (self, item, FALSE);
}

static void
bind_region_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  HuScenarioEditor         *self)
{
  bind_item (self, item, TRUE);
}

static void
setup_dropdown (HuScenarioEditor *self,
                GtkDropDown      *dropdown,
                GtkStringList    *ids,
                GCallback         bind,
                GCallback         search)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (setup_item), GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "bind", bind, self);
  g_signal_connect (list, "setup", G_CALLBACK (setup_item), GINT_TO_POINTER (FALSE));
  g_signal_connect (list, "bind", bind, self);

  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
  gtk_drop_down_set_expression (dropdown,
                                gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                             search, self, NULL));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (ids));
}

static int
compare_regions (gconstpointer a,
                 gconstpointer b)
{
  const HuRegion *ra = *(HuRegion * const *) a;
  const HuRegion *rb = *(HuRegion * const *) b;
  gboolean grid_a = g_strcmp0 (ra->provider, "grid") == 0;
  gboolean grid_b = g_strcmp0 (rb->provider, "grid") == 0;
  int cmp;

  /* Cloud providers first, national grids last; by name within each. */
  if (grid_a != grid_b)
    return grid_a - grid_b;
  cmp = g_strcmp0 (ra->provider, rb->provider);
  if (cmp != 0)
    return cmp;
  return g_utf8_collate (ra->name != NULL ? ra->name : "", rb->name != NULL ? rb->name : "");
}

static void
fill_catalog_lists (HuScenarioEditor *self)
{
  g_autoptr(GPtrArray) gpus = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GPtrArray) gpu_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) region_ids = g_ptr_array_new ();

  g_ptr_array_add (gpu_ids, (gpointer) "");
  g_ptr_array_add (region_ids, (gpointer) "");

  if (self->catalog != NULL)
    {
      gpus = hu_catalog_list_gpus (self->catalog);
      regions = hu_catalog_list_regions (self->catalog);
      g_ptr_array_sort (regions, compare_regions);

      for (guint i = 0; i < gpus->len; i++)
        g_ptr_array_add (gpu_ids, ((HuGpu *) g_ptr_array_index (gpus, i))->id);
      for (guint i = 0; i < regions->len; i++)
        g_ptr_array_add (region_ids, ((HuRegion *) g_ptr_array_index (regions, i))->id);
    }
  g_ptr_array_add (gpu_ids, NULL);
  g_ptr_array_add (region_ids, NULL);

  self->loading = TRUE;
  gtk_string_list_splice (self->gpu_ids, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->gpu_ids)),
                          (const char * const *) gpu_ids->pdata);
  gtk_string_list_splice (self->region_ids, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->region_ids)),
                          (const char * const *) region_ids->pdata);
  self->loading = FALSE;
}

static void
hu_scenario_editor_dispose (GObject *object)
{
  HuScenarioEditor *self = HU_SCENARIO_EDITOR (object);

  g_clear_handle_id (&self->commit_source, g_source_remove);
  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  if (self->result != NULL)
    g_signal_handlers_disconnect_by_data (self->result, self);
  g_clear_object (&self->scenario);
  g_clear_object (&self->result);
  g_clear_object (&self->catalog);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (hu_project_get_runs (hu_comparison_model_get_project (self->model)),
                                          self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->link_runs, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), HU_TYPE_SCENARIO_EDITOR);

  g_clear_object (&self->gpu_ids);
  g_clear_object (&self->region_ids);

  G_OBJECT_CLASS (hu_scenario_editor_parent_class)->dispose (object);
}

static void
hu_scenario_editor_finalize (GObject *object)
{
  HuScenarioEditor *self = HU_SCENARIO_EDITOR (object);

  g_free (self->currency);
  g_free (self->price_unit);
  for (guint i = 0; i < HU_N_NUMERIC_INPUTS; i++)
    g_free (self->errors[i]);

  G_OBJECT_CLASS (hu_scenario_editor_parent_class)->finalize (object);
}

static void
hu_scenario_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HuScenarioEditor *self = HU_SCENARIO_EDITOR (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      g_value_set_object (value, self->result);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, hu_scenario_editor_can_undo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_scenario_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HuScenarioEditor *self = HU_SCENARIO_EDITOR (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      hu_scenario_editor_set_result (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_scenario_editor_class_init (HuScenarioEditorClass *klass)
{
  g_type_ensure (HU_TYPE_MEASURED_ESTIMATED_GROUP);

  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hu_scenario_editor_dispose;
  object_class->finalize = hu_scenario_editor_finalize;
  object_class->get_property = hu_scenario_editor_get_property;
  object_class->set_property = hu_scenario_editor_set_property;

  properties[PROP_RESULT] =
    g_param_spec_object ("result", NULL, NULL, HU_TYPE_RESULT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/hu-scenario-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, comparison_group);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, link_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, link_names);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, results_box);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, scenario_group);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, workload_group);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, hardware_group);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, location_group);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, cost_group);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, mode_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, precision_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, gpu_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, flops_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, params_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, tokens_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, gpu_hours_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, wall_hours_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, peak_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, count_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, utilization_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, power_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, retrain_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, intensity_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, pue_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, price_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, embodied_row);
  gtk_widget_class_bind_template_child (widget_class, HuScenarioEditor, lifetime_row);
}

static void
hu_scenario_editor_init (HuScenarioEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->link_runs = g_ptr_array_new ();
  g_signal_connect_object (self->link_row, "notify::selected", G_CALLBACK (on_link_selected),
                           self, G_CONNECT_SWAPPED);
  self->currency = g_strdup ("USD");
  self->price_unit = g_strdup_printf (_("%s per GPU-h"), self->currency);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) undo_entry_free);
  self->gpu_ids = gtk_string_list_new (NULL);
  self->region_ids = gtk_string_list_new (NULL);

  self->rows[HU_INPUT_FLOPS] = self->flops_row;
  self->rows[HU_INPUT_PARAMS] = self->params_row;
  self->rows[HU_INPUT_TOKENS] = self->tokens_row;
  self->rows[HU_INPUT_GPU_HOURS] = self->gpu_hours_row;
  self->rows[HU_INPUT_WALL_HOURS] = self->wall_hours_row;
  self->rows[HU_INPUT_PEAK_TFLOPS] = self->peak_row;
  self->rows[HU_INPUT_COUNT] = self->count_row;
  self->rows[HU_INPUT_UTILIZATION] = self->utilization_row;
  self->rows[HU_INPUT_POWER_W] = self->power_row;
  self->rows[HU_INPUT_RETRAIN] = self->retrain_row;
  self->rows[HU_INPUT_INTENSITY] = self->intensity_row;
  self->rows[HU_INPUT_PUE] = self->pue_row;
  self->rows[HU_INPUT_PRICE] = self->price_row;
  self->rows[HU_INPUT_EMBODIED_KG] = self->embodied_row;
  self->rows[HU_INPUT_LIFETIME_H] = self->lifetime_row;

  for (guint key = 0; key < HU_N_NUMERIC_INPUTS; key++)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      GtkWidget *unit = gtk_label_new (unit_for (self, key));

      gtk_widget_add_css_class (unit, "dim-label");
      gtk_widget_set_visible (icon, FALSE);
      gtk_widget_add_css_class (icon, "error");
      adw_entry_row_add_suffix (self->rows[key], unit);
      adw_entry_row_add_suffix (self->rows[key], icon);
      self->units[key] = GTK_LABEL (unit);
      self->error_icons[key] = GTK_IMAGE (icon);

      g_signal_connect_object (self->rows[key], "changed", G_CALLBACK (on_field_changed),
                               self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (on_field_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notes_row, "changed", G_CALLBACK (on_field_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mode_row, "notify::selected", G_CALLBACK (on_mode_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->precision_row, "notify::selected",
                           G_CALLBACK (schedule_commit), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->gpu_dropdown, "notify::selected",
                           G_CALLBACK (schedule_commit), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->region_dropdown, "notify::selected",
                           G_CALLBACK (on_region_changed), self, G_CONNECT_SWAPPED);

  setup_dropdown (self, self->gpu_dropdown, self->gpu_ids,
                  G_CALLBACK (bind_gpu_item), G_CALLBACK (gpu_search_text));
  setup_dropdown (self, self->region_dropdown, self->region_ids,
                  G_CALLBACK (bind_region_item), G_CALLBACK (region_search_text));

  for (guint i = 0; i < G_N_ELEMENTS (result_cards); i++)
    self->values[result_cards[i].column] =
      hu_widgets_append_result_card (self->results_box, _(result_cards[i].title));

  update_mode_visibility (self);
}

GtkWidget *
hu_scenario_editor_new (void)
{
  return g_object_new (HU_TYPE_SCENARIO_EDITOR, NULL);
}

void
hu_scenario_editor_set_catalog (HuScenarioEditor *self,
                                HuCatalog        *catalog)
{
  g_return_if_fail (HU_IS_SCENARIO_EDITOR (self));
  g_return_if_fail (catalog == NULL || HU_IS_CATALOG (catalog));

  if (!g_set_object (&self->catalog, catalog))
    return;

  fill_catalog_lists (self);
  load_scenario (self);
}

void
hu_scenario_editor_set_currency (HuScenarioEditor *self,
                                 const char       *currency)
{
  g_return_if_fail (HU_IS_SCENARIO_EDITOR (self));

  g_free (self->currency);
  self->currency = g_strdup (currency != NULL ? currency : "USD");
  g_free (self->price_unit);
  /* Translators: unit of a price, "USD per GPU-h" */
  self->price_unit = g_strdup_printf (_("%s per GPU-h"), self->currency);
  update_results (self);
}

/**
 * hu_scenario_editor_set_model:
 *
 * The comparison whose measured runs a scenario can be linked to.
 */
void
hu_scenario_editor_set_model (HuScenarioEditor  *self,
                              HuComparisonModel *model)
{
  g_return_if_fail (HU_IS_SCENARIO_EDITOR (self));
  g_return_if_fail (model == NULL || HU_IS_COMPARISON_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (hu_project_get_runs (hu_comparison_model_get_project (self->model)),
                                          self);
  g_set_object (&self->model, model);
  /* Imported or removed runs change the choices. */
  if (model != NULL)
    g_signal_connect_object (hu_project_get_runs (hu_comparison_model_get_project (model)),
                             "items-changed", G_CALLBACK (update_link), self, G_CONNECT_SWAPPED);
  update_link (self);
}

/**
 * hu_scenario_editor_get_link_row:
 *
 * Returns: (transfer none): the "Compare with measured run" row (for tests)
 */
AdwComboRow *
hu_scenario_editor_get_link_row (HuScenarioEditor *self)
{
  g_return_val_if_fail (HU_IS_SCENARIO_EDITOR (self), NULL);
  return self->link_row;
}

HuMeasuredEstimatedGroup *
hu_scenario_editor_get_comparison_group (HuScenarioEditor *self)
{
  g_return_val_if_fail (HU_IS_SCENARIO_EDITOR (self), NULL);
  return self->comparison_group;
}

/**
 * hu_scenario_editor_get_result:
 *
 * Returns: (transfer none) (nullable): the scenario or run being edited
 */
HuResult *
hu_scenario_editor_get_result (HuScenarioEditor *self)
{
  g_return_val_if_fail (HU_IS_SCENARIO_EDITOR (self), NULL);
  return self->result;
}

/**
 * hu_scenario_editor_set_result:
 * @result: (nullable): the result whose scenario to edit
 *
 * Pending edits of the previous scenario are committed first.
 */
void
hu_scenario_editor_set_result (HuScenarioEditor *self,
                               HuResult         *result)
{
  gboolean editable;

  g_return_if_fail (HU_IS_SCENARIO_EDITOR (self));
  g_return_if_fail (result == NULL || HU_IS_RESULT (result));

  if (self->result == result)
    return;

  hu_scenario_editor_flush (self);

  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  if (self->result != NULL)
    g_signal_handlers_disconnect_by_data (self->result, self);
  g_clear_object (&self->scenario);
  g_set_object (&self->result, result);

  if (result != NULL && hu_result_get_scenario (result) != NULL)
    {
      self->scenario = g_object_ref (hu_result_get_scenario (result));
      g_signal_connect_swapped (self->scenario, "changed",
                                G_CALLBACK (on_scenario_changed), self);
      /* Linked from elsewhere (the run view's "Plan from this run"). */
      g_signal_connect_swapped (self->scenario, "notify::run-id",
                                G_CALLBACK (update_link), self);
    }
  if (result != NULL)
    g_signal_connect_swapped (result, "changed", G_CALLBACK (update_results), self);

  editable = self->scenario != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->scenario_group), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->workload_group), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->hardware_group), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->location_group), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->cost_group), editable);

  load_scenario (self);
  update_results (self);
  update_link (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

/**
 * hu_scenario_editor_flush:
 *
 * Commits typing that is still waiting for its pause, so that saving or
 * switching scenarios never loses the last keystrokes.
 */
void
hu_scenario_editor_flush (HuScenarioEditor *self)
{
  g_return_if_fail (HU_IS_SCENARIO_EDITOR (self));

  if (self->commit_source != 0)
    commit (self);
}

gboolean
hu_scenario_editor_can_undo (HuScenarioEditor *self)
{
  g_return_val_if_fail (HU_IS_SCENARIO_EDITOR (self), FALSE);
  return self->undo->len > 0;
}

/**
 * hu_scenario_editor_undo:
 *
 * Restores the scenario edited last to what it was before that edit,
 * whichever scenario is shown now.
 */
void
hu_scenario_editor_undo (HuScenarioEditor *self)
{
  UndoEntry *entry;

  g_return_if_fail (HU_IS_SCENARIO_EDITOR (self));

  g_clear_handle_id (&self->commit_source, g_source_remove);
  if (self->undo->len == 0)
    {
      load_scenario (self);
      return;
    }

  entry = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  hu_scenario_set_name (entry->scenario, entry->name);
  hu_scenario_set_notes (entry->scenario, entry->notes);
  hu_scenario_set_inputs (entry->scenario, &entry->inputs);
  if (entry->scenario == self->scenario)
    load_scenario (self);
  undo_entry_free (entry);

  if (self->undo->len == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

void
hu_scenario_editor_clear_undo (HuScenarioEditor *self)
{
  g_return_if_fail (HU_IS_SCENARIO_EDITOR (self));

  if (self->undo->len == 0)
    return;
  g_ptr_array_set_size (self->undo, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

void
hu_scenario_editor_focus_name (HuScenarioEditor *self)
{
  g_return_if_fail (HU_IS_SCENARIO_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  gtk_editable_select_region (GTK_EDITABLE (self->name_row), 0, -1);
}

/**
 * hu_scenario_editor_get_input_row:
 *
 * Returns: (transfer none): the row editing @key (for tests)
 */
AdwEntryRow *
hu_scenario_editor_get_input_row (HuScenarioEditor *self,
                                  HuInputKey        key)
{
  g_return_val_if_fail (HU_IS_SCENARIO_EDITOR (self), NULL);
  g_return_val_if_fail (key < HU_N_NUMERIC_INPUTS, NULL);

  return self->rows[key];
}
