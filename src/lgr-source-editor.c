/* lgr-source-editor.c: a source note or a description, editable (lgr-source-editor.h).
 *
 * A GtkTextView, because a note runs to several lines and paragraphs. The row hands the
 * committed text to the document as one edit, so a note typed in one sitting is one undo step;
 * committing only on leaving (not on every key) keeps each keystroke from being an edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-source-editor.h"

#include "lgr-row-helpers.h"

#include <glib/gi18n-lib.h>

struct _LgrSourceEditor
{
  GtkBox parent_instance;

  GtkWidget *hint;
  GtkWidget *view;
  GtkWidget *error_label;
  GtkWidget *stale_box;
  GtkWidget *stale_label;
  char *shown; /* the note as last set or committed, trimmed; NULL: none */
  char *given; /* the note as the document last gave it */
  char *stale; /* the warning that the note predates a change; shown once mapped */
};

G_DEFINE_FINAL_TYPE (LgrSourceEditor, lgr_source_editor, GTK_TYPE_BOX)

enum
{
  COMMITTED,
  CONFIRMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
trimmed (const char *text)
{
  char *copy = g_strstrip (g_strdup (text ? text : ""));

  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static void
on_focus_leave (GtkEventControllerFocus *focus, LgrSourceEditor *self)
{
  lgr_source_editor_commit (self);
}

static void
on_done (GtkButton *button, LgrSourceEditor *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_POPOVER);

  lgr_source_editor_commit (self);
  if (popover)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
on_confirm (GtkButton *button, LgrSourceEditor *self)
{
  lgr_source_editor_commit (self); /* a note typed first is an edit of its own */
  g_signal_emit (self, signals[CONFIRMED], 0);
}

static void
on_unmap (GtkWidget *widget, LgrSourceEditor *self)
{
  lgr_source_editor_commit (self);
}

/* The warning's figures change on every step of a drag ("64 -> 64.06"), and a label given a new
 * text lays the window out again: it is set only while the editor is on screen. */
static void
show_stale (LgrSourceEditor *self)
{
  lgr_row_set_label_text (self->stale_label, self->stale ? self->stale : "");
  gtk_widget_set_visible (self->stale_box, self->stale != NULL);
}

static void
on_map (GtkWidget *widget, LgrSourceEditor *self)
{
  show_stale (self);
}

static void
lgr_source_editor_finalize (GObject *object)
{
  LgrSourceEditor *self = LGR_SOURCE_EDITOR (object);

  g_free (self->shown);
  g_free (self->given);
  g_free (self->stale);
  G_OBJECT_CLASS (lgr_source_editor_parent_class)->finalize (object);
}

static void
lgr_source_editor_class_init (LgrSourceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lgr_source_editor_finalize;
  signals[COMMITTED] = g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[CONFIRMED] = g_signal_new ("confirmed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lgr_source_editor_init (LgrSourceEditor *self)
{
  GtkWidget *hint = self->hint
      = gtk_label_new (_ ("Where these numbers come from: publisher, title, date, "
                          "page or table, and how derived numbers were derived."));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *done = gtk_button_new_with_mnemonic (_ ("_Done"));
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 40);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (self), hint);

  self->view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Source note"), -1);
  gtk_widget_add_controller (self->view, focus);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, 400, 220);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (self), scroller);

  /* Why a note was refused (too long): the text typed stays above it. */
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->error_label), 40);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (self), self->error_label);

  self->stale_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->stale_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->stale_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->stale_label), 32);
  gtk_label_set_xalign (GTK_LABEL (self->stale_label), 0);
  gtk_widget_set_hexpand (self->stale_label, TRUE);
  gtk_widget_add_css_class (self->stale_label, "warning");
  gtk_box_append (GTK_BOX (self->stale_box), self->stale_label);
  {
    GtkWidget *confirm = gtk_button_new_with_mnemonic (_ ("_Still True"));
    gtk_widget_set_valign (confirm, GTK_ALIGN_CENTER);
    gtk_widget_set_tooltip_text (confirm, _ ("The note holds for the new value"));
    g_signal_connect (confirm, "clicked", G_CALLBACK (on_confirm), self);
    gtk_box_append (GTK_BOX (self->stale_box), confirm);
  }
  gtk_widget_set_visible (self->stale_box, FALSE);
  gtk_box_append (GTK_BOX (self), self->stale_box);

  gtk_widget_set_halign (done, GTK_ALIGN_END);
  g_signal_connect (done, "clicked", G_CALLBACK (on_done), self);
  gtk_box_append (GTK_BOX (self), done);
  /* A popover closed with Escape or a click outside keeps what was typed. */
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map), self);
}

GtkWidget *
lgr_source_editor_new (void)
{
  return g_object_new (LGR_TYPE_SOURCE_EDITOR, NULL);
}

void
lgr_source_editor_set_text (LgrSourceEditor *self, const char *text)
{
  g_autofree char *now = NULL;

  g_return_if_fail (LGR_IS_SOURCE_EDITOR (self));

  /* A refused note stays as typed, with the reason, until the document's note changes. */
  if (gtk_widget_get_visible (self->error_label) && g_strcmp0 (text, self->given) == 0)
    return;
  g_free (self->given);
  self->given = g_strdup (text);
  lgr_source_editor_set_error (self, NULL);
  now = lgr_source_editor_get_text (self);
  g_free (self->shown);
  self->shown = trimmed (text);
  /* Not while the user is typing a different text: their words are not lost. */
  if (g_strcmp0 (now, self->shown) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)),
                              self->shown ? self->shown : "", -1);
}

char *
lgr_source_editor_get_text (LgrSourceEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_return_val_if_fail (LGR_IS_SOURCE_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return trimmed (text);
}

void
lgr_source_editor_type_text (LgrSourceEditor *self, const char *text)
{
  g_return_if_fail (LGR_IS_SOURCE_EDITOR (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)), text, -1);
}

void
lgr_source_editor_commit (LgrSourceEditor *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (LGR_IS_SOURCE_EDITOR (self));

  text = lgr_source_editor_get_text (self);
  if (g_strcmp0 (text, self->shown) == 0)
    return;
  g_free (self->shown);
  self->shown = g_strdup (text);
  g_signal_emit (self, signals[COMMITTED], 0, text);
}

void
lgr_source_editor_set_stale (LgrSourceEditor *self, const char *warning)
{
  g_return_if_fail (LGR_IS_SOURCE_EDITOR (self));
  if (g_strcmp0 (warning, self->stale) == 0)
    return;
  g_free (self->stale);
  self->stale = g_strdup (warning);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    show_stale (self);
}

const char *
lgr_source_editor_get_stale (LgrSourceEditor *self)
{
  g_return_val_if_fail (LGR_IS_SOURCE_EDITOR (self), NULL);
  return self->stale;
}

void
lgr_source_editor_set_hint (LgrSourceEditor *self, const char *hint, const char *label)
{
  g_return_if_fail (LGR_IS_SOURCE_EDITOR (self));
  gtk_label_set_text (GTK_LABEL (self->hint), hint);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

void
lgr_source_editor_set_error (LgrSourceEditor *self, const char *message)
{
  g_return_if_fail (LGR_IS_SOURCE_EDITOR (self));
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

const char *
lgr_source_editor_get_error (LgrSourceEditor *self)
{
  g_return_val_if_fail (LGR_IS_SOURCE_EDITOR (self), NULL);
  return gtk_widget_get_visible (self->error_label)
             ? gtk_label_get_text (GTK_LABEL (self->error_label))
             : NULL;
}
