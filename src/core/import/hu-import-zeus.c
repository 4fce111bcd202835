/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Zeus ZeusMonitor(log_file=…): "start_time,window_name,elapsed_time,
 * gpu<i>_energy,…", one row per measurement window, energy in joules
 * (TRACKERS.md §5). Each window is a run of its own.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hu-import-private.h"

gboolean
_hu_import_zeus (HuImportContext  *ctx,
                 GInputStream     *stream,
                 GError          **error)
{
  g_autoptr(HuCsvReader) reader = _hu_csv_reader_new (stream, ',', ctx);
  g_autoptr(GArray) gpu_cols = g_array_new (FALSE, FALSE, sizeof (guint));
  HuCsvRecord record;
  gboolean eof = FALSE, have_header = FALSE;
  guint n_fields = 0;

  while (!eof)
    {
      double start, elapsed, joules = 0;
      gboolean known = FALSE;
      HuRunData *data;
      HuMeasuredRun *run;

      if (!_hu_csv_reader_read (reader, &record, &eof, error))
        return FALSE;
      if (eof)
        continue;
      if (!have_header)
        {
          if (_hu_csv_column (&record, "start_time") != 0
              || _hu_csv_column (&record, "window_name") != 1
              || _hu_csv_column (&record, "elapsed_time") != 2)
            {
              g_set_error (error, HU_IMPORT_ERROR, HU_IMPORT_ERROR_INVALID,
                           _("%s:%u: not a Zeus header"), ctx->display, record.number);
              return FALSE;
            }
          for (guint i = 3; i < record.n_fields && i < HU_CSV_MAX_FIELDS; i++)
            if (g_str_has_prefix (record.fields[i], "gpu")
                && g_str_has_suffix (record.fields[i], "_energy"))
              g_array_append_val (gpu_cols, i);
          n_fields = record.n_fields;
          have_header = TRUE;
          continue;
        }

      /* window_name is written unquoted: a comma in it shifts the row. */
      if (record.n_fields != n_fields)
        {
          _hu_import_skip (ctx, record.number, _("expected %u fields, found %u"), n_fields,
                           MIN (record.n_fields, HU_CSV_MAX_FIELDS));
          continue;
        }
      if (!_hu_parse_number (record.fields[0], &start) || !isfinite (start)
          || !_hu_parse_number (record.fields[2], &elapsed))
        {
          _hu_import_skip (ctx, record.number, _("start_time or elapsed_time is not a number"));
          continue;
        }
      for (guint i = 0; i < gpu_cols->len; i++)
        {
          double j;
          if (!_hu_parse_number (record.fields[g_array_index (gpu_cols, guint, i)], &j))
            {
              known = FALSE;
              joules = NAN;
              break;
            }
          if (isfinite (j))
            {
              joules += j;
              known = TRUE;
            }
        }
      if (isnan (joules))
        {
          _hu_import_skip (ctx, record.number, _("a GPU energy is not a number"));
          continue;
        }

      run = _hu_import_add_run (ctx, "zeus", record.number);
      data = hu_measured_run_get_data (run);
      _hu_run_set_string (&data->run_id, record.fields[1]);
      _hu_run_set_string (&data->name, record.fields[1]);
      /* Unix time: a real instant, not a wall clock. */
      _hu_run_set_start (data, start, FALSE);
      data->duration_s = elapsed;
      data->gpu_count = gpu_cols->len;
      if (known)
        data->energy_kwh = data->gpu_energy_kwh = joules / 3.6e6;
      data->samples = 1;
      _hu_run_add_note (data, _("GPU energy only: Zeus does not log CPU or DRAM energy to "
                                "its file."));
      /* A window is a run of its own: nothing later changes it. */
      _hu_import_finish_run (ctx, run);
    }
  return TRUE;
}
