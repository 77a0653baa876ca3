/* lgr-help.c: opening the user guide. Yelp shows help:lgr-explorer where the pages are
 * installed; where it is missing (or the build is not installed) the same pages, built as HTML
 * with yelp-build, open in the default web browser; failing both, a message says where the
 * guide is and what to install, rather than nothing happening.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include <adwaita.h>

#include "lgr-help.h"

typedef struct
{
  GtkWindow *parent; /* owned; may be NULL */
  char *html_path;   /* may be NULL */
} HelpRequest;

static void
help_request_free (HelpRequest *req)
{
  g_clear_object (&req->parent);
  g_free (req->html_path);
  g_free (req);
}

gboolean
lgr_help_pages_installed (void)
{
  const char *const *dirs = g_get_system_data_dirs ();
  g_autofree char *user
      = g_build_filename (g_get_user_data_dir (), "help", "C", "lgr-explorer", "index.page", NULL);
  if (g_file_test (user, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  for (guint i = 0; dirs[i]; i++)
    {
      g_autofree char *page
          = g_build_filename (dirs[i], "help", "C", "lgr-explorer", "index.page", NULL);
      if (g_file_test (page, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }
  return FALSE;
}

char *
lgr_help_html_path (void)
{
  if (g_file_test (LGR_HELP_HTML_INSTALLED, G_FILE_TEST_IS_REGULAR))
    return g_strdup (LGR_HELP_HTML_INSTALLED);
  if (g_file_test (LGR_HELP_HTML_BUILD, G_FILE_TEST_IS_REGULAR))
    return g_strdup (LGR_HELP_HTML_BUILD);
  return NULL;
}

static void
show_message (HelpRequest *req, const char *reason)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* reason: why the browser could not show the pages; NULL when they are missing. */
  if (reason)
    body = g_strdup_printf (_ ("Yelp, the GNOME help viewer, is not installed, and no web browser "
                               "could show the guide (%s).\n\nInstall Yelp (the “yelp” package), "
                               "or open %s in a web browser."),
                            reason, req->html_path);
  else
    body = g_strdup_printf (_ ("Yelp, the GNOME help viewer, is not installed, and the guide's "
                               "web pages are missing from %s.\n\nInstall Yelp (the “yelp” "
                               "package), or reinstall LGR Explorer."),
                            req->html_path ? req->html_path : LGR_HELP_HTML_INSTALLED);
  dialog = adw_message_dialog_new (req->parent, _ ("Could Not Open the User Guide"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_html_shown (GObject *source, GAsyncResult *result, gpointer data)
{
  HelpRequest *req = data;
  g_autoptr (GError) error = NULL;

  if (!gtk_show_uri_full_finish (req->parent, result, &error))
    show_message (req, error->message);
  help_request_free (req);
}

static void
show_html (HelpRequest *req)
{
  g_autofree char *uri = NULL;

  if (req->html_path == NULL || !g_file_test (req->html_path, G_FILE_TEST_IS_REGULAR))
    {
      show_message (req, NULL);
      help_request_free (req);
      return;
    }
  uri = g_filename_to_uri (req->html_path, NULL, NULL);
  gtk_show_uri_full (req->parent, uri, GDK_CURRENT_TIME, NULL, on_html_shown, req);
}

static void
on_help_shown (GObject *source, GAsyncResult *result, gpointer data)
{
  HelpRequest *req = data;
  g_autoptr (GError) error = NULL;

  if (gtk_show_uri_full_finish (req->parent, result, &error))
    {
      help_request_free (req);
      return;
    }
  /* Usually no Yelp: nothing handles help: URIs. */
  g_debug ("Could not open the guide in a help viewer: %s", error->message);
  show_html (req);
}

void
lgr_help_show_uris (GtkWindow *parent, const char *help_uri, const char *html_path)
{
  HelpRequest *req = g_new0 (HelpRequest, 1);

  req->parent = parent ? g_object_ref (parent) : NULL;
  req->html_path = g_strdup (html_path);
  if (help_uri)
    gtk_show_uri_full (parent, help_uri, GDK_CURRENT_TIME, NULL, on_help_shown, req);
  else
    show_html (req);
}

void
lgr_help_show (GtkWindow *parent)
{
  g_autofree char *html = lgr_help_html_path ();

  /* Yelp cannot show pages that are not installed (an uninstalled build): straight to HTML. */
  lgr_help_show_uris (parent, lgr_help_pages_installed () ? LGR_HELP_URI : NULL,
                      html ? html : LGR_HELP_HTML_INSTALLED);
}
