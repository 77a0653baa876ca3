/* lgr-chart-data.c: what each chart shows, built from the results - series, marks, legend.
 *
 * Nothing here draws or measures; adding a chart means adding a builder here and (if it needs a
 * new kind of mark) a layer, not editing a drawing switch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lgr-format.h"

GArray *
lgr_chart_shown_scenarios (const LgrResults *results, const LgrChartOptions *options)
{
  GArray *shown = g_array_new (FALSE, FALSE, sizeof (guint));
  if (options == NULL || options->scenarios == NULL)
    {
      for (guint i = 0; i < results->n_scenarios; i++)
        g_array_append_val (shown, i);
      return shown;
    }
  for (guint k = 0; options->scenarios[k] != NULL; k++)
    for (guint i = 0; i < results->n_scenarios; i++)
      if (g_strcmp0 (results->scenarios[i].scenario->id, options->scenarios[k]) == 0)
        {
          gboolean seen = FALSE;
          for (guint j = 0; j < shown->len; j++)
            seen |= g_array_index (shown, guint, j) == i;
          if (!seen)
            g_array_append_val (shown, i);
        }
  return shown;
}

static void
series_free (gpointer p)
{
  LgrChartSeries *s = p;
  g_free (s->label);
  g_free (s->values);
  g_free (s);
}

static void
mark_clear (gpointer p)
{
  g_free (((LgrChartMark *)p)->text);
}

static void
legend_clear (gpointer p)
{
  g_free (((LgrLegendEntry *)p)->label);
}

void
lgr_chart_data_free (LgrChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->y_title);
  g_free (data->title);
  g_free (data->subtitle);
  g_free (data->source);
  g_free (data->empty_message);
  g_free (data->reference_label);
  g_strfreev (data->panel_titles);
  g_ptr_array_unref (data->series);
  g_array_unref (data->marks);
  g_array_unref (data->legend);
  g_free (data);
}

static LgrChartSeries *
add_series (LgrChartData *data, LgrSeriesType type, guint panel, const char *label, LgrRgba colour)
{
  LgrChartSeries *s = g_new0 (LgrChartSeries, 1);
  s->type = type;
  s->panel = panel;
  s->label = g_strdup (label);
  s->colour = colour;
  s->in_legend = TRUE;
  s->values = g_new0 (double, MAX (data->n_years, 1u));
  g_ptr_array_add (data->series, s);
  return s;
}

static void
add_legend (LgrChartData *data, const char *label, LgrSeriesType type, LgrRgba colour, guint marker,
            guint dash, gboolean hatched, gboolean no_marker)
{
  LgrLegendEntry e = { g_strdup (label), type, colour, marker, dash, hatched, no_marker };
  g_array_append_val (data->legend, e);
}

static void
add_mark (LgrChartData *data, LgrMarkKind kind, guint panel, double index, double value,
          LgrRgba colour, char *text)
{
  LgrChartMark m = { kind, panel, index, value, colour, text };
  g_array_append_val (data->marks, m);
}

static LgrRgba
scenario_colour (const LgrChartTheme *theme, const LgrScenarioResult *r, guint position)
{
  LgrRgba c;
  if (r->scenario->colour && lgr_chart_parse_colour (r->scenario->colour, &c))
    return c;
  return lgr_chart_palette_colour (theme, position);
}

void
lgr_chart_scenario_colour (const LgrResults *results, guint scenario_index, LgrChartStyle style,
                           double rgb[3])
{
  LgrRgba c;

  g_return_if_fail (results != NULL);
  g_return_if_fail (scenario_index < results->n_scenarios);
  c = scenario_colour (lgr_chart_theme_get (style), &results->scenarios[scenario_index],
                       scenario_index);
  rgb[0] = c.r;
  rgb[1] = c.g;
  rgb[2] = c.b;
}

static char *
year_label (const LgrChartData *data, int index)
{
  return lgr_format_financial_year (data->first_year + index);
}

/* Cashflow */

static void
build_cashflow (LgrChartData *data, const LgrResults *results, GArray *shown,
                const LgrChartTheme *theme)
{
  for (guint k = 0; k < shown->len; k++)
    {
      const LgrScenarioResult *r = &results->scenarios[g_array_index (shown, guint, k)];
      LgrRgba colour = scenario_colour (theme, r, k);
      LgrChartSeries *s = add_series (data, LGR_SERIES_LINE, 0, r->scenario->name, colour);
      s->marker = k % LGR_CHART_N_MARKERS;
      s->dash = k % LGR_CHART_N_DASHES;
      memcpy (s->values, r->cumulative, data->n_years * sizeof (double));
      add_legend (data, s->label, LGR_SERIES_LINE, colour, s->marker, s->dash, FALSE, FALSE);

      if (r->has_payback && r->payback_index > 0)
        {
          int t = r->payback_index;
          double frac = r->net[t] > 0 ? -r->cumulative[t - 1] / r->net[t] : 1.0;
          g_autofree char *year = year_label (data, t);
          /* Translators: a mark on the cashflow chart, "Pays back 2029/30" */
          add_mark (data, LGR_MARK_PAYBACK, 0, t - 1 + CLAMP (frac, 0.0, 1.0), 0, colour,
                    g_strdup_printf (_ ("Pays back %s"), year));
        }
      if (r->peak_funding > 0 && r->peak_funding_index >= 0)
        {
          g_autofree char *peak = lgr_format_money (r->peak_funding);
          add_mark (data, LGR_MARK_PEAK, 0, r->peak_funding_index,
                    r->cumulative[r->peak_funding_index], colour,
                    g_strdup_printf (_ ("Peak funding %s"), peak));
        }
    }
}

/* Savings: one panel per scenario, the same categories (levers by name, items) in the same
 * colours in every panel, so the panels compare at a glance. */

typedef struct
{
  char *key;
  char *label;
  gboolean hatched;
  int rank; /* 0 cashable savings, 1 cost avoidance, 2 costs: the order of stack and legend */
} Category;

static guint
category_index (GArray *categories, const char *key, const char *label, gboolean hatched, int rank)
{
  for (guint i = 0; i < categories->len; i++)
    if (g_str_equal (g_array_index (categories, Category, i).key, key))
      return i;
  Category c = { g_strdup (key), g_strdup (label), hatched, rank };
  g_array_append_val (categories, c);
  return categories->len - 1;
}

static void
category_clear (gpointer p)
{
  Category *c = p;
  g_free (c->key);
  g_free (c->label);
}

static gboolean
all_zero (const double *values, guint n)
{
  for (guint t = 0; t < n; t++)
    if (values[t] != 0)
      return FALSE;
  return TRUE;
}

static LgrRgba
mix (LgrRgba a, LgrRgba b, double k)
{
  return (LgrRgba){ a.r + (b.r - a.r) * k, a.g + (b.g - a.g) * k, a.b + (b.b - a.b) * k, 1.0 };
}

/* Savings and avoidance take the palette's colours but black (the net line's) and vermillion
 * (the costs'); costs are shades of vermillion, so every cost reads as a cost at a glance. */
static LgrRgba
category_colour (const LgrChartTheme *theme, guint index, gboolean cost)
{
  if (cost)
    {
      static const double shade[] = { 0, 0.45, -0.3, 0.7, -0.5 };
      LgrRgba c = lgr_chart_palette_colour (theme, 5);
      double k = shade[index % G_N_ELEMENTS (shade)];
      return k >= 0 ? mix (c, theme->background, k) : mix (c, theme->text, -k);
    }
  static const guint order[] = { 0, 2, 4, 3, 1, 6 };
  LgrRgba c = lgr_chart_palette_colour (theme, order[index % G_N_ELEMENTS (order)]);
  if (index >= G_N_ELEMENTS (order))
    c = mix (c, theme->background, 0.5); /* a second round, lightened */
  return c;
}

static void
build_savings (LgrChartData *data, const LgrResults *results, GArray *shown,
               const LgrChartTheme *theme)
{
  const LgrStudy *study = results->study;
  double R = study->benefit_realisation / 100.0;
  double K = 1.0 + study->cost_contingency / 100.0;
  guint n = data->n_years;
  g_autoptr (GArray) categories = g_array_new (FALSE, FALSE, sizeof (Category));
  g_array_set_clear_func (categories, category_clear);

  data->n_panels = MAX (shown->len, 1u);
  data->panel_titles = g_new0 (char *, data->n_panels + 1);
  /* per panel, per category: values summed over authorities */
  g_autofree GPtrArray **cells = g_new0 (GPtrArray *, data->n_panels);

  for (guint k = 0; k < shown->len; k++)
    {
      const LgrScenarioResult *r = &results->scenarios[g_array_index (shown, guint, k)];
      data->panel_titles[k] = g_strdup (r->scenario->name);
      cells[k] = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < r->n_levers + r->n_items; i++)
        {
          const double *values;
          const char *name;
          gboolean avoid, cost = FALSE;
          int code;
          if (i < r->n_levers)
            {
              const LgrLeverResult *lr = &r->levers[i];
              values = lr->saving;
              name = lr->lever->name;
              avoid = lr->lever->benefit == LGR_BENEFIT_AVOIDANCE;
              code = avoid ? 100 : 101;
            }
          else
            {
              const LgrItemResult *ir = &r->items[i - r->n_levers];
              values = ir->values;
              name = ir->item->name;
              avoid = ir->item->kind == LGR_ITEM_KIND_AVOIDANCE;
              cost = lgr_item_kind_is_cost (ir->item->kind);
              code = (int)ir->item->kind;
            }
          if (all_zero (values, n))
            continue;
          g_autofree char *key = g_strdup_printf ("%d:%s", code, name);
          g_autofree char *label
              = avoid ? g_strdup_printf (_ ("%s (cost avoidance)"), name) : g_strdup (name);
          guint c = category_index (categories, key, label, avoid, avoid ? 1 : cost ? 2 : 0);
          if (cells[k]->len <= c)
            g_ptr_array_set_size (cells[k], (int)c + 1);
          double *v = g_ptr_array_index (cells[k], c);
          if (v == NULL)
            cells[k]->pdata[c] = v = g_new0 (double, MAX (n, 1u));
          for (guint t = 0; t < n; t++)
            v[t] += cost ? -K * values[t] : R * values[t];
        }
    }

  /* Savings first, then avoidance, then costs, each in order of appearance. */
  g_autofree guint *sorted = g_new0 (guint, categories->len + 1);
  g_autofree LgrRgba *colours = g_new0 (LgrRgba, categories->len + 1);
  guint n_sorted = 0, n_benefits = 0, n_costs = 0;
  for (int rank = 0; rank < 3; rank++)
    for (guint c = 0; c < categories->len; c++)
      if (g_array_index (categories, Category, c).rank == rank)
        {
          colours[n_sorted] = rank == 2 ? category_colour (theme, n_costs++, TRUE)
                                        : category_colour (theme, n_benefits++, FALSE);
          sorted[n_sorted++] = c;
        }

  /* Columns in that order, then one net line per panel. */
  for (guint k = 0; k < shown->len; k++)
    {
      for (guint j = 0; j < n_sorted; j++)
        {
          guint c = sorted[j];
          if (c >= cells[k]->len || cells[k]->pdata[c] == NULL)
            continue;
          const Category *cat = &g_array_index (categories, Category, c);
          LgrChartSeries *s = add_series (data, LGR_SERIES_COLUMN, k, cat->label, colours[j]);
          s->hatched = cat->hatched;
          memcpy (s->values, cells[k]->pdata[c], n * sizeof (double));
        }
      g_ptr_array_unref (cells[k]);
    }
  for (guint j = 0; j < n_sorted; j++)
    {
      const Category *cat = &g_array_index (categories, Category, sorted[j]);
      add_legend (data, cat->label, LGR_SERIES_COLUMN, colours[j], 0, 0, cat->hatched, FALSE);
    }
  for (guint k = 0; k < shown->len; k++)
    {
      const LgrScenarioResult *r = &results->scenarios[g_array_index (shown, guint, k)];
      LgrChartSeries *s = add_series (data, LGR_SERIES_LINE, k, _ ("Net"), theme->text);
      s->emphasis = TRUE;
      s->in_legend = FALSE;
      memcpy (s->values, r->net, n * sizeof (double));
    }
  if (shown->len > 0)
    add_legend (data,
                study->count_avoidance ? _ ("Net (savings and avoidance less costs)")
                                       : _ ("Net (cashable savings less costs)"),
                LGR_SERIES_LINE, theme->text, 0, 0, FALSE, FALSE);
}

/* Difference against the first shown scenario */

static void
build_difference (LgrChartData *data, const LgrResults *results, GArray *shown,
                  const LgrChartTheme *theme)
{
  if (shown->len < 2)
    {
      data->empty_message = g_strdup (_ ("Show two or more scenarios to compare them."));
      return;
    }
  guint ref = g_array_index (shown, guint, 0);
  const LgrScenarioResult *a = &results->scenarios[ref];
  data->reference_label = g_strdup_printf (_ ("%s (reference)"), a->scenario->name);
  add_legend (data, data->reference_label, LGR_SERIES_LINE, theme->reference, 0, 0, FALSE, TRUE);
  for (guint k = 1; k < shown->len; k++)
    {
      guint other = g_array_index (shown, guint, k);
      const LgrScenarioResult *b = &results->scenarios[other];
      g_autoptr (LgrComparison) cmp = lgr_results_compare (results, ref, other);
      LgrRgba colour = scenario_colour (theme, b, k);
      LgrChartSeries *s = add_series (data, LGR_SERIES_LINE, 0, b->scenario->name, colour);
      s->marker = k % LGR_CHART_N_MARKERS;
      s->dash = k % LGR_CHART_N_DASHES;
      memcpy (s->values, cmp->cumulative_difference, data->n_years * sizeof (double));
      add_legend (data, s->label, LGR_SERIES_LINE, colour, s->marker, s->dash, FALSE, FALSE);

      int c = cmp->crossover_index;
      if (c > 0)
        {
          double d0 = s->values[c - 1], d1 = s->values[c];
          double frac = d1 > d0 && d0 <= 0 ? -d0 / (d1 - d0) : 1.0;
          g_autofree char *year = year_label (data, c);
          /* Translators: a mark on the difference chart, "Ahead from 2029/30" */
          add_mark (data, LGR_MARK_CROSSOVER, 0, c - 1 + CLAMP (frac, 0.0, 1.0), d0 <= 0 ? 0 : d1,
                    colour, g_strdup_printf (_ ("Ahead from %s"), year));
        }
    }
}

/* Looked-after children per authority */

static void
build_children (LgrChartData *data, const LgrResults *results, GArray *shown,
                const LgrChartTheme *theme)
{
  guint n = data->n_years, j = 0;
  for (guint k = 0; k < shown->len; k++)
    {
      const LgrScenarioResult *r = &results->scenarios[g_array_index (shown, guint, k)];
      const LgrScenario *sc = r->scenario;
      for (guint a = 0; a < sc->authorities->len; a++)
        {
          const LgrAuthority *auth = g_ptr_array_index (sc->authorities, a);
          LgrChartSeries *base = NULL, *scen = NULL;
          for (guint i = 0; i < r->n_levers; i++)
            {
              const LgrLeverResult *lr = &r->levers[i];
              if (!lr->lever->enabled || lr->lever->basis != LGR_COHORT_BASIS_CHILD_POPULATION
                  || lr->authority != auth)
                continue;
              if (scen == NULL)
                {
                  LgrRgba colour = lgr_chart_palette_colour (theme, j);
                  g_autofree char *label = shown->len > 1
                                               ? g_strdup_printf ("%s (%s)", auth->name, sc->name)
                                               : g_strdup (auth->name);
                  scen = add_series (data, LGR_SERIES_LINE, 0, label, colour);
                  scen->marker = j % LGR_CHART_N_MARKERS;
                  base = add_series (data, LGR_SERIES_LINE, 0, label, colour);
                  base->dash = 1;
                  base->marker = G_MAXUINT; /* no markers on the baseline */
                  base->in_legend = FALSE;
                  add_legend (data, label, LGR_SERIES_LINE, colour, scen->marker, 0, FALSE, FALSE);
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
  if (j == 0)
    {
      data->empty_message
          = g_strdup (_ ("None of the shown scenarios has a looked-after children lever."));
      return;
    }
  add_legend (data, _ ("Baseline (today’s rate carried forward)"), LGR_SERIES_LINE,
              theme->text_secondary, 0, 1, FALSE, TRUE);
  add_legend (data, _ ("Scenario"), LGR_SERIES_LINE, theme->text_secondary, 0, 0, FALSE, TRUE);
}

static void
compute_extent (LgrChartData *data)
{
  guint n = data->n_years;
  double lo = 0, hi = 0;
  gboolean any = FALSE;
  for (guint p = 0; p < data->n_panels; p++)
    for (guint t = 0; t < n; t++)
      {
        double pos = 0, neg = 0;
        for (guint i = 0; i < data->series->len; i++)
          {
            const LgrChartSeries *s = g_ptr_array_index (data->series, i);
            if (s->panel != p)
              continue;
            double v = s->values[t];
            if (!isfinite (v))
              continue;
            if (s->type == LGR_SERIES_COLUMN)
              {
                if (v > 0)
                  pos += v;
                else
                  neg += v;
                v = v > 0 ? pos : neg;
              }
            if (!any)
              lo = hi = v, any = TRUE;
            lo = MIN (lo, v);
            hi = MAX (hi, v);
          }
      }
  data->min = lo;
  data->max = hi;
}

LgrChartData *
lgr_chart_data_new (const LgrResults *results, const LgrChartOptions *options)
{
  const LgrChartTheme *theme = lgr_chart_theme_get (options->style);
  LgrChartData *data = g_new0 (LgrChartData, 1);
  data->kind = options->kind;
  data->first_year = results->first_year;
  data->n_years = results->n_years;
  data->n_panels = 1;
  data->money = options->kind != LGR_CHART_CHILDREN;
  data->series = g_ptr_array_new_with_free_func (series_free);
  data->marks = g_array_new (FALSE, TRUE, sizeof (LgrChartMark));
  g_array_set_clear_func (data->marks, mark_clear);
  data->legend = g_array_new (FALSE, TRUE, sizeof (LgrLegendEntry));
  g_array_set_clear_func (data->legend, legend_clear);

  const char *study_title = results->study && results->study->title ? results->study->title : "";
  data->title = g_strdup (options->title ? options->title : lgr_chart_kind_title (options->kind));
  if (options->subtitle)
    data->subtitle = g_strdup (options->subtitle);
  else if (data->n_years > 0)
    {
      g_autofree char *first = lgr_format_financial_year (data->first_year);
      g_autofree char *last = lgr_format_financial_year (data->first_year + (int)data->n_years - 1);
      /* Translators: subtitle, "Warwickshire: one unitary or two? 2025/26 to 2034/35" */
      data->subtitle = data->n_years > 1
                           ? g_strdup_printf (_ ("%s, %s to %s"), study_title, first, last)
                           : g_strdup_printf (_ ("%s, %s"), study_title, first);
    }
  else
    data->subtitle = g_strdup (study_title);
  data->source = options->source
                     ? g_strdup (options->source)
                     : g_strdup_printf (_ ("Source: %s. Drawn by LGR Explorer."), study_title);

  g_autoptr (GArray) shown = lgr_chart_shown_scenarios (results, options);
  if (shown->len == 0 || data->n_years == 0)
    data->empty_message = g_strdup (_ ("There is nothing to show: no scenario or no years."));
  else
    switch (options->kind)
      {
      case LGR_CHART_SAVINGS:
        build_savings (data, results, shown, theme);
        break;
      case LGR_CHART_DIFFERENCE:
        build_difference (data, results, shown, theme);
        break;
      case LGR_CHART_CHILDREN:
        data->y_title = g_strdup (_ ("children"));
        build_children (data, results, shown, theme);
        break;
      case LGR_CHART_CASHFLOW:
      default:
        build_cashflow (data, results, shown, theme);
        break;
      }
  if (data->kind == LGR_CHART_CHILDREN && data->y_title == NULL)
    data->y_title = g_strdup (_ ("children"));
  compute_extent (data);
  return data;
}
