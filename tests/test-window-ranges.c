/* test-window-ranges.c: the range editors of the lever and item rows, under Xvfb, on the
 * bundled study: folded by default, low and high typed as a person would, each change one undo
 * step, a bound on the wrong side refused and left marked with nothing lost, the link across
 * scenarios and Clear Range. With LGR_SHOTS_DIR set, saves the rows folded and one open. */
#include <adwaita.h>

#include "lgr-lever-row.h"
#include "lgr-range-editor.h"
#include "lgr-row-summary.h"
#include "lgr-test-util.h"
#include "lgr-test-window.h"
#include "lgr-window-private.h"

static LgrDocument *
document_of (LgrTestWindowFixture *f)
{
  return lgr_window_get_document (f->window);
}

static const LgrLever *
lever (LgrTestWindowFixture *f, const char *scenario, const char *id)
{
  const LgrScenario *s = lgr_study_find_scenario (lgr_test_window_study (f), scenario);
  return lgr_scenario_find_lever (s, id);
}

/* The lever row of id in scenario, selected in the sidebar, and its editor of quantity. */
static LgrRangeEditor *
editor_of (LgrTestWindowFixture *f, const char *scenario, const char *id, LgrRanged quantity,
           LgrLeverRow **row_out)
{
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  LgrLeverRow *row;
  LgrRangeEditor *editor;

  lgr_scenario_sidebar_select (sidebar, scenario);
  row = lgr_scenario_sidebar_find_lever_row (sidebar, id);
  g_assert_nonnull (row);
  editor = lgr_range_editor_find (GTK_WIDGET (row), quantity);
  g_assert_nonnull (editor);
  if (row_out)
    *row_out = row;
  return editor;
}

static void
test_folded (LgrTestWindowFixture *f, gconstpointer data)
{
  LgrLeverRow *row;
  LgrRangeEditor *editor = editor_of (f, "two", "north-lac", LGR_RANGED_COHORT_TARGET, &row);

  /* Every input a range may be put on has its editor, folded, saying the range. */
  for (int q = 0; q < LGR_RANGED_ITEM_VALUE; q++)
    {
      LgrRangeEditor *e = lgr_range_editor_find (GTK_WIDGET (row), q);
      g_assert_nonnull (e);
      g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (e)));
    }
  g_assert_cmpstr (lgr_row_get_summary (ADW_EXPANDER_ROW (editor)), ==,
                   "55 – 64 per 10,000 children");
  g_assert_cmpstr (lgr_row_get_summary (ADW_EXPANDER_ROW (
                       lgr_range_editor_find (GTK_WIDGET (row), LGR_RANGED_UNIT_COST_TARGET))),
                   ==, "£1,570 – £1,750 a week, linked across scenarios");
  g_assert_cmpstr (lgr_row_get_summary (ADW_EXPANDER_ROW (
                       lgr_range_editor_find (GTK_WIDGET (row), LGR_RANGED_GROWTH_COHORT))),
                   ==, "None: the number is taken as certain");
  /* The item rows: a total or an amount. */
  {
    LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
    LgrRangeEditor *total = lgr_range_editor_find (
        lgr_scenario_sidebar_find_item_row (sidebar, "transition"), LGR_RANGED_ITEM_VALUE);
    LgrRangeEditor *amount = lgr_range_editor_find (
        lgr_scenario_sidebar_find_item_row (sidebar, "aggregation"), LGR_RANGED_ITEM_VALUE);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (total)), ==,
                     "Range of the total");
    g_assert_cmpstr (lgr_row_get_summary (ADW_EXPANDER_ROW (total)), ==,
                     "£37,300,000 – £53,712,000, linked across scenarios");
    g_assert_cmpstr (lgr_row_get_summary (ADW_EXPANDER_ROW (amount)), ==,
                     "£5,340,000 – £7,480,000 a year");
    lgr_number_row_commit_text (lgr_range_editor_get_high (amount), "8000000");
    g_assert_cmpstr (lgr_row_get_summary (ADW_EXPANDER_ROW (amount)), ==,
                     "£5,340,000 – £8,000,000 a year");
    g_assert_true (lgr_document_undo (document_of (f)));
  }

  /* The whole lever row, wherever the sidebar is scrolled. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  lgr_test_shoot (GTK_WIDGET (row), "ranges-folded");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (editor), TRUE);
  lgr_test_shoot (GTK_WIDGET (row), "ranges-open");
}

static void
test_edit_and_undo (LgrTestWindowFixture *f, gconstpointer data)
{
  LgrRangeEditor *editor = editor_of (f, "two", "north-lac", LGR_RANGED_COHORT_TARGET, NULL);
  LgrNumberRow *low = lgr_range_editor_get_low (editor);
  LgrNumberRow *high = lgr_range_editor_get_high (editor);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (editor), TRUE);
  g_assert_cmpfloat (lgr_number_row_get_value (low), ==, 55);
  g_assert_cmpfloat (lgr_number_row_get_value (high), ==, 64);

  lgr_number_row_commit_text (low, "50");
  g_assert_cmpfloat (lever (f, "two", "north-lac")->cohort_target_range.low, ==, 50);
  lgr_number_row_commit_text (high, "70.5");
  g_assert_cmpfloat (lever (f, "two", "north-lac")->cohort_target_range.high, ==, 70.5);
  g_assert_cmpstr (lgr_row_get_summary (ADW_EXPANDER_ROW (editor)), ==,
                   "50 – 70.5 per 10,000 children");
  g_assert_cmpstr (lgr_document_get_undo_label (document_of (f)), ==,
                   "Change the range of “Children looked after”");

  /* Each bound was one step. */
  g_assert_true (lgr_document_undo (document_of (f)));
  g_assert_cmpfloat (lgr_number_row_get_value (high), ==, 64);
  g_assert_cmpfloat (lgr_number_row_get_value (low), ==, 50);
  g_assert_true (lgr_document_undo (document_of (f)));
  g_assert_cmpfloat (lgr_number_row_get_value (low), ==, 55);
  g_assert_false (lgr_document_can_undo (document_of (f)));
  g_assert_cmpstr (lgr_row_get_summary (ADW_EXPANDER_ROW (editor)), ==,
                   "55 – 64 per 10,000 children");
}

static void
test_wrong_side (LgrTestWindowFixture *f, gconstpointer data)
{
  LgrRangeEditor *editor = editor_of (f, "two", "north-lac", LGR_RANGED_COHORT_TARGET, NULL);
  LgrNumberRow *low = lgr_range_editor_get_low (editor);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (editor), TRUE);
  lgr_number_row_commit_text (low, "58");
  /* Refused with the loader's words; the text stays, marked; the document keeps 55. */
  g_assert_cmpstr (lgr_number_row_get_error (low), ==, "target-low 58 is above the target 55");
  g_assert_cmpstr (gtk_editable_get_text (lgr_number_row_get_entry (low)), ==, "58");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (lgr_number_row_get_entry (low)), "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (low)), ==,
                   "target-low 58 is above the target 55 - using 55, the last valid value");
  g_assert_cmpfloat (lever (f, "two", "north-lac")->cohort_target_range.low, ==, 55);
  g_assert_false (lgr_document_can_undo (document_of (f)));

  /* Not a number: marked the same way. */
  lgr_number_row_commit_text (low, "5,2");
  g_assert_nonnull (lgr_number_row_get_error (low));
  g_assert_cmpfloat (lever (f, "two", "north-lac")->cohort_target_range.low, ==, 55);

  /* A valid bound clears the mark. */
  lgr_number_row_commit_text (low, "52");
  g_assert_null (lgr_number_row_get_error (low));
  g_assert_cmpfloat (lever (f, "two", "north-lac")->cohort_target_range.low, ==, 52);
}

typedef struct
{
  LgrWindow *window;
  guint finished_before;
} RunWait;

/* A Monte Carlo run that started after the edit has finished. */
static gboolean
rerun_done (gpointer data)
{
  RunWait *wait = data;
  LgrUncertaintyRunner *runner = lgr_window_get_uncertainty (wait->window);
  return !lgr_window_get_update_pending (wait->window)
         && !lgr_uncertainty_runner_get_running (runner)
         && lgr_uncertainty_runner_get_n_finished (runner) > wait->finished_before;
}

static void
test_link (LgrTestWindowFixture *f, gconstpointer data)
{
  LgrRangeEditor *editor = editor_of (f, "one", "lac", LGR_RANGED_UNIT_COST_TARGET, NULL);
  GtkSwitch *linked = lgr_range_editor_get_linked (editor);
  RunWait wait = { f->window, 0 };

  /* What it would link is said once it is open. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (editor), TRUE);
  g_assert_false (gtk_switch_get_active (linked));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (linked)));
  g_assert_cmpstr (lgr_range_editor_get_link_text (editor), ==,
                   "Would move as one with:\n"
                   "Two unitaries (North Warwickshire Council)\n"
                   "Two unitaries (South Warwickshire Council)");

  /* The draws follow the edit: one quantity fewer, run again. */
  g_assert_true (lgr_test_wait_until (rerun_done, &wait));
  wait.finished_before
      = lgr_uncertainty_runner_get_n_finished (lgr_window_get_uncertainty (f->window));
  gtk_switch_set_active (linked, TRUE);
  g_assert_true (lgr_test_wait_until (rerun_done, &wait));
  g_assert_cmpstr (lever (f, "one", "lac")->unit_cost_driver, ==, "lac-weekly-cost");
  g_assert_cmpstr (lgr_document_get_undo_label (document_of (f)), ==,
                   "Link the range of “Children looked after” across scenarios");
  g_assert_cmpstr (lgr_range_editor_get_link_text (editor), ==,
                   "Moves as one with:\n"
                   "Two unitaries (North Warwickshire Council)\n"
                   "Two unitaries (South Warwickshire Council)");
  g_assert_cmpstr (lgr_row_get_summary (ADW_EXPANDER_ROW (editor)), ==,
                   "£1,570 – £1,949 a week, linked across scenarios");

  g_assert_true (lgr_document_undo (document_of (f)));
  g_assert_false (gtk_switch_get_active (linked));
  g_assert_null (lever (f, "one", "lac")->unit_cost_driver);

  /* No range, nothing to link: the switch cannot be turned on. */
  editor = editor_of (f, "one", "lac", LGR_RANGED_GROWTH_COHORT, NULL);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (editor), TRUE);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (lgr_range_editor_get_linked (editor))));
  g_assert_cmpstr (lgr_range_editor_get_link_text (editor), ==, "Give it a low and a high first");
}

static void
test_clear (LgrTestWindowFixture *f, gconstpointer data)
{
  LgrRangeEditor *editor = editor_of (f, "two", "south-lac", LGR_RANGED_UNIT_COST_TARGET, NULL);
  GtkButton *clear = lgr_range_editor_get_clear (editor);

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (clear)));
  g_signal_emit_by_name (clear, "clicked");
  g_assert_false (lever (f, "two", "south-lac")->unit_cost_target_range.has_low);
  g_assert_null (lever (f, "two", "north-lac")->unit_cost_driver);
  g_assert_cmpstr (lgr_row_get_summary (ADW_EXPANDER_ROW (editor)), ==,
                   "None: the number is taken as certain");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (clear)));
  /* Without a range both bounds show the number: typing one gives a range again. */
  g_assert_cmpfloat (lgr_number_row_get_value (lgr_range_editor_get_high (editor)), ==, 1570);
  lgr_number_row_commit_text (lgr_range_editor_get_high (editor), "1800");
  g_assert_cmpfloat (lever (f, "two", "south-lac")->unit_cost_target_range.low, ==, 1570);
  g_assert_cmpfloat (lever (f, "two", "south-lac")->unit_cost_target_range.high, ==, 1800);

  g_assert_true (lgr_document_undo (document_of (f)));
  g_assert_true (lgr_document_undo (document_of (f)));
  g_assert_cmpstr (lever (f, "two", "south-lac")->unit_cost_driver, ==, "lac-weekly-cost");
  g_assert_cmpstr (lever (f, "two", "north-lac")->unit_cost_driver, ==, "lac-weekly-cost");
}

/* "Plus or minus, on everything" is said where an input has no range of its own. */
static void
test_default_range (LgrTestWindowFixture *f, gconstpointer data)
{
  g_autoptr (LgrStudy) settings = lgr_study_copy (lgr_test_window_study (f));
  g_autoptr (GError) error = NULL;
  LgrRangeEditor *editor;

  settings->default_range = 10;
  g_assert_true (lgr_document_set_study_settings (document_of (f), settings, NULL, &error));
  g_assert_no_error (error);
  lgr_scenario_sidebar_select (lgr_window_get_sidebar (f->window), "one");
  editor = lgr_range_editor_find (
      lgr_scenario_sidebar_find_item_row (lgr_window_get_sidebar (f->window), "aggregation"),
      LGR_RANGED_ITEM_VALUE);
  g_assert_cmpstr (lgr_row_get_summary (ADW_EXPANDER_ROW (editor)), ==,
                   "None of its own: ±10% (the study’s default range)");
  /* A range of its own replaces it. */
  lgr_number_row_commit_text (lgr_range_editor_get_low (editor), "15000000");
  g_assert_cmpstr (lgr_row_get_summary (ADW_EXPANDER_ROW (editor)), ==,
                   "£15,000,000 – £18,700,000 a year");
}

int
main (int argc, char **argv)
{
  lgr_test_window_init (&argc, &argv);
  /* Screenshots of a row opened a moment ago show it open, not half way. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* and with the app's style sheet, which AdwApplication would load */
  {
    g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();
    gtk_css_provider_load_from_resource (css, "/io/github/lgrexplorer/Explorer/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  LGR_TEST_WINDOW_ADD ("/window/ranges/folded", test_folded);
  LGR_TEST_WINDOW_ADD ("/window/ranges/edit-and-undo", test_edit_and_undo);
  LGR_TEST_WINDOW_ADD ("/window/ranges/wrong-side", test_wrong_side);
  LGR_TEST_WINDOW_ADD ("/window/ranges/link", test_link);
  LGR_TEST_WINDOW_ADD ("/window/ranges/clear", test_clear);
  LGR_TEST_WINDOW_ADD ("/window/ranges/default-range", test_default_range);
  return g_test_run ();
}
