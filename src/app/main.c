/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hu-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HuApplication) app = NULL;

  setlocale (LC_ALL, "");
  hu_application_setup_environment ();
  g_set_application_name ("Huella");

  app = hu_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
