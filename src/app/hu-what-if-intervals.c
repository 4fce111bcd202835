/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Huella"

/* The likely ranges of a What If ranking (issue 12), when the scenario
 * has ranges or the typical ranges of defaults are on: each item sampled
 * as the sweep built it, without the ranges of the inputs the sweep
 * replaced (a region's grid is not the scenario's typed intensity).
 * Items share their samples (common random numbers), so the order they
 * are ranked in is not blurred by what they have in common.
 *
 * Some 430 regions × 10,000 samples take over a second on the 2-core
 * machine: too long to hold the window. The view shows the ranking at
 * once and its whiskers follow from the thread here. Apart from the view
 * so that it stays under 900 lines; nothing here touches a widget. */

#include "config.h"

#include <math.h>

#include "hu-what-if-intervals.h"

typedef struct {
  HuInputs    *inputs;
  guint        n;
  HuCatalog   *catalog;
  HuUncertaintyOptions options;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  for (guint i = 0; i < job->n; i++)
    hu_inputs_clear (&job->inputs[i]);
  g_free (job->inputs);
  g_clear_object (&job->catalog);
  g_free (job);
}

/* @base as the ranking's item @item computed it: in its region (with
 * the ranking's PUE, or each region's when @ranked_pue is NAN), or on
 * its GPU at the catalog's figures. */
static void
item_inputs (const HuInputs *base,
             HuSweepItem    *item,
             gboolean        regions,
             double          ranked_pue,
             HuInputs       *copy)
{
  hu_inputs_init (copy);
  hu_inputs_copy (base, copy);
  if (regions)
    {
      g_free (copy->region);
      copy->region = g_strdup (item->id);
      hu_range_init (&copy->ranges[HU_INPUT_INTENSITY]);
      if (isnan (ranked_pue))
        {
          copy->pue = NAN;
          hu_range_init (&copy->ranges[HU_INPUT_PUE]);
        }
      else if (isnan (copy->pue))
        copy->pue = ranked_pue;
    }
  else
    {
      g_free (copy->gpu);
      copy->gpu = g_strdup (item->id);
      hu_range_init (&copy->ranges[HU_INPUT_PEAK_TFLOPS]);
      hu_range_init (&copy->ranges[HU_INPUT_POWER_W]);
    }
}

static void
compute_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Job *job = data;
  g_autofree const HuInputs **pointers = NULL;
  GError *error = NULL;
  GPtrArray *results;

  /* Typing queues refreshes: a job a newer one replaced is not worth
   * its second of both cores, before it starts or between its items. */
  if (g_task_return_error_if_cancelled (task))
    return;
  pointers = g_new (const HuInputs *, job->n);
  for (guint i = 0; i < job->n; i++)
    pointers[i] = &job->inputs[i];
  job->options.cancellable = cancellable;
  results = hu_uncertainty_compute_all (pointers, job->n, -1, job->catalog, &job->options, &error);
  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * hu_what_if_intervals_compute_async:
 * @source: the view; it outlives the job (the task holds it)
 * @base: the scenario's inputs as the ranking used them
 * @items: the ranking's #HuSweepItem<!-- -->s
 * @regions: whether @items are regions (else GPUs)
 * @ranked_pue: the PUE the region ranking used, NAN for each region's
 * @cancellable: cancelled when a newer ranking replaces this one
 *
 * Computes each item's likely ranges in a thread.
 */
void
hu_what_if_intervals_compute_async (GObject             *source,
                                    const HuInputs      *base,
                                    GPtrArray           *items,
                                    gboolean             regions,
                                    double               ranked_pue,
                                    HuCatalog           *catalog,
                                    gboolean             default_ranges,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, data);
  Job *job = g_new0 (Job, 1);

  job->inputs = g_new (HuInputs, items->len);
  job->n = items->len;
  job->catalog = g_object_ref (catalog);
  hu_uncertainty_options_init (&job->options);
  job->options.default_ranges = default_ranges;
  for (guint i = 0; i < items->len; i++)
    item_inputs (base, g_ptr_array_index (items, i), regions, ranked_pue, &job->inputs[i]);

  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, compute_thread);
}

/**
 * hu_what_if_intervals_compute_finish:
 *
 * Returns: (transfer full) (nullable): one #HuUncertainty per item, or
 *   NULL with @error set, %G_IO_ERROR_CANCELLED when it was replaced
 */
GPtrArray *
hu_what_if_intervals_compute_finish (GAsyncResult  *result,
                                     GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
