/* lgr-chart-catalogue.c: the chart kinds, one row each (lgr-chart-catalogue.h), and the one
 * place that turns a kind into its data, text alternative and figures of a year.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-catalogue.h"

#include <glib/gi18n-lib.h>

#include "lgr-chart-private.h"
#include "lgr-format.h"

static const LgrChartKindInfo catalogue[] = {
  [LGR_CHART_CASHFLOW] = {
    .name = "cashflow",
    .title = N_ ("Cumulative net cashflow"),
    .short_title = N_ ("Cashflow"),
    .build = lgr_chart_build_cashflow,
    .describe = lgr_chart_describe_cashflow,
    .describe_year = lgr_chart_describe_year_cashflow,
    .start = TRUE,
  },
  [LGR_CHART_SAVINGS] = {
    .name = "savings",
    .title = N_ ("Annual savings and costs"),
    .short_title = N_ ("Savings and Costs"),
    .build = lgr_chart_build_savings,
    .describe = lgr_chart_describe_savings,
    .describe_year = lgr_chart_describe_year_savings,
    .start = TRUE,
  },
  [LGR_CHART_DIFFERENCE] = {
    .name = "difference",
    .title = N_ ("Difference in cumulative net cashflow"),
    .short_title = N_ ("Difference"),
    .build = lgr_chart_build_difference,
    .describe = lgr_chart_describe_difference,
    .describe_year = lgr_chart_describe_year_difference,
    .applies = lgr_chart_difference_applies,
  },
  [LGR_CHART_CHILDREN] = {
    .name = "children",
    .title = N_ ("Looked-after children per authority"),
    .short_title = N_ ("Children Looked After"),
    .y_title = N_ ("children"),
    .build = lgr_chart_build_children,
    .describe = lgr_chart_describe_children,
    .describe_year = lgr_chart_describe_year_children,
    .applies = lgr_chart_children_applies,
  },
  [LGR_CHART_TORNADO] = {
    .name = "tornado",
    .title = N_ ("What moves the result most"),
    .short_title = N_ ("Tornado"),
    .build = lgr_chart_build_tornado,
    .describe = lgr_chart_describe_tornado,
    .describe_year = lgr_chart_describe_year_tornado,
    .applies = lgr_chart_uncertain_applies,
    .uncertain = TRUE,
  },
  [LGR_CHART_UNCERTAINTY] = {
    .name = "uncertainty",
    .title = N_ ("Cumulative net cashflow: how sure are we?"),
    .short_title = N_ ("Uncertainty"),
    .build = lgr_chart_build_uncertainty,
    .describe = lgr_chart_describe_uncertainty,
    .describe_year = lgr_chart_describe_year_uncertainty,
    .applies = lgr_chart_uncertain_applies,
    .uncertain = TRUE,
  },
};

G_STATIC_ASSERT (G_N_ELEMENTS (catalogue) == LGR_N_CHARTS);

const LgrChartKindInfo *
lgr_chart_kind_info (LgrChartKind kind)
{
  return &catalogue[(guint)kind < LGR_N_CHARTS ? kind : 0];
}

const char *
lgr_chart_kind_to_string (LgrChartKind kind)
{
  if ((guint)kind >= LGR_N_CHARTS)
    return NULL;
  return catalogue[kind].name;
}

gboolean
lgr_chart_kind_from_string (const char *name, LgrChartKind *kind)
{
  for (guint i = 0; i < LGR_N_CHARTS && name; i++)
    if (g_ascii_strcasecmp (name, catalogue[i].name) == 0)
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
  return _ (lgr_chart_kind_info (kind)->title);
}

const char *
lgr_chart_kind_short_title (LgrChartKind kind)
{
  return _ (lgr_chart_kind_info (kind)->short_title);
}

gboolean
lgr_chart_kind_applies (LgrChartKind kind, const LgrResults *results)
{
  g_return_val_if_fail (results != NULL, FALSE);
  const LgrChartKindInfo *info = lgr_chart_kind_info (kind);
  return info->applies == NULL || info->applies (results);
}

gboolean
lgr_chart_kind_shows_start (LgrChartKind kind)
{
  return (guint)kind < LGR_N_CHARTS && catalogue[kind].start;
}

char *
lgr_chart_kind_list (void)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < LGR_N_CHARTS; i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "", catalogue[i].name);
  return g_string_free (out, FALSE);
}

LgrChartData *
lgr_chart_data_new (const LgrResults *results, const LgrChartOptions *options)
{
  const LgrChartKindInfo *info = lgr_chart_kind_info (options->kind);
  g_autoptr (GArray) shown = lgr_chart_shown_scenarios (results, options);
  LgrChartData *data = lgr_chart_data_alloc (results, options, _ (info->title),
                                             info->y_title ? _ (info->y_title) : NULL, shown->len);
  g_autoptr (LgrChartUncertain) uncertain = NULL;
  if (info->uncertain && data->empty_message == NULL)
    uncertain = lgr_chart_uncertain_prepare (data, results, options);
  if (info->start)
    data->start = options->start;
  if (data->empty_message == NULL)
    info->build (data, results, shown, lgr_chart_theme_get (options->style));
  lgr_chart_start_finish (data, lgr_chart_theme_get (options->style));
  data->uncertainty = NULL;
  data->sensitivity = NULL;
  data->start = NULL;
  lgr_chart_data_finish (data);
  return data;
}

char *
lgr_chart_data_describe_year (const LgrChartData *data, int year_index)
{
  if (year_index < 0 || year_index >= (int)data->n_years)
    return g_strdup ("");
  GString *out = g_string_new (NULL);
  g_autofree char *year = lgr_format_financial_year (data->first_year + year_index);
  g_string_append (out, year);
  lgr_chart_kind_info (data->kind)->describe_year (out, data, year_index);
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
lgr_chart_data_describe (const LgrChartData *data, const LgrResults *results,
                         const LgrChartOptions *options)
{
  g_autoptr (GArray) shown = lgr_chart_shown_scenarios (results, options);
  g_autofree char *span = span_text (results);
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "%s, %s.", data->title, span);
  if (data->empty_message)
    {
      g_string_append_printf (out, " %s", data->empty_message);
      return g_string_free (out, FALSE);
    }
  lgr_chart_kind_info (data->kind)->describe (out, data, results, shown);
  return g_string_free (out, FALSE);
}
