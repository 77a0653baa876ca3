/* test-window.c: the window under Xvfb, driven through its real widgets and actions.
 *
 * Every expectation is computed by the core from the same edit (lgr_results_compute) and
 * compared with what the widgets show. Waiting is done by iterating the main context until a
 * condition holds, with a timeout; never by sleeping. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lgr-application.h"
#include "lgr-chart.h"
#include "lgr-format.h"
#include "lgr-export-dialog.h"
#include "lgr-export.h"
#include "lgr-item-row.h"
#include "lgr-lever-row.h"
#include "lgr-print-operation.h"
#include "lgr-study-io.h"
#include "lgr-test-util.h"
#include "lgr-window-private.h"

#define TIMEOUT_S 10

typedef gboolean (*Condition) (gpointer data);

static gboolean
timed_out (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
wait_until (Condition condition, gpointer data)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_S, timed_out, &expired);

  while (!condition (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  return condition (data);
}

static gboolean
no_pending_events (gpointer data)
{
  return !g_main_context_pending (NULL);
}

static void
settle (void)
{
  wait_until (no_pending_events, NULL);
}

/* With LGR_SHOTS_DIR set, saves what a window shows as <dir>/<name>.png for people to look
 * at; the tests never compare pixels. */
static void
shoot (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("LGR_SHOTS_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  settle ();
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, NULL);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

typedef struct
{
  LgrWindow *window;
  LgrDraftStore *drafts;
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrDocument) document = lgr_document_new_bundled (&error);
  g_autofree char *drafts_dir = NULL;

  g_assert_no_error (error);
  f->dir = g_dir_make_tmp ("lgr-window-XXXXXX", &error);
  g_assert_no_error (error);
  drafts_dir = g_build_filename (f->dir, "drafts", NULL);
  f->drafts = lgr_draft_store_new (drafts_dir);
  lgr_draft_store_set_delay (f->drafts, 50);
  f->window = lgr_window_new (NULL, f->drafts);
  lgr_window_set_document (f->window, document);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  settle ();
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  settle ();
  g_clear_object (&f->drafts);
  remove_tree (f->dir);
  g_free (f->dir);
}

static const LgrStudy *
study_of (Fixture *f)
{
  return lgr_document_get_study (lgr_window_get_document (f->window));
}

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
  description = lgr_chart_describe (expected, &options);
  g_assert_cmpstr (lgr_chart_view_get_description (lgr_window_get_chart_view (f->window)), ==,
                   description);
}

static LgrNumberRow *
north_lac_target (Fixture *f)
{
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  LgrLeverRow *row;

  lgr_scenario_sidebar_select (sidebar, "two");
  g_assert_cmpstr (lgr_scenario_sidebar_get_selected (sidebar), ==, "two");
  row = lgr_scenario_sidebar_find_lever_row (sidebar, "north-lac");
  g_assert_nonnull (row);
  return lgr_lever_row_get_field (row, LGR_LEVER_FIELD_COHORT_TARGET);
}

static LgrStudy *
bundled_with_north_lac (const LgrStudy *original, double target)
{
  LgrStudy *study = lgr_study_copy (original);
  lgr_scenario_find_lever (lgr_study_find_scenario (study, "two"), "north-lac")->cohort_target
      = target;
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
  g_autoptr (LgrResults) expected = lgr_results_compute (study_of (f));
  Draws draws = { lgr_window_get_chart_view (f->window), 0 };

  g_assert_cmpstr (study_of (f)->title, ==, "Warwickshire: one unitary or two?");
  g_assert_true (wait_until (drawn_since, &draws));
  assert_window_shows (f, expected);
  /* The seed figures of docs/format.md */
  g_assert_cmpstr (
      lgr_summary_card_get_value (lgr_window_find_card (f->window, "two"), LGR_SUMMARY_PAYBACK), ==,
      "2029/30");
  g_assert_cmpstr (lgr_summary_card_get_value (lgr_window_find_card (f->window, "one"),
                                               LGR_SUMMARY_PEAK_FUNDING),
                   ==, "£17.8m");
  shoot (GTK_WIDGET (f->window), "bundled");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  settle ();
  shoot (GTK_WIDGET (f->window), "bundled-1024x700");
}

static void
test_edit_north_lac (Fixture *f, gconstpointer data)
{
  g_autoptr (LgrStudy) original = lgr_study_copy (study_of (f));
  g_autoptr (LgrStudy) edited = bundled_with_north_lac (original, 60);
  g_autoptr (LgrResults) expected = lgr_results_compute (edited);
  g_autoptr (LgrResults) before = lgr_results_compute (original);
  LgrNumberRow *target = north_lac_target (f);
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
  g_assert_true (lgr_study_equal (study_of (f), edited));
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
  shoot (GTK_WIDGET (f->window), "refused-value");
  g_assert_nonnull (lgr_number_row_get_error (target));
  g_assert_nonnull (strstr (lgr_number_row_get_error (target), "12000"));
  g_assert_true (lgr_study_equal (study_of (f), edited));
  lgr_number_row_commit_text (target, "1,5");
  g_assert_nonnull (strstr (lgr_number_row_get_error (target), "1,5"));
  g_assert_true (lgr_study_equal (study_of (f), edited));
  lgr_number_row_commit_text (target, "60");
  g_assert_null (lgr_number_row_get_error (target));

  /* Undo and redo through the window's actions. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (lgr_study_equal (study_of (f), original));
  g_assert_cmpfloat (lgr_number_row_get_value (north_lac_target (f)), ==, 55);
  assert_window_shows (f, before);
  g_assert_false (lgr_document_get_modified (document));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  g_assert_true (lgr_study_equal (study_of (f), edited));
  assert_window_shows (f, expected);
  g_assert_cmpfloat (lgr_number_row_get_value (north_lac_target (f)), ==, 60);
}

static void
test_slider_drag (Fixture *f, gconstpointer data)
{
  g_autoptr (LgrStudy) original = lgr_study_copy (study_of (f));
  g_autoptr (LgrStudy) dragged = bundled_with_north_lac (original, 45);
  g_autoptr (LgrResults) expected = lgr_results_compute (dragged);
  GtkRange *scale = lgr_number_row_get_scale (north_lac_target (f));

  g_assert_nonnull (scale);
  for (double v = 54; v >= 45; v -= 1)
    gtk_range_set_value (scale, v);
  g_assert_true (lgr_study_equal (study_of (f), dragged));
  assert_window_shows (f, expected);
  /* The whole drag is one step. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (lgr_study_equal (study_of (f), original));
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
  edited = bundled_with_north_lac (kept->study, 58);
  g_assert_true (lgr_study_equal (study_of (f), edited));
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
  g_assert_cmpuint (study_of (f)->scenarios->len, ==, 16);
  g_assert_true (wait_until (views_updated, f->window));
  settle ();
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural,
                      NULL, NULL);
  g_test_message ("minimum width with 16 scenarios: %d", minimum);
  g_assert_cmpint (minimum, <=, 1024);
  expected = lgr_results_compute (study_of (f));
  assert_window_shows (f, expected);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  settle ();
  shoot (GTK_WIDGET (f->window), "sixteen-scenarios-1024x700");
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
  g_autoptr (LgrStudy) original = lgr_study_copy (study_of (f));
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  g_autoptr (LgrResults) expected = NULL;
  g_autofree char *added = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-scenario", NULL);
  g_assert_cmpuint (study_of (f)->scenarios->len, ==, original->scenarios->len + 1);
  added = g_strdup (lgr_scenario_sidebar_get_selected (sidebar));
  g_assert_nonnull (lgr_study_find_scenario (study_of (f), added));
  g_assert_null (lgr_study_find_scenario (original, added));
  expected = lgr_results_compute (study_of (f));
  assert_window_shows (f, expected);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.duplicate-scenario", NULL);
  g_assert_cmpuint (study_of (f)->scenarios->len, ==, original->scenarios->len + 2);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-scenario", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-scenario", NULL);
  g_assert_true (lgr_study_equal (study_of (f), original));
  g_assert_true (wait_until (views_updated, f->window));
  g_assert_null (lgr_window_find_card (f->window, added));
  g_clear_pointer (&expected, lgr_results_free);
  expected = lgr_results_compute (study_of (f));
  assert_window_shows (f, expected);

  /* Removing is undoable. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (study_of (f)->scenarios->len, ==, original->scenarios->len + 1);
  g_assert_true (wait_until (views_updated, f->window));
  for (guint i = 0; i < study_of (f)->scenarios->len; i++)
    {
      const LgrScenario *s = g_ptr_array_index (study_of (f)->scenarios, i);
      g_assert_nonnull (lgr_window_find_card (f->window, s->id));
    }
}

static void
test_save_reload (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "saved.lgr", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrStudy) reloaded = NULL;
  LgrDocument *document = lgr_window_get_document (f->window);

  lgr_number_row_commit_text (north_lac_target (f), "58.5");
  g_assert_true (lgr_document_get_modified (document));
  g_assert_true (lgr_window_save_to (f->window, file, &error));
  g_assert_no_error (error);
  g_assert_false (lgr_document_get_modified (document));
  reloaded = lgr_study_load_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (lgr_study_equal (reloaded, study_of (f)));

  /* Save (Ctrl+S) now writes to that file. */
  lgr_number_row_commit_text (north_lac_target (f), "57");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  g_assert_false (lgr_document_get_modified (document));
  g_clear_pointer (&reloaded, lgr_study_free);
  reloaded = lgr_study_load_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (lgr_study_equal (reloaded, study_of (f)));
}

static void
respond (Fixture *f, const char *response)
{
  AdwMessageDialog *dialog = lgr_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
}

static void
test_unsaved_changes (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "other.lgr", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "broken.lgr", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr (LgrStudy) other = lgr_study_copy (study_of (f));
  g_autoptr (LgrStudy) edited = NULL;
  g_autoptr (GError) error = NULL;

  g_free (other->title);
  other->title = g_strdup ("Another study");
  g_assert_true (lgr_study_save_path (other, path, &error));
  g_assert_no_error (error);

  lgr_number_row_commit_text (north_lac_target (f), "50");
  edited = lgr_study_copy (study_of (f));

  /* Opening asks first; Cancel keeps the changes. */
  lgr_window_open (f->window, file);
  shoot (GTK_WIDGET (lgr_window_get_dialog (f->window)), "unsaved-changes");
  respond (f, "cancel");
  g_assert_true (lgr_study_equal (study_of (f), edited));
  g_assert_true (lgr_document_get_modified (lgr_window_get_document (f->window)));

  /* Closing asks too. */
  gtk_window_close (GTK_WINDOW (f->window));
  settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  respond (f, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  /* Discard opens the other study. */
  lgr_window_open (f->window, file);
  respond (f, "discard");
  g_assert_true (lgr_study_equal (study_of (f), other));
  g_assert_true (g_file_equal (lgr_document_get_file (lgr_window_get_document (f->window)), file));

  /* A file that does not load is reported with its name and line; the study stays open. */
  g_assert_true (g_file_set_contents (broken,
                                      "<?xml version=\"1.0\"?>\n<lgr-study version=\"1\">\n"
                                      "  <title>Broken</title>\n  <timeline first-year=\"abc\"/>\n"
                                      "</lgr-study>\n",
                                      -1, NULL));
  lgr_window_open (f->window, broken_file);
  settle ();
  g_assert_nonnull (lgr_window_get_dialog (f->window));
  g_assert_nonnull (
      strstr (adw_message_dialog_get_body (lgr_window_get_dialog (f->window)), "broken.lgr:4"));
  respond (f, "close");
  g_assert_true (lgr_study_equal (study_of (f), other));
}

typedef struct
{
  LgrDraftStore *drafts;
  LgrDocument *document;
} DraftWait;

static gboolean
draft_written (gpointer data)
{
  DraftWait *w = data;
  g_autofree char *path = lgr_draft_store_dup_draft_path (w->drafts, w->document);
  return path != NULL && g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_draft_recovery (Fixture *f, gconstpointer data)
{
  DraftWait wait = { f->drafts, lgr_window_get_document (f->window) };
  g_autofree char *drafts_dir = g_build_filename (f->dir, "drafts", NULL);
  g_autoptr (LgrDraftStore) after_crash = lgr_draft_store_new (drafts_dir);
  g_autoptr (LgrDocument) fresh = lgr_document_new_bundled (NULL);
  g_autoptr (LgrStudy) edited = NULL;
  LgrWindow *window;

  lgr_number_row_commit_text (north_lac_target (f), "48");
  edited = lgr_study_copy (study_of (f));
  g_assert_true (wait_until (draft_written, &wait));

  /* The process dies here: a new start finds the draft and offers it. */
  window = lgr_window_new (NULL, after_crash);
  lgr_window_set_document (window, fresh);
  gtk_window_present (GTK_WINDOW (window));
  lgr_window_offer_drafts (window);
  g_assert_true (lgr_window_get_draft_offered (window));
  shoot (GTK_WIDGET (window), "draft-offered");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-draft", NULL);
  settle ();
  g_assert_false (lgr_window_get_draft_offered (window));
  g_assert_true (
      lgr_study_equal (lgr_document_get_study (lgr_window_get_document (window)), edited));
  g_assert_true (lgr_document_get_modified (lgr_window_get_document (window)));

  /* Undoing back to the saved state removes the draft: nothing left to offer. */
  lgr_document_revert (lgr_window_get_document (window));
  lgr_draft_store_untrack (f->drafts, lgr_window_get_document (f->window));
  {
    g_autoptr (GPtrArray) left = lgr_draft_store_find (after_crash);
    g_assert_cmpuint (left->len, ==, 0);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_presentation (Fixture *f, gconstpointer data)
{
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  GtkWidget *levers = lgr_window_get_presentation_levers (f->window);
  GtkWidget *first;

  lgr_scenario_sidebar_select (sidebar, "two");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL);
  settle ();
  g_assert_true (lgr_window_get_presenting (f->window));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (lgr_window_find_card (f->window, "two"))));
  g_assert_true (gtk_widget_is_visible (levers));
  shoot (GTK_WIDGET (f->window), "presentation");
  first = gtk_widget_get_first_child (levers);
  g_assert_true (LGR_IS_LEVER_ROW (first));
  /* The lever that saves most in the two-unitary case is shown first. */
  g_assert_nonnull (lgr_lever_row_get_field (LGR_LEVER_ROW (first), LGR_LEVER_FIELD_COHORT_TARGET));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-scenario", NULL);
  g_assert_cmpstr (lgr_scenario_sidebar_get_selected (sidebar), ==, "one");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-scenario", NULL);
  g_assert_cmpstr (lgr_scenario_sidebar_get_selected (sidebar), ==, "two");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.leave-presentation", NULL);
  settle ();
  g_assert_false (lgr_window_get_presenting (f->window));
  g_assert_false (gtk_widget_is_visible (levers));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (lgr_window_find_card (f->window, "two"))));
}

static gboolean
has_preview (gpointer data)
{
  return lgr_export_dialog_get_preview (data) != NULL;
}

static void
test_export_dialog (Fixture *f, gconstpointer data)
{
  g_autofree char *png = g_build_filename (f->dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "chart.svg", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  LgrExportDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL);
  dialog = LGR_EXPORT_DIALOG (lgr_window_get_export_dialog (f->window));
  g_assert_nonnull (dialog);
  g_assert_true (wait_until (has_preview, dialog));
  shoot (GTK_WIDGET (dialog), "export-dialog");

  lgr_export_dialog_set_format (dialog, LGR_EXPORT_PNG);
  lgr_export_dialog_set_title_text (dialog, "North LAC at 55");
  g_assert_true (lgr_export_dialog_export_to_path (dialog, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_clear_pointer (&contents, g_free);

  lgr_export_dialog_set_format (dialog, LGR_EXPORT_SVG);
  g_assert_true (lgr_export_dialog_export_to_path (dialog, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  g_assert_null (lgr_window_get_export_dialog (f->window));
}

static const LgrLever *
current_north_lac (Fixture *f)
{
  return lgr_scenario_find_lever (lgr_study_find_scenario (study_of (f), "two"), "north-lac");
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
  g_autoptr (LgrStudy) original = lgr_study_copy (study_of (f));
  g_autoptr (LgrResults) before = lgr_results_compute (original);
  const LgrAuthority *north
      = lgr_scenario_find_authority (lgr_study_find_scenario (original, "two"), "north");
  LgrDocument *document = lgr_window_get_document (f->window);
  LgrLeverRow *row;
  g_autoptr (LgrResults) now = NULL;

  north_lac_target (f); /* selects "two" */
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
  now = lgr_results_compute (study_of (f));
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
  now = lgr_results_compute (study_of (f));
  assert_window_shows (f, now);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (north_lac_row (f)), TRUE);
  shoot (GTK_WIDGET (f->window), "lever-editors");

  /* Six steps, each undone through the window. */
  for (int i = 0; i < 6; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (lgr_study_equal (study_of (f), original));
  g_assert_false (lgr_document_can_undo (document));
}

static void
test_item_editors (Fixture *f, gconstpointer data)
{
  g_autoptr (LgrStudy) original = lgr_study_copy (study_of (f));
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  GtkWidget *row;
  const LgrItem *item;

  lgr_scenario_sidebar_select (sidebar, "two");
  row = lgr_scenario_sidebar_find_item_row (sidebar, "transition");
  g_assert_nonnull (row);
  type_and_apply (lgr_item_row_get_name_row (LGR_ITEM_ROW (row)), "Set-up costs");
  item = lgr_scenario_find_item (lgr_study_find_scenario (study_of (f), "two"), "transition");
  g_assert_cmpstr (item->name, ==, "Set-up costs");

  /* A spread one-off cost made recurring becomes the same money per year. */
  row = lgr_scenario_sidebar_find_item_row (sidebar, "transition");
  choose (lgr_item_row_get_kind_row (LGR_ITEM_ROW (row)), LGR_ITEM_KIND_RECURRING_COST);
  item = lgr_scenario_find_item (lgr_study_find_scenario (study_of (f), "two"), "transition");
  g_assert_cmpint (item->kind, ==, LGR_ITEM_KIND_RECURRING_COST);
  g_assert_cmpint (item->pattern, ==, LGR_ITEM_PATTERN_VALUES);
  row = lgr_scenario_sidebar_find_item_row (sidebar, "transition");
  g_assert_null (lgr_item_row_get_error (LGR_ITEM_ROW (row)));
  g_assert_cmpint (
      adw_combo_row_get_selected (ADW_COMBO_ROW (lgr_item_row_get_kind_row (LGR_ITEM_ROW (row)))),
      ==, LGR_ITEM_KIND_RECURRING_COST);

  type_and_apply (lgr_item_row_get_name_row (LGR_ITEM_ROW (row)), "");
  g_assert_nonnull (lgr_item_row_get_error (LGR_ITEM_ROW (row)));
  g_assert_cmpstr (
      lgr_scenario_find_item (lgr_study_find_scenario (study_of (f), "two"), "transition")->name,
      ==, "Set-up costs");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (lgr_study_equal (study_of (f), original));
}

static void
test_authority_editors (Fixture *f, gconstpointer data)
{
  g_autoptr (LgrStudy) original = lgr_study_copy (study_of (f));
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
  g_assert_true (lgr_study_equal (study_of (f), original));

  type_and_apply (lgr_scenario_sidebar_get_authority_name_row (sidebar, "north"), "North Council");
  two = lgr_study_find_scenario (study_of (f), "two");
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
  two = lgr_study_find_scenario (study_of (f), "two");
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
  g_assert_true (lgr_study_equal (study_of (f), original));
}

/* A scenario with no colour in its file: its card and its sidebar row show the colour its chart
 * line has (the palette's), and one with a colour shows that. */
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
  g_assert_null (lgr_study_find_scenario (study_of (f), added)->colour);
  results = lgr_document_get_results (lgr_window_get_document (f->window));
  index = lgr_study_scenario_index (study_of (f), added);
  lgr_chart_scenario_colour (results, index, LGR_CHART_STYLE_LIGHT, rgb);
  expected = g_strdup_printf ("#%02x%02x%02x", (int)lround (rgb[0] * 255),
                              (int)lround (rgb[1] * 255), (int)lround (rgb[2] * 255));
  g_assert_cmpstr (lgr_summary_card_get_colour (lgr_window_find_card (f->window, added)), ==,
                   expected);
  g_assert_cmpstr (lgr_scenario_sidebar_get_swatch_colour (sidebar, added), ==, expected);
  shoot (GTK_WIDGET (f->window), "palette-colour");
}

/* pdfinfo's "Pages:" and "Page size:" lines for a PDF. */
static void
pdf_info (const char *path, int *pages, double *width, double *height)
{
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *line;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  *pages = atoi (line + strlen ("Pages:"));
  line = strstr (out, "Page size:");
  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "Page size: %lf x %lf", width, height), ==, 2);
}

static gboolean
have_pdfinfo (void)
{
  g_autofree char *path = g_find_program_in_path ("pdfinfo");
  if (path == NULL)
    g_test_skip ("pdfinfo (poppler-utils) is not installed");
  return path != NULL;
}

/* The report through GtkPrintOperation (exported to PDF instead of a printer): every page of
 * lgr_report_draw_page, on A4 portrait. */
static void
test_print_report (Fixture *f, gconstpointer data)
{
  LgrDocument *document = lgr_window_get_document (f->window);
  g_autofree char *path = g_build_filename (f->dir, "printed-report.pdf", NULL);
  g_autofree char *chart_path = g_build_filename (f->dir, "printed-chart.pdf", NULL);
  g_autoptr (LgrPrintOperation) report = NULL;
  g_autoptr (LgrPrintOperation) chart = NULL;
  g_autoptr (GError) error = NULL;
  int expected
      = lgr_report_n_pages (lgr_document_get_study (document), lgr_document_get_results (document));
  int pages;
  double width, height;

  if (!have_pdfinfo ())
    return;
  g_assert_cmpint (expected, >, 3);
  report = lgr_print_operation_new_report (lgr_document_get_study (document),
                                           lgr_document_get_results (document));
  g_assert_true (lgr_print_operation_export_pdf (report, path, &error));
  g_assert_no_error (error);
  pdf_info (path, &pages, &width, &height);
  g_assert_cmpint (pages, ==, expected);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 1.0);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 1.0);

  /* A chart is one landscape page. */
  chart = lgr_print_operation_new (lgr_document_get_study (document),
                                   lgr_document_get_results (document), LGR_CHART_SAVINGS);
  g_assert_true (lgr_print_operation_export_pdf (chart, chart_path, &error));
  g_assert_no_error (error);
  pdf_info (chart_path, &pages, &width, &height);
  g_assert_cmpint (pages, ==, 1);
  g_assert_cmpfloat (width, >, height);
}

typedef struct
{
  GdkTexture *texture;
  gboolean done;
} TextureRead;

static void
texture_read (GObject *source, GAsyncResult *result, gpointer data)
{
  TextureRead *read = data;
  read->texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
read_done (gpointer data)
{
  return ((TextureRead *)data)->done;
}

static void
test_copy_chart (Fixture *f, gconstpointer data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  GdkContentFormats *formats;
  TextureRead read = { NULL, FALSE };

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy-chart", NULL);
  settle ();
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_clipboard_is_local (clipboard));
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/png"));
  g_assert_false (gdk_content_formats_contain_gtype (formats, G_TYPE_STRING));

  gdk_clipboard_read_texture_async (clipboard, NULL, texture_read, &read);
  g_assert_true (wait_until (read_done, &read));
  g_assert_nonnull (read.texture);
  g_assert_cmpint (gdk_texture_get_width (read.texture), ==, 1600);
  g_assert_cmpint (gdk_texture_get_height (read.texture), ==, 900);
  g_object_unref (read.texture);
}

/* Export Table writes what the command line's --summary=csv writes for the same saved study. */
static void
test_export_csv (Fixture *f, gconstpointer data)
{
  const char *explorer = g_getenv ("LGR_EXPLORER");
  g_autofree char *study_path = g_build_filename (f->dir, "edited.lgr", NULL);
  g_autofree char *csv_path = g_build_filename (f->dir, "two.csv", NULL);
  g_autoptr (GFile) study_file = g_file_new_for_path (study_path);
  g_autoptr (GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *summary = NULL;
  int status;

  if (explorer == NULL)
    {
      g_test_skip ("LGR_EXPLORER is not set");
      return;
    }
  lgr_number_row_commit_text (north_lac_target (f), "61.5"); /* selects "two" */
  g_assert_true (lgr_window_save_to (f->window, study_file, &error));
  g_assert_no_error (error);
  g_assert_true (lgr_window_export_csv_to (f->window, csv_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  {
    const char *argv[] = { explorer, "--summary=csv", study_path, NULL };
    g_assert_true (
        g_spawn_sync (NULL, (char **)argv, NULL, 0, NULL, NULL, &summary, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
  }
  g_assert_true (g_str_has_prefix (csv, "scenario,measure,"));
  g_assert_cmpstr (csv, ==, summary);
}

/* Help > User Guide (F1) opens the guide: installed, or from the source tree when uninstalled;
 * the window menu offers it. */
static void
test_user_guide (void)
{
  g_autofree char *path = lgr_application_guide_path ();
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "# LGR Explorer user guide"));

  g_autofree char *ui = NULL;
  g_autoptr (GBytes) bytes = g_resources_lookup_data (
      "/io/github/lgrexplorer/Explorer/lgr-window.ui", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert_nonnull (bytes);
  ui = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (ui, "app.help"));
}

int
main (int argc, char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/window/opens-bundled", test_opens_bundled);
  ADD ("/window/edit/north-lac", test_edit_north_lac);
  ADD ("/window/edit/slider-drag", test_slider_drag);
  ADD ("/window/edit/calm", test_calm_edits);
  ADD ("/window/scenarios/sixteen-fit-1024", test_many_scenarios_width);
  ADD ("/window/chart-action", test_chart_action);
  ADD ("/window/scenarios/add-remove", test_add_remove_scenario);
  ADD ("/window/files/save-reload", test_save_reload);
  ADD ("/window/files/unsaved-changes", test_unsaved_changes);
  ADD ("/window/files/draft-recovery", test_draft_recovery);
  ADD ("/window/presentation", test_presentation);
  ADD ("/window/export-dialog", test_export_dialog);
  ADD ("/window/edit/lever-editors", test_lever_editors);
  ADD ("/window/edit/item-editors", test_item_editors);
  ADD ("/window/edit/authority-editors", test_authority_editors);
  ADD ("/window/scenarios/colours", test_scenario_colours);
  ADD ("/window/print/report", test_print_report);
  ADD ("/window/export/copy-chart", test_copy_chart);
  ADD ("/window/export/csv", test_export_csv);
#undef ADD
  g_test_add_func ("/window/help/user-guide", test_user_guide);
  return g_test_run ();
}
