/* lgr-chart-data.c: what a chart shows - series, marks and legend entries - and the helpers the
 * builders (one file per chart kind, lgr-chart-<kind>.c) fill it with.
 *
 * Nothing here draws or measures, and nothing here knows a chart kind: the catalogue
 * (lgr-chart-catalogue.c) picks the builder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-private.h"
#include "lgr-scenario-style.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lgr-format.h"

/* a series or legend label: a name and the words around it ("... (cost avoidance)") */
#define LABEL_CHARS (2 * LGR_FORMAT_MAX_NAME_CHARS)

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
band_clear (gpointer p)
{
  LgrChartBand *b = p;
  g_free (b->lower);
  g_free (b->upper);
}

static void
bar_clear (gpointer p)
{
  g_free (((LgrChartBar *)p)->label);
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
  g_clear_pointer (&data->citations, g_ptr_array_unref);
  g_free (data->empty_message);
  g_free (data->reference_label);
  g_strfreev (data->panel_titles);
  g_ptr_array_unref (data->series);
  g_array_unref (data->marks);
  g_array_unref (data->legend);
  g_array_unref (data->bands);
  g_clear_pointer (&data->bars, g_array_unref);
  g_free (data->note);
  g_free (data);
}

LgrChartSeries *
lgr_chart_data_add_series (LgrChartData *data, LgrSeriesType type, guint panel, const char *label,
                           LgrRgba colour)
{
  LgrChartSeries *s = g_new0 (LgrChartSeries, 1);
  s->type = type;
  s->panel = panel;
  s->label = lgr_format_truncate (label, LABEL_CHARS);
  s->colour = colour;
  s->in_legend = TRUE;
  s->values = g_new0 (double, MAX (data->n_years, 1u));
  g_ptr_array_add (data->series, s);
  return s;
}

void
lgr_chart_data_add_legend (LgrChartData *data, const char *label, LgrSeriesType type,
                           LgrRgba colour, guint marker, guint dash, gboolean hatched,
                           gboolean no_marker)
{
  LgrLegendEntry e = {
    lgr_format_truncate (label, LABEL_CHARS), type, colour, marker, dash, hatched, no_marker
  };
  g_array_append_val (data->legend, e);
}

void
lgr_chart_data_add_mark (LgrChartData *data, LgrMarkKind kind, guint panel, double index,
                         double value, LgrRgba colour, char *text)
{
  LgrChartMark m = { kind, panel, index, value, colour, text };
  g_array_append_val (data->marks, m);
}

LgrRgba
lgr_chart_scenario_rgba (const LgrChartTheme *theme, const LgrScenarioResult *r, guint index)
{
  LgrRgba c;
  if (r->scenario->colour && lgr_chart_parse_colour (r->scenario->colour, &c))
    {
      /* A palette colour is drawn as the theme draws it (black light on dark). */
      for (guint s = 0; s < LGR_CHART_N_PALETTE; s++)
        if (g_ascii_strcasecmp (r->scenario->colour, lgr_scenario_style_palette (s)) == 0)
          return lgr_chart_palette_colour (theme, s);
      return c;
    }
  return lgr_chart_palette_colour (theme, index);
}

/* Nothing here knows a kind, but bars are the tornado's: whatever the kind, the same holder. */
void
lgr_chart_data_add_bar (LgrChartData *data, char *label, double at_low, double at_high)
{
  if (data->bars == NULL)
    {
      data->bars = g_array_new (FALSE, TRUE, sizeof (LgrChartBar));
      g_array_set_clear_func (data->bars, bar_clear);
    }
  LgrChartBar b = { label, at_low, at_high };
  g_array_append_val (data->bars, b);
}

void
lgr_chart_data_set_citations (LgrChartData *data, const LgrResults *results, GPtrArray *cited)
{
  if (data->citations == NULL)
    return; /* the caller's own source line */
  g_autofree char *study_title
      = lgr_format_truncate (results->study && results->study->title ? results->study->title : "",
                             LGR_FORMAT_MAX_NAME_CHARS);
  g_free (data->source);
  data->source = lgr_chart_sources_line (cited, cited->len, study_title);
  g_ptr_array_set_size (data->citations, 0);
  for (guint i = 0; i < cited->len; i++)
    g_ptr_array_add (data->citations, g_strdup (g_ptr_array_index (cited, i)));
}

LgrChartData *
lgr_chart_data_alloc (const LgrResults *results, const LgrChartOptions *options, const char *title,
                      const char *y_title, guint n_shown)
{
  LgrChartData *data = g_new0 (LgrChartData, 1);
  data->kind = options->kind;
  data->first_year = results->first_year;
  data->n_years = results->n_years;
  data->n_panels = 1;
  data->money = y_title == NULL;
  data->y_title = g_strdup (y_title);
  data->series = g_ptr_array_new_with_free_func (series_free);
  data->marks = g_array_new (FALSE, TRUE, sizeof (LgrChartMark));
  g_array_set_clear_func (data->marks, mark_clear);
  data->legend = g_array_new (FALSE, TRUE, sizeof (LgrLegendEntry));
  g_array_set_clear_func (data->legend, legend_clear);
  data->bands = g_array_new (FALSE, TRUE, sizeof (LgrChartBand));
  g_array_set_clear_func (data->bands, band_clear);

  /* names reach the chart cut to a line's worth, so its text alternative stays readable too */
  g_autofree char *study_title
      = lgr_format_truncate (results->study && results->study->title ? results->study->title : "",
                             LGR_FORMAT_MAX_NAME_CHARS);
  data->title = g_strdup (options->title ? options->title : title);
  if (options->subtitle)
    data->subtitle = g_strdup (options->subtitle);
  else if (data->n_years > 0)
    {
      g_autofree char *first = lgr_format_financial_year (data->first_year);
      g_autofree char *last = lgr_format_financial_year (data->first_year + (int)data->n_years - 1);
      /* no comma after a title that ends a sentence: "... or two? 2025/26 to 2034/35" */
      gsize n = strlen (study_title);
      gboolean stop = n > 0 && strchr ("?!.:", study_title[n - 1]);
      if (stop)
        /* Translators: subtitle after a title ending in "?", "Warwickshire: one unitary or
         * two? 2025/26 to 2034/35" */
        data->subtitle = data->n_years > 1
                             ? g_strdup_printf (_ ("%s %s to %s"), study_title, first, last)
                             : g_strdup_printf (_ ("%s %s"), study_title, first);
      else
        /* Translators: subtitle, "Warwickshire, 2025/26 to 2034/35" */
        data->subtitle = data->n_years > 1
                             ? g_strdup_printf (_ ("%s, %s to %s"), study_title, first, last)
                             : g_strdup_printf (_ ("%s, %s"), study_title, first);
    }
  else
    data->subtitle = g_strdup (study_title);
  if (options->source)
    data->source = g_strdup (options->source);
  else if (options->show_title)
    {
      /* the documents behind the shown scenarios' levers and items; a builder showing only
       * some of them names theirs (lgr_chart_data_set_citations()). Only a chart with its
       * title has the source line: the window's chart (every change) does not look. */
      g_autoptr (GPtrArray) cited = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GArray) shown = lgr_chart_shown_scenarios (results, options);
      for (guint k = 0; k < shown->len; k++)
        {
          const LgrScenario *sc = results->scenarios[g_array_index (shown, guint, k)].scenario;
          for (guint i = 0; i < sc->levers->len; i++)
            lgr_chart_sources_cite (cited, ((LgrLever *)g_ptr_array_index (sc->levers, i))->source);
          for (guint i = 0; i < sc->items->len; i++)
            lgr_chart_sources_cite (cited, ((LgrItem *)g_ptr_array_index (sc->items, i))->source);
        }
      data->citations = g_ptr_array_new_with_free_func (g_free);
      lgr_chart_data_set_citations (data, results, cited);
    }
  if (n_shown == 0 || data->n_years == 0)
    data->empty_message = g_strdup (_ ("There is nothing to show: no scenario or no years."));
  return data;
}

void
lgr_chart_data_finish (LgrChartData *data)
{
  guint n = data->n_years;
  double lo = 0, hi = 0;
  gboolean any = FALSE;
  /* the running stacks of every panel and year, so the series are read once each */
  gsize n_cells = (gsize)data->n_panels * n;
  g_autofree double *pos = g_new0 (double, MAX (n_cells, 1));
  g_autofree double *neg = g_new0 (double, MAX (n_cells, 1));
  for (guint i = 0; i < data->series->len; i++)
    {
      const LgrChartSeries *s = g_ptr_array_index (data->series, i);
      if (s->panel >= data->n_panels)
        continue;
      for (guint t = 0; t < n; t++)
        {
          double v = s->values[t];
          if (!isfinite (v))
            continue;
          if (s->type == LGR_SERIES_COLUMN)
            {
              double *stack = v > 0 ? &pos[(gsize)s->panel * n + t] : &neg[(gsize)s->panel * n + t];
              *stack += v;
              v = *stack;
            }
          if (!any)
            lo = hi = v, any = TRUE;
          lo = MIN (lo, v);
          hi = MAX (hi, v);
        }
    }
  for (guint i = 0; i < data->bands->len; i++)
    {
      const LgrChartBand *b = &g_array_index (data->bands, LgrChartBand, i);
      for (guint t = 0; t < n; t++)
        if (isfinite (b->lower[t]) && isfinite (b->upper[t]))
          {
            if (!any)
              lo = hi = b->lower[t], any = TRUE;
            lo = MIN (lo, MIN (b->lower[t], b->upper[t]));
            hi = MAX (hi, MAX (b->lower[t], b->upper[t]));
          }
    }
  data->min = lo;
  data->max = hi;
}
