/* lgr-uncertainty.c: the uncertain quantities of a study and its Monte Carlo
 * (docs/uncertainty.md; see lgr-uncertainty.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-uncertainty-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* The quantities and the inputs of the switching values */

typedef struct
{
  LgrUncertaintyModel *m;
  GPtrArray *quantity_members; /* per quantity: GArray of LgrMember */
  GPtrArray *input_members;    /* per input: GArray of LgrMember (shared by a driver's inputs) */
  GHashTable *drivers;         /* "driver:D/element.attribute" -> quantity index + 1 */
  GHashTable *driver_inputs;   /* the same -> GArray of LgrMember */
} Collector;

/* Where a range or an input sits. */
typedef struct
{
  const LgrScenario *scenario; /* NULL: the study's settings */
  const char *id;              /* the lever or item, NULL for settings */
  const char *name;            /* the lever or item in words, NULL for the study's settings */
  const char *attribute;       /* "cohort.target", "settings.benefit-realisation" */
  const char *words;           /* "target rate" */
  const char *driver;
  gboolean whole;
  LgrRange limits;
} Site;

static char *
site_key (const Site *site)
{
  if (site->scenario != NULL && site->id != NULL)
    return g_strdup_printf ("%s/%s/%s", site->scenario->id, site->id, site->attribute);
  if (site->scenario != NULL)
    return g_strdup_printf ("%s/%s", site->scenario->id, site->attribute);
  return g_strdup (site->attribute);
}

static char *
site_name (const Site *site)
{
  if (site->name == NULL)
    return g_strdup (site->words);
  /* Translators: "Children looked after, North: target rate" */
  return g_strdup_printf (_ ("%s: %s"), site->name, site->words);
}

static GArray *
members_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (LgrMember));
}

/* A quantity, or one more member of its driver's, for low..high around central at slots. */
static void
add_range (Collector *c, const Site *site, const guint *slots, guint n_slots, double low,
           double central, double high)
{
  LgrUncertaintyModel *m = c->m;
  g_autofree char *driver_key = NULL;
  GArray *members;
  LgrModelQuantity q = { 0 };

  if (!(low < high))
    return; /* not uncertain */
  if (site->driver != NULL)
    {
      guint index;
      driver_key = g_strdup_printf ("driver:%s/%s", site->driver, site->attribute);
      index = GPOINTER_TO_UINT (g_hash_table_lookup (c->drivers, driver_key));
      if (index > 0)
        {
          members = g_ptr_array_index (c->quantity_members, index - 1);
          for (guint i = 0; i < n_slots; i++)
            g_array_append_val (members, ((LgrMember){ slots[i], low, central, high }));
          return;
        }
    }
  q.q.low = low;
  q.q.central = central;
  q.q.high = high;
  q.q.whole = site->whole;
  q.q.driver = g_strdup (site->driver);
  q.q.key = driver_key != NULL ? g_strdup (driver_key) : site_key (site);
  if (driver_key != NULL && site->name != NULL)
    /* Translators: a quantity linked across scenarios, "Placements: target unit cost (linked)" */
    q.q.name = g_strdup_printf (_ ("%s: %s (linked)"), site->name, site->words);
  else
    q.q.name = site_name (site);
  members = members_new ();
  for (guint i = 0; i < n_slots; i++)
    g_array_append_val (members, ((LgrMember){ slots[i], low, central, high }));
  g_ptr_array_add (c->quantity_members, members);
  g_array_append_val (m->quantities, q);
  if (driver_key != NULL)
    g_hash_table_insert (c->drivers, g_steal_pointer (&driver_key),
                         GUINT_TO_POINTER (m->quantities->len));
}

static void
add_input (Collector *c, const Site *site, int scenario, const guint *slots, guint n_slots,
           double central)
{
  LgrModelInput input = { 0 };
  GArray *members = NULL;

  input.key = site_key (site);
  input.name = site_name (site);
  input.scenario = scenario;
  input.central = central;
  input.limits = site->limits;
  if (site->driver != NULL)
    {
      /* every input of a driver moves with it: one list of slots for them all */
      g_autofree char *key = g_strdup_printf ("driver:%s/%s", site->driver, site->attribute);
      members = g_hash_table_lookup (c->driver_inputs, key);
      if (members == NULL)
        {
          members = members_new ();
          g_hash_table_insert (c->driver_inputs, g_steal_pointer (&key), members);
        }
      g_array_ref (members);
    }
  else
    members = members_new ();
  for (guint i = 0; i < n_slots; i++)
    g_array_append_val (members, ((LgrMember){ slots[i], central, central, central }));
  g_ptr_array_add (c->input_members, members);
  g_array_append_val (c->m->inputs, input);
}

static void
add_lever (Collector *c, const LgrStudy *study, const LgrScenario *scenario, int s,
           const LgrLever *lever, guint slot)
{
  const LgrAuthority *authority = lgr_scenario_find_authority (scenario, lever->authority_id);
  g_autofree char *name = authority ? g_strdup_printf ("%s, %s", lever->name, authority->name)
                                    : g_strdup (lever->name);
  double r = study->default_range / 100.0;
  struct
  {
    const char *attribute, *words;
    const LgrBounds *bounds;
    const char *driver;
    double central;
    guint slot;
    gboolean defaults; /* takes the default range */
    gboolean input;    /* an input of the switching values */
    LgrRange limits;
  } rows[] = {
    { "cohort.target", lgr_cohort_value_name (lever->basis, TRUE), &lever->cohort_target_range,
      lever->cohort_driver, lever->cohort_target, LGR_SLOT_COHORT_TARGET, TRUE, TRUE,
      lgr_cohort_range (lever->basis) },
    { "unit-cost.target", _ ("target unit cost"), &lever->unit_cost_target_range,
      lever->unit_cost_driver, lever->unit_cost_target, LGR_SLOT_UNIT_COST_TARGET, TRUE, TRUE,
      LGR_RANGE_NON_NEGATIVE },
    { "growth.cohort", _ ("cohort growth"), &lever->growth_cohort_range, lever->growth_driver,
      lever->growth_cohort, LGR_SLOT_GROWTH_COHORT, FALSE, FALSE, LGR_RANGE_GROWTH },
    { "growth.unit-cost", _ ("unit cost growth"), &lever->growth_unit_cost_range,
      lever->growth_driver, lever->growth_unit_cost, LGR_SLOT_GROWTH_UNIT_COST, FALSE, FALSE,
      LGR_RANGE_GROWTH },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      Site site = { scenario,      lever->id, name,  rows[i].attribute,
                    rows[i].words, NULL,      FALSE, rows[i].limits };
      guint at = slot + rows[i].slot;
      if (lgr_bounds_given (rows[i].bounds))
        {
          site.driver = rows[i].driver;
          add_range (c, &site, &at, 1, rows[i].bounds->low, rows[i].central, rows[i].bounds->high);
        }
      else if (rows[i].defaults && r > 0)
        {
          double high = rows[i].central * (1 + r);
          if (rows[i].limits == LGR_RANGE_RATE)
            high = MIN (high, 10000);
          add_range (c, &site, &at, 1, rows[i].central * (1 - r), rows[i].central, high);
        }
    }
  if (lever->has_realisation_start && lever->realisation_start_range.has_low
      && lever->realisation_start_range.has_high)
    {
      Site site = { scenario,
                    lever->id,
                    name,
                    "realisation.start",
                    _ ("realisation start year"),
                    lever->realisation_driver,
                    TRUE,
                    LGR_RANGE_YEAR };
      guint at = slot + LGR_SLOT_START;
      add_range (c, &site, &at, 1, lever->realisation_start_range.low, lever->realisation_start,
                 lever->realisation_start_range.high);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i].input)
      {
        Site site = { scenario,      lever->id, name,  rows[i].attribute,
                      rows[i].words, NULL,      FALSE, rows[i].limits };
        guint at = slot + rows[i].slot;
        if (lgr_bounds_given (rows[i].bounds))
          site.driver = rows[i].driver;
        add_input (c, &site, s, &at, 1, rows[i].central);
      }
}

static void
add_item (Collector *c, const LgrStudy *study, const LgrScenario *scenario, int s,
          const LgrItem *item, guint slot)
{
  gboolean spread = item->pattern == LGR_ITEM_PATTERN_SPREAD;
  const LgrBounds *bounds = spread ? &item->total_range : &item->amount_range;
  double central = spread ? item->total : item->amount;
  double r = study->default_range / 100.0;
  Site site = { scenario,
                item->id,
                item->name,
                spread ? "spread.total" : "recurring.amount",
                spread ? _ ("total") : _ ("yearly amount"),
                NULL,
                FALSE,
                LGR_RANGE_NON_NEGATIVE };

  if (item->pattern == LGR_ITEM_PATTERN_VALUES)
    return;
  if (lgr_bounds_given (bounds))
    {
      site.driver = item->driver;
      add_range (c, &site, &slot, 1, bounds->low, central, bounds->high);
    }
  else if (r > 0)
    add_range (c, &site, &slot, 1, central * (1 - r), central, central * (1 + r));
  add_input (c, &site, s, &slot, 1, central);
}

/* The settings: the study's move every scenario that does not give its own. */
static void
add_settings (Collector *c, const LgrStudy *study, const LgrScenario *scenario, int s)
{
  for (guint which = 0; which < 2; which++)
    {
      gboolean realisation = which == 0;
      const LgrBounds *bounds;
      double central;
      gboolean given;
      Site site = { scenario,
                    NULL,
                    scenario ? scenario->name : NULL,
                    realisation ? "settings.benefit-realisation" : "settings.cost-contingency",
                    scenario ? (realisation ? _ ("benefit realisation") : _ ("cost contingency"))
                             : (realisation ? _ ("Benefit realisation") : _ ("Cost contingency")),
                    NULL,
                    FALSE,
                    LGR_RANGE_SETTING_PERCENT };
      g_autoptr (GArray) slots = g_array_new (FALSE, FALSE, sizeof (guint));

      if (scenario != NULL)
        {
          given = realisation ? scenario->has_benefit_realisation : scenario->has_cost_contingency;
          bounds = realisation ? &scenario->benefit_realisation_range
                               : &scenario->cost_contingency_range;
          central = realisation ? scenario->benefit_realisation : scenario->cost_contingency;
          if (!given)
            continue;
          guint slot = realisation ? c->m->scenarios[s].slot_realisation
                                   : c->m->scenarios[s].slot_contingency;
          g_array_append_val (slots, slot);
        }
      else
        {
          bounds = realisation ? &study->benefit_realisation_range : &study->cost_contingency_range;
          central = realisation ? study->benefit_realisation : study->cost_contingency;
          for (guint k = 0; k < study->scenarios->len; k++)
            {
              const LgrScenario *other = g_ptr_array_index (study->scenarios, k);
              guint slot = realisation ? c->m->scenarios[k].slot_realisation
                                       : c->m->scenarios[k].slot_contingency;
              if (realisation ? !other->has_benefit_realisation : !other->has_cost_contingency)
                g_array_append_val (slots, slot);
            }
        }
      if (lgr_bounds_given (bounds))
        add_range (c, &site, (guint *)slots->data, slots->len, bounds->low, central, bounds->high);
      add_input (c, &site, s, (guint *)slots->data, slots->len, central);
    }
}

/* Levers and items in the order of the file (their lines); without lines, levers first. */
typedef struct
{
  int line;
  guint order;
  gboolean is_item;
  guint index;
} Entry;

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  const Entry *x = a, *y = b;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* "Transition: total" in scenario "Two unitaries" -> "Transition (Two unitaries): total" */
static char *
with_scenario (const char *name, const char *scenario)
{
  const char *colon = g_strrstr (name, ": ");
  if (colon == NULL)
    return g_strdup_printf ("%s (%s)", name, scenario);
  return g_strdup_printf ("%.*s (%s)%s", (int)(colon - name), name, scenario, colon);
}

/* The scenario a key names ("two/north-lac/cohort.target"), or NULL. */
static const LgrScenario *
scenario_of_key (const LgrStudy *study, const char *key)
{
  const char *slash = strchr (key, '/');
  if (slash == NULL || g_str_has_prefix (key, "driver:"))
    return NULL;
  for (guint s = 0; s < study->scenarios->len; s++)
    {
      const LgrScenario *scenario = g_ptr_array_index (study->scenarios, s);
      if (strlen (scenario->id) == (gsize)(slash - key)
          && strncmp (scenario->id, key, slash - key) == 0)
        return scenario;
    }
  return NULL;
}

static void
rename_if_repeated (GHashTable *counts, const LgrStudy *study, const char *key, char **name)
{
  const LgrScenario *scenario = scenario_of_key (study, key);
  if (scenario != NULL && GPOINTER_TO_UINT (g_hash_table_lookup (counts, *name)) > 1)
    {
      char *named = with_scenario (*name, scenario->name);
      g_free (*name);
      *name = named;
    }
}

/* Names that repeat (the same lever name and authority in two scenarios) get their scenario's
 * name; a quantity and the input of the same key count once. */
static void
disambiguate (LgrUncertaintyModel *m)
{
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal); /* key -> name */
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer name;

  for (guint i = 0; i < m->inputs->len; i++)
    {
      const LgrModelInput *input = &g_array_index (m->inputs, LgrModelInput, i);
      g_hash_table_insert (names, input->key, input->name);
    }
  for (guint k = 0; k < m->quantities->len; k++)
    {
      const LgrQuantity *q = &g_array_index (m->quantities, LgrModelQuantity, k).q;
      if (q->driver == NULL)
        g_hash_table_insert (names, q->key, q->name);
    }
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, NULL, &name))
    g_hash_table_insert (
        counts, g_strdup (name),
        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)) + 1));
  for (guint i = 0; i < m->inputs->len; i++)
    {
      LgrModelInput *input = &g_array_index (m->inputs, LgrModelInput, i);
      rename_if_repeated (counts, m->study, input->key, &input->name);
    }
  for (guint k = 0; k < m->quantities->len; k++)
    {
      LgrQuantity *q = &g_array_index (m->quantities, LgrModelQuantity, k).q;
      rename_if_repeated (counts, m->study, q->key, &q->name);
    }
}

LgrUncertaintyModel *
lgr_uncertainty_model_new (const LgrStudy *study)
{
  LgrUncertaintyModel *m = g_new0 (LgrUncertaintyModel, 1);
  Collector c = { m };

  g_return_val_if_fail (study != NULL, NULL);
  lgr_model_build (m, study);
  m->quantities = g_array_new (FALSE, FALSE, sizeof (LgrModelQuantity));
  m->members = g_array_new (FALSE, FALSE, sizeof (LgrMember));
  m->inputs = g_array_new (FALSE, FALSE, sizeof (LgrModelInput));
  m->input_members = g_array_new (FALSE, FALSE, sizeof (LgrMember));
  c.quantity_members = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  c.input_members = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  c.drivers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c.driver_inputs
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);

  add_settings (&c, study, NULL, -1);
  for (guint s = 0; s < study->scenarios->len; s++)
    {
      const LgrScenario *scenario = g_ptr_array_index (study->scenarios, s);
      const LgrModelScenario *ms = &m->scenarios[s];
      g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
      guint order = 0;

      add_settings (&c, study, scenario, (int)s);
      for (guint i = 0; i < scenario->levers->len; i++)
        {
          const LgrLever *l = g_ptr_array_index (scenario->levers, i);
          Entry e = { l->line > 0 ? l->line : G_MAXINT, order++, FALSE, i };
          g_array_append_val (entries, e);
        }
      for (guint i = 0; i < scenario->items->len; i++)
        {
          const LgrItem *item = g_ptr_array_index (scenario->items, i);
          Entry e = { item->line > 0 ? item->line : G_MAXINT, order++, TRUE, i };
          g_array_append_val (entries, e);
        }
      g_array_sort (entries, compare_entries);
      for (guint k = 0; k < entries->len; k++)
        {
          const Entry *e = &g_array_index (entries, Entry, k);
          if (e->is_item)
            add_item (&c, study, scenario, (int)s, g_ptr_array_index (scenario->items, e->index),
                      m->items[ms->first_item + e->index].slot);
          else
            add_lever (&c, study, scenario, (int)s, g_ptr_array_index (scenario->levers, e->index),
                       m->levers[ms->first_lever + e->index].slot);
        }
    }

  /* the members in one array each */
  for (guint k = 0; k < m->quantities->len; k++)
    {
      LgrModelQuantity *q = &g_array_index (m->quantities, LgrModelQuantity, k);
      GArray *members = g_ptr_array_index (c.quantity_members, k);
      q->first_member = m->members->len;
      q->n_members = members->len;
      for (guint j = 0; j < members->len; j++)
        lgr_member_prepare (&g_array_index (members, LgrMember, j));
      g_array_append_vals (m->members, members->data, members->len);
    }
  for (guint k = 0; k < m->inputs->len; k++)
    {
      LgrModelInput *input = &g_array_index (m->inputs, LgrModelInput, k);
      GArray *members = g_ptr_array_index (c.input_members, k);
      input->first_member = m->input_members->len;
      input->n_members = members->len;
      g_array_append_vals (m->input_members, members->data, members->len);
    }
  disambiguate (m);

  g_ptr_array_unref (c.quantity_members);
  g_ptr_array_unref (c.input_members);
  g_hash_table_unref (c.drivers);
  g_hash_table_unref (c.driver_inputs);
  return m;
}

void
lgr_uncertainty_model_free (LgrUncertaintyModel *m)
{
  if (m == NULL)
    return;
  for (guint k = 0; k < m->quantities->len; k++)
    {
      LgrQuantity *q = &g_array_index (m->quantities, LgrModelQuantity, k).q;
      g_free (q->key);
      g_free (q->name);
      g_free (q->driver);
    }
  for (guint k = 0; k < m->inputs->len; k++)
    {
      LgrModelInput *input = &g_array_index (m->inputs, LgrModelInput, k);
      g_free (input->key);
      g_free (input->name);
    }
  g_array_unref (m->quantities);
  g_array_unref (m->members);
  g_array_unref (m->inputs);
  g_array_unref (m->input_members);
  lgr_model_clear (m);
  if (m->owned_study != NULL)
    lgr_study_free (m->owned_study);
  g_free (m);
}

LgrUncertaintyModel *
lgr_uncertainty_model_new_owning (LgrStudy *study)
{
  LgrUncertaintyModel *m = lgr_uncertainty_model_new (study);
  m->owned_study = study;
  return m;
}

const LgrStudy *
lgr_uncertainty_model_get_study (const LgrUncertaintyModel *m)
{
  return m->study;
}

guint
lgr_uncertainty_model_get_n_quantities (const LgrUncertaintyModel *m)
{
  return m->quantities->len;
}

const LgrQuantity *
lgr_uncertainty_model_get_quantity (const LgrUncertaintyModel *m, guint k)
{
  g_return_val_if_fail (k < m->quantities->len, NULL);
  return &g_array_index (m->quantities, LgrModelQuantity, k).q;
}

/* The random numbers and the triangular distribution */

double
lgr_uncertainty_uniform (guint64 seed, guint64 draw, guint64 k)
{
  guint64 z = seed * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)
              + draw * G_GUINT64_CONSTANT (0xD1B54A32D192ED03)
              + (k + 1) * G_GUINT64_CONSTANT (0x8CB92BA72F3D8DD7);
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  z = z ^ (z >> 31);
  return ((double)(z >> 11) + 0.5) / 9007199254740992.0;
}

double
lgr_uncertainty_triangular (double u, double a, double c, double b)
{
  if (!(a < b))
    return c;
  if (u < (c - a) / (b - a))
    return a + sqrt (u * (b - a) * (c - a));
  return b - sqrt ((1 - u) * (b - a) * (b - c));
}
