/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuContextView"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "hu-chart-view.h"
#include "hu-context-view.h"

/* The Context page (issue 13): the project's scenarios among published
 * training runs — the core's context chart, what the focused point is,
 * and the models nearest each scenario. It follows the comparison: any
 * change of a scenario redraws it, once per main-loop turn, while the
 * page is shown. While another page is, a change only marks it out of
 * date and it is rebuilt once when shown again: rebuilding a page nobody
 * saw was 3.1 % of the time spent adding 1,000 runs (bench/app). */
struct _HuContextView
{
  AdwBin             parent_instance;

  HuComparisonModel *model;
  guint              rebuild_source;
  gboolean           out_of_date;  /* changed while not shown */
  guint              n_rebuilds;   /* for tests: rebuilds done */
  /* Rows of nearest_list, removed before each rebuild. */
  GPtrArray         *rows;

  GtkToggleButton   *all_button;
  HuChartView       *chart_view;
  GtkLabel          *focus_label;
  AdwPreferencesGroup *nearest_group;
  GtkListBox        *nearest_list;
};

G_DEFINE_FINAL_TYPE (HuContextView, hu_context_view, ADW_TYPE_BIN)

/* The "Since 2010" view: the deep-learning era, where nine in ten of
 * the data's models are. */
#define RECENT_FROM 2010.0

static const char *
hint (void)
{
  return _("Point at a dot to see which model it is, or focus the chart and use the arrow keys.");
}

static void
on_focused_label (HuContextView *self)
{
  const char *label = hu_chart_view_get_focused_label (self->chart_view);
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;

  if (label == NULL)
    {
      gtk_label_set_text (self->focus_label, hint ());
      return;
    }
  lines = g_strsplit (label, "\n", -1);
  text = g_strjoinv (" · ", lines);
  gtk_label_set_text (self->focus_label, text);
}

static GtkWidget *
nearest_row (HuKnownModel *model,
             double        flops)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *ratio_label;
  g_autofree char *compute = hu_format_scientific (model->flops);
  g_autofree char *ratio = hu_format_number (flops / model->flops, 2);
  g_autofree char *subtitle = NULL;
  g_autofree char *suffix = NULL;

  /* Translators: a known model's organisation · date · compute */
  subtitle = g_strdup_printf (_("%s · %s · %s FLOP"),
                              model->organization != NULL ? model->organization : "—",
                              model->date, compute);
  /* Translators: how many times the model's compute the scenario's is, "2.7 ×" */
  suffix = g_strdup_printf (_("%s ×"), ratio);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), model->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  ratio_label = gtk_label_new (suffix);
  gtk_widget_add_css_class (ratio_label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), ratio_label);
  return row;
}

static GtkWidget *
scenario_row (const HuContextScenario *scenario,
              GPtrArray               *models,
              gboolean                 expanded)
{
  g_autofree char *compute = NULL;
  g_autoptr(GPtrArray) near = NULL;
  GtkWidget *row;

  if (!isfinite (scenario->flops) || scenario->flops <= 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), scenario->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Planned in accelerator-hours: no training compute to "
                                     "compare"));
      return row;
    }

  row = adw_expander_row_new ();
  compute = hu_format_scientific (scenario->flops);
  {
    /* Translators: a scenario's training compute */
    g_autofree char *subtitle = g_strdup_printf (_("%s FLOP"), compute);

    adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), scenario->name);
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  }
  near = hu_known_models_nearest (models, scenario->flops, 3);
  for (guint i = 0; i < near->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), nearest_row (near->pdata[i],
                                                                   scenario->flops));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), expanded);
  return row;
}

static void
rebuild (HuContextView *self)
{
  g_autoptr(GArray) scenarios = g_array_new (FALSE, TRUE, sizeof (HuContextScenario));
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(HuChart) chart = NULL;
  HuCatalog *catalog;
  guint n;

  self->out_of_date = FALSE;
  self->n_rebuilds++;
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->nearest_list, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);

  if (self->model == NULL)
    {
      hu_chart_view_set_chart (self->chart_view, NULL);
      return;
    }

  catalog = hu_project_get_catalog (hu_comparison_model_get_project (self->model));
  models = hu_catalog_list_models (catalog);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HuResult) result = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      HuScenario *scenario = hu_result_get_scenario (result);
      const HuEstimate *estimate = hu_result_get_estimate (result);
      HuContextScenario s = { 0 };

      if (scenario == NULL)
        continue;
      s.name = hu_result_get_name (result);
      s.flops = estimate != NULL ? estimate->flops : NAN;
      s.year = hu_scenario_get_context_year (scenario, catalog);
      g_array_append_val (scenarios, s);
    }

  chart = hu_chart_new_context_since (models, (HuContextScenario *) scenarios->data,
                                      scenarios->len, hu_decimal_year_now (),
                                      gtk_toggle_button_get_active (self->all_button)
                                      ? NAN : RECENT_FROM);
  hu_chart_view_set_chart (self->chart_view, chart);

  for (guint i = 0; i < scenarios->len; i++)
    {
      GtkWidget *row = scenario_row (&g_array_index (scenarios, HuContextScenario, i), models,
                                     scenarios->len <= 2);

      gtk_list_box_append (self->nearest_list, row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->nearest_group), scenarios->len > 0);
}

static gboolean
rebuild_idle (gpointer data)
{
  HuContextView *self = data;

  self->rebuild_source = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->out_of_date = TRUE;
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild_at (HuContextView *self,
                  int            priority)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->out_of_date = TRUE;
      return;
    }
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (priority, rebuild_idle, self, NULL);
}

static void
queue_rebuild (HuContextView *self)
{
  queue_rebuild_at (self, G_PRIORITY_DEFAULT_IDLE);
}

/* The page is shown (its view switcher's page chosen, or the window
 * shown on it): a change made meanwhile is drawn now, before the next
 * frame (GTK paints at a lower priority than this idle). Not in map
 * itself, which must not change the widgets below it. */
static void
hu_context_view_map (GtkWidget *widget)
{
  HuContextView *self = HU_CONTEXT_VIEW (widget);

  GTK_WIDGET_CLASS (hu_context_view_parent_class)->map (widget);
  if (self->out_of_date)
    queue_rebuild_at (self, G_PRIORITY_HIGH_IDLE);
}

static void
hu_context_view_dispose (GObject *object)
{
  HuContextView *self = HU_CONTEXT_VIEW (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), HU_TYPE_CONTEXT_VIEW);

  G_OBJECT_CLASS (hu_context_view_parent_class)->dispose (object);
}

static void
hu_context_view_finalize (GObject *object)
{
  HuContextView *self = HU_CONTEXT_VIEW (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (hu_context_view_parent_class)->finalize (object);
}

static void
hu_context_view_class_init (HuContextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hu_context_view_dispose;
  object_class->finalize = hu_context_view_finalize;
  widget_class->map = hu_context_view_map;

  g_type_ensure (HU_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/hu-context-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HuContextView, all_button);
  gtk_widget_class_bind_template_child (widget_class, HuContextView, chart_view);
  gtk_widget_class_bind_template_child (widget_class, HuContextView, focus_label);
  gtk_widget_class_bind_template_child (widget_class, HuContextView, nearest_group);
  gtk_widget_class_bind_template_child (widget_class, HuContextView, nearest_list);
}

static void
hu_context_view_init (HuContextView *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->chart_view, "notify::focused-label",
                           G_CALLBACK (on_focused_label), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->all_button, "notify::active", G_CALLBACK (queue_rebuild), self,
                           G_CONNECT_SWAPPED);
  on_focused_label (self);
}

GtkWidget *
hu_context_view_new (void)
{
  return g_object_new (HU_TYPE_CONTEXT_VIEW, NULL);
}

/**
 * hu_context_view_set_model:
 * @model: (nullable): the comparison whose scenarios to place
 */
void
hu_context_view_set_model (HuContextView     *self,
                           HuComparisonModel *model)
{
  g_return_if_fail (HU_IS_CONTEXT_VIEW (self));
  g_return_if_fail (model == NULL || HU_IS_COMPARISON_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    {
      g_signal_connect_object (model, "items-changed", G_CALLBACK (queue_rebuild), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "changed", G_CALLBACK (queue_rebuild), self,
                               G_CONNECT_SWAPPED);
    }
  queue_rebuild (self);
}

/**
 * hu_context_view_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart shown, for tests
 */
HuChart *
hu_context_view_get_chart (HuContextView *self)
{
  g_return_val_if_fail (HU_IS_CONTEXT_VIEW (self), NULL);
  return hu_chart_view_get_chart (self->chart_view);
}

/**
 * hu_context_view_get_n_rebuilds:
 *
 * Returns: how many times the page was built, for tests that hold it
 *   to being rebuilt only when shown
 */
guint
hu_context_view_get_n_rebuilds (HuContextView *self)
{
  g_return_val_if_fail (HU_IS_CONTEXT_VIEW (self), 0);
  return self->n_rebuilds;
}
