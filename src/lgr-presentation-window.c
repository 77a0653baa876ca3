/* lgr-presentation-window.c: the room's view on a second screen (lgr-presentation-window.h).
 * It has no state of its own: every action is the owner's, so the laptop's window and the
 * room's screen always agree on the snapshot, the scenario and the lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-presentation-window.h"

#include <glib/gi18n.h>

struct _LgrPresentationWindow
{
  AdwWindow parent_instance;

  LgrPresentationView *view;
  GWeakRef owner;
};

G_DEFINE_FINAL_TYPE (LgrPresentationWindow, lgr_presentation_window, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_LOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The owner's actions this window offers under the same names. */
static const char *const forwarded[] = {
  "win.next-snapshot", "win.previous-snapshot", "win.back-to-start",
  "win.next-scenario", "win.previous-scenario",
};

static void
forward (LgrPresentationWindow *self, const char *action)
{
  g_autoptr (GtkWidget) owner = g_weak_ref_get (&self->owner);
  if (owner != NULL)
    gtk_widget_activate_action (owner, action, NULL);
}

static void
action_forward (GtkWidget *widget, const char *name, GVariant *param)
{
  forward (LGR_PRESENTATION_WINDOW (widget), name);
}

/* Leave closes this window only: the editing window stays as it is. */
static void
action_leave (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, LgrPresentationWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean typing
      = focus && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT (focus) || GTK_IS_RANGE (focus));

  /* What a clicker sends steps whatever has focus; arrows and Home only outside a slider or an
   * entry, which use them. */
  switch (keyval)
    {
    case GDK_KEY_Escape:
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      forward (self, "win.next-snapshot");
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      forward (self, "win.previous-snapshot");
      return TRUE;
    case GDK_KEY_Home:
      if (typing)
        return FALSE;
      forward (self, "win.back-to-start");
      return TRUE;
    case GDK_KEY_Left:
      if (typing)
        return FALSE;
      forward (self, "win.previous-scenario");
      return TRUE;
    case GDK_KEY_Right:
      if (typing)
        return FALSE;
      forward (self, "win.next-scenario");
      return TRUE;
    default:
      return FALSE;
    }
}

LgrPresentationWindow *
lgr_presentation_window_new (GtkWidget *owner, LgrDocument *document)
{
  LgrPresentationWindow *self = g_object_new (LGR_TYPE_PRESENTATION_WINDOW, NULL);

  g_weak_ref_set (&self->owner, owner);
  g_object_bind_property (owner, "levers-locked", self, "locked",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  if (GTK_IS_WINDOW (owner))
    {
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (owner));
      if (application)
        gtk_window_set_application (GTK_WINDOW (self), application);
      gtk_window_set_title (GTK_WINDOW (self), gtk_window_get_title (GTK_WINDOW (owner)));
    }
  lgr_presentation_view_set_document (self->view, document);
  return self;
}

LgrPresentationView *
lgr_presentation_window_get_view (LgrPresentationWindow *self)
{
  g_return_val_if_fail (LGR_IS_PRESENTATION_WINDOW (self), NULL);
  return self->view;
}

static void
lgr_presentation_window_get_property (GObject *object, guint prop_id, GValue *value,
                                      GParamSpec *pspec)
{
  LgrPresentationWindow *self = LGR_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LOCKED:
      g_value_set_boolean (value, lgr_presentation_view_get_locked (self->view));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_presentation_window_set_property (GObject *object, guint prop_id, const GValue *value,
                                      GParamSpec *pspec)
{
  LgrPresentationWindow *self = LGR_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LOCKED:
      /* the view holds it: the window only offers it to the owner and to win.lock-levers */
      if (lgr_presentation_view_get_locked (self->view) == g_value_get_boolean (value))
        return;
      lgr_presentation_view_set_locked (self->view, g_value_get_boolean (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_presentation_window_dispose (GObject *object)
{
  /* GTK 4.8 keeps a handler on the monitor of gtk_window_fullscreen_on_monitor() past the
   * window's end; unplugging that monitor later would call it on freed memory. Unfullscreening
   * drops it. */
  gtk_window_unfullscreen (GTK_WINDOW (object));
  G_OBJECT_CLASS (lgr_presentation_window_parent_class)->dispose (object);
}

static void
lgr_presentation_window_finalize (GObject *object)
{
  g_weak_ref_clear (&LGR_PRESENTATION_WINDOW (object)->owner);
  G_OBJECT_CLASS (lgr_presentation_window_parent_class)->finalize (object);
}

static void
lgr_presentation_window_class_init (LgrPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgr_presentation_window_dispose;
  object_class->finalize = lgr_presentation_window_finalize;
  object_class->get_property = lgr_presentation_window_get_property;
  object_class->set_property = lgr_presentation_window_set_property;

  /* Whether the levers are locked: the owner's "levers-locked" (win.lock-levers). */
  properties[PROP_LOCKED]
      = g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  for (guint i = 0; i < G_N_ELEMENTS (forwarded); i++)
    gtk_widget_class_install_action (widget_class, forwarded[i], NULL, action_forward);
  gtk_widget_class_install_action (widget_class, "win.leave-presentation", NULL, action_leave);
  gtk_widget_class_install_property_action (widget_class, "win.lock-levers", "locked");
}

static void
lgr_presentation_window_init (LgrPresentationWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_weak_ref_init (&self->owner, NULL);
  self->view = LGR_PRESENTATION_VIEW (lgr_presentation_view_new ());
  /* It is the second screen: Leave closes it. */
  lgr_presentation_view_set_second_screen_button (self->view, FALSE);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->view));
  gtk_window_set_default_size (GTK_WINDOW (self), 1920, 1080);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
