/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Eco2AI emission.csv (TRACKERS.md §4).
 *
 * Two kinds of rows share one file: start()/stop() rows, rewritten in place
 * with cumulative totals (one row per id), and training-mode rows, one per
 * epoch with that epoch's own consumption (to be summed per id). The
 * epoch column tells them apart: empty or "N/A" for the first kind,
 * "epoch: N, …" for the second.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hu-import-private.h"

enum {
  COL_ID,
  COL_PROJECT,
  COL_DESCRIPTION,
  COL_EPOCH,
  COL_START,
  COL_DURATION,
  COL_ENERGY,
  COL_CO2,
  COL_CPU,
  COL_GPU,
  COL_REGION,
  N_COLS
};

typedef struct {
  HuMeasuredRun *run;
  guint          rows;
  guint          epochs;
  double         start;
  /* cumulative rows: the longest one */
  double         best_duration;
  double         best_energy;
  double         best_co2;
  /* epoch rows: sums of what is known */
  double         sum_duration;
  double         sum_energy;
  double         sum_co2;
  guint          unknown_parts;
} Agg;

typedef struct {
  HuImportContext *ctx;
  int              col[N_COLS];
  guint            n_header;
  const char      *version;
  GPtrArray       *aggs;
  GHashTable      *by_id;
} Importer;

static const char *
field (const Importer    *self,
       const HuCsvRecord *record,
       int                which)
{
  int i = self->col[which];
  return i < 0 ? "" : record->fields[i];
}

/* Eco2AI writes "N/A", pandas turns it into an empty field: both unknown. */
static gboolean
number (const char *text,
        double     *out)
{
  const char *p = text;

  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "N/A"))
    {
      for (p += 3; *p == ' '; p++)
        ;
      if (*p == '\0')
        {
          *out = NAN;
          return TRUE;
        }
    }
  return _hu_parse_number (text, out);
}

static gboolean
read_header (Importer           *self,
             const HuCsvRecord  *header,
             GError            **error)
{
  static const char * const names[N_COLS] = {
    "id", "project_name", "experiment_description", "epoch", "start_time", "duration(s)",
    "power_consumption(kWh)", "CO2_emissions(kg)", "CPU_name", "GPU_name", "region/country",
  };

  for (int i = 0; i < N_COLS; i++)
    self->col[i] = _hu_csv_column (header, names[i]);
  if (self->col[COL_ENERGY] < 0)
    {
      /* Aug 2022 files spell the unit kWTh (§4 header history). */
      self->col[COL_ENERGY] = _hu_csv_column (header, "power_consumption(kWTh)");
      self->version = "0.2.x (2022)";
    }
  if (self->col[COL_DESCRIPTION] < 0)
    self->col[COL_DESCRIPTION] = _hu_csv_column (header, "experiment_description(model type etc.)");
  if (self->col[COL_ID] < 0)
    self->version = "≤ 0.2.2";
  self->n_header = header->n_fields;

  if (self->col[COL_DURATION] < 0 || self->col[COL_ENERGY] < 0)
    {
      g_set_error (error, HU_IMPORT_ERROR, HU_IMPORT_ERROR_INVALID,
                   _("%s:%u: not an Eco2AI header (no “duration(s)” or “power_consumption” "
                     "column)"), self->ctx->display, header->number);
      return FALSE;
    }
  return TRUE;
}

/* "Tesla V100-PCIE-32GB 1 device(s)" → model, count. " 0 device(s)" and
 * "CPU 0 device(s)" mean no GPU. */
static void
parse_gpu (HuRunData  *data,
           const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *suffix = strstr (copy, " device(s)");
  char *space;

  if (suffix == NULL)
    {
      _hu_run_set_string (&data->gpu_model, copy);
      return;
    }
  *suffix = '\0';
  space = strrchr (copy, ' ');
  data->gpu_count = g_ascii_strtod (space ? space + 1 : copy, NULL);
  if (space != NULL)
    *space = '\0';
  else
    *copy = '\0';
  if (data->gpu_count > 0)
    _hu_run_set_string (&data->gpu_model, copy);
}

static void
fill_metadata (Importer          *self,
               HuRunData         *data,
               const HuCsvRecord *record)
{
  const char *cpu = field (self, record, COL_CPU);
  const char *slash = strchr (cpu, '/');
  const char *region = field (self, record, COL_REGION);
  const char *rslash = strchr (region, '/');

  _hu_run_set_string (&data->source_version, self->version);
  _hu_run_set_string (&data->run_id, field (self, record, COL_ID));
  _hu_run_set_string (&data->name, field (self, record, COL_PROJECT));
  _hu_run_set_string (&data->notes, field (self, record, COL_DESCRIPTION));

  /* "Intel(R) Xeon(R) … @ 2.60GHz/1 device(s), TDP:185.0" */
  if (slash != NULL)
    {
      g_autofree char *model = g_strndup (cpu, slash - cpu);
      _hu_run_set_string (&data->cpu_model, model);
    }
  else
    _hu_run_set_string (&data->cpu_model, cpu);

  if (self->col[COL_GPU] >= 0)
    parse_gpu (data, field (self, record, COL_GPU));

  /* "DE/Bavaria": ISO country, then region. */
  if (rslash != NULL)
    {
      g_autofree char *country = g_strndup (region, rslash - region);
      _hu_run_set_string (&data->country, country);
      _hu_run_set_string (&data->region, rslash + 1);
    }
  else
    _hu_run_set_string (&data->country, region);
}

static void
finish_agg (Agg *agg)
{
  HuRunData *data = hu_measured_run_get_data (agg->run);

  if (agg->epochs > 0)
    {
      data->duration_s = agg->sum_duration;
      data->energy_kwh = agg->sum_energy;
      data->emissions_kg = agg->sum_co2;
      data->samples = agg->epochs;
      if (agg->unknown_parts > 0)
        _hu_run_add_note (data, _("Some epochs had unknown values; totals are partial."));
    }
  else
    {
      data->duration_s = agg->best_duration;
      data->energy_kwh = agg->best_energy;
      data->emissions_kg = agg->best_co2;
      data->samples = agg->rows;
    }
  _hu_run_derive_intensity (data);
  if (isfinite (agg->start))
    _hu_run_set_start (data, agg->start, TRUE);
}

static void
handle_row (Importer    *self,
            HuCsvRecord *record)
{
  HuImportContext *ctx = self->ctx;
  const char *id;
  const char *epoch;
  double start = NAN, duration, energy, co2;
  gboolean has_zone;
  Agg *agg = NULL;

  if (record->n_fields != self->n_header)
    {
      _hu_import_skip (ctx, record->number, _("expected %u fields, found %u"),
                       self->n_header, MIN (record->n_fields, HU_CSV_MAX_FIELDS));
      return;
    }
  /* Only now do the fields of this record exist. */
  id = field (self, record, COL_ID);
  epoch = field (self, record, COL_EPOCH);
  while (*epoch == ' ')
    epoch++;

  if (self->col[COL_START] >= 0
      && !_hu_parse_timestamp (field (self, record, COL_START), &start, &has_zone))
    {
      g_autofree char *shown = _hu_shorten (field (self, record, COL_START));
      _hu_import_skip (ctx, record->number, _("bad start_time “%s”"), shown);
      return;
    }
  if (!number (field (self, record, COL_DURATION), &duration)
      || !number (field (self, record, COL_ENERGY), &energy)
      || !number (field (self, record, COL_CO2), &co2))
    {
      _hu_import_skip (ctx, record->number, _("duration, energy or CO₂ is not a number"));
      return;
    }

  if (*id != '\0')
    agg = g_hash_table_lookup (self->by_id, id);
  if (agg == NULL)
    {
      agg = g_new0 (Agg, 1);
      agg->run = _hu_import_add_run (ctx, "eco2ai", record->number);
      agg->start = start;
      agg->best_duration = agg->best_energy = agg->best_co2 = NAN;
      fill_metadata (self, hu_measured_run_get_data (agg->run), record);
      g_ptr_array_add (self->aggs, agg);
      if (*id != '\0')
        g_hash_table_insert (self->by_id, g_strdup (id), agg);
    }
  agg->rows++;
  if (isfinite (start) && !(start >= agg->start))
    agg->start = start;

  if (g_str_has_prefix (epoch, "epoch"))
    {
      agg->epochs++;
      agg->unknown_parts += isnan (duration) + isnan (energy) + isnan (co2);
      agg->sum_duration += isfinite (duration) ? duration : 0;
      agg->sum_energy += isfinite (energy) ? energy : 0;
      agg->sum_co2 += isfinite (co2) ? co2 : 0;
    }
  else if (isnan (agg->best_duration) || duration > agg->best_duration)
    {
      agg->best_duration = duration;
      agg->best_energy = energy;
      agg->best_co2 = co2;
    }

  /* A row without an id can be joined by no other: it is finished now,
   * not held to the end of the file (memory stays flat in the rows). */
  if (*id == '\0')
    {
      finish_agg (agg);
      _hu_import_finish_run (ctx, agg->run);
      g_ptr_array_remove_index (self->aggs, self->aggs->len - 1);
    }
}

gboolean
_hu_import_eco2ai (HuImportContext  *ctx,
                   GInputStream     *stream,
                   GError          **error)
{
  g_autoptr(HuCsvReader) reader = _hu_csv_reader_new (stream, ',', ctx);
  g_autoptr(GPtrArray) aggs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Importer self = { ctx, { 0 }, 0, NULL, aggs, by_id };
  HuCsvRecord record;
  gboolean eof = FALSE, have_header = FALSE;

  while (!eof)
    {
      if (!_hu_csv_reader_read (reader, &record, &eof, error))
        return FALSE;
      if (eof)
        continue;
      if (!have_header)
        {
          if (!read_header (&self, &record, error))
            return FALSE;
          have_header = TRUE;
          continue;
        }
      if (record.unbalanced)
        {
          _hu_import_skip (ctx, record.number, _("unbalanced quotes"));
          continue;
        }
      handle_row (&self, &record);
    }

  for (guint i = 0; i < aggs->len; i++)
    finish_agg (g_ptr_array_index (aggs, i));
  return TRUE;
}
