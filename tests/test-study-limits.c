/* test-study-limits.c: the limits of docs/format.md that keep loading bounded and every figure
 * finite - attributes per tag, text lengths, the 10^12 cap on amounts and the other ranges -
 * files that are not regular files, and the messages for files that are not studies at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lgr-results.h"
#include "lgr-rules.h"
#include "lgr-study-io.h"
#include "lgr-test-util.h"

static void
assert_change_loads (const char *from, const char *to)
{
  g_autofree char *xml = lgr_test_full_with (from, to);
  g_autoptr (LgrStudy) study = lgr_test_load_string (xml);
  g_assert_nonnull (study);
}

static char *
repeat (const char *piece, guint n)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append (s, piece);
  return g_string_free (s, FALSE);
}

/* Attributes per tag */

/* The file of the report: one tag with 1.3 million attributes, 15 MiB. libxml2 compares each
 * attribute with every earlier one before any handler runs, so before the limit this took over
 * 15 minutes; the reader must refuse it before libxml2 sees the tag. */
static void
test_many_attributes (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\"?>\n<lgr-study version=\"1\"");
  for (guint i = 0; i < 1300000; i++)
    g_string_append_printf (xml, " a%u=\"1\"", i);
  g_string_append (xml, "/>\n");
  g_assert_cmpuint (xml->len, >, 15 * 1000 * 1000);
  g_assert_cmpuint (xml->len, <, LGR_MAX_FILE_SIZE);
  lgr_test_assert_refused (
      xml->str, xml->len, LGR_STUDY_ERROR_UNSAFE, 2,
      "<lgr-study> has more than 32 attributes, which a study file never needs");
  g_string_free (xml, TRUE);
}

/* libxml2 goes on after many errors, so a tag that is not well-formed must not end the count:
 * the many attributes come after one. */
static void
test_many_attributes_after_errors (void)
{
  const char *before[] = {
    "<scenario id>",               /* an attribute with no value */
    "<scenario id=two>",           /* a value without quotes */
    "<scenario id=\"two>\n",       /* a value not closed */
    "</scenario\n",                /* an end tag not closed */
    "<!-- a comment not closed\n", /* (libxml2 reads on to the end: refused all the same) */
    "<?pi not closed\n",           /* a processing instruction not closed */
    "<!ELEMENT x ANY>",            /* a declaration out of place */
  };
  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    {
      GString *xml = g_string_new ("<?xml version=\"1.0\"?>\n<lgr-study version=\"1\">\n");
      g_string_append (xml, before[i]);
      g_string_append (xml, "\n<title");
      for (guint k = 0; k < 200000; k++)
        g_string_append_printf (xml, " a%u=\"1\"", k);
      g_string_append (xml, "/>\n</lgr-study>\n");
      lgr_test_assert_refused (xml->str, xml->len, LGR_STUDY_ERROR_UNSAFE, -1,
                               "<title> has more than 32 attributes");
      g_string_free (xml, TRUE);
    }
}

static void
test_attribute_limit (void)
{
  g_autofree char *many = NULL;
  GString *attrs = g_string_new (NULL);

  /* 32 attributes (4 of them known) reach the loader, which names the first unknown one */
  for (guint i = 0; i < 28; i++)
    g_string_append_printf (attrs, " x%u=\"1\"", i);
  many = g_strconcat ("<authority id=\"south\"", attrs->str, NULL);
  lgr_test_assert_change_refused ("<authority id=\"south\"", many, 15,
                                  "scenario “two”: unknown attribute “x0” on <authority>");
  g_free (many);
  /* 33 do not, on a tag over several lines: the line is the tag's */
  g_string_append (attrs, "\n  y=\"2\"");
  many = g_strconcat ("<authority id=\"south\"", attrs->str, NULL);
  {
    g_autofree char *xml = lgr_test_full_with ("<authority id=\"south\"", many);
    lgr_test_assert_refused (xml, strlen (xml), LGR_STUDY_ERROR_UNSAFE, 15,
                             "<authority> has more than 32 attributes");
  }
  g_free (many);
  /* namespace declarations count */
  g_string_truncate (attrs, 0);
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (attrs, " xmlns:n%u=\"urn:x:%u\"", i, i);
  many = g_strconcat ("<timeline", attrs->str, NULL);
  {
    g_autofree char *xml = lgr_test_full_with ("<timeline", many);
    lgr_test_assert_refused (xml, strlen (xml), LGR_STUDY_ERROR_UNSAFE, 5,
                             "<timeline> has more than 32 attributes");
  }
  /* attributes inside comments, CDATA and processing instructions are not tags */
  {
    g_autofree char *xml = lgr_test_full_with (
        "<description>About it.</description>",
        "<!-- <x a=\"1\" b=\"2\" c=\"3\" d=\"4\" e=\"5\" f=\"6\" g=\"7\" h=\"8\" i=\"9\" j=\"10\" "
        "k=\"1\" l=\"1\" m=\"1\" n=\"1\" o=\"1\" p=\"1\" q=\"1\" r=\"1\" s=\"1\" t=\"1\" u=\"1\" "
        "v=\"1\" w=\"1\" x=\"1\" y=\"1\" z=\"1\" aa=\"1\" ab=\"1\" ac=\"1\" ad=\"1\" ae=\"1\" "
        "af=\"1\" ag=\"1\"> -->\n  <description><![CDATA[<a b='1' c='2'>]]> a > b</description>");
    g_autoptr (LgrStudy) study = lgr_test_load_string (xml);
    g_assert_cmpstr (study->description, ==, "<a b='1' c='2'> a > b");
  }
  g_string_free (attrs, TRUE);
}

static void
test_attribute_value_limit (void)
{
  g_autofree char *big = repeat ("x", LGR_MAX_ATTRIBUTE_BYTES + 1);
  g_autofree char *to = g_strdup_printf ("<lever id=\"north-lac\" name=\"%s\"", big);
  g_autofree char *xml
      = lgr_test_full_with ("<lever id=\"north-lac\" name=\"Children looked after\"", to);
  g_assert_cmpstr (xml, !=, NULL);
  lgr_test_assert_refused (xml, strlen (xml), LGR_STUDY_ERROR_UNSAFE, 16,
                           "an attribute value is longer than 64 KiB");
}

static void
test_name_limit (void)
{
  g_autofree char *name = repeat ("n", 101);
  g_autofree char *attribute = g_strdup_printf ("<timeline %s=\"1\"", name);
  g_autofree char *element = g_strdup_printf ("<%s/>\n  <timeline", name);
  g_autofree char *end = g_strdup_printf ("</%s>", name);
  g_autofree char *xml = lgr_test_full_with ("<timeline", attribute);

  lgr_test_assert_refused (xml, strlen (xml), LGR_STUDY_ERROR_UNSAFE, 5,
                           "an element or attribute name is longer than 100 bytes");
  g_free (xml);
  xml = lgr_test_full_with ("<timeline", element);
  lgr_test_assert_refused (xml, strlen (xml), LGR_STUDY_ERROR_UNSAFE, 5, "name is longer than 100");
  g_free (xml);
  xml = lgr_test_full_with ("</lgr-study>", end);
  lgr_test_assert_refused (xml, strlen (xml), LGR_STUDY_ERROR_UNSAFE, 40,
                           "name is longer than 100");
  /* 100 is fine: refused by the loader as unknown, with the name */
  g_free (xml);
  g_free (attribute);
  attribute = g_strdup_printf ("<timeline %.100s=\"1\"", name);
  xml = lgr_test_full_with ("<timeline", attribute);
  lgr_test_assert_refused (xml, strlen (xml), LGR_STUDY_ERROR_INVALID, 5,
                           "unknown attribute “nnnnn");
}

/* Many authorities and levers in one scenario: each lever's authority is found in a set, by the
 * loader, lgr_study_validate() and lgr_results_compute() alike (a search per lever took a minute for 60,000
 * authorities and 40,000 levers). No time is asserted; a search per lever makes this test take
 * tens of seconds instead of a fraction of one. */
static void
test_many_levers (void)
{
  const guint n = 30000;
  GString *xml = g_string_new ("<?xml version=\"1.0\"?>\n<lgr-study version=\"1\">\n"
                               "<title>T</title>\n<timeline first-year=\"2025\" years=\"10\" "
                               "vesting-year=\"2028\"/>\n<scenario id=\"s\" name=\"S\">\n");
  g_autoptr (LgrStudy) study = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (xml,
                            "<authority id=\"a%u\" name=\"A\" population=\"1\" "
                            "child-population=\"1\"/>\n",
                            i);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (xml,
                            "<lever id=\"l%u\" name=\"L\" authority=\"a%u\"><cohort "
                            "basis=\"count\" baseline=\"1\" target=\"1\"/><unit-cost per=\"year\" "
                            "baseline=\"1\" target=\"1\"/></lever>\n",
                            i, n - 1 - i % 7);
  g_string_append (xml, "</scenario>\n</lgr-study>\n");
  study = lgr_study_load_data (xml->str, xml->len, "test.lgr", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((LgrScenario *)study->scenarios->pdata[0])->levers->len, ==, n);
  g_assert_true (lgr_study_validate (study, "test.lgr", NULL));
  /* the arithmetic finds each lever's authority the same way */
  {
    g_autoptr (LgrResults) results = lgr_results_compute (study);
    const LgrScenarioResult *r = &results->scenarios[0];
    g_assert_cmpuint (r->n_levers, ==, n);
    for (guint i = 0; i < n; i++)
      g_assert_cmpstr (r->levers[i].authority->id, ==, r->levers[i].lever->authority_id);
  }

  /* and an authority that is not there is still found missing, with its line */
  g_string_replace (xml, "authority=\"a29999\"", "authority=\"a30000\"", 1);
  lgr_test_assert_refused (xml->str, xml->len, LGR_STUDY_ERROR_INVALID, (int)n + 6,
                           "lever “l0”: there is no authority “a30000” in scenario “s”");
  g_string_free (xml, TRUE);
}

/* Text lengths */

static void
test_text_lengths (void)
{
  g_autofree char *name200 = repeat ("£", 200); /* characters, not bytes */
  g_autofree char *name201 = repeat ("a", 201);
  g_autofree char *note = repeat ("Word ", 2000);
  g_autofree char *long_note = g_strconcat (note, "x", NULL);
  g_autofree char *id64 = repeat ("i", 64);
  g_autofree char *id65 = repeat ("i", 65);
  g_autofree char *to = NULL;

  /* at the limits: loaded */
  to = g_strdup_printf ("<title>%s</title>", name200);
  assert_change_loads ("<title>Test study &amp; its “quotes”</title>", to);
  g_free (to);
  to = g_strdup_printf ("<description>\n    %s\n  </description>", note);
  assert_change_loads ("<description>About it.</description>", to);
  g_free (to);
  to = g_strdup_printf ("id=\"%s\" name=\"%s\"", id64, name200);
  assert_change_loads ("id=\"transition\" name=\"Transition costs\"", to);

  /* one character more: refused at the element or attribute */
  g_free (to);
  to = g_strdup_printf ("<title>%s</title>", name201);
  lgr_test_assert_change_refused ("<title>Test study &amp; its “quotes”</title>", to, 3,
                                  "the title is 201 characters long, and at most 200 are allowed");
  g_free (to);
  to = g_strdup_printf ("<description>%s</description>", long_note);
  lgr_test_assert_change_refused ("<description>About it.</description>", to, 4,
                                  "the description is 10001 characters long, and at most 10000 are "
                                  "allowed");
  g_free (to);
  to = g_strdup_printf ("<source>%s</source>", long_note);
  lgr_test_assert_change_refused ("<source>Seed 000.</source>", to, 21,
                                  "lever “north-lac”: the source is 10001 characters long");
  g_free (to);
  to = g_strdup_printf ("name=\"%s\"", name201);
  lgr_test_assert_change_refused (
      "name=\"Two unitaries\"", to, 12,
      "scenario “two”: the name is 201 characters long, and at most 200");
  g_free (to);
  to = g_strdup_printf ("service=\"%s\"", name201);
  lgr_test_assert_change_refused ("service=\"Children's social care\"", to, 16,
                                  "lever “north-lac”: the service is 201 characters long");
  g_free (to);
  to = g_strdup_printf ("source=\"%s\"", long_note);
  lgr_test_assert_change_refused ("source=\"LAIT &amp; ASCFR 2023/24\"", to, 7,
                                  "the benchmarks source is 10001 characters long");
  g_free (to);
  to = g_strdup_printf ("id=\"%s\"", id65);
  lgr_test_assert_change_refused ("id=\"transition\"", to, 23,
                                  "the id is 65 characters long, and at most 64 are allowed");
}

/* A 15 MiB title is refused as its text arrives, not after it has all been collected. */
static void
test_huge_text (void)
{
  g_autofree char *words = repeat ("Title words ", 15 * 1024 * 1024 / 12);
  g_autofree char *to = g_strdup_printf ("<title>%s</title>", words);
  g_autofree char *xml = lgr_test_full_with ("<title>Test study &amp; its “quotes”</title>", to);
  g_assert_cmpuint (strlen (xml), <, LGR_MAX_FILE_SIZE);
  lgr_test_assert_refused (xml, strlen (xml), LGR_STUDY_ERROR_INVALID, 3,
                           "the title is longer than 200 characters");
}

/* What editors check (lgr_study_validate) refuses what the loader refuses. */
static void
test_validate_lengths (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  LgrScenario *scenario = g_ptr_array_index (study->scenarios, 0);
  LgrLever *lever = g_ptr_array_index (scenario->levers, 0);
  g_autoptr (GError) error = NULL;
  char *saved = lever->name;

  g_assert_true (lgr_study_validate (study, NULL, NULL));
  lever->name = repeat ("n", 201);
  g_assert_false (lgr_study_validate (study, NULL, &error));
  g_assert_nonnull (strstr (error->message, "the name is 201 characters long"));
  g_free (lever->name);
  lever->name = saved;
  g_clear_error (&error);

  saved = study->title;
  study->title = repeat ("t", 201);
  g_assert_false (lgr_study_validate_settings (study, &error));
  g_assert_nonnull (strstr (error->message, "the title is 201 characters long"));
  g_free (study->title);
  study->title = saved;
}

/* Amounts and the other ranges */

/* valid-full.lgr with one amount over the cap: refused at line, naming what. */
static void
assert_over_cap (const char *from, const char *to, int line, const char *what)
{
  g_autofree char *xml = lgr_test_full_with (from, to);
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrStudy) study = lgr_study_load_data (xml, strlen (xml), "test.lgr", &error);
  g_autofree char *prefix = g_strdup_printf ("test.lgr:%d: %s ", line, what);

  g_assert_null (study);
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, prefix)
      || !g_str_has_suffix (error->message, " is more than 1000000000000 (a trillion), the "
                                            "largest amount a study may hold"))
    g_error ("expected “%s… is more than 1000000000000 (a trillion)…”, got “%s”", prefix,
             error->message);
}

static void
test_amount_cap (void)
{
  /* a trillion is allowed, more is not: every kind of amount, with its line */
  assert_change_loads ("population=\"313600\"", "population=\"1e12\"");
  assert_change_loads ("total=\"37300000\"", "total=\"1000000000000\"");
  lgr_test_assert_change_refused (
      "population=\"313600\"", "population=\"1000000000001\"", 14,
      "authority “north”: population 1000000000001 is more than "
      "1000000000000 (a trillion), the largest amount a study may hold");
  assert_over_cap ("child-population=\"59700\"", "child-population=\"2e12\"", 15,
                   "authority “south”: child population");
  assert_over_cap ("baseline=\"1750\"", "baseline=\"1e15\"", 18,
                   "lever “north-lac”: baseline unit cost");
  assert_over_cap ("basis=\"child-population\" baseline=\"72.8\" target=\"55\"",
                   "basis=\"count\" baseline=\"72.8\" target=\"1e14\"", 17,
                   "lever “north-lac”: target number of people");
  assert_over_cap ("total=\"37300000\"", "total=\"1.7976931348623157e308\"", 24,
                   "item “transition”: total");
  assert_over_cap ("amount=\"6200000\"", "amount=\"1e13\"", 28, "item “aggregation”: amount");
  assert_over_cap (">800000<", ">1e200<", 33, "item “ict”: value for 2028");
  assert_over_cap ("max-population=\"350000\"", "max-population=\"1e13\"", 8,
                   "benchmark band “250k-350k”: maximum population");
  assert_over_cap ("value=\"1718\"", "value=\"1e300\"", 9,
                   "benchmark band “250k-350k”: benchmark cost");
}

static void
test_discount_range (void)
{
  assert_change_loads ("discount-rate=\"3.5\"", "discount-rate=\"-50\"");
  assert_change_loads ("discount-rate=\"3.5\"", "discount-rate=\"100\"");
  /* -100 made the discount factor 1/0 */
  lgr_test_assert_change_refused ("discount-rate=\"3.5\"", "discount-rate=\"-100\"", 5,
                                  "discount rate -100 is not between -50 and 100");
  lgr_test_assert_change_refused ("discount-rate=\"3.5\"", "discount-rate=\"1000\"", 5,
                                  "discount rate 1000 is not between -50 and 100");
}

/* A study at the limits of every range */

#define LIMITS_STUDY                                                                               \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                                   \
  "<lgr-study version=\"1\">\n"                                                                    \
  "  <title>At the limits</title>\n"                                                               \
  "  <timeline first-year=\"2200\" years=\"60\" vesting-year=\"2200\" discount-rate=\"%s\" "       \
  "weeks-per-year=\"53\"/>\n"                                                                      \
  "  <settings benefit-realisation=\"1000\" cost-contingency=\"1000\" "                            \
  "count-avoidance=\"true\"/>\n"                                                                   \
  "  <scenario id=\"max\" name=\"Max\">\n"                                                         \
  "    <authority id=\"a\" name=\"A\" population=\"1e12\" child-population=\"1e12\"/>\n"           \
  "    <authority id=\"z\" name=\"Z\" population=\"0\" child-population=\"0\"/>\n"                 \
  "    <lever id=\"up\" name=\"Up\" authority=\"a\" benefit=\"avoidance\">\n"                      \
  "      <cohort basis=\"child-population\" baseline=\"10000\" target=\"0\"/>\n"                   \
  "      <unit-cost per=\"week\" baseline=\"1e12\" target=\"0\"/>\n"                               \
  "      <growth cohort=\"%s\" unit-cost=\"%s\"/>\n"                                               \
  "      <realisation start=\"1800\" profile=\"0 100 0 100 50\"/>\n"                               \
  "    </lever>\n"                                                                                 \
  "    <lever id=\"count\" name=\"Count\" authority=\"a\">\n"                                      \
  "      <cohort basis=\"count\" baseline=\"0\" target=\"1e12\"/>\n"                               \
  "      <unit-cost per=\"year\" baseline=\"0\" target=\"1e12\"/>\n"                               \
  "      <growth cohort=\"%s\" unit-cost=\"%s\"/>\n"                                               \
  "      <realisation start=\"2300\" profile=\"100\"/>\n"                                          \
  "    </lever>\n"                                                                                 \
  "    <lever id=\"none\" name=\"None\" authority=\"z\">\n"                                        \
  "      <cohort basis=\"population\" baseline=\"10000\" target=\"0\"/>\n"                         \
  "      <unit-cost per=\"week\" baseline=\"1e12\" target=\"1e12\"/>\n"                            \
  "    </lever>\n"                                                                                 \
  "    <item id=\"once\" name=\"Once\" kind=\"one-off-cost\">\n"                                   \
  "      <spread total=\"1e12\" start=\"1800\" profile=\"100\"/>\n"                                \
  "    </item>\n"                                                                                  \
  "    <item id=\"late\" name=\"Late\" kind=\"one-off-cost\">\n"                                   \
  "      <spread total=\"1e12\" start=\"2259\" profile=\"0.01 99.99\"/>\n"                         \
  "    </item>\n"                                                                                  \
  "    <item id=\"run\" name=\"Run\" kind=\"recurring-cost\">\n"                                   \
  "      <recurring amount=\"1e12\" growth=\"%s\" profile=\"100\"/>\n"                             \
  "    </item>\n"                                                                                  \
  "    <item id=\"save\" name=\"Save\" kind=\"saving\">\n"                                         \
  "      <recurring amount=\"1e12\" start=\"2200\" growth=\"%s\" profile=\"0 100\"/>\n"            \
  "    </item>\n"                                                                                  \
  "    <item id=\"avoid\" name=\"Avoid\" kind=\"avoidance\">\n"                                    \
  "      <recurring amount=\"1e12\" growth=\"%s\"/>\n"                                             \
  "    </item>\n"                                                                                  \
  "    <item id=\"each\" name=\"Each\" kind=\"saving\">\n"                                         \
  "      <values><value year=\"2200\">1e12</value><value year=\"2259\">1e12</value>"               \
  "<value year=\"2300\">1e12</value></values>\n"                                                   \
  "    </item>\n"                                                                                  \
  "  </scenario>\n"                                                                                \
  "  <scenario id=\"min\" name=\"Min\">\n"                                                         \
  "    <authority id=\"a\" name=\"A\" population=\"0\" child-population=\"0\"/>\n"                 \
  "  </scenario>\n"                                                                                \
  "</lgr-study>\n"

static char *
limits_xml (const char *discount, const char *growth)
{
  return g_strdup_printf (LIMITS_STUDY, discount, growth, growth, growth, growth, growth, growth,
                          growth);
}

static void
assert_finite (const double *values, guint n, const char *what, const char *study)
{
  for (guint t = 0; t < n; t++)
    if (!isfinite (values[t]))
      g_error ("%s (%s), year %u: %g is not finite", what, study, t, values[t]);
}

static void
assert_results_finite (const LgrResults *results, const char *study)
{
  guint n = results->n_years;
  for (guint s = 0; s < results->n_scenarios; s++)
    {
      const LgrScenarioResult *r = &results->scenarios[s];
      const double totals[]
          = { r->payback_years, r->peak_funding, r->npv, r->total_net, r->run_rate };

      assert_finite (r->cashable_savings, n, "cashable savings", study);
      assert_finite (r->cost_avoidance, n, "cost avoidance", study);
      assert_finite (r->one_off_costs, n, "one-off costs", study);
      assert_finite (r->recurring_costs, n, "recurring costs", study);
      assert_finite (r->net, n, "net", study);
      assert_finite (r->cumulative, n, "cumulative", study);
      assert_finite (totals, G_N_ELEMENTS (totals), "payback, peak, NPV, total, run rate", study);
      for (guint l = 0; l < r->n_levers; l++)
        {
          const LgrLeverResult *lr = &r->levers[l];
          const double *series[] = { lr->saving,
                                     lr->volume_effect,
                                     lr->price_effect,
                                     lr->baseline_cohort,
                                     lr->scenario_cohort,
                                     lr->baseline_unit_cost,
                                     lr->scenario_unit_cost,
                                     lr->baseline_spend,
                                     lr->scenario_spend };
          for (guint k = 0; k < G_N_ELEMENTS (series); k++)
            assert_finite (series[k], n, "a lever's figures", study);
        }
      for (guint i = 0; i < r->n_items; i++)
        assert_finite (r->items[i].values, n, "an item's figures", study);
      for (guint o = 0; o < results->n_scenarios; o++)
        {
          g_autoptr (LgrComparison) c = lgr_results_compare (results, s, o);
          assert_finite (c->net_difference, n, "net difference", study);
          assert_finite (c->cumulative_difference, n, "cumulative difference", study);
        }
    }
}

/* The ends of the ranges that drive growth */
static const char *discounts[] = { "-50", "100", "0" };
static const char *growths[] = { "1000", "-100", "0" };

/* Every combination of the ends of the ranges that drive growth: loaded, computed, finite. */
static void
test_limits_finite (void)
{
  for (guint d = 0; d < G_N_ELEMENTS (discounts); d++)
    for (guint g = 0; g < G_N_ELEMENTS (growths); g++)
      {
        g_autofree char *xml = limits_xml (discounts[d], growths[g]);
        g_autofree char *what
            = g_strdup_printf ("discount %s, growth %s", discounts[d], growths[g]);
        g_autoptr (LgrStudy) study = lgr_test_load_string (xml);
        g_autoptr (LgrResults) results = lgr_results_compute (study);
        g_assert_cmpuint (results->n_years, ==, 60);
        assert_results_finite (results, what);
      }
}

/* out, from --summary=json or csv, has only finite numbers and no -0. */
static void
assert_plain_numbers (const char *out, const char *what)
{
  g_auto (GStrv) tokens = g_regex_split_simple ("[\\s,:\\[\\]{}\"]+", out, 0, 0);
  for (guint i = 0; tokens[i]; i++)
    {
      const char *t = tokens[i];
      g_autofree char *lower = g_ascii_strdown (t, -1);
      if (strstr (lower, "inf") != NULL || strstr (lower, "nan") != NULL
          || (t[0] == '-' && g_ascii_isdigit (t[1]) && g_ascii_strtod (t, NULL) == 0))
        g_error ("%s wrote %s", what, t);
    }
}

/* --summary=json and csv of those studies write only finite numbers, and no -0. */
static void
test_limits_summary (void)
{
  const char *exe = g_getenv ("LGR_EXPLORER");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (exe == NULL)
    {
      g_test_skip ("LGR_EXPLORER is not set (run it with meson test)");
      return;
    }
  dir = g_dir_make_tmp ("lgr-limits-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "limits.lgr", NULL);
  for (guint d = 0; d < G_N_ELEMENTS (discounts); d++)
    for (guint g = 0; g < G_N_ELEMENTS (growths); g++)
      {
        g_autofree char *xml = limits_xml (discounts[d], growths[g]);
        g_assert_true (g_file_set_contents (path, xml, -1, &error));
        for (guint f = 0; f < 2; f++)
          {
            const char *argv[] = { exe, f == 0 ? "--summary=json" : "--summary=csv", path, NULL };
            g_autofree char *out = NULL;
            g_autofree char *what = g_strdup_printf ("%s (discount %s, growth %s)", argv[1],
                                                     discounts[d], growths[g]);
            int status;

            g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                         NULL, NULL, &out, NULL, &status, &error));
            g_assert_no_error (error);
            g_assert_true (g_spawn_check_wait_status (status, &error));
            g_assert_no_error (error);
            g_assert_cmpuint (strlen (out), >, 1000);
            assert_plain_numbers (out, what);
          }
      }
  g_unlink (path);
  g_rmdir (dir);
}

/* Runs argv (a NULL-terminated command line) and returns its standard output. */
static char *
run_output (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", argv[0], error->message);
  return out;
}

/* The first inf, nan or minus zero ("-0", "−£0.0m") in text, or NULL. */
static char *
find_unplain (const char *text)
{
  g_autoptr (GRegex) bad
      = g_regex_new ("(^|[^\\w.])((?i)[-−+]?£?(inf|infinity|nan)|[-−]£?0(\\.0*)?[kmbn]?)(?![\\w.])",
                     G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  return g_regex_match (bad, text, 0, &match) ? g_match_info_fetch (match, 2) : NULL;
}

/* text, read from a document for people, shows no inf, nan or minus zero. */
static void
assert_plain_text (const char *text, const char *what)
{
  g_autofree char *found = find_unplain (text);
  if (found != NULL)
    g_error ("%s shows %s", what, found);
}

/* The documents made of those studies - the workbook's cells, the report's and every chart's
 * text - hold no inf, nan or -0 either. */
static void
test_limits_documents (void)
{
  const char *exe = g_getenv ("LGR_EXPLORER");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *unzip = g_find_program_in_path ("unzip");
  g_autoptr (GError) error = NULL;

  if (exe == NULL || pdftotext == NULL || unzip == NULL)
    {
      g_test_skip ("needs LGR_EXPLORER (meson test), pdftotext (poppler-utils) and unzip");
      return;
    }
  g_autofree char *dir = g_dir_make_tmp ("lgr-limits-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *path = g_build_filename (dir, "limits.lgr", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "limits.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (dir, "limits.pdf", NULL);
  g_autofree char *to_xlsx = g_strconcat ("--export=", xlsx, NULL);
  g_autofree char *to_report = g_strconcat ("--report=", pdf, NULL);
  g_autofree char *to_pdf = g_strconcat ("--export=", pdf, NULL);
  static const char *const charts[]
      = { "--chart=cashflow", "--chart=savings", "--chart=difference", "--chart=children" };
  g_autoptr (GRegex) cell = g_regex_new ("<v>([^<]*)</v>", 0, 0, NULL);

  /* what the check finds, and what it leaves */
  const char *unplain[] = { "net −£0.0m by", "x -0 y", "NaN", "£inf", "(-inf)" };
  for (guint i = 0; i < G_N_ELEMENTS (unplain); i++)
    {
      g_autofree char *found = find_unplain (unplain[i]);
      g_assert_nonnull (found);
    }
  g_assert_null (find_unplain ("financial information -0.5 −£0.1m 2030 -10"));

  /* both ends of the ranges, together: each document is a few runs */
  for (guint d = 0; d < 2; d++)
    for (guint g = d; g == d; g++)
      {
        g_autofree char *xml = limits_xml (discounts[d], growths[g]);
        g_autofree char *what
            = g_strdup_printf ("discount %s, growth %s", discounts[d], growths[g]);
        g_assert_true (g_file_set_contents (path, xml, -1, &error));

        const char *workbook[] = { exe, to_xlsx, path, NULL };
        g_free (run_output (workbook));
        const char *cells[] = { unzip, "-p", xlsx, "xl/worksheets/*.xml", NULL };
        g_autofree char *sheets = run_output (cells);
        g_autoptr (GMatchInfo) match = NULL;
        guint n = 0;
        for (g_regex_match (cell, sheets, 0, &match); g_match_info_matches (match);
             g_match_info_next (match, NULL), n++)
          {
            g_autofree char *v = g_match_info_fetch (match, 1);
            g_autofree char *lower = g_ascii_strdown (v, -1);
            if (strstr (lower, "inf") || strstr (lower, "nan")
                || (v[0] == '-' && g_ascii_isdigit (v[1]) && g_ascii_strtod (v, NULL) == 0))
              g_error ("the workbook of %s has the cell value %s", what, v);
          }
        g_assert_cmpuint (n, >, 1000);

        const char *text[] = { pdftotext, pdf, "-", NULL };
        const char *report[] = { exe, to_report, path, NULL };
        g_free (run_output (report));
        g_autofree char *report_text = run_output (text);
        g_autofree char *report_what = g_strdup_printf ("the report of %s", what);
        g_assert_nonnull (strstr (report_text, "nothing to pay back")); /* "Min" is empty */
        assert_plain_text (report_text, report_what);
        for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
          {
            const char *chart[] = { exe, to_pdf, charts[c], path, NULL };
            g_free (run_output (chart));
            g_autofree char *chart_text = run_output (text);
            g_autofree char *chart_what = g_strdup_printf ("%s of %s", charts[c], what);
            assert_plain_text (chart_text, chart_what);
          }
      }
  lgr_test_remove_tree (dir);
}

/* Damaged files: a valid study with bytes of XML syntax put in, taken out or changed at random
 * (fixed seed). Each is loaded or refused with a message naming the file and a line, never a
 * crash (run under AddressSanitizer, this checks that the raw scan of the tags stays inside the
 * file however a tag is cut). */
static void
test_damaged (void)
{
  static const char syntax[] = "<>/=\"' !?-[]&#;\n";
  g_autofree char *base = lgr_test_read_fixture ("valid-full.lgr");
  g_autoptr (GRand) rand = g_rand_new_with_seed (13);
  gsize base_length = strlen (base);
  guint loaded = 0;

  for (guint i = 0; i < 3000; i++)
    {
      GString *xml = g_string_new_len (base, base_length);
      guint edits = 1 + g_rand_int_range (rand, 0, 4);
      g_autoptr (GError) error = NULL;
      g_autoptr (LgrStudy) study = NULL;
      gsize length;
      char *data;

      for (guint e = 0; e < edits && xml->len > 1; e++)
        {
          gsize at = g_rand_int_range (rand, 0, (gint32)xml->len);
          char c = syntax[g_rand_int_range (rand, 0, sizeof syntax - 1)];
          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0:
              g_string_insert_c (xml, at, c);
              break;
            case 1:
              g_string_erase (xml, at, 1);
              break;
            case 2:
              xml->str[at] = c;
              break;
            default:
              g_string_truncate (xml, at); /* cut short */
              break;
            }
        }
      /* an exact-size copy, so that a read past the end is caught */
      length = xml->len;
      data = g_memdup2 (xml->str, length);
      g_string_free (xml, TRUE);
      study = lgr_study_load_data (data, length, "test.lgr", &error);
      if (study != NULL)
        loaded++;
      else if (!g_str_has_prefix (error->message, "test.lgr:"))
        g_error ("damaged file %u: “%s”", i, error->message);
      g_free (data);
    }
  g_test_message ("%u of 3000 damaged files still loaded", loaded);
}

/* tests/files/bad/: small files of each kind refused, kept as files (for the fuzzers' corpus
 * too). Each message names the file as given and says what is wrong. */
static void
test_bad_files (void)
{
  const struct
  {
    const char *name;
    int line;
    LgrStudyError code;
    const char *gist;
  } cases[] = {
    { "not-xml.txt", 1, LGR_STUDY_ERROR_MALFORMED, "it is plain text, not XML" },
    { "web-page.html", 1, LGR_STUDY_ERROR_INVALID, "it is a web page (HTML)" },
    { "utf16.lgr", 1, LGR_STUDY_ERROR_MALFORMED, "the file is UTF-16 text" },
    { "many-attributes.lgr", 6, LGR_STUDY_ERROR_UNSAFE, "<authority> has more than 32 attributes" },
    { "amount-too-large.lgr", 15, LGR_STUDY_ERROR_INVALID,
      "item “c”: total 2000000000000 is more than 1000000000000 (a trillion)" },
    { "discount-rate.lgr", 4, LGR_STUDY_ERROR_INVALID,
      "discount rate -100 is not between -50 and 100" },
    { "name-too-long.lgr", 7, LGR_STUDY_ERROR_INVALID,
      "lever “l”: the name is 220 characters long, and at most 200 are allowed" },
    { "broken-tag.lgr", 11, LGR_STUDY_ERROR_MALFORMED, "this is not well-formed XML" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = lgr_test_source_path ("tests", "files", "bad", cases[i].name, NULL);
      g_autofree char *prefix = g_strdup_printf ("%s:%d: ", path, cases[i].line);
      g_autoptr (GError) error = NULL;
      g_autoptr (LgrStudy) study = lgr_study_load_path (path, &error);

      g_assert_null (study);
      g_assert_error (error, LGR_STUDY_ERROR, (int)cases[i].code);
      if (!g_str_has_prefix (error->message, prefix)
          || strstr (error->message, cases[i].gist) == NULL)
        g_error ("expected “%s…%s…”, got “%s”", prefix, cases[i].gist, error->message);
      /* said once */
      g_assert_null (strstr (error->message + strlen (prefix), cases[i].name));
    }
}

/* Files that are not regular files */

static void
assert_path_refused (const char *path, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) error2 = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *expected2 = g_strdup_printf ("%s: %s", base, strchr (expected, ' ') + 1);
  g_autoptr (LgrStudy) study = lgr_study_load_path (path, &error);
  g_autoptr (LgrStudy) study2 = NULL;

  g_assert_null (study);
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO);
  g_assert_cmpstr (error->message, ==, expected);
  /* the window opens files as GFiles: the same check, the file named by its basename */
  study2 = lgr_study_load_file (file, NULL, &error2);
  g_assert_null (study2);
  g_assert_error (error2, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO);
  g_assert_cmpstr (error2->message, ==, expected2);
}

static void
test_fifo (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lgr-fifo-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "pipe.lgr", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: this is a pipe (FIFO), not a study file", path);

  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  /* no writer ever comes: reading it would block for ever */
  assert_path_refused (path, expected);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_directory (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lgr-dir-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "folder.lgr", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: this is a folder, not a study file", path);

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  assert_path_refused (path, expected);
  g_rmdir (path);
  g_rmdir (dir);
}

static void
test_devices (void)
{
  /* /dev/zero never ends and /dev/null is empty: neither is read */
  assert_path_refused ("/dev/zero", "/dev/zero: this is a device, not a study file");
  assert_path_refused ("/dev/null", "/dev/null: this is a device, not a study file");
}

/* Files that are not studies: what is wrong, once, with the file's name */

static void
test_not_xml (void)
{
  const char *text = "Shopping list\n\nmilk, eggs\n";
  const char *indented = "\n\n   Dear colleague,\n";
  const char *page = "<!DOCTYPE html>\n<html><head><title>Page</title></head></html>\n";
  const char *page2 = "\xEF\xBB\xBF<!doctype HTML>\n<html></html>\n";
  static const char utf16le[] = "\xFF\xFE<\0?\0x\0m\0l\0";
  static const char utf16be[] = "\0<\0?\0x\0m\0l";
  static const char binary[] = "\x7F"
                               "ELF\x02\x01\x01\x03\xff\xfe";
  g_autoptr (GError) error = NULL;

  lgr_test_assert_refused (text, strlen (text), LGR_STUDY_ERROR_MALFORMED, 1,
                           "this is not an LGR Explorer study: it is plain text, not XML");
  lgr_test_assert_refused (indented, strlen (indented), LGR_STUDY_ERROR_MALFORMED, 3,
                           "it is plain text, not XML");
  lgr_test_assert_refused (page, strlen (page), LGR_STUDY_ERROR_INVALID, 1,
                           "this is not an LGR Explorer study: it is a web page (HTML)");
  lgr_test_assert_refused (page2, strlen (page2), LGR_STUDY_ERROR_INVALID, 1,
                           "it is a web page (HTML)");
  lgr_test_assert_refused (utf16le, sizeof utf16le - 1, LGR_STUDY_ERROR_MALFORMED, 1,
                           "the file is UTF-16 text, but study files are UTF-8");
  lgr_test_assert_refused (utf16be, sizeof utf16be - 1, LGR_STUDY_ERROR_MALFORMED, 1,
                           "the file is UTF-16 text");
  lgr_test_assert_refused (binary, sizeof binary - 1, LGR_STUDY_ERROR_MALFORMED, 1,
                           "this is not a study file: it holds binary data, not text");
  {
    /* said once, not "empty" */
    g_autoptr (LgrStudy) study = lgr_study_load_data (text, strlen (text), "list.txt", &error);
    g_assert_null (study);
    g_assert_null (strstr (error->message, "empty"));
    g_assert_true (g_str_has_prefix (error->message, "list.txt:1: "));
    g_assert_null (strstr (error->message + 1, "list.txt"));
  }
}

static void
test_empty_name (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrStudy) study = lgr_study_load_path ("", &error);
  g_assert_null (study);
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "no file name was given (the study's file name is empty)");
}

/* The command line says the same, once: one line on stderr, exit status 1. */
static void
test_check_messages (void)
{
  const char *exe = g_getenv ("LGR_EXPLORER");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fifo = NULL;
  g_autofree char *expected_text = NULL;
  g_autofree char *expected_fifo = NULL;

  if (exe == NULL)
    {
      g_test_skip ("LGR_EXPLORER is not set (run it with meson test)");
      return;
    }
  dir = g_dir_make_tmp ("lgr-check-XXXXXX", &error);
  g_assert_no_error (error);
  text = g_build_filename (dir, "notes.txt", NULL);
  fifo = g_build_filename (dir, "pipe.lgr", NULL);
  g_assert_true (g_file_set_contents (text, "Just some notes.\n", -1, NULL));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  expected_text = g_strdup_printf ("%s:1: this is not an LGR Explorer study: it is plain text, "
                                   "not XML (a study file starts with <?xml or <lgr-study>)\n",
                                   text);
  expected_fifo = g_strdup_printf ("%s: this is a pipe (FIFO), not a study file\n", fifo);
  {
    const char *cases[][2] = {
      { "", "no file name was given (the study's file name is empty)\n" },
      { text, expected_text },
      { fifo, expected_fifo },
    };
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        const char *argv[] = { exe, "--check", cases[i][0], NULL };
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;
        int status;

        g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                     &err, &status, &error));
        g_assert_no_error (error);
        g_assert_cmpstr (err, ==, cases[i][1]);
        g_assert_cmpstr (out, ==, "");
        g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
      }
  }
  g_unlink (text);
  g_unlink (fifo);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/study-limits/many-attributes", test_many_attributes);
  g_test_add_func ("/core/study-limits/many-attributes-after-errors",
                   test_many_attributes_after_errors);
  g_test_add_func ("/core/study-limits/attribute-limit", test_attribute_limit);
  g_test_add_func ("/core/study-limits/attribute-value-limit", test_attribute_value_limit);
  g_test_add_func ("/core/study-limits/name-limit", test_name_limit);
  g_test_add_func ("/core/study-limits/many-levers", test_many_levers);
  g_test_add_func ("/core/study-limits/text-lengths", test_text_lengths);
  g_test_add_func ("/core/study-limits/huge-text", test_huge_text);
  g_test_add_func ("/core/study-limits/validate-lengths", test_validate_lengths);
  g_test_add_func ("/core/study-limits/amount-cap", test_amount_cap);
  g_test_add_func ("/core/study-limits/discount-range", test_discount_range);
  g_test_add_func ("/core/study-limits/limits-finite", test_limits_finite);
  g_test_add_func ("/core/study-limits/limits-summary", test_limits_summary);
  g_test_add_func ("/core/study-limits/limits-documents", test_limits_documents);
  g_test_add_func ("/core/study-limits/damaged", test_damaged);
  g_test_add_func ("/core/study-limits/bad-files", test_bad_files);
  g_test_add_func ("/core/study-limits/fifo", test_fifo);
  g_test_add_func ("/core/study-limits/directory", test_directory);
  g_test_add_func ("/core/study-limits/devices", test_devices);
  g_test_add_func ("/core/study-limits/not-xml", test_not_xml);
  g_test_add_func ("/core/study-limits/empty-name", test_empty_name);
  g_test_add_func ("/core/study-limits/check-messages", test_check_messages);
  return g_test_run ();
}
