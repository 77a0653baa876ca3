/* lgr-export.h: charts to files (PNG, SVG, PDF) and the multi-page cabinet report (PDF).
 * Always the light style, white background. No display needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lgr-chart.h"
#include "lgr-study.h"

G_BEGIN_DECLS

typedef enum
{
  LGR_EXPORT_PNG,
  LGR_EXPORT_SVG,
  LGR_EXPORT_PDF,
} LgrExportFormat;

/* From a file name's extension (.png, .svg, .pdf, any case). */
gboolean lgr_export_format_from_path (const char *path, LgrExportFormat *format);

/* The largest export, in pixels after the scale (points for SVG and PDF): what a report or a
 * poster needs - an A4 page at 600 dots an inch is 7,016 × 4,961, 35 million pixels - and no
 * more, since an image costs 4 bytes a pixel while it is drawn (40 million: 160 MB). */
#define LGR_EXPORT_MIN_SIDE 16
#define LGR_EXPORT_MAX_SIDE 8000
#define LGR_EXPORT_MAX_PIXELS 40000000

/* Whether a chart of width × height at scale can be exported; sets G_IO_ERROR_INVALID_ARGUMENT
 * with a message saying the limit if not. */
gboolean lgr_export_check_size (double width, double height, double scale, GError **error);

/* width and height in logical pixels (points for SVG/PDF); scale multiplies the pixels of a PNG
 * (2.0 gives a 3200x1800 image for 1600x900). Writes atomically; sets G_IO_ERROR on failure. */
gboolean lgr_export_chart (const LgrResults *results, const LgrChartOptions *options,
                           LgrExportFormat format, const char *path, double width, double height,
                           double scale, GError **error);

/* A chart's PDF title: its title and the study's ("Cumulative net cashflow – Warwickshire..."). */
char *lgr_export_chart_pdf_title (const LgrResults *results, const LgrChartOptions *options);

/* Printing: when cr draws into a PDF (the print dialog's "Print to File", an export), gives it
 * the title, author and creator that the exports carry; otherwise does nothing. */
void lgr_export_print_metadata (cairo_t *cr, const char *title);

/* The same into memory (for the clipboard): PNG bytes. */
GBytes *lgr_export_chart_png_bytes (const LgrResults *results, const LgrChartOptions *options,
                                    double width, double height, double scale, GError **error);

/* A4 report: title page (title, description, verdict, date), assumptions of each scenario with
 * sources, each chart on its own page, the year-by-year table per scenario; page numbers. */
gboolean lgr_report_write_pdf (const LgrStudy *study, const LgrResults *results, const char *path,
                               GError **error);

/* The report drawn onto one page supplied by the caller. Each call lays the whole report out
 * again: to draw every page (printing), use LgrReportPages below. */
int lgr_report_n_pages (const LgrStudy *study, const LgrResults *results);
void lgr_report_draw_page (cairo_t *cr, const LgrStudy *study, const LgrResults *results, int page,
                           double page_width, double page_height);

/* The whole report drawn once, a page at a time on demand (printing): lgr_report_draw_page lays
 * the report out again for each page, this lays it out twice in all and keeps each page as a
 * cairo recording. */
typedef struct _LgrReportPages LgrReportPages;
LgrReportPages *lgr_report_pages_new (const LgrStudy *study, const LgrResults *results,
                                      double page_width, double page_height);
int lgr_report_pages_get_n_pages (const LgrReportPages *pages);
void lgr_report_pages_draw (const LgrReportPages *pages, cairo_t *cr, int page);
void lgr_report_pages_free (LgrReportPages *pages);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrReportPages, lgr_report_pages_free)

G_END_DECLS
