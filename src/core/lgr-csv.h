/* lgr-csv.h: the annual figures of results as CSV, in the one layout that both the command line
 * (--summary=csv) and the window (Export Table) write.
 *
 * The layout: a header "scenario,measure,2025/26,2026/27,..." (the financial years), then for each
 * scenario in order six rows, its id, the measure and one number per year:
 *
 *   scenario,measure,2025/26,2026/27
 *   two,cashable_savings,0,1250000
 *   two,cost_avoidance,0,80000
 *   two,one_off_costs,...
 *   two,recurring_costs,...
 *   two,net,...
 *   two,cumulative,...
 *
 * Measures are after benefit realisation and cost contingency, as lgr-results.h describes them.
 * Numbers are written by lgr_number_to_string() (a dot decimal, read back exactly). Lines end in
 * "\n"; a field holding a comma, a double quote or a line break is quoted, its quotes doubled.
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

/* Writes one field, quoted when it needs to be. */
void lgr_csv_write_field (LgrWriter *writer, const char *text);

G_END_DECLS
