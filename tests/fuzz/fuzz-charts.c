/* fuzz-charts.c: libFuzzer target for loading, computing and drawing every chart kind.
 *
 * A study that loads is computed, and each kind of the chart catalogue is drawn (light and dark)
 * to a small image surface, with its text alternative and the figures of its first and last
 * years - the code paths of an export, the window and the report's pages. Built with
 * -Dfuzzing=true (docs/reliability.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <glib.h>
#include <stdint.h>

#include "lgr-chart.h"
#include "lgr-results.h"
#include "lgr-study-io.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (LgrStudy) study = lgr_study_load_data ((const char *)data, size, "fuzz.lgr", NULL);
  if (study == NULL)
    return 0;
  g_autoptr (LgrResults) results = lgr_results_compute (study);

  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 320, 200);
  cairo_t *cr = cairo_create (surface);
  for (int kind = 0; kind < LGR_N_CHARTS; kind++)
    for (int style = LGR_CHART_STYLE_LIGHT; style <= LGR_CHART_STYLE_DARK; style++)
      {
        LgrChartOptions options;
        lgr_chart_options_init (&options, (LgrChartKind)kind);
        options.style = (LgrChartStyle)style;
        options.show_title = style == LGR_CHART_STYLE_LIGHT;
        options.highlight_index = (int)(size % (results->n_years + 1u)) - 1;
        (void)lgr_chart_kind_applies ((LgrChartKind)kind, results);
        lgr_chart_draw (cr, results, &options, 320, 200);
        g_free (lgr_chart_describe (results, &options));
        g_free (lgr_chart_describe_year (results, &options, 0));
        g_free (lgr_chart_describe_year (results, &options, (int)results->n_years - 1));
        (void)lgr_chart_year_at (results, &options, 320, 200, 160, 100);
      }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
