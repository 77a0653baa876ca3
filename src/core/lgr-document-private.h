/* lgr-document-private.h: what the document's files share (lgr-document.c,
 * lgr-document-scenarios.c, lgr-document-save.c). Not for use outside the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lgr-document.h"

G_BEGIN_DECLS

/* Makes candidate (owned) the current study as one undoable step labelled label, if it obeys
 * the rules; merge_key as for lgr_document_set_lever(). */
gboolean _lgr_document_commit (LgrDocument *self, LgrStudy *candidate, const char *label,
                               const char *merge_key, GError **error);

/* Commits copy, to which an entry with id (owned) was added; then *new_id, if not NULL, takes
 * the id. */
gboolean _lgr_document_commit_addition (LgrDocument *self, LgrStudy *copy, const char *label,
                                        char **id, char **new_id, GError **error);

/* A copy of the study and the copy's scenario with scenario_id, or NULL with error set. */
LgrStudy *_lgr_document_copy_with_scenario (LgrDocument *self, const char *scenario_id,
                                            LgrScenario **scenario, GError **error);

/* A name as typed, without the white space around it; NULL with error set if nothing is left or
 * it is not valid text. */
char *_lgr_document_typed_name (const char *name, GError **error);

/* Saving (lgr-document-save.c and lgr-document.c): the disk stamp of file now, NULL if it
 * cannot be known (lgr_document_get_disk_stamp()). */
char *_lgr_document_query_disk_stamp (GFile *file);
/* The study as it is now is what file holds; takes disk_stamp. */
void _lgr_document_mark_saved (LgrDocument *self, GFile *file, char *disk_stamp);

G_END_DECLS
