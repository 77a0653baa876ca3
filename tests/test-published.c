/* test-published.c: <published> figures (docs/format.md): read, written, refused at their line
 * with a message for every rule, and each beside the computed figure the summary gives. */
#include <glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lgr-document.h"
#include "lgr-published.h"
#include "lgr-results.h"
#include "lgr-rules.h"
#include "lgr-study-io.h"
#include "lgr-test-util.h"

static const char *const payback_line
    = "<published measure=\"payback-years\" value=\"4.5\">Test Council";
static const char *const cumulative_line
    = "<published measure=\"cumulative\" year=\"2032\" value=\"-1500000.5\">Test Council";
#define PAYBACK_AT 36 /* the line of the payback figure in tests/files/valid-full.lgr */

/* tests/files/valid-full.lgr with two published figures at the end of scenario "two" (kept
 * out of the file itself, whose line numbers other tests name) */
#define FIGURES                                                                                    \
  "    <published measure=\"payback-years\" value=\"4.5\">Test Council, \"Test financial "         \
  "case\", 1 May 2025, table 1</published>\n"                                                      \
  "    <published measure=\"cumulative\" year=\"2032\" value=\"-1500000.5\">Test Council, "        \
  "\"Test financial case\", 1 May 2025, table 2</published>\n"
#define SCENARIO_END "    </item>\n  </scenario>\n  <scenario id=\"one\""

static char *
fixture_with (const char *from, const char *to)
{
  g_autofree char *full = lgr_test_full_with (
      SCENARIO_END, "    </item>\n" FIGURES "  </scenario>\n  <scenario id=\"one\"");
  char *at = *from ? strstr (full, from) : full;
  g_autofree char *head = NULL;
  g_assert_nonnull (at);
  g_assert_true (!*from || strstr (at + 1, from) == NULL);
  head = g_strndup (full, at - full);
  return g_strconcat (head, to, at + strlen (from), NULL);
}

static void
assert_change_refused (const char *from, const char *to, int line, const char *gist)
{
  g_autofree char *xml = fixture_with (from, to);
  lgr_test_assert_refused (xml, strlen (xml), LGR_STUDY_ERROR_INVALID, line, gist);
}

static LgrStudy *
load_fixture (void)
{
  g_autofree char *xml = fixture_with ("", "");
  return lgr_test_load_string (xml);
}

static void
test_load (void)
{
  g_autoptr (LgrStudy) study = load_fixture ();
  LgrScenario *two = g_ptr_array_index (study->scenarios, 0);
  LgrScenario *one = g_ptr_array_index (study->scenarios, 1);
  LgrPublished *payback, *cumulative;

  g_assert_cmpuint (two->published->len, ==, 2);
  g_assert_cmpuint (one->published->len, ==, 0);
  payback = g_ptr_array_index (two->published, 0);
  cumulative = g_ptr_array_index (two->published, 1);
  g_assert_cmpint (payback->measure, ==, LGR_PUBLISHED_PAYBACK_YEARS);
  g_assert_false (payback->has_year);
  g_assert_cmpfloat (payback->value, ==, 4.5);
  g_assert_cmpstr (payback->source, ==,
                   "Test Council, \"Test financial case\", 1 May 2025, table 1");
  g_assert_cmpint (payback->line, ==, PAYBACK_AT);
  g_assert_cmpint (cumulative->measure, ==, LGR_PUBLISHED_CUMULATIVE);
  g_assert_true (cumulative->has_year);
  g_assert_cmpint (cumulative->year, ==, 2032);
  g_assert_cmpfloat (cumulative->value, ==, -1500000.5);
}

/* Every rule, refused at the line of the <published> (an attribute's own line when it has
 * one), with a message that names what is wrong. */
static void
test_refused (void)
{
  const struct
  {
    const char *from, *to;
    int line;
    const char *gist;
  } cases[] = {
    { "measure=\"payback-years\"", "measure=\"payback\"", PAYBACK_AT, "measure" },
    { "measure=\"payback-years\"", "measure=\"payback-years\" year=\"2030\"", PAYBACK_AT,
      "takes no year (only net and cumulative do)" },
    { "measure=\"cumulative\" year=\"2032\"", "measure=\"cumulative\"", PAYBACK_AT + 1,
      "the published cumulative needs a year" },
    { "measure=\"cumulative\" year=\"2032\"", "measure=\"net\"", PAYBACK_AT + 1,
      "the published net needs a year" },
    { "year=\"2032\"", "year=\"2035\"", PAYBACK_AT + 1,
      "year 2035 is outside the timeline (2025/26 to 2034/35)" },
    { "year=\"2032\"", "year=\"2024\"", PAYBACK_AT + 1, "outside the timeline" },
    { "year=\"2032\"", "year=\"2032.5\"", PAYBACK_AT + 1, "year" },
    { "value=\"4.5\"", "value=\"4,5\"", PAYBACK_AT, "published value" },
    { "value=\"4.5\"", "value=\"four\"", PAYBACK_AT, "published value" },
    { "value=\"-1500000.5\"", "value=\"2e12\"", PAYBACK_AT + 1,
      "published value 2000000000000 is not between" },
    { "value=\"-1500000.5\"", "value=\"-2e12\"", PAYBACK_AT + 1, "published value" },
    { "value=\"-1500000.5\"", "value=\"inf\"", PAYBACK_AT + 1, "published value" },
    { "value=\"4.5\"", "value=\"-1\"", PAYBACK_AT, "payback-years cannot be negative" },
    { "measure=\"payback-years\" value=\"4.5\"", "measure=\"peak-funding\" value=\"-3\"",
      PAYBACK_AT, "peak-funding cannot be negative" },
    { "measure=\"cumulative\" year=\"2032\" value=\"-1500000.5\"",
      "measure=\"payback-years\" value=\"3\"", PAYBACK_AT + 1,
      "the published payback-years is given twice (first at line 36)" },
    { "measure=\"payback-years\" value=\"4.5\"", "measure=\"cumulative\" year=\"2032\" value=\"1\"",
      PAYBACK_AT + 1, "the published cumulative for 2032 is given twice (first at line 36)" },
    { ">Test Council, \"Test financial case\", 1 May 2025, table 1<", ">  <", PAYBACK_AT,
      "source" },
    { "measure=\"payback-years\" value=\"4.5\"", "value=\"4.5\"", PAYBACK_AT, "measure" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_change_refused (cases[i].from, cases[i].to, cases[i].line, cases[i].gist);
  /* at the end of the scenario, after its levers and items */
  {
    g_autofree char *xml = fixture_with ("", "");
    const char *at = strstr (xml, "    <published measure=\"cumulative\"");
    const char *end = strstr (at, "</published>\n") + strlen ("</published>\n");
    g_autofree char *figure = g_strndup (at, end - at);
    g_autofree char *before = g_strndup (xml, at - xml);
    g_autofree char *without = g_strconcat (before, end, NULL); /* the figure taken out ... */
    const char *item = strstr (without, "    <item id=\"ict\"");
    g_autofree char *head = g_strndup (without, item - without);
    g_autofree char *moved = g_strconcat (head, figure, item, NULL); /* ... before an item */
    lgr_test_assert_refused (moved, strlen (moved), LGR_STUDY_ERROR_INVALID, -1, "<item>");
  }
}

static void
test_round_trip (void)
{
  g_autoptr (LgrStudy) study = load_fixture ();
  g_autofree char *xml = lgr_study_to_xml (study, NULL);
  g_autoptr (LgrStudy) back = lgr_test_load_string (xml);
  g_autoptr (LgrStudy) changed = lgr_study_copy (study);
  LgrPublished *cumulative = g_ptr_array_index (
      ((LgrScenario *)g_ptr_array_index (changed->scenarios, 0))->published, 1);

  g_assert_nonnull (strstr (xml, cumulative_line));
  g_assert_nonnull (strstr (xml, payback_line));
  g_assert_true (lgr_study_equal (study, back));
  cumulative->year = 2031;
  g_assert_false (lgr_study_equal (study, changed));
  g_assert_true (lgr_study_validate (changed, NULL, NULL));
}

/* lgr_study_validate() (what a save and the document check) says the same as the loader, with
 * the file and line. */
static void
test_validate (void)
{
  g_autoptr (LgrStudy) study = load_fixture ();
  LgrScenario *two = g_ptr_array_index (study->scenarios, 0);
  LgrPublished *payback = g_ptr_array_index (two->published, 0);
  g_autoptr (GError) error = NULL;

  payback->has_year = TRUE;
  payback->year = 2030;
  g_assert_false (lgr_study_validate (study, "study.lgr", &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "study.lgr:36: scenario “two”: "));
  g_assert_nonnull (strstr (error->message, "takes no year"));
  g_clear_error (&error);

  payback->has_year = FALSE;
  g_clear_pointer (&payback->source, g_free);
  g_assert_false (lgr_study_validate (study, "study.lgr", &error));
  g_assert_nonnull (strstr (error->message, "source"));
}

/* A shorter timeline that would leave a published year outside it is refused, saying why, and
 * the study keeps its figures (the file must still load). */
static void
test_timeline_edit (void)
{
  g_autoptr (LgrDocument) document = lgr_document_new (lgr_test_load_bundled (), NULL);
  g_autoptr (LgrStudy) settings = lgr_study_copy (lgr_document_get_study (document));
  g_autoptr (GError) error = NULL;

  settings->years = 5;
  g_assert_false (lgr_document_set_study_settings (document, settings, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "scenario “one”: the published cumulative's year 2032 "
                                            "is outside the timeline (2025/26 to 2029/30)"));
  g_assert_cmpint (lgr_document_get_study (document)->years, ==, 10);
}

/* The computed figure is the summary's, and the difference obeys half a penny. */
static void
test_computed (void)
{
  g_autoptr (LgrStudy) study = load_fixture ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  const LgrScenarioResult *two = &results->scenarios[0];
  LgrPublished *payback = g_ptr_array_index (two->scenario->published, 0);
  LgrPublished *cumulative = g_ptr_array_index (two->scenario->published, 1);
  double computed = 0;

  g_assert_true (lgr_published_computed (results, two, cumulative, &computed));
  g_assert_cmpfloat (computed, ==, two->cumulative[2032 - 2025]);
  g_assert_true (lgr_published_computed (results, two, payback, &computed) == two->has_payback);

  for (LgrPublishedMeasure m = 0; m < LGR_N_PUBLISHED_MEASURES; m++)
    {
      LgrPublished p = { .measure = m, .has_year = TRUE, .year = 2027, .value = 1 };
      const double expected[]
          = { two->payback_years, two->peak_funding, two->total_net,    two->npv,
              two->run_rate,      two->net[2],       two->cumulative[2] };
      if (m == LGR_PUBLISHED_PAYBACK_YEARS && !two->has_payback)
        continue;
      g_assert_true (lgr_published_computed (results, two, &p, &computed));
      g_assert_cmpfloat (computed, ==, expected[m]);
    }

  g_assert_cmpfloat (lgr_published_difference (1.004, 1), ==, 0);
  g_assert_cmpfloat (lgr_published_difference (1, 1.005), ==, 0);
  g_assert_false (signbit (lgr_published_difference (1, 1.004)));
  g_assert_cmpfloat_with_epsilon (lgr_published_difference (1, 1.006), -0.006, 1e-12);
  g_assert_cmpfloat (lgr_published_difference (3.23, 3.3), <, 0);

  /* words for each case: a payback sooner, none computed, a year the results do not cover */
  {
    LgrPublished p = { .measure = LGR_PUBLISHED_PAYBACK_YEARS, .value = 3.3 };
    g_autofree char *sooner = lgr_published_format_difference (&p, -0.07);
    g_autofree char *later = lgr_published_format_difference (&p, 1.5);
    g_assert_cmpstr (sooner, ==, "0.07 years sooner");
    g_assert_cmpstr (later, ==, "1.5 years later");
  }
  {
    g_autoptr (LgrStudy) never = load_fixture ();
    g_autoptr (LgrResults) never_results = NULL;
    LgrScenario *scenario = g_ptr_array_index (never->scenarios, 0);
    LgrPublished *p = g_ptr_array_index (scenario->published, 0);
    LgrPublished *late = g_ptr_array_index (scenario->published, 1);
    g_autofree char *none = NULL;
    g_autofree char *outside = NULL;
    /* every saving off: the transition costs are never paid back */
    for (guint i = 0; i < scenario->levers->len; i++)
      ((LgrLever *)g_ptr_array_index (scenario->levers, i))->enabled = FALSE;
    for (guint i = 0; i < scenario->items->len; i++)
      {
        LgrItem *item = g_ptr_array_index (scenario->items, i);
        item->enabled = lgr_item_kind_is_cost (item->kind);
      }
    late->year = 2099; /* as if the timeline had been shortened under it */
    never_results = lgr_results_compute (never);
    none = lgr_published_describe (p, never_results, &never_results->scenarios[0]);
    outside = lgr_published_describe (late, never_results, &never_results->scenarios[0]);
    g_assert_cmpstr (none, ==, "Published payback 4.5 years · no payback by 2034/35");
    g_assert_cmpstr (outside, ==, "Published cumulative by 2099/00 −£1.5m · not in the timeline");
  }
}

/* The bundled study's published figures beside the computed ones. */
static void
test_bundled (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  const LgrScenarioResult *one = lgr_results_find (results, "one");
  LgrPublished *run_rate, *five_years;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  double computed = 0;

  g_assert_cmpuint (one->scenario->published->len, ==, 2);
  run_rate = g_ptr_array_index (one->scenario->published, 0);
  five_years = g_ptr_array_index (one->scenario->published, 1);
  g_assert_true (lgr_published_computed (results, one, run_rate, &computed));
  g_assert_cmpfloat (lgr_published_difference (computed, run_rate->value), ==, 0);
  g_assert_true (lgr_published_computed (results, one, five_years, &computed));
  lgr_assert_money (computed, 57175000, 0.01);
  lgr_assert_money (lgr_published_difference (computed, five_years->value), 75000, 0.01);

  first = lgr_published_describe (run_rate, results, one);
  second = lgr_published_describe (five_years, results, one);
  g_assert_cmpstr (first, ==, "Published run rate £18.7m · computed £18.7m · the same");
  g_assert_cmpstr (second, ==,
                   "Published cumulative by 2032/33 £57.1m · computed £57.2m · £75k more");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/published/load", test_load);
  g_test_add_func ("/core/published/refused", test_refused);
  g_test_add_func ("/core/published/round-trip", test_round_trip);
  g_test_add_func ("/core/published/validate", test_validate);
  g_test_add_func ("/core/published/timeline-edit", test_timeline_edit);
  g_test_add_func ("/core/published/computed", test_computed);
  g_test_add_func ("/core/published/bundled", test_bundled);
  return g_test_run ();
}
