/* lgr-charts-studies.c: studies for the chart tests, built with the lgr-study.h constructors. */
#include "lgr-charts-studies.h"

#include "lgr-study-io.h"

static LgrLever *
lever (const char *id, const char *name, const char *authority, LgrCohortBasis basis, double cb,
       double ct, LgrUnitPeriod per, double ub, double ut, LgrBenefit benefit)
{
  LgrLever *l = lgr_lever_new (id, name, authority);
  l->basis = basis;
  l->cohort_baseline = cb;
  l->cohort_target = ct;
  l->unit_period = per;
  l->unit_cost_baseline = ub;
  l->unit_cost_target = ut;
  l->benefit = benefit;
  l->has_realisation_start = TRUE;
  l->realisation_start = 2028;
  static const double profile[] = { 25, 50, 75, 100 };
  lgr_profile_set (&l->realisation, profile, 4);
  l->source = g_strdup (
      "Peopletoo, \"Warwickshire LGR Support: ASC and Children Services Analysis to Inform the "
      "Two Unitary Decision\", June 2025.");
  return l;
}

static LgrItem *
spread (const char *id, const char *name, double total)
{
  LgrItem *i = lgr_item_new (id, name, LGR_ITEM_KIND_ONE_OFF_COST);
  i->pattern = LGR_ITEM_PATTERN_SPREAD;
  i->has_start = TRUE;
  i->start = 2026;
  static const double profile[] = { 30, 50, 20 };
  lgr_profile_set (&i->profile, profile, 3);
  i->total = total;
  i->source = g_strdup ("County council cabinet, 6 November 2025.");
  return i;
}

static LgrItem *
recurring (const char *id, const char *name, LgrItemKind kind, double amount)
{
  LgrItem *i = lgr_item_new (id, name, kind);
  i->pattern = LGR_ITEM_PATTERN_RECURRING;
  i->has_start = TRUE;
  i->start = 2028;
  static const double profile[] = { 50, 75, 100 };
  lgr_profile_set (&i->profile, profile, 3);
  i->amount = amount;
  return i;
}

static LgrAuthority *
authority (const char *id, const char *name, double population, double children)
{
  LgrAuthority *a = lgr_authority_new (id, name);
  a->population = population;
  a->child_population = children;
  return a;
}

LgrStudy *
lgr_charts_test_warwickshire (void)
{
  g_autoptr (GError) error = NULL;
  LgrStudy *study = lgr_study_load_bundled (&error);
  g_assert_no_error (error);
  return study;
}

LgrStudy *
lgr_charts_test_study (guint n_scenarios, guint years, LgrChartsStudyMode mode)
{
  LgrStudy *study = lgr_study_new ("Test study", 2025, (int)years, 2028);
  double scale = mode == LGR_CHARTS_STUDY_HUGE ? 1000 : 1;
  double zero = mode == LGR_CHARTS_STUDY_ZERO ? 0 : 1;
  for (guint s = 0; s < n_scenarios; s++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", s);
      g_autofree char *name = g_strdup_printf ("Scenario number %u", s + 1);
      LgrScenario *sc = lgr_scenario_new (id, name);
      g_ptr_array_add (sc->authorities, authority ("a", "Northern Authority", 300000, 65000));
      g_ptr_array_add (sc->authorities, authority ("b", "Southern Authority", 280000, 60000));
      double f = 1 + 0.15 * s;
      /* negative mode: targets above baselines, so every lever saving is negative */
      double lac_t = mode == LGR_CHARTS_STUDY_NEGATIVE ? 80 : 60 - 2.0 * s;
      double cost_t = mode == LGR_CHARTS_STUDY_NEGATIVE ? 2000 * scale : 1600 * scale;
      g_ptr_array_add (sc->levers, lever ("a-lac", "Children looked after", "a",
                                          LGR_COHORT_BASIS_CHILD_POPULATION, 70 * zero,
                                          lac_t * zero, LGR_UNIT_PERIOD_WEEK, 1750 * scale * zero,
                                          cost_t * zero, LGR_BENEFIT_CASHABLE));
      g_ptr_array_add (sc->levers,
                       lever ("b-lac", "Children looked after", "b",
                              LGR_COHORT_BASIS_CHILD_POPULATION, 55 * zero, (lac_t - 5) * zero,
                              LGR_UNIT_PERIOD_WEEK, 1750 * scale * zero, cost_t * zero,
                              LGR_BENEFIT_CASHABLE));
      g_ptr_array_add (sc->levers,
                       lever ("a-asc", "Adults in long-term support", "a", LGR_COHORT_BASIS_COUNT,
                              1900 * zero, 1900 * zero, LGR_UNIT_PERIOD_YEAR, 49000 * scale * zero,
                              (mode == LGR_CHARTS_STUDY_NEGATIVE ? 52000 : 42000) * scale * zero,
                              LGR_BENEFIT_CASHABLE));
      g_ptr_array_add (sc->levers,
                       lever ("b-growth", "Growth in demand", "b", LGR_COHORT_BASIS_COUNT,
                              900 * zero, 900 * zero, LGR_UNIT_PERIOD_YEAR, 34000 * scale * zero,
                              27000 * scale * zero, LGR_BENEFIT_AVOIDANCE));
      g_ptr_array_add (sc->items,
                       spread ("transition", "Transition costs", 30e6 * f * scale * zero));
      g_ptr_array_add (sc->items, recurring ("aggregation", "Aggregation savings",
                                             LGR_ITEM_KIND_SAVING, 8e6 * f * scale * zero));
      g_ptr_array_add (sc->items, recurring ("split", "Disaggregation costs",
                                             LGR_ITEM_KIND_RECURRING_COST, 3e6 * scale * zero));
      LgrItem *ict = lgr_item_new ("ict", "ICT dual running", LGR_ITEM_KIND_RECURRING_COST);
      ict->pattern = LGR_ITEM_PATTERN_VALUES;
      lgr_item_set_value (ict, 2027, 1.2e6 * scale * zero);
      lgr_item_set_value (ict, 2028, 0.8e6 * scale * zero);
      g_ptr_array_add (sc->items, ict);
      g_ptr_array_add (study->scenarios, sc);
    }
  return study;
}
