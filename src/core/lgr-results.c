/* lgr-results.c: docs/model.md as code. Every figure the app shows comes from here.
 *
 * One allocation holds every series of every scenario (see results_layout()), so a recompute
 * on each slider movement costs a few microseconds and no allocator churn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-results.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lgr-conversions.h"
#include "lgr-format.h"

#define LEVER_SERIES 9 /* doubles arrays in LgrLeverResult */
#define SCENARIO_SERIES 6

/* Everything lives in one block: the results, the scenario, lever and item records, then the
 * series. Pointers inside point into the block, so freeing is one g_free. */
typedef struct
{
  gsize scenarios_offset;
  gsize levers_offset;
  gsize items_offset;
  gsize series_offset;
  gsize total;
} Layout;

static Layout
results_layout (const LgrStudy *study)
{
  guint n_levers = 0, n_items = 0;
  for (guint i = 0; i < study->scenarios->len; i++)
    {
      const LgrScenario *s = g_ptr_array_index (study->scenarios, i);
      n_levers += s->levers->len;
      n_items += s->items->len;
    }
  gsize n_years = (gsize)MAX (study->years, 0);
  gsize n_series = study->scenarios->len * SCENARIO_SERIES + n_levers * LEVER_SERIES + n_items;

  Layout l;
  l.scenarios_offset = sizeof (LgrResults);
  l.levers_offset = l.scenarios_offset + study->scenarios->len * sizeof (LgrScenarioResult);
  l.items_offset = l.levers_offset + n_levers * sizeof (LgrLeverResult);
  l.series_offset = l.items_offset + n_items * sizeof (LgrItemResult);
  l.series_offset = (l.series_offset + 15) & ~(gsize)15;
  l.total = l.series_offset + n_series * n_years * sizeof (double);
  return l;
}

static void
compute_lever (const LgrStudy *study, LgrLeverResult *r, guint n)
{
  const LgrLever *lever = r->lever;
  const LgrAuthority *authority = r->authority;

  if (!lever->enabled)
    return; /* the block is zeroed: a disabled lever contributes nothing */

  double cb0 = lgr_cohort_people (lever->basis, lever->cohort_baseline, authority);
  double ct0 = lgr_cohort_people (lever->basis, lever->cohort_target, authority);
  double m = lgr_unit_period_per_year (lever->unit_period, study->weeks_per_year);
  double ub = lever->unit_cost_baseline, ut = lever->unit_cost_target;
  int start = lgr_lever_start_year (lever, study);

  /* Gc(t) and Gu(t) by repeated multiplication: within a few ulps of pow() over 60 years, and
   * several times cheaper on every slider movement. */
  double gc = 1.0, gu = 1.0;
  double gc_factor = 1.0 + lever->growth_cohort / 100.0;
  double gu_factor = 1.0 + lever->growth_unit_cost / 100.0;
  for (guint t = 0; t < n; t++, gc *= gc_factor, gu *= gu_factor)
    {
      double p = lgr_profile_realisation (&lever->realisation, start, study->first_year + (int)t);

      double cb = cb0 * gc;
      double cs = cb + p * (ct0 * gc - cb);
      double ubt = ub * gu;
      double ust = ubt + p * (ut - ub) * gu;

      r->baseline_cohort[t] = cb;
      r->scenario_cohort[t] = cs;
      r->baseline_unit_cost[t] = ubt;
      r->scenario_unit_cost[t] = ust;
      r->baseline_spend[t] = cb * ubt * m;
      r->scenario_spend[t] = cs * ust * m;
      r->saving[t] = r->baseline_spend[t] - r->scenario_spend[t];
      r->volume_effect[t] = (cb - cs) * ubt * m;
      r->price_effect[t] = cs * (ubt - ust) * m;
    }
}

static void
compute_item (const LgrStudy *study, LgrItemResult *r, guint n)
{
  const LgrItem *item = r->item;
  if (!item->enabled)
    return;

  int start = lgr_item_start_year (item, study);
  switch (item->pattern)
    {
    case LGR_ITEM_PATTERN_SPREAD:
      for (guint t = 0; t < n; t++)
        r->values[t]
            = item->total
              * lgr_profile_spread_share (&item->profile, start, study->first_year + (int)t);
      break;
    case LGR_ITEM_PATTERN_RECURRING:
      for (guint t = 0; t < n; t++)
        {
          int year = study->first_year + (int)t;
          if (year < start)
            continue;
          double p = lgr_profile_realisation (&item->profile, start, year);
          r->values[t]
              = item->amount * p * pow (1.0 + item->growth / 100.0, (double)(year - start));
        }
      break;
    case LGR_ITEM_PATTERN_VALUES:
      for (guint i = 0; i < item->values->len; i++)
        {
          const LgrYearValue *v = &g_array_index (item->values, LgrYearValue, i);
          int t = lgr_study_year_index (study, v->year);
          if (t >= 0)
            r->values[t] = v->value; /* values outside the timeline are kept but ignored */
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* docs/model.md, "Summary figures". */
static void
compute_summary (const LgrStudy *study, LgrScenarioResult *r, guint n)
{
  r->has_payback = FALSE;
  r->payback_index = -1;
  r->payback_years = 0;
  r->relapses = FALSE;
  r->peak_funding = 0;
  r->peak_funding_index = -1;
  r->npv = 0;
  r->total_net = n ? r->cumulative[n - 1] : 0;
  r->run_rate = n ? r->net[n - 1] : 0;

  double lowest = 0;
  gboolean seen_negative = FALSE;
  for (guint t = 0; t < n; t++)
    {
      r->npv += r->net[t] / pow (1.0 + study->discount_rate / 100.0, (double)t);
      if (lgr_money_is_negative (r->cumulative[t]) && r->cumulative[t] < lowest)
        {
          lowest = r->cumulative[t];
          r->peak_funding_index = (int)t;
        }
      if (lgr_money_is_negative (r->cumulative[t]))
        {
          if (r->has_payback)
            r->relapses = TRUE;
          seen_negative = TRUE;
        }
      else if (seen_negative && !r->has_payback)
        {
          r->has_payback = TRUE;
          r->payback_index = (int)t;
          /* net[t] > 0 here: the cumulative went from below to within half a penny of zero */
          r->payback_years = t + lgr_payback_fraction (r->cumulative[t - 1], r->net[t]);
        }
    }
  if (!seen_negative && n > 0)
    {
      r->has_payback = TRUE;
      r->payback_index = 0;
      r->payback_years = 0;
    }
  /* not MAX (0.0, -lowest): that is -0 when lowest is 0, and "-0" would reach the outputs */
  r->peak_funding = lowest < 0 ? -lowest : 0;
}

LgrFigure
lgr_lever_figure (const LgrLever *lever)
{
  return lever->benefit == LGR_BENEFIT_CASHABLE ? LGR_FIGURE_CASHABLE : LGR_FIGURE_AVOIDANCE;
}

LgrFigure
lgr_item_figure (const LgrItem *item)
{
  switch (item->kind)
    {
    case LGR_ITEM_KIND_ONE_OFF_COST:
      return LGR_FIGURE_ONE_OFF;
    case LGR_ITEM_KIND_RECURRING_COST:
      return LGR_FIGURE_RECURRING;
    case LGR_ITEM_KIND_SAVING:
      return LGR_FIGURE_CASHABLE;
    case LGR_ITEM_KIND_AVOIDANCE:
      return LGR_FIGURE_AVOIDANCE;
    default:
      g_assert_not_reached ();
    }
}

/* docs/model.md, "Annual and cumulative figures". */
void
lgr_results_settle (const LgrStudy *study, const LgrScenario *scenario, guint n,
                    double *const sums[LGR_N_FIGURES], double *net, double *cumulative)
{
  /* a scenario's own settings override the study's (docs/model.md) */
  double R = lgr_scenario_benefit_realisation (scenario, study) / 100.0;
  double K = 1.0 + lgr_scenario_cost_contingency (scenario, study) / 100.0;
  double *cashable = sums[LGR_FIGURE_CASHABLE], *avoidance = sums[LGR_FIGURE_AVOIDANCE];
  double *one_off = sums[LGR_FIGURE_ONE_OFF], *recurring = sums[LGR_FIGURE_RECURRING];
  double total = 0;

  for (guint t = 0; t < n; t++)
    {
      cashable[t] *= R;
      avoidance[t] *= R;
      one_off[t] *= K;
      recurring[t] *= K;
      net[t] = cashable[t] - one_off[t] - recurring[t];
      if (study->count_avoidance)
        net[t] += avoidance[t];
      total += net[t];
      cumulative[t] = total;
    }
}

/* The scenario's authorities by id when it has many, else NULL: a search per lever made a study
 * with 60,000 authorities and 40,000 levers take 20 s to compute. The first of an id wins, as in
 * lgr_scenario_find_authority(). */
static GHashTable *
authorities_by_id (const LgrScenario *scenario)
{
  GHashTable *table;

  if (scenario->authorities->len < 16)
    return NULL;
  table = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = scenario->authorities->len; i-- > 0;)
    {
      LgrAuthority *a = g_ptr_array_index (scenario->authorities, i);
      if (a->id != NULL)
        g_hash_table_insert (table, a->id, a);
    }
  return table;
}

static const LgrAuthority *
find_authority (const LgrScenario *scenario, GHashTable *table, const char *id)
{
  if (table == NULL || id == NULL)
    return lgr_scenario_find_authority (scenario, id);
  return g_hash_table_lookup (table, id);
}

LgrResults *
lgr_results_compute (const LgrStudy *study)
{
  g_return_val_if_fail (study != NULL, NULL);

  Layout layout = results_layout (study);
  char *block = g_malloc0 (layout.total);
  LgrResults *results = (LgrResults *)block;
  guint n = (guint)MAX (study->years, 0);

  results->study = study;
  results->first_year = study->first_year;
  results->n_years = n;
  results->n_scenarios = study->scenarios->len;
  results->scenarios = (LgrScenarioResult *)(block + layout.scenarios_offset);

  LgrLeverResult *lever_results = (LgrLeverResult *)(block + layout.levers_offset);
  LgrItemResult *item_results = (LgrItemResult *)(block + layout.items_offset);
  /* cppcheck-suppress invalidPointerCast ; 16-byte aligned space for doubles in the block */
  double *series = (double *)(block + layout.series_offset);
#define NEXT_SERIES() (series += n, series - n)

  for (guint s = 0; s < results->n_scenarios; s++)
    {
      const LgrScenario *scenario = g_ptr_array_index (study->scenarios, s);
      LgrScenarioResult *r = &results->scenarios[s];
      g_autoptr (GHashTable) authorities = authorities_by_id (scenario);
      r->scenario = scenario;
      r->cashable_savings = NEXT_SERIES ();
      r->cost_avoidance = NEXT_SERIES ();
      r->one_off_costs = NEXT_SERIES ();
      r->recurring_costs = NEXT_SERIES ();
      r->net = NEXT_SERIES ();
      r->cumulative = NEXT_SERIES ();
      double *sums[LGR_N_FIGURES]
          = { r->cashable_savings, r->cost_avoidance, r->one_off_costs, r->recurring_costs };

      r->n_levers = scenario->levers->len;
      r->levers = lever_results;
      lever_results += r->n_levers;
      for (guint i = 0; i < r->n_levers; i++)
        {
          LgrLeverResult *lr = &r->levers[i];
          lr->lever = g_ptr_array_index (scenario->levers, i);
          lr->authority = find_authority (scenario, authorities, lr->lever->authority_id);
          lr->saving = NEXT_SERIES ();
          lr->volume_effect = NEXT_SERIES ();
          lr->price_effect = NEXT_SERIES ();
          lr->baseline_cohort = NEXT_SERIES ();
          lr->scenario_cohort = NEXT_SERIES ();
          lr->baseline_unit_cost = NEXT_SERIES ();
          lr->scenario_unit_cost = NEXT_SERIES ();
          lr->baseline_spend = NEXT_SERIES ();
          lr->scenario_spend = NEXT_SERIES ();
          compute_lever (study, lr, n);

          double *target = sums[lgr_lever_figure (lr->lever)];
          for (guint t = 0; t < n; t++)
            target[t] += lr->saving[t];
        }

      r->n_items = scenario->items->len;
      r->items = item_results;
      item_results += r->n_items;
      for (guint i = 0; i < r->n_items; i++)
        {
          LgrItemResult *ir = &r->items[i];
          ir->item = g_ptr_array_index (scenario->items, i);
          ir->values = NEXT_SERIES ();
          compute_item (study, ir, n);

          double *target = sums[lgr_item_figure (ir->item)];
          for (guint t = 0; t < n; t++)
            target[t] += ir->values[t];
        }

      lgr_results_settle (study, scenario, n, sums, r->net, r->cumulative);
      compute_summary (study, r, n);
      r->nothing_to_pay_back = TRUE;
      for (guint i = 0; i < scenario->levers->len && r->nothing_to_pay_back; i++)
        if (((const LgrLever *)g_ptr_array_index (scenario->levers, i))->enabled)
          r->nothing_to_pay_back = FALSE;
      for (guint i = 0; i < scenario->items->len && r->nothing_to_pay_back; i++)
        if (((const LgrItem *)g_ptr_array_index (scenario->items, i))->enabled)
          r->nothing_to_pay_back = FALSE;
    }
#undef NEXT_SERIES
  return results;
}

LgrResults *
lgr_results_ref (const LgrResults *results)
{
  LgrResults *self = (LgrResults *)results; /* the count is not part of the value */

  g_return_val_if_fail (results != NULL, NULL);
  g_atomic_int_inc (&self->extra_refs);
  return self;
}

void
lgr_results_unref (LgrResults *results)
{
  int refs;

  if (results == NULL)
    return;
  do
    {
      refs = g_atomic_int_get (&results->extra_refs);
      if (refs == 0)
        {
          LgrStudy *owned = results->owned_study;
          g_free (results);
          if (owned)
            lgr_study_free (owned);
          return;
        }
    }
  while (!g_atomic_int_compare_and_exchange (&results->extra_refs, refs, refs - 1));
}

void
lgr_results_free (LgrResults *results)
{
  lgr_results_unref (results);
}

LgrResults *
lgr_results_compute_owning (LgrStudy *study)
{
  LgrResults *results;

  g_return_val_if_fail (study != NULL, NULL);
  results = lgr_results_compute (study);
  results->owned_study = study;
  return results;
}

const LgrScenarioResult *
lgr_results_find (const LgrResults *results, const char *scenario_id)
{
  for (guint i = 0; i < results->n_scenarios; i++)
    if (g_strcmp0 (results->scenarios[i].scenario->id, scenario_id) == 0)
      return &results->scenarios[i];
  return NULL;
}

LgrComparison *
lgr_results_compare (const LgrResults *results, guint reference, guint other)
{
  g_return_val_if_fail (reference < results->n_scenarios, NULL);
  g_return_val_if_fail (other < results->n_scenarios, NULL);

  guint n = results->n_years;
  LgrComparison *c = g_malloc0 (sizeof *c + 2 * n * sizeof (double));
  c->n_years = n;
  c->net_difference = (double *)(c + 1);
  c->cumulative_difference = c->net_difference + n;

  const LgrScenarioResult *a = &results->scenarios[reference];
  const LgrScenarioResult *b = &results->scenarios[other];
  int last_not_above = -1;
  for (guint t = 0; t < n; t++)
    {
      c->net_difference[t] = b->net[t] - a->net[t];
      c->cumulative_difference[t] = b->cumulative[t] - a->cumulative[t];
      if (!(b->cumulative[t] > a->cumulative[t]))
        last_not_above = (int)t;
    }
  /* The first year from which B stays above A to the end of the horizon. */
  c->crossover_index = last_not_above + 1 < (int)n ? last_not_above + 1 : -1;
  return c;
}

void
lgr_comparison_free (LgrComparison *comparison)
{
  g_free (comparison);
}

/* Sentences */

static char *
last_year_label (const LgrResults *results)
{
  return lgr_format_financial_year (results->first_year + (int)results->n_years - 1);
}

char *
lgr_scenario_result_describe (const LgrScenarioResult *r, const LgrResults *results)
{
  g_autofree char *last = last_year_label (results);
  g_autofree char *total = lgr_format_money (r->total_net);
  g_autofree char *peak = lgr_format_money (r->peak_funding);
  /* a name cut to a line's worth: the sentence is what matters */
  g_autofree char *name = lgr_format_truncate (r->scenario->name, LGR_FORMAT_MAX_NAME_CHARS);

  if (r->nothing_to_pay_back)
    return g_strdup_printf (_ ("%s: nothing to pay back, no lever or item is on."), name);
  if (!r->has_payback)
    /* Translators: "One unitary: no payback by 2034/35; £17.8m must be found first, net −£3.2m
     * by 2034/35." */
    return g_strdup_printf (_ ("%s: no payback by %s; %s must be found first, net %s by %s."), name,
                            last, peak, total, last);

  g_autofree char *year = lgr_format_financial_year (results->first_year + r->payback_index);
  if (r->peak_funding <= 0)
    return g_strdup_printf (_ ("%s: ahead from the first year, net %s by %s."), name, total, last);
  if (r->relapses)
    return g_strdup_printf (
        _ ("%s: payback in %s after %s is found, but the cumulative turns negative again later; "
           "net %s by %s."),
        name, year, peak, total, last);
  return g_strdup_printf (_ ("%s: payback in %s after %s is found, net %s by %s."), name, year,
                          peak, total, last);
}

char *
lgr_results_verdict (const LgrResults *results)
{
  if (results->n_scenarios == 0 || results->n_years == 0)
    return g_strdup (_ ("The study has no scenarios to compare."));

  g_autofree char *last = last_year_label (results);
  guint best = 0, second = G_MAXUINT;
  for (guint i = 1; i < results->n_scenarios; i++)
    if (results->scenarios[i].total_net > results->scenarios[best].total_net)
      best = i;
  for (guint i = 0; i < results->n_scenarios; i++)
    if (i != best
        && (second == G_MAXUINT
            || results->scenarios[i].total_net > results->scenarios[second].total_net))
      second = i;

  const LgrScenarioResult *b = &results->scenarios[best];
  if (second == G_MAXUINT)
    return lgr_scenario_result_describe (b, results);

  const LgrScenarioResult *s = &results->scenarios[second];
  g_autofree char *b_name = lgr_format_truncate (b->scenario->name, LGR_FORMAT_MAX_NAME_CHARS);
  g_autofree char *s_name = lgr_format_truncate (s->scenario->name, LGR_FORMAT_MAX_NAME_CHARS);
  g_autofree char *lead = lgr_format_money (b->total_net - s->total_net);
  if (b->total_net - s->total_net < 0.5)
    return g_strdup_printf (_ ("%s and %s are level by %s."), b_name, s_name, last);
  if (b->nothing_to_pay_back)
    /* Translators: "Do nothing has nothing to pay back and is £3.2m ahead of One unitary by
     * 2034/35." */
    return g_strdup_printf (_ ("%s has nothing to pay back and is %s ahead of %s by %s."), b_name,
                            lead, s_name, last);
  if (!b->has_payback)
    return g_strdup_printf (_ ("No option pays back by %s; %s is %s ahead of %s."), last, b_name,
                            lead, s_name);
  g_autofree char *year = lgr_format_financial_year (results->first_year + b->payback_index);
  /* Translators: "Two unitaries: payback in 2029/30, £247.1m ahead of One unitary by 2034/35." */
  return g_strdup_printf (_ ("%s: payback in %s, %s ahead of %s by %s."), b_name, year, lead,
                          s_name, last);
}
