/* lgr-study-schema-walk.c: walking a study by the schema table (lgr-study-schema.c): the
 * objects whose fields an element fills, for the writer's tests, equality and test-schema.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-study-schema.h"

gboolean
lgr_schema_element_applies (LgrElement element, gconstpointer object)
{
  const LgrItem *item = object;
  switch (element)
    {
    case LGR_ELEMENT_SPREAD:
      return item->pattern == LGR_ITEM_PATTERN_SPREAD;
    case LGR_ELEMENT_RECURRING:
      return item->pattern == LGR_ITEM_PATTERN_RECURRING;
    case LGR_ELEMENT_VALUES:
      return item->pattern == LGR_ITEM_PATTERN_VALUES;
    default:
      return TRUE;
    }
}

void
lgr_schema_foreach_object (LgrStudy *study, LgrObjectKind kind, LgrSchemaObjectFunc func,
                           gpointer user_data)
{
  if (kind == LGR_OBJECT_STUDY)
    func (study, NULL, user_data);
  for (guint b = 0; b < study->benchmark_bands->len; b++)
    {
      LgrBenchmarkBand *band = g_ptr_array_index (study->benchmark_bands, b);
      if (kind == LGR_OBJECT_BAND)
        func (band, NULL, user_data);
      for (guint c = 0; kind == LGR_OBJECT_COST && c < band->costs->len; c++)
        func (&g_array_index (band->costs, LgrBenchmarkCost, c), NULL, user_data);
    }
  for (guint s = 0; s < study->scenarios->len; s++)
    {
      LgrScenario *scenario = g_ptr_array_index (study->scenarios, s);
      if (kind == LGR_OBJECT_SCENARIO)
        func (scenario, scenario, user_data);
      for (guint i = 0; kind == LGR_OBJECT_AUTHORITY && i < scenario->authorities->len; i++)
        func (g_ptr_array_index (scenario->authorities, i), scenario, user_data);
      for (guint i = 0; kind == LGR_OBJECT_LEVER && i < scenario->levers->len; i++)
        func (g_ptr_array_index (scenario->levers, i), scenario, user_data);
      for (guint i = 0; i < scenario->items->len; i++)
        {
          LgrItem *item = g_ptr_array_index (scenario->items, i);
          if (kind == LGR_OBJECT_ITEM)
            func (item, scenario, user_data);
          for (guint v = 0; kind == LGR_OBJECT_YEAR_VALUE
                            && item->pattern == LGR_ITEM_PATTERN_VALUES && v < item->values->len;
               v++)
            func (&g_array_index (item->values, LgrYearValue, v), scenario, user_data);
        }
      for (guint i = 0; kind == LGR_OBJECT_PUBLISHED && i < scenario->published->len; i++)
        func (g_ptr_array_index (scenario->published, i), scenario, user_data);
    }
  for (guint i = 0; i < study->snapshots->len; i++)
    {
      LgrSnapshot *snapshot = g_ptr_array_index (study->snapshots, i);
      if (kind == LGR_OBJECT_SNAPSHOT)
        func (snapshot, NULL, user_data);
      for (guint k = 0; kind == LGR_OBJECT_SET && k < snapshot->sets->len; k++)
        func (g_ptr_array_index (snapshot->sets, k), NULL, user_data);
    }
}
