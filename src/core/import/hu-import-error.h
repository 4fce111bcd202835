/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The error domain of the importers (defined in hu-import-util.c, which
 * they all share). */
#define HU_IMPORT_ERROR (hu_import_error_quark ())

typedef enum {
  /* The content is not a log of any tracker we know (or not of the forced one). */
  HU_IMPORT_ERROR_UNKNOWN_FORMAT,
  /* The tracker name given to force a format is not one we know. */
  HU_IMPORT_ERROR_UNKNOWN_TRACKER,
  /* The file is a known format but cannot be read as such (e.g. no header). */
  HU_IMPORT_ERROR_INVALID,
} HuImportError;

GQuark hu_import_error_quark (void);

G_END_DECLS
