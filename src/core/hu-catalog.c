/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hu-catalog.h"
#include "hu-catalog-private.h"
#include "hu-json-private.h"
#include "hu-core.h"
#include "hu-catalog-entries-private.h"

struct _HuCatalog
{
  GObject     parent_instance;

  HuCatalog  *parent;
  GHashTable *gpus;          /* id → HuGpu */
  GPtrArray  *gpu_order;     /* HuGpu, in file order */
  GHashTable *regions;       /* id → HuRegion */
  GPtrArray  *region_order;
  GPtrArray  *pue_defaults;  /* HuPueDefault */
  GPtrArray  *equivalence_sets;
  GPtrArray  *warnings;      /* char*, NULL-terminated on demand */
  HuModelTable models;       /* known models, hu-catalog-models.c */
};

G_DEFINE_FINAL_TYPE (HuCatalog, hu_catalog, G_TYPE_OBJECT)

/* Other entries ---------------------------------------------------------- */

static void
pue_default_free (HuPueDefault *pue)
{
  g_free (pue->provider);
  g_free (pue->source);
  g_free (pue->details);
  g_free (pue);
}

static void
factor_free (HuEquivalenceFactor *factor)
{
  g_free (factor->kind);
  g_free (factor->unit);
  g_free (factor->source);
  g_free (factor->details);
  g_free (factor);
}

static void
equivalence_set_free (HuEquivalenceSet *set)
{
  g_free (set->id);
  g_free (set->name);
  g_free (set->source);
  g_free (set->details);
  g_clear_pointer (&set->factors, g_ptr_array_unref);
  g_free (set);
}

/* HuCatalog ------------------------------------------------------------- */

static void
hu_catalog_finalize (GObject *object)
{
  HuCatalog *self = HU_CATALOG (object);

  g_clear_object (&self->parent);
  g_clear_pointer (&self->gpus, g_hash_table_unref);
  g_clear_pointer (&self->gpu_order, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_hash_table_unref);
  g_clear_pointer (&self->region_order, g_ptr_array_unref);
  g_clear_pointer (&self->pue_defaults, g_ptr_array_unref);
  g_clear_pointer (&self->equivalence_sets, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  _hu_model_table_clear (&self->models);

  G_OBJECT_CLASS (hu_catalog_parent_class)->finalize (object);
}

static void
hu_catalog_class_init (HuCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hu_catalog_finalize;
}

static void
hu_catalog_init (HuCatalog *self)
{
  self->gpus = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) hu_gpu_unref);
  self->gpu_order = g_ptr_array_new_with_free_func ((GDestroyNotify) hu_gpu_unref);
  self->regions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) hu_region_unref);
  self->region_order = g_ptr_array_new_with_free_func ((GDestroyNotify) hu_region_unref);
  self->pue_defaults = g_ptr_array_new_with_free_func ((GDestroyNotify) pue_default_free);
  self->equivalence_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) equivalence_set_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  _hu_model_table_init (&self->models);
}

HuCatalog *
_hu_catalog_get_parent (HuCatalog *self)
{
  return self->parent;
}

HuModelTable *
_hu_catalog_get_models (HuCatalog *self)
{
  return &self->models;
}

static void
replace_in_order (GPtrArray  *order,
                  gpointer    entry,
                  const char *id,
                  gsize       id_offset)
{
  for (guint i = 0; i < order->len; i++)
    {
      const char *other = *(const char **) ((char *) order->pdata[i] + id_offset);
      if (g_str_equal (other, id))
        {
          g_ptr_array_remove_index (order, i);
          g_ptr_array_insert (order, i, entry);
          return;
        }
    }
  g_ptr_array_add (order, entry);
}

/**
 * hu_catalog_add_gpu:
 *
 * Adds @gpu, replacing an entry with the same id (user catalogs and
 * project files override the shipped data).
 */
void
hu_catalog_add_gpu (HuCatalog *self,
                    HuGpu     *gpu)
{
  g_return_if_fail (HU_IS_CATALOG (self));
  g_return_if_fail (gpu != NULL && gpu->id != NULL);

  g_hash_table_replace (self->gpus, gpu->id, hu_gpu_ref (gpu));
  replace_in_order (self->gpu_order, hu_gpu_ref (gpu), gpu->id, G_STRUCT_OFFSET (HuGpu, id));
}

void
hu_catalog_add_region (HuCatalog *self,
                       HuRegion  *region)
{
  g_return_if_fail (HU_IS_CATALOG (self));
  g_return_if_fail (region != NULL && region->id != NULL);

  g_hash_table_replace (self->regions, region->id, hu_region_ref (region));
  replace_in_order (self->region_order, hu_region_ref (region), region->id,
                    G_STRUCT_OFFSET (HuRegion, id));
}

static gboolean
load_gpus (HuCatalog  *self,
           JsonArray  *array,
           gboolean    custom,
           GError    **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(HuGpu) gpu = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_INVALID,
                       _("gpus[%u]: not an object"), i);
          return FALSE;
        }
      if (!(gpu = hu_gpu_new_from_json (json_node_get_object (node), error)))
        {
          g_prefix_error (error, "gpus[%u]: ", i);
          return FALSE;
        }
      gpu->custom = custom;
      hu_catalog_add_gpu (self, gpu);
    }
  return TRUE;
}

static gboolean
load_regions (HuCatalog  *self,
              JsonArray  *array,
              gboolean    custom,
              GError    **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(HuRegion) region = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_INVALID,
                       _("regions[%u]: not an object"), i);
          return FALSE;
        }
      if (!(region = hu_region_new_from_json (json_node_get_object (node), error)))
        {
          g_prefix_error (error, "regions[%u]: ", i);
          return FALSE;
        }
      region->custom = custom;
      hu_catalog_add_region (self, region);
    }
  return TRUE;
}

static gboolean
load_pue (HuCatalog  *self,
          JsonArray  *array,
          GError    **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *o;
      HuPueDefault *pue;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      o = json_node_get_object (node);
      pue = g_new0 (HuPueDefault, 1);
      pue->low = pue->high = NAN;
      if (!_hu_json_get_string (o, "provider", TRUE, &pue->provider, error) ||
          !_hu_json_get_double (o, "pue", 1, TRUE, &pue->pue, error) ||
          !_hu_json_get_int (o, "year", &pue->year, error) ||
          !_hu_json_get_string (o, "source", FALSE, &pue->source, error) ||
          !_hu_json_get_string (o, "details", FALSE, &pue->details, error))
        {
          pue_default_free (pue);
          g_prefix_error (error, "pue[%u]: ", i);
          return FALSE;
        }
      g_ptr_array_add (self->pue_defaults, pue);
    }
  return TRUE;
}

static gboolean
load_equivalence_sets (HuCatalog  *self,
                       JsonArray  *array,
                       GError    **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *o;
      JsonArray *factors = NULL;
      HuEquivalenceSet *set;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      o = json_node_get_object (node);
      set = g_new0 (HuEquivalenceSet, 1);
      set->factors = g_ptr_array_new_with_free_func ((GDestroyNotify) factor_free);
      g_ptr_array_add (self->equivalence_sets, set);

      if (!_hu_json_get_string (o, "id", TRUE, &set->id, error) ||
          !_hu_json_get_string (o, "name", FALSE, &set->name, error) ||
          !_hu_json_get_string (o, "source", FALSE, &set->source, error) ||
          !_hu_json_get_string (o, "details", FALSE, &set->details, error) ||
          !_hu_json_get_int (o, "year", &set->year, error) ||
          !_hu_json_get_double (o, "electricity_kg_per_kwh", 0, FALSE,
                                &set->electricity_kg_per_kwh, error) ||
          !_hu_json_get_array (o, "factors", &factors, error))
        {
          g_prefix_error (error, "sets[%u]: ", i);
          return FALSE;
        }

      for (guint j = 0; factors && j < json_array_get_length (factors); j++)
        {
          JsonNode *fn = json_array_get_element (factors, j);
          HuEquivalenceFactor *f;

          if (!JSON_NODE_HOLDS_OBJECT (fn))
            continue;
          f = g_new0 (HuEquivalenceFactor, 1);
          g_ptr_array_add (set->factors, f);
          if (!_hu_json_get_string (json_node_get_object (fn), "kind", TRUE, &f->kind, error) ||
              !_hu_json_get_string (json_node_get_object (fn), "unit", FALSE, &f->unit, error) ||
              !_hu_json_get_string (json_node_get_object (fn), "source", FALSE, &f->source, error) ||
              !_hu_json_get_string (json_node_get_object (fn), "details", FALSE, &f->details, error) ||
              !_hu_json_get_int (json_node_get_object (fn), "year", &f->year, error) ||
              !_hu_json_get_double (json_node_get_object (fn), "kg_per_unit", 0, TRUE,
                                    &f->kg_per_unit, error))
            {
              g_prefix_error (error, "sets[%u].factors[%u]: ", i, j);
              return FALSE;
            }
          if (!(f->kg_per_unit > 0))
            {
              g_set_error (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_INVALID,
                           "sets[%u].factors[%u]: kg_per_unit: %s", i, j,
                           _("must be greater than zero"));
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* Loads every known array of a catalog document. One document may hold
 * any of them, so a user file can add just a GPU. */
static gboolean
load_document (HuCatalog   *self,
               JsonNode    *root,
               gboolean     custom,
               GError     **error)
{
  JsonObject *object;
  JsonArray *array = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_INVALID,
                           _("the top level is not a JSON object"));
      return FALSE;
    }
  object = json_node_get_object (root);

  if (json_object_has_member (object, "format-version"))
    {
      int version = 0;
      if (!_hu_json_get_int (object, "format-version", &version, error))
        return FALSE;
      if (version > 1)
        {
          g_set_error (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_INVALID,
                       _("format-version %d is newer than this version of Huella understands (1)"),
                       version);
          return FALSE;
        }
    }

  if (!_hu_json_get_array (object, "gpus", &array, error))
    return FALSE;
  if (array && !load_gpus (self, array, custom, error))
    return FALSE;
  if (!_hu_json_get_array (object, "regions", &array, error))
    return FALSE;
  if (array && !load_regions (self, array, custom, error))
    return FALSE;
  if (!_hu_json_get_array (object, "pue", &array, error))
    return FALSE;
  if (array && !load_pue (self, array, error))
    return FALSE;
  if (!_hu_json_get_array (object, "alternatives", &array, error))
    return FALSE;
  if (array)
    _hu_pue_read_alternatives (self->pue_defaults, array);
  if (!_hu_json_get_array (object, "sets", &array, error))
    return FALSE;
  if (array && !load_equivalence_sets (self, array, error))
    return FALSE;
  if (!_hu_json_get_array (object, "models", &array, error))
    return FALSE;
  if (array && !_hu_model_table_load (&self->models, array, custom, error))
    return FALSE;

  return TRUE;
}

static gboolean
load_data (HuCatalog   *self,
           const char  *data,
           gsize        length,
           const char  *display_name,
           gboolean     custom,
           GError     **error)
{
  g_autoptr(JsonNode) root = NULL;

  if (!(root = _hu_json_parse (data, length, display_name, error)))
    return FALSE;
  if (!load_document (self, root, custom, error))
    {
      g_prefix_error (error, "%s: ", display_name);
      return FALSE;
    }
  return TRUE;
}

/**
 * hu_catalog_new_builtin:
 *
 * The catalog shipped in the GResource, without user additions.
 */
HuCatalog *
hu_catalog_new_builtin (GError **error)
{
  static const char *files[] = { "gpus.json", "regions.json", "pue.json", "equivalences.json",
                                 "models.json" };
  g_autoptr(HuCatalog) self = g_object_new (HU_TYPE_CATALOG, NULL);

  hu_core_ensure_resources ();
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_PREFIX "/catalog/", files[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      gsize len;
      const char *data;

      if (!(bytes = g_resources_lookup_data (path, 0, error)))
        return NULL;
      data = g_bytes_get_data (bytes, &len);
      if (!load_data (self, data, len, files[i], FALSE, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * hu_catalog_new_with_parent:
 *
 * An empty catalog layered over @parent: lookups fall back to @parent, and
 * entries added here hide the parent's. Projects use this for their
 * custom GPUs and regions.
 */
HuCatalog *
hu_catalog_new_with_parent (HuCatalog *parent)
{
  HuCatalog *self = g_object_new (HU_TYPE_CATALOG, NULL);

  g_return_val_if_fail (HU_IS_CATALOG (parent), self);
  self->parent = g_object_ref (parent);
  return self;
}

gboolean
hu_catalog_load_file (HuCatalog   *self,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *display = NULL;
  gsize len;

  g_return_val_if_fail (HU_IS_CATALOG (self), FALSE);

  if (!g_file_get_contents (path, &data, &len, error))
    return FALSE;
  display = g_filename_display_name (path);
  return load_data (self, data, len, display, TRUE, error);
}

/**
 * hu_catalog_load_user_dir:
 *
 * Loads every `*.json` in @dir in name order. A broken file is recorded
 * in the warnings and skipped: a user's typo must not stop the app.
 *
 * Returns: %TRUE if every file loaded.
 */
gboolean
hu_catalog_load_user_dir (HuCatalog  *self,
                          const char *dir)
{
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  gboolean ok = TRUE;

  g_return_val_if_fail (HU_IS_CATALOG (self), FALSE);

  if (!(d = g_dir_open (dir, 0, NULL)))
    return TRUE;   /* no user catalog is the normal case */

  while ((name = g_dir_read_name (d)))
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) _hu_strv_compare);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_autoptr(GError) error = NULL;

      if (!hu_catalog_load_file (self, path, &error))
        {
          g_ptr_array_add (self->warnings,
                           g_strdup_printf (_("User catalog file skipped: %s"), error->message));
          ok = FALSE;
        }
    }
  return ok;
}

const char * const *
hu_catalog_get_warnings (HuCatalog *self)
{
  g_return_val_if_fail (HU_IS_CATALOG (self), NULL);

  /* Keep a NULL terminator at the end without counting it. */
  g_ptr_array_add (self->warnings, NULL);
  g_ptr_array_set_size (self->warnings, self->warnings->len - 1);
  return (const char * const *) self->warnings->pdata;
}

/**
 * hu_catalog_get_default:
 *
 * The shipped catalog plus the JSON files in `$XDG_DATA_HOME/huella/catalog/`,
 * loaded once. The shipped data is compiled in, so failing to read it is
 * a build defect, not a user error.
 */
HuCatalog *
hu_catalog_get_default (void)
{
  static HuCatalog *instance;

  if (g_once_init_enter (&instance))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "huella", "catalog", NULL);
      HuCatalog *builtin = hu_catalog_new_builtin (&error);
      HuCatalog *catalog;

      if (builtin == NULL)
        g_error ("The built-in catalog is broken: %s", error->message);

      catalog = hu_catalog_new_with_parent (builtin);
      g_object_unref (builtin);
      hu_catalog_load_user_dir (catalog, dir);
      for (const char * const *w = hu_catalog_get_warnings (catalog); *w; w++)
        g_warning ("%s", *w);

      g_once_init_leave (&instance, catalog);
    }
  return instance;
}

HuGpu *
hu_catalog_lookup_gpu (HuCatalog  *self,
                       const char *id)
{
  HuGpu *gpu;

  g_return_val_if_fail (HU_IS_CATALOG (self), NULL);

  if (id == NULL)
    return NULL;
  if ((gpu = g_hash_table_lookup (self->gpus, id)))
    return gpu;
  return self->parent ? hu_catalog_lookup_gpu (self->parent, id) : NULL;
}

HuRegion *
hu_catalog_lookup_region (HuCatalog  *self,
                          const char *id)
{
  HuRegion *region;

  g_return_val_if_fail (HU_IS_CATALOG (self), NULL);

  if (id == NULL)
    return NULL;
  if ((region = g_hash_table_lookup (self->regions, id)))
    return region;
  return self->parent ? hu_catalog_lookup_region (self->parent, id) : NULL;
}

/* Parent entries first in their order, then this layer's new ones; an
 * overridden entry keeps its parent's place. */
static GPtrArray *
merged_list (HuCatalog *self,
             gboolean   regions)
{
  GPtrArray *out;
  GPtrArray *own = regions ? self->region_order : self->gpu_order;
  GHashTable *own_table = regions ? self->regions : self->gpus;
  GDestroyNotify unref = regions ? (GDestroyNotify) hu_region_unref : (GDestroyNotify) hu_gpu_unref;
  gsize id_offset = regions ? G_STRUCT_OFFSET (HuRegion, id) : G_STRUCT_OFFSET (HuGpu, id);

  out = g_ptr_array_new_with_free_func (unref);

  if (self->parent)
    {
      g_autoptr(GPtrArray) inherited = merged_list (self->parent, regions);

      for (guint i = 0; i < inherited->len; i++)
        {
          const char *id = *(const char **) ((char *) inherited->pdata[i] + id_offset);
          gpointer mine = g_hash_table_lookup (own_table, id);
          gpointer entry = mine ? mine : inherited->pdata[i];
          g_ptr_array_add (out, regions ? (gpointer) hu_region_ref (entry) : (gpointer) hu_gpu_ref (entry));
        }
    }

  for (guint i = 0; i < own->len; i++)
    {
      const char *id = *(const char **) ((char *) own->pdata[i] + id_offset);
      gboolean inherited = self->parent &&
        (regions ? (gpointer) hu_catalog_lookup_region (self->parent, id)
                 : (gpointer) hu_catalog_lookup_gpu (self->parent, id));
      if (!inherited)
        g_ptr_array_add (out, regions ? (gpointer) hu_region_ref (own->pdata[i])
                                      : (gpointer) hu_gpu_ref (own->pdata[i]));
    }
  return out;
}

/**
 * hu_catalog_list_gpus:
 *
 * Returns: (transfer container): every GPU, shipped order first.
 */
GPtrArray *
hu_catalog_list_gpus (HuCatalog *self)
{
  g_return_val_if_fail (HU_IS_CATALOG (self), NULL);
  return merged_list (self, FALSE);
}

GPtrArray *
hu_catalog_list_regions (HuCatalog *self)
{
  g_return_val_if_fail (HU_IS_CATALOG (self), NULL);
  return merged_list (self, TRUE);
}

static gboolean
matches (const char *needle_folded,
         const char *hay)
{
  g_autofree char *folded = NULL;

  if (hay == NULL)
    return FALSE;
  folded = g_utf8_casefold (hay, -1);
  return strstr (folded, needle_folded) != NULL;
}

GPtrArray *
hu_catalog_search_gpus (HuCatalog  *self,
                        const char *text)
{
  g_autoptr(GPtrArray) all = hu_catalog_list_gpus (self);
  g_autofree char *needle = g_utf8_casefold (text ? text : "", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hu_gpu_unref);

  for (guint i = 0; i < all->len; i++)
    {
      HuGpu *gpu = all->pdata[i];
      if (matches (needle, gpu->id) || matches (needle, gpu->name) || matches (needle, gpu->vendor))
        g_ptr_array_add (out, hu_gpu_ref (gpu));
    }
  return out;
}

GPtrArray *
hu_catalog_search_regions (HuCatalog  *self,
                           const char *text)
{
  g_autoptr(GPtrArray) all = hu_catalog_list_regions (self);
  g_autofree char *needle = g_utf8_casefold (text ? text : "", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hu_region_unref);

  for (guint i = 0; i < all->len; i++)
    {
      HuRegion *region = all->pdata[i];
      if (matches (needle, region->id) || matches (needle, region->name) ||
          matches (needle, region->country))
        g_ptr_array_add (out, hu_region_ref (region));
    }
  return out;
}

static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diag = row[0];
      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint up = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + cost);
          diag = up;
        }
    }
  return row[lb];
}

typedef struct {
  const char *id;
  guint       score;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;
  if (ca->score != cb->score)
    return ca->score < cb->score ? -1 : 1;
  return g_strcmp0 (ca->id, cb->id);
}

/**
 * hu_catalog_suggest:
 *
 * Up to three ids close to @unknown_id, for "did you mean …" messages:
 * ids that contain it first, then the smallest edit distances.
 *
 * Returns: (transfer full) (nullable): "a, b, c", or %NULL.
 */
char *
hu_catalog_suggest (HuCatalog  *self,
                    const char *unknown_id,
                    gboolean    regions)
{
  g_autoptr(GPtrArray) all = regions ? hu_catalog_list_regions (self) : hu_catalog_list_gpus (self);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree char *needle = g_ascii_strdown (unknown_id ? unknown_id : "", -1);
  GString *out;

  if (*needle == '\0')
    return NULL;

  for (guint i = 0; i < all->len; i++)
    {
      const char *id = regions ? ((HuRegion *) all->pdata[i])->id : ((HuGpu *) all->pdata[i])->id;
      g_autofree char *lower = g_ascii_strdown (id, -1);
      Candidate c = { id, edit_distance (needle, lower) };

      if (strstr (lower, needle))
        c.score = 0;
      g_array_append_val (candidates, c);
    }
  g_array_sort (candidates, compare_candidates);

  out = g_string_new (NULL);
  for (guint i = 0; i < MIN (3u, candidates->len); i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      /* Far-off ids are noise, not suggestions. */
      if (c->score > MAX (4u, strlen (needle) / 2))
        break;
      if (out->len)
        g_string_append (out, ", ");
      g_string_append (out, c->id);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/**
 * hu_catalog_get_pue_default:
 *
 * The provider's fleet PUE, or the industry default ("default") for
 * anything else.
 */
const HuPueDefault *
hu_catalog_get_pue_default (HuCatalog  *self,
                            const char *provider)
{
  const HuPueDefault *fallback = NULL;

  g_return_val_if_fail (HU_IS_CATALOG (self), NULL);

  if (self->parent && self->pue_defaults->len == 0)
    return hu_catalog_get_pue_default (self->parent, provider);

  for (guint i = 0; i < self->pue_defaults->len; i++)
    {
      const HuPueDefault *pue = self->pue_defaults->pdata[i];
      if (provider && g_str_equal (pue->provider, provider))
        return pue;
      if (g_str_equal (pue->provider, "default"))
        fallback = pue;
    }
  return fallback;
}

GPtrArray *
hu_catalog_list_equivalence_sets (HuCatalog *self)
{
  g_return_val_if_fail (HU_IS_CATALOG (self), NULL);

  if (self->parent && self->equivalence_sets->len == 0)
    return hu_catalog_list_equivalence_sets (self->parent);
  return self->equivalence_sets;
}

const HuEquivalenceSet *
hu_catalog_lookup_equivalence_set (HuCatalog  *self,
                                   const char *id)
{
  GPtrArray *sets = hu_catalog_list_equivalence_sets (self);

  for (guint i = 0; sets && i < sets->len; i++)
    {
      const HuEquivalenceSet *set = sets->pdata[i];
      if (g_strcmp0 (set->id, id) == 0)
        return set;
    }
  return NULL;
}
