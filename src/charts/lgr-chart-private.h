/* lgr-chart-private.h: the small parts the charts are made of, shared by src/charts/ and the
 * tests, never by the window or the command line (they use lgr-chart.h and lgr-export.h).
 *
 * The parts, in the order a chart is built:
 *   options (lgr-chart-options.c)          the chart kinds, styles and options
 *   theme and palette (lgr-chart-theme.c)  colours, line widths, fonts: one style description
 *   data (lgr-chart-data.c)                series, marks and legend entries, and their helpers
 *   builders (lgr-chart-<kind>.c)          one file per chart kind: its data and descriptions
 *   catalogue (lgr-chart-catalogue.c)      one row per chart kind; builds a chart's data
 *   axes (lgr-chart-axis.c)                value axis with round ticks, band axis of years
 *   text (lgr-chart-text.c)                pango layouts, the record of every label's box
 *   layout (lgr-chart-layout.c)            where title, legend, panels and labels go; shared by
 *                                          drawing and hit-testing, so both always agree
 *   legend (lgr-chart-legend.c)            entries flowed into rows outside the plot area
 *   layers (lgr-chart-layers.c)            lines, stacked columns, zero line, marks, highlight
 *   labels (lgr-chart-labels.c)            the marks' labels, clear of every line and marker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "lgr-chart-options.h"
#include "lgr-results.h"

G_BEGIN_DECLS

/* Theme and palette */

typedef struct
{
  double r, g, b, a;
} LgrRgba;

typedef struct
{
  LgrRgba background;
  LgrRgba text;           /* titles, labels */
  LgrRgba text_secondary; /* subtitle, source line, axis titles */
  LgrRgba grid;           /* horizontal gridlines */
  LgrRgba axis;           /* the band axis baseline */
  LgrRgba zero_line;      /* emphasised */
  LgrRgba highlight_band; /* the highlighted year */
  LgrRgba callout_fill;   /* the box with the highlighted year's figures */
  LgrRgba callout_border;
  LgrRgba reference; /* the reference scenario's line in the difference chart */
  LgrRgba start;     /* the starting point's thin lines (options->start) */
  double grid_width, zero_width, line_width, marker_size, start_width;
  const char *font_family;
  gboolean dark;
} LgrChartTheme;

#define LGR_CHART_FONT_FAMILY "Cantarell, DejaVu Sans, sans"
#define LGR_CHART_N_PALETTE 8
#define LGR_CHART_N_MARKERS 6
#define LGR_CHART_N_DASHES 4

const LgrChartTheme *lgr_chart_theme_get (LgrChartStyle style);

/* The categorical palette (Okabe and Ito, "Color Universal Design"), in the order used. */
LgrRgba lgr_chart_palette_colour (const LgrChartTheme *theme, guint index);
gboolean lgr_chart_parse_colour (const char *spec, LgrRgba *colour);
/* The palette slot of every scenario of results (lgr_scenario_style_slots), to be freed, and
 * the line style (marker and dash) of a slot: a scenario's style follows its colour. */
guint *lgr_chart_style_slots (const LgrResults *results);
void lgr_chart_slot_style (guint slot, guint *marker, guint *dash);
/* A colour as a person with deuteranopia sees it (Machado, Oliveira and Fernandes 2009,
 * severity 1), and the CIE76 distance between two colours in CIELAB. */
LgrRgba lgr_chart_simulate_deuteranopia (LgrRgba colour);
double lgr_chart_colour_distance (LgrRgba a, LgrRgba b);
void lgr_chart_set_source (cairo_t *cr, LgrRgba colour);

/* Geometry */

typedef struct
{
  double x, y, width, height;
} LgrChartRect;

gboolean lgr_chart_rect_intersects (const LgrChartRect *a, const LgrChartRect *b);

typedef struct
{
  double x0, y0, x1, y1;
} LgrChartSegment;

/* Whether any part of the segment lies in rect. */
gboolean lgr_chart_segment_hits_rect (const LgrChartSegment *segment, const LgrChartRect *rect);
gboolean lgr_chart_rect_contains (const LgrChartRect *outer, const LgrChartRect *inner);

/* Value axis: maps a value to 0..1 with round ticks (1, 2, 2.5, 5 x 10^k). */

#define LGR_CHART_MAX_TICKS 16

typedef struct
{
  double min, max; /* the domain, widened to whole ticks */
  double step;
  guint n_ticks;
  double ticks[LGR_CHART_MAX_TICKS];
} LgrValueAxis;

/* The round step at least span / max_ticks. */
double lgr_value_axis_nice_step (double span, guint max_ticks);
/* Domain from data_min..data_max with at most max_ticks intervals; zero always included when
 * include_zero; an empty span is widened to min_span. */
void lgr_value_axis_init (LgrValueAxis *axis, double data_min, double data_max, guint max_ticks,
                          gboolean include_zero, double min_span);
double lgr_value_axis_fraction (const LgrValueAxis *axis, double value); /* 0 at min, 1 at max */

/* Band axis: one band per financial year across a pixel range. */
typedef struct
{
  double x0, width; /* pixel range */
  guint n;
} LgrBandAxis;

double lgr_band_axis_centre (const LgrBandAxis *axis, double index); /* index may be fractional */
double lgr_band_axis_band_width (const LgrBandAxis *axis);
int lgr_band_axis_index_at (const LgrBandAxis *axis, double x); /* -1 outside */

/* Data */

typedef enum
{
  LGR_SERIES_LINE,
  LGR_SERIES_COLUMN,
} LgrSeriesType;

typedef struct
{
  char *label; /* legend text */
  LgrSeriesType type;
  guint panel;
  LgrRgba colour;
  guint marker;     /* shape index, for lines */
  guint dash;       /* 0 solid, else a dash pattern, for lines */
  gboolean hatched; /* columns: cost avoidance, not counted in the net */
  gboolean in_legend;
  gboolean emphasis; /* a thicker line (net) */
  gboolean start;    /* the starting point's: thin, grey, under the others, out of the legend */
  double *values;    /* n_years */
} LgrChartSeries;

typedef enum
{
  LGR_MARK_PAYBACK,
  LGR_MARK_PEAK,
  LGR_MARK_CROSSOVER,
} LgrMarkKind;

typedef struct
{
  LgrMarkKind kind;
  guint panel;
  double index; /* fractional year index on the band axis */
  double value;
  LgrRgba colour;
  char *text;
} LgrChartMark;

typedef struct
{
  char *label;
  LgrSeriesType type;
  LgrRgba colour;
  guint marker;
  guint dash;
  gboolean hatched;
  gboolean no_marker; /* a style key ("baseline" dashed) rather than a series */
  gboolean thin;      /* drawn at the starting point's width */
} LgrLegendEntry;

/* The uncertainty chart's P10-P90 band of one scenario, drawn translucent under the lines. */
typedef struct
{
  guint panel;
  LgrRgba colour;
  double *lower; /* n_years */
  double *upper;
} LgrChartBand;

/* A tornado bar: the metric with the quantity at its low and at its high input. */
typedef struct
{
  char *label; /* in words, with the low and high input values */
  double at_low, at_high;
} LgrChartBar;

typedef struct
{
  LgrChartKind kind;
  int first_year;
  guint n_years;
  gboolean money; /* money axis (else counts) */
  char *y_title;  /* e.g. "children"; NULL for money */
  char *title;
  char *subtitle;
  char *source;
  GPtrArray *citations; /* of char*: the documents the source line names (NULL: given by the
                         * caller); the layout names as many as two lines hold */
  char *empty_message;  /* set when there is nothing to draw */
  guint n_panels;
  char **panel_titles;   /* n_panels, NULL when one panel */
  GPtrArray *series;     /* of LgrChartSeries* */
  GArray *marks;         /* of LgrChartMark */
  GArray *legend;        /* of LgrLegendEntry */
  char *reference_label; /* difference chart: the zero line's label */
  double min, max;       /* extent of everything drawn, stacks included */
  GArray *bands;         /* of LgrChartBand (uncertainty chart) */
  GArray *bars;          /* of LgrChartBar, widest first (tornado); NULL for charts by year */
  double central;        /* tornado: the metric at the central values */
  char *note;            /* tornado: what the bars leave out; NULL for nothing */
  /* While building only (NULL after): the figures the uncertain kinds draw from. */
  const LgrUncertaintyResults *uncertainty;
  const LgrSensitivity *sensitivity;
  const LgrResults *start; /* options->start for the kinds that show it */
  gboolean start_differs;  /* a starting series added differs from its live one */
} LgrChartData;

/* Builds the data of options->kind through its catalogue row (lgr-chart-catalogue.c). */
LgrChartData *lgr_chart_data_new (const LgrResults *results, const LgrChartOptions *options);
void lgr_chart_data_free (LgrChartData *data);
/* Indices of the shown scenarios (options->scenarios, or all), in display order. */
GArray *lgr_chart_shown_scenarios (const LgrResults *results, const LgrChartOptions *options);

/* For the builders (lgr-chart-data.c): the data with its titles and no series yet (the empty
 * message set when there is no scenario or year to show); y_title NULL for a money axis. */
LgrChartData *lgr_chart_data_alloc (const LgrResults *results, const LgrChartOptions *options,
                                    const char *title, const char *y_title, guint n_shown);
/* The "Sources:" line (lgr-chart-sources.c): appends to out (of char*) the documents note cites,
 * "Publisher, Short title, year", each once; then the line naming the first named of them and
 * "and N others", or the study title when no note cites a document. */
void lgr_chart_sources_cite (GPtrArray *out, const char *note);
char *lgr_chart_sources_line (GPtrArray *citations, guint named, const char *study_title);
/* The source line naming cited (of char*, copied), unless the caller gave its own. */
void lgr_chart_data_set_citations (LgrChartData *data, const LgrResults *results, GPtrArray *cited);
/* The extent of everything drawn, once every series is in. */
void lgr_chart_data_finish (LgrChartData *data);
/* A series of n_years zeros, in the legend unless in_legend is cleared. */
LgrChartSeries *lgr_chart_data_add_series (LgrChartData *data, LgrSeriesType type, guint panel,
                                           const char *label, LgrRgba colour);
void lgr_chart_data_add_legend (LgrChartData *data, const char *label, LgrSeriesType type,
                                LgrRgba colour, guint marker, guint dash, gboolean hatched,
                                gboolean no_marker);
/* Takes label; the first bar makes data->bars. */
void lgr_chart_data_add_bar (LgrChartData *data, char *label, double at_low, double at_high);
/* Takes text. */
void lgr_chart_data_add_mark (LgrChartData *data, LgrMarkKind kind, guint panel, double index,
                              double value, LgrRgba colour, char *text);
/* A scenario's colour: its own (a palette colour as the theme draws it), or the palette's of
 * its index in the study (lgr-scenario-style.h). */
LgrRgba lgr_chart_scenario_rgba (const LgrChartTheme *theme, const LgrScenarioResult *r,
                                 guint index);
/* The year's figures (lgr_chart_describe_year) from built data. */
char *lgr_chart_data_describe_year (const LgrChartData *data, int year_index);
/* The text alternative of the chart data was built for (lgr_chart_describe()). */
char *lgr_chart_data_describe (const LgrChartData *data, const LgrResults *results,
                               const LgrChartOptions *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrChartData, lgr_chart_data_free)

/* Catalogue: one row per chart kind (lgr-chart-catalogue.c), its hooks in the kind's builder
 * file. */

/* Fills data (allocated with its titles) for the shown scenarios, at least one. */
typedef void (*LgrChartBuildFunc) (LgrChartData *data, const LgrResults *results, GArray *shown,
                                   const LgrChartTheme *theme);
/* Appends the text alternative's sentences after "<title>, <years>." (data not empty). */
typedef void (*LgrChartDescribeFunc) (GString *out, const LgrChartData *data,
                                      const LgrResults *results, GArray *shown);
/* Appends one line per series ("\n<series>: <figure>") for a year in range. */
typedef void (*LgrChartDescribeYearFunc) (GString *out, const LgrChartData *data, int year_index);
/* Whether the chart has something to show for the results; NULL: always. */
typedef gboolean (*LgrChartAppliesFunc) (const LgrResults *results);

typedef struct
{
  const char *name;        /* command line and settings, never translated */
  const char *title;       /* untranslated (N_): the chart's title */
  const char *short_title; /* untranslated (N_): the window's switcher */
  const char *y_title;     /* untranslated (N_) axis title of a count; NULL for money */
  LgrChartBuildFunc build;
  LgrChartDescribeFunc describe;
  LgrChartDescribeYearFunc describe_year;
  LgrChartAppliesFunc applies;
  gboolean uncertain; /* built from the Monte Carlo or the tornado (data->uncertainty, ...) */
  gboolean start;     /* shows the starting point (options->start) as thin grey lines */
} LgrChartKindInfo;

/* The row of kind; an out-of-range kind gets the first row (cashflow). */
const LgrChartKindInfo *lgr_chart_kind_info (LgrChartKind kind);

/* The starting point (lgr-chart-start.c), for the builders of the kinds that show it. */

/* When data->start is set: adds, in panel, the starting point's series of the scenario with r's
 * id as a thin grey line with dash (values by financial year, NaN where the starting point has
 * no such year), and notes whether it differs from r's. The series is the double array at
 * offset in LgrScenarioResult (G_STRUCT_OFFSET (LgrScenarioResult, cumulative)). */
void lgr_chart_start_add (LgrChartData *data, const LgrScenarioResult *r, gsize offset, guint panel,
                          guint dash, const LgrChartTheme *theme);
/* Once built: the starting series go if none differs, else the legend gains "Starting point". */
void lgr_chart_start_finish (LgrChartData *data, const LgrChartTheme *theme);
/* Whether data shows a starting point. */
gboolean lgr_chart_start_shown (const LgrChartData *data);
/* The text alternative's sentence: each starting series' last figure. */
void lgr_chart_start_describe (GString *out, const LgrChartData *data);

/* The builders, one file each. */
void lgr_chart_build_cashflow (LgrChartData *data, const LgrResults *results, GArray *shown,
                               const LgrChartTheme *theme);
void lgr_chart_describe_cashflow (GString *out, const LgrChartData *data, const LgrResults *results,
                                  GArray *shown);
void lgr_chart_describe_year_cashflow (GString *out, const LgrChartData *data, int year_index);
/* The cashflow chart's payback and peak funding marks of one scenario (the uncertainty chart's
 * too). */
void lgr_chart_cashflow_marks (LgrChartData *data, const LgrScenarioResult *r, LgrRgba colour);

void lgr_chart_build_savings (LgrChartData *data, const LgrResults *results, GArray *shown,
                              const LgrChartTheme *theme);
void lgr_chart_describe_savings (GString *out, const LgrChartData *data, const LgrResults *results,
                                 GArray *shown);
void lgr_chart_describe_year_savings (GString *out, const LgrChartData *data, int year_index);

void lgr_chart_build_difference (LgrChartData *data, const LgrResults *results, GArray *shown,
                                 const LgrChartTheme *theme);
void lgr_chart_describe_difference (GString *out, const LgrChartData *data,
                                    const LgrResults *results, GArray *shown);
void lgr_chart_describe_year_difference (GString *out, const LgrChartData *data, int year_index);
gboolean lgr_chart_difference_applies (const LgrResults *results);

void lgr_chart_build_children (LgrChartData *data, const LgrResults *results, GArray *shown,
                               const LgrChartTheme *theme);
void lgr_chart_describe_children (GString *out, const LgrChartData *data, const LgrResults *results,
                                  GArray *shown);
void lgr_chart_describe_year_children (GString *out, const LgrChartData *data, int year_index);
gboolean lgr_chart_children_applies (const LgrResults *results);

void lgr_chart_build_tornado (LgrChartData *data, const LgrResults *results, GArray *shown,
                              const LgrChartTheme *theme);
void lgr_chart_describe_tornado (GString *out, const LgrChartData *data, const LgrResults *results,
                                 GArray *shown);
void lgr_chart_describe_year_tornado (GString *out, const LgrChartData *data, int year_index);

void lgr_chart_build_uncertainty (LgrChartData *data, const LgrResults *results, GArray *shown,
                                  const LgrChartTheme *theme);
void lgr_chart_describe_uncertainty (GString *out, const LgrChartData *data,
                                     const LgrResults *results, GArray *shown);
void lgr_chart_describe_year_uncertainty (GString *out, const LgrChartData *data, int year_index);
/* Whether the study of results has at least one uncertain quantity (both uncertain kinds). */
gboolean lgr_chart_uncertain_applies (const LgrResults *results);
/* Sets data->uncertainty and data->sensitivity from options, or computes them from the study's
 * own <uncertainty> settings into the returned holder (free it once the data is built); sets
 * data->empty_message when the study has no quantity or the draws fail. */
typedef struct _LgrChartUncertain LgrChartUncertain;
LgrChartUncertain *lgr_chart_uncertain_prepare (LgrChartData *data, const LgrResults *results,
                                                const LgrChartOptions *options);
void lgr_chart_uncertain_free (LgrChartUncertain *u);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrChartUncertain, lgr_chart_uncertain_free)
/* An uncertain quantity's input value in words, after its key: "52", "£1,570", "2028/29". */
char *lgr_chart_quantity_value (const LgrStudy *study, const LgrQuantity *q, double value);

/* Text */

typedef enum
{
  LGR_TEXT_TITLE,
  LGR_TEXT_SUBTITLE,
  LGR_TEXT_SOURCE,
  LGR_TEXT_LEGEND,
  LGR_TEXT_PANEL_TITLE,
  LGR_TEXT_Y_TITLE,
  LGR_TEXT_Y_TICK,
  LGR_TEXT_X_TICK,
  LGR_TEXT_ANNOTATION,
  LGR_TEXT_MESSAGE,
  LGR_N_TEXT_ROLES
} LgrTextRole;

typedef struct
{
  LgrTextRole role;
  LgrChartRect box; /* in chart units, after any rotation */
  char *text;
} LgrChartLabel;

typedef struct
{
  PangoContext *context;
  double unit; /* font size factor for this chart size */
  PangoFontDescription *fonts[LGR_N_TEXT_ROLES];
  double line_heights[LGR_N_TEXT_ROLES]; /* measured once each; 0 until then */
} LgrChartText;

void lgr_chart_text_init (LgrChartText *text, const LgrChartTheme *theme, double unit);
void lgr_chart_text_clear (LgrChartText *text);
/* The most characters of one label handed to pango: more than a line of the widest export
 * holds at the smallest text size (8,000 pixels). */
#define LGR_CHART_MAX_LABEL_CHARS 1000
/* A layout for role; max_width > 0 ellipsizes at the end; a text is cut
 * to LGR_CHART_MAX_LABEL_CHARS first. */
PangoLayout *lgr_chart_text_layout (LgrChartText *text, LgrTextRole role, const char *string,
                                    double max_width);
void lgr_chart_text_size (PangoLayout *layout, double *width, double *height);
double lgr_chart_text_line_height (LgrChartText *text, LgrTextRole role);

/* Layout: where everything goes. Computed once by lgr_chart_layout_new() for drawing and for
 * hit-testing (an LgrChartPlot keeps it), so a pointer maps to the year drawn under it. */

typedef struct
{
  LgrChartRect plot;  /* the plot area of this panel */
  LgrChartRect title; /* panel title box (width 0 if none) */
  LgrValueAxis y;
  LgrBandAxis x;
  guint x_label_step;        /* every n-th year labelled */
  gboolean x_labels_rotated; /* read upwards, at 90 degrees */
  double x_label_height;
  double y_label_width;
} LgrChartPanel;

typedef struct
{
  LgrChartLabel label;   /* box and text */
  LgrLegendEntry *entry; /* borrowed from data->legend */
  LgrChartRect swatch;
} LgrLegendItem;

/* Where a mark's label went (lgr-chart-labels.c): its box with the halo, whether it found a
 * place and whether it hangs on a leader line; which mark it labels (its index in data->marks,
 * kind and panel), its point and the lines its leader crosses, for the plot after this one. */
typedef struct
{
  LgrChartRect box;
  gboolean found, leader;
  guint mark;
  LgrMarkKind kind;
  guint panel;
  double px, py;
  guint crossings;
} LgrChartPlacement;

typedef struct
{
  double width, height;
  double unit;
  LgrChartData *data; /* owned */
  const LgrChartTheme *theme;
  LgrChartText text;
  double pad;
  LgrChartRect title, subtitle, source;
  gboolean show_title, show_subtitle, show_source;
  GArray *legend_items; /* of LgrLegendItem */
  guint n_panels;
  LgrChartPanel *panels;
  GArray *labels;       /* of LgrChartLabel: every text box drawn, filled while drawing */
  GPtrArray *x_layouts; /* of PangoLayout: the year labels, measured once */
  double x_label_max_width;
  int highlight_index;
  GArray *leaders;    /* of LgrChartSegment: the marks' leader lines, filled while drawing */
  GArray *placements; /* of LgrChartPlacement: the marks' labels, found on the first draw */
  guint n_placed;     /* placements used so far in this draw */
  GArray *previous;   /* of LgrChartPlacement: the labels of the layout this one follows (a
                       * drag's step before), or NULL */
  /* What the marks' labels of one panel must not cross (lgr-chart-labels.c), gathered for the
   * panel's first label of a draw and then only added to: of LgrChartSegment (lines, the zero
   * line, the leaders drawn so far; obstacle_lines without the zero line) and LgrChartRect. */
  GArray *obstacle_segments, *obstacle_lines, *obstacle_boxes;
  guint obstacles_panel;   /* the panel they are for, plus 1; 0 for none */
  guint obstacles_leaders; /* how many of the leaders they hold */
  /* Of PangoLayout by role, width and text (lgr_chart_layout_text()): this layout's, and those
   * of the layout it follows when their fonts are the same, or NULL. */
  GHashTable *texts, *texts_before;
} LgrChartLayout;

/* Needs no cairo context: text is measured on the charts' own pango context (cr may be NULL). */
LgrChartLayout *lgr_chart_layout_new (cairo_t *cr, const LgrResults *results,
                                      const LgrChartOptions *options, double width, double height);
/* The same for data already built (taken). */
LgrChartLayout *lgr_chart_layout_new_for_data (LgrChartData *data, const LgrChartOptions *options,
                                               double width, double height);
/* The same, following previous (NULL: none), a layout of the same chart for earlier results:
 * its texts serve again while their fonts are the same, and its labels' places as
 * lgr_chart_layout_follow() says. Only for the window (lgr_chart_plot_new_following()). */
LgrChartLayout *lgr_chart_layout_new_following (LgrChartData *data, const LgrChartOptions *options,
                                                double width, double height,
                                                const LgrChartLayout *previous);
void lgr_chart_layout_free (LgrChartLayout *layout);
/* Makes the layout's labels on leaders start from where they were in previous, a layout of the
 * same chart at the same size for earlier results (its placements, or the ones it followed if
 * it was never drawn); nothing if previous is NULL or of another size or kind. Never for an
 * export, the report or the command line: they place every label afresh. */
void lgr_chart_layout_follow (LgrChartLayout *layout, const LgrChartLayout *previous);
/* Draws the layout with the year at layout->highlight_index highlighted; fills layout->labels
 * with every text box drawn (emptied first, so a layout may be drawn again). */
void lgr_chart_layout_draw (LgrChartLayout *layout, cairo_t *cr);
/* Panel and year index under (x, y), or -1. */
int lgr_chart_layout_year_at (const LgrChartLayout *layout, double x, double y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrChartLayout, lgr_chart_layout_free)

/* Legend */
void lgr_chart_legend_layout (LgrChartLayout *layout, double x, double y, double width,
                              double max_height, double *height);
void lgr_chart_legend_draw (LgrChartLayout *layout, cairo_t *cr);

/* Layers: each draws one kind of thing into one panel. */
void lgr_chart_layer_grid (LgrChartLayout *layout, const LgrChartPanel *panel, cairo_t *cr);
void lgr_chart_layer_columns (LgrChartLayout *layout, guint panel_index, cairo_t *cr);
void lgr_chart_layer_lines (LgrChartLayout *layout, guint panel_index, cairo_t *cr);
void lgr_chart_layer_zero_line (LgrChartLayout *layout, const LgrChartPanel *panel, cairo_t *cr);
void lgr_chart_layer_marks (LgrChartLayout *layout, guint panel_index, cairo_t *cr);
void lgr_chart_layer_highlight (LgrChartLayout *layout, guint panel_index, cairo_t *cr);
void lgr_chart_layer_callout (LgrChartLayout *layout, guint panel_index, cairo_t *cr);
void lgr_chart_layer_axes (LgrChartLayout *layout, guint panel_index, cairo_t *cr);
void lgr_chart_layer_bands (LgrChartLayout *layout, guint panel_index, cairo_t *cr);
/* The tornado is not drawn by year: it draws its bars into the first panel's cell itself. */
void lgr_chart_tornado_draw (LgrChartLayout *layout, cairo_t *cr);
void lgr_chart_draw_marker (cairo_t *cr, guint marker, double x, double y, double size);
void lgr_chart_set_dash (cairo_t *cr, guint dash, double line_width);
void lgr_chart_fill_hatched (cairo_t *cr, LgrChartRect rect, LgrRgba colour, double unit);
/* The y of value in the panel, and every how many points a line draws its marker. */
double lgr_chart_panel_y (const LgrChartPanel *panel, double value);
guint lgr_chart_marker_step (const LgrChartLayout *layout, const LgrChartPanel *panel);

/* Labels beside points (lgr-chart-labels.c). What a label of panel p must not cross: every
 * series line and the zero line as segments (with the leader lines drawn so far if
 * with_leaders), every marker and mark as a box. */
void lgr_chart_layout_obstacles (const LgrChartLayout *layout, guint p, gboolean with_leaders,
                                 GArray *segments, GArray *boxes);
/* Draws the label of data->marks[mark] beside its point (below it first for a peak) where it
 * crosses no obstacle and no label drawn so far; else where it was on its leader in the layout
 * followed (lgr_chart_layout_follow()), moved with its point, if that is still free; else at
 * the nearest free place with a leader line; FALSE when the plot has no room at all. */
gboolean lgr_chart_place_label (LgrChartLayout *layout, cairo_t *cr, guint mark);

/* A layout for role as lgr_chart_text_layout(), shared: the same text again, in this layout or
 * in the one it follows, is the same PangoLayout, shaped once. A new reference, never to be
 * changed (no width, wrapping or markup set on it). */
PangoLayout *lgr_chart_layout_text (LgrChartLayout *layout, LgrTextRole role, const char *string,
                                    double max_width);

/* Text drawn and recorded: the box is added to layout->labels. */
void lgr_chart_draw_label (LgrChartLayout *layout, cairo_t *cr, PangoLayout *pl, LgrTextRole role,
                           double x, double y, gboolean rotated, LgrRgba colour);
/* Whether box collides with any recorded label. */
gboolean lgr_chart_label_collides (const LgrChartLayout *layout, const LgrChartRect *box);

/* A PDF's title, author and creator (lgr-export.c). A study file names no author, so the
 * author is the application that drew it. */
void lgr_export_pdf_metadata (cairo_surface_t *surface, const char *title);

/* Formatting of axis values: money through lgr-format.h, counts through lgr_format_count. */
char *lgr_chart_format_tick (const LgrChartData *data, double value, double step);
char *lgr_chart_format_value (const LgrChartData *data, double value);

G_END_DECLS
