/* lgr-study-edits.h: the model's rules for adding, copying and removing parts of a study.
 *
 * What a new scenario or authority starts with, how ids are made from names and kept unique,
 * when an authority may be removed. Pure functions on the study model (no GTK, no undo): the
 * document (lgr-document.h) applies them to a copy of the study and makes the result one
 * undoable step. Tested in the core suite (tests/test-levers.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lgr-study.h"

G_BEGIN_DECLS

/* An id stem from a name: "North Warwickshire" -> "north-warwickshire"; fallback when the name
 * has no letter or digit. */
char *lgr_id_stem (const char *name, const char *fallback);

/* Whether the authority with authority_id may be removed from scenario: not while levers use
 * it (the message names them), nor the scenario's last one. */
gboolean lgr_scenario_check_remove_authority (const LgrScenario *scenario, const char *authority_id,
                                              GError **error);

/* A new scenario for study, named name, with an id not used in study, copies of the first
 * scenario's authorities (one "Area" if there is none), no levers or items and a colour apart from
 * the others' (lgr_scenario_style_choose). Not added. */
LgrScenario *lgr_study_new_scenario (const LgrStudy *study, const char *name);

/* A copy of scenario (one of study's) with an id not used in study, named "name (copy)", in a
 * palette colour of a clearly different hue (lgr_scenario_style_choose). Not added. */
LgrScenario *lgr_study_duplicate_scenario (const LgrStudy *study, const LgrScenario *scenario);

/* Adds copies of every scenario of other to study, renaming ids that are taken, named "Two
 * unitaries (from Other study)" (other's title) and, when its colour is missing or looks like
 * one already shown, in a colour apart from the others'. */
void lgr_study_import_scenarios (LgrStudy *study, const LgrStudy *other);

/* The settings and timeline of other that differ from study's, which imported scenarios are
 * computed with instead: one line each, "Discount rate: 3.5% here, 3% in Other study".
 * NULL-terminated, empty when they agree; g_strfreev() it. */
char **lgr_study_import_differences (const LgrStudy *study, const LgrStudy *other);

/* Copies the title, timeline and settings of settings into study (not its scenarios, its
 * benchmarks or its description). */
void lgr_study_set_settings (LgrStudy *study, const LgrStudy *settings);

/* "Changed since the source": lever is before as edited. With the note unchanged, a target or
 * unit cost target that moves remembers the value the note was written for (and forgets it
 * once back to it); an edited or removed note clears every mark, since it now speaks for the
 * values it sits beside. With the values unchanged the marks are kept as given, so clearing them
 * confirms the note. The same for an item's spread total or recurring amount. */
void lgr_lever_note_source_change (LgrLever *lever, const LgrLever *before);
void lgr_item_note_source_change (LgrItem *item, const LgrItem *before);
/* The same for an authority's population and child population. */
void lgr_authority_note_source_change (LgrAuthority *authority, const LgrAuthority *before);

G_END_DECLS
