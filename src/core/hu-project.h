/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hu-catalog.h"
#include "hu-measured-run.h"
#include "hu-scenario.h"
#include "hu-undo.h"

G_BEGIN_DECLS

/* The currency of a project that names none, and of a new one unless
 * Preferences says otherwise. */
#define HU_PROJECT_DEFAULT_CURRENCY "USD"

#define HU_PROJECT_ERROR (hu_project_error_quark ())

typedef enum {
  HU_PROJECT_ERROR_PARSE,
  HU_PROJECT_ERROR_FORMAT,
  HU_PROJECT_ERROR_NEWER_VERSION,
  HU_PROJECT_ERROR_INVALID,
} HuProjectError;

#define HU_PROJECT_FORMAT_VERSION 1

#define HU_TYPE_PROJECT (hu_project_get_type ())
G_DECLARE_FINAL_TYPE (HuProject, hu_project, HU, PROJECT, GObject)

GQuark         hu_project_error_quark     (void);

HuProject     *hu_project_new             (void);
HuProject     *hu_project_new_from_file   (GFile        *file,
                                           GError      **error);
HuProject     *hu_project_new_from_data   (const char   *data,
                                           gssize        length,
                                           const char   *display_name,
                                           GError      **error);
HuProject     *hu_project_new_from_resource (const char *path,
                                             GError    **error);
gboolean       hu_project_save            (HuProject    *self,
                                           GFile        *file,
                                           GError      **error);
char          *hu_project_to_data         (HuProject    *self,
                                           gsize        *length);

const char    *hu_project_get_title       (HuProject    *self);
void           hu_project_set_title       (HuProject    *self,
                                           const char   *title);
const char    *hu_project_get_currency    (HuProject    *self);
void           hu_project_set_currency    (HuProject    *self,
                                           const char   *currency);
gboolean       hu_currency_code_is_valid  (const char   *code);
const char    *hu_project_get_notes       (HuProject    *self);
void           hu_project_set_notes       (HuProject    *self,
                                           const char   *notes);

/* GListModel of HuScenario / HuMeasuredRun, owned by the project. */
GListStore    *hu_project_get_scenarios   (HuProject    *self);
GListStore    *hu_project_get_runs        (HuProject    *self);
HuScenario    *hu_project_find_scenario   (HuProject    *self,
                                           const char   *id);
/* Appends @runs (HuMeasuredRun) in one splice: the runs list emits
 * ::items-changed once, however many runs. Each gets a unique id. */
void           hu_project_add_runs        (HuProject    *self,
                                           GPtrArray    *runs);
char          *hu_project_unique_id       (HuProject    *self,
                                           const char   *base);

/* The catalog used for this project's scenarios: the default catalog
 * plus the project's own custom GPUs and regions. */
HuCatalog     *hu_project_get_catalog     (HuProject    *self);
HuUndo        *hu_project_get_undo        (HuProject    *self);

gboolean       hu_project_get_modified    (HuProject    *self);
void           hu_project_set_modified    (HuProject    *self,
                                           gboolean      modified);

G_END_DECLS
