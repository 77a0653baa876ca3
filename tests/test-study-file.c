/* test-study-file.c: the strict loader of docs/format.md, one test per rule.
 *
 * Most tests take tests/files/valid-full.lgr, change one thing and check the code of the error,
 * the exact "test.lgr:LINE: " in front of the message and the gist of the wording. */
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "lgr-rules.h"
#include "lgr-study-io.h"
#include "lgr-test-util.h"

static LgrStudy *
load_ok (const char *xml)
{
  return lgr_test_load_string (xml);
}

/* Valid files */

static void
test_valid_full (void)
{
  g_autofree char *xml = lgr_test_read_fixture ("valid-full.lgr");
  g_autoptr (LgrStudy) study = load_ok (xml);
  LgrScenario *two, *one;
  LgrLever *lever;
  LgrItem *item;

  g_assert_cmpstr (study->title, ==, "Test study & its “quotes”");
  g_assert_cmpstr (study->description, ==, "About it.");
  g_assert_cmpint (study->first_year, ==, 2025);
  g_assert_cmpint (study->years, ==, 10);
  g_assert_cmpint (study->vesting_year, ==, 2028);
  g_assert_cmpstr (study->benchmarks_source, ==, "LAIT & ASCFR 2023/24");
  g_assert_cmpuint (study->benchmark_bands->len, ==, 1);
  g_assert_cmpint (((LgrBenchmarkBand *)study->benchmark_bands->pdata[0])->line, ==, 8);
  g_assert_cmpuint (study->scenarios->len, ==, 2);

  two = g_ptr_array_index (study->scenarios, 0);
  g_assert_cmpstr (two->id, ==, "two");
  g_assert_cmpstr (two->colour, ==, "#1c71d8");
  g_assert_cmpint (two->line, ==, 12);
  g_assert_cmpint (((LgrAuthority *)two->authorities->pdata[1])->line, ==, 15);
  lever = g_ptr_array_index (two->levers, 0);
  g_assert_cmpint (lever->line, ==, 16);
  g_assert_cmpstr (lever->service, ==, "Children's social care");
  g_assert_cmpint (lever->basis, ==, LGR_COHORT_BASIS_CHILD_POPULATION);
  g_assert_cmpfloat (lever->cohort_baseline, ==, 72.8);
  g_assert_cmpint (lever->unit_period, ==, LGR_UNIT_PERIOD_WEEK);
  g_assert_true (lever->has_realisation_start);
  g_assert_cmpint (lever->realisation_start, ==, 2028);
  g_assert_cmpuint (lever->realisation.n, ==, 4);
  g_assert_cmpstr (lever->source, ==, "Seed 000.");

  g_assert_cmpuint (two->items->len, ==, 3);
  item = g_ptr_array_index (two->items, 0);
  g_assert_cmpint (item->line, ==, 23);
  g_assert_cmpint (item->pattern, ==, LGR_ITEM_PATTERN_SPREAD);
  g_assert_cmpfloat (item->total, ==, 37300000);
  g_assert_null (item->authority_id); /* shared by the scenario */
  item = g_ptr_array_index (two->items, 2);
  g_assert_cmpstr (item->authority_id, ==, "south");
  g_assert_cmpint (item->pattern, ==, LGR_ITEM_PATTERN_VALUES);
  g_assert_cmpuint (item->values->len, ==, 2);
  g_assert_cmpint (g_array_index (item->values, LgrYearValue, 1).year, ==, 2028);
  g_assert_cmpfloat (g_array_index (item->values, LgrYearValue, 1).value, ==, 800000);

  /* the same id in another scenario is fine */
  one = g_ptr_array_index (study->scenarios, 1);
  g_assert_cmpstr (((LgrAuthority *)one->authorities->pdata[0])->id, ==, "north");
  g_assert_null (one->colour);

  /* an authority's note and what it was written for; none where the file gives none */
  g_assert_cmpstr (((LgrAuthority *)one->authorities->pdata[0])->source, ==,
                   "Office for National Statistics, Mid-year population estimates.");
  g_assert_true (((LgrAuthority *)one->authorities->pdata[0])->has_source_population);
  g_assert_cmpfloat (((LgrAuthority *)one->authorities->pdata[0])->source_population, ==, 600000);
  g_assert_false (((LgrAuthority *)one->authorities->pdata[0])->has_source_child_population);
  g_assert_null (((LgrAuthority *)two->authorities->pdata[0])->source);
}

static void
test_defaults (void)
{
  g_autofree char *xml = lgr_test_read_fixture ("valid-minimal.lgr");
  g_autoptr (LgrStudy) study = load_ok (xml);
  LgrScenario *s = g_ptr_array_index (study->scenarios, 0);
  LgrLever *lever = g_ptr_array_index (s->levers, 0);
  LgrItem *recurring = g_ptr_array_index (s->items, 0);
  LgrItem *spread = g_ptr_array_index (s->items, 1);

  g_assert_null (study->description);
  g_assert_cmpfloat (study->discount_rate, ==, 3.5);
  g_assert_cmpfloat (study->weeks_per_year, ==, 52);
  g_assert_cmpfloat (study->benefit_realisation, ==, 100);
  g_assert_cmpfloat (study->cost_contingency, ==, 0);
  g_assert_false (study->count_avoidance);
  g_assert_null (study->benchmarks_source);
  g_assert_cmpuint (study->benchmark_bands->len, ==, 0);
  g_assert_null (s->colour);
  g_assert_null (s->description);

  g_assert_true (lever->enabled);
  g_assert_cmpint (lever->benefit, ==, LGR_BENEFIT_CASHABLE);
  g_assert_null (lever->service);
  g_assert_null (lever->source);
  g_assert_cmpfloat (lever->growth_cohort, ==, 0);
  g_assert_cmpfloat (lever->growth_unit_cost, ==, 0);
  g_assert_false (lever->has_realisation_start);
  g_assert_cmpint (lgr_lever_start_year (lever, study), ==, 2026);
  g_assert_cmpuint (lever->realisation.n, ==, 1);
  g_assert_cmpfloat (lever->realisation.values[0], ==, 100);

  g_assert_true (recurring->enabled);
  g_assert_cmpint (recurring->pattern, ==, LGR_ITEM_PATTERN_RECURRING);
  g_assert_false (recurring->has_start);
  g_assert_cmpint (lgr_item_start_year (recurring, study), ==, 2026);
  g_assert_cmpfloat (recurring->growth, ==, 0);
  g_assert_cmpuint (recurring->profile.n, ==, 1);
  g_assert_cmpfloat (recurring->profile.values[0], ==, 100);
  g_assert_false (spread->has_start);
}

static void
test_text (void)
{
  /* predefined entities and character references, in text and in attributes; paragraphs kept,
   * white space around text removed */
  g_autofree char *xml = lgr_test_full_with (
      "<description>About it.</description>",
      "<description>\n   First &amp; &lt;second&gt; &#163;5m &#x175;&#x177; “q” 'a'\n\n"
      "Second paragraph.\r\n  Indented line.\n  </description>");
  g_autofree char *xml2 = NULL;
  g_autoptr (LgrStudy) study = load_ok (xml);
  g_autoptr (LgrStudy) study2 = NULL;

  g_assert_cmpstr (study->description, ==,
                   "First & <second> £5m ŵŷ “q” 'a'\n\nSecond paragraph.\n  Indented line.");
  g_free (xml);
  xml = lgr_test_full_with ("name=\"Two unitaries\"",
                            "name=\"A &amp; B &#38; &lt;C&gt; &quot;D&quot; &apos;E&apos; £\"");
  study2 = load_ok (xml);
  g_assert_cmpstr (((LgrScenario *)study2->scenarios->pdata[0])->name, ==,
                   "A & B & <C> \"D\" 'E' £");
  xml2 = lgr_test_full_with ("<title>Test study &amp; its “quotes”</title>",
                             "<title><![CDATA[A <b> & c]]> d</title>");
  g_clear_pointer (&study2, lgr_study_free);
  study2 = load_ok (xml2);
  g_assert_cmpstr (study2->title, ==, "A <b> & c d");
}

static void
test_comments_ignored (void)
{
  g_autofree char *xml = lgr_test_full_with ("    <authority id=\"south\"",
                                             "    <!-- a comment -->\n    <authority id=\"south\"");
  g_autoptr (LgrStudy) study = load_ok (xml);
  g_assert_cmpuint (((LgrScenario *)study->scenarios->pdata[0])->authorities->len, ==, 2);
}

/* Unknown things */

static void
test_unknown_element (void)
{
  lgr_test_assert_change_refused ("<growth cohort=\"0\" unit-cost=\"0\"/>",
                                  "<growth cohort=\"0\" unit-cost=\"0\"/><colour/>", 19,
                                  "lever “north-lac”: unknown element <colour> inside <lever>");
  lgr_test_assert_change_refused ("  <benchmarks source", "  <extra/>\n  <benchmarks source", 7,
                                  "unknown element <extra> inside <lgr-study>");
  /* a known element in the wrong place */
  lgr_test_assert_change_refused ("<source>County cabinet.</source>",
                                  "<cohort basis=\"count\" baseline=\"1\" target=\"1\"/>", 25,
                                  "item “transition”: <cohort> does not belong inside <item>");
  /* namespaced elements (XInclude, for one) are not part of the format */
  lgr_test_assert_change_refused ("<source>Seed 000.</source>",
                                  "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
                                  "href=\"/etc/passwd\"/>",
                                  21, "unknown element <xi:include>");
  /* elements inside text */
  lgr_test_assert_change_refused ("<source>Seed 000.</source>", "<source>Seed <b>000</b>.</source>",
                                  21, "<source> holds text only");
  /* text where only elements go */
  lgr_test_assert_change_refused (
      "    <description>Two councils.</description>",
      "    Loose words\n    <description>Two councils.</description>", 13,
      "scenario “two”: text “Loose words” is not allowed directly inside "
      "<scenario>");
}

static void
test_unknown_attribute (void)
{
  lgr_test_assert_change_refused ("<cohort basis=\"child-population\"",
                                  "<cohort colour=\"red\" basis=\"child-population\"", 17,
                                  "lever “north-lac”: unknown attribute “colour” on <cohort>");
  lgr_test_assert_change_refused ("<lgr-study version=\"1\">",
                                  "<lgr-study version=\"1\" lang=\"en\">", 2,
                                  "unknown attribute “lang” on <lgr-study>");
  lgr_test_assert_change_refused ("<title>", "<title xml:lang=\"en\">", 3,
                                  "unknown attribute “xml:lang” on <title>");
  /* the line of the attribute in a start tag over several lines */
  lgr_test_assert_change_refused (
      "<timeline first-year=\"2025\" years=\"10\"",
      "<timeline first-year=\"2025\"\n     years=\"10\"\n    colour=\"red\"", 7,
      "unknown attribute “colour” on <timeline>");
}

static void
test_unknown_root (void)
{
  const char *xml = "<?xml version=\"1.0\"?>\n<html><body/></html>\n";
  lgr_test_assert_refused (xml, strlen (xml), LGR_STUDY_ERROR_INVALID, 2,
                           "not an LGR Explorer study: it starts with <html>");
}

/* Order and required parts */

static void
test_element_order (void)
{
  lgr_test_assert_change_refused (
      "      <cohort basis=\"child-population\" baseline=\"72.8\" target=\"55\"/>\n"
      "      <unit-cost per=\"week\" baseline=\"1750\" target=\"1570\"/>",
      "      <unit-cost per=\"week\" baseline=\"1750\" target=\"1570\"/>\n"
      "      <cohort basis=\"child-population\" baseline=\"72.8\" target=\"55\"/>",
      18, "lever “north-lac”: <cohort> must come before <unit-cost>");
  lgr_test_assert_change_refused (
      "  <description>About it.</description>\n",
      "  <title>Again</title>\n  <description>About it.</description>\n", 4,
      "<title> is given twice inside <lgr-study>");
  lgr_test_assert_change_refused (
      "  <description>About it.</description>\n",
      "  <description>About it.</description>\n  <title>Again</title>\n", 5,
      "<title> must come before <description>");
  lgr_test_assert_change_refused ("  <settings", "  <title>Late</title>\n  <settings", 6,
                                  "<title> must come before <timeline>");
  /* authorities first, then levers and items in any order */
  lgr_test_assert_change_refused ("    <item id=\"ict\"",
                                  "    <authority id=\"east\" name=\"E\" population=\"1\" "
                                  "child-population=\"1\"/>\n    <item id=\"ict\"",
                                  30, "scenario “two”: <authority> must come before <item>");
  lgr_test_assert_change_refused ("<realisation start=\"2028\" profile=\"25 50 75 100\"/>",
                                  "<realisation start=\"2028\" profile=\"25 50 75 100\"/><growth/>",
                                  20, "<growth> must come before <realisation>");
}

static void
test_levers_and_items_any_order (void)
{
  g_autofree char *xml = lgr_test_full_with (
      "    <item id=\"ict\"", "    <lever id=\"late\" name=\"Late\" authority=\"south\">"
                              "<cohort basis=\"count\" baseline=\"1\" target=\"1\"/>"
                              "<unit-cost per=\"year\" baseline=\"1\" target=\"1\"/>"
                              "</lever>\n    <item id=\"ict\"");
  g_autoptr (LgrStudy) study = load_ok (xml);
  g_assert_cmpuint (((LgrScenario *)study->scenarios->pdata[0])->levers->len, ==, 2);
}

static void
test_missing_parts (void)
{
  lgr_test_assert_change_refused ("  <title>Test study &amp; its “quotes”</title>\n", "", 2,
                                  "the study has no <title>");
  lgr_test_assert_change_refused (
      "  <timeline first-year=\"2025\" years=\"10\" vesting-year=\"2028\" "
      "discount-rate=\"3.5\" weeks-per-year=\"52\"/>\n",
      "", 2, "the study has no <timeline>");
  lgr_test_assert_change_refused (
      "    <authority id=\"north\" name=\"County\" population=\"607604\" "
      "child-population=\"125781\"><source checked-population=\"600000\">Office for National "
      "Statistics, Mid-year population estimates.</source></authority>\n",
      "", 37, "scenario “one” has no <authority>");
  /* an authority's note: what it was written for must be a number, and needs the note */
  lgr_test_assert_change_refused ("checked-population=\"600000\"", "checked-population=\"-1\"", 38,
                                  "the population the source was written for");
  lgr_test_assert_change_refused (
      "<source checked-population=\"600000\">Office for National Statistics, Mid-year "
      "population estimates.</source>",
      "<source checked-population=\"600000\"></source>", 38, "needs the note's text");
  lgr_test_assert_change_refused (
      "population estimates.</source></authority>",
      "population estimates.</source><source>Again</source></authority>", 38, "<source>");
  lgr_test_assert_change_refused (
      "      <cohort basis=\"child-population\" baseline=\"72.8\" target=\"55\"/>\n", "", 16,
      "lever “north-lac” has no <cohort>");
  lgr_test_assert_change_refused (
      "      <unit-cost per=\"week\" baseline=\"1750\" target=\"1570\"/>\n", "", 16,
      "lever “north-lac” has no <unit-cost>");
  lgr_test_assert_change_refused (
      "      <recurring amount=\"6200000\" start=\"2028\" profile=\"50 75 100\" growth=\"0\"/>\n",
      "", 27, "item “aggregation”: the item needs one of <spread>, <recurring> or <values>");
  lgr_test_assert_change_refused (" target=\"1570\"/>", "/>", 18,
                                  "lever “north-lac”: <unit-cost> needs a “target” attribute");
  lgr_test_assert_change_refused (" authority=\"north\" service", " service", 16,
                                  "lever “north-lac”: <lever> needs a “authority” attribute");
  lgr_test_assert_change_refused ("<timeline first-year=\"2025\" ", "<timeline ", 5,
                                  "<timeline> needs a “first-year” attribute");
  lgr_test_assert_change_refused ("<title>Test study &amp; its “quotes”</title>",
                                  "<title>  \n </title>", 3, "the title is empty");
  lgr_test_assert_change_refused ("<authority id=\"south\" name=\"South\"",
                                  "<authority id=\"south\" name=\" \"", 15,
                                  "authority “south”: the name is empty");

  {
    const char *xml = "<?xml version=\"1.0\"?>\n<lgr-study version=\"1\">\n  <title>T</title>\n"
                      "  <timeline first-year=\"2025\" years=\"10\" vesting-year=\"2028\"/>\n"
                      "</lgr-study>\n";
    lgr_test_assert_refused (xml, strlen (xml), LGR_STUDY_ERROR_INVALID, 2,
                             "the study has no <scenario>");
  }
}

static void
test_one_pattern_per_item (void)
{
  lgr_test_assert_change_refused (
      "<spread total=\"37300000\" start=\"2026\" profile=\"30 50 20\"/>",
      "<spread total=\"37300000\" start=\"2026\" profile=\"30 50 20\"/>"
      "<values/>",
      24, "exactly one of <spread>, <recurring> and <values>");
}

/* Numbers */

static void
test_number_junk (void)
{
  lgr_test_assert_change_refused ("baseline=\"72.8\"", "baseline=\"72.8x\"", 17,
                                  "lever “north-lac”: baseline rate “72.8x” is not a number");
  lgr_test_assert_change_refused ("total=\"37300000\"", "total=\"37300000 \"", 24,
                                  "item “transition”: total “37300000 ” is not a number");
  lgr_test_assert_change_refused ("baseline=\"1750\"", "baseline=\"0x6d6\"", 18, "is not a number");
  lgr_test_assert_change_refused ("baseline=\"1750\"", "baseline=\"+1750\"", 18, "is not a number");
  lgr_test_assert_change_refused ("baseline=\"1750\"", "baseline=\"\"", 18,
                                  "baseline unit cost is empty");
  lgr_test_assert_change_refused ("<value year=\"2027\">1200000</value>",
                                  "<value year=\"2027\">1200000 pounds</value>", 32,
                                  "item “ict”: value for 2027 “1200000 pounds” is not a number");
}

static void
test_number_comma (void)
{
  lgr_test_assert_change_refused ("baseline=\"72.8\"", "baseline=\"72,8\"", 17,
                                  "baseline rate “72,8” is not a number (use a dot for decimals");
}

static void
test_number_nan_inf (void)
{
  lgr_test_assert_change_refused ("target=\"55\"", "target=\"nan\"", 17,
                                  "target rate “nan” is not a number (only finite numbers");
  lgr_test_assert_change_refused ("target=\"55\"", "target=\"-Infinity\"", 17, "is not a number");
  lgr_test_assert_change_refused ("target=\"55\"", "target=\"inf\"", 17, "is not a number");
  lgr_test_assert_change_refused ("total=\"37300000\"", "total=\"1e999\"", 24,
                                  "total “1e999” is too large");
}

static void
test_number_values_whitespace (void)
{
  /* white space around the number of a <value> is allowed (documented) */
  g_autofree char *xml
      = lgr_test_full_with ("<value year=\"2027\">1200000</value>",
                            "<value year=\"2027\">\n          1200000\n        </value>");
  g_autoptr (LgrStudy) study = load_ok (xml);
  LgrItem *item = g_ptr_array_index (((LgrScenario *)study->scenarios->pdata[0])->items, 2);
  g_assert_cmpfloat (g_array_index (item->values, LgrYearValue, 0).value, ==, 1200000);
}

/* Ranges, one test per range of docs/format.md */

static void
test_range_years (void)
{
  lgr_test_assert_change_refused ("years=\"10\"", "years=\"0\"", 5,
                                  "number of years 0 is not between 1 and 60");
  lgr_test_assert_change_refused ("years=\"10\"", "years=\"61\"", 5,
                                  "number of years 61 is not between 1 and 60");
  lgr_test_assert_change_refused ("years=\"10\"", "years=\"10.5\"", 5,
                                  "number of years “10.5” is not a whole number");
  lgr_test_assert_change_refused ("vesting-year=\"2028\"", "vesting-year=\"1799\"", 5,
                                  "vesting year 1799 is not between 1800 and 2300");
  lgr_test_assert_change_refused ("start=\"2028\" profile=\"25", "start=\"2301\" profile=\"25", 20,
                                  "lever “north-lac”: realisation start year 2301 is not between");
  lgr_test_assert_change_refused (
      "start=\"2026\"", "start=\"1066\"", 24,
      "item “transition”: start year 1066 is not between 1800 and 2300");
  lgr_test_assert_change_refused ("<value year=\"2027\">", "<value year=\"12027\">", 32,
                                  "item “ict”: year 12027 is not between 1800 and 2300");
}

static void
test_range_first_year (void)
{
  lgr_test_assert_change_refused ("first-year=\"2025\"", "first-year=\"1899\"", 5,
                                  "first year 1899 is not between 1900 and 2200");
  lgr_test_assert_change_refused ("first-year=\"2025\"", "first-year=\"2201\"", 5,
                                  "first year 2201 is not between 1900 and 2200");
}

static void
test_range_non_negative (void)
{
  lgr_test_assert_change_refused ("population=\"313600\"", "population=\"-1\"", 14,
                                  "authority “north”: population -1 cannot be negative");
  lgr_test_assert_change_refused ("child-population=\"59700\"", "child-population=\"-0.5\"", 15,
                                  "authority “south”: child population -0.5 cannot be negative");
  lgr_test_assert_change_refused ("target=\"1570\"", "target=\"-1570\"", 18,
                                  "lever “north-lac”: target unit cost -1570 cannot be negative");
  lgr_test_assert_change_refused ("total=\"37300000\"", "total=\"-5\"", 24,
                                  "item “transition”: total -5 cannot be negative");
  lgr_test_assert_change_refused ("amount=\"6200000\"", "amount=\"-6200000\"", 28,
                                  "item “aggregation”: amount -6200000 cannot be negative");
  lgr_test_assert_change_refused (">800000<", ">-800000<", 33,
                                  "item “ict”: value for 2028 -800000 cannot be negative");
  lgr_test_assert_change_refused (
      "min-population=\"250000\"", "min-population=\"-250000\"", 8,
      "benchmark band “250k-350k”: minimum population -250000 cannot be");
  lgr_test_assert_change_refused (
      "value=\"1718\"", "value=\"-1718\"", 9,
      "benchmark band “250k-350k”: benchmark cost -1718 cannot be negative");
  /* counts are not rates: 12000 people is fine, -1 is not */
  {
    g_autofree char *xml
        = lgr_test_full_with ("basis=\"child-population\" baseline=\"72.8\" target=\"55\"",
                              "basis=\"count\" baseline=\"72.8\" target=\"12000\"");
    g_autoptr (LgrStudy) study = load_ok (xml);
  }
  lgr_test_assert_change_refused ("basis=\"child-population\" baseline=\"72.8\" target=\"55\"",
                                  "basis=\"count\" baseline=\"72.8\" target=\"-1\"", 17,
                                  "target number of people -1 cannot be negative");
}

static void
test_range_rate (void)
{
  lgr_test_assert_change_refused (
      "target=\"55\"", "target=\"12000\"", 17,
      "lever “north-lac”: target rate 12000 is not between 0 and 10000");
  lgr_test_assert_change_refused ("basis=\"child-population\" baseline=\"72.8\"",
                                  "basis=\"population\" baseline=\"-3\"", 17,
                                  "baseline rate -3 is not between 0 and 10000");
}

static void
test_range_profile (void)
{
  lgr_test_assert_change_refused (
      "profile=\"25 50 75 100\"", "profile=\"25 50 120\"", 20,
      "lever “north-lac”: profile percentage 120 is not between 0 and 100");
  lgr_test_assert_change_refused (
      "profile=\"50 75 100\"", "profile=\"50 -75 100\"", 28,
      "item “aggregation”: profile percentage -75 is not between 0 and 100");
  lgr_test_assert_change_refused ("profile=\"25 50 75 100\"", "profile=\"25,50,75\"", 20,
                                  "separate percentages with spaces");
  lgr_test_assert_change_refused ("profile=\"25 50 75 100\"", "profile=\"  \"", 20,
                                  "the profile is empty");
}

static void
test_range_growth (void)
{
  lgr_test_assert_change_refused (
      "<growth cohort=\"0\"", "<growth cohort=\"-101\"", 19,
      "lever “north-lac”: cohort growth -101 is not between -100 and 1000");
  lgr_test_assert_change_refused ("unit-cost=\"0\"/>", "unit-cost=\"1000.5\"/>", 19,
                                  "unit cost growth 1000.5 is not between -100 and 1000");
  lgr_test_assert_change_refused ("growth=\"0\"/>", "growth=\"1e4\"/>", 28,
                                  "item “aggregation”: growth 10000 is not between -100 and 1000");
  lgr_test_assert_change_refused ("discount-rate=\"3.5\"", "discount-rate=\"-50.01\"", 5,
                                  "discount rate -50.01 is not between -50 and 100");
  lgr_test_assert_change_refused ("discount-rate=\"3.5\"", "discount-rate=\"101\"", 5,
                                  "discount rate 101 is not between -50 and 100");
}

static void
test_range_weeks (void)
{
  lgr_test_assert_change_refused ("weeks-per-year=\"52\"", "weeks-per-year=\"0\"", 5,
                                  "weeks per year 0 is not more than 0 and at most 53");
  lgr_test_assert_change_refused ("weeks-per-year=\"52\"", "weeks-per-year=\"53.5\"", 5,
                                  "weeks per year 53.5 is not more than 0 and at most 53");
}

static void
test_range_settings (void)
{
  lgr_test_assert_change_refused ("benefit-realisation=\"100\"", "benefit-realisation=\"1001\"", 6,
                                  "benefit realisation 1001 is not between 0 and 1000");
  lgr_test_assert_change_refused ("cost-contingency=\"0\"", "cost-contingency=\"-1\"", 6,
                                  "cost contingency -1 is not between 0 and 1000");
}

/* Enumerations, booleans, colours */

static void
test_enumerations (void)
{
  lgr_test_assert_change_refused (
      "basis=\"child-population\"", "basis=\"children\"", 17,
      "basis “children” is not one of count, child-population or population");
  lgr_test_assert_change_refused ("per=\"week\"", "per=\"month\"", 18,
                                  "per “month” is not one of week or year");
  lgr_test_assert_change_refused ("benefit=\"cashable\"", "benefit=\"cash\"", 16,
                                  "benefit “cash” is not one of cashable or avoidance");
  lgr_test_assert_change_refused (
      "kind=\"saving\"", "kind=\"grant\"", 27,
      "kind “grant” is not one of one-off-cost, recurring-cost, saving or "
      "avoidance");
  lgr_test_assert_change_refused ("enabled=\"true\">\n      <cohort",
                                  "enabled=\"yes\">\n      <cohort", 16,
                                  "enabled “yes” must be true or false");
  lgr_test_assert_change_refused ("count-avoidance=\"false\"", "count-avoidance=\"FALSE\"", 6,
                                  "count-avoidance “FALSE” must be true or false");
  lgr_test_assert_change_refused ("colour=\"#1c71d8\"", "colour=\"blue\"", 12,
                                  "scenario “two”: “blue” is not a colour (write it as #rrggbb");
  lgr_test_assert_change_refused ("colour=\"#1c71d8\"", "colour=\"#1c71d\"", 12, "is not a colour");
}

/* Ids */

static void
test_duplicate_ids (void)
{
  lgr_test_assert_change_refused ("<scenario id=\"one\"", "<scenario id=\"two\"", 37,
                                  "the scenario id “two” is used twice (first at line 12)");
  lgr_test_assert_change_refused (
      "<item id=\"transition\"", "<item id=\"north\"", 23,
      "the id “north” is used twice in scenario “two” (first at line 14)");
  lgr_test_assert_change_refused (
      "<item id=\"ict\"", "<item id=\"north-lac\"", 30,
      "the id “north-lac” is used twice in scenario “two” (first at line 16)");
  lgr_test_assert_change_refused ("<authority id=\"south\"", "<authority id=\"north\"", 15,
                                  "the id “north” is used twice in scenario “two”");
  lgr_test_assert_change_refused (
      "<value year=\"2028\">", "<value year=\"2027\">", 33,
      "item “ict”: the value for 2027 is given twice (first at line 32)");
}

static void
test_malformed_ids (void)
{
  lgr_test_assert_change_refused ("<lever id=\"north-lac\"", "<lever id=\"north lac\"", 16,
                                  "“north lac” is not a valid id");
  lgr_test_assert_change_refused ("<scenario id=\"two\"", "<scenario id=\"\"", 12,
                                  "the id is empty");
  lgr_test_assert_change_refused ("<item id=\"ict\"", "<item id=\"ïct\"", 30,
                                  "“ïct” is not a valid id");
  lgr_test_assert_change_refused ("<authority id=\"south\"", "<authority id=\"so/uth\"", 15,
                                  "is not a valid id");
}

static void
test_unknown_authority (void)
{
  lgr_test_assert_change_refused (
      "authority=\"north\"", "authority=\"east\"", 16,
      "lever “north-lac”: there is no authority “east” in scenario “two”");
  /* an authority of another scenario does not count */
  lgr_test_assert_change_refused ("authority=\"north\"", "authority=\"county\"", 16,
                                  "there is no authority “county”");
  /* an item's, by the same rule */
  lgr_test_assert_change_refused ("authority=\"south\" kind", "authority=\"east\" kind", 30,
                                  "item “ict”: there is no authority “east” in scenario “two”");
  lgr_test_assert_change_refused ("authority=\"south\" kind", "authority=\"so uth\" kind", 30,
                                  "“so uth” is not a valid id");
}

/* Spreads */

static void
test_spread_sum (void)
{
  lgr_test_assert_change_refused ("profile=\"30 50 20\"", "profile=\"30 50 10\"", 24,
                                  "item “transition”: the spread sums to 90, not 100");
  lgr_test_assert_change_refused ("profile=\"30 50 20\"", "profile=\"33.3 33.3 33.3\"", 24,
                                  "the spread sums to 99.9, not 100");
  {
    /* within 0.01 is fine */
    g_autofree char *xml
        = lgr_test_full_with ("profile=\"30 50 20\"", "profile=\"33.33 33.33 33.34\"");
    g_autoptr (LgrStudy) study = load_ok (xml);
  }
}

static void
test_spread_only_one_off (void)
{
  lgr_test_assert_change_refused (
      "<recurring amount=\"6200000\" start=\"2028\" profile=\"50 75 100\" growth=\"0\"/>",
      "<spread total=\"6200000\" profile=\"100\"/>", 28,
      "item “aggregation”: a spread is only for one-off costs, and this item is a saving");
}

/* Versions */

static void
test_version (void)
{
  g_autofree char *newer = lgr_test_full_with ("<lgr-study version=\"1\">",
                                               "<lgr-study version=\"2\" future=\"yes\">");
  lgr_test_assert_refused (newer, strlen (newer), LGR_STUDY_ERROR_VERSION, 2,
                           "made by a newer version of LGR Explorer");
  lgr_test_assert_change_refused ("<lgr-study version=\"1\">", "<lgr-study>", 2, "has no version");
  lgr_test_assert_change_refused ("<lgr-study version=\"1\">", "<lgr-study version=\"one\">", 2,
                                  "version “one” is not a number");
  lgr_test_assert_change_refused ("<lgr-study version=\"1\">", "<lgr-study version=\"1.0\">", 2,
                                  "version “1.0” is not a whole number");
  lgr_test_assert_change_refused ("<lgr-study version=\"1\">", "<lgr-study version=\"0\">", 2,
                                  "version 0 is not a study file version");
}

/* Broken files */

static void
test_empty (void)
{
  lgr_test_assert_refused ("", 0, LGR_STUDY_ERROR_MALFORMED, 1, "the file is empty");
  lgr_test_assert_refused (" \n\n  ", 5, LGR_STUDY_ERROR_MALFORMED, 1, "the file is empty");
  lgr_test_assert_refused ("<?xml version=\"1.0\"?>\n<!-- nothing -->\n", 39,
                           LGR_STUDY_ERROR_MALFORMED, -1,
                           "the file is empty: it has no <lgr-study> element");
}

static void
test_binary (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  lgr_test_assert_refused (png, sizeof png - 1, LGR_STUDY_ERROR_MALFORMED, 3,
                           "this is not a study file: it holds binary data");
}

static void
test_not_utf8 (void)
{
  /* "£" in Latin-1 on line 3 */
  g_autofree char *xml = lgr_test_full_with ("<title>Test study", "<title>\xa3 Test study");
  lgr_test_assert_refused (xml, strlen (xml), LGR_STUDY_ERROR_MALFORMED, 3,
                           "the file is not UTF-8 text");
  g_free (xml);
  xml = lgr_test_full_with ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");
  lgr_test_assert_refused (xml, strlen (xml), LGR_STUDY_ERROR_MALFORMED, 1,
                           "the file says its encoding is “ISO-8859-1”, but study files are UTF-8");
  /* a UTF-8 byte order mark is fine */
  {
    g_autofree char *base = lgr_test_read_fixture ("valid-full.lgr");
    g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", base, NULL);
    g_autoptr (LgrStudy) study = load_ok (bom);
    g_assert_cmpint (((LgrScenario *)study->scenarios->pdata[0])->line, ==, 12);
  }
}

static void
test_truncated (void)
{
  g_autofree char *base = lgr_test_read_fixture ("valid-full.lgr");
  const char *cut = strstr (base, "profile=\"25 50");
  g_assert_nonnull (cut);
  lgr_test_assert_refused (base, cut - base, LGR_STUDY_ERROR_MALFORMED, 20, "cut short");
  /* cut between elements */
  cut = strstr (base, "    <item id=\"ict\"");
  lgr_test_assert_refused (
      base, cut - base, LGR_STUDY_ERROR_MALFORMED, 30,
      "the file ends before <scenario> (line 12) is closed: it looks cut short");
}

static void
test_not_well_formed (void)
{
  {
    g_autofree char *xml
        = lgr_test_full_with ("<source>Seed 000.</source>", "<source>Seed 000.</sauce>");
    g_autoptr (GError) error = NULL;
    g_assert_null (lgr_study_load_data (xml, strlen (xml), "test.lgr", &error));
    g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_MALFORMED);
    g_assert_true (g_str_has_prefix (error->message, "test.lgr:21: this is not well-formed XML"));
  }
  {
    g_autofree char *base = lgr_test_read_fixture ("valid-full.lgr");
    g_autofree char *xml = g_strconcat (base, "<lgr-study version=\"1\"/>\n", NULL);
    lgr_test_assert_refused (xml, strlen (xml), LGR_STUDY_ERROR_MALFORMED, 41,
                             "there is more in the file after the end of the study");
  }
}

/* Safety */

static void
test_doctype (void)
{
  g_autofree char *xml = lgr_test_full_with ("<lgr-study version=\"1\">",
                                             "<!DOCTYPE lgr-study>\n<lgr-study version=\"1\">");
  lgr_test_assert_refused (xml, strlen (xml), LGR_STUDY_ERROR_UNSAFE, 2,
                           "document type declaration (<!DOCTYPE>)");
}

static void
test_billion_laughs (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE lgr-study [\n"
                               " <!ENTITY lol \"lol\">\n");
  gint64 start;
  for (int i = 1; i <= 9; i++)
    {
      g_string_append_printf (xml, " <!ENTITY lol%d \"", i);
      for (int j = 0; j < 10; j++)
        g_string_append_printf (xml, i == 1 ? "&lol;" : "&lol%d;", i - 1);
      g_string_append (xml, "\">\n");
    }
  g_string_append (xml, "]>\n<lgr-study version=\"1\"><title>&lol9;</title></lgr-study>\n");

  start = g_get_monotonic_time ();
  lgr_test_assert_refused (xml->str, xml->len, LGR_STUDY_ERROR_UNSAFE, 2, "<!DOCTYPE>");
  /* refused before anything is expanded: well under a second on any machine */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_string_free (xml, TRUE);
}

static void
test_external_entity (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lgr-xxe-XXXXXX", &error);
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *dtd = NULL;
  g_autoptr (LgrStudy) study = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (secret, "TOP-SECRET-CONTENT", -1, NULL));
  uri = g_filename_to_uri (secret, NULL, NULL);
  xml = lgr_test_full_with (
      "<lgr-study version=\"1\">\n  <title>Test study &amp; its “quotes”</title>",
      "<!DOCTYPE lgr-study [ <!ENTITY xxe SYSTEM \"SECRET\"> ]>\n"
      "<lgr-study version=\"1\">\n  <title>&xxe;</title>");
  {
    g_autofree char *with_uri = NULL;
    GString *s = g_string_new (xml);
    g_string_replace (s, "SECRET", uri, 1);
    with_uri = g_string_free (s, FALSE);
    study = lgr_study_load_data (with_uri, strlen (with_uri), "test.lgr", &error);
  }
  g_assert_null (study);
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_UNSAFE);
  g_assert_true (g_str_has_prefix (error->message, "test.lgr:2: "));
  g_assert_null (strstr (error->message, "TOP-SECRET"));
  g_clear_error (&error);

  /* an external DTD is not loaded either */
  dtd = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE lgr-study SYSTEM \"%s\">\n"
                         "<lgr-study version=\"1\"/>\n",
                         uri);
  lgr_test_assert_refused (dtd, strlen (dtd), LGR_STUDY_ERROR_UNSAFE, 2, "<!DOCTYPE>");

  /* nor a parameter entity */
  g_free (dtd);
  dtd = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE lgr-study [\n"
                         "  <!ENTITY %% p SYSTEM \"%s\"> %%p; ]>\n<lgr-study version=\"1\"/>\n",
                         uri);
  lgr_test_assert_refused (dtd, strlen (dtd), LGR_STUDY_ERROR_UNSAFE, -1, "<!DOCTYPE>");

  g_unlink (secret);
  g_rmdir (dir);
}

static void
test_entity_reference (void)
{
  /* with no DOCTYPE an entity cannot be declared; a reference is refused in plain words */
  g_autofree char *xml = lgr_test_full_with ("<title>Test study", "<title>&nbsp;Test study");
  lgr_test_assert_refused (xml, strlen (xml), LGR_STUDY_ERROR_UNSAFE, 3,
                           "the entity “&nbsp;” is not allowed in a study file");
}

static void
test_too_large (void)
{
  gsize size = LGR_MAX_FILE_SIZE + 1;
  g_autofree char *big = g_malloc (size);
  g_autofree char *base = lgr_test_read_fixture ("valid-full.lgr");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (LgrStudy) study = NULL;
  gint64 start;

  /* a valid study padded with comments after its end */
  memset (big, ' ', size);
  memcpy (big, base, strlen (base));
  for (gsize at = strlen (base); at + 100 < size; at += 100)
    memcpy (big + at, "<!-- padding -->\n", strlen ("<!-- padding -->\n"));
  start = g_get_monotonic_time ();
  lgr_test_assert_refused (big, size, LGR_STUDY_ERROR_UNSAFE, 0, "the file is too large");
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 10);

  /* one byte less is read */
  study = lgr_study_load_data (big, size - 1, "test.lgr", &error);
  g_assert_no_error (error);
  g_assert_nonnull (study);
  g_clear_pointer (&study, lgr_study_free);

  /* and from a file, refused before it is read */
  dir = g_dir_make_tmp ("lgr-big-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "big.lgr", NULL);
  g_assert_true (g_file_set_contents (path, big, size, &error));
  study = lgr_study_load_path (path, &error);
  g_assert_null (study);
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_UNSAFE);
  g_assert_nonnull (strstr (error->message, "big.lgr: the file is too large"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_too_deep (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\"?>\n<lgr-study version=\"1\">\n");
  gint64 start;
  /* lgr-study is depth 1 on line 2; element k (k >= 2) is on line k + 1 */
  for (int i = 0; i < 10000; i++)
    g_string_append (xml, "<scenario>\n");
  for (int i = 0; i < 10000; i++)
    g_string_append (xml, "</scenario>");
  g_string_append (xml, "</lgr-study>\n");
  start = g_get_monotonic_time ();
  lgr_test_assert_refused (xml->str, xml->len, LGR_STUDY_ERROR_UNSAFE, 34,
                           "nested more than 32 deep");
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_string_free (xml, TRUE);
}

/* Files and the bundled study */

static void
test_missing_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrStudy) study = lgr_study_load_path ("/no/such/dir/study.lgr", &error);
  g_assert_null (study);
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "/no/such/dir/study.lgr: there is no such file");
}

static void
test_load_file_names_basename (void)
{
  g_autofree char *path = lgr_test_source_path ("tests", "files", "valid-full.lgr", NULL);
  g_autofree char *xml = lgr_test_full_with ("target=\"55\"", "target=\"12000\"");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lgr-file-XXXXXX", &error);
  g_autofree char *bad = g_build_filename (dir, "warwickshire.lgr", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (bad);
  g_autoptr (GFile) good = g_file_new_for_path (path);
  g_autoptr (LgrStudy) study = NULL;

  g_assert_true (g_file_set_contents (bad, xml, -1, NULL));
  study = lgr_study_load_file (file, NULL, &error);
  g_assert_null (study);
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  /* the example of docs/format.md, word for word */
  g_assert_cmpstr (error->message, ==,
                   "warwickshire.lgr:17: lever “north-lac”: target rate 12000 is not between 0 "
                   "and 10000");
  g_clear_error (&error);
  study = lgr_study_load_file (good, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (study);
  g_unlink (bad);
  g_rmdir (dir);
}

static void
test_bundled (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrStudy) bundled = lgr_study_load_bundled (&error);
  g_autoptr (LgrStudy) on_disk = lgr_test_load_bundled ();
  g_autoptr (GBytes) bytes = lgr_study_bundled_bytes ();

  g_assert_no_error (error);
  g_assert_nonnull (bundled);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
  g_assert_true (lgr_study_equal (bundled, on_disk));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/study-file/valid-full", test_valid_full);
  g_test_add_func ("/core/study-file/defaults", test_defaults);
  g_test_add_func ("/core/study-file/text", test_text);
  g_test_add_func ("/core/study-file/comments-ignored", test_comments_ignored);
  g_test_add_func ("/core/study-file/unknown-element", test_unknown_element);
  g_test_add_func ("/core/study-file/unknown-attribute", test_unknown_attribute);
  g_test_add_func ("/core/study-file/unknown-root", test_unknown_root);
  g_test_add_func ("/core/study-file/element-order", test_element_order);
  g_test_add_func ("/core/study-file/levers-and-items-any-order", test_levers_and_items_any_order);
  g_test_add_func ("/core/study-file/missing-parts", test_missing_parts);
  g_test_add_func ("/core/study-file/one-pattern-per-item", test_one_pattern_per_item);
  g_test_add_func ("/core/study-file/number-junk", test_number_junk);
  g_test_add_func ("/core/study-file/number-comma", test_number_comma);
  g_test_add_func ("/core/study-file/number-nan-inf", test_number_nan_inf);
  g_test_add_func ("/core/study-file/number-value-whitespace", test_number_values_whitespace);
  g_test_add_func ("/core/study-file/range/years", test_range_years);
  g_test_add_func ("/core/study-file/range/first-year", test_range_first_year);
  g_test_add_func ("/core/study-file/range/non-negative", test_range_non_negative);
  g_test_add_func ("/core/study-file/range/rate", test_range_rate);
  g_test_add_func ("/core/study-file/range/profile", test_range_profile);
  g_test_add_func ("/core/study-file/range/growth", test_range_growth);
  g_test_add_func ("/core/study-file/range/weeks", test_range_weeks);
  g_test_add_func ("/core/study-file/range/settings", test_range_settings);
  g_test_add_func ("/core/study-file/enumerations", test_enumerations);
  g_test_add_func ("/core/study-file/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/core/study-file/malformed-ids", test_malformed_ids);
  g_test_add_func ("/core/study-file/unknown-authority", test_unknown_authority);
  g_test_add_func ("/core/study-file/spread-sum", test_spread_sum);
  g_test_add_func ("/core/study-file/spread-only-one-off", test_spread_only_one_off);
  g_test_add_func ("/core/study-file/version", test_version);
  g_test_add_func ("/core/study-file/empty", test_empty);
  g_test_add_func ("/core/study-file/binary", test_binary);
  g_test_add_func ("/core/study-file/not-utf8", test_not_utf8);
  g_test_add_func ("/core/study-file/truncated", test_truncated);
  g_test_add_func ("/core/study-file/not-well-formed", test_not_well_formed);
  g_test_add_func ("/core/study-file/doctype", test_doctype);
  g_test_add_func ("/core/study-file/billion-laughs", test_billion_laughs);
  g_test_add_func ("/core/study-file/external-entity", test_external_entity);
  g_test_add_func ("/core/study-file/entity-reference", test_entity_reference);
  g_test_add_func ("/core/study-file/too-large", test_too_large);
  g_test_add_func ("/core/study-file/too-deep", test_too_deep);
  g_test_add_func ("/core/study-file/missing-file", test_missing_file);
  g_test_add_func ("/core/study-file/load-file-names-basename", test_load_file_names_basename);
  g_test_add_func ("/core/study-file/bundled", test_bundled);
  return g_test_run ();
}
