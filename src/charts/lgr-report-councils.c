/* lgr-report-councils.c: the report's "Per council" section (lgr-report-councils.h): for each
 * scenario with several authorities, a table of the net each council's own levers and items
 * bring year by year, the shared items, and the scenario's net they add up to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-report-councils.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lgr-format.h"
#include "lgr-results-authority.h"

/* One scenario's table: years in blocks that fit the width, the last block ending in the
 * total over the years. */
static void
council_table (const LgrReportSink *sink, const LgrResults *results, const LgrScenarioResult *s)
{
  g_autoptr (LgrAuthoritySplit) split = lgr_authority_split_new (results, s);
  g_autofree char *scenario_name
      = lgr_format_truncate (s->scenario->name, LGR_FORMAT_MAX_NAME_CHARS);
  g_autofree char *title = g_strdup_printf (_ ("Per council: %s"), scenario_name);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint n = results->n_years, n_columns = n + 1; /* the years, then the total */
  guint n_rows = split->n_parts + 1;             /* the parts, then the scenario */
  double label_w = 160;
  LgrReportBlocks blocks = lgr_report_blocks (sink->width, label_w, n_columns);
  guint per_block = blocks.per_block, n_blocks = blocks.n_blocks;
  double col_w = blocks.column_width;

  for (guint p = 0; p < split->n_parts; p++)
    g_ptr_array_add (labels, lgr_authority_part_label (&split->parts[p]));
  /* Translators: the row that the councils and shared items add up to: "Two unitaries: net" */
  g_ptr_array_add (labels, g_strdup_printf (_ ("%s: net"), scenario_name));

  sink->heading (sink->report, FALSE, title);
  for (guint b = 0; b < n_blocks; b++)
    {
      guint c0 = b * per_block, c1 = MIN (n_columns, c0 + per_block);
      guint nc = c1 - c0 + 1;
      g_autofree double *widths = g_new (double, nc);
      g_autofree const char **cells = g_new0 (const char *, nc);
      g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

      widths[0] = label_w;
      for (guint c = 1; c < nc; c++)
        widths[c] = col_w;
      cells[0] = _ ("Net, £ per year");
      for (guint c = c0; c < c1; c++)
        {
          char *head = c < n ? lgr_format_financial_year (results->first_year + (int)c)
                             : g_strdup (_ ("Total"));
          g_ptr_array_add (strings, head);
          cells[c - c0 + 1] = head;
        }
      sink->table_row (sink->report, cells, nc, widths, TRUE);
      for (guint row = 0; row < n_rows; row++)
        {
          gboolean whole = row == split->n_parts;
          const double *net = whole ? s->net : split->parts[row].net;
          double total = whole ? s->total_net : split->parts[row].total_net;

          cells[0] = g_ptr_array_index (labels, row);
          for (guint c = c0; c < c1; c++)
            {
              char *v = lgr_format_money (c < n ? net[c] : total);
              g_ptr_array_add (strings, v);
              cells[c - c0 + 1] = v;
            }
          sink->table_row (sink->report, cells, nc, widths, whole);
        }
    }
}

void
lgr_report_councils_section (const LgrReportSink *sink, const LgrResults *results)
{
  gboolean any = FALSE;

  for (guint i = 0; i < results->n_scenarios && !any; i++)
    any = lgr_scenario_result_has_councils (&results->scenarios[i]);
  if (!any)
    return;
  sink->page_break (sink->report);
  sink->heading (sink->report, TRUE, _ ("Per council"));
  sink->paragraph (sink->report, TRUE,
                   _ ("For each option with several councils: the net that each council’s own "
                      "levers and items bring, year by year, after benefit realisation and cost "
                      "contingency. Items that name no council are shared by the option and "
                      "shown apart, not divided between the councils. The rows add up to the "
                      "option’s net."));
  for (guint i = 0; i < results->n_scenarios; i++)
    if (lgr_scenario_result_has_councils (&results->scenarios[i]))
      council_table (sink, results, &results->scenarios[i]);
}
