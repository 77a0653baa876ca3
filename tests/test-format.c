/* test-format.c: the one way money, years, counts and numbers are written. */
#include <float.h>
#include <glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lgr-csv.h"
#include "lgr-format.h"
#include "lgr-number.h"
#include "lgr-results.h"
#include "lgr-rules.h"
#include "lgr-test-util.h"
#include "lgr-writer.h"

#define MINUS "\xe2\x88\x92"

static void
check (char *got, const char *expected)
{
  g_assert_cmpstr (got, ==, expected);
  g_free (got);
}

static void
test_money (void)
{
  check (lgr_format_money (0), "£0");
  check (lgr_format_money (1570), "£1,570");
  check (lgr_format_money (9999.4), "£9,999");
  check (lgr_format_money (10000), "£10k");
  check (lgr_format_money (450000), "£450k");
  check (lgr_format_money (999600), "£1.0m"); /* rounds up into the next unit */
  check (lgr_format_money (12345678), "£12.3m");
  check (lgr_format_money (341719000), "£341.7m");
  check (lgr_format_money (1234567890), "£1.2bn");
  check (lgr_format_money (10e9), "£10.0bn");
  check (lgr_format_money (-4.5e6), MINUS "£4.5m");
  check (lgr_format_money (-1570), MINUS "£1,570");
  check (lgr_format_money (-0.4), "£0"); /* no "minus nothing" */
  check (lgr_format_money (-20000), MINUS "£20k");
}

static void
test_money_exact (void)
{
  check (lgr_format_money_exact (37300000), "£37,300,000");
  check (lgr_format_money_exact (-12.4), MINUS "£12");
  check (lgr_format_money_exact (999.5), "£1,000");
  check (lgr_format_money_exact (0), "£0");
}

static void
test_money_tick (void)
{
  check (lgr_format_money_tick (0, 50e6), "£0");
  check (lgr_format_money_tick (50e6, 50e6), "£50m");
  check (lgr_format_money_tick (100e6, 50e6), "£100m");
  check (lgr_format_money_tick (2.5e6, 2.5e6), "£2.5m");
  check (lgr_format_money_tick (5e6, 2.5e6), "£5.0m");
  check (lgr_format_money_tick (-20e6, 10e6), MINUS "£20m");
  check (lgr_format_money_tick (250000, 250000), "£0.25m");
  check (lgr_format_money_tick (1500e6, 500e6), "£1,500m");
  check (lgr_format_money_tick (2e9, 1e9), "£2bn");
  check (lgr_format_money_tick (20000, 10000), "£20k");
  check (lgr_format_money_tick (500, 100), "£500");
  /* a value a hair off the tick, as floating point gives, still reads cleanly */
  check (lgr_format_money_tick (0.30000000000000004e6, 0.1e6), "£0.3m");
}

/* Every double gets a whole string: from a thousand trillion, a power of ten. */
static void
test_money_extremes (void)
{
  check (lgr_format_money (999e12), "£999,000bn");
  check (lgr_format_money (1e15), "£1.0×10¹⁵");
  check (lgr_format_money (1e200), "£1.0×10²⁰⁰");
  check (lgr_format_money (-1e200), MINUS "£1.0×10²⁰⁰");
  check (lgr_format_money (DBL_MAX), "£1.8×10³⁰⁸");
  check (lgr_format_money (-DBL_MAX), MINUS "£1.8×10³⁰⁸");
  check (lgr_format_money (9.96e20), "£1.0×10²¹"); /* the mantissa rounds up into the power */
  check (lgr_format_money (NAN), "—");
  check (lgr_format_money (-INFINITY), "—");
  check (lgr_format_money (1e-300), "£0");
  check (lgr_format_money (-DBL_TRUE_MIN), "£0");
  check (lgr_format_money_exact (1e200), "£1.0×10²⁰⁰");
  check (lgr_format_money_exact (123456789012345.0), "£123,456,789,012,345");
  check (lgr_format_money_tick (5e307, 5e307), "£5×10³⁰⁷");
  check (lgr_format_money_tick (1.5e308, 5e307), "£15×10³⁰⁷");
  check (lgr_format_money_tick (2.5e15, 2.5e15), "£2.5×10¹⁵");
  check (lgr_format_money_tick (1e-300, 1e-301), "£0");
  check (lgr_format_count (1e308, 0), "1.0×10³⁰⁸");
  check (lgr_format_count (-1e20, 2), MINUS "1.0×10²⁰");
  check (lgr_format_count (1e14, 0), "100,000,000,000,000");
  check (lgr_format_decimal (DBL_MAX, 2), "1.8×10³⁰⁸");
  check (lgr_format_decimal (1e-300, 2), "0");
  check (lgr_format_percent (1e300), "1.0×10³⁰⁰%");
  /* and never a cut string, whatever the double */
  g_autoptr (GRand) rand = g_rand_new_with_seed (12);
  for (int i = 0; i < 20000; i++)
    {
      guint64 bits = (guint64)g_rand_int (rand) << 32 | g_rand_int (rand);
      double v;
      memcpy (&v, &bits, sizeof v);
      g_autofree char *money = lgr_format_money (v);
      g_autofree char *exact = lgr_format_money_exact (v);
      g_autofree char *count = lgr_format_count (v, 1);
      g_assert_true (g_utf8_validate (money, -1, NULL));
      g_assert_cmpuint (strlen (money), <, 32);
      g_assert_cmpuint (strlen (exact), <, 40);
      g_assert_cmpuint (strlen (count), <, 40);
      g_assert_null (strstr (count, "inf"));
    }
}

static void
test_truncate (void)
{
  check (lgr_format_truncate ("Children looked after", 200), "Children looked after");
  check (lgr_format_truncate ("Children looked after", 8), "Children…");
  check (lgr_format_truncate ("£££££", 3), "£££…"); /* characters, not bytes */
  check (lgr_format_truncate ("abc", 3), "abc");
  check (lgr_format_truncate (NULL, 3), "");
  g_autofree char *long_text = g_strnfill (15 * 1024 * 1024, 'x');
  g_autofree char *cut = lgr_format_truncate (long_text, LGR_FORMAT_MAX_NAME_CHARS);
  g_assert_cmpint (g_utf8_strlen (cut, -1), ==, LGR_FORMAT_MAX_NAME_CHARS + 1);
  g_assert_true (g_str_has_suffix (cut, "x…"));
}

static void
test_financial_year (void)
{
  check (lgr_format_financial_year (2028), "2028/29");
  check (lgr_format_financial_year (1999), "1999/00");
  check (lgr_format_financial_year (2009), "2009/10");
  check (lgr_format_financial_year (2099), "2099/00");
}

static void
test_count_and_decimal (void)
{
  check (lgr_format_count (1234.56, 0), "1,235");
  check (lgr_format_count (716.95, 1), "717.0");
  check (lgr_format_count (-3, 0), MINUS "3");
  check (lgr_format_decimal (72.8, 2), "72.8");
  check (lgr_format_decimal (3.25, 2), "3.25");
  check (lgr_format_decimal (3.0, 2), "3");
  check (lgr_format_decimal (1234567.891, 1), "1,234,567.9");
  check (lgr_format_percent (75), "75%");
  check (lgr_format_percent (12.5), "12.5%");
}

/* Numbers (lgr-number.c) */

/* The formatter as it was first written, kept here as the definition the fast one must match:
 * the shortest of %.15g, %.16g, %.17g that reads back as the identical double. */
static void
reference_number (double value, char *buf)
{
  if (!isfinite (value))
    {
      strcpy (buf, isnan (value) ? "nan" : value > 0 ? "inf" : "-inf");
      return;
    }
  for (int precision = 15; precision <= 17; precision++)
    {
      const char *format = precision == 15 ? "%.15g" : precision == 16 ? "%.16g" : "%.17g";
      double back;
      g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, format, value);
      back = g_ascii_strtod (buf, NULL);
      if (memcmp (&back, &value, sizeof value) == 0)
        break;
    }
}

static double
from_bits (guint64 bits)
{
  double value;
  memcpy (&value, &bits, sizeof value);
  return value;
}

static guint64
random_bits (GRand *rand)
{
  return (guint64)g_rand_int (rand) << 32 | g_rand_int (rand);
}

/* The same text as the reference, the same from both entry points, and lgr_parse_number() gives
 * back the identical double. */
static void
check_number (double value)
{
  char expected[G_ASCII_DTOSTR_BUF_SIZE];
  char got[LGR_NUMBER_BUF_SIZE];
  gsize length;
  double back;

  reference_number (value, expected);
  length = lgr_number_to_buffer (value, got);
  if (strcmp (got, expected) != 0 || length != strlen (expected))
    g_error ("%a: got \"%s\" (%" G_GSIZE_FORMAT "), expected \"%s\"", value, got, length, expected);
  if (!isfinite (value))
    return;
  if (!lgr_parse_number (got, &back, NULL) || memcmp (&back, &value, sizeof value) != 0)
    g_error ("%a: \"%s\" does not read back", value, got);
}

static void
check_both_signs (double value)
{
  check_number (value);
  check_number (-value);
}

static void
test_number_examples (void)
{
  static const struct
  {
    double value;
    const char *text;
  } examples[] = {
    { 0, "0" },
    { -0.0, "-0" },
    { 72.8, "72.8" },
    { 0.1, "0.1" },
    { 0.3, "0.3" },
    { 0.1 + 0.2, "0.30000000000000004" },
    { 1e15, "1e+15" },
    { 123456789012345, "123456789012345" },
    { 1234567890123456, "1234567890123456" },
    { 12345678901234567, "12345678901234568" },
    { 0.0001, "0.0001" },
    { 0.00001, "1e-05" },
    { 1e100, "1e+100" },
    { -1234567.25, "-1234567.25" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *text = lgr_number_to_string (examples[i].value);
      g_assert_cmpstr (text, ==, examples[i].text);
      check_number (examples[i].value);
    }
  check_number (INFINITY);
  check_number (-INFINITY);
  check_number (NAN);
}

/* Random bit patterns: every exponent, mostly 17-digit numbers. */
static void
test_number_random_bits (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (8001);
  for (guint i = 0; i < 600000; i++)
    {
      double value = from_bits (random_bits (rand));
      if (isfinite (value))
        check_number (value);
    }
}

/* Short decimals as people type them: up to 15 significant digits, many exponents. */
static void
test_number_short_decimals (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (8002);
  for (guint i = 0; i < 300000; i++)
    {
      char text[64];
      int digits = g_rand_int_range (rand, 1, 16);
      guint64 mantissa = random_bits (rand) % (guint64)pow (10, digits);
      int exponent
          = i % 4 == 0 ? g_rand_int_range (rand, -330, 310) : g_rand_int_range (rand, -12, 12);
      g_snprintf (text, sizeof text, "%" G_GUINT64_FORMAT "e%d", mantissa, exponent);
      check_both_signs (g_ascii_strtod (text, NULL));
    }
}

/* Integers, small and up to and past 2^53, and halves and quarters near 2^50 (exact ties). */
static void
test_number_integers (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (8003);
  for (guint i = 0; i <= 100000; i++)
    check_both_signs (i);
  for (guint i = 0; i < 100000; i++)
    {
      int bits = g_rand_int_range (rand, 1, 64);
      guint64 n = random_bits (rand) >> (64 - bits);
      check_both_signs ((double)n);
      check_both_signs (ldexp ((double)(random_bits (rand) >> 11), -g_rand_int_range (rand, 0, 8)));
    }
}

/* Powers of ten and two and their neighbours; where %g changes between fixed and exponent. */
static void
test_number_powers (void)
{
  for (int k = -325; k <= 309; k++)
    {
      char text[16];
      g_snprintf (text, sizeof text, "1e%d", k);
      double p = g_ascii_strtod (text, NULL);
      if (!isfinite (p) || p == 0)
        continue;
      check_both_signs (p);
      for (int d = 1; d <= 9; d++)
        check_both_signs (p * d);
      check_both_signs (nextafter (p, 0));
      check_both_signs (nextafter (p, INFINITY));
      check_both_signs (nextafter (nextafter (p, 0), 0));
      check_both_signs (nextafter (nextafter (p, INFINITY), INFINITY));
    }
  for (int k = -1074; k <= 1023; k++)
    {
      double p = ldexp (1, k);
      check_both_signs (p);
      check_both_signs (nextafter (p, 0));
      check_both_signs (nextafter (p, INFINITY));
      check_both_signs (p * 3);
      check_both_signs (p * 5);
    }
}

/* Subnormals and the boundaries of the format. */
static void
test_number_subnormals_and_boundaries (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (8004);
  const double boundaries[] = {
    DBL_MIN,
    DBL_MAX,
    DBL_TRUE_MIN,
    DBL_EPSILON,
    9007199254740992.0,
    9007199254740993.0,
    4503599627370496.0,
    9.999999999999999e22,
    1e23,
    nextafter (DBL_MIN, 0),
    nextafter (DBL_MAX, 0),
    nextafter (DBL_TRUE_MIN, 1),
    0.00009999999999999999,
    999999999999999.9,
    9999999999999998.0,
    99999999999999999.0,
    385615574e11, /* exactly halfway between two doubles */
    579065906e11,
  };
  for (guint i = 0; i < G_N_ELEMENTS (boundaries); i++)
    check_both_signs (boundaries[i]);
  for (guint64 m = 1; m < 20000; m++)
    check_both_signs (from_bits (m));
  for (guint i = 0; i < 150000; i++)
    check_both_signs (from_bits (random_bits (rand) & ((G_GUINT64_CONSTANT (1) << 52) - 1)));
  /* the largest subnormals and smallest normals */
  for (guint64 m = 0; m < 10000; m++)
    {
      check_number (from_bits ((G_GUINT64_CONSTANT (1) << 52) - 1 - m));
      check_number (from_bits ((G_GUINT64_CONSTANT (1) << 52) + m));
    }
}

/* The writer and the CSV table (lgr-writer.c, lgr-csv.c) */

static char *
field (const char *text)
{
  LgrWriter *writer = lgr_writer_new_for_string ();
  lgr_csv_write_field (writer, text);
  return lgr_writer_free_to_string (writer);
}

static void
test_csv_fields (void)
{
  check (field ("north-lac"), "north-lac");
  check (field (""), "");
  check (field (NULL), "");
  check (field ("a,b"), "\"a,b\"");
  check (field ("say \"hi\""), "\"say \"\"hi\"\"\"");
  check (field ("two\nlines"), "\"two\nlines\"");
  check (field ("cr\r"), "\"cr\r\"");
  check (field ("semi;colon and space"), "semi;colon and space");
}

/* Money in the table: to the penny, a dot decimal, whole pounds without decimals, never -0. */
static void
test_csv_money (void)
{
  const struct
  {
    double pounds;
    const char *text;
  } cases[] = {
    { 13200000.000000002, "13200000" },
    { 0, "0" },
    { -0.0, "0" },
    { -0.004, "0" },
    { 0.005, "0.01" },
    { 35796330.5, "35796330.50" },
    { -18558004.819999997, "-18558004.82" },
    { 1e12 + 0.07, "1000000000000.07" },
    { -1234.567, "-1234.57" },
    { 0.1, "0.10" },
    { 1e17, "1e+17" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buffer[LGR_NUMBER_BUF_SIZE];
      gsize n = lgr_csv_money_to_buffer (cases[i].pounds, buffer);
      g_assert_cmpstr (buffer, ==, cases[i].text);
      g_assert_cmpuint (n, ==, strlen (cases[i].text));
    }
}

/* The bundled study's table (every scenario, named on each row, money to the penny). */
static void
test_csv_bundled (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autofree char *path
      = lgr_test_source_path ("tests", "files", "summary", "warwickshire.csv", NULL);
  g_autofree char *expected = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &expected, NULL, &error));
  g_assert_no_error (error);
  check (lgr_csv_results_to_string (results), expected);
}

/* A file writer writes out in chunks what a string writer keeps: the same bytes, many times the
 * buffer's size; a write that fails is reported at the end. */
static void
test_writer_file (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (8006);
  g_autoptr (LgrStudy) study = lgr_test_random_study (rand, 12, 10, 10, 60);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autoptr (GError) error = NULL;
  FILE *file = tmpfile ();
  gsize length = 0;

  {
    LgrWriter *writer = lgr_writer_new_for_string ();
    for (guint i = 0; i < 40; i++)
      {
        lgr_csv_write_results (writer, results);
        lgr_writer_append_number (writer, i * 0.1);
        lgr_writer_append (writer, " numbers, then a line\n");
      }
    expected = lgr_writer_free_to_string (writer);
  }
  g_assert_cmpuint (strlen (expected), >, 4 * 64 * 1024);

  g_assert_nonnull (file);
  {
    g_autoptr (LgrWriter) writer = lgr_writer_new_for_file (file);
    for (guint i = 0; i < 40; i++)
      {
        lgr_csv_write_results (writer, results);
        lgr_writer_append_number (writer, i * 0.1);
        lgr_writer_append_len (writer, " numbers, then a line\n", 22);
      }
    g_assert_true (lgr_writer_finish (writer));
  }
  length = (gsize)ftell (file);
  g_assert_cmpuint (length, ==, strlen (expected));
  got = g_malloc0 (length + 1);
  rewind (file);
  g_assert_cmpuint (fread (got, 1, length, file), ==, length);
  g_assert_cmpstr (got, ==, expected);
  fclose (file);

  file = fopen ("/dev/full", "w");
  if (file == NULL)
    return;
  {
    g_autoptr (LgrWriter) writer = lgr_writer_new_for_file (file);
    lgr_writer_append (writer, expected);
    g_assert_false (lgr_writer_finish (writer));
  }
  fclose (file);
}

/* The same output whatever the C locale (LC_ALL=de_DE.UTF-8 runs this file again). */
static void
test_locale_independent (void)
{
  const char *old = setlocale (LC_NUMERIC, NULL);
  g_autofree char *saved = g_strdup (old);
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("de_DE.UTF-8 locale not generated on this machine");
      return;
    }
  check (lgr_format_money (12345678), "£12.3m");
  check (lgr_format_decimal (72.8, 2), "72.8");
  check (lgr_format_money_tick (2.5e6, 2.5e6), "£2.5m");
  check (lgr_number_to_string (1234567.25), "1234567.25");
  check (lgr_number_to_string (-0.000123), "-0.000123");
  check (lgr_number_to_string (1.5e-7), "1.5e-07");
  {
    g_autoptr (GRand) rand = g_rand_new_with_seed (8005);
    for (guint i = 0; i < 10000; i++)
      check_number (g_rand_double_range (rand, -1e6, 1e6));
  }
  setlocale (LC_NUMERIC, saved);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/format/money", test_money);
  g_test_add_func ("/core/format/money-exact", test_money_exact);
  g_test_add_func ("/core/format/money-tick", test_money_tick);
  g_test_add_func ("/core/format/money-extremes", test_money_extremes);
  g_test_add_func ("/core/format/truncate", test_truncate);
  g_test_add_func ("/core/format/financial-year", test_financial_year);
  g_test_add_func ("/core/format/count-and-decimal", test_count_and_decimal);
  g_test_add_func ("/core/format/number/examples", test_number_examples);
  g_test_add_func ("/core/format/number/random-bits", test_number_random_bits);
  g_test_add_func ("/core/format/number/short-decimals", test_number_short_decimals);
  g_test_add_func ("/core/format/number/integers", test_number_integers);
  g_test_add_func ("/core/format/number/powers", test_number_powers);
  g_test_add_func ("/core/format/number/subnormals-and-boundaries",
                   test_number_subnormals_and_boundaries);
  g_test_add_func ("/core/format/csv/fields", test_csv_fields);
  g_test_add_func ("/core/format/csv/bundled", test_csv_bundled);
  g_test_add_func ("/core/format/csv/money", test_csv_money);
  g_test_add_func ("/core/format/writer/file", test_writer_file);
  g_test_add_func ("/core/format/locale-independent", test_locale_independent);
  return g_test_run ();
}
