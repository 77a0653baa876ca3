/* lgr-help.h: opening the user guide (the Mallard pages of help/C/) - in Yelp, else as web pages, else a
 * message that says where it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The guide in Yelp, the GNOME help viewer. */
#define LGR_HELP_URI "help:lgr-explorer"

/* The guide's HTML front page: the installed one, else (an uninstalled build) the build
 * tree's; NULL if neither exists. */
char *lgr_help_html_path (void);

/* Whether Yelp can find the guide's pages (help/C/lgr-explorer/index.page under one of the
 * XDG data directories, where Yelp looks). */
gboolean lgr_help_pages_installed (void);

/* What F1 and Help > User Guide do: LGR_HELP_URI if the pages are installed, else or when that
 * fails the HTML pages in the default web browser, else a message over parent. */
void lgr_help_show (GtkWindow *parent);

/* The same with the two places given: help_uri (may be NULL: not tried) and html_path (may be
 * NULL or missing: the message names where the guide would be). */
void lgr_help_show_uris (GtkWindow *parent, const char *help_uri, const char *html_path);

G_END_DECLS
