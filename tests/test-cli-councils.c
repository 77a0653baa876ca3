/* test-cli-councils.c: the split by council on the command line - the "authorities" and "shared"
 * of --summary=json, an item's "authority", and the report's "Per council" section - run as a
 * real process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "lgr-test-util.h"

static JsonParser *
summary_of (const char *path)
{
  g_auto (LgrTestRun) run = lgr_test_run_cli ("C.UTF-8", "--summary=json", path, NULL);
  JsonParser *parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  return parser;
}

static JsonObject *
scenario_of (JsonParser *parser, const char *id)
{
  JsonArray *scenarios = json_object_get_array_member (
      json_node_get_object (json_parser_get_root (parser)), "scenarios");
  for (guint i = 0; i < json_array_get_length (scenarios); i++)
    {
      JsonObject *s = json_array_get_object_element (scenarios, i);
      if (g_strcmp0 (json_object_get_string_member (s, "id"), id) == 0)
        return s;
    }
  g_assert_not_reached ();
}

/* Every figure of the authorities and the shared part adds up to the scenario's annual one. */
static void
assert_adds_up (JsonObject *scenario)
{
  static const char *const keys[]
      = { "cashable_savings", "cost_avoidance", "one_off_costs", "recurring_costs", "net",
          "cumulative" };
  JsonObject *annual = json_object_get_object_member (scenario, "annual");
  JsonArray *authorities = json_object_get_array_member (scenario, "authorities");
  JsonObject *shared = json_object_get_object_member (scenario, "shared");
  double total = json_object_get_double_member (shared, "total_net");

  for (guint a = 0; a < json_array_get_length (authorities); a++)
    total += json_object_get_double_member (json_array_get_object_element (authorities, a),
                                            "total_net");
  g_assert_cmpfloat_with_epsilon (total, json_object_get_double_member (scenario, "total_net"),
                                  1e-3);
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      JsonArray *whole = json_object_get_array_member (annual, keys[k]);
      for (guint t = 0; t < json_array_get_length (whole); t++)
        {
          double sum
              = json_array_get_double_element (json_object_get_array_member (shared, keys[k]), t);
          for (guint a = 0; a < json_array_get_length (authorities); a++)
            sum += json_array_get_double_element (
                json_object_get_array_member (json_array_get_object_element (authorities, a),
                                              keys[k]),
                t);
          g_assert_cmpfloat_with_epsilon (sum, json_array_get_double_element (whole, t), 1e-3);
        }
    }
}

static void
test_summary_bundled (void)
{
  g_autofree char *path = lgr_test_source_path ("data", "studies", "warwickshire.lgr", NULL);
  g_autoptr (JsonParser) parser = summary_of (path);
  JsonObject *one = scenario_of (parser, "one");
  JsonObject *two = scenario_of (parser, "two");
  JsonArray *authorities;
  JsonObject *north, *south, *shared;

  /* one authority: no split */
  g_assert_false (json_object_has_member (one, "authorities"));
  g_assert_false (json_object_has_member (one, "shared"));

  authorities = json_object_get_array_member (two, "authorities");
  g_assert_cmpuint (json_array_get_length (authorities), ==, 2);
  north = json_array_get_object_element (authorities, 0);
  south = json_array_get_object_element (authorities, 1);
  shared = json_object_get_object_member (two, "shared");
  g_assert_cmpstr (json_object_get_string_member (north, "id"), ==, "north");
  g_assert_cmpstr (json_object_get_string_member (north, "name"), ==, "North Warwickshire Council");
  g_assert_cmpstr (json_object_get_string_member (south, "id"), ==, "south");
  /* the councils' own levers bring savings; the transition costs are shared */
  g_assert_cmpfloat (json_object_get_double_member (north, "total_net"), >, 0);
  g_assert_cmpfloat (json_object_get_double_member (south, "total_net"), >, 0);
  g_assert_cmpfloat (
      json_array_get_double_element (json_object_get_array_member (north, "one_off_costs"), 1), ==,
      0);
  g_assert_cmpfloat (
      json_array_get_double_element (json_object_get_array_member (shared, "one_off_costs"), 1), ==,
      json_array_get_double_element (
          json_object_get_array_member (json_object_get_object_member (two, "annual"),
                                        "one_off_costs"),
          1));
  assert_adds_up (two);
}

/* An item that names an authority counts for it; the others are shared, with "authority": null. */
static void
test_summary_items (void)
{
  g_autofree char *path = lgr_test_source_path ("tests", "files", "valid-full.lgr", NULL);
  g_autoptr (JsonParser) parser = summary_of (path);
  JsonObject *two = scenario_of (parser, "two");
  JsonArray *items = json_object_get_array_member (two, "items");
  JsonObject *south
      = json_array_get_object_element (json_object_get_array_member (two, "authorities"), 1);

  g_assert_true (
      json_object_get_null_member (json_array_get_object_element (items, 0), "authority"));
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (items, 2), "authority"), ==,
      "south");
  /* South has no lever, only its ICT dual running: 1.2m and 0.8m */
  g_assert_cmpfloat (json_object_get_double_member (south, "total_net"), ==, -2000000);
  g_assert_cmpfloat (
      json_array_get_double_element (json_object_get_array_member (south, "recurring_costs"), 2),
      ==, 1200000);
  assert_adds_up (two);
}

/* The report's "Per council" table names each council with what it holds, the shared items and
 * the scenario's net, with the totals of the JSON. */
static void
test_report (void)
{
  g_autofree char *path = lgr_test_source_path ("data", "studies", "warwickshire.lgr", NULL);
  g_autofree char *text = lgr_test_report_text (path, NULL);
  const char *section;

  if (text == NULL)
    return;
  section = strstr (text, "Per council: Two unitaries");
  g_assert_nonnull (section);
  g_assert_null (strstr (text, "Per council: One unitary")); /* one authority */
  g_assert_nonnull (strstr (section, "North Warwickshire Council (5"));
  g_assert_nonnull (strstr (section, "South Warwickshire Council (5"));
  g_assert_nonnull (strstr (section, "Shared items (2 items)"));
  g_assert_nonnull (strstr (section, "Two unitaries: net"));
  /* the totals: North £207.2m, South £133.0m, shared £1.5m, the scenario's £341.7m */
  g_assert_nonnull (strstr (section, "£207.2m"));
  g_assert_nonnull (strstr (section, "£133.0m"));
  g_assert_nonnull (strstr (section, "£1.5m"));
  g_assert_nonnull (strstr (section, "£341.7m"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/councils/summary-bundled", test_summary_bundled);
  g_test_add_func ("/cli/councils/summary-items", test_summary_items);
  g_test_add_func ("/cli/councils/report", test_report);
  return g_test_run ();
}
