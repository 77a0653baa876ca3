/* lgr-file-chooser.h: asking for a file to open or write (GtkFileChooserNative, portals included)
 * - starting in the last folder used (GSettings "last-folder").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called only when a file was chosen. */
typedef void (*LgrFileChosenFunc) (GObject *owner, GFile *file);

void lgr_choose_file (GtkWindow *parent, GSettings *settings, gboolean save, const char *title,
                      const char *suggested_name, const char *filter_name, const char *pattern,
                      GObject *owner, LgrFileChosenFunc func);

G_END_DECLS
