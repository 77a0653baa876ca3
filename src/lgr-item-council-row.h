/* lgr-item-council-row.h: in an item's row, which council of its option the item belongs to, or
 * shared by the option (the item's authority, docs/format.md). Shown only in an option with
 * several authorities (or for an item that names one). Changes go through the LgrDocument, and
 * the row follows the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lgr-document.h"

G_BEGIN_DECLS

#define LGR_TYPE_ITEM_COUNCIL_ROW (lgr_item_council_row_get_type ())
G_DECLARE_FINAL_TYPE (LgrItemCouncilRow, lgr_item_council_row, LGR, ITEM_COUNCIL_ROW, AdwComboRow)

GtkWidget *lgr_item_council_row_new (LgrDocument *document, const char *scenario_id,
                                     const char *item_id);

G_END_DECLS
