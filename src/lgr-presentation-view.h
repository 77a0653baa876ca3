/* lgr-presentation-view.h: the room's view of a study, for a projector - the current snapshot's
 * name and note, the verdict, each scenario's key figures (payback, peak funding, net by the
 * horizon), the chart, and every council's levers of one scenario as large sliders, headed by
 * the council's name. Used full screen inside the main window (F5) and alone on a second screen
 * (lgr-presentation-window.c); both follow the same LgrDocument. Its buttons use the win.*
 * actions of whichever window holds it: win.next-snapshot, win.previous-snapshot,
 * win.back-to-start, win.lock-levers, win.present-second-screen, win.leave-presentation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lgr-chart-view.h"
#include "lgr-document.h"

G_BEGIN_DECLS

#define LGR_TYPE_PRESENTATION_VIEW (lgr_presentation_view_get_type ())
G_DECLARE_FINAL_TYPE (LgrPresentationView, lgr_presentation_view, LGR, PRESENTATION_VIEW, GtkWidget)

GtkWidget *lgr_presentation_view_new (void);
void lgr_presentation_view_set_document (LgrPresentationView *self, LgrDocument *document);
/* The scenario whose levers are shown (NULL: the first). */
void lgr_presentation_view_set_scenario (LgrPresentationView *self, const char *scenario_id);
const char *lgr_presentation_view_get_scenario (LgrPresentationView *self);
/* The snapshot the room is looking at (NULL: the start, the study as opened). */
void lgr_presentation_view_set_snapshot (LgrPresentationView *self, const char *snapshot_id);
void lgr_presentation_view_set_chart (LgrPresentationView *self, LgrChartKind kind);
/* Borrowed, as lgr_chart_view_set_uncertainty(). */
void lgr_presentation_view_set_uncertainty (LgrPresentationView *self,
                                            const LgrUncertaintyResults *uncertainty,
                                            const LgrSensitivity *sensitivity);
void lgr_presentation_view_set_dark (LgrPresentationView *self, gboolean dark);
/* Locked: the levers are insensitive, so a stray click cannot change them (property
 * "locked"). */
void lgr_presentation_view_set_locked (LgrPresentationView *self, gboolean locked);
gboolean lgr_presentation_view_get_locked (LgrPresentationView *self);

/* Whether the Second Screen button is shown (not in the room's own window). */
void lgr_presentation_view_set_second_screen_button (LgrPresentationView *self, gboolean shown);

/* For tests and for focus */
LgrChartView *lgr_presentation_view_get_chart_view (LgrPresentationView *self);
/* The box of the levers: per council a heading (a GtkLabel with the council's name) and a
 * list of lever rows. */
GtkWidget *lgr_presentation_view_get_levers (LgrPresentationView *self);
/* The scrolled window of the levers (its wheel never moves a slider without focus). */
GtkScrolledWindow *lgr_presentation_view_get_levers_scroller (LgrPresentationView *self);
/* The council headings pinned at the top (bottom FALSE) or the bottom of the levers while the
 * levers scroll: "North Warwickshire Council · 3 levers below", one a line; hidden when none. */
GtkLabel *lgr_presentation_view_get_pinned (LgrPresentationView *self, gboolean bottom);
/* Ends with " (changed)" once a value differs from the snapshot (or the start) as shown. */
const char *lgr_presentation_view_get_snapshot_title (LgrPresentationView *self);
/* The snapshot's note, or "" without one. */
const char *lgr_presentation_view_get_snapshot_note (LgrPresentationView *self);
const char *lgr_presentation_view_get_verdict (LgrPresentationView *self);
/* The key figures' box: one child per scenario. */
GtkWidget *lgr_presentation_view_get_figures (LgrPresentationView *self);

G_END_DECLS
