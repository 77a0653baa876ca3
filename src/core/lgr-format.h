/* lgr-format.h: the one way numbers reach people - money, years, counts, percentages.
 *
 * Used by the window, the charts, the exports, the report and the command line alike, so
 * £12.3m means the same everywhere. Negative money is written with a minus sign: −£4.5m.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* £12.3m, £450k, £1,570, −£4.5m, £0. Three significant figures at most for m/bn/k. From a
 * thousand trillion pounds (10^15, far beyond any council) a power of ten: £1.8×10³⁰⁸. NaN and
 * infinities: "—". */
char *lgr_format_money (double pounds);

/* Exact pounds with thousands separators: £1,570, £37,300,000, −£12. */
char *lgr_format_money_exact (double pounds);

/* Money at a chosen precision for axes: step is the tick interval, so labels of one axis share
 * a unit and a number of decimals: £0, £50m, £100m; £0, £2.5m, £5m. */
char *lgr_format_money_tick (double pounds, double step);

/* Longest texts drawn whole: a name or title (a line of a chart or a report), and a note,
 * description or source (under a page of the report). Longer ones end in an ellipsis. */
#define LGR_FORMAT_MAX_NAME_CHARS 200
#define LGR_FORMAT_MAX_NOTE_CHARS 4000

/* text cut to at most max_chars characters (not bytes) and "…" if it was longer; never reads
 * more of text than that, so a text of megabytes costs no more than a short one. */
char *lgr_format_truncate (const char *text, gsize max_chars);

/* 2028 -> "2028/29"; 1999 -> "1999/00". */
char *lgr_format_financial_year (int year);

/* 1234.56 -> "1,235"; with decimals: 72.8 -> "72.8". */
char *lgr_format_count (double value, int decimals);

/* 3.25 -> "3.25"; trims trailing zeros up to max_decimals. */
char *lgr_format_decimal (double value, int max_decimals);

/* 75 -> "75%". */
char *lgr_format_percent (double percent);

G_END_DECLS
