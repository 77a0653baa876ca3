/* lgr-uncertainty-runner.c: the window's Monte Carlo and switching values, off the main thread
 * (see the header). Each run owns its copy of the study, its model, its cancellable and its
 * progress counter, so a cancelled run finishing late touches nothing of the next one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-uncertainty-runner.h"

/* Progress is looked at this often while a run goes on; a run shorter than this shows none. */
#define PROGRESS_INTERVAL_MS 150
/* A run starts once the study has been left alone this long: during a slider drag (a change a
 * frame) the draws would only be cancelled, and would take the processors the frames need. */
#define QUIET_MS 120

typedef struct
{
  LgrUncertaintyModel *model; /* owns its copy of the study */
  guint draws;
  double seed;
  gint done; /* draws done so far, written by the run's thread */
  guint total;
  LgrSensitivity *sensitivity;
  LgrUncertaintyResults *results;
} Run;

static void
run_free (Run *run)
{
  g_clear_pointer (&run->results, lgr_uncertainty_results_free);
  g_clear_pointer (&run->sensitivity, lgr_sensitivity_free);
  g_clear_pointer (&run->model, lgr_uncertainty_model_free);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

struct _LgrUncertaintyRunner
{
  GObject parent_instance;

  Run *finished; /* the last finished run: what the views show */
  Run *running;  /* borrowed from its task while it runs */
  LgrDocument *document;
  guint start_id; /* waiting for the study to be left alone */
  GCancellable *cancellable;
  guint progress_id; /* polling the running run's progress */
  double progress;
  guint n_finished;
};

G_DEFINE_FINAL_TYPE (LgrUncertaintyRunner, lgr_uncertainty_runner, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_RUNNING,
  PROP_PROGRESS,
  N_PROPS
};

enum
{
  UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
on_progress (guint done, guint total, gpointer data)
{
  Run *run = data;
  g_atomic_int_set (&run->done, (gint)done);
}

static void
run_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Run *run = data;
  GError *error = NULL;

  run->sensitivity = lgr_sensitivity_compute (run->model);
  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* one processor is left to the main thread: the figures do not depend on the number */
  run->results = lgr_uncertainty_run (run->model, run->draws, run->seed,
                                      MAX (1, g_get_num_processors () - 1), cancellable,
                                      on_progress, run, &error);
  if (run->results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_progress (LgrUncertaintyRunner *self, double progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static gboolean
on_progress_timeout (gpointer data)
{
  LgrUncertaintyRunner *self = data;

  if (self->running && self->running->total > 0)
    set_progress (self, (double)g_atomic_int_get (&self->running->done) / self->running->total);
  return G_SOURCE_CONTINUE;
}

static void
stop_polling (LgrUncertaintyRunner *self)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
}

static void
on_run_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (LgrUncertaintyRunner) self = data;
  g_autoptr (GError) error = NULL;
  Run *run = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Cancelled: a newer run replaced it. Anything else (too many draws for the memory) leaves
       * the last figures; the command line says why. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->running == run)
        g_warning ("The Monte Carlo stopped: %s", error->message);
      if (self->running == run)
        {
          self->running = NULL;
          stop_polling (self);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
        }
      return;
    }
  if (self->running != run)
    return;

  /* The task keeps its data until it goes: take what the views need. */
  g_clear_pointer (&self->finished, run_free);
  self->finished = g_new0 (Run, 1);
  self->finished->model = g_steal_pointer (&run->model);
  self->finished->sensitivity = g_steal_pointer (&run->sensitivity);
  self->finished->results = g_steal_pointer (&run->results);
  self->running = NULL;
  self->n_finished++;
  stop_polling (self);
  set_progress (self, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_signal_emit (self, signals[UPDATED], 0);
}

void
lgr_uncertainty_runner_cancel (LgrUncertaintyRunner *self)
{
  g_return_if_fail (LGR_IS_UNCERTAINTY_RUNNER (self));

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_polling (self);
  /* a run still finishing in its thread keeps the runner, never the document: a closed window's
   * document goes at once */
  g_clear_object (&self->document);
  if (lgr_uncertainty_runner_get_running (self))
    {
      g_clear_handle_id (&self->start_id, g_source_remove);
      self->running = NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
    }
}

static gboolean
start_run (gpointer data)
{
  LgrUncertaintyRunner *self = data;
  const LgrStudy *study = lgr_document_get_study (self->document);
  g_autoptr (GTask) task = NULL;
  Run *run;

  self->start_id = 0;
  run = g_new0 (Run, 1);
  run->model = lgr_uncertainty_model_new_owning (lgr_study_copy (study));
  run->draws = (guint)CLAMP (study->draws, LGR_UNCERTAINTY_MIN_DRAWS, LGR_UNCERTAINTY_MAX_DRAWS);
  run->seed = study->seed;
  run->total = run->draws;

  self->cancellable = g_cancellable_new ();
  self->running = run;
  task = g_task_new (NULL, self->cancellable, on_run_done, g_object_ref (self));
  g_task_set_source_tag (task, start_run);
  g_task_set_task_data (task, run, (GDestroyNotify)run_free);
  g_task_run_in_thread (task, run_in_thread);

  set_progress (self, 0);
  if (self->progress_id == 0)
    self->progress_id = g_timeout_add (PROGRESS_INTERVAL_MS, on_progress_timeout, self);
  return G_SOURCE_REMOVE;
}

void
lgr_uncertainty_runner_restart (LgrUncertaintyRunner *self, LgrDocument *document)
{
  gboolean was_running;

  g_return_if_fail (LGR_IS_UNCERTAINTY_RUNNER (self));
  g_return_if_fail (LGR_IS_DOCUMENT (document));

  was_running = lgr_uncertainty_runner_get_running (self);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->running = NULL;
  stop_polling (self);
  g_set_object (&self->document, document);
  g_clear_handle_id (&self->start_id, g_source_remove);
  self->start_id = g_timeout_add (QUIET_MS, start_run, self);
  if (!was_running)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

const LgrUncertaintyResults *
lgr_uncertainty_runner_get_results (LgrUncertaintyRunner *self)
{
  g_return_val_if_fail (LGR_IS_UNCERTAINTY_RUNNER (self), NULL);
  return self->finished ? self->finished->results : NULL;
}

const LgrSensitivity *
lgr_uncertainty_runner_get_sensitivity (LgrUncertaintyRunner *self)
{
  g_return_val_if_fail (LGR_IS_UNCERTAINTY_RUNNER (self), NULL);
  return self->finished ? self->finished->sensitivity : NULL;
}

gboolean
lgr_uncertainty_runner_get_running (LgrUncertaintyRunner *self)
{
  g_return_val_if_fail (LGR_IS_UNCERTAINTY_RUNNER (self), FALSE);
  return self->running != NULL || self->start_id != 0;
}

double
lgr_uncertainty_runner_get_progress (LgrUncertaintyRunner *self)
{
  g_return_val_if_fail (LGR_IS_UNCERTAINTY_RUNNER (self), 0);
  return self->progress;
}

guint
lgr_uncertainty_runner_get_n_finished (LgrUncertaintyRunner *self)
{
  g_return_val_if_fail (LGR_IS_UNCERTAINTY_RUNNER (self), 0);
  return self->n_finished;
}

static void
lgr_uncertainty_runner_dispose (GObject *object)
{
  LgrUncertaintyRunner *self = LGR_UNCERTAINTY_RUNNER (object);

  lgr_uncertainty_runner_cancel (self);
  g_clear_pointer (&self->finished, run_free);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (lgr_uncertainty_runner_parent_class)->dispose (object);
}

static void
lgr_uncertainty_runner_get_property (GObject *object, guint prop_id, GValue *value,
                                     GParamSpec *pspec)
{
  LgrUncertaintyRunner *self = LGR_UNCERTAINTY_RUNNER (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, lgr_uncertainty_runner_get_running (self));
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_uncertainty_runner_class_init (LgrUncertaintyRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lgr_uncertainty_runner_dispose;
  object_class->get_property = lgr_uncertainty_runner_get_property;

  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, 0, 1, 0,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
lgr_uncertainty_runner_init (LgrUncertaintyRunner *self)
{
}

LgrUncertaintyRunner *
lgr_uncertainty_runner_new (void)
{
  return g_object_new (LGR_TYPE_UNCERTAINTY_RUNNER, NULL);
}
