/* lgr-row-helpers.h: what the sidebar and its rows do the same way. Each setter touches its
 * widget only when the text differs from what it shows, so syncing a row from the document
 * costs nothing when nothing changed (a tooltip, for one, is a round trip to the display).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void lgr_row_set_title (AdwPreferencesRow *row, const char *title);
void lgr_row_set_expander_subtitle (AdwExpanderRow *row, const char *subtitle);
void lgr_row_set_action_subtitle (AdwActionRow *row, const char *subtitle);
void lgr_row_set_label_text (GtkWidget *label, const char *text);
void lgr_row_set_tooltip (GtkWidget *widget, const char *tooltip);
/* Sets the text of a GtkEditable (an entry, an entry row). */
void lgr_row_set_editable_text (GtkWidget *editable, const char *text);
/* Shows message on a refused profile entry and as the subtitle of its row. */
void lgr_row_show_profile_error (GtkWidget *profile_row, GtkWidget *entry, const char *message);
/* Removes the "error" style and the tooltip that gave the reason, if widget has them. */
void lgr_row_clear_error (GtkWidget *widget);

G_END_DECLS
