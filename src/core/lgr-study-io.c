/* lgr-study-io.c: reading and writing .lgr study files (FORMAT.md).
 *
 * Reading uses libxml2's SAX2 parser with our own handlers, one parser context per load and
 * no global libxml2 state (errors go to the context's structured error handler). The handlers
 * build the model directly and check every element and attribute as it arrives, so the first
 * problem in the file is the one reported, with the line of the element or attribute that
 * carries it. A DOCTYPE stops the parser before anything in it is read, which rules out
 * entity expansion (billion laughs) and external entities; no entity is ever expanded.
 *
 * Text: <title>, <description>, <source> and <value> hold text. Leading and trailing white
 * space is removed; line breaks inside are kept as written. A <value> is a number that may
 * have white space around it (the number itself is read strictly). Comments and processing
 * instructions are ignored (and not kept when saving).
 *
 * Writing produces the layout of FORMAT.md, two spaces per level, numbers in the shortest form
 * that reads back as the identical double, and replaces the file atomically.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-study-io.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lgr-core-resources.h"
#include "lgr-rules.h"

#define BUNDLED_PATH "/io/github/lgrexplorer/Explorer/studies/warwickshire.lgr"
#define BUNDLED_NAME "warwickshire.lgr"

/* The elements of FORMAT.md */

typedef enum
{
  EL_STUDY,
  EL_TITLE,
  EL_DESCRIPTION,
  EL_TIMELINE,
  EL_SETTINGS,
  EL_BENCHMARKS,
  EL_BAND,
  EL_COST,
  EL_SCENARIO,
  EL_SCENARIO_DESCRIPTION,
  EL_AUTHORITY,
  EL_LEVER,
  EL_COHORT,
  EL_UNIT_COST,
  EL_GROWTH,
  EL_REALISATION,
  EL_SOURCE,
  EL_ITEM,
  EL_SPREAD,
  EL_RECURRING,
  EL_VALUES,
  EL_VALUE,
  EL_N
} Element;

static const char *const element_names[EL_N] = {
  "lgr-study", "title",     "description", "timeline",    "settings",  "benchmarks",
  "band",      "cost",      "scenario",    "description", "authority", "lever",
  "cohort",    "unit-cost", "growth",      "realisation", "source",    "item",
  "spread",    "recurring", "values",      "value",
};

/* The attributes each element may have (NULL-terminated). */
static const char *const element_attributes[EL_N][7] = {
  [EL_STUDY] = { "version", NULL },
  [EL_TIMELINE]
  = { "first-year", "years", "vesting-year", "discount-rate", "weeks-per-year", NULL },
  [EL_SETTINGS] = { "benefit-realisation", "cost-contingency", "count-avoidance", NULL },
  [EL_BENCHMARKS] = { "source", NULL },
  [EL_BAND] = { "name", "min-population", "max-population", NULL },
  [EL_COST] = { "measure", "value", NULL },
  [EL_SCENARIO] = { "id", "name", "colour", NULL },
  [EL_AUTHORITY] = { "id", "name", "population", "child-population", NULL },
  [EL_LEVER] = { "id", "name", "authority", "service", "benefit", "enabled", NULL },
  [EL_COHORT] = { "basis", "baseline", "target", NULL },
  [EL_UNIT_COST] = { "per", "baseline", "target", NULL },
  [EL_GROWTH] = { "cohort", "unit-cost", NULL },
  [EL_REALISATION] = { "start", "profile", NULL },
  [EL_ITEM] = { "id", "name", "kind", "enabled", NULL },
  [EL_SPREAD] = { "total", "start", "profile", NULL },
  [EL_RECURRING] = { "amount", "start", "profile", "growth", NULL },
  [EL_VALUE] = { "year", NULL },
};

static gboolean
element_has_text (Element el)
{
  return el == EL_TITLE || el == EL_DESCRIPTION || el == EL_SCENARIO_DESCRIPTION || el == EL_SOURCE
         || el == EL_VALUE;
}

/* Which children an element may have and in what order: children come in increasing slot
 * order; max is how many a slot may hold (0: any number). */
typedef struct
{
  Element parent;
  Element child;
  guint slot;
  guint max;
} ChildRule;

static const ChildRule child_rules[] = {
  { EL_STUDY, EL_TITLE, 0, 1 },
  { EL_STUDY, EL_DESCRIPTION, 1, 1 },
  { EL_STUDY, EL_TIMELINE, 2, 1 },
  { EL_STUDY, EL_SETTINGS, 3, 1 },
  { EL_STUDY, EL_BENCHMARKS, 4, 1 },
  { EL_STUDY, EL_SCENARIO, 5, 0 },
  { EL_BENCHMARKS, EL_BAND, 0, 0 },
  { EL_BAND, EL_COST, 0, 0 },
  { EL_SCENARIO, EL_SCENARIO_DESCRIPTION, 0, 1 },
  { EL_SCENARIO, EL_AUTHORITY, 1, 0 },
  { EL_SCENARIO, EL_LEVER, 2, 0 },
  { EL_SCENARIO, EL_ITEM, 2, 0 },
  { EL_LEVER, EL_COHORT, 0, 1 },
  { EL_LEVER, EL_UNIT_COST, 1, 1 },
  { EL_LEVER, EL_GROWTH, 2, 1 },
  { EL_LEVER, EL_REALISATION, 3, 1 },
  { EL_LEVER, EL_SOURCE, 4, 1 },
  { EL_ITEM, EL_SPREAD, 0, 1 },
  { EL_ITEM, EL_RECURRING, 0, 1 },
  { EL_ITEM, EL_VALUES, 0, 1 },
  { EL_ITEM, EL_SOURCE, 1, 1 },
  { EL_VALUES, EL_VALUE, 0, 0 },
};

static const ChildRule *
find_child_rule (Element parent, const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (child_rules); i++)
    if (child_rules[i].parent == parent && strcmp (element_names[child_rules[i].child], name) == 0)
      return &child_rules[i];
  return NULL;
}

static gboolean
is_known_element (const char *name)
{
  for (guint i = 0; i < EL_N; i++)
    if (strcmp (element_names[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* Parser state */

typedef struct _Frame
{
  Element el;
  int line;
  int last_slot;              /* slot of the last child, -1 before the first */
  guint slot_count;           /* children seen in last_slot */
  const char *last_child;     /* name of the last child element */
  guint32 seen;               /* bit per Element of the children seen */
  const char *kind;           /* N_("lever") if this element names an object, else NULL */
  char *id;                   /* and the object's id or name */
  const struct _Frame *owner; /* the innermost frame that names an object, for messages */
} Frame;

typedef struct
{
  xmlParserCtxtPtr ctxt;
  const char *display_name;
  GError *error;
  LgrStudy *study;
  Frame stack[LGR_MAX_DEPTH + 1];
  int depth;
  GString *text;
  GHashTable *scenario_ids; /* id -> line */
  GHashTable *object_ids;   /* ids of the current scenario -> line */
  GHashTable *years;        /* years of the current <values> -> line */
  GHashTable *measures;     /* measures of the current band -> line */
  LgrScenario *scenario;
  LgrLever *lever;
  LgrItem *item;
  LgrBenchmarkBand *band;
  int value_year; /* year of the current <value> */
  int raw_depth;  /* nesting, counted on even after a problem has been found */
} Parser;

/* Stops delivering events. The parser still runs to the end of its (size-limited) input
 * without building anything. */
static void
stop (Parser *p)
{
  p->ctxt->disableSAX = 1;
}

static char *
describe (const char *kind, const char *id)
{
  /* Translators: "lever “north-lac”" */
  return g_strdup_printf (_ ("%s “%s”"), kind, id);
}

static void G_GNUC_PRINTF (5, 6) parser_fail (Parser *p, LgrStudyError code, int line,
                                              const Frame *owner, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;
  g_autofree char *context = NULL;

  if (p->error)
    return;
  if (owner != NULL)
    context = describe (_ (owner->kind), owner->id);
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (line > 0 && context)
    p->error = g_error_new (LGR_STUDY_ERROR, code, "%s:%d: %s: %s", p->display_name, line, context,
                            message);
  else if (line > 0)
    p->error = g_error_new (LGR_STUDY_ERROR, code, "%s:%d: %s", p->display_name, line, message);
  else if (context)
    p->error = g_error_new (LGR_STUDY_ERROR, code, "%s: %s: %s", p->display_name, context, message);
  else
    p->error = g_error_new (LGR_STUDY_ERROR, code, "%s: %s", p->display_name, message);
  /* The first problem is the one reported. Events still arrive after a problem in the
   * content, to count the nesting (over-deep files are refused as unsafe whatever else is
   * wrong with them); after an unsafe one nothing more is looked at. */
  if (code == LGR_STUDY_ERROR_UNSAFE)
    stop (p);
}

/* Takes over detail (a message from lgr-rules.c) and reports it at line. */
static void
parser_fail_with (Parser *p, int line, const Frame *owner, GError *detail)
{
  parser_fail (p, LGR_STUDY_ERROR_INVALID, line, owner, "%s", detail->message);
  g_error_free (detail);
}

static int
count_newlines (const xmlChar *from, const xmlChar *to)
{
  int n = 0;
  for (const xmlChar *s = from; s < to; s++)
    {
      const void *nl = memchr (s, '\n', to - s);
      if (nl == NULL)
        break;
      n++;
      s = nl;
    }
  return n;
}

/* During a start-element event the whole start tag is in the parser's buffer and the parser
 * stands on its closing '>' or "/>": the tag starts at the '<' before (attribute values
 * cannot hold a raw '<'). */
static const xmlChar *
current_tag_start (xmlParserCtxtPtr ctxt)
{
  const xmlChar *base = ctxt->input->base;
  const xmlChar *s = ctxt->input->cur;

  if (base == NULL || s == NULL || s < base)
    return NULL;
  while (s > base && *s != '<')
    s--;
  return *s == '<' ? s : NULL;
}

static int
current_tag_line (xmlParserCtxtPtr ctxt)
{
  const xmlChar *start = current_tag_start (ctxt);
  int line = ctxt->input->line;
  if (start != NULL)
    line -= count_newlines (start, ctxt->input->cur);
  return MAX (line, 1);
}

/* The line on which the index-th attribute of the current start tag begins. */
static int
current_attribute_line (xmlParserCtxtPtr ctxt, int tag_line, guint index)
{
  const xmlChar *s = current_tag_start (ctxt);
  const xmlChar *end = ctxt->input->cur;
  int line = tag_line;
  guint i = 0;

  if (s == NULL)
    return tag_line;
  s++;
  while (s < end && !IS_BLANK_CH (*s) && *s != '>' && *s != '/')
    s++;
  while (s < end)
    {
      const xmlChar *name;
      int name_line;
      gboolean is_namespace;
      xmlChar quote;

      while (s < end && IS_BLANK_CH (*s))
        {
          if (*s == '\n')
            line++;
          s++;
        }
      if (s >= end || *s == '>' || *s == '/')
        break;
      name = s;
      name_line = line;
      while (s < end && *s != '=' && !IS_BLANK_CH (*s))
        s++;
      is_namespace = (s - name == 5 && memcmp (name, "xmlns", 5) == 0)
                     || (s - name > 6 && memcmp (name, "xmlns:", 6) == 0);
      while (s < end && *s != '"' && *s != '\'')
        {
          if (*s == '\n')
            line++;
          s++;
        }
      if (s >= end)
        break;
      quote = *s++;
      while (s < end && *s != quote)
        {
          if (*s == '\n')
            line++;
          s++;
        }
      s++;
      if (!is_namespace)
        {
          if (i == index)
            return name_line;
          i++;
        }
    }
  return tag_line;
}

/* Attributes of the element being started */

typedef struct
{
  const char *name;
  char *value;
  guint index;
} Attr;

typedef struct
{
  Parser *p;
  Frame *frame;
  Attr attrs[8];
  guint n;
} Attrs;

static void
attrs_clear (Attrs *a)
{
  for (guint i = 0; i < a->n; i++)
    g_free (a->attrs[i].value);
  a->n = 0;
}

static const Attr *
attr_find (const Attrs *a, const char *name)
{
  for (guint i = 0; i < a->n; i++)
    if (strcmp (a->attrs[i].name, name) == 0)
      return &a->attrs[i];
  return NULL;
}

static int
attr_line (const Attrs *a, const char *name)
{
  const Attr *attr = attr_find (a, name);
  if (attr == NULL)
    return a->frame->line;
  return current_attribute_line (a->p->ctxt, a->frame->line, attr->index);
}

static void
attr_fail_with (Attrs *a, const char *name, GError *detail)
{
  parser_fail_with (a->p, attr_line (a, name), a->frame->owner, detail);
}

static gboolean
attr_required (Attrs *a, const char *name, const char **value)
{
  const Attr *attr = attr_find (a, name);
  if (attr == NULL)
    {
      parser_fail (a->p, LGR_STUDY_ERROR_INVALID, a->frame->line, a->frame->owner,
                   /* Translators: "<cohort> needs a “target” attribute" */
                   _ ("<%s> needs a “%s” attribute"), element_names[a->frame->el], name);
      return FALSE;
    }
  *value = attr->value;
  return TRUE;
}

/* A number attribute; if absent and not required, *out = fallback. */
static gboolean
attr_number (Attrs *a, const char *name, gboolean required, double fallback, LgrRange range,
             const char *what, double *out)
{
  const char *text;
  GError *detail = NULL;
  double v;

  if (!required && attr_find (a, name) == NULL)
    {
      *out = fallback;
      return TRUE;
    }
  if (!attr_required (a, name, &text))
    return FALSE;
  /* what is untranslated (N_): translated only for a message */
  if (!(lgr_parse_number_for (text, NULL, &v, NULL) && lgr_range_contains (range, v))
      && (!lgr_parse_number_for (text, _ (what), &v, &detail)
          || !lgr_check_range (range, v, _ (what), &detail)))
    {
      attr_fail_with (a, name, detail);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

static gboolean
attr_int (Attrs *a, const char *name, gboolean required, LgrRange range, const char *what, int *out,
          gboolean *present)
{
  const char *text;
  GError *detail = NULL;
  int v;

  if (present)
    *present = attr_find (a, name) != NULL;
  if (!required && attr_find (a, name) == NULL)
    return TRUE;
  if (!attr_required (a, name, &text))
    return FALSE;
  if (!(lgr_parse_int_for (text, NULL, &v, NULL) && lgr_range_contains (range, v))
      && (!lgr_parse_int_for (text, _ (what), &v, &detail)
          || !lgr_check_range (range, v, _ (what), &detail)))
    {
      attr_fail_with (a, name, detail);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

static gboolean
attr_bool (Attrs *a, const char *name, gboolean fallback, gboolean *out)
{
  const Attr *attr = attr_find (a, name);
  if (attr == NULL)
    *out = fallback;
  else if (strcmp (attr->value, "true") == 0)
    *out = TRUE;
  else if (strcmp (attr->value, "false") == 0)
    *out = FALSE;
  else
    {
      parser_fail (a->p, LGR_STUDY_ERROR_INVALID, attr_line (a, name), a->frame->owner,
                   /* Translators: "enabled “yes” must be true or false" */
                   _ ("%s “%s” must be true or false"), name, attr->value);
      return FALSE;
    }
  return TRUE;
}

/* An enumeration: names[i] is the file's name of the value i. */
static gboolean
attr_enum (Attrs *a, const char *name, gboolean required, const char *const *names, int fallback,
           int *out)
{
  const Attr *attr = attr_find (a, name);
  g_autoptr (GString) choices = NULL;

  if (attr == NULL)
    {
      const char *unused;
      if (required)
        return attr_required (a, name, &unused);
      *out = fallback;
      return TRUE;
    }
  for (int i = 0; names[i]; i++)
    if (strcmp (names[i], attr->value) == 0)
      {
        *out = i;
        return TRUE;
      }
  choices = g_string_new (NULL);
  for (int i = 0; names[i]; i++)
    {
      if (i > 0)
        g_string_append (choices, names[i + 1] ? ", " : _ (" or "));
      g_string_append (choices, names[i]);
    }
  parser_fail (a->p, LGR_STUDY_ERROR_INVALID, attr_line (a, name), a->frame->owner,
               /* Translators: "basis “people” is not one of count, child-population or
                  population" */
               _ ("%s “%s” is not one of %s"), name, attr->value, choices->str);
  return FALSE;
}

static gboolean
attr_text (Attrs *a, const char *name, gboolean required, const char *what, char **out)
{
  const Attr *attr = attr_find (a, name);
  GError *detail = NULL;

  if (attr == NULL)
    {
      const char *unused;
      return required ? attr_required (a, name, &unused) : TRUE;
    }
  if (!lgr_text_is_valid (attr->value, required)
      && !lgr_check_text (attr->value, _ (what), required, &detail))
    {
      attr_fail_with (a, name, detail);
      return FALSE;
    }
  g_free (*out);
  *out = g_strdup (attr->value);
  return TRUE;
}

/* An id, unique in ids (id -> line); the key is owned by the model (*out). */
static gboolean
attr_id (Attrs *a, const char *name, GHashTable *ids, const LgrScenario *scenario, char **out)
{
  const char *text;
  GError *detail = NULL;

  if (!attr_required (a, name, &text))
    return FALSE;
  if (!lgr_check_id (text, &detail))
    {
      attr_fail_with (a, name, detail);
      return FALSE;
    }
  if (ids != NULL)
    {
      gpointer first;
      if (g_hash_table_lookup_extended (ids, text, NULL, &first))
        {
          parser_fail (a->p, LGR_STUDY_ERROR_INVALID, attr_line (a, name), NULL,
                       /* Translators: "the id “north” is used twice in scenario “two” (first
                          at line 12)" */
                       _ ("the id “%s” is used twice in scenario “%s” (first at line %d)"), text,
                       scenario ? scenario->id : "", GPOINTER_TO_INT (first));
          return FALSE;
        }
    }
  g_free (*out);
  *out = g_strdup (text);
  if (ids != NULL)
    g_hash_table_insert (ids, *out, GINT_TO_POINTER (a->frame->line));
  return TRUE;
}

static gboolean
attr_profile (Attrs *a, const char *name, gboolean required, LgrProfile *out)
{
  const char *text;
  GError *detail = NULL;

  if (!required && attr_find (a, name) == NULL)
    return TRUE; /* keeps the default "100" */
  if (!attr_required (a, name, &text))
    return FALSE;
  if (!lgr_parse_profile (text, out, &detail))
    {
      attr_fail_with (a, name, detail);
      return FALSE;
    }
  return TRUE;
}

static const char *const basis_names[] = { "count", "child-population", "population", NULL };
static const char *const period_names[] = { "week", "year", NULL };
static const char *const benefit_names[] = { "cashable", "avoidance", NULL };
static const char *const kind_names[]
    = { "one-off-cost", "recurring-cost", "saving", "avoidance", NULL };

/* Names the object an element stands for, for messages about it and its children. */
static void
frame_name (Frame *frame, const char *kind, const char *id)
{
  frame->kind = kind;
  g_free (frame->id);
  frame->id = g_strdup (id);
  frame->owner = frame;
}

/* Element handlers: each reads the attributes of its element */

static void
start_study (Parser *p, Attrs *a)
{
  const Attr *version = attr_find (a, "version");
  GError *detail = NULL;
  int v;

  if (version == NULL)
    {
      parser_fail (p, LGR_STUDY_ERROR_INVALID, a->frame->line, NULL,
                   _ ("<lgr-study> has no version (it should say version=\"1\")"));
      return;
    }
  if (!lgr_parse_int_for (version->value, _ ("version"), &v, &detail))
    {
      attr_fail_with (a, "version", detail);
      return;
    }
  if (v < 1 || v > LGR_FORMAT_VERSION)
    {
      parser_fail (p, LGR_STUDY_ERROR_INVALID, attr_line (a, "version"), NULL,
                   _ ("version %d is not a study file version (it should be %d)"), v,
                   LGR_FORMAT_VERSION);
      return;
    }
  p->study = lgr_study_new (NULL, 0, 0, 0);
}

static void
start_timeline (Parser *p, Attrs *a)
{
  LgrStudy *s = p->study;
  if (!attr_int (a, "first-year", TRUE, LGR_RANGE_FIRST_YEAR, N_ ("first year"), &s->first_year,
                 NULL)
      || !attr_int (a, "years", TRUE, LGR_RANGE_YEARS, N_ ("number of years"), &s->years, NULL)
      || !attr_int (a, "vesting-year", TRUE, LGR_RANGE_YEAR, N_ ("vesting year"), &s->vesting_year,
                    NULL)
      || !attr_number (a, "discount-rate", FALSE, 3.5, LGR_RANGE_GROWTH, N_ ("discount rate"),
                       &s->discount_rate)
      || !attr_number (a, "weeks-per-year", FALSE, 52, LGR_RANGE_WEEKS, N_ ("weeks per year"),
                       &s->weeks_per_year))
    return;
}

static void
start_settings (Parser *p, Attrs *a)
{
  LgrStudy *s = p->study;
  if (!attr_number (a, "benefit-realisation", FALSE, 100, LGR_RANGE_SETTING_PERCENT,
                    N_ ("benefit realisation"), &s->benefit_realisation)
      || !attr_number (a, "cost-contingency", FALSE, 0, LGR_RANGE_SETTING_PERCENT,
                       N_ ("cost contingency"), &s->cost_contingency)
      || !attr_bool (a, "count-avoidance", FALSE, &s->count_avoidance))
    return;
}

static void
start_benchmarks (Parser *p, Attrs *a)
{
  g_free (p->study->benchmarks_source);
  p->study->benchmarks_source = g_strdup ("");
  attr_text (a, "source", FALSE, N_ ("the benchmarks source"), &p->study->benchmarks_source);
}

static void
start_band (Parser *p, Attrs *a)
{
  g_autofree char *name = NULL;
  double min = 0, max = 0;

  if (!attr_text (a, "name", TRUE, N_ ("the band name"), &name))
    return;
  frame_name (a->frame, N_ ("benchmark band"), name);
  if (!attr_number (a, "min-population", TRUE, 0, LGR_RANGE_NON_NEGATIVE, N_ ("minimum population"),
                    &min)
      || !attr_number (a, "max-population", TRUE, 0, LGR_RANGE_NON_NEGATIVE,
                       N_ ("maximum population"), &max))
    return;
  p->band = lgr_benchmark_band_new (name, min, max);
  p->band->line = a->frame->line;
  g_ptr_array_add (p->study->benchmark_bands, p->band);
  g_hash_table_remove_all (p->measures);
}

static void
start_cost (Parser *p, Attrs *a)
{
  LgrBenchmarkCost cost = { NULL, 0 };
  gpointer first;

  if (!attr_text (a, "measure", TRUE, N_ ("the measure"), &cost.measure))
    return;
  if (g_hash_table_lookup_extended (p->measures, cost.measure, NULL, &first))
    {
      parser_fail (p, LGR_STUDY_ERROR_INVALID, attr_line (a, "measure"), a->frame->owner,
                   _ ("the measure “%s” is given twice (first at line %d)"), cost.measure,
                   GPOINTER_TO_INT (first));
      g_free (cost.measure);
      return;
    }
  if (!attr_number (a, "value", TRUE, 0, LGR_RANGE_NON_NEGATIVE, N_ ("benchmark cost"),
                    &cost.value))
    {
      g_free (cost.measure);
      return;
    }
  g_array_append_val (p->band->costs, cost);
  g_hash_table_insert (p->measures, cost.measure, GINT_TO_POINTER (a->frame->line));
}

static void
start_scenario (Parser *p, Attrs *a)
{
  g_autoptr (LgrScenario) scenario = lgr_scenario_new (NULL, NULL);
  const Attr *colour;
  GError *detail = NULL;

  if (!attr_id (a, "id", NULL, NULL, &scenario->id))
    return;
  frame_name (a->frame, N_ ("scenario"), scenario->id);
  if (g_hash_table_contains (p->scenario_ids, scenario->id))
    {
      parser_fail (p, LGR_STUDY_ERROR_INVALID, attr_line (a, "id"), NULL,
                   _ ("the scenario id “%s” is used twice (first at line %d)"), scenario->id,
                   GPOINTER_TO_INT (g_hash_table_lookup (p->scenario_ids, scenario->id)));
      return;
    }
  if (!attr_text (a, "name", TRUE, N_ ("the name"), &scenario->name))
    return;
  colour = attr_find (a, "colour");
  if (colour != NULL)
    {
      if (!lgr_check_colour (colour->value, &detail))
        {
          attr_fail_with (a, "colour", detail);
          return;
        }
      scenario->colour = g_strdup (colour->value);
    }
  scenario->line = a->frame->line;
  p->scenario = g_steal_pointer (&scenario);
  g_ptr_array_add (p->study->scenarios, p->scenario);
  g_hash_table_insert (p->scenario_ids, p->scenario->id, GINT_TO_POINTER (a->frame->line));
  g_hash_table_remove_all (p->object_ids);
}

static void
start_authority (Parser *p, Attrs *a)
{
  g_autoptr (LgrAuthority) authority = lgr_authority_new (NULL, NULL);

  if (!attr_id (a, "id", p->object_ids, p->scenario, &authority->id))
    return;
  frame_name (a->frame, N_ ("authority"), authority->id);
  if (!attr_text (a, "name", TRUE, N_ ("the name"), &authority->name)
      || !attr_number (a, "population", TRUE, 0, LGR_RANGE_NON_NEGATIVE, N_ ("population"),
                       &authority->population)
      || !attr_number (a, "child-population", TRUE, 0, LGR_RANGE_NON_NEGATIVE,
                       N_ ("child population"), &authority->child_population))
    return;
  authority->line = a->frame->line;
  g_ptr_array_add (p->scenario->authorities, g_steal_pointer (&authority));
}

static void
start_lever (Parser *p, Attrs *a)
{
  g_autoptr (LgrLever) lever = lgr_lever_new (NULL, NULL, NULL);
  int benefit;

  if (!attr_id (a, "id", p->object_ids, p->scenario, &lever->id))
    return;
  frame_name (a->frame, N_ ("lever"), lever->id);
  if (!attr_text (a, "name", TRUE, N_ ("the name"), &lever->name)
      || !attr_id (a, "authority", NULL, NULL, &lever->authority_id))
    return;
  if (lgr_scenario_find_authority (p->scenario, lever->authority_id) == NULL)
    {
      parser_fail (p, LGR_STUDY_ERROR_INVALID, attr_line (a, "authority"), a->frame->owner,
                   _ ("there is no authority “%s” in scenario “%s”"), lever->authority_id,
                   p->scenario->id);
      return;
    }
  if (!attr_text (a, "service", FALSE, N_ ("the service"), &lever->service)
      || !attr_enum (a, "benefit", FALSE, benefit_names, LGR_BENEFIT_CASHABLE, &benefit)
      || !attr_bool (a, "enabled", TRUE, &lever->enabled))
    return;
  lever->benefit = benefit;
  lever->line = a->frame->line;
  p->lever = g_steal_pointer (&lever);
  g_ptr_array_add (p->scenario->levers, p->lever);
}

static void
start_cohort (Parser *p, Attrs *a)
{
  LgrLever *lever = p->lever;
  int basis;

  if (!attr_enum (a, "basis", TRUE, basis_names, 0, &basis))
    return;
  lever->basis = basis;
  if (!attr_number (a, "baseline", TRUE, 0, lgr_cohort_range (lever->basis),
                    basis == LGR_COHORT_BASIS_COUNT ? N_ ("baseline number of people")
                                                    : N_ ("baseline rate"),
                    &lever->cohort_baseline)
      || !attr_number (a, "target", TRUE, 0, lgr_cohort_range (lever->basis),
                       basis == LGR_COHORT_BASIS_COUNT ? N_ ("target number of people")
                                                       : N_ ("target rate"),
                       &lever->cohort_target))
    return;
}

static void
start_unit_cost (Parser *p, Attrs *a)
{
  LgrLever *lever = p->lever;
  int per;

  if (!attr_enum (a, "per", TRUE, period_names, 0, &per))
    return;
  lever->unit_period = per;
  if (!attr_number (a, "baseline", TRUE, 0, LGR_RANGE_NON_NEGATIVE, N_ ("baseline unit cost"),
                    &lever->unit_cost_baseline)
      || !attr_number (a, "target", TRUE, 0, LGR_RANGE_NON_NEGATIVE, N_ ("target unit cost"),
                       &lever->unit_cost_target))
    return;
}

static void
start_growth (Parser *p, Attrs *a)
{
  LgrLever *lever = p->lever;
  if (!attr_number (a, "cohort", FALSE, 0, LGR_RANGE_GROWTH, N_ ("cohort growth"),
                    &lever->growth_cohort)
      || !attr_number (a, "unit-cost", FALSE, 0, LGR_RANGE_GROWTH, N_ ("unit cost growth"),
                       &lever->growth_unit_cost))
    return;
}

static void
start_realisation (Parser *p, Attrs *a)
{
  LgrLever *lever = p->lever;
  if (!attr_int (a, "start", FALSE, LGR_RANGE_YEAR, N_ ("realisation start year"),
                 &lever->realisation_start, &lever->has_realisation_start)
      || !attr_profile (a, "profile", FALSE, &lever->realisation))
    return;
}

static void
start_item (Parser *p, Attrs *a)
{
  g_autoptr (LgrItem) item = NULL;
  g_autofree char *id = NULL;
  int kind;

  if (!attr_id (a, "id", NULL, NULL, &id))
    return;
  frame_name (a->frame, N_ ("item"), id);
  item = lgr_item_new (NULL, NULL, LGR_ITEM_KIND_ONE_OFF_COST);
  if (!attr_id (a, "id", p->object_ids, p->scenario, &item->id)
      || !attr_text (a, "name", TRUE, N_ ("the name"), &item->name)
      || !attr_enum (a, "kind", TRUE, kind_names, 0, &kind)
      || !attr_bool (a, "enabled", TRUE, &item->enabled))
    return;
  item->kind = kind;
  item->line = a->frame->line;
  p->item = g_steal_pointer (&item);
  g_ptr_array_add (p->scenario->items, p->item);
}

static void
start_spread (Parser *p, Attrs *a)
{
  LgrItem *item = p->item;
  GError *detail = NULL;

  if (item->kind != LGR_ITEM_KIND_ONE_OFF_COST)
    {
      parser_fail (p, LGR_STUDY_ERROR_INVALID, a->frame->line, a->frame->owner,
                   _ ("a spread is only for one-off costs, and this item is a %s (give it "
                      "<recurring> or <values> instead)"),
                   kind_names[item->kind]);
      return;
    }
  item->pattern = LGR_ITEM_PATTERN_SPREAD;
  if (!attr_number (a, "total", TRUE, 0, LGR_RANGE_NON_NEGATIVE, N_ ("total"), &item->total)
      || !attr_int (a, "start", FALSE, LGR_RANGE_YEAR, N_ ("start year"), &item->start,
                    &item->has_start)
      || !attr_profile (a, "profile", TRUE, &item->profile))
    return;
  if (!lgr_check_spread (&item->profile, &detail))
    attr_fail_with (a, "profile", detail);
}

static void
start_recurring (Parser *p, Attrs *a)
{
  LgrItem *item = p->item;
  item->pattern = LGR_ITEM_PATTERN_RECURRING;
  if (!attr_number (a, "amount", TRUE, 0, LGR_RANGE_NON_NEGATIVE, N_ ("amount"), &item->amount)
      || !attr_int (a, "start", FALSE, LGR_RANGE_YEAR, N_ ("start year"), &item->start,
                    &item->has_start)
      || !attr_profile (a, "profile", FALSE, &item->profile)
      || !attr_number (a, "growth", FALSE, 0, LGR_RANGE_GROWTH, N_ ("growth"), &item->growth))
    return;
}

static void
start_values (Parser *p, Attrs *a)
{
  p->item->pattern = LGR_ITEM_PATTERN_VALUES;
  g_hash_table_remove_all (p->years);
}

static void
start_value (Parser *p, Attrs *a)
{
  gpointer first;
  if (!attr_int (a, "year", TRUE, LGR_RANGE_YEAR, N_ ("year"), &p->value_year, NULL))
    return;
  if (g_hash_table_lookup_extended (p->years, GINT_TO_POINTER (p->value_year), NULL, &first))
    {
      parser_fail (p, LGR_STUDY_ERROR_INVALID, attr_line (a, "year"), a->frame->owner,
                   _ ("the value for %d is given twice (first at line %d)"), p->value_year,
                   GPOINTER_TO_INT (first));
      return;
    }
  g_hash_table_insert (p->years, GINT_TO_POINTER (p->value_year), GINT_TO_POINTER (a->frame->line));
}

/* SAX handlers */

static void
on_start_element (void *data, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                  int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                  int nb_defaulted, const xmlChar **attributes)
{
  Parser *p = data;
  const char *name = (const char *)localname;
  Frame *parent = p->depth > 0 ? &p->stack[p->depth - 1] : NULL;
  Frame *frame;
  const ChildRule *rule = NULL;
  Element el;
  int line;
  Attrs a = { 0 };

  if (++p->raw_depth > LGR_MAX_DEPTH)
    {
      g_clear_error (&p->error);
      parser_fail (p, LGR_STUDY_ERROR_UNSAFE, current_tag_line (p->ctxt), NULL,
                   _ ("the elements are nested more than %d deep, which a study file never "
                      "needs"),
                   LGR_MAX_DEPTH);
      return;
    }
  if (p->error)
    return;
  line = current_tag_line (p->ctxt);

  if (prefix != NULL || uri != NULL)
    {
      parser_fail (p, LGR_STUDY_ERROR_INVALID, line, parent ? parent->owner : NULL,
                   _ ("unknown element <%s%s%s> (study files use no XML namespaces)"),
                   prefix ? (const char *)prefix : "", prefix ? ":" : "", name);
      return;
    }
  if (nb_namespaces > 0)
    {
      parser_fail (p, LGR_STUDY_ERROR_INVALID, line, parent ? parent->owner : NULL,
                   _ ("<%s> declares an XML namespace (xmlns), which study files do not use"),
                   name);
      return;
    }

  if (parent == NULL)
    {
      if (strcmp (name, "lgr-study") != 0)
        {
          parser_fail (p, LGR_STUDY_ERROR_INVALID, line, NULL,
                       _ ("this is not an LGR Explorer study: it starts with <%s>, not "
                          "<lgr-study>"),
                       name);
          return;
        }
      el = EL_STUDY;
    }
  else
    {
      const char *where = element_names[parent->el];
      if (element_has_text (parent->el))
        {
          parser_fail (p, LGR_STUDY_ERROR_INVALID, line, parent->owner,
                       _ ("<%s> holds text only, not elements such as <%s>"), where, name);
          return;
        }
      rule = find_child_rule (parent->el, name);
      if (rule == NULL)
        {
          if (is_known_element (name))
            parser_fail (p, LGR_STUDY_ERROR_INVALID, line, parent->owner,
                         /* Translators: "<cohort> does not belong inside <item>" */
                         _ ("<%s> does not belong inside <%s>"), name, where);
          else
            parser_fail (p, LGR_STUDY_ERROR_INVALID, line, parent->owner,
                         /* Translators: "unknown element <colour> inside <lever>" */
                         _ ("unknown element <%s> inside <%s>"), name, where);
          return;
        }
      if ((int)rule->slot < parent->last_slot)
        {
          parser_fail (p, LGR_STUDY_ERROR_INVALID, line, parent->owner,
                       /* Translators: "<authority> must come before <lever>" */
                       _ ("<%s> must come before <%s>"), name, parent->last_child);
          return;
        }
      if ((int)rule->slot == parent->last_slot && rule->max > 0 && parent->slot_count >= rule->max)
        {
          if (parent->el == EL_ITEM && rule->slot == 0)
            parser_fail (p, LGR_STUDY_ERROR_INVALID, line, parent->owner,
                         _ ("an item has exactly one of <spread>, <recurring> and <values>, "
                            "and this one has <%s> and <%s>"),
                         parent->last_child, name);
          else
            parser_fail (p, LGR_STUDY_ERROR_INVALID, line, parent->owner,
                         _ ("<%s> is given twice inside <%s>"), name, where);
          return;
        }
      if ((int)rule->slot != parent->last_slot)
        {
          parent->last_slot = rule->slot;
          parent->slot_count = 0;
        }
      parent->slot_count++;
      parent->last_child = element_names[rule->child];
      parent->seen |= 1u << rule->child;
      el = rule->child;
    }

  frame = &p->stack[p->depth++];
  *frame = (Frame){ 0 };
  frame->el = el;
  frame->line = line;
  frame->last_slot = -1;
  frame->owner = parent ? parent->owner : NULL;

  /* A newer version may have anything: say so before anything else. */
  if (el == EL_STUDY)
    for (int i = 0; i < nb_attributes; i++)
      if (attributes[i * 5 + 1] == NULL && strcmp ((const char *)attributes[i * 5], "version") == 0)
        {
          g_autofree char *value = g_strndup ((const char *)attributes[i * 5 + 3],
                                              attributes[i * 5 + 4] - attributes[i * 5 + 3]);
          int v;
          if (lgr_parse_int (value, &v, NULL) && v > LGR_FORMAT_VERSION)
            {
              parser_fail (p, LGR_STUDY_ERROR_VERSION, current_attribute_line (p->ctxt, line, i),
                           NULL,
                           _ ("this study was made by a newer version of LGR Explorer (file "
                              "format version %d; this version reads version %d): please "
                              "update LGR Explorer"),
                           v, LGR_FORMAT_VERSION);
              stop (p);
              return;
            }
        }

  /* Attributes: only those of FORMAT.md */
  a.p = p;
  a.frame = frame;
  for (int i = 0; i < nb_attributes; i++)
    {
      const char *attr_name = (const char *)attributes[i * 5];
      const char *attr_prefix = (const char *)attributes[i * 5 + 1];
      const char *const *allowed = element_attributes[el];
      const char *known = NULL;

      for (guint k = 0; allowed[k] && attr_prefix == NULL; k++)
        if (strcmp (allowed[k], attr_name) == 0)
          known = allowed[k];
      if (known == NULL || a.n >= G_N_ELEMENTS (a.attrs))
        {
          int attr_line_no = current_attribute_line (p->ctxt, line, i);
          attrs_clear (&a);
          parser_fail (p, LGR_STUDY_ERROR_INVALID, attr_line_no, frame->owner,
                       /* Translators: "unknown attribute “colour” on <cohort>" */
                       _ ("unknown attribute “%s%s%s” on <%s>"), attr_prefix ? attr_prefix : "",
                       attr_prefix ? ":" : "", attr_name, element_names[el]);
          return;
        }
      {
        const char *value = (const char *)attributes[i * 5 + 3];
        const char *end = (const char *)attributes[i * 5 + 4];
        char *copy = g_strndup (value, end - value);
        /* libxml2 hands "&" over as "&#38;" when it does not substitute entities. */
        if (strstr (copy, "&#38;") != NULL)
          {
            GString *s = g_string_new (NULL);
            for (const char *c = copy; *c;)
              {
                if (strncmp (c, "&#38;", 5) == 0)
                  {
                    g_string_append_c (s, '&');
                    c += 5;
                  }
                else
                  g_string_append_c (s, *c++);
              }
            g_free (copy);
            copy = g_string_free (s, FALSE);
          }
        a.attrs[a.n].name = known;
        a.attrs[a.n].value = copy;
        a.attrs[a.n].index = i;
        a.n++;
      }
    }

  switch (el)
    {
    case EL_STUDY:
      start_study (p, &a);
      break;
    case EL_TIMELINE:
      start_timeline (p, &a);
      break;
    case EL_SETTINGS:
      start_settings (p, &a);
      break;
    case EL_BENCHMARKS:
      start_benchmarks (p, &a);
      break;
    case EL_BAND:
      start_band (p, &a);
      break;
    case EL_COST:
      start_cost (p, &a);
      break;
    case EL_SCENARIO:
      start_scenario (p, &a);
      break;
    case EL_AUTHORITY:
      start_authority (p, &a);
      break;
    case EL_LEVER:
      start_lever (p, &a);
      break;
    case EL_COHORT:
      start_cohort (p, &a);
      break;
    case EL_UNIT_COST:
      start_unit_cost (p, &a);
      break;
    case EL_GROWTH:
      start_growth (p, &a);
      break;
    case EL_REALISATION:
      start_realisation (p, &a);
      break;
    case EL_ITEM:
      start_item (p, &a);
      break;
    case EL_SPREAD:
      start_spread (p, &a);
      break;
    case EL_RECURRING:
      start_recurring (p, &a);
      break;
    case EL_VALUES:
      start_values (p, &a);
      break;
    case EL_VALUE:
      start_value (p, &a);
      break;
    case EL_TITLE:
    case EL_DESCRIPTION:
    case EL_SCENARIO_DESCRIPTION:
    case EL_SOURCE:
    case EL_N:
    default:
      break;
    }
  attrs_clear (&a);
  if (element_has_text (el))
    g_string_truncate (p->text, 0);
}

/* The text of a text element, without surrounding white space. */
static char *
take_text (Parser *p)
{
  char *text = g_strndup (p->text->str, p->text->len);
  g_string_truncate (p->text, 0);
  return g_strstrip (text);
}

static void
require_child (Parser *p, Frame *frame, Element child)
{
  g_autofree char *owner = NULL;

  if (p->error || (frame->seen & (1u << child)))
    return;
  owner = frame->owner ? describe (_ (frame->owner->kind), frame->owner->id)
                       : g_strdup (_ ("the study"));
  parser_fail (p, LGR_STUDY_ERROR_INVALID, frame->line, NULL,
               /* Translators: "lever “north-lac” has no <unit-cost>" */
               _ ("%s has no <%s>"), owner, element_names[child]);
}

static void
end_text_element (Parser *p, Frame *frame)
{
  g_autofree char *text = take_text (p);
  GError *detail = NULL;

  switch (frame->el)
    {
    case EL_TITLE:
      if (!lgr_check_text (text, _ ("the title"), TRUE, &detail))
        {
          parser_fail_with (p, frame->line, NULL, detail);
          return;
        }
      g_free (p->study->title);
      p->study->title = g_steal_pointer (&text);
      break;
    case EL_DESCRIPTION:
      g_free (p->study->description);
      p->study->description = g_steal_pointer (&text);
      break;
    case EL_SCENARIO_DESCRIPTION:
      g_free (p->scenario->description);
      p->scenario->description = g_steal_pointer (&text);
      break;
    case EL_SOURCE:
      if (p->stack[p->depth - 2].el == EL_LEVER)
        {
          g_free (p->lever->source);
          p->lever->source = g_steal_pointer (&text);
        }
      else
        {
          g_free (p->item->source);
          p->item->source = g_steal_pointer (&text);
        }
      break;
    case EL_VALUE:
      {
        LgrYearValue v = { p->value_year, 0 };
        if (!(lgr_parse_number_for (text, NULL, &v.value, NULL)
              && lgr_range_contains (LGR_RANGE_NON_NEGATIVE, v.value)))
          {
            /* Translators: "value for 2027" (a financial year) */
            g_autofree char *what = g_strdup_printf (_ ("value for %d"), p->value_year);
            if (!lgr_parse_number_for (text, what, &v.value, &detail)
                || !lgr_check_range (LGR_RANGE_NON_NEGATIVE, v.value, what, &detail))
              {
                parser_fail_with (p, frame->line, frame->owner, detail);
                return;
              }
          }
        g_array_append_val (p->item->values, v);
      }
      break;
    default:
      break;
    }
}

static int
compare_year_values (gconstpointer a, gconstpointer b)
{
  const LgrYearValue *va = a, *vb = b;
  return (va->year > vb->year) - (va->year < vb->year);
}

static void
on_end_element (void *data, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
  Parser *p = data;
  Frame *frame;

  p->raw_depth--;
  if (p->error || p->depth == 0)
    return;
  frame = &p->stack[p->depth - 1];

  if (element_has_text (frame->el))
    end_text_element (p, frame);

  switch (frame->el)
    {
    case EL_STUDY:
      require_child (p, frame, EL_TITLE);
      require_child (p, frame, EL_TIMELINE);
      require_child (p, frame, EL_SCENARIO);
      break;
    case EL_SCENARIO:
      require_child (p, frame, EL_AUTHORITY);
      p->scenario = NULL;
      break;
    case EL_BAND:
      p->band = NULL;
      break;
    case EL_LEVER:
      require_child (p, frame, EL_COHORT);
      require_child (p, frame, EL_UNIT_COST);
      p->lever = NULL;
      break;
    case EL_ITEM:
      if (!p->error
          && !(frame->seen & ((1u << EL_SPREAD) | (1u << EL_RECURRING) | (1u << EL_VALUES))))
        parser_fail (p, LGR_STUDY_ERROR_INVALID, frame->line, frame->owner,
                     _ ("the item needs one of <spread>, <recurring> or <values>"));
      p->item = NULL;
      break;
    case EL_VALUES:
      {
        GArray *values = p->item->values;
        gboolean sorted = TRUE;
        for (guint i = 1; i < values->len && sorted; i++)
          sorted = g_array_index (values, LgrYearValue, i - 1).year
                   < g_array_index (values, LgrYearValue, i).year;
        if (!sorted)
          g_array_sort (values, compare_year_values);
      }
      break;
    default:
      break;
    }

  g_clear_pointer (&frame->id, g_free);
  p->depth--;
}

static void
on_characters (void *data, const xmlChar *ch, int len)
{
  Parser *p = data;
  Frame *frame;

  if (p->error || p->depth == 0)
    return;
  frame = &p->stack[p->depth - 1];
  if (element_has_text (frame->el))
    {
      g_string_append_len (p->text, (const char *)ch, len);
      return;
    }
  for (int i = 0; i < len; i++)
    if (!IS_BLANK_CH (ch[i]))
      {
        int line = p->ctxt->input->line - count_newlines (ch + i, ch + len);
        g_autofree char *shown = g_strndup ((const char *)ch + i, MIN (len - i, 20));
        g_strdelimit (shown, "\n\r\t", ' ');
        if (!g_utf8_validate (shown, -1, NULL))
          {
            g_free (shown);
            shown = g_strdup ("…");
          }
        parser_fail (p, LGR_STUDY_ERROR_INVALID, MAX (line, 1), frame->owner,
                     _ ("text “%s” is not allowed directly inside <%s>"), g_strstrip (shown),
                     element_names[frame->el]);
        return;
      }
}

static void
on_doctype (void *data, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id)
{
  Parser *p = data;
  parser_fail (p, LGR_STUDY_ERROR_UNSAFE, MAX (p->ctxt->input->line, 1), NULL,
               _ ("the file has a document type declaration (<!DOCTYPE>); study files may not "
                  "have one, nor entities, so it was not read any further"));
  xmlStopParser (p->ctxt);
}

static void
on_entity_decl (void *data, const xmlChar *name, int type, const xmlChar *public_id,
                const xmlChar *system_id, xmlChar *content)
{
  Parser *p = data;
  parser_fail (p, LGR_STUDY_ERROR_UNSAFE, MAX (p->ctxt->input->line, 1), NULL,
               _ ("the file declares an entity, which study files may not do"));
  xmlStopParser (p->ctxt);
}

static xmlEntityPtr
on_get_entity (void *data, const xmlChar *name)
{
  /* Only the five predefined entities (&amp; &lt; &gt; &quot; &apos;) exist; libxml2 handles
   * those itself. Anything else is undeclared and refused as an error. */
  return NULL;
}

static xmlParserInputPtr
on_resolve_entity (void *data, const xmlChar *public_id, const xmlChar *system_id)
{
  Parser *p = data;
  parser_fail (p, LGR_STUDY_ERROR_UNSAFE, MAX (p->ctxt->input->line, 1), NULL,
               _ ("the file refers to an external file, which study files may not do"));
  return NULL;
}

static void
on_reference (void *data, const xmlChar *name)
{
  Parser *p = data;
  parser_fail (p, LGR_STUDY_ERROR_UNSAFE, MAX (p->ctxt->input->line, 1), NULL,
               _ ("the entity “&%s;” is not allowed in a study file (write the character "
                  "itself)"),
               (const char *)name);
  stop (p);
}

static gboolean
at_end_of_input (Parser *p)
{
  xmlParserInputPtr input = p->ctxt->input;
  if (input == NULL || input->cur == NULL || input->end == NULL)
    return TRUE;
  for (const xmlChar *s = input->cur; s < input->end; s++)
    if (!IS_BLANK_CH (*s))
      return FALSE;
  return TRUE;
}

static void
on_xml_error (void *data, xmlErrorPtr e)
{
  Parser *p = data;
  int line;
  g_autofree char *detail = NULL;

  if (p->error || e == NULL || e->level == XML_ERR_WARNING)
    return;
  line = e->line > 0 ? e->line : 1;

  switch (e->code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      parser_fail (p, LGR_STUDY_ERROR_MALFORMED, line, NULL,
                   _ ("the file is empty: it has no <lgr-study> element"));
      return;
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITY_PE_INTERNAL:
    case XML_ERR_ENTITYREF_AT_EOF:
    case XML_ERR_PEREF_AT_EOF:
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_ENTITY_BOUNDARY:
    case XML_ERR_EXT_ENTITY_STANDALONE:
      parser_fail (
          p, LGR_STUDY_ERROR_UNSAFE, line, NULL,
          _ ("the entity “&%s;” is not allowed in a study file: only &amp; &lt; &gt; &quot; "
             "&apos; and character references such as &#163; are"),
          e->str1 ? e->str1 : "");
      return;
    case XML_ERR_INTERNAL_ERROR:
      /* libxml2's own limits, such as ten million characters of text or space in a row */
      detail = g_strdup (e->message ? e->message : "");
      g_strstrip (detail);
      parser_fail (p, LGR_STUDY_ERROR_UNSAFE, line, NULL,
                   _ ("the file goes beyond what the XML reader allows (%s)"), detail);
      return;
    case XML_ERR_DOCUMENT_END:
      parser_fail (p, LGR_STUDY_ERROR_MALFORMED, line, NULL,
                   _ ("there is more in the file after the end of the study (</lgr-study>)"));
      return;
    default:
      break;
    }

  if (at_end_of_input (p))
    {
      if (p->depth > 0)
        parser_fail (p, LGR_STUDY_ERROR_MALFORMED, line, NULL,
                     _ ("the file ends before <%s> (line %d) is closed: it looks cut short"),
                     element_names[p->stack[p->depth - 1].el], p->stack[p->depth - 1].line);
      else
        parser_fail (p, LGR_STUDY_ERROR_MALFORMED, line, NULL,
                     _ ("the file ends too early: it looks cut short"));
      return;
    }
  detail = g_strdup (e->message ? e->message : "");
  g_strstrip (detail);
  parser_fail (p, LGR_STUDY_ERROR_MALFORMED, line, NULL,
               /* Translators: %s is libxml2's own description, in English */
               _ ("this is not well-formed XML (%s)"), detail);
}

/* Loading */

static int
line_at (const char *data, gsize offset)
{
  int line = 1;
  for (const char *s = data, *end = data + offset; s < end;)
    {
      const char *nl = memchr (s, '\n', end - s);
      if (nl == NULL)
        break;
      line++;
      s = nl + 1;
    }
  return line;
}

/* What the XML declaration says the encoding is, if it says anything other than UTF-8. */
static char *
declared_foreign_encoding (const char *data, gsize length)
{
  const char *p = data;
  gsize left = length;
  const char *end, *enc;
  g_autofree char *decl = NULL;
  char quote;
  const char *value, *value_end;
  g_autofree char *name = NULL;

  if (left >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3, left -= 3;
  if (left < 5 || memcmp (p, "<?xml", 5) != 0)
    return NULL;
  end = g_strstr_len (p, MIN (left, 1024), "?>");
  if (end == NULL)
    return NULL;
  decl = g_strndup (p, end - p);
  enc = strstr (decl, "encoding");
  if (enc == NULL)
    return NULL;
  enc += strlen ("encoding");
  while (*enc && (g_ascii_isspace (*enc) || *enc == '='))
    enc++;
  quote = *enc;
  if (quote != '"' && quote != '\'')
    return NULL;
  value = enc + 1;
  value_end = strchr (value, quote);
  if (value_end == NULL)
    return NULL;
  name = g_strndup (value, value_end - value);
  if (g_ascii_strcasecmp (name, "UTF-8") == 0 || g_ascii_strcasecmp (name, "UTF8") == 0)
    return NULL;
  return g_steal_pointer (&name);
}

static gsize
init_libxml (void)
{
  xmlInitParser ();
  return 1;
}

LgrStudy *
lgr_study_load_data (const char *data, gsize length, const char *display_name, GError **error)
{
  static gsize initialised = 0;
  Parser p = { 0 };
  xmlSAXHandler *sax;
  const char *invalid = NULL;
  g_autofree char *encoding = NULL;
  gboolean blank = TRUE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  if (display_name == NULL)
    display_name = _ ("study");

  if (length > LGR_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_UNSAFE,
                   _ ("%s: the file is too large (%s): a study file may have at most 16 MiB"),
                   display_name, size);
      return NULL;
    }
  for (gsize i = 0; i < length && blank; i++)
    blank = g_ascii_isspace (data[i]);
  if (blank)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_MALFORMED, _ ("%s:1: the file is empty"),
                   display_name);
      return NULL;
    }
  if ((invalid = memchr (data, '\0', length)) != NULL)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_MALFORMED,
                   _ ("%s:%d: this is not a study file: it holds binary data, not text"),
                   display_name, line_at (data, invalid - data));
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, &invalid))
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_MALFORMED,
                   _ ("%s:%d: the file is not UTF-8 text (study files are UTF-8; save it in "
                      "that encoding)"),
                   display_name, line_at (data, invalid - data));
      return NULL;
    }
  if ((encoding = declared_foreign_encoding (data, length)) != NULL)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_MALFORMED,
                   _ ("%s:1: the file says its encoding is “%s”, but study files are UTF-8"),
                   display_name, g_utf8_validate (encoding, -1, NULL) ? encoding : "?");
      return NULL;
    }

  if (g_once_init_enter (&initialised))
    g_once_init_leave (&initialised, init_libxml ());

  p.ctxt = xmlCreateMemoryParserCtxt (data, (int)length);
  if (p.ctxt == NULL)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO,
                   _ ("%s: there is not enough memory to read the file"), display_name);
      return NULL;
    }
  xmlCtxtUseOptions (p.ctxt, XML_PARSE_NONET | XML_PARSE_IGNORE_ENC);

  /* Our handlers only: nothing builds a tree, resolves or loads anything. */
  sax = p.ctxt->sax;
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->startElementNs = on_start_element;
  sax->endElementNs = on_end_element;
  sax->characters = on_characters;
  sax->ignorableWhitespace = on_characters;
  sax->cdataBlock = on_characters;
  sax->internalSubset = on_doctype;
  sax->externalSubset = on_doctype;
  sax->entityDecl = on_entity_decl;
  sax->getEntity = on_get_entity;
  sax->getParameterEntity = on_get_entity;
  sax->resolveEntity = on_resolve_entity;
  sax->reference = on_reference;
  sax->serror = on_xml_error;
  p.ctxt->userData = &p;
  p.ctxt->replaceEntities = 0;
  p.ctxt->loadsubset = 0;
  p.ctxt->validate = 0;

  p.display_name = display_name;
  p.text = g_string_new (NULL);
  p.scenario_ids = g_hash_table_new (g_str_hash, g_str_equal);
  p.object_ids = g_hash_table_new (g_str_hash, g_str_equal);
  p.years = g_hash_table_new (NULL, NULL);
  p.measures = g_hash_table_new (g_str_hash, g_str_equal);

  xmlParseDocument (p.ctxt);

  if (p.error == NULL && !p.ctxt->wellFormed)
    parser_fail (&p, LGR_STUDY_ERROR_MALFORMED, MAX (p.ctxt->input ? p.ctxt->input->line : 1, 1),
                 NULL, _ ("this is not well-formed XML"));
  if (p.error == NULL && p.study == NULL)
    parser_fail (&p, LGR_STUDY_ERROR_MALFORMED, 1, NULL, _ ("the file has no <lgr-study> element"));

  if (p.ctxt->myDoc != NULL)
    xmlFreeDoc (p.ctxt->myDoc);
  p.ctxt->myDoc = NULL;
  xmlFreeParserCtxt (p.ctxt);
  for (int i = 0; i < p.depth; i++)
    g_free (p.stack[i].id);
  g_string_free (p.text, TRUE);
  g_hash_table_unref (p.scenario_ids);
  g_hash_table_unref (p.object_ids);
  g_hash_table_unref (p.years);
  g_hash_table_unref (p.measures);

  /* Everything was checked while reading; this is the same check editors use, to be sure the
   * two never disagree. */
  if (p.error == NULL)
    lgr_study_validate (p.study, display_name, &p.error);

  if (p.error != NULL)
    {
      g_propagate_error (error, p.error);
      lgr_study_free (p.study);
      return NULL;
    }
  return p.study;
}

LgrStudy *
lgr_study_load_bytes (GBytes *bytes, const char *display_name, GError **error)
{
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  data = g_bytes_get_data (bytes, &length);
  return lgr_study_load_data (data ? data : "", length, display_name, error);
}

static LgrStudy *
load_file_named (GFile *file, const char *display_name, GCancellable *cancellable, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GByteArray) buffer = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize chunk = 64 * 1024;

  stream = g_file_read (file, cancellable, &local);
  if (stream == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO, _ ("%s: there is no such file"),
                     display_name);
      else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO,
                     _ ("%s: this is a folder, not a study file"), display_name);
      else
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO, _ ("%s: cannot be read: %s"),
                     display_name, local->message);
      return NULL;
    }
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE)
      && g_file_info_get_size (info) > LGR_MAX_FILE_SIZE)
    {
      g_autofree char *size
          = g_format_size_full (g_file_info_get_size (info), G_FORMAT_SIZE_IEC_UNITS);
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_UNSAFE,
                   _ ("%s: the file is too large (%s): a study file may have at most 16 MiB"),
                   display_name, size);
      return NULL;
    }

  /* Read at most one byte more than the limit, whatever the file claims its size is. */
  buffer = g_byte_array_new ();
  for (;;)
    {
      gssize n;
      guint old = buffer->len;
      g_byte_array_set_size (buffer, old + chunk);
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + old, chunk, cancellable,
                               &local);
      if (n < 0)
        {
          g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO, _ ("%s: cannot be read: %s"),
                       display_name, local->message);
          return NULL;
        }
      g_byte_array_set_size (buffer, old + n);
      if (n == 0)
        break;
      if (buffer->len > LGR_MAX_FILE_SIZE)
        {
          g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_UNSAFE,
                       _ ("%s: the file is too large: a study file may have at most 16 MiB"),
                       display_name);
          return NULL;
        }
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
  return lgr_study_load_bytes (bytes, display_name, error);
}

LgrStudy *
lgr_study_load_file (GFile *file, GCancellable *cancellable, GError **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  name = g_file_get_basename (file);
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_free (name);
      name = g_file_get_parse_name (file);
    }
  return load_file_named (file, name, cancellable, error);
}

/* Messages name the file as the caller wrote its path, as compilers do. Plain POSIX reads, not
 * GFile: the command line then never starts GIO's VFS (no modules, no D-Bus). */
LgrStudy *
lgr_study_load_path (const char *path, GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr (GByteArray) buffer = NULL;
  g_autoptr (GBytes) bytes = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  name = g_filename_display_name (path);
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0 || S_ISDIR (st.st_mode))
    {
      int saved = errno;
      gboolean is_dir = fd >= 0 && S_ISDIR (st.st_mode);
      if (fd >= 0)
        close (fd);
      if (is_dir)
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO,
                     _ ("%s: this is a folder, not a study file"), name);
      else if (saved == ENOENT)
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO, _ ("%s: there is no such file"),
                     name);
      else
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO, _ ("%s: cannot be read: %s"), name,
                     g_strerror (saved));
      return NULL;
    }
  if (S_ISREG (st.st_mode) && st.st_size > LGR_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size_full ((guint64)st.st_size, G_FORMAT_SIZE_IEC_UNITS);
      close (fd);
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_UNSAFE,
                   _ ("%s: the file is too large (%s): a study file may have at most 16 MiB"), name,
                   size);
      return NULL;
    }

  /* Read at most one byte more than the limit, whatever the file claims its size is. */
  buffer = g_byte_array_sized_new (S_ISREG (st.st_mode) ? (guint)st.st_size + 1 : 65536);
  for (;;)
    {
      guint old = buffer->len;
      gsize chunk = MAX ((gsize)65536, (gsize)buffer->len);
      g_byte_array_set_size (buffer, (guint)(old + chunk));
      gssize n = read (fd, buffer->data + old, chunk);
      if (n < 0 && errno == EINTR)
        {
          g_byte_array_set_size (buffer, old);
          continue;
        }
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO, _ ("%s: cannot be read: %s"),
                       name, g_strerror (saved));
          return NULL;
        }
      g_byte_array_set_size (buffer, (guint)(old + (gsize)n));
      if (n == 0)
        break;
      if (buffer->len > LGR_MAX_FILE_SIZE)
        {
          close (fd);
          g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_UNSAFE,
                       _ ("%s: the file is too large: a study file may have at most 16 MiB"), name);
          return NULL;
        }
    }
  close (fd);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
  return lgr_study_load_bytes (bytes, name, error);
}

GBytes *
lgr_study_bundled_bytes (void)
{
  /* Registered on first use, once: the executable and the window module each hold a copy of
   * the core, and the first to need the study registers it for both. */
  static gsize registered = 0;
  GBytes *bytes = g_resources_lookup_data (BUNDLED_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  if (bytes == NULL && g_once_init_enter (&registered))
    {
      lgr_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }
  if (bytes == NULL)
    bytes = g_resources_lookup_data (BUNDLED_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);
  return bytes;
}

LgrStudy *
lgr_study_load_bundled (GError **error)
{
  g_autoptr (GBytes) bytes = lgr_study_bundled_bytes ();
  return lgr_study_load_bytes (bytes, BUNDLED_NAME, error);
}

/* Writing */

static void
append_escaped (GString *out, const char *text, gboolean attribute)
{
  for (const char *s = text; *s; s++)
    switch (*s)
      {
      case '&':
        g_string_append (out, "&amp;");
        break;
      case '<':
        g_string_append (out, "&lt;");
        break;
      case '>':
        g_string_append (out, "&gt;");
        break;
      case '"':
        if (attribute)
          g_string_append (out, "&quot;");
        else
          g_string_append_c (out, '"');
        break;
      case '\r':
        g_string_append (out, "&#13;");
        break;
      case '\n':
        if (attribute)
          g_string_append (out, "&#10;");
        else
          g_string_append_c (out, '\n');
        break;
      case '\t':
        if (attribute)
          g_string_append (out, "&#9;");
        else
          g_string_append_c (out, '\t');
        break;
      default:
        g_string_append_c (out, *s);
        break;
      }
}

static void
indent (GString *out, int level)
{
  for (int i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
attr_string (GString *out, const char *name, const char *value)
{
  g_string_append_printf (out, " %s=\"", name);
  append_escaped (out, value ? value : "", TRUE);
  g_string_append_c (out, '"');
}

static void
attr_double (GString *out, const char *name, double value)
{
  g_autofree char *s = lgr_number_to_string (value);
  g_string_append_printf (out, " %s=\"%s\"", name, s);
}

static void
attr_integer (GString *out, const char *name, int value)
{
  g_string_append_printf (out, " %s=\"%d\"", name, value);
}

static void
attr_profile_string (GString *out, const char *name, const LgrProfile *profile)
{
  g_autofree char *s = lgr_profile_to_string (profile);
  g_string_append_printf (out, " %s=\"%s\"", name, s);
}

static void
text_element (GString *out, int level, const char *name, const char *text)
{
  if (text == NULL)
    return;
  indent (out, level);
  g_string_append_printf (out, "<%s>", name);
  append_escaped (out, text, FALSE);
  g_string_append_printf (out, "</%s>\n", name);
}

static void
write_lever (GString *out, const LgrLever *lever)
{
  indent (out, 2);
  g_string_append (out, "<lever");
  attr_string (out, "id", lever->id);
  attr_string (out, "name", lever->name);
  attr_string (out, "authority", lever->authority_id);
  if (lever->service != NULL)
    attr_string (out, "service", lever->service);
  attr_string (out, "benefit", lgr_benefit_to_string (lever->benefit));
  if (!lever->enabled)
    attr_string (out, "enabled", "false");
  g_string_append (out, ">\n");

  indent (out, 3);
  g_string_append (out, "<cohort");
  attr_string (out, "basis", lgr_cohort_basis_to_string (lever->basis));
  attr_double (out, "baseline", lever->cohort_baseline);
  attr_double (out, "target", lever->cohort_target);
  g_string_append (out, "/>\n");

  indent (out, 3);
  g_string_append (out, "<unit-cost");
  attr_string (out, "per", lgr_unit_period_to_string (lever->unit_period));
  attr_double (out, "baseline", lever->unit_cost_baseline);
  attr_double (out, "target", lever->unit_cost_target);
  g_string_append (out, "/>\n");

  indent (out, 3);
  g_string_append (out, "<growth");
  attr_double (out, "cohort", lever->growth_cohort);
  attr_double (out, "unit-cost", lever->growth_unit_cost);
  g_string_append (out, "/>\n");

  indent (out, 3);
  g_string_append (out, "<realisation");
  if (lever->has_realisation_start)
    attr_integer (out, "start", lever->realisation_start);
  attr_profile_string (out, "profile", &lever->realisation);
  g_string_append (out, "/>\n");

  text_element (out, 3, "source", lever->source);
  indent (out, 2);
  g_string_append (out, "</lever>\n");
}

static void
write_item (GString *out, const LgrItem *item)
{
  indent (out, 2);
  g_string_append (out, "<item");
  attr_string (out, "id", item->id);
  attr_string (out, "name", item->name);
  attr_string (out, "kind", lgr_item_kind_to_string (item->kind));
  if (!item->enabled)
    attr_string (out, "enabled", "false");
  g_string_append (out, ">\n");

  indent (out, 3);
  switch (item->pattern)
    {
    case LGR_ITEM_PATTERN_SPREAD:
      g_string_append (out, "<spread");
      attr_double (out, "total", item->total);
      if (item->has_start)
        attr_integer (out, "start", item->start);
      attr_profile_string (out, "profile", &item->profile);
      g_string_append (out, "/>\n");
      break;
    case LGR_ITEM_PATTERN_RECURRING:
      g_string_append (out, "<recurring");
      attr_double (out, "amount", item->amount);
      if (item->has_start)
        attr_integer (out, "start", item->start);
      attr_profile_string (out, "profile", &item->profile);
      attr_double (out, "growth", item->growth);
      g_string_append (out, "/>\n");
      break;
    case LGR_ITEM_PATTERN_VALUES:
    default:
      if (item->values == NULL || item->values->len == 0)
        {
          g_string_append (out, "<values/>\n");
          break;
        }
      g_string_append (out, "<values>\n");
      for (guint i = 0; i < item->values->len; i++)
        {
          const LgrYearValue *v = &g_array_index (item->values, LgrYearValue, i);
          g_autofree char *number = lgr_number_to_string (v->value);
          indent (out, 4);
          g_string_append_printf (out, "<value year=\"%d\">%s</value>\n", v->year, number);
        }
      indent (out, 3);
      g_string_append (out, "</values>\n");
      break;
    }

  text_element (out, 3, "source", item->source);
  indent (out, 2);
  g_string_append (out, "</item>\n");
}

char *
lgr_study_to_xml (const LgrStudy *study, gsize *length)
{
  GString *out = g_string_sized_new (16 * 1024);

  g_return_val_if_fail (study != NULL, NULL);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (out, "<lgr-study version=\"%d\">\n", LGR_FORMAT_VERSION);
  text_element (out, 1, "title", study->title ? study->title : "");
  text_element (out, 1, "description", study->description);

  indent (out, 1);
  g_string_append (out, "<timeline");
  attr_integer (out, "first-year", study->first_year);
  attr_integer (out, "years", study->years);
  attr_integer (out, "vesting-year", study->vesting_year);
  attr_double (out, "discount-rate", study->discount_rate);
  attr_double (out, "weeks-per-year", study->weeks_per_year);
  g_string_append (out, "/>\n");

  indent (out, 1);
  g_string_append (out, "<settings");
  attr_double (out, "benefit-realisation", study->benefit_realisation);
  attr_double (out, "cost-contingency", study->cost_contingency);
  attr_string (out, "count-avoidance", study->count_avoidance ? "true" : "false");
  g_string_append (out, "/>\n");

  if (study->benchmarks_source != NULL || study->benchmark_bands->len > 0)
    {
      indent (out, 1);
      g_string_append (out, "<benchmarks");
      if (study->benchmarks_source != NULL && study->benchmarks_source[0] != '\0')
        attr_string (out, "source", study->benchmarks_source);
      if (study->benchmark_bands->len == 0)
        g_string_append (out, "/>\n");
      else
        {
          g_string_append (out, ">\n");
          for (guint b = 0; b < study->benchmark_bands->len; b++)
            {
              const LgrBenchmarkBand *band = g_ptr_array_index (study->benchmark_bands, b);
              indent (out, 2);
              g_string_append (out, "<band");
              attr_string (out, "name", band->name);
              attr_double (out, "min-population", band->min_population);
              attr_double (out, "max-population", band->max_population);
              if (band->costs->len == 0)
                {
                  g_string_append (out, "/>\n");
                  continue;
                }
              g_string_append (out, ">\n");
              for (guint c = 0; c < band->costs->len; c++)
                {
                  const LgrBenchmarkCost *cost = &g_array_index (band->costs, LgrBenchmarkCost, c);
                  indent (out, 3);
                  g_string_append (out, "<cost");
                  attr_string (out, "measure", cost->measure);
                  attr_double (out, "value", cost->value);
                  g_string_append (out, "/>\n");
                }
              indent (out, 2);
              g_string_append (out, "</band>\n");
            }
          indent (out, 1);
          g_string_append (out, "</benchmarks>\n");
        }
    }

  for (guint s = 0; s < study->scenarios->len; s++)
    {
      const LgrScenario *scenario = g_ptr_array_index (study->scenarios, s);
      g_string_append (out, "\n");
      indent (out, 1);
      g_string_append (out, "<scenario");
      attr_string (out, "id", scenario->id);
      attr_string (out, "name", scenario->name);
      if (scenario->colour != NULL)
        attr_string (out, "colour", scenario->colour);
      g_string_append (out, ">\n");
      text_element (out, 2, "description", scenario->description);
      for (guint i = 0; i < scenario->authorities->len; i++)
        {
          const LgrAuthority *a = g_ptr_array_index (scenario->authorities, i);
          indent (out, 2);
          g_string_append (out, "<authority");
          attr_string (out, "id", a->id);
          attr_string (out, "name", a->name);
          attr_double (out, "population", a->population);
          attr_double (out, "child-population", a->child_population);
          g_string_append (out, "/>\n");
        }
      for (guint i = 0; i < scenario->levers->len; i++)
        write_lever (out, g_ptr_array_index (scenario->levers, i));
      for (guint i = 0; i < scenario->items->len; i++)
        write_item (out, g_ptr_array_index (scenario->items, i));
      indent (out, 1);
      g_string_append (out, "</scenario>\n");
    }
  g_string_append (out, "</lgr-study>\n");

  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* Writes data to a new file beside path and renames it over path. */
static gboolean
replace_local_file (const char *path, const char *display_name, const char *data, gsize length,
                    GError **error)
{
  g_autofree char *resolved = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *tmp_name = NULL;
  struct stat st;
  gboolean exists;
  int fd, saved_errno;
  gsize done = 0;

  /* Replace what a symbolic link points to, not the link. */
  resolved = realpath (path, NULL);
  if (resolved == NULL)
    resolved = g_strdup (path);
  exists = g_stat (resolved, &st) == 0;
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO,
                   _ ("Could not save “%s”: it is not a regular file"), display_name);
      return FALSE;
    }

  dir = g_path_get_dirname (resolved);
  base = g_path_get_basename (resolved);
  tmp_name = g_strdup_printf (".%s.XXXXXX", base);
  tmp = g_build_filename (dir, tmp_name, NULL);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, exists ? (int)(st.st_mode & 0777) : 0666);
  if (fd < 0)
    {
      g_autofree char *dir_name = g_filename_display_name (dir);
      saved_errno = errno;
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO,
                   _ ("Could not save “%s”: cannot write in the folder “%s” (%s)"), display_name,
                   dir_name, g_strerror (saved_errno));
      return FALSE;
    }
  if (exists)
    (void)fchmod (fd, st.st_mode & 07777);

  while (done < length)
    {
      gssize n = write (fd, data + done, length - done);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          goto failed;
        }
      done += n;
    }
  if (fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;
  if (g_rename (tmp, resolved) != 0)
    goto failed;
  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO,
               _ ("Could not save “%s”: %s (the file on disk is unchanged)"), display_name,
               g_strerror (saved_errno));
  return FALSE;
}

gboolean
lgr_study_save_file (const LgrStudy *study, GFile *file, GCancellable *cancellable, GError **error)
{
  g_autofree char *xml = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (study != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  name = g_file_get_basename (file);
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_free (name);
      name = g_file_get_parse_name (file);
    }
  if (!lgr_study_validate (study, NULL, error))
    {
      g_prefix_error (error, _ ("Could not save “%s”: "), name);
      return FALSE;
    }

  xml = lgr_study_to_xml (study, &length);
  path = g_file_get_path (file);
  if (path != NULL)
    return replace_local_file (path, name, xml, length, error);

  {
    g_autoptr (GError) local = NULL;
    if (!g_file_replace_contents (file, xml, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                  cancellable, &local))
      {
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO, _ ("Could not save “%s”: %s"),
                     name, local->message);
        return FALSE;
      }
  }
  return TRUE;
}

gboolean
lgr_study_save_path (const LgrStudy *study, const char *path, GError **error)
{
  g_autoptr (GFile) file = NULL;
  g_return_val_if_fail (path != NULL, FALSE);
  file = g_file_new_for_path (path);
  return lgr_study_save_file (study, file, NULL, error);
}
