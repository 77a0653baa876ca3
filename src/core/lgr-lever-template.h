/* lgr-lever-template.h: what a new lever starts from, and the study's benchmark unit costs.
 *
 * A template gives a new lever its name, service, how its cohort is counted and its cost
 * period; its unit cost comes from the study's benchmarks where the authority's population band
 * has one. Pure functions on the study model, tested in the core suite (tests/test-levers.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lgr-study.h"

G_BEGIN_DECLS

typedef enum
{
  LGR_LEVER_TEMPLATE_CHILDREN_LOOKED_AFTER,  /* per 10,000 children, £ a week */
  LGR_LEVER_TEMPLATE_ADULTS_LONG_TERM,       /* working-age adults: people, £ a year */
  LGR_LEVER_TEMPLATE_OLDER_PEOPLE_LONG_TERM, /* people, £ a year */
  LGR_LEVER_TEMPLATE_OTHER,                  /* people, £ a year, no service */
  LGR_N_LEVER_TEMPLATES
} LgrLeverTemplate;

const char *lgr_lever_template_to_string (LgrLeverTemplate template_); /* "children-looked-after" */
gboolean lgr_lever_template_from_string (const char *name, LgrLeverTemplate *template_);
const char *lgr_lever_template_title (LgrLeverTemplate template_); /* translated */
/* The benchmark measure that gives its unit cost ("lac-weekly"), or NULL. */
const char *lgr_lever_template_measure (LgrLeverTemplate template_);

/* The study's benchmark unit cost of measure for authority: from the band its population falls
 * in. FALSE (cost untouched) if there is no such band, or the band has no such measure. */
gboolean lgr_benchmark_unit_cost (const LgrStudy *study, const LgrAuthority *authority,
                                  const char *measure, double *cost);

/* A new lever of template_ for authority (one of scenario's): an id not yet used in scenario
 * ("north-lac"), the template's translated name and service, its basis and period, and the
 * benchmark unit cost as baseline and target where study has one. Not added to scenario. */
LgrLever *lgr_lever_new_from_template (LgrLeverTemplate template_, const LgrStudy *study,
                                       const LgrScenario *scenario, const LgrAuthority *authority);

G_END_DECLS
