/* lgr-uncertainty-rules.c: the rules of ranges, drivers and <uncertainty> (see
 * lgr-uncertainty-rules.h). The ranges are rows of the schema table (NAME-low and NAME-high
 * right after NAME), so one walk over an element's rows checks them all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-uncertainty-rules.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lgr-rules.h"

static gboolean
is_number (const LgrSchemaAttribute *row)
{
  return row->type == LGR_FIELD_INT || row->type == LGR_FIELD_NUMBER
         || row->type == LGR_FIELD_COHORT_VALUE;
}

static gboolean
is_given (const LgrSchemaAttribute *row, gconstpointer object)
{
  return row->has_offset == 0 || G_STRUCT_MEMBER (gboolean, object, row->has_offset);
}

static double
value_of (const LgrSchemaAttribute *row, gconstpointer object)
{
  if (row->type == LGR_FIELD_INT)
    return G_STRUCT_MEMBER (int, object, row->offset);
  return G_STRUCT_MEMBER (double, object, row->offset);
}

static const LgrSchemaAttribute *
find_row (const LgrSchemaElement *e, const char *name, gsize length)
{
  for (guint k = 0; k < e->n_attributes; k++)
    if (strlen (e->attributes[k].name) == length
        && strncmp (e->attributes[k].name, name, length) == 0)
      return &e->attributes[k];
  return NULL;
}

static gboolean
is_driver_name (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isalnum (*s) && *s != '-' && *s != '_')
      return FALSE;
  return TRUE;
}

static gboolean fail (const char **attribute, const char *name, GError **error, const char *format,
                      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (const char **attribute, const char *name, GError **error, const char *format, ...)
{
  va_list args;
  if (attribute != NULL)
    *attribute = name;
  if (error != NULL)
    {
      va_start (args, format);
      *error = g_error_new_valist (LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID, format, args);
      va_end (args);
    }
  return FALSE;
}

/* Each bound a number in its limits, as its number is. */
static gboolean
check_limits (const LgrSchemaAttribute *row, gconstpointer object, GError **error)
{
  LgrRange range = row->range;
  double v = value_of (row, object);
  LgrCohortBasis basis = 0;

  if (row->type == LGR_FIELD_COHORT_VALUE)
    {
      basis = ((const LgrLever *)object)->basis;
      range = lgr_cohort_range (basis);
    }
  if (lgr_range_contains (range, v))
    return TRUE; /* the words of the message only when it is given: every edit checks these */
  return lgr_check_range (range, v,
                          row->type == LGR_FIELD_COHORT_VALUE ? lgr_cohort_value_name (
                              basis, g_str_has_prefix (row->name, "target"))
                                                              : _ (row->what),
                          error);
}

static gboolean
check_pair (const LgrSchemaElement *e, const LgrSchemaAttribute *low, gconstpointer object,
            const char **attribute, GError **error)
{
  const LgrSchemaAttribute *high = low + 1;
  const LgrSchemaAttribute *central = find_row (e, low->name, strlen (low->name) - 4);
  gboolean has_low = is_given (low, object), has_high = is_given (high, object);
  g_autofree char *l = NULL, *c = NULL, *h = NULL;

  g_assert (central != NULL && g_str_has_suffix (high->name, "-high"));
  if (has_low != has_high)
    return fail (attribute, has_low ? low->name : high->name, error,
                 /* Translators: "target-low is given without target-high (give both or
                    neither)" */
                 _ ("%s is given without %s (give both or neither)"),
                 has_low ? low->name : high->name, has_low ? high->name : low->name);
  if (!has_low)
    return TRUE;
  if (!is_given (central, object))
    return fail (attribute, low->name, error,
                 /* Translators: "start-low and start-high need a start" */
                 _ ("%s and %s need a %s"), low->name, high->name, central->name);
  if (value_of (low, object) > value_of (central, object))
    {
      l = lgr_number_to_string (value_of (low, object));
      c = lgr_number_to_string (value_of (central, object));
      /* Translators: "target-low 58 is above the target 55" */
      return fail (attribute, low->name, error, _ ("%s %s is above the %s %s"), low->name, l,
                   central->name, c);
    }
  if (value_of (high, object) < value_of (central, object))
    {
      h = lgr_number_to_string (value_of (high, object));
      c = lgr_number_to_string (value_of (central, object));
      /* Translators: "target-high 50 is below the target 55" */
      return fail (attribute, high->name, error, _ ("%s %s is below the %s %s"), high->name, h,
                   central->name, c);
    }
  return TRUE;
}

gboolean
lgr_uncertainty_check_element (LgrElement element, gconstpointer object, const char **attribute,
                               GError **error)
{
  const LgrSchemaElement *e = lgr_schema_element (element);
  const char *driver = NULL;
  gboolean any_range = FALSE;

  for (guint k = 0; k < e->n_attributes; k++)
    {
      const LgrSchemaAttribute *row = &e->attributes[k];
      if (is_number (row) && is_given (row, object) && !check_limits (row, object, error))
        return fail (attribute, row->name, NULL, "%s", "");
    }
  for (guint k = 0; k < e->n_attributes; k++)
    {
      const LgrSchemaAttribute *row = &e->attributes[k];
      if (row->type == LGR_FIELD_TEXT && strcmp (row->name, "driver") == 0)
        driver = G_STRUCT_MEMBER (const char *, object, row->offset);
      else if (is_number (row) && g_str_has_suffix (row->name, "-low"))
        {
          if (!check_pair (e, row, object, attribute, error))
            return FALSE;
          any_range |= is_given (row, object);
        }
    }
  if (driver == NULL)
    return TRUE;
  if (!lgr_check_length (driver, LGR_LENGTH_ID, _ ("the driver"), NULL))
    return fail (attribute, "driver", error, _ ("the driver is longer than %u characters"),
                 lgr_length_max (LGR_LENGTH_ID));
  if (!is_driver_name (driver))
    return fail (attribute, "driver", error,
                 _ ("the driver “%s” is not a name of letters, digits, “-” and “_”"),
                 g_utf8_validate (driver, -1, NULL) ? driver : "?");
  if (!any_range)
    return fail (attribute, "driver", error,
                 /* Translators: "the driver “lac” is on <cohort>, which has no range ..." */
                 _ ("the driver “%s” is on <%s>, which has no range to link (give it a range "
                    "or no driver)"),
                 driver, e->name);
  return TRUE;
}

gboolean
lgr_uncertainty_check_lever (const LgrLever *lever, GError **error)
{
  static const LgrElement elements[]
      = { LGR_ELEMENT_COHORT, LGR_ELEMENT_UNIT_COST, LGR_ELEMENT_GROWTH, LGR_ELEMENT_REALISATION };
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    if (!lgr_uncertainty_check_element (elements[i], lever, NULL, error))
      return FALSE;
  return TRUE;
}

gboolean
lgr_uncertainty_check_item (const LgrItem *item, GError **error)
{
  if (item->pattern == LGR_ITEM_PATTERN_SPREAD)
    return lgr_uncertainty_check_element (LGR_ELEMENT_SPREAD, item, NULL, error);
  if (item->pattern == LGR_ITEM_PATTERN_RECURRING)
    return lgr_uncertainty_check_element (LGR_ELEMENT_RECURRING, item, NULL, error);
  return TRUE;
}

gboolean
lgr_uncertainty_check_scenario (const LgrScenario *scenario, GError **error)
{
  return lgr_uncertainty_check_element (LGR_ELEMENT_SCENARIO_SETTINGS, scenario, NULL, error);
}

gboolean
lgr_uncertainty_check_study (const LgrStudy *study, GError **error)
{
  return lgr_uncertainty_check_element (LGR_ELEMENT_SETTINGS, study, NULL, error)
         && lgr_uncertainty_check_element (LGR_ELEMENT_UNCERTAINTY, study, NULL, error);
}

/* Drivers across the study */

typedef struct
{
  const char *scenario;
  const char *kind; /* "lever", "item" */
  const char *id;
  int line;
  const char *measure; /* what must agree: a basis or a period, or NULL */
} Link;

static gboolean
link_range (GHashTable *links, const char *driver, const char *attribute, const LgrBounds *bounds,
            const Link *here, const char *filename, GError **error)
{
  g_autofree char *key = NULL;
  const Link *first;

  if (driver == NULL || !lgr_bounds_given (bounds))
    return TRUE;
  key = g_strdup_printf ("%s/%s", driver, attribute);
  first = g_hash_table_lookup (links, key);
  if (first == NULL)
    {
      g_hash_table_insert (links, g_steal_pointer (&key), g_memdup2 (here, sizeof *here));
      return TRUE;
    }
  if (g_strcmp0 (first->measure, here->measure) == 0)
    return TRUE;
  g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
               /* Translators: "the driver “lac” links a cohort.target given as “count” here
                  with one given as “child-population” in lever “north-lac” of scenario “one”
                  (line 30): linked ranges must measure the same thing" */
               _ ("the driver “%s” links a %s given as “%s” here with one given as “%s” in %s "
                  "“%s” of scenario “%s” (line %d): linked ranges must measure the same thing"),
               driver, attribute, here->measure, first->measure, _ (first->kind), first->id,
               first->scenario, first->line);
  if (here->id != NULL)
    g_prefix_error (error, _ ("%s “%s”: "), _ (here->kind), here->id);
  if (filename != NULL && here->line > 0)
    g_prefix_error (error, "%s:%d: ", filename, here->line);
  else if (filename != NULL)
    g_prefix_error (error, "%s: ", filename);
  return FALSE;
}

gboolean
lgr_uncertainty_check_drivers (const LgrStudy *study, const char *filename, GError **error)
{
  g_autoptr (GHashTable) links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint s = 0; s < study->scenarios->len; s++)
    {
      const LgrScenario *scenario = g_ptr_array_index (study->scenarios, s);
      for (guint i = 0; i < scenario->levers->len; i++)
        {
          const LgrLever *l = g_ptr_array_index (scenario->levers, i);
          Link here = { scenario->id, N_ ("lever"), l->id, l->line, NULL };
          Link basis = here, period = here;
          basis.measure = lgr_cohort_basis_to_string (l->basis);
          period.measure = lgr_unit_period_to_string (l->unit_period);
          if (!link_range (links, l->cohort_driver, "cohort.target", &l->cohort_target_range,
                           &basis, filename, error)
              || !link_range (links, l->unit_cost_driver, "unit-cost.target",
                              &l->unit_cost_target_range, &period, filename, error)
              || !link_range (links, l->growth_driver, "growth.cohort", &l->growth_cohort_range,
                              &here, filename, error)
              || !link_range (links, l->growth_driver, "growth.unit-cost",
                              &l->growth_unit_cost_range, &here, filename, error))
            return FALSE;
        }
      for (guint i = 0; i < scenario->items->len; i++)
        {
          const LgrItem *item = g_ptr_array_index (scenario->items, i);
          Link here = { scenario->id, N_ ("item"), item->id, item->line, NULL };
          if ((item->pattern == LGR_ITEM_PATTERN_SPREAD
               && !link_range (links, item->driver, "spread.total", &item->total_range, &here,
                               filename, error))
              || (item->pattern == LGR_ITEM_PATTERN_RECURRING
                  && !link_range (links, item->driver, "recurring.amount", &item->amount_range,
                                  &here, filename, error)))
            return FALSE;
        }
    }
  return TRUE;
}

static void
stretch (LgrBounds *bounds, double value, double before)
{
  if (value == before || !bounds->has_low || !bounds->has_high)
    return;
  bounds->low = MIN (bounds->low, value);
  bounds->high = MAX (bounds->high, value);
}

void
lgr_uncertainty_stretch_lever (LgrLever *lever, const LgrLever *before)
{
  LgrYearBounds *start = &lever->realisation_start_range;

  stretch (&lever->cohort_target_range, lever->cohort_target, before->cohort_target);
  stretch (&lever->unit_cost_target_range, lever->unit_cost_target, before->unit_cost_target);
  stretch (&lever->growth_cohort_range, lever->growth_cohort, before->growth_cohort);
  stretch (&lever->growth_unit_cost_range, lever->growth_unit_cost, before->growth_unit_cost);
  if (lever->has_realisation_start && start->has_low && start->has_high
      && lever->realisation_start != before->realisation_start)
    {
      start->low = MIN (start->low, lever->realisation_start);
      start->high = MAX (start->high, lever->realisation_start);
    }
}

void
lgr_uncertainty_stretch_item (LgrItem *item, const LgrItem *before)
{
  stretch (&item->total_range, item->total, before->total);
  stretch (&item->amount_range, item->amount, before->amount);
}
