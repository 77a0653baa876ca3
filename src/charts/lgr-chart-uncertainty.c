/* lgr-chart-uncertainty.c: the uncertainty fan - the cumulative net cashflow of each scenario
 * with the middle 80% of the Monte Carlo's draws (P10 to P90) shaded in its colour, the median
 * dashed and the central line solid, paid-back and peak funding marked as on the cashflow
 * chart, and how often the scenarios come out ahead under the title. Also what both uncertain
 * kinds share: where their figures come from and an input value in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lgr-format.h"

struct _LgrChartUncertain
{
  LgrUncertaintyModel *model;
  LgrUncertaintyResults *results;
  LgrSensitivity *sensitivity;
};

void
lgr_chart_uncertain_free (LgrChartUncertain *u)
{
  if (u == NULL)
    return;
  g_clear_pointer (&u->sensitivity, lgr_sensitivity_free);
  g_clear_pointer (&u->results, lgr_uncertainty_results_free);
  g_clear_pointer (&u->model, lgr_uncertainty_model_free);
  g_free (u);
}

gboolean
lgr_chart_uncertain_applies (const LgrResults *results)
{
  if (results->study == NULL)
    return FALSE;
  g_autoptr (LgrUncertaintyModel) model = lgr_uncertainty_model_new (results->study);
  return lgr_uncertainty_model_get_n_quantities (model) > 0;
}

static const char *
no_quantity_message (void)
{
  return _ ("This study gives no input a range, so every draw is the central line: give an "
            "input a low and a high, or the study a default range, to see how sure it is.");
}

LgrChartUncertain *
lgr_chart_uncertain_prepare (LgrChartData *data, const LgrResults *results,
                             const LgrChartOptions *options)
{
  LgrChartUncertain *u = g_new0 (LgrChartUncertain, 1);
  gboolean tornado = data->kind == LGR_CHART_TORNADO;
  /* the uncertainty chart's default subtitle is its probability sentence */
  if (!tornado && options->subtitle == NULL)
    g_clear_pointer (&data->subtitle, g_free);
  data->uncertainty = options->uncertainty;
  data->sensitivity = options->sensitivity;
  if ((tornado ? (gconstpointer)data->sensitivity : (gconstpointer)data->uncertainty) == NULL)
    {
      if (results->study == NULL)
        {
          data->empty_message = g_strdup (no_quantity_message ());
          return u;
        }
      u->model = lgr_uncertainty_model_new (results->study);
      if (lgr_uncertainty_model_get_n_quantities (u->model) == 0)
        {
          data->empty_message = g_strdup (no_quantity_message ());
          return u;
        }
      if (tornado)
        data->sensitivity = u->sensitivity = lgr_sensitivity_compute (u->model);
      else
        {
          g_autoptr (GError) error = NULL;
          const LgrStudy *study = results->study;
          u->results = lgr_uncertainty_run (u->model, (guint)study->draws, study->seed, 0, NULL,
                                            NULL, NULL, &error);
          if (u->results == NULL)
            {
              data->empty_message = g_strdup (error->message);
              return u;
            }
          data->uncertainty = u->results;
        }
    }
  if (tornado ? data->sensitivity->n_rows == 0 : data->uncertainty->draws == 0)
    data->empty_message = g_strdup (no_quantity_message ());
  else if (!tornado
           && (data->uncertainty->n_scenarios != results->n_scenarios
               || data->uncertainty->n_years != results->n_years))
    data->empty_message
        = g_strdup (_ ("The draws were made for another version of the study: wait for new ones."));
  return u;
}

/* The attribute a key ends with: "cohort.target" of "two/north-lac/cohort.target". */
static const char *
key_attribute (const char *key)
{
  const char *slash = strrchr (key, '/');
  return slash ? slash + 1 : key;
}

static const LgrLever *
key_lever (const LgrStudy *study, const char *key)
{
  g_auto (GStrv) parts = g_strsplit (key, "/", 3);
  if (g_strv_length (parts) != 3 || g_str_has_prefix (key, "driver:"))
    return NULL;
  const LgrScenario *sc = lgr_study_find_scenario (study, parts[0]);
  return sc ? lgr_scenario_find_lever (sc, parts[1]) : NULL;
}

char *
lgr_chart_quantity_value (const LgrStudy *study, const LgrQuantity *q, double value)
{
  const char *attr = key_attribute (q->key);
  if (g_str_equal (attr, "realisation.start"))
    return lgr_format_financial_year ((int)round (value));
  if (g_str_equal (attr, "unit-cost.target") || g_str_equal (attr, "spread.total")
      || g_str_equal (attr, "recurring.amount"))
    return lgr_format_money (value);
  if (g_str_has_prefix (attr, "growth.") || g_str_has_prefix (attr, "settings."))
    {
      g_autofree char *v = lgr_format_decimal (value, 2);
      return g_strdup_printf ("%s%%", v);
    }
  g_autofree char *v = lgr_format_decimal (value, 2);
  const LgrLever *lever = study ? key_lever (study, q->key) : NULL;
  if (g_str_equal (attr, "cohort.target") && lever && lever->basis != LGR_COHORT_BASIS_COUNT)
    /* Translators: a rate in a chart's label, "52 per 10,000" */
    return g_strdup_printf (_ ("%s per 10,000"), v);
  return g_steal_pointer (&v);
}

/* "Two unitaries came out ahead of One unitary in 91% of 10,000 draws." for each scenario
 * shown after the first; with one scenario, how often it pays back. */
static char *
probability_sentence (const LgrUncertaintyResults *unc, GArray *shown)
{
  GString *out = g_string_new (NULL);
  g_autofree char *draws = lgr_format_count (unc->draws, 0);
  for (guint k = 0; k < shown->len; k++)
    {
      guint i = g_array_index (shown, guint, k);
      const LgrUncertaintyScenario *s = &unc->scenarios[i];
      if (shown->len > 1 && !s->compared)
        continue;
      double p = shown->len > 1 ? s->ahead_probability : s->pays_back;
      g_autofree char *percent = lgr_format_percent (round (p * 100));
      if (out->len)
        g_string_append_c (out, ' ');
      if (shown->len > 1)
        /* Translators: "Two unitaries came out ahead of One unitary in 91% of 10,000 draws." */
        g_string_append_printf (out, _ ("%s came out ahead of %s in %s of %s draws."),
                                s->scenario->name, unc->scenarios[0].scenario->name, percent,
                                draws);
      else
        /* Translators: "One unitary pays back within the horizon in 87% of 10,000 draws." */
        g_string_append_printf (out, _ ("%s pays back within the horizon in %s of %s draws."),
                                s->scenario->name, percent, draws);
    }
  return g_string_free (out, FALSE);
}

void
lgr_chart_build_uncertainty (LgrChartData *data, const LgrResults *results, GArray *shown,
                             const LgrChartTheme *theme)
{
  const LgrUncertaintyResults *unc = data->uncertainty;
  g_autofree guint *slots = lgr_chart_style_slots (results);
  gsize bytes = data->n_years * sizeof (double);
  for (guint k = 0; k < shown->len; k++)
    {
      guint index = g_array_index (shown, guint, k);
      const LgrScenarioResult *r = &results->scenarios[index];
      const LgrUncertaintyScenario *us = &unc->scenarios[index];
      LgrRgba colour = lgr_chart_scenario_rgba (theme, r, index);

      LgrChartBand band = { 0, colour, g_memdup2 (us->cumulative_p10, bytes),
                            g_memdup2 (us->cumulative_p90, bytes) };
      g_array_append_val (data->bands, band);

      /* Translators: the median line of a scenario in the uncertainty chart's figures */
      g_autofree char *median = g_strdup_printf (_ ("%s, median of the draws"), r->scenario->name);
      LgrChartSeries *m = lgr_chart_data_add_series (data, LGR_SERIES_LINE, 0, median, colour);
      m->marker = G_MAXUINT;
      m->dash = 1;
      m->in_legend = FALSE;
      memcpy (m->values, us->cumulative_p50, bytes);

      LgrChartSeries *s
          = lgr_chart_data_add_series (data, LGR_SERIES_LINE, 0, r->scenario->name, colour);
      guint dash;
      lgr_chart_slot_style (slots[index], &s->marker, &dash);
      memcpy (s->values, r->cumulative, bytes);
      lgr_chart_data_add_legend (data, s->label, LGR_SERIES_LINE, colour, s->marker, 0, FALSE,
                                 FALSE);
      lgr_chart_cashflow_marks (data, r, colour);
    }
  LgrRgba key = theme->text_secondary;
  lgr_chart_data_add_legend (data, _ ("Central"), LGR_SERIES_LINE, key, 0, 0, FALSE, TRUE);
  lgr_chart_data_add_legend (data, _ ("Median of the draws"), LGR_SERIES_LINE, key, 0, 1, FALSE,
                             TRUE);
  key.a = 0.3;
  lgr_chart_data_add_legend (data, _ ("Middle 80% of the draws (P10 to P90)"), LGR_SERIES_COLUMN,
                             key, 0, 0, FALSE, TRUE);
  if (data->subtitle == NULL)
    data->subtitle = probability_sentence (unc, shown);
}

void
lgr_chart_layer_bands (LgrChartLayout *layout, guint p, cairo_t *cr)
{
  const LgrChartPanel *panel = &layout->panels[p];
  const LgrChartData *data = layout->data;
  cairo_save (cr);
  cairo_rectangle (cr, panel->plot.x, panel->plot.y, panel->plot.width, panel->plot.height);
  cairo_clip (cr);
  for (guint i = 0; i < data->bands->len; i++)
    {
      const LgrChartBand *b = &g_array_index (data->bands, LgrChartBand, i);
      if (b->panel != p || data->n_years == 0)
        continue;
      for (guint t = 0; t < data->n_years; t++)
        {
          double f = lgr_value_axis_fraction (&panel->y, b->upper[t]);
          cairo_line_to (cr, lgr_band_axis_centre (&panel->x, t),
                         panel->plot.y + panel->plot.height * (1 - f));
        }
      for (guint t = data->n_years; t-- > 0;)
        {
          double f = lgr_value_axis_fraction (&panel->y, b->lower[t]);
          cairo_line_to (cr, lgr_band_axis_centre (&panel->x, t),
                         panel->plot.y + panel->plot.height * (1 - f));
        }
      cairo_close_path (cr);
      /* translucent, so overlapping bands both show and the grid shows through */
      LgrRgba fill = b->colour;
      fill.a = 0.22;
      lgr_chart_set_source (cr, fill);
      cairo_fill_preserve (cr);
      LgrRgba edge = b->colour;
      edge.a = 0.5;
      lgr_chart_set_source (cr, edge);
      cairo_set_line_width (cr, 0.8 * layout->unit);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
lgr_chart_describe_uncertainty (GString *out, const LgrChartData *data, const LgrResults *results,
                                GArray *shown)
{
  if (data->subtitle && *data->subtitle)
    g_string_append_printf (out, " %s", data->subtitle);
  guint last = data->n_years - 1;
  g_autofree char *year = lgr_format_financial_year (data->first_year + (int)last);
  for (guint k = 0; k < data->bands->len && k < shown->len; k++)
    {
      const LgrChartBand *b = &g_array_index (data->bands, LgrChartBand, k);
      const LgrScenarioResult *r = &results->scenarios[g_array_index (shown, guint, k)];
      g_autofree char *lo = lgr_format_money (b->lower[last]);
      g_autofree char *hi = lgr_format_money (b->upper[last]);
      g_autofree char *central = lgr_format_money (r->cumulative[last]);
      /* Translators: "Two unitaries by 2034/35: £41.2m central, £30.1m to £52.3m in 80% of
       * the draws." */
      g_string_append_printf (out, _ (" %s by %s: %s central, %s to %s in 80%% of the draws."),
                              r->scenario->name, year, central, lo, hi);
    }
}

void
lgr_chart_describe_year_uncertainty (GString *out, const LgrChartData *data, int year_index)
{
  guint band = 0;
  for (guint i = 0; i < data->series->len; i++)
    {
      const LgrChartSeries *s = g_ptr_array_index (data->series, i);
      if (!s->in_legend)
        continue;
      g_autofree char *v = lgr_chart_format_value (data, s->values[year_index]);
      g_string_append_printf (out, "\n%s: %s", s->label, v);
      if (band < data->bands->len)
        {
          const LgrChartBand *b = &g_array_index (data->bands, LgrChartBand, band++);
          g_autofree char *lo = lgr_chart_format_value (data, b->lower[year_index]);
          g_autofree char *hi = lgr_chart_format_value (data, b->upper[year_index]);
          /* Translators: after a figure, " (80% of draws: £3.1m to £5.2m)" */
          g_string_append_printf (out, _ (" (80%% of draws: %s to %s)"), lo, hi);
        }
    }
}
