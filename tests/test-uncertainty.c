/* test-uncertainty.c: ranges, drivers, <uncertainty> and a scenario's own settings in study
 * files (docs/format.md, "Ranges and uncertainty"), the Monte Carlo, the tornado and the
 * switching values (docs/uncertainty.md). */
#include <glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lgr-results.h"
#include "lgr-rules.h"
#include "lgr-study-io.h"
#include "lgr-test-util.h"

/* tests/files/uncertain.lgr with from (which must occur once) replaced by to */
static char *
uncertain_with (const char *from, const char *to)
{
  g_autofree char *xml = lgr_test_read_fixture ("uncertain.lgr");
  const char *at = strstr (xml, from);
  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, from));
  return g_strdup_printf ("%.*s%s%s", (int)(at - xml), xml, to, at + strlen (from));
}

static char *
load_error (const char *xml)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrStudy) study = lgr_study_load_data (xml, strlen (xml), "study.lgr", &error);
  g_assert_null (study);
  g_assert_nonnull (error);
  return g_strdup (error->message);
}

static void
test_file_reads_ranges (void)
{
  g_autofree char *xml = lgr_test_read_fixture ("uncertain.lgr");
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrStudy) study = lgr_study_load_data (xml, strlen (xml), "u.lgr", &error);
  g_autoptr (LgrStudy) back = NULL;
  g_autofree char *saved = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  LgrScenario *one = g_ptr_array_index (study->scenarios, 0);
  LgrScenario *two = g_ptr_array_index (study->scenarios, 1);
  LgrLever *lac = g_ptr_array_index (one->levers, 0);
  LgrLever *south = g_ptr_array_index (two->levers, 1);
  LgrItem *running = g_ptr_array_index (two->items, 1);

  g_assert_true (lgr_bounds_given (&study->benefit_realisation_range));
  g_assert_cmpfloat (study->benefit_realisation_range.low, ==, 75);
  g_assert_false (lgr_bounds_given (&study->cost_contingency_range));
  g_assert_cmpint (study->draws, ==, 1000);
  g_assert_cmpfloat (study->seed, ==, 7);
  g_assert_true (lgr_bounds_given (&lac->cohort_target_range));
  g_assert_cmpfloat (lac->cohort_target_range.low, ==, 55);
  g_assert_cmpfloat (lac->cohort_target_range.high, ==, 68);
  g_assert_cmpstr (lac->unit_cost_driver, ==, "lac-cost");
  g_assert_null (lac->cohort_driver);
  g_assert_true (lac->realisation_start_range.has_low && lac->realisation_start_range.has_high);
  g_assert_cmpint (lac->realisation_start_range.high, ==, 2028);
  g_assert_false (lgr_bounds_given (&south->cohort_target_range));
  g_assert_cmpfloat (south->growth_cohort_range.high, ==, 2);
  g_assert_cmpfloat (running->amount_range.low, ==, 2e6);
  g_assert_false (one->has_cost_contingency);
  g_assert_true (two->has_cost_contingency);
  g_assert_cmpfloat (two->cost_contingency, ==, 10);
  g_assert_true (lgr_bounds_given (&two->cost_contingency_range));
  g_assert_false (two->has_benefit_realisation);

  /* saved and read back: the same study, valid against the schema */
  saved = lgr_study_to_xml (study, &length);
  g_assert_true (lgr_test_rng_accepts (saved, length, NULL));
  back = lgr_study_load_data (saved, length, "back.lgr", &error);
  g_assert_no_error (error);
  g_assert_true (lgr_study_equal (study, back));
  g_assert_nonnull (strstr (saved, "target=\"60\" target-low=\"55\" target-high=\"68\""));
  g_assert_nonnull (strstr (saved, "<uncertainty draws=\"1000\" seed=\"7\" default-range=\"0\"/>"));
}

/* A study without ranges is saved as it was: no <uncertainty>, no scenario <settings>. */
static void
test_old_files_unchanged (void)
{
  g_autofree char *path = lgr_test_source_path ("data", "studies", "warwickshire.lgr", NULL);
  g_autofree char *original = NULL;
  g_autofree char *saved = NULL;
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();

  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  saved = lgr_study_to_xml (study, NULL);
  g_assert_cmpstr (saved, ==, original);
  g_assert_null (strstr (saved, "<uncertainty"));
  g_assert_null (strstr (saved, "-low="));
}

/* A scenario's own settings override the study's in the central figures. */
static void
test_scenario_settings_override (void)
{
  g_autofree char *xml = lgr_test_read_fixture ("uncertain.lgr");
  g_autoptr (LgrStudy) study = lgr_study_load_data (xml, strlen (xml), "u.lgr", NULL);
  g_autoptr (LgrStudy) plain = lgr_study_copy (study);
  LgrScenario *two = g_ptr_array_index (plain->scenarios, 1);
  g_autoptr (LgrResults) with = lgr_results_compute (study);
  g_autoptr (LgrResults) without = NULL;

  two->has_cost_contingency = FALSE;
  two->cost_contingency_range = (LgrBounds){ 0 };
  without = lgr_results_compute (plain);
  /* 10% on the one-off and recurring costs of "two" only */
  for (guint t = 0; t < with->n_years; t++)
    {
      g_assert_cmpfloat_with_epsilon (with->scenarios[1].one_off_costs[t],
                                      without->scenarios[1].one_off_costs[t] * 1.1, 1e-6);
      g_assert_cmpfloat (with->scenarios[0].net[t], ==, without->scenarios[0].net[t]);
    }
  g_assert_cmpfloat_with_epsilon (with->scenarios[1].one_off_costs[1], 30e6 * 0.6 * 1.1, 1e-6);
}

static void
test_file_errors (void)
{
  struct
  {
    const char *from, *to, *message;
  } cases[] = {
    { "target=\"60\" target-low=\"55\"", "target=\"60\" target-low=\"62\"",
      "study.lgr:11: lever “lac”: target-low 62 is above the target 60" },
    { "target-low=\"55\" target-high=\"68\"", "target-low=\"55\" target-high=\"59\"",
      "study.lgr:11: lever “lac”: target-high 59 is below the target 60" },
    { " target-high=\"68\"", "",
      "study.lgr:11: lever “lac”: target-low is given without target-high (give both or "
      "neither)" },
    { "baseline=\"70\" target=\"60\"", "baseline=\"70\" baseline-low=\"60\" target=\"60\"",
      "study.lgr:11: lever “lac”: unknown attribute “baseline-low” on <cohort>" },
    { "target-high=\"68\"", "target-high=\"12000\"",
      "study.lgr:11: lever “lac”: target rate 12000 is not between 0 and 10000" },
    { "<growth cohort=\"1\" cohort-low=\"0\" cohort-high=\"2\"/>",
      "<growth cohort=\"1\" cohort-low=\"0\" cohort-high=\"2\" driver=\"lac cost\"/>",
      "study.lgr:31: lever “south-lac”: the driver “lac cost” is not a name of letters, digits, "
      "“-” and “_”" },
    { "<cohort basis=\"child-population\" baseline=\"70\" target=\"58\"/>",
      "<cohort basis=\"child-population\" baseline=\"70\" target=\"58\" driver=\"x\"/>",
      "study.lgr:29: lever “south-lac”: the driver “x” is on <cohort>, which has no range to "
      "link (give it a range or no driver)" },
    { "<unit-cost per=\"week\" baseline=\"1700\" target=\"1650\" target-low=\"1550\" "
      "target-high=\"1750\" driver=\"lac-cost\"/>\n      <growth",
      "<unit-cost per=\"year\" baseline=\"1700\" target=\"1650\" target-low=\"1550\" "
      "target-high=\"1750\" driver=\"lac-cost\"/>\n      <growth",
      "study.lgr:28: lever “south-lac”: the driver “lac-cost” links a unit-cost.target given as "
      "“year” here with one given as “week” in lever “lac” of scenario “one” (line 10): linked "
      "ranges must measure the same thing" },
    { "start=\"2026\" start-low", "start-low",
      "study.lgr:13: lever “lac”: start-low and start-high need a start" },
    { "<uncertainty draws=\"1000\"", "<uncertainty draws=\"50\"",
      "study.lgr:6: draws 50 is not between 100 and 1000000" },
    { "seed=\"7\"", "seed=\"1.5\"", "study.lgr:6: seed 1.5 is not a whole number" },
    { "default-range=\"0\"", "default-range=\"101\"",
      "study.lgr:6: default range 101 is not between 0 and 100" },
    { "<settings cost-contingency=\"10\" ", "<settings ",
      "study.lgr:21: scenario “two”: cost-contingency-low and cost-contingency-high need a "
      "cost-contingency" },
    { "<settings cost-contingency=\"10\"",
      "<settings count-avoidance=\"true\" cost-contingency=\"10\"",
      "study.lgr:21: scenario “two”: unknown attribute “count-avoidance” on <settings>" },
    { "benefit-realisation-high=\"100\"", "benefit-realisation-high=\"90\"",
      "study.lgr:5: benefit-realisation-high 90 is below the benefit-realisation 100" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *xml = uncertain_with (cases[i].from, cases[i].to);
      g_autofree char *message = load_error (xml);
      g_assert_cmpstr (message, ==, cases[i].message);
    }
}

/* The same rules for a study changed in memory (the window's editors validate through them). */
static void
test_validate_ranges (void)
{
  g_autofree char *xml = lgr_test_read_fixture ("uncertain.lgr");
  g_autoptr (LgrStudy) study = lgr_study_load_data (xml, strlen (xml), "u.lgr", NULL);
  LgrScenario *one = g_ptr_array_index (study->scenarios, 0);
  LgrLever *lac = g_ptr_array_index (one->levers, 0);
  g_autoptr (GError) error = NULL;

  g_assert_true (lgr_study_validate (study, NULL, NULL));
  lac->unit_cost_target_range.low = 1601;
  g_assert_false (lgr_lever_validate (lac, one, &error));
  g_assert_cmpstr (error->message, ==, "lever “lac”: target-low 1601 is above the target 1600");
  lac->unit_cost_target_range.low = 1500;
  lac->cohort_target_range.has_high = FALSE;
  g_assert_false (lgr_study_validate (study, NULL, NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/uncertainty/file-reads-ranges", test_file_reads_ranges);
  g_test_add_func ("/core/uncertainty/old-files-unchanged", test_old_files_unchanged);
  g_test_add_func ("/core/uncertainty/scenario-settings-override", test_scenario_settings_override);
  g_test_add_func ("/core/uncertainty/file-errors", test_file_errors);
  g_test_add_func ("/core/uncertainty/validate-ranges", test_validate_ranges);
  return g_test_run ();
}
