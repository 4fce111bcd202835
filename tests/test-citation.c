/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Data-source citations in the reader's language (issue 10, item 1's
 * leftover): the words around the proper names are translated, the names,
 * titles and years kept; in English every citation reads as the catalog
 * writes it. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "hu-core.h"
#include "test-init.h"

/* Every citation a user can read: GPUs, regions, PUE defaults and the
 * equivalence sets with their factors. */
static GPtrArray *
catalog_citations (void)
{
  HuCatalog *catalog = hu_catalog_get_default ();
  g_autoptr(GPtrArray) gpus = hu_catalog_list_gpus (catalog);
  g_autoptr(GPtrArray) regions = hu_catalog_list_regions (catalog);
  GPtrArray *sets = hu_catalog_list_equivalence_sets (catalog);   /* the catalog's own */
  GPtrArray *all = g_ptr_array_new ();
  const char *providers[] = { "gcp", "aws", "azure", NULL };

  for (guint i = 0; i < gpus->len; i++)
    g_ptr_array_add (all, ((HuGpu *) gpus->pdata[i])->source);
  for (guint i = 0; i < regions->len; i++)
    g_ptr_array_add (all, ((HuRegion *) regions->pdata[i])->source);
  for (guint i = 0; i < G_N_ELEMENTS (providers); i++)
    g_ptr_array_add (all, hu_catalog_get_pue_default (catalog, providers[i])->source);
  for (guint i = 0; i < sets->len; i++)
    {
      HuEquivalenceSet *set = sets->pdata[i];

      g_ptr_array_add (all, set->name);
      g_ptr_array_add (all, set->source);
      for (guint f = 0; f < set->factors->len; f++)
        g_ptr_array_add (all, ((HuEquivalenceFactor *) set->factors->pdata[f])->source);
    }
  for (guint i = all->len; i > 0; i--)
    if (all->pdata[i - 1] == NULL)
      g_ptr_array_remove_index (all, i - 1);
  /* 40 accelerators and 429 regions at least */
  g_assert_cmpuint (all->len, >, 469);
  return all;
}

static gboolean
use_spanish (void)
{
  if (setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
    {
      g_test_fail_printf ("no es_ES.UTF-8 locale; generate it (tools/dev test does)");
      return FALSE;
    }
  g_setenv ("LANGUAGE", "es", TRUE);
  return TRUE;
}

static void
use_english (void)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
}

static void
assert_localized (const char *english,
                  const char *expected)
{
  g_autofree char *got = hu_citation_localize (english);

  g_assert_cmpstr (got, ==, expected);
}

/* In English a citation is the catalog's, byte for byte. */
static void
test_english_unchanged (void)
{
  g_autoptr(GPtrArray) citations = catalog_citations ();
  g_autoptr(GPtrArray) sources = hu_data_sources_list (TRUE);

  for (guint i = 0; i < citations->len; i++)
    assert_localized (citations->pdata[i], citations->pdata[i]);

  /* SOURCES.md, first row: | Google Cloud region carbon data | Google |
   * 2019–2024 | Apache-2.0 | GCP regions (…) | */
  g_assert_cmpuint (sources->len, ==, 11);
  {
    HuDataSource *first = sources->pdata[0];

    g_assert_cmpstr (first->dataset, ==, "Google Cloud region carbon data");
    g_assert_cmpstr (first->years, ==, "2019–2024");
    g_assert_cmpstr (first->licence, ==, "Apache-2.0");
  }
  g_assert_null (hu_citation_localize (NULL));
}

/* In Spanish, as a translator would write them by hand. */
static void
test_spanish (void)
{
  static const struct { const char *english, *spanish; } cases[] = {
    { "NVIDIA H100 datasheet, 2022", "Hoja de datos de NVIDIA H100, 2022" },
    { "NVIDIA H200 NVL specifications, 2024", "Especificaciones de NVIDIA H200 NVL, 2024" },
    { "NVIDIA Ada architecture whitepaper, 2022",
      "Libro blanco de la arquitectura NVIDIA Ada, 2022" },
    { "NVIDIA A10 datasheet and TechPowerUp, 2021",
      "Hoja de datos de NVIDIA A10 y TechPowerUp, 2021" },
    { "US EPA Greenhouse Gas Equivalencies (eGRID2022 vintage)",
      "US EPA Greenhouse Gas Equivalencies (edición eGRID2022)" },
    { "Green Algorithms 3.0 reference values, after UK GHG conversion factors 2020",
      "Valores de referencia de Green Algorithms 3.0, según UK GHG conversion factors 2020" },
    { "Google Cloud region carbon data, lifecycle, 2020",
      "Datos de carbono por región de Google Cloud, ciclo de vida, 2020" },
    { "Google Cloud region carbon data, 2024; PUE: Cloud Carbon Footprint",
      "Datos de carbono por región de Google Cloud, 2024; PUE: Cloud Carbon Footprint" },
    { "Our World in Data and Ember, 2022", "Our World in Data y Ember, 2022" },
    /* "c." (circa) is "h." (hacia) in Spanish; "et al." stays, as the
     * Spanish APA keeps it (below) */
    { "US EPA Greenhouse Gas Equivalencies (c. 2021, as used by the seed article)",
      "US EPA Greenhouse Gas Equivalencies (h. 2021, como la usa el artículo de partida)" },
    { "Green Algorithms 3.0, data 2020", "Green Algorithms 3.0, datos de 2020" },
    { "Cloud Carbon Footprint, after US EPA eGRID (WECC)",
      "Cloud Carbon Footprint, según US EPA eGRID (WECC)" },
    { "Seed article, Chile, 2018 (publisher not verified)",
      "Artículo de partida, Chile, 2018 (editor no verificado)" },
    { "Epoch AI, Notable AI Models (April 2025), CC BY 4.0",
      "Epoch AI, Notable AI Models (abril de 2025), CC BY 4.0" },
    /* proper names and titles only: as they are */
    { "Uptime Institute Global Data Center Survey, 2024",
      "Uptime Institute Global Data Center Survey, 2024" },
    { "Jouppi et al., Communications of the ACM, 2020",
      "Jouppi et al., Communications of the ACM, 2020" },
    { "US EPA Greenhouse Gas Equivalencies, eGRID2022, 2024",
      "US EPA Greenhouse Gas Equivalencies, eGRID2022, 2024" },
    /* SOURCES.md cells */
    { "undated (US: US EPA eGRID NERC factors)", "sin fecha (EE. UU.: factores de US EPA eGRID NERC)" },
    { "2024 (eGRID2022) and 2021 (eGRID2019)", "2024 (eGRID2022) y 2021 (eGRID2019)" },
    { "Thoughtworks and contributors", "Thoughtworks y colaboradores" },
    { "facts from vendor documents; Epoch AI data CC BY 4.0",
      "datos de documentos de los fabricantes; datos de Epoch AI, CC BY 4.0" },
  };

  if (!use_spanish ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_localized (cases[i].english, cases[i].spanish);
  use_english ();
  /* and back: the language in use is followed, not cached */
  assert_localized (cases[0].english, cases[0].english);
}

/* No catalog citation keeps an English word of a template in Spanish. */
static void
test_spanish_catalog (void)
{
  static const char *english[] = {
    "datasheet", "specifications", "whitepaper", "white paper", "documentation",
    "reference values", "vintage", ", after ", ", data ", "lifecycle", " and ",
    "efficiency", "sustainability report", "energy mix", "coefficients", "claim", "(c. ",
  };
  g_autoptr(GPtrArray) citations = catalog_citations ();
  g_autoptr(GPtrArray) sources = NULL;

  if (!use_spanish ())
    return;
  for (guint i = 0; i < citations->len; i++)
    {
      g_autofree char *spanish = hu_citation_localize (citations->pdata[i]);

      for (guint w = 0; w < G_N_ELEMENTS (english); w++)
        if (strstr (spanish, english[w]) != NULL)
          g_error ("“%s” reads “%s” in Spanish", (char *) citations->pdata[i], spanish);
    }

  /* The About window's and the report's data sources: every dataset's
   * use is translated, and the Accelerator specifications row reads
   * | Especificaciones de aceleradores | Hojas de datos y documentación de
   * NVIDIA, AMD, Intel y Google; Epoch AI | 2014–2024 | … | */
  sources = hu_data_sources_list (TRUE);
  g_assert_cmpuint (sources->len, ==, 11);
  for (guint i = 0; i < sources->len; i++)
    {
      HuDataSource *s = sources->pdata[i];

      if (g_str_equal (s->dataset, "Especificaciones de aceleradores"))
        {
          g_assert_cmpstr (s->publisher, ==,
                           "Hojas de datos y documentación de NVIDIA, AMD, Intel y Google; Epoch AI");
          g_assert_cmpstr (s->years, ==, "2014–2024");
        }
      g_assert_null (strstr (s->used_for, "history"));
      g_assert_null (strstr (s->used_for, "regions"));
      g_assert_null (strstr (s->years, "undated"));
    }
  g_assert_cmpstr (((HuDataSource *) sources->pdata[8])->dataset, ==,
                   "Especificaciones de aceleradores");
  use_english ();
}

int
main (int    argc,
      char **argv)
{
  use_english ();
  core_test_init (&argc, &argv);

  g_test_add_func ("/huella/citation/english", test_english_unchanged);
  g_test_add_func ("/huella/citation/spanish", test_spanish);
  g_test_add_func ("/huella/citation/spanish-catalog", test_spanish_catalog);
  return g_test_run ();
}
