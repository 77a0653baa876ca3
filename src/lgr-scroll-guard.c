/* lgr-scroll-guard.c: the page takes the wheel unless the value control under the pointer has
 * keyboard focus (lgr-scroll-guard.h).
 *
 * One controller on the scrolled window, in the capture phase, sees every scroll before the
 * slider under the pointer does, so rows added later are guarded too and no row has to know.
 *
 * GTK sends a scroll to the widget the pointer last moved onto, not to the one under it now: a
 * page scrolled under a still pointer brings another slider there, but the scroll still goes
 * to the widget of the last motion (and the next motion goes to the new one). So the guard
 * follows the motions too, and stops a scroll when either is a value control without focus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-scroll-guard.h"

#include <math.h>

/* A widget whose value a scroll changes. */
static gboolean
takes_scroll (GtkWidget *widget)
{
  return GTK_IS_RANGE (widget) || GTK_IS_SPIN_BUTTON (widget);
}

/* Focus on the control or inside it (a spin button's focus is on its text). */
static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

GtkWidget *
lgr_scroll_guard_pick (GtkScrolledWindow *scroller, double x, double y)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (scroller), x, y, GTK_PICK_DEFAULT);

  for (; widget && widget != GTK_WIDGET (scroller); widget = gtk_widget_get_parent (widget))
    if (takes_scroll (widget))
      return has_focus_within (widget) ? NULL : widget;
  return NULL;
}

/* Where the pointer is, in scroller's coordinates: the event's position, or (scroll events
 * from a wheel carry none) the pointer's on the surface. */
static gboolean
event_position (GtkEventController *controller, GtkWidget *scroller, double *x, double *y)
{
  GdkEvent *event = gtk_event_controller_get_current_event (controller);
  GtkNative *native = gtk_widget_get_native (scroller);
  graphene_point_t in_native, in_scroller;
  double ex, ey, nx, ny;

  if (event == NULL || native == NULL)
    return FALSE;
  if (!gdk_event_get_position (event, &ex, &ey)
      && !gdk_surface_get_device_position (
          gtk_native_get_surface (native),
          gdk_seat_get_pointer (gdk_display_get_default_seat (gtk_widget_get_display (scroller))),
          &ex, &ey, NULL))
    return FALSE;
  /* Positions are relative to the surface; the native widget may sit inside it (shadows). */
  gtk_native_get_surface_transform (native, &nx, &ny);
  in_native = GRAPHENE_POINT_INIT (ex - nx, ey - ny);
  if (!gtk_widget_compute_point (GTK_WIDGET (native), scroller, &in_native, &in_scroller))
    return FALSE;
  *x = in_scroller.x;
  *y = in_scroller.y;
  return TRUE;
}

/* Scrolls the page as the scrolled window would have: a wheel notch moves it by the page size
 * to the power 2/3, as GTK does; a touchpad by its pixels. */
static void
scroll_page (GtkScrolledWindow *scroller, GdkScrollUnit unit, double dx, double dy)
{
  GtkAdjustment *adjustments[2] = { gtk_scrolled_window_get_hadjustment (scroller),
                                    gtk_scrolled_window_get_vadjustment (scroller) };
  double deltas[2] = { dx, dy };

  for (int i = 0; i < 2; i++)
    {
      GtkAdjustment *adj = adjustments[i];
      double page = gtk_adjustment_get_page_size (adj);
      double step = unit == GDK_SCROLL_UNIT_WHEEL ? pow (page, 2.0 / 3.0) : 1.0;

      if (deltas[i] != 0 && page > 0)
        gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + deltas[i] * step);
    }
}

/* The value control under the pointer at its last motion, which GTK sends scrolls to. */
typedef struct
{
  GtkScrolledWindow *scroller;
  GWeakRef last_motion;
} Guard;

static void
guard_free (gpointer data, GClosure *closure)
{
  Guard *guard = data;
  g_weak_ref_clear (&guard->last_motion);
  g_free (guard);
}

static void
on_motion (GtkEventControllerMotion *motion, double x, double y, Guard *guard)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (guard->scroller), x, y, GTK_PICK_DEFAULT);

  for (; widget && widget != GTK_WIDGET (guard->scroller); widget = gtk_widget_get_parent (widget))
    if (takes_scroll (widget))
      break;
  g_weak_ref_set (&guard->last_motion, widget != GTK_WIDGET (guard->scroller) ? widget : NULL);
}

static void
on_leave (GtkEventControllerMotion *motion, Guard *guard)
{
  g_weak_ref_set (&guard->last_motion, NULL);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller, double dx, double dy, Guard *guard)
{
  g_autoptr (GtkWidget) target = g_weak_ref_get (&guard->last_motion);
  GtkScrolledWindow *scroller = guard->scroller;
  double x, y;
  gboolean guarded = target != NULL && !has_focus_within (target);

  if (!guarded && event_position (GTK_EVENT_CONTROLLER (controller), GTK_WIDGET (scroller), &x, &y))
    guarded = lgr_scroll_guard_pick (scroller, x, y) != NULL;
  if (!guarded)
    return FALSE;
  scroll_page (scroller, gtk_event_controller_scroll_get_unit (controller), dx, dy);
  return TRUE;
}

GtkEventController *
lgr_scroll_guard_attach (GtkScrolledWindow *scroller)
{
  GtkEventController *controller, *motion;
  Guard *guard;

  g_return_val_if_fail (GTK_IS_SCROLLED_WINDOW (scroller), NULL);

  guard = g_new0 (Guard, 1);
  guard->scroller = scroller; /* the controllers go with it */
  g_weak_ref_init (&guard->last_motion, NULL);

  motion = gtk_event_controller_motion_new ();
  gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), guard);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), guard);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), guard);
  gtk_widget_add_controller (GTK_WIDGET (scroller), motion);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_name (controller, "lgr-scroll-guard");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_data (controller, "scroll", G_CALLBACK (on_scroll), guard, guard_free, 0);
  gtk_widget_add_controller (GTK_WIDGET (scroller), controller);
  return controller;
}
