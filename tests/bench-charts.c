/* bench-charts.c: how long each chart takes to draw at 1600x900 (goal: 8 ms or less), a PNG
 * export of the cashflow chart, and a hover in the window: a prepared plot (LgrChartPlot)
 * redrawn with a new highlighted year against the whole chart built and drawn again. A meson
 * benchmark(), never part of the pass/fail suite.
 *
 * Prints one line per chart: median and mean of many draws onto an image surface, after a
 * warm-up that loads the fonts. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

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
  printf ("%-56s median %6.2f ms  mean %6.2f ms  max %6.2f ms%s\n", what, ms[n / 2], sum / n,
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

/* Processor time of this thread, in microseconds: the machine may be shared. */
static gint64
cpu_time (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* One pointer move onto a new year in the window (1000x600, the window's font scale, no title):
 * what the chart view did before it kept a plot - hit-test, text alternative, the year's figures
 * and the draw, each building the chart again - against the kept plot's hit-test, figures and
 * draw. */
static void
bench_hover (const char *name, LgrStudy *study)
{
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  const int w = 1000, h = 600;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  for (guint k = 0; k < LGR_N_CHARTS; k++)
    {
      LgrChartOptions o;
      lgr_chart_options_init (&o, k);
      o.show_title = FALSE;
      o.font_scale = 1.2;
      g_autoptr (LgrChartPlot) plot = lgr_chart_plot_new (results, &o, w, h);
      double rebuilt[RUNS], kept[RUNS], redraw[RUNS];
      for (int i = -5; i < RUNS; i++)
        {
          double x = 80 + (i + 5) * 13 % (w - 160), y = h / 2.0;
          cairo_t *cr = cairo_create (surface);
          gint64 t0 = cpu_time ();
          o.highlight_index = lgr_chart_year_at (results, &o, w, h, x, y);
          g_autofree char *description = lgr_chart_describe (results, &o);
          g_autofree char *text = lgr_chart_describe_year (results, &o, o.highlight_index);
          lgr_chart_draw (cr, results, &o, w, h);
          cairo_surface_flush (surface);
          gint64 t1 = cpu_time ();
          int year = lgr_chart_plot_year_at (plot, x, y);
          g_autofree char *kept_text = lgr_chart_plot_describe_year (plot, year);
          gint64 t2 = cpu_time ();
          lgr_chart_plot_draw (plot, cr, year);
          cairo_surface_flush (surface);
          gint64 t3 = cpu_time ();
          cairo_destroy (cr);
          if (i >= 0)
            {
              rebuilt[i] = (t1 - t0) / 1000.0;
              kept[i] = (t3 - t1) / 1000.0;
              redraw[i] = (t3 - t2) / 1000.0;
            }
        }
      g_autofree char *a
          = g_strdup_printf ("hover, rebuilt, %s, %s", lgr_chart_kind_to_string (k), name);
      report (a, rebuilt, RUNS, 0);
      g_autofree char *b
          = g_strdup_printf ("hover, kept plot, %s, %s", lgr_chart_kind_to_string (k), name);
      report (b, kept, RUNS, 0);
      g_autofree char *c
          = g_strdup_printf ("  of which the draw, %s, %s", lgr_chart_kind_to_string (k), name);
      report (c, redraw, RUNS, 0);
    }
  cairo_surface_destroy (surface);
}

int
main (void)
{
  printf ("Chart draw time at 1600x900 (%d runs each)\n", RUNS);
  g_autoptr (LgrStudy) w = lgr_charts_test_warwickshire ();
  bench_study ("Warwickshire", w);
  g_autoptr (LgrStudy) big = lgr_charts_test_study (8, 60, LGR_CHARTS_STUDY_NORMAL);
  bench_study ("8 scenarios x 60 years", big);
  printf ("\nA hover in the window at 1000x600, processor time: rebuilt each time, or drawn "
          "from a kept plot\n");
  bench_hover ("Warwickshire", w);
  bench_hover ("8 scenarios x 60 years", big);
  return 0;
}
