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
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Symbolic links followed before giving up, as the kernel does (ELOOP). */
#define MAX_LINKS 40
/* g_mkstemp_full() replaces these with letters and digits. */
#define TEMPLATE_TAIL "XXXXXX"

G_DEFINE_QUARK (lgr - file - replace - error - quark, lgr_file_replace_error)

/* Set by tests only (lgr_file_replace_set_test_hook): the steps of a replace, in order. */
static LgrFileReplaceHook test_hook;
static gpointer test_hook_data;

void
lgr_file_replace_set_test_hook (LgrFileReplaceHook hook, gpointer data)
{
  test_hook = hook;
  test_hook_data = data;
}

static void
step_done (LgrFileReplaceStep step, const char *temporary)
{
  if (test_hook != NULL)
    test_hook (step, temporary, test_hook_data);
}

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
sync_folder (const char *dir, const char *temporary)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd < 0)
    return;
  if (fsync (fd) == 0)
    step_done (LGR_FILE_REPLACE_STEP_FOLDER_SYNCED, temporary);
  close (fd);
}

/* A path through /proc (/dev/stdout is a link to /proc/self/fd/1) names a file a process has
 * open, not a place to create files in. */
static gboolean
is_process_file (const char *path)
{
  return g_str_has_prefix (path, "/proc/");
}

/* The name the data finally goes to: symbolic links followed to their last target, which need
 * not exist (a dangling link gets its target created, and stays a link). */
static char *
resolve_links (const char *path)
{
  char *current = g_strdup (path);

  for (int i = 0; i < MAX_LINKS && !is_process_file (current); i++)
    {
      GStatBuf st;
      g_autofree char *target = NULL;
      char *next;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        break;
      target = g_file_read_link (current, NULL);
      if (target == NULL)
        break;
      if (g_path_is_absolute (target))
        next = g_steal_pointer (&target);
      else
        {
          g_autofree char *dir = g_path_get_dirname (current);
          next = g_build_filename (dir, target, NULL);
        }
      g_free (current);
      current = next;
    }
  return current;
}

/* A device, a FIFO or a process's open file: never renamed over (as root that would replace
 * /dev/full itself), written where it is. A FIFO nobody reads is an error, not a wait. */
static gboolean
write_in_place (const char *path, const char *name, const char *data, gsize length, gboolean append,
                GError **error)
{
  int fd, saved_errno, fl;

  fd = g_open (path, O_WRONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | (append ? O_APPEND : 0), 0);
  if (fd < 0)
    {
      saved_errno = errno;
      if (saved_errno == ENXIO)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                     _ ("Could not write “%s”: no program is reading from it"), name);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _ ("Could not write “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  /* Non-blocking only to open: a slow reader is waited for. */
  fl = fcntl (fd, F_GETFL);
  if (fl >= 0)
    (void)fcntl (fd, F_SETFL, fl & ~O_NONBLOCK);
  if (!write_all (fd, data, length))
    {
      saved_errno = errno;
      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("Could not write “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  if (close (fd) != 0 && errno != EINTR)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("Could not write “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Whether name is ".BASE.XXXXXX", a temporary file of ours for base. */
static gboolean
is_temporary_of (const char *name, const char *base)
{
  gsize base_length = strlen (base);
  const char *tail;

  if (name[0] != '.' || strncmp (name + 1, base, base_length) != 0 || name[base_length + 1] != '.')
    return FALSE;
  tail = name + base_length + 2;
  if (strlen (tail) != strlen (TEMPLATE_TAIL))
    return FALSE;
  for (; *tail; tail++)
    if (!g_ascii_isalnum (*tail))
      return FALSE;
  return TRUE;
}

/* A save that was killed between writing and renaming leaves its temporary file: the next save
 * of the same file removes it (only regular files of ours with exactly our pattern). */
static void
remove_stale_temporaries (const char *dir, const char *base)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!is_temporary_of (entry, base))
        continue;
      path = g_build_filename (dir, entry, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid ())
        g_unlink (path);
    }
}

/* No write permission for anyone (root ignores mode bits, a person does not), or none for us. */
static gboolean
is_read_only (const char *path, const GStatBuf *st)
{
  return (st->st_mode & 0222) == 0 || (access (path, W_OK) != 0 && errno == EACCES);
}

gboolean
lgr_file_replace_contents_full (const char *path, const void *data, gsize length,
                                LgrFileReplaceFlags flags, GError **error)
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

  exists = g_stat (path, &st) == 0;
  if (!exists && errno != ENOENT)
    {
      set_errno_error (error, errno, name, FALSE);
      return FALSE;
    }
  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _ ("Could not save “%s”: it is a folder"), name);
      return FALSE;
    }
  if (exists && !S_ISREG (st.st_mode))
    return write_in_place (path, name, data, length, FALSE, error);

  resolved = resolve_links (path);
  if (is_process_file (resolved))
    return write_in_place (resolved, name, data, length, TRUE, error);
  if (exists && !(flags & LGR_FILE_REPLACE_OVERWRITE_READ_ONLY) && is_read_only (resolved, &st))
    {
      g_set_error (error, LGR_FILE_REPLACE_ERROR, LGR_FILE_REPLACE_ERROR_READ_ONLY,
                   _ ("Could not save “%s”: the file is read-only (the file on disk is "
                      "unchanged)"),
                   name);
      return FALSE;
    }

  dir = g_path_get_dirname (resolved);
  base = g_path_get_basename (resolved);
  remove_stale_temporaries (dir, base);
  tmp_name = g_strdup_printf (".%s.%s", base, TEMPLATE_TAIL);
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
    {
      /* The owner only root may give; the group where we belong to it. */
      if (fchown (fd, st.st_uid, st.st_gid) != 0)
        (void)fchown (fd, (uid_t)-1, st.st_gid);
      (void)fchmod (fd, st.st_mode & 07777);
    }

  if (!write_all (fd, data, length) || fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;
  step_done (LGR_FILE_REPLACE_STEP_WRITTEN, tmp);
  if (g_rename (tmp, resolved) != 0)
    goto failed;
  step_done (LGR_FILE_REPLACE_STEP_RENAMED, tmp);
  sync_folder (dir, tmp);
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
lgr_file_replace_contents (const char *path, const void *data, gsize length, GError **error)
{
  return lgr_file_replace_contents_full (path, data, length, LGR_FILE_REPLACE_NONE, error);
}

gboolean
lgr_file_replace_file_full (GFile *file, const void *data, gsize length, LgrFileReplaceFlags flags,
                            GCancellable *cancellable, GError **error)
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
    return lgr_file_replace_contents_full (path, data, length, flags, error);

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

gboolean
lgr_file_replace_file (GFile *file, const void *data, gsize length, GCancellable *cancellable,
                       GError **error)
{
  return lgr_file_replace_file_full (file, data, length, LGR_FILE_REPLACE_NONE, cancellable, error);
}
