/* lgr-chart-catalogue.h: every chart kind in one table - its command-line name (also the
 * settings' value), title, short title, how its data is built and described, and when it
 * applies to a study. The command line, the window's switcher, the export dialog, the report
 * and printing all read it; nothing else lists the chart kinds.
 *
 * The first kind (cashflow) is the default of the command line and the settings.
 *
 * Adding a chart kind: a value in LgrChartKind (lgr-chart-options.h), a row in the table in
 * lgr-chart-catalogue.c, and its builder file (lgr-chart-<name>.c, declared in
 * lgr-chart-private.h, listed in src/charts/meson.build and po/POTFILES.in). The data suite then
 * asks for its name in the settings schema's choices and in the man page (chart-kinds test).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lgr-chart-options.h"
#include "lgr-results.h"

G_BEGIN_DECLS

/* "cashflow", ...: the command line's and the settings' name; NULL for no kind. */
const char *lgr_chart_kind_to_string (LgrChartKind kind);
/* Any case; FALSE for an unknown name (kind is then untouched). */
gboolean lgr_chart_kind_from_string (const char *name, LgrChartKind *kind);
/* Translated, e.g. "Cumulative net cashflow". */
const char *lgr_chart_kind_title (LgrChartKind kind);
/* Translated, short enough for a switcher button, e.g. "Cashflow". */
const char *lgr_chart_kind_short_title (LgrChartKind kind);
/* Whether the chart has something to show for these results (the report leaves out those that
 * do not: the difference chart for one scenario, the children chart without such a lever). */
gboolean lgr_chart_kind_applies (LgrChartKind kind, const LgrResults *results);
/* Whether the chart draws a starting point given one (LgrChartOptions.start): cashflow, savings. */
gboolean lgr_chart_kind_shows_start (LgrChartKind kind);
/* The names in the catalogue's order, joined by ", ": "cashflow, savings, ...". */
char *lgr_chart_kind_list (void);

G_END_DECLS
