/* test-model.c: docs/model.md's arithmetic - the worked checks, profiles, growth, settings, payback
 * edge cases, comparisons - and the figures docs/format.md promises for the bundled study. */
#include <glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lgr-format.h"
#include "lgr-results.h"
#include "lgr-study.h"
#include "lgr-test-util.h"

/* A study of one scenario "s" with one authority "a". */
static LgrStudy *
make_study (int first_year, int years, int vesting_year)
{
  LgrStudy *study = lgr_study_new ("Test", first_year, years, vesting_year);
  LgrScenario *scenario = lgr_scenario_new ("s", "Scenario");
  LgrAuthority *authority = lgr_authority_new ("a", "Authority");
  authority->population = 600000;
  authority->child_population
      = 125781.25; /* 805 children at 64 per 10,000 (Peopletoo, June 2025) */
  g_ptr_array_add (scenario->authorities, authority);
  g_ptr_array_add (study->scenarios, scenario);
  return study;
}

static LgrScenario *
first_scenario (LgrStudy *study)
{
  return g_ptr_array_index (study->scenarios, 0);
}

static LgrLever *
add_lac_lever (LgrStudy *study, double rate_from, double rate_to, double cost_from, double cost_to)
{
  LgrLever *lever = lgr_lever_new ("lac", "Children looked after", "a");
  lever->basis = LGR_COHORT_BASIS_CHILD_POPULATION;
  lever->cohort_baseline = rate_from;
  lever->cohort_target = rate_to;
  lever->unit_period = LGR_UNIT_PERIOD_WEEK;
  lever->unit_cost_baseline = cost_from;
  lever->unit_cost_target = cost_to;
  g_ptr_array_add (first_scenario (study)->levers, lever);
  return lever;
}

static LgrItem *
add_values_item (LgrStudy *study, const char *id, LgrItemKind kind, const double *values, int n)
{
  LgrItem *item = lgr_item_new (id, id, kind);
  item->pattern = LGR_ITEM_PATTERN_VALUES;
  for (int i = 0; i < n; i++)
    lgr_item_set_value (item, study->first_year + i, values[i]);
  g_ptr_array_add (first_scenario (study)->items, item);
  return item;
}

/* Worked check 1: looked-after children, Warwickshire 2023/24. */
static void
test_worked_lac_rate (void)
{
  g_autoptr (LgrStudy) study = make_study (2028, 1, 2028);
  add_lac_lever (study, 64, 57, 1750, 1750);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  const LgrLeverResult *l = &results->scenarios[0].levers[0];
  g_assert_cmpfloat_with_epsilon (l->baseline_cohort[0], 805, 1e-9);
  g_assert_cmpfloat_with_epsilon (l->scenario_cohort[0], 716.95, 0.005);
  g_autofree char *saving = lgr_format_money (l->saving[0]);
  g_assert_cmpfloat_with_epsilon (l->saving[0], 8.01e6, 0.005e6);
  g_assert_cmpstr (saving, ==, "£8.0m");
}

static void
test_worked_lac_cost (void)
{
  g_autoptr (LgrStudy) study = make_study (2028, 1, 2028);
  add_lac_lever (study, 64, 64, 1750, 1570);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_assert_cmpfloat_with_epsilon (results->scenarios[0].levers[0].saving[0], 7.53e6, 0.005e6);
}

static void
test_worked_lac_both (void)
{
  g_autoptr (LgrStudy) study = make_study (2028, 1, 2028);
  add_lac_lever (study, 64, 55, 1750, 1570);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  const LgrLeverResult *l = &results->scenarios[0].levers[0];
  g_assert_cmpfloat_with_epsilon (l->volume_effect[0], 10.30e6, 0.005e6);
  g_assert_cmpfloat_with_epsilon (l->price_effect[0], 6.48e6, 0.005e6);
  g_assert_cmpfloat_with_epsilon (l->saving[0], 16.78e6, 0.005e6);
  /* v + q = s exactly (to rounding), and no double counting */
  g_assert_cmpfloat_with_epsilon (l->volume_effect[0] + l->price_effect[0], l->saving[0], 1e-6);
  double overlap = (l->baseline_cohort[0] - l->scenario_cohort[0])
                   * (l->baseline_unit_cost[0] - l->scenario_unit_cost[0]) * 52;
  g_assert_cmpfloat_with_epsilon (overlap, 1.06e6, 0.005e6);
  /* the rate saving and the cost saving each against the full baseline overshoot by exactly the
   * overlap: the model must give the smaller, correct figure */
  double rate_alone = (805 - l->scenario_cohort[0]) * 1750 * 52;
  double cost_alone = 805 * 180 * 52.0;
  g_assert_cmpfloat_with_epsilon (rate_alone + cost_alone - l->saving[0], overlap, 1e-6);
  /* the cashable total carries it */
  g_assert_cmpfloat_with_epsilon (results->scenarios[0].cashable_savings[0], l->saving[0], 1e-9);
}

/* Worked check 2: adult social care long-term support, per-year costs. */
static void
test_worked_adults (void)
{
  g_autoptr (LgrStudy) study = make_study (2028, 1, 2028);
  LgrLever *wa = lgr_lever_new ("wa", "Working age", "a");
  wa->cohort_baseline = wa->cohort_target = 1895;
  wa->unit_cost_baseline = 49802;
  wa->unit_cost_target = 39881;
  LgrLever *op = lgr_lever_new ("op", "Older people", "a");
  op->cohort_baseline = op->cohort_target = 3765;
  op->unit_cost_baseline = 33996;
  op->unit_cost_target = 27144;
  g_ptr_array_add (first_scenario (study)->levers, wa);
  g_ptr_array_add (first_scenario (study)->levers, op);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_assert_cmpfloat_with_epsilon (results->scenarios[0].levers[0].saving[0], 18.80e6, 0.005e6);
  g_assert_cmpfloat_with_epsilon (results->scenarios[0].levers[1].saving[0], 25.80e6, 0.005e6);
  g_assert_cmpfloat_with_epsilon (results->scenarios[0].levers[1].volume_effect[0], 0, 1e-9);
}

/* Worked check 3: cumulative cashflow and payback. */
static void
test_worked_payback (void)
{
  g_autoptr (LgrStudy) study = make_study (2025, 4, 2025);
  const double costs[] = { 5e6, 8e6, 2e6, 0 };
  const double savings[] = { 0, 3e6, 9e6, 12e6 };
  add_values_item (study, "costs", LGR_ITEM_KIND_ONE_OFF_COST, costs, 4);
  add_values_item (study, "savings", LGR_ITEM_KIND_SAVING, savings, 4);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  const LgrScenarioResult *r = &results->scenarios[0];
  const double net[] = { -5e6, -5e6, 7e6, 12e6 };
  const double cumulative[] = { -5e6, -10e6, -3e6, 9e6 };
  for (int t = 0; t < 4; t++)
    {
      g_assert_cmpfloat (r->net[t], ==, net[t]);
      g_assert_cmpfloat (r->cumulative[t], ==, cumulative[t]);
    }
  g_assert_cmpfloat (r->peak_funding, ==, 10e6);
  g_assert_cmpint (r->peak_funding_index, ==, 1);
  g_assert_true (r->has_payback);
  g_assert_cmpfloat_with_epsilon (r->payback_years, 3.25, 1e-12);
  g_assert_cmpint (r->payback_index, ==, 3); /* in the fourth year, 2028/29 */
  g_assert_false (r->relapses);
  g_assert_cmpfloat (r->total_net, ==, 9e6);
  g_assert_cmpfloat (r->run_rate, ==, 12e6);
  /* NPV at 3.5%, first year undiscounted */
  double npv = -5e6 - 5e6 / 1.035 + 7e6 / (1.035 * 1.035) + 12e6 / pow (1.035, 3);
  g_assert_cmpfloat_with_epsilon (r->npv, npv, 1e-6);
}

/* Worked check 4: realisation profile 25 50 75 100 from 2028. */
static void
test_worked_realisation (void)
{
  LgrProfile profile = { 0 };
  const double values[] = { 25, 50, 75, 100 };
  lgr_profile_set (&profile, values, 4);
  g_assert_cmpfloat (lgr_profile_realisation (&profile, 2028, 2027), ==, 0);
  g_assert_cmpfloat (lgr_profile_realisation (&profile, 2028, 2028), ==, 0.25);
  g_assert_cmpfloat (lgr_profile_realisation (&profile, 2028, 2030), ==, 0.75);
  g_assert_cmpfloat (lgr_profile_realisation (&profile, 2028, 2031), ==, 1.0);
  g_assert_cmpfloat (lgr_profile_realisation (&profile, 2028, 2045), ==, 1.0);

  /* and through a lever: the scenario cohort moves a quarter of the way in 2028/29 */
  g_autoptr (LgrStudy) study = make_study (2027, 6, 2028);
  LgrLever *lever = add_lac_lever (study, 64, 56, 1750, 1750);
  lgr_profile_set (&lever->realisation, values, 4);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  const LgrLeverResult *l = &results->scenarios[0].levers[0];
  g_assert_cmpfloat_with_epsilon (l->scenario_cohort[0], 805, 1e-9);
  g_assert_cmpfloat_with_epsilon (l->scenario_cohort[1], 805 - 0.25 * 100.625, 1e-9);
  g_assert_cmpfloat_with_epsilon (l->scenario_cohort[4], 704.375, 1e-9);
  g_assert_cmpfloat_with_epsilon (l->scenario_cohort[5], 704.375, 1e-9);
  lgr_profile_clear (&profile);
}

static void
test_spread_profile (void)
{
  LgrProfile profile = { 0 };
  const double values[] = { 30, 50, 20 };
  lgr_profile_set (&profile, values, 3);
  g_assert_cmpfloat (lgr_profile_spread_share (&profile, 2026, 2025), ==, 0);
  g_assert_cmpfloat (lgr_profile_spread_share (&profile, 2026, 2026), ==, 0.3);
  g_assert_cmpfloat (lgr_profile_spread_share (&profile, 2026, 2028), ==, 0.2);
  g_assert_cmpfloat (lgr_profile_spread_share (&profile, 2026, 2029), ==, 0); /* does not persist */
  lgr_profile_clear (&profile);

  /* start defaults to the vesting year */
  g_autoptr (LgrStudy) study = make_study (2025, 6, 2027);
  LgrItem *item = lgr_item_new ("t", "Transition", LGR_ITEM_KIND_ONE_OFF_COST);
  item->total = 10e6;
  lgr_profile_set (&item->profile, values, 3);
  g_ptr_array_add (first_scenario (study)->items, item);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  const double expected[] = { 0, 0, 3e6, 5e6, 2e6, 0 };
  for (int t = 0; t < 6; t++)
    g_assert_cmpfloat_with_epsilon (results->scenarios[0].items[0].values[t], expected[t], 1e-6);
}

static void
test_recurring_item (void)
{
  g_autoptr (LgrStudy) study = make_study (2025, 6, 2028);
  LgrItem *item = lgr_item_new ("agg", "Aggregation", LGR_ITEM_KIND_SAVING);
  item->amount = 1e6;
  item->growth = 10;
  item->has_start = TRUE;
  item->start = 2027;
  const double values[] = { 50, 100 };
  lgr_profile_set (&item->profile, values, 2);
  g_ptr_array_add (first_scenario (study)->items, item);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  const double expected[] = { 0, 0, 0.5e6, 1.1e6, 1.21e6, 1.331e6 };
  for (int t = 0; t < 6; t++)
    g_assert_cmpfloat_with_epsilon (results->scenarios[0].items[0].values[t], expected[t], 1e-6);
  g_assert_cmpfloat_with_epsilon (results->scenarios[0].cashable_savings[5], 1.331e6, 1e-6);
}

static void
test_values_outside_timeline (void)
{
  g_autoptr (LgrStudy) study = make_study (2025, 3, 2025);
  const double values[] = { 1, 2, 3 };
  LgrItem *item = add_values_item (study, "v", LGR_ITEM_KIND_RECURRING_COST, values, 3);
  lgr_item_set_value (item, 2019, 100); /* kept, ignored */
  lgr_item_set_value (item, 2030, 100);
  g_assert_cmpuint (item->values->len, ==, 5);
  g_assert_cmpint (g_array_index (item->values, LgrYearValue, 0).year, ==, 2019);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_assert_cmpfloat (results->scenarios[0].recurring_costs[0], ==, 1);
  g_assert_cmpfloat (results->scenarios[0].recurring_costs[2], ==, 3);
  g_assert_cmpfloat (results->scenarios[0].cumulative[2], ==, -6);
}

/* Growth compounds from the first year of the timeline, on cohort and unit cost separately. */
static void
test_growth (void)
{
  g_autoptr (LgrStudy) study = make_study (2025, 4, 2025);
  LgrLever *lever = lgr_lever_new ("l", "Lever", "a");
  lever->cohort_baseline = 100;
  lever->cohort_target = 80;
  lever->unit_cost_baseline = 1000;
  lever->unit_cost_target = 900;
  lever->growth_cohort = 10;
  lever->growth_unit_cost = -5;
  g_ptr_array_add (first_scenario (study)->levers, lever);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  const LgrLeverResult *l = &results->scenarios[0].levers[0];
  for (int t = 0; t < 4; t++)
    {
      double gc = pow (1.1, t), gu = pow (0.95, t);
      double cb = 100 * gc, cs = 80 * gc, ub = 1000 * gu, us = 900 * gu;
      g_assert_cmpfloat_with_epsilon (l->baseline_cohort[t], cb, 1e-9);
      g_assert_cmpfloat_with_epsilon (l->scenario_cohort[t], cs, 1e-9);
      g_assert_cmpfloat_with_epsilon (l->baseline_unit_cost[t], ub, 1e-9);
      g_assert_cmpfloat_with_epsilon (l->scenario_unit_cost[t], us, 1e-9);
      g_assert_cmpfloat_with_epsilon (l->saving[t], cb * ub - cs * us, 1e-6);
      g_assert_cmpfloat_with_epsilon (l->volume_effect[t] + l->price_effect[t], l->saving[t], 1e-6);
    }
}

static void
test_population_basis (void)
{
  g_autoptr (LgrStudy) study = make_study (2025, 1, 2025);
  LgrLever *lever = lgr_lever_new ("l", "Lever", "a");
  lever->basis = LGR_COHORT_BASIS_POPULATION;
  lever->cohort_baseline = 10; /* per 10,000 of 600,000 people: 600 */
  lever->cohort_target = 5;
  lever->unit_cost_baseline = lever->unit_cost_target = 100;
  lever->unit_period = LGR_UNIT_PERIOD_WEEK;
  g_ptr_array_add (first_scenario (study)->levers, lever);
  study->weeks_per_year = 52.143;
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_assert_cmpfloat_with_epsilon (results->scenarios[0].levers[0].baseline_cohort[0], 600, 1e-9);
  g_assert_cmpfloat_with_epsilon (results->scenarios[0].levers[0].saving[0], 300 * 100 * 52.143,
                                  1e-6);
}

/* A worse target gives a negative saving; a disabled lever or item contributes nothing. */
static void
test_negative_and_disabled (void)
{
  g_autoptr (LgrStudy) study = make_study (2025, 2, 2025);
  LgrLever *worse = add_lac_lever (study, 64, 70, 1750, 1800);
  g_autoptr (LgrResults) r1 = lgr_results_compute (study);
  g_assert_cmpfloat (r1->scenarios[0].levers[0].saving[0], <, 0);
  g_assert_cmpfloat (r1->scenarios[0].net[0], <, 0);

  worse->enabled = FALSE;
  const double costs[] = { 5, 5 };
  LgrItem *item = add_values_item (study, "c", LGR_ITEM_KIND_ONE_OFF_COST, costs, 2);
  item->enabled = FALSE;
  g_autoptr (LgrResults) r2 = lgr_results_compute (study);
  for (int t = 0; t < 2; t++)
    {
      g_assert_cmpfloat (r2->scenarios[0].levers[0].saving[t], ==, 0);
      g_assert_cmpfloat (r2->scenarios[0].levers[0].baseline_cohort[t], ==, 0);
      g_assert_cmpfloat (r2->scenarios[0].items[0].values[t], ==, 0);
      g_assert_cmpfloat (r2->scenarios[0].net[t], ==, 0);
    }
  /* the values are kept */
  g_assert_cmpfloat (worse->cohort_target, ==, 70);
}

/* benefit-realisation scales savings and avoidance; contingency uplifts costs; avoidance counts
 * in the net only when asked, and is always reported. */
static void
test_settings (void)
{
  g_autoptr (LgrStudy) study = make_study (2025, 1, 2025);
  const double one_off[] = { 100 }, recurring[] = { 50 }, saving[] = { 400 }, avoid[] = { 80 };
  add_values_item (study, "o", LGR_ITEM_KIND_ONE_OFF_COST, one_off, 1);
  add_values_item (study, "r", LGR_ITEM_KIND_RECURRING_COST, recurring, 1);
  add_values_item (study, "s", LGR_ITEM_KIND_SAVING, saving, 1);
  add_values_item (study, "v", LGR_ITEM_KIND_AVOIDANCE, avoid, 1);
  LgrLever *lever = lgr_lever_new ("l", "Lever", "a");
  lever->benefit = LGR_BENEFIT_AVOIDANCE;
  lever->cohort_baseline = lever->cohort_target = 1;
  lever->unit_cost_baseline = 30;
  lever->unit_cost_target = 10;
  g_ptr_array_add (first_scenario (study)->levers, lever);

  study->benefit_realisation = 75;
  study->cost_contingency = 20;
  g_autoptr (LgrResults) r = lgr_results_compute (study);
  const LgrScenarioResult *s = &r->scenarios[0];
  g_assert_cmpfloat_with_epsilon (s->cashable_savings[0], 300, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->cost_avoidance[0], 0.75 * (80 + 20), 1e-9);
  g_assert_cmpfloat_with_epsilon (s->one_off_costs[0], 120, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->recurring_costs[0], 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->net[0], 300 - 120 - 60, 1e-9);
  /* lever and item arrays are before the settings */
  g_assert_cmpfloat (s->items[2].values[0], ==, 400);
  g_assert_cmpfloat (s->levers[0].saving[0], ==, 20);

  study->count_avoidance = TRUE;
  g_autoptr (LgrResults) r2 = lgr_results_compute (study);
  g_assert_cmpfloat_with_epsilon (r2->scenarios[0].net[0], 300 - 120 - 60 + 75, 1e-9);
}

static LgrResults *
results_for_net (LgrStudy **study_out, const double *net, int n)
{
  LgrStudy *study = make_study (2025, n, 2025);
  double *saving = g_new0 (double, n), *cost = g_new0 (double, n);
  for (int i = 0; i < n; i++)
    (net[i] >= 0 ? saving : cost)[i] = fabs (net[i]);
  add_values_item (study, "s", LGR_ITEM_KIND_SAVING, saving, n);
  add_values_item (study, "c", LGR_ITEM_KIND_ONE_OFF_COST, cost, n);
  g_free (saving);
  g_free (cost);
  *study_out = study;
  return lgr_results_compute (study);
}

static void
test_payback_never_negative (void)
{
  g_autoptr (LgrStudy) study = NULL;
  const double net[] = { 0, 2, 3 };
  g_autoptr (LgrResults) r = results_for_net (&study, net, 3);
  g_assert_true (r->scenarios[0].has_payback);
  g_assert_cmpfloat (r->scenarios[0].payback_years, ==, 0);
  g_assert_cmpint (r->scenarios[0].payback_index, ==, 0);
  g_assert_cmpfloat (r->scenarios[0].peak_funding, ==, 0);
  g_assert_cmpint (r->scenarios[0].peak_funding_index, ==, -1);
  g_assert_false (r->scenarios[0].relapses);
}

static void
test_payback_never_recovers (void)
{
  g_autoptr (LgrStudy) study = NULL;
  const double net[] = { -5, 1, 1, 1 };
  g_autoptr (LgrResults) r = results_for_net (&study, net, 4);
  g_assert_false (r->scenarios[0].has_payback);
  g_assert_cmpint (r->scenarios[0].payback_index, ==, -1);
  g_assert_cmpfloat (r->scenarios[0].peak_funding, ==, 5);
  g_assert_cmpfloat (r->scenarios[0].total_net, ==, -2);
  g_autofree char *sentence = lgr_scenario_result_describe (&r->scenarios[0], r);
  g_assert_nonnull (strstr (sentence, "no payback by 2028/29"));
}

static void
test_payback_relapses (void)
{
  g_autoptr (LgrStudy) study = NULL;
  const double net[] = { -4, 6, -5, 1, 10 };
  g_autoptr (LgrResults) r = results_for_net (&study, net, 5);
  /* cumulative -4, 2, -3, -2, 8: the first recovery counts, and the relapse is flagged */
  g_assert_true (r->scenarios[0].has_payback);
  g_assert_cmpint (r->scenarios[0].payback_index, ==, 1);
  g_assert_cmpfloat_with_epsilon (r->scenarios[0].payback_years, 1 + 4.0 / 6.0, 1e-12);
  g_assert_true (r->scenarios[0].relapses);
  g_assert_cmpfloat (r->scenarios[0].peak_funding, ==, 4);
}

static void
test_payback_exactly_zero (void)
{
  g_autoptr (LgrStudy) study = NULL;
  const double net[] = { -3, 3, 1 };
  g_autoptr (LgrResults) r = results_for_net (&study, net, 3);
  /* cumulative -3, 0: reaching zero is paying back */
  g_assert_cmpint (r->scenarios[0].payback_index, ==, 1);
  g_assert_cmpfloat (r->scenarios[0].payback_years, ==, 2);
}

/* docs/model.md, "Zero is half a penny": within half a penny of zero is not negative. */
static void
test_payback_half_penny (void)
{
  g_autoptr (LgrStudy) study = NULL;
  /* cumulative -3, -0.004, 0.996: paid back in the second year, a whole year at most */
  const double net[] = { -3, 2.996, 1 };
  g_autoptr (LgrResults) r = results_for_net (&study, net, 3);
  g_assert_cmpint (r->scenarios[0].payback_index, ==, 1);
  g_assert_cmpfloat (r->scenarios[0].payback_years, ==, 2);
  g_assert_cmpfloat (r->scenarios[0].peak_funding, ==, 3);

  /* -0.004 from the start is zero: ahead from the first year, no funding needed */
  g_autoptr (LgrStudy) s2 = NULL;
  const double net2[] = { -0.004, 0.0035, 1 };
  g_autoptr (LgrResults) r2 = results_for_net (&s2, net2, 3);
  g_assert_cmpint (r2->scenarios[0].payback_index, ==, 0);
  g_assert_cmpfloat (r2->scenarios[0].peak_funding, ==, 0);
  g_assert_false (signbit (r2->scenarios[0].peak_funding));
  g_assert_cmpint (r2->scenarios[0].peak_funding_index, ==, -1);
  g_assert_false (r2->scenarios[0].relapses);

  /* after payback, -0.004 is no relapse, -0.006 is */
  g_autoptr (LgrStudy) s3 = NULL;
  const double net3[] = { -3, 3, -0.004, 0.004 };
  g_autoptr (LgrResults) r3 = results_for_net (&s3, net3, 4);
  g_assert_false (r3->scenarios[0].relapses);
  g_autoptr (LgrStudy) s4 = NULL;
  const double net4[] = { -3, 3, -0.006, 0.006 };
  g_autoptr (LgrResults) r4 = results_for_net (&s4, net4, 4);
  g_assert_true (r4->scenarios[0].relapses);

  g_assert_false (lgr_money_is_negative (-0.005));
  g_assert_true (lgr_money_is_negative (-0.0051));
}

/* An empty scenario (nothing on) has nothing to pay back, not "payback in the first year". */
static void
test_nothing_to_pay_back (void)
{
  g_autoptr (LgrStudy) study = make_study (2025, 3, 2025);
  LgrItem *item = add_values_item (study, "s", LGR_ITEM_KIND_SAVING, (double[]){ 1, 1, 1 }, 3);
  LgrScenario *empty = lgr_scenario_new ("empty", "Empty");
  g_ptr_array_add (study->scenarios, empty);
  g_autoptr (LgrResults) r = lgr_results_compute (study);
  g_assert_false (r->scenarios[0].nothing_to_pay_back);
  g_assert_true (r->scenarios[1].nothing_to_pay_back);
  g_autofree char *sentence = lgr_scenario_result_describe (&r->scenarios[1], r);
  g_assert_cmpstr (sentence, ==, "Empty: nothing to pay back, no lever or item is on.");

  /* all disabled is empty too; the verdict names it when it leads */
  item->enabled = FALSE;
  add_values_item (study, "c", LGR_ITEM_KIND_ONE_OFF_COST, (double[]){ 1, 0, 0 }, 3)->enabled
      = FALSE;
  LgrItem *cost = lgr_item_new ("c2", "c2", LGR_ITEM_KIND_ONE_OFF_COST);
  cost->pattern = LGR_ITEM_PATTERN_VALUES;
  lgr_item_set_value (cost, 2025, 2e6);
  g_ptr_array_add (empty->items, cost);
  g_autoptr (LgrResults) r2 = lgr_results_compute (study);
  g_assert_true (r2->scenarios[0].nothing_to_pay_back);
  g_assert_false (r2->scenarios[1].nothing_to_pay_back);
  g_autofree char *verdict = lgr_results_verdict (r2);
  g_assert_nonnull (strstr (verdict, "has nothing to pay back"));
  g_assert_null (strstr (verdict, "payback in"));
}

static void
test_comparison (void)
{
  g_autoptr (LgrStudy) study = make_study (2025, 5, 2025);
  LgrScenario *b = lgr_scenario_new ("b", "B");
  g_ptr_array_add (b->authorities, lgr_authority_new ("a", "A"));
  g_ptr_array_add (study->scenarios, b);
  const double a_save[] = { 1, 1, 1, 1, 1 };
  const double b_save[] = { 0, 0, 3, 0.5, 2 };
  add_values_item (study, "s", LGR_ITEM_KIND_SAVING, a_save, 5);
  LgrItem *item = lgr_item_new ("s", "s", LGR_ITEM_KIND_SAVING);
  item->pattern = LGR_ITEM_PATTERN_VALUES;
  for (int i = 0; i < 5; i++)
    lgr_item_set_value (item, 2025 + i, b_save[i]);
  g_ptr_array_add (b->items, item);

  g_autoptr (LgrResults) r = lgr_results_compute (study);
  g_autoptr (LgrComparison) c = lgr_results_compare (r, 0, 1);
  /* A: 1 2 3 4 5; B: 0 0 3 3.5 5.5 -> B stays above only from the last year */
  const double diff[] = { -1, -2, 0, -0.5, 0.5 };
  for (int t = 0; t < 5; t++)
    {
      g_assert_cmpfloat_with_epsilon (c->cumulative_difference[t], diff[t], 1e-12);
      g_assert_cmpfloat_with_epsilon (c->net_difference[t], b_save[t] - 1, 1e-12);
    }
  g_assert_cmpint (c->crossover_index, ==, 4);

  g_autoptr (LgrComparison) back = lgr_results_compare (r, 1, 0);
  g_assert_cmpint (back->crossover_index, ==, -1); /* A ends behind: it never stays above */

  g_autoptr (LgrComparison) self = lgr_results_compare (r, 0, 0);
  g_assert_cmpint (self->crossover_index, ==, -1); /* equal is not above */
}

/* docs/format.md, "What the app must show for it". */
static void
test_bundled_figures (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  g_autoptr (LgrResults) r = lgr_results_compute (study);
  g_assert_cmpuint (r->n_scenarios, ==, 2);
  g_assert_cmpuint (r->n_years, ==, 10);

  const LgrScenarioResult *one = lgr_results_find (r, "one");
  g_assert_nonnull (one);
  g_assert_cmpint (r->first_year + one->payback_index, ==, 2029);
  g_assert_cmpfloat_with_epsilon (one->peak_funding, 17.84e6, 0.005e6);
  g_assert_cmpfloat_with_epsilon (one->total_net, 94.6e6, 0.05e6);
  g_assert_cmpfloat_with_epsilon (one->cumulative[9], 94.6e6, 0.05e6);
  /* the county's own figure: £57.1m net over the five years from vesting (2028/29 to 2032/33),
   * after all transition costs: 9.35 + 14.025 + 3 x 18.7 - 22.3 = £57.2m */
  g_assert_cmpfloat_with_epsilon (one->cumulative[7], 57.1e6, 0.1e6);

  const LgrScenarioResult *two = lgr_results_find (r, "two");
  g_assert_nonnull (two);
  g_assert_cmpint (r->first_year + two->payback_index, ==, 2029);
  g_assert_cmpfloat_with_epsilon (two->peak_funding, 29.84e6, 0.005e6);
  g_assert_cmpfloat_with_epsilon (two->total_net, 341.7e6, 0.05e6);
  g_assert_cmpfloat_with_epsilon (two->run_rate, 67.94e6, 0.005e6);
  g_assert_cmpfloat_with_epsilon (two->cost_avoidance[9], 30.22e6, 0.005e6);
  g_assert_cmpfloat_with_epsilon (two->cost_avoidance[6], 30.22e6, 0.005e6); /* full from 2031 */
  g_assert_false (one->relapses);
  g_assert_false (two->relapses);

  g_autofree char *verdict = lgr_results_verdict (r);
  g_assert_cmpstr (verdict, ==,
                   "Two unitaries: payback in 2029/30, £247.1m ahead of One unitary by 2034/35.");

  g_autoptr (LgrComparison) c = lgr_results_compare (r, 0, 1);
  g_assert_cmpint (r->first_year + c->crossover_index, ==, 2029);
}

/* lgr_study_copy gives an equal, independent study. */
static void
test_copy_equal (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  g_autoptr (LgrStudy) copy = lgr_study_copy (study);
  g_assert_true (lgr_study_equal (study, copy));
  LgrLever *lever = lgr_scenario_find_lever (lgr_study_find_scenario (copy, "two"), "north-lac");
  lever->cohort_target = 60;
  g_assert_false (lgr_study_equal (study, copy));
  g_assert_cmpfloat (
      lgr_scenario_find_lever (lgr_study_find_scenario (study, "two"), "north-lac")->cohort_target,
      ==, 55);
}

static void
test_unique_ids (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  g_autofree char *sid = lgr_study_unique_scenario_id (study, "two");
  g_assert_cmpstr (sid, ==, "two-2");
  g_autofree char *fresh = lgr_study_unique_scenario_id (study, "three");
  g_assert_cmpstr (fresh, ==, "three");
  LgrScenario *two = lgr_study_find_scenario (study, "two");
  g_autofree char *lid = lgr_scenario_unique_id (two, "north"); /* an authority id */
  g_assert_cmpstr (lid, ==, "north-2");
  const LgrBenchmarkBand *band = lgr_study_benchmark_band_for (study, 313600);
  g_assert_nonnull (band);
  double value = 0;
  g_assert_true (lgr_benchmark_band_lookup (band, "lac-weekly", &value));
  g_assert_cmpfloat (value, ==, 1718);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/model/worked/lac-rate", test_worked_lac_rate);
  g_test_add_func ("/core/model/worked/lac-cost", test_worked_lac_cost);
  g_test_add_func ("/core/model/worked/lac-both", test_worked_lac_both);
  g_test_add_func ("/core/model/worked/adults", test_worked_adults);
  g_test_add_func ("/core/model/worked/payback", test_worked_payback);
  g_test_add_func ("/core/model/worked/realisation", test_worked_realisation);
  g_test_add_func ("/core/model/spread-profile", test_spread_profile);
  g_test_add_func ("/core/model/recurring-item", test_recurring_item);
  g_test_add_func ("/core/model/values-outside-timeline", test_values_outside_timeline);
  g_test_add_func ("/core/model/growth", test_growth);
  g_test_add_func ("/core/model/population-basis", test_population_basis);
  g_test_add_func ("/core/model/negative-and-disabled", test_negative_and_disabled);
  g_test_add_func ("/core/model/settings", test_settings);
  g_test_add_func ("/core/payback/never-negative", test_payback_never_negative);
  g_test_add_func ("/core/payback/never-recovers", test_payback_never_recovers);
  g_test_add_func ("/core/payback/recovers-then-relapses", test_payback_relapses);
  g_test_add_func ("/core/payback/exactly-zero", test_payback_exactly_zero);
  g_test_add_func ("/core/payback/half-penny", test_payback_half_penny);
  g_test_add_func ("/core/payback/nothing-to-pay-back", test_nothing_to_pay_back);
  g_test_add_func ("/core/model/comparison", test_comparison);
  g_test_add_func ("/core/model/bundled-figures", test_bundled_figures);
  g_test_add_func ("/core/model/copy-equal", test_copy_equal);
  g_test_add_func ("/core/model/unique-ids", test_unique_ids);
  return g_test_run ();
}
