/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hu-project.h"

G_BEGIN_DECLS

/* Writes a project's file with more runs than the project holds, each
 * written as it comes and then forgotten: `huella-cli import --add-to`
 * appends any number of runs in constant memory. The file is replaced
 * atomically (hu_file_save_begin()): it holds its old contents until
 * hu_project_writer_finish() succeeds. */
typedef struct _HuProjectWriter HuProjectWriter;

HuProjectWriter *hu_project_writer_new     (HuProject        *project,
                                            GFile            *file,
                                            GError          **error);
gboolean         hu_project_writer_add_run (HuProjectWriter  *self,
                                            HuMeasuredRun    *run,
                                            GError          **error);
gboolean         hu_project_writer_finish  (HuProjectWriter  *self,
                                            GError          **error);
void             hu_project_writer_free    (HuProjectWriter  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuProjectWriter, hu_project_writer_free)

G_END_DECLS
