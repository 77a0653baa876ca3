/* bench-core.c: how fast the core is (meson test --benchmark, or run it directly).
 *
 * Goals (issue: core): bundled study computed in <= 20 us; a large study (20 scenarios x 40
 * levers x 40 items x 60 years) in <= 5 ms; a ~5 MB study loaded in <= 100 ms; a number
 * formatted at least 5 times as fast as by the first formatter (printf and strtod). This program
 * measures and prints; it never fails on a slow machine. Figures are recorded in
 * docs/benchmarks.md. With --write-largest-study=FILE it writes the largest study a file may hold,
 * for timing the command line on it. */
#include <glib.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lgr-number.h"
#include "lgr-results.h"
#include "lgr-rules.h"
#include "lgr-study-io.h"
#include "lgr-test-util.h"

/* Median of runs of fn, in microseconds: each run repeats fn until 20 ms have passed. */
static double
measure_us (void (*fn) (gpointer), gpointer data)
{
  double samples[9];
  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      gint64 start = g_get_monotonic_time (), now;
      guint count = 0;
      do
        {
          fn (data);
          count++;
          now = g_get_monotonic_time ();
        }
      while (now - start < 20000);
      samples[s] = (double)(now - start) / count;
    }
  /* insertion sort, then the middle */
  for (guint i = 1; i < G_N_ELEMENTS (samples); i++)
    for (guint j = i; j > 0 && samples[j - 1] > samples[j]; j--)
      {
        double t = samples[j];
        samples[j] = samples[j - 1];
        samples[j - 1] = t;
      }
  return samples[G_N_ELEMENTS (samples) / 2];
}

static void
compute (gpointer data)
{
  LgrResults *results = lgr_results_compute (data);
  lgr_results_free (results);
}

typedef struct
{
  const char *xml;
  gsize length;
} Xml;

static void
load (gpointer data)
{
  Xml *xml = data;
  g_autoptr (GError) error = NULL;
  LgrStudy *study = lgr_study_load_data (xml->xml, xml->length, "large.lgr", &error);
  g_assert_no_error (error);
  lgr_study_free (study);
}

static void
serialise (gpointer data)
{
  gsize length = 0;
  g_free (lgr_study_to_xml (data, &length));
}

static void
report (const char *what, double us, double goal_us)
{
  printf ("%-58s %10.1f us   (goal <= %.0f us: %s)\n", what, us, goal_us,
          us <= goal_us ? "met" : "NOT MET");
}

/* Numbers: the formatter as first written (three printf and strtod calls; the definition that
 * tests/test-format.c keeps) against lgr_number_to_buffer(), on the same arrays of doubles. */

#define N_NUMBERS 4096

typedef struct
{
  double values[N_NUMBERS];
} Numbers;

static void
format_before (gpointer data)
{
  Numbers *numbers = data;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  for (guint i = 0; i < N_NUMBERS; i++)
    {
      double value = numbers->values[i];
      for (int precision = 15; precision <= 17; precision++)
        {
          const char *format = precision == 15 ? "%.15g" : precision == 16 ? "%.16g" : "%.17g";
          double back;
          g_ascii_formatd (buf, sizeof buf, format, value);
          back = g_ascii_strtod (buf, NULL);
          if (memcmp (&back, &value, sizeof value) == 0)
            break;
        }
    }
}

static void
format_after (gpointer data)
{
  Numbers *numbers = data;
  char buf[LGR_NUMBER_BUF_SIZE];
  for (guint i = 0; i < N_NUMBERS; i++)
    lgr_number_to_buffer (numbers->values[i], buf);
}

static void
report_numbers (const char *what, Numbers *numbers)
{
  double before = measure_us (format_before, numbers) * 1000 / N_NUMBERS;
  double after = measure_us (format_after, numbers) * 1000 / N_NUMBERS;
  printf ("format a number: %-40s %7.0f ns before, %5.0f ns after: %4.1fx (goal >= 5x: %s)\n", what,
          before, after, before / after, before >= 5 * after ? "met" : "NOT MET");
}

static void
bench_numbers (const LgrResults *results)
{
  g_autofree Numbers *numbers = g_new0 (Numbers, 1);
  g_autoptr (GRand) rand = g_rand_new_with_seed (8008);

  /* what --summary writes: every annual figure of the large study's results, in order */
  guint n = 0;
  for (guint s = 0; s < results->n_scenarios && n < N_NUMBERS; s++)
    for (guint l = 0; l < results->scenarios[s].n_levers && n < N_NUMBERS; l++)
      {
        const LgrLeverResult *lever = &results->scenarios[s].levers[l];
        const double *series[] = { lever->saving, lever->volume_effect, lever->price_effect,
                                   lever->baseline_cohort, lever->scenario_unit_cost };
        for (guint i = 0; i < G_N_ELEMENTS (series); i++)
          for (guint t = 0; t < results->n_years && n < N_NUMBERS; t++)
            numbers->values[n++] = series[i][t];
      }
  for (; n < N_NUMBERS; n++)
    numbers->values[n] = n;
  report_numbers ("figures of the large study", numbers);

  for (n = 0; n < N_NUMBERS; n++)
    {
      char text[32];
      g_snprintf (text, sizeof text, "%d.%d", g_rand_int_range (rand, 0, 100000),
                  g_rand_int_range (rand, 0, 100));
      numbers->values[n] = g_ascii_strtod (text, NULL);
    }
  report_numbers ("short decimals (12345.67)", numbers);

  for (n = 0; n < N_NUMBERS; n++)
    {
      guint64 bits;
      do
        {
          bits = (guint64)g_rand_int (rand) << 32 | g_rand_int (rand);
          memcpy (&numbers->values[n], &bits, sizeof bits);
        }
      while (!isfinite (numbers->values[n]));
    }
  report_numbers ("random bit patterns", numbers);
}

/* The largest study a file may hold (just under LGR_MAX_FILE_SIZE): random scenarios of 40 levers
 * and 40 items over 60 years, as many as fit. For timing the command line on it:
 *   bench-core --write-largest-study=/tmp/largest.lgr
 *   time lgr-explorer --summary=json /tmp/largest.lgr >/dev/null */
static int
write_largest_study (const char *path)
{
  g_autoptr (GError) error = NULL;
  gsize length = 0;
  guint n = 100;

  {
    g_autoptr (GRand) rand = g_rand_new_with_seed (20261129);
    g_autoptr (LgrStudy) sample = lgr_test_random_study (rand, n, 40, 40, 60);
    g_free (lgr_study_to_xml (sample, &length));
  }
  n = (guint)(n * (double)LGR_MAX_FILE_SIZE / length);
  for (;; n--)
    {
      g_autoptr (GRand) rand = g_rand_new_with_seed (20261129);
      g_autoptr (LgrStudy) study = lgr_test_random_study (rand, n, 40, 40, 60);
      g_autofree char *xml = lgr_study_to_xml (study, &length);
      if (length > LGR_MAX_FILE_SIZE)
        continue;
      if (!g_file_set_contents (path, xml, (gssize)length, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      printf ("%s: %u scenarios x 40 levers x 40 items x 60 years, %" G_GSIZE_FORMAT " bytes\n",
              path, n, length);
      return 0;
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL); /* for g_assert and $LGR_SOURCE_DIR handling */
  if (argc == 2 && g_str_has_prefix (argv[1], "--write-largest-study="))
    return write_largest_study (argv[1] + strlen ("--write-largest-study="));

  g_autoptr (LgrStudy) bundled = lgr_test_load_bundled ();
  report ("compute bundled study (2 scenarios, 13 levers, 10 years)", measure_us (compute, bundled),
          20);

  g_autoptr (GRand) rand = g_rand_new_with_seed (20261123);
  g_autoptr (LgrStudy) large = lgr_test_random_study (rand, 20, 40, 40, 60);
  report ("compute large study (20 x 40 levers x 40 items x 60 years)", measure_us (compute, large),
          5000);
  {
    g_autoptr (LgrResults) results = lgr_results_compute (large);
    bench_numbers (results);
  }

  /* Grow a study until its file is about 5 MB. */
  g_autoptr (LgrStudy) big = lgr_test_random_study (rand, 100, 40, 40, 60);
  gsize length = 0;
  g_autofree char *xml = lgr_study_to_xml (big, &length);
  Xml data = { xml, length };
  g_autofree char *what = g_strdup_printf ("load a %.1f MB study", length / 1e6);
  report (what, measure_us (load, &data), 100000);
  g_autofree char *what2 = g_strdup_printf ("serialise a %.1f MB study", length / 1e6);
  report (what2, measure_us (serialise, big), 100000);
  return 0;
}
