/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-import FILE... : import each file (one core, no threads), then
 * report throughput, peak memory and the time `wc -l` needs for the same
 * bytes. See bench/import/README.md. */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "hu-import.h"

static double
wc_seconds (const char *path)
{
  const char *argv[] = { "wc", "-l", path, NULL };
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    return -1;
  return (g_get_monotonic_time () - t0) / 1e6;
}

int
main (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      const char *paths[] = { argv[i], NULL };
      g_autoptr(HuImportResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (argv[i]);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0,
                                                     NULL, &error);
      struct rusage usage;
      double mb, seconds, wc;
      gint64 t0;

      if (info == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      mb = g_file_info_get_size (info) / 1048576.0;

      /* wc first, so both runs read from a warm page cache. */
      wc = wc_seconds (argv[i]);
      t0 = g_get_monotonic_time ();
      if (!hu_import_paths (paths, NULL, NULL, NULL, NULL, &result, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      seconds = (g_get_monotonic_time () - t0) / 1e6;
      getrusage (RUSAGE_SELF, &usage);

      printf ("%s: %.0f MB in %.2f s = %.0f MB/s; %u runs, %u skipped; "
              "peak RSS %ld MB; wc -l %.2f s (import/wc = %.1f×)\n",
              argv[i], mb, seconds, mb / seconds, result->runs->len, result->skipped->len,
              usage.ru_maxrss / 1024, wc, seconds / wc);
    }
  return 0;
}
