/* lgr-chart.c: the public door of the charts (lgr-chart.h): draw, hit-test, describe.
 *
 * The work is done by the parts in lgr-chart-private.h; this file only strings them together.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lgr-chart-private.h"
#include "lgr-format.h"

static const char *const kind_names[LGR_N_CHARTS] = {
  [LGR_CHART_CASHFLOW] = "cashflow",
  [LGR_CHART_SAVINGS] = "savings",
  [LGR_CHART_DIFFERENCE] = "difference",
  [LGR_CHART_CHILDREN] = "children",
};

void
lgr_chart_options_init (LgrChartOptions *options, LgrChartKind kind)
{
  g_return_if_fail (options != NULL);
  *options = (LgrChartOptions){ 0 };
  options->kind = kind;
  options->style = LGR_CHART_STYLE_LIGHT;
  options->highlight_index = -1;
  options->font_scale = 1.0;
  options->show_title = TRUE;
}

void
lgr_chart_draw (cairo_t *cr, const LgrResults *results, const LgrChartOptions *options,
                double width, double height)
{
  g_return_if_fail (cr != NULL && results != NULL && options != NULL);
  if (!(width > 0) || !(height > 0))
    return;
  g_autoptr (LgrChartLayout) layout = lgr_chart_layout_new (cr, results, options, width, height);
  lgr_chart_layout_draw (layout, cr);
}

int
lgr_chart_year_at (const LgrResults *results, const LgrChartOptions *options, double width,
                   double height, double x, double y)
{
  g_return_val_if_fail (results != NULL && options != NULL, -1);
  if (!(width > 0) || !(height > 0))
    return -1;
  g_autoptr (LgrChartLayout) layout = lgr_chart_layout_new (NULL, results, options, width, height);
  return lgr_chart_layout_year_at (layout, x, y);
}

static void
append_savings_year (GString *out, const LgrChartData *data, guint panel, int t)
{
  double savings = 0, costs = 0, net = 0;
  for (guint i = 0; i < data->series->len; i++)
    {
      const LgrChartSeries *s = g_ptr_array_index (data->series, i);
      if (s->panel != panel)
        continue;
      if (s->type == LGR_SERIES_LINE)
        net = s->values[t];
      else if (s->values[t] > 0)
        savings += s->values[t];
      else
        costs -= s->values[t];
    }
  g_autofree char *sv = lgr_format_money (savings);
  g_autofree char *cv = lgr_format_money (costs);
  g_autofree char *nv = lgr_format_money (net);
  /* Translators: "Two unitaries: savings £40.1m, costs £7.5m, net £32.6m" */
  g_string_append_printf (out, _ ("%s: savings %s, costs %s, net %s"), data->panel_titles[panel],
                          sv, cv, nv);
}

char *
lgr_chart_describe_year (const LgrResults *results, const LgrChartOptions *options, int year_index)
{
  g_return_val_if_fail (results != NULL && options != NULL, NULL);
  if (year_index < 0 || year_index >= (int)results->n_years)
    return g_strdup ("");
  g_autoptr (LgrChartData) data = lgr_chart_data_new (results, options);
  GString *out = g_string_new (NULL);
  g_autofree char *year = lgr_format_financial_year (results->first_year + year_index);
  g_string_append (out, year);

  if (data->kind == LGR_CHART_SAVINGS)
    {
      for (guint p = 0; p < data->n_panels && data->panel_titles && data->panel_titles[p]; p++)
        {
          g_string_append_c (out, '\n');
          append_savings_year (out, data, p, year_index);
        }
      return g_string_free (out, FALSE);
    }

  for (guint i = 0; i < data->series->len; i++)
    {
      const LgrChartSeries *s = g_ptr_array_index (data->series, i);
      if (!s->in_legend)
        continue;
      g_autofree char *v = lgr_chart_format_value (data, s->values[year_index]);
      if (data->kind == LGR_CHART_CHILDREN && i + 1 < data->series->len)
        {
          const LgrChartSeries *base = g_ptr_array_index (data->series, i + 1);
          g_autofree char *b = lgr_format_count (base->values[year_index], 0);
          g_autofree char *c = lgr_format_count (s->values[year_index], 0);
          /* Translators: "North Warwickshire Council: 364 children (baseline 481)" */
          g_string_append_printf (out, _ ("\n%s: %s children (baseline %s)"), s->label, c, b);
        }
      else if (data->kind == LGR_CHART_DIFFERENCE)
        /* Translators: "Two unitaries: £12.3m against the reference" */
        g_string_append_printf (out, _ ("\n%s: %s against the reference"), s->label, v);
      else
        g_string_append_printf (out, "\n%s: %s", s->label, v);
    }
  return g_string_free (out, FALSE);
}

static char *
span_text (const LgrResults *results)
{
  g_autofree char *first = lgr_format_financial_year (results->first_year);
  g_autofree char *last
      = lgr_format_financial_year (results->first_year + (int)results->n_years - 1);
  if (results->n_years <= 1)
    return g_steal_pointer (&first);
  /* Translators: "2025/26 to 2034/35" */
  return g_strdup_printf (_ ("%s to %s"), first, last);
}

char *
lgr_chart_describe (const LgrResults *results, const LgrChartOptions *options)
{
  g_return_val_if_fail (results != NULL && options != NULL, NULL);
  g_autoptr (LgrChartData) data = lgr_chart_data_new (results, options);
  g_autoptr (GArray) shown = lgr_chart_shown_scenarios (results, options);
  g_autofree char *span = span_text (results);
  g_autofree char *last
      = lgr_format_financial_year (results->first_year + (int)results->n_years - 1);
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "%s, %s.", data->title, span);
  if (data->empty_message)
    {
      g_string_append_printf (out, " %s", data->empty_message);
      return g_string_free (out, FALSE);
    }

  switch (data->kind)
    {
    case LGR_CHART_CASHFLOW:
      for (guint k = 0; k < shown->len; k++)
        {
          g_autofree char *s = lgr_scenario_result_describe (
              &results->scenarios[g_array_index (shown, guint, k)], results);
          g_string_append_printf (out, " %s", s);
        }
      break;
    case LGR_CHART_SAVINGS:
      for (guint p = 0; p < data->n_panels; p++)
        {
          g_string_append_printf (out, " %s ", last);
          append_savings_year (out, data, p, (int)results->n_years - 1);
          g_string_append_c (out, '.');
        }
      break;
    case LGR_CHART_DIFFERENCE:
      {
        const char *ref = results->scenarios[g_array_index (shown, guint, 0)].scenario->name;
        for (guint i = 0; i < data->series->len; i++)
          {
            const LgrChartSeries *s = g_ptr_array_index (data->series, i);
            double end = s->values[results->n_years - 1];
            g_autofree char *v = lgr_format_money (fabs (end));
            if (fabs (end) < 0.5)
              g_string_append_printf (out, _ (" %s ends level with %s."), s->label, ref);
            else if (end > 0)
              g_string_append_printf (out, _ (" %s ends %s ahead of %s by %s."), s->label, v, ref,
                                      last);
            else
              g_string_append_printf (out, _ (" %s ends %s behind %s by %s."), s->label, v, ref,
                                      last);
          }
        for (guint i = 0; i < data->marks->len; i++)
          {
            const LgrChartMark *m = &g_array_index (data->marks, LgrChartMark, i);
            if (m->kind == LGR_MARK_CROSSOVER)
              g_string_append_printf (out, " %s.", m->text);
          }
      }
      break;
    case LGR_CHART_CHILDREN:
      for (guint i = 0; i + 1 < data->series->len; i += 2)
        {
          const LgrChartSeries *s = g_ptr_array_index (data->series, i);
          const LgrChartSeries *b = g_ptr_array_index (data->series, i + 1);
          g_autofree char *first = lgr_format_count (b->values[0], 0);
          g_autofree char *end = lgr_format_count (s->values[results->n_years - 1], 0);
          g_autofree char *base = lgr_format_count (b->values[results->n_years - 1], 0);
          /* Translators: "North Warwickshire Council: 481 children at first, 364 by 2034/35
           * (481 at today's rate)." */
          g_string_append_printf (out,
                                  _ (" %s: %s children at first, %s by %s (%s at today’s rate)."),
                                  s->label, first, end, last, base);
        }
      break;
    default:
      break;
    }
  return g_string_free (out, FALSE);
}

const char *
lgr_chart_kind_to_string (LgrChartKind kind)
{
  if ((guint)kind >= LGR_N_CHARTS)
    return NULL;
  return kind_names[kind];
}

gboolean
lgr_chart_kind_from_string (const char *name, LgrChartKind *kind)
{
  for (guint i = 0; i < LGR_N_CHARTS && name; i++)
    if (g_ascii_strcasecmp (name, kind_names[i]) == 0)
      {
        if (kind)
          *kind = (LgrChartKind)i;
        return TRUE;
      }
  return FALSE;
}

const char *
lgr_chart_kind_title (LgrChartKind kind)
{
  switch (kind)
    {
    case LGR_CHART_SAVINGS:
      return _ ("Annual savings and costs");
    case LGR_CHART_DIFFERENCE:
      return _ ("Difference in cumulative net cashflow");
    case LGR_CHART_CHILDREN:
      return _ ("Looked-after children per authority");
    case LGR_CHART_CASHFLOW:
    default:
      return _ ("Cumulative net cashflow");
    }
}
