/* test-uncertainty.c: ranges, drivers, <uncertainty> and a scenario's own settings in study
 * files (docs/format.md, "Ranges and uncertainty"), the Monte Carlo, the tornado and the
 * switching values (docs/uncertainty.md). */
#include <glib.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lgr-conversions.h"
#include "lgr-results.h"
#include "lgr-rules.h"
#include "lgr-sensitivity.h"
#include "lgr-study-io.h"
#include "lgr-test-util.h"
#include "lgr-uncertainty-private.h"

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

/* A study without ranges is saved as it was: no <uncertainty>, no scenario <settings>, no
 * range; the bundled study, with its ranges and drivers, as it was too. */
static void
test_old_files_unchanged (void)
{
  g_autofree char *path = lgr_test_source_path ("data", "studies", "warwickshire.lgr", NULL);
  g_autofree char *original = NULL;
  g_autofree char *plain = lgr_test_bundled_without_ranges ();
  g_autofree char *saved = NULL;
  g_autofree char *saved_plain = NULL;
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  g_autoptr (LgrStudy) plain_study = lgr_test_load_string (plain);

  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  saved = lgr_study_to_xml (study, NULL);
  g_assert_cmpstr (saved, ==, original);
  g_assert_nonnull (strstr (saved, "target-low="));
  saved_plain = lgr_study_to_xml (plain_study, NULL);
  g_assert_cmpstr (saved_plain, ==, plain);
  g_assert_null (strstr (saved_plain, "<uncertainty"));
  g_assert_null (strstr (saved_plain, "-low="));
  g_assert_null (strstr (saved_plain, "driver="));
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

/* The Monte Carlo */

static LgrStudy *
load_uncertain (void)
{
  g_autofree char *xml = lgr_test_read_fixture ("uncertain.lgr");
  g_autoptr (GError) error = NULL;
  LgrStudy *study = lgr_study_load_data (xml, strlen (xml), "uncertain.lgr", &error);
  g_assert_no_error (error);
  return study;
}

/* The uniform numbers of the first draws for seed 1, computed independently with Python's
 * integers (the formula of docs/uncertainty.md, every step taken modulo 2**64):
 *
 *   M = 2**64
 *   def uniform(seed, i, k):
 *       z = (seed * 0x9E3779B97F4A7C15 + i * 0xD1B54A32D192ED03 + (k + 1) * 0x8CB92BA72F3D8DD7) % M
 *       z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) % M
 *       z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) % M
 *       z = z ^ (z >> 31)
 *       return ((z >> 11) + 0.5) / 2**53
 */
static void
test_uniform_numbers (void)
{
  static const double expected[3][2] = {
    { 0.8998490578119729, 0.9613134881315522 },
    { 0.9170861475108352, 0.49665853277098043 },
    { 0.07463802882143139, 0.5144739441754667 },
  };
  for (guint i = 0; i < 3; i++)
    for (guint k = 0; k < 2; k++)
      g_assert_cmpfloat (lgr_uncertainty_uniform (1, i, k), ==, expected[i][k]);
  /* never 0 or 1, whatever the seed */
  for (guint i = 0; i < 10000; i++)
    {
      double u = lgr_uncertainty_uniform (G_GUINT64_CONSTANT (9007199254740992), i, i % 7);
      g_assert_cmpfloat (u, >, 0);
      g_assert_cmpfloat (u, <, 1);
    }
  /* the inverse triangular: its mode at F, its ends at 0 and 1 */
  g_assert_cmpfloat (lgr_uncertainty_triangular (0.25, 0, 1, 4), ==, 1);
  g_assert_cmpfloat_with_epsilon (lgr_uncertainty_triangular (1e-12, 0, 1, 4), 0, 1e-5);
  g_assert_cmpfloat_with_epsilon (lgr_uncertainty_triangular (1 - 1e-12, 0, 1, 4), 4, 1e-5);
  g_assert_cmpfloat (lgr_uncertainty_triangular (0.5, 2, 2, 2), ==, 2);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Nearest rank: the value at index ceil(q/100 x n) - 1 of the sorted values, whatever the
 * selection algorithm; with ties, few values and many. */
static void
test_percentiles (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  const gsize sizes[] = { 1, 2, 3, 9, 10, 11, 99, 100, 101, 601, 1000, 4999, 20000 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (guint ties = 0; ties < 2; ties++)
      {
        gsize n = sizes[i];
        g_autofree double *values = g_new (double, n);
        g_autofree double *sorted = g_new (double, n);
        double p10, p50, p90;
        for (gsize j = 0; j < n; j++)
          values[j] = ties ? g_rand_int_range (rand, 0, 7) : g_rand_double_range (rand, -1e6, 1e6);
        memcpy (sorted, values, n * sizeof (double));
        qsort (sorted, n, sizeof (double), compare_doubles);
        lgr_uncertainty_percentiles (values, n, &p10, &p50, &p90);
        g_assert_cmpfloat (p10, ==, sorted[(gsize)ceil (0.1 * n) - 1]);
        g_assert_cmpfloat (p50, ==, sorted[(gsize)ceil (0.5 * n) - 1]);
        g_assert_cmpfloat (p90, ==, sorted[(gsize)ceil (0.9 * n) - 1]);
      }
}

/* A draw at the central values gives lgr_results_compute()'s figures to the last bit (bits:
 * random studies have a discount rate of -100%, whose NPV is not a number). */
static void
check_central_matches (const LgrStudy *study)
{
  g_autoptr (LgrUncertaintyModel) model = lgr_uncertainty_model_new (study);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrScratch *w = lgr_scratch_new (model);

  lgr_model_evaluate (model, w);
  for (guint s = 0; s < results->n_scenarios; s++)
    {
      const LgrScenarioResult *r = &results->scenarios[s];
      const LgrOutcome *o = &w->outcomes[s];
      g_assert_cmpmem (o->cumulative, results->n_years * sizeof (double), r->cumulative,
                       results->n_years * sizeof (double));
      g_assert_cmpmem (&o->total_net, sizeof (double), &r->total_net, sizeof (double));
      g_assert_cmpmem (&o->npv, sizeof (double), &r->npv, sizeof (double));
      g_assert_cmpmem (&o->peak_funding, sizeof (double), &r->peak_funding, sizeof (double));
      g_assert_cmpint (o->has_payback, ==, r->has_payback);
      g_assert_cmpint (o->payback_index, ==, r->payback_index);
      g_assert_cmpmem (&o->payback_years, sizeof (double), &r->payback_years, sizeof (double));
    }
  lgr_scratch_free (w);
}

static void
test_central_draw_is_the_model (void)
{
  g_autoptr (LgrStudy) bundled = lgr_test_load_bundled ();
  g_autoptr (LgrStudy) uncertain = load_uncertain ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (3);

  check_central_matches (bundled);
  check_central_matches (uncertain);
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr (LgrStudy) study = lgr_test_random_study (rand, 1 + i % 3, i % 5, i % 7, 1 + i);
      check_central_matches (study);
    }
}

static const char two_quantities[]
    = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<lgr-study version=\"1\">\n"
      "  <title>Two quantities</title>\n"
      "  <timeline first-year=\"2025\" years=\"1\" vesting-year=\"2025\"/>\n"
      "  <scenario id=\"s\" name=\"S\">\n"
      "    <authority id=\"a\" name=\"A\" population=\"1\" child-population=\"1\"/>\n"
      "    <item id=\"saving\" name=\"Saving\" kind=\"saving\">\n"
      "      <recurring amount=\"1000000\" amount-low=\"800000\" amount-high=\"1500000\"/>\n"
      "    </item>\n"
      "    <item id=\"cost\" name=\"Cost\" kind=\"one-off-cost\">\n"
      "      <spread total=\"600000\" total-low=\"500000\" total-high=\"1000000\" "
      "profile=\"100\"/>\n"
      "    </item>\n"
      "  </scenario>\n"
      "</lgr-study>\n";

/* Two quantities, one year: total = saving - cost. The expected figures come from an
 * independent implementation (Python, the uniform() above):
 *
 *   def tri(u, a, c, b):
 *       F = (c - a) / (b - a)
 *       return a + sqrt(u * (b - a) * (c - a)) if u < F else b - sqrt((1 - u) * (b - a) * (b - c))
 *   tot = [tri(uniform(1, i, 0), 8e5, 1e6, 1.5e6) - tri(uniform(1, i, 1), 5e5, 6e5, 1e6)
 *          for i in range(1000)]
 *   st = sorted(tot); P = lambda q: st[ceil(q / 100 * 1000) - 1]
 */
static void
test_two_quantities (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_string (two_quantities);
  g_autoptr (LgrUncertaintyModel) model = lgr_uncertainty_model_new (study);
  g_autoptr (LgrUncertaintyResults) r = NULL;
  g_autoptr (GError) error = NULL;
  const LgrUncertaintyScenario *s;

  g_assert_cmpuint (lgr_uncertainty_model_get_n_quantities (model), ==, 2);
  g_assert_cmpstr (lgr_uncertainty_model_get_quantity (model, 0)->key, ==,
                   "s/saving/recurring.amount");
  g_assert_cmpstr (lgr_uncertainty_model_get_quantity (model, 1)->key, ==, "s/cost/spread.total");
  g_assert_cmpstr (lgr_uncertainty_model_get_quantity (model, 1)->name, ==, "Cost: total");
  r = lgr_uncertainty_run (model, 1000, 1, 2, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  s = &r->scenarios[0];
  g_assert_cmpuint (r->draws, ==, 1000);
  g_assert_cmpfloat_with_epsilon (s->total_net.mean / 406658.5656127233, 1, 1e-12);
  g_assert_cmpfloat (s->total_net.p10, ==, 176354.93289548927);
  g_assert_cmpfloat (s->total_net.p50, ==, 397643.93996236054);
  g_assert_cmpfloat (s->total_net.p90, ==, 645292.2507602344);
  g_assert_cmpfloat (s->cumulative_p50[0], ==, 397643.93996236054);
  g_assert_cmpfloat (s->pays_back, ==, 0.994);
  g_assert_cmpfloat (s->payback_probability[0], ==, 0.994);
  g_assert_false (s->compared);
}

static void
assert_same_results (const LgrUncertaintyResults *a, const LgrUncertaintyResults *b)
{
  g_assert_cmpuint (a->n_scenarios, ==, b->n_scenarios);
  for (guint s = 0; s < a->n_scenarios; s++)
    {
      const LgrUncertaintyScenario *x = &a->scenarios[s], *y = &b->scenarios[s];
      gsize n = a->n_years * sizeof (double);
      g_assert_cmpmem (x->cumulative_p10, n, y->cumulative_p10, n);
      g_assert_cmpmem (x->cumulative_p50, n, y->cumulative_p50, n);
      g_assert_cmpmem (x->cumulative_p90, n, y->cumulative_p90, n);
      g_assert_cmpmem (x->payback_probability, n, y->payback_probability, n);
      g_assert_cmpmem (&x->total_net, sizeof x->total_net, &y->total_net, sizeof y->total_net);
      g_assert_cmpmem (&x->npv, sizeof x->npv, &y->npv, sizeof y->npv);
      g_assert_cmpmem (&x->peak_funding, sizeof x->peak_funding, &y->peak_funding,
                       sizeof y->peak_funding);
      g_assert_cmpfloat (x->pays_back, ==, y->pays_back);
      g_assert_cmpfloat (x->ahead_probability, ==, y->ahead_probability);
      g_assert_cmpmem (&x->difference_total_net, sizeof x->difference_total_net,
                       &y->difference_total_net, sizeof y->difference_total_net);
    }
}

/* 1, 2 and 7 threads give identical figures. */
static void
test_threads_do_not_matter (void)
{
  g_autoptr (LgrStudy) study = load_uncertain ();
  g_autoptr (LgrUncertaintyModel) model = lgr_uncertainty_model_new (study);
  g_autoptr (LgrUncertaintyResults) one
      = lgr_uncertainty_run (model, 3001, 7, 1, NULL, NULL, NULL, NULL);
  g_autoptr (LgrUncertaintyResults) two
      = lgr_uncertainty_run (model, 3001, 7, 2, NULL, NULL, NULL, NULL);
  g_autoptr (LgrUncertaintyResults) seven
      = lgr_uncertainty_run (model, 3001, 7, 7, NULL, NULL, NULL, NULL);
  g_autoptr (LgrUncertaintyResults) other_seed
      = lgr_uncertainty_run (model, 3001, 8, 2, NULL, NULL, NULL, NULL);

  assert_same_results (one, two);
  assert_same_results (one, seven);
  g_assert_cmpfloat (one->scenarios[1].total_net.p50, !=, other_seed->scenarios[1].total_net.p50);
  /* sane figures: ordered percentiles, probabilities in [0, 1] */
  for (guint s = 0; s < one->n_scenarios; s++)
    {
      const LgrUncertaintyScenario *x = &one->scenarios[s];
      g_assert_cmpfloat (x->total_net.p10, <=, x->total_net.p50);
      g_assert_cmpfloat (x->total_net.p50, <=, x->total_net.p90);
      for (guint t = 0; t < one->n_years; t++)
        g_assert_cmpfloat (x->cumulative_p10[t], <=, x->cumulative_p90[t]);
      g_assert_cmpfloat (x->pays_back, >=, 0);
      g_assert_cmpfloat (x->pays_back, <=, 1);
    }
  {
    g_autofree char *sentence = lgr_uncertainty_results_ahead_sentence (one, 1);
    g_autofree char *expected
        = g_strdup_printf ("Two unitaries: ahead of One unitary in %g%% of 3,001 draws.",
                           round (one->scenarios[1].ahead_probability * 100));
    g_assert_cmpstr (sentence, ==, expected);
    g_assert_null (lgr_uncertainty_results_ahead_sentence (one, 0));
  }
  g_assert_true (one->scenarios[1].compared);
  g_assert_cmpfloat (one->scenarios[1].ahead_probability, >, 0);
  g_assert_cmpfloat (one->scenarios[1].ahead_probability, <, 1);
}

static void
test_quantities (void)
{
  g_autoptr (LgrStudy) study = load_uncertain ();
  g_autoptr (LgrUncertaintyModel) model = lgr_uncertainty_model_new (study);
  static const char *const keys[] = {
    "settings.benefit-realisation",     "one/lac/cohort.target",
    "driver:lac-cost/unit-cost.target", "one/lac/realisation.start",
    "one/transition/spread.total",      "two/settings.cost-contingency",
    "two/north-lac/cohort.target",      "two/south-lac/growth.cohort",
    "two/transition/spread.total",      "two/running/recurring.amount",
  };

  g_assert_cmpuint (lgr_uncertainty_model_get_n_quantities (model), ==, G_N_ELEMENTS (keys));
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    g_assert_cmpstr (lgr_uncertainty_model_get_quantity (model, k)->key, ==, keys[k]);
  g_assert_cmpstr (lgr_uncertainty_model_get_quantity (model, 1)->name, ==,
                   "Children looked after, County: target rate");
  g_assert_cmpstr (lgr_uncertainty_model_get_quantity (model, 2)->name, ==,
                   "Children looked after, County: target unit cost (linked)");
  g_assert_cmpstr (lgr_uncertainty_model_get_quantity (model, 4)->name, ==,
                   "Transition (One unitary): total");
  g_assert_true (lgr_uncertainty_model_get_quantity (model, 3)->whole);
  /* the driver's three members */
  g_assert_cmpuint (g_array_index (model->quantities, LgrModelQuantity, 2).n_members, ==, 3);

  /* a default range of 10%: every target, total and amount without a range of its own */
  study->default_range = 10;
  {
    g_autoptr (LgrUncertaintyModel) wider = lgr_uncertainty_model_new (study);
    const LgrQuantity *q = lgr_uncertainty_model_get_quantity (wider, 7);
    g_assert_cmpuint (lgr_uncertainty_model_get_n_quantities (wider), ==, G_N_ELEMENTS (keys) + 1);
    g_assert_cmpstr (q->key, ==, "two/south-lac/cohort.target");
    g_assert_cmpfloat_with_epsilon (q->low, 58 * 0.9, 1e-9);
    g_assert_cmpfloat_with_epsilon (q->high, 58 * 1.1, 1e-9);
  }
}

/* Names that repeat across scenarios carry their scenario's name, whatever the attribute. */
static void
test_names_repeated (void)
{
  g_autoptr (LgrStudy) study = load_uncertain ();
  LgrScenario *three = lgr_scenario_copy (g_ptr_array_index (study->scenarios, 1));
  g_autoptr (LgrUncertaintyModel) model = NULL;
  gboolean seen = FALSE;

  g_free (three->id);
  g_free (three->name);
  three->id = g_strdup ("three");
  three->name = g_strdup ("Three");
  g_ptr_array_add (study->scenarios, three);
  model = lgr_uncertainty_model_new (study);
  for (guint k = 0; k < lgr_uncertainty_model_get_n_quantities (model); k++)
    {
      const LgrQuantity *q = lgr_uncertainty_model_get_quantity (model, k);
      if (strcmp (q->key, "three/south-lac/growth.cohort") == 0)
        {
          g_assert_cmpstr (q->name, ==, "Children looked after, South (Three): cohort growth");
          seen = TRUE;
        }
      if (strcmp (q->key, "two/south-lac/growth.cohort") == 0)
        g_assert_cmpstr (q->name, ==,
                         "Children looked after, South (Two unitaries): cohort growth");
      if (strcmp (q->key, "one/lac/cohort.target") == 0) /* one of a kind */
        g_assert_cmpstr (q->name, ==, "Children looked after, County: target rate");
    }
  g_assert_true (seen);
}

static void
test_no_quantity (void)
{
  g_autofree char *plain = lgr_test_bundled_without_ranges ();
  g_autoptr (LgrStudy) study = lgr_test_load_string (plain);
  g_autoptr (LgrUncertaintyModel) model = lgr_uncertainty_model_new (study);
  g_autoptr (LgrUncertaintyResults) r
      = lgr_uncertainty_run (model, 10000, 1, 0, NULL, NULL, NULL, NULL);
  g_autoptr (LgrResults) central = lgr_results_compute (study);

  g_assert_cmpuint (lgr_uncertainty_model_get_n_quantities (model), ==, 0);
  g_assert_cmpuint (r->draws, ==, 0);
  for (guint s = 0; s < r->n_scenarios; s++)
    {
      g_assert_cmpfloat (r->scenarios[s].total_net.p10, ==, central->scenarios[s].total_net);
      g_assert_cmpfloat (r->scenarios[s].total_net.mean, ==, central->scenarios[s].total_net);
      g_assert_cmpfloat (r->scenarios[s].cumulative_p90[3], ==,
                         central->scenarios[s].cumulative[3]);
    }
}

typedef struct
{
  guint calls, last;
  GCancellable *cancel_after;
} Progress;

static void
on_progress (guint done, guint total, gpointer data)
{
  Progress *p = data;
  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, p->last);
  p->calls++;
  p->last = done;
  if (p->cancel_after != NULL)
    g_cancellable_cancel (p->cancel_after);
}

static void
test_progress_and_cancel (void)
{
  g_autoptr (LgrStudy) study = load_uncertain ();
  g_autoptr (LgrUncertaintyModel) model = lgr_uncertainty_model_new (study);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  Progress progress = { 0 };
  g_autoptr (LgrUncertaintyResults) r
      = lgr_uncertainty_run (model, 5000, 1, 2, NULL, on_progress, &progress, NULL);

  g_assert_nonnull (r);
  g_assert_cmpuint (progress.calls, >, 1);
  g_assert_cmpuint (progress.last, ==, 5000);

  progress = (Progress){ 0, 0, cancellable };
  g_assert_null (
      lgr_uncertainty_run (model, 100000, 1, 2, cancellable, on_progress, &progress, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
on_run_done (GObject *source, GAsyncResult *result, gpointer data)
{
  LgrUncertaintyResults **out = data;
  g_autoptr (GError) error = NULL;
  *out = lgr_uncertainty_run_finish (result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *)data != NULL;
}

/* Off the main thread, on a copy of the study the model owns: the same figures. */
static void
test_async (void)
{
  g_autoptr (LgrStudy) study = load_uncertain ();
  g_autoptr (LgrUncertaintyModel) model = lgr_uncertainty_model_new (study);
  g_autoptr (LgrUncertaintyModel) owning
      = lgr_uncertainty_model_new_owning (lgr_study_copy (study));
  g_autoptr (LgrUncertaintyResults) sync
      = lgr_uncertainty_run (model, 2000, 3, 1, NULL, NULL, NULL, NULL);
  g_autoptr (LgrUncertaintyResults) async = NULL;

  lgr_uncertainty_run_async (owning, 2000, 3, NULL, on_run_done, &async);
  g_assert_true (lgr_test_wait_until (is_set, &async));
  assert_same_results (sync, async);
}

/* The tornado and the switching values */

static void
test_sensitivity (void)
{
  g_autoptr (LgrStudy) study = load_uncertain ();
  g_autoptr (LgrUncertaintyModel) model = lgr_uncertainty_model_new (study);
  g_autoptr (LgrSensitivity) sensitivity = lgr_sensitivity_compute (model);
  g_autoptr (LgrResults) central = lgr_results_compute (study);

  g_assert_cmpstr (sensitivity->metric, ==, "total_net(two) - total_net(one)");
  g_assert_cmpfloat (sensitivity->central, ==,
                     central->scenarios[1].total_net - central->scenarios[0].total_net);
  g_assert_cmpuint (sensitivity->n_rows, ==, lgr_uncertainty_model_get_n_quantities (model));
  for (guint i = 1; i < sensitivity->n_rows; i++)
    {
      const LgrSensitivityRow *a = &sensitivity->rows[i - 1], *b = &sensitivity->rows[i];
      double wa = fabs (a->metric_high - a->metric_low), wb = fabs (b->metric_high - b->metric_low);
      g_assert_true (wa > wb || (wa == wb && a->quantity < b->quantity));
    }
  /* one row checked against the model with the quantity moved by hand */
  for (guint i = 0; i < sensitivity->n_rows; i++)
    if (strcmp (sensitivity->rows[i].q->key, "two/running/recurring.amount") == 0)
      {
        g_autoptr (LgrStudy) low = lgr_study_copy (study);
        LgrScenario *two = g_ptr_array_index (low->scenarios, 1);
        ((LgrItem *)g_ptr_array_index (two->items, 1))->amount = 2e6;
        g_autoptr (LgrResults) r = lgr_results_compute (low);
        g_assert_cmpfloat (sensitivity->rows[i].scenarios[1].total_net_low, ==,
                           r->scenarios[1].total_net);
        g_assert_cmpfloat (sensitivity->rows[i].metric_low, ==,
                           r->scenarios[1].total_net - r->scenarios[0].total_net);
        g_assert_false (sensitivity->rows[i].scenarios[0].compared);
      }
}

/* A switching value, put back into the study, makes the difference 0 (it is linear). */
static void
test_switching_value_by_substitution (void)
{
  g_autoptr (LgrStudy) study = load_uncertain ();
  g_autoptr (LgrUncertaintyModel) model = lgr_uncertainty_model_new (study);
  g_autoptr (LgrSensitivity) sensitivity = lgr_sensitivity_compute (model);
  gboolean seen_target = FALSE, seen_null = FALSE;

  for (guint i = 0; i < sensitivity->n_switching; i++)
    {
      const LgrSwitchingValue *v = &sensitivity->switching[i];
      if (strcmp (v->input, "two/running/recurring.amount") == 0)
        {
          g_autoptr (LgrStudy) changed = lgr_study_copy (study);
          LgrScenario *two = g_ptr_array_index (changed->scenarios, 1);
          g_assert_true (v->has_value);
          ((LgrItem *)g_ptr_array_index (two->items, 1))->amount = v->value;
          g_autoptr (LgrResults) r = lgr_results_compute (changed);
          g_assert_cmpfloat (fabs (r->scenarios[1].total_net - r->scenarios[0].total_net), <,
                             1e-6 * fabs (r->scenarios[0].total_net) + 1e-3);
          seen_target = TRUE;
        }
      if (strcmp (v->input, "one/lac/growth.cohort") == 0)
        g_assert_not_reached (); /* growth is not an input of switching values */
      if (!v->has_value)
        seen_null = TRUE;
    }
  g_assert_true (seen_target);
  (void)seen_null;
}

/* Studies of every shape (random ones, with their ranges and a default range): the Monte Carlo
 * and the sensitivity run, percentiles are in order and probabilities between 0 and 1. */
static void
test_random_studies (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (5);
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr (LgrStudy) study = lgr_test_random_study (rand, 1 + i % 3, i % 5, i % 7, 1 + i);
      study->default_range = i % 2 ? 10 : 0;
      study->discount_rate = 3.5; /* not -100%, whose NPV is not a number */
      g_autoptr (LgrUncertaintyModel) model = lgr_uncertainty_model_new (study);
      g_autoptr (LgrUncertaintyResults) r
          = lgr_uncertainty_run (model, 300, i, 1 + i % 3, NULL, NULL, NULL, NULL);
      g_autoptr (LgrSensitivity) sensitivity = lgr_sensitivity_compute (model);

      g_assert_nonnull (r);
      g_assert_cmpuint (sensitivity->n_rows, ==, lgr_uncertainty_model_get_n_quantities (model));
      for (guint s = 0; s < r->n_scenarios; s++)
        {
          const LgrUncertaintyScenario *x = &r->scenarios[s];
          g_assert_cmpfloat (x->total_net.p10, <=, x->total_net.p90);
          g_assert_cmpfloat (x->peak_funding.p10, >=, 0);
          for (guint t = 0; t < r->n_years; t++)
            {
              g_assert_cmpfloat (x->cumulative_p10[t], <=, x->cumulative_p50[t]);
              g_assert_cmpfloat (x->cumulative_p50[t], <=, x->cumulative_p90[t]);
              g_assert_cmpfloat (x->payback_probability[t], <=, x->pays_back);
            }
          g_assert_cmpfloat (x->pays_back, <=, 1);
        }
    }
}

/* Converting a lever's period or basis converts its ranges with it. */
static void
test_conversions_keep_ranges (void)
{
  g_autoptr (LgrStudy) study = load_uncertain ();
  LgrScenario *one = g_ptr_array_index (study->scenarios, 0);
  LgrLever *lac = g_ptr_array_index (one->levers, 0);
  const LgrAuthority *county = g_ptr_array_index (one->authorities, 0);

  lgr_lever_convert_period (lac, LGR_UNIT_PERIOD_YEAR, study->weeks_per_year);
  g_assert_cmpfloat (lac->unit_cost_target_range.low, ==, 1500 * 52);
  g_assert_cmpfloat (lac->unit_cost_target_range.high, ==, 1700 * 52);
  g_assert_true (lgr_lever_validate (lac, one, NULL));
  g_assert_true (lgr_lever_convert_basis (lac, LGR_COHORT_BASIS_COUNT, county, NULL));
  g_assert_cmpfloat_with_epsilon (lac->cohort_target_range.low, 55 * 120000 / 10000.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (lac->cohort_target_range.high, 68 * 120000 / 10000.0, 1e-9);
  g_assert_true (lgr_lever_validate (lac, one, NULL));
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
  g_test_add_func ("/core/uncertainty/conversions-keep-ranges", test_conversions_keep_ranges);
  g_test_add_func ("/core/uncertainty/uniform-numbers", test_uniform_numbers);
  g_test_add_func ("/core/uncertainty/percentiles", test_percentiles);
  g_test_add_func ("/core/uncertainty/central-draw-is-the-model", test_central_draw_is_the_model);
  g_test_add_func ("/core/uncertainty/two-quantities", test_two_quantities);
  g_test_add_func ("/core/uncertainty/threads-do-not-matter", test_threads_do_not_matter);
  g_test_add_func ("/core/uncertainty/quantities", test_quantities);
  g_test_add_func ("/core/uncertainty/names-repeated", test_names_repeated);
  g_test_add_func ("/core/uncertainty/no-quantity", test_no_quantity);
  g_test_add_func ("/core/uncertainty/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/core/uncertainty/async", test_async);
  g_test_add_func ("/core/uncertainty/random-studies", test_random_studies);
  g_test_add_func ("/core/uncertainty/sensitivity", test_sensitivity);
  g_test_add_func ("/core/uncertainty/switching-value-by-substitution",
                   test_switching_value_by_substitution);
  return g_test_run ();
}
