/* lgr-study-loader-state.c: what the loader and the element handlers of the schema table both
 * need: messages that name the file, the line and the object, and the attributes of the element
 * being read. Kept apart so that the table (lgr-study-schema.c) and the loader
 * (lgr-study-loader.c) do not depend on each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-study-loader-state.h"

#include <glib/gi18n-lib.h>
#include <string.h>

char *
lgr_loader_describe (const LgrLoaderFrame *owner)
{
  /* Translators: "lever “north-lac”" */
  return g_strdup_printf (_ ("%s “%s”"), _ (owner->kind), owner->id);
}

void
lgr_loader_fail (LgrLoader *l, LgrStudyError code, int line, const LgrLoaderFrame *owner,
                 const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;
  g_autofree char *context = NULL;

  if (lgr_reader_failed (l->reader))
    return;
  if (owner != NULL)
    context = lgr_loader_describe (owner);
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  lgr_reader_fail_literal (l->reader, code, line, context, message);
}

void
lgr_loader_fail_with (LgrLoader *l, int line, const LgrLoaderFrame *owner, GError *detail)
{
  lgr_loader_fail (l, LGR_STUDY_ERROR_INVALID, line, owner, "%s", detail->message);
  g_error_free (detail);
}

/* Attributes of the element being started */

const LgrReaderAttribute *
lgr_loader_attr_find (const LgrLoaderAttrs *a, const char *name)
{
  for (guint i = 0; i < a->element->n_attributes; i++)
    if (strcmp (a->element->attributes[i].name, name) == 0)
      return &a->element->attributes[i];
  return NULL;
}

int
lgr_loader_attr_line (const LgrLoaderAttrs *a, const char *name)
{
  const LgrReaderAttribute *attr = lgr_loader_attr_find (a, name);
  if (attr == NULL)
    return a->frame->line;
  return lgr_reader_attribute_line (a->loader->reader, a->frame->line, attr->index);
}

void
lgr_loader_attr_fail_with (LgrLoaderAttrs *a, const char *name, GError *detail)
{
  lgr_loader_fail_with (a->loader, lgr_loader_attr_line (a, name), a->frame->owner, detail);
}
