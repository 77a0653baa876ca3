/* lgr-study-equal.c: lgr_study_equal() - whether two studies hold the same values.
 *
 * Every value the file stores, field by field from the schema table (lgr-study-schema.c), so a
 * field added to the table is compared with no change here; the structure (scenarios, their
 * authorities, levers and items, bands and their costs, an item's values) is walked below.
 * Doubles are compared bit for bit (a round trip must give the identical double, not a close
 * one). Line numbers are not data and are ignored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-study.h"

#include <string.h>

#include "lgr-study-schema.h"

static gboolean
same_double (double a, double b)
{
  return memcmp (&a, &b, sizeof a) == 0;
}

static gboolean
same_field (const LgrSchemaAttribute *row, gconstpointer a, gconstpointer b)
{
  switch (row->type)
    {
    case LGR_FIELD_INT:
    case LGR_FIELD_NUMBER:
    case LGR_FIELD_COHORT_VALUE:
      if (row->has_offset != 0)
        {
          gboolean given = G_STRUCT_MEMBER (gboolean, a, row->has_offset);
          if (!given != !G_STRUCT_MEMBER (gboolean, b, row->has_offset))
            return FALSE;
          if (!given)
            return TRUE; /* the value is not used */
        }
      if (row->type == LGR_FIELD_INT)
        return G_STRUCT_MEMBER (int, a, row->offset) == G_STRUCT_MEMBER (int, b, row->offset);
      return same_double (G_STRUCT_MEMBER (double, a, row->offset),
                          G_STRUCT_MEMBER (double, b, row->offset));
    case LGR_FIELD_BOOL:
      return !G_STRUCT_MEMBER (gboolean, a, row->offset)
             == !G_STRUCT_MEMBER (gboolean, b, row->offset);
    case LGR_FIELD_ENUM:
      return G_STRUCT_MEMBER (int, a, row->offset) == G_STRUCT_MEMBER (int, b, row->offset);
    case LGR_FIELD_PROFILE:
      return lgr_profile_equal (&G_STRUCT_MEMBER (LgrProfile, a, row->offset),
                                &G_STRUCT_MEMBER (LgrProfile, b, row->offset));
    case LGR_FIELD_TEXT:
    case LGR_FIELD_ID:
    case LGR_FIELD_COLOUR:
      {
        const char *sa = G_STRUCT_MEMBER (const char *, a, row->offset);
        const char *sb = G_STRUCT_MEMBER (const char *, b, row->offset);
        /* A text the file does not write when empty: empty and none are the same (a file
         * cannot tell them apart). */
        if (row->write == LGR_WRITE_IF_NOT_EMPTY)
          {
            sa = sa && *sa ? sa : NULL;
            sb = sb && *sb ? sb : NULL;
          }
        return g_strcmp0 (sa, sb) == 0;
      }
    case LGR_FIELD_VERSION:
    default:
      return TRUE;
    }
}

/* Every field of the table that an object of that kind has (for an item, those of its
 * pattern: the caller has checked that both have the same), colours too unless told not. */
static gboolean
same_fields_but (LgrObjectKind kind, gconstpointer a, gconstpointer b, gboolean colours)
{
  for (guint el = 0; el < LGR_N_ELEMENTS; el++)
    {
      const LgrSchemaElement *e = lgr_schema_element (el);
      if (e->object != kind || !lgr_schema_element_applies (el, a))
        continue;
      for (guint i = 0; i < e->n_attributes; i++)
        if ((colours || e->attributes[i].type != LGR_FIELD_COLOUR)
            && !same_field (&e->attributes[i], a, b))
          return FALSE;
      if (e->text != NULL && !same_field (e->text, a, b))
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_fields (LgrObjectKind kind, gconstpointer a, gconstpointer b)
{
  return same_fields_but (kind, a, b, TRUE);
}

static gboolean
same_objects (LgrObjectKind kind, const GPtrArray *a, const GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!same_fields (kind, g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

static gboolean
same_values (LgrObjectKind kind, const GArray *a, const GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!same_fields (kind, a->data + i * g_array_get_element_size ((GArray *)a),
                      b->data + i * g_array_get_element_size ((GArray *)b)))
      return FALSE;
  return TRUE;
}

static gboolean
item_equal (const LgrItem *a, const LgrItem *b)
{
  return a->pattern == b->pattern && same_fields (LGR_OBJECT_ITEM, a, b)
         && (a->pattern != LGR_ITEM_PATTERN_VALUES
             || same_values (LGR_OBJECT_YEAR_VALUE, a->values, b->values));
}

static gboolean
scenario_equal (const LgrScenario *a, const LgrScenario *b, gboolean colours)
{
  if (!same_fields_but (LGR_OBJECT_SCENARIO, a, b, colours)
      || !same_objects (LGR_OBJECT_AUTHORITY, a->authorities, b->authorities)
      || !same_objects (LGR_OBJECT_LEVER, a->levers, b->levers) || a->items->len != b->items->len
      || !same_objects (LGR_OBJECT_PUBLISHED, a->published, b->published))
    return FALSE;
  for (guint i = 0; i < a->items->len; i++)
    if (!item_equal (g_ptr_array_index (a->items, i), g_ptr_array_index (b->items, i)))
      return FALSE;
  return TRUE;
}

gboolean
lgr_study_equal (const LgrStudy *a, const LgrStudy *b)
{
  if (!same_fields (LGR_OBJECT_STUDY, a, b)
      || !same_objects (LGR_OBJECT_BAND, a->benchmark_bands, b->benchmark_bands)
      || a->scenarios->len != b->scenarios->len)
    return FALSE;
  for (guint n = 0; n < a->benchmark_bands->len; n++)
    {
      const LgrBenchmarkBand *band_a = g_ptr_array_index (a->benchmark_bands, n);
      const LgrBenchmarkBand *band_b = g_ptr_array_index (b->benchmark_bands, n);
      if (!same_values (LGR_OBJECT_COST, band_a->costs, band_b->costs))
        return FALSE;
    }
  for (guint i = 0; i < a->scenarios->len; i++)
    if (!scenario_equal (g_ptr_array_index (a->scenarios, i), g_ptr_array_index (b->scenarios, i),
                         TRUE))
      return FALSE;
  if (!same_objects (LGR_OBJECT_SNAPSHOT, a->snapshots, b->snapshots))
    return FALSE;
  for (guint i = 0; i < a->snapshots->len; i++)
    {
      const LgrSnapshot *snapshot_a = g_ptr_array_index (a->snapshots, i);
      const LgrSnapshot *snapshot_b = g_ptr_array_index (b->snapshots, i);
      if (!same_objects (LGR_OBJECT_SET, snapshot_a->sets, snapshot_b->sets))
        return FALSE;
    }
  return TRUE;
}

gboolean
lgr_scenario_same_content (const LgrScenario *a, const LgrScenario *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return scenario_equal (a, b, FALSE);
}

gboolean
lgr_lever_equal (const LgrLever *a, const LgrLever *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return same_fields (LGR_OBJECT_LEVER, a, b);
}

gboolean
lgr_item_equal (const LgrItem *a, const LgrItem *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return item_equal (a, b);
}
