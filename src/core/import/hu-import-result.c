/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HuImportResult: the runs an import read and the lines it skipped,
 * counted per file. Apart from hu-import.c, which runs the importers,
 * because the importers count their skipped lines here: in one file the
 * two made an include circle (importer -> result -> dispatcher ->
 * importer).
 */

#include "config.h"

#include "hu-import-private.h"

void
hu_import_skip_free (HuImportSkip *skip)
{
  if (skip == NULL)
    return;
  g_free (skip->file);
  g_free (skip->reason);
  g_free (skip);
}

static void
skip_file_free (HuImportSkipFile *skip_file)
{
  g_free (skip_file->file);
  g_free (skip_file);
}

HuImportResult *
hu_import_result_new (void)
{
  HuImportResult *result = g_new0 (HuImportResult, 1);

  result->runs = g_ptr_array_new_with_free_func (g_object_unref);
  result->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) hu_import_skip_free);
  result->skipped_files = g_ptr_array_new_with_free_func ((GDestroyNotify) skip_file_free);
  return result;
}

/**
 * hu_import_result_count_skip:
 * @file: (nullable): the file, as shown to people
 *
 * Counts a skipped line of @file in @result, in all and in its file's
 * HuImportSkipFile.
 *
 * Returns: whether the line is to be kept in @result->skipped (the caller
 *   adds it): the first HU_IMPORT_MAX_SKIPPED of each file are
 */
gboolean
hu_import_result_count_skip (HuImportResult   *result,
                             const char       *file,
                             HuImportSkipKind  kind)
{
  HuImportSkipFile *skip_file = NULL;

  g_return_val_if_fail (result != NULL, FALSE);

  if (file == NULL)
    file = "";
  /* Lines come file after file: the last file is almost always the one. */
  for (guint i = result->skipped_files->len; i > 0 && skip_file == NULL; i--)
    {
      HuImportSkipFile *candidate = g_ptr_array_index (result->skipped_files, i - 1);

      if (g_strcmp0 (candidate->file, file) == 0)
        skip_file = candidate;
    }
  if (skip_file == NULL)
    {
      skip_file = g_new0 (HuImportSkipFile, 1);
      skip_file->file = g_strdup (file);
      g_ptr_array_add (result->skipped_files, skip_file);
    }

  result->n_skipped++;
  skip_file->n_skipped++;
  if (kind == HU_IMPORT_SKIP_GAP)
    {
      result->n_gaps++;
      skip_file->n_gaps++;
    }
  if (skip_file->n_kept >= HU_IMPORT_MAX_SKIPPED ||
      result->skipped->len >= HU_IMPORT_MAX_SKIPPED_ALL)
    return FALSE;
  skip_file->n_kept++;
  return TRUE;
}

void
hu_import_result_free (HuImportResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->runs);
  g_ptr_array_unref (result->skipped);
  g_ptr_array_unref (result->skipped_files);
  g_free (result);
}
