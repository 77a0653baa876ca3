/* lgr-chart-kinds.c: prints the chart catalogue, one kind a line - its command-line name, a tab
 * and its title - for check-chart-kinds.py, which holds the settings schema and the man page
 * against it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "lgr-chart.h"

int
main (void)
{
  for (int k = 0; k < LGR_N_CHARTS; k++)
    printf ("%s\t%s\n", lgr_chart_kind_to_string (k), lgr_chart_kind_title (k));
  return 0;
}
