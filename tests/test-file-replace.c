/* test-file-replace.c: the one atomic-replace helper (lgr-file-replace.h) - new files, replaced
 * files keep their permissions and owner, links stay links, read-only files are refused unless
 * the caller says so, devices and FIFOs are written in place and never renamed over, a save
 * killed between write and rename leaves the old file and its temporary file is cleaned by the
 * next save, and every failure leaves the old file as it was with no temporary file beside it
 * and a message that names the file once.
 *
 * Root ignores permissions: the read-only cases then run in a child that has become "nobody". */
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
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

/* How often needle occurs in haystack. */
static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;
  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* A failure message: it names the file once and never the temporary file. */
static void
assert_names_once (const GError *error, const char *name)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", name);
  g_autofree char *hidden = g_strdup_printf (".%s.", name);
  g_assert_nonnull (error);
  g_assert_cmpuint (count (error->message, name), ==, 1);
  g_assert_nonnull (strstr (error->message, quoted));
  g_assert_null (strstr (error->message, hidden));
}

static void
test_read_only_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-replace-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "locked.lgr", NULL);
  g_autofree char *names = NULL;
  g_autoptr (GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  /* refused, even for root (who could write it): the user is asked first */
  g_assert_false (lgr_file_replace_contents (path, "new", 3, &error));
  g_assert_error (error, LGR_FILE_REPLACE_ERROR, LGR_FILE_REPLACE_ERROR_READ_ONLY);
  assert_names_once (error, "locked.lgr");
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);
  assert_contents (path, "old");

  /* the user said overwrite: replaced, and still read-only */
  g_assert_true (lgr_file_replace_contents_full (path, "new", 3,
                                                 LGR_FILE_REPLACE_OVERWRITE_READ_ONLY, &error));
  g_assert_no_error (error);
  assert_contents (path, "new");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0444);
  names = listing (dir);
  g_assert_cmpstr (names, ==, "locked.lgr");
  lgr_test_remove_tree (dir);
}

/* The read-only cases as a person: a file and a folder we may not write. */
static void
read_only_as_user (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-replace-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "keep.lgr", NULL);
  g_autofree char *names = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  /* write permission for the group but not for us is still read-only for us */
  g_assert_cmpint (g_chmod (path, 0464), ==, 0);
  g_assert_false (lgr_file_replace_contents (path, "new", 3, &error));
  g_assert_error (error, LGR_FILE_REPLACE_ERROR, LGR_FILE_REPLACE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  /* a folder we may not write in: a clear message naming the file once, old file intact */
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_false (lgr_file_replace_contents (path, "new", 3, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  assert_names_once (error, "keep.lgr");
  g_assert_nonnull (strstr (error->message, g_strerror (EACCES)));
  g_clear_error (&error);
  /* even when the user says to overwrite */
  g_assert_false (lgr_file_replace_contents_full (path, "new", 3,
                                                  LGR_FILE_REPLACE_OVERWRITE_READ_ONLY, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

  assert_contents (path, "old");
  names = listing (dir);
  g_assert_cmpstr (names, ==, "keep.lgr");
  lgr_test_remove_tree (dir);
}

static void
test_read_only_as_user (void)
{
  struct passwd *nobody;

  if (geteuid () != 0)
    {
      read_only_as_user ();
      return;
    }
  if (g_test_subprocess ())
    {
      /* Root ignores permissions: become nobody, so that they apply. */
      nobody = getpwnam ("nobody");
      g_assert_nonnull (nobody);
      g_assert_cmpint (setgid (nobody->pw_gid), ==, 0);
      g_assert_cmpint (setuid (nobody->pw_uid), ==, 0);
      g_assert_cmpint (geteuid (), !=, 0);
      read_only_as_user ();
      return;
    }
  if (getpwnam ("nobody") == NULL)
    {
      g_test_skip ("running as root and there is no user “nobody” to become");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_links_and_owner (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-replace-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *target = g_build_filename (sub, "made.txt", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.txt", NULL);
  g_autofree char *first = g_build_filename (dir, "first.txt", NULL);
  g_autofree char *names = NULL;
  g_autoptr (GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);

  /* a dangling link: its target is created, the link stays a link */
  g_assert_cmpint (symlink ("sub/made.txt", dangling), ==, 0);
  g_assert_true (lgr_file_replace_contents (dangling, "created", 7, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  assert_contents (target, "created");

  /* a chain of links, relative to each link's folder: the last target is replaced */
  g_assert_cmpint (symlink ("dangling.txt", first), ==, 0);
  g_assert_cmpint (g_chmod (target, 0640), ==, 0);
  if (geteuid () == 0)
    g_assert_cmpint (chown (target, 65534, 65534), ==, 0);
  g_assert_true (lgr_file_replace_contents (first, "through two links", 17, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  assert_contents (target, "through two links");
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  /* the owner, where the system lets us give it (root may) */
  if (geteuid () == 0)
    {
      g_assert_cmpint (st.st_uid, ==, 65534);
      g_assert_cmpint (st.st_gid, ==, 65534);
    }
  names = listing (dir);
  g_assert_cmpstr (names, ==, "dangling.txt first.txt sub");
  g_clear_pointer (&names, g_free);
  names = listing (sub);
  g_assert_cmpstr (names, ==, "made.txt");

  /* a loop of links is an error, not a hang */
  {
    g_autofree char *a = g_build_filename (dir, "loop-a", NULL);
    g_autofree char *b = g_build_filename (dir, "loop-b", NULL);
    g_assert_cmpint (symlink ("loop-b", a), ==, 0);
    g_assert_cmpint (symlink ("loop-a", b), ==, 0);
    g_assert_false (lgr_file_replace_contents (a, "x", 1, &error));
    g_assert_nonnull (error);
    assert_names_once (error, "loop-a");
    g_clear_error (&error);
  }
  lgr_test_remove_tree (dir);
}

/* Another hard link to a saved file keeps the old contents: a replace makes a new file under
 * the saved name (writing in place would keep the link but could leave half a file). */
static void
test_hard_link (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-replace-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "study.lgr", NULL);
  g_autofree char *other = g_build_filename (dir, "other-name.lgr", NULL);
  g_autoptr (GError) error = NULL;
  GStatBuf before, after;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (link (path, other), ==, 0);
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_cmpint (before.st_nlink, ==, 2);
  g_assert_true (lgr_file_replace_contents (path, "new", 3, &error));
  g_assert_no_error (error);
  assert_contents (path, "new");
  assert_contents (other, "old");
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_nlink, ==, 1);
  g_assert_true (after.st_ino != before.st_ino);
  lgr_test_remove_tree (dir);
}

typedef struct
{
  GString *steps;
  char *temporary;
} Steps;

static void
record_step (LgrFileReplaceStep step, const char *temporary, gpointer data)
{
  Steps *steps = data;
  const char *names[] = { "written", "renamed", "folder-synced" };
  g_string_append_printf (steps->steps, "%s%s", steps->steps->len ? " " : "", names[step]);
  g_free (steps->temporary);
  steps->temporary = g_strdup (temporary);
}

static void
test_folder_synced (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-replace-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "synced.txt", NULL);
  g_autoptr (GError) error = NULL;
  Steps steps = { g_string_new (NULL), NULL };

  /* The folder is flushed after the rename, and its fsync succeeds. */
  lgr_file_replace_set_test_hook (record_step, &steps);
  g_assert_true (lgr_file_replace_contents (path, "x", 1, &error));
  lgr_file_replace_set_test_hook (NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (steps.steps->str, ==, "written renamed folder-synced");
  g_assert_true (g_str_has_prefix (steps.temporary, dir));
  g_assert_false (g_file_test (steps.temporary, G_FILE_TEST_EXISTS));
  g_string_free (steps.steps, TRUE);
  g_free (steps.temporary);
  lgr_test_remove_tree (dir);
}

static void
test_stale_temporary (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-replace-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "keep.txt", NULL);
  const char *others[]
      = { ".keep.txt.toolong1", ".other.txt.Ab12Cd", "keep.txt.Ab12Cd", ".keep.txt.ab-12c" };
  g_autofree char *names = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *p = g_build_filename (dir, others[i], NULL);
      g_assert_true (g_file_set_contents (p, "not ours", -1, NULL));
    }
  {
    g_autofree char *stale = g_build_filename (dir, ".keep.txt.Ab12Cd", NULL);
    g_assert_true (g_file_set_contents (stale, "half a save", -1, NULL));
  }
  g_assert_true (lgr_file_replace_contents (path, "new", 3, &error));
  g_assert_no_error (error);
  assert_contents (path, "new");
  /* only the temporary file of keep.txt went; names like it that are not ours stay */
  names = listing (dir);
  g_assert_cmpstr (names, ==,
                   ".keep.txt.ab-12c .keep.txt.toolong1 .other.txt.Ab12Cd keep.txt "
                   "keep.txt.Ab12Cd");
  lgr_test_remove_tree (dir);
}

static void
die_after_write (LgrFileReplaceStep step, const char *temporary, gpointer data)
{
  if (step == LGR_FILE_REPLACE_STEP_WRITTEN)
    _exit (0);
}

static void
test_killed_before_rename (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-replace-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "keep.txt", NULL);
  g_autofree char *names = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) entries = NULL;
  int status = 0;
  pid_t child;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  /* A child process dies between writing the new file and renaming it over the old one. */
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      lgr_file_replace_set_test_hook (die_after_write, NULL);
      lgr_file_replace_contents (path, "new contents", 12, NULL);
      _exit (1);
    }
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  /* The old file is intact; the dead save's temporary file is all that is left of it. */
  assert_contents (path, "old");
  names = listing (dir);
  entries = g_strsplit (names, " ", -1);
  g_assert_cmpuint (g_strv_length (entries), ==, 2);
  g_assert_true (g_str_has_prefix (entries[0], ".keep.txt."));
  g_assert_cmpstr (entries[1], ==, "keep.txt");
  {
    g_autofree char *stale = g_build_filename (dir, entries[0], NULL);
    assert_contents (stale, "new contents");
  }

  /* The next save cleans it up. */
  g_assert_true (lgr_file_replace_contents (path, "saved", 5, &error));
  g_assert_no_error (error);
  assert_contents (path, "saved");
  g_clear_pointer (&names, g_free);
  names = listing (dir);
  g_assert_cmpstr (names, ==, "keep.txt");
  lgr_test_remove_tree (dir);
}

static void
test_full_file_system (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-replace-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "keep.txt", NULL);
  g_autofree char *names = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 256 * 1024;
  g_autofree char *big = g_malloc (length);

  if (geteuid () != 0)
    {
      g_test_skip ("a small file system needs root to mount (CI runs this as root)");
      lgr_test_remove_tree (dir);
      return;
    }
  if (mount ("tmpfs", dir, "tmpfs", 0, "size=64k") != 0)
    {
      g_autofree char *why = g_strdup_printf ("cannot mount a small tmpfs: %s", g_strerror (errno));
      g_test_skip (why);
      lgr_test_remove_tree (dir);
      return;
    }
  memset (big, 'x', length);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_false (lgr_file_replace_contents (path, big, length, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  assert_names_once (error, "keep.txt");
  g_assert_nonnull (strstr (error->message, g_strerror (ENOSPC)));
  g_assert_nonnull (strstr (error->message, "the file on disk is unchanged"));
  g_assert_null (strstr (error->message, dir));
  assert_contents (path, "old");
  names = listing (dir);
  g_assert_cmpstr (names, ==, "keep.txt");
  g_assert_cmpint (umount (dir), ==, 0);
  lgr_test_remove_tree (dir);
}

/* Devices are written where they are, never renamed over (as root a rename would replace the
 * device node itself); their write errors are reported. */
static void
test_devices (void)
{
  g_autoptr (GError) error = NULL;
  GStatBuf before, after;

  /* (some containers give /dev/null no write permission for others) */
  if (g_stat ("/dev/null", &before) == 0 && access ("/dev/null", W_OK) == 0)
    {
      g_assert_true (lgr_file_replace_contents ("/dev/null", "gone", 4, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat ("/dev/null", &after), ==, 0);
      g_assert_true (S_ISCHR (after.st_mode));
      g_assert_cmpuint (after.st_ino, ==, before.st_ino);
      g_assert_cmpuint (after.st_rdev, ==, before.st_rdev);
    }

  if (g_stat ("/dev/full", &before) != 0)
    {
      g_test_skip ("no /dev/full on this system");
      return;
    }
  g_assert_false (lgr_file_replace_contents ("/dev/full", "never", 5, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  assert_names_once (error, "full");
  g_assert_nonnull (strstr (error->message, g_strerror (ENOSPC)));
  g_clear_error (&error);
  g_assert_cmpint (g_stat ("/dev/full", &after), ==, 0);
  g_assert_true (S_ISCHR (after.st_mode));
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);
}

static gpointer
read_all (gpointer data)
{
  const char *path = data;
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return g_steal_pointer (&text);
}

static void
test_fifo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-replace-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *inside = g_build_filename (dir, "charts", NULL);
  g_autofree char *names = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 1024 * 1024; /* more than a pipe holds: the reader must keep up */
  g_autofree char *data = g_malloc (length + 1);
  g_autofree char *received = NULL;
  GThread *reader;
  GStatBuf st;
  int fd;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  /* nobody reads: an error at once, not a wait */
  g_assert_false (lgr_file_replace_contents (fifo, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED);
  assert_names_once (error, "pipe");
  g_clear_error (&error);

  /* a reader: it gets everything, and the FIFO stays a FIFO */
  memset (data, 'y', length);
  data[length] = '\0';
  fd = g_open (fifo, O_RDONLY | O_NONBLOCK, 0); /* a reader from now on */
  g_assert_cmpint (fd, >=, 0);
  reader = g_thread_new ("reader", read_all, fifo);
  g_assert_true (lgr_file_replace_contents (fifo, data, length, &error));
  g_assert_no_error (error);
  received = g_thread_join (reader);
  close (fd);
  g_assert_cmpuint (strlen (received), ==, length);
  g_assert_cmpint (g_stat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  /* a folder is refused */
  g_assert_cmpint (g_mkdir (inside, 0755), ==, 0);
  g_assert_false (lgr_file_replace_contents (inside, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  assert_names_once (error, "charts");
  g_clear_error (&error);

  names = listing (dir);
  g_assert_cmpstr (names, ==, "charts pipe");
  lgr_test_remove_tree (dir);
}

/* The command line: lgr-explorer run with option on the bundled study, its exit status and
 * outputs. */
static int
run_cli (const char *option, char **standard_output, char **standard_error)
{
  const char *exe = g_getenv ("LGR_EXPLORER");
  g_autofree char *study = lgr_test_source_path ("data", "studies", "warwickshire.lgr", NULL);
  const char *argv[] = { exe, option, study, NULL };
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_assert_nonnull (exe);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               standard_output, standard_error, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static int
run_export (const char *out, char **standard_output, char **standard_error)
{
  g_autofree char *option = g_strdup_printf ("--export=%s", out);
  return run_cli (option, standard_output, standard_error);
}

static void
test_command_line (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-replace-XXXXXX", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked.png", NULL);
  g_autofree char *full = g_build_filename (dir, "full.png", NULL);
  g_autofree char *out = g_build_filename (dir, "out.png", NULL);
  g_autofree char *standard_output = NULL;
  g_autofree char *standard_error = NULL;
  GStatBuf st;

  /* a read-only output: refused, exit 1, the file unchanged */
  g_assert_true (g_file_set_contents (locked, "old", -1, NULL));
  g_assert_cmpint (g_chmod (locked, 0444), ==, 0);
  g_assert_cmpint (run_export (locked, NULL, &standard_error), ==, 1);
  g_assert_nonnull (strstr (standard_error, "“locked.png”: the file is read-only"));
  g_assert_null (strstr (standard_error, ".locked.png."));
  /* the file named once: no path in front of a message that names it already */
  g_assert_null (strstr (standard_error, dir));
  g_assert_null (strstr (strstr (standard_error, "locked.png") + 1, "locked.png"));
  assert_contents (locked, "old");
  g_clear_pointer (&standard_error, g_free);

  /* through a link to /dev/full: the device is written, not replaced, and the error said */
  if (g_stat ("/dev/full", &st) == 0)
    {
      g_assert_cmpint (symlink ("/dev/full", full), ==, 0);
      g_assert_cmpint (run_export (full, NULL, &standard_error), ==, 1);
      /* (the reason is in the child's language: LC_ALL may be German here) */
      g_assert_nonnull (strstr (standard_error, "Could not write “full.png”: "));
      g_assert_true (g_file_test (full, G_FILE_TEST_IS_SYMLINK));
      g_assert_cmpint (g_stat ("/dev/full", &st), ==, 0);
      g_assert_true (S_ISCHR (st.st_mode));
      g_clear_pointer (&standard_error, g_free);
    }

  /* through a link to /dev/stdout (a pipe here): the chart comes out on standard output */
  g_assert_cmpint (symlink ("/dev/stdout", out), ==, 0);
  g_assert_cmpint (run_export (out, &standard_output, &standard_error), ==, 0);
  g_assert_true (g_str_has_prefix (standard_output, "\x89PNG"));
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_SYMLINK));

  /* /dev/stdout named directly: PNG for a chart, PDF for the report */
  g_clear_pointer (&standard_output, g_free);
  g_clear_pointer (&standard_error, g_free);
  g_assert_cmpint (run_cli ("--export=/dev/stdout", &standard_output, &standard_error), ==, 0);
  g_assert_true (g_str_has_prefix (standard_output, "\x89PNG"));
  g_clear_pointer (&standard_output, g_free);
  g_clear_pointer (&standard_error, g_free);
  g_assert_cmpint (run_cli ("--report=/dev/stdout", &standard_output, &standard_error), ==, 0);
  g_assert_true (g_str_has_prefix (standard_output, "%PDF"));
  g_clear_pointer (&standard_error, g_free);
  /* a name with no extension that is not a device or FIFO is still a usage error */
  g_assert_cmpint (run_cli ("--export=/tmp", NULL, &standard_error), ==, 2);

  /* the same with standard output sent to a file, as a shell's "> chart.png" does: the open
   * file is written (through /proc/self/fd/1), nothing is created beside it */
  {
    const char *exe = g_getenv ("LGR_EXPLORER");
    g_autofree char *study = lgr_test_source_path ("data", "studies", "warwickshire.lgr", NULL);
    g_autofree char *option = g_strdup_printf ("--export=%s", out);
    g_autofree char *sub = g_build_filename (dir, "sub", NULL);
    g_autofree char *redirected = g_build_filename (sub, "redirected.png", NULL);
    g_autofree char *names = NULL;
    g_autofree char *png = NULL;
    const char *argv[] = { exe, option, study, NULL };
    g_autoptr (GError) error = NULL;
    GPid pid;
    int fd, status = 0;

    g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
    fd = g_open (redirected, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    g_assert_cmpint (fd, >=, 0);
    g_assert_true (g_spawn_async_with_pipes_and_fds (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                                     NULL, NULL, -1, fd, -1, NULL, NULL, 0, &pid,
                                                     NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    close (fd);
    g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    g_assert_true (g_file_get_contents (redirected, &png, NULL, NULL));
    g_assert_true (g_str_has_prefix (png, "\x89PNG"));
    names = listing (sub);
    g_assert_cmpstr (names, ==, "redirected.png");
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
  g_test_add_func ("/core/file-replace/read-only-file", test_read_only_file);
  g_test_add_func ("/core/file-replace/read-only-as-user", test_read_only_as_user);
  g_test_add_func ("/core/file-replace/links-and-owner", test_links_and_owner);
  g_test_add_func ("/core/file-replace/hard-link", test_hard_link);
  g_test_add_func ("/core/file-replace/folder-synced", test_folder_synced);
  g_test_add_func ("/core/file-replace/stale-temporary", test_stale_temporary);
  g_test_add_func ("/core/file-replace/killed-before-rename", test_killed_before_rename);
  g_test_add_func ("/core/file-replace/full-file-system", test_full_file_system);
  g_test_add_func ("/core/file-replace/devices", test_devices);
  g_test_add_func ("/core/file-replace/fifo", test_fifo);
  g_test_add_func ("/core/file-replace/command-line", test_command_line);
  return g_test_run ();
}
