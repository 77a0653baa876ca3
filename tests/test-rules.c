/* test-rules.c: the value rules of docs/format.md (lgr-rules.h), shared by the loader and
 * editors. */
#include <float.h>
#include <glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lgr-rules.h"
#include "lgr-study-io.h"
#include "lgr-test-util.h"

static gboolean
same_double (double a, double b)
{
  return memcmp (&a, &b, sizeof a) == 0;
}

static void
assert_message (GError *error, const char *expected)
{
  g_assert_nonnull (error);
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
assert_message_has (GError *error, const char *gist)
{
  g_assert_nonnull (error);
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  if (strstr (error->message, gist) == NULL)
    g_error ("expected “%s” in “%s”", gist, error->message);
}

/* Numbers */

static void
test_parse_number (void)
{
  static const struct
  {
    const char *text;
    double value;
  } good[] = {
    { "0", 0 },
    { "-0", -0.0 },
    { "1.5", 1.5 },
    { ".5", 0.5 },
    { "5.", 5 },
    { "1e3", 1000 },
    { "1E-3", 0.001 },
    { "-2.5e+10", -2.5e10 },
    { "72.8", 72.8 },
    { "1e-300", 1e-300 },
    { "123456789.123456789", 123456789.123456789 },
    { "0.30000000000000004", 0.30000000000000004 },
  };
  static const struct
  {
    const char *text, *gist;
  } bad[] = {
    { "", "a number is needed, but the value is empty" },
    { " 1", "“ 1” is not a number (remove the spaces around it)" },
    { "1 ", "“1 ” is not a number (remove the spaces around it)" },
    { "1,5", "“1,5” is not a number (use a dot for decimals, not a comma)" },
    { "1.000,5", "“1.000,5” is not a number" },
    { "nan", "“nan” is not a number (only finite numbers are allowed)" },
    { "NaN", "only finite numbers" },
    { "inf", "only finite numbers" },
    { "-Infinity", "only finite numbers" },
    { "0x10", "“0x10” is not a number (write it in decimal)" },
    { "+1", "“+1” is not a number (leave out the plus sign)" },
    { "1e", "“1e” is not a number" },
    { "e5", "“e5” is not a number" },
    { "1.2.3", "“1.2.3” is not a number" },
    { "--1", "“--1” is not a number" },
    { ".", "“.” is not a number" },
    { "-", "“-” is not a number" },
    { "1e999", "“1e999” is too large to be a number" },
    { "-1e999", "“-1e999” is too large to be a number" },
    { "12abc", "“12abc” is not a number" },
    { "١٢", "is not a number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      double v = 42;
      g_assert_true (lgr_parse_number (good[i].text, &v, &error));
      g_assert_no_error (error);
      g_assert_true (same_double (v, good[i].value));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      double v = 42;
      g_assert_false (lgr_parse_number (bad[i].text, &v, &error));
      assert_message_has (error, bad[i].gist);
      g_assert_cmpfloat (v, ==, 42); /* untouched */
    }

  {
    g_autoptr (GError) error = NULL;
    g_assert_false (lgr_parse_number_for ("1,5", "target rate", NULL, &error));
    assert_message (error,
                    "target rate “1,5” is not a number (use a dot for decimals, not a comma)");
  }
}

static void
test_parse_int (void)
{
  g_autoptr (GError) error = NULL;
  int v = 0;

  g_assert_true (lgr_parse_int ("2028", &v, NULL));
  g_assert_cmpint (v, ==, 2028);
  g_assert_true (lgr_parse_int ("-5", &v, NULL));
  g_assert_cmpint (v, ==, -5);
  g_assert_true (lgr_parse_int ("007", &v, NULL));
  g_assert_cmpint (v, ==, 7);

  g_assert_false (lgr_parse_int_for ("2028.0", "first year", &v, &error));
  assert_message (error, "first year “2028.0” is not a whole number");
  g_clear_error (&error);
  g_assert_false (lgr_parse_int ("1e3", &v, &error));
  assert_message (error, "“1e3” is not a whole number");
  g_clear_error (&error);
  g_assert_false (lgr_parse_int ("20x5", &v, &error));
  assert_message_has (error, "is not a number");
  g_clear_error (&error);
  g_assert_false (lgr_parse_int ("99999999999", &v, &error));
  assert_message (error, "“99999999999” is too large");
  g_clear_error (&error);
  g_assert_false (lgr_parse_int ("", &v, &error));
  assert_message_has (error, "empty");
  g_clear_error (&error);
  g_assert_false (lgr_parse_int ("-", &v, &error));
  g_clear_error (&error);
  g_assert_false (lgr_parse_int (" 1", &v, &error));
}

static void
test_parse_profile (void)
{
  LgrProfile profile = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (lgr_parse_profile ("25 50 75 100", &profile, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (profile.n, ==, 4);
  g_assert_cmpfloat (profile.values[0], ==, 25);
  g_assert_cmpfloat (profile.values[3], ==, 100);
  text = lgr_profile_to_string (&profile);
  g_assert_cmpstr (text, ==, "25 50 75 100");

  g_assert_true (lgr_parse_profile ("  33.3   0\t100 ", &profile, NULL));
  g_assert_cmpuint (profile.n, ==, 3);
  g_assert_cmpfloat (profile.values[0], ==, 33.3);

  g_assert_false (lgr_parse_profile ("", &profile, &error));
  assert_message (error, "the profile is empty: it needs at least one percentage");
  g_clear_error (&error);
  g_assert_false (lgr_parse_profile ("25 120", &profile, &error));
  assert_message (error, "profile percentage 120 is not between 0 and 100");
  g_clear_error (&error);
  g_assert_false (lgr_parse_profile ("25 -1", &profile, &error));
  assert_message (error, "profile percentage -1 is not between 0 and 100");
  g_clear_error (&error);
  g_assert_false (lgr_parse_profile ("25,50,75", &profile, &error));
  assert_message_has (error, "separate percentages with spaces");
  g_clear_error (&error);
  g_assert_false (lgr_parse_profile ("25 x", &profile, &error));
  assert_message (error, "profile percentage “x” is not a number");
  g_clear_error (&error);
  g_assert_false (lgr_parse_profile ("25 nan", &profile, &error));
  assert_message_has (error, "only finite numbers");
  /* a refused profile leaves the old one alone */
  g_assert_cmpuint (profile.n, ==, 3);
  lgr_profile_clear (&profile);
}

static void
assert_round_trip (double value)
{
  g_autofree char *text = lgr_number_to_string (value);
  double back = 0;
  g_autoptr (GError) error = NULL;
  if (!lgr_parse_number (text, &back, &error) || !same_double (back, value))
    g_error ("%.17g written as “%s” reads back as %.17g (%s)", value, text, back,
             error ? error->message : "");
  g_assert_null (strchr (text, ','));
}

static void
test_number_to_string (void)
{
  static const struct
  {
    double value;
    const char *text;
  } shortest[] = {
    { 0, "0" },
    { -0.0, "-0" },
    { 72.8, "72.8" },
    { 0.1, "0.1" },
    { 1e-300, "1e-300" },
    { 37300000, "37300000" },
    { 1.0 / 3, "0.3333333333333333" },
    { 0.30000000000000004, "0.30000000000000004" },
    { 123456789.123456789, "123456789.12345679" },
    { 1e21, "1e+21" },
    { -2.5, "-2.5" },
  };
  static const double nasty[]
      = { 5e-324,    DBL_MIN, DBL_MAX,           -DBL_MAX, 2.0 / 3 * 1e5, 9007199254740993.0,
          0.1 + 0.2, 1e-5,    1234567.8901234567 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (1234);

  for (guint i = 0; i < G_N_ELEMENTS (shortest); i++)
    {
      g_autofree char *text = lgr_number_to_string (shortest[i].value);
      g_assert_cmpstr (text, ==, shortest[i].text);
      assert_round_trip (shortest[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (nasty); i++)
    assert_round_trip (nasty[i]);
  /* any finite double, from random bits */
  for (guint i = 0; i < 100000; i++)
    {
      guint64 bits = ((guint64)g_rand_int (rand) << 32) | g_rand_int (rand);
      double value;
      memcpy (&value, &bits, sizeof value);
      if (isfinite (value))
        assert_round_trip (value);
    }
}

/* The same files and messages whatever the desktop's language. */
static void
test_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  double v = 0;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed (locale-gen)");
      return;
    }
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");
  g_assert_true (lgr_parse_number ("1.5", &v, NULL));
  g_assert_cmpfloat (v, ==, 1.5);
  g_assert_false (lgr_parse_number ("1,5", &v, &error));
  text = lgr_number_to_string (1234567.25);
  g_assert_cmpstr (text, ==, "1234567.25");
  g_clear_pointer (&text, g_free);
  g_clear_error (&error);
  g_assert_false (lgr_check_range (LGR_RANGE_PROFILE, 100.5, "profile percentage", &error));
  assert_message (error, "profile percentage 100.5 is not between 0 and 100");
  setlocale (LC_ALL, saved);
}

/* Ranges */

typedef struct
{
  LgrRange range;
  double value;
  gboolean ok;
  const char *message; /* for what = "x" */
} RangeCase;

static void
check_ranges (const RangeCase *cases, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GError) error = NULL;
      gboolean ok = lgr_check_range (cases[i].range, cases[i].value, "x", &error);
      g_assert_cmpint (lgr_range_contains (cases[i].range, cases[i].value), ==, ok);
      if (ok != cases[i].ok)
        g_error ("range %d, value %.17g: expected %s", cases[i].range, cases[i].value,
                 cases[i].ok ? "accepted" : "refused");
      if (!ok)
        assert_message (error, cases[i].message);
      else
        g_assert_no_error (error);
    }
}

static void
test_range_years (void)
{
  static const RangeCase cases[] = {
    { LGR_RANGE_YEARS, 1, TRUE, NULL },
    { LGR_RANGE_YEARS, 60, TRUE, NULL },
    { LGR_RANGE_YEARS, 0, FALSE, "x 0 is not between 1 and 60" },
    { LGR_RANGE_YEARS, 61, FALSE, "x 61 is not between 1 and 60" },
    { LGR_RANGE_YEARS, 2.5, FALSE, "x 2.5 is not a whole number" },
    { LGR_RANGE_FIRST_YEAR, 1900, TRUE, NULL },
    { LGR_RANGE_FIRST_YEAR, 2200, TRUE, NULL },
    { LGR_RANGE_FIRST_YEAR, 1899, FALSE, "x 1899 is not between 1900 and 2200" },
    { LGR_RANGE_FIRST_YEAR, 2201, FALSE, "x 2201 is not between 1900 and 2200" },
    { LGR_RANGE_YEAR, 1800, TRUE, NULL },
    { LGR_RANGE_YEAR, 2300, TRUE, NULL },
    { LGR_RANGE_YEAR, 2301, FALSE, "x 2301 is not between 1800 and 2300" },
    { LGR_RANGE_YEAR, 2028.5, FALSE, "x 2028.5 is not a whole number" },
  };
  check_ranges (cases, G_N_ELEMENTS (cases));
}

static void
test_range_values (void)
{
  static const RangeCase cases[] = {
    { LGR_RANGE_NON_NEGATIVE, 0, TRUE, NULL },
    { LGR_RANGE_NON_NEGATIVE, 1e12, TRUE, NULL },
    { LGR_RANGE_NON_NEGATIVE, 1.0000000000000002e12, FALSE,
      "x 1000000000000.0002 is more than 1000000000000 (a trillion), the largest amount a study "
      "may hold" },
    { LGR_RANGE_NON_NEGATIVE, 1e300, FALSE,
      "x 1e+300 is more than 1000000000000 (a trillion), the largest amount a study may hold" },
    { LGR_RANGE_NON_NEGATIVE, -0.0, TRUE, NULL },
    { LGR_RANGE_NON_NEGATIVE, -1, FALSE, "x -1 cannot be negative" },
    { LGR_RANGE_NON_NEGATIVE, -1e-300, FALSE, "x -1e-300 cannot be negative" },
    { LGR_RANGE_RATE, 0, TRUE, NULL },
    { LGR_RANGE_RATE, 10000, TRUE, NULL },
    { LGR_RANGE_RATE, 12000, FALSE, "x 12000 is not between 0 and 10000" },
    { LGR_RANGE_RATE, -0.5, FALSE, "x -0.5 is not between 0 and 10000" },
    { LGR_RANGE_PROFILE, 100, TRUE, NULL },
    { LGR_RANGE_PROFILE, 100.000001, FALSE, "x 100.000001 is not between 0 and 100" },
    { LGR_RANGE_GROWTH, -100, TRUE, NULL },
    { LGR_RANGE_GROWTH, 1000, TRUE, NULL },
    { LGR_RANGE_GROWTH, -100.5, FALSE, "x -100.5 is not between -100 and 1000" },
    { LGR_RANGE_WEEKS, 52, TRUE, NULL },
    { LGR_RANGE_WEEKS, 53, TRUE, NULL },
    { LGR_RANGE_WEEKS, 1e-300, TRUE, NULL },
    { LGR_RANGE_WEEKS, 0, FALSE, "x 0 is not more than 0 and at most 53" },
    { LGR_RANGE_WEEKS, 53.0001, FALSE, "x 53.0001 is not more than 0 and at most 53" },
    { LGR_RANGE_SETTING_PERCENT, 0, TRUE, NULL },
    { LGR_RANGE_SETTING_PERCENT, 1000, TRUE, NULL },
    { LGR_RANGE_SETTING_PERCENT, 1000.5, FALSE, "x 1000.5 is not between 0 and 1000" },
    { LGR_RANGE_SETTING_PERCENT, -1, FALSE, "x -1 is not between 0 and 1000" },
    { LGR_RANGE_DISCOUNT, -50, TRUE, NULL },
    { LGR_RANGE_DISCOUNT, 100, TRUE, NULL },
    { LGR_RANGE_DISCOUNT, -50.5, FALSE, "x -50.5 is not between -50 and 100" },
    { LGR_RANGE_DISCOUNT, 100.5, FALSE, "x 100.5 is not between -50 and 100" },
  };
  check_ranges (cases, G_N_ELEMENTS (cases));
}

static void
test_range_not_finite (void)
{
  static const LgrRange ranges[]
      = { LGR_RANGE_YEARS,        LGR_RANGE_FIRST_YEAR, LGR_RANGE_YEAR,
          LGR_RANGE_NON_NEGATIVE, LGR_RANGE_RATE,       LGR_RANGE_PROFILE,
          LGR_RANGE_GROWTH,       LGR_RANGE_WEEKS,      LGR_RANGE_SETTING_PERCENT };
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autoptr (GError) error = NULL;
      g_assert_false (lgr_check_range (ranges[i], NAN, "growth", &error));
      assert_message (error, "growth is not a finite number");
      g_clear_error (&error);
      g_assert_false (lgr_check_range (ranges[i], INFINITY, "growth", &error));
      assert_message (error, "growth is not a finite number");
      g_assert_false (lgr_range_contains (ranges[i], -INFINITY));
    }
}

/* Ids, colours, text, spreads */

static void
test_id (void)
{
  const char *good[] = { "a", "A-b_9", "north-lac", "0", "-", "_" };
  const char *bad[] = { "a b", "é", "a.b", "a/b", "a:b", "<a>", "a\n" };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (lgr_check_id (good[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (lgr_check_id (bad[i], &error));
      assert_message_has (error, "is not a valid id (use only letters A-Z and a-z, digits");
      g_clear_error (&error);
    }
  g_assert_false (lgr_check_id ("", &error));
  assert_message (error, "the id is empty");
  g_clear_error (&error);
  g_assert_false (lgr_check_id (NULL, &error));
  assert_message (error, "the id is empty");
}

static void
test_colour (void)
{
  const char *bad[] = { "blue", "#12345", "#1234567", "1c71d8#", "#1c71dg", "", "# 1c71d" };
  g_autoptr (GError) error = NULL;

  g_assert_true (lgr_check_colour ("#1c71d8", NULL));
  g_assert_true (lgr_check_colour ("#ABCDEF", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (lgr_check_colour (bad[i], &error));
      assert_message_has (error, "is not a colour (write it as #rrggbb");
      g_clear_error (&error);
    }
  g_assert_false (lgr_check_colour (NULL, &error));
  assert_message_has (error, "is not a colour");
}

static void
test_text (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (lgr_check_text (NULL, "the source", FALSE, NULL));
  g_assert_true (lgr_check_text ("", "the source", FALSE, NULL));
  g_assert_true (lgr_check_text ("Two lines\nand a\ttab, £ ŵ ŷ", "the name", TRUE, NULL));
  g_assert_true (lgr_text_is_valid ("Two lines\nand a\ttab, £ ŵ ŷ", TRUE));
  g_assert_false (lgr_check_text (" \n\t", "the name", TRUE, &error));
  assert_message (error, "the name is empty");
  g_assert_false (lgr_text_is_valid (" \n\t", TRUE));
  g_clear_error (&error);
  g_assert_false (lgr_check_text (NULL, "the name", TRUE, &error));
  assert_message (error, "the name is empty");
  g_clear_error (&error);
  g_assert_false (lgr_check_text ("bell\a", "the name", TRUE, &error));
  assert_message (error, "the name contains a control character (U+0007), which a study file "
                         "cannot hold");
  g_assert_false (lgr_text_is_valid ("bell\a", FALSE));
  g_clear_error (&error);
  g_assert_false (lgr_check_text ("\xff", "the name", TRUE, &error));
  assert_message (error, "the name is not valid UTF-8 text");
  g_assert_false (lgr_text_is_valid ("\xef\xbf\xbe", FALSE));
}

static void
test_spread (void)
{
  static const double good1[] = { 25, 25, 50 };
  static const double good2[] = { 33.33, 33.33, 33.34 };
  static const double good3[] = { 100 };
  static const double bad1[] = { 30, 50, 10 };
  static const double bad2[] = { 50, 50.02 };
  LgrProfile p = { 0 };
  g_autoptr (GError) error = NULL;

  lgr_profile_set (&p, good1, 3);
  g_assert_true (lgr_check_spread (&p, NULL));
  lgr_profile_set (&p, good2, 3);
  g_assert_true (lgr_check_spread (&p, NULL));
  lgr_profile_set (&p, good3, 1);
  g_assert_true (lgr_check_spread (&p, NULL));
  lgr_profile_set (&p, bad1, 3);
  g_assert_false (lgr_check_spread (&p, &error));
  assert_message (error, "the spread sums to 90, not 100");
  g_clear_error (&error);
  lgr_profile_set (&p, bad2, 2);
  g_assert_false (lgr_check_spread (&p, &error));
  assert_message (error, "the spread sums to 100.02, not 100");
  lgr_profile_clear (&p);
}

/* Whole studies, levers and items in memory */

static LgrStudy *
load_fixture (void)
{
  g_autofree char *path = lgr_test_source_path ("tests", "files", "valid-full.lgr", NULL);
  g_autoptr (GError) error = NULL;
  LgrStudy *study = lgr_study_load_path (path, &error);
  g_assert_no_error (error);
  return study;
}

static LgrScenario *
scenario_of (LgrStudy *study, guint i)
{
  return g_ptr_array_index (study->scenarios, i);
}

static void
assert_study_refused (LgrStudy *study, const char *filename, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_assert_false (lgr_study_validate (study, filename, &error));
  assert_message (error, expected);
}

static void
test_validate_study (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (99);
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr (LgrStudy) study = lgr_test_random_study (rand, 2, 4, 6, 1 + i * 3);
      g_autoptr (GError) error = NULL;
      g_assert_true (lgr_study_validate (study, NULL, &error));
      g_assert_no_error (error);
    }

  {
    g_autoptr (LgrStudy) study = load_fixture ();
    LgrLever *lever = g_ptr_array_index (scenario_of (study, 0)->levers, 0);
    g_assert_true (lgr_study_validate (study, "x.lgr", NULL));

    /* an editor: no file, no line */
    lever->cohort_target = 12000;
    assert_study_refused (study, NULL,
                          "lever “north-lac”: target rate 12000 is not between 0 and 10000");
    /* after loading: the file and the object's line */
    assert_study_refused (study, "x.lgr",
                          "x.lgr:16: lever “north-lac”: target rate 12000 is not between 0 and "
                          "10000");
    lever->basis = LGR_COHORT_BASIS_COUNT;
    lever->cohort_target = 12000; /* 12,000 people is not a rate */
    g_assert_true (lgr_study_validate (study, NULL, NULL));

    g_free (lever->authority_id);
    lever->authority_id = g_strdup ("east");
    assert_study_refused (study, NULL,
                          "lever “north-lac”: there is no authority “east” in scenario “two”");
    g_free (lever->authority_id);
    lever->authority_id = g_strdup ("north");

    lever->growth_unit_cost = -101;
    assert_study_refused (study, NULL,
                          "lever “north-lac”: unit cost growth -101 is not between -100 and 1000");
    lever->growth_unit_cost = 0;
    lever->realisation.values[1] = 101;
    assert_study_refused (study, NULL,
                          "lever “north-lac”: profile percentage 101 is not between 0 and 100");
    lever->realisation.values[1] = 50;
    g_assert_true (lgr_study_validate (study, NULL, NULL));
  }

  {
    g_autoptr (LgrStudy) study = load_fixture ();
    LgrItem *transition = g_ptr_array_index (scenario_of (study, 0)->items, 0);
    LgrItem *aggregation = g_ptr_array_index (scenario_of (study, 0)->items, 1);
    LgrItem *ict = g_ptr_array_index (scenario_of (study, 0)->items, 2);

    transition->profile.values[2] = 10;
    assert_study_refused (study, "x.lgr",
                          "x.lgr:23: item “transition”: the spread sums to 90, not 100");
    transition->profile.values[2] = 20;
    aggregation->pattern = LGR_ITEM_PATTERN_SPREAD;
    aggregation->total = 1;
    assert_study_refused (study, NULL,
                          "item “aggregation”: a spread is only for one-off costs, and this item "
                          "is a saving (give it <recurring> or <values> instead)");
    aggregation->pattern = LGR_ITEM_PATTERN_RECURRING;
    g_array_index (ict->values, LgrYearValue, 1).year = 2027;
    assert_study_refused (study, NULL, "item “ict”: the value for 2027 is given twice");
    g_array_index (ict->values, LgrYearValue, 1).year = 2026;
    assert_study_refused (study, NULL, "item “ict”: the values are not in order of year");
    g_array_index (ict->values, LgrYearValue, 1).year = 2028;
    g_array_index (ict->values, LgrYearValue, 1).value = -1;
    assert_study_refused (study, NULL, "item “ict”: value for 2028 -1 cannot be negative");
    g_array_index (ict->values, LgrYearValue, 1).value = 1;
    g_assert_true (lgr_study_validate (study, NULL, NULL));
  }

  {
    g_autoptr (LgrStudy) study = load_fixture ();
    LgrScenario *two = scenario_of (study, 0);
    LgrItem *ict = g_ptr_array_index (two->items, 2);

    g_free (ict->id);
    ict->id = g_strdup ("south");
    assert_study_refused (study, "x.lgr",
                          "x.lgr:30: item “south”: the id “south” is used twice in scenario “two” "
                          "(first at line 15)");
    assert_study_refused (study, NULL,
                          "item “south”: the id “south” is used twice in scenario “two”");
    g_free (ict->id);
    ict->id = g_strdup ("i c t");
    assert_study_refused (study, NULL,
                          "item “i c t”: “i c t” is not a valid id (use only letters A-Z and "
                          "a-z, digits, “-” and “_”)");
    g_free (ict->id);
    ict->id = g_strdup ("ict");

    g_free (scenario_of (study, 1)->id);
    scenario_of (study, 1)->id = g_strdup ("two");
    assert_study_refused (study, "x.lgr",
                          "x.lgr:37: the id “two” is used twice in the study (first at line 12)");
    g_free (scenario_of (study, 1)->id);
    scenario_of (study, 1)->id = g_strdup ("one");

    g_free (two->colour);
    two->colour = g_strdup ("red");
    assert_study_refused (study, NULL,
                          "scenario “two”: “red” is not a colour (write it as #rrggbb, for "
                          "example #1c71d8)");
    g_clear_pointer (&two->colour, g_free);

    g_free (two->name);
    two->name = g_strdup ("  ");
    assert_study_refused (study, NULL, "scenario “two”: the name is empty");
    g_free (two->name);
    two->name = g_strdup ("Two");

    g_ptr_array_set_size (scenario_of (study, 1)->authorities, 0);
    assert_study_refused (study, "x.lgr",
                          "x.lgr:37: scenario “one”: there is no authority: a scenario needs at "
                          "least one");
  }

  {
    g_autoptr (LgrStudy) study = load_fixture ();
    study->years = 61;
    /* study-wide values have no line of their own */
    assert_study_refused (study, "x.lgr", "x.lgr: number of years 61 is not between 1 and 60");
    study->years = 10;
    study->weeks_per_year = 0;
    assert_study_refused (study, NULL, "weeks per year 0 is not more than 0 and at most 53");
    study->weeks_per_year = 52;
    study->cost_contingency = 1001;
    assert_study_refused (study, NULL, "cost contingency 1001 is not between 0 and 1000");
    study->cost_contingency = 0;
    g_free (study->title);
    study->title = g_strdup ("");
    assert_study_refused (study, NULL, "the title is empty");
    g_free (study->title);
    study->title = g_strdup ("T");
    g_ptr_array_set_size (study->scenarios, 0);
    assert_study_refused (study, NULL, "the study has no scenario: it needs at least one");
  }
}

static void
test_validate_lever_item (void)
{
  g_autoptr (LgrStudy) study = load_fixture ();
  LgrScenario *two = scenario_of (study, 0);
  g_autoptr (LgrLever) lever = lgr_lever_copy (g_ptr_array_index (two->levers, 0));
  g_autoptr (LgrItem) item = lgr_item_copy (g_ptr_array_index (two->items, 0));
  g_autoptr (GError) error = NULL;

  /* a copy with the same id is fine: these do not check uniqueness */
  g_assert_true (lgr_lever_validate (lever, two, &error));
  g_assert_no_error (error);
  g_assert_true (lgr_item_validate (item, &error));

  lever->unit_cost_target = -5;
  g_assert_false (lgr_lever_validate (lever, two, &error));
  assert_message (error, "lever “north-lac”: target unit cost -5 cannot be negative");
  g_clear_error (&error);
  lever->unit_cost_target = 5;
  /* an authority of another scenario does not count */
  g_free (lever->authority_id);
  lever->authority_id = g_strdup ("south");
  g_assert_false (lgr_lever_validate (lever, scenario_of (study, 1), &error));
  assert_message (error, "lever “north-lac”: there is no authority “south” in scenario “one”");
  g_clear_error (&error);
  lever->has_realisation_start = TRUE;
  lever->realisation_start = 1700;
  g_assert_false (lgr_lever_validate (lever, two, &error));
  assert_message (error,
                  "lever “north-lac”: realisation start year 1700 is not between 1800 and 2300");
  g_clear_error (&error);
  lever->has_realisation_start = FALSE; /* the start is ignored when not set */
  g_assert_true (lgr_lever_validate (lever, two, NULL));

  item->total = -1;
  g_assert_false (lgr_item_validate (item, &error));
  assert_message (error, "item “transition”: total -1 cannot be negative");
  g_clear_error (&error);
  item->total = 1;
  lgr_profile_clear (&item->profile);
  g_assert_false (lgr_item_validate (item, &error));
  assert_message (error, "item “transition”: the profile is empty: it needs at least one "
                         "percentage");
}

/* Every enumeration has one name per value, the table ends at its LGR_N_* sentinel, and names
 * read back to their value. */
#define CHECK_ENUM(Type, prefix, n)                                                                \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);                      \
    Type back;                                                                                     \
    for (guint i = 0; i < (n); i++)                                                                \
      {                                                                                            \
        const char *name = prefix##_to_string ((Type)i);                                           \
        g_assert_nonnull (name);                                                                   \
        g_assert_cmpstr (name, ==, prefix##_names[i]);                                             \
        g_assert_true (g_hash_table_add (seen, (gpointer)name));                                   \
        g_assert_true (prefix##_from_string (name, &back));                                        \
        g_assert_cmpint (back, ==, i);                                                             \
      }                                                                                            \
    g_assert_null (prefix##_names[n]);                                                             \
    g_assert_false (prefix##_from_string ("nonsense", &back));                                     \
    g_assert_false (prefix##_from_string (NULL, &back));                                           \
  }                                                                                                \
  G_STMT_END

static void
test_enum_tables (void)
{
  CHECK_ENUM (LgrCohortBasis, lgr_cohort_basis, LGR_N_COHORT_BASES);
  CHECK_ENUM (LgrUnitPeriod, lgr_unit_period, LGR_N_UNIT_PERIODS);
  CHECK_ENUM (LgrBenefit, lgr_benefit, LGR_N_BENEFITS);
  CHECK_ENUM (LgrItemKind, lgr_item_kind, LGR_N_ITEM_KINDS);
  CHECK_ENUM (LgrItemPattern, lgr_item_pattern, LGR_N_ITEM_PATTERNS);

  g_assert_cmpstr (lgr_cohort_basis_to_string (LGR_COHORT_BASIS_CHILD_POPULATION), ==,
                   "child-population");
  g_assert_cmpstr (lgr_item_kind_to_string (LGR_ITEM_KIND_ONE_OFF_COST), ==, "one-off-cost");
  g_assert_cmpstr (lgr_item_pattern_to_string (LGR_ITEM_PATTERN_VALUES), ==, "values");

  /* A value at or past the sentinel has no name. */
  if (g_test_subprocess ())
    {
      lgr_cohort_basis_to_string (LGR_N_COHORT_BASES);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*");
}

/* The validators refuse a value at the sentinel: it is not "the last value plus one" by luck. */
static void
test_validators_use_sentinels (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  const LgrScenario *two = lgr_study_find_scenario (study, "two");
  const LgrLever *lac = lgr_scenario_find_lever (two, "north-lac");
  const LgrItem *item = g_ptr_array_index (two->items, 0);
  struct
  {
    int offset;
    int last;
    int sentinel;
  } lever_fields[] = {
    { G_STRUCT_OFFSET (LgrLever, basis), LGR_N_COHORT_BASES - 1, LGR_N_COHORT_BASES },
    { G_STRUCT_OFFSET (LgrLever, unit_period), LGR_N_UNIT_PERIODS - 1, LGR_N_UNIT_PERIODS },
    { G_STRUCT_OFFSET (LgrLever, benefit), LGR_N_BENEFITS - 1, LGR_N_BENEFITS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lever_fields); i++)
    {
      g_autoptr (LgrLever) lever = lgr_lever_copy (lac);
      g_autoptr (GError) error = NULL;
      G_STRUCT_MEMBER (int, lever, lever_fields[i].offset) = lever_fields[i].last;
      lever->cohort_baseline = 10; /* in range whatever the basis */
      lgr_test_set_cohort_target (lever, 10);
      g_assert_true (lgr_lever_validate (lever, two, NULL));
      G_STRUCT_MEMBER (int, lever, lever_fields[i].offset) = lever_fields[i].sentinel;
      g_assert_false (lgr_lever_validate (lever, two, &error));
      g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
    }
  {
    g_autoptr (LgrItem) copy = lgr_item_copy (item);
    copy->kind = LGR_N_ITEM_KINDS;
    g_assert_false (lgr_item_validate (copy, NULL));
    copy->kind = item->kind;
    copy->pattern = LGR_N_ITEM_PATTERNS;
    g_assert_false (lgr_item_validate (copy, NULL));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/rules/parse-number", test_parse_number);
  g_test_add_func ("/core/rules/parse-int", test_parse_int);
  g_test_add_func ("/core/rules/parse-profile", test_parse_profile);
  g_test_add_func ("/core/rules/number-to-string", test_number_to_string);
  g_test_add_func ("/core/rules/locale", test_locale);
  g_test_add_func ("/core/rules/range/years", test_range_years);
  g_test_add_func ("/core/rules/range/values", test_range_values);
  g_test_add_func ("/core/rules/range/not-finite", test_range_not_finite);
  g_test_add_func ("/core/rules/id", test_id);
  g_test_add_func ("/core/rules/colour", test_colour);
  g_test_add_func ("/core/rules/text", test_text);
  g_test_add_func ("/core/rules/spread", test_spread);
  g_test_add_func ("/core/rules/validate-study", test_validate_study);
  g_test_add_func ("/core/rules/validate-lever-item", test_validate_lever_item);
  g_test_add_func ("/core/rules/enum-tables", test_enum_tables);
  g_test_add_func ("/core/rules/validators-use-sentinels", test_validators_use_sentinels);
  return g_test_run ();
}
