/* lgr-workbook.h: a study and its results as an Excel workbook whose figures are live formulas.
 *
 * Sheets: "Inputs" (the settings, authorities, levers and items of the study, each with its
 * source), one sheet per scenario (every yearly figure of docs/model.md as a formula over the
 * Inputs, and the scenario's totals), and "Summary" (payback, peak funding, NPV, total net and
 * run rate per scenario, as formulas). Every formula also carries the value the app computed,
 * so a viewer that does not recalculate shows the right numbers; change an input in a
 * spreadsheet and the workbook recomputes as the app would. docs/format.md describes the
 * layout.
 *
 * Written with libxlsxwriter. This module is built as its own library (lgr-workbook, see
 * src/core/meson.build) so that the rest of the core does not need libxlsxwriter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lgr-results.h"

G_BEGIN_DECLS

/* The workbook of results (and of the study they were computed from) as the bytes of an .xlsx
 * file, or NULL with error set. */
GBytes *lgr_workbook_build (const LgrResults *results, GError **error);

/* Builds the workbook and writes it to path through lgr_file_replace_contents() (atomically). */
gboolean lgr_workbook_write (const LgrResults *results, const char *path, GError **error);

/* TRUE if path ends in ".xlsx" (any case). */
gboolean lgr_workbook_path_is_xlsx (const char *path);

G_END_DECLS
