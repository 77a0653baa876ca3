/* lgr-snapshot.h: snapshots - named sets of changes kept in a study file after its scenarios
 * (docs/format.md, "Snapshots"). Each <set> names one input of a lever, an item or the study's
 * settings by the element and attribute that hold it in the file, so its value obeys the rules
 * of that attribute: the schema table's row for it parses and limits it, and the object's
 * validator (lgr-rules.c) checks the result. A snapshot never changes the study's own values;
 * applying it changes a study (a copy, or the document's working values).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lgr-study.h"

G_BEGIN_DECLS

/* Whether the set could be put in place in study: what it names exists and its text is a
 * value the attribute could hold. The message names neither the file nor the line. */
gboolean lgr_snapshot_check_set (const LgrStudy *study, const LgrSnapshotSet *set, GError **error);

/* Puts every set of the snapshot in place, in order. On failure study is unchanged and the
 * message names the snapshot. */
gboolean lgr_snapshot_apply (LgrStudy *study, const LgrSnapshot *snapshot, GError **error);

/* The study's snapshots against lgr_study_validate()'s rules: ids (valid, once each), names,
 * notes and every set. filename (may be NULL) and the lines start the message. */
gboolean lgr_snapshot_validate_all (const LgrStudy *study, const char *filename, GError **error);

/* The changes it makes to study, in words, one a line, in order ("Two unitaries, Children
 * looked after (North Warwickshire Council): target rate per 10,000 children from 55 to 60"). */
GPtrArray *lgr_snapshot_describe (const LgrStudy *study, const LgrSnapshot *snapshot);

/* A snapshot of every input of now that differs from start (the same scenarios, levers and
 * items: what the window's edits change), or NULL if nothing differs. */
LgrSnapshot *lgr_snapshot_from_differences (const LgrStudy *start, const LgrStudy *now,
                                            const char *id, const char *name);

/* Removes every set the study can no longer take (its scenario, lever or item removed, or a
 * value its object's new rules refuse): what an edit that makes them so does with them, in the
 * same undoable step. Returns how many it removed. */
guint lgr_snapshot_drop_stale (LgrStudy *study);

G_END_DECLS
