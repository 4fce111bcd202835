/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hu-catalog-resources.h"
#include "hu-core.h"

/**
 * hu_core_ensure_resources:
 *
 * Registers the catalog GResource (data files and example projects) once.
 */
void
hu_core_ensure_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      _hu_catalog_data_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

void
hu_core_init (void)
{
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      /* HUELLA_LOCALEDIR lets a build that is not installed find its
       * translations (tools/dev sets it to the build tree's po/). */
      const char *localedir = g_getenv ("HUELLA_LOCALEDIR");

      bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      hu_core_ensure_resources ();
      g_once_init_leave (&initialised, 1);
    }
}
