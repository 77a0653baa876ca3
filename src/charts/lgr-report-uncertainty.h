/* lgr-report-uncertainty.h: the report's "How sure are we?" section (lgr-report-uncertainty.c),
 * written through a small set of the report's own writing functions so that the report's
 * layout stays in lgr-report.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lgr-chart-options.h"
#include "lgr-results.h"

G_BEGIN_DECLS

/* What the section needs of the report: report is passed back to each function. */
typedef struct
{
  gpointer report;
  double width; /* of the text column, in points */
  void (*page_break) (gpointer report);
  void (*heading) (gpointer report, gboolean major, const char *text);
  void (*paragraph) (gpointer report, gboolean secondary, const char *text);
  /* cells of the given widths, the first left-aligned and the others right-aligned */
  void (*table_row) (gpointer report, const char *const *cells, guint n_cells, const double *widths,
                     gboolean bold);
  void (*chart) (gpointer report, const LgrChartOptions *options, double height);
} LgrReportSink;

/* The Monte Carlo and the tornado of a study, computed once for every run over the report. */
typedef struct _LgrReportUncertain LgrReportUncertain;

/* Writes the section when the study has at least one uncertain quantity; *cache (NULL at
 * first) keeps the figures between runs: free it with lgr_report_uncertain_free(). */
void lgr_report_uncertainty_section (const LgrReportSink *sink, const LgrResults *results,
                                     LgrReportUncertain **cache);
void lgr_report_uncertain_free (LgrReportUncertain *u);

G_END_DECLS
