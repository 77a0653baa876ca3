/* lgr-document-snapshots.h: the document's snapshot edits (docs/format.md, "Snapshots"), each
 * one undoable step: apply a snapshot, go back to the start, save the differences as a new
 * snapshot, and rename, annotate, move or remove one. "The start" is the study as it was opened
 * or last saved (lgr_document_get_saved_study()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lgr-document.h"

G_BEGIN_DECLS

/* Puts the snapshot's values in place (on top of the current values). */
gboolean lgr_document_apply_snapshot (LgrDocument *self, const char *id, GError **error);
/* Puts back every value a snapshot can change as it was at the start, keeping the snapshots and
 * any scenario added since. FALSE with error if nothing differs. */
gboolean lgr_document_back_to_start (LgrDocument *self, GError **error);
/* Shows one question of a session: every value back as at the start, then snapshot id's values
 * (id NULL: the start alone), as one step, so stepping through the snapshots never piles one
 * question on another. TRUE (and no step) when the study already shows it. */
gboolean lgr_document_show_snapshot (LgrDocument *self, const char *id, GError **error);
/* A new snapshot, last, of every difference from the start, named name; its id in *new_id if
 * not NULL. FALSE with error if nothing differs or the name is not valid. */
gboolean lgr_document_save_snapshot (LgrDocument *self, const char *name, char **new_id,
                                     GError **error);
gboolean lgr_document_rename_snapshot (LgrDocument *self, const char *id, const char *name,
                                       GError **error);
/* note: NULL or blank for none. */
gboolean lgr_document_set_snapshot_note (LgrDocument *self, const char *id, const char *note,
                                         GError **error);
/* To position (0 first; past the end: last). */
gboolean lgr_document_move_snapshot (LgrDocument *self, const char *id, guint position,
                                     GError **error);
gboolean lgr_document_remove_snapshot (LgrDocument *self, const char *id, GError **error);

G_END_DECLS
