/* lgr-file-replace.h: the one way LGR Explorer writes a file - an atomic replace.
 *
 * The data goes to a new file in the same folder, is flushed to disk, renamed over the old file,
 * and the folder is flushed: whoever reads the file (or the machine after a crash) sees the old
 * contents or the new ones, never half of either. A symbolic link is followed (the file it
 * points to is replaced, the link stays); a replaced file keeps its permissions, a new one gets
 * 0666 less the umask. On failure the temporary file is removed and the old file is intact.
 *
 * Used for study saves, drafts, chart exports, the report and the command line's outputs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Errors are in the G_IO_ERROR domain (the code from errno) and name the file by its
 * basename, as a person knows it: "Could not save “chart.png”: No space left on device (the
 * file on disk is unchanged)". */
gboolean lgr_file_replace_contents (const char *path, const void *data, gsize length,
                                    GError **error);

/* The same for a GFile: a local file (one with a path) is replaced as above; any other goes
 * through g_file_replace_contents(), with the same kind of message. */
gboolean lgr_file_replace_file (GFile *file, const void *data, gsize length,
                                GCancellable *cancellable, GError **error);

G_END_DECLS
