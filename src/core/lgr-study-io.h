/* lgr-study-io.h: reading and writing .lgr study files (docs/format.md) with libxml2.
 *
 * Loading is strict: every element and attribute of the file is understood or the file is
 * refused with a message naming the file and line, e.g.
 * "warwickshire.lgr:41: lever “north-lac”: target rate 12000 is not between 0 and 10000".
 * No DOCTYPE, no entities, no network, no XInclude; files over 16 MiB or deeper than 32
 * elements are refused. Saving writes a new file beside the old one and renames it over.
 *
 * The format is the table of lgr-study-schema.c; lgr-study-reader.c reads the XML safely,
 * lgr-study-loader.c builds the study through the table, lgr-study-writer.c writes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lgr-file-replace.h"
#include "lgr-study.h"

G_BEGIN_DECLS

/* display_name is what messages call the file (usually its basename). Errors are in the
 * LGR_STUDY_ERROR domain (lgr-rules.h): IO (missing, unreadable, not a regular file: a folder,
 * pipe or device is refused before it is read), MALFORMED (empty, binary, not UTF-8, not XML,
 * not well-formed, cut short), UNSAFE (DOCTYPE, entities, over 16 MiB, nested over 32 deep, a
 * tag with over 32 attributes, a name or value too long to read),
 * VERSION (a newer format) or INVALID (breaks a rule of docs/format.md). Text elements are trimmed
 * at both ends (line breaks inside are kept); a <value> may have white space around its number.
 * Comments are allowed and not kept. Each object's line field is set to its element's line. */
LgrStudy *lgr_study_load_data (const char *data, gsize length, const char *display_name,
                               GError **error);
LgrStudy *lgr_study_load_bytes (GBytes *bytes, const char *display_name, GError **error);
LgrStudy *lgr_study_load_file (GFile *file, GCancellable *cancellable, GError **error);
/* Messages name the file by path as given, as compilers do ("studies/a.lgr:12: ..."). */
LgrStudy *lgr_study_load_path (const char *path, GError **error);

/* The bundled Warwickshire study, compiled into the core library. */
LgrStudy *lgr_study_load_bundled (GError **error);
GBytes *lgr_study_bundled_bytes (void);

/* Serialises to the XML of docs/format.md (UTF-8, dot decimals, shortest round-trip numbers). */
char *lgr_study_to_xml (const LgrStudy *study, gsize *length);

/* Atomic replace: on failure the old file is intact and error says why. The study is checked
 * with lgr_study_validate() first and not written if it breaks a rule (what is written always
 * loads back). A symbolic link is followed; the replaced file keeps its permissions. A
 * read-only file is refused with LGR_FILE_REPLACE_ERROR_READ_ONLY unless flags say to
 * overwrite it (lgr-file-replace.h); other failures are LGR_STUDY_ERROR_IO. */
gboolean lgr_study_save_file (const LgrStudy *study, GFile *file, GCancellable *cancellable,
                              GError **error);
gboolean lgr_study_save_file_full (const LgrStudy *study, GFile *file, LgrFileReplaceFlags flags,
                                   GCancellable *cancellable, GError **error);
gboolean lgr_study_save_path (const LgrStudy *study, const char *path, GError **error);

G_END_DECLS
