/* lgr-sensitivity.h: one-at-a-time sensitivity (the tornado) and switching values
 * (docs/uncertainty.md), from the model of lgr-uncertainty.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lgr-uncertainty.h"

G_BEGIN_DECLS

/* One scenario's figures with one quantity at its low and at its high. */
typedef struct
{
  const LgrScenario *scenario;
  double total_net_low, total_net_high;
  double npv_low, npv_high;
  double peak_funding_low, peak_funding_high;
  gboolean pays_back_low, pays_back_high; /* FALSE: payback_years_* is null */
  double payback_years_low, payback_years_high;
  gboolean compared;                      /* FALSE for the reference: difference_* is null */
  double difference_low, difference_high; /* total_net minus the reference's */
} LgrSensitivityScenario;

typedef struct
{
  guint quantity; /* its number k in the model */
  const LgrQuantity *q;
  double metric_low, metric_high; /* the tornado's bar */
  LgrSensitivityScenario *scenarios;
} LgrSensitivityRow;

typedef struct
{
  const LgrScenario *scenario; /* B, or the only scenario */
  const char *input; /* its key: "two/north-lac/cohort.target", "settings.cost-contingency" */
  const char *name;  /* in words */
  double central;
  gboolean has_value; /* FALSE: no switching value (slope 0, or outside the input's limits) */
  double value;
} LgrSwitchingValue;

typedef struct
{
  const LgrUncertaintyModel *model;
  char *metric;   /* "total_net(two) - total_net(one)", or "total_net(one)" with one scenario */
  double central; /* the metric at the central values */
  guint n_scenarios;
  guint n_rows;
  LgrSensitivityRow *rows; /* every quantity, widest bar first, ties in quantity order */
  guint n_switching;
  LgrSwitchingValue *switching;
} LgrSensitivity;

/* Borrows the model (and its study): keep them while the sensitivity lives. */
LgrSensitivity *lgr_sensitivity_compute (const LgrUncertaintyModel *model);
void lgr_sensitivity_free (LgrSensitivity *sensitivity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrSensitivity, lgr_sensitivity_free)

G_END_DECLS
