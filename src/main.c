/* main.c: the headless command line first (no display is touched), otherwise the window. */
#include <glib/gi18n.h>
#include <locale.h>

#include "lgr-application.h"
#include "lgr-cli.h"

int
main (int argc, char *argv[])
{
  int status = 0;
  g_auto (GStrv) files = NULL;
  g_autoptr (LgrApplication) app = NULL;
  g_autoptr (GPtrArray) app_argv = g_ptr_array_new ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (lgr_cli_run (argc, argv, &status, &files))
    return status;

  g_set_application_name (_ ("LGR Explorer"));
  app = lgr_application_new ();
  /* The command line is already parsed: hand GApplication only the files, as URIs or paths. */
  g_ptr_array_add (app_argv, argv[0]);
  for (guint i = 0; files && files[i]; i++)
    g_ptr_array_add (app_argv, files[i]);
  g_ptr_array_add (app_argv, NULL);
  return g_application_run (G_APPLICATION (app), (int)app_argv->len - 1, (char **)app_argv->pdata);
}
