/* lgr-row-helpers.c: setters that leave a widget alone when nothing changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-row-helpers.h"

#include <glib/gi18n.h>

#include "lgr-format.h"
#include "lgr-row-summary.h"

void
lgr_row_set_title (AdwPreferencesRow *row, const char *title)
{
  if (g_strcmp0 (adw_preferences_row_get_title (row), title) != 0)
    adw_preferences_row_set_title (row, title);
}

void
lgr_row_set_expander_subtitle (AdwExpanderRow *row, const char *subtitle)
{
  lgr_row_set_summary (row, subtitle);
}

void
lgr_row_set_action_subtitle (AdwActionRow *row, const char *subtitle)
{
  if (g_strcmp0 (adw_action_row_get_subtitle (row), subtitle) != 0)
    adw_action_row_set_subtitle (row, subtitle);
}

void
lgr_row_set_label_text (GtkWidget *label, const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
}

void
lgr_row_set_tooltip (GtkWidget *widget, const char *tooltip)
{
  const char *current = gtk_widget_get_tooltip_text (widget);
  if (g_strcmp0 (current, tooltip) != 0)
    gtk_widget_set_tooltip_text (widget, tooltip);
}

void
lgr_row_set_menu_icon (GtkMenuButton *button, const char *icon_name)
{
  if (g_strcmp0 (gtk_menu_button_get_icon_name (button), icon_name) != 0)
    gtk_menu_button_set_icon_name (button, icon_name);
}

void
lgr_row_set_editable_text (GtkWidget *editable, const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

void
lgr_row_show_profile_error (GtkWidget *profile_row, GtkWidget *entry, const char *message)
{
  gtk_widget_add_css_class (entry, "error");
  lgr_row_set_tooltip (entry, message);
  lgr_row_set_action_subtitle (ADW_ACTION_ROW (profile_row), message);
}

void
lgr_row_clear_error (GtkWidget *widget)
{
  if (widget == NULL || !gtk_widget_has_css_class (widget, "error"))
    return;
  gtk_widget_remove_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, NULL);
}

/* libadwaita 1.2 ends a long group title with "…" ("North Warwickshire Council · Children's
 * social c…"); the title wraps instead, so no heading is cut short at any text size. */
static gboolean
wrap_title (GtkWidget *widget, const char *markup)
{
  if (markup == NULL)
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), markup) == 0)
        {
          gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_NONE);
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          return TRUE;
        }
      /* The title is in the group's header, before its rows. */
      if (!GTK_IS_LIST_BOX (child) && wrap_title (child, markup))
        return TRUE;
    }
  return FALSE;
}

void
lgr_row_set_group_title (AdwPreferencesGroup *group, const char *text)
{
  g_autofree char *markup = text ? g_markup_escape_text (text, -1) : NULL;
  if (g_strcmp0 (adw_preferences_group_get_title (group), markup) != 0)
    {
      adw_preferences_group_set_title (group, markup);
      wrap_title (GTK_WIDGET (group), markup);
    }
}

/* The content is made visible the first time the row expands, and stays so: hiding mapped
 * editors again on every fold left small allocations behind in GTK 4.8 (the sanitizer build
 * reports them), and the saving that matters is for the rows nobody has opened. */
static void
on_expanded_notify (AdwExpanderRow *row, GParamSpec *pspec, gpointer unused)
{
  GtkWidget *content = g_object_get_data (G_OBJECT (row), "lgr-folded-content");

  if (content != NULL && adw_expander_row_get_expanded (row))
    {
      gtk_widget_set_visible (content, TRUE);
      g_object_set_data (G_OBJECT (row), "lgr-folded-content", NULL);
      g_signal_handlers_disconnect_by_func (row, on_expanded_notify, NULL);
    }
}

void
lgr_row_hide_folded_rows (AdwExpanderRow *row, GtkWidget *one_of_its_rows)
{
  GtkWidget *revealer = gtk_widget_get_ancestor (one_of_its_rows, GTK_TYPE_REVEALER);
  GtkWidget *content;

  g_return_if_fail (revealer != NULL && gtk_widget_is_ancestor (revealer, GTK_WIDGET (row)));
  if (adw_expander_row_get_expanded (row))
    return;
  content = gtk_revealer_get_child (GTK_REVEALER (revealer));
  gtk_widget_set_visible (content, FALSE);
  /* content is inside row and goes with it, so row may point at it without a reference */
  g_object_set_data (G_OBJECT (row), "lgr-folded-content", content);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (on_expanded_notify), NULL);
}

void
lgr_row_set_start_year_range (LgrNumberRow *row, const LgrStudy *study, double value)
{
  g_autofree char *year = lgr_format_financial_year ((int)value);
  g_autofree char *info = g_strdup_printf (_ ("from %s"), year);

  lgr_number_row_set_info (row, info);
  lgr_number_row_set_slider_range (row, study->first_year, study->first_year + study->years - 1, 1);
}
