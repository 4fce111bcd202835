/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hu-units.h"
#include "hu-report-document-private.h"

/*
 * The tables of the human-readable report. A quantity's cell is written
 * only once the whole column is known, so every figure of a column shares
 * one unit and one number of decimals (hu-units): "86.00 MWh" above
 * "44.18 MWh", never "86 MWh" above "44.18 MWh" nor "0 kWh" above
 * "0.57 Wh".
 */

/* A quantity's cell until the table is finished: this byte, then the value
 * (or value;low;high) in C. No text cell starts with it: names and notes
 * are made printable before they reach a report. */
#define VALUE_MARK '\x1e'

void
_hu_report_table_free (HuReportTable *table)
{
  g_free (table->caption);
  g_strfreev (table->headers);
  g_free (table->numeric);
  g_free (table->weights);
  g_free (table->units);
  g_free (table->pdf_widths);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

/* Columns are given as "Title", then "#" for numeric (right-aligned) ones,
 * then the relative width: _hu_report_table_new (caption, 2, "Scenario",
 * "", 2.0, "Energy", "#", 1.0). */
HuReportTable *
_hu_report_table_new (const char *caption,
                      guint       n_columns,
                      ...)
{
  HuReportTable *table = g_new0 (HuReportTable, 1);
  va_list args;

  table->caption = g_strdup (caption);
  table->n_columns = n_columns;
  table->headers = g_new0 (char *, n_columns + 1);
  table->numeric = g_new0 (gboolean, n_columns);
  table->weights = g_new0 (double, n_columns);
  table->units = g_new0 (HuReportColumnUnit, n_columns);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  va_start (args, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      table->headers[i] = g_strdup (va_arg (args, const char *));
      table->numeric[i] = g_str_equal (va_arg (args, const char *), "#");
      table->weights[i] = va_arg (args, double);
    }
  va_end (args);

  return table;
}

/* Takes ownership of the n_columns strings passed (NULL becomes "—"). */
void
_hu_report_table_add_row (HuReportTable *table,
                          ...)
{
  char **row = g_new0 (char *, table->n_columns + 1);
  va_list args;

  va_start (args, table);
  for (guint i = 0; i < table->n_columns; i++)
    {
      char *cell = va_arg (args, char *);

      row[i] = cell != NULL ? cell : g_strdup ("—");
    }
  va_end (args);

  g_ptr_array_add (table->rows, row);
}

/**
 * _hu_report_table_set_unit:
 * @mode: %HU_REPORT_UNIT_SCALED: the column picks its unit and every cell
 *   names it; %HU_REPORT_UNIT_BASE: the header names the base unit (kWh,
 *   kg) and cells hold the number only; %HU_REPORT_UNIT_HEADER: the
 *   column picks its unit, which the header names ("Energy (MWh)"), and
 *   cells hold the number only
 * @significant: digits of the column's largest value; 0 for the unit's
 *
 * Cells of the column made by _hu_report_cell_value() are written in one
 * unit when the table is finished.
 */
void
_hu_report_table_set_unit (HuReportTable     *table,
                           guint              column,
                           HuUnitKind         kind,
                           HuReportUnitMode   mode,
                           int                significant,
                           const char        *currency)
{
  g_return_if_fail (column < table->n_columns);

  table->units[column].kind = kind;
  table->units[column].mode = mode;
  table->units[column].significant = significant;
  table->units[column].currency = currency;
}

/* A quantity, in its base unit, to be written with its column; NULL
 * ("—") when unknown. */
char *
_hu_report_cell_value (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return NULL;
  return g_strdup_printf ("%c%s", VALUE_MARK, g_ascii_dtostr (buf, sizeof buf, value));
}

/* A quantity and its likely range: "9.2 t (5.1–14.8 t)" once written. */
char *
_hu_report_cell_interval (double value,
                          double low,
                          double high)
{
  char v[G_ASCII_DTOSTR_BUF_SIZE];
  char lo[G_ASCII_DTOSTR_BUF_SIZE];
  char hi[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return NULL;
  if (!isfinite (low) || !isfinite (high) || low == high)
    return _hu_report_cell_value (value);
  return g_strdup_printf ("%c%s;%s;%s", VALUE_MARK, g_ascii_dtostr (v, sizeof v, value),
                          g_ascii_dtostr (lo, sizeof lo, low),
                          g_ascii_dtostr (hi, sizeof hi, high));
}

static guint
parse_cell (const char *cell,
            double      values[3])
{
  guint n = 0;
  const char *p = cell + 1;

  while (n < 3 && *p != '\0')
    {
      char *end = NULL;

      values[n++] = g_ascii_strtod (p, &end);
      p = *end == ';' ? end + 1 : end;
      if (*end != ';')
        break;
    }
  return n;
}

static char *
write_cell (const HuUnitScale *scale,
            HuReportUnitMode   mode,
            const double      *values,
            guint              n)
{
  g_autofree char *point = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  g_autofree char *range = NULL;

  if (mode != HU_REPORT_UNIT_SCALED)
    point = hu_unit_scale_format_number (scale, values[0], HU_UNITS_DEFAULT);
  else
    point = hu_unit_scale_format (scale, values[0], HU_UNITS_DEFAULT);
  if (n < 3)
    return g_steal_pointer (&point);

  low = hu_unit_scale_format_number (scale, values[1], HU_UNITS_DEFAULT);
  if (mode != HU_REPORT_UNIT_SCALED)
    high = hu_unit_scale_format_number (scale, values[2], HU_UNITS_DEFAULT);
  else
    high = hu_unit_scale_format (scale, values[2], HU_UNITS_DEFAULT);
  range = g_strdup_printf ("%s–%s", low, high);
  /* TRANSLATORS: a value and its likely range, "9.2 t (5.1–14.8 t)" */
  return g_strdup_printf (_("%s (%s)"), point, range);
}

/* Takes column @col out of the table, its header and every row's cell. */
static void
drop_column (HuReportTable *table,
             guint          col)
{
  guint after = table->n_columns - col - 1;

  g_free (table->headers[col]);
  /* The headers' NULL end moves along with them. */
  memmove (table->headers + col, table->headers + col + 1, (after + 1) * sizeof (char *));
  memmove (table->numeric + col, table->numeric + col + 1, after * sizeof (gboolean));
  memmove (table->weights + col, table->weights + col + 1, after * sizeof (double));
  memmove (table->units + col, table->units + col + 1, after * sizeof (HuReportColumnUnit));
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      g_free (row[col]);
      memmove (row + col, row + col + 1, (after + 1) * sizeof (char *));
    }
  table->n_columns--;
}

/* Whether no row of column @col holds a value: every cell "—". */
static gboolean
column_is_empty (const HuReportTable *table,
                 guint                col)
{
  for (guint r = 0; r < table->rows->len; r++)
    if (!g_str_equal (((char **) g_ptr_array_index (table->rows, r))[col], "—"))
      return FALSE;
  return TRUE;
}

/* Writes the quantity cells of every column with a unit. A column with
 * no value in any row ("Cost" when no scenario has a price, "Region" when
 * every intensity is given) is left out, as the app hides the Cost card
 * without a price: a column of dashes tells nothing and takes the width
 * the others need. The CSV and JSON keep every field: they are not made
 * from these tables. */
void
_hu_report_table_finish (HuReportTable *table)
{
  for (guint col = table->n_columns; col > 0 && table->rows->len > 0; col--)
    if (table->n_columns > 1 && column_is_empty (table, col - 1))
      drop_column (table, col - 1);

  for (guint col = 0; col < table->n_columns; col++)
    {
      const HuReportColumnUnit *unit = &table->units[col];
      g_autoptr(GArray) all = NULL;
      HuUnitScale scale;

      if (unit->mode == HU_REPORT_UNIT_NONE)
        continue;

      all = g_array_new (FALSE, FALSE, sizeof (double));
      for (guint r = 0; r < table->rows->len; r++)
        {
          char **row = g_ptr_array_index (table->rows, r);
          double values[3];

          if (row[col][0] == VALUE_MARK)
            g_array_append_vals (all, values, parse_cell (row[col], values));
        }

      hu_unit_scale_init (&scale, unit->kind, (const double *) all->data, all->len,
                          unit->currency, unit->significant);
      if (unit->mode == HU_REPORT_UNIT_BASE && unit->kind != HU_UNIT_FLOPS)
        {
          double max = 0, min = G_MAXDOUBLE;
          int decimals = 0;

          /* The header names the base unit: keep it, with the decimals
           * of hu_unit_scale_init(): the largest value's significant
           * digits, two of the smallest, at most one decimal more. */
          for (guint i = 0; i < all->len; i++)
            {
              double v = fabs (g_array_index (all, double, i));

              if (v > 0)
                max = MAX (max, v), min = MIN (min, v);
            }
          if (max > 0)
            {
              decimals = MAX (scale.significant - 1 - (int) floor (log10 (max)), 0);
              decimals = MAX (decimals, MIN (1 - (int) floor (log10 (min)), decimals + 1));
            }
          scale.divisor = 1;
          scale.decimals = CLAMP (decimals, 0, 9);
        }
      else if (unit->mode == HU_REPORT_UNIT_HEADER)
        {
          g_autofree char *symbol = hu_unit_scale_symbol (&scale, HU_UNITS_DEFAULT);

          if (symbol[0] != '\0')
            {
              char *header;

              /* TRANSLATORS: a table column's title and the unit its
               * figures are in, "Energy (MWh)" */
              header = g_strdup_printf (C_("column with unit", "%s (%s)"), table->headers[col],
                                        symbol);
              g_free (table->headers[col]);
              table->headers[col] = header;
            }
        }

      for (guint r = 0; r < table->rows->len; r++)
        {
          char **row = g_ptr_array_index (table->rows, r);
          double values[3];
          guint n;

          if (row[col][0] != VALUE_MARK)
            continue;
          n = parse_cell (row[col], values);
          g_free (row[col]);
          row[col] = write_cell (&scale, unit->mode, values, n);
        }
    }
}
