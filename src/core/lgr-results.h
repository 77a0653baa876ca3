/* lgr-results.h: the arithmetic of docs/model.md, a pure function from a study to its results.
 *
 * lgr_results_compute() allocates one block for every series of every scenario, so it is cheap
 * enough to run on every slider movement. Results borrow pointers into the study: keep the
 * study alive (and unchanged) while you use them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lgr-study.h"

G_BEGIN_DECLS

/* docs/model.md, "Zero is half a penny": a cumulative or net figure counts as negative only
 * below -£0.005, so a sum that should be £0 does not flip sides on rounding. The one rule for
 * payback, relapse and peak funding everywhere (the workbook writes the same bound). */
#define LGR_MONEY_ZERO 0.005
#define LGR_MONEY_ZERO_TEXT "0.005"

static inline gboolean
lgr_money_is_negative (double pounds)
{
  return pounds < -LGR_MONEY_ZERO;
}

/* The part of year t before the cumulative reached zero, for a payback in year t: at most a
 * whole year, even when the cumulative ends that year within half a penny below zero. */
static inline double
lgr_payback_fraction (double cumulative_before, double net)
{
  double f = -cumulative_before / net;
  return f < 1 ? f : 1;
}

typedef struct
{
  const LgrLever *lever;
  const LgrAuthority *authority;
  /* one value per year of the timeline, before benefit-realisation and contingency;
   * all zero for a disabled lever */
  double *saving;
  double *volume_effect;
  double *price_effect;
  double *baseline_cohort;
  double *scenario_cohort;
  double *baseline_unit_cost;
  double *scenario_unit_cost;
  double *baseline_spend;
  double *scenario_spend;
} LgrLeverResult;

typedef struct
{
  const LgrItem *item;
  double *values; /* per year, before settings; all zero when disabled */
} LgrItemResult;

typedef struct
{
  const LgrScenario *scenario;

  /* per year, after benefit-realisation and cost-contingency */
  double *cashable_savings;
  double *cost_avoidance;
  double *one_off_costs;
  double *recurring_costs;
  double *net;
  double *cumulative;

  gboolean has_payback;
  double payback_years;   /* from the start of the first year */
  int payback_index;      /* year index of payback, -1 if none */
  gboolean relapses;      /* cumulative turns negative again after payback */
  double peak_funding;    /* max(0, -min cumulative) */
  int peak_funding_index; /* year index of the lowest cumulative, -1 if never negative */
  double npv;
  double total_net;
  double run_rate;
  /* no lever or item is on: the figures are all zero and there is nothing to pay back, which
   * every output says instead of a payback year (docs/model.md) */
  gboolean nothing_to_pay_back;

  guint n_levers;
  LgrLeverResult *levers;
  guint n_items;
  LgrItemResult *items;
} LgrScenarioResult;

typedef struct
{
  const LgrStudy *study;
  int first_year;
  guint n_years;
  guint n_scenarios;
  LgrScenarioResult *scenarios;

  /* private (lgr_results_ref/lgr_results_unref) */
  int extra_refs;        /* references beyond the first */
  LgrStudy *owned_study; /* freed with the last reference, see lgr_results_compute_owning() */
} LgrResults;

/* Comparison of scenario B against a reference A. */
typedef struct
{
  guint n_years;
  double *net_difference;        /* net_B - net_A per year */
  double *cumulative_difference; /* cumulative_B - cumulative_A per year */
  int crossover_index;           /* first year from which B stays above A to the end; -1 if never */
} LgrComparison;

/* The four of a scenario's annual figures that its levers and items add to, as
 * LgrScenarioResult names them. */
typedef enum
{
  LGR_FIGURE_CASHABLE,
  LGR_FIGURE_AVOIDANCE,
  LGR_FIGURE_ONE_OFF,
  LGR_FIGURE_RECURRING,
  LGR_N_FIGURES
} LgrFigure;

/* Which figure a lever's saving or an item's values add to (docs/model.md). */
LgrFigure lgr_lever_figure (const LgrLever *lever);
LgrFigure lgr_item_figure (const LgrItem *item);
/* docs/model.md, "Annual and cumulative figures": sums (the levers' savings and items' values
 * added up per figure, n years each) get the scenario's benefit realisation and cost
 * contingency in place, and net and cumulative are made from them. The one place for it: the
 * scenario's figures are made so, and so are its councils' parts (lgr-results-authority.h). */
void lgr_results_settle (const LgrStudy *study, const LgrScenario *scenario, guint n,
                         double *const sums[LGR_N_FIGURES], double *net, double *cumulative);

LgrResults *lgr_results_compute (const LgrStudy *study);
/* Results are immutable, reference-counted snapshots: whoever keeps them takes a reference and
 * drops it when done; the last reference frees them. lgr_results_free() drops one reference
 * (the same as lgr_results_unref()). */
LgrResults *lgr_results_ref (const LgrResults *results);
void lgr_results_unref (LgrResults *results);
void lgr_results_free (LgrResults *results);
/* Computes results that own study (taken): it lives as long as they do, so they stand alone
 * whatever happens to the study they were computed from. */
LgrResults *lgr_results_compute_owning (LgrStudy *study);
const LgrScenarioResult *lgr_results_find (const LgrResults *results, const char *scenario_id);

LgrComparison *lgr_results_compare (const LgrResults *results, guint reference, guint other);
void lgr_comparison_free (LgrComparison *comparison);

/* "Two unitaries pay back in 2029/30 and are £247m ahead of one unitary by 2034/35." A sentence
 * comparing every scenario with the best one, for cards, charts' text alternatives and reports. */
char *lgr_results_verdict (const LgrResults *results);

/* One scenario in a sentence: "One unitary pays back in 2029/30 after needing £17.8m ..." */
char *lgr_scenario_result_describe (const LgrScenarioResult *result, const LgrResults *results);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrResults, lgr_results_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrComparison, lgr_comparison_free)

G_END_DECLS
