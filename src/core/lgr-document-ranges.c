/* lgr-document-ranges.c: ranges and links of single inputs as document edits (see
 * lgr-document-ranges.h). The rules are lgr-uncertainty-rules.c's; this file only finds the
 * fields of an input and makes each change one undoable step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-document-ranges.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lgr-document-private.h"
#include "lgr-rules.h"
#include "lgr-uncertainty-rules.h"

/* Where one input of one lever or item keeps its range and driver. */
typedef struct
{
  gboolean applies;
  LgrBounds *bounds;    /* NULL for a year */
  LgrYearBounds *years; /* a realisation start */
  double central;
  char **driver;
  const char *measure; /* what linked inputs must share (basis, period, pattern), or NULL */
  const char *suffix;  /* for a new driver's name */
  LgrElement element;  /* for the rules */
  const char *name;    /* the lever's or item's */
  gpointer entry;
} Slot;

static gboolean
is_item_quantity (LgrRanged quantity)
{
  return quantity == LGR_RANGED_ITEM_VALUE;
}

static void
lever_slot (LgrLever *l, LgrRanged quantity, const LgrStudy *study, Slot *s)
{
  *s = (Slot){ .applies = TRUE, .name = l->name, .entry = l };
  switch (quantity)
    {
    case LGR_RANGED_COHORT_TARGET:
      s->bounds = &l->cohort_target_range;
      s->central = l->cohort_target;
      s->driver = &l->cohort_driver;
      s->measure = lgr_cohort_basis_to_string (l->basis);
      s->suffix = "cohort";
      s->element = LGR_ELEMENT_COHORT;
      break;
    case LGR_RANGED_UNIT_COST_TARGET:
      s->bounds = &l->unit_cost_target_range;
      s->central = l->unit_cost_target;
      s->driver = &l->unit_cost_driver;
      s->measure = lgr_unit_period_to_string (l->unit_period);
      s->suffix = "unit-cost";
      s->element = LGR_ELEMENT_UNIT_COST;
      break;
    case LGR_RANGED_GROWTH_COHORT:
    case LGR_RANGED_GROWTH_UNIT_COST:
      s->bounds = quantity == LGR_RANGED_GROWTH_COHORT ? &l->growth_cohort_range
                                                       : &l->growth_unit_cost_range;
      s->central = quantity == LGR_RANGED_GROWTH_COHORT ? l->growth_cohort : l->growth_unit_cost;
      s->driver = &l->growth_driver;
      s->suffix = "growth";
      s->element = LGR_ELEMENT_GROWTH;
      break;
    case LGR_RANGED_REALISATION_START:
      s->years = &l->realisation_start_range;
      s->central = lgr_lever_start_year (l, study);
      s->driver = &l->realisation_driver;
      s->suffix = "start";
      s->element = LGR_ELEMENT_REALISATION;
      break;
    case LGR_RANGED_ITEM_VALUE:
    case LGR_N_RANGED:
    default:
      s->applies = FALSE;
      break;
    }
}

static void
item_slot (LgrItem *item, LgrRanged quantity, Slot *s)
{
  gboolean spread = item->pattern == LGR_ITEM_PATTERN_SPREAD;

  *s = (Slot){ .name = item->name, .entry = item };
  if (quantity != LGR_RANGED_ITEM_VALUE
      || (item->pattern != LGR_ITEM_PATTERN_SPREAD && item->pattern != LGR_ITEM_PATTERN_RECURRING))
    return;
  s->applies = TRUE;
  s->bounds = spread ? &item->total_range : &item->amount_range;
  s->central = spread ? item->total : item->amount;
  s->driver = &item->driver;
  s->measure = lgr_item_pattern_to_string (item->pattern);
  s->suffix = spread ? "total" : "amount";
  s->element = spread ? LGR_ELEMENT_SPREAD : LGR_ELEMENT_RECURRING;
}

static gboolean
slot_has_range (const Slot *s)
{
  return s->bounds ? s->bounds->has_low && s->bounds->has_high
                   : s->years->has_low && s->years->has_high;
}

/* Every input of kind quantity in the study, scenario by scenario, until func returns FALSE. */
typedef gboolean (*SlotFunc) (LgrScenario *scenario, Slot *slot, gpointer data);

static void
for_each_slot (const LgrStudy *study, LgrRanged quantity, SlotFunc func, gpointer data)
{
  for (guint i = 0; i < study->scenarios->len; i++)
    {
      LgrScenario *scenario = g_ptr_array_index (study->scenarios, i);
      GPtrArray *entries = is_item_quantity (quantity) ? scenario->items : scenario->levers;
      for (guint j = 0; j < entries->len; j++)
        {
          Slot slot;
          if (is_item_quantity (quantity))
            item_slot (g_ptr_array_index (entries, j), quantity, &slot);
          else
            lever_slot (g_ptr_array_index (entries, j), quantity, study, &slot);
          if (slot.applies && !func (scenario, &slot, data))
            return;
        }
    }
}

static gboolean
find_slot (const LgrStudy *study, const char *scenario_id, const char *entry_id, LgrRanged quantity,
           Slot *slot)
{
  LgrScenario *scenario = lgr_study_find_scenario (study, scenario_id);

  if (scenario == NULL || (guint)quantity >= LGR_N_RANGED)
    return FALSE;
  if (is_item_quantity (quantity))
    {
      LgrItem *item = lgr_scenario_find_item (scenario, entry_id);
      if (item == NULL)
        return FALSE;
      item_slot (item, quantity, slot);
    }
  else
    {
      LgrLever *lever = lgr_scenario_find_lever (scenario, entry_id);
      if (lever == NULL)
        return FALSE;
      lever_slot (lever, quantity, study, slot);
    }
  return TRUE;
}

/* The other inputs that share here's driver (linked) or that linking would link. */
typedef struct
{
  const Slot *here;
  gboolean linked;
  guint limit;      /* stop after this many, 0: find all */
  GPtrArray *found; /* of Found* */
} Search;

typedef struct
{
  LgrScenario *scenario;
  Slot slot;
} Found;

static gboolean
collect (LgrScenario *scenario, Slot *slot, gpointer data)
{
  Search *search = data;
  const Slot *here = search->here;
  Found *found;

  if (slot->entry == here->entry || !slot_has_range (slot))
    return TRUE;
  if (search->linked)
    {
      if (*here->driver == NULL || g_strcmp0 (*slot->driver, *here->driver) != 0)
        return TRUE;
    }
  else if (g_strcmp0 (slot->name, here->name) != 0 || g_strcmp0 (slot->measure, here->measure) != 0)
    return TRUE;
  found = g_new (Found, 1);
  found->scenario = scenario;
  found->slot = *slot;
  g_ptr_array_add (search->found, found);
  return search->limit == 0 || search->found->len < search->limit;
}

static GPtrArray *
search_some (const LgrStudy *study, LgrRanged quantity, const Slot *here, gboolean linked,
             guint limit)
{
  Search search = { here, linked, limit, g_ptr_array_new_with_free_func (g_free) };
  if (!linked || *here->driver != NULL)
    for_each_slot (study, quantity, collect, &search);
  return search.found;
}

static GPtrArray *
search_links (const LgrStudy *study, LgrRanged quantity, const Slot *here, gboolean linked)
{
  return search_some (study, quantity, here, linked, 0);
}

gboolean
lgr_range_info_get (const LgrStudy *study, const char *scenario_id, const char *entry_id,
                    LgrRanged quantity, LgrRangeInfo *info)
{
  g_autoptr (GPtrArray) linked = NULL;
  Slot slot;

  g_return_val_if_fail (study != NULL && info != NULL, FALSE);

  *info = (LgrRangeInfo){ 0 };
  if (!find_slot (study, scenario_id, entry_id, quantity, &slot))
    return FALSE;
  if (!slot.applies)
    return TRUE;
  info->applies = TRUE;
  info->central = slot.central;
  info->has_range = slot_has_range (&slot);
  if (info->has_range)
    {
      info->low = slot.bounds ? slot.bounds->low : slot.years->low;
      info->high = slot.bounds ? slot.bounds->high : slot.years->high;
    }
  info->driver = *slot.driver;
  linked = search_some (study, quantity, &slot, TRUE, 1);
  info->linked = linked->len > 0;
  /* docs/uncertainty.md, "Default range": targets, totals and amounts without their own */
  if (!info->has_range && slot.central != 0
      && (quantity == LGR_RANGED_COHORT_TARGET || quantity == LGR_RANGED_UNIT_COST_TARGET
          || quantity == LGR_RANGED_ITEM_VALUE))
    info->default_range = study->default_range;
  return TRUE;
}

guint
lgr_range_count_links (const LgrStudy *study, const char *scenario_id, const char *entry_id,
                       LgrRanged quantity, gboolean linked)
{
  g_autoptr (GPtrArray) found = NULL;
  Slot slot;

  g_return_val_if_fail (study != NULL, 0);

  if (!find_slot (study, scenario_id, entry_id, quantity, &slot) || !slot.applies)
    return 0;
  found = search_links (study, quantity, &slot, linked);
  return found->len;
}

char *
lgr_range_describe_links (const LgrStudy *study, const char *scenario_id, const char *entry_id,
                          LgrRanged quantity, gboolean linked)
{
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GString) text = NULL;
  Slot slot;

  g_return_val_if_fail (study != NULL, NULL);

  if (!find_slot (study, scenario_id, entry_id, quantity, &slot) || !slot.applies)
    return NULL;
  found = search_links (study, quantity, &slot, linked);
  if (found->len == 0)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < found->len; i++)
    {
      const Found *f = g_ptr_array_index (found, i);
      const LgrAuthority *authority
          = is_item_quantity (quantity)
                ? NULL
                : lgr_scenario_find_authority (f->scenario,
                                               ((const LgrLever *)f->slot.entry)->authority_id);
      if (text->len)
        g_string_append_c (text, '\n');
      if (authority)
        /* Translators: a scenario and an authority, "Two unitaries (South)" */
        g_string_append_printf (text, _ ("%s (%s)"), f->scenario->name, authority->name);
      else
        g_string_append (text, f->scenario->name);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A copy of the study and the copy's input, or NULL with error set. */
static LgrStudy *
copy_with_slot (LgrDocument *self, const char *scenario_id, const char *entry_id,
                LgrRanged quantity, Slot *slot, GError **error)
{
  LgrScenario *scenario;
  LgrStudy *copy = _lgr_document_copy_with_scenario (self, scenario_id, &scenario, error);

  if (copy == NULL)
    return NULL;
  if (!find_slot (copy, scenario_id, entry_id, quantity, slot) || !slot->applies)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                   is_item_quantity (quantity)
                       ? _ ("item “%s” has no total or amount to give a range")
                       : _ ("there is no lever “%s” in the study"),
                   entry_id);
      lgr_study_free (copy);
      return NULL;
    }
  return copy;
}

static gboolean
drop (LgrStudy *copy, gboolean result)
{
  lgr_study_free (copy);
  return result;
}

/* Commits copy, whose input slot changed, as the step label (owned). */
static gboolean
commit_slot (LgrDocument *self, LgrStudy *copy, const Slot *slot, char *label, GError **error)
{
  g_autofree char *owned = label;

  if (!lgr_uncertainty_check_element (slot->element, slot->entry, NULL, error))
    return drop (copy, FALSE);
  return _lgr_document_commit (self, copy, owned, NULL, error);
}

gboolean
lgr_document_set_range (LgrDocument *self, const char *scenario_id, const char *entry_id,
                        LgrRanged quantity, double low, double high, GError **error)
{
  LgrStudy *copy;
  Slot slot;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);

  if (!(copy = copy_with_slot (self, scenario_id, entry_id, quantity, &slot, error)))
    return FALSE;
  if (slot.years)
    {
      LgrLever *lever = slot.entry;
      /* A year outside the file's years, or not a whole one, is refused as the loader does. */
      if (!lgr_check_range (LGR_RANGE_YEAR, low, "start-low", error)
          || !lgr_check_range (LGR_RANGE_YEAR, high, "start-high", error))
        return drop (copy, FALSE);
      /* A range needs a start of its own: the year the lever starts anyway. */
      lever->realisation_start = (int)slot.central;
      lever->has_realisation_start = TRUE;
      *slot.years = (LgrYearBounds){ TRUE, TRUE, (int)low, (int)high };
    }
  else
    *slot.bounds = (LgrBounds){ TRUE, TRUE, low, high };
  /* Translators: the undo step, "Change the range of “Children looked after”" */
  return commit_slot (self, copy, &slot,
                      g_strdup_printf (_ ("Change the range of “%s”"), slot.name), error);
}

/* Takes driver off every input of quantity that is alone on it, once one of its inputs left. */
static void
unlink_single (LgrStudy *copy, LgrRanged quantity, const char *driver)
{
  Slot probe = { .entry = NULL };
  char *name = (char *)driver;
  g_autoptr (GPtrArray) left = NULL;

  probe.driver = &name;
  left = search_links (copy, quantity, &probe, TRUE);
  if (left->len == 1)
    {
      const Found *f = g_ptr_array_index (left, 0);
      g_clear_pointer (f->slot.driver, g_free);
    }
}

/* The input's driver off it (a growth driver stays while the other growth has a range). */
static void
take_driver (LgrStudy *copy, LgrRanged quantity, Slot *slot)
{
  g_autofree char *old = NULL;

  if (*slot->driver == NULL)
    return;
  if (slot->element == LGR_ELEMENT_GROWTH)
    {
      LgrLever *lever = slot->entry;
      const LgrBounds *other = quantity == LGR_RANGED_GROWTH_COHORT ? &lever->growth_unit_cost_range
                                                                    : &lever->growth_cohort_range;
      if (lgr_bounds_given (other) && slot_has_range (slot))
        return;
    }
  old = g_steal_pointer (slot->driver);
  unlink_single (copy, quantity, old);
}

gboolean
lgr_document_clear_range (LgrDocument *self, const char *scenario_id, const char *entry_id,
                          LgrRanged quantity, GError **error)
{
  LgrStudy *copy;
  Slot slot;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);

  if (!(copy = copy_with_slot (self, scenario_id, entry_id, quantity, &slot, error)))
    return FALSE;
  if (slot.years)
    *slot.years = (LgrYearBounds){ 0 };
  else
    *slot.bounds = (LgrBounds){ 0 };
  take_driver (copy, quantity, &slot);
  /* Translators: the undo step */
  return commit_slot (self, copy, &slot, g_strdup_printf (_ ("Clear the range of “%s”"), slot.name),
                      error);
}

static gboolean
driver_taken (const LgrStudy *study, const char *name)
{
  for (int q = 0; q < LGR_N_RANGED; q++)
    {
      Slot probe = { .entry = NULL };
      char *driver = (char *)name;
      g_autoptr (GPtrArray) users = NULL;
      probe.driver = &driver;
      users = search_links (study, q, &probe, TRUE);
      if (users->len > 0)
        return TRUE;
    }
  return FALSE;
}

/* "north-lac-unit-cost", or with "-2", "-3"... if another link has that name. */
static char *
new_driver (const LgrStudy *study, const char *entry_id, const char *suffix)
{
  g_autofree char *base = g_strdup_printf ("%s-%s", entry_id, suffix);
  char *name = g_strdup (base);

  for (int n = 2; driver_taken (study, name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s-%d", base, n);
    }
  return name;
}

gboolean
lgr_document_set_range_linked (LgrDocument *self, const char *scenario_id, const char *entry_id,
                               LgrRanged quantity, gboolean linked, GError **error)
{
  g_autoptr (GPtrArray) matches = NULL;
  g_autofree char *driver = NULL;
  LgrStudy *copy;
  Slot slot;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);

  if (!(copy = copy_with_slot (self, scenario_id, entry_id, quantity, &slot, error)))
    return FALSE;
  if (!linked)
    {
      if (*slot.driver == NULL)
        return drop (copy, TRUE);
      driver = g_steal_pointer (slot.driver);
      unlink_single (copy, quantity, driver);
      /* Translators: the undo step */
      return commit_slot (self, copy, &slot,
                          g_strdup_printf (_ ("Unlink the range of “%s”"), slot.name), error);
    }
  if (!slot_has_range (&slot))
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                   _ ("give “%s” a low and a high before linking it"), slot.name);
      return drop (copy, FALSE);
    }
  matches = search_links (copy, quantity, &slot, FALSE);
  if (matches->len == 0)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                   _ ("no other “%s” measured the same way has a range to link with"), slot.name);
      return drop (copy, FALSE);
    }
  /* Keep a link that is there already, so linked inputs stay one quantity. */
  driver = g_strdup (*slot.driver);
  for (guint i = 0; driver == NULL && i < matches->len; i++)
    driver = g_strdup (*((Found *)g_ptr_array_index (matches, i))->slot.driver);
  if (driver == NULL)
    driver = new_driver (copy, entry_id, slot.suffix);
  for (guint i = 0; i < matches->len; i++)
    {
      Found *f = g_ptr_array_index (matches, i);
      g_free (*f->slot.driver);
      *f->slot.driver = g_strdup (driver);
    }
  g_free (*slot.driver);
  *slot.driver = g_strdup (driver);
  /* Translators: the undo step */
  return commit_slot (self, copy, &slot,
                      g_strdup_printf (_ ("Link the range of “%s” across scenarios"), slot.name),
                      error);
}
