/* lgr-study-schema-sources.h: the schema rows of <source>'s attributes and text
 * (lgr-study-schema-sources.c). Internal to the core library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lgr-study-schema.h"
#include "lgr-study.h"

G_BEGIN_DECLS

/* checked-target and checked-unit-cost of a lever's <source> */
extern const LgrSchemaAttribute lgr_schema_lever_source_attributes[2];
/* checked-value of an item's <source> */
extern const LgrSchemaAttribute lgr_schema_item_source_attributes[1];

/* checked-population and checked-child-population of an authority's <source> */
extern const LgrSchemaAttribute lgr_schema_authority_source_attributes[2];

/* The note itself, of a lever, an item and an authority */
extern const LgrSchemaAttribute lgr_schema_lever_source_text;
extern const LgrSchemaAttribute lgr_schema_item_source_text;
extern const LgrSchemaAttribute lgr_schema_authority_source_text;

/* An authority's children: its <source> */
extern const LgrSchemaChild lgr_schema_authority_children[1];

G_END_DECLS
