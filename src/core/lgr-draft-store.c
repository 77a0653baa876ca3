/* lgr-draft-store.c: autosaved drafts of unsaved studies, and saying so when they cannot be
 * written (see lgr-draft-store.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lgr-draft-store.h"
#include "lgr-file-replace.h"
#include "lgr-study-io.h"

typedef struct
{
  LgrDraftStore *store; /* unowned */
  LgrDocument *document;
  char *id;
  guint timeout_id;
  gulong changed_id;
  gulong modified_id;
  gboolean written;
  gboolean failed; /* the last attempt failed: retried until it succeeds */
} Tracked;

struct _LgrDraftStore
{
  GObject parent_instance;

  char *directory;
  guint delay_ms;
  guint retry_ms;
  guint retry_id;
  char *problem;      /* why drafts cannot be written now, NULL while they can */
  GPtrArray *tracked; /* of Tracked* */
};

G_DEFINE_FINAL_TYPE (LgrDraftStore, lgr_draft_store, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean write_draft (Tracked *t, GError **error);

void
lgr_draft_info_free (LgrDraftInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->path);
  g_clear_object (&info->original);
  g_free (info->original_stamp);
  g_free (info->title);
  g_clear_pointer (&info->modified, g_date_time_unref);
  g_free (info);
}

static char *
draft_path (LgrDraftStore *self, const char *id, const char *extension)
{
  g_autofree char *name = g_strconcat (id, extension, NULL);
  return g_build_filename (self->directory, name, NULL);
}

static void
remove_files (LgrDraftStore *self, const char *id)
{
  g_autofree char *lgr = draft_path (self, id, ".lgr");
  g_autofree char *ini = draft_path (self, id, ".ini");
  g_unlink (lgr);
  g_unlink (ini);
}

/* The reason alone, without the draft's file name (which means nothing to a person). */
static const char *
reason_of (const GError *error)
{
  static const struct
  {
    int code;
    int errno_value;
  } reasons[] = {
    { G_IO_ERROR_NO_SPACE, ENOSPC },       { G_IO_ERROR_PERMISSION_DENIED, EACCES },
    { G_IO_ERROR_READ_ONLY, EROFS },       { G_IO_ERROR_NOT_FOUND, ENOENT },
    { G_IO_ERROR_NOT_DIRECTORY, ENOTDIR },
  };

  if (error->domain == G_IO_ERROR)
    for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
      if (error->code == reasons[i].code)
        return g_strerror (reasons[i].errno_value);
  return error->message;
}

static void
set_problem (LgrDraftStore *self, const char *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;
  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

static gboolean
on_retry (gpointer data)
{
  LgrDraftStore *self = data;
  gboolean still_failing = FALSE;

  for (guint i = 0; i < self->tracked->len; i++)
    {
      Tracked *t = g_ptr_array_index (self->tracked, i);
      g_autoptr (GError) error = NULL;
      if (t->failed && lgr_document_get_modified (t->document) && !write_draft (t, &error))
        still_failing = TRUE;
    }
  if (still_failing)
    return G_SOURCE_CONTINUE;
  self->retry_id = 0;
  return G_SOURCE_REMOVE;
}

/* Drafts that could not be written are retried every retry_ms until they are; the problem is
 * said for as long as one fails. */
static void
update_problem (LgrDraftStore *self, const GError *error)
{
  gboolean failing = FALSE;

  for (guint i = 0; i < self->tracked->len && !failing; i++)
    failing = ((Tracked *)g_ptr_array_index (self->tracked, i))->failed;
  if (!failing)
    {
      g_clear_handle_id (&self->retry_id, g_source_remove);
      set_problem (self, NULL);
      return;
    }
  if (error != NULL)
    {
      g_autofree char *dir = g_filename_display_name (self->directory);
      g_autofree char *problem = g_strdup_printf (
          /* Translators: the folder, then the reason ("No space left on device") */
          _ ("Unsaved changes are not protected against a crash: no draft can be written in "
             "“%s” (%s). LGR Explorer keeps trying; saving the study keeps the changes."),
          dir, reason_of (error));
      set_problem (self, problem);
    }
  if (self->retry_id == 0)
    self->retry_id = g_timeout_add (self->retry_ms, on_retry, self);
}

static gboolean
write_files (Tracked *t, GError **error)
{
  LgrDraftStore *self = t->store;
  const LgrStudy *study = lgr_document_get_study (t->document);
  GFile *file = lgr_document_get_file (t->document);
  g_autofree char *lgr = draft_path (self, t->id, ".lgr");
  g_autofree char *ini = draft_path (self, t->id, ".ini");
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autofree char *data = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format_iso8601 (now);

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }
  /* The .ini first: a draft is found by its .lgr, which then always has its .ini beside it,
   * even when the process is killed between the two. */
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      const char *stamp = lgr_document_get_disk_stamp (t->document);
      g_key_file_set_string (key_file, "Draft", "Original", uri);
      if (stamp != NULL)
        g_key_file_set_string (key_file, "Draft", "OriginalStamp", stamp);
    }
  g_key_file_set_string (key_file, "Draft", "Title", study->title);
  g_key_file_set_string (key_file, "Draft", "Modified", when);
  data = g_key_file_to_data (key_file, NULL, NULL);
  if (!lgr_file_replace_contents (ini, data, strlen (data), error))
    return FALSE;
  g_clear_pointer (&data, g_free);
  data = lgr_study_to_xml (study, NULL);
  if (!lgr_file_replace_contents (lgr, data, strlen (data), error))
    return FALSE;
  t->written = TRUE;
  return TRUE;
}

static gboolean
write_draft (Tracked *t, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (write_files (t, &local))
    {
      t->failed = FALSE;
      update_problem (t->store, NULL);
      return TRUE;
    }
  /* Never dropped in silence: said in the window (the "problem" property) and retried. */
  g_debug ("Cannot keep a draft: %s", local->message);
  t->failed = TRUE;
  update_problem (t->store, local);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

static gboolean
on_timeout (gpointer data)
{
  Tracked *t = data;
  t->timeout_id = 0;
  if (lgr_document_get_modified (t->document))
    write_draft (t, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_document_changed (LgrDocument *document, Tracked *t)
{
  if (!lgr_document_get_modified (document))
    return;
  if (t->timeout_id == 0)
    t->timeout_id = g_timeout_add (t->store->delay_ms, on_timeout, t);
}

static void
on_modified (LgrDocument *document, GParamSpec *pspec, Tracked *t)
{
  if (lgr_document_get_modified (document))
    {
      on_document_changed (document, t);
      return;
    }
  /* Saved, or back to the saved state: no draft needed. */
  g_clear_handle_id (&t->timeout_id, g_source_remove);
  if (t->written)
    remove_files (t->store, t->id);
  t->written = FALSE;
  t->failed = FALSE;
  update_problem (t->store, NULL);
}

static void
tracked_free (gpointer data)
{
  Tracked *t = data;
  g_clear_handle_id (&t->timeout_id, g_source_remove);
  g_clear_signal_handler (&t->changed_id, t->document);
  g_clear_signal_handler (&t->modified_id, t->document);
  g_clear_object (&t->document);
  g_free (t->id);
  g_free (t);
}

static Tracked *
find_tracked (LgrDraftStore *self, const LgrDocument *document)
{
  for (guint i = 0; i < self->tracked->len; i++)
    {
      Tracked *t = g_ptr_array_index (self->tracked, i);
      if (t->document == document)
        return t;
    }
  return NULL;
}

static void
lgr_draft_store_finalize (GObject *object)
{
  LgrDraftStore *self = LGR_DRAFT_STORE (object);
  /* Pending drafts are written, not lost. */
  lgr_draft_store_flush (self);
  if (self->problem != NULL)
    g_printerr ("%s\n", self->problem);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_ptr_array_unref (self->tracked);
  g_free (self->directory);
  g_free (self->problem);
  G_OBJECT_CLASS (lgr_draft_store_parent_class)->finalize (object);
}

static void
lgr_draft_store_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LgrDraftStore *self = LGR_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_draft_store_class_init (LgrDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lgr_draft_store_finalize;
  object_class->get_property = lgr_draft_store_get_property;
  properties[PROP_PROBLEM]
      = g_param_spec_string ("problem", NULL, NULL, NULL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lgr_draft_store_init (LgrDraftStore *self)
{
  self->tracked = g_ptr_array_new_with_free_func (tracked_free);
  self->delay_ms = 500;
  self->retry_ms = 5000;
}

LgrDraftStore *
lgr_draft_store_new (const char *directory)
{
  LgrDraftStore *self = g_object_new (LGR_TYPE_DRAFT_STORE, NULL);
  self->directory
      = directory ? g_strdup (directory)
                  : g_build_filename (g_get_user_state_dir (), "lgr-explorer", "drafts", NULL);
  return self;
}

const char *
lgr_draft_store_get_directory (LgrDraftStore *self)
{
  g_return_val_if_fail (LGR_IS_DRAFT_STORE (self), NULL);
  return self->directory;
}

void
lgr_draft_store_set_delay (LgrDraftStore *self, guint delay_ms)
{
  g_return_if_fail (LGR_IS_DRAFT_STORE (self));
  self->delay_ms = delay_ms;
}

void
lgr_draft_store_set_retry_interval (LgrDraftStore *self, guint interval_ms)
{
  g_return_if_fail (LGR_IS_DRAFT_STORE (self));
  self->retry_ms = MAX (interval_ms, 1);
}

const char *
lgr_draft_store_get_problem (LgrDraftStore *self)
{
  g_return_val_if_fail (LGR_IS_DRAFT_STORE (self), NULL);
  return self->problem;
}

void
lgr_draft_store_track (LgrDraftStore *self, LgrDocument *document, const char *id)
{
  Tracked *t;

  g_return_if_fail (LGR_IS_DRAFT_STORE (self));
  g_return_if_fail (LGR_IS_DOCUMENT (document));

  if (find_tracked (self, document))
    return;
  t = g_new0 (Tracked, 1);
  t->store = self;
  t->document = g_object_ref (document);
  t->id = id ? g_strdup (id) : g_uuid_string_random ();
  t->changed_id = g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), t);
  t->modified_id = g_signal_connect (document, "notify::modified", G_CALLBACK (on_modified), t);
  g_ptr_array_add (self->tracked, t);
  if (lgr_document_get_modified (document))
    on_document_changed (document, t);
}

void
lgr_draft_store_untrack (LgrDraftStore *self, LgrDocument *document)
{
  Tracked *t;

  g_return_if_fail (LGR_IS_DRAFT_STORE (self));
  if (!(t = find_tracked (self, document)))
    return;
  remove_files (self, t->id);
  g_ptr_array_remove (self->tracked, t);
  update_problem (self, NULL);
}

void
lgr_draft_store_flush (LgrDraftStore *self)
{
  g_return_if_fail (LGR_IS_DRAFT_STORE (self));
  for (guint i = 0; i < self->tracked->len; i++)
    {
      Tracked *t = g_ptr_array_index (self->tracked, i);
      if (t->timeout_id != 0)
        {
          g_clear_handle_id (&t->timeout_id, g_source_remove);
          if (lgr_document_get_modified (t->document))
            write_draft (t, NULL);
        }
    }
}

char *
lgr_draft_store_dup_draft_path (LgrDraftStore *self, LgrDocument *document)
{
  Tracked *t;

  g_return_val_if_fail (LGR_IS_DRAFT_STORE (self), NULL);
  t = find_tracked (self, document);
  if (t == NULL || !t->written)
    return NULL;
  return draft_path (self, t->id, ".lgr");
}

static gboolean
is_tracked_id (LgrDraftStore *self, const char *id)
{
  for (guint i = 0; i < self->tracked->len; i++)
    if (g_str_equal (((Tracked *)g_ptr_array_index (self->tracked, i))->id, id))
      return TRUE;
  return FALSE;
}

static int
compare_newest_first (gconstpointer a, gconstpointer b)
{
  const LgrDraftInfo *x = *(LgrDraftInfo **)a;
  const LgrDraftInfo *y = *(LgrDraftInfo **)b;
  return g_date_time_compare (y->modified, x->modified);
}

GPtrArray *
lgr_draft_store_find (LgrDraftStore *self)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify)lgr_draft_info_free);
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (LGR_IS_DRAFT_STORE (self), drafts);

  dir = g_dir_open (self->directory, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *id = NULL;
      g_autofree char *ini = NULL;
      g_autoptr (GKeyFile) key_file = g_key_file_new ();
      g_autofree char *uri = NULL;
      g_autofree char *when = NULL;
      LgrDraftInfo *info;

      if (!g_str_has_suffix (name, ".lgr"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".lgr"));
      if (is_tracked_id (self, id))
        continue;
      info = g_new0 (LgrDraftInfo, 1);
      info->id = g_strdup (id);
      info->path = draft_path (self, id, ".lgr");
      ini = draft_path (self, id, ".ini");
      if (g_key_file_load_from_file (key_file, ini, G_KEY_FILE_NONE, NULL))
        {
          uri = g_key_file_get_string (key_file, "Draft", "Original", NULL);
          info->original_stamp = g_key_file_get_string (key_file, "Draft", "OriginalStamp", NULL);
          info->title = g_key_file_get_string (key_file, "Draft", "Title", NULL);
          when = g_key_file_get_string (key_file, "Draft", "Modified", NULL);
        }
      if (uri)
        info->original = g_file_new_for_uri (uri);
      if (when)
        info->modified = g_date_time_new_from_iso8601 (when, NULL);
      if (info->modified == NULL)
        info->modified = g_date_time_new_from_unix_utc (0);
      g_ptr_array_add (drafts, info);
    }
  g_ptr_array_sort (drafts, compare_newest_first);
  return drafts;
}

LgrDocument *
lgr_draft_store_restore (LgrDraftStore *self, const LgrDraftInfo *info, GError **error)
{
  LgrStudy *study;
  LgrDocument *document;
  Tracked *tracked;

  g_return_val_if_fail (LGR_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  study = lgr_study_load_path (info->path, error);
  if (study == NULL)
    return NULL;
  document = lgr_document_new (study, info->original);
  /* Saving it then asks if the original was changed since the draft's study was read. */
  lgr_document_set_disk_stamp (document, info->original_stamp);
  lgr_document_set_modified (document, TRUE);
  lgr_draft_store_track (self, document, info->id);
  /* The draft on disk is this document's until it is saved or discarded. */
  tracked = find_tracked (self, document);
  if (tracked != NULL)
    tracked->written = TRUE;
  return document;
}

void
lgr_draft_store_discard (LgrDraftStore *self, const LgrDraftInfo *info)
{
  g_return_if_fail (LGR_IS_DRAFT_STORE (self));
  g_return_if_fail (info != NULL);
  remove_files (self, info->id);
}
