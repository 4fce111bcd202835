/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What people read about the catalog (issue 10, items 1, 3 and 4):
 * citations without research notes, a year for every cloud region, and the
 * location/market basis of every intensity. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "test-helpers.h"
#include "hu-report.h"

/* Patterns of research notes that must never reach the app, the CLI or a
 * report: commit hashes, paths and URLs, tracker ids, file names, notes. */
static const char * const note_patterns[] = {
  "@[0-9a-f]{7}",               /* repo@commit */
  "\\b[0-9a-f]{7,40}\\b",       /* a bare commit */
  "/",                          /* paths, URLs, "A/B" shorthand */
  "\\bid [0-9]",                /* "id 60559008906" */
  "README", "ARCHITECTURE", "(?i)stated last update",
  "\\.(csv|json|py|ts|js|pdf|md)\\b",
  "(?i)https?:", "(?i)www\\.", "(?i)github",
  "Alt:", "DERIVED", "verbatim",
};

static void
assert_citation (const char *what,
                 const char *source)
{
  if (source == NULL || *source == '\0')
    g_error ("%s: no citation", what);
  for (guint i = 0; i < G_N_ELEMENTS (note_patterns); i++)
    if (g_regex_match_simple (note_patterns[i], source, 0, 0))
      g_error ("%s: citation “%s” reads like a research note (matches %s)",
               what, source, note_patterns[i]);
  /* short enough for a table column or a subtitle */
  if (g_utf8_strlen (source, -1) > 80)
    g_error ("%s: citation “%s” is longer than 80 characters", what, source);
}

/* The scanner itself must catch what issue 10 saw, or it proves nothing. */
static void
test_patterns_catch_notes (void)
{
  const char *seen[] = {
    "Cloud Carbon Footprint (… id 60559008906)",
    "stas00/ml-engineering@744d01e compute/accelerator/README.md",
    "mlco2/impact@d0d3ee5 js/grayscale.js",
    "EPA calculations page (stated last update 2026-08-04)",
    "All outputs (ARCHITECTURE §2)",
  };

  for (guint s = 0; s < G_N_ELEMENTS (seen); s++)
    {
      gboolean caught = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (note_patterns); i++)
        caught |= g_regex_match_simple (note_patterns[i], seen[s], 0, 0);
      g_assert_true (caught);
    }
}

static void
test_citations (void)
{
  HuCatalog *catalog = hu_catalog_get_default ();
  g_autoptr(GPtrArray) gpus = hu_catalog_list_gpus (catalog);
  g_autoptr(GPtrArray) regions = hu_catalog_list_regions (catalog);
  GPtrArray *sets = hu_catalog_list_equivalence_sets (catalog);
  const char *providers[] = { "gcp", "aws", "azure", NULL };

  for (guint i = 0; i < gpus->len; i++)
    {
      HuGpu *g = gpus->pdata[i];
      assert_citation (g->id, g->source);
      /* the full provenance is kept, not lost */
      g_assert_nonnull (g->details);
      g_assert_cmpuint (strlen (g->details), >, strlen (g->source));
    }
  for (guint i = 0; i < regions->len; i++)
    {
      HuRegion *r = regions->pdata[i];
      assert_citation (r->id, r->source);
      g_assert_nonnull (r->details);
    }
  for (guint i = 0; i < G_N_ELEMENTS (providers); i++)
    {
      const HuPueDefault *p = hu_catalog_get_pue_default (catalog, providers[i]);
      assert_citation (p->provider, p->source);
      g_assert_nonnull (p->details);
    }
  for (guint i = 0; i < sets->len; i++)
    {
      const HuEquivalenceSet *set = sets->pdata[i];
      assert_citation (set->id, set->source);
      for (guint j = 0; j < set->factors->len; j++)
        {
          const HuEquivalenceFactor *f = set->factors->pdata[j];
          assert_citation (f->kind, f->source);
          g_assert_nonnull (f->details);
        }
    }

  /* The forms the issue asks for. */
  g_assert_cmpstr (hu_catalog_lookup_gpu (catalog, "nvidia-h100-sxm")->source, ==,
                   "NVIDIA H100 datasheet, 2022");
  g_assert_cmpstr (hu_catalog_lookup_equivalence_set (catalog, "epa-current")->source, ==,
                   "US EPA Greenhouse Gas Equivalencies, eGRID2022, 2024");
}

/* The history of a region is shown too (Explain's "other sources"): scan
 * it straight from the shipped JSON, every "source" member. */
static void
scan_sources (JsonNode   *node,
              const char *where)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (a); i++)
        scan_sources (json_array_get_element (a, i), where);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (o);

      for (GList *l = members; l; l = l->next)
        {
          JsonNode *child = json_object_get_member (o, l->data);
          /* PUE alternatives are research data no screen shows */
          if (g_str_equal (l->data, "alternatives"))
            continue;
          if (g_str_equal (l->data, "source") && JSON_NODE_HOLDS_VALUE (child))
            assert_citation (where, json_node_get_string (child));
          else
            scan_sources (child, where);
        }
    }
}

static void
test_shipped_json (void)
{
  const char *files[] = { "gpus.json", "regions.json", "pue.json", "equivalences.json" };

  hu_core_ensure_resources ();
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (RESOURCE_PREFIX, "catalog", files[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, &error);
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_no_error (error);
      g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                                 g_bytes_get_size (bytes), &error));
      g_assert_no_error (error);
      scan_sources (json_parser_get_root (parser), files[i]);
    }
}

/* (A report may name a model card's README.md: that is advice, not a note.) */
static const char * const report_patterns[] = {
  "ARCHITECTURE", "@[0-9a-f]{7}", "(?i)stated last update", "ml-engineering",
  "\\bid [0-9]{6,}",
};

/* Every example's report, in the formats people read, is free of notes. */
static void
test_reports (void)
{
  const char *examples[] = { "gpt3-gpus.huella", "patterson2021.huella", "llama2.huella",
                             "bloom.huella" };
  const HuReportFormat formats[] = { HU_REPORT_FORMAT_MARKDOWN, HU_REPORT_FORMAT_LATEX };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        g_autoptr(HuProject) project = load_example (examples[i]);
        g_autoptr(GError) error = NULL;
        g_autoptr(HuReport) report = hu_report_new (project, NULL, &error);
        g_autoptr(GBytes) bytes = NULL;
        g_autofree char *text = NULL;

        g_assert_no_error (error);
        bytes = hu_report_export_bytes (report, formats[f], NULL, &error);
        g_assert_no_error (error);
        text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
        for (guint p = 0; p < G_N_ELEMENTS (report_patterns); p++)
          {
            g_autoptr(GMatchInfo) match = NULL;
            g_autoptr(GRegex) regex = g_regex_new (report_patterns[p], 0, 0, NULL);
            if (g_regex_match (regex, text, 0, &match))
              {
                int start, end;
                g_match_info_fetch_pos (match, 0, &start, &end);
                g_error ("%s report of %s: “%.80s” (matches %s)",
                         hu_report_format_to_string (formats[f]), examples[i],
                         text + MAX (start - 40, 0), report_patterns[p]);
              }
          }
      }
}

/* Item 4: every cloud region has a year; an undated source takes the year
 * of the grid it sits in, and says so. */
static void
test_region_years (void)
{
  HuCatalog *catalog = hu_catalog_get_default ();
  g_autoptr(GPtrArray) regions = hu_catalog_list_regions (catalog);
  guint from_grid = 0, azure = 0, aws = 0;
  HuRegion *virginia, *us_east_1, *central1;
  g_autofree char *text = NULL;
  g_autofree char *dated = NULL;
  g_autofree char *expected = NULL;

  for (guint i = 0; i < regions->len; i++)
    {
      HuRegion *r = regions->pdata[i];

      if (g_str_equal (r->provider, "grid"))
        continue;
      if (r->year <= 0)
        g_error ("%s has no year", r->id);
      if (r->year_grid != NULL)
        {
          HuRegion *grid = hu_catalog_lookup_region (catalog, r->year_grid);
          g_assert_nonnull (grid);
          g_assert_cmpstr (grid->provider, ==, "grid");
          g_assert_cmpint (grid->year, ==, r->year);
          /* the region's grid is in its country */
          g_assert_true (g_str_has_prefix (r->year_grid + strlen ("grid/"), r->country));
          from_grid++;
          azure += g_str_equal (r->provider, "azure");
          aws += g_str_equal (r->provider, "aws");
        }
    }
  /* The issue counted 77 undated cloud regions: 48 Azure, 27 AWS, 2 others. */
  g_assert_cmpuint (from_grid, ==, 77);
  g_assert_cmpuint (azure, ==, 48);
  g_assert_cmpuint (aws, ==, 27);

  /* AWS us-east-1 is in northern Virginia: the sub-national grid. */
  us_east_1 = hu_catalog_lookup_region (catalog, "aws/us-east-1");
  virginia = hu_catalog_lookup_region (catalog, "grid/US-VA");
  g_assert_cmpstr (us_east_1->year_grid, ==, "grid/US-VA");
  g_assert_cmpint (us_east_1->year, ==, virginia->year);
  text = hu_region_year_text (us_east_1);
  expected = g_strdup_printf ("year of the grid: %d", virginia->year);
  g_assert_cmpstr (text, ==, expected);

  /* Google dates its own figures. */
  central1 = hu_catalog_lookup_region (catalog, "gcp/us-central1");
  g_assert_null (central1->year_grid);
  dated = hu_region_year_text (central1);
  g_assert_cmpstr (dated, ==, "2024");
}

/* Item 4 as an estimate explains it. */
static void
test_region_year_in_explanation (void)
{
  HuCatalog *catalog = hu_catalog_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HuEstimate) e = NULL;
  g_autofree char *text = NULL;
  HuInputs in;

  hu_inputs_init (&in);
  in.gpu_hours = 1000;
  in.gpu = g_strdup ("nvidia-a100-sxm4-80gb");
  in.region = g_strdup ("aws/us-east-1");
  e = hu_estimate_compute (&in, catalog, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (e->intensity_from.source);
  g_assert_nonnull (strstr (e->intensity_from.source, "year of the grid"));
  hu_inputs_clear (&in);
}

/* Item 3: location- versus market-based, and flagged data. */
static void
test_region_basis (void)
{
  HuCatalog *catalog = hu_catalog_get_default ();
  g_autoptr(GPtrArray) regions = hu_catalog_list_regions (catalog);
  HuRegion *seeweb = hu_catalog_lookup_region (catalog, "seeweb/fro2");
  HuRegion *car = hu_catalog_lookup_region (catalog, "grid/CF");
  HuRegion *quebec = hu_catalog_lookup_region (catalog, "grid/CA-QC");
  HuRegion *iowa = hu_catalog_lookup_region (catalog, "gcp/us-central1");

  /* Seeweb's 0 g/kWh is its "100 % carbon-free energy" claim. */
  g_assert_cmpint (seeweb->basis, ==, HU_BASIS_MARKET);
  g_assert_cmpint (seeweb->data_flag, ==, HU_DATA_FLAG_CLAIM);
  g_assert_cmpstr (hu_region_basis_to_string (seeweb->basis), ==, "market");
  /* The Central African Republic's grid has 0 g/kWh in Ember's data. */
  g_assert_cmpfloat (car->intensity, ==, 0);
  g_assert_cmpint (car->basis, ==, HU_BASIS_LOCATION);
  g_assert_cmpint (car->data_flag, ==, HU_DATA_FLAG_NO_DATA);
  /* Green Algorithms' Quebec 1.5 g/kWh counts direct emissions only. */
  g_assert_cmpint (quebec->data_flag, ==, HU_DATA_FLAG_NEAR_ZERO);
  g_assert_cmpint (iowa->basis, ==, HU_BASIS_LOCATION);
  g_assert_cmpint (iowa->data_flag, ==, HU_DATA_FLAG_NONE);
  g_assert_false (hu_region_is_flagged (iowa));

  /* No figure under 5 g/kWh goes unflagged, whatever its source. */
  for (guint i = 0; i < regions->len; i++)
    {
      HuRegion *r = regions->pdata[i];
      if (r->intensity < 5 && !hu_region_is_flagged (r))
        g_error ("%s: %g g/kWh is not flagged", r->id, r->intensity);
    }
}

/* A broken annotation in a user catalog names its field. */
static void
test_bad_basis (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(HuRegion) region = NULL;

  g_assert_true (json_parser_load_from_data (parser,
    "{\"id\":\"x/y\",\"intensity\":10,\"basis\":\"wishful\"}", -1, NULL));
  region = hu_region_new_from_json (json_node_get_object (json_parser_get_root (parser)), &error);
  g_assert_null (region);
  g_assert_error (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "basis"));
  g_assert_nonnull (strstr (error->message, "wishful"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/huella/catalog-sources/patterns", test_patterns_catch_notes);
  g_test_add_func ("/huella/catalog-sources/citations", test_citations);
  g_test_add_func ("/huella/catalog-sources/shipped-json", test_shipped_json);
  g_test_add_func ("/huella/catalog-sources/reports", test_reports);
  g_test_add_func ("/huella/catalog-sources/region-years", test_region_years);
  g_test_add_func ("/huella/catalog-sources/region-year-explained",
                   test_region_year_in_explanation);
  g_test_add_func ("/huella/catalog-sources/region-basis", test_region_basis);
  g_test_add_func ("/huella/catalog-sources/bad-basis", test_bad_basis);
  return g_test_run ();
}
