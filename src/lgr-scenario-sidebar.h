/* lgr-scenario-sidebar.h: the study's scenarios (select, colour) and, for the selected one, its
 * authorities, its levers grouped by authority and service, its items, and the study's timeline
 * and settings. Rebuilds its rows only when the study's structure changes; otherwise it updates
 * their values in place, so a slider being dragged is never replaced under the pointer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lgr-document.h"
#include "lgr-lever-row.h"

G_BEGIN_DECLS

#define LGR_TYPE_SCENARIO_SIDEBAR (lgr_scenario_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (LgrScenarioSidebar, lgr_scenario_sidebar, LGR, SCENARIO_SIDEBAR, GtkBox)

GtkWidget *lgr_scenario_sidebar_new (void);
void lgr_scenario_sidebar_set_document (LgrScenarioSidebar *self, LgrDocument *document);
const char *lgr_scenario_sidebar_get_selected (LgrScenarioSidebar *self);
void lgr_scenario_sidebar_select (LgrScenarioSidebar *self, const char *scenario_id);
LgrLeverRow *lgr_scenario_sidebar_find_lever_row (LgrScenarioSidebar *self, const char *lever_id);

G_END_DECLS
