/* lgr-document-save.c: saving the open study, and noticing that its file was changed by
 * someone else since it was read or saved (see lgr-document.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "lgr-document-private.h"
#include "lgr-study-io.h"

G_DEFINE_QUARK (lgr - document - error - quark, lgr_document_error)

char *
_lgr_document_query_disk_stamp (GFile *file)
{
  g_autoptr (GFileInfo) info = NULL;
  const char *etag;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return NULL;
  etag = g_file_info_get_etag (info);
  if (etag == NULL)
    return NULL;
  /* The etag of a local file is its modification time; the size catches a change within it. */
  return g_strdup_printf ("%s/%" G_GOFFSET_FORMAT, etag, g_file_info_get_size (info));
}

gboolean
lgr_document_get_changed_on_disk (LgrDocument *self)
{
  GFile *file;
  const char *known;
  g_autofree char *now = NULL;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);

  file = lgr_document_get_file (self);
  known = lgr_document_get_disk_stamp (self);
  if (file == NULL || known == NULL)
    return FALSE;
  /* A file that is gone has nothing to lose: saving writes it again. */
  now = _lgr_document_query_disk_stamp (file);
  return now != NULL && !g_str_equal (now, known);
}

gboolean
lgr_document_save_full (LgrDocument *self, GFile *file, LgrDocumentSaveFlags flags, GError **error)
{
  GFile *own;
  LgrFileReplaceFlags replace_flags = LGR_FILE_REPLACE_NONE;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  own = lgr_document_get_file (self);
  if (file == NULL)
    file = own;
  g_return_val_if_fail (file != NULL, FALSE);

  if (!(flags & LGR_DOCUMENT_SAVE_OVERWRITE_CHANGED) && own != NULL && g_file_equal (file, own)
      && lgr_document_get_changed_on_disk (self))
    {
      g_autofree char *name = lgr_document_dup_display_name (self);
      g_set_error (error, LGR_DOCUMENT_ERROR, LGR_DOCUMENT_ERROR_CHANGED_ON_DISK,
                   _ ("“%s” was changed by another program since it was opened or saved"), name);
      return FALSE;
    }
  if (flags & LGR_DOCUMENT_SAVE_OVERWRITE_READ_ONLY)
    replace_flags |= LGR_FILE_REPLACE_OVERWRITE_READ_ONLY;
  if (!lgr_study_save_file_full (lgr_document_get_study (self), file, replace_flags, NULL, error))
    return FALSE;
  _lgr_document_mark_saved (self, file, _lgr_document_query_disk_stamp (file));
  return TRUE;
}

gboolean
lgr_document_save (LgrDocument *self, GError **error)
{
  return lgr_document_save_full (self, NULL, LGR_DOCUMENT_SAVE_NONE, error);
}

gboolean
lgr_document_save_as (LgrDocument *self, GFile *file, GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  return lgr_document_save_full (self, file, LGR_DOCUMENT_SAVE_NONE, error);
}
