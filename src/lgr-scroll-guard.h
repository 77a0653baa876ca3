/* lgr-scroll-guard.h: a mouse wheel over a page scrolls the page. A slider or spin button under
 * the pointer takes the scroll only when it has keyboard focus, so scrolling past a lever never
 * changes its value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Guards every value control inside scroller, now and later, from one capture-phase scroll
 * controller (and a motion controller that follows the pointer); returns the scroll controller,
 * owned by scroller. */
GtkEventController *lgr_scroll_guard_attach (GtkScrolledWindow *scroller);

/* The value control at (x, y) of scroller (its coordinates) that a scroll there would change
 * although it has no keyboard focus, or NULL: what the guard keeps the scroll from. */
GtkWidget *lgr_scroll_guard_pick (GtkScrolledWindow *scroller, double x, double y);

G_END_DECLS
