/* lgr-cli-uncertainty.h: --uncertainty and --sensitivity of the command line
 * (docs/uncertainty.md, docs/format.md), headless like the rest of lgr-cli.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Prints a usage message and returns the usage exit status (lgr-cli.c's). */
typedef int (*LgrCliUsageError) (const char *message);

/* Checks --draws and --seed (either may be NULL: left as they are); 0, or the usage exit status
 * after a message. */
int lgr_cli_parse_draws_seed (const char *draws_text, const char *seed_text, int *draws,
                              double *seed, LgrCliUsageError usage_error);

/* --uncertainty=FORMAT FILE [--draws=N] [--seed=S]: draws and seed may be NULL (the study's).
 * snapshots: the --snapshot ids to apply first (NULL: none). */
int lgr_cli_run_uncertainty (const char *format, const char *path, char **snapshots,
                             const char *draws, const char *seed, LgrCliUsageError usage_error,
                             int *output_errno);

/* --sensitivity=FORMAT FILE. Both: when writing stdout fails, *output_errno says why. */
int lgr_cli_run_sensitivity (const char *format, const char *path, char **snapshots,
                             LgrCliUsageError usage_error, int *output_errno);

G_END_DECLS
