/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-comparison"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hu-comparison.h"
#include "hu-comparison-row-private.h"

struct _HuComparison
{
  GObject          parent_instance;

  HuProject       *project;
  GPtrArray       *scenario_rows;   /* HuComparisonRow, the project's order */
  GPtrArray       *run_rows;        /* HuComparisonRow, the project's order */
  GHashTable      *by_item;         /* HuScenario / HuMeasuredRun → row */
  GHashTable      *by_id;           /* id → GPtrArray of its rows (one, unless ids repeat) */
  GHashTable      *row_ids;         /* row → the id by_id files it under */

  HuComparisonRow *baseline;        /* one of the rows, or NULL */
  gboolean         baseline_set;    /* chosen, rather than the first scenario */
  gboolean         default_ranges;  /* intervals count the typical ranges of defaults */
};

static void hu_comparison_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HuComparison, hu_comparison, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      hu_comparison_list_model_init))
G_DEFINE_QUARK (hu-comparison-error-quark, hu_comparison_error)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_BASELINE,
  PROP_DEFAULT_RANGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---------------------------------------------------------------------- */
/* GListModel                                                              */

static GType
hu_comparison_get_item_type (GListModel *model)
{
  return HU_TYPE_COMPARISON_ROW;
}

static guint
hu_comparison_get_n_items (GListModel *model)
{
  HuComparison *self = HU_COMPARISON (model);

  return self->scenario_rows->len + self->run_rows->len;
}

static gpointer
hu_comparison_get_item (GListModel *model,
                        guint       position)
{
  HuComparisonRow *row = hu_comparison_get_row (HU_COMPARISON (model), position);

  return row != NULL ? g_object_ref (row) : NULL;
}

static void
hu_comparison_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hu_comparison_get_item_type;
  iface->get_n_items = hu_comparison_get_n_items;
  iface->get_item = hu_comparison_get_item;
}

/* ---------------------------------------------------------------------- */
/* Following the project                                                   */

static void
emit_row_changed (HuComparison    *self,
                  HuComparisonRow *row)
{
  guint position;

  if (hu_comparison_get_position (self, row, &position))
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

/* Rows by id, so hu_comparison_find() is a lookup, not a walk over
 * every row: a project's ids are unique (hu-project.c), but a file may
 * repeat one until it is saved, so an id keeps the list of its rows. */
static void
file_row (HuComparison    *self,
          HuComparisonRow *row)
{
  const char *id = hu_comparison_row_get_id (row);
  GPtrArray *rows;

  if (id == NULL)
    return;
  rows = g_hash_table_lookup (self->by_id, id);
  if (rows == NULL)
    {
      rows = g_ptr_array_new ();
      g_hash_table_insert (self->by_id, g_strdup (id), rows);
    }
  g_ptr_array_add (rows, row);
  g_hash_table_insert (self->row_ids, row, g_strdup (id));
}

static void
unfile_row (HuComparison    *self,
            HuComparisonRow *row)
{
  const char *id = g_hash_table_lookup (self->row_ids, row);
  GPtrArray *rows = id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;

  if (rows == NULL)
    return;
  g_ptr_array_remove_fast (rows, row);
  if (rows->len == 0)
    g_hash_table_remove (self->by_id, id);
  g_hash_table_remove (self->row_ids, row);
}

/* The row's item may have a new id (a rename in the editor, a run's id
 * made unique). */
static void
refile_row (HuComparison    *self,
            HuComparisonRow *row)
{
  if (g_strcmp0 (g_hash_table_lookup (self->row_ids, row), hu_comparison_row_get_id (row)) == 0)
    return;
  unfile_row (self, row);
  file_row (self, row);
}

/* The inputs changed: the one estimate an edit costs. */
static void
on_scenario_changed (HuScenario   *scenario,
                     HuComparison *self)
{
  HuComparisonRow *row = g_hash_table_lookup (self->by_item, scenario);

  if (row == NULL)
    return;
  _hu_comparison_row_update (row);
  emit_row_changed (self, row);
}

/* The scenarios' cost steps are written in the project's currency. */
static void
on_currency_notify (HuComparison *self)
{
  const char *currency = hu_project_get_currency (self->project);
  gboolean changed = FALSE;

  for (guint i = 0; i < self->scenario_rows->len; i++)
    changed |= _hu_comparison_row_set_currency (g_ptr_array_index (self->scenario_rows, i),
                                                currency);
  if (changed)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->scenario_rows->len,
                                self->scenario_rows->len);
}

/* Name, id, notes or link: shown differently, computed the same. */
static void
on_scenario_notify (HuScenario   *scenario,
                    GParamSpec   *pspec,
                    HuComparison *self)
{
  HuComparisonRow *row = g_hash_table_lookup (self->by_item, scenario);

  if (row == NULL)
    return;
  refile_row (self, row);
  _hu_comparison_row_notify_name (row);
  emit_row_changed (self, row);
}

static void
on_run_changed (HuMeasuredRun *run,
                HuComparison  *self)
{
  HuComparisonRow *row = g_hash_table_lookup (self->by_item, run);

  if (row == NULL)
    return;
  refile_row (self, row);
  _hu_comparison_row_update (row);
  emit_row_changed (self, row);
}

static HuComparisonRow *
first_scenario (HuComparison *self)
{
  return self->scenario_rows->len > 0 ? g_ptr_array_index (self->scenario_rows, 0) : NULL;
}

static GObject *
row_item (HuComparisonRow *row)
{
  HuScenario *scenario = hu_comparison_row_get_scenario (row);

  return scenario != NULL ? G_OBJECT (scenario) : G_OBJECT (hu_comparison_row_get_run (row));
}

static void
detach_row (HuComparison    *self,
            HuComparisonRow *row)
{
  GObject *item = row_item (row);

  g_signal_handlers_disconnect_by_data (item, self);
  g_hash_table_remove (self->by_item, item);
  unfile_row (self, row);
  if (row == self->baseline)
    self->baseline_set = FALSE;
}

static void
splice_rows (HuComparison *self,
             GListModel   *model,
             guint         position,
             guint         removed,
             guint         added)
{
  gboolean scenarios = model == G_LIST_MODEL (hu_project_get_scenarios (self->project));
  GPtrArray *rows = scenarios ? self->scenario_rows : self->run_rows;
  HuCatalog *catalog = hu_project_get_catalog (self->project);
  guint offset = scenarios ? 0 : self->scenario_rows->len;
  g_autoptr(HuComparisonRow) old_baseline = self->baseline ? g_object_ref (self->baseline) : NULL;

  for (guint i = position; i < position + removed; i++)
    detach_row (self, g_ptr_array_index (rows, i));
  g_ptr_array_remove_range (rows, position, removed);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, position + i);
      HuComparisonRow *row;

      if (scenarios)
        {
          row = _hu_comparison_row_new_for_scenario (HU_SCENARIO (item), catalog,
                                                     hu_project_get_currency (self->project));
          g_signal_connect_object (item, "changed", G_CALLBACK (on_scenario_changed),
                                   self, 0);
          g_signal_connect_object (item, "notify", G_CALLBACK (on_scenario_notify),
                                   self, 0);
        }
      else
        {
          row = _hu_comparison_row_new_for_run (HU_MEASURED_RUN (item));
          g_signal_connect_object (item, "changed", G_CALLBACK (on_run_changed), self, 0);
        }
      g_hash_table_insert (self->by_item, item, row);
      file_row (self, row);
      g_ptr_array_insert (rows, position + i, row);
    }
  /* Each row knows its index, so hu_comparison_get_position() is a
   * lookup; a splice renumbers the rows after it, as it moves them. */
  for (guint i = position; i < rows->len; i++)
    _hu_comparison_row_set_index (g_ptr_array_index (rows, i), i);

  /* A baseline whose item left falls back to the first scenario, as does
   * a baseline nobody chose when the first scenario changes. */
  if (!self->baseline_set)
    g_set_object (&self->baseline, first_scenario (self));
  g_list_model_items_changed (G_LIST_MODEL (self), offset + position, removed, added);
  if (old_baseline != self->baseline)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE]);
}

static void
on_items_changed (HuComparison *self,
                  guint         position,
                  guint         removed,
                  guint         added,
                  GListModel   *model)
{
  splice_rows (self, model, position, removed, added);
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                 */

static void
hu_comparison_dispose (GObject *object)
{
  HuComparison *self = HU_COMPARISON (object);

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (hu_project_get_scenarios (self->project), self);
      g_signal_handlers_disconnect_by_data (hu_project_get_runs (self->project), self);
      g_signal_handlers_disconnect_by_data (self->project, self);
    }
  for (guint i = 0; self->scenario_rows != NULL && i < self->scenario_rows->len; i++)
    detach_row (self, g_ptr_array_index (self->scenario_rows, i));
  for (guint i = 0; self->run_rows != NULL && i < self->run_rows->len; i++)
    detach_row (self, g_ptr_array_index (self->run_rows, i));
  g_clear_pointer (&self->scenario_rows, g_ptr_array_unref);
  g_clear_pointer (&self->run_rows, g_ptr_array_unref);
  g_clear_object (&self->baseline);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (hu_comparison_parent_class)->dispose (object);
}

static void
hu_comparison_finalize (GObject *object)
{
  HuComparison *self = HU_COMPARISON (object);

  g_hash_table_unref (self->by_item);
  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->row_ids);

  G_OBJECT_CLASS (hu_comparison_parent_class)->finalize (object);
}

static void
hu_comparison_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HuComparison *self = HU_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_BASELINE:
      g_value_set_object (value, self->baseline);
      break;
    case PROP_DEFAULT_RANGES:
      g_value_set_boolean (value, self->default_ranges);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_comparison_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HuComparison *self = HU_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    case PROP_BASELINE:
      hu_comparison_set_baseline (self, g_value_get_object (value));
      break;
    case PROP_DEFAULT_RANGES:
      hu_comparison_set_default_ranges (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_comparison_constructed (GObject *object)
{
  HuComparison *self = HU_COMPARISON (object);
  GListModel *scenarios, *runs;

  G_OBJECT_CLASS (hu_comparison_parent_class)->constructed (object);

  g_assert (HU_IS_PROJECT (self->project));
  scenarios = G_LIST_MODEL (hu_project_get_scenarios (self->project));
  runs = G_LIST_MODEL (hu_project_get_runs (self->project));

  /* Connected after the project's own handler (the project exists
   * first), so items already have their unique ids when rows are made. */
  g_signal_connect_object (scenarios, "items-changed", G_CALLBACK (on_items_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (runs, "items-changed", G_CALLBACK (on_items_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->project, "notify::currency", G_CALLBACK (on_currency_notify),
                           self, G_CONNECT_SWAPPED);

  splice_rows (self, scenarios, 0, 0, g_list_model_get_n_items (scenarios));
  splice_rows (self, runs, 0, 0, g_list_model_get_n_items (runs));
}

static void
hu_comparison_class_init (HuComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hu_comparison_dispose;
  object_class->finalize = hu_comparison_finalize;
  object_class->constructed = hu_comparison_constructed;
  object_class->get_property = hu_comparison_get_property;
  object_class->set_property = hu_comparison_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, HU_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Notified once per baseline change: rows compute their change against
   * it when asked, so none of them signals. */
  properties[PROP_BASELINE] =
    g_param_spec_object ("baseline", NULL, NULL, HU_TYPE_COMPARISON_ROW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "Include the typical uncertainty of defaults": notified once; the
   * rows draw their ranges again when next asked. */
  properties[PROP_DEFAULT_RANGES] =
    g_param_spec_boolean ("default-ranges", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hu_comparison_init (HuComparison *self)
{
  self->scenario_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->run_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_item = g_hash_table_new (NULL, NULL);
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  self->row_ids = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                              */

/**
 * hu_comparison_new:
 * @project: the project to compare
 *
 * Returns: (transfer full): the comparison of @project, every scenario
 *   estimated once
 */
HuComparison *
hu_comparison_new (HuProject *project)
{
  g_return_val_if_fail (HU_IS_PROJECT (project), NULL);

  return g_object_new (HU_TYPE_COMPARISON, "project", project, NULL);
}

/**
 * hu_comparison_get_project:
 *
 * Returns: (transfer none): the project
 */
HuProject *
hu_comparison_get_project (HuComparison *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON (self), NULL);
  return self->project;
}

guint
hu_comparison_get_n_scenarios (HuComparison *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON (self), 0);
  return self->scenario_rows->len;
}

guint
hu_comparison_get_n_runs (HuComparison *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON (self), 0);
  return self->run_rows->len;
}

/**
 * hu_comparison_get_row:
 *
 * Returns: (transfer none) (nullable): the row at @position
 */
HuComparisonRow *
hu_comparison_get_row (HuComparison *self,
                       guint         position)
{
  g_return_val_if_fail (HU_IS_COMPARISON (self), NULL);

  if (position < self->scenario_rows->len)
    return g_ptr_array_index (self->scenario_rows, position);
  position -= self->scenario_rows->len;
  if (position < self->run_rows->len)
    return g_ptr_array_index (self->run_rows, position);
  return NULL;
}

/**
 * hu_comparison_find:
 * @id: a scenario or run id
 *
 * A lookup, kept in step with the rows' ids as they come, go and are
 * renamed: constant time, as ids are unique in a project.
 *
 * Returns: (transfer none) (nullable): the row of the scenario or run with
 *   @id; scenarios first, as in the project's file
 */
HuComparisonRow *
hu_comparison_find (HuComparison *self,
                    const char   *id)
{
  GPtrArray *rows;
  HuComparisonRow *first = NULL;
  guint first_position = G_MAXUINT;

  g_return_val_if_fail (HU_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  rows = g_hash_table_lookup (self->by_id, id);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      HuComparisonRow *row = g_ptr_array_index (rows, i);
      guint position;

      if (hu_comparison_get_position (self, row, &position) && position < first_position)
        {
          first = row;
          first_position = position;
        }
    }
  return first;
}

/**
 * hu_comparison_find_scenario:
 *
 * Returns: (transfer none) (nullable): the row of @scenario
 */
HuComparisonRow *
hu_comparison_find_scenario (HuComparison *self,
                             HuScenario   *scenario)
{
  g_return_val_if_fail (HU_IS_COMPARISON (self), NULL);
  return g_hash_table_lookup (self->by_item, scenario);
}

/**
 * hu_comparison_find_run:
 *
 * Returns: (transfer none) (nullable): the row of @run
 */
HuComparisonRow *
hu_comparison_find_run (HuComparison  *self,
                        HuMeasuredRun *run)
{
  g_return_val_if_fail (HU_IS_COMPARISON (self), NULL);
  return g_hash_table_lookup (self->by_item, run);
}

/**
 * hu_comparison_get_position:
 * @position: (out) (optional): where @row is
 *
 * In constant time: the row keeps its index, which splices update.
 *
 * Returns: whether @row is one of the comparison's rows
 */
gboolean
hu_comparison_get_position (HuComparison    *self,
                            HuComparisonRow *row,
                            guint           *position)
{
  GPtrArray *rows;
  guint index;

  g_return_val_if_fail (HU_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (HU_IS_COMPARISON_ROW (row), FALSE);

  rows = hu_comparison_row_get_kind (row) == HU_COMPARISON_ROW_SCENARIO ? self->scenario_rows
                                                                        : self->run_rows;
  index = _hu_comparison_row_get_index (row);
  /* A row of another comparison, or one that left, may claim any index. */
  if (index >= rows->len || g_ptr_array_index (rows, index) != row)
    return FALSE;
  if (position != NULL)
    *position = rows == self->scenario_rows ? index : self->scenario_rows->len + index;
  return TRUE;
}

/**
 * hu_comparison_get_linked:
 * @run_row: a run row of @self
 *
 * Returns: (transfer none) (nullable): the scenario row linked to the run
 */
HuComparisonRow *
hu_comparison_get_linked (HuComparison    *self,
                          HuComparisonRow *run_row)
{
  HuMeasuredRun *run;
  const char *scenario_id;
  const char *run_id;

  g_return_val_if_fail (HU_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (HU_IS_COMPARISON_ROW (run_row), NULL);

  run = hu_comparison_row_get_run (run_row);
  if (run == NULL)
    return NULL;
  scenario_id = hu_measured_run_get_data (run)->scenario_id;
  run_id = hu_measured_run_get_id (run);

  /* Linked from either side: the scenario's "run" (a plan made from a
   * run) or the run's "scenario" (a run of a plan). */
  for (guint i = 0; i < self->scenario_rows->len; i++)
    {
      HuComparisonRow *row = g_ptr_array_index (self->scenario_rows, i);
      HuScenario *scenario = hu_comparison_row_get_scenario (row);
      const char *link = hu_scenario_get_run_id (scenario);

      if ((scenario_id != NULL && g_strcmp0 (hu_scenario_get_id (scenario), scenario_id) == 0)
          || (link != NULL && g_strcmp0 (link, run_id) == 0))
        return row;
    }
  return NULL;
}

/**
 * hu_comparison_get_baseline:
 *
 * Returns: (transfer none) (nullable): the baseline row
 */
HuComparisonRow *
hu_comparison_get_baseline (HuComparison *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON (self), NULL);
  return self->baseline;
}

/**
 * hu_comparison_set_baseline:
 * @row: (nullable): a row of @self, or %NULL for the first scenario
 *
 * Notifies :baseline once when the baseline changes.
 */
void
hu_comparison_set_baseline (HuComparison    *self,
                            HuComparisonRow *row)
{
  g_return_if_fail (HU_IS_COMPARISON (self));
  g_return_if_fail (row == NULL || HU_IS_COMPARISON_ROW (row));
  g_return_if_fail (row == NULL || hu_comparison_get_position (self, row, NULL));

  self->baseline_set = row != NULL;
  if (row == NULL)
    row = first_scenario (self);
  if (g_set_object (&self->baseline, row))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE]);
}

/**
 * hu_comparison_set_baseline_id:
 * @id: (nullable): a scenario or run id; %NULL for the first scenario
 *
 * Returns: %FALSE, with @error set, if no scenario or run has @id
 */
gboolean
hu_comparison_set_baseline_id (HuComparison  *self,
                               const char    *id,
                               GError       **error)
{
  HuComparisonRow *row = NULL;

  g_return_val_if_fail (HU_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (id != NULL)
    {
      row = hu_comparison_find (self, id);
      if (row == NULL)
        {
          g_set_error (error, HU_COMPARISON_ERROR, HU_COMPARISON_ERROR_UNKNOWN_ID,
                       _("No scenario or run with id “%s”"), id);
          return FALSE;
        }
    }
  hu_comparison_set_baseline (self, row);
  return TRUE;
}

/**
 * hu_comparison_refresh:
 *
 * Estimates every scenario again and reads every run again, for changes
 * the comparison cannot see (the catalog's custom entries).
 */
void
hu_comparison_refresh (HuComparison *self)
{
  guint n;

  g_return_if_fail (HU_IS_COMPARISON (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self));
  for (guint i = 0; i < n; i++)
    _hu_comparison_row_update (hu_comparison_get_row (self, i));
  if (n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n, n);
}

gboolean
hu_comparison_get_default_ranges (HuComparison *self)
{
  g_return_val_if_fail (HU_IS_COMPARISON (self), FALSE);
  return self->default_ranges;
}

/**
 * hu_comparison_set_default_ranges:
 *
 * Whether the rows' intervals count the typical ranges of the inputs
 * they leave to defaults. Notifies :default-ranges once; no row draws
 * anything until asked.
 */
void
hu_comparison_set_default_ranges (HuComparison *self,
                                  gboolean      default_ranges)
{
  g_return_if_fail (HU_IS_COMPARISON (self));

  if (self->default_ranges == !!default_ranges)
    return;
  self->default_ranges = !!default_ranges;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_RANGES]);
}

/**
 * hu_comparison_get_uncertainty:
 * @row: a row of @self
 *
 * Returns: (transfer none) (nullable): @row's likely ranges against the
 *   baseline, with the comparison's :default-ranges; see
 *   hu_comparison_row_get_uncertainty()
 */
const HuUncertainty *
hu_comparison_get_uncertainty (HuComparison    *self,
                               HuComparisonRow *row)
{
  g_return_val_if_fail (HU_IS_COMPARISON (self), NULL);
  return hu_comparison_row_get_uncertainty (row, self->baseline, self->default_ranges);
}

/**
 * hu_comparison_get_p_lower:
 *
 * Returns: the probability that @row emits less than the baseline, NAN
 *   when it does not apply (see hu_comparison_row_get_p_lower())
 */
double
hu_comparison_get_p_lower (HuComparison    *self,
                           HuComparisonRow *row)
{
  g_return_val_if_fail (HU_IS_COMPARISON (self), NAN);
  return hu_comparison_row_get_p_lower (row, self->baseline, self->default_ranges);
}
