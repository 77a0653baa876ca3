/* lgr-label-render.h: where GtkLabel draws its text, for the labels that stand in for it
 * (LgrFigureLabel, LgrWrapLabel) and must look the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Draws layout in widget as GtkLabel places it: by xalign across (mirrored right to left),
 * on the allocated baseline if there is one, else centred down. */
void lgr_label_render_layout (GtkWidget *widget, GtkSnapshot *snapshot, PangoLayout *layout,
                              float xalign);

G_END_DECLS
