/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-range"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hu-json-private.h"
#include "hu-number.h"
#include "hu-range.h"

G_DEFINE_QUARK (hu-range-error-quark, hu_range_error)

void
hu_range_init (HuRange *range)
{
  g_return_if_fail (range != NULL);
  range->low = range->likely = range->high = NAN;
}

gboolean
hu_range_is_set (const HuRange *range)
{
  return range != NULL && !isnan (range->low) && !isnan (range->high);
}

static gboolean
same (double a,
      double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

gboolean
hu_range_equal (const HuRange *a,
                const HuRange *b)
{
  return same (a->low, b->low) && same (a->likely, b->likely) && same (a->high, b->high);
}

/**
 * hu_range_point:
 *
 * Returns: the likely value, or the middle of a uniform range; NAN when
 *   the range is not set.
 */
double
hu_range_point (const HuRange *range)
{
  if (!hu_range_is_set (range))
    return NAN;
  if (!isnan (range->likely))
    return range->likely;
  return range->low + (range->high - range->low) / 2.0;
}

double
hu_range_quantile (const HuRange *r,
                   double         u)
{
  double width = r->high - r->low;
  double c;

  if (!(width > 0))
    return r->low;
  if (isnan (r->likely))
    return r->low + u * width;

  /* Triangular: F(x) = (x−a)² / ((b−a)(c−a)) below the mode c, and
   * 1 − (b−x)² / ((b−a)(b−c)) above it; inverted piece by piece. */
  c = (r->likely - r->low) / width;
  if (u < c)
    return r->low + sqrt (u * width * (r->likely - r->low));
  return r->high - sqrt ((1.0 - u) * width * (r->high - r->likely));
}

static gboolean
parse_end (const char  *text,
           double      *out,
           GError     **error)
{
  return hu_number_parse (text, HU_NUMBER_SUFFIXES, out, error);
}

gboolean
hu_range_parse (const char  *text,
                HuRange     *out,
                gboolean    *is_range,
                GError     **error)
{
  g_auto(GStrv) parts = NULL;
  guint n;

  g_return_val_if_fail (text != NULL && out != NULL, FALSE);

  hu_range_init (out);
  *is_range = FALSE;
  if (strstr (text, "..") == NULL)
    return parse_end (text, &out->likely, error);

  parts = g_strsplit (text, "..", -1);
  n = g_strv_length (parts);
  if (n != 2 && n != 3)
    {
      g_set_error (error, HU_RANGE_ERROR, 0,
                   _("“%s” is not a range: write LOW..HIGH or LOW..LIKELY..HIGH"), text);
      return FALSE;
    }
  if (!parse_end (parts[0], &out->low, error) ||
      (n == 3 && !parse_end (parts[1], &out->likely, error)) ||
      !parse_end (parts[n - 1], &out->high, error))
    return FALSE;
  *is_range = TRUE;
  return TRUE;
}

char *
hu_range_to_string (const HuRange *range)
{
  g_autofree char *low = hu_number_to_string (range->low);
  g_autofree char *high = hu_number_to_string (range->high);
  g_autofree char *likely = NULL;

  if (isnan (range->likely))
    return g_strdup_printf ("%s..%s", low, high);
  likely = hu_number_to_string (range->likely);
  return g_strdup_printf ("%s..%s..%s", low, likely, high);
}

char *
hu_format_range_only (double   low,
                      double   high,
                      char  *(*format) (double))
{
  g_autofree char *lo = format (low);
  g_autofree char *hi = format (high);
  const char *lo_unit = strchr (lo, ' ');
  const char *hi_unit = strchr (hi, ' ');

  /* "5.1 t" and "14.8 t" share " t": write "5.1–14.8 t". */
  if (lo_unit && hi_unit && g_str_equal (lo_unit, hi_unit))
    return g_strdup_printf ("%.*s–%s", (int) (lo_unit - lo), lo, hi);
  return g_strdup_printf ("%s–%s", lo, hi);
}

char *
hu_format_interval (double   value,
                    double   low,
                    double   high,
                    char  *(*format) (double))
{
  g_autofree char *point = format (value);
  g_autofree char *range = NULL;

  if (!isfinite (low) || !isfinite (high) || low == high)
    return g_steal_pointer (&point);
  range = hu_format_range_only (low, high, format);
  /* TRANSLATORS: a value and its likely range, "9.2 t (5.1–14.8 t)" */
  return g_strdup_printf (_("%s (%s)"), point, range);
}

/**
 * hu_range_from_json:
 * @node: the member's value, an object `{"low", "likely"?, "high"}`
 * @key: the member's name, for messages
 *
 * Reads the shape only; the domain of the input and the order of the
 * ends are checked by hu_inputs_check_range(), which knows the input.
 */
gboolean
hu_range_from_json (JsonNode    *node,
                    const char  *key,
                    HuRange     *out,
                    GError     **error)
{
  JsonObject *object;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;
  g_autoptr(GError) local = NULL;

  hu_range_init (out);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, HU_RANGE_ERROR, 0, _("%s: expected a number or a range"), key);
      return FALSE;
    }
  object = json_node_get_object (node);

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &value))
    if (!g_str_equal (member, "low") && !g_str_equal (member, "likely") &&
        !g_str_equal (member, "high"))
      {
        g_set_error (error, HU_RANGE_ERROR, 0,
                     _("%s: unknown key “%s” in a range (use low, likely and high)"),
                     key, member);
        return FALSE;
      }

  if (!_hu_json_get_double (object, "low", -G_MAXDOUBLE, TRUE, &out->low, &local) ||
      !_hu_json_get_double (object, "likely", -G_MAXDOUBLE, FALSE, &out->likely, &local) ||
      !_hu_json_get_double (object, "high", -G_MAXDOUBLE, TRUE, &out->high, &local))
    {
      g_set_error (error, HU_RANGE_ERROR, 0, "%s: %s", key, local->message);
      return FALSE;
    }
  return TRUE;
}

void
hu_range_to_json (const HuRange *range,
                  JsonBuilder   *builder,
                  const char    *key)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_object (builder);
  _hu_json_add_double (builder, "low", range->low);
  if (!isnan (range->likely))
    _hu_json_add_double (builder, "likely", range->likely);
  _hu_json_add_double (builder, "high", range->high);
  json_builder_end_object (builder);
}
