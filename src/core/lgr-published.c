/* lgr-published.c: published figures, their rules and the computed figure beside each (see
 * lgr-published.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-published.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lgr-format.h"
#include "lgr-rules.h"

gboolean
lgr_published_measure_takes_year (LgrPublishedMeasure measure)
{
  return measure == LGR_PUBLISHED_NET || measure == LGR_PUBLISHED_CUMULATIVE;
}

static gboolean fail (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError **error, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
same_figure (const LgrPublished *a, const LgrPublished *b)
{
  return a->measure == b->measure
         && (!lgr_published_measure_takes_year (a->measure) || a->year == b->year);
}

gboolean
lgr_published_check (const LgrStudy *study, const LgrScenario *scenario,
                     const LgrPublished *published, const char **attribute, GError **error)
{
  const char *unused;
  LgrPublishedMeasure measure = published->measure;
  const char *name;

  if (attribute == NULL)
    attribute = &unused;
  *attribute = "measure";
  if ((guint)measure >= LGR_N_PUBLISHED_MEASURES)
    return fail (error, _ ("a published figure's measure is not one of payback-years, "
                           "peak-funding, total-net, npv, run-rate, net or cumulative"));
  name = lgr_published_measure_names[measure];
  if (lgr_published_measure_takes_year (measure) && !published->has_year)
    return fail (error, _ ("the published %s needs a year (the financial year it is for)"), name);
  *attribute = "year";
  if (!lgr_published_measure_takes_year (measure) && published->has_year)
    return fail (error, _ ("the published %s takes no year (only net and cumulative do)"), name);
  /* (a study without a timeline is refused for that, after its scenarios are read) */
  if (published->has_year && study->years > 0
      && (published->year < study->first_year
          || published->year >= study->first_year + study->years))
    {
      g_autofree char *first = lgr_format_financial_year (study->first_year);
      g_autofree char *last = lgr_format_financial_year (study->first_year + study->years - 1);
      return fail (error, _ ("the published %s's year %d is outside the timeline (%s to %s)"), name,
                   published->year, first, last);
    }
  *attribute = "value";
  if (!lgr_check_range (LGR_RANGE_MONEY, published->value, _ ("the published value"), error))
    return FALSE;
  if ((measure == LGR_PUBLISHED_PAYBACK_YEARS || measure == LGR_PUBLISHED_PEAK_FUNDING)
      && published->value < 0)
    return fail (error, _ ("the published %s cannot be negative"), name);
  *attribute = published->has_year ? "year" : "measure";
  for (guint i = 0; i < scenario->published->len; i++)
    {
      const LgrPublished *other = g_ptr_array_index (scenario->published, i);
      if (other == published)
        break;
      if (!same_figure (other, published))
        continue;
      if (published->has_year)
        return fail (error, _ ("the published %s for %d is given twice (first at line %d)"), name,
                     published->year, other->line);
      return fail (error, _ ("the published %s is given twice (first at line %d)"), name,
                   other->line);
    }
  *attribute = NULL;
  return TRUE;
}

gboolean
lgr_published_validate_all (const LgrStudy *study, const char *filename, GError **error)
{
  for (guint s = 0; s < study->scenarios->len; s++)
    {
      const LgrScenario *scenario = g_ptr_array_index (study->scenarios, s);
      for (guint i = 0; i < scenario->published->len; i++)
        {
          const LgrPublished *published = g_ptr_array_index (scenario->published, i);
          if (lgr_check_text (published->source, _ ("the source"), TRUE, error)
              && lgr_check_length (published->source, LGR_LENGTH_NOTE, _ ("the source"), error)
              && lgr_published_check (study, scenario, published, NULL, error))
            continue;
          g_prefix_error (error, _ ("scenario “%s”: "), scenario->id ? scenario->id : "");
          if (filename != NULL && published->line > 0)
            g_prefix_error (error, "%s:%d: ", filename, published->line);
          else if (filename != NULL)
            g_prefix_error (error, "%s: ", filename);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
lgr_published_computed (const LgrResults *results, const LgrScenarioResult *result,
                        const LgrPublished *published, double *computed)
{
  int t = published->year - results->first_year;
  gboolean in_timeline = published->has_year && t >= 0 && (guint)t < results->n_years;

  switch (published->measure)
    {
    case LGR_PUBLISHED_PAYBACK_YEARS:
      if (!result->has_payback || result->nothing_to_pay_back)
        return FALSE;
      *computed = result->payback_years;
      return TRUE;
    case LGR_PUBLISHED_PEAK_FUNDING:
      *computed = result->peak_funding;
      return TRUE;
    case LGR_PUBLISHED_TOTAL_NET:
      *computed = result->total_net;
      return TRUE;
    case LGR_PUBLISHED_NPV:
      *computed = result->npv;
      return TRUE;
    case LGR_PUBLISHED_RUN_RATE:
      *computed = result->run_rate;
      return TRUE;
    case LGR_PUBLISHED_NET:
      if (!in_timeline)
        return FALSE;
      *computed = result->net[t];
      return TRUE;
    case LGR_PUBLISHED_CUMULATIVE:
      if (!in_timeline)
        return FALSE;
      *computed = result->cumulative[t];
      return TRUE;
    case LGR_N_PUBLISHED_MEASURES:
    default:
      return FALSE;
    }
}

double
lgr_published_difference (double computed, double published)
{
  double difference = computed - published;
  /* !(a > b) is also true for NaN, which no output may write */
  if (!(fabs (difference) > LGR_MONEY_ZERO))
    return 0;
  return difference;
}

char *
lgr_published_title (const LgrPublished *published)
{
  g_autofree char *year = published->has_year ? lgr_format_financial_year (published->year) : NULL;
  switch (published->measure)
    {
    case LGR_PUBLISHED_PAYBACK_YEARS:
      return g_strdup (_ ("Payback"));
    case LGR_PUBLISHED_PEAK_FUNDING:
      return g_strdup (_ ("Peak funding"));
    case LGR_PUBLISHED_TOTAL_NET:
      return g_strdup (_ ("Total net"));
    case LGR_PUBLISHED_NPV:
      return g_strdup (_ ("Net present value"));
    case LGR_PUBLISHED_RUN_RATE:
      return g_strdup (_ ("Run rate"));
    case LGR_PUBLISHED_NET:
      /* Translators: "Net in 2028/29" (a financial year) */
      return g_strdup_printf (_ ("Net in %s"), year ? year : "");
    case LGR_PUBLISHED_CUMULATIVE:
      /* Translators: "Cumulative by 2032/33" (a financial year) */
      return g_strdup_printf (_ ("Cumulative by %s"), year ? year : "");
    case LGR_N_PUBLISHED_MEASURES:
    default:
      return g_strdup ("");
    }
}

char *
lgr_published_format_value (const LgrPublished *published, double value)
{
  if (published->measure == LGR_PUBLISHED_PAYBACK_YEARS)
    {
      g_autofree char *years = lgr_format_decimal (value, 2);
      /* Translators: a payback period, "3.23 years" */
      return g_strdup_printf (_ ("%s years"), years);
    }
  return lgr_format_money (value);
}

char *
lgr_published_format_difference (const LgrPublished *published, double difference)
{
  g_autofree char *size = NULL;

  if (difference == 0)
    return g_strdup (_ ("the same"));
  size = lgr_published_format_value (published, fabs (difference));
  if (published->measure == LGR_PUBLISHED_PAYBACK_YEARS)
    /* Translators: "0.07 years sooner" (the computed payback against the published one) */
    return g_strdup_printf (difference < 0 ? _ ("%s sooner") : _ ("%s later"), size);
  /* Translators: "£75k more" (the computed figure against the published one) */
  return g_strdup_printf (difference < 0 ? _ ("%s less") : _ ("%s more"), size);
}

char *
lgr_published_describe (const LgrPublished *published, const LgrResults *results,
                        const LgrScenarioResult *result)
{
  g_autofree char *title = lgr_published_title (published);
  g_autofree char *lower = g_utf8_strdown (title, -1);
  g_autofree char *value = lgr_published_format_value (published, published->value);
  double computed;

  if (!lgr_published_computed (results, result, published, &computed))
    {
      g_autofree char *last
          = lgr_format_financial_year (results->first_year + (int)results->n_years - 1);
      if (lgr_published_measure_takes_year (published->measure))
        /* Translators: "Published net in 2040/41 £3m · not in the timeline" */
        return g_strdup_printf (_ ("Published %s %s · not in the timeline"), lower, value);
      if (result->nothing_to_pay_back)
        /* Translators: "Published payback 3.3 years · nothing to pay back" */
        return g_strdup_printf (_ ("Published %s %s · nothing to pay back"), lower, value);
      /* Translators: "Published payback 3.3 years · no payback by 2034/35" */
      return g_strdup_printf (_ ("Published %s %s · no payback by %s"), lower, value, last);
    }
  {
    g_autofree char *shown = lgr_published_format_value (published, computed);
    g_autofree char *difference = lgr_published_format_difference (
        published, lgr_published_difference (computed, published->value));
    /* Translators: "Published payback 3.3 years · computed 3.23 years · 0.07 years sooner" */
    return g_strdup_printf (_ ("Published %s %s · computed %s · %s"), lower, value, shown,
                            difference);
  }
}
