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

/* What a factor's unit measures, for the smaller units of
 * hu_equivalence_kind_label()'s rule. */
typedef enum {
  MEASURE_COUNT,            /* charges, flights, searches: no smaller unit */
  MEASURE_TIME,             /* size in hours */
  MEASURE_DISTANCE,         /* size in metres */
  MEASURE_MASS,             /* size in kilograms */
} Measure;

typedef struct {
  const char *kind;
  const char *title;        /* column heading */
  const char *singular;     /* "%s year of driving a petrol car" */
  const char *plural;
  Measure     measure;
  double      size;         /* the unit in hours, metres or kilograms */
  const char *phrase;       /* "%s of driving a petrol car", with "13.2 seconds" */
} KindInfo;

#define HOURS_PER_YEAR 8766.0     /* 365.25 days */
#define METRES_PER_MILE 1609.344
#define KG_PER_POUND 0.45359237

/* The catalog names factors by kind; their wording lives here so that it
 * is translated. A kind this table does not know is shown with its unit. */
static const KindInfo kinds[] = {
  { "car-year", N_("Car-years"), NP_("%s year of driving a petrol car", "%s years of driving a petrol car"),
    MEASURE_TIME, HOURS_PER_YEAR,
    /* Translators: %s is a duration, "13.2 seconds" */
    N_("%s of driving a petrol car") },
  { "car-mile", N_("Miles by car"), NP_("%s mile driven by an average car", "%s miles driven by an average car"),
    MEASURE_DISTANCE, METRES_PER_MILE,
    /* Translators: %s is a distance, "740 m" */
    N_("%s driven by an average car") },
  { "car-eu-km", N_("km by car (EU)"), NP_("%s km driven by an average European car", "%s km driven by an average European car"),
    MEASURE_DISTANCE, 1000, N_("%s driven by an average European car") },
  { "car-us-km", N_("km by car (US)"), NP_("%s km driven by an average US car", "%s km driven by an average US car"),
    MEASURE_DISTANCE, 1000, N_("%s driven by an average US car") },
  { "train-km", N_("km by train"), NP_("%s km by train", "%s km by train"),
    MEASURE_DISTANCE, 1000,
    /* Translators: %s is a distance, "740 m" */
    N_("%s by train") },
  { "flight-economy-km", N_("Flight km"), NP_("%s passenger-km flown in economy", "%s passenger-km flown in economy"),
    MEASURE_DISTANCE, 1000,
    /* Translators: %s is a distance, "740 m" */
    N_("%s flown by one passenger in economy") },
  { "flight-paris-london", N_("Paris–London flights"), NP_("%s passenger flight Paris–London", "%s passenger flights Paris–London"),
    MEASURE_COUNT, 1, NULL },
  { "flight-paris-dublin", N_("Paris–Dublin flights"), NP_("%s passenger flight Paris–Dublin", "%s passenger flights Paris–Dublin"),
    MEASURE_COUNT, 1, NULL },
  { "flight-ny-sf", N_("New York–San Francisco flights"), NP_("%s passenger flight New York–San Francisco", "%s passenger flights New York–San Francisco"),
    MEASURE_COUNT, 1, NULL },
  { "flight-nyc-melbourne", N_("New York–Melbourne flights"), NP_("%s passenger flight New York–Melbourne", "%s passenger flights New York–Melbourne"),
    MEASURE_COUNT, 1, NULL },
  { "smartphone-charge", N_("Smartphone charges"), NP_("%s smartphone charge", "%s smartphone charges"),
    MEASURE_COUNT, 1, NULL },
  { "coal-lb", N_("Pounds of coal"), NP_("%s pound of coal burned", "%s pounds of coal burned"),
    MEASURE_MASS, KG_PER_POUND,
    /* Translators: %s is a mass, "450 g" */
    N_("%s of coal burned") },
  { "coal-kg", N_("kg of coal"), NP_("%s kg of coal burned", "%s kg of coal burned"),
    MEASURE_MASS, 1, N_("%s of coal burned") },
  { "home-year", N_("Home-years"), NP_("%s year of a US home's energy use", "%s years of a US home's energy use"),
    MEASURE_TIME, HOURS_PER_YEAR,
    /* Translators: %s is a duration, "13.2 seconds" */
    N_("%s of a US home's energy use") },
  { "tree-seedling-10y", N_("Tree seedlings"), NP_("%s tree seedling grown for 10 years", "%s tree seedlings grown for 10 years"),
    MEASURE_COUNT, 1, NULL },
  { "tree-month", N_("Tree-months"), NP_("%s tree-month of CO₂ absorption", "%s tree-months of CO₂ absorption"),
    MEASURE_TIME, HOURS_PER_YEAR / 12,
    /* Translators: %s is a duration, "3.2 days" */
    N_("%s of one tree's CO₂ absorption") },
  { "tree-year", N_("Tree-years"), NP_("%s tree-year of CO₂ absorption", "%s tree-years of CO₂ absorption"),
    MEASURE_TIME, HOURS_PER_YEAR, N_("%s of one tree's CO₂ absorption") },
  { "gasoline-gallon", N_("Gallons of petrol"), NP_("%s US gallon of petrol burned", "%s US gallons of petrol burned"),
    MEASURE_COUNT, 1, NULL },
  { "netflix-hour", N_("Hours of streaming"), NP_("%s hour of video streaming", "%s hours of video streaming"),
    MEASURE_TIME, 1,
    /* Translators: %s is a duration, "12 minutes" */
    N_("%s of video streaming") },
  { "google-search", N_("Web searches"), NP_("%s web search", "%s web searches"),
    MEASURE_COUNT, 1, NULL },
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

typedef struct {
  double      size;         /* hours, metres or kilograms */
  const char *singular;
  const char *plural;
} SmallerUnit;

/* Largest first; the last is the smallest there is. */
static const SmallerUnit time_units[] = {
  { 24, NP_("%s day", "%s days") },
  { 1, NP_("%s hour", "%s hours") },
  { 1.0 / 60, NP_("%s minute", "%s minutes") },
  { 1.0 / 3600, NP_("%s second", "%s seconds") },
};
/* Symbols, the same for one and many: no plural. */
static const SmallerUnit distance_units[] = {
  /* Translators: a distance in metres, "740 m" */
  { 1, N_("%s m"), NULL },
  /* Translators: a distance in centimetres, "2.28 cm" */
  { 0.01, N_("%s cm"), NULL },
};
static const SmallerUnit mass_units[] = {
  { 1e-3, N_("%s g"), NULL },
};

/* @amount with three significant digits down to a hundredth, in the
 * locale's grouping; below that "< 0.01" (issue 10). */
static char *
format_amount (double  amount,
               gulong *n)
{
  if (amount != 0 && fabs (amount) < 0.005)
    {
      g_autofree char *limit = hu_format_fixed (0.01, 2);

      *n = 2;
      return g_strdup_printf (amount > 0 ? "< %s" : "> −%s", limit);
    }
  /* Three significant digits above a thousand as below it: the factors
   * are averages known to a few per cent, and "4,075,102 smartphone
   * charges" claims seven digits; 4,075,102 reads "4,080,000". */
  if (fabs (amount) >= 1000)
    {
      double step = pow (10, floor (log10 (fabs (amount))) - 2);

      amount = round (amount / step) * step;
    }
  *n = hu_plural_count (amount);
  return hu_format_number (amount, 3);
}

/**
 * hu_equivalence_kind_label:
 * @amount: how many of the factor's unit
 *
 * An equivalence must read as a number a person can picture (issue 10):
 * never "4.26 × 10⁻⁷ years of driving a petrol car". The rule, for every
 * factor of every set, in the app, the CLI and the reports:
 *
 * - From 1 up, the amount reads in the factor's own unit, three
 *   significant digits ("15.7 years of driving a petrol car"; above a
 *   thousand the rest are zeros: "4,080,000 smartphone charges").
 * - Below 1, a duration, a distance or a mass goes down to the largest
 *   smaller unit in which it is at least 1: days, hours, minutes,
 *   seconds; metres, centimetres; grams. 1.8 g ÷ 4,290 kg per vehicle-year =
 *   4.20 × 10⁻⁷ years × 8,766 h × 3,600 s/h = 13.2 s: "13.2 seconds of
 *   driving a petrol car".
 * - What has no smaller unit (a smartphone charge, a flight, a search,
 *   a seedling, a gallon), or is below 1 even in the smallest (a second,
 *   a metre, a gram), reads with three significant digits down to 0.01
 *   ("0.145 smartphone charges"), and below that as less than 0.01 of
 *   its unit ("< 0.01 passenger flights New York–Melbourne"), never as a
 *   power of ten.
 */
char *
hu_equivalence_kind_label (const char *kind,
                           double      amount)
{
  const KindInfo *info = find_kind (kind);
  g_autofree char *number = NULL;
  const SmallerUnit *units = NULL;
  guint n_units = 0;
  gulong n;

  if (info == NULL)
    {
      number = format_amount (amount, &n);
      return g_strdup_printf ("%s × %s", number, kind);
    }

  switch (info->measure)
    {
    case MEASURE_TIME:
      units = time_units, n_units = G_N_ELEMENTS (time_units);
      break;
    case MEASURE_DISTANCE:
      units = distance_units, n_units = G_N_ELEMENTS (distance_units);
      break;
    case MEASURE_MASS:
      units = mass_units, n_units = G_N_ELEMENTS (mass_units);
      break;
    case MEASURE_COUNT:
    default:
      break;
    }

  if (amount != 0 && fabs (amount) < 1 && n_units > 0 && info->phrase != NULL)
    {
      double base = amount * info->size;
      const SmallerUnit *unit = &units[n_units - 1];
      g_autofree char *quantity = NULL;

      for (guint i = 0; i < n_units; i++)
        if (units[i].size < info->size && fabs (base) / units[i].size >= 1)
          {
            unit = &units[i];
            break;
          }
      number = format_amount (base / unit->size, &n);
      quantity = g_strdup_printf (unit->plural == NULL ? _(unit->singular)
                                  : g_dngettext (GETTEXT_PACKAGE, unit->singular, unit->plural, n),
                                  number);
      return g_strdup_printf (_(info->phrase), quantity);
    }

  number = format_amount (amount, &n);
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
