/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the importers: numbers, timestamps, runs, skips. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>

#include <glib/gi18n-lib.h>

#include "hu-import-private.h"
#include "hu-json-private.h"
#include "hu-measured-run-private.h"

G_DEFINE_QUARK (hu-import-error-quark, hu_import_error)

/* Opens @file for reading. Its type is checked on the open file (fstat),
 * not by the folder scan's earlier look: a FIFO or a device put in the
 * file's place since then is refused, and opening one does not block. */
GInputStream *
_hu_import_open (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;

  if (path != NULL)
    {
      struct stat st;
      int fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
      int flags;

      if (fd < 0)
        {
          int errsv = errno;
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                               g_strerror (errsv));
          return NULL;
        }
      if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode)
          || (flags = fcntl (fd, F_GETFL)) < 0 || fcntl (fd, F_SETFL, flags & ~O_NONBLOCK) < 0)
        {
          close (fd);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                               _("not a regular file (a folder, device, pipe or socket)"));
          return NULL;
        }
      return g_unix_input_stream_new (fd, TRUE);
    }

  /* Not on a local file system (GVFS): no FIFOs there, but the type is
   * still the open stream's. */
  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return NULL;
  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_TYPE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("not a regular file (a folder, device, pipe or socket)"));
      return NULL;
    }
  return G_INPUT_STREAM (g_steal_pointer (&in));
}

void
_hu_import_context_progress (HuImportContext *ctx,
                             guint64          file_done)
{
  guint64 done = ctx->base_done + file_done;

  if (ctx->progress == NULL)
    return;
  /* A file that grows while it is read must not push the bar past the end. */
  ctx->progress (MIN (done, ctx->total), ctx->total, ctx->user_data);
}

static void
add_skip (HuImportContext  *ctx,
          guint             line,
          HuImportSkipKind  kind,
          const char       *format,
          va_list           args)
{
  HuImportSkip *skip;

  if (!hu_import_result_count_skip (ctx->result, ctx->display, kind))
    return;
  skip = g_new0 (HuImportSkip, 1);
  skip->reason = g_strdup_vprintf (format, args);
  skip->file = g_strdup (ctx->display);
  skip->line = line;
  skip->kind = kind;
  g_ptr_array_add (ctx->result->skipped, skip);
}

void
_hu_import_skip (HuImportContext *ctx,
                 guint            line,
                 const char      *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  add_skip (ctx, line, HU_IMPORT_SKIP_UNREADABLE, format, args);
  va_end (args);
}

/* A line left out because it is a gap in the samples, not because it
 * could not be read. */
void
_hu_import_gap (HuImportContext *ctx,
                guint            line,
                const char      *format,
                ...)
{
  va_list args;

  va_start (args, format);
  add_skip (ctx, line, HU_IMPORT_SKIP_GAP, format, args);
  va_end (args);
}

gboolean
_hu_parse_number (const char *text,
                  double     *out)
{
  char *end = NULL;
  double value;

  while (*text == ' ' || *text == '\t')
    text++;
  if (*text == '\0')
    {
      *out = NAN;
      return TRUE;
    }

  value = g_ascii_strtod (text, &end);
  if (end == text)
    return FALSE;
  while (*end == ' ' || *end == '\t')
    end++;
  if (*end != '\0' || !isfinite (value))
    return FALSE;

  *out = value;
  return TRUE;
}

gboolean
_hu_number_syntax_ok (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  while (*p == ' ')
    p++;
  if (*p == '-' || *p == '+')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (!digits)
    return *p == '\0' && p == text + strspn (text, " ");
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '-' || *p == '+')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  while (*p == ' ')
    p++;
  return *p == '\0';
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static gint64
days_from_civil (gint64 y,
                 unsigned m,
                 unsigned d)
{
  gint64 era;
  unsigned yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (unsigned) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

static gboolean
digits (const char **p,
        guint        count,
        int         *out)
{
  int v = 0;

  for (guint i = 0; i < count; i++)
    {
      char c = (*p)[i];
      if (c < '0' || c > '9')
        return FALSE;
      v = v * 10 + (c - '0');
    }
  *p += count;
  *out = v;
  return TRUE;
}

gboolean
_hu_parse_timestamp (const char *text,
                     double     *seconds,
                     gboolean   *has_zone)
{
  const char *p = text;
  int y, mo, d, h, mi, s;
  char date_sep;
  double frac = 0, offset = 0;

  while (*p == ' ')
    p++;

  if (!digits (&p, 4, &y))
    return FALSE;
  date_sep = *p;
  if (date_sep != '-' && date_sep != '/')
    return FALSE;
  p++;
  if (!digits (&p, 2, &mo) || *p++ != date_sep || !digits (&p, 2, &d))
    return FALSE;
  if (*p != 'T' && *p != ' ')
    return FALSE;
  p++;
  if (!digits (&p, 2, &h) || *p++ != ':' || !digits (&p, 2, &mi) || *p++ != ':'
      || !digits (&p, 2, &s))
    return FALSE;

  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
    return FALSE;

  if (*p == '.' || *p == ',')
    {
      double scale = 0.1;
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        {
          frac += (*p - '0') * scale;
          scale /= 10;
          p++;
        }
    }

  *has_zone = FALSE;
  if (*p == 'Z')
    {
      *has_zone = TRUE;
      p++;
    }
  else if ((*p == '+' || *p == '-') && g_ascii_isdigit (p[1]))
    {
      int sign = *p == '-' ? -1 : 1;
      int oh, om = 0;
      p++;
      if (!digits (&p, 2, &oh))
        return FALSE;
      if (*p == ':')
        p++;
      if (g_ascii_isdigit (*p) && !digits (&p, 2, &om))
        return FALSE;
      offset = sign * (oh * 3600.0 + om * 60.0);
      *has_zone = TRUE;
    }

  while (*p == ' ')
    p++;
  if (*p != '\0')
    return FALSE;

  *seconds = days_from_civil (y, mo, d) * 86400.0 + h * 3600.0 + mi * 60.0 + s + frac - offset;
  return TRUE;
}

char *
_hu_shorten (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  glong n = g_utf8_strlen (valid, -1);

  if (n <= 40)
    return g_steal_pointer (&valid);
  *g_utf8_offset_to_pointer (valid, 40) = '\0';
  return g_strconcat (valid, "…", NULL);
}

char *
_hu_format_timestamp (double   seconds,
                      gboolean is_local)
{
  g_autoptr(GDateTime) dt = NULL;

  if (!isfinite (seconds) || seconds < -62135596800.0 || seconds > 253402300799.0)
    return NULL;
  dt = g_date_time_new_from_unix_utc ((gint64) floor (seconds));
  if (dt == NULL)
    return NULL;
  /* Naive times stay naive: writing a zone would invent one. */
  return g_date_time_format (dt, is_local ? "%Y-%m-%dT%H:%M:%S" : "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
_hu_parse_hms (const char *text,
               double     *seconds)
{
  char *end = NULL;
  guint64 h, m;
  double s;

  while (*text == ' ' || *text == '\t')
    text++;
  if (!g_ascii_isdigit (*text))
    return FALSE;
  h = g_ascii_strtoull (text, &end, 10);
  if (*end != ':' || !g_ascii_isdigit (end[1]))
    return FALSE;
  m = g_ascii_strtoull (end + 1, &end, 10);
  if (*end != ':' || !g_ascii_isdigit (end[1]) || m > 59 || h > 1000000)
    return FALSE;
  s = g_ascii_strtod (end + 1, &end);
  while (*end == ' ' || *end == '\t')
    end++;
  if (*end != '\0' || !isfinite (s) || s < 0 || s >= 61)
    return FALSE;
  *seconds = h * 3600.0 + m * 60.0 + s;
  return TRUE;
}

/* ---------------------------------------------------------------------- */

HuMeasuredRun *
_hu_import_add_run (HuImportContext *ctx,
                    const char      *source,
                    guint            line)
{
  HuMeasuredRun *run = hu_measured_run_new ();
  HuRunData *data = hu_measured_run_get_data (run);

  /* Unknown until a log says otherwise: NAN, never zero. */
  data->duration_s = NAN;
  data->energy_kwh = NAN;
  data->cpu_energy_kwh = NAN;
  data->gpu_energy_kwh = NAN;
  data->ram_energy_kwh = NAN;
  data->emissions_kg = NAN;
  data->intensity_g_per_kwh = NAN;
  data->pue = NAN;
  data->gpu_count = NAN;
  _hu_run_set_string (&data->source, source);
  _hu_run_set_string (&data->file, ctx->display);
  data->line = line;

  g_ptr_array_add (ctx->result->runs, run);
  ctx->result->max_held = MAX (ctx->result->max_held, ctx->result->runs->len);
  return run;
}

void
_hu_run_set_string (char       **field,
                    const char  *value)
{
  g_autofree char *trimmed = NULL;

  g_clear_pointer (field, g_free);
  if (value == NULL)
    return;

  /* Logs are written in whatever encoding the machine had; the project
   * file and the JSON output need UTF-8. */
  trimmed = g_utf8_make_valid (value, -1);
  g_strstrip (trimmed);
  /* A project refuses longer names at load; cut here so it can. */
  if (*trimmed != '\0')
    *field = _hu_cap_name (trimmed);
}

/* A raw device id for a processor ("cpu:0", carbontracker's name for a
 * RAPL package) says nothing a person can use: it reads "CPU". */
static char *
device_name (const char *raw)
{
  g_autofree char *name = g_strstrip (g_strdup (raw));
  const char *p;

  if (g_ascii_strncasecmp (name, "cpu:", 4) == 0)
    {
      for (p = name + 4; g_ascii_isdigit (*p); p++)
        ;
      if (*p == '\0' && p > name + 4)
        return g_strdup ("CPU");
    }
  return g_steal_pointer (&name);
}

/* Trackers list devices one by one: "NVIDIA A100, NVIDIA A100". Identical
 * ones are grouped, so a run reads "NVIDIA A100 × 2" wherever it is shown
 * (hu_run_data_format_accelerators() adds the count), never the list with
 * a count after it. Different models keep their own counts in the name,
 * "NVIDIA A100 × 2, NVIDIA T4 × 1", which is shown as it is. Without
 * @count (processors), a count above one goes in the name: "CPU × 2". */
void
_hu_run_set_devices (char       **model,
                     double      *count,
                     const char  *list)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GString) text = g_string_new (NULL);
  guint total = 0;

  if (list == NULL)
    return;
  parts = g_strsplit (list, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *name = device_name (parts[i]);
      guint j;

      if (*name == '\0')
        continue;
      total++;
      for (j = 0; j < names->len; j++)
        if (strcmp (g_ptr_array_index (names, j), name) == 0)
          break;
      if (j == names->len)
        {
          guint zero = 0;

          g_ptr_array_add (names, g_steal_pointer (&name));
          g_array_append_val (counts, zero);
        }
      g_array_index (counts, guint, j)++;
    }
  if (total == 0)
    return;

  for (guint j = 0; j < names->len; j++)
    {
      guint n = g_array_index (counts, guint, j);

      if (j > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_ptr_array_index (names, j));
      if (names->len > 1 || (count == NULL && n > 1))
        g_string_append_printf (text, " × %u", n);
    }
  _hu_run_set_string (model, text->str);
  if (count != NULL)
    *count = total;
}

/**
 * _hu_run_data_normalise_devices:
 * @data: a measured run read from a project
 *
 * Projects saved before devices were grouped hold the lists the logs gave
 * ("NVIDIA A100, NVIDIA A100", "cpu:0") until the runs are imported again.
 * The runs of the importers that list devices one by one (carbontracker,
 * nvidia-smi) are grouped as those importers now group them, with the same
 * routine, so an old project reads as a new import does. A list already
 * grouped (" × ") or a single GPU name (whose count the log gave apart) is
 * left as it is; other trackers' names are theirs.
 */
void
_hu_run_data_normalise_devices (HuRunData *data)
{
  g_return_if_fail (data != NULL);

  if (g_strcmp0 (data->source, "carbontracker") != 0 &&
      g_strcmp0 (data->source, "nvidia-smi") != 0)
    return;
  if (data->gpu_model != NULL && strchr (data->gpu_model, ',') != NULL &&
      strstr (data->gpu_model, " × ") == NULL)
    {
      g_autofree char *list = g_strdup (data->gpu_model);

      _hu_run_set_devices (&data->gpu_model, &data->gpu_count, list);
    }
  if (data->cpu_model != NULL && strstr (data->cpu_model, " × ") == NULL)
    {
      g_autofree char *list = g_strdup (data->cpu_model);

      _hu_run_set_devices (&data->cpu_model, NULL, list);
    }
}

void
_hu_run_add_note (HuRunData  *data,
                  const char *note)
{
  char *joined;

  if (data->notes == NULL || *data->notes == '\0')
    joined = g_strdup (note);
  else
    joined = g_strconcat (data->notes, " ", note, NULL);
  g_free (data->notes);
  data->notes = joined;
}

void
_hu_run_add_series (HuRunData     *data,
                    HuPowerSeries *series)
{
  if (data->series == NULL)
    data->series = g_ptr_array_new_with_free_func ((GDestroyNotify) hu_power_series_free);
  g_ptr_array_add (data->series, series);
}

void
_hu_run_set_start (HuRunData *data,
                   double     seconds,
                   gboolean   is_local)
{
  g_free (data->start);
  data->start = _hu_format_timestamp (seconds, is_local);
  data->start_is_local = is_local;
}

void
_hu_run_derive_intensity (HuRunData *data)
{
  if (isnan (data->intensity_g_per_kwh) && isfinite (data->emissions_kg)
      && isfinite (data->energy_kwh) && data->energy_kwh > 0)
    data->intensity_g_per_kwh = data->emissions_kg / data->energy_kwh * 1000.0;
}
