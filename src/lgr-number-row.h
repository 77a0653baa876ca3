/* lgr-number-row.h: a row with a slider and an exact entry for one number, its unit beside it.
 *
 * The row parses what is typed (lgr_parse_number) and hands the value on; it does not apply it.
 * Whoever owns the row validates the value and, if it is refused, shows the reason with
 * lgr_number_row_set_error(). Slider movements are reported with dragging TRUE, and
 * "edit-finished" follows once the slider has been still for a moment, so a drag can be one
 * undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LGR_TYPE_NUMBER_ROW (lgr_number_row_get_type ())
G_DECLARE_FINAL_TYPE (LgrNumberRow, lgr_number_row, LGR, NUMBER_ROW, AdwActionRow)

/* unit is shown after the entry ("per 10,000 children", "£ a week"); slider_upper 0: no slider.
 * The same as properties "title", "unit", "slider-lower", "slider-upper" and "step", so the row can
 * be declared in a template. Every setter leaves the widgets alone when nothing changes. */
GtkWidget *lgr_number_row_new (const char *title, const char *unit, double slider_lower,
                               double slider_upper, double step);

/* The unit after the entry; also in the entry's accessible name. */
void lgr_number_row_set_unit (LgrNumberRow *self, const char *unit);
double lgr_number_row_get_value (LgrNumberRow *self);
/* Shows value without emitting "value-changed"; a new value clears the error. */
void lgr_number_row_set_value (LgrNumberRow *self, double value);
void lgr_number_row_set_slider_range (LgrNumberRow *self, double lower, double upper, double step);
/* A line under the title, e.g. "= 364 children" or "baseline 72.8". */
void lgr_number_row_set_info (LgrNumberRow *self, const char *info);
/* Shows why a value was refused (NULL clears it). */
void lgr_number_row_set_error (LgrNumberRow *self, const char *message);
const char *lgr_number_row_get_error (LgrNumberRow *self);
/* The entry, for tests and for mnemonic focus. */
GtkEditable *lgr_number_row_get_entry (LgrNumberRow *self);
GtkRange *lgr_number_row_get_scale (LgrNumberRow *self);
/* Types text into the entry and commits it, as a person pressing Enter would. */
void lgr_number_row_commit_text (LgrNumberRow *self, const char *text);

G_END_DECLS
