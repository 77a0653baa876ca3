/* test-window-published.c: the window's published figures below the year table - a row for
 * each figure of the bundled study with the comparison and the source in full, following edits,
 * and hidden for a study without any - under Xvfb. */
#include <string.h>

#include <adwaita.h>

#include "lgr-test-util.h"
#include "lgr-test-window.h"

static const char *
row_title (LgrPublishedView *view, guint i)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (lgr_published_view_get_row (view, i)));
}

static const char *
row_subtitle (LgrPublishedView *view, guint i)
{
  return adw_action_row_get_subtitle (lgr_published_view_get_row (view, i));
}

/* The window's views follow an edit at its next frame. */
static gboolean
run_rate_followed (gpointer data)
{
  return strstr (row_title (data, 0), "computed £20.0m") != NULL;
}

static void
test_rows (LgrTestWindowFixture *f, gconstpointer data)
{
  LgrPublishedView *view = lgr_window_get_published_view (f->window);
  LgrDocument *document = lgr_window_get_document (f->window);
  const LgrScenario *one = lgr_study_find_scenario (lgr_test_window_study (f), "one");
  g_autoptr (LgrItem) aggregation = lgr_item_copy (lgr_scenario_find_item (one, "aggregation"));
  g_autoptr (GError) error = NULL;

  lgr_test_settle ();
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (view), GTK_WIDGET (f->window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view)));
  g_assert_cmpuint (lgr_published_view_get_n_rows (view), ==, 2);
  g_assert_cmpstr (row_title (view, 0), ==,
                   "Published run rate £18.7m · computed £18.7m · the same");
  g_assert_true (g_str_has_prefix (row_subtitle (view, 0),
                                   "Warwickshire County Council, final proposal for a single "
                                   "unitary council, 28 November 2025"));
  g_assert_cmpstr (row_title (view, 1), ==,
                   "Published cumulative by 2032/33 £57.1m · computed £57.2m · £75k more");
  /* the source in full, not cut to a line */
  g_assert_cmpint (adw_action_row_get_subtitle_lines (lgr_published_view_get_row (view, 1)), ==, 0);
  {
    /* for people to look at: the window scrolled down to the figures */
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    lgr_test_settle ();
    gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
    lgr_test_shoot (GTK_WIDGET (f->window), "published-figures");
  }

  /* an edit: the computed figures follow */
  aggregation->amount = 20e6;
  g_assert_true (lgr_document_set_item (document, "one", aggregation, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lgr_test_wait_until (run_rate_followed, view));
  g_assert_cmpstr (row_title (view, 0), ==,
                   "Published run rate £18.7m · computed £20.0m · £1.3m more");

  /* a study without published figures: no rows, nothing shown */
  {
    g_autofree char *path = lgr_test_source_path ("tests", "files", "valid-full.lgr", NULL);
    g_autoptr (GFile) file = g_file_new_for_path (path);
    g_autoptr (LgrDocument) other = lgr_document_new_for_file (file, &error);
    g_assert_no_error (error);
    lgr_window_set_document (f->window, other);
    lgr_test_settle ();
    g_assert_cmpuint (lgr_published_view_get_n_rows (view), ==, 0);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view)));
  }
}

int
main (int argc, char *argv[])
{
  lgr_test_window_init (&argc, &argv);
  LGR_TEST_WINDOW_ADD ("/window-published/rows", test_rows);
  return g_test_run ();
}
