/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nvidia-smi --query-gpu=timestamp,index,power.draw[,…] --format=csv[,nounits]
 *
 * One row per GPU per sample, ", " between fields, units in the header and
 * (without nounits) after each value. We integrate W × Δt per GPU with the
 * trapezoid rule. "[N/A]" values and pauses longer than five times the
 * GPU's usual sampling interval are gaps: reported, never bridged, because
 * drawing a straight line across an hour without data invents energy.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hu-import-private.h"

#define MAX_GPUS 64
/* Intervals looked at before the usual one (their median) is trusted. */
#define N_PROBE 16
#define GAP_FACTOR 5.0
/* Beyond this many, gaps and bad rows are only counted. */
#define MAX_REPORTED 100

typedef struct {
  double t;
  double w;       /* NAN: a gap ("[N/A]") */
  guint  line;
} Sample;

typedef struct {
  char            *index;
  char            *name;
  HuSeriesBuilder *series;
  Sample           probe[N_PROBE + 1];
  guint            n_probe;
  double           median;    /* 0 until known */
  gboolean         have_last;
  Sample           last;
  double           joules;
  guint            gaps;
  double           gap_s;
} Gpu;

typedef struct {
  HuImportContext *ctx;
  int              col_time;
  int              col_index;
  int              col_power;
  int              col_name;
  guint            n_fields;
  Gpu             *gpus[MAX_GPUS];
  guint            n_gpus;
  double           first_t;
  double           last_t;
  guint64          samples;
  guint            reported;
  guint            unreported;
} Importer;

static void
report (Importer   *self,
        guint       line,
        const char *reason)
{
  if (self->reported < MAX_REPORTED)
    {
      self->reported++;
      _hu_import_skip (self->ctx, line, "%s", reason);
    }
  else
    self->unreported++;
}

static void
gpu_free (Gpu *gpu)
{
  g_free (gpu->index);
  g_free (gpu->name);
  _hu_series_builder_free (gpu->series);
  g_free (gpu);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
integrate (Importer     *self,
           Gpu          *gpu,
           const Sample *s)
{
  if (isnan (s->w))
    {
      gpu->have_last = FALSE;
      return;
    }
  _hu_series_builder_add (gpu->series, s->t, s->w);

  if (gpu->have_last)
    {
      double dt = s->t - gpu->last.t;

      if (gpu->median > 0 && dt > GAP_FACTOR * gpu->median)
        {
          g_autofree char *reason =
            g_strdup_printf (_("GPU %s: %.1f s without samples (usual interval %.3f s), "
                               "not bridged"), gpu->index, dt, gpu->median);
          gpu->gaps++;
          gpu->gap_s += dt;
          report (self, s->line, reason);
        }
      else if (dt > 0)
        gpu->joules += (s->w + gpu->last.w) / 2 * dt;
    }
  gpu->have_last = TRUE;
  gpu->last = *s;
}

/* The usual interval is the median of the first ones: cheap, and robust
 * against the gap we are trying to find. */
static void
settle (Importer *self,
        Gpu      *gpu)
{
  double dts[N_PROBE];
  guint n = 0;

  for (guint i = 1; i < gpu->n_probe; i++)
    {
      double dt = gpu->probe[i].t - gpu->probe[i - 1].t;
      if (dt > 0 && !isnan (gpu->probe[i].w) && !isnan (gpu->probe[i - 1].w))
        dts[n++] = dt;
    }
  if (n > 0)
    {
      qsort (dts, n, sizeof (double), compare_doubles);
      gpu->median = dts[n / 2];
    }
  else
    gpu->median = G_MAXDOUBLE / 16;

  for (guint i = 0; i < gpu->n_probe; i++)
    integrate (self, gpu, &gpu->probe[i]);
  gpu->n_probe = 0;
}

static Gpu *
find_gpu (Importer   *self,
          const char *index,
          guint       line)
{
  for (guint i = 0; i < self->n_gpus; i++)
    if (strcmp (self->gpus[i]->index, index) == 0)
      return self->gpus[i];

  if (self->n_gpus == MAX_GPUS)
    {
      report (self, line, _("more than 64 GPU indices; row ignored"));
      return NULL;
    }
  {
    Gpu *gpu = g_new0 (Gpu, 1);
    g_autofree char *label = g_strdup_printf ("GPU %s", index);
    gpu->index = g_strdup (index);
    gpu->series = _hu_series_builder_new (label);
    self->gpus[self->n_gpus++] = gpu;
    return gpu;
  }
}

static char *
trim (char *text)
{
  while (*text == ' ' || *text == '\t')
    text++;
  return g_strchomp (text);
}

/* "208.36 W", "208.36", "[N/A]", "[Not Supported]". */
static gboolean
parse_watts (char   *text,
             double *watts)
{
  gsize len = strlen (text);

  if (*text == '[')
    {
      *watts = NAN;
      return TRUE;
    }
  if (len > 2 && g_str_has_suffix (text, " W"))
    text[len - 2] = '\0';
  return _hu_parse_number (text, watts) && !isnan (*watts) && *watts >= 0 && *watts < 1e6;
}

static gboolean
read_header (Importer    *self,
             HuCsvRecord *record)
{
  self->col_time = self->col_index = self->col_power = self->col_name = -1;

  for (guint i = 0; i < record->n_fields && i < HU_CSV_MAX_FIELDS; i++)
    {
      const char *name = trim (record->fields[i]);

      if (strcmp (name, "timestamp") == 0)
        self->col_time = i;
      else if (strcmp (name, "index") == 0 || (self->col_index < 0 && (strcmp (name, "uuid") == 0
                                               || strcmp (name, "pci.bus_id") == 0)))
        self->col_index = i;
      else if (strcmp (name, "name") == 0)
        self->col_name = i;
      else if (g_str_has_prefix (name, "power.draw [") || strcmp (name, "power.draw") == 0)
        self->col_power = i;
      /* Newer drivers: prefer the instantaneous reading to the 1 s average. */
      else if (g_str_has_prefix (name, "power.draw.instant") && self->col_power < 0)
        self->col_power = i;
      else if (g_str_has_prefix (name, "power.draw.average") && self->col_power < 0)
        self->col_power = i;
    }
  self->n_fields = record->n_fields;
  return self->col_time >= 0 && self->col_power >= 0;
}

static void
handle_row (Importer    *self,
            HuCsvRecord *record)
{
  Sample s;
  gboolean has_zone;
  const char *index;
  Gpu *gpu;

  if (record->n_fields != self->n_fields)
    {
      report (self, record->number, _("wrong number of fields"));
      return;
    }
  if (!_hu_parse_timestamp (trim (record->fields[self->col_time]), &s.t, &has_zone))
    {
      report (self, record->number, _("bad timestamp"));
      return;
    }
  if (!parse_watts (trim (record->fields[self->col_power]), &s.w))
    {
      report (self, record->number, _("power.draw is not a number of watts"));
      return;
    }
  s.line = record->number;
  index = self->col_index >= 0 ? trim (record->fields[self->col_index]) : "0";
  gpu = find_gpu (self, index, record->number);
  if (gpu == NULL)
    return;
  if (gpu->name == NULL && self->col_name >= 0)
    gpu->name = g_strdup (trim (record->fields[self->col_name]));

  if (isnan (s.w))
    report (self, record->number, _("power.draw is [N/A]: a gap"));
  else
    {
      if (self->samples == 0 || s.t < self->first_t)
        self->first_t = s.t;
      if (self->samples == 0 || s.t > self->last_t)
        self->last_t = s.t;
      self->samples++;
    }

  if (gpu->median == 0)
    {
      gpu->probe[gpu->n_probe++] = s;
      if (gpu->n_probe == N_PROBE + 1)
        settle (self, gpu);
    }
  else
    integrate (self, gpu, &s);
}

static void
finish (Importer *self)
{
  HuMeasuredRun *run;
  HuRunData *data;
  double joules = 0, gap_s = 0;
  guint gaps = 0;
  g_autofree char *note = NULL;
  g_autofree char *run_id = NULL;

  for (guint i = 0; i < self->n_gpus; i++)
    if (self->gpus[i]->median == 0)
      settle (self, self->gpus[i]);

  if (self->samples == 0)
    {
      _hu_import_skip (self->ctx, 0, _("no power samples"));
      return;
    }

  run = _hu_import_add_run (self->ctx, "nvidia-smi", 1);
  data = hu_measured_run_get_data (run);
  run_id = g_path_get_basename (self->ctx->display);
  _hu_run_set_string (&data->run_id, run_id);

  for (guint i = 0; i < self->n_gpus; i++)
    {
      Gpu *gpu = self->gpus[i];
      joules += gpu->joules;
      gaps += gpu->gaps;
      gap_s += gpu->gap_s;
      if (data->gpu_model == NULL)
        _hu_run_set_string (&data->gpu_model, gpu->name);
      if (_hu_series_builder_get_samples (gpu->series) > 0)
        _hu_run_add_series (data, _hu_series_builder_finish (gpu->series, self->first_t));
    }

  data->gpu_count = self->n_gpus;
  data->energy_kwh = data->gpu_energy_kwh = joules / 3.6e6;
  data->duration_s = self->last_t - self->first_t;
  data->samples = self->samples;
  g_free (data->start);
  data->start = _hu_format_timestamp (self->first_t, TRUE);
  data->start_is_local = TRUE;

  note = g_strdup_printf (_("GPU board power only, integrated per GPU with the trapezoid rule; "
                            "%u gaps (%.0f s) left out, not bridged."), gaps, gap_s);
  _hu_run_add_note (data, note);
  if (self->unreported > 0)
    _hu_import_skip (self->ctx, 0, _("%u more gaps or bad rows not listed"), self->unreported);
}

gboolean
_hu_import_nvidia_smi (HuImportContext  *ctx,
                       GInputStream     *stream,
                       GError          **error)
{
  g_autoptr(HuCsvReader) reader = _hu_csv_reader_new (stream, ',', ctx);
  Importer self = { ctx, -1, -1, -1, -1, 0, { NULL }, 0, 0, 0, 0, 0, 0 };
  HuCsvRecord record;
  gboolean eof = FALSE, have_header = FALSE;
  gboolean ok = TRUE;

  while (!eof)
    {
      if (!_hu_csv_reader_read (reader, &record, &eof, error))
        {
          ok = FALSE;
          break;
        }
      if (eof || record.blank)
        continue;
      if (record.too_long)
        {
          report (&self, record.number, _("line too long"));
          continue;
        }
      if (!have_header)
        {
          have_header = TRUE;
          if (read_header (&self, &record))
            continue;
          /* --format=csv,noheader: the usual query order. */
          self.n_fields = record.n_fields;
          self.col_time = 0;
          self.col_index = record.n_fields >= 3 ? 1 : -1;
          self.col_power = record.n_fields >= 3 ? 2 : 1;
          if (record.n_fields < 2)
            {
              g_set_error (error, HU_IMPORT_ERROR, HU_IMPORT_ERROR_INVALID,
                           _("%s:%u: no timestamp and power.draw columns"), ctx->display,
                           record.number);
              ok = FALSE;
              break;
            }
        }
      handle_row (&self, &record);
    }

  if (ok)
    finish (&self);
  for (guint i = 0; i < self.n_gpus; i++)
    gpu_free (self.gpus[i]);
  return ok;
}
