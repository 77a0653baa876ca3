/* lgr-chart-savings.c: annual savings and costs, one panel per scenario: the same categories
 * (levers by name, items) in the same colours in every panel, so the panels compare at a glance;
 * savings stacked above zero, costs below, the net as a line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lgr-format.h"

/* More categories than any study has by hand; past it the smallest are grouped as "Other
 * savings", "Other cost avoidance" and "Other costs", so a study of thousands of items draws as
 * many segments as this, and the legend can name them. */
#define MAX_CATEGORIES 40

typedef struct
{
  char *key;
  char *label;
  gboolean hatched;
  int rank;      /* 0 cashable savings, 1 cost avoidance, 2 costs: the order of stack and legend;
                    -1 once grouped into an "Other" category */
  double weight; /* the sum of its magnitudes over panels and years: what it keeps */
} Category;

/* The category of key, found through index (key -> position + 1), or a new one. */
static guint
category_index (GArray *categories, GHashTable *index, const char *key, const char *label,
                gboolean hatched, int rank)
{
  guint found = GPOINTER_TO_UINT (g_hash_table_lookup (index, key));
  if (found > 0)
    return found - 1;
  Category c = { g_strdup (key), g_strdup (label), hatched, rank, 0 };
  g_array_append_val (categories, c);
  g_hash_table_insert (index, c.key, GUINT_TO_POINTER (categories->len));
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

typedef struct
{
  double weight;
  guint index;
} Ranked;

static int
compare_ranked (const void *a, const void *b)
{
  const Ranked *x = a, *y = b;
  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

/* A panel's values of category c (NULL if it has none): cells hold position + 1 -> values. */
static double *
cell (GHashTable *cells, guint c)
{
  return g_hash_table_lookup (cells, GUINT_TO_POINTER (c + 1));
}

static double *
cell_add (GHashTable *cells, guint c, guint n)
{
  double *v = cell (cells, c);
  if (v == NULL)
    {
      v = g_new0 (double, MAX (n, 1u));
      g_hash_table_insert (cells, GUINT_TO_POINTER (c + 1), v);
    }
  return v;
}

/* Keeps the largest MAX_CATEGORIES - 3 categories and adds the rest, panel by panel, into one
 * "Other" category of their rank. Each panel's cells are read once. */
static void
group_smallest (GArray *categories, GHashTable **cells, guint n_panels, guint n)
{
  static const char *const other_labels[]
      = { N_ ("Other savings"), N_ ("Other cost avoidance"), N_ ("Other costs") };
  guint n_cat = categories->len;
  g_autofree Ranked *ranked = g_new (Ranked, n_cat);
  for (guint c = 0; c < n_cat; c++)
    {
      double w = g_array_index (categories, Category, c).weight;
      ranked[c] = (Ranked){ isfinite (w) ? w : G_MAXDOUBLE, c };
    }
  qsort (ranked, n_cat, sizeof (Ranked), compare_ranked);

  guint other[3] = { 0, 0, 0 };                   /* position + 1 of each rank's "Other" */
  g_autofree guint *into = g_new0 (guint, n_cat); /* position + 1 of where c goes, or 0 */
  for (guint j = MAX_CATEGORIES - 3; j < n_cat; j++)
    {
      guint c = ranked[j].index;
      int rank = g_array_index (categories, Category, c).rank;
      if (other[rank] == 0)
        {
          Category o = { g_strdup_printf ("other:%d", rank), g_strdup (_ (other_labels[rank])),
                         rank == 1, rank, 0 };
          g_array_append_val (categories, o);
          other[rank] = categories->len;
        }
      g_array_index (categories, Category, c).rank = -1;
      into[c] = other[rank];
    }

  for (guint k = 0; k < n_panels; k++)
    {
      /* take the grouped cells out, then add them up in category order */
      g_autoptr (GArray) moved = g_array_new (FALSE, FALSE, sizeof (Ranked));
      GHashTableIter iter;
      gpointer key, value;
      g_hash_table_iter_init (&iter, cells[k]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint c = GPOINTER_TO_UINT (key) - 1;
          if (c < n_cat && into[c] != 0)
            {
              Ranked m = { 0, c };
              g_array_append_val (moved, m);
            }
        }
      g_array_sort (moved, compare_ranked); /* equal weights: by position */
      for (guint i = 0; i < moved->len; i++)
        {
          guint c = g_array_index (moved, Ranked, i).index;
          double *sum = cell_add (cells[k], into[c] - 1, n);
          const double *from = cell (cells[k], c);
          for (guint t = 0; t < n; t++)
            sum[t] += from[t];
          g_hash_table_remove (cells[k], GUINT_TO_POINTER (c + 1));
        }
    }
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
  /* keys are owned by the categories */
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  data->n_panels = MAX (shown->len, 1u);
  data->panel_titles = g_new0 (char *, data->n_panels + 1);
  /* per panel, per category: values summed over authorities */
  g_autofree GHashTable **cells = g_new0 (GHashTable *, data->n_panels);

  for (guint k = 0; k < shown->len; k++)
    {
      const LgrScenarioResult *r = &results->scenarios[g_array_index (shown, guint, k)];
      data->panel_titles[k] = lgr_format_truncate (r->scenario->name, LGR_FORMAT_MAX_NAME_CHARS);
      cells[k] = g_hash_table_new_full (NULL, NULL, NULL, g_free);
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
          g_autofree char *shown_name = lgr_format_truncate (name, LGR_FORMAT_MAX_NAME_CHARS);
          g_autofree char *label = avoid ? g_strdup_printf (_ ("%s (cost avoidance)"), shown_name)
                                         : g_strdup (shown_name);
          guint c = category_index (categories, index, key, label, avoid, avoid ? 1 : cost ? 2 : 0);
          double *v = cell_add (cells[k], c, n);
          Category *cat = &g_array_index (categories, Category, c);
          for (guint t = 0; t < n; t++)
            {
              v[t] += cost ? -K * values[t] : R * values[t];
              if (isfinite (values[t]))
                cat->weight += fabs (values[t]);
            }
        }
    }
  if (categories->len > MAX_CATEGORIES)
    group_smallest (categories, cells, shown->len, n);

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
          const double *values = cell (cells[k], c);
          if (values == NULL)
            continue;
          const Category *cat = &g_array_index (categories, Category, c);
          LgrChartSeries *s
              = lgr_chart_data_add_series (data, LGR_SERIES_COLUMN, k, cat->label, colours[j]);
          s->hatched = cat->hatched;
          memcpy (s->values, values, n * sizeof (double));
        }
      g_hash_table_unref (cells[k]);
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
      lgr_chart_start_add (data, r, G_STRUCT_OFFSET (LgrScenarioResult, net), k, 0, theme);
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
      if (s->panel != panel || s->start)
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
  lgr_chart_start_describe (out, data);
}

void
lgr_chart_describe_year_savings (GString *out, const LgrChartData *data, int year_index)
{
  for (guint p = 0; p < data->n_panels && data->panel_titles && data->panel_titles[p]; p++)
    {
      g_string_append_c (out, '\n');
      append_savings_year (out, data, p, year_index);
      for (guint i = 0; i < data->series->len; i++)
        {
          const LgrChartSeries *s = g_ptr_array_index (data->series, i);
          if (s->start && s->panel == p)
            {
              g_autofree char *v = lgr_chart_format_value (data, s->values[year_index]);
              /* Translators: after a year's figures, "; starting point net £30.1m" */
              g_string_append_printf (out, _ ("; starting point net %s"), v);
            }
        }
    }
}
