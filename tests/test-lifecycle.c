/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "hu-chart.h"
#include "hu-chart-private.h"
#include "test-helpers.h"

/* The deployment phase and the lifecycle against published figures
 * (../shared/reference/lifecycle.md names each paper and table) and hand
 * arithmetic written next to each check. */

static HuEstimate *
compute (HuInputs *inputs)
{
  g_autoptr(GError) error = NULL;
  HuEstimate *e = hu_estimate_compute (inputs, hu_catalog_get_default (),
                                       HU_ESTIMATE_FLAGS_NONE, &error);
  hu_inputs_clear (inputs);
  g_assert_no_error (error);
  g_assert_nonnull (e);
  return e;
}

/* A training of exactly @kwh at PUE 1: @kwh GPU-hours at 1 kW. */
static void
training_of_kwh (HuInputs *in,
                 double    kwh)
{
  hu_inputs_init (in);
  in->gpu_hours = kwh;
  in->power_w = 1000;
  in->pue = 1;
  in->intensity = 100;
}

/* BLOOM's API (Luccioni et al., JMLR 2023, §5): 16 A100 kept on for
 * 18 days used 914 kWh for 230,768 requests, 3.96 Wh each, at
 * 394 g/kWh (us-central1): 340 kg printed over a shorter 864 kWh window,
 * 914 × 0.394 = 360 kg over the whole one. As a fleet, the average
 * power per GPU (host share included) is 914,000 Wh ÷ (16 × 18 × 24 h)
 * = 132.2338 W. */
static void
bloom_api (HuInputs *in)
{
  in->requests = 230768;
  in->days = 18;
  in->serve_count = 16;
  in->serve_power = 914000.0 / (16 * 18 * 24);
  in->serve_pue = 1;
  in->serve_intensity = 394;
}

static void
test_bloom_api_fleet (void)
{
  g_autoptr(HuEstimate) e = NULL;
  HuInputs in;

  training_of_kwh (&in, 433196);
  bloom_api (&in);
  e = compute (&in);

  g_assert_cmpint (e->serve_model, ==, HU_SERVING_FLEET);
  assert_abs (e->inference_gpu_hours, 16 * 18 * 24, 1e-9);
  assert_rel (e->inference_energy_kwh, 914, 1e-9);
  /* 3.96 Wh printed (914 kWh ÷ 230,768 = 3.9607 Wh) */
  assert_abs (e->per_request_wh, 3.96, 0.005);
  /* 340–360 kg; 914 × 0.394 = 360.1 kg, "360" to the kilogram */
  g_assert_cmpfloat (e->inference_emissions_kg, >=, 340);
  g_assert_cmpfloat (e->inference_emissions_kg, <, 360.5);
  /* 18 days at 230,768 ÷ 18 = 12,820.4 requests a day */
  assert_rel (e->requests_per_day, 230768.0 / 18, 1e-12);
}

/* The same deployment given per request: 3.96 Wh × 230,768 = 913.8 kWh,
 * the 914 kWh printed within 0.1 %. */
static void
test_bloom_api_per_request (void)
{
  g_autoptr(HuEstimate) e = NULL;
  HuInputs in;

  training_of_kwh (&in, 433196);
  in.requests = 230768;
  in.wh_per_request = 3.96;
  in.serve_pue = 1;
  in.serve_intensity = 394;
  e = compute (&in);

  g_assert_cmpint (e->serve_model, ==, HU_SERVING_PER_REQUEST);
  assert_rel (e->inference_energy_kwh, 914, 0.001);
  g_assert_cmpfloat (e->inference_emissions_kg, >=, 340);
  g_assert_cmpfloat (e->inference_emissions_kg, <, 360.5);
  /* No accelerator-hours in this model, so no embodied share. */
  g_assert_cmpfloat (e->inference_embodied_kg, ==, 0);
  g_assert_true (isnan (e->breakeven_days));
}

/* Power Hungry Processing (Luccioni, Jernite, Strubell, FAccT 2024),
 * Table 5: BLOOMz-7B, 51,686 kWh training + 7,571 kWh fine-tuning at
 * 1.0e-4 kWh per inference breaks even after 592,570,000 inferences. */
static void
test_bloomz_breakeven (void)
{
  g_autoptr(HuEstimate) e = NULL;
  HuInputs in;

  training_of_kwh (&in, 51686 + 7571);
  in.requests = 1e6;
  in.wh_per_request = 0.1;   /* 1.0e-4 kWh */
  in.serve_pue = 1;
  e = compute (&in);

  assert_rel (e->energy_kwh, 59257, 1e-12);
  assert_rel (e->breakeven_requests, 592570000, 1e-9);
}

/* Power Hungry Processing, Table 2: kWh per 1,000 inferences, one A100
 * (the mean per task). Given as energy per request, 1,000 requests use
 * the table's kWh, and a day of 1,000 requests the same. */
typedef struct {
  const char *task;
  double      kwh_per_1000;
} TaskRow;

static const TaskRow power_hungry_table_2[] = {
  { "text-classification", 0.002 },
  { "extractive-qa", 0.003 },
  { "masked-lm", 0.003 },
  { "token-classification", 0.004 },
  { "image-classification", 0.007 },
  { "object-detection", 0.038 },
  { "text-generation", 0.047 },
  { "summarisation", 0.049 },
  { "image-captioning", 0.063 },
  { "image-generation", 2.907 },
};

static void
test_power_hungry_table_2 (gconstpointer data)
{
  const TaskRow *row = data;
  g_autoptr(HuEstimate) e = NULL;
  HuInputs in;

  training_of_kwh (&in, 1000);
  in.requests_per_day = 1000;
  in.days = 1;
  /* kWh per 1,000 = Wh per one */
  in.wh_per_request = row->kwh_per_1000;
  in.serve_pue = 1;
  e = compute (&in);

  assert_rel (e->inference_energy_kwh, row->kwh_per_1000, 1e-12);
  assert_rel (e->per_request_wh, row->kwh_per_1000, 1e-12);
  /* 1,000 kWh of training ÷ (kWh per 1,000 ÷ 1,000) */
  assert_rel (e->breakeven_requests, 1000 / (row->kwh_per_1000 / 1000), 1e-12);
  /* At 1,000 requests a day, the break-even day is that ÷ 1,000. */
  assert_rel (e->breakeven_days, 1000 / row->kwh_per_1000, 1e-12);
}

/* Patterson et al. 2021: GPT-3 on 10,000 V100 for 14.8 days at 330 W,
 * PUE 1.1, 0.429 kg/kWh → 1,287 MWh and 552.1 t (within 0.2 %), and
 * footprint = (E_train + queries × E_inference) × CO₂e per kWh. */
static void
test_patterson_gpt3 (void)
{
  g_autoptr(HuEstimate) e = NULL;
  HuInputs in;
  double e_train, e_inf;

  hu_inputs_init (&in);
  in.gpu = g_strdup ("nvidia-v100-sxm2-32gb");
  in.count = 10000;
  in.wall_hours = 14.8 * 24;
  in.power_w = 330;
  in.pue = 1.1;
  in.intensity = 429;
  /* Served where trained (PUE and intensity inherited), 0.3 Wh of IT
   * energy per query for a billion queries. */
  in.requests = 1e9;
  in.wh_per_request = 0.3;
  e = compute (&in);

  assert_rel (e->energy_kwh, 1287e3, 0.002);
  assert_rel (e->emissions_kg, 552.1e3, 0.002);
  g_assert_cmpfloat (e->serve_pue, ==, 1.1);
  g_assert_cmpfloat (e->serve_intensity, ==, 429);

  /* 3,552,000 GPU-h × 0.33 kW × 1.1 = 1,289,376 kWh;
   * 1e9 × 0.3 Wh × 1.1 ÷ 1000 = 330,000 kWh;
   * (1,289,376 + 330,000) × 0.429 = 694,712.3 kg. */
  e_train = 3552000 * 0.33 * 1.1;
  e_inf = 1e9 * 0.3 * 1.1 / 1000;
  assert_rel (e->inference_energy_kwh, 330000, 1e-9);
  assert_rel (e->lifecycle_kg, (e_train + e_inf) * 0.429, 1e-9);
  assert_rel (e->lifecycle_kg, 694712.304, 1e-9);
}

/* BLOOM's training (Luccioni et al. 2023, Table 2 and §4): 1,082,990
 * A100-hours at 400 W (433,196 kWh dynamic) plus 256,646 kWh of idle and
 * infrastructure at 57 g/kWh, and 11.2 t embodied: 50.5 t in all.
 * Idle as a PUE: (433,196 + 256,646) ÷ 433,196 = 1.592448. Embodied:
 * 150 kg per GPU + 2,500 kg per 8-GPU server = 462.5 kg per GPU over a
 * 6-year life at 85 % use = 44,676 h. */
static void
bloom_training (HuInputs *in)
{
  hu_inputs_init (in);
  in->gpu = g_strdup ("nvidia-a100-sxm4-80gb");
  in->gpu_hours = 1082990;
  in->power_w = 400;
  in->pue = (433196.0 + 256646.0) / 433196.0;
  in->intensity = 57;
  in->embodied_kg = 150 + 2500.0 / 8;
  in->lifetime_h = 6 * 8760 * 0.85;
}

static void
test_bloom_lifecycle (void)
{
  g_autoptr(HuEstimate) training = NULL;
  g_autoptr(HuEstimate) e = NULL;
  HuPhases phases;
  HuInputs in;
  double serving_embodied;

  bloom_training (&in);
  training = compute (&in);
  /* 50.5 t printed, to 0.1 t */
  assert_rel (training->total_kg, 50.5e3, 0.001);
  /* 22 % embodied printed (11.2 ÷ 50.5) */
  assert_abs (training->embodied_kg / training->total_kg, 0.22, 0.005);
  assert_rel (training->lifecycle_kg, training->total_kg, 0);
  g_assert_false (hu_estimate_has_serving (training));
  g_assert_true (isnan (training->breakeven_requests));

  /* With its 18-day API on the same kind of GPU: 914 kWh at 394 g/kWh
   * and the A100's embodied share for 6,912 GPU-hours:
   * 462.5 kg × 6,912 h ÷ 44,676 h = 71.556 kg. */
  bloom_training (&in);
  bloom_api (&in);
  e = compute (&in);
  serving_embodied = 462.5 * 6912 / 44676;
  assert_rel (e->inference_embodied_kg, serving_embodied, 1e-9);
  assert_rel (e->lifecycle_kg, training->total_kg + 914 * 0.394 + serving_embodied, 1e-9);

  hu_estimate_get_phases (e, &phases);
  g_assert_cmpfloat (phases.development_kg, ==, 0);
  assert_rel (phases.training_kg, training->emissions_kg, 1e-12);
  assert_rel (phases.serving_kg, 914 * 0.394, 1e-9);
  assert_rel (phases.embodied_kg, training->embodied_kg + serving_embodied, 1e-9);
  assert_rel (phases.development_kg + phases.training_kg + phases.serving_kg + phases.embodied_kg,
              e->lifecycle_kg, 1e-12);

  /* Day 0 is training alone; day 18 the whole life; day 9 half the
   * serving. */
  assert_rel (hu_estimate_lifecycle_kg_at_day (e, 0), e->total_kg, 1e-12);
  assert_rel (hu_estimate_lifecycle_kg_at_day (e, 18), e->lifecycle_kg, 1e-12);
  assert_rel (hu_estimate_lifecycle_kg_at_day (e, 9),
              e->total_kg + (914 * 0.394 + serving_embodied) / 2, 1e-9);
}

/* Development: with retrain = 24 (Strubell et al. 2019's average), the
 * final run is 1/24 of training's operational CO₂eq and development the
 * other 23/24. */
static void
test_phases_development (void)
{
  g_autoptr(HuEstimate) e = NULL;
  HuPhases phases;
  HuInputs in;

  training_of_kwh (&in, 1000);   /* 1,000 kWh × 100 g = 100 kg per run */
  in.retrain = 24;
  e = compute (&in);
  hu_estimate_get_phases (e, &phases);
  assert_rel (phases.training_kg, 100, 1e-12);
  assert_rel (phases.development_kg, 2300, 1e-12);
  g_assert_cmpfloat (phases.serving_kg, ==, 0);
  g_assert_true (isnan (hu_estimate_lifecycle_kg_at_day (e, 1)));
}

/* The compute model by hand. A 7e9-parameter model, 500 tokens per
 * request, on an A100 SXM4 80GB (312 TFLOP/s bf16 dense, 400 W TDP) at
 * the default 10 %:
 *   FLOPs per request = 2 × 7e9 × 500 = 7e12 FLOP
 *   GPU-seconds       = 7e12 ÷ (312e12 × 0.10) = 0.224359 s
 *   requests          = 1e6 a day × 365 days = 3.65e8
 *   GPU-hours         = 3.65e8 × 0.224359 s ÷ 3600 = 22,747.51 h
 *   IT energy         = 22,747.51 h × 400 W ÷ 1000 = 9,099.00 kWh
 *   facility energy   = × PUE 1.2 = 10,918.80 kWh
 *   per request       = 10,918.80 kWh × 1000 ÷ 3.65e8 = 0.0299145 Wh
 *   CO₂eq             = 10,918.80 kWh × 50 g/kWh ÷ 1000 = 545.940 kg
 * Training (params × tokens): 6 × 7e9 × 1e12 = 4.2e22 FLOP on the same
 * GPU at 40 %: 4.2e22 ÷ 124.8e12 FLOP/s ÷ 3600 = 93,482.9 h × 0.4 kW
 * × 1.2 = 44,871.8 kWh; break-even = 44,871.8 ÷ (0.0299145 ÷ 1000)
 * = 1.5e9 requests, day 1.5e9 ÷ 1e6 = 1,500. */
static void
test_compute_by_hand (void)
{
  g_autoptr(HuEstimate) e = NULL;
  g_autofree char *text = NULL;
  HuInputs in;
  gboolean found_flops = FALSE, found_seconds = FALSE, found_hours = FALSE;

  hu_inputs_init (&in);
  in.params = 7e9;
  in.tokens = 1e12;
  in.gpu = g_strdup ("nvidia-a100-sxm4-80gb");
  in.pue = 1.2;
  in.intensity = 50;
  in.requests_per_day = 1e6;
  in.days = 365;
  in.tokens_per_request = 500;
  e = compute (&in);

  g_assert_cmpint (e->serve_model, ==, HU_SERVING_COMPUTE);
  g_assert_cmpstr (e->serve_gpu, ==, "nvidia-a100-sxm4-80gb");
  g_assert_cmpfloat (e->active_params, ==, 7e9);
  g_assert_cmpfloat (e->serve_utilization, ==, 0.10);
  g_assert_cmpint (e->serve_utilization_from.origin, ==, HU_ORIGIN_BUILTIN);
  g_assert_nonnull (e->serve_utilization_from.source);
  assert_rel (e->flops_per_request, 7e12, 1e-15);
  assert_rel (e->requests, 3.65e8, 1e-15);
  assert_rel (e->inference_gpu_hours, 22747.51, 1e-6);
  assert_rel (e->inference_energy_it_kwh, 9099.00, 1e-6);
  assert_rel (e->inference_energy_kwh, 10918.80, 1e-6);
  assert_rel (e->per_request_wh, 0.0299145, 1e-5);
  assert_rel (e->inference_emissions_kg, 545.940, 1e-6);
  assert_rel (e->energy_kwh, 44871.8, 1e-5);
  /* Training and serving on the same GPU and PUE, so the break-even is
   * the ratio of FLOPs (4.2e22 ÷ 7e12 = 6e9) times the ratio of
   * utilisations (0.1 ÷ 0.4). */
  assert_rel (e->breakeven_requests, 1.5e9, 1e-12);
  assert_rel (e->breakeven_days, 1500, 1e-12);

  /* The derivation shows the same numbers, step by step, as hu-units
   * writes them: 7e12 FLOP as "7.00 × 10¹²" (three digits); 0.224359 s
   * to three digits, "0.224 s"; 22,747.51 GPU-hours from 10,000 in
   * thousands, four digits: "22.75 thousand GPU-h". */
  for (guint i = 0; i < e->steps->len; i++)
    {
      const HuStep *step = e->steps->pdata[i];

      if (strstr (step->formula, "2 ×") && g_str_equal (step->result, "7.00 × 10¹² FLOP"))
        found_flops = TRUE;
      if (strstr (step->calculation, "7.00 × 10¹² FLOP ÷ (312 TFLOP/s × 10") &&
          g_str_equal (step->result, "0.224 s"))
        {
          found_seconds = TRUE;
          g_assert_nonnull (strstr (step->note, "10 %"));
        }
      /* The seconds of an hour, grouped as in C: "3,600 s/h". */
      if (strstr (step->formula, "3,600 s/h") && g_str_equal (step->result, "22.75 thousand GPU-h"))
        found_hours = TRUE;
    }
  g_assert_true (found_flops);
  g_assert_true (found_seconds);
  g_assert_true (found_hours);

  text = hu_estimate_derivation_text (e);
  g_assert_nonnull (strstr (text, "Break-even"));
  g_assert_nonnull (strstr (text, "day 1,500"));
}

/* The serving place and hardware default to the training's; a region of
 * its own brings its intensity and PUE. */
static void
test_serving_defaults (void)
{
  g_autoptr(HuEstimate) same = NULL;
  g_autoptr(HuEstimate) moved = NULL;
  HuRegion *region = hu_catalog_lookup_region (hu_catalog_get_default (), "gcp/us-central1");
  HuInputs in;

  hu_inputs_init (&in);
  in.gpu_hours = 1000;
  in.gpu = g_strdup ("nvidia-h100-sxm");
  in.region = g_strdup ("grid/FR");
  in.requests = 1000;
  in.days = 10;
  in.serve_count = 2;
  same = compute (&in);
  g_assert_cmpfloat (same->serve_power_w, ==, 700);   /* H100 SXM TDP */
  g_assert_cmpfloat (same->serve_intensity, ==, same->intensity);
  g_assert_cmpfloat (same->serve_pue, ==, same->pue);
  g_assert_cmpstr (same->serve_region, ==, "grid/FR");
  /* 2 × 10 d × 24 h × 0.7 kW × PUE */
  assert_rel (same->inference_energy_kwh, 2 * 240 * 0.7 * same->pue, 1e-12);

  hu_inputs_init (&in);
  in.gpu_hours = 1000;
  in.gpu = g_strdup ("nvidia-h100-sxm");
  in.region = g_strdup ("grid/FR");
  in.requests = 1000;
  in.days = 10;
  in.serve_gpu = g_strdup ("nvidia-l4");
  in.serve_region = g_strdup ("gcp/us-central1");
  moved = compute (&in);
  g_assert_nonnull (region);
  g_assert_cmpfloat (moved->serve_power_w, ==, 72);   /* L4 TDP */
  g_assert_cmpfloat (moved->serve_intensity, ==, region->intensity);
  g_assert_cmpfloat (moved->serve_pue, ==, region->pue);
  g_assert_cmpstr (moved->serve_gpu, ==, "nvidia-l4");
}

/* Deployment inputs that do not choose one model, or miss one. */
typedef struct {
  const char *name;
  void      (*apply) (HuInputs *in);
  const char *message_has;
} BadCase;

static void set_zero_requests (HuInputs *in) { in->requests = 0; in->wh_per_request = 1; }
static void set_negative_days (HuInputs *in) { in->requests = 1; in->days = -1; in->wh_per_request = 1; }
static void set_zero_tokens (HuInputs *in) { in->requests = 1; in->tokens_per_request = 0; }
static void set_two_models (HuInputs *in) { in->requests = 1; in->wh_per_request = 1; in->tokens_per_request = 10; }
static void set_per_request_fleet (HuInputs *in) { in->requests = 1; in->wh_per_request = 1; in->serve_count = 4; }
static void set_fleet_no_days (HuInputs *in) { in->requests = 1; in->serve_count = 4; in->serve_power = 300; }
static void set_no_model (HuInputs *in) { in->requests = 1; }
static void set_no_requests (HuInputs *in) { in->wh_per_request = 1; }
static void set_rate_no_days (HuInputs *in) { in->requests_per_day = 1; in->wh_per_request = 1; }
static void set_total_and_rate (HuInputs *in) { in->requests = 1; in->requests_per_day = 1; in->days = 1; in->wh_per_request = 1; }
static void set_compute_no_params (HuInputs *in) { in->requests = 1; in->tokens_per_request = 10; }
static void set_unknown_serve_gpu (HuInputs *in) { in->requests = 1; in->tokens_per_request = 10; in->active_params = 1e9; in->serve_gpu = g_strdup ("nvidia-a100"); }
static void set_unknown_serve_region (HuInputs *in) { in->requests = 1; in->wh_per_request = 1; in->serve_region = g_strdup ("gcp/us-centrall"); }
static void set_serve_embodied_no_life (HuInputs *in) { in->requests = 1; in->days = 1; in->serve_count = 1; in->serve_embodied_kg = 100; }
static void set_serve_pue_below_one (HuInputs *in) { in->requests = 1; in->wh_per_request = 1; in->serve_pue = 0.5; }

static const BadCase bad_cases[] = {
  { "zero-requests", set_zero_requests, "requests:" },
  { "negative-days", set_negative_days, "days:" },
  { "zero-tokens", set_zero_tokens, "tokens_per_request:" },
  { "two-models", set_two_models, "tokens_per_request:" },
  { "per-request-and-fleet", set_per_request_fleet, "serve_count:" },
  { "fleet-without-days", set_fleet_no_days, "days:" },
  { "no-model", set_no_model, "wh_per_request:" },
  { "no-requests", set_no_requests, "requests:" },
  { "rate-without-days", set_rate_no_days, "days:" },
  { "total-and-rate", set_total_and_rate, "requests_per_day:" },
  { "compute-without-params", set_compute_no_params, "active_params:" },
  { "unknown-serve-gpu", set_unknown_serve_gpu, "serve_gpu:" },
  { "unknown-serve-region", set_unknown_serve_region, "serve_region:" },
  { "serve-embodied-no-life", set_serve_embodied_no_life, "serve_lifetime_h:" },
  { "serve-pue-below-one", set_serve_pue_below_one, "serve_pue:" },
};

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HuEstimate) e = NULL;
  HuInputs in;

  training_of_kwh (&in, 1000);
  bad->apply (&in);
  e = hu_estimate_compute (&in, hu_catalog_get_default (), HU_ESTIMATE_FLAGS_NONE, &error);
  hu_inputs_clear (&in);
  g_assert_null (e);
  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, bad->message_has))
    g_error ("“%s” does not start with “%s”", error->message, bad->message_has);
}

/* Scenarios written before the deployment phase load and estimate as
 * before; the `inference` object round-trips with keys it does not
 * know. */
static void
test_project_round_trip (void)
{
  const char *text =
    "{\"id\":\"a\",\"name\":\"A\",\"gpu_hours\":100,\"power_w\":500,\"intensity\":300,"
    "\"inference\":{\"requests_per_day\":2000,\"days\":30,\"wh_per_request\":0.5,"
    "\"serve_region\":\"grid/FR\",\"future_key\":[1,2]},\"other\":true}";
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuScenario) s = hu_scenario_new_from_json (json_node_get_object (node), &error);
  g_autoptr(JsonNode) back = NULL;
  g_autoptr(HuScenario) again = NULL;
  g_autoptr(HuScenario) copy = NULL;
  JsonObject *inference;

  g_assert_no_error (error);
  g_assert_cmpfloat (hu_scenario_get_inputs (s)->requests_per_day, ==, 2000);
  g_assert_cmpstr (hu_scenario_get_inputs (s)->serve_region, ==, "grid/FR");

  back = hu_scenario_to_json (s);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (back), "other"));
  inference = json_object_get_object_member (json_node_get_object (back), "inference");
  g_assert_nonnull (inference);
  g_assert_cmpfloat (json_object_get_double_member (inference, "days"), ==, 30);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (inference, "future_key")), ==, 2);
  g_assert_false (json_object_has_member (json_node_get_object (back), "days"));

  again = hu_scenario_new_from_json (json_node_get_object (back), &error);
  g_assert_no_error (error);
  g_assert_true (hu_inputs_equal (hu_scenario_get_inputs (s), hu_scenario_get_inputs (again)));

  copy = hu_scenario_duplicate (s, "b");
  g_assert_true (hu_inputs_equal (hu_scenario_get_inputs (s), hu_scenario_get_inputs (copy)));
}

static void
test_project_old_files (void)
{
  const char *examples[] = { "gpt3-gpus.huella", "patterson2021.huella", "llama2.huella" };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(HuProject) project = load_example (examples[i]);
      GListModel *scenarios = G_LIST_MODEL (hu_project_get_scenarios (project));

      for (guint j = 0; j < g_list_model_get_n_items (scenarios); j++)
        {
          g_autoptr(HuScenario) s = g_list_model_get_item (scenarios, j);
          g_autoptr(HuEstimate) e = estimate_scenario (project, hu_scenario_get_id (s));
          g_autoptr(JsonNode) back = hu_scenario_to_json (s);

          g_assert_false (hu_inputs_has_serving (hu_scenario_get_inputs (s)));
          g_assert_false (hu_estimate_has_serving (e));
          g_assert_cmpfloat (e->lifecycle_kg, ==, e->total_kg);
          g_assert_false (json_object_has_member (json_node_get_object (back), "inference"));
        }
    }
}

/* The BLOOM lifecycle example beside the paper: training 50.5 t; the API
 * 914 kWh, 3.96 Wh per request, 340–360 kg; and at TDP the serving
 * estimate overshoots by 400 W ÷ 132.2 W = 3.02×. */
static void
test_example_bloom (void)
{
  g_autoptr(HuProject) project = load_example ("bloom-lifecycle.huella");
  g_autoptr(HuEstimate) e = estimate_scenario (project, "bloom-measured");
  g_autoptr(HuEstimate) tdp = estimate_scenario (project, "bloom-tdp");

  assert_rel (e->total_kg, 50.5e3, 0.001);
  assert_rel (e->inference_energy_kwh, 914, 1e-6);
  assert_abs (e->per_request_wh, 3.96, 0.005);
  g_assert_cmpfloat (e->inference_emissions_kg, >=, 340);
  g_assert_cmpfloat (e->inference_emissions_kg, <, 360.5);
  /* 50,531 kg + 360.1 kg + 462.5 kg × 6,912 h ÷ 44,676 h */
  assert_rel (e->lifecycle_kg, e->total_kg + 914 * 0.394 + 462.5 * 6912 / 44676, 1e-6);
  assert_rel (tdp->inference_energy_kwh / e->inference_energy_kwh, 400 / 132.2338, 1e-6);
}

/* The 7B example: training 184,320 h × 0.4 kW × 1.1 = 81,100.8 kWh and
 * × 0.385 = 31.22 t (Touvron et al. 2023b, Table 2). A request:
 * 2 × 7e9 × 1,000 = 1.4e13 FLOP ÷ 31.2e12 FLOP/s = 0.448718 s × 400 W
 * ÷ 3600 × 1.1 = 0.0548433 Wh. Break-even 81,100.8 kWh ÷ 0.0548433e-3
 * = 1.478773e9 requests: day 147,877 at 10,000 a day, 1,478.8 at a
 * million, 14.79 at a hundred million. One A100 always on: 8,760 h
 * × 0.4 kW × 1.1 = 3,854.4 kWh. */
static void
test_example_serving_7b (void)
{
  g_autoptr(HuProject) project = load_example ("serving-7b.huella");
  const struct { const char *id; double per_day; } levels[] = {
    { "low", 1e4 }, { "medium", 1e6 }, { "high", 1e8 },
  };
  g_autoptr(HuEstimate) fleet = estimate_scenario (project, "low-always-on");

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autoptr(HuEstimate) e = estimate_scenario (project, levels[i].id);

      assert_rel (e->total_kg, 31.22e3, 0.0005);
      assert_rel (e->per_request_wh, 0.0548433, 1e-6);
      assert_rel (e->breakeven_requests, 1.478773e9, 1e-6);
      assert_rel (e->breakeven_days, 1.478773e9 / levels[i].per_day, 1e-6);
      assert_rel (e->inference_energy_kwh, levels[i].per_day * 365 * 0.0548433e-3, 1e-6);
    }
  assert_rel (fleet->inference_energy_kwh, 3854.4, 1e-12);
}

/* Ranges reach the deployment phase (issue 12). 1,000 requests at
 * U(3, 5) Wh and PUE 1 use U(3, 5) kWh: p05 3.1, p50 4.0, p95 4.9
 * (Monte Carlo error of a quantile from 10,000 samples about 0.005).
 * A range on training's intensity, U(50, 150) g/kWh, reaches serving
 * when serving inherits it: 4 kWh × U(50, 150) → 0.22, 0.40, 0.58 kg. */
static void
test_ranges (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuUncertainty) u = NULL;
  g_autoptr(HuUncertainty) inherited = NULL;
  HuUncertaintyOptions options;
  HuRange wh = { 3, NAN, 5 };
  HuRange ci = { 50, NAN, 150 };
  const HuInterval *iv;
  HuInputs in;

  hu_uncertainty_options_init (&options);
  training_of_kwh (&in, 1000);
  in.requests = 1000;
  in.wh_per_request = 4;
  in.serve_pue = 1;
  in.serve_intensity = 100;
  g_assert_true (hu_inputs_set_range (&in, HU_INPUT_WH_PER_REQUEST, &wh, &error));
  g_assert_no_error (error);
  u = hu_uncertainty_compute (&in, NULL, hu_catalog_get_default (), &options, &error);
  hu_inputs_clear (&in);
  g_assert_no_error (error);
  iv = hu_uncertainty_get_interval (u, "inference_energy_kwh");
  g_assert_nonnull (iv);
  assert_abs (iv->p05, 3.1, 0.02);
  assert_abs (iv->p50, 4.0, 0.02);
  assert_abs (iv->p95, 4.9, 0.02);
  /* lifecycle = 100 kg of training + energy × 0.1 kg/kWh */
  iv = hu_uncertainty_get_interval (u, "lifecycle_kg");
  assert_abs (iv->p50, 100.4, 0.002);
  /* The swing is of the whole life: 100 kg + 3 or 5 kWh × 0.1 kg/kWh. */
  g_assert_cmpuint (u->sensitivity->len, ==, 1);
  {
    const HuSensitivity *swing = &g_array_index (u->sensitivity, HuSensitivity, 0);

    g_assert_cmpint (swing->key, ==, HU_INPUT_WH_PER_REQUEST);
    assert_rel (swing->low_kg, 100.3, 1e-12);
    assert_rel (swing->high_kg, 100.5, 1e-12);
  }

  training_of_kwh (&in, 1000);
  in.requests = 1000;
  in.wh_per_request = 4;
  in.serve_pue = 1;
  g_assert_true (hu_inputs_set_range (&in, HU_INPUT_INTENSITY, &ci, &error));
  inherited = hu_uncertainty_compute (&in, NULL, hu_catalog_get_default (), &options, &error);
  hu_inputs_clear (&in);
  g_assert_no_error (error);
  iv = hu_uncertainty_get_interval (inherited, "inference_emissions_kg");
  assert_abs (iv->p05, 0.22, 0.004);
  assert_abs (iv->p50, 0.40, 0.004);
  assert_abs (iv->p95, 0.58, 0.004);
}

static void
test_project_bad_inference (void)
{
  struct { const char *text; const char *message_has; } cases[] = {
    { "{\"id\":\"a\",\"inference\":3}", "inference: must be an object" },
    { "{\"id\":\"a\",\"inference\":{\"requests\":-1}}", "inference.requests:" },
    { "{\"id\":\"a\",\"inference\":{\"days\":\"ten\"}}", "inference.days" },
    { "{\"id\":\"a\",\"inference\":{\"serve_gpu\":7}}", "inference.serve_gpu" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (cases[i].text, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(HuScenario) s = hu_scenario_new_from_json (json_node_get_object (node), &error);

      g_assert_null (s);
      g_assert_nonnull (error);
      if (!strstr (error->message, cases[i].message_has))
        g_error ("“%s” does not mention “%s”", error->message, cases[i].message_has);
    }
}

static void
assert_point (HuChart *chart,
              guint    series,
              guint    index,
              double   x,
              double   y)
{
  double px, py;

  g_assert_true (hu_chart_get_point (chart, series, index, &px, &py));
  assert_abs (px, x, 1e-9);
  assert_abs (py, y, 1e-9);
}

/* The lifecycle chart's data (issue 11 item 3), by hand. Training: 400
 * GPU-hours at 1 kW, PUE 1 = 400 kWh, at 100 g/kWh = 40 kg, no embodied
 * carbon (no accelerator named). Serving: 1,000 requests a day for 200
 * days at 4 Wh each (PUE and grid the training's) = 800 kWh = 80 kg, so
 * 0.4 kg a day. Break-even: 400 kWh ÷ 0.004 kWh = 100,000 requests, at
 * 1,000 a day day 100. Whole life at day d: 40 + 0.4 d kg, so 80 kg at
 * day 100 and 120 kg at day 200. */
static void
test_lifecycle_chart (void)
{
  g_autoptr(HuEstimate) e = NULL;
  g_autoptr(HuChart) chart = NULL;
  HuInputs in;

  training_of_kwh (&in, 400);
  in.requests_per_day = 1000;
  in.days = 200;
  in.wh_per_request = 4;
  e = compute (&in);
  assert_abs (e->total_kg, 40, 1e-9);
  assert_abs (e->breakeven_days, 100, 1e-9);

  chart = hu_chart_new_lifecycle (e);
  g_assert_nonnull (chart);
  g_assert_cmpint (hu_chart_get_kind (chart), ==, HU_CHART_LINE);
  g_assert_cmpuint (hu_chart_get_n_series (chart), ==, 3);
  assert_abs (hu_chart_get_x_marker (chart), 100, 1e-9);

  /* Whole life: training at day 0, then serving added day by day. */
  g_assert_cmpuint (hu_chart_get_n_points (chart, 0), ==, 3);
  assert_point (chart, 0, 0, 0, 40);
  assert_point (chart, 0, 1, 100, 80);
  assert_point (chart, 0, 2, 200, 120);
  /* Training alone stays at 40 kg. */
  assert_point (chart, 1, 0, 0, 40);
  assert_point (chart, 1, 2, 200, 40);
  /* Serving alone: 0.4 kg a day. */
  assert_point (chart, 2, 0, 0, 0);
  assert_point (chart, 2, 1, 100, 40);
  assert_point (chart, 2, 2, 200, 80);
}

/* Whether the pixel is @color, within antialiasing's reach. */
static gboolean
pixel_is (guint32        pixel,
          const HuColor *color)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return ABS (r - (int) (color->red * 255)) < 24 && ABS (g - (int) (color->green * 255)) < 24 &&
         ABS (b - (int) (color->blue * 255)) < 24;
}

/* Issue 10: the "Whole life" line hid under the training line where
 * they coincide. Training of 400 kWh at 100 g/kWh is 40 kg; 200 days of
 * 1,000 requests at 0.004 Wh add 800 Wh = 0.08 kg, so the whole life
 * ends at 40.08 kg, within a pixel of training all along on a 400 px
 * chart. Drawn wide and first, with training dashed on top, the whole
 * life's colour shows in every column of the plot, training's in most
 * (its dashes are 7 px of every 11), and the legend shows each line as
 * drawn. The picture is written with HUELLA_TEST_PNG=path, to look at. */
static void
test_lifecycle_chart_coinciding (void)
{
  g_autoptr(HuEstimate) e = NULL;
  g_autoptr(HuChart) chart = NULL;
  HuChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  Layout *layout;
  const guint32 *data;
  int stride, x0, x1, life_columns = 0, training_columns = 0, columns = 0;
  guint samples = 0;
  HuInputs in;

  training_of_kwh (&in, 400);
  in.requests_per_day = 1000;
  in.days = 200;
  in.wh_per_request = 0.004;
  e = compute (&in);
  assert_abs (e->total_kg, 40, 1e-9);
  assert_abs (hu_estimate_lifecycle_kg_at_day (e, 200), 40.08, 1e-9);

  chart = hu_chart_new_lifecycle (e);
  g_assert_cmpint (hu_chart_get_series_line (chart, 0), ==, HU_LINE_WIDE);
  g_assert_cmpint (hu_chart_get_series_line (chart, 1), ==, HU_LINE_DASHED);
  g_assert_cmpint (hu_chart_get_series_line (chart, 2), ==, HU_LINE_SOLID);

  hu_chart_style_init (&style, FALSE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 400);
  cr = cairo_create (surface);
  hu_chart_render (chart, cr, 640, 400, &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (g_getenv ("HUELLA_TEST_PNG") != NULL)
    cairo_surface_write_to_png (surface, g_getenv ("HUELLA_TEST_PNG"));

  layout = _hu_chart_ensure_layout (chart, 640, 400, &style);
  data = (const guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  /* Away from the ends' markers and the break-even line. */
  x0 = (int) (layout->plot.x + layout->plot.width * 0.1);
  x1 = (int) (layout->plot.x + layout->plot.width * 0.9);
  for (int x = x0; x < x1; x++)
    {
      gboolean life = FALSE, training = FALSE;

      for (int y = (int) layout->plot.y; y < (int) (layout->plot.y + layout->plot.height); y++)
        {
          life |= pixel_is (data[y * stride + x], &style.palette[0]);
          training |= pixel_is (data[y * stride + x], &style.palette[1]);
        }
      columns++;
      life_columns += life;
      training_columns += training;
    }
  g_assert_cmpint (life_columns, ==, columns);
  g_assert_cmpint (training_columns, >=, columns / 2);

  /* The legend: a sample per series, wide, dashed and plain. */
  for (guint i = 0; i < layout->lines->len; i++)
    {
      LineItem *l = &g_array_index (layout->lines, LineItem, i);

      if (l->role != ROLE_SERIES)
        continue;
      g_assert_cmpuint (l->palette, ==, samples);
      g_assert_cmpint (l->dashed, ==, samples == 1);
      g_assert_cmpfloat (l->width, ==, samples == 0 ? 5 : 2);
      samples++;
    }
  g_assert_cmpuint (samples, ==, 3);

  cairo_surface_destroy (surface);
  hu_chart_style_clear (&style);
}

/* Served for 50 days only, the break-even (day 100) falls after the
 * deployment: no marker, and the lines end at day 50 (40 + 0.4 × 50 =
 * 60 kg). Without a deployment phase, or with requests but no days,
 * there is no chart. */
static void
test_lifecycle_chart_edges (void)
{
  g_autoptr(HuEstimate) e = NULL;
  g_autoptr(HuEstimate) training = NULL;
  g_autoptr(HuEstimate) no_days = NULL;
  g_autoptr(HuChart) chart = NULL;
  g_autoptr(HuChart) none = NULL;
  HuInputs in;

  training_of_kwh (&in, 400);
  in.requests_per_day = 1000;
  in.days = 50;
  in.wh_per_request = 4;
  e = compute (&in);
  chart = hu_chart_new_lifecycle (e);
  g_assert_nonnull (chart);
  g_assert_true (isnan (hu_chart_get_x_marker (chart)));
  g_assert_cmpuint (hu_chart_get_n_points (chart, 0), ==, 2);
  assert_point (chart, 0, 1, 50, 60);
  g_assert_nonnull (strstr (hu_chart_get_subtitle (chart), "100"));

  training_of_kwh (&in, 400);
  training = compute (&in);
  g_assert_null (hu_chart_new_lifecycle (training));

  training_of_kwh (&in, 400);
  in.requests = 100000;
  in.wh_per_request = 4;
  no_days = compute (&in);
  none = hu_chart_new_lifecycle (no_days);
  g_assert_null (none);
}

/* The step of @e titled @title; fails when there is none. */
static const HuStep *
step_titled (const HuEstimate *e,
             const char       *title)
{
  for (guint i = 0; i < e->steps->len; i++)
    {
      const HuStep *step = g_ptr_array_index (e->steps, i);

      if (g_str_equal (step->title, title))
        return step;
    }
  g_assert_not_reached ();
  return NULL;
}

/* Explain derives serving as it derives training (issue 11 item 3): each
 * step says where its inputs came from. BLOOM's API as a fleet: 16 × 18
 * × 24 = 6,912 GPU-hours; the break-even day comes from requests given
 * in all, so its rate is shown: 230,768 ÷ 18 = 12,820.4 a day. With
 * 433,196 kWh of training at PUE 1 and 3.9607 Wh a request, break-even is
 * 433,196 ÷ 0.0039607 = 109,373,150 requests, day 109,373,150 ÷
 * 12,820.4 = 8,531. */
static void
test_serving_derivation (void)
{
  g_autoptr(HuEstimate) e = NULL;
  const HuStep *step;
  HuInputs in;

  training_of_kwh (&in, 433196);
  bloom_api (&in);
  in.serve_embodied_kg = 462.5;
  in.serve_lifetime_h = 44676;
  e = compute (&in);

  step = step_titled (e, "Accelerator-hours of the serving fleet");
  g_assert_nonnull (strstr (step->calculation, "16 × 18 d × 24 h/d"));
  g_assert_nonnull (step->note);
  step = step_titled (e, "Energy of serving (IT)");
  g_assert_nonnull (step->note);
  step = step_titled (e, "Energy of serving in the data centre");
  g_assert_nonnull (step->note);
  /* 914 kWh is its own readable form: not "914 kWh (914 kWh)". */
  g_assert_cmpstr (step->result, ==, "914 kWh");
  step = step_titled (e, "Operational emissions of serving");
  g_assert_nonnull (step->note);
  step = step_titled (e, "Embodied emissions of the serving hardware");
  g_assert_nonnull (step->note);
  step = step_titled (e, "Break-even with training");
  g_assert_nonnull (strstr (step->note, "Training energy"));
  step = step_titled (e, "Break-even day");
  g_assert_nonnull (strstr (step->calculation, "230,768 ÷ 18 d"));
  assert_rel (e->breakeven_days, 433196 / (914.0 / 230768) / (230768.0 / 18), 1e-9);
  assert_abs (e->breakeven_days, 8531, 1);
}

int
main (int    argc,
      char **argv)
{
  core_test_init (&argc, &argv);

  g_test_add_func ("/huella/lifecycle/bloom-api-fleet", test_bloom_api_fleet);
  g_test_add_func ("/huella/lifecycle/bloom-api-per-request", test_bloom_api_per_request);
  g_test_add_func ("/huella/lifecycle/bloomz-7b-breakeven", test_bloomz_breakeven);
  for (guint i = 0; i < G_N_ELEMENTS (power_hungry_table_2); i++)
    {
      g_autofree char *path = g_strdup_printf ("/huella/lifecycle/power-hungry-table-2/%s",
                                               power_hungry_table_2[i].task);
      g_test_add_data_func (path, &power_hungry_table_2[i], test_power_hungry_table_2);
    }
  g_test_add_func ("/huella/lifecycle/patterson-gpt3", test_patterson_gpt3);
  g_test_add_func ("/huella/lifecycle/bloom-50t", test_bloom_lifecycle);
  g_test_add_func ("/huella/lifecycle/phases-development", test_phases_development);
  g_test_add_func ("/huella/lifecycle/compute-by-hand", test_compute_by_hand);
  g_test_add_func ("/huella/lifecycle/serving-defaults", test_serving_defaults);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/huella/lifecycle/bad-input/%s", bad_cases[i].name);
      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }
  g_test_add_func ("/huella/lifecycle/project-round-trip", test_project_round_trip);
  g_test_add_func ("/huella/lifecycle/project-old-files", test_project_old_files);
  g_test_add_func ("/huella/lifecycle/project-bad-inference", test_project_bad_inference);
  g_test_add_func ("/huella/lifecycle/example-bloom", test_example_bloom);
  g_test_add_func ("/huella/lifecycle/ranges", test_ranges);
  g_test_add_func ("/huella/lifecycle/example-serving-7b", test_example_serving_7b);
  g_test_add_func ("/huella/lifecycle/chart", test_lifecycle_chart);
  g_test_add_func ("/huella/lifecycle/serving-derivation", test_serving_derivation);
  g_test_add_func ("/huella/lifecycle/chart-edges", test_lifecycle_chart_edges);
  g_test_add_func ("/huella/lifecycle/chart-coinciding", test_lifecycle_chart_coinciding);
  return g_test_run ();
}
