/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hu-list-pager.h"

G_BEGIN_DECLS

#define HU_TYPE_LIST_PAGER_INPUT (hu_list_pager_input_get_type ())
G_DECLARE_FINAL_TYPE (HuListPagerInput, hu_list_pager_input, HU, LIST_PAGER_INPUT, GObject)

HuListPagerInput *hu_list_pager_input_new (HuListPager  *pager,
                                           GtkWidget    *list,
                                           GtkScrollbar *scrollbar);

G_END_DECLS
