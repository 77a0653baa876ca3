/* test-window-layout.c: what the window leaves alone because it cannot be seen, under Xvfb.
 *
 * A label's new text makes GTK lay the whole window out again, so the window does not touch
 * what is out of view: year-table cells scrolled away, a hidden sidebar. These tests check that
 * what then comes into view shows the right figures. Waiting is done by iterating the main
 * context until a condition holds, with a timeout; never by sleeping. */
#include <adwaita.h>

#include "lgr-test-util.h"
#include "lgr-window-private.h"

static gboolean
views_updated (gpointer window)
{
  return !lgr_window_get_update_pending (window);
}

typedef struct
{
  LgrWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (LgrDocument) document = lgr_document_new (lgr_test_load_bundled (), NULL);

  f->window = lgr_window_new (NULL, NULL);
  lgr_window_set_document (f->window, document);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  lgr_test_settle ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  lgr_test_settle ();
}

static gboolean
widget_hidden (gpointer widget)
{
  return !gtk_widget_get_visible (widget);
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* A hidden sidebar is not laid out: its content is invisible once the flap has slid away, and
 * visible again as soon as the flap is to be revealed. */
static void
test_hidden_sidebar (Fixture *f, gconstpointer data)
{
  GtkWidget *sidebar = GTK_WIDGET (lgr_window_get_sidebar (f->window));

  g_assert_true (adw_flap_get_reveal_flap (f->window->flap));
  g_assert_true (gtk_widget_get_visible (sidebar));
  adw_flap_set_reveal_flap (f->window->flap, FALSE);
  g_assert_true (lgr_test_wait_until (widget_hidden, sidebar));
  adw_flap_set_reveal_flap (f->window->flap, TRUE);
  g_assert_true (gtk_widget_get_visible (sidebar));
  g_assert_true (lgr_test_wait_until (widget_mapped, sidebar));
}

static gboolean
last_cumulative_shown (gpointer table)
{
  guint last = lgr_year_table_get_n_rows (table) - 1;
  g_autofree char *label = lgr_year_table_dup_label (table, last, LGR_YEAR_COLUMN_CUMULATIVE);
  g_autofree char *cell = lgr_year_table_dup_cell (table, last, LGR_YEAR_COLUMN_CUMULATIVE);
  return g_strcmp0 (label, cell) == 0;
}

/* Cells of the year table scrolled out of view are brought up to date only when scrolled into
 * view (a label's new text lays out the whole window again); the figures are then right. */
static void
test_table_out_of_view (Fixture *f, gconstpointer data)
{
  LgrDocument *document = lgr_window_get_document (f->window);
  LgrYearTable *table = lgr_window_find_table (f->window, "two");
  GtkWidget *scroller;
  GtkAdjustment *vadjustment;
  g_autoptr (LgrLever) lever = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  guint last;

  lgr_scenario_sidebar_select (lgr_window_get_sidebar (f->window), "two");
  lgr_test_settle ();
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (table), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (vadjustment, 0);
  lgr_test_settle ();
  last = lgr_year_table_get_n_rows (table) - 1;
  before = lgr_year_table_dup_label (table, last, LGR_YEAR_COLUMN_CUMULATIVE);
  expected = lgr_year_table_dup_cell (table, last, LGR_YEAR_COLUMN_CUMULATIVE);
  g_assert_cmpstr (before, ==, expected);
  g_clear_pointer (&expected, g_free);

  lever = lgr_lever_copy (lgr_scenario_find_lever (
      lgr_study_find_scenario (lgr_document_get_study (document), "two"), "north-lac"));
  lever->cohort_target = 40;
  g_assert_true (lgr_document_set_lever (document, "two", lever, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lgr_test_wait_until (views_updated, f->window));
  lgr_test_settle ();
  expected = lgr_year_table_dup_cell (table, last, LGR_YEAR_COLUMN_CUMULATIVE);
  g_assert_cmpstr (expected, !=, before);
  /* At 1400 x 900 the last year is below the bottom of the window. */
  stale = lgr_year_table_dup_label (table, last, LGR_YEAR_COLUMN_CUMULATIVE);
  g_assert_cmpstr (stale, ==, before);

  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  g_assert_true (lgr_test_wait_until (last_cumulative_shown, table));
  shown = lgr_year_table_dup_label (table, last, LGR_YEAR_COLUMN_CUMULATIVE);
  g_assert_cmpstr (shown, ==, expected);
}

int
main (int argc, char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/window-layout/table-out-of-view", test_table_out_of_view);
  ADD ("/window-layout/hidden-sidebar", test_hidden_sidebar);
#undef ADD
  return g_test_run ();
}
