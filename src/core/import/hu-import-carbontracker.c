/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carbontracker: a run is a standard log (version, PUE, components, one
 * block per epoch) plus an output log (average intensity, the "Actual
 * consumption" block, maybe a "Predicted consumption" block). Lines are
 * "YYYY-MM-DD HH:MM:SS - message"; continuation lines (tracebacks, the
 * consumption block, numpy arrays wrapped by numpy) have no time.
 * See TRACKERS.md §2.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hu-import-private.h"

typedef struct {
  double start;      /* log time of "Epoch N:" */
  double duration;
  double gpu_w;      /* NAN: "None", too short to measure */
  double cpu_w;
} Epoch;

typedef struct {
  gboolean present;
  guint    line;
  guint    epochs;   /* predicted blocks say how many */
  double   time_s;
  double   energy_kwh;
  double   co2_g;
} Block;

typedef struct {
  /* standard log */
  char    *version;
  double   pue;
  char    *gpu_devices;
  char    *cpu_devices;
  char    *location;
  double   first_time;
  gboolean interrupted;
  GArray  *epochs;      /* Epoch */
  GString *pending;     /* a power line whose numpy array wraps */
  /* output log */
  double   intensity;
  Block    actual;
  Block    predicted;
  Block   *current;
  char    *failure;     /* last line of a traceback */
  guint    failure_line;
  gboolean in_traceback;
} Log;

static void
log_clear (Log *log)
{
  g_free (log->version);
  g_free (log->gpu_devices);
  g_free (log->cpu_devices);
  g_free (log->location);
  g_free (log->failure);
  g_array_unref (log->epochs);
  g_string_free (log->pending, TRUE);
}

/* Splits "YYYY-MM-DD HH:MM:SS - message"; FALSE for a continuation line. */
static gboolean
split_line (char        *text,
            double      *time,
            const char **message)
{
  gboolean has_zone;
  char saved;

  if (strlen (text) < 22 || strncmp (text + 19, " - ", 3) != 0)
    return FALSE;
  saved = text[19];
  text[19] = '\0';
  if (!_hu_parse_timestamp (text, time, &has_zone))
    {
      text[19] = saved;
      return FALSE;
    }
  text[19] = saved;
  *message = text + 22;
  return TRUE;
}

/* "[136.86 140.2 ]" or "136.8" → sum of the devices' watts; "None" → NAN. */
static double
parse_power_list (const char *text)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *copy = g_strdup (text);
  double sum = 0;
  guint n = 0;

  g_strdelimit (copy, "[],", ' ');
  parts = g_strsplit_set (copy, " \t", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      double v;
      if (*parts[i] == '\0')
        continue;
      if (!_hu_parse_number (parts[i], &v) || v < 0)
        return NAN;
      sum += v;
      n++;
    }
  return n > 0 ? sum : NAN;
}

/* "… found: GPU with device(s) A, B. CPU with device(s) cpu:0." */
static void
parse_components (Log        *log,
                  const char *text)
{
  const char *p = text;

  while ((p = strstr (p, " with device(s) ")) != NULL)
    {
      const char *name_end = p;
      const char *name = name_end;
      const char *list = p + strlen (" with device(s) ");
      const char *list_end = strstr (list, ". ");
      g_autofree char *devices = NULL;

      while (name > text && name[-1] != ' ')
        name--;
      if (list_end == NULL)
        list_end = list + strlen (list) - (g_str_has_suffix (list, ".") ? 1 : 0);
      devices = g_strndup (list, list_end - list);

      if (g_ascii_strncasecmp (name, "GPU", name_end - name) == 0 && name_end - name == 3)
        {
          g_free (log->gpu_devices);
          log->gpu_devices = g_strdup (devices);
        }
      else if (g_ascii_strncasecmp (name, "CPU", name_end - name) == 0 && name_end - name == 3)
        {
          g_free (log->cpu_devices);
          log->cpu_devices = g_strdup (devices);
        }
      p = list_end;
    }
}

static void
finish_power_line (Log *log)
{
  const char *text = log->pending->str;
  const char *colon = strrchr (text, ':');
  Epoch *epoch;
  double watts;

  if (log->pending->len == 0)
    return;
  if (colon != NULL && log->epochs->len > 0)
    {
      epoch = &g_array_index (log->epochs, Epoch, log->epochs->len - 1);
      watts = parse_power_list (colon + 1);
      if (g_str_has_prefix (text, "Average power usage (W) for gpu"))
        epoch->gpu_w = watts;
      else if (g_str_has_prefix (text, "Average power usage (W) for cpu"))
        epoch->cpu_w = watts;
    }
  g_string_truncate (log->pending, 0);
}

/* "… at detected location: Copenhagen, Capital Region, DK: [143.3]" or
 * "… at detected location: Copenhagen, Capital Region, DK." */
static void
parse_location (Log        *log,
                const char *p)
{
  const char *start = p + strlen ("at detected location");
  const char *end = strrchr (start, '[');
  g_autofree char *location = NULL;

  while (*start == ':' || *start == ' ')
    start++;
  if (end == NULL)
    end = start + strlen (start);
  location = g_strndup (start, end - start);
  g_strstrip (location);
  while (g_str_has_suffix (location, ":") || g_str_has_suffix (location, "."))
    location[strlen (location) - 1] = '\0';
  g_strstrip (location);
  if (*location == '\0')
    return;
  g_free (log->location);
  log->location = g_steal_pointer (&location);
}

static void
std_message (Log        *log,
             double      time,
             const char *message)
{
  const char *p;

  finish_power_line (log);
  if (isnan (log->first_time))
    log->first_time = time;

  if ((p = strstr (message, "carbontracker version ")) != NULL)
    {
      g_free (log->version);
      log->version = g_strstrip (g_strdup (p + strlen ("carbontracker version ")));
    }
  else if ((p = strstr (message, "PUE coefficient of ")) != NULL)
    {
      g_autofree char *num = g_strdup (p + strlen ("PUE coefficient of "));
      char *space = strchr (num, ' ');
      double v;

      if (space != NULL)
        *space = '\0';
      if (_hu_parse_number (num, &v) && v >= 1)
        log->pue = v;
    }
  else if (g_str_has_prefix (message, "The following components were found:"))
    parse_components (log, message);
  else if (g_str_has_prefix (message, "Epoch ") && g_str_has_suffix (message, ":"))
    {
      Epoch epoch = { time, NAN, NAN, NAN };
      g_array_append_val (log->epochs, epoch);
    }
  else if (g_str_has_prefix (message, "Duration: ") && log->epochs->len > 0)
    {
      Epoch *epoch = &g_array_index (log->epochs, Epoch, log->epochs->len - 1);
      double d;
      if (_hu_parse_hms (message + strlen ("Duration: "), &d))
        epoch->duration = d;
    }
  else if (g_str_has_prefix (message, "Average power usage (W) for "))
    {
      g_string_assign (log->pending, message);
      if (strchr (message, '[') == NULL || strchr (message, ']') != NULL)
        finish_power_line (log);
    }
  else if ((p = strstr (message, "at detected location")) != NULL)
    parse_location (log, p);
  else if (strstr (message, "Training was interrupted") != NULL)
    log->interrupted = TRUE;
}

/* Lines of the consumption block ("\tEnergy:\t0.5 kWh") and tracebacks. */
static void
output_continuation (Log        *log,
                     const char *raw,
                     guint       number)
{
  g_autofree char *text = g_strstrip (g_strdup (raw));
  double v;

  if (g_str_has_prefix (text, "Actual consumption"))
    {
      log->current = &log->actual;
      log->actual = (Block) { TRUE, number, 0, NAN, NAN, NAN };
      return;
    }
  if (g_str_has_prefix (text, "Predicted consumption"))
    {
      const char *n = text + strlen ("Predicted consumption");
      log->current = &log->predicted;
      log->predicted = (Block) { TRUE, number, 0, NAN, NAN, NAN };
      if (g_str_has_prefix (n, " for "))
        log->predicted.epochs = (guint) g_ascii_strtoull (n + 5, NULL, 10);
      return;
    }

  if (log->in_traceback)
    {
      /* The exception's own line is the last unindented one. */
      if (*raw != ' ' && *raw != '\t' && *text != '\0')
        {
          g_free (log->failure);
          log->failure = g_strdup (text);
        }
      return;
    }

  if (log->current == NULL)
    return;

  if (g_str_has_prefix (text, "Time:"))
    {
      if (_hu_parse_hms (text + 5, &v))
        log->current->time_s = v;
    }
  else if (g_str_has_prefix (text, "Energy:") && g_str_has_suffix (text, "kWh"))
    {
      g_autofree char *num = g_strndup (text + 7, strlen (text) - 7 - 3);
      if (_hu_parse_number (num, &v) && v >= 0)
        log->current->energy_kwh = v;
    }
  else if (g_str_has_prefix (text, "CO2eq:") && g_str_has_suffix (text, " g"))
    {
      g_autofree char *num = g_strndup (text + 6, strlen (text) - 6 - 2);
      if (_hu_parse_number (num, &v) && v >= 0)
        log->current->co2_g = v;
    }
}

static void
output_message (Log        *log,
                const char *message,
                guint       number)
{
  const char *p;

  log->current = NULL;
  log->in_traceback = FALSE;
  if (g_str_has_prefix (message, "CarbonTracker: "))
    message += strlen ("CarbonTracker: ");

  if (g_str_has_prefix (message, "Traceback"))
    {
      log->in_traceback = TRUE;
      log->failure_line = number;
      g_free (log->failure);
      log->failure = g_strdup (_("the tracker crashed"));
    }
  else if ((p = strstr (message, "Average carbon intensity during training was ")) != NULL)
    {
      g_autofree char *num = g_strdup (p + strlen ("Average carbon intensity during training was "));
      char *space = strchr (num, ' ');
      double v;

      if (space != NULL)
        *space = '\0';
      if (_hu_parse_number (num, &v) && v >= 0)
        log->intensity = v;
      /* Up to 2.3 the output log says where, and the standard log may
       * not (it names the place only when it fetched live intensities). */
      if (log->location == NULL && (p = strstr (p, "at detected location")) != NULL)
        parse_location (log, p);
    }
  else
    /* "CarbonTracker: Actual consumption…" on one line, in case. */
    output_continuation (log, message, number);
}

static gboolean
read_log (HuImportContext  *ctx,
          GFile            *file,
          const char       *display,
          Log              *log,
          gboolean          is_output,
          GError          **error)
{
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(HuLineReader) reader = NULL;
  HuLine line;

  ctx->display = display;
  in = _hu_import_open (file, ctx->cancellable, error);
  if (in == NULL)
    {
      g_prefix_error (error, "%s: ", display);
      return FALSE;
    }
  reader = _hu_line_reader_new (in, ctx);

  for (;;)
    {
      double time;
      const char *message;

      if (!_hu_line_reader_next (reader, &line, error))
        {
          g_prefix_error (error, "%s: ", display);
          return FALSE;
        }
      if (line.text == NULL)
        break;

      if (split_line (line.text, &time, &message))
        {
          if (is_output)
            output_message (log, message, line.number);
          else
            std_message (log, time, message);
        }
      else if (is_output)
        output_continuation (log, line.text, line.number);
      else if (log->pending->len > 0)
        {
          /* numpy wraps long arrays onto lines without a time. */
          g_string_append_c (log->pending, ' ');
          g_string_append (log->pending, line.text);
          if (strchr (line.text, ']') != NULL || log->pending->len > 4096)
            finish_power_line (log);
        }
    }
  finish_power_line (log);
  return TRUE;
}

/* What the logs' names say: "<prefix>_<pid>[.<id>]_<date>" (1.1.7 on;
 * the prefix is the user's log_file_prefix, and may be absent), or the
 * date alone (up to 1.1.6). The prefix names the run, as a project name
 * does; "<pid>.<id>" tells apart the runs of one prefix, whole (cut
 * short, "33447.772679" read "33447."). A name in no such form is the
 * run's id as it is. */
typedef struct {
  char *name;
  char *run_id;
} FileName;

static gboolean
is_log_date (const char *text)
{
  /* 2024-01-01T100000Z; 2020's logs wrote 2020-05-01T10:00Z or T10-00Z. */
  return strlen (text) >= 12 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[3])
         && text[4] == '-' && text[7] == '-' && text[10] == 'T'
         && g_str_has_suffix (text, "Z");
}

static void
parse_file_name (const char *stem,
                 FileName   *out)
{
  const char *date = strrchr (stem, '_');
  g_autofree char *rest = NULL;
  const char *id;

  if (is_log_date (stem))
    return;
  if (date == NULL || !is_log_date (date + 1))
    {
      out->run_id = g_strdup (stem);
      return;
    }
  rest = g_strndup (stem, date - stem);
  id = strrchr (rest, '_');
  if (id == NULL)
    {
      out->run_id = g_steal_pointer (&rest);
      return;
    }
  out->run_id = g_strdup (id + 1);
  out->name = g_strndup (rest, id - rest);
}

static void
fill_common (HuRunData      *data,
             const Log      *log,
             const FileName *file_name)
{
  _hu_run_set_string (&data->source_version, log->version);
  _hu_run_set_string (&data->run_id, file_name->run_id);
  /* A run without a prefix is named after its tracker, as CodeCarbon's
   * are "codecarbon": the file's name repeats the id and the time. */
  _hu_run_set_string (&data->name, file_name->name != NULL ? file_name->name
                                                           : "carbontracker");
  data->pue = log->pue;
  data->intensity_g_per_kwh = log->intensity;
  _hu_run_set_devices (&data->gpu_model, &data->gpu_count, log->gpu_devices);
  _hu_run_set_devices (&data->cpu_model, NULL, log->cpu_devices);

  /* "Copenhagen, Capital Region, DK": the last part is the country. */
  if (log->location != NULL)
    {
      const char *comma = strrchr (log->location, ',');
      if (comma != NULL)
        {
          g_autofree char *region = g_strndup (log->location, comma - log->location);
          _hu_run_set_string (&data->country, comma + 1);
          _hu_run_set_string (&data->region, region);
        }
      else
        _hu_run_set_string (&data->region, log->location);
    }
  if (!isnan (log->first_time))
    _hu_run_set_start (data, log->first_time, TRUE);
}

/* Energy of one component from the epochs' average power × duration. */
static double
epochs_energy_kwh (const Log *log,
                   gboolean   gpu)
{
  double joules = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < log->epochs->len; i++)
    {
      const Epoch *e = &g_array_index (log->epochs, Epoch, i);
      double w = gpu ? e->gpu_w : e->cpu_w;

      if (isfinite (w) && isfinite (e->duration))
        {
          joules += w * e->duration;
          any = TRUE;
        }
    }
  return any ? joules / 3.6e6 : NAN;
}

static void
add_series (HuRunData *data,
            const Log *log,
            gboolean   gpu)
{
  g_autoptr(HuSeriesBuilder) builder = _hu_series_builder_new (gpu ? "gpu" : "cpu");

  /* The log gives each epoch's average power: level over the epoch, from
   * its start to its end, so the chart ends where the last epoch did. */
  for (guint i = 0; i < log->epochs->len; i++)
    {
      const Epoch *e = &g_array_index (log->epochs, Epoch, i);
      _hu_series_builder_add_interval (builder, e->start, e->start + e->duration,
                                       gpu ? e->gpu_w : e->cpu_w);
    }
  if (_hu_series_builder_get_samples (builder) > 0)
    _hu_run_add_series (data, _hu_series_builder_finish (builder, log->first_time));
}

static void
add_measured_run (HuImportContext *ctx,
                  const Log       *log,
                  const FileName  *file_name,
                  gboolean         from_std_log)
{
  /* The run is named after its standard log, where it starts on line 1. */
  HuMeasuredRun *run = _hu_import_add_run (ctx, "carbontracker",
                                           from_std_log ? 1 : log->actual.line);
  HuRunData *data = hu_measured_run_get_data (run);
  double pue = isfinite (log->pue) ? log->pue : 1.0;
  double duration = 0;
  gboolean have_duration = FALSE;

  fill_common (data, log, file_name);

  for (guint i = 0; i < log->epochs->len; i++)
    {
      const Epoch *e = &g_array_index (log->epochs, Epoch, i);
      if (isfinite (e->duration))
        {
          duration += e->duration;
          have_duration = TRUE;
        }
    }
  /* Epoch durations keep the hundredths the block's Time: rounds away. */
  data->duration_s = have_duration ? duration : log->actual.time_s;
  data->samples = log->epochs->len;

  /* Component parts use the same PUE as the block's total, so they add up. */
  data->gpu_energy_kwh = epochs_energy_kwh (log, TRUE) * pue;
  data->cpu_energy_kwh = epochs_energy_kwh (log, FALSE) * pue;

  if (log->actual.present)
    {
      data->energy_kwh = log->actual.energy_kwh;
      data->emissions_kg = log->actual.co2_g / 1000.0;
    }
  else
    {
      double gpu = isfinite (data->gpu_energy_kwh) ? data->gpu_energy_kwh : 0;
      double cpu = isfinite (data->cpu_energy_kwh) ? data->cpu_energy_kwh : 0;

      if (isfinite (data->gpu_energy_kwh) || isfinite (data->cpu_energy_kwh))
        data->energy_kwh = gpu + cpu;
      _hu_run_add_note (data, _("No “Actual consumption” block: energy computed from the "
                                "epochs’ average power × duration × PUE."));
      if (isfinite (data->energy_kwh) && isfinite (log->intensity))
        data->emissions_kg = data->energy_kwh * log->intensity / 1000.0;
    }
  /* Not _hu_run_derive_intensity(): e × 1000 / E and e / E × 1000 differ
   * in the last bit, and this is how carbontracker runs were always
   * computed (10 g / 0.05 kWh stays exactly 200). */
  if (isnan (data->intensity_g_per_kwh) && isfinite (data->emissions_kg)
      && isfinite (data->energy_kwh) && data->energy_kwh > 0)
    data->intensity_g_per_kwh = data->emissions_kg * 1000.0 / data->energy_kwh;

  if (log->interrupted)
    _hu_run_add_note (data, _("Training was interrupted before all epochs were monitored."));

  add_series (data, log, TRUE);
  add_series (data, log, FALSE);
}

static void
add_predicted_run (HuImportContext *ctx,
                   const Log       *log,
                   const FileName  *file_name)
{
  HuMeasuredRun *run = _hu_import_add_run (ctx, "carbontracker", log->predicted.line);
  HuRunData *data = hu_measured_run_get_data (run);
  g_autofree char *name = NULL;

  fill_common (data, log, file_name);
  data->predicted = TRUE;
  data->duration_s = log->predicted.time_s;
  data->energy_kwh = log->predicted.energy_kwh;
  data->emissions_kg = log->predicted.co2_g / 1000.0;
  /* The prediction used a forecast intensity, not the measured average. */
  data->intensity_g_per_kwh = NAN;
  if (isfinite (data->emissions_kg) && isfinite (data->energy_kwh) && data->energy_kwh > 0)
    data->intensity_g_per_kwh = data->emissions_kg * 1000.0 / data->energy_kwh;

  name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Prediction for %u epoch", "Prediction for %u epochs",
                                    log->predicted.epochs),
                          log->predicted.epochs);
  _hu_run_set_string (&data->name, name);
  _hu_run_add_note (data, _("carbontracker’s extrapolation after the first epochs, "
                            "not a measurement."));
}

gboolean
_hu_import_carbontracker (HuImportContext  *ctx,
                          GFile            *std_log,
                          const char       *std_display,
                          GFile            *output_log,
                          const char       *output_display,
                          GError          **error)
{
  Log log = { 0 };
  FileName file_name = { NULL, NULL };
  g_autofree char *stem = NULL;
  g_autofree char *base = NULL;
  const char *main_display = std_display ? std_display : output_display;
  gboolean ok = TRUE;

  log.pue = NAN;
  log.first_time = NAN;
  log.intensity = NAN;
  log.epochs = g_array_new (FALSE, FALSE, sizeof (Epoch));
  log.pending = g_string_new (NULL);

  if (std_log != NULL)
    ok = read_log (ctx, std_log, std_display, &log, FALSE, error);
  if (ok && output_log != NULL)
    ok = read_log (ctx, output_log, output_display, &log, TRUE, error);
  if (!ok)
    {
      log_clear (&log);
      return FALSE;
    }

  base = g_path_get_basename (main_display);
  if (g_str_has_suffix (base, "_carbontracker.log"))
    stem = g_strndup (base, strlen (base) - strlen ("_carbontracker.log"));
  else if (g_str_has_suffix (base, "_carbontracker_output.log"))
    stem = g_strndup (base, strlen (base) - strlen ("_carbontracker_output.log"));
  else
    stem = g_strdup (base);
  parse_file_name (stem, &file_name);

  ctx->display = main_display;
  if (log.actual.present || log.epochs->len > 0)
    add_measured_run (ctx, &log, &file_name, std_log != NULL);
  else if (log.failure != NULL)
    {
      ctx->display = output_display ? output_display : main_display;
      _hu_import_skip (ctx, log.failure_line, _("failed run: %s"), log.failure);
    }
  else
    _hu_import_skip (ctx, 0, _("run without a completed epoch (stopped before the first "
                               "epoch ended, or a log is missing)"));

  if (log.predicted.present)
    {
      ctx->display = main_display;
      add_predicted_run (ctx, &log, &file_name);
    }

  log_clear (&log);
  g_free (file_name.name);
  g_free (file_name.run_id);
  return TRUE;
}
