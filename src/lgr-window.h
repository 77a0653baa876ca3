/* lgr-window.h: the main window - one open study, its levers, cards, verdict, chart and table.
 * Behaviour is exposed as actions (win.open, win.save, win.undo, win.present, win.chart, ...).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lgr-document.h"
#include "lgr-draft-store.h"

G_BEGIN_DECLS

#define LGR_TYPE_WINDOW (lgr_window_get_type ())
G_DECLARE_FINAL_TYPE (LgrWindow, lgr_window, LGR, WINDOW, AdwApplicationWindow)

LgrWindow *lgr_window_new (GtkApplication *application, LgrDraftStore *drafts);
LgrDocument *lgr_window_get_document (LgrWindow *self);
/* Shows document (replacing the current one without asking: see lgr_window_open). */
void lgr_window_set_document (LgrWindow *self, LgrDocument *document);
/* Opens file, asking first if the current study has unsaved changes; a file that fails to
 * load is reported with its line and the current study stays open. */
void lgr_window_open (LgrWindow *self, GFile *file);
/* Saves to file (as Save As does after its dialog). */
gboolean lgr_window_save_to (LgrWindow *self, GFile *file, GError **error);
/* Offers back drafts left by a crash (a banner at the top of the window). */
void lgr_window_offer_drafts (LgrWindow *self);
/* Whether the window shows a study the person has not touched (the bundled one, unmodified). */
gboolean lgr_window_is_pristine (LgrWindow *self);

G_END_DECLS
