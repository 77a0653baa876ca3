/* lgr-report-published.c: "Published figures checked" - each figure a document gives for a
 * scenario beside the one the app computes (src/core/lgr-published.h), with the difference
 * and the document, so that scrutiny can see whether the published figure holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-report-published.h"

#include <glib/gi18n-lib.h>

#include "lgr-format.h"
#include "lgr-published.h"

static gboolean
any_published (const LgrResults *results)
{
  for (guint i = 0; i < results->n_scenarios; i++)
    if (results->scenarios[i].scenario->published->len > 0)
      return TRUE;
  return FALSE;
}

static void
scenario_table (const LgrReportSink *sink, const LgrResults *results,
                const LgrScenarioResult *result)
{
  const GPtrArray *published = result->scenario->published;
  const double number = 80;
  const double widths[] = { sink->width - 3 * number, number, number, number };
  const char *head[] = { _ ("Measure"), _ ("Published"), _ ("Computed"), _ ("Difference") };
  g_autofree char *name = lgr_format_truncate (result->scenario->name ? result->scenario->name : "",
                                               LGR_FORMAT_MAX_NAME_CHARS);

  sink->heading (sink->report, FALSE, name);
  sink->table_row (sink->report, head, G_N_ELEMENTS (head), widths, TRUE);
  for (guint i = 0; i < published->len; i++)
    {
      const LgrPublished *p = g_ptr_array_index (published, i);
      g_autofree char *title = lgr_published_title (p);
      g_autofree char *value = lgr_published_format_value (p, p->value);
      g_autofree char *computed = NULL;
      g_autofree char *difference = NULL;
      g_autofree char *source
          = lgr_format_truncate (p->source ? p->source : "", LGR_FORMAT_MAX_NOTE_CHARS);
      g_autofree char *source_line = NULL;
      double figure;

      if (lgr_published_computed (results, result, p, &figure))
        {
          computed = lgr_published_format_value (p, figure);
          difference
              = lgr_published_format_difference (p, lgr_published_difference (figure, p->value));
        }
      else
        {
          computed
              = g_strdup (lgr_published_measure_takes_year (p->measure) ? _ ("not in the timeline")
                          : result->nothing_to_pay_back                 ? _ ("nothing to pay back")
                                                                        : _ ("no payback"));
          difference = g_strdup ("—");
        }
      {
        const char *cells[] = { title, value, computed, difference };
        sink->table_row (sink->report, cells, G_N_ELEMENTS (cells), widths, FALSE);
      }
      /* Translators: the document a published figure comes from */
      source_line = g_strdup_printf (_ ("Source: %s"), source);
      sink->paragraph (sink->report, TRUE, source_line);
    }
}

void
lgr_report_published_section (const LgrReportSink *sink, const LgrResults *results)
{
  if (!any_published (results))
    return;
  sink->heading (sink->report, TRUE, _ ("Published figures checked"));
  sink->paragraph (sink->report, FALSE,
                   _ ("Figures the published documents give for each scenario, beside the "
                      "figures this study computes. The difference is the computed figure less "
                      "the published one: a difference shows where the study's assumptions, or "
                      "the document's rounding, depart from the published case."));
  for (guint i = 0; i < results->n_scenarios; i++)
    if (results->scenarios[i].scenario->published->len > 0)
      scenario_table (sink, results, &results->scenarios[i]);
}
