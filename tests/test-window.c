/* test-window.c: the window under Xvfb, driven through its real widgets and actions: editing
 * levers, items and authorities, scenarios, the chart. Files, presentation, export, printing and
 * help are in test-window-files.c.
 *
 * Every expectation is computed by the core from the same edit (lgr_results_compute) and
 * compared with what the widgets show. Waiting is done by iterating the main context until a
 * condition holds, with a timeout; never by sleeping. */
#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "lgr-chart.h"
#include "lgr-format.h"
#include "lgr-item-row.h"
#include "lgr-lever-row.h"
#include "lgr-source-editor.h"
#include "lgr-test-util.h"
#include "lgr-test-window.h"

/* Waiting on the main loop, never sleeping: lgr_test_wait_until and lgr_test_settle. */
#define wait_until lgr_test_wait_until
#define settle lgr_test_settle

/* A window showing the bundled study (lgr-test-window.h). */
typedef LgrTestWindowFixture Fixture;

static gboolean
views_updated (gpointer window)
{
  return !lgr_window_get_update_pending (window);
}

/* The cards, the verdict, the table and the chart of the window against results, once the
 * frame after the last change has updated them. */
static void
assert_window_shows (Fixture *f, const LgrResults *expected)
{
  LgrChartOptions options;
  g_autofree char *verdict = lgr_results_verdict (expected);
  g_autofree char *description = NULL;

  g_assert_true (wait_until (views_updated, f->window));
  g_assert_cmpstr (lgr_window_get_verdict (f->window), ==, verdict);
  for (guint s = 0; s < expected->n_scenarios; s++)
    {
      const LgrScenarioResult *r = &expected->scenarios[s];
      LgrSummaryCard *card = lgr_window_find_card (f->window, r->scenario->id);
      LgrYearTable *table = lgr_window_find_table (f->window, r->scenario->id);

      g_assert_nonnull (card);
      g_assert_nonnull (table);
      for (int field = 0; field < LGR_SUMMARY_N_FIELDS; field++)
        {
          g_autofree char *text = lgr_summary_format (r, expected, field);
          g_assert_cmpstr (lgr_summary_card_get_value (card, field), ==, text);
        }
      g_assert_cmpuint (lgr_year_table_get_n_rows (table), ==, expected->n_years);
      for (guint t = 0; t < expected->n_years; t++)
        {
          g_autofree char *net = lgr_year_table_dup_cell (table, t, LGR_YEAR_COLUMN_NET);
          g_autofree char *cumulative
              = lgr_year_table_dup_cell (table, t, LGR_YEAR_COLUMN_CUMULATIVE);
          g_autofree char *expected_net = lgr_format_money_exact (r->net[t]);
          g_autofree char *expected_cumulative = lgr_format_money_exact (r->cumulative[t]);
          g_assert_cmpstr (net, ==, expected_net);
          g_assert_cmpstr (cumulative, ==, expected_cumulative);
        }
    }
  lgr_chart_options_init (&options,
                          lgr_chart_view_get_kind (lgr_window_get_chart_view (f->window)));
  options.show_title = FALSE;
  /* with the study as opened as its starting point while anything differs */
  LgrDocument *document = lgr_window_get_document (f->window);
  options.start
      = lgr_document_get_modified (document) ? lgr_document_get_saved_results (document) : NULL;
  description = lgr_chart_describe (expected, &options);
  g_assert_cmpstr (lgr_chart_view_get_description (lgr_window_get_chart_view (f->window)), ==,
                   description);
}

static LgrStudy *
bundled_with_north_lac (const LgrStudy *original, double target)
{
  LgrStudy *study = lgr_study_copy (original);
  lgr_test_set_cohort_target (
      lgr_scenario_find_lever (lgr_study_find_scenario (study, "two"), "north-lac"), target);
  return study;
}

typedef struct
{
  LgrChartView *view;
  guint n;
} Draws;

static gboolean
drawn_since (gpointer data)
{
  Draws *d = data;
  return lgr_chart_view_get_n_draws (d->view) > d->n;
}

static void
test_opens_bundled (Fixture *f, gconstpointer data)
{
  g_autoptr (LgrResults) expected = lgr_results_compute (lgr_test_window_study (f));
  Draws draws = { lgr_window_get_chart_view (f->window), 0 };

  g_assert_cmpstr (lgr_test_window_study (f)->title, ==, "Warwickshire: one unitary or two?");
  g_assert_true (wait_until (drawn_since, &draws));
  assert_window_shows (f, expected);
  /* The seed figures of docs/format.md */
  g_assert_cmpstr (
      lgr_summary_card_get_value (lgr_window_find_card (f->window, "two"), LGR_SUMMARY_PAYBACK), ==,
      "2029/30");
  g_assert_cmpstr (lgr_summary_card_get_value (lgr_window_find_card (f->window, "one"),
                                               LGR_SUMMARY_PEAK_FUNDING),
                   ==, "£17.8m");
  lgr_test_shoot (GTK_WIDGET (f->window), "bundled");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  settle ();
  lgr_test_shoot (GTK_WIDGET (f->window), "bundled-1024x700");
}

static void
test_edit_north_lac (Fixture *f, gconstpointer data)
{
  g_autoptr (LgrStudy) original = lgr_study_copy (lgr_test_window_study (f));
  g_autoptr (LgrStudy) edited = bundled_with_north_lac (original, 60);
  g_autoptr (LgrResults) expected = lgr_results_compute (edited);
  g_autoptr (LgrResults) before = lgr_results_compute (original);
  LgrNumberRow *target = lgr_test_north_lac_target (f);
  Draws draws = { lgr_window_get_chart_view (f->window), 0 };
  g_autofree char *old_payback = NULL;
  LgrDocument *document = lgr_window_get_document (f->window);

  g_assert_nonnull (target);
  g_assert_cmpfloat (lgr_number_row_get_value (target), ==, 55);
  g_assert_true (wait_until (drawn_since, &draws));
  draws.n = lgr_chart_view_get_n_draws (draws.view);
  old_payback = g_strdup (
      lgr_summary_card_get_value (lgr_window_find_card (f->window, "two"), LGR_SUMMARY_NET));

  /* Typed into the exact entry and committed with Enter. */
  lgr_number_row_commit_text (target, "60");
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), edited));
  assert_window_shows (f, expected);
  g_assert_cmpstr (
      lgr_summary_card_get_value (lgr_window_find_card (f->window, "two"), LGR_SUMMARY_NET), !=,
      old_payback);
  g_assert_true (lgr_document_get_modified (document));
  /* The chart is drawn again with the new data. */
  g_assert_true (wait_until (drawn_since, &draws));

  /* A refused value is shown where it was typed and changes nothing. */
  lgr_number_row_commit_text (target, "12000");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (lgr_scenario_sidebar_find_lever_row (
                                     lgr_window_get_sidebar (f->window), "north-lac")),
                                 TRUE);
  lgr_test_shoot (GTK_WIDGET (f->window), "refused-value");
  g_assert_nonnull (lgr_number_row_get_error (target));
  g_assert_nonnull (strstr (lgr_number_row_get_error (target), "12000"));
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), edited));
  lgr_number_row_commit_text (target, "1,5");
  g_assert_nonnull (strstr (lgr_number_row_get_error (target), "1,5"));
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), edited));
  lgr_number_row_commit_text (target, "60");
  g_assert_null (lgr_number_row_get_error (target));

  /* Undo and redo through the window's actions. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), original));
  g_assert_cmpfloat (lgr_number_row_get_value (lgr_test_north_lac_target (f)), ==, 55);
  assert_window_shows (f, before);
  g_assert_false (lgr_document_get_modified (document));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), edited));
  assert_window_shows (f, expected);
  g_assert_cmpfloat (lgr_number_row_get_value (lgr_test_north_lac_target (f)), ==, 60);
}

static void
test_slider_drag (Fixture *f, gconstpointer data)
{
  g_autoptr (LgrStudy) original = lgr_study_copy (lgr_test_window_study (f));
  g_autoptr (LgrStudy) dragged = bundled_with_north_lac (original, 45);
  g_autoptr (LgrResults) expected = lgr_results_compute (dragged);
  GtkRange *scale = lgr_number_row_get_scale (lgr_test_north_lac_target (f));

  g_assert_nonnull (scale);
  for (double v = 54; v >= 45; v -= 1)
    gtk_range_set_value (scale, v);
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), dragged));
  assert_window_shows (f, expected);
  /* The whole drag is one step. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), original));
  g_assert_false (lgr_document_can_undo (lgr_window_get_document (f->window)));
}

/* Several quick edits in one frame make one view update, of the visible table only; a hidden
 * table shows the right figures once switched to. Results kept past an edit stay whole. */
static void
test_calm_edits (Fixture *f, gconstpointer data)
{
  LgrDocument *document = lgr_window_get_document (f->window);
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  LgrYearTable *shown = lgr_window_find_table (f->window, "two");
  LgrYearTable *hidden = lgr_window_find_table (f->window, "one");
  g_autoptr (LgrResults) kept = lgr_results_ref (lgr_document_get_results (document));
  g_autoptr (LgrStudy) edited = NULL;
  g_autoptr (LgrResults) expected = NULL;
  guint updates, shown_refreshes, hidden_refreshes;

  lgr_scenario_sidebar_select (sidebar, "two");
  g_assert_true (wait_until (views_updated, f->window));
  settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (shown)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (hidden)));
  updates = lgr_window_get_n_updates (f->window);
  shown_refreshes = lgr_year_table_get_n_refreshes (shown);
  hidden_refreshes = lgr_year_table_get_n_refreshes (hidden);

  /* Five edits before the window gets a frame, as a fast drag makes them. */
  for (double target = 50; target <= 58; target += 2)
    {
      g_autoptr (LgrLever) lever = lgr_lever_copy (lgr_scenario_find_lever (
          lgr_study_find_scenario (lgr_document_get_study (document), "two"), "north-lac"));
      g_autoptr (GError) error = NULL;
      lever->cohort_target = target;
      g_assert_true (lgr_document_set_lever (document, "two", lever, "test-drag", &error));
      g_assert_no_error (error);
    }
  g_assert_true (lgr_window_get_update_pending (f->window));
  edited = bundled_with_north_lac (kept->study, 50); /* the drag widened the range to 50 */
  lgr_test_set_cohort_target (
      lgr_scenario_find_lever (lgr_study_find_scenario (edited, "two"), "north-lac"), 58);
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), edited));
  expected = lgr_results_compute (edited);
  assert_window_shows (f, expected);
  g_assert_cmpuint (lgr_window_get_n_updates (f->window), ==, updates + 1);
  g_assert_cmpuint (lgr_year_table_get_n_refreshes (shown), ==, shown_refreshes + 1);
  g_assert_cmpuint (lgr_year_table_get_n_refreshes (hidden), ==, hidden_refreshes);

  /* The results taken before the edits are still the old figures, whole. */
  g_assert_true (kept != lgr_document_get_results (document));
  g_assert_cmpstr (kept->scenarios[1].scenario->id, ==, "two");
  g_assert_cmpfloat (
      lgr_scenario_find_lever ((LgrScenario *)kept->scenarios[1].scenario, "north-lac")
          ->cohort_target,
      ==, 55);

  /* The hidden table catches up when it is shown. */
  lgr_scenario_sidebar_select (sidebar, "one");
  settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (hidden)));
  g_assert_cmpuint (lgr_year_table_get_n_refreshes (hidden), ==, hidden_refreshes + 1);
  assert_window_shows (f, expected);
}

/* Sixteen scenarios fit a window 1024 pixels wide: the table's tabs and the cards scroll. */
static void
test_many_scenarios_width (Fixture *f, gconstpointer data)
{
  LgrDocument *document = lgr_window_get_document (f->window);
  g_autoptr (LgrResults) expected = NULL;
  int minimum = 0, natural = 0;

  for (guint i = 0; i < 14; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *id = NULL;
      g_assert_true (lgr_document_duplicate_scenario (document, "two", &id, &error));
    }
  g_assert_cmpuint (lgr_test_window_study (f)->scenarios->len, ==, 16);
  g_assert_true (wait_until (views_updated, f->window));
  settle ();
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural,
                      NULL, NULL);
  g_test_message ("minimum width with 16 scenarios: %d", minimum);
  g_assert_cmpint (minimum, <=, 1024);
  expected = lgr_results_compute (lgr_test_window_study (f));
  assert_window_shows (f, expected);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  settle ();
  lgr_test_shoot (GTK_WIDGET (f->window), "sixteen-scenarios-1024x700");
}

/* win.chart is the window's "chart" property, bound to the setting of the same name. */
static void
test_chart_action (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new ("io.github.lgrexplorer.Explorer");
  LgrChartView *view = lgr_window_get_chart_view (f->window);
  g_autofree char *chart = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.chart", "s", "savings");
  g_assert_cmpint (lgr_chart_view_get_kind (view), ==, LGR_CHART_SAVINGS);
  chart = g_settings_get_string (settings, "chart");
  g_assert_cmpstr (chart, ==, "savings");
  /* A name that is no chart changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.chart", "s", "pie");
  g_assert_cmpint (lgr_chart_view_get_kind (view), ==, LGR_CHART_SAVINGS);
  g_settings_set_string (settings, "chart", "difference");
  g_assert_cmpint (lgr_chart_view_get_kind (view), ==, LGR_CHART_DIFFERENCE);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.chart", "s", "cashflow");
  g_assert_cmpint (lgr_chart_view_get_kind (view), ==, LGR_CHART_CASHFLOW);
}

static void
test_add_remove_scenario (Fixture *f, gconstpointer data)
{
  g_autoptr (LgrStudy) original = lgr_study_copy (lgr_test_window_study (f));
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  g_autoptr (LgrResults) expected = NULL;
  g_autofree char *added = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-scenario", NULL);
  g_assert_cmpuint (lgr_test_window_study (f)->scenarios->len, ==, original->scenarios->len + 1);
  added = g_strdup (lgr_scenario_sidebar_get_selected (sidebar));
  g_assert_nonnull (lgr_study_find_scenario (lgr_test_window_study (f), added));
  g_assert_null (lgr_study_find_scenario (original, added));
  expected = lgr_results_compute (lgr_test_window_study (f));
  assert_window_shows (f, expected);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.duplicate-scenario", NULL);
  g_assert_cmpuint (lgr_test_window_study (f)->scenarios->len, ==, original->scenarios->len + 2);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-scenario", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-scenario", NULL);
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), original));
  g_assert_true (wait_until (views_updated, f->window));
  g_assert_null (lgr_window_find_card (f->window, added));
  g_clear_pointer (&expected, lgr_results_free);
  expected = lgr_results_compute (lgr_test_window_study (f));
  assert_window_shows (f, expected);

  /* Removing is undoable. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (lgr_test_window_study (f)->scenarios->len, ==, original->scenarios->len + 1);
  g_assert_true (wait_until (views_updated, f->window));
  for (guint i = 0; i < lgr_test_window_study (f)->scenarios->len; i++)
    {
      const LgrScenario *s = g_ptr_array_index (lgr_test_window_study (f)->scenarios, i);
      g_assert_nonnull (lgr_window_find_card (f->window, s->id));
    }
}

static const LgrLever *
current_north_lac (Fixture *f)
{
  return lgr_scenario_find_lever (lgr_study_find_scenario (lgr_test_window_study (f), "two"),
                                  "north-lac");
}

static LgrLeverRow *
north_lac_row (Fixture *f)
{
  LgrLeverRow *row
      = lgr_scenario_sidebar_find_lever_row (lgr_window_get_sidebar (f->window), "north-lac");
  g_assert_nonnull (row);
  return row;
}

static void
type_and_apply (GtkWidget *entry_row, const char *text)
{
  g_assert_true (ADW_IS_ENTRY_ROW (entry_row));
  gtk_editable_set_text (GTK_EDITABLE (entry_row), text);
  g_signal_emit_by_name (entry_row, "apply");
  settle ();
}

static void
choose (GtkWidget *combo_row, guint position)
{
  g_assert_true (ADW_IS_COMBO_ROW (combo_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo_row), position);
  settle ();
}

/* Name, authority, service, basis, period and benefit through the lever row's own editors. */
static void
test_lever_editors (Fixture *f, gconstpointer data)
{
  g_autoptr (LgrStudy) original = lgr_study_copy (lgr_test_window_study (f));
  g_autoptr (LgrResults) before = lgr_results_compute (original);
  const LgrAuthority *north
      = lgr_scenario_find_authority (lgr_study_find_scenario (original, "two"), "north");
  LgrDocument *document = lgr_window_get_document (f->window);
  LgrLeverRow *row;
  g_autoptr (LgrResults) now = NULL;

  lgr_test_north_lac_target (f); /* selects "two" */
  row = north_lac_row (f);
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (lgr_lever_row_get_editor (row, LGR_LEVER_EDITOR_NAME))),
      ==, "Children looked after");

  type_and_apply (lgr_lever_row_get_editor (row, LGR_LEVER_EDITOR_NAME), "Looked-after children");
  g_assert_cmpstr (current_north_lac (f)->name, ==, "Looked-after children");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (north_lac_row (f))), ==,
                   "Looked-after children");

  /* An empty name is refused on the row, with the reason; nothing changes. */
  type_and_apply (lgr_lever_row_get_editor (north_lac_row (f), LGR_LEVER_EDITOR_NAME), "  ");
  g_assert_nonnull (lgr_lever_row_get_error (north_lac_row (f)));
  g_assert_nonnull (strstr (lgr_lever_row_get_error (north_lac_row (f)), "name"));
  g_assert_cmpstr (current_north_lac (f)->name, ==, "Looked-after children");

  /* Counted as a number of people: the same children, so the same results. */
  choose (lgr_lever_row_get_editor (north_lac_row (f), LGR_LEVER_EDITOR_BASIS),
          LGR_COHORT_BASIS_COUNT);
  g_assert_cmpint (current_north_lac (f)->basis, ==, LGR_COHORT_BASIS_COUNT);
  g_assert_cmpfloat_with_epsilon (lgr_number_row_get_value (lgr_lever_row_get_field (
                                      north_lac_row (f), LGR_LEVER_FIELD_COHORT_TARGET)),
                                  55 * north->child_population / 10000, 1e-6);
  now = lgr_results_compute (lgr_test_window_study (f));
  g_assert_cmpfloat_with_epsilon (lgr_results_find (now, "two")->total_net,
                                  lgr_results_find (before, "two")->total_net, 1e-3);
  assert_window_shows (f, now);
  g_clear_pointer (&now, lgr_results_free);

  choose (lgr_lever_row_get_editor (north_lac_row (f), LGR_LEVER_EDITOR_UNIT_PERIOD),
          LGR_UNIT_PERIOD_YEAR);
  g_assert_cmpint (current_north_lac (f)->unit_period, ==, LGR_UNIT_PERIOD_YEAR);
  choose (lgr_lever_row_get_editor (north_lac_row (f), LGR_LEVER_EDITOR_BENEFIT),
          LGR_BENEFIT_AVOIDANCE);
  g_assert_cmpint (current_north_lac (f)->benefit, ==, LGR_BENEFIT_AVOIDANCE);
  type_and_apply (lgr_lever_row_get_editor (north_lac_row (f), LGR_LEVER_EDITOR_SERVICE), "");
  g_assert_null (current_north_lac (f)->service);
  choose (lgr_lever_row_get_editor (north_lac_row (f), LGR_LEVER_EDITOR_AUTHORITY), 1);
  g_assert_cmpstr (current_north_lac (f)->authority_id, ==, "south");
  now = lgr_results_compute (lgr_test_window_study (f));
  assert_window_shows (f, now);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (north_lac_row (f)), TRUE);
  lgr_test_shoot (GTK_WIDGET (f->window), "lever-editors");

  /* Six steps, each undone through the window. */
  for (int i = 0; i < 6; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), original));
  g_assert_false (lgr_document_can_undo (document));
}

static void
test_item_editors (Fixture *f, gconstpointer data)
{
  g_autoptr (LgrStudy) original = lgr_study_copy (lgr_test_window_study (f));
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  GtkWidget *row;
  const LgrItem *item;

  lgr_scenario_sidebar_select (sidebar, "two");
  row = lgr_scenario_sidebar_find_item_row (sidebar, "transition");
  g_assert_nonnull (row);
  type_and_apply (lgr_item_row_get_name_row (LGR_ITEM_ROW (row)), "Set-up costs");
  item = lgr_scenario_find_item (lgr_study_find_scenario (lgr_test_window_study (f), "two"),
                                 "transition");
  g_assert_cmpstr (item->name, ==, "Set-up costs");

  /* A spread one-off cost made recurring becomes the same money per year. */
  row = lgr_scenario_sidebar_find_item_row (sidebar, "transition");
  choose (lgr_item_row_get_kind_row (LGR_ITEM_ROW (row)), LGR_ITEM_KIND_RECURRING_COST);
  item = lgr_scenario_find_item (lgr_study_find_scenario (lgr_test_window_study (f), "two"),
                                 "transition");
  g_assert_cmpint (item->kind, ==, LGR_ITEM_KIND_RECURRING_COST);
  g_assert_cmpint (item->pattern, ==, LGR_ITEM_PATTERN_VALUES);
  row = lgr_scenario_sidebar_find_item_row (sidebar, "transition");
  g_assert_null (lgr_item_row_get_error (LGR_ITEM_ROW (row)));
  g_assert_cmpint (
      adw_combo_row_get_selected (ADW_COMBO_ROW (lgr_item_row_get_kind_row (LGR_ITEM_ROW (row)))),
      ==, LGR_ITEM_KIND_RECURRING_COST);

  type_and_apply (lgr_item_row_get_name_row (LGR_ITEM_ROW (row)), "");
  g_assert_nonnull (lgr_item_row_get_error (LGR_ITEM_ROW (row)));
  g_assert_cmpstr (lgr_scenario_find_item (
                       lgr_study_find_scenario (lgr_test_window_study (f), "two"), "transition")
                       ->name,
                   ==, "Set-up costs");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), original));
}

static void
test_authority_editors (Fixture *f, gconstpointer data)
{
  g_autoptr (LgrStudy) original = lgr_study_copy (lgr_test_window_study (f));
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  GMenuModel *menu;
  g_autofree char *template_name = NULL;
  const LgrScenario *two;
  guint n_levers;

  lgr_scenario_sidebar_select (sidebar, "two");
  /* North has levers: removing it is refused, naming them. */
  g_signal_emit_by_name (lgr_scenario_sidebar_get_authority_remove_button (sidebar, "north"),
                         "clicked");
  settle ();
  g_assert_nonnull (lgr_scenario_sidebar_get_authority_error (sidebar, "north"));
  g_assert_nonnull (strstr (lgr_scenario_sidebar_get_authority_error (sidebar, "north"),
                            "“Children looked after”"));
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), original));

  type_and_apply (lgr_scenario_sidebar_get_authority_name_row (sidebar, "north"), "North Council");
  two = lgr_study_find_scenario (lgr_test_window_study (f), "two");
  g_assert_cmpstr (lgr_scenario_find_authority (two, "north")->name, ==, "North Council");
  type_and_apply (lgr_scenario_sidebar_get_authority_name_row (sidebar, "north"), "");
  g_assert_nonnull (lgr_scenario_sidebar_get_authority_error (sidebar, "north"));

  /* The Add Lever menu: one section per authority, one entry per template. */
  menu = lgr_scenario_sidebar_get_add_lever_menu (sidebar);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_assert_cmpint (
      g_menu_model_get_n_items (g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION)), ==,
      LGR_N_LEVER_TEMPLATES);
  n_levers = two->levers->len;
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-lever-from-template", "(ss)",
                              "south", "adults-long-term");
  settle ();
  two = lgr_study_find_scenario (lgr_test_window_study (f), "two");
  g_assert_cmpuint (two->levers->len, ==, n_levers + 1);
  {
    const LgrLever *added = g_ptr_array_index (two->levers, n_levers);
    g_assert_cmpstr (added->authority_id, ==, "south");
    g_assert_cmpint (added->basis, ==, LGR_COHORT_BASIS_COUNT);
    g_assert_cmpint (added->unit_period, ==, LGR_UNIT_PERIOD_YEAR);
    g_assert_nonnull (lgr_scenario_sidebar_find_lever_row (sidebar, added->id));
  }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), original));
}

/* A scenario's card and its sidebar row show the colour its chart line has: the file's, or for
 * a new scenario the one chosen for it. */
static void
test_scenario_colours (Fixture *f, gconstpointer data)
{
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  const LgrResults *results;
  g_autofree char *added = NULL;
  double rgb[3];
  g_autofree char *expected = NULL;
  int index;

  g_assert_cmpstr (lgr_summary_card_get_colour (lgr_window_find_card (f->window, "one")), ==,
                   "#e66100");
  g_assert_cmpstr (lgr_scenario_sidebar_get_swatch_colour (sidebar, "one"), ==, "#e66100");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-scenario", NULL);
  settle ();
  added = g_strdup (lgr_scenario_sidebar_get_selected (sidebar));
  /* A colour of its own, so it keeps it whatever is added or removed (test-identity.c). */
  g_assert_nonnull (lgr_study_find_scenario (lgr_test_window_study (f), added)->colour);
  results = lgr_document_get_results (lgr_window_get_document (f->window));
  index = lgr_study_scenario_index (lgr_test_window_study (f), added);
  lgr_chart_scenario_colour (results, index, LGR_CHART_STYLE_LIGHT, rgb);
  expected = g_strdup_printf ("#%02x%02x%02x", (int)lround (rgb[0] * 255),
                              (int)lround (rgb[1] * 255), (int)lround (rgb[2] * 255));
  g_assert_cmpstr (lgr_summary_card_get_colour (lgr_window_find_card (f->window, added)), ==,
                   expected);
  g_assert_cmpstr (lgr_scenario_sidebar_get_swatch_colour (sidebar, added), ==, expected);
  lgr_test_shoot (GTK_WIDGET (f->window), "palette-colour");
}

/* A new scenario, with nothing on, has nothing to pay back: its card says so, not a year. */
static void
test_nothing_to_pay_back (Fixture *f, gconstpointer data)
{
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-scenario", NULL);
  settle ();
  const char *added = lgr_scenario_sidebar_get_selected (sidebar);
  g_assert_true (wait_until (views_updated, f->window));
  LgrSummaryCard *card = lgr_window_find_card (f->window, added);
  g_assert_cmpstr (lgr_summary_card_get_value (card, LGR_SUMMARY_PAYBACK), ==,
                   "Nothing to pay back");
  g_assert_nonnull (strstr (lgr_summary_card_get_description (card), "nothing to pay back"));
  g_assert_null (strstr (lgr_summary_card_get_description (card), "payback in"));
  g_assert_null (strstr (lgr_window_get_verdict (f->window), "nothing"));
}

/* The light-bulb button of a lever opens its note, editable; what is typed is kept when the
 * popover closes, as one undoable edit. With LGR_SHOTS_DIR set, a screenshot to look at. */
static void
test_source_editor (LgrTestWindowFixture *f, gconstpointer data)
{
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  LgrLeverRow *row;
  GtkWidget *editor, *popover;
  g_autofree char *shown = NULL;
  const LgrLever *lever;

  lgr_scenario_sidebar_select (sidebar, "two");
  row = lgr_scenario_sidebar_find_lever_row (sidebar, "north-lac");
  editor = lgr_lever_row_get_source_editor (row);
  popover = gtk_widget_get_ancestor (editor, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  {
    /* A target changed since the note: the popover says so. */
    g_autoptr (LgrLever) edited = lgr_lever_copy (lgr_scenario_find_lever (
        lgr_study_find_scenario (lgr_test_window_study (f), "two"), "north-lac"));
    edited->cohort_target = 50;
    g_assert_true (
        lgr_document_set_lever (lgr_window_get_document (f->window), "two", edited, NULL, NULL));
    lgr_test_settle ();
    g_assert_nonnull (lgr_source_editor_get_stale (LGR_SOURCE_EDITOR (editor)));
  }
  gtk_popover_popup (GTK_POPOVER (popover));
  lgr_test_settle ();
  g_assert_true (gtk_widget_get_mapped (editor));
  shown = lgr_source_editor_get_text (LGR_SOURCE_EDITOR (editor));
  g_assert_nonnull (strstr (shown, "Peopletoo"));
  lgr_test_shoot (GTK_WIDGET (f->window), "source-editor");
  lgr_test_shoot (popover, "source-editor-popover");

  lgr_source_editor_type_text (LGR_SOURCE_EDITOR (editor), "Checked with the finance team.");
  gtk_popover_popdown (GTK_POPOVER (popover));
  lgr_test_settle ();
  lever = lgr_scenario_find_lever (lgr_study_find_scenario (lgr_test_window_study (f), "two"),
                                   "north-lac");
  g_assert_cmpstr (lever->source, ==, "Checked with the finance team.");
  g_assert_cmpstr (lgr_document_get_undo_label (lgr_window_get_document (f->window)), ==,
                   "Change “Children looked after”");
  g_assert_true (lgr_document_undo (lgr_window_get_document (f->window)));
  lgr_test_settle ();
  lever = lgr_scenario_find_lever (lgr_study_find_scenario (lgr_test_window_study (f), "two"),
                                   "north-lac");
  g_assert_nonnull (strstr (lever->source, "Peopletoo"));
  g_clear_pointer (&shown, g_free);
  shown = lgr_source_editor_get_text (LGR_SOURCE_EDITOR (editor));
  g_assert_cmpstr (shown, ==, lever->source);
}

int
main (int argc, char *argv[])
{
  lgr_test_window_init (&argc, &argv);

#define ADD LGR_TEST_WINDOW_ADD
  ADD ("/window/opens-bundled", test_opens_bundled);
  ADD ("/window/edit/north-lac", test_edit_north_lac);
  ADD ("/window/edit/slider-drag", test_slider_drag);
  ADD ("/window/edit/calm", test_calm_edits);
  ADD ("/window/scenarios/sixteen-fit-1024", test_many_scenarios_width);
  ADD ("/window/chart-action", test_chart_action);
  ADD ("/window/scenarios/add-remove", test_add_remove_scenario);
  ADD ("/window/edit/lever-editors", test_lever_editors);
  ADD ("/window/edit/item-editors", test_item_editors);
  ADD ("/window/edit/authority-editors", test_authority_editors);
  ADD ("/window/edit/source-editor", test_source_editor);
  ADD ("/window/scenarios/colours", test_scenario_colours);
  ADD ("/window/scenarios/nothing-to-pay-back", test_nothing_to_pay_back);
#undef ADD
  return g_test_run ();
}
