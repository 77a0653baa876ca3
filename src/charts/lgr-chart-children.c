/* lgr-chart-children.c: looked-after children per authority: the scenario's path solid, the
 * baseline (today's rate carried forward) dashed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-private.h"

#include <glib/gi18n-lib.h>

#include "lgr-format.h"

void
lgr_chart_build_children (LgrChartData *data, const LgrResults *results, GArray *shown,
                          const LgrChartTheme *theme)
{
  guint n = data->n_years, j = 0;
  /* the source line names the documents behind these levers only */
  g_autoptr (GPtrArray) cited = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; k < shown->len; k++)
    {
      const LgrScenarioResult *r = &results->scenarios[g_array_index (shown, guint, k)];
      const LgrScenario *sc = r->scenario;
      guint n_auth = sc->authorities->len;
      /* each authority's child-population levers, in lever order, chained from head[a]: found
       * in one pass over the levers, not one per authority */
      g_autoptr (GHashTable) position = g_hash_table_new (NULL, NULL);
      for (guint a = n_auth; a-- > 0;)
        g_hash_table_insert (position, g_ptr_array_index (sc->authorities, a),
                             GUINT_TO_POINTER (a + 1));
      g_autofree guint *head = g_new0 (guint, n_auth + 1);
      g_autofree guint *tail = g_new0 (guint, n_auth + 1);
      g_autofree guint *next = g_new0 (guint, r->n_levers + 1);
      for (guint i = 0; i < r->n_levers; i++)
        {
          const LgrLeverResult *lr = &r->levers[i];
          guint a = GPOINTER_TO_UINT (g_hash_table_lookup (position, lr->authority));
          if (a == 0 || !lr->lever->enabled
              || lr->lever->basis != LGR_COHORT_BASIS_CHILD_POPULATION)
            continue;
          if (head[a - 1] == 0)
            head[a - 1] = i + 1;
          else
            next[tail[a - 1] - 1] = i + 1;
          tail[a - 1] = i + 1;
        }
      for (guint a = 0; a < n_auth; a++)
        {
          const LgrAuthority *auth = g_ptr_array_index (sc->authorities, a);
          LgrChartSeries *base = NULL, *scen = NULL;
          for (guint i = head[a]; i != 0; i = next[i - 1])
            {
              const LgrLeverResult *lr = &r->levers[i - 1];
              lgr_chart_sources_cite (cited, lr->lever->source);
              if (scen == NULL)
                {
                  LgrRgba colour = lgr_chart_palette_colour (theme, j);
                  g_autofree char *auth_name
                      = lgr_format_truncate (auth->name, LGR_FORMAT_MAX_NAME_CHARS);
                  g_autofree char *sc_name
                      = lgr_format_truncate (sc->name, LGR_FORMAT_MAX_NAME_CHARS);
                  g_autofree char *label = shown->len > 1
                                               ? g_strdup_printf ("%s (%s)", auth_name, sc_name)
                                               : g_strdup (auth_name);
                  scen = lgr_chart_data_add_series (data, LGR_SERIES_LINE, 0, label, colour);
                  scen->marker = j % LGR_CHART_N_MARKERS;
                  base = lgr_chart_data_add_series (data, LGR_SERIES_LINE, 0, label, colour);
                  base->dash = 1;
                  base->marker = G_MAXUINT; /* no markers on the baseline */
                  base->in_legend = FALSE;
                  lgr_chart_data_add_legend (data, label, LGR_SERIES_LINE, colour, scen->marker, 0,
                                             FALSE, FALSE);
                  j++;
                }
              for (guint t = 0; t < n; t++)
                {
                  scen->values[t] += lr->scenario_cohort[t];
                  base->values[t] += lr->baseline_cohort[t];
                }
            }
        }
    }
  lgr_chart_data_set_citations (data, results, cited);
  if (j == 0)
    {
      data->empty_message
          = g_strdup (_ ("None of the shown scenarios has a looked-after children lever."));
      return;
    }
  lgr_chart_data_add_legend (data, _ ("Baseline (today’s rate carried forward)"), LGR_SERIES_LINE,
                             theme->text_secondary, 0, 1, FALSE, TRUE);
  lgr_chart_data_add_legend (data, _ ("Scenario"), LGR_SERIES_LINE, theme->text_secondary, 0, 0,
                             FALSE, TRUE);
}

void
lgr_chart_describe_children (GString *out, const LgrChartData *data, const LgrResults *results,
                             GArray *shown)
{
  g_autofree char *last
      = lgr_format_financial_year (results->first_year + (int)results->n_years - 1);
  for (guint i = 0; i + 1 < data->series->len; i += 2)
    {
      const LgrChartSeries *s = g_ptr_array_index (data->series, i);
      const LgrChartSeries *b = g_ptr_array_index (data->series, i + 1);
      g_autofree char *first = lgr_format_count (b->values[0], 0);
      g_autofree char *end = lgr_format_count (s->values[results->n_years - 1], 0);
      g_autofree char *base = lgr_format_count (b->values[results->n_years - 1], 0);
      /* Translators: "North Warwickshire Council: 481 children at first, 364 by 2034/35
       * (481 at today's rate)." */
      g_string_append_printf (out, _ (" %s: %s children at first, %s by %s (%s at today’s rate)."),
                              s->label, first, end, last, base);
    }
}

void
lgr_chart_describe_year_children (GString *out, const LgrChartData *data, int year_index)
{
  for (guint i = 0; i < data->series->len; i++)
    {
      const LgrChartSeries *s = g_ptr_array_index (data->series, i);
      if (!s->in_legend)
        continue;
      if (i + 1 < data->series->len)
        {
          const LgrChartSeries *base = g_ptr_array_index (data->series, i + 1);
          g_autofree char *b = lgr_format_count (base->values[year_index], 0);
          g_autofree char *c = lgr_format_count (s->values[year_index], 0);
          /* Translators: "North Warwickshire Council: 364 children (baseline 481)" */
          g_string_append_printf (out, _ ("\n%s: %s children (baseline %s)"), s->label, c, b);
        }
      else
        {
          g_autofree char *v = lgr_chart_format_value (data, s->values[year_index]);
          g_string_append_printf (out, "\n%s: %s", s->label, v);
        }
    }
}

/* Only when a scenario has an enabled looked-after children lever (a cohort of the child
 * population). */
gboolean
lgr_chart_children_applies (const LgrResults *results)
{
  const LgrStudy *study = results->study;
  for (guint i = 0; study && i < study->scenarios->len; i++)
    {
      const LgrScenario *sc = g_ptr_array_index (study->scenarios, i);
      for (guint j = 0; j < sc->levers->len; j++)
        {
          const LgrLever *l = g_ptr_array_index (sc->levers, j);
          if (l->enabled && l->basis == LGR_COHORT_BASIS_CHILD_POPULATION)
            return TRUE;
        }
    }
  return FALSE;
}
