/* lgr-year-table.h: one scenario's figures year by year (GtkColumnView), as a finance officer
 * checks them against a spreadsheet: exact pounds, copy as tab-separated text, CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lgr-council-table.h"
#include "lgr-results.h"

G_BEGIN_DECLS

typedef enum
{
  LGR_YEAR_COLUMN_YEAR,
  LGR_YEAR_COLUMN_CASHABLE,
  LGR_YEAR_COLUMN_AVOIDANCE,
  LGR_YEAR_COLUMN_ONE_OFF,
  LGR_YEAR_COLUMN_RECURRING,
  LGR_YEAR_COLUMN_NET,
  LGR_YEAR_COLUMN_CUMULATIVE,
  LGR_YEAR_N_COLUMNS
} LgrYearColumn;

#define LGR_TYPE_YEAR_TABLE (lgr_year_table_get_type ())
G_DECLARE_FINAL_TYPE (LgrYearTable, lgr_year_table, LGR, YEAR_TABLE, GtkBox)

GtkWidget *lgr_year_table_new (const char *scenario_id);
const char *lgr_year_table_get_scenario_id (LgrYearTable *self);
/* The table keeps a reference to results. With the same years as before, only the cells in view
 * whose text changed are set; cells scrolled out of view wait until they are scrolled into it,
 * and a table that is not shown waits until it is. */
void lgr_year_table_set_results (LgrYearTable *self, const LgrResults *results);
/* How many times the table brought its cells up to date (for tests). */
guint lgr_year_table_get_n_refreshes (LgrYearTable *self);
guint lgr_year_table_get_n_rows (LgrYearTable *self);
/* The text a cell shows. */
char *lgr_year_table_dup_cell (LgrYearTable *self, guint row, LgrYearColumn column);
/* The text a cell's label has now (NULL if that row is not bound): what the results say once the
 * cell has been in view since they arrived (for tests). */
char *lgr_year_table_dup_label (LgrYearTable *self, guint row, LgrYearColumn column);

/* The split by council under the table (hidden for a scenario with one authority). */
LgrCouncilTable *lgr_year_table_get_councils (LgrYearTable *self);

/* The scenario's table as text: separator ',' gives CSV (quoted header), '\t' tab-separated
 * values for the clipboard. Numbers with a dot decimal, unrounded. */
char *lgr_year_table_format (const LgrResults *results, const char *scenario_id, char separator);

G_END_DECLS
