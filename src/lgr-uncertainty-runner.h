/* lgr-uncertainty-runner.h: the window's Monte Carlo and switching values, off the main thread.
 *
 * lgr_uncertainty_runner_restart() cancels any run still going and, once the document has been
 * left alone for a moment (not during a slider drag, whose changes come a frame apart), starts a
 * new one on a copy of its study in a thread of its own: the switching values first (a few
 * microseconds for a small study), then the draws, on all processors but one. The main thread
 * only copies the study and prepares its model, so an edit never waits for the draws. "updated"
 * is emitted in the main context when a run finished; what it found stays until the next run
 * finishes, so the views never flicker. "progress" and "running" change while it runs (polled a
 * few times a second, for a discreet progress bar).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lgr-document.h"
#include "lgr-sensitivity.h"
#include "lgr-uncertainty.h"

G_BEGIN_DECLS

#define LGR_TYPE_UNCERTAINTY_RUNNER (lgr_uncertainty_runner_get_type ())
G_DECLARE_FINAL_TYPE (LgrUncertaintyRunner, lgr_uncertainty_runner, LGR, UNCERTAINTY_RUNNER,
                      GObject)

LgrUncertaintyRunner *lgr_uncertainty_runner_new (void);
/* Starts again, soon, on a copy of the document's study of then; with no uncertain quantity no
 * draws are made (the results have draws == 0) but the switching values are still found. */
void lgr_uncertainty_runner_restart (LgrUncertaintyRunner *self, LgrDocument *document);
/* Stops any run (the window is going away). */
void lgr_uncertainty_runner_cancel (LgrUncertaintyRunner *self);
/* The last finished run's, or NULL: valid until the next "updated". */
const LgrUncertaintyResults *lgr_uncertainty_runner_get_results (LgrUncertaintyRunner *self);
const LgrSensitivity *lgr_uncertainty_runner_get_sensitivity (LgrUncertaintyRunner *self);
/* Whether a run is going on or about to start. */
gboolean lgr_uncertainty_runner_get_running (LgrUncertaintyRunner *self);
/* 0 to 1: the share of draws done by the running run. */
double lgr_uncertainty_runner_get_progress (LgrUncertaintyRunner *self);
/* How many runs finished (for tests). */
guint lgr_uncertainty_runner_get_n_finished (LgrUncertaintyRunner *self);

G_END_DECLS
