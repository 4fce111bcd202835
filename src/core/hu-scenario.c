/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-scenario"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hu-json-private.h"
#include "hu-scenario.h"

struct _HuScenario
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *notes;
  char       *run_id;
  HuInputs    inputs;
  JsonObject *extra;     /* keys this version does not know, kept for saving */
  JsonObject *inference_extra;  /* the same inside the `inference` object */
};

G_DEFINE_FINAL_TYPE (HuScenario, hu_scenario, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_NOTES,
  PROP_RUN_ID,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *known_keys[] = { "id", "name", "notes", "run", NULL };

static void
hu_scenario_finalize (GObject *object)
{
  HuScenario *self = HU_SCENARIO (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->notes);
  g_free (self->run_id);
  hu_inputs_clear (&self->inputs);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->inference_extra, json_object_unref);

  G_OBJECT_CLASS (hu_scenario_parent_class)->finalize (object);
}

static void
hu_scenario_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HuScenario *self = HU_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_RUN_ID:
      g_value_set_string (value, self->run_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_scenario_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HuScenario *self = HU_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_ID:
      hu_scenario_set_id (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      hu_scenario_set_name (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      hu_scenario_set_notes (self, g_value_get_string (value));
      break;
    case PROP_RUN_ID:
      hu_scenario_set_run_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_scenario_class_init (HuScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hu_scenario_finalize;
  object_class->get_property = hu_scenario_get_property;
  object_class->set_property = hu_scenario_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUN_ID] =
    g_param_spec_string ("run-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HuScenario::changed:
   *
   * Emitted when the inputs change; name and notes have their own
   * notify signals.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
hu_scenario_init (HuScenario *self)
{
  hu_inputs_init (&self->inputs);
  self->extra = json_object_new ();
  self->inference_extra = json_object_new ();
}

static void
copy_members (JsonObject *from,
              JsonObject *to)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, from);
  while (json_object_iter_next_ordered (&iter, &key, &node))
    json_object_set_member (to, key, json_node_copy (node));
}

HuScenario *
hu_scenario_new (const char *id,
                 const char *name)
{
  return g_object_new (HU_TYPE_SCENARIO, "id", id, "name", name, NULL);
}

/**
 * hu_scenario_new_from_json:
 *
 * Reads one scenario of a project file. Unknown keys are kept so that a
 * file written by a newer minor version survives a round trip.
 */
HuScenario *
hu_scenario_new_from_json (JsonObject  *object,
                           GError     **error)
{
  g_autoptr(HuScenario) self = g_object_new (HU_TYPE_SCENARIO, NULL);
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  if (!_hu_json_get_string (object, "id", FALSE, &self->id, error) ||
      !_hu_json_get_string (object, "name", FALSE, &self->name, error) ||
      !_hu_json_get_string (object, "notes", FALSE, &self->notes, error) ||
      !_hu_json_get_string (object, "run", FALSE, &self->run_id, error) ||
      !_hu_json_check_name ("id", self->id, error) ||
      !_hu_json_check_name ("name", self->name, error) ||
      !hu_inputs_from_json (&self->inputs, object, error))
    return NULL;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &node))
    if (!hu_inputs_is_input_key (key) && !g_strv_contains (known_keys, key))
      json_object_set_member (self->extra, key, json_node_copy (node));

  /* hu_inputs_from_json() made sure `inference` is an object. */
  if ((node = json_object_get_member (object, HU_INPUTS_INFERENCE_KEY)))
    {
      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &key, &node))
        if (!hu_inputs_is_serving_key (key))
          json_object_set_member (self->inference_extra, key, json_node_copy (node));
    }

  return g_steal_pointer (&self);
}

JsonNode *
hu_scenario_to_json (HuScenario *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;
  JsonNode *root;

  g_return_val_if_fail (HU_IS_SCENARIO (self), NULL);

  json_builder_begin_object (builder);
  _hu_json_add_string (builder, "id", self->id);
  _hu_json_add_string (builder, "name", self->name);
  if (self->notes && *self->notes)
    _hu_json_add_string (builder, "notes", self->notes);
  if (self->run_id)
    _hu_json_add_string (builder, "run", self->run_id);
  hu_inputs_to_json (&self->inputs, builder);

  /* In file order: plain iteration is hash order, which depends on the
   * object's history, so a reload could save the same keys reordered. */
  json_object_iter_init_ordered (&iter, self->extra);
  while (json_object_iter_next_ordered (&iter, &key, &node))
    {
      json_builder_set_member_name (builder, key);
      json_builder_add_value (builder, json_node_copy (node));
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  if (json_object_get_size (self->inference_extra) > 0)
    {
      JsonObject *object = json_node_get_object (root);

      if (!json_object_has_member (object, HU_INPUTS_INFERENCE_KEY))
        json_object_set_object_member (object, HU_INPUTS_INFERENCE_KEY, json_object_new ());
      copy_members (self->inference_extra,
                    json_object_get_object_member (object, HU_INPUTS_INFERENCE_KEY));
    }
  return root;
}

HuScenario *
hu_scenario_duplicate (HuScenario *self,
                       const char *new_id)
{
  HuScenario *copy;
  g_autofree char *name = NULL;

  g_return_val_if_fail (HU_IS_SCENARIO (self), NULL);

  /* TRANSLATORS: name of a duplicated scenario */
  name = g_strdup_printf (_("%s (copy)"), hu_scenario_get_display_name (self));
  copy = hu_scenario_new (new_id, name);
  hu_scenario_set_notes (copy, self->notes);
  hu_inputs_copy (&self->inputs, &copy->inputs);
  copy_members (self->extra, copy->extra);
  copy_members (self->inference_extra, copy->inference_extra);
  return copy;
}

#define DEFINE_STRING_PROPERTY(field, prop)                                 \
const char *                                                                \
hu_scenario_get_##field (HuScenario *self)                                  \
{                                                                           \
  g_return_val_if_fail (HU_IS_SCENARIO (self), NULL);                       \
  return self->field;                                                       \
}                                                                           \
                                                                            \
void                                                                        \
hu_scenario_set_##field (HuScenario *self,                                  \
                         const char *value)                                 \
{                                                                           \
  g_return_if_fail (HU_IS_SCENARIO (self));                                 \
  if (g_strcmp0 (self->field, value) == 0)                                  \
    return;                                                                 \
  g_free (self->field);                                                     \
  self->field = prop == PROP_ID || prop == PROP_NAME ? _hu_cap_name (value)  \
                                                     : g_strdup (value);    \
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);             \
}

DEFINE_STRING_PROPERTY (id, PROP_ID)
DEFINE_STRING_PROPERTY (name, PROP_NAME)

/**
 * hu_scenario_get_display_name:
 *
 * The name people read: the scenario's name, or its id when a file gave
 * it none (a hand-written project may name only ids). Files keep the
 * name as it is (hu_scenario_get_name(), which may be %NULL).
 *
 * Returns: (not nullable): the name, else the id
 */
const char *
hu_scenario_get_display_name (HuScenario *self)
{
  g_return_val_if_fail (HU_IS_SCENARIO (self), NULL);

  if (self->name != NULL && self->name[0] != '\0')
    return self->name;
  return self->id != NULL ? self->id : "";
}
DEFINE_STRING_PROPERTY (notes, PROP_NOTES)
DEFINE_STRING_PROPERTY (run_id, PROP_RUN_ID)

const HuInputs *
hu_scenario_get_inputs (HuScenario *self)
{
  g_return_val_if_fail (HU_IS_SCENARIO (self), NULL);
  return &self->inputs;
}

void
hu_scenario_set_inputs (HuScenario     *self,
                        const HuInputs *inputs)
{
  g_return_if_fail (HU_IS_SCENARIO (self));
  g_return_if_fail (inputs != NULL);

  if (hu_inputs_equal (&self->inputs, inputs))
    return;
  hu_inputs_copy (inputs, &self->inputs);
  g_signal_emit (self, signals[CHANGED], 0);
}
