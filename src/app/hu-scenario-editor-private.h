/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* HuScenarioEditor is one class over several files, in layers: each file
 * calls only the files below it, never up.
 *
 *   hu-scenario-editor.c             the class: the form's life, loading and
 *                                    committing a scenario, the public API
 *   hu-scenario-editor-ranges.c      a field's "±" range rows and parsing
 *   hu-scenario-editor-results.c     what the form shows back: the result
 *                                    cards, the defaults beside empty fields,
 *                                    the measured run it is compared with
 *   hu-scenario-editor-layout.c      the results beside the form when wide
 *   hu-scenario-editor-fields.c      what every part knows of a field: its
 *                                    workload, unit, format and error
 *   hu-scenario-editor-deployment.c  the deployment group's fields
 *
 * Where a lower part must tell the form something (a range row edited), the
 * form hands it a callback, as it does the deployment group. */

#include "hu-catalog-drop-down.h"
#include "hu-scenario-editor.h"

G_BEGIN_DECLS

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
  guint                 commit_source;
  gboolean              loading;
  gboolean              committing;
  /* Set by hu-scenario-editor.c: the range rows hand an edited field to
   * the form this way, which checks it and commits after the pause. */
  void                (*field_edited) (HuScenarioEditor *self,
                                       HuInputKey        key);

  AdwEntryRow          *rows[HU_N_NUMERIC_INPUTS];
  GtkLabel             *units[HU_N_NUMERIC_INPUTS];
  GtkImage             *error_icons[HU_N_NUMERIC_INPUTS];
  char                 *errors[HU_N_NUMERIC_INPUTS];
  /* "±" per field and the low / likely / high rows it reveals, made the
   * first time it is on (hu-scenario-editor-ranges.c) */
  GtkToggleButton      *range_toggles[HU_N_NUMERIC_INPUTS];
  AdwEntryRow          *range_rows[HU_N_NUMERIC_INPUTS][HU_N_RANGE_PARTS];
  GtkLabel             *range_units[HU_N_NUMERIC_INPUTS][HU_N_RANGE_PARTS];
  /* The exact values the form last wrote into those rows, rounded for
   * the eye: a row still showing its text is read as this value. */
  HuRange               range_shown[HU_N_NUMERIC_INPUTS];
  /* The exact value "±" turned off left in the field, likewise. */
  double                field_shown[HU_N_NUMERIC_INPUTS];
  gboolean              syncing_range;
  GtkLabel             *values[HU_N_COLUMNS];   /* result_cards' value labels */
  GtkLabel             *lifecycle_value;        /* shown with a deployment phase */
  GtkLabel             *breakeven_value;

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
  AdwActionRow         *model_row;
  AdwActionRow         *gpu_row;
  AdwActionRow         *region_row;
  AdwEntryRow          *name_row;
  AdwEntryRow          *notes_row;
  AdwComboRow          *mode_row;
  AdwComboRow          *precision_row;
  HuCatalogDropDown    *gpu_dropdown;
  HuCatalogDropDown    *region_dropdown;
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

  /* The deployment group (hu-scenario-editor-deployment.c) */
  AdwPreferencesGroup  *deployment_group;
  AdwComboRow          *serve_model_row;
  AdwComboRow          *traffic_row;
  AdwActionRow         *serve_gpu_row;
  AdwActionRow         *serve_region_row;
  HuCatalogDropDown    *serve_gpu_dropdown;
  HuCatalogDropDown    *serve_region_dropdown;
  AdwEntryRow          *requests_row;
  AdwEntryRow          *requests_per_day_row;
  AdwEntryRow          *days_row;
  AdwEntryRow          *wh_per_request_row;
  AdwEntryRow          *tokens_per_request_row;
  AdwEntryRow          *active_params_row;
  AdwEntryRow          *serve_count_row;
  AdwEntryRow          *serve_utilization_row;
  AdwEntryRow          *serve_power_row;
  AdwEntryRow          *serve_intensity_row;
  AdwEntryRow          *serve_pue_row;
  AdwEntryRow          *serve_embodied_row;
  AdwEntryRow          *serve_lifetime_row;
};

/* hu-scenario-editor-fields.c */
HuWorkload  _hu_scenario_editor_selected_mode      (HuScenarioEditor *self);
void        _hu_scenario_editor_select_mode        (HuScenarioEditor *self,
                                                    HuWorkload        mode);
gboolean    _hu_scenario_editor_key_in_mode        (HuScenarioEditor *self,
                                                    HuInputKey        key,
                                                    HuWorkload        mode);
gboolean    _hu_scenario_editor_text_shows         (HuInputKey        key,
                                                    const char       *text,
                                                    double            value);
const char *_hu_scenario_editor_unit_for           (HuScenarioEditor *self,
                                                    HuInputKey        key);
void        _hu_scenario_editor_set_field_error    (HuScenarioEditor *self,
                                                    HuInputKey        key,
                                                    const char       *message);
void        _hu_scenario_editor_update_status      (HuScenarioEditor *self);

/* hu-scenario-editor-results.c */
void        _hu_scenario_editor_add_result_cards   (HuScenarioEditor *self);
void        _hu_scenario_editor_update_results     (HuScenarioEditor *self);
void        _hu_scenario_editor_update_link        (HuScenarioEditor *self);
void        _hu_scenario_editor_on_link_selected   (HuScenarioEditor *self);


/* hu-scenario-editor-deployment.c */
void        _hu_scenario_editor_bind_deployment    (GtkWidgetClass   *widget_class);
void        _hu_scenario_editor_init_deployment    (HuScenarioEditor *self,
                                                    GCallback         changed);
gboolean    _hu_scenario_editor_serving_key_active (HuScenarioEditor *self,
                                                    HuInputKey        key);
gboolean    _hu_scenario_editor_is_percent         (HuInputKey        key);
void        _hu_scenario_editor_load_deployment    (HuScenarioEditor *self,
                                                    const HuInputs   *inputs);
void        _hu_scenario_editor_commit_deployment  (HuScenarioEditor *self,
                                                    HuInputs         *inputs);
void        _hu_scenario_editor_update_deployment  (HuScenarioEditor *self);

/* hu-scenario-editor-layout.c: the results beside the form when wide */
void        _hu_scenario_editor_bind_layout        (GtkWidgetClass   *widget_class);
void        _hu_scenario_editor_init_layout        (HuScenarioEditor *self);
void        _hu_scenario_editor_layout_set_model   (HuScenarioEditor *self,
                                                    HuComparisonModel *model);

/* hu-scenario-editor-ranges.c */
gboolean    _hu_scenario_editor_parse_field        (HuScenarioEditor *self,
                                                    HuInputKey        key,
                                                    double           *out,
                                                    HuRange          *range,
                                                    char            **message);

char       *_hu_scenario_editor_format_range       (HuInputKey        key,
                                                    const HuRange    *range);
void        _hu_scenario_editor_add_range_button   (HuScenarioEditor *self,
                                                    HuInputKey        key);
gboolean    _hu_scenario_editor_range_active       (HuScenarioEditor *self,
                                                    HuInputKey        key);
void        _hu_scenario_editor_load_range         (HuScenarioEditor *self,
                                                    HuInputKey        key,
                                                    const HuRange    *range);

G_END_DECLS
