/* lgr-study-schema-sources.c: the rows of the schema table (lgr-study-schema.c) for the
 * text and attributes of a lever's, an item's and an authority's <source>, "changed since the source"
 * (docs/format.md), kept apart so that the table's file stays under 1,000 lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-study-schema-sources.h"

#include <glib/gi18n-lib.h>

/* What the note was written for, while a value differs from it (docs/format.md) */
const LgrSchemaAttribute lgr_schema_lever_source_attributes[2] = {
  { .name = "checked-target",
    .type = LGR_FIELD_NUMBER,
    .offset = G_STRUCT_OFFSET (LgrLever, source_target),
    .has_offset = G_STRUCT_OFFSET (LgrLever, has_source_target),
    .range = LGR_RANGE_NON_NEGATIVE,
    .what = N_ ("the target the source was written for"),
    .write = LGR_WRITE_IF_SET },
  { .name = "checked-unit-cost",
    .type = LGR_FIELD_NUMBER,
    .offset = G_STRUCT_OFFSET (LgrLever, source_unit_cost),
    .has_offset = G_STRUCT_OFFSET (LgrLever, has_source_unit_cost),
    .range = LGR_RANGE_NON_NEGATIVE,
    .money = TRUE,
    .what = N_ ("the unit cost the source was written for"),
    .write = LGR_WRITE_IF_SET },
};

const LgrSchemaAttribute lgr_schema_item_source_attributes[1] = {
  { .name = "checked-value",
    .type = LGR_FIELD_NUMBER,
    .offset = G_STRUCT_OFFSET (LgrItem, source_value),
    .has_offset = G_STRUCT_OFFSET (LgrItem, has_source_value),
    .range = LGR_RANGE_NON_NEGATIVE,
    .money = TRUE,
    .what = N_ ("the value the source was written for"),
    .write = LGR_WRITE_IF_SET },
};

const LgrSchemaAttribute lgr_schema_authority_source_attributes[2] = {
  { .name = "checked-population",
    .type = LGR_FIELD_NUMBER,
    .offset = G_STRUCT_OFFSET (LgrAuthority, source_population),
    .has_offset = G_STRUCT_OFFSET (LgrAuthority, has_source_population),
    .range = LGR_RANGE_NON_NEGATIVE,
    .what = N_ ("the population the source was written for"),
    .write = LGR_WRITE_IF_SET },
  { .name = "checked-child-population",
    .type = LGR_FIELD_NUMBER,
    .offset = G_STRUCT_OFFSET (LgrAuthority, source_child_population),
    .has_offset = G_STRUCT_OFFSET (LgrAuthority, has_source_child_population),
    .range = LGR_RANGE_NON_NEGATIVE,
    .what = N_ ("the child population the source was written for"),
    .write = LGR_WRITE_IF_SET },
};

/* The notes */
const LgrSchemaAttribute lgr_schema_lever_source_text = {
  .type = LGR_FIELD_TEXT,
  .length = LGR_LENGTH_NOTE,
  .offset = G_STRUCT_OFFSET (LgrLever, source),
  .what = N_ ("the source"),
  .write = LGR_WRITE_IF_SET,
};

const LgrSchemaAttribute lgr_schema_item_source_text = {
  .type = LGR_FIELD_TEXT,
  .length = LGR_LENGTH_NOTE,
  .offset = G_STRUCT_OFFSET (LgrItem, source),
  .what = N_ ("the source"),
  .write = LGR_WRITE_IF_SET,
};

const LgrSchemaAttribute lgr_schema_authority_source_text = {
  .type = LGR_FIELD_TEXT,
  .length = LGR_LENGTH_NOTE,
  .offset = G_STRUCT_OFFSET (LgrAuthority, source),
  .what = N_ ("the source"),
  .write = LGR_WRITE_IF_SET,
};

const LgrSchemaChild lgr_schema_authority_children[1] = {
  { LGR_ELEMENT_AUTHORITY_SOURCE, 0, 1, FALSE },
};
