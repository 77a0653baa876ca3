/* lgr-document-scenarios.c: the document's edits of whole scenarios and of the study's
 * settings. The rules are in lgr-study-edits.c and lgr-rules.c; these make them undoable steps
 * through lgr-document-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "lgr-document-private.h"
#include "lgr-rules.h"
#include "lgr-scenario-style.h"
#include "lgr-study-edits.h"

gboolean
lgr_document_add_scenario (LgrDocument *self, const char *name, char **new_id, GError **error)
{
  LgrStudy *copy;
  LgrScenario *scenario;
  g_autofree char *stripped = NULL;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!(stripped = _lgr_document_typed_name (name, error)))
    return FALSE;
  copy = lgr_study_copy (lgr_document_get_study (self));
  lgr_scenario_style_pin (copy);
  scenario = lgr_study_new_scenario (copy, stripped);
  id = g_strdup (scenario->id);
  g_ptr_array_add (copy->scenarios, scenario);

  label = g_strdup_printf (_ ("Add scenario “%s”"), stripped);
  return _lgr_document_commit_addition (self, copy, label, &id, new_id, error);
}

gboolean
lgr_document_duplicate_scenario (LgrDocument *self, const char *scenario_id, char **new_id,
                                 GError **error)
{
  LgrStudy *copy;
  LgrScenario *scenario, *duplicate;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);

  if (!(copy = _lgr_document_copy_with_scenario (self, scenario_id, &scenario, error)))
    return FALSE;
  lgr_scenario_style_pin (copy);
  duplicate = lgr_study_duplicate_scenario (copy, scenario);
  id = g_strdup (duplicate->id);
  g_ptr_array_insert (copy->scenarios, lgr_study_scenario_index (copy, scenario_id) + 1, duplicate);

  label = g_strdup_printf (_ ("Duplicate “%s”"), scenario->name);
  return _lgr_document_commit_addition (self, copy, label, &id, new_id, error);
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

  if (!(stripped = _lgr_document_typed_name (name, error))
      || !(copy = _lgr_document_copy_with_scenario (self, scenario_id, &scenario, error)))
    return FALSE;
  label = g_strdup_printf (_ ("Rename “%s”"), scenario->name);
  g_free (scenario->name);
  scenario->name = g_steal_pointer (&stripped);
  return _lgr_document_commit (self, copy, label, NULL, error);
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
  if (!(copy = _lgr_document_copy_with_scenario (self, scenario_id, &scenario, error)))
    return FALSE;
  g_free (scenario->colour);
  scenario->colour = g_strdup (colour);
  label = g_strdup_printf (_ ("Change the colour of “%s”"), scenario->name);
  return _lgr_document_commit (self, copy, label, NULL, error);
}

gboolean
lgr_document_remove_scenario (LgrDocument *self, const char *scenario_id, GError **error)
{
  LgrStudy *copy;
  LgrScenario *scenario;
  g_autofree char *label = NULL;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);

  if (lgr_document_get_study (self)->scenarios->len <= 1)
    {
      g_set_error_literal (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID,
                           _ ("a study needs at least one scenario"));
      return FALSE;
    }
  if (!(copy = _lgr_document_copy_with_scenario (self, scenario_id, &scenario, error)))
    return FALSE;
  label = g_strdup_printf (_ ("Remove “%s”"), scenario->name);
  /* The others keep the colours they show, whatever their positions become. */
  lgr_scenario_style_pin (copy);
  g_ptr_array_remove (copy->scenarios, scenario);
  return _lgr_document_commit (self, copy, label, NULL, error);
}

gboolean
lgr_document_import_scenarios (LgrDocument *self, const LgrStudy *other, guint *n_added,
                               GError **error)
{
  LgrStudy *copy;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  copy = lgr_study_copy (lgr_document_get_study (self));
  lgr_scenario_style_pin (copy);
  lgr_study_import_scenarios (copy, other);
  if (!_lgr_document_commit (self, copy, _ ("Import scenarios"), NULL, error))
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

  if (!lgr_study_validate_settings (settings, error))
    return FALSE;

  copy = lgr_study_copy (lgr_document_get_study (self));
  lgr_study_set_settings (copy, settings);
  return _lgr_document_commit (self, copy, _ ("Change the study settings"), merge_key, error);
}

/* The confident and stretch cases of a scenario (docs/uncertainty.md): two copies after it with
 * their own benefit realisation. Their own range of it, if the original had one, is dropped: a
 * case is one value, and the original's range need not hold it. */
gboolean
lgr_document_duplicate_as_cases (LgrDocument *self, const char *scenario_id, double confident,
                                 double stretch, char **confident_id, char **stretch_id,
                                 GError **error)
{
  LgrStudy *copy;
  LgrScenario *scenario;
  g_autofree char *label = NULL;
  g_autofree char *confident_new = NULL; /* (g_autofree on an array frees its first only) */
  g_autofree char *stretch_new = NULL;
  char **ids[2] = { &confident_new, &stretch_new };
  const double values[2] = { confident, stretch };
  int at;

  g_return_val_if_fail (LGR_IS_DOCUMENT (self), FALSE);

  if (!(copy = _lgr_document_copy_with_scenario (self, scenario_id, &scenario, error)))
    return FALSE;
  lgr_scenario_style_pin (copy);
  at = lgr_study_scenario_index (copy, scenario_id);
  for (int i = 0; i < 2; i++)
    {
      LgrScenario *duplicate = lgr_study_duplicate_scenario (copy, scenario);
      g_free (duplicate->name);
      /* Translators: the names of a scenario's confident and stretch cases */
      duplicate->name = i == 0 ? g_strdup_printf (_ ("%s (confident)"), scenario->name)
                               : g_strdup_printf (_ ("%s (stretch)"), scenario->name);
      duplicate->has_benefit_realisation = TRUE;
      duplicate->benefit_realisation = values[i];
      duplicate->benefit_realisation_range = (LgrBounds){ 0 };
      *ids[i] = g_strdup (duplicate->id);
      g_ptr_array_insert (copy->scenarios, at + 1 + i, duplicate);
    }

  label = g_strdup_printf (_ ("Duplicate “%s” as confident and stretch cases"), scenario->name);
  if (!_lgr_document_commit (self, copy, label, NULL, error))
    return FALSE;
  if (confident_id)
    *confident_id = g_steal_pointer (&confident_new);
  if (stretch_id)
    *stretch_id = g_steal_pointer (&stretch_new);
  return TRUE;
}

/* A scenario's authorities: a new one (they are changed and removed in lgr-document.c) */

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

  if (!(stripped = _lgr_document_typed_name (name, error))
      || !(copy = _lgr_document_copy_with_scenario (self, scenario_id, &scenario, error)))
    return FALSE;
  stem = lgr_id_stem (stripped, "authority");
  id = lgr_scenario_unique_id (scenario, stem);
  g_ptr_array_add (scenario->authorities, lgr_authority_new (id, stripped));
  label = g_strdup_printf (_ ("Add “%s”"), stripped);
  return _lgr_document_commit_addition (self, copy, label, &id, new_id, error);
}

/* A name as typed, stripped, or NULL with error set (lgr-document-private.h). */
char *
_lgr_document_typed_name (const char *name, GError **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  if (!lgr_check_text (stripped, _ ("the name"), TRUE, error))
    return NULL;
  return g_steal_pointer (&stripped);
}
