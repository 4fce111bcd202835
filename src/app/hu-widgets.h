/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hu-result.h"

G_BEGIN_DECLS

/* The text a list item shows for @item (transfer full). */
typedef char *(*HuItemText) (gpointer item,
                             gpointer data);

GtkLabel *hu_widgets_append_result_card (GtkFlowBox *box,
                                         const char *caption);
void      hu_widgets_set_card_value     (GtkLabel   *value,
                                         const char *text,
                                         const char *range);
void      hu_widgets_append_to_card     (GtkLabel   *value,
                                         GtkWidget  *widget);
void      hu_widgets_set_result_cards_compact (GtkFlowBox *box,
                                               gboolean    compact);
gboolean  hu_widgets_follow_result      (HuResult  **slot,
                                         HuResult   *result,
                                         GCallback   on_changed,
                                         gpointer    instance);

gboolean  hu_settings_use_region_pue    (GSettings  *settings);
void      hu_widgets_name_drop_down     (GtkDropDown *dropdown,
                                         const char  *name);
void      hu_widgets_set_card_visible   (GtkLabel    *value,
                                         gboolean     visible);
void      hu_widgets_compact_switchers  (GtkWidget   *root);
void      hu_widgets_quiet_tooltip      (GtkWidget     *widget,
                                         GtkPopover    *popover);
void      hu_widgets_fit_to_parent      (GtkWindow     *dialog,
                                         GtkWindow     *parent);
void      hu_widgets_wrap_dialog_title  (GtkWindow     *dialog);
void      hu_widgets_whole_row_titles   (void);
char     *hu_widgets_keep_words         (const char  *text);
void      hu_widgets_set_figure         (GtkLabel    *label,
                                         const char  *text);
GtkListItemFactory *hu_widgets_new_wrapping_list_factory (HuItemText text,
                                                          gpointer   data);
GtkListItemFactory *hu_widgets_new_figure_item_factory   (void);
void                hu_widgets_set_item_parts            (GtkStringObject *item,
                                                          const char      *text,
                                                          const char      *figure);

G_END_DECLS
