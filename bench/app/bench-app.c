/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-app [N...] : adds N imported runs (default 1000 and 10000) to an
 * open window on the built-in example, in one step as an import does, and
 * times it until the comparison, the sidebar, the table and the page shown
 * have caught up and a frame has been drawn. Run under a display (Xvfb).
 * See bench/app/README.md. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <time.h>

#include "hu-application.h"
#include "hu-comparison-view.h"
#include "hu-import.h"
#include "hu-window.h"

static guint paints;

static void
on_after_paint (void)
{
  paints++;
}

/* Runs the main loop until nothing is pending and a frame was drawn after
 * the change: what a user waits for before the window answers again. */
static void
settle (GtkWidget *window)
{
  guint start = paints;

  gtk_widget_queue_draw (window);
  while (paints == start || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
}

/* A CodeCarbon log of @n runs, as tests/ui/test-big.c writes it. */
static char *
write_log (guint n)
{
  char *path = g_build_filename (g_get_tmp_dir (), "bench-app-XXXXXX.csv", NULL);
  g_autoptr(GString) text = g_string_new ("timestamp,project_name,run_id,duration,emissions,"
                                          "emissions_rate,cpu_power,gpu_power,ram_power,"
                                          "cpu_energy,gpu_energy,ram_energy,energy_consumed,"
                                          "country_name,country_iso_code,region,"
                                          "cloud_provider,cloud_region,os,python_version,"
                                          "cpu_count,cpu_model,gpu_count,gpu_model,longitude,"
                                          "latitude,ram_total_size,tracking_mode,on_cloud\n");
  int fd;

  for (guint i = 0; i < n; i++)
    {
      char energy[G_ASCII_DTOSTR_BUF_SIZE];
      char emissions[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (energy, sizeof energy, (i + 1) * 0.001);
      g_ascii_dtostr (emissions, sizeof emissions, (i + 1) * 0.0004);
      g_string_append_printf (text,
                              "2023-05-01T10:%02u:%02u,big,%08x-0000-4000-8000-000000000000,"
                              "%u,%s,0.0001,10,0,5,0,0,0,%s,France,FRA,,,,Linux,3.10,8,"
                              "Intel,,,2.35,48.85,16,machine,N\n",
                              (i / 60) % 60, i % 60, i, i + 1, emissions, energy);
    }
  fd = g_mkstemp (path);
  g_assert (fd >= 0);
  close (fd);
  g_assert (g_file_set_contents (path, text->str, text->len, NULL));
  return path;
}

/* The CPU time this process uses: unlike the clock it hardly grows when
 * the other users of a shared machine keep its cores busy (this machine
 * has no hardware instruction counters; callgrind counts those, see
 * README.md). */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double last_cpu;

/* The timed part on its own, so that a profiler can count it alone:
 * valgrind --tool=callgrind --toggle-collect=timed_add (see README.md). */
static G_GNUC_NO_INLINE double
timed_add (HuWindow  *window,
           GPtrArray *runs)
{
  gint64 t0 = g_get_monotonic_time ();
  double cpu0 = cpu_seconds ();
  double seconds;

  hu_window_add_runs (window, runs);
  if (g_getenv ("BENCH_VERBOSE") != NULL)
    g_printerr ("splice %.3f s\n", (g_get_monotonic_time () - t0) / 1e6);
  settle (GTK_WIDGET (window));
  seconds = (g_get_monotonic_time () - t0) / 1e6;
  last_cpu = cpu_seconds () - cpu0;
  return seconds;
}

static double
add_runs (guint n,
          const char *page)
{
  g_autofree char *path = write_log (n);
  const char *paths[] = { path, NULL };
  g_autoptr(HuImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HuWindow *window = hu_window_new (NULL);
  GdkFrameClock *clock;
  double seconds;
  guint bound;
  HuListPager *pager;

  if (!hu_import_paths (paths, "auto", NULL, NULL, NULL, &result, &error))
    g_error ("%s", error->message);
  g_assert (result->runs->len == n);
  hu_import_result_name_runs (result);
  g_unlink (path);

  g_assert (hu_window_load_example (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  hu_window_show_page (window, page);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  while (clock == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
    }
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  settle (GTK_WIDGET (window));

  /* What the import's completion does once the worker thread has read
   * the logs. */
  pager = hu_comparison_view_get_pager (hu_window_get_comparison_view (window));
  bound = hu_list_pager_get_n_rows_bound (pager);
  seconds = timed_add (window, result->runs);
  if (g_getenv ("BENCH_VERBOSE") != NULL)
    g_printerr ("table rows bound %u\n", hu_list_pager_get_n_rows_bound (pager) - bound);

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, NULL);
  hu_project_set_modified (hu_window_get_project (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  return seconds;
}

int
main (int    argc,
      char **argv)
{
  guint sizes[8] = { 1000, 10000 };
  guint n_sizes = 2;
  const char *pages[] = { "editor", "compare" };

  /* A window left modified autosaves after three seconds: keep that out
   * of the user's own recovery file. */
  {
    g_autofree char *state = g_dir_make_tmp ("bench-app-XXXXXX", NULL);

    g_setenv ("XDG_STATE_HOME", state, TRUE);
  }
  hu_application_setup_environment ();
  gtk_init ();
  adw_init ();

  if (argc > 1)
    {
      n_sizes = MIN ((guint) argc - 1, G_N_ELEMENTS (sizes));
      for (guint i = 0; i < n_sizes; i++)
        sizes[i] = (guint) strtoul (argv[i + 1], NULL, 10);
    }

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      /* BENCH_PAGE=compare (or editor) measures one page only. */
      if (g_getenv ("BENCH_PAGE") != NULL && !g_str_equal (g_getenv ("BENCH_PAGE"), pages[p]))
        continue;
      for (guint i = 0; i < n_sizes; i++)
        {
          /* The best of three: the machine is shared. */
          double best = G_MAXDOUBLE;
          double cpu = G_MAXDOUBLE;

          for (guint r = 0; r < (g_getenv ("BENCH_ONCE") != NULL ? 1 : 3); r++)
            {
              best = MIN (best, add_runs (sizes[i], pages[p]));
              cpu = MIN (cpu, last_cpu);
            }
          printf ("%-8s %6u runs  %8.3f s  (CPU %.3f s)\n", pages[p], sizes[i], best, cpu);
          fflush (stdout);
        }
    }
  return 0;
}
