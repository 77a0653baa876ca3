/* lgr-test-window.c: what the window tests share (lgr-test-window.h). */
#include "lgr-test-window.h"

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "lgr-lever-row.h"
#include "lgr-test-util.h"

void
lgr_test_window_init (int *argc, char ***argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

void
lgr_test_window_set_up (LgrTestWindowFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrDocument) document = lgr_document_new_bundled (&error);
  g_autofree char *drafts_dir = NULL;

  g_assert_no_error (error);
  f->dir = g_dir_make_tmp ("lgr-window-XXXXXX", &error);
  g_assert_no_error (error);
  drafts_dir = g_build_filename (f->dir, "drafts", NULL);
  f->drafts = lgr_draft_store_new (drafts_dir);
  lgr_draft_store_set_delay (f->drafts, 50);
  f->window = lgr_window_new (NULL, f->drafts);
  lgr_window_set_document (f->window, document);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  lgr_test_settle ();
}

void
lgr_test_window_tear_down (LgrTestWindowFixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  lgr_test_settle ();
  g_clear_object (&f->drafts);
  lgr_test_remove_tree (f->dir);
  g_free (f->dir);
}

const LgrStudy *
lgr_test_window_study (LgrTestWindowFixture *f)
{
  return lgr_document_get_study (lgr_window_get_document (f->window));
}

void
lgr_test_shoot (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("LGR_SHOTS_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  lgr_test_settle ();
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, NULL);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

LgrNumberRow *
lgr_test_north_lac_target (LgrTestWindowFixture *f)
{
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  LgrLeverRow *row;

  lgr_scenario_sidebar_select (sidebar, "two");
  g_assert_cmpstr (lgr_scenario_sidebar_get_selected (sidebar), ==, "two");
  row = lgr_scenario_sidebar_find_lever_row (sidebar, "north-lac");
  g_assert_nonnull (row);
  return lgr_lever_row_get_field (row, LGR_LEVER_FIELD_COHORT_TARGET);
}

typedef struct
{
  gboolean done;
  int status;
} Child;

static void
on_child_exit (GPid pid, int status, gpointer data)
{
  Child *child = data;
  child->status = status;
  child->done = TRUE;
  g_spawn_close_pid (pid);
}

static gboolean
child_done (gpointer data)
{
  return ((Child *)data)->done;
}

gboolean
lgr_test_run_x_tool (const char *program, const char *arguments)
{
  g_autofree char *path = g_find_program_in_path (program);
  g_autofree char *command = NULL;
  g_auto (GStrv) argv = NULL;
  g_autoptr (GError) error = NULL;
  Child child = { FALSE, 0 };
  GPid pid;

#ifdef GDK_WINDOWING_X11
  if (path == NULL || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
#endif
    {
      g_test_skip_printf ("needs %s and an X display", program);
      return FALSE;
    }
  command = g_strdup_printf ("%s %s", path, arguments);
  g_assert_true (g_shell_parse_argv (command, NULL, &argv, &error));
  g_assert_true (
      g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_child_watch_add (pid, on_child_exit, &child);
  g_assert_true (lgr_test_wait_until (child_done, &child));
  g_assert_true (g_spawn_check_wait_status (child.status, NULL));
  return TRUE;
}

gboolean
lgr_test_shows_label (GtkWidget *root, const char *text)
{
  if (!gtk_widget_get_visible (root))
    return FALSE;
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    if (lgr_test_shows_label (child, text))
      return TRUE;
  return FALSE;
}
