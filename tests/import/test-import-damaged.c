/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Damaged input: every case must end in a clear error or skipped rows,
 * never a crash or a hang. Also the decimated series' bounds. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "hu-import-private.h"
#include "import-test-helpers.h"

#define HEADER "timestamp,project_name,run_id,duration,emissions,energy_consumed\n"
#define ROW(id, d, e) "2024-01-01T10:00:00,p," id "," d ",0.001," e "\n"

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  /* The last row stops in the middle of a number: 4 of 6 fields. */
  g_autofree char *path = write_file (f, "t.csv", HEADER ROW ("a", "1", "0.5") ROW ("b", "2", "0.7")
                                      "2024-01-01T10:00:00,p,c,3", -1);
  g_autoptr(HuImportResult) r = import_ok (path, NULL);
  HuImportSkip *skip;

  g_assert_cmpuint (r->runs->len, ==, 2);
  g_assert_cmpuint (r->skipped->len, ==, 1);
  skip = g_ptr_array_index (r->skipped, 0);
  g_assert_cmpuint (skip->line, ==, 4);
  g_assert_cmpstr (skip->file, ==, path);
}

static void
test_header_only (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = write_file (f, "h.csv", HEADER, -1);
  g_autoptr(HuImportResult) r = import_ok (path, NULL);

  g_assert_cmpuint (r->runs->len, ==, 0);
  g_assert_cmpuint (r->skipped->len, ==, 0);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = write_file (f, "e.csv", "", 0);
  const char *paths[] = { path, NULL };
  g_autoptr(HuImportResult) r = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (hu_import_paths (paths, NULL, NULL, NULL, NULL, &r, &error));
  g_assert_error (error, HU_IMPORT_ERROR, HU_IMPORT_ERROR_UNKNOWN_FORMAT);
  g_assert_null (r);
}

static void
test_garbage (Fixture       *f,
              gconstpointer  data)
{
  g_autofree guint8 *bytes = g_malloc (65536);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *path = NULL;
  const char * const *trackers = hu_import_get_trackers ();

  for (guint i = 0; i < 65536; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  path = write_file (f, "g.bin", (const char *) bytes, 65536);

  /* Detected: refused with the file name. */
  {
    const char *paths[] = { path, NULL };
    g_autoptr(HuImportResult) r = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_false (hu_import_paths (paths, NULL, NULL, NULL, NULL, &r, &error));
    g_assert_error (error, HU_IMPORT_ERROR, HU_IMPORT_ERROR_UNKNOWN_FORMAT);
    g_assert_true (g_str_has_prefix (error->message, path));
  }

  /* Forced through every importer: an error or skipped lines, no crash. */
  for (guint t = 0; trackers[t] != NULL; t++)
    {
      const char *paths[] = { path, NULL };
      g_autoptr(HuImportResult) r = NULL;
      g_autoptr(GError) error = NULL;

      if (!hu_import_paths (paths, trackers[t], NULL, NULL, NULL, &r, &error))
        g_assert_nonnull (error);
      else
        g_assert_no_error (error);
    }
}

static void
test_long_line (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (HEADER ROW ("a", "1", "0.5"));
  g_autofree char *path = NULL;
  g_autoptr(HuImportResult) r = NULL;

  /* 100 000 characters on line 3, then 2 MiB on line 4 (over HU_LINE_MAX,
   * dropped unread), then a good row on line 5. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, 'x');
  g_string_append_c (text, '\n');
  for (guint i = 0; i < 2 * 1024 * 1024; i++)
    g_string_append_c (text, i % 7 == 0 ? ',' : 'y');
  g_string_append_c (text, '\n');
  g_string_append (text, ROW ("b", "2", "0.25"));
  path = write_file (f, "l.csv", text->str, text->len);

  r = import_ok (path, NULL);
  g_assert_cmpuint (r->runs->len, ==, 2);
  g_assert_cmpuint (r->skipped->len, ==, 2);
  g_assert_cmpuint (((HuImportSkip *) g_ptr_array_index (r->skipped, 0))->line, ==, 3);
  g_assert_cmpuint (((HuImportSkip *) g_ptr_array_index (r->skipped, 1))->line, ==, 4);
  g_assert_cmpfloat_with_epsilon (hu_measured_run_get_data (g_ptr_array_index (r->runs, 1))->energy_kwh,
                                  0.25, 1e-12);
}

static void
test_mixed_line_endings (Fixture       *f,
                         gconstpointer  data)
{
  /* LF, CRLF, lone CR and a missing final newline in one file. */
  g_autofree char *path = write_file (f, "m.csv",
    "timestamp,project_name,run_id,duration,emissions,energy_consumed\r\n"
    "2024-01-01T10:00:00,p,a,1,0.001,0.5\n"
    "2024-01-01T10:00:00,p,b,1,0.001,0.5\r\n"
    "2024-01-01T10:00:00,p,c,1,0.001,0.5\r"
    "2024-01-01T10:00:00,p,d,1,0.001,0.5", -1);
  g_autoptr(HuImportResult) r = import_ok (path, NULL);

  g_assert_cmpuint (r->runs->len, ==, 4);
  g_assert_cmpuint (r->skipped->len, ==, 0);
  g_assert_cmpstr (hu_measured_run_get_data (g_ptr_array_index (r->runs, 3))->run_id, ==, "d");
}

typedef struct {
  const char *path;
  guint       calls;
  GCancellable *cancel;
} Grow;

static void
grow_while_reading (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  Grow *g = user_data;
  g_autoptr(GError) error = NULL;
  FILE *fp;

  g_assert_cmpuint (done, <=, total);
  if (g->cancel != NULL && g->calls == 1)
    g_cancellable_cancel (g->cancel);
  /* Append (and once truncate) while the importer is reading. */
  if (g->calls++ < 3 && (fp = g_fopen (g->path, g->calls == 2 ? "w" : "a")) != NULL)
    {
      fputs ("2024-01-01T10:00:00,p,z,9,0.001,0.5\n", fp);
      fclose (fp);
    }
}

static void
test_changing_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autofree char *path = NULL;
  const char *paths[2] = { NULL, NULL };
  g_autoptr(HuImportResult) r = NULL;
  g_autoptr(GError) error = NULL;
  Grow g = { NULL, 0, NULL };

  /* Over one 256 KiB read, so the file changes between two reads. */
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "2024-01-01T10:00:00,p,r%u,%u,0.001,0.5\n", i % 10, i);
  path = write_file (f, "c.csv", text->str, text->len);
  g.path = paths[0] = path;

  g_assert_true (hu_import_paths (paths, NULL, NULL, grow_while_reading, &g, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r->runs->len, >=, 1);
  g_assert_cmpuint (g.calls, >=, 2);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autofree char *path = NULL;
  const char *paths[2] = { NULL, NULL };
  g_autoptr(HuImportResult) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  Grow g = { NULL, 0, cancel };

  for (guint i = 0; i < 40000; i++)
    g_string_append_printf (text, "2024-01-01T10:00:00,p,r,%u,0.001,0.5\n", i);
  path = write_file (f, "k.csv", text->str, text->len);
  g.path = "/nonexistent/dir/x";
  paths[0] = path;

  g_assert_false (hu_import_paths (paths, NULL, cancel, grow_while_reading, &g, &r, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (r);
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  const char *paths[] = { "/nonexistent/emissions.csv", NULL };
  g_autoptr(HuImportResult) r = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (hu_import_paths (paths, NULL, NULL, NULL, NULL, &r, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/emissions.csv: "));

  {
    const char *ok[] = { f->dir, NULL };
    g_clear_error (&error);
    g_assert_false (hu_import_paths (ok, "nonsense", NULL, NULL, NULL, &r, &error));
    g_assert_error (error, HU_IMPORT_ERROR, HU_IMPORT_ERROR_UNKNOWN_TRACKER);
  }
}

static void
test_series_bounded (void)
{
  g_autoptr(HuSeriesBuilder) b = _hu_series_builder_new ("GPU 0");
  HuPowerSeries *s;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

  /* Ten million samples at 10 Hz with a spike: ≤ 4096 buckets, and the
   * spike survives as a bucket max. */
  for (guint i = 0; i < 10000000; i++)
    _hu_series_builder_add (b, 1e9 + i * 0.1, i == 5000000 ? 900.0 : 100.0 + (i % 10));
  s = _hu_series_builder_finish (b, 1e9);
  g_assert_cmpuint (s->samples, ==, 10000000);
  g_assert_cmpuint (s->buckets->len, <=, HU_SERIES_MAX_BUCKETS);
  g_assert_cmpuint (s->buckets->len, >=, HU_SERIES_MAX_BUCKETS / 2);
  for (guint i = 0; i < s->buckets->len; i++)
    {
      HuSeriesBucket *k = &g_array_index (s->buckets, HuSeriesBucket, i);
      lo = MIN (lo, k->min_w);
      hi = MAX (hi, k->max_w);
      g_assert_cmpfloat (k->min_w, <=, k->mean_w);
      g_assert_cmpfloat (k->mean_w, <=, k->max_w);
      g_assert_cmpfloat (k->t0_s, <=, k->t1_s);
    }
  g_assert_cmpfloat (lo, ==, 100.0);
  g_assert_cmpfloat (hi, ==, 900.0);
  hu_power_series_free (s);
}

/* One line of 100,000 '[' between two samples crashed json-glib
 * (SIGSEGV); now the line is skipped, named, and the run keeps the two
 * samples. A folder scan meets the file the same way. */
static void
test_eit_deep (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (
    "{\"timestamp\":100,\"rapl_estimated_attributable_power_draw\":10}\n");
  g_autofree char *sub = g_build_filename (f->dir, "impacttracker", NULL);
  g_autofree char *path = NULL;
  g_autoptr(HuImportResult) r = NULL;
  HuImportSkip *skip;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  g_string_append (text, "\n{\"timestamp\":110,\"rapl_estimated_attributable_power_draw\":30}\n");
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  path = g_build_filename (sub, "data.json", NULL);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  r = import_ok (f->dir, NULL);
  g_assert_cmpuint (r->runs->len, ==, 1);
  g_assert_cmpuint (r->skipped->len, ==, 1);
  skip = g_ptr_array_index (r->skipped, 0);
  g_assert_cmpstr (skip->file, ==, path);
  g_assert_cmpuint (skip->line, ==, 2);
  g_assert_nonnull (strstr (skip->reason, "512"));
  /* (10 W + 30 W) / 2 × 10 s = 200 J, × 1.58 (the tool's PUE), in kWh. */
  {
    HuRunData *d = hu_measured_run_get_data (g_ptr_array_index (r->runs, 0));
    g_assert_cmpfloat_with_epsilon (d->energy_kwh, 200 * 1.58 / 3.6e6, 1e-15);
  }
  g_remove (path);
  g_rmdir (sub);
}

/* Issue 9, item 10: runs that cannot be measurements are skipped with
 * their file, line and reason, never shown (−5 kWh) nor lost silently. */
static void
test_impossible_runs (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = write_file (f, "neg.csv",
                                      HEADER
                                      ROW ("ok", "60", "0.5")      /* line 2: a run */
                                      ROW ("neg-e", "60", "-5")    /* line 3 */
                                      "2024-01-01T10:00:00,p,neg-co2,60,-0.001,0.5\n"  /* 4 */
                                      ROW ("zero", "0", "0.5")     /* line 5 */
                                      ROW ("neg-d", "-30", "0.5"), /* line 6 */
                                      -1);
  g_autoptr(HuImportResult) r = import_ok (path, NULL);
  const struct { guint line; const char *reason; } expected[] = {
    { 3, "negative energy (-5 kWh)" },
    { 4, "negative emissions (-0.001 kg CO₂eq)" },
    { 5, "duration of 0 s: not a run" },
    { 6, "duration of -30 s: not a run" },
  };

  g_assert_cmpuint (r->runs->len, ==, 1);
  g_assert_cmpstr (hu_measured_run_get_data (g_ptr_array_index (r->runs, 0))->run_id, ==, "ok");
  g_assert_cmpuint (r->skipped->len, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (r->n_skipped, ==, G_N_ELEMENTS (expected));
  /* Impossible values are not gaps in the samples. */
  g_assert_cmpuint (r->n_gaps, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      HuImportSkip *skip = g_ptr_array_index (r->skipped, i);

      g_assert_cmpstr (skip->file, ==, path);
      g_assert_cmpuint (skip->line, ==, expected[i].line);
      g_assert_cmpstr (skip->reason, ==, expected[i].reason);
      g_assert_cmpint (skip->kind, ==, HU_IMPORT_SKIP_UNREADABLE);
    }
}

/* Issue 9, item 11: a file of many bad rows keeps the first 100 messages
 * and counts the rest. */
static void
test_skipped_capped (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autofree char *path = NULL;
  g_autoptr(HuImportResult) r = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (text, "not a timestamp,p,x,1,1,1\n");
  path = write_file (f, "bad.csv", text->str, -1);
  r = import_ok (path, NULL);
  g_assert_cmpuint (r->n_skipped, ==, 1000);
  g_assert_cmpuint (r->skipped->len, ==, HU_IMPORT_MAX_SKIPPED);
  /* The first ones, lines 2 to 101. */
  g_assert_cmpuint (((HuImportSkip *) g_ptr_array_index (r->skipped, 99))->line, ==, 101);
}

static void
swap_to_fifo (guint64  done,
              guint64  total,
              gpointer user_data)
{
  const char *path = user_data;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_assert_cmpint (g_unlink (path), ==, 0);
      g_assert_cmpint (mkfifo (path, 0600), ==, 0);
    }
}

/* Issue 9: the type is checked on the opened file, not by an earlier
 * look. b.csv becomes a FIFO after the folder scan saw a regular file
 * (once a.csv is read): refused by name, where opening it blocked
 * forever. */
static void
test_swapped_for_fifo (Fixture       *f,
                       gconstpointer  data)
{
  static const char zeus[] = "start_time,window_name,elapsed_time,gpu0_energy\n"
                             "1700000000.5,epoch1,60.0,18000.0\n";
  g_autofree char *a = write_file (f, "a.csv", zeus, -1);
  g_autofree char *b = write_file (f, "b.csv", zeus, -1);
  const char *paths[] = { f->dir, NULL };
  g_autoptr(HuImportResult) r = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (hu_import_paths (paths, NULL, NULL, swap_to_fifo, b, &r, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "b.csv"));
  g_assert_null (r);
}

static HuImportSkip *
skip_on_line (HuImportResult *r,
              guint           line)
{
  for (guint i = 0; i < r->skipped->len; i++)
    {
      HuImportSkip *skip = g_ptr_array_index (r->skipped, i);

      if (skip->line == line)
        return skip;
    }
  g_error ("no skipped line %u", line);
  return NULL;
}

/* A timestamp that is not a time is quoted whole, with its field. When
 * the line holds only the tail of another row (two processes wrote the
 * file at once, pandas padded it to full width), the reason says so and
 * quotes what the line holds: line 3 is "chine,N,,,," (2 of 6 fields
 * filled), line 4 ",N,,,," has an empty timestamp; line 5 is a full row
 * with month 13. */
static void
test_bad_timestamps (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = write_file (f, "ts.csv", HEADER ROW ("a", "1", "0.5")
                                      "chine,N,,,,\n"
                                      ",N,,,,\n"
                                      "2024-13-01T10:00:00,p,c,3,0.001,0.5\n", -1);
  g_autoptr(HuImportResult) r = import_ok (path, NULL);
  g_autofree char *real = g_test_build_filename (G_TEST_DIST, "data",
    "cc2.0-2.1_LARGE_8gpu_emissions_rate-g-per-s_bigscience.csv", NULL);
  g_autoptr(HuImportResult) bigscience = import_ok (real, NULL);

  g_assert_cmpuint (r->runs->len, ==, 1);
  g_assert_cmpuint (r->skipped->len, ==, 3);
  g_assert_cmpstr (skip_on_line (r, 3)->reason, ==,
                   "field “timestamp” is “chine”, not a time: the line holds only a fragment "
                   "of a row (“chine,N”), as when two programs write the file at once");
  g_assert_cmpstr (skip_on_line (r, 4)->reason, ==,
                   "field “timestamp” is empty: the line holds only a fragment of a row "
                   "(“,N”), as when two programs write the file at once");
  g_assert_cmpstr (skip_on_line (r, 5)->reason, ==,
                   "field “timestamp” is not a time: “2024-13-01T10:00:00”");

  /* The real file's line 118 is "chine,N" and 27 empty fields (`sed -n
   * 118p`): the end of "…,machine,N" written over another row. */
  g_assert_cmpstr (skip_on_line (bigscience, 118)->reason, ==,
                   "field “timestamp” is “chine”, not a time: the line holds only a fragment "
                   "of a row (“chine,N”), as when two programs write the file at once");
}

/* carbontracker's rewrite (a prototype) writes an event log, one JSON
 * event a line with a "__type__": named by the user, it is refused with
 * what it is, not as a log of no known tracker. */
static void
test_carbontracker_events (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data",
    "EXPERIMENTAL_carbontracker-rewrite_run_1779884224_events.jsonl", NULL);
  const char *paths[] = { path, NULL };
  g_autoptr(HuImportResult) r = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (hu_import_paths (paths, NULL, NULL, NULL, NULL, &r, &error));
  g_assert_error (error, HU_IMPORT_ERROR, HU_IMPORT_ERROR_UNKNOWN_FORMAT);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, ":1: an event log of carbontracker’s rewrite"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/huella/import/damaged/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("truncated", test_truncated);
  ADD ("header-only", test_header_only);
  ADD ("empty", test_empty);
  ADD ("garbage", test_garbage);
  ADD ("long-line", test_long_line);
  ADD ("mixed-line-endings", test_mixed_line_endings);
  ADD ("changing-file", test_changing_file);
  ADD ("cancel", test_cancel);
  ADD ("missing", test_missing);
  ADD ("eit-100000-deep", test_eit_deep);
  ADD ("impossible-runs", test_impossible_runs);
  ADD ("skipped-capped", test_skipped_capped);
  ADD ("swapped-for-fifo", test_swapped_for_fifo);
  ADD ("bad-timestamps", test_bad_timestamps);
  ADD ("carbontracker-events", test_carbontracker_events);
#undef ADD
  g_test_add_func ("/huella/import/series/bounded", test_series_bounded);

  return g_test_run ();
}
