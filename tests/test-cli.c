/* test-cli.c: the command line as a script would use it - exit statuses, messages, the JSON and
 * CSV shapes of docs/format.md, exports and the report - run as a real process with no display. */
#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "lgr-study-edits.h"
#include "lgr-study-io.h"
#include "lgr-test-util.h"

/* Runs lgr-explorer with args, no display at all: DISPLAY and WAYLAND_DISPLAY point nowhere, so
 * any attempt to open a window would fail loudly. extra_env: "NAME=value" pairs or NULL. */
static LgrTestRun
run_cli (const char *const *extra_env, const char *first_arg, ...)
{
  const char *exe = g_getenv ("LGR_EXPLORER");
  g_assert_nonnull (exe);

  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer)exe);
  va_list ap;
  va_start (ap, first_arg);
  for (const char *a = first_arg; a; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer)a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_auto (GStrv) envp = g_get_environ ();
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "DISPLAY", ":4242", TRUE); /* no such server */
  envp = g_environ_setenv (envp, "WAYLAND_DISPLAY", "no-such-wayland-socket", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  for (const char *const *e = extra_env; e && *e; e++)
    {
      g_auto (GStrv) kv = g_strsplit (*e, "=", 2);
      envp = g_environ_setenv (envp, kv[0], kv[1], TRUE);
    }

  LgrTestRun run = { 0 };
  int wait_status = 0;
  g_autoptr (GError) error = NULL;
  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &run.out, &run.err,
                &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status)); /* never a crash */
  run.status = WEXITSTATUS (wait_status);
  return run;
}

static char *
bundled_path (void)
{
  return lgr_test_source_path ("data", "studies", "warwickshire.lgr", NULL);
}

static char *
write_temp (const char *name, const char *contents)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lgr-cli-XXXXXX", &error);
  g_assert_no_error (error);
  char *path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_check_valid (void)
{
  g_autofree char *path = bundled_path ();
  g_auto (LgrTestRun) run = run_cli (NULL, "--check", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "valid, 2 scenarios"));
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_check_invalid (void)
{
  g_autofree char *good = bundled_path ();
  g_autofree char *bad = write_temp ("bad.lgr", "<?xml version=\"1.0\"?>\n"
                                                "<lgr-study version=\"1\">\n"
                                                "  <title>Bad</title>\n"
                                                "  <timeline first-year=\"2025\" years=\"0\" "
                                                "vesting-year=\"2028\"/>\n"
                                                "</lgr-study>\n");
  g_auto (LgrTestRun) run = run_cli (NULL, "--check", good, bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  /* the valid one is still reported; the bad one names its file and line */
  g_assert_nonnull (strstr (run.out, "valid"));
  g_assert_nonnull (strstr (run.err, "bad.lgr:4:"));
  g_assert_cmpint (strchr (run.err, '\n') - run.err + 1, ==, (int)strlen (run.err)); /* one line */
}

static void
test_check_missing_file (void)
{
  g_auto (LgrTestRun) run = run_cli (NULL, "--check", "/no/such/study.lgr", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "study.lgr"));
}

static void
test_usage_errors (void)
{
  g_autofree char *path = bundled_path ();
  struct
  {
    const char *a, *b, *c;
  } cases[] = {
    { "--check", NULL, NULL },
    { "--no-such-option", path, NULL },
    { "--summary=xml", path, NULL },
    { "--summary=json", NULL, NULL },
    { "--summary=json", path, path },
    { "--chart=cashflow", path, NULL },
    { "--export=out.gif", path, NULL },
    { "--report=out.txt", path, NULL },
    { "--check", "--summary=json", path },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (LgrTestRun) run = run_cli (NULL, cases[i].a, cases[i].b, cases[i].c, NULL);
      g_test_message ("case %u: %s %s", i, cases[i].a, cases[i].b ? cases[i].b : "");
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, "lgr-explorer:"));
      g_assert_cmpstr (run.out, ==, "");
    }
}

static void
test_version_and_help (void)
{
  g_auto (LgrTestRun) version = run_cli (NULL, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "lgr-explorer "));
  g_auto (LgrTestRun) help = run_cli (NULL, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  for (const char *const *o = (const char *const[]){ "--check", "--summary", "--export", "--chart",
                                                     "--size", "--scenario", "--report", NULL };
       *o; o++)
    g_assert_nonnull (strstr (help.out, *o));
}

static JsonNode *
member (JsonObject *object, const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_member (object, name);
}

static void
assert_series (JsonObject *object, const char *name, guint n)
{
  JsonArray *array = json_node_get_array (member (object, name));
  g_assert_nonnull (array);
  g_assert_cmpuint (json_array_get_length (array), ==, n);
  for (guint i = 0; i < n; i++)
    {
      /* a JSON number: json-glib reads 0 as an integer and 0.5 as a double */
      GType type = json_node_get_value_type (json_array_get_element (array, i));
      g_assert_true (type == G_TYPE_DOUBLE || type == G_TYPE_INT64);
    }
}

static double
series_at (JsonObject *object, const char *name, guint i)
{
  return json_array_get_double_element (json_node_get_array (member (object, name)), i);
}

/* "published": the bundled study's figures for One unitary beside the computed ones, none for
 * Two unitaries; a payback with no computed payback is null, never a number. */
static void
test_summary_published (void)
{
  g_autofree char *path = bundled_path ();
  g_auto (LgrTestRun) run = run_cli (NULL, "--summary=json", path, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *scenarios, *published;
  JsonObject *run_rate, *five_years;

  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  scenarios = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                            "scenarios");
  published
      = json_node_get_array (member (json_array_get_object_element (scenarios, 0), "published"));
  g_assert_cmpuint (json_array_get_length (published), ==, 2);
  run_rate = json_array_get_object_element (published, 0);
  g_assert_cmpuint (json_object_get_size (run_rate), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (run_rate, "measure"), ==, "run-rate");
  g_assert_true (json_node_is_null (member (run_rate, "year")));
  g_assert_cmpfloat (json_object_get_double_member (run_rate, "value"), ==, 18.7e6);
  g_assert_cmpfloat (json_object_get_double_member (run_rate, "computed"), ==, 18.7e6);
  g_assert_cmpfloat (json_object_get_double_member (run_rate, "difference"), ==, 0);
  five_years = json_array_get_object_element (published, 1);
  g_assert_cmpstr (json_object_get_string_member (five_years, "measure"), ==, "cumulative");
  g_assert_cmpint (json_object_get_int_member (five_years, "year"), ==, 2032);
  g_assert_cmpfloat (json_object_get_double_member (five_years, "value"), ==, 57.1e6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (five_years, "computed"), 57.175e6,
                                  0.01);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (five_years, "difference"), 75e3,
                                  0.01);
  published
      = json_node_get_array (member (json_array_get_object_element (scenarios, 1), "published"));
  g_assert_cmpuint (json_array_get_length (published), ==, 0);

  /* a payback the study never reaches: computed and difference null */
  {
    g_autofree char *xml = NULL;
    g_autofree char *study_path = NULL;
    g_autofree char *dir = g_dir_make_tmp ("lgr-published-XXXXXX", NULL);
    g_autoptr (GError) write_error = NULL;
    g_auto (LgrTestRun) empty = { 0 };
    g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
    {
      g_autoptr (GString) s = g_string_new (xml);
      g_string_replace (s, "<published measure=\"run-rate\" value=\"18700000\">",
                        "<published measure=\"payback-years\" value=\"3.3\">", 1);
      g_string_replace (s, "<recurring amount=\"18700000\"", "<recurring amount=\"1\"", 1);
      g_string_replace (s, "value=\"57100000\"", "value=\"-0\"", 1);
      g_free (xml);
      xml = g_string_free (g_steal_pointer (&s), FALSE);
    }
    study_path = g_build_filename (dir, "never.lgr", NULL);
    g_assert_true (g_file_set_contents (study_path, xml, -1, &write_error));
    empty = run_cli (NULL, "--summary=json", study_path, NULL);
    g_assert_cmpint (empty.status, ==, 0);
    g_assert_nonnull (strstr (empty.out,
                              "{\"measure\": \"payback-years\", \"year\": null, \"value\": "
                              "3.3, \"computed\": null, \"difference\": null}"));
    /* a file's -0 is written 0 */
    g_assert_nonnull (strstr (empty.out, "\"year\": 2032, \"value\": 0, "));
    g_assert_null (strstr (empty.out, "-0,"));
    lgr_test_remove_tree (dir);
  }
}

static void
test_summary_json (void)
{
  g_autofree char *path = bundled_path ();
  g_auto (LgrTestRun) run = run_cli (NULL, "--summary=json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);

  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (root), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==,
                   "Warwickshire: one unitary or two?");
  JsonArray *years = json_object_get_array_member (root, "years");
  g_assert_cmpuint (json_array_get_length (years), ==, 10);
  g_assert_cmpstr (json_array_get_string_element (years, 0), ==, "2025/26");
  g_assert_cmpstr (json_array_get_string_element (years, 9), ==, "2034/35");

  JsonArray *scenarios = json_object_get_array_member (root, "scenarios");
  g_assert_cmpuint (json_array_get_length (scenarios), ==, 2);
  JsonObject *two = json_array_get_object_element (scenarios, 1);
  const char *keys[]
      = { "id", "name", "payback_years", "payback_year", "relapses", "peak_funding", "npv",
          "total_net", "run_rate", "annual", "levers", "items", "nothing_to_pay_back", "published",
          /* two councils: the split (test-cli-councils.c) */
          "authorities", "shared" };
  g_assert_cmpuint (json_object_get_size (two), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    member (two, keys[i]);
  g_assert_cmpstr (json_object_get_string_member (two, "id"), ==, "two");
  g_assert_cmpstr (json_object_get_string_member (two, "payback_year"), ==, "2029/30");
  g_assert_false (json_object_get_boolean_member (two, "relapses"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (two, "peak_funding"), 29.84e6,
                                  0.005e6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (two, "total_net"), 341.7e6,
                                  0.05e6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (two, "run_rate"), 67.94e6,
                                  0.005e6);

  JsonObject *annual = json_object_get_object_member (two, "annual");
  g_assert_cmpuint (json_object_get_size (annual), ==, 6);
  const char *measures[]
      = { "cashable_savings", "cost_avoidance", "one_off_costs", "recurring_costs", "net",
          "cumulative" };
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    assert_series (annual, measures[i], 10);
  g_assert_cmpfloat_with_epsilon (series_at (annual, "cost_avoidance", 9), 30.22e6, 0.005e6);
  g_assert_cmpfloat_with_epsilon (series_at (annual, "cumulative", 9), 341.7e6, 0.05e6);

  JsonArray *levers = json_object_get_array_member (two, "levers");
  g_assert_cmpuint (json_array_get_length (levers), ==, 10);
  JsonObject *lac = json_array_get_object_element (levers, 0);
  g_assert_cmpstr (json_object_get_string_member (lac, "id"), ==, "north-lac");
  g_assert_cmpstr (json_object_get_string_member (lac, "authority"), ==, "north");
  g_assert_cmpstr (json_object_get_string_member (lac, "benefit"), ==, "cashable");
  const char *lever_series[]
      = { "saving",          "volume_effect",      "price_effect",      "baseline_cohort",
          "scenario_cohort", "baseline_unit_cost", "scenario_unit_cost" };
  g_assert_cmpuint (json_object_get_size (lac), ==, 3 + G_N_ELEMENTS (lever_series));
  for (guint i = 0; i < G_N_ELEMENTS (lever_series); i++)
    assert_series (lac, lever_series[i], 10);
  g_assert_cmpfloat_with_epsilon (series_at (lac, "baseline_cohort", 0), 481.208, 0.001);

  JsonArray *items = json_object_get_array_member (two, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  JsonObject *transition = json_array_get_object_element (items, 0);
  g_assert_cmpstr (json_object_get_string_member (transition, "kind"), ==, "one-off-cost");
  assert_series (transition, "values", 10);
  g_assert_cmpfloat (series_at (transition, "values", 2), ==, 0.5 * 37300000);

  /* payback null when there is none */
  g_autofree char *never = write_temp (
      "never.lgr",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lgr-study version=\"1\">\n"
      "  <title>Never</title>\n  <timeline first-year=\"2025\" years=\"3\" "
      "vesting-year=\"2025\"/>\n"
      "  <scenario id=\"s\" name=\"S\">\n"
      "    <authority id=\"a\" name=\"A\" population=\"1\" child-population=\"1\"/>\n"
      "    <item id=\"c\" name=\"Cost\" kind=\"recurring-cost\"><recurring amount=\"5\"/></item>\n"
      "  </scenario>\n</lgr-study>\n");
  g_auto (LgrTestRun) run2 = run_cli (NULL, "--summary=json", never, NULL);
  g_assert_cmpint (run2.status, ==, 0);
  g_assert_nonnull (strstr (run2.out, "\"payback_years\": null"));
  g_assert_nonnull (strstr (run2.out, "\"payback_year\": null"));
}

static void
test_summary_csv (void)
{
  g_autofree char *path = bundled_path ();
  g_auto (LgrTestRun) run = run_cli (NULL, "--summary=csv", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_auto (GStrv) lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 12 + 1); /* header, 2 x 6 rows, final "" */
  g_assert_cmpstr (lines[0], ==,
                   "scenario,name,measure,2025/26,2026/27,2027/28,2028/29,2029/30,2030/31,2031/32,"
                   "2032/33,2033/34,2034/35");
  g_assert_true (g_str_has_prefix (lines[1], "one,One unitary,cashable_savings,"));
  g_assert_true (g_str_has_prefix (lines[12], "two,Two unitaries,cumulative,"));
  g_auto (GStrv) fields = g_strsplit (lines[12], ",", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 13);
  /* money to the penny */
  g_assert_cmpstr (fields[12], ==, "341719417.88");
  g_assert_cmpstr (lines[13], ==, "");
}

/* The numbers of the output never depend on the locale. */
static void
test_summary_locale (void)
{
  g_autofree char *path = bundled_path ();
  const char *german[] = { "LC_ALL=de_DE.UTF-8", NULL };
  g_auto (LgrTestRun) c = run_cli (NULL, "--summary=json", path, NULL);
  g_auto (LgrTestRun) de = run_cli (german, "--summary=json", path, NULL);
  g_assert_cmpint (de.status, ==, 0);
  g_assert_cmpstr (c.out, ==, de.out);
  g_auto (LgrTestRun) c_csv = run_cli (NULL, "--summary=csv", path, NULL);
  g_auto (LgrTestRun) de_csv = run_cli (german, "--summary=csv", path, NULL);
  g_assert_cmpstr (c_csv.out, ==, de_csv.out);
}

/* --summary writes, byte for byte, what it wrote before it was written as it goes
 * (the .json and .csv files in tests/files/summary, made then; the .csv files since remade for
 * the table's scenario names and pennies): the bundled study, the test studies, and
 * one with every character that JSON escapes. */
static void
test_summary_unchanged (void)
{
  const struct
  {
    const char *study[3];
    const char *expected;
  } cases[] = {
    { { "data", "studies", "warwickshire.lgr" }, "warwickshire" },
    { { "tests", "files", "valid-full.lgr" }, "valid-full" },
    { { "tests", "files", "valid-minimal.lgr" }, "valid-minimal" },
    { { "tests", "files", "summary/escapes.lgr" }, "escapes" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint f = 0; f < 2; f++)
      {
        const char *format = f ? "csv" : "json";
        g_autofree char *study
            = lgr_test_source_path (cases[i].study[0], cases[i].study[1], cases[i].study[2], NULL);
        g_autofree char *name = g_strconcat (cases[i].expected, ".", format, NULL);
        g_autofree char *expected_path
            = lgr_test_source_path ("tests", "files", "summary", name, NULL);
        g_autofree char *arg = g_strconcat ("--summary=", format, NULL);
        g_autofree char *expected = NULL;
        g_autoptr (GError) error = NULL;
        g_assert_true (g_file_get_contents (expected_path, &expected, NULL, &error));
        g_assert_no_error (error);
        g_auto (LgrTestRun) run = run_cli (NULL, arg, study, NULL);
        g_assert_cmpint (run.status, ==, 0);
        g_assert_cmpstr (run.err, ==, "");
        g_assert_cmpstr (run.out, ==, expected);
      }
}

/* An output that cannot be written (a full disk) is exit status 1. */
static void
test_summary_write_error (void)
{
  const char *exe = g_getenv ("LGR_EXPLORER");
  g_autofree char *path = bundled_path ();
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  for (guint f = 0; f < 2; f++)
    {
      const char *argv[] = { "/bin/sh",
                             "-c",
                             "exec \"$0\" \"$1\" \"$2\" >/dev/full",
                             exe,
                             f ? "--summary=csv" : "--summary=json",
                             path,
                             NULL };
      g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                    &wait_status, &error);
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (wait_status));
      g_assert_cmpint (WEXITSTATUS (wait_status), ==, 1);
    }
}

static void
test_export_png (void)
{
  g_autofree char *path = bundled_path ();
  g_autofree char *out = write_temp ("chart.png", "");
  const char *charts[] = { "cashflow", "savings", "difference", "children" };
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_autofree char *export_arg = g_strconcat ("--export=", out, NULL);
      g_autofree char *chart_arg = g_strconcat ("--chart=", charts[i], NULL);
      g_auto (LgrTestRun) run = run_cli (NULL, export_arg, chart_arg, "--size=800x450", path, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      cairo_surface_t *image = cairo_image_surface_create_from_png (out);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, 450);
      cairo_surface_destroy (image);
    }
}

static void
test_export_vector (void)
{
  g_autofree char *path = bundled_path ();
  g_autofree char *svg = write_temp ("chart.svg", "");
  g_autofree char *pdf = write_temp ("chart.pdf", "");
  g_autofree char *svg_arg = g_strconcat ("--export=", svg, NULL);
  g_autofree char *pdf_arg = g_strconcat ("--export=", pdf, NULL);
  g_auto (LgrTestRun) a = run_cli (NULL, svg_arg, "--scenario=two", path, NULL);
  g_assert_cmpint (a.status, ==, 0);
  g_auto (LgrTestRun) b
      = run_cli (NULL, pdf_arg, "--chart=savings", "--scenario=one", "--scenario=two", path, NULL);
  g_assert_cmpint (b.status, ==, 0);
  g_autofree char *svg_text = NULL, *pdf_text = NULL;
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<svg"));
  gsize pdf_len = 0;
  g_assert_true (g_file_get_contents (pdf, &pdf_text, &pdf_len, NULL));
  g_assert_true (g_str_has_prefix (pdf_text, "%PDF-"));
}

static void
test_export_errors (void)
{
  g_autofree char *path = bundled_path ();
  g_auto (LgrTestRun) chart = run_cli (NULL, "--export=/tmp/x.png", "--chart=pie", path, NULL);
  g_assert_cmpint (chart.status, ==, 2);
  g_assert_nonnull (strstr (chart.err, "pie"));
  g_auto (LgrTestRun) size = run_cli (NULL, "--export=/tmp/x.png", "--size=big", path, NULL);
  g_assert_cmpint (size.status, ==, 2);
  g_auto (LgrTestRun) size0 = run_cli (NULL, "--export=/tmp/x.png", "--size=0x100", path, NULL);
  g_assert_cmpint (size0.status, ==, 2);
  /* the export size cap: a side over 8000, or over 40 million pixels in all */
  g_auto (LgrTestRun) huge
      = run_cli (NULL, "--export=/tmp/x.png", "--size=20000x20000", path, NULL);
  g_assert_cmpint (huge.status, ==, 2);
  g_assert_nonnull (strstr (huge.err, "16 to 8000"));
  g_auto (LgrTestRun) area = run_cli (NULL, "--export=/tmp/x.png", "--size=8000x8000", path, NULL);
  g_assert_cmpint (area.status, ==, 2);
  g_assert_nonnull (strstr (area.err, "40 million pixels"));
  g_auto (LgrTestRun) scenario
      = run_cli (NULL, "--export=/tmp/x.png", "--scenario=three", path, NULL);
  g_assert_cmpint (scenario.status, ==, 2);
  g_assert_nonnull (strstr (scenario.err, "one, two"));
  g_auto (LgrTestRun) unwritable = run_cli (NULL, "--export=/no/such/folder/x.png", path, NULL);
  g_assert_cmpint (unwritable.status, ==, 1);
  /* the file and its folder, each named once */
  g_assert_nonnull (strstr (unwritable.err, "“x.png”"));
  g_assert_nonnull (strstr (unwritable.err, "“/no/such/folder”"));
  g_assert_null (strstr (unwritable.err, "/no/such/folder/x.png"));
  g_auto (LgrTestRun) report = run_cli (NULL, "--report=/no/such/folder/r.pdf", path, NULL);
  g_assert_cmpint (report.status, ==, 1);
}

static void
test_report (void)
{
  g_autofree char *path = bundled_path ();
  g_autofree char *pdf = write_temp ("report.pdf", "");
  g_autofree char *arg = g_strconcat ("--report=", pdf, NULL);
  g_auto (LgrTestRun) run = run_cli (NULL, arg, path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_autofree char *text = NULL;
  gsize len = 0;
  g_assert_true (g_file_get_contents (pdf, &text, &len, NULL));
  g_assert_true (g_str_has_prefix (text, "%PDF-"));
  g_assert_cmpuint (len, >, 10000);
}

/* One unitary's LAC target changed to 50 after its note was written: the report says, under
 * the note, that the note predates the change. */
static void
test_report_stale_source (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  LgrLever *lac = lgr_scenario_find_lever (lgr_study_find_scenario (study, "one"), "lac");
  g_autofree char *path = write_temp ("stale.lgr", "");
  g_autofree char *text = NULL;

  lgr_test_set_cohort_target (lac, 50);
  g_assert_true (lac->has_source_target);
  g_assert_true (lgr_study_save_path (study, path, NULL));
  if (!(text = lgr_test_report_text (path, NULL)))
    return;
  g_assert_nonnull (strstr (text, "This source predates a change: target 64 per 10,000 children "
                                  "when it was written, 50 per 10,000 children now."));
}

/* "Published figures checked": each figure of the bundled study beside the computed one, with
 * the difference and its source; a study without published figures has no such section. */
static void
test_report_published (void)
{
  g_autofree char *bundled = bundled_path ();
  g_autofree char *text = lgr_test_report_text (bundled, NULL);
  g_autofree char *full = lgr_test_source_path ("tests", "files", "valid-full.lgr", NULL);
  g_autofree char *without = NULL;
  const char *section;

  if (text == NULL)
    return;
  section = strstr (text, "Published figures checked");
  g_assert_nonnull (section);
  g_assert_nonnull (strstr (section, "Measure Published Computed Difference"));
  g_assert_nonnull (strstr (section, "Run rate £18.7m £18.7m the same"));
  g_assert_nonnull (strstr (section, "Source: Warwickshire County Council, final proposal for a "
                                     "single unitary council, 28 November 2025"));
  g_assert_nonnull (strstr (section, "Cumulative by 2032/33 £57.1m £57.2m £75k more"));

  without = lgr_test_report_text (full, NULL);
  g_assert_null (strstr (without, "Published figures checked"));
}

/* The North's population changed after its note: the report gives the note under the
 * authority and says that it predates the change. */
static void
test_report_authority_source (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  LgrAuthority *north
      = lgr_scenario_find_authority (lgr_study_find_scenario (study, "two"), "north");
  g_autoptr (LgrAuthority) before = NULL;
  g_autofree char *path = write_temp ("stale-authority.lgr", "");
  g_autofree char *text = NULL;

  g_free (north->source);
  north->source = g_strdup ("A test note on the North's populations.");
  before = lgr_authority_copy (north);
  north->population = 320000;
  lgr_authority_note_source_change (north, before);
  g_assert_true (north->has_source_population);
  g_assert_true (lgr_study_save_path (study, path, NULL));
  if (!(text = lgr_test_report_text (path, NULL)))
    return;
  g_assert_nonnull (strstr (text, "population 320,000, of whom 66,100 children"));
  g_assert_nonnull (strstr (text, "Source: A test note on the North's populations."));
  g_assert_nonnull (strstr (text, "This source predates a change: population 313,600 when it was "
                                  "written, 320,000 now."));
  g_assert_null (strstr (text, "children aged 0–17 66,100 when"));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/check/valid", test_check_valid);
  g_test_add_func ("/cli/check/invalid", test_check_invalid);
  g_test_add_func ("/cli/check/missing-file", test_check_missing_file);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/cli/summary/json", test_summary_json);
  g_test_add_func ("/cli/summary/published", test_summary_published);
  g_test_add_func ("/cli/summary/csv", test_summary_csv);
  g_test_add_func ("/cli/summary/locale", test_summary_locale);
  g_test_add_func ("/cli/summary/unchanged", test_summary_unchanged);
  g_test_add_func ("/cli/summary/write-error", test_summary_write_error);
  g_test_add_func ("/cli/export/png", test_export_png);
  g_test_add_func ("/cli/export/vector", test_export_vector);
  g_test_add_func ("/cli/export/errors", test_export_errors);
  g_test_add_func ("/cli/report", test_report);
  g_test_add_func ("/cli/report/stale-source", test_report_stale_source);
  g_test_add_func ("/cli/report/published", test_report_published);
  g_test_add_func ("/cli/report/authority-source", test_report_authority_source);
  return g_test_run ();
}
