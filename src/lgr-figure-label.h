/* lgr-figure-label.h: a one-line label for a figure that changes on every edit (a card's
 * money, the year table's cells in view). Unlike GtkLabel, a new text of the same size only
 * redraws: it does not lay the window out again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LGR_TYPE_FIGURE_LABEL (lgr_figure_label_get_type ())
G_DECLARE_FINAL_TYPE (LgrFigureLabel, lgr_figure_label, LGR, FIGURE_LABEL, GtkWidget)

GtkWidget *lgr_figure_label_new (const char *text);
void lgr_figure_label_set_text (LgrFigureLabel *self, const char *text);
const char *lgr_figure_label_get_text (LgrFigureLabel *self);
void lgr_figure_label_set_xalign (LgrFigureLabel *self, float xalign);

/* How many text changes asked for a new layout (for the tests). */
guint lgr_figure_label_get_n_resizes (LgrFigureLabel *self);

G_END_DECLS
