/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The project loader, as a round trip: whatever loads must save to a file
 * that loads again and saves to the same bytes (issue 9, item 3). A crash,
 * a sanitizer report or a failed assertion is a bug. */

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hu-core.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* abort(), not g_error(): g_error() stops on SIGTRAP, which libFuzzer does
 * not catch, so the input that failed was never written to a crash file. */
static G_NORETURN void
fail (const char *message)
{
  fprintf (stderr, "fuzz-project: %s\n", message);
  abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(HuProject) project = NULL;
  g_autoptr(HuProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len = 0, second_len = 0;

  project = hu_project_new_from_data ((const char *) data, (gssize) size, "fuzz.huella", &error);
  if (project == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  g_assert (error == NULL);

  first = hu_project_to_data (project, &first_len);
  again = hu_project_new_from_data (first, (gssize) first_len, "saved.huella", &error);
  if (again == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("a project that loaded saves to a file that "
                                              "does not: %s", error->message);
      fail (msg);
    }
  second = hu_project_to_data (again, &second_len);
  if (first_len != second_len || memcmp (first, second, first_len) != 0)
    {
      g_autofree char *msg = g_strdup_printf ("load → save → load → save changed the "
                                              "file:\n%s\n----\n%s", first, second);
      fail (msg);
    }
  return 0;
}
