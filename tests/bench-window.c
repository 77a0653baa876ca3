/* bench-window.c: what one lever change costs the window (meson test --benchmark, under Xvfb).
 *
 * Goals (issue 8, "calm, fast edits"): app CPU per lever change <= 3 ms on the bundled study and
 * <= 16 ms on a study of 16 scenarios x 40 years x 40 levers, so that a slider drag keeps 60
 * frames a second. Each change goes through the document edit a lever row's slider makes
 * (lgr_document_set_lever with a merge key); then the main loop runs until the window's frame
 * clock has painted a frame after it and nothing else is pending. The CPU time of this process
 * (getrusage: user + system) over the changes, divided by their number, is one run; the figure
 * is the median of several runs. The X server's own time is not counted. This program measures
 * and prints; it never fails on a slow machine. Figures are recorded in docs/benchmarks.md. */
#include <adwaita.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "lgr-test-util.h"
#include "lgr-window-private.h"

#define N_RUNS 5
#define TIMEOUT_US (10 * G_USEC_PER_SEC)

static double
cpu_ms (void)
{
  struct rusage usage;
  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

/* The CPU of a frame's paint phase: GTK's snapshot of what changed and its renderer. The mark
 * is taken at the end of each phase before it (connected "after", these handlers run after
 * every other of the phase: GDK's, GTK's tick callbacks and layout), and the paint phase is
 * summed when it ends. */
typedef struct
{
  double mark;
  double total;
} PaintTime;

static void
on_phase_end (GdkFrameClock *clock, PaintTime *paint)
{
  paint->mark = cpu_ms ();
}

static void
on_paint_end (GdkFrameClock *clock, PaintTime *paint)
{
  paint->total += cpu_ms () - paint->mark;
}

static void
on_after_paint (GdkFrameClock *clock, guint *n_paints)
{
  (*n_paints)++;
}

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until a frame has been painted since *n_paints was paint_mark and no event
 * is left. A window that paints nothing for the timeout after a change has stalled (not a slow
 * machine): that ends the benchmark, with a message. */
static void
wait_for_frame (guint *n_paints, guint paint_mark)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_US;
  guint waker = g_timeout_add (100, wake, NULL); /* so that the loop sees the time pass */

  while (g_get_monotonic_time () < end)
    {
      if (*n_paints > paint_mark && !g_main_context_pending (NULL))
        {
          g_source_remove (waker);
          return;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_printerr ("bench-window: no frame was painted within %d s of a change: the window stalled\n",
              (int)(TIMEOUT_US / G_USEC_PER_SEC));
  exit (1);
}

static gboolean
runner_idle (gpointer runner)
{
  return !lgr_uncertainty_runner_get_running (runner);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y ? 1 : 0;
}

typedef struct
{
  double cpu_ms;   /* per change, median of the runs */
  double edit_ms;  /* of which in the edit: the document and its "changed" handlers */
  double paint_ms; /* of which in painting: GTK's snapshot and renderer */
  double wall_ms;  /* per change, median of the runs */
  double min_ms, max_ms;
  guint verdict_resizes; /* changes after which the verdict asked for a new layout */
  guint n_changes;
  double repaint_ms; /* the chart painted again, unchanged, per frame */
} Figures;

/* The chart's share of a change: the chart painted again, as it is, every frame (its drawing
 * recorded and rasterised, and its area composited and sent to the X server) while nothing else
 * changes and the application does no other work. CPU per frame, median of the runs. */
static double
measure_chart_repaint (GtkWidget *chart, guint *n_paints, guint n_frames)
{
  double cpu[N_RUNS];

  for (guint run = 0; run < N_RUNS; run++)
    {
      double start = cpu_ms ();
      for (guint i = 0; i < n_frames; i++)
        {
          guint mark = *n_paints;
          gtk_widget_queue_draw (chart);
          wait_for_frame (n_paints, mark);
        }
      cpu[run] = (cpu_ms () - start) / n_frames;
    }
  qsort (cpu, N_RUNS, sizeof (double), compare_doubles);
  return cpu[N_RUNS / 2];
}

/* Opens a window on study (taken), moves one lever of the shown scenario n_changes times per run
 * and returns the median CPU per change. */
static Figures
measure (LgrStudy *study, const char *scenario_id, const char *lever_id, guint n_changes,
         gboolean sidebar)
{
  g_autoptr (LgrDocument) document = lgr_document_new (study, NULL);
  LgrWindow *window = lgr_window_new (NULL, NULL);
  GdkFrameClock *clock;
  guint n_paints = 0;
  PaintTime paint_time = { 0 };
  double cpu[N_RUNS], edit[N_RUNS], wall[N_RUNS], paint[N_RUNS];
  Figures figures;
  double base;
  guint verdict_resizes;

  lgr_window_set_document (window, document);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  lgr_scenario_sidebar_select (lgr_window_get_sidebar (window), scenario_id);
  adw_flap_set_reveal_flap (window->flap, sidebar);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_assert_nonnull (clock);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &n_paints);
  g_signal_connect_after (clock, "before-paint", G_CALLBACK (on_phase_end), &paint_time);
  g_signal_connect_after (clock, "update", G_CALLBACK (on_phase_end), &paint_time);
  g_signal_connect_after (clock, "layout", G_CALLBACK (on_phase_end), &paint_time);
  g_signal_connect_after (clock, "paint", G_CALLBACK (on_paint_end), &paint_time);
  wait_for_frame (&n_paints, n_paints);
  /* The window as someone finds it who opened the study and looked before moving a lever: the
   * Monte Carlo of the study as opened has finished (it runs in a thread, and on the large
   * study would otherwise be counted in the first changes). A drag starts no new run: it waits
   * until the study has been left alone. */
  if (!lgr_test_wait_until (runner_idle, window->uncertainty))
    g_error ("bench-window: the uncertainty run of the study as opened did not finish");

  base = lgr_scenario_find_lever (
             lgr_study_find_scenario (lgr_document_get_study (document), scenario_id), lever_id)
             ->cohort_target;
  verdict_resizes = lgr_wrap_label_get_n_resizes (window->verdict_label);
  for (guint run = 0; run < N_RUNS; run++)
    {
      double start_cpu = cpu_ms (), edit_cpu = 0, start_paint = paint_time.total;
      gint64 start_wall = g_get_monotonic_time ();

      for (guint i = 0; i < n_changes; i++)
        {
          const LgrScenario *scenario
              = lgr_study_find_scenario (lgr_document_get_study (document), scenario_id);
          g_autoptr (LgrLever) lever
              = lgr_lever_copy (lgr_scenario_find_lever (scenario, lever_id));
          g_autoptr (GError) error = NULL;
          guint mark = n_paints;
          double before;

          /* back and forth by up to 2%, as a drag does */
          lever->cohort_target = base * (1.0 + 0.001 * (double)((run * n_changes + i) % 20 + 1));
          before = cpu_ms ();
          if (!lgr_document_set_lever (document, scenario_id, lever, "bench-drag", &error))
            g_error ("bench-window: the edit was refused: %s", error->message);
          edit_cpu += cpu_ms () - before;
          wait_for_frame (&n_paints, mark);
        }
      edit[run] = edit_cpu / n_changes;
      paint[run] = (paint_time.total - start_paint) / n_changes;
      cpu[run] = (cpu_ms () - start_cpu) / n_changes;
      wall[run] = (double)(g_get_monotonic_time () - start_wall) / 1e3 / n_changes;
    }
  figures.verdict_resizes = lgr_wrap_label_get_n_resizes (window->verdict_label) - verdict_resizes;
  figures.repaint_ms
      = measure_chart_repaint (GTK_WIDGET (window->chart_view), &n_paints, n_changes);
  figures.n_changes = N_RUNS * n_changes;
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, &n_paints);
  g_signal_handlers_disconnect_by_data (clock, &paint_time);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  qsort (cpu, N_RUNS, sizeof (double), compare_doubles);
  qsort (wall, N_RUNS, sizeof (double), compare_doubles);
  qsort (edit, N_RUNS, sizeof (double), compare_doubles);
  qsort (paint, N_RUNS, sizeof (double), compare_doubles);
  figures.edit_ms = edit[N_RUNS / 2];
  figures.paint_ms = paint[N_RUNS / 2];
  figures.cpu_ms = cpu[N_RUNS / 2];
  figures.min_ms = cpu[0];
  figures.max_ms = cpu[N_RUNS - 1];
  figures.wall_ms = wall[N_RUNS / 2];
  return figures;
}

static void
report (const char *what, Figures f, double goal_ms)
{
  printf ("%-44s %7.2f ms CPU per change (runs %.2f-%.2f; wall %.1f ms)   (goal <= %.0f ms: %s)\n",
          what, f.cpu_ms, f.min_ms, f.max_ms, f.wall_ms, goal_ms,
          f.cpu_ms <= goal_ms ? "met" : "NOT MET");
  printf ("%-44s %7.2f ms in the edit (the document and its \"changed\" handlers), %.2f ms in the "
          "frame\n",
          "", f.edit_ms, f.cpu_ms - f.edit_ms);
  printf ("%-44s %7.2f ms of the frame painting (GTK's snapshot and cairo renderer); the rest, "
          "%.2f ms, updating the views and laying them out\n",
          "", f.paint_ms, f.cpu_ms - f.edit_ms - f.paint_ms);
  printf ("%-44s the verdict laid the window out again after %u of %u changes\n", "",
          f.verdict_resizes, f.n_changes);
  printf ("%-44s %7.2f ms to paint the chart again, unchanged (its share of a change)\n", "",
          f.repaint_ms);
  fflush (stdout);
}

int
main (int argc, char **argv)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (8);
  LgrStudy *large;
  const LgrScenario *first;
  const LgrLever *lever = NULL;

  setlocale (LC_ALL, "");
  gtk_init ();
  adw_init ();

  printf ("One lever change through the window (renderer %s), median of %d runs\n",
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default", N_RUNS);
  /* An argument "bundled" or "large" runs only that one. */
  if (argc < 2 || g_str_equal (argv[1], "bundled"))
    report ("bundled study (lever north-lac of \"two\")",
            measure (lgr_test_load_bundled (), "two", "north-lac", 40, TRUE), 3);
  /* What the window's own views cost, without the lever rows on screen. */
  if (argc < 2 || g_str_equal (argv[1], "bundled"))
    report ("bundled study, sidebar hidden",
            measure (lgr_test_load_bundled (), "two", "north-lac", 40, FALSE), 3);
  if (argc >= 2 && !g_str_equal (argv[1], "large"))
    return 0;

  large = lgr_test_random_study (rand, 16, 40, 4, 40);
  first = g_ptr_array_index (large->scenarios, 0);
  for (guint i = 0; i < first->levers->len && lever == NULL; i++)
    {
      const LgrLever *l = g_ptr_array_index (first->levers, i);
      /* a target a drag can move: the random studies carry extreme values too (5e-324, which
       * a 0.1% step leaves unchanged, so the window would have nothing to paint) */
      if (l->enabled && l->cohort_target >= 1 && l->cohort_target <= 1e6)
        lever = l;
    }
  if (lever == NULL)
    g_error ("bench-window: the generated study has no lever to move");
  {
    g_autofree char *scenario_id = g_strdup (first->id);
    g_autofree char *lever_id = g_strdup (lever->id);
    report ("16 scenarios x 40 years x 40 levers", measure (large, scenario_id, lever_id, 10, TRUE),
            16);
  }
  return 0;
}
