/* lgr-row-summary.c: an expander row's subtitle in a wrap label (lgr-row-summary.h).
 *
 * libadwaita 1.2 shows an expander row's subtitle in a GtkLabel of its header, and every new
 * text lays the whole window out again: a lever's summary changes on every step of a drag. The
 * wrap label is put beside that label, in the same box, with the same style classes, wrap mode
 * and alignment, so it is laid out and drawn where and as the subtitle would be; the row's own
 * subtitle stays empty, which hides libadwaita's label. Where the header's label is not found
 * (another libadwaita), the row's subtitle is used as before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-row-summary.h"

#include "lgr-wrap-label.h"

#define SUMMARY_KEY "lgr-row-summary"

/* The header's subtitle label: the first label styled "subtitle" outside the row's revealer
 * (which holds its rows). */
static GtkWidget *
find_subtitle (GtkWidget *widget)
{
  if (GTK_IS_REVEALER (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "subtitle"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_subtitle (child);
      if (found)
        return found;
    }
  return NULL;
}

/* The wrap label of row, made on first use; NULL where it cannot stand in for the subtitle. */
static LgrWrapLabel *
ensure_label (AdwExpanderRow *row)
{
  GtkWidget *subtitle, *box, *label;
  char **classes;

  label = g_object_get_data (G_OBJECT (row), SUMMARY_KEY);
  if (label)
    return LGR_WRAP_LABEL (label);
  subtitle = find_subtitle (GTK_WIDGET (row));
  if (subtitle == NULL || !GTK_IS_BOX (gtk_widget_get_parent (subtitle))
      || !gtk_label_get_wrap (GTK_LABEL (subtitle))
      || gtk_label_get_ellipsize (GTK_LABEL (subtitle)) != PANGO_ELLIPSIZE_NONE)
    return NULL;
  box = gtk_widget_get_parent (subtitle);
  label = lgr_wrap_label_new (NULL);
  lgr_wrap_label_set_wrap_mode (LGR_WRAP_LABEL (label),
                                (PangoWrapMode)gtk_label_get_wrap_mode (GTK_LABEL (subtitle)));
  lgr_wrap_label_set_xalign (LGR_WRAP_LABEL (label), gtk_label_get_xalign (GTK_LABEL (subtitle)));
  gtk_widget_set_halign (label, gtk_widget_get_halign (subtitle));
  gtk_widget_set_valign (label, gtk_widget_get_valign (subtitle));
  gtk_widget_set_hexpand (label, gtk_widget_get_hexpand (subtitle));
  classes = gtk_widget_get_css_classes (subtitle);
  gtk_widget_set_css_classes (label, (const char **)classes);
  g_strfreev (classes);
  gtk_widget_set_visible (label, FALSE);
  gtk_box_insert_child_after (GTK_BOX (box), label, subtitle);
  /* label is inside row and goes with it, so row may point at it without a reference */
  g_object_set_data (G_OBJECT (row), SUMMARY_KEY, label);
  return LGR_WRAP_LABEL (label);
}

void
lgr_row_set_summary (AdwExpanderRow *row, const char *text)
{
  LgrWrapLabel *label;

  g_return_if_fail (ADW_IS_EXPANDER_ROW (row));

  if (text == NULL)
    text = "";
  label = ensure_label (row);
  if (label == NULL)
    {
      if (g_strcmp0 (adw_expander_row_get_subtitle (row), text) != 0)
        adw_expander_row_set_subtitle (row, text);
      return;
    }
  lgr_wrap_label_set_text (label, text);
  if (gtk_widget_get_visible (GTK_WIDGET (label)) != (*text != '\0'))
    gtk_widget_set_visible (GTK_WIDGET (label), *text != '\0');
}

const char *
lgr_row_get_summary (AdwExpanderRow *row)
{
  GtkWidget *label;

  g_return_val_if_fail (ADW_IS_EXPANDER_ROW (row), NULL);

  label = g_object_get_data (G_OBJECT (row), SUMMARY_KEY);
  if (label)
    return lgr_wrap_label_get_text (LGR_WRAP_LABEL (label));
  return adw_expander_row_get_subtitle (row) ? adw_expander_row_get_subtitle (row) : "";
}
