/* lgr-window-actions.c: what the window's actions do (win.open, win.save, win.undo,
 * win.present, win.chart, ...) and their keyboard shortcuts; opening and saving files, and the
 * question about unsaved changes. */
#include <glib/gi18n.h>

#include "lgr-csv.h"
#include "lgr-export-dialog.h"
#include "lgr-export.h"
#include "lgr-file-replace.h"
#include "lgr-lever-row.h"
#include "lgr-print-operation.h"
#include "lgr-study-edits.h"
#include "lgr-study-io.h"
#include "lgr-window-private.h"
#include "lgr-workbook.h"

#define MIME_TYPE "application/x-lgr-study+xml"

/* Files */

static void
remember_folder (LgrWindow *self, GFile *file)
{
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autofree char *path = parent ? g_file_get_path (parent) : NULL;
  if (path)
    g_settings_set_string (self->settings, "last-folder", path);
}

static void
add_recent (LgrWindow *self, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { 0 };
  data.display_name = NULL;
  data.mime_type = (char *)MIME_TYPE;
  data.app_name = (char *)g_get_application_name ();
  data.app_exec = (char *)"lgr-explorer %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Saving, and the two questions it may ask: the file is read-only, or another program changed
 * it since it was opened or saved. Either way the user chooses: save a copy elsewhere,
 * overwrite anyway, or cancel. */

typedef void (*SavedFunc) (LgrWindow *self, gboolean saved, gpointer data);

typedef struct
{
  LgrWindow *self;
  GFile *file; /* NULL: the document's own */
  LgrDocumentSaveFlags flags;
  SavedFunc done;
  gpointer data;
} SaveJob;

static void save_job_run (SaveJob *job);

static void
save_job_finish (SaveJob *job, gboolean saved)
{
  LgrWindow *self = job->self;

  if (saved)
    {
      GFile *file = lgr_document_get_file (self->document);
      remember_folder (self, file);
      add_recent (self, file);
      _lgr_window_toast (self, _ ("Study saved"));
    }
  if (job->done)
    job->done (self, saved, job->data);
  g_clear_object (&job->file);
  g_object_unref (job->self);
  g_free (job);
}

static void
on_save_question (AdwMessageDialog *dialog, const char *response, SaveJob *job)
{
  LgrWindow *self = job->self;

  if (g_str_equal (response, "overwrite"))
    {
      job->flags |= GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "lgr-overwrite"));
      save_job_run (job);
      return;
    }
  g_object_ref (self);
  save_job_finish (job, FALSE);
  /* A copy elsewhere: the usual Save As, on its own (whatever waited for the save does not). */
  if (g_str_equal (response, "save-as"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
  g_object_unref (self);
}

static void
ask_before_overwriting (SaveJob *job, const char *heading, const char *body,
                        LgrDocumentSaveFlags overwrite)
{
  AdwMessageDialog *dialog = _lgr_window_new_dialog (job->self, heading, body);

  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "overwrite", _ ("_Overwrite"),
                                    "save-as", _ ("Save _As…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "lgr-overwrite", GUINT_TO_POINTER (overwrite));
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_question), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_job_run (SaveJob *job)
{
  LgrWindow *self = job->self;
  GFile *target = job->file ? job->file : lgr_document_get_file (self->document);
  g_autofree char *name = g_file_get_basename (target);
  g_autofree char *heading = NULL;
  g_autoptr (GError) error = NULL;

  if (lgr_document_save_full (self->document, job->file, job->flags, &error))
    {
      save_job_finish (job, TRUE);
      return;
    }
  if (g_error_matches (error, LGR_FILE_REPLACE_ERROR, LGR_FILE_REPLACE_ERROR_READ_ONLY))
    {
      heading = g_strdup_printf (_ ("“%s” Is Read-Only"), name);
      ask_before_overwriting (job, heading,
                              _ ("The file is protected against changes. Save the study as a "
                                 "copy elsewhere, or overwrite the protected file anyway."),
                              LGR_DOCUMENT_SAVE_OVERWRITE_READ_ONLY);
      return;
    }
  if (g_error_matches (error, LGR_DOCUMENT_ERROR, LGR_DOCUMENT_ERROR_CHANGED_ON_DISK))
    {
      heading = g_strdup_printf (_ ("“%s” Was Changed by Another Program"), name);
      ask_before_overwriting (job, heading,
                              _ ("The file on disk is not the version this study was opened "
                                 "from or last saved to. Overwriting it loses the other "
                                 "program’s changes; saving a copy elsewhere keeps both."),
                              LGR_DOCUMENT_SAVE_OVERWRITE_CHANGED);
      return;
    }
  _lgr_window_show_error (self, _ ("The Study Could Not Be Saved"), error);
  save_job_finish (job, FALSE);
}

/* Saves the document to file (NULL: its own file), asking first where needed; then done. */
static void
save_document (LgrWindow *self, GFile *file, SavedFunc done, gpointer data)
{
  SaveJob *job = g_new0 (SaveJob, 1);
  job->self = g_object_ref (self);
  job->file = file ? g_object_ref (file) : NULL;
  job->done = done;
  job->data = data;
  save_job_run (job);
}

/* Unsaved changes */

typedef struct
{
  LgrWindow *self;
  Continuation next;
  gpointer data;
  GDestroyNotify destroy;
} Pending;

static void
pending_finish (Pending *pending, gboolean go_on)
{
  if (go_on)
    pending->next (pending->self, pending->data);
  if (pending->destroy)
    pending->destroy (pending->data);
  g_object_unref (pending->self);
  g_free (pending);
}

static void
continue_if_saved (LgrWindow *self, gboolean saved, gpointer data)
{
  pending_finish (data, saved);
}

static void
on_saved_then_continue (LgrWindow *self, GFile *file)
{
  Pending *pending = g_object_steal_data (G_OBJECT (self), "lgr-pending");

  if (pending == NULL)
    return;
  save_document (self, file, continue_if_saved, pending);
}

static void
on_unsaved_response (AdwMessageDialog *dialog, const char *response, Pending *pending)
{
  LgrWindow *self = pending->self;

  if (g_str_equal (response, "discard"))
    {
      if (self->drafts)
        lgr_draft_store_untrack (self->drafts, self->document);
      pending_finish (pending, TRUE);
    }
  else if (g_str_equal (response, "save"))
    {
      GFile *file = lgr_document_get_file (self->document);
      if (file == NULL)
        {
          g_autofree char *name = g_strdup_printf ("%s.lgr", _ ("Study"));
          g_object_set_data (G_OBJECT (self), "lgr-pending", pending);
          _lgr_window_choose_file (self, TRUE, _ ("Save Study"), name, _ ("Studies"), "*.lgr",
                                   on_saved_then_continue);
          return;
        }
      save_document (self, NULL, continue_if_saved, pending);
    }
  else
    pending_finish (pending, FALSE);
}

/* Runs next once the current study's changes are saved or discarded (at once if none). */
void
_lgr_window_confirm_unsaved (LgrWindow *self, Continuation next, gpointer data,
                             GDestroyNotify destroy)
{
  Pending *pending;
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;

  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->next = next;
  pending->data = data;
  pending->destroy = destroy;

  if (self->document == NULL || !lgr_document_get_modified (self->document))
    {
      pending_finish (pending, TRUE);
      return;
    }
  name = lgr_document_dup_display_name (self->document);
  heading = g_strdup_printf (_ ("Save Changes to “%s”?"), name);
  dialog = _lgr_window_new_dialog (
      self, heading,
      _ ("The study has changes that are not saved. If you do not save them, "
         "they are lost."));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "discard", _ ("_Discard"),
                                    "save", _ ("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_unsaved_response), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_file_now (LgrWindow *self, gpointer data)
{
  GFile *file = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrDocument) document = lgr_document_new_for_file (file, &error);

  if (document == NULL)
    {
      _lgr_window_show_error (self, _ ("The Study Could Not Be Opened"), error);
      return;
    }
  remember_folder (self, file);
  add_recent (self, file);
  if (self->drafts && self->document)
    lgr_draft_store_untrack (self->drafts, self->document);
  lgr_window_set_document (self, document);
}

void
lgr_window_open (LgrWindow *self, GFile *file)
{
  g_return_if_fail (LGR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  _lgr_window_confirm_unsaved (self, load_file_now, g_object_ref (file), g_object_unref);
}

gboolean
lgr_window_save_to (LgrWindow *self, GFile *file, GError **error)
{
  g_return_val_if_fail (LGR_IS_WINDOW (self), FALSE);
  if (!lgr_document_save_as (self->document, file, error))
    return FALSE;
  remember_folder (self, file);
  add_recent (self, file);
  return TRUE;
}

/* Actions */

static void
open_chosen (LgrWindow *self, GFile *file)
{
  lgr_window_open (self, file);
}

static void
action_open (GtkWidget *widget, const char *name, GVariant *param)
{
  _lgr_window_choose_file (LGR_WINDOW (widget), FALSE, _ ("Open Study"), NULL, _ ("Studies"),
                           "*.lgr", open_chosen);
}

static void
action_open_recent (GtkWidget *widget, const char *name, GVariant *param)
{
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));
  lgr_window_open (LGR_WINDOW (widget), file);
}

static void
save_chosen (LgrWindow *self, GFile *file)
{
  save_document (self, file, NULL, NULL);
}

static void
action_save_as (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  GFile *file = lgr_document_get_file (self->document);
  g_autofree char *suggested = file ? g_file_get_basename (file) : g_strdup (_ ("Study.lgr"));
  _lgr_window_choose_file (self, TRUE, _ ("Save Study As"), suggested, _ ("Studies"), "*.lgr",
                           save_chosen);
}

static void
action_save (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);

  if (lgr_document_get_file (self->document) == NULL)
    {
      action_save_as (widget, name, param);
      return;
    }
  save_document (self, NULL, NULL, NULL);
}

static void
action_revert (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  if (lgr_document_revert (self->document))
    _lgr_window_toast (self, _ ("Back to the saved study (Ctrl+Z undoes this)"));
}

static void
import_study (LgrWindow *self, const LgrStudy *other)
{
  g_autoptr (GError) error = NULL;
  guint n = 0;

  if (!lgr_document_import_scenarios (self->document, other, &n, &error))
    {
      _lgr_window_show_error (self, _ ("The Scenarios Could Not Be Imported"), error);
      return;
    }
  g_autofree char *message
      = g_strdup_printf (g_dngettext (NULL, "%u scenario imported", "%u scenarios imported", n), n);
  _lgr_window_toast (self, message);
}

static void
on_import_response (AdwMessageDialog *dialog, const char *response, LgrWindow *self)
{
  if (g_strcmp0 (response, "import") == 0)
    import_study (self, g_object_get_data (G_OBJECT (dialog), "lgr-study"));
}

/* Imported scenarios are computed on this study's settings and timeline: when those differ from
 * the other study's, say which before importing rather than re-base them silently. */
void
_lgr_window_import_file (LgrWindow *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrStudy) other = lgr_study_load_file (file, NULL, &error);

  if (other == NULL)
    {
      _lgr_window_show_error (self, _ ("The Scenarios Could Not Be Imported"), error);
      return;
    }
  g_auto (GStrv) differences
      = lgr_study_import_differences (lgr_document_get_study (self->document), other);
  if (differences[0] == NULL)
    {
      import_study (self, other);
      return;
    }

  GString *body = g_string_new (
      _ ("The imported scenarios will be computed with this study’s settings and timeline, "
         "which differ from the ones they were made with:"));
  for (guint i = 0; differences[i]; i++)
    g_string_append_printf (body, "\n• %s", differences[i]);
  AdwMessageDialog *dialog
      = _lgr_window_new_dialog (self, _ ("Import With This Study’s Settings?"), body->str);
  g_string_free (body, TRUE);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "import", _ ("_Import"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "import");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "lgr-study", g_steal_pointer (&other),
                          (GDestroyNotify)lgr_study_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_chosen (LgrWindow *self, GFile *file)
{
  _lgr_window_import_file (self, file);
}

static void
action_import (GtkWidget *widget, const char *name, GVariant *param)
{
  _lgr_window_choose_file (LGR_WINDOW (widget), FALSE, _ ("Import Scenarios"), NULL, _ ("Studies"),
                           "*.lgr", import_chosen);
}

static void
action_undo (GtkWidget *widget, const char *name, GVariant *param)
{
  lgr_document_undo (LGR_WINDOW (widget)->document);
}

static void
action_redo (GtkWidget *widget, const char *name, GVariant *param)
{
  lgr_document_redo (LGR_WINDOW (widget)->document);
}

static void
action_leave_presentation (GtkWidget *widget, const char *name, GVariant *param)
{
  _lgr_window_set_presenting (LGR_WINDOW (widget), FALSE);
}

static void
action_step_scenario (GtkWidget *widget, const char *name, GVariant *param)
{
  _lgr_window_step_scenario (LGR_WINDOW (widget), g_str_equal (name, "win.next-scenario") ? 1 : -1);
}

static void
report_edit_error (LgrWindow *self, gboolean ok, const GError *error)
{
  if (!ok && error != NULL)
    _lgr_window_toast (self, error->message);
}

static void
action_add_scenario (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  gboolean ok = lgr_document_add_scenario (self->document, _ ("New scenario"), &id, &error);

  report_edit_error (self, ok, error);
  if (ok)
    lgr_scenario_sidebar_select (self->sidebar, id);
}

static void
action_duplicate_scenario (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  gboolean ok = lgr_document_duplicate_scenario (
      self->document, lgr_scenario_sidebar_get_selected (self->sidebar), &id, &error);

  report_edit_error (self, ok, error);
  if (ok)
    lgr_scenario_sidebar_select (self->sidebar, id);
}

/* Duplicate as Confident / Stretch: the benefit realisation of each case, 75% and 125% unless
 * changed in the question. */
static void
on_cases_response (AdwMessageDialog *dialog, const char *response, LgrWindow *self)
{
  GtkSpinButton *confident = g_object_get_data (G_OBJECT (dialog), "lgr-confident");
  GtkSpinButton *stretch = g_object_get_data (G_OBJECT (dialog), "lgr-stretch");
  const char *scenario_id = g_object_get_data (G_OBJECT (dialog), "lgr-scenario");
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "duplicate") != 0)
    return;
  gtk_spin_button_update (confident);
  gtk_spin_button_update (stretch);
  ok = lgr_document_duplicate_as_cases (self->document, scenario_id,
                                        gtk_spin_button_get_value (confident),
                                        gtk_spin_button_get_value (stretch), &id, NULL, &error);
  report_edit_error (self, ok, error);
  if (ok)
    lgr_scenario_sidebar_select (self->sidebar, id);
}

static GtkWidget *
case_spin (GtkWidget *grid, int row, const char *label, double value)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 1000, 5);
  GtkWidget *unit = gtk_label_new ("%");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), spin);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_grid_attach (GTK_GRID (grid), title, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), spin, 1, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), unit, 2, row, 1, 1);
  return spin;
}

static void
action_duplicate_as_cases (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  const char *scenario_id = lgr_scenario_sidebar_get_selected (self->sidebar);
  const LgrScenario *scenario
      = lgr_study_find_scenario (lgr_document_get_study (self->document), scenario_id);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *grid;

  if (scenario == NULL)
    return;
  heading = g_strdup_printf (_ ("Duplicate “%s” as Confident and Stretch Cases?"), scenario->name);
  dialog = _lgr_window_new_dialog (
      self, heading,
      _ ("Two copies of the scenario, each with its own benefit realisation: the share of the "
         "planned savings that the case expects to come true."));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  g_object_set_data (G_OBJECT (dialog), "lgr-confident",
                     case_spin (grid, 0, _ ("_Confident case"), 75));
  g_object_set_data (G_OBJECT (dialog), "lgr-stretch",
                     case_spin (grid, 1, _ ("_Stretch case"), 125));
  g_object_set_data_full (G_OBJECT (dialog), "lgr-scenario", g_strdup (scenario_id), g_free);
  adw_message_dialog_set_extra_child (dialog, grid);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "duplicate", _ ("_Duplicate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "duplicate", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "duplicate");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cases_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_remove_scenario (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  const LgrScenario *scenario = lgr_study_find_scenario (
      lgr_document_get_study (self->document), lgr_scenario_sidebar_get_selected (self->sidebar));
  g_autofree char *message = NULL;
  gboolean ok;
  int index;

  if (scenario == NULL)
    return;
  message = g_strdup_printf (_ ("“%s” removed (Ctrl+Z brings it back)"), scenario->name);
  index = lgr_study_scenario_index (lgr_document_get_study (self->document), scenario->id);
  ok = lgr_document_remove_scenario (self->document, scenario->id, &error);
  report_edit_error (self, ok, error);
  if (ok)
    {
      /* The neighbour before it becomes the selected scenario. */
      const LgrStudy *study = lgr_document_get_study (self->document);
      const LgrScenario *next = g_ptr_array_index (study->scenarios, MAX (0, index - 1));
      lgr_scenario_sidebar_select (self->sidebar, next->id);
      _lgr_window_toast (self, message);
    }
}

static void
on_rename_response (AdwMessageDialog *dialog, const char *response, LgrWindow *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *id = g_object_get_data (G_OBJECT (dialog), "lgr-scenario");
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "rename"))
    return;
  report_edit_error (
      self,
      lgr_document_rename_scenario (self->document, id, gtk_editable_get_text (entry), &error),
      error);
}

static void
on_rename_activate (GtkEntry *entry, AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "rename");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
action_rename_scenario (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  const LgrScenario *scenario = lgr_study_find_scenario (
      lgr_document_get_study (self->document), lgr_scenario_sidebar_get_selected (self->sidebar));
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (scenario == NULL)
    return;
  dialog = _lgr_window_new_dialog (self, _ ("Rename Scenario"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), scenario->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Scenario name"), -1);
  g_signal_connect (entry, "activate", G_CALLBACK (on_rename_activate), dialog);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "rename", _ ("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "lgr-scenario", g_strdup (scenario->id), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_rename_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_add_lever (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  report_edit_error (self,
                     lgr_document_add_lever (self->document,
                                             lgr_scenario_sidebar_get_selected (self->sidebar),
                                             NULL, &error),
                     error);
}

/* Target (authority id, template name), from the Add Lever menu. */
static void
action_add_lever_from_template (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  const char *authority_id, *template_name;
  LgrLeverTemplate template_;
  g_autofree char *id = NULL;
  gboolean ok;

  g_variant_get (param, "(&s&s)", &authority_id, &template_name);
  if (!lgr_lever_template_from_string (template_name, &template_))
    return;
  ok = lgr_document_add_lever_from_template (self->document,
                                             lgr_scenario_sidebar_get_selected (self->sidebar),
                                             authority_id, template_, &id, &error);
  report_edit_error (self, ok, error);
  if (ok)
    {
      LgrLeverRow *row = lgr_scenario_sidebar_find_lever_row (self->sidebar, id);
      if (row)
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          gtk_widget_grab_focus (lgr_lever_row_get_editor (row, LGR_LEVER_EDITOR_NAME));
        }
    }
}

static void
action_add_item (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  report_edit_error (self,
                     lgr_document_add_item (self->document,
                                            lgr_scenario_sidebar_get_selected (self->sidebar), NULL,
                                            &error),
                     error);
}

static void
action_copy_chart (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  LgrChartOptions options;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  lgr_chart_options_init (&options, lgr_chart_view_get_kind (self->chart_view));
  options.show_title = TRUE;
  bytes = lgr_export_chart_png_bytes (lgr_document_get_results (self->document), &options, 1600,
                                      900, 1.0, &error);
  if (bytes)
    texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    {
      _lgr_window_show_error (self, _ ("The Chart Could Not Be Copied"), error);
      return;
    }
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  _lgr_window_toast (self, _ ("Chart copied"));
}

gboolean
lgr_window_export_csv_to (LgrWindow *self, GFile *file, GError **error)
{
  /* every scenario, in the layout of --summary=csv */
  g_autofree char *csv = lgr_csv_results_to_string (lgr_document_get_results (self->document));
  return lgr_file_replace_file (file, csv, strlen (csv), NULL, error);
}

static void
csv_chosen (LgrWindow *self, GFile *file)
{
  g_autoptr (GError) error = NULL;

  if (!lgr_window_export_csv_to (self, file, &error))
    _lgr_window_show_error (self, _ ("The Table Could Not Be Exported"), error);
  else
    _lgr_window_toast (self, _ ("Table exported"));
}

static void
action_export_csv (GtkWidget *widget, const char *name, GVariant *param)
{
  /* every scenario is in the table, so the name is not the visible one's */
  _lgr_window_choose_file (LGR_WINDOW (widget), TRUE, _ ("Export Table"), _ ("Table.csv"),
                           _ ("CSV files"), "*.csv", csv_chosen);
}

gboolean
lgr_window_export_workbook_to (LgrWindow *self, GFile *file, GError **error)
{
  g_autoptr (GBytes) bytes = lgr_workbook_build (lgr_document_get_results (self->document), error);
  if (bytes == NULL)
    return FALSE;
  gsize length = 0;
  const void *data = g_bytes_get_data (bytes, &length);
  return lgr_file_replace_file (file, data, length, NULL, error);
}

static void
workbook_chosen (LgrWindow *self, GFile *file)
{
  g_autoptr (GError) error = NULL;

  if (!lgr_window_export_workbook_to (self, file, &error))
    _lgr_window_show_error (self, _ ("The Workbook Could Not Be Exported"), error);
  else
    _lgr_window_toast (self, _ ("Workbook exported"));
}

static void
action_export_workbook (GtkWidget *widget, const char *name, GVariant *param)
{
  _lgr_window_choose_file (LGR_WINDOW (widget), TRUE, _ ("Export Workbook"), _ ("Workbook.xlsx"),
                           _ ("Excel workbooks"), "*.xlsx", workbook_chosen);
}

static void
report_chosen (LgrWindow *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (!lgr_report_write_pdf (lgr_document_get_study (self->document),
                             lgr_document_get_results (self->document), path, &error))
    _lgr_window_show_error (self, _ ("The Report Could Not Be Written"), error);
  else
    _lgr_window_toast (self, _ ("Report written"));
}

static void
action_export_report (GtkWidget *widget, const char *name, GVariant *param)
{
  _lgr_window_choose_file (LGR_WINDOW (widget), TRUE, _ ("Export Report"), _ ("Report.pdf"),
                           _ ("PDF files"), "*.pdf", report_chosen);
}

void
_lgr_window_on_export_dialog_destroyed (LgrWindow *self, GObject *where_the_object_was)
{
  self->export_dialog = NULL;
}

static void
action_export (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);

  if (self->export_dialog)
    {
      gtk_window_present (self->export_dialog);
      return;
    }
  self->export_dialog
      = GTK_WINDOW (lgr_export_dialog_new (GTK_WINDOW (self), self->document, self->settings,
                                           lgr_chart_view_get_kind (self->chart_view)));
  g_object_weak_ref (G_OBJECT (self->export_dialog),
                     (GWeakNotify)_lgr_window_on_export_dialog_destroyed, self);
  gtk_window_present (self->export_dialog);
}

static void
action_print (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (!lgr_print_study (GTK_WINDOW (self), lgr_document_get_study (self->document),
                        lgr_document_get_results (self->document),
                        lgr_chart_view_get_kind (self->chart_view), &error))
    _lgr_window_show_error (self, _ ("The Study Could Not Be Printed"), error);
}

static void
action_print_report (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (!lgr_print_report (GTK_WINDOW (self), lgr_document_get_study (self->document),
                         lgr_document_get_results (self->document), &error))
    _lgr_window_show_error (self, _ ("The Report Could Not Be Printed"), error);
}

static void
restore_draft (LgrWindow *self, gpointer data)
{
  LgrDraftInfo *info = g_ptr_array_index (self->offered_drafts, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrDocument) document = lgr_draft_store_restore (self->drafts, info, &error);

  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  if (document == NULL)
    {
      _lgr_window_show_error (self, _ ("The Unsaved Changes Could Not Be Restored"), error);
      return;
    }
  g_ptr_array_remove_index (self->offered_drafts, 0);
  if (self->document)
    lgr_draft_store_untrack (self->drafts, self->document);
  lgr_window_set_document (self, document);
  _lgr_window_toast (self, _ ("Unsaved changes restored"));
  lgr_window_offer_drafts (self);
}

static void
action_restore_draft (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  if (self->offered_drafts == NULL || self->offered_drafts->len == 0)
    return;
  _lgr_window_confirm_unsaved (self, restore_draft, NULL, NULL);
}

static void
action_discard_draft (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  if (self->offered_drafts == NULL || self->offered_drafts->len == 0)
    return;
  lgr_draft_store_discard (self->drafts, g_ptr_array_index (self->offered_drafts, 0));
  g_ptr_array_remove_index (self->offered_drafts, 0);
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  lgr_window_offer_drafts (self);
}

void
_lgr_window_class_actions_init (GtkWidgetClass *widget_class)
{
  /* Widget actions only: win.present and win.chart follow the window's "presenting" and
   * "chart" properties; the others are enabled and disabled with gtk_widget_action_set_enabled. */
  gtk_widget_class_install_property_action (widget_class, "win.present", "presenting");
  gtk_widget_class_install_property_action (widget_class, "win.chart", "chart");
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, action_redo);
  gtk_widget_class_install_action (widget_class, "win.revert", NULL, action_revert);
  gtk_widget_class_install_action (widget_class, "win.remove-scenario", NULL,
                                   action_remove_scenario);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, action_open);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", action_open_recent);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, action_save_as);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, action_import);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, action_export_csv);
  gtk_widget_class_install_action (widget_class, "win.export-workbook", NULL,
                                   action_export_workbook);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, action_export_report);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, action_copy_chart);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, action_print);
  gtk_widget_class_install_action (widget_class, "win.print-report", NULL, action_print_report);
  gtk_widget_class_install_action (widget_class, "win.leave-presentation", NULL,
                                   action_leave_presentation);
  gtk_widget_class_install_action (widget_class, "win.next-scenario", NULL, action_step_scenario);
  gtk_widget_class_install_action (widget_class, "win.previous-scenario", NULL,
                                   action_step_scenario);
  gtk_widget_class_install_action (widget_class, "win.add-scenario", NULL, action_add_scenario);
  gtk_widget_class_install_action (widget_class, "win.duplicate-scenario", NULL,
                                   action_duplicate_scenario);
  gtk_widget_class_install_action (widget_class, "win.duplicate-as-cases", NULL,
                                   action_duplicate_as_cases);
  gtk_widget_class_install_action (widget_class, "win.rename-scenario", NULL,
                                   action_rename_scenario);
  gtk_widget_class_install_action (widget_class, "win.add-lever", NULL, action_add_lever);
  gtk_widget_class_install_action (widget_class, "win.add-lever-from-template", "(ss)",
                                   action_add_lever_from_template);
  gtk_widget_class_install_action (widget_class, "win.add-item", NULL, action_add_item);
  gtk_widget_class_install_action (widget_class, "win.restore-draft", NULL, action_restore_draft);
  gtk_widget_class_install_action (widget_class, "win.discard-draft", NULL, action_discard_draft);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.add-scenario", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "win.next-scenario", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "win.previous-scenario", NULL);
}
