/* lgr-study-writer.c: writing .lgr study files from the schema table.
 *
 * The layout of docs/format.md: two spaces per level, attributes in the order of the table,
 * numbers in the shortest form that reads back as the identical double (dot decimals whatever
 * the locale). Saving replaces the file atomically (lgr-file-replace.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-study-io.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lgr-file-replace.h"
#include "lgr-rules.h"
#include "lgr-study-schema.h"

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
append_number (GString *out, double value)
{
  g_autofree char *s = lgr_number_to_string (value);
  g_string_append (out, s);
}

/* Whether the row's attribute is written for this object. */
static gboolean
is_written (const LgrSchemaAttribute *row, gconstpointer object)
{
  switch (row->write)
    {
    case LGR_WRITE_IF_SET:
      if (row->has_offset != 0)
        return G_STRUCT_MEMBER (gboolean, object, row->has_offset);
      return G_STRUCT_MEMBER (const char *, object, row->offset) != NULL;
    case LGR_WRITE_IF_NOT_EMPTY:
      {
        const char *s = G_STRUCT_MEMBER (const char *, object, row->offset);
        return s != NULL && *s != '\0';
      }
    case LGR_WRITE_UNLESS_DEFAULT:
      return !G_STRUCT_MEMBER (gboolean, object, row->offset) != !row->fallback;
    case LGR_WRITE_ALWAYS:
    default:
      return TRUE;
    }
}

/* A value as the file writes it (attribute or text). */
static void
append_value (GString *out, const LgrSchemaAttribute *row, gconstpointer object, gboolean attribute)
{
  switch (row->type)
    {
    case LGR_FIELD_VERSION:
      g_string_append_printf (out, "%d", LGR_FORMAT_VERSION);
      break;
    case LGR_FIELD_INT:
      g_string_append_printf (out, "%d", G_STRUCT_MEMBER (int, object, row->offset));
      break;
    case LGR_FIELD_NUMBER:
    case LGR_FIELD_COHORT_VALUE:
      append_number (out, G_STRUCT_MEMBER (double, object, row->offset));
      break;
    case LGR_FIELD_BOOL:
      g_string_append (out, G_STRUCT_MEMBER (gboolean, object, row->offset) ? "true" : "false");
      break;
    case LGR_FIELD_ENUM:
      g_string_append (out, row->names[G_STRUCT_MEMBER (int, object, row->offset)]);
      break;
    case LGR_FIELD_PROFILE:
      {
        g_autofree char *s
            = lgr_profile_to_string (&G_STRUCT_MEMBER (LgrProfile, object, row->offset));
        g_string_append (out, s);
      }
      break;
    case LGR_FIELD_TEXT:
    case LGR_FIELD_ID:
    case LGR_FIELD_COLOUR:
    default:
      {
        const char *s = G_STRUCT_MEMBER (const char *, object, row->offset);
        append_escaped (out, s ? s : "", attribute);
      }
      break;
    }
}

/* "<name a="1" b="2"" at level: the caller closes the tag. */
static void
open_tag (GString *out, int level, LgrElement el, gconstpointer object)
{
  const LgrSchemaElement *e = lgr_schema_element (el);

  indent (out, level);
  g_string_append_printf (out, "<%s", e->name);
  for (guint i = 0; i < e->n_attributes; i++)
    {
      const LgrSchemaAttribute *row = &e->attributes[i];
      if (!is_written (row, object))
        continue;
      g_string_append_printf (out, " %s=\"", row->name);
      append_value (out, row, object, TRUE);
      g_string_append_c (out, '"');
    }
}

static void
empty_element (GString *out, int level, LgrElement el, gconstpointer object)
{
  open_tag (out, level, el, object);
  g_string_append (out, "/>\n");
}

static void
close_tag (GString *out, int level, LgrElement el)
{
  indent (out, level);
  g_string_append_printf (out, "</%s>\n", lgr_schema_element (el)->name);
}

/* A text element, if its text is written (a required one always is). */
static void
text_element (GString *out, int level, LgrElement el, gconstpointer object)
{
  const LgrSchemaElement *e = lgr_schema_element (el);

  if (!e->text->required && !is_written (e->text, object))
    return;
  open_tag (out, level, el, object);
  g_string_append_c (out, '>');
  append_value (out, e->text, object, FALSE);
  g_string_append_printf (out, "</%s>\n", e->name);
}

/* Empty unless it has a note, so that a file without notes keeps its bytes. */
static void
write_authority (GString *out, const LgrAuthority *authority)
{
  if (authority->source == NULL)
    {
      empty_element (out, 2, LGR_ELEMENT_AUTHORITY, authority);
      return;
    }
  open_tag (out, 2, LGR_ELEMENT_AUTHORITY, authority);
  g_string_append (out, ">\n");
  text_element (out, 3, LGR_ELEMENT_AUTHORITY_SOURCE, authority);
  close_tag (out, 2, LGR_ELEMENT_AUTHORITY);
}

static void
write_lever (GString *out, const LgrLever *lever)
{
  open_tag (out, 2, LGR_ELEMENT_LEVER, lever);
  g_string_append (out, ">\n");
  empty_element (out, 3, LGR_ELEMENT_COHORT, lever);
  empty_element (out, 3, LGR_ELEMENT_UNIT_COST, lever);
  empty_element (out, 3, LGR_ELEMENT_GROWTH, lever);
  empty_element (out, 3, LGR_ELEMENT_REALISATION, lever);
  text_element (out, 3, LGR_ELEMENT_LEVER_SOURCE, lever);
  close_tag (out, 2, LGR_ELEMENT_LEVER);
}

static void
write_item (GString *out, const LgrItem *item)
{
  open_tag (out, 2, LGR_ELEMENT_ITEM, item);
  g_string_append (out, ">\n");
  switch (item->pattern)
    {
    case LGR_ITEM_PATTERN_SPREAD:
      empty_element (out, 3, LGR_ELEMENT_SPREAD, item);
      break;
    case LGR_ITEM_PATTERN_RECURRING:
      empty_element (out, 3, LGR_ELEMENT_RECURRING, item);
      break;
    case LGR_ITEM_PATTERN_VALUES:
    default:
      if (item->values == NULL || item->values->len == 0)
        {
          empty_element (out, 3, LGR_ELEMENT_VALUES, item);
          break;
        }
      open_tag (out, 3, LGR_ELEMENT_VALUES, item);
      g_string_append (out, ">\n");
      for (guint i = 0; i < item->values->len; i++)
        text_element (out, 4, LGR_ELEMENT_VALUE, &g_array_index (item->values, LgrYearValue, i));
      close_tag (out, 3, LGR_ELEMENT_VALUES);
      break;
    }
  text_element (out, 3, LGR_ELEMENT_ITEM_SOURCE, item);
  close_tag (out, 2, LGR_ELEMENT_ITEM);
}

static void
write_benchmarks (GString *out, const LgrStudy *study)
{
  if (study->benchmarks_source == NULL && study->benchmark_bands->len == 0)
    return;
  open_tag (out, 1, LGR_ELEMENT_BENCHMARKS, study);
  if (study->benchmark_bands->len == 0)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");
  for (guint b = 0; b < study->benchmark_bands->len; b++)
    {
      const LgrBenchmarkBand *band = g_ptr_array_index (study->benchmark_bands, b);
      open_tag (out, 2, LGR_ELEMENT_BAND, band);
      if (band->costs->len == 0)
        {
          g_string_append (out, "/>\n");
          continue;
        }
      g_string_append (out, ">\n");
      for (guint c = 0; c < band->costs->len; c++)
        empty_element (out, 3, LGR_ELEMENT_COST, &g_array_index (band->costs, LgrBenchmarkCost, c));
      close_tag (out, 2, LGR_ELEMENT_BAND);
    }
  close_tag (out, 1, LGR_ELEMENT_BENCHMARKS);
}

char *
lgr_study_to_xml (const LgrStudy *study, gsize *length)
{
  GString *out = g_string_sized_new (16 * 1024);

  g_return_val_if_fail (study != NULL, NULL);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  open_tag (out, 0, LGR_ELEMENT_STUDY, study);
  g_string_append (out, ">\n");
  text_element (out, 1, LGR_ELEMENT_TITLE, study);
  text_element (out, 1, LGR_ELEMENT_DESCRIPTION, study);
  empty_element (out, 1, LGR_ELEMENT_TIMELINE, study);
  empty_element (out, 1, LGR_ELEMENT_SETTINGS, study);
  /* only when it says something: a study without it keeps its bytes */
  if (study->draws != 10000 || study->seed != 1 || study->default_range != 0)
    empty_element (out, 1, LGR_ELEMENT_UNCERTAINTY, study);
  write_benchmarks (out, study);

  for (guint s = 0; s < study->scenarios->len; s++)
    {
      const LgrScenario *scenario = g_ptr_array_index (study->scenarios, s);
      g_string_append (out, "\n");
      open_tag (out, 1, LGR_ELEMENT_SCENARIO, scenario);
      g_string_append (out, ">\n");
      text_element (out, 2, LGR_ELEMENT_SCENARIO_DESCRIPTION, scenario);
      if (scenario->has_benefit_realisation || scenario->has_cost_contingency
          || lgr_bounds_given (&scenario->benefit_realisation_range)
          || lgr_bounds_given (&scenario->cost_contingency_range))
        empty_element (out, 2, LGR_ELEMENT_SCENARIO_SETTINGS, scenario);
      for (guint i = 0; i < scenario->authorities->len; i++)
        write_authority (out, g_ptr_array_index (scenario->authorities, i));
      for (guint i = 0; i < scenario->levers->len; i++)
        write_lever (out, g_ptr_array_index (scenario->levers, i));
      for (guint i = 0; i < scenario->items->len; i++)
        write_item (out, g_ptr_array_index (scenario->items, i));
      for (guint i = 0; i < scenario->published->len; i++)
        text_element (out, 2, LGR_ELEMENT_PUBLISHED, g_ptr_array_index (scenario->published, i));
      close_tag (out, 1, LGR_ELEMENT_SCENARIO);
    }
  for (guint s = 0; s < study->snapshots->len; s++)
    {
      const LgrSnapshot *snapshot = g_ptr_array_index (study->snapshots, s);
      g_string_append (out, "\n");
      open_tag (out, 1, LGR_ELEMENT_SNAPSHOT, snapshot);
      g_string_append (out, ">\n");
      text_element (out, 2, LGR_ELEMENT_SNAPSHOT_NOTE, snapshot);
      for (guint i = 0; i < snapshot->sets->len; i++)
        text_element (out, 2, LGR_ELEMENT_SET, g_ptr_array_index (snapshot->sets, i));
      close_tag (out, 1, LGR_ELEMENT_SNAPSHOT);
    }
  close_tag (out, 0, LGR_ELEMENT_STUDY);

  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
lgr_study_save_file (const LgrStudy *study, GFile *file, GCancellable *cancellable, GError **error)
{
  return lgr_study_save_file_full (study, file, LGR_FILE_REPLACE_NONE, cancellable, error);
}

gboolean
lgr_study_save_file_full (const LgrStudy *study, GFile *file, LgrFileReplaceFlags flags,
                          GCancellable *cancellable, GError **error)
{
  g_autofree char *xml = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GError) local = NULL;
  gsize length = 0;

  g_return_val_if_fail (study != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!lgr_study_validate (study, NULL, error))
    {
      name = g_file_get_basename (file);
      if (name == NULL || !g_utf8_validate (name, -1, NULL))
        {
          g_free (name);
          name = g_file_get_parse_name (file);
        }
      g_prefix_error (error, _ ("Could not save “%s”: "), name);
      return FALSE;
    }

  xml = lgr_study_to_xml (study, &length);
  if (!lgr_file_replace_file_full (file, xml, length, flags, cancellable, &local))
    {
      /* A read-only file is a question for the user: its error is kept as it is. */
      if (local->domain == LGR_FILE_REPLACE_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      /* the message names the file already */
      g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO, local->message);
      return FALSE;
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
