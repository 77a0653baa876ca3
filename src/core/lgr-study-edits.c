/* lgr-study-edits.c: new, copied and removed scenarios and authorities.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-study-edits.h"

#include <glib/gi18n-lib.h>

#include "lgr-format.h"
#include "lgr-rules.h"
#include "lgr-scenario-style.h"

char *
lgr_id_stem (const char *name, const char *fallback)
{
  GString *stem = g_string_new (NULL);

  g_return_val_if_fail (name != NULL, NULL);

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
    g_string_append (stem, fallback);
  return g_string_free (stem, FALSE);
}

gboolean
lgr_scenario_check_remove_authority (const LgrScenario *scenario, const char *authority_id,
                                     GError **error)
{
  g_autoptr (GString) users = g_string_new (NULL);
  const LgrAuthority *authority;
  guint n_users = 0;

  g_return_val_if_fail (scenario != NULL, FALSE);

  authority = lgr_scenario_find_authority (scenario, authority_id);
  if (authority == NULL)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                   _ ("there is no %s “%s” in the study"), _ ("authority"), authority_id);
      return FALSE;
    }
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
      return FALSE;
    }
  for (guint i = 0; i < scenario->items->len; i++)
    {
      const LgrItem *item = g_ptr_array_index (scenario->items, i);
      if (g_strcmp0 (item->authority_id, authority_id) != 0)
        continue;
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                   _ ("“%s” cannot be removed: the item “%s” belongs to it (move or remove it "
                      "first)"),
                   authority->name, item->name);
      return FALSE;
    }
  if (scenario->authorities->len <= 1)
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                   _ ("“%s” cannot be removed: a scenario needs at least one authority"),
                   authority->name);
      return FALSE;
    }
  return TRUE;
}

LgrScenario *
lgr_study_new_scenario (const LgrStudy *study, const char *name)
{
  g_autofree char *id = NULL;
  const LgrScenario *first;
  LgrScenario *scenario;

  g_return_val_if_fail (study != NULL && name != NULL, NULL);

  id = lgr_study_unique_scenario_id (study, "scenario");
  scenario = lgr_scenario_new (id, name);
  scenario->colour = lgr_scenario_style_choose (study, NULL);
  first = study->scenarios->len > 0 ? g_ptr_array_index (study->scenarios, 0) : NULL;
  if (first != NULL)
    for (guint i = 0; i < first->authorities->len; i++)
      g_ptr_array_add (scenario->authorities,
                       lgr_authority_copy (g_ptr_array_index (first->authorities, i)));
  else
    g_ptr_array_add (scenario->authorities, lgr_authority_new ("area", _ ("Area")));
  return scenario;
}

LgrScenario *
lgr_study_duplicate_scenario (const LgrStudy *study, const LgrScenario *scenario)
{
  LgrScenario *duplicate;

  g_return_val_if_fail (study != NULL && scenario != NULL, NULL);

  duplicate = lgr_scenario_copy (scenario);
  g_free (duplicate->id);
  duplicate->id = lgr_study_unique_scenario_id (study, scenario->id);
  g_free (duplicate->name);
  /* Translators: the name of a copied scenario */
  duplicate->name = g_strdup_printf (_ ("%s (copy)"), scenario->name);
  /* A clearly different hue, so the copy is never mistaken for the original. */
  g_free (duplicate->colour);
  duplicate->colour = lgr_scenario_style_choose (study, scenario);
  return duplicate;
}

static gboolean
name_taken (const LgrStudy *study, const char *name)
{
  for (guint i = 0; i < study->scenarios->len; i++)
    if (g_strcmp0 (((const LgrScenario *)g_ptr_array_index (study->scenarios, i))->name, name) == 0)
      return TRUE;
  return FALSE;
}

/* "Two unitaries (from Other study)", within a name's length and unlike every name of study. */
static char *
imported_name (const LgrStudy *study, const char *name, const char *from)
{
  guint max = lgr_length_max (LGR_LENGTH_NAME);
  for (guint n = 1;; n++)
    {
      g_autofree char *number = n > 1 ? g_strdup_printf (" %u", n) : g_strdup ("");
      /* Translators: an imported scenario: "Two unitaries (from Other study)" */
      g_autofree char *full = g_strdup_printf (_ ("%s (from %s%s)"), name, from, number);
      if ((guint)g_utf8_strlen (full, -1) > max)
        {
          g_autofree char *cut = g_utf8_substring (full, 0, max - 1);
          g_free (full);
          full = g_strconcat (cut, "…", NULL);
        }
      if (!name_taken (study, full) || n > 1000)
        return g_steal_pointer (&full);
    }
}

/* Whether colour looks like one a scenario of study shows already. */
static gboolean
colour_taken (const LgrStudy *study, const char *colour)
{
  double rgb[3], shown[3];
  if (colour == NULL || !lgr_scenario_style_parse (colour, rgb))
    return TRUE;
  for (guint i = 0; i < study->scenarios->len; i++)
    if (lgr_scenario_style_parse (lgr_scenario_style_colour (study, i), shown)
        && lgr_scenario_style_distance (rgb, shown) < LGR_SCENARIO_STYLE_APART)
      return TRUE;
  return FALSE;
}

void
lgr_study_import_scenarios (LgrStudy *study, const LgrStudy *other)
{
  g_return_if_fail (study != NULL && other != NULL);

  const char *from = other->title && *other->title ? other->title : _ ("another study");
  for (guint i = 0; i < other->scenarios->len; i++)
    {
      LgrScenario *scenario = lgr_scenario_copy (g_ptr_array_index (other->scenarios, i));
      char *id = lgr_study_unique_scenario_id (study, scenario->id);
      g_free (scenario->id);
      scenario->id = id;
      char *name = imported_name (study, scenario->name, from);
      g_free (scenario->name);
      scenario->name = name;
      /* never a lookalike of a scenario already here */
      if (colour_taken (study, scenario->colour))
        {
          g_free (scenario->colour);
          scenario->colour = lgr_scenario_style_choose (study, NULL);
        }
      g_ptr_array_add (study->scenarios, scenario);
    }
}

static void
add_difference (GPtrArray *lines, const char *what, const char *here, const char *there,
                const char *from)
{
  if (g_strcmp0 (here, there) != 0)
    /* Translators: "Discount rate: 3.5% here, 3% in Other study" */
    g_ptr_array_add (lines, g_strdup_printf (_ ("%s: %s here, %s in %s"), what, here, there, from));
}

static char *
timeline (const LgrStudy *study)
{
  g_autofree char *first = lgr_format_financial_year (study->first_year);
  g_autofree char *last = lgr_format_financial_year (study->first_year + study->years - 1);
  /* Translators: a timeline, "2025/26 to 2034/35" */
  return g_strdup_printf (_ ("%s to %s"), first, last);
}

char **
lgr_study_import_differences (const LgrStudy *study, const LgrStudy *other)
{
  g_return_val_if_fail (study != NULL && other != NULL, NULL);

  GPtrArray *lines = g_ptr_array_new ();
  const char *from = other->title && *other->title ? other->title : _ ("the other study");
  const LgrStudy *both[2] = { study, other };
  char *t[2], *vesting[2], *rate[2], *weeks[2], *realised[2], *contingency[2];
  const char *avoidance[2];
  for (int i = 0; i < 2; i++)
    {
      const LgrStudy *s = both[i];
      t[i] = timeline (s);
      vesting[i] = lgr_format_financial_year (s->vesting_year);
      rate[i] = lgr_format_percent (s->discount_rate);
      weeks[i] = lgr_format_decimal (s->weeks_per_year, 6);
      realised[i] = lgr_format_percent (s->benefit_realisation);
      contingency[i] = lgr_format_percent (s->cost_contingency);
      avoidance[i] = s->count_avoidance ? _ ("counted") : _ ("not counted");
    }
  add_difference (lines, _ ("Timeline"), t[0], t[1], from);
  add_difference (lines, _ ("Vesting year"), vesting[0], vesting[1], from);
  add_difference (lines, _ ("Discount rate"), rate[0], rate[1], from);
  add_difference (lines, _ ("Weeks a year"), weeks[0], weeks[1], from);
  add_difference (lines, _ ("Benefit realisation"), realised[0], realised[1], from);
  add_difference (lines, _ ("Cost contingency"), contingency[0], contingency[1], from);
  add_difference (lines, _ ("Cost avoidance"), avoidance[0], avoidance[1], from);
  for (int i = 0; i < 2; i++)
    {
      g_free (t[i]);
      g_free (vesting[i]);
      g_free (rate[i]);
      g_free (weeks[i]);
      g_free (realised[i]);
      g_free (contingency[i]);
    }
  g_ptr_array_add (lines, NULL);
  return (char **)g_ptr_array_free (lines, FALSE);
}

void
lgr_study_set_settings (LgrStudy *study, const LgrStudy *settings)
{
  g_return_if_fail (study != NULL && settings != NULL);

  if (study->title != settings->title)
    {
      g_free (study->title);
      study->title = g_strdup (settings->title);
    }
  study->first_year = settings->first_year;
  study->years = settings->years;
  study->vesting_year = settings->vesting_year;
  study->discount_rate = settings->discount_rate;
  study->weeks_per_year = settings->weeks_per_year;
  study->benefit_realisation = settings->benefit_realisation;
  study->cost_contingency = settings->cost_contingency;
  study->count_avoidance = settings->count_avoidance;
  study->default_range = settings->default_range;
}

static void
mark_change (gboolean *has, double *checked, double value, double before)
{
  if (value == before)
    return;
  if (!*has)
    {
      *has = TRUE;
      *checked = before;
    }
  if (*checked == value)
    *has = FALSE;
}

void
lgr_lever_note_source_change (LgrLever *lever, const LgrLever *before)
{
  if (lever->source == NULL || g_strcmp0 (lever->source, before->source) != 0)
    {
      lever->has_source_target = lever->has_source_unit_cost = FALSE;
      return;
    }
  /* Values unchanged: the marks as given (cleared: the user confirmed the note). Else the
   * document's marks, so that an edit made from an older copy keeps them. */
  if (lever->cohort_target == before->cohort_target
      && lever->unit_cost_target == before->unit_cost_target)
    return;
  lever->has_source_target = before->has_source_target;
  lever->source_target = before->source_target;
  lever->has_source_unit_cost = before->has_source_unit_cost;
  lever->source_unit_cost = before->source_unit_cost;
  mark_change (&lever->has_source_target, &lever->source_target, lever->cohort_target,
               before->cohort_target);
  mark_change (&lever->has_source_unit_cost, &lever->source_unit_cost, lever->unit_cost_target,
               before->unit_cost_target);
}

static double
item_value (const LgrItem *item)
{
  return item->pattern == LGR_ITEM_PATTERN_SPREAD ? item->total : item->amount;
}

void
lgr_item_note_source_change (LgrItem *item, const LgrItem *before)
{
  if (item->source == NULL || g_strcmp0 (item->source, before->source) != 0
      || item->pattern != before->pattern || item->pattern == LGR_ITEM_PATTERN_VALUES)
    {
      item->has_source_value = FALSE;
      return;
    }
  if (item_value (item) == item_value (before))
    return; /* as for a lever */
  item->has_source_value = before->has_source_value;
  item->source_value = before->source_value;
  mark_change (&item->has_source_value, &item->source_value, item_value (item),
               item_value (before));
}

void
lgr_authority_note_source_change (LgrAuthority *authority, const LgrAuthority *before)
{
  if (authority->source == NULL || g_strcmp0 (authority->source, before->source) != 0)
    {
      authority->has_source_population = authority->has_source_child_population = FALSE;
      return;
    }
  if (authority->population == before->population
      && authority->child_population == before->child_population)
    return; /* as for a lever */
  authority->has_source_population = before->has_source_population;
  authority->source_population = before->source_population;
  authority->has_source_child_population = before->has_source_child_population;
  authority->source_child_population = before->source_child_population;
  mark_change (&authority->has_source_population, &authority->source_population,
               authority->population, before->population);
  mark_change (&authority->has_source_child_population, &authority->source_child_population,
               authority->child_population, before->child_population);
}
