/* lgr-row-summary.h: an expander row's subtitle that changes on every edit (a lever's
 * "target 56.1 per 10,000 children, £1,570 a week", a refused edit's reason) shown in an
 * LgrWrapLabel where libadwaita shows the subtitle, so a new text of the same size only redraws.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows text ("" or NULL: none) as row's subtitle; the row's own subtitle property stays empty. */
void lgr_row_set_summary (AdwExpanderRow *row, const char *text);
/* What lgr_row_set_summary last showed: "" if nothing. */
const char *lgr_row_get_summary (AdwExpanderRow *row);

G_END_DECLS
