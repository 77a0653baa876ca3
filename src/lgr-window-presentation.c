/* lgr-window-presentation.c: the window's presentation mode and second screen. Presenting (F5,
 * win.present) shows the room's view (LgrPresentationView) full screen in place of the editing
 * page; Present on Second Screen (win.present-second-screen, enabled while more than one
 * monitor is connected) shows it full screen on another monitor in an LgrPresentationWindow
 * while this window keeps editing. Both views follow the document, and the window keeps what
 * they share: the snapshot the room is at (Page Down / Page Up: win.next-snapshot,
 * win.previous-snapshot; Home: win.back-to-start), the scenario whose levers are shown and the
 * lock (win.lock-levers). Uses the dialogs only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-window-private.h"

#include <glib/gi18n.h>

#include "lgr-document-snapshots.h"

static void
sync_view (LgrWindow *self, LgrPresentationView *view)
{
  lgr_presentation_view_set_document (view, self->document);
  lgr_presentation_view_set_scenario (view, lgr_scenario_sidebar_get_selected (self->sidebar));
  lgr_presentation_view_set_snapshot (view, self->snapshot_id);
  lgr_presentation_view_set_chart (view, self->chart);
  lgr_presentation_view_set_dark (view,
                                  adw_style_manager_get_dark (adw_style_manager_get_default ()));
}

void
_lgr_window_presentation_sync (LgrWindow *self)
{
  if (self->document == NULL)
    return;
  sync_view (self, self->presentation);
  if (self->second_screen)
    sync_view (self, lgr_presentation_window_get_view (self->second_screen));
}

void
_lgr_window_presentation_set_uncertainty (LgrWindow *self, const LgrUncertaintyResults *u,
                                          const LgrSensitivity *sensitivity)
{
  lgr_presentation_view_set_uncertainty (self->presentation, u, sensitivity);
  if (self->second_screen)
    lgr_presentation_view_set_uncertainty (lgr_presentation_window_get_view (self->second_screen),
                                           u, sensitivity);
}

void
_lgr_window_set_presenting (LgrWindow *self, gboolean presenting)
{
  if (!presenting == !self->presenting)
    return;
  self->presenting = presenting;
  g_object_notify (G_OBJECT (self), "presenting");

  gtk_revealer_set_reveal_child (self->header_revealer, !presenting);
  /* The banners about drafts are for whoever edits, not for the room; they stay as they are. */
  gtk_widget_set_visible (GTK_WIDGET (self->draft_revealer), !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_problem_revealer), !presenting);
  /* Toasts are read from the back of the room too (resources/style.css). */
  if (presenting)
    gtk_widget_add_css_class (GTK_WIDGET (self->toast_overlay), "lgr-presenting");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->toast_overlay), "lgr-presenting");
  if (presenting)
    {
      _lgr_window_presentation_sync (self);
      gtk_widget_set_visible (GTK_WIDGET (self->flap), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->presentation), TRUE);
      gtk_window_fullscreen (GTK_WINDOW (self));
      gtk_widget_grab_focus (
          GTK_WIDGET (lgr_presentation_view_get_chart_view (self->presentation)));
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->presentation), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->flap), TRUE);
      gtk_window_unfullscreen (GTK_WINDOW (self));
    }
}

/* The snapshot the room is at: the start (NULL) or one of the study's snapshots. */
static int
snapshot_index (LgrWindow *self)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  for (guint i = 0; self->snapshot_id && i < study->snapshots->len; i++)
    if (g_strcmp0 (((LgrSnapshot *)g_ptr_array_index (study->snapshots, i))->id, self->snapshot_id)
        == 0)
      return (int)i;
  return -1;
}

void
_lgr_window_set_snapshot (LgrWindow *self, const char *snapshot_id)
{
  g_free (self->snapshot_id);
  self->snapshot_id = g_strdup (snapshot_id);
  _lgr_window_presentation_sync (self);
}

/* The next (delta 1) or previous (-1) question: shown from the start, as one undoable step. */
void
_lgr_window_step_snapshot (LgrWindow *self, int delta)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  int n = (int)study->snapshots->len;
  int index = CLAMP (snapshot_index (self) + delta, -1, n - 1);
  const LgrSnapshot *snapshot = index >= 0 ? g_ptr_array_index (study->snapshots, index) : NULL;
  g_autoptr (GError) error = NULL;

  if (n == 0)
    {
      _lgr_window_toast (self, _ ("This study has no snapshots to step through"));
      return;
    }
  if (delta > 0 && index == snapshot_index (self))
    _lgr_window_toast (self, _ ("That was the last question"));
  if (!lgr_document_show_snapshot (self->document, snapshot ? snapshot->id : NULL, &error))
    {
      _lgr_window_show_error (self, _ ("The Snapshot Could Not Be Applied"), error);
      return;
    }
  /* The room sees the levers the question is about: those of the first lever it sets. */
  for (guint i = 0; snapshot && i < snapshot->sets->len; i++)
    {
      const LgrSnapshotSet *set = g_ptr_array_index (snapshot->sets, i);
      if (set->lever && set->scenario)
        {
          lgr_scenario_sidebar_select (self->sidebar, set->scenario);
          break;
        }
    }
  _lgr_window_set_snapshot (self, snapshot ? snapshot->id : NULL);
}

static void
action_step_snapshot (GtkWidget *widget, const char *name, GVariant *param)
{
  _lgr_window_step_snapshot (LGR_WINDOW (widget), g_str_equal (name, "win.next-snapshot") ? 1 : -1);
}

/* The second screen */

/* A monitor other than the one showing this window, or NULL with one monitor. */
static GdkMonitor *
other_monitor (LgrWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkMonitor *mine = surface ? gdk_display_get_monitor_at_surface (display, surface) : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr (GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      if (monitor != mine)
        return monitor; /* the display keeps it */
    }
  return NULL;
}

static void
on_second_screen_closed (LgrWindow *self, GtkWidget *window)
{
  if (self->second_screen != (LgrPresentationWindow *)window)
    return;
  self->second_screen = NULL;
  g_object_notify (G_OBJECT (self), "second-screen");
}

static gboolean
on_second_screen_close_request (GtkWindow *window, LgrWindow *self)
{
  on_second_screen_closed (self, GTK_WIDGET (window));
  return FALSE;
}

void
_lgr_window_present_on_monitor (LgrWindow *self, GdkMonitor *monitor)
{
  if (self->second_screen == NULL)
    {
      self->second_screen = lgr_presentation_window_new (GTK_WIDGET (self), self->document);
      g_signal_connect_object (self->second_screen, "close-request",
                               G_CALLBACK (on_second_screen_close_request), self, 0);
      _lgr_window_presentation_sync (self);
      g_object_notify (G_OBJECT (self), "second-screen");
    }
  if (monitor)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self->second_screen), monitor);
  else
    gtk_window_fullscreen (GTK_WINDOW (self->second_screen));
  gtk_window_present (GTK_WINDOW (self->second_screen));
}

void
_lgr_window_set_second_screen (LgrWindow *self, gboolean shown)
{
  if (!shown == !self->second_screen)
    return;
  if (shown)
    {
      GdkMonitor *monitor = other_monitor (self);
      if (monitor == NULL)
        {
          _lgr_window_toast (self, _ ("Connect a second screen to present on it"));
          g_object_notify (G_OBJECT (self), "second-screen");
          return;
        }
      /* The room's view moves to the other screen: this one goes back to editing. */
      _lgr_window_set_presenting (self, FALSE);
      _lgr_window_present_on_monitor (self, monitor);
    }
  else
    {
      GtkWindow *window = GTK_WINDOW (self->second_screen);
      self->second_screen = NULL;
      gtk_window_destroy (window);
      g_object_notify (G_OBJECT (self), "second-screen");
    }
}

/* Present on Second Screen is offered while there is a second monitor; the room's window goes
 * when its monitor does. */
static void
on_monitors_changed (GListModel *monitors, guint position, guint removed, guint added,
                     LgrWindow *self)
{
  gboolean two = g_list_model_get_n_items (monitors) > 1;

  if (!two && self->second_screen)
    _lgr_window_set_second_screen (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present-second-screen",
                                 two || self->second_screen != NULL);
}

void
_lgr_window_presentation_init (LgrWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));

  g_signal_connect_object (monitors, "items-changed", G_CALLBACK (on_monitors_changed), self, 0);
  on_monitors_changed (monitors, 0, 0, 0, self);
  g_object_bind_property (self, "levers-locked", self->presentation, "locked",
                          G_BINDING_SYNC_CREATE);
}

void
_lgr_window_presentation_dispose (LgrWindow *self)
{
  if (self->second_screen)
    _lgr_window_set_second_screen (self, FALSE);
}

void
_lgr_window_class_presentation_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.next-snapshot", NULL, action_step_snapshot);
  gtk_widget_class_install_action (widget_class, "win.previous-snapshot", NULL,
                                   action_step_snapshot);
  gtk_widget_class_install_property_action (widget_class, "win.lock-levers", "levers-locked");
  gtk_widget_class_install_property_action (widget_class, "win.present-second-screen",
                                            "second-screen");
}
