/* lgr-document.c: the open study, undo and redo, the file and its unsaved state.
 *
 * Undo keeps whole copies of the study: a study is small (a copy of the bundled one takes a few
 * microseconds) and a snapshot cannot get out of step with the edit that made it, whatever the
 * edit was. The results are recomputed after every change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "lgr-document.h"
#include "lgr-rules.h"
#include "lgr-study-io.h"

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
  guint serial;
  LgrResults *results;

  LgrStudy *saved;
  guint saved_serial;
  GFile *file;

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

/* Replaces the current study (taking ownership) and returns the old one to the caller; the
 * results are recomputed for the new study. */
static LgrStudy *
swap_study (LgrDocument *self, LgrStudy *study)
{
  LgrStudy *old = self->study;
  /* A new snapshot for every change; whoever holds the old one keeps it. */
  g_clear_pointer (&self->results, lgr_results_unref);
  self->study = study;
  self->results = lgr_results_compute_owning (lgr_study_copy (study));
  return old;
}

static void
lgr_document_finalize (GObject *object)
{
  LgrDocument *self = LGR_DOCUMENT (object);

  g_clear_pointer (&self->results, lgr_results_unref);
  g_clear_pointer (&self->study, lgr_study_free);
  g_clear_pointer (&self->saved, lgr_study_free);
  g_clear_object (&self->file);
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
  self->saved_serial = self->serial;
  self->file = file ? g_object_ref (file) : NULL;
  return self;
}

LgrDocument *
lgr_document_new_for_file (GFile *file, GError **error)
{
  LgrStudy *study;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  study = lgr_study_load_file (file, NULL, error);
  if (study == NULL)
    return NULL;
  return lgr_document_new (study, file);
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
  old = swap_study (self, step->study);
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

/* Makes candidate (owned) the current study as one undoable step, if it obeys the rules. */
static gboolean
commit (LgrDocument *self, LgrStudy *candidate, const char *label, const char *merge_key,
        GError **error)
{
  State before = get_state (self);
  LgrStudy *old;
  gboolean merging;

  if (!lgr_study_validate (candidate, NULL, error))
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

  old = swap_study (self, candidate);
  if (merging)
    lgr_study_free (old);
  else
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

/* Authorities, levers and items all begin with an id and a name, so one edit finds them by id
 * and names them in its undo label the same way. */
typedef struct
{
  char *id;
  char *name;
} Entry;

G_STATIC_ASSERT (G_STRUCT_OFFSET (LgrAuthority, name) == G_STRUCT_OFFSET (Entry, name));
G_STATIC_ASSERT (G_STRUCT_OFFSET (LgrLever, name) == G_STRUCT_OFFSET (Entry, name));
G_STATIC_ASSERT (G_STRUCT_OFFSET (LgrItem, name) == G_STRUCT_OFFSET (Entry, name));

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

static int
index_of_id (GPtrArray *entries, const char *id)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (((const Entry *)g_ptr_array_index (entries, i))->id, id) == 0)
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
  *index = index_of_id (entries_of (*scenario, kind), id);
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

/* Commits copy as the undo step "Change “name”". */
static gboolean
commit_change (LgrDocument *self, LgrStudy *copy, const char *name, const char *merge_key,
               GError **error)
{
  g_autofree char *label = g_strdup_printf (_ ("Change “%s”"), name);
  return commit (self, copy, label, merge_key, error);
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

/* Removes the entry at index of entries (in copy) and commits copy as "Remove “name”". */
static gboolean
commit_removal (LgrDocument *self, LgrStudy *copy, GPtrArray *entries, int index, GError **error)
{
  g_autofree char *label = g_strdup_printf (
      _ ("Remove “%s”"), ((const Entry *)g_ptr_array_index (entries, index))->name);

  g_ptr_array_remove_index (entries, index);
  return commit (self, copy, label, NULL, error);
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
  return commit_removal (self, copy, entries_of (scenario, kind), index, error);
}

gboolean
lgr_document_set_lever (LgrDocument *self, const char *scenario_id, const LgrLever *lever,
                        const char *merge_key, GError **error)
{
  LgrScenario *scenario;
  LgrStudy *copy;
  int index;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (lever != NULL, FALSE);

  if (!(copy = copy_with_entry (self, scenario_id, LEVER, lever->id, &scenario, &index, error)))
    return FALSE;
  if (!lgr_lever_validate (lever, scenario, error))
    return drop_copy (copy, FALSE);
  replace_at (scenario->levers, index, lgr_lever_copy (lever));
  return commit_change (self, copy, lever->name, merge_key, error);
}

gboolean
lgr_document_set_item (LgrDocument *self, const char *scenario_id, const LgrItem *item,
                       const char *merge_key, GError **error)
{
  LgrScenario *scenario;
  LgrStudy *copy;
  int index;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (!(copy = copy_with_entry (self, scenario_id, ITEM, item->id, &scenario, &index, error)))
    return FALSE;
  if (!lgr_item_validate (item, error))
    return drop_copy (copy, FALSE);
  replace_at (scenario->items, index, lgr_item_copy (item));
  return commit_change (self, copy, item->name, merge_key, error);
}

gboolean
lgr_document_set_authority (LgrDocument *self, const char *scenario_id,
                            const LgrAuthority *authority, const char *merge_key, GError **error)
{
  LgrScenario *scenario;
  LgrStudy *copy;
  int index;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (authority != NULL, FALSE);

  if (!lgr_check_text (authority->name, _ ("the name"), TRUE, error)
      || !lgr_check_range (LGR_RANGE_NON_NEGATIVE, authority->population, _ ("population"), error)
      || !lgr_check_range (LGR_RANGE_NON_NEGATIVE, authority->child_population,
                           _ ("child population"), error))
    return FALSE;
  copy = copy_with_entry (self, scenario_id, AUTHORITY, authority->id, &scenario, &index, error);
  if (copy == NULL)
    return FALSE;
  replace_at (scenario->authorities, index, lgr_authority_copy (authority));
  return commit_change (self, copy, authority->name, merge_key, error);
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

gboolean
lgr_document_add_scenario (LgrDocument *self, const char *name, char **new_id, GError **error)
{
  LgrStudy *copy;
  LgrScenario *scenario;
  const LgrScenario *first;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  copy = lgr_study_copy (self->study);
  id = lgr_study_unique_scenario_id (copy, "scenario");
  scenario = lgr_scenario_new (id, name);
  first = copy->scenarios->len > 0 ? g_ptr_array_index (copy->scenarios, 0) : NULL;
  if (first != NULL)
    for (guint i = 0; i < first->authorities->len; i++)
      g_ptr_array_add (scenario->authorities,
                       lgr_authority_copy (g_ptr_array_index (first->authorities, i)));
  else
    g_ptr_array_add (scenario->authorities, lgr_authority_new ("area", _ ("Area")));
  g_ptr_array_add (copy->scenarios, scenario);

  label = g_strdup_printf (_ ("Add scenario “%s”"), name);
  return commit_addition (self, copy, label, &id, new_id, error);
}

gboolean
lgr_document_duplicate_scenario (LgrDocument *self, const char *scenario_id, char **new_id,
                                 GError **error)
{
  LgrStudy *copy;
  LgrScenario *scenario, *duplicate;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;
  int index;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);

  if (!(copy = copy_with_scenario (self, scenario_id, &scenario, error)))
    return FALSE;
  index = lgr_study_scenario_index (copy, scenario_id);
  id = lgr_study_unique_scenario_id (copy, scenario->id);
  duplicate = lgr_scenario_copy (scenario);
  g_free (duplicate->id);
  duplicate->id = g_strdup (id);
  g_free (duplicate->name);
  /* Translators: the name of a copied scenario */
  duplicate->name = g_strdup_printf (_ ("%s (copy)"), scenario->name);
  g_clear_pointer (&duplicate->colour, g_free);
  g_ptr_array_insert (copy->scenarios, index + 1, duplicate);

  label = g_strdup_printf (_ ("Duplicate “%s”"), scenario->name);
  return commit_addition (self, copy, label, &id, new_id, error);
}

gboolean
lgr_document_rename_scenario (LgrDocument *self, const char *scenario_id, const char *name,
                              GError **error)
{
  LgrStudy *copy;
  LgrScenario *scenario;
  g_autofree char *label = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                           _ ("a scenario needs a name"));
      return FALSE;
    }
  if (!(copy = copy_with_scenario (self, scenario_id, &scenario, error)))
    return FALSE;
  label = g_strdup_printf (_ ("Rename “%s”"), scenario->name);
  g_free (scenario->name);
  scenario->name = g_steal_pointer (&stripped);
  return commit (self, copy, label, NULL, error);
}

gboolean
lgr_document_set_scenario_colour (LgrDocument *self, const char *scenario_id, const char *colour,
                                  GError **error)
{
  LgrStudy *copy;
  LgrScenario *scenario;
  g_autofree char *label = NULL;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);

  if (colour != NULL && !lgr_check_colour (colour, error))
    return FALSE;
  if (!(copy = copy_with_scenario (self, scenario_id, &scenario, error)))
    return FALSE;
  g_free (scenario->colour);
  scenario->colour = g_strdup (colour);
  label = g_strdup_printf (_ ("Change the colour of “%s”"), scenario->name);
  return commit (self, copy, label, NULL, error);
}

gboolean
lgr_document_remove_scenario (LgrDocument *self, const char *scenario_id, GError **error)
{
  LgrStudy *copy;
  LgrScenario *scenario;
  g_autofree char *label = NULL;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);

  if (self->study->scenarios->len <= 1)
    {
      g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                           _ ("a study needs at least one scenario"));
      return FALSE;
    }
  if (!(copy = copy_with_scenario (self, scenario_id, &scenario, error)))
    return FALSE;
  label = g_strdup_printf (_ ("Remove “%s”"), scenario->name);
  g_ptr_array_remove (copy->scenarios, scenario);
  return commit (self, copy, label, NULL, error);
}

gboolean
lgr_document_import_scenarios (LgrDocument *self, const LgrStudy *other, guint *n_added,
                               GError **error)
{
  LgrStudy *copy;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  copy = lgr_study_copy (self->study);
  for (guint i = 0; i < other->scenarios->len; i++)
    {
      LgrScenario *scenario = lgr_scenario_copy (g_ptr_array_index (other->scenarios, i));
      char *id = lgr_study_unique_scenario_id (copy, scenario->id);
      g_free (scenario->id);
      scenario->id = id;
      g_ptr_array_add (copy->scenarios, scenario);
    }
  if (!commit (self, copy, _ ("Import scenarios"), NULL, error))
    return FALSE;
  if (n_added)
    *n_added = other->scenarios->len;
  return TRUE;
}

gboolean
lgr_document_set_study_settings (LgrDocument *self, const LgrStudy *settings, const char *merge_key,
                                 GError **error)
{
  LgrStudy *copy;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  if (settings->title == NULL || *settings->title == '\0')
    {
      g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                           _ ("a study needs a title"));
      return FALSE;
    }
  if (!lgr_check_range (LGR_RANGE_FIRST_YEAR, settings->first_year, _ ("first year"), error)
      || !lgr_check_range (LGR_RANGE_YEARS, settings->years, _ ("number of years"), error)
      || !lgr_check_range (LGR_RANGE_YEAR, settings->vesting_year, _ ("vesting year"), error)
      || !lgr_check_range (LGR_RANGE_GROWTH, settings->discount_rate, _ ("discount rate"), error)
      || !lgr_check_range (LGR_RANGE_WEEKS, settings->weeks_per_year, _ ("weeks per year"), error)
      || !lgr_check_range (LGR_RANGE_SETTING_PERCENT, settings->benefit_realisation,
                           _ ("benefit realisation"), error)
      || !lgr_check_range (LGR_RANGE_SETTING_PERCENT, settings->cost_contingency,
                           _ ("cost contingency"), error))
    return FALSE;

  copy = lgr_study_copy (self->study);
  g_free (copy->title);
  copy->title = g_strdup (settings->title);
  copy->first_year = settings->first_year;
  copy->years = settings->years;
  copy->vesting_year = settings->vesting_year;
  copy->discount_rate = settings->discount_rate;
  copy->weeks_per_year = settings->weeks_per_year;
  copy->benefit_realisation = settings->benefit_realisation;
  copy->cost_contingency = settings->cost_contingency;
  copy->count_avoidance = settings->count_avoidance;
  return commit (self, copy, _ ("Change the study settings"), merge_key, error);
}

/* Lever templates */

typedef struct
{
  const char *name;
  const char *title;   /* N_() */
  const char *service; /* N_(), or NULL */
  const char *stem;
  const char *measure; /* the benchmark measure giving the unit cost, or NULL */
  LgrCohortBasis basis;
  LgrUnitPeriod period;
} LeverTemplate;

static const LeverTemplate lever_templates[LGR_N_LEVER_TEMPLATES] = {
  [LGR_LEVER_TEMPLATE_CHILDREN_LOOKED_AFTER]
  = { "children-looked-after", N_ ("Children looked after"), N_ ("Children's social care"), "lac",
      "lac-weekly", LGR_COHORT_BASIS_CHILD_POPULATION, LGR_UNIT_PERIOD_WEEK },
  [LGR_LEVER_TEMPLATE_ADULTS_LONG_TERM]
  = { "adults-long-term", N_ ("Working-age adults in long-term support"), N_ ("Adult social care"),
      "asc-wa", "asc-working-age-yearly", LGR_COHORT_BASIS_COUNT, LGR_UNIT_PERIOD_YEAR },
  [LGR_LEVER_TEMPLATE_OLDER_PEOPLE_LONG_TERM]
  = { "older-people-long-term", N_ ("Older people in long-term support"), N_ ("Adult social care"),
      "asc-op", "asc-older-people-yearly", LGR_COHORT_BASIS_COUNT, LGR_UNIT_PERIOD_YEAR },
  [LGR_LEVER_TEMPLATE_OTHER] = { "other", N_ ("New lever"), NULL, "lever", NULL,
                                 LGR_COHORT_BASIS_COUNT, LGR_UNIT_PERIOD_YEAR },
};

const char *
lgr_lever_template_to_string (LgrLeverTemplate template_)
{
  g_return_val_if_fail ((guint)template_ < LGR_N_LEVER_TEMPLATES, NULL);
  return lever_templates[template_].name;
}

gboolean
lgr_lever_template_from_string (const char *name, LgrLeverTemplate *template_)
{
  for (guint i = 0; i < LGR_N_LEVER_TEMPLATES; i++)
    if (g_strcmp0 (name, lever_templates[i].name) == 0)
      {
        *template_ = i;
        return TRUE;
      }
  return FALSE;
}

const char *
lgr_lever_template_title (LgrLeverTemplate template_)
{
  g_return_val_if_fail ((guint)template_ < LGR_N_LEVER_TEMPLATES, NULL);
  return _ (lever_templates[template_].title);
}

gboolean
lgr_document_add_lever_from_template (LgrDocument *self, const char *scenario_id,
                                      const char *authority_id, LgrLeverTemplate template_,
                                      char **new_id, GError **error)
{
  const LeverTemplate *t;
  LgrScenario *scenario;
  LgrStudy *copy;
  const LgrAuthority *authority;
  const LgrBenchmarkBand *band;
  LgrLever *lever;
  g_autofree char *stem = NULL;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail ((guint)template_ < LGR_N_LEVER_TEMPLATES, FALSE);

  t = &lever_templates[template_];
  if (!(copy = copy_with_scenario (self, scenario_id, &scenario, error)))
    return FALSE;
  authority = authority_id ? lgr_scenario_find_authority (scenario, authority_id)
                           : g_ptr_array_index (scenario->authorities, 0);
  if (authority == NULL)
    {
      set_not_found (error, _ ("authority"), authority_id);
      return drop_copy (copy, FALSE);
    }
  stem = g_strdup_printf ("%s-%s", authority->id, t->stem);
  id = lgr_scenario_unique_id (scenario, stem);
  lever = lgr_lever_new (id, _ (t->title), authority->id);
  lever->service = t->service ? g_strdup (_ (t->service)) : NULL;
  lever->basis = t->basis;
  lever->unit_period = t->period;
  band = lgr_study_benchmark_band_for (copy, authority->population);
  if (band && t->measure)
    {
      double cost;
      if (lgr_benchmark_band_lookup (band, t->measure, &cost))
        {
          lever->unit_cost_baseline = cost;
          lever->unit_cost_target = cost;
        }
    }
  g_ptr_array_add (scenario->levers, lever);
  /* Translators: "Add “Children looked after”" (an undo label) */
  label = g_strdup_printf (_ ("Add “%s”"), lever->name);
  return commit_addition (self, copy, label, &id, new_id, error);
}

/* The population a rate of basis is counted per 10,000 of. */
static double
basis_population (const LgrAuthority *authority, LgrCohortBasis basis)
{
  return basis == LGR_COHORT_BASIS_CHILD_POPULATION ? authority->child_population
                                                    : authority->population;
}

gboolean
lgr_document_set_lever_basis (LgrDocument *self, const char *scenario_id, const char *lever_id,
                              LgrCohortBasis basis, GError **error)
{
  LgrScenario *scenario;
  LgrLever *lever;
  LgrStudy *copy;
  const LgrAuthority *authority;
  double baseline, target;
  int index;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail ((guint)basis <= LGR_COHORT_BASIS_POPULATION, FALSE);

  if (!(copy = copy_with_entry (self, scenario_id, LEVER, lever_id, &scenario, &index, error)))
    return FALSE;
  lever = g_ptr_array_index (scenario->levers, index);
  if (lever->basis == basis)
    return drop_copy (copy, TRUE);
  authority = lgr_scenario_find_authority (scenario, lever->authority_id);
  baseline = lever->cohort_baseline;
  target = lever->cohort_target;
  /* To numbers of people, then to the new basis. */
  if (lever->basis != LGR_COHORT_BASIS_COUNT)
    {
      double from = authority ? basis_population (authority, lever->basis) : 0;
      baseline = baseline * from / 10000.0;
      target = target * from / 10000.0;
    }
  if (basis != LGR_COHORT_BASIS_COUNT)
    {
      double to = authority ? basis_population (authority, basis) : 0;
      if (to <= 0)
        {
          g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                       basis == LGR_COHORT_BASIS_CHILD_POPULATION
                           ? _ ("a rate per 10,000 children needs the number of children in “%s”: "
                                "enter it under Authorities first")
                           : _ ("a rate per 10,000 residents needs the population of “%s”: enter "
                                "it under Authorities first"),
                       authority ? authority->name : lever->authority_id);
          return drop_copy (copy, FALSE);
        }
      baseline = baseline * 10000.0 / to;
      target = target * 10000.0 / to;
    }
  lever->basis = basis;
  lever->cohort_baseline = baseline;
  lever->cohort_target = target;
  if (!lgr_lever_validate (lever, scenario, error))
    return drop_copy (copy, FALSE);
  return commit_change (self, copy, lever->name, NULL, error);
}

gboolean
lgr_document_set_lever_period (LgrDocument *self, const char *scenario_id, const char *lever_id,
                               LgrUnitPeriod period, GError **error)
{
  LgrScenario *scenario;
  LgrLever *lever;
  LgrStudy *copy;
  double factor;
  int index;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail ((guint)period <= LGR_UNIT_PERIOD_YEAR, FALSE);

  if (!(copy = copy_with_entry (self, scenario_id, LEVER, lever_id, &scenario, &index, error)))
    return FALSE;
  lever = g_ptr_array_index (scenario->levers, index);
  if (lever->unit_period == period)
    return drop_copy (copy, TRUE);
  factor = period == LGR_UNIT_PERIOD_YEAR ? copy->weeks_per_year : 1.0 / copy->weeks_per_year;
  lever->unit_period = period;
  lever->unit_cost_baseline *= factor;
  lever->unit_cost_target *= factor;
  if (!lgr_lever_validate (lever, scenario, error))
    return drop_copy (copy, FALSE);
  return commit_change (self, copy, lever->name, NULL, error);
}

gboolean
lgr_document_set_item_kind (LgrDocument *self, const char *scenario_id, const char *item_id,
                            LgrItemKind kind, GError **error)
{
  LgrScenario *scenario;
  LgrStudy *copy;
  LgrItem *item;
  int index;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail ((guint)kind <= LGR_ITEM_KIND_AVOIDANCE, FALSE);

  if (!(copy = copy_with_entry (self, scenario_id, ITEM, item_id, &scenario, &index, error)))
    return FALSE;
  item = g_ptr_array_index (scenario->items, index);
  if (item->kind == kind)
    return drop_copy (copy, TRUE);
  if (item->pattern == LGR_ITEM_PATTERN_SPREAD && kind != LGR_ITEM_KIND_ONE_OFF_COST)
    {
      /* The same money in the same years, as values per year. */
      int start = lgr_item_start_year (item, copy);
      g_array_set_size (item->values, 0);
      for (guint i = 0; i < item->profile.n; i++)
        {
          double value = item->total * lgr_profile_spread_share (&item->profile, start, start + i);
          if (value != 0)
            lgr_item_set_value (item, start + i, value);
        }
      item->pattern = LGR_ITEM_PATTERN_VALUES;
    }
  item->kind = kind;
  if (!lgr_item_validate (item, error))
    return drop_copy (copy, FALSE);
  return commit_change (self, copy, item->name, NULL, error);
}

/* Authorities */

/* "North Warwickshire" -> "north-warwickshire" */
static char *
id_stem (const char *name)
{
  GString *stem = g_string_new (NULL);
  for (const char *p = name; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (stem, g_ascii_tolower (*p));
      else if (stem->len > 0 && stem->str[stem->len - 1] != '-')
        g_string_append_c (stem, '-');
    }
  while (stem->len > 0 && stem->str[stem->len - 1] == '-')
    g_string_truncate (stem, stem->len - 1);
  if (stem->len == 0)
    g_string_append (stem, "authority");
  return g_string_free (stem, FALSE);
}

gboolean
lgr_document_add_authority (LgrDocument *self, const char *scenario_id, const char *name,
                            char **new_id, GError **error)
{
  LgrScenario *scenario;
  LgrStudy *copy;
  g_autofree char *stripped = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stripped = g_strstrip (g_strdup (name));
  if (!lgr_check_text (stripped, _ ("the name"), TRUE, error))
    return FALSE;
  if (!(copy = copy_with_scenario (self, scenario_id, &scenario, error)))
    return FALSE;
  stem = id_stem (stripped);
  id = lgr_scenario_unique_id (scenario, stem);
  g_ptr_array_add (scenario->authorities, lgr_authority_new (id, stripped));
  label = g_strdup_printf (_ ("Add “%s”"), stripped);
  return commit_addition (self, copy, label, &id, new_id, error);
}

gboolean
lgr_document_remove_authority (LgrDocument *self, const char *scenario_id, const char *authority_id,
                               GError **error)
{
  LgrScenario *scenario;
  LgrStudy *copy;
  g_autoptr (GString) users = g_string_new (NULL);
  const LgrAuthority *authority;
  guint n_users = 0;
  int index;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);

  copy = copy_with_entry (self, scenario_id, AUTHORITY, authority_id, &scenario, &index, error);
  if (copy == NULL)
    return FALSE;
  authority = g_ptr_array_index (scenario->authorities, index);
  for (guint i = 0; i < scenario->levers->len; i++)
    {
      const LgrLever *lever = g_ptr_array_index (scenario->levers, i);
      if (g_strcmp0 (lever->authority_id, authority_id) != 0)
        continue;
      if (n_users++ > 0)
        g_string_append (users, ", ");
      g_string_append_printf (users, "“%s”", lever->name);
    }
  if (n_users > 0)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” cannot be removed: the lever %s belongs to it (move or "
                                "remove it first)",
                                "“%s” cannot be removed: the levers %s belong to it (move or "
                                "remove them first)",
                                n_users),
                   authority->name, users->str);
      return drop_copy (copy, FALSE);
    }
  if (scenario->authorities->len <= 1)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                   _ ("“%s” cannot be removed: a scenario needs at least one authority"),
                   authority->name);
      return drop_copy (copy, FALSE);
    }
  return commit_removal (self, copy, scenario->authorities, index, error);
}

static void
mark_saved (LgrDocument *self, GFile *file)
{
  State before = get_state (self);

  g_clear_pointer (&self->saved, lgr_study_free);
  self->saved = lgr_study_copy (self->study);
  self->saved_serial = self->serial;
  lgr_document_end_merge (self);
  if (file != self->file)
    {
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
  notify_state (self, before);
}

gboolean
lgr_document_save (LgrDocument *self, GError **error)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);

  if (!lgr_study_save_file (self->study, self->file, NULL, error))
    return FALSE;
  mark_saved (self, self->file);
  return TRUE;
}

gboolean
lgr_document_save_as (LgrDocument *self, GFile *file, GError **error)
{
  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!lgr_study_save_file (self->study, file, NULL, error))
    return FALSE;
  mark_saved (self, file);
  return TRUE;
}
