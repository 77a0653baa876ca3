/* lgr-range-editor.h: the low and high of one input of a lever or item, under the input's row
 * (ui/lgr-range-editor.ui): folded by default with the range in its subtitle, one click opens
 * it. Low and high are number rows (typed text is parsed as everywhere; a refused value stays
 * marked with the reason and the document keeps the last valid one); a switch links the input
 * across scenarios and a button clears the range. Every change is one undoable edit of the
 * document (lgr-document-ranges.h); the editor follows the document's "changed" itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lgr-document-ranges.h"
#include "lgr-document.h"
#include "lgr-number-row.h"

G_BEGIN_DECLS

#define LGR_TYPE_RANGE_EDITOR (lgr_range_editor_get_type ())
G_DECLARE_FINAL_TYPE (LgrRangeEditor, lgr_range_editor, LGR, RANGE_EDITOR, AdwExpanderRow)

/* The enum of LgrRanged, so that a template names the input of each editor:
 * <property name="quantity">unit-cost-target</property>. */
#define LGR_TYPE_RANGED (lgr_ranged_get_type ())
GType lgr_ranged_get_type (void);

/* Binds every range editor inside row (a lever's or an item's, made by its template with its
 * "quantity") to that entry of the document, or hides them all if shown is FALSE. */
void lgr_range_editors_bind (GtkWidget *row, LgrDocument *document, const char *scenario_id,
                             const char *entry_id, gboolean shown);
/* The range editor of quantity inside row, or NULL. */
LgrRangeEditor *lgr_range_editor_find (GtkWidget *row, LgrRanged quantity);

/* For tests. */
LgrNumberRow *lgr_range_editor_get_low (LgrRangeEditor *self);
LgrNumberRow *lgr_range_editor_get_high (LgrRangeEditor *self);
GtkSwitch *lgr_range_editor_get_linked (LgrRangeEditor *self);
GtkButton *lgr_range_editor_get_clear (LgrRangeEditor *self);
/* What the linked row says (who it moves with, or why it cannot be linked). */
const char *lgr_range_editor_get_link_text (LgrRangeEditor *self);

G_END_DECLS
