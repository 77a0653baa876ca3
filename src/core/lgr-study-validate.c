/* lgr-study-validate.c: a study in memory checked against the rules of docs/format.md - every
 * lever, item, authority, scenario and setting, with "file:line:" in front of each message
 * where the study came from a file. The value rules themselves are in lgr-rules.c; the loader
 * checks as it reads, and the editors and the document validate what they change here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-rules.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lgr-published.h"
#include "lgr-snapshot.h"
#include "lgr-uncertainty-rules.h"

/* Adds "file:line: context: " in front of the message of *error. */
static gboolean
fail_at (GError **error, const char *filename, int line, const char *context)
{
  if (error == NULL || *error == NULL)
    return FALSE;
  if (context)
    g_prefix_error (error, "%s: ", context);
  if (filename && line > 0)
    g_prefix_error (error, "%s:%d: ", filename, line);
  else if (filename)
    g_prefix_error (error, "%s: ", filename);
  (*error)->domain = LGR_STUDY_ERROR;
  (*error)->code = LGR_STUDY_ERROR_INVALID;
  return FALSE;
}

static gboolean
check_profile (const LgrProfile *profile, GError **error)
{
  if (profile->n == 0 || profile->values == NULL)
    {
      g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                           _ ("the profile is empty: it needs at least one percentage"));
      return FALSE;
    }
  for (guint i = 0; i < profile->n; i++)
    if (!LGR_CHECK_RANGE (LGR_RANGE_PROFILE, profile->values[i], N_ ("profile percentage"), error))
      return FALSE;
  return TRUE;
}

static char *
describe (const char *kind, const char *id)
{
  /* Translators: "lever “north-lac”" */
  return g_strdup_printf (_ ("%s “%s”"), kind, id && g_utf8_validate (id, -1, NULL) ? id : "?");
}

/* A "changed since the source" mark (checked-*) belongs to a note. */
static gboolean
check_source_marks (const char *source, gboolean marked, GError **error)
{
  if (!marked || (source && *source))
    return TRUE;
  g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                       _ ("a <source> with a checked-… attribute needs the note's text"));
  return FALSE;
}

/* A lever's or item's authority names one of its scenario (if known). authorities: their ids
 * as a set, or NULL to search the scenario (a set keeps checking many levers linear). */
static gboolean
authority_check (const char *id, const LgrScenario *scenario, GHashTable *authorities,
                 GError **error)
{
  if (id == NULL || !lgr_check_id (id, error))
    {
      g_clear_error (error);
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                   _ ("the authority “%s” is not a valid id"),
                   id && g_utf8_validate (id, -1, NULL) ? id : "");
      return FALSE;
    }
  if (scenario != NULL
      && (authorities != NULL ? !g_hash_table_contains (authorities, id)
                              : lgr_scenario_find_authority (scenario, id) == NULL))
    {
      g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                   _ ("there is no authority “%s” in scenario “%s”"), id,
                   scenario->id ? scenario->id : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
lever_check (const LgrLever *lever, const LgrScenario *scenario, GHashTable *authorities,
             GError **error)
{
  if (!lgr_check_id (lever->id, error)
      || !LGR_CHECK_TEXT (lever->name, N_ ("the name"), TRUE, error)
      || !LGR_CHECK_TEXT (lever->service, N_ ("the service"), FALSE, error)
      || !LGR_CHECK_TEXT_OF (lever->source, N_ ("the source"), FALSE, NOTE, error)
      || !authority_check (lever->authority_id, scenario, authorities, error))
    return FALSE;
  if ((guint)lever->benefit >= LGR_N_BENEFITS || (guint)lever->basis >= LGR_N_COHORT_BASES
      || (guint)lever->unit_period >= LGR_N_UNIT_PERIODS)
    {
      g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                           _ ("the benefit, cohort basis or unit period is not a known one"));
      return FALSE;
    }
  LgrRange cohort = lgr_cohort_range (lever->basis);
  if (!(lgr_range_contains (cohort, lever->cohort_baseline)
        || lgr_check_range (cohort, lever->cohort_baseline,
                            lgr_cohort_value_name (lever->basis, FALSE), error))
      || !(lgr_range_contains (cohort, lever->cohort_target)
           || lgr_check_range (cohort, lever->cohort_target,
                               lgr_cohort_value_name (lever->basis, TRUE), error))
      || !LGR_CHECK_RANGE (LGR_RANGE_NON_NEGATIVE, lever->unit_cost_baseline,
                           N_ ("baseline unit cost"), error)
      || !LGR_CHECK_RANGE (LGR_RANGE_NON_NEGATIVE, lever->unit_cost_target, N_ ("target unit cost"),
                           error)
      || !LGR_CHECK_RANGE (LGR_RANGE_GROWTH, lever->growth_cohort, N_ ("cohort growth"), error)
      || !LGR_CHECK_RANGE (LGR_RANGE_GROWTH, lever->growth_unit_cost, N_ ("unit cost growth"),
                           error))
    return FALSE;
  if (lever->has_realisation_start
      && !LGR_CHECK_RANGE (LGR_RANGE_YEAR, lever->realisation_start, N_ ("realisation start year"),
                           error))
    return FALSE;
  if (!check_source_marks (lever->source, lever->has_source_target || lever->has_source_unit_cost,
                           error)
      || (lever->has_source_target
          && !LGR_CHECK_RANGE (LGR_RANGE_NON_NEGATIVE, lever->source_target,
                               N_ ("the target the source was written for"), error))
      || (lever->has_source_unit_cost
          && !LGR_CHECK_RANGE (LGR_RANGE_NON_NEGATIVE, lever->source_unit_cost,
                               N_ ("the unit cost the source was written for"), error)))
    return FALSE;
  return check_profile (&lever->realisation, error) && lgr_uncertainty_check_lever (lever, error);
}

static gboolean
item_check (const LgrItem *item, const LgrScenario *scenario, GHashTable *authorities,
            GError **error)
{
  if (!lgr_check_id (item->id, error) || !LGR_CHECK_TEXT (item->name, N_ ("the name"), TRUE, error)
      || (item->authority_id && !authority_check (item->authority_id, scenario, authorities, error))
      || !LGR_CHECK_TEXT_OF (item->source, N_ ("the source"), FALSE, NOTE, error)
      || !check_source_marks (item->source, item->has_source_value, error)
      || (item->has_source_value
          && !LGR_CHECK_RANGE (LGR_RANGE_NON_NEGATIVE, item->source_value,
                               N_ ("the value the source was written for"), error)))
    return FALSE;
  if (item->has_source_value && item->pattern == LGR_ITEM_PATTERN_VALUES)
    {
      g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                           _ ("checked-value is for a spread total or a recurring amount, and "
                              "this item gives values year by year"));
      return FALSE;
    }
  if ((guint)item->kind >= LGR_N_ITEM_KINDS || (guint)item->pattern >= LGR_N_ITEM_PATTERNS)
    {
      g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                           _ ("the kind or pattern is not a known one"));
      return FALSE;
    }
  switch (item->pattern)
    {
    case LGR_ITEM_PATTERN_SPREAD:
      if (item->kind != LGR_ITEM_KIND_ONE_OFF_COST)
        {
          g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                       _ ("a spread is only for one-off costs, and this item is a %s (give it "
                          "<recurring> or <values> instead)"),
                       lgr_item_kind_to_string (item->kind));
          return FALSE;
        }
      if (!LGR_CHECK_RANGE (LGR_RANGE_NON_NEGATIVE, item->total, N_ ("total"), error)
          || (item->has_start
              && !LGR_CHECK_RANGE (LGR_RANGE_YEAR, item->start, N_ ("start year"), error))
          || !check_profile (&item->profile, error) || !lgr_check_spread (&item->profile, error))
        return FALSE;
      break;
    case LGR_ITEM_PATTERN_RECURRING:
      if (!LGR_CHECK_RANGE (LGR_RANGE_NON_NEGATIVE, item->amount, N_ ("amount"), error)
          || !LGR_CHECK_RANGE (LGR_RANGE_GROWTH, item->growth, N_ ("growth"), error)
          || (item->has_start
              && !LGR_CHECK_RANGE (LGR_RANGE_YEAR, item->start, N_ ("start year"), error))
          || !check_profile (&item->profile, error))
        return FALSE;
      break;
    case LGR_ITEM_PATTERN_VALUES:
      for (guint i = 0; item->values && i < item->values->len; i++)
        {
          const LgrYearValue *v = &g_array_index (item->values, LgrYearValue, i);
          if (!LGR_CHECK_RANGE (LGR_RANGE_YEAR, v->year, N_ ("year"), error))
            return FALSE;
          if (!lgr_range_contains (LGR_RANGE_NON_NEGATIVE, v->value))
            {
              /* Translators: "value for 2027" (a financial year) */
              g_autofree char *what = g_strdup_printf (_ ("value for %d"), v->year);
              return lgr_check_range (LGR_RANGE_NON_NEGATIVE, v->value, what, error);
            }
          if (i > 0)
            {
              const LgrYearValue *prev = &g_array_index (item->values, LgrYearValue, i - 1);
              if (prev->year == v->year)
                {
                  g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                               _ ("the value for %d is given twice"), v->year);
                  return FALSE;
                }
              if (prev->year > v->year)
                {
                  g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                                       _ ("the values are not in order of year"));
                  return FALSE;
                }
            }
        }
      break;
    default:
      break;
    }
  return lgr_uncertainty_check_item (item, error);
}

gboolean
lgr_lever_validate (const LgrLever *lever, const LgrScenario *scenario, GError **error)
{
  g_autofree char *context = NULL;
  g_return_val_if_fail (lever != NULL, FALSE);
  if (lever_check (lever, scenario, NULL, error))
    return TRUE;
  context = describe (_ ("lever"), lever->id);
  return fail_at (error, NULL, 0, context);
}

gboolean
lgr_item_validate_in (const LgrItem *item, const LgrScenario *scenario, GError **error)
{
  g_autofree char *context = NULL;
  g_return_val_if_fail (item != NULL, FALSE);
  if (item_check (item, scenario, NULL, error))
    return TRUE;
  context = describe (_ ("item"), item->id);
  return fail_at (error, NULL, 0, context);
}

/* Records id in ids (id -> line); FALSE with an error if it is there already. */
static gboolean
claim_id (GHashTable *ids, const char *id, int line, const char *where, const char *filename,
          GError **error)
{
  gpointer first;
  if (g_hash_table_lookup_extended (ids, id, NULL, &first))
    {
      /* lines only mean something for a study just read from a file */
      int first_line = filename ? GPOINTER_TO_INT (first) : 0;
      if (first_line > 0)
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                     /* Translators: "the id “north” is used twice in scenario “two” (first
                        at line 12)" */
                     _ ("the id “%s” is used twice in %s (first at line %d)"), id, where,
                     first_line);
      else
        g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                     _ ("the id “%s” is used twice in %s"), id, where);
      return FALSE;
    }
  g_hash_table_insert (ids, (gpointer)id, GINT_TO_POINTER (line));
  return TRUE;
}

static gboolean
scenario_check (const LgrScenario *scenario, const char *filename, GError **error)
{
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) authorities = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *context = describe (_ ("scenario"), scenario->id);
  g_autofree char *where = NULL;

  if (!lgr_check_id (scenario->id, error))
    return fail_at (error, filename, scenario->line, _ ("scenario"));
  if (!LGR_CHECK_TEXT (scenario->name, N_ ("the name"), TRUE, error)
      || !LGR_CHECK_TEXT_OF (scenario->description, N_ ("the description"), FALSE, NOTE, error)
      || (scenario->colour != NULL && !lgr_check_colour (scenario->colour, error))
      || !lgr_uncertainty_check_scenario (scenario, error))
    return fail_at (error, filename, scenario->line, context);
  if (scenario->authorities->len == 0)
    {
      g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                           _ ("there is no authority: a scenario needs at least one"));
      return fail_at (error, filename, scenario->line, context);
    }

  /* Translators: "scenario “two”", used in "the id “x” is used twice in scenario “two”" */
  where = g_strdup_printf (_ ("scenario “%s”"), scenario->id);
  for (guint i = 0; i < scenario->authorities->len; i++)
    {
      const LgrAuthority *a = g_ptr_array_index (scenario->authorities, i);
      if (!lgr_check_id (a->id, error))
        return fail_at (error, filename, a->line, _ ("authority"));
      if (!claim_id (ids, a->id, a->line, where, filename, error)
          || !lgr_authority_validate (a, error))
        {
          g_autofree char *actx = describe (_ ("authority"), a->id);
          return fail_at (error, filename, a->line, actx);
        }
      g_hash_table_add (authorities, a->id);
    }
  for (guint i = 0; i < scenario->levers->len; i++)
    {
      const LgrLever *l = g_ptr_array_index (scenario->levers, i);
      if (!lever_check (l, scenario, authorities, error)
          || !claim_id (ids, l->id, l->line, where, filename, error))
        {
          g_autofree char *lctx = describe (_ ("lever"), l->id);
          return fail_at (error, filename, l->line, lctx);
        }
    }
  for (guint i = 0; i < scenario->items->len; i++)
    {
      const LgrItem *item = g_ptr_array_index (scenario->items, i);
      if (!item_check (item, scenario, authorities, error)
          || !claim_id (ids, item->id, item->line, where, filename, error))
        {
          g_autofree char *ictx = describe (_ ("item"), item->id);
          return fail_at (error, filename, item->line, ictx);
        }
    }
  return TRUE;
}

/* The rules that tie scenarios together: linked ranges, published figures, snapshots. */
static gboolean
check_across_scenarios (const LgrStudy *study, const char *filename, GError **error)
{
  return lgr_uncertainty_check_drivers (study, filename, error)
         && lgr_published_validate_all (study, filename, error)
         && lgr_snapshot_validate_all (study, filename, error);
}

gboolean
lgr_study_validate (const LgrStudy *study, const char *filename, GError **error)
{
  g_autoptr (GHashTable) scenario_ids = NULL;

  g_return_val_if_fail (study != NULL, FALSE);

  if (!LGR_CHECK_TEXT (study->title, N_ ("the title"), TRUE, error)
      || !LGR_CHECK_TEXT_OF (study->description, N_ ("the description"), FALSE, NOTE, error)
      || !LGR_CHECK_RANGE (LGR_RANGE_FIRST_YEAR, study->first_year, N_ ("first year"), error)
      || !LGR_CHECK_RANGE (LGR_RANGE_YEARS, study->years, N_ ("number of years"), error)
      || !LGR_CHECK_RANGE (LGR_RANGE_YEAR, study->vesting_year, N_ ("vesting year"), error)
      || !LGR_CHECK_RANGE (LGR_RANGE_DISCOUNT, study->discount_rate, N_ ("discount rate"), error)
      || !LGR_CHECK_RANGE (LGR_RANGE_WEEKS, study->weeks_per_year, N_ ("weeks per year"), error)
      || !LGR_CHECK_RANGE (LGR_RANGE_SETTING_PERCENT, study->benefit_realisation,
                           N_ ("benefit realisation"), error)
      || !LGR_CHECK_RANGE (LGR_RANGE_SETTING_PERCENT, study->cost_contingency,
                           N_ ("cost contingency"), error)
      || !LGR_CHECK_TEXT_OF (study->benchmarks_source, N_ ("the benchmarks source"), FALSE, NOTE,
                             error)
      || !lgr_uncertainty_check_study (study, error))
    return fail_at (error, filename, 0, NULL);

  for (guint i = 0; i < study->benchmark_bands->len; i++)
    {
      const LgrBenchmarkBand *band = g_ptr_array_index (study->benchmark_bands, i);
      g_autofree char *context = describe (_ ("benchmark band"), band->name);
      g_autoptr (GHashTable) measures = g_hash_table_new (g_str_hash, g_str_equal);
      if (!LGR_CHECK_TEXT (band->name, N_ ("the band name"), TRUE, error))
        return fail_at (error, filename, band->line, _ ("benchmark band"));
      if (!LGR_CHECK_RANGE (LGR_RANGE_NON_NEGATIVE, band->min_population, N_ ("minimum population"),
                            error)
          || !LGR_CHECK_RANGE (LGR_RANGE_NON_NEGATIVE, band->max_population,
                               N_ ("maximum population"), error))
        return fail_at (error, filename, band->line, context);
      for (guint c = 0; c < band->costs->len; c++)
        {
          const LgrBenchmarkCost *cost = &g_array_index (band->costs, LgrBenchmarkCost, c);
          if (!LGR_CHECK_TEXT (cost->measure, N_ ("the measure"), TRUE, error)
              || !LGR_CHECK_RANGE (LGR_RANGE_NON_NEGATIVE, cost->value, N_ ("benchmark cost"),
                                   error))
            return fail_at (error, filename, band->line, context);
          if (!g_hash_table_add (measures, cost->measure))
            {
              g_set_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                           _ ("the measure “%s” is given twice"), cost->measure);
              return fail_at (error, filename, band->line, context);
            }
        }
    }

  if (study->scenarios->len == 0)
    {
      g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                           _ ("the study has no scenario: it needs at least one"));
      return fail_at (error, filename, 0, NULL);
    }
  scenario_ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < study->scenarios->len; i++)
    {
      const LgrScenario *scenario = g_ptr_array_index (study->scenarios, i);
      if (!scenario_check (scenario, filename, error))
        return FALSE;
      if (!claim_id (scenario_ids, scenario->id, scenario->line, _ ("the study"), filename, error))
        return fail_at (error, filename, scenario->line, NULL);
    }
  return check_across_scenarios (study, filename, error);
}

gboolean
lgr_study_validate_scenario_edit (const LgrStudy *study, const LgrScenario *scenario,
                                  GError **error)
{
  g_return_val_if_fail (study != NULL && scenario != NULL, FALSE);

  /* The rest of the study is as it was, and it was valid: what the edit can break is in the
   * scenario itself and in what refers across scenarios. */
  return scenario_check (scenario, NULL, error) && check_across_scenarios (study, NULL, error);
}

gboolean
lgr_authority_validate (const LgrAuthority *authority, GError **error)
{
  g_return_val_if_fail (authority != NULL, FALSE);

  return LGR_CHECK_TEXT (authority->name, N_ ("the name"), TRUE, error)
         && LGR_CHECK_RANGE (LGR_RANGE_NON_NEGATIVE, authority->population, N_ ("population"),
                             error)
         && LGR_CHECK_RANGE (LGR_RANGE_NON_NEGATIVE, authority->child_population,
                             N_ ("child population"), error)
         && LGR_CHECK_TEXT_OF (authority->source, N_ ("the source"), FALSE, NOTE, error)
         && check_source_marks (
             authority->source,
             authority->has_source_population || authority->has_source_child_population, error)
         && (!authority->has_source_population
             || LGR_CHECK_RANGE (LGR_RANGE_NON_NEGATIVE, authority->source_population,
                                 N_ ("the population the source was written for"), error))
         && (!authority->has_source_child_population
             || LGR_CHECK_RANGE (LGR_RANGE_NON_NEGATIVE, authority->source_child_population,
                                 N_ ("the child population the source was written for"), error));
}

gboolean
lgr_study_validate_settings (const LgrStudy *settings, GError **error)
{
  g_return_val_if_fail (settings != NULL, FALSE);

  if (settings->title == NULL || *settings->title == '\0')
    {
      g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                           _ ("a study needs a title"));
      return FALSE;
    }
  return lgr_check_length (settings->title, LGR_LENGTH_NAME, _ ("the title"), error)
         && LGR_CHECK_RANGE (LGR_RANGE_FIRST_YEAR, settings->first_year, N_ ("first year"), error)
         && LGR_CHECK_RANGE (LGR_RANGE_YEARS, settings->years, N_ ("number of years"), error)
         && LGR_CHECK_RANGE (LGR_RANGE_YEAR, settings->vesting_year, N_ ("vesting year"), error)
         && LGR_CHECK_RANGE (LGR_RANGE_DISCOUNT, settings->discount_rate, N_ ("discount rate"),
                             error)
         && LGR_CHECK_RANGE (LGR_RANGE_WEEKS, settings->weeks_per_year, N_ ("weeks per year"),
                             error)
         && LGR_CHECK_RANGE (LGR_RANGE_SETTING_PERCENT, settings->benefit_realisation,
                             N_ ("benefit realisation"), error)
         && LGR_CHECK_RANGE (LGR_RANGE_SETTING_PERCENT, settings->cost_contingency,
                             N_ ("cost contingency"), error);
}
