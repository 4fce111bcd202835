/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>

#include "hu-core.h"

/* |actual − expected| ≤ rel × |expected|, with a message that shows both. */
#define assert_rel(actual, expected, rel)                                       \
  G_STMT_START {                                                                \
    double _a = (actual), _e = (expected), _r = (rel);                          \
    if (!(fabs (_a - _e) <= _r * fabs (_e)))                                    \
      g_error ("%s:%d: %s = %.10g, expected %.10g within %.3g %%",              \
               __FILE__, __LINE__, #actual, _a, _e, _r * 100);                  \
  } G_STMT_END

/* |actual − expected| ≤ abs */
#define assert_abs(actual, expected, abs_tol)                                   \
  G_STMT_START {                                                                \
    double _a = (actual), _e = (expected), _t = (abs_tol);                      \
    if (!(fabs (_a - _e) <= _t))                                                \
      g_error ("%s:%d: %s = %.10g, expected %.10g ± %.3g",                      \
               __FILE__, __LINE__, #actual, _a, _e, _t);                        \
  } G_STMT_END

static inline HuProject *
load_example (const char *name)
{
  g_autofree char *path = g_build_filename (RESOURCE_PREFIX, "examples", name, NULL);
  g_autoptr(GError) error = NULL;
  HuProject *project;

  project = hu_project_new_from_resource (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static inline HuEstimate *
estimate_scenario (HuProject  *project,
                   const char *id)
{
  g_autoptr(GError) error = NULL;
  HuScenario *scenario = hu_project_find_scenario (project, id);
  HuEstimate *estimate;

  if (scenario == NULL)
    g_error ("scenario %s not found", id);
  estimate = hu_estimate_compute (hu_scenario_get_inputs (scenario),
                                  hu_project_get_catalog (project),
                                  HU_ESTIMATE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  return estimate;
}
