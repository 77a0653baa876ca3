/* lgr-print-operation.h: printing through GtkPrintOperation, on white paper: a chart (one
 * landscape page, drawn by lgr_chart_draw like every other output) or the cabinet report (A4
 * portrait, the pages of lgr_report_draw_page, the same as the exported PDF).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lgr-chart.h"
#include "lgr-results.h"

G_BEGIN_DECLS

#define LGR_TYPE_PRINT_OPERATION (lgr_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (LgrPrintOperation, lgr_print_operation, LGR, PRINT_OPERATION,
                      GtkPrintOperation)

/* study and results must outlive the operation's run (it is run modally). */
LgrPrintOperation *lgr_print_operation_new (const LgrStudy *study, const LgrResults *results,
                                            LgrChartKind kind);

/* The report instead of one chart. */
LgrPrintOperation *lgr_print_operation_new_report (const LgrStudy *study,
                                                   const LgrResults *results);

/* Runs the operation without a dialog, writing a PDF to path (used by tests). */
gboolean lgr_print_operation_export_pdf (LgrPrintOperation *self, const char *path, GError **error);

/* Shows the print dialog and prints. */
gboolean lgr_print_study (GtkWindow *parent, const LgrStudy *study, const LgrResults *results,
                          LgrChartKind kind, GError **error);
gboolean lgr_print_report (GtkWindow *parent, const LgrStudy *study, const LgrResults *results,
                           GError **error);

G_END_DECLS
