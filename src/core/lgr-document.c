/* lgr-document.c: the open study, undo and redo, the file and its unsaved state.
 *
 * Undo keeps whole copies of the study: a study is small (a copy of the bundled one takes a few
 * microseconds) and a snapshot cannot get out of step with the edit that made it, whatever the
 * edit was. The results are recomputed after every change.
 *
 * The edits here are thin: the rules they apply are pure functions of the core (lgr-rules.c,
 * lgr-conversions.c, lgr-lever-template.c, lgr-study-edits.c), and the edits of whole scenarios
 * and the study's settings are in lgr-document-scenarios.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "lgr-conversions.h"
#include "lgr-document-private.h"
#include "lgr-rules.h"
#include "lgr-snapshot.h"
#include "lgr-study-edits.h"
#include "lgr-study-io.h"
#include "lgr-uncertainty-rules.h"

#define MAX_UNDO 200

typedef struct
{
  LgrStudy *study;
  char *label;
  guint serial;
} Step;

struct _LgrDocument
{
  GObject parent_instance;

  LgrStudy *study;
  gboolean study_in_results; /* study is owned by results, not by the document */
  guint serial;
  LgrResults *results; /* of study */

  LgrStudy *saved;
  LgrResults *saved_results; /* of saved: the results when it was opened or saved */
  guint saved_serial;
  GFile *file;
  char *disk_stamp; /* the file's etag and size when read or saved; NULL if not known */

  GPtrArray *undo; /* of Step*, most recent last */
  GPtrArray *redo;
  char *merge_key;
  guint next_serial;
};

G_DEFINE_FINAL_TYPE (LgrDocument, lgr_document, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_FILE,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
step_free (gpointer data)
{
  Step *step = data;
  lgr_study_free (step->study);
  g_free (step->label);
  g_free (step);
}

static Step *
step_new (LgrStudy *study, const char *label, guint serial)
{
  Step *step = g_new0 (Step, 1);
  step->study = study;
  step->label = g_strdup (label);
  step->serial = serial;
  return step;
}

static Step *
steal_last (GPtrArray *array)
{
  return g_ptr_array_steal_index (array, array->len - 1);
}

typedef struct
{
  gboolean modified;
  gboolean can_undo;
  gboolean can_redo;
} State;

static State
get_state (LgrDocument *self)
{
  State state = { lgr_document_get_modified (self), self->undo->len > 0, self->redo->len > 0 };
  return state;
}

static void
notify_state (LgrDocument *self, State before)
{
  State after = get_state (self);
  if (after.modified != before.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (after.can_undo != before.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (after.can_redo != before.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Replaces the current study (taking ownership) and computes its results. A drag's later
 * steps (merging) hand the study to the results, which own it: one copy of the study a step,
 * not two. Otherwise the results get a copy, and the old study goes back to the caller for the
 * undo stack (NULL when merging), where pointers into it stay good. */
static LgrStudy *
swap_study (LgrDocument *self, LgrStudy *study, gboolean merging)
{
  LgrStudy *old = self->study;

  if (self->study_in_results)
    old = merging ? NULL : lgr_study_copy (old); /* the results' goes with them */
  else if (merging)
    g_clear_pointer (&old, lgr_study_free);
  /* A new snapshot for every change; whoever holds the old one keeps it. */
  g_clear_pointer (&self->results, lgr_results_unref);
  self->study = study;
  self->study_in_results = merging;
  self->results = lgr_results_compute_owning (merging ? study : lgr_study_copy (study));
  return old;
}

static void
lgr_document_finalize (GObject *object)
{
  LgrDocument *self = LGR_DOCUMENT (object);

  if (!self->study_in_results)
    lgr_study_free (self->study);
  self->study = NULL;
  g_clear_pointer (&self->results, lgr_results_unref);
  g_clear_pointer (&self->saved_results, lgr_results_unref);
  g_clear_pointer (&self->saved, lgr_study_free);
  g_clear_object (&self->file);
  g_free (self->disk_stamp);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->merge_key, g_free);

  G_OBJECT_CLASS (lgr_document_parent_class)->finalize (object);
}

static void
lgr_document_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LgrDocument *self = LGR_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, lgr_document_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, lgr_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, lgr_document_can_redo (self));
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_document_class_init (LgrDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lgr_document_finalize;
  object_class->get_property = lgr_document_get_property;

  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after the study changed (an edit, undo, redo, revert); the results are current. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
lgr_document_init (LgrDocument *self)
{
  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
  self->next_serial = 1;
}

LgrDocument *
lgr_document_new (LgrStudy *study, GFile *file)
{
  LgrDocument *self;

  g_return_val_if_fail (study != NULL, NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (LGR_TYPE_DOCUMENT, NULL);
  self->study = study;
  self->results = lgr_results_compute_owning (lgr_study_copy (study));
  self->serial = self->next_serial++;
  self->saved = lgr_study_copy (study);
  self->saved_results = lgr_results_ref (self->results);
  self->saved_serial = self->serial;
  self->file = file ? g_object_ref (file) : NULL;
  return self;
}

LgrDocument *
lgr_document_new_for_file (GFile *file, GError **error)
{
  LgrStudy *study;
  LgrDocument *self;
  /* Stamped before reading: a change while reading is then seen as a change. */
  g_autofree char *stamp = _lgr_document_query_disk_stamp (file);

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  study = lgr_study_load_file (file, NULL, error);
  if (study == NULL)
    return NULL;
  self = lgr_document_new (study, file);
  self->disk_stamp = g_steal_pointer (&stamp);
  return self;
}

LgrDocument *
lgr_document_new_bundled (GError **error)
{
  LgrStudy *study = lgr_study_load_bundled (error);
  if (study == NULL)
    return NULL;
  return lgr_document_new (study, NULL);
}

const LgrStudy *
lgr_document_get_study (LgrDocument *self)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), NULL);
  return self->study;
}

const LgrResults *
lgr_document_get_results (LgrDocument *self)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), NULL);
  return self->results;
}

GFile *
lgr_document_get_file (LgrDocument *self)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), NULL);
  return self->file;
}

char *
lgr_document_dup_display_name (LgrDocument *self)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), NULL);
  if (self->file == NULL)
    return g_strdup (_ ("Unsaved study"));
  return g_file_get_basename (self->file);
}

gboolean
lgr_document_get_modified (LgrDocument *self)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  return self->serial != self->saved_serial;
}

void
lgr_document_set_modified (LgrDocument *self, gboolean modified)
{
  State before;

  g_return_if_fail (LGR_IS_DOCUMENT (self));

  before = get_state (self);
  self->saved_serial = modified ? 0 : self->serial;
  notify_state (self, before);
}

const LgrStudy *
lgr_document_get_saved_study (LgrDocument *self)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), NULL);
  return self->saved;
}

const LgrResults *
lgr_document_get_saved_results (LgrDocument *self)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), NULL);
  if (self->saved_results == NULL)
    self->saved_results = lgr_results_compute_owning (lgr_study_copy (self->saved));
  return self->saved_results;
}

const LgrResults *
lgr_document_get_start_results (LgrDocument *self)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), NULL);
  return lgr_document_get_modified (self) ? lgr_document_get_saved_results (self) : NULL;
}

gboolean
lgr_document_can_undo (LgrDocument *self)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  return self->undo->len > 0;
}

gboolean
lgr_document_can_redo (LgrDocument *self)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  return self->redo->len > 0;
}

const char *
lgr_document_get_undo_label (LgrDocument *self)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), NULL);
  if (self->undo->len == 0)
    return NULL;
  return ((Step *)g_ptr_array_index (self->undo, self->undo->len - 1))->label;
}

const char *
lgr_document_get_redo_label (LgrDocument *self)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), NULL);
  if (self->redo->len == 0)
    return NULL;
  return ((Step *)g_ptr_array_index (self->redo, self->redo->len - 1))->label;
}

void
lgr_document_end_merge (LgrDocument *self)
{
  g_return_if_fail (LGR_IS_DOCUMENT (self));
  g_clear_pointer (&self->merge_key, g_free);
}

/* Moves the current study onto "to" and makes the top of "from" current. */
static gboolean
step_across (LgrDocument *self, GPtrArray *from, GPtrArray *to)
{
  State before = get_state (self);
  Step *step;
  LgrStudy *old;

  if (from->len == 0)
    return FALSE;

  lgr_document_end_merge (self);
  step = steal_last (from);
  old = swap_study (self, step->study, FALSE);
  g_ptr_array_add (to, step_new (old, step->label, self->serial));
  self->serial = step->serial;
  step->study = NULL;
  step_free (step);

  g_signal_emit (self, signals[CHANGED], 0);
  notify_state (self, before);
  return TRUE;
}

gboolean
lgr_document_undo (LgrDocument *self)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  return step_across (self, self->undo, self->redo);
}

gboolean
lgr_document_redo (LgrDocument *self)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  return step_across (self, self->redo, self->undo);
}

/* Makes candidate (owned) the current study as one undoable step, if it obeys the rules. When
 * only one scenario's entries changed (edited, in candidate), only it and the rules across
 * scenarios are checked again: the current study obeys them all. */
static gboolean
commit_edit (LgrDocument *self, LgrStudy *candidate, const LgrScenario *edited, const char *label,
             const char *merge_key, GError **error)
{
  State before = get_state (self);
  LgrStudy *old;
  gboolean merging;

  lgr_snapshot_drop_stale (candidate);
  if (edited ? !lgr_study_validate_scenario_edit (candidate, edited, error)
             : !lgr_study_validate (candidate, NULL, error))
    {
      lgr_study_free (candidate);
      return FALSE;
    }
  if (lgr_study_equal (candidate, self->study))
    {
      lgr_study_free (candidate);
      return TRUE;
    }

  merging = merge_key != NULL && self->merge_key != NULL && g_str_equal (merge_key, self->merge_key)
            && self->undo->len > 0 && self->serial != self->saved_serial;

  old = swap_study (self, candidate, merging);
  if (!merging)
    {
      g_ptr_array_add (self->undo, step_new (old, label, self->serial));
      if (self->undo->len > MAX_UNDO)
        g_ptr_array_remove_index (self->undo, 0);
    }
  g_ptr_array_set_size (self->redo, 0);
  self->serial = self->next_serial++;

  g_free (self->merge_key);
  self->merge_key = g_strdup (merge_key);

  g_signal_emit (self, signals[CHANGED], 0);
  notify_state (self, before);
  return TRUE;
}

static gboolean
commit (LgrDocument *self, LgrStudy *candidate, const char *label, const char *merge_key,
        GError **error)
{
  return commit_edit (self, candidate, NULL, label, merge_key, error);
}

gboolean
lgr_document_revert (LgrDocument *self)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);

  if (!lgr_document_get_modified (self))
    return FALSE;
  lgr_document_end_merge (self);
  if (!commit (self, lgr_study_copy (self->saved), _ ("Revert to saved"), NULL, NULL))
    return FALSE;
  /* The study is now identical to the saved one. */
  lgr_document_set_modified (self, FALSE);
  return TRUE;
}

static gboolean
set_not_found (GError **error, const char *what, const char *id)
{
  g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
               /* Translators: "scenario “north”: there is no such scenario in the study" */
               _ ("there is no %s “%s” in the study"), what, id);
  return FALSE;
}

/* Frees an edit's copy of the study that will not be committed and returns result. */
static gboolean
drop_copy (LgrStudy *copy, gboolean result)
{
  lgr_study_free (copy);
  return result;
}

/* A copy of the study and the copy's scenario, or NULL with error set. */
static LgrStudy *
copy_with_scenario (LgrDocument *self, const char *scenario_id, LgrScenario **scenario,
                    GError **error)
{
  LgrStudy *copy;

  if (lgr_study_find_scenario (self->study, scenario_id) == NULL)
    {
      set_not_found (error, _ ("scenario"), scenario_id);
      return NULL;
    }
  copy = lgr_study_copy (self->study);
  *scenario = lgr_study_find_scenario (copy, scenario_id);
  return copy;
}

typedef enum
{
  AUTHORITY,
  LEVER,
  ITEM,
} EntryKind;

static GPtrArray *
entries_of (LgrScenario *scenario, EntryKind kind)
{
  switch (kind)
    {
    case AUTHORITY:
      return scenario->authorities;
    case LEVER:
      return scenario->levers;
    case ITEM:
    default:
      return scenario->items;
    }
}

/* What "there is no … in the study" calls an entry of kind. */
static const char *
entry_noun (EntryKind kind)
{
  switch (kind)
    {
    case AUTHORITY:
      return _ ("authority");
    case LEVER:
      return _ ("lever");
    case ITEM:
    default:
      return _ ("item");
    }
}

/* Where an entry of each kind keeps its id and its name (both char *). */
static const struct
{
  gsize id, name;
} entry_fields[] = {
  [AUTHORITY] = { G_STRUCT_OFFSET (LgrAuthority, id), G_STRUCT_OFFSET (LgrAuthority, name) },
  [LEVER] = { G_STRUCT_OFFSET (LgrLever, id), G_STRUCT_OFFSET (LgrLever, name) },
  [ITEM] = { G_STRUCT_OFFSET (LgrItem, id), G_STRUCT_OFFSET (LgrItem, name) },
};

#define entry_id(kind, entry) G_STRUCT_MEMBER (const char *, (entry), entry_fields[kind].id)
#define entry_name(kind, entry) G_STRUCT_MEMBER (const char *, (entry), entry_fields[kind].name)

static int
index_of_id (GPtrArray *entries, EntryKind kind, const char *id)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (entry_id (kind, g_ptr_array_index (entries, i)), id) == 0)
      return (int)i;
  return -1;
}

/* A copy of the study, the copy's scenario and the index of its entry of kind with id, or NULL
 * with error set. */
static LgrStudy *
copy_with_entry (LgrDocument *self, const char *scenario_id, EntryKind kind, const char *id,
                 LgrScenario **scenario, int *index, GError **error)
{
  LgrStudy *copy = copy_with_scenario (self, scenario_id, scenario, error);

  if (copy == NULL)
    return NULL;
  *index = index_of_id (entries_of (*scenario, kind), kind, id);
  if (*index < 0)
    {
      lgr_study_free (copy);
      set_not_found (error, entry_noun (kind), id);
      return NULL;
    }
  return copy;
}

/* Puts element at index, freeing what was there with the array's free function. */
static void
replace_at (GPtrArray *array, int index, gpointer element)
{
  g_ptr_array_remove_index (array, index);
  g_ptr_array_insert (array, index, element);
}

/* Commits copy as the undo step "Change “name”"; scenario, if not NULL, is the one scenario of
 * copy in which an entry was replaced by one with the same id. */
static gboolean
commit_change (LgrDocument *self, LgrStudy *copy, const LgrScenario *scenario, const char *name,
               const char *merge_key, GError **error)
{
  g_autofree char *label = g_strdup_printf (_ ("Change “%s”"), name);
  return commit_edit (self, copy, scenario, label, merge_key, error);
}

/* Commits copy, to which an entry with id (owned) was added; then *new_id, if not NULL, takes
 * the id. */
static gboolean
commit_addition (LgrDocument *self, LgrStudy *copy, const char *label, char **id, char **new_id,
                 GError **error)
{
  if (!commit (self, copy, label, NULL, error))
    return FALSE;
  if (new_id)
    *new_id = g_steal_pointer (id);
  return TRUE;
}

/* Removes the entry of kind at index of scenario (in copy) and commits copy as "Remove “name”". */
static gboolean
commit_removal (LgrDocument *self, LgrStudy *copy, LgrScenario *scenario, EntryKind kind, int index,
                GError **error)
{
  GPtrArray *entries = entries_of (scenario, kind);
  g_autofree char *label
      = g_strdup_printf (_ ("Remove “%s”"), entry_name (kind, g_ptr_array_index (entries, index)));

  g_ptr_array_remove_index (entries, index);
  return commit (self, copy, label, NULL, error);
}

/* For the other edit files (lgr-document-private.h). */

gboolean
_lgr_document_commit (LgrDocument *self, LgrStudy *candidate, const char *label,
                      const char *merge_key, GError **error)
{
  return commit (self, candidate, label, merge_key, error);
}

gboolean
_lgr_document_commit_addition (LgrDocument *self, LgrStudy *copy, const char *label, char **id,
                               char **new_id, GError **error)
{
  return commit_addition (self, copy, label, id, new_id, error);
}

LgrStudy *
_lgr_document_copy_with_scenario (LgrDocument *self, const char *scenario_id,
                                  LgrScenario **scenario, GError **error)
{
  return copy_with_scenario (self, scenario_id, scenario, error);
}

/* Removes the entry of kind with id from a scenario, as one undo step. */
static gboolean
remove_entry (LgrDocument *self, const char *scenario_id, EntryKind kind, const char *id,
              GError **error)
{
  LgrScenario *scenario;
  LgrStudy *copy;
  int index;

  if (!(copy = copy_with_entry (self, scenario_id, kind, id, &scenario, &index, error)))
    return FALSE;
  return commit_removal (self, copy, scenario, kind, index, error);
}

gboolean
lgr_document_set_lever (LgrDocument *self, const char *scenario_id, const LgrLever *lever,
                        const char *merge_key, GError **error)
{
  g_autoptr (LgrLever) stretched = NULL;
  LgrScenario *scenario;
  LgrStudy *copy;
  int index;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (lever != NULL, FALSE);

  if (!(copy = copy_with_entry (self, scenario_id, LEVER, lever->id, &scenario, &index, error)))
    return FALSE;
  stretched = lgr_lever_copy (lever);
  lgr_uncertainty_stretch_lever (stretched, g_ptr_array_index (scenario->levers, index));
  lgr_lever_note_source_change (stretched, g_ptr_array_index (scenario->levers, index));
  if (!lgr_lever_validate (stretched, scenario, error))
    return drop_copy (copy, FALSE);
  replace_at (scenario->levers, index, g_steal_pointer (&stretched));
  return commit_change (self, copy, scenario, lever->name, merge_key, error);
}

gboolean
lgr_document_set_item (LgrDocument *self, const char *scenario_id, const LgrItem *item,
                       const char *merge_key, GError **error)
{
  g_autoptr (LgrItem) stretched = NULL;
  LgrScenario *scenario;
  LgrStudy *copy;
  int index;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (!(copy = copy_with_entry (self, scenario_id, ITEM, item->id, &scenario, &index, error)))
    return FALSE;
  stretched = lgr_item_copy (item);
  lgr_uncertainty_stretch_item (stretched, g_ptr_array_index (scenario->items, index));
  lgr_item_note_source_change (stretched, g_ptr_array_index (scenario->items, index));
  if (!lgr_item_validate_in (stretched, scenario, error))
    return drop_copy (copy, FALSE);
  replace_at (scenario->items, index, g_steal_pointer (&stretched));
  return commit_change (self, copy, scenario, item->name, merge_key, error);
}

gboolean
lgr_document_set_authority (LgrDocument *self, const char *scenario_id,
                            const LgrAuthority *authority, const char *merge_key, GError **error)
{
  LgrScenario *scenario;
  LgrStudy *copy;
  LgrAuthority *stored;
  int index;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (authority != NULL, FALSE);

  if (!lgr_authority_validate (authority, error))
    return FALSE;
  copy = copy_with_entry (self, scenario_id, AUTHORITY, authority->id, &scenario, &index, error);
  if (copy == NULL)
    return FALSE;
  stored = lgr_authority_copy (authority);
  lgr_authority_note_source_change (stored, g_ptr_array_index (scenario->authorities, index));
  replace_at (scenario->authorities, index, stored);
  return commit_change (self, copy, scenario, authority->name, merge_key, error);
}

gboolean
lgr_document_add_lever (LgrDocument *self, const char *scenario_id, char **new_id, GError **error)
{
  LgrScenario *scenario;
  LgrStudy *copy;
  LgrAuthority *authority;
  g_autofree char *id = NULL;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);

  if (!(copy = copy_with_scenario (self, scenario_id, &scenario, error)))
    return FALSE;
  authority = g_ptr_array_index (scenario->authorities, 0);
  id = lgr_scenario_unique_id (scenario, "lever");
  g_ptr_array_add (scenario->levers, lgr_lever_new (id, _ ("New lever"), authority->id));
  return commit_addition (self, copy, _ ("Add lever"), &id, new_id, error);
}

gboolean
lgr_document_remove_lever (LgrDocument *self, const char *scenario_id, const char *lever_id,
                           GError **error)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  return remove_entry (self, scenario_id, LEVER, lever_id, error);
}

gboolean
lgr_document_add_item (LgrDocument *self, const char *scenario_id, char **new_id, GError **error)
{
  LgrScenario *scenario;
  LgrStudy *copy;
  g_autofree char *id = NULL;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);

  if (!(copy = copy_with_scenario (self, scenario_id, &scenario, error)))
    return FALSE;
  id = lgr_scenario_unique_id (scenario, "item");
  g_ptr_array_add (scenario->items,
                   lgr_item_new (id, _ ("New item"), LGR_ITEM_KIND_RECURRING_COST));
  return commit_addition (self, copy, _ ("Add item"), &id, new_id, error);
}

gboolean
lgr_document_remove_item (LgrDocument *self, const char *scenario_id, const char *item_id,
                          GError **error)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  return remove_entry (self, scenario_id, ITEM, item_id, error);
}

/* Lever templates and conversions: the rules are in lgr-lever-template.c and
 * lgr-conversions.c; these wrappers make them undoable edits. */

gboolean
lgr_document_add_lever_from_template (LgrDocument *self, const char *scenario_id,
                                      const char *authority_id, LgrLeverTemplate template_,
                                      char **new_id, GError **error)
{
  LgrScenario *scenario;
  LgrStudy *copy;
  const LgrAuthority *authority;
  LgrLever *lever;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail ((guint)template_ < LGR_N_LEVER_TEMPLATES, FALSE);

  if (!(copy = copy_with_scenario (self, scenario_id, &scenario, error)))
    return FALSE;
  authority = authority_id ? lgr_scenario_find_authority (scenario, authority_id)
                           : g_ptr_array_index (scenario->authorities, 0);
  if (authority == NULL)
    {
      set_not_found (error, _ ("authority"), authority_id);
      return drop_copy (copy, FALSE);
    }
  lever = lgr_lever_new_from_template (template_, copy, scenario, authority);
  id = g_strdup (lever->id);
  g_ptr_array_add (scenario->levers, lever);
  /* Translators: "Add “Children looked after”" (an undo label) */
  label = g_strdup_printf (_ ("Add “%s”"), lever->name);
  return commit_addition (self, copy, label, &id, new_id, error);
}

/* How an edit of one entry in place went. */
typedef enum
{
  EDIT_REFUSED, /* error set */
  EDIT_UNCHANGED,
  EDIT_DONE,
} EditResult;

/* Changes entry, of scenario in copy, in place to value. */
typedef EditResult (*EntryEdit) (LgrStudy *copy, LgrScenario *scenario, gpointer entry, guint value,
                                 GError **error);

/* Applies edit to the entry of kind with id in a copy of the study and commits the copy as
 * "Change “name”"; an edit that leaves the entry as it was is no step. */
static gboolean
edit_entry (LgrDocument *self, const char *scenario_id, EntryKind kind, const char *id,
            EntryEdit edit, guint value, GError **error)
{
  LgrScenario *scenario;
  LgrStudy *copy;
  gpointer entry;
  int index;

  if (!(copy = copy_with_entry (self, scenario_id, kind, id, &scenario, &index, error)))
    return FALSE;
  entry = g_ptr_array_index (entries_of (scenario, kind), index);
  switch (edit (copy, scenario, entry, value, error))
    {
    case EDIT_DONE:
      return commit_change (self, copy, NULL, entry_name (kind, entry), NULL, error);
    case EDIT_UNCHANGED:
      return drop_copy (copy, TRUE);
    case EDIT_REFUSED:
    default:
      return drop_copy (copy, FALSE);
    }
}

static EditResult
convert_basis (LgrStudy *copy, LgrScenario *scenario, gpointer entry, guint basis, GError **error)
{
  LgrLever *lever = entry;

  if (lever->basis == basis)
    return EDIT_UNCHANGED;
  if (!lgr_lever_convert_basis (lever, (LgrCohortBasis)basis,
                                lgr_scenario_find_authority (scenario, lever->authority_id), error)
      || !lgr_lever_validate (lever, scenario, error))
    return EDIT_REFUSED;
  return EDIT_DONE;
}

static EditResult
convert_period (LgrStudy *copy, LgrScenario *scenario, gpointer entry, guint period, GError **error)
{
  LgrLever *lever = entry;

  if (lever->unit_period == period)
    return EDIT_UNCHANGED;
  lgr_lever_convert_period (lever, (LgrUnitPeriod)period, copy->weeks_per_year);
  return lgr_lever_validate (lever, scenario, error) ? EDIT_DONE : EDIT_REFUSED;
}

static EditResult
convert_kind (LgrStudy *copy, LgrScenario *scenario, gpointer entry, guint kind, GError **error)
{
  LgrItem *item = entry;

  if (item->kind == kind)
    return EDIT_UNCHANGED;
  lgr_item_convert_kind (item, (LgrItemKind)kind, copy);
  return lgr_item_validate (item, error) ? EDIT_DONE : EDIT_REFUSED;
}

gboolean
lgr_document_set_lever_basis (LgrDocument *self, const char *scenario_id, const char *lever_id,
                              LgrCohortBasis basis, GError **error)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail ((guint)basis < LGR_N_COHORT_BASES, FALSE);

  return edit_entry (self, scenario_id, LEVER, lever_id, convert_basis, basis, error);
}

gboolean
lgr_document_set_lever_period (LgrDocument *self, const char *scenario_id, const char *lever_id,
                               LgrUnitPeriod period, GError **error)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail ((guint)period < LGR_N_UNIT_PERIODS, FALSE);

  return edit_entry (self, scenario_id, LEVER, lever_id, convert_period, period, error);
}

gboolean
lgr_document_set_item_kind (LgrDocument *self, const char *scenario_id, const char *item_id,
                            LgrItemKind kind, GError **error)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail ((guint)kind < LGR_N_ITEM_KINDS, FALSE);

  return edit_entry (self, scenario_id, ITEM, item_id, convert_kind, kind, error);
}

/* Authorities (added in lgr-document-scenarios.c) */

gboolean
lgr_document_remove_authority (LgrDocument *self, const char *scenario_id, const char *authority_id,
                               GError **error)
{
  LgrScenario *scenario;
  LgrStudy *copy;
  int index;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);

  copy = copy_with_entry (self, scenario_id, AUTHORITY, authority_id, &scenario, &index, error);
  if (copy == NULL)
    return FALSE;
  if (!lgr_scenario_check_remove_authority (scenario, authority_id, error))
    return drop_copy (copy, FALSE);
  return commit_removal (self, copy, scenario, AUTHORITY, index, error);
}

/* For lgr-document-save.c: the study as it is now is what file holds, as stamped. */
void
_lgr_document_mark_saved (LgrDocument *self, GFile *file, char *disk_stamp)
{
  State before = get_state (self);

  g_clear_pointer (&self->saved_results, lgr_results_unref);
  g_clear_pointer (&self->saved, lgr_study_free);
  self->saved = lgr_study_copy (self->study);
  /* the results of now are those of the saved state: nothing to compute */
  self->saved_results = lgr_results_ref (self->results);
  self->saved_serial = self->serial;
  g_free (self->disk_stamp);
  self->disk_stamp = disk_stamp;
  lgr_document_end_merge (self);
  if (file != self->file)
    {
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
  notify_state (self, before);
}

const char *
lgr_document_get_disk_stamp (LgrDocument *self)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), NULL);
  return self->disk_stamp;
}

void
lgr_document_set_disk_stamp (LgrDocument *self, const char *stamp)
{
  g_return_if_fail (LGR_IS_DOCUMENT (self));
  g_free (self->disk_stamp);
  self->disk_stamp = g_strdup (stamp);
}
