/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char             *hu_currency_display_name (const char *code);

void              hu_currencies_fill_drop_down (GtkDropDown *dropdown,
                                                const char  *current);
void              hu_currencies_select         (GtkDropDown *dropdown,
                                                const char  *code);
const char       *hu_currencies_get_selected   (GtkDropDown *dropdown);

G_END_DECLS
