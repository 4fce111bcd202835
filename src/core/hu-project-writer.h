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

/* A project as it is now, for a worker thread to write while the
 * project changes on (autosave): taken on the thread that owns the
 * project, it holds the head and tail already written (a few scenarios)
 * and deep copies of the runs, whose writing is most of a large
 * project's file; it shares nothing with the project. */
typedef struct _HuProjectSnapshot HuProjectSnapshot;

HuProjectSnapshot *hu_project_snapshot_new     (HuProject         *project);
char              *hu_project_snapshot_to_data (HuProjectSnapshot *self,
                                                gsize             *length);
void               hu_project_snapshot_free    (HuProjectSnapshot *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuProjectSnapshot, hu_project_snapshot_free)

G_END_DECLS
