/* lgr-window-snapshots.c: the window's snapshots - the Snapshots menu (apply one; Manage:
 * rename, edit the note, move up, remove), Save as Snapshot (named in a dialog) and Back to the
 * Start. Each is one undoable edit of the document
 * (lgr-document-snapshots.c); the menu follows the document's snapshots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-window-private.h"

#include <glib/gi18n.h>

#include "lgr-document-snapshots.h"

/* One snapshot's part of Manage: rename, note, move up, remove. */
static GMenu *
manage_menu (const LgrSnapshot *snapshot, guint index)
{
  GMenu *menu = g_menu_new ();
  struct
  {
    const char *label, *action;
  } entries[] = {
    { N_ ("_Rename…"), "win.rename-snapshot" },
    { N_ ("Edit _Note…"), "win.edit-snapshot-note" },
    { N_ ("Move _Up"), "win.move-snapshot-up" },
    { N_ ("Re_move"), "win.remove-snapshot" },
  };
  for (guint k = 0; k < G_N_ELEMENTS (entries); k++)
    {
      g_autoptr (GMenuItem) item = NULL;
      if (k == 2 && index == 0)
        continue; /* the first cannot move up */
      item = g_menu_item_new (_ (entries[k].label), NULL);
      g_menu_item_set_action_and_target (item, entries[k].action, "s", snapshot->id);
      g_menu_append_item (menu, item);
    }
  return menu;
}

/* The snapshots' ids and names in order: what the menu shows. */
static char *
menu_key (const LgrStudy *study)
{
  GString *key = g_string_new (NULL);
  for (guint i = 0; i < study->snapshots->len; i++)
    {
      const LgrSnapshot *snapshot = g_ptr_array_index (study->snapshots, i);
      g_string_append_printf (key, "%s\x1f%s\x1e", snapshot->id, snapshot->name);
    }
  return g_string_free (key, FALSE);
}

void
_lgr_window_fill_snapshot_menu (LgrWindow *self)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  g_autoptr (GMenu) manage = NULL;
  char *key = menu_key (study);

  /* Rebuilding the menu makes its popover rebuild its widgets (a quarter of a lever change's
   * CPU once measured), so it is rebuilt only when what it shows changes. */
  if (g_strcmp0 (key, g_object_get_data (G_OBJECT (self->snapshot_menu), "lgr-key")) == 0)
    {
      g_free (key);
      return;
    }
  g_object_set_data_full (G_OBJECT (self->snapshot_menu), "lgr-key", key, g_free);
  manage = g_menu_new ();
  g_menu_remove_all (self->snapshot_menu);
  for (guint i = 0; i < study->snapshots->len; i++)
    {
      const LgrSnapshot *snapshot = g_ptr_array_index (study->snapshots, i);
      g_autoptr (GMenuItem) item = g_menu_item_new (snapshot->name, NULL);
      g_autoptr (GMenu) own = manage_menu (snapshot, i);
      g_menu_item_set_action_and_target (item, "win.apply-snapshot", "s", snapshot->id);
      g_menu_append_item (self->snapshot_menu, item);
      /* a labelled section, not a submenu: a popover's submenus are pages named by their
       * labels, which a rebuilt menu would repeat */
      g_menu_append_section (manage, snapshot->name, G_MENU_MODEL (own));
    }
  if (study->snapshots->len > 0)
    g_menu_append_submenu (self->snapshot_menu, _ ("_Manage"), G_MENU_MODEL (manage));
}

static void
on_document_changed (LgrDocument *document, LgrWindow *self)
{
  _lgr_window_fill_snapshot_menu (self);
}

void
_lgr_window_snapshots_watch (LgrWindow *self, LgrDocument *document)
{
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);
  _lgr_window_fill_snapshot_menu (self);
}

static void
action_apply_snapshot (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  if (!lgr_document_apply_snapshot (self->document, g_variant_get_string (param, NULL), &error))
    _lgr_window_show_error (self, _ ("The Snapshot Could Not Be Applied"), error);
  else
    _lgr_window_set_snapshot (self, g_variant_get_string (param, NULL));
}

static void
action_back_to_start (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  _lgr_window_set_snapshot (self, NULL);
  if (lgr_document_back_to_start (self->document, NULL))
    _lgr_window_toast (self, _ ("Back to the start (Ctrl+Z undoes this)"));
  else
    _lgr_window_toast (self, _ ("Nothing differs from the start"));
}

static void
on_save_snapshot_response (AdwMessageDialog *dialog, const char *response, LgrWindow *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  if (!lgr_document_save_snapshot (self->document, gtk_editable_get_text (entry), NULL, &error))
    _lgr_window_show_error (self, _ ("The Snapshot Could Not Be Saved"), error);
}

static void
on_save_snapshot_activate (GtkEntry *entry, AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "save");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
action_save_snapshot (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  AdwMessageDialog *dialog = _lgr_window_new_dialog (
      self, _ ("Save as Snapshot"),
      _ ("Keeps every change since the study was opened as a snapshot you can apply again."));
  GtkWidget *entry = gtk_entry_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Snapshot name"), -1);
  g_signal_connect (entry, "activate", G_CALLBACK (on_save_snapshot_activate), dialog);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "save", _ ("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_snapshot_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
report (LgrWindow *self, gboolean ok, const GError *error)
{
  if (!ok)
    _lgr_window_show_error (self, _ ("The Snapshot Could Not Be Changed"), error);
}

static void
action_move_snapshot_up (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  const char *id = g_variant_get_string (param, NULL);
  const LgrStudy *study = lgr_document_get_study (self->document);
  g_autoptr (GError) error = NULL;
  guint index = 0;

  for (guint i = 0; i < study->snapshots->len; i++)
    if (g_strcmp0 (((LgrSnapshot *)g_ptr_array_index (study->snapshots, i))->id, id) == 0)
      index = i;
  if (index > 0)
    report (self, lgr_document_move_snapshot (self->document, id, index - 1, &error), error);
}

static void
action_remove_snapshot (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  if (lgr_document_remove_snapshot (self->document, g_variant_get_string (param, NULL), &error))
    _lgr_window_toast (self, _ ("Snapshot removed (Ctrl+Z undoes this)"));
  else
    report (self, FALSE, error);
}

/* Rename and Edit Note: one text in a dialog, for the snapshot the dialog keeps. */
static void
on_text_response (AdwMessageDialog *dialog, const char *response, LgrWindow *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *id = g_object_get_data (G_OBJECT (dialog), "lgr-snapshot");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "rename") == 0)
    report (
        self,
        lgr_document_rename_snapshot (self->document, id, gtk_editable_get_text (entry), &error),
        error);
  else if (g_strcmp0 (response, "note") == 0)
    report (
        self,
        lgr_document_set_snapshot_note (self->document, id, gtk_editable_get_text (entry), &error),
        error);
}

static void
ask_text (LgrWindow *self, const char *id, gboolean note)
{
  const LgrSnapshot *snapshot
      = lgr_study_find_snapshot (lgr_document_get_study (self->document), id);
  const char *response = note ? "note" : "rename";
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (snapshot == NULL)
    return;
  dialog = _lgr_window_new_dialog (self, note ? _ ("Snapshot Note") : _ ("Rename Snapshot"),
                                   note ? snapshot->name : NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry),
                         note ? (snapshot->note ? snapshot->note : "") : snapshot->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  note ? _ ("Snapshot note") : _ ("Snapshot name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), response,
                                    note ? _ ("_Save") : _ ("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "lgr-snapshot", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_text_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_rename_snapshot (GtkWidget *widget, const char *name, GVariant *param)
{
  ask_text (LGR_WINDOW (widget), g_variant_get_string (param, NULL), FALSE);
}

static void
action_edit_snapshot_note (GtkWidget *widget, const char *name, GVariant *param)
{
  ask_text (LGR_WINDOW (widget), g_variant_get_string (param, NULL), TRUE);
}

void
_lgr_window_class_snapshots_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.apply-snapshot", "s", action_apply_snapshot);
  gtk_widget_class_install_action (widget_class, "win.back-to-start", NULL, action_back_to_start);
  gtk_widget_class_install_action (widget_class, "win.save-snapshot", NULL, action_save_snapshot);
  gtk_widget_class_install_action (widget_class, "win.rename-snapshot", "s",
                                   action_rename_snapshot);
  gtk_widget_class_install_action (widget_class, "win.edit-snapshot-note", "s",
                                   action_edit_snapshot_note);
  gtk_widget_class_install_action (widget_class, "win.move-snapshot-up", "s",
                                   action_move_snapshot_up);
  gtk_widget_class_install_action (widget_class, "win.remove-snapshot", "s",
                                   action_remove_snapshot);
}
