/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hu-core.h"

G_BEGIN_DECLS

#define HU_TYPE_MODEL_DIALOG (hu_model_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HuModelDialog, hu_model_dialog, HU, MODEL_DIALOG, AdwWindow)

GtkWidget *hu_model_dialog_new         (GtkWindow     *parent,
                                        HuCatalog     *catalog);
void       hu_model_dialog_set_search  (HuModelDialog *self,
                                        const char    *text);

G_END_DECLS
