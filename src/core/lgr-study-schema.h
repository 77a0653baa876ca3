/* lgr-study-schema.h: the study file format as a table - one place that says what a .lgr file
 * holds (docs/format.md tells it in words, data/lgr-study.rng as a RELAX NG schema).
 *
 * For every element: its name, which model object its attributes and text go to, its
 * attributes (type, required or optional, default, range from lgr-rules, the struct field they
 * fill and when the writer writes them), its text, the children it may have in their order,
 * and a handler for what a table cannot say (an id used twice, an authority that does not
 * exist). The loader (lgr-study-loader.c) reads files through this table, the writer
 * (lgr-study-writer.c) writes them from it, lgr_study_equal() (lgr-study-equal.c) compares
 * studies by it, and tests/test-schema.c walks it to change every field of a study (equality,
 * copying, saving, validation, the random studies) and to compare it with data/lgr-study.rng.
 *
 * Adding a field to the file: the struct field (lgr-study.h), its row here, its rule in
 * lgr_study_validate() (lgr-rules.c), data/lgr-study.rng and a random value in
 * tests/lgr-test-random.c (a string field also needs copying and freeing in lgr-study.c);
 * tests/test-schema.c fails, naming the file, for each one that is left out.
 *
 * Internal to the core library (and its tests).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lgr-rules.h"
#include "lgr-study.h"

G_BEGIN_DECLS

typedef enum
{
  LGR_ELEMENT_STUDY,
  LGR_ELEMENT_TITLE,
  LGR_ELEMENT_DESCRIPTION,
  LGR_ELEMENT_TIMELINE,
  LGR_ELEMENT_SETTINGS,
  LGR_ELEMENT_BENCHMARKS,
  LGR_ELEMENT_BAND,
  LGR_ELEMENT_COST,
  LGR_ELEMENT_SCENARIO,
  LGR_ELEMENT_SCENARIO_DESCRIPTION,
  LGR_ELEMENT_AUTHORITY,
  LGR_ELEMENT_LEVER,
  LGR_ELEMENT_COHORT,
  LGR_ELEMENT_UNIT_COST,
  LGR_ELEMENT_GROWTH,
  LGR_ELEMENT_REALISATION,
  LGR_ELEMENT_LEVER_SOURCE,
  LGR_ELEMENT_ITEM,
  LGR_ELEMENT_SPREAD,
  LGR_ELEMENT_RECURRING,
  LGR_ELEMENT_VALUES,
  LGR_ELEMENT_VALUE,
  LGR_ELEMENT_ITEM_SOURCE,
  LGR_ELEMENT_UNCERTAINTY,       /* docs/uncertainty.md */
  LGR_ELEMENT_SCENARIO_SETTINGS, /* a scenario's own settings */
  LGR_ELEMENT_SNAPSHOT,          /* lgr-study-schema-snapshots.c */
  LGR_ELEMENT_SNAPSHOT_NOTE,
  LGR_ELEMENT_SET,
  LGR_ELEMENT_PUBLISHED,        /* lgr-study-schema-published.c */
  LGR_ELEMENT_AUTHORITY_SOURCE, /* lgr-study-schema-sources.c */
  LGR_N_ELEMENTS
} LgrElement;

/* The model objects that elements fill. */
typedef enum
{
  LGR_OBJECT_NONE,       /* nothing: a container such as <values> */
  LGR_OBJECT_STUDY,      /* LgrStudy */
  LGR_OBJECT_BAND,       /* LgrBenchmarkBand */
  LGR_OBJECT_COST,       /* LgrBenchmarkCost */
  LGR_OBJECT_SCENARIO,   /* LgrScenario */
  LGR_OBJECT_AUTHORITY,  /* LgrAuthority */
  LGR_OBJECT_LEVER,      /* LgrLever */
  LGR_OBJECT_ITEM,       /* LgrItem */
  LGR_OBJECT_YEAR_VALUE, /* LgrYearValue */
  LGR_OBJECT_SNAPSHOT,   /* LgrSnapshot */
  LGR_OBJECT_SET,        /* LgrSnapshotSet */
  LGR_OBJECT_PUBLISHED,  /* LgrPublished */
  LGR_N_OBJECTS
} LgrObjectKind;

typedef enum
{
  LGR_FIELD_VERSION,      /* the file format version: not stored (the handler reads it) */
  LGR_FIELD_INT,          /* int, a whole number in range */
  LGR_FIELD_NUMBER,       /* double in range */
  LGR_FIELD_COHORT_VALUE, /* double, its range and name from the lever's basis */
  LGR_FIELD_BOOL,         /* gboolean: true or false */
  LGR_FIELD_ENUM,         /* an enum: one of names */
  LGR_FIELD_TEXT,         /* char *: text (lgr_check_text) */
  LGR_FIELD_ID,           /* char *: an id (lgr_check_id) */
  LGR_FIELD_COLOUR,       /* char *: "#rrggbb" */
  LGR_FIELD_PROFILE,      /* LgrProfile */
} LgrFieldType;

typedef enum
{
  LGR_WRITE_ALWAYS,
  LGR_WRITE_IF_SET,         /* a string that is not NULL, or a number whose has-flag is set */
  LGR_WRITE_IF_NOT_EMPTY,   /* a string that is neither NULL nor empty */
  LGR_WRITE_UNLESS_DEFAULT, /* a bool that differs from its default */
} LgrWrite;

typedef struct _LgrLoader LgrLoader;
typedef struct _LgrLoaderAttrs LgrLoaderAttrs;
typedef struct _LgrLoaderFrame LgrLoaderFrame;
typedef struct _LgrSchemaAttribute LgrSchemaAttribute;

/* A rule run after an attribute is read: FALSE if it failed (and said why). */
typedef gboolean (*LgrAttributeRule) (LgrLoader *loader, LgrLoaderAttrs *attrs,
                                      const LgrSchemaAttribute *attribute, gpointer object);

struct _LgrSchemaAttribute
{
  const char *name; /* attribute name; NULL for an element's text */
  LgrFieldType type;
  gboolean required;
  gsize offset;             /* of the field in the element's object */
  gsize has_offset;         /* of the gboolean: an optional int or number was given; 0: none */
  LgrRange range;           /* LGR_FIELD_INT and LGR_FIELD_NUMBER */
  LgrLength length;         /* how long the value may be, as text (every type) */
  double fallback;          /* default of an optional NUMBER, BOOL or ENUM */
  const char *what;         /* names the value in messages ("target unit cost"), untranslated */
  gboolean money;           /* a sum of pounds: shown to people as money (£32,112,000) */
  const char *const *names; /* LGR_FIELD_ENUM: the names in the file, by value, NULL-terminated */
  LgrWrite write;
  gboolean names_object; /* its value names the object in messages (an id, a band's name) */
  LgrAttributeRule rule; /* another rule, or NULL */
};

typedef struct
{
  LgrElement child;
  guint slot;        /* children come in increasing slot order */
  guint max;         /* how many the slot may hold; 0: any number */
  gboolean required; /* the parent must have one */
} LgrSchemaChild;

typedef struct
{
  const char *name;
  LgrObjectKind object; /* what its attributes and text fill */
  const char *kind;     /* what an object is called in messages ("lever"), untranslated */
  const LgrSchemaAttribute *attributes;
  guint n_attributes;
  const LgrSchemaAttribute *text; /* a text element's content, else NULL */
  const LgrSchemaChild *children;
  guint n_children;
  /* Before the attributes: makes the object (or checks it may be here); returns it, or NULL
   * after failing. NULL: the object is the one the loader has of that kind. */
  gpointer (*begin) (LgrLoader *loader, LgrLoaderAttrs *attrs);
  /* After all attributes were read without a problem. */
  void (*attributes_done) (LgrLoader *loader, LgrLoaderAttrs *attrs, gpointer object);
  /* At the end tag, after the text (trimmed) and the required children are in. */
  void (*end) (LgrLoader *loader, LgrLoaderFrame *frame, gpointer object, const char *text);
} LgrSchemaElement;

const LgrSchemaElement *lgr_schema_element (LgrElement element);
/* The rule for a child of that name inside parent, or NULL if it may not be there. */
const LgrSchemaChild *lgr_schema_find_child (LgrElement parent, const char *name);
gboolean lgr_schema_is_element_name (const char *name);

/* Calls func on every object of that kind in study, with the scenario it is in (NULL for the
 * study and benchmarks). Year values: only those of items whose pattern is values. */
typedef void (*LgrSchemaObjectFunc) (gpointer object, LgrScenario *scenario, gpointer user_data);
void lgr_schema_foreach_object (LgrStudy *study, LgrObjectKind kind, LgrSchemaObjectFunc func,
                                gpointer user_data);
/* Whether an element's fields are in use for this object: a spread's only for an item whose
 * pattern is a spread, and so on. */
gboolean lgr_schema_element_applies (LgrElement element, gconstpointer object);

/* The rows and handlers of the snapshot elements (lgr-study-schema-snapshots.c). */
extern const LgrSchemaAttribute lgr_schema_snapshot_attributes[2];
extern const LgrSchemaAttribute lgr_schema_snapshot_note_text;
extern const LgrSchemaAttribute lgr_schema_set_attributes[4];
extern const LgrSchemaAttribute lgr_schema_set_text;
gpointer lgr_schema_begin_snapshot (LgrLoader *loader, LgrLoaderAttrs *attrs);
gpointer lgr_schema_begin_set (LgrLoader *loader, LgrLoaderAttrs *attrs);
void lgr_schema_end_set (LgrLoader *loader, LgrLoaderFrame *frame, gpointer object,
                         const char *text);

/* The rows and handlers of <published> (lgr-study-schema-published.c). */
extern const LgrSchemaAttribute lgr_schema_published_attributes[3];
extern const LgrSchemaAttribute lgr_schema_published_text;
gpointer lgr_schema_begin_published (LgrLoader *loader, LgrLoaderAttrs *attrs);
void lgr_schema_published_done (LgrLoader *loader, LgrLoaderAttrs *attrs, gpointer object);

G_END_DECLS
