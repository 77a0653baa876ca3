/* valgrind-window.c: a scripted window session for Valgrind memcheck (the valgrind suite,
 * docs/reliability.md): open the bundled study, edit a lever, undo, export the chart from the
 * export dialog, close. Run under Xvfb; it also passes on its own, only more quickly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "lgr-export-dialog.h"
#include "lgr-export.h"
#include "lgr-test-util.h"
#include "lgr-test-window.h"

/* Under Valgrind everything runs tens of times slower: wait up to a minute, on the main loop. */
static gboolean
wait_long (GSourceFunc condition, gpointer data)
{
  for (guint i = 0; i < 6; i++)
    if (lgr_test_wait_until (condition, data))
      return TRUE;
  return FALSE;
}

static gboolean
has_preview (gpointer data)
{
  return lgr_export_dialog_get_preview (data) != NULL;
}

static void
test_session (LgrTestWindowFixture *f, gconstpointer data)
{
  g_autoptr (LgrStudy) original = lgr_study_copy (lgr_test_window_study (f));
  LgrDocument *document = lgr_window_get_document (f->window);
  g_autofree char *png = g_build_filename (f->dir, "chart.png", NULL);
  g_autoptr (GError) error = NULL;

  /* Edit a lever, then undo it. */
  lgr_number_row_commit_text (lgr_test_north_lac_target (f), "60");
  g_assert_true (lgr_document_get_modified (document));
  g_assert_false (lgr_study_equal (lgr_test_window_study (f), original));
  lgr_test_settle ();
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), original));
  g_assert_false (lgr_document_get_modified (document));
  lgr_test_settle ();

  /* Export the chart through the dialog. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL);
  LgrExportDialog *dialog = LGR_EXPORT_DIALOG (lgr_window_get_export_dialog (f->window));
  g_assert_nonnull (dialog);
  g_assert_true (wait_long (has_preview, dialog));
  lgr_export_dialog_set_format (dialog, LGR_EXPORT_PNG);
  g_assert_true (lgr_export_dialog_export_to_path (dialog, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  gtk_window_destroy (GTK_WINDOW (dialog));
  lgr_test_settle ();
  /* The fixture's tear-down closes the window. */
}

int
main (int argc, char *argv[])
{
  lgr_test_window_init (&argc, &argv);
  LGR_TEST_WINDOW_ADD ("/valgrind/window-session", test_session);
  return g_test_run ();
}
