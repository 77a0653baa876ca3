/* lgr-writer.c: a small buffered writer (see lgr-writer.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-writer.h"

#include <errno.h>
#include <string.h>

#include "lgr-number.h"

#define CHUNK (64 * 1024)

struct _LgrWriter
{
  char *data;
  gsize length;
  gsize size; /* allocated, always more than length: room for a NUL */
  FILE *file; /* NULL for a string writer */
  gboolean failed;
  int error_code; /* errno of the first failed write */
};

static LgrWriter *
writer_new (FILE *file, gsize size)
{
  LgrWriter *writer = g_new0 (LgrWriter, 1);
  writer->data = g_malloc (size);
  writer->size = size;
  writer->file = file;
  return writer;
}

LgrWriter *
lgr_writer_new_for_file (FILE *file)
{
  g_return_val_if_fail (file != NULL, NULL);
  return writer_new (file, CHUNK + LGR_NUMBER_BUF_SIZE);
}

LgrWriter *
lgr_writer_new_for_string (void)
{
  return writer_new (NULL, 4096);
}

static void
write_out (LgrWriter *writer)
{
  if (writer->length > 0 && !writer->failed
      && fwrite (writer->data, 1, writer->length, writer->file) != writer->length)
    {
      writer->failed = TRUE;
      writer->error_code = errno;
    }
  writer->length = 0;
}

/* Makes room for extra more bytes (and a NUL): a file writer writes out what it holds, a string
 * writer grows. */
static inline void
reserve (LgrWriter *writer, gsize extra)
{
  if (G_LIKELY (writer->length + extra < writer->size))
    return;
  if (writer->file)
    {
      write_out (writer);
      if (extra < writer->size)
        return;
    }
  while (writer->length + extra >= writer->size)
    writer->size *= 2;
  writer->data = g_realloc (writer->data, writer->size);
}

void
lgr_writer_append_len (LgrWriter *writer, const char *text, gsize length)
{
  reserve (writer, length);
  memcpy (writer->data + writer->length, text, length);
  writer->length += length;
}

void
lgr_writer_append (LgrWriter *writer, const char *text)
{
  lgr_writer_append_len (writer, text, strlen (text));
}

void
lgr_writer_append_c (LgrWriter *writer, char c)
{
  reserve (writer, 1);
  writer->data[writer->length++] = c;
}

void
lgr_writer_append_number (LgrWriter *writer, double value)
{
  reserve (writer, LGR_NUMBER_BUF_SIZE);
  writer->length += lgr_number_to_buffer (value, writer->data + writer->length);
}

void
lgr_writer_append_json_string (LgrWriter *out, const char *s)
{
  lgr_writer_append_c (out, '"');
  for (const char *p = s ? s : ""; *p; p++)
    {
      unsigned char c = (unsigned char)*p;
      switch (c)
        {
        case '"':
          lgr_writer_append (out, "\\\"");
          break;
        case '\\':
          lgr_writer_append (out, "\\\\");
          break;
        case '\n':
          lgr_writer_append (out, "\\n");
          break;
        case '\r':
          lgr_writer_append (out, "\\r");
          break;
        case '\t':
          lgr_writer_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            {
              char escaped[8];
              g_snprintf (escaped, sizeof escaped, "\\u%04x", c);
              lgr_writer_append (out, escaped);
            }
          else
            lgr_writer_append_c (out, (char)c);
        }
    }
  lgr_writer_append_c (out, '"');
}

gboolean
lgr_writer_finish (LgrWriter *writer)
{
  if (writer->file == NULL)
    return TRUE;
  write_out (writer);
  if (fflush (writer->file) != 0 && !writer->failed)
    {
      writer->failed = TRUE;
      writer->error_code = errno;
    }
  /* The file's buffer may already be gone: the first failure's errno is the one that says why. */
  if (writer->failed)
    errno = writer->error_code;
  return !writer->failed;
}

char *
lgr_writer_free_to_string (LgrWriter *writer)
{
  char *text;

  g_return_val_if_fail (writer->file == NULL, NULL);

  writer->data[writer->length] = '\0';
  text = writer->data;
  g_free (writer);
  return text;
}

void
lgr_writer_free (LgrWriter *writer)
{
  if (writer == NULL)
    return;
  g_free (writer->data);
  g_free (writer);
}
