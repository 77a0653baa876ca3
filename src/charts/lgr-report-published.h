/* lgr-report-published.h: the report's "Published figures checked" section
 * (lgr-report-published.c), written through the report's sink (lgr-report-uncertainty.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lgr-report-uncertainty.h"
#include "lgr-results.h"

G_BEGIN_DECLS

/* Writes the section when a scenario has a published figure: for each such scenario a table of
 * measure, published, computed and difference, each row followed by its source. */
void lgr_report_published_section (const LgrReportSink *sink, const LgrResults *results);

G_END_DECLS
