/* bench-uncertainty.c: how fast the Monte Carlo, the tornado and the switching values are
 * (docs/benchmarks.md, "Uncertainty"; meson test --benchmark uncertainty, or run it directly).
 *
 * Goals (docs/uncertainty.md): 10,000 draws of the bundled study <= 10 ms on two cores; 1,000
 * draws of 20 scenarios x 40 levers x 40 items x 60 years <= 1 s; tornado plus switching values
 * of the bundled study <= 1 ms. The bundled study is measured with its own ranges and a default
 * range of 10% on everything else (every target, total and amount a quantity). This program
 * measures and prints; it never fails on a slow machine. "bench-uncertainty bundled" measures
 * the bundled study only. Each figure is the wall-clock time and, beside it, the processor time
 * of all threads (on a busy machine the second says what the work costs). */
#include <glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "lgr-sensitivity.h"
#include "lgr-test-util.h"
#include "lgr-uncertainty.h"

static double
cpu_us (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static void
sort (double *v, guint n)
{
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && v[j - 1] > v[j]; j--)
      {
        double t = v[j];
        v[j] = v[j - 1];
        v[j - 1] = t;
      }
}

/* Medians of 9 runs of fn, in microseconds (wall clock, and processor time in *cpu); each run
 * repeats fn until min_us have passed. */
static double
measure_us (void (*fn) (gpointer), gpointer data, gint64 min_us, double *cpu)
{
  double samples[9], cpus[9];
  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      gint64 start = g_get_monotonic_time (), now;
      double cpu_start = cpu_us ();
      guint count = 0;
      do
        {
          fn (data);
          count++;
          now = g_get_monotonic_time ();
        }
      while (now - start < min_us);
      samples[s] = (double)(now - start) / count;
      cpus[s] = (cpu_us () - cpu_start) / count;
    }
  sort (samples, G_N_ELEMENTS (samples));
  sort (cpus, G_N_ELEMENTS (cpus));
  *cpu = cpus[G_N_ELEMENTS (cpus) / 2];
  return samples[G_N_ELEMENTS (samples) / 2];
}

typedef struct
{
  LgrUncertaintyModel *model;
  guint draws;
  guint threads;
} Run;

static void
run_draws (gpointer data)
{
  Run *run = data;
  LgrUncertaintyResults *r
      = lgr_uncertainty_run (run->model, run->draws, 1, run->threads, NULL, NULL, NULL, NULL);
  lgr_uncertainty_results_free (r);
}

static void
run_sensitivity (gpointer data)
{
  lgr_sensitivity_free (lgr_sensitivity_compute (data));
}

int
main (int argc, char *argv[])
{
  g_autoptr (LgrStudy) bundled = NULL;
  g_autoptr (LgrStudy) large = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  g_autoptr (LgrUncertaintyModel) bundled_model = NULL;
  g_autoptr (LgrUncertaintyModel) large_model = NULL;

  setlocale (LC_ALL, "");
  bundled = lgr_test_load_bundled ();
  bundled->default_range = 10;
  bundled_model = lgr_uncertainty_model_new (bundled);
  large = lgr_test_random_study (rand, 20, 40, 40, 60);
  large->default_range = 10;
  large_model = lgr_uncertainty_model_new (large);

  printf ("processors: %u\n", g_get_num_processors ());
  printf ("bundled study: %u quantities\n", lgr_uncertainty_model_get_n_quantities (bundled_model));
  for (guint threads = 1; threads <= 2; threads++)
    {
      Run run = { bundled_model, 10000, threads };
      double cpu, wall = measure_us (run_draws, &run, 200000, &cpu);
      printf ("10,000 draws of the bundled study, %u thread(s): %.2f ms (processor %.2f ms; goal "
              "<= 10 ms on two)\n",
              threads, wall / 1000, cpu / 1000);
    }
  {
    double cpu, wall = measure_us (run_sensitivity, bundled_model, 20000, &cpu);
    printf ("tornado and switching values of the bundled study: %.1f us (processor %.1f us; goal "
            "<= 1000 us)\n",
            wall, cpu);
  }
  if (argc > 1 && strcmp (argv[1], "bundled") == 0)
    return 0;
  printf ("large study (20 x 40 x 40 x 60): %u quantities\n",
          lgr_uncertainty_model_get_n_quantities (large_model));
  for (guint threads = 1; threads <= 2; threads++)
    {
      Run run = { large_model, 1000, threads };
      double cpu, wall = measure_us (run_draws, &run, 1, &cpu);
      printf ("1,000 draws of the large study, %u thread(s): %.0f ms (processor %.0f ms; goal <= "
              "1000 ms on two)\n",
              threads, wall / 1000, cpu / 1000);
    }
  return 0;
}
