/* lgr-report-snapshots.h: the report's snapshot pages (lgr-report.c calls them): one page per
 * snapshot of the study, with its name, its note, the changes it makes, and the summary table
 * and cashflow chart with it applied (the study without it drawn as the starting point).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "lgr-chart-private.h"
#include "lgr-study.h"

G_BEGIN_DECLS

/* How many pages: one per snapshot (none for a study given with --snapshot applied, whose
 * snapshots the command line takes away). */
guint lgr_report_snapshot_pages (const LgrStudy *study);

/* The name of snapshot index, as its page's heading gives it (for the report's outline). */
const char *lgr_report_snapshot_name (const LgrStudy *study, guint index);

/* Draws the page of snapshot index in the box (x, y, width, height) of cr. */
void lgr_report_snapshot_draw (cairo_t *cr, PangoContext *context, const LgrChartTheme *theme,
                               const LgrStudy *study, guint index, double x, double y, double width,
                               double height);

G_END_DECLS
