/* lgr-report-councils.h: the report's "Per council" section (lgr-report-councils.c): each
 * scenario with several authorities, its net year by year split by council and shared items
 * (docs/model.md, "Per-council figures").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lgr-report-uncertainty.h"
#include "lgr-results.h"

G_BEGIN_DECLS

/* Nothing when no scenario has several authorities. */
void lgr_report_councils_section (const LgrReportSink *sink, const LgrResults *results);

G_END_DECLS
