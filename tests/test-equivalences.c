/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "test-helpers.h"

static double
amount_of (GPtrArray  *eqs,
           const char *kind)
{
  for (guint i = 0; i < eqs->len; i++)
    {
      HuEquivalence *eq = eqs->pdata[i];
      if (g_str_equal (eq->factor->kind, kind))
        return eq->amount;
    }
  g_error ("no %s equivalence", kind);
  return NAN;
}

/* Green Algorithms worked example (published-results.md §9):
 * 10.384 kg → 11.33 tree-months (917 g each), 59.3 km in an EU car
 * (175 g/km). */
static void
test_green_algorithms (void)
{
  const HuEquivalenceSet *set =
    hu_catalog_lookup_equivalence_set (hu_catalog_get_default (), "green-algorithms");
  g_autoptr(GPtrArray) eqs = hu_equivalences_compute (set, 10.384);

  assert_abs (amount_of (eqs, "tree-month"), 11.32, 0.01);
  assert_abs (amount_of (eqs, "car-eu-km"), 59.3, 0.05);
}

/* EPA eGRID2022-era factors: 4.29 t per vehicle-year, 1.24e-5 t per
 * smartphone charge: 1 t = 0.2331 vehicle-years = 80,645 charges. */
static void
test_epa_current (void)
{
  const HuEquivalenceSet *set =
    hu_catalog_lookup_equivalence_set (hu_catalog_get_default (), "epa-current");
  g_autoptr(GPtrArray) eqs = hu_equivalences_compute (set, 1000);

  assert_rel (amount_of (eqs, "car-year"), 1000.0 / 4290, 1e-9);
  assert_rel (amount_of (eqs, "smartphone-charge"), 1000.0 / 0.0124, 1e-9);
}

/* The arithmetic line in hu-units' masses, four significant digits,
 * trailing zeros dropped: 551,588 kg = 551.588 t → "551.6 t"; EPA's
 * 4,290 kg = 4.290 t → "4.29 t"; 0.0124 kg = 12.40 g → "12.4 g";
 * 0.05744 kg = 57.44 g → "57.44 g". */
static const char *
explanation_of (GPtrArray  *eqs,
                const char *kind)
{
  for (guint i = 0; i < eqs->len; i++)
    {
      HuEquivalence *eq = eqs->pdata[i];
      if (g_str_equal (eq->factor->kind, kind))
        return eq->explanation;
    }
  g_error ("no %s equivalence", kind);
  return NULL;
}

static void
test_explanations (void)
{
  const HuEquivalenceSet *set =
    hu_catalog_lookup_equivalence_set (hu_catalog_get_default (), "epa-current");
  g_autoptr(GPtrArray) eqs = hu_equivalences_compute (set, 551588);
  g_autoptr(GPtrArray) tiny = hu_equivalences_compute (set, 0.05744);

  g_assert_cmpstr (explanation_of (eqs, "car-year"), ==, "551.6 t ÷ 4.29 t per vehicle-year");
  g_assert_cmpstr (explanation_of (eqs, "smartphone-charge"), ==, "551.6 t ÷ 12.4 g per smartphone charge");
  g_assert_cmpstr (explanation_of (tiny, "car-year"), ==, "57.44 g ÷ 4.29 t per vehicle-year");
}

/* The same in Spanish: decimal comma, "por" and the catalog's units
 * translated. Its own process, as test_spanish_plurals(). */
static void
test_explanations_spanish (void)
{
  if (g_test_subprocess ())
    {
      const HuEquivalenceSet *set;
      g_autoptr(GPtrArray) eqs = NULL;

      g_setenv ("LANGUAGE", "es", TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "es_ES.UTF-8"));
      set = hu_catalog_lookup_equivalence_set (hu_catalog_get_default (), "epa-current");
      eqs = hu_equivalences_compute (set, 551588);
      g_assert_cmpstr (explanation_of (eqs, "car-year"), ==, "551,6 t ÷ 4,29 t por vehículo-año");
      g_assert_cmpstr (explanation_of (eqs, "smartphone-charge"), ==, "551,6 t ÷ 12,4 g por carga de teléfono móvil");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_labels (void)
{
  g_autofree char *one = hu_equivalence_kind_label ("car-year", 1);
  g_autofree char *many = hu_equivalence_kind_label ("car-year", 15.6);
  g_autofree char *unknown = hu_equivalence_kind_label ("rocket-launch", 2);

  g_assert_cmpstr (one, ==, "1 year of driving a petrol car");
  g_assert_cmpstr (many, ==, "15.6 years of driving a petrol car");
  g_assert_nonnull (strstr (unknown, "rocket-launch"));
}

/* Plurals follow the number shown, in Spanish too: "1 año", "6,6 años".
 * Run in a subprocess: GLib decides once, at the first translation, whether
 * to translate at all, so the locale must be Spanish from the start. */
static void
test_spanish_plurals (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *one = NULL;
      g_autofree char *many = NULL;
      g_autofree char *fraction = NULL;

      g_setenv ("LANGUAGE", "es", TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "es_ES.UTF-8"));
      one = hu_equivalence_kind_label ("car-year", 1);
      many = hu_equivalence_kind_label ("car-year", 7);
      fraction = hu_equivalence_kind_label ("car-year", 6.6);
      g_assert_cmpstr (one, ==, "1 año conduciendo un coche de gasolina");
      g_assert_cmpstr (many, ==, "7 años conduciendo un coche de gasolina");
      g_assert_cmpstr (fraction, ==, "6,6 años conduciendo un coche de gasolina");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static const char *
label_of (GPtrArray  *eqs,
          const char *kind)
{
  for (guint i = 0; i < eqs->len; i++)
    {
      HuEquivalence *eq = eqs->pdata[i];
      if (g_str_equal (eq->factor->kind, kind))
        return eq->label;
    }
  g_error ("no %s equivalence", kind);
  return NULL;
}

/* Issue 10: a measured run of 1.8 g CO₂eq read "4.26 × 10⁻⁷ years" of
 * driving. hu_equivalence_kind_label()'s rule, worked by hand:
 *   car-year, 4,290 kg: 0.0018 ÷ 4,290 = 4.196e-7 years × 8,766 h ×
 *     3,600 s/h = 13.24 s → "13.2 seconds"
 *   car-mile, 0.393 kg: 0.0018 ÷ 0.393 = 0.0045802 miles × 1,609.344 m
 *     = 7.371 m → "7.37 m"
 *   smartphone-charge, 0.0124 kg: 0.0018 ÷ 0.0124 = 0.14516 → "0.145"
 *   tree-seedling, 60 kg: 0.0018 ÷ 60 = 0.00003, below 0.01 → "< 0.01"
 *   coal-lb, 0.905 kg (EPA 2021): 0.0018 ÷ 0.905 = 0.0019890 lb ×
 *     453.59 g = 0.9022 g → "0.902 g"
 *   netflix-hour, 0.036 kg: 0.0018 ÷ 0.036 = 0.05 h × 60 = 3 min
 *   tree-year, 11 kg, of 10.384 kg: 0.94400 years × 8,766 h ÷ 24 h =
 *     344.8 days → "345 days"
 *   tree-month, 0.917 kg, of 10.384 kg: 11.324, at least 1, its own
 *     unit → "11.3 tree-months"
 *   car-year of 551,588 kg: 128.58 → "129 years"
 *   car-mile of a CPU-only run's 5.561 mg: 5.561e-6 ÷ 0.393 = 1.4150e-5
 *     miles × 1,609.344 m = 0.022772 m, below 1 m: 2.28 cm */
typedef struct {
  const char *set;
  double      total_kg;
  const char *kind;
  const char *c;
  const char *es;
} TinyCase;

static const TinyCase tiny_cases[] = {
  { "epa-current", 0.0018, "car-year", "13.2 seconds of driving a petrol car",
    "13,2 segundos conduciendo un coche de gasolina" },
  { "epa-current", 0.0018, "car-mile", "7.37 m driven by an average car",
    "7,37 m recorridos por un coche medio" },
  { "epa-current", 0.0018, "smartphone-charge", "0.145 smartphone charges",
    "0,145 cargas de teléfono móvil" },
  { "epa-current", 0.0018, "tree-seedling-10y", "< 0.01 tree seedlings grown for 10 years",
    "< 0,01 plantones de árbol cultivados durante 10 años" },
  { "epa-2021", 0.0018, "coal-lb", "0.902 g of coal burned", "0,902 g de carbón quemados" },
  { "green-algorithms", 0.0018, "netflix-hour", "3 minutes of video streaming",
    "3 minutos de streaming de vídeo" },
  { "green-algorithms", 10.384, "tree-year", "345 days of one tree's CO₂ absorption",
    "345 días de absorción de CO₂ de un árbol" },
  { "green-algorithms", 10.384, "tree-month", "11.3 tree-months of CO₂ absorption",
    "11,3 meses-árbol de absorción de CO₂" },
  { "epa-current", 551588, "car-year", "129 years of driving a petrol car",
    "129 años conduciendo un coche de gasolina" },
  { "epa-current", 5.561e-6, "car-mile", "2.28 cm driven by an average car",
    "2,28 cm recorridos por un coche medio" },
};

static void
check_tiny_cases (gboolean spanish)
{
  for (guint i = 0; i < G_N_ELEMENTS (tiny_cases); i++)
    {
      const TinyCase *c = &tiny_cases[i];
      const HuEquivalenceSet *set =
        hu_catalog_lookup_equivalence_set (hu_catalog_get_default (), c->set);
      g_autoptr(GPtrArray) eqs = hu_equivalences_compute (set, c->total_kg);

      g_assert_cmpstr (label_of (eqs, c->kind), ==, spanish ? c->es : c->c);
    }
}

static void
test_tiny (void)
{
  check_tiny_cases (FALSE);
}

/* Its own process, as test_spanish_plurals(). */
static void
test_tiny_spanish (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("LANGUAGE", "es", TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "es_ES.UTF-8"));
      check_tiny_cases (TRUE);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* No equivalence, whatever the set and the mass, reads as a power of
 * ten: from 1 μg to 1 kt, every factor of every set. */
static void
test_never_a_power_of_ten (void)
{
  const char *sets[] = { "epa-current", "epa-2021", "green-algorithms" };

  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    for (double kg = 1e-9; kg <= 1e6; kg *= 10)
      {
        const HuEquivalenceSet *set =
          hu_catalog_lookup_equivalence_set (hu_catalog_get_default (), sets[i]);
        g_autoptr(GPtrArray) eqs = hu_equivalences_compute (set, kg);

        for (guint j = 0; j < eqs->len; j++)
          {
            HuEquivalence *eq = eqs->pdata[j];

            g_assert_null (strstr (eq->label, "× 10"));
            g_assert_false (g_regex_match_simple ("[0-9][eE][-+]?[0-9]", eq->label, 0, 0));
          }
      }
}

/* Above a thousand, three significant digits and zeros: the factors are
 * averages known to a few per cent. 4,075,102 → 10^(6 − 2) = 10,000 a
 * step, 407.5102 → 408 steps: "4,080,000"; 128,578 → steps of 1,000,
 * 128.578 → 129: "129,000"; 1,234.5 → steps of 10: "1,230". Spanish
 * groups with a full stop: "4.080.000". */
static void
check_large_cases (gboolean spanish)
{
  g_autofree char *charges = hu_equivalence_kind_label ("smartphone-charge", 4075102);
  g_autofree char *miles = hu_equivalence_kind_label ("car-mile", 128578);
  g_autofree char *coal = hu_equivalence_kind_label ("coal-lb", 1234.5);

  g_assert_nonnull (strstr (charges, spanish ? "4.080.000 " : "4,080,000 "));
  g_assert_nonnull (strstr (miles, spanish ? "129.000 " : "129,000 "));
  g_assert_nonnull (strstr (coal, spanish ? "1.230 " : "1,230 "));
  if (!spanish)
    {
      g_assert_cmpstr (charges, ==, "4,080,000 smartphone charges");
      g_assert_cmpstr (miles, ==, "129,000 miles driven by an average car");
      g_assert_cmpstr (coal, ==, "1,230 pounds of coal burned");
    }
}

static void
test_large (void)
{
  check_large_cases (FALSE);
}

/* Its own process, as test_spanish_plurals(). */
static void
test_large_spanish (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("LANGUAGE", "es", TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "es_ES.UTF-8"));
      check_large_cases (TRUE);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  core_test_init (&argc, &argv);

  g_test_add_func ("/huella/equivalences/green-algorithms", test_green_algorithms);
  g_test_add_func ("/huella/equivalences/epa-current", test_epa_current);
  g_test_add_func ("/huella/equivalences/explanations", test_explanations);
  g_test_add_func ("/huella/equivalences/explanations-spanish", test_explanations_spanish);
  g_test_add_func ("/huella/equivalences/labels", test_labels);
  g_test_add_func ("/huella/equivalences/spanish-plurals", test_spanish_plurals);
  g_test_add_func ("/huella/equivalences/tiny", test_tiny);
  g_test_add_func ("/huella/equivalences/tiny-spanish", test_tiny_spanish);
  g_test_add_func ("/huella/equivalences/never-a-power-of-ten", test_never_a_power_of_ten);
  g_test_add_func ("/huella/equivalences/large", test_large);
  g_test_add_func ("/huella/equivalences/large-spanish", test_large_spanish);
  return g_test_run ();
}
