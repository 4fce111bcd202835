/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-undo"

#include "config.h"

#include "hu-undo.h"

/* The undo stack of a project's edits. It lives in the core, beside the
 * project it belongs to, so that it holds no widget and outlives none: a
 * new project starts with an empty stack, and the stack can be tested
 * without a display. Each entry is a scenario as it was before one edit. */

typedef struct {
  HuScenario *scenario;
  HuInputs    inputs;
  char       *name;
  char       *notes;
} UndoEntry;

struct _HuUndo
{
  GObject    parent_instance;

  GPtrArray *entries;   /* UndoEntry, newest last */
};

G_DEFINE_FINAL_TYPE (HuUndo, hu_undo, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
undo_entry_free (UndoEntry *entry)
{
  g_clear_object (&entry->scenario);
  hu_inputs_clear (&entry->inputs);
  g_free (entry->name);
  g_free (entry->notes);
  g_free (entry);
}

static void
hu_undo_finalize (GObject *object)
{
  HuUndo *self = HU_UNDO (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (hu_undo_parent_class)->finalize (object);
}

static void
hu_undo_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  HuUndo *self = HU_UNDO (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, hu_undo_get_can_undo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_undo_class_init (HuUndoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hu_undo_finalize;
  object_class->get_property = hu_undo_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hu_undo_init (HuUndo *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) undo_entry_free);
}

HuUndo *
hu_undo_new (void)
{
  return g_object_new (HU_TYPE_UNDO, NULL);
}

/**
 * hu_undo_push_scenario:
 * @scenario: a scenario about to be edited
 *
 * Remembers @scenario's name, notes and inputs as they are now, so that
 * hu_undo_undo() can put them back. Only the newest
 * %HU_UNDO_MAX_ENTRIES edits are kept.
 */
void
hu_undo_push_scenario (HuUndo     *self,
                       HuScenario *scenario)
{
  UndoEntry *entry;

  g_return_if_fail (HU_IS_UNDO (self));
  g_return_if_fail (HU_IS_SCENARIO (scenario));

  entry = g_new0 (UndoEntry, 1);
  entry->scenario = g_object_ref (scenario);
  hu_inputs_init (&entry->inputs);
  hu_inputs_copy (hu_scenario_get_inputs (scenario), &entry->inputs);
  entry->name = g_strdup (hu_scenario_get_name (scenario));
  entry->notes = g_strdup (hu_scenario_get_notes (scenario));
  g_ptr_array_add (self->entries, entry);

  if (self->entries->len > HU_UNDO_MAX_ENTRIES)
    g_ptr_array_remove_index (self->entries, 0);

  if (self->entries->len == 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

gboolean
hu_undo_get_can_undo (HuUndo *self)
{
  g_return_val_if_fail (HU_IS_UNDO (self), FALSE);
  return self->entries->len > 0;
}

guint
hu_undo_get_n_entries (HuUndo *self)
{
  g_return_val_if_fail (HU_IS_UNDO (self), 0);
  return self->entries->len;
}

/**
 * hu_undo_undo:
 *
 * Restores the scenario edited last to what it was before that edit,
 * whichever scenario that is.
 *
 * Returns: (transfer full) (nullable): the scenario restored, %NULL when
 *   there was nothing to undo
 */
HuScenario *
hu_undo_undo (HuUndo *self)
{
  UndoEntry *entry;
  HuScenario *scenario;

  g_return_val_if_fail (HU_IS_UNDO (self), NULL);

  if (self->entries->len == 0)
    return NULL;

  entry = g_ptr_array_steal_index (self->entries, self->entries->len - 1);
  scenario = g_object_ref (entry->scenario);
  hu_scenario_set_name (scenario, entry->name);
  hu_scenario_set_notes (scenario, entry->notes);
  hu_scenario_set_inputs (scenario, &entry->inputs);
  undo_entry_free (entry);

  if (self->entries->len == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  return scenario;
}

void
hu_undo_clear (HuUndo *self)
{
  g_return_if_fail (HU_IS_UNDO (self));

  if (self->entries->len == 0)
    return;
  g_ptr_array_set_size (self->entries, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}
