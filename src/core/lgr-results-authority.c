/* lgr-results-authority.c: a scenario's figures split by council.
 *
 * No arithmetic of the model here: the levers' savings and items' values come from the
 * results, and the settings, net and cumulative from lgr_results_settle().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-results-authority.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lgr-format.h"

#define PART_SERIES 6 /* double arrays in LgrAuthorityPart */

gboolean
lgr_scenario_result_has_councils (const LgrScenarioResult *result)
{
  g_return_val_if_fail (result != NULL, FALSE);
  return result->scenario->authorities->len > 1
         && result->scenario->authorities->len <= LGR_MAX_COUNCILS;
}

gboolean
lgr_scenario_result_same_split (const LgrScenarioResult *a, const LgrScenarioResult *b,
                                guint n_years)
{
  const GPtrArray *aa, *ba;
  gsize bytes = n_years * sizeof (double);

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  aa = a->scenario->authorities;
  ba = b->scenario->authorities;
  if (lgr_scenario_result_has_councils (a) != lgr_scenario_result_has_councils (b))
    return FALSE;
  if (!lgr_scenario_result_has_councils (a))
    return TRUE; /* no split to show */
  if (aa->len != ba->len || a->n_levers != b->n_levers || a->n_items != b->n_items)
    return FALSE;
  for (guint i = 0; i < aa->len; i++)
    {
      const LgrAuthority *x = g_ptr_array_index (aa, i), *y = g_ptr_array_index (ba, i);
      if (g_strcmp0 (x->id, y->id) != 0 || g_strcmp0 (x->name, y->name) != 0)
        return FALSE;
    }
  for (guint i = 0; i < a->n_levers; i++)
    {
      const LgrLeverResult *x = &a->levers[i], *y = &b->levers[i];
      if (g_strcmp0 (x->authority ? x->authority->id : NULL, y->authority ? y->authority->id : NULL)
              != 0
          || lgr_lever_figure (x->lever) != lgr_lever_figure (y->lever)
          || memcmp (x->saving, y->saving, bytes) != 0)
        return FALSE;
    }
  for (guint i = 0; i < a->n_items; i++)
    {
      const LgrItemResult *x = &a->items[i], *y = &b->items[i];
      if (g_strcmp0 (x->item->authority_id, y->item->authority_id) != 0
          || lgr_item_figure (x->item) != lgr_item_figure (y->item)
          || memcmp (x->values, y->values, bytes) != 0)
        return FALSE;
    }
  return TRUE;
}

/* The part of an authority id: its index among the scenario's authorities (the first of an id,
 * as lgr_scenario_find_authority()), or the shared part's for NULL or an id it does not have. */
static guint
part_of (GHashTable *index, guint shared, const char *id)
{
  gpointer found;

  if (id != NULL && g_hash_table_lookup_extended (index, id, NULL, &found))
    return GPOINTER_TO_UINT (found);
  return shared;
}

LgrAuthoritySplit *
lgr_authority_split_new (const LgrResults *results, const LgrScenarioResult *result)
{
  const LgrScenario *scenario;
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  LgrAuthoritySplit *split;
  guint n, n_parts, shared;
  double *series;
  gsize header;

  g_return_val_if_fail (results != NULL && result != NULL, NULL);

  scenario = result->scenario;
  n = results->n_years;
  n_parts = scenario->authorities->len + 1;
  shared = n_parts - 1;
  header = sizeof *split + n_parts * sizeof (LgrAuthorityPart);
  header = (header + 15) & ~(gsize)15;
  split = g_malloc0 (header + (gsize)n_parts * PART_SERIES * n * sizeof (double));
  split->scenario = result;
  split->n_years = n;
  split->n_parts = n_parts;
  split->parts = (LgrAuthorityPart *)(split + 1);
  /* cppcheck-suppress invalidPointerCast ; 16-byte aligned space for doubles in the block */
  series = (double *)((char *)split + header);

  for (guint a = scenario->authorities->len; a-- > 0;)
    {
      const LgrAuthority *authority = g_ptr_array_index (scenario->authorities, a);
      if (authority->id != NULL)
        g_hash_table_insert (index, authority->id, GUINT_TO_POINTER (a));
    }
  for (guint p = 0; p < n_parts; p++)
    {
      LgrAuthorityPart *part = &split->parts[p];
      part->authority = p < shared ? g_ptr_array_index (scenario->authorities, p) : NULL;
      part->cashable_savings = series, series += n;
      part->cost_avoidance = series, series += n;
      part->one_off_costs = series, series += n;
      part->recurring_costs = series, series += n;
      part->net = series, series += n;
      part->cumulative = series, series += n;
    }

  /* Disabled levers and items hold zeros, so they add nothing, as to the scenario. */
  for (guint i = 0; i < result->n_levers; i++)
    {
      const LgrLeverResult *lr = &result->levers[i];
      guint p = part_of (index, shared, lr->authority ? lr->authority->id : NULL);
      LgrAuthorityPart *part = &split->parts[p];
      double *sums[LGR_N_FIGURES] = { part->cashable_savings, part->cost_avoidance,
                                      part->one_off_costs, part->recurring_costs };
      double *target = sums[lgr_lever_figure (lr->lever)];

      part->n_levers++;
      for (guint t = 0; t < n; t++)
        target[t] += lr->saving[t];
    }
  for (guint i = 0; i < result->n_items; i++)
    {
      const LgrItemResult *ir = &result->items[i];
      LgrAuthorityPart *part = &split->parts[part_of (index, shared, ir->item->authority_id)];
      double *sums[LGR_N_FIGURES] = { part->cashable_savings, part->cost_avoidance,
                                      part->one_off_costs, part->recurring_costs };
      double *target = sums[lgr_item_figure (ir->item)];

      part->n_items++;
      for (guint t = 0; t < n; t++)
        target[t] += ir->values[t];
    }
  for (guint p = 0; p < n_parts; p++)
    {
      LgrAuthorityPart *part = &split->parts[p];
      double *sums[LGR_N_FIGURES] = { part->cashable_savings, part->cost_avoidance,
                                      part->one_off_costs, part->recurring_costs };

      lgr_results_settle (results->study, scenario, n, sums, part->net, part->cumulative);
      part->total_net = n ? part->cumulative[n - 1] : 0;
    }
  return split;
}

void
lgr_authority_split_free (LgrAuthoritySplit *split)
{
  g_free (split);
}

const LgrAuthorityPart *
lgr_authority_split_shared (const LgrAuthoritySplit *split)
{
  g_return_val_if_fail (split != NULL && split->n_parts > 0, NULL);
  return &split->parts[split->n_parts - 1];
}

char *
lgr_authority_part_label (const LgrAuthorityPart *part)
{
  g_autofree char *name
      = part->authority ? lgr_format_truncate (part->authority->name, LGR_FORMAT_MAX_NAME_CHARS)
                        : g_strdup (_ ("Shared items"));
  g_autofree char *levers = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u lever", "%u levers", part->n_levers), part->n_levers);
  g_autofree char *items = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", part->n_items), part->n_items);

  if (part->authority == NULL)
    return g_strdup_printf ("%s (%s)", name, items);
  if (part->n_items == 0)
    return g_strdup_printf ("%s (%s)", name, levers);
  /* Translators: "North Warwickshire Council (5 levers, 1 item)" */
  return g_strdup_printf (_ ("%s (%s, %s)"), name, levers, items);
}
