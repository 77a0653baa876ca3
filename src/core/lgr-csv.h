/* lgr-csv.h: the annual figures of results as CSV, in the one layout that both the command line
 * (--summary=csv) and the window (Export Table) write: every scenario in one file, each row
 * naming its scenario, money in pounds rounded to the penny.
 *
 * The layout: a header "scenario,name,measure,2025/26,2026/27,..." (the financial years), then
 * for each scenario in order six rows, its id, its name, the measure and one amount per year:
 *
 *   scenario,name,measure,2025/26,2026/27
 *   two,Two unitaries,cashable_savings,0,1250000.50
 *   two,Two unitaries,cost_avoidance,0,80000
 *   two,Two unitaries,one_off_costs,...
 *   two,Two unitaries,recurring_costs,...
 *   two,Two unitaries,net,...
 *   two,Two unitaries,cumulative,...
 *
 * Measures are after benefit realisation and cost contingency, as lgr-results.h describes them.
 * Amounts are rounded to the penny and written with a dot decimal: whole pounds without
 * decimals (13200000, never 13200000.000000002), others with two (35796330.50), never "-0".
 * Lines end in "\n"; a field holding a comma, a double quote or a line break is quoted, its
 * quotes doubled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lgr-results.h"
#include "lgr-writer.h"

G_BEGIN_DECLS

/* Writes the whole table to writer, row by row. */
void lgr_csv_write_results (LgrWriter *writer, const LgrResults *results);

/* The same table as one newly allocated string. */
char *lgr_csv_results_to_string (const LgrResults *results);

/* An amount of money as the table writes it (see above) into buffer, which has room for
 * LGR_NUMBER_BUF_SIZE bytes; returns its length. */
gsize lgr_csv_money_to_buffer (double pounds, char *buffer);

/* Writes one field, quoted when it needs to be. */
void lgr_csv_write_field (LgrWriter *writer, const char *text);

G_END_DECLS
