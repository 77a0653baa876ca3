/* lgr-lever-template.c: lever templates and the benchmark unit-cost lookup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-lever-template.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  const char *name;
  const char *title;   /* N_() */
  const char *service; /* N_(), or NULL */
  const char *stem;
  const char *measure; /* the benchmark measure giving the unit cost, or NULL */
  LgrCohortBasis basis;
  LgrUnitPeriod period;
} LeverTemplate;

static const LeverTemplate lever_templates[LGR_N_LEVER_TEMPLATES] = {
  [LGR_LEVER_TEMPLATE_CHILDREN_LOOKED_AFTER]
  = { "children-looked-after", N_ ("Children looked after"), N_ ("Children's social care"), "lac",
      "lac-weekly", LGR_COHORT_BASIS_CHILD_POPULATION, LGR_UNIT_PERIOD_WEEK },
  [LGR_LEVER_TEMPLATE_ADULTS_LONG_TERM]
  = { "adults-long-term", N_ ("Working-age adults in long-term support"), N_ ("Adult social care"),
      "asc-wa", "asc-working-age-yearly", LGR_COHORT_BASIS_COUNT, LGR_UNIT_PERIOD_YEAR },
  [LGR_LEVER_TEMPLATE_OLDER_PEOPLE_LONG_TERM]
  = { "older-people-long-term", N_ ("Older people in long-term support"), N_ ("Adult social care"),
      "asc-op", "asc-older-people-yearly", LGR_COHORT_BASIS_COUNT, LGR_UNIT_PERIOD_YEAR },
  [LGR_LEVER_TEMPLATE_OTHER] = { "other", N_ ("New lever"), NULL, "lever", NULL,
                                 LGR_COHORT_BASIS_COUNT, LGR_UNIT_PERIOD_YEAR },
};

const char *
lgr_lever_template_to_string (LgrLeverTemplate template_)
{
  g_return_val_if_fail ((guint)template_ < LGR_N_LEVER_TEMPLATES, NULL);
  return lever_templates[template_].name;
}

gboolean
lgr_lever_template_from_string (const char *name, LgrLeverTemplate *template_)
{
  for (guint i = 0; i < LGR_N_LEVER_TEMPLATES; i++)
    if (g_strcmp0 (name, lever_templates[i].name) == 0)
      {
        *template_ = i;
        return TRUE;
      }
  return FALSE;
}

const char *
lgr_lever_template_title (LgrLeverTemplate template_)
{
  g_return_val_if_fail ((guint)template_ < LGR_N_LEVER_TEMPLATES, NULL);
  return _ (lever_templates[template_].title);
}

const char *
lgr_lever_template_measure (LgrLeverTemplate template_)
{
  g_return_val_if_fail ((guint)template_ < LGR_N_LEVER_TEMPLATES, NULL);
  return lever_templates[template_].measure;
}

gboolean
lgr_benchmark_unit_cost (const LgrStudy *study, const LgrAuthority *authority, const char *measure,
                         double *cost)
{
  const LgrBenchmarkBand *band;

  g_return_val_if_fail (study != NULL, FALSE);

  if (authority == NULL || measure == NULL)
    return FALSE;
  band = lgr_study_benchmark_band_for (study, authority->population);
  return band != NULL && lgr_benchmark_band_lookup (band, measure, cost);
}

LgrLever *
lgr_lever_new_from_template (LgrLeverTemplate template_, const LgrStudy *study,
                             const LgrScenario *scenario, const LgrAuthority *authority)
{
  const LeverTemplate *t;
  g_autofree char *stem = NULL;
  g_autofree char *id = NULL;
  LgrLever *lever;
  double cost;

  g_return_val_if_fail ((guint)template_ < LGR_N_LEVER_TEMPLATES, NULL);
  g_return_val_if_fail (study != NULL && scenario != NULL && authority != NULL, NULL);

  t = &lever_templates[template_];
  stem = g_strdup_printf ("%s-%s", authority->id, t->stem);
  id = lgr_scenario_unique_id (scenario, stem);
  lever = lgr_lever_new (id, _ (t->title), authority->id);
  lever->service = t->service ? g_strdup (_ (t->service)) : NULL;
  lever->basis = t->basis;
  lever->unit_period = t->period;
  if (lgr_benchmark_unit_cost (study, authority, t->measure, &cost))
    {
      lever->unit_cost_baseline = cost;
      lever->unit_cost_target = cost;
    }
  return lever;
}
