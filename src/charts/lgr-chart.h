/* lgr-chart.h: the charts' public door. Draws any chart of a study's results into any cairo_t:
 * the window's widget, PNG, SVG and PDF exports, the printed page and the report all call
 * lgr_chart_draw(). No GTK here (STYLE.md); cairo and pango only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "lgr-results.h"

G_BEGIN_DECLS

typedef enum
{
  LGR_CHART_CASHFLOW,   /* cumulative net cashflow per scenario, payback and peak funding marked */
  LGR_CHART_SAVINGS,    /* annual savings (above zero) and costs (below), stacked; net as a line */
  LGR_CHART_DIFFERENCE, /* each scenario's cumulative minus the reference (first) scenario's */
  LGR_CHART_CHILDREN,   /* looked-after children per authority: baseline dashed, scenario solid */
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
} LgrChartOptions;

void lgr_chart_options_init (LgrChartOptions *options, LgrChartKind kind);

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

const char *lgr_chart_kind_to_string (LgrChartKind kind); /* "cashflow", ... (CLI names) */
gboolean lgr_chart_kind_from_string (const char *name, LgrChartKind *kind);
const char *
lgr_chart_kind_title (LgrChartKind kind); /* translated, e.g. "Cumulative net cashflow" */

G_END_DECLS
