/* lgr-window-private.h: what the window's tests may look at. */
#pragma once

#include "lgr-chart-view.h"
#include "lgr-scenario-sidebar.h"
#include "lgr-summary-card.h"
#include "lgr-window.h"
#include "lgr-year-table.h"

G_BEGIN_DECLS

LgrScenarioSidebar *lgr_window_get_sidebar (LgrWindow *self);
LgrChartView *lgr_window_get_chart_view (LgrWindow *self);
LgrSummaryCard *lgr_window_find_card (LgrWindow *self, const char *scenario_id);
LgrYearTable *lgr_window_find_table (LgrWindow *self, const char *scenario_id);
const char *lgr_window_get_verdict (LgrWindow *self);
/* The question the window is asking (unsaved changes, load error), or NULL. */
AdwMessageDialog *lgr_window_get_dialog (LgrWindow *self);
gboolean lgr_window_get_presenting (LgrWindow *self);
gboolean lgr_window_get_draft_offered (LgrWindow *self);
GtkWidget *lgr_window_get_presentation_levers (LgrWindow *self);
/* Writes the visible scenario's table as CSV, as "Export Table as CSV" does after its dialog. */
gboolean lgr_window_export_csv_to (LgrWindow *self, GFile *file, GError **error);
/* The export dialog while it is open, or NULL. */
GtkWindow *lgr_window_get_export_dialog (LgrWindow *self);

G_END_DECLS
