/* test-window-help.c: F1 and Help > User Guide under Xvfb, where no Yelp is installed. The
 * test's own web browser (a script registered for text/html in a private XDG data and config
 * home) records what it is asked to open, so no real browser starts.
 *
 * Waiting is done by iterating the main context until a condition holds, with a timeout; never
 * by sleeping. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "lgr-help.h"
#include "lgr-test-util.h"
#include "lgr-test-window.h"

typedef struct
{
  char *home;   /* the private XDG homes, removed at the end */
  char *opened; /* where the test browser writes the URI it was given */
} HelpEnv;

static gboolean
poke (gpointer data)
{
  return G_SOURCE_CONTINUE; /* wakes the main loop so file conditions are looked at */
}

static gboolean
wait_until (GSourceFunc condition, gpointer data)
{
  guint id = g_timeout_add (20, poke, NULL);
  gboolean ok = lgr_test_wait_until (condition, data);
  g_source_remove (id);
  return ok;
}

static gboolean
file_written (gpointer data)
{
  g_autofree char *text = NULL;
  return g_file_get_contents (data, &text, NULL, NULL) && strchr (text, '\n');
}

/* The message dialog over the windows, if one is shown. */
static AdwMessageDialog *
find_message (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* GTK's own */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static gboolean
message_shown (gpointer data)
{
  return find_message () != NULL;
}

/* A help: URI that nothing handles (as where Yelp is missing) falls back to the HTML pages in
 * the default web browser, and no message is shown. */
static void
test_html_fallback (gconstpointer data)
{
  const HelpEnv *env = data;
  g_autofree char *html = g_build_filename (LGR_HELP_HTML_BUILD_DIR, "index.html", NULL);
  g_autofree char *uri = g_filename_to_uri (html, NULL, NULL);
  g_autofree char *as_uri = g_strconcat (uri, "\n", NULL);
  g_autofree char *as_path = g_strconcat (html, "\n", NULL);
  g_autofree char *got = NULL;
  GtkWidget *window = gtk_window_new ();

  g_assert_true (g_file_test (html, G_FILE_TEST_IS_REGULAR));
  g_remove (env->opened);
  gtk_window_present (GTK_WINDOW (window));
  lgr_help_show_uris (GTK_WINDOW (window), "x-lgr-no-handler:lgr-explorer", html);
  g_assert_true (wait_until (file_written, env->opened));
  g_assert_true (g_file_get_contents (env->opened, &got, NULL, NULL));
  /* GIO hands a local file to the browser by its path or its URI (%u). */
  if (!g_str_equal (got, as_path))
    g_assert_cmpstr (got, ==, as_uri);
  lgr_test_settle ();
  g_assert_null (find_message ());
  gtk_window_destroy (GTK_WINDOW (window));
}

/* F1 in a build that is not installed: Yelp could not find the pages, so the build's HTML
 * pages open straight away. */
static void
test_uninstalled_build (gconstpointer data)
{
  const HelpEnv *env = data;
  g_autofree char *html = lgr_help_html_path ();
  g_autofree char *got = NULL;
  GtkWidget *window;

  if (lgr_help_pages_installed ())
    {
      g_test_skip ("the guide is installed on this system: Yelp would be asked first");
      return;
    }
  g_assert_nonnull (html);
  g_assert_true (g_str_has_suffix (html, "/help/html/index.html"));

  window = gtk_window_new ();
  g_remove (env->opened);
  gtk_window_present (GTK_WINDOW (window));
  lgr_help_show (GTK_WINDOW (window));
  g_assert_true (wait_until (file_written, env->opened));
  g_assert_true (g_file_get_contents (env->opened, &got, NULL, NULL));
  g_assert_true (g_str_has_suffix (got, "/help/html/index.html\n"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Neither Yelp nor the web pages: a message says so and where the guide should be. */
static void
test_message (gconstpointer data)
{
  const char *missing = "/nonexistent/lgr-explorer/html/index.html";
  GtkWidget *window = gtk_window_new ();
  AdwMessageDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  lgr_help_show_uris (GTK_WINDOW (window), "x-lgr-no-handler:lgr-explorer", missing);
  g_assert_true (wait_until (message_shown, NULL));
  dialog = find_message ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open the User Guide");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Yelp"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), missing));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  lgr_test_shoot (GTK_WIDGET (dialog), "help-message");
  g_assert_true (adw_message_dialog_has_response (dialog, "close"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  lgr_test_settle ();
  g_assert_null (find_message ());
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window's main menu offers the guide, and F1 is its shortcut. */
static void
test_menu (gconstpointer data)
{
  g_autoptr (GBytes) ui = g_resources_lookup_data ("/io/github/lgrexplorer/Explorer/lgr-window.ui",
                                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr (GBytes) overlay = g_resources_lookup_data (
      "/io/github/lgrexplorer/Explorer/gtk/help-overlay.ui", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *text = NULL;

  g_assert_nonnull (ui);
  text = g_strndup (g_bytes_get_data (ui, NULL), g_bytes_get_size (ui));
  g_assert_nonnull (strstr (text, "app.help"));
  g_assert_nonnull (overlay);
  g_free (text);
  text = g_strndup (g_bytes_get_data (overlay, NULL), g_bytes_get_size (overlay));
  g_assert_nonnull (strstr (text, "app.help"));
}

/* A private XDG config and data home whose only web browser is a script that writes the URI it
 * is given to env->opened. GTK's own settings (XDG_CONFIG_HOME/gtk-4.0) are kept. */
static void
set_up_env (HelpEnv *env)
{
  g_autoptr (GError) error = NULL;
  const char *config = g_getenv ("XDG_CONFIG_HOME");
  g_autofree char *data = NULL, *apps = NULL, *conf = NULL, *script = NULL, *desktop = NULL;
  g_autofree char *text = NULL;

  env->home = g_dir_make_tmp ("lgr-help-XXXXXX", &error);
  g_assert_no_error (error);
  env->opened = g_build_filename (env->home, "opened", NULL);
  data = g_build_filename (env->home, "data", NULL);
  apps = g_build_filename (data, "applications", NULL);
  conf = g_build_filename (env->home, "config", NULL);
  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (conf, 0700), ==, 0);
  if (config && *config)
    {
      g_autofree char *gtk_dir = g_build_filename (config, "gtk-4.0", NULL);
      g_autofree char *link = g_build_filename (conf, "gtk-4.0", NULL);
      if (g_file_test (gtk_dir, G_FILE_TEST_IS_DIR))
        g_assert_cmpint (symlink (gtk_dir, link), ==, 0);
    }

  script = g_build_filename (env->home, "browser.sh", NULL);
  text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" > '%s.part' && mv '%s.part' '%s'\n",
                          env->opened, env->opened, env->opened);
  g_assert_true (g_file_set_contents (script, text, -1, &error));
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  g_clear_pointer (&text, g_free);

  desktop = g_build_filename (apps, "lgr-test-browser.desktop", NULL);
  text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Test browser\nExec=%s %%u\n"
                          "MimeType=text/html;\n",
                          script);
  g_assert_true (g_file_set_contents (desktop, text, -1, &error));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&desktop, g_free);
  desktop = g_build_filename (conf, "mimeapps.list", NULL);
  g_assert_true (g_file_set_contents (
      desktop, "[Default Applications]\ntext/html=lgr-test-browser.desktop\n", -1, &error));

  g_setenv ("XDG_CONFIG_HOME", conf, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
}

int
main (int argc, char *argv[])
{
  HelpEnv env = { 0 };
  int status;

  set_up_env (&env);
  lgr_test_window_init (&argc, &argv);
  g_test_add_data_func ("/help/fallback/html", &env, test_html_fallback);
  g_test_add_data_func ("/help/fallback/uninstalled", &env, test_uninstalled_build);
  g_test_add_data_func ("/help/fallback/message", &env, test_message);
  g_test_add_data_func ("/help/menu", &env, test_menu);
  status = g_test_run ();
  lgr_test_remove_tree (env.home);
  g_free (env.home);
  g_free (env.opened);
  return status;
}
