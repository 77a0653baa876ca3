/* lgr-presentation-window.h: the room's view (LgrPresentationView) alone in a window, full
 * screen on a second monitor while the main window keeps editing the same document. Its keys
 * and buttons act on the window that opened it: Page Down / Page Up step the snapshots, Home
 * goes back to the start, Left / Right step the scenarios, Escape closes it; "locked" is bound
 * to that window's "levers-locked".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lgr-presentation-view.h"

G_BEGIN_DECLS

#define LGR_TYPE_PRESENTATION_WINDOW (lgr_presentation_window_get_type ())
G_DECLARE_FINAL_TYPE (LgrPresentationWindow, lgr_presentation_window, LGR, PRESENTATION_WINDOW,
                      AdwWindow)

/* owner: the window whose win.* actions this one's keys and buttons activate, and whose
 * "levers-locked" property it follows (kept weakly). */
LgrPresentationWindow *lgr_presentation_window_new (GtkWidget *owner, LgrDocument *document);
LgrPresentationView *lgr_presentation_window_get_view (LgrPresentationWindow *self);

G_END_DECLS
