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

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  hu_core_init ();

  g_test_add_func ("/huella/equivalences/green-algorithms", test_green_algorithms);
  g_test_add_func ("/huella/equivalences/epa-current", test_epa_current);
  g_test_add_func ("/huella/equivalences/explanations", test_explanations);
  g_test_add_func ("/huella/equivalences/explanations-spanish", test_explanations_spanish);
  g_test_add_func ("/huella/equivalences/labels", test_labels);
  g_test_add_func ("/huella/equivalences/spanish-plurals", test_spanish_plurals);
  return g_test_run ();
}
