/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hu-result.h"

G_BEGIN_DECLS

GtkLabel *hu_widgets_append_result_card (GtkFlowBox *box,
                                         const char *caption);
gboolean  hu_widgets_follow_result      (HuResult  **slot,
                                         HuResult   *result,
                                         GCallback   on_changed,
                                         gpointer    instance);

gboolean  hu_settings_use_region_pue    (GSettings  *settings);

G_END_DECLS
