/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-known-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hu-catalog-entries.h"
#include "hu-known-model-private.h"
#include "hu-json-private.h"
#include "hu-number.h"

static void
hu_known_model_clear (HuKnownModel *model)
{
  g_free (model->name);
  g_free (model->organization);
  g_free (model->date);
  g_free (model->domain);
  g_free (model->hardware);
  g_free (model->gpu);
  g_free (model->hardware_match);
  g_free (model->country);
  g_free (model->region);
  g_free (model->confidence);
  g_free (model->link);
  g_free (model->source);
}

HuKnownModel *
hu_known_model_ref (HuKnownModel *model)
{
  return g_rc_box_acquire (model);
}

void
hu_known_model_unref (HuKnownModel *model)
{
  g_rc_box_release_full (model, (GDestroyNotify) hu_known_model_clear);
}

G_DEFINE_BOXED_TYPE (HuKnownModel, hu_known_model, hu_known_model_ref, hu_known_model_unref)

static gboolean
check_date (const char  *date,
            GError     **error)
{
  int y, m, d;
  char end;

  if (date == NULL)
    return TRUE;
  if (sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
      !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_INVALID,
                   _("date: “%s” is not a date like 2020-05-28"), date);
      return FALSE;
    }
  return TRUE;
}

/**
 * hu_known_model_new_from_json:
 *
 * Reads one entry of a catalog's "models" array. Only the name and the
 * training compute are required: the rest of a published run is often
 * unknown. Values a scenario would reject (a utilisation above 1, a
 * fractional accelerator count) are refused here, naming the field.
 */
HuKnownModel *
hu_known_model_new_from_json (JsonObject  *object,
                              GError     **error)
{
  g_autoptr(HuKnownModel) model = g_rc_box_new0 (HuKnownModel);

  if (!_hu_json_get_string (object, "name", TRUE, &model->name, error) ||
      !_hu_json_get_string (object, "organization", FALSE, &model->organization, error) ||
      !_hu_json_get_string (object, "date", FALSE, &model->date, error) ||
      !_hu_json_get_string (object, "domain", FALSE, &model->domain, error) ||
      !_hu_json_get_double (object, "parameters", 0, FALSE, &model->parameters, error) ||
      !_hu_json_get_double (object, "flops", 0, TRUE, &model->flops, error) ||
      !_hu_json_get_double (object, "tokens", 0, FALSE, &model->tokens, error) ||
      !_hu_json_get_string (object, "hardware", FALSE, &model->hardware, error) ||
      !_hu_json_get_string (object, "gpu", FALSE, &model->gpu, error) ||
      !_hu_json_get_string (object, "hardware_match", FALSE, &model->hardware_match, error) ||
      !_hu_json_get_double (object, "count", 1, FALSE, &model->count, error) ||
      !_hu_json_get_double (object, "hours", 0, FALSE, &model->hours, error) ||
      !_hu_json_get_double (object, "utilization", 0, FALSE, &model->utilization, error) ||
      !_hu_json_get_string (object, "country", FALSE, &model->country, error) ||
      !_hu_json_get_string (object, "region", FALSE, &model->region, error) ||
      !_hu_json_get_string (object, "confidence", FALSE, &model->confidence, error) ||
      !_hu_json_get_string (object, "link", FALSE, &model->link, error) ||
      !_hu_json_get_string (object, "source", FALSE, &model->source, error) ||
      !check_date (model->date, error))
    return NULL;

  if (*g_strstrip (model->name) == '\0')
    {
      g_set_error_literal (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_INVALID,
                           _("name: must not be empty"));
      return NULL;
    }
  if (!(model->flops > 0) ||
      (isfinite (model->utilization) && !(model->utilization > 0 && model->utilization <= 1)) ||
      (isfinite (model->count) && model->count != floor (model->count)) ||
      (isfinite (model->hours) && !(model->hours > 0)))
    {
      const char *field = !(model->flops > 0) ? "flops"
                        : isfinite (model->count) && model->count != floor (model->count) ? "count"
                        : isfinite (model->hours) && !(model->hours > 0) ? "hours"
                        : "utilization";
      g_set_error (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_INVALID,
                   _("%s: out of range"), field);
      return NULL;
    }
  return g_steal_pointer (&model);
}

static void
add_number_or_null (JsonBuilder *builder,
                    const char  *key,
                    double       value)
{
  if (isfinite (value))
    _hu_json_add_double (builder, key, value);
  else
    _hu_json_add_null (builder, key);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *key,
                    const char  *value)
{
  if (value)
    _hu_json_add_string (builder, key, value);
  else
    _hu_json_add_null (builder, key);
}

/**
 * hu_known_model_to_json:
 *
 * Writes the object of `huella-cli models --format json`, with the keys
 * of ARCHITECTURE.md §8 in that order and null for what is unknown.
 */
void
hu_known_model_to_json (const HuKnownModel *model,
                        JsonBuilder        *builder)
{
  json_builder_begin_object (builder);
  add_string_or_null (builder, "name", model->name);
  add_string_or_null (builder, "organization", model->organization);
  add_string_or_null (builder, "date", model->date);
  add_string_or_null (builder, "domain", model->domain);
  add_number_or_null (builder, "parameters", model->parameters);
  add_number_or_null (builder, "flops", model->flops);
  add_number_or_null (builder, "tokens", model->tokens);
  add_string_or_null (builder, "hardware", model->hardware);
  add_string_or_null (builder, "gpu", model->gpu);
  add_number_or_null (builder, "count", model->count);
  add_number_or_null (builder, "hours", model->hours);
  add_number_or_null (builder, "utilization", model->utilization);
  add_string_or_null (builder, "country", model->country);
  add_string_or_null (builder, "region", model->region);
  add_string_or_null (builder, "confidence", model->confidence);
  add_string_or_null (builder, "link", model->link);
  json_builder_end_object (builder);
}

/**
 * hu_known_model_get_short_organization:
 * @max_chars: the most characters to keep
 *
 * Some of Epoch AI's rows list a dozen organisations (418 characters for
 * StarCoder): lists and tooltips keep the start and an ellipsis.
 *
 * Returns: (transfer full) (nullable): the organisation, shortened, or
 *   %NULL when unknown
 */
char *
hu_known_model_get_short_organization (const HuKnownModel *model,
                                       guint               max_chars)
{
  g_autofree char *cut = NULL;

  g_return_val_if_fail (model != NULL, NULL);

  if (model->organization == NULL)
    return NULL;
  if ((guint) g_utf8_strlen (model->organization, -1) <= max_chars || max_chars < 2)
    return g_strdup (model->organization);
  cut = g_utf8_substring (model->organization, 0, max_chars - 1);
  g_strchomp (cut);
  if (g_str_has_suffix (cut, ","))
    cut[strlen (cut) - 1] = '\0';
  return g_strdup_printf ("%s…", cut);
}

/**
 * hu_known_model_get_decimal_year:
 *
 * The publication date as a year with a fraction (2020-07-02 → 2020.5),
 * for placing the model on a time axis; NAN without a date.
 */
double
hu_known_model_get_decimal_year (const HuKnownModel *model)
{
  int y, m, d;
  g_autoptr(GDate) date = NULL;
  double days;

  g_return_val_if_fail (model != NULL, NAN);

  if (model->date == NULL || sscanf (model->date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return NAN;
  date = g_date_new_dmy (d, m, y);
  days = g_date_is_leap_year (y) ? 366 : 365;
  return y + (g_date_get_day_of_year (date) - 1) / days;
}

/* The models of one catalog layer ---------------------------------------- */

void
_hu_model_table_init (HuModelTable *table)
{
  table->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) hu_known_model_unref);
  table->order = g_ptr_array_new_with_free_func ((GDestroyNotify) hu_known_model_unref);
}

void
_hu_model_table_clear (HuModelTable *table)
{
  g_clear_pointer (&table->by_name, g_hash_table_unref);
  g_clear_pointer (&table->order, g_ptr_array_unref);
}

/* Adds @model, replacing a model of the same name in its place (a user
 * catalog may correct a shipped entry). */
void
_hu_model_table_add (HuModelTable *table,
                     HuKnownModel *model)
{
  for (guint i = 0; i < table->order->len; i++)
    if (g_str_equal (((HuKnownModel *) table->order->pdata[i])->name, model->name))
      {
        g_ptr_array_remove_index (table->order, i);
        g_ptr_array_insert (table->order, i, hu_known_model_ref (model));
        g_hash_table_replace (table->by_name, model->name, hu_known_model_ref (model));
        return;
      }
  g_ptr_array_add (table->order, hu_known_model_ref (model));
  g_hash_table_replace (table->by_name, model->name, hu_known_model_ref (model));
}

/* The "models" of a catalog file, in @table; @custom marks a user's. */
gboolean
_hu_model_table_load (HuModelTable  *table,
                      JsonArray     *array,
                      gboolean       custom,
                      GError       **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(HuKnownModel) model = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_INVALID,
                       _("models[%u]: not an object"), i);
          return FALSE;
        }
      if (!(model = hu_known_model_new_from_json (json_node_get_object (node), error)))
        {
          g_prefix_error (error, "models[%u]: ", i);
          return FALSE;
        }
      model->custom = custom;
      _hu_model_table_add (table, model);
    }
  return TRUE;
}
