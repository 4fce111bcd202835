/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Country names in the user's language (issue 10, seen in Spanish): a
 * national grid is shown by the name iso-codes translates for its ISO
 * 3166-1 code; a sub-national grid keeps the provider's name for its
 * part of the country; cloud regions keep the provider's name. The
 * expected names are iso-codes' own Spanish translations (iso_3166-1,
 * es), not what the code happens to print. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "test-helpers.h"

static HuRegion *
region (const char *id)
{
  HuRegion *r = hu_catalog_lookup_region (hu_catalog_get_default (), id);

  g_assert_nonnull (r);
  return r;
}

/* In English the catalog's names stand, "Germany" as it has it. */
static void
test_english (void)
{
  g_assert_null (hu_country_get_name ("DE"));
  g_assert_cmpstr (hu_region_get_display_name (region ("grid/DE")), ==, "Germany");
  g_assert_cmpstr (hu_region_get_display_name (region ("grid/US-WA")), ==,
                   region ("grid/US-WA")->name);
  g_assert_cmpstr (hu_region_get_display_name (region ("gcp/europe-west4")), ==,
                   region ("gcp/europe-west4")->name);
}

/* tools/dev installs iso-codes and the es_ES locale: both are asserted,
 * not skipped, so a machine without them fails here. */
static void
test_spanish (void)
{
  g_assert_true (g_file_test ("/usr/share/locale/es/LC_MESSAGES/iso_3166-1.mo",
                              G_FILE_TEST_EXISTS));
  g_assert_nonnull (setlocale (LC_ALL, "es_ES.UTF-8"));
  g_setenv ("LANGUAGE", "es", TRUE);

  g_assert_cmpstr (hu_country_get_name ("DE"), ==, "Alemania");
  /* A common name where iso-codes translates it (Taiwan → Taiwán), the
   * formal one where it does not ("South Korea" is untranslated). */
  g_assert_cmpstr (hu_country_get_name ("TW"), ==, "Taiwán");
  g_assert_cmpstr (hu_country_get_name ("KR"), ==, "Corea, República de");
  g_assert_null (hu_country_get_name ("XK"));   /* not in ISO 3166-1 */
  g_assert_null (hu_country_get_name ("D"));

  g_assert_cmpstr (hu_region_get_display_name (region ("grid/DE")), ==, "Alemania");
  g_assert_cmpstr (hu_region_get_display_name (region ("grid/ES")), ==, "España");
  /* The part of the country as the provider names it, the country as
   * iso-codes translates it. */
  g_assert_true (g_str_has_suffix (region ("grid/US-VT")->name, ", United States"));
  g_assert_cmpstr (hu_region_get_display_name (region ("grid/US-VT")), ==,
                   "Vermont, Estados Unidos");
  /* Its part too where iso-codes' ISO 3166-2 domain translates it:
   * "Columbia Británica" is iso-codes' word, asked of it here. */
  {
    g_autofree char *bc = g_strdup_printf ("%s, %s", g_dgettext ("iso_3166-2", "British Columbia"),
                                           g_dgettext ("iso_3166-1", "Canada"));

    g_assert_cmpstr (g_dgettext ("iso_3166-2", "British Columbia"), !=, "British Columbia");
    g_assert_cmpstr (hu_region_get_display_name (region ("grid/CA-BC")), ==, bc);
  }
  /* Cloud regions as their provider names them. */
  g_assert_cmpstr (hu_region_get_display_name (region ("gcp/europe-west4")), ==,
                   region ("gcp/europe-west4")->name);
  /* The catalog itself is untouched: machine formats keep its names. */
  g_assert_cmpstr (region ("grid/DE")->name, ==, "Germany");

  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
}

int
main (int    argc,
      char **argv)
{
  g_unsetenv ("LANGUAGE");
  core_test_init (&argc, &argv);

  g_test_add_func ("/huella/country/english", test_english);
  g_test_add_func ("/huella/country/spanish", test_spanish);
  return g_test_run ();
}
