/* test-chart-start.c: the starting point on the cashflow and savings charts - its series, its
 * legend entry and text alternative, the thin grey line found in the pixels where the starting
 * series runs, and nothing at all when the starting point is the same as now or the kind does not
 * show it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "lgr-chart-private.h"
#include "lgr-chart.h"
#include "lgr-test-util.h"

#define WIDTH 1200
#define HEIGHT 700

/* The bundled study with the one unitary's looked-after children falling from 64 to 50 per
 * 10,000: the cashflow and the net savings move from the first year the lever realises. */
static LgrStudy *
changed_study (const LgrStudy *study)
{
  LgrStudy *copy = lgr_study_copy (study);
  LgrLever *lever = lgr_scenario_find_lever (lgr_study_find_scenario (copy, "one"), "lac");
  g_assert_nonnull (lever);
  lgr_test_set_cohort_target (lever, 50);
  return copy;
}

typedef struct
{
  LgrStudy *study;
  LgrStudy *changed;
  LgrResults *start; /* of study */
  LgrResults *now;   /* of changed */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->study = lgr_test_load_bundled ();
  f->changed = changed_study (f->study);
  f->start = lgr_results_compute (f->study);
  f->now = lgr_results_compute (f->changed);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  lgr_results_unref (f->now);
  lgr_results_unref (f->start);
  lgr_study_free (f->changed);
  lgr_study_free (f->study);
}

static guint
n_start_series (const LgrChartData *data)
{
  guint n = 0;
  for (guint i = 0; i < data->series->len; i++)
    n += ((const LgrChartSeries *)g_ptr_array_index (data->series, i))->start;
  return n;
}

static gboolean
has_legend (const LgrChartData *data, const char *label)
{
  for (guint i = 0; i < data->legend->len; i++)
    if (g_strcmp0 (g_array_index (data->legend, LgrLegendEntry, i).label, label) == 0)
      return TRUE;
  return FALSE;
}

static cairo_surface_t *
render (const LgrResults *results, const LgrChartOptions *options, LgrChartLayout **layout)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  LgrChartLayout *l = lgr_chart_layout_new (cr, results, options, WIDTH, HEIGHT);
  lgr_chart_layout_draw (l, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (layout)
    *layout = l;
  else
    lgr_chart_layout_free (l);
  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a, cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);
  return stride == cairo_image_surface_get_stride (b)
         && memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                    (gsize)stride * HEIGHT)
                == 0;
}

/* Whether a pixel within radius of (x, y) is a neutral grey a thin line of the starting point's
 * colour leaves on white: the scenarios' colours are not grey, the text and zero line are
 * darker, the gridlines lighter. */
static gboolean
grey_near (cairo_surface_t *surface, double x, double y, int radius)
{
  const guint8 *px = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  for (int dy = -radius; dy <= radius; dy++)
    for (int dx = -radius; dx <= radius; dx++)
      {
        int cx = (int)lround (x) + dx, cy = (int)lround (y) + dy;
        if (cx < 0 || cy < 0 || cx >= WIDTH || cy >= HEIGHT)
          continue;
        guint32 p = *(const guint32 *)(px + cy * stride + 4 * cx);
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
        if (MAX (MAX (r, g), b) - MIN (MIN (r, g), b) <= 6 && r >= 0x80 && r <= 0xc8)
          return TRUE;
      }
  return FALSE;
}

static double
value_y (const LgrChartPanel *panel, double value)
{
  return panel->plot.y + panel->plot.height * (1 - lgr_value_axis_fraction (&panel->y, value));
}

/* The midpoint of the segment of values between years t and t + 1 (away from the markers). */
static void
segment_middle (const LgrChartPanel *panel, const double *values, guint t, double *x, double *y)
{
  *x = (lgr_band_axis_centre (&panel->x, t) + lgr_band_axis_centre (&panel->x, t + 1)) / 2;
  *y = (value_y (panel, values[t]) + value_y (panel, values[t + 1])) / 2;
}

/* The chart of kind drawn with the starting point: its grey line is where the starting series
 * runs (and not there without the starting point), in the panel of the changed scenario. */
static void
check_drawn (Fixture *f, LgrChartKind kind, const double *start_values, guint panel)
{
  LgrChartOptions options;
  lgr_chart_options_init (&options, kind);
  options.start = f->start;
  LgrChartLayout *layout = NULL;
  cairo_surface_t *with = render (f->now, &options, &layout);
  options.start = NULL;
  cairo_surface_t *without = render (f->now, &options, NULL);

  g_assert_cmpuint (panel, <, layout->n_panels);
  const LgrChartPanel *p = &layout->panels[panel];
  guint checked = 0;
  for (guint t = 0; t + 1 < f->now->n_years; t++)
    {
      double x, y;
      segment_middle (p, start_values, t, &x, &y);
      /* only where the live line has moved well away from the starting one */
      const LgrScenarioResult *now = &f->now->scenarios[0];
      const double *live = kind == LGR_CHART_CASHFLOW ? now->cumulative : now->net;
      double lx, ly;
      segment_middle (p, live, t, &lx, &ly);
      if (fabs (ly - y) < 12)
        continue;
      g_assert_true (grey_near (with, x, y, 2));
      g_assert_false (grey_near (without, x, y, 2));
      checked++;
    }
  g_assert_cmpuint (checked, >=, 2);
  lgr_chart_layout_free (layout);
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

static void
test_cashflow (Fixture *f, gconstpointer unused)
{
  LgrChartOptions options;
  lgr_chart_options_init (&options, LGR_CHART_CASHFLOW);
  options.start = f->start;
  g_autoptr (LgrChartData) data = lgr_chart_data_new (f->now, &options);

  /* one starting series per scenario, in its dash, thin and grey, out of the legend */
  g_assert_cmpuint (n_start_series (data), ==, f->now->n_scenarios);
  for (guint i = 0; i < data->series->len; i++)
    {
      const LgrChartSeries *s = g_ptr_array_index (data->series, i);
      if (!s->start)
        continue;
      const LgrScenarioResult *was = NULL;
      const LgrChartSeries *live = NULL;
      for (guint k = 0; k < f->start->n_scenarios; k++)
        if (g_strcmp0 (f->start->scenarios[k].scenario->name, s->label) == 0)
          was = &f->start->scenarios[k];
      for (guint j = 0; j < data->series->len; j++)
        {
          const LgrChartSeries *o = g_ptr_array_index (data->series, j);
          if (!o->start && g_strcmp0 (o->label, s->label) == 0)
            live = o;
        }
      g_assert_nonnull (was);
      g_assert_nonnull (live);
      g_assert_false (s->in_legend);
      g_assert_cmpuint (s->dash, ==, live->dash);
      g_assert_cmpuint (s->marker, ==, G_MAXUINT);
      for (guint t = 0; t < data->n_years; t++)
        g_assert_cmpfloat (s->values[t], ==, was->cumulative[t]);
    }
  g_assert_true (has_legend (data, "Starting point"));

  g_autofree char *text = lgr_chart_describe (f->now, &options);
  g_assert_nonnull (strstr (text, "starting point"));
  g_assert_nonnull (strstr (text, "One unitary"));
  g_autofree char *year = lgr_chart_describe_year (f->now, &options, (int)f->now->n_years - 1);
  g_assert_nonnull (strstr (year, "One unitary, starting point: "));

  check_drawn (f, LGR_CHART_CASHFLOW, f->start->scenarios[0].cumulative, 0);
}

static void
test_savings (Fixture *f, gconstpointer unused)
{
  LgrChartOptions options;
  lgr_chart_options_init (&options, LGR_CHART_SAVINGS);
  options.start = f->start;
  g_autoptr (LgrChartData) data = lgr_chart_data_new (f->now, &options);

  /* the starting net in each scenario's panel */
  g_assert_cmpuint (n_start_series (data), ==, f->now->n_scenarios);
  for (guint i = 0; i < data->series->len; i++)
    {
      const LgrChartSeries *s = g_ptr_array_index (data->series, i);
      if (s->start)
        for (guint t = 0; t < data->n_years; t++)
          g_assert_cmpfloat (s->values[t], ==, f->start->scenarios[s->panel].net[t]);
    }
  g_assert_true (has_legend (data, "Starting point"));

  /* the year's figures are still the live ones, the starting net after them */
  LgrChartOptions plain = options;
  plain.start = NULL;
  int last = (int)f->now->n_years - 1;
  g_autofree char *year = lgr_chart_describe_year (f->now, &options, last);
  g_autofree char *plain_year = lgr_chart_describe_year (f->now, &plain, last);
  g_assert_nonnull (strstr (year, "starting point net"));
  g_auto (GStrv) plain_lines = g_strsplit (plain_year, "\n", -1);
  for (guint i = 0; plain_lines[i]; i++)
    g_assert_nonnull (strstr (year, plain_lines[i]));
  g_autofree char *text = lgr_chart_describe (f->now, &options);
  g_assert_nonnull (strstr (text, "starting point"));

  check_drawn (f, LGR_CHART_SAVINGS, f->start->scenarios[0].net, 0);
}

/* The same study as the start (computed apart, so not the same results): nothing is drawn. */
static void
test_identical (Fixture *f, gconstpointer unused)
{
  g_autoptr (LgrResults) again = lgr_results_compute (f->study);
  for (LgrChartKind kind = 0; kind < LGR_N_CHARTS; kind++)
    {
      if (kind == LGR_CHART_TORNADO || kind == LGR_CHART_UNCERTAINTY)
        continue; /* the draws: slow, and they do not show a starting point anyway */
      LgrChartOptions options;
      lgr_chart_options_init (&options, kind);
      options.start = f->start;
      g_autoptr (LgrChartData) data = lgr_chart_data_new (again, &options);
      g_assert_cmpuint (n_start_series (data), ==, 0);
      g_assert_false (has_legend (data, "Starting point"));
      g_autofree char *text = lgr_chart_describe (again, &options);
      g_assert_null (strstr (text, "starting point"));

      cairo_surface_t *with = render (again, &options, NULL);
      options.start = NULL;
      cairo_surface_t *without = render (again, &options, NULL);
      g_assert_true (same_pixels (with, without));
      cairo_surface_destroy (with);
      cairo_surface_destroy (without);
    }
}

/* The difference and children charts never show it, whatever differs. */
static void
test_other_kinds (Fixture *f, gconstpointer unused)
{
  static const LgrChartKind kinds[] = { LGR_CHART_DIFFERENCE, LGR_CHART_CHILDREN };
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      LgrChartOptions options;
      lgr_chart_options_init (&options, kinds[i]);
      options.start = f->start;
      g_autoptr (LgrChartData) data = lgr_chart_data_new (f->now, &options);
      g_assert_cmpuint (n_start_series (data), ==, 0);
      g_assert_false (has_legend (data, "Starting point"));
    }
}

/* A scenario added since the start has no starting line, but the others still show theirs; a
 * timeline moved a year later lines the starting series up by financial year. */
static void
test_added_and_moved (Fixture *f, gconstpointer unused)
{
  g_autoptr (LgrStudy) moved = lgr_study_copy (f->changed);
  moved->first_year += 1;
  g_autoptr (LgrResults) now = lgr_results_compute (moved);
  LgrChartOptions options;
  lgr_chart_options_init (&options, LGR_CHART_CASHFLOW);
  options.start = f->start;
  g_autoptr (LgrChartData) data = lgr_chart_data_new (now, &options);
  g_assert_cmpuint (n_start_series (data), ==, now->n_scenarios);
  for (guint i = 0; i < data->series->len; i++)
    {
      const LgrChartSeries *s = g_ptr_array_index (data->series, i);
      if (!s->start)
        continue;
      const double *was = f->start->scenarios[0].cumulative;
      if (g_strcmp0 (s->label, f->start->scenarios[0].scenario->name) != 0)
        was = f->start->scenarios[1].cumulative;
      for (guint t = 0; t + 1 < data->n_years; t++)
        g_assert_cmpfloat (s->values[t], ==, was[t + 1]);
      g_assert_true (isnan (s->values[data->n_years - 1]));
    }

  /* only the first scenario left in the start: the second has no starting line */
  g_autoptr (LgrStudy) one = lgr_study_copy (f->study);
  g_ptr_array_remove_index (one->scenarios, 1);
  g_autoptr (LgrResults) start_one = lgr_results_compute (one);
  options.start = start_one;
  g_autoptr (LgrChartData) fewer = lgr_chart_data_new (f->now, &options);
  g_assert_cmpuint (n_start_series (fewer), ==, 1);
  g_assert_true (has_legend (fewer, "Starting point"));
}

/* Random studies of other lengths and shapes as each other's starting point: every chart kind
 * that shows it draws, and every starting value is the start's of that year or NaN. */
static void
test_random (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261130);
  guint n_drawn = 0;
  for (guint round = 0; round < 6; round++)
    {
      g_autoptr (LgrStudy) a = lgr_test_random_study (rand, 1 + round % 3, 3, 4, 1 + round * 7);
      g_autoptr (LgrStudy) b = lgr_test_random_study (rand, 2, 2, 3, 5 + round * 3);
      g_autoptr (LgrResults) start = lgr_results_compute (a);
      g_autoptr (LgrResults) now = lgr_results_compute (b);
      static const LgrChartKind kinds[] = { LGR_CHART_CASHFLOW, LGR_CHART_SAVINGS };
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          LgrChartOptions options;
          lgr_chart_options_init (&options, kinds[k]);
          options.start = start;
          g_autoptr (LgrChartData) data = lgr_chart_data_new (now, &options);
          for (guint i = 0; i < data->series->len; i++)
            {
              const LgrChartSeries *s = g_ptr_array_index (data->series, i);
              if (!s->start)
                continue;
              n_drawn++;
              for (guint t = 0; t < data->n_years; t++)
                {
                  int u = now->first_year + (int)t - start->first_year;
                  if (u < 0 || u >= (int)start->n_years)
                    g_assert_true (isnan (s->values[t]));
                }
            }
          cairo_surface_destroy (render (now, &options, NULL));
          g_autofree char *text = lgr_chart_describe (now, &options);
          g_assert_nonnull (text);
        }
    }
  g_assert_cmpuint (n_drawn, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/charts/start/cashflow", Fixture, NULL, fixture_set_up, test_cashflow,
              fixture_tear_down);
  g_test_add ("/charts/start/savings", Fixture, NULL, fixture_set_up, test_savings,
              fixture_tear_down);
  g_test_add ("/charts/start/identical", Fixture, NULL, fixture_set_up, test_identical,
              fixture_tear_down);
  g_test_add ("/charts/start/other-kinds", Fixture, NULL, fixture_set_up, test_other_kinds,
              fixture_tear_down);
  g_test_add ("/charts/start/added-and-moved", Fixture, NULL, fixture_set_up, test_added_and_moved,
              fixture_tear_down);
  g_test_add_func ("/charts/start/random", test_random);
  return g_test_run ();
}
