/* test-document.c: the open study without a display - edits, validation, undo and redo,
 * merging a slider drag, revert, saving. */
#include <glib/gstdio.h>
#include <string.h>

#include "lgr-document.h"
#include "lgr-rules.h"
#include "lgr-study-io.h"
#include "lgr-test-util.h"

static LgrDocument *
new_bundled_document (void)
{
  g_autoptr (GError) error = NULL;
  LgrDocument *document = lgr_document_new_bundled (&error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static LgrLever *
copy_lever (LgrDocument *document, const char *scenario_id, const char *lever_id)
{
  const LgrScenario *scenario
      = lgr_study_find_scenario (lgr_document_get_study (document), scenario_id);
  g_assert_nonnull (scenario);
  g_assert_nonnull (lgr_scenario_find_lever (scenario, lever_id));
  return lgr_lever_copy (lgr_scenario_find_lever (scenario, lever_id));
}

static const LgrLever *
find_lever (LgrDocument *document, const char *scenario_id, const char *lever_id)
{
  return lgr_scenario_find_lever (
      lgr_study_find_scenario (lgr_document_get_study (document), scenario_id), lever_id);
}

static double
cumulative_end (LgrDocument *document, const char *scenario_id)
{
  const LgrResults *results = lgr_document_get_results (document);
  const LgrScenarioResult *r = lgr_results_find (results, scenario_id);
  g_assert_nonnull (r);
  return r->cumulative[results->n_years - 1];
}

/* A target moved below its range widens the range (one step, undone with it); a range edited
 * onto the wrong side of an unchanged target is still refused. */
static void
test_edit_stretches_range (void)
{
  g_autoptr (LgrDocument) document = new_bundled_document ();
  g_autoptr (LgrLever) lever = copy_lever (document, "two", "north-lac");
  g_autoptr (LgrLever) wrong = NULL;
  g_autoptr (GError) error = NULL;
  const LgrLever *now;

  g_assert_cmpfloat (lever->cohort_target_range.low, ==, 55);
  lever->cohort_target = 50;
  g_assert_true (lgr_document_set_lever (document, "two", lever, NULL, &error));
  g_assert_no_error (error);
  now = lgr_scenario_find_lever (lgr_study_find_scenario (lgr_document_get_study (document), "two"),
                                 "north-lac");
  g_assert_cmpfloat (now->cohort_target_range.low, ==, 50);
  g_assert_cmpfloat (now->cohort_target_range.high, ==, 64);
  g_assert_true (lgr_document_undo (document));
  now = lgr_scenario_find_lever (lgr_study_find_scenario (lgr_document_get_study (document), "two"),
                                 "north-lac");
  g_assert_cmpfloat (now->cohort_target_range.low, ==, 55);

  wrong = lgr_lever_copy (now);
  wrong->cohort_target_range.low = 58;
  g_assert_false (lgr_document_set_lever (document, "two", wrong, NULL, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
}

/* "Changed since the source": a target edited after its note remembers what the note was
 * written for, in the file too; back to that value, or the note edited, it is forgotten. */
static void
test_stale_source (void)
{
  g_autoptr (LgrDocument) document = new_bundled_document ();
  g_autoptr (LgrLever) lever = copy_lever (document, "one", "lac");
  g_autoptr (LgrStudy) reloaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = NULL;
  const LgrLever *now;

  g_assert_false (lever->has_source_target);
  lever->cohort_target = 50;
  g_assert_true (lgr_document_set_lever (document, "one", lever, NULL, &error));
  lever->cohort_target = 52; /* a second change: still written for 64 */
  g_assert_true (lgr_document_set_lever (document, "one", lever, NULL, &error));
  now = lgr_scenario_find_lever (lgr_study_find_scenario (lgr_document_get_study (document), "one"),
                                 "lac");
  g_assert_true (now->has_source_target);
  g_assert_cmpfloat (now->source_target, ==, 64);
  g_assert_false (now->has_source_unit_cost);

  xml = lgr_study_to_xml (lgr_document_get_study (document), NULL);
  g_assert_nonnull (strstr (xml, "<source checked-target=\"64\">"));
  reloaded = lgr_study_load_data (xml, strlen (xml), "stale.lgr", &error);
  g_assert_no_error (error);
  g_assert_true (lgr_study_equal (reloaded, lgr_document_get_study (document)));

  g_clear_pointer (&lever, lgr_lever_free);
  lever = lgr_lever_copy (now);
  lever->cohort_target = 64;
  g_assert_true (lgr_document_set_lever (document, "one", lever, NULL, &error));
  now = lgr_scenario_find_lever (lgr_study_find_scenario (lgr_document_get_study (document), "one"),
                                 "lac");
  g_assert_false (now->has_source_target);

  g_clear_pointer (&lever, lgr_lever_free);
  lever = lgr_lever_copy (now);
  lever->cohort_target = 50;
  g_assert_true (lgr_document_set_lever (document, "one", lever, NULL, &error));
  g_clear_pointer (&lever, lgr_lever_free);
  lever = copy_lever (document, "one", "lac");
  g_assert_true (lever->has_source_target);
  g_free (lever->source);
  lever->source = g_strdup ("Rewritten for a target of 50.");
  g_assert_true (lgr_document_set_lever (document, "one", lever, NULL, &error));
  now = lgr_scenario_find_lever (lgr_study_find_scenario (lgr_document_get_study (document), "one"),
                                 "lac");
  g_assert_false (now->has_source_target);
  g_assert_no_error (error);
}

static const LgrAuthority *
authority_of (LgrDocument *document, const char *scenario_id, const char *authority_id)
{
  const LgrScenario *scenario
      = lgr_study_find_scenario (lgr_document_get_study (document), scenario_id);
  g_assert_nonnull (scenario);
  g_assert_nonnull (lgr_scenario_find_authority (scenario, authority_id));
  return lgr_scenario_find_authority (scenario, authority_id);
}

/* The same for an authority's populations: the note written, then the population changed,
 * remembers what it was written for; confirmed (marks cleared, values kept) it is forgotten. */
static void
test_stale_authority_source (void)
{
  g_autoptr (LgrDocument) document = new_bundled_document ();
  g_autoptr (LgrAuthority) authority = NULL;
  g_autoptr (LgrStudy) reloaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = NULL;
  const LgrAuthority *now;

  authority = lgr_authority_copy (authority_of (document, "two", "north"));
  g_free (authority->source);
  authority->source = g_strdup ("Office for National Statistics, mid-year estimates.");
  authority->has_source_population = TRUE; /* an edited note drops any mark */
  authority->source_population = 1;
  g_assert_true (lgr_document_set_authority (document, "two", authority, NULL, &error));
  now = authority_of (document, "two", "north");
  g_assert_cmpstr (now->source, ==, "Office for National Statistics, mid-year estimates.");
  g_assert_false (now->has_source_population);

  g_clear_pointer (&authority, lgr_authority_free);
  authority = lgr_authority_copy (now);
  authority->population = 320000;
  authority->child_population = 67000;
  g_assert_true (lgr_document_set_authority (document, "two", authority, NULL, &error));
  authority->population = 321000; /* still written for the first */
  g_assert_true (lgr_document_set_authority (document, "two", authority, NULL, &error));
  now = authority_of (document, "two", "north");
  g_assert_true (now->has_source_population);
  g_assert_cmpfloat (now->source_population, ==, 313600);
  g_assert_true (now->has_source_child_population);
  g_assert_cmpfloat (now->source_child_population, ==, 66100);

  xml = lgr_study_to_xml (lgr_document_get_study (document), NULL);
  g_assert_nonnull (strstr (xml, "<source checked-population=\"313600\" "
                                 "checked-child-population=\"66100\">Office for National"));
  reloaded = lgr_study_load_data (xml, strlen (xml), "stale.lgr", &error);
  g_assert_no_error (error);
  g_assert_true (lgr_study_equal (reloaded, lgr_document_get_study (document)));

  /* the child population back to its value: that mark goes, the other stays */
  g_clear_pointer (&authority, lgr_authority_free);
  authority = lgr_authority_copy (now);
  authority->child_population = 66100;
  g_assert_true (lgr_document_set_authority (document, "two", authority, NULL, &error));
  now = authority_of (document, "two", "north");
  g_assert_true (now->has_source_population);
  g_assert_false (now->has_source_child_population);

  /* Still True: the marks cleared with the values as they are, one undo step */
  g_clear_pointer (&authority, lgr_authority_free);
  authority = lgr_authority_copy (now);
  authority->has_source_population = FALSE;
  g_assert_true (lgr_document_set_authority (document, "two", authority, NULL, &error));
  g_assert_false (authority_of (document, "two", "north")->has_source_population);
  g_assert_true (lgr_document_undo (document));
  g_assert_true (authority_of (document, "two", "north")->has_source_population);

  /* a mark without a note is refused */
  g_clear_pointer (&authority, lgr_authority_free);
  authority = lgr_authority_copy (authority_of (document, "two", "south"));
  g_clear_pointer (&authority->source, g_free);
  authority->has_source_population = TRUE;
  g_assert_false (lgr_authority_validate (authority, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
}

/* The study's and a scenario's description and the benchmarks' source: one undo step each,
 * trimmed, blank removes; unchanged text is no step; too long is refused with a message. */
static void
test_notes (void)
{
  g_autoptr (LgrDocument) document = new_bundled_document ();
  g_autoptr (GError) error = NULL;
  g_autofree char *had = g_strdup (lgr_document_get_study (document)->description);
  g_autofree char *long_text = g_strnfill (10001, 'x');
  const LgrStudy *study;

  g_assert_true (lgr_document_set_study_description (document, "  Two lines\nof text.\n", &error));
  g_assert_no_error (error);
  study = lgr_document_get_study (document);
  g_assert_cmpstr (study->description, ==, "Two lines\nof text.");
  g_assert_cmpstr (lgr_document_get_undo_label (document), ==, "Change the study’s description");
  g_assert_true (lgr_document_undo (document));
  g_assert_cmpstr (lgr_document_get_study (document)->description, ==, had);
  g_assert_false (lgr_document_can_undo (document));

  g_assert_true (lgr_document_set_scenario_description (document, "two", "Two councils.", &error));
  g_assert_cmpstr (lgr_study_find_scenario (lgr_document_get_study (document), "two")->description,
                   ==, "Two councils.");
  g_assert_true (
      lgr_document_set_scenario_description (document, "two", " Two councils. ", &error));
  g_assert_true (lgr_document_undo (document));
  g_assert_false (lgr_document_can_undo (document)); /* the unchanged text was no step */
  g_assert_false (lgr_document_set_scenario_description (document, "nowhere", "x", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (lgr_document_set_benchmarks_source (document, "CIPFA, 2024", &error));
  g_assert_cmpstr (lgr_document_get_study (document)->benchmarks_source, ==, "CIPFA, 2024");
  g_assert_true (lgr_document_set_benchmarks_source (document, "  ", &error));
  g_assert_null (lgr_document_get_study (document)->benchmarks_source);
  g_assert_true (lgr_document_undo (document));
  g_assert_cmpstr (lgr_document_get_study (document)->benchmarks_source, ==, "CIPFA, 2024");

  g_assert_false (lgr_document_set_study_description (document, long_text, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_assert_cmpstr (lgr_document_get_study (document)->description, ==, had);
}

static void
count_changed (LgrDocument *document, guint *count)
{
  (*count)++;
}

static void
test_edit_undo_redo (void)
{
  g_autoptr (LgrDocument) document = new_bundled_document ();
  g_autoptr (LgrStudy) original = lgr_study_copy (lgr_document_get_study (document));
  g_autoptr (LgrLever) lever = copy_lever (document, "two", "north-lac");
  g_autoptr (LgrStudy) expected_study = NULL;
  g_autoptr (LgrResults) expected = NULL;
  g_autoptr (GError) error = NULL;
  double before = cumulative_end (document, "two");
  guint changed = 0;

  g_signal_connect (document, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_false (lgr_document_get_modified (document));
  g_assert_false (lgr_document_can_undo (document));

  lever->cohort_target = 65;
  g_assert_true (lgr_document_set_lever (document, "two", lever, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (lgr_document_get_modified (document));
  g_assert_true (lgr_document_can_undo (document));
  g_assert_cmpstr (lgr_document_get_undo_label (document), ==, "Change “Children looked after”");

  /* The results are those the core computes for the same edit. */
  expected_study = lgr_study_copy (original);
  lgr_test_set_cohort_target (
      lgr_scenario_find_lever (lgr_study_find_scenario (expected_study, "two"), "north-lac"), 65);
  expected = lgr_results_compute (expected_study);
  g_assert_cmpfloat (cumulative_end (document, "two"), ==,
                     lgr_results_find (expected, "two")->cumulative[expected->n_years - 1]);
  g_assert_cmpfloat (cumulative_end (document, "two"), <, before);

  g_assert_true (lgr_document_undo (document));
  g_assert_true (lgr_study_equal (lgr_document_get_study (document), original));
  g_assert_cmpfloat (cumulative_end (document, "two"), ==, before);
  g_assert_false (lgr_document_get_modified (document));
  g_assert_true (lgr_document_can_redo (document));
  g_assert_false (lgr_document_undo (document));

  g_assert_true (lgr_document_redo (document));
  g_assert_true (lgr_study_equal (lgr_document_get_study (document), expected_study));
  g_assert_true (lgr_document_get_modified (document));
  g_assert_false (lgr_document_can_redo (document));
  g_assert_cmpuint (changed, ==, 3);
}

static void
test_refused (void)
{
  g_autoptr (LgrDocument) document = new_bundled_document ();
  g_autoptr (LgrStudy) original = lgr_study_copy (lgr_document_get_study (document));
  g_autoptr (LgrLever) lever = copy_lever (document, "two", "north-lac");
  g_autoptr (GError) error = NULL;

  lever->cohort_target = 12000; /* a rate per 10,000 children */
  g_assert_false (lgr_document_set_lever (document, "two", lever, NULL, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "12000"));
  g_assert_true (lgr_study_equal (lgr_document_get_study (document), original));
  g_assert_false (lgr_document_can_undo (document));
  g_assert_false (lgr_document_get_modified (document));
  g_clear_error (&error);

  g_assert_false (lgr_document_rename_scenario (document, "two", "   ", &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (lgr_document_set_scenario_colour (document, "two", "blue", &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (lgr_document_set_lever (document, "nowhere", lever, NULL, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_assert_true (lgr_study_equal (lgr_document_get_study (document), original));
  g_assert_false (lgr_document_can_undo (document));
}

static void
test_merge_drag (void)
{
  g_autoptr (LgrDocument) document = new_bundled_document ();
  g_autoptr (LgrStudy) original = lgr_study_copy (lgr_document_get_study (document));
  g_autoptr (LgrLever) lever = copy_lever (document, "two", "north-lac");

  /* A drag: many values, one step. */
  for (double v = 70; v >= 50; v -= 2)
    {
      lever->cohort_target = v;
      g_assert_true (lgr_document_set_lever (document, "two", lever, "drag", NULL));
    }
  lgr_document_end_merge (document);
  /* A second drag is a second step. */
  lever->cohort_target = 40;
  g_assert_true (lgr_document_set_lever (document, "two", lever, "drag", NULL));
  {
    /* Results held by a view keep their study through the drag's later steps (the results own
     * the study they were computed for), and a plain edit after the drag is its own step. */
    g_autoptr (LgrResults) held = lgr_results_ref (lgr_document_get_results (document));
    lever->cohort_target = 38;
    g_assert_true (lgr_document_set_lever (document, "two", lever, "drag", NULL));
    lever->cohort_target = 36;
    g_assert_true (lgr_document_set_lever (document, "two", lever, "drag", NULL));
    g_assert_cmpfloat (
        lgr_scenario_find_lever (lgr_study_find_scenario (held->study, "two"), "north-lac")
            ->cohort_target,
        ==, 40);
    lever->cohort_target = 30;
    g_assert_true (lgr_document_set_lever (document, "two", lever, NULL, NULL));
    g_assert_true (lgr_document_undo (document));
    g_assert_cmpfloat (find_lever (document, "two", "north-lac")->cohort_target, ==, 36);
    g_assert_true (lgr_document_redo (document));
    g_assert_cmpfloat (find_lever (document, "two", "north-lac")->cohort_target, ==, 30);
    g_assert_true (lgr_document_undo (document));
  }

  g_assert_true (lgr_document_undo (document));
  g_assert_cmpfloat (find_lever (document, "two", "north-lac")->cohort_target, ==, 50);
  g_assert_true (lgr_document_undo (document));
  g_assert_true (lgr_study_equal (lgr_document_get_study (document), original));
  g_assert_false (lgr_document_can_undo (document));
}

/* A lever's edit checks its scenario and the rules across scenarios, not the whole study again
 * (lgr_study_validate_scenario_edit()): it refuses what the whole check refuses, with the same
 * words, on random studies each given one edit in one scenario. */
static void
test_scenario_edit_checks (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (31);
  guint n_refused = 0;

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr (LgrStudy) study = lgr_test_random_study (rand, 3, 4, 2, 10);
      g_autoptr (GError) whole_error = NULL;
      g_autoptr (GError) edit_error = NULL;
      LgrScenario *scenario = g_ptr_array_index (
          study->scenarios, g_rand_int_range (rand, 0, (gint32)study->scenarios->len));
      LgrLever *lever = g_ptr_array_index (
          scenario->levers, g_rand_int_range (rand, 0, (gint32)scenario->levers->len));
      LgrScenario *other = g_ptr_array_index (study->scenarios, 0) == scenario
                               ? g_ptr_array_index (study->scenarios, 1)
                               : g_ptr_array_index (study->scenarios, 0);
      LgrLever *linked = g_ptr_array_index (other->levers, 0);
      double t;

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0: /* a target anywhere, in range or not */
          lever->cohort_target = g_rand_double_range (rand, -100, 20000);
          break;
        case 1: /* a range on the wrong side of its number */
          t = lever->cohort_target;
          lever->cohort_target_range = (LgrBounds){ TRUE, TRUE, t + 1, t + 2 };
          break;
        case 2: /* linked to another scenario's lever, measured the same way or not */
          g_free (linked->cohort_driver);
          linked->cohort_driver = g_strdup ("shared");
          t = linked->cohort_target;
          linked->cohort_target_range = (LgrBounds){ TRUE, TRUE, t * 0.9, t * 1.1 };
          if (!lgr_study_validate (study, NULL, NULL))
            continue; /* not a valid study before the edit */
          g_free (lever->cohort_driver);
          lever->cohort_driver = g_strdup ("shared");
          t = lever->cohort_target;
          lever->cohort_target_range = (LgrBounds){ TRUE, TRUE, t * 0.9, t * 1.1 };
          break;
        default: /* an authority the scenario does not have */
          g_free (lever->authority_id);
          lever->authority_id = g_strdup ("nowhere");
          break;
        }
      gboolean whole = lgr_study_validate (study, NULL, &whole_error);
      gboolean edit = lgr_study_validate_scenario_edit (study, scenario, &edit_error);
      g_assert_cmpint (whole, ==, edit);
      if (!whole)
        {
          g_assert_cmpstr (whole_error->message, ==, edit_error->message);
          n_refused++;
        }
    }
  g_assert_cmpuint (n_refused, >, 100);

  /* Through the document: a link across scenarios that measures two things is refused. */
  {
    g_autoptr (LgrDocument) document = new_bundled_document ();
    g_autoptr (LgrLever) one = copy_lever (document, "one", "lac");
    g_autoptr (LgrLever) two = copy_lever (document, "two", "north-lac");
    g_autoptr (GError) error = NULL;

    one->cohort_driver = g_strdup ("lac");
    one->cohort_target_range
        = (LgrBounds){ TRUE, TRUE, one->cohort_target - 5, one->cohort_target + 5 };
    g_assert_true (lgr_document_set_lever (document, "one", one, NULL, &error));
    g_assert_no_error (error);
    two->basis = LGR_COHORT_BASIS_COUNT;
    two->cohort_baseline = 350;
    two->cohort_target = 300;
    two->cohort_driver = g_strdup ("lac");
    two->cohort_target_range = (LgrBounds){ TRUE, TRUE, 250, 350 };
    g_assert_false (lgr_document_set_lever (document, "two", two, "drag", &error));
    g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "linked ranges must measure the same thing"));
    g_assert_cmpint (find_lever (document, "two", "north-lac")->basis, !=, LGR_COHORT_BASIS_COUNT);
  }
}

static void
test_scenarios (void)
{
  g_autoptr (LgrDocument) document = new_bundled_document ();
  g_autoptr (LgrStudy) original = lgr_study_copy (lgr_document_get_study (document));
  g_autoptr (GError) error = NULL;
  g_autofree char *added = NULL;
  g_autofree char *duplicate = NULL;
  const LgrStudy *study;

  /* A name is taken as typed, without the white space around it, and is never empty. */
  g_assert_false (lgr_document_add_scenario (document, "  ", NULL, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lgr_document_can_undo (document));
  g_assert_true (lgr_document_add_scenario (document, " Three unitaries\t", &added, &error));
  g_assert_no_error (error);
  study = lgr_document_get_study (document);
  g_assert_cmpuint (study->scenarios->len, ==, original->scenarios->len + 1);
  g_assert_cmpstr (lgr_study_find_scenario (study, added)->name, ==, "Three unitaries");
  g_assert_nonnull (lgr_results_find (lgr_document_get_results (document), added));

  g_assert_true (lgr_document_duplicate_scenario (document, "two", &duplicate, &error));
  g_assert_no_error (error);
  study = lgr_document_get_study (document);
  g_assert_cmpint (lgr_study_scenario_index (study, duplicate), ==,
                   lgr_study_scenario_index (study, "two") + 1);
  g_assert_cmpfloat (cumulative_end (document, duplicate), ==, cumulative_end (document, "two"));

  g_assert_true (lgr_document_rename_scenario (document, duplicate, "Two, lower LAC", &error));
  g_assert_true (lgr_document_set_scenario_colour (document, duplicate, "#e66100", &error));
  g_assert_true (lgr_document_remove_scenario (document, added, &error));
  g_assert_no_error (error);
  study = lgr_document_get_study (document);
  g_assert_null (lgr_study_find_scenario (study, added));
  g_assert_cmpstr (lgr_study_find_scenario (study, duplicate)->colour, ==, "#e66100");

  /* Five steps back to the start. */
  for (int i = 0; i < 5; i++)
    g_assert_true (lgr_document_undo (document));
  g_assert_true (lgr_study_equal (lgr_document_get_study (document), original));

  /* The last scenario cannot go. */
  g_assert_true (lgr_document_remove_scenario (document, "one", NULL));
  g_assert_false (lgr_document_remove_scenario (document, "two", &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
}

static void
test_levers_items (void)
{
  g_autoptr (LgrDocument) document = new_bundled_document ();
  g_autoptr (LgrStudy) original = lgr_study_copy (lgr_document_get_study (document));
  g_autofree char *lever_id = NULL;
  g_autofree char *item_id = NULL;
  g_autoptr (LgrItem) item = NULL;
  g_autoptr (GError) error = NULL;
  const LgrScenario *two;

  g_assert_true (lgr_document_add_lever (document, "two", &lever_id, &error));
  g_assert_no_error (error);
  g_assert_true (lgr_document_add_item (document, "two", &item_id, &error));
  g_assert_no_error (error);
  two = lgr_study_find_scenario (lgr_document_get_study (document), "two");
  g_assert_nonnull (lgr_scenario_find_lever (two, lever_id));
  item = lgr_item_copy (lgr_scenario_find_item (two, item_id));
  item->amount = 1000000;
  g_assert_true (lgr_document_set_item (document, "two", item, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lgr_document_remove_item (document, "two", "transition", &error));
  g_assert_true (lgr_document_remove_lever (document, "two", "north-lac", &error));
  two = lgr_study_find_scenario (lgr_document_get_study (document), "two");
  g_assert_null (lgr_scenario_find_lever (two, "north-lac"));
  g_assert_null (lgr_scenario_find_item (two, "transition"));

  for (int i = 0; i < 5; i++)
    g_assert_true (lgr_document_undo (document));
  g_assert_true (lgr_study_equal (lgr_document_get_study (document), original));
}

static void
test_settings_revert (void)
{
  g_autoptr (LgrDocument) document = new_bundled_document ();
  g_autoptr (LgrStudy) original = lgr_study_copy (lgr_document_get_study (document));
  g_autoptr (LgrStudy) settings = lgr_study_copy (original);
  g_autoptr (GError) error = NULL;

  settings->cost_contingency = 20;
  g_assert_true (lgr_document_set_study_settings (document, settings, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (lgr_document_get_study (document)->cost_contingency, ==, 20);

  settings->years = 61;
  g_assert_false (lgr_document_set_study_settings (document, settings, NULL, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_assert_cmpint (lgr_document_get_study (document)->years, ==, original->years);

  g_assert_true (lgr_document_revert (document));
  g_assert_true (lgr_study_equal (lgr_document_get_study (document), original));
  g_assert_false (lgr_document_get_modified (document));
  g_assert_false (lgr_document_revert (document));
  /* Revert is itself undoable. */
  g_assert_true (lgr_document_undo (document));
  g_assert_cmpfloat (lgr_document_get_study (document)->cost_contingency, ==, 20);
  g_assert_true (lgr_document_get_modified (document));
}

static void
test_save (void)
{
  g_autoptr (LgrDocument) document = new_bundled_document ();
  g_autoptr (LgrLever) lever = copy_lever (document, "two", "north-lac");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lgr-document-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "saved.lgr", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (LgrStudy) reloaded = NULL;
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  g_assert_null (lgr_document_get_file (document));
  /* the starting point (the saved state's results): those of the document as opened, kept
   * through an edit */
  const LgrResults *opened = lgr_document_get_results (document);
  g_assert_true (lgr_document_get_saved_results (document) == opened);
  g_assert_null (lgr_document_get_start_results (document));
  lever->unit_cost_target = 1500;
  g_assert_true (lgr_document_set_lever (document, "two", lever, NULL, &error));
  g_assert_true (lgr_document_get_modified (document));
  g_assert_true (lgr_document_get_saved_results (document) == opened);
  g_assert_true (lgr_document_get_results (document) != opened);
  g_assert_true (lgr_document_get_start_results (document) == opened);

  g_assert_true (lgr_document_save_as (document, file, &error));
  g_assert_no_error (error);
  g_assert_false (lgr_document_get_modified (document));
  g_assert_true (g_file_equal (lgr_document_get_file (document), file));
  /* saved: the results of now are the starting point */
  g_assert_true (lgr_document_get_saved_results (document) == lgr_document_get_results (document));
  g_assert_null (lgr_document_get_start_results (document));
  name = lgr_document_dup_display_name (document);
  g_assert_cmpstr (name, ==, "saved.lgr");

  reloaded = lgr_study_load_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (lgr_study_equal (reloaded, lgr_document_get_study (document)));

  /* Undo past the save is a modification again. */
  g_assert_true (lgr_document_undo (document));
  g_assert_true (lgr_document_get_modified (document));
  g_assert_true (lgr_document_redo (document));
  g_assert_false (lgr_document_get_modified (document));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Name, authority, service and benefit through set_lever, each checked by the rules. */
static void
test_lever_fields (void)
{
  g_autoptr (LgrDocument) document = new_bundled_document ();
  g_autoptr (LgrStudy) original = lgr_study_copy (lgr_document_get_study (document));
  g_autoptr (LgrLever) lever = copy_lever (document, "two", "north-lac");
  g_autoptr (GError) error = NULL;

  g_free (lever->name);
  lever->name = g_strdup ("Looked-after children (North)");
  g_free (lever->authority_id);
  lever->authority_id = g_strdup ("south");
  g_free (lever->service);
  lever->service = g_strdup ("Children's services");
  lever->benefit = LGR_BENEFIT_AVOIDANCE;
  g_assert_true (lgr_document_set_lever (document, "two", lever, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (find_lever (document, "two", "north-lac")->name, ==,
                   "Looked-after children (North)");
  g_assert_cmpstr (find_lever (document, "two", "north-lac")->authority_id, ==, "south");
  g_assert_cmpint (find_lever (document, "two", "north-lac")->benefit, ==, LGR_BENEFIT_AVOIDANCE);

  /* An authority of another scenario, an empty name: refused, nothing changes. */
  g_free (lever->authority_id);
  lever->authority_id = g_strdup ("warwickshire");
  g_assert_false (lgr_document_set_lever (document, "two", lever, NULL, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "warwickshire"));
  g_clear_error (&error);
  g_free (lever->authority_id);
  lever->authority_id = g_strdup ("south");
  g_free (lever->name);
  lever->name = g_strdup ("  ");
  g_assert_false (lgr_document_set_lever (document, "two", lever, NULL, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (find_lever (document, "two", "north-lac")->name, ==,
                   "Looked-after children (North)");

  g_assert_true (lgr_document_undo (document));
  g_assert_true (lgr_study_equal (lgr_document_get_study (document), original));
}

/* Basis and period changes keep the people and the money a year, so the results stay. */
static void
test_lever_basis_period (void)
{
  g_autoptr (LgrDocument) document = new_bundled_document ();
  g_autoptr (LgrStudy) original = lgr_study_copy (lgr_document_get_study (document));
  g_autoptr (GError) error = NULL;
  const LgrAuthority *north
      = lgr_scenario_find_authority (lgr_study_find_scenario (original, "two"), "north");
  const LgrLever *before
      = lgr_scenario_find_lever (lgr_study_find_scenario (original, "two"), "north-lac");
  double end = cumulative_end (document, "two");
  const LgrLever *lever;

  g_assert_cmpint (before->basis, ==, LGR_COHORT_BASIS_CHILD_POPULATION);
  g_assert_true (
      lgr_document_set_lever_basis (document, "two", "north-lac", LGR_COHORT_BASIS_COUNT, &error));
  g_assert_no_error (error);
  lever = find_lever (document, "two", "north-lac");
  g_assert_cmpint (lever->basis, ==, LGR_COHORT_BASIS_COUNT);
  g_assert_cmpfloat_with_epsilon (lever->cohort_target,
                                  before->cohort_target * north->child_population / 10000, 1e-9);
  g_assert_cmpfloat_with_epsilon (cumulative_end (document, "two"), end, 1e-3);

  g_assert_true (lgr_document_set_lever_basis (document, "two", "north-lac",
                                               LGR_COHORT_BASIS_POPULATION, &error));
  g_assert_no_error (error);
  lever = find_lever (document, "two", "north-lac");
  g_assert_cmpfloat_with_epsilon (
      lever->cohort_target, before->cohort_target * north->child_population / north->population,
      1e-9);
  g_assert_cmpfloat_with_epsilon (cumulative_end (document, "two"), end, 1e-3);

  g_assert_cmpint (before->unit_period, ==, LGR_UNIT_PERIOD_WEEK);
  g_assert_true (
      lgr_document_set_lever_period (document, "two", "north-lac", LGR_UNIT_PERIOD_YEAR, &error));
  g_assert_no_error (error);
  lever = find_lever (document, "two", "north-lac");
  g_assert_cmpint (lever->unit_period, ==, LGR_UNIT_PERIOD_YEAR);
  g_assert_cmpfloat_with_epsilon (lever->unit_cost_target,
                                  before->unit_cost_target * original->weeks_per_year, 1e-6);
  g_assert_cmpfloat_with_epsilon (cumulative_end (document, "two"), end, 1e-3);

  /* Three steps, each undoable. */
  for (int i = 0; i < 3; i++)
    g_assert_true (lgr_document_undo (document));
  g_assert_true (lgr_study_equal (lgr_document_get_study (document), original));

  /* A rate needs a population to be counted against. */
  {
    g_autoptr (LgrAuthority) empty = lgr_authority_copy (north);
    empty->child_population = 0;
    g_assert_true (lgr_document_set_authority (document, "two", empty, NULL, &error));
    g_assert_true (lgr_document_set_lever_basis (document, "two", "north-lac",
                                                 LGR_COHORT_BASIS_COUNT, &error));
    g_assert_false (lgr_document_set_lever_basis (document, "two", "north-lac",
                                                  LGR_COHORT_BASIS_CHILD_POPULATION, &error));
    g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "North Warwickshire Council"));
    g_assert_cmpint (find_lever (document, "two", "north-lac")->basis, ==, LGR_COHORT_BASIS_COUNT);
  }
}

static void
test_item_kind (void)
{
  g_autoptr (LgrDocument) document = new_bundled_document ();
  g_autoptr (LgrStudy) original = lgr_study_copy (lgr_document_get_study (document));
  g_autoptr (GError) error = NULL;
  const LgrItem *before
      = lgr_scenario_find_item (lgr_study_find_scenario (original, "two"), "transition");
  const LgrScenario *two;
  const LgrItem *item;
  double spread_total = 0, values_total = 0;
  g_autoptr (LgrItem) renamed = NULL;

  g_assert_cmpint (before->pattern, ==, LGR_ITEM_PATTERN_SPREAD);
  /* A recurring cost cannot be a spread: it becomes the same money per year. */
  g_assert_true (lgr_document_set_item_kind (document, "two", "transition",
                                             LGR_ITEM_KIND_RECURRING_COST, &error));
  g_assert_no_error (error);
  two = lgr_study_find_scenario (lgr_document_get_study (document), "two");
  item = lgr_scenario_find_item (two, "transition");
  g_assert_cmpint (item->kind, ==, LGR_ITEM_KIND_RECURRING_COST);
  g_assert_cmpint (item->pattern, ==, LGR_ITEM_PATTERN_VALUES);
  for (guint i = 0; i < item->values->len; i++)
    values_total += g_array_index (item->values, LgrYearValue, i).value;
  spread_total = before->total;
  g_assert_cmpfloat_with_epsilon (values_total, spread_total, 1e-6);
  /* One-off and recurring costs count the same in the net. */
  {
    g_autoptr (LgrResults) expected = lgr_results_compute (original);
    g_assert_cmpfloat_with_epsilon (
        cumulative_end (document, "two"),
        lgr_results_find (expected, "two")->cumulative[expected->n_years - 1], 1e-3);
  }

  /* A saving item becomes cost avoidance directly. */
  g_assert_true (
      lgr_document_set_item_kind (document, "two", "aggregation", LGR_ITEM_KIND_AVOIDANCE, &error));
  g_assert_no_error (error);

  /* Renaming; an empty name is refused with the reason. */
  renamed = lgr_item_copy (item);
  g_free (renamed->name);
  renamed->name = g_strdup ("Set-up costs");
  g_assert_true (lgr_document_set_item (document, "two", renamed, NULL, &error));
  g_free (renamed->name);
  renamed->name = g_strdup ("");
  g_assert_false (lgr_document_set_item (document, "two", renamed, NULL, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "name"));
  g_clear_error (&error);
  g_assert_cmpstr (
      lgr_scenario_find_item (lgr_study_find_scenario (lgr_document_get_study (document), "two"),
                              "transition")
          ->name,
      ==, "Set-up costs");

  for (int i = 0; i < 3; i++)
    g_assert_true (lgr_document_undo (document));
  g_assert_true (lgr_study_equal (lgr_document_get_study (document), original));
}

static void
test_authorities (void)
{
  g_autoptr (LgrDocument) document = new_bundled_document ();
  g_autoptr (LgrStudy) original = lgr_study_copy (lgr_document_get_study (document));
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr (LgrAuthority) renamed = NULL;
  const LgrScenario *two;

  g_assert_true (lgr_document_add_authority (document, "two", "Coventry & Solihull", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "coventry-solihull");
  two = lgr_study_find_scenario (lgr_document_get_study (document), "two");
  g_assert_cmpuint (two->authorities->len, ==, 3);
  renamed = lgr_authority_copy (lgr_scenario_find_authority (two, id));
  g_free (renamed->name);
  renamed->name = g_strdup ("Coventry");
  g_assert_true (lgr_document_set_authority (document, "two", renamed, NULL, &error));
  g_assert_cmpstr (lgr_scenario_find_authority (
                       lgr_study_find_scenario (lgr_document_get_study (document), "two"), id)
                       ->name,
                   ==, "Coventry");
  g_free (renamed->name);
  renamed->name = g_strdup (" ");
  g_assert_false (lgr_document_set_authority (document, "two", renamed, NULL, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_clear_error (&error);

  /* An authority that levers use cannot go; the message names them. */
  g_assert_false (lgr_document_remove_authority (document, "two", "north", &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "North Warwickshire Council"));
  g_assert_nonnull (strstr (error->message, "“Children looked after”"));
  g_assert_nonnull (strstr (error->message, "“Older people: growth in demand”"));
  g_clear_error (&error);

  g_assert_true (lgr_document_remove_authority (document, "two", id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (
      lgr_study_find_scenario (lgr_document_get_study (document), "two")->authorities->len, ==, 2);

  /* The last authority cannot go either. */
  {
    g_autoptr (LgrDocument) single = new_bundled_document ();
    g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
    const LgrScenario *one = lgr_study_find_scenario (lgr_document_get_study (single), "one");
    for (guint i = 0; i < one->levers->len; i++)
      g_ptr_array_add (ids, g_strdup (((LgrLever *)g_ptr_array_index (one->levers, i))->id));
    for (guint i = 0; i < ids->len; i++)
      g_assert_true (lgr_document_remove_lever (single, "one", g_ptr_array_index (ids, i), NULL));
    g_assert_false (lgr_document_remove_authority (single, "one", "warwickshire", &error));
    g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "at least one"));
    g_clear_error (&error);
  }

  for (int i = 0; i < 3; i++)
    g_assert_true (lgr_document_undo (document));
  g_assert_true (lgr_study_equal (lgr_document_get_study (document), original));
}

static void
test_lever_templates (void)
{
  g_autoptr (LgrDocument) document = new_bundled_document ();
  g_autoptr (GError) error = NULL;
  g_autofree char *lac = NULL;
  g_autofree char *adults = NULL;
  const LgrStudy *study;
  const LgrLever *lever;
  const LgrAuthority *south;
  double benchmark = 0;
  LgrLeverTemplate template_;

  for (guint t = 0; t < LGR_N_LEVER_TEMPLATES; t++)
    {
      g_assert_true (lgr_lever_template_from_string (lgr_lever_template_to_string (t), &template_));
      g_assert_cmpint (template_, ==, t);
      g_assert_nonnull (lgr_lever_template_title (t));
    }
  g_assert_false (lgr_lever_template_from_string ("nonsense", &template_));

  g_assert_true (lgr_document_add_lever_from_template (
      document, "two", "south", LGR_LEVER_TEMPLATE_CHILDREN_LOOKED_AFTER, &lac, &error));
  g_assert_no_error (error);
  g_assert_true (lgr_document_add_lever_from_template (
      document, "two", "north", LGR_LEVER_TEMPLATE_ADULTS_LONG_TERM, &adults, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lgr_document_get_undo_label (document), ==,
                   "Add “Working-age adults in long-term support”");

  study = lgr_document_get_study (document);
  south = lgr_scenario_find_authority (lgr_study_find_scenario (study, "two"), "south");
  lever = find_lever (document, "two", lac);
  g_assert_cmpstr (lever->authority_id, ==, "south");
  g_assert_cmpint (lever->basis, ==, LGR_COHORT_BASIS_CHILD_POPULATION);
  g_assert_cmpint (lever->unit_period, ==, LGR_UNIT_PERIOD_WEEK);
  /* The unit cost is the benchmark of the authority's population band. */
  g_assert_true (lgr_benchmark_band_lookup (lgr_study_benchmark_band_for (study, south->population),
                                            "lac-weekly", &benchmark));
  g_assert_cmpfloat (lever->unit_cost_baseline, ==, benchmark);
  g_assert_cmpfloat (lever->unit_cost_target, ==, benchmark);

  lever = find_lever (document, "two", adults);
  g_assert_cmpstr (lever->authority_id, ==, "north");
  g_assert_cmpint (lever->basis, ==, LGR_COHORT_BASIS_COUNT);
  g_assert_cmpint (lever->unit_period, ==, LGR_UNIT_PERIOD_YEAR);
  g_assert_cmpstr (lever->service, ==, "Adult social care");

  g_assert_false (lgr_document_add_lever_from_template (document, "two", "warwickshire",
                                                        LGR_LEVER_TEMPLATE_OTHER, NULL, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/document/edit-undo-redo", test_edit_undo_redo);
  g_test_add_func ("/core/document/refused", test_refused);
  g_test_add_func ("/core/document/edit-stretches-range", test_edit_stretches_range);
  g_test_add_func ("/core/document/stale-source", test_stale_source);
  g_test_add_func ("/core/document/stale-authority-source", test_stale_authority_source);
  g_test_add_func ("/core/document/notes", test_notes);
  g_test_add_func ("/core/document/merge-drag", test_merge_drag);
  g_test_add_func ("/core/document/scenario-edit-checks", test_scenario_edit_checks);
  g_test_add_func ("/core/document/scenarios", test_scenarios);
  g_test_add_func ("/core/document/levers-items", test_levers_items);
  g_test_add_func ("/core/document/settings-revert", test_settings_revert);
  g_test_add_func ("/core/document/save", test_save);
  g_test_add_func ("/core/document/lever-fields", test_lever_fields);
  g_test_add_func ("/core/document/lever-basis-period", test_lever_basis_period);
  g_test_add_func ("/core/document/item-kind", test_item_kind);
  g_test_add_func ("/core/document/authorities", test_authorities);
  g_test_add_func ("/core/document/lever-templates", test_lever_templates);
  return g_test_run ();
}
