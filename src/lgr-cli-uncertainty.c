/* lgr-cli-uncertainty.c: --uncertainty=json and --sensitivity=json|csv (see
 * lgr-cli-uncertainty.h): the Monte Carlo, the tornado rows and the switching values of
 * src/core/lgr-uncertainty.h and lgr-sensitivity.h, written as they go through an LgrWriter;
 * numbers by lgr_number_to_string() (a dot decimal in every locale), null where there is none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-cli-uncertainty.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "lgr-cli-snapshot.h"
#include "lgr-cli.h"
#include "lgr-csv.h"
#include "lgr-format.h"
#include "lgr-rules.h"
#include "lgr-sensitivity.h"
#include "lgr-study-io.h"
#include "lgr-writer.h"

/* "key": */
static void
key (LgrWriter *out, const char *name)
{
  lgr_writer_append_json_string (out, name);
  lgr_writer_append (out, ": ");
}

static void
number (LgrWriter *out, double value)
{
  if (isfinite (value))
    lgr_writer_append_number (out, value + 0.0); /* -0 is written 0 */
  else
    lgr_writer_append (out, "null");
}

static void
number_or_null (LgrWriter *out, gboolean given, double value)
{
  if (given)
    number (out, value);
  else
    lgr_writer_append (out, "null");
}

/* "key": value, then sep */
static void
field (LgrWriter *out, const char *name, double value, const char *sep)
{
  key (out, name);
  number (out, value);
  lgr_writer_append (out, sep);
}

static void
series (LgrWriter *out, const double *values, guint n)
{
  lgr_writer_append_c (out, '[');
  for (guint t = 0; t < n; t++)
    {
      if (t)
        lgr_writer_append (out, ", ");
      number (out, values[t]);
    }
  lgr_writer_append_c (out, ']');
}

static void
distribution (LgrWriter *out, const LgrDistribution *d)
{
  lgr_writer_append_c (out, '{');
  field (out, "mean", d->mean, ", ");
  field (out, "p10", d->p10, ", ");
  field (out, "p50", d->p50, ", ");
  field (out, "p90", d->p90, "}");
}

static void
uncertainty_json (LgrWriter *out, const LgrUncertaintyModel *model, const LgrUncertaintyResults *r)
{
  const LgrStudy *study = lgr_uncertainty_model_get_study (model);
  guint nq = lgr_uncertainty_model_get_n_quantities (model);

  lgr_writer_append (out, "{\n  ");
  key (out, "title");
  lgr_writer_append_json_string (out, study->title);
  lgr_writer_append (out, ",\n  ");
  key (out, "years");
  lgr_writer_append_c (out, '[');
  for (guint t = 0; t < r->n_years; t++)
    {
      g_autofree char *label = lgr_format_financial_year (r->first_year + (int)t);
      if (t)
        lgr_writer_append (out, ", ");
      lgr_writer_append_json_string (out, label);
    }
  lgr_writer_append (out, "],\n  ");
  field (out, "draws", r->draws, ",\n  ");
  field (out, "seed", r->seed, ",\n  ");
  key (out, "quantities");
  lgr_writer_append (out, nq ? "[\n    " : "[");
  for (guint k = 0; k < nq; k++)
    {
      const LgrQuantity *q = lgr_uncertainty_model_get_quantity (model, k);
      lgr_writer_append_c (out, '{');
      key (out, "key");
      lgr_writer_append_json_string (out, q->key);
      lgr_writer_append (out, ", ");
      key (out, "name");
      lgr_writer_append_json_string (out, q->name);
      lgr_writer_append (out, ", ");
      field (out, "low", q->low, ", ");
      field (out, "central", q->central, ", ");
      field (out, "high", q->high, ", ");
      key (out, "driver");
      if (q->driver)
        lgr_writer_append_json_string (out, q->driver);
      else
        lgr_writer_append (out, "null");
      lgr_writer_append (out, k + 1 < nq ? "},\n    " : "}\n  ");
    }
  lgr_writer_append (out, "],\n  ");
  key (out, "scenarios");
  lgr_writer_append (out, r->n_scenarios ? "[\n    " : "[");
  for (guint s = 0; s < r->n_scenarios; s++)
    {
      const LgrUncertaintyScenario *rs = &r->scenarios[s];
      lgr_writer_append (out, "{\n      ");
      key (out, "id");
      lgr_writer_append_json_string (out, rs->scenario->id);
      lgr_writer_append (out, ",\n      ");
      key (out, "name");
      lgr_writer_append_json_string (out, rs->scenario->name);
      lgr_writer_append (out, ",\n      ");
      key (out, "cumulative");
      lgr_writer_append (out, "{");
      key (out, "p10");
      series (out, rs->cumulative_p10, r->n_years);
      lgr_writer_append (out, ", ");
      key (out, "p50");
      series (out, rs->cumulative_p50, r->n_years);
      lgr_writer_append (out, ", ");
      key (out, "p90");
      series (out, rs->cumulative_p90, r->n_years);
      lgr_writer_append (out, "},\n      ");
      key (out, "total_net");
      distribution (out, &rs->total_net);
      lgr_writer_append (out, ",\n      ");
      key (out, "npv");
      distribution (out, &rs->npv);
      lgr_writer_append (out, ",\n      ");
      key (out, "peak_funding");
      distribution (out, &rs->peak_funding);
      lgr_writer_append (out, ",\n      ");
      key (out, "payback_probability");
      series (out, rs->payback_probability, r->n_years);
      lgr_writer_append (out, ",\n      ");
      field (out, "pays_back", rs->pays_back, ",\n      ");
      key (out, "ahead_probability");
      number_or_null (out, rs->compared, rs->ahead_probability);
      lgr_writer_append (out, ",\n      ");
      key (out, "difference_total_net");
      if (rs->compared)
        distribution (out, &rs->difference_total_net);
      else
        lgr_writer_append (out, "null");
      lgr_writer_append (out, s + 1 < r->n_scenarios ? "\n    },\n    " : "\n    }\n  ");
    }
  lgr_writer_append (out, "]\n}\n");
}

int
lgr_cli_parse_draws_seed (const char *draws_text, const char *seed_text, int *draws, double *seed,
                          LgrCliUsageError usage_error)
{
  if (draws_text != NULL
      && !(lgr_parse_int (draws_text, draws, NULL) && *draws >= LGR_UNCERTAINTY_MIN_DRAWS
           && *draws <= LGR_UNCERTAINTY_MAX_DRAWS))
    {
      g_autofree char *message
          = g_strdup_printf (_ ("--draws takes a whole number from %d to %d, not “%s”"),
                             LGR_UNCERTAINTY_MIN_DRAWS, LGR_UNCERTAINTY_MAX_DRAWS, draws_text);
      return usage_error (message);
    }
  if (seed_text != NULL
      && !(lgr_parse_number (seed_text, seed, NULL) && lgr_range_contains (LGR_RANGE_SEED, *seed)))
    {
      g_autofree char *message = g_strdup_printf (
          _ ("--seed takes a whole number from 0 to 9007199254740992, not “%s”"), seed_text);
      return usage_error (message);
    }
  return 0;
}

int
lgr_cli_run_uncertainty (const char *format, const char *path, char **snapshots,
                         const char *draws_text, const char *seed_text,
                         LgrCliUsageError usage_error, int *output_errno)
{
  g_autoptr (LgrStudy) study = NULL;
  int status;
  g_autoptr (LgrUncertaintyModel) model = NULL;
  g_autoptr (LgrUncertaintyResults) results = NULL;
  g_autoptr (LgrWriter) out = NULL;
  g_autoptr (GError) error = NULL;
  int draws = 0;
  double seed = 0;

  if (g_strcmp0 (format, "json") != 0)
    return usage_error (_ ("--uncertainty takes json"));
  status = lgr_cli_parse_draws_seed (draws_text, seed_text, &draws, &seed, usage_error);
  if (status != 0)
    return status;
  if ((status = lgr_cli_load_study (path, snapshots, usage_error, &study)) != LGR_EXIT_OK)
    return status;
  model = lgr_uncertainty_model_new (study);
  results = lgr_uncertainty_run (model, draws_text ? (guint)draws : (guint)study->draws,
                                 seed_text ? seed : study->seed, 0, NULL, NULL, NULL, &error);
  if (results == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return LGR_EXIT_INVALID;
    }
  out = lgr_writer_new_for_file (stdout);
  uncertainty_json (out, model, results);
  if (lgr_writer_finish (out))
    return LGR_EXIT_OK;
  *output_errno = errno;
  return LGR_EXIT_INVALID;
}

/* --sensitivity */

static void
sensitivity_json (LgrWriter *out, const LgrSensitivity *sens)
{
  lgr_writer_append (out, "{\n  ");
  key (out, "metric");
  lgr_writer_append_json_string (out, sens->metric);
  lgr_writer_append (out, ",\n  ");
  field (out, "central", sens->central, ",\n  ");
  key (out, "rows");
  lgr_writer_append (out, sens->n_rows ? "[\n    " : "[");
  for (guint i = 0; i < sens->n_rows; i++)
    {
      const LgrSensitivityRow *row = &sens->rows[i];
      lgr_writer_append (out, "{");
      key (out, "key");
      lgr_writer_append_json_string (out, row->q->key);
      lgr_writer_append (out, ", ");
      key (out, "name");
      lgr_writer_append_json_string (out, row->q->name);
      lgr_writer_append (out, ", ");
      field (out, "low", row->q->low, ", ");
      field (out, "high", row->q->high, ",\n      ");
      key (out, "scenarios");
      lgr_writer_append (out, "[");
      for (guint s = 0; s < sens->n_scenarios; s++)
        {
          const LgrSensitivityScenario *x = &row->scenarios[s];
          lgr_writer_append (out, s ? ",\n        {" : "\n        {");
          key (out, "id");
          lgr_writer_append_json_string (out, x->scenario->id);
          lgr_writer_append (out, ", ");
          field (out, "total_net_low", x->total_net_low, ", ");
          field (out, "total_net_high", x->total_net_high, ", ");
          field (out, "npv_low", x->npv_low, ", ");
          field (out, "npv_high", x->npv_high, ", ");
          field (out, "peak_funding_low", x->peak_funding_low, ", ");
          field (out, "peak_funding_high", x->peak_funding_high, ", ");
          key (out, "payback_years_low");
          number_or_null (out, x->pays_back_low, x->payback_years_low);
          lgr_writer_append (out, ", ");
          key (out, "payback_years_high");
          number_or_null (out, x->pays_back_high, x->payback_years_high);
          lgr_writer_append (out, ", ");
          key (out, "difference_low");
          number_or_null (out, x->compared, x->difference_low);
          lgr_writer_append (out, ", ");
          key (out, "difference_high");
          number_or_null (out, x->compared, x->difference_high);
          lgr_writer_append (out, "}");
        }
      lgr_writer_append (out, i + 1 < sens->n_rows ? "\n      ]},\n    " : "\n      ]}\n  ");
    }
  lgr_writer_append (out, "],\n  ");
  key (out, "switching_values");
  lgr_writer_append (out, sens->n_switching ? "[\n    " : "[");
  for (guint i = 0; i < sens->n_switching; i++)
    {
      const LgrSwitchingValue *v = &sens->switching[i];
      lgr_writer_append (out, "{");
      key (out, "scenario");
      lgr_writer_append_json_string (out, v->scenario->id);
      lgr_writer_append (out, ", ");
      key (out, "input");
      lgr_writer_append_json_string (out, v->input);
      lgr_writer_append (out, ", ");
      key (out, "name");
      lgr_writer_append_json_string (out, v->name);
      lgr_writer_append (out, ", ");
      field (out, "central", v->central, ", ");
      key (out, "switching_value");
      number_or_null (out, v->has_value, v->value);
      lgr_writer_append (out, i + 1 < sens->n_switching ? "},\n    " : "}\n  ");
    }
  lgr_writer_append (out, "]\n}\n");
}

static void
csv_number (LgrWriter *out, gboolean given, double value)
{
  lgr_writer_append_c (out, ',');
  if (given && isfinite (value))
    lgr_writer_append_number (out, value + 0.0);
}

/* One row per quantity and scenario; an empty field where JSON has null. */
static void
sensitivity_csv (LgrWriter *out, const LgrSensitivity *sens)
{
  lgr_writer_append (out, "key,name,low,high,scenario,total_net_low,total_net_high,npv_low,"
                          "npv_high,peak_funding_low,peak_funding_high,payback_years_low,"
                          "payback_years_high,difference_low,difference_high\n");
  for (guint i = 0; i < sens->n_rows; i++)
    for (guint s = 0; s < sens->n_scenarios; s++)
      {
        const LgrSensitivityRow *row = &sens->rows[i];
        const LgrSensitivityScenario *x = &row->scenarios[s];
        lgr_csv_write_field (out, row->q->key);
        lgr_writer_append_c (out, ',');
        lgr_csv_write_field (out, row->q->name);
        csv_number (out, TRUE, row->q->low);
        csv_number (out, TRUE, row->q->high);
        lgr_writer_append_c (out, ',');
        lgr_csv_write_field (out, x->scenario->id);
        csv_number (out, TRUE, x->total_net_low);
        csv_number (out, TRUE, x->total_net_high);
        csv_number (out, TRUE, x->npv_low);
        csv_number (out, TRUE, x->npv_high);
        csv_number (out, TRUE, x->peak_funding_low);
        csv_number (out, TRUE, x->peak_funding_high);
        csv_number (out, x->pays_back_low, x->payback_years_low);
        csv_number (out, x->pays_back_high, x->payback_years_high);
        csv_number (out, x->compared, x->difference_low);
        csv_number (out, x->compared, x->difference_high);
        lgr_writer_append_c (out, '\n');
      }
}

int
lgr_cli_run_sensitivity (const char *format, const char *path, char **snapshots,
                         LgrCliUsageError usage_error, int *output_errno)
{
  g_autoptr (LgrStudy) study = NULL;
  int status;
  g_autoptr (LgrUncertaintyModel) model = NULL;
  g_autoptr (LgrSensitivity) sensitivity = NULL;
  g_autoptr (LgrWriter) out = NULL;

  if (g_strcmp0 (format, "json") != 0 && g_strcmp0 (format, "csv") != 0)
    return usage_error (_ ("--sensitivity takes json or csv"));
  if ((status = lgr_cli_load_study (path, snapshots, usage_error, &study)) != LGR_EXIT_OK)
    return status;
  model = lgr_uncertainty_model_new (study);
  sensitivity = lgr_sensitivity_compute (model);
  out = lgr_writer_new_for_file (stdout);
  if (g_str_equal (format, "json"))
    sensitivity_json (out, sensitivity);
  else
    sensitivity_csv (out, sensitivity);
  if (lgr_writer_finish (out))
    return LGR_EXIT_OK;
  *output_errno = errno;
  return LGR_EXIT_INVALID;
}
