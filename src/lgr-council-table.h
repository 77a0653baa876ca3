/* lgr-council-table.h: under the year-by-year table of a scenario with several authorities, its
 * net split by council: a row for each authority (its levers and the items that name it), one
 * for the shared items, and the scenario's net they add up to; a column per year and the total
 * (docs/model.md, "Per-council figures"). Hidden for a scenario with one authority.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lgr-results.h"

G_BEGIN_DECLS

#define LGR_TYPE_COUNCIL_TABLE (lgr_council_table_get_type ())
G_DECLARE_FINAL_TYPE (LgrCouncilTable, lgr_council_table, LGR, COUNCIL_TABLE, GtkBox)

GtkWidget *lgr_council_table_new (void);
/* Shows the split of the scenario scenario_id of results (NULL: none). Cells whose text is
 * unchanged are left alone; while the table is not shown nothing is touched until it is. */
void lgr_council_table_set_results (LgrCouncilTable *self, const LgrResults *results,
                                    const char *scenario_id);
/* The rows shown (0 when hidden): the authorities, the shared items, the scenario. */
guint lgr_council_table_get_n_rows (LgrCouncilTable *self);
/* The text of a cell as shown: column 0 names the row, 1 to n the years, n + 1 the total. */
char *lgr_council_table_dup_cell (LgrCouncilTable *self, guint row, guint column);

/* For Copy Table: after a blank line, the split of scenario_id as text (cells separated by
 * separator, numbers unrounded with a dot decimal), if it has one. */
void lgr_council_table_append_text (GString *out, const LgrResults *results,
                                    const char *scenario_id, char separator);

G_END_DECLS
