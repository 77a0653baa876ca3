/* lgr-cli-councils.c: the per-council split of a scenario in --summary=json
 * (lgr-cli-councils.h), from lgr-results-authority.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-cli-councils.h"

#include "lgr-results-authority.h"

/* "key": [numbers], in the layout of the scenario's "annual" object */
static void
series (LgrWriter *out, const char *key, const double *values, guint n, const char *after)
{
  lgr_writer_append_json_string (out, key);
  lgr_writer_append (out, ": [");
  for (guint t = 0; t < n; t++)
    {
      if (t)
        lgr_writer_append (out, ", ");
      lgr_writer_append_number (out, values[t]);
    }
  lgr_writer_append (out, "]");
  lgr_writer_append (out, after);
}

/* The figures of one part, inside its object. */
static void
part (LgrWriter *out, const LgrAuthorityPart *p, guint n, const char *indent)
{
  g_autofree char *next = g_strconcat (",\n", indent, NULL);

  lgr_writer_append (out, "\"total_net\": ");
  lgr_writer_append_number (out, p->total_net);
  lgr_writer_append (out, next);
  series (out, "cashable_savings", p->cashable_savings, n, next);
  series (out, "cost_avoidance", p->cost_avoidance, n, next);
  series (out, "one_off_costs", p->one_off_costs, n, next);
  series (out, "recurring_costs", p->recurring_costs, n, next);
  series (out, "net", p->net, n, next);
  series (out, "cumulative", p->cumulative, n, "}");
}

void
lgr_cli_councils_json (LgrWriter *out, const LgrResults *results, const LgrScenarioResult *result,
                       const char *after)
{
  g_autoptr (LgrAuthoritySplit) split = NULL;
  guint n = results->n_years;

  if (!lgr_scenario_result_has_councils (result))
    return;
  split = lgr_authority_split_new (results, result);
  lgr_writer_append (out, "\"authorities\": [");
  for (guint p = 0; p + 1 < split->n_parts; p++)
    {
      const LgrAuthorityPart *a = &split->parts[p];
      lgr_writer_append (out, p ? ",\n        {" : "\n        {");
      lgr_writer_append (out, "\"id\": ");
      lgr_writer_append_json_string (out, a->authority->id);
      lgr_writer_append (out, ", \"name\": ");
      lgr_writer_append_json_string (out, a->authority->name);
      lgr_writer_append (out, ",\n         ");
      part (out, a, n, "         ");
    }
  lgr_writer_append (out, "\n      ],\n      \"shared\": {");
  part (out, lgr_authority_split_shared (split), n, "        ");
  lgr_writer_append (out, after);
}
