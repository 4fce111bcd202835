/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Monte Carlo propagation of input ranges (issue 12).
 *
 * Every ranged input draws from its own stream of uniform numbers, seeded
 * from the run's seed and the input's identity (what it is uncertain
 * about: the user's range on a key, a catalog entry, a default range).
 * Scenarios that share an input therefore share its samples (common
 * random numbers), and the i-th sample of a stream does not depend on
 * which other inputs are ranged, on the number of threads or on the
 * machine: the generator is splitmix64 in counter form
 * (hu-uncertainty-stats.c, with the percentiles), the inverse
 * distribution functions use only + − × ÷ and sqrt. */

#define G_LOG_DOMAIN "hu-uncertainty"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hu-default-ranges-private.h"
#include "hu-estimate-private.h"
#include "hu-json-private.h"
#include "hu-uncertainty.h"
#include "hu-uncertainty-stats.h"

G_DEFINE_QUARK (hu-uncertainty-error-quark, hu_uncertainty_error)

/* The numeric outputs of ARCHITECTURE.md §2 that get an interval, in
 * the order of the JSON contract. */
static const struct {
  const char *name;
  gsize       offset;
} outputs[] = {
#define OUT(field) { #field, G_STRUCT_OFFSET (HuEstimate, field) }
  OUT (flops),
  OUT (gpu_hours_run),
  OUT (gpu_hours),
  OUT (wall_hours),
  OUT (energy_it_kwh),
  OUT (energy_kwh),
  OUT (emissions_kg),
  OUT (embodied_kg),
  OUT (total_kg),
  OUT (cost),
  /* The deployment phase (ARCHITECTURE.md §8); NAN without one. */
  OUT (inference_energy_kwh),
  OUT (inference_emissions_kg),
  OUT (per_request_wh),
  OUT (per_request_g),
  OUT (lifecycle_kg),
  OUT (breakeven_requests),
#undef OUT
};

#define N_OUTPUTS G_N_ELEMENTS (outputs)
#define OUTPUT(e, i) (*(const double *) ((const char *) (e) + outputs[i].offset))

/* Where total_kg sits in outputs[]: the probability against the
 * baseline compares its samples. */
static guint
total_index (void)
{
  static guint index = G_MAXUINT;

  if (index == G_MAXUINT)
    {
      guint i;
      hu_uncertainty_output_index ("total_kg", &i);
      g_atomic_int_set (&index, i);
    }
  return index;
}

/* The object ----------------------------------------------------------------- */

static void
sensitivity_clear (HuSensitivity *s)
{
  g_clear_pointer (&s->source, g_free);
}

static void
hu_uncertainty_clear (HuUncertainty *self)
{
  g_free (self->outputs);
  g_clear_pointer (&self->sensitivity, g_array_unref);
}

HuUncertainty *
hu_uncertainty_ref (HuUncertainty *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
hu_uncertainty_unref (HuUncertainty *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) hu_uncertainty_clear);
}

G_DEFINE_BOXED_TYPE (HuUncertainty, hu_uncertainty, hu_uncertainty_ref, hu_uncertainty_unref)

static HuUncertainty *
hu_uncertainty_new (void)
{
  HuUncertainty *self = g_atomic_rc_box_new0 (HuUncertainty);

  self->outputs = g_new (HuInterval, N_OUTPUTS);
  for (guint i = 0; i < N_OUTPUTS; i++)
    self->outputs[i].p05 = self->outputs[i].p50 = self->outputs[i].p95 = NAN;
  self->sensitivity = g_array_new (FALSE, TRUE, sizeof (HuSensitivity));
  g_array_set_clear_func (self->sensitivity, (GDestroyNotify) sensitivity_clear);
  self->p_lower_than_baseline = NAN;
  return self;
}

void
hu_uncertainty_options_init (HuUncertaintyOptions *options)
{
  g_return_if_fail (options != NULL);

  options->samples = HU_UNCERTAINTY_DEFAULT_SAMPLES;
  options->seed = HU_UNCERTAINTY_DEFAULT_SEED;
  options->default_ranges = FALSE;
  options->n_threads = 0;
  options->cancellable = NULL;
}

guint
hu_uncertainty_get_n_outputs (void)
{
  return N_OUTPUTS;
}

const char *
hu_uncertainty_output_name (guint index)
{
  g_return_val_if_fail (index < N_OUTPUTS, NULL);
  return outputs[index].name;
}

gboolean
hu_uncertainty_output_index (const char *name,
                             guint      *index)
{
  for (guint i = 0; i < N_OUTPUTS; i++)
    if (g_strcmp0 (outputs[i].name, name) == 0)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * hu_uncertainty_input_title:
 *
 * Returns: the name people read for an input in "What matters most".
 */
const char *
hu_uncertainty_input_title (HuInputKey key)
{
  switch (key)
    {
    case HU_INPUT_FLOPS:       return _("Training compute");
    case HU_INPUT_PARAMS:      return _("Parameters");
    case HU_INPUT_TOKENS:      return _("Training tokens");
    case HU_INPUT_GPU_HOURS:   return _("GPU-hours");
    case HU_INPUT_WALL_HOURS:  return _("Wall-clock hours");
    case HU_INPUT_PEAK_TFLOPS: return _("Peak throughput");
    case HU_INPUT_COUNT:       return _("Accelerators");
    case HU_INPUT_UTILIZATION: return _("Utilisation");
    case HU_INPUT_POWER_W:     return _("Average power");
    case HU_INPUT_RETRAIN:     return _("Training runs");
    case HU_INPUT_INTENSITY:   return _("Carbon intensity");
    case HU_INPUT_PUE:         return _("PUE");
    case HU_INPUT_PRICE:       return _("Price");
    case HU_INPUT_EMBODIED_KG: return _("Embodied carbon");
    case HU_INPUT_LIFETIME_H:  return _("Service life");
    /* The deployment phase (issue 11), named as its form does. */
    case HU_INPUT_REQUESTS:            return _("Requests served");
    case HU_INPUT_REQUESTS_PER_DAY:    return _("Requests per day");
    case HU_INPUT_DAYS:                return _("Days deployed");
    case HU_INPUT_WH_PER_REQUEST:      return _("Energy per request");
    case HU_INPUT_TOKENS_PER_REQUEST:  return _("Tokens per request");
    case HU_INPUT_ACTIVE_PARAMS:       return _("Active parameters");
    case HU_INPUT_SERVE_COUNT:         return _("Serving accelerators");
    case HU_INPUT_SERVE_UTILIZATION:   return _("Utilisation (serving)");
    case HU_INPUT_SERVE_POWER:         return _("Power (serving)");
    case HU_INPUT_SERVE_INTENSITY:     return _("Carbon intensity (serving)");
    case HU_INPUT_SERVE_PUE:           return _("PUE (serving)");
    case HU_INPUT_SERVE_EMBODIED_KG:   return _("Embodied carbon (serving)");
    case HU_INPUT_SERVE_LIFETIME_H:    return _("Service life (serving)");
    case HU_N_NUMERIC_INPUTS:
    default:
      return hu_input_key_name (key);
    }
}

/**
 * hu_uncertainty_applies:
 *
 * Returns: whether any range applied, i.e. whether the intervals mean
 *   anything beyond the point estimate.
 */
gboolean
hu_uncertainty_applies (const HuUncertainty *self)
{
  return self != NULL && self->samples > 0;
}

const HuInterval *
hu_uncertainty_get_interval (const HuUncertainty *self,
                             const char          *output)
{
  guint i;

  g_return_val_if_fail (self != NULL, NULL);
  if (!hu_uncertainty_applies (self) || !hu_uncertainty_output_index (output, &i) ||
      isnan (self->outputs[i].p50))
    return NULL;
  return &self->outputs[i];
}

/* Sampling one scenario ------------------------------------------------------ */

/* Which inputs are ranged, and how: resolved once per scenario. */
typedef struct {
  HuInputKey  key;
  HuRange     range;
  guint64     stream;
  char       *source;    /* (owned) citation of a default range */
} Ranged;

typedef struct {
  HuEstimate *point;
  HuInputs    inputs;    /* shallow copy: strings belong to the caller */
  Ranged      ranged[HU_N_NUMERIC_INPUTS];
  guint       n_ranged;
} Plan;

static void
plan_clear (Plan *plan)
{
  for (guint j = 0; j < plan->n_ranged; j++)
    g_free (plan->ranged[j].source);
  g_clear_pointer (&plan->point, hu_estimate_unref);
}

/* Inputs whose value the workload never reads: a range on them would
 * show as a zero swing and only confuse. */
static gboolean
input_matters (const HuEstimate *point,
               HuInputKey        key)
{
  gboolean flop_based = point->workload == HU_WORKLOAD_FLOPS ||
                        point->workload == HU_WORKLOAD_PARAMS_TOKENS;

  switch (key)
    {
    case HU_INPUT_PEAK_TFLOPS:
    case HU_INPUT_UTILIZATION:
      return flop_based;
    case HU_INPUT_PRICE:
      return isfinite (point->price);
    case HU_INPUT_EMBODIED_KG:
    case HU_INPUT_LIFETIME_H:
      return isfinite (point->embodied_per_unit_kg);
    case HU_INPUT_REQUESTS:
    case HU_INPUT_REQUESTS_PER_DAY:
    case HU_INPUT_DAYS:
    case HU_INPUT_WH_PER_REQUEST:
    case HU_INPUT_TOKENS_PER_REQUEST:
    case HU_INPUT_ACTIVE_PARAMS:
    case HU_INPUT_SERVE_COUNT:
    case HU_INPUT_SERVE_UTILIZATION:
    case HU_INPUT_SERVE_POWER:
    case HU_INPUT_SERVE_INTENSITY:
    case HU_INPUT_SERVE_PUE:
    case HU_INPUT_SERVE_EMBODIED_KG:
    case HU_INPUT_SERVE_LIFETIME_H:
      return hu_estimate_has_serving (point);
    case HU_INPUT_FLOPS:
    case HU_INPUT_PARAMS:
    case HU_INPUT_TOKENS:
    case HU_INPUT_GPU_HOURS:
    case HU_INPUT_WALL_HOURS:
    case HU_INPUT_COUNT:
    case HU_INPUT_POWER_W:
    case HU_INPUT_RETRAIN:
    case HU_INPUT_INTENSITY:
    case HU_INPUT_PUE:
    case HU_N_NUMERIC_INPUTS:
    default:
      return TRUE;
    }
}

static gboolean
plan_init (Plan                       *plan,
           const HuInputs             *inputs,
           HuCatalog                  *catalog,
           const HuUncertaintyOptions *options,
           GError                    **error)
{
  memset (plan, 0, sizeof *plan);
  plan->point = hu_estimate_compute (inputs, catalog, HU_ESTIMATE_NO_DERIVATION, error);
  if (plan->point == NULL)
    return FALSE;
  plan->inputs = *inputs;

  for (guint k = 0; k < HU_N_NUMERIC_INPUTS; k++)
    {
      const HuRange *user = hu_inputs_get_range (inputs, k);
      Ranged *r = &plan->ranged[plan->n_ranged];
      g_autofree char *identity = NULL;

      if (!input_matters (plan->point, k))
        continue;
      if (user)
        {
          char low[G_ASCII_DTOSTR_BUF_SIZE], likely[G_ASCII_DTOSTR_BUF_SIZE];
          char high[G_ASCII_DTOSTR_BUF_SIZE];

          /* The same range on the same key is the same uncertainty. */
          identity = g_strdup_printf ("user:%s:%s:%s:%s", hu_input_key_name (k),
                                      g_ascii_dtostr (low, sizeof low, user->low),
                                      g_ascii_dtostr (likely, sizeof likely, user->likely),
                                      g_ascii_dtostr (high, sizeof high, user->high));
          r->range = *user;
        }
      else if (!options->default_ranges ||
               !_hu_default_range (k, plan->point, catalog, &r->range, &identity, &r->source))
        continue;

      /* A range of zero width is a number. */
      if (!(r->range.high > r->range.low))
        {
          g_clear_pointer (&r->source, g_free);
          continue;
        }
      r->key = k;
      r->stream = _hu_uncertainty_stream (options->seed, identity);
      plan->n_ranged++;
    }
  return TRUE;
}

static double
sample_value (const Ranged *r,
              guint64       i)
{
  double v = hu_range_quantile (&r->range, _hu_uncertainty_uniform (r->stream, i));

  /* Accelerator counts are whole; rounding keeps the value in range
   * because both ends are whole too (checked on input). */
  if (hu_input_is_integer (r->key))
    v = floor (v + 0.5);
  return v;
}

/* Fills @buffer (N_OUTPUTS × @n, output-major) with the outputs of @n
 * samples. Only the ranged fields change from one sample to the next. */
static void
plan_sample (const Plan *plan,
             guint       n,
             double     *buffer)
{
  HuEstimate e = *plan->point;
  HuInputs in = plan->inputs;

  e.steps = NULL;
  for (guint j = 0; j < plan->n_ranged; j++)
    hu_range_init (&in.ranges[plan->ranged[j].key]);

  for (guint i = 0; i < n; i++)
    {
      for (guint j = 0; j < plan->n_ranged; j++)
        _hu_estimate_set_input (&e, &in, plan->ranged[j].key, sample_value (&plan->ranged[j], i));
      _hu_estimate_evaluate (&e, &in);
      for (guint o = 0; o < N_OUTPUTS; o++)
        buffer[(gsize) o * n + i] = OUTPUT (&e, o);
    }
}

static double
total_at (const Plan *plan,
          HuInputKey  key,
          double      value)
{
  HuEstimate e = *plan->point;
  HuInputs in = plan->inputs;

  e.steps = NULL;
  hu_range_init (&in.ranges[key]);
  _hu_estimate_set_input (&e, &in, key, value);
  _hu_estimate_evaluate (&e, &in);
  /* With a deployment phase the whole life is what an input swings
   * (lifecycle_kg is total_kg without one). */
  return e.lifecycle_kg;
}

static int
compare_swing (gconstpointer a,
               gconstpointer b)
{
  const HuSensitivity *sa = a, *sb = b;
  double wa = fabs (sa->high_kg - sa->low_kg);
  double wb = fabs (sb->high_kg - sb->low_kg);

  if (wa != wb)
    return wa > wb ? -1 : 1;
  return (int) sa->key - (int) sb->key;   /* stable: the order of §2 */
}

static void
plan_sensitivity (Plan          *plan,
                  HuUncertainty *result)
{
  for (guint j = 0; j < plan->n_ranged; j++)
    {
      Ranged *r = &plan->ranged[j];
      HuSensitivity s = { 0 };

      s.key = r->key;
      s.range = r->range;
      s.low_kg = total_at (plan, r->key, r->range.low);
      s.high_kg = total_at (plan, r->key, r->range.high);
      s.source = g_steal_pointer (&r->source);
      g_array_append_val (result->sensitivity, s);
    }
  g_array_sort (result->sensitivity, compare_swing);
}

/* Is @b a constant multiple of @a, sample by sample? total_kg is
 * emissions_kg without embodied carbon, wall_hours a fixed share of
 * gpu_hours_run, …: their percentiles follow without another selection,
 * which is the most expensive step. The tolerance is far below anything
 * printed. */
static gboolean
proportional (const double *a,
              const double *b,
              guint         n,
              double       *ratio)
{
  double r;

  if (!(a[0] > 0) || !isfinite (b[0]))
    return FALSE;
  r = b[0] / a[0];
  for (guint i = 0; i < n; i++)
    if (fabs (b[i] - r * a[i]) > 1e-12 * fabs (b[i]))
      return FALSE;
  *ratio = r;
  return TRUE;
}

static void
summarise (double           *buffer,
           guint             n,
           const HuEstimate *point,
           HuInterval       *intervals)
{
  /* Selection reorders a column: keep each one's proportionality test
   * on the columns before it in sampling order, then select. */
  int same_as[N_OUTPUTS];
  double ratio[N_OUTPUTS];

  for (guint o = 0; o < N_OUTPUTS; o++)
    {
      const double *col = buffer + (gsize) o * n;
      double lo = col[0], hi = col[0];

      same_as[o] = -1;
      if (!isfinite (OUTPUT (point, o)))
        {
          same_as[o] = -2;
          continue;
        }
      for (guint i = 1; i < n; i++)
        {
          lo = MIN (lo, col[i]);
          hi = MAX (hi, col[i]);
        }
      if (lo == hi)
        {
          intervals[o].p05 = intervals[o].p50 = intervals[o].p95 = lo;
          same_as[o] = -2;
          continue;
        }
      for (guint p = 0; p < o && same_as[o] == -1; p++)
        if (same_as[p] == -1 && proportional (buffer + (gsize) p * n, col, n, &ratio[o]))
          same_as[o] = p;
    }

  for (guint o = 0; o < N_OUTPUTS; o++)
    if (same_as[o] == -1)
      _hu_percentiles (buffer + (gsize) o * n, n, &intervals[o]);
  for (guint o = 0; o < N_OUTPUTS; o++)
    if (same_as[o] >= 0)
      {
        const HuInterval *src = &intervals[same_as[o]];
        intervals[o].p05 = ratio[o] * src->p05;
        intervals[o].p50 = ratio[o] * src->p50;
        intervals[o].p95 = ratio[o] * src->p95;
      }
}

/* Samples one scenario into @buffer and summarises it. @baseline_totals
 * (nullable) are the baseline's total_kg samples, @baseline_ranged
 * whether they vary: the probability means something when either
 * side is uncertain. */
static HuUncertainty *
run_one (const HuInputs             *inputs,
         const double               *baseline_totals,
         gboolean                    baseline_ranged,
         HuCatalog                  *catalog,
         const HuUncertaintyOptions *options,
         double                     *buffer,
         double                     *totals_out,
         GError                    **error)
{
  g_autoptr(HuUncertainty) result = NULL;
  Plan plan;
  guint n = options->samples;

  if (!plan_init (&plan, inputs, catalog, options, error))
    return NULL;

  result = hu_uncertainty_new ();
  result->seed = options->seed;

  if (plan.n_ranged == 0 && !baseline_ranged && totals_out == NULL)
    {
      plan_clear (&plan);
      return g_steal_pointer (&result);
    }

  plan_sample (&plan, n, buffer);

  if (baseline_totals && (plan.n_ranged > 0 || baseline_ranged))
    {
      const double *totals = buffer + (gsize) total_index () * n;
      guint lower = 0;

      for (guint i = 0; i < n; i++)
        lower += totals[i] < baseline_totals[i];
      result->p_lower_than_baseline = (double) lower / n;
    }
  if (totals_out)
    memcpy (totals_out, buffer + (gsize) total_index () * n, n * sizeof (double));

  if (plan.n_ranged > 0)
    {
      result->samples = n;
      summarise (buffer, n, plan.point, result->outputs);
      plan_sensitivity (&plan, result);
    }

  plan_clear (&plan);
  return g_steal_pointer (&result);
}

static gboolean
check_options (const HuUncertaintyOptions *options,
               GError                    **error)
{
  if (options->samples < 1 || options->samples > HU_UNCERTAINTY_MAX_SAMPLES)
    {
      g_set_error (error, HU_UNCERTAINTY_ERROR, 0,
                   _("samples: must be between 1 and %u"), HU_UNCERTAINTY_MAX_SAMPLES);
      return FALSE;
    }
  return TRUE;
}

/**
 * hu_uncertainty_compute:
 * @inputs: the scenario
 * @baseline: (nullable): the scenario it is compared with
 *
 * Intervals and sensitivity of one scenario and, with @baseline, the
 * probability that it emits less. Costs about as much as the samples
 * asked for times two (the baseline is sampled again): for a whole
 * comparison use hu_uncertainty_compute_all().
 *
 * Returns: (transfer full): the result (check hu_uncertainty_applies()),
 *   or %NULL with @error set when an estimate fails.
 */
HuUncertainty *
hu_uncertainty_compute (const HuInputs             *inputs,
                        const HuInputs             *baseline,
                        HuCatalog                  *catalog,
                        const HuUncertaintyOptions *options,
                        GError                    **error)
{
  g_autofree double *buffer = NULL;
  g_autofree double *base_totals = NULL;
  gboolean base_ranged = FALSE;

  g_return_val_if_fail (inputs != NULL && options != NULL, NULL);
  g_return_val_if_fail (HU_IS_CATALOG (catalog), NULL);

  if (!check_options (options, error))
    return NULL;
  buffer = g_new (double, (gsize) N_OUTPUTS * options->samples);
  if (baseline)
    {
      g_autoptr(HuUncertainty) base = NULL;

      base_totals = g_new0 (double, options->samples);
      if (!(base = run_one (baseline, NULL, FALSE, catalog, options, buffer, base_totals, error)))
        return NULL;
      base_ranged = hu_uncertainty_applies (base);
    }
  return run_one (inputs, base_totals, base_ranged, catalog, options, buffer, NULL, error);
}

typedef struct {
  const HuInputs * const     *inputs;
  guint                       n_inputs;
  int                         baseline;
  const double               *base_totals;
  gboolean                    base_ranged;
  HuCatalog                  *catalog;
  const HuUncertaintyOptions *options;
  GPtrArray                  *results;    /* slots filled by index */
  GError                    **errors;     /* one slot per input */
  gint                        next;       /* atomic */
} Job;

static gpointer
worker (gpointer data)
{
  Job *job = data;
  g_autofree double *buffer = g_new (double, (gsize) N_OUTPUTS * job->options->samples);
  int i;

  while ((i = g_atomic_int_add (&job->next, 1)) < (int) job->n_inputs)
    {
      if (g_cancellable_is_cancelled (job->options->cancellable))
        break;
      if (i == job->baseline)
        continue;
      job->results->pdata[i] = run_one (job->inputs[i], job->base_totals, job->base_ranged,
                                        job->catalog,
                                        job->options, buffer, NULL, &job->errors[i]);
    }
  return NULL;
}

/* A slot no worker filled (cancelled, or after a failure) holds NULL. */
static void
clear_result (gpointer data)
{
  if (data != NULL)
    hu_uncertainty_unref (data);
}

/**
 * hu_uncertainty_compute_all:
 * @inputs: (array length=n_inputs): the scenarios of a comparison
 * @baseline: index of the baseline in @inputs, or -1
 *
 * The whole comparison at once: the baseline is sampled first and its
 * totals kept, then the other scenarios one at a time on up to
 * @options->n_threads threads, each with one buffer (memory does not
 * grow with the number of scenarios). Results do not depend on the
 * number of threads.
 *
 * Stops between scenarios once @options->cancellable is cancelled, and
 * then fails with %G_IO_ERROR_CANCELLED: a thread ranking 430 regions
 * would otherwise hold both cores for a second after its answer is no
 * longer wanted.
 *
 * Returns: (transfer full) (element-type HuUncertainty): one result per
 *   scenario, or %NULL with @error set by the first scenario that fails.
 */
GPtrArray *
hu_uncertainty_compute_all (const HuInputs * const     *inputs,
                            guint                       n_inputs,
                            int                         baseline,
                            HuCatalog                  *catalog,
                            const HuUncertaintyOptions *options,
                            GError                    **error)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autofree double *base_totals = NULL;
  g_autofree GError **errors = NULL;
  GThread *threads[8];
  guint n_threads;
  Job job = { 0 };

  g_return_val_if_fail (n_inputs == 0 || inputs != NULL, NULL);
  g_return_val_if_fail (baseline < (int) n_inputs, NULL);
  g_return_val_if_fail (HU_IS_CATALOG (catalog) && options != NULL, NULL);

  if (!check_options (options, error))
    return NULL;

  results = g_ptr_array_new_full (n_inputs, clear_result);
  g_ptr_array_set_size (results, n_inputs);
  errors = g_new0 (GError *, MAX (n_inputs, 1));

  if (baseline >= 0)
    {
      g_autofree double *buffer = g_new (double, (gsize) N_OUTPUTS * options->samples);

      base_totals = g_new0 (double, options->samples);
      results->pdata[baseline] = run_one (inputs[baseline], NULL, FALSE, catalog, options,
                                          buffer, base_totals, &errors[baseline]);
      job.base_ranged = hu_uncertainty_applies (results->pdata[baseline]);
    }

  job.inputs = inputs;
  job.n_inputs = n_inputs;
  job.baseline = baseline;
  job.base_totals = base_totals;
  job.catalog = catalog;
  job.options = options;
  job.results = results;
  job.errors = errors;

  n_threads = options->n_threads ? options->n_threads : MIN (g_get_num_processors (), 2);
  n_threads = CLAMP (n_threads, 1, MIN (G_N_ELEMENTS (threads), MAX (n_inputs, 1)));
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("hu-uncertainty", worker, &job);
  worker (&job);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);
  if (g_cancellable_set_error_if_cancelled (options->cancellable, error))
    {
      for (guint i = 0; i < n_inputs; i++)
        g_clear_error (&errors[i]);
      return NULL;
    }

  for (guint i = 0; i < n_inputs; i++)
    if (errors[i])
      {
        if (error && *error == NULL)
          g_propagate_error (error, g_steal_pointer (&errors[i]));
        else
          g_clear_error (&errors[i]);
      }
  if (error && *error)
    return NULL;
  return g_steal_pointer (&results);
}

/* JSON ----------------------------------------------------------------------- */

/**
 * hu_uncertainty_to_json:
 *
 * Adds `"uncertainty"` and `"sensitivity"` (ARCHITECTURE.md §8) to the
 * object being built, only when a range applied.
 */
void
hu_uncertainty_to_json (const HuUncertainty *self,
                        JsonBuilder         *builder)
{
  if (!hu_uncertainty_applies (self))
    return;

  json_builder_set_member_name (builder, "uncertainty");
  json_builder_begin_object (builder);
  _hu_json_add_int (builder, "samples", self->samples);
  _hu_json_add_int (builder, "seed", (gint64) self->seed);
  for (guint o = 0; o < N_OUTPUTS; o++)
    {
      if (isnan (self->outputs[o].p50))
        continue;
      json_builder_set_member_name (builder, outputs[o].name);
      json_builder_begin_object (builder);
      _hu_json_add_double (builder, "p05", self->outputs[o].p05);
      _hu_json_add_double (builder, "p50", self->outputs[o].p50);
      _hu_json_add_double (builder, "p95", self->outputs[o].p95);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "sensitivity");
  json_builder_begin_array (builder);
  for (guint j = 0; j < self->sensitivity->len; j++)
    {
      const HuSensitivity *s = &g_array_index (self->sensitivity, HuSensitivity, j);

      json_builder_begin_object (builder);
      _hu_json_add_string (builder, "input", hu_input_key_name (s->key));
      _hu_json_add_double (builder, "low", s->low_kg);
      _hu_json_add_double (builder, "high", s->high_kg);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}
