/* lgr-draft-store.h: unsaved edits kept on disk, so nothing is lost to a crash or a kill.
 *
 * A tracked document's study is written (atomically, lgr-file-replace.h) a moment after
 * each edit to <dir>/<id>.lgr, with <id>.ini naming the file it came from (and which version of
 * it, lgr_document_get_disk_stamp()). The draft is removed when the document is saved or is
 * closed unmodified. At start-up the application lists the drafts left behind and offers them
 * back. The directory is $XDG_STATE_HOME/lgr-explorer/drafts unless given.
 *
 * A draft that cannot be written (the folder cannot be made or written, the disk is full) is
 * never dropped in silence: the "problem" property says so in words for the window, and the
 * draft is tried again on the next edit and every few seconds; "problem" goes back to NULL when
 * every draft is written (or no longer needed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lgr-document.h"

G_BEGIN_DECLS

#define LGR_TYPE_DRAFT_STORE (lgr_draft_store_get_type ())
G_DECLARE_FINAL_TYPE (LgrDraftStore, lgr_draft_store, LGR, DRAFT_STORE, GObject)

typedef struct
{
  char *id;
  char *path;           /* the draft's .lgr */
  GFile *original;      /* where the study came from, NULL for the bundled or a new study */
  char *original_stamp; /* which version of original it came from, NULL if not known */
  char *title;          /* the study's title when the draft was written */
  GDateTime *modified;
} LgrDraftInfo;

void lgr_draft_info_free (LgrDraftInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrDraftInfo, lgr_draft_info_free)

/* directory NULL: the default. */
LgrDraftStore *lgr_draft_store_new (const char *directory);
const char *lgr_draft_store_get_directory (LgrDraftStore *self);
/* Milliseconds between an edit and the draft being written (default 500). */
void lgr_draft_store_set_delay (LgrDraftStore *self, guint delay_ms);
/* Milliseconds between attempts to write a draft that failed (default 5000). */
void lgr_draft_store_set_retry_interval (LgrDraftStore *self, guint interval_ms);
/* Why unsaved changes are not protected now, a sentence for the window; NULL when they are. */
const char *lgr_draft_store_get_problem (LgrDraftStore *self);

/* Keeps a draft of document while it is modified. id NULL: a new one. */
void lgr_draft_store_track (LgrDraftStore *self, LgrDocument *document, const char *id);
/* Stops tracking; the draft is removed (the document was saved, or its changes discarded). */
void lgr_draft_store_untrack (LgrDraftStore *self, LgrDocument *document);
/* Writes every pending draft now. */
void lgr_draft_store_flush (LgrDraftStore *self);
/* The path of document's draft if one is written, else NULL. */
char *lgr_draft_store_dup_draft_path (LgrDraftStore *self, LgrDocument *document);

/* Drafts on disk not tracked by this store, newest first (of LgrDraftInfo*). */
GPtrArray *lgr_draft_store_find (LgrDraftStore *self);
/* A document for a found draft: modified, with the original file; tracked under the same id. */
LgrDocument *lgr_draft_store_restore (LgrDraftStore *self, const LgrDraftInfo *info,
                                      GError **error);
void lgr_draft_store_discard (LgrDraftStore *self, const LgrDraftInfo *info);

G_END_DECLS
