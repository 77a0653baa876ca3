/* lgr-cli-councils.h: the per-council split of a scenario in --summary=json (docs/format.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lgr-results.h"
#include "lgr-writer.h"

G_BEGIN_DECLS

/* For a scenario with several authorities, its "authorities" array and "shared" object, each
 * followed by after (the separator and indentation of what comes next); nothing for a
 * scenario with one. */
void lgr_cli_councils_json (LgrWriter *out, const LgrResults *results,
                            const LgrScenarioResult *result, const char *after);

G_END_DECLS
