/* lgr-cli-snapshot.h: --snapshot=ID of the command line (docs/format.md): the study is loaded
 * and the snapshots named are applied, in order, before --summary, --export, --report,
 * --uncertainty or --sensitivity sees it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lgr-cli-uncertainty.h"
#include "lgr-study.h"

G_BEGIN_DECLS

/* Loads path into *study and applies snapshots (NULL or empty: none). Returns the exit status:
 * 0, 1 for a file that does not load, or usage_error's for an id the study does not have. */
int lgr_cli_load_study (const char *path, char **snapshots, LgrCliUsageError usage_error,
                        LgrStudy **study);
/* The same, and in *start (if not NULL) the study as the file holds it, before the snapshots:
 * the starting point the cashflow and savings charts draw (NULL when no snapshot is applied). */
int lgr_cli_load_study_with_start (const char *path, char **snapshots, LgrCliUsageError usage_error,
                                   LgrStudy **study, LgrStudy **start);

G_END_DECLS
