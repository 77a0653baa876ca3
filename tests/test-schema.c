/* test-schema.c: the schema table of lgr-study-schema.c against everything that must agree
 * with it, so that a field added to the file format cannot be missed anywhere:
 *
 * - data/lgr-study.rng has the same elements, attributes (required or optional) and children;
 * - the RELAX NG schema accepts what the writer writes and refuses what the loader refuses;
 * - every field of the table, changed in a random study, makes lgr_study_equal() say the study
 *   differs, is kept by lgr_study_copy(), and survives a save and load;
 * - lgr_study_validate() refuses every value the loader refuses;
 * - the random studies of lgr-test-random.c give every field more than one value. */
#include <glib.h>
#include <libxml/parser.h>
#include <locale.h>
#include <string.h>

#include "lgr-rules.h"
#include "lgr-study-io.h"
#include "lgr-study-schema.h"
#include "lgr-test-util.h"

/* The RELAX NG schema agrees with the writer and the loader */

static void
test_rng_studies (void)
{
  const char *fixtures[] = { "valid-full.lgr", "valid-minimal.lgr" };
  g_autofree char *bundled_path
      = lgr_test_source_path ("data", "studies", "warwickshire.lgr", NULL);
  g_autofree char *bundled = NULL;
  gsize length = 0;
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);

  /* the bundled study (read at run time), the valid fixtures, and random saved studies */
  g_assert_true (g_file_get_contents (bundled_path, &bundled, &length, NULL));
  g_assert_true (lgr_test_rng_accepts (bundled, length, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *xml = lgr_test_read_fixture (fixtures[i]);
      g_assert_true (lgr_test_rng_accepts (xml, strlen (xml), NULL));
    }
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr (LgrStudy) study = lgr_test_random_study (rand, 1 + i % 3, i % 5, i % 7, 1 + i);
      g_autofree char *xml = lgr_study_to_xml (study, &length);
      g_autofree char *why = NULL;
      if (!lgr_test_rng_accepts (xml, length, &why))
        g_error ("random study %u is not valid against the schema: %s", i, why);
    }

  /* and refuses what the loader refuses, where a schema can say it */
  {
    struct
    {
      const char *from, *to;
    } broken[] = {
      { "target=\"55\"", "target=\"12000\"" },
      { "baseline=\"72.8\"", "baseline=\"72,8\"" },
      { "target=\"55\"", "target=\"NaN\"" },
      { "<growth cohort=\"0\" unit-cost=\"0\"/>", "<growth cohort=\"0\" unit-cost=\"0\"/><x/>" },
      { "<cohort basis", "<cohort colour=\"red\" basis" },
      { "kind=\"saving\"", "kind=\"grant\"" },
      { "<recurring amount=\"6200000\" start=\"2028\" profile=\"50 75 100\" growth=\"0\"/>",
        "<spread total=\"1\" profile=\"100\"/>" },
      { "<lgr-study version=\"1\">", "<lgr-study version=\"2\">" },
      { "years=\"10\"", "years=\"61\"" },
      { "weeks-per-year=\"52\"", "weeks-per-year=\"0\"" },
      { "profile=\"25 50 75 100\"", "profile=\"25 50 175\"" },
      { "<lever id=\"north-lac\"", "<lever id=\"north lac\"" },
      { "colour=\"#1c71d8\"", "colour=\"blue\"" },
      { "enabled=\"true\">\n      <cohort", "enabled=\"yes\">\n      <cohort" },
      { "  <title>Test study &amp; its “quotes”</title>\n", "" },
      { "discount-rate=\"3.5\"", "discount-rate=\"-60\"" },
      { "total=\"37300000\"", "total=\"2e12\"" },
      { "name=\"Two unitaries\"",
        "name=\"Two unitaries, two unitaries, two unitaries, two unitaries, two unitaries, two "
        "unitaries, two unitaries, two unitaries, two unitaries, two unitaries, two unitaries, "
        "two unitaries, two unitaries, two unitaries\"" },
      { "<item id=\"ict\"",
        "<item id=\"ict-0123456789-0123456789-0123456789-0123456789-0123456789-012345\"" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
      {
        g_autofree char *xml = lgr_test_full_with (broken[i].from, broken[i].to);
        g_autoptr (GError) error = NULL;
        g_autoptr (LgrStudy) study = lgr_study_load_data (xml, strlen (xml), "x.lgr", &error);
        g_assert_null (study);
        if (lgr_test_rng_accepts (xml, strlen (xml), NULL))
          g_error ("the schema accepts case %u (%s)", i, broken[i].to);
      }
  }
}

/* The RELAX NG schema has the elements and attributes of the table, and no others */

typedef struct
{
  xmlNodePtr grammar;
  GHashTable *facts; /* "<el> attr" -> "required"/"optional", "<el> <child>", "<el>" */
} Rng;

static gboolean
is_rng (xmlNodePtr node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *)node->name, name) == 0;
}

static char *
prop (xmlNodePtr node, const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy = g_strdup ((const char *)value);
  xmlFree (value);
  return copy;
}

static xmlNodePtr
find_define (Rng *rng, const char *name)
{
  for (xmlNodePtr n = rng->grammar->children; n; n = n->next)
    if (is_rng (n, "define"))
      {
        g_autofree char *defined = prop (n, "name");
        if (g_strcmp0 (defined, name) == 0)
          return n;
      }
  g_error ("data/lgr-study.rng refers to <define name=\"%s\">, which it does not have", name);
}

/* Collects what node's content says about element (NULL: at the start). */
static void
walk (Rng *rng, xmlNodePtr node, const char *element, gboolean optional, int depth)
{
  g_assert_cmpint (depth, <, 64);
  for (xmlNodePtr n = node->children; n; n = n->next)
    {
      g_autofree char *name = NULL;

      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (is_rng (n, "element"))
        {
          name = prop (n, "name");
          g_hash_table_add (rng->facts, g_strdup_printf ("<%s>", name));
          if (element != NULL)
            g_hash_table_add (rng->facts, g_strdup_printf ("<%s> <%s>", element, name));
          walk (rng, n, name, FALSE, depth + 1);
        }
      else if (is_rng (n, "attribute"))
        {
          name = prop (n, "name");
          g_assert_nonnull (element);
          g_hash_table_insert (rng->facts, g_strdup_printf ("<%s> %s", element, name),
                               optional ? "optional" : "required");
        }
      else if (is_rng (n, "optional") || is_rng (n, "zeroOrMore"))
        walk (rng, n, element, TRUE, depth + 1);
      else if (is_rng (n, "ref"))
        {
          name = prop (n, "name");
          walk (rng, find_define (rng, name), element, optional, depth + 1);
        }
      else
        walk (rng, n, element, optional, depth + 1);
    }
}

static GHashTable *
table_facts (void)
{
  GHashTable *facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < LGR_N_ELEMENTS; i++)
    {
      const LgrSchemaElement *e = lgr_schema_element (i);
      g_hash_table_add (facts, g_strdup_printf ("<%s>", e->name));
      for (guint k = 0; k < e->n_attributes; k++)
        g_hash_table_insert (facts, g_strdup_printf ("<%s> %s", e->name, e->attributes[k].name),
                             e->attributes[k].required ? "required" : "optional");
      for (guint k = 0; k < e->n_children; k++)
        g_hash_table_add (facts, g_strdup_printf ("<%s> <%s>", e->name,
                                                  lgr_schema_element (e->children[k].child)->name));
    }
  return facts;
}

/* What a fact is, for a message. */
static const char *
fact_value (GHashTable *facts, const char *key)
{
  const char *value = g_hash_table_lookup (facts, key);
  return value == NULL || strcmp (value, key) == 0 ? "present" : value;
}

static void
test_rng_matches_table (void)
{
  g_autofree char *path = lgr_test_source_path ("data", "lgr-study.rng", NULL);
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_autoptr (GHashTable) table = table_facts ();
  g_autoptr (GString) differences = g_string_new (NULL);
  Rng rng = { 0 };
  GHashTableIter iter;
  gpointer key;

  g_assert_nonnull (doc);
  rng.grammar = xmlDocGetRootElement (doc);
  rng.facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_assert_true (is_rng (rng.grammar, "grammar"));
  for (xmlNodePtr n = rng.grammar->children; n; n = n->next)
    if (is_rng (n, "start"))
      walk (&rng, n, NULL, FALSE, 0);

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (rng.facts, key))
      g_string_append_printf (differences, "\n  %s is in the table of lgr-study-schema.c only",
                              (char *)key);
    else if (strcmp (fact_value (table, key), fact_value (rng.facts, key)) != 0)
      g_string_append_printf (differences, "\n  %s is %s in the table, %s in data/lgr-study.rng",
                              (char *)key, fact_value (table, key), fact_value (rng.facts, key));
  g_hash_table_iter_init (&iter, rng.facts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (table, key))
      g_string_append_printf (differences, "\n  %s is in data/lgr-study.rng only", (char *)key);
  if (differences->len > 0)
    g_error ("data/lgr-study.rng and the schema table differ:%s", differences->str);
  g_test_message ("%u facts agree", g_hash_table_size (table));

  g_hash_table_unref (rng.facts);
  xmlFreeDoc (doc);
}

/* Every field of the table */

/* A field as text, to see whether a change changed it. */
static char *
field_string (const LgrSchemaAttribute *row, gconstpointer object)
{
  switch (row->type)
    {
    case LGR_FIELD_INT:
      if (row->has_offset != 0 && !G_STRUCT_MEMBER (gboolean, object, row->has_offset))
        return g_strdup ("(not given)");
      return g_strdup_printf ("%d", G_STRUCT_MEMBER (int, object, row->offset));
    case LGR_FIELD_NUMBER:
    case LGR_FIELD_COHORT_VALUE:
      if (row->has_offset != 0 && !G_STRUCT_MEMBER (gboolean, object, row->has_offset))
        return g_strdup ("(not given)");
      return lgr_number_to_string (G_STRUCT_MEMBER (double, object, row->offset));
    case LGR_FIELD_BOOL:
      return g_strdup (G_STRUCT_MEMBER (gboolean, object, row->offset) ? "true" : "false");
    case LGR_FIELD_ENUM:
      return g_strdup (row->names[G_STRUCT_MEMBER (int, object, row->offset)]);
    case LGR_FIELD_PROFILE:
      return lgr_profile_to_string (&G_STRUCT_MEMBER (LgrProfile, object, row->offset));
    case LGR_FIELD_TEXT:
    case LGR_FIELD_ID:
    case LGR_FIELD_COLOUR:
      {
        const char *s = G_STRUCT_MEMBER (const char *, object, row->offset);
        /* a text that is not written when empty: empty is none */
        if (row->write == LGR_WRITE_IF_NOT_EMPTY && s != NULL && *s == '\0')
          s = NULL;
        return s ? g_strdup_printf ("“%s”", s) : g_strdup ("(none)");
      }
    case LGR_FIELD_VERSION:
    default:
      return NULL;
    }
}

static void
set_string (gpointer object, gsize offset, const char *value)
{
  char **field = &G_STRUCT_MEMBER (char *, object, offset);
  char *copy = g_strdup (value);
  g_free (*field);
  *field = copy;
}

/* The c-th change of a field (FALSE: there are no more). A change may leave the field as it was
 * or make the study invalid; the caller skips those. */
static gboolean
change_field (const LgrSchemaAttribute *row, gpointer object, const LgrScenario *scenario, guint c)
{
  static const double profiles[][3] = { { 100 }, { 50, 50 }, { 25, 75 }, { 10, 20, 70 } };
  static const guint profile_lengths[] = { 1, 2, 2, 3 };

  switch (row->type)
    {
    case LGR_FIELD_INT:
      {
        static const int steps[] = { 1, -1, 5, -5 };
        int *v = &G_STRUCT_MEMBER (int, object, row->offset);
        gboolean *given
            = row->has_offset != 0 ? &G_STRUCT_MEMBER (gboolean, object, row->has_offset) : NULL;
        if (given != NULL && !*given)
          {
            *given = TRUE;
            *v = 2030;
            return c == 0;
          }
        if (given != NULL && c == 0)
          {
            *given = FALSE;
            return TRUE;
          }
        c -= given != NULL;
        if (c >= G_N_ELEMENTS (steps))
          return FALSE;
        *v += steps[c];
        return TRUE;
      }
    case LGR_FIELD_NUMBER:
    case LGR_FIELD_COHORT_VALUE:
      {
        double *v = &G_STRUCT_MEMBER (double, object, row->offset);
        const double candidates[] = { *v + 1, *v - 1, *v / 2, *v * 2, 0.5, 0 };
        gboolean *given
            = row->has_offset != 0 ? &G_STRUCT_MEMBER (gboolean, object, row->has_offset) : NULL;
        /* an optional number with a has-flag (a range's bound): given and taken away too */
        if (given != NULL && !*given)
          {
            *given = TRUE;
            *v = 50;
            return c == 0;
          }
        if (given != NULL && c == 0)
          {
            *given = FALSE;
            return TRUE;
          }
        c -= given != NULL;
        if (c >= G_N_ELEMENTS (candidates))
          return FALSE;
        *v = candidates[c];
        return TRUE;
      }
    case LGR_FIELD_BOOL:
      G_STRUCT_MEMBER (gboolean, object, row->offset) ^= TRUE;
      return c == 0;
    case LGR_FIELD_ENUM:
      {
        int *v = &G_STRUCT_MEMBER (int, object, row->offset);
        guint n = g_strv_length ((char **)row->names);
        if (c + 1 >= n)
          return FALSE;
        *v = (int)((*v + c + 1) % n);
        return TRUE;
      }
    case LGR_FIELD_PROFILE:
      if (c >= G_N_ELEMENTS (profiles))
        return FALSE;
      lgr_profile_set (&G_STRUCT_MEMBER (LgrProfile, object, row->offset), profiles[c],
                       profile_lengths[c]);
      return TRUE;
    case LGR_FIELD_TEXT:
      {
        const char *s = G_STRUCT_MEMBER (const char *, object, row->offset);
        g_autofree char *changed = s ? g_strconcat (s, " x", NULL) : g_strdup ("x");
        /* the last change: an optional text taken away */
        set_string (object, row->offset, c == 0 ? changed : c == 1 ? "y" : NULL);
        return c <= 1 || (c == 2 && !row->required);
      }
    case LGR_FIELD_ID:
      {
        const char *s = G_STRUCT_MEMBER (const char *, object, row->offset);
        g_autofree char *changed = g_strconcat (s, "x", NULL);
        if (c == 0)
          set_string (object, row->offset, changed);
        else if (scenario != NULL && c - 1 < scenario->authorities->len)
          set_string (object, row->offset,
                      ((LgrAuthority *)g_ptr_array_index (scenario->authorities, c - 1))->id);
        else
          return FALSE;
        return TRUE;
      }
    case LGR_FIELD_COLOUR:
      set_string (object, row->offset, c == 0 ? "#123456" : "#654321");
      return c <= 1;
    case LGR_FIELD_VERSION:
    default:
      return FALSE;
    }
}

typedef struct
{
  gpointer object;
  LgrScenario *scenario;
} Found;

static void
add_found (gpointer object, LgrScenario *scenario, gpointer data)
{
  Found found = { object, scenario };
  g_array_append_val ((GArray *)data, found);
}

/* The objects an element's fields are in, in a fixed order. */
static GArray *
objects_of (LgrStudy *study, LgrElement el)
{
  GArray *all = g_array_new (FALSE, FALSE, sizeof (Found));
  GArray *used = g_array_new (FALSE, FALSE, sizeof (Found));
  lgr_schema_foreach_object (study, lgr_schema_element (el)->object, add_found, all);
  for (guint i = 0; i < all->len; i++)
    if (lgr_schema_element_applies (el, g_array_index (all, Found, i).object))
      g_array_append_val (used, g_array_index (all, Found, i));
  g_array_unref (all);
  return used;
}

static char *
field_label (LgrElement el, const LgrSchemaAttribute *row)
{
  const char *element = lgr_schema_element (el)->name;
  return row->name ? g_strdup_printf ("<%s %s>", element, row->name)
                   : g_strdup_printf ("the text of <%s>", element);
}

static LgrStudy *
random_study (guint seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  return lgr_test_random_study (rand, 1 + seed % 3, 3 + seed % 6, 4 + seed % 9,
                                1 + (seed * 7) % 30);
}

/* Changes the field in one object of one random study after another until changes give a
 * valid study; then checks each such change for equality, copying, saving and the schema. */
static void
check_field_change (LgrElement el, const LgrSchemaAttribute *row)
{
  g_autofree char *label = field_label (el, row);

  guint checked = 0;

  for (guint seed = 1; seed <= 40 && checked == 0; seed++)
    {
      g_autoptr (LgrStudy) study = random_study (seed);
      g_autoptr (GArray) objects = objects_of (study, el);

      for (guint k = 0; k < objects->len && checked == 0; k++)
        for (guint c = 0;; c++)
          {
            g_autoptr (LgrStudy) changed = lgr_study_copy (study);
            g_autoptr (GArray) changed_objects = objects_of (changed, el);
            Found found = g_array_index (changed_objects, Found, k);
            g_autofree char *before = field_string (row, found.object);
            g_autofree char *after = NULL;
            g_autofree char *xml = NULL;
            g_autofree char *why = NULL;
            g_autoptr (LgrStudy) copy = NULL;
            g_autoptr (LgrStudy) back = NULL;
            g_autoptr (GError) error = NULL;
            gsize length = 0;

            if (!change_field (row, found.object, found.scenario, c))
              break;
            after = field_string (row, found.object);
            if (strcmp (before, after) == 0 || !lgr_study_validate (changed, NULL, NULL))
              continue;

            if (lgr_study_equal (study, changed))
              g_error ("lgr_study_equal() does not see %s change from %s to %s: compare the field "
                       "in lgr-study.c",
                       label, before, after);
            copy = lgr_study_copy (changed);
            if (!lgr_study_equal (changed, copy))
              g_error ("lgr_study_copy() loses %s (%s): copy the field in lgr-study.c", label,
                       after);
            xml = lgr_study_to_xml (changed, &length);
            if (!lgr_test_rng_accepts (xml, length, &why))
              g_error ("with %s = %s the study is not valid against data/lgr-study.rng: %s", label,
                       after, why);
            back = lgr_study_load_data (xml, length, "changed.lgr", &error);
            if (back == NULL)
              g_error ("with %s = %s the saved study does not load: %s", label, after,
                       error->message);
            if (!lgr_study_equal (changed, back))
              g_error ("%s = %s does not survive a save and load", label, after);
            g_test_message ("%s: %s -> %s (seed %u)", label, before, after, seed);
            checked++;
          }
    }
  if (checked == 0)
    g_error ("no random study has %s that can be changed: does lgr-test-random.c set it?", label);
}

static void
test_every_field_changes (void)
{
  guint n = 0;
  for (guint el = 0; el < LGR_N_ELEMENTS; el++)
    {
      const LgrSchemaElement *e = lgr_schema_element (el);
      /* a set's fields name other objects and hold their values: test-snapshot.c changes them */
      if (e->object == LGR_OBJECT_SET)
        continue;
      for (guint k = 0; k < e->n_attributes; k++)
        if (e->attributes[k].type != LGR_FIELD_VERSION)
          {
            check_field_change (el, &e->attributes[k]);
            n++;
          }
      if (e->text != NULL)
        {
          check_field_change (el, e->text);
          n++;
        }
    }
  g_test_message ("%u fields", n);
  g_assert_cmpuint (n, >=, 50);
}

/* The random studies give every field at least two values: a field that lgr-test-random.c
 * leaves at its default would make round trips prove nothing about it. */
static void
test_random_studies_vary_every_field (void)
{
  for (guint el = 0; el < LGR_N_ELEMENTS; el++)
    {
      const LgrSchemaElement *e = lgr_schema_element (el);
      for (guint k = 0; k <= e->n_attributes; k++)
        {
          const LgrSchemaAttribute *row = k < e->n_attributes ? &e->attributes[k] : e->text;
          g_autoptr (GHashTable) seen
              = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_autofree char *label = NULL;

          if (row == NULL || row->type == LGR_FIELD_VERSION)
            continue;
          for (guint seed = 1; seed <= 20 && g_hash_table_size (seen) < 2; seed++)
            {
              g_autoptr (LgrStudy) study = random_study (seed);
              g_autoptr (GArray) objects = objects_of (study, el);
              for (guint i = 0; i < objects->len; i++)
                g_hash_table_add (seen,
                                  field_string (row, g_array_index (objects, Found, i).object));
            }
          label = field_label (el, row);
          if (g_hash_table_size (seen) < 2)
            g_error ("the random studies of lgr-test-random.c never vary %s", label);
        }
    }
}

/* Sets the field to a value its rule refuses (FALSE: none for this type). */
static gboolean
break_field (const LgrSchemaAttribute *row, gpointer object, guint c)
{
  static const double out_of_range[] = { -1e9, 1e9, -0.5 };
  static const double too_much = 150;

  switch (row->type)
    {
    case LGR_FIELD_INT:
    case LGR_FIELD_NUMBER:
    case LGR_FIELD_COHORT_VALUE:
      {
        LgrRange range = row->type == LGR_FIELD_COHORT_VALUE
                             ? lgr_cohort_range (((LgrLever *)object)->basis)
                             : row->range;
        if (c >= G_N_ELEMENTS (out_of_range) || lgr_range_contains (range, out_of_range[c]))
          return FALSE;
        if (row->type == LGR_FIELD_INT)
          {
            G_STRUCT_MEMBER (int, object, row->offset) = (int)CLAMP (out_of_range[c], -1e8, 1e8);
            if (row->has_offset != 0)
              G_STRUCT_MEMBER (gboolean, object, row->has_offset) = TRUE;
          }
        else
          G_STRUCT_MEMBER (double, object, row->offset) = out_of_range[c];
        if (row->has_offset != 0)
          G_STRUCT_MEMBER (gboolean, object, row->has_offset) = TRUE;
        return TRUE;
      }
    case LGR_FIELD_ENUM:
      G_STRUCT_MEMBER (int, object, row->offset) = (int)g_strv_length ((char **)row->names);
      return c == 0;
    case LGR_FIELD_TEXT:
    case LGR_FIELD_ID:
      if (c == 1)
        {
          /* one character too long */
          g_autofree char *text = g_strnfill (lgr_length_max (row->length) + 1, 'x');
          set_string (object, row->offset, text);
          return TRUE;
        }
      if (row->type == LGR_FIELD_ID)
        {
          set_string (object, row->offset, "not an id");
          return c == 0;
        }
      set_string (object, row->offset, c == 0 ? "a\001b" : "  ");
      return c == 0 || (c == 2 && row->required);
    case LGR_FIELD_COLOUR:
      set_string (object, row->offset, "blue");
      return c == 0;
    case LGR_FIELD_PROFILE:
      lgr_profile_set (&G_STRUCT_MEMBER (LgrProfile, object, row->offset), &too_much, 1);
      return c == 0;
    case LGR_FIELD_BOOL:
    case LGR_FIELD_VERSION:
    default:
      return FALSE;
    }
}

/* lgr_study_validate() (what editors check before they change a study, and what a save checks)
 * refuses every value the loader would refuse: a field whose rule is missing from lgr-rules.c
 * would let the window save a file that does not load. */
static void
test_validate_checks_every_field (void)
{
  for (guint el = 0; el < LGR_N_ELEMENTS; el++)
    {
      const LgrSchemaElement *e = lgr_schema_element (el);
      for (guint k = 0; k <= e->n_attributes; k++)
        {
          const LgrSchemaAttribute *row = k < e->n_attributes ? &e->attributes[k] : e->text;
          g_autofree char *label = NULL;
          guint seed = 1;

          if (row == NULL || row->type == LGR_FIELD_VERSION || row->type == LGR_FIELD_BOOL)
            continue;
          label = field_label (el, row);
          for (guint c = 0;; c++)
            {
              g_autoptr (LgrStudy) broken = NULL;
              g_autoptr (GArray) objects = NULL;
              g_autofree char *value = NULL;

              /* a random study that has such an object */
              for (;; seed++)
                {
                  g_autoptr (LgrStudy) candidate = random_study (seed);
                  g_autoptr (GArray) found = objects_of (candidate, el);
                  g_assert_cmpuint (seed, <, 100);
                  if (found->len > 0)
                    break;
                }
              broken = random_study (seed);
              objects = objects_of (broken, el);
              if (!break_field (row, g_array_index (objects, Found, 0).object, c))
                break;
              value = field_string (row, g_array_index (objects, Found, 0).object);
              if (lgr_study_validate (broken, NULL, NULL))
                g_error ("lgr_study_validate() accepts %s = %s: check it in lgr-study-validate.c",
                         label, value);
            }
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/schema/rng-studies", test_rng_studies);
  g_test_add_func ("/core/schema/rng-matches-table", test_rng_matches_table);
  g_test_add_func ("/core/schema/every-field-changes", test_every_field_changes);
  g_test_add_func ("/core/schema/validate-checks-every-field", test_validate_checks_every_field);
  g_test_add_func ("/core/schema/random-studies-vary-every-field",
                   test_random_studies_vary_every_field);
  return g_test_run ();
}
