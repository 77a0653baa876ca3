/* lgr-writer.h: a small buffered writer for text written as it goes (--summary, CSV).
 *
 * Text goes into a buffer; a writer for a FILE hands the buffer to fwrite() each time it holds
 * 64 KiB, so output of any size needs only that much memory. A writer for a string keeps it all
 * and gives it back at the end. Write errors are remembered and reported by
 * lgr_writer_finish(): callers write without checking each call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

typedef struct _LgrWriter LgrWriter;

/* Writes to file (not closed by the writer). */
LgrWriter *lgr_writer_new_for_file (FILE *file);

/* Keeps everything in memory: lgr_writer_free_to_string() gives it back. */
LgrWriter *lgr_writer_new_for_string (void);

void lgr_writer_append (LgrWriter *writer, const char *text);
void lgr_writer_append_len (LgrWriter *writer, const char *text, gsize length);
void lgr_writer_append_c (LgrWriter *writer, char c);

/* A number as lgr_number_to_string() writes it, with no allocation. */
void lgr_writer_append_number (LgrWriter *writer, double value);

/* text as a JSON string, quoted and escaped (NULL: ""): every JSON output writes strings so. */
void lgr_writer_append_json_string (LgrWriter *writer, const char *text);

/* Writes out what is buffered (and fflush()es a file). FALSE if any write failed, with errno
 * set to the first failure's (ENOSPC, EPIPE...); the writer can still be freed. */
gboolean lgr_writer_finish (LgrWriter *writer);

/* Frees a string writer and returns its text (NUL-terminated; free with g_free()). */
char *lgr_writer_free_to_string (LgrWriter *writer);

void lgr_writer_free (LgrWriter *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrWriter, lgr_writer_free)

G_END_DECLS
