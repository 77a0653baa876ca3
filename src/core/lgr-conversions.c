/* lgr-conversions.c: cohort people, and basis, period and item-kind conversions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-conversions.h"

#include <glib/gi18n-lib.h>

#include "lgr-rules.h"

double
lgr_cohort_basis_population (LgrCohortBasis basis, const LgrAuthority *authority)
{
  if (authority == NULL)
    return 0;
  switch (basis)
    {
    case LGR_COHORT_BASIS_CHILD_POPULATION:
      return authority->child_population;
    case LGR_COHORT_BASIS_POPULATION:
      return authority->population;
    case LGR_COHORT_BASIS_COUNT:
    case LGR_N_COHORT_BASES:
    default:
      return 0;
    }
}

double
lgr_cohort_people (LgrCohortBasis basis, double value, const LgrAuthority *authority)
{
  if (basis == LGR_COHORT_BASIS_COUNT)
    return value;
  return value * lgr_cohort_basis_population (basis, authority) / 10000.0;
}

gboolean
lgr_cohort_from_people (LgrCohortBasis basis, double people, const LgrAuthority *authority,
                        const char *authority_id, double *value, GError **error)
{
  double population;

  if (basis == LGR_COHORT_BASIS_COUNT)
    {
      *value = people;
      return TRUE;
    }
  population = lgr_cohort_basis_population (basis, authority);
  if (population <= 0)
    {
      const char *name = authority ? authority->name : authority_id;
      if (basis == LGR_COHORT_BASIS_CHILD_POPULATION)
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                     _ ("a rate per 10,000 children needs the number of children in “%s”: "
                        "enter it under Authorities first"),
                     name);
      else
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                     _ ("a rate per 10,000 residents needs the population of “%s”: enter it "
                        "under Authorities first"),
                     name);
      return FALSE;
    }
  *value = people * 10000.0 / population;
  return TRUE;
}

gboolean
lgr_lever_convert_basis (LgrLever *lever, LgrCohortBasis basis, const LgrAuthority *authority,
                         GError **error)
{
  double baseline, target;
  LgrBounds range = lever->cohort_target_range; /* converted with the target */

  g_return_val_if_fail (lever != NULL, FALSE);
  g_return_val_if_fail ((guint)basis < LGR_N_COHORT_BASES, FALSE);

  if (lever->basis == basis)
    return TRUE;
  if (!lgr_cohort_from_people (basis,
                               lgr_cohort_people (lever->basis, lever->cohort_baseline, authority),
                               authority, lever->authority_id, &baseline, error)
      || !lgr_cohort_from_people (basis,
                                  lgr_cohort_people (lever->basis, lever->cohort_target, authority),
                                  authority, lever->authority_id, &target, error)
      || (range.has_low
          && !lgr_cohort_from_people (basis, lgr_cohort_people (lever->basis, range.low, authority),
                                      authority, lever->authority_id, &range.low, error))
      || (range.has_high
          && !lgr_cohort_from_people (basis,
                                      lgr_cohort_people (lever->basis, range.high, authority),
                                      authority, lever->authority_id, &range.high, error)))
    return FALSE;
  lever->basis = basis;
  lever->cohort_baseline = baseline;
  lever->cohort_target = target;
  lever->cohort_target_range = range;
  /* It no longer measures what its driver links (docs/format.md, Drivers): it leaves it. */
  g_clear_pointer (&lever->cohort_driver, g_free);
  return TRUE;
}

double
lgr_unit_period_per_year (LgrUnitPeriod period, double weeks_per_year)
{
  return period == LGR_UNIT_PERIOD_WEEK ? weeks_per_year : 1.0;
}

void
lgr_lever_convert_period (LgrLever *lever, LgrUnitPeriod period, double weeks_per_year)
{
  double factor;

  g_return_if_fail (lever != NULL);
  g_return_if_fail ((guint)period < LGR_N_UNIT_PERIODS);

  if (lever->unit_period == period)
    return;
  /* A cost a week times weeks a year is a cost a year, and back. */
  factor = lgr_unit_period_per_year (lever->unit_period, weeks_per_year)
           / lgr_unit_period_per_year (period, weeks_per_year);
  lever->unit_period = period;
  lever->unit_cost_baseline *= factor;
  lever->unit_cost_target *= factor;
  lever->unit_cost_target_range.low *= factor; /* its range with it */
  lever->unit_cost_target_range.high *= factor;
  g_clear_pointer (&lever->unit_cost_driver, g_free); /* as for the basis */
}

void
lgr_item_convert_kind (LgrItem *item, LgrItemKind kind, const LgrStudy *study)
{
  g_return_if_fail (item != NULL);
  g_return_if_fail ((guint)kind < LGR_N_ITEM_KINDS);

  if (item->kind == kind)
    return;
  if (item->pattern == LGR_ITEM_PATTERN_SPREAD && kind != LGR_ITEM_KIND_ONE_OFF_COST)
    {
      /* The same money in the same years, as values per year. */
      int start = lgr_item_start_year (item, study);
      g_array_set_size (item->values, 0);
      for (guint i = 0; i < item->profile.n; i++)
        {
          double value = item->total * lgr_profile_spread_share (&item->profile, start, start + i);
          if (value != 0)
            lgr_item_set_value (item, start + i, value);
        }
      item->pattern = LGR_ITEM_PATTERN_VALUES;
    }
  item->kind = kind;
}
