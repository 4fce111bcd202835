/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void      hu_column_view_wrap_titles     (GtkColumnView       *view);
GtkLabel *hu_column_view_title_label     (GtkColumnView       *view,
                                          GtkColumnViewColumn *column);
void      hu_column_view_end_align_title (GtkColumnView       *view,
                                          GtkColumnViewColumn *column);
int       hu_column_view_wrap_width      (GtkWidget           *widget,
                                          const char          *text,
                                          int                  max_lines,
                                          int                  min_width,
                                          int                  max_width);
int       hu_column_view_room            (GtkColumnView       *view,
                                          int                  current,
                                          int                 *window_width);
void      hu_column_view_size_cells      (GtkWidget           *root,
                                          const char          *key,
                                          guint                value,
                                          int                  width);

G_END_DECLS
