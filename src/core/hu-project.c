/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-project"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hu-json-private.h"
#include "hu-measured-run-private.h"
#include "hu-core.h"
#include "hu-project.h"
#include "hu-project-private.h"
#include "hu-text.h"

struct _HuProject
{
  GObject     parent_instance;

  char       *title;
  char       *currency;
  char       *notes;
  GListStore *scenarios;
  GListStore *runs;
  HuCatalog  *catalog;
  JsonArray  *custom_gpus;
  JsonArray  *custom_regions;
  JsonObject *extra;         /* unknown top-level keys, written back */
  HuUndo     *undo;          /* the edits of this project, newest last */
  gboolean    modified;

  /* Ids, so that keeping them unique costs O(1) per item whatever they
   * are (a project of 10,000 items sharing one id loads in linear time):
   * how many items hold each id, the id each item was counted under,
   * the next suffix to try per base name, and mirrors of the two lists
   * to know which items a splice removed. */
  GHashTable *id_counts;     /* id → count (GUINT_TO_POINTER) */
  GHashTable *item_ids;      /* item → its counted id (owned) */
  GHashTable *next_suffix;   /* base → next suffix (GUINT_TO_POINTER) */
  GPtrArray  *scenario_items;
  GPtrArray  *run_items;
};

G_DEFINE_FINAL_TYPE (HuProject, hu_project, G_TYPE_OBJECT)
G_DEFINE_QUARK (hu-project-error-quark, hu_project_error)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CURRENCY,
  PROP_NOTES,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *known_keys[] = {
  "format", "format-version", "title", "currency", "notes", "scenarios", "runs",
  "custom-gpus", "custom-regions", NULL
};

static void
hu_project_dispose (GObject *object)
{
  HuProject *self = HU_PROJECT (object);

  g_clear_object (&self->scenarios);
  g_clear_object (&self->runs);
  g_clear_object (&self->catalog);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (hu_project_parent_class)->dispose (object);
}

static void
hu_project_finalize (GObject *object)
{
  HuProject *self = HU_PROJECT (object);

  g_free (self->title);
  g_free (self->currency);
  g_free (self->notes);
  g_clear_pointer (&self->custom_gpus, json_array_unref);
  g_clear_pointer (&self->custom_regions, json_array_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  g_hash_table_unref (self->id_counts);
  g_hash_table_unref (self->item_ids);
  g_hash_table_unref (self->next_suffix);
  g_ptr_array_unref (self->scenario_items);
  g_ptr_array_unref (self->run_items);

  G_OBJECT_CLASS (hu_project_parent_class)->finalize (object);
}

static void
hu_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HuProject *self = HU_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_project_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HuProject *self = HU_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      hu_project_set_title (self, g_value_get_string (value));
      break;
    case PROP_CURRENCY:
      hu_project_set_currency (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      hu_project_set_notes (self, g_value_get_string (value));
      break;
    case PROP_MODIFIED:
      hu_project_set_modified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_project_class_init (HuProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hu_project_dispose;
  object_class->finalize = hu_project_finalize;
  object_class->get_property = hu_project_get_property;
  object_class->set_property = hu_project_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, HU_PROJECT_DEFAULT_CURRENCY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mark_modified (HuProject *self)
{
  hu_project_set_modified (self, TRUE);
}

static const char *
item_id (GObject *item)
{
  return HU_IS_SCENARIO (item) ? hu_scenario_get_id (HU_SCENARIO (item))
                               : hu_measured_run_get_id (HU_MEASURED_RUN (item));
}

static gboolean
id_in_use (HuProject  *self,
           const char *id)
{
  return g_hash_table_contains (self->id_counts, id);
}

static void
count_id (HuProject  *self,
          GObject    *item,
          const char *id)
{
  guint n;

  if (id == NULL)
    return;
  n = GPOINTER_TO_UINT (g_hash_table_lookup (self->id_counts, id));
  g_hash_table_insert (self->id_counts, g_strdup (id), GUINT_TO_POINTER (n + 1));
  if (item != NULL)
    g_hash_table_insert (self->item_ids, item, g_strdup (id));
}

static void
uncount_id (HuProject *self,
            GObject   *item)
{
  const char *id = g_hash_table_lookup (self->item_ids, item);
  guint n;

  if (id == NULL)
    return;
  n = GPOINTER_TO_UINT (g_hash_table_lookup (self->id_counts, id));
  if (n <= 1)
    g_hash_table_remove (self->id_counts, id);
  else
    g_hash_table_insert (self->id_counts, g_strdup (id), GUINT_TO_POINTER (n - 1));
  g_hash_table_remove (self->item_ids, item);
}

/* Links between scenarios and runs are made of ids, so every item gets a
 * unique one as it joins the project, whoever adds it (importers leave
 * ids to the project). Items join in order: the first keeps an id, the
 * ones after it get a suffix. */
static void
ensure_unique_id (HuProject *self,
                  GObject   *item,
                  gboolean   member)
{
  const char *id = item_id (item);
  g_autofree char *fresh = NULL;

  if (id == NULL || *id == '\0' || id_in_use (self, id))
    {
      if (HU_IS_SCENARIO (item))
        {
          fresh = hu_project_unique_id (self, id && *id ? id : "scenario");
          /* Counted below, not by on_scenario_id (not connected yet). */
          hu_scenario_set_id (HU_SCENARIO (item), fresh);
        }
      else
        {
          HuRunData *d = hu_measured_run_get_data (HU_MEASURED_RUN (item));
          fresh = hu_project_unique_id (self, id && *id ? id
                                                        : (d->source ? d->source : "run"));
          g_free (d->id);
          d->id = g_steal_pointer (&fresh);
        }
    }
  count_id (self, member ? item : NULL, item_id (item));
}

/* A run written to this project's file without joining its list
 * (hu-project-writer.c): it gets its id as if it had joined, and keeps it
 * from any item after it. */
void
_hu_project_claim_run_id (HuProject     *self,
                          HuMeasuredRun *run)
{
  ensure_unique_id (self, G_OBJECT (run), FALSE);
}

/* A scenario renamed by the user or the undo stack: count it under its
 * new id. Uniqueness is not enforced here (the editor checks it). */
static void
on_scenario_id (HuProject  *self,
                GParamSpec *pspec,
                GObject    *item)
{
  uncount_id (self, item);
  count_id (self, item, item_id (item));
}

static void
on_items_changed (HuProject  *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  GPtrArray *mirror = model == G_LIST_MODEL (self->scenarios) ? self->scenario_items
                                                              : self->run_items;

  for (guint i = position; i < position + removed; i++)
    {
      GObject *item = g_ptr_array_index (mirror, i);

      g_signal_handlers_disconnect_by_data (item, self);
      uncount_id (self, item);
    }
  g_ptr_array_remove_range (mirror, position, removed);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_ptr_array_insert (mirror, i, g_object_ref (item));
      ensure_unique_id (self, item, TRUE);
      g_signal_connect_object (item, "changed", G_CALLBACK (mark_modified), self,
                               G_CONNECT_SWAPPED);
      if (HU_IS_SCENARIO (item))
        {
          g_signal_connect_object (item, "notify", G_CALLBACK (mark_modified), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (item, "notify::id", G_CALLBACK (on_scenario_id), self,
                                   G_CONNECT_SWAPPED);
        }
    }
  mark_modified (self);
}

static void
hu_project_init (HuProject *self)
{
  self->currency = g_strdup (HU_PROJECT_DEFAULT_CURRENCY);
  self->scenarios = g_list_store_new (HU_TYPE_SCENARIO);
  self->runs = g_list_store_new (HU_TYPE_MEASURED_RUN);
  self->extra = json_object_new ();
  self->undo = hu_undo_new ();
  self->id_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->item_ids = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->next_suffix = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->scenario_items = g_ptr_array_new_with_free_func (g_object_unref);
  self->run_items = g_ptr_array_new_with_free_func (g_object_unref);

  g_signal_connect_object (self->scenarios, "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->runs, "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
}

HuProject *
hu_project_new (void)
{
  return g_object_new (HU_TYPE_PROJECT, NULL);
}

/* The file's currency, as hu_currency_code_is_valid() wants it; what
 * is there instead is quoted on one line and cut, as it may be anything. */
static gboolean
check_currency (const char  *currency,
                GError     **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *cut = NULL;

  if (hu_currency_code_is_valid (currency))
    return TRUE;
  cut = g_utf8_strlen (currency, -1) > 20 ? g_utf8_substring (currency, 0, 20) : NULL;
  shown = hu_text_printable (cut != NULL ? cut : currency, HU_TEXT_ONE_LINE);
  g_set_error (error, HU_PROJECT_ERROR, HU_PROJECT_ERROR_INVALID,
               /* TRANSLATORS: "currency" is the file's field name, keep it */
               _("currency: “%s%s” is not an ISO 4217 code of three capital letters, such as EUR"),
               shown, cut != NULL ? "…" : "");
  return FALSE;
}

static gboolean
load_custom (HuProject   *self,
             JsonObject  *root,
             GError     **error)
{
  JsonArray *gpus = NULL, *regions = NULL;

  if (!_hu_json_get_array (root, "custom-gpus", &gpus, error) ||
      !_hu_json_get_array (root, "custom-regions", &regions, error))
    return FALSE;

  for (guint i = 0; gpus && i < json_array_get_length (gpus); i++)
    {
      JsonNode *node = json_array_get_element (gpus, i);
      g_autoptr(HuGpu) gpu = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !(gpu = hu_gpu_new_from_json (json_node_get_object (node), error)))
        {
          if (error && !*error)
            g_set_error_literal (error, HU_PROJECT_ERROR, HU_PROJECT_ERROR_INVALID,
                                 _("not an object"));
          g_prefix_error (error, "custom-gpus[%u]: ", i);
          return FALSE;
        }
      gpu->custom = TRUE;
      hu_catalog_add_gpu (hu_project_get_catalog (self), gpu);
    }

  for (guint i = 0; regions && i < json_array_get_length (regions); i++)
    {
      JsonNode *node = json_array_get_element (regions, i);
      g_autoptr(HuRegion) region = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !(region = hu_region_new_from_json (json_node_get_object (node), error)))
        {
          if (error && !*error)
            g_set_error_literal (error, HU_PROJECT_ERROR, HU_PROJECT_ERROR_INVALID,
                                 _("not an object"));
          g_prefix_error (error, "custom-regions[%u]: ", i);
          return FALSE;
        }
      region->custom = TRUE;
      hu_catalog_add_region (hu_project_get_catalog (self), region);
    }

  self->custom_gpus = gpus ? json_array_ref (gpus) : NULL;
  self->custom_regions = regions ? json_array_ref (regions) : NULL;
  return TRUE;
}

static gboolean
load_list (HuProject   *self,
           JsonObject  *root,
           const char  *key,
           gboolean     scenarios,
           GError     **error)
{
  JsonArray *array = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (!_hu_json_get_array (root, key, &array, error))
    return FALSE;

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GObject) item = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, HU_PROJECT_ERROR, HU_PROJECT_ERROR_INVALID,
                       _("%s[%u]: expected an object"), key, i);
          return FALSE;
        }
      item = scenarios
        ? G_OBJECT (hu_scenario_new_from_json (json_node_get_object (node), error))
        : G_OBJECT (hu_measured_run_new_from_json (json_node_get_object (node), error));
      if (item == NULL)
        {
          g_prefix_error (error, "%s[%u]: ", key, i);
          return FALSE;
        }
      /* A run saved before devices were grouped reads as a new import.
       * Here, not in hu_measured_run_new_from_json(): the grouping is the
       * importers' (import/hu-import-util.c), which build on the run. */
      if (!scenarios)
        _hu_run_data_normalise_devices (hu_measured_run_get_data (HU_MEASURED_RUN (item)));

      g_ptr_array_add (items, g_steal_pointer (&item));
    }

  /* One splice: joining gives each item a unique id if it has none or a
   * duplicate (ensure_unique_id), renaming rather than refusing. */
  g_list_store_splice (scenarios ? self->scenarios : self->runs, 0, 0,
                       items->pdata, items->len);
  return TRUE;
}

static gboolean
load_root (HuProject   *self,
           JsonNode    *root_node,
           GError     **error)
{
  JsonObject *root;
  g_autofree char *format = NULL;
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;
  double version_number;
  int version = 0;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_set_error_literal (error, HU_PROJECT_ERROR, HU_PROJECT_ERROR_FORMAT,
                           _("not a Huella project (the top level is not an object)"));
      return FALSE;
    }
  root = json_node_get_object (root_node);

  if (!_hu_json_get_string (root, "format", TRUE, &format, error))
    return FALSE;
  if (!g_str_equal (format, "huella-project"))
    {
      g_set_error (error, HU_PROJECT_ERROR, HU_PROJECT_ERROR_FORMAT,
                   _("format: “%s” is not a Huella project"), format);
      return FALSE;
    }
  if (!json_object_has_member (root, "format-version"))
    {
      g_set_error_literal (error, HU_PROJECT_ERROR, HU_PROJECT_ERROR_FORMAT,
                           _("format-version: missing"));
      return FALSE;
    }
  /* Read as a number of any size, so that 99999999999999999999999 is
   * named as the invalid version it is. */
  if (!_hu_json_get_double (root, "format-version", -G_MAXDOUBLE, TRUE, &version_number, error))
    return FALSE;
  if (version_number != floor (version_number) || version_number < 1 || version_number > G_MAXINT)
    {
      g_autofree char *text = hu_number_to_string (version_number);
      g_set_error (error, HU_PROJECT_ERROR, HU_PROJECT_ERROR_FORMAT,
                   _("format-version: %s is not a valid version"), text);
      return FALSE;
    }
  version = (int) version_number;
  if (version > HU_PROJECT_FORMAT_VERSION)
    {
      g_set_error (error, HU_PROJECT_ERROR, HU_PROJECT_ERROR_NEWER_VERSION,
                   _("format-version %d was written by a newer Huella; this version reads up to %d. Update Huella to open it."),
                   version, HU_PROJECT_FORMAT_VERSION);
      return FALSE;
    }

  if (!_hu_json_get_string (root, "title", FALSE, &self->title, error) ||
      !_hu_json_get_string (root, "currency", FALSE, &self->currency, error) ||
      !_hu_json_get_string (root, "notes", FALSE, &self->notes, error) ||
      !_hu_json_check_name ("title", self->title, error))
    return FALSE;
  if (self->currency == NULL)
    self->currency = g_strdup (HU_PROJECT_DEFAULT_CURRENCY);
  if (!check_currency (self->currency, error))
    return FALSE;

  if (!load_custom (self, root, error) ||
      !load_list (self, root, "scenarios", TRUE, error) ||
      !load_list (self, root, "runs", FALSE, error))
    return FALSE;

  json_object_iter_init_ordered (&iter, root);
  while (json_object_iter_next_ordered (&iter, &key, &node))
    if (!g_strv_contains (known_keys, key))
      json_object_set_member (self->extra, key, json_node_copy (node));

  self->modified = FALSE;
  return TRUE;
}

/**
 * hu_project_new_from_data:
 * @display_name: the file's name for messages
 *
 * Errors read "name:line:column: …" for syntax and "name: key[i]: …" for
 * content, so the user can find the fault.
 */
HuProject *
hu_project_new_from_data (const char  *data,
                          gssize       length,
                          const char  *display_name,
                          GError     **error)
{
  g_autoptr(HuProject) self = hu_project_new ();
  g_autoptr(JsonNode) root = NULL;

  if (length < 0)
    length = strlen (data);

  if (!(root = _hu_json_parse (data, length, display_name, error)))
    return NULL;
  if (!load_root (self, root, error))
    {
      g_prefix_error (error, "%s: ", display_name);
      return NULL;
    }
  return g_steal_pointer (&self);
}

HuProject *
hu_project_new_from_file (GFile   *file,
                          GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  path = g_file_get_path (file);
  if (path != NULL)
    {
      /* Refuses folders, FIFOs and devices before reading, and anything
       * larger than a project can be. */
      if (!hu_file_read_regular (path, HU_PROJECT_MAX_SIZE, &data, &len, error))
        return NULL;
      /* Saves killed half-way leave temporary files beside the project. */
      hu_file_clean_stale (path, 60);
    }
  else
    {
      g_autoptr(GFileInfo) info = NULL;

      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                G_FILE_QUERY_INFO_NONE, NULL, error);
      if (info == NULL)
        return NULL;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        {
          g_set_error (error, HU_FILE_ERROR, HU_FILE_ERROR_NOT_REGULAR,
                       _("%s: is not a regular file"), name);
          return NULL;
        }
      if (g_file_info_get_size (info) > HU_PROJECT_MAX_SIZE)
        {
          g_autofree char *limit = g_format_size_full (HU_PROJECT_MAX_SIZE,
                                                       G_FORMAT_SIZE_IEC_UNITS);
          g_set_error (error, HU_FILE_ERROR, HU_FILE_ERROR_TOO_LARGE,
                       _("%s: the file is larger than %s, the most Huella reads"), name, limit);
          return NULL;
        }
      if (!g_file_load_contents (file, NULL, &data, &len, NULL, error))
        return NULL;
    }
  return hu_project_new_from_data (data, len, name, error);
}

HuProject *
hu_project_new_from_resource (const char  *path,
                              GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *base = NULL;
  HuProject *self;
  gsize len;
  const char *data;

  hu_core_ensure_resources ();
  if (!(bytes = g_resources_lookup_data (path, 0, error)))
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  base = g_path_get_basename (path);
  self = hu_project_new_from_data (data, len, base, error);
  return self;
}

static void
add_scenarios (JsonBuilder *builder,
               HuProject   *self)
{
  GListModel *model = G_LIST_MODEL (self->scenarios);

  json_builder_set_member_name (builder, "scenarios");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HuScenario) scenario = g_list_model_get_item (model, i);
      json_builder_add_value (builder, hu_scenario_to_json (scenario));
    }
  json_builder_end_array (builder);
}

/* The members before "runs", in the order the file has them. */
void
_hu_project_add_head (HuProject   *self,
                      JsonBuilder *builder)
{
  _hu_json_add_string (builder, "format", "huella-project");
  _hu_json_add_int (builder, "format-version", HU_PROJECT_FORMAT_VERSION);
  _hu_json_add_string (builder, "title", self->title);
  _hu_json_add_string (builder, "currency", self->currency);
  if (self->notes)
    _hu_json_add_string (builder, "notes", self->notes);
  add_scenarios (builder, self);
}

/* The members after "runs": custom GPUs and regions, unknown keys. */
void
_hu_project_add_tail (HuProject   *self,
                      JsonBuilder *builder)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  if (self->custom_gpus)
    {
      json_builder_set_member_name (builder, "custom-gpus");
      json_builder_add_value (builder, json_node_init_array (json_node_alloc (), self->custom_gpus));
    }
  if (self->custom_regions)
    {
      json_builder_set_member_name (builder, "custom-regions");
      json_builder_add_value (builder, json_node_init_array (json_node_alloc (), self->custom_regions));
    }
  json_object_iter_init_ordered (&iter, self->extra);
  while (json_object_iter_next_ordered (&iter, &key, &node))
    {
      json_builder_set_member_name (builder, key);
      json_builder_add_value (builder, json_node_copy (node));
    }
}

/**
 * hu_currency_code_is_valid:
 * @code: (nullable): a currency code
 *
 * Whether @code is written as ISO 4217 writes a currency: three capital
 * letters. The code is printed beside every amount, in the table, the
 * reports and the LaTeX statement, so nothing else may pass; that the
 * code names a currency in use is not checked (a new one may come).
 */
gboolean
hu_currency_code_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isupper (code[i]))
      return FALSE;
  return TRUE;
}

#define DEFINE_STRING_PROPERTY(field, prop)                                 \
const char *                                                                \
hu_project_get_##field (HuProject *self)                                    \
{                                                                           \
  g_return_val_if_fail (HU_IS_PROJECT (self), NULL);                        \
  return self->field;                                                       \
}                                                                           \
                                                                            \
void                                                                        \
hu_project_set_##field (HuProject  *self,                                   \
                        const char *value)                                  \
{                                                                           \
  g_return_if_fail (HU_IS_PROJECT (self));                                  \
  if (g_strcmp0 (self->field, value) == 0)                                  \
    return;                                                                 \
  g_free (self->field);                                                     \
  self->field = prop == PROP_TITLE ? _hu_cap_name (value) : g_strdup (value); \
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);             \
  mark_modified (self);                                                     \
}

DEFINE_STRING_PROPERTY (title, PROP_TITLE)
DEFINE_STRING_PROPERTY (notes, PROP_NOTES)

const char *
hu_project_get_currency (HuProject *self)
{
  g_return_val_if_fail (HU_IS_PROJECT (self), NULL);
  return self->currency;
}

/* Only a code may be printed beside amounts, as a file is checked. */
void
hu_project_set_currency (HuProject  *self,
                         const char *currency)
{
  g_return_if_fail (HU_IS_PROJECT (self));
  g_return_if_fail (hu_currency_code_is_valid (currency));

  if (g_strcmp0 (self->currency, currency) == 0)
    return;
  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
  mark_modified (self);
}

GListStore *
hu_project_get_scenarios (HuProject *self)
{
  g_return_val_if_fail (HU_IS_PROJECT (self), NULL);
  return self->scenarios;
}

GListStore *
hu_project_get_runs (HuProject *self)
{
  g_return_val_if_fail (HU_IS_PROJECT (self), NULL);
  return self->runs;
}

HuScenario *
hu_project_find_scenario (HuProject  *self,
                          const char *id)
{
  guint n;

  g_return_val_if_fail (HU_IS_PROJECT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->scenarios));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HuScenario) scenario = g_list_model_get_item (G_LIST_MODEL (self->scenarios), i);
      if (g_strcmp0 (hu_scenario_get_id (scenario), id) == 0)
        return scenario;   /* the store keeps its reference */
    }
  return NULL;
}

/**
 * hu_project_add_runs:
 * @runs: (element-type HuMeasuredRun): the runs to append
 *
 * One splice of the runs list, so a comparison, a sidebar and a table
 * each react once to an import of thousands of runs.
 */
void
hu_project_add_runs (HuProject *self,
                     GPtrArray *runs)
{
  guint n;

  g_return_if_fail (HU_IS_PROJECT (self));
  g_return_if_fail (runs != NULL);

  if (runs->len == 0)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->runs));
  g_list_store_splice (self->runs, n, 0, runs->pdata, runs->len);
}

/**
 * hu_project_unique_id:
 *
 * @base if no scenario or run uses it, else @base-N with the next N not
 * handed out for @base yet and not in use; constant time on average.
 */
char *
hu_project_unique_id (HuProject  *self,
                      const char *base)
{
  guint n;

  g_return_val_if_fail (HU_IS_PROJECT (self), NULL);
  g_return_val_if_fail (base != NULL, NULL);

  if (!id_in_use (self, base))
    return g_strdup (base);

  /* A counter per base, not a scan from 2: the thousandth "codecarbon"
   * costs what the second did. Suffixes are never reused, so a removed
   * "base-2" is not handed out again (ids stay unambiguous in undo). */
  n = MAX (GPOINTER_TO_UINT (g_hash_table_lookup (self->next_suffix, base)), 2);
  for (;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", base, n);

      if (!id_in_use (self, id))
        {
          g_hash_table_insert (self->next_suffix, g_strdup (base), GUINT_TO_POINTER (n + 1));
          return g_steal_pointer (&id);
        }
    }
}

HuCatalog *
hu_project_get_catalog (HuProject *self)
{
  g_return_val_if_fail (HU_IS_PROJECT (self), NULL);

  /* Made when first needed: loading the default catalog is most of the
   * cost of opening a project that holds only runs (import --add-to). */
  if (self->catalog == NULL)
    self->catalog = hu_catalog_new_with_parent (hu_catalog_get_default ());
  return self->catalog;
}

/**
 * hu_project_get_undo:
 *
 * Returns: (transfer none): the undo stack of this project's edits; a
 *   project loaded or created anew starts with an empty one
 */
HuUndo *
hu_project_get_undo (HuProject *self)
{
  g_return_val_if_fail (HU_IS_PROJECT (self), NULL);
  return self->undo;
}

gboolean
hu_project_get_modified (HuProject *self)
{
  g_return_val_if_fail (HU_IS_PROJECT (self), FALSE);
  return self->modified;
}

void
hu_project_set_modified (HuProject *self,
                         gboolean   modified)
{
  g_return_if_fail (HU_IS_PROJECT (self));

  modified = !!modified;
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}
