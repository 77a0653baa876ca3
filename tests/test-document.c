/* test-document.c: the open study without a display - edits, validation, undo and redo,
 * merging a slider drag, revert, saving. */
#include <glib/gstdio.h>

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

static double
cumulative_end (LgrDocument *document, const char *scenario_id)
{
  const LgrResults *results = lgr_document_get_results (document);
  const LgrScenarioResult *r = lgr_results_find (results, scenario_id);
  g_assert_nonnull (r);
  return r->cumulative[results->n_years - 1];
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
  lgr_scenario_find_lever (lgr_study_find_scenario (expected_study, "two"), "north-lac")
      ->cohort_target
      = 65;
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

  g_assert_true (lgr_document_undo (document));
  g_assert_cmpfloat (
      lgr_scenario_find_lever (lgr_study_find_scenario (lgr_document_get_study (document), "two"),
                               "north-lac")
          ->cohort_target,
      ==, 50);
  g_assert_true (lgr_document_undo (document));
  g_assert_true (lgr_study_equal (lgr_document_get_study (document), original));
  g_assert_false (lgr_document_can_undo (document));
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

  g_assert_true (lgr_document_add_scenario (document, "Three unitaries", &added, &error));
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
  lever->unit_cost_target = 1500;
  g_assert_true (lgr_document_set_lever (document, "two", lever, NULL, &error));
  g_assert_true (lgr_document_get_modified (document));

  g_assert_true (lgr_document_save_as (document, file, &error));
  g_assert_no_error (error);
  g_assert_false (lgr_document_get_modified (document));
  g_assert_true (g_file_equal (lgr_document_get_file (document), file));
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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window/document/edit-undo-redo", test_edit_undo_redo);
  g_test_add_func ("/window/document/refused", test_refused);
  g_test_add_func ("/window/document/merge-drag", test_merge_drag);
  g_test_add_func ("/window/document/scenarios", test_scenarios);
  g_test_add_func ("/window/document/levers-items", test_levers_items);
  g_test_add_func ("/window/document/settings-revert", test_settings_revert);
  g_test_add_func ("/window/document/save", test_save);
  return g_test_run ();
}
