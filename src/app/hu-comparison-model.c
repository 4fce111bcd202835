/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuComparisonModel"

#include "config.h"

#include <string.h>

#include "hu-comparison-model.h"

/* The comparison: one HuResult per scenario, then one per measured run,
 * in the project's order. The table sorts on top of this model and the
 * charts read it, so everything shows the same numbers. */
struct _HuComparisonModel
{
  GObject       parent_instance;

  HuProject    *project;
  GPtrArray    *results;        /* HuResult: the scenarios, then the runs */
  guint         n_scenarios;    /* how many of results are scenarios */
  GHashTable   *by_source;      /* HuScenario or HuMeasuredRun → its HuResult */
  GHashTable   *removed;        /* the same, for results just removed */
  guint         removed_idle;
  HuResult     *baseline;       /* one of results, or NULL */

  char         *equivalence_set;
  HuEnergyUnit  energy_unit;
  HuMassUnit    mass_unit;
  gboolean      default_ranges;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HuComparisonModel, hu_comparison_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_BASELINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
hu_comparison_model_get_item_type (GListModel *model)
{
  return HU_TYPE_RESULT;
}

static guint
hu_comparison_model_get_n_items (GListModel *model)
{
  return HU_COMPARISON_MODEL (model)->results->len;
}

static gpointer
hu_comparison_model_get_item (GListModel *model,
                              guint       position)
{
  HuComparisonModel *self = HU_COMPARISON_MODEL (model);

  if (position >= self->results->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->results, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = hu_comparison_model_get_item_type;
  iface->get_n_items = hu_comparison_model_get_n_items;
  iface->get_item = hu_comparison_model_get_item;
}

static void
apply_display (HuComparisonModel *self,
               HuResult          *result)
{
  HuCatalog *catalog = hu_project_get_catalog (self->project);
  const HuEquivalenceSet *set = NULL;

  if (self->equivalence_set != NULL)
    set = hu_catalog_lookup_equivalence_set (catalog, self->equivalence_set);
  hu_result_set_display (result, set, hu_project_get_currency (self->project),
                         self->energy_unit, self->mass_unit);
  hu_result_set_default_ranges (result, self->default_ranges);
}

/* When the baseline changes, every other row's "± %" changes with it. */
static void
on_result_changed (HuComparisonModel *self,
                   HuResult          *result)
{
  g_signal_emit (self, signals[CHANGED], 0, result);

  if (result != self->baseline)
    return;

  for (guint i = 0; i < self->results->len; i++)
    {
      HuResult *other = g_ptr_array_index (self->results, i);

      if (other != result)
        hu_result_baseline_changed (other);
    }
}

static gboolean
forget_removed (gpointer data)
{
  HuComparisonModel *self = data;

  self->removed_idle = 0;
  g_hash_table_remove_all (self->removed);
  return G_SOURCE_REMOVE;
}

/* A scenario moved up or down, or put back by Undo, is removed and
 * inserted again in one main-loop turn: it keeps its result, so whoever
 * holds that result (the selection, the editor) still holds the row. */
static HuResult *
result_for (HuComparisonModel *self,
            GObject           *source)
{
  HuResult *result = g_hash_table_lookup (self->removed, source);

  if (result != NULL)
    {
      g_object_ref (result);
      g_hash_table_remove (self->removed, source);
      return result;
    }

  if (HU_IS_SCENARIO (source))
    result = hu_result_new_for_scenario (HU_SCENARIO (source),
                                         hu_project_get_catalog (self->project));
  else
    result = hu_result_new_for_run (HU_MEASURED_RUN (source));
  g_signal_connect_object (result, "changed", G_CALLBACK (on_result_changed),
                           self, G_CONNECT_SWAPPED);
  apply_display (self, result);
  hu_result_set_baseline (result, self->baseline);
  return result;
}

/* Mirrors a change of one of the project's lists as one change of the
 * comparison at the same place: its cost follows what changed, not the
 * size of the project, and adding a thousand runs at once is one
 * ::items-changed. */
static void
splice (HuComparisonModel *self,
        GListModel        *list,
        guint              offset,
        guint              position,
        guint              removed,
        guint              added)
{
  guint at = offset + position;
  guint old_len;
  gboolean baseline_gone = FALSE;

  for (guint i = 0; i < removed; i++)
    {
      HuResult *result = g_ptr_array_index (self->results, at + i);
      gpointer source = hu_result_get_scenario (result) != NULL
                        ? (gpointer) hu_result_get_scenario (result)
                        : (gpointer) hu_result_get_run (result);

      if (result == self->baseline)
        baseline_gone = TRUE;
      g_hash_table_remove (self->by_source, source);
      g_hash_table_insert (self->removed, source, g_object_ref (result));
    }
  g_ptr_array_remove_range (self->results, at, removed);

  /* Open a gap of @added slots at @at in one move, then fill it. */
  old_len = self->results->len;
  g_ptr_array_set_size (self->results, old_len + added);
  memmove (self->results->pdata + at + added, self->results->pdata + at,
           (old_len - at) * sizeof (gpointer));
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GObject) source = g_list_model_get_item (list, position + i);
      HuResult *result = result_for (self, source);

      g_hash_table_insert (self->by_source, source, result);
      self->results->pdata[at + i] = result;
    }

  if (removed > 0 && self->removed_idle == 0)
    self->removed_idle = g_idle_add (forget_removed, self);

  if (baseline_gone || (self->baseline == NULL && self->results->len > 0))
    {
      self->baseline = self->results->len > 0 ? g_ptr_array_index (self->results, 0) : NULL;
      for (guint i = 0; i < self->results->len; i++)
        hu_result_set_baseline (g_ptr_array_index (self->results, i), self->baseline);
      g_list_model_items_changed (G_LIST_MODEL (self), at, removed, added);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE]);
      return;
    }
  g_list_model_items_changed (G_LIST_MODEL (self), at, removed, added);
}

static void
on_scenarios_changed (HuComparisonModel *self,
                      guint              position,
                      guint              removed,
                      guint              added,
                      GListModel        *scenarios)
{
  self->n_scenarios = self->n_scenarios - removed + added;
  splice (self, scenarios, 0, position, removed, added);
}

static void
on_runs_changed (HuComparisonModel *self,
                 guint              position,
                 guint              removed,
                 guint              added,
                 GListModel        *runs)
{
  splice (self, runs, self->n_scenarios, position, removed, added);
}

static void
hu_comparison_model_dispose (GObject *object)
{
  HuComparisonModel *self = HU_COMPARISON_MODEL (object);

  self->baseline = NULL;
  g_clear_handle_id (&self->removed_idle, g_source_remove);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->by_source, g_hash_table_unref);
  g_clear_pointer (&self->removed, g_hash_table_unref);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (hu_comparison_model_parent_class)->dispose (object);
}

static void
hu_comparison_model_finalize (GObject *object)
{
  HuComparisonModel *self = HU_COMPARISON_MODEL (object);

  g_free (self->equivalence_set);

  G_OBJECT_CLASS (hu_comparison_model_parent_class)->finalize (object);
}

static void
hu_comparison_model_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HuComparisonModel *self = HU_COMPARISON_MODEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_BASELINE:
      g_value_set_object (value, self->baseline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_comparison_model_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HuComparisonModel *self = HU_COMPARISON_MODEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    case PROP_BASELINE:
      hu_comparison_model_set_baseline (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_comparison_model_constructed (GObject *object)
{
  HuComparisonModel *self = HU_COMPARISON_MODEL (object);

  G_OBJECT_CLASS (hu_comparison_model_parent_class)->constructed (object);

  g_return_if_fail (self->project != NULL);

  g_signal_connect_object (hu_project_get_scenarios (self->project), "items-changed",
                           G_CALLBACK (on_scenarios_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (hu_project_get_runs (self->project), "items-changed",
                           G_CALLBACK (on_runs_changed), self, G_CONNECT_SWAPPED);
  on_scenarios_changed (self, 0, 0,
                        g_list_model_get_n_items (G_LIST_MODEL (hu_project_get_scenarios (self->project))),
                        G_LIST_MODEL (hu_project_get_scenarios (self->project)));
  on_runs_changed (self, 0, 0,
                   g_list_model_get_n_items (G_LIST_MODEL (hu_project_get_runs (self->project))),
                   G_LIST_MODEL (hu_project_get_runs (self->project)));
}

static void
hu_comparison_model_class_init (HuComparisonModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = hu_comparison_model_constructed;
  object_class->dispose = hu_comparison_model_dispose;
  object_class->finalize = hu_comparison_model_finalize;
  object_class->get_property = hu_comparison_model_get_property;
  object_class->set_property = hu_comparison_model_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, HU_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASELINE] =
    g_param_spec_object ("baseline", NULL, NULL, HU_TYPE_RESULT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Any result recomputed: one place to listen for "the numbers moved"
   * (autosave, charts) without following every result. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, HU_TYPE_RESULT);
}

static void
hu_comparison_model_init (HuComparisonModel *self)
{
  self->equivalence_set = g_strdup ("epa-current");
  self->results = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_source = g_hash_table_new (NULL, NULL);
  self->removed = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

HuComparisonModel *
hu_comparison_model_new (HuProject *project)
{
  g_return_val_if_fail (HU_IS_PROJECT (project), NULL);

  return g_object_new (HU_TYPE_COMPARISON_MODEL, "project", project, NULL);
}

HuProject *
hu_comparison_model_get_project (HuComparisonModel *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON_MODEL (self), NULL);
  return self->project;
}

HuResult *
hu_comparison_model_get_baseline (HuComparisonModel *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON_MODEL (self), NULL);
  return self->baseline;
}

void
hu_comparison_model_set_baseline (HuComparisonModel *self,
                                  HuResult          *baseline)
{
  g_return_if_fail (HU_IS_COMPARISON_MODEL (self));
  g_return_if_fail (baseline == NULL || HU_IS_RESULT (baseline));

  if (self->baseline == baseline)
    return;
  if (baseline != NULL && !g_ptr_array_find (self->results, baseline, NULL))
    return;

  self->baseline = baseline;
  for (guint i = 0; i < self->results->len; i++)
    hu_result_set_baseline (g_ptr_array_index (self->results, i), baseline);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE]);
}

/**
 * hu_comparison_model_find_scenario:
 *
 * Returns: (transfer none) (nullable): the result of @scenario
 */
HuResult *
hu_comparison_model_find_scenario (HuComparisonModel *self,
                                   HuScenario        *scenario)
{
  g_return_val_if_fail (HU_IS_COMPARISON_MODEL (self), NULL);
  return g_hash_table_lookup (self->by_source, scenario);
}

/**
 * hu_comparison_model_find_source:
 * @source: a #HuScenario or #HuMeasuredRun of the project
 *
 * Returns: (transfer none) (nullable): the result of @source
 */
HuResult *
hu_comparison_model_find_source (HuComparisonModel *self,
                                 gpointer           source)
{
  g_return_val_if_fail (HU_IS_COMPARISON_MODEL (self), NULL);
  return g_hash_table_lookup (self->by_source, source);
}

/**
 * hu_comparison_model_get_position:
 *
 * Returns: where @result is in the model, or %G_MAXUINT
 */
guint
hu_comparison_model_get_position (HuComparisonModel *self,
                                  HuResult          *result)
{
  guint position;

  g_return_val_if_fail (HU_IS_COMPARISON_MODEL (self), G_MAXUINT);

  if (result == NULL || !g_ptr_array_find (self->results, result, &position))
    return G_MAXUINT;
  return position;
}

/**
 * hu_comparison_model_set_default_ranges:
 *
 * "Include the typical uncertainty of defaults": every row's intervals
 * count the typical ranges of the inputs it leaves to defaults.
 */
void
hu_comparison_model_set_default_ranges (HuComparisonModel *self,
                                        gboolean           default_ranges)
{
  g_return_if_fail (HU_IS_COMPARISON_MODEL (self));

  self->default_ranges = !!default_ranges;
  for (guint i = 0; i < self->results->len; i++)
    hu_result_set_default_ranges (g_ptr_array_index (self->results, i), self->default_ranges);
}

void
hu_comparison_model_set_display (HuComparisonModel *self,
                                 const char        *equivalence_set,
                                 HuEnergyUnit       energy_unit,
                                 HuMassUnit         mass_unit)
{
  g_return_if_fail (HU_IS_COMPARISON_MODEL (self));

  g_free (self->equivalence_set);
  self->equivalence_set = g_strdup (equivalence_set);
  self->energy_unit = energy_unit;
  self->mass_unit = mass_unit;

  for (guint i = 0; i < self->results->len; i++)
    apply_display (self, g_ptr_array_index (self->results, i));
}
