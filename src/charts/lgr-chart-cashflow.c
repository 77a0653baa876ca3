/* lgr-chart-cashflow.c: the cumulative net cashflow of each scenario, with the year it pays back
 * and its peak funding marked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lgr-format.h"

void
lgr_chart_cashflow_marks (LgrChartData *data, const LgrScenarioResult *r, LgrRgba colour)
{
  if (r->has_payback && r->payback_index > 0)
    {
      int t = r->payback_index;
      double frac = r->net[t] > 0 ? -r->cumulative[t - 1] / r->net[t] : 1.0;
      g_autofree char *year = lgr_format_financial_year (data->first_year + t);
      /* Translators: a mark on the cashflow chart, "Pays back 2029/30" */
      lgr_chart_data_add_mark (data, LGR_MARK_PAYBACK, 0, t - 1 + CLAMP (frac, 0.0, 1.0), 0, colour,
                               g_strdup_printf (_ ("Pays back %s"), year));
    }
  if (r->peak_funding > 0 && r->peak_funding_index >= 0)
    {
      g_autofree char *peak = lgr_format_money (r->peak_funding);
      lgr_chart_data_add_mark (data, LGR_MARK_PEAK, 0, r->peak_funding_index,
                               r->cumulative[r->peak_funding_index], colour,
                               g_strdup_printf (_ ("Peak funding %s"), peak));
    }
}

void
lgr_chart_build_cashflow (LgrChartData *data, const LgrResults *results, GArray *shown,
                          const LgrChartTheme *theme)
{
  g_autofree guint *slots = lgr_chart_style_slots (results);
  for (guint k = 0; k < shown->len; k++)
    {
      guint index = g_array_index (shown, guint, k);
      const LgrScenarioResult *r = &results->scenarios[index];
      LgrRgba colour = lgr_chart_scenario_rgba (theme, r, index);
      LgrChartSeries *s
          = lgr_chart_data_add_series (data, LGR_SERIES_LINE, 0, r->scenario->name, colour);
      lgr_chart_slot_style (slots[index], &s->marker, &s->dash);
      memcpy (s->values, r->cumulative, data->n_years * sizeof (double));
      lgr_chart_data_add_legend (data, s->label, LGR_SERIES_LINE, colour, s->marker, s->dash, FALSE,
                                 FALSE);
      lgr_chart_start_add (data, r, G_STRUCT_OFFSET (LgrScenarioResult, cumulative), 0, s->dash,
                           theme);

      lgr_chart_cashflow_marks (data, r, colour);
    }
}

void
lgr_chart_describe_cashflow (GString *out, const LgrChartData *data, const LgrResults *results,
                             GArray *shown)
{
  for (guint k = 0; k < shown->len; k++)
    {
      g_autofree char *s = lgr_scenario_result_describe (
          &results->scenarios[g_array_index (shown, guint, k)], results);
      g_string_append_printf (out, " %s", s);
    }
  lgr_chart_start_describe (out, data);
}

void
lgr_chart_describe_year_cashflow (GString *out, const LgrChartData *data, int year_index)
{
  for (guint i = 0; i < data->series->len; i++)
    {
      const LgrChartSeries *s = g_ptr_array_index (data->series, i);
      if (!s->in_legend && !s->start)
        continue;
      g_autofree char *v = lgr_chart_format_value (data, s->values[year_index]);
      if (s->start)
        {
          g_string_append_c (out, '\n');
          /* Translators: a year's figure of the starting point,
           * "One unitary, starting point: £3.2m" */
          g_string_append_printf (out, _ ("%s, starting point: %s"), s->label, v);
        }
      else
        g_string_append_printf (out, "\n%s: %s", s->label, v);
    }
}
