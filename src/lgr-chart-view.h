/* lgr-chart-view.h: the chart widget, a thin wrapper around an LgrChartPlot (lgr-chart-plot.h)
 * kept while the results, starting point, kind, style, font scale and size stay the same. It
 * hands the charts its size and pointer; hover and the Left/Right keys pick a year whose exact
 * figures are shown and announced (redrawn from the kept plot, nothing rebuilt); the accessible
 * description is the chart's text alternative.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lgr-chart.h"
#include "lgr-results.h"

G_BEGIN_DECLS

#define LGR_TYPE_CHART_VIEW (lgr_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (LgrChartView, lgr_chart_view, LGR, CHART_VIEW, GtkWidget)

GtkWidget *lgr_chart_view_new (void);
/* results are borrowed: call again (or with NULL) before they are freed. Every call counts as
 * new results (the chart is built again at the next draw). */
void lgr_chart_view_set_results (LgrChartView *self, const LgrResults *results);
/* The starting point (the study as opened: lgr_document_get_start_results()), drawn as thin
 * grey lines on the cashflow and savings charts where it differs from the results. A reference
 * is kept. Only a chart that shows it is built again. */
void lgr_chart_view_set_start (LgrChartView *self, const LgrResults *start);
const LgrResults *lgr_chart_view_get_start (LgrChartView *self);
/* Both in one call, the chart built once: what a view of a document calls on every change,
 * with lgr_document_get_results() and lgr_document_get_start_results(). */
void lgr_chart_view_set_results_with_start (LgrChartView *self, const LgrResults *results,
                                            const LgrResults *start);
/* The Monte Carlo's and the sensitivity's figures for the tornado and uncertainty charts
 * (borrowed until the next call; NULL: the chart computes its own). They must be of a study with
 * the same scenarios as the results. */
void lgr_chart_view_set_uncertainty (LgrChartView *self, const LgrUncertaintyResults *uncertainty,
                                     const LgrSensitivity *sensitivity);
const LgrUncertaintyResults *lgr_chart_view_get_uncertainty (LgrChartView *self);
void lgr_chart_view_set_kind (LgrChartView *self, LgrChartKind kind);
LgrChartKind lgr_chart_view_get_kind (LgrChartView *self);
/* font_scale multiplies the view's own scale, which grows with its width (see below). */
void lgr_chart_view_set_font_scale (LgrChartView *self, double font_scale);
/* The font scale the view uses at a width, before lgr_chart_view_set_font_scale's factor. */
double lgr_chart_view_width_font_scale (double width);
void lgr_chart_view_set_dark (LgrChartView *self, gboolean dark);

/* "#rrggbb": the colour the charts give scenario index, in the desktop's light or dark style, so
 * cards and swatches match the lines and columns drawn. */
char *lgr_chart_view_scenario_colour (const LgrResults *results, guint index);
/* The highlighted year index, -1 for none. */
int lgr_chart_view_get_year (LgrChartView *self);
void lgr_chart_view_set_year (LgrChartView *self, int year_index);
/* The figures of the highlighted year (hover or keyboard), or NULL. */
const char *lgr_chart_view_get_year_text (LgrChartView *self);
/* The text alternative of the chart as drawn. */
const char *lgr_chart_view_get_description (LgrChartView *self);
/* How many times the chart has been drawn (for tests of redraw storms). */
guint lgr_chart_view_get_n_draws (LgrChartView *self);
/* How many times its data and layout have been built (a hover or an expose builds nothing). */
guint lgr_chart_view_get_n_plots (LgrChartView *self);

G_END_DECLS
