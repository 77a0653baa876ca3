/* test-cli-output.c: the command line's outputs fail loudly and its messages are safe to show.
 *
 * Every output to stdout (--summary, --check, --version, --help) sent to /dev/full exits with 1
 * and one message; a file name holding terminal escape sequences, line breaks, C1 controls or
 * bytes that are not UTF-8 comes out escaped on stderr and stdout, one line per message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lgr-test-util.h"

/* Runs lgr-explorer with args through /bin/sh, stdout sent to stdout_path when it is not NULL
 * (else captured), stderr captured. No display. */
static LgrTestRun
run_cli_to (const char *stdout_path, const char *const *args)
{
  const char *exe = g_getenv ("LGR_EXPLORER");
  g_assert_nonnull (exe);

  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) "/bin/sh");
  g_ptr_array_add (argv, (gpointer) "-c");
  g_ptr_array_add (argv, (gpointer)(stdout_path ? "out=$1; shift; exec \"$@\" >\"$out\""
                                                : "shift; exec \"$@\""));
  g_ptr_array_add (argv, (gpointer) "sh");
  g_ptr_array_add (argv, (gpointer)(stdout_path ? stdout_path : "-"));
  g_ptr_array_add (argv, (gpointer)exe);
  for (const char *const *a = args; *a; a++)
    g_ptr_array_add (argv, (gpointer)*a);
  g_ptr_array_add (argv, NULL);

  g_auto (GStrv) envp = g_get_environ ();
  envp = g_environ_setenv (envp, "DISPLAY", ":4242", TRUE); /* no such server */
  envp = g_environ_setenv (envp, "WAYLAND_DISPLAY", "no-such-wayland-socket", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  LgrTestRun run = { 0 };
  int wait_status = 0;
  g_autoptr (GError) error = NULL;
  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                stdout_path ? NULL : &run.out, &run.err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status)); /* never a crash */
  run.status = WEXITSTATUS (wait_status);
  if (run.out == NULL)
    run.out = g_strdup ("");
  return run;
}

static guint
count_lines (const char *text)
{
  guint n = 0;
  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static void
test_full_stdout (void)
{
  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  g_autofree char *study = lgr_test_source_path ("data", "studies", "warwickshire.lgr", NULL);
  const char *const cases[][3] = {
    { "--summary=json", study, NULL }, { "--summary=csv", study, NULL }, { "--check", study, NULL },
    { "--version", NULL, NULL },       { "--help", NULL, NULL },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("lgr-explorer %s > /dev/full", cases[i][0]);
      g_auto (LgrTestRun) run = run_cli_to ("/dev/full", cases[i]);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpuint (count_lines (run.err), ==, 1);
      g_assert_nonnull (strstr (run.err, "cannot write the output"));
      g_assert_nonnull (strstr (run.err, g_strerror (ENOSPC)));
    }
  /* The same commands into a real file still succeed. */
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lgr-output-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (LgrTestRun) run = run_cli_to (out, cases[i]);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
    }
  lgr_test_remove_tree (dir);
}

/* No byte of text may be a control character but the line break, nor a C1 control (U+0080 to
 * U+009F, in UTF-8 0xC2 0x80 to 0xC2 0x9F); text must be valid UTF-8. */
static void
assert_no_controls (const char *text)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const guchar *p = (const guchar *)text; *p; p++)
    {
      if (*p == '\n')
        continue;
      if (*p < 0x20 || *p == 0x7f || (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
        g_error ("raw control byte 0x%02x in: %s", *p, text);
    }
}

static void
test_hostile_names (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lgr-names-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *valid = lgr_test_read_fixture ("valid-minimal.lgr");
  const char *names[] = {
    "\033]0;pwned\007\033[2J.lgr",
    "line\nbreak\rcarriage.lgr",
    "del\177bell\a.lgr",
    "c1\xc2\x85\xc2\x9b"
    "31m.lgr",
    "not-utf8-\xff\xfe.lgr",
    "bidi\xe2\x80\xaeredro.lgr",
  };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *bad = g_build_filename (dir, names[i], NULL);
      g_autofree char *good = g_strconcat (bad, ".good.lgr", NULL);
      g_autofree char *missing = g_strconcat (bad, ".missing.lgr", NULL);
      g_autofree char *export_arg = g_strconcat ("--export=", bad, ".png", NULL);
      g_autofree char *report_arg
          = g_strconcat ("--report=", dir, "/no-such-dir/", names[i], ".pdf", NULL);
      g_autofree char *chart_arg = g_strconcat ("--chart=", names[i], NULL);
      g_file_set_contents (bad, "<?xml version=\"1.0\"?>\n<lgr-study version=\"1\">\n", -1, &error);
      g_assert_no_error (error);
      g_file_set_contents (good, valid, -1, &error);
      g_assert_no_error (error);

      const char *const cases[][4] = {
        { "--check", bad, good, NULL },              /* invalid file; valid file on stdout */
        { "--check", missing, NULL, NULL },          /* no such file */
        { "--summary=json", bad, NULL, NULL },       /* invalid file */
        { export_arg, good, NULL, NULL },            /* a name that is fine to write to */
        { report_arg, good, NULL, NULL },            /* a folder that does not exist */
        { "--export=x.png", chart_arg, good, NULL }, /* usage error quoting the option */
        { missing, "--no-such-option", NULL, NULL },
      };
      for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
        {
          g_test_message ("name %u, case %u", i, c);
          g_auto (LgrTestRun) run = run_cli_to (NULL, cases[c]);
          assert_no_controls (run.err);
          assert_no_controls (run.out);
          if (c == 0)
            {
              g_assert_cmpint (run.status, ==, 1);
              g_assert_cmpuint (count_lines (run.err), ==, 1);
              g_assert_cmpuint (count_lines (run.out), ==, 1);
            }
          else if (c == 3)
            g_assert_cmpint (run.status, ==, 0);
          else
            g_assert_cmpint (run.status, !=, 0);
          if (c == 1 || c == 2 || c == 4)
            g_assert_cmpuint (count_lines (run.err), ==, 1);
        }
    }
  lgr_test_remove_tree (dir);
}

/* The escapes themselves: ESC and BEL are shown, not sent. */
static void
test_escapes_visible (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lgr-names-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *missing = g_build_filename (dir, "\033]0;pwned\007\033[2J.lgr", NULL);
  const char *const args[] = { "--check", missing, NULL };
  g_auto (LgrTestRun) run = run_cli_to (NULL, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "\\x1b]0;pwned\\x07\\x1b[2J.lgr"));
  lgr_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/output/full-stdout", test_full_stdout);
  g_test_add_func ("/cli/output/hostile-names", test_hostile_names);
  g_test_add_func ("/cli/output/escapes-visible", test_escapes_visible);
  return g_test_run ();
}
