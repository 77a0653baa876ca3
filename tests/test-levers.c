/* test-levers.c: the model rules that build and convert levers and items, without a document or
 * a display - cohort people, basis, period and item-kind conversions, lever templates, the
 * benchmark lookup, and the rules for new and removed scenarios and authorities. */
#include <string.h>

#include "lgr-conversions.h"
#include "lgr-lever-template.h"
#include "lgr-results.h"
#include "lgr-rules.h"
#include "lgr-scenario-style.h"
#include "lgr-study-edits.h"
#include "lgr-test-util.h"

static const LgrScenario *
scenario_of (const LgrStudy *study, const char *id)
{
  const LgrScenario *scenario = lgr_study_find_scenario (study, id);
  g_assert_nonnull (scenario);
  return scenario;
}

static const LgrAuthority *
authority_of (const LgrStudy *study, const char *scenario_id, const char *id)
{
  const LgrAuthority *authority
      = lgr_scenario_find_authority (scenario_of (study, scenario_id), id);
  g_assert_nonnull (authority);
  return authority;
}

static void
test_cohort_people (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  g_autoptr (LgrResults) results = NULL;
  const LgrAuthority *north = authority_of (study, "two", "north");

  g_assert_cmpfloat (lgr_cohort_people (LGR_COHORT_BASIS_COUNT, 1895, north), ==, 1895);
  g_assert_cmpfloat (lgr_cohort_people (LGR_COHORT_BASIS_COUNT, 1895, NULL), ==, 1895);
  g_assert_cmpfloat (lgr_cohort_people (LGR_COHORT_BASIS_CHILD_POPULATION, 72.8, north), ==,
                     72.8 * 66100 / 10000.0);
  g_assert_cmpfloat (lgr_cohort_people (LGR_COHORT_BASIS_POPULATION, 10, north), ==,
                     10 * 313600 / 10000.0);
  g_assert_cmpfloat (lgr_cohort_people (LGR_COHORT_BASIS_CHILD_POPULATION, 72.8, NULL), ==, 0);

  g_assert_cmpfloat (lgr_cohort_basis_population (LGR_COHORT_BASIS_CHILD_POPULATION, north), ==,
                     66100);
  g_assert_cmpfloat (lgr_cohort_basis_population (LGR_COHORT_BASIS_POPULATION, north), ==, 313600);
  g_assert_cmpfloat (lgr_cohort_basis_population (LGR_COHORT_BASIS_COUNT, north), ==, 0);

  /* The results count people the same way: the first year's baseline cohort of every lever
   * (no growth compounded yet) is exactly its people. */
  results = lgr_results_compute (study);
  for (guint s = 0; s < results->n_scenarios; s++)
    {
      const LgrScenarioResult *r = &results->scenarios[s];
      for (guint i = 0; i < r->n_levers; i++)
        {
          const LgrLeverResult *lr = &r->levers[i];
          if (!lr->lever->enabled)
            continue;
          g_assert_cmpfloat (
              lr->baseline_cohort[0], ==,
              lgr_cohort_people (lr->lever->basis, lr->lever->cohort_baseline, lr->authority));
        }
    }
}

static void
test_basis_conversion (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  const LgrScenario *two = scenario_of (study, "two");
  const LgrAuthority *north = authority_of (study, "two", "north");
  g_autoptr (LgrLever) lever = lgr_lever_copy (lgr_scenario_find_lever (two, "north-lac"));
  g_autoptr (LgrAuthority) empty = lgr_authority_copy (north);
  g_autoptr (GError) error = NULL;
  double people = lgr_cohort_people (lever->basis, lever->cohort_baseline, north);
  double target_people = lgr_cohort_people (lever->basis, lever->cohort_target, north);
  double value = 0;

  /* per 10,000 children -> people -> per 10,000 residents -> per 10,000 children */
  g_assert_true (lgr_lever_convert_basis (lever, LGR_COHORT_BASIS_COUNT, north, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lever->basis, ==, LGR_COHORT_BASIS_COUNT);
  g_assert_cmpfloat (lever->cohort_baseline, ==, people);
  g_assert_cmpfloat_with_epsilon (lever->cohort_target, target_people, 1e-9);

  g_assert_true (lgr_lever_convert_basis (lever, LGR_COHORT_BASIS_POPULATION, north, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (lever->cohort_baseline, people * 10000 / 313600, 1e-9);
  g_assert_cmpfloat_with_epsilon (lgr_cohort_people (lever->basis, lever->cohort_baseline, north),
                                  people, 1e-9);

  g_assert_true (lgr_lever_convert_basis (lever, LGR_COHORT_BASIS_CHILD_POPULATION, north, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (lever->cohort_baseline, 72.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (lever->cohort_target, 55, 1e-9);

  /* The same basis changes nothing. */
  value = lever->cohort_baseline;
  g_assert_true (lgr_lever_convert_basis (lever, LGR_COHORT_BASIS_CHILD_POPULATION, north, &error));
  g_assert_cmpfloat (lever->cohort_baseline, ==, value);

  /* A rate needs the population it is per 10,000 of; the lever is left as it was. */
  g_assert_true (lgr_lever_convert_basis (lever, LGR_COHORT_BASIS_COUNT, north, &error));
  empty->child_population = 0;
  value = lever->cohort_baseline;
  g_assert_false (
      lgr_lever_convert_basis (lever, LGR_COHORT_BASIS_CHILD_POPULATION, empty, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "a rate per 10,000 children needs the number of children in “North "
                   "Warwickshire Council”: enter it under Authorities first");
  g_clear_error (&error);
  g_assert_cmpint (lever->basis, ==, LGR_COHORT_BASIS_COUNT);
  g_assert_cmpfloat (lever->cohort_baseline, ==, value);

  g_assert_false (lgr_lever_convert_basis (lever, LGR_COHORT_BASIS_POPULATION, NULL, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“north”"));
  g_clear_error (&error);

  g_assert_true (lgr_cohort_from_people (LGR_COHORT_BASIS_COUNT, 12, NULL, "x", &value, &error));
  g_assert_cmpfloat (value, ==, 12);
}

static void
test_period_conversion (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  g_autoptr (LgrLever) lever
      = lgr_lever_copy (lgr_scenario_find_lever (scenario_of (study, "two"), "north-lac"));
  double a_year;

  g_assert_cmpfloat (lgr_unit_period_per_year (LGR_UNIT_PERIOD_WEEK, 52), ==, 52);
  g_assert_cmpfloat (lgr_unit_period_per_year (LGR_UNIT_PERIOD_YEAR, 52), ==, 1);

  g_assert_cmpint (lever->unit_period, ==, LGR_UNIT_PERIOD_WEEK);
  a_year = lever->unit_cost_baseline * lgr_unit_period_per_year (lever->unit_period, 52);
  lgr_lever_convert_period (lever, LGR_UNIT_PERIOD_YEAR, 52);
  g_assert_cmpint (lever->unit_period, ==, LGR_UNIT_PERIOD_YEAR);
  g_assert_cmpfloat (lever->unit_cost_baseline, ==, a_year);
  g_assert_cmpfloat (lever->unit_cost_target, ==, 1570.0 * 52);

  lgr_lever_convert_period (lever, LGR_UNIT_PERIOD_YEAR, 52); /* already a year: unchanged */
  g_assert_cmpfloat (lever->unit_cost_baseline, ==, a_year);

  lgr_lever_convert_period (lever, LGR_UNIT_PERIOD_WEEK, 52);
  g_assert_cmpint (lever->unit_period, ==, LGR_UNIT_PERIOD_WEEK);
  g_assert_cmpfloat_with_epsilon (lever->unit_cost_target, 1570, 1e-9);
}

static void
test_item_kind_conversion (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  const LgrScenario *one = scenario_of (study, "one");
  const LgrItem *original = NULL;
  g_autoptr (LgrItem) item = NULL;
  double sum = 0;
  int start;

  for (guint i = 0; i < one->items->len && original == NULL; i++)
    {
      const LgrItem *it = g_ptr_array_index (one->items, i);
      if (it->pattern == LGR_ITEM_PATTERN_SPREAD)
        original = it;
    }
  g_assert_nonnull (original);
  start = lgr_item_start_year (original, study);

  /* A one-off cost stays a spread while it is a cost of that kind. */
  item = lgr_item_copy (original);
  lgr_item_convert_kind (item, LGR_ITEM_KIND_ONE_OFF_COST, study);
  g_assert_cmpint (item->pattern, ==, LGR_ITEM_PATTERN_SPREAD);

  /* Any other kind: values per year, the same money in the same years. */
  lgr_item_convert_kind (item, LGR_ITEM_KIND_RECURRING_COST, study);
  g_assert_cmpint (item->kind, ==, LGR_ITEM_KIND_RECURRING_COST);
  g_assert_cmpint (item->pattern, ==, LGR_ITEM_PATTERN_VALUES);
  g_assert_cmpuint (item->values->len, >, 0);
  for (guint i = 0; i < item->values->len; i++)
    {
      const LgrYearValue *v = &g_array_index (item->values, LgrYearValue, i);
      g_assert_cmpfloat (v->value, ==,
                         original->total
                             * lgr_profile_spread_share (&original->profile, start, v->year));
      sum += v->value;
    }
  g_assert_cmpfloat_with_epsilon (sum, original->total, 1e-6);
  g_assert_true (lgr_item_validate (item, NULL));

  /* Values stay values, whatever the kind. */
  lgr_item_convert_kind (item, LGR_ITEM_KIND_SAVING, study);
  g_assert_cmpint (item->kind, ==, LGR_ITEM_KIND_SAVING);
  g_assert_cmpint (item->pattern, ==, LGR_ITEM_PATTERN_VALUES);
}

static void
test_benchmark_lookup (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  const LgrAuthority *north = authority_of (study, "two", "north");
  const LgrAuthority *whole = authority_of (study, "one", "warwickshire");
  double cost = -1;

  /* North (313,600) is in the 250k-350k band. */
  g_assert_true (lgr_benchmark_unit_cost (study, north, "lac-weekly", &cost));
  g_assert_cmpfloat (cost, ==, 1718);
  g_assert_true (lgr_benchmark_unit_cost (study, north, "asc-working-age-yearly", &cost));
  g_assert_cmpfloat (cost, ==, 39881);
  /* The whole county (607,604) is in the 500k-750k band, which has no adult care costs. */
  cost = -1;
  g_assert_true (lgr_benchmark_unit_cost (study, whole, "lac-weekly", &cost));
  g_assert_cmpfloat (cost, ==, 1949);
  cost = -1;
  g_assert_false (lgr_benchmark_unit_cost (study, whole, "asc-working-age-yearly", &cost));
  g_assert_cmpfloat (cost, ==, -1);
  g_assert_false (lgr_benchmark_unit_cost (study, north, "nonsense", &cost));
  g_assert_false (lgr_benchmark_unit_cost (study, north, NULL, &cost));
  g_assert_false (lgr_benchmark_unit_cost (study, NULL, "lac-weekly", &cost));

  /* No band for the population, or no benchmarks at all. */
  {
    g_autoptr (LgrAuthority) huge = lgr_authority_copy (north);
    huge->population = 5e6;
    g_assert_false (lgr_benchmark_unit_cost (study, huge, "lac-weekly", &cost));
    g_ptr_array_set_size (study->benchmark_bands, 0);
    g_assert_false (lgr_benchmark_unit_cost (study, north, "lac-weekly", &cost));
  }
}

static void
test_templates (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  const LgrScenario *two = scenario_of (study, "two");
  const LgrAuthority *north = authority_of (study, "two", "north");
  const LgrAuthority *whole = authority_of (study, "one", "warwickshire");
  LgrLeverTemplate template_;

  for (guint t = 0; t < LGR_N_LEVER_TEMPLATES; t++)
    {
      g_autoptr (LgrLever) lever = lgr_lever_new_from_template (t, study, two, north);

      g_assert_true (lgr_lever_template_from_string (lgr_lever_template_to_string (t), &template_));
      g_assert_cmpint (template_, ==, t);
      g_assert_nonnull (lgr_lever_template_title (t));
      g_assert_cmpstr (lever->name, ==, lgr_lever_template_title (t));
      g_assert_cmpstr (lever->authority_id, ==, "north");
      g_assert_false (lgr_scenario_has_id (two, lever->id));
      g_assert_true (g_str_has_prefix (lever->id, "north-"));
      g_assert_true (lgr_lever_validate (lever, two, NULL));
    }
  g_assert_false (lgr_lever_template_from_string ("nonsense", &template_));
  g_assert_false (lgr_lever_template_from_string (NULL, &template_));

  {
    g_autoptr (LgrLever) lac
        = lgr_lever_new_from_template (LGR_LEVER_TEMPLATE_CHILDREN_LOOKED_AFTER, study, two, north);
    /* "north-lac" is taken in the bundled study. */
    g_assert_cmpstr (lac->id, !=, "north-lac");
    g_assert_true (g_str_has_prefix (lac->id, "north-lac"));
    g_assert_cmpstr (lgr_lever_template_measure (LGR_LEVER_TEMPLATE_CHILDREN_LOOKED_AFTER), ==,
                     "lac-weekly");
    g_assert_cmpint (lac->basis, ==, LGR_COHORT_BASIS_CHILD_POPULATION);
    g_assert_cmpint (lac->unit_period, ==, LGR_UNIT_PERIOD_WEEK);
    g_assert_cmpstr (lac->service, ==, "Children's social care");
    g_assert_cmpfloat (lac->unit_cost_baseline, ==, 1718);
    g_assert_cmpfloat (lac->unit_cost_target, ==, 1718);
  }
  {
    /* No benchmark for the band: the unit cost is left at 0. */
    g_autoptr (LgrLever) adults = lgr_lever_new_from_template (
        LGR_LEVER_TEMPLATE_ADULTS_LONG_TERM, study, scenario_of (study, "one"), whole);
    g_assert_cmpstr (adults->id, ==, "warwickshire-asc-wa");
    g_assert_cmpint (adults->basis, ==, LGR_COHORT_BASIS_COUNT);
    g_assert_cmpint (adults->unit_period, ==, LGR_UNIT_PERIOD_YEAR);
    g_assert_cmpfloat (adults->unit_cost_baseline, ==, 0);
  }
  {
    g_autoptr (LgrLever) other
        = lgr_lever_new_from_template (LGR_LEVER_TEMPLATE_OTHER, study, two, north);
    g_assert_null (lgr_lever_template_measure (LGR_LEVER_TEMPLATE_OTHER));
    g_assert_null (other->service);
    g_assert_cmpstr (other->id, ==, "north-lever");
  }
}

static void
test_study_edits (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  g_autoptr (LgrStudy) other = lgr_test_load_bundled ();
  g_autoptr (GError) error = NULL;
  const LgrScenario *two = scenario_of (study, "two");
  guint n = study->scenarios->len;
  char *stem;

  stem = lgr_id_stem ("North Warwickshire", "authority");
  g_assert_cmpstr (stem, ==, "north-warwickshire");
  g_free (stem);
  stem = lgr_id_stem ("  Rugby & Stratford-on-Avon! ", "authority");
  g_assert_cmpstr (stem, ==, "rugby-stratford-on-avon");
  g_free (stem);
  stem = lgr_id_stem ("–—", "authority");
  g_assert_cmpstr (stem, ==, "authority");
  g_free (stem);

  /* An authority that levers use cannot go, nor the last one. */
  g_assert_false (lgr_scenario_check_remove_authority (two, "north", &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "“North Warwickshire Council” cannot be "
                                                   "removed: the levers “Children looked after”"));
  g_clear_error (&error);
  g_assert_false (lgr_scenario_check_remove_authority (two, "nowhere", &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr (LgrScenario) bare = lgr_scenario_new ("bare", "Bare");
    g_ptr_array_add (bare->authorities, lgr_authority_new ("a", "A"));
    g_assert_false (lgr_scenario_check_remove_authority (bare, "a", &error));
    g_assert_nonnull (strstr (error->message, "at least one authority"));
    g_clear_error (&error);
    g_ptr_array_add (bare->authorities, lgr_authority_new ("b", "B"));
    g_assert_true (lgr_scenario_check_remove_authority (bare, "a", &error));
    g_assert_no_error (error);
  }

  /* A new scenario has the first scenario's authorities and nothing else. */
  {
    g_autoptr (LgrScenario) fresh = lgr_study_new_scenario (study, "Three");
    const LgrScenario *first = g_ptr_array_index (study->scenarios, 0);
    g_assert_null (lgr_study_find_scenario (study, fresh->id));
    g_assert_cmpstr (fresh->name, ==, "Three");
    g_assert_cmpuint (fresh->authorities->len, ==, first->authorities->len);
    g_assert_cmpuint (fresh->levers->len, ==, 0);
    g_assert_cmpuint (fresh->items->len, ==, 0);
  }
  {
    g_autoptr (LgrScenario) copy = lgr_study_duplicate_scenario (study, two);
    g_assert_null (lgr_study_find_scenario (study, copy->id));
    g_assert_cmpstr (copy->name, ==, "Two unitaries (copy)");
    /* Its own colour, apart from the original's (lgr-scenario-style.h, tested in test-identity.c) */
    g_assert_nonnull (copy->colour);
    g_assert_cmpstr (copy->colour, !=, two->colour);
    g_assert_cmpuint (copy->levers->len, ==, two->levers->len);
  }

  /* Imported scenarios keep their content and get free ids, names that say where they come
   * from and colours unlike the ones here; the settings that differ are listed beforehand. */
  {
    g_auto (GStrv) same = lgr_study_import_differences (study, other);
    g_assert_cmpuint (g_strv_length (same), ==, 0);
  }
  g_free (other->title);
  other->title = g_strdup ("Other study");
  other->discount_rate = 3;
  other->first_year = study->first_year + 1;
  {
    g_auto (GStrv) differ = lgr_study_import_differences (study, other);
    g_assert_cmpuint (g_strv_length (differ), ==, 2);
    g_assert_true (g_str_has_prefix (differ[0], "Timeline: "));
    g_assert_nonnull (strstr (differ[0], " here, "));
    g_assert_nonnull (strstr (differ[0], " in Other study"));
    g_assert_true (g_str_has_prefix (differ[1], "Discount rate: "));
  }
  lgr_study_import_scenarios (study, other);
  g_assert_cmpuint (study->scenarios->len, ==, 2 * n);
  g_assert_true (lgr_study_validate (study, NULL, &error));
  g_assert_no_error (error);
  {
    const LgrScenario *imported = g_ptr_array_index (study->scenarios, n + 1);
    g_assert_cmpstr (imported->name, ==, "Two unitaries (from Other study)");
    double a[3], b[3];
    for (guint i = 0; i < n; i++)
      {
        g_assert_true (lgr_scenario_style_parse (imported->colour, a));
        g_assert_true (lgr_scenario_style_parse (lgr_scenario_style_colour (study, i), b));
        g_assert_cmpfloat (lgr_scenario_style_distance (a, b), >=, LGR_SCENARIO_STYLE_APART);
      }
  }
  /* Imported again: distinct names still. */
  lgr_study_import_scenarios (study, other);
  g_assert_cmpstr (((LgrScenario *)g_ptr_array_index (study->scenarios, 2 * n + 1))->name, ==,
                   "Two unitaries (from Other study 2)");
  g_assert_true (lgr_study_validate (study, NULL, &error));
  g_assert_no_error (error);
  g_ptr_array_set_size (study->scenarios, 2 * n);

  /* Settings: the scalar fields only. */
  other->weeks_per_year = 52.14;
  other->years = 20;
  g_free (other->title);
  other->title = g_strdup ("Other");
  g_assert_true (lgr_study_validate_settings (other, &error));
  lgr_study_set_settings (study, other);
  g_assert_cmpfloat (study->weeks_per_year, ==, 52.14);
  g_assert_cmpint (study->years, ==, 20);
  g_assert_cmpstr (study->title, ==, "Other");
  g_assert_cmpuint (study->scenarios->len, ==, 2 * n);
  other->weeks_per_year = 60;
  g_assert_false (lgr_study_validate_settings (other, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&other->title, g_free);
  g_assert_false (lgr_study_validate_settings (other, &error));
  g_assert_cmpstr (error->message, ==, "a study needs a title");
  g_clear_error (&error);

  {
    g_autoptr (LgrAuthority) authority = lgr_authority_copy (authority_of (study, "two", "north"));
    g_assert_true (lgr_authority_validate (authority, NULL));
    authority->child_population = -1;
    g_assert_false (lgr_authority_validate (authority, &error));
    g_assert_nonnull (strstr (error->message, "child population"));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/levers/cohort-people", test_cohort_people);
  g_test_add_func ("/core/levers/basis-conversion", test_basis_conversion);
  g_test_add_func ("/core/levers/period-conversion", test_period_conversion);
  g_test_add_func ("/core/levers/item-kind-conversion", test_item_kind_conversion);
  g_test_add_func ("/core/levers/benchmark-lookup", test_benchmark_lookup);
  g_test_add_func ("/core/levers/templates", test_templates);
  g_test_add_func ("/core/levers/study-edits", test_study_edits);
  return g_test_run ();
}
