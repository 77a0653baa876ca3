/* test-cli-uncertainty.c: --uncertainty and --sensitivity (docs/uncertainty.md) as a script
 * would use them - the JSON and CSV layouts, --draws and --seed, bad usage, and the same bytes
 * under German and Welsh locales - run as a real process with no display. */
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "lgr-test-util.h"

static char *
uncertain_path (void)
{
  return lgr_test_source_path ("tests", "files", "uncertain.lgr", NULL);
}

static JsonObject *
parse_object (JsonParser *parser, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_uncertainty_json (void)
{
  g_autofree char *path = uncertain_path ();
  g_auto (LgrTestRun) run
      = lgr_test_run_cli ("C.UTF-8", "--uncertainty=json", "--draws=500", "--seed=3", path, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  static const char *const fields[] = {
    "id",           "name",      "cumulative",          "total_net",         "npv",
    "peak_funding", "pays_back", "payback_probability", "ahead_probability", "difference_total_net"
  };
  JsonObject *root, *one, *two;
  JsonArray *scenarios, *quantities;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "Ranges");
  g_assert_cmpint (json_object_get_int_member (root, "draws"), ==, 500);
  g_assert_cmpint (json_object_get_int_member (root, "seed"), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "years")), ==, 5);
  quantities = json_object_get_array_member (root, "quantities");
  g_assert_cmpuint (json_array_get_length (quantities), ==, 10);
  {
    JsonObject *q = json_array_get_object_element (quantities, 2);
    g_assert_cmpstr (json_object_get_string_member (q, "key"), ==,
                     "driver:lac-cost/unit-cost.target");
    g_assert_cmpstr (json_object_get_string_member (q, "driver"), ==, "lac-cost");
    g_assert_cmpfloat (json_object_get_double_member (q, "low"), ==, 1500);
    g_assert_true (
        json_object_get_null_member (json_array_get_object_element (quantities, 0), "driver"));
  }
  scenarios = json_object_get_array_member (root, "scenarios");
  g_assert_cmpuint (json_array_get_length (scenarios), ==, 2);
  one = json_array_get_object_element (scenarios, 0);
  two = json_array_get_object_element (scenarios, 1);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_assert_true (json_object_has_member (one, fields[i]));
      g_assert_true (json_object_has_member (two, fields[i]));
    }
  g_assert_cmpuint (json_object_get_size (two), ==, G_N_ELEMENTS (fields));
  g_assert_true (json_object_get_null_member (one, "ahead_probability"));
  g_assert_true (json_object_get_null_member (one, "difference_total_net"));
  g_assert_cmpfloat (json_object_get_double_member (two, "ahead_probability"), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                        json_object_get_object_member (two, "cumulative"), "p90")),
                    ==, 5);
  g_assert_true (json_object_has_member (json_object_get_object_member (two, "total_net"), "mean"));
}

/* The study's own draws and seed by default; a study without ranges (the bundled one without
 * its ranges) has draws 0. */
static void
test_uncertainty_defaults (void)
{
  g_autofree char *path = uncertain_path ();
  g_autofree char *dir = g_dir_make_tmp ("lgr-cli-u-XXXXXX", NULL);
  g_autofree char *bundled = g_build_filename (dir, "plain.lgr", NULL);
  g_autofree char *xml = lgr_test_bundled_without_ranges ();
  g_auto (LgrTestRun) run = lgr_test_run_cli ("C.UTF-8", "--uncertainty=json", path, NULL);
  g_auto (LgrTestRun) plain = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonParser) parser2 = json_parser_new ();
  JsonObject *root = parse_object (parser, run.out);
  JsonObject *root2;

  g_assert_true (g_file_set_contents (bundled, xml, -1, NULL));
  plain = lgr_test_run_cli ("C.UTF-8", "--uncertainty=json", bundled, NULL);
  lgr_test_remove_tree (dir);
  root2 = parse_object (parser2, plain.out);

  g_assert_cmpint (json_object_get_int_member (root, "draws"), ==, 1000);
  g_assert_cmpint (json_object_get_int_member (root, "seed"), ==, 7);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_cmpint (json_object_get_int_member (root2, "draws"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root2, "quantities")), ==,
                    0);
}

/* The bundled study's own ranges: each named source's quantity is there, the market costs
 * linked across the two scenarios, and two unitaries come out ahead in most draws. */
static void
test_bundled_ranges (void)
{
  g_autofree char *bundled = lgr_test_source_path ("data", "studies", "warwickshire.lgr", NULL);
  g_auto (LgrTestRun) run = lgr_test_run_cli ("C.UTF-8", "--uncertainty=json", bundled, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root, *two;
  JsonArray *quantities, *scenarios;
  g_autoptr (GString) keys = g_string_new (NULL);

  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpint (json_object_get_int_member (root, "draws"), ==, 10000);
  quantities = json_object_get_array_member (root, "quantities");
  for (guint i = 0; i < json_array_get_length (quantities); i++)
    g_string_append_printf (
        keys, "%s\n",
        json_object_get_string_member (json_array_get_object_element (quantities, i), "key"));
  g_assert_nonnull (strstr (keys->str, "driver:lac-weekly-cost/unit-cost.target\n"));
  g_assert_nonnull (strstr (keys->str, "driver:transition-optimism-bias/spread.total\n"));
  g_assert_nonnull (strstr (keys->str, "two/north-lac/cohort.target\n"));
  g_assert_nonnull (strstr (keys->str, "two/aggregation/recurring.amount\n"));
  scenarios = json_object_get_array_member (root, "scenarios");
  two = json_array_get_object_element (scenarios, 1);
  g_assert_cmpfloat (json_object_get_double_member (two, "ahead_probability"), >, 0.5);
}

static void
test_sensitivity (void)
{
  g_autofree char *path = uncertain_path ();
  g_auto (LgrTestRun) json = lgr_test_run_cli ("C.UTF-8", "--sensitivity=json", path, NULL);
  g_auto (LgrTestRun) csv = lgr_test_run_cli ("C.UTF-8", "--sensitivity=csv", path, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_auto (GStrv) lines = NULL;
  JsonObject *root;
  JsonArray *rows, *switching;

  g_assert_cmpint (json.status, ==, 0);
  root = parse_object (parser, json.out);
  g_assert_cmpstr (json_object_get_string_member (root, "metric"), ==,
                   "total_net(two) - total_net(one)");
  rows = json_object_get_array_member (root, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 10);
  {
    JsonObject *row = json_array_get_object_element (rows, 0);
    JsonArray *scenarios = json_object_get_array_member (row, "scenarios");
    JsonObject *first = json_array_get_object_element (scenarios, 0);
    g_assert_true (json_object_has_member (row, "key"));
    g_assert_true (json_object_has_member (row, "low"));
    g_assert_cmpuint (json_object_get_size (first), ==, 11);
    g_assert_true (json_object_get_null_member (first, "difference_low"));
  }
  switching = json_object_get_array_member (root, "switching_values");
  g_assert_cmpuint (json_array_get_length (switching), >, 0);
  {
    JsonObject *v = json_array_get_object_element (switching, 0);
    g_assert_cmpstr (json_object_get_string_member (v, "scenario"), ==, "two");
    g_assert_true (json_object_has_member (v, "switching_value"));
  }

  g_assert_cmpint (csv.status, ==, 0);
  lines = g_strsplit (csv.out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "key,name,low,high,scenario,total_net_low,"));
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 10 * 2 + 1); /* and the empty last */
}

/* Bad usage: a clear message and exit status 2; nothing on standard output. */
static void
test_bad_usage (void)
{
  g_autofree char *path = uncertain_path ();
  struct
  {
    const char *a, *b, *message;
  } cases[] = {
    { "--uncertainty=json", "--draws=0",
      "--draws takes a whole number from 100 to 1000000, not “0”" },
    { "--uncertainty=json", "--draws=10000000",
      "--draws takes a whole number from 100 to 1000000, not “10000000”" },
    { "--uncertainty=json", "--draws=1e3", "not “1e3”" },
    { "--uncertainty=json", "--seed=1.5", "--seed takes a whole number from 0 to" },
    { "--uncertainty=csv", "--seed=1", "--uncertainty takes json" },
    { "--sensitivity=xml", "--check", "use only one of" },
    { "--sensitivity=xml", NULL, "--sensitivity takes json or csv" },
    { "--draws=500", NULL, "--draws and --seed go with --uncertainty" },
    { "--export=/dev/null", "--draws=500", "--draws and --seed go with --uncertainty" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (LgrTestRun) run
          = cases[i].b ? lgr_test_run_cli ("C.UTF-8", cases[i].a, cases[i].b, path, NULL)
                       : lgr_test_run_cli ("C.UTF-8", cases[i].a, path, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      if (strstr (run.err, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, run.err, cases[i].message);
    }
  {
    /* an invalid study: its error with its line, exit status 1 */
    g_autofree char *xml = lgr_test_read_fixture ("uncertain.lgr");
    g_autofree char *dir = g_dir_make_tmp ("lgr-cli-u-XXXXXX", NULL);
    g_autofree char *bad = g_build_filename (dir, "bad.lgr", NULL);
    char *at = strstr (xml, "target-low=\"55\"");
    memcpy (at, "target-low=\"65\"", strlen ("target-low=\"65\""));
    g_assert_true (g_file_set_contents (bad, xml, -1, NULL));
    g_auto (LgrTestRun) run = lgr_test_run_cli ("C.UTF-8", "--sensitivity=json", bad, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (
        strstr (run.err, "bad.lgr:11: lever “lac”: target-low 65 is above the target 60"));
    lgr_test_remove_tree (dir);
  }
}

/* The same bytes in German and Welsh (a dot decimal in every locale). */
static void
test_locales (void)
{
  g_autofree char *path = uncertain_path ();
  const char *options[] = { "--uncertainty=json", "--sensitivity=json", "--sensitivity=csv" };
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_auto (LgrTestRun) c = lgr_test_run_cli ("C.UTF-8", options[i], path, NULL);
      g_auto (LgrTestRun) de = lgr_test_run_cli ("de_DE.UTF-8", options[i], path, NULL);
      g_auto (LgrTestRun) cy = lgr_test_run_cli ("cy_GB.UTF-8", options[i], path, NULL);
      g_assert_cmpint (c.status, ==, 0);
      g_assert_cmpstr (de.out, ==, c.out);
      g_assert_cmpstr (cy.out, ==, c.out);
    }
}

/* --export --chart=tornado|uncertainty in each format; --draws and --seed reach the fan */
static void
test_export_charts (void)
{
  g_autofree char *path = uncertain_path ();
  g_autofree char *dir = g_dir_make_tmp ("lgr-cli-uncertain-XXXXXX", NULL);
  const char *kinds[] = { "--chart=tornado", "--chart=uncertainty" };
  const char *ext[] = { "png", "svg", "pdf" };
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint f = 0; f < G_N_ELEMENTS (ext); f++)
      {
        g_autofree char *name = g_strdup_printf ("chart-%u.%s", k, ext[f]);
        g_autofree char *out = g_build_filename (dir, name, NULL);
        g_autofree char *arg = g_strconcat ("--export=", out, NULL);
        g_auto (LgrTestRun) run = lgr_test_run_cli ("de_DE.UTF-8", arg, kinds[k], path, NULL);
        g_assert_cmpint (run.status, ==, 0);
        g_assert_cmpstr (run.err, ==, "");
        g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
        g_remove (out);
      }
  g_autofree char *pdf = g_build_filename (dir, "fan.pdf", NULL);
  g_autofree char *arg = g_strconcat ("--export=", pdf, NULL);
  g_auto (LgrTestRun) run = lgr_test_run_cli ("C.UTF-8", arg, "--chart=uncertainty", "--draws=200",
                                              "--seed=5", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext)
    {
      const char *argv[] = { pdftotext, pdf, "-", NULL };
      g_autofree char *text = NULL;
      g_autoptr (GError) error = NULL;
      g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL,
                    NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (text, "came out ahead of One unitary in"));
      g_assert_nonnull (strstr (text, "of 200 draws."));
    }
  g_remove (pdf);
  g_auto (LgrTestRun) bad
      = lgr_test_run_cli ("C.UTF-8", arg, "--chart=uncertainty", "--draws=0", path, NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--draws takes a whole number from 100 to 1000000"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_func ("/cli/uncertainty/json", test_uncertainty_json);
  g_test_add_func ("/cli/uncertainty/defaults", test_uncertainty_defaults);
  g_test_add_func ("/cli/uncertainty/bundled-ranges", test_bundled_ranges);
  g_test_add_func ("/cli/uncertainty/sensitivity", test_sensitivity);
  g_test_add_func ("/cli/uncertainty/bad-usage", test_bad_usage);
  g_test_add_func ("/cli/uncertainty/locales", test_locales);
  g_test_add_func ("/cli/uncertainty/export-charts", test_export_charts);
  return g_test_run ();
}
