/* lgr-test-util.c: helpers shared by the tests. */
#include "lgr-test-util.h"

#include <sys/wait.h>

#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>

#include "lgr-study-edits.h"
#include "lgr-study-io.h"
#include "lgr-uncertainty-rules.h"

char *
lgr_test_source_path (const char *first, ...)
{
  const char *root = g_getenv ("LGR_SOURCE_DIR");
  g_assert_nonnull (root);
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  g_ptr_array_add (parts, (gpointer)root);
  va_list args;
  va_start (args, first);
  for (const char *p = first; p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer)p);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **)parts->pdata);
}

LgrStudy *
lgr_test_load_bundled (void)
{
  g_autofree char *path = lgr_test_source_path ("data", "studies", "warwickshire.lgr", NULL);
  g_autoptr (GError) error = NULL;
  LgrStudy *study = lgr_study_load_path (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (study);
  return study;
}

char *
lgr_test_bundled_without_ranges (void)
{
  g_autofree char *path = lgr_test_source_path ("data", "studies", "warwickshire.lgr", NULL);
  g_autofree char *xml = NULL;
  g_autoptr (GRegex) range = g_regex_new (" ([a-z-]+-(low|high)|driver)=\"[^\"]*\"", 0, 0, NULL);

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  return g_regex_replace_literal (range, xml, -1, 0, "", 0, NULL);
}

void
lgr_test_set_cohort_target (LgrLever *lever, double target)
{
  g_autoptr (LgrLever) before = lgr_lever_copy (lever);

  lever->cohort_target = target;
  lgr_uncertainty_stretch_lever (lever, before);
  lgr_lever_note_source_change (lever, before);
}

LgrStudy *
lgr_test_load_string (const char *xml)
{
  g_autoptr (GError) error = NULL;
  LgrStudy *study = lgr_study_load_data (xml, strlen (xml), "test.lgr", &error);
  g_assert_no_error (error);
  g_assert_nonnull (study);
  return study;
}

void
lgr_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        lgr_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

#define WAIT_TIMEOUT_S 10

static gboolean
timed_out (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
lgr_test_wait_until (GSourceFunc condition, gpointer data)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add_seconds (WAIT_TIMEOUT_S, timed_out, &expired);

  while (!condition (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  return condition (data);
}

static gboolean
no_pending_events (gpointer data)
{
  return !g_main_context_pending (NULL);
}

void
lgr_test_settle (void)
{
  lgr_test_wait_until (no_pending_events, NULL);
}

char *
lgr_test_read_fixture (const char *name)
{
  g_autofree char *path = lgr_test_source_path ("tests", "files", name, NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

char *
lgr_test_full_with (const char *from, const char *to)
{
  g_autofree char *base = lgr_test_read_fixture ("valid-full.lgr");
  const char *at = strstr (base, from);
  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, from));
  return g_strdup_printf ("%.*s%s%s", (int)(at - base), base, to, at + strlen (from));
}

void
lgr_test_run_clear (LgrTestRun *run)
{
  g_free (run->out);
  g_free (run->err);
}

LgrTestRun
lgr_test_run_cli (const char *locale, const char *first_arg, ...)
{
  const char *exe = g_getenv ("LGR_EXPLORER");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GError) error = NULL;
  LgrTestRun run = { 0 };
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer)exe);
  va_start (ap, first_arg);
  for (const char *a = first_arg; a; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer)a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_setenv (envp, "DISPLAY", ":4242", TRUE);
  envp = g_environ_setenv (envp, "WAYLAND_DISPLAY", "no-such-wayland-socket", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", locale, TRUE);
  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &run.out, &run.err,
                &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run.status = WEXITSTATUS (wait_status);
  return run;
}

char *
lgr_test_pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr (GRegex) blanks = g_regex_new ("\\s+", 0, 0, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  int wait_status = 0;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  return g_regex_replace_literal (blanks, out, -1, 0, " ", 0, NULL);
}

char *
lgr_test_pdf_info (const char *path, const char *field)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return NULL;
    }
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  const char *line = strstr (out, field);
  g_assert_nonnull (line);
  line += strlen (field);
  return g_strstrip (g_strndup (line, strcspn (line, "\n")));
}

char *
lgr_test_report_text (const char *study_path, const char *snapshot_option)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-report-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *option = g_strconcat ("--report=", pdf, NULL);
  char *text;

  {
    g_auto (LgrTestRun) run
        = snapshot_option ? lgr_test_run_cli ("C.UTF-8", option, snapshot_option, study_path, NULL)
                          : lgr_test_run_cli ("C.UTF-8", option, study_path, NULL);
    if (run.status != 0)
      g_printerr ("%s", run.err);
    g_assert_cmpint (run.status, ==, 0);
  }
  text = lgr_test_pdf_text (pdf);
  lgr_test_remove_tree (dir);
  return text;
}

void
lgr_test_assert_refused (const char *xml, gsize length, LgrStudyError code, int line,
                         const char *gist)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrStudy) study = lgr_study_load_data (xml, length, "test.lgr", &error);
  /* line 0: a message with no line; -1: any line */
  g_autofree char *prefix = line > 0    ? g_strdup_printf ("test.lgr:%d: ", line)
                            : line == 0 ? g_strdup ("test.lgr: ")
                                        : g_strdup ("test.lgr:");

  g_assert_null (study);
  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, gist) == NULL)
    g_error ("expected “%s…%s…”, got “%s”", prefix, gist, error->message);
  g_assert_error (error, LGR_STUDY_ERROR, (int)code);
  /* one line, for a terminal and for a dialog */
  g_assert_null (strchr (error->message, '\n'));
}

void
lgr_test_assert_change_refused (const char *from, const char *to, int line, const char *gist)
{
  g_autofree char *xml = lgr_test_full_with (from, to);
  lgr_test_assert_refused (xml, strlen (xml), LGR_STUDY_ERROR_INVALID, line, gist);
}
