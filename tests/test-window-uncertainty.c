/* test-window-uncertainty.c: how sure the window says we are, under Xvfb.
 *
 * The Monte Carlo and the switching values run in a thread (LgrUncertaintyRunner) and restart on
 * every change; the central figures never wait for them. These tests drive the window with the
 * bundled study, with and without a study-wide range, and check what it shows against the core
 * run directly. Waiting is done by iterating the main context until a condition holds. */
#include <adwaita.h>
#include <math.h>

#include "lgr-format.h"
#include "lgr-lever-row.h"
#include "lgr-sensitivity.h"
#include "lgr-test-util.h"
#include "lgr-test-window.h"
#include "lgr-window-private.h"

typedef struct
{
  LgrWindow *window;
  LgrDocument *document;
} Fixture;

/* The bundled study without its own ranges, with "plus or minus 10% on everything" when ranges
 * (so the figures below stay those of a known, simple case). */
static LgrStudy *
bundled_study (gboolean ranges)
{
  g_autofree char *xml = lgr_test_bundled_without_ranges ();
  const char *settings
      = "<settings benefit-realisation=\"100\" cost-contingency=\"0\" count-avoidance=\"false\"/>";

  if (!ranges)
    return lgr_test_load_string (xml);
  g_assert_nonnull (strstr (xml, settings));
  {
    g_autofree char *with = g_strdup_printf ("%s\n  <uncertainty default-range=\"10\"/>", settings);
    g_auto (GStrv) parts = g_strsplit (xml, settings, 2);
    g_autofree char *joined = g_strjoin (with, parts[0], parts[1], NULL);
    return lgr_test_load_string (joined);
  }
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->document = lgr_document_new (bundled_study (data != NULL), NULL);
  f->window = lgr_window_new (NULL, NULL);
  lgr_window_set_document (f->window, f->document);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  lgr_test_settle ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  lgr_test_settle ();
  g_clear_object (&f->document);
}

static gboolean
run_done (gpointer window)
{
  LgrUncertaintyRunner *runner = lgr_window_get_uncertainty (window);
  return !lgr_window_get_update_pending (window) && !lgr_uncertainty_runner_get_running (runner)
         && lgr_uncertainty_runner_get_n_finished (runner) > 0;
}

static void
wait_for_run (Fixture *f)
{
  g_assert_true (lgr_test_wait_until (run_done, f->window));
}

/* The core's own run of the document's study as it is now. */
static LgrUncertaintyResults *
direct_run (Fixture *f, LgrUncertaintyModel **model_out)
{
  const LgrStudy *study = lgr_document_get_study (f->document);
  LgrUncertaintyModel *model = lgr_uncertainty_model_new_owning (lgr_study_copy (study));
  g_autoptr (GError) error = NULL;
  LgrUncertaintyResults *results
      = lgr_uncertainty_run (model, study->draws, study->seed, 1, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  *model_out = model;
  return results;
}

/* With ranges: the probability under the verdict and each card's P10-P90, as the core says. */
static void
test_probability (Fixture *f, gconstpointer data)
{
  g_autoptr (LgrUncertaintyModel) model = NULL;
  g_autoptr (LgrUncertaintyResults) u = NULL;
  const char *sentence;
  g_autofree char *percent = NULL;
  g_autofree char *expected = NULL;

  wait_for_run (f);
  u = direct_run (f, &model);
  g_assert_cmpuint (u->draws, ==, 10000);
  sentence = lgr_window_get_probability (f->window);
  g_assert_nonnull (sentence);
  /* the bundled study: two unitaries come out ahead centrally */
  percent = lgr_format_percent (round (u->scenarios[1].ahead_probability * 100));
  expected
      = g_strdup_printf ("Two unitaries: ahead of One unitary in %s of 10,000 draws.", percent);
  g_assert_cmpstr (sentence, ==, expected);

  for (guint i = 0; i < u->n_scenarios; i++)
    {
      LgrSummaryCard *card = lgr_window_find_card (f->window, u->scenarios[i].scenario->id);
      g_autofree char *range
          = lgr_summary_format_range (u->scenarios[i].total_net.p10, u->scenarios[i].total_net.p90);
      g_assert_nonnull (card);
      g_assert_cmpstr (lgr_summary_card_get_range (card), ==, range);
      g_assert_true (g_str_has_suffix (range, ", 8 in 10 draws"));
    }
  lgr_test_shoot (GTK_WIDGET (f->window), "uncertainty-window");
}

/* Without ranges there is nothing to draw: no probability, no card range; the switching values
 * are still said. */
static void
test_no_ranges (Fixture *f, gconstpointer data)
{
  LgrLeverRow *row;

  wait_for_run (f);
  g_assert_null (lgr_window_get_probability (f->window));
  g_assert_null (lgr_summary_card_get_range (lgr_window_find_card (f->window, "two")));
  lgr_scenario_sidebar_select (lgr_window_get_sidebar (f->window), "two");
  row = lgr_scenario_sidebar_find_lever_row (lgr_window_get_sidebar (f->window), "north-lac");
  g_assert_nonnull (row);
  g_assert_nonnull (lgr_lever_row_get_switching (row));
}

static double
difference (Fixture *f)
{
  const LgrResults *r = lgr_document_get_results (f->document);
  return r->scenarios[1].total_net - r->scenarios[0].total_net;
}

/* The lever row's switching value, checked by substitution: at that target rate the two options
 * are level, and the row says which side of it keeps the leader ahead. */
static void
test_switching (Fixture *f, gconstpointer data)
{
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  const LgrStudy *study;
  const LgrScenario *two;
  g_autoptr (LgrLever) lever = NULL;
  g_autoptr (LgrUncertaintyModel) model = NULL;
  g_autoptr (LgrSensitivity) sensitivity = NULL;
  g_autoptr (GError) error = NULL;
  const LgrSwitchingValue *v = NULL;
  const char *text;
  g_autofree char *value = NULL;

  wait_for_run (f);
  lgr_scenario_sidebar_select (sidebar, "two");
  lgr_test_settle ();
  study = lgr_document_get_study (f->document);
  model = lgr_uncertainty_model_new (study);
  sensitivity = lgr_sensitivity_compute (model);
  for (guint i = 0; i < sensitivity->n_switching; i++)
    if (g_strcmp0 (sensitivity->switching[i].input, "two/north-lac/cohort.target") == 0)
      v = &sensitivity->switching[i];
  g_assert_nonnull (v);
  text = lgr_lever_row_get_switching (lgr_scenario_sidebar_find_lever_row (sidebar, "north-lac"));
  g_assert_nonnull (text);
  g_test_message ("switching value: %s", text);
  g_assert_cmpfloat (difference (f), >, 0);
  if (!v->has_value)
    {
      g_assert_cmpstr (text, ==, "Two unitaries: ahead whatever this rate is.");
      return;
    }
  value = lgr_format_decimal (v->value, 1);
  g_assert_nonnull (strstr (text, value));
  g_assert_true (g_str_has_prefix (text, "Two unitaries: ahead while this rate is "));
  g_assert_nonnull (strstr (text, v->central < v->value ? "below" : "above"));

  /* substitution: at the switching value the options are level */
  two = lgr_study_find_scenario (study, "two");
  lever = lgr_lever_copy (lgr_scenario_find_lever (two, "north-lac"));
  lever->cohort_target = v->value;
  g_clear_pointer (&sensitivity, lgr_sensitivity_free);
  g_clear_pointer (&model, lgr_uncertainty_model_free);
  g_assert_true (lgr_document_set_lever (f->document, "two", lever, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (fabs (difference (f)), <, 1);
}

/* Changes restart the draws: however many arrive, the figures shown are those of the study as
 * it is after the last, and the central verdict follows at once, without waiting for them. */
static void
test_restart (Fixture *f, gconstpointer data)
{
  LgrUncertaintyRunner *runner = lgr_window_get_uncertainty (f->window);
  g_autoptr (LgrUncertaintyModel) model = NULL;
  g_autoptr (LgrUncertaintyResults) u = NULL;
  g_autofree char *verdict = NULL;
  guint finished;

  wait_for_run (f);
  finished = lgr_uncertainty_runner_get_n_finished (runner);
  for (int step = 1; step <= 5; step++)
    {
      const LgrScenario *two
          = lgr_study_find_scenario (lgr_document_get_study (f->document), "two");
      g_autoptr (LgrLever) lever = lgr_lever_copy (lgr_scenario_find_lever (two, "north-lac"));
      g_autoptr (GError) error = NULL;
      lever->cohort_target *= 1.2;
      g_assert_true (lgr_document_set_lever (f->document, "two", lever, "drag", &error));
      g_assert_no_error (error);
      /* each change is shown at the next frame, the draws restarted there */
      g_assert_true (lgr_window_get_update_pending (f->window));
      while (lgr_window_get_update_pending (f->window))
        g_main_context_iteration (NULL, TRUE);
      verdict = lgr_results_verdict (lgr_document_get_results (f->document));
      g_assert_cmpstr (lgr_window_get_verdict (f->window), ==, verdict);
      g_clear_pointer (&verdict, g_free);
    }
  wait_for_run (f);
  g_assert_cmpuint (lgr_uncertainty_runner_get_n_finished (runner), >, finished);
  u = direct_run (f, &model);
  g_assert_cmpfloat (lgr_uncertainty_runner_get_results (runner)->scenarios[1].total_net.p50, ==,
                     u->scenarios[1].total_net.p50);
  g_assert_cmpfloat (lgr_uncertainty_runner_get_results (runner)->scenarios[1].ahead_probability,
                     ==, u->scenarios[1].ahead_probability);
}

/* Duplicate as Confident / Stretch: two scenarios after the selected one, with the benefit
 * realisation typed in the question, in one undo step. */
static void
test_cases (Fixture *f, gconstpointer data)
{
  AdwMessageDialog *dialog;
  GtkSpinButton *confident;
  const LgrStudy *study;
  const LgrScenario *a, *b;

  lgr_scenario_sidebar_select (lgr_window_get_sidebar (f->window), "two");
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.duplicate-as-cases", NULL));
  dialog = lgr_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  confident = g_object_get_data (G_OBJECT (dialog), "lgr-confident");
  g_assert_cmpfloat (gtk_spin_button_get_value (confident), ==, 75);
  g_assert_cmpfloat (
      gtk_spin_button_get_value (g_object_get_data (G_OBJECT (dialog), "lgr-stretch")), ==, 125);
  gtk_spin_button_set_value (confident, 80);
  adw_message_dialog_response (dialog, "duplicate");
  lgr_test_settle ();

  study = lgr_document_get_study (f->document);
  g_assert_cmpuint (study->scenarios->len, ==, 4);
  a = g_ptr_array_index (study->scenarios, 2);
  b = g_ptr_array_index (study->scenarios, 3);
  g_assert_cmpstr (a->name, ==, "Two unitaries (confident)");
  g_assert_cmpstr (b->name, ==, "Two unitaries (stretch)");
  g_assert_true (a->has_benefit_realisation && b->has_benefit_realisation);
  g_assert_cmpfloat (a->benefit_realisation, ==, 80);
  g_assert_cmpfloat (b->benefit_realisation, ==, 125);
  g_assert_cmpstr (lgr_scenario_sidebar_get_selected (lgr_window_get_sidebar (f->window)), ==,
                   a->id);
  /* the confident case saves less than the original, the stretch case more */
  {
    const LgrResults *r = lgr_document_get_results (f->document);
    g_assert_cmpfloat (r->scenarios[2].total_net, <, r->scenarios[1].total_net);
    g_assert_cmpfloat (r->scenarios[3].total_net, >, r->scenarios[1].total_net);
  }

  /* one undo step takes both away */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (lgr_document_get_study (f->document)->scenarios->len, ==, 2);
}

/* "Plus or minus N% on everything" in the study settings: typed, the draws follow with a
 * probability; one undo step; a value out of bounds is refused with its reason, nothing lost. */
static void
test_default_range (Fixture *f, gconstpointer data)
{
  LgrNumberRow *row = LGR_NUMBER_ROW (
      gtk_widget_get_template_child (GTK_WIDGET (lgr_window_get_sidebar (f->window)),
                                     LGR_TYPE_SCENARIO_SIDEBAR, "default_range_row"));

  wait_for_run (f);
  g_assert_null (lgr_window_get_probability (f->window));
  g_assert_cmpfloat (lgr_number_row_get_value (row), ==, 0);

  lgr_number_row_commit_text (row, "10");
  g_assert_cmpfloat (lgr_document_get_study (f->document)->default_range, ==, 10);
  wait_for_run (f);
  g_assert_nonnull (lgr_window_get_probability (f->window));
  g_assert_nonnull (lgr_summary_card_get_range (lgr_window_find_card (f->window, "one")));

  lgr_number_row_commit_text (row, "-5");
  g_assert_nonnull (lgr_number_row_get_error (row));
  g_test_message ("refused: %s", lgr_number_row_get_error (row));
  g_assert_cmpfloat (lgr_document_get_study (f->document)->default_range, ==, 10);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpfloat (lgr_document_get_study (f->document)->default_range, ==, 0);
  wait_for_run (f);
  g_assert_null (lgr_window_get_probability (f->window));
  g_assert_null (lgr_summary_card_get_range (lgr_window_find_card (f->window, "one")));
}

/* A target typed or dragged past its range is not refused: the range's end moves with it (the
 * file's rule low <= target <= high holds), as one undo step with the target. */
static void
test_target_past_range (Fixture *f, gconstpointer data)
{
  const LgrScenario *two = lgr_study_find_scenario (lgr_document_get_study (f->document), "two");
  g_autoptr (LgrLever) lever = lgr_lever_copy (lgr_scenario_find_lever (two, "north-lac"));
  g_autoptr (GError) error = NULL;
  LgrNumberRow *target;
  const LgrLever *now;
  double low;

  lever->cohort_target_range
      = (LgrBounds){ TRUE, TRUE, lever->cohort_target * 0.9, lever->cohort_target * 1.1 };
  low = lever->cohort_target_range.low;
  g_assert_true (lgr_document_set_lever (f->document, "two", lever, NULL, &error));
  g_assert_no_error (error);
  lgr_test_settle ();

  lgr_scenario_sidebar_select (lgr_window_get_sidebar (f->window), "two");
  target = lgr_lever_row_get_field (
      lgr_scenario_sidebar_find_lever_row (lgr_window_get_sidebar (f->window), "north-lac"),
      LGR_LEVER_FIELD_COHORT_TARGET);
  lgr_number_row_commit_text (target, "200");
  g_assert_null (lgr_number_row_get_error (target));
  two = lgr_study_find_scenario (lgr_document_get_study (f->document), "two");
  now = lgr_scenario_find_lever (two, "north-lac");
  g_assert_cmpfloat (now->cohort_target, ==, 200);
  g_assert_cmpfloat (now->cohort_target_range.low, ==, low);
  g_assert_cmpfloat (now->cohort_target_range.high, ==, 200);

  /* one undo step gives back the target and its range */
  lgr_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  two = lgr_study_find_scenario (lgr_document_get_study (f->document), "two");
  now = lgr_scenario_find_lever (two, "north-lac");
  g_assert_cmpfloat (now->cohort_target, ==, lever->cohort_target);
  g_assert_cmpfloat (now->cohort_target_range.high, ==, lever->cohort_target_range.high);
}

static void
count_update (LgrUncertaintyRunner *runner, guint *updates)
{
  (*updates)++;
}

/* A restart cancels the run still going: only the last one's figures arrive. */
static void
test_cancel (void)
{
  g_autoptr (LgrUncertaintyRunner) runner = lgr_uncertainty_runner_new ();
  g_autoptr (LgrDocument) document = lgr_document_new (bundled_study (TRUE), NULL);
  guint updates = 0;

  g_signal_connect (runner, "updated", G_CALLBACK (count_update), &updates);
  lgr_uncertainty_runner_restart (runner, document);
  lgr_uncertainty_runner_restart (runner, document);
  g_assert_true (lgr_uncertainty_runner_get_running (runner));
  while (lgr_uncertainty_runner_get_running (runner))
    g_main_context_iteration (NULL, TRUE);
  lgr_test_settle ();
  g_assert_cmpuint (updates, ==, 1);
  g_assert_cmpuint (lgr_uncertainty_runner_get_n_finished (runner), ==, 1);
  g_assert_cmpuint (lgr_uncertainty_runner_get_results (runner)->draws, ==, 10000);
  g_assert_nonnull (lgr_uncertainty_runner_get_sensitivity (runner));
}

static gboolean
views_done (gpointer window)
{
  return !lgr_window_get_update_pending (window);
}

/* The tornado and uncertainty charts draw the runner's figures, never a Monte Carlo of their own
 * on the main thread; after a scenario is added, not the figures of the old scenarios. */
static void
test_chart_uses_runner (Fixture *f, gconstpointer data)
{
  LgrChartView *view = lgr_window_get_chart_view (f->window);
  LgrUncertaintyRunner *runner = lgr_window_get_uncertainty (f->window);

  wait_for_run (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.chart", "s", "uncertainty");
  lgr_test_settle ();
  g_assert_nonnull (lgr_uncertainty_runner_get_results (runner));
  g_assert_true (lgr_chart_view_get_uncertainty (view)
                 == lgr_uncertainty_runner_get_results (runner));
  lgr_test_shoot (GTK_WIDGET (f->window), "uncertainty-chart");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-scenario", NULL);
  g_assert_true (lgr_test_wait_until (views_done, f->window));
  if (lgr_uncertainty_runner_get_running (runner))
    g_assert_null (lgr_chart_view_get_uncertainty (view));
  wait_for_run (f);
  g_assert_true (lgr_chart_view_get_uncertainty (view)
                 == lgr_uncertainty_runner_get_results (runner));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window-uncertainty/probability", Fixture, "ranges", fixture_set_up,
              test_probability, fixture_tear_down);
  g_test_add ("/window-uncertainty/chart-uses-runner", Fixture, "ranges", fixture_set_up,
              test_chart_uses_runner, fixture_tear_down);
  g_test_add ("/window-uncertainty/no-ranges", Fixture, NULL, fixture_set_up, test_no_ranges,
              fixture_tear_down);
  g_test_add ("/window-uncertainty/switching", Fixture, NULL, fixture_set_up, test_switching,
              fixture_tear_down);
  g_test_add ("/window-uncertainty/restart", Fixture, "ranges", fixture_set_up, test_restart,
              fixture_tear_down);
  g_test_add ("/window-uncertainty/cases", Fixture, NULL, fixture_set_up, test_cases,
              fixture_tear_down);
  g_test_add ("/window-uncertainty/default-range", Fixture, NULL, fixture_set_up,
              test_default_range, fixture_tear_down);
  g_test_add ("/window-uncertainty/target-past-range", Fixture, NULL, fixture_set_up,
              test_target_past_range, fixture_tear_down);
  g_test_add_func ("/window-uncertainty/cancel", test_cancel);
  return g_test_run ();
}
