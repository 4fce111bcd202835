/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "hu-core.h"
#include "test-init.h"

/*
 * Issue 8 item 4, issue 10 item 13: the Explain steps write their figures
 * as hu-units does for the table, the cards and the report (the same
 * thresholds, symbols and significant digits, trailing zeros dropped for
 * a value alone; a result of CO₂eq names the gas, as the result cards
 * do), in the C locale and with Spanish separators. Each expected string
 * is worked out by hand below.
 */

typedef struct {
  const char *title;
  const char *calculation;
  const char *result;
} Step;

typedef struct {
  const char *name;
  const char *locale;
  double      flops;         /* NAN for GPU-hours given */
  double      gpu_hours;
  double      count;
  double      power_w;
  double      pue;
  double      intensity;
  Step        steps[6];
} Case;

static const Case cases[] = {
  /* 0.0016 GPU-hours at 359 W, PUE 1, 100 g/kWh:
   *   0.0016 GPU-h: no unit below GPU-h; four digits 0.001600 → 0.0016
   *   wall 0.0016 h = 0.096 min, below 1 min: × 60 = 5.76 s
   *   0.0016 × 359 = 0.5744 Wh (below 1 kWh: Wh, four digits)
   *   × PUE 1.00 = 0.5744 Wh; × 100 g/kWh = 0.05744 g (below 1 kg: g) */
  {
    "tiny/C", "C.UTF-8", NAN, 0.0016, 1, 359, 1, 100,
    {
      { "Accelerator-hours of one run", "0.0016 GPU-h", "0.0016 GPU-h" },
      { "Wall-clock time of one run", "0.0016 GPU-h ÷ 1", "5.76 s" },
      { "Accelerator-hours of all runs", "0.0016 GPU-h × 1", "0.0016 GPU-h" },
      { "Energy of the accelerators", "0.0016 GPU-h × 359 W", "0.5744 Wh" },
      { "Energy of the data centre", "0.5744 Wh × 1.00", "0.5744 Wh" },
      { "Operational emissions", "0.5744 Wh × 100 g CO₂eq/kWh", "0.05744 g CO₂eq" },
    },
  },
  {
    "tiny/es_ES", "es_ES.UTF-8", NAN, 0.0016, 1, 359, 1, 100,
    {
      { "Accelerator-hours of one run", "0,0016 GPU-h", "0,0016 GPU-h" },
      { "Wall-clock time of one run", "0,0016 GPU-h ÷ 1", "5,76 s" },
      { "Accelerator-hours of all runs", "0,0016 GPU-h × 1", "0,0016 GPU-h" },
      { "Energy of the accelerators", "0,0016 GPU-h × 359 W", "0,5744 Wh" },
      { "Energy of the data centre", "0,5744 Wh × 1,00", "0,5744 Wh" },
      { "Operational emissions", "0,5744 Wh × 100 g CO₂eq/kWh", "0,05744 g CO₂eq" },
    },
  },
  /* 1,843.192 GPU-hours on 8 accelerators at 400 W, PUE 1.2, 250 g/kWh:
   *   1,843.192 GPU-h (thousands only from 10,000), four digits → 1843
   *   wall 1,843.192 ÷ 8 = 230.399 h, from 72 h in days: 9.59996, three
   *   digits 9.60 → 9.6 days
   *   IT 1,843.192 × 400 = 737,276.8 Wh = 737.3 kWh
   *   × 1.2 = 884.732 kWh → 884.7 kWh; × 250 g/kWh = 221.183 kg → 221.2 kg
   * Spanish groups from four digits: "1.843"; the C locale's English
 * groups with a comma: "1,843". */
  {
    "week/C", "C.UTF-8", NAN, 1843.192, 8, 400, 1.2, 250,
    {
      { "Accelerator-hours of one run", "1,843 GPU-h", "1,843 GPU-h" },
      { "Wall-clock time of one run", "1,843 GPU-h ÷ 8", "9.6 days" },
      { "Accelerator-hours of all runs", "1,843 GPU-h × 1", "1,843 GPU-h" },
      { "Energy of the accelerators", "1,843 GPU-h × 400 W", "737.3 kWh" },
      { "Energy of the data centre", "737.3 kWh × 1.20", "884.7 kWh" },
      { "Operational emissions", "884.7 kWh × 250 g CO₂eq/kWh", "221.2 kg CO₂eq" },
    },
  },
  {
    "week/es_ES", "es_ES.UTF-8", NAN, 1843.192, 8, 400, 1.2, 250,
    {
      { "Accelerator-hours of one run", "1.843 GPU-h", "1.843 GPU-h" },
      { "Wall-clock time of one run", "1.843 GPU-h ÷ 8", "9,6 days" },
      { "Accelerator-hours of all runs", "1.843 GPU-h × 1", "1.843 GPU-h" },
      { "Energy of the accelerators", "1.843 GPU-h × 400 W", "737,3 kWh" },
      { "Energy of the data centre", "737,3 kWh × 1,20", "884,7 kWh" },
      { "Operational emissions", "884,7 kWh × 250 g CO₂eq/kWh", "221,2 kg CO₂eq" },
    },
  },
  /* GPT-3 on one V100S (the seed article's first row): 3.14e23 FLOPs at
   * 130 TFLOP/s and 100 %, 250 W, PUE 1, 433 g/kWh:
   *   3.14e23 ÷ 130e12 ÷ 3600 = 670,940.17 GPU-h, from 10,000 in
   *   thousands: 670.9 thousand GPU-h
   *   wall 670,940.17 h ÷ 8,766 h a year = 76.54 → 76.5 years
   *   × 250 W = 167,735 kWh → 167.7 MWh; × 433 g/kWh = 72,629 kg → 72.63 t
   * The FLOPs as papers print them: "3.14 × 10²³", never "3.14e23"; the
 * 3,600 seconds of an hour grouped as every other figure (issue 10). */
  {
    "gpt3/C", "C.UTF-8", 3.14e23, NAN, 1, 250, 1, 433,
    {
      { "Accelerator-hours of one run", "3.14 × 10²³ FLOP ÷ (130 TFLOP/s × 100 %) ÷ 3,600 s/h",
        "670.9 thousand GPU-h" },
      { "Wall-clock time of one run", "670.9 thousand GPU-h ÷ 1", "76.5 years" },
      { "Accelerator-hours of all runs", "670.9 thousand GPU-h × 1", "670.9 thousand GPU-h" },
      { "Energy of the accelerators", "670.9 thousand GPU-h × 250 W", "167.7 MWh" },
      { "Energy of the data centre", "167.7 MWh × 1.00", "167.7 MWh" },
      { "Operational emissions", "167.7 MWh × 433 g CO₂eq/kWh", "72.63 t CO₂eq" },
    },
  },
  {
    "gpt3/es_ES", "es_ES.UTF-8", 3.14e23, NAN, 1, 250, 1, 433,
    {
      { "Accelerator-hours of one run", "3,14 × 10²³ FLOP ÷ (130 TFLOP/s × 100 %) ÷ 3.600 s/h",
        "670,9 thousand GPU-h" },
      { "Wall-clock time of one run", "670,9 thousand GPU-h ÷ 1", "76,5 years" },
      { "Accelerator-hours of all runs", "670,9 thousand GPU-h × 1", "670,9 thousand GPU-h" },
      { "Energy of the accelerators", "670,9 thousand GPU-h × 250 W", "167,7 MWh" },
      { "Energy of the data centre", "167,7 MWh × 1,00", "167,7 MWh" },
      { "Operational emissions", "167,7 MWh × 433 g CO₂eq/kWh", "72,63 t CO₂eq" },
    },
  },
};

static void
test_steps (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HuEstimate) e = NULL;
  HuInputs in;

  if (setlocale (LC_ALL, c->locale) == NULL)
    {
      g_test_fail_printf ("%s is not installed (the README's test command generates it)",
                          c->locale);
      return;
    }

  hu_inputs_init (&in);
  in.flops = c->flops;
  in.peak_tflops = 130;
  in.utilization = 1;
  in.gpu_hours = c->gpu_hours;
  in.count = c->count;
  in.power_w = c->power_w;
  in.pue = c->pue;
  in.intensity = c->intensity;
  e = hu_estimate_compute (&in, hu_catalog_get_default (), HU_ESTIMATE_FLAGS_NONE, &error);
  hu_inputs_clear (&in);
  setlocale (LC_ALL, "C.UTF-8");
  g_assert_no_error (error);
  g_assert_nonnull (e->steps);

  /* No accelerator, no price: the six steps of the training, no more. */
  g_assert_cmpuint (e->steps->len, ==, G_N_ELEMENTS (c->steps));
  for (guint i = 0; i < G_N_ELEMENTS (c->steps); i++)
    {
      const HuStep *step = g_ptr_array_index (e->steps, i);

      g_assert_cmpstr (step->title, ==, c->steps[i].title);
      g_assert_cmpstr (step->calculation, ==, c->steps[i].calculation);
      g_assert_cmpstr (step->result, ==, c->steps[i].result);
    }
}

/* Issue 10 item 13: the cost step names its currency, the project's, as
 * the table's Cost column and the result card write money: the price
 * with its two decimals per GPU-hour, the cost in hu-units' scale with
 * four significant digits. Without a currency (a caller that shows no
 * money) the amounts stand alone rather than in a guessed one. */
typedef struct {
  const char *name;
  const char *locale;
  const char *currency;     /* NULL: not given */
  double      flops;        /* NAN for GPU-hours given */
  double      gpu_hours;
  double      price;
  const char *calculation;
  const char *result;
} CostCase;

static const CostCase cost_cases[] = {
  /* GPT-3 on one 130 TFLOP/s accelerator at full use (the cases above):
   * 3.14e23 ÷ (130e12 × 3,600) = 670,940.17 GPU-h; × 2.50 = 1,677,350.43,
   * in millions with four digits 1.677 M. */
  { "gpt3/C", "C.UTF-8", "USD", 3.14e23, NAN, 2.5,
    "670.9 thousand GPU-h × 2.50 USD/GPU-h", "1.677 M USD" },
  { "gpt3/es_ES", "es_ES.UTF-8", "EUR", 3.14e23, NAN, 2.5,
    "670,9 thousand GPU-h × 2,50 EUR/GPU-h", "1,677 M EUR" },
  { "gpt3/no-currency", "C.UTF-8", NULL, 3.14e23, NAN, 2.5,
    "670.9 thousand GPU-h × 2.50", "1.677 M" },
  /* 2,500 GPU-h × 1.50 = 3,750, below the thousands' 10,000: in units. */
  { "small/C", "C.UTF-8", "USD", NAN, 2500, 1.5,
    "2,500 GPU-h × 1.50 USD/GPU-h", "3,750 USD" },
  { "small/es_ES", "es_ES.UTF-8", "USD", NAN, 2500, 1.5,
    "2.500 GPU-h × 1,50 USD/GPU-h", "3.750 USD" },
};

static void
test_cost (gconstpointer data)
{
  const CostCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HuEstimate) e = NULL;
  const HuStep *step;
  HuInputs in;

  hu_inputs_init (&in);
  in.flops = c->flops;
  in.gpu_hours = c->gpu_hours;
  in.peak_tflops = 130;
  in.utilization = 1;
  in.count = 1;
  in.power_w = 250;
  in.pue = 1;
  in.intensity = 433;
  in.price = c->price;
  g_assert_nonnull (setlocale (LC_ALL, c->locale));
  e = hu_estimate_compute_full (&in, hu_catalog_get_default (), c->currency,
                                HU_ESTIMATE_FLAGS_NONE, &error);
  setlocale (LC_ALL, "C.UTF-8");
  hu_inputs_clear (&in);
  g_assert_no_error (error);

  g_assert_cmpstr (e->currency, ==, c->currency);
  step = g_ptr_array_index (e->steps, e->steps->len - 1);
  g_assert_cmpstr (step->title, ==, "Cost");
  g_assert_cmpstr (step->calculation, ==, c->calculation);
  g_assert_cmpstr (step->result, ==, c->result);
}

/* Issue 10: Explain wrote its constants bare ("÷ 3600 s/h", "÷ 1000 W/kW")
 * among grouped figures ("2,500 GPU-h"). Every formula and
 * calculation of the training, of serving given per request, by compute
 * and as a fleet now groups them as the locale does: "3,600" and "1,000"
 * in the C locale's English, "3.600" and "1.000" in Spanish (glibc's
 * es_ES groups from four digits), and no text holds four digits in a
 * row outside a number's decimals, which only an ungrouped number of a
 * thousand or more would. */
typedef struct {
  const char *locale;
  const char *thousand;     /* 1000 as written there */
  const char *hour;         /* 3600 as written there */
} Grouping;

static const Grouping groupings[] = {
  { "C.UTF-8", "1,000", "3,600" },
  { "es_ES.UTF-8", "1.000", "3.600" },
};

static HuEstimate *
estimate_in (const char *locale,
             HuInputs   *in)
{
  g_autoptr(GError) error = NULL;
  HuEstimate *e;

  g_assert_nonnull (setlocale (LC_ALL, locale));
  e = hu_estimate_compute (in, hu_catalog_get_default (), HU_ESTIMATE_FLAGS_NONE, &error);
  setlocale (LC_ALL, "C.UTF-8");
  hu_inputs_clear (in);
  g_assert_no_error (error);
  g_assert_nonnull (e->steps);
  return e;
}

static const HuStep *
step_titled (HuEstimate *e,
             const char *title)
{
  for (guint i = 0; i < e->steps->len; i++)
    {
      const HuStep *step = g_ptr_array_index (e->steps, i);

      if (g_strcmp0 (step->title, title) == 0)
        return step;
    }
  g_error ("no step \"%s\"", title);
  return NULL;
}

static void
assert_no_bare_thousands (HuEstimate *e,
                          const char *locale)
{
  for (guint i = 0; i < e->steps->len; i++)
    {
      const HuStep *step = g_ptr_array_index (e->steps, i);
      const char *texts[] = { step->formula, step->calculation };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        if (texts[t] != NULL && g_regex_match_simple ("(?<![0-9.,])[0-9]{4}", texts[t], 0, 0))
          g_error ("%s: step \"%s\" writes a number ungrouped: \"%s\"", locale, step->title,
                   texts[t]);
    }
}

/* Serving after a training, both at PUE 1: after GPT-3's training on one
 * V100S (the cases above), or, @gpt3 FALSE, after 1,000 GPU-hours on 8
 * accelerators at 400 W and 100 g/kWh; @requests served at
 * @serve_intensity. The caller says how the serving is given: per
 * request, by compute or as a fleet. */
static void
serving_inputs (HuInputs *in,
                gboolean  gpt3,
                double    requests,
                double    serve_intensity)
{
  hu_inputs_init (in);
  if (gpt3)
    {
      in->flops = 3.14e23;
      in->peak_tflops = 130;
      in->utilization = 1;
      in->count = 1;
      in->power_w = 250;
      in->intensity = 433;
    }
  else
    {
      in->gpu_hours = 1000;
      in->count = 8;
      in->power_w = 400;
      in->intensity = 100;
    }
  in->pue = 1;
  in->requests = requests;
  in->serve_pue = 1;
  in->serve_intensity = serve_intensity;
}

static void
test_constants_grouped (void)
{
  for (guint g = 0; g < G_N_ELEMENTS (groupings); g++)
    {
      const Grouping *grouping = &groupings[g];
      g_autoptr(HuEstimate) per_request = NULL;
      g_autoptr(HuEstimate) by_compute = NULL;
      g_autoptr(HuEstimate) fleet = NULL;
      g_autofree char *hours = g_strdup_printf ("GPU-hours = FLOPs ÷ (peak × utilisation) ÷ %s s/h",
                                                grouping->hour);
      g_autofree char *hours_calc = g_strdup_printf ("÷ %s s/h", grouping->hour);
      g_autofree char *it = g_strdup_printf ("IT energy = GPU-hours × average power ÷ %s W/kW",
                                             grouping->thousand);
      g_autofree char *co2 = g_strdup_printf ("CO₂eq = energy × carbon intensity ÷ %s g/kg",
                                              grouping->thousand);
      g_autofree char *per_wh = g_strdup_printf ("IT energy = requests × energy per request ÷ %s "
                                                 "Wh/kWh", grouping->thousand);
      g_autofree char *wh = g_strdup_printf ("Wh per request = serving energy × %s Wh/kWh ÷ "
                                             "requests", grouping->thousand);
      g_autofree char *gram = g_strdup_printf ("g per request = serving CO₂eq × %s g/kg ÷ requests",
                                               grouping->thousand);
      g_autofree char *serve_hours = g_strdup_printf ("GPU-hours = requests × GPU-seconds per "
                                                      "request ÷ %s s/h", grouping->hour);
      HuInputs in;

      /* GPT-3 on V100s (the cases above), served per request: BLOOM's
       * API, 230,768 requests at 3.96 Wh (Luccioni et al., 2023). */
      serving_inputs (&in, TRUE, 230768, 394);
      in.wh_per_request = 3.96;
      per_request = estimate_in (grouping->locale, &in);
      g_assert_cmpstr (step_titled (per_request, "Accelerator-hours of one run")->formula, ==,
                       hours);
      g_assert_nonnull (strstr (step_titled (per_request, "Accelerator-hours of one run")->calculation,
                                hours_calc));
      g_assert_cmpstr (step_titled (per_request, "Energy of the accelerators")->formula, ==, it);
      g_assert_cmpstr (step_titled (per_request, "Operational emissions")->formula, ==, co2);
      g_assert_cmpstr (step_titled (per_request, "Energy of serving (IT)")->formula, ==, per_wh);
      g_assert_cmpstr (step_titled (per_request, "Operational emissions of serving")->formula, ==,
                       co2);
      g_assert_cmpstr (step_titled (per_request, "Energy per request")->formula, ==, wh);
      g_assert_cmpstr (step_titled (per_request, "CO₂eq per request")->formula, ==, gram);
      assert_no_bare_thousands (per_request, grouping->locale);

      /* Served by compute: 7e9 active parameters, 500 tokens a request. */
      serving_inputs (&in, FALSE, 1e6, 100);
      in.active_params = 7e9;
      in.tokens_per_request = 500;
      in.serve_count = 1;
      in.peak_tflops = 130;
      by_compute = estimate_in (grouping->locale, &in);
      g_assert_cmpstr (step_titled (by_compute, "Accelerator-hours of serving")->formula, ==,
                       serve_hours);
      g_assert_cmpstr (step_titled (by_compute, "Energy of serving (IT)")->formula, ==, it);
      assert_no_bare_thousands (by_compute, grouping->locale);

      /* As a fleet: BLOOM's 16 A100 for 18 days. */
      serving_inputs (&in, FALSE, 230768, 394);
      in.days = 18;
      in.serve_count = 16;
      in.serve_power = 132;
      fleet = estimate_in (grouping->locale, &in);
      g_assert_cmpstr (step_titled (fleet, "Energy of serving (IT)")->formula, ==, it);
      assert_no_bare_thousands (fleet, grouping->locale);

    }
}

int
main (int    argc,
      char **argv)
{
  /* English words: the numbers' form is what is checked in each locale. */
  g_setenv ("LANGUAGE", "C", TRUE);
  core_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/huella/derivation/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_steps);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cost_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/huella/derivation/cost/%s", cost_cases[i].name);

      g_test_add_data_func (path, &cost_cases[i], test_cost);
    }
  g_test_add_func ("/huella/derivation/constants-grouped", test_constants_grouped);

  return g_test_run ();
}
