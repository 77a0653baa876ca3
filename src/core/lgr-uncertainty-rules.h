/* lgr-uncertainty-rules.h: the rules of ranges, drivers and <uncertainty> (docs/uncertainty.md,
 * docs/format.md), used by the loader as it reads an element and by lgr_study_validate(), so a
 * range is refused with the same message wherever it comes from. Internal to the core library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lgr-study-schema.h"

G_BEGIN_DECLS

/* The ranges and driver of one element of object (a lever's <cohort>, an item's <spread>, the
 * study's <settings>, ...): each bound within its number's limits, both bounds or neither, low
 * <= the number <= high, a range on an optional number only when the number is given, a driver
 * of [A-Za-z0-9_-]+ and only on an element with a range. On failure *attribute (if not NULL)
 * names the attribute at fault, for the line. */
gboolean lgr_uncertainty_check_element (LgrElement element, gconstpointer object,
                                        const char **attribute, GError **error);

/* The same for every element of a lever, an item (its pattern's), a scenario's settings, and
 * the study's settings and <uncertainty>. */
gboolean lgr_uncertainty_check_lever (const LgrLever *lever, GError **error);
gboolean lgr_uncertainty_check_item (const LgrItem *item, GError **error);
gboolean lgr_uncertainty_check_scenario (const LgrScenario *scenario, GError **error);
gboolean lgr_uncertainty_check_study (const LgrStudy *study, GError **error);

/* Ranges linked by one driver and attribute must measure the same thing: cohort targets the
 * same basis, unit-cost targets the same period. The error names the later element's line
 * (filename NULL: no line). */
gboolean lgr_uncertainty_check_drivers (const LgrStudy *study, const char *filename,
                                        GError **error);

/* An edit that moves a number (compared with before, the same lever or item as it was) outside
 * its range widens the range to the new number, so that a slider or field is not refused for a
 * range the user is not looking at; undo brings the old range back. A range edited with its
 * number unchanged is left to the checks above. */
void lgr_uncertainty_stretch_lever (LgrLever *lever, const LgrLever *before);
void lgr_uncertainty_stretch_item (LgrItem *item, const LgrItem *before);

G_END_DECLS
