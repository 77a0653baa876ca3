/* lgr-row-helpers.h: what the sidebar and its rows do the same way. Each setter touches its
 * widget only when the text differs from what it shows, so syncing a row from the document
 * costs nothing when nothing changed (a tooltip, for one, is a round trip to the display).
 *
 * Text typed by users ("Children & Families", "<senior>") is plain text. Rows show it as is:
 * every row of the templates sets use-markup to False (tests/check-plain-rows.py checks it),
 * and rows made in code call adw_preferences_row_set_use_markup (row, FALSE) before their
 * title. Preference group titles and toasts are always markup in libadwaita 1.2: pass user
 * text through lgr_row_set_group_title or g_markup_escape_text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lgr-number-row.h"
#include "lgr-study.h"

G_BEGIN_DECLS

void lgr_row_set_title (AdwPreferencesRow *row, const char *title);
/* In a wrap label, so that a new text of the same size only redraws (lgr-row-summary.h):
 * lgr_row_get_summary gives it back. */
void lgr_row_set_expander_subtitle (AdwExpanderRow *row, const char *subtitle);
void lgr_row_set_action_subtitle (AdwActionRow *row, const char *subtitle);
void lgr_row_set_label_text (GtkWidget *label, const char *text);
void lgr_row_set_tooltip (GtkWidget *widget, const char *tooltip);
/* Setting a menu button's icon makes a new image and lays the window out again, even when it is
 * the same icon: this sets it only when it changes. */
void lgr_row_set_menu_icon (GtkMenuButton *button, const char *icon_name);
/* Sets a preference group's title (markup in libadwaita 1.2) to plain text, escaped. */
void lgr_row_set_group_title (AdwPreferencesGroup *group, const char *text);
/* Sets the text of a GtkEditable (an entry, an entry row). */
void lgr_row_set_editable_text (GtkWidget *editable, const char *text);
/* Shows message on a refused profile entry and as the subtitle of its row. */
void lgr_row_show_profile_error (GtkWidget *profile_row, GtkWidget *entry, const char *message);

/* A start-year editor: "from 2028/29" beside it, its slider over the study's timeline. */
void lgr_row_set_start_year_range (LgrNumberRow *row, const LgrStudy *study, double value);
/* Removes the "error" style and the tooltip that gave the reason, if widget has them. */
void lgr_row_clear_error (GtkWidget *widget);
/* Keeps the rows of a folded expander row out of the layout: the content of its revealer (the
 * list that holds one_of_its_rows) is invisible while the row is folded and the revealer closed,
 * and visible as soon as the row expands. GTK 4.8's revealer measures its child even when closed,
 * so otherwise every text change in a folded row measures all its rows again. The rows are
 * still there and are synced as before; only their layout waits. Once opened, they stay
 * visible. */
void lgr_row_hide_folded_rows (AdwExpanderRow *row, GtkWidget *one_of_its_rows);

G_END_DECLS
