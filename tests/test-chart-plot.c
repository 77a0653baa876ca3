/* test-chart-plot.c: the prepared plots (the same pixels, hit-tests and descriptions as the
 * one-shot drawing), the highlighted year, the charts' descriptions, the kind names and the
 * catalogue. The chart parts, layouts and the four charts at every size are in test-charts.c. */
#include <string.h>

#include "lgr-chart.h"
#include "lgr-charts-studies.h"
#include "lgr-format.h"
#include "lgr-test-util.h"

/* The highlighted year and the descriptions */

static guint32
pixel_hash (cairo_surface_t *surface)
{
  cairo_surface_flush (surface);
  const guint8 *px = cairo_image_surface_get_data (surface);
  gsize n
      = (gsize)cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface);
  guint32 h = 5381;
  for (gsize i = 0; i < n; i++)
    h = h * 33 + px[i];
  return h;
}

static guint32
render_hash (const LgrResults *results, const LgrChartOptions *o)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 450);
  cairo_t *cr = cairo_create (s);
  lgr_chart_draw (cr, results, o, 800, 450);
  cairo_destroy (cr);
  guint32 h = pixel_hash (s);
  cairo_surface_destroy (s);
  return h;
}

static void
test_highlight (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_CASHFLOW);
  guint32 plain = render_hash (results, &o);
  g_assert_cmpuint (plain, ==, render_hash (results, &o)); /* drawing is deterministic */
  o.highlight_index = 4;
  g_assert_cmpuint (plain, !=, render_hash (results, &o));
  o.highlight_index = 99; /* out of range: ignored */
  g_assert_cmpuint (plain, ==, render_hash (results, &o));

  g_autofree char *text = lgr_chart_describe_year (results, &o, 4);
  g_autofree char *cum = lgr_format_money (results->scenarios[1].cumulative[4]);
  g_assert_nonnull (strstr (text, "2029/30"));
  g_assert_nonnull (strstr (text, "Two unitaries"));
  g_assert_nonnull (strstr (text, cum));
  g_autofree char *none = lgr_chart_describe_year (results, &o, -1);
  g_assert_cmpstr (none, ==, "");

  lgr_chart_options_init (&o, LGR_CHART_SAVINGS);
  g_autofree char *sv = lgr_chart_describe_year (results, &o, 9);
  g_autofree char *net = lgr_format_money (results->scenarios[1].net[9]);
  g_assert_nonnull (strstr (sv, net));
  g_assert_nonnull (strstr (sv, "One unitary"));
}

static void
test_describe (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_CASHFLOW);
  g_autofree char *cash = lgr_chart_describe (results, &o);
  g_assert_nonnull (strstr (cash, "2025/26 to 2034/35"));
  g_assert_nonnull (strstr (cash, "2029/30"));
  g_autofree char *total = lgr_format_money (results->scenarios[1].total_net);
  g_assert_nonnull (strstr (cash, total));

  lgr_chart_options_init (&o, LGR_CHART_DIFFERENCE);
  g_autofree char *diff = lgr_chart_describe (results, &o);
  g_autofree char *gap
      = lgr_format_money (results->scenarios[1].total_net - results->scenarios[0].total_net);
  g_assert_nonnull (strstr (diff, gap));
  g_assert_nonnull (strstr (diff, "ahead of One unitary"));

  lgr_chart_options_init (&o, LGR_CHART_CHILDREN);
  g_autofree char *kids = lgr_chart_describe (results, &o);
  g_assert_nonnull (strstr (kids, "North Warwickshire Council"));
  g_assert_nonnull (strstr (kids, "481"));
}

/* Kinds */

static void
test_kind_strings (void)
{
  for (guint k = 0; k < LGR_N_CHARTS; k++)
    {
      LgrChartKind back;
      g_assert_true (lgr_chart_kind_from_string (lgr_chart_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
      g_assert_nonnull (lgr_chart_kind_title (k));
    }
  g_assert_true (lgr_chart_kind_from_string ("CASHFLOW", NULL));
  g_assert_false (lgr_chart_kind_from_string ("pie", NULL));
  g_assert_false (lgr_chart_kind_from_string (NULL, NULL));
  g_assert_null (lgr_chart_kind_to_string (LGR_N_CHARTS));
}

/* Plots: a chart prepared once draws the same pixels as the one-shot lgr_chart_draw(), for any
 * highlighted year and in any order, and hit-tests and describes the same. */

static cairo_surface_t *
plot_surface (int w, int h)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (s);
  cairo_set_source_rgb (cr, 1, 0, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  return s;
}

static void
assert_same_pixels (cairo_surface_t *a, cairo_surface_t *b, const char *what)
{
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  int stride = cairo_image_surface_get_stride (a);
  int height = cairo_image_surface_get_height (a);
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  if (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
              (gsize)stride * height)
      != 0)
    g_error ("%s: a plot draws other pixels than lgr_chart_draw", what);
}

static void
test_plot_pixels (void)
{
  static const int plot_sizes[][2] = { { 800, 450 }, { 320, 200 } };
  g_autoptr (LgrStudy) w = lgr_charts_test_warwickshire ();
  g_autoptr (LgrStudy) big = lgr_charts_test_study (8, 60, LGR_CHARTS_STUDY_NORMAL);
  LgrStudy *cases[] = { w, big };
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr (LgrResults) results = lgr_results_compute (cases[c]);
      int highlights[] = { -1, 4, (int)results->n_years - 1, -1, 0 };
      for (int kind = 0; kind < LGR_N_CHARTS; kind++)
        for (guint z = 0; z < G_N_ELEMENTS (plot_sizes); z++)
          for (int style = 0; style < 2; style++)
            {
              int pw = plot_sizes[z][0], ph = plot_sizes[z][1];
              LgrChartOptions o;
              lgr_chart_options_init (&o, kind);
              o.style = style;
              o.show_title = z == 0;
              o.font_scale = z == 0 ? 1.0 : 1.3;
              g_autoptr (LgrChartPlot) plot = lgr_chart_plot_new (results, &o, pw, ph);
              g_assert_cmpfloat (lgr_chart_plot_get_width (plot), ==, pw);
              g_assert_cmpfloat (lgr_chart_plot_get_height (plot), ==, ph);
              for (guint h = 0; h < G_N_ELEMENTS (highlights); h++)
                {
                  g_autofree char *what = g_strdup_printf (
                      "%s, case %u, %dx%d, style %d, highlight %d", lgr_chart_kind_to_string (kind),
                      c, pw, ph, style, highlights[h]);
                  o.highlight_index = highlights[h];
                  cairo_surface_t *a = plot_surface (pw, ph);
                  cairo_t *cr = cairo_create (a);
                  lgr_chart_draw (cr, results, &o, pw, ph);
                  cairo_destroy (cr);
                  cairo_surface_t *b = plot_surface (pw, ph);
                  cr = cairo_create (b);
                  lgr_chart_plot_draw (plot, cr, highlights[h]);
                  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
                  cairo_destroy (cr);
                  assert_same_pixels (a, b, what);
                  cairo_surface_destroy (a);
                  cairo_surface_destroy (b);
                }
            }
    }
}

static void
test_plot_year_at (void)
{
  /* without its ranges: the uncertainty chart would run its Monte Carlo for each point */
  g_autofree char *plain = lgr_test_bundled_without_ranges ();
  g_autoptr (LgrStudy) study = lgr_test_load_string (plain);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  for (int kind = 0; kind < LGR_N_CHARTS; kind++)
    {
      LgrChartOptions o;
      lgr_chart_options_init (&o, kind);
      o.show_title = FALSE;
      o.font_scale = 1.2;
      g_autoptr (LgrChartPlot) plot = lgr_chart_plot_new (results, &o, 1000, 600);
      guint hits = 0;
      for (double y = 0; y <= 600; y += 15)
        for (double x = 0; x <= 1000; x += 7)
          {
            int year = lgr_chart_plot_year_at (plot, x, y);
            g_assert_cmpint (year, ==, lgr_chart_year_at (results, &o, 1000, 600, x, y));
            hits += year >= 0;
          }
      /* the uncertain kinds: no range here, and the tornado has no years */
      if (kind == LGR_CHART_TORNADO || kind == LGR_CHART_UNCERTAINTY)
        g_assert_cmpuint (hits, ==, 0);
      else
        g_assert_cmpuint (hits, >, 0);
      /* the figures of a year from the plot's data are the one-shot ones */
      for (int t = -1; t <= (int)results->n_years; t++)
        {
          g_autofree char *a = lgr_chart_plot_describe_year (plot, t);
          g_autofree char *b = lgr_chart_describe_year (results, &o, t);
          g_assert_cmpstr (a, ==, b);
        }
    }
}

static LgrChartPlot *
make_plot (LgrChartKind kind, double width, double height)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions o;
  lgr_chart_options_init (&o, kind);
  return lgr_chart_plot_new (results, &o, width, height);
}

static void
test_plot_refs (void)
{
  /* the plot copied what it needs: the study and results are gone */
  LgrChartPlot *plot = make_plot (LGR_CHART_SAVINGS, 640, 400);
  g_assert_true (lgr_chart_plot_ref (plot) == plot);
  lgr_chart_plot_unref (plot);
  cairo_surface_t *s = plot_surface (640, 400);
  cairo_t *cr = cairo_create (s);
  lgr_chart_plot_draw (plot, cr, 3);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
  g_autofree char *year = lgr_chart_plot_describe_year (plot, 3);
  g_assert_nonnull (strstr (year, "2028/29"));
  g_assert_nonnull (strstr (year, "Two unitaries"));
  g_assert_cmpint (lgr_chart_plot_year_at (plot, 2, 2), ==, -1);
  lgr_chart_plot_unref (plot);
  lgr_chart_plot_unref (NULL);
}

static void
test_plot_empty_size (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_CASHFLOW);
  g_autoptr (LgrChartPlot) plot = lgr_chart_plot_new (results, &o, 0, 0);
  cairo_surface_t *s = plot_surface (20, 20);
  guint32 before = pixel_hash (s);
  cairo_t *cr = cairo_create (s);
  lgr_chart_plot_draw (plot, cr, 2);
  cairo_destroy (cr);
  g_assert_cmpuint (pixel_hash (s), ==, before);
  cairo_surface_destroy (s);
  g_assert_cmpint (lgr_chart_plot_year_at (plot, 0, 0), ==, -1);
  g_autofree char *a = lgr_chart_plot_describe_year (plot, 2);
  g_autofree char *b = lgr_chart_describe_year (results, &o, 2);
  g_assert_cmpstr (a, ==, b);
}

/* The catalogue */

static void
test_catalogue (void)
{
  g_autofree char *plain = lgr_test_bundled_without_ranges ();
  g_autoptr (LgrStudy) study = lgr_test_load_string (plain);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  for (int k = 0; k < LGR_N_CHARTS; k++)
    {
      g_assert_nonnull (lgr_chart_kind_short_title (k));
      g_assert_cmpstr (lgr_chart_kind_short_title (k), !=, lgr_chart_kind_title (k));
      /* the study gives no input a range: nothing is uncertain */
      gboolean uncertain = k == LGR_CHART_TORNADO || k == LGR_CHART_UNCERTAINTY;
      g_assert_true (lgr_chart_kind_applies (k, results) == !uncertain);
    }
  g_assert_cmpstr (lgr_chart_kind_short_title (LGR_CHART_CHILDREN), ==, "Children Looked After");
  g_autofree char *list = lgr_chart_kind_list ();
  g_assert_true (g_str_has_prefix (list, "cashflow, savings, difference, children"));
  g_auto (GStrv) names = g_strsplit (list, ", ", -1);
  g_assert_cmpuint (g_strv_length (names), ==, LGR_N_CHARTS);
  for (int k = 0; k < LGR_N_CHARTS; k++)
    g_assert_cmpstr (names[k], ==, lgr_chart_kind_to_string (k));
  /* out of range: the first kind's title */
  g_assert_cmpstr (lgr_chart_kind_title (LGR_N_CHARTS), ==, lgr_chart_kind_title (0));

  /* one scenario: nothing to compare; no looked-after children lever: no children chart */
  g_autoptr (LgrStudy) one = lgr_charts_test_study (1, 5, LGR_CHARTS_STUDY_NORMAL);
  g_autoptr (LgrResults) one_results = lgr_results_compute (one);
  g_assert_false (lgr_chart_kind_applies (LGR_CHART_DIFFERENCE, one_results));
  g_assert_true (lgr_chart_kind_applies (LGR_CHART_CHILDREN, one_results));
  GPtrArray *levers = ((LgrScenario *)g_ptr_array_index (one->scenarios, 0))->levers;
  for (guint i = 0; i < levers->len; i++)
    {
      LgrLever *lever = g_ptr_array_index (levers, i);
      if (lever->basis == LGR_COHORT_BASIS_CHILD_POPULATION)
        lever->enabled = FALSE;
    }
  g_autoptr (LgrResults) no_children = lgr_results_compute (one);
  g_assert_false (lgr_chart_kind_applies (LGR_CHART_CHILDREN, no_children));
  g_assert_true (lgr_chart_kind_applies (LGR_CHART_CASHFLOW, no_children));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/layout/highlight", test_highlight);
  g_test_add_func ("/charts/describe", test_describe);
  g_test_add_func ("/charts/kind-strings", test_kind_strings);
  g_test_add_func ("/charts/catalogue", test_catalogue);
  g_test_add_func ("/charts/plot/pixels", test_plot_pixels);
  g_test_add_func ("/charts/plot/year-at", test_plot_year_at);
  g_test_add_func ("/charts/plot/refs", test_plot_refs);
  g_test_add_func ("/charts/plot/empty-size", test_plot_empty_size);
  return g_test_run ();
}
