/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "hu-file-util.h"

G_DEFINE_QUARK (hu-file-error-quark, hu_file_error)

/* Temporary files are named ".NAME.huella-PID-RANDOM" beside the file they
 * replace, so a save killed half-way leaves something a person recognises
 * and the next save can tell whose it was. The name is cut so that the
 * temporary name stays within NAME_MAX (255 bytes). */
#define TEMP_MARK ".huella-"
#define TEMP_BASE_MAX 200
#define MAX_LINK_HOPS 40

static HuFileError
code_from_errno (int errsv)
{
  switch (errsv)
    {
    case EROFS:
    case EACCES:
    case EPERM:
      return HU_FILE_ERROR_READ_ONLY;
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
    case EFBIG:
      return HU_FILE_ERROR_NO_SPACE;
    case ENOENT:
    case ENOTDIR:
      return HU_FILE_ERROR_NOT_FOUND;
    default:
      return HU_FILE_ERROR_FAILED;
    }
}

/* One message per cause, each saying that the file on disk was left as it
 * was: that is what the person needs to know after a failed save. */
static void
set_save_error (GError     **error,
                int          errsv,
                const char  *path,
                const char  *dir)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *folder = g_filename_display_name (dir);
  HuFileError code = code_from_errno (errsv);

  switch (errsv)
    {
    case EROFS:
      g_set_error (error, HU_FILE_ERROR, code,
                   _("Could not save “%s”: the disk holding the folder “%s” is read-only. The file was not changed."),
                   name, folder);
      break;
    case EACCES:
    case EPERM:
      g_set_error (error, HU_FILE_ERROR, code,
                   _("Could not save “%s”: you may not write in the folder “%s”. The file was not changed."),
                   name, folder);
      break;
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
    case EFBIG:
      g_set_error (error, HU_FILE_ERROR, code,
                   _("Could not save “%s”: the disk is full. The file was not changed."), name);
      break;
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, HU_FILE_ERROR, code,
                   _("Could not save “%s”: the folder “%s” does not exist."), name, folder);
      break;
    default:
      g_set_error (error, HU_FILE_ERROR, code,
                   _("Could not save “%s”: %s. The file was not changed."),
                   name, g_strerror (errsv));
    }
}

/* Follows @path through every symbolic link to the file that holds the
 * data, so that saving updates the link's target and keeps the link. A
 * dangling link resolves to the file it names, which the save creates. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops < MAX_LINK_HOPS; hops++)
    {
      g_autofree char *target = NULL;
      struct stat st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      if (!(target = g_file_read_link (current, NULL)))
        return g_steal_pointer (&current);
      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          g_autofree char *joined = g_build_filename (dir, target, NULL);
          g_free (current);
          current = g_steal_pointer (&joined);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
    }

  set_save_error (error, ELOOP, path, path);
  return NULL;
}

static char *
temp_prefix (const char *base)
{
  gsize len = MIN (strlen (base), TEMP_BASE_MAX);
  return g_strdup_printf (".%.*s" TEMP_MARK, (int) len, base);
}

/* Opens a new temporary file beside @target; O_EXCL so two saves never
 * share one. */
static int
open_temp (const char  *dir,
           const char  *base,
           mode_t       mode,
           char       **temp_path)
{
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  g_autofree char *prefix = temp_prefix (base);
  int errsv = EEXIST;

  for (guint attempt = 0; attempt < 100 && errsv == EEXIST; attempt++)
    {
      g_autofree char *name = NULL;
      g_autofree char *candidate = NULL;
      char random[7];
      int fd;

      for (guint i = 0; i < 6; i++)
        random[i] = alphabet[g_random_int_range (0, sizeof alphabet - 1)];
      random[6] = '\0';
      name = g_strdup_printf ("%s%d-%s", prefix, (int) getpid (), random);
      candidate = g_build_filename (dir, name, NULL);

      fd = open (candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, mode);
      if (fd >= 0)
        {
          *temp_path = g_steal_pointer (&candidate);
          return fd;
        }
      errsv = errno;
    }

  errno = errsv;
  return -1;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      if (n == 0)
        {
          /* A write that makes no progress cannot finish either. */
          errno = ENOSPC;
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* Makes the rename itself durable. Some file systems cannot sync a
 * folder (EINVAL); the data is already safe then, so that is no error. */
static void
sync_dir (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  (void) fsync (fd);
  close (fd);
}

/**
 * hu_file_write_atomic:
 * @path: the file to replace or create
 * @data: (array length=length): the new contents
 *
 * Replaces @path with @data so that, at every moment, the file holds
 * either its old contents or all of the new ones, whatever happens
 * (a full disk, a crash, kill -9, a power cut after this returns).
 *
 * The data goes to a temporary file in the same folder; every write is
 * checked, the file is synced, and only then renamed over @path, and the
 * folder synced. On any error the temporary file is removed and @path is
 * untouched. GLib 2.74's g_file_replace_contents() cannot promise this: it
 * commits the temporary file when it closes the stream after a failed
 * write, leaving a truncated file in the original's place.
 *
 * An existing file keeps its permission bits, and its owner and group
 * where the system allows. A symbolic link is kept and its target is
 * replaced. Hard links are split: the rename gives @path a new inode, and
 * the other names keep the old contents (see docs/decisions.md).
 *
 * Returns: %TRUE if @path now holds @data
 */
gboolean
hu_file_write_atomic (const char  *path,
                      const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  struct stat st;
  gboolean exists;
  int fd;
  int errsv;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(target = resolve_links (path, error)))
    return FALSE;
  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);

  exists = g_stat (target, &st) == 0;
  if (exists && !S_ISREG (st.st_mode))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, HU_FILE_ERROR, HU_FILE_ERROR_NOT_REGULAR,
                   _("Could not save “%s”: it is not a regular file."), name);
      return FALSE;
    }
  /* A file its owner made read-only stays so, even though the folder
   * would let us replace it. */
  if (exists && access (target, W_OK) != 0 && errno != EROFS)
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, HU_FILE_ERROR, HU_FILE_ERROR_READ_ONLY,
                   _("Could not save “%s”: the file is read-only. The file was not changed."),
                   name);
      return FALSE;
    }

  hu_file_clean_stale (target, 60);

  /* A replaced file's contents stay private while they are written; a new
   * file gets the usual 0666 less the umask. */
  fd = open_temp (dir, base, exists ? 0600 : 0666, &temp);
  if (fd < 0)
    {
      set_save_error (error, errno, path, dir);
      return FALSE;
    }

  if (!write_all (fd, data, length))
    goto fail;

  if (exists)
    {
      struct stat now;

      /* Only root may give a file away; a member of the original's group
       * may still keep the group. Neither failure is an error: the file
       * is ours then, as any new file would be. */
      if (fstat (fd, &now) == 0 && (now.st_uid != st.st_uid || now.st_gid != st.st_gid))
        if (fchown (fd, st.st_uid, st.st_gid) != 0)
          (void) fchown (fd, (uid_t) -1, st.st_gid);
      /* After fchown, which clears set-id bits. */
      if (fchmod (fd, st.st_mode & 07777) != 0)
        goto fail;
    }

  if (fsync (fd) != 0)
    goto fail;
  if (close (fd) != 0 && errno != EINTR)
    {
      fd = -1;
      goto fail;
    }
  fd = -1;

  if (g_rename (temp, target) != 0)
    goto fail;

  sync_dir (dir);
  return TRUE;

fail:
  errsv = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (temp);
  set_save_error (error, errsv, path, dir);
  return FALSE;
}

/**
 * hu_file_clean_stale:
 * @path: a file that is saved with hu_file_write_atomic()
 * @min_age_seconds: leave younger temporary files alone
 *
 * Removes the temporary files that saves of @path killed half-way left
 * behind: those at least @min_age_seconds old whose process is gone. A
 * save still running (its process alive, or too recent to tell) keeps
 * its file.
 *
 * Returns: how many files were removed
 */
guint
hu_file_clean_stale (const char *path,
                     guint       min_age_seconds)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gsize prefix_len;
  guint removed = 0;

  g_return_val_if_fail (path != NULL, 0);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  prefix = temp_prefix (base);
  prefix_len = strlen (prefix);

  if (!(listing = g_dir_open (dir, 0, NULL)))
    return 0;

  while ((name = g_dir_read_name (listing)))
    {
      g_autofree char *full = NULL;
      const char *p;
      char *end;
      gint64 pid;
      struct stat st;

      if (strncmp (name, prefix, prefix_len) != 0)
        continue;
      p = name + prefix_len;
      pid = g_ascii_strtoll (p, &end, 10);
      if (end == p || *end != '-' || pid <= 0 || pid > G_MAXINT)
        continue;

      full = g_build_filename (dir, name, NULL);
      if (g_lstat (full, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      if (now - (gint64) st.st_mtime < (gint64) min_age_seconds)
        continue;
      if (kill ((pid_t) pid, 0) == 0 || errno != ESRCH)
        continue;
      if (g_unlink (full) == 0)
        removed++;
    }

  return removed;
}

static gboolean
check_type (const struct stat  *st,
            const char         *path,
            GError            **error)
{
  g_autofree char *name = NULL;

  if (S_ISREG (st->st_mode))
    return TRUE;

  name = g_filename_display_name (path);
  if (S_ISDIR (st->st_mode))
    g_set_error (error, HU_FILE_ERROR, HU_FILE_ERROR_NOT_REGULAR,
                 _("%s: is a folder, not a file"), name);
  else
    g_set_error (error, HU_FILE_ERROR, HU_FILE_ERROR_NOT_REGULAR,
                 _("%s: is not a regular file (a device, pipe or socket)"), name);
  return FALSE;
}

static void
set_read_error (GError     **error,
                int          errsv,
                const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  if (errsv == ENOENT)
    g_set_error (error, HU_FILE_ERROR, HU_FILE_ERROR_NOT_FOUND,
                 _("%s: no such file"), name);
  else
    g_set_error (error, HU_FILE_ERROR, code_from_errno (errsv), "%s: %s",
                 name, g_strerror (errsv));
}

/**
 * hu_file_check_regular:
 *
 * Refuses, before anything reads it, a path that is not a regular file:
 * a FIFO would block the reader forever, /dev/zero never ends, and a
 * folder is no file. Symbolic links are followed.
 */
gboolean
hu_file_check_regular (const char  *path,
                       GError     **error)
{
  struct stat st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0)
    {
      set_read_error (error, errno, path);
      return FALSE;
    }
  return check_type (&st, path, error);
}

static void
set_too_large (GError     **error,
               const char  *path,
               gsize        max_size)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, HU_FILE_ERROR, HU_FILE_ERROR_TOO_LARGE,
               _("%s: the file is larger than %s, the most Huella reads"), name, limit);
}

/**
 * hu_file_read_regular:
 * @max_size: refuse files longer than this many bytes
 * @contents: (out): the file's bytes, NUL-terminated
 *
 * Reads a regular file of at most @max_size bytes. The type is checked on
 * the open file, which is opened without blocking, so a FIFO put in the
 * file's place between a check and the read cannot hang us either; the
 * size is checked before reading and again while reading, for files that
 * grow.
 */
gboolean
hu_file_read_regular (const char  *path,
                      gsize        max_size,
                      char       **contents,
                      gsize       *length,
                      GError     **error)
{
  g_autoptr(GString) buffer = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    {
      set_read_error (error, errno, path);
      return FALSE;
    }
  if (fstat (fd, &st) != 0)
    {
      set_read_error (error, errno, path);
      close (fd);
      return FALSE;
    }
  if (!check_type (&st, path, error))
    {
      close (fd);
      return FALSE;
    }
  if ((guint64) st.st_size > max_size)
    {
      set_too_large (error, path, max_size);
      close (fd);
      return FALSE;
    }

  buffer = g_string_sized_new ((gsize) st.st_size + 1);
  for (;;)
    {
      char chunk[65536];
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_read_error (error, errno, path);
          close (fd);
          return FALSE;
        }
      if (n == 0)
        break;
      if (buffer->len + (gsize) n > max_size)
        {
          set_too_large (error, path, max_size);
          close (fd);
          return FALSE;
        }
      g_string_append_len (buffer, chunk, n);
    }
  close (fd);

  if (length)
    *length = buffer->len;
  *contents = g_string_free (g_steal_pointer (&buffer), FALSE);
  return TRUE;
}
