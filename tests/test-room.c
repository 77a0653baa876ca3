/* test-room.c: nothing changed by accident, and the clicker's keys - the window under Xvfb, fed
 * real pointer and key events through xdotool (the XTEST extension) where the test needs GTK's
 * own event delivery: a wheel over a slider without focus scrolls the sidebar and leaves the
 * value alone; Page Down and Page Up step the snapshots whatever has focus, after the
 * pointer has been over the chart. Without xdotool those parts are skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "lgr-lever-row.h"
#include "lgr-scroll-guard.h"
#include "lgr-test-util.h"
#include "lgr-test-window.h"

#define wait_until lgr_test_wait_until
#define settle lgr_test_settle

typedef LgrTestWindowFixture Fixture;

static gboolean
views_updated (gpointer window)
{
  return !lgr_window_get_update_pending (window);
}

/* The first widget of type under root, depth first, or NULL. */
static GtkWidget *
find_descendant (GtkWidget *root, GType type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child))
        return child;
      if ((found = find_descendant (child, type)))
        return found;
    }
  return NULL;
}

/* The first widget of type under root, mapped or not, or NULL. */
static GtkWidget *
find_any (GtkWidget *root, GType type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_any (child, type)))
        return found;
    }
  return NULL;
}

/* The slider of the north-lac lever's target (the "two" scenario selected), its row expanded. */
static GtkRange *
north_lac_slider (Fixture *f)
{
  LgrNumberRow *target = lgr_test_north_lac_target (f);
  GtkRange *slider = lgr_number_row_get_scale (target);

  adw_expander_row_set_expanded (
      ADW_EXPANDER_ROW (gtk_widget_get_ancestor (GTK_WIDGET (target), LGR_TYPE_LEVER_ROW)), TRUE);
  settle ();
  g_assert_nonnull (slider);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (slider)));
  return slider;
}

static GtkScrolledWindow *
scroller_of (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);
  return GTK_SCROLLED_WINDOW (scroller);
}

/* The centre of widget in the coordinates of ancestor. */
static graphene_point_t
centre_in (GtkWidget *widget, GtkWidget *ancestor)
{
  graphene_point_t centre = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                 gtk_widget_get_height (widget) / 2.0);
  graphene_point_t out;
  g_assert_true (gtk_widget_compute_point (widget, ancestor, &centre, &out));
  return out;
}

static gboolean
in_view (gpointer widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t at = centre_in (widget, scroller);

  return at.y > 40 && at.y < gtk_widget_get_height (scroller) - 40;
}

/* Brings widget into the middle of its scrolled window's view, once laid out. */
static void
scroll_into_view (GtkWidget *widget)
{
  GtkScrolledWindow *scroller = scroller_of (widget);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);

  for (int tries = 0; tries < 10 && !in_view (widget); tries++)
    {
      graphene_point_t at = centre_in (widget, GTK_WIDGET (scroller));
      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + at.y
                                         - gtk_widget_get_height (GTK_WIDGET (scroller)) / 2.0);
      wait_until (in_view, widget);
    }
  g_assert_true (in_view (widget));
  settle ();
}

/* xdotool with the arguments, the window going on meanwhile; FALSE (skipped) where it cannot. */
static gboolean
xdotool (const char *arguments)
{
  return lgr_test_run_x_tool ("xdotool", arguments);
}

/* Moves the real pointer to the centre of widget. */
static gboolean
point_at (GtkWidget *widget)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t at = centre_in (widget, GTK_WIDGET (native));
  GdkSurface *surface = gtk_native_get_surface (native);
  g_autofree char *arguments = NULL;
  double nx, ny;

  if (!GDK_IS_X11_SURFACE (surface))
    return xdotool ("version");
  gtk_native_get_surface_transform (native, &nx, &ny);
  arguments = g_strdup_printf ("mousemove --sync --window %lu %d %d",
                               (gulong)gdk_x11_surface_get_xid (surface), (int)(at.x + nx),
                               (int)(at.y + ny));
  if (!xdotool (arguments))
    return FALSE;
  settle ();
  return TRUE;
#else
  g_test_skip ("needs an X display");
  return FALSE;
#endif
}

/* The pointer away from every window (the screen is larger than they are), so no tooltip is
 * left open when the window goes. */
static void
point_away (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");
  if (path)
    xdotool ("mousemove --sync 3190 1990");
  settle ();
}

typedef struct
{
  GtkAdjustment *adj;
  double from;
} Moved;

static gboolean
adjustment_moved (gpointer data)
{
  Moved *m = data;
  return gtk_adjustment_get_value (m->adj) != m->from;
}

typedef struct
{
  GtkRange *range;
  double from;
} RangeMoved;

static gboolean
range_moved (gpointer data)
{
  RangeMoved *m = data;
  return gtk_range_get_value (m->range) != m->from;
}

/* Where the guard would stop a scroll: over a slider without focus; not over it once it has
 * focus, nor over a label. (No events: the guard's choice alone.) */
static void
test_guard_picks (Fixture *f, gconstpointer data)
{
  GtkRange *slider = north_lac_slider (f);
  GtkScrolledWindow *scroller = scroller_of (GTK_WIDGET (slider));
  graphene_point_t at;

  scroll_into_view (GTK_WIDGET (slider));
  gtk_root_set_focus (GTK_ROOT (f->window), NULL);
  at = centre_in (GTK_WIDGET (slider), GTK_WIDGET (scroller));
  g_assert_true (lgr_scroll_guard_pick (scroller, at.x, at.y) == GTK_WIDGET (slider));

  gtk_widget_grab_focus (GTK_WIDGET (slider));
  g_assert_null (lgr_scroll_guard_pick (scroller, at.x, at.y));

  /* The row's title, beside the slider: nothing to guard. */
  at = centre_in (GTK_WIDGET (lgr_test_north_lac_target (f)), GTK_WIDGET (scroller));
  gtk_root_set_focus (GTK_ROOT (f->window), NULL);
  g_assert_null (lgr_scroll_guard_pick (scroller, 4, at.y));
}

/* Presenting, the room's levers are guarded too: a wheel over a slider without focus scrolls
 * the levers' column. */
static void
test_guard_presenting (Fixture *f, gconstpointer data)
{
  LgrPresentationView *view = lgr_window_get_presentation (f->window);
  GtkScrolledWindow *scroller = lgr_presentation_view_get_levers_scroller (view);
  g_autoptr (LgrStudy) before = lgr_study_copy (lgr_test_window_study (f));
  GtkWidget *slider;
  graphene_point_t at;
  double value;

  lgr_scenario_sidebar_select (lgr_window_get_sidebar (f->window), "two");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL);
  settle ();
  slider = find_descendant (lgr_window_get_presentation_levers (f->window), GTK_TYPE_RANGE);
  g_assert_nonnull (slider);
  gtk_root_set_focus (GTK_ROOT (f->window), NULL);
  at = centre_in (slider, GTK_WIDGET (scroller));
  g_assert_true (lgr_scroll_guard_pick (scroller, at.x, at.y) == slider);
  gtk_widget_grab_focus (slider);
  g_assert_null (lgr_scroll_guard_pick (scroller, at.x, at.y));

  /* Real notches of the wheel over it, without focus: no value changes. */
  gtk_root_set_focus (GTK_ROOT (f->window), NULL);
  value = gtk_range_get_value (GTK_RANGE (slider));
  if (!point_at (slider))
    return;
  g_assert_true (xdotool ("click --repeat 3 --delay 100 5"));
  settle ();
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (slider)), ==, value);
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), before));
  point_away ();
}

/* Six notches of the wheel, a quarter of a second apart, the pointer left where it was over the
 * slider of a lever without focus: the sidebar scrolls, and neither that slider nor the others
 * that pass under the pointer change. With focus, the wheel moves the slider. */
static void
test_wheel_over_slider (Fixture *f, gconstpointer data)
{
  GtkRange *slider = north_lac_slider (f);
  GtkAdjustment *page = gtk_scrolled_window_get_vadjustment (scroller_of (GTK_WIDGET (slider)));
  g_autoptr (LgrStudy) before = lgr_study_copy (lgr_test_window_study (f));
  double value = gtk_range_get_value (slider);
  Moved moved;
  RangeMoved range_moved_data;

  scroll_into_view (GTK_WIDGET (slider));
  gtk_root_set_focus (GTK_ROOT (f->window), NULL);
  if (!point_at (GTK_WIDGET (slider)))
    return;
  moved = (Moved){ page, gtk_adjustment_get_value (page) };
  g_assert_true (xdotool ("click --repeat 6 --delay 250 5"));
  g_assert_true (wait_until (adjustment_moved, &moved));
  settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (page), >, moved.from);
  g_assert_cmpfloat (gtk_range_get_value (slider), ==, value);
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), before));
  g_assert_false (lgr_document_can_undo (lgr_window_get_document (f->window)));

  /* Focused on purpose (a click or Tab): the wheel is the slider's. */
  scroll_into_view (GTK_WIDGET (slider));
  gtk_widget_grab_focus (GTK_WIDGET (slider));
  if (!point_at (GTK_WIDGET (slider)))
    return;
  range_moved_data = (RangeMoved){ slider, value };
  g_assert_true (xdotool ("click 5"));
  g_assert_true (wait_until (range_moved, &range_moved_data));
  point_away ();
}

static gboolean
title_starts (gpointer data)
{
  gpointer *pair = data;
  return g_str_has_prefix (lgr_presentation_view_get_snapshot_title (pair[0]), pair[1]);
}

static gboolean
window_active (gpointer window)
{
  return gtk_window_is_active (window);
}

static gboolean
no_second_screen (gpointer window)
{
  return lgr_window_get_second_screen (window) == NULL;
}

static gboolean
hovered (gpointer chart)
{
  return lgr_chart_view_get_year (chart) >= 0;
}

/* Presenting, the pointer over the chart and the focus on a lever's slider (the last thing
 * clicked): Page Down and Page Up, what a clicker sends, step the snapshots and the slider keeps
 * its value; Home (with the focus off the slider) goes back to the start. */
static void
test_clicker_keys (Fixture *f, gconstpointer data)
{
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  LgrPresentationView *view = lgr_window_get_presentation (f->window);
  GtkWidget *levers = lgr_window_get_presentation_levers (f->window);
  g_autoptr (LgrStudy) before = lgr_study_copy (lgr_test_window_study (f));
  const char *start = lgr_test_window_study (f)->title;
  gpointer first[2] = { view, "1 of 5: " }, second[2] = { view, "2 of 5: " },
           back[2] = { view, (gpointer)start };
  LgrChartView *chart = lgr_presentation_view_get_chart_view (view);
  GtkWidget *slider;

  lgr_scenario_sidebar_select (sidebar, "two");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL);
  settle ();
  g_assert_true (lgr_window_get_presenting (f->window));
  /* Over the chart (again if the full-screen layout moved it meanwhile): a year is shown. */
  for (int tries = 0; tries < 3 && lgr_chart_view_get_year (chart) < 0; tries++)
    {
      if (!point_at (GTK_WIDGET (chart)))
        return;
      wait_until (hovered, chart);
    }
  g_assert_cmpint (lgr_chart_view_get_year (chart), >=, 0);

  slider = find_descendant (levers, GTK_TYPE_RANGE);
  g_assert_nonnull (slider);
  gtk_widget_grab_focus (slider);
  g_assert_true (xdotool ("key --delay 30 Next"));
  g_assert_true (wait_until (title_starts, first));
  g_assert_true (xdotool ("key --delay 30 Next"));
  g_assert_true (wait_until (title_starts, second));

  /* The slider (the North's rate) has focus again: Page Up still steps, and the slider shows the
   * first snapshot's 60, not a page moved by the key. */
  slider = find_descendant (levers, GTK_TYPE_RANGE);
  gtk_widget_grab_focus (slider);
  g_assert_true (xdotool ("key --delay 30 Prior"));
  g_assert_true (wait_until (title_starts, first));
  settle ();
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (slider)), ==, 60);

  /* Home, off the slider: the start, every value as opened. */
  gtk_widget_grab_focus (GTK_WIDGET (chart));
  g_assert_true (xdotool ("key --delay 30 Home"));
  g_assert_true (wait_until (title_starts, back));
  settle ();
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), before));
  point_away ();
}

/* The room's view on its own window (as on a second screen, here on Xvfb's one monitor), with
 * the keyboard focus in that window: the clicker's Page Down and Page Up step the snapshots of
 * the editing window too, Home goes back to the start and Escape closes only the room's
 * window. */
static void
test_second_screen_keys (Fixture *f, gconstpointer data)
{
#ifdef GDK_WINDOWING_X11
  LgrPresentationView *main_view = lgr_window_get_presentation (f->window);
  g_autoptr (LgrStudy) before = lgr_study_copy (lgr_test_window_study (f));
  LgrPresentationWindow *room;
  LgrPresentationView *view;
  GdkSurface *surface;
  g_autofree char *focus = NULL;
  gpointer first[2] = { NULL, "1 of 5: " }, second[2] = { NULL, "2 of 5: " },
           back[2] = { NULL, (gpointer)lgr_test_window_study (f)->title };

  _lgr_window_present_on_monitor (f->window, NULL);
  room = lgr_window_get_second_screen (f->window);
  g_assert_nonnull (room);
  view = lgr_presentation_window_get_view (room);
  first[0] = second[0] = back[0] = view;
  settle ();
  surface = gtk_native_get_surface (GTK_NATIVE (room));
  if (!GDK_IS_X11_SURFACE (surface))
    {
      g_test_skip ("needs an X display");
      return;
    }
  /* The focus moved to the room's window, and known to GTK, before any key is sent. */
  focus = g_strdup_printf ("windowfocus %lu", (gulong)gdk_x11_surface_get_xid (surface));
  if (!xdotool (focus))
    return;
  g_assert_true (wait_until (window_active, room));
  g_assert_true (xdotool ("key --delay 30 Next"));
  g_assert_true (wait_until (title_starts, first));
  g_assert_true (xdotool ("key --delay 30 Next"));
  g_assert_true (wait_until (title_starts, second));
  g_assert_cmpstr (lgr_presentation_view_get_snapshot_title (view), ==,
                   lgr_presentation_view_get_snapshot_title (main_view));
  g_assert_true (xdotool ("key --delay 30 Prior"));
  g_assert_true (wait_until (title_starts, first));
  g_assert_true (xdotool ("key --delay 30 Home"));
  g_assert_true (wait_until (title_starts, back));
  settle ();
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), before));
  g_assert_true (xdotool ("key --delay 30 Escape"));
  g_assert_true (wait_until (no_second_screen, f->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
#else
  g_test_skip ("needs an X display");
#endif
}

/* Whether button shows words of its own (a label, or a child that is or holds a GtkLabel). */
static gboolean
shows_text (GtkWidget *button)
{
  GtkWidget *child;

  if (GTK_IS_MENU_BUTTON (button))
    return gtk_menu_button_get_label (GTK_MENU_BUTTON (button)) != NULL;
  if (gtk_button_get_label (GTK_BUTTON (button)) != NULL)
    return TRUE;
  child = gtk_button_get_child (GTK_BUTTON (button));
  return child && (GTK_IS_LABEL (child) || find_any (child, GTK_TYPE_LABEL));
}

/* The buttons under widget (a menu button counts once, not its inner toggle) with no words and
 * no accessible name: a screen reader would say only "button". */
static void
collect_unnamed (GtkWidget *widget, GPtrArray *unnamed)
{
  /* A colour button's inner button is GTK's; the colour button itself has the name. */
  if (GTK_IS_COLOR_BUTTON (widget))
    {
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL));
      return;
    }
  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
      && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)) && !shows_text (widget)
      && !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL)
      && !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                            GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);
      g_ptr_array_add (unnamed,
                       g_strdup_printf ("%s \"%s\" in %s", G_OBJECT_TYPE_NAME (widget),
                                        tooltip ? tooltip : "",
                                        G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget))));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

/* Every button of the window without words has an accessible name: the header bar's, the
 * sidebar's, the rows' (expanded, and a lever and an item of each kind of row), the chart's. */
static void
test_accessible_names (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  GString *list = g_string_new (NULL);

  north_lac_slider (f); /* expands a lever row */
  collect_unnamed (GTK_WIDGET (f->window), unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    g_string_append_printf (list, "\n  %s", (char *)g_ptr_array_index (unnamed, i));
  if (unnamed->len > 0)
    g_error ("buttons without an accessible name:%s", list->str);
  g_string_free (list, TRUE);
}

static gboolean
year_is (gpointer data)
{
  gpointer *pair = data;
  return lgr_chart_view_get_year (pair[0]) == GPOINTER_TO_INT (pair[1]);
}

/* The accessible description of the chart is what a screen reader reads of it. */
static void
assert_described (LgrChartView *chart, const char *expected)
{
  g_autofree char *mismatch = NULL;

  g_assert_nonnull (expected);
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart),
                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  if (mismatch)
    g_error ("chart description: %s", mismatch);
}

/* The chart focused, the arrow keys step the years and a screen reader is given each year's
 * figures; Escape gives it the whole chart's text alternative again. */
static void
test_chart_years_described (Fixture *f, gconstpointer data)
{
  LgrChartView *chart = lgr_window_get_chart_view (f->window);
  gpointer first[2] = { chart, GINT_TO_POINTER (0) }, second[2] = { chart, GINT_TO_POINTER (1) },
           none[2] = { chart, GINT_TO_POINTER (-1) };

  assert_described (chart, lgr_chart_view_get_description (chart));
  gtk_widget_grab_focus (GTK_WIDGET (chart));
  /* The pointer in the window (so it has the keyboard) but off the chart. */
  if (!point_at (GTK_WIDGET (f->window->window_title)))
    return;
  g_assert_true (xdotool ("key --delay 30 Right"));
  g_assert_true (wait_until (year_is, first));
  assert_described (chart, lgr_chart_view_get_year_text (chart));
  g_assert_true (xdotool ("key --delay 30 Right"));
  g_assert_true (wait_until (year_is, second));
  assert_described (chart, lgr_chart_view_get_year_text (chart));
  g_assert_true (xdotool ("key --delay 30 Escape"));
  g_assert_true (wait_until (year_is, none));
  assert_described (chart, lgr_chart_view_get_description (chart));
  point_away ();
}

typedef struct
{
  LgrWindow *window;
  const char *id;
  gboolean changed;
} CardState;

static gboolean
card_is (gpointer data)
{
  CardState *c = data;
  LgrSummaryCard *card = lgr_window_find_card (c->window, c->id);
  return card && !lgr_summary_card_get_changed (card) == !c->changed;
}

static void
assert_card (Fixture *f, const char *id, gboolean changed)
{
  CardState state = { f->window, id, changed };
  g_assert_true (wait_until (card_is, &state));
  g_assert_true (
      !gtk_widget_has_css_class (GTK_WIDGET (lgr_window_find_card (f->window, id)), "lgr-changed")
      == !changed);
}

static gboolean
row_marked (LgrTestWindowFixture *f, const char *lever_id)
{
  GtkWidget *row = GTK_WIDGET (
      lgr_scenario_sidebar_find_lever_row (lgr_window_get_sidebar (f->window), lever_id));
  g_assert_nonnull (row);
  settle ();
  return gtk_widget_has_css_class (row, "lgr-changed");
}

/* A lever changed: its scenario's card and its row are marked, and a screen reader is told;
 * the other card and rows are not. Undone, nothing is marked; redone and saved, nothing is. */
static void
test_changes_marked (Fixture *f, gconstpointer data)
{
  LgrDocument *document = lgr_window_get_document (f->window);
  const LgrScenario *two = lgr_study_find_scenario (lgr_test_window_study (f), "two");
  g_autoptr (LgrLever) lever = lgr_lever_copy (lgr_scenario_find_lever (two, "north-lac"));
  const LgrLever *other = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "saved.lgr", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *mismatch = NULL;

  lgr_scenario_sidebar_select (lgr_window_get_sidebar (f->window), "two");
  for (guint i = 0; i < two->levers->len && other == NULL; i++)
    if (g_strcmp0 (((LgrLever *)g_ptr_array_index (two->levers, i))->id, "north-lac") != 0)
      other = g_ptr_array_index (two->levers, i);
  g_assert_nonnull (other);
  assert_card (f, "one", FALSE);
  assert_card (f, "two", FALSE);
  g_assert_false (row_marked (f, "north-lac"));

  lever->cohort_target -= 5;
  g_assert_true (lgr_document_set_lever (document, "two", lever, NULL, &error));
  g_assert_no_error (error);
  assert_card (f, "two", TRUE);
  assert_card (f, "one", FALSE);
  g_assert_true (row_marked (f, "north-lac"));
  g_assert_false (row_marked (f, other->id));
  mismatch
      = gtk_test_accessible_check_property (GTK_ACCESSIBLE (lgr_scenario_sidebar_find_lever_row (
                                                lgr_window_get_sidebar (f->window), "north-lac")),
                                            GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Changed");
  g_assert_null (mismatch);
  lgr_test_shoot (GTK_WIDGET (f->window), "room-changed");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  assert_card (f, "two", FALSE);
  g_assert_false (row_marked (f, "north-lac"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  assert_card (f, "two", TRUE);
  g_assert_true (lgr_window_save_to (f->window, file, &error));
  g_assert_no_error (error);
  assert_card (f, "two", FALSE);
  g_assert_false (row_marked (f, "north-lac"));
}

/* The mapped labels under widget whose text is cut short with "…". */
static void
collect_ellipsized (GtkWidget *widget, GString *found)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget)
      && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    g_string_append_printf (found, "\n  \"%s\"", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_ellipsized (child, found);
}

static void
assert_no_ellipsis (GtkWidget *widget)
{
  g_autoptr (GString) found = g_string_new (NULL);
  collect_ellipsized (widget, found);
  if (found->len > 0)
    g_error ("text cut short at 200%%:%s", found->str);
}

static gboolean
full_width (gpointer window)
{
  return gtk_widget_get_width (window) >= 1900;
}

/* Text at 200% (192 dots per inch, as gtk-xft-dpi = 192 x 1024): the window still fits a
 * 1920 x 1080 projector, editing and presenting, with no text cut short with "…"; screenshots
 * (LGR_SHOTS_DIR) to look at. */
static void
test_text_200 (Fixture *f, gconstpointer data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi = 0, minimum = 0;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 192 * 1024, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1920, 1080);
  g_assert_true (wait_until (full_width, f->window));
  settle ();
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL,
                      NULL);
  g_assert_cmpint (minimum, <=, 1920);
  assert_no_ellipsis (GTK_WIDGET (f->window));
  lgr_test_shoot (GTK_WIDGET (f->window), "room-text-200");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL);
  settle ();
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL,
                      NULL);
  g_assert_cmpint (minimum, <=, 1920);
  assert_no_ellipsis (GTK_WIDGET (f->window));
  lgr_test_shoot (GTK_WIDGET (f->window), "room-text-200-presenting");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.leave-presentation", NULL);
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  settle ();
}

static gboolean
has_card (gpointer data)
{
  gpointer *pair = data;
  return lgr_window_find_card (pair[0], pair[1]) != NULL;
}

/* The card and sidebar colour of scenario id, once its card is there. */
static char *
card_colour (Fixture *f, const char *id)
{
  gpointer pair[2] = { f->window, (gpointer)id };
  g_assert_true (wait_until (has_card, pair));
  g_assert_true (wait_until (views_updated, f->window));
  g_assert_cmpstr (lgr_scenario_sidebar_get_swatch_colour (lgr_window_get_sidebar (f->window), id),
                   ==, lgr_summary_card_get_colour (lgr_window_find_card (f->window, id)));
  return g_strdup (lgr_summary_card_get_colour (lgr_window_find_card (f->window, id)));
}

/* In the window: a scenario added, "two" duplicated and "one" removed; "two" keeps its colour on
 * its card and in the sidebar throughout, and the new ones are neither of the others'. */
static void
test_scenarios_keep_colours (Fixture *f, gconstpointer data)
{
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  g_autofree char *two = card_colour (f, "two");
  g_autofree char *one = card_colour (f, "one");
  g_autofree char *added = NULL, *added_colour = NULL, *copy = NULL, *copy_colour = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-scenario", NULL);
  settle ();
  added = g_strdup (lgr_scenario_sidebar_get_selected (sidebar));
  added_colour = card_colour (f, added);
  g_assert_cmpstr (added_colour, !=, one);
  g_assert_cmpstr (added_colour, !=, two);
  g_autofree char *two_after_add = card_colour (f, "two");
  g_assert_cmpstr (two_after_add, ==, two);

  lgr_scenario_sidebar_select (sidebar, "two");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.duplicate-scenario", NULL);
  settle ();
  copy = g_strdup (lgr_scenario_sidebar_get_selected (sidebar));
  g_assert_cmpstr (copy, !=, "two");
  copy_colour = card_colour (f, copy);
  g_assert_cmpstr (copy_colour, !=, two);
  g_assert_cmpstr (copy_colour, !=, added_colour);

  lgr_scenario_sidebar_select (sidebar, "one");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-scenario", NULL);
  settle ();
  g_assert_null (lgr_study_find_scenario (lgr_test_window_study (f), "one"));
  g_autofree char *two_after_remove = card_colour (f, "two");
  g_autofree char *added_after_remove = card_colour (f, added);
  g_autofree char *copy_after_remove = card_colour (f, copy);
  g_assert_cmpstr (two_after_remove, ==, two);
  g_assert_cmpstr (added_after_remove, ==, added_colour);
  g_assert_cmpstr (copy_after_remove, ==, copy_colour);
  lgr_test_shoot (GTK_WIDGET (f->window), "room-colours");
}

int
main (int argc, char *argv[])
{
  /* GTK's test accessibility backend keeps what each widget tells assistive technologies, so
   * the tests can read it back (gtk_test_accessible_has_property). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  lgr_test_window_init (&argc, &argv);
  /* Rows expand at once, so a widget is where its allocation says when the pointer goes there. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD LGR_TEST_WINDOW_ADD
  ADD ("/room/scroll/guard-picks", test_guard_picks);
  ADD ("/room/scroll/wheel-over-slider", test_wheel_over_slider);
  ADD ("/room/scroll/guard-presenting", test_guard_presenting);
  ADD ("/room/clicker/any-focus", test_clicker_keys);
  ADD ("/room/clicker/second-screen", test_second_screen_keys);
  ADD ("/room/a11y/names", test_accessible_names);
  ADD ("/room/a11y/chart-years", test_chart_years_described);
  ADD ("/room/changes/marked", test_changes_marked);
  ADD ("/room/scenarios/keep-colours", test_scenarios_keep_colours);
  ADD ("/room/a11y/text-200", test_text_200);
#undef ADD
  return g_test_run ();
}
