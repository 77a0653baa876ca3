/* lgr-chart-start.c: the starting point on the cashflow and savings charts. While anything
 * differs from the study as opened (or from the file without its snapshots), each scenario's
 * starting series is drawn as a thin grey line in the scenario's own dash, under the live
 * lines, so the room sees what the change did; the legend says "Starting point" and so does
 * the text alternative. Identical, nothing is drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lgr-format.h"

static const LgrScenarioResult *
find_scenario (const LgrResults *results, const char *id)
{
  for (guint i = 0; i < results->n_scenarios; i++)
    if (g_strcmp0 (results->scenarios[i].scenario->id, id) == 0)
      return &results->scenarios[i];
  return NULL;
}

static const double *
series_at (const LgrScenarioResult *r, gsize offset)
{
  return *(double *const *)((const char *)r + offset);
}

/* Bit for bit, so a NaN in the same year of both is the same. */
static gboolean
same_value (double a, double b)
{
  return a == b || (isnan (a) && isnan (b));
}

void
lgr_chart_start_add (LgrChartData *data, const LgrScenarioResult *r, gsize offset, guint panel,
                     guint dash, const LgrChartTheme *theme)
{
  const LgrResults *start = data->start;
  if (start == NULL)
    return;
  const LgrScenarioResult *was = find_scenario (start, r->scenario->id);
  if (was == NULL)
    {
      /* a scenario added since: nothing to draw for it, but the study differs */
      data->start_differs = TRUE;
      return;
    }
  LgrChartSeries *s
      = lgr_chart_data_add_series (data, LGR_SERIES_LINE, panel, was->scenario->name, theme->start);
  s->start = TRUE;
  s->in_legend = FALSE;
  s->marker = G_MAXUINT; /* no markers: drawn first, under the live lines */
  s->dash = dash;
  const double *now = series_at (r, offset), *then = series_at (was, offset);
  /* by financial year, so a timeline moved since lines up with the years it was */
  for (guint t = 0; t < data->n_years; t++)
    {
      gint64 u = (gint64)data->first_year + t - start->first_year;
      s->values[t] = u >= 0 && u < (gint64)start->n_years ? then[u] : NAN;
      if (!same_value (s->values[t], now[t]))
        data->start_differs = TRUE;
    }
}

gboolean
lgr_chart_start_shown (const LgrChartData *data)
{
  for (guint i = 0; i < data->series->len; i++)
    if (((const LgrChartSeries *)g_ptr_array_index (data->series, i))->start)
      return TRUE;
  return FALSE;
}

void
lgr_chart_start_finish (LgrChartData *data, const LgrChartTheme *theme)
{
  if (!data->start_differs)
    {
      for (guint i = data->series->len; i-- > 0;)
        if (((LgrChartSeries *)g_ptr_array_index (data->series, i))->start)
          g_ptr_array_remove_index (data->series, i);
      return;
    }
  if (!lgr_chart_start_shown (data))
    return;
  lgr_chart_data_add_legend (data, _ ("Starting point"), LGR_SERIES_LINE, theme->start, 0, 0, FALSE,
                             TRUE);
  g_array_index (data->legend, LgrLegendEntry, data->legend->len - 1).thin = TRUE;
}

void
lgr_chart_start_describe (GString *out, const LgrChartData *data)
{
  if (!lgr_chart_start_shown (data) || data->n_years == 0)
    return;
  guint last = data->n_years - 1;
  g_autofree char *year = lgr_format_financial_year (data->first_year + (int)last);
  /* Translators: the text alternative of a chart with the starting point drawn, followed by
   * "One unitary £12.3m in 2034/35; Two unitaries £5.0m in 2034/35." */
  g_string_append_c (out, ' ');
  g_string_append (out, _ ("Thin grey lines show the starting point, before the changes:"));
  gboolean first = TRUE;
  for (guint i = 0; i < data->series->len; i++)
    {
      const LgrChartSeries *s = g_ptr_array_index (data->series, i);
      if (!s->start)
        continue;
      g_autofree char *v = isfinite (s->values[last])
                               ? lgr_chart_format_value (data, s->values[last])
                               : g_strdup (_ ("no figure"));
      /* Translators: "One unitary £12.3m in 2034/35" */
      g_autofree char *part = g_strdup_printf (_ ("%s %s in %s"), s->label, v, year);
      g_string_append_printf (out, "%s %s", first ? "" : ";", part);
      first = FALSE;
    }
  g_string_append_c (out, '.');
}
