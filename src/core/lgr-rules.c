/* lgr-rules.c: the value rules of docs/format.md, shared by the loader and the editors.
 *
 * Numbers are read and written with g_ascii_strtod() and g_ascii_formatd(), never with the C
 * library's locale-dependent functions, so a German desktop (decimal comma) reads and writes
 * the same files as an English one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-rules.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lgr-published.h"
#include "lgr-snapshot.h"
#include "lgr-uncertainty-rules.h"

G_DEFINE_QUARK (lgr - study - error - quark, lgr_study_error)

/* Numbers */

/* The syntax of docs/format.md: -?(digits)(.digits?)?([eE][+-]?digits)?, or a number starting with
 * a dot. Returns TRUE if all of text matches; *whole says whether it has no fraction or
 * exponent. */
static gboolean
number_syntax_ok (const char *text, gboolean *whole)
{
  const char *p = text;
  gsize before = 0, after = 0;

  *whole = TRUE;
  if (*p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++, before++;
  if (*p == '.')
    {
      *whole = FALSE;
      p++;
      while (g_ascii_isdigit (*p))
        p++, after++;
    }
  if (before + after == 0)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      gsize exp_digits = 0;
      *whole = FALSE;
      p++;
      if (*p == '+' || *p == '-')
        p++;
      while (g_ascii_isdigit (*p))
        p++, exp_digits++;
      if (exp_digits == 0)
        return FALSE;
    }
  return *p == '\0';
}

static gboolean
is_non_finite_word (const char *text)
{
  const char *p = text;
  if (*p == '-' || *p == '+')
    p++;
  return g_ascii_strcasecmp (p, "nan") == 0 || g_ascii_strcasecmp (p, "inf") == 0
         || g_ascii_strcasecmp (p, "infinity") == 0;
}

/* Sets the message for text that is not a number at all, with a hint where one helps. */
static void
set_not_a_number (const char *text, const char *what, GError **error)
{
  g_autofree char *with_dot = g_strdelimit (g_strdup (text), ",", '.');
  gboolean whole;
  const char *trimmed_start = text;
  gsize len = strlen (text);

  while (g_ascii_isspace (*trimmed_start))
    trimmed_start++;

  if (*trimmed_start == '\0')
    {
      if (what)
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                     /* Translators: %s is what the value is, e.g. "target rate" */
                     _ ("%s is empty: a number is needed"), what);
      else
        g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                             _ ("a number is needed, but the value is empty"));
      return;
    }

  const char *hint;
  if (strchr (text, ',') && number_syntax_ok (with_dot, &whole))
    hint = _ (" (use a dot for decimals, not a comma)");
  else if (is_non_finite_word (text))
    hint = _ (" (only finite numbers are allowed)");
  else if (g_ascii_isspace (text[0]) || g_ascii_isspace (text[len - 1]))
    hint = _ (" (remove the spaces around it)");
  else if (g_str_has_prefix (text, "0x") || g_str_has_prefix (text, "0X")
           || g_str_has_prefix (text, "-0x"))
    hint = _ (" (write it in decimal)");
  else if (text[0] == '+')
    hint = _ (" (leave out the plus sign)");
  else
    hint = "";

  if (what)
    g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                 /* Translators: "target rate “1,5” is not a number (use a dot ...)" */
                 _ ("%s “%s” is not a number%s"), what, text, hint);
  else
    g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID, _ ("“%s” is not a number%s"),
                 text, hint);
}

gboolean
lgr_parse_number_for (const char *text, const char *what, double *value, GError **error)
{
  gboolean whole;
  char *end = NULL;
  double v;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!number_syntax_ok (text, &whole))
    {
      set_not_a_number (text, what, error);
      return FALSE;
    }
  errno = 0;
  v = g_ascii_strtod (text, &end);
  if (end == NULL || *end != '\0')
    {
      set_not_a_number (text, what, error);
      return FALSE;
    }
  if (!isfinite (v))
    {
      if (what)
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                     _ ("%s “%s” is too large to be a number"), what, text);
      else
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                     _ ("“%s” is too large to be a number"), text);
      return FALSE;
    }
  if (value)
    *value = v;
  return TRUE;
}

gboolean
lgr_parse_number (const char *text, double *value, GError **error)
{
  return lgr_parse_number_for (text, NULL, value, error);
}

gboolean
lgr_parse_int_for (const char *text, const char *what, int *value, GError **error)
{
  const char *p = text;
  gboolean whole;
  gint64 v = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (*p == '-')
    p++;
  if (*p == '\0' || !number_syntax_ok (text, &whole))
    {
      set_not_a_number (text, what, error);
      return FALSE;
    }
  for (; *p; p++)
    {
      if (!g_ascii_isdigit (*p))
        {
          if (what)
            g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                         /* Translators: "first year “2025.5” is not a whole number" */
                         _ ("%s “%s” is not a whole number"), what, text);
          else
            g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                         _ ("“%s” is not a whole number"), text);
          return FALSE;
        }
      v = v * 10 + (*p - '0');
      if (v > G_MAXINT)
        {
          if (what)
            g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                         _ ("%s “%s” is too large"), what, text);
          else
            g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID, _ ("“%s” is too large"),
                         text);
          return FALSE;
        }
    }
  if (value)
    *value = text[0] == '-' ? (int)-v : (int)v;
  return TRUE;
}

gboolean
lgr_parse_int (const char *text, int *value, GError **error)
{
  return lgr_parse_int_for (text, NULL, value, error);
}

gboolean
lgr_parse_profile (const char *text, LgrProfile *profile, GError **error)
{
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  const char *p = text;

  g_return_val_if_fail (text != NULL, FALSE);

  while (*p)
    {
      const char *start;
      g_autofree char *token = NULL;
      double v;

      while (*p && g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;
      start = p;
      while (*p && !g_ascii_isspace (*p))
        p++;
      token = g_strndup (start, p - start);
      if (strchr (token, ',') != NULL)
        {
          g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                       _ ("“%s” in the profile is not a number (separate percentages with "
                          "spaces and use a dot for decimals)"),
                       token);
          return FALSE;
        }
      if (!lgr_parse_number_for (token, NULL, &v, NULL)
          && !lgr_parse_number_for (token, _ ("profile percentage"), &v, error))
        return FALSE;
      if (!lgr_range_contains (LGR_RANGE_PROFILE, v)
          && !lgr_check_range (LGR_RANGE_PROFILE, v, _ ("profile percentage"), error))
        return FALSE;
      g_array_append_val (values, v);
    }
  if (values->len == 0)
    {
      g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                           _ ("the profile is empty: it needs at least one percentage"));
      return FALSE;
    }
  if (profile)
    lgr_profile_set (profile, (const double *)values->data, values->len);
  return TRUE;
}

char *
lgr_profile_to_string (const LgrProfile *profile)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < profile->n; i++)
    {
      g_autofree char *n = lgr_number_to_string (profile->values[i]);
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, n);
    }
  return g_string_free (s, FALSE);
}

/* Ranges */

typedef struct
{
  double min, max;
  gboolean whole;          /* whole numbers only */
  gboolean above_min_only; /* (min, max] rather than [min, max] */
} Limits;

static gboolean
range_limits (LgrRange range, Limits *l)
{
  *l = (Limits){ 0 };
  switch (range)
    {
    case LGR_RANGE_YEARS:
      l->min = 1, l->max = 60, l->whole = TRUE;
      return TRUE;
    case LGR_RANGE_FIRST_YEAR:
      l->min = 1900, l->max = 2200, l->whole = TRUE;
      return TRUE;
    case LGR_RANGE_YEAR:
      l->min = 1800, l->max = 2300, l->whole = TRUE;
      return TRUE;
    case LGR_RANGE_NON_NEGATIVE:
      l->min = 0, l->max = LGR_MAX_AMOUNT;
      return TRUE;
    case LGR_RANGE_RATE:
      l->min = 0, l->max = 10000;
      return TRUE;
    case LGR_RANGE_PROFILE:
      l->min = 0, l->max = 100;
      return TRUE;
    case LGR_RANGE_GROWTH:
      l->min = -100, l->max = 1000;
      return TRUE;
    case LGR_RANGE_WEEKS:
      l->min = 0, l->max = 53, l->above_min_only = TRUE;
      return TRUE;
    case LGR_RANGE_SETTING_PERCENT:
      l->min = 0, l->max = 1000;
      return TRUE;
    case LGR_RANGE_DISCOUNT:
      l->min = -50, l->max = 100;
      return TRUE;
    case LGR_RANGE_DRAWS:
      l->min = 100, l->max = 1000000, l->whole = TRUE;
      return TRUE;
    case LGR_RANGE_SEED:
      l->min = 0, l->max = 9007199254740992.0, l->whole = TRUE;
      return TRUE;
    case LGR_RANGE_PERCENT:
      l->min = 0, l->max = 100;
      return TRUE;
    case LGR_RANGE_MONEY:
      l->min = -LGR_MAX_AMOUNT, l->max = LGR_MAX_AMOUNT;
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
lgr_range_contains (LgrRange range, double value)
{
  Limits l;
  if (!range_limits (range, &l) || !isfinite (value))
    return FALSE;
  if (l.whole && value != floor (value))
    return FALSE;
  if (l.above_min_only)
    return value > l.min && value <= l.max;
  return value >= l.min && value <= l.max;
}

gboolean
lgr_check_range (LgrRange range, double value, const char *what, GError **error)
{
  Limits l;
  g_autofree char *v = NULL;
  g_autofree char *smin = NULL;
  g_autofree char *smax = NULL;

  g_return_val_if_fail (range_limits (range, &l), FALSE);
  if (lgr_range_contains (range, value))
    return TRUE;

  if (what == NULL)
    what = _ ("the value");
  if (!isfinite (value))
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID, _ ("%s is not a finite number"),
                   what);
      return FALSE;
    }
  v = lgr_number_to_string (value);
  if (l.whole && value != floor (value))
    g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID, _ ("%s %s is not a whole number"),
                 what, v);
  else if (range == LGR_RANGE_NON_NEGATIVE && value < 0)
    g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                 /* Translators: "population -5 cannot be negative" */
                 _ ("%s %s cannot be negative"), what, v);
  else if (range == LGR_RANGE_NON_NEGATIVE)
    g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                 /* Translators: "total 2e12 is more than 1000000000000 (a trillion), the largest
                    amount a study may hold" */
                 _ ("%s %s is more than 1000000000000 (a trillion), the largest amount a study "
                    "may hold"),
                 what, v);
  else
    {
      smin = lgr_number_to_string (l.min);
      smax = lgr_number_to_string (l.max);
      if (l.above_min_only)
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                     /* Translators: "weeks per year 60 is not more than 0 and at most 53" */
                     _ ("%s %s is not more than %s and at most %s"), what, v, smin, smax);
      else
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                     /* Translators: "target rate 12000 is not between 0 and 10000" */
                     _ ("%s %s is not between %s and %s"), what, v, smin, smax);
    }
  return FALSE;
}

/* Ids, colours, text */

guint
lgr_length_max (LgrLength length)
{
  switch (length)
    {
    case LGR_LENGTH_ID:
      return 64;
    case LGR_LENGTH_NOTE:
      return 10000;
    case LGR_LENGTH_NAME:
    default:
      return 200;
    }
}

gboolean
lgr_check_length (const char *text, LgrLength length, const char *what, GError **error)
{
  guint max = lgr_length_max (length);
  glong n;

  /* bytes first: no text has fewer characters than bytes / 4 */
  if (text == NULL || strnlen (text, max + 1) <= max)
    return TRUE;
  n = g_utf8_validate (text, -1, NULL) ? g_utf8_strlen (text, -1) : (glong)strlen (text);
  if (n <= (glong)max)
    return TRUE;
  g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
               /* Translators: "the name is 250 characters long, and at most 200 are allowed" */
               _ ("%s is %ld characters long, and at most %u are allowed"),
               what ? what : _ ("the text"), n, max);
  return FALSE;
}

gboolean
lgr_check_id (const char *id, GError **error)
{
  if (id == NULL || *id == '\0')
    {
      g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID, _ ("the id is empty"));
      return FALSE;
    }
  if (!lgr_check_length (id, LGR_LENGTH_ID, _ ("the id"), error))
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      {
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                     _ ("“%s” is not a valid id (use only letters A-Z and a-z, digits, “-” "
                        "and “_”)"),
                     g_utf8_validate (id, -1, NULL) ? id : "?");
        return FALSE;
      }
  return TRUE;
}

gboolean
lgr_check_colour (const char *colour, GError **error)
{
  gboolean ok = colour != NULL && strlen (colour) == 7 && colour[0] == '#';
  for (int i = 1; ok && i < 7; i++)
    ok = g_ascii_isxdigit (colour[i]);
  if (!ok)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                   _ ("“%s” is not a colour (write it as #rrggbb, for example #1c71d8)"),
                   colour && g_utf8_validate (colour, -1, NULL) ? colour : "?");
      return FALSE;
    }
  return TRUE;
}

gboolean
lgr_text_is_valid (const char *text, gboolean required)
{
  gboolean blank = TRUE;
  const guchar *s;

  if (text == NULL || *text == '\0')
    return !required;
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (s = (const guchar *)text; *s; s++)
    {
      if (*s < 0x20 && *s != '\t' && *s != '\n' && *s != '\r')
        return FALSE;
      if (*s == 0xEF && s[1] == 0xBF && (s[2] == 0xBE || s[2] == 0xBF))
        return FALSE; /* U+FFFE, U+FFFF */
      if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
        blank = FALSE;
    }
  return !(required && blank);
}

gboolean
lgr_check_text (const char *text, const char *what, gboolean required, GError **error)
{
  if (what == NULL)
    what = _ ("the text");
  if (text == NULL || *text == '\0')
    {
      if (!required)
        return TRUE;
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID, _ ("%s is empty"), what);
      return FALSE;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                   _ ("%s is not valid UTF-8 text"), what);
      return FALSE;
    }
  gboolean blank = TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        {
          g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                       _ ("%s contains a control character (U+%04X), which a study file "
                          "cannot hold"),
                       what, c);
          return FALSE;
        }
      if (!g_unichar_isspace (c))
        blank = FALSE;
    }
  if (required && blank)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID, _ ("%s is empty"), what);
      return FALSE;
    }
  return TRUE;
}

const char *
lgr_cohort_value_name (LgrCohortBasis basis, gboolean target)
{
  if (basis == LGR_COHORT_BASIS_COUNT)
    return target ? _ ("target number of people") : _ ("baseline number of people");
  return target ? _ ("target rate") : _ ("baseline rate");
}

LgrRange
lgr_cohort_range (LgrCohortBasis basis)
{
  return basis == LGR_COHORT_BASIS_COUNT ? LGR_RANGE_NON_NEGATIVE : LGR_RANGE_RATE;
}

gboolean
lgr_check_spread (const LgrProfile *profile, GError **error)
{
  double sum = lgr_profile_sum (profile);
  if (!(fabs (sum - 100) <= 0.01))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_ascii_formatd (buf, sizeof buf, "%.10g", sum);
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                   /* Translators: "the spread sums to 90, not 100" */
                   _ ("the spread sums to %s, not 100"), buf);
      return FALSE;
    }
  return TRUE;
}
