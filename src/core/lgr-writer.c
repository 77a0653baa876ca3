/* lgr-writer.c: a small buffered writer (see lgr-writer.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-writer.h"

#include <string.h>

#include "lgr-number.h"

#define CHUNK (64 * 1024)

struct _LgrWriter
{
  GString *buffer;
  FILE *file; /* NULL for a string writer */
  gboolean failed;
};

LgrWriter *
lgr_writer_new_for_file (FILE *file)
{
  LgrWriter *writer;

  g_return_val_if_fail (file != NULL, NULL);

  writer = g_new0 (LgrWriter, 1);
  writer->buffer = g_string_sized_new (CHUNK + LGR_NUMBER_BUF_SIZE);
  writer->file = file;
  return writer;
}

LgrWriter *
lgr_writer_new_for_string (void)
{
  LgrWriter *writer = g_new0 (LgrWriter, 1);
  writer->buffer = g_string_sized_new (4096);
  return writer;
}

static void
write_out (LgrWriter *writer)
{
  if (writer->buffer->len == 0)
    return;
  if (!writer->failed
      && fwrite (writer->buffer->str, 1, writer->buffer->len, writer->file) != writer->buffer->len)
    writer->failed = TRUE;
  g_string_truncate (writer->buffer, 0);
}

static inline void
maybe_write_out (LgrWriter *writer)
{
  if (writer->file && writer->buffer->len >= CHUNK)
    write_out (writer);
}

void
lgr_writer_append_len (LgrWriter *writer, const char *text, gsize length)
{
  g_string_append_len (writer->buffer, text, (gssize)length);
  maybe_write_out (writer);
}

void
lgr_writer_append (LgrWriter *writer, const char *text)
{
  lgr_writer_append_len (writer, text, strlen (text));
}

void
lgr_writer_append_c (LgrWriter *writer, char c)
{
  g_string_append_c (writer->buffer, c);
  maybe_write_out (writer);
}

void
lgr_writer_append_number (LgrWriter *writer, double value)
{
  char text[LGR_NUMBER_BUF_SIZE];
  gsize length = lgr_number_to_buffer (value, text);
  lgr_writer_append_len (writer, text, length);
}

gboolean
lgr_writer_finish (LgrWriter *writer)
{
  if (writer->file == NULL)
    return TRUE;
  write_out (writer);
  if (fflush (writer->file) != 0)
    writer->failed = TRUE;
  return !writer->failed;
}

char *
lgr_writer_free_to_string (LgrWriter *writer)
{
  char *text;

  g_return_val_if_fail (writer->file == NULL, NULL);

  text = g_string_free (writer->buffer, FALSE);
  g_free (writer);
  return text;
}

void
lgr_writer_free (LgrWriter *writer)
{
  if (writer == NULL)
    return;
  g_string_free (writer->buffer, TRUE);
  g_free (writer);
}
