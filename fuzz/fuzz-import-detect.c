/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Format sniffing runs on every file of a dropped folder. */
#include "fuzz-import.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  (void) _hu_format_get_tracker (_hu_import_detect ((const char *) data, size));
  return 0;
}
