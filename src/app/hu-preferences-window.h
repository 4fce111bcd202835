/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HU_TYPE_PREFERENCES_WINDOW (hu_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (HuPreferencesWindow, hu_preferences_window, HU, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *hu_preferences_window_new (GtkWindow *parent);

G_END_DECLS
