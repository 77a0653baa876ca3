/* lgr-scenario-sidebar.h: the study's scenarios (select, colour) and, for the selected one, its
 * authorities, its levers grouped by authority and service, its items, and the study's timeline
 * and settings (ui/lgr-scenario-sidebar.ui). Only the selected scenario has rows. The lever and
 * item rows follow the document themselves; when the rows needed change (added, removed,
 * regrouped), they are rebuilt from the main loop, reusing the rows that remain, so a widget is
 * never replaced under the pointer or while its own handler runs. The find and get functions
 * below first bring the rows up to date.
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
GtkWidget *lgr_scenario_sidebar_find_item_row (LgrScenarioSidebar *self, const char *item_id);
/* The selected scenario's authority editors: its name (AdwEntryRow), its remove button, and why
 * the last change to it was refused (NULL if it was not). */
GtkWidget *lgr_scenario_sidebar_get_authority_name_row (LgrScenarioSidebar *self,
                                                        const char *authority_id);
GtkWidget *lgr_scenario_sidebar_get_authority_remove_button (LgrScenarioSidebar *self,
                                                             const char *authority_id);
const char *lgr_scenario_sidebar_get_authority_error (LgrScenarioSidebar *self,
                                                      const char *authority_id);
/* The menu of the Add Lever button: a section per authority, an entry per template, each on
 * win.add-lever-from-template with the target (authority id, template name). */
GMenuModel *lgr_scenario_sidebar_get_add_lever_menu (LgrScenarioSidebar *self);
/* The colour of a scenario's swatch, "#rrggbb": the colour its chart line has. */
const char *lgr_scenario_sidebar_get_swatch_colour (LgrScenarioSidebar *self,
                                                    const char *scenario_id);

G_END_DECLS
