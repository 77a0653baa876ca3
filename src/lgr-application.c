/* lgr-application.c: windows, accelerators, the about window, drafts left by a crash. */
#include <glib/gi18n.h>

#include "lgr-application.h"
#include "lgr-help.h"
#include "lgr-window.h"

struct _LgrApplication
{
  AdwApplication parent_instance;

  LgrDraftStore *drafts;
  gboolean drafts_offered;
};

G_DEFINE_FINAL_TYPE (LgrApplication, lgr_application, ADW_TYPE_APPLICATION)

static LgrWindow *
new_window (LgrApplication *self)
{
  LgrWindow *window = lgr_window_new (GTK_APPLICATION (self), self->drafts);
  return window;
}

static void
show_bundled (LgrApplication *self, LgrWindow *window)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrDocument) document = lgr_document_new_bundled (&error);

  if (document == NULL)
    g_error ("The bundled study does not load: %s", error->message);
  lgr_window_set_document (window, document);
}

static void
offer_drafts_once (LgrApplication *self, LgrWindow *window)
{
  if (self->drafts_offered)
    return;
  self->drafts_offered = TRUE;
  lgr_window_offer_drafts (window);
}

static void
lgr_application_activate (GApplication *application)
{
  LgrApplication *self = LGR_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (new_window (self));
      show_bundled (self, LGR_WINDOW (window));
      offer_drafts_once (self, LGR_WINDOW (window));
    }
  gtk_window_present (window);
}

static void
lgr_application_open (GApplication *application, GFile **files, int n_files, const char *hint)
{
  LgrApplication *self = LGR_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
      LgrWindow *window;
      g_autoptr (GError) error = NULL;
      g_autoptr (LgrDocument) document = NULL;

      if (active && LGR_IS_WINDOW (active) && lgr_window_is_pristine (LGR_WINDOW (active)))
        window = LGR_WINDOW (active);
      else
        window = new_window (self);

      document = lgr_document_new_for_file (files[i], &error);
      if (document == NULL)
        {
          /* Show the window anyway, with the bundled study and the reason. */
          if (lgr_window_get_document (window) == NULL)
            show_bundled (self, window);
          lgr_window_open (window, files[i]);
        }
      else
        lgr_window_set_document (window, document);
      offer_drafts_once (self, window);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
action_quit (GSimpleAction *action, GVariant *param, gpointer data)
{
  GtkApplication *app = data;
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window asks about its unsaved changes. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
action_about (GSimpleAction *action, GVariant *param, gpointer data)
{
  GtkApplication *app = data;
  const char *developers[] = { _ ("The LGR Explorer contributors"), NULL };
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about, "transient-for", gtk_application_get_active_window (app), "application-name",
                _ ("LGR Explorer"), "application-icon", APP_ID, "version", PACKAGE_VERSION,
                "developer-name", _ ("The LGR Explorer contributors"), "license-type",
                GTK_LICENSE_GPL_3_0, "comments",
                _ ("Compare local government reorganisation options: one unitary council or two, "
                   "their savings, costs and payback."),
                "developers", developers, "translator-credits", _ ("translator-credits"), NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* F1 and Help > User Guide: Yelp, else the HTML pages, else a message (lgr-help.c). */
static void
action_help (GSimpleAction *action, GVariant *param, gpointer data)
{
  lgr_help_show (gtk_application_get_active_window (GTK_APPLICATION (data)));
}

static const GActionEntry app_entries[] = {
  { "quit", action_quit, NULL, NULL, NULL },
  { "about", action_about, NULL, NULL, NULL },
  { "help", action_help, NULL, NULL, NULL },
};

static void
lgr_application_startup (GApplication *application)
{
  LgrApplication *self = LGR_APPLICATION (application);
  struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Shift><Control>z", "<Control>y", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.leave-presentation", { "Escape", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "app.help", { "F1", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (lgr_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
  self->drafts = lgr_draft_store_new (NULL);
}

static void
lgr_application_shutdown (GApplication *application)
{
  LgrApplication *self = LGR_APPLICATION (application);
  g_clear_object (&self->drafts);
  G_APPLICATION_CLASS (lgr_application_parent_class)->shutdown (application);
}

static void
lgr_application_class_init (LgrApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  app_class->activate = lgr_application_activate;
  app_class->open = lgr_application_open;
  app_class->startup = lgr_application_startup;
  app_class->shutdown = lgr_application_shutdown;
}

static void
lgr_application_init (LgrApplication *self)
{
}

LgrApplication *
lgr_application_new (void)
{
  return g_object_new (LGR_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN, "resource-base-path",
                       "/io/github/lgrexplorer/Explorer", NULL);
}

LgrDraftStore *
lgr_application_get_drafts (LgrApplication *self)
{
  g_return_val_if_fail (LGR_IS_APPLICATION (self), NULL);
  return self->drafts;
}
