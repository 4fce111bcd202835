/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The UI tests' helpers that are more than a few lines; the others are
 * inline in ui-test-helpers.h. Every UI test program is built with this
 * file (tests/ui/meson.build). */

#include "config.h"

#include "ui-test-helpers.h"

HuMeasuredRun *
ui_test_measured_run (const char *id,
                      const char *source,
                      double      duration_s,
                      double      energy_kwh,
                      double      emissions_kg)
{
  HuMeasuredRun *run = hu_measured_run_new ();
  HuRunData *data = hu_measured_run_get_data (run);

  g_assert_nonnull (id);
  g_assert_nonnull (source);
  data->id = g_strdup (id);
  data->source = g_strdup (source);
  data->duration_s = duration_s;
  data->energy_kwh = energy_kwh;
  data->emissions_kg = emissions_kg;
  return run;
}

void
ui_test_add_run (HuProject     *project,
                 HuMeasuredRun *run)
{
  GListStore *runs = hu_project_get_runs (project);
  guint before = g_list_model_get_n_items (G_LIST_MODEL (runs));

  g_list_store_append (runs, run);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (runs)), ==, before + 1);
}
