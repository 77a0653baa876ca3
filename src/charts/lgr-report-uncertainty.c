/* lgr-report-uncertainty.c: the report's "How sure are we?" section, when the study gives at
 * least one input a range: the uncertainty fan and the tornado, the switching values in words
 * and the inputs with their low, central and high values and sources (docs/uncertainty.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-report-uncertainty.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lgr-chart-private.h"
#include "lgr-chart.h"
#include "lgr-format.h"

struct _LgrReportUncertain
{
  LgrUncertaintyModel *model;
  LgrUncertaintyResults *results; /* NULL when the draws failed */
  LgrSensitivity *sensitivity;
  char *error;
};

void
lgr_report_uncertain_free (LgrReportUncertain *u)
{
  if (u == NULL)
    return;
  g_clear_pointer (&u->sensitivity, lgr_sensitivity_free);
  g_clear_pointer (&u->results, lgr_uncertainty_results_free);
  g_clear_pointer (&u->model, lgr_uncertainty_model_free);
  g_free (u->error);
  g_free (u);
}

static LgrReportUncertain *
compute (const LgrStudy *study)
{
  LgrReportUncertain *u = g_new0 (LgrReportUncertain, 1);
  u->model = lgr_uncertainty_model_new (study);
  if (lgr_uncertainty_model_get_n_quantities (u->model) == 0)
    return u;
  g_autoptr (GError) error = NULL;
  u->results = lgr_uncertainty_run (u->model, (guint)study->draws, study->seed, 0, NULL, NULL, NULL,
                                    &error);
  if (u->results == NULL)
    u->error = g_strdup (error->message);
  u->sensitivity = lgr_sensitivity_compute (u->model);
  return u;
}

/* What kind of input a key names, for "this rate", "this cost", ... */
static const char *
input_noun (const char *key)
{
  const char *slash = strrchr (key, '/');
  const char *attr = slash ? slash + 1 : key;
  if (g_str_equal (attr, "cohort.target"))
    return _ ("this number");
  if (g_str_equal (attr, "unit-cost.target"))
    return _ ("this cost");
  if (g_str_equal (attr, "spread.total"))
    return _ ("this total");
  if (g_str_equal (attr, "recurring.amount"))
    return _ ("this amount");
  return _ ("this setting");
}

static gboolean
is_rate (const LgrStudy *study, const char *key)
{
  LgrQuantity q = { .key = (char *)key };
  g_autofree char *v = lgr_chart_quantity_value (study, &q, 1);
  return g_str_has_suffix (v, " per 10,000");
}

/* "Two unitaries: ahead while this rate is below 137 per 10,000" */
static char *
switching_words (const LgrStudy *study, const LgrSensitivity *s, const LgrSwitchingValue *sv)
{
  const char *noun = is_rate (study, sv->input) ? _ ("this rate") : input_noun (sv->input);
  const LgrScenario *ahead = sv->scenario;
  gboolean two = s->n_scenarios >= 2;
  const LgrScenario *first = g_ptr_array_index (study->scenarios, 0);
  if (two && s->central < 0)
    ahead = first;
  if (!sv->has_value)
    return two ? g_strdup_printf (_ ("%s: ahead whatever %s is"), ahead->name, noun)
               /* Translators: one scenario, "One unitary: pays back whatever this cost is" */
               : g_strdup_printf (_ ("%s: pays back within the horizon whatever %s is"),
                                  ahead->name, noun);
  LgrQuantity q = { .key = (char *)sv->input };
  g_autofree char *value = lgr_chart_quantity_value (study, &q, sv->value);
  gboolean below = sv->central < sv->value;
  if (two)
    return g_strdup_printf (below ? _ ("%s: ahead while %s is below %s")
                                  : _ ("%s: ahead while %s is above %s"),
                            ahead->name, noun, value);
  if (s->central < 0)
    return g_strdup_printf (below ? _ ("%s: pays back within the horizon only once %s is above %s")
                                  : _ ("%s: pays back within the horizon only once %s is below %s"),
                            ahead->name, noun, value);
  return g_strdup_printf (below ? _ ("%s: pays back within the horizon while %s is below %s")
                                : _ ("%s: pays back within the horizon while %s is above %s"),
                          ahead->name, noun, value);
}

/* The source of the lever or item a key names; NULL for a setting or a driver. */
static const char *
key_source (const LgrStudy *study, const char *key)
{
  if (g_str_has_prefix (key, "driver:"))
    return NULL;
  g_auto (GStrv) parts = g_strsplit (key, "/", 3);
  if (g_strv_length (parts) != 3)
    return NULL;
  const LgrScenario *sc = lgr_study_find_scenario (study, parts[0]);
  if (sc == NULL)
    return NULL;
  const LgrLever *lever = lgr_scenario_find_lever (sc, parts[1]);
  if (lever)
    return lever->source;
  const LgrItem *item = lgr_scenario_find_item (sc, parts[1]);
  return item ? item->source : NULL;
}

static void
switching_table (const LgrReportSink *sink, const LgrStudy *study, const LgrSensitivity *s)
{
  sink->heading (sink->report, FALSE, _ ("Switching values"));
  g_autofree char *intro = NULL;
  if (s->n_scenarios >= 2)
    {
      const LgrScenario *a = g_ptr_array_index (study->scenarios, 0);
      const LgrScenario *b = g_ptr_array_index (study->scenarios, 1);
      intro = g_strdup_printf (_ ("The value each input would have to reach, all else central, "
                                  "for %s and %s to change places by the horizon."),
                               b->name, a->name);
    }
  else
    intro = g_strdup (_ ("The value each input would have to reach, all else central, for the "
                         "scenario to stop paying back within the horizon."));
  sink->paragraph (sink->report, TRUE, intro);
  double widths[2] = { sink->width * 0.45, sink->width * 0.55 };
  const char *head[2] = { _ ("Input"), _ ("In words") };
  sink->table_row (sink->report, head, 2, widths, TRUE);
  for (guint i = 0; i < s->n_switching; i++)
    {
      const LgrSwitchingValue *sv = &s->switching[i];
      g_autofree char *words = switching_words (study, s, sv);
      const char *cells[2] = { sv->name, words };
      sink->table_row (sink->report, cells, 2, widths, FALSE);
    }
}

static void
quantity_table (const LgrReportSink *sink, const LgrStudy *study, const LgrUncertaintyModel *model)
{
  sink->heading (sink->report, FALSE, _ ("The inputs with a range"));
  double widths[4]
      = { sink->width * 0.52, sink->width * 0.16, sink->width * 0.16, sink->width * 0.16 };
  const char *head[4] = { _ ("Input and source"), _ ("Low"), _ ("Central"), _ ("High") };
  sink->table_row (sink->report, head, 4, widths, TRUE);
  for (guint k = 0; k < lgr_uncertainty_model_get_n_quantities (model); k++)
    {
      const LgrQuantity *q = lgr_uncertainty_model_get_quantity (model, k);
      const char *source = key_source (study, q->key);
      g_autofree char *name
          = source && *source ? g_strdup_printf (_ ("%s\nSource: %s"), q->name, source)
            : q->driver
                ? g_strdup_printf (_ ("%s\nLinked across scenarios (%s)"), q->name, q->driver)
                : g_strdup (q->name);
      g_autofree char *lo = lgr_chart_quantity_value (study, q, q->low);
      g_autofree char *mid = lgr_chart_quantity_value (study, q, q->central);
      g_autofree char *hi = lgr_chart_quantity_value (study, q, q->high);
      const char *cells[4] = { name, lo, mid, hi };
      sink->table_row (sink->report, cells, 4, widths, FALSE);
    }
}

void
lgr_report_uncertainty_section (const LgrReportSink *sink, const LgrResults *results,
                                LgrReportUncertain **cache)
{
  const LgrStudy *study = results->study;
  if (study == NULL)
    return;
  if (*cache == NULL)
    *cache = compute (study);
  LgrReportUncertain *u = *cache;
  if (lgr_uncertainty_model_get_n_quantities (u->model) == 0)
    return;

  sink->page_break (sink->report);
  sink->heading (sink->report, TRUE, _ ("How sure are we?"));
  g_autofree char *draws = lgr_format_count (study->draws, 0);
  g_autofree char *seed = lgr_format_count (study->seed, 0);
  /* Translators: the start of the report's "How sure are we?" section */
  g_autofree char *intro = g_strdup_printf (
      _ ("The figures so far take every input at its central value. Here each of the %u inputs "
         "with a range is drawn between its low and its high, most often near its central "
         "value (a triangular distribution), in %s draws of the whole study (seed %s)."),
      lgr_uncertainty_model_get_n_quantities (u->model), draws, seed);
  sink->paragraph (sink->report, FALSE, intro);

  LgrChartOptions options;
  if (u->results)
    {
      lgr_chart_options_init (&options, LGR_CHART_UNCERTAINTY);
      options.uncertainty = u->results;
      sink->chart (sink->report, &options, sink->width * 0.62);
      g_autofree char *text = lgr_chart_describe (results, &options);
      sink->paragraph (sink->report, FALSE, text);
    }
  else
    sink->paragraph (sink->report, FALSE, u->error);

  sink->page_break (sink->report);
  lgr_chart_options_init (&options, LGR_CHART_TORNADO);
  options.sensitivity = u->sensitivity;
  sink->chart (sink->report, &options, sink->width * 0.75);
  sink->paragraph (sink->report, TRUE,
                   _ ("Each bar moves one input alone from its low to its high, every other "
                      "input central; the hatched side is the input at its low."));
  switching_table (sink, study, u->sensitivity);
  quantity_table (sink, study, u->model);
}
