/* lgr-window-module.c: the door into the GTK layer, built as a loadable module.
 *
 * The lgr-explorer executable links only GLib, the core and the charts, and loads this module
 * (with GTK and libadwaita behind it) only when a window is wanted. The command line therefore
 * never maps a single GTK library: scripts start faster and can never touch a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <gmodule.h>

#include "lgr-application.h"

G_MODULE_EXPORT int lgr_window_module_main (const char *argv0, char **files);

/* Runs the application on files (paths or URIs, possibly none). */
int
lgr_window_module_main (const char *argv0, char **files)
{
  g_autoptr (LgrApplication) app = NULL;
  g_autoptr (GPtrArray) app_argv = g_ptr_array_new ();

  g_set_application_name (_ ("LGR Explorer"));
  app = lgr_application_new ();
  /* The command line is already parsed: hand GApplication only the files. */
  g_ptr_array_add (app_argv, (gpointer)argv0);
  for (guint i = 0; files && files[i]; i++)
    g_ptr_array_add (app_argv, files[i]);
  g_ptr_array_add (app_argv, NULL);
  return g_application_run (G_APPLICATION (app), (int)app_argv->len - 1, (char **)app_argv->pdata);
}
