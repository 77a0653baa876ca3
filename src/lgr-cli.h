/* lgr-cli.h: the command line of docs/format.md. Parses every option; runs the headless ones
 * (--check, --summary, --export, --report) using only the core and the charts, so no X11 or
 * Wayland connection is ever made for them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lgr-results.h"
#include "lgr-study.h"
#include "lgr-writer.h"

G_BEGIN_DECLS

/* Exit statuses of docs/format.md */
enum
{
  LGR_EXIT_OK = 0,
  LGR_EXIT_INVALID = 1, /* an input file is invalid or an output cannot be written */
  LGR_EXIT_USAGE = 2,   /* wrong usage */
};

/* Returns TRUE when the command line was handled without a window (including --help, --version
 * and usage errors): exit with *exit_status. Returns FALSE when the window should open, with
 * *window_files set to the files named on the command line (possibly empty; free with
 * g_strfreev). Output goes to stdout/stderr. */
gboolean lgr_cli_run (int argc, char **argv, int *exit_status, char ***window_files);

/* The --summary output in format ("json" or "csv") into out. */
void lgr_cli_write_summary (LgrWriter *out, const char *format, const LgrStudy *study,
                            const LgrResults *results);

/* A message on stderr, one line: control characters, line breaks and bytes that are not UTF-8
 * in the formatted text are printed as visible escapes (\x1b, \u0085), never raw. One newline at
 * its end is kept (added if missing). */
void lgr_cli_printerr (const char *format, ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
