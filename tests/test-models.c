/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Known models (Epoch AI's Notable AI Models): the catalog, search,
 * scenarios filled from a published run, and `huella-cli models` /
 * `estimate --model`. Expected values are the published rows of
 * ../shared/data/epoch_notable_ai_models.csv and hand arithmetic. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "test-helpers.h"

static HuCatalog *
builtin (void)
{
  g_autoptr(GError) error = NULL;
  HuCatalog *catalog = hu_catalog_new_builtin (&error);

  g_assert_no_error (error);
  return catalog;
}

#define GPT3 "GPT-3 175B (davinci)"

static void
test_catalog (void)
{
  g_autoptr(HuCatalog) catalog = builtin ();
  g_autoptr(GPtrArray) all = hu_catalog_list_models (catalog);
  HuKnownModel *m;

  /* SOURCES.md: 483 models with a training-compute estimate. */
  g_assert_cmpuint (all->len, ==, 483);

  /* The CSV row of GPT-3: 175e9 parameters, 3.14e23 FLOP, 374e9 tokens,
   * 10,000 × "NVIDIA Tesla V100 DGXS 32 GB" for 355.2 h at 0.1968. */
  m = hu_catalog_lookup_model (catalog, GPT3);
  g_assert_nonnull (m);
  g_assert_cmpstr (m->organization, ==, "OpenAI");
  g_assert_cmpstr (m->date, ==, "2020-05-28");
  g_assert_cmpfloat (m->parameters, ==, 175e9);
  g_assert_cmpfloat (m->flops, ==, 3.14e23);
  g_assert_cmpfloat (m->tokens, ==, 374e9);
  g_assert_cmpstr (m->hardware, ==, "NVIDIA Tesla V100 DGXS 32 GB");
  g_assert_cmpstr (m->gpu, ==, "nvidia-v100-sxm2-32gb");
  g_assert_cmpfloat (m->count, ==, 10000);
  g_assert_cmpfloat (m->hours, ==, 355.2);
  g_assert_cmpfloat (m->utilization, ==, 0.1968);
  g_assert_cmpstr (m->region, ==, "grid/US");
  g_assert_cmpstr (m->confidence, ==, "Confident");
  g_assert_cmpstr (m->link, ==, "https://arxiv.org/abs/2005.14165");
  /* 2020-05-28 is day 149 of a leap year: 2020 + 148/366. */
  assert_abs (hu_known_model_get_decimal_year (m), 2020 + 148.0 / 366.0, 1e-9);

  /* Two hardware names: the names are kept, no accelerator id. */
  m = hu_catalog_lookup_model (catalog, "BLOOM-176B");
  g_assert_nonnull (m);
  g_assert_cmpstr (m->gpu, ==, "nvidia-a100-sxm4-80gb");
  for (guint i = 0; i < all->len; i++)
    {
      HuKnownModel *k = all->pdata[i];
      if (k->hardware && strchr (k->hardware, ','))
        {
          g_assert_null (k->gpu);
          g_assert_cmpstr (k->hardware_match, ==, "mixed");
        }
    }
  m = hu_catalog_lookup_model (catalog, "PanGu-Σ");
  g_assert_nonnull (m);
  g_assert_cmpstr (m->hardware, ==, "Huawei Ascend 910");
  g_assert_null (m->gpu);
  g_assert_cmpstr (m->hardware_match, ==, "unmapped");
}

static void
assert_only_match (HuCatalog  *catalog,
                   const char *text,
                   const char *name)
{
  g_autoptr(GPtrArray) found = hu_catalog_search_models (catalog, text);

  if (found->len != 1)
    g_error ("search “%s”: %u matches, expected only “%s”", text, found->len, name);
  g_assert_cmpstr (((HuKnownModel *) found->pdata[0])->name, ==, name);
}

static void
test_search (void)
{
  g_autoptr(HuCatalog) catalog = builtin ();
  g_autoptr(GPtrArray) openai = NULL;
  g_autoptr(GError) error = NULL;
  HuKnownModel *m;

  /* Accents and case do not matter, either way round. */
  assert_only_match (catalog, "nuwa", "NÜWA");
  assert_only_match (catalog, "NÜWA", "NÜWA");
  assert_only_match (catalog, "Nüwa", "NÜWA");
  assert_only_match (catalog, "pangu-σ", "PanGu-Σ");
  assert_only_match (catalog, "PANGU-Σ", "PanGu-Σ");
  assert_only_match (catalog, "gpt-3 175b", GPT3);
  assert_only_match (catalog, "dall·e", "DALL·E 2");

  /* The organisation is searched too. */
  openai = hu_catalog_search_models (catalog, "openai");
  g_assert_cmpuint (openai->len, >, 10);
  for (guint i = 0; i < openai->len; i++)
    g_assert_nonnull (strstr (((HuKnownModel *) openai->pdata[i])->organization, "OpenAI"));

  /* find: the exact name, the name without regard to case, a unique match. */
  g_assert_nonnull (hu_catalog_find_model (catalog, GPT3, &error));
  m = hu_catalog_find_model (catalog, "gpt-3 175b (DAVINCI)", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (m->name, ==, GPT3);
  m = hu_catalog_find_model (catalog, "davinci", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (m->name, ==, GPT3);

  /* Two matches ("GPT-3.5" and GPT-3) name both. */
  g_assert_null (hu_catalog_find_model (catalog, "GPT-3", &error));
  g_assert_error (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_UNKNOWN_MODEL);
  g_assert_nonnull (strstr (error->message, "“GPT-3.5”"));
  g_assert_nonnull (strstr (error->message, "“" GPT3 "”"));
  g_clear_error (&error);

  /* No match: close names are suggested. */
  g_assert_null (hu_catalog_find_model (catalog, "Llama2-70B", &error));
  g_assert_error (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_UNKNOWN_MODEL);
  g_assert_nonnull (strstr (error->message, "did you mean “Llama 2-70B”"));
  g_clear_error (&error);
  g_assert_null (hu_catalog_find_model (catalog, "gpt3 davinci", &error));
  g_assert_nonnull (strstr (error->message, "“" GPT3 "”"));
  g_clear_error (&error);
  g_assert_null (hu_catalog_find_model (catalog, "zzqqxx", &error));
  g_assert_error (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_UNKNOWN_MODEL);
  g_assert_null (strstr (error->message, "did you mean"));
}

static void
test_fill_gpt3 (void)
{
  g_autoptr(HuCatalog) catalog = builtin ();
  HuKnownModel *m = hu_catalog_lookup_model (catalog, GPT3);
  g_autoptr(HuEstimate) from_model = NULL;
  g_autoptr(HuEstimate) explicit = NULL;
  g_autoptr(GError) error = NULL;
  HuInputs in, flags;

  hu_inputs_init (&in);
  hu_known_model_fill_inputs (m, catalog, &in);
  g_assert_cmpfloat (in.flops, ==, 3.14e23);
  g_assert_cmpstr (in.gpu, ==, "nvidia-v100-sxm2-32gb");
  g_assert_cmpfloat (in.count, ==, 10000);
  g_assert_cmpfloat (in.utilization, ==, 0.1968);
  g_assert_cmpstr (in.region, ==, "grid/US");
  g_assert_nonnull (in.origin);
  g_assert_cmpuint (in.origin->filled, ==, HU_MODEL_FILLED_ALL);
  g_assert_false (in.origin->utilization_derived);
  g_assert_cmpstr (in.origin->confidence, ==, "Confident");

  /* The same inputs typed by hand give the same numbers. */
  hu_inputs_init (&flags);
  flags.flops = 3.14e23;
  flags.gpu = g_strdup ("nvidia-v100-sxm2-32gb");
  flags.count = 10000;
  flags.utilization = 0.1968;
  flags.region = g_strdup ("grid/US");
  from_model = hu_estimate_compute (&in, catalog, HU_ESTIMATE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  explicit = hu_estimate_compute (&flags, catalog, HU_ESTIMATE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (from_model->gpu_hours, ==, explicit->gpu_hours);
  g_assert_cmpfloat (from_model->total_kg, ==, explicit->total_kg);
  /* 3.14e23 ÷ (125e12 × 0.1968) ÷ 3600 = 3,545,618.9 GPU-hours (V100 SXM2
   * dense FP16 peak 125 TFLOP/s). */
  assert_rel (from_model->gpu_hours, 3.14e23 / (125e12 * 0.1968) / 3600, 1e-12);
  assert_rel (from_model->gpu_hours, 3545618.9, 1e-7);

  /* The derivation names the source and the confidence, first. */
  {
    HuStep *first = from_model->steps->pdata[0];
    g_assert_nonnull (strstr (first->result, "Epoch AI"));
    g_assert_nonnull (strstr (first->note, "Training compute: from Epoch AI (confidence: Confident)"));
    g_assert_nonnull (strstr (first->note, "an assumption to check"));
  }

  hu_inputs_clear (&in);
  hu_inputs_clear (&flags);
}

static void
test_fill_derived (void)
{
  g_autoptr(HuCatalog) catalog = builtin ();
  HuKnownModel *m = hu_catalog_lookup_model (catalog, "Yi-Lightning");
  g_autoptr(HuEstimate) e = NULL;
  g_autoptr(GError) error = NULL;
  HuInputs in;

  /* Yi-Lightning: 1.5e24 FLOP on 2,000 H100 SXM for 720 h, no utilisation.
   * H100 SXM dense BF16 peak 989 TFLOP/s:
   *   2000 × 989e12 × 720 h × 3600 s/h = 5.126976e24 FLOP at 100 %
   *   u = 1.5e24 ÷ 5.126976e24 = 0.2925700…
   * and so the run takes 2000 × 720 = 1,440,000 GPU-hours. */
  g_assert_nonnull (m);
  g_assert_true (isnan (m->utilization));
  hu_inputs_init (&in);
  hu_known_model_fill_inputs (m, catalog, &in);
  assert_rel (in.utilization, 1.5e24 / 5.126976e24, 1e-12);
  assert_abs (in.utilization, 0.29257, 1e-5);
  g_assert_true (in.origin->utilization_derived);
  g_assert_true (in.origin->filled & HU_MODEL_FILLED_UTILIZATION);
  g_assert_cmpfloat (in.origin->derived_peak_tflops, ==, 989);
  g_assert_cmpfloat (in.origin->derived_hours, ==, 720);
  g_assert_cmpstr (in.region, ==, "grid/CN");

  e = hu_estimate_compute (&in, catalog, HU_ESTIMATE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  assert_rel (e->gpu_hours_run, 1440000, 1e-12);
  assert_rel (e->wall_hours, 720, 1e-12);
  g_assert_nonnull (strstr (((HuStep *) e->steps->pdata[0])->note, "Utilisation: derived"));
  hu_inputs_clear (&in);

  /* LLaVA: 7.8049e22 FLOP on 8 A100 (312 TFLOP/s) for 10 h would be
   * 7.8049e22 ÷ (8 × 312e12 × 36000) = 868.6 times the peak: Epoch's
   * compute includes the base model. Not a utilisation: left unset. */
  m = hu_catalog_lookup_model (catalog, "LLaVA");
  hu_inputs_init (&in);
  hu_known_model_fill_inputs (m, catalog, &in);
  g_assert_true (isnan (in.utilization));
  g_assert_true (in.origin->utilization_derived);
  g_assert_false (in.origin->filled & HU_MODEL_FILLED_UTILIZATION);
  assert_rel (in.origin->derived_utilization, 7.8049e22 / (8 * 312e12 * 36000), 1e-12);
  hu_inputs_clear (&in);
}

static void
test_override_and_edit (void)
{
  g_autoptr(HuCatalog) catalog = builtin ();
  HuKnownModel *m = hu_catalog_lookup_model (catalog, GPT3);
  g_autoptr(HuScenario) scenario = NULL;
  g_autoptr(HuScenario) reread = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  HuInputs in;

  /* What is set already wins, and the origin does not claim it. */
  hu_inputs_init (&in);
  in.count = 5000;
  in.intensity = 50;
  hu_known_model_fill_inputs (m, catalog, &in);
  g_assert_cmpfloat (in.count, ==, 5000);
  g_assert_null (in.region);
  g_assert_cmpfloat (in.utilization, ==, 0.1968);
  g_assert_false (in.origin->filled & HU_MODEL_FILLED_COUNT);
  g_assert_false (in.origin->filled & HU_MODEL_FILLED_REGION);

  /* Changing a filled number takes it out of the origin. */
  hu_inputs_set (&in, HU_INPUT_UTILIZATION, 0.3);
  g_assert_false (in.origin->filled & HU_MODEL_FILLED_UTILIZATION);
  g_assert_true (in.origin->filled & HU_MODEL_FILLED_FLOPS);
  hu_inputs_drop_origin (&in, HU_MODEL_FILLED_FLOPS | HU_MODEL_FILLED_GPU);
  g_assert_null (in.origin);
  hu_inputs_clear (&in);

  /* The origin survives the project file. */
  scenario = hu_scenario_new_from_model (m, catalog, "gpt3");
  g_assert_cmpstr (hu_scenario_get_name (scenario), ==, GPT3);
  g_assert_nonnull (strstr (hu_scenario_get_notes (scenario), "Epoch AI"));
  node = hu_scenario_to_json (scenario);
  reread = hu_scenario_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);
  g_assert_true (hu_inputs_equal (hu_scenario_get_inputs (scenario),
                                  hu_scenario_get_inputs (reread)));
  g_assert_nonnull (hu_scenario_get_inputs (reread)->origin);
}

static void
test_user_catalog (void)
{
  g_autoptr(HuCatalog) base = builtin ();
  g_autoptr(HuCatalog) catalog = hu_catalog_new_with_parent (base);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "models.json", NULL);
  g_autoptr(GPtrArray) all = NULL;
  HuKnownModel *m;
  const char *good =
    "{\"models\": [{\"name\": \"Modelo pequeño\", \"organization\": \"Laboratorio\","
    " \"date\": \"2024-02-29\", \"flops\": 1e20, \"gpu\": \"nvidia-a100-sxm4-80gb\","
    " \"count\": 8, \"hours\": 24},"
    " {\"name\": \"" GPT3 "\", \"flops\": 3.2e23}]}";
  const char *bad = "{\"models\": [{\"name\": \"x\", \"flops\": 1e20, \"utilization\": 1.5}]}";

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, good, -1, &error));
  g_assert_true (hu_catalog_load_file (catalog, path, &error));
  g_assert_no_error (error);

  all = hu_catalog_list_models (catalog);
  g_assert_cmpuint (all->len, ==, 484);
  m = hu_catalog_find_model (catalog, "modelo pequeno", &error);
  g_assert_no_error (error);
  g_assert_true (m->custom);
  g_assert_cmpfloat (m->count, ==, 8);
  /* A user entry replaces the shipped one of the same name. */
  g_assert_cmpfloat (hu_catalog_lookup_model (catalog, GPT3)->flops, ==, 3.2e23);

  g_assert_true (g_file_set_contents (path, bad, -1, &error));
  g_assert_false (hu_catalog_load_file (catalog, path, &error));
  g_assert_error (error, HU_CATALOG_ERROR, HU_CATALOG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "models[0]: utilization"));
}

/* CLI ---------------------------------------------------------------------- */

static void
test_cli_estimate_model (void)
{
  g_auto(Run) model = { 0 };
  g_auto(Run) flags = { 0 };
  g_auto(Run) text = { 0 };

  run_cli (&model, NULL, "estimate", "--model", GPT3, "--format", "json", NULL);
  g_assert_cmpint (model.status, ==, 0);
  run_cli (&flags, NULL, "estimate", "--flops", "3.14e23", "--gpu", "nvidia-v100-sxm2-32gb",
           "--count", "10000", "--utilization", "0.1968", "--region", "grid/US",
           "--format", "json", NULL);
  g_assert_cmpint (flags.status, ==, 0);
  g_assert_cmpstr (model.out, ==, flags.out);

  /* The text derivation says where the inputs came from. */
  run_cli (&text, NULL, "estimate", "--model", "yi-lightning", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Epoch AI, Notable AI Models"));
  g_assert_nonnull (strstr (text.out, "Utilisation: derived from the training time"));
  g_assert_nonnull (strstr (text.out, "confidence: Confident"));
}

static void
test_cli_estimate_override (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *o;

  run_cli (&run, NULL, "estimate", "--model", GPT3, "--count", "5000", "--intensity", "100",
           "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpfloat (json_object_get_double_member (o, "count"), ==, 5000);
  g_assert_cmpfloat (json_object_get_double_member (o, "utilization"), ==, 0.1968);
  g_assert_cmpfloat (json_object_get_double_member (o, "intensity"), ==, 100);
  /* Half the accelerators: twice the wall-clock time, 3,545,618.9 ÷ 5000 h. */
  assert_rel (json_object_get_double_member (o, "wall_hours"), 3.14e23 / (125e12 * 0.1968) / 3600 / 5000, 1e-12);
}

static void
test_cli_bad_names (void)
{
  g_auto(Run) unknown = { 0 };
  g_auto(Run) ambiguous = { 0 };
  g_auto(Run) nothing = { 0 };

  run_cli (&unknown, NULL, "estimate", "--model", "Gpt3 davinci", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_cmpstr (unknown.out, ==, "");
  g_assert_nonnull (strstr (unknown.err, "--model"));
  g_assert_nonnull (strstr (unknown.err, "“" GPT3 "”"));

  run_cli (&ambiguous, NULL, "estimate", "--model", "GPT-3", NULL);
  g_assert_cmpint (ambiguous.status, ==, 2);
  g_assert_nonnull (strstr (ambiguous.err, "“GPT-3.5”"));

  run_cli (&nothing, NULL, "estimate", "--model", "zzqqxx", NULL);
  g_assert_cmpint (nothing.status, ==, 2);
  g_assert_nonnull (strstr (nothing.err, "huella-cli models"));
}

static void
test_cli_models (void)
{
  static const char *keys[] = {
    "name", "organization", "date", "domain", "parameters", "flops", "tokens", "hardware",
    "gpu", "count", "hours", "utilization", "country", "region", "confidence", "link",
  };
  g_auto(Run) json = { 0 };
  g_auto(Run) json_es = { 0 };
  g_auto(Run) csv = { 0 };
  g_auto(Run) text = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *models;
  JsonObject *nuwa;
  g_autoptr(GList) members = NULL;
  guint k = 0;

  run_cli (&json, NULL, "models", "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  models = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                         "models");
  g_assert_cmpuint (json_array_get_length (models), ==, 483);

  run_cli (&json_es, "es_ES.UTF-8", "models", "--search", "NUWA", "--format", "json", NULL);
  g_assert_cmpint (json_es.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json_es.out, -1, &error));
  models = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                         "models");
  g_assert_cmpuint (json_array_get_length (models), ==, 1);
  nuwa = json_array_get_object_element (models, 0);
  members = json_object_get_members (nuwa);
  for (GList *l = members; l; l = l->next, k++)
    g_assert_cmpstr (l->data, ==, keys[k]);
  g_assert_cmpuint (k, ==, G_N_ELEMENTS (keys));
  g_assert_cmpstr (json_object_get_string_member (nuwa, "name"), ==, "NÜWA");
  /* 4.8384e21 FLOP, unknown hardware: null, not 0 or "". */
  g_assert_cmpfloat (json_object_get_double_member (nuwa, "flops"), ==, 4.8384e21);
  g_assert_true (json_object_get_null_member (nuwa, "gpu"));
  g_assert_true (json_object_get_null_member (nuwa, "count"));
  g_assert_true (json_object_get_null_member (nuwa, "confidence"));

  run_cli (&csv, "es_ES.UTF-8", "models", "--search", GPT3, "--format", "csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_cmpstr (csv.out, ==,
                   "name,organization,date,domain,parameters,flops,tokens,hardware,gpu,count,"
                   "hours,utilization,country,region,confidence,link\n"
                   GPT3 ",OpenAI,2020-05-28,Language,175000000000,3.14e+23,374000000000,"
                   "NVIDIA Tesla V100 DGXS 32 GB,nvidia-v100-sxm2-32gb,10000,355.2,0.1968,"
                   "United States of America,grid/US,Confident,https://arxiv.org/abs/2005.14165\n");

  run_cli (&text, NULL, "models", "--search", "pangu", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Huawei Ascend 910 (not in catalog)"));
  g_assert_nonnull (strstr (text.out, "Data: Epoch AI"));
}

static void
test_cli_user_catalog (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "huella", "catalog", NULL);
  g_autofree char *path = g_build_filename (dir, "mine.json", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path,
                                      "{\"models\": [{\"name\": \"Modelo pequeño\","
                                      " \"flops\": 1e20}]}", -1, &error));
  run_cli (&run, NULL, "models", "--search", "PEQUENO", "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\nModelo pequeño,,,,,1e+20,"));
}

static void
test_short_organization (void)
{
  g_autoptr(HuCatalog) catalog = builtin ();
  HuKnownModel *star = hu_catalog_lookup_model (catalog, "StarCoder");
  g_autofree char *sixty = NULL;
  g_autofree char *forty = NULL;
  g_autofree char *openai = NULL;
  g_auto(Run) text = { 0 };

  /* StarCoder's row lists 21 organisations in 418 characters. The first
   * 59 characters are "Hugging Face, ServiceNow, Northeastern University,
   * Mila - Q"; the first 39 end in "Northeastern " (its space dropped). */
  g_assert_nonnull (star);
  g_assert_cmpuint (g_utf8_strlen (star->organization, -1), ==, 418);
  sixty = hu_known_model_get_short_organization (star, 60);
  g_assert_cmpstr (sixty, ==, "Hugging Face, ServiceNow, Northeastern University, Mila - Q…");
  forty = hu_known_model_get_short_organization (star, 40);
  g_assert_cmpstr (forty, ==, "Hugging Face, ServiceNow, Northeastern…");
  openai = hu_known_model_get_short_organization (hu_catalog_lookup_model (catalog, GPT3), 40);
  g_assert_cmpstr (openai, ==, "OpenAI");

  /* The text table keeps its columns narrow; CSV keeps every name. */
  run_cli (&text, NULL, "models", "--search", "starcoder", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Hugging Face, ServiceNow, Northeastern…"));
  g_assert_null (strstr (text.out, "Leipzig"));
}

static void
test_compare_compute (void)
{
  g_autoptr(HuCatalog) catalog = builtin ();
  g_autofree char *gpt3 = hu_known_model_compare_compute (catalog, 3.14e23);
  g_autofree char *more = hu_known_model_compare_compute (catalog, 2.7 * 3.14e23);

  /* GPT-3 itself: 1 ×, and it is its own closest landmark. */
  g_assert_cmpstr (gpt3, ==, "≈ 1 × the training compute of GPT-3 175B (davinci)");
  /* 8.478e23 FLOP: 2.7 × GPT-3's 3.14e23; the closest landmark on a log
   * scale is Llama 2-70B (8.1e23, ratio 1.047 → "1"), nearer than
   * Chinchilla (5.76e23) or GPT-3. */
  g_assert_cmpstr (more, ==, "≈ 2.7 × the training compute of GPT-3 175B (davinci); "
                             "closest known model: Llama 2-70B (≈ 1 ×)");
  g_assert_null (hu_known_model_compare_compute (catalog, NAN));
}

int
main (int    argc,
      char **argv)
{
  core_test_init (&argc, &argv);

  g_test_add_func ("/huella/models/catalog", test_catalog);
  g_test_add_func ("/huella/models/search", test_search);
  g_test_add_func ("/huella/models/fill-gpt3", test_fill_gpt3);
  g_test_add_func ("/huella/models/fill-derived", test_fill_derived);
  g_test_add_func ("/huella/models/override-and-edit", test_override_and_edit);
  g_test_add_func ("/huella/models/user-catalog", test_user_catalog);
  g_test_add_func ("/huella/models/compare-compute", test_compare_compute);
  g_test_add_func ("/huella/models/short-organization", test_short_organization);
  g_test_add_func ("/huella/models/cli/estimate-model", test_cli_estimate_model);
  g_test_add_func ("/huella/models/cli/estimate-override", test_cli_estimate_override);
  g_test_add_func ("/huella/models/cli/bad-names", test_cli_bad_names);
  g_test_add_func ("/huella/models/cli/models", test_cli_models);
  g_test_add_func ("/huella/models/cli/user-catalog", test_cli_user_catalog);
  return g_test_run ();
}
