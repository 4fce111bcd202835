/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carbontracker reads a pair of files: the input is split at the first
 * NUL byte into the standard log and the output log. */
#include "fuzz-import.h"

#include <string.h>

#include <glib/gstdio.h>

static char *
write_tmp (const char *name,
           const void *data,
           gsize       size)
{
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  g_file_set_contents (path, data, size, NULL);
  return path;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(HuImportResult) result = hu_import_result_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name_std = g_strdup_printf ("huella-fuzz-%d_carbontracker.log", (int) getpid ());
  g_autofree char *name_out = g_strdup_printf ("huella-fuzz-%d_carbontracker_output.log",
                                               (int) getpid ());
  const uint8_t *nul = memchr (data, '\0', size);
  gsize first = nul ? (gsize) (nul - data) : size;
  g_autofree char *std_path = write_tmp (name_std, data, first);
  g_autofree char *out_path = write_tmp (name_out, nul ? nul + 1 : data + size,
                                         nul ? size - first - 1 : 0);
  g_autoptr(GFile) std_log = g_file_new_for_path (std_path);
  g_autoptr(GFile) out_log = g_file_new_for_path (out_path);
  HuImportContext ctx = { "fuzz", result, NULL, NULL, NULL, 0, size };

  if (!_hu_import_carbontracker (&ctx, std_log, std_path, out_log, out_path, &error))
    g_assert (error != NULL);
  g_remove (std_path);
  g_remove (out_path);
  return 0;
}
