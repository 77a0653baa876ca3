/* test-window-two-screens.c: Present on Second Screen with two real monitors - an X server with
 * two 1920x1080 outputs side by side, started by tests/two-monitors.sh (Xvfb gives GTK only
 * one). The room's window opens full screen on the monitor the editing window is not on, shows
 * the editing window's edits, and steps with it; Escape closes only the room's window. Keys are
 * real events through xdotool (XTEST); without it those tests are skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "lgr-test-util.h"
#include "lgr-test-window.h"

#define wait_until lgr_test_wait_until
#define settle lgr_test_settle

typedef LgrTestWindowFixture Fixture;

static gboolean
xdotool (const char *arguments)
{
  return lgr_test_run_x_tool ("xdotool", arguments);
}

static gboolean
window_active (gpointer window)
{
  return gtk_window_is_active (window);
}

/* Gives window the keyboard focus (no window manager does it here). */
static gboolean
focus (GtkWindow *window)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *arguments = NULL;

  if (!GDK_IS_X11_SURFACE (surface))
    return xdotool ("version");
  arguments = g_strdup_printf ("windowfocus --sync %lu", (gulong)gdk_x11_surface_get_xid (surface));
  if (!xdotool (arguments))
    return FALSE;
  g_assert_true (wait_until (window_active, window));
  return TRUE;
#else
  g_test_skip ("needs an X display");
  return FALSE;
#endif
}

static GdkMonitor *
monitor_of (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_assert_nonnull (surface);
  return gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface);
}

/* The widget under root whose action is action_name, or NULL. */
static GtkWidget *
find_actionable (GtkWidget *root, const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;
      if (GTK_IS_ACTIONABLE (child)
          && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return child;
      if ((found = find_actionable (child, action_name)))
        return found;
    }
  return NULL;
}

/* Full screen: its surface covers a whole monitor. (Without a compositing manager, as here,
 * GTK draws a solid frame of a few pixels inside it.) */
static gboolean
shown_full_screen (gpointer window)
{
  GdkSurface *surface = gtk_native_get_surface (window);
  return gtk_widget_get_mapped (window) && gtk_window_is_fullscreen (window)
         && gdk_surface_get_width (surface) == 1920 && gdk_surface_get_height (surface) == 1080;
}

/* Present on Second Screen, as the button or the menu item does; returns the room's window
 * once it is full screen. */
static LgrPresentationWindow *
open_room (Fixture *f)
{
  LgrPresentationWindow *room;

  g_assert_null (lgr_window_get_second_screen (f->window));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present-second-screen", NULL);
  room = lgr_window_get_second_screen (f->window);
  g_assert_nonnull (room);
  g_assert_true (wait_until (shown_full_screen, room));
  settle ();
  return room;
}

/* The display has two monitors side by side, and the window offers the second screen. */
static void
test_offered (Fixture *f, gconstpointer data)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (f->window)));
  GtkWidget *button = find_actionable (GTK_WIDGET (lgr_window_get_presentation (f->window)),
                                       "win.present-second-screen");
  g_autoptr (GdkMonitor) second = NULL;
  GdkRectangle geometry;

  g_assert_cmpuint (g_list_model_get_n_items (monitors), ==, 2);
  second = g_list_model_get_item (monitors, 1);
  gdk_monitor_get_geometry (second, &geometry);
  g_assert_cmpint (geometry.x, ==, 1920);
  g_assert_cmpint (geometry.width, ==, 1920);
  g_assert_cmpint (geometry.height, ==, 1080);
  /* The Second Screen button follows the action's enabled state. */
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
}

/* The room's view full screen on the other monitor; the editing window stays where it was,
 * editing (not presenting). */
static void
test_other_monitor (Fixture *f, gconstpointer data)
{
  GdkMonitor *editing = monitor_of (GTK_WINDOW (f->window));
  LgrPresentationWindow *room = open_room (f);
  GdkMonitor *shown_on = monitor_of (GTK_WINDOW (room));
  GdkRectangle geometry;

  g_assert_nonnull (editing);
  g_assert_nonnull (shown_on);
  g_assert_true (shown_on != editing);
  gdk_monitor_get_geometry (shown_on, &geometry);
  g_assert_cmpint (geometry.x, ==, 1920);
  g_assert_cmpint (geometry.width, ==,
                   gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (room))));
  g_assert_cmpint (geometry.height, ==,
                   gdk_surface_get_height (gtk_native_get_surface (GTK_NATIVE (room))));
  g_assert_true (monitor_of (GTK_WINDOW (f->window)) == editing);
  g_assert_false (lgr_window_get_presenting (f->window));
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (f->window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  lgr_test_shoot (GTK_WIDGET (room), "two-screens-room");

  /* The same action takes the room's view away again. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present-second-screen", NULL);
  g_assert_null (lgr_window_get_second_screen (f->window));
}

/* The first mapped slider under root, depth first, or NULL. */
static GtkRange *
first_slider (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkRange *found;
      if (GTK_IS_RANGE (child) && gtk_widget_get_mapped (child))
        return GTK_RANGE (child);
      if ((found = first_slider (child)))
        return found;
    }
  return NULL;
}

/* The first lever slider of the room's view: the "two" scenario's North rate. */
static GtkRange *
room_slider (LgrPresentationView *view)
{
  return first_slider (lgr_presentation_view_get_levers (view));
}

typedef struct
{
  LgrPresentationView *view;
  double value;
} SliderAt;

static gboolean
slider_at (gpointer data)
{
  SliderAt *s = data;
  GtkRange *slider = room_slider (s->view);
  return slider && gtk_range_get_value (slider) == s->value;
}

static gboolean
views_updated (gpointer window)
{
  return !lgr_window_get_update_pending (window);
}

static gboolean
verdict_is (gpointer data)
{
  gpointer *pair = data;
  return g_strcmp0 (lgr_presentation_view_get_verdict (pair[0]), pair[1]) == 0;
}

/* An edit typed into the editing window's sidebar shows on the room's screen: the lever's
 * slider moves and the verdict is the editing window's. */
static void
test_edit_shows (Fixture *f, gconstpointer data)
{
  LgrNumberRow *target = lgr_test_north_lac_target (f);
  LgrPresentationWindow *room = open_room (f);
  LgrPresentationView *view = lgr_presentation_window_get_view (room);
  SliderAt before = { view, 55 }, after = { view, 60 };
  gpointer verdict[2] = { view, NULL };

  g_assert_cmpstr (lgr_presentation_view_get_scenario (view), ==, "two");
  g_assert_true (wait_until (slider_at, &before));
  lgr_number_row_commit_text (target, "60");
  g_assert_true (lgr_document_get_modified (lgr_window_get_document (f->window)));
  g_assert_true (wait_until (slider_at, &after));
  /* The editing window updates at its own next frame: its verdict (and its undo) then. */
  g_assert_true (wait_until (views_updated, f->window));
  verdict[1] = (gpointer)lgr_window_get_verdict (f->window);
  g_assert_true (wait_until (verdict_is, verdict));

  /* Undone in the editing window: undone on the room's screen. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (wait_until (slider_at, &before));
  g_assert_false (lgr_document_get_modified (lgr_window_get_document (f->window)));
}

static gboolean
title_starts (gpointer data)
{
  gpointer *pair = data;
  return g_str_has_prefix (lgr_presentation_view_get_snapshot_title (pair[0]), pair[1]);
}

/* Page Down, from the editing window (the facilitator's laptop) or from the room's window (a
 * clicker), steps the snapshot on both; Page Up steps back. */
static void
test_page_down (Fixture *f, gconstpointer data)
{
  LgrPresentationWindow *room = open_room (f);
  LgrPresentationView *view = lgr_presentation_window_get_view (room);
  LgrPresentationView *own = lgr_window_get_presentation (f->window);
  gpointer first[2] = { view, "1 of 5: " }, second[2] = { view, "2 of 5: " },
           own_first[2] = { own, "1 of 5: " }, own_second[2] = { own, "2 of 5: " };

  if (!focus (GTK_WINDOW (f->window)))
    return;
  g_assert_true (xdotool ("key --delay 30 Next"));
  g_assert_true (wait_until (title_starts, first));
  g_assert_true (wait_until (title_starts, own_first));
  g_assert_false (lgr_window_get_presenting (f->window));

  if (!focus (GTK_WINDOW (room)))
    return;
  g_assert_true (xdotool ("key --delay 30 Next"));
  g_assert_true (wait_until (title_starts, second));
  g_assert_true (wait_until (title_starts, own_second));
  /* The snapshot applied to the document the editing window edits. */
  g_assert_true (lgr_document_get_modified (lgr_window_get_document (f->window)));
  lgr_test_shoot (GTK_WIDGET (room), "two-screens-question2");

  g_assert_true (xdotool ("key --delay 30 Prior"));
  g_assert_true (wait_until (title_starts, first));
  g_assert_true (wait_until (title_starts, own_first));
}

static gboolean
no_second_screen (gpointer window)
{
  return lgr_window_get_second_screen (window) == NULL;
}

/* Escape in the room's window closes it alone; the editing window stays, and the room's view
 * can be put on the second screen again. */
static void
test_escape (Fixture *f, gconstpointer data)
{
  LgrPresentationWindow *room = open_room (f);

  if (!focus (GTK_WINDOW (room)))
    return;
  g_assert_true (xdotool ("key --delay 30 Escape"));
  g_assert_true (wait_until (no_second_screen, f->window));
  settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
  g_assert_false (lgr_window_get_presenting (f->window));
  room = open_room (f);
  g_assert_true (monitor_of (GTK_WINDOW (room)) != monitor_of (GTK_WINDOW (f->window)));
}

static gboolean
one_monitor (gpointer window)
{
  return g_list_model_get_n_items (gdk_display_get_monitors (gtk_widget_get_display (window))) == 1;
}

static gboolean
two_monitors (gpointer window)
{
  return g_list_model_get_n_items (gdk_display_get_monitors (gtk_widget_get_display (window))) == 2;
}

/* The projector unplugged while the room's view is on it: the room's window goes, the editing
 * window stays, and Second Screen is no longer offered until a second monitor is back. A room's
 * window closed before (as Escape closes it) leaves nothing behind that the unplugging reaches. */
static void
test_unplugged (Fixture *f, gconstpointer data)
{
  GtkWidget *button = find_actionable (GTK_WIDGET (lgr_window_get_presentation (f->window)),
                                       "win.present-second-screen");

  gtk_window_close (GTK_WINDOW (open_room (f)));
  g_assert_true (wait_until (no_second_screen, f->window));
  settle ();
  open_room (f);
  if (!lgr_test_run_x_tool ("xrandr", "--output DUMMY1 --off"))
    return;
  g_assert_true (wait_until (one_monitor, f->window));
  g_assert_true (wait_until (no_second_screen, f->window));
  settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
  g_assert_false (gtk_widget_get_sensitive (button));

  g_assert_true (
      lgr_test_run_x_tool ("xrandr", "--output DUMMY1 --mode 1920x1080 --right-of DUMMY0"));
  g_assert_true (wait_until (two_monitors, f->window));
  settle ();
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_true (monitor_of (GTK_WINDOW (open_room (f))) != monitor_of (GTK_WINDOW (f->window)));
}

int
main (int argc, char *argv[])
{
  g_autofree char *xdotool_path = NULL;

  lgr_test_window_init (&argc, &argv);
  /* The pointer on the first monitor, away from the editing window (1400x900 at the top left)
   * and off the second, where the room's window opens: no tooltip pops up by chance. */
  if ((xdotool_path = g_find_program_in_path ("xdotool")))
    g_spawn_command_line_sync ("xdotool mousemove 1900 1070", NULL, NULL, NULL, NULL);

#define ADD LGR_TEST_WINDOW_ADD
  ADD ("/two-screens/offered", test_offered);
  ADD ("/two-screens/other-monitor", test_other_monitor);
  ADD ("/two-screens/edit-shows", test_edit_shows);
  ADD ("/two-screens/page-down", test_page_down);
  ADD ("/two-screens/escape", test_escape);
  ADD ("/two-screens/unplugged", test_unplugged);
#undef ADD
  return g_test_run ();
}
