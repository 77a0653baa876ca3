/* lgr-cli-snapshot.c: loading a study for the command line, with --snapshot applied
 * (lgr-cli-snapshot.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-cli-snapshot.h"

#include <glib/gi18n.h>

#include "lgr-cli.h"
#include "lgr-snapshot.h"
#include "lgr-study-io.h"

int
lgr_cli_load_study (const char *path, char **snapshots, LgrCliUsageError usage_error,
                    LgrStudy **study)
{
  return lgr_cli_load_study_with_start (path, snapshots, usage_error, study, NULL);
}

int
lgr_cli_load_study_with_start (const char *path, char **snapshots, LgrCliUsageError usage_error,
                               LgrStudy **study, LgrStudy **start)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrStudy) loaded = lgr_study_load_path (path, &error);
  g_autoptr (LgrStudy) before = NULL;

  *study = NULL;
  if (start != NULL)
    *start = NULL;
  if (loaded == NULL)
    {
      lgr_cli_printerr ("%s", error->message);
      return LGR_EXIT_INVALID;
    }
  if (start != NULL && snapshots != NULL && *snapshots != NULL)
    before = lgr_study_copy (loaded);
  for (char **id = snapshots; id != NULL && *id != NULL; id++)
    {
      const LgrSnapshot *snapshot = lgr_study_find_snapshot (loaded, *id);
      if (snapshot == NULL)
        {
          g_autoptr (GString) known = g_string_new (NULL);
          g_autofree char *message = NULL;
          for (guint i = 0; i < loaded->snapshots->len; i++)
            {
              const LgrSnapshot *s = g_ptr_array_index (loaded->snapshots, i);
              g_string_append_printf (known, "%s%s", i ? ", " : "", s->id);
            }
          if (known->len > 0)
            /* Translators: "study.lgr has no snapshot “x” (its snapshots: lac-60, late)" */
            message = g_strdup_printf (_ ("%s has no snapshot “%s” (its snapshots: %s)"), path, *id,
                                       known->str);
          else
            message = g_strdup_printf (_ ("%s has no snapshot “%s” (it has none)"), path, *id);
          return usage_error (message);
        }
      /* the loader checked every set, so this fails only if snapshots clash */
      if (!lgr_snapshot_apply (loaded, snapshot, &error))
        {
          lgr_cli_printerr ("%s: %s", path, error->message);
          return LGR_EXIT_INVALID;
        }
    }
  *study = g_steal_pointer (&loaded);
  if (start != NULL)
    *start = g_steal_pointer (&before);
  return LGR_EXIT_OK;
}
