/* lgr-published-view.h: "Published Figures" below the year-by-year table - each figure a
 * document gives for a scenario beside the one computed, with the difference and the source
 * (src/core/lgr-published.h), shown while any scenario has one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lgr-results.h"

G_BEGIN_DECLS

#define LGR_TYPE_PUBLISHED_VIEW (lgr_published_view_get_type ())
G_DECLARE_FINAL_TYPE (LgrPublishedView, lgr_published_view, LGR, PUBLISHED_VIEW, GtkBox)

GtkWidget *lgr_published_view_new (void);
/* Shows the figures of results' scenarios (the view keeps no reference); rebuilds its rows only
 * when what they say changed, and hides itself when no scenario has a figure. */
void lgr_published_view_set_results (LgrPublishedView *self, const LgrResults *results);
/* The rows, in order: title "Published run rate £18.7m · computed £18.7m · the same", subtitle
 * the source. */
guint lgr_published_view_get_n_rows (LgrPublishedView *self);
AdwActionRow *lgr_published_view_get_row (LgrPublishedView *self, guint index);

G_END_DECLS
