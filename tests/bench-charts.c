/* bench-charts.c: how long each chart takes to draw at 1600x900 (goal: 8 ms or less), and a PNG
 * export of the cashflow chart. A meson benchmark(), never part of the pass/fail suite.
 *
 * Prints one line per chart: median and mean of many draws onto an image surface, after a
 * warm-up that loads the fonts. */
#include <stdio.h>
#include <stdlib.h>

#include "lgr-charts-studies.h"
#include "lgr-export.h"

#define RUNS 60

static int
compare (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static void
report (const char *what, double *ms, int n, double goal)
{
  qsort (ms, n, sizeof (double), compare);
  double sum = 0;
  for (int i = 0; i < n; i++)
    sum += ms[i];
  printf ("%-44s median %6.2f ms  mean %6.2f ms  max %6.2f ms%s\n", what, ms[n / 2], sum / n,
          ms[n - 1], goal <= 0 || ms[n / 2] <= goal ? "" : "  (over the goal)");
}

static void
bench_study (const char *name, LgrStudy *study)
{
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 900);
  for (guint k = 0; k < LGR_N_CHARTS; k++)
    {
      LgrChartOptions o;
      lgr_chart_options_init (&o, k);
      double ms[RUNS];
      for (int i = -5; i < RUNS; i++)
        {
          cairo_t *cr = cairo_create (surface);
          gint64 t0 = g_get_monotonic_time ();
          lgr_chart_draw (cr, results, &o, 1600, 900);
          cairo_surface_flush (surface);
          gint64 t1 = g_get_monotonic_time ();
          cairo_destroy (cr);
          if (i >= 0)
            ms[i] = (t1 - t0) / 1000.0;
        }
      g_autofree char *what = g_strdup_printf ("%s, %s", lgr_chart_kind_to_string (k), name);
      report (what, ms, RUNS, 8.0);
    }
  cairo_surface_destroy (surface);

  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_CASHFLOW);
  double ms[RUNS / 4];
  for (int i = 0; i < RUNS / 4; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr (GBytes) png = lgr_export_chart_png_bytes (results, &o, 1600, 900, 1, NULL);
      ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  g_autofree char *what = g_strdup_printf ("PNG export cashflow, %s", name);
  report (what, ms, RUNS / 4, 0); /* mostly zlib: no goal */
}

int
main (void)
{
  printf ("Chart draw time at 1600x900 (%d runs each)\n", RUNS);
  g_autoptr (LgrStudy) w = lgr_charts_test_warwickshire ();
  bench_study ("Warwickshire", w);
  g_autoptr (LgrStudy) big = lgr_charts_test_study (8, 60, LGR_CHARTS_STUDY_NORMAL);
  bench_study ("8 scenarios x 60 years", big);
  return 0;
}
