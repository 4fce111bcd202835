/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-cli-common.h"
#include "hu-import.h"

G_BEGIN_DECLS

/* How many runs decide the table's column widths and units: the first
 * ones; the rows after them are fitted to the same columns. */
#define HU_CLI_IMPORT_TEXT_SAMPLE 100

/* How many skipped lines every output of `huella-cli import` lists (the
 * first ones; all are counted): the importer keeps up to 100 of each
 * file for the app's dialog, 1,000 in all, far more than a terminal or
 * a log reader wants. */
#define HU_CLI_IMPORT_LISTED_SKIPS HU_IMPORT_MAX_SKIPPED

/* The widest a text column gets, in display columns (names from logs). */
#define HU_CLI_IMPORT_TEXT_MAX_WIDTH 60

/* The text table of `huella-cli import`, written as the runs come: it
 * holds at most HU_CLI_IMPORT_TEXT_SAMPLE rows (a few strings each, not
 * the runs), whatever the number of runs. */
typedef struct _HuCliImportText HuCliImportText;

HuCliImportText *hu_cli_import_text_new          (GString         *out);
void             hu_cli_import_text_add_run      (HuCliImportText *self,
                                                  HuMeasuredRun   *run);
void             hu_cli_import_text_finish       (HuCliImportText *self,
                                                  HuImportResult  *result);
guint            hu_cli_import_text_get_max_held (HuCliImportText *self);
void             hu_cli_import_text_free         (HuCliImportText *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuCliImportText, hu_cli_import_text_free)

G_END_DECLS
