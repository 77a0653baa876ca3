/* lgr-document-notes.c: the document's edits of the texts that say what a study is and where
 * its figures come from: the study's and a scenario's description and the benchmarks' source
 * (a lever's, item's and authority's note goes with the object, lgr_document_set_lever() and the
 * like). Each is one undoable step through lgr-document-private.h; the rules of the texts
 * (lengths, valid text) are lgr-rules.c's, applied by the commit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "lgr-document-private.h"

/* A note as typed, without the white space around it; NULL when nothing is left. */
static char *
typed_note (const char *text)
{
  char *note = g_strstrip (g_strdup (text ? text : ""));

  if (*note == '\0')
    g_clear_pointer (&note, g_free);
  return note;
}

/* Replaces *field of copy with the note and commits, unless it is already that. */
static gboolean
commit_note (LgrDocument *self, LgrStudy *copy, char **field, const char *text, const char *label,
             GError **error)
{
  g_autofree char *note = typed_note (text);

  if (g_strcmp0 (note, *field) == 0)
    {
      lgr_study_free (copy);
      return TRUE;
    }
  g_free (*field);
  *field = g_steal_pointer (&note);
  return _lgr_document_commit (self, copy, label, NULL, error);
}

gboolean
lgr_document_set_study_description (LgrDocument *self, const char *description, GError **error)
{
  LgrStudy *copy;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);

  copy = lgr_study_copy (lgr_document_get_study (self));
  return commit_note (self, copy, &copy->description, description,
                      _ ("Change the study’s description"), error);
}

gboolean
lgr_document_set_scenario_description (LgrDocument *self, const char *scenario_id,
                                       const char *description, GError **error)
{
  LgrStudy *copy;
  LgrScenario *scenario;
  g_autofree char *label = NULL;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);

  if (!(copy = _lgr_document_copy_with_scenario (self, scenario_id, &scenario, error)))
    return FALSE;
  label = g_strdup_printf (_ ("Change the description of “%s”"), scenario->name);
  return commit_note (self, copy, &scenario->description, description, label, error);
}

gboolean
lgr_document_set_benchmarks_source (LgrDocument *self, const char *source, GError **error)
{
  LgrStudy *copy;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);

  copy = lgr_study_copy (lgr_document_get_study (self));
  return commit_note (self, copy, &copy->benchmarks_source, source,
                      _ ("Change the benchmarks’ source"), error);
}
