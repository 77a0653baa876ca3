/* lgr-report-uncertainty.h: the report's "How sure are we?" section (lgr-report-uncertainty.c),
 * written through a small set of the report's own writing functions so that the report's
 * layout stays in lgr-report.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

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

/* A table of n_columns figures too wide for the text column split into blocks of rows, beside a
 * label column label_width wide: how many blocks, at most how many columns each (as even as can
 * be), and each column's width (a figure takes at least 50 points). */
typedef struct
{
  guint n_blocks;
  guint per_block;
  double column_width;
} LgrReportBlocks;

static inline LgrReportBlocks
lgr_report_blocks (double width, double label_width, guint n_columns)
{
  LgrReportBlocks b;
  b.per_block = (guint)MAX (1.0, floor ((width - label_width) / 50));
  b.n_blocks = (n_columns + b.per_block - 1) / b.per_block;
  if (b.n_blocks > 0)
    b.per_block = (n_columns + b.n_blocks - 1) / b.n_blocks;
  b.column_width = (width - label_width) / b.per_block;
  return b;
}

/* The Monte Carlo and the tornado of a study, computed once for every run over the report. */
typedef struct _LgrReportUncertain LgrReportUncertain;

/* Writes the section when the study has at least one uncertain quantity; *cache (NULL at
 * first) keeps the figures between runs: free it with lgr_report_uncertain_free(). */
void lgr_report_uncertainty_section (const LgrReportSink *sink, const LgrResults *results,
                                     LgrReportUncertain **cache);
void lgr_report_uncertain_free (LgrReportUncertain *u);

G_END_DECLS
