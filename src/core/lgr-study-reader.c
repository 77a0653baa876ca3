/* lgr-study-reader.c: safe XML reading for study files (see lgr-study-reader.h).
 *
 * libxml2's SAX2 parser with our own handlers, one parser context per load and no global
 * libxml2 state (errors go to the context's structured error handler). A DOCTYPE stops the
 * parser before anything in it is read, which rules out entity expansion (billion laughs) and
 * external entities; no entity is ever expanded. Comments and processing instructions are
 * ignored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-study-reader.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

struct _LgrReader
{
  xmlParserCtxtPtr ctxt;
  const char *display_name;
  GError *error;
  const LgrReaderHandlers *handlers;
  gpointer user_data;
  int raw_depth; /* nesting, counted on even after a problem has been found */
  /* the open elements, for "cut short" messages */
  const char *open_names[LGR_MAX_DEPTH];
  int open_lines[LGR_MAX_DEPTH];
};

void
lgr_reader_stop (LgrReader *r)
{
  /* The parser still runs to the end of its (size-limited) input without delivering events. */
  r->ctxt->disableSAX = 1;
}

gboolean
lgr_reader_failed (const LgrReader *r)
{
  return r->error != NULL;
}

void
lgr_reader_fail_literal (LgrReader *r, LgrStudyError code, int line, const char *context,
                         const char *message)
{
  if (r->error)
    return;
  if (line > 0 && context)
    r->error = g_error_new (LGR_STUDY_ERROR, code, "%s:%d: %s: %s", r->display_name, line, context,
                            message);
  else if (line > 0)
    r->error = g_error_new (LGR_STUDY_ERROR, code, "%s:%d: %s", r->display_name, line, message);
  else if (context)
    r->error = g_error_new (LGR_STUDY_ERROR, code, "%s: %s: %s", r->display_name, context, message);
  else
    r->error = g_error_new (LGR_STUDY_ERROR, code, "%s: %s", r->display_name, message);
  /* The first problem is the one reported. Events still arrive after a problem in the
   * content, to count the nesting (over-deep files are refused as unsafe whatever else is
   * wrong with them); after an unsafe one nothing more is looked at. */
  if (code == LGR_STUDY_ERROR_UNSAFE)
    lgr_reader_stop (r);
}

void
lgr_reader_fail (LgrReader *r, LgrStudyError code, int line, const char *context,
                 const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  if (r->error)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  lgr_reader_fail_literal (r, code, line, context, message);
}

static int
count_newlines (const xmlChar *from, const xmlChar *to)
{
  int n = 0;
  for (const xmlChar *s = from; s < to; s++)
    {
      const void *nl = memchr (s, '\n', to - s);
      if (nl == NULL)
        break;
      n++;
      s = nl;
    }
  return n;
}

/* During a start-element event the whole start tag is in the parser's buffer and the parser
 * stands on its closing '>' or "/>": the tag starts at the '<' before (attribute values
 * cannot hold a raw '<'). */
static const xmlChar *
current_tag_start (xmlParserCtxtPtr ctxt)
{
  const xmlChar *base = ctxt->input->base;
  const xmlChar *s = ctxt->input->cur;

  if (base == NULL || s == NULL || s < base)
    return NULL;
  while (s > base && *s != '<')
    s--;
  return *s == '<' ? s : NULL;
}

static int
current_tag_line (xmlParserCtxtPtr ctxt)
{
  const xmlChar *start = current_tag_start (ctxt);
  int line = ctxt->input->line;
  if (start != NULL)
    line -= count_newlines (start, ctxt->input->cur);
  return MAX (line, 1);
}

/* The line on which the index-th attribute of the current start tag begins. */
static int
current_attribute_line (xmlParserCtxtPtr ctxt, int tag_line, guint index)
{
  const xmlChar *s = current_tag_start (ctxt);
  const xmlChar *end = ctxt->input->cur;
  int line = tag_line;
  guint i = 0;

  if (s == NULL)
    return tag_line;
  s++;
  while (s < end && !IS_BLANK_CH (*s) && *s != '>' && *s != '/')
    s++;
  while (s < end)
    {
      const xmlChar *name;
      int name_line;
      gboolean is_namespace;
      xmlChar quote;

      while (s < end && IS_BLANK_CH (*s))
        {
          if (*s == '\n')
            line++;
          s++;
        }
      if (s >= end || *s == '>' || *s == '/')
        break;
      name = s;
      name_line = line;
      while (s < end && *s != '=' && !IS_BLANK_CH (*s))
        s++;
      is_namespace = (s - name == 5 && memcmp (name, "xmlns", 5) == 0)
                     || (s - name > 6 && memcmp (name, "xmlns:", 6) == 0);
      while (s < end && *s != '"' && *s != '\'')
        {
          if (*s == '\n')
            line++;
          s++;
        }
      if (s >= end)
        break;
      quote = *s++;
      while (s < end && *s != quote)
        {
          if (*s == '\n')
            line++;
          s++;
        }
      s++;
      if (!is_namespace)
        {
          if (i == index)
            return name_line;
          i++;
        }
    }
  return tag_line;
}

int
lgr_reader_attribute_line (LgrReader *r, int tag_line, guint index)
{
  return current_attribute_line (r->ctxt, tag_line, index);
}

int
lgr_reader_text_line (LgrReader *r, const char *at, const char *end)
{
  int line = r->ctxt->input->line - count_newlines ((const xmlChar *)at, (const xmlChar *)end);
  return MAX (line, 1);
}

/* libxml2 hands "&" over as "&#38;" when it does not substitute entities. */
static char *
attribute_value (const xmlChar *value, const xmlChar *end)
{
  char *copy = g_strndup ((const char *)value, end - value);
  GString *s;

  if (strstr (copy, "&#38;") == NULL)
    return copy;
  s = g_string_new (NULL);
  for (const char *c = copy; *c;)
    {
      if (strncmp (c, "&#38;", 5) == 0)
        {
          g_string_append_c (s, '&');
          c += 5;
        }
      else
        g_string_append_c (s, *c++);
    }
  g_free (copy);
  return g_string_free (s, FALSE);
}

static void
on_start_element (void *data, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                  int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                  int nb_defaulted, const xmlChar **attributes)
{
  LgrReader *r = data;
  LgrReaderElement element = { 0 };
  LgrReaderAttribute *attrs;

  if (++r->raw_depth > LGR_MAX_DEPTH)
    {
      g_clear_error (&r->error);
      lgr_reader_fail (r, LGR_STUDY_ERROR_UNSAFE, current_tag_line (r->ctxt), NULL,
                       _ ("the elements are nested more than %d deep, which a study file never "
                          "needs"),
                       LGR_MAX_DEPTH);
      return;
    }
  element.line = current_tag_line (r->ctxt);
  r->open_names[r->raw_depth - 1] = (const char *)localname;
  r->open_lines[r->raw_depth - 1] = element.line;
  if (r->error)
    return;

  element.name = (const char *)localname;
  element.prefix = (const char *)prefix;
  element.has_uri = uri != NULL;
  element.declares_namespaces = nb_namespaces > 0;
  element.n_attributes = nb_attributes > 0 ? (guint)nb_attributes : 0;
  attrs = g_new (LgrReaderAttribute, element.n_attributes + 1);
  for (guint i = 0; i < element.n_attributes; i++)
    {
      attrs[i].name = (const char *)attributes[i * 5];
      attrs[i].prefix = (const char *)attributes[i * 5 + 1];
      attrs[i].value = attribute_value (attributes[i * 5 + 3], attributes[i * 5 + 4]);
      attrs[i].index = i;
    }
  element.attributes = attrs;
  r->handlers->start_element (r, r->user_data, &element);
  for (guint i = 0; i < element.n_attributes; i++)
    g_free (attrs[i].value);
  g_free (attrs);
}

static void
on_end_element (void *data, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
  LgrReader *r = data;

  r->raw_depth--;
  if (r->error)
    return;
  r->handlers->end_element (r, r->user_data);
}

static void
on_characters (void *data, const xmlChar *ch, int len)
{
  LgrReader *r = data;

  if (r->error || r->raw_depth == 0)
    return;
  r->handlers->text (r, r->user_data, (const char *)ch, (gsize)len);
}

static void
on_doctype (void *data, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id)
{
  LgrReader *r = data;
  lgr_reader_fail (r, LGR_STUDY_ERROR_UNSAFE, MAX (r->ctxt->input->line, 1), NULL,
                   _ ("the file has a document type declaration (<!DOCTYPE>); study files may not "
                      "have one, nor entities, so it was not read any further"));
  xmlStopParser (r->ctxt);
}

static void
on_entity_decl (void *data, const xmlChar *name, int type, const xmlChar *public_id,
                const xmlChar *system_id, xmlChar *content)
{
  LgrReader *r = data;
  lgr_reader_fail (r, LGR_STUDY_ERROR_UNSAFE, MAX (r->ctxt->input->line, 1), NULL,
                   _ ("the file declares an entity, which study files may not do"));
  xmlStopParser (r->ctxt);
}

static xmlEntityPtr
on_get_entity (void *data, const xmlChar *name)
{
  /* Only the five predefined entities (&amp; &lt; &gt; &quot; &apos;) exist; libxml2 handles
   * those itself. Anything else is undeclared and refused as an error. */
  return NULL;
}

static xmlParserInputPtr
on_resolve_entity (void *data, const xmlChar *public_id, const xmlChar *system_id)
{
  LgrReader *r = data;
  lgr_reader_fail (r, LGR_STUDY_ERROR_UNSAFE, MAX (r->ctxt->input->line, 1), NULL,
                   _ ("the file refers to an external file, which study files may not do"));
  return NULL;
}

static void
on_reference (void *data, const xmlChar *name)
{
  LgrReader *r = data;
  lgr_reader_fail (r, LGR_STUDY_ERROR_UNSAFE, MAX (r->ctxt->input->line, 1), NULL,
                   _ ("the entity “&%s;” is not allowed in a study file (write the character "
                      "itself)"),
                   (const char *)name);
  lgr_reader_stop (r);
}

static gboolean
at_end_of_input (LgrReader *r)
{
  xmlParserInputPtr input = r->ctxt->input;
  if (input == NULL || input->cur == NULL || input->end == NULL)
    return TRUE;
  for (const xmlChar *s = input->cur; s < input->end; s++)
    if (!IS_BLANK_CH (*s))
      return FALSE;
  return TRUE;
}

static void
on_xml_error (void *data, xmlErrorPtr e)
{
  LgrReader *r = data;
  int line;
  g_autofree char *detail = NULL;

  if (r->error || e == NULL || e->level == XML_ERR_WARNING)
    return;
  line = e->line > 0 ? e->line : 1;

  switch (e->code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      lgr_reader_fail (r, LGR_STUDY_ERROR_MALFORMED, line, NULL,
                       _ ("the file is empty: it has no <lgr-study> element"));
      return;
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITY_PE_INTERNAL:
    case XML_ERR_ENTITYREF_AT_EOF:
    case XML_ERR_PEREF_AT_EOF:
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_ENTITY_BOUNDARY:
    case XML_ERR_EXT_ENTITY_STANDALONE:
      lgr_reader_fail (
          r, LGR_STUDY_ERROR_UNSAFE, line, NULL,
          _ ("the entity “&%s;” is not allowed in a study file: only &amp; &lt; &gt; &quot; "
             "&apos; and character references such as &#163; are"),
          e->str1 ? e->str1 : "");
      return;
    case XML_ERR_INTERNAL_ERROR:
      /* libxml2's own limits, such as ten million characters of text or space in a row */
      detail = g_strdup (e->message ? e->message : "");
      g_strstrip (detail);
      lgr_reader_fail (r, LGR_STUDY_ERROR_UNSAFE, line, NULL,
                       _ ("the file goes beyond what the XML reader allows (%s)"), detail);
      return;
    case XML_ERR_DOCUMENT_END:
      lgr_reader_fail (r, LGR_STUDY_ERROR_MALFORMED, line, NULL,
                       _ ("there is more in the file after the end of the study (</lgr-study>)"));
      return;
    default:
      break;
    }

  if (at_end_of_input (r))
    {
      if (r->raw_depth > 0 && r->raw_depth <= LGR_MAX_DEPTH)
        lgr_reader_fail (r, LGR_STUDY_ERROR_MALFORMED, line, NULL,
                         _ ("the file ends before <%s> (line %d) is closed: it looks cut short"),
                         r->open_names[r->raw_depth - 1], r->open_lines[r->raw_depth - 1]);
      else
        lgr_reader_fail (r, LGR_STUDY_ERROR_MALFORMED, line, NULL,
                         _ ("the file ends too early: it looks cut short"));
      return;
    }
  detail = g_strdup (e->message ? e->message : "");
  g_strstrip (detail);
  lgr_reader_fail (r, LGR_STUDY_ERROR_MALFORMED, line, NULL,
                   /* Translators: %s is libxml2's own description, in English */
                   _ ("this is not well-formed XML (%s)"), detail);
}

/* Loading */

static int
line_at (const char *data, gsize offset)
{
  int line = 1;
  for (const char *s = data, *end = data + offset; s < end;)
    {
      const char *nl = memchr (s, '\n', end - s);
      if (nl == NULL)
        break;
      line++;
      s = nl + 1;
    }
  return line;
}

/* What the XML declaration says the encoding is, if it says anything other than UTF-8. */
static char *
declared_foreign_encoding (const char *data, gsize length)
{
  const char *p = data;
  gsize left = length;
  const char *end, *enc;
  g_autofree char *decl = NULL;
  char quote;
  const char *value, *value_end;
  g_autofree char *name = NULL;

  if (left >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3, left -= 3;
  if (left < 5 || memcmp (p, "<?xml", 5) != 0)
    return NULL;
  end = g_strstr_len (p, MIN (left, 1024), "?>");
  if (end == NULL)
    return NULL;
  decl = g_strndup (p, end - p);
  enc = strstr (decl, "encoding");
  if (enc == NULL)
    return NULL;
  enc += strlen ("encoding");
  while (*enc && (g_ascii_isspace (*enc) || *enc == '='))
    enc++;
  quote = *enc;
  if (quote != '"' && quote != '\'')
    return NULL;
  value = enc + 1;
  value_end = strchr (value, quote);
  if (value_end == NULL)
    return NULL;
  name = g_strndup (value, value_end - value);
  if (g_ascii_strcasecmp (name, "UTF-8") == 0 || g_ascii_strcasecmp (name, "UTF8") == 0)
    return NULL;
  return g_steal_pointer (&name);
}

/* The name of the tag at tag ('<'), shortened, for a message. */
static char *
tag_name (const char *tag, const char *end)
{
  const char *s = tag + 1, *e = s;
  const char *valid_end = NULL;

  while (e < end && e - s < 40 && !g_ascii_isspace (*e) && *e != '>' && *e != '/')
    e++;
  g_utf8_validate_len (s, e - s, &valid_end);
  return g_strndup (s, valid_end - s);
}

static gboolean
name_too_long (const char *data, const char *at, const char *display_name, GError **error)
{
  g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_UNSAFE,
               _ ("%s:%d: an element or attribute name is longer than %d bytes, which a "
                  "study file never needs, so the file was not read any further"),
               display_name, line_at (data, at - data), LGR_MAX_NAME_BYTES);
  return FALSE;
}

/* libxml2 compares each attribute of a start tag with all the earlier ones before a handler
 * sees any (1.3 million attributes kept it busy for over 15 minutes), so the start tags are
 * looked at in the raw bytes first, in one pass: at most LGR_MAX_ATTRIBUTES attributes (namespace
 * declarations included), each value at most LGR_MAX_ATTRIBUTE_BYTES, each name at most
 * LGR_MAX_NAME_BYTES (so no message quotes a huge one). The scan goes on through anything that
 * is not well-formed, as libxml2 may after reporting it; comments, CDATA sections and processing
 * instructions are skipped, and so is a DOCTYPE's "<!" (the parser refuses the DOCTYPE itself). */
static gboolean
check_tags (const char *data, gsize length, const char *display_name, GError **error)
{
  const char *p = data, *end = data + length;

  while ((p = memchr (p, '<', end - p)) != NULL)
    {
      const char *tag = p, *close = NULL;
      guint n = 0;

      if (end - p < 2)
        break;
      if (p[1] == '!' || p[1] == '?' || p[1] == '/')
        {
          if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
            close = g_strstr_len (p + 4, end - p - 4, "-->");
          else if (end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
            close = g_strstr_len (p + 9, end - p - 9, "]]>");
          else if (p[1] == '?')
            close = g_strstr_len (p + 2, end - p - 2, "?>");
          else if (p[1] == '/')
            {
              const char *e = p + 2;
              while (e < end && *e != '>' && *e != '<' && !IS_BLANK_CH (*e))
                e++;
              if (e - p - 2 > LGR_MAX_NAME_BYTES)
                return name_too_long (data, p, display_name, error);
            }
          p = close != NULL ? close + 1 : p + 2;
          continue;
        }

      /* a start tag: its name, then name="value" pairs */
      for (p++; p < end && !IS_BLANK_CH (*p) && *p != '>' && *p != '/' && *p != '<'; p++)
        ;
      if (p - tag - 1 > LGR_MAX_NAME_BYTES)
        return name_too_long (data, tag, display_name, error);
      for (;;)
        {
          const char *name, *value;
          char quote;

          while (p < end && IS_BLANK_CH (*p))
            p++;
          if (p >= end || *p == '>' || *p == '<')
            break;
          if (*p == '/')
            {
              p++;
              continue;
            }
          if (++n > LGR_MAX_ATTRIBUTES)
            {
              g_autofree char *shown = tag_name (tag, end);
              g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_UNSAFE,
                           _ ("%s:%d: <%s> has more than %d attributes, which a study file never "
                              "needs, so the file was not read any further"),
                           display_name, line_at (data, tag - data), shown, LGR_MAX_ATTRIBUTES);
              return FALSE;
            }
          name = p;
          while (p < end && *p != '=' && !IS_BLANK_CH (*p) && *p != '>' && *p != '<' && *p != '/')
            p++;
          if (p - name > LGR_MAX_NAME_BYTES)
            return name_too_long (data, name, display_name, error);
          while (p < end && IS_BLANK_CH (*p))
            p++;
          if (p >= end || *p != '=')
            continue; /* no value: libxml2 reports it */
          for (p++; p < end && IS_BLANK_CH (*p); p++)
            ;
          if (p >= end || (*p != '"' && *p != '\''))
            continue;
          quote = *p;
          value = ++p;
          /* a raw '<' cannot be in a value: there the next tag starts */
          while (p < end && *p != quote && *p != '<')
            p++;
          if ((gsize)(p - value) > LGR_MAX_ATTRIBUTE_BYTES)
            {
              g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_UNSAFE,
                           _ ("%s:%d: an attribute value is longer than %d KiB, which a study file "
                              "never needs, so the file was not read any further"),
                           display_name, line_at (data, value - data),
                           LGR_MAX_ATTRIBUTE_BYTES / 1024);
              return FALSE;
            }
          if (p < end && *p == quote)
            p++;
        }
    }
  return TRUE;
}

/* Control characters other than white space: what text never has. */
static gboolean
looks_binary (const char *data, gsize length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar)data[i] < 0x20 && !g_ascii_isspace (data[i]))
      return TRUE;
  return FALSE;
}

static const char *
first_non_blank (const char *data, gsize length)
{
  const char *p = data, *end = data + length;
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

/* The '<' that starts the file, after a byte order mark and white space; NULL if it starts with
 * anything else (then it is not XML at all). */
static const char *
first_markup (const char *data, gsize length)
{
  const char *p = first_non_blank (data, length);
  return p < data + length && *p == '<' ? p : NULL;
}

static gsize
init_libxml (void)
{
  xmlInitParser ();
  return 1;
}

gboolean
lgr_reader_parse (const char *data, gsize length, const char *display_name,
                  const LgrReaderHandlers *handlers, gpointer user_data, GError **error)
{
  static gsize initialised = 0;
  LgrReader r = { 0 };
  xmlSAXHandler *sax;
  const char *invalid = NULL;
  g_autofree char *encoding = NULL;
  const char *start;
  gboolean blank = TRUE;

  if (length > LGR_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_UNSAFE,
                   _ ("%s: the file is too large (%s): a study file may have at most 16 MiB"),
                   display_name, size);
      return FALSE;
    }
  if (length >= 2
      && ((guchar)data[0] == 0xFF || (guchar)data[0] == 0xFE || data[0] == '\0' || data[1] == '\0')
      && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0
          || (data[0] == '<' && data[1] == '\0') || (data[0] == '\0' && data[1] == '<')))
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_MALFORMED,
                   _ ("%s:1: the file is UTF-16 text, but study files are UTF-8 (save it in that "
                      "encoding)"),
                   display_name);
      return FALSE;
    }
  for (gsize i = 0; i < length && blank; i++)
    blank = g_ascii_isspace (data[i]);
  if (blank)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_MALFORMED, _ ("%s:1: the file is empty"),
                   display_name);
      return FALSE;
    }
  if ((invalid = memchr (data, '\0', length)) != NULL)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_MALFORMED,
                   _ ("%s:%d: this is not a study file: it holds binary data, not text"),
                   display_name, line_at (data, invalid - data));
      return FALSE;
    }
  if (!g_utf8_validate_len (data, length, &invalid))
    {
      if (looks_binary (data, MIN (length, 1024)))
        {
          g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_MALFORMED,
                       _ ("%s:%d: this is not a study file: it holds binary data, not text"),
                       display_name, line_at (data, invalid - data));
          return FALSE;
        }
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_MALFORMED,
                   _ ("%s:%d: the file is not UTF-8 text (study files are UTF-8; save it in "
                      "that encoding)"),
                   display_name, line_at (data, invalid - data));
      return FALSE;
    }
  if ((encoding = declared_foreign_encoding (data, length)) != NULL)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_MALFORMED,
                   _ ("%s:1: the file says its encoding is “%s”, but study files are UTF-8"),
                   display_name, g_utf8_validate (encoding, -1, NULL) ? encoding : "?");
      return FALSE;
    }
  if ((start = first_markup (data, length)) == NULL)
    {
      g_set_error (
          error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_MALFORMED,
          _ ("%s:%d: this is not an LGR Explorer study: it is plain text, not XML (a study "
             "file starts with <?xml or <lgr-study>)"),
          display_name, line_at (data, first_non_blank (data, length) - data));
      return FALSE;
    }
  if (data + length - start >= 14 && g_ascii_strncasecmp (start, "<!DOCTYPE html", 14) == 0)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                   _ ("%s:%d: this is not an LGR Explorer study: it is a web page (HTML)"),
                   display_name, line_at (data, start - data));
      return FALSE;
    }

  if (!check_tags (data, length, display_name, error))
    return FALSE;

  if (g_once_init_enter (&initialised))
    g_once_init_leave (&initialised, init_libxml ());

  r.ctxt = xmlCreateMemoryParserCtxt (data, (int)length);
  if (r.ctxt == NULL)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO,
                   _ ("%s: there is not enough memory to read the file"), display_name);
      return FALSE;
    }
  xmlCtxtUseOptions (r.ctxt, XML_PARSE_NONET | XML_PARSE_IGNORE_ENC);

  /* Our handlers only: nothing builds a tree, resolves or loads anything. */
  sax = r.ctxt->sax;
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->startElementNs = on_start_element;
  sax->endElementNs = on_end_element;
  sax->characters = on_characters;
  sax->ignorableWhitespace = on_characters;
  sax->cdataBlock = on_characters;
  sax->internalSubset = on_doctype;
  sax->externalSubset = on_doctype;
  sax->entityDecl = on_entity_decl;
  sax->getEntity = on_get_entity;
  sax->getParameterEntity = on_get_entity;
  sax->resolveEntity = on_resolve_entity;
  sax->reference = on_reference;
  sax->serror = on_xml_error;
  r.ctxt->userData = &r;
  r.ctxt->replaceEntities = 0;
  r.ctxt->loadsubset = 0;
  r.ctxt->validate = 0;

  r.display_name = display_name;
  r.handlers = handlers;
  r.user_data = user_data;

  xmlParseDocument (r.ctxt);

  if (r.error == NULL && !r.ctxt->wellFormed)
    lgr_reader_fail (&r, LGR_STUDY_ERROR_MALFORMED,
                     MAX (r.ctxt->input ? r.ctxt->input->line : 1, 1), NULL,
                     _ ("this is not well-formed XML"));

  if (r.ctxt->myDoc != NULL)
    xmlFreeDoc (r.ctxt->myDoc);
  r.ctxt->myDoc = NULL;
  xmlFreeParserCtxt (r.ctxt);

  if (r.error != NULL)
    {
      g_propagate_error (error, r.error);
      return FALSE;
    }
  return TRUE;
}
