/* test-format.c: the one way money, years and counts are written. */
#include <glib.h>
#include <locale.h>

#include "lgr-format.h"

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
  g_test_add_func ("/core/format/financial-year", test_financial_year);
  g_test_add_func ("/core/format/count-and-decimal", test_count_and_decimal);
  g_test_add_func ("/core/format/locale-independent", test_locale_independent);
  return g_test_run ();
}
