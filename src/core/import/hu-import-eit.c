/* SPDX-License-Identifier: GPL-3.0-or-later */
/* experiment-impact-tracker: impacttracker/data.json, one JSON object per
 * line, one line per sample (TRACKERS.md §3).
 *
 * The tool's totals are not in the file: we integrate the attributable
 * RAPL and NVIDIA power ourselves (trapezoid rule) and, like the tool,
 * multiply by its fixed PUE of 1.58 — saying so in the run's notes.
 * info.pkl is a Python pickle; unpickling untrusted data is unsafe and it
 * needs Python classes, so it is never read.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hu-import-private.h"
#include "hu-json-private.h"

#define EIT_PUE 1.58

typedef struct {
  gboolean have_last;
  double   last_t;
  double   last_cpu;
  double   last_gpu;
  double   last_ci;
  double   first_t;
  double   end_t;
  double   cpu_j;
  double   gpu_j;
  double   co2_g;       /* from segments with a known intensity */
  double   co2_kwh;     /* the energy those segments cover */
  gboolean any_cpu;
  gboolean any_gpu;
  guint    gpu_count;
  guint64  samples;
} State;

static double
member_number (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return NAN;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_DOUBLE:
    case G_TYPE_INT64:
      {
        double v = json_node_get_double (node);
        return isfinite (v) ? v : NAN;
      }
    default:
      /* "n/a" when the realtime intensity could not be fetched. */
      return NAN;
    }
}

static void
add_sample (State           *st,
            JsonObject      *object,
            HuSeriesBuilder *cpu_series,
            HuSeriesBuilder *gpu_series)
{
  double t = member_number (object, "timestamp");
  double cpu = member_number (object, "rapl_estimated_attributable_power_draw");
  double gpu = member_number (object, "nvidia_estimated_attributable_power_draw");
  double ci = member_number (object, "realtime_carbon_intensity");
  JsonNode *per_gpu = json_object_get_member (object, "per_gpu_power_draw");

  if (per_gpu != NULL && JSON_NODE_HOLDS_OBJECT (per_gpu))
    st->gpu_count = MAX (st->gpu_count, json_object_get_size (json_node_get_object (per_gpu)));

  st->samples++;
  _hu_series_builder_add (cpu_series, t, cpu);
  _hu_series_builder_add (gpu_series, t, gpu);

  if (st->have_last && t > st->last_t)
    {
      double dt = t - st->last_t;
      double seg_j = 0;

      if (isfinite (cpu) && isfinite (st->last_cpu))
        {
          seg_j += (cpu + st->last_cpu) / 2 * dt;
          st->cpu_j += (cpu + st->last_cpu) / 2 * dt;
          st->any_cpu = TRUE;
        }
      if (isfinite (gpu) && isfinite (st->last_gpu))
        {
          seg_j += (gpu + st->last_gpu) / 2 * dt;
          st->gpu_j += (gpu + st->last_gpu) / 2 * dt;
          st->any_gpu = TRUE;
        }
      if (isfinite (ci) && isfinite (st->last_ci))
        {
          double kwh = seg_j / 3.6e6 * EIT_PUE;
          st->co2_g += kwh * (ci + st->last_ci) / 2;
          st->co2_kwh += kwh;
        }
      st->end_t = t;
    }
  else if (!st->have_last)
    st->first_t = st->end_t = t;

  st->have_last = TRUE;
  st->last_t = MAX (t, st->last_t);
  st->last_cpu = cpu;
  st->last_gpu = gpu;
  st->last_ci = ci;
}

static void
finish (HuImportContext *ctx,
        State           *st,
        HuSeriesBuilder *cpu_series,
        HuSeriesBuilder *gpu_series)
{
  HuMeasuredRun *run = _hu_import_add_run (ctx, "eit", 1);
  HuRunData *data = hu_measured_run_get_data (run);
  g_autofree char *note = NULL;
  g_autofree char *samples = NULL;
  g_autofree char *run_id = NULL;
  g_autofree char *dir = g_path_get_dirname (ctx->display);

  /* The folder above impacttracker/ is the experiment's log dir. */
  if (g_str_has_suffix (dir, "impacttracker"))
    {
      g_autofree char *parent = g_path_get_dirname (dir);
      run_id = g_path_get_basename (parent);
    }
  else
    run_id = g_path_get_basename (ctx->display);
  _hu_run_set_string (&data->run_id, run_id);
  _hu_run_set_string (&data->name, run_id);

  data->pue = EIT_PUE;
  data->samples = st->samples;
  data->duration_s = st->end_t - st->first_t;
  _hu_run_set_start (data, st->first_t, FALSE);
  if (st->any_cpu)
    data->cpu_energy_kwh = st->cpu_j / 3.6e6 * EIT_PUE;
  if (st->any_gpu)
    data->gpu_energy_kwh = st->gpu_j / 3.6e6 * EIT_PUE;
  if (st->any_cpu || st->any_gpu)
    data->energy_kwh = (st->cpu_j + st->gpu_j) / 3.6e6 * EIT_PUE;
  if (st->gpu_count > 0)
    data->gpu_count = st->gpu_count;

  if (st->co2_kwh > 0)
    {
      data->intensity_g_per_kwh = st->co2_g / st->co2_kwh;
      if (isfinite (data->energy_kwh))
        data->emissions_kg = data->energy_kwh * data->intensity_g_per_kwh / 1000.0;
    }

  /* The count is formatted first: a G_GUINT64_FORMAT inside a
   * translatable string cannot be extracted by xgettext. */
  samples = g_strdup_printf ("%" G_GUINT64_FORMAT, st->samples);
  note = g_strdup_printf (_("Energy integrated from %s samples of the "
                            "attributable CPU (RAPL) and GPU (NVIDIA) power with the trapezoid "
                            "rule, then multiplied by experiment-impact-tracker’s PUE of 1.58. "
                            "info.pkl is not read."),
                          samples);
  _hu_run_add_note (data, note);

  if (st->any_cpu)
    _hu_run_add_series (data, _hu_series_builder_finish (cpu_series, st->first_t));
  if (st->any_gpu)
    _hu_run_add_series (data, _hu_series_builder_finish (gpu_series, st->first_t));
}

gboolean
_hu_import_eit (HuImportContext  *ctx,
                GInputStream     *stream,
                GError          **error)
{
  g_autoptr(HuLineReader) reader = _hu_line_reader_new (stream, ctx);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(HuSeriesBuilder) cpu_series = _hu_series_builder_new ("cpu");
  g_autoptr(HuSeriesBuilder) gpu_series = _hu_series_builder_new ("gpu");
  State st = { 0 };
  HuLine line;

  st.last_cpu = st.last_gpu = st.last_ci = NAN;

  for (;;)
    {
      g_autoptr(GError) parse_error = NULL;
      JsonNode *root;

      if (!_hu_line_reader_next (reader, &line, error))
        return FALSE;
      if (line.text == NULL)
        break;
      if (line.len == 0)
        continue;

      /* json-glib recurses once per level: check before it sees the line. */
      if (!_hu_json_check_depth (line.text, line.len, HU_JSON_MAX_DEPTH, NULL, NULL))
        {
          _hu_import_skip (ctx, line.number,
                           _("arrays and objects nested deeper than %u levels"),
                           HU_JSON_MAX_DEPTH);
          continue;
        }

      if (!json_parser_load_from_data (parser, line.text, line.len, &parse_error))
        {
          _hu_import_skip (ctx, line.number, _("not a JSON object: %s"), parse_error->message);
          continue;
        }
      root = json_parser_get_root (parser);
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)
          || !isfinite (member_number (json_node_get_object (root), "timestamp")))
        {
          _hu_import_skip (ctx, line.number, _("sample without a timestamp"));
          continue;
        }
      add_sample (&st, json_node_get_object (root), cpu_series, gpu_series);
    }

  if (st.samples == 0)
    {
      _hu_import_skip (ctx, 0, _("no samples"));
      return TRUE;
    }
  finish (ctx, &st, cpu_series, gpu_series);
  return TRUE;
}
