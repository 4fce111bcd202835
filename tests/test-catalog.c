/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "test-helpers.h"

/* Figures checked against ../shared/data/gpus.csv and SOURCES.md. */
static void
test_gpus (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuCatalog) catalog = hu_catalog_new_builtin (&error);
  g_autoptr(GPtrArray) gpus = NULL;
  HuGpu *a100, *v100s, *k80;

  g_assert_no_error (error);
  gpus = hu_catalog_list_gpus (catalog);
  g_assert_cmpuint (gpus->len, ==, 40);   /* every row of gpus.csv */

  a100 = hu_catalog_lookup_gpu (catalog, "nvidia-a100-sxm4-80gb");
  g_assert_nonnull (a100);
  g_assert_cmpfloat (a100->tdp_w, ==, 400);
  g_assert_cmpfloat (a100->peak_tflops[HU_PRECISION_BF16], ==, 312);   /* dense */
  g_assert_cmpfloat (a100->peak_tflops[HU_PRECISION_FP32], ==, 19.5);
  g_assert_cmpint (hu_gpu_default_precision (a100), ==, HU_PRECISION_BF16);
  g_assert_nonnull (a100->source);
  g_assert_cmpint (a100->year, ==, 2020);

  v100s = hu_catalog_lookup_gpu (catalog, "nvidia-v100s-pcie-32gb");
  g_assert_nonnull (v100s);
  g_assert_cmpfloat (v100s->peak_tflops[HU_PRECISION_FP16], ==, 130);
  g_assert_cmpint (hu_gpu_default_precision (v100s), ==, HU_PRECISION_FP16);

  /* K80 has only FP32. */
  k80 = hu_catalog_lookup_gpu (catalog, "nvidia-k80");
  g_assert_nonnull (k80);
  g_assert_true (isnan (k80->peak_tflops[HU_PRECISION_BF16]));
  g_assert_cmpint (hu_gpu_default_precision (k80), ==, HU_PRECISION_FP32);

  g_assert_null (hu_catalog_lookup_gpu (catalog, "nvidia-a100"));

  /* People read a precision as datasheets print it; files keep the key. */
  g_assert_cmpstr (hu_precision_label (HU_PRECISION_BF16), ==, "BF16");
  g_assert_cmpstr (hu_precision_label (HU_PRECISION_TF32), ==, "TF32");
  g_assert_cmpstr (hu_precision_to_string (HU_PRECISION_BF16), ==, "bf16");
}

static void
test_regions (void)
{
  HuCatalog *catalog = hu_catalog_get_default ();
  const char *ids[] = { "gcp/us-central1", "aws/eu-west-1", "azure/westeurope",
                        "grid/FR", "grid/CL", "grid/US-CA", "grid/WORLD" };
  g_autoptr(GPtrArray) all = hu_catalog_list_regions (catalog);
  guint providers[3] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      HuRegion *r = hu_catalog_lookup_region (catalog, ids[i]);
      if (r == NULL)
        g_error ("region %s missing", ids[i]);
      g_assert_cmpfloat (r->intensity, >, 0);
      g_assert_nonnull (r->source);
      g_assert_cmpuint (strlen (r->source), >, 0);
    }

  for (guint i = 0; i < all->len; i++)
    {
      HuRegion *r = all->pdata[i];
      g_assert_nonnull (r->source);
      g_assert_true (isfinite (r->intensity) && r->intensity >= 0);
      if (g_strcmp0 (r->provider, "gcp") == 0) providers[0]++;
      if (g_strcmp0 (r->provider, "aws") == 0) providers[1]++;
      if (g_strcmp0 (r->provider, "azure") == 0) providers[2]++;
    }
  g_assert_cmpuint (providers[0], >=, 40);
  g_assert_cmpuint (providers[1], >=, 20);
  g_assert_cmpuint (providers[2], >=, 50);

  /* France: OWID/Ember, latest year, a low-carbon grid. */
  g_assert_cmpfloat (hu_catalog_lookup_region (catalog, "grid/FR")->intensity, <, 100);
  g_assert_cmpint (hu_catalog_lookup_region (catalog, "grid/FR")->year, >=, 2023);
}

static void
test_pue_defaults (void)
{
  HuCatalog *catalog = hu_catalog_get_default ();

  g_assert_cmpfloat_with_epsilon (hu_catalog_get_pue_default (catalog, "gcp")->pue, 1.10, 1e-9);
  g_assert_cmpfloat_with_epsilon (hu_catalog_get_pue_default (catalog, "aws")->pue, 1.15, 1e-9);
  g_assert_cmpfloat_with_epsilon (hu_catalog_get_pue_default (catalog, "azure")->pue, 1.18, 1e-9);
  g_assert_cmpfloat_with_epsilon (hu_catalog_get_pue_default (catalog, "grid")->pue, 1.56, 1e-9);
  g_assert_cmpint (hu_catalog_get_pue_default (catalog, NULL)->year, ==, 2024);
}

static void
test_equivalence_sets (void)
{
  HuCatalog *catalog = hu_catalog_get_default ();
  const char *ids[] = { "epa-current", "epa-2021", "green-algorithms" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const HuEquivalenceSet *set = hu_catalog_lookup_equivalence_set (catalog, ids[i]);
      g_assert_nonnull (set);
      g_assert_cmpuint (set->factors->len, >, 3);
      g_assert_nonnull (set->source);
      for (guint j = 0; j < set->factors->len; j++)
        {
          const HuEquivalenceFactor *f = set->factors->pdata[j];
          g_assert_cmpfloat (f->kg_per_unit, >, 0);
          g_assert_nonnull (f->source);
        }
    }
  /* EPA eGRID2022 vintage: 4.29 t per vehicle-year. */
  {
    const HuEquivalenceSet *set = hu_catalog_lookup_equivalence_set (catalog, "epa-current");
    gboolean seen = FALSE;
    for (guint j = 0; j < set->factors->len; j++)
      {
        const HuEquivalenceFactor *f = set->factors->pdata[j];
        if (g_str_equal (f->kind, "car-year"))
          {
            g_assert_cmpfloat_with_epsilon (f->kg_per_unit, 4290, 1e-6);
            seen = TRUE;
          }
      }
    g_assert_true (seen);
  }
}

/* A user catalog adds and overrides; a broken file is reported and
 * skipped without losing the good ones. */
static void
test_user_catalog (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuCatalog) builtin = hu_catalog_new_builtin (&error);
  g_autoptr(HuCatalog) user = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "huella", "catalog", NULL);
  g_autofree char *good = g_build_filename (dir, "a-lab.json", NULL);
  g_autofree char *broken = g_build_filename (dir, "b-broken.json", NULL);
  g_autofree char *wrong = g_build_filename (dir, "c-wrong-type.json", NULL);
  const char * const *warnings;
  HuGpu *gpu;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (good,
    "{\"gpus\":[{\"id\":\"lab-gpu\",\"name\":\"Lab GPU\",\"tdp_w\":123,"
    "\"peak_tflops\":{\"fp16\":50},\"source\":\"our measurements\",\"year\":2025}],"
    "\"regions\":[{\"id\":\"grid/FR\",\"name\":\"France (our contract)\",\"intensity\":20,"
    "\"source\":\"supplier\",\"year\":2025}]}", -1, NULL));
  g_assert_true (g_file_set_contents (broken, "{\"gpus\": [ {\"id\": ", -1, NULL));
  g_assert_true (g_file_set_contents (wrong, "{\"regions\":[{\"id\":\"x/y\",\"intensity\":\"high\"}]}", -1, NULL));

  user = hu_catalog_new_with_parent (builtin);
  g_assert_false (hu_catalog_load_user_dir (user, dir));

  gpu = hu_catalog_lookup_gpu (user, "lab-gpu");
  g_assert_nonnull (gpu);
  g_assert_cmpfloat (gpu->tdp_w, ==, 123);
  g_assert_true (gpu->custom);
  g_assert_cmpfloat (hu_catalog_lookup_region (user, "grid/FR")->intensity, ==, 20);
  /* The parent is untouched. */
  g_assert_cmpfloat (hu_catalog_lookup_region (builtin, "grid/FR")->intensity, !=, 20);
  g_assert_null (hu_catalog_lookup_region (user, "x/y"));

  warnings = hu_catalog_get_warnings (user);
  g_assert_nonnull (warnings[0]);
  g_assert_nonnull (warnings[1]);
  g_assert_null (warnings[2]);
  g_assert_nonnull (strstr (warnings[0], "b-broken.json:1:"));   /* file:line:column */
  g_assert_nonnull (strstr (warnings[1], "intensity"));

  /* Listing: 40 + 1, override keeps its place. */
  {
    g_autoptr(GPtrArray) gpus = hu_catalog_list_gpus (user);
    g_assert_cmpuint (gpus->len, ==, 41);
  }
}

static void
test_suggest (void)
{
  HuCatalog *catalog = hu_catalog_get_default ();
  g_autofree char *gpu = hu_catalog_suggest (catalog, "nvidia-a100", FALSE);
  g_autofree char *region = hu_catalog_suggest (catalog, "gcp/us-centrl1", TRUE);
  g_autofree char *nothing = hu_catalog_suggest (catalog, "zzzzzzzzzzzzzzzzzzzz", FALSE);

  g_assert_nonnull (gpu);
  g_assert_nonnull (strstr (gpu, "nvidia-a100-"));
  g_assert_nonnull (region);
  g_assert_nonnull (strstr (region, "gcp/us-central1"));
  g_assert_null (nothing);
}

static void
test_search (void)
{
  g_autoptr(GPtrArray) h100 = hu_catalog_search_gpus (hu_catalog_get_default (), "H100");
  g_autoptr(GPtrArray) france = hu_catalog_search_regions (hu_catalog_get_default (), "france");

  g_assert_cmpuint (h100->len, >=, 3);
  for (guint i = 0; i < h100->len; i++)
    g_assert_nonnull (strstr (((HuGpu *) h100->pdata[i])->id, "h100"));
  g_assert_cmpuint (france->len, >=, 2);
}

/* Whether @name's parenthesised part holds one of the English words the
 * catalog's qualifiers use ("per chip", "dual GK210 board", "per
 * Blackwell GPU in GB200 NVL72"). */
static gboolean
has_english_qualifier (const char *name)
{
  const char *words[] = { "per", "dual", "board", "in", NULL };
  const char *open = strchr (name, '(');
  g_auto(GStrv) parts = NULL;

  if (open == NULL)
    return FALSE;
  parts = g_strsplit_set (open, "(), ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_strv_contains (words, parts[i]))
      return TRUE;
  return FALSE;
}

/* Tables, reports and the app show a catalog name with its qualifier in
 * the interface's language and the product's name kept; every GPU of
 * the catalog is checked, so that one added with a new English
 * qualifier fails here. The Spanish words are the translator's. */
static void
test_display_names (void)
{
  g_autoptr(GPtrArray) gpus = hu_catalog_list_gpus (hu_catalog_get_default ());
  guint qualified = 0;

  g_assert_null (hu_gpu_name_for_display (NULL));
  for (guint i = 0; i < gpus->len; i++)
    {
      HuGpu *gpu = gpus->pdata[i];
      g_autofree char *shown = hu_gpu_dup_display_name (gpu);

      g_assert_cmpstr (shown, ==, gpu->name);
      qualified += has_english_qualifier (gpu->name);
    }
  /* H100 NVL, B200, GB200, K80 and six TPUs. */
  g_assert_cmpuint (qualified, ==, 10);

  if (setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
    {
      g_test_fail_printf ("no es_ES.UTF-8 locale: generate it (tools/dev test does)");
      return;
    }
  g_setenv ("LANGUAGE", "es", TRUE);
  for (guint i = 0; i < gpus->len; i++)
    {
      HuGpu *gpu = gpus->pdata[i];
      g_autofree char *shown = hu_gpu_dup_display_name (gpu);
      g_autofree char *product = g_strndup (gpu->name, strcspn (gpu->name, "("));

      if (has_english_qualifier (shown))
        g_error ("“%s” keeps an English qualifier in Spanish", shown);
      g_assert_true (g_str_has_prefix (shown, product));
    }
  {
    g_autofree char *b200 = hu_gpu_name_for_display ("NVIDIA B200 (HGX B200, per GPU)");
    g_autofree char *nvl = hu_gpu_name_for_display ("NVIDIA H100 NVL (per GPU, 94GB)");
    g_autofree char *tpu = hu_gpu_name_for_display ("Google TPU v4 (per chip)");
    g_autofree char *plain = hu_gpu_name_for_display ("NVIDIA A10G (AWS G5)");

    g_assert_cmpstr (b200, ==, "NVIDIA B200 (HGX B200, por GPU)");
    g_assert_cmpstr (nvl, ==, "NVIDIA H100 NVL (por GPU, 94GB)");
    g_assert_cmpstr (tpu, ==, "Google TPU v4 (por chip)");
    g_assert_cmpstr (plain, ==, "NVIDIA A10G (AWS G5)");
  }
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
}

/* The sidebar names a GPU without its vendor, where its whole name was
 * cut in the middle to "NVIDIA A10… XM4 80GB", another GPU's name. The
 * brief names are what is left of the names in gpus.json once its
 * vendor field is taken off their start; no two GPUs share one, so a
 * brief name still tells which GPU it is. */
static void
test_brief_names (void)
{
  g_autoptr(GPtrArray) gpus = hu_catalog_list_gpus (hu_catalog_get_default ());
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const struct {
    const char *id;
    const char *brief;
  } cases[] = {
    { "nvidia-a100-sxm4-80gb", "A100 SXM4 80GB" },
    { "nvidia-a10", "A10" },
    { "amd-mi300x", "Instinct MI300X" },
    { "intel-gaudi3", "Gaudi 3" },
    { "google-tpu-v4", "TPU v4 (per chip)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HuGpu *gpu = hu_catalog_lookup_gpu (hu_catalog_get_default (), cases[i].id);
      g_autofree char *brief = NULL;

      if (gpu == NULL)
        g_error ("no GPU %s in the catalog", cases[i].id);
      brief = hu_gpu_dup_brief_name (gpu);
      g_assert_cmpstr (brief, ==, cases[i].brief);
    }
  for (guint i = 0; i < gpus->len; i++)
    {
      HuGpu *gpu = gpus->pdata[i];
      char *brief = hu_gpu_dup_brief_name (gpu);

      g_assert_false (g_str_has_prefix (brief, gpu->vendor));
      if (!g_hash_table_add (seen, brief))
        g_error ("two GPUs are both “%s” without their vendor", brief);
    }
}

int
main (int    argc,
      char **argv)
{
  core_test_init (&argc, &argv);

  g_test_add_func ("/huella/catalog/gpus", test_gpus);
  g_test_add_func ("/huella/catalog/regions", test_regions);
  g_test_add_func ("/huella/catalog/pue-defaults", test_pue_defaults);
  g_test_add_func ("/huella/catalog/equivalence-sets", test_equivalence_sets);
  g_test_add_func ("/huella/catalog/user-catalog", test_user_catalog);
  g_test_add_func ("/huella/catalog/suggest", test_suggest);
  g_test_add_func ("/huella/catalog/search", test_search);
  g_test_add_func ("/huella/catalog/display-names", test_display_names);
  g_test_add_func ("/huella/catalog/brief-names", test_brief_names);
  return g_test_run ();
}
