/* lgr-conversions.h: one value written another way, with what it means kept.
 *
 * A cohort is a number of people or a rate per 10,000 of an authority's children or residents;
 * a unit cost is a cost a week or a year; an item's money is a spread of a total or values per
 * year. These functions turn one form into another without changing the results, and give the
 * one way the model turns a cohort into people. Pure functions on the study model: no GTK, no
 * I/O, tested in the core suite (tests/test-levers.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lgr-study.h"

G_BEGIN_DECLS

/* The population a rate of basis is counted per 10,000 of: the authority's children (0-17) for
 * LGR_COHORT_BASIS_CHILD_POPULATION, its residents for LGR_COHORT_BASIS_POPULATION. 0 for a
 * count, or when authority is NULL. */
double lgr_cohort_basis_population (LgrCohortBasis basis, const LgrAuthority *authority);

/* The number of people a cohort value of basis stands for: the value itself for a count, else
 * value x population / 10,000 (0 when authority is NULL). */
double lgr_cohort_people (LgrCohortBasis basis, double value, const LgrAuthority *authority);

/* The cohort value of basis that stands for people: people for a count, else
 * people x 10,000 / population. FALSE, with error naming the authority, when basis is a rate
 * and the authority (NULL: authority_id) has no such population. */
gboolean lgr_cohort_from_people (LgrCohortBasis basis, double people, const LgrAuthority *authority,
                                 const char *authority_id, double *value, GError **error);

/* Changes how lever's cohort is counted, keeping the number of people its baseline and target
 * stand for (a rate becomes a count through authority's population, and back). authority is
 * the lever's (NULL if it has none). On error the lever is unchanged. */
gboolean lgr_lever_convert_basis (LgrLever *lever, LgrCohortBasis basis,
                                  const LgrAuthority *authority, GError **error);

/* How many of period there are in a year: weeks_per_year for a week, 1 for a year. A unit
 * cost of period times this is the cost a year. */
double lgr_unit_period_per_year (LgrUnitPeriod period, double weeks_per_year);

/* Changes lever's unit cost period, keeping the cost a year (through weeks_per_year). */
void lgr_lever_convert_period (LgrLever *lever, LgrUnitPeriod period, double weeks_per_year);

/* Changes item's kind. A spread is only for one-off costs: a spread item given another kind
 * becomes values per year with the same money in the same years (start from study). */
void lgr_item_convert_kind (LgrItem *item, LgrItemKind kind, const LgrStudy *study);

G_END_DECLS
