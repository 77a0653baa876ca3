/* main.c: the headless command line first (no display is touched), otherwise the window.
 *
 * The window lives in a module (lgr-window-module.c) that is loaded only when it is needed, so
 * `lgr-explorer --export=...` never loads GTK at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <gmodule.h>

#include "lgr-cli.h"

#define WINDOW_MODULE "lgr-explorer-window." G_MODULE_SUFFIX

typedef int (*WindowMain) (const char *argv0, char **files);

/* $LGR_MODULE_DIR, else beside the executable (an uninstalled build), else the install path. */
static char *
find_window_module (void)
{
  const char *dir = g_getenv ("LGR_MODULE_DIR");
  if (dir && *dir)
    return g_build_filename (dir, WINDOW_MODULE, NULL);

  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe)
    {
      g_autofree char *exe_dir = g_path_get_dirname (exe);
      char *beside = g_build_filename (exe_dir, WINDOW_MODULE, NULL);
      if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
        return beside;
      g_free (beside);
    }
  return g_build_filename (LGR_MODULE_DIR_INSTALLED, WINDOW_MODULE, NULL);
}

static int
run_window (const char *argv0, char **files)
{
  g_autofree char *path = find_window_module ();
  GModule *module = g_module_open (path, G_MODULE_BIND_LOCAL);
  gpointer symbol = NULL;
  WindowMain window_main;

  if (module == NULL || !g_module_symbol (module, "lgr_window_module_main", &symbol))
    {
      lgr_cli_printerr (_ ("lgr-explorer: the window cannot start: %s\n"), g_module_error ());
      lgr_cli_printerr ("%s",
                        _ ("The command-line options still work; see “lgr-explorer --help”.\n"));
      return 1;
    }
  /* The module stays loaded until the process ends: GTK types cannot be unregistered. */
  window_main = (WindowMain)symbol;
  return window_main (argv0, files);
}

int
main (int argc, char *argv[])
{
  int status = 0;
  g_auto (GStrv) files = NULL;

  /* Sets up the locale and translations, then handles every headless option. */
  if (lgr_cli_run (argc, argv, &status, &files))
    return status;
  return run_window (argv[0], files);
}
