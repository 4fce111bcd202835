/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Ranges and Monte Carlo propagation (issue 12). Expected values are
 * worked out here from closed forms, with the Monte Carlo error each
 * tolerance allows stated next to it. */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "test-helpers.h"
#include "hu-uncertainty-stats.h"
#include "hu-chart-private.h"
#include "hu-report.h"

#define N 10000   /* the default number of samples */

/* 1e21 FLOP at 100 TFLOP/s peak, 300 W, PUE 1, 400 g/kWh, one GPU. At
 * utilisation U: GPU-hours = 1e21 / (100e12 × U) / 3600 = 2.7778 / U,
 * total kg = 2.7778 / U × 0.3 kW × 0.4 kg/kWh = K / U with K below. */
#define K_ANALYTIC (1e21 / 100e12 / 3600.0 * 0.300 * 0.400)

static void
analytic_inputs (HuInputs *in)
{
  hu_inputs_init (in);
  in->flops = 1e21;
  in->peak_tflops = 100;
  in->power_w = 300;
  in->pue = 1;
  in->intensity = 400;
  in->count = 1;
}

static HuUncertainty *
compute_one (const HuInputs *in,
             const HuInputs *baseline,
             gboolean        default_ranges)
{
  g_autoptr(GError) error = NULL;
  HuUncertaintyOptions options;
  HuUncertainty *u;

  hu_uncertainty_options_init (&options);
  options.default_ranges = default_ranges;
  u = hu_uncertainty_compute (in, baseline, hu_catalog_get_default (), &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (u);
  return u;
}

static const HuSensitivity *
find_sensitivity (const HuUncertainty *u,
                  HuInputKey           key)
{
  for (guint i = 0; i < u->sensitivity->len; i++)
    if (g_array_index (u->sensitivity, HuSensitivity, i).key == key)
      return &g_array_index (u->sensitivity, HuSensitivity, i);
  return NULL;
}

/* The sensitivity of @key, which must be there. */
static const HuSensitivity *
sensitivity (const HuUncertainty *u,
             HuInputKey           key)
{
  const HuSensitivity *s = find_sensitivity (u, key);

  if (s == NULL)
    g_error ("no sensitivity for %s", hu_input_key_name (key));
  return s;
}

/* The interval of @output, which must be there. */
static const HuInterval *
interval (const HuUncertainty *u,
          const char          *output)
{
  const HuInterval *iv = hu_uncertainty_get_interval (u, output);

  if (iv == NULL)
    g_error ("no interval for %s", output);
  return iv;
}

/* The generator is splitmix64: the state 0 advanced once by the golden
 * gamma gives 0xe220a8397b1dcdaf (Steele, Lea & Flood 2014; the value in
 * every reference implementation). The i-th uniform of stream 0 is that
 * 64-bit output's top 53 bits over 2^53. Pinning it proves the numbers
 * are the same on every machine. */
static void
test_generator (void)
{
  double expected = (double) (G_GUINT64_CONSTANT (0xe220a8397b1dcdaf) >> 11) / 9007199254740992.0;

  g_assert_cmpfloat (_hu_uncertainty_uniform (0, 0), ==, expected);
  /* Streams are distinct per identity and per seed. */
  g_assert_cmpuint (_hu_uncertainty_stream (1, "utilization"), !=,
                    _hu_uncertainty_stream (1, "pue:gcp"));
  g_assert_cmpuint (_hu_uncertainty_stream (1, "utilization"), !=,
                    _hu_uncertainty_stream (2, "utilization"));
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Type-7 percentile straight from a sorted copy. */
static double
sorted_percentile (const double *sorted,
                   gsize         n,
                   double        p)
{
  double h = (n - 1) * p;
  gsize k = (gsize) h;

  if (k + 1 >= n)
    return sorted[n - 1];
  return sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]);
}

/* Selection against sorting, on sizes around the selection's cut-offs
 * and on data full of ties. */
static void
test_percentiles (void)
{
  const gsize sizes[] = { 1, 2, 3, 10, 21, 600, 601, 1001, 9999, 10000 };
  guint64 stream = _hu_uncertainty_stream (7, "percentiles");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint ties = 0; ties < 2; ties++)
      {
        gsize n = sizes[s];
        g_autofree double *x = g_new (double, n);
        g_autofree double *sorted = g_new (double, n);
        HuInterval iv;

        for (gsize i = 0; i < n; i++)
          {
            double u = _hu_uncertainty_uniform (stream, s * 100000 + ties * 50000 + i);
            x[i] = ties ? floor (u * 7) : u;
          }
        memcpy (sorted, x, n * sizeof (double));
        qsort (sorted, n, sizeof (double), compare_double);
        _hu_percentiles (x, n, &iv);
        g_assert_cmpfloat (iv.p05, ==, sorted_percentile (sorted, n, 0.05));
        g_assert_cmpfloat (iv.p50, ==, sorted_percentile (sorted, n, 0.50));
        g_assert_cmpfloat (iv.p95, ==, sorted_percentile (sorted, n, 0.95));
      }
}

/* Triangular 0..1..2: F(x) = x²/2 below 1, so the 12.5th percentile is
 * 0.5 and the median 1; 0..0..1 (mode at the low end): F(x) = 1−(1−x)²,
 * median 1 − √0.5. Uniform 2..4: the 25th percentile is 2.5. */
static void
test_quantiles (void)
{
  HuRange tri = { 0, 1, 2 };
  HuRange left = { 0, 0, 1 };
  HuRange uni = { 2, NAN, 4 };

  assert_rel (hu_range_quantile (&tri, 0.125), 0.5, 1e-15);
  assert_rel (hu_range_quantile (&tri, 0.5), 1.0, 1e-15);
  assert_rel (hu_range_quantile (&tri, 0.875), 1.5, 1e-15);
  assert_rel (hu_range_quantile (&left, 0.5), 1 - sqrt (0.5), 1e-15);
  assert_rel (hu_range_quantile (&uni, 0.25), 2.5, 1e-15);
  g_assert_cmpfloat (hu_range_point (&tri), ==, 1);
  g_assert_cmpfloat (hu_range_point (&uni), ==, 3);
}

/* Only the utilisation uniform on 0.3..0.5: total = K / U falls as U
 * rises, so its 5th percentile is K at U's 95th percentile (0.49) and
 * its 95th is K at U = 0.31; the median K / 0.40.
 * Monte Carlo error: the p-quantile of U from n samples has a standard
 * error √(p(1−p)/n) / f with density f = 1/0.2 = 5: 4.4e-4 at p = 0.05
 * and 0.95, 1.0e-3 at 0.5. Relative to U that is 0.09 % at U = 0.49,
 * 0.14 % at 0.31 and 0.25 % at 0.40; the tolerances are four of those. */
static void
test_analytic_utilization (void)
{
  HuInputs in;
  HuRange range = { 0.3, NAN, 0.5 };
  g_autoptr(HuUncertainty) u = NULL;
  const HuInterval *total;
  const HuSensitivity *s;

  analytic_inputs (&in);
  g_assert_true (hu_inputs_set_range (&in, HU_INPUT_UTILIZATION, &range, NULL));
  g_assert_cmpfloat (in.utilization, ==, 0.4);   /* the point value: the middle */
  u = compute_one (&in, NULL, FALSE);

  g_assert_true (hu_uncertainty_applies (u));
  g_assert_cmpuint (u->samples, ==, N);
  total = interval (u, "total_kg");
  g_test_message ("total p05 %.6g (K/0.49 = %.6g), p50 %.6g (K/0.40 = %.6g), p95 %.6g (K/0.31 = %.6g)",
                  total->p05, K_ANALYTIC / 0.49, total->p50, K_ANALYTIC / 0.40,
                  total->p95, K_ANALYTIC / 0.31);
  assert_rel (total->p05, K_ANALYTIC / 0.49, 4 * 0.0009);
  assert_rel (total->p50, K_ANALYTIC / 0.40, 4 * 0.0025);
  assert_rel (total->p95, K_ANALYTIC / 0.31, 4 * 0.0014);

  /* GPU-hours follow the same law: 2.7778 / U. */
  assert_rel (interval (u, "gpu_hours")->p95,
              1e21 / 100e12 / 3600.0 / 0.31, 4 * 0.0014);
  /* FLOPs are not uncertain: the interval is the number. */
  g_assert_cmpfloat (interval (u, "flops")->p05, ==, 1e21);
  /* No price: no cost interval. */
  g_assert_null (hu_uncertainty_get_interval (u, "cost"));

  /* Sensitivity: K / 0.3 at the low end, K / 0.5 at the high end. */
  g_assert_cmpuint (u->sensitivity->len, ==, 1);
  s = sensitivity (u, HU_INPUT_UTILIZATION);
  assert_rel (s->low_kg, K_ANALYTIC / 0.3, 1e-12);
  assert_rel (s->high_kg, K_ANALYTIC / 0.5, 1e-12);
  g_assert_null (s->source);
  hu_inputs_clear (&in);
}

/* Z = X·Y with X uniform on [a, b], Y on [c, d], independent:
 * F(z) = 1/((b−a)(d−c)) ∫_a^b clamp(z/x − c, 0, d − c) dx
 *      = [(d − c)(x1 − a) + z ln(x2/x1) − c (x2 − x1)] / ((b−a)(d−c))
 * with x1 = clamp(z/d, a, b), x2 = clamp(z/c, a, b). */
static double
product_cdf (double z,
             double a,
             double b,
             double c,
             double d)
{
  double x1 = CLAMP (z / d, a, b);
  double x2 = CLAMP (z / c, a, b);

  return ((d - c) * (x1 - a) + z * log (x2 / x1) - c * (x2 - x1)) / ((b - a) * (d - c));
}

static double
product_quantile (double p,
                  double a,
                  double b,
                  double c,
                  double d)
{
  double lo = a * c, hi = b * d;

  for (int i = 0; i < 200; i++)
    {
      double mid = (lo + hi) / 2;
      if (product_cdf (mid, a, b, c, d) < p)
        lo = mid;
      else
        hi = mid;
    }
  return (lo + hi) / 2;
}

/* Power uniform on 200..400 W and PUE on 1.1..1.5: 1000 GPU-hours at
 * 500 g/kWh gives total = 0.5 × P × PUE kg, P·PUE the product above.
 * The tolerance is four standard errors √(p(1−p)/n) / f(z), the density
 * f taken from the closed form by a central difference. */
static void
test_product_of_ranges (void)
{
  const double a = 200, b = 400, c = 1.1, d = 1.5;
  const double ps[] = { 0.05, 0.50, 0.95 };
  HuInputs in;
  HuRange power = { a, NAN, b }, pue = { c, NAN, d };
  g_autoptr(HuUncertainty) u = NULL;
  const HuInterval *total;
  const HuSensitivity *s;

  hu_inputs_init (&in);
  in.gpu_hours = 1000;
  in.intensity = 500;
  g_assert_true (hu_inputs_set_range (&in, HU_INPUT_POWER_W, &power, NULL));
  g_assert_true (hu_inputs_set_range (&in, HU_INPUT_PUE, &pue, NULL));
  u = compute_one (&in, NULL, FALSE);
  total = interval (u, "total_kg");

  for (guint i = 0; i < G_N_ELEMENTS (ps); i++)
    {
      double z = product_quantile (ps[i], a, b, c, d);
      double h = 1e-3 * z;
      double f = (product_cdf (z + h, a, b, c, d) - product_cdf (z - h, a, b, c, d)) / (2 * h);
      double se = sqrt (ps[i] * (1 - ps[i]) / N) / f;   /* in units of P·PUE */
      double got = (i == 0 ? total->p05 : i == 1 ? total->p50 : total->p95) / 0.5;

      g_test_message ("P·PUE p%02.0f: %.6g, closed form %.6g ± %.3g", ps[i] * 100, got, z, se);
      assert_abs (got, z, 4 * se);
    }
  /* Sensitivity is swung one input at a time from the middle values:
   * P at 200 and 400 W with PUE 1.3, PUE at 1.1 and 1.5 with 300 W. */
  s = sensitivity (u, HU_INPUT_POWER_W);
  assert_rel (s->low_kg, 0.5 * 200 * 1.3, 1e-12);
  assert_rel (s->high_kg, 0.5 * 400 * 1.3, 1e-12);
  s = sensitivity (u, HU_INPUT_PUE);
  assert_rel (s->low_kg, 0.5 * 300 * 1.1, 1e-12);
  /* Sorted by swing: power swings 130 kg, PUE 60 kg. */
  g_assert_cmpint (g_array_index (u->sensitivity, HuSensitivity, 0).key, ==, HU_INPUT_POWER_W);
  g_assert_cmpint (g_array_index (u->sensitivity, HuSensitivity, 1).key, ==, HU_INPUT_PUE);
  hu_inputs_clear (&in);
}

static char *
uncertainty_json (const HuUncertainty *u)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  hu_uncertainty_to_json (u, builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Same seed, same bytes: in another locale, on one thread or two, and
 * computed alone or as part of a comparison. Another seed moves the
 * numbers (so the test can fail). */
static void
test_determinism (void)
{
  HuInputs in[3];
  const HuInputs *pointers[3] = { &in[0], &in[1], &in[2] };
  HuRange util = { 0.25, 0.4, 0.6 };
  HuUncertaintyOptions options;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(HuUncertainty) alone = NULL;
  g_autoptr(HuUncertainty) spanish = NULL;
  g_autoptr(HuUncertainty) reseeded = NULL;
  g_autofree char *json_c = NULL;
  g_autofree char *json_es = NULL;
  g_autofree char *old_locale = g_strdup (setlocale (LC_ALL, NULL));

  for (guint i = 0; i < 3; i++)
    {
      hu_inputs_init (&in[i]);
      in[i].params = 7e9;
      in[i].tokens = 1e12;
      in[i].gpu = g_strdup (i == 1 ? "nvidia-a100-sxm4-80gb" : "nvidia-h100-sxm");
      in[i].region = g_strdup (i == 2 ? "grid/FR" : "gcp/us-central1");
      hu_inputs_set_range (&in[i], HU_INPUT_UTILIZATION, &util, NULL);
    }
  hu_uncertainty_options_init (&options);
  options.default_ranges = TRUE;

  options.n_threads = 1;
  one = hu_uncertainty_compute_all (pointers, 3, 0, hu_catalog_get_default (), &options, NULL);
  options.n_threads = 2;
  two = hu_uncertainty_compute_all (pointers, 3, 0, hu_catalog_get_default (), &options, NULL);
  alone = hu_uncertainty_compute (&in[2], &in[0], hu_catalog_get_default (), &options, NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *a = uncertainty_json (one->pdata[i]);
      g_autofree char *b = uncertainty_json (two->pdata[i]);
      g_assert_cmpstr (a, ==, b);
    }
  json_c = uncertainty_json (one->pdata[2]);
  json_es = uncertainty_json (alone);
  g_assert_cmpstr (json_c, ==, json_es);
  g_clear_pointer (&json_es, g_free);
  g_assert_cmpfloat (((HuUncertainty *) one->pdata[2])->p_lower_than_baseline, ==,
                     alone->p_lower_than_baseline);

  if (setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
    g_test_message ("es_ES.UTF-8 is not installed; comparing in C only");
  spanish = hu_uncertainty_compute (&in[2], &in[0], hu_catalog_get_default (), &options, NULL);
  json_es = uncertainty_json (spanish);
  setlocale (LC_ALL, old_locale);
  g_assert_cmpstr (json_c, ==, json_es);

  options.seed = 12345;
  reseeded = compute_one (&in[2], NULL, TRUE);   /* default seed again … */
  g_assert_cmpfloat (interval (reseeded, "total_kg")->p05, ==,
                     interval (alone, "total_kg")->p05);
  g_clear_pointer (&reseeded, hu_uncertainty_unref);
  reseeded = hu_uncertainty_compute (&in[2], NULL, hu_catalog_get_default (), &options, NULL);
  g_assert_cmpfloat (interval (reseeded, "total_kg")->p05, !=,
                     interval (alone, "total_kg")->p05);

  for (guint i = 0; i < 3; i++)
    hu_inputs_clear (&in[i]);
}

/* Two scenarios that differ only in region share the utilisation's
 * samples: each sample of the cleaner one is lower by the same factor,
 * so the probability is exactly 1 one way and 0 the other. Without
 * common random numbers it would be well inside (0, 1) with these
 * ranges (K/U over 0.3..0.5 spans 1.67×; the intensities differ 1.1×). */
static void
test_common_random_numbers (void)
{
  HuInputs a, b;
  HuRange util = { 0.3, NAN, 0.5 };
  g_autoptr(HuUncertainty) a_vs_b = NULL;
  g_autoptr(HuUncertainty) b_vs_a = NULL;
  g_autoptr(HuUncertainty) same = NULL;

  analytic_inputs (&a);
  analytic_inputs (&b);
  a.intensity = NAN;
  b.intensity = NAN;
  a.region = g_strdup ("grid/US");
  b.region = g_strdup ("gcp/us-central1");
  hu_inputs_set_range (&a, HU_INPUT_UTILIZATION, &util, NULL);
  hu_inputs_set_range (&b, HU_INPUT_UTILIZATION, &util, NULL);

  /* grid/US 383.5 g/kWh is below gcp/us-central1 412.7 (catalog 2024). */
  a_vs_b = compute_one (&a, &b, FALSE);
  b_vs_a = compute_one (&b, &a, FALSE);
  g_assert_cmpfloat (a_vs_b->p_lower_than_baseline, ==, 1.0);
  g_assert_cmpfloat (b_vs_a->p_lower_than_baseline, ==, 0.0);

  /* A scenario against itself is never strictly lower. */
  same = compute_one (&a, &a, FALSE);
  g_assert_cmpfloat (same->p_lower_than_baseline, ==, 0.0);

  hu_inputs_clear (&a);
  hu_inputs_clear (&b);
}

/* Default ranges keep the default as the likely value, cite a source,
 * and come from the catalog: France's intensity over 2020–2024 in
 * data/catalog/regions.json runs from 44.179085 (2024, the current
 * value) to 78.55024 (2022), both Our World in Data / Ember. */
static void
test_default_ranges (void)
{
  HuInputs in;
  g_autoptr(HuEstimate) point = NULL;
  g_autoptr(HuUncertainty) off = NULL;
  g_autoptr(HuUncertainty) on = NULL;
  const HuSensitivity *s;

  hu_inputs_init (&in);
  in.flops = 1e21;
  in.gpu = g_strdup ("nvidia-a100-sxm4-80gb");
  in.region = g_strdup ("grid/FR");

  off = compute_one (&in, NULL, FALSE);
  g_assert_false (hu_uncertainty_applies (off));
  g_assert_null (hu_uncertainty_get_interval (off, "total_kg"));

  on = compute_one (&in, NULL, TRUE);
  point = hu_estimate_compute (&in, hu_catalog_get_default (), HU_ESTIMATE_NO_DERIVATION, NULL);
  g_assert_true (hu_uncertainty_applies (on));

  s = sensitivity (on, HU_INPUT_UTILIZATION);
  g_assert_cmpfloat (s->range.low, ==, 0.35);
  g_assert_cmpfloat (s->range.likely, ==, 0.40);
  g_assert_cmpfloat (s->range.high, ==, 0.55);
  g_assert_nonnull (s->source);

  /* A100 TDP 400 W (catalog): 54 % to 110 % of it. */
  s = sensitivity (on, HU_INPUT_POWER_W);
  assert_rel (s->range.low, 0.54 * 400, 1e-12);
  assert_rel (s->range.high, 1.10 * 400, 1e-12);

  s = sensitivity (on, HU_INPUT_INTENSITY);
  assert_rel (s->range.low, 44.179085, 1e-9);
  assert_rel (s->range.likely, 44.179085, 1e-9);
  assert_rel (s->range.high, 78.55024, 1e-9);
  assert_rel (s->high_kg, point->total_kg * 78.55024 / 44.179085, 1e-12);

  /* grid/ has no provider PUE: the unknown data centre's spread, public
   * cloud 1.25 (IDC 2025) to on-premises 1.63 (IDC 2025), around 1.56. */
  s = sensitivity (on, HU_INPUT_PUE);
  g_assert_cmpfloat (s->range.low, ==, 1.25);
  g_assert_cmpfloat (s->range.likely, ==, 1.56);
  g_assert_cmpfloat (s->range.high, ==, 1.63);

  /* A value the user set is not a default: no range on it. */
  hu_inputs_set (&in, HU_INPUT_UTILIZATION, 0.5);
  g_clear_pointer (&on, hu_uncertainty_unref);
  on = compute_one (&in, NULL, TRUE);
  g_assert_null (find_sensitivity (on, HU_INPUT_UTILIZATION));

  hu_inputs_clear (&in);
}

typedef struct {
  HuInputKey  key;
  HuRange     range;
  const char *message;
} BadRange;

static const BadRange bad_ranges[] = {
  { HU_INPUT_UTILIZATION, { 0.5, NAN, 0.3 }, "utilization: the low end 0.5 is above the high end 0.3" },
  { HU_INPUT_UTILIZATION, { 0.3, 0.6, 0.5 }, "utilization: the likely value 0.6 is outside the range 0.3..0.6..0.5" },
  { HU_INPUT_POWER_W, { -100, NAN, 300 }, "power_w: must be greater than 0 (the low end of the range)" },
  { HU_INPUT_PUE, { 1.1, NAN, 12 }, "pue: must be at most 10 (the high end of the range)" },
  { HU_INPUT_UTILIZATION, { 0.3, NAN, 1.5 }, "utilization: must be at most 1 (the high end of the range)" },
};

static void
test_bad_range (gconstpointer data)
{
  const BadRange *bad = data;
  g_autoptr(GError) error = NULL;
  HuInputs in;

  hu_inputs_init (&in);
  g_assert_false (hu_inputs_set_range (&in, bad->key, &bad->range, &error));
  g_assert_error (error, HU_INPUTS_ERROR, HU_INPUTS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, bad->message);
  g_assert_null (hu_inputs_get_range (&in, bad->key));
}

static void
test_parse (void)
{
  HuRange r;
  gboolean is_range;
  g_autoptr(GError) error = NULL;

  g_assert_true (hu_range_parse ("0.3..0.5", &r, &is_range, NULL));
  g_assert_true (is_range);
  g_assert_cmpfloat (r.low, ==, 0.3);
  g_assert_true (isnan (r.likely));
  g_assert_cmpfloat (r.high, ==, 0.5);
  g_assert_true (hu_range_parse ("175G..200G..300G", &r, &is_range, NULL));
  g_assert_cmpfloat (r.likely, ==, 200e9);
  g_assert_true (hu_range_parse ("3.14e23", &r, &is_range, NULL));
  g_assert_false (is_range);
  g_assert_cmpfloat (r.likely, ==, 3.14e23);
  g_assert_false (hu_range_parse ("1..2..3..4", &r, &is_range, &error));
  g_clear_error (&error);
  g_assert_false (hu_range_parse ("1..x", &r, &is_range, &error));
  g_assert_nonnull (error);
}

/* In a project a number may be a range; old files load as before, and
 * a range survives the round trip. */
static void
test_project_json (void)
{
  const char *text =
    "{\"format\":\"huella-project\",\"format-version\":1,\"scenarios\":["
    "{\"id\":\"a\",\"flops\":1e21,\"peak_tflops\":100,\"power_w\":300,\"intensity\":400,"
    "\"utilization\":{\"low\":0.3,\"high\":0.5},\"pue\":{\"low\":1.1,\"likely\":1.2,\"high\":1.5}}]}";
  const char *bad =
    "{\"format\":\"huella-project\",\"format-version\":1,\"scenarios\":["
    "{\"id\":\"a\",\"flops\":1e21,\"utilization\":{\"low\":0.6,\"high\":0.5}}]}";
  const char *wrong_key =
    "{\"format\":\"huella-project\",\"format-version\":1,\"scenarios\":["
    "{\"id\":\"a\",\"flops\":1e21,\"pue\":{\"min\":1.1,\"high\":1.5}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = NULL;
  g_autoptr(HuProject) again = NULL;
  g_autofree char *saved = NULL;
  HuScenario *s;
  const HuInputs *in;

  project = hu_project_new_from_data (text, -1, "test.huella", &error);
  g_assert_no_error (error);
  s = hu_project_find_scenario (project, "a");
  in = hu_scenario_get_inputs (s);
  g_assert_cmpfloat (in->utilization, ==, 0.4);
  g_assert_cmpfloat (in->pue, ==, 1.2);
  g_assert_nonnull (hu_inputs_get_range (in, HU_INPUT_UTILIZATION));
  g_assert_null (hu_inputs_get_range (in, HU_INPUT_POWER_W));

  saved = hu_project_to_data (project, NULL);
  g_assert_nonnull (strstr (saved, "\"low\""));
  again = hu_project_new_from_data (saved, -1, "saved.huella", &error);
  g_assert_no_error (error);
  g_assert_true (hu_inputs_equal (in, hu_scenario_get_inputs (hu_project_find_scenario (again, "a"))));

  g_clear_object (&project);
  project = hu_project_new_from_data (bad, -1, "bad.huella", &error);
  g_assert_null (project);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "utilization: the low end 0.6 is above the high end 0.5"));
  g_clear_error (&error);

  project = hu_project_new_from_data (wrong_key, -1, "bad.huella", &error);
  g_assert_null (project);
  g_assert_nonnull (strstr (error->message, "pue: unknown key “min”"));
}

/* Typing a plain number over a range means that number. */
static void
test_set_drops_range (void)
{
  HuInputs in;
  HuRange r = { 0.3, NAN, 0.5 };

  hu_inputs_init (&in);
  hu_inputs_set_range (&in, HU_INPUT_UTILIZATION, &r, NULL);
  hu_inputs_set (&in, HU_INPUT_UTILIZATION, 0.4);   /* the point value: kept */
  g_assert_nonnull (hu_inputs_get_range (&in, HU_INPUT_UTILIZATION));
  hu_inputs_set (&in, HU_INPUT_UTILIZATION, 0.45);
  g_assert_null (hu_inputs_get_range (&in, HU_INPUT_UTILIZATION));
  g_assert_false (hu_inputs_has_ranges (&in));
}

/* The tornado of the product case: power swings 130 kg (130 kg at 200 W
 * to 260 kg at 400 W, PUE 1.3), PUE 60 kg (165 to 225 kg at 300 W), around
 * the point 0.5 × 300 × 1.3 = 195 kg; largest swing first. A bar chart's
 * whisker reaches its accessible text. */
static void
test_charts (void)
{
  HuInputs in;
  HuRange power = { 200, NAN, 400 }, pue = { 1.1, NAN, 1.5 };
  g_autoptr(HuUncertainty) u = NULL;
  g_autoptr(HuChart) tornado = NULL;
  g_autoptr(HuChart) bars = hu_chart_new (HU_CHART_BARS);
  g_autofree char *text = NULL;
  g_autofree char *bars_text = NULL;
  g_autoptr(GBytes) svg = NULL;
  guint s, c;

  hu_inputs_init (&in);
  in.gpu_hours = 1000;
  in.intensity = 500;
  hu_inputs_set_range (&in, HU_INPUT_POWER_W, &power, NULL);
  hu_inputs_set_range (&in, HU_INPUT_PUE, &pue, NULL);
  u = compute_one (&in, NULL, FALSE);
  tornado = hu_chart_new_tornado (u, 195);
  g_assert_nonnull (tornado);
  g_assert_cmpint (hu_chart_get_kind (tornado), ==, HU_CHART_TORNADO);
  g_assert_cmpuint (hu_chart_get_n_categories (tornado), ==, 2);
  assert_rel (hu_chart_get_value (tornado, 0, 0), 130, 1e-12);   /* 0.5 × 200 × 1.3 */
  assert_rel (hu_chart_get_value (tornado, 1, 0), 260, 1e-12);   /* 0.5 × 400 × 1.3 */
  assert_rel (hu_chart_get_value (tornado, 0, 1), 165, 1e-12);   /* 0.5 × 300 × 1.1 */
  assert_rel (hu_chart_get_value (tornado, 1, 1), 225, 1e-12);   /* 0.5 × 300 × 1.5 */
  text = hu_chart_accessible_text (tornado);
  g_assert_true (strstr (text, "Average power") < strstr (text, "PUE"));
  /* Each end as its bar's label writes it: three significant digits in
   * the axis' kg (the bars span 130 to 260 kg). */
  g_assert_nonnull (strstr (text, "Average power: At the low end 130 kg; "
                                  "At the high end 260 kg\n"));
  g_assert_nonnull (strstr (text, "PUE: At the low end 165 kg; At the high end 225 kg\n"));
  /* Drawing it exercises the layout; an empty picture would fail. */
  svg = _hu_chart_to_svg (tornado, 400, 200, NULL, NULL);
  g_assert_nonnull (svg);

  /* Nothing ranged, no tornado. */
  g_clear_pointer (&u, hu_uncertainty_unref);
  hu_inputs_set_range (&in, HU_INPUT_POWER_W, NULL, NULL);
  hu_inputs_set_range (&in, HU_INPUT_PUE, NULL, NULL);
  u = compute_one (&in, NULL, FALSE);
  g_assert_null (hu_chart_new_tornado (u, 195));

  s = hu_chart_add_series (bars, "CO2");
  c = hu_chart_add_category (bars, "A", FALSE);
  hu_chart_set_value (bars, s, c, 100);
  hu_chart_set_unit_kind (bars, HU_UNIT_MASS_KG);
  hu_chart_set_interval (bars, c, 70, 160);
  bars_text = hu_chart_accessible_text (bars);
  /* Three significant digits of the chart's largest value (160 kg: no
   * decimals), shared by every value of the chart (hu-units). */
  g_assert_nonnull (strstr (bars_text, "likely 70 kg to 160 kg"));
  hu_inputs_clear (&in);
}

/* Reports: the statement gives the range, the comparison the interval
 * and the probability, "What matters most" the tornado; without ranges
 * none of it. The example's first scenario ranges utilisation only
 * (0.15..0.197..0.3): total = K / U, so its 5th percentile is near K at
 * U's 95th percentile and below the point estimate at 19.7 %. */
static void
test_report (void)
{
  g_autoptr(HuProject) project = load_example ("gpt3-ranges.huella");
  g_autoptr(HuReport) plain = NULL;
  g_autoptr(HuReport) ranged = NULL;
  g_autoptr(GBytes) md = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GBytes) md_plain = NULL;
  g_autofree char *statement = NULL;
  HuReportOptions options;
  g_autoptr(GError) error = NULL;

  hu_report_options_init (&options);
  options.default_ranges = TRUE;
  ranged = hu_report_new (project, &options, &error);
  g_assert_no_error (error);
  statement = hu_report_get_statement (ranged, "patterson", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (statement, "5th–95th percentile"));
  md = hu_report_export_bytes (ranged, HU_REPORT_FORMAT_MARKDOWN, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (md, NULL), g_bytes_get_size (md), "## What matters most"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (md, NULL), g_bytes_get_size (md), ", P 100 %"));
  json = hu_report_export_bytes (ranged, HU_REPORT_FORMAT_JSON, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (json, NULL), g_bytes_get_size (json), "\"p_lower_than_baseline\""));

  /* The same project without ranges: every scenario but the first is
   * plain, and turning default ranges off leaves the first one's own. */
  options.default_ranges = FALSE;
  for (guint i = 1; i < 3; i++)
    {
      g_autoptr(HuScenario) s = g_list_model_get_item (G_LIST_MODEL (hu_project_get_scenarios (project)), i);
      g_assert_false (hu_inputs_has_ranges (hu_scenario_get_inputs (s)));
    }
  plain = hu_report_new (project, &options, &error);
  g_assert_no_error (error);
  md_plain = hu_report_export_bytes (plain, HU_REPORT_FORMAT_MARKDOWN, NULL, &error);
  g_assert_no_error (error);
  /* Utilisation is still ranged in the first scenario. */
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (md_plain, NULL), g_bytes_get_size (md_plain), "What matters most"));
}

/* Ranges written for people (the sensitivity tables of the CLI, the
 * report and Explain): three significant digits and the unit once, never
 * the round-trip form ("440.00000000000006"). */
static void
test_format_range (void)
{
  HuRange util = { 0.15, 0.197, 0.3 };
  HuRange power = { 200, NAN, 300 };
  HuRange intensity = { 400, 440.00000000000006, 480 };
  HuRange flops = { 2e23, NAN, 3e23 };
  g_autofree char *u = hu_input_format_range (HU_INPUT_UTILIZATION, &util);
  g_autofree char *p = hu_input_format_range (HU_INPUT_POWER_W, &power);
  g_autofree char *i = hu_input_format_range (HU_INPUT_INTENSITY, &intensity);
  g_autofree char *f = hu_input_format_range (HU_INPUT_FLOPS, &flops);
  g_autofree char *pue = hu_input_format_value (HU_INPUT_PUE, 1.1000000000000001);

  g_assert_cmpstr (u, ==, "15–30 % (likely 19.7 %)");
  g_assert_cmpstr (p, ==, "200–300 W");
  g_assert_cmpstr (i, ==, "400–480 g CO₂eq/kWh (likely 440 g CO₂eq/kWh)");
  g_assert_nonnull (strstr (f, "10²³ FLOP"));
  g_assert_null (strstr (f, "000000"));
  /* A PUE has two decimals wherever it is written (hu_units_format_pue). */
  g_assert_cmpstr (pue, ==, "1.10");
}

/* A comparison whose answer is no longer wanted (What If's ranking,
 * replaced while its thread ran) is cancelled: it stops between
 * scenarios and says so. An uncancelled one answers as without. */
static void
test_cancelled (void)
{
  HuInputs in[2];
  const HuInputs *pointers[2] = { &in[0], &in[1] };
  HuRange util = { 0.25, 0.4, 0.6 };
  HuUncertaintyOptions options;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) plain = NULL;
  g_autoptr(GPtrArray) live = NULL;
  g_autoptr(GPtrArray) cancelled = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2; i++)
    {
      hu_inputs_init (&in[i]);
      in[i].params = 7e9;
      in[i].tokens = 1e12;
      in[i].gpu = g_strdup ("nvidia-h100-sxm");
      in[i].region = g_strdup (i == 0 ? "grid/FR" : "gcp/us-central1");
      hu_inputs_set_range (&in[i], HU_INPUT_UTILIZATION, &util, NULL);
    }
  hu_uncertainty_options_init (&options);
  g_assert_null (options.cancellable);

  plain = hu_uncertainty_compute_all (pointers, 2, -1, hu_catalog_get_default (), &options, NULL);
  options.cancellable = cancellable;
  live = hu_uncertainty_compute_all (pointers, 2, -1, hu_catalog_get_default (), &options, NULL);
  g_assert_nonnull (live);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *a = uncertainty_json (plain->pdata[i]);
      g_autofree char *b = uncertainty_json (live->pdata[i]);

      g_assert_cmpstr (a, ==, b);
    }

  g_cancellable_cancel (cancellable);
  cancelled = hu_uncertainty_compute_all (pointers, 2, -1, hu_catalog_get_default (), &options,
                                          &error);
  g_assert_null (cancelled);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  for (guint i = 0; i < 2; i++)
    hu_inputs_clear (&in[i]);
}

int
main (int    argc,
      char **argv)
{
  core_test_init (&argc, &argv);

  g_test_add_func ("/huella/uncertainty/generator", test_generator);
  g_test_add_func ("/huella/uncertainty/percentiles", test_percentiles);
  g_test_add_func ("/huella/uncertainty/quantiles", test_quantiles);
  g_test_add_func ("/huella/uncertainty/analytic-utilization", test_analytic_utilization);
  g_test_add_func ("/huella/uncertainty/product-of-ranges", test_product_of_ranges);
  g_test_add_func ("/huella/uncertainty/determinism", test_determinism);
  g_test_add_func ("/huella/uncertainty/common-random-numbers", test_common_random_numbers);
  g_test_add_func ("/huella/uncertainty/default-ranges", test_default_ranges);
  for (guint i = 0; i < G_N_ELEMENTS (bad_ranges); i++)
    {
      g_autofree char *path = g_strdup_printf ("/huella/uncertainty/bad-range/%u", i);
      g_test_add_data_func (path, &bad_ranges[i], test_bad_range);
    }
  g_test_add_func ("/huella/uncertainty/parse", test_parse);
  g_test_add_func ("/huella/uncertainty/charts", test_charts);
  g_test_add_func ("/huella/uncertainty/report", test_report);
  g_test_add_func ("/huella/uncertainty/project-json", test_project_json);
  g_test_add_func ("/huella/uncertainty/set-drops-range", test_set_drops_range);
  g_test_add_func ("/huella/uncertainty/format-range", test_format_range);
  g_test_add_func ("/huella/uncertainty/cancelled", test_cancelled);

  return g_test_run ();
}
