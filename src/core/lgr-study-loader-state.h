/* lgr-study-loader-state.h: the loader's state, for the element handlers of the schema table
 * (lgr-study-schema.c) and the loader (lgr-study-loader.c); the functions are in
 * lgr-study-loader-state.c. Internal to the core library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lgr-study-reader.h"
#include "lgr-study-schema.h"

G_BEGIN_DECLS

struct _LgrLoaderFrame
{
  LgrElement el;
  int line;
  int last_slot;                       /* slot of the last child, -1 before the first */
  guint slot_count;                    /* children seen in last_slot */
  const char *last_child;              /* name of the last child element */
  guint32 seen;                        /* bit per LgrElement of the children seen */
  gpointer object;                     /* what its attributes and text fill */
  const char *kind;                    /* "lever" (untranslated) if it names an object, else NULL */
  char *id;                            /* and the object's id or name */
  const struct _LgrLoaderFrame *owner; /* the innermost frame that names an object */
};

struct _LgrLoader
{
  LgrReader *reader;
  LgrStudy *study;
  LgrLoaderFrame stack[LGR_MAX_DEPTH + 1];
  int depth;
  GString *text;
  GHashTable *scenario_ids;        /* id -> line */
  GHashTable *object_ids;          /* ids of the current scenario -> line */
  GHashTable *authority_ids;       /* the authority ids of the current scenario, once a lever
                                    * needs them (authorities come first) */
  GHashTable *years;               /* years of the current <values> -> line */
  GHashTable *measures;            /* measures of the current band -> line */
  gpointer objects[LGR_N_OBJECTS]; /* the current object of each kind */
  LgrBenchmarkCost cost;           /* the <cost> being read */
  LgrYearValue value;              /* the <value> being read */
};

struct _LgrLoaderAttrs
{
  LgrLoader *loader;
  LgrLoaderFrame *frame;
  const LgrReaderElement *element;
};

/* "lever “north-lac”", for messages */
char *lgr_loader_describe (const LgrLoaderFrame *owner);

/* Reports the first problem at line ("study.lgr:12: lever “north-lac”: ..."); owner names the
 * object (NULL: none). */
void lgr_loader_fail (LgrLoader *loader, LgrStudyError code, int line, const LgrLoaderFrame *owner,
                      const char *format, ...) G_GNUC_PRINTF (5, 6);
/* Takes over detail (a message from lgr-rules.c) and reports it at line. */
void lgr_loader_fail_with (LgrLoader *loader, int line, const LgrLoaderFrame *owner,
                           GError *detail);

const LgrReaderAttribute *lgr_loader_attr_find (const LgrLoaderAttrs *attrs, const char *name);
/* The line of an attribute (of its element if it is absent). */
int lgr_loader_attr_line (const LgrLoaderAttrs *attrs, const char *name);
void lgr_loader_attr_fail_with (LgrLoaderAttrs *attrs, const char *name, GError *detail);

G_END_DECLS
