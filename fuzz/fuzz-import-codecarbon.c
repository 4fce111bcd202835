/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz-import.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return fuzz_import (_hu_import_codecarbon, data, size);
}
