/* lgr-study-schema-snapshots.c: the rows of the schema table (lgr-study-schema.c) for
 * <snapshot>, its <note> and its <set>s, with their handlers. A <set> is checked as it ends
 * (lgr_snapshot_check_set()), by the parsing and rules of the attribute it names, so that a
 * value a snapshot could not put in place is an error at its line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-study-schema.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lgr-snapshot.h"
#include "lgr-study-loader-state.h"

#define FIELD(type, member) G_STRUCT_OFFSET (type, member)

gpointer
lgr_schema_begin_snapshot (LgrLoader *l, LgrLoaderAttrs *a)
{
  LgrSnapshot *snapshot = lgr_snapshot_new (NULL, NULL);
  snapshot->line = a->frame->line;
  g_ptr_array_add (l->study->snapshots, snapshot);
  l->objects[LGR_OBJECT_SNAPSHOT] = snapshot;
  return snapshot;
}

static gboolean
snapshot_id_once (LgrLoader *l, LgrLoaderAttrs *a, const LgrSchemaAttribute *attribute,
                  gpointer object)
{
  const char *id = G_STRUCT_MEMBER (char *, object, attribute->offset);
  for (guint i = 0; i < l->study->snapshots->len; i++)
    {
      const LgrSnapshot *other = g_ptr_array_index (l->study->snapshots, i);
      if (other != object && g_strcmp0 (other->id, id) == 0)
        {
          lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, lgr_loader_attr_line (a, attribute->name),
                           NULL, _ ("the snapshot id “%s” is used twice (first at line %d)"), id,
                           other->line);
          return FALSE;
        }
    }
  return TRUE;
}

gpointer
lgr_schema_begin_set (LgrLoader *l, LgrLoaderAttrs *a)
{
  LgrSnapshot *snapshot = l->objects[LGR_OBJECT_SNAPSHOT];
  LgrSnapshotSet *set = lgr_snapshot_set_new ();
  set->line = a->frame->line;
  g_ptr_array_add (snapshot->sets, set);
  return set;
}

/* Snapshots come after the scenarios, so what a set names is already read. */
void
lgr_schema_end_set (LgrLoader *l, LgrLoaderFrame *frame, gpointer object, const char *text)
{
  GError *detail = NULL;
  if (!lgr_snapshot_check_set (l->study, object, &detail))
    lgr_loader_fail_with (l, frame->line, frame->owner, detail);
}

const LgrSchemaAttribute lgr_schema_snapshot_attributes[2] = {
  { .name = "id",
    .type = LGR_FIELD_ID,
    .length = LGR_LENGTH_ID,
    .required = TRUE,
    .offset = FIELD (LgrSnapshot, id),
    .what = N_ ("the id"),
    .names_object = TRUE,
    .rule = snapshot_id_once },
  { .name = "name",
    .type = LGR_FIELD_TEXT,
    .required = TRUE,
    .offset = FIELD (LgrSnapshot, name),
    .what = N_ ("the name") },
};

const LgrSchemaAttribute lgr_schema_snapshot_note_text = {
  .type = LGR_FIELD_TEXT,
  .length = LGR_LENGTH_NOTE,
  .offset = FIELD (LgrSnapshot, note),
  .what = N_ ("the note"),
  .write = LGR_WRITE_IF_SET,
};

const LgrSchemaAttribute lgr_schema_set_attributes[4] = {
  { .name = "scenario",
    .type = LGR_FIELD_ID,
    .length = LGR_LENGTH_ID,
    .offset = FIELD (LgrSnapshotSet, scenario),
    .what = N_ ("the scenario"),
    .write = LGR_WRITE_IF_SET },
  { .name = "lever",
    .type = LGR_FIELD_ID,
    .length = LGR_LENGTH_ID,
    .offset = FIELD (LgrSnapshotSet, lever),
    .what = N_ ("the lever"),
    .write = LGR_WRITE_IF_SET },
  { .name = "item",
    .type = LGR_FIELD_ID,
    .length = LGR_LENGTH_ID,
    .offset = FIELD (LgrSnapshotSet, item),
    .what = N_ ("the item"),
    .write = LGR_WRITE_IF_SET },
  { .name = "value",
    .type = LGR_FIELD_ENUM,
    .required = TRUE,
    .offset = FIELD (LgrSnapshotSet, value),
    .names = lgr_snapshot_value_names,
    .what = N_ ("the value") },
};

/* Checked by lgr_snapshot_check_set() against the attribute it names. */
const LgrSchemaAttribute lgr_schema_set_text = {
  .type = LGR_FIELD_TEXT,
  .required = TRUE,
  .length = LGR_LENGTH_NOTE,
  .offset = FIELD (LgrSnapshotSet, text),
  .what = N_ ("the value"),
};
