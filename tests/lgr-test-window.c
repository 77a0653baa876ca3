/* lgr-test-window.c: what the window tests share (lgr-test-window.h). */
#include "lgr-test-window.h"

#include <adwaita.h>

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
