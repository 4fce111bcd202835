/* SPDX-License-Identifier: GPL-3.0-or-later */

/* An LD_PRELOAD library that makes the file system misbehave on request,
 * for test-save: CI runs as root in a container where it may not mount a
 * small tmpfs, and root ignores folder permissions, so the failures a
 * user meets are made here instead.
 *
 *   HU_SHIM_NOSPACE_AFTER=N  write() to regular files fails with ENOSPC
 *                            once N bytes in all went to them (a short
 *                            write first, as the kernel does)
 *   HU_SHIM_FSYNC_ERRNO=N    fsync() of regular files fails with errno N
 *   HU_SHIM_EROFS_DIR=DIR    creating a file under DIR fails with EROFS
 */

#define _GNU_SOURCE
/* Both open and open64 are replaced; with 64-bit offsets the headers
 * would make them one symbol. */
#undef _FILE_OFFSET_BITS

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static long long written;

static int
is_regular (int fd)
{
  struct stat st;
  return fstat (fd, &st) == 0 && S_ISREG (st.st_mode);
}

ssize_t
write (int         fd,
       const void *buf,
       size_t      count)
{
  static ssize_t (*real_write) (int, const void *, size_t);
  const char *limit = getenv ("HU_SHIM_NOSPACE_AFTER");

  if (!real_write)
    real_write = (ssize_t (*) (int, const void *, size_t)) dlsym (RTLD_NEXT, "write");

  if (limit && is_regular (fd))
    {
      long long room = atoll (limit) - written;
      ssize_t n;

      if (room <= 0)
        {
          errno = ENOSPC;
          return -1;
        }
      if ((long long) count > room)
        count = (size_t) room;
      n = real_write (fd, buf, count);
      if (n > 0)
        written += n;
      return n;
    }
  return real_write (fd, buf, count);
}

int
fsync (int fd)
{
  static int (*real_fsync) (int);
  const char *err = getenv ("HU_SHIM_FSYNC_ERRNO");

  if (!real_fsync)
    real_fsync = (int (*) (int)) dlsym (RTLD_NEXT, "fsync");

  if (err && is_regular (fd))
    {
      errno = atoi (err);
      return -1;
    }
  return real_fsync (fd);
}

static int
refused (const char *path,
         int         flags)
{
  const char *dir = getenv ("HU_SHIM_EROFS_DIR");

  return dir && (flags & O_CREAT) && strncmp (path, dir, strlen (dir)) == 0;
}

#define DEFINE_OPEN(name)                                                     \
int                                                                           \
name (const char *path,                                                       \
      int         flags,                                                      \
      ...)                                                                    \
{                                                                             \
  static int (*real) (const char *, int, ...);                                \
  mode_t mode = 0;                                                            \
                                                                              \
  if (!real)                                                                  \
    real = (int (*) (const char *, int, ...)) dlsym (RTLD_NEXT, #name);       \
  if (flags & (O_CREAT | O_TMPFILE))                                          \
    {                                                                         \
      va_list ap;                                                             \
      va_start (ap, flags);                                                   \
      mode = va_arg (ap, mode_t);                                             \
      va_end (ap);                                                            \
    }                                                                         \
  if (refused (path, flags))                                                  \
    {                                                                         \
      errno = EROFS;                                                          \
      return -1;                                                              \
    }                                                                         \
  return real (path, flags, mode);                                            \
}

DEFINE_OPEN (open)
DEFINE_OPEN (open64)
