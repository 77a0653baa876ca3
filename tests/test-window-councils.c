/* test-window-councils.c: the split by council under the year-by-year table of a scenario with
 * several authorities (src/lgr-council-table.c) and on its summary card, under Xvfb: its rows,
 * their figures against the core, an edit that moves an item to a council, none for a scenario
 * with one authority. */
#include <adwaita.h>
#include <string.h>

#include "lgr-figure-label.h"
#include "lgr-format.h"
#include "lgr-item-council-row.h"
#include "lgr-results-authority.h"
#include "lgr-summary-card.h"
#include "lgr-test-util.h"
#include "lgr-test-window.h"

static gboolean
views_updated (gpointer window)
{
  return !lgr_window_get_update_pending (window);
}

/* The council table of scenario "two" against the core's split of the document's study. */
static void
assert_councils_shown (LgrTestWindowFixture *f)
{
  LgrCouncilTable *councils
      = lgr_year_table_get_councils (lgr_window_find_table (f->window, "two"));
  g_autoptr (LgrResults) results = lgr_results_compute (lgr_test_window_study (f));
  const LgrScenarioResult *two = lgr_results_find (results, "two");
  g_autoptr (LgrAuthoritySplit) split = lgr_authority_split_new (results, two);
  guint n = results->n_years;

  g_assert_cmpuint (lgr_council_table_get_n_rows (councils), ==, split->n_parts + 1);
  for (guint row = 0; row <= split->n_parts; row++)
    {
      gboolean whole = row == split->n_parts;
      const double *net = whole ? two->net : split->parts[row].net;
      g_autofree char *total
          = lgr_format_money (whole ? two->total_net : split->parts[row].total_net);
      g_autofree char *shown_total = lgr_council_table_dup_cell (councils, row, n + 1);

      g_assert_cmpstr (shown_total, ==, total);
      for (guint t = 0; t < n; t++)
        {
          g_autofree char *expected = lgr_format_money (net[t]);
          g_autofree char *shown = lgr_council_table_dup_cell (councils, row, t + 1);
          g_assert_cmpstr (shown, ==, expected);
        }
    }
}

/* The label or figure label under widget whose text is text. */
static GtkWidget *
find_text (GtkWidget *widget, const char *text)
{
  if ((GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
      || (LGR_IS_FIGURE_LABEL (widget)
          && g_strcmp0 (lgr_figure_label_get_text (LGR_FIGURE_LABEL (widget)), text) == 0))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_text (c, text);
      if (found)
        return found;
    }
  return NULL;
}

/* The card of scenario "two" shows each council's net by the horizon and the shared items',
 * as the core's split of the document's study; the card of "one" shows none. */
static void
assert_card_councils (LgrTestWindowFixture *f, gboolean shared)
{
  LgrSummaryCard *card = lgr_window_find_card (f->window, "two");
  g_autoptr (LgrResults) results = lgr_results_compute (lgr_test_window_study (f));
  const LgrScenarioResult *two = lgr_results_find (results, "two");
  g_autoptr (LgrAuthoritySplit) split = lgr_authority_split_new (results, two);
  g_autoptr (GString) expected = g_string_new (NULL);
  const char *shown = lgr_summary_card_get_councils (card);

  for (guint p = 0; p < split->n_parts; p++)
    {
      g_autofree char *money = lgr_format_money (split->parts[p].total_net);
      if (split->parts[p].authority == NULL && !shared)
        continue;
      g_string_append_printf (
          expected, "%s%s %s", p ? " · " : "",
          split->parts[p].authority ? split->parts[p].authority->name : "shared", money);
    }
  g_string_append (expected, " (net by 2034/35)");
  g_assert_cmpstr (shown, ==, expected->str);
  g_assert_null (lgr_summary_card_get_councils (lgr_window_find_card (f->window, "one")));

  /* visible without hovering: each council's name and net are drawn on the card */
  for (guint p = 0; p < split->n_parts; p++)
    {
      g_autofree char *money = lgr_format_money (split->parts[p].total_net);
      const char *name
          = split->parts[p].authority ? split->parts[p].authority->name : "Shared items";
      GtkWidget *name_label, *figure;

      if (split->parts[p].authority == NULL && !shared)
        continue;
      name_label = find_text (GTK_WIDGET (card), name);
      g_assert_nonnull (name_label);
      figure = find_text (gtk_widget_get_parent (name_label), money);
      g_assert_true (gtk_widget_get_mapped (name_label));
      g_assert_true (LGR_IS_FIGURE_LABEL (figure));
      g_assert_true (gtk_widget_get_mapped (figure));
      g_assert_cmpint (gtk_widget_get_width (figure), >, 0);
    }
  {
    /* the rows do not widen the card: the two cards still share a line */
    graphene_point_t at_one, at_two;
    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (lgr_window_find_card (f->window, "one")),
                                             GTK_WIDGET (f->window), &GRAPHENE_POINT_INIT (0, 0),
                                             &at_one));
    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (card), GTK_WIDGET (f->window),
                                             &GRAPHENE_POINT_INIT (0, 0), &at_two));
    g_assert_cmpfloat (at_one.y, ==, at_two.y);
  }
}

static void
test_councils (LgrTestWindowFixture *f, gconstpointer data)
{
  LgrDocument *document = lgr_window_get_document (f->window);
  LgrYearTable *table = lgr_window_find_table (f->window, "two");
  LgrCouncilTable *councils = lgr_year_table_get_councils (table);
  GtkWidget *scroller;
  LgrFigureLabel *north_figure;
  guint n_resizes;
  g_autoptr (LgrItem) item = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *north = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *whole = NULL;

  /* one authority: nothing to split */
  g_assert_cmpuint (lgr_council_table_get_n_rows (
                        lgr_year_table_get_councils (lgr_window_find_table (f->window, "one"))),
                    ==, 0);

  lgr_scenario_sidebar_select (lgr_window_get_sidebar (f->window), "two");
  lgr_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (councils)));
  north = lgr_council_table_dup_cell (councils, 0, 0);
  shared = lgr_council_table_dup_cell (councils, 2, 0);
  whole = lgr_council_table_dup_cell (councils, 3, 0);
  g_assert_cmpstr (north, ==, "North Warwickshire Council (5 levers)");
  g_assert_cmpstr (shared, ==, "Shared items (2 items)");
  g_assert_cmpstr (whole, ==, "Two unitaries: net");
  assert_councils_shown (f);
  assert_card_councils (f, TRUE);
  lgr_test_shoot (GTK_WIDGET (f->window), "councils-card");

  scroller = gtk_widget_get_ancestor (GTK_WIDGET (table), GTK_TYPE_SCROLLED_WINDOW);
  if (scroller)
    {
      GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
      lgr_test_settle ();
    }
  lgr_test_shoot (GTK_WIDGET (f->window), "councils");

  /* Copy Table: the split follows the figures, unrounded */
  {
    g_autoptr (LgrResults) results = lgr_results_compute (lgr_test_window_study (f));
    g_autofree char *text = lgr_year_table_format (results, "two", '\t');
    g_autofree char *one = lgr_year_table_format (results, "one", '\t');
    const char *split = strstr (text, "\n\nNet by council\t2025/26\t");
    g_assert_nonnull (split);
    g_assert_nonnull (strstr (split, "\tTotal\nNorth Warwickshire Council (5 levers)\t0\t0\t0\t"));
    g_assert_nonnull (strstr (split, "\nShared items (2 items)\t0\t-11190000\t"));
    g_assert_nonnull (strstr (split, "\nTwo unitaries: net\t0\t-11190000\t"));
    g_assert_null (strstr (one, "Net by council"));
  }

  /* the transition costs become the North's: its row says so, and the figures follow; on the
   * card, the North's new net (as wide) is drawn without laying the window out again */
  north_figure = LGR_FIGURE_LABEL (find_text (
      gtk_widget_get_parent (find_text (GTK_WIDGET (lgr_window_find_card (f->window, "two")),
                                        "North Warwickshire Council")),
      "£207.2m"));
  n_resizes = lgr_figure_label_get_n_resizes (north_figure);
  item = lgr_item_copy (lgr_scenario_find_item (
      lgr_study_find_scenario (lgr_document_get_study (document), "two"), "transition"));
  item->authority_id = g_strdup ("north");
  g_assert_true (lgr_document_set_item (document, "two", item, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lgr_test_wait_until (views_updated, f->window));
  lgr_test_settle ();
  g_clear_pointer (&north, g_free);
  g_clear_pointer (&shared, g_free);
  north = lgr_council_table_dup_cell (councils, 0, 0);
  shared = lgr_council_table_dup_cell (councils, 2, 0);
  g_assert_cmpstr (north, ==, "North Warwickshire Council (5 levers, 1 item)");
  g_assert_cmpstr (shared, ==, "Shared items (1 item)");
  assert_councils_shown (f);
  assert_card_councils (f, TRUE);
  g_assert_cmpstr (lgr_figure_label_get_text (north_figure), ==, "£169.9m");
  g_assert_cmpuint (lgr_figure_label_get_n_resizes (north_figure), ==, n_resizes);
  lgr_test_shoot (GTK_WIDGET (f->window), "councils-north-transition");
}

static GtkWidget *
find_council_row (GtkWidget *widget)
{
  if (LGR_IS_ITEM_COUNCIL_ROW (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_council_row (c);
      if (found)
        return found;
    }
  return NULL;
}

/* An item's row chooses its council: the choice is an undoable edit of the item, and the
 * table follows. */
static void
test_item_council (LgrTestWindowFixture *f, gconstpointer data)
{
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  LgrDocument *document = lgr_window_get_document (f->window);
  LgrCouncilTable *councils
      = lgr_year_table_get_councils (lgr_window_find_table (f->window, "two"));
  GtkWidget *item_row, *row;
  GListModel *choices;
  g_autoptr (GtkStringObject) first = NULL;
  g_autoptr (GtkStringObject) second = NULL;
  g_autofree char *south = NULL;

  lgr_scenario_sidebar_select (sidebar, "one");
  lgr_test_settle ();
  row = find_council_row (lgr_scenario_sidebar_find_item_row (sidebar, "transition"));
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_visible (row)); /* one council: nothing to choose */

  lgr_scenario_sidebar_select (sidebar, "two");
  lgr_test_settle ();
  item_row = lgr_scenario_sidebar_find_item_row (sidebar, "transition");
  row = find_council_row (item_row);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 3);
  first = g_list_model_get_item (choices, 0);
  second = g_list_model_get_item (choices, 2);
  g_assert_cmpstr (gtk_string_object_get_string (first), ==, "Shared by the option");
  g_assert_cmpstr (gtk_string_object_get_string (second), ==, "South Warwickshire Council");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item_row), TRUE);
  lgr_test_settle ();
  {
    /* the sidebar scrolled to the row, for the picture */
    GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
    GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
    graphene_point_t at;
    if (gtk_widget_compute_point (row, content, &GRAPHENE_POINT_INIT (0, 0), &at))
      gtk_adjustment_set_value (
          gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), at.y - 400);
  }
  lgr_test_settle ();
  lgr_test_shoot (GTK_WIDGET (f->window), "councils-item-row");

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  g_assert_true (lgr_test_wait_until (views_updated, f->window));
  lgr_test_settle ();
  g_assert_cmpstr (lgr_scenario_find_item (
                       lgr_study_find_scenario (lgr_test_window_study (f), "two"), "transition")
                       ->authority_id,
                   ==, "south");
  south = lgr_council_table_dup_cell (councils, 1, 0);
  g_assert_cmpstr (south, ==, "South Warwickshire Council (5 levers, 1 item)");
  assert_councils_shown (f);

  /* undone: shared again, in the row too */
  g_assert_true (lgr_document_undo (document));
  g_assert_true (lgr_test_wait_until (views_updated, f->window));
  lgr_test_settle ();
  row = find_council_row (lgr_scenario_sidebar_find_item_row (sidebar, "transition"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  assert_councils_shown (f);
}

int
main (int argc, char *argv[])
{
  lgr_test_window_init (&argc, &argv);
  LGR_TEST_WINDOW_ADD ("/window/councils", test_councils);
  LGR_TEST_WINDOW_ADD ("/window/councils/item-row", test_item_council);
  return g_test_run ();
}
