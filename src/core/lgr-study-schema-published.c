/* lgr-study-schema-published.c: the rows of the schema table (lgr-study-schema.c) for a
 * scenario's <published> figures, kept apart so that the table's file stays under 1,000
 * lines. What a row cannot say (a year only for net and cumulative, within the timeline, a
 * figure given once) is lgr_published_check(), the rule lgr_study_validate() uses too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-study-schema.h"

#include <glib/gi18n-lib.h>

#include "lgr-published.h"
#include "lgr-study-loader-state.h"

gpointer
lgr_schema_begin_published (LgrLoader *l, LgrLoaderAttrs *a)
{
  LgrScenario *scenario = l->objects[LGR_OBJECT_SCENARIO];
  LgrPublished *published = lgr_published_new (LGR_PUBLISHED_PAYBACK_YEARS, 0, NULL);
  published->line = a->frame->line;
  g_ptr_array_add (scenario->published, published);
  l->objects[LGR_OBJECT_PUBLISHED] = published;
  return published;
}

void
lgr_schema_published_done (LgrLoader *l, LgrLoaderAttrs *a, gpointer object)
{
  const char *attribute = NULL;
  GError *detail = NULL;
  if (!lgr_published_check (l->study, l->objects[LGR_OBJECT_SCENARIO], object, &attribute, &detail))
    lgr_loader_fail_with (l, lgr_loader_attr_line (a, attribute), a->frame->owner, detail);
}

const LgrSchemaAttribute lgr_schema_published_attributes[3] = {
  { .name = "measure",
    .type = LGR_FIELD_ENUM,
    .required = TRUE,
    .offset = G_STRUCT_OFFSET (LgrPublished, measure),
    .names = lgr_published_measure_names,
    .what = N_ ("measure") },
  { .name = "year",
    .type = LGR_FIELD_INT,
    .offset = G_STRUCT_OFFSET (LgrPublished, year),
    .has_offset = G_STRUCT_OFFSET (LgrPublished, has_year),
    .range = LGR_RANGE_YEAR,
    .what = N_ ("year"),
    .write = LGR_WRITE_IF_SET },
  { .name = "value",
    .type = LGR_FIELD_NUMBER,
    .required = TRUE,
    .offset = G_STRUCT_OFFSET (LgrPublished, value),
    .range = LGR_RANGE_MONEY,
    .what = N_ ("the published value") },
};

/* The document the figure comes from */
const LgrSchemaAttribute lgr_schema_published_text = {
  .type = LGR_FIELD_TEXT,
  .required = TRUE,
  .length = LGR_LENGTH_NOTE,
  .offset = G_STRUCT_OFFSET (LgrPublished, source),
  .what = N_ ("the source"),
};
