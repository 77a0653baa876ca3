/* test-charts.c: the chart parts (axes, palette, layout, legend, layers) and the four charts.
 * The prepared plots, descriptions and the catalogue are in test-chart-plot.c.
 *
 * Every chart is drawn at sizes from 320x200 to 3840x2160, light and dark, for studies with one
 * and eight scenarios, one and sixty years, all-zero values, £10bn values and negative savings.
 * Each drawing must leave cairo without error, paint nothing outside its rectangle, and place
 * its text so that no two labels overlap and none leaves the chart.
 */
#include <math.h>
#include <string.h>

#include "lgr-chart-private.h"
#include "lgr-chart.h"
#include "lgr-charts-studies.h"
#include "lgr-format.h"
#include "lgr-test-util.h"

/* Studies */

typedef struct
{
  const char *name;
  LgrStudy *(*make) (void);
} StudyCase;

static LgrStudy *
make_one_one (void)
{
  return lgr_charts_test_study (1, 1, LGR_CHARTS_STUDY_NORMAL);
}
static LgrStudy *
make_eight_sixty (void)
{
  return lgr_charts_test_study (8, 60, LGR_CHARTS_STUDY_NORMAL);
}
static LgrStudy *
make_one_sixty (void)
{
  return lgr_charts_test_study (1, 60, LGR_CHARTS_STUDY_NORMAL);
}
static LgrStudy *
make_eight_one (void)
{
  return lgr_charts_test_study (8, 1, LGR_CHARTS_STUDY_NORMAL);
}
static LgrStudy *
make_zero (void)
{
  return lgr_charts_test_study (2, 10, LGR_CHARTS_STUDY_ZERO);
}
static LgrStudy *
make_huge (void)
{
  return lgr_charts_test_study (3, 12, LGR_CHARTS_STUDY_HUGE);
}
static LgrStudy *
make_negative (void)
{
  return lgr_charts_test_study (2, 10, LGR_CHARTS_STUDY_NEGATIVE);
}

static LgrStudy *
make_bundled (void)
{
  return lgr_test_load_bundled ();
}

static const StudyCase studies[] = {
  { "bundled file", make_bundled },
  { "warwickshire", lgr_charts_test_warwickshire },
  { "1 scenario, 1 year", make_one_one },
  { "8 scenarios, 60 years", make_eight_sixty },
  { "1 scenario, 60 years", make_one_sixty },
  { "8 scenarios, 1 year", make_eight_one },
  { "all zero", make_zero },
  { "£10bn", make_huge },
  { "negative savings", make_negative },
};

static const int sizes[][2] = {
  { 320, 200 }, { 480, 270 }, { 640, 400 }, { 1024, 576 }, { 1600, 900 }, { 3840, 2160 },
};

/* Axes */

static gboolean
is_round (double step)
{
  double m = step / pow (10, floor (log10 (step) + 1e-9));
  return fabs (m - 1) < 1e-9 || fabs (m - 2) < 1e-9 || fabs (m - 2.5) < 1e-9 || fabs (m - 5) < 1e-9;
}

static void
test_axis_nice_step (void)
{
  g_assert_cmpfloat_with_epsilon (lgr_value_axis_nice_step (100, 5), 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (lgr_value_axis_nice_step (7, 10), 1, 1e-9);
  g_assert_cmpfloat_with_epsilon (lgr_value_axis_nice_step (0.3, 4), 0.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (lgr_value_axis_nice_step (100e6, 5), 20e6, 1e-3);
  g_assert_cmpfloat_with_epsilon (lgr_value_axis_nice_step (90, 4), 25, 1e-9);
  g_assert_cmpfloat_with_epsilon (lgr_value_axis_nice_step (1e10, 4), 2.5e9, 1);
}

static void
test_axis_nice_ticks (void)
{
  LgrValueAxis axis;
  lgr_value_axis_init (&axis, -29.8e6, 341.7e6, 8, TRUE, 1e6);
  g_assert_cmpfloat_with_epsilon (axis.step, 50e6, 1);
  g_assert_cmpfloat (axis.min, ==, -50e6);
  g_assert_cmpfloat (axis.max, ==, 350e6);
  g_assert_cmpuint (axis.n_ticks, ==, 9);

  /* many ranges: round steps, the data covered, no more ticks than asked, zero a tick */
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  for (int i = 0; i < 5000; i++)
    {
      double scale = pow (10, g_rand_double_range (rand, -1, 11));
      double a = g_rand_double_range (rand, -1, 1) * scale;
      double b = a + g_rand_double_range (rand, 0, 2) * scale;
      guint max_ticks = (guint)g_rand_int_range (rand, 1, 11);
      lgr_value_axis_init (&axis, a, b, max_ticks, TRUE, 1);
      g_assert_true (is_round (axis.step));
      g_assert_cmpfloat (axis.min, <=, MIN (a, 0));
      g_assert_cmpfloat (axis.max, >=, MAX (b, 0));
      /* an axis across zero needs an interval on each side */
      guint allowed = MAX (max_ticks, a < 0 && b > 0 ? 2u : 1u);
      g_assert_cmpuint (axis.n_ticks, <=, allowed + 1);
      g_assert_cmpuint (axis.n_ticks, >=, 2);
      gboolean zero = FALSE;
      for (guint t = 0; t < axis.n_ticks; t++)
        zero |= axis.ticks[t] == 0;
      g_assert_true (zero);
      /* the labels of one axis never read like £33.3333m */
      for (guint t = 0; t < axis.n_ticks; t++)
        {
          g_autofree char *label = lgr_format_money_tick (axis.ticks[t], axis.step);
          g_assert_null (strstr (label, "333"));
          g_assert_null (strstr (label, "999"));
        }
    }
}

static void
test_axis_empty_span (void)
{
  LgrValueAxis axis;
  lgr_value_axis_init (&axis, 0, 0, 5, TRUE, 1e6);
  g_assert_cmpfloat (axis.min, ==, 0);
  g_assert_cmpfloat (axis.max, >=, 1e6);
  g_assert_cmpfloat (lgr_value_axis_fraction (&axis, 0), ==, 0);

  lgr_value_axis_init (&axis, -5e6, -5e6, 5, TRUE, 1e6);
  g_assert_cmpfloat (axis.min, <=, -5e6);
  g_assert_cmpfloat (axis.max, ==, 0);

  lgr_value_axis_init (&axis, NAN, 3, 5, TRUE, 1);
  g_assert_true (axis.max > axis.min);
}

static void
test_axis_band (void)
{
  LgrBandAxis x = { 100, 500, 10 };
  g_assert_cmpfloat (lgr_band_axis_band_width (&x), ==, 50);
  g_assert_cmpfloat (lgr_band_axis_centre (&x, 0), ==, 125);
  g_assert_cmpfloat (lgr_band_axis_centre (&x, 9), ==, 575);
  for (guint t = 0; t < 10; t++)
    g_assert_cmpint (lgr_band_axis_index_at (&x, lgr_band_axis_centre (&x, t)), ==, t);
  g_assert_cmpint (lgr_band_axis_index_at (&x, 99), ==, -1);
  g_assert_cmpint (lgr_band_axis_index_at (&x, 600), ==, -1);
  g_assert_cmpint (lgr_band_axis_index_at (&x, 100), ==, 0);
}

/* Palette */

static void
test_palette_deuteranopia (void)
{
  /* Simulated deuteranopia must leave every pair of the palette's colours distinguishable
   * (CIE76 distance >= 15 in CIELAB; 2.3 is a just-noticeable difference). */
  for (int style = 0; style < 2; style++)
    {
      const LgrChartTheme *theme = lgr_chart_theme_get (style);
      for (guint i = 0; i < LGR_CHART_N_PALETTE; i++)
        for (guint j = i + 1; j < LGR_CHART_N_PALETTE; j++)
          {
            LgrRgba a = lgr_chart_palette_colour (theme, i);
            LgrRgba b = lgr_chart_palette_colour (theme, j);
            double d = lgr_chart_colour_distance (lgr_chart_simulate_deuteranopia (a),
                                                  lgr_chart_simulate_deuteranopia (b));
            if (d < 15)
              g_error ("palette colours %u and %u are %.1f apart for deuteranopia", i, j, d);
          }
    }
  /* the test has teeth: a red and a green of equal lightness merge */
  LgrRgba red, green;
  g_assert_true (lgr_chart_parse_colour ("#d62728", &red));
  g_assert_true (lgr_chart_parse_colour ("#2ca02c", &green));
  g_assert_cmpfloat (lgr_chart_colour_distance (red, green), >, 50);
  g_assert_cmpfloat (lgr_chart_colour_distance (lgr_chart_simulate_deuteranopia (red),
                                                lgr_chart_simulate_deuteranopia (green)),
                     <, 15);
  /* white and black are unchanged */
  LgrRgba white = { 1, 1, 1, 1 };
  g_assert_cmpfloat (lgr_chart_colour_distance (lgr_chart_simulate_deuteranopia (white), white), <,
                     1);
}

static void
test_palette_parse (void)
{
  LgrRgba c;
  g_assert_true (lgr_chart_parse_colour ("#1c71d8", &c));
  g_assert_cmpfloat_with_epsilon (c.r, 0x1c / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c.b, 0xd8 / 255.0, 1e-9);
  g_assert_false (lgr_chart_parse_colour ("1c71d8", &c));
  g_assert_false (lgr_chart_parse_colour ("#1c71dz", &c));
  g_assert_false (lgr_chart_parse_colour (NULL, &c));
}

static void
test_palette_scenario_colour (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_CASHFLOW);
  g_autoptr (LgrChartData) data = lgr_chart_data_new (results, &o);
  g_assert_cmpuint (data->series->len, ==, 2);
  LgrChartSeries *one = g_ptr_array_index (data->series, 0);
  LgrRgba expected;
  lgr_chart_parse_colour ("#e66100", &expected);
  g_assert_cmpfloat (one->colour.r, ==, expected.r);
  g_assert_cmpfloat (one->colour.g, ==, expected.g);

  /* without a colour: the palette by position, and different markers and dashes */
  g_autoptr (LgrStudy) plain = lgr_charts_test_study (3, 5, LGR_CHARTS_STUDY_NORMAL);
  g_autoptr (LgrResults) pr = lgr_results_compute (plain);
  g_autoptr (LgrChartData) pd = lgr_chart_data_new (pr, &o);
  const LgrChartTheme *theme = lgr_chart_theme_get (LGR_CHART_STYLE_LIGHT);
  for (guint i = 0; i < 3; i++)
    {
      LgrChartSeries *s = g_ptr_array_index (pd->series, i);
      LgrRgba c = lgr_chart_palette_colour (theme, i);
      g_assert_cmpfloat (s->colour.b, ==, c.b);
      for (guint j = 0; j < i; j++)
        {
          LgrChartSeries *t = g_ptr_array_index (pd->series, j);
          g_assert_cmpuint (s->marker, !=, t->marker);
          g_assert_cmpuint (s->dash, !=, t->dash);
        }
    }
}

/* The public colour of a scenario is the one the chart draws: a cashflow chart of scenarios
 * without colours has pixels of exactly that colour (inside its line), light and dark. */
static void
test_public_scenario_colour (void)
{
  g_autoptr (LgrStudy) plain = lgr_charts_test_study (8, 10, LGR_CHARTS_STUDY_NORMAL);
  g_autoptr (LgrStudy) coloured = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (plain);
  g_autoptr (LgrResults) coloured_results = lgr_results_compute (coloured);
  double rgb[3];
  LgrRgba expected;

  for (int style = 0; style < 2; style++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1600, 900);
      cairo_t *cr = cairo_create (surface);
      LgrChartOptions o;
      const guint8 *px;
      int stride;

      lgr_chart_options_init (&o, LGR_CHART_CASHFLOW);
      o.style = style;
      lgr_chart_draw (cr, results, &o, 1600, 900);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      px = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (guint i = 0; i < results->n_scenarios; i++)
        {
          guint32 want;
          guint n = 0;
          lgr_chart_scenario_colour (results, i, style, rgb);
          g_assert_cmpfloat (rgb[0], ==,
                             lgr_chart_palette_colour (lgr_chart_theme_get (style), i).r);
          want = ((guint32)lround (rgb[0] * 255) << 16) | ((guint32)lround (rgb[1] * 255) << 8)
                 | (guint32)lround (rgb[2] * 255);
          for (int y = 0; y < 900; y++)
            {
              const guint32 *row = (const guint32 *)(px + y * stride);
              for (int x = 0; x < 1600; x++)
                n += (row[x] & 0xffffff) == want;
            }
          if (n < 20)
            g_error ("scenario %u (%06x, %s) is not drawn in its colour (%u pixels)", i, want,
                     style ? "dark" : "light", n);
        }
      cairo_surface_destroy (surface);
    }

  /* A scenario's own colour wins. */
  lgr_chart_scenario_colour (coloured_results, 0, LGR_CHART_STYLE_LIGHT, rgb);
  lgr_chart_parse_colour ("#e66100", &expected);
  g_assert_cmpfloat (rgb[0], ==, expected.r);
  g_assert_cmpfloat (rgb[1], ==, expected.g);
  g_assert_cmpfloat (rgb[2], ==, expected.b);
}

/* Drawing */

#define MARGIN 24

/* Draws onto a surface larger by MARGIN on every side, filled with a colour no chart uses, and
 * checks that the margin is untouched. Returns the layout for further checks. */
static LgrChartLayout *
draw_checked (const LgrResults *results, const LgrChartOptions *options, int w, int h, double scale)
{
  int sw = (int)((w + 2 * MARGIN) * scale), sh = (int)((h + 2 * MARGIN) * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, sw, sh);
  cairo_t *cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 0, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, MARGIN, MARGIN);
  LgrChartLayout *layout = lgr_chart_layout_new (cr, results, options, w, h);
  lgr_chart_layout_draw (layout, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  const guint8 *px = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int m = (int)floor (MARGIN * scale) - 1;
  int x1 = (int)ceil ((MARGIN + w) * scale) + 1, y1 = (int)ceil ((MARGIN + h) * scale) + 1;
  for (int y = 0; y < sh; y++)
    {
      const guint32 *row = (const guint32 *)(px + y * stride);
      gboolean inside_rows = y >= m && y < y1;
      for (int x = 0; x < sw; x++)
        {
          if (inside_rows && x >= m && x < x1)
            {
              x = x1 - 1;
              continue;
            }
          if ((row[x] & 0xffffff) != 0xff00ff)
            g_error ("%s at %dx%d painted outside its rectangle at (%d, %d): %06x",
                     lgr_chart_kind_to_string (options->kind), w, h, x, y, row[x] & 0xffffff);
        }
    }
  cairo_surface_destroy (surface);
  return layout;
}

static void
check_labels (const LgrChartLayout *layout, const char *what)
{
  LgrChartRect canvas = { 0, 0, layout->width, layout->height };
  GArray *labels = layout->labels;
  for (guint i = 0; i < labels->len; i++)
    {
      const LgrChartLabel *a = &g_array_index (labels, LgrChartLabel, i);
      if (!lgr_chart_rect_contains (&canvas, &a->box))
        g_error ("%s: label “%s” (%.1f, %.1f, %.1f x %.1f) leaves the %.0f x %.0f chart", what,
                 a->text, a->box.x, a->box.y, a->box.width, a->box.height, layout->width,
                 layout->height);
      for (guint j = i + 1; j < labels->len; j++)
        {
          const LgrChartLabel *b = &g_array_index (labels, LgrChartLabel, j);
          if (lgr_chart_rect_intersects (&a->box, &b->box))
            g_error ("%s: labels “%s” and “%s” overlap", what, a->text, b->text);
        }
    }
}

static void
check_chart (LgrChartKind kind)
{
  for (guint s = 0; s < G_N_ELEMENTS (studies); s++)
    {
      g_autoptr (LgrStudy) study = studies[s].make ();
      g_autoptr (LgrResults) results = lgr_results_compute (study);
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        for (int style = 0; style < 2; style++)
          {
            /* the biggest size once per study, in the light style: it is slow to scan */
            if (sizes[z][0] > 2000 && style == 1)
              continue;
            LgrChartOptions o;
            lgr_chart_options_init (&o, kind);
            o.style = style;
            o.highlight_index = z % 2 ? (int)results->n_years / 2 : -1;
            g_autofree char *what = g_strdup_printf (
                "%s, %s, %dx%d, %s", lgr_chart_kind_to_string (kind), studies[s].name, sizes[z][0],
                sizes[z][1], style ? "dark" : "light");
            g_autoptr (LgrChartLayout) layout
                = draw_checked (results, &o, sizes[z][0], sizes[z][1], 1.0);
            check_labels (layout, what);
            /* the title and at least one year label survive at every size */
            gboolean title = FALSE, year = FALSE;
            for (guint i = 0; i < layout->labels->len; i++)
              {
                const LgrChartLabel *l = &g_array_index (layout->labels, LgrChartLabel, i);
                title |= l->role == LGR_TEXT_TITLE;
                year |= l->role == LGR_TEXT_X_TICK;
              }
            g_assert_true (title);
            if (layout->data->empty_message == NULL)
              g_assert_true (year);
          }
    }
}

/* Large type (presentation mode, the window's larger font scale): no label overlaps another or
 * leaves the chart, for every chart and study, at a small and a full-HD size. */
static void
test_large_font_scale (void)
{
  static const int large_sizes[][2] = { { 1024, 600 }, { 1920, 1080 } };
  /* the window's scales (1.2 to 1.5) and presentation mode's (about 1.6 to 2) */
  static const double scales[] = { 1.2, 1.6, 2.0 };

  for (int kind = 0; kind < LGR_N_CHARTS; kind++)
    for (guint s = 0; s < G_N_ELEMENTS (studies); s++)
      {
        g_autoptr (LgrStudy) study = studies[s].make ();
        g_autoptr (LgrResults) results = lgr_results_compute (study);
        for (guint z = 0; z < G_N_ELEMENTS (large_sizes); z++)
          for (guint f = 0; f < G_N_ELEMENTS (scales); f++)
            {
              LgrChartOptions o;
              lgr_chart_options_init (&o, kind);
              o.font_scale = scales[f];
              o.show_title = f == 0;
              g_autofree char *what = g_strdup_printf (
                  "%s, %s, %dx%d, font scale %.1f", lgr_chart_kind_to_string (kind),
                  studies[s].name, large_sizes[z][0], large_sizes[z][1], scales[f]);
              g_autoptr (LgrChartLayout) layout
                  = draw_checked (results, &o, large_sizes[z][0], large_sizes[z][1], 1.0);
              check_labels (layout, what);
            }
      }
}

static void
test_cashflow_sizes (void)
{
  check_chart (LGR_CHART_CASHFLOW);
}

static void
test_savings_sizes (void)
{
  check_chart (LGR_CHART_SAVINGS);
}

static void
test_difference_sizes (void)
{
  check_chart (LGR_CHART_DIFFERENCE);
}

static void
test_children_sizes (void)
{
  check_chart (LGR_CHART_CHILDREN);
}

static void
test_layout_year_labels (void)
{
  /* sixty years never get sixty crowded labels: thinned to a round step; ten years in a wide
   * chart get all ten, horizontally */
  g_autoptr (LgrStudy) study = lgr_charts_test_study (1, 60, LGR_CHARTS_STUDY_NORMAL);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_CASHFLOW);
  g_autoptr (LgrChartLayout) layout = draw_checked (results, &o, 1600, 900, 1.0);
  g_assert_cmpuint (layout->panels[0].x_label_step, >, 1);
  g_assert_false (layout->panels[0].x_labels_rotated);

  g_autoptr (LgrStudy) w = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) wr = lgr_results_compute (w);
  g_autoptr (LgrChartLayout) wide = draw_checked (wr, &o, 1600, 900, 1.0);
  g_assert_cmpuint (wide->panels[0].x_label_step, ==, 1);
  guint n = 0;
  for (guint i = 0; i < wide->labels->len; i++)
    n += g_array_index (wide->labels, LgrChartLabel, i).role == LGR_TEXT_X_TICK;
  g_assert_cmpuint (n, ==, 10);

  /* narrower: thinned or upright, never overlapping (checked by check_labels) */
  g_autoptr (LgrChartLayout) narrow = draw_checked (wr, &o, 400, 300, 1.0);
  check_labels (narrow, "narrow");
  g_assert_true (narrow->panels[0].x_label_step > 1 || narrow->panels[0].x_labels_rotated);
}

static void
test_layout_legend_outside_plot (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_study (8, 10, LGR_CHARTS_STUDY_NORMAL);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  for (guint k = 0; k < LGR_N_CHARTS; k++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes) - 1; z++)
      {
        LgrChartOptions o;
        lgr_chart_options_init (&o, k);
        g_autoptr (LgrChartLayout) layout
            = draw_checked (results, &o, sizes[z][0], sizes[z][1], 1.0);
        for (guint i = 0; i < layout->legend_items->len; i++)
          {
            const LgrLegendItem *item = &g_array_index (layout->legend_items, LgrLegendItem, i);
            for (guint p = 0; p < layout->n_panels; p++)
              {
                g_assert_false (
                    lgr_chart_rect_intersects (&item->label.box, &layout->panels[p].plot));
                g_assert_false (lgr_chart_rect_intersects (&item->swatch, &layout->panels[p].plot));
              }
          }
      }
}

static void
test_layout_hidpi (void)
{
  /* drawn at scale 2 the layout in logical units is the same as at scale 1 */
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_CASHFLOW);
  g_autoptr (LgrChartLayout) a = draw_checked (results, &o, 800, 450, 1.0);
  g_autoptr (LgrChartLayout) b = draw_checked (results, &o, 800, 450, 2.0);
  g_assert_cmpuint (a->labels->len, ==, b->labels->len);
  for (guint i = 0; i < a->labels->len; i++)
    {
      const LgrChartLabel *la = &g_array_index (a->labels, LgrChartLabel, i);
      const LgrChartLabel *lb = &g_array_index (b->labels, LgrChartLabel, i);
      g_assert_cmpstr (la->text, ==, lb->text);
      g_assert_cmpfloat_with_epsilon (la->box.x, lb->box.x, 1e-6);
      g_assert_cmpfloat_with_epsilon (la->box.width, lb->box.width, 1e-6);
    }
}

static void
test_year_at_matches_drawing (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  for (guint k = 0; k < LGR_N_CHARTS; k++)
    {
      LgrChartOptions o;
      lgr_chart_options_init (&o, k);
      g_autoptr (LgrChartLayout) layout = draw_checked (results, &o, 1200, 700, 1.0);
      /* the tornado is not drawn by year (and here says there is no range) */
      if (layout->data->bars || layout->data->empty_message)
        {
          g_assert_cmpint (lgr_chart_year_at (results, &o, 1200, 700, 600, 350), ==, -1);
          continue;
        }
      for (guint p = 0; p < layout->n_panels; p++)
        {
          const LgrChartPanel *panel = &layout->panels[p];
          double y = panel->plot.y + panel->plot.height / 2;
          for (guint t = 0; t < results->n_years; t++)
            {
              double x = lgr_band_axis_centre (&panel->x, t);
              g_assert_cmpint (lgr_chart_year_at (results, &o, 1200, 700, x, y), ==, t);
              /* the edges of the band belong to that year too */
              double band = lgr_band_axis_band_width (&panel->x);
              g_assert_cmpint (lgr_chart_year_at (results, &o, 1200, 700, x - band * 0.49, y), ==,
                               t);
            }
        }
      g_assert_cmpint (lgr_chart_year_at (results, &o, 1200, 700, 2, 2), ==, -1);
      g_assert_cmpint (lgr_chart_year_at (results, &o, 1200, 700, 1199, 350), ==, -1);
    }
}

static void
test_savings_stacks (void)
{
  /* the stacked columns of each panel add up to the results' annual figures, and the net line
   * is the results' net */
  g_autoptr (LgrStudy) study = lgr_charts_test_study (3, 12, LGR_CHARTS_STUDY_NORMAL);
  study->benefit_realisation = 80;
  study->cost_contingency = 15;
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_SAVINGS);
  g_autoptr (LgrChartData) data = lgr_chart_data_new (results, &o);
  g_assert_cmpuint (data->n_panels, ==, 3);
  for (guint p = 0; p < 3; p++)
    {
      const LgrScenarioResult *r = &results->scenarios[p];
      for (guint t = 0; t < results->n_years; t++)
        {
          double sum = 0, net = NAN;
          for (guint i = 0; i < data->series->len; i++)
            {
              const LgrChartSeries *s = g_ptr_array_index (data->series, i);
              if (s->panel != p)
                continue;
              if (s->type == LGR_SERIES_COLUMN)
                sum += s->values[t];
              else
                net = s->values[t];
            }
          double expected = r->cashable_savings[t] + r->cost_avoidance[t] - r->one_off_costs[t]
                            - r->recurring_costs[t];
          g_assert_cmpfloat_with_epsilon (sum, expected, 1e-3);
          g_assert_cmpfloat (net, ==, r->net[t]);
        }
    }
  /* legend order: savings, then avoidance, then costs */
  int last_rank = 0;
  for (guint i = 0; i < data->legend->len; i++)
    {
      const LgrLegendEntry *e = &g_array_index (data->legend, LgrLegendEntry, i);
      if (e->type != LGR_SERIES_COLUMN)
        continue;
      int rank = e->hatched ? 1
                 : strstr (e->label, "cost") || strstr (e->label, "Transition")
                         || strstr (e->label, "ICT")
                     ? 2
                     : 0;
      g_assert_cmpint (rank, >=, last_rank);
      last_rank = rank;
    }
}

static void
test_difference_crossover (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_DIFFERENCE);
  g_autoptr (LgrChartData) data = lgr_chart_data_new (results, &o);
  g_assert_cmpuint (data->series->len, ==, 1);
  g_autoptr (LgrComparison) cmp = lgr_results_compare (results, 0, 1);
  const LgrChartSeries *s = g_ptr_array_index (data->series, 0);
  for (guint t = 0; t < results->n_years; t++)
    g_assert_cmpfloat (s->values[t], ==, cmp->cumulative_difference[t]);
  g_assert_cmpuint (data->marks->len, ==, 1);
  const LgrChartMark *m = &g_array_index (data->marks, LgrChartMark, 0);
  g_assert_cmpint (m->kind, ==, LGR_MARK_CROSSOVER);
  g_autofree char *year = lgr_format_financial_year (2025 + cmp->crossover_index);
  g_assert_nonnull (strstr (m->text, year));
  g_assert_cmpfloat (m->index, >, cmp->crossover_index - 1);
  g_assert_cmpfloat (m->index, <=, cmp->crossover_index);

  /* the reference chosen by the order of options->scenarios */
  const char *const order[] = { "two", "one", NULL };
  o.scenarios = order;
  g_autoptr (LgrChartData) swapped = lgr_chart_data_new (results, &o);
  const LgrChartSeries *s2 = g_ptr_array_index (swapped->series, 0);
  g_assert_cmpstr (s2->label, ==, "One unitary");
  g_assert_cmpfloat (s2->values[9], ==, -s->values[9]);
}

static void
test_cashflow_marks (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_CASHFLOW);
  g_autoptr (LgrChartData) data = lgr_chart_data_new (results, &o);
  guint paybacks = 0, peaks = 0;
  for (guint i = 0; i < data->marks->len; i++)
    {
      const LgrChartMark *m = &g_array_index (data->marks, LgrChartMark, i);
      if (m->kind == LGR_MARK_PAYBACK)
        {
          paybacks++;
          g_assert_nonnull (strstr (m->text, "2029/30"));
          g_assert_cmpfloat (m->value, ==, 0);
        }
      else if (m->kind == LGR_MARK_PEAK)
        {
          const LgrScenarioResult *r = &results->scenarios[peaks++];
          g_autofree char *peak = lgr_format_money (r->peak_funding);
          g_assert_nonnull (strstr (m->text, peak));
          g_assert_cmpfloat (m->value, ==, -r->peak_funding);
        }
    }
  g_assert_cmpuint (paybacks, ==, 2);
  g_assert_cmpuint (peaks, ==, 2);

  /* the labels of the marks are drawn at 1600x900 */
  g_autoptr (LgrChartLayout) layout = draw_checked (results, &o, 1600, 900, 1.0);
  guint annotations = 0;
  for (guint i = 0; i < layout->labels->len; i++)
    annotations += g_array_index (layout->labels, LgrChartLabel, i).role == LGR_TEXT_ANNOTATION;
  g_assert_cmpuint (annotations, ==, 4);
}

static void
test_children_series (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_CHILDREN);
  g_autoptr (LgrChartData) data = lgr_chart_data_new (results, &o);
  g_assert_false (data->money);
  g_assert_cmpstr (data->y_title, ==, "children");
  /* three authorities, a scenario (solid) and a baseline (dashed) line each */
  g_assert_cmpuint (data->series->len, ==, 6);
  const LgrChartSeries *north = g_ptr_array_index (data->series, 2);
  const LgrChartSeries *north_base = g_ptr_array_index (data->series, 3);
  g_assert_nonnull (strstr (north->label, "North"));
  g_assert_cmpuint (north->dash, ==, 0);
  g_assert_cmpuint (north_base->dash, !=, 0);
  g_assert_cmpfloat_with_epsilon (north_base->values[0], 72.8 * 66100 / 10000.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (north->values[9], 55 * 66100 / 10000.0, 1e-9);

  /* a study without a looked-after children lever says so */
  g_autoptr (LgrStudy) none = lgr_charts_test_study (1, 5, LGR_CHARTS_STUDY_NORMAL);
  for (guint i = 0; i < 2; i++)
    ((LgrLever *)g_ptr_array_index (((LgrScenario *)g_ptr_array_index (none->scenarios, 0))->levers,
                                    i))
        ->enabled
        = FALSE;
  g_autoptr (LgrResults) nr = lgr_results_compute (none);
  g_autoptr (LgrChartData) nd = lgr_chart_data_new (nr, &o);
  g_assert_nonnull (nd->empty_message);
}

static void
test_scenario_filter (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_study (5, 10, LGR_CHARTS_STUDY_NORMAL);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_CASHFLOW);
  const char *const ids[] = { "s3", "nonsense", "s1", "s3", NULL };
  o.scenarios = ids;
  g_autoptr (LgrChartData) data = lgr_chart_data_new (results, &o);
  g_assert_cmpuint (data->series->len, ==, 2);
  g_assert_cmpstr (((LgrChartSeries *)g_ptr_array_index (data->series, 0))->label, ==,
                   "Scenario number 4");
  const char *const nothing[] = { "nonsense", NULL };
  o.scenarios = nothing;
  g_autoptr (LgrChartLayout) layout = draw_checked (results, &o, 640, 400, 1.0);
  g_assert_nonnull (layout->data->empty_message);
}

static void
test_styles (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  for (int style = 0; style < 2; style++)
    {
      LgrChartOptions o;
      lgr_chart_options_init (&o, LGR_CHART_CASHFLOW);
      o.style = style;
      cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
      cairo_t *cr = cairo_create (s);
      lgr_chart_draw (cr, results, &o, 400, 300);
      cairo_destroy (cr);
      cairo_surface_flush (s);
      guint32 corner = *(guint32 *)cairo_image_surface_get_data (s) & 0xffffff;
      cairo_surface_destroy (s);
      if (style == LGR_CHART_STYLE_LIGHT)
        g_assert_cmphex (corner, ==, 0xffffff);
      else
        g_assert_cmphex (corner & 0xff, <, 0x40);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/axis/nice-step", test_axis_nice_step);
  g_test_add_func ("/charts/axis/nice-ticks", test_axis_nice_ticks);
  g_test_add_func ("/charts/axis/empty-span", test_axis_empty_span);
  g_test_add_func ("/charts/axis/band", test_axis_band);
  g_test_add_func ("/charts/palette/deuteranopia", test_palette_deuteranopia);
  g_test_add_func ("/charts/palette/parse", test_palette_parse);
  g_test_add_func ("/charts/palette/scenario-colour", test_palette_scenario_colour);
  g_test_add_func ("/charts/palette/public-scenario-colour", test_public_scenario_colour);
  g_test_add_func ("/charts/layout/large-font-scale", test_large_font_scale);
  g_test_add_func ("/charts/layout/year-labels", test_layout_year_labels);
  g_test_add_func ("/charts/layout/legend-outside-plot", test_layout_legend_outside_plot);
  g_test_add_func ("/charts/layout/hidpi", test_layout_hidpi);
  g_test_add_func ("/charts/layout/year-at", test_year_at_matches_drawing);
  g_test_add_func ("/charts/layout/styles", test_styles);
  g_test_add_func ("/charts/scenario-filter", test_scenario_filter);
  g_test_add_func ("/charts/cashflow/marks", test_cashflow_marks);
  g_test_add_func ("/charts/savings/stacks", test_savings_stacks);
  g_test_add_func ("/charts/difference/crossover", test_difference_crossover);
  g_test_add_func ("/charts/children/series", test_children_series);
  g_test_add_func ("/charts/cashflow/sizes", test_cashflow_sizes);
  g_test_add_func ("/charts/savings/sizes", test_savings_sizes);
  g_test_add_func ("/charts/difference/sizes", test_difference_sizes);
  g_test_add_func ("/charts/children/sizes", test_children_sizes);
  return g_test_run ();
}
