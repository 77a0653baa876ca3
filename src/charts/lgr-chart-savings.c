/* lgr-chart-savings.c: annual savings and costs, one panel per scenario: the same categories
 * (levers by name, items) in the same colours in every panel, so the panels compare at a glance;
 * savings stacked above zero, costs below, the net as a line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lgr-format.h"

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

void
lgr_chart_build_savings (LgrChartData *data, const LgrResults *results, GArray *shown,
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
          LgrChartSeries *s
              = lgr_chart_data_add_series (data, LGR_SERIES_COLUMN, k, cat->label, colours[j]);
          s->hatched = cat->hatched;
          memcpy (s->values, cells[k]->pdata[c], n * sizeof (double));
        }
      g_ptr_array_unref (cells[k]);
    }
  for (guint j = 0; j < n_sorted; j++)
    {
      const Category *cat = &g_array_index (categories, Category, sorted[j]);
      lgr_chart_data_add_legend (data, cat->label, LGR_SERIES_COLUMN, colours[j], 0, 0,
                                 cat->hatched, FALSE);
    }
  for (guint k = 0; k < shown->len; k++)
    {
      const LgrScenarioResult *r = &results->scenarios[g_array_index (shown, guint, k)];
      LgrChartSeries *s
          = lgr_chart_data_add_series (data, LGR_SERIES_LINE, k, _ ("Net"), theme->text);
      s->emphasis = TRUE;
      s->in_legend = FALSE;
      memcpy (s->values, r->net, n * sizeof (double));
    }
  if (shown->len > 0)
    lgr_chart_data_add_legend (data,
                               study->count_avoidance ? _ ("Net (savings and avoidance less costs)")
                                                      : _ ("Net (cashable savings less costs)"),
                               LGR_SERIES_LINE, theme->text, 0, 0, FALSE, FALSE);
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

void
lgr_chart_describe_savings (GString *out, const LgrChartData *data, const LgrResults *results,
                            GArray *shown)
{
  g_autofree char *last
      = lgr_format_financial_year (results->first_year + (int)results->n_years - 1);
  for (guint p = 0; p < data->n_panels; p++)
    {
      g_string_append_printf (out, " %s ", last);
      append_savings_year (out, data, p, (int)results->n_years - 1);
      g_string_append_c (out, '.');
    }
}

void
lgr_chart_describe_year_savings (GString *out, const LgrChartData *data, int year_index)
{
  for (guint p = 0; p < data->n_panels && data->panel_titles && data->panel_titles[p]; p++)
    {
      g_string_append_c (out, '\n');
      append_savings_year (out, data, p, year_index);
    }
}
