/* lgr-chart-sources.c: the "Sources:" line under an exported chart - the documents the source
 * notes of the chart's levers and items cite, abbreviated to publisher, short title and year,
 * each once.
 *
 * A note is free text (docs/format.md asks for publisher, title, date, page or table), so the
 * citations are read the way a person writes them: a publisher, then a quoted title, then a
 * date ('Peopletoo, "Warwickshire LGR Support: ...", June 2025'), or a note that starts with a
 * publisher, a title and a date between commas ('Warwickshire County Council, cabinet report on
 * local government reorganisation, 6 November 2025: ...').
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define MAX_TITLE_WORDS 6

/* Words a publisher's name may hold between capitalised words. */
static gboolean
is_connector (const char *word, gsize len)
{
  static const char *const words[] = { "of", "for", "and", "the", "&" };
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strlen (words[i]) == len && strncmp (word, words[i], len) == 0)
      return TRUE;
  return FALSE;
}

/* The run of capitalised words (and connectors inside it) that ends at end: the publisher
 * before a citation's comma. NULL if the word before end is not capitalised. */
static char *
publisher_before (const char *text, const char *end)
{
  const char *p = end, *start = end;
  for (;;)
    {
      const char *we = p;
      while (we > text && we[-1] == ' ')
        we--;
      const char *w = we;
      while (w > text && !strchr (" (.:;,\"", w[-1]))
        w--;
      if (w == we)
        break;
      if (g_ascii_isupper (*w))
        start = w;
      else if (!is_connector (w, we - w))
        break;
      p = w;
      if (w == text || w[-1] != ' ')
        break; /* punctuation: the start of a clause */
    }
  if (start == end)
    return NULL;
  return g_strchomp (g_strndup (start, end - start));
}

/* The first year (19xx or 20xx) in text before limit, or 0. */
static int
year_in (const char *text, const char *limit)
{
  for (const char *p = text; p + 4 <= limit && *p; p++)
    if ((p == text || !g_ascii_isdigit (p[-1])) && g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1])
        && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4])
        && (p[0] == '1' || p[0] == '2') && (p[1] == '9' || p[1] == '0'))
      return atoi (p);
  return 0;
}

/* A title cut before its subtitle (":", " - ") and to a few words, with a capital first. */
static char *
short_title (const char *title, gsize len)
{
  g_autofree char *s = g_strndup (title, len);
  char *cut = strstr (s, ": ");
  if (cut)
    *cut = '\0';
  cut = strstr (s, " - ");
  if (cut)
    *cut = '\0';
  g_auto (GStrv) words = g_strsplit (g_strstrip (s), " ", -1);
  GString *out = g_string_new (NULL);
  for (guint i = 0; words[i]; i++)
    {
      if (i == MAX_TITLE_WORDS)
        {
          g_string_append (out, "…");
          break;
        }
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  if (out->len)
    out->str[0] = g_ascii_toupper (out->str[0]);
  return g_string_free (out, FALSE);
}

static void
add_citation (GPtrArray *out, const char *publisher, char *title, int year)
{
  g_autofree char *t = title;
  g_autofree char *c = year ? g_strdup_printf ("%s, %s, %d", publisher, t, year)
                            : g_strdup_printf ("%s, %s", publisher, t);
  for (guint i = 0; i < out->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (out, i), c) == 0)
      return;
  g_ptr_array_add (out, g_steal_pointer (&c));
}

/* Every 'Publisher, "Title", date' in note. */
static void
cite_quoted (GPtrArray *out, const char *note)
{
  /* publisher, "title", date */
  for (const char *q = strstr (note, ", \""); q; q = strstr (q + 1, ", \""))
    {
      const char *title = q + 3;
      const char *close = strchr (title, '"');
      if (close == NULL)
        break;
      g_autofree char *publisher = publisher_before (note, q);
      if (publisher)
        {
          const char *limit = close + strlen (close);
          limit = MIN (limit, close + 40);
          add_citation (out, publisher, short_title (title, close - title), year_in (close, limit));
        }
      q = close;
    }
}

/* A note that starts "Publisher, title, date:" (after "Derived from"). */
static void
cite_opening (GPtrArray *out, const char *note)
{
  const char *start = note;
  if (g_str_has_prefix (start, "Derived from "))
    start += strlen ("Derived from ");
  const char *colon = strpbrk (start, ":.");
  const char *end = colon ? colon : start + strlen (start);
  const char *first = strstr (start, ", ");
  if (first == NULL || first > end)
    return;
  g_autofree char *publisher = publisher_before (start, first);
  const char *title = first + 2;
  const char *second = g_strstr_len (title, end - title, ", ");
  int year = year_in (second ? second : title, end);
  /* "Publisher's comparison (title, date)" */
  const char *paren = g_strstr_len (start, end - start, " (");
  const char *owner = paren ? g_strstr_len (start, paren - start, "'s ") : NULL;
  if (publisher == NULL && owner)
    {
      publisher = publisher_before (start, owner);
      if (publisher)
        {
          const char *pt = paren + 2;
          const char *pe = g_strstr_len (pt, end - pt, ", ");
          if (pe)
            add_citation (out, publisher, short_title (pt, pe - pt), year_in (pe, end));
        }
      return;
    }
  if (publisher == NULL || second == NULL || year == 0 || *title == '"')
    return; /* a quoted title is cite_quoted's */
  add_citation (out, publisher, short_title (title, second - title), year);
}

void
lgr_chart_sources_cite (GPtrArray *out, const char *note)
{
  if (note == NULL || *note == '\0')
    return;
  /* the document a note opens with comes first, then those it quotes */
  cite_opening (out, note);
  cite_quoted (out, note);
}

char *
lgr_chart_sources_line (GPtrArray *citations, guint named, const char *study_title)
{
  if (citations->len == 0)
    {
      gsize n = strlen (study_title);
      if (n > 0 && strchr ("?!.", study_title[n - 1]))
        /* Translators: a chart's source line when its notes cite no document and the study's
         * title ends a sentence ("... or two? Drawn by LGR Explorer.") */
        return g_strdup_printf (_ ("Source: %s Drawn by LGR Explorer."), study_title);
      /* Translators: a chart's source line when its notes cite no document */
      return g_strdup_printf (_ ("Source: %s. Drawn by LGR Explorer."), study_title);
    }
  named = CLAMP (named, 1, citations->len);
  GString *s = g_string_new (citations->len == 1 ? _ ("Source: ") : _ ("Sources: "));
  for (guint i = 0; i < named; i++)
    {
      if (i > 0)
        g_string_append (s, i + 1 == citations->len ? _ ("; and ") : "; ");
      g_string_append (s, g_ptr_array_index (citations, i));
    }
  if (named < citations->len)
    {
      guint others = citations->len - named;
      /* Translators: after the sources a chart names, "; and 2 others" */
      g_string_append_printf (s, ngettext ("; and %u other", "; and %u others", others), others);
    }
  g_string_append (s, _ (". Drawn by LGR Explorer."));
  return g_string_free (s, FALSE);
}
