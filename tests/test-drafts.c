/* test-drafts.c: crash drafts (lgr-draft-store.h) - a draft is written a moment after an edit
 * and survives the process being killed with SIGKILL; a draft that cannot be written is said
 * (the store's "problem") and retried on the next edit and on a timer until it is written. */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lgr-document.h"
#include "lgr-draft-store.h"
#include "lgr-study-io.h"
#include "lgr-test-util.h"

/* An edit: the study gets a new title. */
static void
retitle (LgrDocument *document, const char *title)
{
  g_autoptr (LgrStudy) settings = lgr_study_copy (lgr_document_get_study (document));
  g_autoptr (GError) error = NULL;

  g_free (settings->title);
  settings->title = g_strdup (title);
  g_assert_true (lgr_document_set_study_settings (document, settings, NULL, &error));
  g_assert_no_error (error);
}

static guint
count_drafts (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".lgr") && name[0] != '.')
      n++;
  return n;
}

/* The child: opens the bundled study, edits it and keeps running until it is killed. */
static void G_GNUC_NORETURN
edit_until_killed (const char *dir)
{
  g_autoptr (LgrDraftStore) store = lgr_draft_store_new (dir);
  g_autoptr (LgrDocument) document = lgr_document_new_bundled (NULL);
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  lgr_draft_store_track (store, document, NULL);
  retitle (document, "Edited before the crash");
  g_main_loop_run (loop);
  _exit (1);
}

static void
test_survives_kill (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-drafts-XXXXXX", NULL);
  g_autoptr (LgrDraftStore) store = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (LgrDocument) restored = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start, waited = 0;
  int status = 0;
  pid_t child;

  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    edit_until_killed (dir);

  /* The draft appears a moment after the edit (the default delay: half a second); polled, with
   * a generous limit so that a slow machine never fails the test. */
  start = g_get_monotonic_time ();
  while (count_drafts (dir) == 0 && waited < 60 * G_USEC_PER_SEC)
    {
      g_usleep (20 * 1000);
      waited = g_get_monotonic_time () - start;
    }
  g_test_message ("draft written %.2f s after the child started", waited / 1e6);
  kill (child, SIGKILL);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  /* The next start finds it and gets the edit back. */
  store = lgr_draft_store_new (dir);
  found = lgr_draft_store_find (store);
  g_assert_cmpuint (found->len, ==, 1);
  {
    LgrDraftInfo *info = g_ptr_array_index (found, 0);
    g_assert_cmpstr (info->title, ==, "Edited before the crash");
    restored = lgr_draft_store_restore (store, info, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpstr (lgr_document_get_study (restored)->title, ==, "Edited before the crash");
  g_assert_true (lgr_document_get_modified (restored));
  lgr_draft_store_untrack (store, restored);
  g_assert_cmpuint (count_drafts (dir), ==, 0);
  lgr_test_remove_tree (dir);
}

typedef struct
{
  LgrDraftStore *store;
  gboolean want_problem;
} ProblemWait;

static gboolean
problem_is (gpointer data)
{
  ProblemWait *w = data;
  return (lgr_draft_store_get_problem (w->store) != NULL) == w->want_problem;
}

static void
on_notify (GObject *object, GParamSpec *pspec, guint *n)
{
  (*n)++;
}

static void
test_unwritable_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-drafts-XXXXXX", NULL);
  g_autofree char *blocker = g_build_filename (dir, "state", NULL);
  g_autofree char *drafts = g_build_filename (blocker, "drafts", NULL);
  g_autoptr (LgrDraftStore) store = lgr_draft_store_new (drafts);
  g_autoptr (LgrDocument) document = lgr_document_new_bundled (NULL);
  ProblemWait wait = { store, TRUE };
  const char *problem;
  guint n_notify = 0;

  /* A file where the drafts folder's parent should be: no folder can be made, even by root. */
  g_assert_true (g_file_set_contents (blocker, "in the way", -1, NULL));
  lgr_draft_store_set_delay (store, 10);
  lgr_draft_store_set_retry_interval (store, 60 * 1000); /* no timer: the next edit retries */
  g_signal_connect (store, "notify::problem", G_CALLBACK (on_notify), &n_notify);
  lgr_draft_store_track (store, document, NULL);
  g_assert_null (lgr_draft_store_get_problem (store));

  retitle (document, "First edit");
  g_assert_true (lgr_test_wait_until (problem_is, &wait));
  problem = lgr_draft_store_get_problem (store);
  g_assert_nonnull (strstr (problem, "not protected"));
  g_assert_nonnull (strstr (problem, drafts));
  g_assert_nonnull (strstr (problem, g_strerror (ENOTDIR)));
  g_assert_cmpuint (n_notify, ==, 1);

  /* Still failing: said once, not again and again. */
  retitle (document, "Second edit");
  lgr_draft_store_flush (store);
  g_assert_nonnull (lgr_draft_store_get_problem (store));
  g_assert_cmpuint (n_notify, ==, 1);

  /* The way is clear: the next edit writes the draft and the problem goes. */
  g_assert_cmpint (g_unlink (blocker), ==, 0);
  retitle (document, "Third edit");
  wait.want_problem = FALSE;
  g_assert_true (lgr_test_wait_until (problem_is, &wait));
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_cmpuint (count_drafts (drafts), ==, 1);
  lgr_draft_store_untrack (store, document);
  lgr_test_remove_tree (dir);
}

static void
test_retried_on_timer (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-drafts-XXXXXX", NULL);
  g_autofree char *blocker = g_build_filename (dir, "state", NULL);
  g_autofree char *drafts = g_build_filename (blocker, "drafts", NULL);
  g_autoptr (LgrDraftStore) store = lgr_draft_store_new (drafts);
  g_autoptr (LgrDocument) document = lgr_document_new_bundled (NULL);
  ProblemWait wait = { store, TRUE };

  g_assert_true (g_file_set_contents (blocker, "in the way", -1, NULL));
  lgr_draft_store_set_delay (store, 10);
  lgr_draft_store_set_retry_interval (store, 20);
  lgr_draft_store_track (store, document, NULL);
  retitle (document, "Edited");
  g_assert_true (lgr_test_wait_until (problem_is, &wait));

  /* No edit after the way is clear: the timer writes the draft. */
  g_assert_cmpint (g_unlink (blocker), ==, 0);
  wait.want_problem = FALSE;
  g_assert_true (lgr_test_wait_until (problem_is, &wait));
  g_assert_cmpuint (count_drafts (drafts), ==, 1);

  /* A document saved (or changed back) needs no draft: nothing is left to say either. */
  lgr_draft_store_untrack (store, document);
  g_assert_cmpuint (count_drafts (drafts), ==, 0);
  lgr_test_remove_tree (dir);
}

static void
test_full_disk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-drafts-XXXXXX", NULL);
  g_autoptr (LgrDraftStore) store = NULL;
  g_autoptr (LgrDocument) document = lgr_document_new_bundled (NULL);
  ProblemWait wait = { NULL, TRUE };

  if (geteuid () != 0)
    {
      g_test_skip ("a small file system needs root to mount (CI runs this as root)");
      lgr_test_remove_tree (dir);
      return;
    }
  if (mount ("tmpfs", dir, "tmpfs", 0, "size=4k") != 0)
    {
      g_autofree char *why = g_strdup_printf ("cannot mount a small tmpfs: %s", g_strerror (errno));
      g_test_skip (why);
      lgr_test_remove_tree (dir);
      return;
    }
  store = lgr_draft_store_new (dir);
  wait.store = store;
  lgr_draft_store_set_delay (store, 10);
  lgr_draft_store_track (store, document, NULL);
  retitle (document, "Edited on a full disk");
  g_assert_true (lgr_test_wait_until (problem_is, &wait));
  g_assert_nonnull (strstr (lgr_draft_store_get_problem (store), g_strerror (ENOSPC)));
  lgr_draft_store_untrack (store, document);
  g_clear_object (&store);
  g_assert_cmpint (umount (dir), ==, 0);
  lgr_test_remove_tree (dir);
}

/* A restored draft still knows which version of its file it came from: if another program
 * changed the file meanwhile, saving over it is a question, not a silent overwrite. */
static void
test_restored_notices_change (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-drafts-XXXXXX", NULL);
  g_autofree char *drafts = g_build_filename (dir, "drafts", NULL);
  g_autofree char *path = g_build_filename (dir, "study.lgr", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  g_autoptr (LgrDraftStore) store = lgr_draft_store_new (drafts);
  g_autoptr (LgrDraftStore) next_start = lgr_draft_store_new (drafts);
  g_autoptr (LgrDocument) document = NULL;
  g_autoptr (LgrDocument) restored = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (lgr_study_save_path (study, path, &error));
  document = lgr_document_new_for_file (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lgr_document_get_disk_stamp (document));
  lgr_draft_store_track (store, document, NULL);
  retitle (document, "Ours");
  lgr_draft_store_flush (store);

  /* The crash; meanwhile someone else saves the file. */
  g_free (study->title);
  study->title = g_strdup ("Theirs, a longer title than before");
  g_assert_true (lgr_study_save_path (study, path, &error));
  found = lgr_draft_store_find (next_start);
  g_assert_cmpuint (found->len, ==, 1);
  restored = lgr_draft_store_restore (next_start, g_ptr_array_index (found, 0), &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (lgr_document_get_file (restored), file));
  g_assert_true (lgr_document_get_changed_on_disk (restored));
  g_assert_false (lgr_document_save (restored, &error));
  g_assert_error (error, LGR_DOCUMENT_ERROR, LGR_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "“study.lgr”"));
  g_clear_error (&error);
  g_assert_true (
      lgr_document_save_full (restored, NULL, LGR_DOCUMENT_SAVE_OVERWRITE_CHANGED, &error));
  g_assert_no_error (error);
  g_assert_false (lgr_document_get_changed_on_disk (restored));

  lgr_draft_store_untrack (next_start, restored);
  lgr_draft_store_untrack (store, document);
  lgr_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/drafts/survives-kill", test_survives_kill);
  g_test_add_func ("/core/drafts/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/core/drafts/retried-on-timer", test_retried_on_timer);
  g_test_add_func ("/core/drafts/full-disk", test_full_disk);
  g_test_add_func ("/core/drafts/restored-notices-change", test_restored_notices_change);
  return g_test_run ();
}
