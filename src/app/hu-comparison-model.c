/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuComparisonModel"

#include "config.h"

#include <string.h>

#include "hu-comparison-model.h"

/* The comparison as the app shows it: one HuResult per row of the core's
 * HuComparison (issue 8), in its order (the scenarios, then the runs).
 * The core estimates, once per edit, and keeps the baseline; this model
 * only adds presentation. The table sorts on top of it, the sidebar,
 * charts and views read it, so everything shows the core's numbers.
 *
 * A row computed again is not a change of the list: its result says
 * ::changed and the widgets showing it update in place, so an edit
 * rebuilds no list row. */
struct _HuComparisonModel
{
  GObject       parent_instance;

  HuComparison *comparison;     /* the core's, which holds the project */
  /* HuResult: the presentation of the comparison's row at the same
   * position. Lookups go through the core (its item → row hash, the
   * row's position), so the model keeps no index of its own. */
  GPtrArray    *results;
  guint         n_list_changes; /* ::items-changed emitted, for tests */
  GHashTable   *removed;        /* HuScenario or HuMeasuredRun → its result, just removed */
  guint         removed_idle;
  HuResult     *baseline;       /* the result of the core's baseline row, or NULL */

  char         *equivalence_set;
  HuEnergyUnit  energy_unit;
  HuMassUnit    mass_unit;
  /* Set while the column scales are given out, or rows updated in a
   * batch: the ::changed this causes asks for no new scales. */
  guint         rescale_frozen;
};

static void list_model_iface_init (GListModelInterface *iface);
static void rescale (HuComparisonModel *self);

G_DEFINE_FINAL_TYPE_WITH_CODE (HuComparisonModel, hu_comparison_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
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
  HuProject *project = hu_comparison_get_project (self->comparison);
  HuCatalog *catalog = hu_project_get_catalog (project);
  const HuEquivalenceSet *set = NULL;

  if (self->equivalence_set != NULL)
    set = hu_catalog_lookup_equivalence_set (catalog, self->equivalence_set);
  hu_result_set_display (result, set, self->energy_unit, self->mass_unit);
}

/* Every row's text changed (a new baseline, the defaults' ranges): each
 * result says so once, and the columns are measured again once. */
static void
refresh_all (HuComparisonModel *self,
             HuResult          *except)
{
  self->rescale_frozen++;
  for (guint i = 0; i < self->results->len; i++)
    if (g_ptr_array_index (self->results, i) != except)
      hu_result_refresh (g_ptr_array_index (self->results, i));
  self->rescale_frozen--;
  rescale (self);
}

/* Each numeric column shows every row in one unit with one number of
 * decimals (issue 10 item 13): never "86 MWh" above "44.18 MWh", nor
 * "0 kWh" above "0.57 Wh". Computed over the rows' values, so a row
 * that changes costs N values, and only rows whose scale moved are
 * told. A column the user fixed a unit for (kWh, t) keeps it, with
 * the decimals its rows need in it. */
static void
rescale (HuComparisonModel *self)
{
  static const struct { HuColumn column; HuUnitKind kind; } columns[] = {
    { HU_COLUMN_GPU_HOURS, HU_UNIT_GPU_HOURS },
    { HU_COLUMN_WALL_HOURS, HU_UNIT_HOURS },
    { HU_COLUMN_ENERGY, HU_UNIT_ENERGY_KWH },
    { HU_COLUMN_CO2, HU_UNIT_MASS_KG },
    { HU_COLUMN_LIFECYCLE, HU_UNIT_MASS_KG },
    { HU_COLUMN_COST, HU_UNIT_CURRENCY },
  };
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree gboolean *changed = g_new0 (gboolean, self->results->len);

  if (self->rescale_frozen > 0 || self->comparison == NULL)
    return;

  for (gsize c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      HuUnitScale scale;
      const char *fixed = NULL;

      if (columns[c].column == HU_COLUMN_ENERGY)
        fixed = hu_energy_unit_symbol (self->energy_unit);
      else if (columns[c].kind == HU_UNIT_MASS_KG)
        fixed = hu_mass_unit_symbol (self->mass_unit);

      g_array_set_size (values, 0);
      for (guint i = 0; i < self->results->len; i++)
        hu_result_collect_column_values (g_ptr_array_index (self->results, i),
                                         columns[c].column, values);
      hu_unit_scale_init (&scale, columns[c].kind, (const double *) values->data, values->len,
                          hu_project_get_currency (hu_comparison_get_project (self->comparison)),
                          0);
      if (fixed != NULL)
        hu_unit_scale_init_fixed (&scale, columns[c].kind, fixed,
                                  (const double *) values->data, values->len, 0);
      for (guint i = 0; i < self->results->len; i++)
        changed[i] |= hu_result_set_column_scale (g_ptr_array_index (self->results, i),
                                                  columns[c].column, &scale);
    }

  self->rescale_frozen++;
  for (guint i = 0; i < self->results->len; i++)
    if (changed[i])
      hu_result_refresh (g_ptr_array_index (self->results, i));
  self->rescale_frozen--;
}

static void
on_result_changed (HuComparisonModel *self,
                   HuResult          *result)
{
  g_signal_emit (self, signals[CHANGED], 0, result);
  rescale (self);
}

static void
on_default_ranges_changed (HuComparisonModel *self)
{
  refresh_all (self, NULL);
}

static gboolean
forget_removed (gpointer data)
{
  HuComparisonModel *self = data;

  self->removed_idle = 0;
  g_hash_table_remove_all (self->removed);
  return G_SOURCE_REMOVE;
}

static gpointer
row_source (HuComparisonRow *row)
{
  HuScenario *scenario = hu_comparison_row_get_scenario (row);

  return scenario != NULL ? (gpointer) scenario : (gpointer) hu_comparison_row_get_run (row);
}

/* A scenario moved up or down, or put back by Undo, is removed and
 * inserted again in one main-loop turn: it gets a new core row but keeps
 * its result, so whoever holds that result (the selection, the editor)
 * still holds the row. */
static HuResult *
result_for (HuComparisonModel *self,
            HuComparisonRow   *row)
{
  gpointer source = row_source (row);
  HuResult *result = g_hash_table_lookup (self->removed, source);

  if (result != NULL)
    {
      g_object_ref (result);
      g_hash_table_remove (self->removed, source);
      hu_result_set_row (result, row);
      return result;
    }

  /* Set up before anyone listens: a new row arrives in ::items-changed,
   * not as a ::changed of its own. */
  result = hu_result_new_for_row (self->comparison, row);
  apply_display (self, result);
  hu_result_refresh (result);
  g_signal_connect_object (result, "changed", G_CALLBACK (on_result_changed),
                           self, G_CONNECT_SWAPPED);
  return result;
}

/* The result at the core row's position: the core finds it in constant
 * time. NULL while the list has not caught up with the core. */
static HuResult *
result_of_row (HuComparisonModel *self,
               HuComparisonRow   *row)
{
  guint position;

  if (row == NULL || !hu_comparison_get_position (self->comparison, row, &position) ||
      position >= self->results->len)
    return NULL;
  return g_ptr_array_index (self->results, position);
}

static guint
result_position (HuComparisonModel *self,
                 HuResult          *result)
{
  guint position;

  if (result == NULL ||
      !hu_comparison_get_position (self->comparison, hu_result_get_row (result), &position) ||
      position >= self->results->len || g_ptr_array_index (self->results, position) != result)
    return G_MAXUINT;
  return position;
}

/* Rows at [position, position + n) computed again in place, the same
 * row objects: each result updates itself; the list does not change. */
static gboolean
update_in_place (HuComparisonModel *self,
                 guint              position,
                 guint              n)
{
  for (guint i = position; i < position + n; i++)
    if (i >= self->results->len ||
        hu_result_get_row (g_ptr_array_index (self->results, i)) !=
        hu_comparison_get_row (self->comparison, i))
      return FALSE;
  self->rescale_frozen++;
  for (guint i = position; i < position + n; i++)
    hu_result_refresh (g_ptr_array_index (self->results, i));
  self->rescale_frozen--;
  /* When the baseline's numbers change, every other row's "± %" and
   * chance of emitting less change with them; the core draws the ranges
   * again only for the rows that are shown. */
  if (self->baseline != NULL && result_position (self, self->baseline) - position < n)
    refresh_all (self, self->baseline);
  else
    rescale (self);
  return TRUE;
}

/* Mirrors a change of the comparison's rows as one change of this list
 * at the same place: its cost follows what changed, not the size of the
 * project, and adding a thousand runs at once is one ::items-changed. */
static void
on_rows_changed (HuComparisonModel *self,
                 guint              position,
                 guint              removed,
                 guint              added)
{
  guint old_len;

  if (removed == added && update_in_place (self, position, added))
    return;

  for (guint i = 0; i < removed; i++)
    {
      HuResult *result = g_ptr_array_index (self->results, position + i);

      g_hash_table_insert (self->removed, row_source (hu_result_get_row (result)),
                           g_object_ref (result));
    }
  g_ptr_array_remove_range (self->results, position, removed);

  /* Open a gap of @added slots at @position in one move, then fill it. */
  old_len = self->results->len;
  g_ptr_array_set_size (self->results, old_len + added);
  memmove (self->results->pdata + position + added, self->results->pdata + position,
           (old_len - position) * sizeof (gpointer));
  for (guint i = 0; i < added; i++)
    {
      HuComparisonRow *row = hu_comparison_get_row (self->comparison, position + i);

      self->results->pdata[position + i] = result_for (self, row);
    }

  if (removed > 0 && self->removed_idle == 0)
    self->removed_idle = g_idle_add (forget_removed, self);

  /* The new rows take the columns' units before anyone shows them. */
  rescale (self);
  self->n_list_changes++;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}


/* The core chose a new baseline (asked for, or the old one left the
 * project): one notification for the list; each row's text compares
 * with it from now on. */
static void
on_baseline_changed (HuComparisonModel *self)
{
  HuResult *baseline = result_of_row (self, hu_comparison_get_baseline (self->comparison));

  if (baseline == self->baseline)
    return;
  self->baseline = baseline;
  refresh_all (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE]);
}

static void
hu_comparison_model_dispose (GObject *object)
{
  HuComparisonModel *self = HU_COMPARISON_MODEL (object);

  self->baseline = NULL;
  if (self->comparison != NULL)
    g_signal_handlers_disconnect_by_data (self->comparison, self);
  g_clear_object (&self->comparison);
  g_clear_handle_id (&self->removed_idle, g_source_remove);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_hash_table_unref);

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

  if (prop_id == PROP_BASELINE)
    g_value_set_object (value, self->baseline);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hu_comparison_model_class_init (HuComparisonModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hu_comparison_model_dispose;
  object_class->finalize = hu_comparison_model_finalize;
  object_class->get_property = hu_comparison_model_get_property;

  /* The result of the core's baseline row: notified once per change. Set
   * it with hu_comparison_model_set_baseline(), which sets the core's. */
  properties[PROP_BASELINE] =
    g_param_spec_object ("baseline", NULL, NULL, HU_TYPE_RESULT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

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
  self->removed = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

/**
 * hu_comparison_model_new:
 *
 * Returns: (transfer full): the presentation of a new core comparison of
 *   @project
 */
HuComparisonModel *
hu_comparison_model_new (HuProject *project)
{
  HuComparisonModel *self;

  g_return_val_if_fail (HU_IS_PROJECT (project), NULL);

  self = g_object_new (HU_TYPE_COMPARISON_MODEL, NULL);
  self->comparison = hu_comparison_new (project);
  g_signal_connect_object (self->comparison, "items-changed", G_CALLBACK (on_rows_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison, "notify::baseline",
                           G_CALLBACK (on_baseline_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison, "notify::default-ranges",
                           G_CALLBACK (on_default_ranges_changed), self, G_CONNECT_SWAPPED);
  on_rows_changed (self, 0, 0, g_list_model_get_n_items (G_LIST_MODEL (self->comparison)));
  self->n_list_changes = 0;
  on_baseline_changed (self);
  return self;
}

HuProject *
hu_comparison_model_get_project (HuComparisonModel *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON_MODEL (self), NULL);
  return hu_comparison_get_project (self->comparison);
}

HuResult *
hu_comparison_model_get_baseline (HuComparisonModel *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON_MODEL (self), NULL);
  return self->baseline;
}

/**
 * hu_comparison_model_set_baseline:
 * @baseline: (nullable): one of the model's results, %NULL for the first
 *   scenario
 *
 * Sets the core comparison's baseline; the model follows it.
 */
void
hu_comparison_model_set_baseline (HuComparisonModel *self,
                                  HuResult          *baseline)
{
  g_return_if_fail (HU_IS_COMPARISON_MODEL (self));
  g_return_if_fail (baseline == NULL || HU_IS_RESULT (baseline));

  if (self->baseline == baseline && baseline != NULL)
    return;
  if (baseline != NULL && hu_comparison_model_get_position (self, baseline) == G_MAXUINT)
    return;
  hu_comparison_set_baseline (self->comparison,
                              baseline != NULL ? hu_result_get_row (baseline) : NULL);
}

/**
 * hu_comparison_model_get_comparison:
 *
 * Returns: (transfer none): the core comparison the model shows
 */
HuComparison *
hu_comparison_model_get_comparison (HuComparisonModel *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON_MODEL (self), NULL);
  return self->comparison;
}

/**
 * hu_comparison_model_get_n_list_changes:
 *
 * How many times the list itself changed (::items-changed) since it was
 * made, for tests: an edit changes a row, not the list.
 */
guint
hu_comparison_model_get_n_list_changes (HuComparisonModel *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON_MODEL (self), 0);
  return self->n_list_changes;
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
  return result_of_row (self, hu_comparison_find_scenario (self->comparison, scenario));
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
  if (HU_IS_SCENARIO (source))
    return result_of_row (self, hu_comparison_find_scenario (self->comparison, source));
  if (HU_IS_MEASURED_RUN (source))
    return result_of_row (self, hu_comparison_find_run (self->comparison, source));
  return NULL;
}

/**
 * hu_comparison_model_get_position:
 *
 * In constant time: the position of @result's core row.
 *
 * Returns: where @result is in the model, or %G_MAXUINT
 */
guint
hu_comparison_model_get_position (HuComparisonModel *self,
                                  HuResult          *result)
{
  g_return_val_if_fail (HU_IS_COMPARISON_MODEL (self), G_MAXUINT);
  return result_position (self, result);
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

  /* The core keeps the flag and its rows' ranges; the rows are told
   * through :default-ranges (refresh_all()). */
  hu_comparison_set_default_ranges (self->comparison, default_ranges);
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

  self->rescale_frozen++;
  for (guint i = 0; i < self->results->len; i++)
    apply_display (self, g_ptr_array_index (self->results, i));
  self->rescale_frozen--;
  rescale (self);
}
