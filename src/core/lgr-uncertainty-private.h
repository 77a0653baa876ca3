/* lgr-uncertainty-private.h: the model of docs/model.md over preallocated arrays, shared by the
 * Monte Carlo (lgr-uncertainty.c) and the sensitivity (lgr-sensitivity.c); built and run in
 * lgr-uncertainty-model.c. Internal to the core library (and its tests).
 *
 * Every input that a quantity or a switching value can move has a slot in a vector of doubles:
 * per scenario its benefit realisation and cost contingency (%), per lever its cohort target,
 * unit-cost target, cohort growth, unit-cost growth and realisation start year, per item its
 * spread total or recurring amount. A draw copies the central vector, sets the slots of its
 * quantities and evaluates: no allocation, the same arithmetic as lgr_results_compute().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lgr-rules.h"
#include "lgr-uncertainty.h"

G_BEGIN_DECLS

enum
{
  LGR_SLOT_COHORT_TARGET,
  LGR_SLOT_UNIT_COST_TARGET,
  LGR_SLOT_GROWTH_COHORT,
  LGR_SLOT_GROWTH_UNIT_COST,
  LGR_SLOT_START,
  LGR_LEVER_SLOTS
};

typedef struct
{
  guint slot;
  double low;
  double central;
  double high;
  /* the inverse triangular's constants (lgr_member_prepare()) */
  double mode_share; /* (c - a) / (b - a) */
  double below;      /* (b - a) (c - a) */
  double above;      /* (b - a) (b - c) */
} LgrMember;

typedef struct
{
  LgrQuantity q;
  guint first_member;
  guint n_members;
} LgrModelQuantity;

/* An input of the switching values: every slot of its members (in input_members) is set to
 * the same value. */
typedef struct
{
  char *key;
  char *name;
  int scenario; /* the scenario whose input it is, -1 for the study's settings */
  double central;
  LgrRange limits;
  guint first_member;
  guint n_members;
} LgrModelInput;

typedef struct
{
  gboolean enabled;
  gboolean cashable;
  LgrCohortBasis basis;
  const LgrAuthority *authority;
  const LgrProfile *profile;
  double cb0; /* baseline people */
  double m;   /* periods a year */
  double ub;  /* baseline unit cost */
  int central_start;
  double *p; /* realisation per year at the central start */
  guint slot;
} LgrModelLever;

typedef struct
{
  gboolean enabled;
  LgrItemKind kind;
  LgrItemPattern pattern;
  double *a; /* spread: share; recurring: realisation (0 before the start); values: the value */
  double *b; /* recurring: growth factor (0 before the start) */
  guint slot;
} LgrModelItem;

typedef struct
{
  guint first_lever, n_levers;
  guint first_item, n_items;
  guint slot_realisation, slot_contingency;
} LgrModelScenario;

struct _LgrUncertaintyModel
{
  const LgrStudy *study;
  LgrStudy *owned_study; /* freed with the model, or NULL */
  guint n_years;
  int first_year;
  gboolean count_avoidance;
  double *discount; /* (1 + r)^t */
  guint n_scenarios;
  LgrModelScenario *scenarios;
  LgrModelLever *levers;
  LgrModelItem *items;
  guint n_slots;
  double *central;
  double *series;        /* the blocks behind p, a, b and discount */
  GArray *quantities;    /* of LgrModelQuantity */
  GArray *members;       /* of LgrMember, the quantities' */
  GArray *inputs;        /* of LgrModelInput */
  GArray *input_members; /* of LgrMember, the inputs' (low = central = high) */
};

/* What one evaluation gives per scenario. */
typedef struct
{
  double total_net;
  double npv;
  double peak_funding;
  gboolean has_payback;
  int payback_index;
  double payback_years;
  double *cumulative; /* per year, in the scratch */
} LgrOutcome;

/* One thread's working space. */
typedef struct
{
  double *x;    /* the slots */
  double *sums; /* per scenario: cashable, avoidance, one-off, recurring */
  double *p;    /* a lever's realisation at a start that is not central */
  LgrOutcome *outcomes;
  double *cumulative;
} LgrScratch;

/* lgr-uncertainty-run.c: P10, P50 and P90 of values[0..n), n > 0, by nearest rank (values are
 * reordered) */
void lgr_uncertainty_percentiles (double *values, gsize n, double *p10, double *p50, double *p90);

/* lgr-uncertainty-model.c */
void lgr_model_build (LgrUncertaintyModel *model, const LgrStudy *study);
void lgr_model_clear (LgrUncertaintyModel *model);
LgrScratch *lgr_scratch_new (const LgrUncertaintyModel *model);
void lgr_scratch_free (LgrScratch *scratch);
/* Evaluates the model at scratch->x into scratch->outcomes. */
void lgr_model_evaluate (const LgrUncertaintyModel *model, LgrScratch *scratch);

static inline void
lgr_member_prepare (LgrMember *member)
{
  double a = member->low, c = member->central, b = member->high;
  member->mode_share = a < b ? (c - a) / (b - a) : 0;
  member->below = (b - a) * (c - a);
  member->above = (b - a) * (b - c);
}

static inline const LgrMember *
lgr_model_members (const LgrUncertaintyModel *model, guint first)
{
  return &g_array_index (model->members, LgrMember, first);
}

G_END_DECLS
