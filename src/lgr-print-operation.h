/* lgr-print-operation.h: printing a chart (one landscape page, white paper) through
 * GtkPrintOperation, drawn by lgr_chart_draw like every other output.
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

/* Shows the print dialog and prints. */
gboolean lgr_print_study (GtkWindow *parent, const LgrStudy *study, const LgrResults *results,
                          LgrChartKind kind, GError **error);

G_END_DECLS
