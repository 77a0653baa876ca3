/* lgr-note-row.h: one note of the open study as a row - the study's description, a scenario's,
 * the benchmarks' source or an authority's source - edited in a popover (LgrSourceEditor) and
 * handed to the document as one undoable edit when the user is done. The row follows the
 * document itself; its owner only says which note it shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lgr-document.h"

G_BEGIN_DECLS

#define LGR_TYPE_NOTE_ROW (lgr_note_row_get_type ())
G_DECLARE_FINAL_TYPE (LgrNoteRow, lgr_note_row, LGR, NOTE_ROW, AdwActionRow)

/* Which note ("kind" property, set in a .ui file): */
#define LGR_NOTE_STUDY_DESCRIPTION "study-description"
#define LGR_NOTE_SCENARIO_DESCRIPTION "scenario-description" /* of the "scenario-id" */
#define LGR_NOTE_BENCHMARKS_SOURCE "benchmarks-source"
#define LGR_NOTE_AUTHORITY_SOURCE "authority-source" /* also "authority-id" */

/* Shows the note of the row's kind in document; scenario_id and authority_id as the kind needs
 * (NULL otherwise). */
void lgr_note_row_set_target (LgrNoteRow *self, LgrDocument *document, const char *scenario_id,
                              const char *authority_id);
/* Gives document to every note row inside top (the rows of a template), keeping their kind and
 * scenario. */
void lgr_note_row_set_document_below (GtkWidget *top, LgrDocument *document);

/* The note row of that kind inside top (for an authority's, of that authority), or NULL. */
LgrNoteRow *lgr_note_row_find_below (GtkWidget *top, const char *kind, const char *authority_id);

GtkWidget *lgr_note_row_get_editor (LgrNoteRow *self); /* the LgrSourceEditor */
GtkWidget *lgr_note_row_get_button (LgrNoteRow *self); /* opens the editor's popover */

G_END_DECLS
