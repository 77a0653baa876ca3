/* lgr-study.c: constructing, copying and comparing the study model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-study.h"

#include <math.h>
#include <string.h>

/* Profiles */

void
lgr_profile_set (LgrProfile *profile, const double *values, guint n)
{
  double *copy = n ? g_memdup2 (values, n * sizeof (double)) : NULL;
  g_free (profile->values);
  profile->values = copy;
  profile->n = n;
}

void
lgr_profile_copy (LgrProfile *dest, const LgrProfile *src)
{
  dest->values = NULL;
  dest->n = 0;
  lgr_profile_set (dest, src->values, src->n);
}

void
lgr_profile_clear (LgrProfile *profile)
{
  g_clear_pointer (&profile->values, g_free);
  profile->n = 0;
}

gboolean
lgr_profile_equal (const LgrProfile *a, const LgrProfile *b)
{
  return a->n == b->n && (a->n == 0 || memcmp (a->values, b->values, a->n * sizeof (double)) == 0);
}

double
lgr_profile_sum (const LgrProfile *profile)
{
  double sum = 0;
  for (guint i = 0; i < profile->n; i++)
    sum += profile->values[i];
  return sum;
}

/* docs/model.md: p(Y) = 0 before the start; then profile[min(Y - S, len - 1)] / 100. */
double
lgr_profile_realisation (const LgrProfile *profile, int start, int year)
{
  if (year < start || profile->n == 0)
    return 0;
  guint i = MIN ((guint)(year - start), profile->n - 1);
  return profile->values[i] / 100.0;
}

/* docs/model.md: share(Y) = profile[Y - S] / 100 for 0 <= Y - S < len, else 0. */
double
lgr_profile_spread_share (const LgrProfile *profile, int start, int year)
{
  if (year < start || (guint)(year - start) >= profile->n)
    return 0;
  return profile->values[year - start] / 100.0;
}

static void
profile_set_full (LgrProfile *profile)
{
  const double full = 100;
  lgr_profile_set (profile, &full, 1);
}

/* Authorities */

LgrAuthority *
lgr_authority_new (const char *id, const char *name)
{
  LgrAuthority *authority = g_new0 (LgrAuthority, 1);
  authority->id = g_strdup (id);
  authority->name = g_strdup (name);
  return authority;
}

LgrAuthority *
lgr_authority_copy (const LgrAuthority *authority)
{
  LgrAuthority *copy = g_memdup2 (authority, sizeof *authority);
  copy->id = g_strdup (authority->id);
  copy->name = g_strdup (authority->name);
  copy->source = g_strdup (authority->source);
  return copy;
}

void
lgr_authority_free (LgrAuthority *authority)
{
  if (authority == NULL)
    return;
  g_free (authority->id);
  g_free (authority->name);
  g_free (authority->source);
  g_free (authority);
}

/* Levers */

LgrLever *
lgr_lever_new (const char *id, const char *name, const char *authority_id)
{
  LgrLever *lever = g_new0 (LgrLever, 1);
  lever->id = g_strdup (id);
  lever->name = g_strdup (name);
  lever->authority_id = g_strdup (authority_id);
  lever->enabled = TRUE;
  lever->benefit = LGR_BENEFIT_CASHABLE;
  lever->basis = LGR_COHORT_BASIS_COUNT;
  lever->unit_period = LGR_UNIT_PERIOD_YEAR;
  profile_set_full (&lever->realisation);
  return lever;
}

LgrLever *
lgr_lever_copy (const LgrLever *lever)
{
  LgrLever *copy = g_memdup2 (lever, sizeof *lever);
  copy->id = g_strdup (lever->id);
  copy->name = g_strdup (lever->name);
  copy->authority_id = g_strdup (lever->authority_id);
  copy->service = g_strdup (lever->service);
  copy->source = g_strdup (lever->source);
  copy->cohort_driver = g_strdup (lever->cohort_driver);
  copy->unit_cost_driver = g_strdup (lever->unit_cost_driver);
  copy->growth_driver = g_strdup (lever->growth_driver);
  copy->realisation_driver = g_strdup (lever->realisation_driver);
  lgr_profile_copy (&copy->realisation, &lever->realisation);
  return copy;
}

void
lgr_lever_free (LgrLever *lever)
{
  if (lever == NULL)
    return;
  g_free (lever->id);
  g_free (lever->name);
  g_free (lever->authority_id);
  g_free (lever->service);
  g_free (lever->source);
  g_free (lever->cohort_driver);
  g_free (lever->unit_cost_driver);
  g_free (lever->growth_driver);
  g_free (lever->realisation_driver);
  lgr_profile_clear (&lever->realisation);
  g_free (lever);
}

int
lgr_lever_start_year (const LgrLever *lever, const LgrStudy *study)
{
  return lever->has_realisation_start ? lever->realisation_start : study->vesting_year;
}

/* Items */

LgrItem *
lgr_item_new (const char *id, const char *name, LgrItemKind kind)
{
  LgrItem *item = g_new0 (LgrItem, 1);
  item->id = g_strdup (id);
  item->name = g_strdup (name);
  item->kind = kind;
  item->enabled = TRUE;
  item->pattern
      = kind == LGR_ITEM_KIND_ONE_OFF_COST ? LGR_ITEM_PATTERN_SPREAD : LGR_ITEM_PATTERN_RECURRING;
  profile_set_full (&item->profile);
  item->values = g_array_new (FALSE, FALSE, sizeof (LgrYearValue));
  return item;
}

LgrItem *
lgr_item_copy (const LgrItem *item)
{
  LgrItem *copy = g_memdup2 (item, sizeof *item);
  copy->id = g_strdup (item->id);
  copy->name = g_strdup (item->name);
  copy->authority_id = g_strdup (item->authority_id);
  copy->source = g_strdup (item->source);
  copy->driver = g_strdup (item->driver);
  lgr_profile_copy (&copy->profile, &item->profile);
  copy->values = g_array_copy (item->values);
  return copy;
}

void
lgr_item_free (LgrItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->name);
  g_free (item->authority_id);
  g_free (item->source);
  g_free (item->driver);
  lgr_profile_clear (&item->profile);
  g_array_unref (item->values);
  g_free (item);
}

int
lgr_item_start_year (const LgrItem *item, const LgrStudy *study)
{
  return item->has_start ? item->start : study->vesting_year;
}

/* Keeps values sorted by year with one value a year. */
void
lgr_item_set_value (LgrItem *item, int year, double value)
{
  guint i;
  for (i = 0; i < item->values->len; i++)
    {
      LgrYearValue *v = &g_array_index (item->values, LgrYearValue, i);
      if (v->year == year)
        {
          v->value = value;
          return;
        }
      if (v->year > year)
        break;
    }
  LgrYearValue nv = { year, value };
  g_array_insert_val (item->values, i, nv);
}

gboolean
lgr_item_kind_is_cost (LgrItemKind kind)
{
  return kind == LGR_ITEM_KIND_ONE_OFF_COST || kind == LGR_ITEM_KIND_RECURRING_COST;
}

/* Scenarios */

LgrScenario *
lgr_scenario_new (const char *id, const char *name)
{
  LgrScenario *scenario = g_new0 (LgrScenario, 1);
  scenario->id = g_strdup (id);
  scenario->name = g_strdup (name);
  scenario->authorities = g_ptr_array_new_with_free_func ((GDestroyNotify)lgr_authority_free);
  scenario->levers = g_ptr_array_new_with_free_func ((GDestroyNotify)lgr_lever_free);
  scenario->items = g_ptr_array_new_with_free_func ((GDestroyNotify)lgr_item_free);
  scenario->published = g_ptr_array_new_with_free_func ((GDestroyNotify)lgr_published_free);
  return scenario;
}

static GPtrArray *
copy_ptr_array (GPtrArray *array, GCopyFunc copy, GDestroyNotify free_func)
{
  GPtrArray *result = g_ptr_array_new_full (array->len, free_func);
  for (guint i = 0; i < array->len; i++)
    g_ptr_array_add (result, copy (g_ptr_array_index (array, i), NULL));
  return result;
}

static gpointer
copy_published (gconstpointer p, gpointer user_data)
{
  return lgr_published_copy (p);
}

static gpointer
copy_snapshot (gconstpointer p, gpointer user_data)
{
  return lgr_snapshot_copy (p);
}

static gpointer
copy_authority (gconstpointer p, gpointer user_data)
{
  return lgr_authority_copy (p);
}

static gpointer
copy_lever (gconstpointer p, gpointer user_data)
{
  return lgr_lever_copy (p);
}

static gpointer
copy_item (gconstpointer p, gpointer user_data)
{
  return lgr_item_copy (p);
}

static gpointer
copy_scenario (gconstpointer p, gpointer user_data)
{
  return lgr_scenario_copy (p);
}

static gpointer
copy_band (gconstpointer p, gpointer user_data)
{
  return lgr_benchmark_band_copy (p);
}

LgrScenario *
lgr_scenario_copy (const LgrScenario *scenario)
{
  LgrScenario *copy = g_memdup2 (scenario, sizeof *scenario); /* numbers and flags */
  copy->id = g_strdup (scenario->id);
  copy->name = g_strdup (scenario->name);
  copy->colour = g_strdup (scenario->colour);
  copy->description = g_strdup (scenario->description);
  copy->line = scenario->line;
  copy->authorities
      = copy_ptr_array (scenario->authorities, copy_authority, (GDestroyNotify)lgr_authority_free);
  copy->levers = copy_ptr_array (scenario->levers, copy_lever, (GDestroyNotify)lgr_lever_free);
  copy->items = copy_ptr_array (scenario->items, copy_item, (GDestroyNotify)lgr_item_free);
  copy->published
      = copy_ptr_array (scenario->published, copy_published, (GDestroyNotify)lgr_published_free);
  return copy;
}

void
lgr_scenario_free (LgrScenario *scenario)
{
  if (scenario == NULL)
    return;
  g_free (scenario->id);
  g_free (scenario->name);
  g_free (scenario->colour);
  g_free (scenario->description);
  g_ptr_array_unref (scenario->authorities);
  g_ptr_array_unref (scenario->levers);
  g_ptr_array_unref (scenario->items);
  g_ptr_array_unref (scenario->published);
  g_free (scenario);
}

LgrAuthority *
lgr_scenario_find_authority (const LgrScenario *scenario, const char *id)
{
  for (guint i = 0; i < scenario->authorities->len; i++)
    {
      LgrAuthority *a = g_ptr_array_index (scenario->authorities, i);
      if (g_strcmp0 (a->id, id) == 0)
        return a;
    }
  return NULL;
}

LgrLever *
lgr_scenario_find_lever (const LgrScenario *scenario, const char *id)
{
  for (guint i = 0; i < scenario->levers->len; i++)
    {
      LgrLever *l = g_ptr_array_index (scenario->levers, i);
      if (g_strcmp0 (l->id, id) == 0)
        return l;
    }
  return NULL;
}

LgrItem *
lgr_scenario_find_item (const LgrScenario *scenario, const char *id)
{
  for (guint i = 0; i < scenario->items->len; i++)
    {
      LgrItem *item = g_ptr_array_index (scenario->items, i);
      if (g_strcmp0 (item->id, id) == 0)
        return item;
    }
  return NULL;
}

/* Authorities, levers and items share one namespace of ids (docs/format.md). */
gboolean
lgr_scenario_has_id (const LgrScenario *scenario, const char *id)
{
  return lgr_scenario_find_authority (scenario, id) != NULL
         || lgr_scenario_find_lever (scenario, id) != NULL
         || lgr_scenario_find_item (scenario, id) != NULL;
}

static char *
unique_id (const char *stem, gboolean (*taken) (gconstpointer owner, const char *id),
           gconstpointer owner)
{
  if (!taken (owner, stem))
    return g_strdup (stem);
  for (guint n = 2;; n++)
    {
      char *id = g_strdup_printf ("%s-%u", stem, n);
      if (!taken (owner, id))
        return id;
      g_free (id);
    }
}

static gboolean
scenario_id_taken (gconstpointer owner, const char *id)
{
  return lgr_scenario_has_id (owner, id);
}

char *
lgr_scenario_unique_id (const LgrScenario *scenario, const char *stem)
{
  return unique_id (stem, scenario_id_taken, scenario);
}

/* Benchmarks */

LgrBenchmarkBand *
lgr_benchmark_band_new (const char *name, double min_population, double max_population)
{
  LgrBenchmarkBand *band = g_new0 (LgrBenchmarkBand, 1);
  band->name = g_strdup (name);
  band->min_population = min_population;
  band->max_population = max_population;
  band->costs = g_array_new (FALSE, FALSE, sizeof (LgrBenchmarkCost));
  g_array_set_clear_func (band->costs, NULL);
  return band;
}

LgrBenchmarkBand *
lgr_benchmark_band_copy (const LgrBenchmarkBand *band)
{
  LgrBenchmarkBand *copy
      = lgr_benchmark_band_new (band->name, band->min_population, band->max_population);
  copy->line = band->line;
  for (guint i = 0; i < band->costs->len; i++)
    {
      LgrBenchmarkCost c = g_array_index (band->costs, LgrBenchmarkCost, i);
      c.measure = g_strdup (c.measure);
      g_array_append_val (copy->costs, c);
    }
  return copy;
}

void
lgr_benchmark_band_free (LgrBenchmarkBand *band)
{
  if (band == NULL)
    return;
  for (guint i = 0; i < band->costs->len; i++)
    g_free (g_array_index (band->costs, LgrBenchmarkCost, i).measure);
  g_array_unref (band->costs);
  g_free (band->name);
  g_free (band);
}

gboolean
lgr_benchmark_band_lookup (const LgrBenchmarkBand *band, const char *measure, double *value)
{
  for (guint i = 0; i < band->costs->len; i++)
    {
      const LgrBenchmarkCost *c = &g_array_index (band->costs, LgrBenchmarkCost, i);
      if (g_strcmp0 (c->measure, measure) == 0)
        {
          if (value)
            *value = c->value;
          return TRUE;
        }
    }
  return FALSE;
}

double
lgr_scenario_benefit_realisation (const LgrScenario *scenario, const LgrStudy *study)
{
  return scenario->has_benefit_realisation ? scenario->benefit_realisation
                                           : study->benefit_realisation;
}

double
lgr_scenario_cost_contingency (const LgrScenario *scenario, const LgrStudy *study)
{
  return scenario->has_cost_contingency ? scenario->cost_contingency : study->cost_contingency;
}

gboolean
lgr_bounds_given (const LgrBounds *bounds)
{
  return bounds->has_low && bounds->has_high;
}

/* Studies */

/* Published figures */

LgrPublished *
lgr_published_new (LgrPublishedMeasure measure, double value, const char *source)
{
  LgrPublished *published = g_new0 (LgrPublished, 1);
  published->measure = measure;
  published->value = value;
  published->source = g_strdup (source);
  return published;
}

LgrPublished *
lgr_published_copy (const LgrPublished *published)
{
  LgrPublished *copy = g_memdup2 (published, sizeof *published);
  copy->source = g_strdup (published->source);
  return copy;
}

void
lgr_published_free (LgrPublished *published)
{
  if (published == NULL)
    return;
  g_free (published->source);
  g_free (published);
}

/* Snapshots */

LgrSnapshotSet *
lgr_snapshot_set_new (void)
{
  return g_new0 (LgrSnapshotSet, 1);
}

LgrSnapshotSet *
lgr_snapshot_set_copy (const LgrSnapshotSet *set)
{
  LgrSnapshotSet *copy = g_memdup2 (set, sizeof *set);
  copy->scenario = g_strdup (set->scenario);
  copy->lever = g_strdup (set->lever);
  copy->item = g_strdup (set->item);
  copy->text = g_strdup (set->text);
  return copy;
}

void
lgr_snapshot_set_free (LgrSnapshotSet *set)
{
  if (set == NULL)
    return;
  g_free (set->scenario);
  g_free (set->lever);
  g_free (set->item);
  g_free (set->text);
  g_free (set);
}

LgrSnapshot *
lgr_snapshot_new (const char *id, const char *name)
{
  LgrSnapshot *snapshot = g_new0 (LgrSnapshot, 1);
  snapshot->id = g_strdup (id);
  snapshot->name = g_strdup (name);
  snapshot->sets = g_ptr_array_new_with_free_func ((GDestroyNotify)lgr_snapshot_set_free);
  return snapshot;
}

LgrSnapshot *
lgr_snapshot_copy (const LgrSnapshot *snapshot)
{
  LgrSnapshot *copy = lgr_snapshot_new (snapshot->id, snapshot->name);
  copy->note = g_strdup (snapshot->note);
  for (guint i = 0; i < snapshot->sets->len; i++)
    g_ptr_array_add (copy->sets, lgr_snapshot_set_copy (g_ptr_array_index (snapshot->sets, i)));
  return copy;
}

void
lgr_snapshot_free (LgrSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->id);
  g_free (snapshot->name);
  g_free (snapshot->note);
  g_ptr_array_unref (snapshot->sets);
  g_free (snapshot);
}

LgrSnapshot *
lgr_study_find_snapshot (const LgrStudy *study, const char *id)
{
  for (guint i = 0; i < study->snapshots->len; i++)
    {
      LgrSnapshot *snapshot = g_ptr_array_index (study->snapshots, i);
      if (g_strcmp0 (snapshot->id, id) == 0)
        return snapshot;
    }
  return NULL;
}

LgrStudy *
lgr_study_new (const char *title, int first_year, int years, int vesting_year)
{
  LgrStudy *study = g_new0 (LgrStudy, 1);
  study->title = g_strdup (title);
  study->first_year = first_year;
  study->years = years;
  study->vesting_year = vesting_year;
  study->discount_rate = 3.5;
  study->weeks_per_year = 52;
  study->benefit_realisation = 100;
  study->cost_contingency = 0;
  study->count_avoidance = FALSE;
  study->draws = 10000;
  study->seed = 1;
  study->benchmark_bands = g_ptr_array_new_with_free_func ((GDestroyNotify)lgr_benchmark_band_free);
  study->scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify)lgr_scenario_free);
  study->snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify)lgr_snapshot_free);
  return study;
}

LgrStudy *
lgr_study_copy (const LgrStudy *study)
{
  LgrStudy *copy = g_memdup2 (study, sizeof *study);
  copy->title = g_strdup (study->title);
  copy->description = g_strdup (study->description);
  copy->benchmarks_source = g_strdup (study->benchmarks_source);
  copy->benchmark_bands
      = copy_ptr_array (study->benchmark_bands, copy_band, (GDestroyNotify)lgr_benchmark_band_free);
  copy->scenarios
      = copy_ptr_array (study->scenarios, copy_scenario, (GDestroyNotify)lgr_scenario_free);
  copy->snapshots
      = copy_ptr_array (study->snapshots, copy_snapshot, (GDestroyNotify)lgr_snapshot_free);
  return copy;
}

void
lgr_study_free (LgrStudy *study)
{
  if (study == NULL)
    return;
  g_free (study->title);
  g_free (study->description);
  g_free (study->benchmarks_source);
  g_ptr_array_unref (study->benchmark_bands);
  g_ptr_array_unref (study->scenarios);
  g_ptr_array_unref (study->snapshots);
  g_free (study);
}

LgrScenario *
lgr_study_find_scenario (const LgrStudy *study, const char *id)
{
  int i = lgr_study_scenario_index (study, id);
  return i < 0 ? NULL : g_ptr_array_index (study->scenarios, i);
}

int
lgr_study_scenario_index (const LgrStudy *study, const char *id)
{
  for (guint i = 0; i < study->scenarios->len; i++)
    {
      LgrScenario *s = g_ptr_array_index (study->scenarios, i);
      if (g_strcmp0 (s->id, id) == 0)
        return (int)i;
    }
  return -1;
}

static gboolean
study_id_taken (gconstpointer owner, const char *id)
{
  return lgr_study_find_scenario (owner, id) != NULL;
}

char *
lgr_study_unique_scenario_id (const LgrStudy *study, const char *stem)
{
  return unique_id (stem, study_id_taken, study);
}

const LgrBenchmarkBand *
lgr_study_benchmark_band_for (const LgrStudy *study, double population)
{
  for (guint i = 0; i < study->benchmark_bands->len; i++)
    {
      const LgrBenchmarkBand *band = g_ptr_array_index (study->benchmark_bands, i);
      if (population >= band->min_population && population < band->max_population)
        return band;
    }
  return NULL;
}

int
lgr_study_year_index (const LgrStudy *study, int year)
{
  int t = year - study->first_year;
  return t >= 0 && t < study->years ? t : -1;
}

/* Enumerations and their file names */

const char *const lgr_cohort_basis_names[LGR_N_COHORT_BASES + 1] = {
  [LGR_COHORT_BASIS_COUNT] = "count",
  [LGR_COHORT_BASIS_CHILD_POPULATION] = "child-population",
  [LGR_COHORT_BASIS_POPULATION] = "population",
  [LGR_N_COHORT_BASES] = NULL,
};

const char *const lgr_unit_period_names[LGR_N_UNIT_PERIODS + 1] = {
  [LGR_UNIT_PERIOD_WEEK] = "week",
  [LGR_UNIT_PERIOD_YEAR] = "year",
  [LGR_N_UNIT_PERIODS] = NULL,
};

const char *const lgr_benefit_names[LGR_N_BENEFITS + 1] = {
  [LGR_BENEFIT_CASHABLE] = "cashable",
  [LGR_BENEFIT_AVOIDANCE] = "avoidance",
  [LGR_N_BENEFITS] = NULL,
};

const char *const lgr_item_kind_names[LGR_N_ITEM_KINDS + 1] = {
  [LGR_ITEM_KIND_ONE_OFF_COST] = "one-off-cost",
  [LGR_ITEM_KIND_RECURRING_COST] = "recurring-cost",
  [LGR_ITEM_KIND_SAVING] = "saving",
  [LGR_ITEM_KIND_AVOIDANCE] = "avoidance",
  [LGR_N_ITEM_KINDS] = NULL,
};

/* The element that gives an item's amounts: <spread>, <recurring> or <values>. */
const char *const lgr_item_pattern_names[LGR_N_ITEM_PATTERNS + 1] = {
  [LGR_ITEM_PATTERN_SPREAD] = "spread",
  [LGR_ITEM_PATTERN_RECURRING] = "recurring",
  [LGR_ITEM_PATTERN_VALUES] = "values",
  [LGR_N_ITEM_PATTERNS] = NULL,
};

const char *const lgr_snapshot_value_names[LGR_N_SNAPSHOT_VALUES + 1] = {
  [LGR_SNAPSHOT_COHORT_TARGET] = "cohort.target",
  [LGR_SNAPSHOT_COHORT_BASELINE] = "cohort.baseline",
  [LGR_SNAPSHOT_UNIT_COST_TARGET] = "unit-cost.target",
  [LGR_SNAPSHOT_UNIT_COST_BASELINE] = "unit-cost.baseline",
  [LGR_SNAPSHOT_GROWTH_COHORT] = "growth.cohort",
  [LGR_SNAPSHOT_GROWTH_UNIT_COST] = "growth.unit-cost",
  [LGR_SNAPSHOT_REALISATION_START] = "realisation.start",
  [LGR_SNAPSHOT_REALISATION_PROFILE] = "realisation.profile",
  [LGR_SNAPSHOT_SPREAD_TOTAL] = "spread.total",
  [LGR_SNAPSHOT_SPREAD_START] = "spread.start",
  [LGR_SNAPSHOT_SPREAD_PROFILE] = "spread.profile",
  [LGR_SNAPSHOT_RECURRING_AMOUNT] = "recurring.amount",
  [LGR_SNAPSHOT_RECURRING_START] = "recurring.start",
  [LGR_SNAPSHOT_RECURRING_PROFILE] = "recurring.profile",
  [LGR_SNAPSHOT_RECURRING_GROWTH] = "recurring.growth",
  [LGR_SNAPSHOT_ENABLED] = "enabled",
  [LGR_SNAPSHOT_BENEFIT_REALISATION] = "settings.benefit-realisation",
  [LGR_SNAPSHOT_COST_CONTINGENCY] = "settings.cost-contingency",
  [LGR_SNAPSHOT_COUNT_AVOIDANCE] = "settings.count-avoidance",
  [LGR_N_SNAPSHOT_VALUES] = NULL,
};

const char *const lgr_published_measure_names[LGR_N_PUBLISHED_MEASURES + 1] = {
  [LGR_PUBLISHED_PAYBACK_YEARS] = "payback-years", [LGR_PUBLISHED_PEAK_FUNDING] = "peak-funding",
  [LGR_PUBLISHED_TOTAL_NET] = "total-net",         [LGR_PUBLISHED_NPV] = "npv",
  [LGR_PUBLISHED_RUN_RATE] = "run-rate",           [LGR_PUBLISHED_NET] = "net",
  [LGR_PUBLISHED_CUMULATIVE] = "cumulative",       [LGR_N_PUBLISHED_MEASURES] = NULL,
};

static const char *
enum_to_string (const char *const *names, guint n, int value)
{
  g_return_val_if_fail (value >= 0 && (guint)value < n, NULL);
  return names[value];
}

static gboolean
enum_from_string (const char *const *names, guint n, const char *s, int *value)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (names[i], s) == 0)
      {
        *value = (int)i;
        return TRUE;
      }
  return FALSE;
}

#define ENUM_FUNCS(Type, prefix, n)                                                                \
  const char *prefix##_to_string (Type v) { return enum_to_string (prefix##_names, n, (int)v); }   \
  gboolean prefix##_from_string (const char *s, Type *v)                                           \
  {                                                                                                \
    int i;                                                                                         \
    if (!enum_from_string (prefix##_names, n, s, &i))                                              \
      return FALSE;                                                                                \
    *v = (Type)i;                                                                                  \
    return TRUE;                                                                                   \
  }

ENUM_FUNCS (LgrCohortBasis, lgr_cohort_basis, LGR_N_COHORT_BASES)
ENUM_FUNCS (LgrUnitPeriod, lgr_unit_period, LGR_N_UNIT_PERIODS)
ENUM_FUNCS (LgrBenefit, lgr_benefit, LGR_N_BENEFITS)
ENUM_FUNCS (LgrItemKind, lgr_item_kind, LGR_N_ITEM_KINDS)
ENUM_FUNCS (LgrItemPattern, lgr_item_pattern, LGR_N_ITEM_PATTERNS)
