/* lgr-csv.c: the annual figures of results as CSV (see lgr-csv.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-csv.h"

#include <math.h>
#include <string.h>

#include "lgr-format.h"
#include "lgr-number.h"

/* Pennies are exact in a double up to 2^53 of them; beyond (far past any study's figures) the
 * number is written as it is. */
#define MAX_PENNIES 9.0e15

gsize
lgr_csv_money_to_buffer (double pounds, char *buffer)
{
  double pennies = round (pounds * 100.0);

  if (!isfinite (pennies) || fabs (pennies) >= MAX_PENNIES)
    return lgr_number_to_buffer (pounds, buffer);
  if (pennies == 0)
    pennies = 0; /* never "-0" */
  gint64 p = (gint64)pennies;
  guint64 a = p < 0 ? (guint64)(-p) : (guint64)p;
  /* integers only: no locale can put a comma in them */
  if (a % 100 == 0)
    return (gsize)g_snprintf (buffer, LGR_NUMBER_BUF_SIZE, "%s%" G_GUINT64_FORMAT, p < 0 ? "-" : "",
                              a / 100);
  return (gsize)g_snprintf (buffer, LGR_NUMBER_BUF_SIZE, "%s%" G_GUINT64_FORMAT ".%02u",
                            p < 0 ? "-" : "", a / 100, (guint)(a % 100));
}

void
lgr_csv_write_field (LgrWriter *writer, const char *text)
{
  const char *p = text ? text : "";

  if (strpbrk (p, ",\"\n\r") == NULL)
    {
      lgr_writer_append (writer, p);
      return;
    }
  lgr_writer_append_c (writer, '"');
  for (; *p; p++)
    {
      if (*p == '"')
        lgr_writer_append_c (writer, '"');
      lgr_writer_append_c (writer, *p);
    }
  lgr_writer_append_c (writer, '"');
}

void
lgr_csv_write_results (LgrWriter *writer, const LgrResults *results)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (results != NULL);

  lgr_writer_append (writer, "scenario,name,measure");
  for (guint t = 0; t < results->n_years; t++)
    {
      g_autofree char *label = lgr_format_financial_year (results->first_year + (int)t);
      lgr_writer_append_c (writer, ',');
      lgr_csv_write_field (writer, label);
    }
  lgr_writer_append_c (writer, '\n');

  for (guint s = 0; s < results->n_scenarios; s++)
    {
      const LgrScenarioResult *r = &results->scenarios[s];
      const struct
      {
        const char *name;
        const double *values;
      } measures[] = {
        { "cashable_savings", r->cashable_savings },
        { "cost_avoidance", r->cost_avoidance },
        { "one_off_costs", r->one_off_costs },
        { "recurring_costs", r->recurring_costs },
        { "net", r->net },
        { "cumulative", r->cumulative },
      };
      for (guint m = 0; m < G_N_ELEMENTS (measures); m++)
        {
          lgr_csv_write_field (writer, r->scenario->id);
          lgr_writer_append_c (writer, ',');
          lgr_csv_write_field (writer, r->scenario->name);
          lgr_writer_append_c (writer, ',');
          lgr_writer_append (writer, measures[m].name);
          for (guint t = 0; t < results->n_years; t++)
            {
              char money[LGR_NUMBER_BUF_SIZE];
              lgr_writer_append_c (writer, ',');
              lgr_writer_append_len (writer, money,
                                     lgr_csv_money_to_buffer (measures[m].values[t], money));
            }
          lgr_writer_append_c (writer, '\n');
        }
    }
}

char *
lgr_csv_results_to_string (const LgrResults *results)
{
  LgrWriter *writer = lgr_writer_new_for_string ();
  lgr_csv_write_results (writer, results);
  return lgr_writer_free_to_string (writer);
}
