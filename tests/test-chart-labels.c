/* test-chart-labels.c: the labels of payback, peak funding and crossover are never drawn across
 * a series line, a marker or another label - every chart kind of the bundled study at the
 * report's chart size, the A4 export and a slide; the "Sources:" line and the subtitle. */
#include <math.h>
#include <string.h>

#include "lgr-chart-plot.h"
#include "lgr-chart-private.h"
#include "lgr-chart.h"
#include "lgr-charts-studies.h"
#include "lgr-test-util.h"

typedef struct
{
  const char *name;
  double width, height;
} Size;

/* The report's chart (an A4 page less its margins, three quarters as tall), the export
 * dialog's A4 preset and a slide. */
static const Size sizes[] = {
  { "report", 499, 374.25 },
  { "a4", 595, 335 },
  { "slide", 1920, 1080 },
};

/* No label of a drawn layout crosses a series line, covers a marker or another label; the
 * number of marks' labels drawn. */
static guint
assert_labels_clear (const LgrChartLayout *layout, const char *what)
{
  g_autoptr (GArray) segments = g_array_new (FALSE, FALSE, sizeof (LgrChartSegment));
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (LgrChartRect));
  for (guint p = 0; p < layout->n_panels; p++)
    lgr_chart_layout_obstacles (layout, p, FALSE, segments, boxes);

  guint n_annotations = 0;
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const LgrChartLabel *l = &g_array_index (layout->labels, LgrChartLabel, i);
      if (l->role != LGR_TEXT_ANNOTATION)
        continue;
      n_annotations++;
      if (layout->data->bars)
        continue; /* the tornado's notes sit above and below its bars */
      for (guint k = 0; k < segments->len; k++)
        if (lgr_chart_segment_hits_rect (&g_array_index (segments, LgrChartSegment, k), &l->box))
          g_error ("%s: \"%s\" crosses a line", what, l->text);
      for (guint k = 0; k < boxes->len; k++)
        if (lgr_chart_rect_intersects (&g_array_index (boxes, LgrChartRect, k), &l->box))
          g_error ("%s: \"%s\" covers a marker", what, l->text);
      for (guint j = 0; j < layout->labels->len; j++)
        if (j != i
            && lgr_chart_rect_intersects (&g_array_index (layout->labels, LgrChartLabel, j).box,
                                          &l->box))
          g_error ("%s: \"%s\" covers \"%s\"", what, l->text,
                   g_array_index (layout->labels, LgrChartLabel, j).text);
    }
  return n_annotations;
}

static void
check_labels (const LgrResults *results, LgrChartKind kind, const Size *size, gboolean titled)
{
  LgrChartOptions o;
  lgr_chart_options_init (&o, kind);
  o.show_title = titled;
  g_autoptr (LgrChartLayout) layout
      = lgr_chart_layout_new (NULL, results, &o, size->width, size->height);
  cairo_surface_t *surface
      = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)size->width, (int)size->height);
  cairo_t *cr = cairo_create (surface);
  lgr_chart_layout_draw (layout, cr);
  /* drawn again (another highlighted year), the labels keep their places */
  g_autoptr (GArray) first = g_array_new (FALSE, FALSE, sizeof (LgrChartRect));
  for (guint i = 0; i < layout->labels->len; i++)
    g_array_append_val (first, g_array_index (layout->labels, LgrChartLabel, i).box);
  guint n_leaders = layout->leaders->len;
  lgr_chart_layout_draw (layout, cr);
  g_assert_cmpuint (layout->labels->len, ==, first->len);
  g_assert_cmpuint (layout->leaders->len, ==, n_leaders);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpmem (&g_array_index (first, LgrChartRect, i), sizeof (LgrChartRect),
                     &g_array_index (layout->labels, LgrChartLabel, i).box, sizeof (LgrChartRect));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_autofree char *what = g_strdup_printf ("%s at %s%s", lgr_chart_kind_to_string (kind),
                                           size->name, titled ? "" : " (window)");
  guint n_marks = 0, n_annotations = assert_labels_clear (layout, what);
  for (guint i = 0; i < layout->data->marks->len; i++)
    n_marks += g_array_index (layout->data->marks, LgrChartMark, i).panel < layout->n_panels;
  /* every mark keeps its label: none is dropped to keep the lines clear */
  g_assert_cmpuint (n_annotations, >=, n_marks);
}

static void
test_bundled (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  guint n_marked = 0;
  for (int kind = 0; kind < LGR_N_CHARTS; kind++)
    {
      if (!lgr_chart_kind_applies (kind, results))
        continue;
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          check_labels (results, kind, &sizes[s], TRUE);
          check_labels (results, kind, &sizes[s], FALSE);
        }
      LgrChartOptions o;
      lgr_chart_options_init (&o, kind);
      g_autoptr (LgrChartLayout) layout = lgr_chart_layout_new (NULL, results, &o, 800, 450);
      n_marked += layout->data->marks->len > 0;
    }
  /* the cashflow, difference and uncertainty charts have labels to place */
  g_assert_cmpuint (n_marked, >=, 3);
}

/* Scenarios close together put their labels where the lines run: many studies, every size. */
static void
test_crowded (void)
{
  for (guint n = 2; n <= 8; n += 3)
    {
      g_autoptr (LgrStudy) study = lgr_charts_test_study (n, 10, LGR_CHARTS_STUDY_NORMAL);
      g_autoptr (LgrResults) results = lgr_results_compute (study);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          check_labels (results, LGR_CHART_CASHFLOW, &sizes[s], TRUE);
          check_labels (results, LGR_CHART_DIFFERENCE, &sizes[s], TRUE);
        }
    }
}

/* The documents a note cites, abbreviated: quoted titles, a note opening with its document,
 * a document named through its publisher's comparison, each once. */
static void
test_cite (void)
{
  g_autoptr (GPtrArray) cited = g_ptr_array_new_with_free_func (g_free);
  lgr_chart_sources_cite (cited, "Derived from Peopletoo, \"Warwickshire LGR Support: ASC and "
                                 "Children Services Analysis\", June 2025, section 2.");
  lgr_chart_sources_cite (cited,
                          "Warwickshire County Council, cabinet report on local government "
                          "reorganisation, 6 November 2025: £22.3m. Range: the upper bound in "
                          "HM Treasury, \"Supplementary Green Book Guidance: Optimism Bias\", "
                          "2003, table 1.");
  lgr_chart_sources_cite (cited, "Derived from Warwickshire County Council's comparison (cabinet "
                                 "report on local government reorganisation, 6 November 2025): "
                                 "two unitaries come out £68m worse.");
  lgr_chart_sources_cite (cited, "Peopletoo, \"Warwickshire LGR Support\", June 2025.");
  lgr_chart_sources_cite (cited, "An officer's estimate, no document.");
  lgr_chart_sources_cite (cited, NULL);
  g_assert_cmpuint (cited->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (cited, 0), ==, "Peopletoo, Warwickshire LGR Support, 2025");
  g_assert_cmpstr (g_ptr_array_index (cited, 1), ==,
                   "Warwickshire County Council, Cabinet report on local government "
                   "reorganisation, 2025");
  g_assert_cmpstr (g_ptr_array_index (cited, 2), ==,
                   "HM Treasury, Supplementary Green Book Guidance, 2003");

  g_autofree char *all = lgr_chart_sources_line (cited, 3, "A study");
  g_assert_cmpstr (all, ==,
                   "Sources: Peopletoo, Warwickshire LGR Support, 2025; Warwickshire County "
                   "Council, Cabinet report on local government reorganisation, 2025; and HM "
                   "Treasury, Supplementary Green Book Guidance, 2003. Drawn by LGR Explorer.");
  g_autofree char *one = lgr_chart_sources_line (cited, 1, "A study");
  g_assert_cmpstr (one, ==,
                   "Sources: Peopletoo, Warwickshire LGR Support, 2025; and 2 others. Drawn by "
                   "LGR Explorer.");
  g_ptr_array_set_size (cited, 0);
  g_autofree char *none = lgr_chart_sources_line (cited, 0, "A study");
  g_assert_cmpstr (none, ==, "Source: A study. Drawn by LGR Explorer.");
  g_autofree char *question = lgr_chart_sources_line (cited, 0, "One or two?");
  g_assert_cmpstr (question, ==, "Source: One or two? Drawn by LGR Explorer.");
}

/* The exported chart's source line names the documents behind it, as many as two lines hold;
 * the subtitle puts no comma after a title that ends in a question mark. */
static void
test_source_line (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_CASHFLOW);
  o.show_title = TRUE;

  g_autoptr (LgrChartLayout) slide = lgr_chart_layout_new (NULL, results, &o, 1920, 1080);
  g_assert_cmpstr (slide->data->subtitle, ==,
                   "Warwickshire: one unitary or two? 2025/26 to 2034/35");
  const char *source = slide->data->source;
  g_assert_true (g_str_has_prefix (source, "Sources: Peopletoo, Warwickshire LGR Support, 2025; "));
  g_assert_nonnull (strstr (source, "HM Treasury, Supplementary Green Book Guidance, 2003"));
  g_assert_null (strstr (source, study->title));
  g_assert_null (strstr (source, " other"));
  g_assert_true (g_str_has_suffix (source, ". Drawn by LGR Explorer."));
  g_assert_cmpfloat (slide->source.height, <=,
                     2.01 * lgr_chart_text_line_height (&slide->text, LGR_TEXT_SOURCE));

  /* a narrow chart names fewer and counts the rest, in two lines at most */
  g_autoptr (LgrChartLayout) narrow = lgr_chart_layout_new (NULL, results, &o, 480, 320);
  g_assert_true (g_str_has_prefix (narrow->data->source, "Sources: Peopletoo"));
  g_assert_nonnull (strstr (narrow->data->source, " other"));
  g_assert_cmpfloat (narrow->source.height, <=,
                     2.01 * lgr_chart_text_line_height (&narrow->text, LGR_TEXT_SOURCE));

  /* the children chart draws the looked-after children levers only: their documents only */
  LgrChartOptions c;
  lgr_chart_options_init (&c, LGR_CHART_CHILDREN);
  c.show_title = TRUE;
  g_autoptr (LgrChartLayout) children = lgr_chart_layout_new (NULL, results, &c, 1920, 1080);
  g_assert_cmpstr (children->data->source, ==,
                   "Source: Peopletoo, Warwickshire LGR Support, 2025. Drawn by LGR Explorer.");

  /* a source line given by the caller is kept as it is */
  o.source = "Source: the finance team.";
  g_autoptr (LgrChartLayout) given = lgr_chart_layout_new (NULL, results, &o, 1920, 1080);
  g_assert_cmpstr (given->data->source, ==, "Source: the finance team.");
  c.source = o.source;
  g_autoptr (LgrChartLayout) given_children = lgr_chart_layout_new (NULL, results, &c, 1920, 1080);
  g_assert_cmpstr (given_children->data->source, ==, "Source: the finance team.");
}

/* The placement of mark in a drawn layout, or NULL. */
static const LgrChartPlacement *
placement_of (const LgrChartLayout *layout, guint mark)
{
  for (guint i = 0; i < layout->placements->len; i++)
    if (g_array_index (layout->placements, LgrChartPlacement, i).mark == mark)
      return &g_array_index (layout->placements, LgrChartPlacement, i);
  return NULL;
}

/* Whether a label sits where it sat before, beside its point: its box moved with the point. */
static gboolean
moved_with_point (const LgrChartPlacement *before, const LgrChartPlacement *now)
{
  return fabs ((now->box.x - now->px) - (before->box.x - before->px)) < 1e-6
         && fabs ((now->box.y - now->py) - (before->box.y - before->py)) < 1e-6;
}

static LgrChartLayout *
drawn_layout (const LgrResults *results, const LgrChartLayout *previous, cairo_t *cr)
{
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_CASHFLOW);
  o.show_title = FALSE; /* as in the window */
  o.font_scale = 1.2;
  LgrChartLayout *layout = lgr_chart_layout_new (NULL, results, &o, 1000, 620);
  lgr_chart_layout_follow (layout, previous);
  lgr_chart_layout_draw (layout, cr);
  return layout;
}

/* A drag through the window's chart of a crowded study: most labels that hung on a leader keep
 * their places, moved with their points, and no label is ever put across a line, a marker or
 * another label. */
static void
test_following (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_study (8, 10, LGR_CHARTS_STUDY_NORMAL);
  LgrLever *lever = lgr_scenario_find_lever (g_ptr_array_index (study->scenarios, 0), "a-lac");
  g_assert_nonnull (lever);
  double base = lever->cohort_target;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1000, 620);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (LgrChartLayout) followed = NULL;
  guint n_kept = 0, n_moved = 0;

  for (guint step = 0; step < 12; step++)
    {
      lgr_test_set_cohort_target (lever, base - step);
      g_autoptr (LgrResults) results = lgr_results_compute (study);
      LgrChartLayout *layout = drawn_layout (results, followed, cr);
      g_autofree char *what = g_strdup_printf ("drag step %u", step);
      assert_labels_clear (layout, what);
      for (guint m = 0; followed && m < layout->data->marks->len; m++)
        {
          const LgrChartPlacement *before = placement_of (followed, m),
                                  *now = placement_of (layout, m);
          g_assert_nonnull (now);
          if (before && before->leader && now->leader)
            {
              if (moved_with_point (before, now))
                n_kept++;
              else
                n_moved++;
            }
        }
      g_clear_pointer (&followed, lgr_chart_layout_free);
      followed = layout;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_test_message ("labels on leaders kept %u, moved %u", n_kept, n_moved);
  g_assert_cmpuint (n_kept, >, 4 * n_moved);
}

/* A place kept from the layout followed is the one it had, moved with its point, and only
 * while free: the previous places are made up here, one free and one on a line. */
static void
test_following_checks (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_study (8, 10, LGR_CHARTS_STUDY_NORMAL);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 335);
  cairo_t *cr = cairo_create (surface);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_CASHFLOW);
  g_autoptr (LgrChartLayout) before = lgr_chart_layout_new (NULL, results, &o, 595, 335);
  lgr_chart_layout_draw (before, cr);
  /* a label that needed a leader, and another place for it that is free on its own */
  const LgrChartPlacement *led = NULL;
  for (guint i = 0; i < before->placements->len && led == NULL; i++)
    if (g_array_index (before->placements, LgrChartPlacement, i).leader)
      led = &g_array_index (before->placements, LgrChartPlacement, i);
  g_assert_nonnull (led);
  g_autoptr (LgrChartLayout) again = lgr_chart_layout_new (NULL, results, &o, 595, 335);
  lgr_chart_layout_follow (again, before);
  g_assert_nonnull (again->previous);
  lgr_chart_layout_draw (again, cr);
  /* the same figures: every place found again is the one it had */
  g_assert_cmpuint (again->placements->len, ==, before->placements->len);
  for (guint i = 0; i < before->placements->len; i++)
    {
      const LgrChartPlacement *a = &g_array_index (before->placements, LgrChartPlacement, i);
      const LgrChartPlacement *b = placement_of (again, a->mark);
      g_assert_cmpmem (&a->box, sizeof a->box, &b->box, sizeof b->box);
    }

  /* a place of its own a pixel or a few away: kept where it is free (the exact box), else
   * sought afresh; centred on its point, over its own ring: never kept */
  const double shifts[][2]
      = { { 1, 0 }, { 0, 1 }, { -1, 0 }, { 0, -1 }, { 3, 3 }, { -3, -3 }, { 0, 0 } };
  guint n_kept = 0;
  for (guint k = 0; k < G_N_ELEMENTS (shifts); k++)
    {
      g_autoptr (LgrChartLayout) moved = lgr_chart_layout_new (NULL, results, &o, 595, 335);
      lgr_chart_layout_follow (moved, before);
      LgrChartPlacement *fake = NULL;
      for (guint i = 0; i < moved->previous->len; i++)
        if (g_array_index (moved->previous, LgrChartPlacement, i).mark == led->mark)
          fake = &g_array_index (moved->previous, LgrChartPlacement, i);
      if (fake == NULL)
        g_error ("the previous places lack the label led to");
      gboolean over_point = k == G_N_ELEMENTS (shifts) - 1;
      fake->box.x = over_point ? fake->px - fake->box.width / 2 : fake->box.x + shifts[k][0];
      fake->box.y = over_point ? fake->py - fake->box.height / 2 : fake->box.y + shifts[k][1];
      lgr_chart_layout_draw (moved, cr);
      const LgrChartPlacement *placed = placement_of (moved, led->mark);
      if (placed == NULL)
        g_error ("the label led to was not placed");
      gboolean kept = placed->box.x == fake->box.x && placed->box.y == fake->box.y;
      g_assert_true (placed->leader);
      g_assert_false (over_point && kept);
      n_kept += kept;
      assert_labels_clear (moved, "a place kept from the layout followed");
    }
  g_test_message ("made-up places kept: %u of %u", n_kept, (guint)G_N_ELEMENTS (shifts) - 1);
  g_assert_cmpuint (n_kept, >, 0);

  /* another size or kind follows nothing */
  g_autoptr (LgrChartLayout) other = lgr_chart_layout_new (NULL, results, &o, 600, 335);
  lgr_chart_layout_follow (other, before);
  g_assert_null (other->previous);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The pixels of plot drawn at 595 x 335. */
static char *
plot_pixels (LgrChartPlot *plot)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 335);
  cairo_t *cr = cairo_create (surface);
  lgr_chart_plot_draw (plot, cr, -1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  char *sum = g_compute_checksum_for_data (
      G_CHECKSUM_SHA256, cairo_image_surface_get_data (surface),
      (gsize)cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface));
  cairo_surface_destroy (surface);
  return sum;
}

/* A plot following nothing, a plot of another size, or one of the same figures draws what a
 * plot made afresh draws (exports never follow one). */
static void
test_following_plot (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_study (8, 10, LGR_CHARTS_STUDY_NORMAL);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_CASHFLOW);
  g_autoptr (LgrChartPlot) afresh = lgr_chart_plot_new (results, &o, 595, 335);
  g_autofree char *expected = plot_pixels (afresh);
  g_autoptr (LgrChartPlot) none = lgr_chart_plot_new_following (results, &o, 595, 335, NULL);
  g_autofree char *with_none = plot_pixels (none);
  g_assert_cmpstr (with_none, ==, expected);
  g_autoptr (LgrChartPlot) wide = lgr_chart_plot_new (results, &o, 900, 335);
  g_autofree char *wide_pixels = plot_pixels (wide);
  g_autoptr (LgrChartPlot) other = lgr_chart_plot_new_following (results, &o, 595, 335, wide);
  g_autofree char *with_other = plot_pixels (other);
  g_assert_cmpstr (with_other, ==, expected);
  g_autoptr (LgrChartPlot) same = lgr_chart_plot_new_following (results, &o, 595, 335, afresh);
  g_autofree char *with_same = plot_pixels (same);
  g_assert_cmpstr (with_same, ==, expected);
  /* made before the plot it follows was drawn: the places that plot was given pass on */
  g_autoptr (LgrChartPlot) undrawn = lgr_chart_plot_new_following (results, &o, 595, 335, afresh);
  g_autoptr (LgrChartPlot) next = lgr_chart_plot_new_following (results, &o, 595, 335, undrawn);
  g_autofree char *with_next = plot_pixels (next);
  g_assert_cmpstr (with_next, ==, expected);

  /* the texts of the layout followed are shaped already: the same years are the same layouts,
   * unless the fonts differ */
  g_autoptr (LgrChartLayout) first = lgr_chart_layout_new (NULL, results, &o, 595, 335);
  g_autoptr (LgrChartLayout) second
      = lgr_chart_layout_new_following (lgr_chart_data_new (results, &o), &o, 595, 335, first);
  g_assert_true (g_ptr_array_index (second->x_layouts, 0)
                 == g_ptr_array_index (first->x_layouts, 0));
  o.font_scale = 1.5;
  g_autoptr (LgrChartLayout) larger
      = lgr_chart_layout_new_following (lgr_chart_data_new (results, &o), &o, 595, 335, first);
  g_assert_null (larger->texts_before);
  g_assert_true (g_ptr_array_index (larger->x_layouts, 0)
                 != g_ptr_array_index (first->x_layouts, 0));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/labels/bundled", test_bundled);
  g_test_add_func ("/charts/labels/crowded", test_crowded);
  g_test_add_func ("/charts/labels/following", test_following);
  g_test_add_func ("/charts/labels/following-checks", test_following_checks);
  g_test_add_func ("/charts/labels/following-plot", test_following_plot);
  g_test_add_func ("/charts/labels/cite", test_cite);
  g_test_add_func ("/charts/labels/source-line", test_source_line);
  return g_test_run ();
}
