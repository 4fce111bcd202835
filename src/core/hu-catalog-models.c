/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The known-model part of HuCatalog: storage, lookup by name, search
 * without regard to accents or case, and close-name suggestions. */

#define G_LOG_DOMAIN "hu-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hu-catalog-models.h"
#include "hu-catalog-private.h"
#include "hu-text.h"

/**
 * hu_catalog_add_model:
 *
 * Adds @model, replacing a model of the same name (a user catalog may
 * correct a shipped entry).
 */
void
hu_catalog_add_model (HuCatalog    *self,
                      HuKnownModel *model)
{
  g_return_if_fail (HU_IS_CATALOG (self));
  g_return_if_fail (model != NULL && model->name != NULL);

  _hu_model_table_add (_hu_catalog_get_models (self), model);
}

HuKnownModel *
hu_catalog_lookup_model (HuCatalog  *self,
                         const char *name)
{
  HuKnownModel *model;
  HuCatalog *parent;

  g_return_val_if_fail (HU_IS_CATALOG (self), NULL);

  if (name == NULL)
    return NULL;
  if ((model = g_hash_table_lookup (_hu_catalog_get_models (self)->by_name, name)))
    return model;
  parent = _hu_catalog_get_parent (self);
  return parent ? hu_catalog_lookup_model (parent, name) : NULL;
}

/**
 * hu_catalog_list_models:
 *
 * Returns: (transfer container): every model, the parent's first in their
 *   order (a replaced one keeps its place), then this layer's new ones
 */
GPtrArray *
hu_catalog_list_models (HuCatalog *self)
{
  HuModelTable *own;
  HuCatalog *parent;
  GPtrArray *out;

  g_return_val_if_fail (HU_IS_CATALOG (self), NULL);

  own = _hu_catalog_get_models (self);
  parent = _hu_catalog_get_parent (self);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hu_known_model_unref);
  if (parent)
    {
      g_autoptr(GPtrArray) inherited = hu_catalog_list_models (parent);

      for (guint i = 0; i < inherited->len; i++)
        {
          HuKnownModel *m = inherited->pdata[i];
          HuKnownModel *mine = g_hash_table_lookup (own->by_name, m->name);
          g_ptr_array_add (out, hu_known_model_ref (mine ? mine : m));
        }
    }
  for (guint i = 0; i < own->order->len; i++)
    {
      HuKnownModel *m = own->order->pdata[i];
      if (parent == NULL || hu_catalog_lookup_model (parent, m->name) == NULL)
        g_ptr_array_add (out, hu_known_model_ref (m));
    }
  return out;
}

/**
 * hu_catalog_search_models:
 *
 * Models whose name or organisation contains @text, compared without
 * accents or case (hu_text_fold()): “nuwa” finds “NÜWA”.
 *
 * Returns: (transfer container): the matches in catalog order
 */
GPtrArray *
hu_catalog_search_models (HuCatalog  *self,
                          const char *text)
{
  g_autoptr(GPtrArray) all = hu_catalog_list_models (self);
  g_autofree char *needle = hu_text_fold (text);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hu_known_model_unref);

  for (guint i = 0; i < all->len; i++)
    {
      HuKnownModel *m = all->pdata[i];
      g_autofree char *name = hu_text_fold (m->name);
      g_autofree char *org = hu_text_fold (m->organization);

      if (strstr (name, needle) || strstr (org, needle))
        g_ptr_array_add (out, hu_known_model_ref (m));
    }
  return out;
}

/* The smallest edit distance between @needle and any substring of @hay
 * (Sellers' algorithm): how far the best-matching part of a long model
 * name is from what the user typed. */
static guint
substring_distance (const char *needle,
                    const char *hay)
{
  gsize ln = strlen (needle), lh = strlen (hay);
  g_autofree guint *col = g_new (guint, ln + 1);
  guint best;

  /* col[i]: distance of needle[0..i) to the best substring ending here. */
  for (gsize i = 0; i <= ln; i++)
    col[i] = i;
  best = col[ln];
  for (gsize j = 1; j <= lh; j++)
    {
      guint diag = col[0];
      col[0] = 0;
      for (gsize i = 1; i <= ln; i++)
        {
          guint up = col[i];
          guint cost = needle[i - 1] == hay[j - 1] ? 0 : 1;
          col[i] = MIN (MIN (col[i] + 1, col[i - 1] + 1), diag + cost);
          diag = up;
        }
      best = MIN (best, col[ln]);
    }
  return best;
}

static gboolean
has_every_word (const char *hay,
                const char *needle)
{
  g_auto(GStrv) words = g_strsplit_set (needle, " -_()/,.", -1);
  gboolean any = FALSE;

  for (guint i = 0; words[i]; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (!strstr (hay, words[i]))
        return FALSE;
      any = TRUE;
    }
  return any;
}

/* Letters and digits only: “Llama2-70B” and “Llama 2-70B” compact to the
 * same text. */
static char *
compact (const char *folded)
{
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  const char *name;
  guint       score;
  gsize       length;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->score != cb->score)
    return ca->score < cb->score ? -1 : 1;
  if (ca->length != cb->length)
    return ca->length < cb->length ? -1 : 1;
  return g_strcmp0 (ca->name, cb->name);
}

/* The best five, quoted: “a”, “b”, … */
static char *
quote_candidates (GArray *candidates)
{
  GString *out = g_string_new (NULL);

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < MIN (5u, candidates->len); i++)
    {
      if (out->len)
        g_string_append (out, ", ");
      g_string_append_printf (out, "“%s”", g_array_index (candidates, Candidate, i).name);
    }
  return g_string_free (out, FALSE);
}

/**
 * hu_catalog_suggest_models:
 *
 * Up to five model names close to @text, for "did you mean" messages:
 * names containing it, then names containing it once spaces and
 * punctuation are ignored or containing each of its words, then names
 * with a part within a few typing mistakes of it. Shorter names first
 * among equals.
 *
 * Returns: (transfer full) (nullable): “a”, “b”, …, or %NULL
 */
char *
hu_catalog_suggest_models (HuCatalog  *self,
                           const char *text)
{
  g_autoptr(GPtrArray) all = hu_catalog_list_models (self);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree char *needle = hu_text_fold (text);
  g_autofree char *needle_compact = compact (needle);
  guint limit = MAX (1u, strlen (needle) / 3);

  if (*needle == '\0')
    return NULL;

  for (guint i = 0; i < all->len; i++)
    {
      HuKnownModel *m = all->pdata[i];
      g_autofree char *name = hu_text_fold (m->name);
      g_autofree char *name_compact = compact (name);
      Candidate c = { m->name, 0, strlen (name) };

      if (strstr (name, needle))
        c.score = 0;
      else if ((*needle_compact && strstr (name_compact, needle_compact)) ||
               has_every_word (name_compact, needle))
        c.score = 1;
      else
        {
          guint d = substring_distance (needle, name);
          if (d > limit)
            continue;
          c.score = 2 + d;
        }
      g_array_append_val (candidates, c);
    }
  if (candidates->len == 0)
    return NULL;
  return quote_candidates (candidates);
}

/**
 * hu_catalog_find_model:
 * @name: a model's exact name, or text that only one model matches
 *
 * The model the user means: the exact name, else the one name equal to
 * @name without regard to accents and case, else the only search match.
 * Otherwise an error %HU_CATALOG_ERROR_UNKNOWN_MODEL that names the
 * matches, or close names.
 *
 * Returns: (transfer none) (nullable): the model, or %NULL with @error set
 */
HuKnownModel *
hu_catalog_find_model (HuCatalog   *self,
                       const char  *name,
                       GError     **error)
{
  HuKnownModel *model;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *suggestion = NULL;

  g_return_val_if_fail (HU_IS_CATALOG (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if ((model = hu_catalog_lookup_model (self, name)))
    return model;

  folded = hu_text_fold (name);
  all = hu_catalog_list_models (self);
  for (guint i = 0; i < all->len; i++)
    {
      g_autofree char *other = hu_text_fold (((HuKnownModel *) all->pdata[i])->name);
      if (g_str_equal (folded, other))
        return hu_catalog_lookup_model (self, ((HuKnownModel *) all->pdata[i])->name);
    }

  matches = hu_catalog_search_models (self, name);
  if (matches->len == 1 && *folded != '\0')
    return hu_catalog_lookup_model (self, ((HuKnownModel *) matches->pdata[0])->name);

  if (matches->len > 1)
    {
      g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

      for (guint i = 0; i < matches->len; i++)
        {
          HuKnownModel *m = matches->pdata[i];
          Candidate c = { m->name, 0, strlen (m->name) };
          g_array_append_val (candidates, c);
        }
      suggestion = quote_candidates (candidates);
      g_set_error (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_UNKNOWN_MODEL,
                   /* Translators: a model name, a count, then quoted model names */
                   g_dngettext (GETTEXT_PACKAGE, "model: “%s” matches %u model: %s; give its exact name",
                                "model: “%s” matches %u models (%s); give the exact name",
                                matches->len),
                   name, matches->len, suggestion);
      return NULL;
    }

  suggestion = hu_catalog_suggest_models (self, name);
  if (suggestion)
    g_set_error (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_UNKNOWN_MODEL,
                 _("model: unknown model “%s” (did you mean %s?)"), name, suggestion);
  else
    g_set_error (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_UNKNOWN_MODEL,
                 _("model: unknown model “%s” (see `huella-cli models --search`)"), name);
  return NULL;
}
