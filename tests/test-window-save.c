/* test-window-save.c: the window under Xvfb - saving asks before overwriting a read-only file
 * or one another program changed since it was opened, and a draft that cannot be written is
 * shown in a banner until a retry succeeds.
 *
 * Waiting is done by iterating the main context until a condition holds, with a timeout; never
 * by sleeping. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lgr-lever-row.h"
#include "lgr-study-io.h"
#include "lgr-test-util.h"
#include "lgr-test-window.h"

typedef LgrTestWindowFixture Fixture;

static void
respond (Fixture *f, const char *response)
{
  AdwMessageDialog *dialog = lgr_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  lgr_test_settle ();
}

/* The bundled study saved as dir/name, now the window's file. */
static char *
save_as (Fixture *f, const char *name)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  g_assert_true (lgr_window_save_to (f->window, file, &error));
  g_assert_no_error (error);
  return path;
}

static void
assert_file_holds_window_study (Fixture *f, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrStudy) on_disk = lgr_study_load_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (lgr_study_equal (on_disk, lgr_test_window_study (f)));
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autofree char *path = save_as (f, "protected.lgr");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LgrDocument *document = lgr_window_get_document (f->window);
  AdwMessageDialog *dialog;
  GStatBuf st;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  lgr_number_row_commit_text (lgr_test_north_lac_target (f), "52");

  /* Save asks; Cancel leaves the file and the changes as they are. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  dialog = lgr_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“protected.lgr” Is Read-Only");
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  g_assert_true (adw_message_dialog_has_response (dialog, "overwrite"));
  lgr_test_shoot (GTK_WIDGET (dialog), "read-only-question");
  respond (f, "cancel");
  g_assert_true (lgr_document_get_modified (document));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  /* Overwrite anyway: saved, and the file stays read-only. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  respond (f, "overwrite");
  g_assert_null (lgr_window_get_dialog (f->window));
  g_assert_false (lgr_document_get_modified (document));
  assert_file_holds_window_study (f, path);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0444);
}

static void
test_changed_on_disk (Fixture *f, gconstpointer data)
{
  g_autofree char *path = save_as (f, "shared.lgr");
  g_autoptr (LgrStudy) theirs = lgr_study_copy (lgr_test_window_study (f));
  g_autoptr (LgrStudy) on_disk = NULL;
  g_autoptr (GError) error = NULL;
  LgrDocument *document = lgr_window_get_document (f->window);
  AdwMessageDialog *dialog;

  /* Unchanged on disk: Save just saves. */
  lgr_number_row_commit_text (lgr_test_north_lac_target (f), "53");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  g_assert_null (lgr_window_get_dialog (f->window));
  g_assert_false (lgr_document_get_modified (document));

  /* Someone else saves the file (a longer title: the size differs even within one tick of
   * the clock); then we edit and save. */
  g_free (theirs->title);
  theirs->title = g_strdup ("Changed by a colleague while the window had it open");
  g_assert_true (lgr_study_save_path (theirs, path, &error));
  g_assert_no_error (error);
  g_assert_true (lgr_document_get_changed_on_disk (document));
  lgr_number_row_commit_text (lgr_test_north_lac_target (f), "54");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  dialog = lgr_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "“shared.lgr” Was Changed by Another Program");
  lgr_test_shoot (GTK_WIDGET (dialog), "changed-on-disk-question");
  respond (f, "cancel");
  on_disk = lgr_study_load_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (lgr_study_equal (on_disk, theirs));
  g_assert_true (lgr_document_get_modified (document));

  /* Overwrite: ours replaces theirs, and the next save asks nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  respond (f, "overwrite");
  g_assert_false (lgr_document_get_modified (document));
  assert_file_holds_window_study (f, path);
  g_assert_false (lgr_document_get_changed_on_disk (document));
  lgr_number_row_commit_text (lgr_test_north_lac_target (f), "55");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  g_assert_null (lgr_window_get_dialog (f->window));
  assert_file_holds_window_study (f, path);
}

static gboolean
problem_shown (gpointer data)
{
  return lgr_window_get_draft_problem (data) != NULL;
}

static gboolean
problem_gone (gpointer data)
{
  return lgr_window_get_draft_problem (data) == NULL;
}

static void
test_draft_problem (Fixture *f, gconstpointer data)
{
  g_autofree char *drafts = g_build_filename (f->dir, "drafts", NULL);
  const char *text;

  /* A file where the drafts folder should be: no draft can be written, even by root. */
  g_assert_true (g_file_set_contents (drafts, "in the way", -1, NULL));
  lgr_draft_store_set_retry_interval (f->drafts, 50);
  g_assert_null (lgr_window_get_draft_problem (f->window));
  lgr_number_row_commit_text (lgr_test_north_lac_target (f), "47");
  g_assert_true (lgr_test_wait_until (problem_shown, f->window));
  text = lgr_window_get_draft_problem (f->window);
  g_assert_nonnull (strstr (text, "not protected"));
  g_assert_nonnull (strstr (text, drafts));
  lgr_test_settle ();
  lgr_test_shoot (GTK_WIDGET (f->window), "draft-problem");

  /* Retried on a timer: once the folder can be made, the draft is written and the banner goes. */
  g_assert_cmpint (g_unlink (drafts), ==, 0);
  g_assert_true (lgr_test_wait_until (problem_gone, f->window));
  {
    g_autofree char *path
        = lgr_draft_store_dup_draft_path (f->drafts, lgr_window_get_document (f->window));
    g_assert_nonnull (path);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
}

/* Opening another study with unsaved changes: Save, then the read-only question, then the other
 * study opens once the changes are saved (and not if the question is cancelled). */
static void
test_unsaved_then_read_only (Fixture *f, gconstpointer data)
{
  g_autofree char *path = save_as (f, "protected.lgr");
  g_autofree char *other_path = g_build_filename (f->dir, "other.lgr", NULL);
  g_autoptr (GFile) other = g_file_new_for_path (other_path);
  g_autoptr (LgrStudy) other_study = lgr_study_copy (lgr_test_window_study (f));
  g_autoptr (GError) error = NULL;
  AdwMessageDialog *dialog;

  g_free (other_study->title);
  other_study->title = g_strdup ("The other study");
  g_assert_true (lgr_study_save_path (other_study, other_path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  lgr_number_row_commit_text (lgr_test_north_lac_target (f), "51");

  /* Cancelled at the second question: nothing saved, nothing opened. */
  lgr_window_open (f->window, other);
  respond (f, "save");
  dialog = lgr_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“protected.lgr” Is Read-Only");
  respond (f, "cancel");
  g_assert_true (lgr_document_get_modified (lgr_window_get_document (f->window)));
  g_assert_cmpstr (lgr_test_window_study (f)->title, !=, "The other study");

  /* Overwrite: the changes are saved, then the other study opens. */
  lgr_window_open (f->window, other);
  respond (f, "save");
  {
    g_autoptr (LgrStudy) ours = lgr_study_copy (lgr_test_window_study (f));
    g_autoptr (LgrStudy) on_disk = NULL;
    respond (f, "overwrite");
    on_disk = lgr_study_load_path (path, &error);
    g_assert_no_error (error);
    g_assert_true (lgr_study_equal (on_disk, ours));
  }
  g_assert_cmpstr (lgr_test_window_study (f)->title, ==, "The other study");
  g_assert_true (g_file_equal (lgr_document_get_file (lgr_window_get_document (f->window)), other));
}

int
main (int argc, char *argv[])
{
  lgr_test_window_init (&argc, &argv);
  LGR_TEST_WINDOW_ADD ("/window/save/read-only", test_read_only);
  LGR_TEST_WINDOW_ADD ("/window/save/changed-on-disk", test_changed_on_disk);
  LGR_TEST_WINDOW_ADD ("/window/save/unsaved-then-read-only", test_unsaved_then_read_only);
  LGR_TEST_WINDOW_ADD ("/window/save/draft-problem", test_draft_problem);
  return g_test_run ();
}
