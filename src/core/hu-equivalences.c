/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-equivalences"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hu-equivalences.h"
#include "hu-number.h"
#include "hu-units.h"

/* A singular/plural pair for a table: expands to two initialisers and is
 * extracted by xgettext as one plural message (po/meson.build passes
 * --keyword=NP_:1,2). */
#define NP_(singular, plural) singular, plural

typedef struct {
  const char *kind;
  const char *title;        /* column heading */
  const char *singular;     /* "%s year of driving a car" */
  const char *plural;
} KindInfo;

/* The catalog names factors by kind; their wording lives here so that it
 * is translated. A kind this table does not know is shown with its unit. */
static const KindInfo kinds[] = {
  { "car-year", N_("Car-years"), NP_("%s year of driving a petrol car", "%s years of driving a petrol car") },
  { "car-mile", N_("Miles by car"), NP_("%s mile driven by an average car", "%s miles driven by an average car") },
  { "car-eu-km", N_("km by car (EU)"), NP_("%s km driven by an average European car", "%s km driven by an average European car") },
  { "car-us-km", N_("km by car (US)"), NP_("%s km driven by an average US car", "%s km driven by an average US car") },
  { "train-km", N_("km by train"), NP_("%s km by train", "%s km by train") },
  { "flight-economy-km", N_("Flight km"), NP_("%s passenger-km flown in economy", "%s passenger-km flown in economy") },
  { "flight-paris-london", N_("Paris–London flights"), NP_("%s passenger flight Paris–London", "%s passenger flights Paris–London") },
  { "flight-paris-dublin", N_("Paris–Dublin flights"), NP_("%s passenger flight Paris–Dublin", "%s passenger flights Paris–Dublin") },
  { "flight-ny-sf", N_("New York–San Francisco flights"), NP_("%s passenger flight New York–San Francisco", "%s passenger flights New York–San Francisco") },
  { "flight-nyc-melbourne", N_("New York–Melbourne flights"), NP_("%s passenger flight New York–Melbourne", "%s passenger flights New York–Melbourne") },
  { "smartphone-charge", N_("Smartphone charges"), NP_("%s smartphone charge", "%s smartphone charges") },
  { "coal-lb", N_("Pounds of coal"), NP_("%s pound of coal burned", "%s pounds of coal burned") },
  { "coal-kg", N_("kg of coal"), NP_("%s kg of coal burned", "%s kg of coal burned") },
  { "home-year", N_("Home-years"), NP_("%s year of a US home's energy use", "%s years of a US home's energy use") },
  { "tree-seedling-10y", N_("Tree seedlings"), NP_("%s tree seedling grown for 10 years", "%s tree seedlings grown for 10 years") },
  { "tree-month", N_("Tree-months"), NP_("%s tree-month of CO₂ absorption", "%s tree-months of CO₂ absorption") },
  { "tree-year", N_("Tree-years"), NP_("%s tree-year of CO₂ absorption", "%s tree-years of CO₂ absorption") },
  { "gasoline-gallon", N_("Gallons of petrol"), NP_("%s US gallon of petrol burned", "%s US gallons of petrol burned") },
  { "netflix-hour", N_("Hours of streaming"), NP_("%s hour of video streaming", "%s hours of video streaming") },
  { "google-search", N_("Web searches"), NP_("%s web search", "%s web searches") },
};

static const KindInfo *
find_kind (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      return &kinds[i];
  return NULL;
}

const char *
hu_equivalence_kind_title (const char *kind)
{
  const KindInfo *info = find_kind (kind);
  return info ? _(info->title) : kind;
}

char *
hu_equivalence_kind_label (const char *kind,
                           double      amount)
{
  const KindInfo *info = find_kind (kind);
  g_autofree char *number = hu_format_number (amount, 3);
  gulong n = hu_plural_count (amount);

  if (info == NULL)
    return g_strdup_printf ("%s × %s", number, kind);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, info->singular, info->plural, n), number);
}

void
hu_equivalence_free (HuEquivalence *equivalence)
{
  if (equivalence == NULL)
    return;
  g_free (equivalence->label);
  g_free (equivalence->explanation);
  g_free (equivalence);
}

/**
 * hu_equivalences_compute:
 * @set: a factor set from the catalog
 * @total_kg: emissions to express
 *
 * Returns: (transfer container): one #HuEquivalence per factor, in the
 * set's order, each with the arithmetic spelt out.
 */
/* The units of data/catalog/equivalences.json, marked so that they are
 * translated: the catalog is data, but its units are read in the user's
 * language ("4.290 kg por vehículo-año"). A unit not listed here shows as
 * the catalog spells it. */
static const char *const catalog_units[] G_GNUC_UNUSED = {
  NC_("equivalence unit", "US gallon gasoline"),
  NC_("equivalence unit", "home-year"),
  NC_("equivalence unit", "km"),
  NC_("equivalence unit", "lb coal"),
  NC_("equivalence unit", "mile"),
  NC_("equivalence unit", "passenger flight"),
  NC_("equivalence unit", "passenger-km"),
  NC_("equivalence unit", "search"),
  NC_("equivalence unit", "smartphone charge"),
  NC_("equivalence unit", "streaming-hour"),
  NC_("equivalence unit", "tree seedling (10 years)"),
  NC_("equivalence unit", "tree-month"),
  NC_("equivalence unit", "tree-year"),
  NC_("equivalence unit", "vehicle-year"),
};

GPtrArray *
hu_equivalences_compute (const HuEquivalenceSet *set,
                         double                  total_kg)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hu_equivalence_free);

  g_return_val_if_fail (set != NULL, out);

  for (guint i = 0; set->factors && i < set->factors->len; i++)
    {
      const HuEquivalenceFactor *f = set->factors->pdata[i];
      HuEquivalence *eq = g_new0 (HuEquivalence, 1);
      /* Each figure in its own unit, as hu-units writes every mass a
       * user reads ("551.6 t", "12.4 g"), not "551588 kg". */
      g_autofree char *mass = hu_unit_format_full (HU_UNIT_MASS_KG, total_kg, NULL, 0, HU_UNITS_TRIM);
      g_autofree char *factor = hu_unit_format_full (HU_UNIT_MASS_KG, f->kg_per_unit, NULL, 0, HU_UNITS_TRIM);

      eq->factor = f;
      eq->amount = total_kg / f->kg_per_unit;
      eq->label = hu_equivalence_kind_label (f->kind, eq->amount);
      /* TRANSLATORS: a mass divided by a mass per unit, both with their
       * units: "551.6 t ÷ 4.29 t per vehicle-year" */
      eq->explanation = g_strdup_printf (_("%s ÷ %s per %s"), mass, factor,
                                         f->unit ? g_dpgettext2 (GETTEXT_PACKAGE,
                                                                 "equivalence unit", f->unit)
                                                 : f->kind);
      g_ptr_array_add (out, eq);
    }
  return out;
}
