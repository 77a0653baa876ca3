/* lgr-test-window.h: what the window tests (test-window.c, test-window-files.c) share - a window
 * showing the bundled study with its own drafts directory, screenshots for people to look at,
 * and the bundled study's north-lac lever. Needs GTK: linked into the window tests only. */
#pragma once

#include <gtk/gtk.h>

#include "lgr-window-private.h"

G_BEGIN_DECLS

/* A window of 1400x900 showing the bundled study, presented; its drafts are kept in dir
 * (removed at tear-down) and written 50 ms after a change. */
typedef struct
{
  LgrWindow *window;
  LgrDraftStore *drafts;
  char *dir;
} LgrTestWindowFixture;

/* For g_test_add (): sets up and tears down an LgrTestWindowFixture. */
void lgr_test_window_set_up (LgrTestWindowFixture *f, gconstpointer data);
void lgr_test_window_tear_down (LgrTestWindowFixture *f, gconstpointer data);

/* Adds a test run in an LgrTestWindowFixture. */
#define LGR_TEST_WINDOW_ADD(path, func)                                                            \
  g_test_add (path, LgrTestWindowFixture, NULL, lgr_test_window_set_up, func,                      \
              lgr_test_window_tear_down)

/* Initialises GLib's testing, GTK and libadwaita for a window test, with settings in memory. */
void lgr_test_window_init (int *argc, char ***argv);

/* The study the fixture's window shows. */
const LgrStudy *lgr_test_window_study (LgrTestWindowFixture *f);

/* With LGR_SHOTS_DIR set, saves what a window (or any widget in one, whole) shows as
 * <dir>/<name>.png for people to look at; the tests never compare pixels. */
void lgr_test_shoot (GtkWidget *widget, const char *name);

/* Selects the "two" scenario in the sidebar and returns the cohort target field of its
 * "north-lac" lever row. */
LgrNumberRow *lgr_test_north_lac_target (LgrTestWindowFixture *f);

/* Runs program (xdotool, xrandr) with arguments (split as a shell would) while the windows go
 * on handling events and drawing frames, as they would with a person at the mouse; asserts it
 * succeeded. FALSE, with the test skipped, without the program or an X display. */
gboolean lgr_test_run_x_tool (const char *program, const char *arguments);

/* Whether a GtkLabel under root (root too), visible with all its parents up to root, shows
 * text. */
gboolean lgr_test_shows_label (GtkWidget *root, const char *text);

G_END_DECLS
