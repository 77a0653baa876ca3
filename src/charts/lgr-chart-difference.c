/* lgr-chart-difference.c: each scenario's cumulative net cashflow minus the reference's (the first
 * shown), with the year it moves ahead marked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lgr-format.h"

void
lgr_chart_build_difference (LgrChartData *data, const LgrResults *results, GArray *shown,
                            const LgrChartTheme *theme)
{
  if (shown->len < 2)
    {
      data->empty_message = g_strdup (_ ("Show two or more scenarios to compare them."));
      return;
    }
  guint ref = g_array_index (shown, guint, 0);
  const LgrScenarioResult *a = &results->scenarios[ref];
  g_autofree char *reference = lgr_format_truncate (a->scenario->name, LGR_FORMAT_MAX_NAME_CHARS);
  data->reference_label = g_strdup_printf (_ ("%s (reference)"), reference);
  lgr_chart_data_add_legend (data, data->reference_label, LGR_SERIES_LINE, theme->reference, 0, 0,
                             FALSE, TRUE);
  g_autofree guint *slots = lgr_chart_style_slots (results);
  for (guint k = 1; k < shown->len; k++)
    {
      guint other = g_array_index (shown, guint, k);
      const LgrScenarioResult *b = &results->scenarios[other];
      g_autoptr (LgrComparison) cmp = lgr_results_compare (results, ref, other);
      LgrRgba colour = lgr_chart_scenario_rgba (theme, b, other);
      LgrChartSeries *s
          = lgr_chart_data_add_series (data, LGR_SERIES_LINE, 0, b->scenario->name, colour);
      lgr_chart_slot_style (slots[other], &s->marker, &s->dash);
      memcpy (s->values, cmp->cumulative_difference, data->n_years * sizeof (double));
      lgr_chart_data_add_legend (data, s->label, LGR_SERIES_LINE, colour, s->marker, s->dash, FALSE,
                                 FALSE);

      int c = cmp->crossover_index;
      if (c > 0)
        {
          double d0 = s->values[c - 1], d1 = s->values[c];
          double frac = d1 > d0 && d0 <= 0 ? -d0 / (d1 - d0) : 1.0;
          g_autofree char *year = lgr_format_financial_year (data->first_year + c);
          /* Translators: a mark on the difference chart, "Ahead from 2029/30" */
          lgr_chart_data_add_mark (data, LGR_MARK_CROSSOVER, 0, c - 1 + CLAMP (frac, 0.0, 1.0),
                                   d0 <= 0 ? 0 : d1, colour,
                                   g_strdup_printf (_ ("Ahead from %s"), year));
        }
    }
}

void
lgr_chart_describe_difference (GString *out, const LgrChartData *data, const LgrResults *results,
                               GArray *shown)
{
  g_autofree char *last
      = lgr_format_financial_year (results->first_year + (int)results->n_years - 1);
  g_autofree char *ref
      = lgr_format_truncate (results->scenarios[g_array_index (shown, guint, 0)].scenario->name,
                             LGR_FORMAT_MAX_NAME_CHARS);
  for (guint i = 0; i < data->series->len; i++)
    {
      const LgrChartSeries *s = g_ptr_array_index (data->series, i);
      double end = s->values[results->n_years - 1];
      g_autofree char *v = lgr_format_money (fabs (end));
      if (fabs (end) < 0.5)
        g_string_append_printf (out, _ (" %s ends level with %s."), s->label, ref);
      else if (end > 0)
        g_string_append_printf (out, _ (" %s ends %s ahead of %s by %s."), s->label, v, ref, last);
      else
        g_string_append_printf (out, _ (" %s ends %s behind %s by %s."), s->label, v, ref, last);
    }
  for (guint i = 0; i < data->marks->len; i++)
    {
      const LgrChartMark *m = &g_array_index (data->marks, LgrChartMark, i);
      if (m->kind == LGR_MARK_CROSSOVER)
        g_string_append_printf (out, " %s.", m->text);
    }
}

void
lgr_chart_describe_year_difference (GString *out, const LgrChartData *data, int year_index)
{
  for (guint i = 0; i < data->series->len; i++)
    {
      const LgrChartSeries *s = g_ptr_array_index (data->series, i);
      if (!s->in_legend)
        continue;
      g_autofree char *v = lgr_chart_format_value (data, s->values[year_index]);
      /* Translators: "Two unitaries: £12.3m against the reference" */
      g_string_append_printf (out, _ ("\n%s: %s against the reference"), s->label, v);
    }
}

gboolean
lgr_chart_difference_applies (const LgrResults *results)
{
  return results->n_scenarios >= 2;
}
