/* lgr-number.c: numbers written so that they read back as the identical double.
 *
 * The definition is the slow, obviously right way (number_reference below): print the value with
 * "%.15g"; if strtod() does not give back the identical double, try "%.16g", then "%.17g" (which
 * always does). printf rounds the exact binary value to the nearest decimal of that many
 * significant digits (ties to even), and strtod() rounds a decimal to the nearest double (ties
 * to even). That costs about a microsecond a number: three printf and strtod calls.
 *
 * The fast path gets the same answer with integer arithmetic. For v = m * 2^e it computes
 * S = v * 10^(16 - x), scaled so that 10^16 <= S < 10^17 (x is then the decimal exponent of v),
 * as a 128-bit fixed-point number with 64 fraction bits, from a table of 128-bit powers of ten
 * (lgr-number-table.h). Its error is under 3 units of the last bit. Then, for 15, 16 and 17
 * digits:
 *
 *   - the digits are S / 10^(17 - P), rounded to nearest;
 *   - they read back as v when their distance D to S is less than half the gap between v and its
 *     neighbours, H = 2^(e-1) * 10^(16 - x) in the same units (half that below v when v is the
 *     smallest mantissa of its binade; a distance of exactly H reads back as v when m is even).
 *
 * When S is exact (v below 10^17 with a short binary fraction: integers, halves, 2^-23 ...),
 * every decision is exact too, ties included: halfway digits round to even as printf does. When S
 * is an approximation and a decision is closer than its error bound: a decimal exactly halfway
 * between two integers from 10^17 to 10^38 is decided in exact 128-bit integers; anything else
 * (which happens by chance, about once in 2^60) goes to the reference. The tests compare the two on
 * millions of doubles of every kind. (A compiler without 128-bit integers, such as gcc for a
 * 32-bit processor, gets the reference for every number: the same text, only slower.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-number.h"

#include <math.h>
#include <string.h>

#include "lgr-number-table.h"

/* The definition: shortest of %.15g, %.16g, %.17g that reads back as the identical double. */
static gsize
number_reference (double value, char *buffer)
{
  for (int precision = 15; precision <= 17; precision++)
    {
      const char *format = precision == 15 ? "%.15g" : precision == 16 ? "%.16g" : "%.17g";
      double back;
      g_ascii_formatd (buffer, LGR_NUMBER_BUF_SIZE, format, value);
      back = g_ascii_strtod (buffer, NULL);
      if (memcmp (&back, &value, sizeof value) == 0)
        break;
    }
  return strlen (buffer);
}

/* Writes what printf's "%.<precision>g" writes for the decimal digits * 10^(exponent - precision
 * + 1), where digits has exactly precision digits: trailing zeros dropped, an exponent when
 * exponent < -4 or exponent >= precision. */
static const char digit_pairs[] = "00010203040506070809"
                                  "10111213141516171819"
                                  "20212223242526272829"
                                  "30313233343536373839"
                                  "40414243444546474849"
                                  "50515253545556575859"
                                  "60616263646566676869"
                                  "70717273747576777879"
                                  "80818283848586878889"
                                  "90919293949596979899";

static gsize
write_g (char *buffer, gboolean negative, guint64 digits, int precision, int exponent)
{
  char text[20];
  int n = precision;
  char *p = buffer;

  /* drop trailing zeros, eight, four, two, then one at a time */
  while (n > 8 && digits % 100000000 == 0)
    digits /= 100000000, n -= 8;
  if (n > 4 && digits % 10000 == 0)
    digits /= 10000, n -= 4;
  if (n > 2 && digits % 100 == 0)
    digits /= 100, n -= 2;
  if (n > 1 && digits % 10 == 0)
    digits /= 10, n--;
  int i = n;
  while (i >= 2)
    {
      i -= 2;
      memcpy (text + i, digit_pairs + 2 * (digits % 100), 2);
      digits /= 100;
    }
  if (i == 1)
    text[0] = (char)('0' + digits);

  if (negative)
    *p++ = '-';
  if (exponent < -4 || exponent >= precision)
    {
      int a = ABS (exponent);
      *p++ = text[0];
      if (n > 1)
        {
          *p++ = '.';
          memcpy (p, text + 1, n - 1);
          p += n - 1;
        }
      *p++ = 'e';
      *p++ = exponent < 0 ? '-' : '+';
      if (a >= 100)
        *p++ = (char)('0' + a / 100);
      *p++ = (char)('0' + a / 10 % 10);
      *p++ = (char)('0' + a % 10);
    }
  else if (exponent >= 0)
    {
      int whole = exponent + 1;
      if (n <= whole)
        {
          memcpy (p, text, n);
          p += n;
          memset (p, '0', whole - n);
          p += whole - n;
        }
      else
        {
          memcpy (p, text, whole);
          p += whole;
          *p++ = '.';
          memcpy (p, text + whole, n - whole);
          p += n - whole;
        }
    }
  else
    {
      *p++ = '0';
      *p++ = '.';
      memset (p, '0', -exponent - 1);
      p += -exponent - 1;
      memcpy (p, text, n);
      p += n;
    }
  *p = '\0';
  return (gsize)(p - buffer);
}

#ifdef __SIZEOF_INT128__

typedef unsigned __int128 LgrU128;
typedef __int128 LgrS128;

/* Decisions closer than this (in units of 2^-64 of S) are left to the reference. */
#define MARGIN 8

#define POW10_16 G_GUINT64_CONSTANT (10000000000000000)
#define POW10_17 G_GUINT64_CONSTANT (100000000000000000)

/* a is within MARGIN of b */
static inline gboolean
too_close (LgrU128 a, LgrU128 b)
{
  return (a > b ? a - b : b - a) <= MARGIN;
}

/* Rounds S (fixed point, 64 fraction bits) divided by divisor to the nearest integer. When s is
 * exact, halfway rounds to even as printf does; when it is an approximation, FALSE if S / divisor
 * is too close to halfway to tell. */
static inline gboolean
round_scaled (LgrU128 s, guint64 divisor, gboolean exact, guint64 *rounded)
{
  guint64 whole = (guint64)(s >> 64);
  guint64 quotient = whole / divisor;
  LgrU128 rest = ((LgrU128)(whole % divisor) << 64) | (guint64)s;
  LgrU128 half = (LgrU128)divisor << 63;

  if (exact && rest == half)
    {
      *rounded = quotient + (quotient & 1);
      return TRUE;
    }
  if (!exact && too_close (rest, half))
    return FALSE;
  *rounded = quotient + (rest > half);
  return TRUE;
}

/* Whether the decimal c (in units of S) reads back as v: its distance to S against the half gaps
 * above and below v; exactly half a gap reads back as v when its mantissa is even (strtod rounds
 * halfway to even). FALSE in *decided if the approximations are too close to tell. */
static inline gboolean
reads_back (LgrU128 s, guint64 c, LgrU128 half_up, LgrU128 half_down, gboolean m_even,
            gboolean exact, gboolean *decided)
{
  LgrS128 d = (LgrS128)((LgrU128)c << 64) - (LgrS128)s;
  LgrU128 distance = d >= 0 ? (LgrU128)d : (LgrU128)-d;
  LgrU128 half = d >= 0 ? half_up : half_down;

  *decided = exact || !too_close (distance, half);
  return distance < half || (distance == half && m_even);
}

/* For an integer v = m * 2^e from 10^17 to 10^38 (decimal exponent 17 <= x <= 37, so e >= 4),
 * whether the decimal c * 10^(x - 16) reads back as v, decided exactly in 128-bit integers: such
 * a decimal can sit exactly halfway between two doubles (385615574e11 does), which the
 * approximation cannot tell from just inside or outside. */
static gboolean
reads_back_integer (guint64 m, int e, gboolean smallest_mantissa, guint64 c, int x)
{
  LgrU128 v = (LgrU128)m << e;
  LgrU128 decimal = c, distance, half;

  for (int i = 16; i < x; i++)
    decimal *= 10;
  if (decimal >= v)
    {
      distance = decimal - v;
      half = (LgrU128)1 << (e - 1);
    }
  else
    {
      distance = v - decimal;
      half = (LgrU128)1 << (smallest_mantissa ? e - 2 : e - 1);
    }
  return distance < half || (distance == half && (m & 1) == 0);
}

/* The fast path; FALSE when the reference must decide. */
static gboolean
number_fast (double value, char *buffer, gsize *length)
{
  guint64 bits, m, digits;
  int biased, e, shift, x;
  gboolean negative, decided;
  const LgrPow10 *pow10 = NULL;
  LgrU128 s = 0, half_up, half_down, c;
  gboolean exact = FALSE;

  memcpy (&bits, &value, sizeof bits);
  negative = (bits >> 63) != 0;
  biased = (int)((bits >> 52) & 0x7ff);
  m = bits & ((G_GUINT64_CONSTANT (1) << 52) - 1);
  if (biased == 0)
    e = -1074;
  else
    {
      m |= G_GUINT64_CONSTANT (1) << 52;
      e = biased - 1075;
    }

  /* m * 2^e with m shifted up to 64 bits; x from floor(log2 v) * log10(2), maybe one too low. */
  int z = __builtin_clzll (m);
  guint64 top = m << z;
  x = ((e - z + 63) * 78913) >> 18;
  for (int tries = 0;; tries++)
    {
      int k = 16 - x;
      if (tries > 2 || k < LGR_POW10_MIN || k > LGR_POW10_MAX)
        return FALSE;
      pow10 = &lgr_pow10[k - LGR_POW10_MIN];
      shift = -(e - z + pow10->exp + 64) - 64;
      if (shift < 1 || shift > 63)
        return FALSE;
      LgrU128 low = (LgrU128)top * pow10->lo;
      LgrU128 high = (LgrU128)top * pow10->hi + (low >> 64);
      s = high >> shift;
      /* s is exact when 10^k is (0 <= k <= LGR_POW10_EXACT_MAX) and no bit was shifted out */
      exact = k >= 0 && k <= LGR_POW10_EXACT_MAX && (guint64)low == 0
              && (high & (((LgrU128)1 << shift) - 1)) == 0;
      guint64 whole = (guint64)(s >> 64);
      if (whole < POW10_16)
        x--;
      else if (whole >= POW10_17)
        x++;
      else
        break;
    }

  /* Half the gap to the neighbours, 2^(e-1) * 10^k, in the units of s. */
  shift = -(e + pow10->exp + 63);
  if (shift < 1 || shift > 127)
    return FALSE;
  c = ((LgrU128)pow10->hi << 64) | pow10->lo;
  half_up = c >> shift;
  exact = exact && (c & (((LgrU128)1 << shift) - 1)) == 0;
  half_down = half_up;
  gboolean smallest_mantissa = m == (G_GUINT64_CONSTANT (1) << 52) && biased > 1;
  if (smallest_mantissa)
    {
      exact = exact && (half_up & 1) == 0;
      half_down = half_up / 2;
    }

  static const guint64 divisors[] = { 100, 10 };
  for (int i = 0; i < 2; i++)
    {
      int precision = 15 + i;
      if (!round_scaled (s, divisors[i], exact, &digits))
        return FALSE;
      gboolean back
          = reads_back (s, digits * divisors[i], half_up, half_down, (m & 1) == 0, exact, &decided);
      if (!decided && x >= 17 && x <= 37)
        back = reads_back_integer (m, e, smallest_mantissa, digits * divisors[i], x);
      else if (!decided)
        return FALSE;
      if (back)
        {
          guint64 limit = i == 0 ? POW10_16 / 10 : POW10_16;
          if (digits == limit)
            *length = write_g (buffer, negative, digits / 10, precision, x + 1);
          else
            *length = write_g (buffer, negative, digits, precision, x);
          return TRUE;
        }
    }

  if (!round_scaled (s, 1, exact, &digits))
    return FALSE;
  if (digits == POW10_17)
    *length = write_g (buffer, negative, digits / 10, 17, x + 1);
  else
    *length = write_g (buffer, negative, digits, 17, x);
  return TRUE;
}

#else

static gboolean
number_fast (double value, char *buffer, gsize *length)
{
  return FALSE;
}

#endif

gsize
lgr_number_to_buffer (double value, char *buffer)
{
  gsize length;

  if (!isfinite (value))
    {
      const char *word = isnan (value) ? "nan" : value > 0 ? "inf" : "-inf";
      length = strlen (word);
      memcpy (buffer, word, length + 1);
      return length;
    }
  if (value == 0)
    {
      gboolean negative = signbit (value) != 0;
      memcpy (buffer, negative ? "-0" : "0", negative ? 3 : 2);
      return negative ? 2 : 1;
    }
  if (number_fast (value, buffer, &length))
    return length;
  return number_reference (value, buffer);
}

char *
lgr_number_to_string (double value)
{
  char buffer[LGR_NUMBER_BUF_SIZE];
  gsize length = lgr_number_to_buffer (value, buffer);
  return g_strndup (buffer, length);
}
