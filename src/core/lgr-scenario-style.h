/* lgr-scenario-style.h: how a scenario is told apart on every chart - its colour and, from the
 * colour, its line style - kept whatever scenarios are added or removed.
 *
 * A scenario's colour is its `colour` in the file; one without shows the palette colour of its
 * position. Adding, duplicating, importing or removing a scenario first writes every shown
 * colour into the study (lgr_scenario_style_pin), so no other scenario's colour moves, and a
 * new scenario takes a palette colour clearly different from all the others
 * (lgr_scenario_style_choose). Line style (dash and marker) follows the palette slot nearest the
 * colour, so it moves with the colour and not with the position; the eight slots have eight
 * different dash-and-marker pairs, so eight scenarios stay apart in greyscale too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lgr-study.h"

G_BEGIN_DECLS

#define LGR_N_PALETTE 8

/* The palette colour of slot (modulo LGR_N_PALETTE), "#rrggbb". */
const char *lgr_scenario_style_palette (guint slot);

/* "#rrggbb" to red, green and blue from 0 to 1. */
gboolean lgr_scenario_style_parse (const char *spec, double rgb[3]);

/* How different two colours look: CIE76 distance in L*a*b* (about 2.3 is just noticeable). */
double lgr_scenario_style_distance (const double a[3], const double b[3]);

/* The colour the scenario at index shows: its own, else the palette's for its position. */
const char *lgr_scenario_style_colour (const LgrStudy *study, guint index);

/* The palette slot of each scenario of study (slots has one per scenario), from which its line
 * style comes: the slot nearest its colour; two scenarios with colours nearest the same slot
 * take the nearest free one, in the order of the study. */
void lgr_scenario_style_slots (const LgrStudy *study, guint *slots);

/* A colour for a new scenario of study: the first palette colour clearly different (at least
 * LGR_SCENARIO_STYLE_APART) from every scenario's, or the one farthest from them all. For a
 * duplicate of original, the one of those most different in hue from the original's. */
#define LGR_SCENARIO_STYLE_APART 50.0
char *lgr_scenario_style_choose (const LgrStudy *study, const LgrScenario *original);

/* Gives every scenario without a colour the colour it shows now. */
void lgr_scenario_style_pin (LgrStudy *study);

G_END_DECLS
