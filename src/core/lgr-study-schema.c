/* lgr-study-schema.c: the study file format as a table (see lgr-study-schema.h).
 *
 * Each element's attributes are rows: the loader reads and checks them in the order of the
 * rows (so the first problem in a tag is the one reported), the writer writes them in that
 * order. The handlers below say what rows cannot: making objects, ids used twice, a lever's
 * authority, a spread only on a one-off cost and summing to 100, years given once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-study-schema.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lgr-study-loader-state.h"
#include "lgr-study-schema-sources.h"
#include "lgr-uncertainty-rules.h"

/* Element handlers */

static gpointer
begin_study (LgrLoader *l, LgrLoaderAttrs *a)
{
  const LgrReaderAttribute *version = lgr_loader_attr_find (a, "version");
  GError *detail = NULL;
  int v;

  if (version == NULL)
    {
      lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, a->frame->line, NULL,
                       _ ("<lgr-study> has no version (it should say version=\"1\")"));
      return NULL;
    }
  if (!lgr_parse_int_for (version->value, _ ("version"), &v, &detail))
    {
      lgr_loader_attr_fail_with (a, "version", detail);
      return NULL;
    }
  if (v < 1 || v > LGR_FORMAT_VERSION)
    {
      lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, lgr_loader_attr_line (a, "version"), NULL,
                       _ ("version %d is not a study file version (it should be %d)"), v,
                       LGR_FORMAT_VERSION);
      return NULL;
    }
  l->study = lgr_study_new (NULL, 0, 0, 0);
  l->objects[LGR_OBJECT_STUDY] = l->study;
  return l->study;
}

static gpointer
begin_benchmarks (LgrLoader *l, LgrLoaderAttrs *a)
{
  g_free (l->study->benchmarks_source);
  l->study->benchmarks_source = g_strdup ("");
  return l->study;
}

static gpointer
begin_band (LgrLoader *l, LgrLoaderAttrs *a)
{
  LgrBenchmarkBand *band = lgr_benchmark_band_new (NULL, 0, 0);
  band->line = a->frame->line;
  g_ptr_array_add (l->study->benchmark_bands, band);
  g_hash_table_remove_all (l->measures);
  l->objects[LGR_OBJECT_BAND] = band;
  return band;
}

static gpointer
begin_cost (LgrLoader *l, LgrLoaderAttrs *a)
{
  g_clear_pointer (&l->cost.measure, g_free);
  l->cost.value = 0;
  return &l->cost;
}

static gboolean
measure_once (LgrLoader *l, LgrLoaderAttrs *a, const LgrSchemaAttribute *attribute, gpointer object)
{
  const char *measure = G_STRUCT_MEMBER (char *, object, attribute->offset);
  gpointer first;

  if (!g_hash_table_lookup_extended (l->measures, measure, NULL, &first))
    return TRUE;
  lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, lgr_loader_attr_line (a, attribute->name),
                   a->frame->owner, _ ("the measure “%s” is given twice (first at line %d)"),
                   measure, GPOINTER_TO_INT (first));
  return FALSE;
}

static void
cost_done (LgrLoader *l, LgrLoaderAttrs *a, gpointer object)
{
  LgrBenchmarkBand *band = l->objects[LGR_OBJECT_BAND];
  g_array_append_val (band->costs, l->cost);
  g_hash_table_insert (l->measures, l->cost.measure, GINT_TO_POINTER (a->frame->line));
  l->cost.measure = NULL; /* now the band's */
}

static gpointer
begin_scenario (LgrLoader *l, LgrLoaderAttrs *a)
{
  LgrScenario *scenario = lgr_scenario_new (NULL, NULL);
  scenario->line = a->frame->line;
  g_ptr_array_add (l->study->scenarios, scenario);
  g_hash_table_remove_all (l->object_ids);
  g_hash_table_remove_all (l->authority_ids);
  l->objects[LGR_OBJECT_SCENARIO] = scenario;
  return scenario;
}

static gboolean
scenario_id_once (LgrLoader *l, LgrLoaderAttrs *a, const LgrSchemaAttribute *attribute,
                  gpointer object)
{
  char *id = G_STRUCT_MEMBER (char *, object, attribute->offset);
  gpointer first;

  if (g_hash_table_lookup_extended (l->scenario_ids, id, NULL, &first))
    {
      lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, lgr_loader_attr_line (a, attribute->name), NULL,
                       _ ("the scenario id “%s” is used twice (first at line %d)"), id,
                       GPOINTER_TO_INT (first));
      return FALSE;
    }
  g_hash_table_insert (l->scenario_ids, id, GINT_TO_POINTER (a->frame->line));
  return TRUE;
}

/* Authorities, levers and items share one namespace of ids in their scenario. */
static gboolean
id_once_in_scenario (LgrLoader *l, LgrLoaderAttrs *a, const LgrSchemaAttribute *attribute,
                     gpointer object)
{
  const LgrScenario *scenario = l->objects[LGR_OBJECT_SCENARIO];
  char *id = G_STRUCT_MEMBER (char *, object, attribute->offset);
  gpointer first;

  if (g_hash_table_lookup_extended (l->object_ids, id, NULL, &first))
    {
      lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, lgr_loader_attr_line (a, attribute->name), NULL,
                       /* Translators: "the id “north” is used twice in scenario “two” (first
                          at line 12)" */
                       _ ("the id “%s” is used twice in scenario “%s” (first at line %d)"), id,
                       scenario->id, GPOINTER_TO_INT (first));
      return FALSE;
    }
  g_hash_table_insert (l->object_ids, id, GINT_TO_POINTER (a->frame->line));
  return TRUE;
}

static gpointer
begin_authority (LgrLoader *l, LgrLoaderAttrs *a)
{
  LgrScenario *scenario = l->objects[LGR_OBJECT_SCENARIO];
  LgrAuthority *authority = lgr_authority_new (NULL, NULL);
  authority->line = a->frame->line;
  g_ptr_array_add (scenario->authorities, authority);
  l->objects[LGR_OBJECT_AUTHORITY] = authority;
  return authority;
}

static gpointer
begin_lever (LgrLoader *l, LgrLoaderAttrs *a)
{
  LgrScenario *scenario = l->objects[LGR_OBJECT_SCENARIO];
  LgrLever *lever = lgr_lever_new (NULL, NULL, NULL);
  lever->line = a->frame->line;
  g_ptr_array_add (scenario->levers, lever);
  l->objects[LGR_OBJECT_LEVER] = lever;
  return lever;
}

static gboolean
authority_exists (LgrLoader *l, LgrLoaderAttrs *a, const LgrSchemaAttribute *attribute,
                  gpointer object)
{
  const LgrScenario *scenario = l->objects[LGR_OBJECT_SCENARIO];
  const char *id = G_STRUCT_MEMBER (char *, object, attribute->offset);

  /* A set, not a search per lever: with tens of thousands of both, searching took a minute.
   * Authorities come before levers, so the set is made once per scenario. */
  if (g_hash_table_size (l->authority_ids) != scenario->authorities->len)
    {
      g_hash_table_remove_all (l->authority_ids);
      for (guint i = 0; i < scenario->authorities->len; i++)
        g_hash_table_add (l->authority_ids,
                          ((LgrAuthority *)g_ptr_array_index (scenario->authorities, i))->id);
    }
  if (g_hash_table_contains (l->authority_ids, id))
    return TRUE;
  lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, lgr_loader_attr_line (a, attribute->name),
                   a->frame->owner, _ ("there is no authority “%s” in scenario “%s”"), id,
                   scenario->id);
  return FALSE;
}

static gpointer
begin_item (LgrLoader *l, LgrLoaderAttrs *a)
{
  LgrScenario *scenario = l->objects[LGR_OBJECT_SCENARIO];
  LgrItem *item = lgr_item_new (NULL, NULL, LGR_ITEM_KIND_ONE_OFF_COST);
  item->line = a->frame->line;
  g_ptr_array_add (scenario->items, item);
  l->objects[LGR_OBJECT_ITEM] = item;
  return item;
}

static void
end_item (LgrLoader *l, LgrLoaderFrame *frame, gpointer object, const char *text)
{
  const guint32 patterns
      = (1u << LGR_ELEMENT_SPREAD) | (1u << LGR_ELEMENT_RECURRING) | (1u << LGR_ELEMENT_VALUES);
  if (!(frame->seen & patterns))
    lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, frame->line, frame->owner,
                     _ ("the item needs one of <spread>, <recurring> or <values>"));
}

/* Ranges and drivers (lgr-uncertainty-rules.c), once every attribute of the element is in. */
static void
ranges_done (LgrLoader *l, LgrLoaderAttrs *a, gpointer object)
{
  const char *attribute = NULL;
  GError *detail = NULL;
  if (!lgr_uncertainty_check_element (a->frame->el, object, &attribute, &detail))
    lgr_loader_fail_with (l, lgr_loader_attr_line (a, attribute), a->frame->owner, detail);
}

static gpointer
begin_spread (LgrLoader *l, LgrLoaderAttrs *a)
{
  LgrItem *item = l->objects[LGR_OBJECT_ITEM];

  if (item->kind != LGR_ITEM_KIND_ONE_OFF_COST)
    {
      lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, a->frame->line, a->frame->owner,
                       _ ("a spread is only for one-off costs, and this item is a %s (give it "
                          "<recurring> or <values> instead)"),
                       lgr_item_kind_names[item->kind]);
      return NULL;
    }
  item->pattern = LGR_ITEM_PATTERN_SPREAD;
  return item;
}

static void
spread_done (LgrLoader *l, LgrLoaderAttrs *a, gpointer object)
{
  LgrItem *item = object;
  GError *detail = NULL;
  if (!lgr_check_spread (&item->profile, &detail))
    lgr_loader_attr_fail_with (a, "profile", detail);
  else
    ranges_done (l, a, object);
}

static gpointer
begin_recurring (LgrLoader *l, LgrLoaderAttrs *a)
{
  LgrItem *item = l->objects[LGR_OBJECT_ITEM];
  item->pattern = LGR_ITEM_PATTERN_RECURRING;
  return item;
}

static gpointer
begin_values (LgrLoader *l, LgrLoaderAttrs *a)
{
  LgrItem *item = l->objects[LGR_OBJECT_ITEM];
  item->pattern = LGR_ITEM_PATTERN_VALUES;
  g_hash_table_remove_all (l->years);
  return item;
}

static int
compare_year_values (gconstpointer a, gconstpointer b)
{
  const LgrYearValue *va = a, *vb = b;
  return (va->year > vb->year) - (va->year < vb->year);
}

static void
end_values (LgrLoader *l, LgrLoaderFrame *frame, gpointer object, const char *text)
{
  GArray *values = ((LgrItem *)object)->values;
  gboolean sorted = TRUE;
  for (guint i = 1; i < values->len && sorted; i++)
    sorted = g_array_index (values, LgrYearValue, i - 1).year
             < g_array_index (values, LgrYearValue, i).year;
  if (!sorted)
    g_array_sort (values, compare_year_values);
}

static gpointer
begin_value (LgrLoader *l, LgrLoaderAttrs *a)
{
  l->value = (LgrYearValue){ 0, 0 };
  return &l->value;
}

static gboolean
year_once (LgrLoader *l, LgrLoaderAttrs *a, const LgrSchemaAttribute *attribute, gpointer object)
{
  int year = G_STRUCT_MEMBER (int, object, attribute->offset);
  gpointer first;

  if (g_hash_table_lookup_extended (l->years, GINT_TO_POINTER (year), NULL, &first))
    {
      lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, lgr_loader_attr_line (a, attribute->name),
                       a->frame->owner, _ ("the value for %d is given twice (first at line %d)"),
                       year, GPOINTER_TO_INT (first));
      return FALSE;
    }
  g_hash_table_insert (l->years, GINT_TO_POINTER (year), GINT_TO_POINTER (a->frame->line));
  return TRUE;
}

/* A <value>'s text is its number: white space around it is allowed, the number is strict. */
static void
end_value (LgrLoader *l, LgrLoaderFrame *frame, gpointer object, const char *text)
{
  LgrYearValue *v = object;
  LgrItem *item = l->objects[LGR_OBJECT_ITEM];
  GError *detail = NULL;

  if (!(lgr_parse_number_for (text, NULL, &v->value, NULL)
        && lgr_range_contains (LGR_RANGE_NON_NEGATIVE, v->value)))
    {
      /* Translators: "value for 2027" (a financial year) */
      g_autofree char *what = g_strdup_printf (_ ("value for %d"), v->year);
      if (!lgr_parse_number_for (text, what, &v->value, &detail)
          || !lgr_check_range (LGR_RANGE_NON_NEGATIVE, v->value, what, &detail))
        {
          lgr_loader_fail_with (l, frame->line, frame->owner, detail);
          return;
        }
    }
  g_array_append_val (item->values, *v);
}

/* The rows */

#define FIELD(Type, field) G_STRUCT_OFFSET (Type, field)

/* NAME-low and NAME-high of an uncertain number (docs/uncertainty.md), after NAME's row */
#define RANGE_ROWS(attr, kind, Type, field, limits, what_low, what_high)                           \
  { .name = attr "-low",                                                                           \
    .type = kind,                                                                                  \
    .offset = FIELD (Type, field.low),                                                             \
    .has_offset = FIELD (Type, field.has_low),                                                     \
    .range = limits,                                                                               \
    .what = what_low,                                                                              \
    .write = LGR_WRITE_IF_SET },                                                                   \
  {                                                                                                \
    .name = attr "-high", .type = kind, .offset = FIELD (Type, field.high),                        \
    .has_offset = FIELD (Type, field.has_high), .range = limits, .what = what_high,                \
    .write = LGR_WRITE_IF_SET                                                                      \
  }
#define DRIVER_ROW(Type, field)                                                                    \
  {                                                                                                \
    .name = "driver", .type = LGR_FIELD_TEXT, .offset = FIELD (Type, field),                       \
    .what = N_ ("the driver"), .write = LGR_WRITE_IF_SET, .length = LGR_LENGTH_ID                  \
  }

static const LgrSchemaAttribute study_attributes[] = {
  { .name = "version", .type = LGR_FIELD_VERSION, .required = TRUE },
};

static const LgrSchemaAttribute title_text = {
  .type = LGR_FIELD_TEXT,
  .required = TRUE,
  .offset = FIELD (LgrStudy, title),
  .what = N_ ("the title"),
};

static const LgrSchemaAttribute description_text = {
  .type = LGR_FIELD_TEXT,
  .length = LGR_LENGTH_NOTE,
  .offset = FIELD (LgrStudy, description),
  .what = N_ ("the description"),
  .write = LGR_WRITE_IF_SET,
};

static const LgrSchemaAttribute timeline_attributes[] = {
  { .name = "first-year",
    .type = LGR_FIELD_INT,
    .required = TRUE,
    .offset = FIELD (LgrStudy, first_year),
    .range = LGR_RANGE_FIRST_YEAR,
    .what = N_ ("first year") },
  { .name = "years",
    .type = LGR_FIELD_INT,
    .required = TRUE,
    .offset = FIELD (LgrStudy, years),
    .range = LGR_RANGE_YEARS,
    .what = N_ ("number of years") },
  { .name = "vesting-year",
    .type = LGR_FIELD_INT,
    .required = TRUE,
    .offset = FIELD (LgrStudy, vesting_year),
    .range = LGR_RANGE_YEAR,
    .what = N_ ("vesting year") },
  { .name = "discount-rate",
    .type = LGR_FIELD_NUMBER,
    .offset = FIELD (LgrStudy, discount_rate),
    .range = LGR_RANGE_DISCOUNT,
    .fallback = 3.5,
    .what = N_ ("discount rate") },
  { .name = "weeks-per-year",
    .type = LGR_FIELD_NUMBER,
    .offset = FIELD (LgrStudy, weeks_per_year),
    .range = LGR_RANGE_WEEKS,
    .fallback = 52,
    .what = N_ ("weeks per year") },
};

static const LgrSchemaAttribute settings_attributes[] = {
  { .name = "benefit-realisation",
    .type = LGR_FIELD_NUMBER,
    .offset = FIELD (LgrStudy, benefit_realisation),
    .range = LGR_RANGE_SETTING_PERCENT,
    .fallback = 100,
    .what = N_ ("benefit realisation") },
  RANGE_ROWS ("benefit-realisation", LGR_FIELD_NUMBER, LgrStudy, benefit_realisation_range,
              LGR_RANGE_SETTING_PERCENT, N_ ("low benefit realisation"),
              N_ ("high benefit realisation")),
  { .name = "cost-contingency",
    .type = LGR_FIELD_NUMBER,
    .offset = FIELD (LgrStudy, cost_contingency),
    .range = LGR_RANGE_SETTING_PERCENT,
    .fallback = 0,
    .what = N_ ("cost contingency") },
  RANGE_ROWS ("cost-contingency", LGR_FIELD_NUMBER, LgrStudy, cost_contingency_range,
              LGR_RANGE_SETTING_PERCENT, N_ ("low cost contingency"), N_ ("high cost contingency")),
  { .name = "count-avoidance",
    .type = LGR_FIELD_BOOL,
    .offset = FIELD (LgrStudy, count_avoidance),
    .fallback = FALSE,
    .what = N_ ("count-avoidance") },
};

static const LgrSchemaAttribute uncertainty_attributes[] = {
  { .name = "draws",
    .type = LGR_FIELD_INT,
    .offset = FIELD (LgrStudy, draws),
    .range = LGR_RANGE_DRAWS,
    .what = N_ ("draws") },
  { .name = "seed",
    .type = LGR_FIELD_NUMBER,
    .offset = FIELD (LgrStudy, seed),
    .range = LGR_RANGE_SEED,
    .fallback = 1,
    .what = N_ ("seed") },
  { .name = "default-range",
    .type = LGR_FIELD_NUMBER,
    .offset = FIELD (LgrStudy, default_range),
    .range = LGR_RANGE_PERCENT,
    .fallback = 0,
    .what = N_ ("default range") },
};

/* A scenario's own settings: each, when given, overrides the study's for that scenario. */
static const LgrSchemaAttribute scenario_settings_attributes[] = {
  { .name = "benefit-realisation",
    .type = LGR_FIELD_NUMBER,
    .offset = FIELD (LgrScenario, benefit_realisation),
    .has_offset = FIELD (LgrScenario, has_benefit_realisation),
    .range = LGR_RANGE_SETTING_PERCENT,
    .what = N_ ("benefit realisation"),
    .write = LGR_WRITE_IF_SET },
  RANGE_ROWS ("benefit-realisation", LGR_FIELD_NUMBER, LgrScenario, benefit_realisation_range,
              LGR_RANGE_SETTING_PERCENT, N_ ("low benefit realisation"),
              N_ ("high benefit realisation")),
  { .name = "cost-contingency",
    .type = LGR_FIELD_NUMBER,
    .offset = FIELD (LgrScenario, cost_contingency),
    .has_offset = FIELD (LgrScenario, has_cost_contingency),
    .range = LGR_RANGE_SETTING_PERCENT,
    .what = N_ ("cost contingency"),
    .write = LGR_WRITE_IF_SET },
  RANGE_ROWS ("cost-contingency", LGR_FIELD_NUMBER, LgrScenario, cost_contingency_range,
              LGR_RANGE_SETTING_PERCENT, N_ ("low cost contingency"), N_ ("high cost contingency")),
};

static const LgrSchemaAttribute benchmarks_attributes[] = {
  { .name = "source",
    .type = LGR_FIELD_TEXT,
    .length = LGR_LENGTH_NOTE,
    .offset = FIELD (LgrStudy, benchmarks_source),
    .what = N_ ("the benchmarks source"),
    .write = LGR_WRITE_IF_NOT_EMPTY },
};

static const LgrSchemaAttribute band_attributes[] = {
  { .name = "name",
    .type = LGR_FIELD_TEXT,
    .required = TRUE,
    .offset = FIELD (LgrBenchmarkBand, name),
    .what = N_ ("the band name"),
    .names_object = TRUE },
  { .name = "min-population",
    .type = LGR_FIELD_NUMBER,
    .required = TRUE,
    .offset = FIELD (LgrBenchmarkBand, min_population),
    .range = LGR_RANGE_NON_NEGATIVE,
    .what = N_ ("minimum population") },
  { .name = "max-population",
    .type = LGR_FIELD_NUMBER,
    .required = TRUE,
    .offset = FIELD (LgrBenchmarkBand, max_population),
    .range = LGR_RANGE_NON_NEGATIVE,
    .what = N_ ("maximum population") },
};

static const LgrSchemaAttribute cost_attributes[] = {
  { .name = "measure",
    .type = LGR_FIELD_TEXT,
    .required = TRUE,
    .offset = FIELD (LgrBenchmarkCost, measure),
    .what = N_ ("the measure"),
    .rule = measure_once },
  { .name = "value",
    .type = LGR_FIELD_NUMBER,
    .required = TRUE,
    .offset = FIELD (LgrBenchmarkCost, value),
    .range = LGR_RANGE_NON_NEGATIVE,
    .money = TRUE,
    .what = N_ ("benchmark cost") },
};

static const LgrSchemaAttribute scenario_attributes[] = {
  { .name = "id",
    .type = LGR_FIELD_ID,
    .length = LGR_LENGTH_ID,
    .required = TRUE,
    .offset = FIELD (LgrScenario, id),
    .what = N_ ("the id"),
    .names_object = TRUE,
    .rule = scenario_id_once },
  { .name = "name",
    .type = LGR_FIELD_TEXT,
    .required = TRUE,
    .offset = FIELD (LgrScenario, name),
    .what = N_ ("the name") },
  { .name = "colour",
    .type = LGR_FIELD_COLOUR,
    .offset = FIELD (LgrScenario, colour),
    .what = N_ ("the colour"),
    .write = LGR_WRITE_IF_SET },
};

static const LgrSchemaAttribute scenario_description_text = {
  .type = LGR_FIELD_TEXT,
  .length = LGR_LENGTH_NOTE,
  .offset = FIELD (LgrScenario, description),
  .what = N_ ("the description"),
  .write = LGR_WRITE_IF_SET,
};

static const LgrSchemaAttribute authority_attributes[] = {
  { .name = "id",
    .type = LGR_FIELD_ID,
    .length = LGR_LENGTH_ID,
    .required = TRUE,
    .offset = FIELD (LgrAuthority, id),
    .what = N_ ("the id"),
    .names_object = TRUE,
    .rule = id_once_in_scenario },
  { .name = "name",
    .type = LGR_FIELD_TEXT,
    .required = TRUE,
    .offset = FIELD (LgrAuthority, name),
    .what = N_ ("the name") },
  { .name = "population",
    .type = LGR_FIELD_NUMBER,
    .required = TRUE,
    .offset = FIELD (LgrAuthority, population),
    .range = LGR_RANGE_NON_NEGATIVE,
    .what = N_ ("population") },
  { .name = "child-population",
    .type = LGR_FIELD_NUMBER,
    .required = TRUE,
    .offset = FIELD (LgrAuthority, child_population),
    .range = LGR_RANGE_NON_NEGATIVE,
    .what = N_ ("child population") },
};

static const LgrSchemaAttribute lever_attributes[] = {
  { .name = "id",
    .type = LGR_FIELD_ID,
    .length = LGR_LENGTH_ID,
    .required = TRUE,
    .offset = FIELD (LgrLever, id),
    .what = N_ ("the id"),
    .names_object = TRUE,
    .rule = id_once_in_scenario },
  { .name = "name",
    .type = LGR_FIELD_TEXT,
    .required = TRUE,
    .offset = FIELD (LgrLever, name),
    .what = N_ ("the name") },
  { .name = "authority",
    .type = LGR_FIELD_ID,
    .length = LGR_LENGTH_ID,
    .required = TRUE,
    .offset = FIELD (LgrLever, authority_id),
    .what = N_ ("the authority"),
    .rule = authority_exists },
  { .name = "service",
    .type = LGR_FIELD_TEXT,
    .offset = FIELD (LgrLever, service),
    .what = N_ ("the service"),
    .write = LGR_WRITE_IF_SET },
  { .name = "benefit",
    .type = LGR_FIELD_ENUM,
    .offset = FIELD (LgrLever, benefit),
    .fallback = LGR_BENEFIT_CASHABLE,
    .names = lgr_benefit_names,
    .what = N_ ("benefit") },
  { .name = "enabled",
    .type = LGR_FIELD_BOOL,
    .offset = FIELD (LgrLever, enabled),
    .fallback = TRUE,
    .what = N_ ("enabled"),
    .write = LGR_WRITE_UNLESS_DEFAULT },
};

static const LgrSchemaAttribute cohort_attributes[] = {
  { .name = "basis",
    .type = LGR_FIELD_ENUM,
    .required = TRUE,
    .offset = FIELD (LgrLever, basis),
    .names = lgr_cohort_basis_names,
    .what = N_ ("basis") },
  { .name = "baseline",
    .type = LGR_FIELD_COHORT_VALUE,
    .required = TRUE,
    .offset = FIELD (LgrLever, cohort_baseline),
    .what = N_ ("baseline") },
  { .name = "target",
    .type = LGR_FIELD_COHORT_VALUE,
    .required = TRUE,
    .offset = FIELD (LgrLever, cohort_target),
    .what = N_ ("target") },
  RANGE_ROWS ("target", LGR_FIELD_COHORT_VALUE, LgrLever, cohort_target_range, 0, N_ ("low target"),
              N_ ("high target")),
  DRIVER_ROW (LgrLever, cohort_driver),
};

static const LgrSchemaAttribute unit_cost_attributes[] = {
  { .name = "per",
    .type = LGR_FIELD_ENUM,
    .required = TRUE,
    .offset = FIELD (LgrLever, unit_period),
    .names = lgr_unit_period_names,
    .what = N_ ("per") },
  { .name = "baseline",
    .type = LGR_FIELD_NUMBER,
    .required = TRUE,
    .offset = FIELD (LgrLever, unit_cost_baseline),
    .range = LGR_RANGE_NON_NEGATIVE,
    .money = TRUE,
    .what = N_ ("baseline unit cost") },
  { .name = "target",
    .type = LGR_FIELD_NUMBER,
    .required = TRUE,
    .offset = FIELD (LgrLever, unit_cost_target),
    .range = LGR_RANGE_NON_NEGATIVE,
    .money = TRUE,
    .what = N_ ("target unit cost") },
  RANGE_ROWS ("target", LGR_FIELD_NUMBER, LgrLever, unit_cost_target_range, LGR_RANGE_NON_NEGATIVE,
              N_ ("low target unit cost"), N_ ("high target unit cost")),
  DRIVER_ROW (LgrLever, unit_cost_driver),
};

static const LgrSchemaAttribute growth_attributes[] = {
  { .name = "cohort",
    .type = LGR_FIELD_NUMBER,
    .offset = FIELD (LgrLever, growth_cohort),
    .range = LGR_RANGE_GROWTH,
    .what = N_ ("cohort growth") },
  RANGE_ROWS ("cohort", LGR_FIELD_NUMBER, LgrLever, growth_cohort_range, LGR_RANGE_GROWTH,
              N_ ("low cohort growth"), N_ ("high cohort growth")),
  { .name = "unit-cost",
    .type = LGR_FIELD_NUMBER,
    .offset = FIELD (LgrLever, growth_unit_cost),
    .range = LGR_RANGE_GROWTH,
    .what = N_ ("unit cost growth") },
  RANGE_ROWS ("unit-cost", LGR_FIELD_NUMBER, LgrLever, growth_unit_cost_range, LGR_RANGE_GROWTH,
              N_ ("low unit cost growth"), N_ ("high unit cost growth")),
  DRIVER_ROW (LgrLever, growth_driver),
};

static const LgrSchemaAttribute realisation_attributes[] = {
  { .name = "start",
    .type = LGR_FIELD_INT,
    .offset = FIELD (LgrLever, realisation_start),
    .has_offset = FIELD (LgrLever, has_realisation_start),
    .range = LGR_RANGE_YEAR,
    .what = N_ ("realisation start year"),
    .write = LGR_WRITE_IF_SET },
  RANGE_ROWS ("start", LGR_FIELD_INT, LgrLever, realisation_start_range, LGR_RANGE_YEAR,
              N_ ("earliest realisation start year"), N_ ("latest realisation start year")),
  { .name = "profile",
    .type = LGR_FIELD_PROFILE,
    .length = LGR_LENGTH_NOTE,
    .offset = FIELD (LgrLever, realisation),
    .what = N_ ("realisation profile") },
  DRIVER_ROW (LgrLever, realisation_driver),
};

static const LgrSchemaAttribute item_attributes[] = {
  { .name = "id",
    .type = LGR_FIELD_ID,
    .length = LGR_LENGTH_ID,
    .required = TRUE,
    .offset = FIELD (LgrItem, id),
    .what = N_ ("the id"),
    .names_object = TRUE,
    .rule = id_once_in_scenario },
  { .name = "name",
    .type = LGR_FIELD_TEXT,
    .required = TRUE,
    .offset = FIELD (LgrItem, name),
    .what = N_ ("the name") },
  { .name = "authority",
    .type = LGR_FIELD_ID,
    .length = LGR_LENGTH_ID,
    .offset = FIELD (LgrItem, authority_id),
    .what = N_ ("the authority"),
    .rule = authority_exists,
    .write = LGR_WRITE_IF_SET },
  { .name = "kind",
    .type = LGR_FIELD_ENUM,
    .required = TRUE,
    .offset = FIELD (LgrItem, kind),
    .names = lgr_item_kind_names,
    .what = N_ ("kind") },
  { .name = "enabled",
    .type = LGR_FIELD_BOOL,
    .offset = FIELD (LgrItem, enabled),
    .fallback = TRUE,
    .what = N_ ("enabled"),
    .write = LGR_WRITE_UNLESS_DEFAULT },
};

static const LgrSchemaAttribute spread_attributes[] = {
  { .name = "total",
    .type = LGR_FIELD_NUMBER,
    .required = TRUE,
    .offset = FIELD (LgrItem, total),
    .range = LGR_RANGE_NON_NEGATIVE,
    .money = TRUE,
    .what = N_ ("total") },
  RANGE_ROWS ("total", LGR_FIELD_NUMBER, LgrItem, total_range, LGR_RANGE_NON_NEGATIVE,
              N_ ("low total"), N_ ("high total")),
  { .name = "start",
    .type = LGR_FIELD_INT,
    .offset = FIELD (LgrItem, start),
    .has_offset = FIELD (LgrItem, has_start),
    .range = LGR_RANGE_YEAR,
    .what = N_ ("start year"),
    .write = LGR_WRITE_IF_SET },
  { .name = "profile",
    .type = LGR_FIELD_PROFILE,
    .length = LGR_LENGTH_NOTE,
    .required = TRUE,
    .offset = FIELD (LgrItem, profile),
    .what = N_ ("spread profile") },
  DRIVER_ROW (LgrItem, driver),
};

static const LgrSchemaAttribute recurring_attributes[] = {
  { .name = "amount",
    .type = LGR_FIELD_NUMBER,
    .required = TRUE,
    .offset = FIELD (LgrItem, amount),
    .range = LGR_RANGE_NON_NEGATIVE,
    .money = TRUE,
    .what = N_ ("amount") },
  RANGE_ROWS ("amount", LGR_FIELD_NUMBER, LgrItem, amount_range, LGR_RANGE_NON_NEGATIVE,
              N_ ("low amount"), N_ ("high amount")),
  { .name = "start",
    .type = LGR_FIELD_INT,
    .offset = FIELD (LgrItem, start),
    .has_offset = FIELD (LgrItem, has_start),
    .range = LGR_RANGE_YEAR,
    .what = N_ ("start year"),
    .write = LGR_WRITE_IF_SET },
  { .name = "profile",
    .type = LGR_FIELD_PROFILE,
    .length = LGR_LENGTH_NOTE,
    .offset = FIELD (LgrItem, profile),
    .what = N_ ("realisation profile") },
  { .name = "growth",
    .type = LGR_FIELD_NUMBER,
    .offset = FIELD (LgrItem, growth),
    .range = LGR_RANGE_GROWTH,
    .what = N_ ("growth") },
  DRIVER_ROW (LgrItem, driver),
};

static const LgrSchemaAttribute value_attributes[] = {
  { .name = "year",
    .type = LGR_FIELD_INT,
    .required = TRUE,
    .offset = FIELD (LgrYearValue, year),
    .range = LGR_RANGE_YEAR,
    .what = N_ ("year"),
    .rule = year_once },
};

/* Read by end_value (its message names the year). */
static const LgrSchemaAttribute value_text = {
  .type = LGR_FIELD_NUMBER,
  .required = TRUE,
  .offset = FIELD (LgrYearValue, value),
  .range = LGR_RANGE_NON_NEGATIVE,
  .what = N_ ("value"),
};

/* The children */

static const LgrSchemaChild study_children[] = {
  { LGR_ELEMENT_TITLE, 0, 1, TRUE },        { LGR_ELEMENT_DESCRIPTION, 1, 1, FALSE },
  { LGR_ELEMENT_TIMELINE, 2, 1, TRUE },     { LGR_ELEMENT_SETTINGS, 3, 1, FALSE },
  { LGR_ELEMENT_UNCERTAINTY, 4, 1, FALSE }, { LGR_ELEMENT_BENCHMARKS, 5, 1, FALSE },
  { LGR_ELEMENT_SCENARIO, 6, 0, TRUE },     { LGR_ELEMENT_SNAPSHOT, 7, 0, FALSE },
};

static const LgrSchemaChild benchmarks_children[] = { { LGR_ELEMENT_BAND, 0, 0, FALSE } };
static const LgrSchemaChild band_children[] = { { LGR_ELEMENT_COST, 0, 0, FALSE } };

static const LgrSchemaChild scenario_children[] = {
  { LGR_ELEMENT_SCENARIO_DESCRIPTION, 0, 1, FALSE },
  { LGR_ELEMENT_SCENARIO_SETTINGS, 1, 1, FALSE },
  { LGR_ELEMENT_AUTHORITY, 2, 0, TRUE },
  { LGR_ELEMENT_LEVER, 3, 0, FALSE },
  { LGR_ELEMENT_ITEM, 3, 0, FALSE },
  { LGR_ELEMENT_PUBLISHED, 4, 0, FALSE },
};

static const LgrSchemaChild lever_children[] = {
  { LGR_ELEMENT_COHORT, 0, 1, TRUE },        { LGR_ELEMENT_UNIT_COST, 1, 1, TRUE },
  { LGR_ELEMENT_GROWTH, 2, 1, FALSE },       { LGR_ELEMENT_REALISATION, 3, 1, FALSE },
  { LGR_ELEMENT_LEVER_SOURCE, 4, 1, FALSE },
};

/* Exactly one of spread, recurring and values (end_item) */
static const LgrSchemaChild item_children[] = {
  { LGR_ELEMENT_SPREAD, 0, 1, FALSE },
  { LGR_ELEMENT_RECURRING, 0, 1, FALSE },
  { LGR_ELEMENT_VALUES, 0, 1, FALSE },
  { LGR_ELEMENT_ITEM_SOURCE, 1, 1, FALSE },
};

static const LgrSchemaChild snapshot_children[]
    = { { LGR_ELEMENT_SNAPSHOT_NOTE, 0, 1, FALSE }, { LGR_ELEMENT_SET, 1, 0, FALSE } };
static const LgrSchemaChild values_children[] = { { LGR_ELEMENT_VALUE, 0, 0, FALSE } };

/* The elements */

#define ATTRIBUTES(rows) .attributes = rows, .n_attributes = G_N_ELEMENTS (rows)
#define CHILDREN(rows) .children = rows, .n_children = G_N_ELEMENTS (rows)

static const LgrSchemaElement elements[LGR_N_ELEMENTS] = {
  [LGR_ELEMENT_STUDY] = { "lgr-study", LGR_OBJECT_STUDY, ATTRIBUTES (study_attributes),
                          CHILDREN (study_children), .begin = begin_study },
  [LGR_ELEMENT_TITLE] = { "title", LGR_OBJECT_STUDY, .text = &title_text },
  [LGR_ELEMENT_DESCRIPTION] = { "description", LGR_OBJECT_STUDY, .text = &description_text },
  [LGR_ELEMENT_TIMELINE] = { "timeline", LGR_OBJECT_STUDY, ATTRIBUTES (timeline_attributes) },
  [LGR_ELEMENT_SETTINGS] = { "settings", LGR_OBJECT_STUDY, ATTRIBUTES (settings_attributes),
                             .attributes_done = ranges_done },
  [LGR_ELEMENT_BENCHMARKS] = { "benchmarks", LGR_OBJECT_STUDY, ATTRIBUTES (benchmarks_attributes),
                               CHILDREN (benchmarks_children), .begin = begin_benchmarks },
  [LGR_ELEMENT_BAND]
  = { "band", LGR_OBJECT_BAND, N_ ("benchmark band"), ATTRIBUTES (band_attributes),
      CHILDREN (band_children), .begin = begin_band },
  [LGR_ELEMENT_COST] = { "cost", LGR_OBJECT_COST, ATTRIBUTES (cost_attributes), .begin = begin_cost,
                         .attributes_done = cost_done },
  [LGR_ELEMENT_SCENARIO]
  = { "scenario", LGR_OBJECT_SCENARIO, N_ ("scenario"), ATTRIBUTES (scenario_attributes),
      CHILDREN (scenario_children), .begin = begin_scenario },
  [LGR_ELEMENT_SCENARIO_DESCRIPTION]
  = { "description", LGR_OBJECT_SCENARIO, .text = &scenario_description_text },
  [LGR_ELEMENT_AUTHORITY]
  = { "authority", LGR_OBJECT_AUTHORITY, N_ ("authority"), ATTRIBUTES (authority_attributes),
      CHILDREN (lgr_schema_authority_children), .begin = begin_authority },
  [LGR_ELEMENT_LEVER] = { "lever", LGR_OBJECT_LEVER, N_ ("lever"), ATTRIBUTES (lever_attributes),
                          CHILDREN (lever_children), .begin = begin_lever },
  [LGR_ELEMENT_COHORT]
  = { "cohort", LGR_OBJECT_LEVER, ATTRIBUTES (cohort_attributes), .attributes_done = ranges_done },
  [LGR_ELEMENT_UNIT_COST] = { "unit-cost", LGR_OBJECT_LEVER, ATTRIBUTES (unit_cost_attributes),
                              .attributes_done = ranges_done },
  [LGR_ELEMENT_GROWTH]
  = { "growth", LGR_OBJECT_LEVER, ATTRIBUTES (growth_attributes), .attributes_done = ranges_done },
  [LGR_ELEMENT_REALISATION]
  = { "realisation", LGR_OBJECT_LEVER, ATTRIBUTES (realisation_attributes),
      .attributes_done = ranges_done },
  [LGR_ELEMENT_LEVER_SOURCE]
  = { "source", LGR_OBJECT_LEVER, ATTRIBUTES (lgr_schema_lever_source_attributes),
      .text = &lgr_schema_lever_source_text },
  [LGR_ELEMENT_ITEM] = { "item", LGR_OBJECT_ITEM, N_ ("item"), ATTRIBUTES (item_attributes),
                         CHILDREN (item_children), .begin = begin_item, .end = end_item },
  [LGR_ELEMENT_SPREAD] = { "spread", LGR_OBJECT_ITEM, ATTRIBUTES (spread_attributes),
                           .begin = begin_spread, .attributes_done = spread_done },
  [LGR_ELEMENT_RECURRING] = { "recurring", LGR_OBJECT_ITEM, ATTRIBUTES (recurring_attributes),
                              .begin = begin_recurring, .attributes_done = ranges_done },
  [LGR_ELEMENT_VALUES] = { "values", LGR_OBJECT_ITEM, CHILDREN (values_children),
                           .begin = begin_values, .end = end_values },
  [LGR_ELEMENT_VALUE] = { "value", LGR_OBJECT_YEAR_VALUE, ATTRIBUTES (value_attributes),
                          .text = &value_text, .begin = begin_value, .end = end_value },
  [LGR_ELEMENT_ITEM_SOURCE]
  = { "source", LGR_OBJECT_ITEM, ATTRIBUTES (lgr_schema_item_source_attributes),
      .text = &lgr_schema_item_source_text },
  [LGR_ELEMENT_UNCERTAINTY]
  = { "uncertainty", LGR_OBJECT_STUDY, ATTRIBUTES (uncertainty_attributes) },
  [LGR_ELEMENT_SCENARIO_SETTINGS]
  = { "settings", LGR_OBJECT_SCENARIO, ATTRIBUTES (scenario_settings_attributes),
      .attributes_done = ranges_done },
  [LGR_ELEMENT_SNAPSHOT]
  = { "snapshot", LGR_OBJECT_SNAPSHOT, N_ ("snapshot"), ATTRIBUTES (lgr_schema_snapshot_attributes),
      CHILDREN (snapshot_children), .begin = lgr_schema_begin_snapshot },
  [LGR_ELEMENT_SNAPSHOT_NOTE]
  = { "note", LGR_OBJECT_SNAPSHOT, .text = &lgr_schema_snapshot_note_text },
  [LGR_ELEMENT_SET]
  = { "set", LGR_OBJECT_SET, ATTRIBUTES (lgr_schema_set_attributes), .text = &lgr_schema_set_text,
      .begin = lgr_schema_begin_set, .end = lgr_schema_end_set },
  [LGR_ELEMENT_PUBLISHED]
  = { "published", LGR_OBJECT_PUBLISHED, ATTRIBUTES (lgr_schema_published_attributes),
      .text = &lgr_schema_published_text, .begin = lgr_schema_begin_published,
      .attributes_done = lgr_schema_published_done },
  [LGR_ELEMENT_AUTHORITY_SOURCE]
  = { "source", LGR_OBJECT_AUTHORITY, ATTRIBUTES (lgr_schema_authority_source_attributes),
      .text = &lgr_schema_authority_source_text },
};

G_STATIC_ASSERT (LGR_N_ELEMENTS <= 32); /* LgrLoaderFrame.seen */

const LgrSchemaElement *
lgr_schema_element (LgrElement element)
{
  g_return_val_if_fail (element < LGR_N_ELEMENTS, NULL);
  return &elements[element];
}

const LgrSchemaChild *
lgr_schema_find_child (LgrElement parent, const char *name)
{
  const LgrSchemaElement *e = &elements[parent];
  for (guint i = 0; i < e->n_children; i++)
    if (strcmp (elements[e->children[i].child].name, name) == 0)
      return &e->children[i];
  return NULL;
}

gboolean
lgr_schema_is_element_name (const char *name)
{
  for (guint i = 0; i < LGR_N_ELEMENTS; i++)
    if (strcmp (elements[i].name, name) == 0)
      return TRUE;
  return FALSE;
}
