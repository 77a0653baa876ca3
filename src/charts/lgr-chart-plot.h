/* lgr-chart-plot.h: a chart prepared for one set of results, options and size - its data and
 * layout built once, then drawn as often as needed (a new highlighted year, an expose) and
 * hit-tested without building either again. Reference-counted; lgr_chart_draw() is the
 * one-shot equivalent.
 *
 * A plot copies what it needs: the results and options may go once it is made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "lgr-chart-options.h"
#include "lgr-results.h"

G_BEGIN_DECLS

typedef struct _LgrChartPlot LgrChartPlot;

/* options->highlight_index is not part of a plot: it is given to each lgr_chart_plot_draw().
 * A plot of an empty size draws nothing and finds no year. */
LgrChartPlot *lgr_chart_plot_new (const LgrResults *results, const LgrChartOptions *options,
                                  double width, double height);
/* The same for the window's chart after a change: previous (NULL: none) is its plot for the
 * results before, at the same kind, style and font scale. A label that has no room beside its
 * point and hung on a leader in previous stays there, moved with its point, while that place is
 * free, rather than being sought afresh, so labels hold still through a drag (only at the same
 * size); the texts previous shaped serve again while the fonts are the same. The pixels are
 * those of a plot made afresh but for where such labels sit. Exports, the report and the
 * command line never pass one. */
LgrChartPlot *lgr_chart_plot_new_following (const LgrResults *results,
                                            const LgrChartOptions *options, double width,
                                            double height, const LgrChartPlot *previous);
LgrChartPlot *lgr_chart_plot_ref (LgrChartPlot *plot);
void lgr_chart_plot_unref (LgrChartPlot *plot);

double lgr_chart_plot_get_width (const LgrChartPlot *plot);
double lgr_chart_plot_get_height (const LgrChartPlot *plot);

/* Draws the chart filling (0, 0, width, height), with the year at highlight_index highlighted
 * (-1 for none); the same pixels as lgr_chart_draw() with those options. */
void lgr_chart_plot_draw (LgrChartPlot *plot, cairo_t *cr, int highlight_index);
/* The year index whose column or point lies under (x, y), or -1; as lgr_chart_year_at(). */
int lgr_chart_plot_year_at (const LgrChartPlot *plot, double x, double y);
/* The exact figures of one year, as lgr_chart_describe_year(). */
char *lgr_chart_plot_describe_year (const LgrChartPlot *plot, int year_index);
/* The text alternative, as lgr_chart_describe(): made with the plot, so it costs no second build. */
const char *lgr_chart_plot_get_description (const LgrChartPlot *plot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrChartPlot, lgr_chart_plot_unref)

G_END_DECLS
