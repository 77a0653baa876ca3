/* lgr-uncertainty-run.c: the Monte Carlo of docs/uncertainty.md - the draws, spread over
 * threads, and the statistics of them (see lgr-uncertainty.h).
 *
 * Each thread takes a range of draws and writes its own slots of the per-draw arrays, so the
 * figures are the same whatever the number of threads and their order; the statistics read
 * the arrays in draw order once every thread is done. A draw copies the central slots, sets
 * its quantities' and evaluates the model: it allocates nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-uncertainty-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lgr-format.h"

#define MAX_MEMORY ((guint64)2 << 30) /* bytes of per-draw figures */
#define CHUNK 256                     /* draws between looks at cancelling and progress */

typedef struct
{
  const LgrUncertaintyModel *m;
  guint64 seed;
  guint draws;
  guint from, to;
  double *total_net; /* [s * draws + i] */
  double *npv;
  double *peak;
  int *payback;       /* payback year index, -1 for none */
  double *cumulative; /* [(s * n_years + t) * draws + i] */
  GCancellable *cancellable;
  gint *done;
  LgrUncertaintyProgress progress; /* for the calling thread's job only */
  gpointer user_data;
} Job;

static void
set_quantities (const LgrUncertaintyModel *m, guint64 seed, guint64 draw, double *x)
{
  const LgrModelQuantity *qs = (const LgrModelQuantity *)m->quantities->data;
  const LgrMember *members = (const LgrMember *)m->members->data;

  for (guint k = 0; k < m->quantities->len; k++)
    {
      double u = lgr_uncertainty_uniform (seed, draw, k);
      for (guint j = 0; j < qs[k].n_members; j++)
        {
          const LgrMember *mb = &members[qs[k].first_member + j];
          /* lgr_uncertainty_triangular() with its constants computed once, one square root
           * whichever side u falls (no branch to mispredict) */
          gboolean below = u < mb->mode_share;
          double r = sqrt (below ? u * mb->below : (1 - u) * mb->above);
          double v = below ? mb->low + r : mb->high - r;
          x[mb->slot] = qs[k].q.whole ? round (v) : v; /* halves away from zero */
        }
    }
}

static gpointer
run_job (gpointer data)
{
  Job *j = data;
  const LgrUncertaintyModel *m = j->m;
  LgrScratch *w = lgr_scratch_new (m);
  guint n = m->n_years, D = j->draws;

  for (guint i = j->from; i < j->to; i++)
    {
      if ((i - j->from) % CHUNK == 0 && i > j->from)
        {
          g_atomic_int_add (j->done, CHUNK);
          if (g_cancellable_is_cancelled (j->cancellable))
            break;
          if (j->progress != NULL)
            j->progress ((guint)g_atomic_int_get (j->done), D, j->user_data);
        }
      if (m->n_slots > 0) /* (a study with nothing uncertain has no slots) */
        memcpy (w->x, m->central, m->n_slots * sizeof (double));
      set_quantities (m, j->seed, i, w->x);
      lgr_model_evaluate (m, w);
      for (guint s = 0; s < m->n_scenarios; s++)
        {
          const LgrOutcome *o = &w->outcomes[s];
          gsize at = (gsize)s * D + i;
          j->total_net[at] = o->total_net;
          j->npv[at] = o->npv;
          j->peak[at] = o->peak_funding;
          j->payback[at] = o->has_payback ? o->payback_index : -1;
          for (guint t = 0; t < n; t++)
            j->cumulative[((gsize)s * n + t) * D + i] = o->cumulative[t];
        }
    }
  lgr_scratch_free (w);
  return NULL;
}

/* Statistics */

static inline void
swap (double *a, gssize i, gssize j)
{
  double t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/* Floyd and Rivest's selection (Communications of the ACM, "Algorithm 489: SELECT", 1975):
 * moves the k-th smallest of a[left..right] to a[k], smaller ones before it, larger after. A
 * sample narrows the range around k first, so a selection costs about 1.5 n comparisons. Which
 * algorithm finds it does not change the value: the percentile is the same. */
static void
select_range (double *a, gssize left, gssize right, gssize k)
{
  while (right > left)
    {
      if (right - left > 600)
        {
          double n = (double)(right - left + 1), i = (double)(k - left + 1);
          double z = log (n), s = 0.5 * exp (2 * z / 3);
          double sd = 0.5 * sqrt (z * s * (n - s) / n) * (i - n / 2 < 0 ? -1 : 1);
          gssize new_left = MAX (left, (gssize)(k - i * s / n + sd));
          gssize new_right = MIN (right, (gssize)(k + (n - i) * s / n + sd));
          select_range (a, new_left, new_right, k);
        }
      double t = a[k];
      gssize i = left, j = right;
      swap (a, left, k);
      if (a[right] > t)
        swap (a, right, left);
      while (i < j)
        {
          swap (a, i, j);
          i++;
          j--;
          while (a[i] < t)
            i++;
          while (a[j] > t)
            j--;
        }
      if (a[left] == t)
        swap (a, left, j);
      else
        {
          j++;
          swap (a, j, right);
        }
      if (j <= k)
        left = j + 1;
      if (k <= j)
        right = j - 1;
    }
}

static double
select_kth (double *a, gsize n, gsize k)
{
  select_range (a, 0, (gssize)n - 1, (gssize)k);
  return a[k];
}

/* The nearest rank of percentile q among n values, from 1: ceil(q/100 x n), in whole numbers. */
static gsize
rank_of (guint q, gsize n)
{
  return (gsize)(((guint64)q * n + 99) / 100);
}

void
lgr_uncertainty_percentiles (double *a, gsize n, double *p10, double *p50, double *p90)
{
  gsize k90 = rank_of (90, n) - 1, k50 = rank_of (50, n) - 1, k10 = rank_of (10, n) - 1;

  /* the median first: P10 is then among the smaller half a[0..k50), P90 among the larger */
  *p50 = select_kth (a, n, k50);
  *p10 = k10 < k50 ? select_kth (a, k50, k10) : *p50;
  *p90 = k90 > k50 ? select_kth (a + k50 + 1, n - k50 - 1, k90 - k50 - 1) : *p50;
}

/* The percentiles of many series at once, shared out between threads. */
typedef struct
{
  double *values; /* reordered */
  gsize n;
  double *p10, *p50, *p90;
} Task;

typedef struct
{
  Task *tasks;
  guint n_tasks;
  gint next;
} Tasks;

static gpointer
run_tasks (gpointer data)
{
  Tasks *tasks = data;
  for (;;)
    {
      guint i = (guint)g_atomic_int_add (&tasks->next, 1);
      if (i >= tasks->n_tasks)
        return NULL;
      lgr_uncertainty_percentiles (tasks->tasks[i].values, tasks->tasks[i].n, tasks->tasks[i].p10,
                                   tasks->tasks[i].p50, tasks->tasks[i].p90);
    }
}

/* The mean (in draw order) now, the percentiles later. */
static void
distribution (GArray *tasks, double *a, gsize n, LgrDistribution *d)
{
  double sum = 0;
  Task task = { a, n, &d->p10, &d->p50, &d->p90 };
  for (gsize i = 0; i < n; i++)
    sum += a[i];
  d->mean = sum / (double)n;
  g_array_append_val (tasks, task);
}

static LgrUncertaintyResults *
results_new (const LgrUncertaintyModel *m, guint draws, double seed)
{
  guint n = m->n_years;
  LgrUncertaintyResults *r = g_malloc0 (sizeof *r + m->n_scenarios * sizeof (LgrUncertaintyScenario)
                                        + (gsize)m->n_scenarios * 4 * n * sizeof (double));
  double *series;

  r->study = m->study;
  r->first_year = m->first_year;
  r->n_years = n;
  r->draws = draws;
  r->seed = seed;
  r->n_scenarios = m->n_scenarios;
  r->scenarios = (LgrUncertaintyScenario *)(r + 1);
  series = (double *)(r->scenarios + m->n_scenarios);
  for (guint s = 0; s < m->n_scenarios; s++)
    {
      LgrUncertaintyScenario *rs = &r->scenarios[s];
      rs->scenario = g_ptr_array_index (m->study->scenarios, s);
      rs->cumulative_p10 = series;
      rs->cumulative_p50 = series + n;
      rs->cumulative_p90 = series + 2 * n;
      rs->payback_probability = series + 3 * n;
      series += 4 * n;
      rs->compared = s > 0;
    }
  return r;
}

static void
point (LgrDistribution *d, double v)
{
  d->mean = d->p10 = d->p50 = d->p90 = v;
}

/* No quantity: every figure is the central one. */
static LgrUncertaintyResults *
central_results (const LgrUncertaintyModel *m, double seed)
{
  LgrUncertaintyResults *r = results_new (m, 0, seed);
  LgrScratch *w = lgr_scratch_new (m);

  lgr_model_evaluate (m, w);
  for (guint s = 0; s < m->n_scenarios; s++)
    {
      LgrUncertaintyScenario *rs = &r->scenarios[s];
      const LgrOutcome *o = &w->outcomes[s];
      for (guint t = 0; t < m->n_years; t++)
        {
          rs->cumulative_p10[t] = rs->cumulative_p50[t] = rs->cumulative_p90[t] = o->cumulative[t];
          rs->payback_probability[t] = o->has_payback && o->payback_index <= (int)t ? 1 : 0;
        }
      point (&rs->total_net, o->total_net);
      point (&rs->npv, o->npv);
      point (&rs->peak_funding, o->peak_funding);
      rs->pays_back = o->has_payback ? 1 : 0;
      if (rs->compared)
        {
          rs->ahead_probability = o->total_net > w->outcomes[0].total_net ? 1 : 0;
          point (&rs->difference_total_net, o->total_net - w->outcomes[0].total_net);
        }
    }
  lgr_scratch_free (w);
  return r;
}

LgrUncertaintyResults *
lgr_uncertainty_run (const LgrUncertaintyModel *m, guint draws, double seed, guint n_threads,
                     GCancellable *cancellable, LgrUncertaintyProgress progress, gpointer user_data,
                     GError **error)
{
  guint n = m->n_years, S = m->n_scenarios;
  guint64 bytes = (guint64)draws * S * (n + 4) * sizeof (double);
  g_autofree double *per_draw = NULL;
  g_autofree int *payback = NULL;
  g_autofree double *difference = NULL;
  g_autofree Job *jobs = NULL;
  g_autofree GThread **threads = NULL;
  g_autoptr (GArray) tasks = NULL;
  Tasks shared = { 0 };
  LgrUncertaintyResults *r;
  gint done = 0;

  g_return_val_if_fail (m != NULL, NULL);
  g_return_val_if_fail (draws >= LGR_UNCERTAINTY_MIN_DRAWS && draws <= LGR_UNCERTAINTY_MAX_DRAWS,
                        NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (m->quantities->len == 0)
    return central_results (m, seed);
  if (bytes > MAX_MEMORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _ ("%u draws of this study (%u scenarios over %u years) need more memory than "
                      "allowed: use at most %u draws"),
                   draws, S, n, (guint)(MAX_MEMORY / ((guint64)S * (n + 4) * sizeof (double))));
      return NULL;
    }

  per_draw = g_new (double, (gsize)draws *S *(n + 3));
  payback = g_new (int, (gsize)draws *S);
  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  n_threads = CLAMP (n_threads, 1, MAX (1, draws / CHUNK));
  jobs = g_new0 (Job, n_threads);
  threads = g_new0 (GThread *, n_threads);
  for (guint t = 0; t < n_threads; t++)
    {
      Job *j = &jobs[t];
      j->m = m;
      j->seed = (guint64)seed;
      j->draws = draws;
      j->from = (guint)((guint64)draws * t / n_threads);
      j->to = (guint)((guint64)draws * (t + 1) / n_threads);
      j->total_net = per_draw;
      j->npv = per_draw + (gsize)draws * S;
      j->peak = per_draw + (gsize)draws * S * 2;
      j->cumulative = per_draw + (gsize)draws * S * 3;
      j->payback = payback;
      j->cancellable = cancellable;
      j->done = &done;
      if (t == 0)
        {
          j->progress = progress;
          j->user_data = user_data;
        }
      else
        threads[t] = g_thread_new ("lgr-uncertainty", run_job, j);
    }
  run_job (&jobs[0]);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (progress != NULL)
    progress (draws, draws, user_data);

  r = results_new (m, draws, seed);
  difference = g_new (double, (gsize)draws *S);
  tasks = g_array_new (FALSE, FALSE, sizeof (Task));
  for (guint s = 0; s < S; s++)
    {
      LgrUncertaintyScenario *rs = &r->scenarios[s];
      double *total = jobs[0].total_net + (gsize)s * draws;
      const double *reference = jobs[0].total_net;
      const int *pb = payback + (gsize)s * draws;
      g_autofree guint *paid = g_new0 (guint, n + 1);
      guint ahead = 0, pays = 0;

      for (guint i = 0; i < draws; i++)
        if (pb[i] >= 0)
          {
            paid[pb[i]]++;
            pays++;
          }
      for (guint t = 0, sum = 0; t < n; t++)
        {
          sum += paid[t];
          rs->payback_probability[t] = (double)sum / draws;
        }
      rs->pays_back = (double)pays / draws;
      if (rs->compared)
        {
          double *d = difference + (gsize)s * draws;
          for (guint i = 0; i < draws; i++)
            {
              ahead += total[i] > reference[i];
              d[i] = total[i] - reference[i];
            }
          rs->ahead_probability = (double)ahead / draws;
          distribution (tasks, d, draws, &rs->difference_total_net);
        }
      for (guint t = 0; t < n; t++)
        {
          Task task = { jobs[0].cumulative + ((gsize)s * n + t) * draws, draws,
                        &rs->cumulative_p10[t], &rs->cumulative_p50[t], &rs->cumulative_p90[t] };
          g_array_append_val (tasks, task);
        }
      distribution (tasks, jobs[0].npv + (gsize)s * draws, draws, &rs->npv);
      distribution (tasks, jobs[0].peak + (gsize)s * draws, draws, &rs->peak_funding);
    }
  /* last: the percentiles reorder the totals, which the differences above read in draw order */
  for (guint s = 0; s < S; s++)
    distribution (tasks, jobs[0].total_net + (gsize)s * draws, draws, &r->scenarios[s].total_net);

  shared.tasks = (Task *)tasks->data;
  shared.n_tasks = tasks->len;
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("lgr-uncertainty", run_tasks, &shared);
  run_tasks (&shared);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);
  return r;
}

void
lgr_uncertainty_results_free (LgrUncertaintyResults *results)
{
  g_free (results);
}

char *
lgr_uncertainty_results_ahead_sentence (const LgrUncertaintyResults *r, guint scenario)
{
  g_autofree char *draws = NULL;
  g_autofree char *percent = NULL;

  g_return_val_if_fail (r != NULL && scenario < r->n_scenarios, NULL);
  if (scenario == 0 || r->draws == 0)
    return NULL;
  draws = lgr_format_count (r->draws, 0);
  percent = lgr_format_percent (round (r->scenarios[scenario].ahead_probability * 100));
  /* Translators: "Two unitaries: ahead of One unitary in 91% of 10,000 draws." */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: ahead of %s in %s of %s draw.",
                                       "%s: ahead of %s in %s of %s draws.", r->draws),
                          r->scenarios[scenario].scenario->name, r->scenarios[0].scenario->name,
                          percent, draws);
}

/* In a thread of its own */

typedef struct
{
  const LgrUncertaintyModel *model;
  guint draws;
  double seed;
} AsyncRun;

static void
run_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  const AsyncRun *run = data;
  GError *error = NULL;
  LgrUncertaintyResults *results
      = lgr_uncertainty_run (run->model, run->draws, run->seed, 0, cancellable, NULL, NULL, &error);
  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify)lgr_uncertainty_results_free);
}

void
lgr_uncertainty_run_async (const LgrUncertaintyModel *model, guint draws, double seed,
                           GCancellable *cancellable, GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  AsyncRun *run = g_new0 (AsyncRun, 1);

  run->model = model;
  run->draws = draws;
  run->seed = seed;
  g_task_set_source_tag (task, lgr_uncertainty_run_async);
  g_task_set_task_data (task, run, g_free);
  g_task_run_in_thread (task, run_in_thread);
}

LgrUncertaintyResults *
lgr_uncertainty_run_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
