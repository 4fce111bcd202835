/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* HuWindow is one class spread over several files by concern, as GNOME
 * Text Editor does. They share the instance struct through this header,
 * which nothing outside the class includes, and stand in layers: each file
 * calls only the files below it, never up.
 *
 *   hu-window.c          the class: template, sidebar rows and context
 *                        menu, closing, recovering unsaved work
 *   hu-window-actions.c  the win.* actions
 *   hu-window-import.c   importing measured runs, dropping files
 *   hu-window-files.c    open, save, recent files, new project
 *   hu-window-project.c  showing a project and following it, autosave
 *   hu-window-shared.c   toasts, errors, title, actions' state, selection
 */

#include "hu-context-view.h"
#include "hu-list-pager.h"
#include "hu-list-pager-input.h"
#include "hu-window.h"

G_BEGIN_DECLS

/* What to do once the user has answered "save changes?". */
typedef enum {
  PENDING_NONE,
  PENDING_NEW,
  PENDING_EXAMPLE,
  PENDING_OPEN_DIALOG,
  PENDING_OPEN_FILE,
  PENDING_CLOSE,
} Pending;

struct _HuWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  HuProject            *project;
  GFile                *file;
  char                 *file_name;       /* file's display name, for the title */
  HuComparisonModel    *model;
  HuResult             *selected;
  guint                 autosave_source;
  /* Autosave's write under way on a worker thread (hu-window-project.c),
   * whether to write again once it is done, and what it did. */
  struct _HuAutosaveJob *autosave_job;
  gboolean              autosave_again;
  HuAutosaveCounts      autosave_counts;
  gboolean              close_confirmed;
  gboolean              rebuilding_list;
  Pending               pending;
  GFile                *pending_file;
  GtkFileChooserNative *chooser;

  /* The last deleted scenario, for the toast's Undo. */
  HuScenario           *deleted;
  guint                 deleted_position;
  AdwToast             *deleted_toast;      /* its "“…” deleted", with Undo */

  GCancellable         *import_cancellable;

  /* Toasts go to the overlay one at a time (see hu-window-shared.c):
   * the one on screen, those waiting, and the frame callback that waits
   * for a closed toast to finish fading out. */
  AdwToast             *shown_toast;
  GQueue                pending_toasts;
  guint                 toast_tick;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  AdwWindowTitle       *project_title;
  GtkMenuButton        *title_button;
  GtkEntry             *name_entry;
  GtkWidget            *name_caption;
  GtkWidget            *currency_caption;
  GtkDropDown          *currency_dropdown;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkListView          *scenario_list;
  GtkScrollbar         *sidebar_scrollbar;
  HuListPager          *sidebar_pager;   /* scenario_list's page of rows */
  HuListPagerInput     *sidebar_input;   /* its wheel and keys */
  GtkSingleSelection   *selection;       /* over model, for scenario_list */
  AdwViewStack         *stack;
  GtkStack             *content_stack;
  HuScenarioEditor     *editor;
  GtkStack             *editor_stack;
  AdwViewStackPage     *editor_page;
  HuRunView            *run_view;
  GMenuModel           *run_menu;
  GMenuModel           *scenario_menu;
  GtkWidget            *context_menu;
  HuComparisonView     *comparison_view;
  HuWhatIfView         *what_if_view;
  HuDerivationView     *derivation_view;
  HuContextView        *context_view;
  HuEquivalencesView   *equivalences_view;
  GMenu                *recent_section;
  GtkRevealer          *import_revealer;
  GtkProgressBar       *import_progress;
};

/* hu-window-shared.c */
void     _hu_window_show_toast             (HuWindow      *self,
                                            AdwToast      *toast);
void     _hu_window_withdraw_toast         (HuWindow      *self,
                                            AdwToast      *toast);
void     _hu_window_drop_toasts            (HuWindow      *self);
void     _hu_window_show_error             (HuWindow      *self,
                                            const char    *heading,
                                            const char    *body);
char    *_hu_window_display_name           (GFile         *file);
void     _hu_window_set_file               (HuWindow      *self,
                                            GFile         *file);
void     _hu_window_update_title           (HuWindow      *self);
void     _hu_window_update_actions         (HuWindow      *self);
void     _hu_window_set_selected           (HuWindow      *self,
                                            HuResult      *result);
guint    _hu_window_position_of            (HuWindow      *self,
                                            HuResult      *result);
void     _hu_window_select_source          (HuWindow      *self,
                                            gpointer       source);
void     _hu_window_apply_display_settings (HuWindow      *self);

/* hu-window-project.c */
void     _hu_window_remove_autosave        (HuWindow      *self);
void     _hu_window_schedule_autosave      (HuWindow      *self);

/* hu-window-files.c */
void     _hu_window_update_recent_menu     (HuWindow      *self);
gboolean _hu_window_save                   (HuWindow      *self);
void     _hu_window_save_as                (HuWindow      *self);
void     _hu_window_on_rename_popover_show (HuWindow      *self);
void     _hu_window_on_name_entry_focus    (HuWindow      *self);
void     _hu_window_on_rename_clicked      (HuWindow      *self);
void     _hu_window_on_currency_selected   (HuWindow      *self);
void     _hu_window_maybe_discard          (HuWindow      *self,
                                            Pending        pending,
                                            GFile         *file);

/* hu-window-import.c */
void     _hu_window_show_import_chooser    (HuWindow      *self,
                                            const char    *title,
                                            GtkFileChooserAction action);
gboolean _hu_window_on_drop                (HuWindow      *self,
                                            const GValue  *value,
                                            double         x,
                                            double         y,
                                            GtkDropTarget *target);

/* hu-window-actions.c */
void     _hu_window_class_init_actions     (GtkWidgetClass *widget_class);

G_END_DECLS
