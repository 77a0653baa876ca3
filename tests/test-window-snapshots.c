/* test-window-snapshots.c: the window's snapshots - the Snapshots menu follows the document,
 * applying one, Save as Snapshot through its dialog, Back to the Start, and renaming, editing the
 * note, moving and removing one, each one undoable edit; the chart's starting point while
 * anything differs from the study as opened - under Xvfb. */
#include <adwaita.h>
#include <string.h>

#include "lgr-document-snapshots.h"
#include "lgr-test-util.h"
#include "lgr-test-window.h"

static double
north_lac_target (LgrTestWindowFixture *f)
{
  const LgrScenario *two = lgr_study_find_scenario (lgr_test_window_study (f), "two");
  return lgr_scenario_find_lever (two, "north-lac")->cohort_target;
}

static void
test_snapshots (LgrTestWindowFixture *f, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  LgrDocument *document = f->window->document;
  GMenuModel *menu = G_MENU_MODEL (f->window->snapshot_menu);
  AdwMessageDialog *dialog;
  g_autofree char *label = NULL;

  /* the bundled study's five questions, in order, then Manage */
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 6);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "What if the North's looked-after children rate only falls to 60?");

  /* apply: one undoable edit */
  gtk_widget_activate_action (window, "win.apply-snapshot", "s", "lac-60");
  lgr_test_settle ();
  g_assert_cmpfloat (north_lac_target (f), ==, 60);
  g_assert_true (lgr_document_get_modified (document));
  lgr_test_shoot (window, "snapshot-applied");

  /* Save as Snapshot, named in its dialog */
  gtk_widget_activate_action (window, "win.save-snapshot", NULL);
  lgr_test_settle ();
  dialog = lgr_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                         "Our own question");
  lgr_test_shoot (GTK_WIDGET (dialog), "snapshot-save-dialog");
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  lgr_test_settle ();
  g_assert_nonnull (lgr_study_find_snapshot (lgr_test_window_study (f), "our-own-question"));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 7);

  /* Back to the Start: the values as opened, the new snapshot kept; undone in one step */
  gtk_widget_activate_action (window, "win.back-to-start", NULL);
  lgr_test_settle ();
  g_assert_cmpfloat (north_lac_target (f), ==, 55);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 7);
  gtk_widget_activate_action (window, "win.undo", NULL);
  lgr_test_settle ();
  g_assert_cmpfloat (north_lac_target (f), ==, 60);

  /* undoing the save takes the snapshot out of the menu again */
  gtk_widget_activate_action (window, "win.undo", NULL);
  lgr_test_settle ();
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 6);
}

static const LgrSnapshot *
snapshot_at (LgrTestWindowFixture *f, guint i)
{
  return g_ptr_array_index (lgr_test_window_study (f)->snapshots, i);
}

/* Manage: rename and note through their dialogs, move up, remove - each undone in one step. */
static void
test_manage (LgrTestWindowFixture *f, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (window, "win.rename-snapshot", "s", "savings-late");
  lgr_test_settle ();
  dialog = lgr_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Late");
  adw_message_dialog_response (dialog, "rename");
  gtk_window_destroy (GTK_WINDOW (dialog));
  lgr_test_settle ();
  g_assert_cmpstr (snapshot_at (f, 2)->name, ==, "Late");

  gtk_widget_activate_action (window, "win.edit-snapshot-note", "s", "savings-late");
  lgr_test_settle ();
  dialog = lgr_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Short.");
  adw_message_dialog_response (dialog, "note");
  gtk_window_destroy (GTK_WINDOW (dialog));
  lgr_test_settle ();
  g_assert_cmpstr (snapshot_at (f, 2)->note, ==, "Short.");

  gtk_widget_activate_action (window, "win.move-snapshot-up", "s", "savings-late");
  lgr_test_settle ();
  g_assert_cmpstr (snapshot_at (f, 1)->id, ==, "savings-late");

  gtk_widget_activate_action (window, "win.remove-snapshot", "s", "savings-late");
  lgr_test_settle ();
  g_assert_null (lgr_study_find_snapshot (lgr_test_window_study (f), "savings-late"));
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (f->window->snapshot_menu)), ==, 5);

  for (guint i = 0; i < 4; i++)
    gtk_widget_activate_action (window, "win.undo", NULL);
  lgr_test_settle ();
  g_assert_cmpstr (snapshot_at (f, 2)->id, ==, "savings-late");
  g_assert_cmpstr (snapshot_at (f, 2)->name, ==, "What if savings arrive a year late?");
  g_assert_false (lgr_document_get_modified (f->window->document));
}

static gboolean
views_updated (gpointer window)
{
  return !lgr_window_get_update_pending (window);
}

/* Settles until the window has shown the document's last change (at its next frame). */
static void
settle_views (LgrTestWindowFixture *f)
{
  lgr_test_settle ();
  g_assert_true (lgr_test_wait_until (views_updated, f->window));
}

/* The starting point on the chart: none as opened; a lever moved, the chart view has the study
 * as opened as its starting point (the same results however many edits follow) and says so in
 * its text alternative; undone, none again; a snapshot applied, one again; saved, none. */
static void
test_start_line (LgrTestWindowFixture *f, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  LgrDocument *document = f->window->document;
  LgrChartView *view = lgr_window_get_chart_view (f->window);
  const LgrResults *start;

  lgr_chart_view_set_kind (view, LGR_CHART_CASHFLOW);
  settle_views (f);
  g_assert_null (lgr_chart_view_get_start (view));
  g_assert_null (strstr (lgr_chart_view_get_description (view), "starting point"));

  lgr_number_row_commit_text (lgr_test_north_lac_target (f), "45");
  settle_views (f);
  g_assert_cmpfloat (north_lac_target (f), ==, 45);
  start = lgr_chart_view_get_start (view);
  g_assert_nonnull (start);
  g_assert_true (start == lgr_document_get_saved_results (document));
  g_assert_true (lgr_study_equal (start->study, lgr_document_get_saved_study (document)));
  g_assert_nonnull (strstr (lgr_chart_view_get_description (view), "starting point"));
  lgr_test_shoot (window, "start-line-cashflow");

  /* another edit: the same starting point, not computed again */
  lgr_number_row_commit_text (lgr_test_north_lac_target (f), "40");
  settle_views (f);
  g_assert_true (lgr_chart_view_get_start (view) == start);

  /* the savings chart shows it too; the difference chart does not */
  lgr_chart_view_set_kind (view, LGR_CHART_SAVINGS);
  settle_views (f);
  g_assert_nonnull (strstr (lgr_chart_view_get_description (view), "starting point"));
  lgr_test_shoot (window, "start-line-savings");
  lgr_chart_view_set_kind (view, LGR_CHART_DIFFERENCE);
  settle_views (f);
  g_assert_null (strstr (lgr_chart_view_get_description (view), "starting point"));
  lgr_chart_view_set_kind (view, LGR_CHART_CASHFLOW);

  /* undone back to the study as opened: no starting point */
  gtk_widget_activate_action (window, "win.undo", NULL);
  gtk_widget_activate_action (window, "win.undo", NULL);
  settle_views (f);
  g_assert_false (lgr_document_get_modified (document));
  g_assert_null (lgr_chart_view_get_start (view));
  g_assert_null (strstr (lgr_chart_view_get_description (view), "starting point"));

  /* a snapshot applied is a change like any other */
  gtk_widget_activate_action (window, "win.apply-snapshot", "s", "savings-late");
  settle_views (f);
  g_assert_nonnull (lgr_chart_view_get_start (view));
  g_assert_nonnull (strstr (lgr_chart_view_get_description (view), "starting point"));
  lgr_test_shoot (window, "start-line-snapshot");

  /* Back to the Start: nothing differs, so nothing is drawn, though the document is modified */
  gtk_widget_activate_action (window, "win.back-to-start", NULL);
  settle_views (f);
  g_assert_null (strstr (lgr_chart_view_get_description (view), "starting point"));
}

static void
count_change (GMenuModel *menu, int position, int removed, int added, guint *n_changes)
{
  (*n_changes)++;
}

/* A lever change leaves the menu alone (rebuilding it rebuilds its popover); a renamed snapshot
 * is shown under its new name. */
static void
test_menu_kept (LgrTestWindowFixture *f, gconstpointer data)
{
  GMenuModel *menu = G_MENU_MODEL (f->window->snapshot_menu);
  const LgrScenario *two = lgr_study_find_scenario (lgr_test_window_study (f), "two");
  g_autoptr (LgrLever) lever = lgr_lever_copy (lgr_scenario_find_lever (two, "north-lac"));
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;
  guint n_changes = 0;

  g_signal_connect (menu, "items-changed", G_CALLBACK (count_change), &n_changes);
  lever->cohort_target = 57;
  g_assert_true (lgr_document_set_lever (f->window->document, "two", lever, NULL, &error));
  g_assert_no_error (error);
  lgr_test_settle ();
  g_assert_cmpuint (n_changes, ==, 0);

  g_assert_true (lgr_document_rename_snapshot (f->window->document, "lac-60", "Sixty", &error));
  g_assert_no_error (error);
  lgr_test_settle ();
  g_assert_cmpuint (n_changes, >, 0);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "Sixty");
  g_signal_handlers_disconnect_by_func (menu, count_change, &n_changes);
}

int
main (int argc, char *argv[])
{
  lgr_test_window_init (&argc, &argv);
  LGR_TEST_WINDOW_ADD ("/window/snapshots/menu-apply-save-back", test_snapshots);
  LGR_TEST_WINDOW_ADD ("/window/snapshots/manage", test_manage);
  LGR_TEST_WINDOW_ADD ("/window/snapshots/start-line", test_start_line);
  LGR_TEST_WINDOW_ADD ("/window/snapshots/menu-kept", test_menu_kept);
  return g_test_run ();
}
