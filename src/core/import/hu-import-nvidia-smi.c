/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nvidia-smi --query-gpu=timestamp,index,power.draw[,…] --format=csv[,nounits]
 *
 * One row per GPU per sample, ", " between fields, units in the header and
 * (without nounits) after each value. We integrate W × Δt per GPU with the
 * trapezoid rule. "[N/A]" values and pauses longer than five times the
 * GPU's usual sampling interval are gaps: reported, never bridged, because
 * drawing a straight line across an hour without data invents energy.
 *
 * Rows are short (about 37 bytes) and a log can hold tens of millions of
 * them, so the usual row takes a fast path: the line is read in place and
 * only the timestamp, index, power (and name) fields are parsed, by hand,
 * without splitting or allocating. The fast path only accepts rows whose
 * meaning is beyond doubt (no quotes, "YYYY/MM/DD HH:MM:SS.mmm", a plain
 * decimal number of watts); it has no side effects when it declines, and
 * every other line goes through the generic CSV path, so both give the
 * same numbers, bit for bit, and the same skipped lines.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hu-import-private.h"
#include "hu-util-private.h"
#include "hu-number.h"

#define MAX_GPUS 64
/* Intervals looked at before the usual one (their median) is trusted. */
#define N_PROBE 16
#define GAP_FACTOR 5.0
/* Watts with more significant digits than this take the g_ascii_strtod
 * path: below it, mantissa / 10^k is exact over exact, hence correctly
 * rounded, hence the same double strtod gives. */
#define FAST_MAX_DIGITS 15

typedef struct {
  double t;
  double w;       /* NAN: a gap ("[N/A]") */
  guint  line;
} Sample;

typedef struct {
  char            *index;
  gsize            index_len;
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
  /* "[N/A]" rows: each stretch of them between two samples is one gap of
   * the note, as the skipped-lines list calls each "a gap" (issue 10
   * item 12), and its time is counted with the gaps' time. */
  guint            na_samples;
  gboolean         in_na;
  double           na_from;
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
  guint            next_gpu;   /* where find_gpu() looks first */
  gboolean         fast;       /* the header allows the fast path */
  /* The fast path's timestamp cache: "YYYY/MM/DD HH:MM" → seconds. */
  char             minute_key[16];
  double           minute_s;
  gboolean         have_minute;
  double           frac[1000]; /* ".mmm" as _hu_parse_timestamp() adds it */
  double           first_t;
  double           last_t;
  guint64          samples;
} Importer;

/* Every skipped row is counted; the import keeps the first ones to list
 * (HU_IMPORT_MAX_SKIPPED), so a damaged log holds no message per row. */
static void
report (Importer   *self,
        guint       line,
        const char *reason)
{
  _hu_import_skip (self->ctx, line, "%s", reason);
}

/* A row that is a gap in the samples, told apart from unreadable ones. */
static void
report_gap (Importer   *self,
            guint       line,
            const char *reason)
{
  _hu_import_gap (self->ctx, line, "%s", reason);
}

static void
gpu_free (Gpu *gpu)
{
  g_free (gpu->index);
  g_free (gpu->name);
  _hu_series_builder_free (gpu->series);
  g_free (gpu);
}

static void
integrate (Importer     *self,
           Gpu          *gpu,
           const Sample *s)
{
  if (isnan (s->w))
    {
      gpu->na_samples++;
      if (gpu->have_last && !gpu->in_na)
        {
          gpu->in_na = TRUE;
          gpu->na_from = gpu->last.t;
        }
      gpu->have_last = FALSE;
      return;
    }
  _hu_series_builder_add (gpu->series, s->t, s->w);
  if (gpu->in_na)
    {
      gpu->in_na = FALSE;
      gpu->gaps++;
      gpu->gap_s += s->t - gpu->na_from;
    }

  if (gpu->have_last)
    {
      double dt = s->t - gpu->last.t;

      if (gpu->median > 0 && dt > GAP_FACTOR * gpu->median)
        {
          /* Times as every other one reads: "2.31 s", "1 min". */
          g_autofree char *gap = hu_format_duration (dt / 3600);
          g_autofree char *usual = hu_format_duration (gpu->median / 3600);
          g_autofree char *reason =
            g_strdup_printf (_("GPU %s: %s without samples (usual interval %s), not bridged"),
                             gpu->index, gap, usual);
          gpu->gaps++;
          gpu->gap_s += dt;
          report_gap (self, s->line, reason);
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
      qsort (dts, n, sizeof (double), _hu_compare_doubles);
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
          gsize       len,
          guint       line)
{
  guint i = self->next_gpu;

  /* Rows usually cycle through the GPUs in order. */
  if (i < self->n_gpus && self->gpus[i]->index_len == len
      && memcmp (self->gpus[i]->index, index, len) == 0)
    {
      self->next_gpu = i + 1 < self->n_gpus ? i + 1 : 0;
      return self->gpus[i];
    }
  for (i = 0; i < self->n_gpus; i++)
    if (self->gpus[i]->index_len == len && memcmp (self->gpus[i]->index, index, len) == 0)
      {
        self->next_gpu = i + 1 < self->n_gpus ? i + 1 : 0;
        return self->gpus[i];
      }

  if (self->n_gpus == MAX_GPUS)
    {
      report (self, line, _("more than 64 GPU indices; row ignored"));
      return NULL;
    }
  {
    Gpu *gpu = g_new0 (Gpu, 1);
    g_autofree char *label = NULL;
    gpu->index = g_strndup (index, len);
    gpu->index_len = len;
    label = g_strdup_printf ("GPU %s", gpu->index);
    gpu->series = _hu_series_builder_new (label);
    self->gpus[self->n_gpus++] = gpu;
    self->next_gpu = 0;
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

/* What both paths do with a row once its fields are known to be good.
 * name is the raw name field (trimmed here), or NULL. */
static void
add_sample (Importer   *self,
            Sample     *s,
            const char *index,
            gsize       index_len,
            const char *name,
            gsize       name_len)
{
  Gpu *gpu = find_gpu (self, index, index_len, s->line);

  if (gpu == NULL)
    return;
  if (gpu->name == NULL && name != NULL)
    {
      g_autofree char *raw = g_strndup (name, name_len);
      gpu->name = g_strdup (trim (raw));
    }

  if (isnan (s->w))
    report_gap (self, s->line, _("power.draw is [N/A]: a gap"));
  else
    {
      if (self->samples == 0 || s->t < self->first_t)
        self->first_t = s->t;
      if (self->samples == 0 || s->t > self->last_t)
        self->last_t = s->t;
      self->samples++;
    }

  if (gpu->median == 0)
    {
      gpu->probe[gpu->n_probe++] = *s;
      if (gpu->n_probe == N_PROBE + 1)
        settle (self, gpu);
    }
  else
    integrate (self, gpu, s);
}

static void
handle_row (Importer    *self,
            HuCsvRecord *record)
{
  Sample s;
  gboolean has_zone;
  const char *index, *name = NULL;

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
  if (self->col_name >= 0)
    name = record->fields[self->col_name];
  add_sample (self, &s, index, strlen (index), name, name != NULL ? strlen (name) : 0);
}

/* ---------------------------------------------------------------------- */
/* The fast path. Each parser starts at a field, accepts only what the
 * generic path surely reads the same way, and leaves *p on the byte that
 * ends the field (',' or NUL); FALSE sends the line to the generic path. */

static inline const char *
skip_spaces (const char *p)
{
  while (*p == ' ')
    p++;
  return p;
}

static inline gboolean
is_digit (char c)
{
  return (guint) (c - '0') < 10;
}

static inline int
two_digits (const char *p)
{
  return (p[0] - '0') * 10 + (p[1] - '0');
}

/* "YYYY/MM/DD HH:MM:SS.mmm"; end is the NUL that ends the line. */
static gboolean
fast_timestamp (Importer    *self,
                const char **pp,
                const char  *end,
                double      *t)
{
  const char *p = skip_spaces (*pp);
  int s, ms;

  if (end - p < 23)
    return FALSE;
  if (!self->have_minute || memcmp (p, self->minute_key, 16) != 0)
    {
      /* Once a minute: the generic parser on "YYYY/MM/DD HH:MM:00" gives
       * the whole seconds up to the minute, an integer, exact. */
      char minute[20];
      gboolean has_zone;

      memcpy (minute, p, 16);
      memcpy (minute + 16, ":00", 4);
      if (memchr (minute, '\0', 16) != NULL
          || !_hu_parse_timestamp (minute, &self->minute_s, &has_zone) || has_zone)
        {
          self->have_minute = FALSE;
          return FALSE;
        }
      memcpy (self->minute_key, p, 16);
      self->have_minute = TRUE;
    }
  p += 16;
  if (p[0] != ':' || !is_digit (p[1]) || !is_digit (p[2]) || p[3] != '.'
      || !is_digit (p[4]) || !is_digit (p[5]) || !is_digit (p[6]))
    return FALSE;
  s = two_digits (p + 1);
  if (s > 60)
    return FALSE;
  ms = (p[4] - '0') * 100 + two_digits (p + 5);
  p = skip_spaces (p + 7);
  if (*p != ',' && *p != '\0')
    return FALSE;
  /* As _hu_parse_timestamp() sums it: whole seconds, exact, then .mmm. */
  *t = (self->minute_s + s) + self->frac[ms];
  *pp = p;
  return TRUE;
}

/* "208.36 W", "208.36", "[N/A]" */
static gboolean
fast_watts (const char **pp,
            double      *w)
{
  static const double pow10[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
  };
  const char *p = skip_spaces (*pp);
  guint64 m = 0;
  guint n_digits = 0, n_frac = 0;

  if (*p == '[')
    {
      /* Anything in brackets is a gap, as in parse_watts(). */
      while (*p != ',' && *p != '\0' && *p != '"')
        p++;
      if (*p == '"')
        return FALSE;
      *w = NAN;
      *pp = p;
      return TRUE;
    }

  for (; is_digit (*p); p++, n_digits++)
    m = m * 10 + (guint64) (*p - '0');
  if (n_digits == 0)
    return FALSE;
  if (*p == '.')
    {
      p++;
      if (!is_digit (*p))
        return FALSE;
      for (; is_digit (*p); p++, n_frac++)
        m = m * 10 + (guint64) (*p - '0');
    }
  if (n_digits + n_frac > FAST_MAX_DIGITS)
    return FALSE;
  if (*p == ' ')
    {
      p = skip_spaces (p);
      if (*p == 'W')
        p = skip_spaces (p + 1);
    }
  if (*p != ',' && *p != '\0')
    return FALSE;

  *w = (double) m / pow10[n_frac];
  if (*w >= 1e6)
    return FALSE;
  *pp = p;
  return TRUE;
}

/* A token without spaces inside: "0", "GPU-5f1c…", "00000000:1B:00.0". */
static gboolean
fast_token (const char **pp,
            const char **start,
            gsize       *len)
{
  const char *p = skip_spaces (*pp);

  *start = p;
  while ((guchar) *p > ' ' && *p != ',' && *p != '"' && *p != 0x7f)
    p++;
  *len = p - *start;
  p = skip_spaces (p);
  if (*len == 0 || (*p != ',' && *p != '\0'))
    return FALSE;
  *pp = p;
  return TRUE;
}

static gboolean
fast_skip (const char **pp)
{
  const char *p = *pp;

  while (*p != ',' && *p != '\0')
    if (*p++ == '"')
      return FALSE;
  *pp = p;
  return TRUE;
}

/* TRUE when the line was a good row and has been taken in. */
static gboolean
fast_row (Importer   *self,
          const char *text,
          gsize       len,
          guint       number)
{
  const char *p = text;
  const char *index = "0", *name = NULL;
  gsize index_len = 1, name_len = 0;
  Sample s;

  for (int i = 0; i < (int) self->n_fields; i++)
    {
      const char *start;

      if (i > 0)
        {
          if (*p != ',')
            return FALSE;
          p++;
        }
      start = p;
      if (i == self->col_time)
        {
          if (!fast_timestamp (self, &p, text + len, &s.t))
            return FALSE;
        }
      else if (i == self->col_power)
        {
          if (!fast_watts (&p, &s.w))
            return FALSE;
        }
      else if (i == self->col_index)
        {
          if (!fast_token (&p, &index, &index_len))
            return FALSE;
        }
      else if (!fast_skip (&p))
        return FALSE;
      /* Without a header, "name" may share a column with the timestamp or
       * the index (not the power: see fast_init()). */
      if (i == self->col_name)
        {
          name = start;
          name_len = p - start;
        }
    }
  /* Also refuses a NUL inside the line. */
  if (p != text + len)
    return FALSE;

  s.line = number;
  add_sample (self, &s, index, index_len, name, name_len);
  return TRUE;
}

static void
fast_init (Importer *self)
{
  /* A first line with "name" but no "timestamp" is taken for a row, and
   * "name" may then be the power column, whose " W" parse_watts() cuts
   * off in place before the name is read: leave that to the slow path. */
  self->fast = self->n_fields >= 2 && self->n_fields <= HU_CSV_MAX_FIELDS
               && self->col_name != self->col_power;
  /* The fraction exactly as _hu_parse_timestamp() sums it. */
  for (int ms = 0; ms < 1000; ms++)
    {
      char digits[3] = { '0' + ms / 100, '0' + ms / 10 % 10, '0' + ms % 10 };
      double frac = 0, scale = 0.1;
      for (guint i = 0; i < 3; i++)
        {
          frac += (digits[i] - '0') * scale;
          scale /= 10;
        }
      self->frac[ms] = frac;
    }
}

static void
finish (Importer *self)
{
  HuMeasuredRun *run;
  HuRunData *data;
  double joules = 0, gap_s = 0;
  guint gaps = 0, na_samples = 0;
  g_autofree char *note = NULL;
  g_autofree char *run_id = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  gboolean named = TRUE;

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
      na_samples += gpu->na_samples;
      if (gpu->name != NULL)
        {
          g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", gpu->name);
          if (data->gpu_model == NULL)
            _hu_run_set_string (&data->gpu_model, gpu->name);
        }
      else
        named = FALSE;
      if (_hu_series_builder_get_samples (gpu->series) > 0)
        _hu_run_add_series (data, _hu_series_builder_finish (gpu->series, self->first_t));
    }

  /* All named, the GPUs are grouped by model ("NVIDIA H100 × 2");
   * otherwise the first name found stands for them. */
  if (named && names->len > 0)
    _hu_run_set_devices (&data->gpu_model, &data->gpu_count, names->str);
  data->gpu_count = self->n_gpus;
  data->energy_kwh = data->gpu_energy_kwh = joules / 3.6e6;
  data->duration_s = self->last_t - self->first_t;
  data->samples = self->samples;
  _hu_run_set_start (data, self->first_t, TRUE);

  /* A clean log has nothing to say about gaps: no "0 gaps (0 s)". */
  if (gaps == 0)
    note = g_strdup (_("GPU board power only, integrated per GPU with the trapezoid rule."));
  else
    note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "GPU board power only, integrated per GPU with the "
                                         "trapezoid rule; %u gap (%.0f s) left out, not bridged.",
                                         "GPU board power only, integrated per GPU with the "
                                         "trapezoid rule; %u gaps (%.0f s) left out, not bridged.",
                                         gaps), gaps, gap_s);
  _hu_run_add_note (data, note);
  if (na_samples > 0)
    {
      g_autofree char *na_note =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u sample read [N/A]; its line is listed as skipped.",
                                      "%u samples read [N/A]; their lines are listed as skipped.",
                                      na_samples), na_samples);
      _hu_run_add_note (data, na_note);
    }
}

gboolean
_hu_import_nvidia_smi (HuImportContext  *ctx,
                       GInputStream     *stream,
                       GError          **error)
{
  g_autoptr(HuLineReader) lines = _hu_line_reader_new (stream, ctx);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree Importer *self = g_new0 (Importer, 1);
  HuCsvRecord record;
  HuLine line;
  gboolean have_header = FALSE;
  gboolean ok = TRUE;

  self->ctx = ctx;
  self->col_time = self->col_index = self->col_power = self->col_name = -1;

  for (;;)
    {
      if (!_hu_line_reader_read (lines, &line, error))
        {
          ok = FALSE;
          break;
        }
      if (line.text == NULL)
        break;
      if (line.too_long)
        {
          report (self, line.number, _("line too long"));
          continue;
        }
      if (self->fast && fast_row (self, line.text, line.len, line.number))
        continue;

      if (!_hu_csv_record_from_line (lines, &line, joined, ',', &record, error))
        {
          ok = FALSE;
          break;
        }
      if (record.blank)
        continue;
      if (!have_header)
        {
          have_header = TRUE;
          if (read_header (self, &record))
            {
              fast_init (self);
              continue;
            }
          /* --format=csv,noheader: the usual query order. */
          self->n_fields = record.n_fields;
          self->col_time = 0;
          self->col_index = record.n_fields >= 3 ? 1 : -1;
          self->col_power = record.n_fields >= 3 ? 2 : 1;
          if (record.n_fields < 2)
            {
              g_set_error (error, HU_IMPORT_ERROR, HU_IMPORT_ERROR_INVALID,
                           _("%s:%u: no timestamp and power.draw columns"), ctx->display,
                           record.number);
              ok = FALSE;
              break;
            }
          fast_init (self);
        }
      handle_row (self, &record);
    }

  if (ok)
    finish (self);
  for (guint i = 0; i < self->n_gpus; i++)
    gpu_free (self->gpus[i]);
  return ok;
}
