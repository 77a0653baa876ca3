/* test-document-ranges.c: the document's edits of one input's range and link
 * (src/core/lgr-document-ranges.c) on the bundled study: one undo step each, a bound on the
 * wrong side refused with the loader's words, links that follow the file format's drivers, and
 * the central figures untouched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "lgr-document-ranges.h"
#include "lgr-study-io.h"
#include "lgr-test-util.h"
#include "lgr-uncertainty.h"

static LgrDocument *
bundled (void)
{
  g_autoptr (GError) error = NULL;
  LgrDocument *document = lgr_document_new_bundled (&error);
  g_assert_no_error (error);
  return document;
}

static const LgrLever *
lever (LgrDocument *document, const char *scenario, const char *id)
{
  const LgrScenario *s = lgr_study_find_scenario (lgr_document_get_study (document), scenario);
  g_assert_nonnull (s);
  return lgr_scenario_find_lever (s, id);
}

static const LgrItem *
item (LgrDocument *document, const char *scenario, const char *id)
{
  const LgrScenario *s = lgr_study_find_scenario (lgr_document_get_study (document), scenario);
  g_assert_nonnull (s);
  return lgr_scenario_find_item (s, id);
}

static guint
n_quantities (LgrDocument *document)
{
  g_autoptr (LgrUncertaintyModel) model
      = lgr_uncertainty_model_new (lgr_document_get_study (document));
  return lgr_uncertainty_model_get_n_quantities (model);
}

static double
total_net (LgrDocument *document, const char *scenario)
{
  const LgrScenarioResult *result
      = lgr_results_find (lgr_document_get_results (document), scenario);
  g_assert_nonnull (result);
  return result->total_net;
}

static void
test_set_and_undo (void)
{
  g_autoptr (LgrDocument) document = bundled ();
  g_autoptr (GError) error = NULL;
  double one = total_net (document, "one"), two = total_net (document, "two");
  LgrRangeInfo info;

  g_assert_true (lgr_range_info_get (lgr_document_get_study (document), "two", "north-lac",
                                     LGR_RANGED_COHORT_TARGET, &info));
  g_assert_true (info.applies && info.has_range);
  g_assert_cmpfloat (info.low, ==, 55);
  g_assert_cmpfloat (info.high, ==, 64);
  g_assert_cmpfloat (info.central, ==, 55);

  g_assert_true (lgr_document_set_range (document, "two", "north-lac", LGR_RANGED_COHORT_TARGET, 50,
                                         70, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (lever (document, "two", "north-lac")->cohort_target_range.low, ==, 50);
  g_assert_cmpfloat (lever (document, "two", "north-lac")->cohort_target_range.high, ==, 70);
  g_assert_cmpstr (lgr_document_get_undo_label (document), ==,
                   "Change the range of “Children looked after”");
  /* A range moves no central figure. */
  g_assert_cmpfloat (total_net (document, "one"), ==, one);
  g_assert_cmpfloat (total_net (document, "two"), ==, two);

  /* One step back gives the range the file had. */
  g_assert_true (lgr_document_undo (document));
  g_assert_false (lgr_document_can_undo (document));
  g_assert_cmpfloat (lever (document, "two", "north-lac")->cohort_target_range.low, ==, 55);
  g_assert_cmpfloat (lever (document, "two", "north-lac")->cohort_target_range.high, ==, 64);
  g_assert_true (
      lgr_study_equal (lgr_document_get_study (document), lgr_document_get_saved_study (document)));
}

static void
test_wrong_side (void)
{
  g_autoptr (LgrDocument) document = bundled ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) loader_error = NULL;
  g_autoptr (LgrStudy) loaded = NULL;
  g_autoptr (GBytes) bytes = lgr_study_bundled_bytes ();
  g_autofree char *xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *wrong = NULL;
  g_auto (GStrv) parts = NULL;

  g_assert_false (lgr_document_set_range (document, "two", "north-lac", LGR_RANGED_COHORT_TARGET,
                                          58, 64, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "target-low 58 is above the target 55");
  g_assert_false (lgr_document_can_undo (document));
  g_assert_cmpfloat (lever (document, "two", "north-lac")->cohort_target_range.low, ==, 55);

  /* The loader says the same of the same range in a file. */
  parts = g_strsplit (xml, "target=\"55\" target-low=\"55\"", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  wrong = g_strjoinv ("target=\"55\" target-low=\"58\"", parts);
  loaded = lgr_study_load_data (wrong, strlen (wrong), "wrong.lgr", &loader_error);
  g_assert_null (loaded);
  g_assert_nonnull (strstr (loader_error->message, error->message));

  g_clear_error (&error);
  g_assert_false (lgr_document_set_range (document, "two", "north-lac", LGR_RANGED_UNIT_COST_TARGET,
                                          1500, 1560, &error));
  g_assert_cmpstr (error->message, ==, "target-high 1560 is below the target 1570");

  /* A start year must be a whole year, as in a file. */
  g_clear_error (&error);
  g_assert_false (lgr_document_set_range (document, "two", "north-lac",
                                          LGR_RANGED_REALISATION_START, 2027.5, 2030, &error));
  g_assert_nonnull (error);
  g_assert_false (lgr_document_can_undo (document));
}

static void
test_start_year (void)
{
  g_autoptr (LgrDocument) document = bundled ();
  g_autoptr (GError) error = NULL;
  double two = total_net (document, "two");
  const LgrLever *l;

  g_assert_true (lgr_document_set_range (document, "two", "north-lac", LGR_RANGED_REALISATION_START,
                                         2028, 2030, &error));
  g_assert_no_error (error);
  l = lever (document, "two", "north-lac");
  g_assert_true (l->has_realisation_start);
  g_assert_cmpint (l->realisation_start, ==, 2028);
  g_assert_cmpint (l->realisation_start_range.low, ==, 2028);
  g_assert_cmpint (l->realisation_start_range.high, ==, 2030);
  g_assert_cmpfloat (total_net (document, "two"), ==, two);

  /* Growth: one element, one driver for both of its numbers. */
  g_assert_true (lgr_document_set_range (document, "two", "north-lac", LGR_RANGED_GROWTH_COHORT, -1,
                                         2, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (lever (document, "two", "north-lac")->growth_cohort_range.high, ==, 2);
}

static void
test_clear (void)
{
  g_autoptr (LgrDocument) document = bundled ();
  g_autoptr (GError) error = NULL;

  /* North's and South's weekly costs share the driver lac-weekly-cost. */
  g_assert_cmpstr (lever (document, "two", "south-lac")->unit_cost_driver, ==, "lac-weekly-cost");
  g_assert_true (
      lgr_document_clear_range (document, "two", "south-lac", LGR_RANGED_UNIT_COST_TARGET, &error));
  g_assert_no_error (error);
  g_assert_false (lever (document, "two", "south-lac")->unit_cost_target_range.has_low);
  g_assert_null (lever (document, "two", "south-lac")->unit_cost_driver);
  /* North is left alone on the driver, so it is no link any more. */
  g_assert_null (lever (document, "two", "north-lac")->unit_cost_driver);
  g_assert_cmpstr (lgr_document_get_undo_label (document), ==,
                   "Clear the range of “Children looked after”");

  g_assert_true (lgr_document_undo (document));
  g_assert_cmpstr (lever (document, "two", "south-lac")->unit_cost_driver, ==, "lac-weekly-cost");
  g_assert_cmpstr (lever (document, "two", "north-lac")->unit_cost_driver, ==, "lac-weekly-cost");
  g_assert_false (lgr_document_can_undo (document));
}

static void
test_link (void)
{
  g_autoptr (LgrDocument) document = bundled ();
  g_autoptr (GError) error = NULL;
  g_autofree char *names = NULL;
  LgrRangeInfo info;
  guint before, after;

  /* One unitary's weekly cost: not linked; linking joins the existing link of Two's councils. */
  g_assert_true (lgr_range_info_get (lgr_document_get_study (document), "one", "lac",
                                     LGR_RANGED_UNIT_COST_TARGET, &info));
  g_assert_null (info.driver);
  g_assert_false (info.linked);
  g_assert_cmpuint (lgr_range_count_links (lgr_document_get_study (document), "one", "lac",
                                           LGR_RANGED_UNIT_COST_TARGET, TRUE),
                    ==, 0);
  g_assert_cmpuint (lgr_range_count_links (lgr_document_get_study (document), "one", "lac",
                                           LGR_RANGED_UNIT_COST_TARGET, FALSE),
                    ==, 2);
  names = lgr_range_describe_links (lgr_document_get_study (document), "one", "lac",
                                    LGR_RANGED_UNIT_COST_TARGET, FALSE);
  g_assert_cmpstr (names, ==,
                   "Two unitaries (North Warwickshire Council)\n"
                   "Two unitaries (South Warwickshire Council)");

  before = n_quantities (document);
  g_assert_true (lgr_document_set_range_linked (document, "one", "lac", LGR_RANGED_UNIT_COST_TARGET,
                                                TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lever (document, "one", "lac")->unit_cost_driver, ==, "lac-weekly-cost");
  g_assert_cmpstr (lever (document, "two", "north-lac")->unit_cost_driver, ==, "lac-weekly-cost");
  after = n_quantities (document);
  g_assert_cmpuint (after, ==, before - 1);
  g_assert_true (lgr_range_info_get (lgr_document_get_study (document), "one", "lac",
                                     LGR_RANGED_UNIT_COST_TARGET, &info));
  g_assert_true (info.linked);
  g_assert_cmpuint (lgr_range_count_links (lgr_document_get_study (document), "one", "lac",
                                           LGR_RANGED_UNIT_COST_TARGET, TRUE),
                    ==, 2);
  g_assert_true (lgr_study_validate (lgr_document_get_study (document), NULL, NULL));
  g_assert_true (lgr_document_undo (document));
  g_assert_null (lever (document, "one", "lac")->unit_cost_driver);

  /* No cohort target is linked yet: a new driver, named after the lever, on all three. */
  g_assert_true (lgr_document_set_range_linked (document, "two", "north-lac",
                                                LGR_RANGED_COHORT_TARGET, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lever (document, "two", "north-lac")->cohort_driver, ==, "north-lac-cohort");
  g_assert_cmpstr (lever (document, "two", "south-lac")->cohort_driver, ==, "north-lac-cohort");
  g_assert_cmpstr (lever (document, "one", "lac")->cohort_driver, ==, "north-lac-cohort");
  g_assert_cmpstr (lgr_document_get_undo_label (document), ==,
                   "Link the range of “Children looked after” across scenarios");

  /* Unlinking one of three leaves the other two linked. */
  g_assert_true (lgr_document_set_range_linked (document, "one", "lac", LGR_RANGED_COHORT_TARGET,
                                                FALSE, &error));
  g_assert_null (lever (document, "one", "lac")->cohort_driver);
  g_assert_cmpstr (lever (document, "two", "south-lac")->cohort_driver, ==, "north-lac-cohort");
  /* And one of two, both. */
  g_assert_true (lgr_document_set_range_linked (document, "two", "south-lac",
                                                LGR_RANGED_COHORT_TARGET, FALSE, &error));
  g_assert_null (lever (document, "two", "north-lac")->cohort_driver);
  g_assert_null (lever (document, "two", "south-lac")->cohort_driver);

  /* Items: Two's aggregation savings and One's (no range there) are not linkable. */
  g_assert_false (lgr_document_set_range_linked (document, "two", "aggregation",
                                                 LGR_RANGED_ITEM_VALUE, TRUE, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (lgr_document_set_range (document, "one", "aggregation", LGR_RANGED_ITEM_VALUE,
                                         15000000, 20000000, &error));
  g_assert_true (lgr_document_set_range_linked (document, "two", "aggregation",
                                                LGR_RANGED_ITEM_VALUE, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (item (document, "one", "aggregation")->driver, ==, "aggregation-amount");
}

static void
test_refusals (void)
{
  g_autoptr (LgrDocument) document = bundled ();
  g_autoptr (GError) error = NULL;
  LgrRangeInfo info;

  /* Without a range there is nothing to link. */
  g_assert_false (lgr_document_set_range_linked (document, "one", "asc-wa",
                                                 LGR_RANGED_COHORT_TARGET, TRUE, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_clear_error (&error);

  /* A cohort counted another way is not linked with a rate. */
  g_assert_true (
      lgr_document_set_lever_basis (document, "two", "south-lac", LGR_COHORT_BASIS_COUNT, &error));
  g_assert_true (lgr_document_set_range_linked (document, "two", "north-lac",
                                                LGR_RANGED_COHORT_TARGET, TRUE, &error));
  g_assert_no_error (error);
  g_assert_null (lever (document, "two", "south-lac")->cohort_driver);
  g_assert_cmpstr (lever (document, "one", "lac")->cohort_driver, ==, "north-lac-cohort");

  /* No such input, or an item of values per year. */
  g_assert_false (lgr_range_info_get (lgr_document_get_study (document), "two", "nothing",
                                      LGR_RANGED_COHORT_TARGET, &info));
  g_assert_false (
      lgr_document_set_range (document, "two", "nothing", LGR_RANGED_COHORT_TARGET, 1, 2, &error));
  g_assert_nonnull (error);
}

static void
test_default_range (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  LgrRangeInfo info;

  study->default_range = 10;
  /* One's aggregation savings have no range of their own: the study's applies. */
  g_assert_true (lgr_range_info_get (study, "one", "aggregation", LGR_RANGED_ITEM_VALUE, &info));
  g_assert_false (info.has_range);
  g_assert_cmpfloat (info.default_range, ==, 10);
  g_assert_true (lgr_range_info_get (study, "two", "aggregation", LGR_RANGED_ITEM_VALUE, &info));
  g_assert_cmpfloat (info.default_range, ==, 0);
  /* Growth takes no default range. */
  g_assert_true (lgr_range_info_get (study, "one", "lac", LGR_RANGED_GROWTH_COHORT, &info));
  g_assert_cmpfloat (info.default_range, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/document-ranges/set-and-undo", test_set_and_undo);
  g_test_add_func ("/core/document-ranges/wrong-side", test_wrong_side);
  g_test_add_func ("/core/document-ranges/start-year", test_start_year);
  g_test_add_func ("/core/document-ranges/clear", test_clear);
  g_test_add_func ("/core/document-ranges/link", test_link);
  g_test_add_func ("/core/document-ranges/refusals", test_refusals);
  g_test_add_func ("/core/document-ranges/default-range", test_default_range);
  return g_test_run ();
}
