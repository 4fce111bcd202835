/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The text table of `huella-cli import`, streamed: the first runs decide
 * the columns' widths and units, and every run after them is printed as
 * it arrives, so memory does not grow with the number of runs (issue 9,
 * item 11). */

#define G_LOG_DOMAIN "huella-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hu-cli-import-text.h"
#include "hu-number.h"

/* What a row needs before its units are known: a few strings and
 * numbers, not the run (a run holds its power series and notes). */
typedef struct {
  char   *source;
  char   *version;
  char   *run;
  char   *start;
  double  hours;
  double  energy_kwh;
  double  emissions_kg;
  double  intensity;
} Row;

struct _HuCliImportText
{
  GString     *out;
  HuCliTable  *table;
  GArray      *pending;     /* Row, until the units are chosen */
  gboolean     scaled;
  HuUnitScale  hours_scale;
  HuUnitScale  energy_scale;
  HuUnitScale  mass_scale;
  guint64      n_runs;
  guint        max_held;    /* the most rows held at once (tests) */
};

static void
row_clear (Row *row)
{
  g_free (row->source);
  g_free (row->version);
  g_free (row->run);
  g_free (row->start);
}

HuCliImportText *
hu_cli_import_text_new (GString *out)
{
  HuCliImportText *self = g_new0 (HuCliImportText, 1);

  self->out = out;
  self->table = hu_cli_table_new (8, _("Source"), _("Version"), _("Run"), _("Start"),
                                  _("Duration"), _("Energy"), _("CO₂eq"), hu_units_intensity_symbol (HU_UNITS_DEFAULT), NULL);
  for (guint c = 0; c < 4; c++)
    hu_cli_table_set_max_width (self->table, c, HU_CLI_IMPORT_TEXT_MAX_WIDTH);
  for (guint c = 4; c < 8; c++)
    hu_cli_table_set_right (self->table, c);
  self->pending = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->pending, (GDestroyNotify) row_clear);
  return self;
}

static char *
number_or_dash (double value,
                int    significant)
{
  return isfinite (value) ? hu_format_number (value, significant) : g_strdup ("—");
}

static void
add_row (HuCliImportText *self,
         const Row       *row)
{
  g_autofree char *duration = hu_unit_scale_format (&self->hours_scale, row->hours,
                                                    HU_UNITS_DEFAULT);
  g_autofree char *energy = hu_unit_scale_format (&self->energy_scale, row->energy_kwh,
                                                  HU_UNITS_DEFAULT);
  g_autofree char *co2 = hu_unit_scale_format (&self->mass_scale, row->emissions_kg,
                                               HU_UNITS_DEFAULT);
  g_autofree char *intensity = number_or_dash (row->intensity, 4);

  hu_cli_table_add_row (self->table, row->source, row->version, row->run, row->start,
                        duration, energy, co2, intensity, NULL);
}

/* One unit per column (hu-units), chosen from the first runs: a log of
 * many short runs reads "0.405 Wh" above "1.212 Wh", not "4.05 × 10⁻⁴"
 * above "0.001212". The rows held until now are printed. With @more to
 * come, the columns get room for the usual run after these: a run label
 * ("codecarbon · 3a7221 · 2023-06-06 01:31"), a start with its zone, a
 * number with more digits ("< 0.0001 kWh"). */
static void
choose_units (HuCliImportText *self,
              gboolean         more)
{
  static const guint room[] = { 13, 8, 40, 20, 12, 12, 12, 6 };

  guint n = self->pending->len;
  g_autofree double *hours = g_new (double, MAX (n, 1));
  g_autofree double *energy = g_new (double, MAX (n, 1));
  g_autofree double *mass = g_new (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      Row *row = &g_array_index (self->pending, Row, i);

      hours[i] = row->hours;
      energy[i] = row->energy_kwh;
      mass[i] = row->emissions_kg;
    }
  hu_unit_scale_init (&self->hours_scale, HU_UNIT_HOURS, hours, n, NULL, 0);
  hu_unit_scale_init (&self->energy_scale, HU_UNIT_ENERGY_KWH, energy, n, NULL, 0);
  hu_unit_scale_init (&self->mass_scale, HU_UNIT_MASS_KG, mass, n, NULL, 0);
  self->scaled = TRUE;

  for (guint c = 0; more && c < G_N_ELEMENTS (room); c++)
    hu_cli_table_set_min_width (self->table, c, room[c]);
  for (guint i = 0; i < n; i++)
    add_row (self, &g_array_index (self->pending, Row, i));
  g_array_set_size (self->pending, 0);
  hu_cli_table_flush (self->table, self->out);
}

void
hu_cli_import_text_add_run (HuCliImportText *self,
                            HuMeasuredRun   *run)
{
  HuRunData *d = hu_measured_run_get_data (run);
  Row row = {
    .source = d->predicted ? g_strdup_printf (_("%s (predicted)"), d->source)
                           : g_strdup (d->source),
    .version = g_strdup (d->source_version ? d->source_version : "—"),
    .run = g_strdup (d->name ? d->name : d->run_id ? d->run_id : "—"),
    .start = g_strdup (d->start ? d->start : "—"),
    .hours = d->duration_s / 3600,
    .energy_kwh = d->energy_kwh,
    .emissions_kg = d->emissions_kg,
    .intensity = d->intensity_g_per_kwh,
  };

  self->n_runs++;
  if (self->scaled)
    {
      add_row (self, &row);
      row_clear (&row);
      self->max_held = MAX (self->max_held, 1);
      hu_cli_table_flush (self->table, self->out);
      return;
    }
  g_array_append_val (self->pending, row);
  self->max_held = MAX (self->max_held, self->pending->len);
  if (self->pending->len >= HU_CLI_IMPORT_TEXT_SAMPLE)
    choose_units (self, TRUE);
}

/* The table's end (or all of it, for a few runs), the number of runs and
 * the lines left out. */
void
hu_cli_import_text_finish (HuCliImportText *self,
                           HuImportResult  *result)
{
  GString *out = self->out;
  guint runs = (guint) MIN (self->n_runs, G_MAXUINT);

  if (!self->scaled)
    choose_units (self, FALSE);

  {
    g_autofree char *count = hu_format_count (runs);

    /* Translators: %s is a count of runs, "4,286" */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s run", "%s runs", runs), count);
  }
  g_string_append_c (out, '\n');
  if (result->skipped->len > 0)
    {
      guint skipped = (guint) MIN (result->n_skipped, G_MAXUINT);
      g_autofree char *count = hu_format_count (skipped);

      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s line or run skipped:\n",
                                                "%s lines or runs skipped:\n", skipped),
                              count);
      guint listed = MIN (result->skipped->len, HU_CLI_IMPORT_LISTED_SKIPS);

      for (guint i = 0; i < listed; i++)
        {
          HuImportSkip *s = g_ptr_array_index (result->skipped, i);
          g_string_append_printf (out, "  %s:%u: %s\n", s->file, s->line, s->reason);
        }
      if (result->n_skipped > listed)
        {
          guint more = (guint) MIN (result->n_skipped - listed, G_MAXUINT);
          g_autofree char *n_more = hu_format_count (more);

          g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "  … and %s more\n",
                                                    "  … and %s more\n", more),
                                  n_more);
        }
    }
}

guint
hu_cli_import_text_get_max_held (HuCliImportText *self)
{
  return self->max_held;
}

void
hu_cli_import_text_free (HuCliImportText *self)
{
  hu_cli_table_free (self->table);
  g_array_unref (self->pending);
  g_free (self);
}
