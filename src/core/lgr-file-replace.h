/* lgr-file-replace.h: the one way LGR Explorer writes a file - an atomic replace.
 *
 * The data goes to a new hidden file in the same folder (".NAME.XXXXXX"), is flushed to disk,
 * renamed over the old file, and the folder is flushed: whoever reads the file (or the machine
 * after a crash) sees the old contents or the new ones, never half of either.
 *
 * - A symbolic link stays a link: the file it finally points to is replaced, or created if the
 *   link dangles.
 * - A replaced file keeps its permissions and, where the system allows, its owner and group; a
 *   new one gets 0666 less the umask. A file with other hard links is replaced under this name
 *   only: the other names keep the old contents (writing in place would not be atomic).
 * - A read-only file (no write permission for anyone, or none for us) is refused with
 *   LGR_FILE_REPLACE_ERROR_READ_ONLY unless the caller passes
 *   LGR_FILE_REPLACE_OVERWRITE_READ_ONLY (the user said so); it stays read-only.
 * - A target that exists and is not a regular file (a device such as /dev/stdout or /dev/full,
 *   a FIFO, or a path through /proc) is never renamed over: it is written in place, and a FIFO
 *   nobody reads is an error rather than a wait. A folder is refused.
 * - Hidden temporary files left by a save that was killed are removed on the next save of the
 *   same file; on any failure the new temporary file is removed and the old file is intact.
 *
 * Used for study saves, drafts, chart exports, the report and the command line's outputs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LGR_FILE_REPLACE_ERROR (lgr_file_replace_error_quark ())
GQuark lgr_file_replace_error_quark (void);

typedef enum
{
  /* The target is read-only: the caller may ask the user and retry with the flag below. */
  LGR_FILE_REPLACE_ERROR_READ_ONLY,
} LgrFileReplaceError;

typedef enum
{
  LGR_FILE_REPLACE_NONE = 0,
  LGR_FILE_REPLACE_OVERWRITE_READ_ONLY = 1 << 0,
} LgrFileReplaceFlags;

/* Errors other than the one above are in the G_IO_ERROR domain (the code from errno) and name
 * the file once, by its basename as a person knows it (never the temporary file): "Could not
 * save “chart.png”: No space left on device (the file on disk is unchanged)". */
gboolean lgr_file_replace_contents (const char *path, const void *data, gsize length,
                                    GError **error);
gboolean lgr_file_replace_contents_full (const char *path, const void *data, gsize length,
                                         LgrFileReplaceFlags flags, GError **error);

/* The same for a GFile: a local file (one with a path) is replaced as above; any other goes
 * through g_file_replace_contents(), with the same kind of message. */
gboolean lgr_file_replace_file (GFile *file, const void *data, gsize length,
                                GCancellable *cancellable, GError **error);
gboolean lgr_file_replace_file_full (GFile *file, const void *data, gsize length,
                                     LgrFileReplaceFlags flags, GCancellable *cancellable,
                                     GError **error);

/* For tests only: a function called at each step of a replace, so that a test can stop a
 * child process between the write and the rename, or see that the folder was flushed. */
typedef enum
{
  LGR_FILE_REPLACE_STEP_WRITTEN,       /* the temporary file is written and flushed */
  LGR_FILE_REPLACE_STEP_RENAMED,       /* it has replaced the target */
  LGR_FILE_REPLACE_STEP_FOLDER_SYNCED, /* the folder's fsync succeeded */
} LgrFileReplaceStep;

typedef void (*LgrFileReplaceHook) (LgrFileReplaceStep step, const char *temporary, gpointer data);
void lgr_file_replace_set_test_hook (LgrFileReplaceHook hook, gpointer data);

G_END_DECLS
