/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The nvidia-smi importer's fast path (hand-parsed rows, no splitting)
 * against values worked out by hand, and against its generic CSV path:
 * quoting a field sends a row down the generic path, and both paths must
 * give the same doubles, bit for bit.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hu-import.h"
#include "import-test-helpers.h"

static HuImportResult *
import_text (Fixture    *f,
             const char *name,
             const char *text)
{
  g_autofree char *path = write_file (f, name, text, -1);

  return import_ok (path, "nvidia-smi");
}

static HuRunData *
only_run (HuImportResult *result)
{
  g_assert_cmpuint (result->runs->len, ==, 1);
  return hu_measured_run_get_data (g_ptr_array_index (result->runs, 0));
}

static const HuImportSkip *
skip_at (HuImportResult *result,
         guint           i)
{
  g_assert_cmpuint (i, <, result->skipped->len);
  return g_ptr_array_index (result->skipped, i);
}

static void
assert_skip (HuImportResult *result,
             guint           i,
             guint           line,
             const char     *reason_part)
{
  const HuImportSkip *skip = skip_at (result, i);

  g_assert_cmpuint (skip->line, ==, line);
  if (strstr (skip->reason, reason_part) == NULL)
    g_error ("skip %u (line %u): \"%s\" does not say \"%s\"", i, line, skip->reason,
             reason_part);
}

/* Both runs hold the same doubles, bit for bit, series included. */
static void
assert_same_run (HuRunData *a,
                 HuRunData *b)
{
  g_assert_true (memcmp (&a->energy_kwh, &b->energy_kwh, sizeof (double)) == 0);
  g_assert_true (memcmp (&a->duration_s, &b->duration_s, sizeof (double)) == 0);
  g_assert_cmpuint (a->samples, ==, b->samples);
  g_assert_cmpstr (a->start, ==, b->start);
  g_assert_cmpstr (a->notes, ==, b->notes);
  g_assert_cmpuint (a->series->len, ==, b->series->len);
  for (guint i = 0; i < a->series->len; i++)
    {
      HuPowerSeries *sa = g_ptr_array_index (a->series, i);
      HuPowerSeries *sb = g_ptr_array_index (b->series, i);

      g_assert_cmpstr (sa->label, ==, sb->label);
      g_assert_cmpuint (sa->samples, ==, sb->samples);
      g_assert_cmpuint (sa->buckets->len, ==, sb->buckets->len);
      g_assert_true (memcmp (sa->buckets->data, sb->buckets->data,
                             sa->buckets->len * sizeof (HuSeriesBucket)) == 0);
    }
}

/* ---------------------------------------------------------------------- */
/* Two GPUs, every 0.5 s from 2024/12/31 23:59:55.000 to 2025/01/01
 * 00:00:05.000 (21 samples each: across a minute, a day and a year, so the
 * timestamp cache is rebuilt mid-run).
 *   GPU 0: 250.00 W throughout → 20 intervals × 0.5 s × 250 W = 2 500 J.
 *   GPU 1: 100.25 W and 300.75 W alternately → every interval averages
 *          200.5 W → 20 × 0.5 s × 200.5 W = 2 005 J.
 * Total 4 505 J = 4505 / 3.6e6 kWh, 42 samples, 10 s. */

typedef enum {
  STYLE_UNITS,     /* "250.00 W" */
  STYLE_NOUNITS,   /* --format=csv,nounits: "250.00" */
  STYLE_CRLF,      /* written on Windows */
  STYLE_EXTRA,     /* more columns, in another order */
  STYLE_GENERIC,   /* quoted and tabbed: never the fast path */
} Style;

static char *
two_gpu_log (Style style)
{
  GString *text = g_string_new (NULL);
  const char *eol = style == STYLE_CRLF ? "\r\n" : "\n";

  if (style == STYLE_EXTRA)
    g_string_append_printf (text, "timestamp, name, index, power.draw [W], temperature.gpu, "
                                  "utilization.gpu [%%]%s", eol);
  else
    g_string_append_printf (text, "timestamp, index, power.draw [W]%s", eol);

  for (int k = 0; k <= 20; k++)
    {
      int ms = 55000 + 500 * k;
      g_autofree char *ts = ms < 60000
        ? g_strdup_printf ("2024/12/31 23:59:%02d.%03d", ms / 1000, ms % 1000)
        : g_strdup_printf ("2025/01/01 00:00:%02d.%03d", ms / 1000 - 60, ms % 1000);

      for (int gpu = 0; gpu < 2; gpu++)
        {
          const char *watts = gpu == 0 ? "250.00" : k % 2 == 0 ? "100.25" : "300.75";

          switch (style)
            {
            case STYLE_UNITS:
            case STYLE_CRLF:
              g_string_append_printf (text, "%s, %d, %s W%s", ts, gpu, watts, eol);
              break;
            case STYLE_NOUNITS:
              g_string_append_printf (text, "%s, %d, %s%s", ts, gpu, watts, eol);
              break;
            case STYLE_EXTRA:
              g_string_append_printf (text, "%s, NVIDIA H100 80GB HBM3, %d, %s W, %d, 100 %%%s",
                                      ts, gpu, watts, 40 + k, eol);
              break;
            case STYLE_GENERIC:
              g_string_append_printf (text, "\"%s\",\t%d,\"%s W\"%s", ts, gpu, watts, eol);
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }
  return g_string_free (text, FALSE);
}

static void
assert_two_gpu_run (HuImportResult *r)
{
  HuRunData *d = only_run (r);

  g_assert_cmpuint (r->skipped->len, ==, 0);
  g_assert_cmpfloat_with_epsilon (d->energy_kwh, 4505 / 3.6e6, 1e-15);
  g_assert_cmpfloat_with_epsilon (d->gpu_energy_kwh, 4505 / 3.6e6, 1e-15);
  g_assert_cmpfloat (d->gpu_count, ==, 2);
  g_assert_cmpfloat_with_epsilon (d->duration_s, 10, 1e-6);
  g_assert_cmpuint (d->samples, ==, 42);
  g_assert_cmpstr (d->start, ==, "2024-12-31T23:59:55");
  g_assert_true (d->start_is_local);
  g_assert_cmpuint (d->series->len, ==, 2);
  /* Sampled every 0.5 s without a pause or an [N/A]: no gap, and no note
   * about gaps ("0 gaps (0 s) left out" said nothing). test_edges() counts
   * the gaps of a log that has some: 2 gaps, 42 s. */
  g_assert_cmpstr (d->notes, ==, "GPU board power only, integrated per GPU with the "
                                 "trapezoid rule.");
  g_assert_null (strstr (d->notes, "gap"));
}

static void
test_styles (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *generic_text = two_gpu_log (STYLE_GENERIC);
  g_autoptr(HuImportResult) generic = import_text (f, "generic.csv", generic_text);
  static const struct {
    Style       style;
    const char *name;
  } styles[] = {
    { STYLE_UNITS, "units.csv" },
    { STYLE_NOUNITS, "nounits.csv" },
    { STYLE_CRLF, "crlf.csv" },
    { STYLE_EXTRA, "extra.csv" },
  };

  assert_two_gpu_run (generic);
  g_assert_null (only_run (generic)->gpu_model);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autofree char *text = two_gpu_log (styles[i].style);
      g_autoptr(HuImportResult) r = import_text (f, styles[i].name, text);

      g_test_message ("%s", styles[i].name);
      assert_two_gpu_run (r);
      assert_same_run (only_run (r), only_run (generic));
      if (styles[i].style == STYLE_EXTRA)
        g_assert_cmpstr (only_run (r)->gpu_model, ==, "NVIDIA H100 80GB HBM3");
      else
        g_assert_null (only_run (r)->gpu_model);
    }
}

/* ---------------------------------------------------------------------- */
/* One GPU at 100 W every second, t = 0…20 s, then one sample at t = 60 s.
 *   line  7, t = 5:  "[N/A]": a gap; the intervals 4→5 and 5→6 are lost
 *                    (2 s), and the note counts it as the list does.
 *   line 14, t = 12: month 13 → skipped as a bad timestamp (its 1 000 W
 *                    must not count); 11→13 is one 2 s interval.
 *   line 19, t = 17: 1 000 000 W is not a power draw → skipped; 16→18.
 *   line 23, t = 60: 40 s after t = 20, more than 5 × the usual 1 s: a
 *                    gap, reported, not bridged.
 * Covered: 20 s − 2 s = 18 s × 100 W = 1 800 J. Samples: 21 rows − 3 + 1 =
 * 19. Duration 60 s. */
static char *
edge_log (const char *eol)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "timestamp, index, power.draw [W]%s", eol);
  for (int t = 0; t <= 20; t++)
    {
      if (t == 5)
        g_string_append_printf (text, "2024/01/01 10:00:%02d.000, 0, [N/A]%s", t, eol);
      else if (t == 12)
        g_string_append_printf (text, "2024/13/01 10:00:%02d.000, 0, 1000.00 W%s", t, eol);
      else if (t == 17)
        g_string_append_printf (text, "2024/01/01 10:00:%02d.000, 0, 1000000.00 W%s", t, eol);
      else
        g_string_append_printf (text, "2024/01/01 10:00:%02d.000, 0, 100.00 W%s", t, eol);
    }
  g_string_append_printf (text, "2024/01/01 10:01:00.000, 0, 100.00 W%s", eol);
  return g_string_free (text, FALSE);
}

static void
assert_edge_run (HuImportResult *r)
{
  HuRunData *d = only_run (r);

  g_assert_cmpfloat_with_epsilon (d->energy_kwh, 1800 / 3.6e6, 1e-15);
  g_assert_cmpuint (d->samples, ==, 19);
  g_assert_cmpfloat_with_epsilon (d->duration_s, 60, 1e-9);
  g_assert_cmpfloat (d->gpu_count, ==, 1);
  g_assert_cmpstr (d->start, ==, "2024-01-01T10:00:00");
  /* The [N/A] stretch (4→6, 2 s) and the pause (20→60, 40 s): 2 gaps,
   * 42 s, and the one [N/A] line the skipped list shows. */
  g_assert_nonnull (strstr (d->notes, "2 gaps (42 s)"));
  g_assert_nonnull (strstr (d->notes, "1 sample read [N/A]"));

  g_assert_cmpuint (r->skipped->len, ==, 4);
  assert_skip (r, 0, 7, "[N/A]");
  assert_skip (r, 1, 14, "bad timestamp");
  assert_skip (r, 2, 19, "not a number of watts");
  /* 40 s as every time reads (three digits, trailing zeros dropped),
   * not "40.0 s". */
  assert_skip (r, 3, 23, "GPU 0: 40 s without samples (usual interval 1 s)");
  g_assert_nonnull (strstr (skip_at (r, 3)->reason, "GPU 0"));
  /* The usual interval, 1 s, reads "1 s", never "1.000 s". */
  g_assert_null (strstr (skip_at (r, 3)->reason, "1.000 s"));
  /* Lines 7 and 23 are gaps in the samples; 14 and 19 could not be read
   * (issue 10 item 12: the two are listed apart). */
  g_assert_cmpuint (r->n_skipped, ==, 4);
  g_assert_cmpuint (r->n_gaps, ==, 2);
  g_assert_cmpint (skip_at (r, 0)->kind, ==, HU_IMPORT_SKIP_GAP);
  g_assert_cmpint (skip_at (r, 1)->kind, ==, HU_IMPORT_SKIP_UNREADABLE);
  g_assert_cmpint (skip_at (r, 2)->kind, ==, HU_IMPORT_SKIP_UNREADABLE);
  g_assert_cmpint (skip_at (r, 3)->kind, ==, HU_IMPORT_SKIP_GAP);
}

static void
test_edges (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *lf = edge_log ("\n");
  g_autofree char *crlf = edge_log ("\r\n");
  g_autoptr(HuImportResult) r_lf = import_text (f, "edge-lf.csv", lf);
  g_autoptr(HuImportResult) r_crlf = import_text (f, "edge-crlf.csv", crlf);

  assert_edge_run (r_lf);
  assert_edge_run (r_crlf);
  assert_same_run (only_run (r_lf), only_run (r_crlf));
}

/* --format=csv,noheader: the first line is already a row (read by the
 * generic path, the rest by the fast one). GPU 0 at 100 W and GPU 1 at
 * 50 W, every second for t = 0…4 s: 4 s × 150 W = 600 J, 10 samples. */
static void
test_noheader (Fixture       *f,
               gconstpointer  data)
{
  GString *text = g_string_new (NULL);
  g_autofree char *contents = NULL;
  g_autoptr(HuImportResult) r = NULL;
  HuRunData *d;

  for (int t = 0; t <= 4; t++)
    g_string_append_printf (text, "2024/03/10 08:15:%02d.000, 0, 100.00 W\n"
                                  "2024/03/10 08:15:%02d.000, 1, 50.00 W\n", t, t);
  contents = g_string_free (text, FALSE);
  r = import_text (f, "noheader.csv", contents);
  d = only_run (r);
  g_assert_cmpuint (r->skipped->len, ==, 0);
  g_assert_cmpfloat_with_epsilon (d->energy_kwh, 600 / 3.6e6, 1e-15);
  g_assert_cmpuint (d->samples, ==, 10);
  g_assert_cmpfloat (d->gpu_count, ==, 2);
  g_assert_cmpfloat_with_epsilon (d->duration_s, 4, 1e-9);
  g_assert_cmpstr (d->start, ==, "2024-03-10T08:15:00");
}

/* ---------------------------------------------------------------------- */
/* Rows the fast path must leave to the generic one, each checked by hand:
 * whatever they hold, the file must read as if they went through
 * g_ascii_strtod and _hu_parse_timestamp. Every row is GPU 0 at t = k s. */
static void
test_declined_rows (Fixture       *f,
                    gconstpointer  data)
{
  static const struct {
    const char *row;     /* after the timestamp */
    double      watts;   /* NAN: skipped as not watts */
  } rows[] = {
    { ", 0, 100.00 W", 100 },
    { ", 0, 1e2 W", 100 },                       /* exponent */
    { ", 0, 0x64 W", 100 },                      /* hex: strtod reads it */
    { ", 0, 100. W", 100 },                      /* no decimals */
    { ", 0,\t100.00 W", 100 },                   /* tab */
    { ", 0, 100.00\t", 100 },
    { ",0,100.00 W", 100 },                      /* no spaces */
    { " , 0 , 100.00 W ", 100 },                 /* more spaces */
    { ", 0, 100.0000000000000000001 W", 100 },   /* > 15 digits */
    { ",0,\"100.00 W\"", 100 },                  /* quoted */
    { ", 0, 100.00W", NAN },                     /* no space before W */
    { ", 0, 100.00 kW", NAN },
    { ", 0, -100.00 W", NAN },
    { ", 0, ", NAN },                            /* empty */
    { ", 0, 100 W W", NAN },
  };
  GString *text = g_string_new ("timestamp, index, power.draw [W]\n");
  g_autofree char *contents = NULL;
  g_autoptr(HuImportResult) r = NULL;
  HuRunData *d;
  guint n_bad = 0, n_good = 0;

  for (guint k = 0; k < G_N_ELEMENTS (rows); k++)
    g_string_append_printf (text, "2024/06/01 12:00:%02u.000%s\n", k, rows[k].row);
  /* Timestamps only the generic parser reads: 6 decimals, ISO 8601, a
   * zone (ignored: nvidia-smi writes local time). */
  g_string_append (text, "2024/06/01 12:00:15.000000, 0, 100.00 W\n");
  g_string_append (text, "2024-06-01T12:00:16.000, 0, 100.00 W\n");
  g_string_append (text, "2024/06/01 12:00:17.000Z, 0, 100.00 W\n");
  contents = g_string_free (text, FALSE);
  r = import_text (f, "declined.csv", contents);
  d = only_run (r);

  for (guint k = 0; k < G_N_ELEMENTS (rows); k++)
    {
      if (isnan (rows[k].watts))
        {
          assert_skip (r, n_bad, k + 2, "not a number of watts");
          n_bad++;
        }
      else
        n_good++;
    }
  /* 10 good rows at t = 0…9, 5 skipped (t = 10…14), then t = 15, 16, 17,
   * all at 100 W. The usual interval is 1 s, so 9 → 15 (6 s) is a gap,
   * reported (last: the interval is only known at the end) and not
   * bridged: 9 s + 2 s = 11 s × 100 W = 1 100 J. */
  g_assert_cmpuint (n_good, ==, 10);
  g_assert_cmpuint (r->skipped->len, ==, n_bad + 1);
  assert_skip (r, n_bad, 17, "6 s without samples (usual interval 1 s)");
  g_assert_cmpuint (d->samples, ==, 10 + 3);
  g_assert_cmpfloat_with_epsilon (d->energy_kwh, 1100 / 3.6e6, 1e-15);
  g_assert_cmpfloat_with_epsilon (d->duration_s, 17, 1e-9);
}

/* ---------------------------------------------------------------------- */
/* Random rows through both paths: same doubles, same series. */
static void
test_random_equivalence (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);
  GString *fast = g_string_new ("timestamp, index, power.draw [W]\n");
  GString *generic = g_string_new ("timestamp, index, power.draw [W]\n");
  g_autofree char *fast_text = NULL, *generic_text = NULL;
  g_autoptr(HuImportResult) rf = NULL;
  g_autoptr(HuImportResult) rg = NULL;
  gint64 ms = 1718000000000; /* 2024-06-10 */

  for (guint n = 0; n < 20000; n++)
    {
      g_autoptr(GDateTime) dt = NULL;
      g_autofree char *ts = NULL;
      char watts[64];
      guint gpu = n % 4;

      if (gpu == 0)
        ms += g_rand_int_range (rand, 1, 400) + (g_rand_int_range (rand, 0, 500) == 0 ? 30000 : 0);
      dt = g_date_time_new_from_unix_utc (ms / 1000);
      ts = g_date_time_format (dt, "%Y/%m/%d %H:%M:%S");
      if (g_rand_int_range (rand, 0, 200) == 0)
        g_strlcpy (watts, "[N/A]", sizeof watts);
      else
        g_snprintf (watts, sizeof watts, "%.*f W", g_rand_int_range (rand, 0, 7),
                    g_rand_double_range (rand, 0, 1200));
      g_string_append_printf (fast, "%s.%03d, %u, %s\n", ts, (int) (ms % 1000), gpu, watts);
      g_string_append_printf (generic, "%s.%03d, %u,\"%s\"\n", ts, (int) (ms % 1000), gpu, watts);
    }
  fast_text = g_string_free (fast, FALSE);
  generic_text = g_string_free (generic, FALSE);
  rf = import_text (f, "fast.csv", fast_text);
  rg = import_text (f, "generic.csv", generic_text);

  assert_same_run (only_run (rf), only_run (rg));
  g_assert_cmpuint (rf->skipped->len, ==, rg->skipped->len);
  g_assert_cmpuint (rf->skipped->len, >, 0);
  for (guint i = 0; i < rf->skipped->len; i++)
    {
      g_assert_cmpuint (skip_at (rf, i)->line, ==, skip_at (rg, i)->line);
      g_assert_cmpstr (skip_at (rf, i)->reason, ==, skip_at (rg, i)->reason);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/huella/import/nvidia-smi/styles", Fixture, NULL,
              fixture_set_up, test_styles, fixture_tear_down);
  g_test_add ("/huella/import/nvidia-smi/edges", Fixture, NULL,
              fixture_set_up, test_edges, fixture_tear_down);
  g_test_add ("/huella/import/nvidia-smi/noheader", Fixture, NULL,
              fixture_set_up, test_noheader, fixture_tear_down);
  g_test_add ("/huella/import/nvidia-smi/declined-rows", Fixture, NULL,
              fixture_set_up, test_declined_rows, fixture_tear_down);
  g_test_add ("/huella/import/nvidia-smi/random-equivalence", Fixture, NULL,
              fixture_set_up, test_random_equivalence, fixture_tear_down);

  return g_test_run ();
}
