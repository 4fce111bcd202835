/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "hu-core.h"

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
      { "Operational emissions", "0.5744 Wh × 100 g/kWh", "0.05744 g CO₂eq" },
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
      { "Operational emissions", "0,5744 Wh × 100 g/kWh", "0,05744 g CO₂eq" },
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
      { "Operational emissions", "884.7 kWh × 250 g/kWh", "221.2 kg CO₂eq" },
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
      { "Operational emissions", "884,7 kWh × 250 g/kWh", "221,2 kg CO₂eq" },
    },
  },
  /* GPT-3 on one V100S (the seed article's first row): 3.14e23 FLOPs at
   * 130 TFLOP/s and 100 %, 250 W, PUE 1, 433 g/kWh:
   *   3.14e23 ÷ 130e12 ÷ 3600 = 670,940.17 GPU-h, from 10,000 in
   *   thousands: 670.9 thousand GPU-h
   *   wall 670,940.17 h ÷ 8,766 h a year = 76.54 → 76.5 years
   *   × 250 W = 167,735 kWh → 167.7 MWh; × 433 g/kWh = 72,629 kg → 72.63 t
   * The FLOPs as papers print them: "3.14 × 10²³", never "3.14e23". */
  {
    "gpt3/C", "C.UTF-8", 3.14e23, NAN, 1, 250, 1, 433,
    {
      { "Accelerator-hours of one run", "3.14 × 10²³ FLOP ÷ (130 TFLOP/s × 100 %) ÷ 3600 s/h",
        "670.9 thousand GPU-h" },
      { "Wall-clock time of one run", "670.9 thousand GPU-h ÷ 1", "76.5 years" },
      { "Accelerator-hours of all runs", "670.9 thousand GPU-h × 1", "670.9 thousand GPU-h" },
      { "Energy of the accelerators", "670.9 thousand GPU-h × 250 W", "167.7 MWh" },
      { "Energy of the data centre", "167.7 MWh × 1.00", "167.7 MWh" },
      { "Operational emissions", "167.7 MWh × 433 g/kWh", "72.63 t CO₂eq" },
    },
  },
  {
    "gpt3/es_ES", "es_ES.UTF-8", 3.14e23, NAN, 1, 250, 1, 433,
    {
      { "Accelerator-hours of one run", "3,14 × 10²³ FLOP ÷ (130 TFLOP/s × 100 %) ÷ 3600 s/h",
        "670,9 thousand GPU-h" },
      { "Wall-clock time of one run", "670,9 thousand GPU-h ÷ 1", "76,5 years" },
      { "Accelerator-hours of all runs", "670,9 thousand GPU-h × 1", "670,9 thousand GPU-h" },
      { "Energy of the accelerators", "670,9 thousand GPU-h × 250 W", "167,7 MWh" },
      { "Energy of the data centre", "167,7 MWh × 1,00", "167,7 MWh" },
      { "Operational emissions", "167,7 MWh × 433 g/kWh", "72,63 t CO₂eq" },
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

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  /* English words: the numbers' form is what is checked in each locale. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  hu_core_init ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/huella/derivation/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_steps);
    }

  return g_test_run ();
}
