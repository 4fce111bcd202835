/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <locale.h>

#include "hu-core.h"

/* What every core test program does before adding its cases: numbers
 * in the C form (a test that wants another locale sets it itself), a
 * home of its own per test, the core's data and translations. */
static inline void
core_test_init (int    *argc,
                char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  hu_core_init ();
}
