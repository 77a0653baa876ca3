/* lgr-export-dialog.h: export a chart for a report or a slide - chart, format (PNG, SVG, PDF),
 * size (slide, A4 page width, custom), PNG resolution, title, subtitle and source line, with a
 * preview of exactly what will be written. Choices are remembered in GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lgr-chart.h"
#include "lgr-document.h"
#include "lgr-export.h"

G_BEGIN_DECLS

#define LGR_TYPE_EXPORT_DIALOG (lgr_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LgrExportDialog, lgr_export_dialog, LGR, EXPORT_DIALOG, AdwWindow)

GtkWidget *lgr_export_dialog_new (GtkWindow *parent, LgrDocument *document, GSettings *settings,
                                  LgrChartKind kind);

/* Writes the chart as currently chosen to path (the format follows the choice, not the
 * extension). What the Export button does after asking for a file. */
gboolean lgr_export_dialog_export_to_path (LgrExportDialog *self, const char *path, GError **error);

/* Test handles: */
void lgr_export_dialog_set_format (LgrExportDialog *self, LgrExportFormat format);
void lgr_export_dialog_set_title_text (LgrExportDialog *self, const char *title);
void lgr_export_dialog_get_size (LgrExportDialog *self, double *width, double *height,
                                 double *scale);
/* What the width and height rows show, and the line under the preview ("Writes an image of
 * 1920 × 1080 pixels.", or why not). */
void lgr_export_dialog_get_shown_size (LgrExportDialog *self, double *width, double *height);
const char *lgr_export_dialog_get_status (LgrExportDialog *self);
/* The preview image (NULL until drawn). */
GdkPaintable *lgr_export_dialog_get_preview (LgrExportDialog *self);

G_END_DECLS
