/* lgr-sensitivity.c: the tornado and the switching values of docs/uncertainty.md (see
 * lgr-sensitivity.h): a few evaluations of the model of lgr-uncertainty-model.c per quantity
 * and per input, no Monte Carlo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-sensitivity.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lgr-uncertainty-private.h"

/* The tornado's metric: B's total_net minus A's, or the only scenario's. */
static double
metric (const LgrUncertaintyModel *m, const LgrScratch *w, guint a, guint b)
{
  if (a == b)
    return w->outcomes[a].total_net;
  return w->outcomes[b].total_net - w->outcomes[a].total_net;
}

static void
set_members (LgrScratch *w, const LgrMember *members, guint n, int which, gboolean whole)
{
  for (guint j = 0; j < n; j++)
    w->x[members[j].slot] = which < 0 ? members[j].low : members[j].high;
}

static void
record (const LgrUncertaintyModel *m, const LgrScratch *w, LgrSensitivityScenario *rows, int which)
{
  for (guint s = 0; s < m->n_scenarios; s++)
    {
      const LgrOutcome *o = &w->outcomes[s];
      LgrSensitivityScenario *r = &rows[s];
      double difference = o->total_net - w->outcomes[0].total_net;
      r->scenario = g_ptr_array_index (m->study->scenarios, s);
      r->compared = s > 0;
      if (which < 0)
        {
          r->total_net_low = o->total_net;
          r->npv_low = o->npv;
          r->peak_funding_low = o->peak_funding;
          r->pays_back_low = o->has_payback;
          r->payback_years_low = o->payback_years;
          r->difference_low = difference;
        }
      else
        {
          r->total_net_high = o->total_net;
          r->npv_high = o->npv;
          r->peak_funding_high = o->peak_funding;
          r->pays_back_high = o->has_payback;
          r->payback_years_high = o->payback_years;
          r->difference_high = difference;
        }
    }
}

static int
compare_rows (const void *pa, const void *pb)
{
  const LgrSensitivityRow *a = pa, *b = pb;
  double wa = fabs (a->metric_high - a->metric_low), wb = fabs (b->metric_high - b->metric_low);
  if (wa != wb)
    return wa > wb ? -1 : 1;
  return a->quantity < b->quantity ? -1 : a->quantity > b->quantity;
}

/* x* of one input for the metric of scenarios a and b (a == b: that scenario alone). */
static void
switching_value (const LgrUncertaintyModel *m, LgrScratch *w, const LgrModelInput *input, guint a,
                 guint b, double f0, LgrSwitchingValue *out)
{
  const LgrMember *members = &g_array_index (m->input_members, LgrMember, input->first_member);
  double x0 = input->central;
  double x1 = x0 != 0 ? x0 * 1.5 : 1;
  double f1, x;

  if (m->n_slots > 0) /* (a study with nothing uncertain has no slots) */

    memcpy (w->x, m->central, m->n_slots * sizeof (double));
  for (guint j = 0; j < input->n_members; j++)
    w->x[members[j].slot] = x1;
  lgr_model_evaluate (m, w);
  f1 = metric (m, w, a, b);

  out->scenario = g_ptr_array_index (m->study->scenarios, b);
  out->input = input->key;
  out->name = input->name;
  out->central = x0;
  out->has_value = FALSE;
  if (f1 == f0)
    return; /* the slope is 0 */
  x = x0 - f0 * (x1 - x0) / (f1 - f0);
  if (!lgr_range_contains (input->limits, x))
    return;
  out->has_value = TRUE;
  out->value = x;
}

LgrSensitivity *
lgr_sensitivity_compute (const LgrUncertaintyModel *m)
{
  LgrSensitivity *result = g_new0 (LgrSensitivity, 1);
  LgrScratch *w = lgr_scratch_new (m);
  guint S = m->n_scenarios, nq = m->quantities->len;
  guint a = 0, b = S > 1 ? 1 : 0;
  g_autoptr (GArray) switching = g_array_new (FALSE, FALSE, sizeof (LgrSwitchingValue));
  g_autofree double *central_metric = g_new0 (double, MAX (S, 1));

  result->model = m;
  result->n_scenarios = S;
  if (S == 0)
    {
      lgr_scratch_free (w);
      result->metric = g_strdup ("");
      return result;
    }
  const LgrScenario *sa = g_ptr_array_index (m->study->scenarios, a);
  const LgrScenario *sb = g_ptr_array_index (m->study->scenarios, b);
  result->metric = a == b ? g_strdup_printf ("total_net(%s)", sa->id)
                          : g_strdup_printf ("total_net(%s) - total_net(%s)", sb->id, sa->id);
  lgr_model_evaluate (m, w);
  result->central = metric (m, w, a, b);
  for (guint s = 0; s < S; s++)
    central_metric[s] = S > 1 ? metric (m, w, 0, s) : metric (m, w, 0, 0);

  /* the tornado: each quantity at its low, then at its high */
  result->n_rows = nq;
  result->rows = g_new0 (LgrSensitivityRow, nq);
  for (guint k = 0; k < nq; k++)
    {
      const LgrModelQuantity *q = &g_array_index (m->quantities, LgrModelQuantity, k);
      const LgrMember *members = lgr_model_members (m, q->first_member);
      LgrSensitivityRow *row = &result->rows[k];

      row->quantity = k;
      row->q = &q->q;
      row->scenarios = g_new0 (LgrSensitivityScenario, S);
      for (int which = -1; which <= 1; which += 2)
        {
          if (m->n_slots > 0) /* (a study with nothing uncertain has no slots) */
            memcpy (w->x, m->central, m->n_slots * sizeof (double));
          set_members (w, members, q->n_members, which, q->q.whole);
          lgr_model_evaluate (m, w);
          record (m, w, row->scenarios, which);
          if (which < 0)
            row->metric_low = metric (m, w, a, b);
          else
            row->metric_high = metric (m, w, a, b);
        }
    }
  if (nq > 1) /* (no rows: no array to sort) */
    qsort (result->rows, nq, sizeof *result->rows, compare_rows);

  /* switching values: for each B against the reference, or the only scenario alone */
  for (guint s = S > 1 ? 1 : 0; s < S; s++)
    for (guint i = 0; i < m->inputs->len; i++)
      {
        const LgrModelInput *input = &g_array_index (m->inputs, LgrModelInput, i);
        LgrSwitchingValue value = { 0 };
        if (input->scenario >= 0 && input->scenario != 0 && input->scenario != (int)s)
          continue; /* a third scenario's input cannot move this difference */
        switching_value (m, w, input, 0, s, central_metric[s], &value);
        g_array_append_val (switching, value);
      }
  result->n_switching = switching->len;
  result->switching = (LgrSwitchingValue *)g_array_free (g_steal_pointer (&switching), FALSE);
  lgr_scratch_free (w);
  return result;
}

void
lgr_sensitivity_free (LgrSensitivity *sensitivity)
{
  if (sensitivity == NULL)
    return;
  for (guint k = 0; k < sensitivity->n_rows; k++)
    g_free (sensitivity->rows[k].scenarios);
  g_free (sensitivity->rows);
  g_free (sensitivity->switching);
  g_free (sensitivity->metric);
  g_free (sensitivity);
}
