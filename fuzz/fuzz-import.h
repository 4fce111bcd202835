/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared body of the importer fuzz targets: feed the bytes to one importer
 * through a memory stream and drop the result. Anything but a clean
 * return (a crash, a leak, an ASan report, a hang) is a bug. */
#pragma once

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "hu-import-private.h"

typedef gboolean (*FuzzImporter) (HuImportContext *ctx,
                                  GInputStream    *stream,
                                  GError         **error);

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static inline int
fuzz_import (FuzzImporter   importer,
             const uint8_t *data,
             size_t         size)
{
  g_autoptr(HuImportResult) result = hu_import_result_new ();
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(GError) error = NULL;
  HuImportContext ctx = { "fuzz", result, NULL, NULL, NULL, 0, size };

  if (!importer (&ctx, stream, &error))
    g_assert (error != NULL);
  else
    g_assert (error == NULL);
  return 0;
}
