/* lgr-row-helpers.c: setters that leave a widget alone when nothing changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-row-helpers.h"

#include <glib/gi18n.h>

#include "lgr-format.h"

void
lgr_row_set_title (AdwPreferencesRow *row, const char *title)
{
  if (g_strcmp0 (adw_preferences_row_get_title (row), title) != 0)
    adw_preferences_row_set_title (row, title);
}

void
lgr_row_set_expander_subtitle (AdwExpanderRow *row, const char *subtitle)
{
  if (g_strcmp0 (adw_expander_row_get_subtitle (row), subtitle) != 0)
    adw_expander_row_set_subtitle (row, subtitle);
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

void
lgr_row_set_group_title (AdwPreferencesGroup *group, const char *text)
{
  g_autofree char *markup = text ? g_markup_escape_text (text, -1) : NULL;
  if (g_strcmp0 (adw_preferences_group_get_title (group), markup) != 0)
    adw_preferences_group_set_title (group, markup);
}

/* The content is visible while the row is expanded, or while its revealer is still closing. */
static void
sync_folded (GtkWidget *content)
{
  GtkWidget *revealer = gtk_widget_get_parent (content);
  GtkWidget *row = gtk_widget_get_ancestor (content, ADW_TYPE_EXPANDER_ROW);
  gboolean shown;

  if (row == NULL || !GTK_IS_REVEALER (revealer))
    return;
  shown = adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row))
          || gtk_revealer_get_child_revealed (GTK_REVEALER (revealer));
  if (!shown != !gtk_widget_get_visible (content))
    gtk_widget_set_visible (content, shown);
}

static void
on_folded_notify (GObject *object, GParamSpec *pspec, GtkWidget *content)
{
  sync_folded (content);
}

void
lgr_row_hide_folded_rows (AdwExpanderRow *row, GtkWidget *one_of_its_rows)
{
  GtkWidget *revealer = gtk_widget_get_ancestor (one_of_its_rows, GTK_TYPE_REVEALER);
  GtkWidget *content;

  g_return_if_fail (revealer != NULL && gtk_widget_is_ancestor (revealer, GTK_WIDGET (row)));
  content = gtk_revealer_get_child (GTK_REVEALER (revealer));
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_folded_notify), content, 0);
  g_signal_connect_object (revealer, "notify::child-revealed", G_CALLBACK (on_folded_notify),
                           content, 0);
  sync_folded (content);
}

void
lgr_row_set_start_year_range (LgrNumberRow *row, const LgrStudy *study, double value)
{
  g_autofree char *year = lgr_format_financial_year ((int)value);
  g_autofree char *info = g_strdup_printf (_ ("from %s"), year);

  lgr_number_row_set_info (row, info);
  lgr_number_row_set_slider_range (row, study->first_year, study->first_year + study->years - 1, 1);
}
