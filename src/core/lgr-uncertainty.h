/* lgr-uncertainty.h: the uncertain quantities of a study and its Monte Carlo
 * (docs/uncertainty.md).
 *
 * lgr_uncertainty_model_new() finds the quantities (numbered, keyed, drivers merged, the default
 * range applied) and prepares the model of docs/model.md over preallocated arrays, so that a
 * draw allocates nothing. lgr_uncertainty_run() computes every draw, spread over threads that
 * each write their own draws' slots, so the figures do not depend on the number of threads or
 * their order; it can be cancelled and reports progress, so the window can run it off the main
 * thread. The model borrows the study: keep it alive and unchanged while the model lives (the
 * results borrow it too).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lgr-study.h"

G_BEGIN_DECLS

typedef struct
{
  char *key;    /* "two/north-lac/cohort.target", "driver:lac-cost/unit-cost.target", ... */
  char *name;   /* in words: "Children looked after, North (Two unitaries): target rate" */
  char *driver; /* or NULL */
  double low;   /* of its first member (each member of a driver has its own range) */
  double central;
  double high;
  gboolean whole; /* a year: draws are rounded */
} LgrQuantity;

typedef struct _LgrUncertaintyModel LgrUncertaintyModel;

LgrUncertaintyModel *lgr_uncertainty_model_new (const LgrStudy *study);
/* The same, taking study (freed with the model): for a copy handed to another thread. */
LgrUncertaintyModel *lgr_uncertainty_model_new_owning (LgrStudy *study);
void lgr_uncertainty_model_free (LgrUncertaintyModel *model);
const LgrStudy *lgr_uncertainty_model_get_study (const LgrUncertaintyModel *model);
guint lgr_uncertainty_model_get_n_quantities (const LgrUncertaintyModel *model);
const LgrQuantity *lgr_uncertainty_model_get_quantity (const LgrUncertaintyModel *model, guint k);

/* The uniform number in (0, 1) of draw i for quantity k (docs/uncertainty.md). */
double lgr_uncertainty_uniform (guint64 seed, guint64 draw, guint64 k);
/* The inverse of the triangular distribution with minimum low, mode and maximum high. */
double lgr_uncertainty_triangular (double u, double low, double mode, double high);

typedef struct
{
  double mean;
  double p10;
  double p50;
  double p90;
} LgrDistribution;

typedef struct
{
  const LgrScenario *scenario;
  double *cumulative_p10; /* per year */
  double *cumulative_p50;
  double *cumulative_p90;
  LgrDistribution total_net;
  LgrDistribution npv;
  LgrDistribution peak_funding;
  double *payback_probability; /* per year: the share of draws paid back by then */
  double pays_back;            /* the share of draws that pay back within the horizon */
  gboolean compared;           /* FALSE for the reference (the first scenario) */
  double ahead_probability;    /* total_net above the reference's in the same draw */
  LgrDistribution difference_total_net;
} LgrUncertaintyScenario;

typedef struct
{
  const LgrStudy *study;
  int first_year;
  guint n_years;
  guint draws; /* 0 when the study has no quantity */
  double seed;
  guint n_scenarios;
  LgrUncertaintyScenario *scenarios;
} LgrUncertaintyResults;

/* Called in the thread that called lgr_uncertainty_run(), now and then: draws done so far. */
typedef void (*LgrUncertaintyProgress) (guint done, guint total, gpointer user_data);

#define LGR_UNCERTAINTY_MIN_DRAWS 100
#define LGR_UNCERTAINTY_MAX_DRAWS 1000000

/* Runs draws draws (LGR_UNCERTAINTY_MIN_DRAWS to _MAX_DRAWS) with seed (a whole number 0..2^53)
 * on n_threads threads (0: one per processor). NULL with G_IO_ERROR_CANCELLED if cancelled, or
 * an error if the draws would not fit in memory. */
LgrUncertaintyResults *lgr_uncertainty_run (const LgrUncertaintyModel *model, guint draws,
                                            double seed, guint n_threads, GCancellable *cancellable,
                                            LgrUncertaintyProgress progress, gpointer user_data,
                                            GError **error);
void lgr_uncertainty_results_free (LgrUncertaintyResults *results);

/* "Two unitaries: ahead of One unitary in 91% of 10,000 draws." for a scenario other
 * than the reference (the first); NULL for the reference or when there were no draws. */
char *lgr_uncertainty_results_ahead_sentence (const LgrUncertaintyResults *results, guint scenario);

/* lgr_uncertainty_run() in a thread of its own (GTask), for the window: callback runs in the
 * thread-default main context of the caller. Keep model alive until then (a model made by
 * lgr_uncertainty_model_new_owning() from a copy of the study stands alone). Cancelling gives
 * G_IO_ERROR_CANCELLED. */
void lgr_uncertainty_run_async (const LgrUncertaintyModel *model, guint draws, double seed,
                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                gpointer user_data);
LgrUncertaintyResults *lgr_uncertainty_run_finish (GAsyncResult *result, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrUncertaintyModel, lgr_uncertainty_model_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrUncertaintyResults, lgr_uncertainty_results_free)

G_END_DECLS
