/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hu-comparison-model.h"
#include "hu-comparison-view.h"
#include "hu-derivation-view.h"
#include "hu-equivalences-view.h"
#include "hu-run-view.h"
#include "hu-scenario-editor.h"
#include "hu-what-if-view.h"

G_BEGIN_DECLS

#define HU_EXAMPLE_RESOURCE "resource://" RESOURCE_PREFIX "/examples/gpt3-gpus.huella"

/* What autosave did, for tests: counted, not timed. */
typedef struct {
  guint64 changes;    /* changes to the project seen */
  guint   started;    /* recovery files begun */
  guint   finished;   /* of those, done (written or failed) */
  guint   failed;
  guint64 saved;      /* the changes the last file written holds */
} HuAutosaveCounts;

#define HU_TYPE_WINDOW (hu_window_get_type ())
G_DECLARE_FINAL_TYPE (HuWindow, hu_window, HU, WINDOW, AdwApplicationWindow)

HuWindow          *hu_window_new                 (AdwApplication *application);
HuProject         *hu_window_get_project         (HuWindow       *self);
GFile             *hu_window_get_file            (HuWindow       *self);
char              *hu_window_dup_project_name    (HuWindow       *self);
void               hu_window_set_project         (HuWindow       *self,
                                                  HuProject      *project,
                                                  GFile          *file);
gboolean           hu_window_load_example        (HuWindow       *self);
void               hu_window_new_project         (HuWindow       *self);
gboolean           hu_window_open_file           (HuWindow       *self,
                                                  GFile          *file);
gboolean           hu_window_save_to_file        (HuWindow       *self,
                                                  GFile          *file,
                                                  GError        **error);
GtkWidget         *hu_window_offer_recovery      (HuWindow       *self);
void               hu_window_import_paths        (HuWindow       *self,
                                                  const char * const *paths);
void               hu_window_add_runs            (HuWindow       *self,
                                                  GPtrArray      *runs);
void               hu_window_select_result       (HuWindow       *self,
                                                  guint           position);
HuResult          *hu_window_get_selected_result (HuWindow       *self);
void               hu_window_show_page           (HuWindow       *self,
                                                  const char     *name);
void               hu_window_add_toast           (HuWindow       *self,
                                                  const char     *title);
void               hu_window_add_open_toast      (HuWindow       *self,
                                                  const char     *title,
                                                  const char     *uri);
HuScenario        *hu_window_plan_from_run       (HuWindow       *self);
char              *hu_window_get_autosave_path   (void);
void               hu_window_autosave_now        (HuWindow       *self);
void               hu_window_get_autosave_counts (HuWindow       *self,
                                                  HuAutosaveCounts *counts);

HuComparisonModel *hu_window_get_comparison_model (HuWindow      *self);
HuScenarioEditor  *hu_window_get_editor           (HuWindow      *self);
HuRunView         *hu_window_get_run_view         (HuWindow      *self);
HuComparisonView  *hu_window_get_comparison_view  (HuWindow      *self);
HuWhatIfView      *hu_window_get_what_if_view     (HuWindow      *self);
HuDerivationView  *hu_window_get_derivation_view  (HuWindow      *self);
HuListPager       *hu_window_get_sidebar_pager    (HuWindow      *self);

G_END_DECLS
