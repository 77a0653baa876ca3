/* lgr-wrap-label.h: a wrapping label for a sentence that changes on every edit (the verdict, a
 * lever row's summary). Unlike GtkLabel, a new text that measures the same as the old one at
 * every size the layout has asked for only redraws: it does not lay the window out again.
 * Measured and drawn as a wrapping GtkLabel with the same text, alignment and style is. Its
 * context menu copies the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LGR_TYPE_WRAP_LABEL (lgr_wrap_label_get_type ())
G_DECLARE_FINAL_TYPE (LgrWrapLabel, lgr_wrap_label, LGR, WRAP_LABEL, GtkWidget)

GtkWidget *lgr_wrap_label_new (const char *text);
void lgr_wrap_label_set_text (LgrWrapLabel *self, const char *text);
const char *lgr_wrap_label_get_text (LgrWrapLabel *self);
void lgr_wrap_label_set_xalign (LgrWrapLabel *self, float xalign);
void lgr_wrap_label_set_wrap_mode (LgrWrapLabel *self, PangoWrapMode mode);

/* How many text changes asked for a new layout (for the tests). */
guint lgr_wrap_label_get_n_resizes (LgrWrapLabel *self);

G_END_DECLS
