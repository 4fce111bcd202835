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

/* A save in progress: the temporary file being written beside the
 * target (hu_file_save_begin()). */
struct _HuFileSave
{
  char        *path;     /* as the caller named it, for messages */
  char        *target;   /* @path with its links followed */
  char        *dir;
  char        *temp;
  int          fd;
  gboolean     exists;
  struct stat  st;       /* the file replaced, if it exists */
};

static void
unlink_and_free (char *path)
{
  g_unlink (path);
  g_free (path);
}

static void
save_free (HuFileSave *save)
{
  if (save->fd >= 0)
    close (save->fd);
  g_free (save->path);
  g_free (save->target);
  g_free (save->dir);
  g_free (save->temp);
  g_free (save);
}

/* Removes the temporary file and reports @errsv; the target is untouched.
 * @save stays for the caller to free. */
static gboolean
save_fail (HuFileSave  *save,
           int          errsv,
           GError     **error)
{
  if (save->fd >= 0)
    close (save->fd);
  save->fd = -1;
  g_clear_pointer (&save->temp, unlink_and_free);
  set_save_error (error, errsv, save->path, save->dir);
  return FALSE;
}

/**
 * hu_file_save_begin:
 * @path: the file to replace or create
 *
 * Starts replacing @path as hu_file_write_atomic() does, for contents
 * written in pieces (a project streamed run by run): write them with
 * hu_file_save_write(), then hu_file_save_commit(), or
 * hu_file_save_abort() to leave @path as it was.
 *
 * Returns: (transfer full) (nullable): the save, or %NULL with @error set
 */
HuFileSave *
hu_file_save_begin (const char  *path,
                    GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *base = NULL;
  HuFileSave *save;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(target = resolve_links (path, error)))
    return NULL;

  save = g_new0 (HuFileSave, 1);
  save->fd = -1;
  save->path = g_strdup (path);
  save->dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  save->target = g_steal_pointer (&target);

  save->exists = g_stat (save->target, &save->st) == 0;
  if (save->exists && !S_ISREG (save->st.st_mode))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, HU_FILE_ERROR, HU_FILE_ERROR_NOT_REGULAR,
                   _("Could not save “%s”: it is not a regular file."), name);
      save_free (save);
      return NULL;
    }
  /* A file its owner made read-only stays so, even though the folder
   * would let us replace it. */
  if (save->exists && access (save->target, W_OK) != 0 && errno != EROFS)
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, HU_FILE_ERROR, HU_FILE_ERROR_READ_ONLY,
                   _("Could not save “%s”: the file is read-only. The file was not changed."),
                   name);
      save_free (save);
      return NULL;
    }

  hu_file_clean_stale (save->target, 60);

  /* A replaced file's contents stay private while they are written; a new
   * file gets the usual 0666 less the umask. */
  save->fd = open_temp (save->dir, base, save->exists ? 0600 : 0666, &save->temp);
  if (save->fd < 0)
    {
      set_save_error (error, errno, path, save->dir);
      save_free (save);
      return NULL;
    }
  return save;
}

/**
 * hu_file_save_write:
 * @save: a save begun with hu_file_save_begin()
 *
 * Appends @data to the temporary file. On failure the temporary file is
 * removed at once (a full disk gets its space back); give the save up
 * with hu_file_save_abort().
 *
 * Returns: %TRUE if every byte was written
 */
gboolean
hu_file_save_write (HuFileSave  *save,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_return_val_if_fail (save != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (save->fd >= 0, FALSE);

  if (!write_all (save->fd, data, length))
    return save_fail (save, errno, error);
  return TRUE;
}

static gboolean
save_commit (HuFileSave  *save,
             GError     **error)
{
  if (save->exists)
    {
      struct stat now;

      /* Only root may give a file away; a member of the original's group
       * may still keep the group. Neither failure is an error: the file
       * is ours then, as any new file would be. */
      if (fstat (save->fd, &now) == 0
          && (now.st_uid != save->st.st_uid || now.st_gid != save->st.st_gid))
        if (fchown (save->fd, save->st.st_uid, save->st.st_gid) != 0)
          (void) fchown (save->fd, (uid_t) -1, save->st.st_gid);
      /* After fchown, which clears set-id bits. */
      if (fchmod (save->fd, save->st.st_mode & 07777) != 0)
        return save_fail (save, errno, error);
    }

  if (fsync (save->fd) != 0)
    return save_fail (save, errno, error);
  {
    int fd = save->fd;

    save->fd = -1;
    if (close (fd) != 0 && errno != EINTR)
      return save_fail (save, errno, error);
  }

  if (g_rename (save->temp, save->target) != 0)
    return save_fail (save, errno, error);

  sync_dir (save->dir);
  g_clear_pointer (&save->temp, g_free);
  return TRUE;
}

/**
 * hu_file_save_commit:
 * @save: (transfer full): a save whose every byte is written
 *
 * Keeps the replaced file's mode and owner, syncs the temporary file,
 * renames it over the target and syncs the folder. Frees @save; on
 * failure the temporary file is removed and the target untouched.
 *
 * Returns: %TRUE if the target now holds what was written
 */
gboolean
hu_file_save_commit (HuFileSave  *save,
                     GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (save != NULL, FALSE);
  g_return_val_if_fail (save->fd >= 0, FALSE);

  ok = save_commit (save, error);
  save_free (save);
  return ok;
}

/**
 * hu_file_save_abort:
 * @save: (transfer full) (nullable): a save begun with hu_file_save_begin()
 *
 * Gives the save up: the temporary file is removed, the target untouched.
 */
void
hu_file_save_abort (HuFileSave *save)
{
  if (save == NULL)
    return;
  if (save->fd >= 0)
    close (save->fd);
  save->fd = -1;
  g_clear_pointer (&save->temp, unlink_and_free);
  save_free (save);
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
  HuFileSave *save;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(save = hu_file_save_begin (path, error)))
    return FALSE;
  if (!hu_file_save_write (save, data, length, error))
    {
      hu_file_save_abort (save);
      return FALSE;
    }
  return hu_file_save_commit (save, error);
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
