/* lgr-chart-options.h: what to draw - the chart kind, the style and the options every chart
 * takes. The bottom of the charts: every other part of src/charts/ may use it, it uses none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lgr-results.h"
#include "lgr-sensitivity.h"
#include "lgr-uncertainty.h"

G_BEGIN_DECLS

/* The chart kinds, in the catalogue's order (lgr-chart-catalogue.c has one row for each). */
typedef enum
{
  LGR_CHART_CASHFLOW,    /* cumulative net cashflow per scenario, payback and peak funding marked */
  LGR_CHART_SAVINGS,     /* annual savings (above zero) and costs (below), stacked; net as a line */
  LGR_CHART_DIFFERENCE,  /* each scenario's cumulative minus the reference (first) scenario's */
  LGR_CHART_CHILDREN,    /* looked-after children per authority: baseline dashed, scenario solid */
  LGR_CHART_TORNADO,     /* one bar per uncertain quantity, low to high input, widest first */
  LGR_CHART_UNCERTAINTY, /* cumulative net cashflow with its P10-P90 band and P50 per scenario */
  LGR_N_CHARTS
} LgrChartKind;

typedef enum
{
  LGR_CHART_STYLE_LIGHT, /* white background; always used for exports and print */
  LGR_CHART_STYLE_DARK,
} LgrChartStyle;

typedef struct
{
  LgrChartKind kind;
  LgrChartStyle style;
  const char *title;    /* NULL: a default title for the chart kind */
  const char *subtitle; /* NULL: the study title */
  const char *source;   /* NULL: a default source line ("Source: <study title>, LGR Explorer") */
  /* Scenario ids to show, NULL-terminated; NULL shows all. The first shown is the reference
   * for the difference chart. */
  const char *const *scenarios;
  int highlight_index; /* year index to highlight (pointer or keyboard), -1 for none */
  double font_scale;   /* 1.0 normally; larger for presentation mode */
  gboolean show_title; /* FALSE in the window, where the title is elsewhere */
  /* The tornado and uncertainty charts' figures, computed by the caller (the window runs them
   * off the main thread) and borrowed while drawing; NULL: computed from the study's own
   * <uncertainty> settings whenever the chart is built. uncertainty must come from the same
   * study as the results. */
  const LgrUncertaintyResults *uncertainty;
  const LgrSensitivity *sensitivity;
  /* The starting point: the results of the study as opened (or of the file without the
   * snapshots applied), borrowed while the chart is built. The kinds that show it (the
   * catalogue's .start: cashflow, savings) draw each scenario's starting series as a thin grey
   * line under the live one when any differs; NULL: none. */
  const LgrResults *start;
} LgrChartOptions;

void lgr_chart_options_init (LgrChartOptions *options, LgrChartKind kind);

G_END_DECLS
