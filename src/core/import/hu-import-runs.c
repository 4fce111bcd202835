/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The runs an importer finds: skipped when they cannot be measurements,
 * handed out as they finish (hu_import_paths_foreach()). Called by the
 * importers and by hu-import.c; calls neither. */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "hu-import-private.h"
#include "hu-number.h"

/* Why a run cannot be a measurement, or NULL. */
static char *
impossible_run (const HuRunData *d)
{
  const struct { double value; const char *what; } energies[] = {
    { d->energy_kwh, "energy_consumed" }, { d->cpu_energy_kwh, "cpu_energy" },
    { d->gpu_energy_kwh, "gpu_energy" }, { d->ram_energy_kwh, "ram_energy" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (energies); i++)
    if (energies[i].value < 0)
      {
        g_autofree char *n = hu_number_to_string (energies[i].value);
        /* TRANSLATORS: a skipped run; %s is a number of kilowatt-hours */
        return g_strdup_printf (_("negative energy (%s kWh)"), n);
      }
  if (d->emissions_kg < 0)
    {
      g_autofree char *n = hu_number_to_string (d->emissions_kg);
      /* TRANSLATORS: a skipped run; %s is a number of kilograms */
      return g_strdup_printf (_("negative emissions (%s kg CO₂eq)"), n);
    }
  if (d->duration_s <= 0)
    {
      g_autofree char *n = hu_number_to_string (d->duration_s);
      /* TRANSLATORS: a skipped run; %s is a number of seconds */
      return g_strdup_printf (_("duration of %s s: not a run"), n);
    }
  return NULL;
}

static void
skip_run (HuImportContext *ctx,
          const HuRunData *d,
          char            *why)
{
  const char *file = d->file != NULL ? d->file : ctx->display;

  if (hu_import_result_count_skip (ctx->result, file, HU_IMPORT_SKIP_UNREADABLE))
    {
      HuImportSkip *skip = g_new0 (HuImportSkip, 1);

      skip->file = g_strdup (file);
      skip->line = d->line;
      skip->reason = why;
      g_ptr_array_add (ctx->result->skipped, skip);
    }
  else
    g_free (why);
}

/* A run with negative energy or emissions, or a duration that is zero or
 * negative, is not a measurement (a broken meter, a clock set back): it
 * is skipped with its file, line and reason rather than shown as measured
 * (−5 kWh), whatever the tracker. NAN (unknown) passes: it compares false. */
void
_hu_import_drop_impossible_runs (HuImportContext *ctx,
                                 guint            first)
{
  GPtrArray *runs = ctx->result->runs;
  gpointer *all;
  guint n = 0;

  for (guint i = first; i < runs->len && n == 0; i++)
    {
      g_autofree char *why = impossible_run (hu_measured_run_get_data (runs->pdata[i]));
      n += why != NULL;
    }
  if (n == 0)
    return;

  /* Rebuilt in one pass: removing one by one is quadratic in a file of
   * many bad runs. */
  {
    gsize len = 0;

    all = g_ptr_array_steal (runs, &len);
    for (gsize i = 0; i < len; i++)
      {
        HuRunData *d = hu_measured_run_get_data (all[i]);
        char *why = i < first ? NULL : impossible_run (d);

        if (why == NULL)
          {
            g_ptr_array_add (runs, all[i]);
            continue;
          }
        skip_run (ctx, d, why);
        g_object_unref (all[i]);
      }
    g_free (all);
  }
}

/* Set on a run that an importer has finished (with a run callback only). */
static GQuark
finished_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("hu-import-finished");
  return quark;
}

/* With a run callback: hands out the complete runs at the front of the
 * list (all of them at the end of a file), so that runs leave in file
 * order and only the ones still being read are held. */
void
_hu_import_hand_out_runs (HuImportContext *ctx,
                          gboolean         all)
{
  GPtrArray *runs = ctx->result->runs;
  guint n = 0;

  while (n < runs->len
         && (all || g_object_get_qdata (runs->pdata[n], finished_quark ()) != NULL))
    n++;
  for (guint i = 0; i < n; i++)
    {
      HuRunData *d = hu_measured_run_get_data (runs->pdata[i]);
      char *why = impossible_run (d);

      if (why != NULL)
        {
          skip_run (ctx, d, why);
          continue;
        }
      ctx->result->n_runs++;
      ctx->run_func (runs->pdata[i], ctx->user_data);
    }
  g_ptr_array_remove_range (runs, 0, n);
}

void
_hu_import_finish_run (HuImportContext *ctx,
                       HuMeasuredRun   *run)
{
  if (ctx->run_func == NULL)
    return;
  g_object_set_qdata (G_OBJECT (run), finished_quark (), GINT_TO_POINTER (TRUE));
  _hu_import_hand_out_runs (ctx, FALSE);
}
