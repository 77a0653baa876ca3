/* lgr-file-replace.c: writing a file by replacing it atomically (see lgr-file-replace.h).
 *
 * Plain POSIX calls, not GFile, for local paths: the command line then never starts GIO's VFS.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-file-replace.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static void
set_errno_error (GError **error, int saved_errno, const char *name, gboolean existed)
{
  if (existed)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 /* Translators: "Could not save “study.lgr”: No space left on device (…)" */
                 _ ("Could not save “%s”: %s (the file on disk is unchanged)"), name,
                 g_strerror (saved_errno));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _ ("Could not save “%s”: %s"), name, g_strerror (saved_errno));
}

static gboolean
write_all (int fd, const char *data, gsize length)
{
  gsize done = 0;
  while (done < length)
    {
      gssize n = write (fd, data + done, length - done);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      done += (gsize)n;
    }
  return TRUE;
}

/* After a rename the folder's entry must reach the disk too. Some file systems cannot flush a
 * folder; the file itself is already safe then, so that is not a failure. */
static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd < 0)
    return;
  (void)fsync (fd);
  close (fd);
}

gboolean
lgr_file_replace_contents (const char *path, const void *data, gsize length, GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *tmp_name = NULL;
  GStatBuf st;
  gboolean exists;
  int fd, saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_filename_display_basename (path);

  /* Replace what a symbolic link points to, not the link. */
  resolved = realpath (path, NULL);
  if (resolved == NULL)
    resolved = g_strdup (path);
  exists = g_stat (resolved, &st) == 0;
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR,
                   S_ISDIR (st.st_mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                   _ ("Could not save “%s”: it is not a regular file"), name);
      return FALSE;
    }

  dir = g_path_get_dirname (resolved);
  base = g_path_get_basename (resolved);
  tmp_name = g_strdup_printf (".%s.XXXXXX", base);
  tmp = g_build_filename (dir, tmp_name, NULL);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      g_autofree char *dir_name = g_filename_display_name (dir);
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("Could not save “%s”: cannot write in the folder “%s” (%s)"), name, dir_name,
                   g_strerror (saved_errno));
      return FALSE;
    }
  if (exists)
    (void)fchmod (fd, st.st_mode & 07777);

  if (!write_all (fd, data, length) || fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;
  if (g_rename (tmp, resolved) != 0)
    goto failed;
  sync_folder (dir);
  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  set_errno_error (error, saved_errno, name, exists);
  return FALSE;
}

gboolean
lgr_file_replace_file (GFile *file, const void *data, gsize length, GCancellable *cancellable,
                       GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  path = g_file_get_path (file);
  if (path != NULL)
    return lgr_file_replace_contents (path, data, length, error);

  if (g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                               cancellable, &local))
    return TRUE;
  name = g_file_get_basename (file);
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_free (name);
      name = g_file_get_parse_name (file);
    }
  g_set_error (error, local->domain, local->code, _ ("Could not save “%s”: %s"), name,
               local->message);
  return FALSE;
}
