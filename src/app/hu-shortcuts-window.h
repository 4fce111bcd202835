/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HU_TYPE_SHORTCUTS_WINDOW (hu_shortcuts_window_get_type ())
G_DECLARE_FINAL_TYPE (HuShortcutsWindow, hu_shortcuts_window, HU, SHORTCUTS_WINDOW, AdwWindow)

GtkWidget *hu_shortcuts_window_new (GtkWindow *parent);

G_END_DECLS
