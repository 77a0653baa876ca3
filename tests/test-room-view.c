/* test-room-view.c: the room's view at 1920 x 1080 (on a screen of that size under Xvfb) - every
 * council of two unitaries named on screen wherever the levers are scrolled, with how many
 * levers are below; the controls' column keeps its width however long the snapshot's note; the
 * snapshot's title says "(changed)" once a value differs from the snapshot as shown, after an
 * edit or an undo; toasts sized for the room while presenting. Screenshots (LGR_SHOTS_DIR) to
 * look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "lgr-document-snapshots.h"
#include "lgr-test-util.h"
#include "lgr-test-window.h"

#define wait_until lgr_test_wait_until
#define settle lgr_test_settle

typedef LgrTestWindowFixture Fixture;

static gboolean
room_size (gpointer window)
{
  return gtk_widget_get_width (window) >= 1900 && gtk_widget_get_height (window) >= 1000;
}

/* Presents the "two" scenario in a 1920 x 1080 window, laid out. */
static LgrPresentationView *
present_two (Fixture *f)
{
  lgr_scenario_sidebar_select (lgr_window_get_sidebar (f->window), "two");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1920, 1080);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL);
  g_assert_true (wait_until (room_size, f->window));
  settle ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 1920);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window)), <=, 1080);
  return lgr_window_get_presentation (f->window);
}

static const char *
pinned_text (LgrPresentationView *view, gboolean bottom)
{
  GtkLabel *label = lgr_presentation_view_get_pinned (view, bottom);
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_text (label) : "";
}

/* Whether heading is wholly inside its scrolled window's view. */
static gboolean
heading_in_view (GtkWidget *heading)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (heading, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t out;

  g_assert_true (gtk_widget_compute_point (heading, scroller, &GRAPHENE_POINT_INIT (0, 0), &out));
  return out.y >= 0 && out.y + gtk_widget_get_height (heading) <= gtk_widget_get_height (scroller);
}

/* Every council of "two" is named on screen: its heading in view, or pinned over the levers. */
static void
assert_councils_named (Fixture *f, LgrPresentationView *view)
{
  const LgrScenario *two = lgr_study_find_scenario (lgr_test_window_study (f), "two");
  GtkWidget *levers = lgr_presentation_view_get_levers (view);

  for (guint a = 0; a < two->authorities->len; a++)
    {
      const char *name = ((LgrAuthority *)g_ptr_array_index (two->authorities, a))->name;
      gboolean shown
          = strstr (pinned_text (view, FALSE), name) || strstr (pinned_text (view, TRUE), name);
      for (GtkWidget *child = gtk_widget_get_first_child (levers); child && !shown;
           child = gtk_widget_get_next_sibling (child))
        shown = GTK_IS_LABEL (child) && g_str_equal (gtk_label_get_text (GTK_LABEL (child)), name)
                && heading_in_view (child);
      if (!shown)
        g_error ("%s is not named on screen (pinned: \"%s\", \"%s\")", name,
                 pinned_text (view, FALSE), pinned_text (view, TRUE));
    }
}

typedef struct
{
  LgrPresentationView *view;
  gboolean bottom;
  const char *text;
} Pinned;

static gboolean
pinned_is (gpointer data)
{
  Pinned *p = data;
  return g_strcmp0 (pinned_text (p->view, p->bottom), p->text) == 0;
}

/* Two unitaries' ten levers do not fit beside the chart at 1920 x 1080: the levers scroll, and
 * wherever they are, both councils are named, the one not yet reached with how many of its
 * levers are below. */
static void
test_councils_pinned (Fixture *f, gconstpointer data)
{
  LgrPresentationView *view = present_two (f);
  GtkAdjustment *adj
      = gtk_scrolled_window_get_vadjustment (lgr_presentation_view_get_levers_scroller (view));
  Pinned south_below = { view, TRUE, "South Warwickshire Council · 5 levers below" };
  Pinned north_above = { view, FALSE,
                         "North Warwickshire Council · 5 levers above\n"
                         "South Warwickshire Council" };
  Pinned none_below = { view, TRUE, "" };

  /* At the top: the South's heading pinned at the bottom. */
  gtk_adjustment_set_value (adj, 0);
  g_assert_true (wait_until (pinned_is, &south_below));
  /* The North's heading, at the top of the view, says how many of its levers are below. */
  g_assert_true (g_str_has_prefix (pinned_text (view, FALSE), "North Warwickshire Council · "));
  if (!g_str_has_suffix (pinned_text (view, FALSE), " below"))
    g_error ("pinned at the top: \"%s\"", pinned_text (view, FALSE));
  assert_councils_named (f, view);
  lgr_test_shoot (GTK_WIDGET (f->window), "room-view-levers-top");

  /* Half way and at the end: each council still named. */
  gtk_adjustment_set_value (
      adj, (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj)) / 2);
  settle ();
  assert_councils_named (f, view);
  lgr_test_shoot (GTK_WIDGET (f->window), "room-view-levers-middle");
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  g_assert_true (wait_until (pinned_is, &none_below));
  wait_until (pinned_is, &north_above);
  g_assert_cmpstr (pinned_text (view, FALSE), ==, north_above.text);
  assert_councils_named (f, view);
  lgr_test_shoot (GTK_WIDGET (f->window), "room-view-levers-end");
}

static GtkWidget *
find_label (GtkWidget *root, const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      if ((found = find_label (child, text)))
        return found;
    }
  return NULL;
}

/* A snapshot's long note wraps beside the controls; the controls keep their width, and "Lock
 * Levers" stays on one line. */
static void
test_controls_fixed (Fixture *f, gconstpointer data)
{
  LgrDocument *document = lgr_window_get_document (f->window);
  const LgrSnapshot *first = g_ptr_array_index (lgr_test_window_study (f)->snapshots, 0);
  g_autoptr (GString) note = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  LgrPresentationView *view = present_two (f);
  GtkWidget *lock = find_label (GTK_WIDGET (view), "Lock Levers");
  GtkWidget *controls;
  int width, height;

  g_assert_nonnull (lock);
  controls = gtk_widget_get_ancestor (lock, GTK_TYPE_LIST_BOX);
  width = gtk_widget_get_width (controls);
  height = gtk_widget_get_height (lock);
  g_assert_cmpint (width, >=, 400);

  for (int i = 0; i < 12; i++)
    g_string_append (note, "Transition costs in both cases are estimates before any design work. ");
  g_assert_true (lgr_document_set_snapshot_note (document, first->id, note->str, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-snapshot", NULL);
  settle ();
  g_assert_cmpstr (lgr_presentation_view_get_snapshot_note (view), ==, g_strstrip (note->str));
  g_assert_cmpint (gtk_widget_get_width (controls), ==, width);
  g_assert_cmpint (gtk_widget_get_height (lock), ==, height);
  lgr_test_shoot (GTK_WIDGET (f->window), "room-view-long-note");
}

typedef struct
{
  LgrPresentationView *view;
  const char *title;
} Title;

static gboolean
title_is (gpointer data)
{
  Title *t = data;
  return g_strcmp0 (lgr_presentation_view_get_snapshot_title (t->view), t->title) == 0;
}

/* The first question, then an edit of a lever in the room: "(changed)"; undone: the question as
 * asked again; undone once more (the values back at the start, the room still at the first
 * question): "(changed)"; Home: the study's title. */
static void
test_title_changed (Fixture *f, gconstpointer data)
{
  const LgrStudy *study = lgr_test_window_study (f);
  const LgrSnapshot *first = g_ptr_array_index (study->snapshots, 0);
  LgrDocument *document = lgr_window_get_document (f->window);
  LgrPresentationView *view = present_two (f);
  g_autofree char *asked = g_strdup_printf ("1 of %u: %s", study->snapshots->len, first->name);
  g_autofree char *changed = g_strdup_printf ("%s (changed)", asked);
  g_autofree char *start_title = g_strdup (study->title);
  g_autofree char *start_changed = g_strdup_printf ("%s (changed)", study->title);
  Title is_asked = { view, asked }, is_changed = { view, changed },
        is_start = { view, start_title }, is_start_changed = { view, start_changed };

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-snapshot", NULL);
  g_assert_true (wait_until (title_is, &is_asked));

  lgr_number_row_commit_text (lgr_test_north_lac_target (f), "70");
  g_assert_true (wait_until (title_is, &is_changed));
  lgr_test_shoot (GTK_WIDGET (f->window), "room-view-changed");
  g_assert_true (lgr_document_undo (document));
  g_assert_true (wait_until (title_is, &is_asked));
  g_assert_true (lgr_document_undo (document));
  g_assert_true (wait_until (title_is, &is_changed));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back-to-start", NULL);
  g_assert_true (wait_until (title_is, &is_start));
  /* At the start, an edit is a change from the study as opened. */
  lgr_number_row_commit_text (lgr_test_north_lac_target (f), "70");
  g_assert_true (wait_until (title_is, &is_start_changed));
}

/* Toasts are sized for the room while presenting (the style's .lgr-presenting rules), and for
 * the desk again after. */
static void
test_toasts_large (Fixture *f, gconstpointer data)
{
  GtkWidget *overlay = GTK_WIDGET (f->window->toast_overlay);

  g_assert_false (gtk_widget_has_css_class (overlay, "lgr-presenting"));
  present_two (f);
  g_assert_true (gtk_widget_has_css_class (overlay, "lgr-presenting"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back-to-start", NULL);
  settle ();
  lgr_test_shoot (GTK_WIDGET (f->window), "room-view-toast");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.leave-presentation", NULL);
  settle ();
  g_assert_false (gtk_widget_has_css_class (overlay, "lgr-presenting"));
}

int
main (int argc, char *argv[])
{
  lgr_test_window_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD LGR_TEST_WINDOW_ADD
  ADD ("/room-view/levers/councils-pinned", test_councils_pinned);
  ADD ("/room-view/controls/fixed-width", test_controls_fixed);
  ADD ("/room-view/title/changed", test_title_changed);
  ADD ("/room-view/toasts/large", test_toasts_large);
#undef ADD
  return g_test_run ();
}
