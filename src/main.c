/* main.c: headless command line first (no display), otherwise the application window. */
#include <glib.h>

#include "lgr-cli.h"

int
main (int argc, char *argv[])
{
  int status = 0;
  g_auto (GStrv) files = NULL;
  if (lgr_cli_run (argc, argv, &status, &files))
    return status;
  return 0;
}
