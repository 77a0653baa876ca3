/* lgr-chart.c: the public door of the charts (lgr-chart.h): draw, hit-test, describe.
 *
 * The work is done by the parts in lgr-chart-private.h; this file only strings them together.
 * What differs between chart kinds is in the catalogue (lgr-chart-catalogue.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart.h"

#include "lgr-chart-private.h"

void
lgr_chart_draw (cairo_t *cr, const LgrResults *results, const LgrChartOptions *options,
                double width, double height)
{
  g_return_if_fail (cr != NULL && results != NULL && options != NULL);
  if (!(width > 0) || !(height > 0))
    return;
  g_autoptr (LgrChartPlot) plot = lgr_chart_plot_new (results, options, width, height);
  lgr_chart_plot_draw (plot, cr, options->highlight_index);
}

int
lgr_chart_year_at (const LgrResults *results, const LgrChartOptions *options, double width,
                   double height, double x, double y)
{
  g_return_val_if_fail (results != NULL && options != NULL, -1);
  if (!(width > 0) || !(height > 0))
    return -1;
  g_autoptr (LgrChartPlot) plot = lgr_chart_plot_new (results, options, width, height);
  return lgr_chart_plot_year_at (plot, x, y);
}

char *
lgr_chart_describe_year (const LgrResults *results, const LgrChartOptions *options, int year_index)
{
  g_return_val_if_fail (results != NULL && options != NULL, NULL);
  if (year_index < 0 || year_index >= (int)results->n_years)
    return g_strdup ("");
  g_autoptr (LgrChartData) data = lgr_chart_data_new (results, options);
  return lgr_chart_data_describe_year (data, year_index);
}

char *
lgr_chart_describe (const LgrResults *results, const LgrChartOptions *options)
{
  g_return_val_if_fail (results != NULL && options != NULL, NULL);
  g_autoptr (LgrChartData) data = lgr_chart_data_new (results, options);
  return lgr_chart_data_describe (data, results, options);
}

void
lgr_chart_scenario_colour (const LgrResults *results, guint scenario_index, LgrChartStyle style,
                           double rgb[3])
{
  g_return_if_fail (results != NULL);
  g_return_if_fail (scenario_index < results->n_scenarios);
  LgrRgba c = lgr_chart_scenario_rgba (lgr_chart_theme_get (style),
                                       &results->scenarios[scenario_index], scenario_index);
  rgb[0] = c.r;
  rgb[1] = c.g;
  rgb[2] = c.b;
}
