/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hu-core.h"
#include "hu-report.h"

G_BEGIN_DECLS

#define HU_TYPE_EXPORT_DIALOG (hu_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HuExportDialog, hu_export_dialog, HU, EXPORT_DIALOG, AdwWindow)

GtkWidget *hu_export_dialog_new (GtkWindow    *parent,
                                 HuComparison *comparison,
                                 const char   *equivalence_set,
                                 HuMetric      chart_metric);
HuReport  *hu_export_dialog_get_preview_report (HuExportDialog *self);
void       hu_export_dialog_set_name           (HuExportDialog *self,
                                                const char     *name);
char      *hu_export_dialog_dup_file_name      (HuExportDialog *self);

G_END_DECLS
