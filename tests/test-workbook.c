/* test-workbook.c: --export=study.xlsx recalculated by a real spreadsheet engine (gnumeric's
 * ssconvert --recalc) agrees with --summary=json to the penny, for the bundled study, random
 * studies and a workbook whose inputs were changed as someone would in a spreadsheet. */
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "lgr-study-io.h"
#include "lgr-test-util.h"
#include "lgr-workbook.h"

/* To the penny; above £5bn a double no longer holds pennies exactly (the engines sum in different
 * orders and precisions), so there to one part in 10^12. */
#define PENNY 0.005
#define TOLERANCE(x) MAX (PENNY, fabs (x) * 1e-12)

/* The rows of a scenario sheet and the first year column (docs/format.md, lgr-workbook.c). */
enum
{
  ROW_CASHABLE = 7,
  ROW_AVOIDANCE,
  ROW_ONE_OFF,
  ROW_RECURRING,
  ROW_NET,
  ROW_CUMULATIVE,
  ROW_LEVERS = 20, /* the first lever's first line */
  LEVER_ROWS = 10,
  COL_FIRST_YEAR = 3,
};

static LgrTestRun
run_argv (const char *dir, const char *const *argv)
{
  LgrTestRun run = { 0 };
  g_auto (GStrv) env = g_get_environ ();
  /* the engine's CSV in the C locale; the app in the caller's (the suite reruns in German) */
  if (g_str_equal (argv[0], "ssconvert"))
    env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "DISPLAY", ":nowhere", TRUE);
  env = g_environ_setenv (env, "WAYLAND_DISPLAY", "nowhere", TRUE);
  g_autoptr (GError) error = NULL;
  g_spawn_sync (dir, (char **)argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &run.out, &run.err,
                &run.status, &error);
  g_assert_no_error (error);
  run.status = WIFEXITED (run.status) ? WEXITSTATUS (run.status) : -1;
  return run;
}

/* A CSV file as rows of fields (quotes and line breaks in quotes handled). */
static GPtrArray *
read_csv (const char *path)
{
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  GPtrArray *row = g_ptr_array_new ();
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;
  for (const char *p = text; *p; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        g_ptr_array_add (row, g_string_free (field, FALSE)), field = g_string_new (NULL);
      else if (*p == '\n')
        {
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_free (row, FALSE));
          row = g_ptr_array_new ();
        }
      else if (*p != '\r')
        g_string_append_c (field, *p);
    }
  g_string_free (field, TRUE);
  g_ptr_array_add (row, NULL);
  g_strfreev ((char **)g_ptr_array_free (row, FALSE));
  return rows;
}

static const char *
cell (GPtrArray *sheet, guint row, guint col)
{
  g_assert_cmpuint (row, <, sheet->len);
  char **fields = g_ptr_array_index (sheet, row);
  return col < g_strv_length (fields) ? fields[col] : "";
}

static double
cell_number (GPtrArray *sheet, guint row, guint col)
{
  const char *text = cell (sheet, row, col);
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);
  if (*text == '\0' || *end != '\0')
    g_error ("row %u column %u holds “%s”, not a number", row + 1, col + 1, text);
  return value;
}

/* Recalculates xlsx with ssconvert and returns its sheets, each as rows of fields. */
static GPtrArray *
recalculate (const char *dir, const char *xlsx)
{
  const char *argv[] = { "ssconvert",
                         "--recalc",
                         "-S",
                         "-T",
                         "Gnumeric_stf:stf_assistant",
                         "-O",
                         "separator=, format=raw quoting-mode=auto",
                         xlsx,
                         "sheet_%n.csv",
                         NULL };
  for (guint i = 0;; i++)
    {
      g_autofree char *name = g_strdup_printf ("sheet_%u.csv", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_unlink (path) != 0)
        break;
    }
  g_auto (LgrTestRun) run = run_argv (dir, argv);
  if (run.status != 0)
    g_error ("ssconvert failed: %s", run.err);
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0;; i++)
    {
      g_autofree char *name = g_strdup_printf ("sheet_%u.csv", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        break;
      g_ptr_array_add (sheets, read_csv (path));
    }
  return sheets;
}

static JsonNode *
summary_json (const char *study_path)
{
  const char *argv[] = { g_getenv ("LGR_EXPLORER"), "--summary=json", study_path, NULL };
  g_auto (LgrTestRun) run = run_argv (NULL, argv);
  g_assert_cmpint (run.status, ==, 0);
  g_autoptr (GError) error = NULL;
  JsonNode *root = json_from_string (run.out, &error);
  g_assert_no_error (error);
  return root;
}

static guint
compare_row (GPtrArray *sheet, guint row, JsonArray *values, const char *what)
{
  guint n = json_array_get_length (values);
  for (guint t = 0; t < n; t++)
    {
      double expected = json_array_get_double_element (values, t);
      double got = cell_number (sheet, row, COL_FIRST_YEAR + t);
      if (!(fabs (got - expected) <= TOLERANCE (expected)))
        g_error ("%s, year %u: the workbook gives %.6f, the app %.6f", what, t, got, expected);
    }
  return n;
}

/* The row of a sheet whose column col holds text, from row from, or -1. */
static int
row_of (GPtrArray *sheet, guint from, guint col, const char *text)
{
  for (guint r = from; r < sheet->len; r++)
    if (g_str_equal (cell (sheet, r, col), text))
      return (int)r;
  return -1;
}

/* A scenario with several authorities nets each council's lines under its items, as the JSON's
 * "authorities" and "shared" (lgr-results-authority.h); one without has no such rows. */
static guint
compare_councils (GPtrArray *sheet, JsonObject *sc)
{
  const char *id = json_object_get_string_member (sc, "id");
  int row = row_of (sheet, ROW_LEVERS, 0, "Net by council (after the settings, as the net above)");
  JsonArray *authorities;
  guint compared = 0, n;

  if (!json_object_has_member (sc, "authorities"))
    {
      g_assert_cmpint (row, ==, -1);
      return 0;
    }
  g_assert_cmpint (row, >, 0);
  authorities = json_object_get_array_member (sc, "authorities");
  n = json_array_get_length (authorities);
  for (guint a = 0; a <= n; a++)
    {
      JsonObject *part = a < n ? json_array_get_object_element (authorities, a)
                               : json_object_get_object_member (sc, "shared");
      g_autofree char *what = g_strdup_printf (
          "%s council %s net", id, a < n ? json_object_get_string_member (part, "id") : "shared");
      g_assert_cmpstr (cell (sheet, row + 1 + a, 1), ==,
                       a < n ? json_object_get_string_member (part, "id") : "(shared)");
      compared
          += compare_row (sheet, row + 1 + a, json_object_get_array_member (part, "net"), what);
    }
  return compared;
}

/* Every yearly figure of every scenario, lever and item, and the summary, against the JSON.
 * Returns how many figures were compared. */
static guint
compare_workbook (GPtrArray *sheets, JsonNode *root)
{
  JsonArray *scenarios = json_object_get_array_member (json_node_get_object (root), "scenarios");
  guint n_scenarios = json_array_get_length (scenarios);
  g_assert_cmpuint (sheets->len, ==, n_scenarios + 2);
  GPtrArray *summary = g_ptr_array_index (sheets, n_scenarios + 1);
  guint compared = 0;
  for (guint s = 0; s < n_scenarios; s++)
    {
      JsonObject *sc = json_array_get_object_element (scenarios, s);
      GPtrArray *sheet = g_ptr_array_index (sheets, s + 1);
      const char *id = json_object_get_string_member (sc, "id");
      g_assert_cmpstr (cell (sheet, 0, 0), ==, json_object_get_string_member (sc, "name"));

      JsonObject *annual = json_object_get_object_member (sc, "annual");
      const char *const totals[]
          = { "cashable_savings", "cost_avoidance", "one_off_costs", "recurring_costs", "net",
              "cumulative" };
      for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
        {
          g_autofree char *what = g_strdup_printf ("%s %s", id, totals[i]);
          compared += compare_row (sheet, ROW_CASHABLE + i,
                                   json_object_get_array_member (annual, totals[i]), what);
        }

      JsonArray *levers = json_object_get_array_member (sc, "levers");
      guint n_levers = json_array_get_length (levers);
      const struct
      {
        guint line;
        const char *key;
      } lines[]
          = { { 1, "baseline_cohort" },    { 2, "scenario_cohort" }, { 3, "baseline_unit_cost" },
              { 4, "scenario_unit_cost" }, { 7, "saving" },          { 8, "volume_effect" },
              { 9, "price_effect" } };
      for (guint l = 0; l < n_levers; l++)
        {
          JsonObject *lever = json_array_get_object_element (levers, l);
          for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
            {
              g_autofree char *what = g_strdup_printf (
                  "%s lever %s %s", id, json_object_get_string_member (lever, "id"), lines[i].key);
              compared += compare_row (sheet, ROW_LEVERS + l * LEVER_ROWS + lines[i].line,
                                       json_object_get_array_member (lever, lines[i].key), what);
            }
        }
      JsonArray *items = json_object_get_array_member (sc, "items");
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);
          g_autofree char *what
              = g_strdup_printf ("%s item %s", id, json_object_get_string_member (item, "id"));
          compared += compare_row (sheet, ROW_LEVERS + n_levers * LEVER_ROWS + 1 + i,
                                   json_object_get_array_member (item, "values"), what);
        }
      compared += compare_councils (sheet, sc);

      /* Summary: scenario, payback years, payback year, peak funding, NPV, total, run rate */
      guint row = 4 + s;
      g_assert_cmpstr (cell (summary, row, 0), ==, json_object_get_string_member (sc, "name"));
      if (json_object_get_boolean_member (sc, "nothing_to_pay_back"))
        {
          /* the workbook restates the arithmetic: all zero is ahead from the first year */
          g_assert_cmpfloat (cell_number (summary, row, 1), ==, 0);
          g_assert_cmpstr (
              cell (summary, row, 2), ==,
              json_array_get_string_element (
                  json_object_get_array_member (json_node_get_object (root), "years"), 0));
        }
      else if (json_object_get_null_member (sc, "payback_years"))
        {
          g_assert_cmpstr (cell (summary, row, 1), ==, "none");
          g_assert_cmpstr (cell (summary, row, 2), ==, "none");
        }
      else
        {
          g_assert_cmpfloat_with_epsilon (cell_number (summary, row, 1),
                                          json_object_get_double_member (sc, "payback_years"),
                                          1e-6);
          g_assert_cmpstr (cell (summary, row, 2), ==,
                           json_object_get_string_member (sc, "payback_year"));
        }
      const char *const keys[] = { "peak_funding", "npv", "total_net", "run_rate" };
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          double expected = json_object_get_double_member (sc, keys[k]);
          double got = cell_number (summary, row, 3 + k);
          if (!(fabs (got - expected) <= TOLERANCE (expected)))
            g_error ("%s %s: the workbook gives %.6f, the app %.6f", id, keys[k], got, expected);
        }
      g_assert_cmpstr (cell (summary, row, 7), ==,
                       json_object_get_boolean_member (sc, "relapses") ? "yes" : "no");
      compared += 6;
    }
  return compared;
}

static gboolean
have_ssconvert (void)
{
  g_autofree char *path = g_find_program_in_path ("ssconvert");
  if (path == NULL)
    g_test_skip ("ssconvert (Debian package gnumeric) is not installed: the workbook is not "
                 "recalculated");
  return path != NULL;
}

/* Exports study_path as a workbook in dir, recalculates it and compares it with the app. */
static void
check_study_file (const char *dir, const char *study_path)
{
  g_autofree char *xlsx = g_build_filename (dir, "study.xlsx", NULL);
  g_autofree char *option = g_strdup_printf ("--export=%s", xlsx);
  const char *argv[] = { g_getenv ("LGR_EXPLORER"), option, study_path, NULL };
  g_auto (LgrTestRun) run = run_argv (NULL, argv);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  g_autoptr (GPtrArray) sheets = recalculate (dir, xlsx);
  g_autoptr (JsonNode) root = summary_json (study_path);
  guint compared = compare_workbook (sheets, root);
  g_assert_cmpuint (compared, >, 0);
  g_test_message ("%s: %u figures agree", study_path, compared);
}

static void
test_bundled (void)
{
  if (!have_ssconvert ())
    return;
  g_autofree char *dir = g_dir_make_tmp ("lgr-workbook-XXXXXX", NULL);
  g_autofree char *study = lgr_test_source_path ("data", "studies", "warwickshire.lgr", NULL);
  check_study_file (dir, study);
  lgr_test_remove_tree (dir);
}

static void
test_random (void)
{
  if (!have_ssconvert ())
    return;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20251130);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *dir = g_dir_make_tmp ("lgr-workbook-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "random.lgr", NULL);
      g_autoptr (LgrStudy) study = lgr_test_random_study (rand, 1 + i % 3, 3, 4, 6 + i);
      g_autoptr (GError) error = NULL;
      g_assert_true (lgr_study_save_path (study, path, &error));
      g_assert_no_error (error);
      check_study_file (dir, path);
      lgr_test_remove_tree (dir);
    }
}

/* A large study (12 scenarios of 40 levers and 40 items over 60 years) makes a workbook with a
 * sheet per scenario, and any scenario names make sheet names a workbook accepts. */
static void
test_large (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (4060);
  g_autoptr (LgrStudy) study = lgr_test_random_study (rand, 12, 40, 40, 60);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = lgr_workbook_build (results, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 100000);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 2, "PK", 2);
}

/* Scenario names no sheet may have as they are: a sheet's name, characters a sheet name refuses,
 * a tab, apostrophes, more than 31 characters, two names alike once shortened. */
static void
test_sheet_names (void)
{
  if (!have_ssconvert ())
    return;
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  LgrScenario *one = g_ptr_array_index (study->scenarios, 0);
  LgrScenario *two = g_ptr_array_index (study->scenarios, 1);
  g_free (one->name);
  one->name = g_strdup ("Summary");
  g_free (two->name);
  two->name = g_strdup ("Two: [North]\t'South' unitaries / the districts' case");
  LgrScenario *three = lgr_scenario_copy (two);
  g_free (three->id);
  three->id = g_strdup ("three");
  g_free (three->name);
  three->name = g_strdup ("Two: [North]\t'South' unitaries / the districts' case, again");
  g_ptr_array_add (study->scenarios, three);

  g_autofree char *dir = g_dir_make_tmp ("lgr-workbook-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "names.lgr", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (lgr_study_save_path (study, path, &error));
  g_assert_no_error (error);
  check_study_file (dir, path);
  lgr_test_remove_tree (dir);
}

/* Settings and values at their edges: growth of -100% (the first year's factor is 1, not a
 * spreadsheet's 0^0 error), avoidance counted, realisation and contingency, disabled lines. */
static void
test_edges (void)
{
  if (!have_ssconvert ())
    return;
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  study->count_avoidance = TRUE;
  study->benefit_realisation = 75;
  study->cost_contingency = 20;
  study->discount_rate = 0;
  LgrScenario *one = lgr_study_find_scenario (study, "one");
  LgrScenario *two = lgr_study_find_scenario (study, "two");
  LgrLever *lever = g_ptr_array_index (two->levers, 0);
  lever->growth_cohort = -100;
  lever->growth_unit_cost = -100;
  ((LgrLever *)g_ptr_array_index (two->levers, 1))->enabled = FALSE;
  ((LgrItem *)g_ptr_array_index (one->items, 0))->enabled = FALSE;
  for (guint i = 0; i < two->items->len; i++)
    {
      LgrItem *item = g_ptr_array_index (two->items, i);
      if (item->pattern == LGR_ITEM_PATTERN_RECURRING)
        item->growth = -100;
    }
  /* the South's transition costs: its net by council takes them, with the contingency */
  lgr_scenario_find_item (two, "transition")->authority_id = g_strdup ("south");

  g_autofree char *dir = g_dir_make_tmp ("lgr-workbook-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "edges.lgr", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (lgr_study_save_path (study, path, &error));
  g_assert_no_error (error);
  check_study_file (dir, path);
  lgr_test_remove_tree (dir);
}

/* Only a scenario's items of values, from the first year. */
static void
set_values_only (LgrStudy *study, LgrScenario *scenario, const double *costs, const double *savings,
                 guint n)
{
  for (guint i = 0; i < scenario->levers->len; i++)
    ((LgrLever *)g_ptr_array_index (scenario->levers, i))->enabled = FALSE;
  for (guint i = 0; i < scenario->items->len; i++)
    ((LgrItem *)g_ptr_array_index (scenario->items, i))->enabled = FALSE;
  LgrItem *cost = lgr_item_new ("half-penny-cost", "Cost", LGR_ITEM_KIND_ONE_OFF_COST);
  LgrItem *saving = lgr_item_new ("half-penny-saving", "Saving", LGR_ITEM_KIND_SAVING);
  cost->pattern = saving->pattern = LGR_ITEM_PATTERN_VALUES;
  for (guint t = 0; t < n; t++)
    {
      lgr_item_set_value (cost, study->first_year + (int)t, costs[t]);
      lgr_item_set_value (saving, study->first_year + (int)t, savings[t]);
    }
  g_ptr_array_add (scenario->items, cost);
  g_ptr_array_add (scenario->items, saving);
}

/* docs/model.md, "Zero is half a penny": the workbook's payback, relapse and peak funding
 * formulas use the app's bound. */
static void
test_half_penny (void)
{
  if (!have_ssconvert ())
    return;
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  study->benefit_realisation = 100;
  study->cost_contingency = 0;
  /* cumulative -3, -0.004 (paid back), -0.006 (relapse), 0.994 */
  const double costs1[] = { 3, 0, 0.002, 0 }, savings1[] = { 0, 2.996, 0, 1 };
  set_values_only (study, lgr_study_find_scenario (study, "one"), costs1, savings1, 4);
  /* cumulative -0.004 throughout: never negative */
  const double costs2[] = { 0.004, 0, 0, 0 }, savings2[] = { 0, 0, 0, 0 };
  set_values_only (study, lgr_study_find_scenario (study, "two"), costs2, savings2, 4);
  for (guint i = 0; i < study->scenarios->len; i++)
    {
      LgrScenario *s = g_ptr_array_index (study->scenarios, i);
      s->has_benefit_realisation = s->has_cost_contingency = FALSE;
    }
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  const LgrScenarioResult *one = lgr_results_find (results, "one");
  g_assert_cmpint (one->payback_index, ==, 1);
  g_assert_true (one->relapses);
  g_assert_cmpfloat (lgr_results_find (results, "two")->peak_funding, ==, 0);

  g_autofree char *dir = g_dir_make_tmp ("lgr-workbook-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "half-penny.lgr", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (lgr_study_save_path (study, path, &error));
  g_assert_no_error (error);
  check_study_file (dir, path);
  lgr_test_remove_tree (dir);
}

/* The row whose first columns hold a and b, in the Inputs sheet. */
static guint
find_row (GPtrArray *sheet, guint from, guint col, const char *text)
{
  for (guint r = from; r < sheet->len; r++)
    if (g_str_equal (cell (sheet, r, col), text))
      return r;
  g_error ("no row with “%s” in column %u", text, col + 1);
}

/* Benefit realisation 75% and the North's looked-after children target 50 per 10,000, typed
 * into the Inputs: the recalculated workbook matches the app on a study changed the same way. */
static void
test_changed_input (void)
{
  if (!have_ssconvert ())
    return;
  g_autofree char *dir = g_dir_make_tmp ("lgr-workbook-XXXXXX", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "study.xlsx", NULL);
  g_autofree char *changed = g_build_filename (dir, "changed.xlsx", NULL);
  g_autofree char *bundled = lgr_test_source_path ("data", "studies", "warwickshire.lgr", NULL);
  g_autofree char *option = g_strdup_printf ("--export=%s", xlsx);
  const char *argv[] = { g_getenv ("LGR_EXPLORER"), option, bundled, NULL };
  g_auto (LgrTestRun) run = run_argv (NULL, argv);
  g_assert_cmpint (run.status, ==, 0);

  g_autoptr (GPtrArray) sheets = recalculate (dir, xlsx);
  GPtrArray *inputs = g_ptr_array_index (sheets, 0);
  guint realisation = find_row (inputs, 0, 0, "Benefit realisation");
  guint levers = find_row (inputs, find_row (inputs, 0, 0, "Levers"), 1, "Lever");
  guint lac = find_row (inputs, levers, 1, "north-lac");
  g_assert_cmpfloat (cell_number (inputs, realisation, 1), ==, 100);
  g_assert_cmpfloat (cell_number (inputs, lac, 7), ==, 55); /* column H: Target */

  /* each item's council (column D) and each authority's source (column F) */
  guint authorities = find_row (inputs, find_row (inputs, 0, 0, "Authorities"), 1, "Authority");
  guint north = find_row (inputs, authorities, 1, "north");
  g_autoptr (LgrStudy) opened = lgr_test_load_bundled ();
  const LgrAuthority *north_authority
      = lgr_scenario_find_authority (lgr_study_find_scenario (opened, "two"), "north");
  g_assert_nonnull (north_authority->source);
  g_assert_cmpstr (cell (inputs, authorities, 5), ==, "Source");
  g_assert_cmpstr (cell (inputs, north, 5), ==, north_authority->source);
  guint items = find_row (inputs, find_row (inputs, 0, 0, "Items"), 1, "Item");
  g_assert_cmpstr (cell (inputs, items, 3), ==, "Authority");
  guint transition
      = find_row (inputs, find_row (inputs, items, 0, "Two unitaries"), 1, "transition");
  g_assert_cmpstr (cell (inputs, transition, 3), ==, "(shared)");

  g_autofree char *set_realisation = g_strdup_printf ("B%u=75", realisation + 1);
  g_autofree char *set_target = g_strdup_printf ("H%u=50", lac + 1);
  /* the two unitaries' transition costs typed in as the North's */
  g_autofree char *set_council = g_strdup_printf ("D%u='north", transition + 1);
  g_autofree char *script = lgr_test_source_path ("tests", "xlsx-set-cells.py", NULL);
  const char *edit[]
      = { "python3", script, xlsx, changed, "1", set_realisation, set_target, set_council, NULL };
  g_auto (LgrTestRun) edited = run_argv (NULL, edit);
  g_assert_cmpstr (edited.err, ==, "");
  g_assert_cmpint (edited.status, ==, 0);

  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  study->benefit_realisation = 75;
  LgrLever *lever = lgr_scenario_find_lever (lgr_study_find_scenario (study, "two"), "north-lac");
  g_assert_nonnull (lever);
  lgr_test_set_cohort_target (lever, 50);
  lgr_scenario_find_item (lgr_study_find_scenario (study, "two"), "transition")->authority_id
      = g_strdup ("north");
  g_autofree char *path = g_build_filename (dir, "changed.lgr", NULL);
  g_assert_true (lgr_study_save_path (study, path, NULL));

  g_autoptr (GPtrArray) recalculated = recalculate (dir, changed);
  g_autoptr (JsonNode) root = summary_json (path);
  compare_workbook (recalculated, root);

  /* and the change shows: the two-unitary net differs from the bundled study's */
  g_autoptr (JsonNode) before = summary_json (bundled);
  JsonObject *two = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (before), "scenarios"), 1);
  GPtrArray *sheet = g_ptr_array_index (recalculated, 2);
  double net_before = json_object_get_double_member (two, "total_net");
  double last = cell_number (sheet, ROW_CUMULATIVE, COL_FIRST_YEAR + 9);
  g_assert_cmpfloat (fabs (last - net_before), >, 1e6);
  lgr_test_remove_tree (dir);
}

/* A workbook that cannot be written: a message, exit status 1, nothing left behind. */
static void
test_unwritable (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-workbook-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "study.xlsx", NULL);
  g_autofree char *bundled = lgr_test_source_path ("data", "studies", "warwickshire.lgr", NULL);
  g_autofree char *option = g_strdup_printf ("--export=%s", missing);
  const char *argv[] = { g_getenv ("LGR_EXPLORER"), option, bundled, NULL };
  g_auto (LgrTestRun) run = run_argv (NULL, argv);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "study.xlsx"));
  g_assert_cmpstr (run.out, ==, "");

  /* --chart belongs to chart exports */
  const char *usage[]
      = { g_getenv ("LGR_EXPLORER"), "--export=x.xlsx", "--chart=savings", bundled, NULL };
  g_auto (LgrTestRun) wrong = run_argv (dir, usage);
  g_assert_cmpint (wrong.status, ==, 2);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, NULL);
  lgr_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/workbook/bundled", test_bundled);
  g_test_add_func ("/workbook/random", test_random);
  g_test_add_func ("/workbook/half-penny", test_half_penny);
  g_test_add_func ("/workbook/changed-input", test_changed_input);
  g_test_add_func ("/workbook/unwritable", test_unwritable);
  g_test_add_func ("/workbook/large", test_large);
  g_test_add_func ("/workbook/sheet-names", test_sheet_names);
  g_test_add_func ("/workbook/edges", test_edges);
  return g_test_run ();
}
