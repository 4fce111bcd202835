/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include "hu-core.h"
#include "test-init.h"

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

/* A file's whole contents, which must be readable. */
static inline char *
read_all (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&contents);
}

/* Appends to @project a copy of its first scenario's inputs, named @name:
 * a project grown to any size from an example. */
static inline void
append_copy (HuProject  *project,
             const char *name)
{
  GListStore *scenarios = hu_project_get_scenarios (project);
  g_autoptr(HuScenario) model = g_list_model_get_item (G_LIST_MODEL (scenarios), 0);
  g_autofree char *id = hu_project_unique_id (project, "copy");
  g_autoptr(HuScenario) copy = hu_scenario_new (id, name);

  hu_scenario_set_inputs (copy, hu_scenario_get_inputs (model));
  g_list_store_append (scenarios, copy);
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

/* huella-cli as a user runs it (the HUELLA_CLI the tests are given): its
 * exit status and what it wrote, never a crash. */
typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static inline void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* @locale: NULL for C.UTF-8; "es_ES.UTF-8/C" for Spanish numbers and
 * dates with untranslated messages. The test's own data folder stands in
 * for the user's, so the catalog of whoever runs the tests stays out. */
static inline void
run_cliv (Run               *run,
          const char        *locale,
          const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *cli = g_getenv ("HUELLA_CLI");
  int wait_status;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  if (locale && strchr (locale, '/'))
    {
      g_auto(GStrv) parts = g_strsplit (locale, "/", 2);
      env = g_environ_unsetenv (env, "LC_ALL");
      env = g_environ_setenv (env, "LANG", parts[0], TRUE);
      env = g_environ_setenv (env, "LC_MESSAGES", parts[1], TRUE);
    }
  else
    env = g_environ_setenv (env, "LC_ALL", locale ? locale : "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_setenv (env, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));   /* never a crash */
  run->status = WEXITSTATUS (wait_status);
}

/* run_cliv() with the arguments listed, NULL-terminated. */
static inline void
run_cli (Run        *run,
         const char *locale,
         const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first_arg);
  for (const char *a = first_arg; a; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run_cliv (run, locale, (const char * const *) args->pdata);
}
