/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HU_TYPE_LIST_PAGER (hu_list_pager_get_type ())
G_DECLARE_FINAL_TYPE (HuListPager, hu_list_pager, HU, LIST_PAGER, GObject)

HuListPager *hu_list_pager_new              (GtkWidget          *list,
                                             GtkScrollbar       *scrollbar,
                                             guint               n_rows);
void         hu_list_pager_set_model        (HuListPager        *self,
                                             GListModel         *model);
GListModel  *hu_list_pager_get_model        (HuListPager        *self);
void         hu_list_pager_show_position    (HuListPager        *self,
                                             guint               position);
void         hu_list_pager_select_position  (HuListPager        *self,
                                             guint               position);
guint        hu_list_pager_get_offset       (HuListPager        *self);
void         hu_list_pager_set_offset       (HuListPager        *self,
                                             double              offset);
guint        hu_list_pager_get_page_size    (HuListPager        *self);
guint        hu_list_pager_get_n_rows       (HuListPager        *self);
void         hu_list_pager_count_binds      (HuListPager        *self,
                                             GtkListItemFactory *factory);
guint        hu_list_pager_get_n_rows_bound (HuListPager        *self);
void         hu_list_pager_mark_row         (GtkWidget          *row,
                                             GtkListItem        *item);
GtkListItem *hu_list_pager_get_row_item     (GtkWidget          *widget);

G_END_DECLS
