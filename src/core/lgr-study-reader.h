/* lgr-study-reader.h: safe XML reading for study files (the first layer of loading).
 *
 * Knows XML, not studies: refuses what is too large, empty, binary, UTF-16 or otherwise not
 * UTF-8, declares another encoding, is plain text or a web page rather than XML, has a tag with
 * over LGR_MAX_ATTRIBUTES attributes, a name over LGR_MAX_NAME_BYTES or a value over
 * LGR_MAX_ATTRIBUTE_BYTES (all counted before libxml2 reads the file), has a DOCTYPE or entities,
 * refers to other files or nests over LGR_MAX_DEPTH deep;
 * finds the line of every start tag and attribute; and hands the elements, attributes and text
 * to the loader (lgr-study-loader.c), which builds the study through the schema table. The first
 * problem found, by either, is the one reported.
 *
 * Internal to the core library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lgr-rules.h"

G_BEGIN_DECLS

typedef struct _LgrReader LgrReader;

typedef struct
{
  const char *name;   /* local name */
  const char *prefix; /* NULL: none */
  char *value;        /* character references resolved */
  guint index;        /* position in the tag, namespace declarations not counted */
} LgrReaderAttribute;

typedef struct
{
  const char *name;   /* local name */
  const char *prefix; /* NULL: none */
  gboolean has_uri;   /* the element is in a namespace */
  gboolean declares_namespaces;
  int line; /* of its '<' */
  guint n_attributes;
  const LgrReaderAttribute *attributes;
} LgrReaderElement;

typedef struct
{
  void (*start_element) (LgrReader *reader, gpointer user_data, const LgrReaderElement *element);
  void (*end_element) (LgrReader *reader, gpointer user_data);
  /* Text and white space between tags, in pieces. */
  void (*text) (LgrReader *reader, gpointer user_data, const char *text, gsize length);
} LgrReaderHandlers;

/* Parses data, calling handlers until the end or the first failure (then no more events arrive).
 * Returns FALSE with error set if the reader or a handler (through lgr_reader_fail) found a
 * problem. Error messages start with display_name. */
gboolean lgr_reader_parse (const char *data, gsize length, const char *display_name,
                           const LgrReaderHandlers *handlers, gpointer user_data, GError **error);

/* For handlers, during an event. */

/* Records the first problem: "NAME:LINE: CONTEXT: MESSAGE" (line 0: no line; context may be
 * NULL). An UNSAFE problem stops the reader at once; after any other, events still arrive to
 * count the nesting but handlers are not called. */
void lgr_reader_fail (LgrReader *reader, LgrStudyError code, int line, const char *context,
                      const char *format, ...) G_GNUC_PRINTF (5, 6);
void lgr_reader_fail_literal (LgrReader *reader, LgrStudyError code, int line, const char *context,
                              const char *message);
gboolean lgr_reader_failed (const LgrReader *reader);
/* Stops the reader: no more events. */
void lgr_reader_stop (LgrReader *reader);

/* The line on which the index-th attribute of the current start tag begins. */
int lgr_reader_attribute_line (LgrReader *reader, int tag_line, guint index);

/* During a text event that ends at end: the line of the character at. */
int lgr_reader_text_line (LgrReader *reader, const char *at, const char *end);

G_END_DECLS
