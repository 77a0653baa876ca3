/* lgr-document-snapshots.c: the document's snapshot edits (lgr-document-snapshots.h). Each
 * works on a copy of the study and commits it, so the rules, undo and the saved mark are the
 * document's as for every other edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-document-snapshots.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lgr-document-private.h"
#include "lgr-rules.h"
#include "lgr-snapshot.h"

/* A copy of the study and its snapshot with id, or NULL with error set. */
static LgrStudy *
copy_with_snapshot (LgrDocument *self, const char *id, LgrSnapshot **snapshot, guint *index,
                    GError **error)
{
  LgrStudy *copy = lgr_study_copy (lgr_document_get_study (self));
  for (guint i = 0; i < copy->snapshots->len; i++)
    if (g_strcmp0 (((LgrSnapshot *)g_ptr_array_index (copy->snapshots, i))->id, id) == 0)
      {
        *snapshot = g_ptr_array_index (copy->snapshots, i);
        if (index != NULL)
          *index = i;
        return copy;
      }
  lgr_study_free (copy);
  g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
               _ ("there is no snapshot “%s” in the study"), id);
  return NULL;
}

gboolean
lgr_document_apply_snapshot (LgrDocument *self, const char *id, GError **error)
{
  LgrSnapshot *snapshot;
  g_autofree char *label = NULL;
  LgrStudy *copy = copy_with_snapshot (self, id, &snapshot, NULL, error);

  if (copy == NULL)
    return FALSE;
  if (!lgr_snapshot_apply (copy, snapshot, error))
    {
      lgr_study_free (copy);
      return FALSE;
    }
  /* Translators: an undo label, "Apply “What if savings arrive a year late?”" */
  label = g_strdup_printf (_ ("Apply “%s”"), snapshot->name);
  return _lgr_document_commit (self, copy, label, NULL, error);
}

gboolean
lgr_document_back_to_start (LgrDocument *self, GError **error)
{
  const LgrStudy *now = lgr_document_get_study (self);
  g_autoptr (LgrSnapshot) back
      = lgr_snapshot_from_differences (now, lgr_document_get_saved_study (self), "start", "start");
  LgrStudy *copy;

  if (back == NULL)
    {
      g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                           _ ("nothing differs from the start"));
      return FALSE;
    }
  copy = lgr_study_copy (now);
  if (!lgr_snapshot_apply (copy, back, error))
    {
      lgr_study_free (copy);
      return FALSE;
    }
  return _lgr_document_commit (self, copy, _ ("Back to the start"), NULL, error);
}

gboolean
lgr_document_show_snapshot (LgrDocument *self, const char *id, GError **error)
{
  const LgrStudy *now = lgr_document_get_study (self);
  g_autoptr (LgrSnapshot) back
      = lgr_snapshot_from_differences (now, lgr_document_get_saved_study (self), "start", "start");
  LgrSnapshot *snapshot = NULL;
  g_autofree char *label = NULL;
  LgrStudy *copy;

  if (id != NULL)
    copy = copy_with_snapshot (self, id, &snapshot, NULL, error);
  else
    copy = lgr_study_copy (now);
  if (copy == NULL)
    return FALSE;
  if ((back != NULL && !lgr_snapshot_apply (copy, back, error))
      || (snapshot != NULL && !lgr_snapshot_apply (copy, snapshot, error)))
    {
      lgr_study_free (copy);
      return FALSE;
    }
  /* Translators: an undo label, "Show “What if savings arrive a year late?”" */
  label = snapshot ? g_strdup_printf (_ ("Show “%s”"), snapshot->name) : NULL;
  return _lgr_document_commit (self, copy, label ? label : _ ("Back to the start"), NULL, error);
}

/* An id from the name's letters and digits ("what-if-savings-arrive"), unique in study. */
static char *
snapshot_id_for (const LgrStudy *study, const char *name)
{
  g_autoptr (GString) stem = g_string_new (NULL);
  g_autofree char *id = NULL;

  for (const char *p = name; *p != '\0' && stem->len < 40; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (stem, g_ascii_tolower (*p));
    else if (stem->len > 0 && stem->str[stem->len - 1] != '-')
      g_string_append_c (stem, '-');
  while (stem->len > 0 && stem->str[stem->len - 1] == '-')
    g_string_truncate (stem, stem->len - 1);
  if (stem->len == 0)
    g_string_assign (stem, "snapshot");
  id = g_strdup (stem->str);
  for (guint n = 2; lgr_study_find_snapshot (study, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", stem->str, n);
    }
  return g_steal_pointer (&id);
}

gboolean
lgr_document_save_snapshot (LgrDocument *self, const char *name, char **new_id, GError **error)
{
  const LgrStudy *now = lgr_document_get_study (self);
  g_autofree char *typed = _lgr_document_typed_name (name, error);
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;
  LgrSnapshot *snapshot;
  LgrStudy *copy;

  if (typed == NULL)
    return FALSE;
  id = snapshot_id_for (now, typed);
  snapshot = lgr_snapshot_from_differences (lgr_document_get_saved_study (self), now, id, typed);
  if (snapshot == NULL)
    {
      g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                           _ ("nothing differs from the start, so there is nothing to keep"));
      return FALSE;
    }
  copy = lgr_study_copy (now);
  g_ptr_array_add (copy->snapshots, snapshot);
  /* Translators: an undo label */
  label = g_strdup_printf (_ ("Save Snapshot “%s”"), typed);
  if (!_lgr_document_commit (self, copy, label, NULL, error))
    return FALSE;
  if (new_id != NULL)
    *new_id = g_steal_pointer (&id);
  return TRUE;
}

gboolean
lgr_document_rename_snapshot (LgrDocument *self, const char *id, const char *name, GError **error)
{
  LgrSnapshot *snapshot;
  g_autofree char *typed = _lgr_document_typed_name (name, error);
  LgrStudy *copy;

  if (typed == NULL || !(copy = copy_with_snapshot (self, id, &snapshot, NULL, error)))
    return FALSE;
  g_free (snapshot->name);
  snapshot->name = g_steal_pointer (&typed);
  return _lgr_document_commit (self, copy, _ ("Rename Snapshot"), NULL, error);
}

gboolean
lgr_document_set_snapshot_note (LgrDocument *self, const char *id, const char *note, GError **error)
{
  LgrSnapshot *snapshot;
  g_autofree char *stripped = g_strstrip (g_strdup (note ? note : ""));
  LgrStudy *copy = copy_with_snapshot (self, id, &snapshot, NULL, error);

  if (copy == NULL)
    return FALSE;
  g_free (snapshot->note);
  snapshot->note = *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
  /* notes are typed a letter at a time: one undo step per snapshot */
  return _lgr_document_commit (self, copy, _ ("Edit Snapshot Note"), id, error);
}

gboolean
lgr_document_move_snapshot (LgrDocument *self, const char *id, guint position, GError **error)
{
  LgrSnapshot *snapshot;
  guint index;
  LgrStudy *copy = copy_with_snapshot (self, id, &snapshot, &index, error);

  if (copy == NULL)
    return FALSE;
  g_ptr_array_steal_index (copy->snapshots, index);
  g_ptr_array_insert (copy->snapshots, (int)MIN (position, copy->snapshots->len), snapshot);
  return _lgr_document_commit (self, copy, _ ("Move Snapshot"), NULL, error);
}

gboolean
lgr_document_remove_snapshot (LgrDocument *self, const char *id, GError **error)
{
  LgrSnapshot *snapshot;
  guint index;
  g_autofree char *label = NULL;
  LgrStudy *copy = copy_with_snapshot (self, id, &snapshot, &index, error);

  if (copy == NULL)
    return FALSE;
  /* Translators: an undo label */
  label = g_strdup_printf (_ ("Remove Snapshot “%s”"), snapshot->name);
  g_ptr_array_remove_index (copy->snapshots, index);
  return _lgr_document_commit (self, copy, label, NULL, error);
}
