/* lgr-format.c: money, years and counts the British way, independent of the C locale.
 *
 * The app is about English councils, so figures always read £1,570.5 - never £1.570,5 - even
 * when the desktop runs in another locale. All formatting goes through g_ascii_formatd.
 *
 * Every double gets a whole, correct string: figures of a thousand trillion (10^15) and more,
 * which no council has but absurd inputs can produce, are written as powers of ten (£1.8×10³⁰⁸)
 * rather than as hundreds of digits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-format.h"

#include <math.h>
#include <string.h>

#define MINUS_SIGN "\xe2\x88\x92" /* U+2212, reads as "minus" and lines up with digits */
#define TIMES_SIGN "\xc3\x97"     /* U+00D7 */

/* From here on a figure is written as a power of ten: a thousand trillion. */
#define SCIENTIFIC_FROM 1e15
#define MAX_DECIMALS 6

/* Writes |value| with decimals, grouping the integer part in thousands: 1234567.8 -> 1,234,567.8.
 * Callers keep |value| under SCIENTIFIC_FROM, so the buffer always holds every digit. */
static void
append_grouped (GString *out, double value, int decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 64];
  char format[16];
  decimals = CLAMP (decimals, 0, MAX_DECIMALS);
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buf, sizeof buf, format, fabs (value));

  const char *dot = strchr (buf, '.');
  gsize int_len = dot ? (gsize)(dot - buf) : strlen (buf);
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, buf[i]);
    }
  if (dot)
    g_string_append (out, dot);
}

/* Rounds as printf would at that many decimals, so the sign test sees what is shown. */
static double
round_to (double value, int decimals)
{
  double scale = pow (10, decimals);
  return round (value * scale) / scale;
}

/* Appends 10^exponent as "×10" and superscript digits: ×10³⁰⁸, ×10⁻³⁰⁰. */
static void
append_power_of_ten (GString *out, int exponent)
{
  static const char *const superscript[]
      = { "\xe2\x81\xb0", "\xc2\xb9",     "\xc2\xb2",     "\xc2\xb3",     "\xe2\x81\xb4",
          "\xe2\x81\xb5", "\xe2\x81\xb6", "\xe2\x81\xb7", "\xe2\x81\xb8", "\xe2\x81\xb9" };
  char digits[16];
  g_snprintf (digits, sizeof digits, "%d", ABS (exponent));
  g_string_append (out, TIMES_SIGN "10");
  if (exponent < 0)
    g_string_append (out, "\xe2\x81\xbb"); /* superscript minus */
  for (const char *d = digits; *d; d++)
    g_string_append (out, superscript[*d - '0']);
}

/* prefix (may be empty) and |value| as mantissa×10^exponent with one decimal: £1.8×10³⁰⁸. */
static char *
scientific (double value, const char *prefix)
{
  double a = fabs (value);
  int exponent = (int)floor (log10 (a));
  double mantissa = round_to (a / pow (10, exponent), 1);
  if (mantissa >= 10) /* 9.96 rounds up to the next power */
    mantissa /= 10, exponent++;
  GString *out = g_string_new (NULL);
  if (value < 0)
    g_string_append (out, MINUS_SIGN);
  g_string_append (out, prefix);
  append_grouped (out, mantissa, 1);
  append_power_of_ten (out, exponent);
  return g_string_free (out, FALSE);
}

static char *
money_with_unit (double pounds, double unit, const char *suffix, int decimals)
{
  double scaled = round_to (pounds / unit, decimals);
  if (fabs (scaled) * unit >= SCIENTIFIC_FROM)
    return scientific (pounds, "£");
  GString *out = g_string_new (NULL);
  if (scaled < 0)
    g_string_append (out, MINUS_SIGN);
  g_string_append (out, "£");
  append_grouped (out, scaled, decimals);
  g_string_append (out, suffix);
  return g_string_free (out, FALSE);
}

char *
lgr_format_money (double pounds)
{
  if (!isfinite (pounds))
    return g_strdup ("—");

  double a = fabs (pounds);
  /* Choose the unit after rounding, so £999,600 reads £1.0m and not £1,000k. */
  if (round_to (a / 1e6, 1) >= 1000)
    return money_with_unit (pounds, 1e9, "bn", a >= 1e11 ? 0 : 1);
  if (round_to (a / 1e3, 0) >= 1000)
    return money_with_unit (pounds, 1e6, "m", 1);
  if (round (a) >= 10000)
    return money_with_unit (pounds, 1e3, "k", 0);
  return money_with_unit (pounds, 1, "", 0);
}

char *
lgr_format_money_exact (double pounds)
{
  if (!isfinite (pounds))
    return g_strdup ("—");
  return money_with_unit (pounds, 1, "", 0); /* from 10^15 a power of ten: no digits to trust */
}

/* Fewest decimals (0..4) that show value exactly enough. */
static int
decimals_for (double value)
{
  for (int d = 0; d < 4; d++)
    {
      double scaled = fabs (value) * pow (10, d);
      if (fabs (scaled - round (scaled)) < MAX (1e-6, scaled * 1e-12))
        return d;
    }
  return 4;
}

char *
lgr_format_money_tick (double pounds, double step)
{
  if (!isfinite (pounds))
    return g_strdup ("—");
  step = fabs (step);
  if (fabs (pounds) < step * 1e-9 || pounds == 0)
    return g_strdup ("£0");

  if (step >= SCIENTIFIC_FROM || !isfinite (step))
    {
      /* one power of ten for the whole axis, from the step: £5×10³⁰⁷, £10×10³⁰⁷ */
      int exponent = isfinite (step) ? (int)floor (log10 (step)) : 300;
      double unit = pow (10, exponent);
      GString *out = g_string_new (NULL);
      double scaled = round_to (pounds / unit, decimals_for (step / unit));
      if (scaled < 0)
        g_string_append (out, MINUS_SIGN);
      g_string_append (out, "£");
      append_grouped (out, scaled, decimals_for (step / unit));
      append_power_of_ten (out, exponent);
      return g_string_free (out, FALSE);
    }

  double unit = 1;
  const char *suffix = "";
  if (step >= 1e9)
    unit = 1e9, suffix = "bn";
  else if (step >= 1e5)
    unit = 1e6, suffix = "m";
  else if (step >= 1e3)
    unit = 1e3, suffix = "k";
  return money_with_unit (pounds, unit, suffix, decimals_for (step / unit));
}

char *
lgr_format_financial_year (int year)
{
  return g_strdup_printf ("%d/%02d", year, ((year % 100) + 101) % 100);
}

char *
lgr_format_count (double value, int decimals)
{
  if (!isfinite (value))
    return g_strdup ("—");
  if (fabs (value) >= SCIENTIFIC_FROM)
    return scientific (value, "");
  decimals = CLAMP (decimals, 0, MAX_DECIMALS);
  double shown = round_to (value, decimals);
  GString *out = g_string_new (NULL);
  if (shown < 0)
    g_string_append (out, MINUS_SIGN);
  append_grouped (out, shown, decimals);
  return g_string_free (out, FALSE);
}

char *
lgr_format_decimal (double value, int max_decimals)
{
  if (!isfinite (value))
    return g_strdup ("—");
  if (fabs (value) >= SCIENTIFIC_FROM)
    return scientific (value, "");
  max_decimals = CLAMP (max_decimals, 0, MAX_DECIMALS);
  double shown = round_to (value, max_decimals);
  int decimals = MIN (decimals_for (shown), max_decimals);
  return lgr_format_count (shown, decimals);
}

char *
lgr_format_percent (double percent)
{
  g_autofree char *number = lgr_format_decimal (percent, 2);
  return g_strconcat (number, "%", NULL);
}

char *
lgr_format_truncate (const char *text, gsize max_chars)
{
  if (text == NULL)
    return g_strdup ("");
  /* walk at most max_chars characters: never the whole of a long text */
  const char *p = text;
  for (gsize n = 0; *p && n < max_chars; n++)
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return g_strdup (text);
  GString *out = g_string_new_len (text, p - text);
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}
