/* lgr-results-authority.h: a scenario's figures split by council (docs/model.md, "Per-council
 * figures").
 *
 * Each authority of a scenario gets its levers' savings and its own items (those that name
 * it); items that name no authority make a "shared" part. Every part is made from the series
 * the results already hold, with the scenario's own settings (lgr_results_settle()), so the
 * parts add up to the scenario's figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lgr-results.h"

G_BEGIN_DECLS

typedef struct
{
  const LgrAuthority *authority; /* NULL for the shared part */
  guint n_levers;                /* the scenario's levers that are this part's */
  guint n_items;                 /* and its items */

  /* per year, after benefit realisation and cost contingency, as the scenario's own */
  double *cashable_savings;
  double *cost_avoidance;
  double *one_off_costs;
  double *recurring_costs;
  double *net;
  double *cumulative;
  double total_net; /* the cumulative of the last year */
} LgrAuthorityPart;

typedef struct
{
  const LgrScenarioResult *scenario;
  guint n_years;
  guint n_parts;           /* the scenario's authorities in order, then the shared part */
  LgrAuthorityPart *parts; /* one block with the split: no need to free them */
} LgrAuthoritySplit;

/* The most authorities a scenario may have for its split to be shown: an option has a handful
 * of councils; a file may hold a quarter of a million, whose split would take gigabytes and a
 * table no one could read. */
#define LGR_MAX_COUNCILS 64

/* Whether the scenario has several authorities (at most LGR_MAX_COUNCILS), so that the
 * outputs show its split. */
gboolean lgr_scenario_result_has_councils (const LgrScenarioResult *result);
/* Whether two results of a scenario split alike, given the same settings and years: the same
 * authorities, levers and items, each of the same council, with the same series. Cheap (no
 * split made), for a view that redraws a split only when it changed. */
gboolean lgr_scenario_result_same_split (const LgrScenarioResult *a, const LgrScenarioResult *b,
                                         guint n_years);
/* The split of one scenario of results (kept alive by the caller while the split is used). */
LgrAuthoritySplit *lgr_authority_split_new (const LgrResults *results,
                                            const LgrScenarioResult *result);
void lgr_authority_split_free (LgrAuthoritySplit *split);
/* The shared part: the last. */
const LgrAuthorityPart *lgr_authority_split_shared (const LgrAuthoritySplit *split);

/* What a part holds, for a row of a table: "North Warwickshire Council (5 levers, 1 item)",
 * "Shared items (2 items)". */
char *lgr_authority_part_label (const LgrAuthorityPart *part);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrAuthoritySplit, lgr_authority_split_free)

G_END_DECLS
