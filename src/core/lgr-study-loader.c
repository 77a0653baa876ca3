/* lgr-study-loader.c: building a study from a .lgr file through the schema table.
 *
 * The reader (lgr-study-reader.c) hands over elements, attributes and text; the loader checks
 * each against the table of lgr-study-schema.c as it arrives (element order, attributes, types,
 * ranges, required parts) and fills the model, so the first problem in the file is the one
 * reported, with the line of the element or attribute that carries it.
 *
 * Text: <title>, <description>, <source> and <value> hold text. Leading and trailing white
 * space is removed; line breaks inside are kept as written. A <value> is a number that may
 * have white space around it (the number itself is read strictly).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-study-io.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lgr-core-resources.h"
#include "lgr-rules.h"
#include "lgr-study-loader-state.h"

#define BUNDLED_PATH "/io/github/lgrexplorer/Explorer/studies/warwickshire.lgr"
#define BUNDLED_NAME "warwickshire.lgr"

static gboolean
failed (const LgrLoader *l)
{
  return lgr_reader_failed (l->reader);
}

static const char *
element_name (LgrElement el)
{
  return lgr_schema_element (el)->name;
}

static const char *
attr_required (LgrLoaderAttrs *a, const char *name)
{
  const LgrReaderAttribute *attr = lgr_loader_attr_find (a, name);
  if (attr == NULL)
    {
      lgr_loader_fail (a->loader, LGR_STUDY_ERROR_INVALID, a->frame->line, a->frame->owner,
                       /* Translators: "<cohort> needs a “target” attribute" */
                       _ ("<%s> needs a “%s” attribute"), element_name (a->frame->el), name);
      return NULL;
    }
  return attr->value;
}

/* The name of a value in messages (translated only for a message). */
static const char *
what_of (const LgrSchemaAttribute *row, gconstpointer object)
{
  if (row->type == LGR_FIELD_COHORT_VALUE)
    return lgr_cohort_value_name (((const LgrLever *)object)->basis,
                                  g_str_has_prefix (row->name, "target"));
  return _ (row->what);
}

static gboolean
read_number (LgrLoaderAttrs *a, const LgrSchemaAttribute *row, const char *text, gpointer object)
{
  GError *detail = NULL;
  LgrRange range = row->type == LGR_FIELD_COHORT_VALUE
                       ? lgr_cohort_range (((const LgrLever *)object)->basis)
                       : row->range;
  double v;

  if (!(lgr_parse_number_for (text, NULL, &v, NULL) && lgr_range_contains (range, v))
      && (!lgr_parse_number_for (text, what_of (row, object), &v, &detail)
          || !lgr_check_range (range, v, what_of (row, object), &detail)))
    {
      lgr_loader_attr_fail_with (a, row->name, detail);
      return FALSE;
    }
  G_STRUCT_MEMBER (double, object, row->offset) = v;
  if (row->has_offset != 0)
    G_STRUCT_MEMBER (gboolean, object, row->has_offset) = TRUE;
  return TRUE;
}

static gboolean
read_int (LgrLoaderAttrs *a, const LgrSchemaAttribute *row, const char *text, gpointer object)
{
  GError *detail = NULL;
  int v;

  if (!(lgr_parse_int_for (text, NULL, &v, NULL) && lgr_range_contains (row->range, v))
      && (!lgr_parse_int_for (text, _ (row->what), &v, &detail)
          || !lgr_check_range (row->range, v, _ (row->what), &detail)))
    {
      lgr_loader_attr_fail_with (a, row->name, detail);
      return FALSE;
    }
  G_STRUCT_MEMBER (int, object, row->offset) = v;
  if (row->has_offset != 0)
    G_STRUCT_MEMBER (gboolean, object, row->has_offset) = TRUE;
  return TRUE;
}

static gboolean
read_bool (LgrLoaderAttrs *a, const LgrSchemaAttribute *row, const char *text, gpointer object)
{
  gboolean *out = &G_STRUCT_MEMBER (gboolean, object, row->offset);
  if (strcmp (text, "true") == 0)
    *out = TRUE;
  else if (strcmp (text, "false") == 0)
    *out = FALSE;
  else
    {
      lgr_loader_fail (a->loader, LGR_STUDY_ERROR_INVALID, lgr_loader_attr_line (a, row->name),
                       a->frame->owner,
                       /* Translators: "enabled “yes” must be true or false" */
                       _ ("%s “%s” must be true or false"), row->name, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_enum (LgrLoaderAttrs *a, const LgrSchemaAttribute *row, const char *text, gpointer object)
{
  const char *const *names = row->names;
  g_autoptr (GString) choices = NULL;

  for (int i = 0; names[i]; i++)
    if (strcmp (names[i], text) == 0)
      {
        G_STRUCT_MEMBER (int, object, row->offset) = i;
        return TRUE;
      }
  choices = g_string_new (NULL);
  for (int i = 0; names[i]; i++)
    {
      if (i > 0)
        g_string_append (choices, names[i + 1] ? ", " : _ (" or "));
      g_string_append (choices, names[i]);
    }
  lgr_loader_fail (a->loader, LGR_STUDY_ERROR_INVALID, lgr_loader_attr_line (a, row->name),
                   a->frame->owner,
                   /* Translators: "basis “people” is not one of count, child-population or
                      population" */
                   _ ("%s “%s” is not one of %s"), row->name, text, choices->str);
  return FALSE;
}

static gboolean
read_string (LgrLoaderAttrs *a, const LgrSchemaAttribute *row, const char *text, gpointer object)
{
  char **out = &G_STRUCT_MEMBER (char *, object, row->offset);
  GError *detail = NULL;
  gboolean ok = TRUE;

  switch (row->type)
    {
    case LGR_FIELD_ID:
      ok = lgr_check_id (text, &detail);
      break;
    case LGR_FIELD_COLOUR:
      ok = lgr_check_colour (text, &detail);
      break;
    default:
      ok = lgr_text_is_valid (text, row->required)
           || lgr_check_text (text, _ (row->what), row->required, &detail);
      break;
    }
  if (!ok)
    {
      lgr_loader_attr_fail_with (a, row->name, detail);
      return FALSE;
    }
  g_free (*out);
  *out = g_strdup (text);
  return TRUE;
}

static gboolean
read_profile (LgrLoaderAttrs *a, const LgrSchemaAttribute *row, const char *text, gpointer object)
{
  GError *detail = NULL;
  if (!lgr_parse_profile (text, &G_STRUCT_MEMBER (LgrProfile, object, row->offset), &detail))
    {
      lgr_loader_attr_fail_with (a, row->name, detail);
      return FALSE;
    }
  return TRUE;
}

/* Reads one attribute by its row: an absent optional one takes its default (an int its
 * has-flag FALSE, a string or profile keeps what the object has). */
static gboolean
read_attribute (LgrLoaderAttrs *a, const LgrSchemaAttribute *row, gpointer object)
{
  const LgrReaderAttribute *attr = lgr_loader_attr_find (a, row->name);
  const char *text;
  gboolean ok = FALSE;

  if (row->type == LGR_FIELD_VERSION)
    return TRUE; /* the element's handler read it */
  if (attr == NULL && !row->required)
    {
      switch (row->type)
        {
        case LGR_FIELD_NUMBER:
        case LGR_FIELD_COHORT_VALUE:
          G_STRUCT_MEMBER (double, object, row->offset) = row->fallback;
          if (row->has_offset != 0)
            G_STRUCT_MEMBER (gboolean, object, row->has_offset) = FALSE;
          break;
        case LGR_FIELD_BOOL:
          G_STRUCT_MEMBER (gboolean, object, row->offset) = row->fallback != 0;
          break;
        case LGR_FIELD_ENUM:
          G_STRUCT_MEMBER (int, object, row->offset) = (int)row->fallback;
          break;
        case LGR_FIELD_INT:
          if (row->has_offset != 0)
            G_STRUCT_MEMBER (gboolean, object, row->has_offset) = FALSE;
          break;
        default:
          break;
        }
      return TRUE;
    }
  if ((text = attr_required (a, row->name)) == NULL)
    return FALSE;
  if (!lgr_check_length (text, row->length, NULL, NULL))
    {
      GError *detail = NULL;
      lgr_check_length (text, row->length, what_of (row, object), &detail);
      lgr_loader_attr_fail_with (a, row->name, detail);
      return FALSE;
    }

  switch (row->type)
    {
    case LGR_FIELD_INT:
      ok = read_int (a, row, text, object);
      break;
    case LGR_FIELD_NUMBER:
    case LGR_FIELD_COHORT_VALUE:
      ok = read_number (a, row, text, object);
      break;
    case LGR_FIELD_BOOL:
      ok = read_bool (a, row, text, object);
      break;
    case LGR_FIELD_ENUM:
      ok = read_enum (a, row, text, object);
      break;
    case LGR_FIELD_TEXT:
    case LGR_FIELD_ID:
    case LGR_FIELD_COLOUR:
      ok = read_string (a, row, text, object);
      break;
    case LGR_FIELD_PROFILE:
      ok = read_profile (a, row, text, object);
      break;
    case LGR_FIELD_VERSION:
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    return FALSE;
  if (row->names_object)
    {
      LgrLoaderFrame *frame = a->frame;
      frame->kind = lgr_schema_element (frame->el)->kind;
      g_free (frame->id);
      frame->id = g_strdup (G_STRUCT_MEMBER (char *, object, row->offset));
      frame->owner = frame;
    }
  return row->rule == NULL || row->rule (a->loader, a, row, object);
}

/* Events from the reader */

static void
on_start_element (LgrReader *reader, gpointer data, const LgrReaderElement *e)
{
  LgrLoader *l = data;
  const char *name = e->name;
  LgrLoaderFrame *parent = l->depth > 0 ? &l->stack[l->depth - 1] : NULL;
  LgrLoaderFrame *frame;
  const LgrSchemaElement *schema;
  LgrLoaderAttrs a = { 0 };
  LgrElement el;
  int line = e->line;
  gpointer object;

  l->reader = reader;
  if (e->prefix != NULL || e->has_uri)
    {
      lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, line, parent ? parent->owner : NULL,
                       _ ("unknown element <%s%s%s> (study files use no XML namespaces)"),
                       e->prefix ? e->prefix : "", e->prefix ? ":" : "", name);
      return;
    }
  if (e->declares_namespaces)
    {
      lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, line, parent ? parent->owner : NULL,
                       _ ("<%s> declares an XML namespace (xmlns), which study files do not use"),
                       name);
      return;
    }

  if (parent == NULL)
    {
      if (strcmp (name, element_name (LGR_ELEMENT_STUDY)) != 0)
        {
          lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, line, NULL,
                           _ ("this is not an LGR Explorer study: it starts with <%s>, not "
                              "<lgr-study>"),
                           name);
          return;
        }
      el = LGR_ELEMENT_STUDY;
    }
  else
    {
      const char *where = element_name (parent->el);
      const LgrSchemaChild *rule;

      if (lgr_schema_element (parent->el)->text != NULL)
        {
          lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, line, parent->owner,
                           _ ("<%s> holds text only, not elements such as <%s>"), where, name);
          return;
        }
      rule = lgr_schema_find_child (parent->el, name);
      if (rule == NULL)
        {
          if (lgr_schema_is_element_name (name))
            lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, line, parent->owner,
                             /* Translators: "<cohort> does not belong inside <item>" */
                             _ ("<%s> does not belong inside <%s>"), name, where);
          else
            lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, line, parent->owner,
                             /* Translators: "unknown element <colour> inside <lever>" */
                             _ ("unknown element <%s> inside <%s>"), name, where);
          return;
        }
      if ((int)rule->slot < parent->last_slot)
        {
          lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, line, parent->owner,
                           /* Translators: "<authority> must come before <lever>" */
                           _ ("<%s> must come before <%s>"), name, parent->last_child);
          return;
        }
      if ((int)rule->slot == parent->last_slot && rule->max > 0 && parent->slot_count >= rule->max)
        {
          if (parent->el == LGR_ELEMENT_ITEM && rule->slot == 0)
            lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, line, parent->owner,
                             _ ("an item has exactly one of <spread>, <recurring> and <values>, "
                                "and this one has <%s> and <%s>"),
                             parent->last_child, name);
          else
            lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, line, parent->owner,
                             _ ("<%s> is given twice inside <%s>"), name, where);
          return;
        }
      if ((int)rule->slot != parent->last_slot)
        {
          parent->last_slot = rule->slot;
          parent->slot_count = 0;
        }
      parent->slot_count++;
      parent->last_child = element_name (rule->child);
      parent->seen |= 1u << rule->child;
      el = rule->child;
    }
  schema = lgr_schema_element (el);

  frame = &l->stack[l->depth++];
  *frame = (LgrLoaderFrame){ 0 };
  frame->el = el;
  frame->line = line;
  frame->last_slot = -1;
  frame->owner = parent ? parent->owner : NULL;

  /* A newer version may have anything: say so before anything else. */
  if (el == LGR_ELEMENT_STUDY)
    for (guint i = 0; i < e->n_attributes; i++)
      if (e->attributes[i].prefix == NULL && strcmp (e->attributes[i].name, "version") == 0)
        {
          int v;
          if (lgr_parse_int (e->attributes[i].value, &v, NULL) && v > LGR_FORMAT_VERSION)
            {
              lgr_loader_fail (l, LGR_STUDY_ERROR_VERSION,
                               lgr_reader_attribute_line (reader, line, e->attributes[i].index),
                               NULL,
                               _ ("this study was made by a newer version of LGR Explorer (file "
                                  "format version %d; this version reads version %d): please "
                                  "update LGR Explorer"),
                               v, LGR_FORMAT_VERSION);
              lgr_reader_stop (reader);
              return;
            }
        }

  /* Attributes: only those of the table */
  for (guint i = 0; i < e->n_attributes; i++)
    {
      const LgrReaderAttribute *attr = &e->attributes[i];
      gboolean known = FALSE;

      for (guint k = 0; k < schema->n_attributes && attr->prefix == NULL && !known; k++)
        known = strcmp (schema->attributes[k].name, attr->name) == 0;
      if (!known)
        {
          lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID,
                           lgr_reader_attribute_line (reader, line, attr->index), frame->owner,
                           /* Translators: "unknown attribute “colour” on <cohort>" */
                           _ ("unknown attribute “%s%s%s” on <%s>"),
                           attr->prefix ? attr->prefix : "", attr->prefix ? ":" : "", attr->name,
                           schema->name);
          return;
        }
    }

  a.loader = l;
  a.frame = frame;
  a.element = e;
  object = schema->begin ? schema->begin (l, &a) : l->objects[schema->object];
  if (object == NULL)
    return;
  frame->object = object;
  for (guint k = 0; k < schema->n_attributes; k++)
    if (!read_attribute (&a, &schema->attributes[k], object))
      return;
  if (schema->attributes_done)
    schema->attributes_done (l, &a, object);
  if (schema->text != NULL)
    g_string_truncate (l->text, 0);
}

static void
require_child (LgrLoader *l, LgrLoaderFrame *frame, LgrElement child)
{
  g_autofree char *owner = NULL;

  if (failed (l) || (frame->seen & (1u << child)))
    return;
  owner = frame->owner ? lgr_loader_describe (frame->owner) : g_strdup (_ ("the study"));
  lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, frame->line, NULL,
                   /* Translators: "lever “north-lac” has no <unit-cost>" */
                   _ ("%s has no <%s>"), owner, element_name (child));
}

static void
on_end_element (LgrReader *reader, gpointer data)
{
  LgrLoader *l = data;
  LgrLoaderFrame *frame;
  const LgrSchemaElement *schema;
  g_autofree char *text = NULL;

  l->reader = reader;
  if (l->depth == 0)
    return;
  frame = &l->stack[l->depth - 1];
  schema = lgr_schema_element (frame->el);

  if (schema->text != NULL)
    {
      /* The text, without surrounding white space */
      GError *detail = NULL;

      text = g_strstrip (g_strndup (l->text->str, l->text->len));
      g_string_truncate (l->text, 0);
      if (!lgr_check_length (text, schema->text->length, NULL, NULL))
        {
          lgr_check_length (text, schema->text->length, _ (schema->text->what), &detail);
          lgr_loader_fail_with (l, frame->line, frame->owner, detail);
          return;
        }
      if (schema->text->type == LGR_FIELD_TEXT)
        {
          char **out = &G_STRUCT_MEMBER (char *, frame->object, schema->text->offset);
          if (!lgr_text_is_valid (text, schema->text->required)
              && !lgr_check_text (text, _ (schema->text->what), schema->text->required, &detail))
            {
              lgr_loader_fail_with (l, frame->line, NULL, detail);
              return;
            }
          g_free (*out);
          *out = g_steal_pointer (&text);
        }
    }
  for (guint i = 0; i < schema->n_children; i++)
    if (schema->children[i].required)
      require_child (l, frame, schema->children[i].child);
  if (schema->end != NULL && !failed (l))
    schema->end (l, frame, frame->object, text);

  g_clear_pointer (&frame->id, g_free);
  l->depth--;
}

static void
on_text (LgrReader *reader, gpointer data, const char *ch, gsize len)
{
  LgrLoader *l = data;
  LgrLoaderFrame *frame;

  l->reader = reader;
  if (l->depth == 0)
    return;
  frame = &l->stack[l->depth - 1];
  if (lgr_schema_element (frame->el)->text != NULL)
    {
      const LgrSchemaAttribute *row = lgr_schema_element (frame->el)->text;
      /* Refused as it arrives: a character is at most 4 bytes, and white space around the
       * text (removed later) is allowed a little room. */
      if (l->text->len + len > 4 * (gsize)lgr_length_max (row->length) + 4096)
        {
          lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, frame->line, frame->owner,
                           /* Translators: "the title is longer than 200 characters" */
                           _ ("%s is longer than %u characters"), _ (row->what),
                           lgr_length_max (row->length));
          lgr_reader_stop (reader);
          return;
        }
      g_string_append_len (l->text, ch, len);
      return;
    }
  for (gsize i = 0; i < len; i++)
    if (ch[i] != ' ' && ch[i] != '\t' && ch[i] != '\n' && ch[i] != '\r')
      {
        int line = lgr_reader_text_line (reader, ch + i, ch + len);
        g_autofree char *shown = g_strndup (ch + i, MIN (len - i, 20));
        g_strdelimit (shown, "\n\r\t", ' ');
        if (!g_utf8_validate (shown, -1, NULL))
          {
            g_free (shown);
            shown = g_strdup ("…");
          }
        lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, line, frame->owner,
                         _ ("text “%s” is not allowed directly inside <%s>"), g_strstrip (shown),
                         element_name (frame->el));
        return;
      }
}

static const LgrReaderHandlers handlers = {
  .start_element = on_start_element,
  .end_element = on_end_element,
  .text = on_text,
};

LgrStudy *
lgr_study_load_data (const char *data, gsize length, const char *display_name, GError **error)
{
  LgrLoader l = { 0 };
  GError *local = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  if (display_name == NULL)
    display_name = _ ("study");

  l.text = g_string_new (NULL);
  l.scenario_ids = g_hash_table_new (g_str_hash, g_str_equal);
  l.object_ids = g_hash_table_new (g_str_hash, g_str_equal);
  l.authority_ids = g_hash_table_new (g_str_hash, g_str_equal);
  l.years = g_hash_table_new (NULL, NULL);
  l.measures = g_hash_table_new (g_str_hash, g_str_equal);

  if (lgr_reader_parse (data, length, display_name, &handlers, &l, &local) && l.study == NULL)
    local = g_error_new (LGR_STUDY_ERROR, LGR_STUDY_ERROR_MALFORMED, "%s:1: %s", display_name,
                         _ ("the file has no <lgr-study> element"));

  for (int i = 0; i < l.depth; i++)
    g_free (l.stack[i].id);
  g_free (l.cost.measure);
  g_string_free (l.text, TRUE);
  g_hash_table_unref (l.scenario_ids);
  g_hash_table_unref (l.object_ids);
  g_hash_table_unref (l.authority_ids);
  g_hash_table_unref (l.years);
  g_hash_table_unref (l.measures);

  /* Everything was checked while reading; this is the same check editors use, to be sure the
   * two never disagree. */
  if (local == NULL)
    lgr_study_validate (l.study, display_name, &local);

  if (local != NULL)
    {
      g_propagate_error (error, local);
      lgr_study_free (l.study);
      return NULL;
    }
  return l.study;
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

/* What a file that is not a regular file is, for a message; NULL for a regular file. */
static const char *
not_regular (mode_t mode)
{
  if (S_ISREG (mode))
    return NULL;
  if (S_ISDIR (mode))
    return _ ("this is a folder, not a study file");
  if (S_ISFIFO (mode))
    return _ ("this is a pipe (FIFO), not a study file");
  if (S_ISSOCK (mode))
    return _ ("this is a socket, not a study file");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _ ("this is a device, not a study file");
  return _ ("this is not a regular file, so it is not a study file");
}

static void
set_too_large (GError **error, const char *name, goffset size)
{
  g_autofree char *shown
      = size > 0 ? g_format_size_full ((guint64)size, G_FORMAT_SIZE_IEC_UNITS) : NULL;
  if (shown != NULL)
    g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_UNSAFE,
                 _ ("%s: the file is too large (%s): a study file may have at most 16 MiB"), name,
                 shown);
  else
    g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_UNSAFE,
                 _ ("%s: the file is too large: a study file may have at most 16 MiB"), name);
}

/* Reads the file at path, named name in messages. Plain POSIX calls: the command line then never
 * starts GIO's VFS (no modules, no D-Bus). Only a regular file is read: it is opened without
 * waiting (a FIFO would otherwise block open(2) until a writer comes) and looked at before a
 * byte is read, so a pipe, a folder or a device (/dev/zero) is refused at once. */
static LgrStudy *
load_path_named (const char *path, const char *name, GError **error)
{
  g_autoptr (GByteArray) buffer = NULL;
  g_autoptr (GBytes) bytes = NULL;
  const char *what;
  struct stat st;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      if (saved == ENOENT)
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO, _ ("%s: there is no such file"),
                     name);
      else if (saved == EISDIR)
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO,
                     _ ("%s: this is a folder, not a study file"), name);
      else
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO, _ ("%s: cannot be read: %s"), name,
                     g_strerror (saved));
      return NULL;
    }
  if ((what = not_regular (st.st_mode)) != NULL)
    {
      close (fd);
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO, "%s: %s", name, what);
      return NULL;
    }
  if (st.st_size > LGR_MAX_FILE_SIZE)
    {
      close (fd);
      set_too_large (error, name, st.st_size);
      return NULL;
    }

  /* Read at most one byte more than the limit, whatever the file claims its size is (a file
   * can grow while it is read). */
  buffer = g_byte_array_sized_new ((guint)st.st_size + 1);
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
          set_too_large (error, name, 0);
          return NULL;
        }
    }
  close (fd);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
  return lgr_study_load_bytes (bytes, name, error);
}

/* A file with no local path (another GIO backend): its type is asked first, so nothing but a
 * regular file is ever opened. */
static LgrStudy *
load_remote_named (GFile *file, const char *name, GCancellable *cancellable, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GByteArray) buffer = NULL;
  g_autoptr (GBytes) bytes = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local);
  if (info == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO, _ ("%s: there is no such file"),
                     name);
      else
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO, _ ("%s: cannot be read: %s"), name,
                     local->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO,
                   _ ("%s: this is a folder, not a study file"), name);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO, "%s: %s", name,
                   _ ("this is not a regular file, so it is not a study file"));
      return NULL;
    }
  if (g_file_info_get_size (info) > LGR_MAX_FILE_SIZE)
    {
      set_too_large (error, name, g_file_info_get_size (info));
      return NULL;
    }
  stream = g_file_read (file, cancellable, &local);
  if (stream == NULL)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO, _ ("%s: cannot be read: %s"), name,
                   local->message);
      return NULL;
    }
  buffer = g_byte_array_new ();
  for (;;)
    {
      gsize chunk = 64 * 1024;
      guint old = buffer->len;
      gssize n;
      g_byte_array_set_size (buffer, old + chunk);
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + old, chunk, cancellable,
                               &local);
      if (n < 0)
        {
          g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO, _ ("%s: cannot be read: %s"),
                       name, local->message);
          return NULL;
        }
      g_byte_array_set_size (buffer, old + n);
      if (n == 0)
        break;
      if (buffer->len > LGR_MAX_FILE_SIZE)
        {
          set_too_large (error, name, 0);
          return NULL;
        }
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
  return lgr_study_load_bytes (bytes, name, error);
}

LgrStudy *
lgr_study_load_file (GFile *file, GCancellable *cancellable, GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  name = g_file_get_basename (file);
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_free (name);
      name = g_file_get_parse_name (file);
    }
  path = g_file_get_path (file);
  if (path != NULL)
    return load_path_named (path, name, error);
  return load_remote_named (file, name, cancellable, error);
}

/* Messages name the file as the caller wrote its path, as compilers do. */
LgrStudy *
lgr_study_load_path (const char *path, GError **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  if (*path == '\0')
    {
      g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO,
                           _ ("no file name was given (the study's file name is empty)"));
      return NULL;
    }
  name = g_filename_display_name (path);
  return load_path_named (path, name, error);
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
