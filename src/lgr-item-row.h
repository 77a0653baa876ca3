/* lgr-item-row.h: one item of a scenario (a cost, saving or avoidance), editable: kind, enable,
 * how it is entered (a total with a phasing profile, an amount a year, or values per year in a
 * grid), source, remove (ui/lgr-item-row.ui). Changes go through the LgrDocument. The row follows
 * the document's "changed" itself, touching only what differs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lgr-document.h"

G_BEGIN_DECLS

#define LGR_TYPE_ITEM_ROW (lgr_item_row_get_type ())
G_DECLARE_FINAL_TYPE (LgrItemRow, lgr_item_row, LGR, ITEM_ROW, AdwExpanderRow)

GtkWidget *lgr_item_row_new (LgrDocument *document, const char *scenario_id, const char *item_id);
const char *lgr_item_row_get_item_id (LgrItemRow *self);
/* Shows the document's current values now; the row also does this by itself on "changed". */
void lgr_item_row_sync (LgrItemRow *self);
/* The name (AdwEntryRow) and kind (AdwComboRow) editors. */
GtkWidget *lgr_item_row_get_name_row (LgrItemRow *self);
GtkWidget *lgr_item_row_get_kind_row (LgrItemRow *self);
/* Why the last change was refused, or NULL. */
const char *lgr_item_row_get_error (LgrItemRow *self);
/* The source note's editor (an LgrSourceEditor), in the source button's popover. */
GtkWidget *lgr_item_row_get_source_editor (LgrItemRow *self);
/* A string describing the row's structure (pattern, years): when it differs from the item's,
 * the row must be rebuilt rather than synced. */
char *lgr_item_row_structure_key (const LgrItem *item, const LgrStudy *study);
/* Whether the row's rows are those item needs (else it is replaced, not synced). */
gboolean lgr_item_row_has_structure (LgrItemRow *self, const LgrItem *item, const LgrStudy *study);

G_END_DECLS
