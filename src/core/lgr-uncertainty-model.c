/* lgr-uncertainty-model.c: docs/model.md over preallocated arrays (see
 * lgr-uncertainty-private.h), for the thousands of evaluations of a Monte Carlo.
 *
 * The arithmetic is that of lgr-results.c, operation for operation, so that a draw at the
 * central values gives the central figures to the last bit (tests/test-uncertainty.c checks
 * it). What does not change between draws - baseline people, realisation at the central start,
 * spread shares, growth factors of recurring items, discount factors - is computed once here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-uncertainty-private.h"

#include <math.h>
#include <string.h>

#include "lgr-conversions.h"
#include "lgr-results.h"

void
lgr_model_build (LgrUncertaintyModel *m, const LgrStudy *study)
{
  guint n = (guint)MAX (study->years, 0);
  guint n_levers = 0, n_items = 0, slot = 0;
  double *next;

  m->study = study;
  m->n_years = n;
  m->first_year = study->first_year;
  m->count_avoidance = study->count_avoidance;
  m->n_scenarios = study->scenarios->len;
  for (guint s = 0; s < study->scenarios->len; s++)
    {
      const LgrScenario *scenario = g_ptr_array_index (study->scenarios, s);
      n_levers += scenario->levers->len;
      n_items += scenario->items->len;
    }
  m->scenarios = g_new0 (LgrModelScenario, m->n_scenarios);
  m->levers = g_new0 (LgrModelLever, n_levers);
  m->items = g_new0 (LgrModelItem, n_items);
  m->n_slots = 2 * m->n_scenarios + LGR_LEVER_SLOTS * n_levers + n_items;
  m->central = g_new0 (double, MAX (m->n_slots, 1));
  m->series = g_new0 (double, (gsize)n *(1 + n_levers + 2 * n_items) + 1);
  next = m->series;
  m->discount = next;
  next += n;
  for (guint t = 0; t < n; t++)
    m->discount[t] = pow (1.0 + study->discount_rate / 100.0, (double)t);

  n_levers = n_items = 0;
  for (guint s = 0; s < m->n_scenarios; s++)
    {
      const LgrScenario *scenario = g_ptr_array_index (study->scenarios, s);
      LgrModelScenario *ms = &m->scenarios[s];

      ms->slot_realisation = slot++;
      ms->slot_contingency = slot++;
      m->central[ms->slot_realisation] = lgr_scenario_benefit_realisation (scenario, study);
      m->central[ms->slot_contingency] = lgr_scenario_cost_contingency (scenario, study);

      ms->first_lever = n_levers;
      ms->n_levers = scenario->levers->len;
      for (guint i = 0; i < ms->n_levers; i++)
        {
          const LgrLever *lever = g_ptr_array_index (scenario->levers, i);
          LgrModelLever *ml = &m->levers[n_levers++];
          double *c = &m->central[slot];

          ml->slot = slot;
          slot += LGR_LEVER_SLOTS;
          ml->authority = lgr_scenario_find_authority (scenario, lever->authority_id);
          ml->enabled = lever->enabled && ml->authority != NULL;
          ml->cashable = lever->benefit == LGR_BENEFIT_CASHABLE;
          ml->basis = lever->basis;
          ml->profile = &lever->realisation;
          ml->cb0 = lgr_cohort_people (lever->basis, lever->cohort_baseline, ml->authority);
          ml->m = lgr_unit_period_per_year (lever->unit_period, study->weeks_per_year);
          ml->ub = lever->unit_cost_baseline;
          ml->central_start = lgr_lever_start_year (lever, study);
          ml->p = next;
          next += n;
          for (guint t = 0; t < n; t++)
            ml->p[t] = lgr_profile_realisation (ml->profile, ml->central_start,
                                                study->first_year + (int)t);
          c[LGR_SLOT_COHORT_TARGET] = lever->cohort_target;
          c[LGR_SLOT_UNIT_COST_TARGET] = lever->unit_cost_target;
          c[LGR_SLOT_GROWTH_COHORT] = lever->growth_cohort;
          c[LGR_SLOT_GROWTH_UNIT_COST] = lever->growth_unit_cost;
          c[LGR_SLOT_START] = ml->central_start;
        }

      ms->first_item = n_items;
      ms->n_items = scenario->items->len;
      for (guint i = 0; i < ms->n_items; i++)
        {
          const LgrItem *item = g_ptr_array_index (scenario->items, i);
          LgrModelItem *mi = &m->items[n_items++];
          int start = lgr_item_start_year (item, study);

          mi->slot = slot++;
          mi->enabled = item->enabled;
          mi->kind = item->kind;
          mi->pattern = item->pattern;
          mi->a = next;
          mi->b = next + n;
          next += 2 * n;
          switch (item->pattern)
            {
            case LGR_ITEM_PATTERN_SPREAD:
              m->central[mi->slot] = item->total;
              for (guint t = 0; t < n; t++)
                mi->a[t]
                    = lgr_profile_spread_share (&item->profile, start, study->first_year + (int)t);
              break;
            case LGR_ITEM_PATTERN_RECURRING:
              m->central[mi->slot] = item->amount;
              for (guint t = 0; t < n; t++)
                {
                  int year = study->first_year + (int)t;
                  if (year < start)
                    continue;
                  mi->a[t] = lgr_profile_realisation (&item->profile, start, year);
                  mi->b[t] = pow (1.0 + item->growth / 100.0, (double)(year - start));
                }
              break;
            case LGR_ITEM_PATTERN_VALUES:
            default:
              for (guint v = 0; v < item->values->len; v++)
                {
                  const LgrYearValue *yv = &g_array_index (item->values, LgrYearValue, v);
                  int t = lgr_study_year_index (study, yv->year);
                  if (t >= 0)
                    mi->a[t] = yv->value;
                }
              break;
            }
        }
    }
  g_assert (slot == m->n_slots);
}

void
lgr_model_clear (LgrUncertaintyModel *m)
{
  g_free (m->scenarios);
  g_free (m->levers);
  g_free (m->items);
  g_free (m->central);
  g_free (m->series);
}

LgrScratch *
lgr_scratch_new (const LgrUncertaintyModel *m)
{
  gsize n = m->n_years;
  LgrScratch *w = g_new0 (LgrScratch, 1);
  w->x = g_new0 (double, MAX (m->n_slots, 1));
  w->sums = g_new0 (double, 4 * n + 1);
  w->p = g_new0 (double, n + 1);
  w->cumulative = g_new0 (double, n * m->n_scenarios + 1);
  w->outcomes = g_new0 (LgrOutcome, MAX (m->n_scenarios, 1));
  for (guint s = 0; s < m->n_scenarios; s++)
    w->outcomes[s].cumulative = w->cumulative + s * n;
  if (m->n_slots > 0) /* (a study with nothing uncertain has no slots) */
    memcpy (w->x, m->central, m->n_slots * sizeof (double));
  return w;
}

void
lgr_scratch_free (LgrScratch *w)
{
  if (w == NULL)
    return;
  g_free (w->x);
  g_free (w->sums);
  g_free (w->p);
  g_free (w->cumulative);
  g_free (w->outcomes);
  g_free (w);
}

/* lgr-results.c, compute_lever(): the saving added to its benefit's series */
static void
add_lever (const LgrUncertaintyModel *m, const LgrModelLever *l, const double *x, double *target,
           double *scratch_p)
{
  const double *v = x + l->slot;
  double ct0 = lgr_cohort_people (l->basis, v[LGR_SLOT_COHORT_TARGET], l->authority);
  double ub = l->ub, ut = v[LGR_SLOT_UNIT_COST_TARGET], m_ = l->m, cb0 = l->cb0;
  double gc_factor = 1.0 + v[LGR_SLOT_GROWTH_COHORT] / 100.0;
  double gu_factor = 1.0 + v[LGR_SLOT_GROWTH_UNIT_COST] / 100.0;
  int start = (int)v[LGR_SLOT_START];
  const double *p = l->p;
  double gc = 1.0, gu = 1.0;

  if (start != l->central_start)
    {
      for (guint t = 0; t < m->n_years; t++)
        scratch_p[t] = lgr_profile_realisation (l->profile, start, m->first_year + (int)t);
      p = scratch_p;
    }
  if (gc_factor == 1.0 && gu_factor == 1.0)
    {
      /* no growth: the same figures without multiplying by 1 (exact) */
      for (guint t = 0; t < m->n_years; t++)
        {
          double cs = cb0 + p[t] * (ct0 - cb0);
          double ust = ub + p[t] * (ut - ub);
          double baseline_spend = cb0 * ub * m_;
          double scenario_spend = cs * ust * m_;
          target[t] += baseline_spend - scenario_spend;
        }
      return;
    }
  for (guint t = 0; t < m->n_years; t++, gc *= gc_factor, gu *= gu_factor)
    {
      double cb = cb0 * gc;
      double cs = cb + p[t] * (ct0 * gc - cb);
      double ubt = ub * gu;
      double ust = ubt + p[t] * (ut - ub) * gu;
      double baseline_spend = cb * ubt * m_;
      double scenario_spend = cs * ust * m_;
      target[t] += baseline_spend - scenario_spend;
    }
}

/* lgr-results.c, compute_summary() */
static void
summarise (const LgrUncertaintyModel *m, const double *net, LgrOutcome *o)
{
  guint n = m->n_years;
  const double *cumulative = o->cumulative;
  double lowest = 0;
  gboolean seen_negative = FALSE;

  o->has_payback = FALSE;
  o->payback_index = -1;
  o->payback_years = 0;
  o->npv = 0;
  o->total_net = n ? cumulative[n - 1] : 0;
  for (guint t = 0; t < n; t++)
    {
      o->npv += net[t] / m->discount[t];
      if (lgr_money_is_negative (cumulative[t]) && cumulative[t] < lowest)
        lowest = cumulative[t];
      if (lgr_money_is_negative (cumulative[t]))
        seen_negative = TRUE;
      else if (seen_negative && !o->has_payback)
        {
          o->has_payback = TRUE;
          o->payback_index = (int)t;
          o->payback_years = t + lgr_payback_fraction (cumulative[t - 1], net[t]);
        }
    }
  if (!seen_negative && n > 0)
    {
      o->has_payback = TRUE;
      o->payback_index = 0;
      o->payback_years = 0;
    }
  o->peak_funding = lowest < 0 ? -lowest : 0; /* never -0 */
}

void
lgr_model_evaluate (const LgrUncertaintyModel *m, LgrScratch *w)
{
  guint n = m->n_years;
  const double *x = w->x;
  double *cash = w->sums, *avoid = cash + n, *one_off = avoid + n, *recurring = one_off + n;
  double *net = recurring; /* reused once the recurring costs are taken off */

  for (guint s = 0; s < m->n_scenarios; s++)
    {
      const LgrModelScenario *ms = &m->scenarios[s];
      LgrOutcome *o = &w->outcomes[s];
      double R = x[ms->slot_realisation] / 100.0;
      double K = 1.0 + x[ms->slot_contingency] / 100.0;
      double cumulative = 0;

      memset (cash, 0, 4 * n * sizeof (double));
      for (guint i = 0; i < ms->n_levers; i++)
        {
          const LgrModelLever *l = &m->levers[ms->first_lever + i];
          if (l->enabled)
            add_lever (m, l, x, l->cashable ? cash : avoid, w->p);
        }
      for (guint i = 0; i < ms->n_items; i++)
        {
          const LgrModelItem *it = &m->items[ms->first_item + i];
          double *target;
          double v = x[it->slot];

          if (!it->enabled)
            continue;
          switch (it->kind)
            {
            case LGR_ITEM_KIND_ONE_OFF_COST:
              target = one_off;
              break;
            case LGR_ITEM_KIND_RECURRING_COST:
              target = recurring;
              break;
            case LGR_ITEM_KIND_SAVING:
              target = cash;
              break;
            case LGR_ITEM_KIND_AVOIDANCE:
            default:
              target = avoid;
              break;
            }
          if (it->pattern == LGR_ITEM_PATTERN_SPREAD)
            for (guint t = 0; t < n; t++)
              target[t] += v * it->a[t];
          else if (it->pattern == LGR_ITEM_PATTERN_RECURRING)
            for (guint t = 0; t < n; t++)
              target[t] += v * it->a[t] * it->b[t];
          else
            for (guint t = 0; t < n; t++)
              target[t] += it->a[t];
        }
      for (guint t = 0; t < n; t++)
        {
          double c = cash[t] * R;
          double a = avoid[t] * R;
          double net_t = c - one_off[t] * K - recurring[t] * K;
          if (m->count_avoidance)
            net_t += a;
          net[t] = net_t;
          cumulative += net_t;
          o->cumulative[t] = cumulative;
        }
      summarise (m, net, o);
    }
}
