/* lgr-row-helpers.h: the parts the lever and item rows (AdwExpanderRow) build the same way.
 * They take their titles already translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An "i" button in the header of expander whose popover shows the returned label (wrapping,
 * selectable); *button, if not NULL, is set to the button. */
GtkWidget *lgr_row_add_source_button (AdwExpanderRow *expander, const char *tooltip,
                                      GtkWidget **button);
/* The switch that includes the lever or item in the results, calling on_active with data when
 * it is flipped. Not yet added to the row. */
GtkWidget *lgr_row_new_enable_switch (const char *label, GCallback on_active, gpointer data);
/* An entry row with an apply button, added to expander. */
GtkWidget *lgr_row_add_entry_row (AdwExpanderRow *expander, const char *title);
/* A new string list of names (marked for translation), translated. */
GtkStringList *lgr_row_translated_list (const char *const *names, guint n);
/* A row with an entry for a profile ("50, 50"), added to expander; *entry is set to the entry,
 * which calls on_activate with data on Enter. */
GtkWidget *lgr_row_add_profile_row (AdwExpanderRow *expander, const char *title,
                                    const char *entry_label, GCallback on_activate, gpointer data,
                                    GtkWidget **entry);
/* Shows message on a refused profile entry and as the subtitle of its row. */
void lgr_row_show_profile_error (GtkWidget *profile_row, GtkWidget *entry, const char *message);
/* A row with a bin button, added to expander, calling on_clicked with data. */
void lgr_row_add_remove_row (AdwExpanderRow *expander, const char *title, GCallback on_clicked,
                             gpointer data);
/* A GSourceFunc that drops a reference: keeps a widget alive until the main loop is back. */
gboolean lgr_row_unref_later (gpointer object);

G_END_DECLS
