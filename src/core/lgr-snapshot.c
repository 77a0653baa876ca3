/* lgr-snapshot.c: checking, applying and describing snapshots (lgr-snapshot.h). What a set may
 * hold is not restated here: the schema table's row for ELEMENT.ATTRIBUTE parses and limits it,
 * and lgr-rules.c checks the lever, item or settings it would give.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-snapshot.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lgr-format.h"
#include "lgr-number.h"
#include "lgr-rules.h"
#include "lgr-study-schema.h"
#include "lgr-uncertainty-rules.h"

/* The element that holds each value in the file (a lever's or item's own for "enabled"). */
static const LgrElement value_elements[LGR_N_SNAPSHOT_VALUES] = {
  [LGR_SNAPSHOT_COHORT_TARGET] = LGR_ELEMENT_COHORT,
  [LGR_SNAPSHOT_COHORT_BASELINE] = LGR_ELEMENT_COHORT,
  [LGR_SNAPSHOT_UNIT_COST_TARGET] = LGR_ELEMENT_UNIT_COST,
  [LGR_SNAPSHOT_UNIT_COST_BASELINE] = LGR_ELEMENT_UNIT_COST,
  [LGR_SNAPSHOT_GROWTH_COHORT] = LGR_ELEMENT_GROWTH,
  [LGR_SNAPSHOT_GROWTH_UNIT_COST] = LGR_ELEMENT_GROWTH,
  [LGR_SNAPSHOT_REALISATION_START] = LGR_ELEMENT_REALISATION,
  [LGR_SNAPSHOT_REALISATION_PROFILE] = LGR_ELEMENT_REALISATION,
  [LGR_SNAPSHOT_SPREAD_TOTAL] = LGR_ELEMENT_SPREAD,
  [LGR_SNAPSHOT_SPREAD_START] = LGR_ELEMENT_SPREAD,
  [LGR_SNAPSHOT_SPREAD_PROFILE] = LGR_ELEMENT_SPREAD,
  [LGR_SNAPSHOT_RECURRING_AMOUNT] = LGR_ELEMENT_RECURRING,
  [LGR_SNAPSHOT_RECURRING_START] = LGR_ELEMENT_RECURRING,
  [LGR_SNAPSHOT_RECURRING_PROFILE] = LGR_ELEMENT_RECURRING,
  [LGR_SNAPSHOT_RECURRING_GROWTH] = LGR_ELEMENT_RECURRING,
  [LGR_SNAPSHOT_ENABLED] = LGR_ELEMENT_LEVER,
  [LGR_SNAPSHOT_BENEFIT_REALISATION] = LGR_ELEMENT_SETTINGS,
  [LGR_SNAPSHOT_COST_CONTINGENCY] = LGR_ELEMENT_SETTINGS,
  [LGR_SNAPSHOT_COUNT_AVOIDANCE] = LGR_ELEMENT_SETTINGS,
};

/* What one set names, found in a study. */
typedef struct
{
  LgrElement el;
  const LgrSchemaAttribute *row;
  LgrScenario *scenario; /* NULL for a setting */
  LgrLever *lever;
  LgrItem *item;
} Target;

static gboolean
is_setting (LgrSnapshotValue value)
{
  return value_elements[value] == LGR_ELEMENT_SETTINGS;
}

static const LgrSchemaAttribute *
find_row (LgrElement el, const char *name)
{
  const LgrSchemaElement *e = lgr_schema_element (el);
  for (guint i = 0; i < e->n_attributes; i++)
    if (strcmp (e->attributes[i].name, name) == 0)
      return &e->attributes[i];
  g_return_val_if_reached (NULL);
}

static gboolean fail (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError **error, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

static gboolean
resolve (const LgrStudy *study, const LgrSnapshotSet *set, Target *t, GError **error)
{
  const char *name;
  const char *dot;

  if ((guint)set->value >= LGR_N_SNAPSHOT_VALUES)
    return fail (error, _ ("a set names no value it could change"));
  name = lgr_snapshot_value_names[set->value];
  dot = strchr (name, '.');
  *t = (Target){ .el = value_elements[set->value] };

  if (is_setting (set->value))
    {
      if (set->scenario != NULL || set->lever != NULL || set->item != NULL)
        return fail (
            error, _ ("“%s” is a setting of the study: it takes no scenario, lever or item"), name);
      t->row = find_row (t->el, dot + 1);
      return t->row != NULL;
    }
  if (set->scenario == NULL)
    return fail (error, _ ("“%s” needs the scenario it changes (scenario=\"...\")"), name);
  t->scenario = lgr_study_find_scenario (study, set->scenario);
  if (t->scenario == NULL)
    return fail (error, _ ("there is no scenario “%s”"), set->scenario);
  if ((set->lever == NULL) == (set->item == NULL))
    return fail (error, _ ("“%s” needs one lever (lever=\"...\") or one item (item=\"...\")"),
                 name);
  if (set->lever != NULL)
    {
      t->lever = lgr_scenario_find_lever (t->scenario, set->lever);
      if (t->lever == NULL)
        return fail (error, _ ("the scenario “%s” has no lever “%s”"), set->scenario, set->lever);
      if (t->el == LGR_ELEMENT_SPREAD || t->el == LGR_ELEMENT_RECURRING)
        return fail (error, _ ("“%s” is a value of an item, not of the lever “%s”"), name,
                     set->lever);
    }
  else
    {
      t->item = lgr_scenario_find_item (t->scenario, set->item);
      if (t->item == NULL)
        return fail (error, _ ("the scenario “%s” has no item “%s”"), set->scenario, set->item);
      if (t->el == LGR_ELEMENT_LEVER)
        t->el = LGR_ELEMENT_ITEM;
      else if (t->el != LGR_ELEMENT_SPREAD && t->el != LGR_ELEMENT_RECURRING)
        return fail (error, _ ("“%s” is a value of a lever, not of the item “%s”"), name,
                     set->item);
      if (!lgr_schema_element_applies (t->el, t->item))
        return fail (error, _ ("the item “%s” has no <%s>: it is given as %s"), set->item,
                     lgr_schema_element (t->el)->name,
                     lgr_item_pattern_to_string (t->item->pattern));
    }
  t->row = find_row (t->el, dot ? dot + 1 : name);
  return t->row != NULL;
}

static const char *
what_of (const Target *t)
{
  if (t->row->type == LGR_FIELD_COHORT_VALUE)
    return lgr_cohort_value_name (t->lever->basis, strcmp (t->row->name, "target") == 0);
  return _ (t->row->what);
}

/* Reads text into object's field as the loader reads that attribute: the row's type, range
 * and length. */
static gboolean
parse_into (const Target *t, const char *text, gpointer object, GError **error)
{
  const LgrSchemaAttribute *row = t->row;
  const char *what = what_of (t);

  if (text == NULL)
    return fail (error, _ ("%s has no value"), what);
  if (!lgr_check_length (text, row->length, what, error))
    return FALSE;
  switch (row->type)
    {
    case LGR_FIELD_INT:
      {
        int v;
        if (!lgr_parse_int_for (text, what, &v, error)
            || !lgr_check_range (row->range, v, what, error))
          return FALSE;
        G_STRUCT_MEMBER (int, object, row->offset) = v;
        break;
      }
    case LGR_FIELD_NUMBER:
    case LGR_FIELD_COHORT_VALUE:
      {
        LgrRange range
            = row->type == LGR_FIELD_COHORT_VALUE ? lgr_cohort_range (t->lever->basis) : row->range;
        double v;
        if (!lgr_parse_number_for (text, what, &v, error)
            || !lgr_check_range (range, v, what, error))
          return FALSE;
        G_STRUCT_MEMBER (double, object, row->offset) = v;
        break;
      }
    case LGR_FIELD_BOOL:
      if (strcmp (text, "true") != 0 && strcmp (text, "false") != 0)
        return fail (error, _ ("%s “%s” must be true or false"), row->name, text);
      G_STRUCT_MEMBER (gboolean, object, row->offset) = strcmp (text, "true") == 0;
      break;
    case LGR_FIELD_PROFILE:
      if (!lgr_parse_profile (text, &G_STRUCT_MEMBER (LgrProfile, object, row->offset), error))
        return FALSE;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  if (row->has_offset != 0)
    G_STRUCT_MEMBER (gboolean, object, row->has_offset) = TRUE;
  return TRUE;
}

/* The changed copy of what the set names, checked by its validator; NULL on failure. For a
 * setting, a copy of the study's settings (its own strings and arrays are borrowed). */
static gpointer
changed_copy (const LgrStudy *study, const LgrSnapshotSet *set, Target *t, GError **error)
{
  if (!resolve (study, set, t, error))
    return NULL;
  if (t->lever != NULL)
    {
      g_autoptr (LgrLever) copy = lgr_lever_copy (t->lever);
      if (!parse_into (t, set->text, copy, error))
        return NULL;
      /* as an edit in the window: a number set outside its range takes the range with it */
      lgr_uncertainty_stretch_lever (copy, t->lever);
      if (!lgr_lever_validate (copy, t->scenario, error))
        return NULL;
      return g_steal_pointer (&copy);
    }
  if (t->item != NULL)
    {
      g_autoptr (LgrItem) copy = lgr_item_copy (t->item);
      if (!parse_into (t, set->text, copy, error))
        return NULL;
      lgr_uncertainty_stretch_item (copy, t->item);
      if (!lgr_item_validate_in (copy, t->scenario, error))
        return NULL;
      return g_steal_pointer (&copy);
    }
  {
    g_autofree LgrStudy *settings = g_memdup2 (study, sizeof *study);
    if (!parse_into (t, set->text, settings, error)
        || !lgr_study_validate_settings (settings, error))
      return NULL;
    return g_steal_pointer (&settings);
  }
}

static void
free_copy (const Target *t, gpointer copy)
{
  if (t->lever != NULL)
    lgr_lever_free (copy);
  else if (t->item != NULL)
    lgr_item_free (copy);
  else
    g_free (copy);
}

gboolean
lgr_snapshot_check_set (const LgrStudy *study, const LgrSnapshotSet *set, GError **error)
{
  Target t;
  gpointer copy = changed_copy (study, set, &t, error);
  if (copy == NULL)
    return FALSE;
  free_copy (&t, copy);
  return TRUE;
}

static void
replace (GPtrArray *array, gpointer old, gpointer new, GDestroyNotify free_func)
{
  guint index;
  g_assert (g_ptr_array_find (array, old, &index));
  array->pdata[index] = new;
  free_func (old);
}

static gboolean
apply_set (LgrStudy *study, const LgrSnapshotSet *set, GError **error)
{
  Target t;
  gpointer copy = changed_copy (study, set, &t, error);
  if (copy == NULL)
    return FALSE;
  if (t.lever != NULL)
    replace (t.scenario->levers, t.lever, copy, (GDestroyNotify)lgr_lever_free);
  else if (t.item != NULL)
    replace (t.scenario->items, t.item, copy, (GDestroyNotify)lgr_item_free);
  else
    {
      /* a setting is a number or a bool: copy that field back */
      gsize size = t.row->type == LGR_FIELD_BOOL ? sizeof (gboolean) : sizeof (double);
      memcpy ((char *)study + t.row->offset, (char *)copy + t.row->offset, size);
      g_free (copy);
    }
  return TRUE;
}

static void
prefix_set (GError **error, const LgrSnapshot *snapshot, const LgrSnapshotSet *set,
            const char *filename)
{
  if (error == NULL || *error == NULL)
    return;
  g_prefix_error (error, _ ("snapshot “%s”: "), snapshot->id);
  if (filename != NULL && set->line > 0)
    g_prefix_error (error, "%s:%d: ", filename, set->line);
  else if (filename != NULL)
    g_prefix_error (error, "%s: ", filename);
}

gboolean
lgr_snapshot_apply (LgrStudy *study, const LgrSnapshot *snapshot, GError **error)
{
  g_autoptr (LgrStudy) work = NULL;

  g_return_val_if_fail (study != NULL && snapshot != NULL, FALSE);

  /* on a copy first, so that a failure leaves study as it was */
  work = lgr_study_copy (study);
  for (guint i = 0; i < snapshot->sets->len; i++)
    if (!apply_set (work, g_ptr_array_index (snapshot->sets, i), error))
      {
        prefix_set (error, snapshot, g_ptr_array_index (snapshot->sets, i), NULL);
        return FALSE;
      }
  for (guint i = 0; i < snapshot->sets->len; i++)
    if (!apply_set (study, g_ptr_array_index (snapshot->sets, i), NULL))
      g_return_val_if_reached (FALSE);
  return TRUE;
}

gboolean
lgr_snapshot_validate_all (const LgrStudy *study, const char *filename, GError **error)
{
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < study->snapshots->len; i++)
    {
      const LgrSnapshot *snapshot = g_ptr_array_index (study->snapshots, i);
      gboolean ok
          = lgr_check_id (snapshot->id, error)
            && lgr_check_text (snapshot->name, _ ("the name"), TRUE, error)
            && lgr_check_length (snapshot->name, LGR_LENGTH_NAME, _ ("the name"), error)
            && lgr_check_text (snapshot->note, _ ("the note"), FALSE, error)
            && (snapshot->note == NULL
                || lgr_check_length (snapshot->note, LGR_LENGTH_NOTE, _ ("the note"), error));
      if (ok && !g_hash_table_add (ids, snapshot->id))
        ok = fail (error, _ ("the snapshot id “%s” is used twice"), snapshot->id);
      if (!ok)
        {
          g_prefix_error (error, _ ("snapshot “%s”: "), snapshot->id ? snapshot->id : "");
          if (filename != NULL)
            g_prefix_error (error, "%s:%d: ", filename, snapshot->line);
          return FALSE;
        }
      for (guint k = 0; k < snapshot->sets->len; k++)
        {
          const LgrSnapshotSet *set = g_ptr_array_index (snapshot->sets, k);
          if (!lgr_check_text (set->text, _ ("the value"), TRUE, error)
              || !lgr_snapshot_check_set (study, set, error))
            {
              prefix_set (error, snapshot, set, filename);
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* The field as a person reads it in a list of changes. */
static char *
field_text (const Target *t, gconstpointer object)
{
  const LgrSchemaAttribute *row = t->row;
  if (row->has_offset != 0 && !G_STRUCT_MEMBER (gboolean, object, row->has_offset))
    return g_strdup (_ ("not given"));
  switch (row->type)
    {
    case LGR_FIELD_INT:
      return g_strdup_printf ("%d", G_STRUCT_MEMBER (int, object, row->offset));
    case LGR_FIELD_NUMBER:
    case LGR_FIELD_COHORT_VALUE:
      if (row->money)
        return lgr_format_money_exact (G_STRUCT_MEMBER (double, object, row->offset));
      return lgr_number_to_string (G_STRUCT_MEMBER (double, object, row->offset));
    case LGR_FIELD_BOOL:
      return g_strdup (G_STRUCT_MEMBER (gboolean, object, row->offset) ? _ ("on") : _ ("off"));
    case LGR_FIELD_PROFILE:
      return lgr_profile_to_string (&G_STRUCT_MEMBER (LgrProfile, object, row->offset));
    default:
      g_return_val_if_reached (NULL);
    }
}

GPtrArray *
lgr_snapshot_describe (const LgrStudy *study, const LgrSnapshot *snapshot)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (LgrStudy) work = lgr_study_copy (study);

  /* in order, each against the values the sets before it left */
  for (guint i = 0; i < snapshot->sets->len; i++)
    {
      const LgrSnapshotSet *set = g_ptr_array_index (snapshot->sets, i);
      g_autoptr (GError) error = NULL;
      g_autofree char *subject = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      Target t;
      gpointer copy = changed_copy (work, set, &t, &error);
      gconstpointer old = t.lever  ? (gconstpointer)t.lever
                          : t.item ? (gconstpointer)t.item
                                   : (gconstpointer)work;

      if (copy == NULL)
        {
          g_ptr_array_add (lines, g_strdup (error->message));
          continue;
        }
      if (t.lever != NULL)
        {
          const LgrAuthority *authority
              = lgr_scenario_find_authority (t.scenario, t.lever->authority_id);
          subject = g_strdup_printf ("%s, %s (%s)", t.scenario->name, t.lever->name,
                                     authority ? authority->name : t.lever->authority_id);
        }
      else if (t.item != NULL)
        subject = g_strdup_printf ("%s, %s", t.scenario->name, t.item->name);
      else
        subject = g_strdup (_ ("Every scenario"));
      before = field_text (&t, old);
      after = field_text (&t, copy);
      /* Translators: "Two unitaries, Transition costs: total from £37,300,000 to £53,712,000" */
      g_ptr_array_add (lines, g_strdup_printf (_ ("%s: %s from %s to %s"), subject, what_of (&t),
                                               before, after));
      free_copy (&t, copy);
      apply_set (work, set, NULL);
    }
  return lines;
}

/* The field as the file writes it. */
static char *
file_text (const LgrSchemaAttribute *row, gconstpointer object)
{
  switch (row->type)
    {
    case LGR_FIELD_INT:
      return g_strdup_printf ("%d", G_STRUCT_MEMBER (int, object, row->offset));
    case LGR_FIELD_NUMBER:
    case LGR_FIELD_COHORT_VALUE:
      return lgr_number_to_string (G_STRUCT_MEMBER (double, object, row->offset));
    case LGR_FIELD_BOOL:
      return g_strdup (G_STRUCT_MEMBER (gboolean, object, row->offset) ? "true" : "false");
    case LGR_FIELD_PROFILE:
      return lgr_profile_to_string (&G_STRUCT_MEMBER (LgrProfile, object, row->offset));
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Adds a set for each value of the elements that differs between a and b (objects of the same
 * kind); only values a set can hold (an optional year that is not given is left alone). */
static void
add_differences (LgrSnapshot *snapshot, const char *scenario, const char *lever, const char *item,
                 gconstpointer a, gconstpointer b)
{
  for (guint v = 0; v < LGR_N_SNAPSHOT_VALUES; v++)
    {
      Target t = { .el = value_elements[v] };
      const char *name = lgr_snapshot_value_names[v];
      const char *dot = strchr (name, '.');
      g_autofree char *text_a = NULL;
      g_autofree char *text_b = NULL;
      LgrSnapshotSet *set;

      if ((scenario == NULL) != is_setting (v))
        continue;
      if (item != NULL && t.el == LGR_ELEMENT_LEVER)
        t.el = LGR_ELEMENT_ITEM;
      if (lever != NULL
          && (t.el == LGR_ELEMENT_SPREAD || t.el == LGR_ELEMENT_RECURRING
              || t.el == LGR_ELEMENT_ITEM))
        continue;
      if (item != NULL
          && ((t.el != LGR_ELEMENT_SPREAD && t.el != LGR_ELEMENT_RECURRING
               && t.el != LGR_ELEMENT_ITEM)
              || !lgr_schema_element_applies (t.el, b)))
        continue;
      t.row = find_row (t.el, dot ? dot + 1 : name);
      if (t.row->has_offset != 0 && !G_STRUCT_MEMBER (gboolean, b, t.row->has_offset))
        continue;
      text_a = file_text (t.row, a);
      text_b = file_text (t.row, b);
      if (strcmp (text_a, text_b) == 0
          && (t.row->has_offset == 0 || G_STRUCT_MEMBER (gboolean, a, t.row->has_offset)))
        continue;
      set = lgr_snapshot_set_new ();
      set->scenario = g_strdup (scenario);
      set->lever = g_strdup (lever);
      set->item = g_strdup (item);
      set->value = v;
      set->text = g_steal_pointer (&text_b);
      g_ptr_array_add (snapshot->sets, set);
    }
}

LgrSnapshot *
lgr_snapshot_from_differences (const LgrStudy *start, const LgrStudy *now, const char *id,
                               const char *name)
{
  g_autoptr (LgrSnapshot) snapshot = lgr_snapshot_new (id, name);

  add_differences (snapshot, NULL, NULL, NULL, start, now);
  for (guint s = 0; s < now->scenarios->len; s++)
    {
      const LgrScenario *b = g_ptr_array_index (now->scenarios, s);
      const LgrScenario *a = lgr_study_find_scenario (start, b->id);
      if (a == NULL)
        continue; /* a scenario added since: no set can make it */
      for (guint i = 0; i < b->levers->len; i++)
        {
          const LgrLever *lb = g_ptr_array_index (b->levers, i);
          const LgrLever *la = lgr_scenario_find_lever (a, lb->id);
          if (la != NULL && la->basis == lb->basis)
            add_differences (snapshot, b->id, lb->id, NULL, la, lb);
        }
      for (guint i = 0; i < b->items->len; i++)
        {
          const LgrItem *ib = g_ptr_array_index (b->items, i);
          const LgrItem *ia = lgr_scenario_find_item (a, ib->id);
          if (ia != NULL && ia->pattern == ib->pattern)
            add_differences (snapshot, b->id, NULL, ib->id, ia, ib);
        }
    }
  return snapshot->sets->len > 0 ? g_steal_pointer (&snapshot) : NULL;
}

guint
lgr_snapshot_drop_stale (LgrStudy *study)
{
  guint dropped = 0;
  for (guint i = 0; i < study->snapshots->len; i++)
    {
      LgrSnapshot *snapshot = g_ptr_array_index (study->snapshots, i);
      for (guint k = snapshot->sets->len; k-- > 0;)
        if (!lgr_snapshot_check_set (study, g_ptr_array_index (snapshot->sets, k), NULL))
          {
            g_ptr_array_remove_index (snapshot->sets, k);
            dropped++;
          }
    }
  return dropped;
}
