/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CodeCarbon emissions.csv, its .bak backups and its task files.
 *
 * Columns are found by name: their order changes between versions and even
 * within one version (TRACKERS.md §1.6 G3). Every row that shares a
 * non-empty run_id is a cumulative snapshot of the same run, so a run's
 * totals are its row with the greatest duration, never a sum. To stay fast
 * on gigabyte files, a row is only fully parsed at the end, when it is known
 * to be the one that counts; while reading we validate it cheaply and keep
 * a copy of the best row of each run.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hu-import-private.h"

enum {
  COL_TIMESTAMP,
  COL_TASK_NAME,
  COL_PROJECT_NAME,
  COL_RUN_ID,
  COL_EXPERIMENT_ID,
  COL_DURATION,
  COL_EMISSIONS,
  COL_CPU_ENERGY,
  COL_GPU_ENERGY,
  COL_RAM_ENERGY,
  COL_ENERGY,
  COL_COUNTRY_NAME,
  COL_COUNTRY_ISO,
  COL_REGION,
  COL_CLOUD_PROVIDER,
  COL_CLOUD_REGION,
  COL_ON_CLOUD,
  COL_VERSION,
  COL_CPU_MODEL,
  COL_GPU_COUNT,
  COL_GPU_MODEL,
  COL_PUE,
  N_COLS
};

static const char * const column_names[N_COLS] = {
  "timestamp", "task_name", "project_name", "run_id", "experiment_id", "duration",
  "emissions", "cpu_energy", "gpu_energy", "ram_energy", "energy_consumed",
  "country_name", "country_iso_code", "region", "cloud_provider", "cloud_region",
  "on_cloud", "codecarbon_version", "cpu_model", "gpu_count", "gpu_model", "pue",
};

/* The columns whose non-empty content must be a number. */
static const int numeric_columns[] = {
  COL_DURATION, COL_EMISSIONS, COL_CPU_ENERGY, COL_GPU_ENERGY, COL_RAM_ENERGY,
  COL_ENERGY, COL_GPU_COUNT, COL_PUE,
};

/* The row that currently holds a run's totals, kept as the split record
 * (fields NUL-separated) so that nothing is parsed twice. */
typedef struct {
  HuMeasuredRun *run;
  double         best_duration;
  guint          best_line;
  char          *row;
  gsize          row_size;
  guint          field_offset[N_COLS];
  guint          n_rows;
} PendingRun;

typedef struct {
  HuImportContext *ctx;
  int              col[N_COLS];
  guint            n_header;
  const char      *version;      /* when the header has no codecarbon_version */
  GPtrArray       *pending;      /* PendingRun, in file order */
  GHashTable      *by_key;       /* run key → PendingRun */
  GString         *key;
  PendingRun      *last;         /* rows of one run usually come together */
  PendingRun       single;       /* for rows without a run id */
} Importer;

static void
pending_free (PendingRun *p)
{
  g_free (p->row);
  g_free (p);
}

static const char *
field (const Importer    *self,
       const HuCsvRecord *record,
       int                which)
{
  int i = self->col[which];
  return i < 0 ? "" : record->fields[i];
}

static const char *
pending_field (const Importer   *self,
               const PendingRun *p,
               int               which)
{
  return self->col[which] < 0 ? "" : p->row + p->field_offset[which];
}

static double
pending_number (const Importer   *self,
                const PendingRun *p,
                int               which)
{
  double v = NAN;

  /* Validated when the row was kept. */
  if (!_hu_parse_number (pending_field (self, p, which), &v))
    return NAN;
  return v;
}

static gboolean
read_header (Importer           *self,
             const HuCsvRecord  *header,
             GError            **error)
{
  for (int i = 0; i < N_COLS; i++)
    self->col[i] = _hu_csv_column (header, column_names[i]);
  self->n_header = header->n_fields;

  if (self->col[COL_TIMESTAMP] < 0 || self->col[COL_DURATION] < 0)
    {
      g_set_error (error, HU_IMPORT_ERROR, HU_IMPORT_ERROR_INVALID,
                   _("%s:%u: not a CodeCarbon header (no “timestamp” or “duration” column)"),
                   self->ctx->display, header->number);
      return FALSE;
    }

  /* Old files say their version only through their columns (§1.2). */
  if (self->col[COL_VERSION] < 0)
    {
      if (self->col[COL_RUN_ID] >= 0)
        self->version = "2.0–2.1";
      else if (self->col[COL_EXPERIMENT_ID] >= 0)
        self->version = "1.x";
      else
        self->version = "pre-2.0";
    }
  return TRUE;
}

static void
keep_row (PendingRun        *p,
          const Importer    *self,
          const HuCsvRecord *record,
          double             duration)
{
  const char *first = record->fields[0];
  const char *last = record->fields[record->n_fields - 1];
  gsize size = (last + strlen (last) + 1) - first;

  /* Fields were split in place, so the record is one contiguous block. */
  if (size > p->row_size)
    {
      g_free (p->row);
      p->row = g_malloc (size);
      p->row_size = size;
    }
  memcpy (p->row, first, size);
  for (int i = 0; i < N_COLS; i++)
    p->field_offset[i] = self->col[i] < 0 ? 0 : record->fields[self->col[i]] - first;
  p->best_duration = duration;
  p->best_line = record->number;
}

static void
finish_run (Importer   *self,
            PendingRun *p)
{
  HuRunData *data = hu_measured_run_get_data (p->run);
  double timestamp = 0;
  gboolean has_zone = FALSE;
  const char *task = pending_field (self, p, COL_TASK_NAME);
  const char *project = pending_field (self, p, COL_PROJECT_NAME);
  const char *provider = pending_field (self, p, COL_CLOUD_PROVIDER);
  const char *cloud_region = pending_field (self, p, COL_CLOUD_REGION);
  const char *iso = pending_field (self, p, COL_COUNTRY_ISO);
  g_autofree char *note = NULL;

  _hu_run_set_string (&data->source_version,
                      self->version ? self->version : pending_field (self, p, COL_VERSION));
  _hu_run_set_string (&data->run_id, pending_field (self, p, COL_RUN_ID));
  if (g_strcmp0 (data->run_id, "None") == 0)
    g_clear_pointer (&data->run_id, g_free);
  if (data->run_id == NULL)
    _hu_run_set_string (&data->run_id, pending_field (self, p, COL_EXPERIMENT_ID));

  if (*task != '\0' && *project != '\0')
    {
      g_autofree char *name = g_strdup_printf ("%s: %s", project, task);
      _hu_run_set_string (&data->name, name);
    }
  else
    _hu_run_set_string (&data->name, *task != '\0' ? task : project);

  data->duration_s = pending_number (self, p, COL_DURATION);
  data->energy_kwh = pending_number (self, p, COL_ENERGY);
  data->cpu_energy_kwh = pending_number (self, p, COL_CPU_ENERGY);
  data->gpu_energy_kwh = pending_number (self, p, COL_GPU_ENERGY);
  data->ram_energy_kwh = pending_number (self, p, COL_RAM_ENERGY);
  data->emissions_kg = pending_number (self, p, COL_EMISSIONS);
  data->pue = pending_number (self, p, COL_PUE);
  data->gpu_count = pending_number (self, p, COL_GPU_COUNT);
  data->samples = p->n_rows;

  /* CodeCarbon does not log the intensity it used; emissions/energy is it.
   * emissions_rate is ignored: its unit changed (g/s before 2.2.0, kg/s
   * after) and it is only emissions/duration anyway. */
  _hu_run_derive_intensity (data);

  /* The row is written when the run stops or flushes: its start is the
   * write time minus the duration, on the machine's local clock. */
  if (_hu_parse_timestamp (pending_field (self, p, COL_TIMESTAMP), &timestamp, &has_zone))
    {
      double start = timestamp - (isfinite (data->duration_s) ? data->duration_s : 0);
      _hu_run_set_start (data, start, !has_zone);
    }

  _hu_run_set_string (&data->country, *iso != '\0' ? iso
                                                   : pending_field (self, p, COL_COUNTRY_NAME));
  if (*provider != '\0' && *cloud_region != '\0')
    {
      /* Same spelling as the catalog's cloud region ids (gcp/us-central1). */
      g_autofree char *region = g_strdup_printf ("%s/%s", provider, cloud_region);
      _hu_run_set_string (&data->region, region);
    }
  else
    _hu_run_set_string (&data->region, pending_field (self, p, COL_REGION));

  /* CodeCarbon writes "1 x NVIDIA RTX A6000" (count, " x ", model) beside
   * gpu_count: the model is what follows, or a label made of the two
   * reads "1 × NVIDIA RTX A6000 × 1". */
  {
    const char *model = pending_field (self, p, COL_GPU_MODEL);
    const char *x = strstr (model, " x ");
    gboolean counted = x != NULL && x > model;

    for (const char *c = model; counted && c < x; c++)
      counted = g_ascii_isdigit (*c);
    if (counted)
      {
        if (!isfinite (data->gpu_count))
          data->gpu_count = g_ascii_strtod (model, NULL);
        model = x + 3;
      }
    _hu_run_set_string (&data->gpu_model, model);
  }
  _hu_run_set_string (&data->cpu_model, pending_field (self, p, COL_CPU_MODEL));

  if (p->n_rows > 1)
    note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Totals from line %u, the longest of %u cumulative row.",
                                      "Totals from line %u, the longest of %u cumulative rows.",
                                      p->n_rows),
                            p->best_line, p->n_rows);
  if (note != NULL)
    _hu_run_add_note (data, note);
}

static PendingRun *
find_run (Importer          *self,
          const HuCsvRecord *record)
{
  const char *run_id = field (self, record, COL_RUN_ID);
  const char *task = field (self, record, COL_TASK_NAME);
  PendingRun *p;

  /* Rows without a run id are runs of their own; pandas writes Python's
   * None as the text "None". */
  if (*run_id == '\0' || strcmp (run_id, "None") == 0)
    return NULL;

  /* Task files repeat the run id on every task: a task is its own run. */
  g_string_assign (self->key, run_id);
  if (*task != '\0')
    {
      g_string_append_c (self->key, '\x1f');
      g_string_append (self->key, task);
    }

  if (self->last != NULL && *task == '\0'
      && *pending_field (self, self->last, COL_TASK_NAME) == '\0'
      && strcmp (pending_field (self, self->last, COL_RUN_ID), run_id) == 0)
    return self->last;

  p = g_hash_table_lookup (self->by_key, self->key->str);
  return p;
}

/* A row whose timestamp is not a time. Most are the tails of other rows
 * ("chine,N,,,…", the end of "…,machine,N"), left by two processes
 * writing one file at once and padded to full width by pandas: the CSV
 * is read right, the line itself is the fragment. The reason quotes the
 * whole field and, for a fragment, what the line holds, so that the
 * skipped lines do not read like a parsing error of ours. */
static void
skip_bad_timestamp (Importer          *self,
                    const HuCsvRecord *record)
{
  g_autoptr(GString) row = g_string_new (NULL);
  g_autofree char *value = _hu_shorten (field (self, record, COL_TIMESTAMP));
  guint filled = 0, last = 0;

  for (guint i = 0; i < record->n_fields; i++)
    if (*record->fields[i] != '\0')
      {
        filled++;
        last = i + 1;
      }
  /* A real row fills most of its columns; a tail, two or three. */
  if (filled * 2 >= self->n_header)
    {
      _hu_import_skip (self->ctx, record->number, _("field “%s” is not a time: “%s”"),
                       column_names[COL_TIMESTAMP], value);
      return;
    }
  for (guint i = 0; i < last; i++)
    g_string_append_printf (row, "%s%s", i > 0 ? "," : "", record->fields[i]);
  {
    g_autofree char *shown = _hu_shorten (row->str);

    if (*value == '\0')
      _hu_import_skip (self->ctx, record->number,
                       _("field “%s” is empty: the line holds only a fragment of a row (“%s”), "
                         "as when two programs write the file at once"),
                       column_names[COL_TIMESTAMP], shown);
    else
      _hu_import_skip (self->ctx, record->number,
                       _("field “%s” is “%s”, not a time: the line holds only a fragment of a "
                         "row (“%s”), as when two programs write the file at once"),
                       column_names[COL_TIMESTAMP], value, shown);
  }
}

static void
handle_row (Importer    *self,
            HuCsvRecord *record)
{
  HuImportContext *ctx = self->ctx;
  double t, duration = NAN;
  gboolean has_zone;
  PendingRun *p;

  if (record->n_fields != self->n_header)
    {
      _hu_import_skip (ctx, record->number,
                       _("expected %u fields, found %u (row damaged or misaligned)"),
                       self->n_header, MIN (record->n_fields, HU_CSV_MAX_FIELDS));
      return;
    }

  /* Concurrent writers leave rows like "ne,N,,,…" padded to full width:
   * the timestamp is what tells them apart (§1.6 G5). */
  if (!_hu_parse_timestamp (field (self, record, COL_TIMESTAMP), &t, &has_zone))
    {
      skip_bad_timestamp (self, record);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (numeric_columns); i++)
    {
      int c = numeric_columns[i];
      double v = NAN;

      if (self->col[c] < 0)
        continue;
      /* Only the duration is needed now; the others are parsed at the end
       * for the one row per run that counts. */
      if (c == COL_DURATION ? !_hu_parse_number (record->fields[self->col[c]], &v)
                            : !_hu_number_syntax_ok (record->fields[self->col[c]]))
        {
          g_autofree char *shown = _hu_shorten (record->fields[self->col[c]]);
          _hu_import_skip (ctx, record->number, _("field “%s” is not a number: “%s”"),
                           column_names[c], shown);
          return;
        }
      if (c == COL_DURATION)
        duration = v;
    }

  p = find_run (self, record);
  if (p == NULL && (*field (self, record, COL_RUN_ID) == '\0'
                    || strcmp (field (self, record, COL_RUN_ID), "None") == 0))
    {
      /* No run id (CodeCarbon 1.x, pandas' "None"): the row is a run of
       * its own and nothing can join it, so it is finished now and its
       * pending state reused: memory stays flat in the number of rows
       * (a 50 MB 1.x file held 2 GB of pending rows). */
      PendingRun *one = &self->single;

      one->run = _hu_import_add_run (ctx, "codecarbon", record->number);
      one->best_duration = NAN;
      one->n_rows = 1;
      keep_row (one, self, record, duration);
      finish_run (self, one);
      _hu_import_finish_run (ctx, one->run);
      one->run = NULL;
      self->last = NULL;
      return;
    }
  if (p == NULL)
    {
      p = g_new0 (PendingRun, 1);
      p->run = _hu_import_add_run (ctx, "codecarbon", record->number);
      p->best_duration = NAN;
      g_ptr_array_add (self->pending, p);
      g_hash_table_insert (self->by_key, g_strdup (self->key->str), p);
      keep_row (p, self, record, duration);
    }
  else if (isnan (p->best_duration) || duration > p->best_duration)
    keep_row (p, self, record, duration);

  p->n_rows++;
  self->last = p;
}

gboolean
_hu_import_codecarbon (HuImportContext  *ctx,
                       GInputStream     *stream,
                       GError          **error)
{
  g_autoptr(HuCsvReader) reader = _hu_csv_reader_new (stream, ',', ctx);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) key = g_string_new (NULL);
  Importer self = { ctx, { 0 }, 0, NULL, pending, by_key, key, NULL, { 0 } };
  HuCsvRecord record;
  gboolean eof = FALSE;
  gboolean have_header = FALSE;

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

  for (guint i = 0; i < pending->len; i++)
    finish_run (&self, g_ptr_array_index (pending, i));

  g_free (self.single.row);
  if (!have_header)
    _hu_import_skip (ctx, 0, _("empty file"));
  return TRUE;
}
