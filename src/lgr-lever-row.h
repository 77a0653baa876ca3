/* lgr-lever-row.h: one lever of a scenario, editable: cohort and unit cost (baseline and target)
 * with sliders and exact entries, growth, realisation, enable, benchmark, source, remove
 * (ui/lgr-lever-row.ui). Every change goes through the LgrDocument; a refused value shows its
 * reason on its row. The row follows the document's "changed" itself and touches only the
 * widgets whose value or text differs; a row whose lever is removed shows it as it was until its
 * owner drops it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lgr-document.h"
#include "lgr-number-row.h"

G_BEGIN_DECLS

#define LGR_TYPE_LEVER_ROW (lgr_lever_row_get_type ())
G_DECLARE_FINAL_TYPE (LgrLeverRow, lgr_lever_row, LGR, LEVER_ROW, AdwExpanderRow)

typedef enum
{
  LGR_LEVER_FIELD_COHORT_BASELINE,
  LGR_LEVER_FIELD_COHORT_TARGET,
  LGR_LEVER_FIELD_UNIT_COST_BASELINE,
  LGR_LEVER_FIELD_UNIT_COST_TARGET,
  LGR_LEVER_FIELD_GROWTH_COHORT,
  LGR_LEVER_FIELD_GROWTH_UNIT_COST,
  LGR_LEVER_FIELD_REALISATION_START,
  LGR_LEVER_N_FIELDS
} LgrLeverField;

/* The rows that describe the lever (not shown in compact rows). */
typedef enum
{
  LGR_LEVER_EDITOR_NAME,        /* AdwEntryRow, applied with its apply button or Enter */
  LGR_LEVER_EDITOR_SERVICE,     /* AdwEntryRow; empty for none */
  LGR_LEVER_EDITOR_AUTHORITY,   /* AdwComboRow of the scenario's authorities */
  LGR_LEVER_EDITOR_BASIS,       /* AdwComboRow: people, per 10,000 children, per 10,000 residents */
  LGR_LEVER_EDITOR_UNIT_PERIOD, /* AdwComboRow: a week, a year */
  LGR_LEVER_EDITOR_BENEFIT,     /* AdwComboRow: cashable, cost avoidance */
  LGR_LEVER_N_EDITORS
} LgrLeverEditor;

/* compact: only the targets (presentation mode), expanded. */
GtkWidget *lgr_lever_row_new (LgrDocument *document, const char *scenario_id, const char *lever_id,
                              gboolean compact);
const char *lgr_lever_row_get_lever_id (LgrLeverRow *self);
/* Shows the document's current values now; the row also does this by itself on "changed". */
void lgr_lever_row_sync (LgrLeverRow *self);
/* The row of one field, or NULL if this row does not show it. */
LgrNumberRow *lgr_lever_row_get_field (LgrLeverRow *self, LgrLeverField field);

GtkWidget *lgr_lever_row_get_editor (LgrLeverRow *self, LgrLeverEditor editor);
/* Why the last change made through one of the editors was refused, or NULL. */
const char *lgr_lever_row_get_error (LgrLeverRow *self);
/* The source note's editor (an LgrSourceEditor), in the source button's popover. */
GtkWidget *lgr_lever_row_get_source_editor (LgrLeverRow *self);

/* "per 10,000 children", "people", "£ a week" */
const char *lgr_lever_cohort_unit (const LgrLever *lever);
const char *lgr_lever_cost_unit (const LgrLever *lever);

/* The line saying the target rate's switching value in words, or NULL to hide it. */
void lgr_lever_row_set_switching (LgrLeverRow *self, const char *text);
const char *lgr_lever_row_get_switching (LgrLeverRow *self);

G_END_DECLS
