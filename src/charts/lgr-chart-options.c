/* lgr-chart-options.c: the options a chart starts from (lgr-chart-options.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-options.h"

void
lgr_chart_options_init (LgrChartOptions *options, LgrChartKind kind)
{
  g_return_if_fail (options != NULL);
  *options = (LgrChartOptions){ 0 };
  options->kind = kind;
  options->style = LGR_CHART_STYLE_LIGHT;
  options->highlight_index = -1;
  options->font_scale = 1.0;
  options->show_title = TRUE;
}
