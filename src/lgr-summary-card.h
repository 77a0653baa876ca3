/* lgr-summary-card.h: one scenario's headline figures - payback year, peak funding requirement,
 * net over the horizon, NPV and run rate - formatted with lgr-format.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lgr-results.h"

G_BEGIN_DECLS

typedef enum
{
  LGR_SUMMARY_PAYBACK,
  LGR_SUMMARY_PEAK_FUNDING,
  LGR_SUMMARY_NET,
  LGR_SUMMARY_NPV,
  LGR_SUMMARY_RUN_RATE,
  LGR_SUMMARY_N_FIELDS
} LgrSummaryField;

#define LGR_TYPE_SUMMARY_CARD (lgr_summary_card_get_type ())
G_DECLARE_FINAL_TYPE (LgrSummaryCard, lgr_summary_card, LGR, SUMMARY_CARD, GtkBox)

GtkWidget *lgr_summary_card_new (void);
void lgr_summary_card_update (LgrSummaryCard *self, const LgrScenarioResult *result,
                              const LgrResults *results);
const char *lgr_summary_card_get_scenario_id (LgrSummaryCard *self);
const char *lgr_summary_card_get_value (LgrSummaryCard *self, LgrSummaryField field);

/* The text a card shows for a field (pure, for the card and its tests). */
char *lgr_summary_format (const LgrScenarioResult *result, const LgrResults *results,
                          LgrSummaryField field);

/* The split of net by the horizon by council, for a scenario with several authorities
 * (lgr-results-authority.h): "North Warwickshire Council £207.2m · South Warwickshire Council
 * £133.0m · shared £1.5m (net by 2034/35)", the shared part only when items are shared; NULL for
 * a scenario with one authority. */
char *lgr_summary_format_councils (const LgrScenarioResult *result, const LgrResults *results);
/* The split the card shows (a row per part, under "By council, net by 2034/35"), as that one
 * line, or NULL when it shows none. */
const char *lgr_summary_card_get_councils (LgrSummaryCard *self);

/* Marked (the word "Changed", an accent outline) while the scenario differs from the study as
 * opened or saved. */
void lgr_summary_card_set_changed (LgrSummaryCard *self, gboolean changed);
gboolean lgr_summary_card_get_changed (LgrSummaryCard *self);

/* The sentence of the card's tooltip and accessible description. */
const char *lgr_summary_card_get_description (LgrSummaryCard *self);

/* The swatch's colour, "#rrggbb": the scenario's colour in the chart. */
const char *lgr_summary_card_get_colour (LgrSummaryCard *self);

/* The range of net by the horizon in 8 draws out of 10 (the Monte Carlo's P10 to P90), or
 * NULL to hide it (the study has no ranges). */
void lgr_summary_card_set_range (LgrSummaryCard *self, const char *range);
const char *lgr_summary_card_get_range (LgrSummaryCard *self);
/* "Net £210m to £390m, 8 in 10 draws" */
char *lgr_summary_format_range (double p10, double p90);

G_END_DECLS
