/* lgr-chart-plot.c: a chart's data and layout, built once and drawn many times
 * (lgr-chart-plot.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-plot.h"

#include "lgr-chart-private.h"

struct _LgrChartPlot
{
  double width, height;
  LgrChartLayout *layout; /* NULL for an empty size */
  LgrChartData *data;     /* only without a layout (a layout owns its data) */
  char *description;      /* the text alternative, made with the data */
};

static void
plot_clear (gpointer p)
{
  LgrChartPlot *plot = p;
  g_clear_pointer (&plot->layout, lgr_chart_layout_free);
  g_clear_pointer (&plot->data, lgr_chart_data_free);
  g_clear_pointer (&plot->description, g_free);
}

LgrChartPlot *
lgr_chart_plot_new_following (const LgrResults *results, const LgrChartOptions *options,
                              double width, double height, const LgrChartPlot *previous)
{
  g_return_val_if_fail (results != NULL && options != NULL, NULL);
  LgrChartPlot *plot = g_atomic_rc_box_new0 (LgrChartPlot);
  plot->width = width;
  plot->height = height;
  LgrChartData *data = lgr_chart_data_new (results, options);
  plot->description = lgr_chart_data_describe (data, results, options);
  if (width > 0 && height > 0)
    plot->layout = lgr_chart_layout_new_following (data, options, width, height,
                                                   previous ? previous->layout : NULL);
  else
    plot->data = data;
  return plot;
}

LgrChartPlot *
lgr_chart_plot_new (const LgrResults *results, const LgrChartOptions *options, double width,
                    double height)
{
  return lgr_chart_plot_new_following (results, options, width, height, NULL);
}

LgrChartPlot *
lgr_chart_plot_ref (LgrChartPlot *plot)
{
  g_return_val_if_fail (plot != NULL, NULL);
  return g_atomic_rc_box_acquire (plot);
}

void
lgr_chart_plot_unref (LgrChartPlot *plot)
{
  if (plot)
    g_atomic_rc_box_release_full (plot, plot_clear);
}

double
lgr_chart_plot_get_width (const LgrChartPlot *plot)
{
  g_return_val_if_fail (plot != NULL, 0);
  return plot->width;
}

double
lgr_chart_plot_get_height (const LgrChartPlot *plot)
{
  g_return_val_if_fail (plot != NULL, 0);
  return plot->height;
}

void
lgr_chart_plot_draw (LgrChartPlot *plot, cairo_t *cr, int highlight_index)
{
  g_return_if_fail (plot != NULL && cr != NULL);
  if (plot->layout == NULL)
    return;
  plot->layout->highlight_index = highlight_index;
  lgr_chart_layout_draw (plot->layout, cr);
}

int
lgr_chart_plot_year_at (const LgrChartPlot *plot, double x, double y)
{
  g_return_val_if_fail (plot != NULL, -1);
  if (plot->layout == NULL)
    return -1;
  return lgr_chart_layout_year_at (plot->layout, x, y);
}

char *
lgr_chart_plot_describe_year (const LgrChartPlot *plot, int year_index)
{
  g_return_val_if_fail (plot != NULL, NULL);
  return lgr_chart_data_describe_year (plot->layout ? plot->layout->data : plot->data, year_index);
}

const char *
lgr_chart_plot_get_description (const LgrChartPlot *plot)
{
  g_return_val_if_fail (plot != NULL, NULL);
  return plot->description;
}
