/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HU_FILE_ERROR (hu_file_error_quark ())

typedef enum {
  HU_FILE_ERROR_FAILED,
  HU_FILE_ERROR_READ_ONLY,     /* the file, its folder or the file system refuses writes */
  HU_FILE_ERROR_NO_SPACE,      /* the disk or a quota is full */
  HU_FILE_ERROR_NOT_FOUND,
  HU_FILE_ERROR_NOT_REGULAR,   /* a folder, FIFO, device or socket */
  HU_FILE_ERROR_TOO_LARGE,
} HuFileError;

/* Projects are a few hundred kilobytes even with thousands of imported
 * runs; anything past this is not one, and reading it would take the
 * memory of the whole machine (a 1 GB file took 3.1 GB and a minute). */
#define HU_PROJECT_MAX_SIZE (64 * 1024 * 1024)

GQuark    hu_file_error_quark    (void);

/* A file replaced in pieces, atomically (hu_file_save_begin()). */
typedef struct _HuFileSave HuFileSave;

HuFileSave *hu_file_save_begin   (const char   *path,
                                  GError      **error);
gboolean  hu_file_save_write     (HuFileSave   *save,
                                  const char   *data,
                                  gsize         length,
                                  GError      **error);
gboolean  hu_file_save_commit    (HuFileSave   *save,
                                  GError      **error);
void      hu_file_save_abort     (HuFileSave   *save);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuFileSave, hu_file_save_abort)

gboolean  hu_file_write_atomic   (const char   *path,
                                  const char   *data,
                                  gsize         length,
                                  GError      **error);
gboolean  hu_file_read_regular   (const char   *path,
                                  gsize         max_size,
                                  char        **contents,
                                  gsize        *length,
                                  GError      **error);
gboolean  hu_file_check_regular  (const char   *path,
                                  GError      **error);
guint     hu_file_clean_stale    (const char   *path,
                                  guint         min_age_seconds);

G_END_DECLS
