/* test-window-layout.c: what the window does not lay out again, under Xvfb.
 *
 * A label's new text makes GTK lay the whole window out again, so the window does not touch
 * what is out of view: year-table cells scrolled away, a hidden sidebar. These tests check that
 * what then comes into view shows the right figures, and that a figure label (which changes
 * without a new layout when its size stays) looks exactly as a GtkLabel would. Waiting is done by iterating the main
 * context until a condition holds, with a timeout; never by sleeping. */
#include <adwaita.h>

#include "lgr-figure-label.h"
#include "lgr-wrap-label.h"
#include "lgr-test-util.h"
#include "lgr-window-private.h"

static gboolean
views_updated (gpointer window)
{
  return !lgr_window_get_update_pending (window);
}

typedef struct
{
  LgrWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (LgrDocument) document = lgr_document_new (lgr_test_load_bundled (), NULL);

  f->window = lgr_window_new (NULL, NULL);
  lgr_window_set_document (f->window, document);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  lgr_test_settle ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  lgr_test_settle ();
}

static gboolean
widget_hidden (gpointer widget)
{
  return !gtk_widget_get_visible (widget);
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* A hidden sidebar is not laid out: its content is invisible once the flap has slid away, and
 * visible again as soon as the flap is to be revealed. */
static void
test_hidden_sidebar (Fixture *f, gconstpointer data)
{
  GtkWidget *sidebar = GTK_WIDGET (lgr_window_get_sidebar (f->window));

  g_assert_true (adw_flap_get_reveal_flap (f->window->flap));
  g_assert_true (gtk_widget_get_visible (sidebar));
  adw_flap_set_reveal_flap (f->window->flap, FALSE);
  g_assert_true (lgr_test_wait_until (widget_hidden, sidebar));
  adw_flap_set_reveal_flap (f->window->flap, TRUE);
  g_assert_true (gtk_widget_get_visible (sidebar));
  g_assert_true (lgr_test_wait_until (widget_mapped, sidebar));
}

static gboolean
last_cumulative_shown (gpointer table)
{
  guint last = lgr_year_table_get_n_rows (table) - 1;
  g_autofree char *label = lgr_year_table_dup_label (table, last, LGR_YEAR_COLUMN_CUMULATIVE);
  g_autofree char *cell = lgr_year_table_dup_cell (table, last, LGR_YEAR_COLUMN_CUMULATIVE);
  return g_strcmp0 (label, cell) == 0;
}

/* Cells of the year table scrolled out of view are brought up to date only when scrolled into
 * view (a label's new text lays out the whole window again); the figures are then right. */
static void
test_table_out_of_view (Fixture *f, gconstpointer data)
{
  LgrDocument *document = lgr_window_get_document (f->window);
  LgrYearTable *table = lgr_window_find_table (f->window, "two");
  GtkWidget *scroller;
  GtkAdjustment *vadjustment;
  g_autoptr (LgrLever) lever = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  guint last;

  lgr_scenario_sidebar_select (lgr_window_get_sidebar (f->window), "two");
  lgr_test_settle ();
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (table), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (vadjustment, 0);
  lgr_test_settle ();
  last = lgr_year_table_get_n_rows (table) - 1;
  before = lgr_year_table_dup_label (table, last, LGR_YEAR_COLUMN_CUMULATIVE);
  expected = lgr_year_table_dup_cell (table, last, LGR_YEAR_COLUMN_CUMULATIVE);
  g_assert_cmpstr (before, ==, expected);
  g_clear_pointer (&expected, g_free);

  lever = lgr_lever_copy (lgr_scenario_find_lever (
      lgr_study_find_scenario (lgr_document_get_study (document), "two"), "north-lac"));
  lever->cohort_target = 40;
  g_assert_true (lgr_document_set_lever (document, "two", lever, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lgr_test_wait_until (views_updated, f->window));
  lgr_test_settle ();
  expected = lgr_year_table_dup_cell (table, last, LGR_YEAR_COLUMN_CUMULATIVE);
  g_assert_cmpstr (expected, !=, before);
  /* At 1400 x 900 the last year is below the bottom of the window. */
  stale = lgr_year_table_dup_label (table, last, LGR_YEAR_COLUMN_CUMULATIVE);
  g_assert_cmpstr (stale, ==, before);

  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  g_assert_true (lgr_test_wait_until (last_cumulative_shown, table));
  shown = lgr_year_table_dup_label (table, last, LGR_YEAR_COLUMN_CUMULATIVE);
  g_assert_cmpstr (shown, ==, expected);
}

/* The pixels of what widget itself draws (its snapshot function) at its size. */
static GBytes *
render (GtkWidget *widget)
{
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  gsize stride = (gsize)width * 4;
  guchar *pixels = g_malloc0 (stride * height);

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    g_error ("a %s drew nothing", G_OBJECT_TYPE_NAME (widget));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, pixels, stride);
  return g_bytes_new_take (pixels, stride * height);
}

static void
assert_same_measure (GtkWidget *a, GtkWidget *b)
{
  for (int o = GTK_ORIENTATION_HORIZONTAL; o <= GTK_ORIENTATION_VERTICAL; o++)
    {
      int min_a, nat_a, bmin_a, bnat_a, min_b, nat_b, bmin_b, bnat_b;
      gtk_widget_measure (a, o, -1, &min_a, &nat_a, &bmin_a, &bnat_a);
      gtk_widget_measure (b, o, -1, &min_b, &nat_b, &bmin_b, &bnat_b);
      g_assert_cmpint (min_a, ==, min_b);
      g_assert_cmpint (nat_a, ==, nat_b);
      g_assert_cmpint (bmin_a, ==, bmin_b);
      g_assert_cmpint (bnat_a, ==, bnat_b);
    }
}

static gboolean
taller (gpointer widget)
{
  int height;
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  return height > GPOINTER_TO_INT (g_object_get_data (widget, "lgr-test-height"));
}

/* A figure label measures and draws as a GtkLabel with the same text and style classes does
 * (the cards' figures, the year table's cells); a new figure of the same size only redraws, a
 * wider one lays the window out again. */
static void
test_figure_label (void)
{
  static const struct
  {
    const char *classes[3];
    float xalign;
  } styles[] = {
    { { "numeric", "title-2", NULL }, 1 },
    { { "numeric", "caption", NULL }, 1 },
    { { "numeric", NULL }, 0 },
  };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *labels[G_N_ELEMENTS (styles)], *figures[G_N_ELEMENTS (styles)];
  g_autoptr (GtkCssProvider) provider = NULL;

  gtk_window_set_child (GTK_WINDOW (window), box);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      labels[i] = gtk_label_new ("£8.01m");
      figures[i] = lgr_figure_label_new ("£8.01m");
      gtk_label_set_xalign (GTK_LABEL (labels[i]), styles[i].xalign);
      lgr_figure_label_set_xalign (LGR_FIGURE_LABEL (figures[i]), styles[i].xalign);
      for (guint c = 0; styles[i].classes[c]; c++)
        {
          gtk_widget_add_css_class (labels[i], styles[i].classes[c]);
          gtk_widget_add_css_class (figures[i], styles[i].classes[c]);
        }
      /* wider than the text, so that the alignment shows */
      gtk_widget_set_size_request (labels[i], 160, -1);
      gtk_widget_set_size_request (figures[i], 160, -1);
      gtk_box_append (GTK_BOX (box), labels[i]);
      gtk_box_append (GTK_BOX (box), figures[i]);
    }
  gtk_window_present (GTK_WINDOW (window));
  lgr_test_settle ();

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      static const char *const texts[] = { "£8.01m", "£8.02m", "£18.02m", "2029/30", "Never" };
      guint n_resizes = lgr_figure_label_get_n_resizes (LGR_FIGURE_LABEL (figures[i]));

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_autoptr (GBytes) drawn = NULL;
          g_autoptr (GBytes) expected = NULL;

          gtk_label_set_text (GTK_LABEL (labels[i]), texts[t]);
          lgr_figure_label_set_text (LGR_FIGURE_LABEL (figures[i]), texts[t]);
          g_assert_cmpstr (lgr_figure_label_get_text (LGR_FIGURE_LABEL (figures[i])), ==, texts[t]);
          if (t == 1) /* a digit changed: tabular digits keep the size */
            g_assert_cmpuint (lgr_figure_label_get_n_resizes (LGR_FIGURE_LABEL (figures[i])), ==,
                              n_resizes);
          if (t == 2) /* one more digit */
            g_assert_cmpuint (lgr_figure_label_get_n_resizes (LGR_FIGURE_LABEL (figures[i])), ==,
                              n_resizes + 1);
          lgr_test_settle ();
          assert_same_measure (labels[i], figures[i]);
          g_assert_cmpint (gtk_widget_get_width (labels[i]), ==, gtk_widget_get_width (figures[i]));
          g_assert_cmpint (gtk_widget_get_height (labels[i]), ==,
                           gtk_widget_get_height (figures[i]));
          drawn = render (figures[i]);
          expected = render (labels[i]);
          if (!g_bytes_equal (drawn, expected))
            g_error ("figure label \"%s\" (style %u) is not drawn as a GtkLabel draws it", texts[t],
                     i);
        }
    }
  /* A new style (presentation mode enlarges the figures) is followed. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, ".lgr-test-larger { font-size: 30px; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autoptr (GBytes) drawn = NULL;
      g_autoptr (GBytes) expected = NULL;
      int before, after;

      gtk_widget_measure (figures[i], GTK_ORIENTATION_VERTICAL, -1, NULL, &before, NULL, NULL);
      g_object_set_data (G_OBJECT (figures[i]), "lgr-test-height", GINT_TO_POINTER (before));
      gtk_widget_add_css_class (labels[i], "lgr-test-larger");
      gtk_widget_add_css_class (figures[i], "lgr-test-larger");
      g_assert_true (lgr_test_wait_until (taller, figures[i]));
      gtk_widget_measure (figures[i], GTK_ORIENTATION_VERTICAL, -1, NULL, &after, NULL, NULL);
      g_assert_cmpint (after, >, before);
      assert_same_measure (labels[i], figures[i]);
      drawn = render (figures[i]);
      expected = render (labels[i]);
      g_assert_true (g_bytes_equal (drawn, expected));
    }
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (provider));
  gtk_window_destroy (GTK_WINDOW (window));
  lgr_test_settle ();
}

static void
assert_same_wrapped (GtkWidget *a, GtkWidget *b)
{
  int min_width;

  assert_same_measure (a, b);
  gtk_widget_measure (a, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  for (int width = min_width; width < min_width + 600; width += 37)
    {
      int min_a, nat_a, bmin_a, bnat_a, min_b, nat_b, bmin_b, bnat_b;
      gtk_widget_measure (a, GTK_ORIENTATION_VERTICAL, width, &min_a, &nat_a, &bmin_a, &bnat_a);
      gtk_widget_measure (b, GTK_ORIENTATION_VERTICAL, width, &min_b, &nat_b, &bmin_b, &bnat_b);
      g_assert_cmpint (min_a, ==, min_b);
      g_assert_cmpint (nat_a, ==, nat_b);
      g_assert_cmpint (bmin_a, ==, bmin_b);
      g_assert_cmpint (bnat_a, ==, bnat_b);
    }
  g_assert_cmpint (gtk_widget_get_width (a), ==, gtk_widget_get_width (b));
  g_assert_cmpint (gtk_widget_get_height (a), ==, gtk_widget_get_height (b));
}

static void
count_paint (GdkFrameClock *clock, guint *n_paints)
{
  (*n_paints)++;
}

static gboolean
painted (gpointer n_paints)
{
  return *(guint *)n_paints > 0;
}

/* Waits for window's next frame: laid out and painted. */
static void
wait_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  guint n_paints = 0;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint), &n_paints);

  gtk_widget_queue_draw (window);
  g_assert_true (lgr_test_wait_until (painted, &n_paints));
  g_signal_handler_disconnect (clock, id);
}

static gboolean
grown (gpointer widget)
{
  return gtk_widget_get_height (widget)
         > GPOINTER_TO_INT (g_object_get_data (widget, "lgr-test-height"));
}

/* A wrap label measures and draws as a wrapping GtkLabel with the same text and style does (the
 * verdict, a lever row's summary); a new text that measures the same only redraws, one that
 * wraps differently lays the window out again. */
static void
test_wrap_label (void)
{
  static const struct
  {
    const char *css_class;
    PangoWrapMode mode;
  } styles[] = {
    { "title-3", PANGO_WRAP_WORD },
    { "subtitle", PANGO_WRAP_WORD_CHAR },
  };
  static const char *const texts[] = {
    "Two unitaries is £341.6m better than one over 10 years, payback in 2029/30.",
    "Two unitaries is £346.1m better than one over 10 years, payback in 2029/30.",
    "Two unitaries is £341.4m better than one over 10 years, payback in 2029/30, and the "
    "reorganisation pays for itself twice over before the end of the period.",
    "target 56.1 per 10,000 children, £1,570 a week",
    "",
    "Supercalifragilisticexpialidocious-and-more-words-without-spaces",
  };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *labels[G_N_ELEMENTS (styles)], *wrapped[G_N_ELEMENTS (styles)];

  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 320, -1);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      labels[i] = gtk_label_new (texts[0]);
      wrapped[i] = lgr_wrap_label_new (texts[0]);
      gtk_label_set_wrap (GTK_LABEL (labels[i]), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (labels[i]), styles[i].mode);
      gtk_label_set_xalign (GTK_LABEL (labels[i]), 0);
      lgr_wrap_label_set_wrap_mode (LGR_WRAP_LABEL (wrapped[i]), styles[i].mode);
      lgr_wrap_label_set_xalign (LGR_WRAP_LABEL (wrapped[i]), 0);
      gtk_widget_add_css_class (labels[i], styles[i].css_class);
      gtk_widget_add_css_class (wrapped[i], styles[i].css_class);
      gtk_box_append (GTK_BOX (box), labels[i]);
      gtk_box_append (GTK_BOX (box), wrapped[i]);
    }
  gtk_window_present (GTK_WINDOW (window));
  wait_frame (window);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
      {
        g_autoptr (GBytes) drawn = NULL;
        g_autoptr (GBytes) expected = NULL;

        gtk_label_set_text (GTK_LABEL (labels[i]), texts[t]);
        lgr_wrap_label_set_text (LGR_WRAP_LABEL (wrapped[i]), texts[t]);
        g_assert_cmpstr (lgr_wrap_label_get_text (LGR_WRAP_LABEL (wrapped[i])), ==, texts[t]);
        wait_frame (window);
        assert_same_wrapped (labels[i], wrapped[i]);
        if (*texts[t] == '\0')
          continue; /* nothing drawn */
        drawn = render (wrapped[i]);
        expected = render (labels[i]);
        if (!g_bytes_equal (drawn, expected))
          g_error ("wrap label \"%s\" (style %u) is not drawn as a GtkLabel draws it", texts[t], i);
      }

  /* the window narrower: both wrap again, alike */
  gtk_window_set_default_size (GTK_WINDOW (window), 200, -1);
  gtk_label_set_text (GTK_LABEL (labels[0]), texts[2]);
  lgr_wrap_label_set_text (LGR_WRAP_LABEL (wrapped[0]), texts[2]);
  wait_frame (window);
  assert_same_wrapped (labels[0], wrapped[0]);
  gtk_window_destroy (GTK_WINDOW (window));
  lgr_test_settle ();

  /* Laid out by its window alone: the same digits in another order keep every size and only
   * redraw; more lines lay the window out again, and the window follows. */
  window = gtk_window_new ();
  wrapped[0] = lgr_wrap_label_new (texts[0]);
  gtk_widget_set_size_request (wrapped[0], 300, -1);
  gtk_window_set_child (GTK_WINDOW (window), wrapped[0]);
  gtk_window_present (GTK_WINDOW (window));
  lgr_test_settle ();
  {
    LgrWrapLabel *label = LGR_WRAP_LABEL (wrapped[0]);
    guint n_resizes = lgr_wrap_label_get_n_resizes (label);
    int height = gtk_widget_get_height (wrapped[0]);

    lgr_wrap_label_set_text (label, texts[1]);
    g_assert_cmpuint (lgr_wrap_label_get_n_resizes (label), ==, n_resizes);
    lgr_test_settle ();
    lgr_wrap_label_set_text (label, texts[2]);
    g_assert_cmpuint (lgr_wrap_label_get_n_resizes (label), ==, n_resizes + 1);
    g_object_set_data (G_OBJECT (label), "lgr-test-height", GINT_TO_POINTER (height));
    g_assert_true (lgr_test_wait_until (grown, label));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  lgr_test_settle ();
}

int
main (int argc, char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/window-layout/table-out-of-view", test_table_out_of_view);
  ADD ("/window-layout/hidden-sidebar", test_hidden_sidebar);
#undef ADD
  g_test_add_func ("/window-layout/figure-label", test_figure_label);
  g_test_add_func ("/window-layout/wrap-label", test_wrap_label);
  return g_test_run ();
}
