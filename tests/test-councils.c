/* test-councils.c: a scenario's figures split by council (lgr-results-authority.c): the parts
 * add up to the scenario on random studies, levers go to their authority, items to theirs or
 * to the shared part.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "lgr-document.h"
#include "lgr-results-authority.h"
#include "lgr-study-edits.h"
#include "lgr-test-util.h"

/* The figures of a part, in the order of LgrScenarioResult's. */
static const double *
part_series (const LgrAuthorityPart *p, guint k)
{
  const double *s[]
      = { p->cashable_savings, p->cost_avoidance, p->one_off_costs, p->recurring_costs, p->net,
          p->cumulative };
  return s[k];
}

static const double *
scenario_series (const LgrScenarioResult *r, guint k)
{
  const double *s[]
      = { r->cashable_savings, r->cost_avoidance, r->one_off_costs, r->recurring_costs, r->net,
          r->cumulative };
  return s[k];
}

/* The parts of every scenario add up to it, year by year and figure by figure: to rounding in
 * the last bits of a double (the scenario multiplies the sum by its settings, a part each
 * share), far below a penny. */
static void
check_sums (const LgrResults *results)
{
  for (guint s = 0; s < results->n_scenarios; s++)
    {
      const LgrScenarioResult *r = &results->scenarios[s];
      g_autoptr (LgrAuthoritySplit) split = lgr_authority_split_new (results, r);
      guint n_levers = 0, n_items = 0;
      double total = 0;

      g_assert_cmpuint (split->n_parts, ==, r->scenario->authorities->len + 1);
      g_assert_null (lgr_authority_split_shared (split)->authority);
      for (guint p = 0; p < split->n_parts; p++)
        {
          n_levers += split->parts[p].n_levers;
          n_items += split->parts[p].n_items;
          total += split->parts[p].total_net;
        }
      g_assert_cmpuint (n_levers, ==, r->n_levers);
      g_assert_cmpuint (n_items, ==, r->n_items);
      g_assert_cmpfloat_with_epsilon (total, r->total_net, 1e-9 * (fabs (r->total_net) + 1e3));

      for (guint k = 0; k < 6; k++)
        for (guint t = 0; t < results->n_years; t++)
          {
            double sum = 0, scale = 1;
            for (guint p = 0; p < split->n_parts; p++)
              {
                sum += part_series (&split->parts[p], k)[t];
                scale += fabs (part_series (&split->parts[p], k)[t]);
              }
            g_assert_true (isfinite (sum));
            g_assert_cmpfloat_with_epsilon (sum, scenario_series (r, k)[t], 1e-12 * scale + 1e-6);
          }
    }
}

static void
test_random_sums (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261130);

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr (LgrStudy) study = lgr_test_random_study (rand, 1 + i % 3, i % 7, i % 9, 1 + i);
      g_autoptr (LgrResults) results = lgr_results_compute (study);
      check_sums (results);
    }
}

/* The bundled study's two unitaries: each council's levers, the items shared. */
static void
test_bundled (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  const LgrScenarioResult *one = lgr_results_find (results, "one");
  const LgrScenarioResult *two = lgr_results_find (results, "two");
  g_autoptr (LgrAuthoritySplit) split = lgr_authority_split_new (results, two);
  const LgrAuthorityPart *shared = lgr_authority_split_shared (split);

  check_sums (results);
  g_assert_false (lgr_scenario_result_has_councils (one));
  g_assert_true (lgr_scenario_result_has_councils (two));
  g_assert_cmpuint (split->n_parts, ==, 3);
  g_assert_cmpstr (split->parts[0].authority->id, ==, "north");
  g_assert_cmpstr (split->parts[1].authority->id, ==, "south");
  g_assert_cmpuint (split->parts[0].n_levers, ==, 5);
  g_assert_cmpuint (split->parts[1].n_levers, ==, 5);
  g_assert_cmpuint (split->parts[0].n_items, ==, 0);
  g_assert_cmpuint (shared->n_levers, ==, 0);
  g_assert_cmpuint (shared->n_items, ==, two->n_items);
  for (guint t = 0; t < results->n_years; t++)
    {
      /* the councils have no costs of their own; every cost is shared */
      g_assert_cmpfloat (split->parts[0].one_off_costs[t], ==, 0);
      g_assert_cmpfloat (split->parts[1].recurring_costs[t], ==, 0);
      g_assert_cmpfloat (shared->one_off_costs[t], ==, two->one_off_costs[t]);
      g_assert_cmpfloat (shared->recurring_costs[t], ==, two->recurring_costs[t]);
    }
  /* the figures of the study stay as they were (test-model.c holds them all) */
  g_assert_cmpfloat_with_epsilon (two->total_net, 341719417.88, 0.005);
}

/* An item that names an authority is that council's; disabled levers and items add nothing. */
static void
test_items (void)
{
  g_autofree char *xml = lgr_test_read_fixture ("valid-full.lgr");
  g_autoptr (LgrStudy) study = lgr_test_load_string (xml);
  LgrScenario *scenario = lgr_study_find_scenario (study, "two");
  g_autoptr (LgrResults) results = NULL;
  g_autoptr (LgrAuthoritySplit) split = NULL;
  const LgrScenarioResult *r;

  /* an authority's item counts for it even when disabled; it adds zeros */
  lgr_scenario_find_item (scenario, "aggregation")->authority_id = g_strdup ("north");
  lgr_scenario_find_item (scenario, "aggregation")->enabled = FALSE;
  results = lgr_results_compute (study);
  r = lgr_results_find (results, "two");
  split = lgr_authority_split_new (results, r);
  check_sums (results);

  g_assert_cmpuint (split->parts[0].n_levers, ==, 1); /* north-lac */
  g_assert_cmpuint (split->parts[0].n_items, ==, 1);  /* aggregation */
  g_assert_cmpuint (split->parts[1].n_levers, ==, 0);
  g_assert_cmpuint (split->parts[1].n_items, ==, 1); /* ict */
  g_assert_cmpuint (split->parts[2].n_items, ==, 1); /* transition */
  for (guint t = 0; t < results->n_years; t++)
    {
      g_assert_cmpfloat (split->parts[0].cashable_savings[t], ==, r->levers[0].saving[t]);
      g_assert_cmpfloat (split->parts[1].recurring_costs[t], ==, r->recurring_costs[t]);
      g_assert_cmpfloat (split->parts[1].net[t], ==, -r->recurring_costs[t]);
      g_assert_cmpfloat (split->parts[2].one_off_costs[t], ==, r->one_off_costs[t]);
      g_assert_cmpfloat (split->parts[2].cashable_savings[t], ==, 0);
    }
  g_assert_cmpfloat (split->parts[1].total_net, ==, -2000000);
}

/* Two results split alike only while every council's levers and items are the same: moving an
 * item or renaming a council changes the split though the scenario's figures stay. */
static void
test_same_split (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  g_autoptr (LgrStudy) moved = lgr_study_copy (study);
  g_autoptr (LgrStudy) renamed = lgr_study_copy (study);
  g_autoptr (LgrResults) a = NULL, b = NULL, c = NULL, d = NULL;
  LgrItem *item = lgr_scenario_find_item (lgr_study_find_scenario (moved, "two"), "transition");
  LgrAuthority *north
      = lgr_scenario_find_authority (lgr_study_find_scenario (renamed, "two"), "north");

  item->authority_id = g_strdup ("north");
  g_free (north->name);
  north->name = g_strdup ("Warwickshire North Council");
  a = lgr_results_compute (study);
  b = lgr_results_compute (study);
  c = lgr_results_compute (moved);
  d = lgr_results_compute (renamed);

  g_assert_true (lgr_scenario_result_same_split (lgr_results_find (a, "two"),
                                                 lgr_results_find (b, "two"), a->n_years));
  g_assert_cmpfloat (lgr_results_find (a, "two")->total_net, ==,
                     lgr_results_find (c, "two")->total_net);
  g_assert_false (lgr_scenario_result_same_split (lgr_results_find (a, "two"),
                                                  lgr_results_find (c, "two"), a->n_years));
  g_assert_false (lgr_scenario_result_same_split (lgr_results_find (a, "two"),
                                                  lgr_results_find (d, "two"), a->n_years));
  /* one authority: no split, so nothing to differ */
  g_assert_true (lgr_scenario_result_same_split (lgr_results_find (a, "one"),
                                                 lgr_results_find (c, "one"), a->n_years));
}

/* An edit may move an item to a council of its scenario and back, never to one it does not
 * have; a council that an item names is not removed from under it. */
static void
test_document (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrDocument) document = lgr_document_new_bundled (&error);
  g_autoptr (LgrItem) item = NULL;
  const LgrScenario *two;

  g_assert_no_error (error);
  two = lgr_study_find_scenario (lgr_document_get_study (document), "two");
  item = lgr_item_copy (lgr_scenario_find_item (two, "transition"));

  item->authority_id = g_strdup ("warwickshire"); /* one unitary's, not two's */
  g_assert_false (lgr_document_set_item (document, "two", item, NULL, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "there is no authority “warwickshire” in scenario "
                                            "“two”"));
  g_clear_error (&error);

  g_free (item->authority_id);
  item->authority_id = g_strdup ("south");
  g_assert_true (lgr_document_set_item (document, "two", item, NULL, &error));
  g_assert_no_error (error);
  two = lgr_study_find_scenario (lgr_document_get_study (document), "two");
  g_assert_cmpstr (lgr_scenario_find_item (two, "transition")->authority_id, ==, "south");

  g_assert_true (lgr_document_undo (document));
  two = lgr_study_find_scenario (lgr_document_get_study (document), "two");
  g_assert_null (lgr_scenario_find_item (two, "transition")->authority_id);
}

/* valid-full.lgr's South has no lever, only the item "ict": that keeps it. */
static void
test_remove_authority (void)
{
  g_autofree char *xml = lgr_test_read_fixture ("valid-full.lgr");
  g_autoptr (LgrStudy) study = lgr_test_load_string (xml);
  LgrScenario *two = lgr_study_find_scenario (study, "two");
  g_autoptr (GError) error = NULL;

  g_assert_false (lgr_scenario_check_remove_authority (two, "south", &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“South” cannot be removed: the item “ICT dual running” belongs to it (move or "
                   "remove it first)");
  g_clear_error (&error);
  g_clear_pointer (&lgr_scenario_find_item (two, "ict")->authority_id, g_free);
  g_assert_true (lgr_scenario_check_remove_authority (two, "south", &error));
  g_assert_no_error (error);
}

/* A split is shown for 2 to LGR_MAX_COUNCILS authorities; beyond, it would be gigabytes. */
static void
test_many_authorities (void)
{
  g_autofree char *xml = lgr_test_read_fixture ("valid-full.lgr");
  g_autoptr (LgrStudy) study = lgr_test_load_string (xml);
  LgrScenario *two = lgr_study_find_scenario (study, "two");

  while (two->authorities->len < LGR_MAX_COUNCILS)
    {
      g_autofree char *id = g_strdup_printf ("extra-%u", two->authorities->len);
      g_ptr_array_add (two->authorities, lgr_authority_new (id, "Extra"));
    }
  {
    g_autoptr (LgrResults) results = lgr_results_compute (study);
    g_assert_true (lgr_scenario_result_has_councils (lgr_results_find (results, "two")));
    check_sums (results);
  }
  g_ptr_array_add (two->authorities, lgr_authority_new ("one-too-many", "Extra"));
  {
    g_autoptr (LgrResults) results = lgr_results_compute (study);
    g_assert_false (lgr_scenario_result_has_councils (lgr_results_find (results, "two")));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/councils/random-sums", test_random_sums);
  g_test_add_func ("/core/councils/bundled", test_bundled);
  g_test_add_func ("/core/councils/items", test_items);
  g_test_add_func ("/core/councils/same-split", test_same_split);
  g_test_add_func ("/core/councils/document", test_document);
  g_test_add_func ("/core/councils/remove-authority", test_remove_authority);
  g_test_add_func ("/core/councils/many-authorities", test_many_authorities);
  return g_test_run ();
}
