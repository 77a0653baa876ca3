/* lgr-source-editor.h: the source note of a lever, an item or an authority, or a description,
 * shown and edited in its row's popover: several lines of plain text, handed to the row as one
 * edit when the user is done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LGR_TYPE_SOURCE_EDITOR (lgr_source_editor_get_type ())
G_DECLARE_FINAL_TYPE (LgrSourceEditor, lgr_source_editor, LGR, SOURCE_EDITOR, GtkBox)

GtkWidget *lgr_source_editor_new (void);

/* Shows the note as the document has it (NULL: none); emits nothing. */
void lgr_source_editor_set_text (LgrSourceEditor *self, const char *text);

/* The text as typed, trimmed; NULL when blank. */
char *lgr_source_editor_get_text (LgrSourceEditor *self);

/* Puts text in the editor as if typed (for tests and for pasting). */
void lgr_source_editor_type_text (LgrSourceEditor *self, const char *text);

/* Emits "committed" (with the trimmed text, or NULL when blank) if the text differs from what
 * was last set; done when the editor loses the focus, its popover closes or Done is pressed. */
void lgr_source_editor_commit (LgrSourceEditor *self);

/* Shows warning ("Target changed since this source: 64 → 50 per 10,000 children") under the
 * note with a button that emits "confirmed" (the note still holds); NULL hides both. */
void lgr_source_editor_set_stale (LgrSourceEditor *self, const char *warning);
const char *lgr_source_editor_get_stale (LgrSourceEditor *self);

/* What the editor asks for (a description rather than a source), and the note's accessible
 * name. */
void lgr_source_editor_set_hint (LgrSourceEditor *self, const char *hint, const char *label);
/* Why the text was refused, under it (NULL hides it); the text stays as typed. */
void lgr_source_editor_set_error (LgrSourceEditor *self, const char *message);
const char *lgr_source_editor_get_error (LgrSourceEditor *self);

G_END_DECLS
