/* lgr-window-dialogs.c: the window's toasts, questions, error messages, file dialogs and the
 * banner saying drafts cannot be written. It calls nothing of the window's other files:
 * lgr-window.c, lgr-window-actions.c and lgr-window-views.c use it. */
#include <glib/gi18n.h>

#include "lgr-file-chooser.h"
#include "lgr-window-private.h"

/* Toasts and questions */

void
_lgr_window_toast (LgrWindow *self, const char *message)
{
  /* A toast's title is Pango markup; messages are plain text and may quote a name with '&'. */
  g_autofree char *markup = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

static void
on_dialog_destroyed (LgrWindow *self, GObject *where_the_object_was)
{
  self->dialog = NULL;
}

AdwMessageDialog *
_lgr_window_new_dialog (LgrWindow *self, const char *heading, const char *body)
{
  AdwMessageDialog *dialog
      = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  if (self->dialog)
    g_object_weak_unref (G_OBJECT (self->dialog), (GWeakNotify)on_dialog_destroyed, self);
  self->dialog = dialog;
  g_object_weak_ref (G_OBJECT (dialog), (GWeakNotify)on_dialog_destroyed, self);
  return dialog;
}

void
_lgr_window_show_error (LgrWindow *self, const char *heading, const GError *error)
{
  AdwMessageDialog *dialog = _lgr_window_new_dialog (self, heading, error->message);
  adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_lgr_window_choose_file (LgrWindow *self, gboolean save, const char *title, const char *suggested,
                         const char *filter_name, const char *pattern, ChosenFunc func)
{
  lgr_choose_file (GTK_WINDOW (self), self->settings, save, title, suggested, filter_name, pattern,
                   G_OBJECT (self), (LgrFileChosenFunc)func);
}

/* Stops following the question the window is asking: the window is going away. */
void
_lgr_window_forget_dialog (LgrWindow *self)
{
  if (self->dialog)
    {
      g_object_weak_unref (G_OBJECT (self->dialog), (GWeakNotify)on_dialog_destroyed, self);
      self->dialog = NULL;
    }
}

/* Drafts */

void
_lgr_window_show_draft_problem (LgrWindow *self)
{
  const char *problem = self->drafts ? lgr_draft_store_get_problem (self->drafts) : NULL;

  if (problem != NULL)
    gtk_label_set_text (self->draft_problem_label, problem);
  gtk_revealer_set_reveal_child (self->draft_problem_revealer, problem != NULL);
}
