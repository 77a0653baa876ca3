/* lgr-row-helpers.c: the parts the lever and item rows build the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "lgr-row-helpers.h"

GtkWidget *
lgr_row_add_source_button (AdwExpanderRow *expander, const char *tooltip, GtkWidget **button_out)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *button = gtk_menu_button_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_popover_set_child (GTK_POPOVER (popover), label);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "dialog-information-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  adw_expander_row_add_action (expander, button);
  if (button_out)
    *button_out = button;
  return label;
}

GtkWidget *
lgr_row_new_enable_switch (const char *label, GCallback on_active, gpointer data)
{
  GtkWidget *enabled = gtk_switch_new ();

  gtk_widget_set_valign (enabled, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (enabled), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_signal_connect (enabled, "notify::active", on_active, data);
  return enabled;
}

GtkWidget *
lgr_row_add_entry_row (AdwExpanderRow *expander, const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  adw_expander_row_add_row (expander, row);
  return row;
}

GtkStringList *
lgr_row_translated_list (const char *const *names, guint n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, gettext (names[i]));
  return list;
}

GtkWidget *
lgr_row_add_profile_row (AdwExpanderRow *expander, const char *title, const char *entry_label,
                         GCallback on_activate, gpointer data, GtkWidget **entry)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  *entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (*entry), 12);
  gtk_widget_set_valign (*entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  entry_label, -1);
  g_signal_connect (*entry, "activate", on_activate, data);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *entry);
  adw_expander_row_add_row (expander, row);
  return row;
}

void
lgr_row_show_profile_error (GtkWidget *profile_row, GtkWidget *entry, const char *message)
{
  gtk_widget_add_css_class (entry, "error");
  gtk_widget_set_tooltip_text (entry, message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (profile_row), message);
}

void
lgr_row_add_remove_row (AdwExpanderRow *expander, const char *title, GCallback on_clicked,
                        gpointer data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_signal_connect (button, "clicked", on_clicked, data);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_expander_row_add_row (expander, row);
}

gboolean
lgr_row_unref_later (gpointer object)
{
  g_object_unref (object);
  return G_SOURCE_REMOVE;
}
