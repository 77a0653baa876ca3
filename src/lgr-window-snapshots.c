/* lgr-window-snapshots.c: the window's snapshots - the Snapshots menu (apply one), Save as
 * Snapshot (named in a dialog) and Back to the Start. Each is one undoable edit of the document
 * (lgr-document-snapshots.c); the menu follows the document's snapshots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-window-private.h"

#include <glib/gi18n.h>

#include "lgr-document-snapshots.h"

void
_lgr_window_fill_snapshot_menu (LgrWindow *self)
{
  const LgrStudy *study = lgr_document_get_study (self->document);

  g_menu_remove_all (self->snapshot_menu);
  for (guint i = 0; i < study->snapshots->len; i++)
    {
      const LgrSnapshot *snapshot = g_ptr_array_index (study->snapshots, i);
      g_autoptr (GMenuItem) item = g_menu_item_new (snapshot->name, NULL);
      g_menu_item_set_action_and_target (item, "win.apply-snapshot", "s", snapshot->id);
      g_menu_append_item (self->snapshot_menu, item);
    }
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
}

static void
action_back_to_start (GtkWidget *widget, const char *name, GVariant *param)
{
  LgrWindow *self = LGR_WINDOW (widget);
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

void
_lgr_window_class_snapshots_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.apply-snapshot", "s", action_apply_snapshot);
  gtk_widget_class_install_action (widget_class, "win.back-to-start", NULL, action_back_to_start);
  gtk_widget_class_install_action (widget_class, "win.save-snapshot", NULL, action_save_snapshot);
}
