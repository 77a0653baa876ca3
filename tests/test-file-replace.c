/* test-file-replace.c: the one atomic-replace helper (lgr-file-replace.h) - new files, replaced
 * files keep their permissions, links are followed, and a failure leaves the old file as it was
 * with no temporary file beside it and a message that names the file. */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lgr-file-replace.h"
#include "lgr-test-util.h"

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

/* The names in dir, sorted, joined by spaces. */
static char *
listing (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **)names->pdata);
}

static void
assert_contents (const char *path, const char *expected)
{
  g_autofree char *now = NULL;
  gsize length = 0;
  g_assert_true (g_file_get_contents (path, &now, &length, NULL));
  g_assert_cmpuint (length, ==, strlen (expected));
  g_assert_cmpstr (now, ==, expected);
}

static void
test_new_and_replace (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-replace-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.txt", NULL);
  g_autofree char *names = NULL;
  g_autoptr (GError) error = NULL;
  mode_t mask = umask (022);
  GStatBuf st;

  /* a new file: 0666 less the umask */
  g_assert_true (lgr_file_replace_contents (path, "first", 5, &error));
  g_assert_no_error (error);
  assert_contents (path, "first");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);

  /* replacing keeps the permissions */
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (lgr_file_replace_contents (path, "second, longer", 14, &error));
  g_assert_no_error (error);
  assert_contents (path, "second, longer");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* empty contents */
  g_assert_true (lgr_file_replace_contents (path, "", 0, &error));
  g_assert_no_error (error);
  assert_contents (path, "");

  names = listing (dir);
  g_assert_cmpstr (names, ==, "out.txt");
  umask (mask);
  lgr_test_remove_tree (dir);
}

static void
test_symbolic_link (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-replace-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "real.txt", NULL);
  g_autofree char *link = g_build_filename (dir, "link.txt", NULL);
  g_autofree char *names = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.txt", link), ==, 0);
  g_assert_true (lgr_file_replace_contents (link, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_contents (path, "new");
  names = listing (dir);
  g_assert_cmpstr (names, ==, "link.txt real.txt");
  lgr_test_remove_tree (dir);
}

static void
test_gfile (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-replace-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "g.txt", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (lgr_file_replace_file (file, "through GFile", 13, NULL, &error));
  g_assert_no_error (error);
  assert_contents (path, "through GFile");

  g_cancellable_cancel (cancellable);
  g_assert_false (lgr_file_replace_file (file, "never", 5, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_contents (path, "through GFile");
  lgr_test_remove_tree (dir);
}

static void
test_failures (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-replace-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "keep.txt", NULL);
  g_autoptr (GError) error = NULL;
  const char *old = "the old contents";

  g_assert_true (g_file_set_contents (path, old, -1, NULL));

  /* a folder that does not exist */
  {
    g_autofree char *missing = g_build_filename (dir, "no-such-folder", "chart.png", NULL);
    g_assert_false (lgr_file_replace_contents (missing, "x", 1, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_true (g_str_has_prefix (error->message, "Could not save “chart.png”: "));
    g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
    g_clear_error (&error);
  }

  /* a folder where the file should be */
  g_assert_false (lgr_file_replace_contents (dir, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* a parent that is a regular file */
  {
    g_autofree char *under_file = g_build_filename (path, "new.txt", NULL);
    g_assert_false (lgr_file_replace_contents (under_file, "x", 1, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
    g_assert_true (g_str_has_prefix (error->message, "Could not save “new.txt”: "));
    g_clear_error (&error);
  }

  /* the disk refuses the new file halfway (a file size limit works for root too) */
  {
    struct rlimit saved, limited;
    void (*saved_handler) (int);
    gsize length = 64 * 1024;
    g_autofree char *big = g_malloc (length);

    memset (big, 'x', length);
    g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
    limited = saved;
    limited.rlim_cur = 1024;
    saved_handler = signal (SIGXFSZ, SIG_IGN);
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);
    g_assert_false (lgr_file_replace_contents (path, big, length, &error));
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
    signal (SIGXFSZ, saved_handler);
    g_assert_nonnull (error);
    g_assert_true (error->domain == G_IO_ERROR);
    g_assert_true (g_str_has_prefix (error->message, "Could not save “keep.txt”: "));
    g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
    g_assert_nonnull (strstr (error->message, "the file on disk is unchanged"));
    g_clear_error (&error);
  }

  /* a read-only folder (root may write anyway: then this part proves nothing) */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_assert_false (lgr_file_replace_contents (path, "x", 1, &error));
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
    }

  /* after every failure: the old file as it was, nothing beside it */
  assert_contents (path, old);
  {
    g_autofree char *names = listing (dir);
    g_assert_cmpstr (names, ==, "keep.txt");
  }
  lgr_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/file-replace/new-and-replace", test_new_and_replace);
  g_test_add_func ("/core/file-replace/symbolic-link", test_symbolic_link);
  g_test_add_func ("/core/file-replace/gfile", test_gfile);
  g_test_add_func ("/core/file-replace/failures", test_failures);
  return g_test_run ();
}
