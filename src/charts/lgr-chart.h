/* lgr-chart.h: the charts' public door. Draws any chart of a study's results into any cairo_t:
 * the window's widget, PNG, SVG and PDF exports, the printed page and the report all call
 * lgr_chart_draw() (or, to draw one chart many times, an LgrChartPlot). No GTK here; cairo and
 * pango only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "lgr-chart-catalogue.h"
#include "lgr-chart-options.h"
#include "lgr-chart-plot.h"
#include "lgr-results.h"

G_BEGIN_DECLS

/* Draws the chart filling (0, 0, width, height) in user units (at 1 unit = 1 logical pixel). */
void lgr_chart_draw (cairo_t *cr, const LgrResults *results, const LgrChartOptions *options,
                     double width, double height);

/* The year index whose column or point lies under x for a chart of that size, or -1. */
int lgr_chart_year_at (const LgrResults *results, const LgrChartOptions *options, double width,
                       double height, double x, double y);

/* The exact figures of one year, one line per series: "2029/30: One unitary −£3.2m; ..." */
char *lgr_chart_describe_year (const LgrResults *results, const LgrChartOptions *options,
                               int year_index);

/* The text alternative: what the chart shows in a sentence or two. */
char *lgr_chart_describe (const LgrResults *results, const LgrChartOptions *options);

/* The colour the charts give the scenario at scenario_index of results (its own colour, or
 * the palette's when its file gives none), as red, green and blue in [0, 1]. Assumes every
 * scenario is shown, as in the window. */
void lgr_chart_scenario_colour (const LgrResults *results, guint scenario_index,
                                LgrChartStyle style, double rgb[3]);

G_END_DECLS
