/* test-window-snapshots.c: the window's snapshots - the Snapshots menu follows the document,
 * applying one, Save as Snapshot through its dialog and Back to the Start, each one undoable
 * edit - under Xvfb. */
#include <adwaita.h>

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

  /* the bundled study's five questions, in order */
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 5);
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
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 6);

  /* Back to the Start: the values as opened, the new snapshot kept; undone in one step */
  gtk_widget_activate_action (window, "win.back-to-start", NULL);
  lgr_test_settle ();
  g_assert_cmpfloat (north_lac_target (f), ==, 55);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 6);
  gtk_widget_activate_action (window, "win.undo", NULL);
  lgr_test_settle ();
  g_assert_cmpfloat (north_lac_target (f), ==, 60);

  /* undoing the save takes the snapshot out of the menu again */
  gtk_widget_activate_action (window, "win.undo", NULL);
  lgr_test_settle ();
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 5);
}

int
main (int argc, char *argv[])
{
  lgr_test_window_init (&argc, &argv);
  LGR_TEST_WINDOW_ADD ("/window/snapshots/menu-apply-save-back", test_snapshots);
  return g_test_run ();
}
