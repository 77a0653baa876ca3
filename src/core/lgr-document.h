/* lgr-document.h: the open study - its file, its results, undo and redo, and whether it has
 * unsaved changes. A GObject with no widgets, so it is tested without a display.
 *
 * Every edit goes through here: the caller changes a copy of a lever, item, authority or
 * scenario, hands it in, and the document validates it with the rules of lgr-rules.h. A refused
 * value changes nothing and the GError says why, in the words of lgr-rules.h; an accepted one
 * becomes one undoable step and the results are recomputed before "changed" is emitted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lgr-lever-template.h"
#include "lgr-results.h"
#include "lgr-study.h"

G_BEGIN_DECLS

#define LGR_TYPE_DOCUMENT (lgr_document_get_type ())
G_DECLARE_FINAL_TYPE (LgrDocument, lgr_document, LGR, DOCUMENT, GObject)

/* Takes ownership of study. file is where it was read from (NULL for the bundled study or a
 * recovered draft, which have no file yet). */
LgrDocument *lgr_document_new (LgrStudy *study, GFile *file);
LgrDocument *lgr_document_new_for_file (GFile *file, GError **error);
LgrDocument *lgr_document_new_bundled (GError **error);

const LgrStudy *lgr_document_get_study (LgrDocument *self);
const LgrResults *lgr_document_get_results (LgrDocument *self);
GFile *lgr_document_get_file (LgrDocument *self);
/* "warwickshire.lgr", or "Unsaved study" when there is no file. */
char *lgr_document_dup_display_name (LgrDocument *self);
gboolean lgr_document_get_modified (LgrDocument *self);
/* Marks the document as differing from its file (a restored draft). */
void lgr_document_set_modified (LgrDocument *self, gboolean modified);

/* The state the document was created with or last saved: what "Revert to saved" returns to. */
const LgrStudy *lgr_document_get_saved_study (LgrDocument *self);
/* Its results: the starting point the cashflow and savings charts draw while the study differs.
 * The document's results when it was opened or saved, kept (never computed again per edit); they
 * stand alone (take a reference to keep them past the next save). */
const LgrResults *lgr_document_get_saved_results (LgrDocument *self);
/* The starting point the charts draw: the saved results while the document is modified (anything
 * may differ from the state opened or saved), else NULL. What a chart view of the document is
 * given with its results (lgr_chart_view_set_results_with_start()). */
const LgrResults *lgr_document_get_start_results (LgrDocument *self);

gboolean lgr_document_can_undo (LgrDocument *self);
gboolean lgr_document_can_redo (LgrDocument *self);
const char *lgr_document_get_undo_label (LgrDocument *self); /* NULL if nothing to undo */
const char *lgr_document_get_redo_label (LgrDocument *self);
gboolean lgr_document_undo (LgrDocument *self);
gboolean lgr_document_redo (LgrDocument *self);
/* Back to the saved state, as one undoable step. FALSE if already there. */
gboolean lgr_document_revert (LgrDocument *self);

/* Consecutive edits with the same non-NULL merge key make one undo step (a slider drag) until
 * this is called or an edit with another key arrives. */
void lgr_document_end_merge (LgrDocument *self);

/* The edits. Each copies what it is given; on error nothing changes. */
gboolean lgr_document_set_lever (LgrDocument *self, const char *scenario_id, const LgrLever *lever,
                                 const char *merge_key, GError **error);
gboolean lgr_document_set_item (LgrDocument *self, const char *scenario_id, const LgrItem *item,
                                const char *merge_key, GError **error);
gboolean lgr_document_set_authority (LgrDocument *self, const char *scenario_id,
                                     const LgrAuthority *authority, const char *merge_key,
                                     GError **error);
gboolean lgr_document_add_lever (LgrDocument *self, const char *scenario_id, char **new_id,
                                 GError **error);
gboolean lgr_document_remove_lever (LgrDocument *self, const char *scenario_id,
                                    const char *lever_id, GError **error);
gboolean lgr_document_add_item (LgrDocument *self, const char *scenario_id, char **new_id,
                                GError **error);
gboolean lgr_document_remove_item (LgrDocument *self, const char *scenario_id, const char *item_id,
                                   GError **error);

/* A new lever for authority_id (NULL: the scenario's first authority) from a template
 * (lgr-lever-template.h): its unit cost comes from the study's benchmarks where the authority's
 * population band has one. */
gboolean lgr_document_add_lever_from_template (LgrDocument *self, const char *scenario_id,
                                               const char *authority_id, LgrLeverTemplate template_,
                                               char **new_id, GError **error);

/* Changing how a lever's cohort is counted keeps the number of people it stands for (a rate
 * becomes a count through the authority's population and back); changing its cost period
 * keeps the cost a year (through the study's weeks per year). So the results do not move.
 * The conversions are those of lgr-conversions.h. */
gboolean lgr_document_set_lever_basis (LgrDocument *self, const char *scenario_id,
                                       const char *lever_id, LgrCohortBasis basis, GError **error);
gboolean lgr_document_set_lever_period (LgrDocument *self, const char *scenario_id,
                                        const char *lever_id, LgrUnitPeriod period, GError **error);
/* A spread is only for one-off costs: a spread item given another kind becomes values per year
 * with the same money in the same years. */
gboolean lgr_document_set_item_kind (LgrDocument *self, const char *scenario_id,
                                     const char *item_id, LgrItemKind kind, GError **error);

/* Authorities of one scenario. An authority that levers use cannot be removed (the message
 * names the levers), nor the last one. */
gboolean lgr_document_add_authority (LgrDocument *self, const char *scenario_id, const char *name,
                                     char **new_id, GError **error);
gboolean lgr_document_remove_authority (LgrDocument *self, const char *scenario_id,
                                        const char *authority_id, GError **error);

/* A new scenario with the first scenario's authorities and no levers or items. */
gboolean lgr_document_add_scenario (LgrDocument *self, const char *name, char **new_id,
                                    GError **error);
gboolean lgr_document_duplicate_scenario (LgrDocument *self, const char *scenario_id, char **new_id,
                                          GError **error);
/* Two copies of a scenario after it, "NAME (confident)" and "NAME (stretch)", with their own
 * benefit realisation (%), as one undo step; their ids in *confident_id and *stretch_id. */
gboolean lgr_document_duplicate_as_cases (LgrDocument *self, const char *scenario_id,
                                          double confident, double stretch, char **confident_id,
                                          char **stretch_id, GError **error);
gboolean lgr_document_rename_scenario (LgrDocument *self, const char *scenario_id, const char *name,
                                       GError **error);
/* colour "#rrggbb" or NULL for the app's choice */
gboolean lgr_document_set_scenario_colour (LgrDocument *self, const char *scenario_id,
                                           const char *colour, GError **error);
gboolean lgr_document_remove_scenario (LgrDocument *self, const char *scenario_id, GError **error);
/* Adds copies of every scenario of other, renaming ids that are taken. */
gboolean lgr_document_import_scenarios (LgrDocument *self, const LgrStudy *other, guint *n_added,
                                        GError **error);

/* The study's title, timeline and settings: the scalar fields of settings are copied (its
 * scenarios and benchmarks are ignored). */
gboolean lgr_document_set_study_settings (LgrDocument *self, const LgrStudy *settings,
                                          const char *merge_key, GError **error);

/* The study's description, a scenario's and the benchmarks' source (lgr-document-notes.c): the
 * text as typed, trimmed; blank removes it. One undo step each; nothing if unchanged. */
gboolean lgr_document_set_study_description (LgrDocument *self, const char *description,
                                             GError **error);
gboolean lgr_document_set_scenario_description (LgrDocument *self, const char *scenario_id,
                                                const char *description, GError **error);
gboolean lgr_document_set_benchmarks_source (LgrDocument *self, const char *source, GError **error);

/* Saving: atomic (lgr-file-replace.h). On success the document is unmodified and file becomes
 * its file. Two cases are questions for the user, refused unless flags give the answer:
 * - the target is read-only: LGR_FILE_REPLACE_ERROR_READ_ONLY;
 * - the document's own file was changed on disk by someone else since it was read or saved
 *   (its modification time or size differ): LGR_DOCUMENT_ERROR_CHANGED_ON_DISK.
 * Other errors say what is wrong once, naming the file. */
#define LGR_DOCUMENT_ERROR (lgr_document_error_quark ())
GQuark lgr_document_error_quark (void);

typedef enum
{
  LGR_DOCUMENT_ERROR_CHANGED_ON_DISK,
} LgrDocumentError;

typedef enum
{
  LGR_DOCUMENT_SAVE_NONE = 0,
  LGR_DOCUMENT_SAVE_OVERWRITE_READ_ONLY = 1 << 0,
  LGR_DOCUMENT_SAVE_OVERWRITE_CHANGED = 1 << 1,
} LgrDocumentSaveFlags;

gboolean lgr_document_save (LgrDocument *self, GError **error);
gboolean lgr_document_save_as (LgrDocument *self, GFile *file, GError **error);
/* file NULL: the document's own file. */
gboolean lgr_document_save_full (LgrDocument *self, GFile *file, LgrDocumentSaveFlags flags,
                                 GError **error);
/* Whether the document's file is no longer the version it read or saved. */
gboolean lgr_document_get_changed_on_disk (LgrDocument *self);
/* Which version of its file the document read or saved (the file's etag and size), NULL if not
 * known; a draft keeps it, so that a restored draft still notices a change on disk. */
const char *lgr_document_get_disk_stamp (LgrDocument *self);
void lgr_document_set_disk_stamp (LgrDocument *self, const char *stamp);

G_END_DECLS
